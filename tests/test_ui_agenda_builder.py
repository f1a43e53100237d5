"""Meeting ▸ Agenda and papers… driven as a secretary would, a week before the meeting:
items added and reordered from the keyboard and by drag and drop, a paper attached (and
one too big refused, said in a message), a proposal with its cost lines, the pack issued
with the terms' warning shown before it is recorded, the agenda and the pack written off
the window's thread. The models pass qtmodeltester; no key is bound twice."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import test_ui_window as base
from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from test_ui_keyboard import _bound
from test_ui_mnemonics import mnemonic

from secretary.ui import language
from secretary.ui.agenda_builder import AgendaBuilder
from secretary.ui.agenda_forms import CostLinesModel, IssueForm, ItemForm, ProposalForm
from secretary.ui.agenda_model import MIME, AgendaPlanModel, PapersModel

pytestmark = pytest.mark.gui
meeting_record, clock, window = base.meeting_record, base.clock, base.window
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def keep():
    """Models checked by qtmodeltester outlive its clean-up (see test_ui_start.keep)."""
    held: list[object] = []
    yield held
    held.clear()


@pytest.fixture
def shown(monkeypatch):
    """Message boxes would block a test: what they would say, kept instead."""
    said: list[str] = []

    def box(_parent, _title, text, *args, **kwargs):
        said.append(text)
        return QMessageBox.StandardButton.Yes

    for name in ("warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, box)
    return said


@pytest.fixture
def builder(qtbot, window) -> AgendaBuilder:
    qtbot.keyClick(window.attendance.finder, Qt.Key.Key_G, CTRL | SHIFT)
    dialog = window.agenda_builder
    assert dialog.isVisible()
    active(qtbot, dialog)
    return dialog


def active(qtbot, widget) -> None:
    """Mnemonics and shortcuts go to the active window."""
    widget.raise_()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def titles(builder: AgendaBuilder) -> list[str]:
    m = builder.model
    return [m.index(r, AgendaPlanModel.TITLE).data().strip() for r in range(m.rowCount())]


def type_item(qtbot, builder: AgendaBuilder, title: str, presenter: str = "") -> None:
    """Alt+A, the title, Tab, Tab to the presenter, Enter: as a secretary types it."""
    builder.form = None
    qtbot.keyClick(builder.table, Qt.Key.Key_A, ALT)  # a button's mnemonic clicks it 100 ms on
    qtbot.waitUntil(lambda: builder.form is not None and builder.form.isVisible(), timeout=2000)
    form = builder.form
    assert isinstance(form, ItemForm)
    active(qtbot, form)
    assert form.title.hasFocus()  # the form opens on the title
    qtbot.keyClicks(form.title, title)
    if presenter:
        qtbot.keyClick(form, Qt.Key.Key_P, ALT)  # the buddy label "&Presenter"
        qtbot.keyClicks(QApplication.focusWidget(), presenter)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not form.isVisible()
    active(qtbot, builder)


def a_paper(tmp_path: Path, name: str = "social-prescriber.pdf", size: int = 2048) -> Path:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * (size // 256))
    return path


# --------------------------------------------------------------------------- models


def test_the_models_pass_qtmodeltester(qtbot, keep, qtmodeltester, builder):
    plan = AgendaPlanModel(builder.controller)
    papers = PapersModel(plan)
    papers.show_item(plan.row_key(0))
    costs = CostLinesModel(
        [{"line": "Band 5", "kind": "recurrent", "year": "2026/27", "amount": "1"}]
    )
    keep.extend([plan, papers, costs])
    assert plan.rowCount() == 2  # the worked example's two items
    qtmodeltester.check(plan, force_py=True)
    qtmodeltester.check(papers, force_py=True)
    qtmodeltester.check(costs, force_py=True)


def test_the_table_shows_every_column_of_the_plan(builder):
    m = builder.model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers == [
        "No.", "Ref", "Item", "Presenter", "Purpose", "Time", "Length", "Amount", "Papers"
    ]  # fmt: skip
    row = m.row_of("4")
    assert m.index(row, AgendaPlanModel.NUMBER).data() == "4"
    assert m.index(row, AgendaPlanModel.TITLE).data() == "Social prescriber extension"
    assert m.index(row, AgendaPlanModel.AMOUNT).data() == "£18,500"


# --------------------------------------------------------------------------- keyboard


def test_keyboard_add_two_items_reorder_attach_and_issue(
    qtbot, builder, window, tmp_path, monkeypatch, shown
):
    c = builder.controller
    builder.table.setFocus()
    builder.select_item("5")
    type_item(qtbot, builder, "Winter pressures plan", presenter="Carys Miles")
    type_item(qtbot, builder, "Cluster IMTP refresh")
    assert titles(builder) == [
        "Social prescriber extension",
        "Flu campaign communications",
        "Winter pressures plan",
        "Cluster IMTP refresh",
    ]
    winter = next(i for i in c.meeting.items.values() if i.title == "Winter pressures plan")
    assert winter.presenter == "Carys Miles"
    assert builder.message.text() == "✓ Item added: Cluster IMTP refresh"
    # The new item is selected: Ctrl+Up twice takes it above the flu campaign.
    assert builder.selected_item() == next(
        i for i in c.meeting.agenda if c.meeting.items[i].title == "Cluster IMTP refresh"
    )
    builder.table.setFocus()
    qtbot.keyClick(builder.table, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(builder.table, Qt.Key.Key_Up, CTRL)
    assert titles(builder)[1] == "Cluster IMTP refresh"
    moved = [e.get("item") for e in c.meeting.events if e.type == "item_moved"]
    imtp = next(i for i in c.meeting.agenda if c.meeting.items[i].title == "Cluster IMTP refresh")
    assert moved == [imtp, imtp]  # the record names the item moved, not its neighbours
    # Attach a paper to the social prescriber item (the file dialog answers for us).
    paper = a_paper(tmp_path)
    monkeypatch.setattr(
        "secretary.ui.agenda_builder.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(paper), ""),
    )
    asked: list[str] = []

    def title(_parent, _caption, _label, text="", **_):
        asked.append(text)  # offered from the file's name
        return "Social prescriber proposal", True

    monkeypatch.setattr("secretary.ui.agenda_builder.QInputDialog.getText", title)
    builder.select_item("4")
    qtbot.keyClick(builder.table, Qt.Key.Key_T, ALT)  # A&ttach a paper…
    qtbot.waitUntil(lambda: builder.papers_model.rowCount() == 1, timeout=2000)
    row = builder.model.row_of("4")
    number = builder.model.planned("4").number  # the item's number as printed now
    assert builder.model.index(row, AgendaPlanModel.PAPERS).data() == f"Paper {number}a"
    assert builder.papers_model.rowCount() == 1
    assert builder.papers_model.index(0, PapersModel.FILE).data() == "social-prescriber.pdf"
    assert asked == ["Social prescriber"]
    assert builder.papers_model.index(0, PapersModel.TITLE).data() == "Social prescriber proposal"
    attached = [e for e in c.meeting.events if e.type == "paper_attached"]
    assert attached[0].get("sha256") == hashlib.sha256(paper.read_bytes()).hexdigest()
    # Issue the pack: Alt+I, the date, Enter.
    builder.form = None
    qtbot.keyClick(builder.table, Qt.Key.Key_I, ALT)
    qtbot.waitUntil(lambda: isinstance(builder.form, IssueForm), timeout=2000)
    form = builder.form
    active(qtbot, form)
    form.on.setDate(form.on.date().fromString(window.live.info.date, "yyyy-MM-dd").addDays(-7))
    assert "terms" in form.warnings.text() or "In time" in form.warnings.text()
    qtbot.keyClick(form.on, Qt.Key.Key_Return)
    active(qtbot, builder)
    sent = [e for e in c.meeting.events if e.type == "papers_sent"]
    assert len(sent) == 1
    assert builder.model.plan.issued_on == sent[0].get("on")
    assert builder.issued.text().startswith("<b>Issued on")
    # After issue, a change is listed as a change since issue.
    type_item(qtbot, builder, "Late item")
    assert "added after the agenda was issued" in builder.changes.text()


def test_drag_and_drop_moves_the_item_in_the_record(qtbot, builder):
    c = builder.controller
    m = builder.model
    data = QMimeData()
    data.setData(MIME, QByteArray(b"5"))
    assert m.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    # The view never removes a row itself: the drop asks, the record moves it.
    assert m.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex()) is False
    qtbot.waitUntil(lambda: c.meeting.agenda[0] == "5", timeout=1000)
    assert titles(builder)[0] == "Flu campaign communications"
    # Dropped at the end (row == row count), it goes last.
    assert m.mimeData([m.index(0, 0)]).data(MIME) == QByteArray(b"5")
    m.dropMimeData(m.mimeData([m.index(0, 0)]), Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    qtbot.waitUntil(lambda: c.meeting.agenda[-1] == "5", timeout=1000)


def test_a_paper_too_big_is_refused_in_a_message(builder, tmp_path, shown):
    from secretary.domain.events import MAX_PAPER_BYTES

    big = tmp_path / "scanned-minutes.pdf"
    with big.open("wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(MAX_PAPER_BYTES + 1)
    builder.select_item("4")
    assert builder.attach_paper(str(big), "Scanned minutes") is False
    assert len(shown) == 1 and "larger than a paper may be (20 MB)" in shown[0]
    assert "scanned-minutes.pdf" in shown[0]
    assert builder.message.text().startswith("✗ Not recorded")
    assert not [e for e in builder.controller.meeting.events if e.type == "paper_attached"]


def test_save_and_withdraw_a_paper(builder, tmp_path, shown):
    paper = a_paper(tmp_path)
    builder.select_item("4")
    assert builder.attach_paper(str(paper), "A paper")
    builder.papers.selectRow(0)
    out = builder.save_paper(str(tmp_path / "again.pdf"))
    assert out is not None and out.read_bytes() == paper.read_bytes()
    assert builder.withdraw_paper()
    assert builder.papers_model.rowCount() == 0
    row = builder.model.row_of("4")
    assert builder.model.index(row, AgendaPlanModel.PAPERS).data() == ""


def test_edit_changes_only_what_was_changed(qtbot, builder):
    builder.select_item("5")
    form = builder.edit_item()
    assert isinstance(form, ItemForm)
    assert form.title.text() == "Flu campaign communications"
    form.starts.setText("14:10")
    form.duration.setValue(20)
    form.purpose.setCurrentIndex(form.purpose.findData("discussion"))
    assert form.changes() == {"starts": "14:10", "duration": 20, "purpose": "discussion"}
    form.check_and_accept()  # OK
    m = builder.model
    row = m.row_of("5")
    assert m.index(row, AgendaPlanModel.STARTS).data() == "14:10"
    assert m.index(row, AgendaPlanModel.DURATION).data() == "20 min"
    assert m.index(row, AgendaPlanModel.PURPOSE).data() == "for discussion"
    changed = [e for e in builder.controller.meeting.events if e.type == "item_changed"]
    assert set(changed[-1].data) == {"item", "starts", "duration", "purpose"}


def test_withdraw_an_item(builder, monkeypatch):
    monkeypatch.setattr(
        "secretary.ui.agenda_builder.QInputDialog.getText", lambda *a, **k: ("Deferred", True)
    )
    builder.select_item("5")
    assert builder.withdraw_item() == "5"
    assert titles(builder) == ["Social prescriber extension"]
    assert builder.message.text() == "✓ Item 5 withdrawn"


# --------------------------------------------------------------------------- proposal


def test_proposal_form_totals_as_typed_and_records_the_amount(qtbot, builder, shown):
    builder.select_item("4")
    form = builder.edit_proposal()
    assert isinstance(form, ProposalForm)
    form.title.setText("Social prescriber extension")
    form.priority.setCurrentIndex(3)  # Prevention and Reducing Health Inequalities
    form.description.setPlainText("Extend the social prescriber to 1.0 WTE.")
    form.outcomes.setPlainText("Referrals seen within 2 weeks.")
    m = form.costs_model
    assert form.total.text() == "Total: £0.00"
    m.setData(m.index(0, CostLinesModel.LINE), "Social prescriber band 5")
    m.setData(m.index(0, CostLinesModel.KIND), "recurrent")
    m.setData(m.index(0, CostLinesModel.YEAR), "2026/27")
    m.setData(m.index(0, CostLinesModel.AMOUNT), "12,000")
    assert form.total.text() == "Total: £12,000.00"
    m.setData(m.index(1, CostLinesModel.LINE), "Training")
    m.setData(m.index(1, CostLinesModel.YEAR), "2026/27")
    m.setData(m.index(1, CostLinesModel.AMOUNT), "abc")
    assert form.total.text() == "Total: — (an amount is not a number)"
    form.check_and_accept()  # refused by the domain, said in the form
    assert form.isVisible() and form.problem.text()
    m.setData(m.index(1, CostLinesModel.AMOUNT), "500.50")
    assert form.total.text() == "Total: £12,500.50"
    form.check_and_accept()
    assert not form.isVisible()
    item = builder.controller.meeting.items["4"]
    assert item.financial and float(item.amount) == 12500.50
    row = builder.model.row_of("4")
    assert builder.model.index(row, AgendaPlanModel.AMOUNT).data() == "£12,500.50"
    assert builder.model.index(row, AgendaPlanModel.PAPERS).data() == "Paper 4a"


# --------------------------------------------------------------------------- the pack


def test_issue_form_shows_the_terms_warning_before_recording(builder, window):
    import datetime as dt

    day = dt.date.fromisoformat(window.live.info.date)
    form = IssueForm(builder, builder.issue_warnings, today=day - dt.timedelta(days=2))
    text = form.warnings.text()
    assert text.startswith("⚠ ") and "5 days" in text
    assert form.issue_button.text() == "&Issue anyway"
    form.on.setDate(form.on.date().addDays(-10))
    assert form.warnings.text() == "In time: the terms' notice is met."
    assert not [e for e in builder.controller.meeting.events if e.type == "papers_sent"]


def test_export_and_pack_run_off_the_window_thread_and_say_so(builder, tmp_path, monkeypatch):
    import threading

    from secretary.app import agenda as app_agenda

    threads: list[str] = []
    real_export, real_pack = app_agenda.export_agenda, app_agenda.build_pack

    def export(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real_export(*args, **kwargs)

    def pack(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real_pack(*args, **kwargs)

    monkeypatch.setattr(app_agenda, "export_agenda", export)
    monkeypatch.setattr(app_agenda, "build_pack", pack)
    out = builder.export_agenda(str(tmp_path / "agenda.docx"), "bilingual")
    assert out is not None and out.stat().st_size > 0
    assert builder.message.text() == f"✓ The agenda was written: {out}"
    monkeypatch.setattr("shutil.which", lambda name: None)  # no LibreOffice
    result = builder.build_pack(str(tmp_path / "pack.pdf"), "en")
    assert result is not None and result.missing_converter
    assert builder.message.text().startswith(
        "⚠ LibreOffice is not installed: the pack was written as a folder: "
    )
    assert threads == ["secretary-background", "secretary-background"]


# --------------------------------------------------------------------------- keys


def test_no_key_is_bound_twice_with_the_builder_open(builder, window):
    owners = _bound(window)  # the builder is the window's child: its keys are walked too
    assert QKeySequence("Ctrl+Up").toString() in owners
    doubles = {k: v for k, v in owners.items() if len(v) > 1}
    assert not doubles, f"ambiguous shortcuts: {doubles}"
    assert isinstance(builder.move_up_action, QAction)


def mnemonic_clashes(dialog) -> tuple[int, dict[str, list[str]]]:
    """Letters carried by more than one button or buddied label shown in ``dialog``."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    letters: dict[str, list[str]] = {}
    for w in dialog.findChildren(QWidget):
        if w.window() is not dialog or not w.isVisibleTo(dialog):
            continue
        text = ""
        if isinstance(w, QAbstractButton) or isinstance(w, QLabel) and w.buddy() is not None:
            text = w.text()
        letter = mnemonic(text) if text else None
        if letter:
            letters.setdefault(letter, []).append(text)
    found = sum(len(v) for v in letters.values())
    return found, {k: v for k, v in letters.items() if len(v) > 1}


@pytest.mark.parametrize("code", ["en", "cy"])
def test_no_two_mnemonics_share_a_letter_in_the_builder_and_its_forms(
    qtbot, qapp, meeting_record, code
):
    from secretary.store import Record
    from secretary.ui.main_window import MainWindow

    language.install(qapp, code)
    path, mid = meeting_record
    record = Record(path)
    try:
        w = MainWindow(record, mid, clock=lambda: "12:55")
        qtbot.addWidget(w)
        w.show()
        dialog = w.open_agenda_builder()
        dialog.select_item("4")
        found, clashes = mnemonic_clashes(dialog)
        assert found >= 12 and clashes == {}
        for form in (dialog.add_item(), dialog.edit_proposal(), dialog.issue()):
            found, clashes = mnemonic_clashes(form)
            assert found >= 2 and clashes == {}, form.windowTitle()
            form.reject()
        dialog.close()
    finally:
        language.install(qapp, "en")
        record.close()


def test_enter_on_a_row_edits_it_and_an_empty_title_is_refused_in_the_form(qtbot, builder):
    assert builder.selected_item() is None  # nothing chosen yet: the keyboard is on row 1
    builder.form = None
    qtbot.keyClick(builder.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(builder.form, ItemForm), timeout=2000)
    assert builder.form.title.text() == "Social prescriber extension"
    builder.form.reject()
    before = len(builder.controller.meeting.events)
    form = builder.add_item()
    form.check_and_accept()  # no title
    assert form.isVisible() and form.problem.text() == "Give the item a title."
    form.reject()
    assert len(builder.controller.meeting.events) == before


def test_a_sub_item_goes_under_its_item(builder):
    form = builder.add_item()
    form.title.setText("Care navigation")
    form.parent_item.setCurrentIndex(form.parent_item.findData("4"))
    form.check_and_accept()
    m = builder.controller.meeting
    sub = next(i for i in m.items.values() if i.title == "Care navigation")
    assert sub.parent == "4"
    assert m.agenda.index(sub.id) == m.agenda.index("4") + 1  # after its item, before 5
    planned = builder.model.planned(sub.id)
    assert planned.sub and planned.number.endswith("a")
    assert builder.selected_item() == sub.id
    row = builder.model.row_of(sub.id)
    assert builder.model.index(row, AgendaPlanModel.TITLE).data() == "    Care navigation"


def test_withdrawing_an_item_with_notes_is_refused_and_said(builder, monkeypatch, shown):
    """Said at once: the secretary is not asked for a reason first."""
    builder.controller.save_note("5", "Discussed at the last meeting")
    asked: list[object] = []
    monkeypatch.setattr(
        "secretary.ui.agenda_builder.QInputDialog.getText",
        lambda *a, **k: asked.append(a) or ("", True),
    )
    builder.select_item("5")
    assert builder.withdraw_item() is None
    assert not asked
    assert len(shown) == 1 and "cannot be withdrawn" in shown[0]
    assert "5" in builder.controller.meeting.agenda
    assert builder.message.text().startswith("✗ Not recorded: ")


@pytest.mark.skipif(
    __import__("shutil").which("soffice") is None, reason="LibreOffice is not installed"
)
def test_the_pack_as_one_pdf_says_its_pages(builder, tmp_path):
    from pypdf import PdfWriter

    paper = tmp_path / "one-page.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with paper.open("wb") as f:
        writer.write(f)
    builder.select_item("5")
    assert builder.attach_paper(str(paper), "A paper")
    result = builder.build_pack(str(tmp_path / "pack.pdf"), "en")
    assert result is not None and not result.folder
    assert result.order == ("Agenda", "Paper 5a")
    assert result.pages >= 2
    assert builder.message.text() == (
        f"✓ The pack was written: {tmp_path / 'pack.pdf'} ({result.pages} pages)"
    )


def test_an_interim_meeting_called_late_is_warned_of_and_recorded(builder, window, shown):
    import datetime as dt

    day = dt.date.fromisoformat(window.live.info.date)
    form = builder.issue()
    assert isinstance(form, IssueForm) and not form.interim.isChecked()
    form.on.setDate(
        form.on.date().fromString((day - dt.timedelta(days=6)).isoformat(), "yyyy-MM-dd")
    )
    assert form.warnings.text() == "In time: the terms' notice is met."
    form.interim.setChecked(True)
    form.called_on.setDate(form.on.date())  # called six days ahead: the terms ask seven
    assert "interim meeting was called 6 days ahead" in form.warnings.text()
    assert "7 days' notice" in form.warnings.text()
    form.accept()
    events = [
        e for e in builder.controller.meeting.events if e.type in ("meeting_called", "papers_sent")
    ]
    assert [e.type for e in events] == ["meeting_called", "papers_sent"]
    assert events[0].get("interim") is True
    assert builder.model.plan.interim and builder.model.plan.called_on == events[0].get("on")
    again = builder.issue()  # opened again, it shows what was recorded
    assert again.interim.isChecked() and again.called_on.date() == form.called_on.date()
    again.reject()


# --------------------------------------------------------------------------- moving blocks


def test_an_item_moves_with_its_sub_items_and_a_sub_item_stays_under_its_item():
    from secretary.domain.agenda_order import block_of, dropped, moves, stepped

    agenda = ["1", "2", "2a", "2b", "3", "4"]
    parent = {"2a": "2", "2b": "2"}
    assert stepped(agenda, parent, "2", -1) == ["2", "2a", "2b", "1", "3", "4"]
    assert stepped(agenda, parent, "2", 1) == ["1", "3", "2", "2a", "2b", "4"]
    assert stepped(agenda, parent, "3", -1) == ["1", "3", "2", "2a", "2b", "4"]
    assert stepped(agenda, parent, "2b", -1) == ["1", "2", "2b", "2a", "3", "4"]
    assert stepped(agenda, parent, "2a", -1) == agenda  # not above its own item
    assert stepped(agenda, parent, "2b", 1) == agenda  # nor out of it
    assert stepped(agenda, parent, "1", -1) == agenda
    assert dropped(agenda, parent, "2", "4") == ["1", "3", "2", "2a", "2b", "4"]
    assert dropped(agenda, parent, "2", None) == ["1", "3", "4", "2", "2a", "2b"]
    assert dropped(agenda, parent, "4", "2a") == ["1", "4", "2", "2a", "2b", "3"]
    assert dropped(agenda, parent, "2b", "2a") == ["1", "2", "2b", "2a", "3", "4"]
    assert dropped(agenda, parent, "2a", "3") == ["1", "2", "2b", "2a", "3", "4"]
    assert dropped(agenda, parent, "2a", "1") == agenda  # a sub-item stays under its item
    for item, wanted in (
        ("2", stepped(agenda, parent, "2", 1)),
        ("2", stepped(agenda, parent, "2", -1)),
        ("4", dropped(agenda, parent, "4", "2a")),
        ("2", dropped(agenda, parent, "2", None)),
        ("2b", stepped(agenda, parent, "2b", -1)),
    ):
        block = block_of(agenda, parent, item)
        for steps in (moves(agenda, wanted), moves(agenda, wanted, block)):
            order = list(agenda)
            for moved, position in steps:
                order.remove(moved)
                order.insert(position, moved)
            assert order == wanted
        # The record says the items the secretary moved moved, not their neighbours.
        assert {moved for moved, _ in moves(agenda, wanted, block)} == set(block)


def test_ctrl_down_takes_an_item_and_its_sub_item_past_the_next(qtbot, builder):
    form = builder.add_item()
    form.title.setText("Care navigation")
    form.parent_item.setCurrentIndex(form.parent_item.findData("4"))
    form.check_and_accept()
    m = builder.controller.meeting
    sub = next(i for i in m.items.values() if i.title == "Care navigation").id
    assert m.agenda == ["4", sub, "5"]
    builder.select_item("4")
    builder.table.setFocus()
    qtbot.keyClick(builder.table, Qt.Key.Key_Down, CTRL)
    assert m.agenda == ["5", "4", sub]
    assert builder.selected_item() == "4"
    assert builder.message.text() == "✓ Agenda reordered"


def test_edit_takes_the_money_off_and_refuses_to_unset_a_time(builder):
    builder.select_item("4")
    form = builder.edit_item()
    form.amount.setValue(0)
    assert form.changes() == {"amount": 0, "financial": False}
    form.check_and_accept()
    assert not form.isVisible()
    item = builder.controller.meeting.items["4"]
    assert not item.financial
    row = builder.model.row_of("4")
    assert builder.model.index(row, AgendaPlanModel.AMOUNT).data() == ""
    form = builder.edit_item()
    form.starts.setText("13:30")
    form.check_and_accept()
    form = builder.edit_item()
    assert form.starts.text() == "13:30"
    form.starts.setText("")
    events = len(builder.controller.meeting.events)
    form.check_and_accept()
    assert form.isVisible()
    assert form.problem.text() == "A planned start cannot be taken away once given: give a time."
    form.reject()
    assert len(builder.controller.meeting.events) == events


def test_with_nothing_selected_a_new_item_goes_before_any_other_business(qtbot, window):
    c = window.controller
    c.record({"type": "item_added", "item": "9", "standing": "aob"})
    window.open_agenda_builder()
    builder = window.agenda_builder
    assert builder.selected_item() is None
    assert not builder.edit_button.isEnabled()
    form = builder.add_item()
    form.title.setText("Estates bid")
    form.check_and_accept()
    titles_now = [c.meeting.items[i].title or c.meeting.items[i].standing for i in c.meeting.agenda]
    assert titles_now == [
        "Social prescriber extension",
        "Flu campaign communications",
        "Estates bid",
        "aob",
    ]


def test_a_presenter_recorded_by_id_shows_and_edits_as_a_name(builder):
    c = builder.controller
    c.record({"type": "item_changed", "item": "5", "presenter": "lead"})
    row = builder.model.row_of("5")
    assert builder.model.index(row, AgendaPlanModel.PRESENTER).data() == "Dr Rhian Evans"
    builder.select_item("5")
    form = builder.edit_item()
    assert form.presenter.text() == "Dr Rhian Evans"
    assert form.presenter.completer() is not None
    assert form.changes() == {}  # nothing changed: nothing recorded
    form.reject()


@pytest.mark.parametrize("code", ["en", "cy"])
def test_the_builder_and_its_forms_fit_a_1366x768_laptop(qtbot, qapp, meeting_record, code):
    from secretary.store import Record
    from secretary.ui.main_window import MainWindow

    language.install(qapp, code)
    path, mid = meeting_record
    record = Record(path)
    try:
        w = MainWindow(record, mid, clock=lambda: "12:55")
        qtbot.addWidget(w)
        w.show()
        dialog = w.open_agenda_builder()
        dialog.select_item("4")
        for widget in (dialog, dialog.add_item(), dialog.edit_proposal(), dialog.issue()):
            need = widget.minimumSizeHint()
            # The screen less a title bar and a panel (768 - 60).
            assert need.width() <= 1366 and need.height() <= 708, widget.windowTitle()
            if widget is not dialog:
                widget.reject()
        dialog.close()
    finally:
        language.install(qapp, "en")
        record.close()


def test_a_recorded_proposal_opens_again_with_its_priority_in_the_window_language(
    qtbot, qapp, builder
):
    from secretary.domain.proposal import check_proposal

    terms = builder.controller.meeting.terms
    proposal = check_proposal(
        {
            "title": "Social prescriber extension",
            "priority": "Atal a Lleihau Anghydraddoldebau Iechyd",  # named in Welsh
            "description": "Extend the post.",
            "outcomes": "Referrals seen within 2 weeks.",
            "costs": [{"line": "Band 5", "kind": "recurrent", "year": "2026/27", "amount": 9000}],
        },
        terms.imtp_priorities,
    )
    assert proposal.priority == "Prevention and Reducing Health Inequalities"  # kept in English
    language.install(qapp, "cy")
    try:
        form = ProposalForm(builder, priorities=terms.imtp_priorities, proposal=proposal)
        assert form.priority.currentText() == "Atal a Lleihau Anghydraddoldebau Iechyd"
        assert form.total.text() == "Cyfanswm: £9,000.00"
        form.reject()
    finally:
        language.install(qapp, "en")


def test_the_meeting_window_shows_an_item_added_here_by_its_number(builder, window):
    form = builder.add_item()
    form.title.setText("Care navigation")
    form.parent_item.setCurrentIndex(form.parent_item.findData("4"))
    form.check_and_accept()
    m = builder.controller.meeting
    sub = next(i for i in m.items.values() if i.title == "Care navigation").id
    live = window.agenda.model  # the meeting window's agenda, refreshed by the same signal
    row = live.row_of(sub)
    number = builder.model.planned(sub).number
    assert live.index(row, 0).data() == number  # "1a", not the item's id
    assert sub not in number


def test_a_refused_item_stays_in_its_form_with_the_reason(qtbot, builder, shown):
    """A duplicate reference is refused by the record: the form stays open, says why,
    and keeps everything typed; corrected, OK records it and closes the form."""
    c = builder.controller
    builder.select_item("4")
    form = builder.edit_item()
    form.reference.setText("UVC/26/04")
    form.check_and_accept()
    assert not form.isVisible()
    events = len(c.meeting.events)
    form = builder.add_item()
    form.title.setText("Estates bid")
    form.reference.setText("uvc/26/04")
    form.presenter.setText("Dr Rhian Evans")
    form.check_and_accept()
    assert form.isVisible(), "the form closed on a refusal, losing what was typed"
    assert "UVC/26/04 is already the reference of item 4" in form.problem.text()
    assert (form.title.text(), form.presenter.text()) == ("Estates bid", "Dr Rhian Evans")
    assert len(c.meeting.events) == events and shown == []
    form.reference.setText("UVC/26/07")
    form.check_and_accept()
    assert not form.isVisible()
    assert "Estates bid" in titles(builder)


def test_a_refused_change_of_a_decided_item_stays_in_its_form(qtbot, builder, shown):
    c = builder.controller
    builder.select_item("4")
    form = builder.edit_item()
    form.amount.setValue(2500)
    form.check_and_accept()
    c.record({"type": "consensus", "item": "4", "at": "13:10"})
    builder.select_item("4")
    form = builder.edit_item()
    form.amount.setValue(2750)
    form.check_and_accept()
    assert form.isVisible() and "undo the decision first" in form.problem.text()
    assert c.meeting.items["4"].amount == 2500
    form.reject()


def test_a_refused_proposal_stays_in_its_form(qtbot, builder, shown):
    """The item was decided meanwhile: the record refuses the proposal, the form says
    why and keeps the proposal typed."""
    c = builder.controller
    c.record({"type": "consensus", "item": "4", "at": "13:10"})
    builder.select_item("4")
    form = builder.edit_proposal()
    form.title.setText("Social prescriber extension")
    form.priority.setCurrentIndex(3)
    form.description.setPlainText("Extend the social prescriber to 1.0 WTE.")
    form.outcomes.setPlainText("Referrals seen within 2 weeks.")
    m = form.costs_model
    m.setData(m.index(0, CostLinesModel.LINE), "Social prescriber band 5")
    m.setData(m.index(0, CostLinesModel.KIND), "recurrent")
    m.setData(m.index(0, CostLinesModel.YEAR), "2026/27")
    m.setData(m.index(0, CostLinesModel.AMOUNT), "12,000")
    events = len(c.meeting.events)
    form.check_and_accept()
    assert form.isVisible() and "is decided" in form.problem.text()
    assert form.title.text() == "Social prescriber extension"
    assert len(c.meeting.events) == events and shown == []
    form.reject()


def test_amount_ref_and_papers_columns_fit_their_contents(qtbot, builder, tmp_path):
    """The amount "£66,750.50" was cut to "£66,750....": the short columns are as wide as their
    widest cell; the papers may elide, but their tooltip lists them all."""
    c = builder.controller
    builder.select_item("4")
    form = builder.edit_item()
    form.reference.setText("CTMUHB/NC/2026-27/104")
    form.amount.setValue(66750.50)
    form.check_and_accept()
    assert not form.isVisible()
    for n in range(4):
        paper = tmp_path / f"paper{n}.pdf"
        paper.write_bytes(b"%PDF-1.4 paper " + bytes([65 + n]) * 40)
        builder.attach_paper(str(paper), title=f"Paper {n}")
    t, m = builder.table, builder.model
    row = m.row_of("4")
    fm = t.fontMetrics()
    for col in (AgendaPlanModel.AMOUNT, AgendaPlanModel.REF):
        text = m.index(row, col).data()
        assert text in ("£66,750.50", "CTMUHB/NC/2026-27/104")
        assert t.columnWidth(col) > fm.horizontalAdvance(text), (text, t.columnWidth(col))
    papers = m.index(row, AgendaPlanModel.PAPERS)
    if t.columnWidth(AgendaPlanModel.PAPERS) <= fm.horizontalAdvance(papers.data()):
        tip = papers.data(Qt.ItemDataRole.ToolTipRole)
        assert all(label.strip() in tip for label in papers.data().split(","))
    assert len(c.meeting.papers_of("4")) == 4


def test_the_reference_placeholder_follows_the_meetings_own_references(qtbot, builder):
    from secretary.domain.agenda_order import next_in_pattern

    form = builder.add_item()
    assert form.reference.placeholderText() == ""  # no reference yet: no made-up example
    form.reject()
    builder.select_item("4")
    form = builder.edit_item()
    form.reference.setText("CTM/NC/26-27/104")
    form.check_and_accept()
    form = builder.add_item()
    assert form.reference.placeholderText() == "CTM/NC/26-27/105"
    # Left as offered (greyed), the item takes that reference: it looked filled in
    # and was stored with none.
    form.title.setText("Winter plan")
    assert form.values()["reference"] == "CTM/NC/26-27/105"
    form.reject()
    assert next_in_pattern(["UVC/26/08", "UVC/26/09", ""]) == "UVC/26/10"
    assert next_in_pattern(["A/007", "B/2", "A/009"]) == "A/010"
    assert next_in_pattern(["Minutes", ""]) == ""


def test_move_down_in_the_meeting_window_takes_the_sub_items_along(qtbot, window):
    """The meeting window's Move up/down moves as the builder does: an item with its
    sub-items past the next item and its sub-items; a sub-item among its siblings."""
    from secretary.app import agenda as app_agenda

    live = window.controller.live
    app_agenda.add_item(live, title="Care navigation", parent="4")
    app_agenda.add_item(live, title="Social prescribing", parent="4")
    window.controller.meeting_changed.emit()
    m = window.controller.meeting
    subs = [i for i in m.agenda if m.items[i].parent == "4"]
    assert len(subs) == 2
    block = ["4", *subs]
    start = m.agenda.index("4")
    after = m.agenda[start + 3]  # the item after 4's family (no sub-items of its own)
    assert m.items[after].parent is None
    window.agenda.select_item("4")
    qtbot.mouseClick(window.agenda.down_button, Qt.MouseButton.LeftButton)
    agenda = list(window.controller.meeting.agenda)
    assert agenda[start] == after and agenda[start + 1 : start + 4] == block
    moved = [e for e in window.controller.meeting.events[-3:] if e.type == "item_moved"]
    assert {e.data["item"] for e in moved} == set(block)  # the family moved, not 5
    window.agenda.select_item(subs[1])
    qtbot.mouseClick(window.agenda.up_button, Qt.MouseButton.LeftButton)
    agenda = list(window.controller.meeting.agenda)
    assert agenda[start + 1 : start + 4] == ["4", subs[1], subs[0]]
    qtbot.mouseClick(window.agenda.up_button, Qt.MouseButton.LeftButton)  # not above 4
    assert list(window.controller.meeting.agenda) == agenda


def test_hidden_the_builder_does_not_follow_each_change_and_shown_it_is_current(
    builder, window, monkeypatch
):
    """The dialog is kept once opened; hidden, its plan is not worked out at every
    change recorded in the meeting window, and shown again it is the record's."""
    builder.hide()
    reads = []
    real = builder.model._read_plan
    monkeypatch.setattr(builder.model, "_read_plan", lambda: reads.append(1) or real())
    from secretary.app import agenda as app_agenda

    def add(title: str) -> None:
        c = window.controller
        assert c.run(lambda: app_agenda.add_item(c.live, title=title)) is not None

    add("Care navigation")
    assert reads == [] and "Care navigation" not in titles(builder)
    window.open_agenda_builder()
    assert reads and "Care navigation" in titles(builder)
    add("Estates")
    assert "Estates" in titles(builder)  # shown: it follows again


@pytest.mark.parametrize("code", ["en", "cy"])
def test_the_meeting_window_with_every_tab_made_fits_a_1366x768_laptop(
    qtbot, qapp, meeting_record, code
):
    """The item panel's tabs are made when first shown: the Actions tab's two Welsh
    buttons beside its heading made the window wider than the screen once opened."""
    from secretary.store import Record
    from secretary.ui.main_window import MainWindow

    language.install(qapp, code)
    path, mid = meeting_record
    record = Record(path)
    try:
        w = MainWindow(record, mid, clock=lambda: "12:55")
        qtbot.addWidget(w)
        w.show()
        w.controller.set_focus("4")
        for made in (w.item.decision, w.item.declarations_view, w.item.actions_view):
            assert made is not None
        need = w.minimumSizeHint()
        assert need.width() <= 1366 and need.height() <= 708, (code, need)
        w.close()
    finally:
        language.install(qapp, "en")
        record.close()
