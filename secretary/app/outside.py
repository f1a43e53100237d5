"""Decisions taken outside meetings (3.2.7, 3.2.9): recorded between meetings, then
ratified (or not) or noted at a later one, which is a ``ratify`` event there."""

from __future__ import annotations

from secretary.store import series
from secretary.store.live import LiveMeeting
from secretary.store.record import Record
from secretary.store.series import OutsideDecision, SeriesKey


def record_outside_decision(
    record: Record,
    key: SeriesKey,
    *,
    decided_on: str,
    kind: str,
    title: str,
    text: str = "",
    consulted: str = "",
    financial: bool = False,
    amount: float | None = None,
    signatory: str = "",
    author: str | None = None,
) -> OutsideDecision:
    """Record a decision taken outside a meeting; it is listed on the agenda of
    each next meeting until ratified or noted. Raises SeriesError or RecordError."""
    return series.record_outside_decision(
        record,
        key,
        decided_on=decided_on,
        kind=kind,
        title=title,
        text=text,
        consulted=consulted,
        financial=financial,
        amount=amount,
        signatory=signatory,
        author=author,
    )


def settle_outside_decision(
    live: LiveMeeting,
    decision_id: int,
    outcome: str,
    *,
    item: str | None = None,
    text: str = "",
    at: str | None = None,
    author: str | None = None,
) -> OutsideDecision:
    """Ratify (``ratified`` / ``not_ratified``, needs decision quorum) or note
    (``noted``) a decision taken outside meetings, at ``live``'s meeting."""
    return series.ratify(live, decision_id, outcome, item=item, text=text, at=at, author=author)
