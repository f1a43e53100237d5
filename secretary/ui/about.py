"""Help → About: version, where the record is, and the licences of what we bundle."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from secretary import __version__


@dataclass(frozen=True)
class Component:
    name: str  # distribution name
    licence: str  # as its authors publish it


# What the bundle carries, with the licence each is published under. The
# version shown is read from the installed package at run time.
COMPONENTS: tuple[Component, ...] = (
    Component("PySide6-Essentials", "LGPL-3.0 (Qt for Python; Qt itself LGPL-3.0)"),
    Component("shiboken6", "LGPL-3.0"),
    Component("SQLAlchemy", "MIT"),
    Component("alembic", "MIT"),
    Component("Mako", "MIT"),
    Component("MarkupSafe", "BSD-3-Clause"),
    Component("python-docx", "MIT"),
    Component("lxml", "BSD-3-Clause"),
    Component("platformdirs", "MIT"),
    Component("typing_extensions", "PSF-2.0"),
    Component("greenlet", "MIT and PSF-2.0"),
    Component("psycopg", "LGPL-3.0"),
    Component("psycopg-binary", "LGPL-3.0 (ships libpq: PostgreSQL licence)"),
)


def installed_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


class AboutDialog(QDialog):
    def __init__(self, record_location: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Cluster Secretary"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Cluster Secretary {0}</h2>").format(__version__))
        layout.addWidget(title)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Live quorum, votes, minutes and action logs for primary care cluster "
                    "meetings. Works offline; every event is written at once to the record."
                )
            )
        )
        self.location = QLabel(self.tr("Record: {0}").format(record_location))
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location.setWordWrap(True)
        layout.addWidget(self.location)
        layout.addWidget(
            QLabel(
                self.tr("Python {0} · Qt {1} · PySide6 {2}").format(
                    platform.python_version(), qVersion(), pyside_version
                )
            )
        )
        layout.addWidget(QLabel(self.tr("Bundled components and their licences:")))
        rows = [(c, installed_version(c.name)) for c in COMPONENTS]
        rows = [(c, v) for c, v in rows if v is not None]
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")]
        )
        for r, (component, version) in enumerate(rows):
            for col, text in enumerate((component.name, version or "", component.licence)):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, col, cell)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Cluster Secretary itself is released under the MIT licence. The LGPL "
                    "components are used as shared libraries and may be replaced."
                )
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 520)
