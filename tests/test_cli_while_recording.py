"""Read-only commands work while a window records the meeting (issue 14, item 10):
SQLite readers in WAL mode need no writer's lock; a command that writes still
says who holds it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from between_year import build_year

from secretary.cli.main import main
from secretary.store import Record


@pytest.fixture
def db(record_path):
    record = Record(record_path)
    build_year(record, upto=4)
    record.close()
    return str(record_path)


@pytest.fixture
def writer(db):
    """Another process with the record open for writing, as the window has it."""
    code = textwrap.dedent(
        f"""
        import sys
        from secretary.store import Record
        r = Record({db!r})
        print("ready", flush=True)
        sys.stdin.read()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield proc
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=20)
    assert proc.stdout is not None
    proc.stdout.close()


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_meetings_and_reports_run_while_the_record_is_being_recorded(db, writer, capsys):
    code, out, err = run(capsys, "meetings", "--db", db, "--today", "2026-12-02")
    assert code == 0, err
    assert "== Upper Valleys Primary Care Cluster" in out
    code, out, err = run(capsys, "report", "attendance", "--db", db, "--year", "2026")
    assert code == 0, err
    code, out, err = run(capsys, "report", "interests", "--db", db)
    assert code == 0, err
    code, out, err = run(capsys, "outside", "list", "--db", db)
    assert code == 0, err
    assert "read-only?" not in err


def test_a_command_that_writes_still_names_the_writer(db, writer, capsys):
    code, _, err = run(capsys, "meetings", "--db", db, "--minutes-sent", "4", "--on", "2026-11-18")
    assert code != 0
    assert "is open in Cluster Secretary" in err


@pytest.mark.gui
def test_a_second_window_opens_read_only_and_says_so(qtbot, db, writer):
    from secretary.ui.app import open_for_window
    from secretary.ui.main_window import MainWindow

    record = open_for_window(db)
    try:
        assert record.readonly
        meeting = record.list_meetings()[0].id
        w = MainWindow(record, meeting)
        qtbot.addWidget(w)
        assert "READ ONLY" in w.windowTitle()
        assert w.message.text().startswith("Read only: this record is being recorded")
        events = len(w.controller.meeting.events)
        pid = next(iter(w.controller.meeting.people))
        assert w.controller.toggle_presence(pid) is None
        assert len(w.controller.meeting.events) == events
        assert "read only" in w.message.text()
        w.close()
    finally:
        record.close()
