"""The Word documents: minutes, action log, financial log and attendance register.

Each exporter takes a ``MeetingSnapshot`` (plain data, see ``snapshot.py``)
and an optional template path, and ``run()`` returns the .docx as bytes;
``save(path, force=False)`` writes it safely (see ``files.write_document``).

    snap = snapshot_from_record(record, meeting_id)
    data = MinutesExporter(snap).run()
    ActionLogExporter(snap, today=date.today(), carried_forward=older).save(path)

Every string goes through ``text.clean`` on its way into the document, so
whatever the secretary typed exports.

One module (over 400 lines): the four documents share the writer, the house style and
the table helpers; each exporter itself is short.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Length, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from secretary.domain.text import plural
from secretary.export.files import write_document
from secretary.export.snapshot import (
    ActionLine,
    DecisionLine,
    DeclarationLine,
    ItemSection,
    MeetingSnapshot,
    PersonLine,
    QuorumLine,
    tr,
)
from secretary.export.styles import (
    HEADER_FILL,
    TABLE_STYLE,
    add_bullet_list,
    clear_body,
    mark_language,
    open_template,
    set_document_language,
)
from secretary.export.text import clean, long_date, money, paragraphs, parse_date, short_date
from secretary.i18n import (
    BILINGUAL,
    SEPARATOR,
    Bilingual,
    if_known,
    join,
    pair,
    part,
    per_language,
)

RAG_COLOURS = {  # fill, text
    "red": ("DA291C", RGBColor(0xFF, 0xFF, 0xFF)),
    "amber": ("FFB81C", RGBColor(0x1F, 0x1F, 0x1F)),
    "green": ("009639", RGBColor(0x00, 0x00, 0x00)),  # black on green: 5.4:1 (WCAG AA)
}
AMBER_DAYS = 7  # "amber = due within 7 days" (issue 4): a house rule of the log, not the terms


def rag(action: ActionLine, today: dt.date) -> str:
    """red: past due and not closed; amber: due within 7 days; green otherwise."""
    if action.closed:
        return "green"
    due = parse_date(action.due)
    if due is None:
        return "green"
    if due < today:
        return "red"
    if (due - today).days <= AMBER_DAYS:
        return "amber"
    return "green"


class Writer:
    """Small helpers over a python-docx Document; every text is cleaned. Public: the
    interests register and the attendance report write with it too."""

    def __init__(self, doc: DocxDocument, lang: str):
        self.doc = doc
        self.lang = lang
        self._style_ids: dict[str, str] = {}
        self._bullets: int | None = None  # the numId of our bullet list, once made

    def style_id(self, name: str) -> str:
        """The style's id, looked up once (python-docx scans every style on each lookup)."""
        sid = self._style_ids.get(name)
        if sid is None:
            sid = self._style_ids[name] = self.doc.styles[name].style_id
        return sid

    def styled(self, p: Paragraph, style: str | None) -> Paragraph:
        if style is not None:
            p._p.style = self.style_id(style)
        return p

    def add_paragraph(self, style: str | None = None) -> Paragraph:
        return self.styled(self.doc.add_paragraph(), style)

    def t(self, text: str, /, **params: object) -> str:
        return tr(self.lang, text, **params)

    @property
    def width(self) -> int:
        s = self.doc.sections[-1]
        return int((s.page_width or 0) - (s.left_margin or 0) - (s.right_margin or 0))

    def para(
        self, text: str = "", style: str | None = None, *, bold: bool = False, italic: bool = False
    ) -> Paragraph:
        if _blocks(text):  # bilingual: a Welsh paragraph, then an English one
            assert isinstance(text, Bilingual)
            self.para(_Welsh(text.cy), style, bold=bold, italic=italic)
            return self.para(text.en, style, bold=bold, italic=italic)
        p = self.add_paragraph(style)
        if text:
            self.write(p, text, bold=bold, italic=italic)
        return p

    def write(self, p: Paragraph, text: str, *, bold: bool = False, italic: bool = False) -> None:
        """``text`` added to ``p`` as runs; in a bilingual document the Welsh part of a
        bilingual text is marked Welsh (cy-GB), so a screen reader reads it as Welsh."""
        parts: list[tuple[str, str | None]] = [(str(text), None)]
        if self.lang == "bilingual" and isinstance(text, _Welsh):
            parts = [(str(text), "cy-GB")]
        if self.lang == "bilingual" and isinstance(text, Bilingual):
            for sep in (SEPARATOR, "\n"):
                if str(text) == f"{text.cy}{sep}{text.en}":
                    parts = [(text.cy, "cy-GB"), (sep, None), (text.en, None)]
                    break
        for chunk, lang in parts:
            run = p.add_run(clean(chunk))
            run.bold = bold or None
            run.italic = italic or None
            if lang is not None:
                mark_language(run._r.get_or_add_rPr(), lang)

    def labelled(self, label: str, text: str, style: str | None = None) -> Paragraph:
        """'Label: text'. Bilingual text under a bilingual label: the Welsh label with
        the Welsh text, then the English with the English (never a label pair over
        a Welsh sentence); a value that is the same in both keeps the label pair."""
        if isinstance(label, Bilingual) and (isinstance(text, Bilingual) or _blocks(label)):
            self.labelled(_Welsh(label.cy), _welsh(part(text, "cy")), style)
            return self.labelled(label.en, part(text, "en"), style)
        p = self.add_paragraph(style)
        self.write(p, label, bold=True)
        p.add_run(" ")
        self.write(p, text)
        return p

    def heading(self, text: str, level: int = 1) -> Paragraph:
        return self.para(text, f"Heading {level}")

    def bullets(self, texts: Sequence[str]) -> None:
        """A list; bilingual items that do not fit a label pair make a Welsh list,
        then an English list."""
        if any(_blocks(t) for t in texts):
            for lang in ("cy", "en"):
                for t in texts:
                    self.bullet(_welsh(part(t, lang)) if lang == "cy" else part(t, lang))
            return
        for t in texts:
            self.bullet(t)

    def bullet(self, text: str) -> Paragraph:
        """A line of a real Word bullet list (a screen reader says "list, 3 items")."""
        if self._bullets is None:
            self._bullets = add_bullet_list(self.doc)
        p = self.add_paragraph("Secretary Bullet")
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = self._bullets
        self.write(p, text)
        return p

    def text_block(self, text: str, style: str | None = None) -> None:
        """Typed text: each line its own paragraph (tabs kept)."""
        for line in paragraphs(text):
            self.para(line, style)

    def table(
        self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
    ) -> Table:
        """A table with a repeated, shaded header row; ``widths`` are fractions."""
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = self.doc.styles[TABLE_STYLE]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        total = self.width
        cols = [Emu(int(total * w / sum(widths))) for w in widths]
        for i, col in enumerate(table.columns):
            col.width = cols[i]
        head = table.rows[0]
        _repeat_header(head)
        for i, text in enumerate(headers):
            self.cell(head.cells[i], text, "Secretary Table Heading", cols[i])
            _shade(head.cells[i], HEADER_FILL)
        for row in rows:
            cells = table.add_row().cells
            _cant_split(table.rows[-1])
            for i, text in enumerate(row):
                self.cell(cells[i], text, "Secretary Table Text", cols[i])
        return cast(Table, table)  # python-docx leaves add_table untyped

    def cell(self, cell: _Cell, text: str, style: str, width: Length) -> None:
        cell.width = width
        p = cell.paragraphs[0]
        self.styled(p, style)
        if "\n" not in text:
            if text:
                self.write(p, text)
            return
        welsh = (
            clean(text.cy)
            if self.lang == "bilingual" and isinstance(text, Bilingual) and "\n" not in text.cy
            else None
        )
        for i, line in enumerate(clean(text).split("\n")):
            if i:
                p = self.styled(cell.add_paragraph(), style)
            if line:
                run = p.add_run(line)
                if i == 0 and line == welsh:
                    mark_language(run._r.get_or_add_rPr(), "cy-GB")

    def header_footer(self, header: str, footer: str, draft: bool) -> None:
        """Our marking in the header, page numbers in the footer — added to the
        template's own (a letterhead stays; a footer it has is not covered)."""
        section = self.doc.sections[-1]
        hdr = section.header
        hdr.is_linked_to_previous = False
        p = _first_empty(hdr.paragraphs) or hdr.add_paragraph()
        self.styled(p, "Secretary Header")
        run = p.add_run(clean(header))
        if draft:
            run.bold = True
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        ftr = section.footer
        ftr.is_linked_to_previous = False
        if any(par.text.strip() for par in ftr.paragraphs) or ftr.tables:
            return
        # Bilingual: the footer whole in Welsh, then whole in English, on two lines.
        langs = ("cy", "en") if self.lang == BILINGUAL else (self.lang,)
        p = _first_empty(ftr.paragraphs) or ftr.add_paragraph()
        self.styled(p, "Secretary Footer")
        for i, lang in enumerate(langs):
            if i:
                p.add_run().add_break()
            words = tr(lang, "Page {page} of {pages}", page="\0", pages="\0").split("\0")
            p.add_run(clean(part(footer, lang)) + " · " + words[0])
            _field(p, "PAGE")
            p.add_run(words[1])
            _field(p, "NUMPAGES")
            p.add_run(words[2])

    def landscape(self) -> None:
        s = self.doc.sections[-1]
        if s.orientation != WD_ORIENT.LANDSCAPE:
            s.orientation = WD_ORIENT.LANDSCAPE
            w, h = s.page_width, s.page_height
            if w is not None and h is not None and h > w:
                s.page_width, s.page_height = h, w


class _Welsh(str):
    """The Welsh block of a bilingual text: its runs are marked Welsh (cy-GB)."""


def _welsh(text: str) -> str:
    """Text of the Welsh block: marked Welsh, unless it is the same in both (data)."""
    return _Welsh(text) if isinstance(text, str) and not isinstance(text, Bilingual) else text


def _blocks(text: object) -> bool:
    """A bilingual text set as a Welsh block then an English block."""
    return isinstance(text, Bilingual) and "\n" in text


def _first_empty(pars: Sequence[Paragraph]) -> Paragraph | None:
    if len(pars) == 1 and not pars[0].text.strip() and not pars[0]._p.xpath(".//w:drawing"):
        return pars[0]
    return None


def _tab_stop(p: Paragraph, doc: DocxDocument) -> None:
    from docx.shared import Cm

    p.paragraph_format.tab_stops.add_tab_stop(Cm(0.6))


def shade(cell: _Cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    for old in tcpr.findall(qn("w:shd")):
        tcpr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _repeat_header(row: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _cant_split(row: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _field(p: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) with a placeholder result."""

    def fld(kind: str) -> None:
        r = OxmlElement("w:r")
        f = OxmlElement("w:fldChar")
        f.set(qn("w:fldCharType"), kind)
        r.append(f)
        p._p.append(r)

    fld("begin")
    r = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    r.append(instr)
    p._p.append(r)
    fld("separate")
    p.add_run("1")
    fld("end")


# --------------------------------------------------------------------------- exporters


class _Exporter:
    kind = "document"

    def __init__(self, snapshot: MeetingSnapshot, template: str | Path | None = None):
        self.snap = snapshot
        self.template = template

    def t(self, text: str, /, **params: object) -> str:
        return tr(self.snap.language, text, **params)

    def run(self) -> bytes:
        """The document as .docx bytes. Raises TemplateError for a bad template."""
        doc = open_template(self.template)
        clear_body(doc)
        # The language of the text (en-GB, cy-GB); a bilingual document is English
        # with its Welsh paragraphs marked Welsh.
        set_document_language(doc, "cy-GB" if self.snap.language == "cy" else "en-GB")
        w = _Writer(doc, self.snap.language)
        self.build(w)
        props = doc.core_properties
        props.title = clean(self.document_title())[:250]
        props.subject = clean(self.snap.cluster)[:250]
        props.author = "Cluster Secretary"
        props.last_modified_by = "Cluster Secretary"
        props.comments = ""
        props.keywords = ""
        props.revision = max(1, self.snap.version)
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()

    def save(self, path: str | Path, *, force: bool = False) -> Path:
        """Write the document to ``path``; refuses to replace a file unless ``force``."""
        return write_document(path, self.run(), force=force)

    def document_title(self) -> str:
        return f"{self.snap.title} — {self.kind}"

    def build(self, w: _Writer) -> None:
        raise NotImplementedError

    # shared pieces. Each line is built whole in one language (``per_language``):
    # bilingual, a Welsh line then an English one, never one language's words
    # around the other's values.
    def each(self, build: Callable[..., str], *args: Any) -> str:
        """``build(lang, *args)`` in the document's language, or each language."""
        return per_language(self.snap.language, lambda lang: build(lang, *args))

    def meeting_line(self, lang: str | None = None) -> str:
        s = self.snap

        def build(lang: str) -> str:
            when = long_date(s.date, lang) if s.date else ""
            if when and s.start and s.end:
                when = tr(lang, "{date}, {start} to {end}", date=when, start=s.start, end=s.end)
            elif when and s.start:
                when = tr(lang, "{date} at {time}", date=when, time=s.start)
            return ", ".join(x for x in (when, part(s.venue, lang)) if x)

        return build(lang) if lang else self.each(build)

    def draft_text(self, lang: str | None = None) -> str:
        s = self.snap
        lang = lang or s.language
        if s.approved is None:
            return tr(lang, "DRAFT — version {version} — not yet approved", version=s.version)
        return tr(lang, "Approved on {date}", date=long_date(s.approved.date, lang, weekday=False))

    def title_block(self, w: _Writer, title: str) -> None:
        w.para(self.snap.cluster, "Secretary Kicker")
        w.para(title, "Title")
        w.para(
            self.each(
                lambda lang: " — ".join(
                    x for x in (part(self.snap.title, lang), self.meeting_line(lang)) if x
                )
            ),
            "Secretary Meta",
        )

    def footer_text(self) -> str:
        s = self.snap
        return self.each(
            lambda lang: ", ".join(
                x for x in (part(s.title, lang), long_date(s.date, lang, weekday=False)) if x
            )
        )


def _stop(text: str) -> str:
    """A sentence with its full stop (each language's, for a bilingual part)."""
    return text if not text or text[-1] in ".!?" else text + "."


def _colon(label: str) -> str:
    """'Label:'; a bilingual label keeps its two parts, each with its colon."""
    if isinstance(label, Bilingual):
        return pair(label.cy + ":", label.en + ":")
    return label + ":"


def _item_meta(lang: str, it: ItemSection) -> str:
    """'UVC/26/05 · for decision · presented by Tomos Bowen · financial item: £18,500.00',
    its first letter a capital."""
    meta = [it.reference] if it.reference else []
    if it.purpose:
        meta.append(part(it.purpose, lang))
    if it.presenter:
        meta.append(tr(lang, "presented by {name}", name=it.presenter))
    if it.financial:
        meta.append(
            tr(lang, "financial item: {amount}", amount=money(it.amount))
            if it.amount is not None
            else tr(lang, "financial item")
        )
    line = " · ".join(meta)
    return line[:1].upper() + line[1:]


def _deputy_sentence(lang: str, p: PersonLine) -> str:
    return _stop(part(p.sentence, lang))


def _quorum_line(lang: str, q: QuorumLine) -> str:
    return f"{part(q.label, lang)}: {part(q.text, lang)}"


def _declared(lang: str, it: ItemSection) -> str:
    """'Dr Ffion Jones (did not vote on the item); Eleri Thomas.' — a declaration that
    changed nothing adds nothing to the name."""
    return (
        "; ".join(
            f"{d.person} ({_lower_first(part(d.followed, lang))})" if d.followed else d.person
            for d in it.declarations
        )
        + "."
    )


def _decision_text(lang: str, d: DecisionLine) -> str:
    """The words typed for the decision, then the rules' statement in ``lang``."""
    return " ".join(x for x in (d.wording, part(d.statement, lang)) if x)


class MinutesExporter(_Exporter):
    """The minutes of one meeting."""

    kind = "minutes"

    def document_title(self) -> str:
        return self.t("Minutes: {title}", title=self.snap.title)

    def build(self, w: _Writer) -> None:
        s = self.snap
        w.para(s.cluster, "Secretary Kicker")
        w.para(s.title, "Title")
        w.para(
            self.each(
                lambda lang: (
                    tr(lang, "Minutes of the meeting held on {when}", when=line)
                    if (line := self.meeting_line(lang))
                    else tr(lang, "Minutes of the meeting")
                )
            ),
            "Secretary Meta",
        )
        approved = s.approved
        if approved is None:
            after = "These minutes are a draft until they are approved at the next meeting."
            w.para(
                self.each(lambda lang: self.draft_text(lang) + ". " + tr(lang, after)),
                "Secretary Draft",
            )
        else:
            fp = approved.fingerprint[:16]
            w.para(
                self.each(
                    lambda lang: (
                        self.draft_text(lang) + ". " + tr(lang, "Record fingerprint {fp}.", fp=fp)
                    )
                ),
                "Secretary Meta",
            )
            if approved.amendments.strip():
                # The record is never rewritten: the approved minutes are the text
                # below as recorded, with these amendments (the secretary's words, once).
                w.para(
                    self.each(
                        lambda lang: tr(
                            lang,
                            "Approved with the following amendments, which the text below "
                            "does not include:",
                        )
                    ),
                    "Secretary Draft",
                )
                w.para(clean(approved.amendments.strip()), "Secretary Draft")
        w.header_footer(
            self.draft_text() if s.draft else self.t("Approved minutes"),
            self.footer_text(),
            s.draft,
        )
        self.attendance(w)
        self.quorum(w)
        self.declarations(w)
        if s.carried_actions and s.matters_arising_item is None:
            w.heading(self.t("Matters arising: actions from earlier meetings"))
            self.carried_table(w, s.carried_actions)
        self.items(w)
        if s.outside:
            w.heading(self.t("Decisions taken outside meetings"), 2)
            for line in s.outside:
                w.para(line)
        if s.end:
            w.para(self.t("The meeting closed at {time}.", time=s.end))
        self.action_summary(w)
        self.financial(w)
        w.heading(self.t("Date of the next meeting"))
        w.para(
            long_date(s.next_meeting, s.language) if s.next_meeting else self.t("To be confirmed.")
        )
        w.para(
            self.t(
                "Prepared by Cluster Secretary from the meeting record "
                "({events}; fingerprint {fp}).",
                events=plural(s.events, "{n} recorded event", "{n} recorded events"),
                fp=s.fingerprint[:16],
            ),
            "Secretary Small",
        )
        if s.chain:  # checked against the record by `secretary verify --against`
            w.para(self.t("Record check: {chain}", chain=s.chain), "Secretary Small")

    def attendance(self, w: _Writer) -> None:
        s = self.snap
        w.heading(self.t("Present"))
        if s.present or s.deputies:
            # The person chairing first, then the members, then the deputies.
            lines = [p for p in (*s.present, *s.deputies) if p.chairing]
            lines += [p for p in (*s.present, *s.deputies) if not p.chairing]
            rows = [
                [
                    self.person_name(p),
                    self.t("Deputy: {seat}", seat=p.seat) if p.role == "deputy" else p.seat,
                    self.notes(p),
                ]
                for p in lines
            ]
            w.table([self.t("Name"), self.t("Seat"), self.t("Notes")], rows, [3, 5, 3.2])
        else:
            w.para(self.t("No members were recorded as present."))
        if s.deputies:
            w.heading(self.t("Deputies"), 2)
            w.bullets([self.each(_deputy_sentence, p) for p in s.deputies])
        if s.proxies:
            w.heading(self.t("Proxies"), 2)
            w.bullets([self.sentence(x) for x in s.proxies])
        w.heading(self.t("In attendance"))
        if s.attendance_groups:
            # Grouped by kind: those plainly in attendance under the heading itself.
            for group in s.attendance_groups:
                if not group.plain:
                    w.para(group.name, bold=True)
                w.bullets([self.listed(p, p.organisation, self.notes(p)) for p in group.people])
        else:
            w.para(self.t("None."))
        if s.public is not None:
            w.labelled(self.t("Members of the public:"), str(s.public))
        w.heading(self.t("Apologies"))
        if s.apologies:
            w.bullets([self.listed(p, p.group, p.organisation) for p in s.apologies])
        else:
            w.para(self.t("None."))
        if s.absent:
            w.heading(self.t("Absent"))
            w.bullets([self.listed(p, p.group, p.organisation) for p in s.absent])

    def sentence(self, text: str) -> str:
        """``text`` with its full stop, in each language."""
        return self.each(lambda lang: _stop(part(text, lang)))

    def listed(self, p: PersonLine, role: str, detail: str) -> str:
        """'Dr Huw Davies — GP practice 4, Cwmllynfell Surgery' (no brackets inside
        brackets when a seat's name has its own: 'Cluster Lead (Chair)')."""

        def build(lang: str) -> str:
            rest = ", ".join(x for x in (part(role, lang), part(detail, lang)) if x)
            return f"{p.name} — {rest}" if rest else p.name

        return self.each(build)

    def person_name(self, p: PersonLine) -> str:
        if p.chair:
            return self.t("{name} (Chair)", name=p.name)
        if p.chairing:
            return self.t("{name} (in the Chair)", name=p.name)
        return p.name

    def notes(self, p: PersonLine) -> str:
        def build(lang: str) -> str:
            bits = [tr(lang, "remote")] if p.remote else []
            if p.part:
                bits.append(part(p.part, lang))
            if p.items:
                bits.append(part(p.items, lang))
            in_chair = str(part(p.in_chair, lang))
            if p.chairing and not p.chair:
                # "(in the Chair)" is beside the name already.
                in_chair = "; ".join(in_chair.split("; ")[1:])
            if in_chair:
                bits.append(in_chair)
            return "; ".join(bits)

        return self.each(build)

    def quorum(self, w: _Writer) -> None:
        s = self.snap
        w.heading(self.t("Quorum"))
        if s.quorum_start is not None:
            if s.quorum_start.sentence:  # one plain sentence
                w.para(s.quorum_start.sentence)
            else:
                w.labelled(_colon(s.quorum_start.label), s.quorum_start.text)
        else:
            w.para(self.t("Nothing was recorded."))
        # Wherever decision quorum was lost or regained, with the time and item.
        for q in s.quorum_changes:
            w.labelled(_colon(q.label), q.text)
        if s.quorum_decisions:
            w.para(self.t("At each decision:"))
            w.bullets([self.each(_quorum_line, q) for q in s.quorum_decisions])

    def declarations(self, w: _Writer) -> None:
        s = self.snap
        w.heading(self.t("Declarations of interest"))
        if not s.declarations:
            w.para(self.t("No interests were declared."))
            return
        w.table(
            [self.t("Item"), self.t("Name"), self.t("Interest"), self.t("What followed")],
            [[self.declared_where(d), d.person, d.interest, d.followed] for d in s.declarations],
            [3.2, 2.4, 4.2, 2.4],
        )

    def declared_where(self, d: DeclarationLine) -> str:
        """'Item 5: …', or 'Standing (register of interests): confirmed'."""
        if d.standing_text:
            return self.each(
                lambda lang: f"{part(d.item_label, lang)}: {part(d.standing_text, lang)}"
            )
        return d.item_label

    def items(self, w: _Writer) -> None:
        s = self.snap
        w.heading(self.t("Business of the meeting"))
        if s.unplaced_minutes:
            w.heading(self.t("Minutes of the previous meeting"), 2)
            for line in s.unplaced_minutes:
                w.para(line)
        for it in s.items:
            w.heading(it.heading, 3 if it.sub else 2)
            if it.reference or it.presenter or it.financial or it.purpose:
                w.para(self.each(_item_meta, it), "Secretary Meta")
            if it.papers:
                # join: bilingual, the Welsh list then the English, each under its label
                w.labelled(self.t("Papers:"), join(it.papers, "; "))
            for line in it.chair_notes:
                w.para(line)
            w.text_block(it.notes)
            shown = self.standing_item(w, it.standing, it.notes)
            if it.carried:
                w.para(self.t("Actions from earlier meetings:"), bold=True)
                self.carried_table(w, it.carried)
            if it.declarations:
                w.labelled(
                    self.t("Declarations:"),
                    self.each(_declared, it),
                )
            # Quorum lost or regained while the item was taken, told where it happened
            # among the item's decisions (a decision, then quorum lost; or regained,
            # then the decision).
            quorum_notes = sorted(it.quorum_notes)
            for d in it.decisions:
                while quorum_notes and quorum_notes[0][0] < d.event:
                    w.para(quorum_notes.pop(0)[1], "Secretary Small")
                label = self.t("Decision ({time}):", time=d.at) if d.at else self.t("Decision:")
                text = self.each(_decision_text, d)
                w.labelled(label, text)
                detail = self.t(
                    "Rule applied: {rule}. Quorum at the decision: {quorum}",
                    rule=d.rule,
                    quorum=d.quorum,
                )
                w.para(detail, "Secretary Small")
                if d.not_counted:
                    w.para(
                        self.t("Not counted: {list}", list=join(d.not_counted, "; ")),
                        "Secretary Small",
                    )
            for a in it.actions:
                self.action_line(w, a)
            for _, line in quorum_notes:  # after the item's last decision
                w.para(line, "Secretary Small")
            if not (
                it.notes.strip()
                or it.decisions
                or it.actions
                or it.carried
                or it.declarations
                or shown
            ):
                w.para(self.t("No notes were recorded for this item."), "Secretary Small")

    def action_line(self, w: _Writer, a: ActionLine) -> None:
        """'Action A1: …  Lead: …  Due: …', each label a bold run of its own; bilingual,
        a Welsh line then an English one."""
        langs = ("cy", "en") if self.snap.language == "bilingual" else (self.snap.language,)
        for lang in langs:
            mark = _welsh if self.snap.language == "bilingual" and lang == "cy" else str
            p = w.add_paragraph()
            w.write(p, mark(tr(lang, "Action {ref}:", ref=a.ref)), bold=True)
            w.write(p, mark(" " + str(part(a.text, lang))))
            if a.lead:
                w.write(p, mark("  "))
                w.write(p, mark(tr(lang, "Lead:")), bold=True)
                w.write(p, mark(" " + str(part(a.lead, lang))))
            if a.due:
                w.write(p, mark("  "))
                w.write(p, mark(tr(lang, "Due:")), bold=True)
                w.write(p, mark(" " + long_date(a.due, lang, weekday=False)))

    def standing_item(self, w: _Writer, standing: str, notes: str) -> bool:
        """The standing items repeat what the record holds: the apologies received,
        the declarations made. Returns whether anything was written."""
        s = self.snap
        if standing == "apologies" and s.apologies:
            names = ", ".join(p.name for p in s.apologies)
            w.labelled(self.t("Apologies were received from:"), names + ".")
            for p in s.deputies:
                if part(p.sentence, "en") not in notes and part(p.sentence, "cy") not in notes:
                    w.para(self.each(_deputy_sentence, p))
            return True
        if standing == "declarations":
            if not s.declarations:
                w.para(self.t("No interests were declared."))
                return True
            standing_ones = s.standing_declarations
            if standing_ones:
                w.para(self.t("Standing declarations from the register of interests:"))
                w.bullets(
                    [
                        self.t(
                            "{person}: {interest} — {status}",
                            person=d.person,
                            interest=d.interest.strip().rstrip("."),
                            status=d.standing_text,
                        )
                        for d in standing_ones
                    ]
                )
            others = [d for d in s.declarations if not d.standing]
            if others:
                w.para(self.t("The following interests were declared:"))
                w.bullets(
                    [
                        self.t(
                            "{person} ({item}): {interest} {followed}.",
                            person=d.person,
                            item=d.item_label,
                            interest=_stop(d.interest.strip()),
                            followed=d.followed,
                        )
                        if d.followed
                        else self.t(
                            "{person} ({item}): {interest}",
                            person=d.person,
                            item=d.item_label,
                            interest=_stop(d.interest.strip()),
                        )
                        for d in others
                    ]
                )
            return True
        return False

    def carried_table(self, w: _Writer, actions: Sequence[ActionLine]) -> None:
        """The actions of earlier meetings followed up here: who, when due, the
        meeting that agreed each, and what this meeting recorded."""
        w.table(
            [
                self.t("Ref"),
                self.t("Action"),
                self.t("Lead"),
                self.t("Due"),
                self.t("Agreed"),
                self.t("Progress at this meeting"),
            ],
            [[a.ref, a.text, a.lead, short_date(a.due), a.meeting, a.progress] for a in actions],
            [1.4, 4.2, 2.4, 2.5, 2.2, 4.4],
        )

    def action_summary(self, w: _Writer) -> None:
        """The actions first agreed at this meeting (carried ones are under matters
        arising)."""
        s = self.snap
        w.heading(self.t("Actions agreed"))
        agreed = s.agreed_actions
        if not agreed:
            w.para(self.t("No actions were agreed."))
            return
        w.table(
            [self.t("Ref"), self.t("Item"), self.t("Action"), self.t("Lead"), self.t("Due")],
            [[a.ref, a.item, a.text, a.lead, short_date(a.due)] for a in agreed],
            [2.3, 2.3, 6.6, 3.0, 2.3],
        )

    def financial(self, w: _Writer) -> None:
        s = self.snap
        w.heading(self.t("Financial log"))
        if not s.financial:
            w.para(self.t("No financial decisions were taken."))
            return
        _financial_table(self, w)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _financial_table(exp: _Exporter, w: _Writer) -> None:
    s = exp.snap
    t = exp.t
    rows = []
    for f in s.financial:
        desc = f.description
        if f.from_agenda:
            desc = (desc + "\n" if desc else "") + t("(amount from the agenda; no log entry)")
        rows.append([f.item, desc, money(f.amount), f.budget_line, f.outcome, f.signatory])
    rows.append([t("Total"), "", money(s.financial_total), "", "", ""])
    rows.append([t("Total agreed"), "", money(s.financial_total_agreed), "", "", ""])
    table = w.table(
        [
            t("Item"),
            t("Description"),
            t("Amount"),
            t("Budget line"),
            t("Outcome"),
            t("HB signatory"),
        ],
        rows,
        [3.2, 3.0, 2.6, 2.7, 2.3, 2.4],
    )
    for row in table.rows[1:]:
        for p in row.cells[2].paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in table.rows[-2:]:
        for cell in row.cells:
            for p in cell.paragraphs:
                for r in p.runs:
                    r.bold = True


class ActionLogExporter(_Exporter):
    """The action log (landscape): this meeting's actions and any carried forward."""

    kind = "action log"

    def __init__(
        self,
        snapshot: MeetingSnapshot,
        template: str | Path | None = None,
        *,
        today: dt.date | None = None,
        carried_forward: Sequence[ActionLine] = (),
    ):
        super().__init__(snapshot, template)
        self.today = today or dt.date.today()
        self.carried_forward = list(carried_forward)

    def document_title(self) -> str:
        return self.t("Action log: {title}", title=self.snap.title)

    def build(self, w: _Writer) -> None:
        s = self.snap
        w.landscape()
        self.title_block(w, self.t("Action log"))
        w.para(
            self.t(
                "Status as at {date}. RAG: red = past due and not complete; amber = due "
                "within {days}; green = otherwise.",
                date=long_date(self.today.isoformat(), s.language, weekday=False),
                days=plural(AMBER_DAYS, "{n} day", "{n} days"),
            ),
            "Secretary Meta",
        )
        w.header_footer(
            self.each(
                lambda lang: (
                    tr(lang, "Action log") + (" — " + self.draft_text(lang) if s.draft else "")
                )
            ),
            self.footer_text(),
            s.draft,
        )
        # Lines passed in for actions this meeting already carries (matters arising)
        # are left out: the meeting's own line has the status it recorded.
        here = {a.ref for a in s.actions}
        older = [a for a in self.carried_forward if a.ref not in here]
        actions = older + list(s.actions)
        if not actions:
            w.para(self.t("No actions are open or were agreed at this meeting."))
            return
        headers = [
            self.t("Ref"),
            self.t("Meeting"),
            self.t("Item"),
            self.t("Action"),
            self.t("Lead"),
            self.t("Due"),
            self.t("Status"),
            self.t("RAG"),
            self.t("Progress notes"),
        ]
        rows = []
        colours = []
        for a in actions:
            colour = rag(a, self.today)
            colours.append(colour)
            rows.append(
                [
                    a.ref,
                    a.meeting,
                    a.item,
                    a.text,
                    a.lead,
                    short_date(a.due),
                    if_known(s.language, a.status),  # "open" -> "ar agor"; typed words stay
                    self.t(colour.capitalize()),
                    "\n".join(a.notes),
                ]
            )
        table = w.table(headers, rows, [2.3, 2.3, 2.2, 6.2, 2.6, 2.3, 2.0, 1.8, 5.0])
        for row, colour in zip(table.rows[1:], colours, strict=True):
            fill, ink = RAG_COLOURS[colour]
            cell = row.cells[7]
            _shade(cell, fill)
            for p in cell.paragraphs:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for r in p.runs:
                    r.bold = True
                    r.font.color.rgb = ink
        carried = len(older) + len(s.carried_actions)
        if carried:
            w.para(
                plural(
                    carried,
                    "{n} action carried forward from earlier meetings.",
                    "{n} actions carried forward from earlier meetings.",
                ).render(s.language),
                "Secretary Small",
            )


class FinancialLogExporter(_Exporter):
    """The financial log of the meeting (3.3.2 of the seed terms)."""

    kind = "financial log"

    def document_title(self) -> str:
        return self.t("Financial log: {title}", title=self.snap.title)

    def build(self, w: _Writer) -> None:
        s = self.snap
        self.title_block(w, self.t("Financial log"))
        w.header_footer(
            self.each(
                lambda lang: (
                    tr(lang, "Financial log") + (" — " + self.draft_text(lang) if s.draft else "")
                )
            ),
            self.footer_text(),
            s.draft,
        )
        if not s.financial:
            w.para(self.t("No financial decisions were taken at this meeting."))
            return
        _financial_table(self, w)
        w.para(
            self.t(
                'Amounts in pounds sterling. "Total agreed" counts the items carried, '
                "agreed by consensus or ratified. An item on which no decision could be "
                "taken is not a financial decision and is not listed."
            ),
            "Secretary Small",
        )
        if s.budget:
            w.heading(self.t("Budget lines as of this meeting"), 2)
            w.table(
                [
                    self.t("Budget line"),
                    self.t("Allocated {year}", year=s.budget[0].label),
                    self.t("Committed to date"),
                    self.t("Remaining"),
                ],
                [
                    [
                        b.line,
                        money(float(b.allocated)),
                        money(float(b.committed)),
                        money(float(b.remaining)),
                    ]
                    for b in s.budget
                ],
                [3.0, 1.6, 1.6, 1.6],
            )


class AttendanceRegisterExporter(_Exporter):
    """Everyone on the meeting's roster and how they attended."""

    kind = "attendance register"

    def document_title(self) -> str:
        return self.t("Attendance register: {title}", title=self.snap.title)

    def build(self, w: _Writer) -> None:
        s = self.snap
        self.title_block(w, self.t("Attendance register"))
        w.header_footer(self.t("Attendance register"), self.footer_text(), False)
        if not s.register:
            w.para(self.t("Nobody is on the roster of this meeting."))
            return
        w.table(
            [
                self.t("Name"),
                self.t("Seat or role"),
                self.t("Organisation"),
                self.t("Attendance"),
                self.t("Arrived"),
                self.t("Left"),
            ],
            [
                [r.name, r.seat, r.organisation, r.status_text, r.arrived, r.left]
                for r in s.register
            ],
            [3.0, 3.6, 3.2, 3.4, 1.7, 1.6],
        )
        counts: dict[str, int] = {}
        for r in s.register:
            counts[r.status] = counts.get(r.status, 0) + 1
        summary = self.t(
            "Present: {present} (remote throughout: {remote}; deputies: {deputy}). "
            "Apologies: {apologies}. Absent: {absent}.",
            present=counts.get("present", 0) + counts.get("remote", 0) + counts.get("deputy", 0),
            remote=counts.get("remote", 0),
            deputy=counts.get("deputy", 0),
            apologies=counts.get("apologies", 0),
            absent=counts.get("absent", 0),
        )
        w.para(summary, "Secretary Meta")
        if s.quorum_start is not None:
            w.labelled(_colon(s.quorum_start.label), s.quorum_start.text, "Secretary Meta")


# The old private names, still used inside this module.
_Writer = Writer
_shade = shade
