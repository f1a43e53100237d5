"""Slow work (exports, backups, the year's reports) off the window's thread.

``run_in_background(window, label, work)`` runs ``work`` on a worker thread and,
meanwhile, keeps the window's event loop turning (a nested loop, as a dialog's
``exec`` does) with a busy indicator and ``label`` in the status bar: the window
repaints, the banner and the chair's screen stay live, keys are answered. It
returns ``work``'s result, or raises what it raised, in the window's thread, so a
caller reads as if the work were done in place. The work only reads the record or
writes files; anything it records goes, as always, through the controller.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QProgressBar, QWidget

T = TypeVar("T")

# How long a worker thread may keep the interpreter before the window's thread,
# waiting for it, gets its turn (Python's default is 5 ms): with the writer's
# imports, a backup and a read running behind the window, 5 ms turns added up to
# stalls of 100 ms on a busy machine (docs/performance.md).
WINDOW_SWITCH_INTERVAL = 0.001


def favour_the_window() -> None:
    """Hand the interpreter back to the window's thread within a millisecond."""
    if sys.getswitchinterval() > WINDOW_SWITCH_INTERVAL:
        sys.setswitchinterval(WINDOW_SWITCH_INTERVAL)


class _Done(QObject):
    finished = Signal()  # emitted from the worker; delivered queued to the window's thread


def run_in_background(widget: QWidget, label: str, work: Callable[[], T]) -> T:
    """``work()`` on a worker thread, the event loop turning meanwhile (see above).
    The busy indicator goes in the status bar of ``widget``'s main window, if it has
    one, else the pointer shows busy over the application."""
    box: dict[str, Any] = {}
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit)

    def run() -> None:
        try:
            box["result"] = work()
        except BaseException as exc:  # re-raised in the window's thread
            box["error"] = exc
        finally:
            done.finished.emit()

    top = widget.window()
    window = top if isinstance(top, QMainWindow) else None
    bar = None
    previous = ""
    if window is not None:
        bar = QProgressBar(window)
        bar.setRange(0, 0)  # busy: how long a document takes is not known ahead
        bar.setMaximumWidth(160)
        bar.setTextVisible(False)
        bar.setToolTip(label)
        status = window.statusBar()
        status.addPermanentWidget(bar)
        previous = status.currentMessage()
        status.showMessage(label)
    else:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    thread = threading.Thread(target=run, name="secretary-background", daemon=False)
    thread.start()
    loop.exec()  # the worker's finished signal is queued here, even if already sent
    thread.join()
    if window is not None and bar is not None:
        window.statusBar().removeWidget(bar)
        bar.deleteLater()
        window.statusBar().showMessage(previous)
    else:
        QGuiApplication.restoreOverrideCursor()
    if "error" in box:
        raise box["error"]
    return box["result"]
