"""The pack: the agenda and every paper in agenda order as one PDF with a bookmark
each; a folder instead (said plainly) where LibreOffice is missing or fails.

Most tests use a stand-in for LibreOffice (a small script that writes a PDF for each
file it is given), so they run everywhere and fast; one test converts real Word
documents with LibreOffice where it is installed."""

from __future__ import annotations

import io
import os
import shutil
import stat
import sys
from pathlib import Path
from typing import Any

import pytest
from agenda_docs_helpers import INFO, planned_meeting
from pypdf import PdfReader
from test_proposal import FORM
from tiny_pdf import tiny_pdf

from secretary.domain.proposal import parse_form
from secretary.export import pack as pack_module
from secretary.export.agenda import agenda_document_of, agenda_docx
from secretary.export.files import FileExistsExportError
from secretary.export.pack import PackPaper, build_pack, folder_names, slug
from secretary.export.proposal import ProposalDocument, proposal_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# A stand-in for soffice: for each input file, a PDF of two pages saying the file's name.
FAKE = """#!{python}
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from tiny_pdf import tiny_pdf
args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
for name in args[args.index("--outdir") + 2:]:
    stem = Path(name).stem
    if {works}:
        (out / (stem + ".pdf")).write_bytes(tiny_pdf("converted " + stem, "second page"))
"""


def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, works: bool = True) -> None:
    script = tmp_path / "fake-soffice"
    script.write_text(
        FAKE.format(python=sys.executable, tests=str(Path(__file__).parent), works=works),
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(pack_module, "soffice_path", lambda: str(script))


def outline(path: Path) -> list[tuple[str, int]]:
    """The top-level bookmarks: (title, first page, 1-based)."""
    reader = PdfReader(path)
    return [
        (item.title, reader.get_destination_page_number(item) + 1)
        for item in reader.outline
        if not isinstance(item, list)
    ]


def papers() -> list[tuple[str, str, str, bytes]]:
    return [
        ("Paper 5a", "Social prescriber proposal", "proposal.docx", b"PK word"),
        ("Paper 5b", "Job description", "job.pdf", tiny_pdf("Job description", "p2", "p3")),
        ("Paper 6a", "Estates plan 2026", "estates.xlsx", b"PK sheet"),
    ]


def agenda() -> bytes:
    return agenda_docx(agenda_document_of(INFO, planned_meeting()), "en")


def test_one_pdf_in_agenda_order_with_a_bookmark_for_each_paper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_soffice(tmp_path, monkeypatch)
    result = build_pack(agenda(), papers(), tmp_path / "pack.pdf", title="Agenda and papers")
    assert not result.folder and result.problem is None
    assert result.order == ("Agenda", "Paper 5a", "Paper 5b", "Paper 6a")
    # agenda 2 (converted), 5a 2 (converted), 5b 3 (as it is), 6a 2 (converted)
    assert [(e.first_page, e.pages) for e in result.entries] == [(1, 2), (3, 2), (5, 3), (8, 2)]
    assert result.pages == 9
    assert result.converted == ("agenda.docx", "proposal.docx", "estates.xlsx")
    reader = PdfReader(result.path)
    assert len(reader.pages) == 9
    assert outline(result.path) == [
        ("Agenda", 1),
        ("Paper 5a: Social prescriber proposal", 3),
        ("Paper 5b: Job description", 5),
        ("Paper 6a: Estates plan 2026", 8),
    ]
    texts = [page.extract_text() for page in reader.pages]
    assert texts[0].startswith("converted agenda")
    assert texts[2].startswith("converted paper-01")
    assert texts[4:7] == ["Job description", "p2", "p3"]  # the PDF paper as it is
    assert texts[7].startswith("converted paper-03")
    assert reader.metadata is not None and reader.metadata.title == "Agenda and papers"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert result.summary().render() == (
        f"The pack is {result.path}: 9 pages, the agenda and every paper in agenda order."
    )
    assert "9 tudalen" in result.summary().render("cy") or "o dudalennau" in (
        result.summary().render("cy")
    )


def test_welsh_bookmarks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_soffice(tmp_path, monkeypatch)
    result = build_pack(agenda(), papers()[1:2], tmp_path / "pecyn.pdf", language="cy")
    assert [t for t, _ in outline(result.path)] == ["Agenda", "Papur 5b: Job description"]
    assert PdfReader(result.path).trailer["/Root"]["/Lang"] == "cy-GB"


def test_without_libreoffice_the_pack_is_a_folder_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    data = agenda()
    result = build_pack(data, papers(), tmp_path / "pack.pdf")
    assert result.folder and result.missing_converter
    assert result.path == tmp_path / "pack"
    assert not (tmp_path / "pack.pdf").exists()
    assert sorted(os.listdir(result.path)) == [
        "01-agenda.docx",
        "02-paper-5a-social-prescriber-proposal.docx",
        "03-paper-5b-job-description.pdf",
        "04-paper-6a-estates-plan-2026.xlsx",
    ]
    assert (result.path / "01-agenda.docx").read_bytes() == data
    assert (result.path / "03-paper-5b-job-description.pdf").read_bytes() == papers()[1][3]
    assert result.order == ("Agenda", "Paper 5a", "Paper 5b", "Paper 6a")
    said = result.summary().render()
    assert said.startswith("LibreOffice is not installed")
    assert f"The pack is the folder {result.path}" in said
    assert result.summary().render("cy") != said


def test_a_failed_conversion_gives_the_folder_and_names_the_paper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_soffice(tmp_path, monkeypatch, works=False)
    result = build_pack(agenda(), papers()[:1], tmp_path / "pack.pdf")
    assert result.folder and not result.missing_converter
    said = result.summary().render()
    assert said.startswith("The agenda could not be turned into PDF"), said


def test_a_damaged_pdf_paper_gives_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_soffice(tmp_path, monkeypatch)
    bad = [("Paper 3a", "Budget", "budget.pdf", b"%PDF-1.4 not really")]
    result = build_pack(agenda(), bad, tmp_path / "pack.pdf")
    assert result.folder
    assert result.summary().render().startswith("Paper 3a (budget.pdf) is not a readable PDF")
    assert (result.path / "02-paper-3a-budget.pdf").read_bytes() == bad[0][3]


def test_a_folder_asked_for_and_nothing_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_soffice(tmp_path, monkeypatch)
    result = build_pack(agenda(), papers(), tmp_path / "papers")
    assert result.folder and result.problem is None and not result.missing_converter
    assert len(os.listdir(result.path)) == 4
    with pytest.raises(FileExistsExportError, match="not empty"):
        build_pack(agenda(), papers(), tmp_path / "papers")
    build_pack(agenda(), papers(), tmp_path / "papers", force=True)
    first = build_pack(agenda(), [], tmp_path / "pack.pdf")
    assert first.order == ("Agenda",) and first.pages == 2
    with pytest.raises(FileExistsExportError, match="already exists"):
        build_pack(agenda(), [], tmp_path / "pack.pdf")


def test_folder_names_and_slugs() -> None:
    items = [PackPaper("Paper 5a", "Cyllid: Ysbyty'r Cymoedd / 2026", "a.DOCX", b""),
             PackPaper("Paper 12.3", "", "b", b"")]  # fmt: skip
    assert folder_names(items) == [
        "01-agenda.docx",
        "02-paper-5a-cyllid-ysbyty-r-cymoedd-2026.docx",
        "03-paper-12-3-paper.bin",
    ]
    assert folder_names(items, "cy")[1:] == [  # and Welsh first when bilingual
        "02-papur-5a-cyllid-ysbyty-r-cymoedd-2026.docx",
        "03-papur-12-3-papur.bin",
    ]
    assert folder_names(items, "bilingual") == folder_names(items, "cy")
    assert slug("Gŵyl Dewi") == "gwyl-dewi"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_agenda_and_a_word_paper(tmp_path: Path) -> None:
    proposal = parse_form(FORM, "social.toml")
    word = proposal_docx(ProposalDocument(proposal, cluster="Upper Valleys"), "en")
    items: list[Any] = [
        ("Paper 5a", "Social prescriber proposal", "proposal.docx", word),
        ("Paper 5b", "Job description", "job.pdf", tiny_pdf("Job description", "Page 2")),
    ]
    result = build_pack(agenda(), items, tmp_path / "pack.pdf")
    assert not result.folder, result.summary().render()
    reader = PdfReader(io.BytesIO(result.path.read_bytes()))
    assert len(reader.pages) == result.pages == sum(e.pages for e in result.entries)
    marks = outline(result.path)
    assert [t for t, _ in marks] == [
        "Agenda",
        "Paper 5a: Social prescriber proposal",
        "Paper 5b: Job description",
    ]
    assert [p for _, p in marks] == [e.first_page for e in result.entries]
    agenda_page = reader.pages[0].extract_text()
    assert "Agenda" in agenda_page and "Social prescriber proposal" in agenda_page
    proposal_page = reader.pages[result.entries[1].first_page - 1].extract_text()
    assert "Investment proposal" in proposal_page and "£66,750.50" in proposal_page
    assert reader.pages[result.entries[2].first_page - 1].extract_text() == "Job description"


def test_the_pack_of_a_stored_meeting_reads_its_papers_from_the_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_agenda_papers import new_meeting

    from secretary.app import agenda as app_agenda
    from secretary.store import LiveMeeting

    fake_soffice(tmp_path, monkeypatch)
    record, mid = new_meeting(tmp_path / "r.sqlite")
    live = LiveMeeting(record, mid)
    first = app_agenda.add_item(live, title="Estates", duration=15).event.get("item")
    second = app_agenda.add_item(live, title="Flu campaign", duration=10).event.get("item")
    job = tmp_path / "job.pdf"
    job.write_bytes(tiny_pdf("Job description", "Person specification"))
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(tiny_pdf("Flu plan"))
    app_agenda.attach_paper(live, second, plan, title="Flu plan")
    app_agenda.attach_paper(live, first, job, title="Job description")
    result = app_agenda.build_pack(record, mid, tmp_path / "pack.pdf", language="cy")
    assert result.order == ("Agenda", "Paper 1a", "Paper 2a")  # agenda order, not attached
    assert outline(result.path) == [
        ("Agenda", 1),
        ("Papur 1a: Job description", 3),
        ("Papur 2a: Flu plan", 5),
    ]
    reader = PdfReader(result.path)
    assert [p.extract_text() for p in reader.pages[2:]] == [
        "Job description", "Person specification", "Flu plan"
    ]  # fmt: skip
    assert reader.metadata is not None and "Upper Valleys Cluster" in str(reader.metadata.title)
    record.close()


def _encrypted(user: str, algorithm: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(tiny_pdf("Restricted paper"))))
    writer.encrypt(user_password=user, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_with_only_an_owner_password_goes_in_one_needing_a_password_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_soffice(tmp_path, monkeypatch)
    restricted = [
        ("Paper 3a", "Budget", "budget.pdf", _encrypted("", "AES-256")),
        ("Paper 3b", "Plan", "plan.pdf", _encrypted("", "RC4-128")),
    ]
    result = build_pack(agenda(), restricted, tmp_path / "pack.pdf")
    assert not result.folder and result.pages == 4
    reader = PdfReader(result.path)
    assert [reader.pages[i].extract_text() for i in (2, 3)] == ["Restricted paper"] * 2
    locked = [("Paper 3a", "Budget", "budget.pdf", _encrypted("secret", "AES-256"))]
    result = build_pack(agenda(), locked, tmp_path / "locked.pdf")
    assert result.folder
    assert (
        result.summary()
        .render()
        .startswith(
            "Paper 3a (budget.pdf) is protected by a password, so it cannot go into one PDF"
        )
    )


def test_a_pack_folder_written_again_holds_no_paper_of_the_earlier_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    build_pack(agenda(), papers(), tmp_path / "pack.pdf")
    (tmp_path / "pack" / "notes.txt").write_text("mine", encoding="utf-8")
    again = build_pack(agenda(), papers()[:1], tmp_path / "pack.pdf", force=True)
    assert sorted(os.listdir(again.path)) == [
        "01-agenda.docx",
        "02-paper-5a-social-prescriber-proposal.docx",
        "notes.txt",
    ]


def test_a_folder_that_cannot_be_filled_says_why_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsExportError) as err:
        build_pack(agenda(), papers(), tmp_path / "pack.pdf")
    assert str(err.value).startswith("LibreOffice is not installed")
    assert "the folder is not empty" in str(err.value)
    assert os.listdir(tmp_path / "pack") == ["notes.txt"]


def test_a_welsh_pack_folder_names_its_papers_in_welsh_and_replaces_an_english_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Remade in Welsh with --force, the folder holds the Welsh names only: the English
    pack's files were this program's and go (a paper withdrawn since must not be sent)."""
    fake_soffice(tmp_path, monkeypatch)
    english = build_pack(agenda(), papers(), tmp_path / "papers")
    assert any(n.startswith("02-paper-") for n in os.listdir(english.path))
    (tmp_path / "papers" / "notes.txt").write_text("the secretary's own")
    welsh = build_pack(agenda(), papers(), tmp_path / "papers", language="cy", force=True)
    names = sorted(os.listdir(welsh.path))
    assert "notes.txt" in names and "01-agenda.docx" in names
    assert not any("-paper-" in n for n in names)
    assert sum(n.startswith(("02-papur-", "03-papur-", "04-papur-")) for n in names) == 3
