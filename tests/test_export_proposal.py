"""The investment proposal as a Word document on the cluster proposal template."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from export_helpers import docx_text, table_rows
from test_proposal import FORM

from secretary.domain.proposal import check_proposal, parse_form
from secretary.domain.terms import load_terms
from secretary.export.accessibility import problems
from secretary.export.files import FileExistsExportError
from secretary.export.proposal import (
    ProposalDocument,
    proposal_docx,
    proposal_filename,
    save_proposal,
)


def document() -> ProposalDocument:
    priorities = load_terms("sbuhb-upper-valleys-2021").imtp_priorities
    return ProposalDocument(
        parse_form(FORM, "social.toml", priorities),
        cluster="Upper Valleys Primary Care Cluster",
        meeting_date="2026-05-14",
        item="5",
        priorities=priorities,
    )


def headings(data: bytes) -> list[tuple[str, str]]:
    doc = Document(io.BytesIO(data))
    return [
        (p.style.name, p.text)
        for p in doc.paragraphs
        if p.style is not None and p.style.name.startswith(("Heading", "Title"))
    ]


def test_the_english_document_follows_the_template() -> None:
    data = proposal_docx(document(), "en")
    assert headings(data) == [
        ("Title", "Investment proposal"),
        ("Heading 1", "Title"),
        ("Heading 1", "Cluster IMTP priority"),
        ("Heading 1", "Description"),
        ("Heading 1", "Outcome measures"),
        ("Heading 1", "Financial costs"),
    ]
    text = docx_text(data)
    for line in (
        "Upper Valleys Primary Care Cluster",
        "For the meeting of 14 May 2026, item 5",
        "Social prescriber for the cluster",
        "Lead: Tomos Bowen",
        "Prevention and Reducing Health Inequalities",
        "A social prescriber for the six practices.",
        "Referrals from every practice.",
        "Referrals a month; GP appointments saved.",
        "Total: £66,750.50 (recurrent £65,500.00; non-recurrent £1,250.50)",
    ):
        assert line in text.splitlines(), line
    assert table_rows(data) == [
        ["Cost line", "Kind", "2025/26", "2026/27", "Total"],
        ["Social prescriber (Band 5, 1.0 WTE)", "recurrent", "£32,000.00", "£33,500.00",
         "£65,500.00"],
        ["Laptop and phone", "non-recurrent", "£1,250.50", "", "£1,250.50"],
        ["Total recurrent", "", "£32,000.00", "£33,500.00", "£65,500.00"],
        ["Total non-recurrent", "", "£1,250.50", "£0.00", "£1,250.50"],
        ["Total", "", "£33,250.50", "£33,500.00", "£66,750.50"],
    ]  # fmt: skip
    core = Document(io.BytesIO(data)).core_properties
    assert core.title == "Investment proposal: Social prescriber for the cluster"


@pytest.mark.parametrize("language", ["en", "cy", "bilingual"])
def test_accessible_in_every_language(language: str) -> None:
    assert problems(proposal_docx(document(), language), language) == []


def test_welsh_names_the_priority_in_welsh() -> None:
    data = proposal_docx(document(), "cy")
    assert [h for _, h in headings(data)] == [
        "Cynnig buddsoddi",
        "Teitl",
        "Blaenoriaeth CTCI y Clwstwr",
        "Disgrifiad",
        "Mesurau canlyniadau",
        "Costau ariannol",
    ]
    text = docx_text(data).splitlines()
    assert "Atal a Lleihau Anghydraddoldebau Iechyd" in text
    assert "Cyfanswm: £66,750.50 (rheolaidd £65,500.00; untro £1,250.50)" in text
    assert table_rows(data)[0] == ["Llinell gost", "Math", "2025/26", "2026/27", "Cyfanswm"]
    assert table_rows(data)[1][1] == "rheolaidd"


def test_bilingual_pairs_the_headings_welsh_first() -> None:
    data = proposal_docx(document(), "bilingual")
    assert ("Heading 1", "Disgrifiad / Description") in headings(data)
    text = docx_text(data)
    assert "Atal a Lleihau Anghydraddoldebau Iechyd" in text
    assert "Prevention and Reducing Health Inequalities" in text


def test_many_years_turn_the_page_and_every_year_has_a_column() -> None:
    costs = [
        {"line": "Pharmacist", "kind": "recurrent", "year": f"{y}/{(y + 1) % 100:02d}",
         "amount": 1000 + y}
        for y in range(2025, 2032)
    ]  # fmt: skip
    p = check_proposal(
        {"title": "Cluster pharmacist", "priority": "x", "description": "d", "outcomes": "o",
         "costs": costs}
    )  # fmt: skip
    data = proposal_docx(ProposalDocument(p), "en")
    assert Document(io.BytesIO(data)).sections[-1].orientation == WD_ORIENT.LANDSCAPE
    rows = table_rows(data)
    assert rows[0][2:-1] == [f"{y}/{(y + 1) % 100:02d}" for y in range(2025, 2032)]
    assert rows[-1][-1] == "£21,196.00"
    assert problems(data, "en") == []


def test_saved_once_and_not_overwritten(tmp_path: Path) -> None:
    doc = document()
    name = proposal_filename(doc.proposal)
    assert name == "Investment proposal - Social prescriber for the cluster.docx"
    path = save_proposal(tmp_path / name, doc)
    assert path.read_bytes()[:2] == b"PK"
    with pytest.raises(FileExistsExportError):
        save_proposal(tmp_path / name, doc)
    assert proposal_filename(doc.proposal, "bilingual").startswith(
        "Cynnig buddsoddi - Investment proposal - Social"
    )


def test_a_revised_bilingual_proposal_replaces_its_document(tmp_path: Path) -> None:
    from test_agenda_papers import new_meeting

    from secretary.app import agenda as app_agenda
    from secretary.store import LiveMeeting

    record, mid = new_meeting(tmp_path / "r.sqlite")
    live = LiveMeeting(record, mid)
    item = app_agenda.add_item(live, title="Social prescriber").event.get("item")
    first = document().proposal
    app_agenda.record_proposal(live, item, first, language="bilingual")
    revised = replace(first, costs=first.costs[:1])
    app_agenda.record_proposal(live, item, revised, language="bilingual")
    papers = app_agenda.current_plan(live).papers
    assert [(p.label, p.title) for p in papers] == [("Paper 1a", first.title)]
    assert papers[0].filename.startswith("Cynnig buddsoddi - Investment proposal - ")
    record.close()


def test_without_a_cluster_name_the_document_names_the_terms_body(tmp_path: Path) -> None:
    from secretary.app import agenda as app_agenda
    from secretary.domain.scenario import MeetingInfo
    from secretary.domain.terms import read_terms_source
    from secretary.store import LiveMeeting, Record

    text, _ = read_terms_source("sbuhb-upper-valleys-2021")
    record = Record(tmp_path / "r.sqlite")
    info = MeetingInfo("Cluster meeting", "2026-06-11", "13:00", "Hall", "")
    mid = record.create_meeting(info, "sbuhb-upper-valleys-2021", text)
    live = LiveMeeting(record, mid)
    item = app_agenda.add_item(live, title="Social prescriber").event.get("item")
    data = app_agenda.proposal_document(live, item, document().proposal, "cy")
    assert docx_text(data).splitlines()[0] == "Clwstwr Gofal Sylfaenol y Cymoedd Uchaf"
    record.close()
