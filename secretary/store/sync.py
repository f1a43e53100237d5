"""Check a meeting out of a central record to a venue record, and check it back in.

A health board keeps one **central record** (PostgreSQL) for all its clusters.
For a venue with no network the secretary takes a meeting out to a laptop:

    checkout(central, meeting_id, "venue.sqlite")   # secretary checkout
    ... the meeting is recorded in venue.sqlite (the window, LiveMeeting) ...
    checkin(venue, central)                          # secretary checkin

**What a check-out copies** into a new SQLite record, keeping every id and uuid
(so ``--meeting 42`` is the same meeting in both): the meeting and its events;
its cluster with every terms version and roster entry; the cluster's earlier
meetings with their events and approvals of minutes (so matters arising, carried
actions and approval of the previous minutes work at the venue); the cluster's
decisions taken outside meetings (for ratification). The central copy of the
meeting is leased to the check-out (``store.lease``): nobody records it centrally
until it is checked in, unless they force it.

**Merging** (``merge``) is by uuid. Meetings and clusters are matched by their
uuid, events by theirs. For each meeting of the venue record:

- not in the central record (made at the venue): added, with its events;
- venue events the central record lacks, and no central events the venue lacks:
  they are appended in the venue's order after the central ones (``added``);
- nothing new at the venue: ``unchanged``. So a merge run twice changes nothing
  (idempotent), and merges of different meetings do not touch each other
  (commutative);
- new events on BOTH sides (the meeting was changed centrally after the check-out
  too — a forced lease): a ``conflict``. Nothing of that meeting is merged until
  the secretary chooses, having seen both sides (``MeetingMerge.side_by_side``):

  - ``keep-both``: the venue's new events are appended after the central ones,
    re-sequenced; refused if the rules cannot play them in that order;
  - ``venue``: the venue's version stands: each central event added since the
    check-out is undone by a ``retract`` event (the central events stay in the
    record, marked undone — nothing is deleted), then the venue's are appended;
  - ``central``: the central version stands: the venue's new events are not
    added to the meeting but kept in ``sync_set_aside`` with where they came
    from, never dropped.

Approvals of minutes and decisions taken outside meetings recorded at the venue
are added to the central record too (by uuid). Terms and roster changes are made
centrally: a check-in does not copy them back.

One module (over 400 lines): check-out and check-in are two halves of one protocol
(uuids, leases, conflicts) and change together.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table, func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from secretary.domain import series as dseries
from secretary.domain.events import Event, EventError
from secretary.domain.meeting import Meeting
from secretary.i18n import _, long_date, plural
from secretary.store import lease as leases
from secretary.store.clock import current_author, now_utc
from secretary.store.errors import RecordError, describe
from secretary.store.errors import SyncError as SyncError  # its old home
from secretary.store.models import (
    CheckoutRow,
    ClusterRow,
    EventRow,
    MeetingRow,
    MinutesApprovalRow,
    OutsideDecisionRow,
    RosterEntryRow,
    SetAsideRow,
    SyncLogRow,
    TermsVersionRow,
)
from secretary.store.papers import attached_hashes, copy_missing
from secretary.store.record import Record, stored_event, terms_from_text, url_without_password

KEEP_BOTH = "keep-both"
VENUE = "venue"
CENTRAL = "central"
RESOLUTIONS = (KEEP_BOTH, VENUE, CENTRAL)

NEW = "new"
ADDED = "added"
UNCHANGED = "unchanged"
CONFLICT = "conflict"
RESOLVED = "resolved"
LOCKED = "locked"


# --------------------------------------------------------------------------- tables


_EV = cast(Table, EventRow.__table__)
_MT = cast(Table, MeetingRow.__table__)
_CL = cast(Table, ClusterRow.__table__)
_TV = cast(Table, TermsVersionRow.__table__)
_RE = cast(Table, RosterEntryRow.__table__)
_AP = cast(Table, MinutesApprovalRow.__table__)
_OD = cast(Table, OutsideDecisionRow.__table__)
_LOG = cast(Table, SyncLogRow.__table__)
_ASIDE = cast(Table, SetAsideRow.__table__)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class StoredEvent:
    """An event row as stored, without its record-local ids."""

    uuid: str
    seq: int
    type: str
    payload: str
    recorded_at: str
    author: str

    def event(self) -> Event:
        return Event(self.type, json.loads(self.payload), self.uuid)

    def values(self, meeting_id: int, seq: int) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "meeting_id": meeting_id,
            "seq": seq,
            "type": self.type,
            "payload": self.payload,
            "recorded_at": self.recorded_at,
            "author": self.author,
        }


@dataclass
class MeetingMerge:
    """What merging one meeting did (or would need)."""

    meeting_uuid: str
    meeting_id: int | None  # in the target record
    title: str
    date: str
    status: str  # new | added | unchanged | conflict | resolved | locked
    added: int = 0
    source_new: list[StoredEvent] = field(default_factory=list)
    target_new: list[StoredEvent] = field(default_factory=list)
    resolution: str = ""
    retracted: int = 0
    set_aside: int = 0
    terms_text: str = ""
    common: list[StoredEvent] = field(default_factory=list)  # both sides had (a conflict)

    @property
    def label(self) -> str:
        return f"{self.title} ({self.date})" if self.date else self.title

    def side_by_side(
        self, source_name: str = "venue", target_name: str = "central", width: int = 100
    ) -> str:
        """Both sides' new events in two columns (oldest first)."""
        return side_by_side(self, source_name, target_name, width)


@dataclass
class MergeReport:
    source: str
    target: str
    meetings: list[MeetingMerge] = field(default_factory=list)
    clusters_added: int = 0
    approvals_added: int = 0
    decisions_added: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def conflicts(self) -> list[MeetingMerge]:
        return [m for m in self.meetings if m.status == CONFLICT]

    @property
    def changed(self) -> bool:
        return any(m.status in (NEW, ADDED, RESOLVED) for m in self.meetings) or bool(
            self.approvals_added or self.decisions_added or self.clusters_added
        )

    def lines(self) -> list[str]:
        out = []
        for m in self.meetings:
            if m.status == NEW:
                events = plural(m.added, "{n} event", "{n} events")
                out.append(_("{meeting}: added, with {events}", meeting=m.label, events=events))
            elif m.status == ADDED:
                events = plural(m.added, "{n} new event", "{n} new events")
                out.append(_("{meeting}: {events} added", meeting=m.label, events=events))
            elif m.status == UNCHANGED:
                continue  # listed together below
            elif m.status == LOCKED:
                out.append(
                    _(
                        "{meeting}: NOT merged: its minutes are approved in {target}, so "
                        "it takes no more events ({n} new here are kept in {source})",
                        meeting=m.label,
                        target=self.target,
                        n=len(m.source_new),
                        source=self.source,
                    )
                )
            elif m.status == CONFLICT:
                out.append(
                    _(
                        "{meeting}: CONFLICT, nothing merged: new events since the check-out: "
                        "{s} in {source}, {t} in {target}",
                        meeting=m.label,
                        s=len(m.source_new),
                        source=self.source,
                        t=len(m.target_new),
                        target=self.target,
                    )
                )
            else:
                out.append(_resolved_line(m))
        same = [m for m in self.meetings if m.status == UNCHANGED]
        if same:
            out.append(
                _(
                    "unchanged: {meetings} ({which})",
                    meetings=plural(len(same), "{n} meeting", "{n} meetings"),
                    which=", ".join(long_date(m.date, weekday=False) or m.title for m in same),
                )
            )
        if self.approvals_added:
            out.append(_("approvals of minutes added: {n}", n=self.approvals_added))
        if self.decisions_added:
            out.append(_("decisions taken outside meetings added: {n}", n=self.decisions_added))
        out.extend(self.notes)
        return out


def _resolved_line(m: MeetingMerge) -> str:
    if m.resolution == KEEP_BOTH:
        return _(
            "{meeting}: conflict resolved, keep both: the venue's events ({n}) appended "
            "after the central ones",
            meeting=m.label,
            n=m.added,
        )
    if m.resolution == VENUE:
        return _(
            "{meeting}: conflict resolved for the venue: central events undone ({r}; "
            "kept, marked undone), the venue's events added ({n})",
            meeting=m.label,
            r=m.retracted,
            n=m.added,
        )
    return _(
        "{meeting}: conflict resolved for the central record: the venue's events set "
        "aside ({n}; kept in the record, not in the meeting)",
        meeting=m.label,
        n=m.set_aside,
    )


# --------------------------------------------------------------------------- reading


def _events(conn: Connection, meeting_id: int) -> list[StoredEvent]:
    rows = conn.execute(
        select(_EV.c.uuid, _EV.c.seq, _EV.c.type, _EV.c.payload, _EV.c.recorded_at, _EV.c.author)
        .where(_EV.c.meeting_id == meeting_id)
        .order_by(_EV.c.seq)
    ).all()
    return [StoredEvent(*r) for r in rows]


def _row_dict(row: Any) -> dict[str, Any]:
    return dict(row._mapping)


def _meetings_to_copy(conn: Connection, meeting: dict[str, Any]) -> list[dict[str, Any]]:
    """The meeting and the earlier meetings of its series (the context a venue needs)."""
    query = select(_MT)
    if meeting["cluster_id"] is not None:
        query = query.where(_MT.c.cluster_id == meeting["cluster_id"])
    else:
        query = query.where(
            _MT.c.cluster_id.is_(None), _MT.c.cluster_name == meeting["cluster_name"]
        )
    rows = [_row_dict(r) for r in conn.execute(query)]
    here = (meeting["date"] == "", meeting["date"], meeting["id"])
    earlier = [r for r in rows if (r["date"] == "", r["date"], r["id"]) < here]
    earlier.sort(key=lambda r: (r["date"] == "", r["date"], r["id"]))
    return [*earlier, meeting]


# --------------------------------------------------------------------------- merging


def merge(
    source: Record,
    target: Record,
    *,
    meeting_uuids: Sequence[str] | None = None,
    resolve: str | dict[str, str] | None = None,
    preserve_ids: bool = False,
    source_name: str | None = None,
    target_name: str | None = None,
    author: str | None = None,
    log: str = "",
    dry_run: bool = False,
) -> MergeReport:
    """Merge meetings of ``source`` into ``target`` (see the module docstring).

    ``meeting_uuids``: which meetings (default: every meeting of ``source``), in
    that order. ``resolve``: how to resolve conflicts, for all meetings or by
    meeting uuid. ``preserve_ids``: keep the source's ids (a check-out into a new
    record). All is written in one transaction; a conflict left unresolved writes
    nothing for that meeting and is listed in the report. ``log`` ("checkin" /
    "checkout"): write a ``sync_log`` row in the target for each meeting changed.
    ``dry_run``: compare and report, write nothing (the transaction is rolled back).
    """
    if target.readonly:
        raise RecordError(
            _("{target}: opened read-only; nothing can be merged into it", target=target.target)
        )
    author = author or current_author()
    report = MergeReport(source_name or source.target, target_name or target.target)
    try:
        with source.engine.connect() as src:
            if meeting_uuids is None:
                meeting_uuids = [
                    r[0] for r in src.execute(select(_MT.c.uuid).order_by(_MT.c.date, _MT.c.id))
                ]
            src_meetings = []
            for mu in meeting_uuids:
                row = src.execute(select(_MT).where(_MT.c.uuid == mu)).first()
                if row is None:
                    raise SyncError(_("{source}: no meeting {uuid}", source=report.source, uuid=mu))
                src_meetings.append(_row_dict(row))
            src_events = {m["uuid"]: _events(src, m["id"]) for m in src_meetings}
            cluster_ids = {m["cluster_id"] for m in src_meetings if m["cluster_id"] is not None}
            src_clusters = (
                {
                    r.id: _row_dict(r)
                    for r in src.execute(select(_CL).where(_CL.c.id.in_(cluster_ids)))
                }
                if cluster_ids
                else {}
            )
            src_terms = [
                _row_dict(r)
                for r in src.execute(
                    select(_TV).where(_TV.c.cluster_id.in_(cluster_ids)).order_by(_TV.c.id)
                )
            ]
            src_roster = [
                _row_dict(r)
                for r in src.execute(
                    select(_RE).where(_RE.c.cluster_id.in_(cluster_ids)).order_by(_RE.c.id)
                )
            ]
            by_id = {m["id"]: m["uuid"] for m in src_meetings}
            src_approvals = [
                _row_dict(r)
                for r in src.execute(
                    select(_AP).where(_AP.c.meeting_id.in_(list(by_id))).order_by(_AP.c.id)
                )
            ]
            src_decisions = [
                _row_dict(r)
                for r in src.execute(
                    select(_OD)
                    .where(
                        _OD.c.cluster_id.in_(cluster_ids)
                        | _OD.c.cluster_name.in_(
                            [m["cluster_name"] for m in src_meetings if m["cluster_id"] is None]
                        )
                    )
                    .order_by(_OD.c.id)
                )
            ]
        for m in src_meetings:  # the whole venue meeting plays, or nothing is merged
            _refuse_unplayable(m, src_events[m["uuid"]], report)
        resolutions = _resolutions(resolve, src_meetings)
        with target.engine.connect() as conn, conn.begin() as trans:
            cluster_map = _merge_clusters(
                conn, src_clusters, src_terms, src_roster, preserve_ids, report
            )
            meeting_map: dict[int, int] = {}
            for m in src_meetings:
                merged = _merge_meeting(
                    conn,
                    m,
                    src_events[m["uuid"]],
                    cluster_map,
                    resolutions.get(m["uuid"]),
                    preserve_ids,
                    report,
                    author,
                )
                report.meetings.append(merged)
                if merged.meeting_id is not None:
                    meeting_map[m["id"]] = merged.meeting_id
                if log and merged.status in (NEW, ADDED, RESOLVED):
                    conn.execute(
                        insert(_LOG).values(
                            meeting_uuid=m["uuid"],
                            direction=log,
                            other=report.source[:500],
                            added=merged.added,
                            resolution=merged.resolution,
                            at=now_utc(),
                            author=author,
                        )
                    )
            # The papers the merged meetings attach travel with them (store/papers.py).
            hashes = attached_hashes(
                (e.type, e.payload) for events in src_events.values() for e in events
            )
            if hashes:
                with source.engine.connect() as src:
                    copy_missing(src, conn, hashes, now_utc(), report.source)
            _merge_decisions(conn, src_decisions, cluster_map, preserve_ids, report)
            _merge_approvals(conn, src_approvals, meeting_map, preserve_ids, report)
            if dry_run:
                trans.rollback()
    except IntegrityError:
        # Two check-ins of the same venue record at once: the other one added these
        # events first (by uuid), and this one's transaction was rolled back whole.
        raise SyncError(
            _(
                "{target}: nothing was merged: another check-in of the same meetings ran at "
                "the same moment and added them first; run checkin again to see what, if "
                "anything, is still missing",
                target=report.target,
            )
        ) from None
    except SQLAlchemyError as exc:
        raise RecordError(
            _("{target}: nothing was merged: {why}", target=report.target, why=describe(exc))
        ) from None
    return report


def _resolutions(
    resolve: str | dict[str, str] | None, meetings: Iterable[dict[str, Any]]
) -> dict[str, str]:
    if resolve is None:
        return {}
    if isinstance(resolve, str):
        resolve = {m["uuid"]: resolve for m in meetings}
    for how in resolve.values():
        if how not in RESOLUTIONS:
            raise SyncError(
                _(
                    "resolve a conflict with {choices}, not {how!r}",
                    choices=", ".join(RESOLUTIONS),
                    how=how,
                )
            )
    return dict(resolve)


def _insert_row(conn: Connection, table: Any, values: dict[str, Any], preserve_id: bool) -> int:
    if not preserve_id:
        values = {k: v for k, v in values.items() if k != "id"}
    result = conn.execute(insert(table).values(**values))
    if preserve_id:
        return int(values["id"])
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _merge_clusters(
    conn: Connection,
    clusters: dict[int, dict[str, Any]],
    terms: list[dict[str, Any]],
    roster: list[dict[str, Any]],
    preserve_ids: bool,
    report: MergeReport,
) -> dict[int, int]:
    """Source cluster id -> target cluster id; clusters the target lacks are
    copied with their terms versions and roster."""
    mapping: dict[int, int] = {}
    for cid, c in clusters.items():
        found = conn.execute(select(_CL.c.id).where(_CL.c.uuid == c["uuid"])).scalar()
        if found is not None:
            mapping[cid] = int(found)
            continue
        new_id = _insert_row(conn, _CL, c, preserve_ids)
        mapping[cid] = new_id
        report.clusters_added += 1
        for t in (t for t in terms if t["cluster_id"] == cid):
            _insert_row(conn, _TV, {**t, "cluster_id": new_id}, preserve_ids)
        for r in (r for r in roster if r["cluster_id"] == cid):
            _insert_row(conn, _RE, {**r, "cluster_id": new_id}, preserve_ids)
    return mapping


def _merge_meeting(
    conn: Connection,
    m: dict[str, Any],
    events: list[StoredEvent],
    cluster_map: dict[int, int],
    resolution: str | None,
    preserve_ids: bool,
    report: MergeReport,
    author: str,
) -> MeetingMerge:
    found = conn.execute(select(_MT).where(_MT.c.uuid == m["uuid"])).first()
    result = MeetingMerge(
        m["uuid"], None, m["title"], m["date"], UNCHANGED, terms_text=m["terms_text"]
    )
    if found is None:
        values = {
            **m,
            "cluster_id": cluster_map.get(m["cluster_id"]) if m["cluster_id"] is not None else None,
        }
        if m["cluster_id"] is not None and values["cluster_id"] is None:
            raise SyncError(
                _(
                    "{meeting}: its cluster is missing in {source}",
                    meeting=result.label,
                    source=report.source,
                )
            )
        mid = _insert_row(conn, _MT, values, preserve_ids)
        if events:
            conn.execute(insert(_EV), [e.values(mid, e.seq) for e in events])
        result.meeting_id, result.status, result.added = mid, NEW, len(events)
        return result
    mid = int(found.id)
    result.meeting_id = mid
    theirs = _events(conn, mid)
    their_uuids = {e.uuid for e in theirs}
    our_uuids = {e.uuid for e in events}
    # Venue events set aside by an earlier ``--resolve central`` stay decided.
    aside = {
        r[0]
        for r in conn.execute(
            select(SetAsideRow.event_uuid).where(SetAsideRow.meeting_uuid == m["uuid"])
        )
    }
    result.source_new = [e for e in events if e.uuid not in their_uuids and e.uuid not in aside]
    result.target_new = [e for e in theirs if e.uuid not in our_uuids]
    if not result.source_new:
        return result
    if conn.execute(select(_AP.c.id).where(_AP.c.meeting_id == mid)).first() is not None:
        result.status = LOCKED
        return result
    next_seq = (max(e.seq for e in theirs) + 1) if theirs else 0
    if not result.target_new:
        _check_playable(
            m, [e.event() for e in theirs], [e.event() for e in result.source_new], result, ""
        )
        conn.execute(
            insert(_EV), [e.values(mid, next_seq + i) for i, e in enumerate(result.source_new)]
        )
        result.status, result.added = ADDED, len(result.source_new)
        return result
    if resolution is None:
        result.status = CONFLICT
        result.common = [e for e in theirs if e.uuid in our_uuids]
        return result
    result.status, result.resolution = RESOLVED, resolution
    if resolution == CENTRAL:
        now = now_utc()
        for e in result.source_new:
            conn.execute(
                insert(_ASIDE).values(
                    meeting_uuid=m["uuid"],
                    event_uuid=e.uuid,
                    type=e.type,
                    payload=e.payload,
                    recorded_at=e.recorded_at,
                    author=e.author,
                    source=report.source[:500],
                    set_aside_at=now,
                )
            )
        result.set_aside = len(result.source_new)
        return result
    appended: list[StoredEvent] = []
    if resolution == VENUE:
        now = now_utc()
        for e in reversed(result.target_new):
            payload = {
                "target": e.uuid,
                "reason": _("conflict at check-in resolved for the venue's record"),
            }
            appended.append(
                StoredEvent(
                    str(uuidlib.uuid4()),
                    0,
                    "retract",
                    json.dumps(payload, ensure_ascii=False),
                    now,
                    author,
                )
            )
        result.retracted = len(appended)
    appended.extend(result.source_new)
    _check_playable(
        m, [e.event() for e in theirs], [e.event() for e in appended], result, resolution
    )
    conn.execute(insert(_EV), [e.values(mid, next_seq + i) for i, e in enumerate(appended)])
    result.added = len(result.source_new)
    return result


def _refuse_unplayable(m: dict[str, Any], events: list[StoredEvent], report: MergeReport) -> None:
    """A meeting of the source that the rules cannot play is refused whole."""
    label = f"{m['title']} ({m['date']})"
    where = _("{source}: meeting {meeting}", source=report.source, meeting=label)
    try:
        meeting = Meeting(terms_from_text(m["terms_text"], where))
        for e in events:
            meeting.apply(
                stored_event(e.uuid, e.type, e.payload, _("event {seq}", seq=e.seq)), stored=True
            )
    except (RecordError, EventError) as exc:
        raise SyncError(
            _(
                "{where} does not play by the rules ({why}); nothing was merged",
                where=where,
                why=str(exc),
            )
        ) from None


def _check_playable(
    m: dict[str, Any],
    current: list[Event],
    appended: list[Event],
    result: MeetingMerge,
    resolution: str,
) -> None:
    """Refuse a resolution whose events the rules cannot play in the merged order."""
    terms = terms_from_text(m["terms_text"], f"{result.label} (terms)")
    meeting = Meeting(terms)
    try:
        for e in current:
            meeting.apply(e, stored=True)
    except EventError:
        return  # the stored meeting itself does not play: not this merge's doing
    for e in appended:
        try:
            meeting.apply(e)
        except EventError as exc:
            if not resolution:
                raise SyncError(
                    _(
                        "{meeting}: the venue's events cannot be added: the meeting "
                        "would not play by the rules ({why}); nothing was merged",
                        meeting=result.label,
                        why=str(exc),
                    )
                ) from None
            raise SyncError(
                _(
                    "{meeting}: resolving the conflict with {how} would give a "
                    "meeting the rules cannot play ({why}); nothing was merged — "
                    "choose another resolution",
                    meeting=result.label,
                    how=resolution,
                    why=str(exc),
                )
            ) from None


def _merge_decisions(
    conn: Connection,
    decisions: list[dict[str, Any]],
    cluster_map: dict[int, int],
    preserve_ids: bool,
    report: MergeReport,
) -> None:
    for d in decisions:
        if conn.execute(select(_OD.c.id).where(_OD.c.uuid == d["uuid"])).first() is not None:
            continue
        values = {
            **d,
            "cluster_id": cluster_map.get(d["cluster_id"]) if d["cluster_id"] is not None else None,
        }
        _insert_row(conn, _OD, values, preserve_ids)
        report.decisions_added += 1


def _merge_approvals(
    conn: Connection,
    approvals: list[dict[str, Any]],
    meeting_map: dict[int, int],
    preserve_ids: bool,
    report: MergeReport,
) -> None:
    """Approvals of minutes whose approving event is now in the target (after the
    events, as an approval locks the meeting it approves)."""
    for a in approvals:
        approved = meeting_map.get(a["meeting_id"])
        at = meeting_map.get(a["approved_at_meeting_id"]) if a["approved_at_meeting_id"] else None
        if approved is None:
            continue
        existing = conn.execute(
            select(_AP.c.event_uuid).where(_AP.c.meeting_id == approved)
        ).first()
        if existing is not None:
            if existing[0] != a["event_uuid"]:
                report.notes.append(
                    _(
                        "the minutes of meeting {id} were approved in both "
                        "records; the approval in {target} stands",
                        id=approved,
                        target=report.target,
                    )
                )
            continue
        if conn.execute(select(_EV.c.id).where(_EV.c.uuid == a["event_uuid"])).first() is None:
            continue  # its meeting's events were not merged (a conflict): later
        approved_events = [e.event() for e in _events(conn, approved)]
        if dseries.fingerprint(approved_events) != a["fingerprint"]:
            # The approved meeting gained events centrally after the check-out: the
            # approval was of another version of it. Not locked; say so.
            report.notes.append(
                _(
                    "the approval of the minutes of meeting {id} was NOT added: that meeting "
                    "changed in {target} after the check-out, so its minutes must be "
                    "approved again",
                    id=approved,
                    target=report.target,
                )
            )
            continue
        _insert_row(
            conn, _AP, {**a, "meeting_id": approved, "approved_at_meeting_id": at}, preserve_ids
        )
        report.approvals_added += 1


# --------------------------------------------------------------------------- conflicts


MODE_WORDS = {"in_person": _("in person"), "remote": _("remote")}


def describe_event(e: StoredEvent, meeting: Meeting | None = None) -> str:
    """'13:05 ann: arrive — Dr Rhian Evans (in person)' for a listing of conflicts."""
    data = json.loads(e.payload)
    people = meeting.people if meeting is not None else {}
    items = meeting.items if meeting is not None else {}

    def name(pid: Any) -> str:
        p = people.get(pid)
        return str(getattr(p, "name", pid)) if p is not None else str(pid)

    parts = []
    for key in ("person", "from", "to"):
        if key in data:
            parts.append(name(data[key]))
    if "item" in data:
        item = items.get(data["item"])
        parts.append(
            _("item {n}", n=data["item"])
            + (f" {item.title}" if item is not None and item.title else "")
        )
    if data.get("mode") in MODE_WORDS:
        parts.append(MODE_WORDS[data["mode"]])
    for key in ("action", "status", "outcome", "text", "title", "interest"):
        if key in data:
            parts.append(str(data[key]))
    if data.get("at"):
        parts.append(_("at {time}", time=data["at"]))
    if "votes" in data and isinstance(data["votes"], dict):
        counts: dict[str, int] = {}
        for choice in data["votes"].values():
            counts[str(choice)] = counts.get(str(choice), 0) + 1
        parts.append(", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if e.type == "retract":
        parts.append(_("undo of {id}", id=str(data.get("target", ""))[:8]))
    when = e.recorded_at[11:16] if len(e.recorded_at) >= 16 else e.recorded_at
    detail = "; ".join(p for p in parts if p)
    return f"{when} {e.author}: {e.type}" + (f" — {detail}" if detail else "")


def side_by_side(
    m: MeetingMerge, source_name: str = "venue", target_name: str = "central", width: int = 100
) -> str:
    meeting: Meeting | None = None
    try:
        terms = terms_from_text(m.terms_text, m.label)
        meeting = Meeting(terms)
        for e in [*m.common, *m.target_new, *m.source_new]:
            if e.type in ("person_added", "item_added"):
                try:
                    meeting.apply(e.event())
                except EventError:
                    continue
    except RecordError:
        pass
    if meeting is not None and not meeting.people:
        meeting = None
    col = max(30, (width - 3) // 2)
    left = [_("{name}: {n} new since the check-out", name=target_name, n=len(m.target_new))]
    right = [_("{name}: {n} new since the check-out", name=source_name, n=len(m.source_new))]
    left += [describe_event(e, meeting) for e in m.target_new]
    right += [describe_event(e, meeting) for e in m.source_new]
    rows = [f"{'-' * col}-+-{'-' * col}"]
    for i in range(max(len(left), len(right))):
        a = _fit(left[i] if i < len(left) else "", col)
        b = _fit(right[i] if i < len(right) else "", col)
        rows.append(f"{a} | {b}".rstrip())
        if i == 0:
            rows.append(f"{'-' * col}-+-{'-' * col}")
    return "\n".join([m.label, *rows])


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------- check-out / in


@dataclass
class CheckoutResult:
    venue: Path
    meeting_id: int
    meeting_uuid: str
    title: str
    date: str
    events: int
    context_meetings: int
    lease: leases.LeaseInfo


def checkout(
    central: Record, meeting_id: int, venue_path: str | Path, *, force: bool = False
) -> CheckoutResult:
    """Copy a meeting (and what it needs) from ``central`` into a new venue record,
    and lease the central copy to it until it is checked in."""
    venue_path = Path(venue_path)
    if "://" in str(venue_path):
        raise SyncError(
            _("check a meeting out to a record file (venue.sqlite), not a database URL")
        )
    if venue_path.exists():
        raise SyncError(
            _(
                "{path}: already exists; check a meeting out to a new file (the "
                "existing one was left untouched)",
                path=venue_path,
            )
        )
    meeting = central.meeting_row(meeting_id)
    with central.engine.connect() as conn:
        row = conn.execute(select(_MT).where(_MT.c.id == meeting_id)).first()
        assert row is not None
        copied = _meetings_to_copy(conn, _row_dict(row))
    lease = leases.acquire(
        central, meeting.uuid, purpose=leases.CHECKOUT, venue=str(venue_path.resolve()), force=force
    )
    venue: Record | None = None
    try:
        venue = Record(venue_path)
        merge(
            central,
            venue,
            meeting_uuids=[m["uuid"] for m in copied],
            preserve_ids=True,
            source_name=central.target,
            target_name=str(venue_path),
        )
        with venue.session() as s:
            s.add(
                CheckoutRow(
                    meeting_uuid=meeting.uuid,
                    origin=url_without_password(central.url)[:500],
                    lease_token=lease.token,
                    checked_out_at=now_utc(),
                    author=current_author(),
                )
            )
        with central.engine.begin() as conn:
            conn.execute(
                insert(_LOG).values(
                    meeting_uuid=meeting.uuid,
                    direction="checkout",
                    other=str(venue_path.resolve())[:500],
                    added=0,
                    resolution="",
                    at=now_utc(),
                    author=current_author(),
                )
            )
        events = len(venue.events(meeting_id))
    except BaseException:
        if venue is not None:
            venue.close()
        lease.release()
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{venue_path}{suffix}").unlink(missing_ok=True)
        raise
    venue.close()
    return CheckoutResult(
        venue_path,
        meeting_id,
        meeting.uuid,
        meeting.title,
        meeting.date,
        events,
        len(copied) - 1,
        lease.info,
    )


def checkouts(venue: Record) -> list[CheckoutRow]:
    with venue.session() as s:
        return list(s.scalars(select(CheckoutRow).order_by(CheckoutRow.id)))


@dataclass
class CheckinResult:
    report: MergeReport
    released: list[str]  # meeting uuids whose check-out lease was released

    @property
    def conflicts(self) -> list[MeetingMerge]:
        return self.report.conflicts


def checkin(
    venue: Record, central: Record, *, resolve: str | dict[str, str] | None = None
) -> CheckinResult:
    """Merge a venue record's meetings back into the central record.

    Refused (LeaseHeld) when a meeting with new venue events is being recorded
    centrally by someone else right now. A conflict left unresolved keeps the
    check-out's lease, and nothing of that meeting is merged."""
    outs = [c for c in checkouts(venue)]
    tokens = {c.meeting_uuid: c.lease_token for c in outs}
    with venue.session() as s:
        uuids = [
            u
            for (u,) in s.execute(select(MeetingRow.uuid).order_by(MeetingRow.date, MeetingRow.id))
        ]
    now = now_utc()
    for mu in uuids:
        current = leases.lease_of(central, mu)
        if current is None or current.expired(now) or current.token == tokens.get(mu):
            continue
        if not _has_new_events(venue, central, mu):
            continue
        raise leases.held_error(central, current)
    report = merge(
        venue,
        central,
        meeting_uuids=uuids,
        resolve=resolve,
        source_name=str(venue.path or venue.target),
        target_name=central.target,
        log="checkin",
    )
    released = []
    done = {m.meeting_uuid for m in report.meetings if m.status not in (CONFLICT, LOCKED)}
    for c in outs:
        if c.meeting_uuid in done and c.checked_in_at is None:
            if leases.release_token(central, c.meeting_uuid, c.lease_token):
                released.append(c.meeting_uuid)
            else:
                report.notes.append(
                    _(
                        "the check-out's lease on {meeting} had already been released or "
                        "taken over centrally",
                        meeting=next(
                            (m.label for m in report.meetings if m.meeting_uuid == c.meeting_uuid),
                            c.meeting_uuid,
                        ),
                    )
                )
            with venue.session() as s:
                s.execute(
                    update(CheckoutRow)
                    .where(CheckoutRow.id == c.id)
                    .values(checked_in_at=now_utc())
                )
    return CheckinResult(report, released)


def _has_new_events(venue: Record, central: Record, meeting_uuid: str) -> bool:
    with venue.engine.connect() as v, central.engine.connect() as c:
        vid = v.execute(select(_MT.c.id).where(_MT.c.uuid == meeting_uuid)).scalar()
        cid = c.execute(select(_MT.c.id).where(_MT.c.uuid == meeting_uuid)).scalar()
        if vid is None:
            return False
        if cid is None:
            return True
        ours = {r[0] for r in v.execute(select(_EV.c.uuid).where(_EV.c.meeting_id == vid))}
        n = (
            c.execute(
                select(func.count())
                .select_from(_EV)
                .where(_EV.c.meeting_id == cid, _EV.c.uuid.in_(list(ours)))
            ).scalar()
            if ours
            else 0
        )
        return bool(len(ours) - int(n or 0))
