"""The window's first paint without SQLAlchemy (store.fastread), and the hand-over to
the writer opened on a worker thread (store.handover): the state shown is the
record's, nothing is written before the writer is open, and every write still goes
through LiveMeeting (check -> commit -> apply)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from secretary.demo import create_demo_record
from secretary.store import LiveMeeting, Record, RecordError
from secretary.store import handover as handover_module
from secretary.store.fastread import first_paint, schema_head
from secretary.store.handover import HandOver
from secretary.store.migrate import HEAD

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo(tmp_path) -> tuple[Path, int]:
    path = tmp_path / "demo.sqlite"
    record, meeting_id = create_demo_record(path)
    record.close()  # type: ignore[attr-defined]
    return path, meeting_id


def test_the_schema_head_read_without_alembic_is_alembics():
    assert schema_head() == HEAD


def test_first_paint_is_the_meeting_the_record_gives(demo):
    path, mid = demo
    first = first_paint(path, mid)
    assert first is not None
    record = Record(path)
    try:
        live = LiveMeeting(record, mid)
        assert first.info == live.info
        assert first.event_ids == [e.id for e in live.events]
        assert first.meeting.events == live.meeting.events
        for name in (
            "people",
            "items",
            "agenda",
            "attendance",
            "declarations",
            "notes",
            "actions",
            "financial",
            "focus",
            "cancelled",
        ):
            assert getattr(first.meeting, name) == getattr(live.meeting, name), name
        assert [d.status for d in first.meeting.decisions] == [
            d.status for d in live.meeting.decisions
        ]
    finally:
        record.close()


def test_anything_unusual_is_left_to_the_ordinary_open(demo, tmp_path):
    path, mid = demo
    assert first_paint(path, mid + 99) is None  # no such meeting
    assert first_paint(tmp_path / "missing.sqlite", 1) is None
    text = tmp_path / "notes.txt"
    text.write_text("not a record")
    assert first_paint(text, 1) is None
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")  # needs an upgrade
    conn.commit()
    assert first_paint(path, mid) is None
    conn.execute("UPDATE alembic_version SET version_num = ?", (HEAD,))
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET payload = '{broken' WHERE id = (SELECT max(id) FROM events)")
    conn.commit()
    conn.close()
    assert first_paint(path, mid) is None  # a damaged event: the ordinary open names it


def test_a_checked_out_meeting_is_left_to_the_ordinary_open(demo):
    path, mid = demo
    conn = sqlite3.connect(path)
    (uuid,) = conn.execute("SELECT uuid FROM meetings WHERE id = ?", (mid,)).fetchone()
    columns = [r[1] for r in conn.execute("PRAGMA table_info(meeting_leases)")]
    values = {c: "x" for c in columns if c != "id"} | {"meeting_uuid": uuid}
    conn.execute(
        f"INSERT INTO meeting_leases ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    )
    conn.commit()
    conn.close()
    assert first_paint(path, mid) is None


def gate_the_writer(monkeypatch) -> threading.Event:
    """Hold the hand-over's writer until the returned event is set."""
    gate = threading.Event()
    real_open = HandOver._open

    def held(self: HandOver) -> None:
        gate.wait(30)
        real_open(self)

    monkeypatch.setattr(HandOver, "_open", held)
    return gate


def test_nothing_is_written_before_the_writer_is_open(demo, monkeypatch):
    path, mid = demo
    gate = gate_the_writer(monkeypatch)
    first = first_paint(path, mid)
    assert first is not None
    h = HandOver(first)
    before = len(h.events)
    assert not h.ready and h.meeting is first.meeting
    threading.Timer(0.05, gate.set).start()
    pid = next(p for p in h.meeting.people if not h.meeting.is_present(p))
    h.record_event({"type": "arrive", "person": pid, "at": "14:00"})  # waits, then writes
    assert h.ready and h.meeting.is_present(pid) and len(h.events) == before + 1
    h.close()
    record = Record(path, readonly=True)
    try:
        assert record.events(mid)[-1].get("person") == pid  # on disk, through LiveMeeting
    finally:
        record.close()


def test_events_written_in_between_reach_the_views(demo):
    path, mid = demo
    first = first_paint(path, mid)
    assert first is not None
    other = Record(path)  # another program records meanwhile
    live = LiveMeeting(other, mid)
    pid = next(p for p in live.meeting.people if not live.meeting.is_present(p))
    live.record_event({"type": "arrive", "person": pid, "at": "14:01"})
    other.close()
    h = HandOver(first)
    h.wait()
    assert h.changed and h.meeting.is_present(pid)
    h.close()


def test_a_writer_that_cannot_open_records_nothing_and_says_why(demo, monkeypatch):
    path, mid = demo

    def refuse(*_a, **_k):
        raise RecordError(f"{path}: the record is busy in another program")

    monkeypatch.setattr(handover_module, "_open_writer", refuse)
    first = first_paint(path, mid)
    assert first is not None
    h = HandOver(first)
    with pytest.raises(RecordError, match="busy in another program"):
        h.record_event({"type": "focus"})
    assert h.error and "busy" in h.error
    assert len(h.events) == len(first.meeting.events)


def test_the_window_opens_on_a_hand_over(qtbot, demo, monkeypatch):
    from secretary.ui.main_window import MainWindow

    path, mid = demo
    gate = gate_the_writer(monkeypatch)
    first = first_paint(path, mid)
    assert first is not None
    h = HandOver(first)
    window = MainWindow(None, mid, live=h)
    qtbot.addWidget(window)
    window.show()
    assert window.attendance.model.rowCount() == len(first.meeting.people)
    assert window.banner.headline.text()
    with qtbot.waitSignal(window.writer_done, timeout=10_000):
        gate.set()
    assert window.record is h.record and window.backup_thread is not None
    pid = next(p for p in h.meeting.people if not h.meeting.is_present(p))
    with qtbot.waitSignal(window.controller.attendance_changed, timeout=5000):
        window.controller.toggle_presence(pid)
    window.close()
    h.close()


def test_the_first_paint_needs_no_sqlalchemy(demo):
    """With SQLAlchemy unimportable, the window still shows the meeting (the writer
    then fails, and the window says so rather than record anything)."""
    path, mid = demo
    script = f"""
import sys
sys.modules["sqlalchemy"] = None  # any import of it fails
from PySide6.QtWidgets import QApplication
app = QApplication([])
from secretary.store.fastread import first_paint
from secretary.store.handover import HandOver
from secretary.ui.main_window import MainWindow
first = first_paint({str(path)!r}, {mid})
assert first is not None
h = HandOver(first)
window = MainWindow(None, {mid}, live=h)
window.show()
app.processEvents()
print(window.attendance.model.rowCount(), len(first.meeting.people))
h._done.wait(30)
app.processEvents()
print("writer:", h.error)
print("message:", window.message.text())
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "SECRETARY_NO_SETTINGS": "1",
            "PATH": "/usr/bin:/bin",
            "HOME": str(path.parent),
        },
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    shown, people = lines[0].split()
    assert shown == people != "0"
    assert "sqlalchemy" in lines[1].lower() or "import" in lines[1].lower()
    assert lines[2].startswith("message: Read only")


def test_the_app_on_a_meeting_opens_its_writer_after_the_first_paint(demo):
    """`secretary --db R --meeting ID`: shown from the first paint, then the writer
    opens, and the closing backup is waited for before the app exits."""
    from secretary.store.backup import list_backups

    path, mid = demo
    done = subprocess.run(
        [sys.executable, "-m", "secretary", "--db", str(path), "--meeting", str(mid)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "SECRETARY_NO_SETTINGS": "1",
            "SECRETARY_QUIT_AFTER_MS": "1500",
            "PATH": "/usr/bin:/bin",
            "HOME": str(path.parent),
        },
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "secretary-ready" in done.stderr and "Traceback" not in done.stderr
    # The closing backup needs the writer: it was opened. (The opening one is taken
    # when the writer opens; on a slow machine the window may close before that.)
    reasons = sorted(b.reason for b in list_backups(path))
    assert reasons in (["close"], ["close", "open"])


def warmed_up() -> None:
    """The window's warm-up imports (started once its writer is open) finished."""
    for thread in threading.enumerate():
        if thread.name == "secretary-warm-up":
            thread.join(60)


def test_the_window_starts_its_writer_once_painted_and_leaves_the_collector_on(
    qtbot, demo, monkeypatch
):
    """The writer's imports wait for the window's first paint (they would compete
    with it for the interpreter); the garbage collector, held off while modules load,
    is running again once the writer and the warm-up are done (secretary/heap.py)."""
    import gc

    from secretary import heap
    from secretary.ui.main_window import MainWindow

    path, mid = demo
    gate = gate_the_writer(monkeypatch)
    heap.hold("startup")  # as secretary.main does before the window's imports
    first = first_paint(path, mid)
    assert first is not None
    h = HandOver(first, start=False)
    window = MainWindow(None, mid, live=h)
    qtbot.addWidget(window)
    assert not h._started  # not before the window is shown and painted
    window.show()
    qtbot.waitUntil(lambda: h._started, timeout=5000)
    assert "startup" not in heap.held() and "writer" in heap.held()
    assert not gc.isenabled()  # SQLAlchemy's import: no full collections
    with qtbot.waitSignal(window.writer_done, timeout=10_000):
        gate.set()
    warmed_up()
    assert not heap.held() and gc.isenabled()
    window.close()
    h.close()


def test_a_window_closed_before_its_writer_opened_leaves_the_collector_on(qtbot, demo, monkeypatch):
    import gc

    from secretary import heap
    from secretary.ui.main_window import MainWindow

    path, mid = demo
    gate = gate_the_writer(monkeypatch)
    first = first_paint(path, mid)
    assert first is not None
    h = HandOver(first, start=False)
    window = MainWindow(None, mid, live=h)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: h._started, timeout=5000)
    assert "writer" in heap.held()
    window.close()
    assert "writer" not in heap.held()
    gate.set()
    h.close()
    warmed_up()
    assert not heap.held() and gc.isenabled()


def test_a_meeting_named_up_front_is_read_before_qt_loads(demo):
    """`secretary --db R --meeting ID` reads and folds the meeting before PySide6 is
    imported (secretary.main.read_first_paint), and the window uses that reading."""
    path, mid = demo
    script = f"""
import argparse, sys
from secretary.main import read_first_paint
first = read_first_paint(argparse.Namespace(db={str(path)!r}, open_meeting={mid}, demo=False))
print(first is not None, "PySide6" in sys.modules, len(first.meeting.people))
for other in (
    argparse.Namespace(db="postgresql://host/db", open_meeting={mid}, demo=False),
    argparse.Namespace(db={str(path)!r}, open_meeting=None, demo=False),
    argparse.Namespace(db=None, open_meeting={mid}, demo=False),
    argparse.Namespace(db={str(path)!r}, open_meeting={mid}, demo=True),
):
    print(read_first_paint(other))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    read, qt_loaded, people = lines[0].split()
    assert (read, qt_loaded) == ("True", "False") and int(people) > 0
    assert lines[1:] == ["None"] * 4


def test_the_window_uses_the_meeting_read_before_qt(demo, monkeypatch):
    import argparse

    from secretary.store import fastread
    from secretary.ui import app as ui_app

    path, mid = demo
    first = first_paint(path, mid)
    assert first is not None
    reads = []
    monkeypatch.setattr(fastread, "first_paint", lambda *a: reads.append(a))
    args = argparse.Namespace(db=str(path), open_meeting=mid, demo=False)
    handover = ui_app.first_paint_handover(args, first)
    assert handover is not None and handover.first is first and reads == []
    handover.close()
    # Read for another meeting than the one asked for: read again, not used.
    other = ui_app.first_paint_handover(
        argparse.Namespace(db=str(path), open_meeting=mid + 1, demo=False), first
    )
    assert reads == [(str(path), mid + 1)] and other is None


def test_a_failure_reading_before_qt_leaves_the_collector_on(demo, monkeypatch):
    """A bug in the read before Qt is one line and a log (cli.main), and the start's
    hold on the garbage collector is released (secretary/heap.py)."""
    import gc

    from secretary import heap
    from secretary import main as secretary_main
    from secretary.store import fastread

    def broken(*_args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(fastread, "first_paint", broken)
    path, mid = demo
    assert secretary_main.main(["--db", str(path), "--meeting", str(mid)]) == 1
    assert "startup" not in heap.held() and gc.isenabled()
