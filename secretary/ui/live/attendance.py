"""The attendance panel: everyone by seat; one keystroke records an arrival or
departure, time-stamped now; type-to-find; apologies; people added on the fly (its
dialogs, in attendance_dialogs.py, are imported when first opened).

One module (over 400 lines): the panel, its table and its finder share the attendance
model and the keystrokes that record an arrival or a departure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretary.ui.controller import MeetingController
from secretary.ui.models import AttendanceModel, PersonFilter
from secretary.ui.models import tr as model_tr
from secretary.ui.shortcuts import is_window_shortcut

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox


class PeopleTable(QTableView):
    """Typing a letter in the list starts a search; Return is left to the panel."""

    typed = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if (
            text
            and text.isprintable()
            and not text.isspace()
            and mods == Qt.KeyboardModifier.NoModifier
        ):
            self.typed.emit(text)
            return
        super().keyPressEvent(event)


class FinderEdit(QLineEdit):
    """Up / Down move through the matches while the cursor stays here. Ctrl+Z and
    redo are the window's (undo the last recorded change), not the box's text."""

    moved = Signal(int)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and is_window_shortcut(event)
        ):
            event.ignore()  # the window's action has it (Ctrl+Z: undo the record)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moved.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class AttendancePanel(QWidget):
    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.model = AttendanceModel(controller, self)
        self.filter = PersonFilter(self)
        self.filter.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("<b>Attendance</b>"), self)
        self.counts = QLabel(self)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.counts)
        layout.addLayout(head)

        self.finder = FinderEdit(self)
        self.finder.setPlaceholderText(
            self.tr("Find a person (Ctrl+F, or just type) — Enter records arrival or departure")
        )
        self.finder.setClearButtonEnabled(True)
        self.finder.textChanged.connect(self.on_query)
        self.finder.returnPressed.connect(self.enter_pressed)
        self.finder.moved.connect(self.move_selection)
        layout.addWidget(self.finder)
        # With several matches Enter records nothing until one is chosen (Up / Down):
        # the first match is not a guess the record can take.
        self.chosen = False
        self.matches = QLabel(self)
        self.matches.setObjectName("matches")
        layout.addWidget(self.matches)
        # Always there (empty when there is nothing to say): the list does not jump.
        self.matches.setFixedHeight(self.matches.fontMetrics().lineSpacing() + 2)

        self.table = PeopleTable(self)
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AttendanceModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.doubleClicked.connect(self.on_double_clicked)
        self.table.typed.connect(self.start_search)
        self.table.clicked.connect(self.on_chosen)
        self.table.selectionModel().currentRowChanged.connect(self.on_row_moved)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.arrive_button = QPushButton(self.tr("Arrived / left"), self)
        self.arrive_button.setToolTip(self.tr("Record arrival or departure now (Enter)"))
        self.arrive_button.clicked.connect(self.toggle_selected)
        self.remote_button = QPushButton(self.tr("Remote"), self)
        self.remote_button.setToolTip(self.tr("Joined remotely now (Shift+Enter)"))
        self.remote_button.clicked.connect(self.toggle_selected_remote)
        self.apologies_button = QPushButton(self.tr("A&pologies"), self)
        self.apologies_button.clicked.connect(self.apologies_selected)
        self.time_button = QPushButton(self.tr("Co&rrect time…"), self)
        self.time_button.clicked.connect(self.correct_time_selected)
        self.add_button = QPushButton(self.tr("Add per&son…"), self)
        self.add_button.clicked.connect(self.add_person)
        self.chair_button = QPushButton(self.tr("Ta&kes the chair…"), self)
        self.chair_button.setToolTip(
            self.tr("The selected person chairs this item, or the rest of the meeting")
        )
        self.chair_button.clicked.connect(self.take_chair_selected)
        for b in (
            self.arrive_button,
            self.remote_button,
            self.apologies_button,
            self.time_button,
            self.chair_button,
            self.add_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.setTabOrder(self.finder, self.table)
        self.setTabOrder(self.table, self.arrive_button)
        controller.attendance_changed.connect(self.update_counts)
        controller.meeting_changed.connect(self.update_counts)
        self.update_counts()
        self.resize_columns()

    def resize_columns(self) -> None:
        """Widths from the font (so they follow the display scaling), for the
        longest usual text of each column; the name column takes the rest."""
        fm = self.table.fontMetrics()
        pad = fm.averageCharWidth() * 2
        samples = {  # in the window's language: Welsh is often longer
            # The seats' own names in the window's language, up to "Community
            # Pharmacy" / "Practis meddyg teulu 1"; longer ones elide (tooltip).
            AttendanceModel.SEAT: max(
                (
                    s.name.render()
                    for s in self.controller.meeting.terms.seats
                    if len(s.name.render()) <= 22
                ),
                key=fm.horizontalAdvance,
                default="Community Pharmacy",
            ),
            # The usual statuses set the width; the rare long one ("withdrawn for
            # item") is elided with its tooltip, so names keep their room.
            AttendanceModel.STATUS: max(
                (model_tr("apologies"), model_tr("left {0}").format("14:10"), model_tr("present")),
                key=len,
            ),
            AttendanceModel.ARRIVED: model_tr("{0} (late)").format("13:25"),
            AttendanceModel.LEFT: "14:10 (UVC/26/06)",
        }
        header = self.table.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)  # headers may be drawn bold
        head_fm = QFontMetrics(bold)
        for col, text in samples.items():
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = max(fm.horizontalAdvance(text), head_fm.horizontalAdvance(title) + pad // 2)
            self.table.setColumnWidth(col, width + pad)
        self.table.verticalHeader().setDefaultSectionSize(fm.height() * 3 // 2)

    # ------------------------------------------------------------------ selection

    def ambiguous(self) -> int:
        """How many people the search matches when Enter cannot pick one (else 0)."""
        n = self.filter.rowCount()
        if self.finder.text().strip() and n > 1 and not self.chosen:
            return n
        return 0

    def selected_person(self) -> str | None:
        if self.finder.text().strip():
            if self.filter.rowCount() == 1:
                return self.filter.index(0, 0).data(Qt.ItemDataRole.UserRole)
            if not self.chosen:
                return None
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.filter.index(index.row(), 0).data(Qt.ItemDataRole.UserRole)

    def select_person(self, pid: str) -> bool:
        r = self.model.row_of(pid)
        if r < 0:
            return False
        index = self.filter.mapFromSource(self.model.index(r, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    @Slot(str)
    def on_query(self, text: str) -> None:
        self.filter.set_query(text)
        self.chosen = False
        n = self.filter.rowCount()
        if n == 1 or (n and not text.strip()):
            self.table.selectRow(0)
        else:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
        self.show_matches()

    def show_matches(self) -> None:
        n = self.filter.rowCount()
        if not self.finder.text().strip() or n == 1:
            self.matches.clear()
            return
        if n == 0:
            text = self.tr("Nobody matches — check the spelling, or add the person (Ctrl+Shift+N)")
        elif self.chosen:
            text = self.tr("{0} match — Enter records the one chosen").format(n)
        else:
            text = self.tr("{0} match — keep typing or choose (Up / Down)").format(n)
        self.matches.setText(text)

    @Slot(QModelIndex, QModelIndex)
    def on_row_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.table.hasFocus() and current.isValid():  # Up / Down in the list itself
            self.on_chosen()

    @Slot(QModelIndex)
    def on_chosen(self, *_: Any) -> None:
        """A row clicked in the list: Enter now records that person."""
        self.chosen = True
        self.show_matches()

    @Slot(str)
    def start_search(self, text: str) -> None:
        self.finder.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.finder.setText(self.finder.text() + text)

    @Slot(int)
    def move_selection(self, step: int) -> None:
        rows = self.filter.rowCount()
        if not rows:
            return
        current = self.table.currentIndex().row()
        if current < 0 or not self.chosen:
            target = 0 if step > 0 else rows - 1  # the first choice is the first match
        else:
            target = max(0, min(rows - 1, current + step))
        self.table.selectRow(target)
        self.chosen = True
        self.show_matches()

    def focus_finder(self) -> None:
        self.finder.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.finder.selectAll()

    # ------------------------------------------------------------------ actions

    def _done(self, pid: str) -> None:
        if self.finder.text():
            self.finder.clear()  # ready for the next name
        self.select_person(pid)

    def _need_person(self) -> str | None:
        n = self.ambiguous()
        if n:
            self.controller.refuse(
                self.tr(
                    "{0} people match “{1}”: keep typing, or choose one with Up / Down."
                ).format(n, self.finder.text().strip())
            )
            return None
        pid = self.selected_person()
        if pid is None:
            self.controller.refuse(self.tr("Choose a person first (type part of a name)."))
        return pid

    def _toggle(self, mode: str) -> None:
        pid = self._need_person()
        if pid is not None and self.controller.toggle_presence(pid, mode) is not None:
            self._done(pid)

    def enter_pressed(self, mode: str = "in_person") -> None:
        """Enter (Shift+Enter: remotely): the one match of the search, the person
        chosen with Up / Down, or the row selected in the list — never a guess."""
        if self.finder.hasFocus() and not self.finder.text().strip():
            # Enter in an empty search box: nobody named, nothing recorded.
            self.controller.refuse(self.tr("Type part of a name first, then Enter."))
            return
        self._toggle(mode)

    @Slot()
    def toggle_selected(self) -> None:
        self._toggle("in_person")

    @Slot()
    def toggle_selected_remote(self) -> None:
        self._toggle("remote")

    @Slot(QModelIndex)
    def on_double_clicked(self, index: QModelIndex) -> None:
        pid = index.data(Qt.ItemDataRole.UserRole)
        if pid and self.controller.toggle_presence(pid) is not None:
            self._done(pid)

    @Slot()
    def apologies_selected(self) -> None:
        pid = self._need_person()
        if pid is not None and self.controller.give_apologies(pid) is not None:
            self._done(pid)

    @Slot()
    def take_chair_selected(self) -> QMessageBox | None:
        """For the item in focus (the chair withdrawn for an interest) or for the rest
        of the meeting (the chair absent or leaving): asked when an item is in focus."""
        pid = self._need_person()
        if pid is None:
            return None
        focus = self.controller.focus
        if focus is None:
            self.controller.take_chair(pid)
            return None
        from PySide6.QtWidgets import QMessageBox  # a dialog's class: made when needed

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Takes the chair"))
        box.setText(self.tr("{0} takes the chair:").format(self.controller.person_name(pid)))
        item_button = box.addButton(
            self.tr("For &this item only"), QMessageBox.ButtonRole.AcceptRole
        )
        rest_button = box.addButton(
            self.tr("For the &rest of the meeting"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)

        def chosen() -> None:
            if box.clickedButton() is item_button:
                self.controller.take_chair(pid, focus)
            elif box.clickedButton() is rest_button:
                self.controller.take_chair(pid)

        box.finished.connect(chosen)
        box.open()
        return box

    @Slot()
    def correct_time_selected(self) -> QDialog | None:
        pid = self._need_person()
        if pid is None:
            return None
        old = self.controller.last_attendance_event(pid)
        if old is None:
            self.controller.refuse(
                self.tr("{0} has not arrived yet.").format(self.controller.person_name(pid))
            )
            return None
        from secretary.ui.live.attendance_dialogs import CorrectTimeDialog

        dialog = CorrectTimeDialog(
            self.controller.person_name(pid),
            old.type,
            self.controller.meeting.time_of(old) or self.controller.now(),
            self,
        )
        dialog.accepted.connect(lambda: self.controller.correct_time(pid, dialog.time()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def add_person(self) -> QDialog:
        from secretary.ui.live.attendance_dialogs import AddPersonDialog

        dialog = AddPersonDialog(self.controller, self)

        def record() -> bool:
            pid = self.controller.add_person(**dialog.values())
            if pid:
                self._done(pid)
            return bool(pid)

        dialog.record_on_ok(self.controller, record)  # a refusal keeps the form open
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def update_counts(self, *_: Any) -> None:
        m = self.controller.meeting
        present = [p for p in m.people if m.is_present(p)]
        remote = sum(1 for p in present if m.attendance[p].mode == "remote")
        apologies = sum(1 for p in m.people if m.attendance[p].apologies and not m.is_present(p))
        self.counts.setText(
            self.tr("{0} present ({1} remote) · {2} apologies").format(
                len(present), remote, apologies
            )
        )
