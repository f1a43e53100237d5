"""Circulating the minutes (5.6): the e-mail draft, its recipients, its attachments, its
languages, and the sending recorded — from the command line and from the window."""

from __future__ import annotations

import contextlib
import email
import email.policy
import io
import os
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from secretary.cli.main import main
from secretary.demo import demo_scenario_path
from secretary.store import Record

# The demo roster: members and the deputy with an address; attendees are not sent to.
WITH_ADDRESS = {
    "rhian.evans@wales.nhs.uk",
    "owen.price@wales.nhs.uk",
    "sian.morgan@wales.nhs.uk",
    "gwenllian.rees@wales.nhs.uk",
    "ffion.jones@wales.nhs.uk",
    "huw.davies@wales.nhs.uk",
    "meinir.roberts@example.org",
    "alun.hughes@example.org",
}


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def secretary(*args: str) -> Done:
    """Run the command line in this process (as `secretary ARGS` would), in English."""
    out, err = io.StringIO(), io.StringIO()
    old = os.environ.get("SECRETARY_LANGUAGE")
    os.environ["SECRETARY_LANGUAGE"] = "en"
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        if old is None:
            del os.environ["SECRETARY_LANGUAGE"]
        else:
            os.environ["SECRETARY_LANGUAGE"] = old
    return Done(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def demo_record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("circ") / "demo.sqlite"
    done = secretary("replay", str(demo_scenario_path()), "--db", str(path))
    assert done.returncode == 0, done.stderr
    return path


def read(path: Path) -> email.message.EmailMessage:
    with path.open("rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    assert isinstance(msg, email.message.EmailMessage)
    return msg


def addresses(msg: email.message.EmailMessage) -> set[str]:
    return {a.addr_spec for a in msg["To"].addresses}


def attachments(msg: email.message.EmailMessage) -> dict[str, bytes]:
    return {
        part.get_filename(): part.get_content()
        for part in msg.iter_attachments()  # type: ignore[attr-defined]
    }


def body(msg: email.message.EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    assert part is not None
    return part.get_content()


def test_the_draft_goes_to_exactly_the_members_and_deputies_with_addresses(
    demo_record: Path, tmp_path: Path
) -> None:
    out = tmp_path / "draft.eml"
    done = secretary(
        "circulate",
        "--db",
        str(demo_record),
        "--meeting",
        "1",
        "--out",
        str(out),
        "--language",
        "en",
        "--from",
        "uv.cluster@wales.nhs.uk",
    )
    assert done.returncode == 0, done.stderr
    msg = read(out)
    assert addresses(msg) == WITH_ADDRESS
    assert msg["From"].addresses[0].addr_spec == "uv.cluster@wales.nhs.uk"
    assert msg["X-Unsent"] == "1"  # Outlook opens it as a draft to send
    assert msg["Subject"] == (
        "Draft minutes and action log: Upper Valleys Cluster Meeting, 14 May 2026"
    )
    assert "held on Thursday 14 May 2026" in body(msg)
    # the members without an address are named, not skipped silently
    lines = done.stdout.splitlines()
    assert lines[0] == str(out)
    assert lines[1] == "Members and deputies with an address: 8"
    assert "No address on the roster: Dr Catrin Lewis (Dental)" in lines
    assert "No address on the roster: Carys Miles (Cluster Development Manager)" in lines
    # attendees (in attendance, not members) are neither addressed nor listed as missing
    assert not any("Finance" in line for line in lines[2:])


def test_the_attachments_are_the_minutes_and_action_log_as_word_documents(
    demo_record: Path, tmp_path: Path
) -> None:
    out = tmp_path / "draft.eml"
    done = secretary(
        "circulate",
        "--db",
        str(demo_record),
        "--meeting",
        "1",
        "--out",
        str(out),
        "--language",
        "en",
    )
    assert done.returncode == 0, done.stderr
    files = attachments(read(out))
    assert sorted(files) == [
        "2026-05-14 Upper Valleys Cluster Meeting - action log.docx",
        "2026-05-14 Upper Valleys Cluster Meeting - minutes (DRAFT).docx",
    ]
    minutes = docx.Document(io.BytesIO(files[sorted(files)[1]]))
    text = "\n".join(p.text for p in minutes.paragraphs)
    assert "Upper Valleys Cluster Meeting" in text
    assert "DRAFT" in text
    actions = docx.Document(io.BytesIO(files[sorted(files)[0]]))
    assert actions.tables, "the action log is a table"


def test_welsh_and_bilingual_drafts(demo_record: Path, tmp_path: Path) -> None:
    cy = tmp_path / "cy.eml"
    assert (
        secretary(
            "circulate",
            "--db",
            str(demo_record),
            "--meeting",
            "1",
            "--out",
            str(cy),
            "--language",
            "cy",
        ).returncode
        == 0
    )
    msg = read(cy)
    assert msg["Subject"].startswith("Cofnodion drafft")
    assert "14 Mai 2026" in msg["Subject"]
    assert msg["Content-Language"] == "cy-GB"
    text = body(msg)
    assert "Annwyl aelodau" in text
    assert "Dear members" not in text
    assert "Thursday" not in text and "Dydd Iau 14 Mai 2026" in text

    both = tmp_path / "both.eml"
    assert (
        secretary(
            "circulate",
            "--db",
            str(demo_record),
            "--meeting",
            "1",
            "--out",
            str(both),
        ).returncode
        == 0
    )  # bilingual is the default
    msg = read(both)
    cy_subject, en_subject = msg["Subject"].split(" / ")
    assert cy_subject.startswith("Cofnodion drafft") and en_subject.startswith("Draft minutes")
    text = body(msg)
    assert text.index("Annwyl aelodau") < text.index("Dear members")  # Welsh first
    for line in text.splitlines():  # no line mixes the languages
        assert not ("Annwyl" in line and "Dear" in line)
        assert not ("Mai" in line and "May" in line)
    assert any("cofnodion - minutes" in name for name in attachments(msg))


def test_an_existing_draft_is_not_replaced_and_bad_input_is_one_line(
    demo_record: Path, tmp_path: Path
) -> None:
    out = tmp_path / "draft.eml"
    out.write_bytes(b"the secretary's own file")
    done = secretary("circulate", "--db", str(demo_record), "--meeting", "1", "--out", str(out))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "already exists" in done.stderr
    assert out.read_bytes() == b"the secretary's own file"
    done = secretary("circulate", "--db", str(demo_record), "--meeting", "9", "--out", str(out))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    done = secretary(
        "circulate",
        "--db",
        str(demo_record),
        "--meeting",
        "1",
        "--out",
        str(out),
        "--from",
        "not an address",
        "--force",
    )
    assert done.returncode == 2 and "not an email address" in done.stderr
    assert out.read_bytes() == b"the secretary's own file"


def test_the_sending_is_recorded_and_shows_in_meetings(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    assert secretary("replay", str(demo_scenario_path()), "--db", str(db)).returncode == 0
    before = secretary("meetings", "--db", str(db), "--today", "2026-05-18")
    assert "minutes due" in before.stdout.lower() or "minutes" in before.stdout.lower()
    out = tmp_path / "d.eml"
    done = secretary(
        "circulate",
        "--db",
        str(db),
        "--meeting",
        "1",
        "--out",
        str(out),
        "--sent-on",
        "2026-05-18",
    )
    assert done.returncode == 0, done.stderr
    assert "Recorded: the minutes went to the members on 18 May 2026." in done.stdout
    record = Record(db, create=False, readonly=True)
    try:
        sent = [e for e in record.events(1) if e.type == "minutes_sent"]
    finally:
        record.close()
    assert [e.get("on") for e in sent] == ["2026-05-18"]
    after = secretary("meetings", "--db", str(db), "--today", "2026-05-25")
    assert after.returncode == 0
    assert after.stdout != before.stdout
    assert "minutes to members sent on" in after.stdout
    assert "18 May 2026" in after.stdout or "2026-05-18" in after.stdout
    assert "minutes to members due by" not in after.stdout


@pytest.mark.gui
def test_the_window_circulates_and_records_the_sending(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog

    from secretary.ui import circulate as ui_circulate
    from secretary.ui.main_window import MainWindow

    monkeypatch.setenv("SECRETARY_NO_SETTINGS", "1")
    db = tmp_path / "r.sqlite"
    assert secretary("replay", str(demo_scenario_path()), "--db", str(db)).returncode == 0
    target = tmp_path / "out.eml"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    opened: list[str] = []
    monkeypatch.setattr(
        ui_circulate.QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url))
    )

    def run_dialog(self: QDialog) -> int:
        if isinstance(self, ui_circulate.CirculateDialog):
            assert self.save_button.isEnabled()
            assert self.recipients.count() == 8
            assert "Dr Catrin Lewis (Dental)" in self.missing_label.text()
            self.language.setCurrentIndex(self.language.findData("en"))
            self.save()
            return int(self.result())
        assert isinstance(self, ui_circulate.SentDialog)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QDialog, "exec", run_dialog)
    record = Record(db)
    window = MainWindow(record, 1)
    qtbot.addWidget(window)
    try:
        assert window.shortcut_actions["circulate"].shortcut().toString() == "Ctrl+Shift+C"
        saved = ui_circulate.circulate(window)
        assert saved == target and target.exists() and opened
        assert addresses(read(target)) == WITH_ADDRESS
        assert window.controller.meeting.events[-1].type == "minutes_sent"
    finally:
        window.close()
        record.close()
    record = Record(db, create=False, readonly=True)
    try:
        assert [e.type for e in record.events(1)][-1] == "minutes_sent"
    finally:
        record.close()


def test_a_sending_date_for_approved_minutes_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    """--sent-on on a meeting whose minutes are approved (locked) wrote the draft and
    then exited 2 "not recorded": half the command done. Now nothing is written."""
    from between_year import build_year

    db = tmp_path / "year.sqlite"
    record = Record(db)
    y = build_year(record, upto=2)  # the first meeting's minutes approved at the second
    record.close()
    out = tmp_path / "d.eml"
    done = secretary(
        "circulate", "--db", str(db), "--meeting", str(y.meetings[0]), "--out", str(out),
        "--sent-on", "2026-05-18",
    )  # fmt: skip
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "--sent-on cannot be recorded" in done.stderr and "nothing was written" in done.stderr
    assert not out.exists()
