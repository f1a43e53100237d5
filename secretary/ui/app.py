"""`secretary` with no command: open a record, choose a meeting, run the window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from secretary import heap
from secretary.errors import SecretaryError
from secretary.logs import hold_logging, setup_logging
from secretary.ui.crash import install_exception_hook
from secretary.ui.settings import APP, ORG, settings

if TYPE_CHECKING:
    from secretary.store.fastread import FirstPaint
    from secretary.store.handover import HandOver
    from secretary.store.record import Record


def tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def record_target(args: Any) -> str:
    """The record to open: --db, else the last one used, else the default place."""
    if getattr(args, "db", None):
        return str(args.db)
    s = settings()
    if s is not None:
        last = s.value("record/last")
        if isinstance(last, str) and last:
            return last
    from secretary.store.record import default_record_path

    return str(default_record_path())


def remember_record(target: str) -> None:
    s = settings()
    if s is not None:
        s.setValue("record/last", target)


def choose_language(args: Any) -> str:
    """--language, else the language chosen before, else the system's (Welsh or English)."""
    from secretary.ui.language import LANGUAGES, system_language

    lang = getattr(args, "language", None)
    s = settings()
    if not lang and s is not None:
        saved = s.value("language")
        lang = saved if saved in LANGUAGES else None
    if lang and s is not None:
        s.setValue("language", lang)
    return lang or system_language()


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """The window's catalogue (resources/translations/secretary_<lang>.qm, built by
    scripts/i18n.py) and Qt's own when present, replacing an earlier language's;
    the engine's language and the default QLocale follow. English needs none."""
    from secretary.ui import language

    return language.install(app, lang)


def open_for_window(target: str) -> Record:
    """The record for writing; if another window or computer is recording it, the
    same record read-only (to look, not to change: the window says so)."""
    from secretary.store.lock import RecordLocked
    from secretary.store.record import Record

    try:
        return Record(target)
    except RecordLocked as exc:
        record = Record(target, create=False, readonly=True)
        record.locked_by = str(exc)  # type: ignore[attr-defined]
        return record


def show_error(title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # a dialog's class: made when needed

    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    box.exec()


def welcome_if_first_run(args: Any) -> bool:
    """On the very first run, greet and set up the record (or the demo). Returns
    False when the user closed the welcome without choosing."""
    if getattr(args, "db", None) or getattr(args, "demo", False):
        return True
    s = settings()
    remembered = s.value("record/last") if s is not None else None
    from secretary.store.record import default_record_path
    from secretary.ui.welcome import WelcomeDialog, first_run

    default = default_record_path()
    if not first_run(default, remembered if isinstance(remembered, str) else None):
        return True
    dialog = WelcomeDialog(default)
    if dialog.exec() != WelcomeDialog.DialogCode.Accepted or dialog.choice is None:
        return False
    if dialog.choice.kind == "demo":
        args.demo = True
    else:
        args.db = str(dialog.choice.path)
    return True


def run_app(args: Any, first: FirstPaint | None = None) -> int:
    # As the command line does (the window may be started on its own); the log file
    # itself is set up once the window is shown (run_window), or at the end.
    hold_logging()
    hook = install_exception_hook()
    try:
        return _run_app(args, first)
    finally:
        hook.uninstall()
        heap.release("startup")  # if nothing did (the welcome closed, say)
        setup_logging()  # writes anything held, if the window never showed


def _run_app(args: Any, first: FirstPaint | None) -> int:
    from secretary.ui.background import favour_the_window

    favour_the_window()  # the start dialog reads, and the writer opens, on threads
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationDisplayName(tr("Cluster Secretary"))
    install_translators(app, choose_language(args))

    if not welcome_if_first_run(args):
        return 0
    handover = first_paint_handover(args, first)
    if handover is not None:
        return run_window(app, handover)  # the window releases the start's hold
    heap.release("startup")  # the ordinary way: the modules loaded so far, frozen
    from secretary.store.record import Record, is_url, url_without_password

    try:
        if getattr(args, "demo", False):
            from secretary.demo import create_demo_record

            record, meeting_id = create_demo_record()
            assert isinstance(record, Record)
        else:
            target = record_target(args)
            s = settings()
            remembered = None if getattr(args, "db", None) or s is None else s.value("record/last")
            if remembered and not is_url(target) and not Path(target).exists():
                # Creating a record is always a choice: never a silent empty one where
                # the secretary's record was (moved, renamed or deleted meanwhile).
                show_error(
                    tr("The record cannot be opened"),
                    tr(
                        "The record used last time, {0}, is not there: it was moved, renamed "
                        "or deleted. Nothing was created. Start Cluster Secretary with "
                        "--db and the record where it is now."
                    ).format(target),
                )
                return 1
            record = open_for_window(target)
            # A URL's password is never written to the settings (PGPASSWORD or
            # ~/.pgpass supply it next time: docs/central-record.md).
            remember_record(url_without_password(target))
            wanted = getattr(args, "open_meeting", None)
            if wanted:
                chosen: tuple[Record, int] | None = (record, wanted)
            else:
                from secretary.ui.start import pick_meeting

                chosen = pick_meeting(None, record)
            if chosen is None:
                record.close()
                return 0
            if chosen[0] is not record:
                record.close()  # the demo: a throw-away record of its own
            record, meeting_id = chosen
        from secretary.ui.main_window import MainWindow

        window = MainWindow(record, meeting_id)
        window.discard_demo = True  # a demo's record and backups go when it closes
    except SecretaryError as exc:  # RecordError, EventError, TermsError, ...
        show_error(tr("The record cannot be opened"), str(exc))
        return 1
    return run_window(app, record, window)


def first_paint_handover(args: Any, first: FirstPaint | None = None) -> HandOver | None:
    """For a meeting named up front (``--meeting``) of a record file: its first paint
    read without SQLAlchemy (``first``, when it was read already: secretary.main), the
    writer opening on a worker thread (store.handover). None when the record must be
    opened the ordinary way (a URL, a record needing an upgrade or checked out,
    anything unusual: the ordinary open says what)."""
    wanted = getattr(args, "open_meeting", None)
    if not wanted or getattr(args, "demo", False):
        return None
    target = record_target(args)
    if "://" in target:
        return None
    from secretary.store.fastread import first_paint
    from secretary.store.handover import HandOver

    if first is None or str(first.path) != str(Path(target)) or first.meeting_id != wanted:
        first = first_paint(target, wanted)
    if first is None:
        return None
    remember_record(target)
    return HandOver(first, start=False)  # started once the window has painted


def run_window(app: QApplication, record: Any, window: Any = None) -> int:
    """Show ``window`` (or, for a hand-over, the window on it) and run until it closes;
    the record (or the hand-over's writer) is closed at the end."""
    if window is None:
        from secretary.ui.main_window import MainWindow

        window = MainWindow(None, record.meeting_id, live=record)
    window.show()
    quit_after = os.environ.get("SECRETARY_QUIT_AFTER_MS", "")
    if quit_after.isdigit():  # smoke tests and benchmarks: run, then close normally
        # The first turn of the event loop after show: the window takes input now.
        QTimer.singleShot(
            0, lambda: print(f"secretary-ready {time.time():.6f}", file=sys.stderr, flush=True)
        )
        QTimer.singleShot(int(quit_after), window.close)
    QTimer.singleShot(0, setup_logging)  # the log file, now the window is shown
    try:
        return int(app.exec())
    finally:
        for open_window in app.topLevelWidgets():  # the closing backups finish first
            thread = getattr(open_window, "backup_thread", None)
            if thread is not None:
                thread.join()
        record.close()
