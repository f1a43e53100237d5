"""Screenshots of the live window and the chair's screen on the demo meeting.

    .venv/bin/python scripts/screenshots.py [OUTDIR]

Runs offscreen (no display needed); writes main-window.png and chair-screen.png
(default: docs/screenshots/). The demo meeting is opened in a throw-away
record, the focus is on the Q1 spending plan and a vote is half taken.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SECRETARY_NO_SETTINGS", "1")

ROOT = Path(__file__).resolve().parent.parent


def demo_window_during_a_vote():  # type: ignore[no-untyped-def]
    """The demo meeting in a throw-away record, its window at 1366x800 with a vote
    half taken on the item in focus. Returns (record, window). Shared with
    screenshots_cy.py, so both languages show the same moment."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from secretary.demo import create_demo_record
    from secretary.ui.live.item import ItemPanel
    from secretary.ui.main_window import MainWindow

    app = QApplication.instance()
    record, meeting_id = create_demo_record()
    window = MainWindow(record, meeting_id, clock=lambda: "14:21")
    # The offscreen screen is small, so the window would open maximised on it.
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 800)
    window.show()
    c = window.controller
    item = c.focus
    assert item is not None
    # A vote under way on the item in focus: some groups have voted.
    rows = [r for r in c.vote_rows(item) if r.voter]
    for r, choice in zip(
        rows, ["for", "for", "against", "for", "abstain", "for", "for"], strict=False
    ):
        c.set_vote(item, r.voter, r.direction or choice)
    window.item.tabs.setCurrentIndex(ItemPanel.DECISION)
    window.attendance.select_person("opt")
    app.processEvents()
    return record, window


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    record, window = demo_window_during_a_vote()
    window.grab().save(str(out / "main-window.png"))
    chair = window.toggle_chair_screen()
    chair.resize(1280, 720)
    app.processEvents()
    chair.grab().save(str(out / "chair-screen.png"))
    print(out / "main-window.png")
    print(out / "chair-screen.png")
    window.close()
    record.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
