"""The record on PostgreSQL as well as SQLite: the same migrations, triggers and
results (``record_target`` runs each test on both; see tests/pg.py)."""

from __future__ import annotations

import pytest
from between_year import build_year
from sqlalchemy import create_engine, text

from secretary.domain.events import EventError
from secretary.domain.scenario import load_scenario, replay
from secretary.store import LiveMeeting, Record, RecordError
from secretary.store import series as sr
from secretary.store.approval import approvals, fingerprint_checks
from secretary.store.migrate import HEAD, alembic_head, current_revision, upgrade
from secretary.store.record import database_url, mask_url, url_without_password


def stored_example(target, worked_example):
    record = Record(target)
    sc = load_scenario(worked_example)
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    live = LiveMeeting(record, mid)
    for e in sc.events:
        live.record_event(e)
    return record, mid, live, sc


def test_migrations_create_the_schema_at_head(record_target):
    record = Record(record_target)
    try:
        with record.engine.connect() as conn:
            assert current_revision(conn) == HEAD == alembic_head()
            tables = set(record.engine.dialect.get_table_names(conn))
        assert {
            "events",
            "meetings",
            "clusters",
            "minutes_approvals",
            "outside_decisions",
            "meeting_leases",
            "sync_checkouts",
            "sync_set_aside",
            "sync_log",
        } <= tables
    finally:
        record.close()
    Record(record_target).close()  # opening an up-to-date record changes nothing


def test_an_older_record_is_upgraded(pg_url):
    # Back to revision 0002 (as a 0002-era app left it: every later migration's
    # downgrade), then opened by this one.
    from alembic import command

    from secretary.store.migrate import alembic_config

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0002")
        assert current_revision(conn) == "0002"
        assert "sync_log" not in {
            r[0] for r in conn.execute(text("SELECT tablename FROM pg_tables"))
        }
    engine.dispose()
    record = Record(pg_url)
    try:
        with record.engine.connect() as conn:
            assert current_revision(conn) == HEAD
        assert record.list_meetings() == []
    finally:
        record.close()


def test_a_new_database_is_created_from_nothing(pg_server):
    import pg

    url = pg.admin_url(pg_server, "fresh_" + str(abs(hash(pg_server)) % 10**6))
    with pg._autocommit(pg_server) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]}")
        conn.execute(f"CREATE DATABASE {url.rsplit('/', 1)[1]}")
    try:
        engine = create_engine(url)
        with engine.begin() as conn:
            upgrade(conn)
            assert current_revision(conn) == HEAD
        engine.dispose()
    finally:
        pg.drop_database(pg_server, url)


def test_events_round_trip_and_replay_the_same(record_target, worked_example):
    record, mid, live, sc = stored_example(record_target, worked_example)
    try:
        again = LiveMeeting(Record(record_target, create=False, readonly=True), mid)
        assert [(e.id, e.type, dict(e.data)) for e in again.events] == [
            (e.id, e.type, dict(e.data)) for e in live.events
        ]
        expected = replay(sc)["decisions"]
        assert [(d.item, d.status, d.for_, d.against) for d in again.meeting.decisions] == [
            (d["item"], d["status"], d["for"], d["against"]) for d in expected
        ]
        again.record.close()
    finally:
        record.close()


def test_events_are_append_only_on_both(record_target, worked_example):
    record, mid, _live, _sc = stored_example(record_target, worked_example)
    try:
        for sql in ("UPDATE events SET payload = '{}'", "DELETE FROM events"):
            with pytest.raises(Exception, match="append-only"), record.engine.begin() as c:
                c.execute(text(sql))
        assert len(record.events(mid)) == len(_sc.setup) + len(_sc.events) == 24
    finally:
        record.close()


def test_approved_minutes_are_locked_by_the_database(record_target):
    record = Record(record_target)
    try:
        year = build_year(record, upto=2)
        (approval,) = approvals(record)
        assert approval.meeting_id == year.meetings[0]
        with pytest.raises(Exception, match="approved"), record.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO events (uuid, meeting_id, seq, type, payload, "
                    "recorded_at, author) VALUES ('x', :m, 999, 'note', '{}', '', '')"
                ),
                {"m": year.meetings[0]},
            )
        with pytest.raises(Exception, match="append-only"), record.engine.begin() as conn:
            conn.execute(text("DELETE FROM minutes_approvals"))
        assert all(c.ok for c in fingerprint_checks(record))
    finally:
        record.close()


def test_a_refused_event_writes_nothing(record_target, worked_example):
    record, mid, live, _sc = stored_example(record_target, worked_example)
    try:
        with pytest.raises(EventError):
            live.record_event({"type": "arrive", "person": "ghost"})
        assert len(record.events(mid)) == len(_sc.setup) + len(_sc.events) == 24
    finally:
        record.close()


def test_a_year_between_meetings_gives_the_same_on_both(pg_url, record_path):
    results = []
    for target in (str(record_path), pg_url):
        record = Record(target)
        try:
            year = build_year(record)
            threads = [
                (t.id, t.status, [r.date for r in t.carried_to])
                for t in sr.action_threads(record, year.key)
            ]
            decisions = [
                (d.title, d.status, d.settled_at.date if d.settled_at else None)
                for d in sr.outside_decisions(record, year.key)
            ]
            attendance = sr.attendance_for_year(record, 2026, year.key)
            table = [(s.name.render(), s.per_meeting) for s in attendance.seats]
            results.append((threads, decisions, table, year.meetings))
        finally:
            record.close()
    assert results[0] == results[1]
    assert results[0][0] and results[0][1] and results[0][2]


def test_postgresql_urls_are_understood_and_never_show_a_password():
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert mask_url("postgresql+psycopg://u:pw@h:5/db") == "postgresql+psycopg://u:***@h:5/db"
    assert mask_url("/home/ann/record.sqlite") == "/home/ann/record.sqlite"
    assert url_without_password("postgresql+psycopg://u:pw@h:5/db") == (
        "postgresql+psycopg://u@h:5/db"
    )
    with pytest.raises(RecordError) as caught:
        Record("postgresql+psycopg://u:s3cret@127.0.0.1:1/db")
    assert "s3cret" not in str(caught.value)
    with pytest.raises(RecordError, match="driver"):
        Record("mysql://u@h/db")


def test_file_only_features_are_refused_with_a_note_for_urls(pg_url, capsys):
    from secretary.cli.main import main

    assert main(["restore", "--db", pg_url]) == 2
    assert "database URL" in capsys.readouterr().err
