"""The open record is held by identity, not by name (issue 17, point 3).

A real process records a meeting; the test renames, moves or deletes the
record under it, then SIGKILLs it. Every event the process reported recorded
must be in the record wherever it now is (or in the rescued copy), no empty
record may appear at the old name, and a second writer cannot open the moved
file while the first still has it.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from secretary.store import Record, RecordError
from secretary.store.lock import RecordLocked

HERE = Path(__file__).resolve().parent
WORKER = HERE / "move_worker.py"


class Worker:
    def __init__(self, record: Path):
        env = {**os.environ, "PYTHONPATH": str(HERE)}
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(record)], stdout=subprocess.PIPE, text=True, env=env
        )
        assert self.proc.stdout is not None
        self.out = self.proc.stdout
        assert self.out.readline().strip() == "READY"
        self.reported: list[str] = []
        self.moved = ""

    def read_until(self, events: int | None = None, moved: bool = False) -> None:
        start = len(self.reported)
        while True:
            if moved:  # a write after the move must be refused, not carry on
                assert len(self.reported) - start < 50, "writes carried on after the move"
            line = self.out.readline()
            assert line, "the worker ended"
            if line.startswith("E "):
                self.reported.append(line.split()[1])
                if events is not None and len(self.reported) >= events:
                    return
            elif line.startswith("MOVED "):
                self.moved = line[6:].strip()
                return

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.out.close()


def uuids_in(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT uuid FROM events")}
    finally:
        conn.close()


def test_a_record_renamed_while_recording_loses_nothing(tmp_path):
    path, moved = tmp_path / "meeting.sqlite", tmp_path / "renamed.sqlite"
    worker = Worker(path)
    worker.read_until(events=30)
    os.rename(path, moved)
    worker.read_until(moved=True)  # the next write is refused, naming where it is now
    assert str(moved) in worker.moved and "NOT recorded" in worker.moved
    # A second writer cannot open the moved file while the first has it open.
    with pytest.raises(RecordLocked, match="under another name"):
        Record(moved)
    worker.kill()
    assert set(worker.reported) <= uuids_in(moved)  # every acknowledged event
    assert not path.exists()
    with pytest.raises(RecordError, match="no such record"):
        Record(path, create=False)
    record = Record(moved)  # the dead writer's locks are gone: it opens
    record.close()


def test_a_record_moved_then_killed_before_the_next_write_is_never_replaced(tmp_path):
    """Killed before any write noticed the move: the last events are still in the
    WAL at the old name. No empty record is created over them; putting the file
    back brings every acknowledged event."""
    path, moved = tmp_path / "meeting.sqlite", tmp_path / "elsewhere.sqlite"
    worker = Worker(path)
    worker.read_until(events=30)
    os.kill(worker.proc.pid, signal.SIGSTOP)  # between two writes
    os.rename(path, moved)
    worker.kill()
    with pytest.raises(RecordError, match="holds changes recorded into it") as err:
        Record(path)  # what the window does at start with the remembered path
    assert "\n" not in str(err.value)
    assert not path.exists() and Path(f"{path}-wal").stat().st_size > 0
    os.rename(moved, path)  # put back, as the message says
    record = Record(path)
    record.close()
    assert set(worker.reported) <= uuids_in(path)


def test_a_record_deleted_while_recording_is_rescued(tmp_path):
    path = tmp_path / "meeting.sqlite"
    worker = Worker(path)
    worker.read_until(events=30)
    path.unlink()
    worker.read_until(moved=True)
    rescued = [p for p in tmp_path.iterdir() if "-rescued-" in p.name and p.suffix == ".sqlite"]
    assert len(rescued) == 1 and str(rescued[0]) in worker.moved
    worker.kill()
    assert set(worker.reported) <= uuids_in(rescued[0])
    assert oct(rescued[0].stat().st_mode & 0o777) == "0o600"


def test_a_write_after_a_move_in_this_process_is_refused(tmp_path, worked_example):
    from secretary.domain.scenario import load_scenario
    from secretary.store import LiveMeeting
    from secretary.store.record import RecordMoved

    path = tmp_path / "r.sqlite"
    sc = load_scenario(worked_example)
    record = Record(path)
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    live = LiveMeeting(record, mid)
    for e in sc.events[:5]:
        live.record_event(e)
    n = len(live.events)
    os.rename(path, tmp_path / "r2.sqlite")
    with pytest.raises(RecordMoved):
        live.record_event(sc.events[5])
    assert len(live.events) == n  # state unchanged
    with pytest.raises(RecordMoved):  # and stays refused
        record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    record.close()
    assert not path.exists()  # nothing created at the old name
    assert len(uuids_in(tmp_path / "r2.sqlite")) == n
