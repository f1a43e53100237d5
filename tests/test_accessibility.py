"""Accessible by construction: every exported document passes the rules of Word's
accessibility checker that concern a text document, in English, Welsh and bilingual
(secretary.export.accessibility) — and the checker itself catches what it should."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from secretary.demo import create_demo_record
from secretary.export import snapshot_from_record
from secretary.export.accessibility import contrast, problems
from secretary.export.documents import (
    ActionLogExporter,
    AttendanceRegisterExporter,
    FinancialLogExporter,
    MinutesExporter,
)

EXPORTERS = (MinutesExporter, ActionLogExporter, FinancialLogExporter, AttendanceRegisterExporter)
TODAY = dt.date(2026, 6, 1)  # some actions are then overdue (red), some due soon


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    record, mid = create_demo_record(tmp_path_factory.mktemp("a11y") / "demo.sqlite")
    yield record, mid
    record.close()  # type: ignore[attr-defined]


def make(demo, exporter, language: str, template: Path | None = None) -> bytes:
    record, mid = demo
    snap = snapshot_from_record(record, mid, language=language)
    kw = {"today": TODAY} if exporter is ActionLogExporter else {}
    return exporter(snap, template, **kw).run()


@pytest.mark.parametrize("language", ["en", "cy", "bilingual"])
@pytest.mark.parametrize("exporter", EXPORTERS, ids=lambda e: e.__name__)
def test_every_export_passes_the_accessibility_rules(demo, exporter, language: str) -> None:
    data = make(demo, exporter, language)
    assert problems(data, language) == []
    d = docx.Document(io.BytesIO(data))
    assert d.core_properties.title and d.core_properties.author
    for table in d.tables:  # a header row that repeats on every page
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_the_language_is_british_english_or_welsh_never_us(demo) -> None:
    def default_lang(data: bytes) -> str:
        styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
        found = re.search(r'<w:rPrDefault>.*?<w:lang w:val="([^"]+)"', styles, re.S)
        assert found
        return found.group(1)

    assert default_lang(make(demo, MinutesExporter, "en")) == "en-GB"
    assert default_lang(make(demo, MinutesExporter, "cy")) == "cy-GB"
    bilingual = make(demo, MinutesExporter, "bilingual")
    assert default_lang(bilingual) == "en-GB"
    # the Welsh half of a bilingual heading is marked Welsh, the English half is not
    d = docx.Document(io.BytesIO(bilingual))
    heading = next(p for p in d.paragraphs if p.text.startswith("Ymddiheuriadau"))
    langs = [
        (
            r.text,
            r._r.rPr.find(qn("w:lang")).get(qn("w:val"))
            if r._r.rPr is not None and r._r.rPr.find(qn("w:lang")) is not None
            else None,
        )
        for r in heading.runs
    ]
    assert langs[0] == ("Ymddiheuriadau", "cy-GB")
    assert langs[-1] == ("Apologies", None)


def test_lists_are_real_word_lists(demo) -> None:
    d = docx.Document(io.BytesIO(make(demo, MinutesExporter, "en")))
    bullets = [p for p in d.paragraphs if p.style.name == "Secretary Bullet"]
    assert bullets, "the minutes list the apologies, deputies and quorum as bullets"
    for p in bullets:
        assert p._p.pPr.numPr is not None, p.text
        assert not p.text.startswith("•")


def test_a_template_without_numbering_gets_a_list_definition(demo, tmp_path: Path) -> None:
    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = tmp_path / "no-numbering.docx"
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/numbering.xml":
                continue
            if info.filename == "word/_rels/document.xml.rels":
                data = re.sub(rb"<Relationship [^>]*numbering[^>]*/>", b"", data)
            if info.filename == "[Content_Types].xml":
                data = re.sub(rb"<Override [^>]*numbering[^>]*/>", b"", data)
            z.writestr(info, data)
    data = make(demo, MinutesExporter, "en", template=out)
    assert "word/numbering.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert problems(data, "en") == []


def test_rag_status_is_said_in_words_with_enough_contrast(demo) -> None:
    d = docx.Document(io.BytesIO(make(demo, ActionLogExporter, "en")))
    table = d.tables[0]
    header = [c.text for c in table.rows[0].cells]
    col = header.index("RAG")
    words = {row.cells[col].text for row in table.rows[1:]}
    assert words and words <= {"Red", "Amber", "Green"}, words


# The checker is a test too: it must catch what Word's checker catches.


def test_the_checker_catches_typed_bullets_missing_header_rows_and_us_english() -> None:
    d = docx.Document()
    d.core_properties.title = "A document"
    d.add_paragraph("• a typed bullet")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Heading"
    d.add_heading("Skips a level", level=3)
    buf = io.BytesIO()
    d.save(buf)
    found = problems(buf.getvalue(), "en")
    assert any("language is en-US" in f for f in found)
    assert any("typed bullet" in f for f in found)
    assert any("not marked as a repeating header row" in f for f in found)
    assert any("level 3 after level 0" in f for f in found)


def test_the_checker_catches_a_missing_title_and_poor_contrast() -> None:
    d = docx.Document()
    d.core_properties.title = ""
    buf = io.BytesIO()
    d.save(buf)
    assert any("no title" in f for f in problems(buf.getvalue(), "en"))
    assert contrast("FFFFFF", "009639") < 4.5  # white on NHS green fails AA
    assert contrast("000000", "009639") >= 4.5
    assert round(contrast("000000", "FFFFFF"), 1) == 21.0
