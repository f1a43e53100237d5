"""Editing a cluster's roster: who holds which seat, deputies, people in attendance.

The roster is kept by date in the record (``secretary.store.clusters``): the
editor shows the roster in force on a chosen day, and every change (add, edit,
take off) is saved at once, taking effect from that day; earlier days keep the
roster they had. "Import CSV…" reads a file (``docs/roster-csv.md``), lists
every problem by row before anything is saved, and saves the good rows only
after the user confirms.

One module (over 400 lines): the roster's table model, the person dialog and the CSV
import preview serve the one editor and change with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from secretary.app import clusters as app_clusters
from secretary.domain.roster import (
    RosterCsvError,
    RosterEntry,
    RowError,
    check_entry,
    decode_csv,
    parse_roster_csv,
)
from secretary.domain.terms import Terms, TermsError
from secretary.i18n import plural
from secretary.store import Record, RecordError
from secretary.store import clusters as cl
from secretary.store.clusters import ClusterError, RosterVersion

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
KEY_ROLE = Qt.ItemDataRole.UserRole
DATE_FORMAT = "d MMM yyyy"


def tr(text: str) -> str:
    return QCoreApplication.translate("roster_editor", text)


def role_label(role: str) -> str:
    return {
        "member": tr("Member"),
        "deputy": tr("Deputy"),
        "attendee": tr("Attendee"),
    }.get(role, role)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height``, but never beyond 90% of the screen's
    available area (small laptops at 125%/150% scaling)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width = min(width, int(area.width() * 0.9))
        height = min(height, int(area.height() * 0.9))
    widget.resize(width, height)


def iso(date: QDate) -> str:
    return date.toString("yyyy-MM-dd")


def qdate(value: str) -> QDate:
    return QDate.fromString(value, "yyyy-MM-dd")


def long_date(value: str) -> str:
    d = qdate(value)  # month names in the window's language ("14 Mai 2026")
    return QLocale().toString(d, DATE_FORMAT) if d.isValid() else value


class RosterModel(QAbstractTableModel):
    """The roster of one cluster in force on one day, read from the record.

    Holds no data of its own beyond the rows last read; ``refresh`` re-reads
    them (after a change, or when the day changes).
    """

    NAME, ROLE, SEAT, EMAIL, ORGANISATION, SINCE = range(6)

    def __init__(self, record: Record, cluster_id: int, on_date: str, parent: Any = None):
        super().__init__(parent)
        self.record = record
        self.cluster_id = cluster_id
        self.on_date = on_date
        self.terms: Terms | None = None
        self._rows: list[RosterVersion] = []
        self.refresh()

    def headers(self) -> list[str]:
        return [
            tr("Name"),
            tr("Role"),
            tr("Seat / kind"),
            tr("Email"),
            tr("Organisation"),
            tr("On the roster since"),
        ]

    @Slot()
    def refresh(self) -> None:
        try:
            self.terms = cl.terms_object_in_force(self.record, self.cluster_id, self.on_date)
        except (ClusterError, TermsError):
            self.terms = None
        versions = [
            v for v in cl.roster_history(self.record, self.cluster_id) if v.in_force(self.on_date)
        ]
        order = {
            e.key: i for i, e in enumerate(cl.sort_roster([v.entry for v in versions], self.terms))
        }
        self.beginResetModel()
        self._rows = sorted(versions, key=lambda v: order[v.entry.key])
        self.endResetModel()

    def set_date(self, on_date: str) -> None:
        self.on_date = on_date
        self.refresh()

    def entries(self) -> list[RosterEntry]:
        return [v.entry for v in self._rows]

    def version(self, row: int) -> RosterVersion | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int:
        return next((r for r, v in enumerate(self._rows) if v.entry.key == key), -1)

    # Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def seat_text(self, entry: RosterEntry) -> str:
        if entry.role == "attendee":
            if self.terms is not None:
                for k in self.terms.attendee_kinds:
                    if k.id == entry.kind:
                        return str(k.name)
            return entry.kind
        if entry.seat and self.terms is not None and self.terms.has_seat(entry.seat):
            return str(self.terms.seat(entry.seat).name)
        return entry.seat or ""

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        v = self._rows[index.row()]
        e = v.entry
        col = index.column()
        if role == KEY_ROLE:
            return e.key
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            if col == self.NAME:
                return e.name
            if col == self.ROLE:
                return role_label(e.role)
            if col == self.SEAT:
                return self.seat_text(e)
            if col == self.EMAIL:
                return e.email
            if col == self.ORGANISATION:
                return e.organisation
            if col == self.SINCE:
                return long_date(v.effective_from)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class PersonDialog(QDialog):
    """Add or change one person: name, role, seat (from the terms) or kind, email,
    organisation. The entry is checked against the terms before OK is accepted."""

    def __init__(
        self, terms: Terms, entry: RosterEntry | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.terms = terms
        self.key = entry.key if entry else ""
        self.setWindowTitle(self.tr("Change a person") if entry else self.tr("Add a person"))
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in ("member", "deputy", "attendee"):
            self.role.addItem(role_label(role), role)
        self.seat = QComboBox()
        for s in terms.seats:
            self.seat.addItem(str(s.name), s.id)
        self.kind = QComboBox()
        for k in terms.attendee_kinds:
            self.kind.addItem(str(k.name), k.id)
        self.email = QLineEdit()
        self.organisation = QLineEdit()
        # For QAIF (terms 2.2): who came for a GP practice, and whether the health
        # board agreed a substitute.
        self.profession = QComboBox()
        for code, label in (
            ("", self.tr("not said")),
            ("gp", self.tr("GP")),
            ("clinician", self.tr("Other clinician")),
            ("practice-manager", self.tr("Practice Manager")),
            ("administrator", self.tr("Administrator")),
            ("other", self.tr("Other")),
        ):
            self.profession.addItem(label, code)
        self.substitute_agreed = QCheckBox(
            self.tr("The health board has &agreed they represent the practice")
        )
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        form = self.form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("&Seat"), self.seat)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Email"), self.email)
        form.addRow(self.tr("&Organisation"), self.organisation)
        form.addRow(self.tr("&Profession"), self.profession)
        form.addRow("", self.substitute_agreed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.role.currentIndexChanged.connect(self.on_role_changed)
        if entry is not None:
            self.name.setText(entry.name)
            self.role.setCurrentIndex(max(0, self.role.findData(entry.role)))
            if entry.seat:
                self.seat.setCurrentIndex(max(0, self.seat.findData(entry.seat)))
            if entry.kind:
                self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
            self.email.setText(entry.email)
            self.organisation.setText(entry.organisation)
            self.profession.setCurrentIndex(max(0, self.profession.findData(entry.profession)))
            self.substitute_agreed.setChecked(entry.substitute_agreed)
        self.on_role_changed()
        self.setMinimumWidth(460)

    @Slot()
    def on_role_changed(self) -> None:
        attendee = self.role.currentData() == "attendee"
        self.form.setRowVisible(self.seat, not attendee)
        self.form.setRowVisible(self.kind, attendee and self.kind.count() > 0)
        self.form.setRowVisible(self.profession, not attendee)
        self.form.setRowVisible(self.substitute_agreed, not attendee)

    def entry(self) -> RosterEntry:
        role = str(self.role.currentData())
        return RosterEntry(
            key=self.key or "new",
            name=" ".join(self.name.text().split()),
            role=role,
            seat=None if role == "attendee" else self.seat.currentData(),
            kind=(self.kind.currentData() or "") if role == "attendee" else "",
            email=self.email.text().strip(),
            organisation=self.organisation.text().strip(),
            profession=str(self.profession.currentData() or "") if role != "attendee" else "",
            substitute_agreed=role != "attendee" and self.substitute_agreed.isChecked(),
        )

    @Slot()
    def try_accept(self) -> None:
        problems = [why for _col, why in check_entry(self.entry(), self.terms)]
        if problems:
            self.problem.setText("\n".join(problems))
            return
        self.accept()


class ImportPreview(QDialog):
    """What a roster CSV holds, before anything is saved: the problems by row,
    and how many people can be imported. Accepting imports the good rows."""

    def __init__(
        self,
        source: str,
        entries: list[RosterEntry],
        errors: list[RowError],
        current: list[RosterEntry],
        encoding: str = "UTF-8",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.entries = entries
        self.errors = errors
        self.setWindowTitle(self.tr("Import a roster"))
        keys = {e.key for e in current}
        new = [e for e in entries if e.key not in keys]
        changed = [e for e in entries if e.key in keys and e not in current]
        missing = [e for e in current if e.key not in {x.key for x in entries}]
        name = Path(source).name
        if entries:
            summary = self.tr(
                "{file}: people who can be imported: {good} ({new} new, {changed} "
                "changed, {same} unchanged)."
            ).format(
                file=name,
                good=len(entries),
                new=len(new),
                changed=len(changed),
                same=len(entries) - len(new) - len(changed),
            )
        else:
            summary = self.tr("{file}: nothing can be imported.").format(file=name)
        if encoding != "UTF-8":
            summary += "\n" + self.tr(
                "The file was read as {encoding} text (Excel's plain "
                "CSV). Check the accented names, or save it as "
                '"CSV UTF-8".'
            ).format(encoding=encoding)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.problems = QTableWidget(len(errors), 3)
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("What is wrong")]
        )
        for r, err in enumerate(errors):
            for c, text in enumerate(
                (str(err.row) if err.row else self.tr("file"), err.column, err.why)
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.problems.setItem(r, c, item)
        self.problems.verticalHeader().setVisible(False)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.setWordWrap(True)
        bad_rows = {e.row for e in errors if e.row}
        if any(e.row == 0 for e in errors):
            problem_text = self.tr("The file cannot be used:")
        elif entries and len(bad_rows) == 1:
            problem_text = self.tr(
                "1 row has a problem; it will not be imported unless "
                "you fix the file and import it again:"
            )
        elif entries:
            problem_text = self.tr(
                "Rows with problems: {n}; they will not be imported unless "
                "you fix the file and import it again:"
            ).format(n=len(bad_rows))
        else:
            problem_text = self.tr("Every row has a problem:")
        self.problems_label = QLabel(problem_text if errors else "")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #b00020; font-weight: bold")
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems)
        self.problems.setVisible(bool(errors))
        self.problems_label.setVisible(bool(errors))
        self.end_missing = QCheckBox(
            plural(
                len(missing),
                "Take the {n} person not in the file off the roster",
                "Take the {n} people not in the file off the roster",
            )
        )
        self.end_missing.setVisible(bool(missing) and bool(entries))
        layout.addWidget(self.end_missing)
        buttons = QDialogButtonBox()
        if errors:
            text = plural(len(entries), "Import the {n} good row", "Import the {n} good rows")
        else:
            text = plural(len(entries), "Import {n} person", "Import {n} people")
        self.import_button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setVisible(bool(entries))
        close = buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
            if entries
            else QDialogButtonBox.StandardButton.Close
        )
        close.clicked.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(780, 200 + 26 * min(len(errors), 12) if errors else 150)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self.problems.resizeRowsToContents()


class RosterEditor(QDialog):
    """A cluster's roster on a day; add, change, take off people; import a CSV.

    Emits ``roster_changed`` after each saved change.
    """

    roster_changed = Signal()

    def __init__(
        self,
        record: Record,
        cluster_id: int,
        on_date: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.record = record
        self.cluster_id = cluster_id
        cluster = cl.get_cluster(record, cluster_id)
        self.setWindowTitle(self.tr("Roster — {cluster}").format(cluster=cluster.name))
        on_date = on_date or dt.date.today().isoformat()
        self.model = RosterModel(record, cluster_id, on_date, self)

        self.date = QDateEdit(qdate(on_date))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(DATE_FORMAT)
        self.date.dateChanged.connect(self.on_date_changed)
        self.terms_label = QLabel()
        self.terms_label.setWordWrap(True)
        top = QHBoxLayout()
        date_label = QLabel(self.tr("Roster on, and changes from:"))
        date_label.setBuddy(self.date)
        top.addWidget(date_label)
        top.addWidget(self.date)
        top.addStretch(1)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self.edit_person)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.model.modelReset.connect(self.update_buttons)

        self.add_button = QPushButton(self.tr("&Add person…"))
        self.edit_button = QPushButton(self.tr("&Change…"))
        self.end_button = QPushButton(self.tr("&Take off the roster"))
        self.import_button = QPushButton(self.tr("&Import CSV…"))
        close = QPushButton(self.tr("Close"))
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.end_button.clicked.connect(self.end_person)
        self.import_button.clicked.connect(self.choose_csv)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.end_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.terms_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 980, 560)
        self.update_terms_label()
        self.fit_columns()
        self.update_buttons()

    # ------------------------------------------------------------------ state

    @property
    def on_date(self) -> str:
        return iso(self.date.date())

    @property
    def terms(self) -> Terms | None:
        return self.model.terms

    def fit_columns(self) -> None:
        self.view.resizeColumnsToContents()
        for col in (RosterModel.SEAT, RosterModel.ORGANISATION):
            if self.view.columnWidth(col) > 280:
                self.view.setColumnWidth(col, 280)

    def update_terms_label(self) -> None:
        if self.terms is None:
            self.terms_label.setText(
                self.tr(
                    "No terms of reference are in force for this cluster on {date}, so no seats "
                    "can be given. Set the terms first (New meeting…)."
                ).format(date=long_date(self.on_date))
            )
            self.terms_label.setStyleSheet("color: #b00020")
        else:
            n = len(self.model.entries())
            self.terms_label.setText(
                self.tr(
                    "People on the roster on {date}: {n}, under {terms}. A change is saved at "
                    "once and applies from that day; earlier meetings keep the roster they "
                    "had."
                ).format(n=n, date=long_date(self.on_date), terms=str(self.terms.name))
            )
            self.terms_label.setStyleSheet("")

    @Slot()
    def update_buttons(self) -> None:
        has_terms = self.terms is not None
        selected = self.selected() is not None
        self.add_button.setEnabled(has_terms)
        self.import_button.setEnabled(has_terms)
        self.edit_button.setEnabled(has_terms and selected)
        self.end_button.setEnabled(selected)

    def selected(self) -> RosterVersion | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.version(rows[0].row()) if rows else None

    def select_key(self, key: str) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.view.selectRow(row)

    def after_change(self, key: str | None = None) -> None:
        self.model.refresh()
        self.update_terms_label()
        self.fit_columns()
        if key:
            self.select_key(key)
        self.roster_changed.emit()

    def show_problem(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), text)

    @Slot(QDate)
    def on_date_changed(self, _date: QDate) -> None:
        self.model.set_date(self.on_date)
        self.update_terms_label()
        self.fit_columns()

    # ------------------------------------------------------------------ changes

    def save_new(self, entry: RosterEntry) -> str | None:
        """Add ``entry`` from the editor's day; returns the key, or None (told why)."""
        try:
            key = app_clusters.add_person(self.record, self.cluster_id, entry, self.on_date)
        except (ClusterError, RecordError) as exc:
            self.show_problem(str(exc))
            return None
        self.after_change(key)
        return key

    def save_change(self, entry: RosterEntry) -> bool:
        try:
            app_clusters.update_person(self.record, self.cluster_id, entry, self.on_date)
        except (ClusterError, RecordError) as exc:
            self.show_problem(str(exc))
            return False
        self.after_change(entry.key)
        return True

    @Slot()
    def add_person(self) -> None:
        if self.terms is None:
            return
        dialog = PersonDialog(self.terms, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_new(replace(dialog.entry(), key=""))

    @Slot()
    def edit_person(self) -> None:
        version = self.selected()
        if version is None or self.terms is None:
            return
        dialog = PersonDialog(self.terms, version.entry, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_change(dialog.entry())

    @Slot()
    def end_person(self) -> None:
        version = self.selected()
        if version is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Take off the roster"),
            self.tr(
                "Take {name} off the roster from {date}? Meetings before that day keep them."
            ).format(name=version.entry.name, date=long_date(self.on_date)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.end_key(version.entry.key)

    def end_key(self, key: str) -> bool:
        try:
            app_clusters.end_person(self.record, self.cluster_id, key, self.on_date)
        except (ClusterError, RecordError) as exc:
            self.show_problem(str(exc))
            return False
        self.after_change()
        return True

    # ------------------------------------------------------------------ import

    @Slot()
    def choose_csv(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a roster"), "", self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.show_problem(
                self.tr("{file}: cannot be read: {why}").format(file=path, why=exc.strerror)
            )
            return
        preview = self.preview_import(data, path)
        if preview is not None and preview.exec() == QDialog.DialogCode.Accepted:
            self.import_entries(preview.entries, preview.end_missing.isChecked())

    def preview_import(self, data: bytes, source: str) -> ImportPreview | None:
        """Read a CSV and build the preview dialog (not shown); None if no terms."""
        if self.terms is None:
            return None
        current = self.model.entries()
        try:
            text, encoding = decode_csv(data)
        except RosterCsvError as exc:
            return ImportPreview(source, [], [RowError(0, "", str(exc))], current, parent=self)
        entries, errors = parse_roster_csv(text, self.terms, source, existing=current)
        return ImportPreview(source, entries, errors, current, encoding, parent=self)

    def import_entries(self, entries: list[RosterEntry], end_missing: bool) -> bool:
        try:
            changes = app_clusters.apply_roster(
                self.record, self.cluster_id, entries, self.on_date, end_missing=end_missing
            )
        except (ClusterError, RecordError) as exc:
            self.show_problem(str(exc))
            return False
        self.after_change()
        self.terms_label.setText(
            self.terms_label.text()
            + "\n"
            + self.tr(
                "Imported: {added} added, {changed} changed, {unchanged} unchanged, {ended} taken "
                "off."
            ).format(
                added=len(changes.added),
                changed=len(changes.changed),
                unchanged=len(changes.unchanged),
                ended=len(changes.ended),
            )
        )
        return True
