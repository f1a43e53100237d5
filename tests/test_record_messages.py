"""Messages that say what is true (issue 17, point 11)."""

from __future__ import annotations

import pytest
from between_year import build_year
from test_sync import central_year, checkin, checkout, m5_events

from secretary.cli.main import main
from secretary.store import LiveMeeting, Record, sync


def test_a_concurrent_checkin_is_one_line_not_a_duplicate_key(tmp_path, monkeypatch, capsys):
    central = tmp_path / "central.sqlite"
    _cid, ids = central_year(str(central))
    m5 = ids[-1]
    venue = tmp_path / "venue.sqlite"
    checkout(str(central), m5, venue)
    v = Record(venue)
    live = LiveMeeting(v, m5)
    for e in m5_events(live)[:4]:
        live.record_event(e)
    v.close()
    # Another check-in adds the same events between this one's read and its write:
    # the read here does not see them yet (as under PostgreSQL's concurrency).
    real = sync._events
    calls = {"n": 0}

    def racing(conn, meeting_id):
        calls["n"] += 1
        return real(conn, meeting_id) if calls["n"] <= len(ids) else []

    monkeypatch.setattr(sync, "_events", racing)
    with pytest.raises(sync.SyncError, match="another check-in .* at the same moment") as err:
        checkin(venue, str(central))
    assert "duplicate" not in str(err.value).lower() and "UNIQUE" not in str(err.value)
    monkeypatch.setattr(sync, "_events", real)
    out = checkin(venue, str(central))  # run again: it adds what is missing
    assert out.report.meetings[-1].added == 4


def test_approve_at_a_locked_meeting_names_that_meeting(tmp_path, capsys):
    path = tmp_path / "year.sqlite"
    record = Record(path)
    year = build_year(record, upto=5)
    record.close()
    m4, m5 = year.meetings[3], year.meetings[4]
    code = main(["approve", "--db", str(path), "--meeting", str(m5), "--at", str(m4)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"meeting {m4} cannot approve the minutes of meeting {m5}" in err
    assert not err.startswith(f"secretary: meeting {m5}:")


def test_a_record_held_by_another_program_is_a_message(tmp_path, worked_example):
    """Another program holding the write lock past the busy timeout: one line, the
    record named, not a raw database error (issue 17, point 11)."""
    import sqlite3

    from sqlalchemy import text

    from secretary.store import RecordError

    path = tmp_path / "r.sqlite"
    Record(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock
    record = Record(path)
    try:
        with (
            pytest.raises(RecordError, match="busy in another program") as err,
            record.session() as s,
        ):
            s.execute(text("CREATE TABLE scratch (x)"))
        assert str(path) in str(err.value) and "\n" not in str(err.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
        record.close()
