"""The Word documents, opened again with python-docx: sections, names, tallies, rules."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from export_helpers import docx_text, seed_meeting, table_with_header

from secretary.cli.main import main
from secretary.demo import create_demo_record
from secretary.export import (
    ActionLine,
    ApprovalInfo,
    ExportError,
    FileExistsExportError,
    TemplateError,
    snapshot_from_meeting,
    snapshot_from_record,
)
from secretary.export.documents import (
    ActionLogExporter,
    AttendanceRegisterExporter,
    FinancialLogExporter,
    MinutesExporter,
    rag,
)
from secretary.export.styles import STYLE_NAMES, default_template_path, open_template
from secretary.store import Record


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    record, meeting_id = create_demo_record(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    snap = snapshot_from_record(record, meeting_id, next_meeting="2026-07-09")
    record.close()
    return snap


@pytest.fixture(scope="module")
def worked(tmp_path_factory):
    """The worked example replayed into a record with the CLI (`replay --db`)."""
    from pathlib import Path as P

    db = tmp_path_factory.mktemp("worked") / "record.sqlite"
    scenario = P(__file__).resolve().parent / "scenarios" / "worked-example.json"
    assert main(["replay", str(scenario), "--db", str(db)]) == 0
    record = Record(db)
    snap = snapshot_from_record(record, 1)
    record.close()
    return snap


# --------------------------------------------------------------------------- minutes


def test_demo_minutes_sections_names_and_tallies(demo):
    text = docx_text(MinutesExporter(demo).run())
    for heading in (
        "Present",
        "Deputies",
        "In attendance",
        "Apologies",
        "Quorum",
        "Declarations of interest",
        "Business of the meeting",
        "Actions agreed",
        "Financial log",
        "Date of the next meeting",
    ):
        assert f"\n{heading}\n" in text, heading
    assert "Upper Valleys Primary Care Cluster" in text
    assert (
        "Minutes of the meeting held on Thursday 14 May 2026 at 13:00, Pontardawe Health "
        "Centre" in text
    )
    assert "DRAFT — version 1 — not yet approved" in text
    assert "Dr Rhian Evans (Chair)" in text
    assert "remote; left 14:10, during item 6" in text
    assert "arrived 13:25" in text
    assert "Alun Hughes attended for the Community Pharmacy member." in text
    assert "Carried: 8 for, 0 against, 1 abstention; needed 7 = 75% of 9 eligible." in text
    assert "Includes 1 proxy vote." in text
    assert "Dr Ffion Jones did not vote, having declared an interest." in text
    assert "Tomos Bowen withdrew for this item, having declared an interest." in text
    assert (
        "The meeting was quorate for decisions when business began (13:03, item 1): "
        "9 seats represented (6 needed)." in text
    )
    assert "Rule applied: Financial." in text
    assert (
        "The minutes of 12 March 2026 were approved as a true record. Agreed by consensus." in text
    )
    assert "Action UVC/26/A1: Confirm the extended contract" in text
    assert "  Lead: Carys Miles  Due: 11 June 2026" in text
    # Each label its own bold run, so the action never runs into "Lead:".
    doc = Document(io.BytesIO(MinutesExporter(demo).run()))
    action = next(p for p in doc.paragraphs if p.text.startswith("Action UVC/26/A1:"))
    bold = [r.text for r in action.runs if r.bold]
    assert bold == ["Action UVC/26/A1:", "Lead:", "Due:"]
    assert "Thursday 9 July 2026" in text
    decl = table_with_header(MinutesExporter(demo).run(), "Item", "Name")
    assert decl[1] == [
        "Item 5: Social prescriber extension 2026/27",
        "Dr Ffion Jones",
        "Her partner is employed by the provider of the social prescribing service.",
        "Did not vote on the item",
    ]
    assert decl[2][1:] == [
        "Tomos Bowen",
        "Neath Port Talbot CVS would host the social prescriber.",
        "Withdrew for the item",
    ]


def test_minutes_items_in_agenda_order_with_reference_and_presenter(demo):
    text = docx_text(MinutesExporter(demo).run())
    positions = [text.index(f"\n{it.number}. {it.title}\n") for it in demo.items]
    assert positions == sorted(positions)
    assert "UVC/26/05 · presented by Tomos Bowen · financial item: £18,500.00" in text
    assert "Apologies were received from: Dr Huw Davies, Meinir Roberts" in text


def test_worked_example_minutes(worked):
    data = MinutesExporter(worked).run()
    text = docx_text(data)
    assert "Not carried: 4 for, 1 against, 0 abstentions; needed 5 = 75% of 6 eligible." in text
    assert "Includes 1 proxy vote." in text
    assert "Not counted: Sian Morgan: group already voted" in text
    assert "Dr Ffion Jones: did not vote: declared interest (must abstain)" in text
    assert "Agreed by consensus." in text
    assert "\n4. Social prescriber extension\n" in text
    present = table_with_header(data, "Name", "Seat")
    assert ["Alun Hughes", "Deputy: Community Pharmacy", ""] in present
    assert ["Dr Owen Price", "GP practice 1", "remote"] in present
    fin = table_with_header(data, "Item", "Description")
    assert fin[1][0] == "4. Social prescriber extension"
    assert fin[1][2] == "£18,500.00" and fin[1][4] == "Not carried"
    assert fin[-1][:3] == ["Total agreed", "", "£0.00"]


def test_blocked_decision_in_minutes():
    from secretary.domain.events import check_event

    info, m = seed_meeting()
    m.apply(check_event({"type": "leave", "person": "cdm", "at": "13:40"}))
    m.apply(check_event({"type": "consensus", "item": "3", "at": "13:41"}))
    text = docx_text(MinutesExporter(snapshot_from_meeting(info, m)).run())
    assert (
        "No decision could be taken: the meeting was not quorate for decisions (needs 1 "
        "more seat; needs a Health Board signatory"
    ) in text


def test_approved_minutes_have_no_draft_marking():
    info, m = seed_meeting()
    snap = snapshot_from_meeting(info, m, approved=ApprovalInfo("2026-07-09", "c0ffee" * 10))
    text = docx_text(MinutesExporter(snap).run())
    assert "DRAFT" not in text
    assert "Approved on 9 July 2026. Record fingerprint c0ffeec0ffeec0ff." in text


def test_hb_committee_vote_prints_numbers_for_and_against():
    from secretary.domain.events import check_event
    from secretary.domain.meeting import Meeting
    from secretary.domain.scenario import MeetingInfo
    from secretary.domain.terms import load_terms

    m = Meeting(load_terms("hb-committee-example"))
    people = [
        ("c", "chair"),
        ("v", "vice-chair"),
        ("i1", "independent-1"),
        ("n", "director-of-nursing"),
    ]
    for pid, seat in people:
        m.apply(
            check_event(
                {
                    "type": "person_added",
                    "person": pid,
                    "name": pid.upper(),
                    "role": "member",
                    "seat": seat,
                }
            )
        )
        m.apply(check_event({"type": "arrive", "person": pid, "at": "10:00"}))
    m.apply(check_event({"type": "item_added", "item": "1", "title": "Quality report"}))
    m.apply(
        check_event(
            {
                "type": "vote",
                "item": "1",
                "casting": "for",
                "votes": {"c": "for", "v": "for", "i1": "against", "n": "against"},
            }
        )
    )
    snap = snapshot_from_meeting(MeetingInfo("QSE Committee", "2026-04-01", "10:00"), m)
    text = docx_text(MinutesExporter(snap).run())
    assert "Carried: 2 for, 2 against, 0 abstentions" in text
    assert "the chair, C, gave a casting vote for" in text


# --------------------------------------------------------------------------- other documents


def test_action_log_landscape_rag_and_carried_forward(demo):
    older = [
        ActionLine(
            "UVC/25/31",
            "12 March 2026",
            "UVC/25/04",
            "Dementia-friendly audit",
            "Eleri Thomas",
            "2026-04-30",
            "open",
            ("Two practices left",),
        ),
        ActionLine(
            "UVC/25/29",
            "12 March 2026",
            "",
            "Update the website",
            "Bethan Pugh",
            "2026-03-30",
            "complete",
        ),
    ]
    data = ActionLogExporter(demo, today=dt.date(2026, 5, 25), carried_forward=older).run()
    doc = Document(io.BytesIO(data))
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    rows = table_with_header(data, "Ref", "Meeting")
    assert rows[0] == [
        "Ref",
        "Meeting",
        "Item",
        "Action",
        "Lead",
        "Due",
        "Status",
        "RAG",
        "Progress notes",
    ]
    by_ref = {r[0]: r for r in rows[1:]}
    assert by_ref["UVC/25/31"][7] == "Red" and by_ref["UVC/25/31"][8] == "Two practices left"
    assert by_ref["UVC/25/29"][7] == "Green"  # complete, though past due
    assert by_ref["UVC/26/A2"][7] == "Amber"  # due 28 May, within 7 days of 25 May
    assert by_ref["UVC/26/A1"][7] == "Green"  # due 11 June
    assert by_ref["UVC/26/A1"][5] == "11/06/2026"
    assert list(by_ref)[:2] == ["UVC/25/31", "UVC/25/29"]  # carried forward first
    assert "2 actions carried forward from earlier meetings." in docx_text(data)
    # The RAG cell is coloured, not only labelled.
    xml = doc.tables[0]._tbl.xml
    assert 'w:fill="DA291C"' in xml and 'w:fill="FFB81C"' in xml and 'w:fill="009639"' in xml


@pytest.mark.parametrize(
    ("due", "status", "colour"),
    [
        ("2026-05-24", "open", "red"),
        ("2026-05-25", "open", "amber"),
        ("2026-06-01", "open", "amber"),
        ("2026-06-02", "open", "green"),
        ("2026-05-01", "Complete", "green"),
        ("", "open", "green"),
    ],
)
def test_rag_rule(due, status, colour):
    a = ActionLine("A", "", "", "x", "", due, status)
    assert rag(a, dt.date(2026, 5, 25)) == colour


def test_financial_log(demo):
    data = FinancialLogExporter(demo).run()
    rows = table_with_header(data, "Item", "Description")
    assert rows[0] == ["Item", "Description", "Amount", "Budget line", "Outcome", "HB signatory"]
    assert rows[1] == [
        "5. Social prescriber extension 2026/27",
        "Social prescriber extension, 12 months",
        "£18,500.00",
        "Cluster development fund 2026/27",
        "Carried",
        "Carys Miles",
    ]
    assert rows[-2][:3] == ["Total", "", "£18,500.00"]


def test_attendance_register(demo):
    data = AttendanceRegisterExporter(demo).run()
    rows = table_with_header(data, "Name", "Seat or role")
    assert len(rows) == 1 + 22
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Dr Owen Price"][3:] == ["Present (remote)", "12:58", "14:10"]
    assert by_name["Alun Hughes"][3] == "Present as deputy for Community Pharmacy"
    assert by_name["Dr Huw Davies"][3] == "Apologies"
    assert by_name["Lowri Griffiths"][3] == "Absent"
    assert by_name["Gareth Lloyd"][1:4] == ["In attendance", "Finance", "Present"]
    assert "Present: 14 (remote throughout: 3; deputies: 1). Apologies: 4. Absent: 4." in docx_text(
        data
    )


def test_page_numbers_and_draft_in_header(demo):
    doc = Document(io.BytesIO(MinutesExporter(demo).run()))
    section = doc.sections[0]
    assert "DRAFT — version 1" in section.header.paragraphs[0].text
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


# --------------------------------------------------------------------------- templates


def test_bundled_template_is_generated_and_complete():
    path = default_template_path()
    assert path.is_file(), "run scripts/make_template.py"
    doc = Document(str(path))
    names = {s.name for s in doc.styles}
    assert set(STYLE_NAMES) <= names
    assert doc.styles["Normal"].font.name == "Arial"
    assert doc.styles["Heading 1"].font.name == "Arial"
    section = doc.sections[0]
    assert abs(section.page_width.cm - 21.0) < 0.01 and abs(section.page_height.cm - 29.7) < 0.01
    assert not doc.paragraphs or not any(p.text for p in doc.paragraphs)


def test_bundled_template_matches_its_script(tmp_path):
    """The committed template is what scripts/make_template.py makes (styles part)."""
    from secretary.export.styles import build_house_style

    fresh = tmp_path / "fresh.docx"
    build_house_style().save(str(fresh))

    def styles(p: Path) -> bytes:
        with zipfile.ZipFile(p) as z:
            return z.read("word/styles.xml")

    assert styles(fresh) == styles(default_template_path())


def _letterhead_template(path: Path, drop_styles: tuple[str, ...] = ()) -> Path:
    """A user's template: a letterhead header, sample body text, some styles missing."""
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Swansea Bay UHB letterhead"
    doc.add_paragraph("Delete this sample text")
    for name in drop_styles:
        el = doc.styles[name].element
        el.getparent().remove(el)
    doc.save(str(path))
    return path


def test_user_template_missing_styles_are_added(tmp_path, demo):
    template = _letterhead_template(
        tmp_path / "hb.docx", ("Title", "Heading 1", "Heading 2", "Table Grid")
    )
    before = Document(str(template))
    assert "Heading 1" not in {s.name for s in before.styles}
    data = MinutesExporter(demo, template).run()
    doc = Document(io.BytesIO(data))
    names = {s.name for s in doc.styles}
    assert set(STYLE_NAMES) <= names
    text = docx_text(data)
    assert "Swansea Bay UHB letterhead" in text  # the letterhead stays
    assert "Delete this sample text" not in text  # its body is replaced
    assert "Carried: 8 for, 0 against" in text
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert "Present" in headings


def test_dotx_template_is_accepted(tmp_path, demo):
    docx_path = _letterhead_template(tmp_path / "hb.docx")
    dotx = tmp_path / "hb.dotx"
    with zipfile.ZipFile(docx_path) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(info, content)
    text = docx_text(MinutesExporter(demo, dotx).run())
    assert "Swansea Bay UHB letterhead" in text


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"not a word file at all", "not a Word template"),
        (b"", "not a Word template"),
        ("zip", "not a usable Word template"),
        ("docm", "macro-enabled"),
    ],
)
def test_bad_template_is_a_clear_error(tmp_path, demo, content, why):
    path = tmp_path / "letterhead.docx"
    if content == "zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "hi")
            z.writestr("[Content_Types].xml", "<Types/>")
    elif content == "docm":
        Document().save(str(path))
        data = path.read_bytes()
        buf = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buf, "w") as zout:
            for info in zin.infolist():
                c = zin.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    c = c.replace(
                        b"wordprocessingml.document.main+xml",
                        b"ms-word.document.macroEnabled.main+xml",
                    )
                zout.writestr(info, c)
        path.write_bytes(buf.getvalue())
    else:
        path.write_bytes(content)
    with pytest.raises(TemplateError) as info:
        MinutesExporter(demo, path).run()
    message = str(info.value)
    assert message.startswith(str(path)) and why in message
    assert "\n" not in message


def test_missing_template_and_folder(tmp_path):
    with pytest.raises(TemplateError, match="no such template file"):
        open_template(tmp_path / "missing.docx")
    with pytest.raises(TemplateError, match="is a folder"):
        open_template(tmp_path)


# --------------------------------------------------------------------------- saving


def test_save_refuses_to_replace_unless_forced(tmp_path, demo):
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the secretary's edited copy")
    exporter = MinutesExporter(demo)
    with pytest.raises(FileExistsExportError, match="already exists; not replaced"):
        exporter.save(target)
    assert target.read_bytes() == b"the secretary's edited copy"
    exporter.save(target, force=True)
    Document(str(target))  # a real document now
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.docx"]  # no temporary left


def test_save_into_missing_or_readonly_folder(tmp_path, demo, monkeypatch):
    import os
    import tempfile

    with pytest.raises(ExportError, match="does not exist"):
        MinutesExporter(demo).save(tmp_path / "nope" / "m.docx")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.access(locked, os.W_OK):  # root writes anywhere: make the folder refuse anyway

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        with pytest.raises(ExportError, match="cannot write in .*Permission denied"):
            MinutesExporter(demo).save(locked / "m.docx")
    finally:
        locked.chmod(0o700)
    assert list(locked.iterdir()) == []


def test_replace_failure_loses_nothing(tmp_path, demo, monkeypatch):
    """A target locked by another program (Windows): clear message, old file intact."""
    import os

    target = tmp_path / "m.docx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="may be open in Word"):
        MinutesExporter(demo).save(target, force=True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["m.docx"]


@pytest.mark.parametrize(
    "terms_id", ["sbuhb-upper-valleys-2021", "hb-committee-example", "unanimity-example"]
)
def test_an_empty_meeting_exports(terms_id):
    from secretary.domain.meeting import Meeting
    from secretary.domain.scenario import MeetingInfo
    from secretary.domain.terms import load_terms

    snap = snapshot_from_meeting(MeetingInfo(), Meeting(load_terms(terms_id)))
    assert snap.quorum_start is None and snap.items == [] and snap.register == []
    minutes = docx_text(MinutesExporter(snap).run())
    for expected in (
        "No members were recorded as present.",
        "No interests were declared.",
        "No actions were agreed.",
        "No financial decisions were taken.",
        "To be confirmed.",
    ):
        assert expected in minutes
    assert "Nobody is on the roster" in docx_text(AttendanceRegisterExporter(snap).run())
    assert "No actions are open" in docx_text(ActionLogExporter(snap).run())
    assert "No financial decisions were taken at this meeting." in docx_text(
        FinancialLogExporter(snap).run()
    )


def test_language_parameter_is_kept_for_welsh_later():
    info, m = seed_meeting()
    snap = snapshot_from_meeting(info, m, language="cy")
    assert snap.language == "cy"
    # Without a Welsh catalogue yet, fixed wording falls back to English; the
    # terms' own Welsh names are already used.
    assert "Cadeirydd" in snap.present[0].seat
    assert MinutesExporter(snap).run()


def test_export_documents_checks_every_target_before_writing(tmp_path, demo):
    from secretary.export import default_outputs, export_documents

    outputs = default_outputs(demo, tmp_path)
    assert sorted(outputs) == ["actions", "attendance", "financial", "minutes"]
    outputs["attendance"].write_bytes(b"keep me")
    with pytest.raises(FileExistsExportError):
        export_documents(demo, outputs)
    assert sorted(p.name for p in tmp_path.iterdir()) == [outputs["attendance"].name]
    older = [
        ActionLine("UVC/25/31", "12 March 2026", "", "Audit", "Eleri Thomas", "2026-04-30", "open")
    ]
    written = export_documents(
        demo, outputs, force=True, today=dt.date(2026, 5, 25), carried_forward=older
    )
    assert written == list(outputs.values())
    assert "UVC/25/31" in docx_text(outputs["actions"].read_bytes())
    assert "Present as deputy" in docx_text(outputs["attendance"].read_bytes())


def test_new_export_file_mode_follows_umask(tmp_path):
    import os

    from secretary.export import files

    old = os.umask(0o027)
    files.new_file_mode.cache_clear()
    try:
        path = files.write_document(tmp_path / "m.docx", b"data")
        assert path.stat().st_mode & 0o777 == 0o640
        path.chmod(0o600)
        files.write_document(path, b"new", force=True)
        assert path.stat().st_mode & 0o777 == 0o600  # a replaced file keeps its mode
    finally:
        os.umask(old)
        files.new_file_mode.cache_clear()
