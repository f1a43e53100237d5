"""The domain's public queries: who casts each group's vote, what a tally would do,
whether a financial-log entry may be made, attendance status, roster order, and the
meeting after undo/redo. The window and the exports ask these; none re-derives them."""

from __future__ import annotations

from secretary.domain import presence
from secretary.domain.events import check_event
from secretary.domain.finance import authorised_signatories, financial_entry_problem
from secretary.domain.presence import attendance_status, register_status, roster_order
from secretary.domain.votes import (
    BLOCKED,
    CARRIED,
    NO_VOTES,
    NOT_CARRIED,
    decisions_differ,
    group_voters,
    tally,
    votes_short,
)
from tests.rules_helpers import seed


def quorate() -> object:
    return seed({"pm1": ("member", "gp-3"), "dent": ("member", "dental")}).arrive(
        "lead", "gp1", "gp2", "ph", "cdm", "nurse"
    )


def by_group(m: object, item: str) -> dict[str, object]:
    return {g.group: g for g in group_voters(m.m, item)}  # type: ignore[attr-defined]


def test_group_voters_present_proxy_and_why_nobody() -> None:
    m = seed({"dent": ("member", "dental"), "gp3": ("member", "gp-3")})
    m.arrive("lead", "gp1", "gp2", "ph", "cdm", "nurse")
    m.proxy("dent", "ph", direction="for")
    m.declare("gp1", "4", "withdraw")
    groups = by_group(m, "4")
    lead = groups["cluster-lead"]
    assert (lead.voter, lead.cast_by, lead.by_proxy) == ("lead", ("lead",), False)
    dental = groups["dental"]
    assert (dental.voter, dental.cast_by, dental.by_proxy, dental.direction) == (
        "dent",
        ("ph",),
        True,
        "for",
    )
    gp1 = groups["gp-1"]
    assert gp1.voter is None and not gp1.can_vote
    assert [(u.person, u.declared) for u in gp1.unable] == [("gp1", "withdraw")]
    assert groups["gp-3"].voter is None and groups["gp-3"].unable == ()


def test_group_voters_agree_with_the_count() -> None:
    """Every voter the query offers is counted; a group it says nobody can cast is not."""
    m = seed({"dent": ("member", "dental")})
    m.arrive("lead", "gp1", "gp2", "ph", "cdm", "nurse")
    m.proxy("dent", "ph")
    m.declare("nurse", "4", "abstain")
    offered = {g.voter: "for" for g in group_voters(m.m, "4") if g.voter}
    decision = tally(m.m, "4", offered)
    assert not decision.rejected
    assert decision.for_ == len(offered)
    assert "nurse" not in offered


def test_tally_effect_is_never_carried_without_decision_quorum() -> None:
    m = seed().arrive("lead", "gp1", "ph", "nurse", "cdm")  # one GP practice only
    d = tally(m.m, "4", {"lead": "for", "gp1": "for", "ph": "for", "nurse": "for"})
    assert d.for_ >= d.required  # the numbers alone would carry it
    assert d.effect == BLOCKED
    assert votes_short(d) is None


def test_tally_effect_carried_not_carried_and_no_votes() -> None:
    m = seed().arrive("lead", "gp1", "gp2", "ph", "cdm", "nurse")
    assert tally(m.m, "5", {}).effect == NO_VOTES
    carried = tally(m.m, "5", {p: "for" for p in ("lead", "gp1", "gp2", "ph")})
    assert carried.effect == CARRIED and votes_short(carried) == 0
    lost = tally(m.m, "5", {"lead": "for", "gp1": "against", "gp2": "against"})
    assert lost.effect == NOT_CARRIED and votes_short(lost) == lost.required - 1
    assert m.m.events and not m.m.decisions  # nothing recorded


def test_financial_entry_needs_a_standing_decision_and_a_present_signatory() -> None:
    m = seed({"pcts": ("member", "pcts-senior-manager")})
    m.arrive("lead", "gp1", "gp2", "ph", "cdm", "nurse")
    assert [p.id for p in authorised_signatories(m.m)] == ["cdm", "pcts"]  # present first
    assert financial_entry_problem(m.m, "5", "cdm") is not None  # not a financial item
    before = financial_entry_problem(m.m, "4", "cdm")
    assert before is not None and "decision" in before.render("en")
    assert financial_entry_problem(m.m, "4") is not None  # the item alone: no
    m.vote("4", {"lead": "against", "gp1": "against", "gp2": "against", "ph": "against"})
    assert financial_entry_problem(m.m, "4", "cdm") is not None  # not carried
    m.vote("4", {p: "for" for p in ("lead", "gp1", "gp2", "ph", "cdm", "nurse")})
    assert financial_entry_problem(m.m, "4", "cdm") is None
    assert financial_entry_problem(m.m, "4") is None  # the item can take an entry
    assert financial_entry_problem(m.m, "4", "CDM") is None  # by name, any case
    absent = financial_entry_problem(m.m, "4", "pcts")
    assert absent is not None and "not present" in absent.render("en")
    stranger = financial_entry_problem(m.m, "4", "Someone Else")
    assert stranger is not None and "not a Health Board" in stranger.render("en")


def test_financial_entry_on_a_ratified_outside_decision() -> None:
    m = seed(items={"od-1": True})
    m.arrive("lead", "gp1", "gp2", "ph", "cdm", "nurse")
    assert financial_entry_problem(m.m, "od-1", "cdm") is not None
    m.ev("ratify", decision="uuid-1", outcome="ratified", item="od-1")
    assert financial_entry_problem(m.m, "od-1", "cdm") is None


def test_attendance_status_codes() -> None:
    m = seed({"dent": ("member", "dental"), "opt": ("member", "optometry")})
    m.arrive("lead", "gp1")
    m.arrive("gp2", mode="remote")
    m.arrive("ph").leave("ph")
    m.apologies("dent")
    m.declare("lead", "4", "withdraw")
    m.declare("gp1", "4", "abstain")
    st = {pid: attendance_status(m.m, pid, "4") for pid in m.m.people}
    assert st["lead"].code == presence.WITHDRAWN
    assert (st["gp1"].code, st["gp1"].abstains) == (presence.PRESENT, True)
    assert st["gp2"].code == presence.REMOTE
    assert st["ph"].code == presence.LEFT
    assert st["dent"].code == presence.APOLOGIES
    assert st["opt"].code == presence.ABSENT
    assert attendance_status(m.m, "lead", None).code == presence.PRESENT
    assert register_status(m.m, "gp2") == presence.REGISTER_REMOTE
    assert register_status(m.m, "ph") == presence.REGISTER_PRESENT
    assert register_status(m.m, "dent") == presence.REGISTER_APOLOGIES


def test_roster_order_seats_then_deputies_then_attendees() -> None:
    m = seed(
        {
            "guest": ("attendee", None),
            "dep": ("deputy", "gp-1"),
        }
    )
    order = [p.id for p in roster_order(m.m)]
    assert order.index("lead") < order.index("gp1") < order.index("dep") < order.index("gp2")
    assert order[-1] == "guest"


def test_with_events_is_a_trial_and_undo_target_skips_navigation() -> None:
    m = seed().arrive("lead", "gp1", "gp2", "ph", "cdm", "nurse")
    m.vote("4", {p: "for" for p in ("lead", "gp1", "gp2", "ph")})
    m.ev("focus", item="4")
    m.ev("note", item="4", text="notes")
    target = m.m.undo_target()
    assert target is not None and target.type == "vote"
    undo = check_event({"type": "retract", "target": target.id})
    trial = m.m.with_events([undo])
    assert not trial.decisions and len(m.m.decisions) == 1  # the meeting is unchanged
    assert decisions_differ(m.m, trial)
    leave_gp2 = check_event({"type": "leave", "person": "gp2"})
    assert not decisions_differ(m.m, m.m.with_events([leave_gp2]))
