"""What an audit of issue 19 found, acted out as the secretariat would: each test
failed before its fix."""

from __future__ import annotations

from pathlib import Path

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
