"""The item in focus: its heading and tabs -- the minute notes (autosaved),
declarations of interest and proxies, the decision, actions.

The Decision tab (secretary/ui/live/decision.py) and the dialogs the tabs open
(item_dialogs.py) are modules of their own, imported when first shown: the window's
first paint shows the notes.

One module (a little over 400 lines): the panel, its notes editor and the pages made
when first shown share the item in focus and its refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.finance import decision_stands, financial_entry_problem, ratified_here
from secretary.ui.controller import MeetingController
from secretary.ui.models import ActionsModel, DeclarationsModel, ProxiesModel, money
from secretary.ui.shortcuts import is_window_shortcut

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from secretary.ui.live.decision import DecisionPanel

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


class LazyPage(QWidget):
    """A tab's page whose content is made by ``make`` the first time the page is
    shown (the tab chosen) or its content asked for."""

    def __init__(self, make: Callable[[QWidget], QWidget], parent: QWidget):
        super().__init__(parent)
        self._make: Callable[[QWidget], QWidget] | None = make
        self._content: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def content(self) -> QWidget:
        if self._content is None:
            assert self._make is not None
            make, self._make = self._make, None
            self._content = make(self)
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._content)
            if self.isVisible():  # made as the page shows: its children are shown already
                self._content.show()
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)


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

        # The other tabs' pages are made the first time they are shown or asked for,
        # not for the window's first paint; their models count from the start (the
        # tabs' titles say how many declarations and actions there are).
        self.declarations = DeclarationsModel(controller, self)
        self.proxies = ProxiesModel(controller, self)
        self.actions_model = ActionsModel(controller, self)
        self.tabs.addTab(LazyPage(self._interests_page, self), self.tr("Interests && pro&xies"))
        self.tabs.addTab(LazyPage(self._decision_page, self), self.tr("De&cision"))
        self.tabs.addTab(LazyPage(self._actions_page, self), self.tr("Ac&tions"))
        self.tabs.currentChanged.connect(self._page)

        # Alt+N / Alt+X / Alt+C / Alt+T (a tab's mnemonic; Welsh Alt+N / B / R / M) also
        # moves the keyboard into the tab, so what is typed next lands there, not in the
        # search box. Every mnemonic of the window is one letter once (test_ui_mnemonics).
        self.tabs.tabBar().installEventFilter(self)
        controller.focus_changed.connect(self.refresh)
        controller.meeting_changed.connect(self.refresh)
        self.refresh()

    def _page(self, index: int) -> QWidget:
        """The content of tab ``index``, made now if it was not yet."""
        page = self.tabs.widget(index)
        assert page is not None
        return page.content() if isinstance(page, LazyPage) else page

    def _interests_page(self, parent: QWidget) -> QWidget:
        interests = QWidget(parent)
        il = QVBoxLayout(interests)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("<b>Declarations of interest</b>"), interests))
        row.addStretch(1)
        self.declare_button = QPushButton(self.tr("Dec&lare…"), interests)
        self.declare_button.clicked.connect(self.declare)
        row.addWidget(self.declare_button)
        il.addLayout(row)
        self._declarations_view = _table(self.declarations, interests, DeclarationsModel.INTEREST)
        il.addWidget(self._declarations_view, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("<b>Proxies</b>"), interests))
        row.addStretch(1)
        self.proxy_button = QPushButton(self.tr("Register pr&oxy…"), interests)
        self.proxy_button.clicked.connect(self.register_proxy)
        row.addWidget(self.proxy_button)
        il.addLayout(row)
        self.proxies_view = _table(self.proxies, interests, ProxiesModel.NOW)
        il.addWidget(self.proxies_view, 1)
        return interests

    def _decision_page(self, parent: QWidget) -> QWidget:
        from secretary.ui.live.decision import DecisionPanel

        panel = DecisionPanel(self.controller, parent)
        panel.financial_button.clicked.connect(self.add_financial_entry)
        return panel

    def _actions_page(self, parent: QWidget) -> QWidget:
        actions = QWidget(parent)
        al = QVBoxLayout(actions)
        # The heading on a line of its own, the buttons under it: side by side, the
        # Welsh labels made the panel (and the window) wider than a 1366-pixel screen.
        heading = QLabel(self.tr("<b>Actions from this item</b>"), actions)
        heading.setWordWrap(True)
        al.addWidget(heading)
        row = QHBoxLayout()
        row.addStretch(1)
        self.update_action_button = QPushButton(self.tr("&Update action…"), actions)
        self.update_action_button.clicked.connect(self.update_action)
        row.addWidget(self.update_action_button)
        self.action_button = QPushButton(self.tr("Add acti&on…"), actions)
        self.action_button.clicked.connect(self.add_action)
        row.addWidget(self.action_button)
        al.addLayout(row)
        self._actions_view = _table(self.actions_model, actions, ActionsModel.TEXT)
        self._actions_view.doubleClicked.connect(self.update_action)
        al.addWidget(self._actions_view, 1)
        return actions

    @property
    def decision(self) -> DecisionPanel:
        return cast("DecisionPanel", self._page(self.DECISION))

    @property
    def declarations_view(self) -> QTableView:
        self._page(self.INTERESTS)
        return self._declarations_view

    @property
    def actions_view(self) -> QTableView:
        self._page(self.ACTIONS)
        return self._actions_view

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
        from secretary.ui.live.forms import RecordingForm

        assert isinstance(dialog, RecordingForm)
        dialog.record_on_ok(self.controller, on_accept)  # a refusal keeps it open
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def declare(self) -> QDialog:
        self.tabs.setCurrentIndex(self.INTERESTS)
        from secretary.ui.live.item_dialogs import DeclareDialog

        dialog = DeclareDialog(self.controller, self)
        return self._dialog(dialog, lambda: self.controller.declare(**dialog.values()))

    @Slot()
    def register_proxy(self) -> QDialog:
        self.tabs.setCurrentIndex(self.INTERESTS)
        from secretary.ui.live.item_dialogs import ProxyDialog

        dialog = ProxyDialog(self.controller, self)
        return self._dialog(dialog, lambda: self.controller.register_proxy(**dialog.values()))

    @Slot()
    def add_action(self) -> QDialog:
        self.tabs.setCurrentIndex(self.ACTIONS)
        from secretary.ui.live.item_dialogs import ActionDialog

        dialog = ActionDialog(self.controller, self)
        return self._dialog(dialog, lambda: self.controller.add_action(**dialog.values()))

    @Slot()
    def update_action(self, *_: Any) -> QDialog | None:
        """Progress on the action chosen in the list (the only one, if one): its status,
        a note, a new due date -- a carried action is closed so."""
        self.tabs.setCurrentIndex(self.ACTIONS)
        view = self.actions_view
        rows = self.actions_model.rowCount()
        current = view.currentIndex()
        row = current.row() if current.isValid() else (0 if rows == 1 else -1)
        if row < 0:
            self.controller.refuse(
                self.tr("Choose the action in the list first.")
                if rows
                else self.tr("This item has no actions to update.")
            )
            return None
        from secretary.ui.live.item_dialogs import ActionUpdateDialog

        dialog = ActionUpdateDialog(self.controller, self.actions_model.row_key(row), self)
        return self._dialog(dialog, lambda: self.controller.update_action(**dialog.values()))

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
        from secretary.ui.live.item_dialogs import FinancialDialog, present_signatories

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
