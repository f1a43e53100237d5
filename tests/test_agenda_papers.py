"""Papers kept inside the record: written with their event, read back byte for byte
and re-hashed, append-only, checked by verify, carried by check-out and check-in;
the upgrade of a record from schema 0006; the size limit and file kinds."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from test_upgrade_kill import make_old_record

from secretary.app import agenda
from secretary.app.meeting import OperationRefused
from secretary.domain.events import MAX_PAPER_BYTES, EventError
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import load_terms, read_terms_source
from secretary.store import LiveMeeting, Record, RecordError, sync
from secretary.store.migrate import HEAD
from secretary.store.verify import verify_record

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 40


def new_meeting(target: str | Path) -> tuple[Record, int]:
    terms = load_terms("sbuhb-upper-valleys-2021")
    text, _source = read_terms_source("sbuhb-upper-valleys-2021")
    record = Record(target)
    info = MeetingInfo("Upper Valleys Cluster", "2026-06-11", "13:00", "Hall", "Upper Valleys")
    mid = record.create_meeting(info, terms.id, text)
    return record, mid


def a_paper(tmp_path: Path, name: str = "proposal.pdf", content: bytes = PDF) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_a_paper_is_kept_and_saved_again_byte_for_byte(tmp_path: Path) -> None:
    record, mid = new_meeting(tmp_path / "r.sqlite")
    live = LiveMeeting(record, mid)
    item = agenda.add_item(live, title="Social prescriber", duration=20).event.get("item")
    source = a_paper(tmp_path)
    agenda.attach_paper(live, item, source, title="Social prescriber proposal")
    ref = agenda.current_plan(live).papers[0]
    assert (ref.label, ref.title, ref.size) == ("Paper 1a", "Social prescriber proposal", len(PDF))
    assert ref.sha256 == hashlib.sha256(PDF).hexdigest()
    out = agenda.save_paper(record, mid, "1a", tmp_path / "out.pdf")
    assert out.read_bytes() == source.read_bytes()
    with pytest.raises(OperationRefused, match="already exists; left untouched"):
        agenda.save_paper(record, mid, "Paper 1a", out)
    folder = tmp_path / "folder"
    folder.mkdir()
    assert agenda.save_paper(record, mid, ref.paper, folder).name == "proposal.pdf"
    # the same file again on the same item is refused, nothing stored twice
    with pytest.raises(EventError, match="already attached to item 1"):
        agenda.attach_paper(live, item, source)
    record.close()
    assert verify_record(tmp_path / "r.sqlite").ok


def test_what_is_not_a_paper_is_refused_in_one_line(tmp_path: Path) -> None:
    record, mid = new_meeting(tmp_path / "r.sqlite")
    live = LiveMeeting(record, mid)
    item = agenda.add_item(live, title="Estates").event.get("item")
    with pytest.raises(OperationRefused, match=r"must be Word, PDF, a spreadsheet"):
        agenda.attach_paper(live, item, a_paper(tmp_path, "film.mp4"))
    with pytest.raises(OperationRefused, match="the file is empty"):
        agenda.attach_paper(live, item, a_paper(tmp_path, "empty.pdf", b""))
    with pytest.raises(OperationRefused, match="no such file"):
        agenda.attach_paper(live, item, tmp_path / "missing.pdf")
    big = tmp_path / "big.pdf"
    with open(big, "wb") as f:
        f.truncate(MAX_PAPER_BYTES + 1)
    with pytest.raises(OperationRefused, match=r"20.0 MB is larger than a paper may be \(20 MB\)"):
        agenda.attach_paper(live, item, big)
    # an event naming a file the record does not hold is not recorded
    event = {
        "type": "paper_attached",
        "paper": "p",
        "item": item,
        "title": "T",
        "sha256": "0" * 64,
        "filename": "x.pdf",
        "size": 3,
    }
    with pytest.raises(RecordError, match="not in the record"):
        live.record_event(event)
    with pytest.raises(RecordError, match="does not match the size and SHA-256"):
        live.record_event(event, files={"0" * 64: b"abc"})
    assert [e.type for e in live.events] == ["item_added"]
    record.close()


def test_papers_are_append_only_and_a_tampered_one_is_found(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite"
    record, mid = new_meeting(path)
    live = LiveMeeting(record, mid)
    item = agenda.add_item(live, title="Estates").event.get("item")
    agenda.attach_paper(live, item, a_paper(tmp_path))
    sha = hashlib.sha256(PDF).hexdigest()
    record.close()
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="paper files are append-only"):
        conn.execute("UPDATE paper_files SET content = x'00'")
    with pytest.raises(sqlite3.DatabaseError, match="paper files are append-only"):
        conn.execute("DELETE FROM paper_files")
    # behind the app's back: the trigger dropped, one byte changed, the trigger put back
    conn.execute("DROP TRIGGER paper_files_no_update")
    conn.execute("UPDATE paper_files SET content = ? WHERE sha256 = ?", (PDF[:-1] + b"!", sha))
    conn.execute(
        "CREATE TRIGGER paper_files_no_update BEFORE UPDATE ON paper_files "
        "BEGIN SELECT RAISE(ABORT, 'paper files are append-only'); END"
    )
    conn.commit()
    conn.close()
    report = verify_record(path)
    assert not report.ok
    assert any("changed behind the app's back" in p and sha[:12] in p for p in report.problems)
    record = Record(path)
    with pytest.raises(RecordError, match="no longer match the SHA-256"):
        agenda.save_paper(record, mid, "1a", tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()
    record.close()
    # a paper whose file is gone
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER paper_files_no_delete")
    conn.execute("DELETE FROM paper_files")
    conn.commit()
    conn.close()
    problems = verify_record(path).problems
    assert any("attaches a paper whose file" in p for p in problems)


def test_upgrade_from_0006_keeps_every_meeting_and_adds_paper_files(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    meetings, events = make_old_record(path, "0006", meetings=2)
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert "paper_files" not in tables
    record = Record(path)
    record.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
        assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == meetings
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == events
        assert conn.execute("SELECT count(*) FROM paper_files").fetchone()[0] == 0
    finally:
        conn.close()
    report = verify_record(path)
    assert report.ok, report.problems
    # and the upgraded record takes papers
    record = Record(path)
    live = LiveMeeting(record, 1)
    item = agenda.add_item(live, title="Late paper").event.get("item")
    agenda.attach_paper(live, item, a_paper(tmp_path))
    record.close()
    assert verify_record(path).ok


def test_checkout_and_checkin_carry_the_papers(record_target: str, tmp_path: Path) -> None:
    central, mid = new_meeting(record_target)
    live = LiveMeeting(central, mid)
    item = agenda.add_item(live, title="Social prescriber").event.get("item")
    agenda.attach_paper(live, item, a_paper(tmp_path))
    central.close()

    venue_path = tmp_path / "venue.sqlite"
    central = Record(record_target)
    sync.checkout(central, mid, venue_path)
    central.close()
    venue = Record(venue_path)
    assert agenda.save_paper(venue, mid, "1a", tmp_path / "at-venue.pdf").read_bytes() == PDF
    second = PDF + b"second"
    agenda.attach_paper(LiveMeeting(venue, mid), item, a_paper(tmp_path, "late.pdf", second))
    venue.close()
    assert verify_record(venue_path).ok

    venue, central = Record(venue_path), Record(record_target)
    try:
        sync.checkin(venue, central)
        assert agenda.save_paper(central, mid, "1b", tmp_path / "back.pdf").read_bytes() == second
        assert [p.title for p in agenda.plan_of(central, mid).papers] == ["proposal", "late"]
    finally:
        venue.close()
        central.close()


def test_papers_on_a_central_record(pg_url: str, tmp_path: Path) -> None:
    """PostgreSQL: a paper kept, read back, append-only, checked by verify."""
    from sqlalchemy import text

    from secretary.store.verify_central import verify_database

    record, mid = new_meeting(pg_url)
    live = LiveMeeting(record, mid)
    item = agenda.add_item(live, title="Estates").event.get("item")
    agenda.attach_paper(live, item, a_paper(tmp_path))
    assert agenda.save_paper(record, mid, "1a", tmp_path / "out.pdf").read_bytes() == PDF
    with (
        pytest.raises(Exception, match="paper files are append-only"),
        record.engine.begin() as conn,
    ):
        conn.execute(text("UPDATE paper_files SET size = 1"))
    record.close()
    report = verify_database(pg_url)
    assert report.ok, report.problems
    assert any("1 paper kept in the record matches its SHA-256" in line for line in report.lines)
    record = Record(pg_url)
    with record.engine.begin() as conn:
        conn.execute(text("ALTER TABLE paper_files DISABLE TRIGGER paper_files_append_only"))
        conn.execute(text("UPDATE paper_files SET content = :c"), {"c": PDF + b"!"})
        conn.execute(text("ALTER TABLE paper_files ENABLE TRIGGER paper_files_append_only"))
    record.close()
    assert any("changed behind the app's back" in p for p in verify_database(pg_url).problems)


def test_a_backup_keeps_the_papers(tmp_path: Path) -> None:
    from secretary.store.backup import backup_record

    path = tmp_path / "r.sqlite"
    record, mid = new_meeting(path)
    live = LiveMeeting(record, mid)
    item = agenda.add_item(live, title="Estates").event.get("item")
    agenda.attach_paper(live, item, a_paper(tmp_path))
    record.close()
    copy = backup_record(path)
    assert verify_record(copy).ok
    backup = Record(copy, readonly=True)
    try:
        assert (
            agenda.save_paper(backup, mid, "1a", tmp_path / "from-backup.pdf").read_bytes() == PDF
        )
    finally:
        backup.close()
