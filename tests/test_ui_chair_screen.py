"""The chair's screen goes full screen on a second monitor when there is one.

Qt's offscreen platform can pretend to have two screens (a configuration file),
which must be chosen before QApplication starts: so this runs in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

SCRIPT = """
import os
from PySide6.QtWidgets import QApplication
from secretary.demo import create_demo_record
from secretary.ui.main_window import MainWindow
app = QApplication([])
record, mid = create_demo_record(__import__("pathlib").Path(os.environ["DEMO_DB"]))
w = MainWindow(record, mid)
w.show()
app.processEvents()
chair = w.toggle_chair_screen()
app.processEvents()
g = chair.geometry()
print(w.screen().name(), chair.screen().name(), chair.isFullScreen(), g.x(), g.width())
w.close()
record.close()
"""


def run(tmp_path: Path, screens: list[dict]) -> list[str]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        SECRETARY_NO_SETTINGS="1",
        DEMO_DB=str(tmp_path / "demo.sqlite"),
    )
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return out.stdout.split()


def screen(name: str, x: int, width: int, height: int) -> dict:
    return {
        "name": name,
        "x": x,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }


def test_full_screen_on_the_second_monitor(tmp_path: Path):
    shown = run(tmp_path, [screen("laptop", 0, 1366, 768), screen("projector", 1366, 1920, 1080)])
    assert shown == ["laptop", "projector", "True", "1366", "1920"]


def test_a_normal_window_with_one_monitor(tmp_path: Path):
    shown = run(tmp_path, [screen("laptop", 0, 1366, 768)])
    assert shown[:3] == ["laptop", "laptop", "False"]


def test_the_rule_line_says_how_many_more_votes_for_are_needed(qtbot, tmp_path: Path):
    from secretary.demo import create_demo_record
    from secretary.ui.main_window import MainWindow

    record, mid = create_demo_record(tmp_path / "demo.sqlite")
    w = MainWindow(record, mid)
    qtbot.addWidget(w)
    c = w.controller
    chair = w.toggle_chair_screen()
    qtbot.addWidget(chair)
    m = c.meeting
    item = "7"  # Cluster IMTP: quarter 1 spending plan, not yet decided
    assert not m.decisions_for(item)
    c.set_focus(item)
    voters = iter(
        pid for pid, att in m.attendance.items() if att.present and m.people[pid].role != "attendee"
    )

    def vote_for_until(n: int) -> None:
        while c.preview(item).for_ < n:
            c.set_vote(item, next(voters), "for")

    vote_for_until(1)
    needed = c.preview(item).required
    assert needed > 2
    assert chair.rule.text().endswith(f" · {needed - 1} more votes for needed")
    vote_for_until(needed - 1)
    assert chair.rule.text().endswith(" · 1 more vote for needed")
    vote_for_until(needed)
    assert chair.rule.text().endswith(" · enough votes for to carry")
    w.close()
    record.close()
