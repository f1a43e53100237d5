"""A meeting as plain data, ready to be written as minutes, logs and registers.

``snapshot_from_meeting(info, meeting)`` (or ``snapshot_from_record(record,
meeting_id)``) reads a folded ``Meeting`` once and returns a
``MeetingSnapshot``: plain dataclasses of strings and numbers, every sentence
already rendered in the snapshot's language. The Word exporters
(``secretary.export.docx``) only lay these out; the window can show the same
data. Nothing here imports Qt or python-docx.

Definitions the minutes rely on (documented in ``docs/exports.md``):

- **Quorum at the start** is the meeting's quorum (no item in focus) at the
  moment business began: just after the first ``focus`` on an agenda item, or
  just before the first decision if that came first. If no item was ever
  taken up, it is the state at the end of the record.
- **Late**: a person's first arrival time is after the meeting's start time
  and after business began (the time of the first item focus or decision).
- **Part of meeting**: "arrived 13:40" (late), "left 15:10, after item 6",
  "returned 15:30", "joined remotely from 14:00" / "in person from 14:00".
- **Item numbers**: the items' own ids when every id on the agenda looks like
  an item number ("4", "4a", "4.1", as in scenario files); otherwise positions
  on the agenda (1, 2, 3, …). The item's reference (e.g. UVC/26/05) is printed
  beside it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from secretary.domain.agenda import item_heading
from secretary.domain.meeting import Attendance, Declaration, Meeting, Person
from secretary.domain.presence import (
    REGISTER_DEPUTY,
    REGISTER_PARTLY_REMOTE,
    REGISTER_REMOTE,
    register_status,
    roster_order,
)
from secretary.domain.quorum import QuorumAssessment, assess
from secretary.domain.scenario import MeetingInfo
from secretary.export.text import clean, long_date
from secretary.i18n import BILINGUAL, Bilingual, bilingual, if_known, in_language, pair

LANGUAGES = ("en",)  # "cy" and "bilingual" come with issue 8; the structure allows them.

COMPLETE_STATUSES = ("complete", "completed", "closed", "done")
_ITEM_NUMBER = re.compile(r"^\d{1,3}[a-z]?(\.\d{1,2})?$")


@dataclass(frozen=True)
class ApprovalInfo:
    """Minutes approved at a later meeting: printed instead of the DRAFT marking."""

    date: str  # YYYY-MM-DD, the meeting that approved them
    fingerprint: str  # the record fingerprint the approved text was made from
    approved_by: str = ""  # e.g. "the Upper Valleys Cluster Meeting"


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
    part: str = ""  # "arrived 13:40; left 15:10, after item 6" ("" for the whole meeting)
    sentence: str = ""  # deputies: "Alun Hughes attended for the Community Pharmacy member"

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
        return "; ".join(bits)


@dataclass(frozen=True)
class QuorumLine:
    at: str  # HH:MM or ""
    label: str  # "At the start (13:03)", "Item 5 (13:48)"
    state: str  # decisions | quorate | not_quorate
    text: str  # "Quorate for decisions: 9 seats represented (6 needed)."


@dataclass(frozen=True)
class DeclarationLine:
    person: str
    item_id: str | None  # None: every item
    item_label: str  # "Item 5: Social prescriber extension" or "All items"
    interest: str
    action: str  # none | abstain | withdraw
    followed: str  # "Noted" | "Did not vote on the item" | "Withdrew for the item"


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
    def complete(self) -> bool:
        return self.status.strip().lower() in COMPLETE_STATUSES


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
    # "<meeting uuid> <events> <chain head>" of the events the document was made
    # from (store/chain.py): printed in the minutes, checked by `verify --against`.
    chain: str = ""

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
    info = record.meeting_info(meeting_id)
    terms = record.meeting_terms(meeting_id)
    meeting = Meeting(terms, record.events(meeting_id))
    snap = snapshot_from_meeting(
        info,
        meeting,
        next_meeting=next_meeting,
        approved=approved,
        version=version,
        language=language,
    )
    from secretary.store.chain import chain_head

    head = chain_head(record, meeting_id)
    if head.events == len(meeting.events):  # the same events as the snapshot
        snap = dataclasses.replace(snap, chain=head.line())
    return snap


def snapshot_from_meeting(
    info: MeetingInfo,
    meeting: Meeting,
    *,
    next_meeting: str | None = None,
    approved: ApprovalInfo | None = None,
    version: int = 1,
    language: str = "en",
) -> MeetingSnapshot:
    """Everything the minutes and logs need, read from ``meeting`` as it stands.

    Bilingual: the snapshot is built whole in Welsh and whole in English and the
    two are paired text by text (``merge``), so no text mixes the languages."""
    if language == BILINGUAL:
        cy, en = (
            _Builder(info, meeting, lang).build(next_meeting, approved, version)
            for lang in ("cy", "en")
        )
        merged = merge(cy, en)
        merged.language = BILINGUAL
        return merged
    return _Builder(info, meeting, language).build(next_meeting, approved, version)


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


def fingerprint(meeting: Meeting) -> str:
    """SHA-256 of the meeting's whole event log (retractions included): the same
    record always gives the same fingerprint, any change gives another."""
    h = hashlib.sha256()
    for e in meeting.events:
        h.update(
            json.dumps(
                [e.id, e.type, dict(e.data)], sort_keys=True, ensure_ascii=False, default=str
            ).encode("utf-8", "surrogatepass")
        )
        h.update(b"\n")
    return h.hexdigest()


class _Builder:
    def __init__(self, info: MeetingInfo, meeting: Meeting, lang: str):
        self.info = info
        self.m = meeting
        self.lang = lang
        self.number = {iid: n for n, iid in enumerate(meeting.agenda, start=1)}
        numbered = all(_ITEM_NUMBER.match(iid) for iid in meeting.agenda)
        self.label = {iid: (iid if numbered else str(n)) for iid, n in self.number.items()}
        self.business_began = self.first_business_time()
        # Late: after the start time, and after business began (people arriving
        # at 13:01 for a 13:00 meeting that opened at 13:03 are not late).
        self.late_after = max(info.start or "", self.business_began or "")

    def first_business_time(self) -> str | None:
        for _, e in self.m.effective_events():
            if e.type in ("vote", "consensus") or (e.type == "focus" and e.get("item")):
                return e.get("at")
        return None

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
            fingerprint=fingerprint(m),
            events=len(m.events),
            next_meeting=next_meeting,
            approved=approved,
            version=version,
            closed=m.closed,
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
        return seat is not None and "chair" in seat.tags and p.role != "attendee"

    def people_lists(
        self,
    ) -> tuple[list[PersonLine], list[PersonLine], list[PersonLine], list[PersonLine]]:
        present, deputies, attendees, apologies = [], [], [], []
        chair_marked = False
        for p in self.roster():
            att = self.m.attendance.get(p.id, Attendance())
            if att.ever_present:
                chair = self.is_chair(p) and not chair_marked
                chair_marked = chair_marked or chair
                line = self.person_line(p, att, chair)
                if p.role == "member":
                    present.append(line)
                elif p.role == "deputy":
                    deputies.append(line)
                else:
                    attendees.append(line)
            elif att.apologies:
                apologies.append(self.person_line(p, att, False))
        # The chair heads the list.
        present.sort(key=lambda line: not line.chair)
        return present, deputies, attendees, apologies

    def person_line(self, p: Person, att: Attendance, chair: bool) -> PersonLine:
        seat = self.seat_name(p)
        first = att.spans[0] if att.spans else None
        late = bool(first and first.arrived and self.late_after and first.arrived > self.late_after)
        sentence = ""
        if p.role == "deputy" and seat:
            sentence = self.t(
                "{name} attended for the {seat} member", name=clean(p.name), seat=seat
            )
        return PersonLine(
            id=p.id,
            name=clean(p.name),
            role=p.role,
            seat=seat,
            organisation=clean(p.organisation),
            chair=chair,
            remote=bool(first and first.mode == "remote"),
            late=late,
            part=self.part_of_meeting(att, late),
            sentence=sentence,
        )

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
                if span.left and after:
                    bits.append(self.t("left {time}, after {item}", time=span.left, item=after))
                elif span.left:
                    bits.append(self.t("left {time}", time=span.left))
                elif after:
                    bits.append(self.t("left after {item}", item=after))
                else:
                    bits.append(self.t("left during the meeting"))
        return "; ".join(bits)

    # ------------------------------------------------------------------ quorum

    def decision_label(self, item: str, at: str | None) -> str:
        n = self.label.get(item)
        label = self.t("Item {n}", n=n) if n is not None else clean(item)
        return f"{label} ({at})" if at else label

    def quorum_start(self) -> QuorumLine | None:
        """The meeting's quorum when business began (see the module docstring)."""
        replay = Meeting(self.m.terms)
        for _, e in self.m.effective_events():
            if e.type in ("vote", "consensus"):
                return self.start_line(assess(replay), e.get("at"), e.get("item"))
            replay.apply(e)
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
        ref = self.item_ref(item)
        if at and ref:
            label = self.t("At the start ({time}, {item})", time=at, item=ref)
        elif at:
            label = self.t("At the start ({time})", time=at)
        else:
            label = self.t("At the start")
        return QuorumLine(at or "", label, q.state, q.explanation().render(self.lang))

    # ------------------------------------------------------------------ declarations

    def declarations(self) -> list[DeclarationLine]:
        def order(d: Declaration) -> tuple[int, int]:
            return (self.number.get(d.item, 0) if d.item else 0, d.event)

        lines = []
        for d in sorted(self.m.declarations, key=order):
            n = self.label.get(d.item) if d.item else None
            if d.item is None:
                label = self.t("All items")
            else:
                title = self.heading(d.item)
                label = self.t("Item {n}: {title}", n=n, title=title)
            followed = {
                "none": self.t("Noted"),
                "abstain": self.t("Did not vote on the item"),
                "withdraw": self.t("Withdrew for the item"),
            }.get(d.action, d.action)
            att = self.m.attendance.get(d.person)
            if att is None or not att.ever_present:
                followed = self.t("{followed} (declared ahead of the meeting)", followed=followed)
            lines.append(
                DeclarationLine(
                    self.name(d.person), d.item, label, clean(d.interest), d.action, followed
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
            # A carried action sits on this meeting's matters-arising item; the item of
            # the meeting that agreed it is not known, so none is printed.
            if not carried and a.item is not None and a.item in self.m.items:
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
                    title=self.heading(it.id),
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
                )
            )
        # The actions of earlier meetings are minuted under matters arising.
        arising = next((s for s in sections if s.standing == "matters-arising"), None)
        if arising is not None:
            arising.carried = [line for line in actions.values() if line.carried]
        return sections

    def between(self, iid: str) -> list[str]:
        """Approvals of earlier minutes and ratifications recorded on this item
        (docs/between-meetings.md), as sentences for its minutes."""
        from secretary.domain.series import (
            approval_statement,
            approvals_in,
            ratification_statement,
            ratifications_in,
        )

        minutes_item = next(
            (i for i in self.m.agenda if self.m.items[i].standing == "minutes"), None
        )
        out = []
        for a in approvals_in(self.m):
            if (a.item or minutes_item) == iid:
                of = long_date(a.date, self.lang, weekday=False) if a.date else ""
                out.append(approval_statement(a, of).render(self.lang))
        for r in ratifications_in(self.m):
            if r.item == iid:
                out.append(ratification_statement(r).render(self.lang))
                if r.text:
                    out.append(r.text)
        return out

    # ------------------------------------------------------------------ financial

    def financial(self) -> list[FinancialLine]:
        lines = []
        logged = set()
        for entry in sorted(self.m.financial, key=lambda f: (self.number.get(f.item, 0), f.event)):
            logged.add(entry.item)
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
        # A financial item decided on (or blocked) without a log entry is still a
        # financial decision of the meeting (3.3.2): show it with the agenda amount.
        for iid in self.m.agenda:
            it = self.m.items[iid]
            if it.financial and iid not in logged and self.m.decisions_for(iid):
                lines.append(self.financial_line(iid, it.amount, "", "", "", True))
        lines.sort(key=lambda f: f.item_number or 0)
        return lines

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
        if decisions:
            last = decisions[-1]
            outcome, carried = self.outcome(last.status), bool(last.carried)
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


def actions_due(actions: Sequence[ActionLine]) -> list[ActionLine]:
    """Actions not yet complete (what a later meeting carries forward)."""
    return [a for a in actions if not a.complete]
