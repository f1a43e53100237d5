"""The budget as the window shows it on a financial item before the vote: "£22,700.00 of
£41,200.00 remaining on Prevention & wellbeing".

``budget_context`` reads, once, the cluster's allocations and what its *other* meetings
committed (the meeting open for recording is folded in anew at every refresh, so a
decision taken a moment ago counts at once without re-reading the series).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from secretary.domain.attendance_year import year_of
from secretary.domain.budget import Allocation, Commitment, commitments, in_force, line_key
from secretary.domain.series import MeetingRef


@dataclass(frozen=True)
class BudgetContext:
    ref: MeetingRef
    year: int
    allocations: dict[tuple[int, str], Allocation]
    others: list[Commitment]  # committed by the series' other meetings


def budget_context(record: Any, meeting_id: int) -> BudgetContext | None:
    """The budget around ``meeting_id``, or None when its cluster has no allocation
    for the meeting's financial year (or the meeting has no cluster or date)."""
    from secretary.store.budget import allocation_history
    from secretary.store.series import load_series, series_key_of

    key = series_key_of(record, meeting_id)
    info = record.meeting_info(meeting_id)
    if key.cluster_id is None or not info.date:
        return None
    year = year_of(dt.date.fromisoformat(info.date))
    allocations = in_force(allocation_history(record, key.cluster_id))
    if not any(y == year for y, _line in allocations):
        return None
    series = load_series(record, key)
    ref = next(r for r, _m in series if r.id == meeting_id)
    others = [
        c for c in commitments([p for p in series if p[0].id != meeting_id]) if c.year == year
    ]
    return BudgetContext(ref, year, allocations, others)


def remaining_on(ctx: BudgetContext, meeting: Any, line: str) -> tuple[Decimal, Decimal] | None:
    """(remaining, allocated) on ``line`` this financial year, with ``meeting`` as it
    stands now; None when the line has no allocation."""
    allocation = ctx.allocations.get((ctx.year, line_key(line)))
    if allocation is None:
        return None
    here = [c for c in commitments([(ctx.ref, meeting)]) if c.year == ctx.year]
    spent = sum(
        (c.amount for c in [*ctx.others, *here] if line_key(c.line) == line_key(line)),
        Decimal("0.00"),
    )
    return allocation.amount - spent, allocation.amount
