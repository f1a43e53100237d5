"""The meeting record: SQLAlchemy 2 on SQLite (or PostgreSQL), an append-only event log.

``Record`` opens (creating and migrating) a record; ``LiveMeeting`` is the one
path every writer uses: check the event against the meeting, commit it, then
apply it — so nothing is shown as recorded before it is on disk.
"""

from secretary.store.live import LiveMeeting
from secretary.store.record import Record, RecordError, default_record_path

__all__ = ["Record", "RecordError", "LiveMeeting", "default_record_path"]
