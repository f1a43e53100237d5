"""What the window does with an exception nobody expected (as qutebrowser does).

An exception escaping a slot would otherwise be printed to a console nobody reads
(or abort the program). ``install_exception_hook()`` replaces ``sys.excepthook``:
the traceback goes to the log file (secretary/logs.py), and the secretary is told
once, in one dialog, that everything already recorded is safe and the meeting can
go on. The window stays open and usable: every event is committed as it is
recorded, so a failure in showing or exporting loses nothing.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from secretary.logs import log_file, setup_logging

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def tr(text: str) -> str:
    return QCoreApplication.translate("crash", text)


class ExceptionHook:
    """The replacement ``sys.excepthook``; ``uninstall()`` puts the old one back."""

    def __init__(self, previous: Hook) -> None:
        self.previous = previous
        self.box: QMessageBox | None = None  # the one dialog, while it is open

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, (KeyboardInterrupt, SystemExit)):
            self.previous(kind, exc, tb)
            return
        setup_logging()  # the log file, if this comes before the window was shown
        log.error(
            "unexpected error in the window\n%s",
            "".join(traceback.format_exception(kind, exc, tb)).rstrip(),
        )
        if QApplication.instance() is None:
            self.previous(kind, exc, tb)
            return
        self.tell(exc)

    def tell(self, exc: BaseException) -> None:
        """One dialog, not modal to the application: the meeting can carry on. A
        second failure while it is open adds nothing but a line in the log."""
        if self.box is not None and shiboken6.isValid(self.box):
            return
        from PySide6.QtWidgets import QMessageBox  # a dialog's class: made when needed

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Something went wrong"),
            tr(
                "Something went wrong in the window, but everything recorded so far is "
                "safe in the record. You can carry on with the meeting."
            ),
            QMessageBox.StandardButton.Ok,
            _main_window(),
        )
        box.setInformativeText(
            tr("What happened ({0}) is written in {1}.").format(type(exc).__name__, str(log_file()))
        )
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._closed)
        box.destroyed.connect(self._closed)
        self.box = box
        box.show()

    def _closed(self) -> None:
        self.box = None

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous


def _main_window() -> QWidget | None:
    """The meeting window to show the dialog over: not whichever dialog is active,
    which may be the one about to close."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            return widget
    return None


def install_exception_hook() -> ExceptionHook:
    """Install the hook (once: a second call returns the one in place)."""
    if isinstance(sys.excepthook, ExceptionHook):
        return sys.excepthook
    hook = ExceptionHook(sys.excepthook)
    sys.excepthook = hook
    return hook
