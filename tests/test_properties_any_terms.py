"""Properties over random terms AND random meetings (issue 16): every statement's
words agree with its own numbers, read back by hand from the words alone; the
banner's quorum and a decision's quorum agree at every event; a seat counted by
proxy is one whose proxy a vote would accept."""

from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import Any

import hypothesis
from examples import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import ITEMS, event_strategy, people_for

from secretary.domain.events import Event
from secretary.domain.meeting import Meeting
from secretary.domain.quorum import assess
from secretary.domain.standing import proxies_in_force
from secretary.domain.terms import Terms, parse_terms
from secretary.domain.votes import BLOCKED, CARRIED, CONSENSUS, NOT_CARRIED, Decision, decide

FRACTIONS = ["1/2", "50%", "2/3", "3/4", "75%", "1/3", "60%", "1", "5/6", "0.1", "4/7"]
SETTINGS = settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def threshold(draw: st.DrawFn, count: int) -> Any:
    if draw(st.booleans()):
        return draw(st.integers(0, max(1, count // 2)))
    t: dict[str, Any] = {"fraction": draw(st.sampled_from(FRACTIONS))}
    for key, options in (("rounding", ["up", "down", "none"]), ("comparison", [">=", ">"])):
        if draw(st.booleans()):
            t[key] = draw(st.sampled_from(options))
    if draw(st.integers(0, 3)) == 0:
        t["plus"] = draw(st.integers(0, 2))
    return t


@st.composite
def clause(draw: st.DrawFn, seat_ids: list[str], financial_only: bool) -> dict[str, Any]:
    kind = draw(st.sampled_from(["seat", "any_of", "tag", "chair"]))
    c: dict[str, Any]
    if kind == "seat":
        c = {"seat": draw(st.sampled_from(seat_ids))}
    elif kind == "any_of":
        seats = draw(st.lists(st.sampled_from(seat_ids), min_size=1, max_size=4, unique=True))
        c = {"any_of": seats, "at_least": draw(st.integers(1, len(seats)))}
    elif kind == "tag":
        c = {"tag": "t"}
        spec = draw(threshold(2))
        c.update({"at_least": spec} if isinstance(spec, int) else spec)
    else:
        c = {"chair": True}
    if kind != "chair" and draw(st.integers(0, 4)) == 0:
        c["people_per_seat"] = 2
    if financial_only and draw(st.integers(0, 2)) == 0:
        c["decisions"] = ["financial"]
    return c


@st.composite
def rule(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "fraction": draw(st.sampled_from(FRACTIONS)),
        "comparison": draw(st.sampled_from([">=", ">"])),
        "base": draw(st.sampled_from(["cast", "cast_with_abstentions", "eligible", "membership"])),
        "rounding": draw(st.sampled_from(["up", "down", "none"])),
    }


@st.composite
def random_terms(draw: st.DrawFn) -> Terms:
    n = draw(st.integers(2, 8))
    seat_ids = [f"s{i}" for i in range(n)]
    chair_at = draw(st.one_of(st.none(), st.integers(0, n - 1)))
    vice_at = draw(st.one_of(st.none(), st.integers(0, n - 1)))
    seats = []
    for i, sid in enumerate(seat_ids):
        tags = [t for t, at in (("chair", chair_at), ("vice-chair", vice_at)) if at == i]
        if draw(st.booleans()):
            tags.append("t")
        seat: dict[str, Any] = {
            "id": sid,
            "name": f"Seat {i}",
            "tags": tags,
            "group": f"g{draw(st.integers(0, n - 1))}",
            "holders": draw(st.integers(1, 2)),
            "deputy_allowed": draw(st.integers(0, 3)) > 0,
        }
        for key in ("deputy_count_to_quorum", "deputy_may_vote"):
            if draw(st.integers(0, 3)) == 0:
                seat[key] = draw(st.booleans())
        seats.append(seat)
    consensus_only = draw(st.integers(0, 5)) == 0
    data: dict[str, Any] = {
        "id": "random",
        "name": "Random terms",
        "tags": {
            "chair": {"name": "Chair"},
            "vice-chair": {"name": "Vice-Chair"},
            "t": {"name": "thing"},
        },
        "seats": seats,
        "deputies": {k: draw(st.booleans()) for k in ("count_to_quorum", "may_vote")},
        "proxies": {"allowed": draw(st.booleans()), "count_to_quorum": draw(st.booleans())},
        "chair": {
            "acting": draw(st.sampled_from(["members-and-deputies", "members", "anyone", "none"]))
        },
        "voting": {"casting_vote": draw(st.sampled_from(["none", "chair"]))},
        "quorum": {
            "seats": draw(threshold(n)),
            "clauses": draw(st.lists(clause(seat_ids, False), max_size=2)),
        },
        "decision_quorum": {"clauses": draw(st.lists(clause(seat_ids, True), max_size=2))},
    }
    if draw(st.booleans()):
        data["proxies"]["max_per_holder"] = draw(st.integers(1, 2))
    if consensus_only:
        data["voting"] = {"consensus_only": True}
    else:
        data["decisions"] = {"non-financial": draw(rule())}
        if draw(st.booleans()):
            data["decisions"]["financial"] = draw(rule())
        if data["voting"]["casting_vote"] == "chair" and draw(st.booleans()):
            data["voting"]["casting_vote_rules"] = ["non-financial"]
    # Also terms a strict load would refuse: a stored meeting may still be under them.
    return parse_terms(data, "random.toml", strict=False)


@st.composite
def meetings(draw: st.DrawFn) -> tuple[Terms, dict[str, Any]]:
    terms = draw(random_terms())
    people = draw(people_for(terms))
    pids = [p["id"] for p in people]
    events: list[dict[str, Any]] = []
    if draw(st.integers(0, 3)):  # mostly a full room, so that votes are counted
        events += [{"type": "arrive", "person": p} for p in pids if draw(st.integers(0, 5))]
    chair_taken = st.builds(
        lambda p, i: {"type": "chair_taken", "person": p, **({"item": i} if i else {})},
        st.sampled_from(pids),
        st.one_of(st.none(), st.sampled_from(ITEMS)),
    )
    for _ in range(draw(st.integers(0, 25))):
        events.append(draw(st.one_of(event_strategy(pids), chair_taken)))
    agenda = [{"id": i, "title": f"Item {i}", "financial": draw(st.booleans())} for i in ITEMS]
    return terms, {"terms": "inline", "people": people, "agenda": agenda, "events": events}


# --------------------------------------------------------------------------- reading words

PCT = r"(?P<pct>\d+(?:\.\d+)?%|one third|two thirds|one sixth|five sixths|\d+/\d+)"
BASES = {
    "eligible": r"(?P<b>\d+) eligible",
    "cast": r"(?P<b>\d+) votes? cast \(for \+ against\)",
    "cast_with_abstentions": r"(?P<b>\d+) votes? cast including abstentions",
    "membership": r"(?P<b>\d+) voting members?",
}
NOTHING = {
    "eligible": "no group was eligible to vote",
    "cast": "no votes were cast for or against",
    "cast_with_abstentions": "no votes were cast",
}


def fraction_of(words: str) -> Fraction:
    named = {
        "one third": Fraction(1, 3),
        "two thirds": Fraction(2, 3),
        "one sixth": Fraction(1, 6),
        "five sixths": Fraction(5, 6),
    }
    if words in named:
        return named[words]
    if words.endswith("%"):
        return Fraction(words[:-1]) / 100
    return Fraction(words)


def two_places(x: Fraction) -> str:
    return f"{float(x):.2f}".rstrip("0").rstrip(".")


def needed_from_words(words: str, base_kind: str) -> tuple[int, int]:
    """(votes needed, base) worked out by hand from 'needed …' alone."""
    m = re.fullmatch(
        r"needed (?P<n>\d+): (?P<why>.+), and nothing is carried without a vote "
        r"for it",
        words,
    )
    if m:
        assert m["why"] == NOTHING[base_kind]
        return int(m["n"]), 0
    m = re.fullmatch(
        r"needed (?P<n>\d+) = (?P<more>more than )?"
        + PCT
        + " of "
        + BASES[base_kind]
        + r"(?P<detail>.*?)(?P<floor>; at least 1 vote for is always needed)?",
        words,
    )
    assert m, words
    f, base = fraction_of(m["pct"]), int(m["b"])
    exact, detail = f * base, m["detail"]
    if detail == "":
        target = exact
    elif detail == ", rounded up":
        target = Fraction(math.ceil(exact))
    else:
        d = re.fullmatch(
            r" \((?P<x>[\d.]+)(?:, rounded (?P<how>up|down) to (?P<to>\d+))?\)"
            r"(?P<after>, rounded down)?",
            detail,
        )
        assert d, detail
        assert d["x"] == two_places(exact) and exact.denominator != 1
        if d["after"]:
            target = Fraction(math.floor(exact))
        else:
            assert d["how"] is not None
            target = Fraction(math.ceil(exact) if d["how"] == "up" else math.floor(exact))
            assert int(d["to"]) == target
    n = math.floor(target) + 1 if m["more"] else math.ceil(target)
    if m["floor"]:
        assert n <= 0
        n = 1
    assert int(m["n"]) == n, (words, n)
    return n, base


def check_statement(meeting: Meeting, d: Decision, whole_quorate: bool) -> None:
    text = d.statement(meeting).render("en")
    assert d.statement(meeting).render("cy")
    if d.status == BLOCKED:
        lead = (
            "No decision could be taken: the meeting was quorate for decisions, but not "
            "for this item ("
            if whole_quorate
            else "No decision could be taken: the meeting was not quorate for decisions ("
        )
        assert text.startswith(lead), text
        assert d.quorum.missing
        return
    if d.status == CONSENSUS:
        assert text == "Agreed by consensus."
        return
    outcome = "Carried" if d.status == CARRIED else "Not carried"
    if d.rule is None:
        assert text.startswith(f"{outcome}: these terms decide by consensus only")
        assert d.status == NOT_CARRIED
        return
    m = re.match(
        r"(?P<o>Carried|Not carried): (?P<f>\d+) for, (?P<a>\d+) against, "
        r"(?P<ab>\d+) abstentions?; (?P<needed>needed .+?)\.(?: |$)",
        text,
    )
    assert m, text
    assert m["o"] == outcome
    assert (int(m["f"]), int(m["a"]), int(m["ab"])) == (d.for_, d.against, d.abstain)
    needed, base = needed_from_words(m["needed"], d.rule.base)
    assert (needed, base) == (d.required, d.base)
    casting = re.search(r"gave a casting vote (for|against)\.", text)
    if casting:
        assert d.casting is not None and d.for_ == d.against > 0
        assert (outcome == "Carried") == (casting[1] == "for")
    else:
        assert (outcome == "Carried") == (d.for_ >= needed), text
    tied = "The votes were tied, so the proposal was not carried." in text
    assert tied == (d.for_ == d.against > 0 and not casting and outcome == "Not carried")
    proxies = re.search(r"Includes (\d+) proxy votes?\.", text)
    assert (int(proxies[1]) if proxies else 0) == sum(b.by_proxy for b in d.ballots)
    for r in d.rejected:
        reason = r.reason.render("en")
        if "the votes were not tied" in reason:
            assert d.for_ != d.against
        if "no votes were cast for or against" in reason:
            assert d.for_ == d.against == 0


def check_moment(meeting: Meeting) -> None:
    """At this moment the banner (assess) and a decision (decide) agree, for every item."""
    whole = assess(meeting)
    for item in ITEMS:
        banner = assess(meeting, item)
        trial = decide(meeting, Event("consensus", {"item": item}), len(meeting.events))
        assert trial.quorum == banner
        assert (trial.status == BLOCKED) == (not banner.decision_quorate)
        assert banner.decision_quorate <= banner.meeting_quorate
        # a seat counted by proxy is one whose proxy a vote would accept now
        if meeting.terms.proxies_count_to_quorum:
            for p in proxies_in_force(meeting, item):
                vote = decide(
                    meeting,
                    Event("vote", {"item": item, "votes": {p.grantor: p.direction or "for"}}),
                    len(meeting.events),
                )
                if meeting.terms.consensus_only:  # no vote counts there, a proxy's neither
                    assert vote.ballots == [] and vote.rejected, vote
                else:
                    assert [b.by_proxy for b in vote.ballots] == [True], vote.rejected
        # the meeting as a whole and an item nobody declared on, under clauses for
        # every decision, agree
        it = meeting.items[item]
        item_only = any(c.decisions for c in meeting.terms.decision_quorum.clauses)
        declared = any(d.item in (None, item) and d.action != "none" for d in meeting.declarations)
        proxies = any(p.item == item for p in meeting.proxies)
        takings = any(t.item == item for t in meeting.chair_takings)
        if not (item_only or declared or proxies or takings):
            assert banner.decision_quorate == whole.decision_quorate, (item, it)
            assert banner.seats_present == whole.seats_present


@SETTINGS
@given(meetings())
def test_words_and_quorum_agree_under_random_terms(case: tuple[Terms, dict[str, Any]]) -> None:
    terms, data = case
    play_direct(terms, data)


def play_direct(terms: Terms, data: dict[str, Any]) -> None:
    """Play the random meeting under the random terms, each event validated as a
    scenario file's would be."""
    from secretary.domain.events import EventError, check_event

    meeting = Meeting(terms)
    for p in data["people"]:
        meeting.apply(
            check_event(
                {
                    "type": "person_added",
                    "person": p["id"],
                    **{k: v for k, v in p.items() if k != "id"},
                }
            )
        )
    for item in data["agenda"]:
        meeting.apply(
            check_event(
                {
                    "type": "item_added",
                    "item": item["id"],
                    "title": item["title"],
                    "financial": item["financial"],
                }
            )
        )
    check_moment(meeting)
    for raw in data["events"]:
        e = check_event(raw)
        whole_quorate = assess(meeting).decision_quorate
        try:
            decision = meeting.apply(e)
        except EventError:
            continue  # a retract of nothing, an unknown reference: refused, state unchanged
        if decision is not None:
            assert decision.quorum == assess(meeting, decision.item)
            check_statement(meeting, decision, whole_quorate)
            hypothesis.event(f"{decision.kind} {decision.status}")
        check_moment(meeting)
