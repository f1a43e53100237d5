"""An unexpected exception in a window slot: logged, told once, and the meeting goes on."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from secretary import logs
from secretary.domain.scenario import load_scenario
from secretary.store import Record
from secretary.ui.crash import ExceptionHook, install_exception_hook
from secretary.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(folder))
    assert logs.setup_logging() == folder / logs.LOG_NAME
    yield folder
    logs.stop_logging()


@pytest.fixture
def hook():
    installed = install_exception_hook()
    yield installed
    installed.uninstall()


def stored_events(path: Path, meeting_id: int) -> list[tuple[int, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT seq, type FROM events WHERE meeting_id = ? ORDER BY seq", (meeting_id,)
        ).fetchall()
    finally:
        conn.close()


def open_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


# pytest-qt would put its own hook in place of ours for the test's duration.
@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_keeps_the_window_and_the_record(
    qtbot, tmp_path, worked_example, log_dir, hook, monkeypatch
):
    sc = load_scenario(worked_example)
    path = tmp_path / "record.sqlite"
    record = Record(path)
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    window = MainWindow(record, mid)
    qtbot.addWidget(window)
    window.show()
    c = window.controller
    window.attendance.select_person("lead")
    window.attendance.arrive_button.click()
    assert c.meeting.is_present("lead")
    before = stored_events(path, mid)

    def bug(*_a, **_k):
        raise RuntimeError("a bug nobody expected")

    monkeypatch.setattr(c.live.record, "append", bug)
    window.attendance.select_person("gp1")
    window.attendance.arrive_button.click()  # the slot raises; Qt hands it to sys.excepthook
    assert sys.excepthook is hook

    # Told once, in one dialog, that the record is safe.
    qtbot.waitUntil(lambda: len(open_boxes()) == 1, timeout=2000)
    (box,) = open_boxes()
    assert box is hook.box
    assert "everything recorded so far is safe" in box.text()
    assert str(log_dir / logs.LOG_NAME) in box.informativeText()
    window.attendance.arrive_button.click()  # a second failure: no second dialog
    qtbot.wait(50)
    assert len(open_boxes()) == 1

    # The traceback is in the log file.
    text = (log_dir / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: a bug nobody expected" in text
    assert text.count("RuntimeError: a bug nobody expected") == 2

    # The window is still up, and the record holds exactly what it held.
    assert window.isVisible()
    assert stored_events(path, mid) == before
    assert not c.meeting.is_present("gp1")

    # And the meeting goes on once the dialog is closed.
    box.close()
    qtbot.waitUntil(lambda: hook.box is None, timeout=2000)
    monkeypatch.undo()
    window.attendance.select_person("gp1")
    window.attendance.arrive_button.click()
    assert c.meeting.is_present("gp1")
    assert len(stored_events(path, mid)) == len(before) + 1
    window.close()
    record.close()


def test_the_hook_is_installed_once() -> None:
    first = install_exception_hook()
    try:
        assert install_exception_hook() is first
        assert isinstance(sys.excepthook, ExceptionHook)
    finally:
        first.uninstall()
    assert not isinstance(sys.excepthook, ExceptionHook)
