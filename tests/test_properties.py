"""Properties of the rules engine over random, well-formed meetings (hypothesis)."""

from __future__ import annotations

from typing import Any

from examples import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretary.domain.events import CASTING, CHOICES, check_event
from secretary.domain.meeting import Meeting
from secretary.domain.quorum import assess
from secretary.domain.scenario import parse_scenario, replay
from secretary.domain.terms import Terms, load_terms
from secretary.domain.votes import BLOCKED, CARRIED, CONSENSUS, Decision

SEED = "sbuhb-upper-valleys-2021"
TERMS = {t: load_terms(t) for t in (SEED, "hb-committee-example", "unanimity-example")}
ITEMS = ("1", "2", "3")
MOSTLY_FOR = ("for", "for", "for", "for", "against", "abstain")
SETTINGS = settings(
    max_examples=examples(200),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def people_for(draw: st.DrawFn, terms: Terms) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    for seat in terms.seats:
        counts = [0, 1, 1, 1] + ([2] if seat.holders > 1 else [])
        for k in range(draw(st.sampled_from(counts))):
            people.append(
                {
                    "id": f"{seat.id}.m{k}",
                    "name": f"Member {seat.id} {k}",
                    "role": "member",
                    "seat": seat.id,
                }
            )
        if terms.deputies_allowed and seat.deputy_allowed and draw(st.integers(0, 3)) == 0:
            people.append(
                {
                    "id": f"{seat.id}.d",
                    "name": f"Deputy {seat.id}",
                    "role": "deputy",
                    "seat": seat.id,
                }
            )
    for k in range(draw(st.integers(1, 2))):
        people.append({"id": f"att{k}", "name": f"Attendee {k}", "role": "attendee"})
    return people


def event_strategy(pids: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    person = st.sampled_from(pids)
    item = st.sampled_from(ITEMS)
    maybe_item = st.one_of(st.none(), item)
    maybe_choice = st.one_of(st.none(), st.sampled_from(CHOICES))
    maybe_casting = st.none() | st.sampled_from(CASTING)

    def drop_none(d: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in d.items() if v is not None}

    return st.one_of(
        st.builds(
            lambda p, mode: drop_none({"type": "arrive", "person": p, "mode": mode}),
            person,
            st.sampled_from([None, "in_person", "remote"]),
        ),
        st.builds(
            lambda p, mode: drop_none({"type": "arrive", "person": p, "mode": mode}),
            person,
            st.none(),
        ),
        st.builds(lambda p: {"type": "leave", "person": p}, person),
        st.builds(lambda p: {"type": "apologies", "person": p}, person),
        st.builds(
            lambda p, i, a: drop_none(
                {"type": "declare", "person": p, "item": i, "interest": "an interest", "action": a}
            ),
            person,
            maybe_item,
            st.sampled_from(["none", "abstain", "withdraw"]),
        ),
        st.builds(
            lambda g, h, i, d: drop_none(
                {"type": "proxy", "from": g, "to": h, "item": i, "direction": d}
            ),
            person,
            person,
            maybe_item,
            maybe_choice,
        ),
        st.builds(
            lambda i, v, c: drop_none({"type": "vote", "item": i, "votes": v, "casting": c}),
            item,
            st.dictionaries(person, st.sampled_from(CHOICES), max_size=10),
            maybe_casting,
        ),
        st.builds(lambda i: {"type": "consensus", "item": i}, item),
        # a vote from many at once, mostly in favour, so that some are carried
        st.builds(
            lambda i, v, c: drop_none({"type": "vote", "item": i, "votes": v, "casting": c}),
            item,
            st.dictionaries(
                person, st.sampled_from(MOSTLY_FOR), min_size=min(3, len(pids)), max_size=len(pids)
            ),
            maybe_casting,
        ),
    )


@st.composite
def scenarios(draw: st.DrawFn, terms_id: str = SEED) -> dict[str, Any]:
    terms = TERMS[terms_id]
    people = draw(people_for(terms))
    pids = [p["id"] for p in people]
    events: list[dict[str, Any]] = []
    if draw(st.booleans()):  # often start from a full room, so that votes get counted
        events += [
            {"type": "arrive", "person": p["id"]}
            for p in people
            if p["role"] != "attendee" and draw(st.integers(0, 4)) > 0
        ]
    for _ in range(draw(st.integers(0, 30))):
        if events and draw(st.integers(0, 12)) == 0:
            events.append(
                {"type": "retract", "target": f"e{draw(st.integers(0, len(events) - 1))}"}
            )
        else:
            events.append(draw(event_strategy(pids)))
    for i, e in enumerate(events):
        e["id"] = f"e{i}"
    agenda = [{"id": i, "title": f"Item {i}", "financial": draw(st.booleans())} for i in ITEMS]
    return {"terms": terms_id, "people": people, "agenda": agenda, "events": events}


def check_decision(meeting: Meeting, d: Decision, votes: dict[str, str] | None) -> None:
    # the item's quorum, judged when the decision was taken
    assert d.quorum == assess(meeting, d.item)
    if d.carried:
        assert d.quorum.decision_quorate
    assert (d.status == BLOCKED) == (not d.quorum.decision_quorate)
    if d.kind == "consensus":
        assert d.status in (CONSENSUS, BLOCKED)
        assert (d.for_, d.against, d.abstain, d.ballots) == (0, 0, 0, [])
        return
    assert votes is not None
    groups = [b.group for b in d.ballots]
    assert len(groups) == len(set(groups)), "one ballot per voting group"
    assert d.for_ == sum(b.choice == "for" for b in d.ballots)
    assert d.against == sum(b.choice == "against" for b in d.ballots)
    assert d.abstain == sum(b.choice == "abstain" for b in d.ballots)
    assert len(d.ballots) <= d.eligible <= len(meeting.terms.groups)
    # every vote offered is either counted or refused with a reason
    refused = [r for r in d.rejected if r.voter != "casting"]
    assert len(d.ballots) + len(refused) == len(votes)
    assert all(r.reason.render("en") for r in d.rejected)
    assert d.required >= 1
    if d.status == CARRIED:
        assert d.for_ >= d.required or (d.casting is not None and d.casting[1] == "for")
    if d.casting is not None:
        assert d.tie and meeting.terms.casting_vote == "chair"
        chair = meeting.chair(d.item)
        assert chair is not None and chair.id == d.casting[0]
    elif d.status != BLOCKED:
        assert (d.status == CARRIED) == (d.for_ >= d.required)
    for lang in ("en", "cy"):
        assert d.statement(meeting).render(lang)


def arrival_never_hurts(terms: Terms, setup: list[Any], events: list[Any]) -> None:
    """Adding a present voter of an unrepresented seat keeps every quorum that held."""
    before = Meeting(terms, setup + events)
    represented = before.seats_represented()
    candidates = [
        p
        for p in before.people.values()
        if p.role != "attendee" and not before.is_present(p.id) and p.seat not in represented
    ]
    for person in candidates[:2]:
        after = Meeting(terms, setup + events)
        after.apply(check_event({"type": "arrive", "person": person.id}))
        for item in (None, *ITEMS):
            q0, q1 = assess(before, item), assess(after, item)
            assert q1.seats_present >= q0.seats_present
            if q0.meeting_quorate:
                assert q1.meeting_quorate
            if q0.decision_quorate:
                assert q1.decision_quorate
            if not after.withdrawn(person.id, item):
                assert q1.seats_present == q0.seats_present + 1


def play_and_check(data: dict[str, Any], checkpoints: list[int]) -> None:
    scenario = parse_scenario(data, "random.json")  # replays once; must not raise
    report = replay(scenario)
    assert len(report["timeline"]) == len(data["events"])
    for entry in report["decisions"]:
        assert entry["status"] in (CARRIED, "not_carried", CONSENSUS, BLOCKED)

    meeting = Meeting(scenario.terms, scenario.setup)
    for e in scenario.events:
        decision = meeting.apply(e)
        q = assess(meeting)
        assert q.decision_quorate <= q.meeting_quorate
        assert q.explanation().render("en") and q.explanation().render("cy")
        if decision is not None:
            check_decision(meeting, decision, e.get("votes"))
    # decisions standing after all retractions are still well formed
    for d in meeting.decisions:
        groups = [b.group for b in d.ballots]
        assert len(groups) == len(set(groups))
        if d.carried:
            assert d.quorum.decision_quorate

    for k in checkpoints:
        k = min(k, len(scenario.events))
        events = scenario.events[:k]
        if any(e.type == "retract" for e in events):
            continue
        if any(e.type == "declare" and e.get("action") == "withdraw" for e in events):
            continue  # "when nobody withdraws"
        arrival_never_hurts(scenario.terms, scenario.setup, events)


@SETTINGS
@given(scenarios(), st.lists(st.integers(0, 60), min_size=1, max_size=2))
def test_random_meetings_under_the_seed_terms(data: dict[str, Any], checkpoints: list[int]) -> None:
    play_and_check(data, checkpoints)


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.sampled_from(["hb-committee-example", "unanimity-example"]).flatmap(scenarios),
    st.lists(st.integers(0, 60), min_size=1, max_size=2),
)
def test_random_meetings_under_the_other_bundled_terms(
    data: dict[str, Any], checkpoints: list[int]
) -> None:
    play_and_check(data, checkpoints)


@settings(
    max_examples=examples(50),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(scenarios())
def test_retracting_everything_leaves_an_empty_room(data: dict[str, Any]) -> None:
    """Undo of every scenario event (in reverse) gives the state before any of them."""
    scenario = parse_scenario(data, "random.json")
    meeting = Meeting(scenario.terms, scenario.setup)
    for e in scenario.events:
        meeting.apply(e)
    live = [
        e for _, e in meeting.effective_events() if e.type not in ("person_added", "item_added")
    ]
    for e in reversed(live):
        meeting.apply(check_event({"type": "retract", "target": e.id}))
    assert meeting.decisions == []
    assert not any(meeting.is_present(p) for p in meeting.people)
    assert meeting.proxies == [] and meeting.declarations == []
    assert assess(meeting).seats_present == 0
