"""What keeps the window answering while work runs behind it: the interpreter handed
back to its thread promptly, PySide6's check of later imports made cheap, the start
dialog's columns fitted one an event-loop turn."""

from __future__ import annotations

import sys
import types

import pytest

from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import read_terms_source
from secretary.store import Record
from secretary.store import clusters as cl
from secretary.ui.background import WINDOW_SWITCH_INTERVAL, favour_the_window
from secretary.ui.pyside_imports import lighten
from secretary.ui.start import MeetingListModel, StartDialog

pytestmark = pytest.mark.gui


def test_the_window_thread_gets_the_interpreter_back_within_a_millisecond(monkeypatch):
    monkeypatch.setattr(sys, "getswitchinterval", lambda: 0.005)
    asked: list[float] = []
    monkeypatch.setattr(sys, "setswitchinterval", asked.append)
    favour_the_window()
    assert asked == [WINDOW_SWITCH_INTERVAL] and WINDOW_SWITCH_INTERVAL <= 0.001


def test_pyside_is_told_the_same_as_its_own_check_would_say(tmp_path):
    feature = sys.modules["shibokensupport.feature"]
    lighten()
    lighten()  # once is enough: the second call changes nothing
    check = feature._mod_uses_pyside
    assert getattr(check, "lightened", False)
    uses = tmp_path / "uses.py"
    uses.write_text("from PySide6.QtCore import Qt\n", encoding="utf-8")
    plain = tmp_path / "plain.py"
    plain.write_text("import json\n", encoding="utf-8")
    for path, expected in ((uses, True), (plain, False)):
        module = types.ModuleType(path.stem)
        module.__file__ = str(path)
        assert check(module) is expected
    assert check(sys) is False  # a built-in module: PySide6's own answer


def test_start_dialog_fits_every_column_one_turn_at_a_time(qtbot, record_path):
    record = Record(record_path)
    try:
        cid = cl.create_cluster(record, "Upper Valleys Primary Care Cluster", "Swansea Bay UHB")
        uv = "sbuhb-upper-valleys-2021"
        cl.set_terms(record, cid, uv, read_terms_source(uv)[0], "2021-03-03")
        for day in range(1, 6):
            cl.create_meeting_for_cluster(
                record, cid, MeetingInfo(f"Meeting {day}", f"2026-03-0{day}", "13:00", "Hall")
            )
        dialog = StartDialog(record)
        qtbot.addWidget(dialog)
        columns = dialog.model.columnCount()
        assert len(dialog._columns_to_fit) == columns - 1  # the first at once
        qtbot.waitUntil(lambda: not dialog._columns_to_fit, timeout=5000)
        view = dialog.view
        for col in range(columns):
            if col == MeetingListModel.CLUSTER:
                continue  # hidden: one cluster
            fitted = max(view.sizeHintForColumn(col), view.horizontalHeader().sectionSizeHint(col))
            expected = min(fitted, dialog.NAME_WIDTH) if col in dialog.NAMES else fitted
            assert view.columnWidth(col) == expected, col
    finally:
        record.close()
