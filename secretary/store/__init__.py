"""The meeting record: SQLAlchemy 2 on SQLite (or PostgreSQL), an append-only event log.

``Record`` opens (creating and migrating) a record; ``LiveMeeting`` is the one
path every writer uses: check the event against the meeting, commit it, then
apply it — so nothing is shown as recorded before it is on disk.

The names are imported when first used: the window's first paint reads the record
with ``store.fastread`` (the standard library's sqlite3) and must not wait for
SQLAlchemy's import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from secretary.store.errors import RecordError

if TYPE_CHECKING:
    from secretary.store.live import LiveMeeting
    from secretary.store.record import Record, default_record_path

__all__ = ["Record", "RecordError", "LiveMeeting", "default_record_path"]

_LAZY = {
    "LiveMeeting": "secretary.store.live",
    "Record": "secretary.store.record",
    "default_record_path": "secretary.store.record",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'secretary.store' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
