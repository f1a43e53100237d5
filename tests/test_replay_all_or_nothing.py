"""`replay --db` stores a whole scenario or nothing; a scenario is refused, not
half-read, when it names an event id or a voter twice (issue 16, point 4)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from secretary.cli.main import main

PEOPLE = [
    {"id": "a", "name": "Ann", "role": "member", "seat": "gp-1"},
    {"id": "b", "name": "Bryn", "role": "member", "seat": "gp-2"},
]


def scenario(tmp_path: Path, events: list[dict[str, Any]], text: str | None = None) -> Path:
    path = tmp_path / "s.json"
    data = {
        "terms": "sbuhb-upper-valleys-2021",
        "people": PEOPLE,
        "agenda": [{"id": "1", "title": "One"}],
        "events": events,
    }
    path.write_text(text if text is not None else json.dumps(data), encoding="utf-8")
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_scenario_stored_twice_is_refused_and_the_record_is_unchanged(tmp_path, capsys):
    db = tmp_path / "r.sqlite"
    path = scenario(
        tmp_path,
        [
            {"type": "arrive", "person": "a", "id": "e-1"},
            {"type": "arrive", "person": "b", "id": "e-2"},
        ],
    )
    code, out, _ = run(["replay", str(path), "--db", str(db)], capsys)
    assert code == 0 and json.loads(out)["meeting_id"] == 1
    before = digest(db)
    code, out, err = run(["replay", str(path), "--db", str(db)], capsys)
    assert code == 2 and out == ""
    assert "event 0: not recorded in" in err
    assert "its id e-1 is already the id of an event in this record" in err
    assert "nothing was written" in err and "UNIQUE" not in err
    assert digest(db) == before
    code, out, _ = run(["verify", "--db", str(db)], capsys)
    assert code == 0 and "1 meeting" in out


def test_two_events_with_one_id_are_refused_before_anything_is_written(tmp_path, capsys):
    db = tmp_path / "r.sqlite"
    path = scenario(
        tmp_path,
        [
            {"type": "arrive", "person": "a", "id": "same"},
            {"type": "leave", "person": "a", "id": "same"},
        ],
    )
    for args in (["replay", str(path)], ["replay", str(path), "--db", str(db)]):
        code, out, err = run(args, capsys)
        assert code == 2 and out == ""
        assert "event 1: id 'same' is already the id of event 0" in err
    assert not db.exists()


def test_a_person_named_twice_in_one_votes_object_is_refused(tmp_path, capsys):
    text = (
        '{"terms": "sbuhb-upper-valleys-2021", "people": ' + json.dumps(PEOPLE) + ", "
        '"agenda": [{"id": "1", "title": "One"}], "events": ['
        '{"type": "arrive", "person": "a"}, '
        '{"type": "vote", "item": "1", "votes": {"a": "for", "b": "against", "a": "against"}}]}'
    )
    path = scenario(tmp_path, [], text)
    code, out, err = run(["replay", str(path)], capsys)
    assert code == 2 and out == ""
    assert err.strip().endswith("event 1: vote: 'a' is named twice in 'votes'")


def test_any_key_given_twice_is_refused_with_where(tmp_path, capsys):
    text = (
        '{"terms": "sbuhb-upper-valleys-2021", "people": [{"id": "a", "name": "A", '
        '"role": "member", "seat": "gp-1", "seat": "gp-2"}], "events": []}'
    )
    code, _, err = run(["replay", str(scenario(tmp_path, [], text))], capsys)
    assert code == 2 and "people[0]: 'seat' is given twice" in err


def test_an_approval_in_a_scenario_is_refused_before_the_meeting_is_written(tmp_path, capsys):
    db = tmp_path / "r.sqlite"
    path = scenario(
        tmp_path,
        [
            {"type": "arrive", "person": "a"},
            {"type": "minutes_approved", "meeting": "m", "fingerprint": "f"},
        ],
    )
    code, _, err = run(["replay", str(path), "--db", str(db)], capsys)
    assert code == 2 and "event 1: not recorded in" in err
    from secretary.store import Record

    record = Record(db)
    try:
        assert record.list_meetings() == []
    finally:
        record.close()
