"""The keyboard shortcuts of the live window (one list, used both to make the
actions and to show the help dialog), and the help dialog itself (F1)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


@dataclass(frozen=True)
class Shortcut:
    id: str
    keys: tuple[str, ...]  # portable QKeySequence strings
    text: str  # English; translated when shown
    section: str


# In the order the help dialog lists them.
SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(
        "find_person", ("Ctrl+F",), "Find a person (or just start typing in the list)", "Attendance"
    ),
    Shortcut(
        "toggle_presence",
        ("Return",),
        "Arrived / left now, in person (the selected person, or the one match)",
        "Attendance",
    ),
    Shortcut("toggle_remote", ("Shift+Return",), "Joined remotely now / left", "Attendance"),
    Shortcut("apologies", ("Ctrl+Shift+A",), "Apologies from the selected person", "Attendance"),
    Shortcut(
        "correct_time",
        ("Ctrl+T",),
        "Correct the time of the selected person's last arrival or departure",
        "Attendance",
    ),
    Shortcut(
        "add_person",
        ("Ctrl+Shift+N",),
        "Add someone in attendance, a guest or a deputy",
        "Attendance",
    ),
    Shortcut("next_item", ("Ctrl+PgDown",), "Next agenda item (moves the focus)", "Agenda"),
    Shortcut("previous_item", ("Ctrl+PgUp",), "Previous agenda item", "Agenda"),
    Shortcut("add_item", ("Ctrl+Shift+I",), "Add an agenda item", "Agenda"),
    Shortcut("move_up", ("Alt+Up",), "Move the selected item up the agenda", "Agenda"),
    Shortcut("move_down", ("Alt+Down",), "Move the selected item down the agenda", "Agenda"),
    Shortcut(
        "notes", ("Ctrl+E",), "Write the minute notes of the item (saved as you type)", "Item"
    ),
    Shortcut("declare", ("Ctrl+D",), "Declare an interest", "Item"),
    Shortcut("proxy", ("Ctrl+Shift+P",), "Register a proxy", "Item"),
    Shortcut("consensus", ("Ctrl+K",), "Agreed by consensus", "Item"),
    Shortcut(
        "vote",
        ("Ctrl+Shift+V",),
        "Take a vote (then F = for, A = against, B = abstain, Delete = clear)",
        "Item",
    ),
    Shortcut("record_vote", ("Ctrl+Shift+Return",), "Record the vote", "Item"),
    Shortcut("add_action", ("Ctrl+Shift+T",), "Add an action", "Item"),
    Shortcut("financial", ("Ctrl+Shift+F",), "Add a financial log entry", "Item"),
    Shortcut("undo", ("Ctrl+Z",), "Undo the last change (recorded as a correction)", "Record"),
    Shortcut("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo", "Record"),
    Shortcut("chair_screen", ("F11",), "Show or hide the chair's screen", "View"),
    Shortcut("help", ("F1",), "This list of shortcuts", "Help"),
    Shortcut(
        "open_meeting", ("Ctrl+O",), "Open another meeting (or a new one, or the demo)", "Meeting"
    ),
    Shortcut(
        "close_window", ("Ctrl+Q",), "Close the window (everything is already recorded)", "Meeting"
    ),
)

BY_ID = {s.id: s for s in SHORTCUTS}


def key_sequences(shortcut_id: str) -> list[QKeySequence]:
    return [QKeySequence(k) for k in BY_ID[shortcut_id].keys]


def shortcut_text(shortcut_id: str) -> str:
    return tr(BY_ID[shortcut_id].text)


def native(keys: tuple[str, ...]) -> str:
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


class HelpDialog(QDialog):
    """Every shortcut of the window, by section."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Everything is recorded the moment you do it: there is no Save button. "
                "Ctrl+Z records a correction; the record itself is never rewritten."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(SHORTCUTS), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Section"), self.tr("Keys"), self.tr("What it does")]
        )
        for row, s in enumerate(SHORTCUTS):
            for col, text in enumerate((tr(s.section), native(s.keys), tr(s.text))):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, col, cell)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().height() * 34)
