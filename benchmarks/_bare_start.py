"""The cold-start floor: a bare PySide6 script that shows an empty QMainWindow.

Prints the time of its first event-loop turn after show, as the app does."""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
