"""The event-loop watchdog: the longest stall of the window's thread during an operation.

    python benchmarks/_watchdog.py RECORD MEETING_ID OUT_FOLDER

A timer asks to run every 2 ms; the longest gap between two of its turns, less
those 2 ms, is the longest time the window could not answer a key or repaint.
Measured while: opening a meeting (from the window shown to its writer open,
store.handover), exporting the four documents, taking a backup, and listing the
record's meetings (the start dialog's list, the between-meetings list). Prints one
JSON object: operation -> longest stall in ms.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SECRETARY_NO_SETTINGS", "1")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

TICK_MS = 2


class Watchdog:
    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.last = 0.0
        self.worst = 0.0

    def tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def watch(self, operation: Callable[[], object], settle: Callable[[], bool]) -> float:
        """Run ``operation`` in the event loop, then turn the loop until ``settle()``;
        the longest stall in ms (excluding the tick's own period)."""
        self.worst = 0.0
        self.last = time.perf_counter()
        self.timer.start()
        spin(20)
        QTimer.singleShot(0, operation)
        spin(5)
        deadline = time.perf_counter() + 120
        while not settle() and time.perf_counter() < deadline:
            spin(5)
        spin(20)
        self.timer.stop()
        return max(0.0, (self.worst * 1000) - TICK_MS)


def spin(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    record_path, meeting_id, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    app = QApplication([])
    dog = Watchdog()
    found: dict[str, float] = {}
    state: dict[str, object] = {}

    from secretary.store.fastread import first_paint
    from secretary.store.handover import HandOver
    from secretary.ui.main_window import MainWindow

    def open_meeting() -> None:
        first = first_paint(record_path, meeting_id)
        assert first is not None
        handover = HandOver(first)
        window = MainWindow(None, meeting_id, live=handover)
        window.show()
        state["window"], state["handover"] = window, handover

    # The floor: the longest stall of an idle window's loop on this machine now
    # (another process's turn on the CPU shows here as it does in every figure).
    idle_until = time.perf_counter() + 1.0
    found["idle (the floor)"] = dog.watch(lambda: None, lambda: time.perf_counter() > idle_until)

    # Opening: the first paint itself is the cold start (benchmarked apart); here,
    # everything after it until the writer is open and the opening backup is done.
    first = first_paint(record_path, meeting_id)
    assert first is not None
    handover = HandOver(first, start=False)  # as the app: the window starts it
    window = MainWindow(None, meeting_id, live=handover)
    window.show()

    def opened() -> bool:
        thread = window.backup_thread
        return (
            handover.ready and window._writer_opened and (thread is None or not thread.is_alive())
        )

    dog.last = time.perf_counter()
    found["opening a meeting (after first paint, until the writer is open)"] = dog.watch(
        lambda: None, opened
    )

    from secretary.ui import record_actions

    done: dict[str, bool] = {}

    def export() -> None:
        record_actions.export_meeting(window, str(out), ask_replace=False, language="en")
        done["export"] = True

    found["exporting the four documents"] = dog.watch(export, lambda: done.get("export", False))

    def backup() -> None:
        record_actions.take_backup(window, "bench", background=True)

    found["taking a backup"] = dog.watch(
        backup, lambda: window.backup_thread is not None and not window.backup_thread.is_alive()
    )

    def list_start() -> None:
        from secretary.ui.start import StartDialog

        dialog = StartDialog(window.record, window)
        state["start"] = dialog
        dialog.show()
        done["start"] = True

    found["listing the meetings (start dialog)"] = dog.watch(
        list_start, lambda: done.get("start", False)
    )

    def list_between() -> None:
        from secretary.ui.between.meetings import MeetingListModel

        state["between"] = MeetingListModel(window.record, parent=window)
        done["between"] = True

    found["listing the meetings (between meetings)"] = dog.watch(
        list_between, lambda: done.get("between", False)
    )
    window.close()
    for thread in [window.backup_thread]:
        if thread is not None:
            thread.join()
    handover.close()
    print(json.dumps(found))
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
