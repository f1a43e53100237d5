"""Child process for benchmarks/run.py: open a window, work it, print peak RSS (kB).

    python benchmarks/_window_probe.py bare
    python benchmarks/_window_probe.py meeting RECORD MEETING_ID

"bare" is the floor: a PySide6 window with a label. "meeting" opens the live
window on a stored meeting and records 200 attendance changes, notes and the
chair's screen, as during a meeting.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SECRETARY_NO_SETTINGS", "1")


def main() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([])
    if sys.argv[1] == "bare":
        window = QMainWindow()
        window.setCentralWidget(QLabel("Cluster Secretary"))
        window.resize(1366, 800)
        window.show()
        for _ in range(50):
            app.processEvents()
    else:
        from secretary.store import Record
        from secretary.ui.main_window import MainWindow

        record = Record(sys.argv[2])
        window = MainWindow(record, int(sys.argv[3]))
        window.resize(1366, 800)
        window.show()
        window.toggle_chair_screen()
        members = [
            p for p, person in window.controller.meeting.people.items() if person.role == "member"
        ]
        for k in range(200):
            window.controller.toggle_presence(members[k % len(members)])
            app.processEvents()
        window.item.notes.setPlainText("Notes typed during the meeting. " * 200)
        window.item.notes.save()
        app.processEvents()
        window.close()
        record.close()
    print(peak_rss_kb())


def peak_rss_kb() -> int:
    """This process's own peak resident size. (getrusage's ru_maxrss is kept across
    exec on Linux, so a child started by a big parent would report the parent's.)"""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


if __name__ == "__main__":
    main()
