"""Window actions beyond the live meeting: export, backups at open and close,
restore from a backup, About."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtWidgets import QMessageBox

from secretary.demo import create_demo_record
from secretary.store import Record
from secretary.store.backup import list_backups
from secretary.ui import record_actions
from secretary.ui.about import AboutDialog
from secretary.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def demo_path(tmp_path: Path) -> tuple[Path, int]:
    record, mid = create_demo_record(tmp_path / "demo.sqlite")
    record.close()  # type: ignore[attr-defined]
    return tmp_path / "demo.sqlite", mid


def open_window(qtbot, path: Path, mid: int) -> tuple[MainWindow, Record]:
    record = Record(path)
    window = MainWindow(record, mid)
    qtbot.addWidget(window)
    return window, record


def test_a_backup_is_taken_when_the_meeting_opens_and_closes(qtbot, demo_path):
    path, mid = demo_path
    window, record = open_window(qtbot, path, mid)
    assert window.backup_thread is not None  # taken in the background
    window.backup_thread.join()
    opened = list_backups(path)
    assert len(opened) == 1 and opened[0].reason == "open"
    window.close()  # the closing backup is copied in the background too
    assert window.backup_thread is not None
    window.backup_thread.join()
    assert len(list_backups(path)) == 2
    record.close()


def test_export_from_the_window_writes_the_four_documents(qtbot, demo_path, tmp_path):
    path, mid = demo_path
    window, record = open_window(qtbot, path, mid)
    out = tmp_path / "out"
    out.mkdir()
    written = record_actions.export_meeting(window, str(out))
    assert len(written) == 4
    minutes = next(p for p in written if "minutes" in p.name)
    text = "\n".join(p.text for p in Document(str(minutes)).paragraphs)
    assert "Alun Hughes attended for the Community Pharmacy member" in text
    assert "DRAFT" in text
    # Exporting again asks before replacing; "No" leaves the files alone.
    stamp = minutes.stat().st_mtime_ns
    qtbot_answer(window, QMessageBox.StandardButton.No)
    assert record_actions.export_meeting(window, str(out)) == []
    assert minutes.stat().st_mtime_ns == stamp
    window.close()
    record.close()


def qtbot_answer(window: MainWindow, answer: QMessageBox.StandardButton) -> None:
    """Answer the next QMessageBox.question with ``answer`` (a modal box would block)."""
    original = QMessageBox.question

    def fake(*args, **kwargs):
        QMessageBox.question = original  # type: ignore[method-assign]
        return answer

    QMessageBox.question = fake  # type: ignore[method-assign]


def test_notes_typed_just_before_export_are_in_the_minutes(qtbot, demo_path, tmp_path):
    path, mid = demo_path
    window, record = open_window(qtbot, path, mid)
    window.item.notes.setPlainText("Typed a second before the export.")
    out = tmp_path / "out2"
    out.mkdir()
    written = record_actions.export_meeting(window, str(out))
    minutes = next(p for p in written if "minutes" in p.name)
    text = "\n".join(p.text for p in Document(str(minutes)).paragraphs)
    assert "Typed a second before the export." in text
    window.close()
    record.close()


def test_restore_keeps_a_copy_and_brings_the_backup_back(qtbot, demo_path, monkeypatch):
    path, mid = demo_path
    window, record = open_window(qtbot, path, mid)
    window.backup_thread.join()
    backup = list_backups(path)[0].path
    events_at_backup = len(record.events(mid))
    window.controller.live.record_event({"type": "leave", "person": "lead", "at": "15:00"})
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    assert record_actions._restore(window, path, backup, Exception)
    restored = Record(path)
    assert len(restored.events(mid)) == events_at_backup
    restored.close()
    # The record as it was before the restore was kept as a backup first.
    assert any("before-restore" in b.path.name for b in list_backups(path))


def test_about_shows_version_record_and_licences(qtbot, demo_path):
    path, _ = demo_path
    dialog = AboutDialog(str(path))
    qtbot.addWidget(dialog)
    assert str(path) in dialog.location.text()
    names = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert {"SQLAlchemy", "python-docx", "alembic"} <= names
    licences = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert any("LGPL" in text for text in licences)


def test_the_window_exports_with_the_secretarys_own_template(
    qtbot, demo_path, tmp_path, monkeypatch
):
    from docx import Document as NewDocument

    path, mid = demo_path
    window, record = open_window(qtbot, path, mid)
    letterhead = NewDocument()
    letterhead.sections[0].header.paragraphs[0].text = "Swansea Bay UHB letterhead"
    template = tmp_path / "letterhead.docx"
    letterhead.save(str(template))
    assert record_actions.set_template(window, template)
    out = tmp_path / "with-template"
    out.mkdir()
    written = record_actions.export_meeting(window, str(out), language="en")
    minutes = Document(str(next(p for p in written if "minutes" in p.name)))
    assert minutes.sections[0].header.paragraphs[0].text == "Swansea Bay UHB letterhead"
    # Back to the house style: the letterhead is gone from new exports.
    assert record_actions.set_template(window, None)
    assert record_actions.window_template(window) is None
    window.close()
    record.close()


def test_a_template_that_is_not_a_word_file_is_refused_with_a_message(
    qtbot, demo_path, tmp_path, monkeypatch
):
    path, mid = demo_path
    window, record = open_window(qtbot, path, mid)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "letterhead.docx"
    bad.write_text("this is not a Word document")
    assert not record_actions.set_template(window, bad)
    assert shown and "letterhead.docx" in shown[0]
    assert record_actions.window_template(window) is None  # unchanged
    assert bad.read_text() == "this is not a Word document"
    window.close()
    record.close()


def test_a_record_that_fails_during_export_is_a_message(qtbot, demo_path, tmp_path, monkeypatch):
    """A RecordError while exporting (the record unreadable a moment) does not escape
    the slot: the secretary is told in one message and nothing is written."""
    from secretary.app import files as file_operations
    from secretary.store import RecordError

    path, mid = demo_path
    window, record = open_window(qtbot, path, mid)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))

    def unreadable(*_a, **_k):
        raise RecordError(f"{path}: the record is busy in another program (database is locked)")

    monkeypatch.setattr(file_operations, "snapshot_from_record", unreadable)
    out = tmp_path / "out"
    out.mkdir()
    assert record_actions.export_meeting(window, str(out)) == []
    assert shown and "busy in another program" in shown[0]
    assert list(out.iterdir()) == []
    window.close()
    record.close()
