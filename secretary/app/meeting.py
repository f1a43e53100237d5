"""Changes to a meeting being recorded: each one event, through ``LiveMeeting``.

``record`` is the one way an event reaches the record from the window or the command
line: checked as an event, judged by the meeting (the domain), committed by the store,
then applied. Operations with a rule of their own ask the domain first (a financial-log
entry: ``domain.finance``; an action's due date: ``domain.series``) and refuse with
``OperationRefused``, nothing written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from secretary.domain.events import Event, check_event
from secretary.domain.finance import financial_entry_problem
from secretary.domain.series import due_date_problem
from secretary.domain.votes import Decision
from secretary.errors import SecretaryError
from secretary.store.live import LiveMeeting


class OperationRefused(SecretaryError):
    """A change the rules do not allow now; the message says why. Nothing was written."""


@dataclass(frozen=True)
class Recorded:
    """What an operation changed: the event recorded, and the decision it made
    (a vote or consensus), if any."""

    event: Event
    decision: Decision | None = None


def record(
    live: LiveMeeting, raw: Event | Mapping[str, Any], author: str | None = None
) -> Recorded:
    """Check, commit and apply one event. Raises EventError (malformed, or the
    meeting cannot take it; nothing written) or RecordError (not written)."""
    event = raw if isinstance(raw, Event) else check_event(dict(raw))
    if event.type in ("action", "action_update"):
        problem = due_date_problem(event.get("due"), live.info.date)
        if problem is not None:
            raise OperationRefused(problem.render())
    decision = live.record_event(event, author=author)
    return Recorded(event, decision if isinstance(decision, Decision) else None)


def add_financial_entry(
    live: LiveMeeting,
    item: str,
    amount: float,
    *,
    budget_line: str = "",
    signatory: str = "",
    description: str = "",
    author: str | None = None,
) -> Recorded:
    """A financial-log entry, when the domain admits it (a financial item whose
    decision stands, or a ratified outside decision; a present authorised
    signatory). Refused with OperationRefused otherwise."""
    problem = financial_entry_problem(live.meeting, item, signatory)
    if problem is not None:
        raise OperationRefused(problem.render())
    raw: dict[str, Any] = {"type": "financial_entry", "item": item, "amount": amount}
    for key, value in (
        ("budget_line", budget_line),
        ("signatory", signatory),
        ("description", description),
    ):
        if value.strip():
            raw[key] = value.strip()
    return record(live, raw, author)


def mark_sent(live: LiveMeeting, what: str, on: str, author: str | None = None) -> None:
    """Record that the papers (before) or minutes (after) went out on a date
    (5.5, 5.6). Raises SeriesError for a bad request."""
    from secretary.store.series import mark_sent as store_mark_sent

    store_mark_sent(live, what, on, author=author)
