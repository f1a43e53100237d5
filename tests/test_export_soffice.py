"""A real reader: LibreOffice opens every export and turns it into a PDF with pages.

Skipped (with the reason) where ``soffice`` is not installed; CI installs it
(.ci/run). soffice exits 0 even when it cannot load a file, so the PDF itself
is checked, and its text read back with ``pdftotext`` where poppler is there.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from export_helpers import seed_meeting

from secretary.demo import create_demo_record
from secretary.export import ActionLine, snapshot_from_meeting, snapshot_from_record
from secretary.export.documents import (
    ActionLogExporter,
    AttendanceRegisterExporter,
    FinancialLogExporter,
    MinutesExporter,
)

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: CI installs "
    "libreoffice-writer-nogui to open the exports in a real word processor",
)


def to_pdf(docx: Path, out: Path) -> Path:
    assert SOFFICE is not None
    profile = out / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{profile}",
            "--infilter=MS Word 2007 XML",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(out)},
    )
    pdf = out / (docx.stem + ".pdf")
    assert pdf.is_file(), f"LibreOffice could not open {docx.name}"
    return pdf


def pages(pdf: Path) -> int:
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def pdf_text(pdf: Path) -> str:
    assert PDFTOTEXT is not None
    out = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    )
    return re.sub(r"\s+", " ", out.stdout.decode("utf-8"))


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lo")
    record, meeting_id = create_demo_record(folder / "demo.sqlite")
    snap = snapshot_from_record(record, meeting_id, next_meeting="2026-07-09")
    record.close()
    older = [
        ActionLine(
            "UVC/25/31",
            "12 March 2026",
            "UVC/25/04",
            "Dementia-friendly audit",
            "Eleri Thomas",
            "2026-04-30",
            "open",
        )
    ]
    docs = {
        "minutes": MinutesExporter(snap).run(),
        "actions": ActionLogExporter(snap, today=dt.date(2026, 5, 25), carried_forward=older).run(),
        "financial": FinancialLogExporter(snap).run(),
        "attendance": AttendanceRegisterExporter(snap).run(),
    }
    pdfs = {}
    for kind, data in docs.items():
        path = folder / f"{kind}.docx"
        path.write_bytes(data)
        pdfs[kind] = to_pdf(path, folder)
    return pdfs


@pytest.mark.parametrize("kind", ["minutes", "actions", "financial", "attendance"])
def test_libreoffice_opens_each_export(exported, kind):
    assert pages(exported[kind]) >= 1


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler (pdftotext) is not installed")
def test_minutes_read_by_libreoffice_say_what_happened(exported):
    text = pdf_text(exported["minutes"])
    assert pages(exported["minutes"]) >= 2
    assert "DRAFT" in text
    assert "Carried: 8 for, 0 against, 1 abstention; needed 7 = 75% of 9 eligible." in text
    assert "Alun Hughes attended for the Community Pharmacy member" in text
    assert "Declarations of interest" in text
    assert "Her partner is employed by the provider" in text
    assert "Tomos Bowen withdrew for this item, having declared an interest." in text
    assert "Siân Morgan" in text
    assert re.search(r"Page 1 of \d", text)


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler (pdftotext) is not installed")
def test_action_log_read_by_libreoffice(exported):
    text = pdf_text(exported["actions"])
    for expected in (
        "UVC/26/A1",
        "UVC/26/A2",
        "UVC/25/31",
        "Red",
        "Amber",
        "Green",
        "Confirm the extended contract",
    ):
        assert expected in text


def test_libreoffice_opens_hostile_text(tmp_path):
    note = "".join(chr(c) for c in range(0x20)) + "ŵ ŷ â 😀 שלום مرحبا\tx\n" * 50
    info, m = seed_meeting(name="Dr Ŵyn \x00ap Siôn\x1b 😀", note=note, title="ב\u202eיב\x0c")
    path = tmp_path / "hostile.docx"
    path.write_bytes(MinutesExporter(snapshot_from_meeting(info, m)).run())
    pdf = to_pdf(path, tmp_path)
    assert pages(pdf) >= 1
    if PDFTOTEXT is not None:
        assert "Ŵyn ap Siôn" in pdf_text(pdf)
