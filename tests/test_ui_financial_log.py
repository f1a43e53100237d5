"""The window asks the domain whether a financial-log entry may be made: before the
item's decision stands the dialog does not open; then the authorised signatory
present is offered first and the entry is recorded. (A signatory who is not one is
refused by the operation, whichever way it is asked.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from secretary.domain.scenario import load_scenario
from secretary.store import Record
from secretary.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path: Path, worked_example: Path):
    sc = load_scenario(worked_example)
    record = Record(tmp_path / "record.sqlite")
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    w = MainWindow(record, mid, clock=lambda: "13:00")
    qtbot.addWidget(w)
    yield w
    w.close()
    record.close()


def test_financial_log_waits_for_a_decision_and_a_present_signatory(qtbot, window):
    c = window.controller
    refusals: list[str] = []
    c.event_failed.connect(refusals.append)
    for pid in ("lead", "gp1", "gp3", "gp4", "dep-ph", "cdm", "nurse"):
        c.toggle_presence(pid)
    c.set_focus("4")  # financial, £18,500
    assert window.item.add_financial_entry() is None  # no decision yet: no dialog
    assert "record the decision on this item first" in refusals[-1]
    assert not c.meeting.financial
    # A vote not carried: said so, not "record the decision first".
    for voter in ("lead", "gp1", "gp4", "dep-ph", "cdm", "nurse"):
        c.set_vote("4", voter, "against")
    assert c.record_vote("4") and not c.meeting.decisions[-1].carried
    assert window.item.add_financial_entry() is None
    assert "was not carried, so there is nothing to log" in refusals[-1]
    for voter in ("lead", "gp1", "gp4", "dep-ph", "cdm", "nurse"):
        c.set_vote("4", voter, "for")
    assert c.record_vote("4") and c.meeting.decisions[-1].carried
    # Through the controller (the app operation asks the domain): not a signatory.
    assert not c.add_financial_entry("4", 100.0, budget_line="Fund", signatory="Gareth Lloyd")
    assert "not a Health Board authorised signatory" in refusals[-1]
    assert not c.meeting.financial
    dialog = window.item.add_financial_entry()
    assert dialog is not None
    assert dialog.signatory.itemText(0) == "Carys Miles"  # the signatory present, first
    dialog.budget_line.setText("Cluster development fund 2026/27")
    dialog.signatory.setEditText("Carys Miles")
    dialog.accept()
    (entry,) = c.meeting.financial
    assert (entry.item, entry.amount, entry.signatory) == ("4", 18500.0, "Carys Miles")
