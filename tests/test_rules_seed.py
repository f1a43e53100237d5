"""Every rule of shared/spec/seed-rules.md, under the bundled seed terms."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from rules_helpers import SEED, M, missing, reasons, seed

from secretary.domain.events import EventError, check_event
from secretary.domain.scenario import parse_scenario, replay
from secretary.domain.votes import BLOCKED, CARRIED, CONSENSUS, NOT_CARRIED

CORE = ("lead", "gp1", "gp2", "ph", "cdm", "nurse")

# The worked example of scenario-format.md, verbatim.
WORKED: dict[str, Any] = {
    "meeting": {
        "title": "Upper Valleys Cluster Board",
        "date": "2026-05-14",
        "start": "13:00",
        "venue": "Pontardawe Health Centre",
    },
    "terms": "sbuhb-upper-valleys-2021",
    "people": [
        {"id": "lead", "name": "Dr Rhian Evans", "role": "member", "seat": "cluster-lead"},
        {"id": "gp1", "name": "Dr Owen Price", "role": "member", "seat": "gp-1"},
        {"id": "pm1", "name": "Sian Morgan", "role": "member", "seat": "gp-1"},
        {"id": "gp3", "name": "Dr Ffion Jones", "role": "member", "seat": "gp-3"},
        {"id": "gp4", "name": "Dr Huw Davies", "role": "member", "seat": "gp-4"},
        {"id": "dep-ph", "name": "Alun Hughes", "role": "deputy", "seat": "pharmacy"},
        {
            "id": "cdm",
            "name": "Carys Miles",
            "role": "member",
            "seat": "cluster-development-manager",
        },
        {"id": "nurse", "name": "Eleri Thomas", "role": "member", "seat": "nursing"},
        {"id": "fin", "name": "Gareth Lloyd", "role": "attendee"},
    ],
    "agenda": [
        {"id": "4", "title": "Social prescriber extension", "financial": True, "amount": 18500.00},
        {"id": "5", "title": "Flu campaign communications", "financial": False},
    ],
    "events": [
        {"type": "arrive", "person": "lead", "at": "13:02"},
        {"type": "arrive", "person": "gp1", "mode": "remote"},
        {"type": "arrive", "person": "pm1"},
        {"type": "arrive", "person": "gp3"},
        {"type": "arrive", "person": "dep-ph"},
        {"type": "arrive", "person": "cdm"},
        {"type": "arrive", "person": "nurse"},
        {"type": "arrive", "person": "fin"},
        {"type": "apologies", "person": "gp4"},
        {"type": "proxy", "from": "gp4", "to": "gp1", "item": "4", "direction": "for"},
        {
            "type": "declare",
            "person": "gp3",
            "item": "4",
            "interest": "Partner works for the provider",
            "action": "abstain",
        },
        {"type": "consensus", "item": "5"},
        {
            "type": "vote",
            "item": "4",
            "votes": {
                "lead": "for",
                "gp1": "for",
                "pm1": "for",
                "gp4": "for",
                "dep-ph": "against",
                "cdm": "for",
                "gp3": "for",
            },
        },
    ],
}


def quorate_core(
    extra: dict[str, tuple[str, str | None]] | None = None, items: dict[str, bool] | None = None
) -> M:
    m = seed(extra, items)
    m.arrive(*CORE)
    assert m.q().decision_quorate
    return m


# --------------------------------------------------------------------------- worked example


def test_worked_example_exactly_as_the_spec_states() -> None:
    report = replay(parse_scenario(copy.deepcopy(WORKED), "worked.json"))
    timeline = report["timeline"]
    assert len(timeline) == 13
    # decision quorum is reached at the nurse's arrival (event 6), not before
    assert [t["decision_quorate"] for t in timeline[:7]] == [False] * 6 + [True]
    assert timeline[6]["seats_present"] == 6 and timeline[6]["seats_required"] == 6
    assert timeline[6]["missing"] == []
    # the attendee is not counted; pm1 adds no seat (gp-1 is one seat)
    assert timeline[7]["seats_present"] == 6
    assert timeline[2]["seats_present"] == timeline[1]["seats_present"] == 2
    consensus, vote = report["decisions"]
    assert consensus["item"] == "5" and consensus["kind"] == "consensus"
    assert consensus["status"] == CONSENSUS
    assert consensus["event"] == 11
    assert (consensus["for"], consensus["against"], consensus["abstain"]) == (0, 0, 0)
    assert vote["item"] == "4" and vote["kind"] == "vote" and vote["event"] == 12
    assert vote["status"] == NOT_CARRIED
    assert (vote["for"], vote["against"], vote["abstain"]) == (4, 1, 0)
    assert vote["eligible"] == 6
    assert vote["required"] == 5
    assert vote["rule"] == "financial: for >= ceil(75% of eligible)"
    rejected = {r["voter"]: r["reason"] for r in vote["rejected"]}
    assert set(rejected) == {"pm1", "gp3"}
    assert "already voted" in rejected["pm1"]
    assert "declared interest" in rejected["gp3"]
    assert "needed 5 = 75% of 6 eligible" in vote["statement"]
    assert vote["statement"].startswith("Not carried: 4 for, 1 against, 0 abstentions")


def test_worked_example_file_matches_the_spec() -> None:
    from pathlib import Path

    path = Path(__file__).parent / "scenarios" / "worked-example.json"
    if not path.exists():
        pytest.skip("no scenario file")
    import json

    assert json.loads(path.read_text(encoding="utf-8")) == WORKED


def test_worked_example_ballots() -> None:
    scenario = parse_scenario(copy.deepcopy(WORKED), "worked.json")
    from secretary.domain.meeting import Meeting

    meeting = Meeting(scenario.terms, scenario.setup + scenario.events)
    vote = meeting.decisions[-1]
    by_group = {b.group: b for b in vote.ballots}
    assert set(by_group) == {
        "cluster-lead",
        "gp-1",
        "gp-4",
        "pharmacy",
        "cluster-development-manager",
    }
    assert by_group["gp-4"].by_proxy and by_group["gp-4"].cast_by == "gp1"
    assert by_group["gp-1"].voter == "gp1"
    assert [b.person for b in vote.barred] == ["gp3"]


# --------------------------------------------------------------------------- seats and people


def test_two_people_one_gp_seat_one_vote() -> None:
    m = quorate_core({"pm1": ("member", "gp-1")})
    before = m.q().seats_present
    m.arrive("pm1")
    assert m.q().seats_present == before == 6
    d = m.vote("5", {"gp1": "for", "pm1": "against", "lead": "for"})
    assert (d.for_, d.against) == (2, 0)
    assert "already voted" in reasons(d)["pm1"]
    # the practice manager alone represents the practice
    m.leave("gp1")
    assert "gp-1" in m.m.seats_represented()
    assert m.q().decision_quorate


def test_practice_manager_first_vote_counts() -> None:
    m = quorate_core({"pm1": ("member", "gp-1")})
    m.arrive("pm1")
    d = m.vote("5", {"pm1": "against", "gp1": "for"})
    assert (d.for_, d.against) == (0, 1)
    assert list(reasons(d)) == ["gp1"]
    assert "already cast by PM1" in reasons(d)["gp1"]


def test_attendees_never_counted_and_never_vote() -> None:
    m = seed({"fin": ("attendee", None), "guest": ("attendee", None)})
    m.arrive("lead", "gp1", "gp2", "ph", "cdm", "fin", "guest")
    q = m.q()
    assert q.seats_present == 5
    assert not q.meeting_quorate
    m.arrive("nurse")
    d = m.vote("5", {"fin": "for", "lead": "for"})
    assert d.for_ == 1
    assert "not entitled to vote" in reasons(d)["fin"]
    assert d.eligible == 6


def test_attendee_cannot_hold_a_seat_and_member_needs_one() -> None:
    m = seed()
    with pytest.raises(EventError, match="attendee holds no seat"):
        m.ev("person_added", person="x", name="X", role="attendee", seat="nursing")
    with pytest.raises(EventError, match="needs a seat"):
        m.ev("person_added", person="y", name="Y", role="member")
    with pytest.raises(EventError, match="no seat .podiatry. in the terms"):
        m.ev("person_added", person="z", name="Z", role="deputy", seat="podiatry")


def test_deputies_count_and_vote() -> None:
    m = seed({"dep-ph": ("deputy", "pharmacy")})
    m.arrive("lead", "gp1", "gp2", "cdm", "nurse")
    assert "a contractor (Community Pharmacy, Dental or Optometry)" in missing(m.q())
    m.arrive("dep-ph")
    assert m.q().decision_quorate
    d = m.vote("5", {"dep-ph": "for"})
    assert d.for_ == 1 and not d.rejected
    assert d.ballots[0].group == "pharmacy"


def test_remote_counts_as_present() -> None:
    m = seed()
    m.arrive("lead", "gp1", "gp2", "ph", "cdm")
    m.arrive("nurse", mode="remote")
    assert m.q().decision_quorate
    assert m.m.attendance["nurse"].remote
    d = m.vote("5", {"nurse": "for"})
    assert d.for_ == 1


def test_switching_mode_keeps_presence() -> None:
    m = quorate_core()
    m.arrive("nurse", mode="remote")
    assert m.m.is_present("nurse")
    assert m.q().decision_quorate


# --------------------------------------------------------------------------- quorum


def test_meeting_quorum_is_a_third_of_seats_rounded_up() -> None:
    m = seed({"med": ("member", "medicines-management")})
    m.arrive("nurse", "med", "ph", "cdm", "gp1")
    q = m.q()
    assert (q.seats_present, q.seats_required) == (5, 6)
    assert not q.meeting_quorate
    assert "1 more seat" in missing(q)
    m.arrive("gp2")
    q = m.q()
    assert q.meeting_quorate
    assert not q.decision_quorate  # no cluster lead
    assert missing(q) == ["the Cluster Lead"]
    assert q.state == "quorate"


def test_empty_room_says_how_many_seats() -> None:
    m = seed()
    q = m.q()
    assert q.state == "not_quorate"
    assert missing(q)[0] == "6 seats"


def test_late_arrival_restores_quorum() -> None:
    m = seed()
    m.arrive("lead", "gp1", "gp2", "ph", "cdm")
    assert not m.q().meeting_quorate
    d = m.vote("5", {"lead": "for", "gp1": "for", "gp2": "for"})
    assert d.status == BLOCKED
    m.arrive("nurse")
    assert m.q().decision_quorate
    d = m.vote("5", {"lead": "for", "gp1": "for", "gp2": "for"})
    assert d.status == CARRIED


def test_leaving_loses_quorum() -> None:
    m = quorate_core()
    m.leave("nurse")
    q = m.q()
    assert not q.meeting_quorate and not q.decision_quorate
    assert m.vote("5", {"lead": "for"}).status == BLOCKED
    m.arrive("nurse")  # back again
    assert m.q().decision_quorate


@pytest.mark.parametrize(
    ("absent", "needs"),
    [
        ("lead", "the Cluster Lead"),
        ("gp2", "1 more GP practice"),
        ("ph", "a contractor (Community Pharmacy, Dental or Optometry)"),
        ("cdm", "a Health Board signatory (Head of Service or Cluster Development Manager)"),
    ],
)
def test_each_decision_quorum_clause(absent: str, needs: str) -> None:
    m = seed({"med": ("member", "medicines-management")})
    m.arrive(*(p for p in CORE if p != absent), "med")
    q = m.q()
    assert q.meeting_quorate and not q.decision_quorate
    assert missing(q) == [needs]
    assert needs in q.explanation().render("en")


def test_decision_quorum_alternatives() -> None:
    m = seed(
        {
            "dent": ("member", "dental"),
            "hos": ("member", "pcts-senior-manager"),
            "gp3": ("member", "gp-3"),
        }
    )
    m.arrive("lead", "gp3", "gp2", "dent", "hos", "nurse")
    assert m.q().decision_quorate


def test_words_for_what_is_missing() -> None:
    m = seed(
        {
            "med": ("member", "medicines-management"),
            "mh": ("member", "mental-health"),
            "ts": ("member", "third-sector"),
        }
    )
    m.arrive("lead", "gp1", "ph", "nurse", "med", "mh", "ts")
    text = m.q().explanation().render("en")
    assert text.startswith("Quorate, but not for decisions: ")
    assert "needs 1 more GP practice" in text
    assert "needs a Health Board signatory" in text


def test_no_gp_practices_says_two() -> None:
    m = seed({"med": ("member", "medicines-management"), "mh": ("member", "mental-health")})
    m.arrive("lead", "ph", "cdm", "nurse", "med", "mh")
    assert "2 GP practices" in missing(m.q())


def test_withdrawal_makes_the_item_inquorate_while_the_meeting_stays_quorate() -> None:
    m = quorate_core()
    m.declare("nurse", "4", "withdraw")
    assert m.q().decision_quorate
    assert m.q("5").decision_quorate
    q4 = m.q("4")
    assert not q4.meeting_quorate and q4.seats_present == 5
    d = m.vote("4", {p: "for" for p in CORE})
    assert d.status == BLOCKED
    assert "nurse" in reasons(d)
    assert "No decision could be taken" in d.statement(m.m).render("en")
    assert m.vote("5", {p: "for" for p in CORE}).status == CARRIED


def test_withdrawal_of_the_lead_blocks_only_that_item() -> None:
    m = quorate_core({"med": ("member", "medicines-management")})
    m.arrive("med")
    m.declare("lead", "4", "withdraw")
    assert missing(m.q("4")) == ["the Cluster Lead"]
    assert m.consensus("4").status == BLOCKED
    assert m.consensus("5").status == CONSENSUS


def test_declaration_for_every_item() -> None:
    m = quorate_core()
    m.declare("nurse", None, "withdraw")
    assert not m.q("4").meeting_quorate and not m.q("5").meeting_quorate
    assert m.q().meeting_quorate  # the meeting as a whole, no item in focus


def test_abstain_stays_in_quorum_withdraw_does_not() -> None:
    m = quorate_core()
    m.declare("nurse", "4", "abstain")
    q = m.q("4")
    assert q.decision_quorate and q.seats_present == 6
    d = m.vote("4", {p: "for" for p in CORE})
    assert d.status == CARRIED
    assert "declared interest" in reasons(d)["nurse"]
    assert d.abstain == 0  # barred is not an abstention
    assert [(b.person, b.action) for b in d.barred] == [("nurse", "abstain")]
    assert d.eligible == 5 and d.for_ == 5
    assert "did not vote, having declared an interest" in d.statement(m.m).render("en")
    m.declare("nurse", "5", "withdraw")
    assert m.q("5").seats_present == 5
    assert not m.q("5").meeting_quorate


def test_declaration_none_may_still_vote() -> None:
    m = quorate_core()
    m.declare("nurse", "4", "none")
    d = m.vote("4", {p: "for" for p in CORE})
    assert not d.rejected and d.for_ == 6 and d.barred == []


def test_withdraw_is_stronger_than_abstain() -> None:
    m = quorate_core()
    m.declare("nurse", "4", "abstain").declare("nurse", "4", "withdraw")
    assert not m.q("4").meeting_quorate
    d = m.vote("4", {"nurse": "for"})
    assert reasons(d)["nurse"] == "withdrew: declared interest"


# --------------------------------------------------------------------------- one vote a group


def test_one_vote_per_group_first_counts_later_refused_with_reason() -> None:
    m = quorate_core({"pm2": ("member", "gp-2")})
    m.arrive("pm2")
    d = m.vote("5", {"gp2": "against", "lead": "for", "pm2": "for"})
    assert (d.for_, d.against) == (1, 1)
    assert reasons(d) == {
        "pm2": "group already voted: GP practice 2 has one vote, already cast by GP2"
    }
    assert len(d.ballots) == len({b.group for b in d.ballots})


def test_therapies_seats_share_one_vote() -> None:
    m = quorate_core({"th1": ("member", "therapies-1"), "th2": ("member", "therapies-2")})
    before = m.q().seats_present
    m.arrive("th1", "th2")
    assert m.q().seats_present == before + 2  # seats are counted, not votes
    d = m.vote("5", {"th1": "for", "th2": "against"})
    assert (d.for_, d.against) == (1, 0)
    assert "Therapies has one vote" in reasons(d)["th2"]
    assert d.eligible == 7  # 6 core groups + therapies


def test_same_person_twice_in_one_vote_is_impossible_but_votes_in_order() -> None:
    m = quorate_core()
    d = m.vote("5", {"nurse": "against", "lead": "for", "gp1": "for"})
    assert [b.voter for b in d.ballots] == ["nurse", "lead", "gp1"]


def test_absent_voter_without_proxy_refused() -> None:
    m = quorate_core({"gp4": ("member", "gp-4")})
    d = m.vote("5", {"gp4": "for"})
    assert "not present" in reasons(d)["gp4"]


# --------------------------------------------------------------------------- the counts


def test_non_financial_three_two_carried_two_two_not() -> None:
    m = quorate_core()
    d = m.vote("5", {"lead": "for", "gp1": "for", "gp2": "for", "ph": "against", "cdm": "against"})
    assert d.status == CARRIED and d.required == 3 and d.base == 5
    d = m.vote(
        "5", {"lead": "for", "gp1": "for", "ph": "against", "cdm": "against", "nurse": "abstain"}
    )
    assert d.status == NOT_CARRIED and d.required == 3 and d.abstain == 1
    assert d.tie


def test_tie_not_carried_and_no_casting_vote_under_seed_terms() -> None:
    m = quorate_core()
    d = m.vote("5", {"lead": "for", "gp1": "against"}, casting="for")
    assert d.status == NOT_CARRIED and d.tie
    assert d.casting is None
    assert "no casting vote" in reasons(d)["casting"]
    assert "The votes were tied, so the proposal was not carried." in d.statement(m.m).render("en")


def test_all_abstain_non_financial_no_division_by_zero() -> None:
    m = quorate_core()
    d = m.vote("5", {p: "abstain" for p in CORE})
    assert d.status == NOT_CARRIED
    assert (d.for_, d.against, d.abstain, d.base, d.required) == (0, 0, 6, 0, 1)
    assert not d.tie
    d.statement(m.m).render("en")


def test_abstentions_are_not_votes_cast_non_financial() -> None:
    m = quorate_core()
    d = m.vote(
        "5", {"lead": "for", "gp1": "abstain", "gp2": "abstain", "ph": "abstain", "cdm": "abstain"}
    )
    assert d.status == CARRIED and d.base == 1 and d.required == 1


def test_empty_vote_not_carried() -> None:
    m = quorate_core()
    d = m.vote("5", {})
    assert d.status == NOT_CARRIED and d.required == 1


def financial_room(n_eligible: int) -> tuple[M, list[str]]:
    """A decision-quorate room with exactly ``n_eligible`` eligible groups."""
    extra = {
        "dent": ("member", "dental"),
        "opt": ("member", "optometry"),
        "hos": ("member", "pcts-senior-manager"),
        "med": ("member", "medicines-management"),
    }
    m = quorate_core(extra)
    people = list(CORE) + list(extra)
    if n_eligible >= len(CORE):
        m.arrive(*people[len(CORE) : n_eligible])
        present = people[:n_eligible]
    else:  # present people barred from voting stay in the quorum but are not eligible
        present = list(CORE)
        for p in present[n_eligible:]:
            m.declare(p, "4", "abstain")
    assert m.q("4").decision_quorate
    return m, present


@pytest.mark.parametrize(("eligible", "needed"), [(4, 3), (5, 4), (6, 5), (8, 6), (10, 8)])
def test_financial_rounding_exactly_at_the_threshold(eligible: int, needed: int) -> None:
    m, present = financial_room(eligible)
    voters = present[:eligible]
    d = m.vote("4", {p: ("for" if i < needed else "against") for i, p in enumerate(voters)})
    assert d.eligible == eligible and d.required == needed
    assert d.status == CARRIED
    d = m.vote("4", {p: ("for" if i < needed - 1 else "against") for i, p in enumerate(voters)})
    assert d.status == NOT_CARRIED and d.required == needed


def test_financial_abstentions_and_silent_groups_count_against() -> None:
    m = quorate_core()
    d = m.vote(
        "4",
        {
            "lead": "for",
            "gp1": "for",
            "gp2": "for",
            "ph": "for",
            "cdm": "abstain",
            "nurse": "abstain",
        },
    )
    assert d.status == NOT_CARRIED and d.against == 0 and d.required == 5
    d = m.vote("4", {"lead": "for", "gp1": "for", "gp2": "for", "ph": "for"})
    assert d.status == NOT_CARRIED and d.eligible == 6
    d = m.vote("4", {"lead": "for", "gp1": "for", "gp2": "for", "ph": "for", "cdm": "for"})
    assert d.status == CARRIED
    assert d.statement(m.m).render("en") == (
        "Carried: 5 for, 0 against, 0 abstentions; needed 5 = 75% of 6 eligible."
    )


def test_the_minutes_print_the_rule() -> None:
    m = quorate_core()
    d = m.vote("5", {"lead": "for", "gp1": "for", "gp2": "against"})
    assert d.rule_text == "non-financial: for > 50% of votes cast (for + against)"
    assert "needed 2 = more than 50% of 3 votes cast (for + against)" in d.statement(m.m).render(
        "en"
    )


# --------------------------------------------------------------------------- proxies


def proxy_room(**extra: tuple[str, str | None]) -> M:
    m = quorate_core({"gp4": ("member", "gp-4"), **extra})
    m.apologies("gp4")
    return m


def test_directed_proxy_cast_as_directed_only() -> None:
    m = proxy_room().proxy("gp4", "gp1", direction="for")
    d = m.vote("5", {"gp4": "against"})
    assert "against its direction" in reasons(d)["gp4"]
    assert d.eligible == 7  # the proxy is in force, so gp-4 is eligible
    d = m.vote("5", {"gp4": "for"})
    assert d.for_ == 1 and d.ballots[0].by_proxy and d.ballots[0].cast_by == "gp1"
    assert "Includes 1 proxy vote." in d.statement(m.m).render("en")


def test_undirected_proxy_any_choice() -> None:
    m = proxy_room().proxy("gp4", "gp1")
    d = m.vote("5", {"gp4": "abstain"})
    assert d.abstain == 1 and not d.rejected


def test_proxy_for_one_item_only() -> None:
    m = proxy_room().proxy("gp4", "gp1", item="4")
    assert m.vote("4", {"gp4": "for"}).for_ == 1
    d = m.vote("5", {"gp4": "for"})
    assert d.for_ == 0 and "no proxy registered" in reasons(d)["gp4"]
    assert d.eligible == 6


def test_proxy_for_all_items() -> None:
    m = proxy_room().proxy("gp4", "gp1")
    assert m.vote("4", {"gp4": "for"}).for_ == 1
    assert m.vote("5", {"gp4": "for"}).for_ == 1


def test_later_proxy_replaces_earlier() -> None:
    m = proxy_room().proxy("gp4", "gp1", direction="for").proxy("gp4", "gp2", direction="against")
    d = m.vote("5", {"gp4": "against"})
    assert d.against == 1 and d.ballots[0].cast_by == "gp2"


def test_proxy_registered_before_the_meeting() -> None:
    m = seed({"gp4": ("member", "gp-4")})
    m.proxy("gp4", "gp1", direction="for")
    m.arrive(*CORE)
    assert m.vote("5", {"gp4": "for"}).for_ == 1


def test_proxy_holder_absent() -> None:
    m = proxy_room().proxy("gp4", "nurse")
    m.arrive("nurse")
    m.leave("nurse")
    d = m.vote("5", {"gp4": "for"})
    assert "is not present" in reasons(d)["gp4"]


def test_proxy_holder_withdrawn() -> None:
    m = proxy_room(med=("member", "medicines-management")).proxy("gp4", "nurse")
    m.arrive("med")
    m.declare("nurse", "5", "withdraw")
    d = m.vote("5", {"gp4": "for"})
    assert "withdrew" in reasons(d)["gp4"]
    assert d.eligible == 6  # core minus nurse, plus med; gp-4 not eligible


def test_proxy_holder_abstaining() -> None:
    m = proxy_room().proxy("gp4", "nurse")
    m.declare("nurse", "5", "abstain")
    d = m.vote("5", {"gp4": "for"})
    assert "declared an interest" in reasons(d)["gp4"]


def test_proxy_holder_attendee_is_not_a_voter() -> None:
    m = proxy_room(fin=("attendee", None)).proxy("gp4", "fin")
    m.arrive("fin")
    d = m.vote("5", {"gp4": "for"})
    assert "not entitled to vote" in reasons(d)["gp4"]


def test_proxy_not_in_force_when_grantor_group_present_in_person() -> None:
    m = proxy_room(pm4=("member", "gp-4")).proxy("gp4", "gp1")
    m.arrive("pm4")
    d = m.vote("5", {"gp4": "for", "pm4": "against"})
    assert "represented in person" in reasons(d)["gp4"]
    assert d.against == 1 and d.for_ == 0


def test_proxy_not_in_force_when_grantor_arrives() -> None:
    m = proxy_room().proxy("gp4", "gp1")
    m.arrive("gp4")
    d = m.vote("5", {"gp4": "for"})
    assert d.for_ == 1 and not d.ballots[0].by_proxy


@pytest.mark.parametrize(
    ("action", "castable"), [("abstain", False), ("withdraw", False), ("none", True)]
)
def test_grantor_declared_in_advance(action: str, castable: bool) -> None:
    m = proxy_room().proxy("gp4", "gp1")
    m.declare("gp4", "4", action)
    d = m.vote("4", {"gp4": "for"})
    assert (d.for_ == 1) is castable
    if not castable:
        assert "grantor declared an interest" in reasons(d)["gp4"]
        assert d.eligible == 6
    else:
        assert d.eligible == 7
    # the declaration was for item 4 only
    assert m.vote("5", {"gp4": "for"}).for_ == 1


def test_proxies_never_count_to_quorum() -> None:
    m = seed({"gp4": ("member", "gp-4")})
    m.arrive("lead", "gp1", "ph", "cdm", "nurse")
    m.proxy("gp4", "gp1").proxy("gp2", "lead")
    q = m.q()
    assert q.seats_present == 5 and not q.meeting_quorate
    d = m.vote("5", {"gp4": "for", "gp2": "for", "lead": "for"})
    assert d.status == BLOCKED


# --------------------------------------------------------------------------- blocked


def test_consensus_blocked_when_inquorate() -> None:
    m = seed()
    m.arrive("lead", "gp1", "gp2", "ph", "cdm")
    d = m.consensus("5")
    assert d.status == BLOCKED and not d.carried
    assert (d.for_, d.against, d.abstain) == (0, 0, 0)
    m.arrive("nurse")
    assert m.consensus("5").status == CONSENSUS


def test_consensus_blocked_when_only_meeting_quorate() -> None:
    m = seed({"med": ("member", "medicines-management")})
    m.arrive("gp1", "gp2", "ph", "cdm", "nurse", "med")
    assert m.q().meeting_quorate
    assert m.consensus("5").status == BLOCKED


def test_vote_blocked_when_inquorate_whatever_the_tally() -> None:
    m = seed()
    m.arrive("lead", "gp1", "gp2", "ph", "cdm")
    d = m.vote("5", {"lead": "for", "gp1": "for", "gp2": "for", "ph": "for", "cdm": "for"})
    assert d.status == BLOCKED and d.for_ == 5 and not d.carried and not d.taken


# --------------------------------------------------------------------------- retract


def test_retract_undoes_an_event_and_retract_of_retract_restores_it() -> None:
    m = seed()
    m.arrive("lead", "gp1", "gp2", "ph", "cdm")
    m.m.apply(check_event({"type": "arrive", "person": "nurse", "id": "arr-nurse"}))
    assert m.q().decision_quorate
    m.m.apply(check_event({"type": "retract", "target": "arr-nurse", "id": "undo-1"}))
    assert not m.q().meeting_quorate
    assert not m.m.is_present("nurse")
    m.m.apply(check_event({"type": "retract", "target": "undo-1", "id": "redo-1"}))
    assert m.q().decision_quorate
    m.m.apply(check_event({"type": "retract", "target": "redo-1"}))
    assert not m.q().meeting_quorate


def test_retract_a_vote_removes_its_decision() -> None:
    m = quorate_core()
    m.m.apply(check_event({"type": "vote", "item": "5", "votes": {"lead": "for"}, "id": "v1"}))
    assert len(m.m.decisions) == 1
    m.m.apply(check_event({"type": "retract", "target": "v1"}))
    assert m.m.decisions == []
    assert len(m.m.events) > 0  # the log itself is untouched


def test_retract_a_declaration_reinstates_the_vote() -> None:
    m = quorate_core()
    m.m.apply(
        check_event(
            {
                "type": "declare",
                "person": "nurse",
                "item": "4",
                "interest": "x",
                "action": "withdraw",
                "id": "d1",
            }
        )
    )
    assert not m.q("4").meeting_quorate
    m.m.apply(check_event({"type": "retract", "target": "d1"}))
    assert m.q("4").decision_quorate


def test_retract_of_unknown_event_is_an_error() -> None:
    m = quorate_core()
    with pytest.raises(EventError, match="no event"):
        m.ev("retract", target="nope")


def test_retract_of_a_leave_keeps_the_person_present() -> None:
    m = quorate_core()
    m.m.apply(check_event({"type": "leave", "person": "nurse", "id": "l1"}))
    assert not m.q().meeting_quorate
    m.m.apply(check_event({"type": "retract", "target": "l1"}))
    assert m.q().decision_quorate


# --------------------------------------------------------------------------- outside the meeting


def test_terms_carry_the_deadlines_and_attendance_requirements() -> None:
    t = M(SEED).terms
    assert t.deadlines["papers_days_before"] == 5
    assert t.deadlines["minutes_days_after"] == 7
    assert t.attendance_requirements["gp-practice"] == 5


def test_financial_log_entries_are_recorded() -> None:
    m = quorate_core()
    m.ev(
        "financial_entry", item="4", amount=18500.0, signatory="cdm", budget_line="Cluster funding"
    )
    (entry,) = m.m.financial
    assert (entry.item, entry.amount, entry.signatory) == ("4", 18500.0, "cdm")


def test_retract_that_later_events_depend_on_is_refused_state_unchanged() -> None:
    m = quorate_core()
    m.m.apply(
        check_event(
            {
                "type": "person_added",
                "person": "x",
                "name": "X",
                "role": "member",
                "seat": "dental",
                "id": "p1",
            }
        )
    )
    m.arrive("x")
    retract = check_event({"type": "retract", "target": "p1"})
    with pytest.raises(EventError, match="later ones depend on it"):
        m.m.check(retract)
    n = len(m.m.events)
    with pytest.raises(EventError, match="unknown person 'x'"):
        m.m.apply(retract)
    assert len(m.m.events) == n
    assert m.m.is_present("x") and m.q().seats_present == 7


def test_retract_of_a_person_nobody_refers_to_is_allowed() -> None:
    m = quorate_core()
    m.m.apply(
        check_event(
            {
                "type": "person_added",
                "person": "x",
                "name": "X",
                "role": "member",
                "seat": "dental",
                "id": "p1",
            }
        )
    )
    m.m.apply(check_event({"type": "retract", "target": "p1"}))
    assert "x" not in m.m.people


def test_the_explanation_says_the_seats_once() -> None:
    """The banner said "0 seats represented of 6 needed; needs 6 seats": the seats
    are said as counted of needed, not again among what is needed."""
    m = seed({})
    text = m.q().explanation().render("en")
    assert text.startswith("Not quorate: 0 seats represented of 6 needed; needs the Cluster Lead")
    assert "needs 6 seats" not in text and "more seat" not in text
    assert "angen 6 sedd" not in m.q().explanation().render("cy")
    # The list of what is missing (the replay's "missing") still has the seats.
    assert "6 seats" in missing(m.q())
    # Only a seat short: the sentence ends there.
    m.arrive(*(p for p in CORE if p != "nurse"))
    assert m.q().explanation().render("en") == "Not quorate: 5 seats represented of 6 needed."
