"""The item panel's dialogs: declare an interest, register a proxy, add an action,
a financial log entry. Imported when one is first opened, not at the window's start."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from secretary.domain.agenda import item_heading
from secretary.domain.finance import authorised_signatories
from secretary.ui.controller import MeetingController
from secretary.ui.live.forms import RecordingForm, form_buttons
from secretary.ui.models import choice_label, fold


def _buttons(dialog: QDialog, layout: QFormLayout) -> None:
    form_buttons(dialog, layout)  # OK records; a refusal keeps the form open (forms.py)
    # Wide enough to read a name, an interest, an item's title without truncation.
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 60)


class PersonCombo(QComboBox):
    """A person chosen by typing any part of the name ("ffion", "dr j", "siân" as
    "sian"): the list narrows as you type (a space is part of the text, it does not
    open the list); the one match is taken. Down opens the whole list."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # an editable combo box has its line edit
        line.setPlaceholderText(self.tr("Type part of a name"))

    def person(self) -> str | None:
        """The person whose name the text names: exactly, or as the only match."""
        text = fold(self.currentText().strip())
        if not text:
            return None
        names = [fold(self.itemText(i)) for i in range(self.count())]
        for i, name in enumerate(names):
            if name == text:
                return self.itemData(i)
        words = text.split()
        hits = [i for i, name in enumerate(names) if all(w in name for w in words)]
        return self.itemData(hits[0]) if len(hits) == 1 else None


def _people_combo(
    controller: MeetingController, parent: QWidget, voters_only: bool, present: bool | None = None
) -> PersonCombo:
    combo = PersonCombo(parent)
    m = controller.meeting
    for p in m.people.values():
        if voters_only and not m.may_vote(p.id):
            continue
        if present is not None and m.is_present(p.id) != present:
            continue
        seat = m.seat_of(p.id)
        label = f"{p.name} ({seat.name.render()})" if seat else p.name
        combo.addItem(label, p.id)
    combo.setCurrentIndex(-1)  # nobody until chosen: the first name is not a default
    return combo


def _select(combo: QComboBox, data: Any) -> None:
    i = combo.findData(data)
    if i >= 0:
        combo.setCurrentIndex(i)


class DeclareDialog(RecordingForm):
    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Declare an interest"))
        layout = QFormLayout(self)
        self.person = _people_combo(controller, self, voters_only=False)
        self.interest = QLineEdit(self)
        self.action = QComboBox(self)
        self.action.addItem(self.tr("None: may still vote"), "none")
        self.action.addItem(self.tr("Abstain: stays, does not vote"), "abstain")
        self.action.addItem(self.tr("Withdraw: leaves the room for the item"), "withdraw")
        self.action.addItem(self.tr("None stated"), "unstated")
        # A standing declaration is one on the register of interests, confirmed or
        # changed at the declarations item (the minutes list those first).
        self.register = QComboBox(self)
        self.register.addItem(self.tr("Declared at this meeting"), "")
        self.register.addItem(self.tr("Standing: confirmed from the register"), "confirmed")
        self.register.addItem(self.tr("Standing: changed on the register"), "changed")
        self.register.addItem(self.tr("Standing: new to the register"), "new")
        self.scope = QComboBox(self)
        focus = controller.focus
        if focus is not None:
            self.scope.addItem(
                self.tr("This item: {0}").format(controller.item_label(focus)), focus
            )
        self.scope.addItem(self.tr("Every item"), None)
        # Members declare for later items during "Declarations of interest": any
        # item of the agenda can be chosen.
        for iid in controller.meeting.agenda:
            if iid != focus:
                self.scope.addItem(controller.item_label(iid), iid)
        layout.addRow(self.tr("&Person"), self.person)
        layout.addRow(self.tr("&Interest"), self.interest)
        layout.addRow(self.tr("&Then"), self.action)
        layout.addRow(self.tr("&For"), self.scope)
        layout.addRow(self.tr("&Register of interests"), self.register)
        _buttons(self, layout)
        # Tab goes down the form as it reads (register was made before scope).
        QWidget.setTabOrder(self.action, self.scope)
        QWidget.setTabOrder(self.scope, self.register)

    def fill(self, person: str, interest: str, action: str, item: Any = "focus") -> None:
        _select(self.person, person)
        self.interest.setText(interest)
        _select(self.action, action)
        if item != "focus":
            _select(self.scope, item)

    def values(self) -> dict[str, Any]:
        return {
            "person": self.person.person(),
            "item": self.scope.currentData(),
            "interest": self.interest.text(),
            "action": self.action.currentData(),
            "standing": self.register.currentData(),
        }


class ProxyDialog(RecordingForm):
    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register a proxy"))
        layout = QFormLayout(self)
        self.grantor = _people_combo(controller, self, voters_only=True, present=False)
        self.holder = _people_combo(controller, self, voters_only=True, present=True)
        self.item = QComboBox(self)
        focus = controller.focus
        if focus is not None:
            self.item.addItem(self.tr("This item: {0}").format(controller.item_label(focus)), focus)
        self.item.addItem(self.tr("Every item"), None)
        for iid in controller.meeting.agenda:
            if iid != focus:
                self.item.addItem(controller.item_label(iid), iid)
        self.direction = QComboBox(self)
        self.direction.addItem(self.tr("Not directed (the holder decides)"), None)
        for choice in ("for", "against", "abstain"):
            self.direction.addItem(self.tr("Directed: {0}").format(choice_label(choice)), choice)
        layout.addRow(self.tr("&From (absent)"), self.grantor)
        layout.addRow(self.tr("&To (present)"), self.holder)
        layout.addRow(self.tr("&Item"), self.item)
        layout.addRow(self.tr("&Direction"), self.direction)
        _buttons(self, layout)

    def fill(
        self, grantor: str, holder: str, item: Any = "focus", direction: str | None = None
    ) -> None:
        _select(self.grantor, grantor)
        _select(self.holder, holder)
        if item != "focus":
            _select(self.item, item)
        _select(self.direction, direction)

    def values(self) -> dict[str, Any]:
        return {
            "grantor": self.grantor.person(),
            "holder": self.holder.person(),
            "item": self.item.currentData(),
            "direction": self.direction.currentData(),
        }


class ActionDialog(RecordingForm):
    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Add an action"))
        layout = QFormLayout(self)
        self.ref = QLabel(controller.next_action_ref(controller.focus), self)
        self.text = QLineEdit(self)
        # As the person of a declaration or a proxy is chosen ("carys", Down, Enter),
        # or any name typed: Down in a plain editable box replaced the typed text with
        # the list's next name, and the action went to someone else.
        self.owner = PersonCombo(self)
        for p in controller.meeting.people.values():
            self.owner.addItem(p.name, p.name)
        self.owner.setCurrentIndex(-1)
        self.owner.setToolTip(self.tr("Someone on the roster, or type any name"))
        self.has_due = QCheckBox(self.tr("Due by"), self)
        self.due = QDateEdit(QDate.currentDate().addDays(28), self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")  # as dates show everywhere in the window
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        layout.addRow(self.tr("Reference"), self.ref)
        layout.addRow(self.tr("&Action"), self.text)
        layout.addRow(self.tr("&Owner"), self.owner)
        layout.addRow(due_row)
        _buttons(self, layout)
        # Wide enough for a sentence of action and its title.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def fill(self, text: str, owner: str = "", due: str | None = None) -> None:
        self.text.setText(text)
        self.owner.setEditText(owner)
        if due:
            self.has_due.setChecked(True)
            self.due.setDate(QDate.fromString(due, "yyyy-MM-dd"))

    def values(self) -> dict[str, Any]:
        return {
            "item": self.controller.focus,
            "text": self.text.text(),
            # The person the text names (the one match), else the name as typed.
            "owner": self.owner.person() or self.owner.currentText().strip(),
            "due": self.due.date().toString("yyyy-MM-dd") if self.has_due.isChecked() else None,
        }


class ActionUpdateDialog(RecordingForm):
    """Progress on an action, at the meeting that reviews it: its status (complete
    closes it), a note of what was done, a new due date."""

    def __init__(self, controller: MeetingController, action: str, parent: QWidget | None = None):
        super().__init__(parent)
        from secretary.ui.models import ACTION_STATUSES, status_text

        self.controller = controller
        self.action_id = action
        current = controller.meeting.actions[action]
        self.setWindowTitle(self.tr("Update an action"))
        layout = QFormLayout(self)
        what = QLabel(f"<b>{html.escape(action)}</b> — {html.escape(current.text)}", self)
        what.setWordWrap(True)
        layout.addRow(what)
        self.status = QComboBox(self)
        for status in ACTION_STATUSES:
            self.status.addItem(status_text(status), status)
        now = (current.status or "open").strip().lower()
        if self.status.findData(now) < 0:  # a status typed elsewhere, kept as it is
            self.status.addItem(current.status, current.status)
        _select(self.status, now if self.status.findData(now) >= 0 else current.status)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What was done, or why not"))
        self.has_due = QCheckBox(self.tr("New due date"), self)
        start = QDate.fromString(current.due or "", "yyyy-MM-dd")
        self.due = QDateEdit(start if start.isValid() else QDate.currentDate(), self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        layout.addRow(self.tr("&Status"), self.status)
        layout.addRow(self.tr("&Progress"), self.note)
        layout.addRow(due_row)
        _buttons(self, layout)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def values(self) -> dict[str, Any]:
        return {
            "action": self.action_id,
            "status": self.status.currentData(),
            "note": self.note.text(),
            "due": self.due.date().toString("yyyy-MM-dd") if self.has_due.isChecked() else None,
        }


class FinancialDialog(RecordingForm):
    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        item = controller.meeting.items[controller.focus or ""]
        self.setWindowTitle(self.tr("Financial log entry"))
        layout = QFormLayout(self)
        self.amount = QDoubleSpinBox(self)
        self.amount.setRange(0, 100_000_000)
        self.amount.setDecimals(2)
        self.amount.setPrefix("£")
        self.amount.setGroupSeparatorShown(True)
        self.amount.setValue(item.amount or 0)
        self.budget_line = QLineEdit(self)
        self.signatory = QComboBox(self)  # chosen, not typed: only those who may sign
        for p in present_signatories(controller.meeting):
            self.signatory.addItem(p.name)
        self.signatory.setToolTip(self.tr("The Health Board authorised signatory"))
        self.description = QLineEdit(item_heading(item).render(), self)
        layout.addRow(self.tr("&Amount"), self.amount)
        layout.addRow(self.tr("&Budget line"), self.budget_line)
        layout.addRow(self.tr("Health Board authorised &signatory"), self.signatory)
        layout.addRow(self.tr("&Description"), self.description)
        _buttons(self, layout)
        # Wide enough that the description (the item's reference and title) and a
        # budget line's name show whole beside the long signatory label.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)

    def values(self) -> dict[str, Any]:
        return {
            "item": self.controller.focus,
            "amount": self.amount.value(),
            "budget_line": self.budget_line.text(),
            "signatory": self.signatory.currentText(),
            "description": self.description.text(),
        }


def present_signatories(meeting: Any) -> list[Any]:
    """The Health Board authorised signatories at the meeting now."""
    return [p for p in authorised_signatories(meeting) if meeting.is_present(p.id)]
