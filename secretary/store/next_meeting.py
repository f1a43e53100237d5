"""The next meeting of a series that has no cluster in the record.

Meetings stored by ``secretary replay --db`` (or made before clusters existed) belong
to a series by their cluster name only: there is no roster kept by date and no terms
versions. Their next meeting takes what the last one had: the terms frozen with it,
and its members, deputies and people in attendance as the roster (guests are invited
to one meeting, so they are not carried). The agenda gets the standing items.
Carrying open actions and outside decisions is ``series.carry_forward``'s, as for any
meeting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from secretary.domain.events import Event, EventError, check_event, is_valid_date
from secretary.domain.meeting import Meeting, Person
from secretary.domain.presence import roster_order
from secretary.domain.scenario import MeetingInfo
from secretary.i18n import _
from secretary.store.clock import current_author
from secretary.store.clusters import agenda_events, reference_prefix
from secretary.store.errors import ClusterError
from secretary.store.record import Record
from secretary.store.series import load_meeting


def people_carried(previous: Meeting) -> list[Person]:
    """The people a meeting following ``previous`` takes, in roster order: everyone
    but its guests."""
    return [p for p in roster_order(previous) if not (p.role == "attendee" and p.kind == "guest")]


def _roster_events(previous: Meeting) -> list[dict[str, Any]]:
    out = []
    for p in people_carried(previous):
        raw: dict[str, Any] = {
            "type": "person_added",
            "person": p.id,
            "name": p.name,
            "role": p.role,
        }
        if p.seat:
            raw["seat"] = p.seat
        for field in ("kind", "email", "organisation"):
            if getattr(p, field):
                raw[field] = getattr(p, field)
        out.append(raw)
    return out


def create_meeting_like(
    record: Record,
    previous_id: int,
    info: MeetingInfo,
    items: Sequence[Mapping[str, Any]] = (),
    *,
    author: str | None = None,
) -> int:
    """Create the meeting after ``previous_id`` in its cluster-less series: its
    terms and people, the standing items around ``items`` (``item_added`` fields,
    numbered and given references as a cluster's are); returns its id."""
    if not info.date or not is_valid_date(info.date):
        raise ClusterError(_("the meeting needs a date YYYY-MM-DD"))
    row = record.meeting_row(previous_id)
    if row.date and info.date < row.date:
        raise ClusterError(
            _(
                "the next meeting comes after {title} ({date}), not before",
                title=row.title,
                date=row.date,
            )
        )
    from secretary.store.series import meeting_series

    between = [
        r
        for r in meeting_series(record, previous_id)
        if r.id != previous_id and r.date and row.date and row.date <= r.date <= info.date
    ]
    if between:
        # Its minutes item would name the wrong meeting before, and its roster and
        # actions would be those of a meeting two or more back.
        later = between[-1]
        raise ClusterError(
            _(
                "{title} ({date}) is not the last meeting before {new}: {later} "
                "(meeting {id}, {later_date}) is; the new meeting follows that one",
                title=row.title,
                date=row.date,
                new=info.date,
                later=later.title,
                id=later.id,
                later_date=later.date,
            )
        )
    previous = load_meeting(record, previous_id)
    chair = next(
        (
            p
            for p in roster_order(previous)
            if p.role == "member" and (seat := previous.seat_of(p.id)) and "chair" in seat.tags
        ),
        None,
    )
    raw_events = _roster_events(previous) + agenda_events(
        items,
        prefix=reference_prefix(row.cluster_name or row.title),
        date=info.date,
        chair=chair.name if chair is not None else "",
        previous_date=row.date or None,
    )
    meeting = Meeting(previous.terms)
    setup: list[Event] = []
    for raw in raw_events:
        try:
            event = check_event(raw)
            meeting.apply(event)
        except EventError as exc:
            raise ClusterError(_("the meeting cannot be set up: {why}", why=str(exc))) from None
        setup.append(event)
    info = replace(info, cluster=row.cluster_name)
    return record.create_meeting(
        info, row.terms_id, row.terms_text, setup, author=author or current_author()
    )
