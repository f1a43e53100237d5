"""Window actions beyond the live meeting: export, backups, between-meeting dialogs, About.

Kept apart from main_window so the live panels stay small. Each function takes
the main window, does one thing, and reports problems in words (never a
traceback); nothing here writes to the record except through the controller or
the store's own functions.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from secretary.errors import SecretaryError

if TYPE_CHECKING:
    from secretary.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("RecordActions", text)


def record_file(window: MainWindow) -> Path | None:
    """The record's file, or None for a database server (backups are the DBA's job)."""
    path = getattr(window.record, "path", None)
    return Path(path) if path is not None else None


class BackupReporter(QObject):
    """Carries a background backup's failure to the window's thread (queued)."""

    failed = Signal(str)


def take_backup(window: MainWindow, reason: str, background: bool = False) -> Path | None:
    """A rolling backup when a meeting opens and closes. A failure is shown, never fatal.

    ``background``: copy on a worker thread (the online backup API reads a
    consistent snapshot while the meeting is recorded), so a large record does not
    delay the window; the thread is kept as ``window.backup_thread``.
    """
    from secretary.store import RecordError

    path = record_file(window)
    if path is None or window.record.readonly:
        return None
    reporter = BackupReporter(window)
    reporter.failed.connect(window.on_refused)

    def run() -> Path | None:
        # Imported here, on the backup's own thread: not on the window's as it opens.
        from secretary.app.files import back_up

        try:
            return back_up(path, reason=reason)
        except (RecordError, OSError) as exc:
            reporter.failed.emit(tr("No backup could be made: {0}").format(exc))
            return None

    if not background:
        return run()
    # Not a daemon: the app waits for the copy to finish before it exits.
    thread = threading.Thread(target=run, name=f"backup-{reason}", daemon=False)
    window.backup_thread = thread
    thread.start()
    return None


def export_language(window: MainWindow) -> str | None:
    """Ask the documents' language: bilingual (Welsh first) is offered first when the
    window is in Welsh, as NHS Wales documents for members are; None if cancelled."""
    from secretary.i18n import language

    choices = {
        "bilingual": tr("Bilingual: Cymraeg / English"),
        "cy": "Cymraeg",
        "en": "English",
    }
    order = ["bilingual", "cy", "en"] if language() == "cy" else ["en", "bilingual", "cy"]
    labels = [choices[k] for k in order]
    label, ok = QInputDialog.getItem(
        window, tr("Export"), tr("Language of the documents:"), labels, 0, False
    )
    if not ok:
        return None
    return order[labels.index(label)]


def export_meeting(
    window: MainWindow,
    folder: str | None = None,
    ask_replace: bool = True,
    language: str | None = None,
) -> list[Path]:
    """Write the minutes, action log, financial log and attendance register, in
    ``language`` (en, cy or bilingual; asked when the folder is, else the window's)."""
    from secretary.i18n import language as window_language

    window.item.notes.save()  # the notes typed a moment ago belong in the minutes
    if folder is None:
        folder = QFileDialog.getExistingDirectory(
            window, tr("Export the minutes and logs to which folder?"), export_folder()
        )
        if not folder:
            return []
        language = language or export_language(window)
        if language is None:
            return []
    from secretary.ui.background import run_in_background

    record, meeting_id = window.record, window.meeting_id
    template, today = window_template(window), dt.date.today()
    language = language or window_language()
    label = tr("Exporting the minutes and logs…")

    def export(force: bool = False) -> list[Path]:
        # Off the window's thread (ui.background): it reads the record and writes files
        # (python-docx and lxml are imported here too, not in the window's thread).
        from secretary.app.files import export_meeting as export_operation

        return list(
            export_operation(
                record,
                meeting_id,
                folder=folder,
                language=language,
                template=template,
                today=today,
                force=force,
            )
        )

    try:
        try:
            written = run_in_background(window, label, export)
        except Exception as exc:
            from secretary.export import FileExistsExportError  # imported by export()

            if not isinstance(exc, FileExistsExportError):
                raise
            if (
                ask_replace
                and QMessageBox.question(
                    window,
                    tr("Replace the documents?"),
                    tr(
                        "Documents for this meeting are already in {0}. Replace them with new ones?"
                    ).format(folder),
                )
                != QMessageBox.StandardButton.Yes
            ):
                return []
            written = run_in_background(window, label, lambda: export(force=True))
    except SecretaryError as exc:  # ExportError, TemplateError, RecordError, EventError, ...
        QMessageBox.warning(window, tr("Not exported"), str(exc))
        return []
    remember_export_folder(folder)
    window.on_done(tr("Exported {0} documents to {1}").format(len(written), folder))
    return list(written)


EXPORT_FOLDER_KEY = "export/folder"


def export_folder() -> str:
    """Where the export dialog starts: the folder used last time, else Documents
    (never the record's own folder, which is a hidden application folder)."""
    from PySide6.QtCore import QStandardPaths

    from secretary.ui.settings import settings

    s = settings()
    last = s.value(EXPORT_FOLDER_KEY) if s is not None else None
    if isinstance(last, str) and last and Path(last).is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember_export_folder(folder: str) -> None:
    from secretary.ui.settings import settings

    s = settings()
    if s is not None:
        s.setValue(EXPORT_FOLDER_KEY, str(folder))


TEMPLATE_KEY = "export/template"


def window_template(window: MainWindow) -> Path | None:
    """The Word template exports use: the one chosen in this window, else the one
    remembered from last time, else None (the built-in house style)."""
    chosen = getattr(window, "export_template", None)
    if chosen is not None:
        return chosen or None  # "" : the house style, chosen explicitly
    from secretary.ui.settings import settings

    s = settings()
    remembered = s.value(TEMPLATE_KEY) if s is not None else None
    return Path(remembered) if isinstance(remembered, str) and remembered else None


def set_template(window: MainWindow, path: Path | None) -> bool:
    """Use ``path`` (checked first: a clear message if it is not a Word file) for
    exports from now on, or the house style for None. Remembered across runs."""
    from secretary.export.styles import TemplateError, open_template
    from secretary.ui.settings import settings

    if path is not None:
        try:
            open_template(path)
        except TemplateError as exc:
            QMessageBox.warning(window, tr("This template cannot be used"), str(exc))
            return False
    window.export_template = path if path is not None else ""
    s = settings()
    if s is not None:
        s.setValue(TEMPLATE_KEY, str(path) if path is not None else "")
    window.on_done(
        tr("Exports will use the Word template {0}").format(path.name)
        if path is not None
        else tr("Exports will use the built-in house style")
    )
    return True


def choose_template(window: MainWindow) -> bool:
    """Meeting ▸ Word template…: your health board's letterhead, fonts and styles."""
    current = window_template(window)
    path, _ = QFileDialog.getOpenFileName(
        window,
        tr("Word template for the minutes and logs"),
        str(current.parent if current else Path.home()),
        tr("Word documents and templates (*.docx *.dotx);;All files (*)"),
    )
    if path:
        return set_template(window, Path(path))
    if (
        current is not None
        and QMessageBox.question(
            window,
            tr("Word template"),
            tr("Exports use {0}. Go back to the built-in house style?").format(current.name),
        )
        == QMessageBox.StandardButton.Yes
    ):
        return set_template(window, None)
    return False


def open_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def import_teams(window: MainWindow) -> int:
    from secretary.ui.teams_import import import_teams_attendance

    return import_teams_attendance(window)


def approve_minutes(window: MainWindow) -> Any:
    from secretary.ui.between.approval import approve_minutes_dialog

    return approve_minutes_dialog(window.controller, window)


def outside_decisions(window: MainWindow) -> Any:
    from secretary.store.series import series_key_of
    from secretary.ui.between.outside import show_outside_decisions

    key = series_key_of(window.record, window.meeting_id)
    return show_outside_decisions(window.record, key, window.controller, window)


def attendance_year(window: MainWindow) -> Any:
    from secretary.store.series import series_key_of
    from secretary.ui.between.attendance import show_attendance_year

    key = series_key_of(window.record, window.meeting_id)
    return show_attendance_year(window.record, key, None, window)


def restore_from_backup(window: MainWindow) -> bool:
    """Choose a backup; restoring replaces the record, so the window must close first."""
    from secretary.store import RecordError
    from secretary.store.backup import backup_dir, list_backups

    path = record_file(window)
    if path is None:
        QMessageBox.information(
            window,
            tr("Restore from backup"),
            tr("This record is on a database server: ask its administrator to restore it."),
        )
        return False
    backups = list_backups(path)
    if not backups:
        QMessageBox.information(
            window, tr("Restore from backup"), tr("There are no backups of this record yet.")
        )
        return False
    chosen, _ = QFileDialog.getOpenFileName(
        window,
        tr("Restore which backup?"),
        str(backup_dir(path)),
        tr("Record backups (*.sqlite);;All files (*)"),
    )
    if not chosen:
        return False
    from secretary.app.files import restore_puts_aside

    aside = restore_puts_aside(Path(chosen), path)
    since = (
        tr("Recorded since this backup, and put aside with the copy:\n{0}\n\n").format(
            "\n".join(f"• {line}" for line in aside)
        )
        if aside
        else ""
    )
    answer = QMessageBox.question(
        window,
        tr("Restore from backup"),
        tr(
            "Replace the record with the backup {0}?\n\n{1}The current record is kept as a "
            "copy first, so nothing is lost. The window will close; open the record again "
            "afterwards."
        ).format(Path(chosen).name, since),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return _restore(window, path, Path(chosen), RecordError)


def _restore(window: MainWindow, path: Path, backup: Path, error: type[Exception]) -> bool:
    from secretary.app.files import restore, restore_would_undo
    from secretary.store.backup import RestoreWouldUndo

    # Approvals or whole meetings this backup would take away: said, and asked.
    undone = restore_would_undo(backup, path)
    if undone:
        answer = QMessageBox.warning(
            window,
            tr("Restore would undo"),
            tr(
                "Restoring {0} would undo:\n\n{1}\n\nThe record as it is now is kept "
                "apart. Restore it anyway?"
            ).format(backup.name, "\n".join(f"• {u}" for u in undone)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    window.item.notes.save()
    if window.backup_thread is not None:
        window.backup_thread.join()  # the opening backup still reads the record
    window.record.close()  # our own lock and connections go, or the restore is refused
    try:
        restore(backup, path, confirm=bool(undone))
    except RestoreWouldUndo as exc:  # approved meanwhile elsewhere: still asked, not done
        QMessageBox.warning(window, tr("Not restored"), str(exc))
        return False
    except (error, OSError) as exc:
        QMessageBox.warning(window, tr("Not restored"), str(exc))
        return False
    QMessageBox.information(
        window,
        tr("Restored"),
        tr("The record was restored from {0}. Open it again to carry on.").format(backup.name),
    )
    window.restored = True
    window.close()
    return True


def show_about(window: MainWindow) -> Any:
    from secretary.ui.about import AboutDialog

    dialog = AboutDialog(window.record.target, window)
    dialog.open()
    return dialog
