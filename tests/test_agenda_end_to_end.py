"""Before the meeting, end to end on the command line (issue 19): the next meeting
from the previous one (carried actions, a pending outside decision), items added,
a PDF paper and an investment proposal attached, the notice and the issue (late,
and short notice for an interim meeting: warnings from the terms), a change after
issue; then the meeting run from that agenda through ``app.meeting.record``; the
minutes list the papers; a paper saved again is the original byte for byte."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from between_year import build_year
from export_helpers import docx_text
from tiny_pdf import tiny_pdf

from secretary.app.meeting import record
from secretary.store import LiveMeeting, Record
from secretary.store import series as sr

ROOT = Path(__file__).resolve().parent.parent
PDF = tiny_pdf("Social prescriber case, page 1", "Social prescriber case, page 2")
FORM = """
title = "Social prescriber for the cluster"
priority = "Prevention and Reducing Health Inequalities"
lead = "Tomos Bowen"
description = "A social prescriber shared by the five practices."
outcomes = "Fewer GP appointments for non-medical needs."

[[costs]]
line = "Social prescriber (Band 5, 1.0 WTE)"
kind = "recurrent"
year = "2027/28"
amount = 32000

[[costs]]
line = "Laptop and phone"
kind = "non-recurrent"
year = "2027/28"
amount = 1200.50
"""


def secretary(*argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SECRETARY_LANGUAGE="en")
    return subprocess.run(
        [sys.executable, "-m", "secretary", *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
    )


def ok(*argv: str) -> subprocess.CompletedProcess[str]:
    done = secretary(*argv)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def next_meeting(record_path: Path) -> tuple[str, int]:
    rec = Record(record_path)
    year = build_year(rec, upto=4)
    key = sr.series_key_of(rec, year.meetings[-1])
    sr.record_outside_decision(
        rec, key, decided_on="2026-12-03", kind="remote", title="Winter vaccination bus"
    )
    last = year.meetings[-1]
    rec.close()
    db = str(record_path)
    done = ok(
        "new-meeting", "--db", db, "--after", str(last), "--date", "2027-01-14",
        "--start", "13:00", "--venue", "Ystalyfera",
    )  # fmt: skip
    return db, json.loads(done.stdout)["meeting_id"]


def show(db: str, mid: int) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(ok("agenda", "--db", db, "--meeting", str(mid), "show",
                                        "--json").stdout)  # fmt: skip
    return out


def test_before_the_meeting_end_to_end(next_meeting: tuple[str, int], tmp_path: Path) -> None:
    db, mid = next_meeting
    agenda = ("agenda", "--db", db, "--meeting", str(mid))

    # The agenda from the previous meeting: standing items, the carried action on
    # matters arising, the remote decision for ratification.
    plan = show(db, mid)
    titles = [i["title"] for i in plan["items"]]
    assert titles[3] == "Matters arising and action log"
    assert [a["action"] for a in plan["items"][3]["carried_actions"]] == ["A3"]
    assert any("Winter vaccination bus" in t and "for ratification" in t for t in titles)
    assert titles[-1] == "Any other business"
    before_aob = str(len(titles))

    # Items, a paper, a proposal.
    ok(*agenda, "add", "--title", "Social prescriber", "--presenter", "Tomos Bowen",
       "--purpose", "decision", "--duration", "20", "--at", before_aob)  # fmt: skip
    ok(*agenda, "add", "--title", "Estates update", "--purpose", "information",
       "--duration", "10", "--at", str(len(titles) + 1))  # fmt: skip
    plan = show(db, mid)
    social = next(i for i in plan["items"] if i["title"] == "Social prescriber")
    number = social["number"]
    # No --reference: the meeting's next, as the builder offers (not none at all).
    refs = [i["reference"] for i in plan["items"] if i.get("reference")]
    estates = next(i for i in plan["items"] if i["title"] == "Estates update")
    assert social["reference"] and estates["reference"]
    assert len(set(refs)) == len(refs)  # each its own
    paper = tmp_path / "social-prescriber-case.pdf"
    paper.write_bytes(PDF)
    done = ok(*agenda, "paper", "add", number, str(paper), "--title", "Social prescriber case")
    assert done.stdout.strip() == f"Attached Paper {number}a: Social prescriber case"
    form = tmp_path / "proposal.toml"
    form.write_text(FORM, encoding="utf-8")
    done = ok(*agenda, "proposal", number, str(form))
    assert f"£33,200.50; attached as Paper {number}b" in done.stdout
    plan = show(db, mid)
    social = next(i for i in plan["items"] if i["id"] == social["id"])
    assert social["amount"] == 33200.5
    assert [p["label"] for p in social["papers"]] == [f"Paper {number}a", f"Paper {number}b"]
    assert social["papers"][1]["filename"].endswith(".docx")
    # The planned times run from the meeting's start where durations are given.
    assert plan["items"][0]["starts"] == "13:00"

    # Notice and issue: the uv-2026 terms ask for papers 10 days ahead and an
    # interim meeting's notice of 7 days; both are short here, and said so.
    ok(*agenda, "call", "--on", "2027-01-10", "--interim")
    done = ok(*agenda, "issue", "--on", "2027-01-08")
    warnings = done.stderr.strip().splitlines()
    assert warnings == [
        "warning: The papers go out 6 days before the meeting; the terms ask for at least "
        "10 days (due by 4 January 2027)",
        "warning: An interim meeting was called 4 days ahead; the terms ask for 7 days' notice",
    ]
    estates = next(i for i in show(db, mid)["items"] if i["title"] == "Estates update")
    ok(*agenda, "withdraw", estates["number"], "--reason", "Deferred to March")
    plan = show(db, mid)
    assert plan["issued_on"] == "2027-01-08"
    # The item after it moves up a number: said, as the issued pack calls it item 8.
    assert plan["changes"] == [
        "Issued item 7 (“Estates update”) withdrawn after the agenda was issued",
        "Item 7 (issued as item 8) renumbered after the agenda was issued",
    ]

    # Refusals: one line each, nothing written.
    bad = secretary(*agenda, "withdraw", "1")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert "standing item of every agenda" in bad.stderr
    bad = secretary(*agenda, "paper", "add", number, str(tmp_path / "missing.pdf"))
    assert bad.returncode == 2 and "no such file" in bad.stderr and "Traceback" not in bad.stderr
    bad = secretary(*agenda, "change", "99", "--title", "x")
    assert bad.returncode == 2 and "no item 99 on the agenda" in bad.stderr

    # The agenda document and the pack, in agenda order.
    document = tmp_path / "agenda.docx"
    ok(*agenda, "document", "--out", str(document))
    text = docx_text(document.read_bytes())
    assert f"Paper {number}a: Social prescriber case" in text
    assert "Social prescriber for the cluster" in text
    folder = tmp_path / "pack"
    done = ok(*agenda, "pack", "--out", str(folder))
    names = sorted(p.name for p in folder.iterdir())
    assert names[0].startswith("01-agenda") and names[1].startswith(f"02-paper-{number}a")
    assert names[2].startswith(f"03-paper-{number}b") and len(names) == 3
    assert (folder / names[1]).read_bytes() == PDF
    if shutil.which("soffice"):
        pack = tmp_path / "pack.pdf"
        done = ok(*agenda, "pack", "--out", str(pack))
        from pypdf import PdfReader

        reader = PdfReader(pack)
        assert done.stdout.splitlines()[0].startswith(f"The pack is {pack}: {len(reader.pages)}")
        labels = [line.split()[1].rstrip(":") for line in done.stdout.splitlines()[1:]]
        assert labels == ["Agenda", "Paper", "Paper"]
        assert [ln.split(": ", 1)[0].split()[-1] for ln in done.stdout.splitlines()[2:]] == [
            f"{number}a",
            f"{number}b",
        ]
        pages = [page.extract_text() for page in reader.pages]
        first_paper = next(i for i, t in enumerate(pages) if "Social prescriber case, page 1" in t)
        assert "Social prescriber case, page 2" in pages[first_paper + 1]
        said = done.stdout.splitlines()[2].split()[0]  # "2-3": the pages the output names
        assert said == f"{first_paper + 1}-{first_paper + 2}"
        assert any("Social prescriber for the cluster" in t for t in pages[first_paper + 2 :])

    # The meeting, run from that agenda.
    rec = Record(db)
    try:
        live = LiveMeeting(rec, mid)
        m = live.meeting
        for pid in ("lead", "gp1", "gp4", "ph", "cdm", "nurse", "opt", "gp3"):
            if pid in m.people:
                record(live, {"type": "arrive", "person": pid, "mode": "in_person", "at": "13:00"})
        iid = social["id"]
        voters = [p for p in m.people if m.present_for(p, iid) and m.may_vote(p)]
        decision = record(
            live,
            {"type": "vote", "item": iid, "votes": {p: "for" for p in voters}, "at": "13:40"},
        ).decision
        assert decision is not None and decision.status == "carried"
    finally:
        rec.close()

    # The minutes list the item's papers; the paper comes out as it went in.
    minutes = tmp_path / "minutes.docx"
    ok("export", "--db", db, "--meeting", str(mid), "--minutes", str(minutes))
    text = docx_text(minutes.read_bytes())
    assert f"Paper {number}a: Social prescriber case" in text
    assert f"Paper {number}b: Social prescriber for the cluster" in text
    welsh = tmp_path / "cofnodion.docx"
    ok("export", "--db", db, "--meeting", str(mid), "--minutes", str(welsh), "--language", "cy")
    assert f"Papur {number}a: Social prescriber case" in docx_text(welsh.read_bytes())
    saved = tmp_path / "saved.pdf"
    ok(*agenda, "paper", "save", f"{number}a", "--out", str(saved))
    assert saved.read_bytes() == paper.read_bytes()
    assert "papers kept in the record match" in ok("verify", "--db", db).stdout
