"""The points of issue 15 one at a time, on small meetings: a deputy chairing in the
Cluster Lead's absence, sub-items on an agenda of the window's own ids, the new
events' checks, and what the minutes do when the agenda has no item for an approval
of earlier minutes or a ratification."""

from __future__ import annotations

from typing import Any

import pytest
from export_helpers import docx_text, table_with_header

from secretary.domain.events import EventError, check_event
from secretary.domain.meeting import Meeting
from secretary.domain.scenario import MeetingInfo, ScenarioError, parse_scenario
from secretary.domain.terms import load_terms
from secretary.export import snapshot_from_meeting
from secretary.export.documents import MinutesExporter
from secretary.export.story import item_labels, plain_title

INFO = MeetingInfo("Upper Valleys Cluster Meeting", "2026-05-14", "13:00", "Pontardawe")


def meeting(*events: dict[str, Any]) -> Meeting:
    m = Meeting(load_terms("sbuhb-upper-valleys-2021"))
    people = [
        ("lead", "Dr Rhian Evans", "member", "cluster-lead", "Cwmtawe Medical Practice"),
        ("dep-lead", "Dr Aled Owen", "deputy", "cluster-lead", "Cwmtawe Medical Practice"),
        ("gp1", "Dr Owen Price", "member", "gp-1", ""),
        ("gp2", "Dr Gwenllian Rees", "member", "gp-2", ""),
        ("ph", "Meinir Roberts", "member", "pharmacy", ""),
        ("cdm", "Carys Miles", "member", "cluster-development-manager", ""),
        ("nurse", "Eleri Thomas", "member", "nursing", ""),
    ]
    for pid, name, role, seat, org in people:
        raw = {"type": "person_added", "person": pid, "name": name, "role": role, "seat": seat}
        if org:
            raw["organisation"] = org
        m.apply_raw(raw)
    for e in events:
        m.apply_raw(e)
    return m


def test_a_deputy_chairing_heads_present_in_the_chair():
    m = meeting(
        {"type": "item_added", "item": "a", "title": "Welcome"},
        {"type": "apologies", "person": "lead"},
        *(
            {"type": "arrive", "person": p, "at": "13:00"}
            for p in ("gp1", "gp2", "ph", "cdm", "nurse", "dep-lead")
        ),
        {"type": "focus", "item": "a", "at": "13:02"},
    )
    data = MinutesExporter(snapshot_from_meeting(INFO, m)).run()
    rows = table_with_header(data, "Name", "Seat")
    # Listed first (not sixth of seven), in the Chair; not "(Chair)" beside a deputy.
    assert rows[1] == ["Dr Aled Owen (in the Chair)", "Deputy: Cluster Lead (Chair)", ""]
    text = docx_text(data)
    # Apologies with seat and organisation, without brackets inside brackets.
    assert "Dr Rhian Evans — Cluster Lead (Chair), Cwmtawe Medical Practice" in text
    assert "(Cluster Lead (Chair))" not in text


def test_an_acting_chair_for_the_whole_meeting_is_in_the_chair():
    m = meeting(
        {"type": "item_added", "item": "a", "title": "Welcome"},
        *(
            {"type": "arrive", "person": p, "at": "13:00"}
            for p in ("lead", "gp1", "gp2", "ph", "cdm", "nurse")
        ),
        {"type": "chair_taken", "person": "gp1", "at": "13:00"},
        {"type": "focus", "item": "a", "at": "13:02"},
    )
    snap = snapshot_from_meeting(INFO, m)
    assert snap.chairing is not None and snap.chairing.name == "Dr Owen Price"
    rows = table_with_header(MinutesExporter(snap).run(), "Name", "Seat")
    assert rows[1][0] == "Dr Owen Price (in the Chair)"
    assert rows[2][0] == "Dr Rhian Evans (Chair)"


def test_sub_items_on_window_ids_are_numbered_3a_3b_once():
    m = meeting(
        {"type": "item_added", "item": "i1", "title": "Welcome"},
        {"type": "item_added", "item": "i2", "title": "Minutes", "standing": "minutes"},
        {"type": "item_added", "item": "i3", "title": "a) Matters arising", "parent": "i2"},
        {"type": "item_added", "item": "i4", "title": "(b) Action log", "parent": "i2"},
        {"type": "item_added", "item": "i5", "title": "3 year plan"},
    )
    labels = item_labels(m)
    assert [labels[i] for i in m.agenda] == ["1", "2", "2a", "2b", "3"]
    headings = [it.heading for it in snapshot_from_meeting(INFO, m).items]
    assert headings == [
        "1. Welcome",
        "2. Minutes",
        "2a. Matters arising",
        "2b. Action log",
        "3. 3 year plan",
    ]
    assert plain_title("3b. Action log", "3b") == "Action log"
    assert plain_title("b) Action log", "3b") == "Action log"
    assert plain_title("3 year plan", "3") == "3 year plan"


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (
            {"type": "item_added", "item": "x", "title": "X", "purpose": "for fun"},
            "'purpose' must be one of decision, discussion",
        ),
        (
            {"type": "item_added", "item": "x", "title": "X", "papers": "Paper 1"},
            "'papers' must be a list of paper titles",
        ),
        (
            {"type": "item_added", "item": "x", "title": "X", "papers": ["ok", ""]},
            "'papers' must be a list of paper titles",
        ),
        ({"type": "public_attendance", "count": -1}, "'count' must be a whole number, 0 or more"),
        ({"type": "public_attendance", "count": True}, "'count' must be a whole number"),
        (
            {
                "type": "declare",
                "person": "a",
                "interest": "i",
                "action": "none",
                "standing": "maybe",
            },
            "'standing' must be one of confirmed, changed, new",
        ),
        (
            {"type": "previous_minutes_approved", "date": "12/03/2026"},
            "'date' must be a date YYYY-MM-DD",
        ),
        ({"type": "chair_taken", "item": "4"}, "missing field 'person'"),
    ],
)
def test_new_event_fields_are_checked(event, message):
    with pytest.raises(EventError, match=message.replace("(", r"\(")):
        check_event(event)


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ({"type": "chair_taken", "person": "nobody"}, "chair_taken: unknown person 'nobody'"),
        ({"type": "chair_taken", "person": "gp1", "item": "z"}, "chair_taken: unknown item 'z'"),
        ({"type": "item_added", "item": "s", "title": "S", "parent": "z"}, "unknown item 'z'"),
        (
            {"type": "previous_minutes_approved", "date": "2026-03-12", "item": "z"},
            "unknown item 'z'",
        ),
    ],
)
def test_new_events_name_known_people_and_items(event, message):
    m = meeting({"type": "item_added", "item": "a", "title": "A"})
    with pytest.raises(EventError, match=message):
        m.apply_raw(event)


def test_sub_items_go_one_level_deep():
    m = meeting(
        {"type": "item_added", "item": "a", "title": "A"},
        {"type": "item_added", "item": "a1", "title": "A1", "parent": "a"},
    )
    with pytest.raises(EventError, match="sub-items go one level deep"):
        m.apply_raw({"type": "item_added", "item": "a1x", "title": "X", "parent": "a1"})


def test_a_scenario_agenda_takes_purpose_parent_and_papers_and_refuses_a_bad_one():
    base: dict[str, Any] = {
        "terms": "sbuhb-upper-valleys-2021",
        "people": [
            {"id": "lead", "name": "Dr Rhian Evans", "role": "member", "seat": "cluster-lead"}
        ],
        "agenda": [
            {"id": "3", "title": "Minutes", "purpose": "decision"},
            {"id": "3a", "title": "Matters arising", "parent": "3", "papers": ["Action log"]},
        ],
        "events": [{"type": "public_attendance", "count": 3}],
    }
    parse_scenario(base, "s.json")
    base["agenda"][1]["purpose"] = "maybe"
    with pytest.raises(ScenarioError, match=r"s.json: agenda\[1\]: field 'purpose' must be"):
        parse_scenario(base, "s.json")


def test_approval_and_ratification_on_no_item_are_minuted_under_their_own_headings():
    m = meeting(
        {"type": "item_added", "item": "a", "title": "Welcome"},
        *(
            {"type": "arrive", "person": p, "at": "13:00"}
            for p in ("lead", "gp1", "gp2", "ph", "cdm", "nurse")
        ),
        {"type": "focus", "item": "a", "at": "13:02"},
        {
            "type": "previous_minutes_approved",
            "date": "2026-03-12",
            "amendments": "Item 4: £18,500, not £15,800.",
        },
        {
            "type": "ratify",
            "decision": "0b6f3c1e-0000-4000-8000-000000000001",
            "outcome": "ratified",
        },
        {"type": "meeting_closed", "at": "14:30"},
    )
    text = docx_text(MinutesExporter(snapshot_from_meeting(INFO, m)).run())
    assert "Thursday 14 May 2026, 13:00 to 14:30" in text
    at = text.index("\nBusiness of the meeting\n")
    assert text.index("\nMinutes of the previous meeting\n") > at
    assert (
        "The minutes of the meeting of 12 March 2026 were approved with the following "
        "amendments: Item 4: £18,500, not £15,800." in text
    )
    assert text.index("\nDecisions taken outside meetings\n") > text.index("\n1. Welcome\n")
    assert "The meeting ratified: a decision taken outside a meeting." in text
    assert text.index("The meeting closed at 14:30.") > text.index("Decisions taken outside")


def test_cli_approves_minutes_held_elsewhere(tmp_path, capsys):
    """`secretary approve --held-elsewhere DATE --at ID`: the first meeting kept in the
    app approves the minutes of one before it; refused twice, or for a later date."""
    from pathlib import Path

    from secretary.cli.main import main

    db = tmp_path / "record.sqlite"
    scenario = Path(__file__).parent / "scenarios" / "whole-story.json"
    assert main(["replay", str(scenario), "--db", str(db)]) == 0
    capsys.readouterr()
    base = ["approve", "--db", str(db), "--at", "1"]
    assert main([*base, "--held-elsewhere", "2026-03-12"]) == 2
    assert "were already approved here" in capsys.readouterr().err
    assert main([*base, "--held-elsewhere", "2026-06-01"]) == 2
    assert "is not before this meeting (2026-05-14)" in capsys.readouterr().err
    assert main([*base, "--held-elsewhere", "2026-01-15", "--amendments", "Item 2: dates."]) == 0
    assert "2026-01-15 were approved with amendments" in capsys.readouterr().out
    out = tmp_path / "minutes.docx"
    assert main(["export", "--db", str(db), "--meeting", "1", "--minutes", str(out)]) == 0
    text = docx_text(out.read_bytes())
    assert (
        "The minutes of the meeting of 15 January 2026 were approved with the following "
        "amendments: Item 2: dates." in text
    )


@pytest.mark.gui
def test_the_window_records_a_standing_declaration_and_one_with_none_stated(
    qtbot, tmp_path, worked_example
):
    """The Declare dialog takes the register of interests and 'None stated'; the
    minutes then list the standing one first and say 'None stated'."""
    from secretary.domain.scenario import load_scenario
    from secretary.export import snapshot_from_record
    from secretary.store import Record
    from secretary.ui.main_window import MainWindow

    sc = load_scenario(worked_example)
    record = Record(tmp_path / "record.sqlite")
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    window = MainWindow(record, mid)
    qtbot.addWidget(window)
    try:
        c = window.controller
        for pid in ("lead", "gp1", "gp3"):
            c.toggle_presence(pid)
        dialog = window.item.declare()
        dialog.fill("gp1", "GP partner, Pontardawe Surgery", "none")
        dialog.scope.setCurrentIndex(dialog.scope.findData(None))
        dialog.register.setCurrentIndex(dialog.register.findData("confirmed"))
        with qtbot.waitSignal(c.meeting_changed, timeout=1000):
            dialog.accept()
        dialog = window.item.declare()
        dialog.fill("gp3", "Member of a professional body", "unstated")
        with qtbot.waitSignal(c.meeting_changed, timeout=1000):
            dialog.accept()
        snap = snapshot_from_record(record, mid)
        first, second = snap.declarations
        assert (first.person, first.standing, first.item_label) == (
            "Dr Owen Price",
            "confirmed",
            "Standing (register of interests)",
        )
        assert (second.person, second.followed) == ("Dr Ffion Jones", "None stated")
    finally:
        window.close()
        record.close()


def test_a_corrected_departure_is_minuted_at_its_corrected_time():
    """The minutes give an arrival's or departure's time as it stands: a departure
    corrected afterwards (time_corrected) is the quorum line's time and the
    attendance's, not the time it was first recorded at."""
    m = meeting(
        {"type": "item_added", "item": "a", "title": "Welcome"},
        *(
            {"type": "arrive", "person": p, "at": "13:00"}
            for p in ("lead", "gp1", "gp2", "ph", "cdm", "nurse")
        ),
        {"type": "focus", "item": "a", "at": "13:02"},
        {"type": "leave", "person": "gp2", "at": "13:30", "id": "gp2-left"},
    )
    m.apply_raw({"type": "time_corrected", "target": "gp2-left", "at": "13:20"})
    text = docx_text(MinutesExporter(snapshot_from_meeting(INFO, m)).run())
    assert "Decision quorum lost (13:20, item 1)" in text
    assert "left 13:20" in text
    assert "13:30" not in text


def test_a_closed_meeting_takes_no_attendance_or_decision_until_reopened():
    """After Close the meeting, an arrival or a vote went on being recorded (and
    minuted above "The meeting closed at ..."); now they are refused until the meeting
    is reopened. What is written up afterwards -- notes, actions -- is still taken, and a
    record that already holds such events still plays."""
    m = meeting(
        {"type": "item_added", "item": "a", "title": "Welcome"},
        *(
            {"type": "arrive", "person": p, "at": "13:00"}
            for p in ("lead", "gp1", "gp2", "ph", "cdm", "nurse")
        ),
        {"type": "focus", "item": "a", "at": "13:02"},
        {"type": "meeting_closed", "at": "14:05"},
    )
    for refused in (
        {"type": "arrive", "person": "dep-lead", "at": "14:06"},
        {"type": "leave", "person": "gp1", "at": "14:06"},
        {"type": "consensus", "item": "a", "at": "14:06"},
        {"type": "declare", "person": "gp1", "item": "a", "interest": "x", "action": "none"},
    ):
        with pytest.raises(EventError, match="the meeting closed at 14:05; reopen it"):
            m.apply_raw(refused)
    m.apply_raw({"type": "note", "item": "a", "text": "Written up after the meeting."})
    m.apply_raw({"type": "action", "action": "A1", "item": "a", "text": "Send the notes"})
    stored = Meeting(m.terms)  # a record written before this rule: still plays
    for e in m.events:
        stored.apply(e, stored=True)
    stored.apply(check_event({"type": "arrive", "person": "dep-lead", "at": "14:06"}), stored=True)
    assert stored.is_present("dep-lead")
    m.apply_raw({"type": "meeting_opened", "at": "14:10"})
    m.apply_raw({"type": "consensus", "item": "a", "at": "14:11"})
    assert not m.closed and len(m.decisions) == 1


def test_the_minutes_tell_quorum_still_lost_for_another_reason_and_in_order():
    """When the Chair left a meeting already inquorate (a GP practice gone), the
    minutes never said the Cluster Lead was missing too; and a regained quorum was
    printed after the decision it made possible."""
    m = meeting(
        {"type": "item_added", "item": "a", "title": "Welcome"},
        {"type": "item_added", "item": "b", "title": "Winter plan"},
        *(
            {"type": "arrive", "person": p, "at": "13:00"}
            for p in ("lead", "gp1", "gp2", "ph", "cdm", "nurse")
        ),
        {"type": "focus", "item": "a", "at": "13:02"},
        {"type": "leave", "person": "gp2", "at": "13:30"},
        {"type": "leave", "person": "lead", "at": "13:35"},
        {"type": "focus", "item": "b", "at": "13:40"},
        {"type": "arrive", "person": "gp2", "at": "13:45"},
        {"type": "arrive", "person": "lead", "at": "13:50"},
        {"type": "consensus", "item": "b", "at": "13:55"},
    )
    text = docx_text(MinutesExporter(snapshot_from_meeting(INFO, m)).run())
    assert "Decision quorum lost (13:30, item 1)" in text
    still = next(x for x in text.splitlines() if x.startswith("Decision quorum still lost"))
    assert still.startswith("Decision quorum still lost (13:35, item 1)")
    assert "Cluster Lead" in still
    # Item 2: the GP's return (still lost: the Chair), the Chair's (regained), then
    # the decision -- in that order.
    section = text[text.index("Winter plan", text.index("Business of the meeting")) :]
    assert (
        section.index("Decision quorum still lost (13:45")
        < section.index("Decision quorum regained (13:50")
        < section.index("Decision (13:55)")
    )
