"""A year of five meetings: carry-forward of actions, ratification of decisions
taken outside meetings, frozen terms, deadlines and the meeting list."""

from __future__ import annotations

import pytest
from between_year import DATES, NEW_TEXT, build_year, item, prepare

from secretary.domain.agenda import item_heading
from secretary.domain.deadlines import DUE, LATE, ON_TIME, OVERDUE, UNRECORDED, meeting_deadlines
from secretary.domain.events import EventError
from secretary.domain.quorum import assess
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import parse_terms_text
from secretary.store import LiveMeeting, Record
from secretary.store import series as sr
from secretary.store.meeting_list import entries as meeting_list


@pytest.fixture
def record(record_path):
    r = Record(record_path)
    yield r
    r.close()


@pytest.fixture
def year(record):
    return build_year(record)


def threads_by_id(record, year):
    return {t.id: t for t in sr.action_threads(record, year.key)}


def test_series_in_date_order_with_previous_and_next(record, year):
    refs = sr.series(record, year.key)
    assert [r.date for r in refs] == DATES
    assert [r.id for r in refs] == year.meetings
    m1, m2, *_, m5 = year.meetings
    assert sr.previous_meeting(record, m1) is None
    assert sr.previous_meeting(record, m2).id == m1
    assert sr.next_meeting(record, m1).id == m2
    assert sr.next_meeting(record, m5) is None


def test_action_carried_over_two_meetings_then_completed(record, year):
    threads = threads_by_id(record, year)
    a1 = threads["A1"]
    assert [r.date for r in a1.carried_to] == [DATES[1], DATES[2]]
    assert a1.status == "complete" and not a1.open
    assert a1.closed_at.date == DATES[2]
    assert [(s.meeting.date, s.status) for s in a1.steps] == [
        (DATES[1], "in progress"),
        (DATES[2], "complete"),
    ]
    assert a1.steps[0].note == "Half the practices audited"
    # Completed at M3, so not carried into M4 or M5.
    m4 = year.lives[3].meeting
    assert "A1" not in m4.actions
    # A2 was completed at M2: carried once only.
    assert [r.date for r in threads["A2"].carried_to] == [DATES[1]]
    assert "A2" not in year.lives[2].meeting.actions


def test_carried_actions_are_matters_arising_of_the_next_meeting(record, year):
    m2 = year.lives[1].meeting
    carried = m2.actions["A1"]
    assert carried.carried_from == sr.series(record, year.key)[0].uuid
    assert carried.carried_from_date == DATES[0]
    assert carried.item == item(year.lives[1], "matters-arising")
    assert carried.owner == "Carys Miles" and carried.due == "2026-06-30"
    # At M3, A1 arrives with the status M2 left it in (and M3 then completes it).
    m3 = year.lives[2].meeting
    carried3 = next(e for _, e in m3.effective_events() if e.type == "action_carried")
    assert carried3.get("status") == "in progress"
    assert m3.actions["A1"].status == "complete"


def test_open_actions_before_each_meeting(record, year):
    ids = [[t.id for t in sr.open_actions_before(record, m)] for m in year.meetings]
    assert ids == [[], ["A1", "A2"], ["A1"], [], ["A3"]]


def test_carry_forward_is_idempotent(record, year):
    live = year.lives[4]
    before = len(live.events)
    assert sr.carry_forward(live) == []
    assert len(live.events) == before


def test_carry_forward_into_a_meeting_created_before_the_actions(record):
    y = build_year(record, upto=1)
    # M2 created from the cluster directly (not prepared): nothing carried yet.
    from secretary.store.clusters import create_meeting_for_cluster

    mid = create_meeting_for_cluster(record, y.cluster_id, MeetingInfo("Next", DATES[1]))
    live = LiveMeeting(record, mid)
    with pytest.raises(EventError, match="unknown action 'A1'"):
        live.record_event({"type": "action_update", "action": "A1", "status": "complete"})
    assert sr.carry_forward(live) == ["action_carried", "action_carried", "item_added"]
    live.record_event({"type": "action_update", "action": "A1", "status": "complete"})
    assert not threads_by_id(record, y)["A1"].open
    # The outside decision was put straight after matters arising.
    agenda = live.meeting.agenda
    arising = item(live, "matters-arising")
    assert agenda[agenda.index(arising) + 1] == f"od-{y.rd1}"


def test_a_new_action_cannot_reuse_a_carried_id(record, year):
    live = year.lives[4]
    with pytest.raises(EventError, match="carried from an earlier meeting"):
        live.record_event({"type": "action", "action": "A3", "text": "Something else"})


def test_remote_decision_ratified_at_the_next_meeting(record, year):
    d = sr.outside_decision(record, year.rd1)
    assert d.status == "ratified" and d.settled_at.id == year.meetings[1]
    assert [r.id for r in d.listed_at] == [year.meetings[1]]
    assert d.financial and d.amount == 4000 and d.signatory == "Carys Miles"
    m2 = year.lives[1].meeting
    title = item_heading(m2.items[d.item_id]).render("en")
    assert title == (
        "Remote decision of 2 June 2026 for ratification: Extra physiotherapy sessions"
    )
    assert m2.items[d.item_id].financial and m2.items[d.item_id].amount == 4000


def test_outside_decision_stays_on_agendas_until_ratified(record, year):
    rd2 = sr.outside_decision(record, year.rd2)
    assert [r.date for r in rd2.listed_at] == [DATES[2], DATES[3]]
    assert rd2.status == "ratified" and rd2.settled_at.date == DATES[3]
    ua1 = sr.outside_decision(record, year.ua1)
    assert ua1.status == "noted" and ua1.status_label() == "noted"
    assert year.lives[3].meeting.items[ua1.item_id].standing == "noting"
    assert "for noting" in item_heading(year.lives[3].meeting.items[ua1.item_id]).render("en")
    # Nothing is pending once M4 has dealt with everything.
    assert sr.pending_outside_decisions(record, year.meetings[4]) == []
    assert [d.id for d in sr.pending_outside_decisions(record, year.meetings[3])] == [
        year.rd2,
        year.ua1,
    ]


def test_pending_decision_is_carried_to_every_next_meeting(record):
    y = build_year(record, upto=1)
    # M2 and M3 both happen without ratifying RD1.
    for n in (1, 2):
        live = prepare(y, n)
        assert f"od-{y.rd1}" in live.meeting.items
    assert sr.outside_decision(record, y.rd1).pending
    assert len(sr.outside_decision(record, y.rd1).listed_at) == 2


def test_ratify_refusals(record, year):
    live = year.lives[4]
    with pytest.raises(sr.SeriesError, match="already ratified at Upper Valleys"):
        sr.ratify(live, year.rd1, "ratified")
    d = sr.record_outside_decision(
        record, year.key, decided_on="2027-01-02", kind=sr.URGENT, title="Urgent premises repair"
    )
    with pytest.raises(sr.SeriesError, match=r"can be noted \| ratified, not 'not_ratified'"):
        sr.ratify(live, d.id, "not_ratified")
    with pytest.raises(sr.SeriesError, match="no decision outside a meeting with id 999"):
        sr.ratify(live, 999, "noted")
    # A decision taken after the meeting was held cannot come before it (it was noted
    # at a July meeting when taken in November, and so minuted).
    later = sr.record_outside_decision(
        record, year.key, decided_on="2027-02-01", kind=sr.URGENT, title="Locum cover"
    )
    events = len(live.events)
    with pytest.raises(sr.SeriesError, match="taken on 2027-02-01, after this meeting of"):
        sr.ratify(live, later.id, "noted")
    assert len(live.events) == events and sr.outside_decision(record, later.id).pending


def test_ratifying_needs_decision_quorum_but_noting_does_not(record):
    y = build_year(record, upto=1)
    live = prepare(y, 1)
    live.record_event({"type": "arrive", "person": "lead"})
    with pytest.raises(sr.SeriesError, match="cannot ratify: Not quorate"):
        sr.ratify(live, y.rd1, "ratified")
    assert sr.outside_decision(record, y.rd1).pending
    urgent = sr.record_outside_decision(
        record, y.key, decided_on="2026-06-03", kind=sr.URGENT, title="Urgent locum"
    )
    sr.ratify(live, urgent.id, "noted")
    assert sr.outside_decision(record, urgent.id).status == "noted"


def test_outside_decision_input_is_checked(record, year):
    def rec(**kw):
        args = dict(decided_on="2026-06-02", kind=sr.REMOTE, title="X")
        args.update(kw)
        return sr.record_outside_decision(record, year.key, **args)

    with pytest.raises(sr.SeriesError, match="must name the Health Board authorised signatory"):
        rec(financial=True)
    with pytest.raises(sr.SeriesError, match="must name the Health Board authorised signatory"):
        rec(amount=250.0)
    with pytest.raises(sr.SeriesError, match="kind must be one of remote, urgent"):
        rec(kind="postal")
    with pytest.raises(sr.SeriesError, match="YYYY-MM-DD, not '2 June'"):
        rec(decided_on="2 June")
    with pytest.raises(sr.SeriesError, match="say what was decided"):
        rec(title="   ")
    with pytest.raises(sr.SeriesError, match="not negative"):
        rec(amount=-1.0, signatory="Carys Miles")


def test_old_meetings_are_judged_under_the_terms_frozen_with_them(record, year):
    from secretary.store.clusters import terms_in_force

    # The cluster's terms now say 10 days for papers; M1–M3 were held under 5.
    assert terms_in_force(record, year.cluster_id, "2027-01-01")[1] == NEW_TEXT
    loaded = sr.load_series(record, year.key)
    days = [m.terms.deadlines["papers_days_before"] for _, m in loaded]
    assert days == [5, 5, 5, 10, 10]
    assert [m.terms.id for _, m in loaded] == ["sbuhb-upper-valleys-2021"] * 3 + ["uv-2026"] * 2
    listing = {e.ref.id: e for e in meeting_list(record, "2026-05-01", year.key)}
    assert str(listing[year.meetings[0]].deadlines.papers.due) == "2026-05-09"
    assert str(listing[year.meetings[3]].deadlines.papers.due) == "2026-11-02"
    # And the quorum of an old meeting is judged under its own terms too.
    m1 = loaded[0][1]
    assert assess(m1).seats_required == 6
    stricter = parse_terms_text(NEW_TEXT.replace('fraction = "1/3"', 'fraction = "3/4"'), "x")
    from secretary.domain.meeting import Meeting

    assert assess(Meeting(stricter, m1.events)).seats_required == 12
    assert assess(sr.load_meeting(record, year.meetings[0])).seats_required == 6


def test_meeting_list_deadlines_and_overdue_actions(record, year):
    rows = meeting_list(record, "2027-01-20", year.key)
    assert [r.ref.date for r in rows] == DATES
    m1 = rows[0]
    assert m1.deadlines.papers.state == ON_TIME  # sent 8 May, due 9 May
    assert m1.deadlines.minutes.state == ON_TIME  # sent 20 May, due 21 May
    assert m1.approved_on == DATES[1]
    assert rows[1].deadlines.minutes.state == UNRECORDED  # approved, sending not recorded
    assert [t.id for t in rows[3].overdue_actions] == ["A3"]  # due 1 Dec 2026, still open
    assert rows[3].flagged
    assert rows[4].approved_on is None
    assert rows[4].deadlines.minutes.state == DUE  # due 21 Jan 2027
    later = meeting_list(record, "2027-01-22", year.key)[4]
    assert later.deadlines.minutes.state == OVERDUE and later.flagged
    assert str(later.deadlines.minutes.describe()) == "minutes to members overdue (due 2027-01-21)"


def test_mark_sent_and_a_late_sending(record, year):
    live = year.lives[4]
    sr.mark_sent(live, "minutes", "2027-01-25")
    row = meeting_list(record, "2027-02-01", year.key)[4]
    assert row.deadlines.minutes.state == LATE
    assert str(row.deadlines.minutes.describe()) == (
        "minutes to members sent late on 2027-01-25 (due 2027-01-21)"
    )
    with pytest.raises(sr.SeriesError, match="say papers or minutes"):
        sr.mark_sent(live, "agenda", "2027-01-25")


def test_deadlines_are_data_not_code():
    d = meeting_deadlines("2026-05-14", {"papers_days_before": 3}, "2026-05-12")
    assert d.papers.due.isoformat() == "2026-05-11" and d.papers.state == OVERDUE
    assert d.minutes is None
    assert meeting_deadlines("2026-05-14", {}, "2026-05-12").flags() == []
    assert meeting_deadlines("", {"papers_days_before": 3}, "2026-05-12") is None
    # Papers not recorded as sent stop being "overdue" once the meeting has happened.
    past = meeting_deadlines("2026-05-14", {"papers_days_before": 5}, "2026-05-15")
    assert past.papers.state == UNRECORDED and not past.overdue


def test_find_series_by_name_or_id(record, year):
    assert sr.find_series(record) == year.key
    assert sr.find_series(record, "upper valleys") == year.key
    assert sr.find_series(record, str(year.cluster_id)) == year.key
    with pytest.raises(sr.SeriesError, match="no cluster named 'Afan'"):
        sr.find_series(record, "Afan")


def test_meetings_without_a_cluster_form_a_series_by_name(record, worked_example):
    from secretary.domain.scenario import load_scenario

    ids = []
    for date in ("2026-06-01", "2026-03-01"):
        sc = load_scenario(worked_example)
        sc.info.date, sc.info.cluster = date, "Loose Cluster"
        ids.append(record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup))
    key = sr.series_key_of(record, ids[0])
    assert key == sr.SeriesKey(None, "Loose Cluster")
    assert [r.id for r in sr.series(record, key)] == [ids[1], ids[0]]
    assert sr.previous_meeting(record, ids[0]).id == ids[1]


def test_statements_for_the_approving_meetings_minutes(record, year):
    from secretary.domain.series import (
        approval_statement,
        approvals_in,
        ratification_statement,
        ratifications_in,
    )

    (m1,) = approvals_in(year.lives[1].meeting)
    assert str(approval_statement(m1, "14 May 2026")) == (
        "The minutes of the meeting of 14 May 2026 were approved with the following "
        "amendments: Item 5: the amount agreed was £18,500, not £15,800."
    )
    (m2,) = approvals_in(year.lives[2].meeting)
    assert str(approval_statement(m2, "9 July 2026")) == (
        "The minutes of the meeting of 9 July 2026 were approved as a true record."
    )
    outcomes = [r.outcome for r in ratifications_in(year.lives[3].meeting)]
    assert outcomes == ["ratified", "noted"]
    noted = ratifications_in(year.lives[3].meeting)[1]
    assert str(ratification_statement(noted, "Locum cover")) == "The meeting noted: Locum cover."


def test_prepared_meeting_names_what_it_carries(record):
    y = build_year(record, upto=1)
    info = MeetingInfo("Upper Valleys Cluster Meeting", DATES[1], "13:00", "Pontardawe")
    prepared = sr.prepare_meeting(record, y.cluster_id, info)
    assert [t.id for t in prepared.carried_actions] == ["A1", "A2"]
    assert [d.id for d in prepared.outside_decisions] == [y.rd1]
    assert [m.id for m in prepared.minutes_for_approval] == [y.meetings[0]]
    live = LiveMeeting(record, prepared.meeting_id)
    titles = [item_heading(live.meeting.items[i]).render("en") for i in live.meeting.agenda]
    assert titles[:5] == [
        "Welcome, introductions and apologies",
        "Declarations of interest",
        "Minutes of the previous meeting (14 May 2026)",
        "Matters arising and action log",
        "Remote decision of 2 June 2026 for ratification: Extra physiotherapy sessions",
    ]
    with pytest.raises(sr.SeriesError, match="needs a date"):
        sr.prepare_meeting(record, y.cluster_id, MeetingInfo("No date"))


def test_action_log_names_the_meeting_that_agreed_a_carried_action(record, year):
    from secretary.export import snapshot_from_record

    snap = snapshot_from_record(record, year.meetings[2])
    (a1,) = [a for a in snap.actions if a.ref == "A1"]
    assert a1.meeting == "14 May 2026" and a1.status == "complete"
    own = snapshot_from_record(record, year.meetings[3])
    (a3,) = [a for a in own.actions if a.ref == "A3"]
    assert a3.meeting == "12 November 2026"


def test_minutes_of_the_approving_meeting_record_approval_and_ratification(record, year):
    from secretary.export import snapshot_from_record

    snap = snapshot_from_record(record, year.meetings[1])
    minutes = next(i for i in snap.items if i.standing == "minutes")
    assert minutes.notes.startswith(
        "The minutes of the meeting of 14 May 2026 were approved with the following "
        "amendments: Item 5: the amount agreed was £18,500, not £15,800."
    )
    rd1 = next(i for i in snap.items if i.id == f"od-{year.rd1}")
    assert rd1.notes == (
        "Ratified by the meeting.\n"
        "Health Board authorised signatory: Carys Miles."  # its amount is on the item's line
    )
    # A ratified financial decision is in the financial log with its sum and signatory.
    (line,) = [f for f in snap.financial if f.item.endswith("Extra physiotherapy sessions")]
    assert (line.amount, line.outcome, line.signatory) == (4000.0, "Ratified", "Carys Miles")
    m4 = snapshot_from_record(record, year.meetings[3])
    assert next(i for i in m4.items if i.id == f"od-{year.ua1}").notes == "Noted by the meeting."
