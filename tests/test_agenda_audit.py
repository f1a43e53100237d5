"""What an audit of issue 19 found, acted out as the secretariat would: each test
failed before its fix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_export_pack import fake_soffice
from tiny_pdf import tiny_pdf

from secretary.app import agenda as app_agenda
from secretary.cli.main import main
from secretary.i18n import language, set_language
from secretary.store import LiveMeeting


def cli_in_welsh(monkeypatch: pytest.MonkeyPatch, *argv: str) -> int:
    """``secretary agenda ARGV`` with SECRETARY_LANGUAGE=cy, the language put back after."""
    before = language()
    monkeypatch.setenv("SECRETARY_LANGUAGE", "cy")
    try:
        return main(["agenda", *argv])
    finally:
        set_language(before)


def test_the_pack_command_names_the_papers_in_welsh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from test_agenda_papers import new_meeting

    fake_soffice(tmp_path, monkeypatch)
    record, mid = new_meeting(tmp_path / "r.sqlite")
    live = LiveMeeting(record, mid)
    item = app_agenda.add_item(live, title="Estates", duration=15).event.get("item")
    case = tmp_path / "case.pdf"
    case.write_bytes(tiny_pdf("Estates case"))
    app_agenda.attach_paper(live, item, case, title="Estates case")
    record.close()
    db = ("--db", str(tmp_path / "r.sqlite"), "--meeting", str(mid))
    pack = ("pack", "--out", str(tmp_path / "pack.pdf"), "--language", "cy")
    assert cli_in_welsh(monkeypatch, *db, *pack) == 0
    out = capsys.readouterr().out
    assert "Papur 1a: Estates case" in out, out
    assert "Paper" not in out, out


def test_a_paper_withdrawn_after_issue_leaves_the_other_papers_their_labels() -> None:
    """The pack went out with Paper 5a and 5b: withdrawing 5a afterwards must not
    make 5b 'Paper 5a' on the agenda, in the pack or in the minutes."""
    from agenda_docs_helpers import planned_meeting, record

    from secretary.domain.agenda_plan import plan

    m = planned_meeting()
    labels = {p.paper: p.label for p in plan(m).papers}
    assert (labels["p1"], labels["p2"]) == ("Paper 5a", "Paper 5b")
    record(m, {"type": "papers_sent", "on": "2026-05-07"})
    record(m, {"type": "paper_withdrawn", "paper": "p1"})
    after = plan(m)
    assert {p.paper: p.label for p in after.papers} == {"p2": "Paper 5b", "p3": "Paper 6a"}
    assert "Paper 5a" not in [p.label for p in after.papers]


def test_a_paper_withdrawn_before_issue_gives_up_its_letter() -> None:
    from agenda_docs_helpers import planned_meeting, record

    from secretary.domain.agenda_plan import plan

    m = planned_meeting()
    record(m, {"type": "paper_withdrawn", "paper": "p1"})
    assert {p.paper: p.label for p in plan(m).papers} == {"p2": "Paper 5a", "p3": "Paper 6a"}


def test_a_bilingual_agenda_labels_every_paper_papur_paper() -> None:
    """'Papur / Paper 5a: title' for a long title as for a short one: not the title
    twice, once after 'Papur 5a' and once after 'Paper 5a'."""
    from agenda_docs_helpers import INFO, paper, planned_meeting
    from export_helpers import docx_text

    from secretary.export.agenda import agenda_document_of, agenda_docx

    m = planned_meeting()
    long_title = "Social prescriber for the cluster, with its job description"
    paper(m, "p4", "sp", long_title, b"long", "long.pdf")
    text = docx_text(agenda_docx(agenda_document_of(INFO, m), "bilingual"))
    assert f"Papur / Paper 5c: {long_title}" in text
    assert text.count(long_title) == 1


@pytest.fixture
def estates(tmp_path: Path) -> tuple[str, int]:
    """A meeting with items 1 Welcome, 2 Estates (its sub-item 2a), 3 Flu."""
    from test_agenda_papers import new_meeting

    record, mid = new_meeting(tmp_path / "r.sqlite")
    live = LiveMeeting(record, mid)
    app_agenda.add_item(live, title="Welcome", reference="UVC/26/01")
    estates = str(app_agenda.add_item(live, title="Estates").event.get("item"))
    app_agenda.add_item(live, title="Surgery roof", parent=estates)
    app_agenda.add_item(live, title="Flu")
    record.close()
    return str(tmp_path / "r.sqlite"), mid


def agenda_of(db: str, mid: int) -> list[str]:
    from secretary.app.agenda import plan_of
    from secretary.store import Record

    record = Record(db, readonly=True)
    try:
        return [f"{i.number} {i.heading.render('en')}" for i in plan_of(record, mid).items]
    finally:
        record.close()


def run(db: str, mid: int, *argv: str) -> int:
    return main(["agenda", "--db", db, "--meeting", str(mid), *argv])


def test_moving_an_item_to_a_place_keeps_other_items_with_their_sub_items(
    estates: tuple[str, int],
) -> None:
    db, mid = estates
    assert run(db, mid, "move", "3", "--to", "3") == 0  # already there
    assert run(db, mid, "move", "1", "--to", "3") == 0
    assert agenda_of(db, mid) == ["1 Estates", "1a Surgery roof", "2 Flu", "3 Welcome"]
    assert run(db, mid, "move", "3", "--to", "2") == 0  # Welcome before Flu, not in 1's family
    assert agenda_of(db, mid) == ["1 Estates", "1a Surgery roof", "2 Welcome", "3 Flu"]
    assert run(db, mid, "add", "--title", "Budget", "--at", "2") == 0
    assert agenda_of(db, mid) == ["1 Estates", "1a Surgery roof", "2 Budget", "3 Welcome",
                                  "4 Flu"]  # fmt: skip


@pytest.mark.parametrize(
    "argv",
    [
        ("move", "1", "--to", "4"),
        ("move", "1", "--to", "0"),
        ("add", "--title", "X", "--at", "5"),
        ("add", "--title", "X", "--at", "0"),
        ("add", "--title", "X", "--reference", " uvc/26/01 "),
        ("change", "3", "--reference", "UVC/26/01"),
    ],
)
def test_a_place_beyond_the_agenda_or_a_reference_in_use_is_refused(
    estates: tuple[str, int], argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    db, mid = estates
    before = agenda_of(db, mid)
    assert run(db, mid, *argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert ("places 1 to" in err) or ("UVC/26/01 is already the reference of item 1" in err), err
    assert agenda_of(db, mid) == before


def test_an_item_keeps_its_own_reference_when_changed(estates: tuple[str, int]) -> None:
    db, mid = estates
    assert run(db, mid, "change", "1", "--reference", "UVC/26/01", "--duration", "5") == 0


def test_the_app_never_moves_an_item_between_another_item_and_its_sub_items(
    estates: tuple[str, int],
) -> None:
    """The window's drag and drop gives a place in the whole list: a place inside
    another item's family goes after that family."""
    from secretary.store import Record

    db, mid = estates
    record = Record(db)
    try:
        live = LiveMeeting(record, mid)
        flu = live.meeting.agenda[-1]
        app_agenda.move_with_sub_items(live, flu, 2)  # between Estates and Surgery roof
        titles = [i.heading.render("en") for i in app_agenda.current_plan(live).items]
        assert titles == ["Welcome", "Estates", "Surgery roof", "Flu"]
    finally:
        record.close()


def test_agenda_show_names_the_lead_of_a_carried_action() -> None:
    from agenda_docs_helpers import planned_meeting

    from secretary.cli.agenda import plan_json, plan_lines
    from secretary.domain.agenda_plan import plan

    agenda = plan(planned_meeting(), "13:00")
    assert any("A3: Circulate the estates survey — Dr Rhian Evans" in x for x in plan_lines(agenda))
    arising = next(i for i in plan_json(agenda)["items"] if i["carried_actions"])
    assert arising["carried_actions"][0]["owner"] == "Dr Rhian Evans"


def test_a_new_item_goes_before_any_other_business(tmp_path: Path) -> None:
    """Without a place, an item goes last but for Any other business, which stays last."""
    from test_agenda_papers import new_meeting

    record, mid = new_meeting(tmp_path / "r.sqlite")
    try:
        live = LiveMeeting(record, mid)
        app_agenda.add_item(live, title="Estates")
        live.record_event({"type": "item_added", "item": "aob", "standing": "aob"})
        app_agenda.add_item(live, title="Flu")
        estates = app_agenda.current_plan(live).items[0].id
        app_agenda.add_item(live, title="Roof", parent=estates)
        titles = [i.heading.render("en") for i in app_agenda.current_plan(live).items]
        assert titles == ["Estates", "Roof", "Flu", "Any other business"]
        app_agenda.add_item(live, title="Late", position=4)  # a place given is kept
        assert app_agenda.current_plan(live).items[-1].heading.render("en") == "Late"
    finally:
        record.close()


def test_changes_since_issue_say_each_change_once() -> None:
    from agenda_docs_helpers import planned_meeting, record

    from secretary.domain.agenda_plan import plan

    m = planned_meeting()
    record(m, {"type": "papers_sent", "on": "2026-05-07"})
    record(m, {"type": "item_changed", "item": "sp", "duration": 25})
    record(m, {"type": "item_changed", "item": "sp", "presenter": "Tomos Bowen"})
    record(m, {"type": "item_changed", "item": "es", "duration": 10})
    assert [c.render("en") for c in plan(m).changes] == [
        "Item 5 changed after the agenda was issued",
        "Item 6 changed after the agenda was issued",
    ]


def test_bilingual_minutes_list_the_papers_in_welsh_then_in_english() -> None:
    """'Papurau: Papur 5a: …; Papur 5b: …' then 'Papers: Paper 5a: …; Paper 5b: …',
    not each paper's Welsh and English run together inside one list."""
    from agenda_docs_helpers import INFO, planned_meeting
    from export_helpers import docx_text

    from secretary.export import snapshot_from_meeting
    from secretary.export.documents import MinutesExporter

    snap = snapshot_from_meeting(INFO, planned_meeting(), language="bilingual")
    lines = docx_text(MinutesExporter(snap).run()).splitlines()
    assert "Papurau: Papur 5a: Social prescriber proposal; Papur 5b: Job description" in lines, [
        x for x in lines if "ap" in x
    ]
    assert "Papers: Paper 5a: Social prescriber proposal; Paper 5b: Job description" in lines


def test_once_an_item_is_decided_its_proposal_and_papers_stand() -> None:
    """The meeting decided on the £66,750.50 proposal and its papers: a revised
    proposal or a paper withdrawn afterwards would make the minutes say the meeting
    decided on something else. Refused; undoing the decision first is the way."""
    from agenda_docs_helpers import planned_meeting, record
    from test_proposal import FORM

    from secretary.domain.events import EventError
    from secretary.domain.proposal import parse_form

    m = planned_meeting()
    record(m, {"type": "arrive", "person": "lead", "at": "13:00"})
    record(m, {"type": "consensus", "item": "sp", "at": "13:30"})
    revised = parse_form(FORM.replace("32000", "42000"), "social.toml", m.terms.imtp_priorities)
    with pytest.raises(EventError, match="item 5 is decided"):
        record(m, {"type": "proposal_recorded", "item": "sp", "proposal": "pr2",
                   **revised.event_fields()})  # fmt: skip
    with pytest.raises(EventError, match="item 5 is decided"):
        record(m, {"type": "paper_withdrawn", "paper": "p2"})
    record(m, {"type": "paper_withdrawn", "paper": "p3"})  # item 6: nothing decided yet


def test_notice_of_a_meeting_cannot_be_given_after_it(
    estates: tuple[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    db, mid = estates  # the meeting is on 2026-06-11
    assert run(db, mid, "call", "--on", "2026-06-20", "--interim") == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        "secretary: meeting 1: the notice of a meeting is given before it: "
        "2026-06-20 is after the meeting (2026-06-11)"
    )
    assert run(db, mid, "call", "--on", "2026-06-11") == 0  # on the day: short, but said


@pytest.fixture
def decided_item(tmp_path: Path) -> Iterator[tuple[Any, int, LiveMeeting, str]]:
    """A meeting whose financial item (£2,500) was agreed by consensus: the record,
    the meeting's id, the live meeting and the item."""
    from test_agenda_papers import new_meeting

    from secretary.app.meeting import record

    db, mid = new_meeting(tmp_path / "r.sqlite")
    try:
        live = LiveMeeting(db, mid)
        item = str(app_agenda.add_item(live, title="IT refresh", amount=2500).event.get("item"))
        live.record_event({"type": "person_added", "person": "lead", "name": "Dr Rhian Evans",
                           "role": "member", "seat": "cluster-lead"})  # fmt: skip
        record(live, {"type": "arrive", "person": "lead", "at": "13:00"})
        record(live, {"type": "consensus", "item": item, "at": "13:10"})
        yield db, mid, live, item
    finally:
        db.close()


def test_the_amount_of_a_decided_item_stays_as_decided(decided_item) -> None:
    """The meeting approved £2,500: changing the amount afterwards would make the
    minutes say it approved another sum. Refused (undo the decision first); the
    title can still be corrected."""
    from secretary.app.meeting import OperationRefused

    _db, _mid, live, item = decided_item
    for fields in ({"amount": 2750.0}, {"financial": False}, {"decision_type": "ordinary"}):
        with pytest.raises(OperationRefused, match="is decided"):
            app_agenda.change_item(live, item, **fields)
    app_agenda.change_item(live, item, title="Practice IT refresh", amount=2500.0)
    assert live.meeting.items[item].amount == 2500


def test_the_item_of_an_outside_decision_keeps_its_amount(tmp_path: Path) -> None:
    """The remote decision of £4,500 is listed for ratification: a proposal recorded
    on that item, or an amount typed, would show the meeting ratifying another sum."""
    from test_agenda_papers import new_meeting
    from test_proposal import FORM

    from secretary.app.meeting import OperationRefused
    from secretary.domain.events import EventError
    from secretary.domain.proposal import parse_form

    db, mid = new_meeting(tmp_path / "r.sqlite")
    try:
        live = LiveMeeting(db, mid)
        live.record_event({"type": "item_added", "item": "od", "standing": "ratification",
                           "title": "Winter vaccination bus", "decision": "d1",
                           "decision_kind": "remote", "decided_on": "2026-06-03",
                           "financial": True, "amount": 4500})  # fmt: skip
        proposal = parse_form(FORM, "social.toml", live.meeting.terms.imtp_priorities)
        with pytest.raises(EventError, match="decision taken outside"):
            app_agenda.record_proposal(live, "od", proposal)
        with pytest.raises(OperationRefused, match="decision taken outside"):
            app_agenda.change_item(live, "od", amount=66750.5)
        assert live.meeting.items["od"].amount == 4500
    finally:
        db.close()


def test_a_raw_change_of_a_decided_items_money_is_refused_by_the_domain(decided_item) -> None:
    """The rule is the domain's, not only the operation's: an ``item_changed`` event
    recorded as it is (a replayed scenario, a script, another window) changing the
    amount, financial flag or decision type of a decided item is refused, with
    nothing written; a title correction still goes through."""
    from secretary.app.meeting import record
    from secretary.domain.events import EventError

    db, mid, live, item = decided_item
    before = len(live.meeting.events)
    changes = ({"amount": 2750.0}, {"financial": False}, {"decision_type": "ordinary"})
    for fields in changes:
        with pytest.raises(EventError, match="is decided.*undo the decision first"):
            record(live, {"type": "item_changed", "item": item, **fields})
        with pytest.raises(EventError, match="is decided"):
            live.record_event({"type": "item_changed", "item": item, **fields})
    assert len(live.meeting.events) == before
    assert len(LiveMeeting(db, mid).meeting.events) == before  # nothing written
    assert live.meeting.items[item].amount == 2500
    record(live, {"type": "item_changed", "item": item, "title": "Practice IT refresh"})
    assert live.meeting.items[item].title == "Practice IT refresh"
