"""Import a Teams attendance report: remote arrivals and departures with their real times.

``plan_import`` reads the report (``secretary.domain.teams``), matches its participants
to the meeting's people and says, person by person, what would be recorded — for the
secretary to confirm (the window's dialog, or ``secretary teams`` without ``--record``).
``record_plan`` then records it through the meeting's single write path.

What is recorded, and why (the record is append-only and who counted for a decision is
fixed by the order the secretary recorded things in):

- someone **not yet recorded** as present: an arrival, remote, at the time they joined,
  and a departure at the time they left (unless they stayed to the end); a dropped and
  rejoined call as a departure and a new arrival. They were not counted for decisions
  already recorded, and the plan says so — those decisions stand as recorded;
- someone **already recorded** as joining remotely: their arrival and departure times
  corrected to the real ones (``time_corrected``: the events keep their place, so the
  decisions are unchanged) — unless the real time contradicts a decision they were
  counted for, when nothing is changed and the plan says why;
- a drop-out of someone already recorded, and a participant recorded in person, are
  shown and not recorded;
- a participant matched to nobody is skipped, or, if the secretary says so, added as
  **in attendance** and recorded as above.

Every change is played through the domain before anything is written; a change the
domain refuses is left out and its reason shown, and the others are recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from secretary.domain.events import EventError, check_event
from secretary.domain.roster import unique_key
from secretary.domain.teams import (
    Candidate,
    Match,
    Participant,
    Session,
    TeamsReport,
    match_participants,
    plain_name,
)
from secretary.errors import SecretaryError
from secretary.i18n import _

ADD = "+add"  # a choice: add the participant as in attendance
SKIP = ""  # a choice: record nothing for this participant
# A participant who left within this many minutes of the end stayed to the end.
END_SLACK = dt.timedelta(minutes=2)


class TeamsImportError(SecretaryError):
    """The report cannot be imported into this meeting (the message says why)."""


@dataclass
class PlannedChange:
    participant: Participant
    person: str | None  # the meeting's person id ("" when added as in attendance)
    name: str  # as the minutes will show them
    events: list[dict[str, Any]] = field(default_factory=list)
    said: list[str] = field(default_factory=list)  # what is recorded, in words
    notes: list[str] = field(default_factory=list)  # shown, not recorded
    problem: str = ""  # why nothing is recorded for them

    @property
    def records(self) -> bool:
        return bool(self.events) and not self.problem


@dataclass
class ImportPlan:
    report: TeamsReport
    matches: list[Match]
    changes: list[PlannedChange]

    @property
    def recordable(self) -> list[PlannedChange]:
        return [c for c in self.changes if c.records]


def candidates(meeting: Any) -> list[Candidate]:
    return [Candidate(p.id, p.name, p.email or "") for p in meeting.people.values()]


def hhmm(when: dt.datetime) -> str:
    return when.strftime("%H:%M")


def plan_import(
    meeting: Any,
    report: TeamsReport,
    choices: Mapping[int, str] | None = None,
) -> ImportPlan:
    """What importing ``report`` into ``meeting`` would record. ``choices`` overrides
    the proposed match of participant ``i``: a person id, ``ADD`` or ``SKIP``; without
    a choice a sure match is taken, a possible one is shown but not taken."""
    matches = match_participants(report.participants, candidates(meeting))
    choices = dict(choices or {})
    changes: list[PlannedChange] = []
    trial = meeting
    taken: set[str] = set()
    for i, match in enumerate(matches):
        choice = choices.get(i)
        if choice is None:
            choice = match.person if match.person and match.sure else SKIP
        p = match.participant
        if choice == SKIP:
            change = PlannedChange(p, None, p.name)
            change.notes.append(_("not recorded: matched to nobody of this meeting"))
            changes.append(change)
            continue
        if choice != ADD and choice not in meeting.people:
            raise TeamsImportError(_("no person {id!r} in this meeting", id=choice))
        if choice in taken:
            change = PlannedChange(p, choice, meeting.people[choice].name)
            change.problem = _(
                "{name} is already matched to another participant", name=meeting.people[choice].name
            )
            changes.append(change)
            continue
        change = _plan_person(trial, report, p, choice)
        if change.records:
            try:
                trial = trial.with_events([check_event(e) for e in change.events])
            except EventError as exc:  # "time_corrected: Iwan Parry was counted …"
                change.problem = str(exc).split(": ", 1)[-1]
        if choice != ADD:
            taken.add(choice)
        changes.append(change)
    return ImportPlan(report, matches, changes)


def _ended(report: TeamsReport, s: Session) -> bool:
    """Did this session end before the meeting did (a departure to record)?"""
    if s.left is None:
        return False
    return report.end is None or s.left < report.end - END_SLACK


def _decisions_between(meeting: Any, start: str, end: str | None) -> list[str]:
    """Items decided (by time) while someone not recorded was in the call."""
    found = []
    for d in meeting.decisions:
        if d.at and start <= d.at and (end is None or d.at <= end):
            pos = meeting.agenda.index(d.item) + 1 if d.item in meeting.agenda else d.item
            found.append(str(pos))
    return found


def _plan_person(meeting: Any, report: TeamsReport, p: Participant, choice: str) -> PlannedChange:
    sessions = p.sessions
    if choice == ADD:
        pid = unique_key(plain_name(p.name) or p.name, meeting.people)
        name = _display_name(p.name)
        change = PlannedChange(p, pid, name)
        change.events.append(
            {
                "type": "person_added",
                "person": pid,
                "name": name,
                "role": "attendee",
                "at": hhmm(sessions[0].joined),
            }
        )
        change.said.append(_("added as in attendance"))
        spans: list[Any] = []
    else:
        pid = choice
        change = PlannedChange(p, pid, meeting.people[pid].name)
        spans = meeting.attendance[pid].spans
    if not spans:
        _record_sessions(meeting, report, change, pid, sessions)
        return change
    first, last = spans[0], spans[-1]
    if first.mode != "remote":
        change.notes.append(
            _(
                "recorded in person; Teams shows them joining at {time}: not changed",
                time=hhmm(sessions[0].joined),
            )
        )
        return change
    joined = hhmm(sessions[0].joined)
    if first.arrived != joined:
        change.events.append(
            {
                "type": "time_corrected",
                "target": events_id(meeting, first.arrived_event),
                "at": joined,
                "source": "teams",
            }
        )
        change.said.append(
            _("arrival corrected from {old} to {new}", old=first.arrived or "—", new=joined)
        )
    end = sessions[-1]
    if last.left_event is not None and end.left is not None:
        left = hhmm(end.left)
        if last.left != left:
            change.events.append(
                {
                    "type": "time_corrected",
                    "target": events_id(meeting, last.left_event),
                    "at": left,
                    "source": "teams",
                }
            )
            change.said.append(
                _("departure corrected from {old} to {new}", old=last.left or "—", new=left)
            )
    elif last.left_event is None and _ended(report, end):
        change.notes.append(
            _(
                "Teams shows them leaving at {time}; the record has them present: "
                "record the departure in the window if they left",
                time=hhmm(end.left),  # type: ignore[arg-type]  # _ended: it has a time
            )
        )
    for a, b in zip(sessions, sessions[1:], strict=False):
        if a.left is not None:
            change.notes.append(
                _(
                    "dropped out {start}–{end} (not recorded)",
                    start=hhmm(a.left),
                    end=hhmm(b.joined),
                )
            )
    return change


def events_id(meeting: Any, index: int) -> str:
    return str(meeting.events[index].id)


def _record_sessions(
    meeting: Any, report: TeamsReport, change: PlannedChange, pid: str, sessions: Sequence[Session]
) -> None:
    for n, s in enumerate(sessions):
        change.events.append(
            {"type": "arrive", "person": pid, "mode": "remote", "at": hhmm(s.joined)}
        )
        left = _ended(report, s) or n < len(sessions) - 1
        if left and s.left is not None:
            leave: dict[str, Any] = {"type": "leave", "person": pid, "at": hhmm(s.left)}
            item = item_in_focus_at(meeting, hhmm(s.left))
            if item is not None:  # else the item in focus now, which is not when they left
                leave["after_item"] = item
            change.events.append(leave)
            change.said.append(
                _("joined remotely {start}, left {end}", start=hhmm(s.joined), end=hhmm(s.left))
            )
        else:
            change.said.append(_("joined remotely {start}", start=hhmm(s.joined)))
    end = hhmm(sessions[-1].left) if sessions[-1].left else None
    missed = _decisions_between(meeting, hhmm(sessions[0].joined), end)
    if missed:
        change.notes.append(
            _(
                "not counted for the decisions already recorded (items {items}): they stand "
                "as recorded",
                items=", ".join(missed),
            )
        )


def item_in_focus_at(meeting: Any, time: str) -> str | None:
    """The agenda item in focus at ``time``, from the times of the focus events."""
    found: str | None = None
    for _i, e in meeting.effective_events():
        if e.type == "focus" and e.get("at") and e.get("at") <= time:
            found = e.get("item")
    return found


def _display_name(name: str) -> str:
    """'Jo Bloggs (External)' -> 'Jo Bloggs'; 'Bloggs, Jo' -> 'Jo Bloggs'."""
    import re

    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", name).strip()
    if "," in text:
        last, _sep, first = text.partition(",")
        text = f"{first.strip()} {last.strip()}"
    return " ".join(text.split()) or name.strip()


def record_plan(plan: ImportPlan, record: Callable[[dict[str, Any]], Any]) -> list[PlannedChange]:
    """Record every change of ``plan`` that the domain accepted, through ``record``
    (the meeting's single write path: ``app.meeting.record`` or the window's
    controller, which returns None for a refusal). Returns the changes recorded."""
    done = []
    for change in plan.recordable:
        for event in change.events:
            if record(event) is None:  # the window's controller: refused, and said why
                raise TeamsImportError(
                    _("{name}: not recorded; the people before them were", name=change.name)
                )
        done.append(change)
    return done


def read_and_plan(
    meeting: Any,
    data: bytes,
    where: str,
    meeting_date: str,
    choices: Mapping[int, str] | None = None,
) -> ImportPlan:
    """Read the report's bytes and plan its import (TeamsReportError for a bad file)."""
    from secretary.domain.teams import read_report

    day = dt.date.fromisoformat(meeting_date) if meeting_date else None
    return plan_import(meeting, read_report(data, where, day), choices)
