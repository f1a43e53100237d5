"""Checking a record: is it sound, can every meeting still be played, do the
approved minutes still match their events?

``verify_record(path)`` reads only (the record is opened read-only) and
returns a ``VerifyReport``: one line per check, and the problems found.
It raises ``RecordError`` when the file cannot be checked at all (missing, not
a database, from a newer version) — the CLI turns that into exit status 2.

Checks, in order:

1. ``PRAGMA integrity_check`` is ``ok`` (and ``PRAGMA foreign_key_check`` finds
   nothing). A damaged file stops here: nothing else can be trusted.
2. The append-only triggers on ``events`` are in place.
3. Every meeting: its terms can be read, its events are numbered 0, 1, 2, …
   with no gap, each is well formed, and the whole log replays through the
   rules engine (the same ``Meeting`` the window uses).
4. Plug-in checks: any function registered with ``register_check`` and any
   ``fingerprint_checks(record)`` found in the modules listed in
   ``PLUGIN_MODULES`` (the approval of minutes lives there). Such a function
   takes the open ``Record`` and yields ``(ok, message)`` pairs (or objects
   with ``ok`` and ``message`` attributes, or plain strings, which count as
   problems); an exception it raises is reported as a problem, not a crash.
"""

from __future__ import annotations

import importlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from secretary.i18n import _, plural
from secretary.store.record import SQLITE_HEADER, Record, RecordError, readonly_uri

Check = Callable[[Record], Iterable[Any]]

# Modules that may define ``fingerprint_checks(record)``; missing ones are skipped.
PLUGIN_MODULES = (
    "secretary.store.clusters",
    "secretary.store.approval",
    "secretary.store.minutes",
)
_registered: list[Check] = []


def register_check(check: Check) -> Check:
    """Add a check that ``verify_record`` runs on every record (usable as a decorator)."""
    if check not in _registered:
        _registered.append(check)
    return check


def unregister_check(check: Check) -> None:
    if check in _registered:
        _registered.remove(check)


@dataclass
class VerifyReport:
    target: str
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    meetings: int = 0
    events: int = 0
    plugin_checks: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def passed(self, what: str) -> None:
        self.lines.append(f"  ok       {what}")

    def failed(self, what: str) -> None:
        self.lines.append(f"  PROBLEM  {what}")
        self.problems.append(what)

    def text(self) -> str:
        head = _("Checking {file}", file=self.target)
        if self.ok:
            meetings = plural(self.meetings, "{n} meeting", "{n} meetings")
            events = plural(self.events, "{n} event checked", "{n} events checked")
            tail = _("All well: {meetings}, {events}.", meetings=meetings, events=events)
        else:
            tail = plural(len(self.problems), "{n} problem found in {file}.",
                          "{n} problems found in {file}.", file=self.target)  # fmt: skip
        return "\n".join([head, *self.lines, tail])


def plugin_checks(failures: list[str] | None = None) -> list[Check]:
    """The registered checks and the ``fingerprint_checks`` of PLUGIN_MODULES. A
    module that exists but fails to import is added to ``failures``."""
    checks = list(_registered)
    for name in PLUGIN_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name and failures is not None:
                failures.append(f"{name}: {exc}")
            continue
        except Exception as exc:  # a plug-in that cannot load is a finding, not a crash
            if failures is not None:
                failures.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        fn = getattr(module, "fingerprint_checks", None)
        if callable(fn) and fn not in checks:
            checks.append(fn)
    return checks


def verify_record(path: str | os.PathLike[str]) -> VerifyReport:
    file = Path(path)
    report = VerifyReport(str(file))
    _check_file(file)
    if not _check_integrity(file, report):
        return report
    try:
        record = Record(file, create=False, readonly=True)
    except RecordError as exc:
        if exc.problem is not None and exc.problem.is_damage:
            report.failed(str(exc))
            return report
        raise
    try:
        _check_triggers(file, report)
        _check_meetings(record, report)
        _run_plugins(record, report)
    finally:
        record.close()
    return report


def _check_file(file: Path) -> None:
    if not file.exists():
        raise RecordError(_("{file}: no such record", file=file))
    if file.is_dir():
        raise RecordError(_("{file}: is a folder, not a record file", file=file))
    try:
        with open(file, "rb") as f:
            header = f.read(16)
    except OSError as exc:
        raise RecordError(_("{file}: cannot be read: {why}", file=file, why=exc.strerror)) from None
    if header != SQLITE_HEADER:
        raise RecordError(
            _("{file}: not a Cluster Secretary record (not an SQLite database)", file=file)
        )


def _ro(file: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(readonly_uri(file), uri=True)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _check_integrity(file: Path, report: VerifyReport) -> bool:
    try:
        conn = _ro(file)
        try:
            result = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        report.failed(_("the file is damaged and cannot be read: {why}", why=exc))
        return False
    if result != ["ok"]:
        more = f" (+{len(result) - 3} more)" if len(result) > 3 else ""
        report.failed(_("PRAGMA integrity_check: {why}", why="; ".join(result[:3]) + more))
        return False
    report.passed(_("file integrity (PRAGMA integrity_check)"))
    if fk:
        report.failed(
            _("rows that refer to rows that do not exist: {n} (foreign_key_check)", n=len(fk))
        )
    return True


def _check_triggers(file: Path, report: VerifyReport) -> None:
    conn = _ro(file)
    try:
        triggers = {
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'"
            )
        }
    finally:
        conn.close()
    missing = {"events_no_update", "events_no_delete"} - triggers
    if missing:
        report.failed(
            _(
                "events are no longer protected against change: trigger(s) {names} missing",
                names=", ".join(sorted(missing)),
            )
        )
    else:
        report.passed(_("events are append-only (the triggers are in place)"))


def _check_meetings(record: Record, report: VerifyReport) -> None:
    from secretary.domain.events import EventError, check_event
    from secretary.domain.meeting import Meeting

    for summary in sorted(record.list_meetings(), key=lambda m: m.id):
        report.meetings += 1
        name = _(
            "meeting {id} \u201c{title}\u201d {date}",
            id=summary.id,
            title=summary.title,
            date=summary.date,
        ).rstrip()
        try:
            terms = record.meeting_terms(summary.id)
            rows = record.event_rows(summary.id)
        except RecordError as exc:
            report.failed(_("{meeting}: {why}", meeting=name, why=exc))
            continue
        report.events += len(rows)
        seqs = [r.seq for r in rows]
        if seqs != list(range(len(rows))):
            gap = next((i for i, s in enumerate(seqs) if s != i), len(rows))
            report.failed(
                _(
                    "{meeting}: an event is missing or out of place: event number {at} "
                    "is followed by number {next} (events are numbered without gaps)",
                    meeting=name,
                    at=gap - 1,
                    next=seqs[gap] if gap < len(seqs) else "nothing",
                )
            )
        meeting = Meeting(terms)
        broken = None
        for row in rows:
            try:
                payload = json.loads(row.payload)
                if not isinstance(payload, dict):
                    raise EventError(_("the stored event is not an object"))
                event = check_event({**payload, "type": row.type, "id": row.uuid})
                meeting.apply(event)
            except (EventError, ValueError, KeyError, TypeError) as exc:
                broken = _(
                    "{meeting}: event {seq} ({type}) cannot be played: {why}",
                    meeting=name,
                    seq=row.seq,
                    type=row.type,
                    why=exc,
                )
                break
        if broken:
            report.failed(broken)
        else:
            report.passed(
                plural(
                    len(rows),
                    "{meeting}: {n} event replays",
                    "{meeting}: {n} events replay",
                    meeting=name,
                )
            )


def _run_plugins(record: Record, report: VerifyReport) -> None:
    failures: list[str] = []
    checks = plugin_checks(failures)
    for failure in failures:
        report.failed(_("a check could not be loaded: {why}", why=failure))
    for check in checks:
        label = getattr(check, "__qualname__", repr(check))
        try:
            results = list(check(record))
        except Exception as exc:  # a plug-in's bug is a problem to report, not a crash
            report.failed(
                _("{check} could not run: {why}", check=label, why=f"{type(exc).__name__}: {exc}")
            )
            continue
        for result in results:
            report.plugin_checks += 1
            ok, message = _result(result)
            (report.passed if ok else report.failed)(message)


def _result(result: Any) -> tuple[bool, str]:
    if isinstance(result, str):
        return False, result
    if isinstance(result, tuple) and len(result) == 2:
        return bool(result[0]), str(result[1])
    return bool(getattr(result, "ok", False)), str(getattr(result, "message", result))
