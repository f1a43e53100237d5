"""The agenda of a meeting before it opens: items, planned times, papers, issue.

The agenda IS the meeting's own record before the meeting: items are ``item_added``
/ ``item_changed`` / ``item_moved`` / ``item_withdrawn`` events, papers
``paper_attached`` / ``paper_withdrawn``, and issuing is ``papers_sent``. The issued
agenda is the state at the last ``papers_sent``; what was recorded on the agenda
after it is listed as changes since issue (nothing is rewritten). ``plan`` reads
a folded ``Meeting``; ``issue_warnings`` judges an issue date by the terms'
``[deadlines]`` (5.5 papers, 5.1 interim notice): rules are data.

Paper labels never change once the agenda is issued: members, the minutes and the
window cite the label on the issued pack. Before the first issue a paper is labelled
by its item's number and a letter in the order attached ("Paper 5a", "5b"); at the
first ``papers_sent`` those labels are fixed; a paper attached later is given, when it
is attached, the next letter free on its item's number in the issued pack (an item
added since: its number then), and keeps it. A label once given (even to a paper
since withdrawn) is never given to another paper. Item numbers follow the agenda as
it stands (the order the meeting takes them); the changes since issue say which item
each was on the issued agenda.

One module (over 400 lines): the plan, its paper labels and its changes since issue
are one reading of the same events (what was on the agenda when it was issued), kept
together so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from secretary.domain.agenda import item_heading, item_labels
from secretary.domain.meeting import Meeting, Paper
from secretary.domain.proposal import Proposal
from secretary.domain.text import Day, Msg, Name, msg, plural

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class PaperRef:
    paper: str  # the paper's id
    label: str  # "Paper 5a"
    title: str
    filename: str
    size: int
    sha256: str
    media: str
    item: str

    def caption(self) -> str:
        """'Paper 5a: Social prescriber proposal' (label and title are not translated:
        "Paper" is, by the reader, through ``caption_msg``)."""
        return f"{self.label}: {self.title}"

    def caption_msg(self) -> Msg:
        return msg("Paper {number}: {title}", number=self.number, title=Name(self.title))

    @property
    def number(self) -> str:
        return self.label.removeprefix("Paper ")


@dataclass(frozen=True)
class CarriedAction:
    """An open action of an earlier meeting, followed up under matters arising."""

    id: str
    text: str
    owner: str
    due: str
    status: str
    from_date: str  # the date of the meeting it was agreed at
    owner_name: str = ""  # the lead's name (a person of the meeting), or as recorded


@dataclass(frozen=True)
class PlannedItem:
    id: str
    number: str  # as printed: "5", "5a"
    reference: str
    heading: Msg | Name
    presenter: str  # a person's id or a name as typed
    purpose: str  # decision | discussion | information | ratification | noting | ""
    starts: str  # the planned start "HH:MM" (given, or worked out), or ""
    starts_given: bool  # the secretary gave it (not worked out)
    duration: int | None
    financial: bool
    amount: float | None
    decision_type: str
    budget_line: str
    standing: str
    sub: bool
    papers: tuple[PaperRef, ...]
    legacy_papers: tuple[str, ...]  # titles only, from records before papers were kept
    proposal: Proposal | None
    # Matters arising: the open actions of earlier meetings carried onto this item.
    carried: tuple[CarriedAction, ...] = ()
    presenter_name: str = ""  # the presenter's name (a person of the meeting), or as typed


@dataclass(frozen=True)
class AgendaPlan:
    items: tuple[PlannedItem, ...]
    issued_on: str | None  # the date of the last ``papers_sent``
    called_on: str | None  # the notice of the meeting (``meeting_called``)
    interim: bool
    changes: tuple[Msg, ...]  # recorded on the agenda since it was issued
    withdrawn: tuple[str, ...]  # the ids of items taken off the agenda
    # Since issue, by item id: what changed ("added", "changed", "moved", "withdrawn",
    # "papers", "renumbered", in the order first recorded) and the change messages.
    changed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    item_changes: Mapping[str, tuple[Msg, ...]] = field(default_factory=dict)
    issued_numbers: Mapping[str, str] = field(default_factory=dict)  # at the last issue

    def item(self, iid: str) -> PlannedItem | None:
        return next((i for i in self.items if i.id == iid), None)

    def paper(self, paper_id: str) -> PaperRef | None:
        return next((p for i in self.items for p in i.papers if p.paper == paper_id), None)

    @property
    def papers(self) -> tuple[PaperRef, ...]:
        """Every paper in agenda order: the pack's order."""
        return tuple(p for i in self.items for p in i.papers)


CHANGE_KINDS = ("added", "changed", "moved", "withdrawn", "papers", "renumbered")


def _label(number: str, k: int) -> str:
    """The ``k``-th label (from 0) on an item numbered ``number``: "Paper 5a", "5b", …;
    on a sub-item ("5a") or past z, "Paper 5a.1", "Paper 5.27"."""
    if number[-1:].isalpha() or k >= len(_LETTERS):
        return f"Paper {number}.{k + 1}"
    return f"Paper {number}{_LETTERS[k]}"


def _free_label(number: str, used: set[str], start: int = 0) -> str:
    k = start
    while _label(number, k) in used:
        k += 1
    return _label(number, k)


@dataclass(frozen=True)
class _History:
    labels: dict[str, str]  # paper id -> label (standing papers, and every fixed one)
    issued_at: int | None  # the index of the last papers_sent that stands
    issued_on: str | None
    issued_numbers: dict[str, str]  # item id -> its number at the last issue


def _history(meeting: Meeting, numbers: Mapping[str, str] | None = None) -> _History:
    """Walk the events that stand, keeping the agenda's order as it was at each one:
    the labels fixed at the first issue and at each later attachment, and the items'
    numbers at the last issue (the issued agenda)."""
    agenda: list[str] = []
    shape = SimpleNamespace(agenda=agenda, items=meeting.items)
    fixed: dict[str, str] | None = None  # None until the agenda is first issued
    used: set[str] = set()
    attached: list[str] = []  # the papers standing, in the order attached
    issued_at: int | None = None
    issued_on: str | None = None
    issued_numbers: dict[str, str] = {}
    for index, e in meeting.effective_events():
        t = e.type
        if t == "item_added":
            pos = e.get("position")
            if pos is None or pos >= len(agenda):
                agenda.append(e.get("item"))
            else:
                agenda.insert(max(pos, 0), e.get("item"))
        elif t == "item_moved":
            agenda.remove(e.get("item"))
            agenda.insert(max(0, min(e.get("position"), len(agenda))), e.get("item"))
        elif t == "item_withdrawn":
            agenda.remove(e.get("item"))
        elif t == "papers_sent":
            now = item_labels(shape)
            if fixed is None:
                fixed = _positional([meeting.papers[p] for p in attached], now)
                used = set(fixed.values())
            issued_at, issued_on, issued_numbers = index, e.get("on"), now
        elif t == "paper_withdrawn" and e.get("paper") in attached:
            attached.remove(e.get("paper"))
        elif t == "paper_attached" and fixed is None:
            attached.append(e.get("paper"))
        elif t == "paper_attached" and fixed is not None:
            # On the item's number in the pack members hold (so an item's papers share
            # it: 6a went out, 6b follows although the item is now 7); an item added
            # since, on its number now.
            paper = meeting.papers.get(e.get("paper"))
            item = paper.item if paper is not None else ""
            number = issued_numbers.get(item) or item_labels(shape).get(item)
            if paper is not None and number is not None:
                fixed[paper.id] = _free_label(number, used)
                used.add(fixed[paper.id])
    if fixed is None:
        standing = [p for p in meeting.papers.values() if not p.withdrawn]
        fixed = _positional(standing, numbers or item_labels(meeting))
    return _History(fixed, issued_at, issued_on, issued_numbers)


def _positional(papers: list[Paper], numbers: Mapping[str, str]) -> dict[str, str]:
    """``papers`` (standing, in the order attached) labelled by their item's number and
    a letter in that order."""
    labels: dict[str, str] = {}
    used: set[str] = set()
    counts: dict[str, int] = {}
    for paper in papers:
        if paper.item not in numbers:
            continue
        k = counts.get(paper.item, 0)
        counts[paper.item] = k + 1
        labels[paper.id] = _free_label(numbers[paper.item], used, k)
        used.add(labels[paper.id])
    return labels


def paper_labels(meeting: Meeting, numbers: Mapping[str, str] | None = None) -> dict[str, str]:
    """{paper id: "Paper 5a"}: the label each paper was issued with, or is given (see
    the module's text). ``numbers`` are the items' numbers now (``item_labels``)."""
    return _history(meeting, numbers).labels


def _paper_ref(paper: Paper, label: str) -> PaperRef:
    return PaperRef(
        paper.id,
        label,
        paper.title,
        paper.filename,
        paper.size,
        paper.sha256,
        paper.media,
        paper.item,
    )


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _hhmm(total: int) -> str:
    if total >= 24 * 60:
        return ""  # past midnight: no sensible planned time
    return f"{total // 60:02d}:{total % 60:02d}"


def plan(meeting: Meeting, start: str | None = None) -> AgendaPlan:
    """The agenda as it stands: items in order with numbers, planned times (given, or
    the previous item's start plus its duration, from the meeting's ``start``),
    papers with their labels and proposals; the issue date and changes since."""
    numbers = item_labels(meeting)
    history = _history(meeting, numbers)
    labels = history.labels
    items = []
    clock = _minutes(start) if start and ":" in start else None
    for iid in meeting.agenda:
        item = meeting.items[iid]
        starts = item.starts or (_hhmm(clock) if clock is not None else "")
        clock = _minutes(starts) + item.duration if starts and item.duration else None
        recorded = meeting.proposals.get(iid)
        items.append(
            PlannedItem(
                id=iid,
                number=numbers[iid],
                reference=item.reference,
                heading=item_heading(item),
                presenter=item.presenter,
                purpose=item.purpose,
                starts=starts,
                starts_given=bool(item.starts),
                duration=item.duration,
                financial=item.financial,
                amount=item.amount,
                decision_type=item.decision_type or "",
                budget_line=item.budget_line,
                standing=item.standing,
                sub=item.parent is not None and item.parent in numbers,
                papers=tuple(_paper_ref(p, labels[p.id]) for p in meeting.papers_of(iid)),
                legacy_papers=item.papers,
                proposal=recorded.proposal if recorded is not None else None,
                carried=_carried(meeting, iid),
                presenter_name=_name(meeting, item.presenter),
            )
        )
    called = meeting.called
    since = _Changes(meeting, history, numbers)
    return AgendaPlan(
        items=tuple(items),
        issued_on=history.issued_on,
        called_on=called[0] if called else None,
        interim=bool(called and called[1]),
        changes=tuple(since.lines),
        withdrawn=tuple(i.id for i in meeting.items.values() if i.withdrawn),
        changed={k: tuple(v) for k, v in since.kinds.items()},
        item_changes={k: tuple(v) for k, v in since.by_item.items()},
        issued_numbers=history.issued_numbers,
    )


def _name(meeting: Meeting, who: str) -> str:
    person = meeting.people.get(who)
    return person.name if person is not None else who


def _carried(meeting: Meeting, iid: str) -> tuple[CarriedAction, ...]:
    return tuple(
        CarriedAction(
            a.id,
            a.text,
            a.owner,
            a.due or "",
            a.status,
            a.carried_from_date,
            _name(meeting, a.owner) if a.owner else "",
        )
        for a in meeting.actions.values()
        if a.carried_from and a.item == iid
    )


class _Changes:
    """What was recorded on the agenda after it was last issued, in the order recorded,
    then the items renumbered by those changes; and by item, what kind of change."""

    def __init__(self, meeting: Meeting, history: _History, numbers: Mapping[str, str]):
        self.meeting, self.numbers, self.issued = meeting, numbers, history.issued_numbers
        self.labels = history.labels
        self.lines: list[Msg] = []
        self.kinds: dict[str, list[str]] = {}
        self.by_item: dict[str, list[Msg]] = {}
        if history.issued_at is None:
            return
        for index, e in meeting.effective_events():
            if index > history.issued_at:
                self._event(e.type, e.data)
        for iid in meeting.agenda:
            was = self.issued.get(iid)
            if was is not None and was != numbers[iid] and iid not in self.kinds:
                what = self._item_words(iid)
                line = msg("{item} renumbered after the agenda was issued", item=what)
                self._add(iid, "renumbered", line)

    def _add(self, iid: str | None, kind: str, line: Msg) -> None:
        repeated = line in self.lines  # each change once: three edits of item 9 are one
        if not repeated:
            self.lines.append(line)
        if iid is None or iid not in self.meeting.items:
            return
        kinds = self.kinds.setdefault(iid, [])
        if kind not in kinds:
            kinds.append(kind)
        if not repeated:
            self.by_item.setdefault(iid, []).append(line)

    def _event(self, t: str, data: Mapping[str, Any]) -> None:
        iid = data.get("item")
        what = self._item_words(iid)
        if t == "item_added":
            self._add(iid, "added", msg("{item} added after the agenda was issued", item=what))
        elif t == "item_changed":
            self._add(iid, "changed", msg("{item} changed after the agenda was issued", item=what))
        elif t == "item_moved":
            self._add(iid, "moved", msg("{item} moved after the agenda was issued", item=what))
        elif t == "item_withdrawn":
            line = msg("{item} withdrawn after the agenda was issued", item=what)
            self._add(iid, "withdrawn", line)
        elif t == "proposal_recorded":
            line = msg("{item}: proposal revised after the agenda was issued", item=what)
            self._add(iid, "changed", line)
        elif t in ("paper_attached", "paper_withdrawn"):
            paper = self.meeting.papers.get(str(data.get("paper")))
            if paper is None:
                return
            number = self.labels.get(paper.id, "").removeprefix("Paper ")
            if t == "paper_withdrawn":
                line = msg(
                    "{item}: paper {number} withdrawn after the agenda was issued ({title})",
                    item=self._item_words(paper.item),
                    number=number,
                    title=Name(paper.title),
                )
            else:
                line = msg(
                    "{item}: paper {number} added after the agenda was issued ({title})",
                    item=self._item_words(paper.item),
                    number=number,
                    title=Name(paper.title),
                )
            self._add(paper.item, "papers", line)

    def _item_words(self, iid: Any) -> Msg:
        """'Item 7', 'Item 7 (issued as item 6)', and an item no longer on the agenda
        by its number on the issued agenda, or its title."""
        item = self.meeting.items.get(iid) if isinstance(iid, str) else None
        if item is None:
            return msg("An item")
        was, now = self.issued.get(item.id), self.numbers.get(item.id)
        if now is not None and was is not None and was != now:
            return msg("Item {number} (issued as item {issued})", number=now, issued=was)
        if now is not None:
            return msg("Item {number}", number=now)
        if was is not None:
            return msg("Issued item {number} (“{title}”)", number=was, title=item_heading(item))
        return msg("Item “{title}”", title=item_heading(item))


def issue_warnings(
    agenda: AgendaPlan,
    deadlines: Mapping[str, int],
    meeting_date: str | dt.date,
    on: str | dt.date,
) -> list[Msg]:
    """Warnings for issuing the agenda and papers on ``on`` for a meeting on
    ``meeting_date``: later than ``deadlines.papers_days_before`` (5.5), and for an
    interim meeting notice shorter than ``deadlines.interim_notice_days`` (5.1).
    ``deadlines`` is the terms' ``[deadlines]`` table; a key it lacks is no rule."""
    day, sent = _date(meeting_date), _date(on)
    if day is None or sent is None:
        return []
    warnings = []
    if sent > day:
        warnings.append(
            msg("The papers go out after the meeting date ({date})", date=Day(day.isoformat()))
        )
    before = deadlines.get("papers_days_before")
    if before is not None and sent <= day and (day - sent).days < before:
        warnings.append(
            plural(
                before,
                "The papers go out {given} before the meeting; the terms ask for at least "
                "{n} day (due by {due})",
                "The papers go out {given} before the meeting; the terms ask for at least "
                "{n} days (due by {due})",
                given=_days((day - sent).days),
                due=Day((day - dt.timedelta(days=before)).isoformat()),
            )
        )
    notice = deadlines.get("interim_notice_days")
    called = _date(agenda.called_on) if agenda.called_on else None
    if agenda.interim and notice is not None:
        given_on = called or sent
        if (day - given_on).days < notice:
            warnings.append(
                plural(
                    notice,
                    "An interim meeting was called {given} ahead; the terms ask for "
                    "{n} day's notice",
                    "An interim meeting was called {given} ahead; the terms ask for "
                    "{n} days' notice",
                    given=_days(max((day - given_on).days, 0)),
                )
            )
    return warnings


def _days(n: int) -> Msg:
    return plural(n, "{n} day", "{n} days")


def _date(value: str | dt.date | None) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
