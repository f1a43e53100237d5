"""Bad files and failed writes: a clear message naming the file and the problem, the
original file's bytes never modified, and the process still usable afterwards.

Also the integrity promises: events are never updated or deleted, and
``secretary verify`` finds a damaged or tampered record.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from secretary.cli.main import main
from secretary.domain.scenario import load_scenario
from secretary.domain.terms import TermsError, load_terms
from secretary.store import LiveMeeting, Record, RecordError
from secretary.store.backup import backup_record
from secretary.store.lock import lock_path
from secretary.store.verify import verify_record

PAGE = 4096


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_record(path: Path, worked_example: Path) -> tuple[Record, LiveMeeting]:
    record = Record(path)
    sc = load_scenario(worked_example)
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    live = LiveMeeting(record, mid)
    for e in sc.events:
        live.record_event(e)
    live.record_event({"type": "note", "item": "4", "text": "Discussion. " * 2000})
    return record, live


@pytest.fixture
def good(tmp_path, worked_example) -> Path:
    """A closed record (checkpointed: one self-contained file)."""
    path = tmp_path / "good.sqlite"
    record, _ = make_record(path, worked_example)
    record.close()
    assert not Path(f"{path}-wal").exists()
    return path


def still_usable(tmp_path: Path, worked_example: Path) -> None:
    """After any failure the process opens and records into a good record."""
    path = tmp_path / f"usable-{random.randrange(10**9)}.sqlite"
    record, live = make_record(path, worked_example)
    live.record_event({"type": "leave", "person": "nurse"})
    assert record.integrity_check() == "ok"
    record.close()


# ---- records that cannot be opened ---------------------------------------------------


def truncate(path: Path, size: int) -> None:
    os.truncate(path, size)


def overwrite_page(path: Path, page: int, seed: int = 1) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    data[page * PAGE : (page + 1) * PAGE] = bytes(rng.randrange(256) for _ in range(PAGE))
    path.write_bytes(bytes(data))


def bump_version(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def not_sqlite(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + os.urandom(5000))


def empty_header_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:PAGE] = b"\x00" * (PAGE - 100)
    path.write_bytes(bytes(data))


BAD_RECORDS = {
    "not-sqlite": (not_sqlite, "not a Cluster Secretary record"),
    "truncated-half": (lambda p: truncate(p, p.stat().st_size // 2), "damaged"),
    "truncated-header": (lambda p: truncate(p, 60), "not a Cluster Secretary record|damaged"),
    "truncated-one-page": (lambda p: truncate(p, PAGE), "damaged"),
    "corrupt-page-2": (lambda p: overwrite_page(p, 1), "damaged"),
    "corrupt-page-5": (lambda p: overwrite_page(p, 4), "damaged"),
    "corrupt-schema-page": (empty_header_page, "damaged|not a Cluster Secretary record"),
    "newer-version": (bump_version, "made by a newer version of Cluster Secretary"),
}


@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
@pytest.mark.parametrize("readonly", [False, True])
def test_bad_record_is_refused_by_name_and_left_untouched(
    good, tmp_path, worked_example, case, readonly
):
    spoil, why = BAD_RECORDS[case]
    spoil(good)
    before = sha(good)
    with pytest.raises(RecordError, match=why) as caught:
        record = Record(good, readonly=readonly)
        # A damage the open cannot see must show when reading, still as RecordError.
        for m in record.list_meetings():
            LiveMeeting(record, m.id)
        record.close()
    message = str(caught.value)
    assert str(good) in message and "\n" not in message
    assert sha(good) == before
    assert not lock_path(good).exists()
    still_usable(tmp_path, worked_example)


@pytest.mark.parametrize("seed", range(12))
def test_random_corruption_never_escapes_as_a_traceback(good, tmp_path, seed):
    """Random bytes over random places: either the record still reads whole (the
    damage hit free space) or a RecordError names it. Never another exception."""
    rng = random.Random(seed)
    data = bytearray(good.read_bytes())
    start = rng.randrange(PAGE, len(data) - 64)
    length = rng.randint(8, 3 * PAGE)
    data[start : start + length] = bytes(rng.randrange(256) for _ in range(length))
    good.write_bytes(bytes(data))
    before = sha(good)
    try:
        record = Record(good, readonly=True)
        for m in record.list_meetings():
            LiveMeeting(record, m.id)
        record.close()
    except RecordError as exc:
        assert str(good) in str(exc)
    except Exception as exc:  # EventError from a payload whose JSON still parses
        from secretary.domain.events import EventError

        assert isinstance(exc, EventError), repr(exc)
    assert sha(good) == before


@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
def test_cli_on_a_bad_record_is_one_line_or_a_report(good, case, capsys):
    spoil, _ = BAD_RECORDS[case]
    spoil(good)
    before = sha(good)
    code = main(["verify", "--db", str(good)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if code == 2:
        assert err.count("\n") == 1 and str(good) in err
    else:
        assert code == 1 and "PROBLEM" in out and str(good) in out
    assert main(["replay", "--db", str(good), "--meeting", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(good) in err
    assert sha(good) == before


def test_verify_says_damaged_records_are_problems(good, capsys):
    overwrite_page(good, 4)
    assert main(["verify", "--db", str(good)]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM" in out and "1 problem found" in out


# ---- a read-only place -----------------------------------------------------------------


@contextlib.contextmanager
def read_only(folder: Path):
    """Make ``folder`` read-only for this process: chmod, or (as root, whom chmod does
    not stop) a read-only bind mount. Skips where neither is possible."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    done = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("running as root without permission to mount: cannot make a read-only folder")
    try:
        subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(folder)], check=True, capture_output=True
        )
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True, capture_output=True)


def test_record_in_a_read_only_place(good, tmp_path, worked_example):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "record.sqlite"
    shutil.copy(good, path)
    before = sha(path)
    with read_only(folder):
        with pytest.raises(RecordError, match="read-only place") as caught:
            Record(path)
        assert str(path) in str(caught.value) and "open it read-only" in str(caught.value)
        # ...and it can be read.
        record = Record(path, readonly=True)
        [meeting] = record.list_meetings()
        live = LiveMeeting(record, meeting.id)
        assert len(live.events) > 10
        with pytest.raises(RecordError, match="read-only"):
            live.record_event({"type": "leave", "person": "nurse"})
        record.close()
        with pytest.raises(RecordError, match="cannot create the record"):
            Record(folder / "new.sqlite")
        with pytest.raises(RecordError, match="cannot write a backup"):
            backup_record(path)
        assert verify_record(path).ok
    assert sha(path) == before
    still_usable(tmp_path, worked_example)


# ---- terms, roster and template files ----------------------------------------------------


def terms_file(tmp_path: Path, edit) -> Path:
    from secretary.domain.terms import bundled_terms_dir

    text_ = (bundled_terms_dir() / "sbuhb-upper-valleys-2021.toml").read_text(encoding="utf-8")
    path = tmp_path / "terms.toml"
    path.write_text(edit(text_), encoding="utf-8")
    return path


BAD_TERMS = {
    "wrong-type-fraction": (lambda t: t.replace('fraction = "1/3"', "fraction = true"), "quorum"),
    "wrong-type-holders": (lambda t: t.replace("holders = 2", 'holders = "two"', 1), "holders"),
    "unknown-seat-in-clause": (
        lambda t: t.replace('seat = "cluster-lead"\nlabel', 'seat = "vice-chair"\nlabel'),
        "vice-chair",
    ),
    "unknown-seat-in-any-of": (
        lambda t: t.replace('"dental", "optometry"]', '"dentist"]'),
        "dentist",
    ),
    "not-toml": (lambda t: t + "\n[[[", "not valid TOML"),
    "not-text": (lambda t: "\udcff", "not a text file|cannot"),
}


@pytest.mark.parametrize("case", sorted(BAD_TERMS))
def test_bad_terms_file_is_named_with_the_problem(tmp_path, worked_example, capsys, case):
    edit, why = BAD_TERMS[case]
    if case == "not-text":
        path = tmp_path / "terms.toml"
        path.write_bytes(b"\xff\xfe\x00garbage")
    else:
        path = terms_file(tmp_path, edit)
    before = sha(path)
    with pytest.raises(TermsError, match=why) as caught:
        load_terms(path)
    assert str(path) in str(caught.value)
    # Through a scenario and the CLI: one line, exit 2.
    scenario = json.loads(worked_example.read_text(encoding="utf-8"))
    scenario["terms"] = "terms.toml"
    sc_path = tmp_path / "scenario.json"
    sc_path.write_text(json.dumps(scenario), encoding="utf-8")
    assert main(["replay", str(sc_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "terms" in err and "Traceback" not in err
    assert sha(path) == before


def test_person_with_unknown_seat_is_named(tmp_path, worked_example, capsys):
    scenario = json.loads(worked_example.read_text(encoding="utf-8"))
    scenario["people"][2]["seat"] = "gp-9"
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")
    assert main(["replay", str(path)]) == 2
    err = capsys.readouterr().err
    assert "gp-9" in err and str(path) in err and err.count("\n") == 1


def test_roster_csv_with_bad_rows_names_each_row(tmp_path):
    from secretary.domain.roster import parse_roster_csv

    terms = load_terms("sbuhb-upper-valleys-2021")
    csv_path = tmp_path / "roster.csv"
    csv_path.write_text(
        "name,role,seat,email\n"
        "Dr Rhian Evans,member,cluster-lead,rhian@example.org\n"
        "Dr Nobody,member,gp-9,\n"
        ",member,gp-1,\n"
        "Owen Price,chairman,gp-1,\n"
        "Sian Morgan,member,gp-1,not-an-email\n",
        encoding="utf-8",
    )
    before = sha(csv_path)
    entries, errors = parse_roster_csv(csv_path.read_bytes(), terms, str(csv_path))
    assert [e.name for e in entries] == ["Dr Rhian Evans"]
    rows = {e.row for e in errors}
    assert {3, 4, 5, 6} <= rows
    assert any("gp-9" in str(e) for e in errors)
    assert all(str(e).startswith("row ") for e in errors)
    assert sha(csv_path) == before


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", "\ufeff".encode() + b"\xff"])
def test_roster_csv_that_is_not_a_roster(tmp_path, content):
    from secretary.domain.roster import parse_roster_csv

    entries, errors = parse_roster_csv(content, load_terms("sbuhb-upper-valleys-2021"))
    assert entries == [] and errors and errors[0].row in (0, 1)  # the file, or its header


def test_template_that_is_not_a_docx(tmp_path):
    from secretary.export import TemplateError
    from secretary.export.styles import open_template

    cases = {
        "notes.docx": b"just some text, named .docx",
        "sheet.docx": None,  # a zip, but not a Word document
        "minutes.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    }
    for name, content in cases.items():
        path = tmp_path / name
        if content is None:
            with zipfile.ZipFile(path, "w") as z:
                z.writestr("xl/workbook.xml", "<workbook/>")
        else:
            path.write_bytes(content)
        before = sha(path)
        with pytest.raises(TemplateError) as caught:
            open_template(path)
        message = str(caught.value)
        assert str(path) in message and "\n" not in message
        assert sha(path) == before
    with pytest.raises(TemplateError, match="no such template"):
        open_template(tmp_path / "missing.docx")
    with pytest.raises(TemplateError, match="folder"):
        open_template(tmp_path)


# ---- a write failure during a meeting ----------------------------------------------------


def test_disk_full_during_a_meeting(record_path, worked_example):
    record, live = make_record(record_path, worked_example)
    recorded = [e.id for e in live.events]
    state_before = (
        len(live.events),
        dict(live.meeting.notes),
        [d.status for d in live.meeting.decisions],
    )
    with record.engine.connect() as c:
        pages = c.execute(text("PRAGMA page_count")).scalar()

    def full_disk(dbapi_conn, _rec, _proxy):
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    sa_event.listen(record.engine, "checkout", full_disk)
    record._drop_writer()  # the next write checks out a connection on the full disk
    with pytest.raises(RecordError, match="NOT recorded: the disk is full") as caught:
        live.record_event({"type": "note", "item": "5", "text": "x" * 200_000})
    assert str(record_path) in str(caught.value)
    # Nothing changed in memory, and a second failure changes nothing either.
    with pytest.raises(RecordError, match="NOT recorded"):
        live.record_event(
            {"type": "vote", "item": "5", "votes": {"lead": "for"}, "text": "y" * 200_000}
        )
    assert (
        len(live.events),
        dict(live.meeting.notes),
        [d.status for d in live.meeting.decisions],
    ) == state_before
    # Everything recorded before is still there, in another connection.
    conn = sqlite3.connect(record_path)
    assert [r[0] for r in conn.execute("SELECT uuid FROM events ORDER BY seq")] == recorded
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    # Space is freed: the meeting carries on where it was.
    sa_event.remove(record.engine, "checkout", full_disk)
    record._drop_writer()
    record.engine.dispose()
    live.record_event({"type": "note", "item": "5", "text": "after the disk was freed"})
    assert [e.id for e in record.events(live.meeting_id)] == [e.id for e in live.events]
    assert len(live.events) == len(recorded) + 1
    record.close()


def test_write_failure_from_the_driver_leaves_state_unchanged(
    record_path, worked_example, monkeypatch
):
    record, live = make_record(record_path, worked_example)
    n = len(live.events)

    def broken(*_a, **_k):
        from sqlalchemy.exc import OperationalError

        failed = sqlite3.OperationalError("disk I/O error")
        failed.sqlite_errorcode = sqlite3.SQLITE_IOERR_WRITE  # what SQLite sets; we read the code
        raise OperationalError("COMMIT", {}, failed)

    conn = record._writer()
    monkeypatch.setattr(conn, "commit", broken)
    with pytest.raises(RecordError, match="NOT recorded"):
        live.record_event({"type": "leave", "person": "nurse"})
    monkeypatch.undo()
    assert len(live.events) == n
    assert live.meeting.is_present("nurse")
    assert len(record.events(live.meeting_id)) == n
    live.record_event({"type": "leave", "person": "nurse"})
    assert not live.meeting.is_present("nurse")
    record.close()


# ---- integrity: append-only, and verify ----------------------------------------------------


def test_events_cannot_be_updated_or_deleted(record_path, worked_example):
    record, live = make_record(record_path, worked_example)
    statements = [
        "UPDATE events SET payload = '{}' WHERE seq = 3",
        "UPDATE events SET seq = seq + 1000",
        "DELETE FROM events WHERE seq = 0",
        "DELETE FROM events",
    ]
    for sql in statements:
        with record.engine.connect() as c, pytest.raises(IntegrityError, match="append-only"):
            c.execute(text(sql))
    # Through plain sqlite3 too (another program).
    conn = sqlite3.connect(record_path)
    for sql in statements:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(sql)
    conn.close()
    assert [e.id for e in record.events(live.meeting_id)] == [e.id for e in live.events]
    record.close()


def test_corrections_are_new_events(record_path, worked_example):
    record, live = make_record(record_path, worked_example)
    n = len(live.events)
    target = next(e for e in live.events if e.type == "arrive")
    live.record_event({"type": "retract", "target": target.id, "reason": "recorded in error"})
    rows = record.event_rows(live.meeting_id)
    assert len(rows) == n + 1 and rows[-1].type == "retract"
    assert rows[[r.uuid for r in rows].index(target.id)].type == "arrive"  # kept as it was
    record.close()


def test_verify_a_sound_record(good, capsys):
    assert main(["verify", "--db", str(good)]) == 0
    out = capsys.readouterr().out
    assert "ok       file integrity" in out
    assert "ok       events are append-only" in out
    assert "“Upper Valleys Cluster Board” 2026-05-14: 25 events replay" in out
    assert out.rstrip().endswith("All well: 1 meeting, 25 events checked.")


def tamper(path: Path, sql: str) -> None:
    """What another program could do, bypassing the app (triggers dropped first)."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("DROP TRIGGER events_no_delete")
    if sql:
        conn.execute(sql)
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


@pytest.mark.parametrize(
    "sql, problem",
    [
        ("", "trigger(s) events_no_delete, events_no_update missing"),
        (
            "DELETE FROM events WHERE seq = 3",
            "an event is missing or out of place: event number 2 is followed by number 4",
        ),
        (
            'UPDATE events SET payload = \'{"person": "ghost"}\' '
            "WHERE type = 'arrive' AND seq = 12",
            "event 12 (arrive) cannot be played: arrive: unknown person 'ghost'",
        ),
        ("UPDATE events SET payload = 'not json' WHERE seq = 14", "event 14"),
        ("UPDATE events SET type = 'teleport' WHERE seq = 13", "unknown event type 'teleport'"),
        ("UPDATE meetings SET terms_text = 'format = \"x\"'", "terms"),
    ],
)
def test_verify_finds_tampering(good, capsys, sql, problem):
    tamper(good, sql)
    assert main(["verify", "--db", str(good)]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM" in out and problem in out, out
    assert "Traceback" not in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["verify"], "verify needs --db PATH"),
        (["verify", "--db", "/nonexistent/r.sqlite"], "no such record"),
    ],
)
def test_verify_usage_errors(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_verify_while_the_record_is_open_for_writing(record_path, worked_example, capsys):
    record, live = make_record(record_path, worked_example)
    assert main(["verify", "--db", str(record_path)]) == 0
    live.record_event({"type": "leave", "person": "nurse"})  # the writer is undisturbed
    record.close()


def test_verify_checks_approved_minutes_fingerprints(tmp_path, capsys):
    """verify checks every approved meeting against its fingerprint (store/approval.py)."""
    from between_year import build_year

    path = tmp_path / "year.sqlite"
    record = Record(path)
    year = build_year(record, upto=2)  # M2 approves M1's minutes
    record.close()
    assert main(["verify", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "approved minutes unchanged (fingerprint" in out
    # Another program rewrites an event of the approved meeting behind the app's back.
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER events_no_update")
    seq = conn.execute(
        "SELECT min(seq) FROM events WHERE meeting_id = ? AND type = 'arrive'", (year.meetings[0],)
    ).fetchone()[0]
    changed = conn.execute(
        "UPDATE events SET payload = json_set(payload, '$.at', '23:59') "
        "WHERE meeting_id = ? AND seq = ?",
        (year.meetings[0], seq),
    )
    assert changed.rowcount == 1
    conn.commit()
    conn.close()
    assert main(["verify", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "the record changed after its minutes were approved" in out
    assert "trigger(s) events_no_update missing" in out


@pytest.mark.parametrize(
    "folder, name",
    [
        ("Meeting #5? notes", "record.sqlite"),
        ("Budget 100%", "record%20copy.sqlite"),
        ("Cyfarfod – Ebrill", "cofnod (1).sqlite"),
    ],
)
def test_odd_characters_in_a_path_reach_that_file_and_no_other(
    tmp_path, worked_example, folder, name
):
    """A '?', '#' or '%20' in a name once sent the record to another file."""
    path = tmp_path / folder / name
    path.parent.mkdir()
    record, live = make_record(path, worked_example)
    record.close()
    everything = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert everything == [folder, f"{folder}/{name}"], everything
    ro = Record(path, readonly=True)
    assert len(LiveMeeting(ro, live.meeting_id).events) == len(live.events)
    ro.close()
    assert backup_record(path).parent == path.parent / "backups"
    assert verify_record(path).ok
