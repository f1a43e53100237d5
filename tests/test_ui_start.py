"""The start dialog, the new meeting dialog and the roster editor, driven with pytest-qt."""

from __future__ import annotations

import datetime as dt

import pytest
from between_year import DATES, build_year
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from secretary.domain.roster import RosterEntry
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import read_terms_source
from secretary.resources import resource
from secretary.store import LiveMeeting, Record
from secretary.store import clusters as cl
from secretary.ui.new_meeting import NewMeetingDialog, parse_agenda_lines
from secretary.ui.roster_editor import PersonDialog, RosterEditor, RosterModel, long_date
from secretary.ui.start import OVERDUE_BG, OVERDUE_FG, Choice, MeetingListModel, StartDialog

pytestmark = pytest.mark.gui
UV = "sbuhb-upper-valleys-2021"
ROSTER_CSV = resource("demo", "upper-valleys-roster.csv")


@pytest.fixture
def record(record_path):
    r = Record(record_path)
    yield r
    r.close()


@pytest.fixture
def cluster(record):
    cid = cl.create_cluster(record, "Upper Valleys Primary Care Cluster", "Swansea Bay UHB")
    cl.set_terms(record, cid, UV, read_terms_source(UV)[0], "2021-03-03")
    return cid


@pytest.fixture
def warnings_shown(monkeypatch):
    """Message boxes would block a test: record what they would say instead."""
    shown: list[str] = []

    def warning(_parent, _title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "information", warning)
    return shown


@pytest.fixture
def keep():
    """Models checked by qtmodeltester must outlive its clean-up, which runs after
    qtbot has deleted the test's widgets: request ``keep`` before ``qtmodeltester``
    and hold parentless models in it."""
    held: list[object] = []
    yield held
    held.clear()


def add_roster(record, cluster, on="2025-01-01"):
    editor = RosterEditor(record, cluster, on)
    preview = editor.preview_import(ROSTER_CSV.read_bytes(), str(ROSTER_CSV))
    assert preview.errors == []
    assert editor.import_entries(preview.entries, end_missing=False)
    return editor


def cells(model, column):
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


# --------------------------------------------------------------------------- start


def test_start_dialog_lists_meetings_most_recent_first(qtbot, keep, qtmodeltester, record, cluster):
    a = cl.create_meeting_for_cluster(
        record, cluster, MeetingInfo("March meeting", "2026-03-12", "13:00", "Pontardawe")
    )
    b = cl.create_meeting_for_cluster(
        record, cluster, MeetingInfo("May meeting", "2026-05-14", "13:30", "Ystalyfera")
    )
    dialog = StartDialog(record)
    qtbot.addWidget(dialog)
    model = dialog.model
    checked = MeetingListModel(record)
    keep.append(checked)
    qtmodeltester.check(checked, force_py=True)
    assert cells(model, MeetingListModel.TITLE) == ["May meeting", "March meeting"]
    assert cells(model, MeetingListModel.DATE) == ["14 May 2026", "12 Mar 2026"]
    assert cells(model, MeetingListModel.CLUSTER) == ["Upper Valleys Primary Care Cluster"] * 2
    assert cells(model, MeetingListModel.VENUE) == ["Ystalyfera", "Pontardawe"]
    assert cells(model, MeetingListModel.EVENTS) == [5, 5]  # the standing items
    assert dialog.stack.currentWidget() is dialog.view
    # The most recent is selected; Open returns it; double-click opens another.
    assert dialog.selected_id() == b
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice == Choice(record, b)
    dialog2 = StartDialog(record)
    qtbot.addWidget(dialog2)
    dialog2.view.doubleClicked.emit(model.index(1, 0))
    assert dialog2.choice == Choice(record, a)


def test_start_dialog_on_an_empty_record(qtbot, record):
    dialog = StartDialog(record)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 0
    assert dialog.stack.currentWidget() is dialog.empty
    assert "No meetings in this record yet" in dialog.empty.text()
    assert not dialog.open_button.isEnabled()
    assert not dialog.roster_button.isEnabled()  # no cluster yet
    assert dialog.new_button.isEnabled() and dialog.demo_button.isEnabled()


def test_try_a_demo_meeting_returns_a_throwaway_record(qtbot, record, tmp_path, monkeypatch):
    from secretary import demo

    monkeypatch.setattr(demo.tempfile, "tempdir", str(tmp_path))  # not the machine's
    dialog = StartDialog(record)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    choice = dialog.choice
    assert choice is not None and choice.demo
    assert choice.record is not record and choice.record.target != record.target
    assert choice.record.meeting_info(choice.meeting_id).title == "Upper Valleys Cluster Meeting"
    assert record.list_meetings() == []  # the user's record is untouched
    assert demo.is_demo_record(choice.record)
    demo.discard_demo_record(choice.record)
    assert list(tmp_path.glob(f"{demo.DEMO_PREFIX}*")) == []


def test_start_roster_button_opens_the_selected_meetings_cluster(qtbot, record, cluster):
    cl.create_meeting_for_cluster(record, cluster, MeetingInfo("May", "2026-05-14"))
    dialog = StartDialog(record)
    qtbot.addWidget(dialog)
    assert dialog.roster_button.isEnabled()
    editor = dialog.roster_editor()
    qtbot.addWidget(editor)
    assert editor.cluster_id == cluster
    assert "Upper Valleys Primary Care Cluster" in editor.windowTitle()


# --------------------------------------------------------------------------- deadlines


@pytest.fixture
def year(record):
    return build_year(record)


def test_start_list_shows_deadlines_and_overdue_actions(
    qtbot, keep, qtmodeltester, record, year, tmp_path
):
    """5.5/5.6: papers due 5 days before (10 under the terms from October 2026),
    minutes to members 7 days after; overdue ones coloured and saying so; actions
    past their due date counted."""
    dialog = StartDialog(record, today=dt.date(2027, 1, 25))
    qtbot.addWidget(dialog)
    checked = MeetingListModel(record, today=dt.date(2027, 1, 25))
    keep.append(checked)
    qtmodeltester.check(checked, force_py=True)
    model = dialog.model
    M = MeetingListModel
    # (in the window's locale: "10 Sept 2026" in en_GB)
    assert cells(model, M.DATE) == [long_date(d) for d in reversed(DATES)]
    assert cells(model, M.DATE)[0] == "14 Jan 2027"
    assert cells(model, M.PAPERS) == ["not recorded"] * 4 + ["sent 8 May 2026"]
    assert cells(model, M.MINUTES) == ["overdue (due 21 Jan 2027)"] + ["not recorded"] * 3 + [
        "sent 20 May 2026"
    ]
    assert cells(model, M.ACTIONS) == ["", "1 overdue", "", "", ""]  # A3, due 1 Dec 2026

    def coloured(row, col):
        return model.data(model.index(row, col), Qt.ItemDataRole.BackgroundRole) is not None

    assert coloured(0, M.MINUTES) and coloured(1, M.ACTIONS)
    assert not coloured(0, M.PAPERS) and not coloured(4, M.MINUTES)
    brush = model.data(model.index(0, M.MINUTES), Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == OVERDUE_BG
    assert model.data(model.index(0, M.MINUTES), Qt.ItemDataRole.FontRole).bold()
    tip = model.data(model.index(1, M.ACTIONS), Qt.ItemDataRole.ToolTipRole)
    assert "A3 (Dr Huw Davies, 1 Dec 2026) — OVERDUE: Report on winter pressures" in tip
    papers_tip = model.data(model.index(1, M.PAPERS), Qt.ItemDataRole.ToolTipRole)
    assert papers_tip == "Papers: due 2 Nov 2026; the date they were sent was not recorded"
    # One cluster: no cluster column; the deadlines are in view without scrolling.
    assert dialog.view.isColumnHidden(M.CLUSTER)
    dialog.show()
    header = dialog.view.horizontalHeader()
    assert header.sectionViewportPosition(M.ACTIONS) + header.sectionSize(M.ACTIONS) <= (
        dialog.view.viewport().width()
    )
    dialog.grab().save(str(tmp_path / "start-deadlines.png"))


def test_start_list_papers_due_and_overdue_before_a_meeting(qtbot, record, cluster):
    cl.create_meeting_for_cluster(record, cluster, MeetingInfo("July", "2026-07-09"))
    due = MeetingListModel(record, today=dt.date(2026, 7, 1))
    assert cells(due, MeetingListModel.PAPERS) == ["due by 4 Jul 2026"]
    assert cells(due, MeetingListModel.MINUTES) == ["due by 16 Jul 2026"]
    late = MeetingListModel(record, today=dt.date(2026, 7, 6))
    assert cells(late, MeetingListModel.PAPERS) == ["overdue (due 4 Jul 2026)"]
    index = late.index(0, MeetingListModel.PAPERS)
    assert late.data(index, Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_FG
    assert cells(late, MeetingListModel.ACTIONS) == [""]
    # Sent late, then the meeting: no longer flagged.
    mid = record.list_meetings()[0].id
    LiveMeeting(record, mid).record_event({"type": "papers_sent", "on": "2026-07-06"})
    late.refresh()
    assert cells(late, MeetingListModel.PAPERS) == ["sent 6 Jul 2026, late (due 4 Jul 2026)"]
    assert late.data(index, Qt.ItemDataRole.BackgroundRole) is None


def test_start_list_of_several_clusters_shows_the_cluster(qtbot, record, cluster):
    cl.create_meeting_for_cluster(record, cluster, MeetingInfo("May", "2026-05-14"))
    record.create_meeting(
        MeetingInfo("Replayed", "2026-05-20", cluster="Another cluster"),
        UV,
        read_terms_source(UV)[0],
    )
    dialog = StartDialog(record, today=dt.date(2026, 5, 1))
    qtbot.addWidget(dialog)
    assert not dialog.view.isColumnHidden(MeetingListModel.CLUSTER)
    assert cells(dialog.model, MeetingListModel.CLUSTER) == [
        "Another cluster",
        "Upper Valleys Primary Care Cluster",
    ]


# --------------------------------------------------------------------------- new meeting


def test_new_meeting_dialog_creates_a_meeting_with_the_roster(qtbot, record, cluster):
    add_roster(record, cluster)
    dialog = NewMeetingDialog(record, cluster_id=cluster)
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2026, 5, 14))
    assert "members: 17, deputies: 1, in attendance: 4" in dialog.roster_note.text()
    assert dialog.roster_model.rowCount() == 22
    qtbot.keyClicks(dialog.title, "Upper Valleys Cluster Meeting")
    qtbot.keyClicks(dialog.venue, "Pontardawe Health Centre")
    dialog.agenda.setPlainText("Social prescriber extension £18,500\n\nFlu campaign\n")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.problem.text()
    live = LiveMeeting(record, dialog.meeting_id)
    assert live.info.venue == "Pontardawe Health Centre" and live.info.start == "13:00"
    assert live.info.date == "2026-05-14"
    assert len(live.meeting.people) == 22
    assert live.meeting.people["sian-morgan"].seat == "gp-1"
    titles = [live.meeting.items[i].title for i in live.meeting.agenda]
    assert titles[4:6] == ["Social prescriber extension", "Flu campaign"]
    assert live.meeting.items["5"].amount == 18500.0 and live.meeting.items["5"].financial
    assert live.meeting.items["5"].reference == "UVC/26/05"


def test_new_meeting_with_a_new_cluster_and_bundled_terms(qtbot, record):
    dialog = NewMeetingDialog(record)
    qtbot.addWidget(dialog)
    assert dialog.cluster.currentData() == -1  # no clusters: "New cluster…"
    assert dialog.cluster_name.isVisibleTo(dialog)
    dialog.title.setText("First meeting")
    dialog.terms.setCurrentIndex(dialog.terms.findData("unanimity-example"))
    dialog.create()
    assert "cluster needs a name" in dialog.problem.text()
    assert cl.list_clusters(record) == [] and record.list_meetings() == []
    dialog.cluster_name.setText("Afan Cluster")
    dialog.health_board.setText("Swansea Bay UHB")
    dialog.create()
    assert dialog.meeting_id is not None, dialog.problem.text()
    (c,) = cl.list_clusters(record)
    assert (c.name, c.health_board) == ("Afan Cluster", "Swansea Bay UHB")
    assert record.meeting_terms(dialog.meeting_id).id == "unanimity-example"


def test_new_meeting_needs_a_title(qtbot, record, cluster):
    dialog = NewMeetingDialog(record, cluster_id=cluster)
    qtbot.addWidget(dialog)
    dialog.create()
    assert dialog.problem.text() == "Give the meeting a title."
    assert dialog.result() != QDialog.DialogCode.Accepted and record.list_meetings() == []


def test_terms_from_a_bad_file_list_every_problem(qtbot, record, cluster, tmp_path):
    text = read_terms_source(UV)[0]
    bad = tmp_path / "our-terms.toml"
    bad.write_text(
        text.replace('fraction = "75%"', 'fraction = "175%"').replace(
            'seat = "cluster-lead"', 'seat = "nobody"'
        ),
        encoding="utf-8",
    )
    dialog = NewMeetingDialog(record, cluster_id=cluster)
    qtbot.addWidget(dialog)
    before = dialog.terms.currentData()
    assert not dialog.load_terms_file(str(bad))
    problem = dialog.problem.text()
    assert problem.startswith("our-terms.toml cannot be used as terms of reference:")
    assert "decisions.financial.fraction" in problem and "unknown seat 'nobody'" in problem
    assert dialog.terms.currentData() == before
    binary = tmp_path / "photo.toml"
    binary.write_bytes(bytes(range(256)))
    assert not dialog.load_terms_file(str(binary))
    assert "not a text file" in dialog.problem.text()


def test_terms_from_a_good_file_take_effect_from_the_meeting_date(qtbot, record, cluster, tmp_path):
    good = tmp_path / "uv-2026.toml"
    good.write_text(
        read_terms_source(UV)[0].replace(f'id = "{UV}"', 'id = "uv-2026"'), encoding="utf-8"
    )
    dialog = NewMeetingDialog(record, cluster_id=cluster)
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2026, 5, 14))
    assert dialog.load_terms_file(str(good))
    assert "in force for the cluster from 14 May 2026" in dialog.terms_note.text()
    dialog.title.setText("May")
    dialog.create()
    assert record.meeting_terms(dialog.meeting_id).id == "uv-2026"
    assert cl.terms_in_force(record, cluster, "2026-05-13")[0] == UV
    assert cl.terms_in_force(record, cluster, "2026-05-14")[0] == "uv-2026"


def test_parse_agenda_lines():
    assert parse_agenda_lines("  A  item \n\nB £1,250.50\nC - £300\n£5") == [
        {"title": "A item"},
        {"title": "B", "financial": True, "amount": 1250.5},
        {"title": "C", "financial": True, "amount": 300.0},
        {"title": "£5", "financial": True, "amount": 5.0},
    ]


# --------------------------------------------------------------------------- roster editor


def test_roster_model_passes_qtmodeltester(qtbot, keep, qtmodeltester, record, cluster):
    add_roster(record, cluster)
    model = RosterModel(record, cluster, "2026-05-14")
    keep.append(model)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 22
    assert cells(model, RosterModel.NAME)[:3] == ["Dr Rhian Evans", "Dr Owen Price", "Siân Morgan"]
    assert cells(model, RosterModel.SEAT)[0] == "Cluster Lead (Chair)"
    assert cells(model, RosterModel.ROLE)[7] == "Deputy"
    assert cells(model, RosterModel.SEAT)[-1] == "In attendance"
    model.set_date("2024-12-31")
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0


def test_roster_editor_add_change_and_take_off(qtbot, record, cluster, warnings_shown, monkeypatch):
    editor = RosterEditor(record, cluster, "2026-01-01")
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.roster_changed):
        key = editor.save_new(RosterEntry("", "Eleri Thomas", "member", "nursing"))
    assert key == "eleri-thomas" and editor.model.rowCount() == 1
    # A second nurse is refused by the terms, with why.
    assert editor.save_new(RosterEntry("", "Nia Nurse", "member", "nursing")) is None
    assert "at most 1 at once" in warnings_shown[-1]
    # Change from a later day: the earlier day keeps the old details.
    editor.date.setDate(QDate(2026, 4, 1))
    assert editor.save_change(
        RosterEntry(key, "Eleri Thomas", "member", "nursing", email="eleri@wales.nhs.uk")
    )
    assert cells(editor.model, RosterModel.EMAIL) == ["eleri@wales.nhs.uk"]
    assert cells(editor.model, RosterModel.SINCE) == ["1 Apr 2026"]
    editor.date.setDate(QDate(2026, 3, 31))
    assert cells(editor.model, RosterModel.EMAIL) == [""]
    # Take off from 1 June, confirmed.
    editor.date.setDate(QDate(2026, 6, 1))
    editor.view.selectRow(0)
    assert editor.end_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.end_person()
    assert editor.model.rowCount() == 0
    assert [e.name for e in cl.roster_on(record, cluster, "2026-05-31")] == ["Eleri Thomas"]


def test_person_dialog_checks_against_the_terms(qtbot, record, cluster):
    terms = cl.terms_object_in_force(record, cluster, "2026-01-01")
    dialog = PersonDialog(terms)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Alun Hughes")
    dialog.role.setCurrentIndex(dialog.role.findData("deputy"))
    dialog.seat.setCurrentIndex(dialog.seat.findData("pharmacy"))
    qtbot.keyClicks(dialog.email, "alun at example")
    dialog.try_accept()
    assert "not an email address" in dialog.problem.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.email.setText("alun@example.org")
    dialog.try_accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.entry().seat == "pharmacy" and dialog.entry().role == "deputy"
    dialog.role.setCurrentIndex(dialog.role.findData("attendee"))
    assert dialog.seat.isHidden() and not dialog.kind.isHidden()
    assert dialog.entry().seat is None and dialog.entry().kind == "in-attendance"


def test_csv_import_shows_errors_by_row_before_saving(qtbot, record, cluster):
    editor = RosterEditor(record, cluster, "2026-01-01")
    qtbot.addWidget(editor)
    data = (
        b"name,role,seat,email\nDr Rhian Evans,member,cluster-lead,r@wales.nhs.uk\n"
        b"Bob,member,gp-9,bob\n,deputy,pharmacy,\nCarys Miles,member,"
        b"cluster-development-manager,\n"
    )
    preview = editor.preview_import(data, "/somewhere/roster.csv")
    qtbot.addWidget(preview)
    table = preview.problems
    rows = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    assert [r[:2] for r in rows] == [("3", "seat"), ("3", "email"), ("4", "name")]
    assert rows[0][2].startswith("no seat 'gp-9'")
    assert "Rows with problems: 2" in preview.problems_label.text()
    assert "roster.csv: people who can be imported: 2" in preview.summary.text()
    assert preview.import_button.text() == "Import the 2 good rows"
    # Nothing is saved until the user confirms.
    assert cl.roster_history(record, cluster) == []
    assert editor.import_entries(preview.entries, preview.end_missing.isChecked())
    assert cells(editor.model, RosterModel.NAME) == ["Dr Rhian Evans", "Carys Miles"]


def test_csv_import_of_a_file_that_is_not_text(qtbot, record, cluster):
    editor = RosterEditor(record, cluster, "2026-01-01")
    qtbot.addWidget(editor)
    preview = editor.preview_import(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.png")
    qtbot.addWidget(preview)
    assert preview.entries == []
    assert preview.problems_label.text() == "The file cannot be used:"
    assert "not a text file" in preview.problems.item(0, 2).text()
    assert preview.import_button.isHidden()


def test_csv_import_in_windows_1252_says_so(qtbot, record, cluster):
    editor = RosterEditor(record, cluster, "2026-01-01")
    qtbot.addWidget(editor)
    data = "name,role,seat\nSiân Morgan,member,gp-1\n".encode("cp1252")
    preview = editor.preview_import(data, "roster.csv")
    qtbot.addWidget(preview)
    assert preview.entries[0].name == "Siân Morgan"
    assert "read as Windows-1252" in preview.summary.text()


def test_roster_editor_without_terms_explains(qtbot, record, warnings_shown):
    cid = cl.create_cluster(record, "No Terms Cluster")
    editor = RosterEditor(record, cid, "2026-01-01")
    qtbot.addWidget(editor)
    assert "No terms of reference are in force" in editor.terms_label.text()
    assert not editor.add_button.isEnabled() and not editor.import_button.isEnabled()
    assert editor.preview_import(b"name,role\nA,attendee\n", "x.csv") is None


def test_new_cluster_roster_imported_from_csv_then_meeting(qtbot, record, monkeypatch):
    """The whole first-run path: a new cluster, its roster from a CSV file (through
    the file dialog and the preview), then the meeting with those people."""
    from PySide6.QtWidgets import QFileDialog

    from secretary.ui.roster_editor import ImportPreview

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(ROSTER_CSV), "CSV files (*.csv)")
    )
    previews = []

    def accept_preview(self):
        previews.append(self)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreview, "exec", accept_preview)
    monkeypatch.setattr(RosterEditor, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog = NewMeetingDialog(record)
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2026, 5, 14))
    dialog.cluster_name.setText("Upper Valleys Primary Care Cluster")
    dialog.health_board.setText("Swansea Bay University Health Board")
    assert "A new cluster has no roster yet" in dialog.roster_note.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert previews and previews[0].errors == [] and len(previews[0].entries) == 22
    (c,) = cl.list_clusters(record)
    assert dialog.cluster.currentData() == c.id and dialog.cluster_name.isHidden()
    assert "members: 17, deputies: 1, in attendance: 4" in dialog.roster_note.text()
    dialog.title.setText("Upper Valleys Cluster Meeting")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.meeting_id is not None, dialog.problem.text()
    m = LiveMeeting(record, dialog.meeting_id).meeting
    assert len(m.people) == 22 and m.items["1"].reference == "UVC/26/01"
    assert [e.effective_from for e in cl.terms_versions(record, c.id)] == ["2026-05-14"]


def test_new_meeting_in_the_window_carries_actions_and_outside_decisions(qtbot, record):
    """New meeting (the window's) is the same operation as `secretary new-meeting`:
    the last meeting's open actions are carried onto matters arising and a decision
    taken outside meetings since is on the agenda for ratification."""
    from secretary.store import series as sr
    from secretary.store.series import load_meeting

    year = build_year(record, upto=4)
    sr.record_outside_decision(
        record, year.key, decided_on="2026-12-03", kind="remote", title="Winter vaccination bus"
    )
    start = StartDialog(record, today=dt.date(2026, 12, 20))
    qtbot.addWidget(start)
    start.select_meeting(year.meetings[-1])
    dialog = start.new_meeting_dialog()
    qtbot.addWidget(dialog)
    assert dialog.cluster_id() == year.cluster_id
    dialog.date.setDate(QDate(2027, 1, 14))
    qtbot.keyClicks(dialog.title, "Upper Valleys Cluster Meeting")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.problem.text()
    assert dialog.created is not None and dialog.created.meeting_id == dialog.meeting_id
    meeting = load_meeting(record, dialog.meeting_id)
    carried = {a.id for a in meeting.actions.values() if a.carried_from}
    assert "A3" in carried and dialog.created.carried_actions == len(carried)
    ratification = [i for i in meeting.items.values() if i.standing == "ratification"]
    assert len(ratification) == 1 and dialog.created.outside_decisions == 1
    arising = next(i for i in meeting.agenda if meeting.items[i].standing == "matters-arising")
    assert meeting.agenda[meeting.agenda.index(arising) + 1] == ratification[0].id


def test_new_meeting_after_one_of_a_series_with_no_cluster(qtbot, keep, qtmodeltester, tmp_path):
    """The demonstration's meeting (stored as `secretary replay --db` stores them) has
    no cluster: New meeting offers to follow it with its terms and people, as
    `secretary new-meeting --after` does, instead of asking for a cluster."""
    from secretary.demo import create_demo_record
    from secretary.store.series import load_meeting

    record, before = create_demo_record(tmp_path / "demo.sqlite")
    try:
        assert record.meeting_row(before).cluster_id is None
        start = StartDialog(record, today=dt.date(2026, 6, 1))
        qtbot.addWidget(start)
        start.select_meeting(before)
        dialog = start.new_meeting_dialog()
        qtbot.addWidget(dialog)
        assert dialog.following() == before and dialog.cluster_id() is None
        assert dialog.cluster_name.isHidden() and not dialog.edit_roster_button.isEnabled()
        assert not dialog.terms.isEnabled() and "as at the meeting before" in (
            dialog.terms.currentText()
        )
        assert "This series has no cluster, so no roster to edit" in dialog.roster_note.text()
        shown = dialog.roster_view.model()
        keep.append(dialog)
        qtmodeltester.check(shown)
        names = {shown.index(r, 0).data() for r in range(shown.rowCount())}
        assert f"members: {shown.counts()['member']}," in dialog.roster_note.text()
        previous = record.meeting_row(before)
        assert dialog.title.text() == previous.title  # the series', to change
        dialog.date.setDate(QDate(2026, 6, 11))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.problem.text()
        new = record.meeting_row(dialog.meeting_id)
        assert new.cluster_id is None and new.terms_id == previous.terms_id
        assert new.date == "2026-06-11" and new.venue == previous.venue
        old, meeting = load_meeting(record, before), load_meeting(record, dialog.meeting_id)
        assert {p.name for p in meeting.people.values()} == names  # as the dialog showed
        assert names >= {p.name for p in old.people.values() if p.role == "member"}
        open_before = {a.id for a in old.actions.values() if a.status != "complete"}
        carried = {a.id for a in meeting.actions.values() if a.carried_from}
        assert carried and carried <= open_before
        assert dialog.created is not None and dialog.created.carried_actions == len(carried)
    finally:
        record.close()


def test_new_meeting_can_still_start_a_cluster_instead(qtbot, tmp_path):
    from secretary.demo import create_demo_record

    record, before = create_demo_record(tmp_path / "demo.sqlite")
    try:
        dialog = NewMeetingDialog(record, after=before)
        qtbot.addWidget(dialog)
        dialog.cluster.setCurrentIndex(dialog.cluster.findData(-1))  # New cluster…
        assert dialog.following() is None and not dialog.cluster_name.isHidden()
        assert dialog.terms.isEnabled() and dialog.edit_roster_button.isEnabled()
        assert "no roster yet" in dialog.roster_note.text()
    finally:
        record.close()
