"""Check-out / check-in between a central record and venue records, and leases.

The central record is PostgreSQL (and, where it costs nothing, an SQLite file
too: the merge does not care). The Upper Valleys year (tests/between_year.py)
is recorded centrally up to M4; M5 is prepared centrally, checked out to a
venue record, recorded there through LiveMeeting, and checked back in.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pg
import pytest
from between_year import attend, build_year, item
from sqlalchemy import select, text

from secretary.cli.main import main
from secretary.domain.events import check_event
from secretary.domain.scenario import MeetingInfo
from secretary.store import LiveMeeting, Record, RecordError, sync
from secretary.store import clusters as cl
from secretary.store import lease as ls
from secretary.store import series as sr
from secretary.store.approval import approval_for, approve_minutes, fingerprint_checks
from secretary.store.series import load_meeting

WINTER = {"title": "Winter pressures plan", "presenter": "Dr Huw Davies"}
M5_INFO = MeetingInfo(
    "Upper Valleys Cluster Meeting", "2027-01-14", "13:00", "Ystradgynlais Community Hall"
)


# --------------------------------------------------------------------------- helpers


def central_year(target: str) -> tuple[int, list[int]]:
    """M1..M4 recorded centrally and M5 prepared; the record is closed (its
    recording leases released). Returns (cluster id, meeting ids M1..M5)."""
    record = Record(target)
    year = build_year(record, upto=4)
    prepared = sr.prepare_meeting(record, year.cluster_id, M5_INFO, [WINTER])
    record.close()
    return year.cluster_id, [*year.meetings, prepared.meeting_id]


def copy_target(target: str, tmp_path: Path, name: str) -> str:
    """A copy of a closed record: another database, or another file."""
    if "://" in target:
        return pg.copy_database(os.environ.get(pg.ENV) or _server(target), target)
    dest = tmp_path / f"{name}.sqlite"
    shutil.copy(target, dest)
    return str(dest)


def _server(url: str) -> str:
    return pg.admin_url(url, "postgres")


def m5_events(live: LiveMeeting) -> list:
    """The events of M5 as the secretary records them (checked once, so that the
    same events, same uuids, can be recorded in two places)."""
    winter = next(i for i in live.meeting.agenda if live.meeting.items[i].title == WINTER["title"])
    raws = [
        {"type": "arrive", "person": "lead", "mode": "in_person", "at": "13:00"},
        {"type": "arrive", "person": "gp1", "mode": "in_person", "at": "13:00"},
        {"type": "apologies", "person": "gp2"},
        {"type": "arrive", "person": "gp4", "mode": "remote", "at": "13:02"},
        {"type": "arrive", "person": "ph", "mode": "in_person", "at": "13:03"},
        {"type": "arrive", "person": "cdm", "mode": "in_person", "at": "13:03"},
        {"type": "arrive", "person": "nurse", "mode": "in_person", "at": "13:04"},
        {
            "type": "declare",
            "person": "gp4",
            "item": winter,
            "interest": "Locum sessions",
            "action": "abstain",
        },
        {"type": "focus", "item": winter},
        {
            "type": "vote",
            "item": winter,
            "votes": {
                "lead": "for",
                "gp1": "for",
                "ph": "against",
                "cdm": "for",
                "nurse": "abstain",
            },
        },
        {
            "type": "action",
            "action": "A4",
            "item": winter,
            "text": "Publish the plan",
            "owner": "Carys Miles",
            "due": "2027-02-01",
        },
        {"type": "action_update", "action": "A3", "status": "complete"},
        {"type": "leave", "person": "gp4", "at": "14:10"},
    ]
    return [check_event(r) for r in raws]


def record_all(live: LiveMeeting, events) -> None:
    for e in events:
        live.record_event(e)


def event_triples(record: Record, meeting_id: int) -> list[tuple[str, str, dict]]:
    return [(e.id, e.type, dict(e.data)) for e in record.events(meeting_id)]


def decisions(record: Record, meeting_id: int) -> list[tuple]:
    m = load_meeting(record, meeting_id)
    return [
        (d.item, d.kind, d.status, d.for_, d.against, d.abstain, d.required) for d in m.decisions
    ]


def checkout(central_target: str, meeting_id: int, venue: Path, **kw) -> sync.CheckoutResult:
    central = Record(central_target)
    try:
        return sync.checkout(central, meeting_id, venue, **kw)
    finally:
        central.close()


def checkin(venue: Path, central_target: str, **kw) -> sync.CheckinResult:
    v, c = Record(venue), Record(central_target)
    try:
        return sync.checkin(v, c, **kw)
    finally:
        v.close()
        c.close()


def record_at(target: str | Path, meeting_id: int, events, **kw) -> None:
    r = Record(target)
    try:
        record_all(LiveMeeting(r, meeting_id, **kw), events)
    finally:
        r.close()


# --------------------------------------------------------------------------- round trip


def test_checkout_offline_checkin_twice_equals_recording_directly(record_target, tmp_path):
    _cid, ids = central_year(record_target)
    m5 = ids[-1]
    direct = copy_target(record_target, tmp_path, "direct")

    venue = tmp_path / "venue.sqlite"
    out = checkout(record_target, m5, venue)
    assert out.meeting_id == m5 and out.context_meetings == 4

    # At the venue, offline: the same events, through the same write path.
    v = Record(venue)
    live = LiveMeeting(v, m5)
    events = m5_events(live)
    record_all(live, events)
    v.close()
    # Recorded directly in a copy of the central record.
    d = Record(direct)
    record_all(LiveMeeting(d, m5), events)
    d.close()

    first = checkin(venue, record_target)
    assert [m.status for m in first.report.meetings] == ["unchanged"] * 4 + ["added"]
    assert (
        first.report.lines()[0]
        == f"Upper Valleys Cluster Meeting (2027-01-14): {len(events)} new events added"
    )
    assert first.report.lines()[1].startswith("unchanged: 4 meetings (14 May 2026, 9 July 2026")
    assert first.report.meetings[-1].added == len(events)
    assert first.released == [out.meeting_uuid]
    central = Record(record_target)
    after_first = event_triples(central, m5)
    central.close()

    second = checkin(venue, record_target)
    assert [m.status for m in second.report.meetings] == ["unchanged"] * 5
    assert not second.report.changed

    central, d = Record(record_target), Record(direct)
    try:
        assert event_triples(central, m5) == after_first  # twice changes nothing
        assert event_triples(central, m5) == event_triples(d, m5)
        assert decisions(central, m5) == decisions(d, m5)
        assert decisions(central, m5)  # the vote was taken: something was compared
        assert [r.seq for r in central.event_rows(m5)] == list(range(len(after_first)))
        assert ls.leases(central) == []
    finally:
        central.close()
        d.close()


def test_checkout_copies_what_the_meeting_needs(pg_url, tmp_path):
    cid, ids = central_year(pg_url)
    venue = tmp_path / "venue.sqlite"
    out = checkout(pg_url, ids[-1], venue)
    central, v = Record(pg_url), Record(venue)
    try:
        assert cl.list_clusters(v) == cl.list_clusters(central)
        assert [(t.terms_id, t.text, t.effective_from) for t in cl.terms_versions(v, cid)] == [
            (t.terms_id, t.text, t.effective_from) for t in cl.terms_versions(central, cid)
        ]
        assert cl.roster_history(v, cid) == cl.roster_history(central, cid)
        # Same ids and uuids; the earlier meetings with their events and approvals.
        assert [(m.id, m.uuid, m.events) for m in v.list_meetings()] == [
            (m.id, m.uuid, m.events) for m in central.list_meetings()
        ]
        for mid in ids[:3]:
            assert approval_for(v, mid) == approval_for(central, mid)
        assert [d.uuid for d in sr.outside_decisions(v)] == [
            d.uuid for d in sr.outside_decisions(central)
        ]
        # What passes between meetings works at the venue: A3 is already carried,
        # the decisions outside meetings are settled, and M4's minutes can be approved.
        live = LiveMeeting(v, ids[-1])
        assert sr.carry_forward(live) == []
        assert "A3" in live.meeting.actions
        assert sr.open_actions_before(v, ids[-1])[0].id == "A3"
        attend(live, 4)
        approve_minutes(live, ids[3])
        # The central copy is leased to the venue record.
        (held,) = ls.leases(central)
        assert held.purpose == ls.CHECKOUT and held.meeting_id == ids[-1]
        assert held.venue == str(venue.resolve())
        assert sync.checkouts(v)[0].lease_token == held.token
        assert "***" not in sync.checkouts(v)[0].origin
        assert out.lease.token == held.token
    finally:
        v.close()
        central.close()
    # Checked in: the approval of M4's minutes arrives and locks M4 centrally too.
    result = checkin(venue, pg_url)
    assert result.report.approvals_added == 1
    central = Record(pg_url)
    try:
        approval = approval_for(central, ids[3])
        assert approval is not None and approval.approved_at_meeting_id == ids[-1]
        assert all(c.ok for c in fingerprint_checks(central))
        with pytest.raises(Exception, match="approved"), central.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO events (uuid, meeting_id, seq, type, payload, "
                    "recorded_at, author) VALUES ('x', :m, 999, 'note', '{}', "
                    "'', '')"
                ),
                {"m": ids[3]},
            )
    finally:
        central.close()


def test_checkout_refuses_an_existing_file_and_leaves_it(pg_url, tmp_path):
    _cid, ids = central_year(pg_url)
    venue = tmp_path / "venue.sqlite"
    venue.write_bytes(b"the secretary's own notes")
    with pytest.raises(sync.SyncError, match="already exists"):
        checkout(pg_url, ids[-1], venue)
    assert venue.read_bytes() == b"the secretary's own notes"
    central = Record(pg_url)
    assert ls.leases(central) == []  # no lease taken for a failed check-out
    central.close()


def test_merges_of_independent_meetings_commute(pg_url, tmp_path):
    record = Record(pg_url)
    year = build_year(record, upto=2)
    a = sr.prepare_meeting(
        record,
        year.cluster_id,
        MeetingInfo("Upper Valleys Cluster Meeting", "2026-09-10", "13:00", "Pontardawe"),
        [WINTER],
    )
    b = sr.prepare_meeting(
        record,
        year.cluster_id,
        MeetingInfo("Upper Valleys extraordinary meeting", "2026-09-24", "10:00", "Online"),
    )
    record.close()
    va, vb = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    checkout(pg_url, a.meeting_id, va)
    checkout(pg_url, b.meeting_id, vb)
    for venue, mid in ((va, a.meeting_id), (vb, b.meeting_id)):
        r = Record(venue)
        live = LiveMeeting(r, mid)
        attend(live, 2)
        live.record_event({"type": "consensus", "item": item(live, "minutes")})
        r.close()
    other = copy_target(pg_url, tmp_path, "other")
    checkin(va, pg_url)
    checkin(vb, pg_url)
    checkin(vb, other)
    checkin(va, other)
    one, two = Record(pg_url), Record(other)
    try:
        for mid in (a.meeting_id, b.meeting_id):
            rows_one = [(r.uuid, r.seq, r.type, r.payload) for r in one.event_rows(mid)]
            rows_two = [(r.uuid, r.seq, r.type, r.payload) for r in two.event_rows(mid)]
            assert rows_one == rows_two and len(rows_one) > 20
    finally:
        one.close()
        two.close()


def test_a_meeting_made_at_the_venue_is_added_to_the_central_record(pg_url, tmp_path):
    _cid, ids = central_year(pg_url)
    venue = tmp_path / "venue.sqlite"
    checkout(pg_url, ids[-1], venue)
    v = Record(venue)
    cid = cl.list_clusters(v)[0].id
    extra = sr.prepare_meeting(
        v, cid, MeetingInfo("Extraordinary meeting", "2027-01-21", "09:00", "Ystradgynlais")
    )
    attend(LiveMeeting(v, extra.meeting_id), 4)
    new_uuid = v.meeting_row(extra.meeting_id).uuid
    n = len(v.events(extra.meeting_id))
    v.close()
    result = checkin(venue, pg_url)
    (added,) = [m for m in result.report.meetings if m.status == sync.NEW]
    assert added.meeting_uuid == new_uuid and added.added == n
    central = Record(pg_url)
    try:
        row = next(m for m in central.list_meetings() if m.uuid == new_uuid)
        assert row.events == n and row.cluster_name == "Upper Valleys Primary Care Cluster"
    finally:
        central.close()


# --------------------------------------------------------------------------- conflicts


def conflict_setup(target: str, tmp_path: Path):
    """M5 checked out; then recorded BOTH at the venue and, forcing the lease,
    centrally. Returns (m5 id, venue path, venue events, central events)."""
    _cid, ids = central_year(target)
    m5 = ids[-1]
    venue = tmp_path / "venue.sqlite"
    checkout(target, m5, venue)
    v = Record(venue)
    vlive = LiveMeeting(v, m5)
    venue_events = m5_events(vlive)[:10]  # arrivals, declaration, focus, the vote
    record_all(vlive, venue_events)
    v.close()
    central_events = [
        check_event(r)
        for r in (
            {"type": "arrive", "person": "lead", "mode": "remote", "at": "13:05"},
            {"type": "arrive", "person": "opt", "mode": "in_person", "at": "13:06"},
            {"type": "note", "item": "1", "text": "Recorded centrally while the laptop was away"},
        )
    ]
    c = Record(target)
    with pytest.raises(ls.LeaseHeld, match="checked out to"):
        LiveMeeting(c, m5)
    record_all(LiveMeeting(c, m5, take_over=True), central_events)
    c.close()
    return m5, venue, venue_events, central_events


def test_changed_in_both_places_is_a_conflict_and_nothing_is_merged(pg_url, tmp_path, capsys):
    m5, venue, venue_events, central_events = conflict_setup(pg_url, tmp_path)
    central = Record(pg_url)
    before = event_triples(central, m5)
    central.close()

    result = checkin(venue, pg_url)
    (conflict,) = result.conflicts
    assert conflict.meeting_id == m5
    assert [e.uuid for e in conflict.source_new] == [e.id for e in venue_events]
    assert [e.uuid for e in conflict.target_new] == [e.id for e in central_events]
    central = Record(pg_url)
    assert event_triples(central, m5) == before
    central.close()

    # The command line: exit 1, says so, and shows both sides side by side.
    assert main(["checkin", str(venue), "--to", pg_url]) == 1
    out = capsys.readouterr().out
    assert "CONFLICT" in out and "--show-conflicts" in out
    assert main(["checkin", str(venue), "--to", pg_url, "--show-conflicts"]) == 1
    shown = capsys.readouterr().out
    header = next(ln for ln in shown.splitlines() if "new since the check-out" in ln)
    assert header.index("central: 3 new") < header.index("venue: 10 new")
    assert "Dr Rhian Evans" in shown and "Rhodri Williams" in shown and "vote" in shown
    row = next(ln for ln in shown.splitlines() if "Rhodri Williams" in ln)
    assert " | " in row  # two columns
    central = Record(pg_url)
    assert event_triples(central, m5) == before  # showing writes nothing
    central.close()


@pytest.mark.parametrize("how", ["keep-both", "venue", "central"])
def test_each_resolution(record_target, tmp_path, how):
    m5, venue, venue_events, central_events = conflict_setup(record_target, tmp_path)
    central = Record(record_target)
    before = event_triples(central, m5)
    central.close()
    v = Record(venue)
    venue_state = load_meeting(v, m5)
    v.close()

    result = checkin(venue, record_target, resolve=how)
    assert not result.conflicts
    (m,) = [x for x in result.report.meetings if x.meeting_id == m5]
    assert m.status == sync.RESOLVED and m.resolution == how

    central = Record(record_target)
    try:
        after = event_triples(central, m5)
        assert after[: len(before)] == before  # nothing central is ever removed
        assert [r.seq for r in central.event_rows(m5)] == list(range(len(after)))
        state = load_meeting(central, m5)
        venue_ids = [e.id for e in venue_events]
        if how == "keep-both":
            assert [u for u, _t, _d in after[len(before) :]] == venue_ids
            assert state.attendance["opt"].present and state.attendance["gp1"].present
        elif how == "venue":
            tail = after[len(before) :]
            undo = tail[: len(central_events)]
            assert [(t, d["target"]) for _u, t, d in undo] == [
                ("retract", e.id) for e in reversed(central_events)
            ]
            assert [u for u, _t, _d in tail[len(central_events) :]] == venue_ids
            assert not state.attendance.get("opt") or not state.attendance["opt"].present
            assert decisions(central, m5) == [
                (d.item, d.kind, d.status, d.for_, d.against, d.abstain, d.required)
                for d in venue_state.decisions
            ]
            assert state.notes == venue_state.notes
        else:
            assert after == before
            with central.engine.connect() as conn:
                kept = conn.execute(
                    select(sync.SetAsideRow.event_uuid).order_by(sync.SetAsideRow.id)
                ).all()
            assert [k[0] for k in kept] == venue_ids
        # Resolved: the check-out is done, and checking in again changes nothing.
        assert ls.leases(central) == []
    finally:
        central.close()
    again = checkin(venue, record_target, resolve=how)
    assert not again.report.changed
    central = Record(record_target)
    assert event_triples(central, m5) == after
    central.close()


# --------------------------------------------------------------------------- leases


LEASE_WORKER = textwrap.dedent("""
    import sys
    from secretary.store import LiveMeeting, Record, RecordError
    record = Record(sys.argv[1])
    try:
        live = LiveMeeting(record, int(sys.argv[2]))
    except RecordError as exc:
        print(exc)
        sys.exit(3)
    if len(sys.argv) > 3:  # write too: a note on the first item
        live.record_event({"type": "note", "item": live.meeting.agenda[0], "text": sys.argv[3]})
    record.close()
    print("opened")
""")


def test_second_writer_on_a_meeting_is_refused_naming_the_holder(pg_url, tmp_path, capsys):
    _cid, ids = central_year(pg_url)
    m4, m5 = ids[3], ids[4]
    record = Record(pg_url)
    live = LiveMeeting(record, m5)
    assert live.lease is not None and live.lease.owned
    try:
        # A real second program, on its own connection.
        done = subprocess.run(
            [sys.executable, "-c", LEASE_WORKER, pg_url, str(m5)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 3, done.stderr
        assert ls.whoami() in done.stdout and f"process {os.getpid()}" in done.stdout
        assert "Upper Valleys Cluster Meeting (2027-01-14)" in done.stdout
        assert "being recorded by" in done.stdout
        # Another meeting of the same record is free for another secretary, who
        # records in it while we record in ours.
        other = subprocess.Popen(
            [sys.executable, "-c", LEASE_WORKER, pg_url, str(m4), "Noted at the same time"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        live.record_event({"type": "arrive", "person": "lead", "at": "13:00"})
        out, err = other.communicate(timeout=60)
        assert out.strip() == "opened", out + err
        assert record.events(m4)[-1].get("text") == "Noted at the same time"
        assert record.events(m5)[-1].type == "arrive"
        # Visible to everyone.
        assert main(["leases", "--db", pg_url]) == 0
        listing = capsys.readouterr().out
        assert f"[{m5}] Upper Valleys Cluster Meeting (2027-01-14): being recorded by" in listing
        # A check-out is refused too, and writes nothing.
        assert (
            main(
                [
                    "checkout",
                    "--from",
                    pg_url,
                    "--meeting",
                    str(m5),
                    "--to",
                    str(tmp_path / "v.sqlite"),
                ]
            )
            == 2
        )
        assert "being recorded by" in capsys.readouterr().err
        assert not (tmp_path / "v.sqlite").exists()
    finally:
        record.close()
    # Closed: the lease is released and the other program may write.
    done = subprocess.run(
        [sys.executable, "-c", LEASE_WORKER, pg_url, str(m5)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() == "opened", done.stdout + done.stderr


def test_a_checked_out_meeting_is_not_written_centrally_until_checked_in(pg_url, tmp_path, capsys):
    _cid, ids = central_year(pg_url)
    venue = tmp_path / "venue.sqlite"
    assert main(["checkout", "--from", pg_url, "--meeting", str(ids[-1]), "--to", str(venue)]) == 0
    assert "Checked out Upper Valleys Cluster Meeting (14 January 2027)" in capsys.readouterr().out
    done = subprocess.run(
        [sys.executable, "-c", LEASE_WORKER, pg_url, str(ids[-1])],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 3 and "checked out to" in done.stdout
    assert str(venue.resolve()) in done.stdout
    assert main(["checkin", str(venue), "--to", pg_url]) == 0
    capsys.readouterr()
    done = subprocess.run(
        [sys.executable, "-c", LEASE_WORKER, pg_url, str(ids[-1])],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() == "opened"


def test_lease_runs_out_and_a_lost_lease_refuses_writes(pg_url):
    _cid, ids = central_year(pg_url)
    record = Record(pg_url)
    try:
        uuid5 = record.meeting_row(ids[-1]).uuid
        old = ls.acquire(record, uuid5, holder="ann@laptop-3", pid=1, seconds=-1)
        assert ls.lease_of(record, uuid5).expired()
        assert ls.leases(record) == []  # an expired lease is not listed...
        live = LiveMeeting(record, ids[-1])  # ...and is taken over
        assert live.lease.owned and live.lease.token != old.token
        # Someone breaks our lease (secretary leases --release): writes are refused.
        ls.break_lease(record, uuid5)
        assert live.lease.renew() is False
        with pytest.raises(RecordError, match="no longer yours"):
            live.record_event({"type": "arrive", "person": "lead"})
    finally:
        record.close()


def test_passwords_are_never_shown(tmp_path, capsys):
    url = "postgresql://secretariat:hunter2@127.0.0.1:1/secretary"
    with pytest.raises(RecordError) as caught:
        Record(url)
    assert "hunter2" not in str(caught.value) and "***" in str(caught.value)
    assert main(["leases", "--db", url]) == 2
    assert (
        main(["checkout", "--from", url, "--meeting", "1", "--to", str(tmp_path / "v.sqlite")]) == 2
    )
    err = capsys.readouterr().err
    assert "hunter2" not in err and "127.0.0.1" in err


def test_sync_log_and_set_aside_are_append_only(pg_url):
    record = Record(pg_url)
    try:
        with record.engine.begin() as conn:
            conn.execute(
                sync.SyncLogRow.__table__.insert().values(
                    meeting_uuid="m",
                    direction="checkin",
                    other="v",
                    added=1,
                    resolution="",
                    at="",
                    author="",
                )
            )
        for sql in ("UPDATE sync_log SET added = 2", "DELETE FROM sync_log"):
            with pytest.raises(Exception, match="append-only"), record.engine.begin() as c:
                c.execute(text(sql))
    finally:
        record.close()


def test_event_descriptions_name_people_and_items():
    e = sync.StoredEvent(
        "u",
        0,
        "arrive",
        json.dumps({"person": "lead", "mode": "remote"}),
        "2027-01-14T13:05:00+00:00",
        "ann",
    )
    assert sync.describe_event(e) == "13:05 ann: arrive — lead; remote"
    e = sync.StoredEvent(
        "u",
        1,
        "leave",
        json.dumps({"person": "lead", "at": "14:10"}),
        "2027-01-14T14:10:30+00:00",
        "ann",
    )
    assert sync.describe_event(e) == "14:10 ann: leave — lead; at 14:10"


def test_checkin_waits_while_someone_records_the_meeting_centrally(pg_url, tmp_path):
    _cid, ids = central_year(pg_url)
    m5 = ids[-1]
    venue = tmp_path / "venue.sqlite"
    checkout(pg_url, m5, venue)
    record_at(venue, m5, [check_event({"type": "arrive", "person": "lead"})])
    central = Record(pg_url)
    try:
        live = LiveMeeting(central, m5, take_over=True)  # forced: the lease is now theirs
        live.record_event({"type": "arrive", "person": "cdm"})
        with pytest.raises(ls.LeaseHeld, match="being recorded by"):
            checkin(venue, pg_url)
    finally:
        central.close()
    # Once they close it, the check-in goes ahead — as a conflict, since both changed it.
    result = checkin(venue, pg_url)
    assert [m.meeting_id for m in result.conflicts] == [m5]
    result = checkin(venue, pg_url, resolve="keep-both")
    assert not result.conflicts and result.released == []  # the forced lease was not ours


def test_keep_both_is_refused_when_the_rules_cannot_play_the_result(pg_url, tmp_path):
    _cid, ids = central_year(pg_url)
    m5 = ids[-1]
    venue = tmp_path / "venue.sqlite"
    checkout(pg_url, m5, venue)
    v = Record(venue)
    vlive = LiveMeeting(v, m5)
    record_all(vlive, m5_events(vlive)[:10])  # ... a vote on the winter plan
    v.close()
    # Centrally, meanwhile, the winter plan was taken off the agenda.
    c = Record(pg_url)
    live = LiveMeeting(c, m5, take_over=True)
    added = next(
        e for e in live.events if e.type == "item_added" and e.get("title") == WINTER["title"]
    )
    live.record_event({"type": "retract", "target": added.id})
    before = event_triples(c, m5)
    c.close()
    with pytest.raises(sync.SyncError, match="rules cannot play"):
        checkin(venue, pg_url, resolve="keep-both")
    c = Record(pg_url)
    assert event_triples(c, m5) == before  # nothing written
    c.close()
    # The venue's version can still be chosen: the item comes back, with its vote.
    checkin(venue, pg_url, resolve="venue")
    c = Record(pg_url)
    try:
        assert [d[0] for d in decisions(c, m5)] == [added.get("item")]
    finally:
        c.close()


def test_a_lease_is_renewed_while_open(pg_url):
    _cid, ids = central_year(pg_url)
    record = Record(pg_url)
    try:
        uuid5 = record.meeting_row(ids[-1]).uuid
        lease = ls.acquire(record, uuid5, seconds=60)
        first = ls.lease_of(record, uuid5)
        lease.keep(every=0.05)
        deadline = time.monotonic() + 10
        while ls.lease_of(record, uuid5).renewed_at == first.renewed_at:
            assert time.monotonic() < deadline, "never renewed"
            time.sleep(0.02)
        assert ls.lease_of(record, uuid5).expires_at > first.expires_at
        lease.release()
        assert ls.lease_of(record, uuid5) is None
    finally:
        record.close()


def test_an_approval_of_minutes_changed_centrally_since_is_not_merged(pg_url, tmp_path):
    _cid, ids = central_year(pg_url)
    m4, m5 = ids[3], ids[4]
    venue = tmp_path / "venue.sqlite"
    checkout(pg_url, m5, venue)
    v = Record(venue)
    live = LiveMeeting(v, m5)
    attend(live, 4)
    approve_minutes(live, m4)  # at the venue, of M4 as it was at check-out
    v.close()
    record_at(pg_url, m4, [check_event({"type": "minutes_sent", "on": "2026-11-20"})])
    result = checkin(venue, pg_url)
    assert result.report.approvals_added == 0
    assert any("NOT added" in n and "approved again" in n for n in result.report.notes)
    central = Record(pg_url)
    try:
        assert approval_for(central, m4) is None  # not locked with a wrong fingerprint
        assert all(c.ok for c in fingerprint_checks(central))
    finally:
        central.close()
