"""`secretary outside` and `secretary meetings` on a recorded year."""

from __future__ import annotations

import pytest
from between_year import build_year, prepare

from secretary.cli.main import main
from secretary.store import Record
from secretary.store import series as sr


@pytest.fixture
def db(record_path):
    record = Record(record_path)
    build_year(record, upto=4)
    record.close()
    return str(record_path)


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_outside_add_list_and_ratify(db, capsys):
    code, out, err = run(
        capsys,
        "outside",
        "add",
        "--db",
        db,
        "--date",
        "2026-12-03",
        "--kind",
        "remote",
        "--title",
        "Winter vaccination bus",
        "--amount",
        "2500",
        "--signatory",
        "Carys Miles",
        "--consulted",
        "all members by email",
    )
    assert code == 0, err
    assert "Recorded decision 4: remote decision of 3 December 2026, for ratification" in out
    code, out, _ = run(capsys, "outside", "list", "--db", db, "--pending")
    assert code == 0
    assert "Winter vaccination bus £2,500.00 — for ratification" in out
    assert "HB authorised signatory: Carys Miles" in out
    assert "Extra physiotherapy" not in out  # ratified at M2
    # The next meeting lists it; ratify it there from the command line.
    record = Record(db)
    y = sr.find_series(record)
    from between_year import Year, attend

    year = Year(record, y.cluster_id)
    live = prepare(year, 4)
    attend(live, 4)
    assert "od-4" in live.meeting.items
    mid = live.meeting_id
    record.close()
    code, out, err = run(
        capsys,
        "outside",
        "ratify",
        "--db",
        db,
        "--meeting",
        str(mid),
        "--decision",
        "4",
        "--outcome",
        "ratified",
    )
    assert code == 0, err
    assert out.startswith("Decision 4 ratified at Upper Valleys Cluster Meeting (14 January 2027)")
    code, out, _ = run(capsys, "outside", "list", "--db", db, "--pending")
    assert "No decisions taken outside meetings." in out


def test_outside_add_refuses_bad_input(db, capsys):
    code, _, err = run(
        capsys,
        "outside",
        "add",
        "--db",
        db,
        "--date",
        "2026-12-03",
        "--kind",
        "remote",
        "--title",
        "Money",
        "--financial",
    )
    assert code == 2
    assert err.strip() == (
        "secretary: not recorded: a financial decision outside a meeting "
        "must name the Health Board authorised signatory (3.2.9)"
    )
    code, _, err = run(
        capsys,
        "outside",
        "add",
        "--db",
        db,
        "--date",
        "3/12/2026",
        "--kind",
        "remote",
        "--title",
        "X",
    )
    assert code == 2 and "--date must be a date YYYY-MM-DD, not '3/12/2026'" in err
    code, _, err = run(
        capsys,
        "outside",
        "ratify",
        "--db",
        db,
        "--meeting",
        "4",
        "--decision",
        "99",
        "--outcome",
        "noted",
    )
    assert code == 2 and "no decision outside a meeting with id 99" in err


def test_meetings_listing_flags_overdue(db, capsys):
    code, out, _ = run(capsys, "meetings", "--db", db, "--today", "2026-12-02")
    assert code == 0
    assert "== Upper Valleys Primary Care Cluster" in out
    lines = out.splitlines()
    m4 = lines.index(next(line for line in lines if "  2026-11-12  " in line))
    assert "[minutes draft]" in lines[m4]
    assert "!! minutes to members overdue (due 2026-11-19)" in lines[m4 + 2]
    assert "!! action A3 overdue (due 2026-12-01, Dr Huw Davies): Report on winter pressures" in out
    code, out, _ = run(
        capsys,
        "meetings",
        "--db",
        db,
        "--today",
        "2026-12-02",
        "--minutes-sent",
        "4",
        "--on",
        "2026-11-18",
    )
    assert code == 0 and "minutes to members sent on 2026-11-18" in out
    code, _, err = run(capsys, "meetings", "--db", db, "--today", "tomorrow")
    assert code == 2 and "--today must be a date YYYY-MM-DD" in err


def test_unreadable_stored_terms_are_one_line_not_a_traceback(db, capsys):
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("UPDATE meetings SET terms_text = 'not = [valid' WHERE id = 1")
    conn.commit()
    conn.close()
    for argv in (
        ["meetings", "--db", db],
        ["outside", "list", "--db", db],
        ["report", "attendance", "--db", db, "--year", "2026"],
        ["report", "interests", "--db", db],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        assert "the stored terms cannot be read" in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1


def test_the_attendance_table_keeps_its_columns_in_welsh(tmp_path, monkeypatch, capsys):
    """The Welsh labels ("wyneb yn wyneb") ran into the next column at a fixed width."""
    from between_year import build_year

    from secretary.cli.main import main
    from secretary.store import Record

    db = tmp_path / "year.sqlite"
    record = Record(db)
    build_year(record, upto=3)
    record.close()
    monkeypatch.setenv("SECRETARY_LANGUAGE", "cy")
    assert main(["report", "attendance", "--db", str(db), "--year", "2026"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if "mynychodd" in line]
    assert rows
    # Every row's tally starts in the same column: the cells before it line up.
    assert len({row.index("mynychodd") for row in rows}) == 1
    assert "wyneb yn wyneb wyneb" not in "\n".join(rows)
