"""The meeting list with its deadlines (5.5, 5.6), for the window.

``MeetingListModel(record, today)`` is a table of the record's meetings: date,
title, cluster, papers, minutes, approval, overdue actions; an overdue row is
highlighted and says why in its tooltip. It reads
``secretary.store.meeting_list.entries`` (the quick read; the same rows as ``secretary
meetings``); ``refresh()`` reads again, ``set_today(date)`` re-judges.
``Qt.UserRole`` on any cell gives the meeting id.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from secretary.store.meeting_list import entries
from secretary.store.series import MeetingListEntry, SeriesKey
from secretary.ui.between.table import ListModel

Index = QModelIndex | QPersistentModelIndex
OVERDUE_BG = QColor("#fde2e1")
APPROVED_FG = QColor("#1e6b34")


class MeetingListModel(ListModel):
    DATE, TITLE, CLUSTER, PAPERS, MINUTES, APPROVAL, ACTIONS = range(7)

    def __init__(
        self,
        record: Any,
        today: dt.date | str | None = None,
        key: SeriesKey | None = None,
        parent: Any = None,
    ):
        super().__init__(parent)
        self.record = record
        self.key = key
        self.today = today or dt.date.today()
        self.rows: list[MeetingListEntry] = []
        self.refresh()

    def refresh(self) -> None:
        from secretary.ui.start import off_the_window

        # The quick read (no meeting replayed), off the window's thread.
        record, today, key = self.record, self.today, self.key
        rows = off_the_window(self, lambda: list(reversed(entries(record, today, key))))
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_today(self, today: dt.date | str) -> None:
        self.today = today
        self.refresh()

    def headers(self) -> list[str]:
        return [
            self.tr("Date"),
            self.tr("Meeting"),
            self.tr("Cluster"),
            self.tr("Papers"),
            self.tr("Minutes to members"),
            self.tr("Minutes"),
            self.tr("Actions overdue"),
        ]

    def text(self, row: MeetingListEntry, column: int) -> str:
        d = row.deadlines
        if column == self.DATE:
            return row.ref.date
        if column == self.TITLE:
            return row.ref.title
        if column == self.CLUSTER:
            return row.series.label
        if column == self.PAPERS:
            return "" if d is None or d.papers is None else d.papers.short().render()
        if column == self.MINUTES:
            return "" if d is None or d.minutes is None else d.minutes.short().render()
        if column == self.APPROVAL:
            return (
                self.tr("approved {0}").format(row.approved_on)
                if row.approved_on
                else self.tr("draft")
            )
        if column == self.ACTIONS:
            return ", ".join(t.id for t in row.overdue_actions)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == Qt.ItemDataRole.UserRole:
            return row.ref.id
        d = row.deadlines
        overdue_cell = (
            (col == self.PAPERS and d is not None and d.papers is not None and d.papers.overdue)
            or (
                col == self.MINUTES
                and d is not None
                and d.minutes is not None
                and d.minutes.overdue
            )
            or (col == self.ACTIONS and bool(row.overdue_actions))
        )
        if role == Qt.ItemDataRole.BackgroundRole and overdue_cell:
            return QBrush(OVERDUE_BG)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.APPROVAL and row.approved_on:
            return QBrush(APPROVED_FG)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.ACTIONS and row.overdue_actions:
            return "\n".join(
                f"{t.id} ({t.owner or '-'}, due {t.due}): {t.text}" for t in row.overdue_actions
            )
        return None
