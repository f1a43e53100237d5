"""Nothing the rules cannot play is ever stored; what was stored before is read
with a one-line message, never a traceback (issue 17, points 4 and 5).

Bad events planted with plain ``sqlite3`` stand for a record written by an
older version, another program or an insider.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest
from test_sync import M5_INFO, central_year, checkin, checkout, event_triples, m5_events

from secretary.cli.main import main
from secretary.domain.events import EventError
from secretary.domain.scenario import load_scenario
from secretary.store import LiveMeeting, Record, RecordError, sync

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE / "scenarios" / "worked-example.json"

BAD_VALUES = [
    ({"type": "financial_entry", "item": "{item}", "amount": 10**400}, "out of range"),
    ({"type": "item_added", "item": "x9", "title": "Big", "amount": 10**400}, "out of range"),
    ({"type": "note", "item": "{item}", "text": "bad \ud800 text"}, "lone surrogate"),
    ({"type": "item_moved", "item": "{item}", "position": 10**30}, "out of range"),
]


def fill(raw: dict, item: str) -> dict:
    return {k: (v.replace("{item}", item) if isinstance(v, str) else v) for k, v in raw.items()}


def recorded_meeting(path: Path) -> tuple[Record, LiveMeeting]:
    sc = load_scenario(EXAMPLE)
    record = Record(path)
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    live = LiveMeeting(record, mid)
    for e in sc.events:
        live.record_event(e)
    return record, live


def plant(path: Path, meeting_id: int, etype: str, payload: str) -> None:
    """An event row inserted behind the app's back (triggers allow INSERT)."""
    conn = sqlite3.connect(path)
    with conn:
        seq = conn.execute(
            "SELECT max(seq) + 1 FROM events WHERE meeting_id = ?", (meeting_id,)
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO events (uuid, meeting_id, seq, type, payload, recorded_at, "
            "author) VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00', 'insider')",
            (str(uuid.uuid4()), meeting_id, seq, etype, payload),
        )
    conn.close()


def rows_of(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM events ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize(("raw", "why"), BAD_VALUES, ids=lambda v: str(v)[:20])
def test_the_window_path_refuses_what_cannot_be_played_and_stores_nothing(tmp_path, raw, why):
    record, live = recorded_meeting(tmp_path / "r.sqlite")
    try:
        item = live.meeting.agenda[0]
        before = len(record.events(live.meeting_id))
        state = (dict(live.meeting.items), list(live.meeting.financial))
        with pytest.raises(EventError, match=why):
            live.record_event(fill(raw, item))
        assert len(record.events(live.meeting_id)) == before
        assert (dict(live.meeting.items), list(live.meeting.financial)) == state
        live.record_event({"type": "note", "item": item, "text": "still recording"})
    finally:
        record.close()


def test_an_event_whose_play_fails_is_not_stored_and_state_is_unchanged(tmp_path, monkeypatch):
    """Played BEFORE it is committed: whatever makes the rules fail, nothing is stored."""
    from secretary.domain import meeting as dm

    record, live = recorded_meeting(tmp_path / "r.sqlite")
    try:
        item = live.meeting.agenda[0]
        before = [e.id for e in record.events(live.meeting_id)]
        real = dm.Meeting._fold

        def broken(self, e, index):
            if e.type == "financial_entry":
                raise OverflowError("int too large to convert to float")
            return real(self, e, index)

        monkeypatch.setattr(dm.Meeting, "_fold", broken)
        with pytest.raises(EventError, match="cannot be played"):
            live.record_event({"type": "financial_entry", "item": item, "amount": 5})
        assert [e.id for e in record.events(live.meeting_id)] == before
        assert [e.id for e in live.events] == before
    finally:
        record.close()


def test_a_failed_write_rewinds_the_played_event(tmp_path, monkeypatch):
    record, live = recorded_meeting(tmp_path / "r.sqlite")
    try:
        item = live.meeting.agenda[0]
        n = len(live.events)

        def fail(*_a, **_k):
            raise RecordError("r.sqlite: the event was NOT recorded: the disk is full")

        monkeypatch.setattr(record, "append", fail)
        with pytest.raises(RecordError, match="NOT recorded"):
            live.record_event({"type": "financial_entry", "item": item, "amount": 5})
        assert len(live.events) == n and not live.meeting.financial
    finally:
        record.close()


STORED_BAD = [
    ("financial_entry", '{"item": "ITEM", "amount": 1' + "0" * 400 + "}", "out of range"),
    ("note", '{"item": "ITEM", "text": "bad \\ud800"}', "lone surrogate"),
    ("note", "{not json", "not readable JSON"),
    ("arrive", '{"person": "stranger"}', "cannot be played"),
    ("vote", '{"item": "ITEM", "votes": ' + "[" * 5000 + "]" * 5000 + "}", "not readable JSON"),
]


@pytest.mark.parametrize(("etype", "payload", "why"), STORED_BAD, ids=lambda v: str(v)[:16])
def test_an_already_stored_bad_event_is_one_line_everywhere(tmp_path, capsys, etype, payload, why):
    path = tmp_path / "r.sqlite"
    record, live = recorded_meeting(path)
    mid, item = live.meeting_id, live.meeting.agenda[0]
    record.close()
    plant(path, mid, etype, payload.replace("ITEM", item))
    rows = rows_of(path)
    # The window's path.
    record = Record(path)
    with pytest.raises(RecordError, match=why) as err:
        LiveMeeting(record, mid)
    assert "\n" not in str(err.value) and f"meeting {mid}" in str(err.value)
    record.close()
    # verify, replay --meeting, export, reports: a listed problem or one line, no traceback.
    commands = [
        ["verify", "--db", str(path)],
        ["replay", "--db", str(path), "--meeting", str(mid)],
        [
            "export",
            "--db",
            str(path),
            "--meeting",
            str(mid),
            "--minutes",
            str(tmp_path / "m.docx"),
            "--actions",
            str(tmp_path / "a.docx"),
            "--financial",
            str(tmp_path / "f.docx"),
            "--attendance",
            str(tmp_path / "att.docx"),
        ],
        ["report", "interests", "--db", str(path)],
    ]
    for argv in commands:
        code = main(argv)
        out, errs = capsys.readouterr()
        assert code in (1, 2), (argv, out, errs)
        assert "Traceback" not in out + errs
        if code == 2:
            assert len(errs.strip().splitlines()) == 1, (argv, errs)
    assert rows_of(path) == rows  # the reading commands changed nothing


# --------------------------------------------------------------------------- check-in


@pytest.mark.parametrize(
    ("etype", "payload"),
    [
        ("note", "{not json"),
        ("financial_entry", '{"item": "ITEM", "amount": 1' + "0" * 400 + "}"),
        ("arrive", '{"person": "nobody-here"}'),
    ],
    ids=["bad-json", "huge-amount", "unknown-person"],
)
def test_a_venue_meeting_that_does_not_play_is_refused_whole(tmp_path, capsys, etype, payload):
    central = tmp_path / "central.sqlite"
    _cid, ids = central_year(str(central))
    m5 = ids[-1]
    venue = tmp_path / "venue.sqlite"
    checkout(str(central), m5, venue)
    v = Record(venue)
    vlive = LiveMeeting(v, m5)
    good = m5_events(vlive)[:5]
    for e in good:
        vlive.record_event(e)
    item = vlive.meeting.agenda[0]
    v.close()
    plant(venue, m5, etype, payload.replace("ITEM", item))
    c = Record(central)
    before = event_triples(c, m5)
    c.close()
    with pytest.raises(sync.SyncError, match="does not play by the rules.*nothing was merged"):
        checkin(venue, str(central))
    code = main(["checkin", str(venue), "--to", str(central)])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "nothing was merged" in err
    c = Record(central)
    try:
        assert event_triples(c, m5) == before  # nothing merged, not even the good events
        LiveMeeting(c, m5, take_over=True)  # the central meeting still opens
    finally:
        c.close()


def test_a_good_venue_meeting_still_checks_in(tmp_path):
    central = tmp_path / "central.sqlite"
    _cid, ids = central_year(str(central))
    m5 = ids[-1]
    venue = tmp_path / "venue.sqlite"
    checkout(str(central), m5, venue)
    v = Record(venue)
    vlive = LiveMeeting(v, m5)
    events = m5_events(vlive)
    for e in events:
        vlive.record_event(e)
    v.close()
    out = checkin(venue, str(central))
    assert out.report.meetings[-1].added == len(events)
    assert M5_INFO.title in out.report.lines()[0]


def test_replay_of_a_scenario_with_a_huge_amount_stores_nothing(tmp_path, capsys):
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    item = data["agenda"][0]["id"] if isinstance(data["agenda"][0], dict) else data["agenda"][0]
    data["events"].append({"type": "financial_entry", "item": item, "amount": 10**400})
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps(data), encoding="utf-8")
    db = tmp_path / "r.sqlite"
    code = main(["replay", str(scenario), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2 and "out of range" in err and len(err.strip().splitlines()) == 1
    if db.exists():
        record = Record(db, readonly=True)
        try:
            for m in record.list_meetings():
                LiveMeeting(record, m.id)  # whatever was stored plays
        finally:
            record.close()


def test_a_casting_vote_recorded_as_abstain_before_the_rule_tightened_still_reads(tmp_path):
    """Until 29 November 2026 a scenario stored with `replay --db` could give a casting
    vote "abstain". The rule now refuses it for a new event, but a record holding one
    still opens, verifies and plays it as it played then (not carried): tightening a
    rule must not make what was recorded under the old one unreadable."""
    from secretary.domain.events import Event

    path = tmp_path / "r.sqlite"
    record, live = recorded_meeting(path)
    try:
        live.record_event({"type": "item_added", "item": "late", "title": "Late item"})
        old = Event("vote", {"item": "late", "votes": {"lead": "for", "gp1": "against"},
                             "casting": "abstain"})  # fmt: skip
        record.append(live.meeting_id, old, len(live.events))  # as the old version wrote it
        mid = live.meeting_id
    finally:
        record.close()
    record = Record(path)
    try:
        reopened = LiveMeeting(record, mid)
        assert reopened.events[-1].get("casting") == "abstain"
        (decision,) = reopened.meeting.decisions_for("late")
        assert not decision.carried
        with pytest.raises(EventError, match="casting"):
            reopened.record_event(
                {"type": "vote", "item": "late", "votes": {"lead": "for"}, "casting": "abstain"}
            )
    finally:
        record.close()
    assert main(["verify", "--db", str(path)]) == 0


def test_a_change_to_a_decided_item_recorded_before_the_rule_still_plays(tmp_path):
    """Older versions let an item's amount be changed after its decision; the rule
    that now refuses that is asked of new events only. A record holding such a
    change opens (first paint and writer), verifies, exports and can be undone
    past -- and the window still refuses a new one."""
    from secretary.domain.events import Event
    from secretary.export.snapshot import snapshot_from_record
    from secretary.store.fastread import first_paint

    path = tmp_path / "r.sqlite"
    record, live = recorded_meeting(path)
    try:
        decided = next(i for i in live.meeting.agenda if live.meeting.decisions_for(i))
        old = Event("item_changed", {"item": decided, "amount": 999.0})
        record.append(live.meeting_id, old, len(live.events))  # as the old version wrote it
        mid = live.meeting_id
    finally:
        record.close()
    first = first_paint(path, mid)
    assert first is not None and first.meeting.items[decided].amount == 999.0
    record = Record(path)
    try:
        reopened = LiveMeeting(record, mid)
        assert reopened.meeting.items[decided].amount == 999.0
        assert snapshot_from_record(record, mid) is not None
        with pytest.raises(EventError, match="is decided"):
            reopened.record_event({"type": "item_changed", "item": decided, "amount": 5.0})
        # Undoing an earlier event replays the history, the old change included.
        reopened.record_event({"type": "note", "item": decided, "text": "noted"})
        reopened.record_event({"type": "retract", "target": reopened.events[-1].id})
        assert reopened.meeting.items[decided].amount == 999.0
    finally:
        record.close()
    assert main(["verify", "--db", str(path)]) == 0
