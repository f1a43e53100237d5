"""The other bundled Terms of Reference: a Health Board committee and a unanimous body."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from rules_helpers import M, missing, reasons

from secretary.domain.events import EventError
from secretary.domain.scenario import parse_scenario, replay
from secretary.domain.terms import bundled_terms_dir, parse_terms
from secretary.domain.votes import BLOCKED, CARRIED, CONSENSUS, NOT_CARRIED

HB = "hb-committee-example"
UN = "unanimity-example"

HB_PEOPLE: dict[str, tuple[str, str | None]] = {
    "chair": ("member", "chair"),
    "vc": ("member", "vice-chair"),
    "ind1": ("member", "independent-1"),
    "ind2": ("member", "independent-2"),
    "ind3": ("member", "independent-3"),
    "don": ("member", "director-of-nursing"),
    "md": ("member", "medical-director"),
    "dot": ("member", "director-of-therapies"),
    "coo": ("member", "director-of-operations"),
    "dep-md": ("deputy", "medical-director"),
    "sec": ("attendee", None),
}


def hb(terms: Any = HB) -> M:
    return M(terms, HB_PEOPLE, {"1": False, "2": True})


def hb_data() -> dict[str, Any]:
    return tomllib.loads((bundled_terms_dir() / f"{HB}.toml").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- HB committee quorum


def test_hb_quorum_chair_officer_independent_and_a_third() -> None:
    m = hb().arrive("chair", "don")
    q = m.q()
    assert not q.meeting_quorate and q.seats_required == 3
    assert missing(q) == ["1 more seat"]
    m.arrive("ind1")
    assert m.q().decision_quorate
    assert m.q().state == "decisions"


def test_hb_chair_counts_as_the_independent_member() -> None:
    m = hb().arrive("chair", "don", "md")
    assert m.q().decision_quorate


def test_hb_vice_chair_in_place_of_the_chair() -> None:
    m = hb().arrive("vc", "md", "ind2")
    assert m.q().decision_quorate


def test_hb_needs_chair_or_vice_chair() -> None:
    m = hb().arrive("ind1", "ind2", "ind3", "don", "md")
    q = m.q()
    assert not q.meeting_quorate and not q.decision_quorate
    assert missing(q) == ["the Chair or the Vice-Chair"]
    assert "needs the Chair or the Vice-Chair" in q.explanation().render("en")


def test_hb_needs_an_officer() -> None:
    m = hb().arrive("chair", "vc", "ind1", "ind2")
    assert missing(m.q()) == ["1 executive officer"]


def test_hb_needs_an_independent_member() -> None:
    data = hb_data()
    # without the any_of clause, officers alone are a third but lack an independent member
    data["quorum"]["clauses"] = data["quorum"]["clauses"][1:]
    m = hb(parse_terms(data, "hb-variant.toml")).arrive("don", "md", "dot")
    assert missing(m.q()) == ["1 independent member"]


def test_hb_officers_only_lack_chair_and_independent() -> None:
    m = hb().arrive("don", "md", "dot", "coo")
    assert missing(m.q()) == ["the Chair or the Vice-Chair", "1 independent member"]


def test_hb_deputy_officer_counts_and_votes() -> None:
    m = hb().arrive("chair", "ind1", "dep-md")
    assert m.q().decision_quorate
    d = m.vote("1", {"dep-md": "for", "chair": "for", "ind1": "against"})
    assert d.status == CARRIED and not d.rejected


def test_hb_independent_seats_take_no_deputy() -> None:
    m = hb()
    with pytest.raises(EventError, match="takes no deputy"):
        m.ev("person_added", person="dep-ind", name="D", role="deputy", seat="independent-1")


def test_hb_secretariat_not_counted() -> None:
    m = hb().arrive("chair", "don", "sec")
    assert m.q().seats_present == 2


def test_hb_withdrawal_of_the_only_officer_makes_the_item_inquorate() -> None:
    m = hb().arrive("chair", "ind1", "ind2", "don")
    m.declare("don", "2", "withdraw")
    assert m.q().decision_quorate and not m.q("2").decision_quorate
    assert m.consensus("2").status == BLOCKED
    assert m.consensus("1").status == CONSENSUS


# --------------------------------------------------------------------------- HB committee votes


def quorate_hb() -> M:
    return hb().arrive("chair", "vc", "ind1", "ind2", "don", "md", "dot")


@pytest.mark.parametrize("item", ["1", "2"])
def test_hb_majority_of_present_and_voting(item: str) -> None:
    m = quorate_hb()
    d = m.vote(
        item, {"chair": "for", "vc": "for", "ind1": "for", "ind2": "against", "don": "against"}
    )
    assert d.status == CARRIED and d.required == 3
    d = m.vote(
        item,
        {
            "chair": "for",
            "vc": "for",
            "ind1": "against",
            "ind2": "abstain",
            "don": "abstain",
            "md": "abstain",
            "dot": "abstain",
        },
    )
    assert d.status == CARRIED and d.base == 3 and d.required == 2


def test_hb_proxies_not_allowed() -> None:
    m = quorate_hb().proxy("coo", "don")
    d = m.vote("1", {"coo": "for"})
    assert "allow no proxy votes" in reasons(d)["coo"]


def test_hb_tie_with_casting_vote_for_is_carried() -> None:
    m = quorate_hb()
    d = m.vote(
        "1", {"chair": "for", "vc": "for", "ind1": "against", "ind2": "against"}, casting="for"
    )
    assert d.tie
    assert d.casting == ("chair", "for")
    assert d.status == CARRIED
    assert not d.rejected
    text = d.statement(m.m).render("en")
    assert text.startswith("Carried: 2 for, 2 against, 0 abstentions")
    assert "casting vote" in text and "CHAIR" in text


def test_hb_tie_with_casting_vote_against_is_not_carried() -> None:
    m = quorate_hb()
    d = m.vote("2", {"chair": "for", "vc": "against", "md": "abstain"}, casting="against")
    assert d.casting == ("chair", "against") and d.status == NOT_CARRIED
    text = d.statement(m.m).render("en")
    assert "Not carried: 1 for, 1 against, 1 abstention" in text
    assert "casting vote against" in text


def test_hb_tie_without_casting_vote_is_not_carried() -> None:
    m = quorate_hb()
    d = m.vote("1", {"chair": "for", "vc": "against"})
    assert d.tie and d.casting is None and d.status == NOT_CARRIED
    assert "tied, so the proposal was not carried" in d.statement(m.m).render("en")


def test_hb_casting_refused_when_not_a_tie() -> None:
    m = quorate_hb()
    d = m.vote("1", {"chair": "for", "vc": "for", "ind1": "against"}, casting="against")
    assert d.casting is None and d.status == CARRIED
    assert "not tied" in reasons(d)["casting"]
    d = m.vote("1", {"chair": "abstain", "vc": "abstain"}, casting="for")
    assert d.casting is None and d.status == NOT_CARRIED
    # 0-0 is not "not tied": nothing was cast for or against
    assert reasons(d)["casting"] == "casting vote refused: no votes were cast for or against"


def test_hb_vice_chair_gives_the_casting_vote_in_the_chairs_absence() -> None:
    m = hb().arrive("vc", "ind1", "don", "md")
    d = m.vote("1", {"vc": "for", "ind1": "for", "don": "against", "md": "against"}, casting="for")
    assert d.casting == ("vc", "for") and d.status == CARRIED


def test_hb_vice_chair_casts_when_the_chair_withdrew_from_the_item() -> None:
    m = quorate_hb()
    m.declare("chair", "1", "withdraw")
    d = m.vote("1", {"vc": "for", "ind1": "against"}, casting="for")
    assert d.casting == ("vc", "for") and d.status == CARRIED


def test_hb_casting_refused_with_no_chair() -> None:
    data = hb_data()
    data["quorum"]["clauses"] = data["quorum"]["clauses"][1:]  # quorate without a chair
    m = hb(parse_terms(data, "hb-variant.toml")).arrive("ind1", "ind2", "don")
    assert m.q().decision_quorate
    d = m.vote("1", {"ind1": "for", "don": "against"}, casting="for")
    assert d.casting is None and d.status == NOT_CARRIED
    assert "no chair or vice-chair is present" in reasons(d)["casting"]


def test_hb_casting_vote_through_replay() -> None:
    scenario = {
        "terms": HB,
        "people": [
            {"id": "chair", "name": "Ann Chair", "role": "member", "seat": "chair"},
            {"id": "ind1", "name": "Ifan Ind", "role": "member", "seat": "independent-1"},
            {"id": "don", "name": "Nia Nurse", "role": "member", "seat": "director-of-nursing"},
            {"id": "md", "name": "Dai Doctor", "role": "member", "seat": "medical-director"},
        ],
        "agenda": [{"id": "7", "title": "Falls strategy"}],
        "events": [{"type": "arrive", "person": p} for p in ("chair", "ind1", "don", "md")]
        + [
            {
                "type": "vote",
                "item": "7",
                "casting": "for",
                "votes": {"chair": "for", "ind1": "for", "don": "against", "md": "against"},
            }
        ],
    }
    report = replay(parse_scenario(scenario, "hb.json"))
    (decision,) = report["decisions"]
    assert decision["status"] == CARRIED
    assert (decision["for"], decision["against"]) == (2, 2)
    assert decision["rule"] == "non-financial: for > 50% of votes cast (for + against)"
    assert "the chair, Ann Chair, gave a casting vote for" in decision["statement"]


def test_seed_terms_refuse_casting_vote_even_on_a_tie() -> None:
    m = M(
        "sbuhb-upper-valleys-2021",
        {
            "lead": ("member", "cluster-lead"),
            "gp1": ("member", "gp-1"),
            "gp2": ("member", "gp-2"),
            "ph": ("member", "pharmacy"),
            "cdm": ("member", "cluster-development-manager"),
            "nurse": ("member", "nursing"),
        },
    )
    m.arrive("lead", "gp1", "gp2", "ph", "cdm", "nurse")
    d = m.vote("5", {"lead": "for", "gp1": "against"}, casting="for")
    assert d.status == NOT_CARRIED and d.casting is None


# --------------------------------------------------------------------------- unanimity


UN_PEOPLE: dict[str, tuple[str, str | None]] = {
    **{f"p{i}": ("member", f"practice-{i}") for i in range(1, 6)},
    "pm1": ("member", "practice-1"),
    "dep5": ("deputy", "practice-5"),
}


def un() -> M:
    return M(UN, UN_PEOPLE, {"a": False, "b": True})


def test_unanimity_quorum_needs_everyone() -> None:
    m = un().arrive("p1", "p2", "p3", "p4", "pm1")
    q = m.q()
    assert (q.seats_present, q.seats_required) == (4, 5)
    assert not q.meeting_quorate and missing(q) == ["1 more seat"]
    assert m.vote("a", {f"p{i}": "for" for i in range(1, 5)}).status == BLOCKED
    m.arrive("dep5")
    assert m.q().decision_quorate


@pytest.mark.parametrize("item", ["a", "b"])
def test_unanimity_all_for_carried(item: str) -> None:
    m = un().arrive("p1", "p2", "p3", "p4", "p5")
    d = m.vote(item, {f"p{i}": "for" for i in range(1, 6)})
    assert d.status == CARRIED and d.required == 5 and d.eligible == 5
    assert (
        d.rule_text == f"{'financial' if item == 'b' else 'non-financial'}: "
        "for >= ceil(100% of eligible)"
    )


@pytest.mark.parametrize("other", ["against", "abstain"])
def test_unanimity_one_dissent_not_carried(other: str) -> None:
    m = un().arrive("p1", "p2", "p3", "p4", "p5")
    d = m.vote("a", {"p1": "for", "p2": "for", "p3": "for", "p4": "for", "p5": other})
    assert d.status == NOT_CARRIED and d.required == 5


def test_unanimity_silent_member_not_carried() -> None:
    m = un().arrive("p1", "p2", "p3", "p4", "p5")
    d = m.vote("a", {f"p{i}": "for" for i in range(1, 5)})
    assert d.status == NOT_CARRIED


def test_unanimity_two_people_one_practice_one_vote() -> None:
    m = un().arrive("p1", "pm1", "p2", "p3", "p4", "p5")
    assert m.q().seats_present == 5
    d = m.vote("a", {"pm1": "for", "p1": "against", **{f"p{i}": "for" for i in range(2, 6)}})
    assert d.status == CARRIED and "already voted" in reasons(d)["p1"]


def test_unanimity_no_casting_vote() -> None:
    m = un().arrive("p1", "p2", "p3", "p4", "p5")
    d = m.vote("a", {"p1": "for", "p2": "against"}, casting="for")
    assert d.status == NOT_CARRIED and "no casting vote" in reasons(d)["casting"]


def test_unanimity_withdrawal_makes_the_item_inquorate() -> None:
    m = un().arrive("p1", "p2", "p3", "p4", "p5")
    m.declare("p3", "b", "withdraw")
    assert not m.q("b").meeting_quorate
    assert m.vote("b", {f"p{i}": "for" for i in (1, 2, 4, 5)}).status == BLOCKED
    assert m.consensus("a").status == CONSENSUS


def test_a_casting_vote_is_for_or_against_only():
    """A chair who declines to use the casting vote gives none: "abstain" as a casting
    vote is refused as the event is read, so no tie is ever decided by it."""
    from secretary.domain.events import EventError, check_event

    with pytest.raises(EventError, match="casting"):
        check_event({"type": "vote", "item": "1", "votes": {"a": "for"}, "casting": "abstain"})
    assert check_event({"type": "vote", "item": "1", "votes": {"a": "for"}, "casting": "against"})
