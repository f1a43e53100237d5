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
