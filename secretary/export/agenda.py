"""The agenda of a meeting as a Word document, in English, Welsh or both.

Plain data first (``AgendaDocument``: the meeting's heading and its items as
``domain.agenda_plan.plan`` gives them, headings still messages that render in the
reader's language), then the document: the cluster, "Agenda", the meeting's date,
time and venue, and a table of the items with their number, heading, reference,
papers ("Paper 5a: Social prescriber proposal"), financial amount, presenter,
purpose and planned time. Standing items are named in the reader's language
(``domain.agenda.standing_title``); what the secretary typed appears as typed.

    doc = agenda_document(record, meeting_id)
    data = agenda_docx(doc, "bilingual")
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from secretary.domain.text import Msg, Name, plural
from secretary.export.report_document import ReportExporter
from secretary.export.text import clean, long_date, safe_filename, short_date
from secretary.i18n import BILINGUAL, Bilingual, if_known, in_language, money, per_language

if TYPE_CHECKING:
    from docx.table import _Cell

    from secretary.domain.meeting import Meeting
    from secretary.domain.scenario import MeetingInfo
    from secretary.export.documents import Writer

PURPOSE_WORDS = {
    "decision": "for decision",
    "discussion": "for discussion",
    "information": "for information",
    "ratification": "for ratification",
    "noting": "for noting",
}


@dataclass(frozen=True)
class AgendaPaper:
    number: str  # "5a": printed "Paper 5a"
    title: str


@dataclass(frozen=True)
class AgendaAction:
    """An open action of an earlier meeting, to be followed up under matters arising."""

    ref: str
    text: str
    lead: str = ""  # a name
    due: str = ""  # ISO date
    agreed_on: str = ""  # ISO date of the meeting that agreed it
    status: str = ""  # as recorded ("open", "in progress")


@dataclass(frozen=True)
class AgendaLine:
    """One item of the agenda, as printed."""

    number: str  # "5", "5a"
    heading: Msg | Name  # rendered in the reader's language
    reference: str = ""
    presenter: str = ""  # a name
    purpose: str = ""  # decision | discussion | information | ratification | noting | ""
    starts: str = ""  # planned start "HH:MM"
    duration: int | None = None  # planned minutes
    amount: float | None = None
    financial: bool = False
    budget_line: str = ""
    priority: Name | None = None  # an investment proposal's Cluster IMTP priority
    sub: bool = False
    papers: tuple[AgendaPaper, ...] = ()
    listed_papers: tuple[str, ...] = ()  # titles only (records from before papers were kept)
    carried: tuple[AgendaAction, ...] = ()  # matters arising: earlier meetings' open actions


@dataclass(frozen=True)
class AgendaDocument:
    cluster: Name | str
    title: str  # the meeting's title
    date: str  # ISO
    start: str = ""  # "HH:MM"
    venue: str = ""
    items: tuple[AgendaLine, ...] = ()
    interim: bool = False
    issued_on: str | None = None
    changes: tuple[Msg, ...] = ()  # recorded on the agenda after it was issued


def agenda_document(record: Any, meeting_id: int) -> AgendaDocument:
    """The agenda of meeting ``meeting_id`` of ``record`` (a secretary.store.Record)
    as it stands, from the meeting folded from its events."""
    from secretary.domain.meeting import Meeting

    info = record.meeting_info(meeting_id)
    meeting = Meeting(record.meeting_terms(meeting_id), record.events(meeting_id))
    return agenda_document_of(info, meeting)


def agenda_document_of(info: MeetingInfo, meeting: Meeting) -> AgendaDocument:
    """The agenda of ``meeting`` (``domain.agenda_plan.plan``) with its heading."""
    from secretary.domain.agenda_plan import plan

    terms = meeting.terms
    agenda = plan(meeting, info.start or None)
    priorities = {p.en.casefold(): p for p in terms.imtp_priorities}

    def presenter(who: str) -> str:
        person = meeting.people.get(who)
        return person.name if person is not None else who

    lines = []
    for it in agenda.items:
        priority = None
        if it.proposal is not None:
            priority = priorities.get(it.proposal.priority.casefold(), Name(it.proposal.priority))
        lines.append(
            AgendaLine(
                number=it.number,
                heading=it.heading,
                reference=it.reference,
                presenter=presenter(it.presenter),
                purpose=it.purpose,
                starts=it.starts,
                duration=it.duration,
                amount=it.amount,
                financial=it.financial,
                budget_line=it.budget_line,
                priority=priority,
                sub=it.sub,
                papers=tuple(AgendaPaper(p.number, p.title) for p in it.papers),
                listed_papers=tuple(it.legacy_papers),
                carried=tuple(
                    AgendaAction(
                        a.id,
                        a.text,
                        presenter(a.owner) if a.owner else "",
                        a.due,
                        a.from_date,
                        a.status,
                    )
                    for a in it.carried
                ),
            )
        )
    return AgendaDocument(
        cluster=Name(info.cluster) if info.cluster else terms.body,
        title=info.title,
        date=info.date,
        start=info.start,
        venue=info.venue,
        items=tuple(lines),
        interim=agenda.interim,
        issued_on=agenda.issued_on,
        changes=agenda.changes,
    )


def _render(value: Msg | Name | str, lang: str) -> str:
    return value.render(lang) if isinstance(value, (Msg, Name)) else value


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _end(starts: str, minutes: int) -> str:
    hours, mins = (int(x) for x in starts.split(":"))
    total = hours * 60 + mins + minutes
    return f"{total // 60:02d}:{total % 60:02d}" if total < 24 * 60 else ""


class AgendaExporter(ReportExporter):
    report: AgendaDocument

    def title(self) -> str:
        doc = self.report
        when = long_date(doc.date, self.lang, weekday=False) if doc.date else ""
        if doc.title and when:
            return self.t("Agenda: {title}, {date}", title=doc.title, date=when)
        return self.t("Agenda: {title}", title=doc.title or when)

    def build(self, w: Writer) -> None:
        doc = self.report
        if self.cluster:
            w.para(self.cluster, "Secretary Kicker")
        w.para(self.t("Agenda"), "Title")
        w.para(self.meeting_line(), "Secretary Meta")
        if doc.interim:
            w.para(self.t("An interim meeting (Terms of Reference 5.1)."), bold=True)
        if doc.issued_on:
            w.para(
                self.t(
                    "The agenda and papers were issued on {date}.",
                    date=long_date(doc.issued_on, self.lang, weekday=False),
                ),
                "Secretary Meta",
            )
        footer = per_language(
            self.lang,
            lambda lang: ", ".join(
                x for x in (doc.title, long_date(doc.date, lang, weekday=False)) if x
            ),
        )
        w.header_footer(self.t("Agenda"), footer, False)
        if not doc.items:
            w.para(self.t("No items are on the agenda yet."))
        else:
            self.items_table(w)
        for it in doc.items:
            if it.carried:
                self.carried_table(w, it)
        if doc.changes:
            w.heading(self.t("Changes since the agenda was issued"), 1)
            w.bullets([c.render(self.lang) for c in doc.changes])

    def meeting_line(self) -> str:
        doc = self.report

        def build(lang: str) -> str:
            when = long_date(doc.date, lang) if doc.date else ""
            if when and doc.start:
                when = in_language(lang, "{date} at {time}", date=when, time=doc.start)
            return ", ".join(x for x in (doc.title, when, doc.venue) if x)

        return per_language(self.lang, build)

    def items_table(self, w: Writer) -> None:
        doc = self.report
        headers = [
            self.t("Item"),
            self.t("Business"),
            self.t("Presenter"),
            self.t("Purpose"),
            self.t("Time"),
        ]
        rows = [
            [it.number, "", it.presenter, self.purpose(it.purpose), self.time(it)]
            for it in doc.items
        ]
        table = w.table(headers, rows, [0.7, 4.4, 1.7, 1.4, 1.2])
        for row, it in zip(table.rows[1:], doc.items, strict=True):
            self.business_cell(w, row.cells[1], it)

    def carried_table(self, w: Writer, it: AgendaLine) -> None:
        """The open actions of earlier meetings, followed up under matters arising."""
        w.heading(self.t("Open actions from earlier meetings (item {number})", number=it.number), 1)
        w.table(
            [self.t("Ref"), self.t("Action"), self.t("Lead"), self.t("Due"), self.t("Agreed"),
             self.t("Status")],
            [
                [a.ref, a.text, a.lead, short_date(a.due),
                 short_date(a.agreed_on) if a.agreed_on else "",
                 if_known(self.lang, a.status)]
                for a in it.carried
            ],
            [1.2, 4.4, 2.0, 1.6, 2.0, 1.4],
        )  # fmt: skip

    def purpose(self, purpose: str) -> str:
        words = PURPOSE_WORDS.get(purpose)
        if words is None:
            return clean(purpose)
        return per_language(self.lang, lambda lang: _capital(in_language(lang, words)))

    def time(self, it: AgendaLine) -> str:
        if it.starts and it.duration:
            end = _end(it.starts, it.duration)
            return f"{it.starts}–{end}" if end else it.starts
        if it.starts:
            return it.starts
        if it.duration:
            return plural(it.duration, "{n} minute", "{n} minutes").render(self.lang)
        return ""

    def business_cell(self, w: Writer, cell: _Cell, it: AgendaLine) -> None:
        """The item's heading (bold for an item, plain for a sub-item), then its
        reference, Cluster IMTP priority, money and papers, a line each."""
        lines: list[tuple[str, bool]] = [(_render(it.heading, self.lang), not it.sub)]
        if it.reference:
            lines.append((it.reference, False))
        if it.priority is not None:
            lines.append((self.t("Cluster IMTP priority: {priority}", priority=it.priority), False))
        if it.financial:
            lines.append((self.money_line(it), False))
        for paper in it.papers:
            # the title as typed, the same in both languages: "Papur / Paper 5a: …"
            # (the label alone is short, so it pairs whatever the title's length)
            label = self.t("Paper {number}", number=paper.number)
            lines.append((f"{label}: {clean(paper.title)}", False))
        if it.listed_papers:
            lines.append((self.t("Papers: {titles}", titles="; ".join(it.listed_papers)), False))
        _cell_lines(w, cell, lines)

    def money_line(self, it: AgendaLine) -> str:
        if it.amount is None:
            words = self.t("Financial item")
        else:
            words = self.t("Financial item: {amount}", amount=money(it.amount))
        if it.budget_line:
            return self.t("{what}; budget line: {line}", what=words, line=it.budget_line)
        return words


def _cell_lines(w: Writer, cell: _Cell, lines: list[tuple[str, bool]]) -> None:
    """Paragraphs of a table cell; bilingual text that is not a short pair: the Welsh
    paragraph (marked Welsh), then the English."""
    from secretary.export.styles import mark_language

    first = True
    for text, bold in lines:
        parts: list[tuple[str, str | None]] = [(text, None)]
        if isinstance(text, Bilingual) and "\n" in text:
            parts = [(text.cy, "cy-GB"), (text.en, None)]
        for chunk, lang in parts:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            w.styled(p, "Secretary Table Text")
            if lang is None:
                w.write(p, chunk, bold=bold)
            else:
                run = p.add_run(clean(chunk))
                run.bold = bold or None
                mark_language(run._r.get_or_add_rPr(), lang)


def _named(name: Name | str, language: str) -> str:
    return name.render(language) if isinstance(name, Name) else name


def agenda_docx(
    document: AgendaDocument, language: str = "en", template: str | Path | None = None
) -> bytes:
    """The agenda as .docx bytes (``language`` en, cy or bilingual)."""
    return AgendaExporter(document, _named(document.cluster, language), template, language).run()


def save_agenda(
    path: str | Path,
    document: AgendaDocument,
    language: str = "en",
    template: str | Path | None = None,
    *,
    force: bool = False,
) -> Path:
    """Write the agenda; refuses to replace a file unless ``force``."""
    exporter = AgendaExporter(document, _named(document.cluster, language), template, language)
    return exporter.save(path, force=force)


def agenda_filename(document: AgendaDocument, language: str = "en") -> str:
    """'2026-05-14 Upper Valleys Cluster Meeting - agenda.docx'."""
    stem = " ".join(x for x in (document.date, document.title) if x) or "meeting"
    word = in_language(language, "agenda")
    if language == BILINGUAL:
        word = word.replace(" / ", " - ")
    return safe_filename(f"{stem} - {word}") + ".docx"
