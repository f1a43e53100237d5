"""Attendance over financial year 2026/27 and the register of interests."""

from __future__ import annotations

import csv
import io

import pytest
from between_year import DATES, build_year, prepare
from docx import Document

from secretary.cli.main import main
from secretary.domain import attendance_year as ay
from secretary.store import Record
from secretary.store import series as sr


@pytest.fixture
def record(record_path):
    r = Record(record_path)
    yield r
    r.close()


@pytest.fixture
def year(record):
    return build_year(record)


@pytest.fixture
def report(record, year):
    return sr.attendance_for_year(record, 2026, year.key)


def figures(seat):
    t = seat.tally
    return (
        t.in_person,
        t.remote,
        t.by_deputy,
        t.apologies,
        t.absent,
        t.attended,
        seat.required,
        seat.shortfall,
    )


def test_financial_year_bounds():
    assert ay.financial_year(2026) == (ay.dt.date(2026, 4, 1), ay.dt.date(2027, 3, 31))
    assert ay.year_of(ay.dt.date(2027, 3, 31)) == 2026
    assert ay.year_of(ay.dt.date(2027, 4, 1)) == 2027
    assert ay.year_label(2026) == "2026/27" and ay.year_label(2099) == "2099/00"


def test_the_years_meetings(report):
    assert [m.date for m in report.meetings] == DATES
    assert report.label == "2026/27"
    assert report.requirements == {"gp-practice": 5, "optometry": 4}


def test_seat_figures_against_requirements(report):
    #                      in person, remote, deputy, apologies, absent, attended, req, short
    assert figures(report.seat("cluster-lead")) == (5, 0, 0, 0, 0, 5, None, 0)
    assert figures(report.seat("gp-1")) == (4, 1, 0, 0, 0, 5, 5, 0)
    assert figures(report.seat("gp-2")) == (3, 0, 1, 1, 0, 4, 5, 1)
    assert figures(report.seat("gp-3")) == (2, 1, 0, 1, 1, 3, 5, 2)
    assert figures(report.seat("gp-4")) == (3, 0, 0, 0, 2, 3, 5, 2)
    assert figures(report.seat("pharmacy")) == (4, 0, 1, 0, 0, 5, None, 0)
    assert figures(report.seat("optometry")) == (2, 1, 0, 2, 0, 3, 4, 1)
    assert figures(report.seat("nursing")) == (4, 0, 0, 1, 0, 4, None, 0)
    assert report.seat("dental").per_meeting == [ay.VACANT] * 5
    assert [s.seat for s in report.shortfalls()] == ["gp-2", "gp-3", "gp-4", "optometry"]
    assert report.seat("gp-2").per_meeting == ["in_person"] * 3 + ["deputy", "apologies"]
    assert str(report.seat("gp-3").verdict()) == "short by 2 of 5"
    assert str(report.seat("gp-1").verdict()) == "met (5 required)"


def test_person_and_organisation_figures(report):
    gp1 = report.person("gp1").tally
    assert (gp1.in_person, gp1.remote, gp1.apologies, gp1.absent) == (4, 1, 0, 0)
    pm1 = report.person("pm1")
    assert (pm1.tally.in_person, pm1.tally.absent) == (1, 4)
    dep = report.person("dep-ph")
    assert dep.per_meeting == ["", "in_person", "", "", ""]  # needed once
    assert dep.tally.attended == 1 and dep.tally.absent == 0
    fin = report.person("fin")
    assert fin.role == "attendee" and fin.tally.in_person == 1
    orgs = {o.organisation: o for o in report.organisations}
    cmg = orgs["Cwmtawe Medical Group"]
    assert cmg.per_meeting == ["in_person"] * 3 + ["deputy", "apologies"]
    assert orgs["Pontardawe Surgery"].tally.attended == 5
    assert report.seat("gp-2").organisations == ["Cwmtawe Medical Group"]


def test_requirements_can_be_overridden(record, year):
    r = sr.attendance_for_year(record, 2026, year.key, {"gp-practice": 3})
    assert r.requirements == {"gp-practice": 3, "optometry": 4}
    assert [s.seat for s in r.shortfalls()] == ["optometry"]


def test_other_years_and_meetings_not_held_are_left_out(record, year):
    assert sr.attendance_for_year(record, 2025, year.key).meetings == []
    # A meeting prepared for March 2027 that nobody has attended yet does not count.
    from between_year import DATES as D

    D.append("2027-03-11")
    try:
        prepare(year, 5)
    finally:
        D.pop()
    r = sr.attendance_for_year(record, 2026, year.key)
    assert len(r.meetings) == 5


def test_attendance_csv(report):
    from secretary.export.attendance_year import attendance_csv

    data = attendance_csv(report)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    gp3 = next(r for r in rows if r["kind"] == "seat" and r["id"] == "gp-3")
    assert (gp3["attended"], gp3["required"], gp3["shortfall"], gp3["absent"]) == (
        "3",
        "5",
        "2",
        "1",
    )
    assert [gp3[d] for d in DATES] == ["apologies", "remote", "in_person", "in_person", "absent"]
    sian = next(r for r in rows if r["kind"] == "person" and r["id"] == "pm1")
    assert sian["name"] == "Siân Morgan"


def test_attendance_docx(report):
    from secretary.export.attendance_year import AttendanceYearExporter

    doc = Document(io.BytesIO(AttendanceYearExporter(report, "Upper Valleys").run()))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Attendance 2026/27" in text
    assert "GP practices 5, optometry 4" in text
    assert (
        "Short of the required attendance: GP practice 2 (4 of 5); GP practice 3 (3 of 5); "
        "GP practice 4 (3 of 5); Optometry (3 of 4)."
    ) in text
    seats = doc.tables[0]
    header = [c.text for c in seats.rows[0].cells]
    assert header[1:6] == ["14 May 26", "9 Jul 26", "10 Sept 26", "12 Nov 26", "14 Jan 27"]
    gp3 = next(r for r in seats.rows if r.cells[0].text == "GP practice 3")
    assert [c.text for c in gp3.cells[1:6]] == ["A", "R", "✓", "✓", "✗"]
    assert gp3.cells[-2].text == "3" and gp3.cells[-1].text == "5"
    # The shortfall is shaded; a seat that met its requirement is not.
    shade = gp3.cells[0]._tc.tcPr.xpath("./w:shd")[0]
    assert (
        shade.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill") == "F8D7DA"
    )
    gp1 = next(r for r in seats.rows if r.cells[0].text == "GP practice 1")
    assert not gp1.cells[0]._tc.tcPr.xpath("./w:shd")


def test_register_of_interests(record, year):
    entries = sr.interests(record)
    assert [(e.name, e.meeting.date, e.item_reference, e.action) for e in entries] == [
        ("Dr Ffion Jones", DATES[1], "", "none"),
        ("Dr Gwenllian Rees", DATES[0], "UVC/26/05", "abstain"),
    ]
    assert entries[0].item is None and entries[0].interest == "Director of a local care home"
    assert entries[1].item_title.render("en") == "Social prescriber extension"


def test_retracted_declarations_leave_the_register(record, year):
    live = year.lives[4]
    live.record_event(
        {"type": "declare", "person": "gp4", "interest": "Owns the building", "action": "withdraw"}
    )
    assert any(e.person == "gp4" for e in sr.interests(record))
    live.record_event({"type": "retract", "target": live.events[-1].id})
    assert not any(e.person == "gp4" for e in sr.interests(record))


def test_cli_report_attendance(record_path, capsys, tmp_path):
    record = Record(record_path)
    build_year(record)
    record.close()
    db = str(record_path)
    docx, csv_path = tmp_path / "att.docx", tmp_path / "att.csv"
    code = main(
        [
            "report",
            "attendance",
            "--db",
            db,
            "--year",
            "2026",
            "--docx",
            str(docx),
            "--csv",
            str(csv_path),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Attendance 2026/27" in out and "5 meetings" in out
    assert "!! short by 2 of 5" in out
    assert docx.stat().st_size > 0 and csv_path.read_bytes().startswith("\ufeff".encode())
    # Existing files are never replaced without --force.
    code = main(["report", "attendance", "--db", db, "--year", "2026", "--csv", str(csv_path)])
    assert code == 2 and "already exists" in capsys.readouterr().err
    code = main(
        [
            "report",
            "attendance",
            "--db",
            db,
            "--year",
            "2026",
            "--require",
            "gp-practice=3",
            "--require",
            "optometry=2",
        ]
    )
    assert code == 0 and "!!" not in capsys.readouterr().out
    code = main(["report", "attendance", "--db", db, "--year", "2026", "--require", "gp=x"])
    assert code == 2 and "write TAG=N" in capsys.readouterr().err
    code = main(["report", "attendance", "--db", db, "--year", "2026", "--require", "podiatry=1"])
    assert code == 2 and "no seat has the tag podiatry" in capsys.readouterr().err
    code = main(["report", "attendance", "--db", db, "--year", "2026", "--cluster", "Afan"])
    assert code == 2 and "no cluster named 'Afan'" in capsys.readouterr().err
    code = main(
        ["report", "attendance", "--db", str(tmp_path / "missing.sqlite"), "--year", "2026"]
    )
    assert code == 2 and "no such record" in capsys.readouterr().err


def test_cli_report_interests(record_path, capsys, tmp_path):
    record = Record(record_path)
    build_year(record)
    record.close()
    out_docx = tmp_path / "interests.docx"
    code = main(
        [
            "report",
            "interests",
            "--db",
            str(record_path),
            "--docx",
            str(out_docx),
            "--csv",
            str(tmp_path / "i.csv"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Dr Gwenllian Rees (Cwmtawe Medical Group)" in out
    followed = "[Did not vote on the item]"
    assert f"  14 May 2026  UVC/26/05: Partner works for the provider {followed}" in out
    doc = Document(str(out_docx))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Register of interests" in text and "Upper Valleys Primary Care Cluster" in text
    assert doc.tables[1].rows[1].cells[3].text == "Did not vote on the item"
