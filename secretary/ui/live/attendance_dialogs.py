"""The attendance panel's dialogs: correct a time, add a person. Imported when one is
first opened, not at the window's start."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from secretary.ui.controller import MeetingController
from secretary.ui.live.forms import RecordingForm, form_buttons


class CorrectTimeDialog(QDialog):
    def __init__(self, name: str, kind: str, at: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct a time"))
        layout = QFormLayout(self)
        what = self.tr("Arrived at") if kind == "arrive" else self.tr("Left at")
        layout.addRow(QLabel(f"<b>{name}</b>"))
        self.edit = QTimeEdit(QTime.fromString(at, "HH:mm"), self)
        self.edit.setDisplayFormat("HH:mm")
        layout.addRow(what, self.edit)
        note = QLabel(self.tr("The old time stays in the record, marked as corrected."))
        note.setWordWrap(True)
        layout.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def time(self) -> str:
        return self.edit.time().toString("HH:mm")


class AddPersonDialog(RecordingForm):
    """Someone not on the meeting's list: in attendance, a guest, or a deputy."""

    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Add a person"))
        layout = QFormLayout(self)
        self.name = QLineEdit(self)
        self.organisation = QLineEdit(self)
        self.role = QComboBox(self)
        self.role.addItem(
            self.tr("In attendance (no seat, no vote)"), ("attendee", "in-attendance")
        )
        self.role.addItem(self.tr("Guest (no seat, no vote)"), ("attendee", "guest"))
        terms = controller.meeting.terms
        if terms.deputies_allowed:
            self.role.addItem(self.tr("Deputy for a seat"), ("deputy", ""))
        self.role.addItem(self.tr("Member of a seat"), ("member", ""))
        self.seat = QComboBox(self)
        for seat in terms.seats:
            self.seat.addItem(seat.name.render(), seat.id)
        self.arrive = QCheckBox(self.tr("Arrived now"), self)
        self.arrive.setChecked(True)
        self.remote = QCheckBox(self.tr("Remotely"), self)
        layout.addRow(self.tr("&Name"), self.name)
        layout.addRow(self.tr("&Organisation or role"), self.organisation)
        layout.addRow(self.tr("&Attends as"), self.role)
        layout.addRow(self.tr("&Seat"), self.seat)
        row = QHBoxLayout()
        row.addWidget(self.arrive)
        row.addWidget(self.remote)
        layout.addRow(row)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        form_buttons(self, layout)  # OK records; a refusal keeps the form open

    @Slot()
    def _role_changed(self) -> None:
        role, _ = self.role.currentData()
        self.seat.setEnabled(role != "attendee")

    def set_role(self, role: str, kind: str = "") -> None:
        for i in range(self.role.count()):
            if self.role.itemData(i) == (role, kind):
                self.role.setCurrentIndex(i)
                return

    def set_seat(self, seat: str) -> None:
        self.seat.setCurrentIndex(self.seat.findData(seat))

    def values(self) -> dict[str, Any]:
        role, kind = self.role.currentData()
        return {
            "name": self.name.text(),
            "role": role,
            "seat": self.seat.currentData() if role != "attendee" else None,
            "kind": kind,
            "organisation": self.organisation.text().strip(),
            "arrive": self.arrive.isChecked(),
            "mode": "remote" if self.remote.isChecked() else "in_person",
        }
