"""The keyboard shortcuts of the live window: one list, used both to make the
actions and to show the help dialog (ui/help.py, built when F1 is first pressed)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeyEvent, QKeySequence

from secretary.ui.noop import QT_TRANSLATE_NOOP


def tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


@dataclass(frozen=True)
class Shortcut:
    id: str
    keys: tuple[str, ...]  # portable QKeySequence strings
    text: str  # English; translated when shown
    section: str


# In the order the help dialog lists them. QT_TRANSLATE_NOOP marks the texts for
# pyside6-lupdate; they are translated when shown.
SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(
        "find_person",
        ("Ctrl+F",),
        QT_TRANSLATE_NOOP("Shortcuts", "Find a person (or just start typing in the list)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Attendance"),
    ),
    Shortcut(
        "toggle_presence",
        ("Return",),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Arrived / left now, in person (the selected person, or the one match)"
        ),
        QT_TRANSLATE_NOOP("Shortcuts", "Attendance"),
    ),
    Shortcut(
        "toggle_remote",
        ("Shift+Return",),
        QT_TRANSLATE_NOOP("Shortcuts", "Joined remotely now / left"),
        QT_TRANSLATE_NOOP("Shortcuts", "Attendance"),
    ),
    Shortcut(
        "apologies",
        ("Ctrl+Shift+A",),
        QT_TRANSLATE_NOOP("Shortcuts", "Apologies from the selected person"),
        QT_TRANSLATE_NOOP("Shortcuts", "Attendance"),
    ),
    Shortcut(
        "correct_time",
        ("Ctrl+T",),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Correct the time of the selected person's last arrival or departure"
        ),
        QT_TRANSLATE_NOOP("Shortcuts", "Attendance"),
    ),
    Shortcut(
        "add_person",
        ("Ctrl+Shift+N",),
        QT_TRANSLATE_NOOP("Shortcuts", "Add someone in attendance, a guest or a deputy"),
        QT_TRANSLATE_NOOP("Shortcuts", "Attendance"),
    ),
    Shortcut(
        "teams_import",
        ("Ctrl+Shift+J",),
        QT_TRANSLATE_NOOP("Shortcuts", "Import the Teams attendance report (remote attendance)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Attendance"),
    ),
    Shortcut(
        "next_item",
        ("Ctrl+PgDown",),
        QT_TRANSLATE_NOOP("Shortcuts", "Next agenda item (moves the focus)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Agenda"),
    ),
    Shortcut(
        "previous_item",
        ("Ctrl+PgUp",),
        QT_TRANSLATE_NOOP("Shortcuts", "Previous agenda item"),
        QT_TRANSLATE_NOOP("Shortcuts", "Agenda"),
    ),
    Shortcut(
        "add_item",
        ("Ctrl+Shift+I",),
        QT_TRANSLATE_NOOP("Shortcuts", "Add an agenda item"),
        QT_TRANSLATE_NOOP("Shortcuts", "Agenda"),
    ),
    Shortcut(
        "move_up",
        ("Alt+Up",),
        QT_TRANSLATE_NOOP("Shortcuts", "Move the selected item up the agenda"),
        QT_TRANSLATE_NOOP("Shortcuts", "Agenda"),
    ),
    Shortcut(
        "move_down",
        ("Alt+Down",),
        QT_TRANSLATE_NOOP("Shortcuts", "Move the selected item down the agenda"),
        QT_TRANSLATE_NOOP("Shortcuts", "Agenda"),
    ),
    Shortcut(
        "notes",
        ("Ctrl+E",),
        QT_TRANSLATE_NOOP("Shortcuts", "Write the minute notes of the item (saved as you type)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Item"),
    ),
    Shortcut(
        "declare",
        ("Ctrl+D",),
        QT_TRANSLATE_NOOP("Shortcuts", "Declare an interest"),
        QT_TRANSLATE_NOOP("Shortcuts", "Item"),
    ),
    Shortcut(
        "proxy",
        ("Ctrl+Shift+P",),
        QT_TRANSLATE_NOOP("Shortcuts", "Register a proxy"),
        QT_TRANSLATE_NOOP("Shortcuts", "Item"),
    ),
    Shortcut(
        "consensus",
        ("Ctrl+K",),
        QT_TRANSLATE_NOOP("Shortcuts", "Agreed by consensus"),
        QT_TRANSLATE_NOOP("Shortcuts", "Item"),
    ),
    Shortcut(
        "vote",
        ("Ctrl+Shift+V",),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Take a vote (then F = for, A = against, B = abstain, Delete = clear)"
        ),
        QT_TRANSLATE_NOOP("Shortcuts", "Item"),
    ),
    Shortcut(
        "record_vote",
        ("Ctrl+Shift+Return",),
        QT_TRANSLATE_NOOP("Shortcuts", "Record the vote"),
        QT_TRANSLATE_NOOP("Shortcuts", "Item"),
    ),
    Shortcut(
        "add_action",
        ("Ctrl+Shift+T",),
        QT_TRANSLATE_NOOP("Shortcuts", "Add an action"),
        QT_TRANSLATE_NOOP("Shortcuts", "Item"),
    ),
    Shortcut(
        "financial",
        ("Ctrl+Shift+F",),
        QT_TRANSLATE_NOOP("Shortcuts", "Add a financial log entry"),
        QT_TRANSLATE_NOOP("Shortcuts", "Item"),
    ),
    Shortcut(
        "undo",
        ("Ctrl+Z",),
        QT_TRANSLATE_NOOP("Shortcuts", "Undo the last change (recorded as a correction)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Record"),
    ),
    Shortcut(
        "redo",
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        QT_TRANSLATE_NOOP("Shortcuts", "Redo"),
        QT_TRANSLATE_NOOP("Shortcuts", "Record"),
    ),
    Shortcut(
        "chair_screen",
        ("F11",),
        QT_TRANSLATE_NOOP("Shortcuts", "Show or hide the chair's screen"),
        QT_TRANSLATE_NOOP("Shortcuts", "View"),
    ),
    Shortcut(
        "help",
        ("F1",),
        QT_TRANSLATE_NOOP("Shortcuts", "This list of shortcuts"),
        QT_TRANSLATE_NOOP("Shortcuts", "Help"),
    ),
    Shortcut(
        "open_meeting",
        ("Ctrl+O",),
        QT_TRANSLATE_NOOP("Shortcuts", "Open another meeting (or a new one, or the demo)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Meeting"),
    ),
    Shortcut(
        "close_meeting",
        (),
        QT_TRANSLATE_NOOP("Shortcuts", "Close the meeting (records the time it closed)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Meeting"),
    ),
    Shortcut(
        "agenda_builder",
        ("Ctrl+Shift+G",),
        QT_TRANSLATE_NOOP("Shortcuts", "Agenda and papers…"),
        QT_TRANSLATE_NOOP("Shortcuts", "Meeting"),
    ),
    Shortcut(
        "export",
        ("Ctrl+Shift+E",),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Export the minutes, action log, financial log and register"
        ),
        QT_TRANSLATE_NOOP("Shortcuts", "Meeting"),
    ),
    Shortcut(
        "export_template",
        (),
        QT_TRANSLATE_NOOP("Shortcuts", "Word template for exports (your letterhead)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Meeting"),
    ),
    Shortcut(
        "circulate",
        ("Ctrl+Shift+C",),
        QT_TRANSLATE_NOOP("Shortcuts", "Circulate the minutes and action log by e-mail"),
        QT_TRANSLATE_NOOP("Shortcuts", "Meeting"),
    ),
    Shortcut(
        "approve_minutes",
        ("Ctrl+Shift+M",),
        QT_TRANSLATE_NOOP("Shortcuts", "Approve the minutes of an earlier meeting"),
        QT_TRANSLATE_NOOP("Shortcuts", "Meeting"),
    ),
    Shortcut(
        "outside_decisions",
        ("Ctrl+Shift+O",),
        QT_TRANSLATE_NOOP("Shortcuts", "Decisions taken outside meetings (ratify or note)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Meeting"),
    ),
    Shortcut(
        "attendance_year",
        ("Ctrl+Shift+Y",),
        QT_TRANSLATE_NOOP("Shortcuts", "Attendance for the financial year"),
        QT_TRANSLATE_NOOP("Shortcuts", "Meeting"),
    ),
    Shortcut(
        "restore_backup",
        ("Ctrl+Shift+B",),
        QT_TRANSLATE_NOOP("Shortcuts", "Restore the record from a backup"),
        QT_TRANSLATE_NOOP("Shortcuts", "Meeting"),
    ),
    Shortcut(
        "close_window",
        ("Ctrl+Q",),
        QT_TRANSLATE_NOOP("Shortcuts", "Close the window (everything is already recorded)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Meeting"),
    ),
    Shortcut(
        "about",
        ("Ctrl+Shift+F1",),
        QT_TRANSLATE_NOOP("Shortcuts", "About Cluster Secretary (version, record, licences)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Help"),
    ),
)

BY_ID = {s.id: s for s in SHORTCUTS}


def key_sequences(shortcut_id: str) -> list[QKeySequence]:
    return [QKeySequence(k) for k in BY_ID[shortcut_id].keys]


def is_window_shortcut(event: QKeyEvent, keep: tuple[str, ...] = ()) -> bool:
    """Is this key press one of the window's shortcuts (other than those in ``keep``)?

    A text box claims some keys for editing before any shortcut sees them — on
    X11 Ctrl+E (end of line), Ctrl+K (delete to end), Ctrl+D, Ctrl+Z — so a box
    of the live window gives the window's own keys back (ShortcutOverride ignored)."""
    pressed = QKeySequence(event.keyCombination())
    return any(pressed == QKeySequence(k) for s in SHORTCUTS if s.id not in keep for k in s.keys)


def shortcut_text(shortcut_id: str) -> str:
    return tr(BY_ID[shortcut_id].text)


def native(keys: tuple[str, ...]) -> str:
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
