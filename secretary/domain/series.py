"""A cluster's meetings as a series: actions carried from meeting to meeting,
minutes approved at the next meeting, decisions outside meetings ratified.

Pure functions over ``Meeting`` objects (each built under the terms frozen with
its meeting); the store (``secretary.store.series``) loads the meetings and
calls these. How an action of one meeting is followed up at a later one:

- meeting A records ``action`` (id ``UVC/26/A1``);
- meeting B is prepared with an ``action_carried`` event for every action still
  open (``from_meeting`` = A's uuid), so B knows the action as one of its own
  matters arising and records ``action_update`` against it as usual;
- the action stays open until an ``action_update`` sets a closed status
  (``complete``; also ``cancelled``) in any meeting; then it is no longer
  carried.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from secretary.domain.events import Event
from secretary.domain.meeting import Meeting
from secretary.domain.text import Day, Msg, msg

#: Statuses that close an action. "complete" is what the window records; the
#: others are accepted spellings, so an action is never carried for ever by a typo
#: of the same word.
CLOSED_STATUSES = ("complete", "completed", "done", "closed", "cancelled", "canceled")


def due_date_problem(due: str | None, held_on: str | None) -> Msg | None:
    """Why an action (or a new due date for one) may not fall due then: before the
    meeting that sets it, a slip of the month. None when it may."""
    if not due or not held_on or due >= held_on:
        return None
    return msg(
        "The due date, {due}, is before this meeting ({held}): choose a later date.",
        due=Day(due),
        held=Day(held_on),
    )


def is_closed(status: str | None) -> bool:
    return (status or "").strip().lower() in CLOSED_STATUSES


class EventLog(Protocol):
    """What the functions reading a meeting's events need of it: its events with
    retractions applied. A ``Meeting`` is one; so is a record's quick reading of a
    few event types (``secretary.store.meeting_list``)."""

    def effective_events(self) -> Iterable[tuple[int, Event]]: ...


@dataclass(frozen=True)
class MeetingRef:
    """Enough of a stored meeting to name it in a series."""

    id: int
    uuid: str
    title: str
    date: str  # YYYY-MM-DD ("" if not set)

    def label(self) -> str:
        return f"{self.title} ({self.date})" if self.date else self.title


@dataclass(frozen=True)
class ActionStep:
    meeting: MeetingRef
    status: str | None
    note: str | None
    due: str | None


@dataclass
class ActionThread:
    """One action from the meeting that set it, through every later update."""

    id: str
    text: str
    origin: MeetingRef
    item: str | None = None
    # That item's reference there ("UVC/26/05"), when it has one and the meeting was
    # read whole (a quick reading of the meeting list has no agenda): not compared.
    item_ref: str = field(default="", compare=False)
    owner: str = ""
    due: str | None = None
    status: str = "open"
    steps: list[ActionStep] = field(default_factory=list)
    closed_at: MeetingRef | None = None
    carried_to: list[MeetingRef] = field(default_factory=list)

    @property
    def open(self) -> bool:
        return not is_closed(self.status)

    def overdue(self, today: str) -> bool:
        """Open and past its due date (dates as YYYY-MM-DD compare as text)."""
        return self.open and bool(self.due) and str(self.due) < today


def action_threads(series: Sequence[tuple[MeetingRef, EventLog]]) -> list[ActionThread]:
    """Every action of the series (meetings in date order), with its history."""
    threads: dict[tuple[str, str], ActionThread] = {}
    latest: dict[str, tuple[str, str]] = {}  # action id -> key of the newest thread
    for ref, meeting in series:
        own: dict[str, tuple[str, str]] = {}
        for _, e in meeting.effective_events():
            if e.type == "action":
                key = (ref.uuid, e.get("action"))
                # (a quick reading of a few event types has no agenda: no reference)
                agreed_under = getattr(meeting, "items", {}).get(e.get("item") or "")
                threads[key] = ActionThread(
                    id=e.get("action"),
                    text=e.get("text"),
                    origin=ref,
                    item=e.get("item"),
                    item_ref=agreed_under.reference if agreed_under else "",
                    owner=e.get("owner", ""),
                    due=e.get("due"),
                    status=e.get("status") or "open",
                )
                own[e.get("action")] = key
                latest[e.get("action")] = key
            elif e.type == "action_carried":
                key = (e.get("from_meeting"), e.get("action"))
                if key in threads:
                    own[e.get("action")] = key
                    if ref not in threads[key].carried_to:
                        threads[key].carried_to.append(ref)
            elif e.type == "action_update":
                key_or_none = own.get(e.get("action")) or latest.get(e.get("action"))
                if key_or_none is None:
                    continue
                thread = threads[key_or_none]
                thread.steps.append(ActionStep(ref, e.get("status"), e.get("note"), e.get("due")))
                if e.get("due"):
                    thread.due = e.get("due")
                if e.get("status"):
                    was_open = thread.open
                    thread.status = e.get("status")
                    if was_open and not thread.open:
                        thread.closed_at = ref
                    elif thread.open:
                        thread.closed_at = None
    return list(threads.values())


def open_before(
    threads: Iterable[ActionThread], meeting: MeetingRef, series: Sequence[MeetingRef]
) -> list[ActionThread]:
    """Actions of meetings before ``meeting`` still open once those meetings ended.

    ``threads`` must come from the meetings up to (not including) ``meeting``;
    this also drops actions set by ``meeting`` itself or later ones.
    """
    order = {m.uuid: i for i, m in enumerate(series)}
    here = order.get(meeting.uuid, len(series))
    return [t for t in threads if t.open and order.get(t.origin.uuid, here) < here]


def carried_event(thread: ActionThread, item: str | None = None) -> dict[str, Any]:
    """The ``action_carried`` event that brings ``thread`` into a later meeting."""
    raw: dict[str, Any] = {
        "type": "action_carried",
        "action": thread.id,
        "text": thread.text,
        "from_meeting": thread.origin.uuid,
    }
    if thread.origin.date:
        raw["from_date"] = thread.origin.date
    if thread.item_ref:
        raw["from_item"] = thread.item_ref
    if item:
        raw["item"] = item
    if thread.owner:
        raw["owner"] = thread.owner
    if thread.due:
        raw["due"] = thread.due
    if thread.status and thread.status != "open":
        raw["status"] = thread.status
    return raw


def carried_into(meeting: Meeting) -> set[tuple[str, str]]:
    """(origin meeting uuid, action id) of the actions already carried into ``meeting``."""
    return {
        (e.get("from_meeting"), e.get("action"))
        for _, e in meeting.effective_events()
        if e.type == "action_carried"
    }


# --------------------------------------------------------------------------- approvals


@dataclass(frozen=True)
class ApprovalEvent:
    """A ``minutes_approved`` event, as read from the approving meeting."""

    meeting_uuid: str
    date: str | None
    amendments: str
    fingerprint: str
    item: str | None
    event_id: str

    @property
    def with_amendments(self) -> bool:
        return bool(self.amendments.strip())


def approvals_in(meeting: Meeting) -> list[ApprovalEvent]:
    return [
        ApprovalEvent(
            e.get("meeting"),
            e.get("date"),
            e.get("amendments") or "",
            e.get("fingerprint"),
            e.get("item"),
            e.id,
        )
        for _, e in meeting.effective_events()
        if e.type == "minutes_approved"
    ]


@dataclass(frozen=True)
class RatificationEvent:
    decision_uuid: str
    outcome: str  # ratified | noted | not_ratified
    item: str | None
    text: str
    event_id: str


def ratifications_in(meeting: Meeting) -> list[RatificationEvent]:
    return [
        RatificationEvent(
            e.get("decision"), e.get("outcome"), e.get("item"), e.get("text") or "", e.id
        )
        for _, e in meeting.effective_events()
        if e.type == "ratify"
    ]


def approval_statement(event: ApprovalEvent, of_meeting: str) -> Msg:
    """What the approving meeting's minutes say, e.g. "The minutes of the meeting of
    14 May 2026 were approved with the following amendments: ...". ``of_meeting``
    names the approved meeting as the caller prints dates."""
    if event.with_amendments:
        return msg(
            "The minutes of the meeting of {meeting} were approved with the following "
            "amendments: {amendments}",
            meeting=of_meeting,
            amendments=event.amendments.strip(),
        )
    return msg(
        "The minutes of the meeting of {meeting} were approved as a true record.",
        meeting=of_meeting,
    )


RATIFICATION_OUTCOMES = {
    "ratified": "The meeting ratified: {title}.",
    "not_ratified": "The meeting did not ratify: {title}.",
    "noted": "The meeting noted: {title}.",
}
RATIFICATION_SHORT = {
    "ratified": "Ratified by the meeting.",
    "not_ratified": "Not ratified by the meeting.",
    "noted": "Noted by the meeting.",
}


def ratification_statement(event: RatificationEvent, title: str = "") -> Msg:
    """What the minutes say of a decision outside meetings ratified or noted here;
    without ``title`` the short form, for under the decision's own agenda item."""
    if not title:
        return msg(RATIFICATION_SHORT.get(event.outcome, event.outcome))
    return msg(RATIFICATION_OUTCOMES.get(event.outcome, "{title}: " + event.outcome), title=title)


def sent_dates(meeting: EventLog) -> tuple[str | None, str | None]:
    """(papers sent on, minutes sent on): the latest effective record of each."""
    papers = minutes = None
    for _, e in meeting.effective_events():
        if e.type == "papers_sent":
            papers = e.get("on")
        elif e.type == "minutes_sent":
            minutes = e.get("on")
    return papers, minutes


# --------------------------------------------------------------------------- fingerprint


def fingerprint(events: Iterable[Event]) -> str:
    """SHA-256 of a meeting's whole event log (retractions included), one canonical
    JSON line per event. The one fingerprint: printed on the minutes, kept with an
    approval, checked by ``secretary verify``."""
    import hashlib
    import json

    h = hashlib.sha256()
    for e in events:
        h.update(
            json.dumps(
                [e.id, e.type, dict(e.data)], sort_keys=True, ensure_ascii=False, default=str
            ).encode("utf-8", "surrogatepass")
        )
        h.update(b"\n")
    return h.hexdigest()
