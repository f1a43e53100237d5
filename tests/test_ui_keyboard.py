"""The keystrokes of docs/window.md do what it says (issue 14): every shortcut is
unique, Enter never guesses among several matches, Ctrl+Z from the search box
undoes the last recorded change and says what, Ctrl+E writes the notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import test_ui_window as base
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from secretary.ui.help import SHORTCUTS
from secretary.ui.live.item import ItemPanel

pytestmark = pytest.mark.gui
# The live window's fixtures: a fresh record of the worked example, a settable clock.
meeting_record, clock, window = base.meeting_record, base.clock, base.window
ROOT = Path(__file__).resolve().parent.parent
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _bound(window) -> dict[str, list[str]]:
    """Every key sequence of every QAction and QShortcut of the window -> who has it."""
    owners: dict[str, list[str]] = {}
    actions = set(window.findChildren(QAction)) | set(window.actions())
    for action in actions:
        for seq in action.shortcuts():
            if not seq.isEmpty():
                owners.setdefault(seq.toString(), []).append(action.text())
    for shortcut in window.findChildren(QShortcut):
        for seq in shortcut.keys():  # noqa: SIM118 (a QShortcut, not a dict)
            if not seq.isEmpty():
                owners.setdefault(seq.toString(), []).append(shortcut.objectName())
    return owners


def test_no_key_sequence_is_bound_twice(window):
    owners = _bound(window)
    doubles = {k: v for k, v in owners.items() if len(v) > 1}
    assert not doubles, f"ambiguous shortcuts: {doubles}"
    declared = [k for s in SHORTCUTS for k in s.keys]
    assert len(declared) == len(set(declared)), "a key listed twice in help.SHORTCUTS"


def test_docs_window_md_lists_the_shortcuts_the_window_has(window):
    """Each row of the shortcut table in docs/window.md is a key the window binds."""
    text = (ROOT / "docs" / "window.md").read_text(encoding="utf-8")
    table = text.split("## Keyboard shortcuts", 1)[1].split("\n## ", 1)[0]
    owners = _bound(window)
    bound = {QKeySequence(k).toString() for k in owners}
    for row in re.findall(r"^\| ([^|]+) \|", table, flags=re.M):
        keys = row.strip()
        if keys in ("keys", "---") or not keys.startswith(("Ctrl", "Alt", "F", "Shift", "Enter")):
            continue
        for part in re.split(r" / |, ", keys):
            part = part.replace("Enter", "Return").replace("PgDown", "PgDown")
            assert QKeySequence(part).toString() in bound, f"docs/window.md: {part} is not bound"


def test_enter_with_several_matches_records_nothing(qtbot, window):
    a, c = window.attendance, window.controller
    qtbot.keyClicks(a.finder, "dr")
    n = a.filter.rowCount()
    assert n > 1
    assert a.matches.isVisibleTo(window)
    assert a.matches.text() == f"{n} match — keep typing or choose (Up / Down)"
    qtbot.keyClick(a.finder, Qt.Key.Key_Return)
    qtbot.keyClick(a.finder, Qt.Key.Key_Return, SHIFT)
    assert not [e for e in c.meeting.events if e.type in ("arrive", "leave")]
    assert window.message.text().startswith("✗ Not recorded")
    # Typing on narrows it to one: Enter records that one.
    qtbot.keyClicks(a.finder, " rhi")
    assert a.filter.rowCount() == 1 and a.matches.text() == ""
    qtbot.keyClick(a.finder, Qt.Key.Key_Return)
    assert c.meeting.is_present("lead")
    assert window.message.text() == "✓ Recorded: Dr Rhian Evans arrived 12:55"


def test_ctrl_z_in_the_search_box_undoes_the_recorded_arrival(qtbot, window):
    a, c = window.attendance, window.controller
    qtbot.keyClicks(a.finder, "owen")
    qtbot.keyClick(a.finder, Qt.Key.Key_Return)
    assert c.meeting.is_present("gp1")
    qtbot.keyClicks(a.finder, "sia")  # the next name half typed: Ctrl+Z is still the record's
    assert a.finder.hasFocus()
    qtbot.keyClick(a.finder, Qt.Key.Key_Z, CTRL)
    assert not c.meeting.is_present("gp1")
    assert window.message.text() == (
        "✓ Undone: Dr Owen Price arrived 12:55 (recorded as a correction)"
    )
    assert a.finder.text() == "sia"  # the box's own text untouched
    qtbot.keyClick(a.finder, Qt.Key.Key_Z, CTRL | SHIFT)
    assert c.meeting.is_present("gp1")
    assert window.message.text() == "✓ Redone: Dr Owen Price arrived 12:55"


def test_ctrl_z_in_the_notes_undoes_typing_not_the_record(qtbot, window):
    c = window.controller
    c.toggle_presence("lead")
    c.set_focus("5")
    qtbot.keyClick(window.attendance.finder, Qt.Key.Key_E, CTRL)
    notes = window.item.notes
    assert notes.hasFocus()
    qtbot.keyClicks(notes, "Agreed")
    qtbot.keyClick(notes, Qt.Key.Key_Z, CTRL)
    assert c.meeting.is_present("lead")  # the arrival stays recorded
    assert notes.toPlainText() != "Agreed"


def test_ctrl_e_goes_to_the_notes_and_alt_n_too(qtbot, window):
    c = window.controller
    c.set_focus("4")
    finder = window.attendance.finder
    finder.setFocus()
    qtbot.keyClick(finder, Qt.Key.Key_E, CTRL)
    assert window.item.tabs.currentIndex() == ItemPanel.NOTES
    assert window.item.notes.hasFocus()
    qtbot.keyClicks(window.item.notes, "Chair welcomed members.")
    assert finder.text() == ""
    assert window.item.notes.save()
    assert c.meeting.notes["4"] == "Chair welcomed members."
    # Alt+C (Decision) then Alt+N: a tab's mnemonic takes the keyboard into the tab.
    finder.setFocus()
    qtbot.keyClick(finder, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.item.decision.table.hasFocus(), timeout=1000)
    qtbot.keyClick(window.item.decision.table, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.item.notes.hasFocus(), timeout=1000)
    assert QApplication.focusWidget() is window.item.notes


def test_export_has_its_own_key(window):
    assert window.shortcut_actions["export"].shortcuts() == [QKeySequence("Ctrl+Shift+E")]
    assert window.shortcut_actions["notes"].shortcuts() == [QKeySequence("Ctrl+E")]


def test_text_boxes_give_the_window_its_keys(window):
    """On X11 a text box claims Ctrl+E (end of line), Ctrl+K, Ctrl+D, Ctrl+Z for
    editing before any shortcut sees them: the search box and the notes give the
    window's keys back (the notes keep undo / redo for the typing)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    def claimed(widget, keys: str) -> bool:
        combo = QKeySequence(keys)[0]
        event = QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers())
        event.ignore()
        QApplication.sendEvent(widget, event)
        return event.isAccepted()

    window.controller.set_focus("4")  # the notes are editable with an item in focus
    finder, notes = window.attendance.finder, window.item.notes
    for keys in ("Ctrl+E", "Ctrl+K", "Ctrl+D", "Ctrl+Z", "Ctrl+Y", "Ctrl+F", "Ctrl+T"):
        assert not claimed(finder, keys), keys
    for keys in ("Ctrl+E", "Ctrl+K", "Ctrl+D", "Ctrl+Shift+P"):
        assert not claimed(notes, keys), keys
    assert claimed(notes, "Ctrl+Z")  # the editor's own undo of the typing
    assert claimed(finder, "Ctrl+A")  # select all: not a window key, the box's


def test_chair_screen_opens_behind_and_again_after_a_restart(
    qtbot, meeting_record, clock, tmp_path, monkeypatch
):
    from PySide6.QtCore import QSettings

    from secretary.store import Record
    from secretary.ui import settings as ui_settings
    from secretary.ui.main_window import MainWindow

    stored = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(ui_settings, "settings", lambda: stored)
    path, mid = meeting_record
    record = Record(path)
    try:
        first = MainWindow(record, mid, clock=clock)
        qtbot.addWidget(first)
        first.show()
        chair = first.toggle_chair_screen()
        assert chair.isVisible()
        # One screen: behind the secretary's window, and the status bar says so.
        assert "Chair's screen opened behind this window" in first.message.text()
        first.close()
        again = MainWindow(record, mid, clock=clock)  # "after a restart"
        qtbot.addWidget(again)
        again.show()
        qtbot.waitUntil(
            lambda: again.chair_screen is not None and again.chair_screen.isVisible(),
            timeout=2000,
        )
        again.toggle_chair_screen()  # hidden: not reopened next time
        assert stored.value("window/chair_screen") in (False, "false")
        again.close()
    finally:
        record.close()
