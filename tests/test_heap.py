"""secretary/heap.py: automatic collections held while modules load, and resumed
(with what was alive frozen) once every hold is released, in any order."""

from __future__ import annotations

import gc

import pytest

from secretary import heap


@pytest.fixture(autouse=True)
def collector_restored():
    yield
    for name in heap.held():
        heap.release(name)
    gc.enable()


def test_collections_resume_only_when_every_hold_is_released():
    frozen = gc.get_freeze_count()
    heap.hold("startup")
    heap.hold("writer")
    assert not gc.isenabled()
    assert heap.held() == ["startup", "writer"]
    heap.release("startup")
    assert not gc.isenabled()  # the writer's hold is still there
    kept = [object()]  # noqa: F841  (alive now: frozen by the next release)
    heap.release("writer")
    assert gc.isenabled() and heap.held() == []
    assert gc.get_freeze_count() > frozen  # what was alive, out of its sight


def test_a_name_held_twice_needs_two_releases():
    heap.hold("warm-up")
    heap.hold("warm-up")
    heap.release("warm-up")
    assert heap.held() == ["warm-up"] and not gc.isenabled()
    heap.release("warm-up")
    assert heap.held() == [] and gc.isenabled()


def test_releasing_what_was_not_held_takes_no_other_hold_away():
    heap.hold("writer")
    heap.release("startup")  # never held (a window opened without secretary.main)
    assert heap.held() == ["writer"] and not gc.isenabled()
    heap.release("writer")
    assert gc.isenabled()
