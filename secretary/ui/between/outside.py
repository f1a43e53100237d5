"""Decisions taken outside meetings (3.2.7, 3.2.9, 5.1), in the window.

Hook for the window: ``show_outside_decisions(record, key, controller=None,
parent=None)``. It lists the cluster's decisions taken outside meetings with
their status, records a new one (date, kind, what was decided, who was
consulted, amount and Health Board authorised signatory), and — given the
controller of an open meeting — records that the meeting ratified, did not
ratify, or noted the selected one. The store checks everything; refusals are
shown in its words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretary.app.outside import record_outside_decision
from secretary.domain.events import EventError
from secretary.i18n import long_date, money
from secretary.store.record import RecordError
from secretary.store.series import (
    KINDS,
    REMOTE,
    OutsideDecision,
    SeriesError,
    outside_decisions,
)
from secretary.ui.between.table import ListModel

Index = QModelIndex | QPersistentModelIndex
PENDING_BG = QColor("#fff4d6")


class OutsideDecisionsModel(ListModel):
    def __init__(self, rows: list[OutsideDecision] | None = None, parent: Any = None):
        super().__init__(parent)
        self.rows: list[OutsideDecision] = rows or []

    def set_rows(self, rows: list[OutsideDecision]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def headers(self) -> list[str]:
        return [
            self.tr("Date"),
            self.tr("Kind"),
            self.tr("Decision"),
            self.tr("Amount"),
            self.tr("HB signatory"),
            self.tr("Consulted"),
            self.tr("Status"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        d = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            status = d.status_label()
            if d.settled_at is not None:
                status = self.tr("{0} ({1})").format(status, d.settled_at.date)
            values = [
                d.decided_on,
                d.kind_label(),
                d.title,
                money(d.amount),
                d.signatory,
                d.consulted,
                status,
            ]
            return values[index.column()] if index.column() < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2 and d.text:
            return d.text
        if role == Qt.ItemDataRole.BackgroundRole and d.pending:
            return QBrush(PENDING_BG)
        if role == Qt.ItemDataRole.UserRole:
            return d.id
        return None


class OutsideDecisionsDialog(QDialog):
    def __init__(
        self, record: Any, key: Any, controller: Any = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.record = record
        self.key = key
        self.controller = controller
        self.setWindowTitle(self.tr("Decisions taken outside meetings"))
        self.model = OutsideDecisionsModel(parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        form_box = QGroupBox(self.tr("Record a decision taken outside a meeting"), self)
        self.date = QDateEdit(QDate.currentDate(), form_box)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox(form_box)
        labels = {
            REMOTE: self.tr("Remote decision (for ratification, 3.2.7)"),
            "urgent": self.tr("Chair's urgent action (for noting, 3.2.9)"),
        }
        for kind in KINDS:
            self.kind.addItem(labels[kind], kind)
        self.title = QLineEdit(form_box)
        self.text = QLineEdit(form_box)
        self.consulted = QLineEdit(form_box)
        self.amount = QLineEdit(form_box)
        self.amount.setPlaceholderText(self.tr("leave empty if not financial"))
        self.signatory = QLineEdit(form_box)
        self.signatory.setPlaceholderText(self.tr("required for a financial decision"))
        self.record_button = QPushButton(self.tr("Record"), form_box)
        form = QFormLayout(form_box)
        form.addRow(self.tr("Date decided"), self.date)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("What was decided"), self.title)
        form.addRow(self.tr("In full"), self.text)
        form.addRow(self.tr("Who was consulted"), self.consulted)
        form.addRow(self.tr("Amount (£)"), self.amount)
        form.addRow(self.tr("HB authorised signatory"), self.signatory)
        form.addRow("", self.record_button)
        self.record_button.clicked.connect(self.on_record)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        if controller is not None:
            row = QHBoxLayout()
            where = controller.info
            row.addWidget(QLabel(self.tr("At this meeting ({0}):").format(where.date), self))
            self.ratify_buttons = {}
            for outcome, label in (
                ("ratified", self.tr("Ratified")),
                ("not_ratified", self.tr("Not ratified")),
                ("noted", self.tr("Noted")),
            ):
                button = QPushButton(label, self)
                button.clicked.connect(lambda _=False, o=outcome: self.on_ratify(o))
                self.ratify_buttons[outcome] = button
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(form_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(980, 620)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.selected()
        self.model.set_rows(outside_decisions(self.record, self.key))
        if chosen is not None:
            for n, d in enumerate(self.model.rows):
                if d.id == chosen.id:
                    self.view.selectRow(n)

    def say(self, text: str, problem: bool) -> None:
        self.message.setStyleSheet("color: #b3261e; font-weight: bold;" if problem else "")
        self.message.setText(text)

    def selected(self) -> OutsideDecision | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    @Slot()
    def on_record(self) -> None:
        amount_text = self.amount.text().strip().replace("£", "").replace(",", "")
        amount = None
        if amount_text:
            try:
                amount = float(amount_text)
            except ValueError:
                self.say(
                    self.tr("Not recorded: the amount must be a number, e.g. 4000 or 4,000.00"),
                    True,
                )
                return
        try:
            d = record_outside_decision(
                self.record,
                self.key,
                decided_on=self.date.date().toString("yyyy-MM-dd"),
                kind=str(self.kind.currentData()),
                title=self.title.text(),
                text=self.text.text(),
                consulted=self.consulted.text(),
                amount=amount,
                signatory=self.signatory.text(),
            )
        except (SeriesError, RecordError) as exc:
            self.say(self.tr("Not recorded: {0}").format(str(exc)), True)
            return
        for field in (self.title, self.text, self.consulted, self.amount, self.signatory):
            field.clear()
        self.refresh()
        self.say(
            self.tr("Recorded: {0} of {1}, {2}.").format(
                d.kind_label(), long_date(d.decided_on, weekday=False), d.purpose
            ),
            False,
        )

    def on_ratify(self, outcome: str) -> None:
        d = self.selected()
        if d is None:
            self.say(self.tr("Choose a decision in the list first."), True)
            return
        try:
            # The controller runs the operation, then tells the views.
            done = self.controller.settle_outside_decision(d.id, outcome)
        except (SeriesError, EventError, RecordError) as exc:
            self.say(self.tr("Not recorded: {0}").format(str(exc)), True)
            return
        self.refresh()
        self.say(self.tr("Recorded: {0} {1}.").format(done.title, done.status_label()), False)


def show_outside_decisions(
    record: Any, key: Any, controller: Any = None, parent: QWidget | None = None
) -> OutsideDecisionsDialog:
    dialog = OutsideDecisionsDialog(record, key, controller, parent)
    dialog.show()
    return dialog
