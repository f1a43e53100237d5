"""The live meeting window: quorum banner on top, attendance on the left, the
agenda and the item in focus on the right. There is no Save button: every
change is recorded (committed to disk) the moment it is made.

One module (over 400 lines): the window assembles the panels and owns the menus,
shortcuts and language switch, which must be listed in one place.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from secretary import heap
from secretary.domain.events import Event
from secretary.store.errors import RecordError
from secretary.store.handover import HandOver
from secretary.ui.background import favour_the_window
from secretary.ui.controller import MeetingController
from secretary.ui.live.agenda import AgendaPanel
from secretary.ui.live.attendance import AttendancePanel
from secretary.ui.live.banner import QuorumBanner
from secretary.ui.live.item import ItemPanel
from secretary.ui.shortcuts import key_sequences, shortcut_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from secretary.store.live import LiveMeeting
    from secretary.store.record import Record
    from secretary.ui.chair_screen import ChairScreen
    from secretary.ui.help import HelpDialog

CHAIR_SCREEN_KEY = "window/chair_screen"


class MainWindow(QMainWindow):
    writer_done = Signal()  # a hand-over's writer opened (or failed)

    def __init__(
        self,
        record: Record | None,
        meeting_id: int,
        clock: Callable[[], str] | None = None,
        parent: QWidget | None = None,
        *,
        live: LiveMeeting | HandOver | None = None,
        autosave_ms: int | None = None,
    ):
        """The window on ``meeting_id`` of ``record``; or, given ``live`` (a
        ``store.handover.HandOver``), on a first paint whose writer is still opening.
        ``autosave_ms``: the notes' quiet time before they are saved (tests shorten it)."""
        super().__init__(parent)
        favour_the_window()  # the writer, backups and reads run on threads behind it
        self.meeting_id = meeting_id
        if live is None:
            from secretary.store.live import LiveMeeting

            assert record is not None
            live = LiveMeeting(record, meeting_id)
        self.live = live
        self.controller = MeetingController(live, clock, self)  # type: ignore[arg-type]
        from secretary.demo import is_demo_record

        # With no record yet, ``live`` is the hand-over, which knows its target.
        self.demo = is_demo_record(record if record is not None else live.target)  # type: ignore[union-attr]
        self.discard_demo = False  # set by whoever opened the demo for the user
        self.set_title(record is not None and record.readonly)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.banner = QuorumBanner(self.controller, central)
        layout.addWidget(self.banner)

        self.attendance = AttendancePanel(self.controller, central)
        self.agenda = AgendaPanel(self.controller, central)
        self.item = ItemPanel(self.controller, central)
        if autosave_ms is not None:
            self.item.notes.timer.setInterval(autosave_ms)
        self.right = right = QSplitter(Qt.Orientation.Vertical, central)
        right.addWidget(self.agenda)
        right.addWidget(self.item)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 5)
        right.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.addWidget(self.attendance)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.message = QLabel(self)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Two lines, always: a long refusal wraps instead of being cut off, and the
        # layout does not jump when a message comes and goes.
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.message.setFixedHeight(self.message.fontMetrics().lineSpacing() * 2 + 4)
        self.statusBar().addWidget(self.message, 1)
        target = live.target if record is None else record.target  # type: ignore[union-attr]
        where = QLabel(self)
        # The file's name and the start of its folder (whole in the tooltip): a long
        # path took the status line's room from the messages.
        fm = where.fontMetrics()
        shown = fm.elidedText(str(target), Qt.TextElideMode.ElideMiddle, 36 * fm.averageCharWidth())
        where.setText(self.tr("Record: {0}").format(shown))
        where.setToolTip(
            self.tr("Record: {0}").format(target)
            + "\n"
            + self.tr("Every change is written here the moment it is made.")
        )
        self.statusBar().addPermanentWidget(where)

        self.chair_screen: ChairScreen | None = None
        self.error_box: QMessageBox | None = None
        self.help_dialog: HelpDialog | None = None
        self.shortcut_actions: dict[str, QAction] = {}
        self._make_actions()

        c = self.controller
        c.event_recorded.connect(self.on_recorded)
        c.event_failed.connect(self.on_refused)
        c.record_failed.connect(self.on_not_recorded)
        self.setTabOrder(self.attendance.finder, self.attendance.table)
        self.setTabOrder(self.attendance.table, self.agenda.table)
        self.setTabOrder(self.agenda.table, self.item.tabs)
        self.setTabOrder(self.item.tabs, self.item.notes)
        self._initial_size()
        self.attendance.finder.setFocus()
        QTimer.singleShot(0, self.reopen_chair_screen)
        self.restored = False
        # A rolling backup each time a meeting opens and closes (issue 6).
        self.backup_thread: threading.Thread | None = None
        self.export_template: Path | str | None = None  # None: as remembered
        self._writer_opened = False
        if isinstance(live, HandOver):  # told from the worker thread, run here (queued)
            self.writer_done.connect(self.on_writer_open)
            live.when_done(self.writer_done.emit)
            self._handover_to_start: HandOver | None = live
            # The writer's imports start once the window has painted and gone quiet,
            # not before: a paint asks for the interpreter thousands of times (every
            # cell, every role) and would wait for the worker each time
            # (docs/performance.md). If the window is not painted (minimised), a second
            # at most; a first write sooner (HandOver.wait starts it).
            self._first_paint = _AfterFirstPaint(self, self.start_writer)
            QTimer.singleShot(1000, self.start_writer)
        else:
            self._handover_to_start = None
            self.on_writer_open()

    @Slot()
    def start_writer(self) -> None:
        """A hand-over's writer starts opening (once; see __init__)."""
        handover, self._handover_to_start = getattr(self, "_handover_to_start", None), None
        if handover is None:
            return
        if not self._writer_opened:  # (a first write may have opened it already)
            # The writer's imports (SQLAlchemy's) without full collections
            # (secretary/heap.py); released when it is open.
            heap.hold("writer")
            self._writer_held = True
        heap.release("startup")  # the window's own modules, frozen
        handover.start()

    def _release_writer_hold(self) -> None:
        """The writer is open, failed, or its window closes first (once)."""
        if getattr(self, "_writer_held", False):
            self._writer_held = False
            heap.release("writer")  # its modules and the meeting, out of the collector's sight

    def set_title(self, readonly: bool | None = None) -> None:
        """The meeting and its date; closed, since when; READ ONLY when another
        window records it (``None``: as it was); a demonstration never mistaken for a
        real meeting's record."""
        from secretary.ui.language import date_text

        if readonly is None:
            readonly = getattr(self, "_title_readonly", False)
        self._title_readonly = readonly
        info = self.live.info
        # "14 May 2026 13:00" / "14 Mai 2026 13:00", as the window's other dates.
        when = " ".join(x for x in (date_text(info.date) if info.date else "", info.start) if x)
        title = f"{info.title} — {when}" if when else info.title
        meeting = self.controller.meeting
        if meeting.closed:
            title = self.tr("{0} — closed at {1}").format(title, meeting.closed_at or "?")
        if readonly:
            title = self.tr("{0} — READ ONLY").format(title)
        if self.demo:
            title = self.tr("DEMONSTRATION (nothing kept) — {0}").format(title)
        self.setWindowTitle(self.tr("{0} — Cluster Secretary").format(title))

    @property
    def record(self) -> Record:
        """The record written to (during a hand-over: waits for the writer)."""
        return self.live.record

    @Slot()
    def on_writer_open(self) -> None:
        """The writer is open: the opening backup, and whether the meeting is read only.
        After a hand-over whose writer found other events (written meanwhile by
        another program) or could not open, the views read again / say why."""
        if self._writer_opened:
            return
        self._writer_opened = True
        self._release_writer_hold()
        error = getattr(self.live, "error", None)
        if error:  # nothing can be recorded: shown read only, and why
            self.on_refused(self.tr("Read only: {0}").format(error))
            from PySide6.QtWidgets import QMessageBox  # a dialog's class: made when needed

            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("app", "The record cannot be opened"),
                error,
                parent=self,
            )
            box.setWindowModality(Qt.WindowModality.WindowModal)
            self.error_box = box
            box.open()
            return
        if getattr(self.live, "changed", False):
            self.controller.meeting_changed.emit()
        if not self.demo:  # a demo is thrown away: no backups of it
            _menu_ops().take_backup(self, "open", background=True)
        threading.Thread(target=_warm_up, name="secretary-warm-up", daemon=True).start()
        locked = self.controller.locked_reason()
        if self.record.readonly:
            self.set_title(True)  # (a hand-over learns it only now)
            locked = self.tr(
                "this record is being recorded in another window (or on another computer); "
                "this window shows it as it was when opened and cannot change it"
            )
        if locked:
            self.on_refused(self.tr("Read only: {0}").format(locked))

    def _initial_size(self) -> None:
        """1366x800 where it fits; on a smaller screen (1366x768, the usual NHS
        laptop) maximised, so the status bar (where "Recorded" shows) is on screen."""
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            avail = screen.availableGeometry()
            self.resize(min(1366, avail.width()), min(800, avail.height()))
            # The title bar and frame come on top of the size asked for.
            if avail.width() <= 1400 or avail.height() <= 860:
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.resize(1366, 800)
        width = self.width()
        self.splitter.setSizes([width * 52 // 100, width * 48 // 100])
        height = self.height()
        self.right.setSizes([height * 42 // 100, height * 58 // 100])

    # ------------------------------------------------------------------ actions

    def _make_actions(self) -> None:
        a, i = self.attendance, self.item
        handlers: dict[str, tuple[str, Callable[[], Any], QWidget | None]] = {
            "find_person": ("attendance", a.focus_finder, None),
            "toggle_presence": ("attendance", a.enter_pressed, a),
            "toggle_remote": ("attendance", lambda: a.enter_pressed("remote"), a),
            "apologies": ("attendance", a.apologies_selected, None),
            "correct_time": ("attendance", a.correct_time_selected, None),
            "add_person": ("attendance", a.add_person, None),
            "teams_import": ("attendance", lambda: _menu_ops().import_teams(self), None),
            "next_item": ("agenda", lambda: self.agenda.step(1), None),
            "previous_item": ("agenda", lambda: self.agenda.step(-1), None),
            "add_item": ("agenda", self.agenda.add_item, None),
            "move_up": ("agenda", self.agenda.move_up, self.agenda),
            "move_down": ("agenda", self.agenda.move_down, self.agenda),
            "notes": ("item", self.edit_notes, None),
            "declare": ("item", i.declare, None),
            "proxy": ("item", i.register_proxy, None),
            "consensus": ("item", self.consensus, None),
            "vote": ("item", self.start_vote, None),
            "record_vote": ("item", lambda: i.decision.record_vote(), None),
            "add_action": ("item", i.add_action, None),
            "financial": ("item", i.add_financial_entry, None),
            "undo": ("edit", self.controller.undo, None),
            "redo": ("edit", self.controller.redo, None),
            "chair_screen": ("view", self.toggle_chair_screen, None),
            "help": ("help", self.show_help, None),
            "open_meeting": ("meeting", self.open_other_meeting, None),
            "close_meeting": ("meeting", self.close_meeting, None),
            "agenda_builder": ("meeting", self.open_agenda_builder, None),
            "export": ("meeting", lambda: _menu_ops().export_meeting(self), None),
            "export_template": ("meeting", lambda: _menu_ops().choose_template(self), None),
            "circulate": ("meeting", self.circulate_minutes, None),
            "approve_minutes": ("meeting", lambda: _menu_ops().approve_minutes(self), None),
            "outside_decisions": (
                "meeting",
                lambda: _menu_ops().outside_decisions(self),
                None,
            ),
            "attendance_year": ("meeting", lambda: _menu_ops().attendance_year(self), None),
            "restore_backup": (
                "meeting",
                lambda: _menu_ops().restore_from_backup(self),
                None,
            ),
            "close_window": ("meeting", self.close, None),
            "about": ("help", lambda: _menu_ops().show_about(self), None),
        }
        bar = self.menuBar()
        menus = {
            "meeting": bar.addMenu(self.tr("&Meeting")),
            "edit": bar.addMenu(self.tr("&Edit")),
            "attendance": bar.addMenu(self.tr("&Attendance")),
            "agenda": bar.addMenu(self.tr("A&genda")),
            "item": bar.addMenu(self.tr("&Item")),
            "view": bar.addMenu(self.tr("&View")),
            "help": bar.addMenu(self.tr("&Help")),
        }
        for sid, (menu, handler, scope) in handlers.items():
            action = QAction(shortcut_text(sid), self)
            action.setShortcuts(key_sequences(sid))
            action.triggered.connect(_no_args(handler))
            if scope is not None:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                scope.addAction(action)
            else:
                self.addAction(action)
            menus[menu].addAction(action)
            self.shortcut_actions[sid] = action
        self.shortcut_actions["chair_screen"].setCheckable(True)
        self._make_language_menu(menus["view"])
        self.controller.meeting_changed.connect(self.show_closed)
        if self.controller.meeting.closed:
            self.show_closed()

    def _make_language_menu(self, view: QMenu) -> None:
        """View ▸ Language: English / Cymraeg, each named in itself (issue 8)."""
        from secretary.ui import language

        menu = view.addMenu(self.tr("&Language"))
        group = QActionGroup(menu)
        self.language_actions: dict[str, QAction] = {}
        for code, name in language.LANGUAGES.items():
            action = QAction(name, menu, checkable=True)
            action.setChecked(code == language.current())
            action.triggered.connect(_no_args(functools.partial(self.switch_language, code)))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action

    @Slot(str)
    def switch_language(self, lang: str) -> MainWindow | None:
        """Change the language now (remembered): the window is rebuilt in it, on the
        same record and meeting, where this one was; views own no data."""
        from secretary.ui import language

        self.item.notes.save()
        if not language.switch(lang):
            return None
        window = MainWindow(self.record, self.meeting_id, self.controller.clock)
        window.discard_demo = self.discard_demo
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.setGeometry(self.geometry())
        if self.chair_screen is not None and self.chair_screen.isVisible():
            window.toggle_chair_screen()
        if self.controller.drafts:  # a vote being taken, not yet recorded, carries over
            window.controller.drafts = {k: dict(v) for k, v in self.controller.drafts.items()}
            window.controller.vote_draft_changed.emit()
        window.show()
        for dialog in self.findChildren(QDialog):  # open in the old language: close
            dialog.close()
        self.restored = True  # the new window takes the closing backup
        self.close()
        return window

    @Slot()
    def edit_notes(self) -> None:
        self.item.tabs.setCurrentIndex(ItemPanel.NOTES)
        self.item.notes.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def consensus(self) -> None:
        self.item.tabs.setCurrentIndex(ItemPanel.DECISION)
        self.item.decision.record_consensus()

    @Slot()
    def start_vote(self) -> None:
        self.item.tabs.setCurrentIndex(ItemPanel.DECISION)
        self.item.decision.start_vote()

    @Slot()
    def toggle_chair_screen(self) -> ChairScreen:
        if self.chair_screen is None:
            from secretary.ui.chair_screen import ChairScreen  # built when first shown

            self.chair_screen = ChairScreen(self.controller, self)
        if self.chair_screen.isVisible():
            self.chair_screen.hide()
        elif not self.chair_screen.show_on_best_screen():
            self.on_done(
                self.tr(
                    "Chair's screen opened behind this window (one screen): drag it to the "
                    "projector; F11 hides it"
                )
            )
        shown = self.chair_screen.isVisible()
        self.shortcut_actions["chair_screen"].setChecked(shown)
        from secretary.ui.settings import settings

        s = settings()
        if s is not None:  # reopened with the window next time
            s.setValue(CHAIR_SCREEN_KEY, shown)
        return self.chair_screen

    def reopen_chair_screen(self) -> None:
        """After a restart the chair's screen comes back if it was open."""
        from secretary.ui.settings import settings

        s = settings()
        wanted = s is not None and s.value(CHAIR_SCREEN_KEY) in (True, "true")
        if wanted and (self.chair_screen is None or not self.chair_screen.isVisible()):
            self.toggle_chair_screen()

    @Slot()
    def show_help(self) -> HelpDialog:
        if self.help_dialog is None:
            from secretary.ui.help import HelpDialog  # built when first asked for

            self.help_dialog = HelpDialog(self)
        self.help_dialog.show()
        self.help_dialog.raise_()
        return self.help_dialog

    @Slot()
    def open_agenda_builder(self) -> QDialog:
        """Meeting ▸ Agenda and papers…: the agenda built before the meeting (issue 19)."""
        from secretary.ui.agenda_builder import open_agenda_builder  # loaded when first asked

        return open_agenda_builder(self)

    @Slot()
    def circulate_minutes(self) -> Path | None:
        from secretary.ui.circulate import circulate  # loaded when first asked for

        return circulate(self)

    @Slot()
    def open_other_meeting(self) -> MainWindow | None:
        """The start dialog; the chosen meeting opens in a new window, this one closes."""
        from secretary.ui.start import pick_meeting

        self.item.notes.save()
        chosen = pick_meeting(self, self.record)
        if chosen is None or chosen == (self.record, self.meeting_id):
            return None
        record, meeting_id = chosen
        same_record = record is self.record
        try:
            window = MainWindow(record, meeting_id)
            # A demo chosen here goes when its window closes; another meeting of this
            # window's own record (a demo's new meeting, say) goes as this one would.
            window.discard_demo = self.discard_demo if same_record else True
        except RecordError as exc:
            self.on_refused(str(exc))
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("The meeting cannot be opened"), str(exc))
            return None
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        if same_record:
            self.discard_demo = False  # the record is the new window's now: kept open
        self.close()
        return window

    # ------------------------------------------------------------------ messages

    @Slot()
    def close_meeting(self) -> QMessageBox | None:
        """Meeting ▸ Close the meeting: asks, then records the close time (the
        minutes say it); once closed, the same item reopens it (attendance and
        decisions are refused while it is closed). The question does not block the
        window's event loop."""
        self.item.notes.save()
        from PySide6.QtWidgets import QMessageBox

        meeting = self.controller.meeting
        if meeting.closed:
            title = self.tr("Reopen the meeting")
            question = self.tr(
                "The meeting closed at {0}. Reopen it at {1}, to record attendance or a "
                "decision again?"
            ).format(meeting.closed_at or "?", self.controller.now())
        else:
            title = self.tr("Close the meeting")
            question = self.tr(
                "Record that the meeting closed at {0}? The window stays open; "
                "Ctrl+Z takes it back."
            ).format(self.controller.now())
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: int) -> None:
            if button != QMessageBox.StandardButton.Yes:
                return
            if meeting.closed:
                self.controller.reopen_meeting()
            else:
                self.controller.close_meeting()

        box.finished.connect(answered)
        box.open()
        return box

    def show_closed(self) -> None:
        """Meeting ▸ Close the meeting reads "Reopen the meeting" while it is closed,
        and the title says since when."""
        closed = self.controller.meeting.closed
        action = self.shortcut_actions["close_meeting"]
        if closed:
            action.setText(
                self.tr("Reopen the meeting (it closed at {0})").format(
                    self.controller.meeting.closed_at or "?"
                )
            )
        else:
            action.setText(shortcut_text("close_meeting"))
        self.set_title()

    @Slot(object)
    def on_recorded(self, event: Event) -> None:
        text = self.controller.describe(event)
        if event.type != "retract":  # an undo says what it took back
            text = self.tr("Recorded: {0}").format(text)
        self.on_done(text)

    @Slot(str)
    def on_done(self, text: str) -> None:
        """Success: green, with a tick (a refusal is red, with a cross)."""
        self.message.setStyleSheet("color: #1b6e35; font-weight: bold;")
        self.message.setText(self._two_lines("✓ " + text))
        self.message.setToolTip(text)

    def _two_lines(self, text: str) -> str:
        """``text`` as the status line's two lines hold it: a longer one ends in "…"
        (whole in the tooltip) rather than losing its second line's bottom half."""
        width = self.message.width()
        if width <= 0:
            return text
        font = self.message.font()
        font.setBold(True)
        fm = QFontMetrics(font)
        # Two lines, less what word wrapping can leave unused at the first line's end.
        room = 2 * width - 12 * fm.averageCharWidth()
        if fm.horizontalAdvance(text) <= room:
            return text
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, max(room, width))

    @Slot(str)
    def on_refused(self, why: str) -> None:
        self.message.setStyleSheet("color: #b3261e; font-weight: bold;")
        if why.startswith(self.tr("Read only")):
            self.message.setText(why)  # a state of the window, not a failure
        else:
            why = self.tr("Not recorded: {0}").format(why)
            self.message.setText(self._two_lines("✗ " + why))
        self.message.setToolTip(why)

    @Slot(str)
    def on_not_recorded(self, why: str) -> None:
        self.on_refused(why)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("NOT recorded"),
            self.tr("The last change was NOT recorded."),
            parent=self,
        )
        box.setInformativeText(
            self.tr(
                "{0}\n\nThe screen shows the record as it is on disk: nothing was changed. "
                "Fix the problem (disk space, the file's folder), then make the change again."
            ).format(why)
        )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.error_box = box
        box.open()

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        self._release_writer_hold()
        self.item.notes.save()
        if self.backup_thread is not None:
            self.backup_thread.join()  # the opening backup finishes before the closing one
        if not self.restored and not self.demo and not getattr(self.live, "error", None):
            # On a worker thread: the window closes at once; the app (ui.app) waits
            # for the copy before it closes the record and exits.
            _menu_ops().take_backup(self, "close", background=True)
        if self.chair_screen is not None:
            self.chair_screen.deleteLater()
            self.chair_screen = None
        super().closeEvent(event)
        # The window that opened a demo record for the user (run_app, Open…) throws
        # it away; a language switch keeps it (restored), so do scripts and tests.
        if self.demo and self.discard_demo and not self.restored:
            from secretary.demo import discard_demo_record

            discard_demo_record(self.record)


# What the menus will need (Word export, the meeting lists, reports), imported on a
# worker thread once the meeting is open, so that the first export or list does not
# stall the window with python-docx's and lxml's import.
WARM_UP = (
    "secretary.app.meeting",
    "secretary.app.approval",
    "secretary.app.outside",
    "secretary.export",
    "secretary.export.bundle",
    "secretary.export.approval",
    "secretary.store.meeting_list",
    "secretary.store.series",
    "secretary.ui.start",
    "secretary.ui.between.meetings",
    "secretary.ui.between.attendance",
)


class _AfterFirstPaint(QObject):
    """Calls ``then`` once ``window`` has painted and then been quiet (no paint) for
    ``QUIET_MS`` -- a first paint is often followed by a second (a scroll bar comes,
    the table repaints) -- and then stops looking. An event filter, not an override
    of the window's ``event``, which would call Python for every event it gets."""

    QUIET_MS = 20

    def __init__(self, window: QWidget, then: Callable[[], None]):
        super().__init__(window)
        self.window, self.then = window, then
        self.quiet = QTimer(self)
        self.quiet.setSingleShot(True)
        self.quiet.setInterval(self.QUIET_MS)
        self.quiet.timeout.connect(self.done)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.quiet.start()  # (again)
        return False

    @Slot()
    def done(self) -> None:
        self.window.removeEventFilter(self)
        self.then()


def _warm_up() -> None:
    import importlib

    heap.hold("warm-up")  # no full collections while they load (secretary/heap.py)
    try:
        for name in WARM_UP:
            try:
                importlib.import_module(name)
            except Exception:  # only a head start: the real import says what is wrong
                break
    finally:
        heap.release("warm-up")  # the modules just loaded, out of the collector's sight


def _menu_ops() -> Any:
    """The menus' operations (exports, backups, reports), imported at their first use
    (the opening backup's, once the writer is open): not on the first paint's path."""
    from secretary.ui import record_actions

    return record_actions


def _no_args(handler: Callable[[], Any]) -> Callable[..., None]:
    def run(*_: Any) -> None:
        handler()

    return run
