"""The cold-start floor: a bare PySide6 script that shows an empty QMainWindow.

Prints the time of its first event-loop turn after show, as the app does. With
BARE_START_CACHED set, PySide6 is imported as the app imports it: its support
modules' code cached (secretary/pyside_cache.py) and their regular expressions'
programs too (secretary/regex_cache.py)."""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if os.environ.get("BARE_START_CACHED"):  # PySide6 imported with the app's caches
    from secretary.pyside_cache import embedded_bytecode_cached
    from secretary.regex_cache import regexes_compiled_cached

    with regexes_compiled_cached(), embedded_bytecode_cached():
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
