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
4. Papers: every file kept matches its SHA-256, every attached paper's file is kept.
5. Approved minutes: each still matches the fingerprint of its events taken
   when it was approved (``store.approval.fingerprint_checks``).

One module (over 400 lines): every check `secretary verify` makes, in the order it
reports them; each is short.
"""

from __future__ import annotations

import importlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from secretary.i18n import _, plural
from secretary.store.record import (
    SQLITE_HEADER,
    Record,
    RecordError,
    decode_event,
    readonly_uri,
    roll_back_hot_journal,
)


@dataclass
class VerifyReport:
    target: str
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    meetings: int = 0
    events: int = 0
    approval_checks: int = 0

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


def verify_record(path: str | os.PathLike[str]) -> VerifyReport:
    file = Path(path)
    report = VerifyReport(str(file))
    _check_file(file)
    roll_back_hot_journal(file)  # a killed writer's journal: not damage
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
        _check_approval_rows(file, report)
        _check_chain(record, report)
        check_meetings(record, report)
        check_papers(record, report)
        check_approved_minutes(record, report)
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


def _append_only(table: str, verb: str, message: str) -> str:
    return (
        f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def expected_triggers() -> dict[str, str]:
    """The protective triggers, by name, with the SQL the migrations create them with."""
    # The migration's own words (a module whose name starts with a digit).
    m2 = importlib.import_module("secretary.store.migrations.versions.0002_between_meetings")

    out = {}
    for verb in ("UPDATE", "DELETE"):
        out[f"events_no_{verb.lower()}"] = _append_only("events", verb, "events are append-only")
        for table in ("minutes_approvals", "outside_decisions"):
            out[f"{table}_no_{verb.lower()}"] = _append_only(
                table, verb, f"{table} are append-only"
            )
        for table in ("sync_set_aside", "sync_log"):
            out[f"{table}_no_{verb.lower()}"] = _append_only(
                table, verb, f"{table} rows are append-only"
            )
    for verb in ("UPDATE", "DELETE"):
        out[f"chain_heads_no_{verb.lower()}"] = _append_only(
            "chain_heads", verb, "chain_heads are append-only"
        )
        out[f"budget_allocations_no_{verb.lower()}"] = _append_only(
            "budget_allocations", verb, "budget allocations are append-only"
        )
        out[f"paper_files_no_{verb.lower()}"] = _append_only(
            "paper_files", verb, "paper files are append-only"
        )
    out["events_approved_minutes"] = (
        "CREATE TRIGGER events_approved_minutes BEFORE INSERT ON events "
        "WHEN EXISTS (SELECT 1 FROM minutes_approvals WHERE meeting_id = NEW.meeting_id) "
        f"BEGIN SELECT RAISE(ABORT, '{m2.LOCKED_MESSAGE}'); END"
    )
    return out


def _normal_sql(sql: str | None) -> str:
    return " ".join((sql or "").split()).lower()


def _check_triggers(file: Path, report: VerifyReport) -> None:
    """Checked by their SQL, not their names: a trigger replaced by a no-op of the
    same name, or an extra one (a BEFORE INSERT that silently drops events), is
    found."""
    conn = _ro(file)
    try:
        found = {
            name: (table, sql)
            for name, table, sql in conn.execute(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
            )
        }
    finally:
        conn.close()
    expected = expected_triggers()
    missing = sorted(n for n in expected if n not in found)
    changed = sorted(
        n for n in expected if n in found and _normal_sql(found[n][1]) != _normal_sql(expected[n])
    )
    extra = sorted(n for n in found if n not in expected)
    if missing:
        report.failed(
            _(
                "events are no longer protected against change: trigger(s) {names} missing",
                names=", ".join(missing),
            )
        )
    if changed:
        report.failed(
            _(
                "the record's protection was altered: trigger(s) {names} no longer do what "
                "they should (same name, other SQL)",
                names=", ".join(changed),
            )
        )
    if extra:
        report.failed(
            _(
                "the record holds trigger(s) no version of Cluster Secretary makes: {names}",
                names=", ".join(extra),
            )
        )
    if not (missing or changed or extra):
        report.passed(_("events are append-only (the triggers are in place)"))


def _check_approval_rows(file: Path, report: VerifyReport) -> None:
    """Every approval of minutes is both an event in the approving meeting and a row
    that locks the approved one: a row deleted behind the app's back (the meeting
    would unlock and take new events) or one added without its event is found."""
    conn = _ro(file)
    try:
        rows = {
            u: (t, d)
            for u, t, d in conn.execute(
                "SELECT a.event_uuid, m.title, m.date FROM minutes_approvals a "
                "LEFT JOIN meetings m ON m.id = a.meeting_id"
            )
        }
        events = {
            u: payload
            for u, payload in conn.execute(
                "SELECT uuid, payload FROM events WHERE type = 'minutes_approved'"
            )
        }
        titles = {u: (t, d) for u, t, d in conn.execute("SELECT uuid, title, date FROM meetings")}
    finally:
        conn.close()
    problems = 0
    for uuid, payload in events.items():
        if uuid in rows:
            continue
        try:
            approved = json.loads(payload).get("meeting", "?")
        except (ValueError, AttributeError, RecursionError):
            approved = "?"
        title, date = titles.get(approved, (approved, ""))
        problems += 1
        report.failed(
            _(
                "{meeting}: its minutes were approved (event {uuid}) but the approval that "
                "locks them is missing from the record: it was deleted behind the app's back",
                meeting=f"{title} ({date})" if date else title,
                uuid=uuid[:8],
            )
        )
    for uuid, (title, date) in rows.items():
        if uuid not in events:
            problems += 1
            report.failed(
                _(
                    "{meeting}: an approval of its minutes has no approval event in any "
                    "meeting: it was added behind the app's back",
                    meeting=f"{title} ({date})",
                )
            )
    if not problems and rows:
        report.passed(_("every approval of minutes is recorded both as an event and as a lock"))


def _check_chain(record: Record, report: VerifyReport) -> None:
    """Every chain head kept in a second place (at close, approval, upgrade; and in
    approval events) still matches the meeting's events: an event changed,
    reordered, re-dated, re-attributed, deleted — or the meeting's details or
    frozen terms changed — since then is found."""
    from sqlalchemy import text

    from secretary.store.chain import heads_of, meeting_id_of

    problems = checked = 0
    with record.engine.connect() as conn:
        kept = conn.execute(
            text("SELECT meeting_uuid, event_count, head, reason, at FROM chain_heads ORDER BY id")
        ).all()
        approvals = conn.execute(
            text("SELECT meeting_id, payload FROM events WHERE type = 'minutes_approved'")
        ).all()
        chains: dict[str, list[str]] = {}

        def chain(uuid: str) -> list[str]:
            if uuid not in chains:
                mid = meeting_id_of(conn, uuid)
                chains[uuid] = heads_of(conn, mid) if mid is not None else []
            return chains[uuid]

        wanted = [(u, n, h, f"{r} {a[:16]}") for u, n, h, r, a in kept]
        for _mid, payload in approvals:
            try:
                data = json.loads(payload)
            except (ValueError, RecursionError):
                continue
            if isinstance(data, dict) and isinstance(data.get("chain"), str):
                # Approved minutes are locked: the head then is the head now.
                heads = chain(str(data.get("meeting")))
                wanted.append((str(data.get("meeting")), max(len(heads) - 1, 0), data["chain"],
                               "approval"))  # fmt: skip
        names = {
            u: f"{t} ({d})" if d else t
            for u, t, d in conn.execute(text("SELECT uuid, title, date FROM meetings"))
        }
        for uuid, count, head, when in wanted:
            checked += 1
            heads = chain(uuid)
            name = names.get(uuid, uuid)
            if not heads:
                problems += 1
                report.failed(
                    _(
                        "a meeting whose chain was kept ({when}) is gone: {uuid}",
                        when=when,
                        uuid=uuid,
                    )  # fmt: skip
                )
            elif count > len(heads) - 1:
                problems += 1
                report.failed(
                    _(
                        "{meeting}: events are missing: it had {then} when its chain was kept "
                        "({when}), it has {now} now",
                        meeting=name,
                        then=count,
                        now=len(heads) - 1,
                        when=when,
                    )
                )
            elif heads[count] != head:
                problems += 1
                report.failed(
                    _(
                        "{meeting}: the record was changed behind the app's back: its events "
                        "up to number {n}, details or terms no longer give the chain kept "
                        "({when})",
                        meeting=name,
                        n=count,
                        when=when,
                    )
                )
    if checked and not problems:
        report.passed(_("the hash chain of every meeting matches the {n} heads kept", n=checked))


def check_meetings(record: Record, report: VerifyReport) -> None:
    """Every meeting: terms readable, events numbered without gaps, the log replays."""
    from secretary.domain.events import EventError
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
                meeting.apply(decode_event(row.uuid, row.type, row.payload), stored=True)
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


def check_papers(record: Record, report: VerifyReport) -> None:
    """Every paper kept in the record still has the bytes it was attached with, and
    every ``paper_attached`` event's file is there (store/papers.py)."""
    from secretary.store.papers import problems

    with record.engine.connect() as conn:
        count, found = problems(conn)
    for problem in found:
        report.failed(problem)
    if count and not found:
        report.passed(
            plural(
                count,
                "{n} paper kept in the record matches its SHA-256",
                "{n} papers kept in the record match their SHA-256",
            )
        )


def check_approved_minutes(record: Record, report: VerifyReport) -> None:
    """Approved minutes still match the fingerprint taken when they were approved."""
    from secretary.store.approval import fingerprint_checks

    for check in fingerprint_checks(record):
        report.approval_checks += 1
        (report.passed if check.ok else report.failed)(check.message)


def check_document_chain(path: str | os.PathLike[str], meeting_uuid: str, events: int,
                         head: str) -> tuple[bool, str]:  # fmt: skip
    """Does the record still hold the events a circulated document was made from?"""
    from secretary.store.chain import heads_of, meeting_id_of

    file = Path(path)
    _check_file(file)
    roll_back_hot_journal(file)
    record = Record(file, create=False, readonly=True)
    try:
        with record.engine.connect() as conn:
            mid = meeting_id_of(conn, meeting_uuid)
            if mid is None:
                return False, _(
                    "the document names a meeting ({uuid}) that is not in {file}",
                    uuid=meeting_uuid,
                    file=file,
                )
            heads = heads_of(conn, mid)
            row = record.meeting_row(mid)
    finally:
        record.close()
    name = f"{row.title} ({row.date})" if row.date else row.title
    now = len(heads) - 1
    if events > now:
        return False, _(
            "{meeting}: events the document was made from: {then}; the record holds only "
            "{now}: events were removed",
            meeting=name,
            then=events,
            now=now,
        )
    if heads[events] != head:
        return False, _(
            "{meeting}: the document does NOT match the record: the events up to number {n}, "
            "the meeting's details or its terms have changed since it was made",
            meeting=name,
            n=events,
        )
    if events < now:
        return True, _(
            "{meeting}: the document matches the record's events up to number {n} "
            "({more} recorded since)",
            meeting=name,
            n=events,
            more=now - events,
        )
    return True, _(
        "{meeting}: the document matches the record ({events})",
        meeting=name,
        events=plural(events, "{n} event", "{n} events"),
    )
