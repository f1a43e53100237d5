"""The record's files: rollback journals, lock files, backups and restores
(issue 17, points 2, 7, 8, 9 and 11). Kills are real SIGKILLs; tampering and
planting are plain ``sqlite3`` and the file system."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from between_year import build_year

from secretary.cli.main import main
from secretary.domain.scenario import load_scenario
from secretary.store import LiveMeeting, Record, RecordError
from secretary.store.backup import (
    RestoreWouldUndo,
    backup_record,
    list_backups,
    restore_backup,
    safety_dir,
)
from secretary.store.verify import verify_record

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE / "scenarios" / "worked-example.json"


def small_record(path: Path, meetings: int = 1) -> Path:
    record = Record(path)
    for _ in range(meetings):
        sc = load_scenario(EXAMPLE)
        mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
        live = LiveMeeting(record, mid)
        for e in sc.events:
            live.record_event(e)
    record.close()
    return path


def journal_mode_on_disk(path: Path) -> str:
    """From the header: bytes 18 and 19 are 2 in WAL mode, 1 with a rollback journal."""
    with open(path, "rb") as f:
        header = f.read(20)
    return "wal" if header[18] == 2 and header[19] == 2 else "rollback"


# --------------------------------------------------------------------- WAL, hot journals


def test_a_restored_record_is_in_wal_mode(tmp_path):
    path = small_record(tmp_path / "r.sqlite")
    backup = backup_record(path)
    assert journal_mode_on_disk(backup) == "rollback"  # backups: one self-contained file
    restore_backup(backup, path)
    assert journal_mode_on_disk(path) == "wal"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


HOT_WRITER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA cache_size = 5")  # spill: pages reach the file before the commit
conn.execute("BEGIN")
conn.execute("CREATE TABLE junk (x BLOB)")
conn.execute("INSERT INTO junk SELECT randomblob(2000) FROM "
             "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
             "SELECT i FROM n)")
print("WRITTEN", flush=True)
time.sleep(60)
"""


def hot_journal(path: Path) -> None:
    """A write killed half way with a rollback journal: the -journal is hot."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOT_WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "WRITTEN"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert Path(f"{path}-journal").stat().st_size > 0


def test_a_hot_journal_is_rolled_back_not_called_read_only_or_damaged(tmp_path, capsys):
    path = small_record(tmp_path / "r.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # as records restored by older versions were
    conn.close()
    events = count_events(path, readonly=False)
    for opener in ("verify", "readonly", "write"):
        hot_journal(path)
        if opener == "verify":
            assert main(["verify", "--db", str(path)]) == 0, capsys.readouterr()
        elif opener == "readonly":
            Record(path, readonly=True).close()
        else:
            Record(path).close()
        assert not Path(f"{path}-journal").exists()
        assert count_events(path, readonly=True) == events  # the committed content
        conn = sqlite3.connect(path)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        conn.close()
        assert "junk" not in tables  # the interrupted write was rolled back
    assert verify_record(path).ok


def count_events(path: Path, readonly: bool) -> int:
    record = Record(path, readonly=readonly)
    try:
        return sum(m.events for m in record.list_meetings())
    finally:
        record.close()


# --------------------------------------------------------------------- lock files


def test_a_planted_symlink_lock_writes_nothing_through_it(tmp_path):
    path = small_record(tmp_path / "r.sqlite")
    victim = tmp_path / "precious.txt"
    victim.write_text("the user's own file\n")
    Path(f"{path}.lock").symlink_to(victim)
    with pytest.raises(RecordError, match="symbolic link") as err:
        Record(path)
    assert "\n" not in str(err.value)
    assert victim.read_text() == "the user's own file\n"
    dangling = tmp_path / "nowhere.txt"
    Path(f"{path}.lock").unlink()
    Path(f"{path}.lock").symlink_to(dangling)
    with pytest.raises(RecordError, match="symbolic link"):
        Record(path)
    assert not dangling.exists()  # not created through the link either
    Path(f"{path}.lock").unlink()
    Record(path).close()


# --------------------------------------------------------------------- backups


def test_records_sharing_a_stem_never_share_backups(tmp_path):
    one = small_record(tmp_path / "meeting.sqlite", meetings=5)
    two = small_record(tmp_path / "meeting.db", meetings=1)
    mine = [backup_record(one, keep=2) for _ in range(3)]
    theirs = backup_record(two, keep=1)
    backup_record(one, keep=2)
    assert [b.path for b in list_backups(two)] == [theirs]
    assert theirs.exists() and mine[2].exists()
    assert all(b.path.name.startswith("meeting.sqlite-") for b in list_backups(one))


def test_an_impossible_date_in_a_backup_name_is_left_alone(tmp_path, capsys):
    path = small_record(tmp_path / "r.sqlite")
    backup_record(path)
    odd = path.parent / "backups" / "r.sqlite-20261345T256199_000000Z-open.sqlite"
    shutil.copy(list_backups(path)[0].path, odd)
    for _ in range(4):
        backup_record(path, keep=2)  # pruning carries on past it
    assert len(list_backups(path)) == 2 and odd.exists()
    assert main(["restore", "--db", str(path)]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_partial_backups_and_their_journals_are_cleaned(tmp_path):
    path = small_record(tmp_path / "r.sqlite")
    backup_record(path)
    folder = path.parent / "backups"
    partial = folder / ".r.sqlite-20260101T000000_000000Z.sqlite.partial"
    journal = Path(f"{partial}-journal")
    orphan = folder / "r.sqlite-20250101T000000_000000Z.sqlite-journal"
    for f in (partial, journal, orphan):
        f.write_bytes(b"x" * 100)
        old = time.time() - 7200
        os.utime(f, (old, old))
    backup_record(path)
    assert not partial.exists() and not journal.exists() and not orphan.exists()


def approved_year(tmp_path: Path) -> tuple[Path, Path]:
    """A record of three meetings whose first two minutes are approved, and a
    'backup' of it from before the approvals (made with plain sqlite3)."""
    path = tmp_path / "year.sqlite"
    record = Record(path)
    build_year(record, upto=3)
    record.close()
    old = tmp_path / "before-approvals.sqlite"
    backup = backup_record(path)
    shutil.copy(backup, old)
    conn = sqlite3.connect(old)
    with conn:
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
            "'minutes_approvals'"
        ).fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DELETE FROM minutes_approvals")
    conn.close()
    return path, old


def test_restore_refuses_to_undo_an_approval_silently(tmp_path, capsys):
    path, old = approved_year(tmp_path)
    before = path.read_bytes()
    with pytest.raises(RestoreWouldUndo, match="the approval of the minutes of") as err:
        restore_backup(old, path)
    assert len(err.value.undone) == 2 and path.read_bytes() == before
    code = main(["restore", "--db", str(path), "--from", str(old)])
    out = capsys.readouterr().err
    assert code == 2 and "--confirm-undo" in out and len(out.strip().splitlines()) == 1
    safety = restore_backup(old, path, confirm=True)
    assert safety is not None and safety.parent == safety_dir(path)


def test_restore_refuses_to_put_fewer_meetings_over_more(tmp_path):
    five = small_record(tmp_path / "five.sqlite", meetings=5)
    one = small_record(tmp_path / "one.sqlite", meetings=1)
    with pytest.raises(RestoreWouldUndo, match="the meeting ") as err:
        restore_backup(backup_record(one), five)
    assert len(err.value.undone) == 5  # none of five's meetings is in one


def test_the_safety_copy_is_never_rotated_away(tmp_path):
    path = small_record(tmp_path / "r.sqlite")
    backup = backup_record(path)
    safety = restore_backup(backup, path)
    assert safety is not None and safety.parent == safety_dir(path)
    for _ in range(15):
        backup_record(path, keep=3)
    assert safety.exists()
    assert any(b.safety and b.path == safety for b in list_backups(path))
    assert oct(safety_dir(path).stat().st_mode & 0o777) == "0o700"


def test_a_backup_that_does_not_play_is_not_restored(tmp_path):
    path = small_record(tmp_path / "r.sqlite")
    backup = backup_record(path)
    conn = sqlite3.connect(backup)
    with conn:
        conn.execute(
            "INSERT INTO events (uuid, meeting_id, seq, type, payload, recorded_at, author) "
            "VALUES ('bad', 1, 9999, 'arrive', '{\"person\": \"stranger\"}', 'x', 'insider')"
        )
    conn.close()
    before = path.read_bytes()
    with pytest.raises(RecordError, match="does not play by the rules"):
        restore_backup(backup, path)
    assert path.read_bytes() == before


def test_a_restore_says_what_it_puts_aside(tmp_path):
    """Restoring an older backup warned only of approvals and whole meetings: the
    events of a meeting recorded since, and a decision taken outside a meeting made
    since, went into the safety copy unsaid."""
    from secretary.app.files import restore_puts_aside
    from secretary.store import series as sr

    path = tmp_path / "year.sqlite"
    record = Record(path)
    y = build_year(record, upto=2)
    record.close()
    backup = backup_record(path)
    record = Record(path)
    m2 = LiveMeeting(record, y.meetings[1])
    m2.record_event({"type": "note", "item": m2.meeting.agenda[0], "text": "Written up."})
    sr.record_outside_decision(
        record, y.key, decided_on="2026-09-01", kind=sr.URGENT, title="Pharmacy flu clinic"
    )
    record.close()
    aside = restore_puts_aside(backup, path)
    assert aside == ["1 event of Upper Valleys Cluster Meeting (2026-07-09)"]
    with pytest.raises(RestoreWouldUndo) as err:
        restore_backup(backup, path)
    assert err.value.undone == [
        "the decision taken outside a meeting Pharmacy flu clinic (2026-09-01)"
    ]
