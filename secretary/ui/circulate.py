"""Meeting ▸ Circulate…: an e-mail draft of the minutes and action log to the members,
then, on the secretary's word, the minutes recorded as sent (5.6).

The draft is made by ``secretary.app.circulate`` (the same operation as
``secretary circulate``); this dialog shows who it goes to and who has no address,
writes the .eml where the secretary says, and records the sending through the window's
controller on the date the secretary confirms.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from secretary.app.circulate import CirculationDraft
    from secretary.ui.main_window import MainWindow

SENDER_KEY = "circulate/sender"


class CirculateDialog(QDialog):
    """Who the draft goes to, in which language, from whom; Save writes it."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.draft: CirculationDraft | None = None
        self.saved: Path | None = None
        self.setWindowTitle(self.tr("Circulate the minutes"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "An e-mail draft to the members and deputies with an address on the "
                "roster, with the minutes and the action log attached. Open it in your "
                "mail program to check and send it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.language = QComboBox()
        # Language names in their own language, as the Export dialog gives them.
        for code, label in (
            ("bilingual", self.tr("Bilingual: Cymraeg / English")),
            ("cy", "Cymraeg"),
            ("en", "English"),
        ):
            self.language.addItem(label, code)
        form.addRow(self.tr("&Language"), self.language)
        self.sender_edit = QLineEdit()
        self.sender_edit.setPlaceholderText(self.tr("the secretariat's address (optional)"))
        from secretary.ui.settings import settings

        store = settings()
        if store is not None:
            self.sender_edit.setText(str(store.value(SENDER_KEY, "") or ""))
        form.addRow(self.tr("&From"), self.sender_edit)
        layout.addLayout(form)
        self.to_label = QLabel()
        layout.addWidget(self.to_label)
        self.recipients = QListWidget()
        layout.addWidget(self.recipients)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        layout.addWidget(self.missing_label)
        self.open_after = QCheckBox(self.tr("&Open the draft in the mail program"))
        self.open_after.setChecked(True)
        layout.addWidget(self.open_after)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            self.tr("&Save the draft…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.language.currentIndexChanged.connect(self.prepare)
        self.prepare()

    @Slot()
    def prepare(self) -> None:
        """Make the draft (documents included) for the language chosen, and show it."""
        from secretary.app.circulate import prepare_circulation
        from secretary.ui.record_actions import window_template

        self.window_.item.notes.save()  # the notes typed a moment ago belong in the minutes
        try:
            self.draft = prepare_circulation(
                self.window_.record,
                self.window_.meeting_id,
                language=str(self.language.currentData()),
                template=window_template(self.window_),
                today=dt.date.today(),
            )
        except Exception as exc:  # RecordError, TemplateError, EventError: one line
            self.draft = None
            self.to_label.setText(self.tr("The draft cannot be made: {0}").format(exc))
            self.save_button.setEnabled(False)
            return
        self.save_button.setEnabled(bool(self.draft.recipients))
        self.recipients.clear()
        for r in self.draft.recipients:
            self.recipients.addItem(f"{r.name} <{r.email}> — {r.seat}")
        self.to_label.setText(
            self.tr("To the members and deputies ({0}):").format(len(self.draft.recipients))
        )
        missing = self.draft.without_address
        if missing:
            names = "; ".join(f"{r.name} ({r.seat})" for r in missing)
            self.missing_label.setText(
                self.tr("No address on the roster, so not on the draft: {0}").format(names)
            )
        else:
            self.missing_label.setText(self.tr("Every member and deputy has an address."))

    @Slot()
    def save(self) -> None:
        from secretary.app.circulate import CirculationError
        from secretary.export.text import safe_filename
        from secretary.ui.record_actions import record_file

        if self.draft is None:
            return
        sender = self.sender_edit.text().strip()
        if sender and "@" not in sender:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("{0} is not an email address.").format(sender),
            )
            return
        self.draft.sender = sender
        folder = record_file(self.window_)
        start = (folder.parent if folder else Path.home()) / (
            safe_filename(self.draft.subject.split(" / ")[-1]) + ".eml"
        )
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the e-mail draft"), str(start), self.tr("E-mail (*.eml)")
        )
        if not path:
            return
        if not path.lower().endswith(".eml"):
            path += ".eml"
        try:  # the file dialog has asked about replacing an existing file
            self.saved = self.draft.write(path, force=True)
        except CirculationError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        from secretary.ui.settings import settings

        store = settings()
        if store is not None:
            store.setValue(SENDER_KEY, sender)
        if self.open_after.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved)))
        self.accept()


class SentDialog(QDialog):
    """Record the minutes as sent, on the date the secretary says."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record the minutes as sent?"))
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "When you have sent the e-mail, record the date the minutes went to the "
                "members: the terms give the secretariat a deadline for it."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.on.setMaximumDate(QDate.currentDate())
        form.addRow(self.tr("Sent &on"), self.on)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("&Record as sent"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("&Not yet"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def date(self) -> dt.date:
        d = self.on.date()
        return dt.date(d.year(), d.month(), d.day())


def circulate(window: MainWindow) -> Path | None:
    """The whole step: the draft, then (if the secretary says so) the sending recorded.
    Returns the draft's path, or None if nothing was saved."""
    from secretary.app.circulate import minutes_sent_event

    dialog = CirculateDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved is None:
        return None
    sent = SentDialog(window)
    if sent.exec() == QDialog.DialogCode.Accepted:
        window.controller.record(minutes_sent_event(sent.date()))
    return dialog.saved
