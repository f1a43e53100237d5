"""`secretary export`: the four documents from a stored meeting, never overwriting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from export_helpers import docx_text

from secretary.cli.main import main

NAMES = {
    "minutes": "2026-05-14 Upper Valleys Cluster Board - minutes (DRAFT).docx",
    "actions": "2026-05-14 Upper Valleys Cluster Board - action log.docx",
    "financial": "2026-05-14 Upper Valleys Cluster Board - financial log.docx",
    "attendance": "2026-05-14 Upper Valleys Cluster Board - attendance register.docx",
}


@pytest.fixture
def db(tmp_path, worked_example, capsys):
    path = tmp_path / "record.sqlite"
    assert main(["replay", str(worked_example), "--db", str(path)]) == 0
    capsys.readouterr()
    return path


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_default_writes_all_four_next_to_the_record(db, capsys):
    code, out, err = run(["export", "--db", str(db), "--meeting", "1"], capsys)
    assert code == 0, err
    written = [Path(line) for line in out.splitlines()]
    assert [p.name for p in written] == list(NAMES.values())
    for p in written:
        assert p.parent == db.parent
        Document(str(p))
    minutes = docx_text((db.parent / NAMES["minutes"]).read_bytes())
    assert "Not carried: 4 for, 1 against, 0 abstentions; needed 5 = 75% of 6 eligible." in minutes
    assert "Alun Hughes attended for the Community Pharmacy member" in minutes


def test_refuses_to_overwrite_then_force(db, capsys):
    assert run(["export", "--db", str(db), "--meeting", "1"], capsys)[0] == 0
    minutes = db.parent / NAMES["minutes"]
    minutes.write_bytes(b"edited by the secretary")
    code, out, err = run(["export", "--db", str(db), "--meeting", "1"], capsys)
    assert code == 2 and out == ""
    assert (
        err == f"secretary: {minutes}: already exists; not replaced (use --force to replace it)\n"
    )
    assert minutes.read_bytes() == b"edited by the secretary"
    code, _, err = run(["export", "--db", str(db), "--meeting", "1", "--force"], capsys)
    assert code == 0, err
    assert "Upper Valleys Cluster Board" in docx_text(minutes.read_bytes())


def test_chosen_outputs_only(db, tmp_path, capsys):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = run(
        [
            "export",
            "--db",
            str(db),
            "--meeting",
            "1",
            "--actions",
            str(out_dir / "a.docx"),
            "--today",
            "2026-06-01",
            "--minutes",
            str(out_dir / "m.docx"),
            "--next-meeting",
            "2026-07-09",
            "--draft-version",
            "3",
        ],
        capsys,
    )
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.docx", "m.docx"]
    minutes = docx_text((out_dir / "m.docx").read_bytes())
    assert "DRAFT — version 3 — not yet approved" in minutes
    assert "Thursday 9 July 2026" in minutes
    assert "Status as at 1 June 2026." in docx_text((out_dir / "a.docx").read_bytes())


def test_template_option(db, tmp_path, capsys):
    template = tmp_path / "letterhead.docx"
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Health board letterhead"
    doc.save(str(template))
    code, _, err = run(
        [
            "export",
            "--db",
            str(db),
            "--meeting",
            "1",
            "--template",
            str(template),
            "--minutes",
            str(tmp_path / "m.docx"),
        ],
        capsys,
    )
    assert code == 0, err
    assert "Health board letterhead" in docx_text((tmp_path / "m.docx").read_bytes())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--meeting", "9"], "{db}: no meeting with id 9"),
        (
            ["--meeting", "1", "--template", "{tmp}/notes.txt"],
            "{tmp}/notes.txt: not a Word template",
        ),
        (
            ["--meeting", "1", "--template", "{tmp}/missing.docx"],
            "{tmp}/missing.docx: no such template file",
        ),
        (
            ["--meeting", "1", "--minutes", "{tmp}/no/such/folder/m.docx"],
            "{tmp}/no/such/folder/m.docx: the folder {tmp}/no/such/folder does not exist",
        ),
        (["--meeting", "1", "--today", "14/05/2026"], "--today: not a date YYYY-MM-DD"),
        (["--meeting", "1", "--minutes", "{tmp}"], "{tmp}: is a folder"),
    ],
)
def test_errors_are_one_line_exit_2(db, tmp_path, capsys, args, message):
    (tmp_path / "notes.txt").write_text("hello")

    def files():
        return sorted(p.name for p in tmp_path.iterdir() if ".sqlite" not in p.name)

    before = files()
    args = [a.format(tmp=tmp_path, db=db) for a in args]
    code, out, err = run(["export", "--db", str(db), *args], capsys)
    assert code == 2 and out == ""
    assert err.startswith("secretary: " + message.format(tmp=tmp_path, db=db)), err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert files() == before  # nothing written


def test_no_such_record(tmp_path, capsys):
    code, _, err = run(["export", "--db", str(tmp_path / "none.sqlite"), "--meeting", "1"], capsys)
    assert code == 2 and err == f"secretary: {tmp_path / 'none.sqlite'}: no such record\n"
    assert not (tmp_path / "none.sqlite").exists()


def test_not_a_record(tmp_path, capsys):
    bogus = tmp_path / "minutes.docx"
    bogus.write_bytes(b"PK\x03\x04 not a database")
    code, _, err = run(["export", "--db", str(bogus), "--meeting", "1"], capsys)
    assert code == 2 and err.startswith(f"secretary: {bogus}: not a Cluster Secretary record")
    assert bogus.read_bytes() == b"PK\x03\x04 not a database"


def test_unwritable_folder(db, tmp_path, capsys, monkeypatch):
    import os
    import tempfile

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.access(locked, os.W_OK):  # root writes anywhere: make the folder refuse anyway

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        code, _, err = run(
            ["export", "--db", str(db), "--meeting", "1", "--minutes", str(locked / "m.docx")],
            capsys,
        )
    finally:
        locked.chmod(0o700)
    assert code == 2 and err.count("\n") == 1
    assert err == f"secretary: {locked / 'm.docx'}: cannot write in {locked}: Permission denied\n"
    assert list(locked.iterdir()) == []


def test_help_lists_export():
    out = subprocess.run(
        [sys.executable, "-m", "secretary", "export", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0
    for option in (
        "--minutes",
        "--actions",
        "--financial",
        "--attendance",
        "--template",
        "--today",
        "--force",
    ):
        assert option in out.stdout
