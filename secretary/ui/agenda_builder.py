"""Meeting ▸ Agenda and papers…: build the agenda before the meeting (issue 19).

The items of the meeting in order with their papers (``AgendaPlanModel``, read from
the domain's plan of the meeting's events), and what a secretary does a week ahead:
add, edit, withdraw and reorder items (buttons, Ctrl+Up / Ctrl+Down, or drag a row);
attach a paper, withdraw one, save one as a file again; an investment proposal on the
cluster template; issue the pack (the terms' warnings shown before it is recorded);
the agenda document and the pack, written off the window's thread.

Every change is an operation of ``secretary.app.agenda`` run through the window's
controller (``MeetingController.run``): recorded at once, then the views refresh.

One module (over 400 lines): the dialog and the few steps it runs (each a form, an
operation and what it says); the forms are ui/agenda_forms.py, the models
ui/agenda_model.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretary import i18n
from secretary.domain.agenda_order import block_of, dropped, moves, new_position, parents_of
from secretary.ui.agenda_forms import IssueForm, ItemForm, ProposalForm, item_form, run_refusal
from secretary.ui.agenda_model import AgendaPlanModel, PapersModel, paper_label, purpose_text

if TYPE_CHECKING:
    from secretary.ui.main_window import MainWindow

# The dialog's own keys: none of them is a key of the meeting window (a test checks).
MOVE_UP_KEYS = ("Ctrl+Up",)
MOVE_DOWN_KEYS = ("Ctrl+Down",)
PAPER_FILTER_EXTENSIONS = "*.docx *.doc *.odt *.pdf *.xlsx *.xls *.ods *.csv *.pptx"


class AgendaBuilder(QDialog):
    """The agenda and papers of the meeting, built before it (see the module's text)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.controller = c = window.controller
        self.setWindowTitle(self.tr("Agenda and papers — {0}").format(c.info.title))
        self.form: QDialog | None = None  # the form open now (tests drive it)

        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        items_row = QHBoxLayout()
        self.add_button = self._button(self.tr("&Add item…"), self.add_item)
        self.edit_button = self._button(self.tr("&Edit item…"), self.edit_item)
        self.withdraw_button = self._button(self.tr("&Withdraw item…"), self.withdraw_item)
        self.up_button = self._button(self.tr("Move &up"), self.move_up)
        self.down_button = self._button(self.tr("Move &down"), self.move_down)
        self.proposal_button = self._button(self.tr("Investment pr&oposal…"), self.edit_proposal)
        for b in (
            self.add_button,
            self.edit_button,
            self.withdraw_button,
            self.up_button,
            self.down_button,
            self.proposal_button,
        ):
            items_row.addWidget(b)
        items_row.addStretch(1)
        layout.addLayout(items_row)

        self.model = AgendaPlanModel(c, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Agenda items"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AgendaPlanModel.TITLE, QHeaderView.ResizeMode.Stretch)
        fm = self.table.fontMetrics()
        pad = fm.averageCharWidth() * 3
        for col, sample in (
            (AgendaPlanModel.NUMBER, "10.10"),
            (AgendaPlanModel.REF, "UVC/26/10"),
            (AgendaPlanModel.PRESENTER, "Dr Rhian Evans"),
            (AgendaPlanModel.PURPOSE, self.model.headerData(4, Qt.Orientation.Horizontal) or ""),
            (AgendaPlanModel.STARTS, "00:00"),
            (AgendaPlanModel.DURATION, "120 min"),
            (AgendaPlanModel.AMOUNT, "£100,000"),
            (AgendaPlanModel.PAPERS, "Paper 10a, 10b"),
        ):
            self.table.setColumnWidth(col, fm.horizontalAdvance(str(sample)) + pad)
        self.table.setColumnWidth(
            AgendaPlanModel.PURPOSE, fm.horizontalAdvance(purpose_text("ratification")) + pad
        )
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # Papers: all in its tooltip
        self.sample_widths = {
            col: self.table.columnWidth(col) for col in range(self.model.columnCount())
        }
        self.table.verticalHeader().setDefaultSectionSize(fm.height() * 3 // 2)
        # Queued: the order is recorded after the view has finished its drop.
        self.model.drop_requested.connect(self.drop, Qt.ConnectionType.QueuedConnection)
        self.table.activated.connect(self.edit_item)

        self.papers_model = PapersModel(self.model, self)
        self.papers = QTableView(self)
        self.papers.setModel(self.papers_model)
        self.papers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.papers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.papers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.papers.verticalHeader().hide()
        self.papers.setAccessibleName(self.tr("Papers of the item"))
        self.papers.verticalHeader().setDefaultSectionSize(fm.height() * 3 // 2)
        pheader = self.papers.horizontalHeader()
        pheader.setSectionResizeMode(PapersModel.TITLE, QHeaderView.ResizeMode.Stretch)
        pheader.setSectionResizeMode(PapersModel.FILE, QHeaderView.ResizeMode.Stretch)

        papers_box = QWidget(self)
        pl = QVBoxLayout(papers_box)
        pl.setContentsMargins(0, 0, 0, 0)
        self.papers_label = QLabel(papers_box)
        self.papers_label.setBuddy(self.papers)
        pl.addWidget(self.papers_label)
        pl.addWidget(self.papers, 1)
        paper_row = QHBoxLayout()
        self.attach_button = self._button(self.tr("A&ttach a paper…"), self.attach_paper)
        self.save_paper_button = self._button(self.tr("&Save the paper as…"), self.save_paper)
        self.withdraw_paper_button = self._button(
            self.tr("Withdraw the pape&r…"), self.withdraw_paper
        )
        for b in (self.attach_button, self.save_paper_button, self.withdraw_paper_button):
            paper_row.addWidget(b)
        paper_row.addStretch(1)
        pl.addLayout(paper_row)

        changes_box = QWidget(self)
        cl = QVBoxLayout(changes_box)
        cl.setContentsMargins(0, 0, 0, 0)
        self.issued = QLabel(changes_box)
        self.issued.setWordWrap(True)
        cl.addWidget(self.issued)
        self.changes = QLabel(changes_box)
        self.changes.setWordWrap(True)
        self.changes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        # Scrolled: an insertion after issue renumbers every item below it, a line each.
        changes_scroll = QScrollArea(changes_box)
        changes_scroll.setWidgetResizable(True)
        changes_scroll.setFrameShape(QFrame.Shape.NoFrame)
        changes_scroll.setWidget(self.changes)
        cl.addWidget(changes_scroll, 1)
        changes_box.setMinimumWidth(fm.averageCharWidth() * 55)

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(papers_box)
        lower.addWidget(changes_box)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setFixedHeight(self.message.fontMetrics().lineSpacing() * 2 + 4)
        layout.addWidget(self.message)

        pack_row = QHBoxLayout()
        self.export_button = self._button(self.tr("E&xport the agenda…"), self.export_agenda)
        self.pack_button = self._button(self.tr("&Build the pack…"), self.build_pack)
        self.issue_button = self._button(self.tr("&Issue the pack…"), self.issue)
        self.close_button = self._button(self.tr("&Close"), self.close)
        for b in (self.export_button, self.pack_button, self.issue_button):
            pack_row.addWidget(b)
        pack_row.addStretch(1)
        pack_row.addWidget(self.close_button)
        layout.addLayout(pack_row)

        self.move_up_action = self._action(self.tr("Move the item up"), MOVE_UP_KEYS, self.move_up)
        self.move_down_action = self._action(
            self.tr("Move the item down"), MOVE_DOWN_KEYS, self.move_down
        )
        self.up_button.setToolTip(
            QKeySequence(MOVE_UP_KEYS[0]).toString(QKeySequence.SequenceFormat.NativeText)
        )
        self.down_button.setToolTip(
            QKeySequence(MOVE_DOWN_KEYS[0]).toString(QKeySequence.SequenceFormat.NativeText)
        )

        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.model.modelReset.connect(self.on_plan_changed)
        self.model.dataChanged.connect(self.on_plan_changed)
        c.event_failed.connect(self.on_refused)
        self.on_plan_changed()
        self._size_to_screen()
        # Nothing selected at first: a new item then goes before any other business;
        # Down chooses the first item.
        self.table.setFocus()

    # ------------------------------------------------------------------ building

    def showEvent(self, event: QShowEvent) -> None:
        self.model.follow(True)  # the plan as the record has it now
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        # Kept once opened: hidden, its plan is not worked out at every change
        # recorded in the meeting window (half a millisecond each).
        self.model.follow(False)
        super().hideEvent(event)

    def _button(self, text: str, handler: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)  # Enter in the table edits the item, never a button
        button.clicked.connect(lambda *_: handler())
        return button

    def _action(self, text: str, keys: tuple[str, ...], handler: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda *_: handler())
        self.addAction(action)
        return action

    def _size_to_screen(self) -> None:
        """Most of a 1366x768 laptop's screen, never more than it has."""
        screen = self.window_.screen() if self.window_ is not None else None
        if screen is None:
            self.resize(1200, 680)
            return
        avail = screen.availableGeometry()
        self.resize(min(1240, avail.width() - 40), min(700, avail.height() - 40))

    # ------------------------------------------------------------------ reading

    def selected_item(self) -> str | None:
        """The item selected (highlighted), not merely the row the keyboard is on."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_key(rows[0].row()) if rows else None

    def selected_paper(self) -> Any:
        index = self.papers.currentIndex()
        return self.papers_model.paper_at(index.row()) if index.isValid() else None

    def select_item(self, item: str | None) -> None:
        r = self.model.row_of(item)
        if r >= 0:
            self.table.selectRow(r)
            self.table.scrollTo(self.model.index(r, 0))

    @Slot()
    def on_selection_changed(self, *_: Any) -> None:
        self.papers_model.show_item(self.selected_item())
        self._enable()

    def _papers_heading(self) -> None:
        planned = self.model.planned(self.selected_item())
        self.papers_label.setText(
            self.tr("Pa&pers of item {0}").format(planned.number)
            if planned is not None
            else self.tr("Pa&pers of the item (choose an item above)")
        )

    # Columns sized to what they hold (never narrower than their sample or heading);
    # the papers may be many: elided past this many characters, listed in the tooltip.
    FITTED = (
        AgendaPlanModel.NUMBER,
        AgendaPlanModel.REF,
        AgendaPlanModel.STARTS,
        AgendaPlanModel.DURATION,
        AgendaPlanModel.AMOUNT,
        AgendaPlanModel.PAPERS,
    )
    PAPERS_CHARS = 28

    def fit_columns(self) -> None:
        """Amount, Ref, Papers (and the other short columns) as wide as their widest
        cell or heading, so "£66,750.50" is never cut to "£66,750...."."""
        header = self.table.horizontalHeader()
        pad = self.table.fontMetrics().averageCharWidth() * 2
        for col in self.FITTED:
            wanted = max(
                self.sample_widths.get(col, 0),
                self.table.sizeHintForColumn(col) + pad,
                header.sectionSizeHint(col),
            )
            if col == AgendaPlanModel.PAPERS:
                most = self.table.fontMetrics().averageCharWidth() * self.PAPERS_CHARS
                wanted = min(wanted, max(most, self.sample_widths.get(col, 0)))
            self.table.setColumnWidth(col, wanted)

    @Slot()
    def on_plan_changed(self, *_: Any) -> None:
        self.fit_columns()
        plan = self.model.plan
        info = self.controller.info
        when = " ".join(x for x in (_day(info.date), info.start) if x)
        self.heading.setText(
            self.tr("<b>{title}</b> — {when}{venue}").format(
                title=_escape(info.title),
                when=_escape(when),
                venue=(", " + _escape(info.venue)) if getattr(info, "venue", "") else "",
            )
        )
        issued_on = getattr(plan, "issued_on", None)
        if issued_on:
            self.issued.setText(
                self.tr("<b>Issued on {0}.</b> Changes since then (rows shaded above):").format(
                    _day(issued_on)
                )
            )
            changes = [m.render() for m in getattr(plan, "changes", ())]
            self.changes.setText(
                "\n".join("• " + t for t in changes) if changes else self.tr("none")
            )
            self.issue_button.setText(self.tr("&Issue the pack again…"))
        else:
            self.issued.setText(self.tr("<b>Not issued yet.</b>"))
            self.changes.setText(
                self.tr(
                    "When the pack is issued, the agenda as it is then is the issued agenda; "
                    "changes after that are listed here."
                )
            )
            self.issue_button.setText(self.tr("&Issue the pack…"))
        self.papers_model.show_item(self.selected_item())
        self._enable()

    def _enable(self) -> None:
        self._papers_heading()
        item = self.selected_item()
        planned = self.model.planned(item)
        live = planned is not None
        for b in (
            self.edit_button,
            self.withdraw_button,
            self.up_button,
            self.down_button,
            self.proposal_button,
            self.attach_button,
        ):
            b.setEnabled(live)
        has_papers = self.papers_model.rowCount() > 0
        self.save_paper_button.setEnabled(has_papers)
        self.withdraw_paper_button.setEnabled(has_papers)

    # ------------------------------------------------------------------ saying

    @Slot(str)
    def on_done(self, text: str) -> None:
        self.message.setStyleSheet("color: #1b6e35; font-weight: bold;")
        self.message.setText("✓ " + text)
        self.window_.on_done(text)

    def on_warned(self, text: str) -> None:
        """Done, but not as asked (the pack as a folder): amber, with a warning sign."""
        self.message.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.message.setText("⚠ " + text)
        self.window_.on_done(text)

    @Slot(str)
    def on_refused(self, why: str) -> None:
        if not self.isVisible():
            return
        self.message.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.message.setText("✗ " + self.tr("Not recorded: {0}").format(why))

    def run(self, operation: Callable[[], Any], done: str, refusal_title: str = "") -> Any:
        """Run an operation of ``secretary.app.agenda`` through the controller. On
        success say ``done`` and return the event recorded; a refusal is said in the
        dialog (and, given a title, in a message box: a paper too big is not something
        to miss) and None returned."""
        return self.said(lambda: self.controller.run(operation), done, refusal_title)

    def said(self, record: Callable[[], Any], done: str, refusal_title: str = "") -> Any:
        """``record()`` (a controller call that records and tells), said as ``run`` says."""
        refused: list[str] = []
        self.controller.event_failed.connect(refused.append)
        try:
            event = record()
        finally:
            self.controller.event_failed.disconnect(refused.append)
        if event is not None:
            self.on_done(done)
        elif refused and refusal_title:
            QMessageBox.warning(self, refusal_title, refused[-1])
        return event

    # ------------------------------------------------------------------ items

    def _new_position(self, parent: str) -> int | None:
        """Where a new item goes: a sub-item after its item's last sub-item (the app
        places it); else after the selected item (and its sub-items); with none
        selected, before any other business."""
        if parent:
            return None
        return new_position(self.controller.meeting, self.selected_item())

    @Slot()
    def add_item(self) -> ItemForm:
        form = item_form(self, self.controller.meeting)

        def submit() -> str | None:
            from secretary.app import agenda as app_agenda

            values = form.values()
            values["position"] = self._new_position(values["parent"])
            live = self.controller.live
            title = values["title"]
            event, refusal = run_refusal(
                self.controller, lambda: app_agenda.add_item(live, **values)
            )
            if event is not None:
                self.on_done(self.tr("Item added: {0}").format(title))
                self.select_item(event.get("item"))
            return refusal

        form.submit = submit
        return self._open(form)

    @Slot()
    def edit_item(self, *args: Any) -> ItemForm | None:
        if args and isinstance(args[0], QModelIndex) and args[0].isValid():
            self.select_item(self.model.row_key(args[0].row()))  # Enter or a double click
        item = self.selected_item()
        planned = self.model.planned(item)
        if item is None or planned is None:
            return None
        meeting_item = self.controller.meeting.items[item]
        form = item_form(
            self,
            self.controller.meeting,
            excluding=item,
            planned=_Editable(planned, meeting_item),
            heading=planned.heading.render() if not meeting_item.title else "",
        )

        def submit() -> str | None:
            from secretary.app import agenda as app_agenda

            changes = form.changes()
            if not changes:
                return None
            live = self.controller.live
            event, refusal = run_refusal(
                self.controller, lambda: app_agenda.change_item(live, item, **changes)
            )
            if event is not None:
                self.on_done(self.tr("Item {0} changed").format(planned.number))
            self.select_item(item)
            return refusal

        form.submit = submit
        return self._open(form)

    @Slot()
    def withdraw_item(self) -> str | None:
        from secretary.app import agenda as app_agenda

        item = self.selected_item()
        planned = self.model.planned(item)
        if item is None or planned is None:
            return None
        refusal = app_agenda.withdrawal_refusal(self.controller.live, item)
        if refusal is not None:  # said at once, not after a reason has been typed
            self.controller.event_failed.emit(refusal)
            QMessageBox.warning(self, self.tr("The item was not withdrawn"), refusal)
            return None
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Withdraw the item"),
            self.tr(
                "Withdraw item {0}, {1}, from the agenda? It stays in the record, shown as "
                "withdrawn. Reason (optional):"
            ).format(planned.number, planned.heading.render()),
        )
        if not ok:
            return None
        live = self.controller.live
        self.run(
            lambda: app_agenda.withdraw_item(live, item, reason=reason.strip()),
            self.tr("Item {0} withdrawn").format(planned.number),
            self.tr("The item was not withdrawn"),
        )
        return item

    @Slot()
    def move_up(self) -> None:
        self._move(-1)

    @Slot()
    def move_down(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        """One place up or down: an item with its sub-items, a sub-item among its own."""
        from secretary.app import agenda as app_agenda

        item = self.selected_item()
        if item is None:
            return
        self.record_moves(item, app_agenda.step_moves(self.controller.meeting, item, delta))

    @Slot(str, str)
    def drop(self, item: str, before: str) -> bool:
        """A row dragged and dropped before ``before`` ("" : at the end)."""
        m = self.controller.meeting
        current, parent_of = list(m.agenda), parents_of(m)
        wanted = dropped(current, parent_of, item, before or None)
        steps = moves(current, wanted, block_of(current, parent_of, item))
        return self.record_moves(item, steps) and list(m.agenda) == wanted

    def record_moves(self, item: str, steps: list[tuple[str, int]]) -> bool:
        """Record the moves (``item_moved``, one an item, in turn); the row moved stays
        selected. False if there was nothing to move or one was refused."""
        done = self.said(lambda: self.controller.record_moves(steps), self.tr("Agenda reordered"))
        self.select_item(item)
        return done is not None

    # ------------------------------------------------------------------ papers

    @Slot()
    def attach_paper(self, path: str | None = None, title: str | None = None) -> bool:
        """Choose a file (and its title, as the agenda and the minutes will list it:
        "Paper 5a: Winter pressures plan") and keep it in the record with the item."""
        item = self.selected_item()
        planned = self.model.planned(item)
        if item is None or planned is None:
            return False
        if path is None:
            from secretary.ui.record_actions import export_folder

            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Attach a paper to item {0}").format(planned.number),
                export_folder(),
                self.tr("Papers ({0});;All files (*)").format(PAPER_FILTER_EXTENSIONS),
            )
            if not path:
                return False
        if title is None:
            title, ok = QInputDialog.getText(
                self,
                self.tr("Attach a paper"),
                self.tr(
                    "Title of the paper for item {0}, as the agenda and the minutes will list it:"
                ).format(planned.number),
                text=readable_title(Path(path).stem),
            )
            if not ok:
                return False
        from secretary.app import agenda as app_agenda

        live = self.controller.live
        name = Path(path).name
        chosen = Path(path)
        paper_title = title.strip()
        event = self.run(
            lambda: app_agenda.attach_paper(live, item, chosen, title=paper_title),
            self.tr("Paper attached to item {0}: {1}").format(planned.number, name),
            self.tr("The paper was not attached"),
        )
        return event is not None

    @Slot()
    def withdraw_paper(self) -> bool:
        paper = self.selected_paper()
        if paper is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw the paper"),
            self.tr(
                "Withdraw {0}: {1}? It stays in the record, but leaves the agenda and the pack."
            ).format(paper_label(paper), paper.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from secretary.app import agenda as app_agenda

        live = self.controller.live
        event = self.run(
            lambda: app_agenda.withdraw_paper(live, paper.paper),
            self.tr("{0} withdrawn").format(paper_label(paper)),
            self.tr("The paper was not withdrawn"),
        )
        return event is not None

    @Slot()
    def save_paper(self, dest: str | None = None) -> Path | None:
        """The paper's file again, byte for byte, where the secretary says."""
        paper = self.selected_paper()
        if paper is None:
            return None
        if dest is None:
            from secretary.ui.record_actions import export_folder

            dest, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save {0} as").format(paper_label(paper)),
                str(Path(export_folder()) / paper.filename),
            )
            if not dest:
                return None
        from secretary.app import agenda as app_agenda
        from secretary.errors import SecretaryError

        try:  # the file dialog has asked about replacing a file already there
            saved = app_agenda.save_paper(
                self.controller.meeting_record,
                self.controller.meeting_id,
                paper.paper,
                Path(dest),
                force=True,
            )
        except (SecretaryError, OSError) as exc:
            QMessageBox.warning(self, self.tr("The paper was not saved"), str(exc))
            return None
        self.on_done(self.tr("{0} saved as {1}").format(paper_label(paper), saved))
        return Path(saved)

    # ------------------------------------------------------------------ proposal

    @Slot()
    def edit_proposal(self) -> ProposalForm | None:
        item = self.selected_item()
        planned = self.model.planned(item)
        if item is None or planned is None:
            return None
        form = ProposalForm(
            self,
            priorities=getattr(self.controller.meeting.terms, "imtp_priorities", ()),
            proposal=getattr(planned, "proposal", None),
            item_label=f"{planned.number} {planned.heading.render()}",
        )

        def submit() -> str | None:
            from secretary.app import agenda as app_agenda

            proposal = form.proposal
            live = self.controller.live
            lang = i18n.language()  # the proposal's document in the window's language
            event, refusal = run_refusal(
                self.controller,
                lambda: app_agenda.record_proposal(live, item, proposal, language=lang),
            )
            if event is not None:
                self.on_done(
                    self.tr("Proposal recorded for item {0}, and attached as its paper").format(
                        planned.number
                    )
                )
            self.select_item(item)
            return refusal

        form.submit = submit
        return self._open(form)

    # ------------------------------------------------------------------ the pack

    def issue_warnings(
        self, on: dt.date, interim: bool | None = None, called_on: dt.date | None = None
    ) -> list[str]:
        """What the terms say about sending the pack on ``on`` (late, short notice for
        an interim meeting), in the domain's words, before anything is recorded. With
        ``interim`` given: as if the meeting were called so (the form's choice)."""
        from dataclasses import replace

        from secretary.domain.agenda_plan import issue_warnings

        plan = self.model.plan
        if interim is not None:
            plan = replace(
                plan,
                interim=interim,
                called_on=called_on.isoformat() if interim and called_on else plan.called_on,
            )
        m = self.controller.meeting
        found = issue_warnings(plan, m.terms.deadlines, self.controller.info.date, on)
        return [w.render() for w in found]

    @Slot()
    def issue(self) -> IssueForm:
        plan = self.model.plan
        called_on = dt.date.fromisoformat(plan.called_on) if plan.called_on else None
        form = IssueForm(self, self.issue_warnings, interim=plan.interim, called_on=called_on)

        def accepted() -> None:
            from secretary.app import agenda as app_agenda

            on = form.date()
            interim, called = form.called()
            live = self.controller.live
            if interim != plan.interim or (interim and called != called_on):
                # The notice of the meeting as the form says, recorded first (5.1).
                when = called if interim and called else (called_on or on)
                said = (
                    self.tr("Interim meeting called on {0}").format(_day(when.isoformat()))
                    if interim
                    else self.tr("Recorded as an ordinary meeting, not an interim one")
                )
                notice = self.run(
                    lambda: app_agenda.call_meeting(live, when, interim),
                    said,
                    self.tr("The notice of the meeting was not recorded"),
                )
                if notice is None:
                    return
            self.run(
                lambda: app_agenda.issue(live, on).recorded,
                self.tr("The pack was recorded as issued on {0}").format(_day(on.isoformat())),
                self.tr("The pack was not recorded as issued"),
            )

        return self._open(form, accepted)

    def _open(self, form: Any, accepted: Callable[[], None] | None = None) -> Any:
        """Open a form without blocking the window (the meeting's screens stay live)."""
        self.form = form
        if accepted is not None:
            form.accepted.connect(accepted)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.setWindowModality(Qt.WindowModality.WindowModal)
        form.open()
        return form

    @Slot()
    def export_agenda(self, path: str | None = None, language: str | None = None) -> Path | None:
        """The agenda as a Word document, in English, Welsh or both."""
        from secretary.ui import record_actions

        if language is None:
            language = record_actions.export_language(self.window_)
            if language is None:
                return None
        if path is None:
            start = Path(record_actions.export_folder()) / self.tr("agenda.docx")
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the agenda"),
                str(start),
                self.tr("Word documents (*.docx)"),
            )
            if not path:
                return None
            if not path.lower().endswith(".docx"):
                path += ".docx"
        target = Path(path)
        record, meeting_id = self.controller.meeting_record, self.controller.meeting_id
        template = record_actions.window_template(self.window_)

        def work() -> Any:
            from secretary.app import agenda as app_agenda

            # The file dialog has asked about replacing a file already there.
            return app_agenda.export_agenda(
                record, meeting_id, target, language, template=template, force=True
            )

        written = self._in_background(self.tr("Writing the agenda…"), work)
        if written is None:
            return None
        record_actions.remember_export_folder(str(target.parent))
        self.on_done(self.tr("The agenda was written: {0}").format(target))
        return target

    @Slot()
    def build_pack(self, dest: str | None = None, language: str | None = None) -> Any:
        """The agenda and every paper in agenda order, as one PDF (or, without
        LibreOffice, as a folder): said plainly either way."""
        from secretary.ui import record_actions

        if language is None:  # the language of the pack's agenda
            language = record_actions.export_language(self.window_)
            if language is None:
                return None
        if dest is None:
            start = Path(record_actions.export_folder()) / self.tr("pack.pdf")
            dest, _ = QFileDialog.getSaveFileName(
                self, self.tr("Build the pack"), str(start), self.tr("PDF (*.pdf)")
            )
            if not dest:
                return None
            if not dest.lower().endswith(".pdf"):
                dest += ".pdf"
        target = Path(dest)
        record, meeting_id = self.controller.meeting_record, self.controller.meeting_id
        template = record_actions.window_template(self.window_)
        lang = language

        def work() -> Any:
            from secretary.app import agenda as app_agenda

            return app_agenda.build_pack(
                record, meeting_id, target, language=lang, template=template, force=True
            )

        result = self._in_background(self.tr("Building the pack…"), work)
        if result is None:
            return None
        record_actions.remember_export_folder(str(target.parent))
        if result.missing_converter:
            self.on_warned(
                self.tr(
                    "LibreOffice is not installed: the pack was written as a folder: {0}"
                ).format(result.path)
            )
        elif result.folder:  # a paper LibreOffice could not convert: said as it happened
            problem = result.problem
            why = problem.render() if hasattr(problem, "render") else str(problem or "")
            self.on_warned(
                self.tr("{0} The pack was written as a folder: {1}").format(why, result.path)
            )
        else:
            self.on_done(
                self.tr("The pack was written: {0} ({1} pages)").format(result.path, result.pages)
            )
        return result

    def _in_background(self, label: str, work: Callable[[], Any]) -> Any:
        """``work`` off the window's thread (ui.background); a refusal said plainly."""
        from secretary.errors import SecretaryError
        from secretary.ui.background import run_in_background

        self.message.setStyleSheet("")
        self.message.setText(label)
        try:
            return run_in_background(self, label, work)
        except (SecretaryError, OSError) as exc:
            self.message.setStyleSheet("color: #b3261e; font-weight: bold;")
            self.message.setText("✗ " + str(exc))
            QMessageBox.warning(self, self.tr("Not written"), str(exc))
            return None


class _Editable:
    """The item form's view of an item being edited: its own fields as recorded (a
    standing item's title empty: its heading comes from the terms; a planned start
    only if one was given), the plan's for the rest."""

    def __init__(self, planned: Any, item: Any):
        self.planned = planned
        self.item = item

    def __getattr__(self, name: str) -> Any:
        if name in ("planned", "item"):
            raise AttributeError(name)
        if name == "presenter":  # a person of the meeting by name (as the table shows)
            return getattr(self.planned, "presenter_name", "") or self.item.presenter
        if hasattr(self.item, name):
            return getattr(self.item, name)
        if name in ("starts", "duration"):
            return None  # not recorded on the item: the plan's is computed
        return getattr(self.planned, name)


def readable_title(stem: str) -> str:
    """'winter-pressures_plan' -> 'Winter pressures plan': a file's name as a title."""
    words = " ".join(stem.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:]


def _day(iso: str | None) -> str:
    if not iso:
        return ""
    from secretary.domain.text import Day

    return Day(str(iso)).render()


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def open_agenda_builder(window: MainWindow) -> AgendaBuilder:
    """Meeting ▸ Agenda and papers…: one dialog per window, brought to the front."""
    dialog = getattr(window, "agenda_builder", None)
    if dialog is None:
        dialog = AgendaBuilder(window)
        window.agenda_builder = dialog  # type: ignore[attr-defined]
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
