"""A cluster's meetings as a series, and what passes between them.

- the meetings of a cluster in date order, the previous and next meeting;
- a new meeting prepared with the roster and standing items
  (``secretary.store.clusters``), the open actions of earlier meetings as
  matters arising (``action_carried`` events), and the decisions taken outside
  meetings still awaiting ratification or noting as agenda items;
- decisions taken outside meetings (3.2.7, 3.2.9, 5.1): recorded between
  meetings, ratified or noted by a ``ratify`` event in a later meeting;
- the meeting list with its deadlines (5.5, 5.6) and overdue actions;
- attendance over a financial year, and the register of interests.

Every meeting is read under the terms frozen with it (``MeetingRow.terms_text``),
never the cluster's current terms. Approval of minutes (5.7) and the lock on
approved minutes are in ``secretary.store.approval``. See docs/between-meetings.md.

One module (over 400 lines): the series, carry-forward, decisions taken outside meetings
and the year's reports all read a cluster's meetings in date order through the same
helpers; the tables are in models.py and the series key in series_key.py.
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from secretary.domain import series as dseries
from secretary.domain.attendance_year import AttendanceYear, attendance_year
from secretary.domain.deadlines import MeetingDeadlines
from secretary.domain.events import EventError, is_valid_date
from secretary.domain.interests import InterestEntry, interests_register
from secretary.domain.meeting import Meeting
from secretary.domain.quorum import assess
from secretary.domain.scenario import MeetingInfo
from secretary.domain.series import ActionThread, MeetingRef
from secretary.domain.terms import Terms
from secretary.i18n import _
from secretary.store.clock import current_author, now_utc
from secretary.store.errors import RecordError
from secretary.store.errors import SeriesError as SeriesError  # its old home
from secretary.store.models import ClusterRow, MeetingRow, OutsideDecisionRow
from secretary.store.record import Record, terms_from_text
from secretary.store.series_key import SeriesKey as SeriesKey  # its old home
from secretary.store.series_key import key_of_row
from secretary.store.series_key import series_key_of as series_key_of

if TYPE_CHECKING:
    from secretary.domain.qaif import QaifYear
    from secretary.store.live import LiveMeeting


# --------------------------------------------------------------------------- the series


def _ref(row: MeetingRow) -> MeetingRef:
    return MeetingRef(row.id, row.uuid, row.title, row.date)


def _rows(record: Record, key: SeriesKey | None = None) -> list[MeetingRow]:
    query = select(MeetingRow)
    if key is not None:
        if key.cluster_id is not None:
            query = query.where(MeetingRow.cluster_id == key.cluster_id)
        else:
            query = query.where(
                MeetingRow.cluster_id.is_(None), MeetingRow.cluster_name == key.cluster_name
            )
    with record.session() as s:
        rows = list(s.scalars(query))
    return sorted(rows, key=lambda r: (r.date == "", r.date, r.id))


def series_keys(record: Record) -> list[SeriesKey]:
    """Every series of the record: its clusters (with or without meetings), and the
    cluster names of meetings made without a cluster."""
    with record.session() as s:
        clusters = list(s.execute(select(ClusterRow.id, ClusterRow.name)))
        loose = sorted(
            {
                r
                for r in s.scalars(
                    select(MeetingRow.cluster_name).where(MeetingRow.cluster_id.is_(None))
                )
            }
        )
    keys = [SeriesKey(cid, name) for cid, name in clusters]
    keys += [SeriesKey(None, name) for name in loose]
    return keys


def _named(record: Record, key: SeriesKey) -> SeriesKey:
    if key.cluster_id is None or key.cluster_name:
        return key
    with record.session() as s:
        row = s.get(ClusterRow, key.cluster_id)
    return SeriesKey(key.cluster_id, row.name if row else "")


def find_series(record: Record, cluster: str | int | None = None) -> SeriesKey:
    """The series a user means: a cluster id, a cluster name (any case, or the
    start of one), or — with nothing given — the record's only series."""
    keys = [_named(record, k) for k in series_keys(record)]
    if cluster is None or cluster == "":
        if len(keys) == 1:
            return keys[0]
        if not keys:
            raise SeriesError(_("the record has no meetings and no clusters"))
        raise SeriesError(
            _(
                "the record holds several clusters ({names}): say which",
                names=", ".join(k.label for k in keys),
            )
        )
    if isinstance(cluster, int) or str(cluster).isdigit():
        for k in keys:
            if k.cluster_id == int(cluster):
                return k
    wanted = str(cluster).casefold().strip()
    exact = [k for k in keys if k.cluster_name.casefold() == wanted]
    matches = exact or [k for k in keys if k.cluster_name.casefold().startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise SeriesError(
            _(
                "no cluster named {name!r} in the record (there are: {names})",
                name=str(cluster),
                names=", ".join(k.label for k in keys) or "-",
            )
        )
    raise SeriesError(
        _(
            "{name!r} could be any of: {names}",
            name=str(cluster),
            names=", ".join(k.label for k in matches),
        )
    )


def series(record: Record, key: SeriesKey) -> list[MeetingRef]:
    """The meetings of a series in date order (undated ones last)."""
    return [_ref(r) for r in _rows(record, key)]


def meeting_series(record: Record, meeting_id: int) -> list[MeetingRef]:
    return series(record, series_key_of(record, meeting_id))


def previous_meeting(record: Record, meeting_id: int) -> MeetingRef | None:
    refs = meeting_series(record, meeting_id)
    n = next(i for i, r in enumerate(refs) if r.id == meeting_id)
    return refs[n - 1] if n > 0 else None


def next_meeting(record: Record, meeting_id: int) -> MeetingRef | None:
    refs = meeting_series(record, meeting_id)
    n = next(i for i, r in enumerate(refs) if r.id == meeting_id)
    return refs[n + 1] if n + 1 < len(refs) else None


class _TermsCache:
    def __init__(self, record: Record):
        self.record = record
        self.by_text: dict[str, Terms] = {}

    def terms(self, row: MeetingRow) -> Terms:
        terms = self.by_text.get(row.terms_text)
        if terms is None:
            terms = terms_from_text(
                row.terms_text, f"{self.record.target} (meeting {row.id} terms)"
            )
            self.by_text[row.terms_text] = terms
        return terms


def load_meeting(record: Record, meeting_id: int) -> Meeting:
    """A stored meeting folded under the terms frozen with it."""
    return Meeting(record.meeting_terms(meeting_id), record.events(meeting_id))


def load_series(
    record: Record, key: SeriesKey, upto: MeetingRef | None = None
) -> list[tuple[MeetingRef, Meeting]]:
    """(ref, meeting) for each meeting of the series, each under its own frozen
    terms; with ``upto``, only the meetings before that one."""
    cache = _TermsCache(record)
    out = []
    for row in _rows(record, key):
        ref = _ref(row)
        if upto is not None and ref == upto:
            break
        try:
            meeting = Meeting(cache.terms(row), record.events(row.id))
        except EventError as exc:
            raise RecordError(
                _(
                    "{target}: meeting {id} cannot be played: {why}",
                    target=record.target,
                    id=row.id,
                    why=str(exc),
                )
            ) from None
        out.append((ref, meeting))
    return out


# --------------------------------------------------------------------------- actions


def action_threads(record: Record, key: SeriesKey) -> list[ActionThread]:
    """Every action of the series with its history across meetings."""
    return dseries.action_threads(load_series(record, key))


def open_actions_before(record: Record, meeting_id: int) -> list[ActionThread]:
    """The actions of earlier meetings of the series still open when ``meeting_id``
    begins (before its own updates): its matters arising."""
    key = series_key_of(record, meeting_id)
    refs = series(record, key)
    here = next(r for r in refs if r.id == meeting_id)
    earlier = load_series(record, key, upto=here)
    threads = dseries.action_threads(earlier)
    return dseries.open_before(threads, here, refs)


def action_ids_in_series(record: Record, meeting_id: int) -> set[str]:
    """The ids given to actions at any meeting of ``meeting_id``'s series (its own
    included): a new action's id is none of them, so that "UVC/26/A1" is never two
    different actions of the cluster's year, closed or open."""
    import json

    from secretary.store.models import EventRow

    ids = [r.id for r in meeting_series(record, meeting_id)]
    with record.session() as s:
        payloads = s.execute(
            select(EventRow.payload).where(
                EventRow.meeting_id.in_(ids), EventRow.type.in_(("action", "action_carried"))
            )
        ).scalars()
        found: set[str] = set()
        for payload in payloads:
            try:
                data = json.loads(payload)
            except ValueError:
                continue  # a damaged event is named by the ordinary reads
            if isinstance(data, dict) and isinstance(data.get("action"), str):
                found.add(data["action"])
    return found


def _standing_item(meeting: Meeting, standing: str) -> str | None:
    return next((iid for iid in meeting.agenda if meeting.items[iid].standing == standing), None)


def carry_forward(live: LiveMeeting, author: str | None = None) -> list[str]:
    """Bring into ``live``'s meeting what it should carry and does not yet: each
    open action of earlier meetings (``action_carried``, on the matters-arising
    item) and an agenda item for each decision outside meetings awaiting
    ratification or noting. Safe to call again: nothing is added twice.
    Returns the event types recorded, in order."""
    record, meeting = live.record, live.meeting
    done: list[str] = []
    already = dseries.carried_into(meeting)
    arising = _standing_item(meeting, "matters-arising")
    for thread in open_actions_before(record, live.meeting_id):
        if (thread.origin.uuid, thread.id) in already or thread.id in meeting.actions:
            continue
        live.record_event(dseries.carried_event(thread, arising), author=author)
        done.append("action_carried")
    for decision in pending_outside_decisions(record, live.meeting_id):
        if decision.item_id in meeting.items:
            continue
        raw = decision.agenda_item()
        raw["type"] = "item_added"
        position = _after_matters_arising(meeting)
        if position is not None:
            raw["position"] = position
        live.record_event(raw, author=author)
        done.append("item_added")
    return done


def _after_matters_arising(meeting: Meeting) -> int | None:
    """Where the next ratification item goes: after matters arising and any
    ratification items already there."""
    agenda = meeting.agenda
    anchor = _standing_item(meeting, "matters-arising")
    if anchor is None:
        return None
    n = agenda.index(anchor) + 1
    # Past its sub-items and its siblings (3a matters arising, 3b action log).
    family = {anchor, meeting.items[anchor].parent} - {None}
    while n < len(agenda) and (
        meeting.items[agenda[n]].standing in ("ratification", "noting")
        or meeting.items[agenda[n]].parent in family
    ):
        n += 1
    return n


@dataclass(frozen=True)
class PreparedMeeting:
    meeting_id: int
    carried_actions: list[ActionThread]
    outside_decisions: list[OutsideDecision]
    minutes_for_approval: list[MeetingRef]


def prepare_meeting(
    record: Record,
    cluster_id: int,
    info: MeetingInfo,
    items: Sequence[Mapping[str, Any]] = (),
    *,
    author: str | None = None,
) -> PreparedMeeting:
    """Create the cluster's next meeting, prefilled: the roster and standing items
    (``create_meeting_for_cluster``), the decisions outside meetings awaiting
    ratification or noting as items after matters arising, and the open actions
    of earlier meetings carried onto matters arising. ``minutes_for_approval``
    names the earlier meetings whose minutes are not yet approved (normally the
    previous one), for the minutes item."""
    from secretary.store import approval
    from secretary.store.clusters import create_meeting_for_cluster
    from secretary.store.live import LiveMeeting

    key = SeriesKey(cluster_id, "")
    if not info.date or not is_valid_date(info.date):
        raise SeriesError(_("the meeting needs a date YYYY-MM-DD"))
    pending = [d for d in outside_decisions(record, key) if d.pending and d.decided_on <= info.date]
    agenda = [d.agenda_item() for d in pending] + [dict(i) for i in items]
    meeting_id = create_meeting_for_cluster(record, cluster_id, info, agenda, author=author)
    live = LiveMeeting(record, meeting_id)
    carried = [t for t in open_actions_before(record, meeting_id)]
    carry_forward(live, author=author)
    earlier = [
        r for r in series(record, key) if r.id != meeting_id and r.date and r.date < info.date
    ]
    unapproved = [r for r in earlier if approval.approval_for(record, r.id) is None]
    return PreparedMeeting(meeting_id, carried, pending, unapproved[-1:])


# --------------------------------------------------------------------------- outside decisions

REMOTE = "remote"  # a decision taken remotely (3.2.7, 5.1): for ratification
URGENT = "urgent"  # the Cluster Lead's urgent action (3.2.9): for noting
KINDS = (REMOTE, URGENT)
PENDING = "pending"


@dataclass(frozen=True)
class OutsideDecision:
    id: int
    uuid: str
    key: SeriesKey
    decided_on: str
    kind: str
    title: str
    text: str
    consulted: str
    financial: bool
    amount: float | None
    signatory: str
    recorded_at: str
    author: str
    status: str = PENDING  # pending | ratified | noted | not_ratified
    settled_at: MeetingRef | None = None
    listed_at: tuple[MeetingRef, ...] = ()

    @classmethod
    def from_row(
        cls,
        row: OutsideDecisionRow,
        key: SeriesKey,
        status: str,
        settled: MeetingRef | None,
        listed: Sequence[MeetingRef],
    ) -> OutsideDecision:
        """The stored decision with what the series says of it (status, where)."""
        return cls(
            row.id, row.uuid, key, row.decided_on, row.kind, row.title, row.text,
            row.consulted, row.financial, row.amount, row.signatory, row.recorded_at,
            row.author, status, settled, tuple(listed),
        )  # fmt: skip

    @property
    def pending(self) -> bool:
        return self.status == PENDING

    @property
    def item_id(self) -> str:
        """The agenda item id it takes in the meetings that list it."""
        return f"od-{self.id}"

    @property
    def purpose(self) -> str:
        return _("for ratification") if self.kind == REMOTE else _("for noting")

    def kind_label(self) -> str:
        return _("Remote decision") if self.kind == REMOTE else _("Chair's urgent action")

    def status_label(self) -> str:
        return {
            PENDING: self.purpose,
            "ratified": _("ratified"),
            "noted": _("noted"),
            "not_ratified": _("not ratified"),
        }.get(self.status, self.status)

    def agenda_item(self) -> dict[str, Any]:
        """The agenda item listing it: by reference (uuid, kind, date) and its own
        title; the heading is rendered in the reader's language (domain.agenda)."""
        item: dict[str, Any] = {
            "item": self.item_id,
            "title": self.title,
            "standing": "ratification" if self.kind == REMOTE else "noting",
            "decision": self.uuid,
            "decision_kind": self.kind,
            "decided_on": self.decided_on,
        }
        if self.financial:
            item["financial"] = True
            if self.amount is not None:
                item["amount"] = self.amount
        return item


def record_outside_decision(
    record: Record,
    key: SeriesKey,
    *,
    decided_on: str,
    kind: str,
    title: str,
    text: str = "",
    consulted: str = "",
    financial: bool = False,
    amount: float | None = None,
    signatory: str = "",
    author: str | None = None,
) -> OutsideDecision:
    """Record a decision taken outside a meeting. Financial ones must name the
    Health Board authorised signatory (3.2.9, 3.3.1)."""
    if kind not in KINDS:
        raise SeriesError(
            _("the kind must be one of {kinds}, not {kind!r}", kinds=", ".join(KINDS), kind=kind)
        )
    if not is_valid_date(decided_on):
        raise SeriesError(
            _("the date decided must be a date YYYY-MM-DD, not {value!r}", value=decided_on)
        )
    title = " ".join(title.split())
    if not title:
        raise SeriesError(_("say what was decided (a title)"))
    if amount is not None and (amount != amount or amount < 0):
        raise SeriesError(_("the amount must be a number, not negative"))
    if amount is not None and amount > 0:
        financial = True
    if financial and not signatory.strip():
        raise SeriesError(
            _(
                "a financial decision outside a meeting must name the Health Board "
                "authorised signatory (3.2.9)"
            )
        )
    if record.readonly:
        raise RecordError(
            _("{target}: opened read-only; nothing can be recorded", target=record.target)
        )
    key = _named(record, key)
    if key.cluster_id is not None:
        with record.session() as s:
            if s.get(ClusterRow, key.cluster_id) is None:
                raise SeriesError(_("no cluster with id {id} in this record", id=key.cluster_id))
    row = OutsideDecisionRow(
        uuid=str(uuidlib.uuid4()),
        cluster_id=key.cluster_id,
        cluster_name=key.cluster_name,
        decided_on=decided_on,
        kind=kind,
        title=title,
        text=text.strip(),
        consulted=consulted.strip(),
        financial=financial,
        amount=amount,
        signatory=signatory.strip(),
        recorded_at=now_utc(),
        author=author or current_author(),
    )
    try:
        with record.session() as s:
            s.add(row)
            s.flush()
            new_id = row.id
    except SQLAlchemyError as exc:
        raise RecordError(
            _(
                "{target}: the decision was NOT recorded: {why}",
                target=record.target,
                why=str(exc).split("\n")[0],
            )
        ) from None
    return next(d for d in outside_decisions(record, key) if d.id == new_id)


def outside_decisions(record: Record, key: SeriesKey | None = None) -> list[OutsideDecision]:
    """Decisions taken outside meetings (of one series, or all), with their status
    read from the ``ratify`` events of the series' meetings, oldest first."""
    query = select(OutsideDecisionRow).order_by(
        OutsideDecisionRow.decided_on, OutsideDecisionRow.id
    )
    with record.session() as s:
        rows = list(s.scalars(query))
    out = []
    loaded: dict[SeriesKey, list[tuple[MeetingRef, Meeting]]] = {}
    for row in rows:
        row_key = (
            SeriesKey(row.cluster_id, "")
            if row.cluster_id is not None
            else SeriesKey(None, row.cluster_name)
        )
        if key is not None and row_key != key:
            continue
        if row_key not in loaded:
            loaded[row_key] = load_series(record, row_key)
        status, settled, listed = PENDING, None, []
        item_id = f"od-{row.id}"
        for ref, meeting in loaded[row_key]:
            if item_id in meeting.items and not meeting.items[item_id].withdrawn:
                listed.append(ref)
            for r in dseries.ratifications_in(meeting):
                if r.decision_uuid == row.uuid:
                    status, settled = r.outcome, ref
        named = _named(record, row_key) if row.cluster_id is not None else row_key
        out.append(OutsideDecision.from_row(row, named, status, settled, listed))
    return out


def outside_decision(record: Record, decision_id: int) -> OutsideDecision:
    for d in outside_decisions(record):
        if d.id == decision_id:
            return d
    raise SeriesError(_("no decision outside a meeting with id {id}", id=decision_id))


def pending_outside_decisions(record: Record, meeting_id: int) -> list[OutsideDecision]:
    """Decisions of the meeting's series taken on or before its date that no
    earlier meeting ratified or noted: what its agenda must list."""
    row = record.meeting_row(meeting_id)
    refs = series(record, key_of_row(row))
    order = {r.id: i for i, r in enumerate(refs)}
    here = order[meeting_id]
    out = []
    for d in outside_decisions(record, key_of_row(row)):
        if row.date and d.decided_on > row.date:
            continue
        if d.settled_at is not None and order.get(d.settled_at.id, here) < here:
            continue
        out.append(d)
    return out


RATIFY_OUTCOMES = {REMOTE: ("ratified", "not_ratified"), URGENT: ("noted", "ratified")}


def ratify(
    live: LiveMeeting,
    decision_id: int,
    outcome: str,
    *,
    item: str | None = None,
    text: str = "",
    at: str | None = None,
    author: str | None = None,
) -> OutsideDecision:
    """Record at ``live``'s meeting that a decision taken outside meetings was
    ratified (or not), or noted. Ratifying is a decision of the meeting, so it
    needs decision quorum for the item; noting does not."""
    record = live.record
    locked = live.locked_reason()
    if locked is not None:
        raise SeriesError(locked)
    decision = outside_decision(record, decision_id)
    if key_of_row(record.meeting_row(live.meeting_id)) != decision.key:
        raise SeriesError(_("decision {id} belongs to another cluster", id=decision_id))
    if not decision.pending:
        assert decision.settled_at is not None
        raise SeriesError(
            _(
                "decision {id} was already {status} at {meeting}",
                id=decision_id,
                status=decision.status_label(),
                meeting=decision.settled_at.label(),
            )
        )
    held_on = live.info.date
    if held_on and decision.decided_on and decision.decided_on > held_on:
        raise SeriesError(
            _(
                "decision {id} was taken on {decided}, after this meeting of {held}: it can "
                "come only before a meeting held on or after that day",
                id=decision_id,
                decided=decision.decided_on,
                held=held_on,
            )
        )
    if outcome not in RATIFY_OUTCOMES[decision.kind]:
        raise SeriesError(
            _(
                "a {kind} can be {allowed}, not {outcome!r}",
                kind=decision.kind_label().lower(),
                allowed=" | ".join(RATIFY_OUTCOMES[decision.kind]),  # tokens to type
                outcome=outcome,
            )
        )
    if item is None and decision.item_id in live.meeting.items:
        item = decision.item_id
    add_item = item is None
    if outcome in ("ratified", "not_ratified"):
        q = assess(live.meeting, item)
        if not q.decision_quorate:
            raise SeriesError(_("cannot ratify: {why}", why=q.explanation().render()))
    if add_item:
        # Not on this meeting's agenda: add its item first, so that the minutes
        # minute it under its own heading (3.2.7, 3.2.9).
        added = decision.agenda_item()
        added["type"] = "item_added"
        position = _after_matters_arising(live.meeting)
        if position is not None:
            added["position"] = position
        live.record_event(added, author=author)
        item = decision.item_id
    raw: dict[str, Any] = {"type": "ratify", "decision": decision.uuid, "outcome": outcome}
    if item is not None:
        raw["item"] = item
    if text.strip():
        raw["text"] = text.strip()
    if at:
        raw["at"] = at
    live.record_event(raw, author=author)
    return outside_decision(record, decision_id)


# --------------------------------------------------------------------------- meeting list


@dataclass(frozen=True)
class MeetingListEntry:
    """One row of the meeting list: the meeting, its deadlines and what is overdue."""

    ref: MeetingRef
    series: SeriesKey
    deadlines: MeetingDeadlines | None
    approved_on: str | None
    overdue_actions: tuple[ActionThread, ...] = ()
    open_actions: tuple[ActionThread, ...] = ()
    pending_outside: tuple[OutsideDecision, ...] = field(default=())

    @property
    def flagged(self) -> bool:
        return bool(self.overdue_actions) or (self.deadlines is not None and self.deadlines.overdue)


def mark_sent(live: LiveMeeting, what: str, on: str, author: str | None = None) -> None:
    """Record that the papers (before) or minutes (after) went out on a date."""
    if what not in ("papers", "minutes"):
        raise SeriesError(_("say papers or minutes, not {what!r}", what=what))
    if not is_valid_date(on):
        raise SeriesError(_("the date must be YYYY-MM-DD, not {value!r}", value=on))
    live.record_event({"type": f"{what}_sent", "on": on}, author=author)


# --------------------------------------------------------------------------- reports


def attendance_for_year(
    record: Record, year: int, key: SeriesKey, requirements: Mapping[str, int] | None = None
) -> AttendanceYear:
    """The financial year's attendance of a series (see domain.attendance_year)."""
    return attendance_year(load_series(record, key), year, requirements)


def qaif_for_year(record: Record, year: int, key: SeriesKey) -> QaifYear | None:
    """The financial year's QAIF attendance per GP practice (see domain.qaif)."""
    from secretary.domain.qaif import qaif_year

    return qaif_year(load_series(record, key), year)


def interests(record: Record, key: SeriesKey | None = None) -> list[InterestEntry]:
    """Every declaration of interest in the record (or one series), by person."""
    keys = [key] if key is not None else series_keys(record)
    pairs: list[tuple[MeetingRef, Meeting]] = []
    for k in keys:
        pairs += load_series(record, k)
    return interests_register(pairs)
