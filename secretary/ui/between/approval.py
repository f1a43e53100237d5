"""Approving the minutes of an earlier meeting, in the window (5.7).

Hook for the window: ``approve_minutes_dialog(controller, parent)`` opens the
dialog for the meeting the controller records (the approving meeting). It
offers the earlier meetings of the cluster whose minutes are not yet approved
(the latest first), "as a true record" or "with amendments" (the amendments
typed in), and a meeting not in this record — the one before the first kept in
the app — by its date (``app.previous_minutes``; nothing of it to lock). The
controller runs the operation (``app.approval``), whose checks
refuse what cannot be approved: the refusal is shown in the dialog and nothing is
recorded. On success the controller tells the views (``meeting_changed``) and the
dialog emits ``approved(Approval)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from secretary.app.previous_minutes import PreviousMinutesError
from secretary.domain.events import EventError
from secretary.store.approval import ApprovalError, approval_for
from secretary.store.record import RecordError
from secretary.store.series import meeting_series

ELSEWHERE = -1  # the combo's data for a meeting not in this record


def awaiting_approval(record: Any, meeting_id: int) -> list[Any]:
    """Earlier meetings of the series whose minutes are not approved, latest first."""
    refs = meeting_series(record, meeting_id)
    here = next(i for i, r in enumerate(refs) if r.id == meeting_id)
    return [r for r in reversed(refs[:here]) if approval_for(record, r.id) is None]


class ApproveMinutesDialog(QDialog):
    approved = Signal(object)  # store.approval.Approval

    def __init__(self, controller: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Approve the minutes"))
        self.meetings = QComboBox(self)
        self.candidates = awaiting_approval(controller.meeting_record, controller.meeting_id)
        for ref in self.candidates:
            self.meetings.addItem(f"{ref.title} ({ref.date})" if ref.date else ref.title, ref.id)
        # The meeting before the first one kept here has no record: its date is enough.
        self.meetings.addItem(self.tr("A meeting not in this record, held on…"), ELSEWHERE)
        self.held_on = QDateEdit(self)
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        here = QDate.fromString(controller.info.date or "", "yyyy-MM-dd")
        # A meeting not kept here: a month before this one, to be corrected.
        self._elsewhere_default = (here if here.isValid() else QDate.currentDate()).addMonths(-1)
        self.held_on.setDate(self._elsewhere_default)
        self.meetings.currentIndexChanged.connect(self.on_meeting_chosen)
        self.true_record = QRadioButton(self.tr("Approved as a true record"), self)
        self.amended = QRadioButton(self.tr("Approved with amendments"), self)
        self.true_record.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.true_record)
        group.addButton(self.amended)
        self.amendments = QPlainTextEdit(self)
        self.amendments.setPlaceholderText(self.tr("The amendments, as the meeting agreed them"))
        self.amendments.setEnabled(False)
        self.amended.toggled.connect(self.amendments.setEnabled)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Minutes of"), self.meetings)
        form.addRow(self.tr("Held on"), self.held_on)
        form.addRow("", self.true_record)
        form.addRow("", self.amended)
        form.addRow(self.tr("Amendments"), self.amendments)
        self.buttons = QDialogButtonBox(self)
        self.approve_button = self.buttons.addButton(
            self.tr("Approve and lock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.on_approve)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Once approved, the minutes are locked: nothing more can be "
                "recorded in that meeting."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.on_meeting_chosen()

    def elsewhere(self) -> bool:
        return self.meetings.currentData() == ELSEWHERE

    @Slot()
    def on_meeting_chosen(self) -> None:
        """The date field is typed for a meeting not in this record; for one in it,
        it shows that meeting's date (greyed)."""
        self.held_on.setEnabled(self.elsewhere())
        chosen = next((r for r in self.candidates if r.id == self.meetings.currentData()), None)
        if chosen is not None and chosen.date:
            self.held_on.setDate(QDate.fromString(chosen.date, "yyyy-MM-dd"))
        elif self.elsewhere():
            self.held_on.setDate(self._elsewhere_default)
        self.approve_button.setText(
            self.tr("Approve") if self.elsewhere() else self.tr("Approve and lock")
        )

    def show_problem(self, text: str) -> None:
        self.message.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.message.setText(text)

    @Slot()
    def on_approve(self) -> None:
        amendments = self.amendments.toPlainText().strip() if self.amended.isChecked() else ""
        if self.amended.isChecked() and not amendments:
            self.show_problem(self.tr("Write the amendments, or choose 'as a true record'."))
            return
        if self.elsewhere():
            date = self.held_on.date().toString("yyyy-MM-dd")
            try:
                done = self.controller.approve_minutes_held_elsewhere(date, amendments)
            except (PreviousMinutesError, RecordError) as exc:
                self.show_problem(self.tr("Not approved: {0}").format(str(exc)))
                return
            self.approved.emit(done)
            self.accept()
            return
        meeting_id = int(self.meetings.currentData())
        try:
            # The controller runs the operation, then tells the views.
            approval = self.controller.approve_minutes(meeting_id, amendments)
        except (ApprovalError, EventError, RecordError) as exc:
            self.show_problem(self.tr("Not approved: {0}").format(str(exc)))
            return
        self.approved.emit(approval)
        self.accept()


def approve_minutes_dialog(controller: Any, parent: QWidget | None = None) -> ApproveMinutesDialog:
    dialog = ApproveMinutesDialog(controller, parent)
    dialog.open()
    return dialog
