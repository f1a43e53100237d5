"""The live window driven as a secretary would, offscreen: a whole meeting from
the worked example's people and agenda, then a crash and a reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from secretary.domain.scenario import load_scenario
from secretary.store import Record, RecordError
from secretary.ui.live.item import ItemPanel
from secretary.ui.main_window import MainWindow
from secretary.ui.models import AttendanceModel, VoteModel

pytestmark = pytest.mark.gui


class Clock:
    def __init__(self, now: str = "12:55"):
        self.now = now

    def __call__(self) -> str:
        return self.now


@pytest.fixture
def meeting_record(tmp_path: Path, worked_example: Path) -> tuple[Path, int]:
    """A fresh record holding the worked example's people and agenda, no events yet."""
    sc = load_scenario(worked_example)
    path = tmp_path / "record.sqlite"
    record = Record(path)
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    record.close()
    return path, mid


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def window(qtbot, meeting_record, clock):
    path, mid = meeting_record
    record = Record(path)
    # Notes autosave after 20 ms of quiet here (a second in use): no waiting on clocks.
    w = MainWindow(record, mid, clock=clock, autosave_ms=20)
    w.show()
    activate(qtbot, w)  # shortcuts go to the active window
    yield w
    if shiboken6.isValid(w):  # the crash test destroys it itself
        w.close()
        w.deleteLater()
    record.close()


def status(window: MainWindow, pid: str, column: int = AttendanceModel.STATUS) -> str:
    model = window.attendance.model
    return model.index(model.row_of(pid), column).data()


def arrive_by_typing(qtbot, window: MainWindow, text: str, *, remote: bool = False) -> None:
    finder = window.attendance.finder
    finder.setFocus()
    qtbot.keyClicks(finder, text)
    assert window.attendance.filter.rowCount() == 1, text
    mods = Qt.KeyboardModifier.ShiftModifier if remote else Qt.KeyboardModifier.NoModifier
    with qtbot.waitSignal(window.controller.attendance_changed, timeout=1000):
        qtbot.keyClick(finder, Qt.Key.Key_Return, mods)
    assert finder.text() == ""  # ready for the next name


def activate(qtbot, window) -> None:
    """Shortcuts go to the active window (offscreen, a closed dialog keeps it)."""
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=1000)


def focus_item(qtbot, window: MainWindow, item: str) -> None:
    with qtbot.waitSignal(window.controller.focus_changed, timeout=1000):
        window.agenda.select_item(item)
    assert window.controller.focus == item


def test_a_whole_meeting_then_a_crash_and_reopen(qtbot, window, meeting_record, clock):
    c = window.controller
    banner = window.banner
    assert banner.colour == "red"
    assert banner.reasons.text().startswith("Not quorate: 0 seats represented of 6 needed")

    # Arrivals, by typing part of a name and Enter (Shift+Enter: remotely).
    arrive_by_typing(qtbot, window, "rhian")
    assert status(window, "lead") == "present"
    assert status(window, "lead", AttendanceModel.ARRIVED) == "12:55"
    arrive_by_typing(qtbot, window, "owen", remote=True)
    assert status(window, "gp1") == "remote"
    for name in ("sian", "ffion", "alun", "carys"):
        arrive_by_typing(qtbot, window, name)
    assert banner.colour == "red"
    assert "5 seats represented of 6 needed" in banner.reasons.text()
    # A deputy stands for the seat.
    assert (
        status(window, "dep-ph", AttendanceModel.NAME)
        == "Alun Hughes — deputy"  # the seat is the column beside it
    )
    model = window.attendance.model
    tip = model.index(model.row_of("dep-ph"), AttendanceModel.NAME).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert tip.startswith("Alun Hughes — deputy for Community Pharmacy")
    clock.now = "13:00"
    arrive_by_typing(qtbot, window, "eleri")
    assert banner.colour == "green"
    assert banner.headline.text() == "Quorate for decisions"

    # Apologies, and a directed proxy for item 4.
    window.attendance.select_person("gp4")
    window.attendance.apologies_button.click()
    assert status(window, "gp4") == "apologies"
    focus_item(qtbot, window, "4")
    assert banner.headline.text() == "Quorate for decisions — for Social prescriber extension"
    dialog = window.item.register_proxy()
    dialog.fill("gp4", "gp1", "4", "for")
    dialog.accept()
    assert [(p.grantor, p.holder, p.item, p.direction) for p in c.meeting.proxies] == [
        ("gp4", "gp1", "4", "for")
    ]

    # The development manager leaves: no Health Board signatory, not quorate.
    clock.now = "13:15"
    window.attendance.select_person("cdm")
    with qtbot.waitSignal(c.attendance_changed, timeout=1000):
        window.attendance.arrive_button.click()
    assert status(window, "cdm") == "left 13:15"
    assert banner.colour == "red"
    assert "needs a Health Board signatory" in banner.reasons.text()
    assert not window.item.decision.record_consensus()
    assert not window.item.decision.refusal.isHidden()
    assert "Decision refused" in window.item.decision.refusal.text()
    assert c.meeting.decisions == []

    # A late arrival, added on the fly as the Head of Service's deputy, restores quorum.
    clock.now = "13:20"
    dialog = window.attendance.add_person()
    dialog.name.setText("Angharad Jenkins")
    dialog.set_role("deputy")
    dialog.set_seat("pcts-senior-manager")
    with qtbot.waitSignal(c.attendance_changed, timeout=1000):
        dialog.accept()
    pid = "angharad-jenkins"
    assert status(window, pid) == "present"
    assert status(window, pid, AttendanceModel.ARRIVED) == "13:20 (late)"
    assert banner.colour == "green"

    # A withdrawal makes item 4 inquorate; the decision buttons refuse.
    dialog = window.item.declare()
    dialog.fill("gp3", "Partner works for the provider", "withdraw")
    with qtbot.waitSignal(c.meeting_changed, timeout=1000):
        dialog.accept()
    assert banner.colour == "red"
    assert "5 seats represented of 6 needed" in banner.reasons.text()
    assert status(window, "gp3") == "withdrawn for item"
    window.item.tabs.setCurrentIndex(ItemPanel.DECISION)
    qtbot.mouseClick(window.item.decision.consensus_button, Qt.MouseButton.LeftButton)
    assert c.meeting.decisions == []
    assert "Decision refused" in window.message.text()
    # Item 5 is judged without the withdrawal.
    focus_item(qtbot, window, "5")
    assert banner.colour == "green"
    focus_item(qtbot, window, "4")
    assert banner.colour == "red"

    # The development manager returns: quorate again for item 4, but with one
    # GP practice only not for decisions (amber), until GP practice 2 arrives.
    clock.now = "13:30"
    window.attendance.select_person("cdm")
    with qtbot.waitSignal(c.attendance_changed, timeout=1000):
        window.attendance.arrive_button.click()
    assert banner.colour == "amber"
    assert banner.reasons.text() == "Quorate, but not for decisions: needs 1 more GP practice."
    # The Decision tab says why in a line; what is missing is the banner's to say.
    assert window.item.decision.refusal.text() == (
        "Decision refused: Quorate, but not for decisions. The banner says what is missing."
    )
    dialog = window.attendance.add_person()
    dialog.name.setText("Dr Gwenllian Rees")
    dialog.set_role("member")
    dialog.set_seat("gp-2")
    dialog.accept()
    assert banner.colour == "green"
    assert window.item.decision.refusal.isHidden()

    # A vote with a proxy and an abstention, typed in the vote table.
    panel = window.item.decision
    model = panel.model
    rows = {model.row_key(r): r for r in range(model.rowCount())}
    gp3_row = rows["gp-3"]
    assert model.voter(gp3_row) is None
    assert "declared interest (withdrew)" in model.index(gp3_row, VoteModel.WHO).data()
    assert not model.flags(model.index(gp3_row, VoteModel.VOTE)) & Qt.ItemFlag.ItemIsEnabled
    gp4_row = rows["gp-4"]
    assert (
        model.index(gp4_row, VoteModel.WHO).data()
        == "Dr Owen Price by proxy for Dr Huw Davies (directed: for)"
    )
    window.start_vote()
    table = panel.table
    for group, key in (
        ("cluster-lead", Qt.Key.Key_F),
        ("gp-1", Qt.Key.Key_F),
        ("gp-2", Qt.Key.Key_A),
        ("gp-4", Qt.Key.Key_F),
        ("pharmacy", Qt.Key.Key_B),
        ("pcts-senior-manager", Qt.Key.Key_F),
        ("cluster-development-manager", Qt.Key.Key_F),
        ("nursing", Qt.Key.Key_F),
    ):
        table.setCurrentIndex(model.index(rows[group], VoteModel.VOTE))
        with qtbot.waitSignal(c.vote_draft_changed, timeout=1000):
            qtbot.keyClick(table, key)
    assert model.index(rows["pharmacy"], VoteModel.VOTE).data() == "abstain"
    assert panel.tally.text().startswith("For 6 · Against 1 · Abstain 1 — needs 6 for")
    assert "financial: for >= ceil(75% of eligible)" in panel.rule.text()
    chair = window.toggle_chair_screen()
    assert chair.isVisible() and chair.colour == "green"
    assert [chair.counts[k].text() for k in ("for", "against", "abstain", "needed")] == [
        "6",
        "1",
        "1",
        "6",
    ]
    assert chair.item.text() == "Social prescriber extension"
    with qtbot.waitSignal(c.meeting_changed, timeout=1000):
        assert panel.record_vote()
    (decision,) = c.meeting.decisions
    assert (decision.status, decision.for_, decision.against, decision.abstain) == (
        "carried",
        6,
        1,
        1,
    )
    assert decision.proxies_counted == 1
    agenda = window.agenda.model
    assert agenda.index(agenda.row_of("4"), agenda.DECISION).data() == "carried 6–1–1"
    assert "Includes 1 proxy vote." in panel.outcome.text()
    assert not chair.vote.isVisibleTo(chair)
    assert chair.outcome.text().startswith("Carried: 6 for, 1 against, 1 abstention")

    # Financial log entry and an action.
    dialog = window.item.add_financial_entry()
    dialog.budget_line.setText("Cluster development fund 2026/27")
    # Only the authorised signatories present are offered, chosen not typed.
    signatories = [dialog.signatory.itemText(i) for i in range(dialog.signatory.count())]
    assert signatories == ["Angharad Jenkins", "Carys Miles"]
    assert not dialog.signatory.isEditable()
    dialog.signatory.setCurrentIndex(1)
    dialog.accept()
    assert c.meeting.financial, window.message.text()
    (entry,) = c.meeting.financial
    assert (entry.item, entry.amount, entry.signatory) == ("4", 18500.0, "Carys Miles")
    dialog = window.item.add_action()
    dialog.fill("Confirm the extended contract", "Carys Miles", "2026-06-11")
    dialog.accept()
    assert c.meeting.actions["A1"].owner == "Carys Miles"
    assert window.item.actions_model.rowCount() == 1

    # Notes, autosaved after a moment of quiet.
    window.edit_notes()
    notes = window.item.notes
    with qtbot.waitSignal(c.notes_saved, timeout=3000):
        qtbot.keyClicks(notes, "Carried with one abstention.")
    assert c.meeting.notes["4"] == "Carried with one abstention."

    # Undo (recorded as a retraction) and redo.
    before = len(c.meeting.events)
    activate(qtbot, window)
    window.agenda.table.setFocus()
    qtbot.keyClick(window.agenda.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "A1" not in c.meeting.actions
    assert c.meeting.events[-1].type == "retract"
    qtbot.keyClick(window.agenda.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert "A1" in c.meeting.actions
    assert len(c.meeting.events) == before + 2

    # Move on to item 5 and type a note; the window is then destroyed without
    # closing (no closeEvent, nothing flushed), as in a crash.
    focus_item(qtbot, window, "5")
    with qtbot.waitSignal(c.notes_saved, timeout=3000):
        qtbot.keyClicks(window.item.notes, "Flu campaign discussed.")
    shown = {
        "banner": (banner.colour, banner.headline.text(), banner.reasons.text()),
        "attendance": [
            [window.attendance.model.index(r, col).data() for col in range(5)]
            for r in range(window.attendance.model.rowCount())
        ],
        "agenda": [
            [agenda.index(r, col).data() for col in range(4)] for r in range(agenda.rowCount())
        ],
        "events": len(c.meeting.events),
    }
    path, mid = meeting_record
    window.hide()
    shiboken6.delete(chair)
    shiboken6.delete(window)
    QApplication.processEvents()

    record = Record(path)
    try:
        again = MainWindow(record, mid, clock=clock)
        qtbot.addWidget(again)
        again.show()
        m = again.controller.meeting
        assert m.focus == "5"
        assert again.agenda.table.currentIndex().row() == again.agenda.model.row_of("5")
        assert again.item.notes.toPlainText() == "Flu campaign discussed."
        assert again.item.header.text() == "Flu campaign communications"
        assert (
            again.banner.colour,
            again.banner.headline.text(),
            again.banner.reasons.text(),
        ) == shown["banner"]
        model = again.attendance.model
        assert [
            [model.index(r, col).data() for col in range(5)] for r in range(model.rowCount())
        ] == shown["attendance"]
        a2 = again.agenda.model
        assert [
            [a2.index(r, col).data() for col in range(4)] for r in range(a2.rowCount())
        ] == shown["agenda"]
        assert len(m.events) == shown["events"]
        assert m.notes["4"] == "Carried with one abstention."
        assert "A1" in m.actions
        again.close()
    finally:
        record.close()


def test_every_model_passes_the_model_tester(qtbot, qtmodeltester, window, clock):
    c = window.controller
    for pid in ("lead", "gp1", "gp3", "dep-ph", "cdm", "nurse", "fin"):
        c.toggle_presence(pid)
    c.give_apologies("gp4")
    c.set_focus("4")
    c.register_proxy("gp4", "gp1", "4", "for")
    c.declare("gp3", "4", "Partner works for the provider", "abstain")
    c.set_vote("4", "lead", "for")
    c.add_action("4", "Write to the provider", "Carys Miles")
    panel = window.item
    models = [
        window.attendance.model,
        window.attendance.filter,
        window.agenda.model,
        panel.decision.model,
        panel.declarations,
        panel.proxies,
        panel.actions_model,
    ]
    for model in models:
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model)
    # Still consistent after changes that reset the models (an item and a person added).
    from secretary.app import agenda as app_agenda

    c.run(lambda: app_agenda.add_item(c.live, title="Any other business", reference="UVC/26/09"))
    c.add_person("Dr Aled Morris", "attendee", kind="guest")
    window.attendance.finder.setText("aled")
    for model in models:
        qtmodeltester.check(model)
    assert window.attendance.filter.rowCount() == 1


def test_typing_in_the_list_finds_and_enter_toggles(qtbot, window, clock):
    table = window.attendance.table
    table.setFocus()
    qtbot.keyClicks(table, "hug")
    assert window.attendance.finder.text() == "hug"
    assert window.attendance.finder.hasFocus()
    assert window.attendance.filter.rowCount() == 1
    qtbot.keyClick(window.attendance.finder, Qt.Key.Key_Return)
    assert window.controller.meeting.is_present("dep-ph")
    # Accents are ignored: "sian" finds "Sian"/"Siân"; Enter again records the departure.
    qtbot.keyClicks(window.attendance.finder, "hughes")
    clock.now = "13:40"
    qtbot.keyClick(window.attendance.finder, Qt.Key.Key_Return)
    assert status(window, "dep-ph") == "left 13:40"
    assert status(window, "dep-ph", AttendanceModel.LEFT) == "13:40"


def test_correcting_an_arrival_time_records_a_correction(qtbot, window, clock):
    c = window.controller
    c.toggle_presence("lead")
    first = c.meeting.events[-1]
    window.attendance.select_person("lead")
    dialog = window.attendance.correct_time_selected()
    assert dialog.time() == "12:55"
    dialog.edit.setTime(dialog.edit.time().addSecs(-5 * 60))
    dialog.accept()
    assert status(window, "lead", AttendanceModel.ARRIVED) == "12:50"
    # The arrival keeps its place (and its recorded time); the correction is an event.
    assert first.id not in c.meeting.cancelled and first.get("at") == "12:55"
    (correction,) = c.meeting.events[-1:]
    assert correction.type == "time_corrected" and correction.data == {
        "target": first.id,
        "at": "12:50",
    }
    assert window.message.text() == "✓ Recorded: Dr Rhian Evans's arrival corrected to 12:50"
    # Corrected again, the dialog starts from the time as it stands.
    dialog = window.attendance.correct_time_selected()
    assert dialog.time() == "12:50"
    dialog.reject()


def test_a_correction_that_would_change_a_decision_is_refused(qtbot, window, clock):
    c = window.controller
    for pid in ("lead", "gp1", "gp3", "dep-ph", "cdm", "nurse"):
        c.toggle_presence(pid)
    assert c.consensus("5")
    c.toggle_presence("nurse")  # leaves
    # Moving the nurse's departure is fine; the arrival is not the last event.
    clock.now = "13:10"  # corrections are to a time not in the future
    assert c.correct_time("nurse", "13:05")
    events = len(c.meeting.events)
    c.toggle_presence("nurse")  # back
    clock.now = "13:15"
    c.toggle_presence("nurse")  # leaves again
    assert c.correct_time("nurse", "13:12")
    assert len(c.meeting.events) == events + 3


def test_a_time_correction_keeps_who_was_counted_for_each_decision(qtbot, window, clock):
    """A correction is a time_corrected event: the arrival or departure keeps its place
    in the record, so every decision stays as recorded, and a time that contradicts one
    is refused (it was once a retract and the same event recorded again at the end,
    which let a departure go before the arrival and the decisions, and refused any
    correction of an arrival once its person had voted)."""
    c = window.controller
    clock.now = "13:00"
    for pid in ("lead", "gp1", "gp3", "dep-ph", "cdm", "nurse"):
        c.toggle_presence(pid)
    clock.now = "13:20"
    assert c.consensus("5")
    clock.now = "13:30"
    c.toggle_presence("dep-ph")  # leaves
    (decision,) = c.meeting.decisions
    events = len(c.meeting.events)
    # Before the decision the deputy was counted for: refused, in words.
    assert not c.correct_time("dep-ph", "13:10")
    assert "was counted present for the decision on item" in window.message.text()
    assert "cannot have left at 13:10" in window.message.text()
    assert "time_corrected" not in window.message.text()  # the event's name is not said
    # Before the arrival: refused.
    assert not c.correct_time("dep-ph", "12:50")
    assert "cannot have left at 12:50" in window.message.text()
    assert len(c.meeting.events) == events
    # After the decision: the departure's time moves, the decision stays.
    assert c.correct_time("dep-ph", "13:25")
    assert status(window, "dep-ph", AttendanceModel.LEFT).startswith("13:25")
    # An arrival corrected to earlier, after that person voted: nothing contradicts it.
    assert c.correct_time("nurse", "12:58")
    assert status(window, "nurse", AttendanceModel.ARRIVED).startswith("12:58")
    # ... but not to after the decision they were counted for.
    assert not c.correct_time("nurse", "13:21")
    assert c.meeting.decisions == [decision]
    # The same time again changes nothing and is said so.
    assert not c.correct_time("nurse", "12:58")
    assert "already the time recorded" in window.message.text()
    # Undo takes a correction back (the last one: the nurse's arrival).
    assert c.undo()
    assert status(window, "nurse", AttendanceModel.ARRIVED).startswith("13:00")
    # A departure before the arrival (someone in attendance, counted for nothing).
    clock.now = "13:40"
    c.toggle_presence("fin")
    clock.now = "13:45"
    c.toggle_presence("fin")
    assert not c.correct_time("fin", "13:35")
    assert window.message.text().endswith(
        "Not recorded: a departure at 13:35 would be before the arrival at 13:40"
    )


def test_a_time_in_the_future_is_refused_with_the_skew_allowed(window, clock):
    c = window.controller
    clock.now = "18:51"
    c.toggle_presence("lead")
    events = len(c.meeting.events)
    assert not c.correct_time("lead", "18:59")
    assert len(c.meeting.events) == events
    assert window.message.text() == (
        "✗ Not recorded: 18:59 is in the future (it is 18:51): a time can be corrected to "
        "now or earlier (up to 2 minutes ahead, for a clock that differs)."
    )
    assert c.correct_time("lead", "18:53")  # a clock a little ahead: accepted
    assert c.correct_time("lead", "18:40")
    assert c.meeting.time_of(c.last_attendance_event("lead")) == "18:40"


def test_a_failed_write_shows_not_recorded_and_changes_nothing(qtbot, window, monkeypatch):
    c = window.controller

    def fail(*_a, **_k):
        raise RecordError("record.sqlite: the event was NOT recorded: the disk is full")

    monkeypatch.setattr(c.live.record, "append", fail)
    with qtbot.waitSignal(c.record_failed, timeout=1000):
        window.attendance.select_person("lead")
        window.attendance.arrive_button.click()
    assert not c.meeting.is_present("lead")
    assert status(window, "lead") == "absent"
    assert window.error_box is not None and window.error_box.isVisible()
    assert window.error_box.windowTitle() == "NOT recorded"
    assert "the disk is full" in window.error_box.informativeText()
    assert "Not recorded" in window.message.text()
    window.error_box.close()


def test_notes_are_saved_when_the_focus_moves_before_the_timer(qtbot, window):
    c = window.controller
    c.set_focus("4")
    window.edit_notes()
    qtbot.keyClicks(window.item.notes, "Typed just before moving on")
    assert window.item.notes.dirty
    window.agenda.select_item("5")
    assert c.meeting.focus == "5"
    assert c.meeting.notes["4"] == "Typed just before moving on"
    assert window.item.notes.toPlainText() == ""


def test_notes_are_saved_on_close(qtbot, window):
    c = window.controller
    c.set_focus("5")
    window.item.notes.setPlainText("Last words")
    window.close()
    assert c.meeting.notes["5"] == "Last words"


def test_adding_and_moving_agenda_items(qtbot, window):
    c = window.controller
    c.set_focus("4")
    dialog = window.agenda.add_item()  # the agenda builder's item form: every field
    dialog.title.setText("Urgent: premises")
    dialog.reference.setText("UVC/26/09")
    dialog.amount.setValue(1200)  # an amount makes it a financial item
    dialog.check_and_accept()
    new = next(i.id for i in c.meeting.items.values() if i.title == "Urgent: premises")
    assert c.meeting.agenda == ["4", new, "5"]
    assert c.meeting.items[new].financial
    model = window.agenda.model
    assert model.index(1, model.MONEY).data() == "£1,200"
    window.agenda.table.selectRow(1)
    window.agenda.table.setFocus()
    qtbot.keyClick(window.agenda.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert c.meeting.agenda == ["4", "5", new]
    c.set_focus(new)
    ref = c.add_action(new, "Get quotes")
    assert ref == "UVC/26/A1"


def test_shortcuts_and_help(qtbot, window):
    from secretary.ui.help import SHORTCUTS

    dialog = window.show_help()
    dialog.close()
    activate(qtbot, window)
    assert dialog.table.rowCount() == len(SHORTCUTS)
    for s in SHORTCUTS:
        action = window.shortcut_actions[s.id]
        assert [k.toString() for k in action.shortcuts()] == list(s.keys)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.chair_screen is not None and window.chair_screen.isVisible()
    assert window.shortcut_actions["chair_screen"].isChecked()
    assert QApplication.activeWindow() is window  # the chair's screen takes no keyboard
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.chair_screen.isVisible()
    assert not window.shortcut_actions["chair_screen"].isChecked()


def test_undo_with_nothing_to_undo_is_refused(qtbot, meeting_record):
    path, mid = meeting_record
    record = Record(path)
    try:
        w = MainWindow(record, mid)
        qtbot.addWidget(w)
        # The set-up (people and agenda) can be undone only while nothing depends on it.
        c = w.controller
        c.toggle_presence("fin")
        assert c.undo()
        assert not c.meeting.is_present("fin")
        assert c.redo()
        assert c.meeting.is_present("fin")
        assert not c.redo()
        assert "Nothing to redo" in w.message.text()
    finally:
        record.close()


def test_keyboard_only_attendance_and_agenda(qtbot, window, clock):
    c = window.controller
    a = window.attendance
    # Several matches: Enter records nobody and says so; Up/Down choose, then Enter.
    qtbot.keyClicks(a.finder, "dr")
    n = a.filter.rowCount()
    assert n > 1
    assert a.matches.text() == f"{n} match — keep typing or choose (Up / Down)"
    before = len(c.meeting.events)
    qtbot.keyClick(a.finder, Qt.Key.Key_Return)
    assert len(c.meeting.events) == before
    assert f"{n} people match “dr”" in window.message.text()
    qtbot.keyClick(a.finder, Qt.Key.Key_Down)
    qtbot.keyClick(a.finder, Qt.Key.Key_Down)
    chosen = a.selected_person()
    assert chosen == a.filter.index(1, 0).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(a.finder, Qt.Key.Key_Return)
    assert c.meeting.is_present(chosen)
    # Enter in the empty search box records nobody (the last person stays selected).
    before = len(c.meeting.events)
    qtbot.keyClick(a.finder, Qt.Key.Key_Return)
    assert len(c.meeting.events) == before
    # Enter in the list itself toggles the selected row.
    a.select_person("nurse")
    a.table.setFocus()
    qtbot.keyClick(a.table, Qt.Key.Key_Return)
    assert c.meeting.is_present("nurse")
    qtbot.keyClick(a.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert c.meeting.attendance["nurse"].mode == "remote"  # moved to joining remotely
    # Apologies by keystroke.
    a.select_person("gp4")
    a.table.setFocus()
    qtbot.keyClick(
        a.table,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert c.meeting.attendance["gp4"].apologies
    # Enter in a dialog belongs to the dialog, not to the attendance list.
    dialog = a.add_person()
    activate(qtbot, dialog)  # as a real window system does for a new dialog
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Guest Speaker")
    before = len(c.meeting.events)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert c.meeting.people["guest-speaker"].role == "attendee"
    assert [e.type for e in c.meeting.events[before:]] == ["person_added", "arrive"]
    activate(qtbot, window)
    # The agenda by keystroke: next item moves the recorded focus.
    c.set_focus("4")
    window.agenda.table.setFocus()
    qtbot.keyClick(window.agenda.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert c.focus == "5"
    qtbot.keyClick(window.agenda.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert c.focus == "5"  # the last item stays
    qtbot.keyClick(window.agenda.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert c.focus == "4"
    assert [e.get("item") for e in c.meeting.events if e.type == "focus"] == ["4", "5", "4"]


def test_consensus_by_keystroke_when_quorate(qtbot, window):
    c = window.controller
    for pid in ("lead", "gp1", "gp3", "dep-ph", "cdm", "nurse"):
        c.toggle_presence(pid)
    c.set_focus("5")
    qtbot.keyClick(window.agenda.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    (d,) = c.meeting.decisions
    assert (d.item, d.status) == ("5", "agreed_by_consensus")
    assert window.item.tabs.currentIndex() == ItemPanel.DECISION
    assert window.item.decision.outcome.text() == "Recorded: Agreed by consensus."


def answer_the_box(qtbot, window, key=None, button: str | None = None) -> list[str]:
    """Once the next modal box opens: press ``key`` in it, or click the button whose
    text is ``button``. Returns the box's text, once it has been answered."""
    seen: list[str] = []

    def answer() -> None:
        from PySide6.QtWidgets import QMessageBox

        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        box = next((b for b in boxes if b.isVisible()), None)
        if box is None:
            QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        if button is not None:
            (chosen,) = [b for b in box.buttons() if b.text().replace("&", "") == button]
            chosen.click()
        else:
            activate(qtbot, box)  # as the window manager makes it (offscreen does not)
            qtbot.keyClick(box.focusWidget() or box, key)

    QTimer.singleShot(0, answer)
    return seen


def test_a_second_decision_on_a_decided_item_is_asked_about(qtbot, window, monkeypatch):
    """Ctrl+K pressed twice put two decisions in the minutes, and a consensus after a
    vote replaced the vote's outcome in the financial log: an item already carried or
    agreed takes another decision only when the secretary says so (Enter: No)."""
    c = window.controller
    for pid in ("lead", "gp1", "gp3", "dep-ph", "cdm", "nurse"):
        c.toggle_presence(pid)
    c.set_focus("5")
    ctrl_k = (window.agenda.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(*ctrl_k)
    assert len(c.meeting.decisions) == 1
    seen = answer_the_box(qtbot, window, Qt.Key.Key_Return)
    qtbot.keyClick(*ctrl_k)
    assert seen == ["Flu campaign communications is already decided (12:55): Agreed by consensus."]
    assert len(c.meeting.decisions) == 1  # Enter keeps the one decision
    assert window.message.text().endswith("is already decided.")
    seen = answer_the_box(qtbot, window, Qt.Key.Key_Escape)
    assert not window.item.decision.record_vote()
    assert len(c.meeting.decisions) == 1
    # Said so: a second decision (a further resolution on the item) is recorded.
    answer_the_box(qtbot, window, button="Record another decision")
    assert window.item.decision.record_consensus()
    assert len(c.meeting.decisions) == 2
    # An item whose vote was not carried takes another vote without asking.
    c.set_focus("4")
    voters = [r.voter for r in c.vote_rows("4") if r.voter]
    for voter in voters:
        c.set_vote("4", voter, "against")
    assert window.item.decision.record_vote()
    assert c.meeting.decided("4") is None  # not carried: the item stays open
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda self: pytest.fail("asked"))
    for voter in voters:
        c.set_vote("4", voter, "for")
    assert window.item.decision.record_vote()
    assert c.meeting.decided("4") is not None


def test_a_closed_meeting_says_so_and_is_reopened_from_the_same_menu_item(qtbot, window, clock):
    c = window.controller
    clock.now = "14:05"
    answer_the_box(qtbot, window, button="Yes")
    window.close_meeting()
    qtbot.waitUntil(lambda: c.meeting.closed, timeout=1000)
    action = window.shortcut_actions["close_meeting"]
    assert action.text() == "Reopen the meeting (it closed at 14:05)"
    assert " — closed at 14:05" in window.windowTitle()
    # An arrival now is refused, in words, and nothing is recorded.
    events = len(c.meeting.events)
    assert c.toggle_presence("lead") is None
    assert window.message.text() == (
        "✗ Not recorded: the meeting closed at 14:05; reopen it to record this"
    )
    assert len(c.meeting.events) == events
    clock.now = "14:09"
    seen = answer_the_box(qtbot, window, button="Yes")
    window.close_meeting()
    qtbot.waitUntil(lambda: not c.meeting.closed, timeout=1000)
    assert seen and seen[0].startswith("The meeting closed at 14:05. Reopen it at 14:09")
    assert action.text() == "Close the meeting (records the time it closed)"
    assert "closed at" not in window.windowTitle()
    assert c.toggle_presence("lead") is not None


def test_notes_that_cannot_be_recorded_stay_in_the_editor(qtbot, window, monkeypatch):
    c = window.controller
    c.set_focus("4")
    real = c.live.record.append

    def fail(*_a, **_k):
        raise RecordError("record.sqlite: the event was NOT recorded: the disk is full")

    monkeypatch.setattr(c.live.record, "append", fail)
    notes = window.item.notes
    notes.setPlainText("Important words")
    assert not notes.save()
    assert notes.dirty and notes.toPlainText() == "Important words"
    assert "4" not in c.meeting.notes
    window.error_box.close()
    monkeypatch.setattr(c.live.record, "append", real)
    assert notes.save()
    assert c.meeting.notes["4"] == "Important words"


def test_open_another_meeting_from_the_start_dialog(qtbot, window, meeting_record, monkeypatch):
    from secretary.ui import start

    path, mid = meeting_record
    record = window.record
    sc_mid = record.create_meeting(
        window.live.info, window.live.terms.id, record.meeting_row(mid).terms_text
    )

    class Choice:
        def __init__(self, record, meeting_id):
            self.record, self.meeting_id = record, meeting_id

    monkeypatch.setattr(start, "choose_meeting", lambda parent, rec: Choice(rec, sc_mid))
    window.item.notes.setPlainText("kept")  # no focus: read-only, nothing to save
    new = window.open_other_meeting()
    try:
        assert new is not None and new.meeting_id == sc_mid
        assert not window.isVisible()
    finally:
        new.close()


def test_a_demos_other_meeting_keeps_the_demo_until_its_own_window_closes(
    qtbot, tmp_path, monkeypatch
):
    """Meeting ▸ Open… in the demo, choosing another meeting of the demo's record (its
    new meeting, say): the demo's record stays while that meeting's window is open --
    the old window used to throw it away as it closed, and every change in the new
    one was then NOT recorded -- and goes when the last window closes."""
    from secretary.demo import DEMO_PREFIX, create_demo_record
    from secretary.store.fastread import first_paint
    from secretary.ui import start

    folder = tmp_path / f"{DEMO_PREFIX}test"
    folder.mkdir()
    record, mid = create_demo_record(folder / "demo.sqlite")
    assert isinstance(record, Record)
    info = record.meeting_info(mid)
    next_mid = record.create_meeting(
        info, record.meeting_row(mid).terms_id, record.meeting_row(mid).terms_text
    )

    class Choice:
        def __init__(self, record, meeting_id):
            self.record, self.meeting_id = record, meeting_id

    monkeypatch.setattr(start, "choose_meeting", lambda parent, rec: Choice(rec, next_mid))
    first = MainWindow(record, mid)
    first.discard_demo = True  # as the window that opened the demo for the user
    first.show()
    try:
        second = first.open_other_meeting()
        assert second is not None and second.meeting_id == next_mid
        assert not first.isVisible()
        assert (folder / "demo.sqlite").exists()
        # The new meeting's window records.
        assert second.controller.add_person("Siân Morgan", "attendee", kind="guest")
        on_disk = first_paint(folder / "demo.sqlite", next_mid)
        assert on_disk is not None and "sian-morgan" in on_disk.meeting.people
        second.close()
        assert not folder.exists()  # nothing of the demo is left
    finally:
        record.close()


def test_a_meeting_with_approved_minutes_says_it_is_read_only(qtbot, meeting_record, monkeypatch):
    from secretary.store import LiveMeeting

    reason = "the minutes were approved on 11 June 2026 and are locked"
    monkeypatch.setattr(LiveMeeting, "locked_reason", lambda self: reason)
    path, mid = meeting_record
    record = Record(path)
    try:
        w = MainWindow(record, mid)
        qtbot.addWidget(w)
        assert w.message.text() == f"Read only: {reason}"
    finally:
        record.close()


def test_someone_added_on_the_fly_gets_the_rosters_kind_of_id(qtbot, window):
    """One rule for a new person's id, the roster's: no title, no accents, unique."""
    c = window.controller
    assert c.add_person("Dr Siân Morgan", "attendee", kind="guest") == "sian-morgan"
    assert c.add_person("Siân Morgan", "attendee", kind="guest") == "sian-morgan-2"
    assert c.meeting.people["sian-morgan"].name == "Dr Siân Morgan"


def test_an_action_due_before_its_meeting_is_refused_in_words(qtbot, window):
    """'Due 28 October' agreed at a November meeting was stored, and shown red in the
    action log on the day it was agreed: a slip of the month, refused."""
    c = window.controller
    held = c.info.date
    assert held
    events = len(c.meeting.events)
    assert c.add_action("4", "Write to the provider", "Carys Miles", due="2000-01-31") is None
    assert len(c.meeting.events) == events
    assert "is before this meeting" in window.message.toolTip()
    assert c.add_action("4", "Write to the provider", "Carys Miles", due=held) is not None


def test_late_in_the_window_is_late_in_the_minutes(qtbot, window, clock):
    """The window marked every arrival after the start time "(late)"; the minutes
    count late only after business began (presence.arrived_late, one rule)."""
    c = window.controller
    assert c.info.start == "13:00"
    clock.now = "13:01"
    c.toggle_presence("lead")
    assert status(window, "lead", AttendanceModel.ARRIVED) == "13:01"  # before business
    clock.now = "13:03"
    assert c.set_focus("4") is not None  # business begins
    assert status(window, "lead", AttendanceModel.ARRIVED) == "13:01"
    clock.now = "13:05"
    c.toggle_presence("gp1")
    assert status(window, "gp1", AttendanceModel.ARRIVED) == "13:05 (late)"
