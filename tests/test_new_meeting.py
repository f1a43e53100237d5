"""`secretary new-meeting` and the operation behind it (the window's New meeting too):
the next meeting carries the open actions and lists the pending outside decisions,
for a cluster's series and for meetings stored by `secretary replay --db`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from between_year import build_year

from secretary.app.next_meeting import create_meeting
from secretary.domain.scenario import MeetingInfo
from secretary.store import Record
from secretary.store import series as sr
from secretary.store.series import load_meeting

ROOT = Path(__file__).resolve().parent.parent
WORKED = ROOT / "tests" / "scenarios" / "worked-example.json"


def secretary(*argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SECRETARY_LANGUAGE="en")
    return subprocess.run(
        [sys.executable, "-m", "secretary", *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture
def year_db(record_path):
    record = Record(record_path)
    year = build_year(record, upto=4)
    # A decision taken after M4, awaiting ratification at the next meeting.
    key = sr.series_key_of(record, year.meetings[-1])
    sr.record_outside_decision(
        record, key, decided_on="2026-12-03", kind="remote", title="Winter vaccination bus"
    )
    last = year.meetings[-1]
    record.close()
    return str(record_path), last


def test_new_meeting_cli_carries_actions_and_outside_decisions(year_db):
    db, last = year_db
    done = secretary(
        "new-meeting", "--db", db, "--after", str(last), "--date", "2027-01-14",
        "--start", "13:00", "--venue", "Ystalyfera",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert set(out) == {"meeting_id", "carried_actions", "outside_decisions"}
    assert out["carried_actions"] >= 1 and out["outside_decisions"] == 1
    record = Record(db, readonly=True)
    try:
        row = record.meeting_row(out["meeting_id"])
        assert (row.date, row.start, row.venue) == ("2027-01-14", "13:00", "Ystalyfera")
        assert row.title == record.meeting_row(last).title  # as before
        meeting = load_meeting(record, out["meeting_id"])
        carried = [a for a in meeting.actions.values() if a.carried_from]
        assert len(carried) == out["carried_actions"]
        assert "A3" in {a.id for a in carried}
        arising = next(i for i in meeting.items.values() if i.standing == "matters-arising")
        assert all(a.item == arising.id for a in carried)
        standing = [meeting.items[i].standing for i in meeting.agenda]
        assert standing[:4] == ["apologies", "declarations", "minutes", "matters-arising"]
        assert standing[4] == "ratification" and standing[-1] == "aob"
        assert row.terms_id == "uv-2026"  # the terms in force on the date
    finally:
        record.close()


def test_new_meeting_after_a_replayed_meeting(tmp_path):
    scenario = json.loads(WORKED.read_text())
    scenario["meeting"]["cluster"] = "Upper Valleys"
    scenario["events"].append(
        {"type": "action", "action": "A1", "text": "Write to the provider", "owner": "Carys Miles"}
    )
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(scenario))
    db = str(tmp_path / "replayed.sqlite")
    done = secretary("replay", str(path), "--db", db)
    assert done.returncode == 0, done.stderr
    done = secretary(
        "outside", "add", "--db", db, "--date", "2026-06-02", "--kind", "urgent",
        "--title", "Locum cover for the flu clinic",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    done = secretary("new-meeting", "--db", db, "--after", "1", "--date", "2026-07-09")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out == {"meeting_id": 2, "carried_actions": 1, "outside_decisions": 1}
    record = Record(db, readonly=True)
    try:
        meeting = load_meeting(record, 2)
        assert meeting.actions["A1"].carried_from
        od = next(i for i in meeting.items.values() if i.decision)
        assert od.reference == "UVC/26/05" and od.standing == "noting"
        assert meeting.agenda.index(od.id) == 4  # after matters arising
        # The people of the meeting before (no roster by date without a cluster).
        assert {"lead", "gp1", "cdm", "fin"} <= set(meeting.people)
        assert meeting.terms.id == "sbuhb-upper-valleys-2021"
        assert record.meeting_row(2).cluster_name == "Upper Valleys"
        assert sr.previous_meeting(record, 2).id == 1
    finally:
        record.close()
    # The same request again makes another meeting, never an error.
    again = secretary("new-meeting", "--db", db, "--after", "2", "--date", "2026-09-10")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["carried_actions"] == 1  # A1 still open
    # Following a meeting that is not the last before the new date is refused (its
    # minutes item would name the wrong meeting before): one line, nothing made.
    late = secretary("new-meeting", "--db", db, "--after", "1", "--date", "2026-12-01")
    assert late.returncode == 2 and len(late.stderr.strip().splitlines()) == 1
    assert "is not the last meeting before 2026-12-01" in late.stderr
    assert "(meeting 3, 2026-09-10) is" in late.stderr
    record = Record(db, readonly=True)
    try:
        assert len(record.list_meetings()) == 3
    finally:
        record.close()


def test_new_meeting_refusals_are_one_line(tmp_path, year_db):
    db, last = year_db
    for argv, words in [
        (["--after", "99", "--date", "2027-01-14"], "no meeting"),
        (["--after", str(last), "--date", "14/01/2027"], "YYYY-MM-DD"),
        (["--after", str(last), "--date", "2027-01-14", "--start", "1pm"], "HH:MM"),
    ]:
        done = secretary("new-meeting", "--db", db, *argv)
        assert done.returncode == 2
        assert words in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1


def test_the_operation_counts_what_it_carried(year_db):
    db, last = year_db
    record = Record(db)
    try:
        made = create_meeting(
            record, MeetingInfo("Upper Valleys Cluster Meeting", "2027-01-14"), after=last
        )
        meeting = load_meeting(record, made.meeting_id)
        assert made.carried_actions == sum(1 for a in meeting.actions.values() if a.carried_from)
        assert made.outside_decisions == 1
    finally:
        record.close()
