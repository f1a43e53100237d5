import json
import subprocess
import sys

import pytest

from secretary.cli.main import main


def run_cli(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_worked_example_report(worked_example, capsys):
    code, out, err = run_cli(["replay", str(worked_example)], capsys)
    assert code == 0, err
    report = json.loads(out)
    assert len(report["timeline"]) == 13
    first = report["timeline"][0]
    assert first["seats_present"] == 1 and first["seats_required"] == 6
    assert not first["meeting_quorate"] and not first["decision_quorate"]
    quorate_at = next(t["event"] for t in report["timeline"] if t["decision_quorate"])
    assert quorate_at == 6  # the nurse's arrival
    assert report["timeline"][7]["seats_present"] == 6  # the attendee is not counted
    consensus, vote = report["decisions"]
    assert consensus["item"] == "5" and consensus["status"] == "agreed_by_consensus"
    assert (consensus["for"], consensus["against"], consensus["abstain"]) == (0, 0, 0)
    assert vote["item"] == "4" and vote["kind"] == "vote" and vote["status"] == "not_carried"
    assert (vote["for"], vote["against"], vote["eligible"], vote["required"]) == (4, 1, 6, 5)
    assert vote["rule"] == "financial: for >= ceil(75% of eligible)"
    assert {r["voter"] for r in vote["rejected"]} == {"pm1", "gp3"}


def test_replay_into_record_then_from_record(worked_example, record_path, capsys):
    code, out, _ = run_cli(["replay", str(worked_example), "--db", str(record_path)], capsys)
    assert code == 0
    stored = json.loads(out)
    assert stored["meeting_id"] == 1
    code, out, _ = run_cli(["replay", "--db", str(record_path), "--meeting", "1"], capsys)
    assert code == 0
    again = json.loads(out)
    assert [(d["item"], d["status"], d["for"], d["against"]) for d in again["decisions"]] == [
        (d["item"], d["status"], d["for"], d["against"]) for d in stored["decisions"]
    ]


@pytest.mark.parametrize(
    "content, expected",
    [
        ("not json", "not valid JSON"),
        ("[]", "must be a JSON object"),
        ('{"terms": "no-such-terms", "people": [], "events": []}', "no such terms"),
        ('{"terms": "sbuhb-upper-valleys-2021", "events": []}', "missing field 'people'"),
        (
            '{"terms": "sbuhb-upper-valleys-2021", "people": [], "events": '
            '[{"type": "arrive", "person": "ghost"}]}',
            "event 0: arrive: unknown person 'ghost'",
        ),
        (
            '{"terms": "sbuhb-upper-valleys-2021", "people": [{"id": "a", "name": "A", '
            '"role": "member", "seat": "gp-9"}], "events": []}',
            "no seat 'gp-9' in the terms sbuhb-upper-valleys-2021",
        ),
        (
            '{"terms": "sbuhb-upper-valleys-2021", "people": [{"id": "a", "name": "A", '
            '"role": "member", "seat": "gp-1"}], "events": [{"type": "arrive", "person": "a"}, '
            '{"type": "declare", "person": "a", "item": "9", "interest": "x", "action": "none"}]}',
            "event 1: declare: unknown item '9'",
        ),
        (
            '{"terms": "sbuhb-upper-valleys-2021", "people": [{"id": "a", "name": "A", '
            '"role": "member", "seat": "gp-1"}], "events": [{"type": "arrive", "person": "a", '
            '"at": "25:00"}]}',
            "event 0: arrive: field 'at' must be a time HH:MM",
        ),
        (
            '{"terms": "sbuhb-upper-valleys-2021", "people": [{"id": "a", "name": "A", '
            '"role": "member", "seat": "gp-1"}], "events": [{"type": "dance", "person": "a"}]}',
            "event 0: unknown event type 'dance'",
        ),
    ],
)
def test_malformed_scenarios_exit_2_with_one_line(tmp_path, content, expected, capsys):
    path = tmp_path / "bad.json"
    path.write_text(content)
    db = tmp_path / "never.sqlite"
    code, out, err = run_cli(["replay", str(path), "--db", str(db)], capsys)
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0] and str(path) in lines[0]
    assert "Traceback" not in err
    assert not db.exists()  # nothing is written anywhere


def test_python_dash_m_and_help():
    out = subprocess.run(
        [sys.executable, "-m", "secretary", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "replay" in out
