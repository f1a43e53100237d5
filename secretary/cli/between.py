"""Helpers shared by the between-meetings commands (approve, outside, meetings, report)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from secretary.i18n import _


def open_record(db: str | None, command: str, *, readonly: bool = False) -> Any:
    """The record named by --db, which must exist; UserError otherwise.

    ``readonly``: for a command that only reads (a report, a list). It takes no
    writer's lock, so it works while a window is recording the meeting (SQLite in
    WAL mode lets readers see the last committed state beside the writer)."""
    from secretary.cli.main import UserError
    from secretary.store.record import Record, RecordError

    if not db:
        raise UserError(_("{command} needs --db PATH (the record)", command=command))
    if "://" not in db and not Path(db).exists():
        raise UserError(_("{db}: no such record", db=db))
    try:
        return Record(db, create=False, readonly=readonly)
    except RecordError as exc:
        raise UserError(str(exc)) from None


def series_key(record: Any, cluster: str | None) -> Any:
    from secretary.cli.main import UserError
    from secretary.store.series import SeriesError, find_series

    try:
        return find_series(record, cluster)
    except SeriesError as exc:
        raise UserError(_("{db}: {why}", db=record.target, why=str(exc))) from None


def date_arg(value: str | None, what: str) -> str:
    """A YYYY-MM-DD argument (default today)."""
    from secretary.cli.main import UserError

    if value is None:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UserError(
            _("{what} must be a date YYYY-MM-DD, not {value!r}", what=what, value=value)
        ) from None


def live_meeting(record: Any, meeting_id: int) -> Any:
    from secretary.cli.main import UserError
    from secretary.store import LiveMeeting
    from secretary.store.record import RecordError

    try:
        return LiveMeeting(record, meeting_id)
    except RecordError as exc:
        raise UserError(str(exc)) from None


def write_outputs(
    args: Any,
    docx: Callable[[], bytes] | None = None,
    csv: Callable[[], bytes] | None = None,
) -> None:
    """A report's ``--docx`` and ``--csv`` files, each made only when asked for (the
    exporter imported then), written as ``write_file`` does, and said."""
    for path, make in ((getattr(args, "docx", None), docx), (getattr(args, "csv", None), csv)):
        if path and make is not None:
            write_file(path, make(), args.force)
            print(_("Wrote {path}", path=path))


def write_file(path: str, data: bytes, force: bool) -> None:
    from secretary.cli.main import UserError
    from secretary.export.files import ExportError, write_document

    try:
        write_document(path, data, force=force)
    except ExportError as exc:
        raise UserError(str(exc)) from None
