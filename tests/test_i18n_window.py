"""The window in Welsh: menus, banner, panels and dialogs, switching language while
a meeting is open, and dates in the Welsh form."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from test_i18n_catalogue import pipeline

from secretary import i18n
from secretary.demo import create_demo_record
from secretary.ui import app as ui_app
from secretary.ui import language
from secretary.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def welsh(qapp):
    language.install(qapp, "cy")
    yield qapp
    language.install(qapp, "en")


@pytest.fixture
def demo(tmp_path: Path):
    record, meeting_id = create_demo_record(tmp_path / "demo.sqlite")
    yield record, meeting_id
    record.close()


def open_window(qtbot, demo) -> MainWindow:
    record, meeting_id = demo
    w = MainWindow(record, meeting_id, clock=lambda: "13:40")
    qtbot.addWidget(w)
    w.show()
    return w


def english_fallbacks(widget: QWidget) -> list[str]:
    """Texts shown in English although the catalogue has Welsh for them: a string
    looked up under the wrong context, or not looked up at all."""
    welsh = {m.source: m.translation for m in pipeline.read_ts() if m.finished}
    welsh = {k: v for k, v in welsh.items() if k != v and len(k) > 2}
    # A language's own name ("English" in View > Language) is shown in that language.
    from secretary.ui.language import LANGUAGES

    welsh = {k: v for k, v in welsh.items() if k not in LANGUAGES.values()}
    texts: list[str] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisibleTo(widget) and w is not widget:
            continue
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, (QAbstractButton, QGroupBox)):
            texts.append(w.text() if isinstance(w, QAbstractButton) else w.title())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            texts += [
                str(m.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(m.columnCount())
            ]
            for r in range(min(m.rowCount(), 50)):
                for c in range(m.columnCount()):
                    texts.append(str(m.index(r, c).data() or ""))
        texts.append(w.toolTip())
    for action in (
        widget.findChildren(type(widget.menuBar().actions()[0]))
        if hasattr(widget, "menuBar")
        else []
    ):
        if action in getattr(widget, "language_actions", {}).values():
            continue  # each language is named in itself ("English", "Cymraeg")
        texts.append(action.text())
    # A language menu names each language in itself ("English", "Cymraeg"), as
    # language choosers do; the circulate dialog's "English" is another text.
    return sorted({t for t in texts if t in welsh and t not in ("English", "Cymraeg")})


def test_the_window_runs_in_welsh(qtbot, welsh, demo):
    w = open_window(qtbot, demo)
    menus = [a.text() for a in w.menuBar().actions()]
    assert menus == [
        "&Cyfarfod",
        "&Golygu",
        "&Presenoldeb",
        "&Agenda",
        "&Eitem",
        "G&weld",
        "C&ymorth",
    ]
    keys = [t[t.index("&") + 1].lower() for t in menus]
    assert len(set(keys)) == len(keys), "menu accelerators must be unique"
    banner = " ".join(label.text() for label in w.banner.findChildren(QLabel))
    assert "Cworwm" in banner and "Quorate" not in banner
    tabs = [w.item.tabs.tabText(i) for i in range(w.item.tabs.count())]
    assert tabs[0] == "&Nodiadau" and any("Penderfyniad" in t.replace("&", "") for t in tabs)
    assert english_fallbacks(w) == []


def test_every_menu_item_is_welsh(qtbot, welsh, demo):
    w = open_window(qtbot, demo)
    english = {m.source for m in pipeline.read_ts()} - {m.translation for m in pipeline.read_ts()}
    for top in w.menuBar().actions():
        for action in top.menu().actions():
            if action.isSeparator() or action.text() in language.LANGUAGES.values():
                continue
            assert action.text() not in english, action.text()
            assert action.text(), "an empty menu item"


def test_the_help_dialog_is_welsh(qtbot, welsh, demo):
    w = open_window(qtbot, demo)
    dialog = w.show_help()
    qtbot.addWidget(dialog)
    assert english_fallbacks(dialog) == []
    assert "Llwybrau byr" in dialog.windowTitle()


def test_switching_language_rebuilds_the_open_window(qtbot, qapp, demo, tmp_path, monkeypatch):
    monkeypatch.delenv("SECRETARY_NO_SETTINGS", raising=False)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    try:
        language.install(qapp, "en")
        w = open_window(qtbot, demo)
        assert w.menuBar().actions()[0].text() == "&Meeting"
        assert w.language_actions["en"].isChecked()
        w.controller.drafts["item-7"] = {"gp-1": "for"}  # a vote being taken
        from secretary.ui import record_actions

        year = record_actions.attendance_year(w)  # a dialog open in English
        assert year.isVisible()
        w.language_actions["cy"].trigger()
        assert not year.isVisible()
        new = [
            x
            for x in qapp.topLevelWidgets()
            if isinstance(x, MainWindow) and x is not w and shiboken6.isValid(x) and x.isVisible()
        ]
        assert len(new) == 1
        cy = new[0]
        qtbot.addWidget(cy)
        assert not w.isVisible()
        assert cy.menuBar().actions()[0].text() == "&Cyfarfod"
        assert cy.language_actions["cy"].isChecked()
        assert i18n.language() == "cy"
        assert cy.meeting_id == w.meeting_id and cy.record is w.record
        assert cy.controller.drafts == {"item-7": {"gp-1": "for"}}  # carried over
        assert ui_app.choose_language(type("A", (), {"language": None})()) == "cy"  # remembered
        back = cy.switch_language("en")
        assert back is not None and back.menuBar().actions()[0].text() == "&Meeting"
        qtbot.addWidget(back)
        assert cy.switch_language("en") is None  # already English: nothing to do
    finally:
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
        language.install(qapp, "en")


def test_the_first_language_follows_the_system(monkeypatch):
    monkeypatch.setattr(language, "system_language", lambda: "cy")
    assert ui_app.choose_language(type("A", (), {"language": None})()) == "cy"
    monkeypatch.setattr(language, "system_language", lambda: "en")
    assert ui_app.choose_language(type("A", (), {"language": None})()) == "en"
    assert ui_app.choose_language(type("A", (), {"language": "cy"})()) == "cy"


def test_dates_in_the_window_are_welsh(welsh):
    assert language.date_text("2026-05-14") == "14 Mai 2026"
    assert language.date_text("2026-05-14", "dddd d MMMM yyyy") == "Dydd Iau 14 Mai 2026"
    assert language.date_text("not a date") == "not a date"


def test_english_is_english_again(qapp):
    language.install(qapp, "cy")
    language.install(qapp, "en")
    assert i18n.language() == "en"
    assert language.date_text("2026-05-14") == "14 May 2026"


def test_the_other_windows_are_welsh(qtbot, welsh, demo):
    """About, approving minutes, decisions outside meetings, the year's attendance
    and the chair's screen: no English where the catalogue has Welsh."""
    from PySide6.QtWidgets import QApplication

    from secretary.ui import record_actions

    w = open_window(qtbot, demo)
    opened = []
    for show in (
        record_actions.show_about,
        record_actions.approve_minutes,
        record_actions.outside_decisions,
        record_actions.attendance_year,
        lambda win: win.toggle_chair_screen(),
    ):
        show(w)
        QApplication.processEvents()
        for top in QApplication.topLevelWidgets():
            if top is not w and top.isVisible() and top not in opened:
                opened.append(top)
                assert english_fallbacks(top) == [], top.windowTitle()
    titles = [t.windowTitle() for t in opened]
    assert "Presenoldeb am y flwyddyn" in titles  # a QDialog's own tr(), context QDialog
    assert any(t.startswith("Sgrin y Cadeirydd") for t in titles)
    for top in opened:
        top.close()


def test_the_windows_export_asks_the_language(qtbot, welsh, demo, tmp_path, monkeypatch):
    """Export from a Welsh window offers bilingual first; the documents follow."""
    from export_helpers import docx_text
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from secretary.ui import record_actions

    w = open_window(qtbot, demo)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    asked: dict[str, list[str]] = {}

    def get_item(parent, title, label, items, current=0, editable=True):
        asked["items"] = list(items)
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    written = record_actions.export_meeting(w)
    assert asked["items"] == ["Dwyieithog: Cymraeg / English", "Cymraeg", "English"]
    minutes = next(p for p in written if "cofnodion - minutes" in p.name)
    assert "Ymddiheuriadau / Apologies" in docx_text(minutes.read_bytes()).splitlines()
    # cancelling the question exports nothing
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("", False))
    assert record_actions.export_meeting(w) == []
    # without asking (a folder given): the window's language
    out = tmp_path / "cy"
    out.mkdir()
    written = record_actions.export_meeting(w, folder=str(out))
    minutes = next(p for p in written if "cofnodion" in p.name)
    assert "Ymddiheuriadau" in docx_text(minutes.read_bytes()).splitlines()


def test_qts_own_buttons_and_menus_are_welsh(welsh):
    """Qt ships no Welsh: its standard buttons and the text boxes' menu are ours."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Question,
        "",
        "",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    assert sorted(b.text() for b in box.buttons()) == ["&Ie", "&Na"]
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Close
    )
    assert sorted(b.text() for b in buttons.buttons()) == ["Canslo", "Cau", "Iawn"]
    edit = QLineEdit()
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert texts[:2] == ["&Dadwneud", "&Ailwneud"] and "Dewis y Cyfan" in texts
    keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
    assert len(keys) == len(set(keys))


def test_the_window_title_gives_the_date_in_the_windows_language(qtbot, qapp, demo):
    record, mid = demo
    try:
        for lang, when in (("cy", "14 Mai 2026 13:00"), ("en", "14 May 2026 13:00")):
            language.install(qapp, lang)
            window = MainWindow(record, mid)
            qtbot.addWidget(window)
            assert f"— {when} —" in window.windowTitle(), window.windowTitle()
            window.close()
    finally:
        language.install(qapp, "en")
