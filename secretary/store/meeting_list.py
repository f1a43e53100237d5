"""The meeting list with its deadlines, read quickly: the one read path of every list
of meetings (the start dialog, the between-meetings window, ``secretary meetings``).

Playing every meeting of the record through the rules takes about 2.4 s for a
record of 3,200 meetings, too slow for the list a user waits on at start-up.
The list needs only a little of each meeting: its
date, the ``[deadlines]`` of the terms frozen with it, its ``papers_sent`` /
``minutes_sent`` events, whether its minutes are approved, and the action events
of its series. ``overview(record, today)`` reads just those — the meetings' own
columns, each distinct terms text once, and the events of those few types in one
query — and judges them with the domain's functions
(``domain.deadlines.meeting_deadlines``, ``domain.series.sent_dates`` and
``action_threads``); a test checks them against playing every meeting in full.
``entries(record, today, key)`` gives the rows by series (decisions outside
meetings waiting included, from their table and the ``ratify`` events), for the
between-meetings views and ``secretary meetings``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import String, cast, func, select

from secretary.domain import series as dseries
from secretary.domain.deadlines import meeting_deadlines
from secretary.domain.events import Event
from secretary.domain.series import MeetingRef
from secretary.i18n import _
from secretary.store.approval import approvals
from secretary.store.models import ClusterRow, EventRow, MeetingRow, OutsideDecisionRow
from secretary.store.record import MeetingSummary, Record, RecordError, terms_from_text
from secretary.store.series import (
    PENDING,
    MeetingListEntry,
    OutsideDecision,
    SeriesKey,
)

#: The event types the list reads: sending dates, actions, and retractions of them.
LIST_EVENT_TYPES = (
    "papers_sent",
    "minutes_sent",
    "action",
    "action_carried",
    "action_update",
    "ratify",
    "retract",
)


class MeetingOverview:
    """One row of the start dialog's list: the meeting (``summary``) and its
    deadlines and actions (``entry``, a ``series.MeetingListEntry``). The entry is
    judged when first asked for: a list of thousands of meetings shows a few."""

    def __init__(
        self,
        summary: MeetingSummary,
        judge: Callable[[], MeetingListEntry],
        series: SeriesKey | None = None,
    ):
        self.summary = summary
        # The cluster it belongs to, known without judging (the list's cluster column).
        self.series = series
        self._judge: Callable[[], MeetingListEntry] | None = judge
        self._entry: MeetingListEntry | None = None

    @property
    def entry(self) -> MeetingListEntry:
        if self._entry is None:
            assert self._judge is not None
            self._entry, self._judge = self._judge(), None
        return self._entry

    @property
    def flagged(self) -> bool:
        return self.entry.flagged

    def __repr__(self) -> str:
        return f"MeetingOverview({self.summary!r})"


class _FewEvents:
    """A meeting's events of ``LIST_EVENT_TYPES`` with retractions applied, as
    ``Meeting.effective_events`` gives them: a retract cancels its target unless a
    later retract cancels it (an undo of an undo is a redo)."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def effective_events(self) -> Iterator[tuple[int, Event]]:
        if not self.events:
            return iter(())
        cancelled: set[str] = set()
        for e in reversed(self.events):
            if e.type == "retract" and e.id not in cancelled:
                cancelled.add(e.get("target"))
        return (
            (i, e)
            for i, e in enumerate(self.events)
            if e.type != "retract" and e.id not in cancelled
        )


# Payloads parsed this many at a time: nearly as fast as all at once, and the parser
# (which holds the interpreter's lock) lets the window's thread in between chunks.
PAYLOAD_CHUNK = 2000


def _payloads(record: Record, rows: Sequence[Any]) -> list[dict[str, Any]]:
    """The events' JSON payloads, parsed in chunks (twice as fast as one by one);
    a damaged one is found and named."""
    parsed: list[Any] = []
    try:
        for start in range(0, len(rows), PAYLOAD_CHUNK):
            chunk = rows[start : start + PAYLOAD_CHUNK]
            parsed += json.loads("[" + ",".join(r[3] for r in chunk) + "]")
        if len(parsed) == len(rows) and all(isinstance(d, dict) for d in parsed):
            return parsed
    except ValueError:
        pass
    out = []
    for r in rows:
        try:
            data = json.loads(r[3])
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise RecordError(
                _(
                    "{target}: meeting {id}: a stored event is damaged (not readable JSON)",
                    target=record.target,
                    id=r[0],
                )
            )
        out.append(data)
    return out


def overview(record: Record, today: str | dt.date) -> list[MeetingOverview]:
    """Every meeting of the record, most recent first (as ``Record.list_meetings``),
    with its papers and minutes deadlines judged on ``today``, the approval of its
    minutes and the actions it set that are still open (and those past due)."""
    return _read(record, today).rows


class _Read:
    def __init__(
        self,
        rows: list[MeetingOverview],
        series: dict[SeriesKey, list[int]],
        logs: dict[int, _FewEvents],
        refs: dict[int, MeetingRef],
    ):
        self.rows = rows
        self.series = series  # each series' meetings in date order
        self.logs = logs
        self.refs = refs


def _read(record: Record, today: str | dt.date) -> _Read:
    today_s = today.isoformat() if isinstance(today, dt.date) else today
    counts = (
        select(EventRow.meeting_id, func.count().label("n"))
        .group_by(EventRow.meeting_id)
        .subquery()
    )
    meetings_q = (
        select(
            MeetingRow.id,
            MeetingRow.uuid,
            MeetingRow.title,
            MeetingRow.date,
            MeetingRow.start,
            MeetingRow.venue,
            MeetingRow.cluster_name,
            MeetingRow.cluster_id,
            MeetingRow.terms_id,
            counts.c.n,
        )
        .outerjoin(counts, counts.c.meeting_id == MeetingRow.id)
        .order_by(MeetingRow.date.desc(), MeetingRow.id.desc())
    )
    # Each distinct terms text once (a record's meetings share a few), with its meetings.
    terms_q = select(
        MeetingRow.terms_text, func.aggregate_strings(cast(MeetingRow.id, String), ",")
    ).group_by(MeetingRow.terms_text)
    events_q = (
        select(EventRow.meeting_id, EventRow.uuid, EventRow.type, EventRow.payload)
        .where(
            EventRow.type.in_(LIST_EVENT_TYPES)
            # Agenda items listing a decision taken outside meetings (``od-<id>``).
            | ((EventRow.type == "item_added") & EventRow.payload.contains('"od-'))
        )
        .order_by(EventRow.meeting_id, EventRow.seq)
    )
    with record.session() as s:
        rows = s.execute(meetings_q).all()
        terms_groups = s.execute(terms_q).all()
        event_rows = s.execute(events_q).all()
        cluster_names = dict(s.execute(select(ClusterRow.id, ClusterRow.name)).all())

    deadlines_of: dict[int, dict[str, int]] = {}
    for text, joined in terms_groups:
        using = [int(n) for n in str(joined).split(",")]
        terms = terms_from_text(text, f"{record.target} (meeting {using[0]} terms)")
        for n in using:
            deadlines_of[n] = dict(terms.deadlines)

    logs: dict[int, _FewEvents] = {}
    for (mid, uuid, type_, _payload), data in zip(
        event_rows, _payloads(record, event_rows), strict=True
    ):
        logs.setdefault(mid, _FewEvents()).events.append(Event(type_, data, uuid))

    approved = {a.meeting_id: a.approved_on for a in approvals(record)}
    refs = {r.id: MeetingRef(r.id, r.uuid, r.title, r.date) for r in rows}

    # Action threads run through each series in date order (as series.meeting_list).
    by_series: dict[SeriesKey, list[int]] = {}
    for r in sorted(rows, key=lambda r: (r.date == "", r.date, r.id)):
        key = (
            SeriesKey(r.cluster_id, cluster_names.get(r.cluster_id, ""))
            if r.cluster_id is not None
            else SeriesKey(None, r.cluster_name)
        )
        by_series.setdefault(key, []).append(r.id)
    series_of: dict[int, SeriesKey] = {}
    open_by_origin: dict[str, list[dseries.ActionThread]] = {}
    for key, ids in by_series.items():
        for mid in ids:
            series_of[mid] = key
        threads = dseries.action_threads([(refs[mid], logs.get(mid, _FewEvents())) for mid in ids])
        for t in threads:
            if t.open:
                open_by_origin.setdefault(t.origin.uuid, []).append(t)

    def judge(r: Any) -> Callable[[], MeetingListEntry]:
        def entry() -> MeetingListEntry:
            papers, minutes = dseries.sent_dates(logs.get(r.id, _FewEvents()))
            deadlines = meeting_deadlines(
                r.date,
                deadlines_of.get(r.id, {}),
                today_s,
                papers,
                minutes,
                minutes_approved=r.id in approved,
            )
            mine = tuple(open_by_origin.get(r.uuid, ()))
            return MeetingListEntry(
                refs[r.id],
                series_of[r.id],
                deadlines,
                approved.get(r.id),
                tuple(t for t in mine if t.overdue(today_s)),
                mine,
            )

        return entry

    out = []
    for r in rows:
        summary = MeetingSummary(
            r.id,
            r.uuid,
            r.title,
            r.date,
            r.start,
            r.venue,
            r.cluster_name,
            r.terms_id,
            r.n or 0,
        )
        out.append(MeetingOverview(summary, judge(r), series_of[r.id]))
    return _Read(out, by_series, logs, refs)


def entries(
    record: Record, today: str | dt.date, key: SeriesKey | None = None
) -> list[MeetingListEntry]:
    """The meeting list by series, read quickly: every
    meeting (of one series, or all), in date order within each series, with its
    deadlines, overdue actions and the decisions outside meetings it must list."""
    read = _read(record, today)
    by_id = {r.summary.id: r for r in read.rows}
    waiting = _pending_outside(record, read)
    keys = sorted(
        read.series,
        key=lambda k: (k.cluster_id is None, k.cluster_id or 0, k.cluster_name),
    )
    out = []
    for k in keys:
        if key is not None and k != key:
            continue
        for mid in read.series[k]:
            entry = by_id[mid].entry
            date = entry.ref.date
            mine = tuple(d for d in waiting.get(k, ()) if not date or d.decided_on <= date)
            out.append(replace(entry, pending_outside=mine))
    return out


def _pending_outside(record: Record, read: _Read) -> dict[SeriesKey, list[OutsideDecision]]:
    """Decisions outside meetings not yet ratified or noted, by series (as
    ``series.outside_decisions``: a ``ratify`` event of any meeting of the series
    settles one; the meetings whose agenda lists it are named)."""
    query = select(OutsideDecisionRow).order_by(
        OutsideDecisionRow.decided_on, OutsideDecisionRow.id
    )
    with record.session() as s:
        rows = list(s.scalars(query))
    named = {k: k for k in read.series}
    out: dict[SeriesKey, list[OutsideDecision]] = {}
    for row in rows:
        key = (
            SeriesKey(row.cluster_id, "")
            if row.cluster_id is not None
            else SeriesKey(None, row.cluster_name)
        )
        status, settled, listed = PENDING, None, []
        item_id = f"od-{row.id}"
        for mid in read.series.get(key, ()):
            log = read.logs.get(mid)
            if log is None:
                continue
            effective = [e for _, e in log.effective_events()]
            ref = read.refs[mid]
            if any(e.type == "item_added" and e.get("item") == item_id for e in effective):
                listed.append(ref)
            for e in effective:
                if e.type == "ratify" and e.get("decision") == row.uuid:
                    status, settled = e.get("outcome"), ref
        if status != PENDING:
            continue
        out.setdefault(key, []).append(
            OutsideDecision.from_row(row, named.get(key, key), status, settled, listed)
        )
    return out
