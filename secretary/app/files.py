"""The record as files: export to Word, back up and restore, check out to a venue
and check back in to a central record.

Export reads the record (a snapshot, as plain data) and writes documents; nothing in
the record changes. Restore replaces the record file, keeping the current one as a
backup first. Check-out and check-in copy meetings between a central record and a
venue record, by event uuid (see docs/central-record.md).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from secretary.export import snapshot_from_record
from secretary.export.approval import approval_info
from secretary.export.bundle import default_outputs, export_documents
from secretary.store import backup, sync
from secretary.store.record import Record


def export_meeting(
    record: Record,
    meeting_id: int,
    *,
    folder: str | Path | None = None,
    outputs: Mapping[str, str | Path] | None = None,
    language: str = "en",
    template: str | Path | None = None,
    today: dt.date | None = None,
    force: bool = False,
    version: int = 1,
    next_meeting: str | None = None,
) -> list[Path]:
    """Write the minutes (DRAFT until approved), action log, financial log and
    attendance register of ``meeting_id`` in ``language``: to ``outputs`` (any of
    them), else all four in ``folder``. Refuses to replace a file unless ``force``
    (FileExistsExportError); a bad template raises TemplateError. Returns the paths
    written."""
    snap = snapshot_from_record(
        record,
        meeting_id,
        approved=approval_info(record, meeting_id),  # approved minutes lose DRAFT
        version=version,
        next_meeting=next_meeting,
        language=language,
    )
    if not outputs:
        outputs = default_outputs(snap, folder if folder is not None else Path("."))
    return export_documents(
        snap, outputs, template=template, today=today or dt.date.today(), force=force
    )


def back_up(path: str | os.PathLike[str], reason: str = "") -> Path:
    """A rolling backup of the record file (in ``backups/`` beside it)."""
    return backup.backup_record(path, reason=reason)


def restore(
    backup_file: str | os.PathLike[str],
    path: str | os.PathLike[str],
    keep: int | None = None,
    *,
    confirm: bool = False,
) -> Path | None:
    """Replace the record at ``path`` with a checked backup; the current record is
    kept apart first (returned). A restore that would undo approvals of minutes or
    remove meetings raises RestoreWouldUndo unless ``confirm`` (ask first:
    ``restore_would_undo``)."""
    return backup.restore_backup(backup_file, path, keep=keep, confirm=confirm)


def restore_would_undo(
    backup_file: str | os.PathLike[str], path: str | os.PathLike[str]
) -> list[str]:
    """What restoring ``backup_file`` over ``path`` would take away (approvals of
    minutes, whole meetings), in words; empty when nothing."""
    record = Path(path)
    return backup.restore_would_undo(Path(backup_file), record) if record.exists() else []


def restore_puts_aside(
    backup_file: str | os.PathLike[str], path: str | os.PathLike[str]
) -> list[str]:
    """What the record holds that the backup does not, meeting by meeting ("14 events
    of …"): put aside by a restore into its safety copy; empty when nothing."""
    record = Path(path)
    return backup.events_since_backup(Path(backup_file), record) if record.exists() else []


def check_out(
    central: Record, meeting_id: int, venue_path: str | Path, *, force: bool = False
) -> Any:
    """Copy a meeting of a central record to a new venue record, leased to it."""
    return sync.checkout(central, meeting_id, venue_path, force=force)


def check_in(venue: Record, central: Record, *, resolve: str | dict[str, str] | None = None) -> Any:
    """Merge a venue record's meetings back into the central record."""
    return sync.checkin(venue, central, resolve=resolve)


def release_lease(central: Record, meeting_uuid: str) -> Any:
    """Remove whatever lease a meeting of a central record has (the secretary's
    decision: a program that crashed, a laptop that will never be checked in).
    Returns what was removed, or None."""
    from secretary.store.lease import break_lease

    return break_lease(central, meeting_uuid)
