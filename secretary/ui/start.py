"""The start dialog: the record's meetings, and the ways into one.

``choose_meeting(parent, record)`` shows the meetings of the open record (most
recent first) and returns a ``Choice`` — the record to use and the meeting to
open — or None when the user closes it. "New meeting…" creates a meeting in the
same record; "Try a demo meeting" creates a throw-away record
(``secretary.demo.create_demo_record``): then ``Choice.record`` is that new
record and ``Choice.demo`` is True, so the caller opens the window on it (and
should not remember it as the last record). "Roster…" edits a cluster's roster.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretary.store import Record, RecordError
from secretary.store import clusters as cl
from secretary.store.record import MeetingSummary
from secretary.ui.new_meeting import NewMeetingDialog
from secretary.ui.roster_editor import RosterEditor, fit_to_screen, long_date

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
ID_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("start", text)


@dataclass(frozen=True)
class Choice:
    """What the start dialog chose: open ``meeting_id`` in ``record``. ``demo``
    is True for a throw-away demonstration record (a different record from the
    one passed in)."""

    record: Record
    meeting_id: int
    demo: bool = False


class MeetingListModel(QAbstractTableModel):
    """The meetings of a record, most recent first (as ``Record.list_meetings``)."""

    DATE, START, TITLE, CLUSTER, VENUE, EVENTS = range(6)

    def __init__(self, record: Record, parent: Any = None):
        super().__init__(parent)
        self.record = record
        self._rows: list[MeetingSummary] = []
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self.record.list_meetings()
        self.endResetModel()

    def headers(self) -> list[str]:
        return [
            tr("Date"),
            tr("Start"),
            tr("Title"),
            tr("Cluster"),
            tr("Venue"),
            tr("Events recorded"),
        ]

    def meeting_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, meeting_id: int) -> int:
        return next((r for r, m in enumerate(self._rows) if m.id == meeting_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return m.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.EVENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            if col == self.DATE:
                return long_date(m.date) if m.date else tr("(no date)")
            if col == self.START:
                return m.start
            if col == self.TITLE:
                return m.title
            if col == self.CLUSTER:
                return m.cluster_name
            if col == self.VENUE:
                return m.venue
            if col == self.EVENTS:
                return m.events if role == DISPLAY else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class StartDialog(QDialog):
    """The record's meetings; Open, New meeting…, Try a demo meeting, Roster…"""

    def __init__(self, record: Record, parent: QWidget | None = None):
        super().__init__(parent)
        self.record = record
        self.choice: Choice | None = None
        self.setWindowTitle(self.tr("Cluster Secretary — meetings"))
        self.model = MeetingListModel(record, self)

        heading = QLabel(
            self.tr("<b>Meetings</b> in {where}").format(
                where=record.path.name if record.path else record.target
            )
        )
        heading.setToolTip(record.target)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(
            MeetingListModel.TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.view.doubleClicked.connect(self.open_index)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.model.modelReset.connect(self.update_buttons)

        self.empty = QLabel(
            self.tr(
                "<p style='font-size: 12pt'>No meetings in this record yet.</p>"
                "<p>Start with <b>New meeting…</b>, or <b>Try a demo meeting</b> to explore a "
                "realistic Upper Valleys meeting in a throw-away record.</p>"
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setDefault(True)
        self.new_button = QPushButton(self.tr("&New meeting…"))
        self.demo_button = QPushButton(self.tr("Try a &demo meeting"))
        self.roster_button = QPushButton(self.tr("&Roster…"))
        close = QPushButton(self.tr("Close"))
        self.open_button.clicked.connect(self.open_selected)
        self.new_button.clicked.connect(self.new_meeting)
        self.demo_button.clicked.connect(self.try_demo)
        self.roster_button.clicked.connect(self.edit_roster)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.new_button, self.roster_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 900, 460)
        self.fit_columns()
        if self.model.rowCount():
            self.view.selectRow(0)
        self.update_buttons()
        self.view.setFocus()

    def fit_columns(self) -> None:
        for col in range(self.model.columnCount()):
            if col != MeetingListModel.TITLE:
                self.view.resizeColumnToContents(col)

    @Slot()
    def update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
        self.roster_button.setEnabled(bool(cl.list_clusters(self.record)))

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.meeting_id(rows[0].row()) if rows else None

    def select_meeting(self, meeting_id: int) -> None:
        row = self.model.row_of(meeting_id)
        if row >= 0:
            self.view.selectRow(row)

    @Slot(QModelIndex)
    def open_index(self, index: QModelIndex) -> None:
        mid = self.model.meeting_id(index.row()) if index.isValid() else None
        if mid is not None:
            self.choice = Choice(self.record, mid)
            self.accept()

    @Slot()
    def open_selected(self) -> None:
        mid = self.selected_id()
        if mid is not None:
            self.choice = Choice(self.record, mid)
            self.accept()

    def new_meeting_dialog(self) -> NewMeetingDialog:
        cid = None
        mid = self.selected_id()
        if mid is not None:
            cid = self.record.meeting_row(mid).cluster_id
        return NewMeetingDialog(self.record, self, cluster_id=cid)

    @Slot()
    def new_meeting(self) -> None:
        dialog = self.new_meeting_dialog()
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.model.refresh()
        self.fit_columns()
        if accepted and dialog.meeting_id is not None:
            self.choice = Choice(self.record, dialog.meeting_id)
            self.accept()

    @Slot()
    def try_demo(self) -> None:
        from secretary.demo import create_demo_record

        try:
            record, meeting_id = create_demo_record()
        except (RecordError, OSError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Demo meeting"),
                self.tr("The demo meeting could not be created: {why}").format(why=exc),
            )
            return
        assert isinstance(record, Record)
        self.choice = Choice(record, meeting_id, demo=True)
        self.accept()

    def roster_cluster(self) -> int | None:
        """The cluster whose roster to edit: the selected meeting's, the only one,
        or one the user picks."""
        clusters = cl.list_clusters(self.record)
        mid = self.selected_id()
        if mid is not None:
            cid = self.record.meeting_row(mid).cluster_id
            if cid is not None:
                return cid
        if len(clusters) == 1:
            return clusters[0].id
        if not clusters:
            return None
        names = [c.name for c in clusters]
        name, ok = QInputDialog.getItem(
            self, self.tr("Roster"), self.tr("Cluster:"), names, 0, False
        )
        return clusters[names.index(name)].id if ok else None

    def roster_editor(self) -> RosterEditor | None:
        cid = self.roster_cluster()
        if cid is None:
            QMessageBox.information(
                self,
                self.tr("Roster"),
                self.tr("There is no cluster in this record yet: New meeting… creates one."),
            )
            return None
        return RosterEditor(self.record, cid, dt.date.today().isoformat(), self)

    @Slot()
    def edit_roster(self) -> None:
        editor = self.roster_editor()
        if editor is not None:
            editor.exec()


def choose_meeting(parent: QWidget | None, record: Record) -> Choice | None:
    """Show the start dialog on ``record``; what the user chose, or None.

    For "Try a demo meeting" the returned ``Choice.record`` is a new throw-away
    record (``Choice.demo`` is True); otherwise it is ``record``.
    """
    dialog = StartDialog(record, parent)
    dialog.exec()
    return dialog.choice
