"""An undo or correction replays from a checkpoint, once: the state must be exactly
what folding every event from the start gives (domain/meeting.py)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from examples import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import scenarios

import secretary.domain.meeting as meeting_module
from secretary.domain.events import Event, EventError
from secretary.domain.meeting import Meeting
from secretary.domain.scenario import parse_scenario


def state(m: Meeting) -> dict[str, Any]:
    return {
        "people": m.people,
        "items": m.items,
        "agenda": m.agenda,
        "attendance": m.attendance,
        "declarations": m.declarations,
        "proxies": m.proxies,
        "decisions": [
            (
                d.item,
                d.kind,
                d.status,
                d.event,
                d.for_,
                d.against,
                d.abstain,
                d.required,
                d.eligible,
                d.base,
                d.barred,
                d.ballots,
                d.rejected,
            )
            for d in m.decisions
        ],
        "notes": m.notes,
        "actions": m.actions,
        "financial": m.financial,
        "focus": m.focus,
        "closed": m.closed,
        "cancelled": m.cancelled,
        "by_person": m._declarations_by_person,
    }


def from_scratch(m: Meeting) -> Meeting:
    fresh = Meeting(m.terms)
    fresh.events = list(m.events)
    fresh._rebuild()
    return fresh


def undo_and_redo_at_random(m: Meeting, rng: random.Random, steps: int) -> int:
    """Retract a random effective event, or a random earlier retract (redo); each time
    the state matches a full replay, and so does a refused retract (unchanged)."""
    done = 0
    for _ in range(steps):
        retracts = [e for e in m.events if e.type == "retract"]
        effective = [e for _, e in m.effective_events()]
        pool = effective[-5:] + effective + retracts  # mostly recent, as a secretary does
        if not pool:
            break
        target = rng.choice(pool)
        event = Event("retract", {"target": target.id, "reason": "undo"})
        before = state(m)
        try:
            m.check(event)
            m.apply(event)
        except EventError:
            assert state(m) == before  # refused: nothing changed
            continue
        done += 1
        assert state(m) == state(from_scratch(m))
    return done


@pytest.fixture
def small_checkpoints(monkeypatch):
    monkeypatch.setattr(meeting_module, "CHECKPOINT_EVERY", 3)


@settings(
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(scenarios(), st.integers(0, 2**32))
def test_undo_from_a_checkpoint_equals_a_full_replay(small_checkpoints, data, seed):
    scenario = parse_scenario(data, "random.json")
    m = Meeting(scenario.terms, scenario.setup)
    for e in scenario.events:
        m.apply(e)
    undo_and_redo_at_random(m, random.Random(seed), 12)
    # New events after undos keep folding onto the replayed state.
    for e in scenario.events[:5]:
        if e.type in ("arrive", "leave", "focus", "note"):
            before = state(m)
            try:
                m.apply(Event(e.type, dict(e.data)))
            except EventError:  # its person or item was undone: refused, unchanged
                assert state(m) == before
    assert state(m) == state(from_scratch(m))


def test_an_undo_replays_once_and_only_the_tail(monkeypatch):
    """Undo of the last event of a long meeting folds only the events since the last
    checkpoint, once (check then apply share the work)."""
    from test_properties import TERMS

    terms = TERMS["sbuhb-upper-valleys-2021"]
    seats = [s.id for s in terms.seats]
    m = Meeting(terms)
    for i, seat in enumerate(seats):
        m.apply_raw(
            {
                "type": "person_added",
                "person": f"p{i}",
                "name": f"P {i}",
                "role": "member",
                "seat": seat,
            }
        )
    m.apply_raw({"type": "item_added", "item": "1", "title": "One"})
    for n in range(300):
        m.apply_raw({"type": "arrive" if n % 2 == 0 else "leave", "person": f"p{n % 3}"})
    folded: list[int] = []
    real_fold = Meeting._fold

    def counting_fold(self: Meeting, e: Event, index: int) -> Any:
        folded.append(index)
        return real_fold(self, e, index)

    monkeypatch.setattr(Meeting, "_fold", counting_fold)
    last = m.events[-1]
    undo = Event("retract", {"target": last.id, "reason": "undo"})
    m.check(undo)
    m.apply(undo)
    assert last.id in m.cancelled
    assert 0 < len(folded) <= meeting_module.CHECKPOINT_EVERY
    folded.clear()
    redo = Event("retract", {"target": undo.id, "reason": "redo"})
    m.apply(redo)  # apply alone checks too: still one replay
    assert last.id not in m.cancelled
    assert 0 < len(folded) <= meeting_module.CHECKPOINT_EVERY + 1
    assert state(m) == state(from_scratch(m))


def test_a_trial_leaves_the_meeting_as_it_was(small_checkpoints):
    """with_events (a correction's trial) changes nothing, even when the retract it
    tried is then recorded and more events follow."""
    from test_properties import TERMS

    m = Meeting(TERMS["sbuhb-upper-valleys-2021"])
    m.apply_raw({"type": "person_added", "person": "a", "name": "A", "role": "attendee"})
    for n in range(10):
        m.apply_raw({"type": "arrive" if n % 2 == 0 else "leave", "person": "a", "at": f"1{n}:00"})
    before = state(m)
    last = m.events[-1]
    retract = Event("retract", {"target": last.id, "reason": "time corrected"})
    trial = m.with_events([retract, Event("leave", {"person": "a", "at": "19:30"})])
    assert state(m) == before
    assert trial.events[-1].get("at") == "19:30" and last.id in trial.cancelled
    m.apply(retract)  # the tried retract, recorded: its replay is reused
    assert last.id in m.cancelled and len(m.events) == 12
    assert state(m) == state(from_scratch(m))
