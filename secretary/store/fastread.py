"""The window's first paint, read with the standard library's sqlite3 (no SQLAlchemy).

Starting the window on a meeting used to wait for SQLAlchemy's import (about
180 ms here, more than a bare Qt window takes to appear), the record's integrity
quick-check and the engine's set-up before anything was shown. A meeting's first
paint needs only two reads: its row (title, date, frozen terms) and its events.
``first_paint(path, meeting_id)`` does them through a read-only sqlite3 connection
(WAL readers see every committed event) and folds the events with the pure domain.

It writes nothing and decides nothing about writing: the writer (``store.Record``
and ``store.LiveMeeting``, the single write path) is opened afterwards on a worker
thread by ``ui.handover``, which runs the lock, the schema check and the integrity
quick-check before the first write can happen. Anything unusual here — not a
record, another schema, a damaged file or event, a meeting checked out to a venue
record — answers ``None``, and the caller opens the record the ordinary way, which
says what is wrong in its own words.
"""

from __future__ import annotations

import functools
import json
import marshal
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secretary.domain.events import Event, EventError
from secretary.domain.meeting import Meeting
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import Terms, TermsError, parse_terms, read_terms_toml
from secretary.user_cache import cache_folder, read_marshalled, write_whole

SQLITE_HEADER = b"SQLite format 3\x00"
#: The file, in the user cache folder, of the terms' TOML read (terms_read).
TERMS_FILE = "terms-read.marshal"
#: How many terms texts it keeps (a body's terms change a few times a year).
TERMS_KEPT = 8
VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"


def readonly_uri(path: str | os.PathLike[str]) -> str:
    """An SQLite URI opening ``path`` read-only. In a read-only place SQLite cannot
    create the -shm file a WAL record needs, so a record whose WAL is empty (it
    was closed cleanly) is opened as immutable there."""
    path = Path(os.path.abspath(path))
    uri = f"{path.as_uri()}?mode=ro"  # percent-encoded: any character a name may hold
    folder_writable = os.access(path.parent, os.W_OK)
    wal = Path(f"{path}-wal")
    shm = Path(f"{path}-shm")
    wal_empty = not wal.exists() or wal.stat().st_size == 0
    if not folder_writable and not shm.exists() and wal_empty:
        uri += "&immutable=1"
    return uri


@functools.cache
def schema_head() -> str | None:
    """The newest schema revision this app knows (the migration nothing follows),
    read from the migration files, so that Alembic need not be imported."""
    revisions: dict[str, str | None] = {}
    for path in VERSIONS.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev = re.search(r'^revision = "([^"]+)"', text, re.M)
        down = re.search(r'^down_revision = "([^"]+)"', text, re.M)
        if rev:
            revisions[rev.group(1)] = down.group(1) if down else None
    heads = set(revisions) - {d for d in revisions.values() if d}
    return heads.pop() if len(heads) == 1 else None


def terms_read(text: str, source: str, folder: Path | None = None) -> dict[str, Any]:
    """The terms' TOML read into tables (``domain.terms.read_terms_toml``), or what
    that gave for the very same text before, kept in the user cache folder (default:
    ``user_cache.cache_folder("terms")``): tomllib, pure Python, took 2 ms of each
    start to load and read 8 KB of terms that change a few times a year. The text is
    the key, compared in full; what is kept is tomllib's own answer, checked by
    ``parse_terms`` afresh every time. TOML with dates (marshal keeps no dates) is
    read every time."""
    where = folder if folder is not None else cache_folder("terms")
    path = where / TERMS_FILE if where is not None else None
    kept = read_marshalled(path) if path is not None else None
    kept = kept if isinstance(kept, dict) else {}
    data = kept.get(text)
    if isinstance(data, bytes):
        try:
            read = marshal.loads(data)  # a fresh copy each time: nothing shared
        except (EOFError, ValueError, TypeError):
            read = None
        if isinstance(read, dict):
            return read
    read = read_terms_toml(text, source)  # raises TermsError: nothing kept
    if path is not None:
        try:
            kept[text] = marshal.dumps(read)
        except ValueError:  # a date, say
            return read
        newest = list(kept.items())[-TERMS_KEPT:]  # the least recently added go
        write_whole(path, {t: d for t, d in newest if isinstance(t, str)})
    return read


@dataclass
class FirstPaint:
    """What the window shows of a meeting before the writer is open."""

    path: Path
    meeting_id: int
    uuid: str
    info: MeetingInfo
    terms: Terms
    meeting: Meeting

    @property
    def event_ids(self) -> list[str]:
        return [e.id for e in self.meeting.events]


def first_paint(path: str | os.PathLike[str], meeting_id: int) -> FirstPaint | None:
    """The meeting folded from its events, read without SQLAlchemy; None when the
    record must be opened the ordinary way (see the module's docstring)."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            if f.read(16) != SQLITE_HEADER:
                return None
        conn = sqlite3.connect(readonly_uri(path), uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("BEGIN")  # one snapshot: the meeting's row and its events agree
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"alembic_version", "meetings", "events"} <= tables:
            return None
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != schema_head():
            return None
        row = conn.execute(
            "SELECT uuid, title, date, start, venue, cluster_name, terms_text "
            "FROM meetings WHERE id = ?",
            (meeting_id,),
        ).fetchone()
        if row is None:
            return None
        uuid, title, date, start, venue, cluster, terms_text = row
        if (
            "meeting_leases" in tables
            and conn.execute(
                "SELECT 1 FROM meeting_leases WHERE meeting_uuid = ?", (uuid,)
            ).fetchone()
        ):
            return None  # checked out or leased: the ordinary open explains
        rows = conn.execute(
            "SELECT uuid, type, payload FROM events WHERE meeting_id = ? ORDER BY seq",
            (meeting_id,),
        ).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    try:
        stripped = terms_text.lstrip()
        source = f"{path} (meeting {meeting_id} terms)"
        if stripped.startswith("{"):
            terms = parse_terms(json.loads(terms_text), source)
        else:
            terms = parse_terms(terms_read(terms_text, source), source)
        meeting = Meeting(terms)
        for u, t, p in rows:
            meeting.apply(Event(t, json.loads(p), u), stored=True)
    except (TermsError, EventError, ValueError, TypeError):
        return None
    info = MeetingInfo(title, date, start, venue, cluster)
    return FirstPaint(path, meeting_id, uuid, info, terms, meeting)
