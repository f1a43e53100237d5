"""Attendance over a financial year, on screen: a table of seats against their
required attendance, shortfalls highlighted.

Hook for the window: ``show_attendance_year(record, key, year, parent)`` opens
it as a dialog (``key`` from ``secretary.store.series.find_series`` or
``series_key_of``). The model holds the report it was given; the widget
rebuilds the report from the record when the year changes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.attendance_year import (
    ABSENT,
    APOLOGIES,
    DEPUTY,
    IN_PERSON,
    REMOTE,
    VACANT,
    AttendanceYear,
    year_of,
)
from secretary.i18n import plural

Index = QModelIndex | QPersistentModelIndex
SHORT_BG = QColor("#f8d7da")
MARKS = {IN_PERSON: "✓", REMOTE: "R", DEPUTY: "D", APOLOGIES: "A", ABSENT: "✗", VACANT: "–", "": ""}


class AttendanceYearModel(QAbstractTableModel):
    """Rows: the seats. Columns: seat, one per meeting, then the counts."""

    def __init__(self, report: AttendanceYear | None = None, parent: Any = None):
        super().__init__(parent)
        self.report = report

    def set_report(self, report: AttendanceYear) -> None:
        self.beginResetModel()
        self.report = report
        self.endResetModel()

    def _count_headers(self) -> list[str]:
        return [
            self.tr("In person"),
            self.tr("Remote"),
            self.tr("By deputy"),
            self.tr("Apologies"),
            self.tr("Absent"),
            self.tr("Attended"),
            self.tr("Required"),
            self.tr("Shortfall"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.report is None:
            return 0
        return len(self.report.seats)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.report is None:
            return 0
        return 1 + len(self.report.meetings) + len(self._count_headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self.report is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        n = len(self.report.meetings)
        if section == 0:
            return self.tr("Seat")
        if section <= n:
            d = dt.date.fromisoformat(self.report.meetings[section - 1].date)
            return QLocale().toString(QDate(d.year, d.month, d.day), "d MMM yy")
        counts = self._count_headers()
        if section - n - 1 < len(counts):
            return counts[section - n - 1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        seats = self.report.seats
        if not 0 <= index.row() < len(seats):
            return None
        seat = seats[index.row()]
        col, n = index.column(), len(self.report.meetings)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return seat.name.render()
            if col <= n:
                return MARKS.get(seat.per_meeting[col - 1], seat.per_meeting[col - 1])
            t = seat.tally
            values = [
                t.in_person,
                t.remote,
                t.by_deputy,
                t.apologies,
                t.absent,
                t.attended,
                "" if seat.required is None else seat.required,
                seat.shortfall or "",
            ]
            return str(values[col - n - 1]) if col - n - 1 < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if 1 <= col <= n:
                return self.tr("{0}: {1}").format(
                    self.report.meetings[col - 1].date, seat.per_meeting[col - 1] or "-"
                )
            if seat.shortfall:
                return seat.verdict().render()
            return None
        if role == Qt.ItemDataRole.BackgroundRole and seat.shortfall:
            return QBrush(SHORT_BG)
        if role == Qt.ItemDataRole.FontRole and seat.shortfall and (col == 0 or col > n + 5):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class AttendanceYearWidget(QWidget):
    """The year chooser, a summary line and the table."""

    def __init__(
        self, record: Any, key: Any, year: int | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.record = record
        self.key = key
        self.model = AttendanceYearModel(parent=self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year if year is not None else year_of(dt.date.today()))
        self.year.setPrefix(self.tr("Financial year "))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.year.valueChanged.connect(self.on_year_changed)
        self.on_year_changed(self.year.value())

    @Slot(int)
    def on_year_changed(self, year: int) -> None:
        from secretary.store.series import attendance_for_year
        from secretary.ui.background import run_in_background

        record, key = self.record, self.key
        report = run_in_background(
            self,
            self.tr("Reading the year's attendance…"),
            lambda: attendance_for_year(record, year, key),
        )
        self.model.set_report(report)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if not report.meetings:
            self.summary.setText(self.tr("No meetings held in {0}.").format(report.label))
            return
        short = report.shortfalls()
        n = len(report.meetings)
        # a count: the engine's plural layer gives Welsh its six CLDR forms
        text = plural(n, "{label}: {n} meeting held.", "{label}: {n} meetings held.",
                      label=report.label)  # fmt: skip
        if short:
            names = "; ".join(f"{s.name.render()} ({s.tally.attended}/{s.required})" for s in short)
            text += " " + self.tr("Short of the required attendance: {0}.").format(names)
        self.summary.setText(text)


def show_attendance_year(
    record: Any, key: Any, year: int | None = None, parent: QWidget | None = None
) -> QDialog:
    """Open the attendance of a financial year in a (non-modal) dialog."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(dialog.tr("Attendance for the year"))
    widget = AttendanceYearWidget(record, key, year, dialog)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(widget)
    layout.addWidget(buttons)
    dialog.widget = widget  # type: ignore[attr-defined]
    dialog.resize(1100, 560)
    dialog.show()
    return dialog
