"""An investment proposal as a Word document on the cluster proposal template (ToR 3.2.2,
Appendix 1): its title and lead, the Cluster IMTP priority it is in line with, the
description, the outcome measures, and every financial cost in a table of cost lines
by financial year, recurrent and non-recurrent, with their totals.

Plain data first (``ProposalDocument``), then the document, like every export; in
English, Welsh or both, through the house style (``styles``), a real heading
structure, a repeating table header row and the document's language set.

    data = proposal_docx(ProposalDocument(proposal, cluster="Upper Valleys", ...), "cy")
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from secretary.domain.proposal import KINDS, Proposal, kind_word, total
from secretary.domain.text import Name
from secretary.export.report_document import ReportExporter
from secretary.export.text import long_date, safe_filename
from secretary.i18n import in_language, money, per_language

if TYPE_CHECKING:
    from docx.table import Table

    from secretary.export.documents import Writer

# Portrait A4 holds the line, its kind, five years and the total; more years turn the page.
PORTRAIT_YEARS = 5


@dataclass(frozen=True)
class ProposalDocument:
    """What the proposal document shows: the proposal, and where it is going."""

    proposal: Proposal
    cluster: Name | str = ""  # the terms' body (a Name, Welsh too) or as recorded
    meeting_date: str = ""  # ISO date of the meeting it goes to
    item: str = ""  # the agenda item's number or reference ("5", "UVC/26/05")
    priorities: tuple[Name, ...] = ()  # the terms' Cluster IMTP priorities (for the Welsh)

    def priority(self) -> Name:
        """The priority as a name with its Welsh when the terms give it."""
        wanted = self.proposal.priority.casefold()
        for p in self.priorities:
            if wanted in (p.en.casefold(), p.cy.casefold()):
                return p
        return Name(self.proposal.priority)


def _money(amount: float | None) -> str:
    return "" if amount is None else money(amount)


class ProposalExporter(ReportExporter):
    report: ProposalDocument

    def title(self) -> str:
        return self.t("Investment proposal: {title}", title=self.report.proposal.title)

    def build(self, w: Writer) -> None:
        doc = self.report
        p = doc.proposal
        if self.cluster:
            w.para(self.cluster, "Secretary Kicker")
        w.para(self.t("Investment proposal"), "Title")
        meta = self.meta()
        if meta:
            w.para(meta, "Secretary Meta")
        w.header_footer(self.t("Investment proposal"), self.cluster or p.title, False)

        w.heading(self.t("Title"), 1)
        w.para(p.title, bold=True)
        if p.lead:
            w.labelled(self.t("Lead:"), p.lead)

        w.heading(self.t("Cluster IMTP priority"), 1)
        w.para(doc.priority().render(self.lang))

        w.heading(self.t("Description"), 1)
        self.typed(w, p.description)

        w.heading(self.t("Outcome measures"), 1)
        self.typed(w, p.outcomes)

        w.heading(self.t("Financial costs"), 1)
        w.para(self.summary(), bold=True)
        if len(p.years) > PORTRAIT_YEARS:
            w.landscape()
        self.costs_table(w)
        w.para(
            self.t(
                "Recurrent: a cost that continues year after year; non-recurrent: a one-off "
                "cost. Amounts in pounds sterling."
            ),
            "Secretary Small",
        )

    def meta(self) -> str:
        doc = self.report

        def build(lang: str) -> str:
            when = long_date(doc.meeting_date, lang, weekday=False) if doc.meeting_date else ""
            if when and doc.item:
                return in_language(lang, "For the meeting of {date}, item {item}", date=when,
                                   item=doc.item)  # fmt: skip
            if when:
                return in_language(lang, "For the meeting of {date}", date=when)
            return ""

        return per_language(self.lang, build)

    def typed(self, w: Writer, text: str) -> None:
        if text.strip():
            w.text_block(text)
        else:
            w.para(self.t("Not given."), "Secretary Small")

    def summary(self) -> str:
        p = self.report.proposal
        return self.t(
            "Total: {total} (recurrent {recurrent}; non-recurrent {non_recurrent})",
            total=_money(p.total),
            recurrent=_money(p.total_for_kind(KINDS[0])),
            non_recurrent=_money(p.total_for_kind(KINDS[1])),
        )

    def costs_table(self, w: Writer) -> Table:
        p = self.report.proposal
        years = p.years
        headers = [self.t("Cost line"), self.t("Kind"), *years, self.t("Total")]
        rows: list[list[str]] = []
        for line in p.lines:
            for kind in p.kinds_of(line):
                amounts = [p.amount(line, kind, y) for y in years]
                row_total = total(c for c in p.costs if c.line == line and c.kind == kind)
                rows.append(
                    [line, kind_word(kind).render(self.lang)]
                    + [_money(a) for a in amounts]
                    + [_money(row_total)]
                )
        totals: list[list[str]] = []
        for kind in KINDS:
            if any(c.kind == kind for c in p.costs):
                label = (
                    self.t("Total recurrent") if kind == KINDS[0] else self.t("Total non-recurrent")
                )
                by_year = [p.total_for_year(y, kind) for y in years]
                totals.append(
                    [label, ""] + [_money(a) for a in by_year] + [_money(p.total_for_kind(kind))]
                )
        totals.append(
            [self.t("Total"), ""] + [_money(p.total_for_year(y)) for y in years] + [_money(p.total)]
        )
        widths = [4.0, 1.8] + [1.6] * len(years) + [1.7]
        table = w.table(headers, rows + totals, widths)
        _align_amounts(table, first=2)
        for row in table.rows[len(rows) + 1 :]:
            for cell in row.cells:
                for para in cell.paragraphs:
                    for run in para.runs:
                        run.bold = True
        return table


def _align_amounts(table: Table, first: int) -> None:
    """Amounts right-aligned, so pounds line up under pounds."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for row in table.rows:
        for cell in row.cells[first:]:
            for para in cell.paragraphs:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def proposal_docx(
    document: ProposalDocument, language: str = "en", template: str | Path | None = None
) -> bytes:
    """The proposal as .docx bytes (``language`` en, cy or bilingual)."""
    return ProposalExporter(document, _named(document.cluster, language), template, language).run()


def proposal_filename(proposal: Proposal, language: str = "en") -> str:
    """'Investment proposal - Social prescriber for the cluster.docx'."""
    word = in_language(language, "Investment proposal")
    return safe_filename(f"{word} - {proposal.title}") + ".docx"


def save_proposal(
    path: str | Path,
    document: ProposalDocument,
    language: str = "en",
    template: str | Path | None = None,
    *,
    force: bool = False,
) -> Path:
    """Write the proposal document; refuses to replace a file unless ``force``."""
    exporter = ProposalExporter(document, _named(document.cluster, language), template, language)
    return exporter.save(path, force=force)


def _named(name: Name | str, language: str) -> str:
    return name.render(language) if isinstance(name, Name) else name
