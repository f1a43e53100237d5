"""A meeting as plain data, ready to be written as minutes, logs and registers.

``snapshot_from_meeting(info, meeting)`` (or ``snapshot_from_record(record,
meeting_id)``) reads a folded ``Meeting`` once and returns a
``MeetingSnapshot``: plain dataclasses of strings and numbers, every sentence
already rendered in the snapshot's language. The Word exporters
(``secretary.export.docx``) only lay these out; the window can show the same
data. Nothing here imports Qt or python-docx.

One module, although long: every line of every document is worded in one builder
(``_Builder``), so that a fact is phrased once for the minutes, the logs and the
register; the facts that need a replay of the events (``story``) and the rules
(``domain``) live elsewhere.

Definitions the minutes rely on (documented in ``docs/exports.md``):

- **Quorum at the start** is the meeting's quorum (no item in focus) at the
  moment business began: just after the first ``focus`` on an agenda item, or
  just before the first decision if that came first. If no item was ever
  taken up, it is the state at the end of the record.
- **Late**: a person's first arrival time is after the meeting's start time
  and after business began (the time of the first item focus or decision).
- **Part of meeting**: "arrived 13:40" (late), "left 15:10, during item 6" (the
  item under discussion when the departure was recorded; "after item 6" when the
  departure names the item it followed, ``after_item``), "returned 15:30",
  "joined remotely from 14:00" / "in person from 14:00".
- **Item numbers**: the items' own ids when every id on the agenda looks like
  an item number ("4", "4a", "4.1", as in scenario files); otherwise positions
  on the agenda (1, 2, 3, …), a sub-item its item's number and a letter (3a,
  3b) (``story.item_labels``). The item's reference (e.g. UVC/26/05) is printed
  beside it.
- What the minutes tell beyond the state at the end (who chaired when business
  began, who was present for which items, where decision quorum was lost or
  regained) comes from ``story.tell``, one replay of the events.

One module (over 400 lines): the snapshot's dataclasses and the one builder that fills
them, so every section of the documents reads the folded meeting the same way, once.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from secretary.domain import series as dseries
from secretary.domain.agenda import item_heading
from secretary.domain.agenda_plan import paper_labels
from secretary.domain.budget import BudgetNote
from secretary.domain.meeting import Attendance, Declaration, Meeting, Person
from secretary.domain.presence import (
    REGISTER_DEPUTY,
    REGISTER_PARTLY_REMOTE,
    REGISTER_REMOTE,
    arrived_late,
    business_began,
    register_status,
    roster_order,
)
from secretary.domain.quorum import QuorumAssessment, assess
from secretary.domain.scenario import MeetingInfo
from secretary.export.story import OutsideInfo, item_labels, plain_title, runs, tell
from secretary.export.text import clean, long_date, money
from secretary.i18n import BILINGUAL, Bilingual, bilingual, if_known, in_language, pair

LANGUAGES = ("en",)  # "cy" and "bilingual" come with issue 8; the structure allows them.

_ITEM_NUMBER = re.compile(r"^\d{1,3}[a-z]?(\.\d{1,2})?$")


@dataclass(frozen=True)
class ApprovalInfo:
    """Minutes approved at a later meeting: printed instead of the DRAFT marking."""

    date: str  # YYYY-MM-DD, the meeting that approved them
    fingerprint: str  # the record fingerprint the approved text was made from
    approved_by: str = ""  # e.g. "the Upper Valleys Cluster Meeting"
    amendments: str = ""  # as typed at the approving meeting ("" : as a true record)


@dataclass(frozen=True)
class PersonLine:
    """One person in Present / Deputies / In attendance / Apologies."""

    id: str
    name: str
    role: str  # member | deputy | attendee
    seat: str  # the seat's name ("Community Pharmacy"); "" for attendees
    organisation: str
    chair: bool = False
    remote: bool = False
    late: bool = False
    part: str = ""  # "arrived 13:40; left 15:10, during item 6" ("" for the whole meeting)
    sentence: str = ""  # deputies: "Alun Hughes attended for the Community Pharmacy member"
    # "in the Chair" (a deputy, vice-chair or acting chair chairing from the start),
    # "in the Chair for item 5", "in the Chair from item 6"
    in_chair: str = ""
    items: str = ""  # "present for items 1–4, 6" (someone present for part of the meeting)
    group: str = ""  # attendees: the kind's name ("Invited guest"); else the seat
    chairing: bool = False  # chaired when business began: listed first

    @property
    def notes(self) -> str:
        """'Chair; remote; arrived 13:40' — what the minutes print beside the name."""
        bits = []
        if self.chair:
            bits.append("Chair")
        if self.remote:
            bits.append("remote")
        if self.part:
            bits.append(self.part)
        if self.items:
            bits.append(self.items)
        return "; ".join(bits)


@dataclass(frozen=True)
class AttendanceGroup:
    """Those in attendance of one kind ("Practice Manager"); ``plain``: the kind
    that is simply "In attendance", listed first under the heading itself."""

    name: str
    plain: bool
    people: list[PersonLine]


@dataclass(frozen=True)
class QuorumLine:
    at: str  # HH:MM or ""
    label: str  # "At the start (13:03)", "Item 5 (13:48)"
    state: str  # decisions | quorate | not_quorate
    text: str  # "Quorate for decisions: 9 seats represented (6 needed)."
    # At the start: the same as one plain sentence ("The meeting was quorate for
    # decisions when business began (13:03, item 1): 9 seats represented (6 needed).")
    sentence: str = ""


@dataclass(frozen=True)
class DeclarationLine:
    person: str
    item_id: str | None  # None: every item
    item_label: str  # "Item 5: Social prescriber extension" or "All items"
    interest: str
    action: str  # none | abstain | withdraw | unstated
    # "" (took part: nothing to add) | "None stated" | "Did not vote on the item" | …
    followed: str
    standing: str = ""  # from the register of interests: confirmed | changed | new
    standing_text: str = ""  # "confirmed", in words


@dataclass(frozen=True)
class DecisionLine:
    kind: str  # vote | consensus
    status: str  # carried | not_carried | agreed_by_consensus | blocked_inquorate
    outcome: str  # short: "Carried", "Agreed by consensus", "No decision (not quorate)"
    statement: str  # the full sentence(s) from the rules engine
    wording: str  # what the secretary typed as the decision, if anything
    at: str
    quorum: str  # the quorum at the decision, in words
    rule: str  # the rule applied, e.g. "Financial" / "consensus: all in agreement (3.2.1)"
    for_: int = 0
    against: int = 0
    abstain: int = 0
    eligible: int = 0
    required: int = 0
    not_counted: tuple[str, ...] = ()  # "Siân Morgan: group already voted …"
    event: int = -1  # its place in the meeting's events (to tell it in order)


@dataclass(frozen=True)
class ActionLine:
    ref: str
    meeting: str  # "14 May 2026" (the meeting that agreed it)
    item: str  # "5" / "UVC/26/05" ("" for none)
    text: str
    lead: str
    due: str  # YYYY-MM-DD or ""
    status: str  # open | in progress | complete | …
    notes: tuple[str, ...] = ()
    # Carried from an earlier meeting (matters arising): ``meeting`` is the one that
    # agreed it, ``carried_status`` its status when brought in, and ``progress`` what
    # this meeting recorded about it, in words ("In progress. Half the practices audited.").
    carried: bool = False
    carried_status: str = ""
    progress: str = ""

    @property
    def closed(self) -> bool:
        """Done with: complete, or cancelled (not carried, never overdue): the domain's
        one list of closing statuses (``domain.series.is_closed``)."""
        return dseries.is_closed(self.status)


@dataclass(frozen=True)
class FinancialLine:
    item_number: int | None  # position on the agenda, for ordering
    item: str  # "5. Social prescriber extension 2026/27"
    description: str
    amount: float | None
    budget_line: str
    outcome: str
    carried: bool | None  # None: no decision recorded
    signatory: str
    from_agenda: bool = False  # no financial log entry: the agenda amount is shown


@dataclass(frozen=True)
class RegisterLine:
    name: str
    seat: str
    organisation: str
    status: str  # present | remote | deputy | apologies | absent
    status_text: str
    arrived: str
    left: str


@dataclass
class ItemSection:
    number: str  # as printed: "5"
    id: str
    reference: str
    title: str
    presenter: str
    financial: bool
    amount: float | None
    notes: str  # as typed (cleaned): the exporter splits it into paragraphs
    standing: str = ""  # apologies | declarations | minutes | matters-arising | aob | ""
    purpose: str = ""  # in words: "for decision"
    papers: tuple[str, ...] = ()
    sub: bool = False  # a sub-item (3a, 3b)
    # Who took the chair, where decision quorum was lost or regained, during the item.
    chair_notes: list[str] = field(default_factory=list)
    # Quorum lost, regained or still lost while the item was taken: (the event after
    # which, the line), told in order among the item's decisions.
    quorum_notes: list[tuple[int, str]] = field(default_factory=list)
    declarations: list[DeclarationLine] = field(default_factory=list)
    decisions: list[DecisionLine] = field(default_factory=list)
    actions: list[ActionLine] = field(default_factory=list)  # agreed at this meeting
    # On the matters-arising item: the actions of earlier meetings followed up here.
    carried: list[ActionLine] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"


@dataclass
class MeetingSnapshot:
    cluster: str
    title: str
    date: str  # YYYY-MM-DD
    start: str  # HH:MM
    venue: str
    language: str
    health_board: str
    terms_name: str
    present: list[PersonLine]
    deputies: list[PersonLine]
    in_attendance: list[PersonLine]
    apologies: list[PersonLine]
    quorum_start: QuorumLine | None
    quorum_decisions: list[QuorumLine]
    declarations: list[DeclarationLine]
    items: list[ItemSection]
    # Every action of the meeting (the action log): the actions carried from earlier
    # meetings (matters arising) first, then those agreed here in agenda order, then
    # those on no item. ``agreed_actions`` / ``carried_actions`` split them.
    actions: list[ActionLine]
    financial: list[FinancialLine]
    register: list[RegisterLine]
    fingerprint: str
    events: int
    next_meeting: str | None = None
    approved: ApprovalInfo | None = None
    version: int = 1
    closed: bool = False
    end: str = ""  # HH:MM the meeting closed, where recorded
    absent: list[PersonLine] = field(default_factory=list)  # members, no apologies
    # In attendance by kind (the same people as in_attendance)
    attendance_groups: list[AttendanceGroup] = field(default_factory=list)
    public: int | None = None  # members of the public, where recorded
    proxies: list[str] = field(default_factory=list)  # "Dr X held the proxy of Dr Y (…)"
    quorum_changes: list[QuorumLine] = field(default_factory=list)
    # Approvals of earlier minutes and decisions taken outside meetings that are on no
    # agenda item: minuted under their own headings.
    unplaced_minutes: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    @property
    def chairing(self) -> PersonLine | None:
        """Who chaired when business began (listed first in Present)."""
        return next((p for p in (*self.present, *self.deputies) if p.chairing), None)

    @property
    def standing_declarations(self) -> list[DeclarationLine]:
        return [d for d in self.declarations if d.standing]

    # "<meeting uuid> <events> <chain head>" of the events the document was made
    # from (store/chain.py): printed in the minutes, checked by `verify --against`.
    chain: str = ""
    # The budget lines of the financial log as of this meeting (domain.budget): filled
    # in by snapshot_from_record when the cluster keeps a budget.
    budget: tuple[BudgetNote, ...] = ()

    @property
    def draft(self) -> bool:
        return self.approved is None

    @property
    def long_date(self) -> str:
        return long_date(self.date, self.language)

    @property
    def agreed_actions(self) -> list[ActionLine]:
        """The actions first agreed at this meeting (the minutes' "Actions agreed")."""
        return [a for a in self.actions if not a.carried]

    @property
    def carried_actions(self) -> list[ActionLine]:
        """The actions of earlier meetings followed up at this one (matters arising)."""
        return [a for a in self.actions if a.carried]

    @property
    def matters_arising_item(self) -> ItemSection | None:
        """The agenda item the carried actions are minuted under, if there is one."""
        return next((it for it in self.items if it.standing == "matters-arising"), None)

    @property
    def financial_total(self) -> float:
        return sum(f.amount or 0.0 for f in self.financial)

    @property
    def financial_total_agreed(self) -> float:
        return sum(f.amount or 0.0 for f in self.financial if f.carried)

    def tr(self, text: str, /, **params: Any) -> str:
        """Fixed wording in this snapshot's language."""
        return tr(self.language, text, **params)


def tr(lang: str, text: str, /, **params: Any) -> str:
    return in_language(lang, text, **params)


# --------------------------------------------------------------------------- building


def snapshot_from_record(
    record: Any,
    meeting_id: int,
    *,
    next_meeting: str | None = None,
    approved: ApprovalInfo | None = None,
    version: int = 1,
    language: str = "en",
) -> MeetingSnapshot:
    """Read meeting ``meeting_id`` of ``record`` (a secretary.store.Record).

    Raises secretary.store.RecordError if the record has no such meeting.
    """
    from secretary.domain.series import ratifications_in
    from secretary.export.story import outside_info

    info = record.meeting_info(meeting_id)
    terms = record.meeting_terms(meeting_id)
    meeting = Meeting(terms, record.events(meeting_id))
    outside = outside_info(record, (r.decision_uuid for r in ratifications_in(meeting)))
    if next_meeting is None:
        # The record knows it once the next meeting of the cluster is made: the
        # minutes said "To be confirmed." with its date in the record.
        from secretary.store.series import next_meeting as following

        after = following(record, meeting_id)
        next_meeting = after.date if after is not None and after.date else None
    snap = snapshot_from_meeting(
        info,
        meeting,
        next_meeting=next_meeting,
        approved=approved,
        version=version,
        language=language,
        outside=outside,
    )
    from secretary.store.chain import chain_head

    head = chain_head(record, meeting_id)
    if head.events == len(meeting.events):  # the same events as the snapshot
        snap = dataclasses.replace(snap, chain=head.line())
    lines = sorted({f.budget_line for f in snap.financial if f.budget_line})
    if lines:
        from secretary.store.budget import budget_notes

        snap = dataclasses.replace(snap, budget=tuple(budget_notes(record, meeting_id, lines)))
    return snap


def snapshot_from_meeting(
    info: MeetingInfo,
    meeting: Meeting,
    *,
    next_meeting: str | None = None,
    approved: ApprovalInfo | None = None,
    version: int = 1,
    language: str = "en",
    outside: Mapping[str, OutsideInfo] | None = None,
) -> MeetingSnapshot:
    """Everything the minutes and logs need, read from ``meeting`` as it stands;
    ``outside``: the decisions taken outside meetings that it ratifies, by uuid.

    Bilingual: the snapshot is built whole in Welsh and whole in English and the
    two are paired text by text (``merge``), so no text mixes the languages."""
    if language == BILINGUAL:
        cy, en = (
            _Builder(info, meeting, lang, outside or {}).build(next_meeting, approved, version)
            for lang in ("cy", "en")
        )
        merged: MeetingSnapshot = merge(cy, en)
        merged.language = BILINGUAL
        return merged
    return _Builder(info, meeting, language, outside or {}).build(next_meeting, approved, version)


def merge(cy: Any, en: Any) -> Any:
    """The Welsh and English snapshots as one: each text that differs becomes a
    bilingual text (a short label pair, or a Welsh block then an English block;
    ``secretary.i18n.pair``); numbers, codes and typed text are the same in both."""
    if isinstance(cy, str) and isinstance(en, str):
        return cy if cy == en else pair(cy, en)
    if dataclasses.is_dataclass(cy) and not isinstance(cy, type) and type(cy) is type(en):
        values = {f.name: merge(getattr(cy, f.name), getattr(en, f.name))
                  for f in dataclasses.fields(cy)}  # fmt: skip
        return type(cy)(**values)
    if isinstance(cy, (list, tuple)) and isinstance(en, (list, tuple)) and len(cy) == len(en):
        return type(cy)(merge(a, b) for a, b in zip(cy, en, strict=True))
    return cy


class _Builder:
    def __init__(
        self, info: MeetingInfo, meeting: Meeting, lang: str, outside: Mapping[str, OutsideInfo]
    ):
        self.info = info
        self.m = meeting
        self.lang = lang
        self.outside = outside
        self.number = {iid: n for n, iid in enumerate(meeting.agenda, start=1)}
        self.label = item_labels(meeting)
        self.story = tell(meeting)
        self._ratifications: list[Any] | None = None
        self._paper_labels: dict[str, str] | None = None
        self._previous: list[tuple[str | None, str]] | None = None
        # Late: after the start time, and after business began (presence.arrived_late).
        self.business_began = business_began(meeting)

    def t(self, text: str, /, **params: Any) -> str:
        return tr(self.lang, text, **params)

    def heading(self, iid: str) -> str:
        """An agenda item's heading in the document's language (standing items and
        outside decisions are stored as facts, not words: domain.agenda)."""
        item = self.m.items.get(iid)
        return clean(item_heading(item).render(self.lang)) if item is not None else clean(iid)

    def name(self, pid_or_text: str) -> str:
        p = self.m.people.get(pid_or_text)
        return clean(p.name if p is not None else pid_or_text)

    def item_ref(self, iid: str | None) -> str:
        if iid is None or iid not in self.number:
            return ""
        return self.t("item {n}", n=self.label[iid])

    # ------------------------------------------------------------------ whole

    def build(
        self, next_meeting: str | None, approved: ApprovalInfo | None, version: int
    ) -> MeetingSnapshot:
        m, info, terms = self.m, self.info, self.m.terms
        present, deputies, attendees, apologies = self.people_lists()
        declarations = self.declarations()
        actions = self.actions()
        items = self.items(declarations, actions)
        quorum_changes = self.quorum_changes(items)
        quorum_decisions = [
            QuorumLine(
                d.at or "",
                self.decision_label(d.item, d.at),
                d.quorum.state,
                d.quorum.explanation().render(self.lang),
            )
            for d in m.decisions
        ]
        carried = [line for line in actions.values() if line.carried]
        on_agenda = [a for it in items for a in it.actions]
        rest = [
            line
            for aid, line in actions.items()
            if m.actions[aid].item not in self.number and not line.carried
        ]
        return MeetingSnapshot(
            cluster=clean(info.cluster or terms.body.render(self.lang)),
            title=clean(info.title),
            date=info.date,
            start=info.start,
            venue=clean(info.venue),
            language=self.lang,
            health_board=clean(terms.health_board),
            terms_name=clean(terms.name.render(self.lang)),
            present=present,
            deputies=deputies,
            in_attendance=attendees,
            apologies=apologies,
            quorum_start=self.quorum_start(),
            quorum_decisions=quorum_decisions,
            declarations=declarations,
            items=items,
            actions=carried + on_agenda + rest,
            financial=self.financial(),
            register=self.register(),
            fingerprint=dseries.fingerprint(m.events),
            events=len(m.events),
            next_meeting=next_meeting,
            approved=approved,
            version=version,
            closed=m.closed,
            end=self.close_time(),
            absent=self.absent(),
            attendance_groups=self.attendance_groups(attendees),
            public=m.public,
            proxies=self.proxies(),
            quorum_changes=quorum_changes,
            unplaced_minutes=self.unplaced_minutes(),
            outside=self.outside_unplaced(),
        )

    # ------------------------------------------------------------------ people

    def roster(self) -> list[Person]:
        """Members and deputies in the terms' seat order (members first), then attendees."""
        return roster_order(self.m)

    def seat_name(self, p: Person) -> str:
        if p.seat and p.role != "attendee" and self.m.terms.has_seat(p.seat):
            return clean(self.m.terms.seat(p.seat).name.render(self.lang))
        return ""

    def is_chair(self, p: Person) -> bool:
        seat = self.m.seat_of(p.id)
        return seat is not None and "chair" in seat.tags and p.role == "member"

    def people_lists(
        self,
    ) -> tuple[list[PersonLine], list[PersonLine], list[PersonLine], list[PersonLine]]:
        present, deputies, attendees, apologies = [], [], [], []
        for p in self.roster():
            att = self.m.attendance.get(p.id, Attendance())
            if att.ever_present:
                line = self.person_line(p, att)
                if p.role == "member":
                    present.append(line)
                elif p.role == "deputy":
                    deputies.append(line)
                else:
                    attendees.append(line)
            elif att.apologies:
                apologies.append(self.person_line(p, att))
        # The person chairing heads the list.
        present.sort(key=lambda line: not line.chairing)
        return present, deputies, attendees, apologies

    def chair_roles(self, pid: str) -> tuple[bool, bool, str]:
        """(the Chair, chairing when business began, "in the Chair …" in words)."""
        p = self.m.people[pid]
        chairing = self.story.chair_at_start == pid
        chair = self.is_chair(p)  # the Chair by seat, whoever is chairing
        bits = [self.t("in the Chair")] if chairing and not chair else []
        began = self.story.began if self.story.began is not None else -1
        for taken in self.m.chair_takings:
            if taken.person != pid or (taken.item is None and taken.event <= began):
                continue
            if taken.item is not None:
                bits.append(self.t("in the Chair for {item}", item=self.item_ref(taken.item)))
            elif self.story.chair_focus.get(taken.event) in self.label:
                focus = self.story.chair_focus[taken.event]
                bits.append(self.t("in the Chair from {item}", item=self.item_ref(focus)))
            elif taken.at:
                bits.append(self.t("in the Chair from {time}", time=taken.at))
            else:
                bits.append(self.t("in the Chair for the rest of the meeting"))
        return chair, chairing, "; ".join(dict.fromkeys(bits))

    def items_present(self, pid: str, part: str) -> str:
        """'present for items 1–4, 6' for someone present for part of the business."""
        taken = self.story.items_taken
        mine = self.story.items_present.get(pid, set())
        withdrew = any(d.person == pid and d.action == "withdraw" for d in self.m.declarations)
        if not taken or not mine or (not part and not withdrew) or set(taken) <= mine:
            return ""
        stretches = runs(taken, mine)
        if len(stretches) == 1 and len(stretches[0]) == 1:
            return self.t("present for item {n}", n=self.label[stretches[0][0]])
        shown = ", ".join(
            self.label[r[0]] if len(r) == 1 else f"{self.label[r[0]]}–{self.label[r[-1]]}"
            for r in stretches
        )
        return self.t("present for items {list}", list=shown)

    def person_line(self, p: Person, att: Attendance) -> PersonLine:
        seat = self.seat_name(p)
        first = att.spans[0] if att.spans else None
        late = bool(
            first
            and first.arrived
            and arrived_late(first.arrived, self.info.start, self.business_began)
        )
        sentence = ""
        if p.role == "deputy" and seat:
            sentence = self.t(
                "{name} attended for the {seat} member", name=clean(p.name), seat=seat
            )
        chair, chairing, in_chair = (
            self.chair_roles(p.id) if att.ever_present else (False, False, "")
        )
        part = self.part_of_meeting(att, late)
        return PersonLine(
            id=p.id,
            name=clean(p.name),
            role=p.role,
            seat=seat,
            organisation=clean(p.organisation),
            chair=chair,
            remote=bool(first and first.mode == "remote"),
            late=late,
            part=part,
            sentence=sentence,
            in_chair=in_chair,
            items=self.items_present(p.id, part) if att.ever_present else "",
            group=seat or self.attendee_role(p),
            chairing=chairing,
        )

    def absent(self) -> list[PersonLine]:
        """Members who neither attended nor sent apologies (and anyone marked absent)."""
        out = []
        for p in self.roster():
            att = self.m.attendance.get(p.id, Attendance())
            if att.ever_present or att.apologies:
                continue
            if p.role == "member" or att.marked_absent:
                out.append(self.person_line(p, att))
        return out

    def attendance_groups(self, attendees: list[PersonLine]) -> list[AttendanceGroup]:
        groups: dict[str, list[PersonLine]] = {}
        for line in attendees:
            groups.setdefault(line.group, []).append(line)
        # Those plainly "in attendance" first (the minutes list them under the heading).
        plain = self.t("In attendance")
        return sorted(
            (AttendanceGroup(name, name == plain, people) for name, people in groups.items()),
            key=lambda g: not g.plain,
        )

    def proxies(self) -> list[str]:
        """'Dr Owen Price held the proxy of Dr Huw Davies (item 4, directed: for)'."""
        out = []
        for proxy in self.m.proxies:
            where = self.item_ref(proxy.item) if proxy.item is not None else self.t("all items")
            how = (
                self.t("directed: {direction}", direction=if_known(self.lang, proxy.direction))
                if proxy.direction
                else self.t("not directed")
            )
            out.append(
                self.t(
                    "{holder} held the proxy of {grantor} ({item}, {direction})",
                    holder=self.name(proxy.holder),
                    grantor=self.name(proxy.grantor),
                    item=where,
                    direction=how,
                )
            )
        return out

    def close_time(self) -> str:
        end = ""
        for _, e in self.m.effective_events():
            if e.type == "meeting_closed":
                end = e.get("at") or end
            elif e.type == "meeting_opened":
                end = ""
        return end if self.m.closed else ""

    def part_of_meeting(self, att: Attendance, late: bool) -> str:
        bits: list[str] = []
        spans = att.spans
        for i, span in enumerate(spans):
            prev = spans[i - 1] if i else None
            switched_in = prev is not None and prev.left_event == span.arrived_event
            if i == 0 and late:
                bits.append(self.t("arrived {time}", time=span.arrived))
            elif prev is not None and not switched_in:
                bits.append(
                    self.t("returned {time}", time=span.arrived)
                    if span.arrived
                    else self.t("returned")
                )
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            if nxt is not None and span.left_event == nxt.arrived_event:
                where = (
                    "joined remotely from {time}"
                    if nxt.mode == "remote"
                    else "in person from {time}"
                )
                bits.append(self.t(where, time=nxt.arrived or "?"))
            elif span.left_event is not None:
                after = self.item_ref(span.left_after_item)
                # A departure names the item it followed ("after_item", as a scenario
                # may), or was recorded while an item was under discussion: "during".
                said_after = bool(self.m.events[span.left_event].get("after_item"))
                if span.left and after and said_after:
                    bits.append(self.t("left {time}, after {item}", time=span.left, item=after))
                elif span.left and after:
                    bits.append(self.t("left {time}, during {item}", time=span.left, item=after))
                elif span.left:
                    bits.append(self.t("left {time}", time=span.left))
                elif after and said_after:
                    bits.append(self.t("left after {item}", item=after))
                elif after:
                    bits.append(self.t("left during {item}", item=after))
                else:
                    bits.append(self.t("left during the meeting"))
        return "; ".join(bits)

    # ------------------------------------------------------------------ quorum

    def decision_label(self, item: str, at: str | None) -> str:
        n = self.label.get(item)
        label = self.t("Item {n}", n=n) if n is not None else clean(item)
        return f"{label} ({at})" if at else label

    def quorum_changes(self, items: list[ItemSection]) -> list[QuorumLine]:
        """Each point where the meeting lost or regained decision quorum after business
        began, with the time and the item in focus; also noted under that item."""
        sections = {it.id: it for it in items}
        lines = []
        for change in self.story.quorum_changes:
            where = ", ".join(x for x in (change.at or "", self.item_ref(change.item)) if x)
            if change.still:
                label = (
                    self.t("Decision quorum still lost ({when})", when=where)
                    if where
                    else self.t("Decision quorum still lost")
                )
            elif change.quorate:
                label = (
                    self.t("Decision quorum regained ({when})", when=where)
                    if where
                    else self.t("Decision quorum regained")
                )
            else:
                label = (
                    self.t("Decision quorum lost ({when})", when=where)
                    if where
                    else self.t("Decision quorum lost")
                )
            line = QuorumLine(
                change.at or "",
                label,
                change.assessment.state,
                change.assessment.explanation().render(self.lang),
            )
            lines.append(line)
            if change.item in sections:
                sections[change.item].quorum_notes.append(
                    (change.event, f"{line.label}: {line.text}")
                )
        return lines

    def quorum_start(self) -> QuorumLine | None:
        """The meeting's quorum when business began (see the module docstring)."""
        replay = Meeting(self.m.terms)
        for _, e in self.m.effective_events():
            if e.type in ("vote", "consensus"):
                return self.start_line(assess(replay), e.get("at"), e.get("item"))
            replay.apply(e, stored=True)
            if e.type == "focus" and e.get("item") is not None:
                return self.start_line(assess(replay), e.get("at"), e.get("item"))
        if not self.m.events:
            return None
        return QuorumLine(
            "",
            self.t("At the end of the record (no item was taken)"),
            assess(replay).state,
            assess(replay).explanation().render(self.lang),
        )

    def start_line(self, q: QuorumAssessment, at: str | None, item: str | None) -> QuorumLine:
        from secretary.domain.text import msg
        from secretary.export.story import start_sentence

        ref = self.item_ref(item)
        # A message, not text: each language of a bilingual sentence takes its own part.
        item_msg = msg("item {n}", n=self.label[item]) if ref and item else None
        when: Any = ""
        if at and item_msg is not None:
            when = msg("{time}, {item}", time=at, item=item_msg)
        elif item_msg is not None:
            when = item_msg
        elif at:
            when = at
        sentence = start_sentence(q, when).render(self.lang)
        if at and ref:
            label = self.t("At the start ({time}, {item})", time=at, item=ref)
        elif at:
            label = self.t("At the start ({time})", time=at)
        else:
            label = self.t("At the start")
        return QuorumLine(
            at or "", label, q.state, q.explanation().render(self.lang), clean(sentence)
        )

    # ------------------------------------------------------------------ declarations

    def declarations(self) -> list[DeclarationLine]:
        def order(d: Declaration) -> tuple[int, int, int]:
            # Standing declarations (the register) first, then by item.
            return (0 if d.standing else 1, self.number.get(d.item, 0) if d.item else 0, d.event)

        lines = []
        for d in sorted(self.m.declarations, key=order):
            n = self.label.get(d.item) if d.item else None
            if d.item is None:
                label = self.t("All items")
            else:
                title = self.heading(d.item)
                label = self.t("Item {n}: {title}", n=n, title=title)
            # A declaration that changed nothing has nothing to add (real minutes
            # say nothing); one whose consequence was not stated says so.
            followed = {
                "none": "",
                "unstated": self.t("None stated"),
                "abstain": self.t("Did not vote on the item"),
                "withdraw": self.t("Withdrew for the item"),
            }.get(d.action, d.action)
            att = self.m.attendance.get(d.person)
            if att is None or not att.ever_present:
                followed = (
                    self.t("{followed} (declared ahead of the meeting)", followed=followed)
                    if followed
                    else self.t("Declared ahead of the meeting")
                )
            standing_text = {
                "confirmed": self.t("confirmed"),
                "changed": self.t("changed"),
                "new": self.t("new to the register"),
            }.get(d.standing, "")
            if d.standing:
                label = self.t("Standing (register of interests)")
            lines.append(
                DeclarationLine(
                    self.name(d.person),
                    d.item,
                    label,
                    clean(d.interest),
                    d.action,
                    followed,
                    d.standing,
                    standing_text,
                )
            )
        return lines

    # ------------------------------------------------------------------ items

    def outcome(self, status: str) -> str:
        return {
            "carried": self.t("Carried"),
            "not_carried": self.t("Not carried"),
            "agreed_by_consensus": self.t("Agreed by consensus"),
            "blocked_inquorate": self.t("No decision (not quorate)"),
        }.get(status, status)

    def decision_line(self, d: Any) -> DecisionLine:
        if d.rule is not None:
            rule = d.rule.name.render(self.lang)
        else:
            rule = self.m.terms.consensus_rule.render(self.lang)
        not_counted = tuple(
            f"{self.name(r.voter) if r.voter != 'casting' else self.t('Casting vote')}: "
            f"{r.reason.render(self.lang)}"
            for r in d.rejected
        )
        return DecisionLine(
            kind=d.kind,
            status=d.status,
            outcome=self.outcome(d.status),
            statement=clean(d.statement(self.m).render(self.lang)),
            wording=clean(d.text),
            at=d.at or "",
            quorum=d.quorum.explanation().render(self.lang),
            rule=clean(rule),
            for_=d.for_,
            against=d.against,
            abstain=d.abstain,
            eligible=d.eligible,
            required=d.required,
            not_counted=tuple(clean(s) for s in not_counted),
            event=d.event,
        )

    def actions(self) -> dict[str, ActionLine]:
        meeting_label = long_date(self.info.date, self.lang, weekday=False) or clean(
            self.info.title
        )
        updates, brought_in = self.action_history()
        out = {}
        for a in sorted(
            self.m.actions.values(), key=lambda a: (self.number.get(a.item or "", 10**6), a.event)
        ):
            carried = bool(a.carried_from)
            item = ""
            # A carried action sits on this meeting's matters-arising item; the item
            # it was agreed under is the earlier meeting's (known when it was carried
            # since from_item was kept; else none is printed).
            if carried:
                item = clean(a.carried_from_item)
            elif a.item is not None and a.item in self.m.items:
                it = self.m.items[a.item]
                item = clean(it.reference) or self.label.get(a.item, "")
            if carried:
                # Agreed at an earlier meeting: name that one (its date, else "an
                # earlier meeting").
                meeting = (
                    long_date(a.carried_from_date, self.lang, weekday=False)
                    if a.carried_from_date
                    else self.t("an earlier meeting")
                )
            else:
                meeting = meeting_label
            before = brought_in.get(a.id, "open") if carried else ""
            out[a.id] = ActionLine(
                ref=clean(a.id),
                meeting=meeting,
                item=item,
                text=clean(a.text),
                lead=self.name(a.owner) if a.owner else "",
                due=a.due or "",
                status=clean(a.status),
                notes=tuple(clean(n) for n in a.notes),
                carried=carried,
                carried_status=before,
                progress=self.progress(a.status, updates.get(a.id, [])) if carried else "",
            )
        return out

    def action_history(self) -> tuple[dict[str, list[Any]], dict[str, str]]:
        """This meeting's ``action_update`` events by action (retracted ones left out),
        and the status each carried action had when it was brought in."""
        updates: dict[str, list[Any]] = {}
        brought_in: dict[str, str] = {}
        for _, e in self.m.effective_events():
            if e.type == "action_update":
                updates.setdefault(e.get("action"), []).append(e)
            elif e.type == "action_carried":
                brought_in[e.get("action")] = clean(e.get("status") or "open")
        return updates, brought_in

    def progress(self, status: str, updates: list[Any]) -> str:
        """What this meeting recorded about a carried action, in words: its status
        (or that nothing was recorded), the progress notes, a new due date. The
        usual statuses ("open", "complete") in the snapshot's language."""
        raw = clean(status).strip() or "open"
        if not updates:
            return self.t(
                "No update recorded at this meeting; still {status}.",
                status=if_known(self.lang, raw),
            )
        shown = if_known(self.lang, raw)
        if isinstance(shown, Bilingual):  # "Ar waith / In progress."
            shown = bilingual(_capital(shown.cy), _capital(shown.en))
        shown = _capital(str(shown))
        bits = [shown + ("" if shown[-1] in ".!?" else ".")]
        for e in updates:
            note = clean(e.get("note") or "").strip()
            if note:
                bits.append(note if note[-1] in ".!?" else note + ".")
        new_due = next((e.get("due") for e in reversed(updates) if e.get("due")), None)
        if new_due:
            bits.append(
                self.t(
                    "Due date moved to {date}.",
                    date=long_date(new_due, self.lang, weekday=False),
                )
            )
        return " ".join(bits)

    def items(
        self, declarations: list[DeclarationLine], actions: dict[str, ActionLine]
    ) -> list[ItemSection]:
        sections = []
        for iid in self.m.agenda:
            it = self.m.items[iid]
            sections.append(
                ItemSection(
                    number=self.label[iid],
                    id=iid,
                    reference=clean(it.reference),
                    title=plain_title(self.heading(it.id), self.label[iid]),
                    presenter=self.name(it.presenter) if it.presenter else "",
                    financial=it.financial,
                    amount=it.amount,
                    notes=clean(
                        "\n".join(x for x in (*self.between(iid), self.m.notes.get(iid, "")) if x)
                    ),
                    standing=clean(it.standing),
                    declarations=[d for d in declarations if d.item_id == iid],
                    decisions=[self.decision_line(d) for d in self.m.decisions_for(iid)],
                    actions=[
                        actions[a.id]
                        for a in self.m.actions.values()
                        if a.item == iid and not a.carried_from
                    ],
                    purpose=self.purpose(it.purpose),
                    papers=self.papers(iid),
                    sub=it.parent is not None and it.parent in self.m.items,
                    chair_notes=self.chair_notes(iid),
                )
            )
        # The actions of earlier meetings are minuted under matters arising.
        arising = next((s for s in sections if s.standing == "matters-arising"), None)
        if arising is not None:
            arising.carried = [line for line in actions.values() if line.carried]
        return sections

    def papers(self, iid: str) -> tuple[str, ...]:
        """An item's papers: those listed by title (records before papers were kept),
        then those kept in the record, "Paper 5a: Social prescriber proposal"."""
        if self._paper_labels is None:
            self._paper_labels = paper_labels(self.m, self.label)
        kept = tuple(
            clean(
                self.t(
                    "Paper {number}: {title}",
                    number=self._paper_labels[p.id].removeprefix("Paper "),
                    title=p.title,
                )
            )
            for p in self.m.papers_of(iid)
            if p.id in self._paper_labels
        )
        return tuple(clean(x) for x in self.m.items[iid].papers) + kept

    def purpose(self, purpose: str) -> str:
        return {
            "decision": self.t("for decision"),
            "discussion": self.t("for discussion"),
            "information": self.t("for information"),
            "ratification": self.t("for ratification"),
            "noting": self.t("for noting"),
        }.get(purpose, clean(purpose))

    def chair_notes(self, iid: str) -> list[str]:
        """'Dr Owen Price took the chair for item 5.' under the item concerned."""
        out = []
        for taken in self.m.chair_takings:
            name = self.name(taken.person)
            if taken.item == iid:
                out.append(
                    self.t("{name} took the chair for {item}.", name=name, item=self.item_ref(iid))
                )
            elif taken.item is None and self.story.chair_focus.get(taken.event) == iid:
                out.append(
                    self.t(
                        "{name} took the chair at {time} for the rest of the meeting.",
                        name=name,
                        time=taken.at,
                    )
                    if taken.at
                    else self.t("{name} took the chair for the rest of the meeting.", name=name)
                )
        return out

    def minutes_item(self) -> str | None:
        return next((i for i in self.m.agenda if self.m.items[i].standing == "minutes"), None)

    def previous_minutes(self) -> list[tuple[str | None, str]]:
        """(item, sentence) for each approval of earlier minutes: of a meeting in the
        record (``minutes_approved``) or of one held elsewhere. Read once."""
        if self._previous is None:
            self._previous = self.read_previous_minutes()
        return self._previous

    def read_previous_minutes(self) -> list[tuple[str | None, str]]:
        from secretary.domain.series import ApprovalEvent, approval_statement, approvals_in

        out = []
        for a in approvals_in(self.m):
            of = long_date(a.date, self.lang, weekday=False) if a.date else ""
            out.append((a.item, approval_statement(a, of).render(self.lang)))
        for pm in self.m.previous_minutes:
            event = ApprovalEvent("", pm.date, pm.amendments, "", pm.item, "")
            of = long_date(pm.date, self.lang, weekday=False)
            out.append((pm.item, approval_statement(event, of).render(self.lang)))
        return out

    def unplaced_minutes(self) -> list[str]:
        """Approvals of earlier minutes when the agenda has no minutes item for them."""
        fallback = self.minutes_item()
        return [
            text
            for item, text in self.previous_minutes()
            if (item if item in self.m.items else fallback) is None
        ]

    def outside_title(self, uuid: str) -> str:
        info = self.outside.get(uuid)
        if info is None:
            return self.t("a decision taken outside a meeting")
        return clean(info.title)

    def outside_unplaced(self) -> list[str]:
        """Ratifications of decisions taken outside meetings on no agenda item: they
        are minuted under their own heading all the same."""
        from secretary.domain.series import ratification_statement

        out = []
        for r in self.ratifications():
            if r.item in self.m.items:
                continue
            out.append(
                ratification_statement(r, self.outside_title(r.decision_uuid)).render(self.lang)
            )
            out.extend(self.outside_detail(r.decision_uuid))
            if r.text:
                out.append(clean(r.text))
        return out

    def outside_detail(self, uuid: str, amount: bool = True) -> list[str]:
        """The sum and the Health Board signatory of a financial decision outside."""
        info = self.outside.get(uuid)
        if info is None or not info.financial:
            return []
        bits = []
        if amount and info.amount is not None:
            bits.append(self.t("Amount: {amount}.", amount=money(info.amount)))
        if info.signatory:
            bits.append(
                self.t("Health Board authorised signatory: {name}.", name=clean(info.signatory))
            )
        return [" ".join(bits)] if bits else []

    def between(self, iid: str) -> list[str]:
        """Approvals of earlier minutes and ratifications recorded on this item
        (docs/between-meetings.md), as sentences for its minutes."""
        from secretary.domain.series import ratification_statement

        minutes_item = self.minutes_item()
        out = []
        for item, text in self.previous_minutes():
            if (item if item in self.m.items else minutes_item) == iid:
                out.append(text)
        for r in self.ratifications():
            if r.item == iid:
                out.append(ratification_statement(r).render(self.lang))
                on_agenda = self.m.items[iid]
                shown = on_agenda.financial and on_agenda.amount is not None  # in its line
                out.extend(self.outside_detail(r.decision_uuid, amount=not shown))
                if r.text:
                    out.append(r.text)
        return out

    # ------------------------------------------------------------------ financial

    def financial(self) -> list[FinancialLine]:
        lines = []
        logged = set()
        for entry in sorted(self.m.financial, key=lambda f: (self.number.get(f.item, 0), f.event)):
            logged.add(entry.item)
            if not self.decided(entry.item):
                continue  # no decision taken: not a financial decision of the meeting
            lines.append(
                self.financial_line(
                    entry.item,
                    entry.amount,
                    entry.description,
                    entry.budget_line,
                    entry.signatory,
                    False,
                )
            )
        # A financial item decided on without a log entry is still a
        # financial decision of the meeting (3.3.2): show it with the agenda amount.
        ratified = self.ratified_financial(logged)
        logged |= {r.item for r in self.ratifications() if r.item}
        for iid in self.m.agenda:
            it = self.m.items[iid]
            if it.financial and iid not in logged and self.decided(iid):
                lines.append(self.financial_line(iid, it.amount, "", "", "", True))
        lines.extend(ratified)
        lines.sort(key=lambda f: f.item_number or 0)
        return lines

    def decided(self, iid: str) -> bool:
        """A decision stands on the item: carried, not carried or agreed (a vote
        blocked for want of quorum decided nothing)."""
        decisions = self.m.decisions_for(iid)
        if decisions and decisions[-1].taken:
            return True
        return any(
            r.item == iid and r.outcome in ("ratified", "not_ratified")
            for r in self.ratifications()
        )

    def ratifications(self) -> list[Any]:
        """The meeting's ratifications of decisions taken outside meetings, read once."""
        from secretary.domain.series import ratifications_in

        if self._ratifications is None:
            self._ratifications = ratifications_in(self.m)
        return self._ratifications

    def ratified_financial(self, logged: set[str]) -> list[FinancialLine]:
        """Financial decisions taken outside meetings and ratified (or not) here
        (3.2.7, 3.2.9): in the log with their sum and signatory."""
        out = []
        for r in self.ratifications():
            if r.outcome not in ("ratified", "not_ratified") or (r.item or "") in logged:
                continue
            info = self.outside.get(r.decision_uuid)
            item = self.m.items.get(r.item or "")
            financial = info.financial if info is not None else bool(item and item.financial)
            if not financial:
                continue
            amount = info.amount if info is not None else None
            if amount is None and item is not None:
                amount = item.amount
            label = self.label.get(r.item or "")
            title = (
                self.heading(r.item) if item is not None else self.outside_title(r.decision_uuid)
            )
            out.append(
                FinancialLine(
                    item_number=self.number.get(r.item or ""),
                    item=f"{label}. {title}" if label else title,
                    description=self.outside_title(r.decision_uuid) if info else "",
                    amount=amount,
                    budget_line="",
                    outcome=self.t("Ratified")
                    if r.outcome == "ratified"
                    else self.t("Not ratified"),
                    carried=r.outcome == "ratified",
                    signatory=clean(info.signatory) if info is not None else "",
                )
            )
        return out

    def financial_line(
        self,
        iid: str,
        amount: float | None,
        description: str,
        budget_line: str,
        signatory: str,
        from_agenda: bool,
    ) -> FinancialLine:
        n = self.number.get(iid)
        label = self.label.get(iid)
        title = self.heading(iid)
        decisions = self.m.decisions_for(iid)
        ratified = [r for r in self.ratifications() if r.item == iid and r.outcome != "noted"]
        if decisions:
            last = decisions[-1]
            outcome, carried = self.outcome(last.status), bool(last.carried)
        elif ratified:
            carried = ratified[-1].outcome == "ratified"
            outcome = self.t("Ratified") if carried else self.t("Not ratified")
        else:
            outcome, carried = self.t("No decision recorded"), None
        return FinancialLine(
            item_number=n,
            item=f"{label}. {title}" if label else title,
            description=clean(description),
            amount=amount,
            budget_line=clean(budget_line),
            outcome=outcome,
            carried=carried,
            signatory=self.name(signatory) if signatory else "",
            from_agenda=from_agenda,
        )

    # ------------------------------------------------------------------ register

    def register(self) -> list[RegisterLine]:
        deputy_present: dict[str, list[str]] = {}
        for p in self.m.people.values():
            att = self.m.attendance.get(p.id)
            if p.role == "deputy" and p.seat and att is not None and att.ever_present:
                deputy_present.setdefault(p.seat, []).append(clean(p.name))
        lines = []
        for p in self.roster():
            att = self.m.attendance.get(p.id, Attendance())
            seat = self.seat_name(p)
            arrived = left = ""
            status = register_status(self.m, p.id)  # the domain's judgement
            if att.ever_present:
                first, last = att.spans[0], att.spans[-1]
                arrived = first.arrived or ""
                left = (last.left or self.t("left")) if last.left_event is not None else ""
                if status == REGISTER_DEPUTY:
                    text = self.t("Present as deputy for {seat}", seat=seat)
                    if att.remote:
                        text = self.t("{status} (remote)", status=text)
                elif status == REGISTER_REMOTE:
                    text = self.t("Present (remote)")
                elif status == REGISTER_PARTLY_REMOTE:
                    status, text = "present", self.t("Present (partly remote)")
                else:
                    text = self.t("Present")
            elif att.apologies:
                status, text = "apologies", self.t("Apologies")
                deps = deputy_present.get(p.seat or "") if p.role == "member" else None
                if deps:
                    text = self.t("Apologies; deputy attended ({names})", names=", ".join(deps))
            else:
                status, text = "absent", self.t("Absent")
            lines.append(
                RegisterLine(
                    name=clean(p.name),
                    seat=seat or self.attendee_role(p),
                    organisation=clean(p.organisation),
                    status=status,
                    status_text=text,
                    arrived=arrived,
                    left=left,
                )
            )
        return lines

    def attendee_role(self, p: Person) -> str:
        for kind in self.m.terms.attendee_kinds:
            if kind.id == p.kind:
                return clean(kind.name.render(self.lang))
        return self.t("In attendance") if p.role == "attendee" else ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
