"""The cluster's budget (seed terms 3.3.4, 3.3.5): allocations per financial year and
line, entered and corrected and kept; what the meetings committed (carried financial
decisions and ratified outside decisions, recurrent costs into later years); remaining
to the penny; the spending report in Word and CSV."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import sqlite3
from decimal import Decimal
from pathlib import Path

import between_year as by
import docx
import pytest

from secretary.cli.main import main
from secretary.domain.budget import Allocation, budget_year, in_force
from secretary.domain.events import EventError, check_event
from secretary.export.accessibility import problems
from secretary.store import Record
from secretary.store import budget as bd
from secretary.store.errors import ClusterError

PREVENTION = "Prevention & wellbeing"
THERAPIES = "Therapies"


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    os.environ["SECRETARY_LANGUAGE"] = "en"
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def carry(live, item: str) -> None:
    """Everyone present votes for ``item`` (carried)."""
    m = live.meeting
    voters = {p.id: "for" for p in m.people.values() if p.role == "member" and m.is_present(p.id)}
    decision = live.record_event({"type": "vote", "item": item, "votes": voters})
    assert decision.status == "carried", decision.text


@pytest.fixture
def year(tmp_path: Path):
    path = tmp_path / "year.sqlite"
    record = Record(path)
    y = by.build_year(record, upto=1)
    (m1,) = y.lives
    # M1: the social prescriber extension carried; £18,500 a year for two years
    carry(m1, "5")
    m1.record_event(
        {
            "type": "financial_entry",
            "item": "5",
            "amount": 18500,
            "budget_line": PREVENTION,
            "signatory": "Carys Miles",
            "recurrent_years": 2,
        }
    )
    by._m2(y)  # approves M1's minutes: M1 is locked from here
    m2 = y.lives[1]
    # M2: RD1 (£4,000) ratified, logged on the therapies line (written with other case)
    m2.record_event(
        {
            "type": "financial_entry",
            "item": f"od-{y.rd1}",
            "amount": 4000.5,
            "budget_line": "  therapies ",
            "signatory": "Carys Miles",
        }
    )
    # and an entry on a line the budget does not have
    m2.record_event(
        {
            "type": "item_added",
            "item": "x1",
            "title": "Defibrillator",
            "financial": True,
            "amount": 1200,
        }
    )
    carry(m2, "x1")
    m2.record_event(
        {
            "type": "financial_entry",
            "item": "x1",
            "amount": 1200,
            "budget_line": "Equipment",
            "signatory": "Carys Miles",
        }
    )
    bd.add_allocation(record, y.cluster_id, 2026, PREVENTION, 41200)
    bd.add_allocation(record, y.cluster_id, 2026, THERAPIES, 10000)
    bd.add_allocation(record, y.cluster_id, 2026, THERAPIES, "9999.99", note="revised in June")
    bd.add_allocation(record, y.cluster_id, 2027, PREVENTION, 40000)
    yield record, y, path
    record.close()


def test_committed_and_remaining_to_the_penny(year) -> None:
    record, y, _path = year
    report = bd.budget_for_year(record, y.cluster_id, 2026)
    prevention, therapies = report.line(PREVENTION), report.line(THERAPIES)
    assert prevention is not None and therapies is not None
    assert prevention.allocated == Decimal("41200.00")
    assert prevention.committed == Decimal("18500.00")
    assert prevention.remaining == Decimal("22700.00")
    assert therapies.allocated == Decimal("9999.99")  # the correction is in force
    assert therapies.committed == Decimal("4000.50")
    assert therapies.remaining == Decimal("5999.49")
    assert [(c.item, c.meeting_date) for c in therapies.commitments] == [
        (therapies.commitments[0].item, "2026-07-09")
    ]
    assert "Extra physiotherapy sessions" in therapies.commitments[0].item
    assert [(c.line, c.amount) for c in report.not_in_budget] == [("Equipment", Decimal("1200.00"))]
    # the recurrent cost also commits against the next year
    next_year = bd.budget_for_year(record, y.cluster_id, 2027)
    line = next_year.line(PREVENTION)
    assert line is not None and line.committed == Decimal("18500.00")
    assert line.commitments[0].recurrent_from == 2026
    assert line.remaining == Decimal("21500.00")
    # every entry kept: three allocations for 2026 and one for 2027
    assert len(bd.allocation_history(record, y.cluster_id)) == 4


def test_a_decision_undone_no_longer_commits(year) -> None:
    record, y, _path = year
    m2 = y.lives[1]
    entry = next(e for e in m2.meeting.events if e.type == "financial_entry")
    m2.record_event({"type": "retract", "target": entry.id, "reason": "entered in error"})
    line = bd.budget_for_year(record, y.cluster_id, 2026).line(THERAPIES)
    assert line is not None and line.committed == Decimal("0.00")


def test_allocations_are_append_only_and_checked(year) -> None:
    record, y, path = year
    with pytest.raises(ClusterError, match="between £0"):
        bd.add_allocation(record, y.cluster_id, 2026, PREVENTION, -5)
    with pytest.raises(ClusterError, match="name the budget line"):
        bd.add_allocation(record, y.cluster_id, 2026, "  ", 5)
    with sqlite3.connect(path) as raw, pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("UPDATE budget_allocations SET amount_pence = 1")
    with pytest.raises(EventError, match="recurrent_years"):
        check_event({"type": "financial_entry", "item": "5", "amount": 1, "recurrent_years": 40})


def test_in_force_is_the_latest_entry() -> None:
    history = [
        Allocation(2026, "Therapies", Decimal("100.00")),
        Allocation(2026, "THERAPIES ", Decimal("90.00")),
        Allocation(2027, "Therapies", Decimal("80.00")),
    ]
    assert in_force(history)[(2026, "therapies")].amount == Decimal("90.00")
    assert budget_year(history, [], 2026).lines[0].remaining == Decimal("90.00")


def test_the_spending_report(year, tmp_path: Path) -> None:
    _record, _y, path = year
    code, out, err = cli(
        "budget",
        "set",
        "--db",
        str(path),
        "--year",
        "2026",
        "--line",
        "Equipment",
        "--amount",
        "£2,000",
    )
    assert code == 0, err
    assert "Equipment allocated £2,000.00" in out
    docx_path, csv_path = tmp_path / "spend.docx", tmp_path / "spend.csv"
    code, out, err = cli(
        "budget",
        "show",
        "--db",
        str(path),
        "--year",
        "2026",
        "--docx",
        str(docx_path),
        "--csv",
        str(csv_path),
    )
    assert code == 0, err
    assert (
        "Prevention & wellbeing: £22,700.00 of £41,200.00 remaining (£18,500.00 committed)" in out
    )
    assert "Equipment: £800.00 of £2,000.00 remaining" in out
    data = docx_path.read_bytes()
    assert problems(data, "en") == []
    d = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Spending 2026/27" in text
    assert "Allocated £53,199.99; committed £23,700.50; remaining £29,499.49." in text
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    lines = {r["line"]: r for r in rows if r["kind"] == "line"}
    assert lines[PREVENTION]["remaining"] == "22700.00"
    assert lines[THERAPIES]["committed"] == "4000.50"
    code, out, err = cli(
        "budget", "set", "--db", str(path), "--year", "2026", "--line", "X", "--amount", "lots"
    )
    assert code == 2 and "not a sum of money" in err and err.count("\n") == 1


@pytest.mark.gui
def test_the_window_shows_what_remains_before_the_vote(qtbot, year) -> None:
    from secretary.ui.main_window import MainWindow

    record, y, _path = year
    m2 = y.lives[1]
    m2.record_event(
        {
            "type": "item_added",
            "item": "x2",
            "title": "Social prescribing phase 2",
            "financial": True,
            "amount": 5000,
            "budget_line": PREVENTION,
        }
    )
    window = MainWindow(record, y.meetings[1])
    qtbot.addWidget(window)
    try:
        window.controller.set_focus("x2")
        sub = window.item.subheader.text()
        assert "£22,700 of £41,200 remaining on Prevention & wellbeing" in sub
        carry(window.controller.live, "x2")
        window.controller.record(
            {
                "type": "financial_entry",
                "item": "x2",
                "amount": 5000,
                "budget_line": PREVENTION,
                "signatory": "Carys Miles",
            }
        )
        window.item.refresh()
        assert "£17,700 of £41,200 remaining" in window.item.subheader.text()
    finally:
        window.close()


def test_the_financial_log_shows_each_line_as_of_the_meeting(year) -> None:
    from secretary.export import snapshot_from_record
    from secretary.export.documents import FinancialLogExporter

    record, y, _path = year
    m1, m2 = y.meetings
    snap = snapshot_from_record(record, m1)
    assert [(b.line, b.allocated, b.committed, b.remaining) for b in snap.budget] == [
        (PREVENTION, Decimal("41200.00"), Decimal("18500.00"), Decimal("22700.00"))
    ]
    # as of M2: M2's own therapies entry counts, a later meeting's would not
    snap = snapshot_from_record(record, m2)
    assert [(b.line, b.committed, b.remaining) for b in snap.budget] == [
        (THERAPIES, Decimal("4000.50"), Decimal("5999.49"))
    ]  # "Equipment" has no allocation: not listed
    d = docx.Document(io.BytesIO(FinancialLogExporter(snap).run()))
    table = d.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "Budget line",
        "Allocated 2026/27",
        "Committed to date",
        "Remaining",
    ]
    assert [c.text for c in table.rows[1].cells] == [
        "Therapies",
        "£9,999.99",
        "£4,000.50",
        "£5,999.49",
    ]


def test_a_formula_in_a_budget_line_is_not_a_formula_in_the_csv(year) -> None:
    from secretary.export.budget import budget_csv

    record, y, _path = year
    bd.add_allocation(record, y.cluster_id, 2026, '=HYPERLINK("http://x")', 10)
    text = budget_csv(bd.budget_for_year(record, y.cluster_id, 2026)).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text
