import json
import os
import sqlite3
import stat

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from secretary.domain.events import EventError
from secretary.domain.scenario import load_scenario
from secretary.store import LiveMeeting, Record, RecordError
from secretary.store.migrate import HEAD, alembic_head


def stored_example(record_path, worked_example):
    record = Record(record_path)
    sc = load_scenario(worked_example)
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    live = LiveMeeting(record, mid)
    for e in sc.events:
        live.record_event(e)
    return record, mid, live


def test_head_constant_matches_alembic():
    assert alembic_head() == HEAD


def test_pragmas_wal_full_foreign_keys(record_path):
    record = Record(record_path)
    with record.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_events_round_trip_and_state_is_rederived(record_path, worked_example):
    record, mid, live = stored_example(record_path, worked_example)
    reopened = LiveMeeting(Record(record_path), mid)
    assert [e.id for e in reopened.events] == [e.id for e in live.events]
    assert [d.status for d in reopened.meeting.decisions] == ["agreed_by_consensus", "not_carried"]
    assert reopened.info.venue == "Pontardawe Health Centre"


def test_events_are_append_only(record_path, worked_example):
    record, mid, _ = stored_example(record_path, worked_example)
    with record.engine.connect() as c:
        with pytest.raises(IntegrityError, match="append-only"):
            c.execute(text("UPDATE events SET payload = '{}'"))
        c.rollback()
        with pytest.raises(IntegrityError, match="append-only"):
            c.execute(text("DELETE FROM events"))


def test_each_event_is_committed_before_record_event_returns(record_path, worked_example):
    record, mid, live = stored_example(record_path, worked_example)
    live.record_event({"type": "leave", "person": "nurse", "at": "15:10"})
    # A separate connection (as after a crash) sees it at once.
    conn = sqlite3.connect(record_path)
    rows = conn.execute(
        "SELECT type, payload FROM events WHERE meeting_id=? ORDER BY seq", (mid,)
    ).fetchall()
    assert rows[-1][0] == "leave" and json.loads(rows[-1][1])["person"] == "nurse"


def test_bad_event_writes_nothing(record_path, worked_example):
    record, mid, live = stored_example(record_path, worked_example)
    before = len(record.events(mid))
    with pytest.raises(EventError, match="unknown person"):
        live.record_event({"type": "arrive", "person": "nobody"})
    assert len(record.events(mid)) == before


def test_record_file_is_owner_only(record_path):
    Record(record_path)
    assert stat.S_IMODE(os.stat(record_path).st_mode) == 0o600


def test_not_sqlite_is_refused_and_untouched(tmp_path):
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"PK\x03\x04 not a database")
    with pytest.raises(RecordError, match="not a Cluster Secretary record"):
        Record(path)
    assert path.read_bytes() == b"PK\x03\x04 not a database"


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE stuff (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(RecordError, match="not a Cluster Secretary record"):
        Record(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(record_path):
    Record(record_path).close()
    conn = sqlite3.connect(record_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(RecordError, match="newer version"):
        Record(record_path)


def test_retract_is_a_new_event(record_path, worked_example):
    record, mid, live = stored_example(record_path, worked_example)
    nurse_arrival = next(
        e for e in live.events if e.type == "arrive" and e.get("person") == "nurse"
    )
    n = len(record.events(mid))
    live.record_event({"type": "retract", "target": nurse_arrival.id})
    assert len(record.events(mid)) == n + 1
    assert not live.meeting.is_present("nurse")
    # Decisions after the retracted arrival are re-judged: no longer quorate.
    assert [d.status for d in live.meeting.decisions] == ["blocked_inquorate", "blocked_inquorate"]


def test_undo_that_later_events_depend_on_is_refused_before_writing(record_path, worked_example):
    record, mid, live = stored_example(record_path, worked_example)
    person = next(e for e in live.events if e.type == "person_added" and e.get("person") == "gp3")
    n = len(record.events(mid))
    with pytest.raises(EventError, match="cannot undo"):
        live.record_event({"type": "retract", "target": person.id})
    assert len(record.events(mid)) == n  # nothing written
    assert live.meeting.is_present("gp3")
