"""The start dialog: the record's meetings, and the ways into one.

``choose_meeting(parent, record)`` shows the meetings of the open record (most
recent first) and returns a ``Choice`` — the record to use and the meeting to
open — or None when the user closes it. "New meeting…" creates a meeting in the
same record; "Try a demo meeting" creates a throw-away record
(``secretary.demo.create_demo_record``): then ``Choice.record`` is that new
record and ``Choice.demo`` is True, so the caller opens the window on it (and
should not remember it as the last record). "Roster…" edits a cluster's roster.

The list shows, for each meeting, its papers deadline (5.5) and minutes-to-members
deadline (5.6) from the terms frozen with it, and its actions past their due date;
overdue ones are coloured and say "overdue". It is read by
``secretary.store.meeting_list.overview`` (fast enough for thousands of meetings).

One module (over 400 lines): the dialog, its list of meetings and the choice it returns
change together; the rows themselves come from store.meeting_list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretary.domain import deadlines as dl
from secretary.store import Record, RecordError
from secretary.store import clusters as cl
from secretary.store.meeting_list import MeetingOverview, overview
from secretary.ui.new_meeting import NewMeetingDialog
from secretary.ui.roster_editor import RosterEditor, fit_to_screen, long_date

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
ID_ROLE = Qt.ItemDataRole.UserRole
OVERDUE_BG = QColor("#fde2e1")  # as the between-meetings meeting list
OVERDUE_FG = QColor("#9b1c1c")


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


T = TypeVar("T")


def off_the_window(model: QObject, read: Callable[[], T]) -> T:
    """``read()`` on a worker thread while the window stays live (ui.background),
    when the model belongs to a widget; else here."""
    parent = model.parent()
    if not isinstance(parent, QWidget):
        return read()
    from secretary.ui.background import run_in_background

    return run_in_background(parent, tr("Reading the meetings…"), read)


#: Fitting the columns looks at this many rows (more than the dialog shows), not
#: all of a record of thousands: each row fitted is asked for its every cell on the
#: window's thread (200 rows held it some 10 ms a column on 3,200 meetings).
FIT_ROWS = 50


class _Listing(NamedTuple):
    rows: list[MeetingOverview]
    clusters: int  # how many clusters the listed meetings belong to
    rosters: bool  # the record has a cluster (whose roster can be edited)


def _listing(record: Record, today: dt.date, first: int) -> _Listing:
    """The meetings with the deadlines and actions of the ``first`` judged (on the
    worker thread that reads them: the rows the columns are fitted to and first
    seen), and what the dialog's buttons need: nothing left to ask the record for
    on the window's thread."""
    rows = overview(record, today)
    for row in rows[:first]:
        row.entry  # noqa: B018  (judged when first asked for)
    # row.series: the entries themselves are judged only for the rows shown.
    clusters = len({row.series or row.entry.series for row in rows})
    return _Listing(rows, clusters, bool(cl.list_clusters(record)))


class MeetingListModel(QAbstractTableModel):
    """The meetings of a record, most recent first (as ``Record.list_meetings``), with
    their papers and minutes deadlines and overdue actions judged on ``today``."""

    DATE, START, TITLE, CLUSTER, PAPERS, MINUTES, ACTIONS, VENUE, EVENTS = range(9)

    def __init__(self, record: Record, parent: Any = None, today: dt.date | None = None):
        super().__init__(parent)
        self.record = record
        self.today = today
        self._rows: list[MeetingOverview] = []
        self._clusters = 0
        self.rosters = False  # the record has a cluster
        # Made once, before the read (the first QFont is slow to make: its enums).
        self.bold = QFont()
        self.bold.setBold(True)
        self.overdue_bg, self.overdue_fg = QBrush(OVERDUE_BG), QBrush(OVERDUE_FG)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        record, today = self.record, self.today or dt.date.today()
        listing = off_the_window(self, lambda: _listing(record, today, FIT_ROWS))
        self.beginResetModel()
        self._rows, self._clusters, self.rosters = listing
        self.endResetModel()

    def headers(self) -> list[str]:
        return [
            tr("Date"),
            tr("Start"),
            tr("Title"),
            tr("Cluster"),
            tr("Papers"),
            tr("Minutes to members"),
            tr("Actions"),
            tr("Venue"),
            tr("Events recorded"),
        ]

    def meeting_id(self, row: int) -> int | None:
        return self._rows[row].summary.id if 0 <= row < len(self._rows) else None

    def row_of(self, meeting_id: int) -> int:
        return next((r for r, m in enumerate(self._rows) if m.summary.id == meeting_id), -1)

    def overview(self, row: int) -> MeetingOverview | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def deadline(self, row: MeetingOverview, col: int) -> dl.Deadline | None:
        d = row.entry.deadlines
        if d is None:
            return None
        return d.papers if col == self.PAPERS else d.minutes if col == self.MINUTES else None

    def overdue(self, row: MeetingOverview, col: int) -> bool:
        if col == self.ACTIONS:
            return bool(row.entry.overdue_actions)
        deadline = self.deadline(row, col)
        return deadline is not None and deadline.overdue

    def deadline_text(self, deadline: dl.Deadline | None) -> str:
        """The state of a deadline, for a column headed "Papers" or "Minutes to members"."""
        if deadline is None:
            return ""
        due = long_date(deadline.due.isoformat())
        done = long_date(deadline.done_on.isoformat()) if deadline.done_on else ""
        if deadline.state == dl.OVERDUE:
            return tr("overdue (due {date})").format(date=due)
        if deadline.state == dl.DUE:
            return tr("due by {date}").format(date=due)
        if deadline.state == dl.UNRECORDED:
            return tr("not recorded")
        if deadline.state == dl.LATE:
            return tr("sent {date}, late (due {due})").format(date=done, due=due)
        return tr("sent {date}").format(date=done)

    def deadline_tip(self, deadline: dl.Deadline | None, col: int) -> str | None:
        if deadline is None:
            return None
        what = tr("Papers") if col == self.PAPERS else tr("Minutes to members")
        if deadline.state == dl.UNRECORDED:
            return tr("{what}: due {date}; the date they were sent was not recorded").format(
                what=what, date=long_date(deadline.due.isoformat())
            )
        return f"{what}: {self.deadline_text(deadline)}"

    def clusters(self) -> int:
        """How many clusters the listed meetings belong to."""
        return self._clusters

    def actions_text(self, row: MeetingOverview) -> str:
        overdue, open_ = len(row.entry.overdue_actions), len(row.entry.open_actions)
        if overdue:
            return tr("{n} overdue").format(n=overdue)
        return tr("{n} open").format(n=open_) if open_ else ""

    def actions_tip(self, row: MeetingOverview) -> str | None:
        if not row.entry.open_actions:
            return None
        lines = [tr("Actions of this meeting still open:")]
        for t in row.entry.open_actions:
            due = long_date(t.due) if t.due else tr("no due date")
            mark = tr(" — OVERDUE") if t in row.entry.overdue_actions else ""
            lines.append(f"{t.id} ({t.owner or '-'}, {due}){mark}: {t.text}")
        return "\n".join(lines)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.EVENTS + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        m = row.summary
        col = index.column()
        if role == ID_ROLE:
            return m.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.EVENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col in (self.PAPERS, self.MINUTES, self.ACTIONS):
            return self.deadline_data(row, col, role)
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

    def deadline_data(self, row: MeetingOverview, col: int, role: int) -> Any:
        """Papers, minutes and actions: the state in words; overdue ones coloured
        and bold (the word "overdue" says it without colour too)."""
        if role == DISPLAY:
            if col == self.ACTIONS:
                return self.actions_text(row)
            return self.deadline_text(self.deadline(row, col))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.ACTIONS:
                return self.actions_tip(row)
            return self.deadline_tip(self.deadline(row, col), col)
        if self.overdue(row, col):
            if role == Qt.ItemDataRole.BackgroundRole:
                return self.overdue_bg
            if role == Qt.ItemDataRole.ForegroundRole:
                return self.overdue_fg
            if role == Qt.ItemDataRole.FontRole:
                return self.bold
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class StartDialog(QDialog):
    """The record's meetings; Open, New meeting…, Try a demo meeting, Roster…"""

    def __init__(self, record: Record, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.record = record
        self.choice: Choice | None = None
        self.setWindowTitle(self.tr("Meetings"))  # Qt adds " — Cluster Secretary"
        self.model = MeetingListModel(record, self, today=today)

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
        self.view.setWordWrap(False)  # one line a meeting; long names elided (full in tooltips)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
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
        fit_to_screen(self, 1100, 460)
        self.fit_columns()
        if self.model.rowCount():
            self.view.selectRow(0)
        self.update_buttons()
        self.view.setFocus()

    #: Widest a column of names gets when fitted to its contents (the deadlines
    #: columns come after them and should be seen without scrolling).
    NAME_WIDTH = 200
    NAMES = (MeetingListModel.TITLE, MeetingListModel.CLUSTER, MeetingListModel.VENUE)

    def fit_columns(self) -> None:
        """Each column fitted to its first rows' contents, one column a turn of the
        event loop (all at once held the window up to 100 ms on a record of
        thousands of meetings); the first at once."""
        # A record of one cluster (the usual case) needs no cluster column.
        self.view.setColumnHidden(MeetingListModel.CLUSTER, self.model.clusters() <= 1)
        self._columns_to_fit = list(range(self.model.columnCount()))
        self.fit_next_column()

    @Slot()
    def fit_next_column(self) -> None:
        if not self._columns_to_fit:
            return
        col = self._columns_to_fit.pop(0)
        self.view.resizeColumnToContents(col)
        if col in self.NAMES and self.view.columnWidth(col) > self.NAME_WIDTH:
            self.view.setColumnWidth(col, self.NAME_WIDTH)
        if self._columns_to_fit:
            QTimer.singleShot(0, self, self.fit_next_column)

    @Slot()
    def update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
        self.roster_button.setEnabled(self.model.rosters)

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
        """For the selected meeting's cluster; or, when its series has no cluster,
        offering to follow it with its terms and people."""
        cid = after = None
        mid = self.selected_id()
        if mid is not None:
            cid = self.record.meeting_row(mid).cluster_id
            after = mid if cid is None else None
        return NewMeetingDialog(self.record, self, cluster_id=cid, after=after)

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


def pick_meeting(parent: QWidget | None, record: Record) -> tuple[Record, int] | None:
    """The start dialog's choice as (record, meeting id) — the record differs for
    "Try a demo meeting"."""
    return as_choice(choose_meeting(parent, record), record)


def as_choice(chosen: Any, record: Record) -> tuple[Record, int] | None:
    """The start dialog answers a meeting id, or an object with record and meeting_id."""
    if chosen is None:
        return None
    if isinstance(chosen, int):
        return record, chosen
    return chosen.record, int(chosen.meeting_id)
