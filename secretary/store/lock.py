"""One writer per record: an advisory lock file beside it.

A record ``meeting.sqlite`` that is open for writing has a lock file
``meeting.sqlite.lock`` beside it, holding who has it open (pid, host, user,
since when) as JSON, so a second instance can say *who* has it, not just that
it is busy.

How the lock is held (the choice, and why):

- Where ``fcntl`` exists (Linux, macOS), the writer holds ``fcntl.flock`` on
  the lock file for as long as the record is open. The kernel drops that lock
  when the process ends in any way (a crash, SIGKILL, a power cut of the
  process), so a stale lock file is recognised exactly, without guessing from
  process ids, and a reused pid cannot keep a dead lock alive. A lock file
  left behind by a dead process is simply locked again and rewritten.
- Elsewhere (Windows), the lock file is created with ``O_CREAT | O_EXCL``
  (atomic on every file system we support); a lock file that already exists
  is stale if its host is this machine and its pid is no longer running, and
  is then taken over.

Both are advisory: they keep Cluster Secretary instances from writing the
same record at once, which SQLite's own locking would allow (it serialises
transactions, but two windows would each hold a different idea of the
meeting). A second opener gets ``RecordLocked`` and may open the record
read-only. Within one process, opening the same record again shares the lock
(the process is already its one writer).

One module (over 400 lines): taking, renewing and breaking the one-writer lock are one
protocol on one lock file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secretary.i18n import _
from secretary.store.clock import current_author
from secretary.store.errors import RecordError

try:  # pragma: no cover - import guard
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".lock"


class RecordLocked(RecordError):
    """The record is open for writing in another running instance."""

    def __init__(self, message: str, holder: LockHolder | None = None):
        super().__init__(message)
        self.holder = holder


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    user: str
    since: str

    def to_json(self) -> dict[str, Any]:
        return {"pid": self.pid, "host": self.host, "user": self.user, "since": self.since}

    @classmethod
    def from_json(cls, data: Any) -> LockHolder | None:
        if not isinstance(data, dict):
            return None
        pid = data.get("pid")
        if isinstance(pid, bool) or not isinstance(pid, int):
            return None
        return cls(
            pid, str(data.get("host", "?")), str(data.get("user", "?")), str(data.get("since", "?"))
        )

    def since_text(self) -> str:
        try:
            when = dt.datetime.fromisoformat(self.since)
        except ValueError:
            return self.since
        return when.astimezone().strftime("%Y-%m-%d %H:%M")


def lock_path(record_path: str | os.PathLike[str]) -> Path:
    """The lock file: beside the real file, so a record reached by two names
    (a symbolic link, a relative path) has one lock."""
    p = Path(os.path.realpath(record_path))
    return p.with_name(p.name + LOCK_SUFFIX)


def this_holder() -> LockHolder:
    return LockHolder(
        os.getpid(),
        socket.gethostname(),
        current_author(),
        dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )


def pid_alive(pid: int) -> bool:
    """Whether a process with ``pid`` runs on this machine."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True


def locked_message(record: Path, holder: LockHolder | None, advice: str | None = None) -> str:
    """Who has the record open, and what the user can do (default: view it read-only)."""
    advice = advice if advice is not None else _("open it read-only?")
    if holder is None:
        return _(
            "{file} is open in Cluster Secretary in another window or on another "
            "computer; {advice}",
            file=record,
            advice=advice,
        )
    return _(
        "{file} is open in Cluster Secretary on {host} by {user} (pid {pid}) since "
        "{since}; {advice}",
        file=record,
        host=holder.host,
        user=holder.user,
        pid=holder.pid,
        since=holder.since_text(),
        advice=advice,
    )


def read_holder(record_path: str | os.PathLike[str]) -> LockHolder | None:
    """Who holds the lock file's record (as written in it), or None."""
    try:
        fd = os.open(lock_path(record_path), os.O_RDONLY | _NOFOLLOW)
        with os.fdopen(fd, "rb") as f:
            raw = f.read(4096).decode("utf-8")
        return LockHolder.from_json(json.loads(raw))
    except (OSError, ValueError, RecursionError):
        return None


class RecordLock:
    """The lock on one record, held by this process. Use ``acquire_lock``."""

    def __init__(self, record: Path, path: Path, fd: int, holder: LockHolder):
        self.record = record
        self.path = path
        self.fd = fd
        self.holder = holder
        self.count = 1
        # flock on the record file itself: the lock goes wherever the file goes, so
        # a record renamed or moved while open cannot be opened by a second writer
        # under its new name (the lock file stays at the old one).
        self.file_fd = -1

    def release(self) -> None:
        with _registry_lock:
            self.count -= 1
            if self.count > 0:
                return
            _held.pop(_key(self.record), None)
            if self.file_fd >= 0:
                os.close(self.file_fd)
                self.file_fd = -1
            if self.fd < 0:
                return
            if fcntl is None:  # pragma: no cover - Windows: close before removing
                os.close(self.fd)
                self.fd = -1
                with contextlib.suppress(OSError):
                    self.path.unlink()
                return
            try:
                # Remove the file while still holding the lock, so no one can
                # lock the old file after we let go of it.
                if _same_file(self.fd, self.path):
                    self.path.unlink()
            except OSError:
                pass
            finally:
                os.close(self.fd)  # drops the flock
                self.fd = -1


_held: dict[str, RecordLock] = {}
_registry_lock = threading.Lock()


def _key(record: Path) -> str:
    return os.path.normcase(os.path.realpath(record))


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def acquire_lock(record_path: str | os.PathLike[str]) -> RecordLock:
    """Take the one-writer lock of a record, or raise RecordLocked / RecordError."""
    record = Path(record_path)
    with _registry_lock:
        held = _held.get(_key(record))
        if held is not None:
            held.count += 1
            return held
        path = lock_path(record)
        lock = _acquire_flock(record, path) if fcntl is not None else _acquire_excl(record, path)
        _held[_key(record)] = lock
        return lock


def held_here(record_path: str | os.PathLike[str]) -> bool:
    """Whether this process has the record open for writing (its lock is shared
    within the process, so ``acquire_lock`` alone cannot tell)."""
    with _registry_lock:
        return _key(Path(record_path)) in _held


# A lock file is never reached through a symbolic link: one planted at
# <record>.lock would otherwise have the lock's JSON written over its target.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _other_users_lock(record: Path, path: Path) -> str:
    try:
        import pwd

        owner = pwd.getpwuid(path.lstat().st_uid).pw_name
    except (ImportError, KeyError, OSError):
        owner = "?"
    return _(
        "{file} is open by another user ({user}), or was left open by a program of "
        "theirs that has ended: this account cannot read their lock file; if {user} is "
        "not using it, they or an administrator can remove {lock}; {advice}",
        file=record,
        user=owner,
        lock=path,
        advice=_("open it read-only?"),
    )


def _cannot(record: Path, path: Path, exc: OSError) -> RecordError:
    if exc.errno == errno.ELOOP or (path.is_symlink()):
        return RecordError(
            _(
                "{file}: its lock file {lock} is a symbolic link, not a lock file "
                "(nothing was written through it); remove it and open the record again",
                file=record,
                lock=path,
            )
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return RecordError(
            _(
                "{file}: is in a read-only place ({why}); open it read-only, or "
                "copy it to a folder you can write to",
                file=record,
                why=exc.strerror,
            )
        )
    return RecordError(
        _("{file}: cannot take the lock {lock}: {why}", file=record, lock=path, why=exc.strerror)
    )


def _write_holder(fd: int, holder: LockHolder) -> None:
    data = json.dumps(holder.to_json()).encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
    os.fsync(fd)


def _acquire_flock(record: Path, path: Path) -> RecordLock:
    assert fcntl is not None
    for _attempt in range(20):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
        except PermissionError as exc:
            if path.exists() and exc.errno != errno.EROFS:
                # Another user's lock file (owner-only): we cannot tell whether they
                # still have it open, so say whose it is and what to do.
                raise RecordLocked(_other_users_lock(record, path)) from None
            raise _cannot(record, path, exc) from None
        except OSError as exc:
            raise _cannot(record, path, exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                holder = read_holder(record)
                raise RecordLocked(locked_message(record, holder), holder) from None
            raise _cannot(record, path, exc) from None
        # The holder may have removed the file between our open and our flock:
        # then we locked a file no one else will see; try again on the new one.
        if not _same_file(fd, path):
            os.close(fd)
            continue
        try:
            file_fd = _lock_the_file_itself(record)
        except BaseException:
            os.close(fd)
            raise
        holder = this_holder()
        try:
            _write_holder(fd, holder)
        except OSError as exc:
            os.close(fd)
            if file_fd >= 0:
                os.close(file_fd)
            raise _cannot(record, path, exc) from None
        lock = RecordLock(record, path, fd, holder)
        lock.file_fd = file_fd
        return lock
    raise RecordError(
        _("{file}: cannot take the lock {lock}: it keeps changing", file=record, lock=path)
    )


def _lock_the_file_itself(record: Path) -> int:
    """flock the record file (an advisory lock of its own kind on Linux and macOS:
    SQLite's fcntl locks are not affected). -1 when the file cannot be opened."""
    assert fcntl is not None
    try:
        fd = os.open(os.path.realpath(record), os.O_RDONLY)
    except OSError:
        return -1
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise RecordLocked(
                _(
                    "{file} is open for writing in another Cluster Secretary under another "
                    "name (it was renamed or moved while open); close it there first",
                    file=record,
                )
            ) from None
        return -1
    return fd


def _acquire_excl(record: Path, path: Path) -> RecordLock:  # used where fcntl is missing
    for _attempt in range(20):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except FileExistsError:
            holder = read_holder(record)
            if holder is not None and not _stale(holder):
                raise RecordLocked(locked_message(record, holder), holder) from None
            if holder is None and not _unreadable_is_stale(path):
                raise RecordLocked(locked_message(record, None), None) from None
            try:
                path.unlink()  # stale: its process is gone; take it over
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise _cannot(record, path, exc) from None
            continue
        except OSError as exc:
            raise _cannot(record, path, exc) from None
        holder = this_holder()
        try:
            _write_holder(fd, holder)
        except OSError as exc:
            os.close(fd)
            raise _cannot(record, path, exc) from None
        return RecordLock(record, path, fd, holder)
    raise RecordError(
        _("{file}: cannot take the lock {lock}: it keeps changing", file=record, lock=path)
    )


def _stale(holder: LockHolder) -> bool:
    return holder.host == socket.gethostname() and not pid_alive(holder.pid)


def _unreadable_is_stale(path: Path) -> bool:
    """A lock file with no readable holder (a crash while writing it) is stale
    once it is older than a minute."""
    try:
        age = dt.datetime.now().timestamp() - path.stat().st_mtime
    except OSError:
        return True
    return age > 60
