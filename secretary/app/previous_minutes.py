"""Approve the minutes of a meeting that is not in the record (5.7).

The first meeting kept in the app approves the minutes of one held before it — on
paper, or in another system. There is no record of that meeting to fingerprint or
lock, so what is recorded is the fact the minutes need: the date of the meeting whose
minutes were approved, and whether as a true record or with which amendments
(``previous_minutes_approved``). Approving is a decision of the meeting: it needs
decision quorum on the minutes item, as approving minutes in the record does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from secretary.domain.events import EventError, check_event, is_valid_date
from secretary.domain.quorum import assess
from secretary.errors import SecretaryError
from secretary.i18n import _


class PreviousMinutesError(SecretaryError):
    """The approval cannot be recorded; the message says why."""


@dataclass(frozen=True)
class PreviousMinutesApproved:
    """What changed: the event recorded at the approving meeting."""

    meeting_id: int
    date: str
    amendments: str
    item: str | None
    event_id: str


def approve_minutes_held_elsewhere(
    live: Any,
    date: str,
    amendments: str = "",
    *,
    item: str | None = None,
    at: str | None = None,
    author: str | None = None,
) -> PreviousMinutesApproved:
    """Record at ``live``'s meeting (a store LiveMeeting) that the minutes of the
    meeting held on ``date``, not in this record, were approved (with ``amendments``,
    else as a true record). Nothing is written when it is refused."""
    locked = live.locked_reason()
    if locked is not None:
        raise PreviousMinutesError(locked)
    if not is_valid_date(date):
        raise PreviousMinutesError(_("{date!r} is not a date YYYY-MM-DD", date=date))
    here = live.info.date
    if here and date >= here:
        raise PreviousMinutesError(
            _(
                "minutes are approved at a later meeting: {date} is not before this "
                "meeting ({here})",
                date=date,
                here=here,
            )
        )
    meeting = live.meeting
    if any(pm.date == date for pm in meeting.previous_minutes):
        raise PreviousMinutesError(
            _("the minutes of the meeting of {date} were already approved here", date=date)
        )
    if item is None:
        item = next((i for i in meeting.agenda if meeting.items[i].standing == "minutes"), None)
    q = assess(meeting, item)
    if not q.decision_quorate:
        raise PreviousMinutesError(
            _("cannot approve the minutes: {why}", why=q.explanation().render())
        )
    raw: dict[str, Any] = {"type": "previous_minutes_approved", "date": date}
    if amendments.strip():
        raw["amendments"] = amendments.strip()
    if item is not None:
        raw["item"] = item
    if at:
        raw["at"] = at
    try:
        event = check_event(raw)
        live.record_event(event, author=author)
    except EventError as exc:
        raise PreviousMinutesError(str(exc)) from None
    return PreviousMinutesApproved(live.meeting_id, date, amendments.strip(), item, event.id)
