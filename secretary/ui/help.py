"""The help dialog (F1): every shortcut of the window, by section. The shortcuts
themselves are listed in ui/shortcuts.py (the window's actions are made from them
at its first paint; this dialog is built when first asked for)."""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from secretary.ui.shortcuts import (  # noqa: F401  (re-exported: one place to look)
    BY_ID,
    SHORTCUTS,
    Shortcut,
    is_window_shortcut,
    key_sequences,
    native,
    shortcut_text,
    tr,
)


class HelpDialog(QDialog):
    """Every shortcut of the window, by section."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Everything is recorded the moment you do it: there is no Save button. "
                "Ctrl+Z records a correction; the record itself is never rewritten."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(SHORTCUTS), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Section"), self.tr("Keys"), self.tr("What it does")]
        )
        for row, s in enumerate(SHORTCUTS):
            for col, text in enumerate((tr(s.section), native(s.keys), tr(s.text))):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, col, cell)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().height() * 34)
