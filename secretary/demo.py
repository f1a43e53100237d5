"""The demonstration meeting: a realistic Upper Valleys meeting in a throw-away record."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from secretary.errors import SecretaryError
from secretary.resources import resource

if TYPE_CHECKING:
    from secretary.domain.scenario import Scenario

DEMO_PREFIX = "secretary-demo-"


def is_demo_record(record: object) -> bool:
    """A throw-away demonstration record (made by create_demo_record): a Record,
    or its target (a path while the writer is still being opened)."""
    path = record if isinstance(record, (str, Path)) else getattr(record, "path", None)
    if path is None or "://" in str(path):
        return False
    return Path(path).parent.name.startswith(DEMO_PREFIX)


def discard_demo_record(record: object) -> None:
    """Close a demonstration record and remove its folder (the record, its
    write-ahead log and any backups): nothing of a demo is left behind."""
    import shutil

    if not is_demo_record(record):
        return
    close = getattr(record, "close", None)
    if close is not None:
        close()
    shutil.rmtree(Path(record.path).parent, ignore_errors=True)  # type: ignore[attr-defined]


#: A demonstration folder younger than this is never taken for abandoned: it may be
#: one being made this moment (its record not yet open, so not yet locked).
ABANDONED_AFTER_S = 120


def discard_abandoned_demos(folder: Path | None = None) -> int:
    """Remove the demonstration records that a demo which never closed left behind
    (killed, crashed, the battery gone): each ``secretary-demo-*`` folder of ours in
    the temporary folder (or ``folder``) whose record no program has open -- its
    one-writer lock is free. Returns how many were removed; anything that cannot be
    looked at or removed is left as it is."""
    import os
    import shutil
    import time

    from secretary.store.lock import RecordLocked, acquire_lock, held_here

    base = folder if folder is not None else Path(tempfile.gettempdir())
    removed = 0
    try:
        candidates = sorted(base.glob(DEMO_PREFIX + "*"))
    except OSError:
        return 0
    for place in candidates:
        try:
            info = place.lstat()
            ours = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if not place.is_dir() or place.is_symlink() or not ours:
                continue
            if time.time() - info.st_mtime < ABANDONED_AFTER_S:
                continue
            record = place / "demo.sqlite"
            if held_here(record):
                continue  # this program's own demo, open in a window
            if record.exists():
                lock = acquire_lock(record)  # RecordLocked: another program's, open
                lock.release()
        except (RecordLocked, OSError, SecretaryError):
            continue
        shutil.rmtree(place, ignore_errors=True)
        removed += 0 if place.exists() else 1
    return removed


def demo_scenario_path() -> Path:
    return resource("demo", "upper-valleys-demo.json")


def demo_scenario() -> Scenario:
    # Imported here: the window asks is_demo_record() on its first paint's path.
    from secretary.domain.scenario import load_scenario

    return load_scenario(demo_scenario_path())


def create_demo_record(path: Path | None = None) -> tuple[object, int]:
    """Store the demo meeting in a new record (a temporary file unless ``path``).

    Returns (Record, meeting id). The events go through LiveMeeting, the same
    path the window records with.
    """
    from secretary.app.scenarios import store_scenario
    from secretary.store import Record

    if path is None:
        discard_abandoned_demos()  # earlier demos that never closed: nothing is kept
        path = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX)) / "demo.sqlite"
    record = Record(path)
    return record, store_scenario(record, demo_scenario(), author="demo")
