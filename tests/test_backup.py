"""Rolling backups (SQLite online backup API) and restoring them, in the API and the CLI."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from secretary.cli.main import main
from secretary.domain.scenario import load_scenario
from secretary.store import LiveMeeting, Record, RecordError
from secretary.store.backup import (
    DEFAULT_KEEP,
    backup_dir,
    backup_record,
    check_backup,
    list_backups,
    restore_backup,
)
from secretary.store.lock import RecordLocked


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def event_ids(path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT uuid FROM events ORDER BY meeting_id, seq")]
    finally:
        conn.close()


@pytest.fixture
def live(record_path, worked_example):
    record = Record(record_path)
    sc = load_scenario(worked_example)
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    live = LiveMeeting(record, mid)
    for e in sc.events:
        live.record_event(e)
    yield live
    record.close()


def test_backup_while_open_holds_every_committed_event(live, record_path):
    # The record is open, in WAL mode, with events not yet checkpointed.
    assert os.path.exists(f"{record_path}-wal")
    backup = backup_record(record_path)
    assert backup.parent == record_path.parent / "backups"
    assert backup.name.startswith("record.sqlite-") and backup.suffix == ".sqlite"
    assert event_ids(backup) == [e.id for e in live.events]
    check_backup(backup)
    # One self-contained file: no -wal or -shm beside it, rollback journal mode.
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


def test_backups_are_owner_only(live, record_path):
    backup = backup_record(record_path, reason="open")
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(backup_dir(record_path)).st_mode) == 0o700


def test_record_wal_and_shm_are_owner_only(live, record_path):
    for suffix in ("", "-wal", "-shm", ".lock"):
        mode = stat.S_IMODE(os.stat(f"{record_path}{suffix}").st_mode)
        assert mode == 0o600, (suffix, oct(mode))


def test_owner_only_even_with_a_permissive_umask(tmp_path, worked_example):
    old = os.umask(0)
    try:
        path = tmp_path / "open.sqlite"
        record = Record(path)
        record.create_meeting(load_scenario(worked_example).info, "x", "{}")
        backup = backup_record(path)
        for p in (path, f"{path}-wal", f"{path}-shm", backup):
            assert stat.S_IMODE(os.stat(p).st_mode) == 0o600, p
        record.close()
    finally:
        os.umask(old)


def test_rolling_backups_keep_n_newest(live, record_path):
    made = []
    for i in range(7):
        made.append(backup_record(record_path, keep=3, reason=f"close-{i}"))
    listed = list_backups(record_path)
    assert [b.path for b in listed] == made[-3:][::-1]  # newest first
    assert [b.reason for b in listed] == ["close-6", "close-5", "close-4"]
    assert not any(p.exists() for p in made[:-3])


def test_default_keeps_ten(live, record_path):
    assert DEFAULT_KEEP == 10
    for _ in range(12):
        backup_record(record_path)
    assert len(list_backups(record_path)) == 10


def test_backups_of_another_record_in_the_same_folder_are_left_alone(live, record_path):
    other = record_path.parent / "other.sqlite"
    Record(other).close()
    mine = backup_record(record_path, keep=1)
    theirs = backup_record(other, keep=1)
    backup_record(record_path, keep=1)
    assert theirs.exists() and not mine.exists()
    assert [b.path for b in list_backups(other)] == [theirs]


def test_a_half_written_backup_is_never_listed(live, record_path):
    folder = backup_dir(record_path)
    folder.mkdir()
    old = folder / ".record-20260514T130000_000000Z.sqlite.partial"
    young = folder / ".record-20260514T140000_000000Z.sqlite.partial"  # another's, running
    for p in (old, young):
        p.write_bytes(b"SQLite format 3")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert list_backups(record_path) == []
    backup_record(record_path)
    assert [p.name for p in folder.iterdir() if p.name.endswith(".partial")] == [young.name]


def test_backup_of_a_missing_record_is_a_clear_error(tmp_path):
    with pytest.raises(RecordError, match="no such record"):
        backup_record(tmp_path / "nope.sqlite")


def test_restore_puts_the_backup_back_and_keeps_the_current_file(live, record_path):
    before = backup_record(record_path, reason="open")
    kept_ids = [e.id for e in live.events]
    live.record_event({"type": "leave", "person": "nurse"})
    after_ids = [e.id for e in live.events]
    live.record.close()
    safety = restore_backup(before, record_path)
    assert event_ids(record_path) == kept_ids
    assert event_ids(safety) == after_ids  # nothing was lost: the newer state is kept
    assert "before-restore" in safety.name
    assert stat.S_IMODE(os.stat(record_path).st_mode) == 0o600
    reopened = Record(record_path)
    assert len(LiveMeeting(reopened, 1).events) == len(kept_ids)
    reopened.close()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(live, record_path):
    backup = backup_record(record_path)
    live.record.close()
    data = bytearray(backup.read_bytes())
    page = 4096
    data[3 * page : 3 * page + 2000] = os.urandom(2000)
    backup.write_bytes(bytes(data))
    before = digest(record_path)
    n_backups = len(list_backups(record_path))
    with pytest.raises(RecordError, match="damaged|cannot be read|malformed"):
        restore_backup(backup, record_path)
    assert digest(record_path) == before
    assert len(list_backups(record_path)) == n_backups


@pytest.mark.parametrize(
    "content, why",
    [
        (b"PK\x03\x04 a word document", "not a Cluster Secretary backup"),
        (b"", "not a Cluster Secretary backup"),
    ],
)
def test_restore_refuses_what_is_not_a_backup(live, record_path, tmp_path, content, why):
    live.record.close()
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(content)
    before = digest(record_path)
    with pytest.raises(RecordError, match=why):
        restore_backup(bogus, record_path)
    assert digest(record_path) == before


def test_restore_refuses_a_foreign_sqlite_file(live, record_path, tmp_path):
    live.record.close()
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(RecordError, match="not a Cluster Secretary record"):
        restore_backup(foreign, record_path)


def test_restore_refuses_while_the_record_is_open_in_this_process(live, record_path):
    backup = backup_record(record_path)
    with pytest.raises(RecordLocked, match="close it before restoring"):
        restore_backup(backup, record_path)
    live.record_event({"type": "leave", "person": "nurse"})  # still usable


def test_restore_refuses_while_another_process_has_it_open(live, record_path):
    backup = backup_record(record_path)
    live.record.close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from secretary.store import Record; "
            f"r = Record({str(record_path)!r}); print('open', flush=True); sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        before = digest(record_path)
        with pytest.raises(
            RecordLocked,
            match=r"\(pid \d+\) since .*; close it there before "
            "restoring a backup",
        ):
            restore_backup(backup, record_path)
        assert digest(record_path) == before
    finally:
        holder.communicate("\n", timeout=30)


def test_restore_over_a_damaged_record_keeps_its_bytes(live, record_path):
    backup = backup_record(record_path)
    good = event_ids(record_path)
    live.record.close()
    garbage = b"\x00garbage, not a database" * 100
    record_path.write_bytes(garbage)
    safety = restore_backup(backup, record_path)
    assert safety.read_bytes() == garbage  # the damaged file, byte for byte
    assert event_ids(record_path) == good
    listed = {b.path: b.reason for b in list_backups(record_path)}
    assert listed[safety] == "before-restore-raw"


def test_restore_to_a_new_place(live, record_path, tmp_path):
    backup = backup_record(record_path)
    target = tmp_path / "elsewhere" / "copy.sqlite"
    target.parent.mkdir()
    assert restore_backup(backup, target) is None
    assert event_ids(target) == [e.id for e in live.events]


# ---- the CLI ------------------------------------------------------------------------


def test_cli_lists_and_restores(live, record_path, capsys):
    first = backup_record(record_path, reason="open")
    time.sleep(0.01)
    backup_record(record_path, reason="close")
    live.record_event({"type": "leave", "person": "nurse"})
    live.record.close()
    assert main(["restore", "--db", str(record_path), "--list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Backups of {record_path}, newest first:"
    assert "(close)" in out[1] and "(open)" in out[2]
    assert main(["restore", "--db", str(record_path), "--from", "2"]) == 0
    out = capsys.readouterr().out
    assert f"from {first}" in out and "before-restore" in out
    assert len(event_ids(record_path)) == len(event_ids(first))


def test_cli_restore_from_a_path(live, record_path, capsys):
    backup = backup_record(record_path)
    live.record.close()
    assert main(["restore", "--db", str(record_path), "--from", str(backup)]) == 0
    assert "Restored" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["restore"], "restore needs --db PATH"),
        (["restore", "--db", "REC", "--from", "7"], "no backup number 7"),
        (["restore", "--db", "REC", "--from", "missing.sqlite"], "missing.sqlite: no such backup"),
        (["restore", "--db", "REC", "--list", "--from", "1"], "give --list or --from, not both"),
    ],
)
def test_cli_errors_are_one_line(live, record_path, capsys, argv, message):
    backup_record(record_path)
    live.record.close()
    argv = [str(record_path) if a == "REC" else a for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_cli_lists_nothing_politely(tmp_path, capsys):
    assert main(["restore", "--db", str(tmp_path / "r.sqlite")]) == 0
    assert "no backups" in capsys.readouterr().out


def test_backups_taken_while_another_process_records_are_consistent(tmp_path):
    """The online backup API gives a consistent snapshot while a meeting is being
    recorded at full speed by another process (tests/crash_worker.py)."""
    import signal
    from pathlib import Path

    worker = Path(__file__).resolve().parent / "crash_worker.py"
    path = tmp_path / "busy.sqlite"
    proc = subprocess.Popen(
        [sys.executable, str(worker), str(path), "11"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdout.readline() == b"OPENING\n"
        assert proc.stdout.readline() == b"READY\n"
        snapshots = []
        for _ in range(6):
            for _ in range(15):  # some events recorded since the last snapshot
                assert proc.stdout.readline().startswith(b"E ")
            # Read at once: the worker's own rolling backups (keep=3) prune old ones.
            backup = backup_record(path, keep=None, reason="busy")
            check_backup(backup)
            conn = sqlite3.connect(backup)
            rows = conn.execute(
                "SELECT meeting_id, seq, uuid FROM events ORDER BY meeting_id, seq"
            ).fetchall()
            conn.close()
            snapshots.append(rows)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
    final = event_ids(path)
    sizes = []
    for rows in snapshots:
        by_meeting: dict[int, list[int]] = {}
        for mid, seq, _uid in rows:
            by_meeting.setdefault(mid, []).append(seq)
        assert all(seqs == list(range(len(seqs))) for seqs in by_meeting.values())
        ids = [uid for _m, _s, uid in rows]
        assert ids == final[: len(ids)]  # a prefix of what was recorded
        sizes.append(len(ids))
    assert sizes == sorted(sizes) and sizes[-1] > sizes[0]  # taken mid-recording


RESTORER = r"""
import sys
from secretary.store.backup import restore_backup
record, a, b = sys.argv[1:4]
print("READY", flush=True)
n = 0
while True:
    restore_backup(a if n % 2 else b, record)
    n += 1
    print("R", n, flush=True)
"""


def test_a_restore_killed_at_any_moment_leaves_one_whole_record(live, record_path):
    """SIGKILL during restores: the record is always one whole state, old or new."""
    import random
    import signal

    a = backup_record(record_path, keep=None, reason="a")
    live.record_event({"type": "leave", "person": "nurse"})
    live.record_event({"type": "note", "item": "4", "text": "later " * 5000})
    b = backup_record(record_path, keep=None, reason="b")
    live.record.close()
    states = {tuple(event_ids(a)), tuple(event_ids(b))}
    assert len(states) == 2
    # Keep the two sources out of the folder the restores prune and add to.
    safe = record_path.parent / "sources"
    safe.mkdir()
    a, b = a.rename(safe / "a.sqlite"), b.rename(safe / "b.sqlite")
    rng = random.Random(5)
    for _ in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", RESTORER, str(record_path), str(a), str(b)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout.readline() == b"READY\n"
        # Killed on a count of restores, not a clock: mid-way through the next one.
        for _ in range(rng.randint(0, 3)):
            assert proc.stdout.readline().startswith(b"R ")
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate()
        assert b"Traceback" not in err, err.decode()[-1500:]
        record = Record(record_path)  # the dead restorer's lock is taken over
        assert record.integrity_check() == "ok"
        assert tuple(e.id for e in record.events(1)) in states
        record.close()
    assert stat.S_IMODE(os.stat(record_path).st_mode) == 0o600


def test_a_backup_that_fails_leaves_nothing_behind(live, record_path, monkeypatch):
    from secretary.store import backup as backup_module

    def disk_full(source, dest):
        Path(dest).write_bytes(b"SQLite format 3\x00 half")
        full = sqlite3.OperationalError("database or disk is full")
        full.sqlite_errorcode = sqlite3.SQLITE_FULL  # what SQLite sets; we read the code
        raise full

    monkeypatch.setattr(backup_module, "_copy_database", disk_full)
    with pytest.raises(RecordError, match=r"the backup failed: the disk is full"):
        backup_record(record_path)
    assert list(backup_dir(record_path).iterdir()) == []
    monkeypatch.undo()
    live.record_event({"type": "leave", "person": "nurse"})  # the meeting goes on
    assert len(list_backups(record_path)) == 0
    backup_record(record_path)
    assert len(list_backups(record_path)) == 1
