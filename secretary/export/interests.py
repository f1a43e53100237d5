"""The register of interests as a Word document and as CSV.

``InterestsExporter(entries, cluster).run() -> bytes`` and
``interests_csv(entries) -> bytes``; ``entries`` come from
``secretary.store.series.interests`` (every declaration, by person).
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path

from secretary.domain.interests import InterestEntry
from secretary.domain.text import plural
from secretary.export.csvsafe import safe_writer
from secretary.export.files import write_document
from secretary.export.text import clean, long_date
from secretary.i18n import in_language

ACTION_LABELS = {
    "none": "Declared; took part",
    "abstain": "Did not vote on the item",
    "withdraw": "Withdrew for the item",
    "unstated": "Declared; consequence not stated",
}


class InterestsExporter:
    def __init__(
        self,
        entries: Sequence[InterestEntry],
        cluster: str = "",
        template: str | Path | None = None,
        language: str = "en",
    ):
        self.entries = list(entries)
        self.cluster = cluster
        self.template = template
        self.lang = language

    def t(self, text: str, /, **params: object) -> str:
        return in_language(self.lang, text, **params)

    def run(self) -> bytes:
        from secretary.export.documents import Writer
        from secretary.export.styles import clear_body, open_template

        doc = open_template(self.template)
        clear_body(doc)
        w = Writer(doc, self.lang)
        title = self.t("Register of interests")
        if self.cluster:
            w.para(self.cluster, "Secretary Kicker")
        w.para(title, "Title")
        people = len({(e.name, e.person) for e in self.entries})
        w.para(
            self.t(
                "{declarations} by {people}, as recorded at the meetings.",
                declarations=plural(len(self.entries), "{n} declaration", "{n} declarations"),
                people=plural(people, "{n} person", "{n} people"),
            ),
            "Secretary Meta",
        )
        w.header_footer(title, self.cluster or title, False)
        if not self.entries:
            w.para(self.t("No declarations of interest have been recorded."))
        current = None
        rows: list[list[str]] = []

        def flush() -> None:
            if rows:
                w.table(
                    [
                        self.t("Meeting"),
                        self.t("Item"),
                        self.t("Interest"),
                        self.t("What followed"),
                    ],
                    rows,
                    [2.2, 3.2, 4.2, 2.0],
                )
                rows.clear()

        for e in self.entries:
            who = (e.name, e.person)
            if who != current:
                flush()
                current = who
                heading = e.name + (f" — {e.organisation}" if e.organisation else "")
                w.heading(heading, 2)
            item = (
                self.t("All items")
                if e.item is None
                else " ".join(x for x in (e.item_reference, e.item_title.render(self.lang)) if x)
                or e.item
            )
            rows.append(
                [
                    long_date(e.meeting.date, self.lang, weekday=False) or e.meeting.title,
                    item,
                    e.interest,
                    self.t(ACTION_LABELS.get(e.action, e.action)),
                ]
            )
        flush()
        props = doc.core_properties
        props.title = clean(title)
        props.subject = clean(self.cluster)[:250]
        props.author = "Cluster Secretary"
        props.last_modified_by = "Cluster Secretary"
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()

    def save(self, path: str | os.PathLike[str], *, force: bool = False) -> Path:
        return write_document(path, self.run(), force=force)


CSV_COLUMNS = [
    "name",
    "person",
    "organisation",
    "meeting_date",
    "meeting",
    "item",
    "item_reference",
    "item_title",
    "interest",
    "action",
]


def interests_csv(entries: Sequence[InterestEntry]) -> bytes:
    buf = io.StringIO()
    out = safe_writer(buf, lineterminator="\r\n")
    out.writerow(CSV_COLUMNS)
    for e in entries:
        out.writerow(
            [
                e.name,
                e.person,
                e.organisation,
                e.meeting.date,
                e.meeting.title,
                e.item or "",
                e.item_reference,
                e.item_title.render("en"),
                e.interest,
                e.action,
            ]
        )
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
