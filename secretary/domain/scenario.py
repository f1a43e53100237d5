"""Scenario files (``shared/spec/scenario-format.md``) and the replay report.

A scenario becomes a ``Meeting``: its people and agenda are set-up events
(``person_added``, ``item_added``) followed by the scenario's own events, so
a replayed meeting and one recorded live are the same thing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from secretary.domain.events import (
    ROLES,
    Event,
    EventError,
    check_event,
    is_valid_date,
    is_valid_time,
)
from secretary.domain.meeting import Meeting
from secretary.domain.quorum import assess
from secretary.domain.terms import Terms, TermsError, parse_terms
from secretary.domain.votes import decision_summary
from secretary.errors import SecretaryError


class ScenarioError(SecretaryError, ValueError):
    """A scenario that cannot be played. ``str()`` is the one line to print."""


@dataclass
class MeetingInfo:
    """What the minutes' heading says of a meeting: title, date, start, venue, cluster."""

    title: str = "Cluster meeting"
    date: str = ""
    start: str = ""
    venue: str = ""
    cluster: str = ""

    def to_json(self) -> dict[str, str]:
        return {
            "title": self.title,
            "date": self.date,
            "start": self.start,
            "venue": self.venue,
            "cluster": self.cluster,
        }


@dataclass
class Scenario:
    """A meeting read from a scenario file (docs/replay.md), played once to check it."""

    info: MeetingInfo
    terms: Terms
    terms_text: str  # the terms as TOML or JSON text, stored with a meeting
    setup: list[Event]
    events: list[Event]
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # The report of the validating play in parse_scenario, so callers need not play twice.
    report: dict[str, Any] | None = None


def load_scenario(path: str | Path) -> Scenario:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot be read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioError(f"{path}: not a text file (expected UTF-8 JSON)") from None
    try:
        data = json.loads(text, object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        raise ScenarioError(
            f"{path}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise ScenarioError(f"{path}: not valid JSON: nested too deeply") from None
    twice = _named_twice(data, "")
    if twice is not None:
        raise ScenarioError(f"{path}: {twice}")
    return parse_scenario(data, str(path), path.parent)


class _NamedTwice(dict[str, Any]):
    """A JSON object that names a key more than once (JSON itself keeps the last)."""

    twice: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) == len(keys):
        return dict(pairs)
    out = _NamedTwice(pairs)
    out.twice = tuple(k for i, k in enumerate(keys) if k in keys[:i])
    return out


def _named_twice(value: Any, where: str) -> str | None:
    """Where the scenario names a key twice in one object, in words (None: nowhere).
    A person named twice in one ``votes`` would otherwise silently vote once."""
    if isinstance(value, _NamedTwice):
        key = value.twice[0]
        if where.endswith(".votes"):
            return f"{where[:-6]}: vote: {key!r} is named twice in 'votes'"
        return f"{where or 'the scenario'}: {key!r} is given twice"
    if isinstance(value, dict):
        for k, v in value.items():
            found = _named_twice(v, f"{where}.{k}" if where else k)
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, v in enumerate(value):
            label = f"event {i}" if where == "events" else f"{where}[{i}]"
            found = _named_twice(v, label)
            if found is not None:
                return found
    return None


def parse_scenario(data: Any, source: str = "scenario", base_dir: Path | None = None) -> Scenario:
    def fail(why: str) -> ScenarioError:
        return ScenarioError(f"{source}: {why}")

    if not isinstance(data, Mapping):
        raise fail("a scenario must be a JSON object")
    unknown = set(data) - {"meeting", "terms", "people", "agenda", "events"}
    if unknown:
        raise fail(f"unknown field {sorted(unknown)[0]!r}")
    info = _meeting_info(data.get("meeting", {}), fail)
    if "terms" not in data:
        raise fail("missing field 'terms'")
    terms, terms_text = _terms(data["terms"], source, base_dir)

    setup: list[Event] = []
    people = data.get("people")
    if not isinstance(people, list):
        raise fail(
            "missing field 'people' (a list)" if people is None else "'people' must be a list"
        )
    for i, p in enumerate(people):
        setup.append(_person_event(p, f"people[{i}]", fail))
    agenda = data.get("agenda", [])
    if not isinstance(agenda, list):
        raise fail("'agenda' must be a list")
    for i, item in enumerate(agenda):
        setup.append(_item_event(item, f"agenda[{i}]", fail))
    raw_events = data.get("events")
    if not isinstance(raw_events, list):
        raise fail(
            "missing field 'events' (a list)" if raw_events is None else "'events' must be a list"
        )

    events = []
    first_use: dict[str, int] = {}
    for i, e in enumerate(raw_events):
        try:
            event = check_event(e)
        except EventError as exc:
            raise fail(f"event {i}: {exc}") from None
        if event.id in first_use:  # one retract would undo them all
            raise fail(
                f"event {i}: id {event.id!r} is already the id of event {first_use[event.id]}"
            )
        first_use[event.id] = i
        events.append(event)
    scenario = Scenario(info, terms, terms_text, setup, events, source)
    # Play once to surface unknown people, seats and items before anything is written.
    scenario.report = replay(scenario)
    return scenario


def _meeting_info(raw: Any, fail: Any) -> MeetingInfo:
    if not isinstance(raw, Mapping):
        raise fail("'meeting' must be an object")
    info = MeetingInfo()
    for key, value in raw.items():
        if key not in ("title", "date", "start", "venue", "cluster"):
            raise fail(f"meeting: unknown field {key!r}")
        if not isinstance(value, str):
            raise fail(f"meeting: field {key!r} must be text")
        setattr(info, key, value)
    if info.date and not is_valid_date(info.date):
        raise fail(f"meeting: field 'date' must be a date YYYY-MM-DD, not {info.date!r}")
    if info.start and not is_valid_time(info.start):
        raise fail(f"meeting: field 'start' must be a time HH:MM, not {info.start!r}")
    return info


def _terms(raw: Any, source: str, base_dir: Path | None) -> tuple[Terms, str]:
    try:
        if isinstance(raw, str):
            from secretary.domain.terms import read_terms_source

            text, terms_source = read_terms_source(raw, base_dir)
            from secretary.domain.terms import parse_terms_text

            return parse_terms_text(text, terms_source), text
        if isinstance(raw, Mapping):
            return parse_terms(raw, f"{source} (inline terms)"), json.dumps(raw, ensure_ascii=False)
    except TermsError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more problems)" if len(exc.problems) > 1 else ""
        raise ScenarioError(f"{source}: terms: {first}{more}") from None
    raise ScenarioError(f"{source}: 'terms' must be a bundled id, a path or an object")


def _person_event(p: Any, where: str, fail: Any) -> Event:
    if not isinstance(p, Mapping):
        raise fail(f"{where}: must be an object")
    allowed = {
        "id",
        "name",
        "role",
        "seat",
        "kind",
        "email",
        "organisation",
        "profession",
        "substitute_agreed",
    }
    for key in p:
        if key not in allowed:
            raise fail(f"{where}: unknown field {key!r}")
    for key in ("id", "name", "role"):
        if key not in p:
            raise fail(f"{where}: missing field {key!r}")
    if p["role"] not in ROLES:
        raise fail(f"{where}: role must be one of {', '.join(ROLES)}, not {p['role']!r}")
    raw = {"type": "person_added", "person": p["id"], **{k: v for k, v in p.items() if k != "id"}}
    try:
        return check_event(raw)
    except EventError as exc:
        raise fail(f"{where}: {str(exc).replace('person_added: ', '')}") from None


def _item_event(item: Any, where: str, fail: Any) -> Event:
    if not isinstance(item, Mapping):
        raise fail(f"{where}: must be an object")
    allowed = {
        "id",
        "title",
        "financial",
        "amount",
        "reference",
        "presenter",
        "standing",
        "decision_type",
        "budget_line",
        "purpose",
        "parent",
        "papers",
    }
    for key in item:
        if key not in allowed:
            raise fail(f"{where}: unknown field {key!r}")
    if "id" not in item:
        raise fail(f"{where}: missing field 'id'")
    raw = {
        "type": "item_added",
        "item": item["id"],
        "title": item.get("title", str(item["id"])),
        **{k: v for k, v in item.items() if k not in ("id", "title")},
    }
    try:
        return check_event(raw)
    except EventError as exc:
        raise fail(f"{where}: {str(exc).replace('item_added: ', '')}") from None


# Events that cannot change the whole meeting's quorum (who is present, and whose
# proxy is held): a declaration bars a person from an item, never from the meeting.
QUORUM_NEUTRAL = frozenset(
    {
        "vote", "consensus", "focus", "note", "action", "action_update", "action_carried",
        "financial_entry", "declare", "apologies", "absent", "item_added", "item_moved",
        "item_changed", "papers_sent", "minutes_sent", "ratify",
    }
)  # fmt: skip


def timeline_entry(meeting: Meeting, index: int) -> dict[str, Any]:
    q = assess(meeting)
    return {
        "event": index,
        "meeting_quorate": q.meeting_quorate,
        "decision_quorate": q.decision_quorate,
        "seats_present": q.seats_present,
        "seats_required": q.seats_required,
        "missing": [s.render("en") for s in q.missing],
    }


def replay(scenario: Scenario) -> dict[str, Any]:
    """Play a scenario; return the report of scenario-format.md."""
    meeting = Meeting(scenario.terms)
    for i, e in enumerate(scenario.setup):
        try:
            meeting.apply(e)
        except EventError as exc:
            raise ScenarioError(f"{scenario.source}: {_setup_where(scenario, i)}: {exc}") from None
    timeline: list[dict[str, Any]] = []
    decisions = []
    for i, e in enumerate(scenario.events):
        try:
            decision = meeting.apply(e)
        except EventError as exc:
            raise ScenarioError(f"{scenario.source}: event {i}: {exc}") from None
        if timeline and e.type in QUORUM_NEUTRAL:
            # Nobody came, went or changed hands: the meeting's quorum is as it was.
            timeline.append({**timeline[-1], "event": i})
        else:
            timeline.append(timeline_entry(meeting, i))
        if decision is not None:
            summary = decision_summary(decision)
            summary["event"] = i
            summary["statement"] = decision.statement(meeting).render("en")
            decisions.append(summary)
    return {"timeline": timeline, "decisions": decisions}


def _setup_where(scenario: Scenario, i: int) -> str:
    people = sum(1 for e in scenario.setup if e.type == "person_added")
    return f"people[{i}]" if i < people else f"agenda[{i - people}]"


def report_for_meeting(meeting_events: list[Event], terms: Terms) -> dict[str, Any]:
    """Re-derive the report from a stored meeting's whole event log."""
    meeting = Meeting(terms)
    timeline = []
    decisions = []
    for i, e in enumerate(meeting_events):
        decision = meeting.apply(e)
        if e.type in ("person_added", "item_added", "item_moved", "item_changed"):
            continue
        entry = timeline_entry(meeting, i)
        entry["type"] = e.type
        timeline.append(entry)
        if decision is not None:
            summary = decision_summary(decision)
            summary["statement"] = decision.statement(meeting).render("en")
            decisions.append(summary)
    # A retraction (undo) changes earlier outcomes: report what stands at the end.
    standing = {d.event for d in meeting.decisions}
    decisions = [d for d in decisions if d["event"] in standing]
    return {"timeline": timeline, "decisions": decisions}
