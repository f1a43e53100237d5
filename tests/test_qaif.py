"""QAIF attendance (seed terms 2.2, footnote): per GP practice, the meetings attended by
a GP, and by a substitute the health board agreed, over the five-meeting year in
between_year.py — from the roster's profession through the report a practice manager
hands to the health board."""

from __future__ import annotations

import contextlib
import csv
import io
import os
from dataclasses import replace
from pathlib import Path

import between_year as by
import docx
import pytest

from secretary.cli.main import main
from secretary.domain.qaif import AGREED, GP, OTHER
from secretary.domain.roster import parse_roster_csv
from secretary.domain.terms import TermsError, parse_terms_text, read_terms_source
from secretary.export.accessibility import problems
from secretary.store import Record
from secretary.store import series as sr

# Who each member is: gp-1 has a GP (Dr Owen Price) and a Practice Manager (Siân
# Morgan) whose attendance the health board agreed; gp-2's deputy is a GP.
PROFESSIONS = {
    "lead": ("gp", False),
    "gp1": ("gp", False),
    "pm1": ("practice-manager", True),
    "gp2": ("gp", False),
    "dep-gp2": ("gp", False),
    "gp3": ("gp", False),
    "gp4": ("practice-manager", False),  # a PM the health board has NOT agreed
}


@pytest.fixture
def year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    roster = [
        replace(e, profession=PROFESSIONS[e.key][0], substitute_agreed=PROFESSIONS[e.key][1])
        if e.key in PROFESSIONS
        else e
        for e in by.ROSTER
    ]
    monkeypatch.setattr(by, "ROSTER", roster)
    # M4: the Practice Manager attends for gp-1 instead of the GP
    attendance = [dict(m) for m in by.ATTENDANCE]
    attendance[3] = {k: v for k, v in attendance[3].items() if k != "gp1"} | {"pm1": "in_person"}
    monkeypatch.setattr(by, "ATTENDANCE", attendance)
    path = tmp_path / "year.sqlite"
    record = Record(path)
    y = by.build_year(record)
    yield record, y, path
    record.close()


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    os.environ["SECRETARY_LANGUAGE"] = "en"
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_each_practice_counted_by_who_came(year) -> None:
    record, _y, _path = year
    key = sr.find_series(record, None)
    report = sr.qaif_for_year(record, 2026, key)
    assert report is not None and report.rule.meetings == 5
    practices = {p.seat: p for p in report.practices}
    assert list(practices) == ["gp-1", "gp-2", "gp-3", "gp-4"]  # the gp-practice seats
    gp1 = practices["gp-1"]
    # remote, in person, in person, the agreed Practice Manager, in person
    assert [m.status for m in gp1.meetings] == [GP, GP, GP, AGREED, GP]
    assert gp1.meetings[3].who == ["Siân Morgan"]
    assert (gp1.by_gp, gp1.by_agreed_substitute, gp1.counted, gp1.shortfall) == (4, 1, 5, 0)
    gp2 = practices["gp-2"]  # a GP deputy counts: it is a GP who attended for the practice
    assert [m.status for m in gp2.meetings] == [GP, GP, GP, GP, "apologies"]
    assert gp2.shortfall == 1 and gp2.verdict().render("en") == "short by 1 of 5"
    gp4 = practices["gp-4"]  # represented by a PM without the health board's agreement
    assert [m.status for m in gp4.meetings] == ["absent", "absent", OTHER, OTHER, OTHER]
    assert gp4.counted == 0 and gp4.otherwise()[0] == (2, ["Dr Huw Davies"])
    assert not gp4.meetings[2].unrecorded  # a practice manager, so recorded


def test_someone_whose_profession_is_not_recorded_is_not_called_not_a_gp() -> None:
    """A record replayed from a scenario has no professions: the report said "Dr Owen
    Price (not a GP …)" of a GP. It says the roster does not record it."""
    from secretary.domain.meeting import Meeting
    from secretary.domain.qaif import practice_status
    from secretary.domain.terms import load_terms

    terms = load_terms("sbuhb-upper-valleys-2021")
    rule = terms.qaif
    if rule is None:
        import pytest

        pytest.skip("these terms set no QAIF rule")
    m = Meeting(terms)
    m.apply_raw(
        {"type": "person_added", "person": "gp1", "name": "Dr Owen Price", "role": "member",
         "seat": "gp-1"}
    )  # fmt: skip
    m.apply_raw({"type": "arrive", "person": "gp1", "at": "13:00"})
    status = practice_status(m, "gp-1", rule)
    assert status.status == OTHER and status.unrecorded


def test_the_report_a_practice_manager_hands_to_the_health_board(year, tmp_path: Path) -> None:
    _record, _y, path = year
    docx_path, csv_path = tmp_path / "qaif.docx", tmp_path / "qaif.csv"
    code, out, err = cli(
        "report",
        "qaif",
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
    assert "GP 4, agreed substitute 1: met (5 required)" in out
    assert "short by 1 of 5" in out
    data = docx_path.read_bytes()
    assert problems(data, "en") == []
    d = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "QAIF attendance 2026/27" in text
    assert "Short of the requirement: GP practice 2 (4 of 5); GP practice 3" in text
    assert "GP practice 1, 12 November 2026: Siân Morgan (agreed substitute)" in text
    assert "(not a GP, and no agreed substitute)" in text
    assert "does not record their profession" not in text  # every profession recorded
    table = d.tables[0]
    assert [c.text for c in table.rows[0].cells][-5:] == [
        "By a GP",
        "By an agreed substitute",
        "Counted",
        "Required",
        "QAIF",
    ]
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    by_seat = {r["seat"]: r for r in rows}
    assert by_seat["gp-1"]["by_gp"] == "4" and by_seat["gp-1"]["by_agreed_substitute"] == "1"
    assert by_seat["gp-1"]["2026-11-12"] == "agreed"
    assert by_seat["gp-4"]["counted"] == "0"


def test_the_roster_file_says_who_is_a_gp() -> None:
    terms = parse_terms_text(*read_terms_source("sbuhb-upper-valleys-2021"))
    text = (
        "name,role,seat,profession,substitute_agreed\n"
        "Dr Owen Price,member,gp-1,GP,\n"
        "Siân Morgan,member,gp-1,Practice Manager,yes\n"
        "Bob Smith,member,gp-2,plumber,\n"
        "Ann Jones,member,gp-3,administrator,perhaps\n"
    )
    entries, errors = parse_roster_csv(text, terms)
    assert [(e.name, e.profession, e.substitute_agreed) for e in entries] == [
        ("Dr Owen Price", "gp", False),
        ("Siân Morgan", "practice-manager", True),
    ]
    why = {(e.row, e.column): e.why for e in errors}
    assert "not 'plumber'" in why[(4, "profession")]
    assert why[(5, "substitute_agreed")] == "say yes or no, not 'perhaps'"
    assert entries[1].to_event()["substitute_agreed"] is True


def test_a_qaif_rule_that_cannot_work_is_refused() -> None:
    text, source = read_terms_source("sbuhb-upper-valleys-2021")
    bad = text.replace('tag = "gp-practice"\nmeetings = 5', 'tag = "nobody"\nmeetings = 0')
    with pytest.raises(TermsError) as caught:
        parse_terms_text(bad, source)
    assert "qaif.tag" in str(caught.value)


@pytest.mark.gui
def test_the_person_dialog_sets_the_profession(qtbot) -> None:
    from secretary.domain.roster import RosterEntry
    from secretary.ui.roster_editor import PersonDialog

    terms = parse_terms_text(*read_terms_source("sbuhb-upper-valleys-2021"))
    pm = RosterEntry(
        "pm1",
        "Siân Morgan",
        "member",
        "gp-1",
        profession="practice-manager",
        substitute_agreed=True,
    )
    dialog = PersonDialog(terms, pm)
    qtbot.addWidget(dialog)
    assert dialog.profession.currentData() == "practice-manager"
    assert dialog.substitute_agreed.isChecked()
    dialog.profession.setCurrentIndex(dialog.profession.findData("gp"))
    dialog.substitute_agreed.setChecked(False)
    entry = dialog.entry()
    assert (entry.profession, entry.substitute_agreed) == ("gp", False)
    dialog.role.setCurrentIndex(dialog.role.findData("attendee"))
    assert dialog.entry().profession == ""  # an attendee holds no practice's seat
