"""The agenda of a meeting before it opens: items, planned times, papers, issue.

The agenda IS the meeting's own record before the meeting: items are ``item_added``
/ ``item_changed`` / ``item_moved`` / ``item_withdrawn`` events, papers
``paper_attached`` / ``paper_withdrawn``, and issuing is ``papers_sent``. The issued
agenda is the state at the last ``papers_sent``; what was recorded on the agenda
after it is listed as changes since issue (nothing is rewritten). ``plan`` reads
a folded ``Meeting``; ``issue_warnings`` judges an issue date by the terms'
``[deadlines]`` (5.5 papers, 5.1 interim notice): rules are data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from secretary.domain.agenda import item_heading, item_labels
from secretary.domain.meeting import Item, Meeting, Paper
from secretary.domain.proposal import Proposal
from secretary.domain.text import Msg, Name, msg, plural

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

    def item(self, iid: str) -> PlannedItem | None:
        return next((i for i in self.items if i.id == iid), None)

    def paper(self, paper_id: str) -> PaperRef | None:
        return next((p for i in self.items for p in i.papers if p.paper == paper_id), None)

    @property
    def papers(self) -> tuple[PaperRef, ...]:
        """Every paper in agenda order: the pack's order."""
        return tuple(p for i in self.items for p in i.papers)


def paper_labels(meeting: Meeting, numbers: Mapping[str, str]) -> dict[str, str]:
    """{paper id: "Paper 5a"} for the papers that stand: the item's number and a
    letter in the order attached (a sub-item's "5a" gives "Paper 5a.1")."""
    labels: dict[str, str] = {}
    counts: dict[str, int] = {}
    for paper in meeting.papers.values():
        if paper.withdrawn or paper.item not in numbers:
            continue
        k = counts.get(paper.item, 0)
        counts[paper.item] = k + 1
        number = numbers[paper.item]
        if number[-1:].isalpha() or k >= len(_LETTERS):
            labels[paper.id] = f"Paper {number}.{k + 1}"
        else:
            labels[paper.id] = f"Paper {number}{_LETTERS[k]}"
    return labels


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
    labels = paper_labels(meeting, numbers)
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
    issued_on, issued_at = None, None
    for index, e in meeting.effective_events():
        if e.type == "papers_sent":
            issued_on, issued_at = e.get("on"), index
    called = meeting.called
    return AgendaPlan(
        items=tuple(items),
        issued_on=issued_on,
        called_on=called[0] if called else None,
        interim=bool(called and called[1]),
        changes=tuple(_changes(meeting, issued_at, numbers, labels)),
        withdrawn=tuple(i.id for i in meeting.items.values() if i.withdrawn),
    )


def _name(meeting: Meeting, who: str) -> str:
    person = meeting.people.get(who)
    return person.name if person is not None else who


def _carried(meeting: Meeting, iid: str) -> tuple[CarriedAction, ...]:
    return tuple(
        CarriedAction(a.id, a.text, a.owner, a.due or "", a.status, a.carried_from_date)
        for a in meeting.actions.values()
        if a.carried_from and a.item == iid
    )


def _changes(
    meeting: Meeting, issued_at: int | None, numbers: Mapping[str, str], labels: Mapping[str, str]
) -> list[Msg]:
    """What was recorded on the agenda after it was issued, in the order recorded."""
    if issued_at is None:
        return []
    changes: list[Msg] = []
    for index, e in meeting.effective_events():
        if index <= issued_at:
            continue
        iid = e.get("item")
        item = meeting.items.get(iid) if isinstance(iid, str) else None
        what = _item_words(item, numbers)
        if e.type == "item_added":
            changes.append(msg("{item} added after the agenda was issued", item=what))
        elif e.type in ("item_changed", "item_moved"):
            changes.append(msg("{item} changed after the agenda was issued", item=what))
        elif e.type == "item_withdrawn":
            changes.append(msg("{item} withdrawn after the agenda was issued", item=what))
        elif e.type == "proposal_recorded":
            changes.append(msg("{item}: proposal revised after the agenda was issued", item=what))
        elif e.type in ("paper_attached", "paper_withdrawn"):
            paper = meeting.papers.get(e.get("paper"))
            if paper is None:
                continue
            if e.type == "paper_withdrawn" or paper.withdrawn:
                changes.append(
                    msg(
                        "Paper withdrawn after the agenda was issued: {title}",
                        title=Name(paper.title),
                    )
                )
            else:
                changes.append(
                    msg(
                        "Paper {number} added after the agenda was issued",
                        number=labels.get(paper.id, "").removeprefix("Paper "),
                    )
                )
    return changes


def _item_words(item: Item | None, numbers: Mapping[str, str]) -> Msg:
    if item is None:
        return msg("An item")
    if item.id in numbers:
        return msg("Item {number}", number=numbers[item.id])
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
            msg("The papers go out after the meeting date ({date})", date=day.isoformat())
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
                due=(day - dt.timedelta(days=before)).isoformat(),
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
