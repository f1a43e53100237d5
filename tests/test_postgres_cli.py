"""The replay, export, report and meetings commands on a PostgreSQL URL as well as
an SQLite file: the same output from the same meetings."""

from __future__ import annotations

import json
import re
from dataclasses import astuple
from pathlib import Path

from between_year import attend, build_year
from export_helpers import docx_text
from sqlalchemy import create_engine, text

from secretary.cli.main import main
from secretary.domain.scenario import MeetingInfo
from secretary.export.check import chain_in_document
from secretary.store import LiveMeeting, Record
from secretary.store import series as sr
from secretary.store.approval import approval_for
from secretary.store.chain import chain_head


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def with_password(url: str) -> str:
    """The test server trusts loopback, so any password works: used to check that
    none is ever printed."""
    return url.replace("postgres@", "postgres:Sup3rSecret@", 1)


def test_replay_into_a_record_and_back(record_target, worked_example, capsys):
    code, out, err = run(["replay", str(worked_example), "--db", record_target], capsys)
    assert code == 0, err
    stored = json.loads(out)
    code, out, err = run(
        ["replay", "--db", record_target, "--meeting", str(stored["meeting_id"])], capsys
    )
    assert code == 0, err
    again = json.loads(out)

    def outcome(report):  # event numbers count the stored set-up events too
        return [{k: v for k, v in d.items() if k != "event"} for d in report["decisions"]]

    assert outcome(again) == outcome(stored) and len(outcome(stored)) == 2
    code, _out, err = run(["replay", "--db", record_target, "--meeting", "99"], capsys)
    assert code == 2 and "no meeting with id 99" in err


def test_export_from_a_record(record_target, worked_example, tmp_path, capsys):
    assert main(["replay", str(worked_example), "--db", record_target]) == 0
    capsys.readouterr()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    files = {k: out_dir / f"{k}.docx" for k in ("minutes", "actions", "financial", "attendance")}
    args = ["export", "--db", record_target, "--meeting", "1"]
    for k, f in files.items():
        args += [f"--{k}", str(f)]
    code, out, err = run(args, capsys)
    assert code == 0, err
    assert sorted(Path(line) for line in out.splitlines()) == sorted(files.values())
    minutes = docx_text(files["minutes"].read_bytes())
    assert "Upper Valleys Cluster Board" in minutes and "Agreed by consensus" in minutes


def test_documents_and_reports_are_the_same_from_both(pg_url, tmp_path, capsys):
    outputs = []
    for name, target in (
        ("sqlite", str(tmp_path / "record.sqlite")),
        ("postgresql", with_password(pg_url)),
    ):
        record = Record(target)
        year = build_year(record)
        record.close()
        texts = []
        for args in (
            ["report", "attendance", "--db", target, "--year", "2026"],
            ["report", "interests", "--db", target],
            ["meetings", "--db", target, "--today", "2027-02-01"],
        ):
            code, out, err = run(args, capsys)
            assert code == 0, err
            assert "Sup3rSecret" not in out + err
            texts.append(out)
        docs = tmp_path / name
        docs.mkdir()
        minutes = docs / "m5.docx"
        code, _out, err = run(
            [
                "export",
                "--db",
                target,
                "--meeting",
                str(year.meetings[-1]),
                "--minutes",
                str(minutes),
                "--today",
                "2027-01-20",
            ],
            capsys,
        )
        assert code == 0, err
        # Event uuids and times are new in each record, so the log's fingerprint
        # differs, and so does the record check (meeting uuid and chain head): the
        # chain covers each record's own uuids and times, as it must to show tampering.
        # The line is compared with those two normalised; each must match its record.
        record = Record(target)
        assert chain_in_document(minutes) == astuple(chain_head(record, year.meetings[-1]))
        record.close()
        minutes_text = re.sub(
            r"fingerprint [0-9a-f]+", "fingerprint …", docx_text(minutes.read_bytes())
        )
        meeting_uuid, events, head = chain_in_document(minutes)
        check = f"Record check: {meeting_uuid} {events} {head}"
        assert minutes_text.count("Record check:") == 1 and check in minutes_text
        texts.append(minutes_text.replace(check, f"Record check: <uuid> {events} <head>"))
        outputs.append(texts)
    sqlite, postgresql = outputs
    assert sqlite == postgresql
    assert "Dr Gwenllian Rees" in sqlite[1]  # interests: something real was compared
    assert "Approved" in sqlite[2] or "approved" in sqlite[2]


def test_a_password_in_a_url_is_never_printed(pg_url, worked_example, capsys):
    url = with_password(pg_url)
    code, out, err = run(["replay", str(worked_example), "--db", url], capsys)
    assert code == 0, err
    for args in (
        ["replay", "--db", url, "--meeting", "7"],
        ["export", "--db", url, "--meeting", "7"],
        ["leases", "--db", url.replace("/t_", "/nosuch_")],
    ):
        code, out, err = run(args, capsys)
        assert code == 2
        assert "Sup3rSecret" not in out + err and "***" in err, err


def test_restore_is_for_files_verify_checks_a_database(pg_url, worked_example, capsys):
    code, _out, err = run(["restore", "--db", pg_url], capsys)
    assert code == 2 and "database URL" in err
    assert main(["replay", str(worked_example), "--db", pg_url]) == 0
    capsys.readouterr()
    code, out, err = run(["verify", "--db", with_password(pg_url)], capsys)
    assert code == 0, out + err
    assert "pg_amcheck" in out and "24 events replay" in out and "Sup3rSecret" not in out
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE events DISABLE TRIGGER events_append_only"))
    engine.dispose()
    code, out, _err = run(["verify", "--db", pg_url], capsys)
    assert code == 1 and "PROBLEM" in out and "events are append-only" in out


def test_approve_and_outside_decisions_on_a_central_record(record_target, capsys):
    """The between-meetings commands that write: through a meeting's lease on PostgreSQL."""
    record = Record(record_target)
    year = build_year(record, upto=4)
    m4 = year.meetings[3]
    m5_info = year.lives[3].info
    record.close()
    args = [
        "outside",
        "add",
        "--db",
        record_target,
        "--date",
        "2026-12-01",
        "--kind",
        "urgent",
        "--title",
        "Extra flu clinic staff",
    ]
    code, out, err = run(args, capsys)
    assert code == 0, err
    code, out, err = run(["outside", "list", "--db", record_target], capsys)
    assert code == 0 and "Extra flu clinic staff" in out
    # Prepare M5 and attend, then approve M4's minutes from the command line.

    record = Record(record_target)
    info = MeetingInfo(m5_info.title, "2027-01-14", "13:00", m5_info.venue)
    m5 = sr.prepare_meeting(record, year.cluster_id, info).meeting_id
    attend(LiveMeeting(record, m5), 4)
    record.close()
    code, out, err = run(
        ["approve", "--db", record_target, "--meeting", str(m4), "--at", str(m5)], capsys
    )
    assert code == 0, err
    record = Record(record_target)
    try:
        assert approval_for(record, m4).approved_at_meeting_id == m5
    finally:
        record.close()
