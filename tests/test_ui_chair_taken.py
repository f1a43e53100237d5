"""The window records who takes the chair (issue 15/16): for the item in focus or
for the rest of the meeting; refused with the reason when the terms would not
let that person chair."""

from __future__ import annotations

from test_ui_window import activate, clock, focus_item, meeting_record, window  # noqa: F401

from secretary.domain.standing import chair


def test_takes_the_chair_for_the_item_or_the_rest_of_the_meeting(qtbot, window):  # noqa: F811
    c = window.controller
    for pid in ("lead", "gp1", "cdm"):
        c.toggle_presence(pid)
    panel = window.attendance
    assert panel.select_person("cdm")
    focus_item(qtbot, window, "4")
    box = panel.take_chair_selected()
    assert box is not None
    item_button = next(b for b in box.buttons() if "this item" in b.text().replace("&", ""))
    with qtbot.waitSignal(c.event_recorded, timeout=1000) as signal:
        item_button.click()
    event = signal.args[0]
    assert (event.type, event.get("person"), event.get("item")) == ("chair_taken", "cdm", "4")
    assert event.get("at") == "12:55"
    assert c.describe(event) == "Carys Miles takes the chair for " + c.item_label("4")
    assert chair(c.meeting, "4").id == "cdm" and chair(c.meeting, "5").id == "lead"

    assert panel.select_person("gp1")
    box = panel.take_chair_selected()
    rest = next(b for b in box.buttons() if "rest of the meeting" in b.text().replace("&", ""))
    rest.click()
    assert chair(c.meeting, "5").id == "gp1"


def test_someone_who_may_not_chair_is_refused_with_the_reason(qtbot, window):  # noqa: F811
    c = window.controller
    c.toggle_presence("fin")  # in attendance, holds no seat
    with qtbot.waitSignal(c.event_failed, timeout=1000) as signal:
        assert c.take_chair("fin") is None
    assert "holds no seat" in signal.args[0]
    assert c.meeting.chair_takings == []
