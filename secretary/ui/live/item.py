"""The item in focus: minute notes (autosaved), declarations of interest and
proxies, the decision (consensus or a vote with a live tally), actions and
financial log entries.

One module (over 400 lines): the item panel's tabs (notes, declarations, decision,
actions, financial log) share the item in focus and its refresh; their delegates and
small widgets live with them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
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
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.agenda import item_heading
from secretary.domain.finance import (
    authorised_signatories,
    decision_stands,
    financial_entry_problem,
    ratified_here,
)
from secretary.domain.votes import BLOCKED, CARRIED
from secretary.i18n import language
from secretary.ui.controller import MeetingController
from secretary.ui.models import (
    ActionsModel,
    DeclarationsModel,
    ProxiesModel,
    VoteModel,
    choice_label,
    fold,
    money,
)
from secretary.ui.shortcuts import is_window_shortcut

AUTOSAVE_MS = 1000


def _table(model: Any, parent: QWidget, stretch: int) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() * 3 // 2)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class NotesEditor(QPlainTextEdit):
    """Minute notes of the item in focus: saved as a ``note`` event after a
    second of quiet, when the focus moves to another item, when the editor
    loses the keyboard and when the window closes. Text that could not be
    recorded stays in the editor and is tried again."""

    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.item: str | None = None
        self.dirty = False
        self._loading = False
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.setTabChangesFocus(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)
        self.textChanged.connect(self.on_text_changed)
        controller.focus_changed.connect(self.on_focus_changed)
        controller.meeting_changed.connect(self.on_meeting_changed)
        self.load(controller.focus)

    def load(self, item: str | None) -> None:
        self.item = item
        self._loading = True
        try:
            self.setPlainText(self.controller.meeting.notes.get(item, "") if item else "")
        finally:
            self._loading = False
        self.dirty = False
        self.setReadOnly(item is None)
        self.setPlaceholderText(
            self.tr("Minute notes for this item — saved as you type.")
            if item
            else self.tr("Choose an agenda item to take its notes.")
        )

    @Slot()
    def on_text_changed(self) -> None:
        if self._loading or self.item is None:
            return
        self.dirty = True
        self.timer.start()

    @Slot()
    def save(self) -> bool:
        self.timer.stop()
        if not self.dirty or self.item is None:
            return True
        if self.item not in self.controller.meeting.items:
            return False
        if self.controller.save_note(self.item, self.toPlainText()):
            self.dirty = False
            return True
        return False

    @Slot(str)
    def on_focus_changed(self, item: str) -> None:
        self.save()  # the text belongs to the item it was typed for
        if (item or None) != self.item:
            self.load(item or None)

    @Slot()
    def on_meeting_changed(self) -> None:
        # After an undo the item may be gone, or its notes differ; typed text wins.
        if self.controller.focus != self.item:
            self.save()
            self.load(self.controller.focus)
        elif not self.dirty and self.item is not None:
            saved = self.controller.meeting.notes.get(self.item, "")
            if saved != self.toPlainText():
                self.load(self.item)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.save()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        # The window's keys (Ctrl+K consensus, Ctrl+D declare, ...) work from the
        # notes too; undo and redo stay the editor's (the typing, not the record).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and is_window_shortcut(event, keep=("undo", "redo"))
        ):
            event.ignore()
            return True
        return super().event(event)


class ChoiceDelegate(QStyledItemDelegate):
    """A for / against / abstain chooser in the Vote column."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem("", "")
        for choice in ("for", "against", "abstain"):
            combo.addItem(choice_label(choice), choice)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class VoteTable(QTableView):
    """F = for, A = against, B = abstain, Delete = clear; then the next group."""

    KEYS = {
        Qt.Key.Key_F: "for",
        Qt.Key.Key_A: "against",
        Qt.Key.Key_B: "abstain",
        Qt.Key.Key_Delete: None,
        Qt.Key.Key_Backspace: None,
    }

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        key = Qt.Key(event.key())
        if (
            key in self.KEYS
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and isinstance(model, VoteModel)
        ):
            r = self.currentIndex().row()
            if r >= 0 and model.voter(r) is not None:
                model.setData(model.index(r, VoteModel.VOTE), self.KEYS[key] or "")
                for nxt in range(r + 1, model.rowCount()):
                    if model.voter(nxt) is not None:
                        self.setCurrentIndex(model.index(nxt, VoteModel.VOTE))
                        break
                return
        super().keyPressEvent(event)


class DecisionPanel(QWidget):
    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b3261e; font-weight: bold;")
        layout.addWidget(self.refusal)

        row = QHBoxLayout()
        self.consensus_button = QPushButton(self.tr("Agreed &by consensus"), self)
        self.consensus_button.clicked.connect(self.record_consensus)
        row.addWidget(self.consensus_button)
        row.addStretch(1)
        self.clear_button = QPushButton(self.tr("Clear votes"), self)
        self.clear_button.clicked.connect(self.clear_votes)
        self.vote_button = QPushButton(self.tr("Rec&ord vote"), self)
        self.vote_button.clicked.connect(self.record_vote)
        row.addWidget(self.clear_button)
        row.addWidget(self.vote_button)
        layout.addLayout(row)

        self.model = VoteModel(controller, self)
        self.table = VoteTable(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(VoteModel.VOTE, ChoiceDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 3 // 2)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(VoteModel.GROUP, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(VoteModel.WHO, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VoteModel.VOTE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(VoteModel.GROUP, self.fontMetrics().averageCharWidth() * 26)
        layout.addWidget(self.table, 1)

        self.tally = QLabel(self)
        font = self.tally.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.tally.setFont(font)
        self.tally.setWordWrap(True)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        self.rejected = QLabel(self)
        self.rejected.setWordWrap(True)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.outcome.setFont(font)  # as large as the tally it replaces
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.tally, self.rule, self.rejected, self.outcome):
            layout.addWidget(label)

        money_row = QHBoxLayout()
        self.financial = QLabel(self)
        self.financial.setWordWrap(True)
        self.financial_button = QPushButton(self.tr("&Financial log entry…"), self)
        money_row.addWidget(self.financial, 1)
        money_row.addWidget(self.financial_button)
        layout.addLayout(money_row)

        for signal in (controller.attendance_changed, controller.focus_changed):
            signal.connect(self.refresh)
        controller.meeting_changed.connect(self.refresh)
        controller.vote_draft_changed.connect(self.refresh)
        self.refresh()

    @Slot()
    def refresh(self, *_: Any) -> None:
        c = self.controller
        item_id = c.focus
        why = c.decision_refusal(item_id)
        self.refusal.setText(why or "")
        self.refusal.setVisible(bool(why))
        has_item = item_id is not None
        for w in (self.consensus_button, self.vote_button, self.clear_button, self.table):
            w.setEnabled(has_item)
        if not has_item:
            for label in (self.tally, self.rule, self.rejected, self.outcome, self.financial):
                label.clear()
            self.financial_button.setEnabled(False)
            return
        assert item_id is not None
        item = c.meeting.items[item_id]
        preview = c.preview(item_id)
        rule = c.meeting.terms.rule_for(item.financial, item.decision_type)
        # What recording the draft would do is the domain's judgement (votes.tally_effect):
        # never "carried" on an item without decision quorum.
        effect = preview.effect
        if effect == BLOCKED:
            self.tally.setText(
                self.tr(
                    "For {f} · Against {a} · Abstain {b} — no decision can be taken: "
                    "not quorate for decisions"
                ).format(f=preview.for_, a=preview.against, b=preview.abstain)
            )
        else:
            self.tally.setText(
                self.tr("For {f} · Against {a} · Abstain {b} — needs {n} for; would be {w}").format(
                    f=preview.for_,
                    a=preview.against,
                    b=preview.abstain,
                    n=preview.required,
                    w=self.tr("carried") if effect == CARRIED else self.tr("not carried"),
                )
            )
        if rule is None:  # terms that decide by consensus only
            self.rule.setText(preview.statement(c.meeting).render())
        else:
            self.rule.setText(
                self.tr("Rule: {rule} — {needed}; eligible groups: {e}").format(
                    # the formula is English notation; in Welsh the rule's own name
                    rule=rule.describe() if language() == "en" else rule.name.render(),
                    needed=preview.how_needed().render(),
                    e=preview.eligible,
                )
            )
        rejected = [f"{c.person_name(r.voter)}: {r.reason.render()}" for r in preview.rejected]
        self.rejected.setText(
            self.tr("Not counted: {0}").format("; ".join(rejected)) if rejected else ""
        )
        self.rejected.setVisible(bool(rejected))
        decisions = c.meeting.decisions_for(item_id)
        self.outcome.setText(
            "\n".join(
                self.tr("Recorded: {0}").format(d.statement(c.meeting).render()) for d in decisions
            )
        )
        self.outcome.setVisible(bool(decisions))
        # Once a decision is recorded it is what the panel shows; an empty tally
        # ("For 0 · … would be not carried") beside it would contradict it. A new
        # vote being entered (a draft) brings the tally back.
        counting = bool(c.draft(item_id)) or not decisions
        self.tally.setVisible(counting)
        self.rule.setVisible(counting)
        self.rejected.setVisible(counting and bool(rejected))
        entries = [e for e in c.meeting.financial if e.item == item_id]
        self.financial_button.setEnabled(item.financial)
        if item.financial:
            lines = [
                self.tr("{amount} — {line}; authorised by {who}").format(
                    amount=money(e.amount),
                    line=e.budget_line or self.tr("no budget line"),
                    who=e.signatory or self.tr("(no signatory)"),
                )
                for e in entries
            ]
            self.financial.setText(
                self.tr("Financial log: {0}").format("; ".join(lines))
                if lines
                else self.tr("Financial log: no entry yet")
            )
        else:
            self.financial.setText("")

    @Slot()
    def record_consensus(self) -> bool:
        ok = self.controller.consensus(self.controller.focus)
        self.refresh()
        return ok

    @Slot()
    def record_vote(self) -> bool:
        ok = self.controller.record_vote(self.controller.focus)
        self.refresh()
        return ok

    @Slot()
    def clear_votes(self) -> None:
        if self.controller.focus:
            self.controller.clear_votes(self.controller.focus)

    def start_vote(self) -> None:
        for r in range(self.model.rowCount()):
            if self.model.voter(r) is not None:
                self.table.setCurrentIndex(self.model.index(r, VoteModel.VOTE))
                break
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)


class ItemPanel(QWidget):
    """The header of the item in focus and its tabs."""

    NOTES, INTERESTS, DECISION, ACTIONS = range(4)

    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(self)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.header.setFont(font)
        self.header.setWordWrap(True)
        self.subheader = QLabel(self)
        self.subheader.setWordWrap(True)
        layout.addWidget(self.header)
        layout.addWidget(self.subheader)

        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)

        self.notes = NotesEditor(controller, self)
        self.tabs.addTab(self.notes, self.tr("&Notes"))

        interests = QWidget(self)
        il = QVBoxLayout(interests)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("<b>Declarations of interest</b>"), interests))
        row.addStretch(1)
        self.declare_button = QPushButton(self.tr("Dec&lare…"), interests)
        row.addWidget(self.declare_button)
        il.addLayout(row)
        self.declarations = DeclarationsModel(controller, self)
        self.declarations_view = _table(self.declarations, interests, DeclarationsModel.INTEREST)
        il.addWidget(self.declarations_view, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("<b>Proxies</b>"), interests))
        row.addStretch(1)
        self.proxy_button = QPushButton(self.tr("Register pr&oxy…"), interests)
        row.addWidget(self.proxy_button)
        il.addLayout(row)
        self.proxies = ProxiesModel(controller, self)
        self.proxies_view = _table(self.proxies, interests, ProxiesModel.NOW)
        il.addWidget(self.proxies_view, 1)
        self.tabs.addTab(interests, self.tr("Interests && pro&xies"))

        self.decision = DecisionPanel(controller, self)
        self.tabs.addTab(self.decision, self.tr("De&cision"))

        actions = QWidget(self)
        al = QVBoxLayout(actions)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("<b>Actions from this item</b>"), actions))
        row.addStretch(1)
        self.action_button = QPushButton(self.tr("Add acti&on…"), actions)
        row.addWidget(self.action_button)
        al.addLayout(row)
        self.actions_model = ActionsModel(controller, self)
        self.actions_view = _table(self.actions_model, actions, ActionsModel.TEXT)
        al.addWidget(self.actions_view, 1)
        self.tabs.addTab(actions, self.tr("Ac&tions"))

        # Alt+N / Alt+X / Alt+C / Alt+T (a tab's mnemonic; Welsh Alt+N / B / R / M) also
        # moves the keyboard into the tab, so what is typed next lands there, not in the
        # search box. Every mnemonic of the window is one letter once (test_ui_mnemonics).
        self.tabs.tabBar().installEventFilter(self)
        self.declare_button.clicked.connect(self.declare)
        self.proxy_button.clicked.connect(self.register_proxy)
        self.action_button.clicked.connect(self.add_action)
        self.decision.financial_button.clicked.connect(self.add_financial_entry)
        controller.focus_changed.connect(self.refresh)
        controller.meeting_changed.connect(self.refresh)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tabs.tabBar() and event.type() == QEvent.Type.Shortcut:
            QTimer.singleShot(0, self.focus_tab)
        return super().eventFilter(watched, event)

    @Slot()
    def focus_tab(self) -> None:
        """The keyboard into the current tab: the notes, the vote, the lists."""
        index = self.tabs.currentIndex()
        if index == self.NOTES:
            self.notes.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif index == self.DECISION:
            self.decision.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif index == self.INTERESTS:
            self.declarations_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif index == self.ACTIONS:
            self.actions_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def refresh(self, *_: Any) -> None:
        c = self.controller
        item_id = c.focus
        if item_id is None or item_id not in c.meeting.items:
            self.header.setText(self.tr("No item in focus"))
            self.subheader.setText(
                self.tr(
                    "Choose an item on the agenda: the quorum banner "
                    "then judges it, withdrawals applied."
                )
            )
        else:
            item = c.meeting.items[item_id]
            self.header.setText(c.item_label(item_id))
            parts = []
            if item.presenter:
                parts.append(self.tr("Presented by {0}").format(item.presenter))
            if item.financial:
                parts.append(
                    self.tr("Financial decision{0}").format(
                        f" ({money(item.amount)})" if item.amount is not None else ""
                    )
                )
                left = self.budget_remaining(item.budget_line)
                if left is not None:
                    parts.append(
                        self.tr("{0} of {1} remaining on {2}").format(
                            money(float(left[0])), money(float(left[1])), item.budget_line
                        )
                    )
            self.subheader.setText(" · ".join(parts))
        n = self.declarations.rowCount()
        self.tabs.setTabText(
            self.INTERESTS,
            self.tr("Interests && pro&xies ({0})").format(n)
            if n
            else self.tr("Interests && pro&xies"),
        )
        n = self.actions_model.rowCount()
        self.tabs.setTabText(
            self.ACTIONS, self.tr("Ac&tions ({0})").format(n) if n else self.tr("Ac&tions")
        )

    def budget_remaining(self, line: str) -> tuple[Any, Any] | None:
        """(remaining, allocated) on a financial item's budget line, this meeting's
        decisions included; the cluster's budget and other meetings read once."""
        if not line:
            return None
        from secretary.app.budget import budget_context, remaining_on

        c = self.controller
        if not hasattr(self, "_budget"):
            from secretary.store.errors import RecordError

            try:
                self._budget = budget_context(c.live.record, c.live.meeting_id)
            except RecordError:  # the record cannot be read now: no figure, no guess
                self._budget = None
        if self._budget is None:
            return None
        return remaining_on(self._budget, c.meeting, line)

    # ------------------------------------------------------------------ dialogs

    def _dialog(self, dialog: QDialog, on_accept: Any) -> QDialog:
        dialog.accepted.connect(on_accept)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def declare(self) -> QDialog:
        self.tabs.setCurrentIndex(self.INTERESTS)
        dialog = DeclareDialog(self.controller, self)
        return self._dialog(dialog, lambda: self.controller.declare(**dialog.values()))

    @Slot()
    def register_proxy(self) -> QDialog:
        self.tabs.setCurrentIndex(self.INTERESTS)
        dialog = ProxyDialog(self.controller, self)
        return self._dialog(dialog, lambda: self.controller.register_proxy(**dialog.values()))

    @Slot()
    def add_action(self) -> QDialog:
        self.tabs.setCurrentIndex(self.ACTIONS)
        dialog = ActionDialog(self.controller, self)
        return self._dialog(dialog, lambda: self.controller.add_action(**dialog.values()))

    @Slot()
    def add_financial_entry(self) -> QDialog | None:
        item = self.controller.focus
        if item is None or not self.controller.meeting.items[item].financial:
            self.controller.refuse(self.tr("The financial log is for financial items."))
            return None
        self.tabs.setCurrentIndex(self.DECISION)
        m = self.controller.meeting
        # Refused before any typing: money the meeting has not committed, or no one
        # present who may sign for it (the domain's judgement, domain.finance).
        if not (decision_stands(m, item) or ratified_here(m, item)):
            problem = financial_entry_problem(m, item, "")
            if problem is not None:
                self.controller.refuse(problem.render())
                return None
        if not present_signatories(m):
            self.controller.refuse(
                self.tr(
                    "No Health Board authorised signatory is present: the financial log "
                    "entry needs one at the meeting."
                )
            )
            return None
        dialog = FinancialDialog(self.controller, self)
        return self._dialog(dialog, lambda: self.controller.add_financial_entry(**dialog.values()))


# --------------------------------------------------------------------------- dialogs


def _buttons(dialog: QDialog, layout: QFormLayout) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addRow(buttons)
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


class DeclareDialog(QDialog):
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


class ProxyDialog(QDialog):
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


class ActionDialog(QDialog):
    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Add an action"))
        layout = QFormLayout(self)
        self.ref = QLabel(controller.next_action_ref(controller.focus), self)
        self.text = QLineEdit(self)
        self.owner = QComboBox(self)
        self.owner.setEditable(True)
        self.owner.addItem("")
        for p in controller.meeting.people.values():
            self.owner.addItem(p.name)
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
            "owner": self.owner.currentText(),
            "due": self.due.date().toString("yyyy-MM-dd") if self.has_due.isChecked() else None,
        }


class FinancialDialog(QDialog):
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
