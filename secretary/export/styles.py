"""The house style: the Word styles every export uses, and opening a template.

A template is any Word document (.docx) or Word template (.dotx): the export
keeps its styles, page set-up, headers and footers (a health board
letterhead), replaces its body, and ADDS any style it lacks from the list
below, so a template made for letters still works. ``scripts/make_template.py``
builds the bundled ``resources/templates/house-style.docx`` from the same list.

One module (over 400 lines): the house style is one set of named styles, and a
secretary's template is read against the same names; kept together they cannot drift.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from secretary.export.files import TemplateError as TemplateError  # where callers look
from secretary.resources import resource

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

FONT = "Arial"
INK = RGBColor(0x1F, 0x1F, 0x1F)
NAVY = RGBColor(0x1C, 0x3F, 0x6E)  # headings: a plain dark blue
GREY = RGBColor(0x59, 0x59, 0x59)
RED = RGBColor(0xC0, 0x00, 0x00)

TABLE_STYLE = "Secretary Table"
HEADER_FILL = "D9E2F3"


@dataclass(frozen=True)
class ParaStyle:
    name: str
    size: float
    bold: bool = False
    italic: bool = False
    color: RGBColor | None = None
    before: float = 0
    after: float = 6
    keep_with_next: bool = False
    base: str | None = "Normal"
    align: WD_ALIGN_PARAGRAPH | None = None
    left_indent_cm: float = 0
    hanging_cm: float = 0


# Every paragraph style the exporters use. Built-in names first (a template
# usually has them); the "Secretary …" ones are ours.
PARAGRAPH_STYLES: tuple[ParaStyle, ...] = (
    ParaStyle("Normal", 11, base=None, color=INK),
    ParaStyle("Title", 20, bold=True, color=NAVY, after=4),
    ParaStyle("Heading 1", 14, bold=True, color=NAVY, before=14, after=6, keep_with_next=True),
    ParaStyle("Heading 2", 12, bold=True, color=NAVY, before=10, after=4, keep_with_next=True),
    ParaStyle("Secretary Kicker", 11, bold=True, color=GREY, after=2),
    ParaStyle("Secretary Meta", 10, color=GREY, before=4, after=6),
    ParaStyle("Secretary Draft", 12, bold=True, color=RED, before=4, after=10),
    ParaStyle("Secretary Small", 9, color=GREY, before=3, after=4),
    ParaStyle("Secretary Bullet", 11, after=3, left_indent_cm=0.6, hanging_cm=0.4),
    ParaStyle("Secretary Table Text", 9.5, after=0, base=None, color=INK),
    ParaStyle(
        "Secretary Table Heading",
        9.5,
        bold=True,
        after=0,
        base=None,
        color=INK,
        keep_with_next=True,
    ),
    ParaStyle("Secretary Header", 8.5, color=GREY, after=0, align=WD_ALIGN_PARAGRAPH.RIGHT),
    ParaStyle("Secretary Footer", 8.5, color=GREY, after=0, align=WD_ALIGN_PARAGRAPH.CENTER),
)

STYLE_NAMES = tuple(s.name for s in PARAGRAPH_STYLES) + (TABLE_STYLE,)


# --------------------------------------------------------------------------- templates


def default_template_path() -> Path:
    return resource("templates", "house-style.docx")


_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def open_template(path: str | Path | None) -> DocxDocument:
    """The template as a python-docx Document, styles completed.

    ``None``: the bundled house style (python-docx's blank document if the
    bundled file is missing). Raises TemplateError, naming the file, for
    anything that is not a readable Word document or template.
    """
    if path is None:
        bundled = default_template_path()
        doc = Document(str(bundled)) if bundled.is_file() else Document()
        ensure_styles(doc)
        return doc
    p = Path(path)
    where = str(p)
    if p.is_dir():
        raise TemplateError(f"{where}: is a folder, not a Word template (.docx)")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise TemplateError(f"{where}: no such template file") from None
    except OSError as exc:
        raise TemplateError(f"{where}: the template cannot be read: {exc.strerror}") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(
            f"{where}: not a Word template (.docx or .dotx); save it from "
            'Word as "Word Document" or "Word Template"'
        )
    try:
        data = _as_document(_sanitised(data))
        doc = Document(io.BytesIO(data))
        _ensure_section(doc)
    except TemplateError as exc:
        raise TemplateError(f"{where}: {exc}") from None
    except Exception as exc:  # any failure to parse means: not a usable Word file
        why = str(exc).split("\n")[0][:200] or type(exc).__name__
        raise TemplateError(f"{where}: not a usable Word template (.docx): {why}") from None
    ensure_styles(doc)
    return doc


# A letterhead template is a few hundred KB; these leave room for large logos
# while refusing a zip bomb (a 1 MB file that unpacks to gigabytes).
MAX_TEMPLATE_PARTS = 1000
MAX_TEMPLATE_PART = 32 * 1024 * 1024
MAX_TEMPLATE_TOTAL = 96 * 1024 * 1024
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ATTACHED_TEMPLATE = "/attachedTemplate"


def _sanitised(data: bytes) -> bytes:
    """The template re-packed with only what the document uses: each part read
    within a size limit (a part's declared size is not trusted), parts no
    relationship reaches dropped, and the link to an external template
    (``attachedTemplate``, fetched by Word when the minutes are opened) removed."""
    import posixpath
    import re
    import xml.etree.ElementTree as ET

    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
        if len(infos) > MAX_TEMPLATE_PARTS:
            raise TemplateError(f"too many parts inside ({len(infos)}) for a Word template")
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            if info.file_size > MAX_TEMPLATE_PART:
                raise TemplateError(
                    f"a part inside ({info.filename}) is too large "
                    f"({info.file_size // (1024 * 1024)} MB unpacked)"
                )
            with z.open(info) as f:
                content = f.read(MAX_TEMPLATE_PART + 1)
            if len(content) > MAX_TEMPLATE_PART:
                raise TemplateError(f"a part inside ({info.filename}) is too large unpacked")
            total += len(content)
            if total > MAX_TEMPLATE_TOTAL:
                raise TemplateError(
                    f"too large unpacked (over {MAX_TEMPLATE_TOTAL // (1024 * 1024)} MB)"
                )
            parts[info.filename] = content
    if "[Content_Types].xml" not in parts:
        raise TemplateError("not a Word file (no [Content_Types].xml inside)")
    keep = {"[Content_Types].xml"}
    queue = ["_rels/.rels"]
    while queue:
        rels_name = queue.pop()
        if rels_name in keep or rels_name not in parts:
            continue
        keep.add(rels_name)
        # "word/_rels/document.xml.rels" describes "word/document.xml"
        source_dir = posixpath.dirname(posixpath.dirname(rels_name))
        try:
            root = ET.fromstring(parts[rels_name])
        except ET.ParseError as exc:
            raise TemplateError(f"{rels_name} inside is not readable XML ({exc})") from None
        removed = False
        for rel in list(root):
            if rel.get("TargetMode") == "External":
                if (rel.get("Type") or "").endswith(_ATTACHED_TEMPLATE):
                    root.remove(rel)
                    removed = True
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(source_dir, target))
            if name in parts and name not in keep:
                keep.add(name)
                queue.append(
                    posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name))
                    + ".rels"
                )
        if removed:
            ET.register_namespace("", _REL_NS[1:-1])
            parts[rels_name] = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
    settings = "word/settings.xml"
    if settings in parts:
        parts[settings] = re.sub(rb"<w:attachedTemplate\b[^>]*/>", b"", parts[settings])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for name, content in parts.items():
            if name in keep:
                w.writestr(name, content)
    return out.getvalue()


def _ensure_section(doc: DocxDocument) -> None:
    """A body with no section properties (valid, but python-docx then has no page
    set-up to give): an empty section is added, which takes Word's own defaults."""
    body = doc.element.body
    if body.find(qn("w:sectPr")) is None:
        body.append(OxmlElement("w:sectPr"))


def _as_document(data: bytes) -> bytes:
    """A .dotx becomes a .docx (only the main part's content type differs)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        try:
            types = z.read("[Content_Types].xml").decode("utf-8")
        except KeyError:
            raise TemplateError("not a Word file (no [Content_Types].xml inside)") from None
        if "macroEnabled" in types:
            raise TemplateError(
                "macro-enabled Word files (.docm, .dotm) cannot be used as "
                "templates; save it as a .dotx or .docx"
            )
        if _DOTX_MAIN not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
            for info in z.infolist():
                content = z.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    content = types.replace(_DOTX_MAIN, _DOCX_MAIN).encode("utf-8")
                w.writestr(info, content)
        return out.getvalue()


def clear_body(doc: DocxDocument) -> None:
    """Remove the template's body text, keeping its page set-up (the last sectPr)."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


# --------------------------------------------------------------------------- styles


def _has_style(doc: DocxDocument, name: str) -> bool:
    try:
        doc.styles[name]
    except KeyError:
        return False
    return True


def ensure_styles(doc: DocxDocument) -> list[str]:
    """Add the styles the exporters need that ``doc`` lacks; return their names."""
    added = []
    for spec in PARAGRAPH_STYLES:
        if not _has_style(doc, spec.name):
            style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
            if spec.base and spec.base != spec.name and _has_style(doc, spec.base):
                style.base_style = doc.styles[spec.base]
            _format(style, spec)
            added.append(spec.name)
    if not _has_style(doc, TABLE_STYLE):
        _add_table_style(doc)
        added.append(TABLE_STYLE)
    return added


def _format(style: object, spec: ParaStyle, font: str | None = FONT) -> None:
    f = style.font  # type: ignore[attr-defined]
    if font is not None:
        _set_font_name(style, font)
    f.size = Pt(spec.size)
    f.bold = spec.bold
    f.italic = spec.italic
    if spec.color is not None:
        f.color.rgb = spec.color
    _complex_script(style, spec)
    pf = style.paragraph_format  # type: ignore[attr-defined]
    pf.space_before = Pt(spec.before)
    pf.space_after = Pt(spec.after)
    if spec.keep_with_next:
        pf.keep_with_next = True
    if spec.align is not None:
        pf.alignment = spec.align
    if spec.left_indent_cm:
        pf.left_indent = Cm(spec.left_indent_cm)
    if spec.hanging_cm:
        pf.first_line_indent = Cm(-spec.hanging_cm)


def _complex_script(style: object, spec: ParaStyle) -> None:
    """Size and weight for right-to-left (complex script) text too, so an Arabic or
    Hebrew name is set like the words around it."""
    rpr = style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    for old in rpr.findall(qn("w:szCs")):
        rpr.remove(old)
    sz = rpr.find(qn("w:sz"))
    if sz is not None:
        szcs = OxmlElement("w:szCs")
        szcs.set(qn("w:val"), str(int(spec.size * 2)))
        sz.addnext(szcs)
    bcs = rpr.get_or_add_bCs()
    if not spec.bold:
        rpr.remove(bcs)


def _set_font_name(style: object, font: str) -> None:
    """Set the font for every script and drop theme fonts, which would win over it."""
    rpr = style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)


def _add_table_style(doc: DocxDocument) -> None:
    style = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    el = style.element
    tblpr = el.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = OxmlElement("w:tblPr")
        el.append(tblpr)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{edge}")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), "4")
        b.set(qn("w:space"), "0")
        b.set(qn("w:color"), "8C8C8C")
        borders.append(b)
    tblpr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("top", 40), ("left", 80), ("bottom", 40), ("right", 80)):
        m = OxmlElement(f"w:{edge}")
        m.set(qn("w:w"), str(width))
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    tblpr.append(margins)


def build_house_style() -> DocxDocument:
    """The bundled template: python-docx's blank document restyled, A4, Arial."""
    doc = Document()
    for spec in PARAGRAPH_STYLES:
        if _has_style(doc, spec.name):
            _format(doc.styles[spec.name], spec)
    ensure_styles(doc)
    # Plain, NHS-Wales-like: no theme colours or fonts left on the headings.
    for name in ("Heading 3", "Subtitle", "List Bullet", "Caption"):
        if _has_style(doc, name):
            _set_font_name(doc.styles[name], FONT)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(1.8)
    section.header_distance, section.footer_distance = Cm(0.9), Cm(0.9)
    props = doc.core_properties
    props.title = "Cluster Secretary house style"
    props.author = "Cluster Secretary"
    props.comments = "Generated by scripts/make_template.py; edit that script, not this file."
    clear_body(doc)
    return doc


# --------------------------------------------------------------------------- lists

BULLET_INDENT_TWIPS = 340  # 0.6 cm: where the text of a bulleted line starts
BULLET_HANGING_TWIPS = 227  # 0.4 cm: the bullet hangs this far to its left


def add_bullet_list(doc: DocxDocument) -> int:
    """A real Word bullet list definition (numbering) added to ``doc``; returns its
    numId for paragraphs' ``w:numPr``. Screen readers announce a list as a list,
    which a typed "•" is not. A template without a numbering part gets one."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.oxml import parse_xml
    from docx.parts.numbering import NumberingPart

    part = doc.part
    try:
        numbering = part.part_related_by(RT.NUMBERING)
    except KeyError:
        element = parse_xml(f'<w:numbering xmlns:w="{W_NS}"/>')
        numbering = NumberingPart(
            PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package
        )
        part.relate_to(numbering, RT.NUMBERING)
    root = numbering.element  # type: ignore[attr-defined]  # a NumberingPart here
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in root.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in root.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{BULLET_INDENT_TWIPS}" w:hanging="{BULLET_HANGING_TWIPS}"/>'
        "</w:pPr></w:lvl></w:abstractNum>"
    )
    # Every abstractNum comes before the first num (the schema's order).
    first_num = root.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    root.append(
        parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    return num_id


def set_document_language(doc: DocxDocument, tag: str) -> None:
    """The language of every run that does not say otherwise (``en-GB``, ``cy-GB``):
    screen readers and spelling use it. python-docx's blank document says en-US."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    mark_language(rpr, tag)


def mark_language(rpr: object, tag: str) -> None:
    """Set ``w:lang`` (Latin and complex script) on a run's (or the defaults') rPr."""
    lang = rpr.find(qn("w:lang"))  # type: ignore[attr-defined]
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)  # type: ignore[attr-defined]
    lang.set(qn("w:val"), tag)
