"""`secretary agenda`: every mistake is one line on stderr, exit status 2, and nothing
is written; a decision recorded on an item keeps it on the agenda."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import read_terms_source
from secretary.store import LiveMeeting, Record

ROOT = Path(__file__).resolve().parent.parent


def secretary(*argv: str, language: str = "en") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SECRETARY_LANGUAGE=language)
    return subprocess.run(
        [sys.executable, "-m", "secretary", *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    text, _ = read_terms_source("sbuhb-upper-valleys-2021")
    record = Record(tmp_path / "r.sqlite")
    info = MeetingInfo("Upper Valleys Cluster", "2026-06-11", "13:00", "Hall")
    mid = record.create_meeting(info, "sbuhb-upper-valleys-2021", text)
    live = LiveMeeting(record, mid)
    live.record_event({"type": "item_added", "item": "i1", "title": "Estates", "duration": 10})
    live.record_event({"type": "note", "item": "i1", "text": "Discussed in outline."})
    record.close()
    return str(tmp_path / "r.sqlite")


def events(db: str) -> int:
    record = Record(db, readonly=True)
    try:
        return len(record.events(1))
    finally:
        record.close()


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("withdraw", "1"), "a note is recorded on it"),
        (("withdraw", "9"), "no item 9 on the agenda"),
        (("issue", "--on", "2026-13-01"), "--on must be a date YYYY-MM-DD"),
        (("add", "--title", "X", "--duration", "0"), "'duration' must be 1 to 600 minutes"),
        (("add", "--title", "X", "--starts", "25:00"), "must be a time HH:MM"),
        (("paper", "save", "1a", "--out", "x.pdf"), "no paper 1a in this meeting"),
        (("paper", "withdraw", "1a"), "no paper 1a"),
        (("proposal", "1", "missing.toml"), "missing.toml: no such file"),
    ],
)
def test_a_mistake_is_one_line_and_writes_nothing(db: str, argv: tuple[str, ...], says: str):
    before = events(db)
    done = secretary("agenda", "--db", db, "--meeting", "1", *argv)
    assert done.returncode == 2, done.stdout
    assert done.stderr.count("\n") == 1 and says in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert events(db) == before


def test_a_bad_proposal_form_and_a_wrong_file_say_where(db: str, tmp_path: Path) -> None:
    form = tmp_path / "p.toml"
    form.write_text(
        'title = "T"\ndescription = "D"\noutcomes = "O"\npriority = "Improving Planned Care"\n'
        '[[costs]]\nline = "Post"\nkind = "recurrent"\nyear = "2025/27"\namount = 10\n',
        encoding="utf-8",
    )
    done = secretary("agenda", "--db", db, "--meeting", "1", "proposal", "1", str(form))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "cost line 1" in done.stderr and "financial year" in done.stderr
    form.write_text(
        'title = "T"\ndescription = "D"\noutcomes = "O"\npriority = "Space travel"\n'
        '[[costs]]\nline = "Post"\nkind = "recurrent"\nyear = "2025/26"\namount = 10\n',
        encoding="utf-8",
    )
    done = secretary("agenda", "--db", db, "--meeting", "1", "proposal", "1", str(form))
    assert done.returncode == 2 and "Cluster IMTP priorities" in done.stderr
    film = tmp_path / "film.mp4"
    film.write_bytes(b"x")
    done = secretary("agenda", "--db", db, "--meeting", "1", "paper", "add", "1", str(film))
    assert done.returncode == 2 and "a paper must be Word, PDF" in done.stderr
    assert events(db) == 2
    done = secretary("agenda", "--db", db, "--meeting", "7", "show")
    assert done.returncode == 2 and done.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", "item_withdrawn: item 1 cannot be withdrawn: a note is recorded on it"),
        ("cy", "item_withdrawn: ni ellir tynnu eitem 1 yn ôl: cofnodwyd nodyn arni"),
    ],
)
def test_the_meetings_refusal_is_in_the_readers_language(db: str, language: str, says: str):
    """A rule of the meeting refusing an event is worded by the domain and rendered in
    the language the command runs in, as the window's are."""
    done = secretary("agenda", "--db", db, "--meeting", "1", "withdraw", "1", language=language)
    assert done.returncode == 2 and says in done.stderr, done.stderr
