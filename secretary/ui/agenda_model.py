"""The agenda being built, as a table: one row per item of the meeting's plan.

The rows are item ids; every cell is read from the plan the domain derives from the
meeting's events (``domain.agenda_plan.plan``), rebuilt when the controller says the
meeting changed. The model owns nothing: a drag and drop does not move a row here,
it asks (``move_requested``) and the row moves when the record has the move.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont

from secretary import i18n
from secretary.ui.controller import MeetingController
from secretary.ui.noop import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MIME = "application/x-secretary-agenda-item"
MUTED = QColor("#6b6b6b")
CHANGED = QColor("#fff1c2")  # a row changed since the agenda was issued (pale amber)

PURPOSE_WORDS = {
    "decision": QT_TRANSLATE_NOOP("AgendaPlanModel", "for decision"),
    "discussion": QT_TRANSLATE_NOOP("AgendaPlanModel", "for discussion"),
    "information": QT_TRANSLATE_NOOP("AgendaPlanModel", "for information"),
    "ratification": QT_TRANSLATE_NOOP("AgendaPlanModel", "for ratification"),
    "noting": QT_TRANSLATE_NOOP("AgendaPlanModel", "for noting"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("AgendaPlanModel", text)


def purpose_text(purpose: str) -> str:
    return tr(PURPOSE_WORDS[purpose]) if purpose in PURPOSE_WORDS else ""


def paper_label(paper: Any) -> str:
    """'Paper 5a' in the window's language (the plan's label is the record's, in English)."""
    return tr("Paper {0}").format(paper.number)


def minutes_text(minutes: int | None) -> str:
    return tr("{0} min").format(minutes) if minutes else ""


class AgendaPlanModel(QAbstractTableModel):
    """The items of the agenda in order, with their papers; drag a row to move it."""

    NUMBER, REF, TITLE, PRESENTER, PURPOSE, STARTS, DURATION, AMOUNT, PAPERS = range(9)
    drop_requested = Signal(str, str)  # the item dropped, the item it lands before ("": last)

    def __init__(self, controller: MeetingController, parent: Any = None):
        super().__init__(parent)
        self.controller = controller
        self.plan = self._read_plan()
        # Worked out again at every recorded change while its dialog is shown; while
        # hidden (the dialog is kept once opened) not, and afresh when shown again.
        self.following = True
        controller.meeting_changed.connect(self.refresh)

    def _read_plan(self) -> Any:
        from secretary.domain.agenda_plan import plan

        return plan(self.controller.meeting, self.controller.info.start or None)

    @property
    def rows(self) -> list[Any]:
        return list(self.plan.items)

    # ------------------------------------------------------------------ reading

    def row_key(self, r: int) -> str | None:
        rows = self.plan.items
        return rows[r].id if 0 <= r < len(rows) else None

    def row_of(self, item: str | None) -> int:
        for r, row in enumerate(self.plan.items):
            if row.id == item:
                return r
        return -1

    def planned(self, item: str | None) -> Any:
        """The plan's entry for ``item`` (None if it is not on the agenda)."""
        r = self.row_of(item)
        return self.plan.items[r] if r >= 0 else None

    def follow(self, on: bool) -> None:
        """Follow the meeting's changes (``on``: read the plan afresh now) or not."""
        self.following = on
        if on:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        if not self.following:
            return
        new = self._read_plan()
        keys = [p.id for p in new.items]
        if keys != [p.id for p in self.plan.items]:
            self.beginResetModel()
            self.plan = new
            self.endResetModel()
            return
        self.plan = new
        if keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(keys) - 1, self.PAPERS))

    # ------------------------------------------------------------------ Qt

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.plan.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (
            tr("No."),
            tr("Ref"),
            tr("Item"),
            tr("Presenter"),
            tr("Purpose"),
            tr("Time"),
            tr("Length"),
            tr("Amount"),
            tr("Papers"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.plan.items):
            return None
        row = self.plan.items[index.row()]
        column = index.column()
        if role == KEY_ROLE:
            return row.id
        if role == DISPLAY:
            return self.text(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self.text(row, column)
            if column == self.NUMBER and self.changed(row.id):
                return tr("{0}, changed since the agenda was issued").format(text)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and self.changed(row.id):
            return QBrush(CHANGED)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.STARTS
            and not row.starts_given
        ):
            return QBrush(MUTED)  # worked out from the items before, not given
        if role == Qt.ItemDataRole.FontRole and column == self.NUMBER and not row.sub:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.AMOUNT, self.DURATION):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, row: Any, column: int) -> str:
        if column == self.NUMBER:
            return str(row.number)
        if column == self.REF:
            return str(row.reference or "")
        if column == self.TITLE:
            indent = "    " if row.sub else ""  # a sub-item under its item
            return indent + row.heading.render()
        if column == self.PRESENTER:  # a person of the meeting by name, or as typed
            return str(getattr(row, "presenter_name", "") or row.presenter or "")
        if column == self.PURPOSE:
            return purpose_text(row.purpose)
        if column == self.STARTS:
            return str(row.starts or "")
        if column == self.DURATION:
            return minutes_text(row.duration)
        if column == self.AMOUNT:
            return i18n.money(row.amount, pence=None) if row.financial and row.amount else ""
        if column == self.PAPERS:
            return ", ".join(paper_label(p) for p in row.papers)
        return ""

    def changed(self, item: str) -> tuple[str, ...]:
        """What changed on ``item`` since the agenda was issued: "added", "changed",
        "moved", "papers", "renumbered" (the plan's words); () for nothing."""
        return tuple(getattr(self.plan, "changed", {}).get(item, ()))

    def change_text(self, item: str) -> str:
        """The changes since issue recorded on ``item``, as the tooltip says them."""
        lines = [m.render() for m in getattr(self.plan, "item_changes", {}).get(item, ())]
        if not lines:
            return ""
        return "\n".join([tr("Changed since the agenda was issued:")] + ["• " + t for t in lines])

    def tooltip(self, row: Any, column: int) -> str | None:
        own = self._column_tooltip(row, column)
        changes = self.change_text(row.id)
        return "\n\n".join(t for t in (own, changes) if t) or None

    def _column_tooltip(self, row: Any, column: int) -> str:
        if column == self.PAPERS and row.papers:
            return "\n".join(f"{paper_label(p)}: {p.title} ({p.filename})" for p in row.papers)
        if column == self.TITLE:
            return str(row.heading.render())
        if column == self.STARTS and row.starts and not row.starts_given:
            return tr(
                "Worked out from the start of the meeting and the lengths of the items before"
            )
        return ""

    # ------------------------------------------------------------------ drag and drop

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            key = self.row_key(rows[0]) or ""
            data.setData(MIME, QByteArray(key.encode("utf-8")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Dropped before ``row`` (or on ``parent``'s row): ask for the move. Returns
        False so the view never removes a row itself: the record decides."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        item = bytes(data.data(MIME).data()).decode("utf-8")
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.plan.items))
        before = self.row_key(target) or ""
        if item and item != before:
            self.drop_requested.emit(item, before)
        return False


class PapersModel(QAbstractTableModel):
    """The papers of one agenda item (the one selected in the agenda), read from the
    same plan as the agenda's table: label, title, file, size."""

    LABEL, TITLE, FILE, SIZE = range(4)

    def __init__(self, agenda: AgendaPlanModel, parent: Any = None):
        super().__init__(parent)
        self.agenda = agenda
        self.item: str | None = None
        self._keys: list[str] = []
        agenda.modelReset.connect(self.refresh)
        agenda.dataChanged.connect(self.refresh)

    def papers(self) -> list[Any]:
        planned = self.agenda.planned(self.item)
        return list(planned.papers) if planned is not None else []

    def show_item(self, item: str | None) -> None:
        self.item = item
        self.refresh()

    @Slot()
    def refresh(self, *_: Any) -> None:
        keys = [p.paper for p in self.papers()]
        if keys != self._keys:
            self.beginResetModel()
            self._keys = keys
            self.endResetModel()
        elif keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(keys) - 1, self.SIZE))

    def paper_at(self, r: int) -> Any:
        papers = self.papers()
        return papers[r] if 0 <= r < len(papers) and r < len(self._keys) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (tr("Paper"), tr("Title"), tr("File"), tr("Size"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        paper = self.paper_at(index.row())
        if paper is None:
            return None
        if role == KEY_ROLE:
            return paper.paper
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.LABEL:
                return paper_label(paper)
            if column == self.TITLE:
                return paper.title
            if column == self.FILE:
                return paper.filename
            if column == self.SIZE:
                return size_text(paper.size)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def size_text(size: int) -> str:
    """'18 KB', '2.4 MB': a file's size as a person reads it."""
    if size < 1024:
        return tr("{0} bytes").format(size)
    if size < 1024 * 1024:
        return tr("{0} KB").format(round(size / 1024))
    return tr("{0} MB").format(f"{size / (1024 * 1024):.1f}")
