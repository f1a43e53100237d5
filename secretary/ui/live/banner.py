"""The quorum banner: always visible, green / amber / red, with the reasons in
words from the engine, judged for the item in focus (withdrawals applied)."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from secretary.domain.quorum import NOT_QUORATE, QUORATE, QUORATE_FOR_DECISIONS
from secretary.ui.controller import MeetingController

# state: (background, text, name). Contrast >= 4.5:1 for the text on each.
COLOURS = {
    QUORATE_FOR_DECISIONS: ("#1b6e35", "#ffffff", "green"),
    QUORATE: ("#f2b705", "#1a1a1a", "amber"),
    NOT_QUORATE: ("#b3261e", "#ffffff", "red"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("QuorumBanner", text)


def apply_colours(widget: QWidget, state: str) -> None:
    bg, fg, _ = COLOURS[state]
    pal = widget.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor(bg))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(fg))
    widget.setPalette(pal)
    widget.setAutoFillBackground(True)


class QuorumBanner(QFrame):
    """Reads ``controller.quorum()`` whenever attendance, focus or the meeting changes."""

    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("quorumBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        m = self.fontMetrics().height()
        layout.setContentsMargins(m, m // 2, m, m // 2)
        layout.setSpacing(m // 4)
        self.headline = QLabel(self)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.headline.setFont(font)
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        font = self.reasons.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.reasons.setFont(font)
        for label in (self.headline, self.reasons):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        # Room for two lines of reasons whatever the state, so the window below does
        # not jump each time the banner changes colour.
        self.reasons.setMinimumHeight(self.reasons.fontMetrics().lineSpacing() * 2)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.state = ""
        self.last_painted = 0.0  # perf_counter() of the last paint (for the benchmark)
        controller.attendance_changed.connect(self.refresh)
        controller.focus_changed.connect(self.refresh)
        controller.meeting_changed.connect(self.refresh)
        self.refresh()

    @property
    def colour(self) -> str:
        return COLOURS[self.state][2]

    @Slot()
    def refresh(self, *_: Any) -> None:
        c = self.controller
        q = c.quorum()
        if q.state != self.state:
            self.state = q.state
            apply_colours(self, q.state)
        item = c.item_label(c.focus)
        head = q.headline().render()
        self.headline.setText(tr("{0} — for {1}").format(head, item) if item else head)
        self.reasons.setText(q.explanation().render())
        self.setAccessibleName(self.headline.text())
        self.setAccessibleDescription(self.reasons.text())

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        self.last_painted = time.perf_counter()
