"""The meeting snapshot: plain data read from a meeting, before any Word document."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from export_helpers import seed_meeting

from secretary.demo import create_demo_record
from secretary.domain.events import check_event
from secretary.export import ApprovalInfo, snapshot_from_meeting, snapshot_from_record
from secretary.export.names import default_filenames
from secretary.export.text import clean, long_date, money, paragraphs, safe_filename
from secretary.store import Record, RecordError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    record, meeting_id = create_demo_record(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    snap = snapshot_from_record(record, meeting_id, next_meeting="2026-07-09")
    record.close()
    return snap


def by_name(lines, name):
    return next(line for line in lines if line.name == name)


def test_demo_heading_data(demo):
    assert demo.cluster == "Upper Valleys Primary Care Cluster"
    assert demo.title == "Upper Valleys Cluster Meeting"
    assert (demo.date, demo.start, demo.venue) == (
        "2026-05-14",
        "13:00",
        "Pontardawe Health Centre",
    )
    assert demo.long_date == "Thursday 14 May 2026"
    assert demo.draft and demo.version == 1 and demo.next_meeting == "2026-07-09"
    assert len(demo.fingerprint) == 64


def test_demo_present_chair_remote_and_part_of_meeting(demo):
    names = [p.name for p in demo.present]
    assert names[0] == "Dr Rhian Evans" and demo.present[0].chair
    assert sum(p.chair for p in demo.present) == 1
    price = by_name(demo.present, "Dr Owen Price")
    assert price.remote and price.part == "left 14:10, during item 6"
    williams = by_name(demo.present, "Rhodri Williams")
    assert williams.late and williams.part == "arrived 13:25"
    # 13:01 for a 13:00 meeting whose business began at 13:03 is not late.
    assert not by_name(demo.present, "Eleri Thomas").late
    assert "Alun Hughes" not in names and "Gareth Lloyd" not in names


def test_demo_deputies_attendance_and_apologies(demo):
    assert [p.sentence for p in demo.deputies] == [
        "Alun Hughes attended for the Community Pharmacy member"
    ]
    assert [(p.name, p.organisation) for p in demo.in_attendance] == [
        ("Gareth Lloyd", "Finance"),
        ("Bethan Pugh", "Cluster Support Manager"),
        ("Dr Aled Morris", "Public Health Wales"),
    ]
    assert by_name(demo.in_attendance, "Dr Aled Morris").remote
    assert {p.name for p in demo.apologies} == {
        "Dr Huw Davies",
        "Meinir Roberts",
        "Dr Catrin Lewis",
        "Angharad Jenkins",
    }


def test_quorum_at_start_is_the_first_item_focus(demo):
    q = demo.quorum_start
    assert q is not None
    assert q.label == "At the start (13:03, item 1)"
    assert q.text == "Quorate for decisions: 9 seats represented (6 needed)."
    assert [x.label for x in demo.quorum_decisions] == [
        "Item 3 (13:12)",
        "Item 5 (13:48)",
        "Item 6 (14:05)",
    ]


def test_quorum_at_start_before_the_first_decision_without_focus(worked_example):
    from secretary.domain.meeting import Meeting
    from secretary.domain.scenario import load_scenario

    sc = load_scenario(worked_example)
    m = Meeting(sc.terms, list(sc.setup) + list(sc.events))
    snap = snapshot_from_meeting(sc.info, m)
    # No focus event: the state just before the first decision (the consensus).
    assert snap.quorum_start is not None and snap.quorum_start.label == "At the start"
    assert snap.quorum_start.state == "decisions"
    # Item ids that look like numbers are the item numbers.
    assert [it.number for it in snap.items] == ["4", "5"]


def test_quorum_at_start_not_quorate():
    info, m = seed_meeting()
    m2 = type(m)(m.terms)
    for e in m.events:
        if e.type == "arrive" and e.get("person") not in ("lead", "fin"):
            continue
        if e.type not in ("vote", "consensus", "financial_entry"):
            m2.apply(e)
    snap = snapshot_from_meeting(info, m2)
    assert snap.quorum_start is not None
    assert snap.quorum_start.state == "not_quorate"
    assert snap.quorum_start.text.startswith("Not quorate: 1 seat represented of 6 needed")


def test_demo_declarations_and_decisions(demo):
    assert [(d.person, d.action, d.followed) for d in demo.declarations] == [
        ("Dr Ffion Jones", "abstain", "Did not vote on the item"),
        ("Tomos Bowen", "withdraw", "Withdrew for the item"),
    ]
    item5 = next(it for it in demo.items if it.number == "5")
    assert [d.person for d in item5.declarations] == ["Dr Ffion Jones", "Tomos Bowen"]
    (vote,) = item5.decisions
    assert vote.status == "carried" and vote.rule == "Financial"
    assert vote.statement.startswith(
        "Carried: 8 for, 0 against, 1 abstention; needed 7 = 75% of 9 eligible."
    )
    assert "Includes 1 proxy vote." in vote.statement
    assert (vote.for_, vote.against, vote.abstain, vote.eligible, vote.required) == (8, 0, 1, 9, 7)
    item3 = next(it for it in demo.items if it.number == "3")
    assert item3.decisions[0].wording.startswith("The minutes of 12 March 2026 were approved")
    assert [it.number for it in demo.items] == [str(n) for n in range(1, 9)]


def test_demo_actions_and_financial_log(demo):
    assert [(a.ref, a.item, a.lead, a.due) for a in demo.actions] == [
        ("UVC/26/A1", "UVC/26/05", "Carys Miles", "2026-06-11"),
        ("UVC/26/A2", "UVC/26/06", "Dr Aled Morris", "2026-05-28"),
    ]
    (line,) = demo.financial
    assert line.item == "5. Social prescriber extension 2026/27"
    assert (line.amount, line.outcome, line.signatory) == (18500.0, "Carried", "Carys Miles")
    assert demo.financial_total == demo.financial_total_agreed == 18500.0


def test_demo_register_covers_everyone(demo):
    statuses = {r.name: r.status for r in demo.register}
    assert len(statuses) == 22
    assert statuses["Alun Hughes"] == "deputy"
    assert statuses["Dr Owen Price"] == "remote"
    assert statuses["Dr Huw Davies"] == "apologies"
    assert statuses["Dafydd Owen"] == "absent"
    pharmacist = by_name(demo.register, "Meinir Roberts")
    assert pharmacist.status_text == "Apologies; deputy attended (Alun Hughes)"
    price = by_name(demo.register, "Dr Owen Price")
    assert (price.arrived, price.left) == ("12:58", "14:10")


def test_blocked_decision_statement_and_financial_outcome():
    info, m = seed_meeting()
    m.apply(check_event({"type": "leave", "person": "cdm", "at": "13:40"}))
    m.apply(check_event({"type": "vote", "item": "3", "at": "13:41", "votes": {"lead": "for"}}))
    snap = snapshot_from_meeting(info, m)
    item3 = next(it for it in snap.items if it.id == "3")
    blocked = item3.decisions[-1]
    assert blocked.status == "blocked_inquorate"
    assert blocked.statement.startswith(
        "No decision could be taken: the meeting was not quorate for decisions ("
    )
    assert "Health Board signatory" in blocked.statement
    cdm = by_name(snap.present, "Carys Miles")
    assert cdm.part == "left 13:40, during item 2"


def test_returned_and_mode_switch_wording():
    info, m = seed_meeting()
    for e in (
        {"type": "leave", "person": "gp1", "at": "13:40", "after_item": "2"},
        {"type": "arrive", "person": "gp1", "at": "13:50"},
        {"type": "arrive", "person": "nurse", "at": "13:55", "mode": "remote"},
        {"type": "arrive", "person": "gp4", "at": "14:00"},
    ):
        m.apply(check_event(e))
    snap = snapshot_from_meeting(info, m)
    assert by_name(snap.present, "Dr Owen Price").part == "left 13:40, after item 2; returned 13:50"
    assert by_name(snap.present, "Eleri Thomas").part == "joined remotely from 13:55"
    # Apologies, then arrived after all: present, not in apologies.
    assert by_name(snap.present, "Dr Huw Davies").part == "arrived 14:00"
    assert "Dr Huw Davies" not in [p.name for p in snap.apologies]


def test_declaration_ahead_of_meeting_and_for_every_item():
    info, m = seed_meeting()
    m.apply(
        check_event(
            {"type": "declare", "person": "gp4", "interest": "Owns a pharmacy", "action": "none"}
        )
    )
    snap = snapshot_from_meeting(info, m)
    first = snap.declarations[0]
    assert (first.person, first.item_label) == ("Dr Huw Davies", "All items")
    assert first.followed == "Declared ahead of the meeting"


def test_approval_replaces_draft():
    info, m = seed_meeting()
    snap = snapshot_from_meeting(info, m, approved=ApprovalInfo("2026-07-09", "ab" * 32))
    assert not snap.draft
    assert default_filenames(snap)["minutes"] == (
        "2026-05-14 Upper Valleys Cluster Meeting - minutes.docx"
    )


def test_default_filenames_are_safe():
    info, m = seed_meeting()
    info.title = 'Board: "special" / urgent?'
    names = default_filenames(snapshot_from_meeting(info, m))
    assert names["minutes"] == "2026-05-14 Board- -special- - urgent- - minutes (DRAFT).docx"
    assert names["actions"].endswith(" - action log.docx")
    assert names["financial"].endswith(" - financial log.docx")
    assert names["attendance"].endswith(" - attendance register.docx")


def test_fingerprint_changes_with_the_record():
    info, m = seed_meeting()
    before = snapshot_from_meeting(info, m).fingerprint
    assert snapshot_from_meeting(info, m).fingerprint == before
    m.apply(check_event({"type": "note", "item": "3", "text": "More."}))
    assert snapshot_from_meeting(info, m).fingerprint != before


def test_snapshot_is_plain_data(demo):
    # Everything is strings, numbers, booleans, None and lists of them: JSON-ready.
    json.dumps(dataclasses.asdict(demo))


def test_snapshot_from_record_unknown_meeting(tmp_path):
    record = Record(tmp_path / "r.sqlite")
    with pytest.raises(RecordError, match="no meeting with id 3"):
        snapshot_from_record(record, 3)
    record.close()


def test_text_helpers():
    assert clean("a\x00b\x1bc\x7fd\x85e\ud800f\uffff") == "abcdef"
    assert clean("line1\r\nline2\rline3\u2028x") == "line1\nline2\nline3\nx"
    assert clean("tab\there ŵ ŷ â 😀 שלום") == "tab\there ŵ ŷ â 😀 שלום"
    assert paragraphs("one\n\n  \ntwo\x0cthree") == ["one", "two", "three"]
    assert money(18500) == "£18,500.00" and money(1234567.5) == "£1,234,567.50"
    assert money(None) == ""
    assert long_date("2026-05-14") == "Thursday 14 May 2026"
    assert long_date("2026-05-14", weekday=False) == "14 May 2026"
    assert long_date("soon") == "soon"
    assert safe_filename('a/b\\c:d*e?f"g<h>i|j\x00') == "a-b-c-d-e-f-g-h-i-j"
    assert safe_filename("...") == "meeting"


def test_snapshot_module_imports_without_docx_or_qt():
    probe = (
        "import sys, importlib.abc\n"
        "class B(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('docx', 'PySide6'):\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, B())\n"
        "import secretary.export\n"
        "from secretary.export import snapshot_from_meeting, ApprovalInfo\n"
        "import secretary.export.snapshot, secretary.export.names, secretary.export.files\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
