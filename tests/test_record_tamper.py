"""Insider edits with a plain SQLite tool that ``secretary verify`` finds
(issue 17, point 6: the part of it built so far — see docs/reliability.md for
what an insider can still do unseen)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from between_year import build_year

from secretary.cli.main import main
from secretary.store import Record
from secretary.store.verify import verify_record


@pytest.fixture(scope="module")
def year_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("year") / "year.sqlite"
    record = Record(path)
    build_year(record, upto=4)
    record.close()
    return path


def tampered(year_file: Path, tmp_path: Path, *sql: str) -> Path:
    path = tmp_path / "t.sqlite"
    shutil.copy(year_file, path)
    conn = sqlite3.connect(path)
    with conn:
        for statement in sql:
            conn.execute(statement)
    conn.close()
    return path


def test_the_untouched_record_verifies(year_file, tmp_path):
    assert verify_record(tampered(year_file, tmp_path)).ok


NO_OP = "CREATE TRIGGER {name} BEFORE {verb} ON {table} BEGIN SELECT 1; END"


@pytest.mark.parametrize(
    "sql",
    [
        [
            "DROP TRIGGER events_no_update",
            NO_OP.format(name="events_no_update", verb="UPDATE", table="events"),
        ],
        [
            "DROP TRIGGER events_no_delete",
            NO_OP.format(name="events_no_delete", verb="DELETE", table="events"),
        ],
        [
            "DROP TRIGGER minutes_approvals_no_delete",
            NO_OP.format(
                name="minutes_approvals_no_delete", verb="DELETE", table="minutes_approvals"
            ),
        ],
        [
            "DROP TRIGGER events_approved_minutes",
            "CREATE TRIGGER events_approved_minutes BEFORE INSERT ON events "
            "WHEN 0 BEGIN SELECT RAISE(ABORT, 'x'); END",
        ],
    ],
    ids=["events-update", "events-delete", "approvals-delete", "approved-minutes-lock"],
)
def test_a_trigger_replaced_by_a_no_op_of_the_same_name_is_found(year_file, tmp_path, sql):
    report = verify_record(tampered(year_file, tmp_path, *sql))
    assert not report.ok
    assert any("same name, other SQL" in line for line in report.problems)


def test_an_extra_trigger_that_drops_events_is_found(year_file, tmp_path):
    path = tampered(
        year_file,
        tmp_path,
        "CREATE TRIGGER quiet BEFORE INSERT ON events BEGIN SELECT RAISE(IGNORE); END",
    )
    report = verify_record(path)
    assert not report.ok and any("quiet" in line for line in report.problems)


def test_a_deleted_approval_row_is_found(year_file, tmp_path, capsys):
    path = tampered(
        year_file,
        tmp_path,
        "DROP TRIGGER minutes_approvals_no_delete",
        "DELETE FROM minutes_approvals WHERE id = (SELECT min(id) FROM minutes_approvals)",
        "CREATE TRIGGER minutes_approvals_no_delete BEFORE DELETE ON minutes_approvals "
        "BEGIN SELECT RAISE(ABORT, 'minutes_approvals are append-only'); END",
    )
    report = verify_record(path)
    assert not report.ok
    assert any("the approval that locks them is missing" in line for line in report.problems)
    assert main(["verify", "--db", str(path)]) == 1
    assert "missing" in capsys.readouterr().out


UNPROTECT = ["DROP TRIGGER events_no_update", "DROP TRIGGER events_no_delete"]
REPROTECT = [
    f"CREATE TRIGGER events_no_{verb.lower()} BEFORE {verb} ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    for verb in ("UPDATE", "DELETE")
]
FIRST = "(SELECT min(id) FROM meetings)"
DECL = f"(SELECT max(id) FROM events WHERE type = 'declare' AND meeting_id = {FIRST})"
LAST = f"(SELECT max(id) FROM events WHERE meeting_id = {FIRST})"


@pytest.mark.parametrize(
    "edit",
    [
        f"UPDATE events SET payload = json_set(payload, '$.interest', 'none') WHERE id = {DECL}",
        f"UPDATE events SET recorded_at = '2020-01-01T00:00:00' WHERE id = {DECL}",
        f"UPDATE events SET author = 'someone-else' WHERE id = {DECL}",
        f"UPDATE events SET seq = seq + 1000 WHERE id = {DECL}",
        f"DELETE FROM events WHERE id = {LAST}",
        f"UPDATE meetings SET terms_text = replace(terms_text, '2', '3') WHERE id = {FIRST}",
        f"UPDATE meetings SET title = 'Another meeting', venue = 'Elsewhere' WHERE id = {FIRST}",
    ],
    ids=["content", "time", "author", "order", "last-event", "terms", "details"],
)
def test_an_insider_edit_breaks_the_chain(year_file, tmp_path, edit):
    # An insider who also puts the triggers back as they were.
    path = tampered(year_file, tmp_path, *UNPROTECT, edit, *REPROTECT)
    report = verify_record(path)
    assert not report.ok
    assert any(
        "changed behind the app's back" in p or "events are missing" in p for p in report.problems
    ), report.problems


def test_chain_heads_are_kept_at_approval_and_in_the_approval_event(year_file):
    conn = sqlite3.connect(year_file)
    try:
        reasons = [r[0] for r in conn.execute("SELECT reason FROM chain_heads")]
        payloads = [r[0] for r in conn.execute(
            "SELECT payload FROM events WHERE type = 'minutes_approved'")]  # fmt: skip
    finally:
        conn.close()
    assert reasons.count("approved") == 3
    assert payloads and all('"chain"' in p for p in payloads)


def test_verify_against_a_circulated_document(tmp_path, worked_example, capsys):
    db = tmp_path / "r.sqlite"
    assert main(["replay", str(worked_example), "--db", str(db)]) == 0
    minutes = tmp_path / "minutes.docx"
    outputs = ["--minutes", str(minutes)]
    for kind, name in (("actions", "a"), ("financial", "f"), ("attendance", "t")):
        outputs += [f"--{kind}", str(tmp_path / f"{name}.docx")]
    assert main(["export", "--db", str(db), "--meeting", "1", *outputs]) == 0
    capsys.readouterr()
    assert main(["verify", "--db", str(db), "--against", str(minutes)]) == 0
    assert "the document matches the record" in capsys.readouterr().out
    # The record edited afterwards with a plain SQLite tool, triggers put back.
    edited = tampered(db, tmp_path, *UNPROTECT,
                      "UPDATE events SET recorded_at = '2020-01-01T00:00:00' WHERE seq = 3",
                      *REPROTECT)  # fmt: skip
    assert main(["verify", "--db", str(edited), "--against", str(minutes)]) == 1
    assert "does NOT match" in capsys.readouterr().out
    # Not minutes, not Word: one line, exit 2.
    for bad in (tmp_path / "a.docx", worked_example):
        assert main(["verify", "--db", str(db), "--against", str(bad)]) == 2
        assert len(capsys.readouterr().err.strip().splitlines()) == 1
