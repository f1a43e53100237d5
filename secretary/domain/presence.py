"""Who is where: a person's attendance status, and the order people are listed in.

The window's attendance table, the chair's screen, the exports and the roster all
ask these questions; the answers live here once, as codes. The words for each code
belong to whoever shows them (the window's catalogue, the export's language).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from secretary.domain.meeting import Meeting, Person
from secretary.domain.terms import Terms

# Live status codes (now, for the item in focus).
PRESENT = "present"
REMOTE = "remote"
WITHDRAWN = "withdrawn"  # present, but withdrew for the item (declared interest)
LEFT = "left"
APOLOGIES = "apologies"
ABSENT = "absent"

# Register codes (the meeting as a whole, for the attendance register).
REGISTER_PRESENT = "present"
REGISTER_PARTLY_REMOTE = "partly_remote"
REGISTER_REMOTE = "remote"
REGISTER_DEPUTY = "deputy"
REGISTER_APOLOGIES = "apologies"
REGISTER_ABSENT = "absent"


@dataclass(frozen=True)
class LiveStatus:
    """A person's attendance now: ``code`` is one of the live codes above;
    ``abstains`` when present but barred from voting on the item by a declaration;
    ``left_at`` the time of the last departure for ``LEFT``."""

    code: str
    abstains: bool = False
    left_at: str = ""


def attendance_status(meeting: Meeting, pid: str, item: str | None = None) -> LiveStatus:
    """``pid``'s attendance now, judged for ``item`` (withdrawals applied)."""
    att = meeting.attendance[pid]
    if att.present:
        declaration = meeting.barring_declaration(pid, item) if item else None
        if declaration is not None and declaration.action == "withdraw":
            return LiveStatus(WITHDRAWN)
        code = REMOTE if att.mode == "remote" else PRESENT
        return LiveStatus(code, abstains=declaration is not None)
    if att.ever_present:
        return LiveStatus(LEFT, left_at=att.spans[-1].left or "")
    if att.apologies:
        return LiveStatus(APOLOGIES)
    return LiveStatus(ABSENT)


def register_status(meeting: Meeting, pid: str) -> str:
    """``pid``'s attendance over the whole meeting, as the register records it."""
    person = meeting.people[pid]
    att = meeting.attendance[pid]
    if att.ever_present:
        if person.role == "deputy":
            return REGISTER_DEPUTY
        if all(s.mode == "remote" for s in att.spans):
            return REGISTER_REMOTE
        if att.remote:
            return REGISTER_PARTLY_REMOTE
        return REGISTER_PRESENT
    if att.apologies:
        return REGISTER_APOLOGIES
    return REGISTER_ABSENT


_ROLE_RANK = {"member": 0, "deputy": 1, "attendee": 2}
_KIND_RANK = {"in-attendance": 0}


def roster_rank(
    terms: Terms | None, role: str, seat: str | None, kind: str = ""
) -> tuple[int, int, int, int]:
    """Where a person goes in every list of people: members and deputies in the
    order of the terms' seats (a seat's member before its deputies), then those in
    attendance, then guests and others. Sort stably on it to keep the order added
    among equals."""
    seat_order = {s.id: i for i, s in enumerate(terms.seats)} if terms is not None else {}
    if role != "attendee" and seat in seat_order:
        return (0, seat_order[seat or ""], _ROLE_RANK.get(role, 3), 0)
    if role != "attendee":
        return (0, len(seat_order), _ROLE_RANK.get(role, 3), 0)
    return (1, 0, _ROLE_RANK["attendee"], _KIND_RANK.get(kind, 1))


T = TypeVar("T")


def roster_order(meeting: Meeting) -> list[Person]:
    """The meeting's people in roster order (see ``roster_rank``)."""
    return sort_people(meeting.terms, meeting.people.values())


def sort_people(terms: Terms | None, people: Iterable[Person]) -> list[Person]:
    return sorted(people, key=lambda p: roster_rank(terms, p.role, p.seat, p.kind))


def sort_by_roster(
    terms: Terms | None,
    entries: Sequence[T],
    role_seat_kind: Callable[[T], tuple[str, str | None, str]],
) -> list[T]:
    """``entries`` (roster entries, rows, ...) sorted stably into roster order;
    ``role_seat_kind`` gives each one's role, seat and kind."""
    return sorted(entries, key=lambda e: roster_rank(terms, *role_seat_kind(e)))


def business_began(meeting: Meeting) -> str | None:
    """When business began: the time of the first item taken up (``focus``) or the
    first decision, whichever came first; None before then."""
    for _, e in meeting.effective_events():
        if e.type in ("vote", "consensus") or (e.type == "focus" and e.get("item")):
            at = e.get("at")
            return at if isinstance(at, str) else None
    return None


def arrived_late(arrived: str, start: str | None, began: str | None) -> bool:
    """Late: after the start time and after business began (people arriving at 13:01
    for a 13:00 meeting that opened at 13:03 are not late). The window asks before
    business has begun and knows no lateness yet (``began`` None, ``live``); the
    minutes, at the end, judge a meeting that never took up an item by its start."""
    limit = max(start or "", began or "")
    return bool(arrived) and bool(limit) and arrived > limit
