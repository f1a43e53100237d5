"""First run: where the record lives, the cluster and its terms, or the demo.

Shown when there is no record yet (nothing remembered, nothing at the default
place) and no --db/--demo was given. It creates the record in the user data
folder (or another place, e.g. a shared drive), or opens an existing one, and
for a new record creates the cluster with its terms of reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.terms import TermsError, bundled_terms_ids, load_terms, read_terms_source

# Terms in force from this date cover every meeting a new record will hold.
TERMS_FROM = "2000-01-01"


@dataclass(frozen=True)
class WelcomeChoice:
    kind: str  # "record" (open or newly created) | "demo"
    path: Path | None = None


class WelcomeDialog(QDialog):
    def __init__(self, default_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Cluster Secretary"))
        self.default_path = default_path
        self.choice: WelcomeChoice | None = None
        self.terms_file: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<h2>Welcome</h2><p>Cluster Secretary keeps the record of your cluster's "
                "meetings in one file on this computer (or a shared drive). Every change is "
                "written to it the moment you make it, so nothing is lost if the laptop "
                "closes or the battery runs out.</p>"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        where = QGroupBox(self.tr("The record"), self)
        where_layout = QVBoxLayout(where)
        self.new_record = QRadioButton(self.tr("Start a new record"), where)
        self.existing_record = QRadioButton(
            self.tr("Open an existing record (for example on a shared drive)"), where
        )
        self.new_record.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.new_record)
        group.addButton(self.existing_record)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(str(default_path), where)
        browse = QPushButton(self.tr("Choose…"), where)
        browse.clicked.connect(self.browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        where_layout.addWidget(self.new_record)
        where_layout.addWidget(self.existing_record)
        where_layout.addLayout(row)
        layout.addWidget(where)

        self.cluster_box = QGroupBox(self.tr("Your cluster"), self)
        form = QFormLayout(self.cluster_box)
        self.cluster_name = QLineEdit(self.cluster_box)
        self.cluster_name.setPlaceholderText(self.tr("e.g. Upper Valleys Primary Care Cluster"))
        self.health_board = QLineEdit(self.cluster_box)
        self.health_board.setPlaceholderText(self.tr("e.g. Swansea Bay University Health Board"))
        self.terms = QComboBox(self.cluster_box)
        # Real clusters' terms first; the examples last.
        for terms_id in sorted(bundled_terms_ids(), key=lambda t: (t.endswith("-example"), t)):
            self.terms.addItem(load_terms(terms_id).name.render(), terms_id)
        self.terms.addItem(self.tr("From a file…"), "")
        self.terms.activated.connect(self.on_terms_chosen)
        form.addRow(self.tr("Cluster name"), self.cluster_name)
        form.addRow(self.tr("Health board"), self.health_board)
        form.addRow(self.tr("Terms of reference"), self.terms)
        layout.addWidget(self.cluster_box)
        self.existing_record.toggled.connect(self.on_mode_changed)

        buttons = QDialogButtonBox(self)
        self.demo_button = buttons.addButton(
            self.tr("Try a demo meeting"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.continue_button = buttons.addButton(
            self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.demo_button.clicked.connect(self.choose_demo)
        buttons.accepted.connect(self.finish)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def on_mode_changed(self) -> None:
        existing = self.existing_record.isChecked()
        self.cluster_box.setEnabled(not existing)
        if existing and self.path_edit.text() == str(self.default_path):
            self.path_edit.clear()

    def browse(self) -> None:
        if self.existing_record.isChecked():
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Open a record"),
                str(Path.home()),
                self.tr("Records (*.sqlite *.db);;All files (*)"),
            )
        else:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("New record"), self.path_edit.text(), self.tr("Records (*.sqlite)")
            )
        if path:
            self.path_edit.setText(path)

    def on_terms_chosen(self, index: int) -> None:
        if self.terms.itemData(index):
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Terms of reference file"),
            str(Path.home()),
            self.tr("Terms of reference (*.toml);;All files (*)"),
        )
        if not path:
            self.terms.setCurrentIndex(0)
            return
        try:
            terms = load_terms(path)
        except TermsError as exc:
            self.terms.setCurrentIndex(0)
            self.warn(
                self.tr("These terms of reference cannot be used"),
                "\n".join(str(p) for p in exc.problems),
            )
            return
        self.terms_file = Path(path)
        self.terms.setItemText(
            index, self.tr("{0} (from {1})").format(terms.name.render(), Path(path).name)
        )

    def warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.open()
        self.last_warning = box

    def choose_demo(self) -> None:
        self.choice = WelcomeChoice("demo")
        self.accept()

    def finish(self) -> None:
        """Open or create the record; stay open with a message if that cannot be done."""
        from secretary.app.clusters import create_cluster, set_terms
        from secretary.store import Record, RecordError
        from secretary.store.clusters import ClusterError

        text = self.path_edit.text().strip()
        if not text:
            self.warn(self.tr("No record chosen"), self.tr("Choose where the record is."))
            return
        path = Path(text).expanduser()
        if self.existing_record.isChecked():
            if not path.is_file():
                self.warn(self.tr("No such record"), self.tr("{0} does not exist.").format(path))
                return
            try:
                Record(path, create=False).close()
            except RecordError as exc:
                self.warn(self.tr("The record cannot be opened"), str(exc))
                return
            self.choice = WelcomeChoice("record", path)
            self.accept()
            return
        name = self.cluster_name.text().strip()
        if not name:
            self.warn(
                self.tr("The cluster has no name"),
                self.tr("Give your cluster's name, as it appears on the minutes."),
            )
            return
        if path.exists():
            self.warn(
                self.tr("A file is already there"),
                self.tr(
                    "{0} already exists. Choose “Open an existing record” to use it, or "
                    "another name for a new record."
                ).format(path),
            )
            return
        terms_ref = self.terms.currentData() or (str(self.terms_file) if self.terms_file else "")
        try:
            terms_text, _ = read_terms_source(terms_ref)
            terms = load_terms(terms_ref)
            record = Record(path)
            try:
                cluster = create_cluster(record, name, self.health_board.text().strip())
                set_terms(record, cluster, terms.id, terms_text, TERMS_FROM)
            finally:
                record.close()
        except (RecordError, ClusterError, TermsError, OSError) as exc:
            self.warn(self.tr("The record cannot be created"), str(exc))
            return
        self.choice = WelcomeChoice("record", path)
        self.accept()


def first_run(default_path: Path, remembered: str | None) -> bool:
    """No record remembered and none at the default place: greet the user."""
    return not remembered and not default_path.exists()
