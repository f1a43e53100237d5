"""A whole meeting run from the keyboard only (issue 14): every keystroke goes to
whatever has the focus — the window, a dialog, a menu — as a secretary's would;
nothing is called behind the window's back. Then the record is read event by
event, and the minutes exported from it are read back.

The one thing done for the keyboard is what a window manager does: a dialog that
opens is made the active window (offscreen there is no window manager).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from export_helpers import docx_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from secretary.cli.main import main as cli
from secretary.domain.scenario import load_scenario
from secretary.store import Record
from secretary.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
K = Qt.Key

AGENDA = [
    {"id": "1", "title": "Welcome and apologies", "reference": "UVC/26/01"},
    {"id": "2", "title": "Declarations of interest", "reference": "UVC/26/02"},
    {
        "id": "3",
        "title": "Social prescriber extension",
        "reference": "UVC/26/03",
        "financial": True,
        "amount": 18500.0,
    },
    {"id": "4", "title": "Flu campaign communications", "reference": "UVC/26/04"},
    {"id": "5", "title": "Estates bid for Ystalyfera", "reference": "UVC/26/05"},
]


class Clock:
    def __init__(self, now: str) -> None:
        self.now = now

    def __call__(self) -> str:
        return self.now


@pytest.fixture
def record_file(tmp_path: Path, worked_example: Path) -> tuple[Path, int]:
    data = json.loads(worked_example.read_text(encoding="utf-8"))
    data["agenda"] = AGENDA
    data["events"] = []
    scenario = tmp_path / "meeting.json"
    scenario.write_text(json.dumps(data), encoding="utf-8")
    sc = load_scenario(scenario)
    path = tmp_path / "record.sqlite"
    record = Record(path)
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    record.close()
    return path, mid


class Keyboard:
    """Keystrokes into whatever has the focus, as X11 would deliver them."""

    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window

    def target(self) -> QWidget:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            return popup
        focus = QApplication.focusWidget()
        assert focus is not None, "nothing has the keyboard"
        return focus

    def press(self, key: Qt.Key, mods: Qt.KeyboardModifier = NONE) -> None:
        self.qtbot.keyClick(self.target(), key, mods)

    def type(self, text: str) -> None:
        for ch in text:  # one key at a time, each to whatever has the focus then
            self.qtbot.keyClicks(self.target(), ch)

    def dialog(self) -> QDialog:
        """The dialog a keystroke opened, made active as a window manager would."""
        self.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=2000)
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        dialog.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        self.qtbot.waitUntil(
            lambda: (
                QApplication.focusWidget() is not None
                and dialog.isAncestorOf(QApplication.focusWidget())
            ),
            timeout=2000,
        )
        return dialog

    def back(self) -> None:
        """The dialog closed: the window manager gives the main window the keyboard."""
        self.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=2000)
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=2000)

    def arrive(self, name: str, mods: Qt.KeyboardModifier = NONE) -> None:
        self.press(K.Key_F, CTRL)
        self.type(name)
        self.press(K.Key_Return, mods)

    def status(self) -> str:
        return self.window.message.text()


def test_a_whole_meeting_from_the_keyboard(qtbot, record_file, tmp_path):
    path, mid = record_file
    record = Record(path)
    clock = Clock("12:55")
    window = MainWindow(record, mid, clock=clock)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    kb = Keyboard(qtbot, window)
    c = window.controller
    a = window.attendance
    assert a.finder.hasFocus()

    # --- Arrivals by typing part of a name and Enter (Shift+Enter: remotely).
    kb.arrive("rhian")
    assert kb.status() == "✓ Recorded: Dr Rhian Evans arrived 12:55"
    kb.arrive("owen", SHIFT)
    assert kb.status() == "✓ Recorded: Dr Owen Price joined remotely 12:55"
    for name in ("sian", "alun", "carys", "eleri", "gareth"):
        kb.arrive(name)
    # "dr" matches several: Enter records nobody and the list says so.
    kb.arrive("dr")
    assert a.matches.text().endswith("match — keep typing or choose (Up / Down)")
    assert kb.status().startswith("✗ Not recorded:") and "people match “dr”" in kb.status()
    kb.press(K.Key_Escape)  # clears the search
    # A mistaken Enter: Dr Huw Davies sent apologies. Ctrl+Z, focus still in the box.
    kb.arrive("huw")
    assert c.meeting.is_present("gp4")
    assert a.finder.hasFocus()
    kb.press(K.Key_Z, CTRL)
    assert not c.meeting.is_present("gp4")
    assert kb.status() == "✓ Undone: Dr Huw Davies arrived 12:55 (recorded as a correction)"
    kb.type("huw")
    kb.press(K.Key_A, CTRL | SHIFT)
    assert c.meeting.attendance["gp4"].apologies
    clock.now = "13:01"
    kb.arrive("ffion")
    assert window.banner.colour == "green"

    # --- Item 1: notes via Ctrl+E.
    kb.press(K.Key_PageDown, CTRL)
    assert c.focus == "1"
    kb.press(K.Key_E, CTRL)
    assert window.item.notes.hasFocus()
    kb.type("The Chair welcomed members. Apologies: Dr Huw Davies.")
    kb.press(K.Key_F, CTRL)  # back to the list: the notes are saved as the editor is left
    assert c.meeting.notes["1"] == "The Chair welcomed members. Apologies: Dr Huw Davies."

    # --- Item 2: declarations, for later items, taken when members make them.
    kb.press(K.Key_PageDown, CTRL)
    assert c.focus == "2"
    kb.press(K.Key_D, CTRL)
    kb.dialog()
    kb.type("dr ff")  # "Dr " with its space: the list narrows, it does not open
    kb.press(K.Key_Tab)
    kb.type("Partner is a director of the estates company")
    kb.press(K.Key_Tab)
    kb.type("W")  # Withdraw: leaves the room for the item
    kb.press(K.Key_Tab)
    kb.type("UVC/26/05")  # the item by its reference: the Estates bid (a later item)
    kb.press(K.Key_Return)
    kb.back()
    kb.press(K.Key_D, CTRL)
    kb.dialog()
    kb.type("alun")
    kb.press(K.Key_Tab)
    kb.type("Employed by a pharmacy taking part")
    kb.press(K.Key_Tab)
    kb.type("None:")  # None: may still vote
    kb.press(K.Key_Tab)
    kb.type("UVC/26/03")  # Social prescriber extension
    kb.press(K.Key_Return)
    kb.back()
    declared = [(d.person, d.item, d.action) for d in c.meeting.declarations]
    assert declared == [("gp3", "5", "withdraw"), ("dep-ph", "3", "none")]

    # --- Item 3 (financial): a proxy, then a vote of every group by F / A / B.
    kb.press(K.Key_PageDown, CTRL)
    assert c.focus == "3"
    kb.press(K.Key_P, CTRL | SHIFT)
    kb.dialog()
    kb.type("huw")
    kb.press(K.Key_Tab)
    kb.type("owen")
    kb.press(K.Key_Tab)  # the item: this one, as offered
    kb.press(K.Key_Tab)
    kb.type("D")  # Directed: for
    kb.press(K.Key_Return)
    kb.back()
    assert [(p.grantor, p.holder, p.item, p.direction) for p in c.meeting.proxies] == [
        ("gp4", "gp1", "3", "for")
    ]
    kb.press(K.Key_V, CTRL | SHIFT)
    assert window.item.decision.table.hasFocus()
    # Cluster Lead, GP 1, GP 3, GP 4 (by proxy), pharmacy, development manager, nursing.
    for key in (K.Key_F, K.Key_F, K.Key_F, K.Key_F, K.Key_B, K.Key_F, K.Key_F):
        kb.press(key)
    assert window.item.decision.tally.text().startswith("For 6 · Against 0 · Abstain 1")
    kb.press(K.Key_Return, CTRL | SHIFT)
    (vote,) = c.meeting.decisions
    assert (vote.item, vote.for_, vote.against, vote.abstain) == ("3", 6, 0, 1)
    assert vote.carried
    assert not window.item.decision.tally.isVisible()  # the decision, not an empty tally
    assert window.item.decision.outcome.text().startswith("Recorded: Carried")
    # The financial log entry: the amount offered, the budget line typed, the
    # signatory chosen from those present who may sign.
    kb.press(K.Key_F, CTRL | SHIFT)
    kb.dialog()
    kb.press(K.Key_Tab)
    kb.type("Cluster development fund 2026/27")
    kb.press(K.Key_Return)
    kb.back()
    (entry,) = c.meeting.financial
    assert (entry.item, entry.amount, entry.budget_line, entry.signatory) == (
        "3",
        18500.0,
        "Cluster development fund 2026/27",
        "Carys Miles",
    )

    # --- Item 4: consensus and an action.
    clock.now = "13:40"
    kb.press(K.Key_PageDown, CTRL)
    kb.press(K.Key_K, CTRL)
    assert [d.kind for d in c.meeting.decisions_for("4")] == ["consensus"]
    kb.press(K.Key_T, CTRL | SHIFT)
    kb.dialog()
    kb.type("Send the campaign leaflets to every practice")
    kb.press(K.Key_Tab)
    kb.type("Eleri Thomas")
    kb.press(K.Key_Return)  # chosen from the list the typing narrowed, as for a person
    kb.press(K.Key_Return)  # OK
    kb.back()
    (action,) = c.meeting.actions.values()
    assert (action.item, action.text, action.owner) == (
        "4",
        "Send the campaign leaflets to every practice",
        "Eleri Thomas",
    )

    # --- Item 5: Dr Ffion Jones withdraws: not quorate for the item; no decision.
    kb.press(K.Key_PageDown, CTRL)
    assert c.focus == "5"
    assert window.banner.colour == "red"  # 5 seats represented of 6 needed
    kb.press(K.Key_K, CTRL)
    assert c.meeting.decisions_for("5") == []
    assert kb.status().startswith("✗ Not recorded: Decision refused:")
    kb.press(K.Key_V, CTRL | SHIFT)
    for key in (K.Key_F, K.Key_A, K.Key_B):  # the room votes anyway: nothing can carry
        kb.press(key)
    tally = window.item.decision.tally.text()
    assert "no decision can be taken" in tally and "carried" not in tally

    # --- Close the meeting: Meeting menu, second entry; Yes.
    clock.now = "14:05"
    kb.press(K.Key_M, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    kb.press(K.Key_Down)
    kb.press(K.Key_Return)
    box = kb.dialog()
    assert isinstance(box, QMessageBox) and "14:05" in box.text()
    kb.press(K.Key_Return)
    kb.back()
    assert c.meeting.closed
    assert kb.status() == "✓ Recorded: Meeting closed at 14:05"
    window.close()
    record.close()

    # --- The record, event by event (the set-up events first).
    record = Record(path, readonly=True)
    try:
        events = [e for e in record.events(mid) if e.type not in ("person_added", "item_added")]
    finally:
        record.close()
    said = [(e.type, e.get("person") or e.get("item") or e.get("target", "")[:0]) for e in events]
    assert said == [
        ("arrive", "lead"),
        ("arrive", "gp1"),
        ("arrive", "pm1"),
        ("arrive", "dep-ph"),
        ("arrive", "cdm"),
        ("arrive", "nurse"),
        ("arrive", "fin"),
        ("arrive", "gp4"),
        ("retract", ""),
        ("apologies", "gp4"),
        ("arrive", "gp3"),
        ("focus", "1"),
        ("note", "1"),
        ("focus", "2"),
        ("declare", "gp3"),
        ("declare", "dep-ph"),
        ("focus", "3"),
        ("proxy", "3"),
        ("vote", "3"),
        ("financial_entry", "3"),
        ("focus", "4"),
        ("consensus", "4"),
        ("action", "4"),
        ("focus", "5"),
        ("meeting_closed", ""),
    ]
    assert events[1].get("mode") == "remote"
    assert events[8].get("target") == events[7].id and events[8].get("reason") == "undo"
    assert events[10].get("at") == "13:01"
    assert events[14].get("item") == "5" and events[14].get("action") == "withdraw"
    assert events[15].get("item") == "3" and events[15].get("action") == "none"
    assert events[17].to_json() | {"at": ""} == {
        "type": "proxy",
        "from": "gp4",
        "to": "gp1",
        "item": "3",
        "direction": "for",
        "at": "",
    }
    assert events[18].get("votes") == {
        "lead": "for",
        "gp1": "for",
        "gp3": "for",
        "gp4": "for",
        "dep-ph": "abstain",
        "cdm": "for",
        "nurse": "for",
    }
    assert events[24].get("at") == "14:05"

    # --- The minutes, exported from the record.
    minutes = tmp_path / "minutes.docx"
    assert (
        cli(
            [
                "export",
                "--db",
                str(path),
                "--meeting",
                str(mid),
                "--minutes",
                str(minutes),
                "--actions",
                str(tmp_path / "actions.docx"),
                "--financial",
                str(tmp_path / "financial.docx"),
                "--attendance",
                str(tmp_path / "attendance.docx"),
            ]
        )
        == 0
    )
    text = docx_text(minutes.read_bytes())
    for expected in (
        "The Chair welcomed members. Apologies: Dr Huw Davies.",
        "Partner is a director of the estates company",
        "Employed by a pharmacy taking part",
        "Carried: 6 for, 0 against, 1 abstention",
        "Agreed by consensus",
        "Send the campaign leaflets to every practice",
        "The meeting closed at 14:05.",
    ):
        assert expected in text, expected
    assert "Dr Huw Davies arrived" not in text  # the mistaken arrival was undone


def test_the_forms_keep_what_was_typed_and_choose_the_person_typed(qtbot, record_file):
    """Two traps a secretary met at speed: the action's Owner took the list's next
    name on Down ("carys", Down, Enter stored Dr Rhian Evans), and a form refused
    (a declaration with no interest) closed, losing what was typed."""
    path, mid = record_file
    record = Record(path)
    window = MainWindow(record, mid, clock=Clock("13:00"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    kb = Keyboard(qtbot, window)
    c = window.controller
    c.set_focus("4")
    try:
        kb.press(K.Key_T, CTRL | SHIFT)
        kb.dialog()
        kb.type("Write to the provider")
        kb.press(K.Key_Tab)
        kb.type("carys")
        kb.press(K.Key_Down)  # the one match, in the list the typing narrowed
        kb.press(K.Key_Return)  # chosen
        kb.press(K.Key_Return)  # OK
        kb.back()
        (action,) = c.meeting.actions.values()
        assert (action.text, action.owner) == ("Write to the provider", "Carys Miles")

        # A declaration with no interest: refused inside the form, which stays open.
        kb.press(K.Key_D, CTRL)
        form = kb.dialog()
        kb.type("ffion")
        kb.press(K.Key_Return)  # the one match
        kb.press(K.Key_Return)  # OK, with no interest typed
        assert form.isVisible()
        assert "interest" in form.refusal.text().lower() and form.refusal.isVisible()
        assert c.meeting.declarations == []
        assert form.person.person() == "gp3"  # what was typed is still there
        form.interest.setFocus()
        kb.type("Her partner works for the provider")
        kb.press(K.Key_Return)
        kb.back()
        (declaration,) = c.meeting.declarations
        assert declaration.person == "gp3"
    finally:
        record.close()
