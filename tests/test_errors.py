"""Failures with a home: one base for every error, database errors told by their code."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sqlite3

import pytest

import secretary
from secretary.errors import SecretaryError
from secretary.store.errors import DbProblem, classify, describe


def _all_modules() -> list[str]:
    names = [
        m.name
        for m in pkgutil.walk_packages(secretary.__path__, "secretary.")
        if ".migrations" not in m.name and not m.name.endswith("__main__")
    ]
    return sorted(names)


def test_every_error_class_derives_from_secretary_error() -> None:
    strays = []
    for name in _all_modules():
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == name
                and not issubclass(value, SecretaryError)
            ):
                strays.append(f"{name}.{attr}")
    assert strays == []


def test_the_check_above_sees_error_classes() -> None:
    """It walks the real modules: the store's errors are among what it sees."""
    from secretary.store import errors

    assert "secretary.store.errors" in _all_modules()
    assert issubclass(errors.RecordError, SecretaryError)


def _raised(conn: sqlite3.Connection, sql: str) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute(sql)
    return caught.value


def test_sqlite_errors_classified_by_code(tmp_path) -> None:
    not_db = tmp_path / "not.sqlite"
    not_db.write_bytes(b"plain words, not a database " * 50)
    err = _raised(sqlite3.connect(not_db), "SELECT * FROM sqlite_master")
    assert classify(err) is DbProblem.NOT_A_DATABASE and classify(err).is_damage

    db = tmp_path / "t.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("CREATE TRIGGER no BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'no'); END")
    conn.commit()
    refused = _raised(conn, "INSERT INTO t VALUES (1)")
    assert classify(refused) is DbProblem.REFUSED
    assert describe(refused) == "no"  # a refusal keeps its own words
    conn.close()

    ro = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    read_only = _raised(ro, "CREATE TABLE u (y)")
    assert classify(read_only) is DbProblem.READ_ONLY
    assert describe(read_only) == "the record is in a read-only place"
    ro.close()


def test_message_text_is_not_what_counts() -> None:
    """An error whose words say 'locked' but whose code says full is a full disk."""
    err = sqlite3.OperationalError("database is locked")
    err.sqlite_errorcode = sqlite3.SQLITE_FULL
    assert classify(err) is DbProblem.DISK_FULL
    busy = sqlite3.OperationalError("anything at all")
    busy.sqlite_errorcode = sqlite3.SQLITE_BUSY_SNAPSHOT  # an extended code: its primary counts
    assert classify(busy) is DbProblem.BUSY


class _PgError(Exception):
    def __init__(self, message: str, sqlstate: str | None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "problem"),
    [
        ("P0001", DbProblem.REFUSED),
        ("25006", DbProblem.READ_ONLY),
        ("53100", DbProblem.DISK_FULL),
        ("55P03", DbProblem.BUSY),
        ("XX001", DbProblem.DAMAGED),
        ("42P01", DbProblem.OTHER),
        (None, DbProblem.OTHER),
    ],
)
def test_postgres_errors_classified_by_sqlstate(sqlstate, problem) -> None:
    assert classify(_PgError("some words", sqlstate)) is problem


def test_a_refused_event_on_postgres_is_refused(tmp_path) -> None:
    """The real driver's exception carries the SQLSTATE we classify by."""
    psycopg = pytest.importorskip("psycopg")
    err = psycopg.errors.RaiseException("the minutes of this meeting are approved")
    assert err.sqlstate == "P0001"
    assert classify(err) is DbProblem.REFUSED
