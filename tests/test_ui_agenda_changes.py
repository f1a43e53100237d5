"""After the pack is issued: the rows of the agenda builder changed since issue are
shaded, with a tooltip saying what changed (English and Welsh); and the meeting
window's own "Add item…" (Ctrl+Shift+I) is the builder's full item form, recorded
through ``app.agenda.add_item``, driven from the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
import test_ui_window as base
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from secretary.app import agenda as app_agenda
from secretary.ui import language
from secretary.ui.agenda_forms import ItemForm
from secretary.ui.agenda_model import CHANGED, AgendaPlanModel

pytestmark = pytest.mark.gui
meeting_record, clock, window = base.meeting_record, base.clock, base.window
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
BACKGROUND = Qt.ItemDataRole.BackgroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def active(qtbot, widget) -> None:
    widget.raise_()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def add(c, title: str, **fields) -> str:
    live = c.live
    event = c.run(lambda: app_agenda.add_item(live, title=title, **fields))
    assert event is not None
    return str(event.get("item"))


def a_paper(tmp_path: Path) -> Path:
    path = tmp_path / "addendum.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    return path


def shaded(model: AgendaPlanModel) -> dict[str, bool]:
    out = {}
    for r in range(model.rowCount()):
        brushes = {
            model.index(r, col).data(BACKGROUND).color().name()
            if model.index(r, col).data(BACKGROUND) is not None
            else None
            for col in range(model.columnCount())
        }
        assert len(brushes) == 1  # the whole row, or none of it
        out[model.row_key(r) or ""] = brushes == {CHANGED.name()}
    return out


def test_rows_changed_since_issue_are_shaded_and_say_what_changed(qtbot, qapp, window, tmp_path):
    c = window.controller
    window.open_agenda_builder()
    builder = window.agenda_builder
    model = builder.model
    assert not any(shaded(model).values())  # nothing issued, nothing to show
    live = c.live
    assert c.run(lambda: app_agenda.issue(live, "2026-05-01").recorded) is not None
    assert not any(shaded(model).values())
    # The worked example's items are numbered by their ids (4, 5) until an item
    # with another id comes: then by place, and the changes say what each was.
    late = add(c, "Late item", position=0)
    assert c.run(lambda: app_agenda.change_item(live, "5", presenter="Carys Miles"))
    assert c.run(lambda: app_agenda.attach_paper(live, "4", a_paper(tmp_path), "Addendum"))
    assert shaded(model) == {late: True, "4": True, "5": True}
    tip = model.index(model.row_of("4"), AgendaPlanModel.PRESENTER).data(TOOLTIP)
    assert tip == (
        "Changed since the agenda was issued:\n"
        "• Item 2 (issued as item 4): paper 4a added after the agenda was issued (Addendum)"
    )
    title_tip = model.index(model.row_of("5"), AgendaPlanModel.TITLE).data(TOOLTIP)
    assert title_tip.startswith("Flu campaign communications\n\nChanged since")
    assert "Item 3 (issued as item 5) changed after the agenda was issued" in title_tip
    number = model.index(model.row_of(late), AgendaPlanModel.NUMBER)
    assert number.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "1, changed since the agenda was issued"
    )
    assert "(rows shaded above)" in builder.issued.text()
    language.install(qapp, "cy")
    try:
        tip = model.index(model.row_of("4"), AgendaPlanModel.PRESENTER).data(TOOLTIP)
        assert tip == (
            "Newidiwyd ers cyhoeddi'r agenda:\n"
            "• Eitem 2 (eitem 4 ar yr agenda a gyhoeddwyd): papur 4a wedi'i ychwanegu ar ôl "
            "cyhoeddi'r agenda (Addendum)"
        )
    finally:
        language.install(qapp, "en")
    # Undone, the paper is no change: its row is plain again (still renumbered).
    assert c.undo() is not None
    tip = model.index(model.row_of("4"), AgendaPlanModel.PRESENTER).data(TOOLTIP)
    assert "renumbered after the agenda was issued" in tip
    builder.close()


def test_ctrl_shift_i_opens_the_full_item_form_and_enter_records_it(qtbot, window):
    c = window.controller
    c.set_focus("4")
    window.attendance.finder.setFocus()
    qtbot.keyClick(window.attendance.finder, Qt.Key.Key_I, CTRL | SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ItemForm), timeout=2000)
    form = QApplication.activeModalWidget()
    assert isinstance(form, ItemForm)
    active(qtbot, form)
    assert form.title.hasFocus()  # it opens on the title, as the small dialog did
    qtbot.keyClicks(form.title, "Urgent: premises")
    qtbot.keyClick(form, Qt.Key.Key_R, ALT)  # &Reference
    qtbot.keyClicks(QApplication.focusWidget(), "UVC/26/09")
    qtbot.keyClick(form, Qt.Key.Key_U, ALT)  # P&urpose
    assert QApplication.focusWidget() is form.purpose
    qtbot.keyClick(form.purpose, Qt.Key.Key_Down)  # for decision
    qtbot.keyClick(form, Qt.Key.Key_L, ALT)  # &Length
    QApplication.focusWidget().selectAll()
    qtbot.keyClicks(QApplication.focusWidget(), "15")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=2000)
    m = c.meeting
    new = next(i for i in m.items.values() if i.title == "Urgent: premises")
    assert m.agenda == ["4", new.id, "5"]  # after the item in focus
    assert (new.reference, new.purpose, new.duration) == ("UVC/26/09", "decision", 15)
    assert window.message.text().startswith("✓ Recorded")
    assert m.focus == "4"  # the meeting goes on where it was
    active(qtbot, window)


def test_the_meeting_windows_form_refuses_an_empty_title_and_stays_open(qtbot, window):
    c = window.controller
    events = len(c.meeting.events)
    form = window.agenda.add_item()
    assert isinstance(form, ItemForm)
    form.check_and_accept()
    assert form.isVisible() and form.problem.text() == "Give the item a title."
    form.reject()
    assert len(c.meeting.events) == events


def test_a_new_item_goes_after_the_focus_and_its_sub_items(window):
    c = window.controller
    sub = add(c, "Care navigation", parent="4")
    c.record({"type": "item_added", "item": "9", "standing": "aob"})
    c.set_focus(sub)  # a sub-item in focus: the new item goes after its whole item
    form = window.agenda.add_item()
    form.title.setText("Estates bid")
    form.check_and_accept()
    estates = next(i.id for i in c.meeting.items.values() if i.title == "Estates bid")
    assert c.meeting.agenda == ["4", sub, estates, "5", "9"]
    c.set_focus(None)  # none in focus: before any other business
    form = window.agenda.add_item()
    form.title.setText("Flu update")
    form.check_and_accept()
    flu = next(i.id for i in c.meeting.items.values() if i.title == "Flu update")
    assert c.meeting.agenda == ["4", sub, estates, "5", flu, "9"]
    # A sub-item chosen in the form goes under its item, wherever the focus is.
    form = window.agenda.add_item()
    form.title.setText("Flu leaflets")
    form.parent_item.setCurrentIndex(form.parent_item.findData("5"))
    form.check_and_accept()
    leaflets = next(i.id for i in c.meeting.items.values() if i.title == "Flu leaflets")
    assert c.meeting.agenda == ["4", sub, estates, "5", leaflets, flu, "9"]
