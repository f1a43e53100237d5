"""Issue 16: exact on any terms — the audit's cases, the new terms rules, and the
acting chair (issue 15's ``chair_taken``)."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from rules_helpers import SEED, M, missing, reasons

from secretary.domain.terms import TermsError, bundled_terms_dir, load_terms, parse_terms
from secretary.domain.terms_check import describe, warnings
from secretary.domain.votes import BLOCKED, CARRIED, CONSENSUS, NOT_CARRIED


def seed_data() -> dict[str, Any]:
    return tomllib.loads((bundled_terms_dir() / f"{SEED}.toml").read_text(encoding="utf-8"))


def seed_with(**changes: Any) -> Any:
    data = seed_data()
    for path, value in changes.items():
        table = data
        keys = path.split("__")
        for k in keys[:-1]:
            table = table.setdefault(k, {})
        table[keys[-1]] = value
    return parse_terms(data, "variant.toml")


CORE = {
    "lead": ("member", "cluster-lead"),
    "gp1": ("member", "gp-1"),
    "gp2": ("member", "gp-2"),
    "ph": ("member", "pharmacy"),
    "cdm": ("member", "cluster-development-manager"),
}


# ----------------------------------------------------------------- 1: proxies and quorum


def proxy_counting(**more: Any) -> M:
    """Seed terms where proxies count to quorum: 5 of 6 seats present, nurse absent."""
    terms = seed_with(proxies__count_to_quorum=True, **more)
    people = {
        **CORE,
        "nurse": ("member", "nursing"),
        "fin": ("attendee", None),
        "dep-ph2": ("deputy", "dental"),
        "dent": ("member", "dental"),
    }
    m = M(terms, people).arrive("lead", "gp1", "gp2", "ph", "cdm")
    m.apologies("nurse")
    assert not m.q().meeting_quorate
    return m


def test_a_proxy_in_force_counts_to_quorum() -> None:
    m = proxy_counting().proxy("nurse", "gp1")
    assert m.q().decision_quorate and m.q("5").decision_quorate


def test_a_proxy_held_by_an_attendee_never_counts() -> None:
    m = proxy_counting().arrive("fin").proxy("nurse", "fin")
    assert not m.q().meeting_quorate and not m.q("5").meeting_quorate
    assert m.consensus("5").status == BLOCKED


def test_a_proxy_superseded_by_one_to_an_absent_holder_does_not_count() -> None:
    m = proxy_counting().proxy("nurse", "gp1").proxy("nurse", "dent")
    assert not m.q("5").meeting_quorate
    d = m.vote("5", {"nurse": "for"})
    assert d.status == BLOCKED and "not present" in reasons(d)["nurse"]


def test_a_grantor_who_withdrew_from_the_item_does_not_count_for_it() -> None:
    m = proxy_counting().proxy("nurse", "gp1").declare("nurse", "5", "withdraw")
    assert not m.q("5").meeting_quorate
    assert m.q("4").decision_quorate


def test_a_proxy_to_a_deputy_who_may_not_vote_does_not_count() -> None:
    m = proxy_counting(deputies__may_vote=False).arrive("dep-ph2").proxy("nurse", "dep-ph2")
    # the deputy counts in person (dental), the proxy does not (nursing)
    assert m.q("5").seats_present == 6
    m.leave("dep-ph2")
    assert not m.q("5").meeting_quorate


def test_a_deputys_proxy_counts_only_where_the_deputy_would() -> None:
    terms = seed_with(proxies__count_to_quorum=True, deputies__count_to_quorum=False)
    m = M(terms, {**CORE, "dep-n": ("deputy", "nursing")}).arrive(*CORE)
    m.proxy("dep-n", "gp1")
    assert not m.q("5").meeting_quorate  # a present deputy would not count either


def test_an_item_only_proxy_does_not_make_the_meeting_quorate() -> None:
    m = proxy_counting().proxy("nurse", "gp1", item="4")
    assert m.q("4").decision_quorate
    assert not m.q().meeting_quorate and not m.q("5").meeting_quorate


# ----------------------------------------------------------------- 2: the chair and casting


HB = "hb-committee-example"


def hb_terms(**voting: Any) -> Any:
    data = tomllib.loads((bundled_terms_dir() / f"{HB}.toml").read_text(encoding="utf-8"))
    data["deputies"]["may_vote"] = False
    for seat in data["seats"]:
        if seat["id"] == "chair":
            seat["deputy_allowed"] = True
    data["quorum"]["clauses"] = data["quorum"]["clauses"][1:]
    data.setdefault("voting", {}).update(voting)
    return parse_terms(data, "hb-variant.toml")


HB_PEOPLE: dict[str, tuple[str, str | None]] = {
    "chair": ("member", "chair"),
    "dep-chair": ("deputy", "chair"),
    "vc": ("member", "vice-chair"),
    "ind1": ("member", "independent-1"),
    "don": ("member", "director-of-nursing"),
    "md": ("member", "medical-director"),
    "sec": ("attendee", None),
}


def test_a_deputy_who_may_not_vote_gives_no_casting_vote() -> None:
    m = M(hb_terms(), HB_PEOPLE, {"1": False}).arrive("dep-chair", "ind1", "don", "md")
    assert m.m.chair("1").id == "dep-chair"
    d = m.vote("1", {"ind1": "for", "don": "against"}, casting="for")
    assert d.status == NOT_CARRIED and d.casting is None
    assert reasons(d)["casting"] == (
        "casting vote refused: the chair, DEP-CHAIR, may not vote under these terms"
    )


def test_a_present_vice_chair_chairs_before_the_chairs_deputy() -> None:
    m = M(hb_terms(), HB_PEOPLE, {"1": False}).arrive("dep-chair", "vc", "ind1", "don")
    assert m.m.chair("1").id == "vc"
    d = m.vote("1", {"vc": "for", "don": "against"}, casting="for")
    assert d.status == CARRIED and d.casting == ("vc", "for")


def test_the_reason_names_the_barred_chair() -> None:
    m = M(hb_terms(), HB_PEOPLE, {"1": False}).arrive("chair", "ind1", "don", "md")
    m.declare("chair", "1", "abstain")
    d = m.vote("1", {"ind1": "for", "don": "against"}, casting="for")
    assert reasons(d)["casting"] == (
        "casting vote refused: CHAIR declared an interest in "
        "this item, and no one else took the chair"
    )


# ----------------------------------------------------------------- chair_taken


def test_chair_taken_for_an_item_gives_the_casting_vote_for_that_item_only() -> None:
    m = M(hb_terms(), HB_PEOPLE, {"1": False, "2": False}).arrive("chair", "ind1", "don", "md")
    m.declare("chair", "1", "withdraw")
    m.ev("chair_taken", person="ind1", item="1", at="10:15")
    assert m.m.chair("1").id == "ind1" and m.m.chair("2").id == "chair"
    d = m.vote("1", {"ind1": "for", "don": "against"}, casting="for")
    assert d.status == CARRIED and d.casting == ("ind1", "for")
    assert "the chair, IND1, gave a casting vote for" in d.statement(m.m).render("en")


def test_chair_taken_for_the_rest_of_the_meeting_and_when_it_lapses() -> None:
    m = M(hb_terms(), HB_PEOPLE, {"1": False}).arrive("chair", "ind1", "don", "md")
    m.ev("chair_taken", person="md")
    assert m.m.chair().id == "md" and m.m.chair("1").id == "md"
    m.leave("md")
    assert m.m.chair("1").id == "chair"  # back to the terms' order


def test_chair_taken_by_someone_the_terms_do_not_allow_does_not_count() -> None:
    m = M(hb_terms(), HB_PEOPLE, {"1": False}).arrive("sec", "ind1", "don", "md")
    m.ev("chair_taken", person="sec")
    assert m.m.chair() is None
    from secretary.domain.standing import chair_taking_problem

    problem = chair_taking_problem(m.m, m.m.chair_takings[-1], None)
    assert problem is not None and "holds no seat" in problem.render("en")


def test_a_chair_clause_is_met_by_an_elected_chair() -> None:
    terms = load_terms("hb-audit-committee-example")
    people = {
        "ind1": ("member", "independent-1"),
        "ind2": ("member", "independent-2"),
        "dof": ("member", "director-of-finance"),
        "sec": ("member", "board-secretary"),
    }
    m = M(terms, people, {"1": False}).arrive(*people)
    assert missing(m.q()) == [
        "someone in the chair (the Chair, the Vice-Chair or a member elected to chair)"
    ]
    m.ev("chair_taken", person="ind2")
    assert m.q().decision_quorate


def test_chair_taken_is_checked_and_undone_like_any_event() -> None:
    m = M(hb_terms(), HB_PEOPLE, {"1": False}).arrive("ind1")
    from secretary.domain.events import EventError

    with pytest.raises(EventError, match="unknown person"):
        m.ev("chair_taken", person="nobody")
    with pytest.raises(EventError, match="unknown item"):
        m.ev("chair_taken", person="ind1", item="9")


# ----------------------------------------------------------------- 3: words and numbers


def _rule_terms(fraction: str, comparison: str, base: str, rounding: str) -> Any:
    data = seed_data()
    data["decisions"]["non-financial"] = {
        "fraction": fraction,
        "comparison": comparison,
        "base": base,
        "rounding": rounding,
    }
    data["voting"] = {"casting_vote": "none"}
    return parse_terms(data, "rule.toml")


def statement_for(terms: Any, votes: dict[str, str]) -> tuple[Any, str]:
    m = M(terms, {**CORE, "nurse": ("member", "nursing")}).arrive(*CORE, "nurse")
    d = m.vote("5", votes)
    return d, d.statement(m.m).render("en")


def test_a_tie_carried_by_the_rule_is_not_called_lost() -> None:
    d, text = statement_for(
        _rule_terms("50%", ">=", "cast", "none"), {"lead": "for", "gp1": "against"}
    )
    assert d.status == CARRIED
    assert (
        text == "Carried: 1 for, 1 against, 0 abstentions; needed 1 = 50% of 2 votes cast "
        "(for + against)."
    )


def test_rounding_down_is_said() -> None:
    d, text = statement_for(_rule_terms("2/3", ">=", "eligible", "down"), {"lead": "for"})
    assert d.required == 4 and d.eligible == 6
    assert "needed 4 = two thirds of 6 eligible" in text
    d, text = statement_for(
        _rule_terms("2/3", ">=", "cast", "down"),
        {p: "for" for p in ("lead", "gp1", "gp2")} | {"ph": "against"},
    )
    assert "needed 2 = two thirds of 4 votes cast (for + against) (2.67), rounded down" in text


def test_more_than_a_rounded_up_figure_says_so() -> None:
    d, text = statement_for(
        _rule_terms("75%", ">", "cast", "up"), {"lead": "for", "gp1": "for", "gp2": "against"}
    )
    assert d.required == 4
    assert (
        "needed 4 = more than 75% of 3 votes cast (for + against) (2.25, rounded up to 3)" in text
    )


def test_two_thirds_is_two_thirds_and_the_rounding_is_said() -> None:
    terms = _rule_terms("2/3", ">=", "cast", "up")
    votes = {p: "for" for p in ("lead", "gp1", "gp2", "ph")} | {"cdm": "against"}
    d, text = statement_for(terms, votes)
    assert "66.67" not in text
    assert "needed 4 = two thirds of 5 votes cast (for + against), rounded up" in text
    assert d.rule_text == "non-financial: for >= ceil(two thirds of votes cast (for + against))"


def test_nobody_eligible_is_said_in_words() -> None:
    m = M(SEED, {**CORE, "nurse": ("member", "nursing")}).arrive(*CORE, "nurse")
    for p in (*CORE, "nurse"):
        m.declare(p, "4", "abstain")
    d = m.vote("4", {})
    assert d.eligible == 0 and d.required == 1
    assert (
        "needed 1: no group was eligible to vote, and nothing is carried without a vote "
        "for it." in d.statement(m.m).render("en")
    )


def test_an_item_blocked_by_a_withdrawal_blames_the_item_not_the_meeting() -> None:
    m = M(SEED, {**CORE, "nurse": ("member", "nursing")}).arrive(*CORE, "nurse")
    m.declare("gp2", "5", "withdraw")
    d = m.consensus("5")
    assert d.status == BLOCKED
    assert d.statement(m.m).render("en") == (
        "No decision could be taken: the meeting was quorate for decisions, but not for this "
        "item (needs 1 more seat; needs 1 more GP practice)."
    )


# ----------------------------------------------------------------- 5: terms that cannot work


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"quorum": {"seats": 20}}, "needs 20 seats represented, but the terms have only 16"),
        (
            {"quorum": {"seats": 0}, "decision_quorum": {}},
            "a meeting with nobody present would be quorate",
        ),
        (
            {"decisions": {"non-financial": {"fraction": 1, "comparison": ">", "base": "cast"}}},
            "'more than 100%' can never be reached",
        ),
        ({"proxies": {"allowed": False, "count_to_quorum": True}}, "so none can count to quorum"),
        (
            {"voting": {"casting_vote": "none", "casting_vote_rules": ["financial"]}},
            "the terms give no casting vote",
        ),
    ],
)
def test_terms_that_cannot_work_are_refused(change: dict[str, Any], why: str) -> None:
    data = seed_data()
    data.update(change)
    with pytest.raises(TermsError) as info:
        parse_terms(data, "bad.toml")
    assert any(why in p.why for p in info.value.problems), info.value.problems
    parse_terms(data, "bad.toml", strict=False)  # a stored meeting still opens


def test_two_chairs_are_refused() -> None:
    data = seed_data()
    data["seats"][1]["tags"] = ["chair"]
    with pytest.raises(TermsError, match="2 seats are tagged 'chair'"):
        parse_terms(data, "bad.toml")


def test_a_casting_vote_on_a_two_thirds_rule_is_warned_about_and_can_be_limited() -> None:
    data = tomllib.loads(
        (bundled_terms_dir() / "hb-audit-committee-example.toml").read_text(encoding="utf-8")
    )
    assert warnings(parse_terms(data, "x")) == []
    del data["voting"]["casting_vote_rules"]
    assert any("standing-orders" in w.why for w in warnings(parse_terms(data, "x")))


# ----------------------------------------------------------------- 6: the new rules


def test_more_than_half_and_half_plus_one() -> None:
    audit = load_terms("hb-audit-committee-example")
    assert audit.meeting_quorum.seats.required(7) == 4
    network = load_terms("gp-practice-network-example")
    assert network.meeting_quorum.seats.required(8) == 5


NETWORK_PEOPLE: dict[str, tuple[str, str | None]] = {
    "lead": ("member", "network-lead"),
    **{f"gp{i}": ("member", f"practice-{i}") for i in range(1, 5)},
    **{f"pm{i}": ("member", f"practice-{i}") for i in range(1, 5)},
    "ph": ("member", "pharmacy"),
    "dn": ("member", "district-nursing"),
    "ts": ("member", "third-sector"),
}


def test_two_of_a_list_and_two_people_from_every_practice() -> None:
    m = M("gp-practice-network-example", NETWORK_PEOPLE, {"1": False, "2": True})
    m.arrive("lead", "gp1", "gp2", "gp3", "gp4", "ph")
    assert missing(m.q()) == [
        "1 more of District Nursing or Third Sector",
        "4 practices, each represented by at least 2 people",
    ]
    m.arrive("dn")
    assert m.q().meeting_quorate and not m.q().decision_quorate
    assert missing(m.q()) == ["4 practices, each represented by at least 2 people"]
    m.arrive("pm1", "pm2", "pm3")
    assert missing(m.q()) == ["1 more practice, each represented by at least 2 people"]
    m.arrive("pm4")
    assert m.q().decision_quorate


def test_one_proxy_per_holder() -> None:
    m = M("gp-practice-network-example", NETWORK_PEOPLE, {"1": False})
    m.arrive("lead", "gp1", "pm1", "gp2", "pm2", "gp3", "pm3", "ph", "dn")
    m.proxy("gp4", "gp1").proxy("ts", "gp1")
    d = m.vote("1", {"gp4": "for", "ts": "for"})
    assert d.proxies_counted == 1
    assert reasons(d)["ts"] == (
        "proxy not in force: its holder, GP1, already holds 1 proxy, the most these terms allow"
    )


def test_a_financial_only_clause_binds_financial_items_only() -> None:
    terms = load_terms("hb-audit-committee-example")
    people = {
        "chair": ("member", "chair"),
        "ind1": ("member", "independent-1"),
        "ind2": ("member", "independent-2"),
        "gov": ("member", "director-of-governance"),
        "dof": ("member", "director-of-finance"),
    }
    m = M(terms, people, {"ord": False, "fin": True}).arrive("chair", "ind1", "ind2", "gov")
    assert m.q().decision_quorate and m.q("ord").decision_quorate
    assert not m.q("fin").decision_quorate
    d = m.consensus("fin")
    assert d.status == BLOCKED and "not for this item" in d.statement(m.m).render("en")
    m.arrive("dof")
    assert m.consensus("fin").status == CONSENSUS


def test_casting_vote_limited_to_simple_majority_rules() -> None:
    terms = load_terms("hb-audit-committee-example")
    people = {
        "chair": ("member", "chair"),
        "ind1": ("member", "independent-1"),
        "ind2": ("member", "independent-2"),
        "gov": ("member", "director-of-governance"),
    }
    m = M(terms, people, {})
    m.ev("item_added", item="so", title="Suspend standing orders", decision_type="standing-orders")
    m.ev("item_added", item="ord", title="Ordinary")
    m.arrive(*people)
    votes = {"chair": "for", "ind1": "for", "ind2": "against", "gov": "against"}
    d = m.vote("so", votes, casting="for")
    assert d.status == NOT_CARRIED and "only under" in reasons(d)["casting"]
    assert m.vote("ord", votes, casting="for").status == CARRIED


def test_per_seat_deputy_rules() -> None:
    terms = load_terms("hb-audit-committee-example")
    people = {
        "dep-dof": ("deputy", "director-of-finance"),
        "dep-sec": ("deputy", "board-secretary"),
    }
    m = M(terms, people, {"1": True}).arrive(*people)
    assert m.q().seats_present == 1  # the Board Secretary's deputy does not count
    assert not m.m.may_vote("dep-dof")


def test_consensus_only_terms() -> None:
    terms = load_terms("consensus-only-example")
    assert terms.rule_for(False) is None
    people = {
        "chair": ("member", "chair"),
        "c1": ("member", "community-1"),
        "c2": ("member", "community-2"),
    }
    m = M(terms, people, {"1": False}).arrive(*people)
    assert m.consensus("1").status == CONSENSUS
    d = m.vote("1", {"chair": "for", "c1": "for"})
    assert d.status == NOT_CARRIED and d.rule is None and d.for_ == 0
    assert d.statement(m.m).render("en") == (
        "Not carried: these terms decide by consensus only, so a vote cannot carry an item."
    )


@pytest.mark.parametrize(
    "terms_id",
    ["hb-audit-committee-example", "gp-practice-network-example", "consensus-only-example"],
)
def test_the_new_examples_describe_themselves_in_both_languages(terms_id: str) -> None:
    terms = load_terms(terms_id)
    for lang in ("en", "cy"):
        assert all(line.render(lang) for line in describe(terms))
