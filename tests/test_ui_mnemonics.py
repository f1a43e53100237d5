"""Alt+letter, in English and in Welsh: no two things one window shows at once share
a mnemonic letter. Two that did would make Qt move focus between them on Alt+letter
instead of pressing either (and two items of one menu would only be highlighted in
turn). Every window and dialog the app can show is walked: the meeting window with
each agenda item in focus and each tab of the item shown, the dialogs it opens, the
agenda and papers with its forms, the start dialog, the between-meetings views, new
meeting, the roster editor, the Teams import, circulating the minutes, the chair's
screen, help and about. A dialog class added to secretary/ui without being listed
here fails ``test_every_dialog_of_the_app_is_walked``; docs/window.md's table of Alt
letters is checked against the meeting window in both languages."""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import teams_files as tf
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

import secretary.ui
from secretary.demo import create_demo_record
from secretary.domain.teams import read_report
from secretary.domain.terms import read_terms_source
from secretary.resources import resource
from secretary.store import clusters as cl
from secretary.ui import language, record_actions
from secretary.ui.about import AboutDialog
from secretary.ui.agenda_builder import AgendaBuilder
from secretary.ui.chair_screen import ChairScreen
from secretary.ui.circulate import CirculateDialog, SentDialog
from secretary.ui.help import HelpDialog
from secretary.ui.live.attendance_dialogs import AddPersonDialog, CorrectTimeDialog
from secretary.ui.live.forms import RecordingForm
from secretary.ui.live.item_dialogs import (
    ActionDialog,
    ActionUpdateDialog,
    DeclareDialog,
    FinancialDialog,
    ProxyDialog,
)
from secretary.ui.main_window import MainWindow
from secretary.ui.new_meeting import NewMeetingDialog
from secretary.ui.roster_editor import ImportPreview, PersonDialog, RosterEditor
from secretary.ui.start import StartDialog
from secretary.ui.teams_import import TeamsImportDialog
from secretary.ui.welcome import WelcomeDialog

pytestmark = pytest.mark.gui

LANGUAGES = ["en", "cy"]
ROOT = Path(__file__).resolve().parent.parent
UV = "sbuhb-upper-valleys-2021"
ROSTER_CSV = resource("demo", "upper-valleys-roster.csv")


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), as Qt reads it."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].casefold()
            i += 1
        i += 1
    return None


def mnemonics_shown(window: QWidget) -> dict[str, list[str]]:
    """Letter -> the texts that carry it, among what is visible in ``window``: menu
    titles, buttons (check boxes and radio buttons too), group boxes, tab texts and
    labels with a buddy. Disabled buttons count: they are enabled as the user works."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found[letter].append(text)

    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible():
                add(action.text())
    for w in window.findChildren(QWidget):
        if w.window() is not window or not w.isVisibleTo(window):
            continue
        if isinstance(w, QAbstractButton):
            add(w.text())
        elif isinstance(w, QGroupBox):
            add(w.title())
        elif isinstance(w, QLabel) and w.buddy() is not None:
            add(w.text())
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                if w.isTabVisible(i):
                    add(w.tabText(i))
    return found


def menu_clashes(window: QWidget) -> dict[str, list[str]]:
    """Clashes among the items of each menu of the window's menu bar (and submenus)."""
    bad: dict[str, list[str]] = {}

    def walk(menu: QMenu) -> None:
        letters: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            letter = mnemonic(action.text())
            if letter is not None and action.isVisible():
                letters[letter].append(action.text())
            if action.menu() is not None:
                walk(action.menu())
        for letter, texts in letters.items():
            if len(texts) > 1:
                bad[f"{menu.title()}: {letter}"] = texts

    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.menu() is not None:
                walk(action.menu())
    return bad


def clashes(window: QWidget) -> dict[str, list[str]]:
    """Clashing letters with every tab of every tab widget shown in turn, so that
    buttons inside each tab page are checked against the rest of the window."""
    bad: dict[str, list[str]] = dict(menu_clashes(window))
    tab_widgets = [t for t in window.findChildren(QTabWidget) if t.isVisibleTo(window)]
    views = [(None, 0)] + [(t, i) for t in tab_widgets for i in range(t.count())]
    for tabs, index in views:
        if tabs is not None:
            tabs.setCurrentIndex(index)
        for letter, texts in mnemonics_shown(window).items():
            if len(texts) > 1:
                bad[letter] = texts
    return bad


# --------------------------------------------------------------------------- the app's screens


@pytest.fixture
def demo(tmp_path: Path):
    record, meeting_id = create_demo_record(tmp_path / "demo.sqlite")
    yield record, meeting_id
    record.close()


@pytest.fixture(params=LANGUAGES)
def lang(request, qapp):
    language.install(qapp, request.param)
    yield request.param
    language.install(qapp, "en")


@pytest.fixture
def window(qtbot, demo, lang):
    record, meeting_id = demo
    w = MainWindow(record, meeting_id, clock=lambda: "13:40")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def _cluster_with_roster(record) -> int:
    """The demo's cluster as the roster editor knows it: terms and the demo roster."""
    clusters = cl.list_clusters(record)
    if clusters:
        return clusters[0].id
    cid = cl.create_cluster(record, "Upper Valleys Primary Care Cluster", "Swansea Bay UHB")
    cl.set_terms(record, cid, UV, read_terms_source(UV)[0], "2021-03-03")
    editor = RosterEditor(record, cid, "2025-01-01")
    preview = editor.preview_import(ROSTER_CSV.read_bytes(), str(ROSTER_CSV))
    assert preview is not None and editor.import_entries(preview.entries, end_missing=False)
    editor.close()
    return cid


def screens(w: MainWindow, tmp_path: Path) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """Each window or dialog the app can show, by a name, made as the app makes it."""
    c, record = w.controller, w.record
    cluster = _cluster_with_roster(record)
    start = StartDialog(record)
    yield "start", lambda: start
    yield "welcome", lambda: WelcomeDialog(tmp_path / "new.sqlite")
    yield "new meeting", lambda: NewMeetingDialog(record, cluster_id=cluster)
    editor = start.roster_editor()
    assert editor is not None
    yield "roster editor", lambda: editor
    yield "roster: a person", lambda: PersonDialog(editor.terms, parent=editor)
    yield "roster: import preview", lambda: ImportPreview("roster.csv", [], [], [], parent=editor)
    # the meeting window's own dialogs
    yield "add item", w.agenda.add_item  # the builder's item form, from the meeting window
    yield "add person", lambda: AddPersonDialog(c, w)
    yield "correct time", lambda: CorrectTimeDialog("Dr Rhian Evans", "arrived", "12:55", w)
    yield "declare", lambda: DeclareDialog(c, w)
    yield "proxy", lambda: ProxyDialog(c, w)
    yield "action", lambda: ActionDialog(c, w)
    yield "update an action", lambda: ActionUpdateDialog(c, next(iter(c.meeting.actions)), w)
    yield "financial log entry", lambda: FinancialDialog(c, w)

    def take_chair() -> QWidget:
        assert w.attendance.select_person("lead")
        box = w.attendance.take_chair_selected()
        assert box is not None
        return box

    yield "takes the chair", take_chair

    def already_decided() -> QWidget:
        decided = next(i for i in c.meeting.agenda if c.meeting.decided(i) is not None)
        return w.item.decision.already_decided_box(decided)

    yield "a second decision on a decided item", already_decided
    yield "close the meeting", w.close_meeting
    report = read_report(tf.current_report(), "teams.csv")
    yield "teams import", lambda: TeamsImportDialog(w, report, "teams.csv")
    yield "circulate", lambda: CirculateDialog(w)
    yield "circulate: sent", lambda: SentDialog(w)
    yield "approve minutes", lambda: record_actions.approve_minutes(w)
    yield "outside decisions", lambda: record_actions.outside_decisions(w)
    yield "attendance year", lambda: record_actions.attendance_year(w)
    # before the meeting: the agenda and papers, and its forms
    yield "agenda and papers", w.open_agenda_builder

    def agenda_form(open_form: Callable[[AgendaBuilder], QWidget | None]) -> QWidget | None:
        builder = w.open_agenda_builder()
        builder.select_item(w.controller.meeting.agenda[0])
        return open_form(builder)

    yield "agenda: an item", lambda: agenda_form(AgendaBuilder.add_item)
    yield "agenda: a proposal", lambda: agenda_form(AgendaBuilder.edit_proposal)
    yield "agenda: issue the pack", lambda: agenda_form(AgendaBuilder.issue)
    yield "chair's screen", lambda: ChairScreen(c)
    yield "help", lambda: HelpDialog(w)
    yield "about", lambda: AboutDialog(str(record.target), w)
    # Qt's own file dialog, with our Welsh, where the desktop offers none
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        yield f"file dialog ({mode.name})", functools.partial(_file_dialog, w, mode, tmp_path)


def _file_dialog(parent: QWidget, mode: QFileDialog.AcceptMode, folder: Path) -> QFileDialog:
    dialog = QFileDialog(parent, "", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(mode)
    return dialog


def test_no_two_mnemonics_share_a_letter_in_the_meeting_window(qtbot, window, lang):
    """With each agenda item in focus in turn (tab texts and buttons follow the item)."""
    shown = mnemonics_shown(window)
    assert sum(len(t) for t in shown.values()) >= 15  # the walk found the window
    bad: dict[str, list[str]] = {}
    for item in window.controller.meeting.agenda:
        window.controller.set_focus(item)
        QCoreApplication.processEvents()
        bad |= clashes(window)
    assert bad == {}, lang


def test_no_two_mnemonics_share_a_letter_in_any_dialog(qtbot, window, lang, tmp_path):
    bad: dict[str, dict[str, list[str]]] = {}
    walked = 0
    for name, make in screens(window, tmp_path):
        shown = make()
        assert shown is not None, name
        shown.show()
        QCoreApplication.processEvents()
        walked += sum(len(t) for t in mnemonics_shown(shown).values())
        found = clashes(shown)
        if found:
            bad[name] = found
        shown.close()
    assert walked >= 50  # the walk found the dialogs' mnemonics
    assert bad == {}, f"{lang}: {bad}"


def _plain(text: str) -> str:
    """A control's words as docs/window.md names them: no '&', no count."""
    return re.sub(r" \(\d+\)$", "", text.replace("&&", "\0").replace("&", "").replace("\0", "&"))


def test_docs_window_md_lists_the_alt_letters_the_window_has(window, lang):
    """The table of docs/window.md's "Alt letters" is what the window shows."""
    text = (ROOT / "docs" / "window.md").read_text(encoding="utf-8")
    table = text.split("\n## Alt letters", 1)[1].split("\n## ", 1)[0]
    column = 1 if lang == "en" else 3
    documented = set()
    for row in re.findall(r"^\|(.+)\|$", table, flags=re.M):
        cells = [c.strip() for c in row.split("|")]
        if cells[column + 1].startswith("Alt+"):
            documented.add((cells[column], cells[column + 1].removeprefix("Alt+").lower()))
    shown = set()
    tabs = window.item.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        for letter, texts in mnemonics_shown(window).items():
            shown |= {(_plain(t), letter) for t in texts}
    assert len(documented) >= 20
    assert shown == documented


def _dialog_classes() -> set[type]:
    """Every dialog and top-level window class defined in secretary.ui."""
    found = set()
    for info in pkgutil.walk_packages(secretary.ui.__path__, "secretary.ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, (QDialog, QMainWindow)):
                found.add(cls)
    return found - {RecordingForm}  # the forms' base, never shown itself


def test_every_dialog_of_the_app_is_walked(qtbot, window, tmp_path):
    walked = {type(window)}
    for _name, make in screens(window, tmp_path):
        shown = make()
        walked.add(type(shown))
        shown.close()
    missing = {c.__qualname__ for c in _dialog_classes() - walked}
    assert missing == set(), "add these to screens() in tests/test_ui_mnemonics.py"
    assert ChairScreen in walked and QMessageBox in walked


def test_the_walk_finds_a_clash(qtbot, window):
    """The guard can fail: a second '&Notes' on a button in the window is a clash."""
    from PySide6.QtWidgets import QPushButton

    extra = QPushButton(window.tr("&Notes again"), window.attendance)
    extra.show()
    assert "n" in clashes(window)
    extra.deleteLater()


def test_the_walk_finds_a_clash_in_a_menu(qtbot, window):
    window.menuBar().actions()[0].menu().addAction("&Mine")
    window.menuBar().actions()[0].menu().addAction("&Mine too")
    assert any(key.endswith(": m") for key in menu_clashes(window))


def test_mnemonic_reads_as_qt_does():
    assert mnemonic("&Interests && proxies") == "i"
    assert mnemonic("Ac&tions") == "t"
    assert mnemonic("Tom && Jerry") is None
    assert mnemonic("Takes the c&hair…") == "h"
    assert mnemonic("Ychwanegu &eitem…") == "e"


WELSH_DIGRAPHS = ("ch", "dd", "ff", "ng", "ll", "ph", "rh", "th")


def _awkward_accelerator(text: str) -> bool:
    """An '&' before a letter Alt cannot type alone (ï, ŵ, a digit) or before the
    second letter of a Welsh digraph (the 'h' of 'ch')."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            letter = text[i + 1]
            pair = (text[i - 1] + letter).lower() if i > 0 else ""
            return not (letter.isascii() and letter.isalpha()) or pair in WELSH_DIGRAPHS
        i += 1
    return False


def test_welsh_accelerators_are_on_a_letter_typed_alone():
    """docs/welsh.md: a letter of the word a keyboard types with Alt, never the
    second letter of a digraph."""
    from test_i18n_catalogue import pipeline

    awkward = [
        (m.context, m.source, m.translation)
        for m in pipeline.read_ts()
        if not m.obsolete and m.translation and _awkward_accelerator(m.translation)
    ]
    assert awkward == []
    assert _awkward_accelerator("Dec&hrau") and _awkward_accelerator("Proc&ïau")
    assert not _awkward_accelerator("Dech&rau") and not _awkward_accelerator("Tom && Jerry")
