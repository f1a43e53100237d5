"""The chair's screen: a second window, large enough to read across a room —
the quorum state and reasons, the item in focus, and the live tally of a vote.

It is full screen on a second monitor when there is one. Text sizes follow
the window's height (no fixed pixel sizes), so it reads the same on a laptop
or a projector.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from secretary.domain.votes import votes_short
from secretary.ui.controller import MeetingController
from secretary.ui.live.banner import COLOURS, apply_colours


class ChairScreen(QWidget):
    def __init__(self, controller: MeetingController, parent: QWidget | None = None):
        # A display for the room: it never takes the keyboard from the secretary.
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.controller = controller
        self.setWindowTitle(self.tr("Chair's screen — {0}").format(controller.info.title))
        self.setObjectName("chairScreen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        self.band = QFrame(self)
        band = QVBoxLayout(self.band)
        self.headline = QLabel(self.band)
        self.headline.setWordWrap(True)
        self.reasons = QLabel(self.band)
        self.reasons.setWordWrap(True)
        band.addWidget(self.headline)
        band.addWidget(self.reasons)
        layout.addWidget(self.band)

        body = self.body = QWidget(self)
        body_layout = QVBoxLayout(body)
        self.item = QLabel(body)
        self.item.setWordWrap(True)
        body_layout.addWidget(self.item)

        self.vote = QFrame(body)
        grid = QGridLayout(self.vote)
        self.counts: dict[str, QLabel] = {}
        self.count_titles: dict[str, QLabel] = {}
        titles = {
            "for": self.tr("For"),
            "against": self.tr("Against"),
            "abstain": self.tr("Abstain"),
            "needed": self.tr("Needed"),
        }
        for col, key in enumerate(("for", "against", "abstain", "needed")):
            title = QLabel(titles[key], self.vote)
            number = QLabel("0", self.vote)
            for label in (title, number):
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(title, 0, col)
            grid.addWidget(number, 1, col)
            self.counts[key] = number
            self.count_titles[key] = title
        self.rule = QLabel(self.vote)
        self.rule.setWordWrap(True)
        self.rule.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(self.rule, 2, 0, 1, 4)
        body_layout.addWidget(self.vote)

        self.outcome = QLabel(body)
        self.outcome.setWordWrap(True)
        body_layout.addWidget(self.outcome)
        body_layout.addStretch(1)
        foot = QHBoxLayout()
        self.clock = QLabel(body)
        foot.addStretch(1)
        foot.addWidget(self.clock)
        body_layout.addLayout(foot)
        layout.addWidget(body, 1)

        self.state = ""
        for signal in (controller.attendance_changed, controller.focus_changed):
            signal.connect(self.refresh)
        controller.meeting_changed.connect(self.refresh)
        controller.vote_draft_changed.connect(self.refresh)
        self.ticker = QTimer(self)  # the clock in the corner
        self.ticker.setInterval(15_000)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        self.resize(1280, 720)
        self._scale_fonts()
        self.refresh()

    # ------------------------------------------------------------------ placing

    def show_on_best_screen(self) -> bool:
        """Full screen on a second monitor if there is one (True); otherwise a window
        behind the secretary's, never over it, to drag to a projector (False)."""
        screens = QGuiApplication.screens()
        parent = self.parentWidget()
        main = parent.screen() if parent is not None else None
        others = [s for s in screens if s is not main] if main is not None else screens[1:]
        if len(screens) > 1 and others:
            screen = others[0]
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
            self.showFullScreen()
            return True
        self.showNormal()
        self.lower()  # one screen: the secretary's window stays in front
        parent = self.parentWidget()
        if parent is not None:
            parent.raise_()
            parent.activateWindow()
        return False

    # ------------------------------------------------------------------ content

    @Slot()
    def refresh(self, *_: Any) -> None:
        c = self.controller
        q = c.quorum()
        if q.state != self.state:
            self.state = q.state
            apply_colours(self.band, q.state)
        self.headline.setText(q.headline().render())
        self.reasons.setText(q.explanation().render())
        focus = c.focus
        self.item.setText(c.item_label(focus) if focus else self.tr("No item in focus"))
        draft = c.draft(focus)
        voting = bool(focus and draft)
        self.vote.setVisible(voting)
        if voting and focus:
            d = c.preview(focus)
            self.counts["for"].setText(str(d.for_))
            self.counts["against"].setText(str(d.against))
            self.counts["abstain"].setText(str(d.abstain))
            self.counts["needed"].setText(str(d.required))
            if d.rule is None:  # terms that decide by consensus only
                rule = d.statement(c.meeting).render()
            else:
                how = d.how_needed().render()  # "needed 5 = 75% of 6 eligible"
                rule = how[:1].upper() + how[1:]
            short = votes_short(d)
            if short is None:  # no "needed" beside the counts: nothing can carry
                self.counts["needed"].setText("—")
                rule = self.tr("No decision can be taken: not quorate for decisions")
            elif d.rule is None:
                pass  # no number of votes carries an item
            elif short == 1:
                rule += " · " + self.tr("1 more vote for needed")
            elif short > 1:
                rule += " · " + self.tr("{0} more votes for needed").format(short)
            else:
                rule += " · " + self.tr("enough votes for to carry")
            self.rule.setText(rule)
        decisions = c.meeting.decisions_for(focus) if focus else []
        self.outcome.setVisible(bool(decisions) and not voting)
        if decisions:
            self.outcome.setText(decisions[-1].statement(c.meeting).render())
        self.clock.setText(c.now())

    @Slot()
    def tick(self) -> None:
        self.clock.setText(self.controller.now())

    @property
    def colour(self) -> str:
        return COLOURS[self.state][2] if self.state else ""

    # ------------------------------------------------------------------ sizing

    def _font(self, label: QLabel, factor: float, bold: bool = False) -> None:
        font = QFont(label.font())
        font.setPixelSize(max(12, int(self.height() * factor)))
        font.setBold(bold)
        label.setFont(font)

    def _scale_fonts(self) -> None:
        # Proportional to the window: the room sees the same at any resolution.
        self._font(self.headline, 0.085, bold=True)
        self._font(self.reasons, 0.042)
        self._font(self.item, 0.06, bold=True)
        for key, label in self.counts.items():
            self._font(label, 0.13 if key != "needed" else 0.10, bold=True)
        for label in self.count_titles.values():
            self._font(label, 0.04)
        self._font(self.rule, 0.035)
        self._font(self.outcome, 0.045)
        self._font(self.clock, 0.035)
        m = max(8, self.height() // 40)
        for w in (self.band, self.vote, self.body):
            layout = w.layout()
            if layout is not None:
                layout.setContentsMargins(m * 2, m, m * 2, m)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_fonts()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.hide()
        event.ignore()  # the main window owns it; F11 brings it back
