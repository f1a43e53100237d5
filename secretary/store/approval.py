"""Approval of minutes (5.7) and the lock on approved minutes.

Minutes are approved at a later meeting of the same cluster, "as a true
record" or "with amendments" (the amendments recorded). Approval writes, in
ONE transaction:

- a ``minutes_approved`` event in the approving meeting (the meeting's own
  record of the decision), and
- a row in ``minutes_approvals``: the durable lock, with the fingerprint
  (sha256 of the approved meeting's event log, the same as printed on the
  minutes) and how many events it had.

From then on the approved meeting takes no more events: ``LiveMeeting`` refuses
them with ``locked_reason`` (the window and the CLI show that reason), and a
trigger in the record refuses them too, whatever program writes. The approval
itself cannot be retracted. ``fingerprint_checks(record)`` (run by ``secretary
verify``) recomputes each approved meeting's fingerprint.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from secretary.domain import series as dseries
from secretary.domain.events import Event, EventError, check_event
from secretary.domain.quorum import assess
from secretary.i18n import _, long_date
from secretary.store.clock import current_author, now_utc
from secretary.store.errors import ApprovalError as ApprovalError  # its old home
from secretary.store.errors import RecordError, describe
from secretary.store.models import MeetingRow, MinutesApprovalRow
from secretary.store.record import Record, event_row
from secretary.store.series_key import series_key_of

if TYPE_CHECKING:
    from secretary.store.live import LiveMeeting


class MinutesLocked(EventError):
    """An event refused because the meeting's minutes are approved (or it would undo
    an approval). An EventError, so every caller that shows refusals shows this."""


@dataclass(frozen=True)
class Approval:
    meeting_id: int
    approved_at_meeting_id: int | None
    approved_at_title: str
    approved_on: str  # YYYY-MM-DD: the date of the approving meeting
    amendments: str
    fingerprint: str
    event_count: int
    event_uuid: str
    recorded_at: str
    author: str

    @property
    def with_amendments(self) -> bool:
        return bool(self.amendments.strip())

    def statement(self) -> str:
        day = long_date(self.approved_on, weekday=False)
        if self.with_amendments:
            return _(
                "Approved with amendments at the meeting of {date}: {amendments}",
                date=day,
                amendments=self.amendments.strip(),
            )
        return _("Approved as a true record at the meeting of {date}", date=day)


def _approval(row: MinutesApprovalRow, title: str) -> Approval:
    return Approval(
        row.meeting_id,
        row.approved_at_meeting_id,
        title,
        row.approved_on,
        row.amendments,
        row.fingerprint,
        row.event_count,
        row.event_uuid,
        row.recorded_at,
        row.author,
    )


def approvals(record: Record) -> list[Approval]:
    with record.session() as s:
        rows = s.execute(
            select(MinutesApprovalRow, MeetingRow.title)
            .outerjoin(MeetingRow, MeetingRow.id == MinutesApprovalRow.approved_at_meeting_id)
            .order_by(MinutesApprovalRow.id)
        ).all()
    return [_approval(row, title or "") for row, title in rows]


def approval_for(record: Record, meeting_id: int) -> Approval | None:
    """The approval of a meeting's minutes, or None while they are a draft."""
    with record.session() as s:
        found = s.execute(
            select(MinutesApprovalRow, MeetingRow.title)
            .outerjoin(MeetingRow, MeetingRow.id == MinutesApprovalRow.approved_at_meeting_id)
            .where(MinutesApprovalRow.meeting_id == meeting_id)
        ).first()
    return _approval(found[0], found[1] or "") if found else None


def is_locked(record: Record, meeting_id: int) -> bool:
    """Cheap: one indexed lookup on a pooled connection (it runs before every event)."""
    with record.engine.connect() as conn:
        return conn.execute(_LOCKED, {"m": meeting_id}).first() is not None


_LOCKED = text("SELECT 1 FROM minutes_approvals WHERE meeting_id = :m")


def locked_reason(record: Record, meeting_id: int) -> str | None:
    """Why ``meeting_id`` takes no more events (its minutes are approved), or None."""
    if not is_locked(record, meeting_id):
        return None
    approval = approval_for(record, meeting_id)
    if approval is None:
        return None
    return _(
        "the minutes of this meeting were approved at the meeting of {date} and are "
        "locked; nothing can be added or corrected (record anything further at a "
        "later meeting)",
        date=long_date(approval.approved_on, weekday=False),
    )


_LOOK_UP = object()


def refusal_reason(
    record: Record,
    meeting_id: int,
    event: Event,
    events: list[Event] | None = None,
    lock: Any = _LOOK_UP,
) -> str | None:
    """Why ``LiveMeeting`` must refuse ``event`` for ``meeting_id``, or None.

    Refused: anything for a meeting whose minutes are approved; a
    ``minutes_approved`` event not made by ``approve_minutes`` (it would not lock
    anything); undoing an approval of minutes.
    """
    reason = locked_reason(record, meeting_id) if lock is _LOOK_UP else lock
    if reason is not None:
        return reason
    if event.type == "minutes_approved":
        return _("minutes are approved with 'approve minutes', which also locks them")
    if event.type == "retract" and events is not None:
        target = next((e for e in events if e.id == event.get("target")), None)
        if target is not None and target.type == "minutes_approved":
            return _("the approval of minutes cannot be undone: approved minutes stay locked")
    return None


def approve_minutes(
    live: LiveMeeting,
    approved_meeting_id: int,
    amendments: str = "",
    *,
    item: str | None = None,
    at: str | None = None,
    author: str | None = None,
) -> Approval:
    """Approve the minutes of an earlier meeting at ``live``'s meeting.

    ``amendments`` empty: approved as a true record; otherwise approved with
    those amendments. Refused (ApprovalError, nothing written) when the meeting
    is the same or later, of another cluster, already approved, when the
    approving meeting is itself locked, or is not quorate for decisions on the
    item. The minutes item is the approving meeting's "minutes" standing item
    unless ``item`` is given.
    """

    record = live.record
    if record.readonly:
        raise RecordError(
            _("{target}: opened read-only; nothing can be recorded", target=record.target)
        )
    here = record.meeting_row(live.meeting_id)
    if approved_meeting_id == live.meeting_id:
        raise ApprovalError(
            _("a meeting cannot approve its own minutes; approve them at the next meeting")
        )
    own_lock = locked_reason(record, live.meeting_id)
    if own_lock is not None:
        raise ApprovalError(own_lock)
    try:
        there = record.meeting_row(approved_meeting_id)
    except RecordError:
        raise ApprovalError(
            _("no meeting with id {id} in this record", id=approved_meeting_id)
        ) from None
    if series_key_of(record, approved_meeting_id) != series_key_of(record, live.meeting_id):
        raise ApprovalError(_("{title} is a meeting of another cluster", title=there.title))
    if (there.date or "9999") > (here.date or "9999") or (
        there.date == here.date and there.id > here.id
    ):
        raise ApprovalError(
            _(
                "minutes are approved at a later meeting: {title} ({date}) is not before this one",
                title=there.title,
                date=there.date,
            )
        )
    existing = approval_for(record, approved_meeting_id)
    if existing is not None:
        raise ApprovalError(
            _(
                "the minutes of {title} were already approved at the meeting of {date}",
                title=there.title,
                date=long_date(existing.approved_on, weekday=False),
            )
        )
    meeting = live.meeting
    if item is None:
        item = next((i for i in meeting.agenda if meeting.items[i].standing == "minutes"), None)
    q = assess(meeting, item)
    if not q.decision_quorate:
        raise ApprovalError(_("cannot approve the minutes: {why}", why=q.explanation().render()))

    events = record.events(approved_meeting_id)
    fp = dseries.fingerprint(events)
    raw: dict[str, Any] = {"type": "minutes_approved", "meeting": there.uuid, "fingerprint": fp}
    # The approval holds the approved meeting's chain head (store/chain.py): whatever
    # changes in it later, this event in another meeting's log still says what it was.
    from secretary.store.chain import chain_head

    raw["chain"] = chain_head(record, approved_meeting_id).head
    if there.date:
        raw["date"] = there.date
    if amendments.strip():
        raw["amendments"] = amendments.strip()
    if item is not None:
        raw["item"] = item
    if at:
        raw["at"] = at
    try:
        event = check_event(raw)
        meeting.check(event)
    except EventError as exc:
        raise ApprovalError(str(exc)) from None
    who = author or current_author()
    approved_on = here.date or dt.date.today().isoformat()
    try:
        with record.session() as s:
            s.add(event_row(live.meeting_id, len(meeting.events), event, who))
            s.add(
                MinutesApprovalRow(
                    meeting_id=approved_meeting_id,
                    approved_at_meeting_id=live.meeting_id,
                    approved_on=approved_on,
                    amendments=amendments.strip(),
                    fingerprint=fp,
                    event_count=len(events),
                    event_uuid=event.id,
                    recorded_at=now_utc(),
                    author=who,
                )
            )
            s.flush()
            from secretary.store.chain import keep_head

            keep_head(s.connection(), approved_meeting_id, "approved", now_utc())
    except SQLAlchemyError as exc:
        raise RecordError(
            _(
                "{target}: the approval was NOT recorded: {why}",
                target=record.target,
                why=describe(exc),
            )
        ) from None
    meeting.apply(event)
    approval = approval_for(record, approved_meeting_id)
    assert approval is not None
    return approval


class FingerprintCheck(NamedTuple):
    meeting_id: int
    ok: bool
    message: str


def fingerprint_checks(record: Record) -> list[FingerprintCheck]:
    """For every approved meeting: does its event log still give the fingerprint
    taken when its minutes were approved? (For ``secretary verify``.)"""
    out = []
    for a in approvals(record):
        try:
            row = record.meeting_row(a.meeting_id)
            events = record.events(a.meeting_id)
        except RecordError as exc:
            out.append(FingerprintCheck(a.meeting_id, False, str(exc)))
            continue
        name = f"{row.title} ({row.date})" if row.date else row.title
        fp = dseries.fingerprint(events)
        if fp == a.fingerprint and len(events) == a.event_count:
            out.append(
                FingerprintCheck(
                    a.meeting_id,
                    True,
                    _(
                        "{meeting}: approved minutes unchanged (fingerprint {fp})",
                        meeting=name,
                        fp=fp[:16],
                    ),
                )
            )
        else:
            out.append(
                FingerprintCheck(
                    a.meeting_id,
                    False,
                    _(
                        "{meeting}: the record changed after its minutes were approved "
                        "(fingerprint {now}, events: {n}; approved {then}, events: {m})",
                        meeting=name,
                        now=fp[:16],
                        n=len(events),
                        then=a.fingerprint[:16],
                        m=a.event_count,
                    ),
                )
            )
    return out
