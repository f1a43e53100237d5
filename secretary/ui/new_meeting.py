"""The "New meeting" dialog: when and where, the cluster, its terms, its roster.

The cluster is an existing one or a new one (name and Health Board). The terms
of reference are those in force for the cluster on the meeting date, a bundled
terms, or a file (checked at once; every problem listed). Choosing other terms
than those in force puts them in force for the cluster from the meeting date.
The roster shown is the cluster's roster in force on the meeting date; "Edit
roster…" and "Import CSV…" change it (saving a new cluster first). OK creates
the meeting with ``app.next_meeting.create_meeting`` (as ``secretary new-meeting``
does): the roster becomes the meeting's people, the standing items and the items
typed here its agenda, with the open actions of earlier meetings carried onto
matters arising and the decisions taken outside meetings awaiting ratification or
noting listed after it.

One module (over 400 lines): the dialog's parts (date, cluster, terms, roster, agenda)
check one another before the one operation creates the meeting.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt, QTime, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from secretary.app import clusters as app_clusters
from secretary.app.next_meeting import NewMeeting, create_meeting, people_following
from secretary.domain.events import EventError
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import (
    Terms,
    TermsError,
    bundled_terms_ids,
    parse_terms_text,
    read_terms_source,
)
from secretary.store import Record, RecordError
from secretary.store import clusters as cl
from secretary.store.clusters import ClusterError
from secretary.store.series import SeriesError
from secretary.ui.roster_editor import (
    DATE_FORMAT,
    DISPLAY,
    Index,
    RosterEditor,
    RosterModel,
    fit_to_screen,
    iso,
    long_date,
    role_label,
)

NEW_CLUSTER = -1
FOLLOW = -2  # the series of the meeting chosen before, which has no cluster
IN_FORCE = "__in_force__"
FROM_FILE = "__file__"
_AMOUNT = re.compile(r"\s*[;,]?\s*£\s*([0-9][0-9,]*(?:\.[0-9]{1,2})?)\s*$")


class PeopleFollowingModel(QAbstractTableModel):
    """The people a meeting following one of a cluster-less series takes (read only:
    the series has no roster to edit), as ``app.next_meeting.people_following`` lists
    them."""

    NAME, ROLE, SEAT = range(3)

    def __init__(self, record: Record, after: int, parent: Any = None):
        super().__init__(parent)
        self.terms, self.people = people_following(record, after)
        self._headers = [self.tr("Name"), self.tr("Role"), self.tr("Seat / kind")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == DISPLAY and horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.people):
            return None
        if role not in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        p = self.people[index.row()]
        col = index.column()
        if col == self.NAME:
            return p.name
        if col == self.ROLE:
            return role_label(p.role)
        if col == self.SEAT:
            if p.seat and self.terms.has_seat(p.seat):
                return str(self.terms.seat(p.seat).name)
            kind = next((k for k in self.terms.attendee_kinds if k.id == p.kind), None)
            return str(kind.name) if kind is not None else (p.seat or p.kind)
        return None

    def counts(self) -> dict[str, int]:
        return {r: sum(1 for p in self.people if p.role == r) for r in ROLES}


ROLES = ("member", "deputy", "attendee")


def parse_agenda_lines(text: str) -> list[dict[str, Any]]:
    """Agenda items typed one a line; a line ending in an amount ("… £18,500") is a
    financial item with that amount."""
    items: list[dict[str, Any]] = []
    for line in text.splitlines():
        title = " ".join(line.split())
        if not title:
            continue
        m = _AMOUNT.search(title)
        if m:
            amount = float(m.group(1).replace(",", ""))
            title = title[: m.start()].strip(" -–;,")
            items.append({"title": title or line.strip(), "financial": True, "amount": amount})
        else:
            items.append({"title": title})
    return items


class NewMeetingDialog(QDialog):
    """Creates a meeting; ``meeting_id`` is set when accepted."""

    def __init__(
        self,
        record: Record,
        parent: QWidget | None = None,
        cluster_id: int | None = None,
        after: int | None = None,
    ):
        """``after``: the meeting chosen in the list, when its series has no cluster (as
        ``secretary replay --db`` and the demonstration store meetings): the new one
        can follow it with its terms and people, as ``secretary new-meeting --after``."""
        super().__init__(parent)
        self.record = record
        self.after = after
        # The meeting followed (read once) and, once shown, the people it passes on.
        self.before = record.meeting_row(after) if after is not None else None
        self.people_following: PeopleFollowingModel | None = None
        self.meeting_id: int | None = None
        self.created: NewMeeting | None = None  # what the meeting carried, once created
        self.file_terms: tuple[str, str] | None = None  # (id, text) read from a file
        self.setWindowTitle(self.tr("New meeting"))

        # -- when and where
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Upper Valleys Cluster Meeting"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(DATE_FORMAT)
        self.start = QTimeEdit(QTime(13, 0))
        self.start.setDisplayFormat("HH:mm")
        self.venue = QLineEdit()
        when = QHBoxLayout()
        when.addWidget(self.date)
        start_label = QLabel(self.tr("&Start"))
        start_label.setBuddy(self.start)
        when.addWidget(start_label)
        when.addWidget(self.start)
        when.addStretch(1)
        meeting_box = QGroupBox(self.tr("Meeting"))
        form = QFormLayout(meeting_box)
        form.addRow(self.tr("&Title"), self.title)
        date_label = QLabel(self.tr("&Date"))
        date_label.setBuddy(self.date)
        form.addRow(date_label, when)
        form.addRow(self.tr("&Venue"), self.venue)

        # -- cluster and terms
        self.cluster = QComboBox()
        self.cluster_name = QLineEdit()
        self.cluster_name.setPlaceholderText(self.tr("e.g. Upper Valleys Primary Care Cluster"))
        self.health_board = QLineEdit()
        self.health_board.setPlaceholderText(self.tr("e.g. Swansea Bay University Health Board"))
        self.terms = QComboBox()
        self.terms_note = QLabel()
        self.terms_note.setWordWrap(True)
        cluster_box = QGroupBox(self.tr("Cluster and terms of reference"))
        cform = QFormLayout(cluster_box)
        cform.addRow(self.tr("&Cluster"), self.cluster)
        self.name_label = QLabel(self.tr("&Name"))
        self.name_label.setBuddy(self.cluster_name)
        self.hb_label = QLabel(self.tr("&Health Board"))
        self.hb_label.setBuddy(self.health_board)
        cform.addRow(self.name_label, self.cluster_name)
        cform.addRow(self.hb_label, self.health_board)
        cform.addRow(self.tr("Terms of &reference"), self.terms)
        cform.addRow("", self.terms_note)

        # -- roster
        roster_box = QGroupBox(self.tr("Roster"))
        self.roster_note = QLabel()
        self.roster_note.setWordWrap(True)
        self.roster_view = QTableView()
        self.roster_view.verticalHeader().setVisible(False)
        self.roster_view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.roster_view.horizontalHeader().setStretchLastSection(True)
        self.roster_view.setMinimumHeight(150)
        self.roster_model: RosterModel | None = None
        self.edit_roster_button = QPushButton(self.tr("&Edit roster…"))
        self.import_button = QPushButton(self.tr("&Import CSV…"))
        self.edit_roster_button.clicked.connect(self.edit_roster)
        self.import_button.clicked.connect(self.import_roster)
        rbuttons = QHBoxLayout()
        rbuttons.addWidget(self.edit_roster_button)
        rbuttons.addWidget(self.import_button)
        rbuttons.addStretch(1)
        rlayout = QVBoxLayout(roster_box)
        rlayout.addWidget(self.roster_note)
        rlayout.addWidget(self.roster_view, 1)
        rlayout.addLayout(rbuttons)

        # -- agenda
        agenda_box = QGroupBox(self.tr("Agenda"))
        self.agenda = QPlainTextEdit()
        self.agenda.setPlaceholderText(
            self.tr(
                "One item a line; a line ending in an amount is a financial item:\n"
                "Social prescriber extension £18,500"
            )
        )
        self.agenda.setFixedHeight(80)
        alayout = QVBoxLayout(agenda_box)
        standing_note = QLabel(
            self.tr(
                "Apologies, declarations of interest, minutes of the previous meeting, matters "
                "arising and any other business are added for you."
            )
        )
        standing_note.setWordWrap(True)
        alayout.addWidget(standing_note)
        alayout.addWidget(self.agenda)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create the meeting"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(meeting_box)
        left.addWidget(cluster_box)
        left.addWidget(agenda_box)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(roster_box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        self.fill_clusters(cluster_id)
        self.cluster.currentIndexChanged.connect(self.on_cluster_changed)
        self.date.dateChanged.connect(self.on_cluster_changed)
        self.terms.activated.connect(self.on_terms_activated)
        self.terms.currentIndexChanged.connect(self.update_terms_note)
        self.on_cluster_changed()
        fit_to_screen(self, 1100, 640)

    # ------------------------------------------------------------------ reading

    @property
    def on_date(self) -> str:
        return iso(self.date.date())

    def cluster_id(self) -> int | None:
        data = self.cluster.currentData()
        return None if data in (None, NEW_CLUSTER, FOLLOW) else int(data)

    def following(self) -> int | None:
        """The meeting the new one follows in its cluster-less series, when chosen."""
        return self.after if self.cluster.currentData() == FOLLOW else None

    def fill_clusters(self, select: int | None = None) -> None:
        self.cluster.blockSignals(True)
        self.cluster.clear()
        before = self.before
        if before is not None:
            self.cluster.addItem(
                self.tr("As the meeting of {date}: its terms and people").format(
                    date=long_date(before.date) if before.date else before.title
                ),
                FOLLOW,
            )
            if not self.title.text():  # the series' title, start and venue, to change
                self.title.setText(before.title)
                if before.start:
                    self.start.setTime(QTime.fromString(before.start, "HH:mm"))
                self.venue.setText(before.venue)
        for c in cl.list_clusters(self.record):
            self.cluster.addItem(c.name, c.id)
        self.cluster.addItem(self.tr("New cluster…"), NEW_CLUSTER)
        index = self.cluster.findData(select) if select is not None else 0
        self.cluster.setCurrentIndex(max(index, 0))
        self.cluster.blockSignals(False)

    def in_force(self) -> tuple[str, str] | None:
        if self.following() is not None and self.before is not None:
            return self.before.terms_id, self.before.terms_text
        cid = self.cluster_id()
        if cid is None:
            return None
        try:
            return cl.terms_in_force(self.record, cid, self.on_date)
        except ClusterError:
            return None

    def fill_terms(self) -> None:
        keep = self.terms.currentData()
        self.terms.blockSignals(True)
        self.terms.clear()
        if self.following() is not None and self.before is not None:  # as it was recorded
            self.terms.addItem(
                self.tr("{id} (as at the meeting before)").format(id=self.before.terms_id),
                IN_FORCE,
            )
            self.terms.blockSignals(False)
            return
        current = self.in_force()
        if current is not None:
            self.terms.addItem(
                self.tr("{id} (in force on that date)").format(id=current[0]), IN_FORCE
            )
        for tid in bundled_terms_ids():
            self.terms.addItem(tid, tid)
        if self.file_terms is not None:
            self.terms.addItem(
                self.tr("{id} (from a file)").format(id=self.file_terms[0]), "__loaded__"
            )
        self.terms.addItem(self.tr("From a file…"), FROM_FILE)
        index = self.terms.findData(keep) if keep not in (None, FROM_FILE) else -1
        if index < 0:
            index = self.terms.findData("__loaded__") if self.file_terms else -1
        if index < 0 and current is None:
            index = self.terms.findData("sbuhb-upper-valleys-2021")
        self.terms.setCurrentIndex(max(index, 0))
        self.terms.blockSignals(False)

    def chosen_terms(self) -> tuple[str, str] | None:
        """(terms id, text) chosen, or None to keep those in force."""
        data = self.terms.currentData()
        if data == IN_FORCE:
            return None
        if data == "__loaded__" and self.file_terms is not None:
            return self.file_terms
        if data in (None, FROM_FILE):
            return None
        text, _source = read_terms_source(str(data))
        return str(data), text

    def terms_object(self) -> Terms | None:
        chosen = self.chosen_terms()
        pair = chosen or self.in_force()
        if pair is None:
            return None
        try:
            return parse_terms_text(pair[1], pair[0])
        except TermsError:
            return None

    # ------------------------------------------------------------------ reacting

    @Slot()
    def on_cluster_changed(self) -> None:
        new = self.cluster.currentData() in (None, NEW_CLUSTER)
        for w in (self.cluster_name, self.health_board, self.name_label, self.hb_label):
            w.setVisible(new)
        follows = self.following() is not None
        for button in (self.terms, self.edit_roster_button, self.import_button):
            button.setEnabled(not follows)
        self.fill_terms()
        self.update_terms_note()
        self.refresh_roster()

    @Slot()
    def update_terms_note(self) -> None:
        chosen = self.chosen_terms()
        current = self.in_force()
        if chosen is not None and current is not None and chosen[1] != current[1]:
            self.terms_note.setText(
                self.tr(
                    "These terms will be in force for the cluster from {date}; meetings before "
                    "then keep {old}."
                ).format(date=long_date(self.on_date), old=current[0])
            )
        elif chosen is not None and current is None and self.cluster_id() is not None:
            self.terms_note.setText(
                self.tr("These terms will be in force for the cluster from {date}.").format(
                    date=long_date(self.on_date)
                )
            )
        else:
            self.terms_note.setText("")
        self.terms_note.setVisible(bool(self.terms_note.text()))

    @Slot(int)
    def on_terms_activated(self, index: int) -> None:
        if self.terms.itemData(index) == FROM_FILE:
            path, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Terms of reference"),
                "",
                self.tr("Terms of reference (*.toml);;All files (*)"),
            )
            if path:
                self.load_terms_file(path)
            else:
                self.fill_terms()
        self.update_terms_note()
        self.refresh_roster()

    def load_terms_file(self, path: str) -> bool:
        """Read and check a terms file; on problems list them all and keep the
        previous choice."""
        try:
            data = Path(path).read_bytes()
            text = data.decode("utf-8-sig")
            terms = parse_terms_text(text, Path(path).name)
        except OSError as exc:
            self.show_problem(
                self.tr("{file}: cannot be read: {why}").format(file=path, why=exc.strerror)
            )
        except UnicodeDecodeError:
            self.show_problem(
                self.tr(
                    "{file}: not a text file (a terms of reference is a UTF-8 TOML file)"
                ).format(file=Path(path).name)
            )
        except TermsError as exc:
            lines = "\n".join(f"• {p}" for p in exc.problems)
            self.show_problem(
                self.tr("{file} cannot be used as terms of reference:\n{problems}").format(
                    file=Path(path).name, problems=lines
                )
            )
        else:
            self.file_terms = (terms.id, text)
            self.problem.setText("")
            self.terms.blockSignals(True)
            self.terms.setCurrentIndex(-1)
            self.terms.blockSignals(False)
            self.fill_terms()
            self.terms.setCurrentIndex(self.terms.findData("__loaded__"))
            self.update_terms_note()
            return True
        self.fill_terms()
        return False

    def refresh_roster(self) -> None:
        cid = self.cluster_id()
        if self.following() is not None:
            assert self.after is not None
            self.roster_model = None
            if self.people_following is None:  # the meeting before played once, not per date
                self.people_following = PeopleFollowingModel(self.record, self.after, self)
            people = self.people_following
            self.roster_view.setModel(people)
            header = self.roster_view.horizontalHeader()
            for col in (PeopleFollowingModel.NAME, PeopleFollowingModel.ROLE):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(PeopleFollowingModel.SEAT, QHeaderView.ResizeMode.Stretch)
            self.roster_view.setWordWrap(False)  # one line a person, as the roster's
            self.roster_view.verticalHeader().setDefaultSectionSize(
                self.roster_view.fontMetrics().height() + 8
            )
            counts = people.counts()
            self.roster_note.setText(
                self.tr(
                    "The new meeting takes the people of the meeting before, with their seats, "
                    "as they were recorded there — members: {members}, deputies: {deputies}, "
                    "in attendance: {others}. This series has no cluster, so no roster to "
                    "edit: people can be added in the meeting (Add person…)."
                ).format(
                    members=counts["member"],
                    deputies=counts["deputy"],
                    others=counts["attendee"],
                )
            )
            return
        if cid is None:
            self.roster_view.setModel(None)
            self.roster_model = None
            self.roster_note.setText(
                self.tr(
                    "A new cluster has no roster yet. Edit roster… or Import CSV… saves the "
                    "cluster and lets you add its people."
                )
            )
            return
        if self.roster_model is None or self.roster_model.cluster_id != cid:
            self.roster_model = RosterModel(self.record, cid, self.on_date, self)
            self.roster_view.setModel(self.roster_model)
        else:
            self.roster_model.set_date(self.on_date)
        for col in (RosterModel.EMAIL, RosterModel.ORGANISATION, RosterModel.SINCE):
            self.roster_view.setColumnHidden(col, True)
        header = self.roster_view.horizontalHeader()
        header.setStretchLastSection(False)
        for col in (RosterModel.NAME, RosterModel.ROLE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RosterModel.SEAT, QHeaderView.ResizeMode.Stretch)
        self.roster_view.setWordWrap(False)
        self.roster_view.verticalHeader().setDefaultSectionSize(
            self.roster_view.fontMetrics().height() + 8
        )
        entries = self.roster_model.entries()
        counts = {
            r: sum(1 for e in entries if e.role == r) for r in ("member", "deputy", "attendee")
        }
        if not entries:
            self.roster_note.setText(
                self.tr(
                    "No one is on the roster on {date}. Edit roster… or Import CSV… to add people."
                ).format(date=long_date(self.on_date))
            )
        else:
            self.roster_note.setText(
                self.tr(
                    "On the roster on {date} — members: {members}, deputies: {deputies}, in "
                    "attendance: {others}. They will be listed in the meeting."
                ).format(
                    date=long_date(self.on_date),
                    members=counts["member"],
                    deputies=counts["deputy"],
                    others=counts["attendee"],
                )
            )

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    # ------------------------------------------------------------------ saving

    def ensure_cluster(self) -> int | None:
        """The chosen cluster, saving a new one (and the chosen terms) first."""
        cid = self.cluster_id()
        try:
            if cid is None:
                chosen = self.chosen_terms()
                if chosen is None:
                    self.show_problem(self.tr("Choose the terms of reference of the new cluster."))
                    return None
                cid = app_clusters.create_cluster(
                    self.record, self.cluster_name.text(), self.health_board.text()
                )
                app_clusters.set_terms(self.record, cid, chosen[0], chosen[1], self.on_date)
                self.fill_clusters(cid)
                self.on_cluster_changed()
                return cid
            chosen = self.chosen_terms()
            current = self.in_force()
            if chosen is not None and (current is None or chosen[1] != current[1]):
                app_clusters.set_terms(self.record, cid, chosen[0], chosen[1], self.on_date)
                self.terms.blockSignals(True)
                self.terms.setCurrentIndex(-1)
                self.terms.blockSignals(False)
                self.fill_terms()
                self.terms.setCurrentIndex(self.terms.findData(IN_FORCE))
                self.update_terms_note()
        except (ClusterError, RecordError) as exc:
            self.show_problem(str(exc))
            return None
        return cid

    def roster_editor(self) -> RosterEditor | None:
        cid = self.ensure_cluster()
        if cid is None:
            return None
        editor = RosterEditor(self.record, cid, self.on_date, self)
        editor.roster_changed.connect(self.refresh_roster)
        return editor

    @Slot()
    def edit_roster(self) -> None:
        editor = self.roster_editor()
        if editor is not None:
            editor.exec()
            self.refresh_roster()

    @Slot()
    def import_roster(self) -> None:
        editor = self.roster_editor()
        if editor is not None:
            editor.choose_csv()
            editor.exec()
            self.refresh_roster()

    def info(self) -> MeetingInfo:
        return MeetingInfo(
            title=" ".join(self.title.text().split()),
            date=self.on_date,
            start=self.start.time().toString("HH:mm"),
            venue=" ".join(self.venue.text().split()),
        )

    @Slot()
    def create(self) -> None:  # type: ignore[override]  # not QWidget.create: the button's slot
        info = self.info()
        if not info.title:
            self.show_problem(self.tr("Give the meeting a title."))
            self.title.setFocus()
            return
        follows = self.following()
        cid = None if follows is not None else self.ensure_cluster()
        if cid is None and follows is None:
            return
        try:
            # The same operation as ``secretary new-meeting``: open actions carried,
            # outside decisions awaiting ratification or noting on the agenda.
            self.created = create_meeting(
                self.record,
                info,
                cluster_id=cid,
                after=follows,
                items=parse_agenda_lines(self.agenda.toPlainText()),
            )
        except (ClusterError, SeriesError, EventError, RecordError) as exc:
            self.show_problem(str(exc))
            return
        self.meeting_id = self.created.meeting_id
        self.accept()


def new_meeting(parent: QWidget | None, record: Record) -> int | None:
    """Show the dialog; the new meeting's id, or None if cancelled."""
    dialog = NewMeetingDialog(record, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.meeting_id
    return None
