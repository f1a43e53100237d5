"""A meeting's state, folded from its events, and who is present for what.

``Meeting`` holds the terms, the ordered events and the state derived from
them. Applying an event updates the state at once (the live window needs an
answer within a frame); a ``retract`` (undo or correction) rebuilds the state
from the events, leaving the log itself untouched.

One module (over 400 lines): folding events into state is one state machine, and the
presence questions read that state directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from copy import copy
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from secretary.domain.agenda import STANDING_END, STANDING_START, outside_reference, standing_key
from secretary.domain.events import Event, EventError, check_event
from secretary.domain.roster import seat_problem
from secretary.domain.terms import Seat, Terms
from secretary.domain.text import Msg, msg

if TYPE_CHECKING:
    from secretary.domain.proposal import Proposal
    from secretary.domain.votes import Decision

# Events an undo passes over: navigation and autosaved notes have their own undo
# (the editor's), and a retract is undone by redo.
UNDO_PASSES_OVER = ("focus", "note", "retract")


#: What happens only while the meeting sits: refused once it has closed (until it is
#: reopened, ``meeting_opened``). Notes, actions, the financial log and corrections of
#: what was recorded may still be written up afterwards.
TAKEN_WHILE_OPEN = (
    "arrive",
    "leave",
    "apologies",
    "absent",
    "declare",
    "proxy",
    "vote",
    "consensus",
    "chair_taken",
)


#: What stands recorded on an item, as a refusal to withdraw the item names it.
RECORDED_ON_ITEM = {
    "leave": "a departure after it",
    "proxy": "a proxy for it",
    "declare": "a declaration of interest",
    "consensus": "a decision by consensus",
    "vote": "a vote",
    "note": "a note",
    "action": "an action",
    "financial_entry": "a financial log entry",
    "action_carried": "an action carried forward",
    "minutes_approved": "an approval of minutes",
    "ratify": "a ratification",
    "chair_taken": "a change of chair",
    "previous_minutes_approved": "an approval of minutes",
}


def recorded_on_item(event_type: str) -> Msg:
    """'a vote', 'a note', ... in the reader's language."""
    if event_type in RECORDED_ON_ITEM:
        return msg(RECORDED_ON_ITEM[event_type])
    return msg("a {kind} event", kind=event_type)


@dataclass
class Person:
    """Someone on the meeting's roster: a member or deputy for a seat, or an attendee."""

    id: str
    name: str
    role: str  # member | deputy | attendee
    seat: str | None = None
    kind: str = ""  # for attendees: in-attendance, guest, ...
    email: str = ""
    organisation: str = ""
    profession: str = ""  # gp, clinician, practice-manager, administrator (roster.PROFESSIONS)
    substitute_agreed: bool = False  # the health board agreed they represent the practice


@dataclass
class Item:
    """An item of the agenda as the events have made it."""

    id: str
    title: str
    financial: bool = False
    amount: float | None = None
    reference: str = ""
    presenter: str = ""
    standing: str = ""  # apologies | declarations | minutes | matters-arising | ...
    decision_type: str | None = None
    purpose: str = ""  # decision | discussion | information | ratification | noting | ""
    parent: str | None = None  # a sub-item (3a, 3b) names its item
    papers: tuple[str, ...] = ()
    # Facts the heading is rendered from (domain.agenda.item_heading), never words:
    of_date: str = ""  # the minutes item: the date of the meeting whose minutes
    decision: str = ""  # an outside decision listed: its uuid, kind and date
    decision_kind: str = ""
    decided_on: str = ""
    budget_line: str = ""  # a financial item: the budget line it spends from (domain.budget)
    starts: str = ""  # the planned start "HH:MM", where given
    duration: int | None = None  # the planned minutes, where given
    withdrawn: bool = False  # taken off the agenda (``item_withdrawn``): kept, not listed


@dataclass(frozen=True)
class Paper:
    """A paper kept inside the record: its bytes are in table paper_files by SHA-256."""

    id: str
    item: str
    title: str
    sha256: str
    filename: str
    size: int
    media: str
    event: int
    withdrawn: bool = False


@dataclass(frozen=True)
class RecordedProposal:
    """An investment proposal recorded for an item (the latest replaces earlier ones)."""

    id: str
    item: str
    proposal: Proposal
    event: int


# What may be recorded about an item without anything having happened at it: building
# the agenda. Any other event naming an item stops it being withdrawn.
AGENDA_EVENTS = (
    "item_added",
    "item_changed",
    "item_moved",
    "item_withdrawn",
    "paper_attached",
    "paper_withdrawn",
    "proposal_recorded",
    "focus",
)


@dataclass
class Span:
    """One stretch of presence: arrived (and perhaps left again)."""

    arrived: str | None
    mode: str
    arrived_event: int
    left: str | None = None
    left_event: int | None = None
    left_after_item: str | None = None


@dataclass
class Attendance:
    """One person's attendance: the spans they were present, and any apologies."""

    spans: list[Span] = field(default_factory=list)
    apologies: bool = False
    apologies_at: str | None = None
    marked_absent: bool = False

    @property
    def present(self) -> bool:
        return bool(self.spans) and self.spans[-1].left_event is None

    @property
    def mode(self) -> str | None:
        return self.spans[-1].mode if self.present else None

    @property
    def ever_present(self) -> bool:
        return bool(self.spans)

    @property
    def remote(self) -> bool:
        """Attended (wholly or partly) remotely."""
        return any(s.mode == "remote" for s in self.spans)


@dataclass(frozen=True)
class Declaration:
    """A declaration of interest, for one item or every item, and what the person does."""

    person: str
    item: str | None  # None: every item
    interest: str
    action: str  # none | abstain | withdraw | unstated
    event: int
    event_id: str
    standing: str = ""  # from the register of interests: confirmed | changed | new

    def applies_to(self, item: str | None) -> bool:
        return item is not None and (self.item is None or self.item == item)


@dataclass(frozen=True)
class Proxy:
    """A member's vote given to another, for one item or every item, directed or not."""

    grantor: str
    holder: str
    item: str | None
    direction: str | None
    event: int
    event_id: str

    def applies_to(self, item: str) -> bool:
        return self.item is None or self.item == item


@dataclass(frozen=True)
class ChairTaking:
    """``person`` takes the chair for ``item``, or for the rest of the meeting (None)."""

    person: str
    item: str | None
    at: str | None
    event: int
    event_id: str


@dataclass
class Action:
    """An action recorded at the meeting (or carried into it), with its owner and status."""

    id: str
    text: str
    item: str | None
    owner: str = ""
    due: str | None = None
    status: str = "open"
    notes: list[str] = field(default_factory=list)
    event: int = 0
    # Carried from an earlier meeting (``action_carried``): that meeting's uuid and
    # date, and the reference of the item it was agreed under there.
    carried_from: str = ""
    carried_from_date: str = ""
    carried_from_item: str = ""


@dataclass(frozen=True)
class PreviousMinutes:
    """Minutes of a meeting not in this record, approved at this one."""

    date: str
    amendments: str
    item: str | None
    event: int


@dataclass(frozen=True)
class FinancialEntry:
    """A line of the financial log: money committed on an item, and who authorised it."""

    item: str
    amount: float
    budget_line: str
    signatory: str
    description: str
    event: int


# A copy of the state is kept every this many events, so an undo or a correction
# replays only the events since the copy before its target, not the whole meeting
# (an undo at 2,000 events within a frame; docs/performance.md).
CHECKPOINT_EVERY = 32


@dataclass(frozen=True)
class _Checkpoint:
    """The state after ``events[:index]`` were folded (with a given set cancelled)."""

    index: int
    state: dict[str, Any]


def _spans_copy(spans: list[Span]) -> list[Span]:
    """Only a person's last stretch of presence is ever changed (when they leave)."""
    return [*spans[:-1], copy(spans[-1])] if spans else []


class Meeting:
    """The terms, the events, and the state they add up to."""

    def __init__(self, terms: Terms, events: Iterable[Event] = ()):
        """``events``: a meeting's history, as stored (played as ``apply(stored=True)``)."""
        self.terms = terms
        self.events: list[Event] = []
        self._reset()
        self._checkpoints: list[_Checkpoint] = []
        # The state a retract will leave, worked out by check() and taken by apply():
        # one replay per undo, not one to check it and another to apply it.
        self._prepared: tuple[str, int, Meeting] | None = None
        for e in events:
            self.apply(e, stored=True)

    def _reset(self) -> None:
        self.people: dict[str, Person] = {}
        self.items: dict[str, Item] = {}
        self.agenda: list[str] = []
        self.attendance: dict[str, Attendance] = {}
        self.declarations: list[Declaration] = []
        # Indexed by person: quorum and tallies ask "is X barred?" for everyone, often.
        self._declarations_by_person: dict[str, list[Declaration]] = {}
        self._barring: dict[tuple[str, str], Declaration | None] = {}
        self.proxies: list[Proxy] = []
        self.chair_takings: list[ChairTaking] = []
        self.decisions: list[Decision] = []  # in the order taken
        self.notes: dict[str, str] = {}
        self.actions: dict[str, Action] = {}
        self.financial: list[FinancialEntry] = []
        self.focus: str | None = None
        self.previous_minutes: list[PreviousMinutes] = []
        self.public: int | None = None  # members of the public, where recorded
        self.closed = False
        self.closed_at: str | None = None  # when it closed (while ``closed``)
        self.papers: dict[str, Paper] = {}  # in the order attached, withdrawn ones kept
        self.proposals: dict[str, RecordedProposal] = {}  # by item
        self.called: tuple[str, bool] | None = None  # notice given (date, interim)
        self.cancelled: set[str] = set()

    # ------------------------------------------------------------------ applying

    def apply(self, event: Event, *, stored: bool = False) -> Decision | None:
        """Record ``event`` into the state. Returns the decision for a vote or
        consensus, else None. Raises EventError (state unchanged) for an event
        that names an unknown person, item or seat, or that a rule refuses.

        ``stored``: the event is part of a meeting's history as recorded (read back
        from a record), not one being admitted now: the rules only admission judges
        (``_check_refs``' ``admitting``) are not asked again, so that a rule tightened
        after it was recorded does not make a recorded meeting unplayable."""
        if event.type == "retract":
            self._adopt(self.with_retract(event))
            return None
        self._check_refs(event, admitting=not stored)
        index = len(self.events)
        self._maybe_checkpoint(index)
        self.events.append(event)
        try:
            return self._fold(event, index)
        except Exception as exc:
            # Nothing unplayable may stand: the state goes back to what it was.
            self.rewind(index)
            if isinstance(exc, EventError):
                raise
            raise EventError(
                msg(
                    "{event}: cannot be played ({kind}: {why})",
                    event=event.type,
                    kind=type(exc).__name__,
                    why=str(exc),
                )
            ) from None

    def rewind(self, count: int) -> None:
        """Back to the state after the first ``count`` events (a write that failed)."""
        del self.events[count:]
        self._rebuild()

    def check(self, event: Event) -> None:
        """Raise EventError if ``apply(event)`` would refuse it; nothing changes."""
        if event.type != "retract":
            self._check_refs(event)
            return
        self.with_retract(event)

    def with_retract(self, event: Event) -> Meeting:
        """The meeting as it would be with ``retract`` ``event`` applied (self unchanged);
        kept for apply(). Raises EventError when later events depend on the target."""
        key = (event.id, len(self.events))
        if self._prepared is not None and self._prepared[:2] == key:
            return self._prepared[2]
        if event.get("target") not in {e.id for e in self.events}:
            raise EventError(
                msg(
                    "{event}: no event {id} in this meeting",
                    event="retract",
                    id=repr(event.get("target")),
                )
            )
        # Later events may depend on the one retracted (a person who has since
        # arrived, an item since voted on): replay on a copy.
        trial = Meeting(self.terms)
        try:
            trial._replay([*self.events, event], self)
        except EventError as exc:
            raise EventError(
                msg(
                    "retract: cannot undo that event, as later ones depend on it ({why})",
                    why=exc.problem,
                )
            ) from None
        self._prepared = (*key, trial)
        return trial

    def _adopt(self, other: Meeting) -> None:
        """Take ``other``'s state (this object stays the one views hold)."""
        self.__dict__.update(other.__dict__)
        self._prepared = None

    def _copy(self) -> Meeting:
        """An independent copy of this meeting, from its state (no replay)."""
        twin = Meeting(self.terms)
        twin._restore(_Checkpoint(len(self.events), self._copy_state()), self)
        twin.events = list(self.events)
        twin.cancelled = set(self.cancelled)
        twin._checkpoints = list(self._checkpoints)
        return twin

    def apply_raw(self, raw: dict[str, Any]) -> Decision | None:
        return self.apply(check_event(raw))

    def _rebuild(self) -> None:
        """Fold every event again from the start."""
        self._checkpoints = []
        self._replay(self.events, None)

    def _replay(self, events: list[Event], earlier: Meeting | None) -> None:
        """Become the state of ``events``: from the last checkpoint of ``earlier`` (a
        meeting whose events begin ``events``) that the change in what is cancelled
        leaves valid, else from the start."""
        # Walk backwards: a retract cancels its target unless it is itself
        # cancelled by a later retract (undo of an undo is a redo).
        cancelled: set[str] = set()
        for e in reversed(events):
            if e.type == "retract" and e.id not in cancelled:
                cancelled.add(e.get("target"))
        start = None
        if earlier is not None:
            changed = cancelled ^ earlier.cancelled
            first = next((i for i, e in enumerate(events) if e.id in changed), len(events))
            start = next((c for c in reversed(earlier._checkpoints) if c.index <= first), None)
        self._reset()
        self._prepared = None
        if start is None:
            self._checkpoints = []
        else:
            assert earlier is not None
            self._checkpoints = [c for c in earlier._checkpoints if c.index <= start.index]
            self._restore(start, earlier)
        self.cancelled = cancelled
        self.events = list(events[: start.index]) if start is not None else []
        for index in range(len(self.events), len(events)):
            e = events[index]
            self._maybe_checkpoint(index)
            self.events.append(e)
            if e.type != "retract" and e.id not in cancelled:
                self._check_refs(e, admitting=False)  # history: admitted when recorded
                self._fold(e, index)

    def _maybe_checkpoint(self, index: int) -> None:
        if index % CHECKPOINT_EVERY == 0 and (
            not self._checkpoints or self._checkpoints[-1].index < index
        ):
            self._checkpoints.append(_Checkpoint(index, self._copy_state()))

    def _copy_state(self) -> dict[str, Any]:
        """The folded state at this point. What the fold only appends to (declarations,
        proxies, decisions, financial entries) is kept as a length; what it changes in
        place (items, attendance, actions) is copied; people are never changed."""
        return {
            "people": dict(self.people),
            "items": {k: copy(i) for k, i in self.items.items()},
            "agenda": list(self.agenda),
            "attendance": {
                k: Attendance(_spans_copy(a.spans), a.apologies, a.apologies_at, a.marked_absent)
                for k, a in self.attendance.items()
            },
            "declarations": len(self.declarations),
            "proxies": len(self.proxies),
            "decisions": len(self.decisions),
            "financial": len(self.financial),
            "notes": dict(self.notes),
            "actions": {k: replace(a, notes=list(a.notes)) for k, a in self.actions.items()},
            "focus": self.focus,
            "closed": self.closed,
            "closed_at": self.closed_at,
            "papers": dict(self.papers),
            "proposals": dict(self.proposals),
            "called": self.called,
        }

    def _restore(self, checkpoint: _Checkpoint, earlier: Meeting) -> None:
        """Take the state of ``checkpoint`` of ``earlier`` (copied: both stay usable)."""
        state = checkpoint.state
        self.people = dict(state["people"])
        self.items = {k: copy(i) for k, i in state["items"].items()}
        self.agenda = list(state["agenda"])
        self.attendance = {
            k: Attendance(_spans_copy(a.spans), a.apologies, a.apologies_at, a.marked_absent)
            for k, a in state["attendance"].items()
        }
        # The same events were folded before the checkpoint: their records are shared.
        self.declarations = earlier.declarations[: state["declarations"]]
        self.proxies = earlier.proxies[: state["proxies"]]
        self.decisions = earlier.decisions[: state["decisions"]]
        self.financial = earlier.financial[: state["financial"]]
        self.notes = dict(state["notes"])
        self.actions = {k: replace(a, notes=list(a.notes)) for k, a in state["actions"].items()}
        self.focus = state["focus"]
        self.closed = state["closed"]
        self.closed_at = state["closed_at"]
        self.papers = dict(state["papers"])
        self.proposals = dict(state["proposals"])
        self.called = state["called"]
        by_person: dict[str, list[Declaration]] = {}
        for d in self.declarations:
            by_person.setdefault(d.person, []).append(d)
        self._declarations_by_person = by_person
        self._barring = {}

    def effective_events(self) -> Iterator[tuple[int, Event]]:
        """The events that stand after every undo and redo, with their positions."""
        for i, e in enumerate(self.events):
            if e.type != "retract" and e.id not in self.cancelled:
                yield i, e

    def _item_no(self, item: str) -> str:
        return str(self.agenda.index(item) + 1) if item in self.agenda else item

    def _index_of(self, event_id: str) -> int:
        for i, e in enumerate(self.events):
            if e.id == event_id:
                return i
        raise EventError(
            msg("{event}: no event {id} in this meeting", event="time_corrected", id=repr(event_id))
        )

    def _check_time_correction(self, e: Event) -> None:
        """A time correction names a standing arrival or departure, and the time it
        gives keeps the record in order: an arrival no later than a decision taken
        while that person was counted present, a departure no earlier than one."""
        index = self._index_of(e.get("target"))
        target = self.events[index]
        if target.type not in ("arrive", "leave") or target.id in self.cancelled:
            raise EventError(
                msg("time_corrected: only an arrival or departure that stands can be corrected")
            )
        pid = target.get("person")
        span = next(
            (s for s in self.attendance[pid].spans if index in (s.arrived_event, s.left_event)),
            None,
        )
        if span is None:  # an arrival of someone already present: nothing to correct
            raise EventError(msg("time_corrected: that arrival or departure changed nothing"))
        at = e.get("at")
        end = span.left_event if span.left_event is not None else len(self.events)
        during = [d for d in self.decisions if span.arrived_event < d.event < end and d.at]
        if index == span.arrived_event:
            too_late = [d for d in during if d.at < at]
            if too_late:
                d = too_late[0]
                raise EventError(
                    msg(
                        "time_corrected: {name} was counted present for the decision on "
                        "item {item} at {decided}, so cannot have arrived at {at}",
                        name=self.people[pid].name,
                        item=self._item_no(d.item),
                        decided=d.at,
                        at=at,
                    )
                )
            if span.left is not None and at > span.left:
                raise EventError(
                    msg(
                        "time_corrected: an arrival at {at} would be after the departure at {left}",
                        at=at,
                        left=span.left,
                    )
                )
        if index == span.left_event:
            too_early = [d for d in during if d.at > at]
            if too_early:
                d = too_early[-1]
                raise EventError(
                    msg(
                        "time_corrected: {name} was counted present for the decision on "
                        "item {item} at {decided}, so cannot have left at {at}",
                        name=self.people[pid].name,
                        item=self._item_no(d.item),
                        decided=d.at,
                        at=at,
                    )
                )
            if span.arrived is not None and at < span.arrived:
                raise EventError(
                    msg(
                        "time_corrected: a departure at {at} would be before the arrival "
                        "at {arrived}",
                        at=at,
                        arrived=span.arrived,
                    )
                )

    def with_events(self, extra: Iterable[Event]) -> Meeting:
        """The meeting as it would be with ``extra`` recorded after its events (a
        trial: this meeting is unchanged). Raises EventError as ``apply`` would."""
        trial, shared = self, True  # shared: this meeting, or a state it keeps
        for e in extra:
            if e.type == "retract":
                # Replayed from the last checkpoint, and kept by ``trial``: recording
                # this very retract next (same id) replays nothing more.
                trial = trial.with_retract(e)
            else:
                if shared:
                    trial, shared = trial._copy(), False
                trial.apply(e)
        return trial._copy() if shared else trial

    def undo_target(self) -> Event | None:
        """The event an undo would retract now: the last standing one that is not
        navigation, notes or itself a retract; None when there is nothing to undo."""
        last = None
        for _, e in self.effective_events():
            if e.type not in UNDO_PASSES_OVER:
                last = e
        return last

    def last_attendance_event(self, pid: str) -> Event | None:
        """``pid``'s last standing arrival or departure."""
        found = None
        for _, e in self.effective_events():
            if e.type in ("arrive", "leave") and e.get("person") == pid:
                found = e
        return found

    def time_of(self, event: Event) -> str | None:
        """The time an arrival or departure stands at: as recorded, or as corrected
        since (``time_corrected``)."""
        att = self.attendance.get(event.get("person"))
        index = self._position(event)
        if att is not None and index is not None:
            for span in att.spans:
                if span.arrived_event == index:
                    return span.arrived
                if span.left_event == index:
                    return span.left
        at = event.get("at")
        return at if isinstance(at, str) else None

    def _position(self, event: Event) -> int | None:
        """Where ``event`` (one of this meeting's own) stands in its events."""
        return next((i for i, e in enumerate(self.events) if e is event), None)

    def left_after_item(self, leave: Event) -> str | None:
        """The item a departure followed (as folded when it was recorded)."""
        att = self.attendance.get(leave.get("person"))
        index = self._position(leave)
        if att is None or index is None:
            return None
        for span in att.spans:
            if span.left_event == index:
                return span.left_after_item
        return None

    def _person(self, pid: Any, what: str) -> Person:
        if pid not in self.people:
            raise EventError(msg("{event}: unknown person {person}", event=what, person=repr(pid)))
        return self.people[pid]

    def _item(self, iid: Any, what: str) -> Item:
        if iid not in self.items:
            raise EventError(msg("{event}: unknown item {item}", event=what, item=repr(iid)))
        item = self.items[iid]
        if item.withdrawn:
            raise EventError(
                msg(
                    "{event}: item {item} was withdrawn from the agenda",
                    event=what,
                    item=repr(iid),
                )
            )
        return item

    def _check_refs(self, e: Event, admitting: bool = True) -> None:
        """Raise EventError if the meeting cannot take ``e``: what it names must exist
        (always), and -- ``admitting``, a new event -- the rules that guard what is
        recorded next (what a decision stands on stays as decided), which are not
        asked again of the history a record holds (``apply(stored=True)``)."""
        t = e.type
        if t == "time_corrected":
            self._check_time_correction(e)
        if admitting and self.closed and t in TAKEN_WHILE_OPEN:
            raise EventError(
                msg(
                    "{event}: the meeting closed at {at}; reopen it to record this",
                    event=t,
                    at=self.closed_at,
                )
                if self.closed_at
                else msg("{event}: the meeting has closed; reopen it to record this", event=t)
            )
        if t in ("arrive", "leave", "apologies", "absent", "declare", "chair_taken"):
            self._person(e.get("person"), t)
        if (
            t
            in (
                "declare",
                "proxy",
                "action",
                "action_carried",
                "minutes_approved",
                "ratify",
                "chair_taken",
                "previous_minutes_approved",
            )
            and e.get("item") is not None
        ):
            self._item(e.get("item"), t)
        if t in ("consensus", "vote", "note", "financial_entry", "item_moved", "item_changed"):
            self._item(e.get("item"), t)
        if t in ("item_withdrawn", "paper_attached", "paper_withdrawn", "proposal_recorded"):
            self._check_agenda_event(e, admitting)
        if t == "item_changed" and admitting:
            refusal = self.decided_change_refusal(e.get("item"), e.data)
            if refusal is not None:
                raise EventError(msg("{event}: {why}", event="item_changed", why=refusal))
        if t == "item_changed" and e.get("item") in self.proposals:
            self._check_proposal_amount(e)
        if t == "focus" and e.get("item") is not None:
            self._item(e.get("item"), t)
        if t == "leave" and e.get("after_item") is not None:
            self._item(e.get("after_item"), "leave")
        if t == "proxy":
            self._person(e.get("from"), "proxy 'from'")
            self._person(e.get("to"), "proxy 'to'")
        if t == "vote":
            for key in e.get("votes"):
                self._person(key, "vote")
        if t == "person_added":
            self._check_person(e)
        if t == "item_added" and e.get("item") in self.items:
            raise EventError(
                msg("item_added: item {item} is already on the agenda", item=repr(e.get("item")))
            )
        if t == "item_added" and e.get("parent") is not None:
            parent = self._item(e.get("parent"), "item_added 'parent'")
            if parent.parent is not None:
                raise EventError(
                    msg(
                        "item_added: item {item} is itself a sub-item; sub-items go one level deep",
                        item=repr(parent.id),
                    )
                )
        if (
            t == "action"
            and e.get("action") in self.actions
            and self.actions[e.get("action")].carried_from
        ):
            raise EventError(
                msg(
                    "action: {action} is an action carried from an earlier meeting; update "
                    "it, or give the new action another id",
                    action=repr(e.get("action")),
                )
            )
        if t == "action_carried" and e.get("action") in self.actions:
            raise EventError(
                msg(
                    "action_carried: action {action} is already in this meeting",
                    action=repr(e.get("action")),
                )
            )
        if t == "action_update" and e.get("action") not in self.actions:
            raise EventError(
                msg("action_update: unknown action {action}", action=repr(e.get("action")))
            )

    def _check_agenda_event(self, e: Event, admitting: bool = True) -> None:
        """Building the agenda: withdrawing an item, papers and proposals."""
        t = e.type
        if t == "paper_withdrawn":
            paper = self.papers.get(e.get("paper"))
            if paper is None:
                raise EventError(
                    msg("paper_withdrawn: unknown paper {paper}", paper=repr(e.get("paper")))
                )
            if paper.withdrawn:
                raise EventError(
                    msg(
                        "paper_withdrawn: paper {title} is already withdrawn",
                        title=repr(paper.title),
                    )
                )
            if admitting:
                self._check_not_decided(t, paper.item)
            return
        item = self._item(e.get("item"), t)
        if t == "paper_attached":
            if e.get("paper") in self.papers:
                raise EventError(
                    msg(
                        "paper_attached: paper {paper} is already attached",
                        paper=repr(e.get("paper")),
                    )
                )
            same = next(
                (
                    p
                    for p in self.papers.values()
                    if p.item == item.id and not p.withdrawn and p.sha256 == e.get("sha256")
                ),
                None,
            )
            if same is not None:
                raise EventError(
                    msg(
                        "paper_attached: that file is already attached to item {item} as {title}",
                        item=self._item_no(item.id),
                        title=repr(same.title),
                    )
                )
        elif t == "proposal_recorded":
            if admitting:
                self._check_not_decided(t, item.id)
            if item.decision or item.standing in ("ratification", "noting"):
                raise EventError(
                    msg(
                        "proposal_recorded: item {item} lists a decision taken outside the "
                        "meeting; its amount is that decision's. A proposal needs an item of "
                        "its own",
                        item=self._item_no(item.id),
                    )
                )
            if item.standing in (*STANDING_START, *STANDING_END):
                raise EventError(
                    msg(
                        "proposal_recorded: a proposal needs an item of its own, not a "
                        "standing item of every agenda"
                    )
                )
            # Imported with the first proposal: a meeting's first paint may have none.
            from secretary.domain.proposal import Proposal, ProposalError

            try:
                Proposal.from_fields(e.data)
            except ProposalError as exc:
                raise EventError(
                    msg("{event}: {why}", event="proposal_recorded", why=exc.problem)
                ) from None
        elif t == "item_withdrawn":
            self._check_withdrawal(e, item)

    def decided_change_refusal(
        self, item: str, changed: Mapping[str, Any], number: str | None = None
    ) -> Msg | None:
        """Why ``changed`` may not be made to ``item``, or None: once a decision stands
        on an item (taken here, or an outside decision the item lists), the money it
        decided (amount, financial, decision type) stays, or the minutes would say it
        decided something else. ``number`` is the item's number as the reader sees it."""
        current = self.items.get(item)
        if current is None:
            return None
        outside = bool(current.decision) or current.standing in ("ratification", "noting")
        if not (outside or self.decisions_for(item)):
            return None
        for key in ("amount", "financial", "decision_type"):
            if key not in changed:
                continue
            was, now = getattr(current, key), changed[key]
            if key == "amount":
                same = (
                    was is not None
                    and now is not None
                    and round(float(was), 2) == round(float(now), 2)
                )
            else:
                same = (was or None) == (now or None)
            if same:
                continue
            number = number or self._item_no(item)
            if outside:
                return msg(
                    "item {number} lists a decision taken outside the meeting: its amount "
                    "and decision type are that decision's",
                    number=number,
                )
            return msg(
                "item {number} is decided: its amount and decision type stay as "
                "decided (undo the decision first)",
                number=number,
            )
        return None

    def _check_not_decided(self, t: str, item: str) -> None:
        """What the meeting decided on stays as it was: once a decision stands on an
        item, its proposal is not revised and its papers are not withdrawn (the
        minutes would say it decided on something else); undo the decision first."""
        if self.decisions_for(item):
            raise EventError(
                msg(
                    "{event}: item {item} is decided; what it was decided on stays (undo "
                    "the decision first)",
                    event=t,
                    item=self._item_no(item),
                )
            )

    def _check_withdrawal(self, e: Event, item: Item) -> None:
        """An item comes off the agenda only while nothing has happened at it: what
        was recorded on an item (a decision, a declaration, a note, an action, money)
        stays on the record, and so does the item."""
        number = self._item_no(item.id)
        if item.standing in (*STANDING_START, *STANDING_END):
            raise EventError(
                msg(
                    "item_withdrawn: item {item} is a standing item of every agenda; it stays on",
                    item=number,
                )
            )
        subs = [i for i in self.items.values() if i.parent == item.id and not i.withdrawn]
        if subs:
            raise EventError(
                msg(
                    "item_withdrawn: item {item} has sub-items on the agenda; withdraw them first",
                    item=number,
                )
            )
        for _, other in self.effective_events():
            if other.id == e.id or other.type in AGENDA_EVENTS:
                continue
            if item.id in (other.get("item"), other.get("after_item")):
                raise EventError(
                    msg(
                        "item_withdrawn: item {item} cannot be withdrawn: {what} is recorded on it",
                        item=number,
                        what=recorded_on_item(other.type),
                    )
                )

    def _check_proposal_amount(self, e: Event) -> None:
        """While a proposal stands, the item's amount is the proposal's total."""
        recorded = self.proposals[e.get("item")]
        amount, total = e.get("amount"), float(recorded.proposal.total)
        if amount is not None and round(float(amount), 2) != round(total, 2):
            raise EventError(
                msg(
                    "item_changed: the amount of item {item} is its proposal's total, "
                    "{total}; record a revised proposal to change it",
                    item=self._item_no(recorded.item),
                    total=f"{total:,.2f}",
                )
            )
        if e.get("financial") is False:
            raise EventError(
                msg(
                    "item_changed: item {item} has an investment proposal, so it stays a "
                    "financial item",
                    item=self._item_no(recorded.item),
                )
            )

    def _check_person(self, e: Event) -> None:
        pid, role, seat = e.get("person"), e.get("role"), e.get("seat")
        if pid in self.people:
            raise EventError(msg("person {person} is listed twice", person=repr(pid)))
        problem = seat_problem(self.terms, role, seat)
        if problem is not None:
            raise EventError(msg("person {person}: {why}", person=repr(pid), why=problem[1]))

    def _fold(self, e: Event, index: int) -> Decision | None:
        t = e.type
        if t == "person_added":
            self.people[e.get("person")] = Person(
                id=e.get("person"),
                name=e.get("name"),
                role=e.get("role"),
                seat=e.get("seat"),
                kind=e.get("kind", ""),
                email=e.get("email", ""),
                organisation=e.get("organisation", ""),
                profession=e.get("profession", ""),
                substitute_agreed=bool(e.get("substitute_agreed", False)),
            )
            self.attendance.setdefault(e.get("person"), Attendance())
        elif t == "item_added":
            iid = e.get("item")
            title, standing = e.get("title", ""), e.get("standing", "")
            of_date = e.get("of_date", "")
            # Earlier versions stored a standing item's title in words (English or
            # Welsh): read back as its key, so it renders in the reader's language.
            known = standing_key(title) if title and not e.get("decision") else None
            if known is not None and standing in ("", known[0]):
                standing, title, of_date = known[0], "", of_date or known[1]
            kind, decided_on = e.get("decision_kind", ""), e.get("decided_on", "")
            if standing in ("ratification", "noting") and not decided_on:
                outside = outside_reference(title)  # stored in words by earlier versions
                if outside is not None:
                    kind, decided_on, title = outside
            self.items[iid] = Item(
                id=iid,
                title=title,
                financial=e.get("financial", False),
                amount=e.get("amount"),
                reference=e.get("reference", ""),
                presenter=e.get("presenter", ""),
                standing=standing,
                decision_type=e.get("decision_type"),
                budget_line=e.get("budget_line", ""),
                purpose=e.get("purpose", ""),
                parent=e.get("parent"),
                papers=tuple(e.get("papers", ())),
                of_date=of_date,
                decision=e.get("decision", ""),
                decision_kind=kind,
                decided_on=decided_on,
                starts=e.get("starts", ""),
                duration=e.get("duration"),
            )
            pos = e.get("position")
            if pos is None or pos >= len(self.agenda):
                self.agenda.append(iid)
            else:
                self.agenda.insert(max(pos, 0), iid)
        elif t == "item_moved":
            iid = e.get("item")
            self.agenda.remove(iid)
            self.agenda.insert(max(0, min(e.get("position"), len(self.agenda))), iid)
        elif t == "item_changed":
            item = self.items[e.get("item")]
            for key in (
                "title",
                "financial",
                "amount",
                "reference",
                "presenter",
                "budget_line",
                "purpose",
                "decision_type",
                "starts",
                "duration",
            ):
                if key in e.data:
                    setattr(item, key, e.get(key))
            if "papers" in e.data:
                item.papers = tuple(e.get("papers"))
        elif t == "item_withdrawn":
            self.items[e.get("item")].withdrawn = True
            self.agenda.remove(e.get("item"))
            if self.focus == e.get("item"):
                self.focus = None
        elif t == "paper_attached":
            self.papers[e.get("paper")] = Paper(
                id=e.get("paper"),
                item=e.get("item"),
                title=e.get("title"),
                sha256=e.get("sha256"),
                filename=e.get("filename"),
                size=e.get("size"),
                media=e.get("media", ""),
                event=index,
            )
        elif t == "paper_withdrawn":
            self.papers[e.get("paper")] = replace(self.papers[e.get("paper")], withdrawn=True)
        elif t == "proposal_recorded":
            from secretary.domain.proposal import Proposal

            proposal = Proposal.from_fields(e.data)
            iid = e.get("item")
            self.proposals[iid] = RecordedProposal(e.get("proposal"), iid, proposal, index)
            item = self.items[iid]
            item.financial, item.amount = True, float(proposal.total)
        elif t == "meeting_called":
            self.called = (e.get("on"), e.get("interim"))
        elif t == "arrive":
            att = self.attendance[e.get("person")]
            if not att.present:
                att.spans.append(Span(e.get("at"), e.get("mode", "in_person"), index))
            elif e.get("mode") and e.get("mode") != att.spans[-1].mode:
                # Switching between remote and in person is a new stretch.
                att.spans[-1].left, att.spans[-1].left_event = e.get("at"), index
                att.spans.append(Span(e.get("at"), e.get("mode"), index))
        elif t == "leave":
            att = self.attendance[e.get("person")]
            if att.present:
                span = att.spans[-1]
                span.left, span.left_event = e.get("at"), index
                span.left_after_item = e.get("after_item") or self.focus
        elif t == "apologies":
            att = self.attendance[e.get("person")]
            att.apologies, att.apologies_at = True, e.get("at")
        elif t == "time_corrected":
            target = self._index_of(e.get("target"))
            pid = self.events[target].get("person")
            for span in self.attendance[pid].spans:
                if span.arrived_event == target:
                    span.arrived = e.get("at")
                if span.left_event == target:
                    span.left = e.get("at")
        elif t == "absent":
            self.attendance[e.get("person")].marked_absent = True
        elif t == "declare":
            declaration = Declaration(
                e.get("person"),
                e.get("item"),
                e.get("interest"),
                e.get("action"),
                index,
                e.id,
                e.get("standing", ""),
            )
            self.declarations.append(declaration)
            self._declarations_by_person.setdefault(declaration.person, []).append(declaration)
            self._barring.clear()
        elif t == "proxy":
            self.proxies.append(
                Proxy(
                    e.get("from"),
                    e.get("to"),
                    e.get("item"),
                    e.get("direction"),
                    index,
                    e.id,
                )
            )
        elif t == "chair_taken":
            self.chair_takings.append(
                ChairTaking(e.get("person"), e.get("item"), e.get("at"), index, e.id)
            )
        elif t in ("vote", "consensus"):
            from secretary.domain.votes import decide

            decision = decide(self, e, index)
            self.decisions.append(decision)
            return decision
        elif t == "focus":
            self.focus = e.get("item")
        elif t == "note":
            self.notes[e.get("item")] = e.get("text")
        elif t == "action":
            self.actions[e.get("action")] = Action(
                id=e.get("action"),
                text=e.get("text"),
                item=e.get("item"),
                owner=e.get("owner", ""),
                due=e.get("due"),
                status=e.get("status", "open"),
                event=index,
            )
        elif t == "action_carried":
            self.actions[e.get("action")] = Action(
                id=e.get("action"),
                text=e.get("text"),
                item=e.get("item"),
                owner=e.get("owner", ""),
                due=e.get("due"),
                status=e.get("status", "open"),
                event=index,
                carried_from=e.get("from_meeting"),
                carried_from_date=e.get("from_date", ""),
                carried_from_item=e.get("from_item", ""),
            )
        elif t == "action_update":
            action = self.actions[e.get("action")]
            if e.get("status"):
                action.status = e.get("status")
            if e.get("due"):
                action.due = e.get("due")
            if e.get("note"):
                action.notes.append(e.get("note"))
        elif t == "financial_entry":
            self.financial.append(
                FinancialEntry(
                    e.get("item"),
                    float(e.get("amount")),
                    e.get("budget_line", ""),
                    e.get("signatory", ""),
                    e.get("description", ""),
                    index,
                )
            )
        elif t == "previous_minutes_approved":
            self.previous_minutes.append(
                PreviousMinutes(e.get("date"), e.get("amendments", ""), e.get("item"), index)
            )
        elif t == "public_attendance":
            self.public = e.get("count")
        elif t == "meeting_closed":
            self.closed, self.closed_at = True, e.get("at")
        elif t == "meeting_opened":
            self.closed, self.closed_at = False, None
        return None

    # ------------------------------------------------------------------ queries

    def is_present(self, pid: str) -> bool:
        att = self.attendance.get(pid)
        return att is not None and att.present

    def declarations_for(self, pid: str, item: str | None) -> list[Declaration]:
        if item is None:
            return []
        return [d for d in self._declarations_by_person.get(pid, ()) if d.applies_to(item)]

    def barring_declaration(self, pid: str, item: str | None) -> Declaration | None:
        """The declaration that stops ``pid`` voting on ``item`` (the strongest), if any."""
        # Asked for everyone on every quorum and tally: remembered until the next
        # declaration (replay budget, docs/performance.md).
        if item is None:
            return None
        key = (pid, item)
        if key in self._barring:
            return self._barring[key]
        found = self._barring[key] = self._barring_now(pid, item)
        return found

    def _barring_now(self, pid: str, item: str) -> Declaration | None:
        found = None
        for d in self._declarations_by_person.get(pid, ()):
            if d.item is not None and d.item != item:  # Declaration.applies_to
                continue
            if d.action == "withdraw":
                return d
            if d.action == "abstain":
                found = d
        return found

    def withdrawn(self, pid: str, item: str | None) -> bool:
        d = self.barring_declaration(pid, item)
        return d is not None and d.action == "withdraw"

    def present_for(self, pid: str, item: str | None) -> bool:
        """Present in the room (or remotely) for ``item``: withdrawals applied."""
        return self.is_present(pid) and not self.withdrawn(pid, item)

    def seat_of(self, pid: str) -> Seat | None:
        p = self.people.get(pid)
        if p is None:
            return None
        return self.terms.standing(p.role, p.seat).seat

    def represents(self, pid: str) -> Seat | None:
        """The seat ``pid`` stands for when present (None for attendees and for
        deputies where the terms say deputies do not count)."""
        p = self.people.get(pid)
        if p is None:
            return None
        return self.terms.standing(p.role, p.seat).counts_for

    def may_vote(self, pid: str) -> bool:
        """Entitled to vote by role (members, and deputies where allowed)."""
        p = self.people.get(pid)
        if p is None:
            return False
        return self.terms.standing(p.role, p.seat).may_vote

    def seats_represented(self, item: str | None = None) -> set[str]:
        """Seats represented for ``item``: see ``standing.seats_represented``."""
        from secretary.domain.standing import seats_represented

        return seats_represented(self, item)

    def groups_present(self, item: str | None) -> set[str]:
        """Voting groups represented in person (not by proxy) for ``item``."""
        groups = set()
        for pid in self.people:
            if self.present_for(pid, item) and self.may_vote(pid):
                seat = self.seat_of(pid)
                if seat is not None:
                    groups.add(seat.group)
        return groups

    def chair(self, item: str | None = None) -> Person | None:
        """The person chairing ``item`` (or the meeting): see ``standing.chair``."""
        from secretary.domain.standing import chair

        return chair(self, item)

    def decisions_for(self, item: str) -> list[Decision]:
        return [d for d in self.decisions if d.item == item]

    def decided(self, item: str | None) -> Decision | None:
        """The decision that stands on ``item``: its latest carried or agreed one (a
        vote not carried, or refused as inquorate, leaves the item open)."""
        found = [d for d in self.decisions if d.item == item and d.carried]
        return found[-1] if found else None

    def papers_of(self, item: str) -> list[Paper]:
        """The papers attached to ``item`` that stand, in the order attached."""
        return [p for p in self.papers.values() if p.item == item and not p.withdrawn]
