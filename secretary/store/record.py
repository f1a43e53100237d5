"""Opening, migrating and reading a record, and appending events durably.

One module (over 400 lines): opening (checks, migration), reading and the durable append
share the engine, the writer connection and the one-writer lock, whose lifetimes must
stay together.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import uuid
import weakref
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, insert, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from secretary.domain.events import Event
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import Terms, TermsError, parse_terms, parse_terms_text
from secretary.i18n import _
from secretary.store.clock import current_author, now_utc
from secretary.store.errors import DbProblem, classify, describe
from secretary.store.errors import RecordError as RecordError  # where callers have looked
from secretary.store.fastread import readonly_uri as readonly_uri  # where callers have looked
from secretary.store.models import EventRow, MeetingRow

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def default_record_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("ClusterSecretary", appauthor=False)) / "record.sqlite"


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    uuid: str
    title: str
    date: str
    start: str
    venue: str
    cluster_name: str
    terms_id: str
    events: int


# A hot rollback journal that a read-only connection may not roll back.
SQLITE_READONLY_ROLLBACK = 776


def _interrupted_write(target: str) -> str:
    return _(
        "{file}: a write to the record was interrupted and must be rolled back first, "
        "which needs a folder you can write to; copy the record with its -journal file "
        "to such a folder and open it there",
        file=target,
    )


def roll_back_hot_journal(path: Path) -> None:
    """Finish what a killed writer left: a rollback journal beside the record is
    rolled back by opening it read-write — what SQLite does on any read-write open
    — before any read-only probe, which could not, and would call a sound record
    read-only or damaged. The committed content is not changed."""
    journal = Path(f"{path}-journal")
    if not journal.exists() or not path.exists() or not os.access(path.parent, os.W_OK):
        return
    try:
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # the probe that follows says what is wrong


class RecordMoved(RecordError):
    """The record file was moved, renamed or deleted while open."""


def _identity(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def _where_now(identity: tuple[int, int]) -> str | None:
    """Where the file this process holds open now is (Linux: /proc/self/fd), or
    None when it cannot be told or the file was deleted."""
    fds = Path("/proc/self/fd")
    try:
        entries = list(fds.iterdir())
    except OSError:
        return None
    for entry in entries:
        try:
            st = os.stat(entry)
            if (st.st_dev, st.st_ino) != identity:
                continue
            target = os.readlink(entry)
        except OSError:
            continue
        if target.endswith(" (deleted)"):
            return None
        return target
    return None


def _orphaned_changes(path: Path) -> Path | None:
    """A non-empty -wal with no record beside it."""
    wal = Path(f"{path}-wal")
    try:
        return wal if wal.stat().st_size > 0 else None
    except OSError:
        return None


def _moved_message(target: str, now_at: str) -> str:
    return _(
        "{file}: the record was moved or renamed while open (it is now {now}); "
        "NOT recorded — everything recorded before is in it: open it where it is now",
        file=target,
        now=now_at,
    )


def _deleted_message(target: str, rescued: Path | None) -> str:
    if rescued is not None:
        return _(
            "{file}: the record file was deleted or moved out of reach while open; "
            "NOT recorded — everything recorded so far was saved to {rescued}: open that",
            file=target,
            rescued=rescued,
        )
    return _(
        "{file}: the record file was deleted or moved out of reach while open; NOT "
        "recorded — put it back, or open it where it is now",
        file=target,
    )


def _is_url(target: str) -> bool:
    return "://" in target


def is_url(target: str | os.PathLike[str]) -> bool:
    """True for a database URL (``postgresql+psycopg://...``), False for a file path."""
    return _is_url(str(target))


def database_url(target: str) -> str:
    """The SQLAlchemy URL for a target given by a user: ``postgresql://`` and
    ``postgres://`` mean PostgreSQL through psycopg (the driver we ship)."""
    for prefix in ("postgresql://", "postgres://"):
        if target.startswith(prefix):
            return "postgresql+psycopg://" + target[len(prefix) :]
    return target


def mask_url(target: str | os.PathLike[str]) -> str:
    """A target fit to print: a URL's password replaced by ``***``. Passwords belong
    in PGPASSWORD or a libpq password file, never in messages or settings."""
    target = str(target)
    if not _is_url(target):
        return target
    try:
        from sqlalchemy.engine import make_url

        return make_url(target).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy understands: hide everything after '//'
        scheme = target.split("://", 1)[0]
        return f"{scheme}://***"


def url_without_password(target: str) -> str:
    """A URL to remember (settings, a venue record's origin): the password dropped,
    so libpq looks it up in PGPASSWORD or the password file when it is used."""
    if not _is_url(target):
        return target
    try:
        from sqlalchemy.engine import make_url

        return make_url(target)._replace(password=None).render_as_string(hide_password=False)
    except Exception:
        return mask_url(target)


class Record:
    """One record file (or database URL). Open it, then read or append."""

    def __init__(
        self, target: str | os.PathLike[str], *, create: bool = True, readonly: bool = False
    ):
        raw = str(target)
        # ``target`` is what messages print: a URL's password is never shown.
        self.target = mask_url(raw)
        self.readonly = readonly
        self.is_sqlite = not _is_url(raw) or raw.startswith("sqlite")
        # Run by close(): e.g. releasing a meeting's lease on a central record.
        self.on_close: list[Any] = []
        self._moved: str | None = None
        url: Any
        if _is_url(raw):
            url = database_url(raw)
            self.url: str = url
            self.path: Path | None = None
        else:
            self.path = Path(raw)
            self._check_file(create)
            # The file is held by identity, not by name: a move, rename or deletion
            # while open is noticed before the next write (check_in_place).
            self._identity = _identity(self.path)
            self.url = f"sqlite:///{self.path}"
            # A URI with every character percent-encoded: a '?', '#' or '%20' in a
            # file or folder name cannot send the record to another file. mode=rw:
            # SQLite never creates a file — a record moved away while open is not
            # silently replaced by an empty one at its old name.
            url = URL.create(
                "sqlite",
                database=f"{Path(os.path.abspath(self.path)).as_uri()}?mode=rw",
                query={"uri": "true"},
            )
            if readonly:
                url = URL.create("sqlite", database=readonly_uri(self.path), query={"uri": "true"})
        self._sa_url = url
        # One writer: a record file open for writing is locked (store/lock.py).
        self._unlock: Any = None
        if self.path is not None and not readonly:
            from secretary.store.lock import acquire_lock

            self._unlock = weakref.finalize(self, acquire_lock(self.path).release)
        try:
            try:
                self.engine: Engine = create_engine(url)
            except ImportError as exc:
                raise RecordError(
                    f"{self.target}: this database needs a driver that is not "
                    f"installed ({exc.name}); for PostgreSQL install "
                    "'psycopg[binary]'"
                ) from None
            except ArgumentError as exc:
                raise RecordError(
                    f"{self.target}: not a database URL this app understands ({exc})"
                ) from None
            if self.is_sqlite:
                event.listen(self.engine, "connect", self._sqlite_pragmas)
            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
            self._writer_conn: Connection | None = None
            self._migrate()
        except BaseException:
            if "engine" in self.__dict__:
                self.engine.dispose()  # no pooled connection left behind
            if self._unlock is not None:
                self._unlock()
            raise

    # ------------------------------------------------------------------ opening

    def _check_file(self, create: bool) -> None:
        assert self.path is not None
        where = str(self.path)
        if self.path.is_dir():
            raise RecordError(f"{where}: is a folder, not a record file")
        if self.path.exists():
            try:
                with open(self.path, "rb") as f:
                    header = f.read(16)
            except OSError as exc:
                raise RecordError(f"{where}: cannot be read: {exc.strerror}") from None
            if header and header != SQLITE_HEADER:
                raise RecordError(
                    f"{where}: not a Cluster Secretary record (not an SQLite "
                    "database); the file was left untouched"
                )
            if not header and self.readonly:
                raise RecordError(f"{where}: the file is empty")
            return
        orphan = _orphaned_changes(self.path)
        if orphan is not None:
            # Events committed to a record that was then moved or deleted: a new
            # record here would make SQLite discard them. Never silently.
            raise RecordError(
                _(
                    "{file}: no record here, but {wal} holds changes recorded into it "
                    "that are not yet in the record file — it was moved, renamed or deleted "
                    "while open: put the record back here and open it (they are then folded "
                    "in); nothing was created",
                    file=where,
                    wal=orphan,
                )
            )
        if not create or self.readonly:
            raise RecordError(f"{where}: no such record")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Declarations of interest are personal data: owner-only from the start.
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        except OSError as exc:
            raise RecordError(f"{where}: cannot create the record: {exc.strerror}") from None

    def _sqlite_pragmas(self, dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 5000")
        if not self.readonly:
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    def _inspect(self) -> tuple[set[str], str | None]:
        """Tables and schema revision, read without changing anything on disk."""
        from secretary.store.migrate import current_revision

        if self.path is not None:
            roll_back_hot_journal(self.path)
        if self.path is not None and self.path.stat().st_size > 0:
            # A read-only sqlite3 connection: opening through the engine would switch
            # the file to WAL, which rewrites its header even if we then refuse it.
            try:
                conn = sqlite3.connect(readonly_uri(self.path), uri=True)
                try:
                    tables = {
                        r[0]
                        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                    }
                    revision = None
                    if "alembic_version" in tables:
                        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                        revision = row[0] if row else None
                    # Structural damage (a torn or overwritten page) is found now,
                    # not halfway through reading a meeting. Cheap: no index checks.
                    damage = str(conn.execute("PRAGMA quick_check").fetchone()[0])
                    if damage != "ok":
                        first = [ln for ln in damage.splitlines() if "***" not in ln][:1]
                        raise RecordError(
                            f"{self.target}: the record file is damaged "
                            f"({''.join(first) or 'quick_check failed'}); "
                            "the file was left untouched",
                            DbProblem.DAMAGED,
                        )
                finally:
                    conn.close()
            except sqlite3.DatabaseError as exc:
                if getattr(exc, "sqlite_errorcode", None) == SQLITE_READONLY_ROLLBACK:
                    raise RecordError(
                        _interrupted_write(self.target), DbProblem.READ_ONLY
                    ) from None
                raise RecordError(
                    f"{self.target}: {_db_problem(exc)}; the file was left untouched",
                    classify(exc),
                ) from None
            return tables, revision
        if self.path is not None:
            return set(), None
        try:
            with self.engine.connect() as sa_conn:
                tables = set(_table_names(sa_conn))
                revision = current_revision(sa_conn) if "alembic_version" in tables else None
        except DBAPIError as exc:
            raise RecordError(f"{self.target}: {_db_problem(exc)}", classify(exc)) from None
        return tables, revision

    def _migrate(self) -> None:
        from secretary.store.migrate import HEAD, upgrade_atomically

        tables, revision = self._inspect()
        if revision is None and tables - {"alembic_version"}:
            raise RecordError(
                f"{self.target}: an SQLite database, but not a Cluster Secretary "
                "record; the file was left untouched"
            )
        if revision is not None and revision not in _known_revisions():
            raise RecordError(
                f"{self.target}: made by a newer version of Cluster Secretary "
                f"(schema {revision}); update the app to open it"
            )
        if revision == HEAD:
            return
        if self.readonly:
            raise RecordError(f"{self.target}: needs upgrading, which a read-only record cannot be")
        try:
            upgrade_atomically(self._sa_url, self._sqlite_pragmas if self.is_sqlite else None)
        except DBAPIError as exc:
            raise RecordError(
                f"{self.target}: cannot prepare the record: {_db_problem(exc)}"
            ) from None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        self.check_in_place()
        s = self._sessions()
        try:
            yield s
            s.commit()
        except BaseException as exc:
            s.rollback()
            if isinstance(exc, DBAPIError) and (_is_damage(exc) or classify(exc) is DbProblem.BUSY):
                # Busy too: another program holding the file past the busy timeout is a
                # message for the secretary, not a traceback in the window.
                raise RecordError(f"{self.target}: {_db_problem(exc)}", classify(exc)) from None
            raise
        finally:
            s.close()

    def close(self) -> None:
        hooks, self.on_close = self.on_close, []
        for hook in reversed(hooks):
            hook()
        self._drop_writer()
        self.engine.dispose()
        if self._unlock is not None:
            self._unlock()  # release the one-writer lock (once)

    # ------------------------------------------------------------------ meetings

    def create_meeting(
        self,
        info: MeetingInfo,
        terms_id: str,
        terms_text: str,
        setup: Sequence[Event] = (),
        cluster_id: int | None = None,
        author: str | None = None,
    ) -> int:
        author = author or current_author()
        try:
            with self.session() as s:
                row = MeetingRow(
                    uuid=str(uuid.uuid4()),
                    cluster_id=cluster_id,
                    title=info.title,
                    date=info.date,
                    start=info.start,
                    venue=info.venue,
                    cluster_name=info.cluster,
                    terms_id=terms_id,
                    terms_text=terms_text,
                    created_at=now_utc(),
                    author=author,
                )
                s.add(row)
                s.flush()
                for seq, e in enumerate(setup):
                    s.add(event_row(row.id, seq, e, author))
                meeting_id = row.id
        except SQLAlchemyError as exc:
            raise RecordError(
                f"{self.target}: the meeting could not be saved: {_db_problem(exc)}"
            ) from None
        return meeting_id

    def check_in_place(self) -> None:
        """Raise RecordMoved if the record file was moved, renamed or deleted since it
        was opened. Then what was recorded is folded from the WAL (which keeps the old
        name) into the file wherever it now is, and nothing more is written."""
        if self.path is None or self.readonly:
            return
        if self._moved is None:
            try:
                if _identity(self.path) == self._identity:
                    return
            except OSError:
                pass
            now_at = _where_now(self._identity)
            if now_at is not None:
                self._fold_wal_into_moved_file()
                self._moved = _moved_message(self.target, now_at)
            else:
                self._moved = _deleted_message(self.target, self._rescue())
        raise RecordMoved(self._moved)

    def _rescue(self) -> Path | None:
        """The file was deleted (or cannot be found) while open: what this process can
        still read through its open connection is written to a new file beside
        the old name. Returns it, or None when nothing could be saved."""
        assert self.path is not None
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        dest = self.path.with_name(f"{self.path.stem}-rescued-{stamp}{self.path.suffix}")
        try:
            fd = os.open(dest, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        except OSError:
            return None
        try:
            conn = self._writer()
            conn.exec_driver_sql("VACUUM INTO ?", (str(dest),))
            conn.commit()
        except SQLAlchemyError:
            dest.unlink(missing_ok=True)
            return None
        return dest

    def _fold_wal_into_moved_file(self) -> None:
        conn = self._writer_conn
        if conn is None or conn.closed:
            return  # nothing was written through this record: the WAL holds nothing of ours
        with contextlib.suppress(SQLAlchemyError):
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.commit()

    def append(
        self,
        meeting_id: int,
        event: Event,
        seq: int,
        author: str | None = None,
        files: Mapping[str, bytes] | None = None,
    ) -> None:
        """Commit one event, with the papers it attaches (``files``: {sha256: bytes},
        store/papers.py) in the same transaction. Returns only once it is on disk
        (synchronous=FULL)."""
        if self.readonly:
            raise RecordError(f"{self.target}: opened read-only; nothing can be recorded")
        self.check_in_place()
        row = _event_values(meeting_id, seq, event, author or current_author())
        try:
            # One long-lived connection and a Core insert: this is the hot path of a
            # meeting, and an ORM session per event costs more than the fsync.
            conn = self._writer()
            try:
                if files:
                    from secretary.store.papers import put

                    put(conn, files, row["recorded_at"])
                _insert_event(conn, row)
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
        except SQLAlchemyError as exc:
            self._drop_writer()
            raise RecordError(
                f"{self.target}: the event was NOT recorded: {_db_problem(exc)}",
                problem=classify(exc),
            ) from None

    def _writer(self) -> Connection:
        if self._writer_conn is None or self._writer_conn.closed:
            self._writer_conn = self.engine.connect()
        return self._writer_conn

    def _drop_writer(self) -> None:
        if self._writer_conn is not None:
            with contextlib.suppress(SQLAlchemyError):  # closing a broken one is best-effort
                self._writer_conn.close()
            self._writer_conn = None

    def meeting_row(self, meeting_id: int) -> MeetingRow:
        with self.session() as s:
            row = s.get(MeetingRow, meeting_id)
            if row is None:
                raise RecordError(f"{self.target}: no meeting with id {meeting_id}")
            return row

    def meeting_info(self, meeting_id: int) -> MeetingInfo:
        row = self.meeting_row(meeting_id)
        return MeetingInfo(row.title, row.date, row.start, row.venue, row.cluster_name)

    def meeting_terms(self, meeting_id: int) -> Terms:
        row = self.meeting_row(meeting_id)
        return terms_from_text(row.terms_text, f"{self.target} (meeting {meeting_id} terms)")

    def events(self, meeting_id: int) -> list[Event]:
        with self.session() as s:
            rows = s.execute(
                select(EventRow.uuid, EventRow.type, EventRow.payload)
                .where(EventRow.meeting_id == meeting_id)
                .order_by(EventRow.seq)
            ).all()
        return [
            stored_event(u, t, p, f"{self.target}: meeting {meeting_id}: stored event {n}")
            for n, (u, t, p) in enumerate(rows)
        ]

    def event_ids_in_use(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` already name an event of this record (any meeting)."""
        found: set[str] = set()
        with self.session() as s:
            for start in range(0, len(ids), 500):  # within every driver's parameter limit
                chunk = list(ids[start : start + 500])
                found.update(s.scalars(select(EventRow.uuid).where(EventRow.uuid.in_(chunk))))
        return found

    def event_rows(self, meeting_id: int) -> list[EventRow]:
        with self.session() as s:
            return list(
                s.scalars(
                    select(EventRow).where(EventRow.meeting_id == meeting_id).order_by(EventRow.seq)
                )
            )

    def list_meetings(self, cluster_id: int | None = None) -> list[MeetingSummary]:
        counts = (
            select(EventRow.meeting_id, func.count().label("n"))
            .group_by(EventRow.meeting_id)
            .subquery()
        )
        query = (
            select(MeetingRow, counts.c.n)
            .outerjoin(counts, counts.c.meeting_id == MeetingRow.id)
            .order_by(MeetingRow.date.desc(), MeetingRow.id.desc())
        )
        if cluster_id is not None:
            query = query.where(MeetingRow.cluster_id == cluster_id)
        with self.session() as s:
            return [
                MeetingSummary(
                    m.id,
                    m.uuid,
                    m.title,
                    m.date,
                    m.start,
                    m.venue,
                    m.cluster_name,
                    m.terms_id,
                    n or 0,
                )
                for m, n in s.execute(query).all()
            ]

    def integrity_check(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.execute(text("PRAGMA integrity_check")).scalar())


def decode_event(uuid_: str, etype: str, payload: str) -> Event:
    """An event as stored, read back through the same checks as when it was
    written. Raises EventError (one line) for a row damaged or planted behind
    the app's back: not JSON, nested beyond reason, or not a valid event."""
    from secretary.domain.events import EventError, check_event

    try:
        data = json.loads(payload)
    except (ValueError, TypeError, RecursionError):
        raise EventError("the stored event is damaged (not readable JSON)") from None
    if not isinstance(data, dict):
        raise EventError("the stored event is damaged (not an object)")
    checked = check_event({**data, "type": etype}, stored=True)
    return Event(checked.type, checked.data, uuid_)


def stored_event(uuid_: str, etype: str, payload: str, where: str) -> Event:
    """``decode_event``, its problem a RecordError naming ``where``."""
    from secretary.domain.events import EventError

    try:
        return decode_event(uuid_, etype, payload)
    except EventError as exc:
        raise RecordError(f"{where} cannot be read: {exc}") from None


def _event_values(meeting_id: int, seq: int, e: Event, author: str) -> dict[str, Any]:
    return {
        "uuid": e.id,
        "meeting_id": meeting_id,
        "seq": seq,
        "type": e.type,
        "payload": json.dumps(dict(e.data), ensure_ascii=False),
        "recorded_at": now_utc(),
        "author": author,
    }


def event_row(meeting_id: int, seq: int, e: Event, author: str) -> EventRow:
    """The row of one event: the one mapping of an event to the record (the hot
    path's plain insert uses the same values, ``_event_values``)."""
    return EventRow(**_event_values(meeting_id, seq, e, author))


_INSERT_EVENT = insert(EventRow)
_EVENT_COLUMNS = ("uuid", "meeting_id", "seq", "type", "payload", "recorded_at", "author")
_DRIVER_INSERTS = {
    # The hot path of a meeting: a plain statement in the driver's own parameter
    # style skips SQLAlchemy's per-call statement machinery (a third of the time
    # of a durable event besides the fsync). Other drivers take the Core insert.
    "qmark": (
        f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in _EVENT_COLUMNS)})"
    ),
    "pyformat": (
        f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) "
        f"VALUES ({', '.join(f'%({c})s' for c in _EVENT_COLUMNS)})"
    ),
}


def _insert_event(conn: Connection, row: dict[str, Any]) -> None:
    style = conn.dialect.paramstyle
    sql = _DRIVER_INSERTS.get(style)
    if sql is None:
        conn.execute(_INSERT_EVENT, row)
    elif style == "qmark":
        conn.exec_driver_sql(sql, tuple(row[c] for c in _EVENT_COLUMNS))
    else:
        conn.exec_driver_sql(sql, row)


def terms_from_text(terms_text: str, source: str) -> Terms:
    """Terms stored with a meeting: TOML, or JSON for inline scenario terms."""
    stripped = terms_text.lstrip()
    # Not strict: terms a later release refuses as unworkable still open the meetings
    # already recorded under them.
    try:
        if stripped.startswith("{"):
            return parse_terms(json.loads(terms_text), source, strict=False)
        return parse_terms_text(terms_text, source, strict=False)
    except (TermsError, ValueError) as exc:
        raise RecordError(f"{source}: the stored terms cannot be read: {exc}") from None


def _table_names(conn: Any) -> list[str]:
    from sqlalchemy import inspect

    return list(inspect(conn).get_table_names())


def _known_revisions() -> set[str]:
    from secretary.store.migrate import known_revisions

    return known_revisions()


def _is_damage(exc: Exception) -> bool:
    """A database error that means the file is damaged, not that a write failed."""
    return classify(exc).is_damage


def _db_problem(exc: Exception) -> str:
    return describe(exc)
