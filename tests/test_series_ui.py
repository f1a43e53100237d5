"""The between-meetings dialogs, offscreen: approving minutes (and the lock that
follows, as the window's controller reports it), decisions outside meetings,
and the attendance year table."""

from __future__ import annotations

import os

import pytest
from between_year import AMENDMENT, DATES, attend, build_year, prepare
from PySide6.QtCore import QDate, Qt

from secretary.store import Record
from secretary.store import approval as ap
from secretary.store import series as sr
from secretary.ui.between.approval import ApproveMinutesDialog, awaiting_approval
from secretary.ui.between.attendance import AttendanceYearModel, AttendanceYearWidget
from secretary.ui.between.outside import OutsideDecisionsDialog, OutsideDecisionsModel
from secretary.ui.controller import MeetingController

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("SECRETARY_SHOTS")  # a folder: save screenshots to look at


def shot(widget, name):
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, name))


@pytest.fixture
def record(record_path):
    r = Record(record_path)
    yield r
    r.close()


@pytest.fixture
def two_meetings(record):
    """M1 recorded; M2 prepared and attended (quorate), nothing approved yet."""
    y = build_year(record, upto=1)
    live = prepare(y, 1)
    attend(live, 1)
    return y, live


def test_approve_with_amendments_then_the_old_meeting_refuses_edits(qtbot, record, two_meetings):
    y, live = two_meetings
    controller = MeetingController(live, clock=lambda: "13:20")
    dialog = ApproveMinutesDialog(controller)
    qtbot.addWidget(dialog)
    assert [r.id for r in awaiting_approval(record, live.meeting_id)] == [y.meetings[0]]
    assert dialog.meetings.currentData() == y.meetings[0]
    # The greyed date is the chosen meeting's (it showed a month before this one).
    assert not dialog.held_on.isEnabled()
    assert dialog.held_on.date().toString("yyyy-MM-dd") == DATES[0]
    dialog.amended.setChecked(True)
    dialog.on_approve()  # amendments missing: refused, nothing written
    assert "Write the amendments" in dialog.message.text()
    assert ap.approval_for(record, y.meetings[0]) is None
    dialog.amendments.setPlainText(AMENDMENT)
    shot(dialog, "approve-dialog.png")
    with qtbot.waitSignals([dialog.approved, controller.meeting_changed], timeout=1000):
        dialog.on_approve()
    approval = ap.approval_for(record, y.meetings[0])
    assert approval.amendments == AMENDMENT and approval.approved_on == DATES[1]
    assert live.events[-1].get("at") == "13:20"
    # The window of the approved meeting is told why nothing more can be recorded.
    from secretary.store import LiveMeeting

    old = MeetingController(LiveMeeting(record, y.meetings[0]))
    with qtbot.waitSignal(old.event_failed, timeout=1000) as refused:
        assert old.record({"type": "arrive", "person": "gp4"}) is None
    assert "approved at the meeting of 9 July 2026 and are locked" in refused.args[0]


def test_approve_dialog_approves_minutes_of_a_meeting_not_in_the_record(
    qtbot, record, two_meetings
):
    """The meeting before the first kept here: chosen by its date, approved without a
    record of it to lock; the minutes of this meeting then say so."""
    from secretary.export import snapshot_from_record
    from secretary.ui.between.approval import ELSEWHERE

    y, live = two_meetings
    controller = MeetingController(live, clock=lambda: "13:25")
    dialog = ApproveMinutesDialog(controller)
    qtbot.addWidget(dialog)
    dialog.meetings.setCurrentIndex(dialog.meetings.findData(ELSEWHERE))
    assert dialog.held_on.isEnabled() and dialog.approve_button.text() == "Approve"
    dialog.held_on.setDate(dialog.held_on.date().fromString("2026-03-12", "yyyy-MM-dd"))
    with qtbot.waitSignals([dialog.approved, controller.meeting_changed], timeout=1000):
        dialog.on_approve()
    assert live.events[-1].type == "previous_minutes_approved"
    assert live.events[-1].get("date") == "2026-03-12"
    snap = snapshot_from_record(record, live.meeting_id)
    minutes = next(i for i in snap.items if i.standing == "minutes")
    assert "The minutes of the meeting of 12 March 2026 were approved as a true record." in (
        minutes.notes
    )
    # The meeting in the record is still waiting for its own approval.
    assert ap.approval_for(record, y.meetings[0]) is None


def test_approve_dialog_shows_the_stores_refusal(qtbot, record):
    y = build_year(record, upto=1)
    live = prepare(y, 1)  # nobody has arrived: not quorate
    dialog = ApproveMinutesDialog(MeetingController(live))
    qtbot.addWidget(dialog)
    dialog.on_approve()
    assert dialog.message.text().startswith("Not approved: cannot approve the minutes: Not quorate")
    assert dialog.result() == 0  # not accepted
    assert ap.approval_for(record, y.meetings[0]) is None


def test_outside_decisions_dialog_records_and_ratifies(qtbot, record, two_meetings):
    y, live = two_meetings
    controller = MeetingController(live, clock=lambda: "13:30")
    dialog = OutsideDecisionsDialog(record, y.key, controller)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and dialog.model.rows[0].pending
    # A financial decision without a signatory is refused in the store's words.
    dialog.title.setText("Premises repair")
    dialog.amount.setText("1,250")
    dialog.on_record()
    assert "must name the Health Board authorised signatory" in dialog.message.text()
    dialog.signatory.setText("Carys Miles")
    dialog.date.setDate(QDate(2026, 7, 1))  # before this meeting (9 July): it may come here
    dialog.on_record()
    assert dialog.model.rowCount() == 2 and dialog.model.rows[1].amount == 1250.0
    shot(dialog, "outside-dialog.png")
    live.record_event({"type": "consensus", "item": f"od-{y.rd1}"})
    dialog.view.selectRow(0)
    with qtbot.waitSignal(controller.meeting_changed, timeout=1000):
        dialog.ratify_buttons["ratified"].click()
    assert sr.outside_decision(record, y.rd1).status == "ratified"
    assert "ratified" in dialog.message.text()
    assert dialog.selected().id == y.rd1  # still selected after the refresh
    dialog.ratify_buttons["noted"].click()
    assert "already ratified" in dialog.message.text()
    dialog.view.selectRow(1)
    dialog.ratify_buttons["noted"].click()  # a remote decision cannot be noted
    assert "can be ratified | not_ratified, not 'noted'" in dialog.message.text()


def test_outside_decisions_model(qtmodeltester, record, two_meetings):
    y, _ = two_meetings
    model = OutsideDecisionsModel(sr.outside_decisions(record, y.key))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 6)) == "for ratification"


def test_attendance_year_widget(qtbot, qtmodeltester, record):
    y = build_year(record)
    widget = AttendanceYearWidget(record, y.key, 2026)
    qtbot.addWidget(widget)
    widget.resize(1200, 560)
    qtmodeltester.check(widget.model)
    model = widget.model
    assert model.columnCount() == 1 + 5 + 8
    assert model.headerData(1, Qt.Orientation.Horizontal) == "14 May 26"
    rows = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
    gp3 = rows["GP practice 3"]
    assert [model.data(model.index(gp3, c)) for c in range(1, 6)] == ["A", "R", "✓", "✓", "✗"]
    assert model.data(model.index(gp3, 13)) == "2"  # shortfall
    assert model.data(model.index(gp3, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(rows["GP practice 1"], 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "Short of the required attendance: GP practice 2 (4/5)" in widget.summary.text()
    shot(widget, "attendance-year.png")
    widget.year.setValue(2025)
    assert model.rowCount() == 0 and "No meetings held in 2025/26" in widget.summary.text()


def test_empty_attendance_model(qtmodeltester):
    qtmodeltester.check(AttendanceYearModel())


def test_meeting_list_model(qtbot, qtmodeltester, record):
    from PySide6.QtWidgets import QHeaderView, QTableView

    from secretary.ui.between.meetings import MeetingListModel

    y = build_year(record)
    model = MeetingListModel(record, "2027-01-22")
    qtmodeltester.check(model)
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == DATES[::-1]
    latest = 0  # newest first
    assert model.data(model.index(latest, model.MINUTES)) == "OVERDUE (due 2027-01-21)"
    assert model.data(model.index(latest, model.MINUTES), Qt.ItemDataRole.BackgroundRole)
    assert model.data(model.index(latest, model.APPROVAL)) == "draft"
    m4 = 1
    assert model.data(model.index(m4, model.ACTIONS)) == "A3"
    assert "Report on winter pressures" in model.data(
        model.index(m4, model.ACTIONS), Qt.ItemDataRole.ToolTipRole
    )
    assert model.data(model.index(m4, model.APPROVAL)) == "approved 2027-01-14"
    assert model.data(model.index(m4, 0), Qt.ItemDataRole.UserRole) == y.meetings[3]
    model.set_today("2027-01-16")
    assert model.data(model.index(latest, model.MINUTES)) == "due by 2027-01-21"
    assert model.data(model.index(4, model.PAPERS)) == "sent 2026-05-08"
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_today("2027-01-22")
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.resize(1150, 220)
    shot(view, "meeting-list.png")


def test_an_action_carried_in_is_updated_and_closed_from_its_actions_tab(
    qtbot, record, two_meetings
):
    """A carried action's progress had no way in: every action was carried to every
    meeting for ever. Its Actions tab (matters arising) now updates it -- a status, a
    note, a new due date -- and one closed here is carried no further."""
    from between_year import item, prepare

    from secretary.ui.main_window import MainWindow

    y, live = two_meetings
    arising = item(live, "matters-arising")
    carried = [a.id for a in live.meeting.actions.values() if a.carried_from]
    assert carried, "M1's open actions are carried into M2"
    window = MainWindow(record, live.meeting_id, clock=lambda: "13:30")
    qtbot.addWidget(window)
    c = window.controller
    c.set_focus(arising)
    panel = window.item
    model = panel.actions_model
    first = model.row_key(0)
    panel.actions_view.setCurrentIndex(model.index(0, 0))
    # Nothing changed: refused inside the form, which stays open.
    dialog = panel.update_action()
    assert dialog is not None and dialog.action_id == first
    dialog.accept()
    assert dialog.isVisible() and "Nothing to record" in dialog.refusal.text()
    dialog.status.setCurrentIndex(dialog.status.findData("complete"))
    dialog.note.setText("Contract signed on 2 July")
    dialog.accept()
    assert not dialog.isVisible()
    a = c.meeting.actions[first]
    assert (a.status, a.notes) == ("complete", ["Contract signed on 2 July"])
    assert model.data(model.index(0, model.STATUS)) == "complete"
    # Owners are shown by name, as the minutes give them (carried ones name an id).
    owners = {model.data(model.index(r, model.OWNER)) for r in range(model.rowCount())}
    assert not owners & set(live.meeting.people), owners
    window.close()
    # The next meeting carries the others, not the one closed.
    nxt = prepare(y, 2)
    carried_next = {a.id for a in nxt.meeting.actions.values() if a.carried_from}
    assert first not in carried_next and set(carried) - {first} <= carried_next


def test_a_new_action_never_takes_the_id_of_an_earlier_meetings_action(record, two_meetings):
    """An action closed at one meeting is carried no further; the next meeting then
    offered its id again ("A1" twice in the cluster's year, one closed and one open)."""
    from between_year import prepare

    y, live = two_meetings
    carried = sorted(a.id for a in live.meeting.actions.values() if a.carried_from)
    for aid in carried:
        live.record_event({"type": "action_update", "action": aid, "status": "complete"})
    nxt = prepare(y, 2)
    assert not [a for a in nxt.meeting.actions.values() if a.carried_from]
    controller = MeetingController(nxt, clock=lambda: "13:30")
    ref = controller.next_action_ref(None)
    assert ref not in carried and ref.startswith("A")
    assert controller.add_action(None, "Book the venue for 2027") == ref


def test_the_status_bar_says_what_a_between_meetings_event_recorded(record, two_meetings):
    """Ratified, noted, approved: the status bar said "Recorded: Recorded"."""
    from secretary.domain.events import check_event

    _, live = two_meetings
    c = MeetingController(live, clock=lambda: "13:30")
    said = {
        c.describe(check_event(raw))
        for raw in (
            {"type": "ratify", "decision": "d", "outcome": "noted"},
            {"type": "ratify", "decision": "d", "outcome": "ratified"},
            {"type": "minutes_approved", "meeting": "m", "date": "2026-05-14", "fingerprint": "f"},
            {"type": "minutes_sent", "on": "2026-07-16"},
            {"type": "action_carried", "action": "A1", "text": "t", "from_meeting": "m"},
        )
    }
    assert said == {
        "Decision taken outside the meeting: noted",
        "Decision taken outside the meeting: ratified",
        "Minutes of 14 May 2026 approved",
        "Minutes sent on 16 Jul 2026",
        "Action A1 carried forward",
    }
