"""Starting the window: which record opens, remembered records, bad records
shown as a message (never a traceback), the demo, and the meeting choice."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from secretary import demo
from secretary.i18n import language, set_language
from secretary.store import Record, default_record_path
from secretary.ui import app as ui_app
from secretary.ui import start as ui_start

pytestmark = pytest.mark.gui


def args(**kw: object) -> argparse.Namespace:
    base = {"db": None, "demo": False, "language": None}
    base.update(kw)
    return argparse.Namespace(**base)


def test_record_target_without_settings_is_db_or_the_default(tmp_path: Path):
    assert ui_app.settings() is None  # tests never touch the user's settings
    assert ui_app.record_target(args(db=str(tmp_path / "x.sqlite"))) == str(tmp_path / "x.sqlite")
    assert ui_app.record_target(args()) == str(default_record_path())


def test_the_last_record_is_remembered(tmp_path: Path, monkeypatch, qapp):
    monkeypatch.delenv("SECRETARY_NO_SETTINGS", raising=False)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    try:
        target = str(tmp_path / "club.sqlite")
        ui_app.remember_record(target)
        assert ui_app.record_target(args()) == target
        assert ui_app.record_target(args(db="other.sqlite")) == "other.sqlite"
        assert ui_app.choose_language(args(language="cy")) == "cy"
        assert ui_app.choose_language(args()) == "cy"  # remembered
        assert (tmp_path / "ClusterSecretary" / "ClusterSecretary.ini").exists()
    finally:
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def test_a_file_that_is_not_a_record_is_a_message_not_a_traceback(tmp_path, monkeypatch, qapp):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("my shopping list")
    shown = []
    monkeypatch.setattr(ui_app, "show_error", lambda title, text: shown.append((title, text)))
    assert ui_app.run_app(args(db=str(bad))) == 1
    ((title, text),) = shown
    assert title == "The record cannot be opened"
    assert str(bad) in text and "not a Cluster Secretary record" in text
    assert bad.read_text() == "my shopping list"  # untouched


def test_the_start_dialogs_answer_is_understood(tmp_path):
    record = Record(tmp_path / "r.sqlite")
    try:
        other = object()
        assert ui_start.as_choice(None, record) is None
        assert ui_start.as_choice(3, record) == (record, 3)
        assert ui_start.as_choice(argparse.Namespace(record=other, meeting_id=7), record) == (
            other,
            7,
        )
    finally:
        record.close()


def test_demo_opens_the_window_on_the_demo_meeting(qapp):
    seen = []

    def look_and_close() -> None:
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and w.objectName() != "chairScreen":
                seen.append(w.windowTitle())
                w.close()

    made = []
    real = demo.create_demo_record

    def spy(*a, **k):
        made.append(real(*a, **k)[0])
        return made[-1], 1

    QTimer.singleShot(200, look_and_close)
    try:
        demo.create_demo_record = spy
        assert ui_app.run_app(args(demo=True)) == 0
    finally:
        demo.create_demo_record = real
    assert any(
        t.startswith("DEMONSTRATION (nothing kept) — Upper Valleys Cluster Meeting — 14 May 2026")
        for t in seen
    ), seen
    # Nothing of the demo is left in the temporary folder: record, log, backups.
    assert not made[0].path.parent.exists()


def test_welsh_hook_sets_the_engine_language(qapp):
    try:
        installed = ui_app.install_translators(qapp, "cy")
        assert language() == "cy"
        for t in installed:
            qapp.removeTranslator(t)
        assert ui_app.install_translators(qapp, "en") == []
        assert language() == "en"
    finally:
        set_language("en")


def test_a_remembered_record_that_is_gone_is_not_silently_recreated(tmp_path, monkeypatch, qapp):
    """Moved, renamed or deleted since last time: said, and nothing is created."""
    monkeypatch.delenv("SECRETARY_NO_SETTINGS", raising=False)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    try:
        gone = tmp_path / "moved-away.sqlite"
        ui_app.remember_record(str(gone))
        monkeypatch.setattr(ui_app, "welcome_if_first_run", lambda _args: True)
        shown = []
        monkeypatch.setattr(ui_app, "show_error", lambda title, text: shown.append((title, text)))
        assert ui_app.run_app(args()) == 1
        ((title, text),) = shown
        assert str(gone) in text and "Nothing was created" in text
        assert not gone.exists()
    finally:
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
