"""The agenda document: heading, numbered items with sub-items, presenter, purpose,
planned time, papers and money, standing items in the reader's language."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from agenda_docs_helpers import INFO, planned_meeting, record
from docx import Document
from examples import examples
from export_helpers import docx_text, table_rows
from hypothesis import given, settings
from hypothesis import strategies as st

from secretary.export.accessibility import TYPED_BULLETS, problems
from secretary.export.agenda import (
    AgendaDocument,
    agenda_document_of,
    agenda_docx,
    agenda_filename,
    save_agenda,
)
from secretary.export.files import FileExistsExportError
from secretary.export.text import clean


def test_the_english_agenda() -> None:
    data = agenda_docx(agenda_document_of(INFO, planned_meeting()), "en")
    text = docx_text(data).splitlines()
    assert text[:3] == [
        "Upper Valleys Primary Care Cluster",
        "Agenda",
        "Upper Valleys Cluster Meeting, Thursday 14 May 2026 at 13:00, Pontardawe Health Centre",
    ]
    rows = table_rows(data)
    assert rows[0] == ["Item", "Business", "Presenter", "Purpose", "Time"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6", "6a", "7"]
    assert rows[1] == ["1", "Welcome, introductions and apologies", "", "", "13:00–13:05"]
    assert rows[3][1] == "Minutes of the previous meeting (12 March 2026)"
    assert rows[5] == [
        "5",
        "Social prescriber proposal\nUVC/26/05\n"
        "Cluster IMTP priority: Prevention and Reducing Health Inequalities\n"
        "Financial item: £66,750.50\n"
        "Paper 5a: Social prescriber proposal\nPaper 5b: Job description",
        "Dr Rhian Evans",
        "For decision",
        "13:25–13:45",
    ]
    assert rows[6] == ["6", "Estates plan\nPaper 6a: Estates plan 2026", "Tomos Bowen",
                       "For discussion", "13:45–14:00"]  # fmt: skip
    assert rows[7] == ["6a", "Pontardawe surgery lease", "", "For information", "14:00–14:05"]
    assert rows[8] == ["7", "Any other business", "", "", "14:30–14:40"]  # its own start
    assert Document(io.BytesIO(data)).core_properties.title == (
        "Agenda: Upper Valleys Cluster Meeting, 14 May 2026"
    )


def test_a_sub_item_is_not_bold_an_item_is() -> None:
    data = agenda_docx(agenda_document_of(INFO, planned_meeting()), "en")
    table = Document(io.BytesIO(data)).tables[0]
    assert table.rows[6].cells[1].paragraphs[0].runs[0].bold
    assert not table.rows[7].cells[1].paragraphs[0].runs[0].bold


def test_the_welsh_agenda_names_standing_items_in_welsh() -> None:
    data = agenda_docx(agenda_document_of(INFO, planned_meeting()), "cy")
    text = docx_text(data).splitlines()
    assert text[:2] == ["Clwstwr Gofal Sylfaenol y Cymoedd Uchaf", "Agenda"]
    assert "Dydd Iau 14 Mai 2026 am 13:00" in text[2]
    rows = table_rows(data)
    assert rows[0] == ["Eitem", "Busnes", "Cyflwynydd", "Diben", "Amser"]
    assert rows[1][1] == "Croeso, cyflwyniadau ac ymddiheuriadau"
    assert rows[3][1] == "Cofnodion y cyfarfod blaenorol (12 Mawrth 2026)"
    assert rows[8][1] == "Unrhyw fater arall"
    assert "Papur 5a: Social prescriber proposal" in rows[5][1]
    assert "Eitem ariannol: £66,750.50" in rows[5][1]
    assert "Blaenoriaeth CTCI y Clwstwr: Atal a Lleihau Anghydraddoldebau Iechyd" in rows[5][1]
    assert rows[5][3] == "I'w benderfynu"


def test_bilingual_welsh_first() -> None:
    data = agenda_docx(agenda_document_of(INFO, planned_meeting()), "bilingual")
    rows = table_rows(data)
    assert rows[0][:2] == ["Eitem / Item", "Busnes / Business"]
    assert (
        rows[1][1]
        == "Croeso, cyflwyniadau ac ymddiheuriadau / Welcome, introductions and apologies"
    )
    assert "Papur / Paper 5a: Social prescriber proposal" in rows[5][1]
    assert rows[5][3] == "I'w benderfynu / For decision"


@pytest.mark.parametrize("language", ["en", "cy", "bilingual"])
def test_accessible(language: str) -> None:
    data = agenda_docx(agenda_document_of(INFO, planned_meeting()), language)
    assert problems(data, language) == []


def test_issued_then_changed_and_an_interim_meeting() -> None:
    m = planned_meeting()
    record(m, {"type": "meeting_called", "on": "2026-05-01", "interim": True})
    record(m, {"type": "papers_sent", "on": "2026-05-07"})
    record(m, {"type": "item_added", "item": "late", "title": "Flu campaign", "duration": 10})
    data = agenda_docx(agenda_document_of(INFO, m), "en")
    text = docx_text(data).splitlines()
    assert "An interim meeting (Terms of Reference 5.1)." in text
    assert "The agenda and papers were issued on 7 May 2026." in text
    assert "Changes since the agenda was issued" in text
    assert "Item 8 added after the agenda was issued" in text
    assert problems(data, "en") == []
    welsh = docx_text(agenda_docx(agenda_document_of(INFO, m), "cy"))
    assert "Newidiadau ers cyhoeddi'r agenda" in welsh


def test_a_duration_without_a_time_and_an_empty_agenda() -> None:
    from secretary.domain.meeting import Meeting
    from secretary.domain.terms import load_terms

    m = Meeting(load_terms("sbuhb-upper-valleys-2021"))
    info = INFO.__class__(title="Interim meeting", date="2026-06-02")
    empty = agenda_docx(agenda_document_of(info, m), "en")
    assert "No items are on the agenda yet." in docx_text(empty)
    record(m, {"type": "item_added", "item": "x", "title": "Flu", "duration": 3})
    rows = table_rows(agenda_docx(agenda_document_of(info, m), "cy"))
    assert rows[1][4] == "3 munud"
    rows = table_rows(agenda_docx(agenda_document_of(info, m), "en"))
    assert rows[1][4] == "3 minutes"


def test_saved_once(tmp_path: Path) -> None:
    doc = agenda_document_of(INFO, planned_meeting())
    assert isinstance(doc, AgendaDocument)
    name = agenda_filename(doc)
    assert name == "2026-05-14 Upper Valleys Cluster Meeting - agenda.docx"
    save_agenda(tmp_path / name, doc)
    with pytest.raises(FileExistsExportError):
        save_agenda(tmp_path / name, doc)
    assert agenda_filename(doc, "cy").endswith("- agenda.docx")


def test_open_actions_carried_onto_matters_arising_are_listed() -> None:
    data = agenda_docx(agenda_document_of(INFO, planned_meeting()), "en")
    assert "Open actions from earlier meetings (item 4)" in docx_text(data).splitlines()
    assert table_rows(data, 1) == [
        ["Ref", "Action", "Lead", "Due", "Agreed", "Status"],
        ["A3", "Circulate the estates survey", "Dr Rhian Evans", "30/04/2026", "12/03/2026",
         "open"],
    ]  # fmt: skip
    welsh = agenda_docx(agenda_document_of(INFO, planned_meeting()), "cy")
    assert table_rows(welsh, 1)[1][4:] == ["12/03/2026", "ar agor"]
    assert "Camau gweithredu agored o gyfarfodydd cynharach (eitem 4)" in docx_text(welsh)


@settings(max_examples=examples(50), deadline=None)
@given(
    # A title the secretary typed starting with "•" is their text, which the checker
    # (it looks for lists typed by hand) would flag in any document: not this test's point.
    # Judged as the document has it: "\x08·" is "·" once its control character is gone.
    titles=st.lists(
        st.text(min_size=1, max_size=60).filter(
            lambda t: clean(t).strip() and not clean(t).lstrip().startswith(TYPED_BULLETS)
        ),
        min_size=1,
        max_size=6,
    ),
    language=st.sampled_from(["en", "cy", "bilingual"]),
)
def test_any_typed_titles_export_accessibly_and_in_order(titles: list[str], language: str) -> None:
    from secretary.domain.text import Name
    from secretary.export.agenda import AgendaLine

    doc = AgendaDocument(
        cluster=Name(
            "Upper Valleys Primary Care Cluster", "Clwstwr Gofal Sylfaenol y Cymoedd Uchaf"
        ),
        title="Cluster meeting",
        date="2026-05-14",
        items=tuple(AgendaLine(str(i), Name(t), duration=5) for i, t in enumerate(titles, 1)),
    )
    data = agenda_docx(doc, language)
    assert problems(data, language) == []
    rows = table_rows(data)[1:]
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(titles) + 1)]
    for row, title in zip(rows, titles, strict=True):
        assert row[1] == clean(title)
