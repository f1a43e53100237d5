"""Attendance ▸ Import Teams attendance…: the report Teams downloads, matched to the
meeting's people, shown for the secretary to confirm, then recorded.

The plan is made by ``secretary.app.teams`` (the same operation as ``secretary teams``);
``TeamsPlanModel`` shows it, one row per participant, and lets the secretary choose who
each participant is (a person of the meeting, nobody, or someone to add as in
attendance); every choice re-plans, so what is shown is what will be recorded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from secretary.app.teams import ImportPlan
    from secretary.domain.teams import TeamsReport
    from secretary.ui.main_window import MainWindow

Index = QModelIndex | QPersistentModelIndex


class TeamsPlanModel(QAbstractTableModel):
    """The import plan: participant, who they are, when they were in the call, what
    will be recorded, and what is only shown."""

    PARTICIPANT, PERSON, TIMES, RECORDED, NOTES = range(5)
    plan_changed = Signal()

    def __init__(self, meeting: Any, report: TeamsReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.meeting = meeting
        self.report = report
        self.choices: dict[int, str] = {}
        self.plan: ImportPlan = self._make_plan()

    def _make_plan(self) -> ImportPlan:
        from secretary.app.teams import plan_import

        return plan_import(self.meeting, self.report, self.choices)

    def headers(self) -> list[str]:
        return [
            self.tr("In Teams as"),
            self.tr("Person"),
            self.tr("In the call"),
            self.tr("Will be recorded"),
            self.tr("Notes"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.plan.changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section] if 0 <= section < 5 else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.PERSON:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.plan.changes):
            return None
        change = self.plan.changes[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.EditRole and col == self.PERSON:
            return self.choice(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == self.PARTICIPANT:
            return change.participant.name
        if col == self.PERSON:
            from secretary.app.teams import ADD

            if self.choice(index.row()) == ADD:
                return self.tr("{0} (added, in attendance)").format(change.name)
            return change.name if change.person else self.tr("— not recorded —")
        if col == self.TIMES:
            return "; ".join(
                f"{s.joined:%H:%M}–{s.left:%H:%M}" if s.left else f"{s.joined:%H:%M}–"
                for s in change.participant.sessions
            )
        if col == self.RECORDED:
            if change.problem:
                return self.tr("Nothing: {0}").format(change.problem)
            return "; ".join(change.said) or self.tr("Nothing")
        return "; ".join(change.notes)

    def choice(self, row: int) -> str:
        """The person id chosen for participant ``row`` ("" nobody, ADD to add)."""
        return self.choices.get(row, self.plan.changes[row].person or "")

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.PERSON:
            return False
        self.choices[index.row()] = str(value or "")
        self.beginResetModel()
        self.plan = self._make_plan()
        self.endResetModel()
        self.plan_changed.emit()
        return True


class PersonDelegate(QStyledItemDelegate):
    """Choose who a participant is: a person of the meeting, nobody, or a new
    attendee."""

    def __init__(self, meeting: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.meeting = meeting

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        from secretary.app.teams import ADD

        box = QComboBox(parent)
        box.addItem(self.tr("— not recorded —"), "")
        box.addItem(self.tr("Add as in attendance"), ADD)
        for p in self.meeting.people.values():
            box.addItem(p.name, p.id)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TeamsImportDialog(QDialog):
    """The plan, to check and change; Record records it through the controller."""

    def __init__(self, window: MainWindow, report: TeamsReport, source: str):
        super().__init__(window)
        self.window_ = window
        self.recorded = 0
        self.setWindowTitle(self.tr("Import Teams attendance"))
        self.resize(1100, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "From {0}. Check who each participant is (double-click a person to "
                "change it): remote arrivals and departures are recorded with the times "
                "Teams gives, and times already recorded are corrected. Decisions "
                "already recorded stay as they are."
            ).format(source)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = TeamsPlanModel(window.controller.meeting, report, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(
            TeamsPlanModel.PERSON, PersonDelegate(window.controller.meeting, self.table)
        )
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((0, 220), (1, 190), (2, 150), (3, 270)):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.record)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.model.plan_changed.connect(self.update_button)
        self.update_button()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # now that the columns have their widths

    @Slot()
    def update_button(self) -> None:
        n = len(self.model.plan.recordable)
        self.record_button.setText(self.tr("&Record ({0})").format(n))
        self.record_button.setEnabled(n > 0)
        self.table.resizeRowsToContents()

    @Slot()
    def record(self) -> None:
        from secretary.app.teams import TeamsImportError, record_plan

        try:
            done = record_plan(self.model.plan, self.window_.controller.record)
        except TeamsImportError as exc:
            QMessageBox.warning(self, self.tr("Not all recorded"), str(exc))
            return
        self.recorded = len(done)
        self.accept()


def import_teams_attendance(window: MainWindow, path: str | None = None) -> int:
    """Choose a report, show the plan, record what the secretary confirms. Returns the
    number of people whose attendance was recorded."""
    from secretary.domain.teams import TeamsReportError, read_report

    if path is None:
        start = str(Path.home() / "Downloads")
        path, _filter = QFileDialog.getOpenFileName(
            window,
            window.tr("Teams attendance report"),
            start,
            window.tr("Teams attendance report (*.csv *.tsv *.txt);;All files (*)"),
        )
        if not path:
            return 0
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        QMessageBox.warning(window, window.tr("Not imported"), f"{path}: {exc.strerror}")
        return 0
    info = window.record.meeting_info(window.meeting_id)
    day = dt.date.fromisoformat(info.date) if info.date else None
    try:
        report = read_report(data, Path(path).name, day)
    except TeamsReportError as exc:
        QMessageBox.warning(window, window.tr("Not imported"), str(exc))
        return 0
    dialog = TeamsImportDialog(window, report, Path(path).name)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    window.statusBar().showMessage(
        window.tr("People whose attendance was recorded from the Teams report: {0}.").format(
            dialog.recorded
        ),
        8000,
    )
    return dialog.recorded
