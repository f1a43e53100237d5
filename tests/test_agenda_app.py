"""The agenda's operations (``secretary.app.agenda``), as the window calls them: each
returns what it recorded; a refusal writes nothing (no event, no paper)."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretary.app import agenda
from secretary.app.meeting import OperationRefused
from secretary.domain.events import EventError
from secretary.domain.proposal import Proposal
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import read_terms_source
from secretary.store import LiveMeeting, Record

PROPOSAL = {
    "title": "Social prescriber",
    "priority": "Prevention and Reducing Health Inequalities",
    "description": "A social prescriber for the cluster.",
    "outcomes": "Fewer GP appointments.",
    "costs": [{"line": "Post", "kind": "recurrent", "year": "2026/27", "amount": 30000}],
}


@pytest.fixture
def live(tmp_path: Path):
    text, _ = read_terms_source("sbuhb-upper-valleys-2021")
    record = Record(tmp_path / "r.sqlite")
    info = MeetingInfo("Upper Valleys", "2026-06-11", "13:00", "Hall", "Upper Valleys")
    mid = record.create_meeting(info, "sbuhb-upper-valleys-2021", text)
    live = LiveMeeting(record, mid)
    live.record_event({"type": "item_added", "item": "ap", "standing": "apologies"})
    yield live
    record.close()


def test_items_are_added_changed_moved_and_withdrawn(live) -> None:
    first = agenda.add_item(live, title="Budget", duration=15, amount=1200).event.get("item")
    second = agenda.add_item(live, title="Estates", position=1, purpose="information")
    assert live.meeting.agenda == ["ap", second.event.get("item"), first]
    assert live.meeting.items[first].financial and live.meeting.items[first].amount == 1200
    agenda.change_item(live, first, starts="13:10", presenter="CDM")
    assert agenda.current_plan(live).item(first).starts == "13:10"  # type: ignore[union-attr]
    with pytest.raises(OperationRefused, match="an item has no field colour"):
        agenda.change_item(live, first, colour="red")
    with pytest.raises(OperationRefused, match="nothing to change"):
        agenda.change_item(live, first, title=None)
    agenda.move_item(live, first, 0)
    assert live.meeting.agenda[0] == first
    agenda.withdraw_item(live, second.event.get("item"), reason="  Deferred  ")
    assert live.events[-1].get("reason") == "Deferred"
    found = agenda.find_item(agenda.current_plan(live), "2")
    assert found is not None and found.id == "ap"
    # A sub-item goes after its item and the sub-items it has, not at the end.
    agenda.add_item(live, title="Any other business")
    agenda.add_item(live, title="Pay", parent=first)
    agenda.add_item(live, title="Rent", parent=first)
    plan = agenda.current_plan(live)
    assert [(i.number, i.heading.render("en")) for i in plan.items] == [
        ("1", "Budget"),
        ("1a", "Pay"),
        ("1b", "Rent"),
        ("2", "Welcome, introductions and apologies"),
        ("3", "Any other business"),
    ]


def test_a_refused_proposal_writes_nothing_and_a_revised_one_replaces_its_paper(live) -> None:
    before = len(live.events)
    proposal = Proposal.from_fields(PROPOSAL)
    with pytest.raises(EventError, match="an item of its own"):
        agenda.record_proposal(live, "ap", proposal)
    assert len(live.events) == before and not live.meeting.papers
    item = agenda.add_item(live, title="Social prescriber").event.get("item")
    agenda.record_proposal(live, item, proposal)
    revised = Proposal.from_fields({**PROPOSAL, "costs": [{**PROPOSAL["costs"][0], "amount": 1}]})
    agenda.record_proposal(live, item, revised)
    standing = live.meeting.papers_of(item)
    assert [p.title for p in standing] == ["Social prescriber"]
    assert live.meeting.items[item].amount == 1
    assert len(live.meeting.papers) == 2  # the first document stays in the record, withdrawn


def test_issue_returns_the_terms_warnings(live) -> None:
    assert agenda.warnings_for_issue(live, "2026-06-01") == []
    result = agenda.issue(live, "2026-06-09")
    assert result.recorded.event.type == "papers_sent"
    assert [w.render("en") for w in result.warnings] == [
        "The papers go out 2 days before the meeting; the terms ask for at least 5 days "
        "(due by 6 June 2026)"
    ]
    assert agenda.current_plan(live).issued_on == "2026-06-09"


@pytest.mark.parametrize(
    ("to", "order"), [(0, "A A1 A2 X B C"), (2, "X B A A1 A2 C"), (9, "X B C A A1 A2")]
)
def test_an_item_moves_with_its_sub_items(live, to: int, order: str) -> None:
    names: dict[str, str] = {}
    for title in ("X", "A", "B", "C"):
        names[agenda.add_item(live, title=title).event.get("item")] = title
    a = next(k for k, v in names.items() if v == "A")
    for title in ("A1", "A2"):
        names[agenda.add_item(live, title=title, parent=a).event.get("item")] = title
    before = len(live.events)
    moved = agenda.move_with_sub_items(live, a, to + 1)  # after the apologies item
    order_now = " ".join(names[i] for i in live.meeting.agenda if i in names)
    assert order_now == order
    assert {e.event.get("item") for e in moved} <= {
        a,
        *[k for k, v in names.items() if v in ("A1", "A2")],
    }
    assert len(live.events) == before + len(moved)
