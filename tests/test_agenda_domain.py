"""Building the agenda in the domain: planned times, withdrawal, papers, proposals,
notice; the plan (numbers, paper labels, changes since issue) and issue warnings."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretary.domain.agenda_plan import issue_warnings, plan
from secretary.domain.events import MAX_PAPER_BYTES, EventError, check_event
from secretary.domain.meeting import Meeting
from secretary.domain.proposal import Proposal, ProposalError, check_proposal
from secretary.domain.terms import load_terms

SHA = hashlib.sha256(b"paper").hexdigest()
SHA2 = hashlib.sha256(b"other").hexdigest()

COSTS = [
    {"line": "Social prescriber", "kind": "recurrent", "year": "2025/26", "amount": 30000},
    {"line": "Social prescriber", "kind": "recurrent", "year": "2026/27", "amount": 31000.5},
    {"line": "Laptop", "kind": "non-recurrent", "year": "2025/26", "amount": 900},
]
PROPOSAL = {
    "title": "Social prescriber",
    "priority": "Prevention and wellbeing",
    "description": "A social prescriber for the valley practices.",
    "outcomes": "Fewer GP appointments for non-medical needs.",
    "costs": COSTS,
}


def meeting() -> Meeting:
    m = Meeting(load_terms("sbuhb-upper-valleys-2021"))
    for raw in (
        {"type": "item_added", "item": "ap", "standing": "apologies", "duration": 5},
        {"type": "item_added", "item": "i1", "title": "Budget", "starts": "13:30"},
        {"type": "item_added", "item": "i2", "title": "Social prescriber", "duration": 20},
        {"type": "item_added", "item": "i3", "title": "Estates", "duration": 15},
    ):
        m.apply(check_event(raw))
    return m


def rec(m: Meeting, type: str, **fields: Any) -> Any:
    return m.apply(check_event({"type": type, **fields}))


def attach(m: Meeting, paper: str, item: str, title: str, sha: str = SHA) -> None:
    rec(
        m,
        "paper_attached",
        paper=paper,
        item=item,
        title=title,
        sha256=sha,
        filename=f"{paper}.pdf",
        size=1234,
        media="application/pdf",
    )


def test_event_fields_are_checked() -> None:
    with pytest.raises(EventError, match="'duration' must be 1 to 600 minutes"):
        check_event({"type": "item_added", "item": "x", "title": "X", "duration": 0})
    with pytest.raises(EventError, match="must be a time HH:MM"):
        check_event({"type": "item_changed", "item": "x", "starts": "25:00"})
    base = {
        "type": "paper_attached",
        "paper": "p",
        "item": "x",
        "title": "T",
        "sha256": SHA,
        "filename": "a.pdf",
        "size": 10,
    }
    check_event(base)
    with pytest.raises(EventError, match="SHA-256"):
        check_event({**base, "sha256": "abc"})
    with pytest.raises(EventError, match="plain file name"):
        check_event({**base, "filename": "../etc/passwd"})
    with pytest.raises(EventError, match="20 MB"):
        check_event({**base, "size": MAX_PAPER_BYTES + 1})
    with pytest.raises(EventError, match="20 MB"):
        check_event({**base, "size": 0})
    bad = {**PROPOSAL, "costs": [{**COSTS[0], "year": "2025/27"}]}
    with pytest.raises(EventError, match="cost line 1: the year must be a financial year"):
        check_event({"type": "proposal_recorded", "item": "x", "proposal": "p", **bad})
    with pytest.raises(EventError, match="the amount must be more than £0"):
        check_event(
            {
                "type": "proposal_recorded",
                "item": "x",
                "proposal": "p",
                **{**PROPOSAL, "costs": [{**COSTS[0], "amount": 0}]},
            }
        )
    with pytest.raises(EventError, match="missing field 'interim'"):
        check_event({"type": "meeting_called", "on": "2026-01-01"})


def test_planned_times_follow_from_start_and_durations() -> None:
    m = meeting()
    items = plan(m, start="13:00").items
    assert [(i.number, i.starts, i.starts_given) for i in items] == [
        ("1", "13:00", False),
        ("2", "13:30", True),
        ("3", "", False),  # item 2 has no duration: nothing to add it to
        ("4", "", False),
    ]
    rec(m, "person_added", person="cdm", name="Carys Miles", role="attendee")
    rec(m, "item_changed", item="i1", duration=10, presenter="cdm")
    rec(m, "item_changed", item="i2", presenter="Dr Huw Davies")
    assert [i.presenter_name for i in plan(m).items][1:3] == ["Carys Miles", "Dr Huw Davies"]
    assert [i.starts for i in plan(m, start="13:00").items] == ["13:00", "13:30", "13:40", "14:00"]
    assert [i.starts for i in plan(m).items][1:] == ["13:30", "13:40", "14:00"]


def test_withdrawing_an_item_and_its_refusals() -> None:
    m = meeting()
    with pytest.raises(EventError, match="standing item of every agenda"):
        rec(m, "item_withdrawn", item="ap")
    rec(m, "item_added", item="i3a", title="Estates detail", parent="i3")
    with pytest.raises(EventError, match="has sub-items on the agenda"):
        rec(m, "item_withdrawn", item="i3")
    rec(m, "note", item="i2", text="Discussed")
    with pytest.raises(EventError, match="a note is recorded on it"):
        rec(m, "item_withdrawn", item="i2")
    rec(m, "item_withdrawn", item="i3a", reason="Deferred")
    rec(m, "item_withdrawn", item="i3")
    assert m.agenda == ["ap", "i1", "i2"]
    assert m.items["i3"].withdrawn
    with pytest.raises(EventError, match="withdrawn from the agenda"):
        rec(m, "note", item="i3", text="x")
    with pytest.raises(EventError, match="withdrawn from the agenda"):
        rec(m, "item_withdrawn", item="i3")
    # undone, it is back where it was
    last = m.events[-1]
    rec(m, "retract", target=last.id)
    assert m.agenda == ["ap", "i1", "i2", "i3"]


def test_papers_are_labelled_by_item_and_order() -> None:
    m = meeting()
    attach(m, "p1", "i2", "Social prescriber proposal")
    attach(m, "p2", "i2", "Job description", SHA2)
    attach(m, "p3", "i3", "Estates plan")
    with pytest.raises(EventError, match="already attached to item 3"):
        attach(m, "p4", "i2", "Again")
    with pytest.raises(EventError, match="already attached"):
        attach(m, "p1", "i3", "Same id")
    with pytest.raises(EventError, match="unknown item"):
        attach(m, "p5", "nope", "X")
    p = plan(m)
    assert [(r.label, r.title) for r in p.papers] == [
        ("Paper 3a", "Social prescriber proposal"),
        ("Paper 3b", "Job description"),
        ("Paper 4a", "Estates plan"),
    ]
    assert p.papers[0].caption() == "Paper 3a: Social prescriber proposal"
    assert p.papers[0].caption_msg().render("cy").endswith("Social prescriber proposal")
    rec(m, "paper_withdrawn", paper="p1")
    with pytest.raises(EventError, match="already withdrawn"):
        rec(m, "paper_withdrawn", paper="p1")
    with pytest.raises(EventError, match="unknown paper"):
        rec(m, "paper_withdrawn", paper="zz")
    assert [r.label for r in plan(m).papers] == ["Paper 3a", "Paper 4a"]
    rec(m, "item_added", item="i3a", title="Detail", parent="i3")
    attach(m, "p6", "i3a", "Detail plan")
    assert plan(m).paper("p6").label == "Paper 4a.1"  # type: ignore[union-attr]


def test_a_proposal_sets_the_amount_and_holds_it() -> None:
    m = meeting()
    rec(m, "proposal_recorded", item="i2", proposal="pr1", **PROPOSAL)
    item = m.items["i2"]
    assert item.financial and item.amount == 61900.5
    p = plan(m).item("i2")
    assert p is not None and p.proposal is not None and p.proposal.total == 61900.5
    assert p.proposal.totals_by_year() == {"2025/26": 30900, "2026/27": 31000.5}
    with pytest.raises(EventError, match="proposal's total, 61,900.50"):
        rec(m, "item_changed", item="i2", amount=50000)
    with pytest.raises(EventError, match="stays a financial item"):
        rec(m, "item_changed", item="i2", financial=False)
    rec(m, "item_changed", item="i2", amount=61900.5, presenter="CDM")
    revised = {**PROPOSAL, "costs": COSTS[:1]}
    rec(m, "proposal_recorded", item="i2", proposal="pr2", **revised)
    assert m.items["i2"].amount == 30000
    with pytest.raises(EventError, match="an item of its own"):
        rec(m, "proposal_recorded", item="ap", proposal="pr3", **PROPOSAL)


def test_a_recorded_proposal_reads_back_as_given() -> None:
    with pytest.raises(ProposalError, match="give the costs"):
        check_proposal({**PROPOSAL, "costs": []})
    proposal = check_proposal(PROPOSAL)
    assert check_proposal(proposal.event_fields()) == proposal
    m = meeting()
    with pytest.raises(EventError, match="must not be empty"):
        rec(m, "proposal_recorded", item="i2", proposal="pr", **{**PROPOSAL, "title": " "})
    assert "i2" not in m.proposals and not m.items["i2"].financial


def test_proposal_from_a_form_says_what_is_missing() -> None:
    with pytest.raises(ProposalError, match="Outcome measures: missing"):
        Proposal.from_fields({**PROPOSAL, "outcomes": " "})
    with pytest.raises(ProposalError, match="at least one cost line"):
        Proposal.from_fields({**PROPOSAL, "costs": []})
    with pytest.raises(
        ProposalError, match="cost line 2: the kind must be recurrent or non-recurrent"
    ):
        Proposal.from_fields({**PROPOSAL, "costs": [COSTS[0], {**COSTS[1], "kind": "x"}]})
    proposal = Proposal.from_fields(PROPOSAL)
    assert Proposal.from_fields(proposal.event_fields()) == proposal


def test_changes_since_issue() -> None:
    m = meeting()
    attach(m, "p1", "i2", "Proposal")
    rec(m, "papers_sent", on="2026-01-05")
    assert plan(m).issued_on == "2026-01-05" and plan(m).changes == ()
    rec(m, "item_added", item="i4", title="Late item")
    attach(m, "p2", "i2", "Addendum", SHA2)
    rec(m, "paper_withdrawn", paper="p1")
    rec(m, "item_withdrawn", item="i3")
    rec(m, "item_changed", item="i1", title="Budget update")
    changes = [c.render("en") for c in plan(m).changes]
    # The new paper takes the next letter: 3a went out, and stays 3a's although withdrawn.
    assert changes == [
        "Item 4 added after the agenda was issued",
        "Item 3: paper 3b added after the agenda was issued (Addendum)",
        "Item 3: paper 3a withdrawn after the agenda was issued (Proposal)",
        "Issued item 4 (“Estates”) withdrawn after the agenda was issued",
        "Item 2 changed after the agenda was issued",
    ]
    assert all(c.render("cy") != c.render("en") for c in plan(m).changes)


def test_issue_warnings_are_terms_data() -> None:
    terms = load_terms("sbuhb-upper-valleys-2021")
    assert terms.deadlines["interim_notice_days"] == 7
    m = meeting()
    p = plan(m)
    assert issue_warnings(p, terms.deadlines, "2026-01-20", "2026-01-15") == []
    late = issue_warnings(p, terms.deadlines, "2026-01-20", "2026-01-17")
    assert [w.render("en") for w in late] == [
        "The papers go out 3 days before the meeting; the terms ask for at least 5 days "
        "(due by 15 January 2026)"
    ]
    assert late[0].render("cy") != late[0].render("en")
    rec(m, "meeting_called", on="2026-01-16", interim=True)
    warnings = issue_warnings(plan(m), terms.deadlines, "2026-01-20", "2026-01-15")
    assert [w.render("en") for w in warnings] == [
        "An interim meeting was called 4 days ahead; the terms ask for 7 days' notice"
    ]
    assert issue_warnings(plan(m), {}, "2026-01-20", "2026-01-19") == []
    after = issue_warnings(plan(m), {}, "2026-01-20", "2026-01-21")
    assert [w.render("en") for w in after] == [
        "The papers go out after the meeting date (20 January 2026)"
    ]


@pytest.mark.parametrize(
    "raw",
    [
        {"type": "consensus", "item": "i2"},
        {"type": "declare", "person": "p1", "item": "i2", "interest": "x", "action": "none"},
        {"type": "action", "action": "A1", "item": "i2", "text": "Do it"},
        {"type": "financial_entry", "item": "i2", "amount": 10},
        {"type": "leave", "person": "p1", "after_item": "i2"},
    ],
)
def test_an_item_something_happened_at_stays(raw: dict[str, Any]) -> None:
    m = meeting()
    rec(m, "person_added", person="p1", name="P One", role="attendee")
    rec(m, "arrive", person="p1")
    try:
        m.apply(check_event(raw))
    except EventError:
        pytest.skip("the meeting refuses this event here for its own reason")
    with pytest.raises(EventError, match="cannot be withdrawn: an? .* is recorded on it"):
        rec(m, "item_withdrawn", item="i2")
    assert "i2" in m.agenda


_AGENDA_STEP = st.sampled_from(["add", "withdraw", "attach", "detach", "propose", "undo", "issue"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_AGENDA_STEP, st.integers(0, 5)), min_size=30, max_size=80))
def test_the_agenda_folded_step_by_step_is_the_agenda_replayed(steps: list[Any]) -> None:
    """Whatever the order of agenda events and undos (checkpoints every 32 events), the
    state kept as they are recorded is the state of the record played from the start."""
    m = meeting()
    for n, (step, k) in enumerate(steps):
        items = list(m.agenda)
        target = items[k % len(items)] if items else "none"  # undos can empty it
        papers = [p for p in m.papers.values() if not p.withdrawn]
        raws: list[dict[str, Any]] = []
        if step == "add":
            raws = [{"type": "item_added", "item": f"n{n}", "title": f"Item {n}", "duration": 5}]
        elif step == "withdraw":
            raws = [{"type": "item_withdrawn", "item": target}]
        elif step == "attach":
            sha = hashlib.sha256(str(n).encode()).hexdigest()
            raws = [
                {"type": "paper_attached", "paper": f"p{n}", "item": target, "title": f"P{n}",
                 "sha256": sha, "filename": f"p{n}.pdf", "size": 10}
            ]  # fmt: skip
        elif step == "detach" and papers:
            raws = [{"type": "paper_withdrawn", "paper": papers[k % len(papers)].id}]
        elif step == "propose":
            raws = [{"type": "proposal_recorded", "item": target, "proposal": f"pr{n}", **PROPOSAL}]
        elif step == "undo" and m.undo_target() is not None:
            raws = [{"type": "retract", "target": m.undo_target().id}]  # type: ignore[union-attr]
        elif step == "issue":
            raws = [{"type": "papers_sent", "on": "2026-01-05"}]
        for raw in raws:
            with contextlib.suppress(EventError):  # refused: nothing changed
                m.apply(check_event(raw))
    # The events that stand, played from the start without a single undo to replay.
    replayed = Meeting(m.terms, [e for _, e in m.effective_events()])
    assert [c.render("en") for c in plan(m).changes] == [
        c.render("en") for c in plan(Meeting(m.terms, m.events)).changes
    ]
    assert plan(m, "13:00").items == plan(replayed, "13:00").items

    def papers(x: Meeting) -> dict[str, Any]:  # where each event sits differs: undos
        return {k: dataclasses.replace(v, event=0) for k, v in x.papers.items()}

    def proposals(x: Meeting) -> dict[str, Any]:
        return {k: dataclasses.replace(v, event=0) for k, v in x.proposals.items()}

    assert papers(m) == papers(replayed) and proposals(m) == proposals(replayed)
    assert {i: (x.amount, x.withdrawn) for i, x in m.items.items()} == {
        i: (x.amount, x.withdrawn) for i, x in replayed.items.items()
    }


def test_a_refusal_is_given_in_the_current_language_and_kept_for_any_other() -> None:
    """The meeting words its refusals as messages (as its judgements): the window and
    the command line show them in the reader's language."""
    from secretary import i18n

    m = meeting()
    rec(m, "note", item="i2", text="Discussed.")
    try:
        i18n.set_language("cy")
        with pytest.raises(EventError) as refused:
            rec(m, "item_withdrawn", item="i2")
    finally:
        i18n.set_language("en")
    assert str(refused.value).startswith("item_withdrawn: ni ellir tynnu eitem")
    assert "cofnodwyd nodyn arni" in str(refused.value)
    problem = refused.value.problem
    assert not isinstance(problem, str)
    assert problem.render("en").endswith("cannot be withdrawn: a note is recorded on it")
