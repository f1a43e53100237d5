"""A cluster's budget in the record: allocations entered and corrected, kept for ever.

``add_allocation`` appends one (a correction is another, later one);
``allocation_history`` reads them back as ``domain.budget.Allocation`` in the order
entered; ``budget_for_year`` puts them against the series' meetings
(``domain.budget.budget_year``).
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from secretary.domain.budget import (
    Allocation,
    BudgetNote,
    BudgetYear,
    allocation_problem,
    budget_year,
    notes_as_of,
    pounds,
)
from secretary.i18n import _
from secretary.store.clock import current_author, now_utc
from secretary.store.clusters import writing
from secretary.store.errors import ClusterError
from secretary.store.models import BudgetAllocationRow, ClusterRow
from secretary.store.record import Record


def add_allocation(
    record: Record,
    cluster_id: int,
    year: int,
    line: str,
    amount: Decimal | float | str,
    note: str = "",
    author: str | None = None,
) -> Allocation:
    """Enter (or correct) the allocation of ``line`` for financial year ``year``.
    Raises ClusterError for a bad entry or an unknown cluster, RecordError if the
    record cannot be written; nothing is written then."""
    value = pounds(amount)
    line = " ".join(line.split())
    problem = allocation_problem(year, line, value)
    if problem is not None:
        raise ClusterError(_("budget: {why}", why=problem.render()))
    with writing(record, _("the budget allocation")) as s:
        if s.get(ClusterRow, cluster_id) is None:
            raise ClusterError(
                _("no cluster {id} in {target}", id=cluster_id, target=record.target)
            )
        row = BudgetAllocationRow(
            cluster_id=cluster_id,
            year=year,
            line=line,
            amount_pence=int(value * 100),
            note=note.strip(),
            recorded_at=now_utc(),
            author=author or current_author(),
        )
        s.add(row)
    return Allocation(year, line, value, note.strip(), row.recorded_at, row.author)


def allocation_history(record: Record, cluster_id: int) -> list[Allocation]:
    """Every allocation entered for the cluster, oldest first."""
    with record.session() as s:
        rows = s.scalars(
            select(BudgetAllocationRow)
            .where(BudgetAllocationRow.cluster_id == cluster_id)
            .order_by(BudgetAllocationRow.id)
        ).all()
        return [
            Allocation(
                r.year, r.line, Decimal(r.amount_pence) / 100, r.note, r.recorded_at, r.author
            )
            for r in rows
        ]


def budget_for_year(record: Record, cluster_id: int, year: int) -> BudgetYear:
    """The cluster's budget lines for the year against its meetings' commitments."""
    from secretary.store.series import SeriesKey, load_series

    history = allocation_history(record, cluster_id)
    with record.session() as s:
        cluster = s.get(ClusterRow, cluster_id)
        name = cluster.name if cluster is not None else ""
    return budget_year(history, load_series(record, SeriesKey(cluster_id, name)), year)


def budget_notes(record: Record, meeting_id: int, lines: list[str]) -> list[BudgetNote]:
    """The budget lines of a meeting's financial log as of that meeting (for the
    financial log): allocated, committed to date, remaining. Empty when the meeting
    has no cluster or its cluster no allocation for those lines."""
    from secretary.store.series import load_series, series_key_of

    key = series_key_of(record, meeting_id)
    if key.cluster_id is None or not lines:
        return []
    history = allocation_history(record, key.cluster_id)
    if not history:
        return []
    series = load_series(record, key)
    ref = next((r for r, _m in series if r.id == meeting_id), None)
    if ref is None:
        return []
    return notes_as_of(history, series, ref, lines)
