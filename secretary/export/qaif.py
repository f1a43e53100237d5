"""QAIF attendance for the year as a Word document and as CSV: per GP practice, the
meetings attended by a GP (and by a substitute the health board agreed) against the
terms' requirement, and who attended otherwise — the table a practice manager hands to
the health board. ``report`` is a ``secretary.domain.qaif.QaifYear``."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from secretary.domain.qaif import AGREED, GP, OTHER, QaifYear, status_label
from secretary.export.csvsafe import safe_writer
from secretary.export.report_document import ReportExporter
from secretary.export.text import long_date
from secretary.i18n import format_date, join

if TYPE_CHECKING:
    from secretary.export.documents import Writer

SHORT_FILL = "F8D7DA"  # a practice short of the requirement (said in words too)


class QaifExporter(ReportExporter):
    report: QaifYear

    def title(self) -> str:
        from secretary.domain.attendance_year import year_label

        return self.t("QAIF attendance {year}", year=year_label(self.report.year))

    def build(self, w: Writer) -> None:
        from secretary.export.documents import shade

        r = self.report
        w.landscape()
        if self.cluster:
            w.para(self.cluster, "Secretary Kicker")
        w.para(self.title(), "Title")
        w.header_footer(self.title(), self.cluster or self.title(), False)
        w.para(
            self.t(
                "Meetings of the year to be attended by a GP to fulfil QAIF requirements: "
                "{n}. With the prior agreement of the health board, a practice may be "
                "represented by another senior practice-employed clinician or "
                "administrator (terms of reference 2.2).",
                n=r.rule.meetings,
            )
        )
        if r.meetings:
            w.para(
                self.t(
                    "Meetings held: {dates}.",
                    dates=join(long_date(m.date, self.lang, weekday=False) for m in r.meetings),
                ),
                "Secretary Meta",
            )
        short = [p for p in r.practices if p.shortfall]
        if short:
            w.para(
                self.t(
                    "Short of the requirement: {practices}.",
                    practices=join(
                        (
                            self.t(
                                "{practice} ({counted} of {required})",
                                practice=p.name.render(self.lang),
                                counted=p.counted,
                                required=p.required,
                            )
                            for p in short
                        ),
                        "; ",
                    ),
                ),
                bold=True,
            )
        elif r.practices:
            w.para(self.t("Every practice has met the requirement."))
        w.heading(self.t("By practice"), 1)
        dates = [format_date(m.date, self.lang, "column") for m in r.meetings]
        headers = [
            self.t("Practice"),
            *dates,
            self.t("By a GP"),
            self.t("By an agreed substitute"),
            self.t("Counted"),
            self.t("Required"),
            self.t("QAIF"),
        ]
        rows = []
        for p in r.practices:
            name = p.name.render(self.lang)
            if p.organisation:
                name = f"{name}\n{p.organisation}"
            rows.append(
                [
                    name,
                    *[status_label(m.status).render(self.lang) for m in p.meetings],
                    str(p.by_gp),
                    str(p.by_agreed_substitute),
                    str(p.counted),
                    str(p.required),
                    p.verdict().render(self.lang),
                ]
            )
        table = w.table(headers, rows, [3.0, *[1.3] * len(dates), 1.4, 1.8, 1.3, 1.3, 2.2])
        for row, p in zip(table.rows[1:], r.practices, strict=True):
            if p.shortfall:
                shade(row.cells[-1], SHORT_FILL)
        w.heading(self.t("Attended otherwise"), 1)
        lines = []
        for p in r.practices:
            for i, who in p.otherwise():
                facts = {
                    "practice": p.name.render(self.lang),
                    "date": long_date(r.meetings[i].date, self.lang, weekday=False),
                    "names": ", ".join(who),
                }
                lines.append(
                    self.t(
                        "{practice}, {date}: {names} (not counted: the roster does not "
                        "record their profession)",
                        **facts,
                    )
                    if p.meetings[i].unrecorded
                    else self.t(
                        "{practice}, {date}: {names} (not a GP, and no agreed substitute)",
                        **facts,
                    )
                )
            for i, m in enumerate(p.meetings):
                if m.status == AGREED:
                    lines.append(
                        self.t(
                            "{practice}, {date}: {names} (agreed substitute)",
                            practice=p.name.render(self.lang),
                            date=long_date(r.meetings[i].date, self.lang, weekday=False),
                            names=", ".join(m.who),
                        )
                    )
        if lines:
            for line in lines:
                w.bullet(line)
        else:
            w.para(self.t("Every practice was represented by a GP whenever it attended."))


def qaif_csv(report: QaifYear) -> bytes:
    """One row per practice: the counts, then one column per meeting (its date)
    holding gp | agreed | other | apologies | absent; then who attended otherwise."""
    buf = io.StringIO()
    out = safe_writer(buf, lineterminator="\r\n")  # no formulas: a name may start "="
    out.writerow(
        [
            "seat",
            "practice",
            "organisation",
            "by_gp",
            "by_agreed_substitute",
            "counted",
            "required",
            "shortfall",
            *[m.date for m in report.meetings],
            "attended_otherwise",
        ]
    )
    for p in report.practices:
        otherwise = "; ".join(
            f"{report.meetings[i].date}: {', '.join(m.who)}"
            for i, m in enumerate(p.meetings)
            if m.status in (OTHER, AGREED)
        )
        out.writerow(
            [
                p.seat,
                p.name.render("en"),
                p.organisation,
                p.by_gp,
                p.by_agreed_substitute,
                p.counted,
                p.required,
                p.shortfall,
                *[m.status for m in p.meetings],
                otherwise,
            ]
        )
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # a BOM: Excel reads it as UTF-8


__all__ = ["GP", "QaifExporter", "qaif_csv"]
