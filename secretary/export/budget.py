"""The cluster's spending for a financial year, as a Word document and as CSV: per budget
line the allocation, each decision that committed money (meeting, date, item), the
total committed and what remains (seed terms 3.3.4, 3.3.5). ``report`` is a
``secretary.domain.budget.BudgetYear``."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING

from secretary.domain.budget import BudgetYear
from secretary.export.csvsafe import safe_writer
from secretary.export.report_document import ReportExporter
from secretary.export.text import long_date
from secretary.i18n import money

if TYPE_CHECKING:
    from secretary.export.documents import Writer

OVER_FILL = "F8D7DA"  # an overspent line (said in words too)


def _money(value: Decimal | None) -> str:
    return "" if value is None else money(float(value))


class BudgetExporter(ReportExporter):
    report: BudgetYear

    def title(self) -> str:
        return self.t("Spending {year}", year=self.report.label)

    def build(self, w: Writer) -> None:
        from secretary.export.documents import shade

        r = self.report
        if self.cluster:
            w.para(self.cluster, "Secretary Kicker")
        w.para(self.title(), "Title")
        w.header_footer(self.title(), self.cluster or self.title(), False)
        w.para(
            self.t(
                "Allocated {allocated}; committed {committed}; remaining {remaining}.",
                allocated=_money(r.allocated),
                committed=_money(r.committed),
                remaining=_money(r.allocated - r.committed),
            ),
            bold=True,
        )
        w.heading(self.t("By budget line"), 1)
        rows = [
            [
                ln.line,
                _money(ln.allocated),
                _money(ln.committed),
                _money(ln.remaining),
                self.t("overspent") if ln.remaining is not None and ln.remaining < 0 else "",
            ]
            for ln in r.lines
        ]
        table = w.table(
            [
                self.t("Budget line"),
                self.t("Allocated"),
                self.t("Committed"),
                self.t("Remaining"),
                self.t("Note"),
            ],
            rows,
            [4.0, 1.6, 1.6, 1.6, 1.4],
        )
        for row, ln in zip(table.rows[1:], r.lines, strict=True):
            if ln.remaining is not None and ln.remaining < 0:
                shade(row.cells[3], OVER_FILL)
        for ln in r.lines:
            w.heading(ln.line, 2)
            if not ln.commitments:
                w.para(self.t("No decisions committed money on this line."))
                continue
            w.table(
                [self.t("Meeting"), self.t("Item"), self.t("Amount")],
                [
                    [
                        long_date(c.meeting_date, self.lang, weekday=False),
                        c.item
                        + (
                            "\n"
                            + self.t(
                                "recurrent, from {year}",
                                year=f"{c.recurrent_from}/{(c.recurrent_from + 1) % 100:02d}",
                            )
                            if c.recurrent_from is not None and c.recurrent_from != c.year
                            else ""
                        ),
                        _money(c.amount),
                    ]
                    for c in ln.commitments
                ],
                [1.6, 5.0, 1.4],
            )
        if r.not_in_budget:
            w.heading(self.t("Not in the budget"), 1)
            w.para(
                self.t(
                    "Decisions that committed money on a line the budget does not have "
                    "(or on no line): add the line, or correct the financial log."
                )
            )
            w.table(
                [self.t("Meeting"), self.t("Item"), self.t("Budget line"), self.t("Amount")],
                [
                    [
                        long_date(c.meeting_date, self.lang, weekday=False),
                        c.item,
                        c.line or "—",
                        _money(c.amount),
                    ]
                    for c in r.not_in_budget
                ],
                [1.6, 4.0, 2.0, 1.4],
            )


def budget_csv(report: BudgetYear) -> bytes:
    """A row per budget line (kind=line), then a row per commitment (kind=decision)."""
    buf = io.StringIO()
    out = safe_writer(buf, lineterminator="\r\n")  # no formulas: a name may start "="
    out.writerow(
        [
            "kind",
            "year",
            "line",
            "allocated",
            "committed",
            "remaining",
            "meeting_date",
            "meeting",
            "item",
            "amount",
            "recurrent_from",
        ]
    )
    for ln in report.lines:
        out.writerow(
            [
                "line",
                report.label,
                ln.line,
                ln.allocated,
                ln.committed,
                ln.remaining,
                "",
                "",
                "",
                "",
                "",
            ]
        )
        for c in ln.commitments:
            out.writerow(
                [
                    "decision",
                    report.label,
                    ln.line,
                    "",
                    "",
                    "",
                    c.meeting_date,
                    c.meeting_title,
                    c.item,
                    c.amount,
                    c.recurrent_from or "",
                ]
            )
    for c in report.not_in_budget:
        out.writerow(
            [
                "not_in_budget",
                report.label,
                c.line,
                "",
                "",
                "",
                c.meeting_date,
                c.meeting_title,
                c.item,
                c.amount,
                c.recurrent_from or "",
            ]
        )
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
