"""Accessibility of our Word documents, checked the way Word's own checker does.

Welsh public bodies publish accessible documents (the Public Sector Bodies
Accessibility Regulations 2018, WCAG 2.2 AA), and secretaries are told to run Word's
accessibility checker before they circulate. ``problems(data)`` applies the rules of
that checker that concern a text document, so a test (and anyone) can check an export
without Word:

- the document has a title (core properties) and a language (en-GB / cy-GB, not the
  en-US python-docx leaves), and a Welsh paragraph of a bilingual document is marked
  Welsh;
- every table's first row is a header row that repeats on each page; no merged cells;
- headings are real Heading styles, in order (no level skipped);
- lists are real Word lists (numbering), not typed bullet characters;
- text contrasts with its background (WCAG AA, 4.5:1), and colour never carries
  meaning alone (a shaded RAG cell says its status in words);
- no image without alternative text; no empty paragraphs used for spacing.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree as ET

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
LANGUAGES = {"en": "en-GB", "cy": "cy-GB"}
TYPED_BULLETS = ("•", "·", "◦", "▪", "- ", "* ")
RAG_WORDS = {
    "red",
    "amber",
    "green",
    "coch",
    "ambr",
    "gwyrdd",
    "complete",
    "cwblhawyd",
}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _text(el: ET.Element) -> str:
    return "".join(t.text or "" for t in el.iter(_w("t")))


def _styles(z: zipfile.ZipFile) -> tuple[dict[str, str], str]:
    """({style id: style name}, the default run language)."""
    root = ET.fromstring(z.read("word/styles.xml"))
    names = {}
    for s in root.findall("w:style", NS):
        name = s.find("w:name", NS)
        sid = s.get(_w("styleId")) or ""
        names[sid] = name.get(_w("val"), sid) if name is not None else sid
    lang = root.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    return names, (lang.get(_w("val"), "") if lang is not None else "")


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours given as RRGGBB."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _parts(z: zipfile.ZipFile) -> Iterator[tuple[str, ET.Element]]:
    for name in z.namelist():
        if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
            yield name, ET.fromstring(z.read(name))


def problems(data: bytes, language: str = "en") -> list[str]:
    """What Word's accessibility checker would flag in the .docx ``data`` (an empty
    list when there is nothing); ``language`` is the export's (en, cy or bilingual)."""
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles, default_lang = _styles(z)
        core = ET.fromstring(z.read("docProps/core.xml"))
        title = core.find("dc:title", NS)
        if title is None or not (title.text or "").strip():
            found.append("the document has no title (File > Info > Title)")
        want = LANGUAGES.get(language, "cy-GB" if language == "bilingual" else "en-GB")
        if language == "bilingual":
            want = LANGUAGES["en"]  # English the default, each Welsh paragraph marked cy-GB
        if default_lang != want:
            found.append(f"the document's language is {default_lang or 'not set'}, not {want}")
        body = ET.fromstring(z.read("word/document.xml")).find("w:body", NS)
        assert body is not None
        found += _check_body(body, styles, language)
        for name, root in _parts(z):
            for i, doc_pr in enumerate(root.iter(f"{{{NS['wp']}}}docPr")):
                if not (doc_pr.get("descr") or doc_pr.get("title")):
                    found.append(f"{name}: picture {i + 1} has no alternative text")
    return found


def _check_body(body: ET.Element, styles: dict[str, str], language: str) -> list[str]:
    found: list[str] = []
    last_level = 0
    empty_run = 0
    welsh_marked = 0
    top_level = {id(p) for p in body.findall("w:p", NS)}
    for p in body.iter(_w("p")):
        style_el = p.find("w:pPr/w:pStyle", NS)
        style = styles.get(style_el.get(_w("val"), ""), "") if style_el is not None else ""
        text = _text(p)
        m = re.fullmatch(r"heading (\d)", style, re.I)  # Word stores "heading 1"
        if m:
            level = int(m.group(1))
            if level > last_level + 1:
                found.append(f"heading {text!r} is level {level} after level {last_level}")
            last_level = level
        elif style.lower() == "title":
            last_level = 0
        stripped = text.lstrip()
        if stripped.startswith(TYPED_BULLETS) and p.find("w:pPr/w:numPr", NS) is None:
            found.append(f"a typed bullet instead of a list: {text[:40]!r}")
        if id(p) not in top_level:  # a cell's paragraphs are the cell's own
            pass
        elif not text.strip() and p.find(".//w:drawing", NS) is None:
            empty_run += 1
            if empty_run >= 3:
                found.append("three or more empty paragraphs used for spacing")
                empty_run = 0
        else:
            empty_run = 0
        for lang in p.iter(_w("lang")):
            if lang.get(_w("val")) == "cy-GB":
                welsh_marked += 1
                break
    for n, table in enumerate(body.iter(_w("tbl")), start=1):
        rows = table.findall("w:tr", NS)
        if not rows:
            continue
        head = rows[0].find("w:trPr/w:tblHeader", NS)
        if head is None or head.get(_w("val"), "true") in ("false", "0", "off"):
            found.append(f"table {n}: the first row is not marked as a repeating header row")
        for r, row in enumerate(rows, start=1):
            for cell in row.findall("w:tc", NS):
                pr = cell.find("w:tcPr", NS)
                if pr is not None and (
                    pr.find("w:gridSpan", NS) is not None or pr.find("w:vMerge", NS) is not None
                ):
                    found.append(f"table {n}, row {r}: merged cells")
                found += _check_colour(cell, pr, f"table {n}, row {r}")
    if language == "bilingual" and not welsh_marked:
        found.append("a bilingual document with no paragraph marked Welsh (cy-GB)")
    return found


def _check_colour(cell: ET.Element, pr: ET.Element | None, where: str) -> list[str]:
    shd = pr.find("w:shd", NS) if pr is not None else None
    fill = (shd.get(_w("fill")) or "") if shd is not None else ""
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", fill) or fill.upper() == "FFFFFF":
        return []
    found = []
    for run in cell.iter(_w("r")):
        colour = run.find("w:rPr/w:color", NS)
        ink = colour.get(_w("val"), "000000") if colour is not None else "000000"
        if ink == "auto":
            ink = "000000"
        if re.fullmatch(r"[0-9A-Fa-f]{6}", ink) and contrast(ink, fill) < 4.5:
            found.append(f"{where}: text {ink} on {fill} has contrast {contrast(ink, fill):.1f}:1")
    text = _text(cell).strip()
    if not text:
        found.append(f"{where}: a shaded cell with no words (colour alone carries meaning)")
    return found
