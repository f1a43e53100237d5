"""The agenda: choosing an item records the focus; items added and reordered
during the meeting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretary.ui.controller import MeetingController
from secretary.ui.models import KEY_ROLE, AgendaModel
from secretary.ui.models import tr as model_tr


class AgendaPanel(QWidget):
    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.model = AgendaModel(controller, self)
        self._syncing = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("<b>Agenda</b>"), self))
        head.addStretch(1)
        self.add_button = QPushButton(self.tr("A&dd item…"), self)
        self.add_button.clicked.connect(self.add_item)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.up_button.clicked.connect(self.move_up)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.down_button.clicked.connect(self.move_down)
        for b in (self.add_button, self.up_button, self.down_button):
            head.addWidget(b)
        layout.addLayout(head)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AgendaModel.TITLE, QHeaderView.ResizeMode.Stretch)
        fm = self.table.fontMetrics()
        pad = fm.averageCharWidth() * 3  # room for the bold item in focus
        for col, sample in (
            (AgendaModel.REF, "UVC/26/07"),
            (AgendaModel.MONEY, "£100,000"),
            (AgendaModel.DECISION, model_tr("agreed by consensus")),  # Welsh is longer
        ):
            self.table.setColumnWidth(col, fm.horizontalAdvance(sample) + pad)
        self.table.verticalHeader().setDefaultSectionSize(fm.height() * 3 // 2)
        layout.addWidget(self.table, 1)

        self.table.selectionModel().currentRowChanged.connect(self.on_current_changed)
        self.model.modelReset.connect(self.sync_selection)
        controller.focus_changed.connect(self.sync_selection)
        self.sync_selection()

    # ------------------------------------------------------------------ focus

    @Slot()
    def sync_selection(self, *_: Any) -> None:
        """Show the recorded focus as the selected row (after undo, reopening, ...)."""
        focus = self.controller.focus
        r = self.model.row_of(focus) if focus else -1
        current = self.table.currentIndex().row()
        if r == current and (r < 0 or self.table.selectionModel().isRowSelected(r)):
            return
        self._syncing = True
        try:
            if r >= 0:
                self.table.selectRow(r)
                self.table.scrollTo(self.model.index(r, 0))
            else:
                self.table.clearSelection()
        finally:
            self._syncing = False

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        item = self.model.data(self.model.index(current.row(), 0), KEY_ROLE)
        if item and item != self.controller.focus and self.controller.set_focus(item) is None:
            self.sync_selection()

    def select_item(self, item: str) -> None:
        r = self.model.row_of(item)
        if r >= 0:
            self.table.selectRow(r)

    def step(self, delta: int) -> None:
        agenda = self.controller.meeting.agenda
        if not agenda:
            return
        focus = self.controller.focus
        i = agenda.index(focus) + delta if focus in agenda else 0
        self.select_item(agenda[max(0, min(len(agenda) - 1, i))])

    # ------------------------------------------------------------------ changes

    def _selected_item(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_key(index.row()) if index.isValid() else None

    @Slot()
    def move_up(self) -> None:
        self._move(-1)

    @Slot()
    def move_down(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        item = self._selected_item()
        if item is None:
            return
        self.controller.step_item(item, delta)  # with its sub-items, as the builder
        self.sync_selection()

    @Slot()
    def add_item(self) -> QDialog:
        """The agenda builder's item form (every field an agenda prints); the item goes
        after the item in focus and its sub-items (a sub-item: after its item's own),
        with none in focus before any other business."""
        from secretary.domain.agenda_order import new_position
        from secretary.ui.agenda_forms import item_form, run_refusal

        c = self.controller
        form = item_form(self, c.meeting)

        def submit() -> str | None:
            from secretary.app import agenda as app_agenda

            values = form.values()
            if not values["parent"]:
                values["position"] = new_position(c.meeting, c.focus)
            live = c.live
            # Recorded: the window says it. Refused: the form says why and stays open.
            return run_refusal(c, lambda: app_agenda.add_item(live, **values))[1]

        form.submit = submit
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.open()
        return form
