"""The store's errors, and what a database error means, told by its code.

A leaf module: it imports only the standard library and ``secretary.errors``, so
every store module (and the layers above) can raise and recognise these without
importing the record. A database error is classified by SQLite's extended result
code (``sqlite3.Error.sqlite_errorcode``) or PostgreSQL's SQLSTATE
(``psycopg.Error.sqlstate``), never by the words of its message, which change
between versions and languages.
"""

from __future__ import annotations

import enum
import sqlite3
from typing import Any

from secretary.errors import SecretaryError


class DbProblem(enum.Enum):
    """What went wrong in the database, as far as the person at the keyboard cares."""

    NOT_A_DATABASE = "not a Cluster Secretary record (not a readable SQLite database)"
    DAMAGED = "the record file is damaged (database disk image is malformed)"
    UNREADABLE_TEXT = "the record file is damaged (text that cannot be read)"
    READ_ONLY = "the record is in a read-only place"
    DISK_FULL = "the disk is full"
    BUSY = "the record is busy in another program (database is locked)"
    CANNOT_OPEN = "the record cannot be opened (check the folder exists and is writable)"
    DISK_ERROR = "the disk could not be read or written (disk I/O error)"
    # A trigger refused the write (approved minutes, append-only tables): a refusal
    # the caller explains in its own words, not a failure of the record.
    REFUSED = "refused by the record"
    OTHER = ""

    @property
    def is_damage(self) -> bool:
        """The file itself is damaged or not a record, rather than a write having failed."""
        return self in _DAMAGE


_DAMAGE = frozenset(
    {DbProblem.NOT_A_DATABASE, DbProblem.DAMAGED, DbProblem.UNREADABLE_TEXT, DbProblem.DISK_ERROR}
)

# SQLite's primary result codes (the low byte of the extended code).
_SQLITE = {
    sqlite3.SQLITE_NOTADB: DbProblem.NOT_A_DATABASE,
    sqlite3.SQLITE_CORRUPT: DbProblem.DAMAGED,
    sqlite3.SQLITE_READONLY: DbProblem.READ_ONLY,
    sqlite3.SQLITE_FULL: DbProblem.DISK_FULL,
    sqlite3.SQLITE_BUSY: DbProblem.BUSY,
    sqlite3.SQLITE_LOCKED: DbProblem.BUSY,
    sqlite3.SQLITE_CANTOPEN: DbProblem.CANNOT_OPEN,
    sqlite3.SQLITE_IOERR: DbProblem.DISK_ERROR,
}

# PostgreSQL's SQLSTATE: exact codes first, then two-character classes.
_SQLSTATE = {
    "P0001": DbProblem.REFUSED,  # RAISE EXCEPTION in a trigger (migrations 0001-0003)
    "25006": DbProblem.READ_ONLY,  # read_only_sql_transaction
    "53100": DbProblem.DISK_FULL,  # disk_full
    "55P03": DbProblem.BUSY,  # lock_not_available
    "40P01": DbProblem.BUSY,  # deadlock_detected
    "40001": DbProblem.BUSY,  # serialization_failure
    "XX001": DbProblem.DAMAGED,  # data_corrupted
    "XX002": DbProblem.DAMAGED,  # index_corrupted
    "58030": DbProblem.DISK_ERROR,  # io_error
}


class RecordError(SecretaryError):
    """A record that cannot be opened or written; the message names the file and why.

    ``problem`` says what the database reported, when the cause was a database error.
    """

    def __init__(self, message: str, problem: DbProblem | None = None) -> None:
        super().__init__(message)
        self.problem = problem


class SeriesError(SecretaryError, ValueError):
    """A between-meetings request that cannot be done (a meeting to prepare, an outside
    decision to record); the message says why."""


class ClusterError(SecretaryError, ValueError):
    """A cluster, roster or terms change that cannot be recorded; the message says why."""


class ApprovalError(SecretaryError, ValueError):
    """An approval that cannot be recorded; the message says why."""


class SyncError(SecretaryError, ValueError):
    """A check-out or check-in that cannot be done; the message says why."""


def driver_error(exc: BaseException) -> BaseException:
    """The database driver's own exception inside a SQLAlchemy one (or ``exc`` itself)."""
    return getattr(exc, "orig", None) or exc


def classify(exc: BaseException) -> DbProblem:
    """What a database error means, from its code; OTHER when it carries none we know."""
    orig = driver_error(exc)
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is None:
            # Raised by Python's sqlite3 module, not by SQLite: reading stored text
            # that is not UTF-8 is the one such error a damaged file produces.
            if isinstance(orig, sqlite3.OperationalError):
                return DbProblem.UNREADABLE_TEXT
            return DbProblem.OTHER
        if code == sqlite3.SQLITE_CONSTRAINT_TRIGGER:
            return DbProblem.REFUSED
        return _SQLITE.get(code & 0xFF, DbProblem.OTHER)
    sqlstate = _sqlstate(orig)
    if sqlstate is not None:
        return _SQLSTATE.get(sqlstate, DbProblem.OTHER)
    return DbProblem.OTHER


def _sqlstate(orig: Any) -> str | None:
    state = getattr(orig, "sqlstate", None)
    if state is None:
        diag = getattr(orig, "diag", None)
        state = getattr(diag, "sqlstate", None)
    return state if isinstance(state, str) else None


def describe(exc: BaseException) -> str:
    """One line for a person: what the database error means, or its own first line."""
    problem = classify(exc)
    if problem.value and problem is not DbProblem.REFUSED:
        return problem.value
    return str(driver_error(exc)).split("\n")[0] or type(exc).__name__
