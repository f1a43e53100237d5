"""The live window's small forms (declare, proxy, action, financial entry, add a
person, correct a time): OK records what was typed, and a refusal is said inside the
form, which stays open with everything typed in it -- the secretary corrects one field
and presses OK again, instead of starting over. Cancel (Escape) closes it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from secretary.ui.controller import MeetingController


@contextmanager
def refusals_heard(controller: Any) -> Iterator[list[str]]:
    """What the controller says it refused (or could not write) while the block runs:
    a form shows the last of them and stays open."""
    said: list[str] = []

    def heard(why: str) -> None:
        said.append(why)

    signals = (controller.event_failed, controller.record_failed)
    for signal in signals:
        signal.connect(heard)
    try:
        yield said
    finally:
        for signal in signals:
            signal.disconnect(heard)


class RecordingForm(QDialog):
    """A form whose OK (``accept``, however it is reached) records through the
    operation given by ``record_on_ok``, and closes only when it recorded."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.refusal.hide()
        self._record: tuple[MeetingController, Callable[[], object]] | None = None

    def record_on_ok(self, controller: MeetingController, record: Callable[[], object]) -> None:
        """OK runs ``record`` (a controller operation: true when recorded)."""
        self._record = controller, record

    def accept(self) -> None:
        if self._record is None:
            super().accept()
            return
        controller, record = self._record
        with refusals_heard(controller) as said:
            done = record()
        if done:
            super().accept()
            return
        self.refusal.setText(said[-1] if said else self.tr("Not recorded."))
        self.refusal.show()


def form_buttons(dialog: QDialog, layout: QFormLayout) -> QDialogButtonBox:
    """OK and Cancel under the form (and, for a recording form, above it the line that
    says a refusal)."""
    if isinstance(dialog, RecordingForm):
        layout.insertRow(0, dialog.refusal)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addRow(buttons)
    return buttons
