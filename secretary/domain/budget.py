"""A cluster's budget for a financial year against the money its meetings committed.

Pure Python: no Qt, no database. Clusters are allocated budgets and must review
financial performance (seed terms 3.3.4, 3.3.5); the financial log (3.3.2) records what
each meeting committed. This puts the two together, per budget line:

- **allocated**: the cluster's allocation for the line in the financial year (April to
  March), as last entered — every entry and correction is kept (``Allocation``), the
  latest for a (year, line) is the one in force;
- **committed**: every financial-log entry of a meeting whose decision stands (carried)
  or that ratifies a decision taken outside a meeting, in the financial year of the
  meeting's date; an entry marked recurrent for N years commits the same amount in each
  of the N financial years from that one;
- **remaining** = allocated − committed (negative when overspent).

Amounts are ``Decimal`` pence-exact: the figures a finance officer checks by hand.
A financial-log entry whose budget line is not in the budget is listed apart
("not in the budget"), never dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from secretary.domain.attendance_year import financial_year, year_label, year_of
from secretary.domain.finance import decision_stands, ratified_here
from secretary.domain.meeting import Meeting
from secretary.domain.series import MeetingRef
from secretary.domain.text import Msg, msg

PENNY = Decimal("0.01")
MAX_AMOUNT = Decimal("100000000")  # £100m: more than any cluster's budget line
MAX_RECURRENT_YEARS = 10


def pounds(value: float | int | str | Decimal) -> Decimal:
    """An amount to the penny (a float from an event made exact by its text)."""
    return Decimal(str(value)).quantize(PENNY, rounding=ROUND_HALF_UP)


def line_key(line: str) -> str:
    """Budget lines compare without case or extra spaces ("Prevention & Wellbeing")."""
    return " ".join(line.split()).casefold()


@dataclass(frozen=True)
class Allocation:
    """One entry (or correction) of a line's allocation for a year."""

    year: int
    line: str
    amount: Decimal
    note: str = ""
    recorded_at: str = ""
    author: str = ""


@dataclass(frozen=True)
class Commitment:
    year: int  # the financial year it counts against
    line: str
    amount: Decimal
    meeting_id: int
    meeting_date: str
    meeting_title: str
    item: str  # "5. Social prescriber extension"
    description: str = ""
    recurrent_from: int | None = None  # the year first committed, for a recurrent cost


@dataclass
class LineYear:
    line: str
    allocated: Decimal | None  # None: the line has no allocation this year
    commitments: list[Commitment] = field(default_factory=list)

    @property
    def committed(self) -> Decimal:
        return sum((c.amount for c in self.commitments), Decimal("0.00"))

    @property
    def remaining(self) -> Decimal | None:
        return None if self.allocated is None else self.allocated - self.committed


@dataclass
class BudgetYear:
    year: int
    lines: list[LineYear]
    not_in_budget: list[Commitment]

    @property
    def label(self) -> str:
        return year_label(self.year)

    @property
    def allocated(self) -> Decimal:
        return sum((ln.allocated or Decimal(0) for ln in self.lines), Decimal("0.00"))

    @property
    def committed(self) -> Decimal:
        return sum((ln.committed for ln in self.lines), Decimal("0.00"))

    def line(self, name: str) -> LineYear | None:
        return next((ln for ln in self.lines if line_key(ln.line) == line_key(name)), None)


def in_force(history: Iterable[Allocation]) -> dict[tuple[int, str], Allocation]:
    """The allocation in force for each (year, line): the latest entered."""
    found: dict[tuple[int, str], Allocation] = {}
    for a in history:  # in the order entered
        found[(a.year, line_key(a.line))] = a
    return found


def allocation_problem(year: int, line: str, amount: Decimal) -> Msg | None:
    """Why an allocation cannot be entered, or None."""
    if not 2000 <= year <= 2100:
        return msg("the financial year must be a year such as 2026, not {year}", year=year)
    if not line.strip():
        return msg("name the budget line")
    if len(line) > 200:
        return msg("the budget line's name is longer than 200 characters")
    if amount < 0 or amount > MAX_AMOUNT:
        return msg("the amount must be between £0 and £100,000,000")
    return None


def commitments(series: Sequence[tuple[MeetingRef, Meeting]]) -> list[Commitment]:
    """Every standing financial-log entry of the meetings, as commitments by year."""
    out: list[Commitment] = []
    for ref, meeting in series:
        try:
            day = dt.date.fromisoformat(ref.date)
        except ValueError:
            continue
        first = year_of(day)
        standing = {i for i, _e in meeting.effective_events()}
        for entry in meeting.financial:
            if entry.event not in standing:
                continue
            if not (decision_stands(meeting, entry.item) or ratified_here(meeting, entry.item)):
                continue
            event = meeting.events[entry.event]
            years = int(event.get("recurrent_years") or 1)
            item = meeting.items.get(entry.item)
            number = meeting.agenda.index(entry.item) + 1 if entry.item in meeting.agenda else ""
            title = f"{number}. {item.title}" if item is not None and item.title else entry.item
            for n in range(years):
                out.append(
                    Commitment(
                        year=first + n,
                        line=entry.budget_line,
                        amount=pounds(entry.amount),
                        meeting_id=ref.id,
                        meeting_date=ref.date,
                        meeting_title=ref.title,
                        item=title,
                        description=entry.description,
                        recurrent_from=first if years > 1 else None,
                    )
                )
    return out


def budget_year(
    history: Iterable[Allocation],
    series: Sequence[tuple[MeetingRef, Meeting]],
    year: int,
) -> BudgetYear:
    """The year's budget lines: allocated, each commitment, committed, remaining."""
    allocations = [a for (y, _k), a in in_force(history).items() if y == year]
    lines = {line_key(a.line): LineYear(a.line, a.amount) for a in allocations}
    stray: list[Commitment] = []
    for c in commitments(series):
        if c.year != year:
            continue
        target = lines.get(line_key(c.line)) if c.line.strip() else None
        if target is None:
            stray.append(c)
        else:
            target.commitments.append(c)
    for ln in lines.values():
        ln.commitments.sort(key=lambda c: (c.meeting_date, c.meeting_id, c.item))
    ordered = sorted(lines.values(), key=lambda ln: ln.line.casefold())
    stray.sort(key=lambda c: (c.meeting_date, c.meeting_id, c.item))
    return BudgetYear(year, ordered, stray)


def remaining_before(
    history: Iterable[Allocation],
    series: Sequence[tuple[MeetingRef, Meeting]],
    line: str,
    on: dt.date,
) -> tuple[Decimal, Decimal] | None:
    """(remaining, allocated) on ``line`` for the financial year of ``on``, from what
    the meetings committed: what a chair sees before a vote. None when the line has no
    allocation that year."""
    report = budget_year(history, series, year_of(on))
    found = report.line(line)
    if found is None or found.allocated is None:
        return None
    remaining = found.remaining
    assert remaining is not None
    return remaining, found.allocated


@dataclass(frozen=True)
class BudgetNote:
    """Where a budget line stands as of a meeting: what the financial log prints."""

    line: str
    year: int
    allocated: Decimal
    committed: Decimal  # to date: by this meeting and those before it in the year

    @property
    def remaining(self) -> Decimal:
        return self.allocated - self.committed

    @property
    def label(self) -> str:
        return year_label(self.year)


def notes_as_of(
    history: Iterable[Allocation],
    series: Sequence[tuple[MeetingRef, Meeting]],
    meeting: MeetingRef,
    lines: Iterable[str],
) -> list[BudgetNote]:
    """Each of ``lines`` (those of a meeting's financial log) as of ``meeting``: its
    allocation for the meeting's financial year, what this meeting and the earlier ones
    of the year committed, what remains. A line with no allocation is left out."""
    try:
        day = dt.date.fromisoformat(meeting.date)
    except ValueError:
        return []
    year = year_of(day)
    allocations = in_force(history)
    earlier = [(ref, m) for ref, m in series if (ref.date, ref.id) <= (meeting.date, meeting.id)]
    spent = [c for c in commitments(earlier) if c.year == year]
    out = []
    for line in sorted({line_key(x): x for x in lines if x.strip()}.values(), key=str.casefold):
        allocation = allocations.get((year, line_key(line)))
        if allocation is None:
            continue
        committed = sum(
            (c.amount for c in spent if line_key(c.line) == line_key(line)), Decimal("0.00")
        )
        out.append(BudgetNote(allocation.line, year, allocation.amount, committed))
    return out


__all__ = [
    "Allocation",
    "BudgetNote",
    "BudgetYear",
    "Commitment",
    "LineYear",
    "budget_year",
    "commitments",
    "financial_year",
    "in_force",
    "line_key",
    "notes_as_of",
    "pounds",
    "remaining_before",
]
