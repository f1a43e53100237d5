"""Qt item models over the live meeting. They hold no data of their own: each
row is a key (a person, an item, a voting group) read from the controller's
meeting when the view asks, and the models refresh on the controller's signals.

One module (over 400 lines): the live window's item models are each short and follow one
pattern (keys as rows, read on demand, refreshed on the controller's signals); kept
together they stay alike.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont

from secretary import i18n
from secretary.domain import presence
from secretary.domain.agenda import item_heading, item_labels
from secretary.domain.presence import attendance_status, roster_rank
from secretary.domain.votes import BLOCKED, CARRIED, CONSENSUS
from secretary.ui.controller import MeetingController, VoteRow
from secretary.ui.language import short_date
from secretary.ui.noop import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
PERSON_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1

PRESENT_BG = QColor("#e3f4e6")
REMOTE_BG = QColor("#e2eefb")
MUTED = QColor("#6b6b6b")


def tr(text: str) -> str:
    return QCoreApplication.translate("models", text)


def fold(text: str) -> str:
    """Lower case without accents, so 'sian' finds 'Siân'."""
    norm = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in norm if not unicodedata.combining(c))


def money(amount: float | None) -> str:
    """The window's form of an amount: pence only when there are any."""
    return i18n.money(amount, pence=None)


class RowModel(QAbstractTableModel):
    """A table whose rows are keys; cells are computed from the meeting on demand."""

    def __init__(self, controller: MeetingController, parent: Any = None):
        super().__init__(parent)
        self.controller = controller
        # Translated once: Qt asks for the column count thousands of times a paint
        # (a window is rebuilt when its language changes, so they stay right).
        self._headers = self.headers()
        self._rows: list[Any] = self.build_rows()

    # subclasses
    def headers(self) -> list[str]:
        raise NotImplementedError

    def build_rows(self) -> list[Any]:
        raise NotImplementedError

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    # Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            headers = self._headers
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == KEY_ROLE:
            return self.key(row)
        return self.cell(row, index.column(), role)

    def key(self, row: Any) -> Any:
        return row

    def row_key(self, r: int) -> Any:
        return self.key(self._rows[r]) if 0 <= r < len(self._rows) else None

    def row_of(self, key: Any) -> int:
        for r, row in enumerate(self._rows):
            if self.key(row) == key:
                return r
        return -1

    @Slot()
    def refresh(self) -> None:
        """Rebuild the rows: a reset when the set of rows changed, else dataChanged."""
        new = self.build_rows()
        if [self.key(r) for r in new] != [self.key(r) for r in self._rows]:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        self._rows = new
        self.changed_all()

    def changed_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, self.columnCount() - 1),
            )


# --------------------------------------------------------------------------- attendance


class AttendanceModel(RowModel):
    """Every person of the meeting, grouped by seat (the terms' order), members
    before deputies, then people in attendance and guests."""

    SEAT, NAME, STATUS, ARRIVED, LEFT = range(5)

    def __init__(self, controller: MeetingController, parent: Any = None):
        super().__init__(controller, parent)
        controller.attendance_changed.connect(self.on_attendance_changed)
        controller.meeting_changed.connect(self.refresh)
        controller.focus_changed.connect(self.refresh)

    def headers(self) -> list[str]:
        return [tr("Seat"), tr("Name"), tr("Status"), tr("Arrived"), tr("Left early")]

    def build_rows(self) -> list[str]:
        # Roster order is the domain's (presence.roster_rank); among those in
        # attendance and guests, by name.
        m = self.controller.meeting
        self._began = presence.business_began(m)  # for "(late)", once a refresh

        def rank(pid: str) -> tuple[tuple[int, int, int, int], str]:
            p = m.people[pid]
            return (
                roster_rank(m.terms, p.role, p.seat, p.kind),
                fold(p.name) if p.role == "attendee" else "",
            )

        return sorted(m.people, key=rank)

    @Slot(str)
    def on_attendance_changed(self, pid: str) -> None:
        r = self.row_of(pid)
        if r < 0:
            self.refresh()
            return
        self.dataChanged.emit(self.index(r, 0), self.index(r, self.columnCount() - 1))

    def seat_text(self, pid: str) -> str:
        m = self.controller.meeting
        p = m.people[pid]
        if p.role == "attendee" or not p.seat:
            return tr("Guest") if p.kind == "guest" else tr("In attendance")
        return m.terms.seat(p.seat).name.render()

    def name_text(self, pid: str) -> str:
        m = self.controller.meeting
        p = m.people[pid]
        if p.role == "deputy" and p.seat:
            # The seat is in the column beside: the name stays short enough to read.
            return tr("{name} — deputy").format(name=p.name)
        if p.role == "attendee" and p.organisation:
            return f"{p.name} ({p.organisation})"
        return p.name

    def status_text(self, pid: str) -> str:
        m = self.controller.meeting
        status = attendance_status(m, pid, m.focus)
        if status.code == presence.WITHDRAWN:
            return tr("withdrawn for item")
        if status.code in (presence.PRESENT, presence.REMOTE):
            text = tr("remote") if status.code == presence.REMOTE else tr("present")
            return tr("{0}, abstains").format(text) if status.abstains else text
        if status.code == presence.LEFT:
            return tr("left {0}").format(status.left_at)
        if status.code == presence.APOLOGIES:
            return tr("apologies")
        return tr("absent")

    def arrived_text(self, pid: str) -> str:
        att = self.controller.meeting.attendance[pid]
        if not att.spans:
            return ""
        at = att.spans[0].arrived or ""
        # As the minutes judge it (domain.presence.arrived_late): not before business
        # has begun -- every arrival after 13:00 was marked late in the window, and
        # the minutes then said otherwise.
        began = self._began
        if began is not None and presence.arrived_late(at, self.controller.info.start, began):
            return tr("{0} (late)").format(at)
        return at

    def left_text(self, pid: str) -> str:
        m = self.controller.meeting
        att = m.attendance[pid]
        if att.present or not att.ever_present or m.closed:
            return ""
        span = att.spans[-1]
        after = span.left_after_item
        if after and after in m.items:
            return tr("{0} ({1})").format(
                span.left or "", m.items[after].reference or item_heading(m.items[after]).render()
            )
        return span.left or ""

    def cell(self, pid: str, column: int, role: int) -> Any:
        m = self.controller.meeting
        if pid not in m.people:
            return None
        if role == DISPLAY:
            return (
                self.seat_text,
                self.name_text,
                self.status_text,
                self.arrived_text,
                self.left_text,
            )[column](pid)
        if role == PERSON_ROLE:
            return pid
        att = m.attendance[pid]
        if role == Qt.ItemDataRole.BackgroundRole:
            if att.present:
                return QBrush(REMOTE_BG if att.mode == "remote" else PRESENT_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if not att.present and (att.apologies or att.ever_present):
                return QBrush(MUTED)
            return None
        if role == Qt.ItemDataRole.FontRole and column == self.NAME and att.present:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            p = m.people[pid]
            parts = [self.name_text(pid), self.seat_text(pid)]
            if p.role == "deputy" and p.seat:
                parts[0] = tr("{name} — deputy for {seat}").format(
                    name=p.name, seat=self.seat_text(pid)
                )
            if p.organisation:
                parts.append(p.organisation)
            if p.role == "attendee":
                parts.append(tr("In attendance: recorded, not counted for quorum, no vote."))
            return "\n".join(parts)
        return None


class PersonFilter(QSortFilterProxyModel):
    """Type-to-find over names, seats and organisations (accents ignored)."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._query = ""

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self._query = fold(text.strip())
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            self._query = fold(text.strip())
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._query:
            return True
        model = self.sourceModel()
        assert isinstance(model, AttendanceModel)
        pid = model.row_key(source_row)
        if pid is None or pid not in model.controller.meeting.people:
            return False
        p = model.controller.meeting.people[pid]
        hay = fold(" ".join((p.name, model.seat_text(pid), p.organisation)))
        return all(word in hay for word in self._query.split())


# --------------------------------------------------------------------------- agenda


class AgendaModel(RowModel):
    REF, TITLE, MONEY, DECISION = range(4)

    def __init__(self, controller: MeetingController, parent: Any = None):
        super().__init__(controller, parent)
        controller.meeting_changed.connect(self.refresh)
        controller.focus_changed.connect(self.refresh)

    def headers(self) -> list[str]:
        return [tr("Ref"), tr("Item"), tr("Financial"), tr("Decision")]

    def build_rows(self) -> list[str]:
        return list(self.controller.meeting.agenda)

    def decision_text(self, iid: str) -> str:
        decisions = self.controller.meeting.decisions_for(iid)
        if not decisions:
            return ""
        d = decisions[-1]
        if d.status == CONSENSUS:
            return tr("agreed by consensus")
        if d.status == BLOCKED:
            return tr("blocked (inquorate)")
        word = tr("carried") if d.status == CARRIED else tr("not carried")
        return tr("{0} {1}–{2}–{3}").format(word, d.for_, d.against, d.abstain)

    def cell(self, iid: str, column: int, role: int) -> Any:
        m = self.controller.meeting
        item = m.items.get(iid)
        if item is None:
            return None
        if role == DISPLAY:
            if column == self.REF:  # no reference: its number as the agenda prints it
                return item.reference or item_labels(m).get(iid, iid)
            if column == self.TITLE:
                return item_heading(item).render()  # in the window's language
            if column == self.MONEY:
                if not item.financial:
                    return ""
                return money(item.amount) if item.amount is not None else tr("yes")
            return self.decision_text(iid)
        if role == Qt.ItemDataRole.FontRole and iid == m.focus:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and item.presenter:
            return tr("Presented by {0}").format(item.presenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# --------------------------------------------------------------------------- vote


CHOICE_LABELS = {
    "for": QT_TRANSLATE_NOOP("models", "for"),
    "against": QT_TRANSLATE_NOOP("models", "against"),
    "abstain": QT_TRANSLATE_NOOP("models", "abstain"),
}


def choice_label(choice: str | None) -> str:
    return tr(CHOICE_LABELS[choice]) if choice in CHOICE_LABELS else ""


class VoteModel(RowModel):
    """One row per voting group for the item in focus; the Vote column is editable."""

    GROUP, WHO, VOTE = range(3)

    def __init__(self, controller: MeetingController, parent: Any = None):
        super().__init__(controller, parent)
        for signal in (controller.attendance_changed, controller.focus_changed):
            signal.connect(self.refresh)
        controller.meeting_changed.connect(self.refresh)
        controller.vote_draft_changed.connect(self.changed_all)

    def headers(self) -> list[str]:
        return [tr("Voting group"), tr("Votes now"), tr("Vote")]

    @property
    def item(self) -> str | None:
        return self.controller.meeting.focus

    def build_rows(self) -> list[VoteRow]:
        item = self.item
        return self.controller.vote_rows(item) if item else []

    def key(self, row: VoteRow) -> Any:
        return row.group

    def voter(self, r: int) -> str | None:
        return self._rows[r].voter if 0 <= r < len(self._rows) else None

    def cell(self, row: VoteRow, column: int, role: int) -> Any:
        draft = self.controller.draft(self.item)
        if role == DISPLAY:
            if column == self.GROUP:
                return row.group_name
            if column == self.WHO:
                return row.who if row.can_vote else row.why_not
            return choice_label(draft.get(row.voter)) if row.voter else tr("cannot vote")
        if role == Qt.ItemDataRole.EditRole and column == self.VOTE:
            return draft.get(row.voter, "") if row.voter else ""
        if role == Qt.ItemDataRole.ToolTipRole and not row.can_vote:
            return row.why_not
        if role == Qt.ItemDataRole.ForegroundRole and not row.can_vote:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.FontRole and column == self.VOTE and row.voter in draft:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self._rows[index.row()]
        if not row.can_vote:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.VOTE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.VOTE or role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        item = self.item
        if row.voter is None or item is None:
            return False
        choice = value if value in CHOICE_LABELS else None
        self.controller.set_vote(item, row.voter, choice)
        return True


# --------------------------------------------------------------------------- item details


class DeclarationsModel(RowModel):
    PERSON, INTEREST, ACTION, SCOPE = range(4)

    def __init__(self, controller: MeetingController, parent: Any = None):
        super().__init__(controller, parent)
        controller.meeting_changed.connect(self.refresh)
        controller.focus_changed.connect(self.refresh)

    def headers(self) -> list[str]:
        return [tr("Person"), tr("Interest"), tr("Then"), tr("For")]

    def build_rows(self) -> list[Any]:
        # Those that bear on the item in focus first, then those made for other
        # items (taken during "Declarations of interest", seen there as made).
        m = self.controller.meeting
        focus = m.focus
        here = [d for d in m.declarations if d.item is None or d.item == focus]
        return here + [d for d in m.declarations if d not in here]

    def key(self, row: Any) -> Any:
        return row.event_id

    def cell(self, d: Any, column: int, role: int) -> Any:
        other = d.item is not None and d.item != self.controller.meeting.focus
        if role != DISPLAY:
            if role == Qt.ItemDataRole.ToolTipRole and column == self.INTEREST:
                return d.interest
            if role == Qt.ItemDataRole.ForegroundRole and other:
                return QBrush(MUTED)  # for another item: not this one's business
            return None
        if column == self.PERSON:
            return self.controller.person_name(d.person)
        if column == self.INTEREST:
            return d.interest
        if column == self.ACTION:
            return {
                "none": tr("may vote"),
                "abstain": tr("abstains"),
                "withdraw": tr("withdraws"),
                "unstated": tr("none stated"),
            }.get(d.action, d.action)
        if other:
            m = self.controller.meeting
            item = m.items.get(d.item)
            return (item.reference or item.title) if item is not None else d.item
        return tr("every item") if d.item is None else tr("this item")


class ProxiesModel(RowModel):
    FROM, TO, ITEM, DIRECTION, NOW = range(5)

    def __init__(self, controller: MeetingController, parent: Any = None):
        super().__init__(controller, parent)
        controller.meeting_changed.connect(self.refresh)
        controller.focus_changed.connect(self.refresh)
        controller.attendance_changed.connect(self.refresh)

    def headers(self) -> list[str]:
        return [tr("From"), tr("To"), tr("Item"), tr("Direction"), tr("For this item")]

    def build_rows(self) -> list[Any]:
        return list(self.controller.meeting.proxies)

    def key(self, row: Any) -> Any:
        return row.event_id

    def cell(self, p: Any, column: int, role: int) -> Any:
        if role not in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        c = self.controller
        if column == self.FROM:
            return c.person_name(p.grantor)
        if column == self.TO:
            return c.person_name(p.holder)
        if column == self.ITEM:
            if p.item is None:
                return tr("every item")
            ref = c.meeting.items[p.item].reference if p.item in c.meeting.items else ""
            return ref or p.item
        if column == self.DIRECTION:
            return choice_label(p.direction) if p.direction else tr("not directed")
        focus = c.meeting.focus
        if focus is None or not p.applies_to(focus):
            return tr("not for this item")
        from secretary.domain.standing import proxy_problem

        problem = proxy_problem(c.meeting, p, focus)
        return tr("in force") if problem is None else problem.render()


class ActionsModel(RowModel):
    REF, TEXT, OWNER, DUE, STATUS = range(5)

    def __init__(self, controller: MeetingController, parent: Any = None):
        super().__init__(controller, parent)
        controller.meeting_changed.connect(self.refresh)
        controller.focus_changed.connect(self.refresh)

    def headers(self) -> list[str]:
        return [tr("Ref"), tr("Action"), tr("Owner"), tr("Due"), tr("Status")]

    def build_rows(self) -> list[str]:
        m = self.controller.meeting
        return [a.id for a in m.actions.values() if a.item == m.focus]

    def cell(self, aid: str, column: int, role: int) -> Any:
        a = self.controller.meeting.actions.get(aid)
        if a is None or role not in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        # An owner is a person of the meeting (carried actions name them by id) or
        # a name typed; shown by name, as the minutes do.
        owner = self.controller.person_name(a.owner) if a.owner else ""
        return (a.id, a.text, owner, short_date(a.due), status_text(a.status))[column]


#: The statuses an action is given in the window (stored as these words, shown in the
#: reader's language; secretary.i18n.if_known translates them in the documents).
ACTION_STATUSES = ("open", "in progress", "complete", "cancelled")


def status_text(status: str) -> str:
    """An action's status as the window shows it: a usual one in its language."""
    words = {
        "open": tr("open"),
        "in progress": tr("in progress"),
        "complete": tr("complete"),
        "cancelled": tr("cancelled"),
    }
    return words.get((status or "open").strip().lower(), status)
