"""One writer per record: a second instance (a real process) is refused with who/where/since,
may open read-only, and a dead writer's lock is taken over."""

from __future__ import annotations

import gc
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time

import pytest

from secretary.domain.scenario import load_scenario
from secretary.store import LiveMeeting, Record, RecordError
from secretary.store import lock as lockmod
from secretary.store.lock import RecordLocked, acquire_lock, lock_path, read_holder

OPENER = r"""
import json, sys
from secretary.store import Record, RecordError
from secretary.store.lock import RecordLocked
path, mode = sys.argv[1], sys.argv[2]
out = {}
try:
    r = Record(path, readonly=(mode == "ro"))
    out["opened"] = True
    out["meetings"] = [m.title for m in r.list_meetings()]
    if mode == "ro":
        try:
            r.append(r.list_meetings()[0].id, None, 0)
        except RecordError as exc:
            out["append"] = str(exc)
    if mode == "hold":
        print(json.dumps(out), flush=True)
        sys.stdin.readline()
    r.close()
except RecordLocked as exc:
    out["locked"] = str(exc)
    out["holder_pid"] = exc.holder.pid if exc.holder else None
except RecordError as exc:
    out["error"] = str(exc)
print(json.dumps(out), flush=True)
"""


def other_process(path, mode="rw") -> dict:
    done = subprocess.run(
        [sys.executable, "-c", OPENER, str(path), mode], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def stored(path, worked_example) -> Record:
    record = Record(path)
    sc = load_scenario(worked_example)
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    live = LiveMeeting(record, mid)
    for e in sc.events:
        live.record_event(e)
    return record


def test_lock_file_names_the_writer_and_goes_on_close(record_path):
    record = Record(record_path)
    lock = lock_path(record_path)
    assert lock.name == "record.sqlite.lock"
    holder = json.loads(lock.read_text())
    assert holder["pid"] == os.getpid()
    assert holder["host"] == socket.gethostname()
    assert holder["user"] and holder["since"]
    assert stat.S_IMODE(os.stat(lock).st_mode) == 0o600
    record.close()
    assert not lock.exists()
    record.close()  # twice is harmless


def test_second_process_is_refused_with_a_clear_message(record_path, worked_example):
    record = stored(record_path, worked_example)
    got = other_process(record_path)
    assert "opened" not in got
    message = got["locked"]
    assert str(record_path) in message
    assert f"on {socket.gethostname()}" in message
    assert f"(pid {os.getpid()})" in message
    assert "since" in message and message.endswith("open it read-only?")
    assert got["holder_pid"] == os.getpid()
    record.close()
    assert other_process(record_path) == {
        "opened": True,
        "meetings": ["Upper Valleys Cluster Board"],
    }


def test_second_process_may_open_read_only_and_cannot_write(record_path, worked_example):
    record = stored(record_path, worked_example)
    got = other_process(record_path, "ro")
    assert got["opened"] is True
    assert got["meetings"] == ["Upper Valleys Cluster Board"]
    assert "read-only" in got["append"]
    # The writer carries on undisturbed.
    live = LiveMeeting(record, record.list_meetings()[0].id)
    live.record_event({"type": "leave", "person": "nurse"})
    record.close()


def test_this_process_is_refused_while_another_process_holds_it(record_path, worked_example):
    stored(record_path, worked_example).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", OPENER, str(record_path), "hold"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert json.loads(holder.stdout.readline())["opened"] is True
        with pytest.raises(RecordLocked, match=rf"pid {holder.pid}\) since .*read-only\?"):
            Record(record_path)
        with pytest.raises(RecordError):  # RecordLocked is a RecordError
            Record(record_path)
        ro = Record(record_path, readonly=True)
        assert len(ro.list_meetings()) == 1
        ro.close()
    finally:
        holder.communicate("\n", timeout=30)
    Record(record_path).close()  # released when the other process closed it


def test_a_killed_writers_lock_is_taken_over(record_path, worked_example):
    stored(record_path, worked_example).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", OPENER, str(record_path), "hold"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert json.loads(holder.stdout.readline())["opened"] is True
    os.kill(holder.pid, signal.SIGKILL)
    holder.communicate()  # reaps it and closes its pipes
    assert read_holder(record_path).pid == holder.pid  # the dead writer's file is left
    record = Record(record_path)  # stale: taken over
    assert read_holder(record_path).pid == os.getpid()
    assert len(record.list_meetings()) == 1
    record.close()


def test_a_lock_file_left_with_garbage_is_taken_over(record_path):
    Record(record_path).close()
    lock_path(record_path).write_bytes(b"\x00\xffnot json")
    Record(record_path).close()
    assert not lock_path(record_path).exists()


def test_reopening_in_the_same_process_shares_the_lock(record_path):
    a = Record(record_path)
    b = Record(record_path)
    a.close()
    assert "locked" in other_process(record_path)  # b still has it open
    b.close()
    assert other_process(record_path)["opened"] is True


def test_a_forgotten_record_releases_its_lock_when_collected(record_path):
    Record(record_path)  # never closed
    gc.collect()
    assert not lock_path(record_path).exists()
    assert other_process(record_path)["opened"] is True


def test_read_only_opening_takes_no_lock(record_path):
    Record(record_path).close()
    ro = Record(record_path, readonly=True)
    assert not lock_path(record_path).exists()
    w = Record(record_path)
    w.close()
    ro.close()


def test_lock_is_released_when_opening_fails(record_path):
    import sqlite3

    Record(record_path).close()
    conn = sqlite3.connect(record_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(RecordError, match="newer version"):
        Record(record_path)
    assert not lock_path(record_path).exists()


# ---- the O_EXCL + pid fallback (platforms without fcntl) -------------------------------


@pytest.fixture
def no_fcntl(monkeypatch):
    monkeypatch.setattr(lockmod, "fcntl", None)


def write_holder(record_path, pid, host=None):
    lock_path(record_path).write_text(
        json.dumps(
            {
                "pid": pid,
                "host": host or socket.gethostname(),
                "user": "alice",
                "since": "2026-05-14T13:00:00+00:00",
            }
        )
    )


def test_fallback_refuses_a_live_writer(no_fcntl, record_path):
    Record(record_path).close()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        write_holder(record_path, sleeper.pid)
        with pytest.raises(
            RecordLocked,
            match=rf"by alice \(pid {sleeper.pid}\) since "
            r"2026-05-14",
        ):
            Record(record_path)
    finally:
        sleeper.kill()
        sleeper.wait()
    # Now its pid is dead on this host: stale, taken over.
    record = Record(record_path)
    assert read_holder(record_path).pid == os.getpid()
    record.close()
    assert not lock_path(record_path).exists()


def test_fallback_refuses_a_writer_on_another_host(no_fcntl, record_path):
    Record(record_path).close()
    write_holder(record_path, 1, host="surgery-laptop-7")
    with pytest.raises(RecordLocked, match="on surgery-laptop-7 by alice"):
        Record(record_path)


def test_fallback_takes_and_releases(no_fcntl, record_path):
    lock = acquire_lock(record_path)
    assert read_holder(record_path).pid == os.getpid()
    lock.release()
    assert not lock_path(record_path).exists()


def test_fallback_garbage_lock_is_stale_only_when_old(no_fcntl, record_path):
    Record(record_path).close()
    lock_path(record_path).write_bytes(b"")
    with pytest.raises(RecordLocked, match="another window or on another computer"):
        Record(record_path)
    old = time.time() - 3600
    os.utime(lock_path(record_path), (old, old))
    Record(record_path).close()


def test_pid_alive():
    assert lockmod.pid_alive(os.getpid())
    assert not lockmod.pid_alive(0)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    assert not lockmod.pid_alive(dead.pid)


def test_an_audit_replay_reads_while_another_process_writes(record_path, worked_example, capsys):
    from secretary.cli.main import main

    stored(record_path, worked_example).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", OPENER, str(record_path), "hold"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert json.loads(holder.stdout.readline())["opened"] is True
        assert main(["replay", "--db", str(record_path), "--meeting", "1"]) == 0
        assert main(["verify", "--db", str(record_path)]) == 0
        assert main(["replay", str(worked_example), "--db", str(record_path)]) == 2
        assert "open it read-only?" in capsys.readouterr().err
    finally:
        holder.communicate("\n", timeout=30)


def test_one_lock_whatever_the_name(record_path, tmp_path):
    Record(record_path).close()
    link = tmp_path / "link.sqlite"
    link.symlink_to(record_path)
    record = Record(link)
    assert lock_path(link) == lock_path(record_path)
    assert "locked" in other_process(record_path)
    record.close()


def test_another_users_lock_file_means_locked(record_path, monkeypatch):
    """A lock file we may not open (another user's, 0600) means someone has it open."""
    import errno

    Record(record_path).close()
    lock_path(record_path).write_text("{}")
    real_open = os.open

    def no_access(path, flags, *args):
        if str(path).endswith(".lock"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(lockmod.os, "open", no_access)
    with pytest.raises(RecordLocked, match="open it read-only") as err:
        Record(record_path)
    # Whose it is and what to do, not "another window or another computer" for ever.
    import pwd

    owner = pwd.getpwuid(lock_path(record_path).stat().st_uid).pw_name
    assert f"another user ({owner})" in str(err.value) and "can remove" in str(err.value)
    lock_path(record_path).unlink()
    with pytest.raises(RecordError, match="read-only place"):  # no lock file: the folder
        Record(record_path)


RACER = r"""
import sys, time
from secretary.store import Record
from secretary.store.lock import RecordLocked
path, start = sys.argv[1], float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
try:
    r = Record(path)
    print("opened", flush=True)
    sys.stdin.readline()  # hold it until every racer has answered
    r.close()
except RecordLocked:
    print("locked", flush=True)
"""


def test_processes_racing_to_open_never_make_two_writers(record_path):
    Record(record_path).close()
    for _round in range(3):
        start = time.time() + 0.8  # all try at once, once they have started
        racers = [
            subprocess.Popen(
                [sys.executable, "-c", RACER, str(record_path), str(start)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(6)
        ]
        answers = sorted(p.stdout.readline().strip() for p in racers)
        for p in racers:
            p.communicate("\n", timeout=60)
        assert answers == ["locked"] * 5 + ["opened"], answers
