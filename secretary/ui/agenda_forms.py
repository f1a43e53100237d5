"""The forms of the agenda builder: an agenda item, an investment proposal (with its
cost lines, totalled as they are typed) and issuing the pack.

A form only gathers what the secretary types; the builder (ui/agenda_builder.py)
hands it to an operation of ``secretary.app.agenda``, and the domain judges it.

One module (over 400 lines): the three forms of one dialog, and the cost lines'
model the proposal form edits, kept together so their words and layout stay alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Slot,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretary import i18n
from secretary.ui.agenda_model import PURPOSE_WORDS, purpose_text

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
TIME = QRegularExpression(r"^(([01]\d|2[0-3]):[0-5]\d)?$")


# --------------------------------------------------------------------------- an item


class ItemForm(QDialog):
    """Add or edit an agenda item: every field an agenda prints."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        parents: list[tuple[str, str]],
        decision_types: list[tuple[str, str]],
        planned: Any = None,
        heading: str = "",
        people: list[str] | None = None,
        next_reference: str = "",
    ):
        """``parents``: (item id, label) of the items a sub-item may go under;
        ``decision_types``: (rule id, name) from the terms; ``planned``: the plan's
        entry of the item edited (None: a new item)."""
        super().__init__(parent)
        # Records what the form holds; returns the refusal (the form stays open and
        # shows it, nothing typed lost) or None (recorded: the form closes).
        self.submit: Callable[[], str | None] | None = None
        self.editing = planned
        self.standing = bool(heading)  # its heading comes from the terms: no title needed
        self.setWindowTitle(
            self.tr("Edit the agenda item") if planned else self.tr("Add an agenda item")
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(self)
        if heading:
            self.title.setPlaceholderText(heading)  # a standing item: its heading from the terms
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(next_reference)  # the meeting's own pattern
        self.presenter = QLineEdit(self)
        if people:  # the names of the meeting's people offered as you type; any name goes
            names = QCompleter(sorted(people), self.presenter)
            names.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            names.setFilterMode(Qt.MatchFlag.MatchContains)
            self.presenter.setCompleter(names)
        self.purpose = QComboBox(self)
        self.purpose.addItem(self.tr("(not said)"), "")
        for key in PURPOSE_WORDS:
            self.purpose.addItem(purpose_text(key), key)
        self.starts = QLineEdit(self)
        self.starts.setPlaceholderText(self.tr("HH:MM (empty: after the item before)"))
        self.starts.setValidator(QRegularExpressionValidator(TIME, self.starts))
        self.duration = QSpinBox(self)
        self.duration.setRange(0, 600)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("(not set)"))
        self.parent_item = QComboBox(self)
        self.parent_item.addItem(self.tr("(none: a main item)"), "")
        for iid, label in parents:
            self.parent_item.addItem(label, iid)
        self.amount = QDoubleSpinBox(self)
        self.amount.setRange(0, 100_000_000)
        self.amount.setDecimals(2)
        self.amount.setPrefix("£")
        self.amount.setGroupSeparatorShown(True)
        self.amount.setSpecialValueText(self.tr("(no money)"))
        self.decision_type = QComboBox(self)
        self.decision_type.addItem(self.tr("(as the item: financial or not)"), "")
        for rule_id, name in decision_types:
            self.decision_type.addItem(name, rule_id)
        self.budget_line = QLineEdit(self)
        self.budget_line.setPlaceholderText(self.tr("where the money comes from"))
        for text, widget in (
            (self.tr("&Title"), self.title),
            (self.tr("&Reference"), self.reference),
            (self.tr("&Presenter"), self.presenter),
            (self.tr("P&urpose"), self.purpose),
            (self.tr("Planned &start"), self.starts),
            (self.tr("&Length"), self.duration),
            (self.tr("Sub-item &of"), self.parent_item),
            (self.tr("&Amount"), self.amount),
            (self.tr("&Decision type"), self.decision_type),
            (self.tr("&Budget line"), self.budget_line),
        ):
            form.addRow(text, widget)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if planned is not None:
            self._fill(planned)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _fill(self, p: Any) -> None:
        self.title.setText(p.title or "")
        self.reference.setText(p.reference or "")
        self.presenter.setText(p.presenter or "")
        self.purpose.setCurrentIndex(max(0, self.purpose.findData(p.purpose or "")))
        self.starts.setText(p.starts or "")
        self.duration.setValue(int(p.duration or 0))
        self.parent_item.setCurrentIndex(max(0, self.parent_item.findData(p.parent or "")))
        self.parent_item.setEnabled(False)  # a sub-item stays under its item
        self.amount.setValue(float(p.amount or 0))
        self.decision_type.setCurrentIndex(
            max(0, self.decision_type.findData(p.decision_type or ""))
        )
        self.budget_line.setText(p.budget_line or "")
        self.initial = self.values()

    @Slot()
    def check_and_accept(self) -> None:
        """What the record cannot take is said here, and the form stays open: no title
        (a standing item's heading is the terms'), a time or length taken away (an
        item's planned start and length can be changed, not unset)."""
        before = getattr(self, "initial", {})
        now = self.values()
        problem: str = ""
        field: QWidget | None = None
        if not self.standing and not now["title"]:
            problem, field = self.tr("Give the item a title."), self.title
        elif before.get("starts") and not now["starts"]:
            problem = self.tr("A planned start cannot be taken away once given: give a time.")
            field = self.starts
        elif before.get("duration") and not now["duration"]:
            problem = self.tr("A length cannot be taken away once given: give a length.")
            field = self.duration
        if problem:
            self.problem.setText(problem)
            assert field is not None
            field.setFocus()
            return
        self._submit_and_accept()

    def _submit_and_accept(self) -> None:
        refusal = self.submit() if self.submit is not None else None
        if refusal:
            self.problem.setText(refusal)
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        """Every field, as ``app.agenda.add_item`` takes them."""
        amount = self.amount.value()
        return {
            "title": self.title.text().strip(),
            # Left empty, the item takes the reference the field offers (the
            # meeting's next, shown greyed): it looked filled in, and was not kept.
            "reference": self.reference.text().strip()
            or ("" if self.parent_item.currentData() else self.reference.placeholderText()),
            "presenter": self.presenter.text().strip(),
            "purpose": str(self.purpose.currentData() or ""),
            "starts": self.starts.text().strip(),
            "duration": self.duration.value() or None,
            "parent": str(self.parent_item.currentData() or ""),
            "amount": amount if amount else None,
            "decision_type": str(self.decision_type.currentData() or ""),
            "budget_line": self.budget_line.text().strip(),
        }

    def changes(self) -> dict[str, Any]:
        """Only what the secretary changed (``app.agenda.change_item``)."""
        now = self.values()
        now.pop("parent")
        before = getattr(self, "initial", {})
        changed = {k: v for k, v in now.items() if before.get(k) != v}
        if "title" in changed and not changed["title"]:
            changed.pop("title")  # a standing item keeps its heading from the terms
        if "amount" in changed and changed["amount"] is None:
            changed.update(amount=0, financial=False)  # the money taken off the item
        return changed


def item_form(
    parent: QWidget | None, meeting: Any, *, excluding: str | None = None, **kw: Any
) -> ItemForm:
    """The item form with ``meeting``'s choices: the items a sub-item may go under
    (not ``excluding``, the item edited), the terms' decision types, the names of the
    meeting's people. The agenda builder and the meeting window's "Add item…" use it."""
    from secretary.domain.agenda_order import following_reference
    from secretary.domain.agenda_plan import plan

    parents = [
        (p.id, f"{p.number} {p.heading.render()}")
        for p in plan(meeting).items
        if not p.sub and p.id != excluding
    ]
    decision_types = [(rid, rule.name.render()) for rid, rule in meeting.terms.decisions.items()]
    people = [p.name for p in meeting.people.values()]
    if kw.get("planned") is None:
        kw.setdefault("next_reference", following_reference(meeting))
    return ItemForm(parent, parents=parents, decision_types=decision_types, people=people, **kw)


def run_refusal(controller: Any, operation: Callable[[], Any]) -> tuple[Any, str | None]:
    """Run ``operation`` through the meeting's controller for a form: (the event
    recorded, None), or (None, why not) so the form can say it and stay open."""
    from secretary.ui.live.forms import refusals_heard

    with refusals_heard(controller) as refused:
        event = controller.run(operation)
    if event is None and refused:
        return None, refused[-1]
    return event, None


# --------------------------------------------------------------------------- a proposal

KIND_WORDS = {"recurrent": "recurrent", "non-recurrent": "non-recurrent"}


def current_financial_year(today: dt.date | None = None) -> str:
    """'2026/27' for a day from April 2026 to March 2027."""
    today = today or dt.date.today()
    start = today.year if today.month >= 4 else today.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def parse_amount(text: str) -> Decimal | None:
    """'£1,250.50' -> 1250.50 as the proposal's domain reads it; None when it is not a
    finite number."""
    from secretary.domain.proposal import pounds  # the forms open after the first paint

    value = pounds(text)
    return value if value is not None and value.is_finite() else None


class CostLinesModel(QAbstractTableModel):
    """The cost lines typed in the proposal form (the form's own draft until it is
    recorded): line, recurrent or not, financial year, amount. Editable in place;
    the last row is always empty, ready for the next line."""

    LINE, KIND, YEAR, AMOUNT = range(4)

    def __init__(self, lines: list[dict[str, Any]] | None = None, parent: Any = None):
        super().__init__(parent)
        self.lines: list[dict[str, Any]] = [dict(x) for x in (lines or [])]

    def kind_text(self, kind: str) -> str:
        return self.tr("recurrent") if kind == "recurrent" else self.tr("non-recurrent")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        names = (
            self.tr("Cost line"),
            self.tr("Recurrent?"),
            self.tr("Financial year"),
            self.tr("Amount (£)"),
        )
        return names[section] if 0 <= section < 4 else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() <= len(self.lines):
            return None
        if index.row() == len(self.lines):  # the empty row for the next line
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Type here to add a cost line")
            return None
        line = self.lines[index.row()]
        c = index.column()
        if role == DISPLAY:
            if c == self.LINE:
                return line.get("line", "")
            if c == self.KIND:
                return self.kind_text(line.get("kind", "non-recurrent"))
            if c == self.YEAR:
                return line.get("year", "")
            if c == self.AMOUNT:
                amount = parse_amount(str(line.get("amount", "")))
                return i18n.money(float(amount)) if amount is not None else line.get("amount", "")
        if role == EDIT:
            key = ("line", "kind", "year", "amount")[c]
            return str(line.get(key, ""))
        if role == Qt.ItemDataRole.TextAlignmentRole and c == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if not index.isValid() or role != EDIT or not 0 <= index.row() <= len(self.lines):
            return False
        text = str(value).strip()
        if index.row() == len(self.lines):
            if not text:
                return False
            self.beginInsertRows(QModelIndex(), len(self.lines) + 1, len(self.lines) + 1)
            self.lines.append(
                {
                    "line": "",
                    "kind": "non-recurrent",
                    "year": current_financial_year(),
                    "amount": "",
                }
            )
            self.endInsertRows()
        key = ("line", "kind", "year", "amount")[index.column()]
        self.lines[index.row()][key] = text
        self.dataChanged.emit(index, index)
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or row < 0 or count < 1 or row + count > len(self.lines):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self.lines[row : row + count]
        self.endRemoveRows()
        return True

    def total(self) -> Decimal | None:
        """The total of the lines typed so far (None while an amount is not a number)."""
        amounts = [parse_amount(str(x.get("amount", ""))) for x in self.lines]
        if any(a is None for a in amounts):
            return None
        return sum((a for a in amounts if a is not None), Decimal(0))

    def costs(self) -> list[dict[str, Any]]:
        """The lines as the domain's form takes them (amounts as numbers where they are)."""
        out = []
        for x in self.lines:
            amount = parse_amount(str(x.get("amount", "")))
            out.append(
                {
                    "line": x.get("line", ""),
                    "kind": x.get("kind", ""),
                    "year": x.get("year", ""),
                    "amount": float(amount) if amount is not None else x.get("amount", ""),
                }
            )
        return out


class KindDelegate(QStyledItemDelegate):
    """Recurrent or non-recurrent, chosen from two."""

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        box = QComboBox(parent)
        model = index.model()
        assert isinstance(model, CostLinesModel)
        for kind in ("non-recurrent", "recurrent"):
            box.addItem(model.kind_text(kind), kind)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(EDIT) or "non-recurrent")))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), EDIT)


class ProposalForm(QDialog):
    """An investment proposal on the cluster proposal template (ToR 3.2.2, Appendix 1)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        priorities: Any = (),
        proposal: Any = None,
        item_label: str = "",
    ):
        super().__init__(parent)
        self.submit: Callable[[], str | None] | None = None  # as ItemForm's
        self.setWindowTitle(self.tr("Investment proposal"))
        layout = QVBoxLayout(self)
        if item_label:
            about = QLabel(self.tr("For the agenda item {0}").format(item_label), self)
            about.setWordWrap(True)
            layout.addWidget(about)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.priority = QComboBox(self)
        self.priority.setEditable(True)  # the terms' priorities, or free text
        self.priority_names = tuple(priorities)  # the terms' (domain Names)
        self.priority.addItems([p.render() for p in self.priority_names])
        self.priority.setCurrentIndex(-1)
        self.priority.setEditText("")
        self.lead = QLineEdit(self)
        self.description = QPlainTextEdit(self)
        self.outcomes = QPlainTextEdit(self)
        for box in (self.description, self.outcomes):
            box.setTabChangesFocus(True)  # Tab goes on to the next field
            # Room for a paragraph; the costs table below takes the rest of the height.
            box.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 10)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("Cluster IMTP &priority"), self.priority)
        form.addRow(self.tr("&Lead"), self.lead)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("&Outcome measures"), self.outcomes)
        layout.addLayout(form)
        costs_label = QLabel(self.tr("&Costs (all of them, by line and financial year)"), self)
        layout.addWidget(costs_label)
        self.costs_model = CostLinesModel(self._lines_of(proposal), self)
        self.costs = QTableView(self)
        costs_label.setBuddy(self.costs)
        self.costs.setModel(self.costs_model)
        self.costs.setItemDelegateForColumn(CostLinesModel.KIND, KindDelegate(self.costs))
        self.costs.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.costs.verticalHeader().hide()
        self.costs.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 3 // 2)
        self.costs.setMinimumHeight(self.fontMetrics().height() * 3 // 2 * 6)
        header = self.costs.horizontalHeader()
        header.setSectionResizeMode(CostLinesModel.LINE, QHeaderView.ResizeMode.Stretch)
        for col in (CostLinesModel.KIND, CostLinesModel.YEAR, CostLinesModel.AMOUNT):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.costs, 1)
        row = QHBoxLayout()
        self.remove_line = QPushButton(self.tr("Re&move the cost line"), self)
        self.remove_line.clicked.connect(self.remove_selected_line)
        row.addWidget(self.remove_line)
        row.addStretch(1)
        self.total = QLabel(self)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.total)
        layout.addLayout(row)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.record_button = buttons.addButton(
            self.tr("&Record the proposal"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.record_button.setDefault(True)
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for signal in (
            self.costs_model.dataChanged,
            self.costs_model.rowsInserted,
            self.costs_model.rowsRemoved,
        ):
            signal.connect(self.update_total)
        if proposal is not None:
            self.title.setText(proposal.title)
            # A priority of the terms is kept in English: shown in the window's language.
            known = [
                n
                for n, p in enumerate(self.priority_names)
                if proposal.priority.casefold() in (p.en.casefold(), p.cy.casefold())
            ]
            if known:
                self.priority.setCurrentIndex(known[0])
            else:
                self.priority.setEditText(proposal.priority)
            self.lead.setText(proposal.lead)
            self.description.setPlainText(proposal.description)
            self.outcomes.setPlainText(proposal.outcomes)
        self.update_total()
        fm = self.fontMetrics()
        height = fm.lineSpacing() * 40
        screen = self.screen()
        if screen is not None:  # a 1366x768 laptop: never taller than the screen
            height = min(height, screen.availableGeometry().height() - 60)
        self.resize(fm.averageCharWidth() * 110, height)
        self.proposal: Any = None

    @staticmethod
    def _lines_of(proposal: Any) -> list[dict[str, Any]]:
        if proposal is None:
            return []
        return [
            {"line": c.line, "kind": c.kind, "year": c.year, "amount": str(c.amount)}
            for c in proposal.costs
        ]

    @Slot()
    def update_total(self, *_: Any) -> None:
        total = self.costs_model.total()
        if total is None:
            self.total.setText(self.tr("Total: — (an amount is not a number)"))
        else:
            self.total.setText(self.tr("Total: {0}").format(i18n.money(float(total))))

    @Slot()
    def remove_selected_line(self) -> None:
        row = self.costs.currentIndex().row()
        if 0 <= row < len(self.costs_model.lines):
            self.costs_model.removeRows(row, 1)

    def fields(self) -> dict[str, Any]:
        """The form as data (the same fields as ``secretary agenda proposal FILE``)."""
        return {
            "title": self.title.text(),
            "priority": self.priority.currentText(),
            "lead": self.lead.text(),
            "description": self.description.toPlainText(),
            "outcomes": self.outcomes.toPlainText(),
            "costs": self.costs_model.costs(),
        }

    @Slot()
    def check_and_accept(self) -> None:
        """The domain checks the form (every field, every line); its one-line refusal
        is shown here and the form stays open."""
        from secretary.domain.proposal import ProposalError, check_proposal

        try:
            self.proposal = check_proposal(self.fields(), self.priority_names)
        except ProposalError as exc:
            self.problem.setText(str(exc))
            return
        refusal = self.submit() if self.submit is not None else None
        if refusal:  # the record refused it (the item decided meanwhile): said here
            self.problem.setText(refusal)
            return
        self.accept()


# --------------------------------------------------------------------------- issuing


class IssueForm(QDialog):
    """Issue the pack: the date it goes out, and what the terms say about that date
    (the domain's warnings), plainly, before the secretary confirms. An interim
    meeting (5.1) is said here too, with the day it was called."""

    def __init__(
        self,
        parent: QWidget | None,
        warnings_for: Any,
        today: dt.date | None = None,
        *,
        interim: bool = False,
        called_on: dt.date | None = None,
    ):
        """``warnings_for(on, interim, called_on) -> list[str]``: the domain's warnings
        for issuing on ``on``, the meeting interim (or not) and called on ``called_on``."""
        super().__init__(parent)
        self.warnings_for = warnings_for
        self.setWindowTitle(self.tr("Issue the pack"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Record that the agenda and papers went out to the members (terms of "
                "reference 5.5). The agenda as it is now becomes the issued agenda; "
                "later changes are recorded and shown as changes."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        today = today or dt.date.today()
        self.on = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("d MMMM yyyy")
        form.addRow(self.tr("Sent &on"), self.on)
        self.interim = QCheckBox(self.tr("Interi&m meeting (terms of reference 5.1), called on"))
        self.interim.setChecked(interim)
        called = called_on or today
        self.called_on = QDateEdit(QDate(called.year, called.month, called.day), self)
        self.called_on.setCalendarPopup(True)
        self.called_on.setDisplayFormat("d MMMM yyyy")
        self.called_on.setEnabled(interim)
        self.interim.toggled.connect(self.called_on.setEnabled)
        form.addRow(self.interim, self.called_on)
        layout.addLayout(form)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.warnings)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.issue_button = buttons.addButton(
            self.tr("&Issue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.issue_button.setDefault(True)  # Enter issues (after the warnings are read)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.on.dateChanged.connect(self.show_warnings)
        self.interim.toggled.connect(self.show_warnings)
        self.called_on.dateChanged.connect(self.show_warnings)
        self.show_warnings()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def date(self) -> dt.date:
        return _day(self.on)

    def called(self) -> tuple[bool, dt.date | None]:
        """(interim, the day the meeting was called) as the form says."""
        if not self.interim.isChecked():
            return False, None
        return True, _day(self.called_on)

    @Slot()
    def show_warnings(self, *_: Any) -> None:
        interim, called_on = self.called()
        found = list(self.warnings_for(self.date(), interim, called_on))
        if found:
            self.warnings.setStyleSheet("color: #8a4b00; font-weight: bold;")
            self.warnings.setText("\n".join("⚠ " + w for w in found))
            self.issue_button.setText(self.tr("&Issue anyway"))
        else:
            self.warnings.setStyleSheet("color: #1b6e35;")
            self.warnings.setText(self.tr("In time: the terms' notice is met."))
            self.issue_button.setText(self.tr("&Issue"))


def _day(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())
