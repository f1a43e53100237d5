"""Rolling backups of a record, and restoring one.

``backup_record(path)`` copies a record with SQLite's online backup API
(``sqlite3.Connection.backup``): a consistent snapshot, taken page by page
while the record stays open and even while a meeting is being recorded into
it, including what is still in the WAL. The copy goes into a ``backups``
folder beside the record, named ``<record stem>-<UTC time>[-<reason>].sqlite``,
owner-only (0600, the folder 0700: declarations of interest are personal
data), as a single self-contained file (rollback journal mode, no -wal).
Only the newest ``keep`` backups of that record are kept (default 10).

The window calls it when a meeting opens and when it closes::

    from secretary.store.backup import backup_record
    backup_record(record.path, reason="open")   # or "close"

``restore_backup(backup, path)`` puts a backup back in place of a record:
it checks the backup first (SQLite, ``PRAGMA integrity_check`` is ``ok``, a
Cluster Secretary schema this version can open), takes the record's
one-writer lock (so it refuses while the record is open elsewhere), saves
the current file as a backup of its own (with the backup API, or byte for
byte if the current file is damaged), then replaces the record atomically
(a new file written beside it, flushed, then renamed over it). Nothing is
ever overwritten without a copy.

One module (over 400 lines): taking, listing, checking and restoring backups share the
file handling (temporary copies, owner-only modes, journals) that must stay identical
for all four.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from secretary.i18n import _
from secretary.store.errors import DbProblem, RecordError, classify
from secretary.store.record import SQLITE_HEADER, readonly_uri

DEFAULT_KEEP = 10
BACKUP_DIR = "backups"
SAFETY_DIR = "before-restore"
_STAMP = "%Y%m%dT%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6})_(?P<us>\d{6})Z(?:-(?P<reason>[a-z0-9-]+))?"
    r"\.sqlite$"
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: dt.datetime  # UTC
    reason: str
    size: int
    # A backup named by the record's stem only (before names were made unique):
    # it may belong to another record with the same stem, so rotation leaves it.
    legacy: bool = False
    # A restore's copy of the record as it was: kept apart, never rotated away.
    safety: bool = False

    def describe(self) -> str:
        when = self.taken.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        reason = f" ({self.reason})" if self.reason else ""
        return f"{when}{reason}  {self.size // 1024 or 1} KB  {self.path}"


def backup_dir(record_path: str | os.PathLike[str]) -> Path:
    return Path(record_path).parent / BACKUP_DIR


def _clean_reason(reason: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-")[:40]


def safety_dir(record_path: str | os.PathLike[str]) -> Path:
    """Where restore keeps the record as it was: apart from the rolling backups,
    never pruned by their rotation."""
    return backup_dir(record_path) / SAFETY_DIR


def _new_backup_path(record: Path, reason: str, folder: Path | None = None) -> Path:
    folder = folder or backup_dir(record)
    now = dt.datetime.now(dt.UTC)
    suffix = f"-{_clean_reason(reason)}" if _clean_reason(reason) else ""
    for _attempt in range(1000):
        name = f"{record.name}-{now.strftime(_STAMP)}_{now.microsecond:06d}Z{suffix}.sqlite"
        candidate = folder / name
        if not candidate.exists():
            return candidate
        now += dt.timedelta(microseconds=1)
    raise RecordError(_("{file}: cannot name a new backup in {folder}", file=record, folder=folder))


def _make_private_dir(folder: Path) -> None:
    if folder.name == SAFETY_DIR:  # its parent (backups/) owner-only too
        _make_private_dir(folder.parent)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def _create_private(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows cannot open a folder
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_database(source: Path, dest: Path) -> None:
    """Online backup of ``source`` into the new, empty file ``dest``."""
    src = sqlite3.connect(readonly_uri(source), uri=True)
    try:
        src.execute("PRAGMA busy_timeout = 5000")
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
            # One self-contained file: no -wal beside the backup.
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
    finally:
        src.close()
    for extra in ("-wal", "-shm", "-journal"):
        Path(f"{dest}{extra}").unlink(missing_ok=True)


def backup_record(
    path: str | os.PathLike[str], keep: int | None = DEFAULT_KEEP, reason: str = ""
) -> Path:
    """Back up the record at ``path`` into ``backups/`` beside it; keep the newest
    ``keep`` backups of it (None: remove none). Returns the new backup's path.
    Raises RecordError (naming the file and why) if no backup could be made."""
    record = Path(path)
    if not record.is_file():
        raise RecordError(_("{file}: no such record to back up", file=record))
    if keep is not None and keep < 1:
        raise RecordError(_("keep at least one backup (got {keep})", keep=keep))
    folder = backup_dir(record)
    try:
        _make_private_dir(folder)
        dest = _new_backup_path(record, reason)
        # Written under a hidden name and renamed when complete, so a crash
        # mid-backup never leaves a half backup that looks like a real one.
        partial = folder / f".{dest.name}.partial"
        _remove_stale_partials(folder, record)
        _create_private(partial)
    except OSError as exc:
        raise RecordError(
            _(
                "{file}: cannot write a backup in {folder}: {why}",
                file=record,
                folder=folder,
                why=exc.strerror,
            )
        ) from None
    try:
        _copy_database(record, partial)
        _fsync(partial)
        os.replace(partial, dest)
        _fsync_dir(folder)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise RecordError(
            _("{file}: the backup failed: {why}", file=record, why=_problem(exc))
        ) from None
    if keep is not None:
        prune_backups(record, keep)
    return dest


STALE_PARTIAL_SECONDS = 3600


def _remove_stale_partials(folder: Path, record: Path) -> None:
    """Half backups left by a crash, and the -journal files SQLite left beside
    them. Only old ones: a young one may be another process's backup in progress.
    A -journal whose database file is gone is useless to anyone: removed."""
    now = time.time()
    for stale in folder.iterdir():
        name = stale.name
        base = name.removesuffix("-journal")
        orphan_journal = base != name and not (folder / base).exists()
        partial = base.startswith((f".{record.name}-", f".{record.stem}-")) and base.endswith(
            ".partial"
        )
        if not (orphan_journal or partial):
            continue
        with contextlib.suppress(OSError):
            if orphan_journal or now - stale.stat().st_mtime > STALE_PARTIAL_SECONDS:
                stale.unlink()


def list_backups(path: str | os.PathLike[str]) -> list[BackupInfo]:
    """The backups of the record at ``path``, newest first: the rolling ones and
    the copies kept by restores. A file whose name holds an impossible date is
    left out (and never pruned), never a traceback."""
    record = Path(path)
    found = _scan(backup_dir(record), record, safety=False)
    found += _scan(safety_dir(record), record, safety=True)
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def _scan(folder: Path, record: Path, safety: bool) -> list[BackupInfo]:
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        m = _NAME.match(entry.name)
        if not m or m.group("stem") not in (record.name, record.stem):
            continue
        try:
            taken = dt.datetime.strptime(m.group("stamp"), _STAMP).replace(
                microsecond=int(m.group("us")), tzinfo=dt.UTC
            )
            if not entry.is_file():
                continue
            size = entry.stat().st_size
        except (ValueError, OSError):  # 2026-13-45, or gone meanwhile
            continue
        legacy = m.group("stem") != record.name
        found.append(BackupInfo(entry, taken, m.group("reason") or "", size, legacy, safety))
    return found


def prune_backups(path: str | os.PathLike[str], keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` rolling backups of a record; returns those
    removed. Restores' safety copies and old stem-named backups are never removed."""
    removed = []
    rolling = [b for b in list_backups(path) if not b.safety and not b.legacy]
    for old in rolling[keep:]:
        try:
            old.path.unlink()
        except OSError:
            continue
        for extra in ("-wal", "-journal"):  # beside a byte-for-byte copy, or a killed one
            Path(f"{old.path}{extra}").unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def check_backup(backup: str | os.PathLike[str]) -> None:
    """Raise RecordError unless ``backup`` is a sound Cluster Secretary record that
    this version can open. Reads only."""
    from secretary.store.migrate import known_revisions

    file = Path(backup)
    try:
        with open(file, "rb") as f:
            header = f.read(16)
    except OSError as exc:
        raise RecordError(_("{file}: cannot be read: {why}", file=file, why=exc.strerror)) from None
    if header != SQLITE_HEADER:
        raise RecordError(
            _("{file}: not a Cluster Secretary backup (not an SQLite database)", file=file)
        )
    try:
        conn = sqlite3.connect(readonly_uri(file), uri=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise RecordError(
                    _(
                        "{file}: the backup is damaged ({why})",
                        file=file,
                        why="; ".join(map(str, result[:3])),
                    )
                )
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if "alembic_version" not in tables or "events" not in tables:
                raise RecordError(
                    _("{file}: an SQLite database, but not a Cluster Secretary record", file=file)
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise RecordError(
            _("{file}: the backup cannot be read: {why}", file=file, why=_problem(exc))
        ) from None
    if row is None or row[0] not in known_revisions():
        raise RecordError(
            _(
                "{file}: made by a newer version of Cluster Secretary; update "
                "the app to restore it",
                file=file,
            )
        )


class RestoreWouldUndo(RecordError):
    """Restoring this backup would undo approvals or remove meetings; ``undone``
    lists them. Nothing was changed: ask, then call again with ``confirm=True``."""

    def __init__(self, message: str, undone: list[str]) -> None:
        super().__init__(message)
        self.undone = undone


def restore_backup(
    backup: str | os.PathLike[str],
    path: str | os.PathLike[str],
    keep: int | None = None,
    *,
    confirm: bool = False,
) -> Path | None:
    """Replace the record at ``path`` with ``backup``.

    The backup is checked first (sound, a schema this version can open, every
    meeting plays by the rules); a restore that would undo an approval of minutes
    or remove a meeting is refused with RestoreWouldUndo naming them unless
    ``confirm``. The current record (if any) is saved first, apart from the
    rolling backups (``backups/before-restore/``, never pruned). The restored
    record is in WAL mode like every record. Returns the safety copy (None when
    there was no record). Raises RecordError — or RecordLocked if the record is
    open in another instance — with nothing changed. ``keep`` prunes old rolling
    backups afterwards (default: none removed).
    """
    from secretary.store.lock import RecordLocked, acquire_lock, locked_message

    source = Path(backup)
    record = Path(path)
    check_backup(source)
    check_backup_plays(source)
    if record.exists() and os.path.samefile(source, record):
        raise RecordError(_("{file}: cannot restore a record over itself", file=record))
    undone = restore_would_undo(source, record) if record.exists() else []
    if undone and not confirm:
        raise RestoreWouldUndo(
            _(
                "{file}: restoring {backup} would undo: {what}; nothing was changed",
                file=record,
                backup=source.name,
                what="; ".join(undone),
            ),
            undone,
        )
    try:
        lock = acquire_lock(record)
    except RecordLocked as exc:
        advice = _("close it there before restoring a backup")
        raise RecordLocked(locked_message(record, exc.holder, advice), exc.holder) from None
    if lock.count > 1:  # this very process has it open: it must close it first
        lock.release()
        raise RecordLocked(
            _("{file} is open in this window; close it before restoring a backup", file=record)
        )
    try:
        safety = _save_current(record) if record.exists() else None
        folder = record.parent
        staging = folder / f".{record.name}.restoring"
        try:
            staging.unlink(missing_ok=True)
            _create_private(staging)
            _copy_database(source, staging)
            _to_wal(staging)
            _fsync(staging)
            # The old file's WAL belongs to the old file: fold it in (or drop it
            # — the safety copy has everything) before the new file takes its place.
            _retire_wal(record)
            os.replace(staging, record)
            _fsync_dir(folder)
        except (sqlite3.Error, OSError) as exc:
            staging.unlink(missing_ok=True)
            raise RecordError(
                _(
                    "{file}: the restore failed, the record was left as it was "
                    "(a copy is in {copy}): {why}",
                    file=record,
                    copy=safety,
                    why=_problem(exc),
                )
            ) from None
    finally:
        lock.release()
    if keep is not None:
        prune_backups(record, keep)
    return safety


def _to_wal(file: Path) -> None:
    """Every record is in WAL mode, a restored one too: a rollback journal left
    hot by a kill would otherwise lock read-only openers out."""
    conn = sqlite3.connect(file)
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    finally:
        conn.close()  # the last connection: the -wal is folded in and removed
    if str(mode).lower() != "wal":
        raise sqlite3.OperationalError(f"cannot switch to WAL mode ({mode})")


def restore_would_undo(backup: Path, record: Path) -> list[str]:
    """What restoring ``backup`` over ``record`` would silently take away: approvals
    of minutes, whole meetings and decisions taken outside meetings (by uuid).
    Events recorded since the backup are the point of a restore and are not listed
    here (the safety copy keeps them; ``events_since_backup`` says which)."""
    now, then = _approvals_and_meetings(record), _approvals_and_meetings(backup)
    if now is None or then is None:
        return []  # the current file cannot be read: nothing to compare, it is kept
    lost: list[str] = []
    for uuid, label in now[0].items():
        if uuid not in then[0]:
            lost.append(_("the approval of the minutes of {meeting}", meeting=label))
    for uuid, label in now[1].items():
        if uuid not in then[1]:
            lost.append(_("the meeting {meeting}", meeting=label))
    for uuid, label in now[2].items():
        if uuid not in then[2]:
            lost.append(_("the decision taken outside a meeting {decision}", decision=label))
    return lost


def events_since_backup(backup: Path, record: Path) -> list[str]:
    """What the record holds that ``backup`` does not, meeting by meeting, in words
    ("14 events of Upper Valleys Cluster Meeting (2026-09-10)"): what a restore puts
    aside (into its safety copy), for the secretary to see before choosing it."""
    now, then = _event_counts(record), _event_counts(backup)
    if now is None or then is None:
        return []
    from secretary.domain.text import plural

    return [
        plural(
            n - then[uuid][0], "{n} event of {meeting}", "{n} events of {meeting}", meeting=label
        ).render()
        for uuid, (n, label) in now.items()
        if uuid in then and n > then[uuid][0]
    ]


def _event_counts(file: Path) -> dict[str, tuple[int, str]] | None:
    """Each meeting's number of events and its name, by uuid."""
    try:
        conn = sqlite3.connect(readonly_uri(file), uri=True)
        try:
            rows = conn.execute(
                "SELECT m.uuid, m.title, m.date, COUNT(e.id) FROM meetings m "
                "LEFT JOIN events e ON e.meeting_id = m.id GROUP BY m.id"
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return {u: (n, _named(t, d)) for u, t, d, n in rows}


def _named(title: str, date: str) -> str:
    """A meeting (or a decision outside one) as a restore's warnings name it."""
    return f"{title} ({date})"


def _approvals_and_meetings(
    file: Path,
) -> tuple[dict[str, str], dict[str, str], dict[str, str]] | None:
    """Approvals (by the approved meeting's uuid), meetings and decisions taken
    outside meetings (by uuid), each with its name."""
    try:
        conn = sqlite3.connect(readonly_uri(file), uri=True)
        try:
            meetings = {
                u: _named(t, d)
                for u, t, d in conn.execute("SELECT uuid, title, date FROM meetings")
            }
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            approved: dict[str, str] = {}
            if "minutes_approvals" in tables:
                for (u,) in conn.execute(
                    "SELECT m.uuid FROM minutes_approvals a JOIN meetings m ON m.id = a.meeting_id"
                ):
                    approved[u] = meetings.get(u, u)
            outside: dict[str, str] = {}
            if "outside_decisions" in tables:
                for u, t, d in conn.execute(
                    "SELECT uuid, title, decided_on FROM outside_decisions"
                ):
                    outside[u] = _named(t, d)
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return approved, meetings, outside


def check_backup_plays(backup: str | os.PathLike[str]) -> None:
    """Raise RecordError unless every meeting of ``backup`` plays by the rules:
    nothing unplayable is put back by a restore."""
    from secretary.domain.events import EventError
    from secretary.domain.meeting import Meeting
    from secretary.store.record import decode_event, terms_from_text

    file = Path(backup)
    try:
        conn = sqlite3.connect(readonly_uri(file), uri=True)
        try:
            meetings = conn.execute("SELECT id, title, date, terms_text FROM meetings").fetchall()
            for mid, title, date, terms_text in meetings:
                where = f"{title} ({date})"
                try:
                    meeting = Meeting(terms_from_text(terms_text, where))
                    rows = conn.execute(
                        "SELECT uuid, type, payload FROM events WHERE meeting_id = ? ORDER BY seq",
                        (mid,),
                    )
                    for uuid, etype, payload in rows:
                        meeting.apply(decode_event(uuid, etype, payload), stored=True)
                except (EventError, RecordError) as exc:
                    raise RecordError(
                        _(
                            "{file}: not restored: meeting {meeting} in the backup does not "
                            "play by the rules ({why})",
                            file=file,
                            meeting=where,
                            why=str(exc),
                        )
                    ) from None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise RecordError(
            _("{file}: the backup cannot be read: {why}", file=file, why=_problem(exc))
        ) from None


def _save_current(record: Path) -> Path:
    """A copy of the current record before it is replaced, however damaged; kept
    apart from the rolling backups so their rotation never removes it."""
    folder = safety_dir(record)
    try:
        _make_private_dir(folder)
        dest = _new_backup_path(record, "before-restore", folder)
        partial = folder / f".{dest.name}.partial"
        _create_private(partial)
        try:
            _copy_database(record, partial)
            _fsync(partial)
            os.replace(partial, dest)
            _fsync_dir(folder)
            return dest
        except (sqlite3.Error, OSError):
            partial.unlink(missing_ok=True)
    except OSError:
        pass
    # Damaged or not a database: keep its exact bytes (and its WAL) instead.
    try:
        _make_private_dir(folder)
        dest = _new_backup_path(record, "before-restore-raw", folder)
        _create_private(dest)
        shutil.copyfile(record, dest)
        wal = Path(f"{record}-wal")
        if wal.exists():
            wal_copy = Path(f"{dest}-wal")
            _create_private(wal_copy)
            shutil.copyfile(wal, wal_copy)
        _fsync(dest)
        _fsync_dir(folder)
    except OSError as exc:
        raise RecordError(
            _(
                "{file}: not restored: the current record could not be copied first ({why})",
                file=record,
                why=exc.strerror,
            )
        ) from None
    return dest


def _retire_wal(record: Path) -> None:
    wal, shm = Path(f"{record}-wal"), Path(f"{record}-shm")
    if not wal.exists() and not shm.exists():
        return
    try:
        conn = sqlite3.connect(record)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    wal.unlink(missing_ok=True)
    shm.unlink(missing_ok=True)


def _problem(exc: BaseException) -> str:
    problem = classify(exc)
    if problem is DbProblem.NOT_A_DATABASE:
        return _("not a readable SQLite database")
    if problem is DbProblem.DAMAGED:
        return _("the file is damaged (database disk image is malformed)")
    if problem is DbProblem.DISK_FULL:
        return _("the disk is full")
    return str(exc).split("\n")[0] or type(exc).__name__
