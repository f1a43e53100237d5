"""Attendance over a financial year as a Word document and as CSV.

``AttendanceYearExporter(report, cluster).run() -> bytes`` (landscape .docx:
by seat against the required attendance, shortfalls shaded; by person; by
organisation) and ``attendance_csv(report) -> bytes``. ``report`` is a
``secretary.domain.attendance_year.AttendanceYear``.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from secretary.domain.attendance_year import (
    ABSENT,
    APOLOGIES,
    DEPUTY,
    IN_PERSON,
    REMOTE,
    VACANT,
    AttendanceYear,
    Tally,
)
from secretary.domain.text import plural
from secretary.export.csvsafe import safe_writer
from secretary.export.report_document import ReportExporter
from secretary.export.text import long_date
from secretary.i18n import BILINGUAL, format_date, join, part, per_language

if TYPE_CHECKING:
    from secretary.export.documents import Writer

SHORT_FILL = "F8D7DA"  # a seat short of its required attendance
MARKS = {IN_PERSON: "✓", REMOTE: "R", DEPUTY: "D", APOLOGIES: "A", ABSENT: "✗", VACANT: "–", "": ""}
# The letters follow the legend of each language: B (o bell), Y (ymddiheuriadau).
MARKS_BY_LANGUAGE = {
    "en": MARKS,
    "cy": MARKS | {REMOTE: "B", APOLOGIES: "Y"},
    BILINGUAL: MARKS | {REMOTE: "B/R", APOLOGIES: "Y/A"},
}


def _short(iso: str, lang: str) -> str:
    """'14 Mai 26' / '14 May 26': a narrow column's heading (the one formatter)."""
    return format_date(iso, lang, "column")


class AttendanceYearExporter(ReportExporter):
    """Attendance over the year: by seat against the requirement, by person, by
    organisation (landscape)."""

    report: AttendanceYear

    def title(self) -> str:
        return self.t("Attendance {year}", year=self.report.label)

    def build(self, w: Writer) -> None:
        from secretary.export.documents import shade

        r = self.report
        w.landscape()
        if self.cluster:
            w.para(self.cluster, "Secretary Kicker")
        w.para(self.title(), "Title")
        span = self.t(
            "{start} to {end}",
            start=long_date(r.start.isoformat(), self.lang, weekday=False),
            end=long_date(r.end.isoformat(), self.lang, weekday=False),
        )
        if r.meetings:
            held = self.t(
                "{meetings}: {dates}",
                meetings=plural(len(r.meetings), "{n} meeting", "{n} meetings"),
                dates=join(long_date(m.date, self.lang, weekday=False) for m in r.meetings),
            )
        else:
            held = self.t("no meetings held")
        w.para(
            per_language(self.lang, lambda lang: f"{part(span, lang)} · {part(held, lang)}"),
            "Secretary Meta",
        )
        w.header_footer(self.title(), self.cluster or self.title(), False)
        if r.requirements:
            reqs = per_language(
                self.lang,
                lambda lang: ", ".join(
                    f"{r.tag_names[tag].render(lang) if tag in r.tag_names else tag} {n}"
                    for tag, n in sorted(r.requirements.items())
                ),
            )
            w.para(self.t("Required attendance (meetings a year, by seat tag): {reqs}.", reqs=reqs))
        short = r.shortfalls()
        if short:
            w.para(
                self.t(
                    "Short of the required attendance: {seats}.",
                    seats=join(
                        (
                            self.t(
                                "{seat} ({attended} of {required})",
                                seat=s.name.render(self.lang),
                                attended=s.tally.attended,
                                required=s.required,
                            )
                            for s in short
                        ),
                        "; ",
                    ),
                ),
                bold=True,
            )
        elif any(s.required for s in r.seats):
            w.para(self.t("Every seat with a requirement has met it."))
        dates = [_short(m.date, self.lang) for m in r.meetings]
        marks = MARKS_BY_LANGUAGE.get(self.lang, MARKS)

        w.heading(self.t("By seat"), 1)
        headers = [
            self.t("Seat"),
            *dates,
            self.t("In person"),
            self.t("Remote"),
            self.t("By deputy"),
            self.t("Apologies"),
            self.t("Absent"),
            self.t("Attended"),
            self.t("Required"),
        ]
        rows = []
        for s in r.seats:
            rows.append(
                [
                    s.name.render(self.lang),
                    *[marks.get(x, x) for x in s.per_meeting],
                    *self.counts(s.tally, deputy=True),
                    str(s.tally.attended),
                    "" if s.required is None else str(s.required),
                ]
            )
        widths = [3.4, *[1.0] * len(dates), *[1.75] * 7]
        table = w.table(headers, rows, widths)
        for row, s in zip(table.rows[1:], r.seats, strict=True):
            if s.shortfall:
                for cell in (row.cells[0], row.cells[-2], row.cells[-1]):
                    shade(cell, SHORT_FILL)
                    for p in cell.paragraphs:
                        for run in p.runs:
                            run.bold = True
        w.para(
            self.t(
                "✓ in person · R remote · D by deputy · A apologies · ✗ absent · "
                "– no one holds the seat. Shaded: short of the required attendance."
            ),
            "Secretary Small",
        )

        w.heading(self.t("By person"), 1)
        headers = [
            self.t("Name"),
            self.t("Seat"),
            self.t("Organisation"),
            *dates,
            self.t("In person"),
            self.t("Remote"),
            self.t("Apologies"),
            self.t("Absent"),
        ]
        rows = []
        for p in r.people:
            seat = ""
            if p.seat:
                found = next((s for s in r.seats if s.seat == p.seat), None)
                seat = found.name.render(self.lang) if found else p.seat
                if p.role == "deputy":
                    seat = self.t("{seat} (deputy)", seat=seat)
            else:
                seat = self.t("in attendance")
            t = p.tally
            rows.append(
                [
                    p.name,
                    seat,
                    p.organisation,
                    *[marks.get(x, x) for x in p.per_meeting],
                    str(t.in_person),
                    str(t.remote),
                    str(t.apologies),
                    str(t.absent),
                ]
            )
        w.table(headers, rows, [2.4, 2.6, 2.4, *[1.0] * len(dates), *[1.75] * 4])

        if r.organisations:
            w.heading(self.t("By organisation"), 1)
            headers = [
                self.t("Organisation"),
                *dates,
                self.t("In person"),
                self.t("Remote"),
                self.t("By deputy"),
                self.t("Apologies"),
                self.t("Absent"),
            ]
            rows = [
                [
                    o.organisation,
                    *[marks.get(x, x) for x in o.per_meeting],
                    *self.counts(o.tally, deputy=True),
                ]
                for o in r.organisations
            ]
            w.table(headers, rows, [3.4, *[1.0] * len(dates), *[1.75] * 5])

    @staticmethod
    def counts(t: Tally, deputy: bool) -> list[str]:
        out = [str(t.in_person), str(t.remote)]
        if deputy:
            out.append(str(t.by_deputy))
        return out + [str(t.apologies), str(t.absent)]


CSV_COLUMNS = [
    "kind",
    "id",
    "name",
    "seat",
    "organisation",
    "role",
    "required",
    "attended",
    "in_person",
    "remote",
    "by_deputy",
    "apologies",
    "absent",
    "shortfall",
]


def attendance_csv(report: AttendanceYear) -> bytes:
    """One row per seat, person and organisation; then one column per meeting
    (its date) holding in_person | remote | deputy | apologies | absent | vacant."""
    buf = io.StringIO()
    out = safe_writer(buf, lineterminator="\r\n")
    out.writerow(CSV_COLUMNS + [m.date for m in report.meetings])

    def row(
        kind: str,
        ident: str,
        name: str,
        seat: str,
        org: str,
        role: str,
        required: int | None,
        t: Tally,
        shortfall: int,
        per: list[str],
    ) -> None:
        out.writerow(
            [
                kind,
                ident,
                name,
                seat,
                org,
                role,
                "" if required is None else required,
                t.attended,
                t.in_person,
                t.remote,
                t.by_deputy,
                t.apologies,
                t.absent,
                shortfall,
                *per,
            ]
        )

    for s in report.seats:
        row(
            "seat",
            s.seat,
            s.name.en,
            s.seat,
            "; ".join(s.organisations),
            "",
            s.required,
            s.tally,
            s.shortfall,
            s.per_meeting,
        )
    for p in report.people:
        row(
            "person",
            p.person,
            p.name,
            p.seat or "",
            p.organisation,
            p.role,
            None,
            p.tally,
            0,
            p.per_meeting,
        )
    for o in report.organisations:
        row(
            "organisation",
            "",
            o.organisation,
            "; ".join(o.seats),
            o.organisation,
            "",
            None,
            o.tally,
            0,
            o.per_meeting,
        )
    # A BOM so that Excel reads the names (Siân, Ffion) as UTF-8.
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
