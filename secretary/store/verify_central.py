"""``secretary verify`` on a central (PostgreSQL) record.

A record file is checked page by page by SQLite (``store.verify``). On a
database server that is the database administrator's job (``pg_amcheck``,
``pg_dump`` backups), so here the checks are the record's own: the protecting
triggers are in place, every meeting replays, and approved minutes still match
their fingerprint (the same meeting and approval checks as for a file).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from secretary.i18n import _
from secretary.store.errors import RecordError, describe
from secretary.store.record import Record
from secretary.store.verify import (
    VerifyReport,
    check_approved_minutes,
    check_meetings,
    check_papers,
)

# Trigger name -> what it protects (migrations 0001, 0002, 0003).
TRIGGERS = {
    "events_append_only": "events are append-only",
    "events_approved_minutes": "approved minutes take no more events",
    "minutes_approvals_append_only": "approvals of minutes are append-only",
    "outside_decisions_append_only": "decisions outside meetings are append-only",
    "sync_set_aside_append_only": "events set aside at check-in are kept",
    "sync_log_append_only": "the check-in log is append-only",
    "budget_allocations_append_only": "budget allocations are append-only",
    "paper_files_append_only": "the papers kept in the record are append-only",
}


def verify_database(target: str) -> VerifyReport:
    """Check the record at a database URL, reading only."""
    record = Record(target, create=False, readonly=True)
    report = VerifyReport(record.target)
    try:
        report.lines.append(
            "  note     "
            + _(
                "storage integrity and backups are the database server's (pg_amcheck, pg_dump); "
                "not checked here"
            )
        )
        _check_triggers(record, report)
        check_meetings(record, report)
        check_papers(record, report)
        check_approved_minutes(record, report)
    finally:
        record.close()
    return report


def _check_triggers(record: Record, report: VerifyReport) -> None:
    try:
        with record.engine.connect() as conn:
            found = {
                r[0]
                for r in conn.execute(
                    text(
                        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'"
                    )
                )
            }
    except SQLAlchemyError as exc:
        raise RecordError(f"{record.target}: {describe(exc)}") from None
    missing = [what for name, what in TRIGGERS.items() if name not in found]
    if missing:
        report.failed(
            _(
                "the record is no longer protected: {what} (trigger missing or disabled)",
                what="; ".join(missing),
            )
        )
    else:
        report.passed(
            _("events are append-only and approved minutes locked (the triggers are in place)")
        )
