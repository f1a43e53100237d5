"""What a window of the meeting window's kind costs with none of the app in it: two
tables with Python models and headers, a bold heading, a search box, splitters, tabs
with a text editor, a menu and a status bar -- no domain, no record, no translations.

Imported as the app imports PySide6 (support modules cached: secretary/pyside_cache.py).
Prints the time of its first event-loop turn after show, as the app and the bare
floor (_bare_start.py) do. An information row beside the cold-start budget: it shows
how much of the app's start is Qt's for any such window (the Qt namespace's enums,
the widget classes, the font database) and how much is the app's own."""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from secretary.pyside_cache import embedded_bytecode_cached  # noqa: E402

with embedded_bytecode_cached():
    import PySide6.QtCore  # noqa: F401

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 20

    def columnCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 5

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row()}, {index.column()}"
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return f"Column {section}"
        return None


def table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(Model(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


app = QApplication([])
window = QMainWindow()
central = QWidget(window)
layout = QVBoxLayout(central)
heading = QLabel("Quorate for decisions", central)
font = heading.font()
font.setPointSizeF(font.pointSizeF() * 1.5)
font.setBold(True)
heading.setFont(font)
layout.addWidget(heading)
across = QSplitter(Qt.Orientation.Horizontal, central)
left = QWidget(across)
column = QVBoxLayout(left)
column.addWidget(QLineEdit(left))
column.addWidget(table(left))
across.addWidget(left)
right = QSplitter(Qt.Orientation.Vertical, across)
right.addWidget(table(right))
tabs = QTabWidget(right)
tabs.addTab(QPlainTextEdit(tabs), "&Notes")
tabs.addTab(QWidget(tabs), "&Decision")
right.addWidget(tabs)
across.addWidget(right)
layout.addWidget(across, 1)
window.setCentralWidget(central)
window.menuBar().addMenu("&Meeting").addAction("&Export")
window.statusBar().addWidget(QLabel("Record", window))
window.resize(1366, 768)
window.show()
QTimer.singleShot(
    0, lambda: print(f"secretary-ready {time.time():.6f}", file=sys.stderr, flush=True)
)
QTimer.singleShot(0, window.close)
app.exec()
