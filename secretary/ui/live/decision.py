"""The Decision tab of the item panel: consensus, a vote with its live tally, and
the item's financial log. Built the first time the tab is shown (ItemPanel.decision),
not at the window's start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.votes import BLOCKED, CARRIED
from secretary.i18n import language
from secretary.ui.controller import MeetingController
from secretary.ui.models import VoteModel, choice_label, money

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


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
        self.another_decision_box: QMessageBox | None = None  # while it asks
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
        if not self.another_decision_wanted():
            return False
        ok = self.controller.consensus(self.controller.focus)
        self.refresh()
        return ok

    @Slot()
    def record_vote(self) -> bool:
        if not self.another_decision_wanted():
            return False
        ok = self.controller.record_vote(self.controller.focus)
        self.refresh()
        return ok

    def another_decision_wanted(self) -> bool:
        """An item already decided (carried, or agreed) takes a second decision only
        when the secretary says so: the key pressed twice, or once on the wrong item,
        would otherwise put two decisions in the minutes. The answer defaults to No."""
        item = self.controller.focus
        if item is None or self.controller.meeting.decided(item) is None:
            return True
        box = self.already_decided_box(item)
        self.another_decision_box = box
        box.exec()
        self.another_decision_box = None
        if box.clickedButton() is not box.another:  # type: ignore[attr-defined]
            self.controller.refuse(
                self.tr("{item} is already decided.").format(item=self.controller.item_label(item))
            )
            return False
        return True

    def already_decided_box(self, item: str) -> QMessageBox:
        """The question asked before a second decision on ``item`` (decided)."""
        from PySide6.QtWidgets import QMessageBox  # a dialog's class: made when needed

        standing = self.controller.meeting.decided(item)
        assert standing is not None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Already decided"),
            self.tr("{item} is already decided ({at}): {outcome}").format(
                item=self.controller.item_label(item),
                outcome=standing.statement(self.controller.meeting).render(),
                at=standing.at or "",
            ),
            parent=self,
        )
        box.setInformativeText(
            self.tr(
                "Record another decision on it as well? If the decision recorded is wrong, "
                "undo it (Ctrl+Z) instead."
            )
        )
        box.another = box.addButton(  # type: ignore[attr-defined]
            self.tr("Record &another decision"), QMessageBox.ButtonRole.YesRole
        )
        keep = box.addButton(self.tr("&Keep the one decision"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        return box

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
