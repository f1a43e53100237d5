"""Paper labels and item numbers after the agenda is issued.

A paper keeps the label it went out with ("Paper 3a") whatever is added, moved or
withdrawn after issue, in the plan, the agenda document and the minutes; a paper
attached later takes the next free letter on its item's number then; no two papers
ever share a label; the changes since issue say which item each was when issued.
The issue warnings write their dates out in the reader's language."""

from __future__ import annotations

import contextlib
import hashlib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretary.domain.agenda_plan import issue_warnings, paper_labels, plan
from secretary.domain.events import EventError, check_event
from secretary.domain.meeting import Meeting
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import load_terms
from secretary.export.agenda import agenda_document_of
from secretary.export.snapshot import snapshot_from_meeting


def meeting() -> Meeting:
    m = Meeting(load_terms("sbuhb-upper-valleys-2021"))
    for raw in (
        {"type": "item_added", "item": "ap", "standing": "apologies"},
        {"type": "item_added", "item": "i1", "title": "Budget"},
        {"type": "item_added", "item": "i2", "title": "Social prescriber"},
        {"type": "item_added", "item": "i3", "title": "Estates"},
    ):
        m.apply(check_event(raw))
    return m


def rec(m: Meeting, type: str, **fields: Any) -> Any:
    return m.apply(check_event({"type": type, **fields}))


def attach(m: Meeting, paper: str, item: str, title: str) -> None:
    rec(
        m,
        "paper_attached",
        paper=paper,
        item=item,
        title=title,
        sha256=hashlib.sha256(paper.encode()).hexdigest(),
        filename=f"{paper}.pdf",
        size=10,
    )


def labels(m: Meeting) -> dict[str, str]:
    return {p.paper: p.label for p in plan(m).papers}


def issued_meeting() -> Meeting:
    m = meeting()
    attach(m, "p1", "i2", "Social prescriber proposal")
    attach(m, "p2", "i2", "Job description")
    attach(m, "p3", "i3", "Estates plan")
    rec(m, "papers_sent", on="2026-01-10")
    return m


def test_an_issued_paper_keeps_its_label_when_items_are_inserted_before_it() -> None:
    m = issued_meeting()
    assert labels(m) == {"p1": "Paper 3a", "p2": "Paper 3b", "p3": "Paper 4a"}
    rec(m, "item_added", item="urgent", title="Urgent item", position=1)
    assert [i.number for i in plan(m).items] == ["1", "2", "3", "4", "5"]
    assert plan(m).item("i2").number == "4"  # type: ignore[union-attr]
    # As issued, although item 3 is now item 4.
    assert labels(m) == {"p1": "Paper 3a", "p2": "Paper 3b", "p3": "Paper 4a"}
    # A paper attached now takes the next free letter on the item's number in the
    # issued pack, so an item's papers share one number; a new item, its number now.
    attach(m, "p4", "i2", "Addendum")
    attach(m, "p5", "i3", "Site plan")
    attach(m, "p6", "urgent", "Urgent paper")  # item 2, 2a free
    assert labels(m)["p4"] == "Paper 3c"
    assert labels(m)["p5"] == "Paper 4b"
    assert labels(m)["p6"] == "Paper 2a"
    # And keeps it when the agenda moves again.
    rec(m, "item_moved", item="urgent", position=4)
    assert labels(m) == {
        "p1": "Paper 3a",
        "p2": "Paper 3b",
        "p4": "Paper 3c",
        "p3": "Paper 4a",
        "p5": "Paper 4b",
        "p6": "Paper 2a",
    }
    # An item added after issue, then a paper on an issued item whose number it took:
    # never the same label twice.
    rec(m, "item_added", item="late", title="Late", position=1)
    attach(m, "p7", "late", "Late paper")  # "late" is item 2 now: 2a is taken
    assert labels(m)["p7"] == "Paper 2b"


def test_a_withdrawn_issued_label_is_never_given_again() -> None:
    m = issued_meeting()
    rec(m, "paper_withdrawn", paper="p2")
    attach(m, "p4", "i2", "Revised job description")
    assert labels(m) == {"p1": "Paper 3a", "p4": "Paper 3c", "p3": "Paper 4a"}
    assert paper_labels(m)["p2"] == "Paper 3b"  # still its label, for the record


def test_before_issue_labels_follow_the_agenda() -> None:
    m = meeting()
    attach(m, "p1", "i2", "Proposal")
    attach(m, "p2", "i2", "Withdrawn before issue")
    rec(m, "paper_withdrawn", paper="p2")
    rec(m, "item_added", item="early", title="Early", position=1)
    attach(m, "p3", "i2", "Second")
    # Nothing went out yet: the labels are the agenda's as it stands, 3b is free again.
    assert labels(m) == {"p1": "Paper 4a", "p3": "Paper 4b"}
    rec(m, "papers_sent", on="2026-01-10")
    rec(m, "item_withdrawn", item="early")
    assert labels(m) == {"p1": "Paper 4a", "p3": "Paper 4b"}
    assert plan(m).item("i2").number == "3"  # type: ignore[union-attr]


def test_an_undone_issue_fixes_nothing() -> None:
    m = issued_meeting()
    rec(m, "retract", target=m.events[-1].id)
    rec(m, "item_added", item="urgent", title="Urgent", position=1)
    assert labels(m)["p1"] == "Paper 4a"


def test_the_changes_since_issue_make_a_renumbering_visible() -> None:
    m = issued_meeting()
    rec(m, "item_added", item="urgent", title="Urgent item", position=1)
    rec(m, "item_changed", item="i2", presenter="CDM")
    rec(m, "item_moved", item="i1", position=4)
    # urgent is item 2; i2 is item 3 again (one in before it, one moved after it).
    assert [c.render("en") for c in plan(m).changes] == [
        "Item 2 added after the agenda was issued",
        "Item 3 changed after the agenda was issued",
        "Item 5 (issued as item 2) moved after the agenda was issued",
    ]
    rec(m, "item_added", item="second", title="Second urgent", position=1)
    p = plan(m)
    assert [c.render("en") for c in p.changes] == [
        "Item 3 added after the agenda was issued",
        "Item 4 (issued as item 3) changed after the agenda was issued",
        "Item 6 (issued as item 2) moved after the agenda was issued",
        "Item 2 added after the agenda was issued",
        # Nothing was recorded on i3, but its number is not the one that went out.
        "Item 5 (issued as item 4) renumbered after the agenda was issued",
    ]
    assert p.changed == {
        "urgent": ("added",),
        "i2": ("changed",),
        "i1": ("moved",),
        "second": ("added",),
        "i3": ("renumbered",),
    }
    assert p.issued_numbers == {"ap": "1", "i1": "2", "i2": "3", "i3": "4"}
    assert [c.render("en") for c in p.item_changes["i3"]] == [
        "Item 5 (issued as item 4) renumbered after the agenda was issued"
    ]
    welsh = [c.render("cy") for c in p.changes]
    assert (
        "Eitem 5 (eitem 4 ar yr agenda a gyhoeddwyd) wedi'i hailrifo ar ôl cyhoeddi'r agenda"
    ) in welsh


def test_papers_are_changes_of_their_item() -> None:
    m = issued_meeting()
    attach(m, "p4", "i3", "Site plan")
    rec(m, "paper_withdrawn", paper="p1")
    p = plan(m)
    assert p.changed == {"i3": ("papers",), "i2": ("papers",)}
    assert [c.render("en") for c in p.changes] == [
        "Item 4: paper 4b added after the agenda was issued (Site plan)",
        "Item 3: paper 3a withdrawn after the agenda was issued (Social prescriber proposal)",
    ]


def test_the_agenda_document_and_the_minutes_cite_the_issued_label() -> None:
    m = issued_meeting()
    rec(m, "item_added", item="urgent", title="Urgent item", position=1)
    attach(m, "p4", "i2", "Addendum")
    info = MeetingInfo(title="Cluster meeting", date="2026-01-20", start="13:00")
    doc = agenda_document_of(info, m)
    line = next(x for x in doc.items if x.number == "4")
    assert [(pp.number, pp.title) for pp in line.papers] == [
        ("3a", "Social prescriber proposal"),
        ("3b", "Job description"),
        ("3c", "Addendum"),
    ]
    for lang, word in (("en", "Paper"), ("cy", "Papur")):
        minutes = snapshot_from_meeting(info, m, language=lang)
        section = next(s for s in minutes.items if s.id == "i2")
        assert section.number == "4"
        assert section.papers == (
            f"{word} 3a: Social prescriber proposal",
            f"{word} 3b: Job description",
            f"{word} 3c: Addendum",
        )


_STEP = st.sampled_from(["add", "sub", "move", "attach", "detach", "withdraw", "undo", "reissue"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=st.lists(
        st.tuples(st.sampled_from(["add", "attach", "detach", "move"]), st.integers(0, 9)),
        max_size=12,
    ),  # fmt: skip
    after=st.lists(st.tuples(_STEP, st.integers(0, 9), st.integers(0, 9)), max_size=40),
)
def test_nothing_after_issue_changes_an_issued_label_or_gives_one_twice(
    before: list[Any], after: list[Any]
) -> None:
    """Any agenda built, issued, then any adds, moves, attachments, withdrawals (and
    undos of them) afterwards: every paper keeps the label it had at issue (or was first
    given, after issue), and no two papers, standing or withdrawn, share a label."""
    m = meeting()
    for n, (step, k) in enumerate(before):
        _step(m, f"b{n}", step, k, 0)
    rec(m, "papers_sent", on="2026-01-10")
    issue_event = m.events[-1].id
    seen = dict(paper_labels(m))
    for n, (step, k, j) in enumerate(after):
        _step(m, f"a{n}", step, k, j, keep=issue_event)
        now = paper_labels(m)
        for paper, label in now.items():
            assert seen.setdefault(paper, label) == label, (paper, seen[paper], label)
        assert len(set(now.values())) == len(now), now
        standing = {p.paper: p.label for p in plan(m).papers}
        assert all(now[p] == label for p, label in standing.items())
        assert {p.id for p in m.papers.values() if not p.withdrawn and p.item in m.agenda} == (
            set(standing)
        )
    assert plan(m).changes == plan(Meeting(m.terms, m.events)).changes


def _step(m: Meeting, n: str, step: str, k: int, j: int, keep: str = "") -> None:
    items = list(m.agenda)
    target = items[k % len(items)] if items else "none"
    standing = [p for p in m.papers.values() if not p.withdrawn]
    raws: list[dict[str, Any]] = []
    if step == "add":
        raws = [{"type": "item_added", "item": n, "title": n, "position": j}]
    elif step == "sub":
        raws = [{"type": "item_added", "item": n, "title": n, "parent": target}]
    elif step == "move":
        raws = [{"type": "item_moved", "item": target, "position": j}]
    elif step == "attach":
        sha = hashlib.sha256(n.encode()).hexdigest()
        raws = [{"type": "paper_attached", "paper": n, "item": target, "title": n,
                 "sha256": sha, "filename": f"{n}.pdf", "size": 10}]  # fmt: skip
    elif step == "detach" and standing:
        raws = [{"type": "paper_withdrawn", "paper": standing[k % len(standing)].id}]
    elif step == "withdraw":
        raws = [{"type": "item_withdrawn", "item": target}]
    elif step == "undo":
        last = m.undo_target()
        if last is not None and last.id != keep:
            raws = [{"type": "retract", "target": last.id}]
    elif step == "reissue":
        raws = [{"type": "papers_sent", "on": "2026-01-12"}]
    for raw in raws:
        with contextlib.suppress(EventError):  # refused: nothing changed
            m.apply(check_event(raw))


def test_issue_warnings_write_their_dates_in_the_readers_language() -> None:
    terms = load_terms("sbuhb-upper-valleys-2021")
    p = plan(meeting())
    late = issue_warnings(p, terms.deadlines, "2026-11-30", "2026-11-27")
    assert late[0].render("en").endswith("(due by 25 November 2026)")
    assert late[0].render("cy").endswith("(erbyn 25 Tachwedd 2026)")
    after = issue_warnings(p, terms.deadlines, "2026-11-30", "2026-12-02")
    assert after[0].render("en") == "The papers go out after the meeting date (30 November 2026)"
    assert "30 Tachwedd 2026" in after[0].render("cy")
    assert "2026-11" not in " ".join(w.render(lang) for w in late + after for lang in ("en", "cy"))
