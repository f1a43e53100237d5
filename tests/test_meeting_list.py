"""The quick meeting list (``store.meeting_list``): the deadlines, approvals and
actions it reads from a few event types are those of playing every meeting through
the rules (``played_list`` below, the reference: every event, every rule)."""

from __future__ import annotations

import sqlite3

import pytest
from between_year import DATES, UV, UV_TEXT, build_year

from secretary.domain.deadlines import DUE, ON_TIME, OVERDUE, UNRECORDED
from secretary.domain.events import check_event
from secretary.domain.scenario import MeetingInfo
from secretary.store import LiveMeeting, Record, RecordError
from secretary.store import series as sr
from secretary.store.meeting_list import entries, overview


@pytest.fixture
def record(record_path):
    r = Record(record_path)
    yield r
    r.close()


def played_list(record, today, key=None):
    """The meeting list judged by playing every meeting of each series in full:
    the reference the quick reading must agree with."""
    from secretary.domain import series as dseries
    from secretary.domain.deadlines import meeting_deadlines
    from secretary.store.approval import approvals

    approved = {a.meeting_id: a for a in approvals(record)}
    out = []
    for k in [key] if key is not None else sr.series_keys(record):
        loaded = sr.load_series(record, k)
        threads = dseries.action_threads(loaded)
        pending = [d for d in sr.outside_decisions(record, k) if d.pending]
        for ref, meeting in loaded:
            papers, minutes = dseries.sent_dates(meeting)
            approval = approved.get(ref.id)
            deadlines = meeting_deadlines(
                ref.date,
                meeting.terms.deadlines,
                today,
                papers,
                minutes,
                minutes_approved=approval is not None,
            )
            mine = tuple(t for t in threads if t.origin.uuid == ref.uuid and t.open)
            overdue = tuple(t for t in mine if t.overdue(today))
            waiting = tuple(d for d in pending if not ref.date or d.decided_on <= ref.date)
            out.append(
                sr.MeetingListEntry(
                    ref,
                    k,
                    deadlines,
                    approval.approved_on if approval else None,
                    overdue,
                    mine,
                    waiting,
                )
            )
    return out


def same(record, today):
    """Every meeting's quick entry equals the one played in full (decisions outside
    meetings aside). Returns the overview rows."""
    slow = {e.ref.id: e for e in played_list(record, today)}
    rows = overview(record, today)
    assert sorted(slow) == sorted(r.summary.id for r in rows)
    for row in rows:
        quick, full = row.entry, slow[row.summary.id]
        assert quick.ref == full.ref
        assert quick.series == full.series
        assert quick.deadlines == full.deadlines, (row.summary, today)
        assert quick.approved_on == full.approved_on
        assert [t.id for t in quick.overdue_actions] == [t.id for t in full.overdue_actions]
        assert [(t.id, t.status, t.due) for t in quick.open_actions] == [
            (t.id, t.status, t.due) for t in full.open_actions
        ]
        assert quick.flagged == full.flagged
    # The between-meetings rows: the same, in the same order, decisions outside
    # meetings waiting included.
    for key in [None, *sr.series_keys(record)]:
        assert entries(record, today, key) == played_list(record, today, key)
    return rows


@pytest.mark.parametrize(
    "today", ["2026-05-01", "2026-05-25", "2026-07-05", "2026-09-01", "2027-01-22", "2027-06-01"]
)
def test_the_year_judged_as_the_full_meeting_list(record, today):
    build_year(record)
    same(record, today)


def test_what_the_list_says_of_the_year(record):
    y = build_year(record)
    rows = same(record, "2027-01-22")
    # Most recent first, as Record.list_meetings, with the events counted.
    assert [r.summary.date for r in rows] == DATES[::-1]
    assert [r.summary.id for r in rows] == [m.id for m in record.list_meetings()]
    assert [r.summary.events for r in rows] == [m.events for m in record.list_meetings()]
    by_date = {r.summary.date: r.entry for r in rows}
    m1, m4, m5 = by_date[DATES[0]], by_date[DATES[3]], by_date[DATES[4]]
    assert (m1.deadlines.papers.state, m1.deadlines.minutes.state) == (ON_TIME, ON_TIME)
    assert m1.approved_on == DATES[1]
    # M5 (14 January 2027): minutes due 21 January, not sent, not approved.
    assert m5.deadlines.minutes.state == OVERDUE and m5.flagged
    assert m5.deadlines.papers.state == UNRECORDED  # held; papers' date never recorded
    # Under the terms frozen with it (papers 10 days before from October 2026).
    assert str(m5.deadlines.papers.due) == "2027-01-04"
    # A3 (M4, due 1 December 2026) is still open.
    assert [t.id for t in m4.overdue_actions] == ["A3"] and m4.flagged
    assert y.meetings[3] == next(r.summary.id for r in rows if r.entry is m4)


def test_retracted_sending_is_not_sent_and_an_undone_retraction_is(record):
    y = build_year(record, upto=1)
    live = LiveMeeting(record, y.meetings[0])
    sent = next(e for e in live.meeting.events if e.type == "papers_sent")
    undo = check_event({"type": "retract", "target": sent.id})
    live.record_event(undo)
    (row,) = same(record, "2026-05-12")
    assert row.entry.deadlines.papers.state == OVERDUE  # due 9 May, not sent (retracted)
    live.record_event({"type": "retract", "target": undo.id})  # undo of the undo
    (row,) = same(record, "2026-05-12")
    assert row.entry.deadlines.papers.state == ON_TIME


def test_meetings_without_a_cluster_and_terms_without_deadlines(record):
    info = MeetingInfo("Replayed", "2026-05-14", "13:00", "Venue", "Loose cluster")
    record.create_meeting(info, UV, UV_TEXT)
    no_deadlines = UV_TEXT.replace(
        "[deadlines]\npapers_days_before = 5\nminutes_days_after = 7\ninterim_notice_days = 7\n", ""
    )
    assert no_deadlines != UV_TEXT
    other = MeetingInfo("Other", "2026-06-01", "13:00", "Venue", "Loose cluster")
    mid = record.create_meeting(other, "x", no_deadlines.replace(UV, "x"))
    undated = record.create_meeting(MeetingInfo("No date"), UV, UV_TEXT)
    rows = same(record, "2026-05-05")
    by_id = {r.summary.id: r.entry for r in rows}
    assert by_id[mid].deadlines is not None and by_id[mid].deadlines.papers is None
    assert by_id[undated].deadlines is None
    assert {r.entry.series.cluster_name for r in rows} == {"Loose cluster", ""}
    first = next(r.entry for r in rows if r.summary.title == "Replayed")
    assert first.deadlines.papers.state == DUE


def test_a_damaged_event_is_named_not_a_traceback(record, record_path):
    y = build_year(record, upto=1)
    record.close()
    with sqlite3.connect(record_path) as conn:
        conn.execute(
            "INSERT INTO events (uuid, meeting_id, seq, type, payload, recorded_at, author) "
            "VALUES ('bad-1', ?, 999, 'action_update', '{not json', '2026-05-14T13:00:00Z', 'x')",
            (y.meetings[0],),
        )
    damaged = Record(record_path)
    try:
        with pytest.raises(
            RecordError, match=f"meeting {y.meetings[0]}: a stored event is damaged"
        ):
            overview(damaged, "2026-05-20")
    finally:
        damaged.close()
