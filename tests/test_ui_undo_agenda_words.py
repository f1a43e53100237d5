"""The status bar says what an agenda change was, and what its undo took back
(issue 19: the builder's events have their own words, never a bare "Recorded")."""

from __future__ import annotations

from test_ui_window import activate, clock, focus_item, meeting_record, window  # noqa: F401

from secretary.domain.events import Event


def test_agenda_events_are_described_in_words(window):  # noqa: F811
    c = window.controller
    label = c.item_label("4")
    assert label
    words = [
        (Event("item_changed", {"item": "4", "presenter": "lead"}), f"Item changed: {label}"),
        (Event("item_withdrawn", {"item": "4"}), f"Item withdrawn: {label}"),
        (
            Event(
                "paper_attached",
                {"paper": "p", "item": "4", "title": "Social prescriber", "sha256": "0" * 64,
                 "filename": "a.pdf", "size": 3},
            ),
            "Paper attached: Social prescriber",
        ),
        (Event("paper_withdrawn", {"paper": "p"}), "Paper withdrawn"),
        (
            Event("proposal_recorded", {"item": "4", "proposal": "x", "title": "Care navigator"}),
            "Investment proposal recorded: Care navigator",
        ),
        (
            Event("meeting_called", {"on": "2026-11-20", "interim": True}),
            "Notice of the meeting given",
        ),
        (Event("papers_sent", {"on": "2026-11-20"}), "Agenda and papers issued"),
    ]  # fmt: skip
    for event, text in words:
        assert c.describe(event) == text, event.type


def test_undoing_an_agenda_change_says_what_it_took_back(window):  # noqa: F811
    c = window.controller
    label = c.item_label("4")
    event = c.record({"type": "item_changed", "item": "4", "presenter": "Dr Price"})
    assert event is not None
    assert c.undo()
    undo = c.meeting.events[-1]
    assert c.describe(undo) == f"Undone: Item changed: {label} (recorded as a correction)"
