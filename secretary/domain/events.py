"""The events of a meeting, as plain JSON-ready dictionaries with a schema.

A meeting is an append-only list of events; all state is derived from them.
The scenario events of ``docs/scenario-format`` (arrive, leave, apologies,
proxy, declare, consensus, vote) are joined by the events the live window
records (people and items added, notes, actions, financial log, focus, and
``retract`` for corrections and undo).

One module (over 400 lines): the schema is one table, and its field kinds are checked
by the validators beside it; split, a kind and its check could drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from secretary.domain.text import Msg
from secretary.errors import SecretaryError

CHOICES = ("for", "against", "abstain")
CASTING = ("for", "against")
# Before 29 November 2026 a casting vote could also be "abstain" (a scenario file's,
# stored by `secretary replay --db`): still read from a record, where it plays as it
# did (not carried), never accepted for a new event. A rule tightened later must not
# make what was recorded under the old one unreadable (docs/replay.md).
CASTING_STORED = CHOICES
# "unstated": declared, with no consequence stated (counts as "none" for the rules).
ACTIONS = ("none", "abstain", "withdraw", "unstated")
# An item's purpose, as agendas print it ("for decision").
PURPOSES = ("decision", "discussion", "information", "ratification", "noting")
# A standing declaration from the register of interests, at the declarations item.
STANDING = ("confirmed", "changed", "new")
MODES = ("in_person", "remote")
ROLES = ("member", "deputy", "attendee")
OUTCOMES = ("ratified", "noted", "not_ratified")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A sane range for money and counts: no budget line of a cluster reaches a
# trillion pounds, and a number beyond a float's range cannot even be added up.
MAX_AMOUNT = 10**12
MAX_WHOLE = 10**9
# A planned item runs at most ten hours (minutes).
MAX_DURATION = 600
# The largest paper kept inside the record: a scanned pack of a few hundred pages; a
# record is copied whole to a USB stick and a backup, so a film does not belong in it.
MAX_PAPER_BYTES = 20 * 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class EventError(SecretaryError, ValueError):
    """An event that is not well formed, or that the meeting cannot take: the message
    says which field or rule and why. A rule's refusal is worded as a ``Msg`` and
    given in the current language (``problem`` renders it in any other); a field's,
    for the files and scripts that write events, in English."""

    def __init__(self, problem: str | Msg):
        self.problem = problem
        super().__init__(problem if isinstance(problem, str) else problem.render())


def new_event_id() -> str:
    """A fresh event's uuid. (uuid, and the platform module it loads, are imported
    at the first new event: a first paint reads stored events only.)"""
    import uuid

    return str(uuid.uuid4())


@dataclass(frozen=True)
class Event:
    """A fact recorded in a meeting: its type, its data (facts, not words) and its id."""

    type: str
    data: Mapping[str, Any]
    id: str = field(default_factory=new_event_id)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, **self.data}


# field: (required, kind) where kind is a validator name below.
SCHEMA: dict[str, dict[str, tuple[bool, str]]] = {
    "arrive": {"person": (True, "str"), "at": (False, "time"), "mode": (False, "mode")},
    "leave": {"person": (True, "str"), "at": (False, "time"), "after_item": (False, "str")},
    "apologies": {"person": (True, "str"), "at": (False, "time")},
    "absent": {"person": (True, "str")},
    "proxy": {
        "from": (True, "str"),
        "to": (True, "str"),
        "item": (False, "str"),
        "direction": (False, "choice"),
        "at": (False, "time"),
    },
    "declare": {
        "person": (True, "str"),
        "item": (False, "str"),
        "interest": (True, "str"),
        "action": (True, "action"),
        "at": (False, "time"),
        "standing": (False, "standing"),
    },
    "consensus": {"item": (True, "str"), "at": (False, "time"), "text": (False, "str")},
    "vote": {
        "item": (True, "str"),
        "votes": (True, "votes"),
        # The chair's casting vote on a tie (docs/replay.md): for or against only;
        # a chair who declines to use it gives none.
        "casting": (False, "casting"),
        "at": (False, "time"),
        "text": (False, "str"),
    },
    # Events the live window records besides the scenario ones.
    "person_added": {
        "person": (True, "str"),
        "name": (True, "str"),
        "role": (True, "role"),
        "seat": (False, "str"),
        "kind": (False, "str"),
        "email": (False, "str"),
        "organisation": (False, "str"),
        "at": (False, "time"),
        "profession": (False, "str"),
        "substitute_agreed": (False, "bool"),
    },
    "item_added": {
        "item": (True, "str"),
        # A standing item is stored by its key (``standing``), without words; every
        # other item needs a title (checked in check_event). See domain.agenda.
        "title": (False, "str"),
        "financial": (False, "bool"),
        "amount": (False, "number"),
        "reference": (False, "str"),
        "presenter": (False, "str"),
        "standing": (False, "str"),
        "position": (False, "int"),
        "decision_type": (False, "str"),
        "purpose": (False, "purpose"),
        "parent": (False, "str"),
        "papers": (False, "papers"),
        "of_date": (False, "date"),  # the minutes item: the meeting whose minutes
        "decision": (False, "str"),  # an outside decision listed: its uuid,
        "decision_kind": (False, "str"),  # remote | urgent,
        "decided_on": (False, "date"),  # and the date it was taken
        "budget_line": (False, "str"),  # a financial item: the budget line it spends from
        "starts": (False, "time"),  # the planned start, "HH:MM"
        "duration": (False, "int"),  # the planned minutes, 1 to MAX_DURATION
    },
    "item_moved": {"item": (True, "str"), "position": (True, "int")},
    "item_changed": {
        "item": (True, "str"),
        "title": (False, "str"),
        "financial": (False, "bool"),
        "amount": (False, "number"),
        "reference": (False, "str"),
        "presenter": (False, "str"),
        "budget_line": (False, "str"),
        "purpose": (False, "purpose"),
        "papers": (False, "papers"),
        "decision_type": (False, "str"),
        "starts": (False, "time"),
        "duration": (False, "int"),
    },
    # Before the meeting (docs/before-the-meeting.md): an item taken off the agenda,
    # papers kept inside the record (their bytes in table paper_files, by SHA-256),
    # an investment proposal on the cluster template (ToR 3.2.2, Appendix 1), and the
    # notice of the meeting (5.1: an interim meeting needs the terms' notice).
    "item_withdrawn": {"item": (True, "str"), "reason": (False, "text")},
    "paper_attached": {
        "paper": (True, "str"),
        "item": (True, "str"),
        "title": (True, "str"),
        "sha256": (True, "sha256"),
        "filename": (True, "filename"),
        "size": (True, "int"),
        "media": (False, "str"),
    },
    "paper_withdrawn": {"paper": (True, "str")},
    "proposal_recorded": {
        "item": (True, "str"),
        "proposal": (True, "str"),
        "title": (True, "str"),
        "priority": (True, "str"),
        "description": (False, "text"),
        "outcomes": (False, "text"),
        "lead": (False, "str"),
        "costs": (True, "costs"),
    },
    "meeting_called": {"on": (True, "date"), "interim": (True, "bool")},
    "focus": {"item": (False, "str"), "at": (False, "time")},
    "note": {"item": (True, "str"), "text": (True, "text")},
    "action": {
        "action": (True, "str"),
        "item": (False, "str"),
        "text": (True, "str"),
        "owner": (False, "str"),
        "due": (False, "date"),
        "status": (False, "str"),
    },
    "action_update": {
        "action": (True, "str"),
        "status": (False, "str"),
        "note": (False, "text"),
        "due": (False, "date"),
    },
    "financial_entry": {
        "item": (True, "str"),
        "amount": (True, "number"),
        "budget_line": (False, "str"),
        "signatory": (False, "str"),
        "description": (False, "str"),
        # A recurrent cost: the same amount committed in each of this many financial
        # years from the meeting's (domain.budget), 1 to 10.
        "recurrent_years": (False, "int"),
    },
    "retract": {"target": (True, "str"), "reason": (False, "str")},
    # The real time of an arrival or departure already recorded (typed wrongly, or
    # read from a Teams attendance report): the event keeps its place in the record,
    # so who was present for each decision is unchanged; only the time is corrected.
    "time_corrected": {"target": (True, "str"), "at": (True, "time"), "source": (False, "str")},
    # Between meetings (docs/between-meetings.md). An open action of an earlier
    # meeting of the cluster, brought in as a matter arising so that this meeting
    # can update it (``action_update``) like one of its own.
    "action_carried": {
        "action": (True, "str"),
        "text": (True, "str"),
        "from_meeting": (True, "str"),
        "from_date": (False, "date"),
        # The reference of the item it was agreed under there ("UVC/26/05"), as the
        # action log names it.
        "from_item": (False, "str"),
        "item": (False, "str"),
        "owner": (False, "str"),
        "due": (False, "date"),
        "status": (False, "str"),
    },
    # The minutes of an earlier meeting (its uuid) approved at this one (5.7).
    "minutes_approved": {
        "meeting": (True, "str"),
        "date": (False, "date"),
        "amendments": (False, "text"),
        "fingerprint": (True, "str"),
        "item": (False, "str"),
        "at": (False, "time"),
        # The approved meeting's chain head (store/chain.py), since schema 0004.
        "chain": (False, "str"),
    },
    # A decision taken outside a meeting (its uuid) ratified or noted here (3.2.7, 3.2.9).
    "ratify": {
        "decision": (True, "str"),
        "outcome": (True, "outcome"),
        "item": (False, "str"),
        "text": (False, "text"),
        "at": (False, "time"),
    },
    # Papers sent out before the meeting (5.5), minutes sent to members after it (5.6).
    "papers_sent": {"on": (True, "date")},
    "minutes_sent": {"on": (True, "date")},
    # Someone takes the chair: for one item, or (no item) for the rest of the meeting —
    # the chair withdrawn for an interest, or absent (ToR 2.1; docs/replay.md).
    "chair_taken": {"person": (True, "str"), "item": (False, "str"), "at": (False, "time")},
    "meeting_closed": {"at": (False, "time")},
    # Minutes of an earlier meeting not kept in this record (e.g. the meeting before
    # the first one kept in the app), approved at this one: its date, any amendments.
    "previous_minutes_approved": {
        "date": (True, "date"),
        "amendments": (False, "text"),
        "item": (False, "str"),
        "at": (False, "time"),
    },
    # How many members of the public attended (latest wins).
    "public_attendance": {"count": (True, "count"), "at": (False, "time")},
    "meeting_opened": {"at": (False, "time")},
}

SCENARIO_TYPES = ("arrive", "leave", "apologies", "proxy", "declare", "consensus", "vote")


def check_event(raw: Any, *, stored: bool = False) -> Event:
    """Validate one event dictionary; raise EventError naming the bad field.
    ``stored``: read back from a record, where a value accepted when it was recorded
    (``CASTING_STORED``) still reads."""
    if not isinstance(raw, Mapping):
        raise EventError("an event must be a JSON object")
    etype = raw.get("type")
    if not isinstance(etype, str):
        raise EventError("missing field 'type'")
    schema = SCHEMA.get(etype)
    if schema is None:
        known = ", ".join(sorted(SCHEMA))
        raise EventError(f"unknown event type {etype!r} (known: {known})")
    data: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("type", "id"):
            continue
        if key not in schema:
            raise EventError(f"{etype}: unknown field {key!r}")
        data[key] = _check_value(etype, key, schema[key][1], value, stored)
    for key, (required, _) in schema.items():
        if required and key not in data:
            raise EventError(f"{etype}: missing field {key!r}")
    if etype == "item_added" and "title" not in data and "standing" not in data:
        raise EventError(f"{etype}: missing field 'title'")
    if etype == "financial_entry" and not 1 <= data.get("recurrent_years", 1) <= 10:
        raise EventError(f"{etype}: 'recurrent_years' must be 1 to 10 years")
    if "duration" in data and not 1 <= data["duration"] <= MAX_DURATION:
        raise EventError(f"{etype}: 'duration' must be 1 to {MAX_DURATION} minutes")
    if etype == "paper_attached" and not 0 < data["size"] <= MAX_PAPER_BYTES:
        raise EventError(
            f"{etype}: 'size' must be 1 to {MAX_PAPER_BYTES:,} bytes (20 MB), not {data['size']:,}"
        )
    event_id = raw.get("id")
    if event_id is not None and not isinstance(event_id, str):
        raise EventError(f"{etype}: field 'id' must be text")
    if event_id is not None:
        _check_unicode(f"{etype}: field 'id'", event_id)
    return Event(etype, data, event_id) if event_id else Event(etype, data)


def _check_value(etype: str, key: str, kind: str, value: Any, stored: bool = False) -> Any:
    where = f"{etype}: field {key!r}"
    if kind in ("str", "text"):
        if not isinstance(value, str):
            raise EventError(f"{where} must be text, not {_json_type(value)}")
        if kind == "str" and not value.strip():
            raise EventError(f"{where} must not be empty")
        return _check_unicode(where, value)
    if kind == "time":
        if not isinstance(value, str) or not _TIME.match(value):
            raise EventError(f"{where} must be a time HH:MM, not {_short(value)}")
        return value
    if kind == "date":
        if not isinstance(value, str) or not _DATE.match(value) or not _valid_date(value):
            raise EventError(f"{where} must be a date YYYY-MM-DD, not {_short(value)}")
        return value
    if kind == "mode":
        return _one_of(where, value, MODES)
    if kind == "choice":
        return _one_of(where, value, CHOICES)
    if kind == "casting":
        return _one_of(where, value, CASTING_STORED if stored else CASTING)
    if kind == "action":
        return _one_of(where, value, ACTIONS)
    if kind == "role":
        return _one_of(where, value, ROLES)
    if kind == "outcome":
        return _one_of(where, value, OUTCOMES)
    if kind == "purpose":
        return _one_of(where, value, PURPOSES)
    if kind == "standing":
        return _one_of(where, value, STANDING)
    if kind == "papers":
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise EventError(f"{where} must be a list of paper titles (text)")
        return list(value)
    if kind == "sha256":
        if not isinstance(value, str) or not _SHA256.match(value):
            raise EventError(f"{where} must be a SHA-256 (64 hex digits), not {_short(value)}")
        return value
    if kind == "filename":
        if not isinstance(value, str) or not value.strip():
            raise EventError(f"{where} must be a file name (text)")
        if "/" in value or "\\" in value or value in (".", "..") or "\x00" in value:
            raise EventError(f"{where} must be a plain file name, not a path: {_short(value)}")
        return _check_unicode(where, value)
    if kind == "costs":
        return _check_costs(where, value)
    if kind == "count":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise EventError(f"{where} must be a whole number, 0 or more, not {value!r}")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise EventError(f"{where} must be true or false, not {_short(value)}")
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise EventError(f"{where} must be a whole number, not {_short(value)}")
        if abs(value) > MAX_WHOLE:
            raise EventError(f"{where} is out of range (at most {MAX_WHOLE:,})")
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise EventError(f"{where} must be a number, not {_short(value)}")
        if value != value or value in (float("inf"), float("-inf")):
            raise EventError(f"{where} must be a finite number")
        if value < 0:
            raise EventError(f"{where} must not be negative")
        if value > MAX_AMOUNT:
            raise EventError(f"{where} is out of range (at most {MAX_AMOUNT:,})")
        return value
    if kind == "votes":
        if not isinstance(value, Mapping):
            raise EventError(f"{where} must be an object of person: for|against|abstain")
        for person, choice in value.items():
            if not isinstance(person, str):
                raise EventError(f"{where}: a voter must be named by text")
            _check_unicode(f"{where}: a voter", person)
            _one_of(f"{where}[{person!r}]", choice, CHOICES)
        return dict(value)
    raise AssertionError(kind)


def _check_costs(where: str, value: Any) -> list[dict[str, Any]]:
    """An investment proposal's cost lines: [{line, kind, year, amount}, ...]
    (domain.proposal checks them: one rule for the form and the event)."""
    from secretary.domain.proposal import ProposalError, check_costs

    try:
        return [c.event_fields() for c in check_costs(value, where)]
    except ProposalError as exc:
        raise EventError(str(exc)) from None


def _one_of(where: str, value: Any, options: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in options:
        raise EventError(f"{where} must be one of {', '.join(options)}, not {_short(value)}")
    return str(value)


def _check_unicode(where: str, value: str) -> str:
    """Text that can be stored and printed: no lone surrogates (which JSON lets
    through as ``\\ud800`` but no file, database or document can hold)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise EventError(
            f"{where} holds a character that is not valid text (a lone surrogate)"
        ) from None
    return value


def _short(value: Any) -> str:
    """A value for a message: a huge number or text cut short."""
    try:
        shown = repr(value)
    except ValueError:  # an integer too long to write out
        return "a number too large"
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _valid_date(value: str) -> bool:
    import datetime

    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    return {int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__
    )


def is_valid_time(value: Any) -> bool:
    return isinstance(value, str) and bool(_TIME.match(value))


def is_valid_date(value: Any) -> bool:
    return isinstance(value, str) and bool(_DATE.match(value)) and _valid_date(value)
