"""The cold-start floor: a bare PySide6 script that shows an empty QMainWindow.

Prints the time of its first event-loop turn after show, as the app does. With
BARE_START_CACHED set, PySide6 is imported with its support modules' code cached
(secretary/pyside_cache.py), as the app imports it."""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if os.environ.get("BARE_START_CACHED"):  # PySide6's support modules cached, as the app
    from secretary.pyside_cache import embedded_bytecode_cached

    with embedded_bytecode_cached():
        import PySide6.QtCore  # noqa: F401

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(
    0, lambda: print(f"secretary-ready {time.time():.6f}", file=sys.stderr, flush=True)
)
QTimer.singleShot(0, window.close)
app.exec()
