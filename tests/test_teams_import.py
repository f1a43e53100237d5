"""Importing a Teams attendance report into a meeting (app.teams, `secretary teams`):
real times recorded for remote attendance, corrections that keep decisions as they
were, drop-outs, late joiners, strangers, and files that are not reports."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest
import teams_files as tf

from secretary.app.meeting import record as record_event
from secretary.app.teams import ADD, plan_import, read_and_plan, record_plan
from secretary.cli.main import main
from secretary.demo import demo_scenario_path
from secretary.domain.events import EventError, check_event
from secretary.domain.teams import read_report
from secretary.store import LiveMeeting, Record

DAY = "2026-05-14"


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    os.environ["SECRETARY_LANGUAGE"] = "en"
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "demo.sqlite"
    assert cli("replay", str(demo_scenario_path()), "--db", str(db))[0] == 0
    return db


def report(lines: list[str]) -> bytes:
    return tf.utf16(tf.SUMMARY_EN + lines)


def participants(*rows: str) -> list[str]:
    return [
        "2. Participants",
        "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
        *rows,
        "",
    ]


def activities(*rows: str) -> list[str]:
    return ["3. In-Meeting Activities", "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole", *rows]


def row(name: str, join: str, leave: str, email: str = "") -> str:
    return f"{name}\t14/05/2026, {join}\t14/05/2026, {leave}\t1h\t{email}\t{email}\tAttendee"


def attendance_events(db: Path) -> list[tuple[str, dict]]:
    record = Record(db, create=False, readonly=True)
    try:
        return [
            (e.type, dict(e.data))
            for e in record.events(1)
            if e.type in ("arrive", "leave", "time_corrected", "person_added")
        ]
    finally:
        record.close()


def test_someone_not_recorded_joins_drops_out_and_rejoins(demo_db: Path) -> None:
    """Dr Gwenllian Rees was never recorded: her real arrival, drop-out and return are
    recorded, and the plan says she was not counted for decisions already taken."""
    data = report(
        participants(row("Gwenllian Rees (Cwmtawe MG)", "13:05:10", "14:30:00"))
        + activities(
            row("Gwenllian Rees (Cwmtawe MG)", "13:05:10", "13:50:00"),
            row("Gwenllian Rees (Cwmtawe MG)", "13:55:30", "14:30:00"),
        )
    )
    record = Record(demo_db)
    try:
        live = LiveMeeting(record, 1)
        plan = read_and_plan(live.meeting, data, "teams.csv", DAY)
        (change,) = plan.changes
        assert change.person == "gp2" and change.records
        assert change.events == [
            {"type": "arrive", "person": "gp2", "mode": "remote", "at": "13:05"},
            {"type": "leave", "person": "gp2", "at": "13:50", "after_item": "5"},
            {"type": "arrive", "person": "gp2", "mode": "remote", "at": "13:55"},
            {"type": "leave", "person": "gp2", "at": "14:30", "after_item": "7"},
        ]
        assert change.notes == [
            "not counted for the decisions already recorded (items 3, 5, 6): they stand as recorded"
        ]
        before = [d.status for d in live.meeting.decisions]
        record_plan(plan, lambda e: record_event(live, e, author="teams"))
        assert [d.status for d in live.meeting.decisions] == before  # decisions stand
        spans = live.meeting.attendance["gp2"].spans
        assert [(s.arrived, s.left, s.mode) for s in spans] == [
            ("13:05", "13:50", "remote"),
            ("13:55", "14:30", "remote"),
        ]
    finally:
        record.close()


def test_times_already_recorded_are_corrected_in_place(demo_db: Path) -> None:
    """Dr Owen Price was recorded joining remotely at 12:58; Teams says 13:01. The
    correction keeps the arrival's place, so every decision is as it was."""
    data = report(
        participants(row("Price, Owen", "13:01:40", "14:10:05", "owen.price@wales.nhs.uk"))
    )
    record = Record(demo_db)
    try:
        live = LiveMeeting(record, 1)
        before = [(d.item, d.status, d.for_, d.quorum.state) for d in live.meeting.decisions]
        plan = read_and_plan(live.meeting, data, "teams.csv", DAY)
        (change,) = plan.changes
        assert change.said == ["arrival corrected from 12:58 to 13:01"]
        assert [e["type"] for e in change.events] == ["time_corrected"]
        record_plan(plan, lambda e: record_event(live, e, author="teams"))
        after = [(d.item, d.status, d.for_, d.quorum.state) for d in live.meeting.decisions]
        assert after == before
        assert live.meeting.attendance["gp1"].spans[0].arrived == "13:01"
    finally:
        record.close()
    # the stored meeting replays with the correction (an audit of the record)
    code, out, err = cli("replay", "--db", str(demo_db), "--meeting", "1")
    assert code == 0, err


def test_a_real_time_that_contradicts_a_decision_is_not_recorded(demo_db: Path) -> None:
    """Iwan Parry (remote from 13:01) voted at 13:48. A report saying he joined at 13:50
    contradicts that vote: nothing is recorded for him, and the plan says why."""
    data = report(participants(row("Iwan Parry", "13:50:00", "15:30:00")))
    record = Record(demo_db)
    try:
        live = LiveMeeting(record, 1)
        plan = read_and_plan(live.meeting, data, "teams.csv", DAY)
        (change,) = plan.changes
        assert not change.records
        assert "counted present for the decision on item 3 at 13:12" in change.problem
        n = len(live.meeting.events)
        assert record_plan(plan, lambda e: record_event(live, e)) == []
        assert len(live.meeting.events) == n
    finally:
        record.close()


def test_the_whole_report_through_the_command_line(demo_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "Upper Valleys attendance.csv"
    path.write_bytes(tf.current_report())
    before = attendance_events(demo_db)
    code, out, err = cli("teams", str(path), "--db", str(demo_db), "--meeting", "1")
    assert code == 0, err
    assert "Jo Bloggs (External) -> (nobody)" in out
    assert "Price, Owen (Pontardawe Surgery) -> Dr Owen Price" in out
    assert "dropped out 13:30–13:34 (not recorded)" in out
    assert "Nothing recorded" in out
    assert attendance_events(demo_db) == before  # shown, not recorded

    code, out, err = cli(
        "teams", str(path), "--db", str(demo_db), "--meeting", "1", "--add", "5", "--record"
    )
    assert code == 0, err
    new = attendance_events(demo_db)[len(before) :]
    types = [t for t, _ in new]
    assert types.count("time_corrected") == 3  # Aled Morris, Owen Price, Iwan Parry
    assert (
        "person_added",
        {"person": "jo-bloggs", "name": "Jo Bloggs", "role": "attendee", "at": "13:20"},
    ) in new
    assert ("arrive", {"person": "jo-bloggs", "mode": "remote", "at": "13:20"}) in new
    assert all(d.get("source") == "teams" for t, d in new if t == "time_corrected")


def test_a_sure_match_is_taken_and_a_choice_overrides_it(demo_db: Path) -> None:
    record = Record(demo_db)
    try:
        live = LiveMeeting(record, 1)
        r = read_report(tf.current_report(), "t.csv")
        plan = plan_import(live.meeting, r)
        people = {c.participant.name: c.person for c in plan.changes}
        assert people["Sian Morgan"] == "pm1"
        assert people["Jo Bloggs (External)"] is None
        plan = plan_import(live.meeting, r, {4: ADD, 5: ""})  # in order of joining
        people = {c.participant.name: c.person for c in plan.changes}
        assert people["Jo Bloggs (External)"] == "jo-bloggs"
        assert people["Sian Morgan"] is None
    finally:
        record.close()


@pytest.mark.parametrize(
    "data",
    [b"name,role,seat\nDr Rhian Evans,member,cluster-lead\n", b"", b"\x00\x01garbage"],
    ids=["roster", "empty", "binary"],
)
def test_a_file_that_is_not_a_report_records_nothing(
    demo_db: Path, tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "attendance.csv"
    path.write_bytes(data)
    before = attendance_events(demo_db)
    code, out, err = cli("teams", str(path), "--db", str(demo_db), "--meeting", "1", "--record")
    assert code == 2
    assert err.count("\n") == 1 and "not a Microsoft Teams attendance report" in err
    assert "Traceback" not in err
    assert attendance_events(demo_db) == before


def test_time_corrected_keeps_its_place_and_can_be_undone(demo_db: Path) -> None:
    record = Record(demo_db)
    try:
        live = LiveMeeting(record, 1)
        m = live.meeting
        arrive = next(
            e for _, e in m.effective_events() if e.type == "arrive" and e.get("person") == "meds"
        )
        with pytest.raises(EventError, match="cannot have arrived at 13:50"):
            m.check(check_event({"type": "time_corrected", "target": arrive.id, "at": "13:50"}))
        fix = live.record_event({"type": "time_corrected", "target": arrive.id, "at": "13:00"})
        assert fix is None
        assert m.attendance["meds"].spans[0].arrived == "13:00"
        last = m.events[-1]
        live.record_event({"type": "retract", "target": last.id, "reason": "undo"})
        assert m.attendance["meds"].spans[0].arrived == "13:01"
        leave = next(e for _, e in m.effective_events() if e.type == "leave")
        with pytest.raises(EventError, match="only an arrival or departure"):
            m.check(check_event({"type": "time_corrected", "target": last.id, "at": "13:00"}))
        with pytest.raises(EventError, match="item 6 at 14:05, so cannot have left at 12:00"):
            m.check(check_event({"type": "time_corrected", "target": leave.id, "at": "12:00"}))
    finally:
        record.close()


@pytest.mark.gui
def test_the_window_shows_the_plan_and_records_what_is_confirmed(
    qtbot, qtmodeltester, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QMessageBox

    from secretary.app.teams import ADD
    from secretary.ui import teams_import as ui
    from secretary.ui.main_window import MainWindow

    path = tmp_path / "teams.csv"
    path.write_bytes(tf.current_report())
    shown: list[ui.TeamsImportDialog] = []

    def run_dialog(self: QDialog) -> int:
        assert isinstance(self, ui.TeamsImportDialog)
        shown.append(self)
        model = self.model
        qtmodeltester.check(model)
        rows = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
        jo = rows["Jo Bloggs (External)"]
        assert model.data(model.index(jo, model.PERSON)) == "— not recorded —"
        assert "Record (3)" in self.record_button.text()
        # the secretary adds Jo Bloggs as in attendance
        assert model.setData(model.index(jo, model.PERSON), ADD, Qt.ItemDataRole.EditRole)
        assert model.data(model.index(jo, model.PERSON)) == "Jo Bloggs (added, in attendance)"
        assert "Record (4)" in self.record_button.text()
        owen = rows["Price, Owen (Pontardawe Surgery)"]
        assert "dropped out 13:30–13:34" in model.data(model.index(owen, model.NOTES))
        self.record()
        return int(self.result())

    monkeypatch.setattr(QDialog, "exec", run_dialog)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(str(a)))
    record = Record(demo_db)
    window = MainWindow(record, 1)
    qtbot.addWidget(window)
    try:
        assert window.shortcut_actions["teams_import"].shortcut().toString() == "Ctrl+Shift+J"
        assert ui.import_teams_attendance(window, str(path)) == 4
        m = window.controller.meeting
        assert "jo-bloggs" in m.people
        assert m.attendance["gp1"].spans[0].arrived == "13:01"
    finally:
        window.close()
        record.close()


@pytest.mark.gui
def test_the_window_refuses_a_file_that_is_not_a_report(
    qtbot, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from secretary.ui import teams_import as ui
    from secretary.ui.main_window import MainWindow

    path = tmp_path / "roster.csv"
    path.write_text("name,role\nDr Rhian Evans,member\n")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    record = Record(demo_db)
    window = MainWindow(record, 1)
    qtbot.addWidget(window)
    try:
        n = len(window.controller.meeting.events)
        assert ui.import_teams_attendance(window, str(path)) == 0
        assert said == [
            "roster.csv: not a Microsoft Teams attendance report: it has no list of "
            "participants with join and leave times"
        ]
        assert len(window.controller.meeting.events) == n
    finally:
        window.close()
        record.close()
