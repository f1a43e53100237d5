"""The one object of the window that writes: every change goes through an
operation of ``secretary.app`` here, and views are told by signals (past tense),
emitted only after the operation returns.

Views never own data: they read ``controller.meeting`` (the state folded from
the record's events) and call the methods below. An event the engine refuses
(``EventError``) or the record cannot store (``RecordError``) leaves the state
unchanged and is reported by ``event_failed`` / ``record_failed``.

One module (over 400 lines): the window's one writer — every operation it calls and
every signal it emits in one place is the point.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTime, Signal

from secretary.domain.agenda import item_label
from secretary.domain.events import Event, EventError
from secretary.domain.meeting import Meeting
from secretary.domain.quorum import QuorumAssessment, assess
from secretary.domain.roster import unique_key
from secretary.domain.scenario import MeetingInfo
from secretary.domain.votes import Decision, group_voters, tally
from secretary.errors import SecretaryError
from secretary.store.errors import RecordError
from secretary.ui.noop import QT_TRANSLATE_NOOP

# The app operations and the record are imported when first used: the window's first
# paint must not wait for SQLAlchemy (store.fastread, store.handover).
if TYPE_CHECKING:
    from secretary.app.meeting import Recorded
    from secretary.store.approval import Approval
    from secretary.store.live import LiveMeeting
    from secretary.store.record import Record
    from secretary.store.series import OutsideDecision

ATTENDANCE_TYPES = ("arrive", "leave", "apologies", "absent")
# A corrected time may be this far ahead of the window's clock (a wall clock or a
# watch that differs a little from the laptop's); further ahead is the future.
CLOCK_SKEW_MINUTES = 2


def tr(text: str) -> str:
    return QCoreApplication.translate("MeetingController", text)


DIRECTIONS = {
    "for": QT_TRANSLATE_NOOP("MeetingController", "for"),
    "against": QT_TRANSLATE_NOOP("MeetingController", "against"),
    "abstain": QT_TRANSLATE_NOOP("MeetingController", "abstain"),
}


@dataclass(frozen=True)
class VoteRow:
    """One voting group of the terms, as the vote table shows it."""

    group: str
    group_name: str
    voter: str | None  # the key of the vote: a present person, or an absent grantor
    who: str  # who casts it now, in words
    direction: str | None = None  # a directed proxy's direction
    why_not: str = ""  # why nobody can vote for the group (greyed)

    @property
    def can_vote(self) -> bool:
        return self.voter is not None


class MeetingController(QObject):
    """Wraps one LiveMeeting; the only caller of ``record_event``."""

    attendance_changed = Signal(str)  # person id
    focus_changed = Signal(str)  # item id ("" = none)
    meeting_changed = Signal()  # anything else: views refresh
    notes_saved = Signal(str)  # item id
    vote_draft_changed = Signal()
    event_recorded = Signal(object)  # the Event
    event_failed = Signal(str)  # refused, with the reason; nothing recorded
    record_failed = Signal(str)  # the record could not be written: NOT recorded

    def __init__(
        self,
        live: LiveMeeting,
        clock: Callable[[], str] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.live = live
        self.clock = clock or (lambda: QTime.currentTime().toString("HH:mm"))
        self._redo: list[str] = []  # ids of retracts recorded by undo
        self.drafts: dict[str, dict[str, str]] = {}  # item -> voter -> choice

    # ------------------------------------------------------------------ reading

    @property
    def meeting(self) -> Meeting:
        return self.live.meeting

    @property
    def focus(self) -> str | None:
        return self.meeting.focus

    def now(self) -> str:
        return self.clock()

    def quorum(self, item: str | None = None, *, for_focus: bool = True) -> QuorumAssessment:
        """Quorum judged for ``item``, or for the item in focus."""
        if item is None and for_focus:
            item = self.meeting.focus
        return assess(self.meeting, item)

    def person_name(self, pid: str | None) -> str:
        if pid is None:
            return ""
        p = self.meeting.people.get(pid)
        return p.name if p is not None else pid

    def item_label(self, iid: str | None) -> str:
        if iid is None or iid not in self.meeting.items:
            return ""
        return item_label(self.meeting.items[iid])  # in the window's language

    # ------------------------------------------------------------------ writing

    @property
    def meeting_record(self) -> Record:
        """The record the meeting is in (for reading; writes go through operations)."""
        return self.live.record

    @property
    def meeting_id(self) -> int:
        return self.live.meeting_id

    @property
    def info(self) -> MeetingInfo:
        return self.live.info

    def locked_reason(self) -> str | None:
        """Why the meeting takes no more events (its minutes are approved), or None."""
        return self.live.locked_reason()

    def record(self, raw: dict[str, Any], *, keep_redo: bool = False) -> Event | None:
        """Check, commit and apply one event. Returns it, or None when refused."""
        from secretary.app import meeting as app_meeting

        return self._run(
            lambda: app_meeting.record(self.live, raw), keep_redo=keep_redo, event=raw.get("type")
        )

    def _run(
        self,
        operation: Callable[[], Recorded],
        *,
        keep_redo: bool = False,
        event: str | None = None,
    ) -> Event | None:
        """Run an operation that records one event; tell the views after it returns."""
        from secretary.app.meeting import OperationRefused

        if self.live.record.readonly:
            self.event_failed.emit(
                tr("this window is read only (the record is being recorded elsewhere)")
            )
            return None
        try:
            done = operation()
        except (EventError, OperationRefused) as exc:
            why = str(exc)
            # The meeting names the event it refuses ("time_corrected: ..."), for the
            # scenario and file writers; the secretary did not type one.
            if event and why.startswith(f"{event}: "):
                why = why[len(event) + 2 :]
            self.event_failed.emit(why)
            return None
        except RecordError as exc:
            self.record_failed.emit(str(exc))
            return None
        except SecretaryError as exc:  # another refusal an operation words (a paper too big)
            self.event_failed.emit(str(exc))
            return None
        if not keep_redo:
            self._redo.clear()
        self._announce(done.event)
        return done.event

    def run(self, operation: Callable[[], Recorded]) -> Event | None:
        """Run an operation of ``secretary.app`` that records (the agenda builder's:
        add an item, attach a paper, issue the pack); refusals are told as above.
        Returns the last event it recorded, or None when refused."""
        return self._run(operation)

    def approve_minutes(self, meeting_id: int, amendments: str = "") -> Approval:
        """Approve an earlier meeting's minutes here (and lock them). Raises
        ApprovalError, EventError or RecordError with nothing written."""
        from secretary.app import approval as app_approval

        approval = app_approval.approve_minutes(self.live, meeting_id, amendments, at=self.now())
        self._redo.clear()
        self._announce(self.live.events[-1])
        return approval

    def approve_minutes_held_elsewhere(self, date: str, amendments: str = "") -> Any:
        """Approve here the minutes of a meeting not in the record, held on ``date``.
        Raises PreviousMinutesError or RecordError with nothing written."""
        from secretary.app.previous_minutes import approve_minutes_held_elsewhere

        done = approve_minutes_held_elsewhere(self.live, date, amendments, at=self.now())
        self._redo.clear()
        self._announce(self.live.events[-1])
        return done

    def settle_outside_decision(self, decision_id: int, outcome: str) -> OutsideDecision:
        """Ratify (or not) or note a decision taken outside meetings, here. Raises
        SeriesError, EventError or RecordError with nothing written."""
        from secretary.app import outside as app_outside

        done = app_outside.settle_outside_decision(self.live, decision_id, outcome, at=self.now())
        self._redo.clear()
        self._announce(self.live.events[-1])
        return done

    def _announce(self, event: Event) -> None:
        t = event.type
        if t in ATTENDANCE_TYPES:
            self.attendance_changed.emit(event.get("person"))
        elif t == "time_corrected":
            corrected = self._event_by_id(event.get("target"))
            self.attendance_changed.emit(corrected.get("person") if corrected else "")
        elif t == "focus":
            self.focus_changed.emit(event.get("item") or "")
        elif t == "note":
            self.notes_saved.emit(event.get("item"))
        else:
            self.meeting_changed.emit()
        self.event_recorded.emit(event)

    def refuse(self, why: str) -> None:
        self.event_failed.emit(why)

    # ------------------------------------------------------------------ attendance

    def toggle_presence(self, pid: str, mode: str = "in_person") -> Event | None:
        """Arrival if not present, departure if present; time-stamped now."""
        if pid not in self.meeting.people:
            self.refuse(tr("No such person: {0}").format(pid))
            return None
        if self.meeting.is_present(pid):
            if mode != "in_person" and self.meeting.attendance[pid].mode != mode:
                # Present in the room and now joining remotely (or back): a new stretch.
                return self.record(
                    {"type": "arrive", "person": pid, "at": self.now(), "mode": mode}
                )
            return self.record({"type": "leave", "person": pid, "at": self.now()})
        return self.record({"type": "arrive", "person": pid, "at": self.now(), "mode": mode})

    def give_apologies(self, pid: str) -> Event | None:
        if self.meeting.is_present(pid):
            self.refuse(
                tr("{0} is present: apologies are for people not at the meeting.").format(
                    self.person_name(pid)
                )
            )
            return None
        return self.record({"type": "apologies", "person": pid, "at": self.now()})

    def take_chair(self, pid: str, item: str | None = None) -> Event | None:
        """Record that ``pid`` takes the chair for ``item``, or (None) for the rest of
        the meeting. Refused, with the reason, when the terms would not let them."""
        from secretary.domain.meeting import ChairTaking
        from secretary.domain.standing import chair_taking_problem

        if pid not in self.meeting.people:
            self.refuse(tr("No such person: {0}").format(pid))
            return None
        trial = ChairTaking(pid, item, None, len(self.meeting.events), "")
        problem = chair_taking_problem(self.meeting, trial, item)
        if problem is not None:
            self.refuse(problem.render())
            return None
        raw: dict[str, Any] = {"type": "chair_taken", "person": pid, "at": self.now()}
        if item is not None:
            raw["item"] = item
        return self.record(raw)

    def last_attendance_event(self, pid: str) -> Event | None:
        return self.meeting.last_attendance_event(pid)

    def correct_time(self, pid: str, at: str) -> bool:
        """Correct the time of ``pid``'s last arrival or departure (``time_corrected``):
        the event keeps its place in the record -- who was counted for each decision
        stays as recorded -- and the meeting refuses a time that contradicts it (an
        arrival after a decision they were counted for, a departure before one, a
        departure before the arrival)."""
        old = self.last_attendance_event(pid)
        if old is None:
            self.refuse(
                tr("{0} has no arrival or departure to correct.").format(self.person_name(pid))
            )
            return False
        if _minutes(at) > _minutes(self.now()) + CLOCK_SKEW_MINUTES:
            self.refuse(
                tr(
                    "{at} is in the future (it is {now}): a time can be corrected to now or "
                    "earlier (up to {skew} minutes ahead, for a clock that differs)."
                ).format(at=at, now=self.now(), skew=CLOCK_SKEW_MINUTES)
            )
            return False
        if at == self.meeting.time_of(old):
            self.refuse(tr("{0} is already the time recorded.").format(at))
            return False
        return self.record({"type": "time_corrected", "target": old.id, "at": at}) is not None

    def add_person(
        self,
        name: str,
        role: str,
        seat: str | None = None,
        kind: str = "",
        organisation: str = "",
        arrive: bool = True,
        mode: str = "in_person",
    ) -> str | None:
        """Add someone on the fly (in attendance, a guest, a deputy); arrives now."""
        name = name.strip()
        if not name:
            self.refuse(tr("Give the person's name."))
            return None
        pid = unique_key(name, self.meeting.people)  # the roster's ids: "sian-morgan"
        raw: dict[str, Any] = {
            "type": "person_added",
            "person": pid,
            "name": name,
            "role": role,
            "at": self.now(),
        }
        if seat:
            raw["seat"] = seat
        if kind:
            raw["kind"] = kind
        if organisation:
            raw["organisation"] = organisation
        if self.record(raw) is None:
            return None
        if arrive:
            self.record({"type": "arrive", "person": pid, "at": self.now(), "mode": mode})
        return pid

    # ------------------------------------------------------------------ agenda

    def set_focus(self, item: str | None) -> Event | None:
        if item == self.meeting.focus:
            return None
        raw: dict[str, Any] = {"type": "focus", "at": self.now()}
        if item is not None:
            raw["item"] = item
        return self.record(raw)

    def step_item(self, item: str, delta: int) -> Event | None:
        """Move ``item`` one place up (-1) or down (+1) with its sub-items (a sub-item
        among its siblings), as the agenda builder does (``app.agenda.step_moves``)."""
        from secretary.app import agenda as app_agenda

        return self.record_moves(app_agenda.step_moves(self.meeting, item, delta))

    def record_moves(self, steps: list[tuple[str, int]]) -> Event | None:
        """Record ``item_moved`` for each (item, position) in turn: the last event
        recorded, or None (nothing to move, or one refused: the refusal is told and
        no later move is tried)."""
        from secretary.app import agenda as app_agenda

        last = None
        for moved, position in steps:

            def move(moved: str = moved, position: int = position) -> Recorded:
                return app_agenda.move_item(self.live, moved, position)

            last = self._run(move)
            if last is None:
                break
        return last

    def save_note(self, item: str, text: str) -> bool:
        if self.meeting.notes.get(item, "") == text:
            return True
        return self.record({"type": "note", "item": item, "text": text}) is not None

    # ------------------------------------------------------------------ the item

    def declare(
        self, person: str | None, item: str | None, interest: str, action: str, standing: str = ""
    ) -> bool:
        if not person:
            self.refuse(tr("Choose who declares (type part of the name)."))
            return False
        if not interest.strip():
            self.refuse(tr("Describe the interest declared."))
            return False
        raw: dict[str, Any] = {
            "type": "declare",
            "person": person,
            "interest": interest.strip(),
            "action": action,
            "at": self.now(),
        }
        if item is not None:
            raw["item"] = item
        if standing:  # from the register of interests: confirmed | changed | new
            raw["standing"] = standing
        return self.record(raw) is not None

    def register_proxy(
        self, grantor: str | None, holder: str | None, item: str | None, direction: str | None
    ) -> bool:
        if not grantor or not holder:
            self.refuse(tr("Choose who gives the proxy and who holds it (type part of a name)."))
            return False
        if grantor == holder:
            self.refuse(tr("A proxy is given to someone else."))
            return False
        raw: dict[str, Any] = {"type": "proxy", "from": grantor, "to": holder, "at": self.now()}
        if item is not None:
            raw["item"] = item
        if direction is not None:
            raw["direction"] = direction
        return self.record(raw) is not None

    def decision_refusal(self, item: str | None) -> str | None:
        """Why no decision may be recorded on ``item`` now, or None."""
        if item is None:
            return tr("Choose the agenda item first.")
        q = assess(self.meeting, item)
        if not q.decision_quorate:
            # What is missing is in the banner, at the top, in large type: said here
            # too it wrapped past the status line and the Decision tab's room.
            return tr("Decision refused: {0}. The banner says what is missing.").format(
                q.headline().render()
            )
        return None

    def consensus(self, item: str | None, text: str = "") -> bool:
        why = self.decision_refusal(item)
        if why:
            self.refuse(why)
            return False
        raw: dict[str, Any] = {"type": "consensus", "item": item, "at": self.now()}
        if text.strip():
            raw["text"] = text.strip()
        return self.record(raw) is not None

    def set_vote(self, item: str, voter: str, choice: str | None) -> None:
        votes = self.drafts.setdefault(item, {})
        if choice is None:
            votes.pop(voter, None)
        else:
            votes[voter] = choice
        self.vote_draft_changed.emit()

    def clear_votes(self, item: str) -> None:
        if self.drafts.pop(item, None) is not None:
            self.vote_draft_changed.emit()

    def draft(self, item: str | None) -> dict[str, str]:
        return dict(self.drafts.get(item or "", {}))

    def preview(self, item: str) -> Decision:
        """The decision the draft vote would give now (nothing is recorded); its
        ``effect`` says what recording it would do."""
        return tally(self.meeting, item, self.draft(item))

    def record_vote(self, item: str | None) -> bool:
        why = self.decision_refusal(item)
        if why:
            self.refuse(why)
            return False
        assert item is not None
        votes = self._ordered_draft(item)
        if not votes:
            self.refuse(tr("No votes entered: choose for, against or abstain for each group."))
            return False
        if self.record({"type": "vote", "item": item, "votes": votes, "at": self.now()}):
            self.drafts.pop(item, None)
            self.vote_draft_changed.emit()
            return True
        return False

    def _ordered_draft(self, item: str) -> dict[str, str]:
        draft = self.draft(item)
        order = [r.voter for r in self.vote_rows(item) if r.voter]
        return {v: draft[v] for v in order if v in draft} | {
            v: c for v, c in draft.items() if v not in order
        }

    def vote_rows(self, item: str) -> list[VoteRow]:
        """One row per voting group: who may vote for it on ``item`` now, or why
        nobody (the domain judges, ``votes.group_voters``; this puts it in words)."""
        m = self.meeting
        rows = []
        for gv in group_voters(m, item):
            name = m.terms.group_name(gv.group).render()
            if gv.voter is not None and not gv.by_proxy:
                who = " / ".join(self.person_name(p) for p in gv.cast_by)
                if m.people[gv.cast_by[0]].role == "deputy":
                    who = tr("{0} (deputy)").format(who)
                rows.append(VoteRow(gv.group, name, gv.voter, who))
            elif gv.voter is not None:
                who = tr("{holder} by proxy for {grantor}").format(
                    holder=self.person_name(gv.cast_by[0]), grantor=self.person_name(gv.voter)
                )
                if gv.direction:
                    who += " " + tr("(directed: {0})").format(tr(DIRECTIONS[gv.direction]))
                rows.append(VoteRow(gv.group, name, gv.voter, who, gv.direction))
            else:
                reasons = []
                for u in gv.unable:
                    if u.declared is not None:
                        reasons.append(
                            tr("{0}: declared interest ({1})").format(
                                self.person_name(u.person),
                                tr("withdrew") if u.declared == "withdraw" else tr("must abstain"),
                            )
                        )
                    elif u.problem is not None:
                        reasons.append(f"{self.person_name(u.person)}: {u.problem.render()}")
                rows.append(
                    VoteRow(
                        gv.group, name, None, "", None, "; ".join(reasons) or tr("not represented")
                    )
                )
        return rows

    # ------------------------------------------------------------------ actions & finance

    def next_action_ref(self, item: str | None) -> str:
        prefix = ""
        if item is not None and item in self.meeting.items:
            ref = self.meeting.items[item].reference
            if "/" in ref:
                prefix = ref.rsplit("/", 1)[0] + "/"
        taken = set(self.meeting.actions) | self._series_action_ids()
        n = 1
        while f"{prefix}A{n}" in taken:
            n += 1
        return f"{prefix}A{n}"

    def _series_action_ids(self) -> set[str]:
        """The ids of actions at earlier (and later) meetings of this cluster: an id
        is never given to two different actions (one closed long ago, say)."""
        from secretary.store.series import action_ids_in_series

        try:
            return action_ids_in_series(self.live.record, self.live.meeting_id)
        except (RecordError, SecretaryError):
            return set()  # the meeting's own are still avoided; the record says why

    def add_action(
        self, item: str | None, text: str, owner: str = "", due: str | None = None
    ) -> str | None:
        if not text.strip():
            self.refuse(tr("Describe the action."))
            return None
        ref = self.next_action_ref(item)
        raw: dict[str, Any] = {"type": "action", "action": ref, "text": text.strip()}
        if item is not None:
            raw["item"] = item
        if owner.strip():
            raw["owner"] = owner.strip()
        if due:
            raw["due"] = due
        return ref if self.record(raw) is not None else None

    def update_action(
        self, action: str, status: str = "", note: str = "", due: str | None = None
    ) -> bool:
        """Progress on an action (this meeting's, or one carried into it): a new status
        ("complete" closes it: it is carried no further), a note, a new due date --
        only what changed is recorded (``action_update``)."""
        current = self.meeting.actions.get(action)
        if current is None:
            self.refuse(tr("No such action: {0}").format(action))
            return False
        raw: dict[str, Any] = {"type": "action_update", "action": action}
        if status and status != (current.status or "open"):
            raw["status"] = status
        if note.strip():
            raw["note"] = note.strip()
        if due and due != current.due:
            raw["due"] = due
        if len(raw) == 2:
            self.refuse(
                tr("Nothing to record: choose another status, write a note or give a new due date.")
            )
            return False
        return self.record(raw) is not None

    def add_financial_entry(
        self,
        item: str,
        amount: float,
        budget_line: str = "",
        signatory: str = "",
        description: str = "",
    ) -> bool:
        from secretary.app import meeting as app_meeting

        if not budget_line.strip():  # the log says where the money comes from
            self.refuse(tr("Give the budget line the money comes from."))
            return False
        done = self._run(
            lambda: app_meeting.add_financial_entry(
                self.live,
                item,
                amount,
                budget_line=budget_line,
                signatory=signatory,
                description=description,
            )
        )
        return done is not None

    def close_meeting(self) -> Event | None:
        """Record the time the meeting closed (the minutes say it); Ctrl+Z takes it back."""
        if self.meeting.closed:
            self.refuse(tr("The meeting is already closed."))
            return None
        return self.record({"type": "meeting_closed", "at": self.now()})

    def reopen_meeting(self) -> Event | None:
        """Record that a closed meeting sits again (attendance and decisions are
        refused while it is closed); the minutes then end at its next close."""
        if not self.meeting.closed:
            self.refuse(tr("The meeting is not closed."))
            return None
        return self.record({"type": "meeting_opened", "at": self.now()})

    # ------------------------------------------------------------------ undo / redo

    def undo_target(self) -> Event | None:
        return self.meeting.undo_target()

    def undo(self) -> bool:
        target = self.undo_target()
        if target is None:
            self.refuse(tr("Nothing to undo."))
            return False
        event = self.record(
            {"type": "retract", "target": target.id, "reason": "undo"}, keep_redo=True
        )
        if event is None:
            return False
        self._redo.append(event.id)
        return True

    def can_redo(self) -> bool:
        return bool(self._redo)

    def redo(self) -> bool:
        while self._redo:
            undo_id = self._redo.pop()
            if undo_id in self.meeting.cancelled:
                continue
            event = self.record(
                {"type": "retract", "target": undo_id, "reason": "redo"}, keep_redo=True
            )
            return event is not None
        self.refuse(tr("Nothing to redo."))
        return False

    def describe(self, event: Event) -> str:
        """A short phrase for the status bar: what was just recorded."""
        from secretary.ui.language import short_date  # the window's one date format

        t = event.type
        name = self.person_name(event.get("person"))
        at = event.get("at") or ""
        texts = {
            "arrive": tr("{name} arrived {at}").format(name=name, at=at)
            if event.get("mode") != "remote"
            else tr("{name} joined remotely {at}").format(name=name, at=at),
            "leave": tr("{name} left {at}").format(name=name, at=at),
            "apologies": tr("Apologies from {name}").format(name=name),
            "person_added": tr("{name} added").format(name=event.get("name")),
            "focus": tr("Now on: {item}").format(item=self.item_label(event.get("item"))),
            "note": tr("Notes saved"),
            "declare": tr("Declaration of interest: {name}").format(name=name),
            "proxy": tr("Proxy: {grantor} to {holder}").format(
                grantor=self.person_name(event.get("from")),
                holder=self.person_name(event.get("to")),
            ),
            "chair_taken": tr("{name} takes the chair for {item}").format(
                name=name, item=self.item_label(event.get("item"))
            )
            if event.get("item")
            else tr("{name} takes the chair for the rest of the meeting").format(name=name),
            # The status bar puts "Recorded:" before these.
            "consensus": tr("{item}: agreed by consensus").format(
                item=self.item_label(event.get("item"))
            ),
            "vote": tr("Vote on {item}").format(item=self.item_label(event.get("item"))),
            "action": tr("Action {ref}").format(ref=event.get("action")),
            "action_update": tr("Action {ref} updated").format(ref=event.get("action")),
            "financial_entry": tr("Financial log entry, {item}").format(
                item=self.item_label(event.get("item"))
            ),
            "item_added": tr("Item added: {title}").format(title=event.get("title")),
            "item_moved": tr("Agenda reordered"),
            "item_changed": tr("Item changed: {item}").format(
                item=self.item_label(event.get("item"))
            ),
            "item_withdrawn": tr("Item withdrawn: {item}").format(
                item=self.item_label(event.get("item"))
            ),
            "paper_attached": tr("Paper attached: {title}").format(title=event.get("title")),
            "paper_withdrawn": tr("Paper withdrawn"),
            "proposal_recorded": tr("Investment proposal recorded: {title}").format(
                title=event.get("title")
            ),
            "meeting_called": tr("Notice of the meeting given"),
            "papers_sent": tr("Agenda and papers issued"),
            "meeting_closed": tr("Meeting closed at {at}").format(at=at),
            "meeting_opened": tr("Meeting reopened at {at}").format(at=at),
            "ratify": {
                "ratified": tr("Decision taken outside the meeting: ratified"),
                "not_ratified": tr("Decision taken outside the meeting: not ratified"),
                "noted": tr("Decision taken outside the meeting: noted"),
            }.get(event.get("outcome"), tr("Decision taken outside the meeting")),
            "minutes_approved": tr("Minutes of {date} approved").format(
                date=short_date(event.get("date"))
            ),
            "previous_minutes_approved": tr("Minutes of {date} approved").format(
                date=short_date(event.get("date"))
            ),
            "minutes_sent": tr("Minutes sent on {date}").format(date=short_date(event.get("on"))),
            "action_carried": tr("Action {ref} carried forward").format(ref=event.get("action")),
            "time_corrected": self._describe_correction(event),
            "retract": self._describe_retract(event),
        }
        return texts.get(t, tr("Recorded"))

    def _describe_correction(self, event: Event) -> str:
        corrected = self._event_by_id(event.get("target"))
        name = self.person_name(corrected.get("person")) if corrected else ""
        if corrected is not None and corrected.type == "leave":
            return tr("{name}'s departure corrected to {at}").format(name=name, at=event.get("at"))
        return tr("{name}'s arrival corrected to {at}").format(name=name, at=event.get("at"))

    def _describe_retract(self, event: Event) -> str:
        """What an undo took back (or a redo restored), in the status bar's words."""
        target = self._event_by_id(event.get("target"))
        if event.get("reason") == "redo":
            undone = self._event_by_id(target.get("target")) if target is not None else None
            if undone is None:
                return tr("Redone")
            return tr("Redone: {0}").format(self.describe(undone))
        if target is None:
            return tr("Undone (recorded as a correction)")
        return tr("Undone: {0} (recorded as a correction)").format(self.describe(target))

    def _event_by_id(self, event_id: Any) -> Event | None:
        for e in reversed(self.meeting.events):
            if e.id == event_id:
                return e
        return None


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)
