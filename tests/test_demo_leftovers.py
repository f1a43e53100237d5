"""secretary/demo.py: a demonstration that never closed (killed, crashed, the battery
gone) leaves its throw-away record in the temporary folder; the next demo removes
it -- and never a demo that is open, here or in another program."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from secretary import demo
from secretary.demo import ABANDONED_AFTER_S, DEMO_PREFIX, discard_abandoned_demos
from secretary.store import Record


def left_demo(base: Path, name: str, *, age_s: float = ABANDONED_AFTER_S + 60) -> Path:
    """A demo's folder as a killed demo leaves it: the record, its WAL, a backup."""
    place = base / f"{DEMO_PREFIX}{name}"
    (place / "backups").mkdir(parents=True)
    record = Record(place / "demo.sqlite")
    record.close()
    (place / "backups" / "demo-opening.sqlite").write_bytes(b"a backup")
    then = time.time() - age_s
    os.utime(place, (then, then))
    return place


def test_a_demo_that_never_closed_is_removed(tmp_path: Path) -> None:
    left = left_demo(tmp_path, "killed")
    other = tmp_path / "not-a-demo"
    other.mkdir()
    assert discard_abandoned_demos(tmp_path) == 1
    assert not left.exists() and other.exists()


def test_an_open_demo_is_kept_here_and_in_another_program(tmp_path: Path) -> None:
    here = left_demo(tmp_path, "open-here")
    elsewhere = left_demo(tmp_path, "open-elsewhere")
    record = Record(here / "demo.sqlite")  # this program's demo window
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "from secretary.store.lock import acquire_lock\n"
            "lock = acquire_lock(sys.argv[1])\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n",
            str(elsewhere / "demo.sqlite"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        for place in (here, elsewhere):  # their folders as old as an abandoned one's
            then = time.time() - ABANDONED_AFTER_S - 60
            os.utime(place, (then, then))
        assert discard_abandoned_demos(tmp_path) == 0
        assert here.exists() and elsewhere.exists()
        assert record.list_meetings() == []  # still open and readable
    finally:
        holder.communicate("")
        record.close()
    # Once closed here, and the other program gone (its lock with it), both go.
    then = time.time() - ABANDONED_AFTER_S - 60
    for place in (here, elsewhere):
        os.utime(place, (then, then))
    assert discard_abandoned_demos(tmp_path) == 2
    assert not here.exists() and not elsewhere.exists()


def test_a_demo_being_made_now_is_kept(tmp_path: Path) -> None:
    young = left_demo(tmp_path, "just-made", age_s=5)
    empty = tmp_path / f"{DEMO_PREFIX}no-record-yet"
    empty.mkdir()
    assert discard_abandoned_demos(tmp_path) == 0
    assert young.exists() and empty.exists()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_named_like_a_demo_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "the user's files"
    target.mkdir()
    (target / "minutes.docx").write_bytes(b"kept")
    link = tmp_path / "temp" / f"{DEMO_PREFIX}link"
    link.parent.mkdir()
    link.symlink_to(target, target_is_directory=True)
    then = time.time() - ABANDONED_AFTER_S - 60
    os.utime(link, (then, then), follow_symlinks=False)
    assert discard_abandoned_demos(link.parent) == 0
    assert (target / "minutes.docx").read_bytes() == b"kept"


def test_a_new_demo_clears_what_earlier_ones_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo.tempfile, "tempdir", str(tmp_path))
    left = left_demo(tmp_path, "from-yesterday")
    record, meeting_id = demo.create_demo_record()
    try:
        assert not left.exists()
        assert Path(record.path).parent.parent == tmp_path  # type: ignore[attr-defined]
        assert record.meeting_info(meeting_id).title == "Upper Valleys Cluster Meeting"  # type: ignore[attr-defined]
    finally:
        demo.discard_demo_record(record)
