"""Create a meeting: the window's New meeting and ``secretary new-meeting`` alike.

A meeting of a cluster gets the terms and roster in force on its date and the
standing items (``store.clusters``); a meeting after one of a series with no
cluster (as ``secretary replay --db`` stores them) gets that meeting's terms and
people (``store.next_meeting``). Either way the open actions of earlier meetings
are carried onto matters arising and the decisions taken outside meetings that
await ratification or noting are put on the agenda (``store.series``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from secretary.domain.meeting import Person
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import Terms
from secretary.i18n import _
from secretary.store.errors import ClusterError
from secretary.store.live import LiveMeeting
from secretary.store.record import Record
from secretary.store.series import (
    carry_forward,
    outside_decisions,
    prepare_meeting,
    series_key_of,
)


@dataclass(frozen=True)
class NewMeeting:
    """What creating a meeting did: its id, how many open actions it carried and
    how many decisions taken outside meetings it lists for ratification or noting."""

    meeting_id: int
    carried_actions: int
    outside_decisions: int

    def to_json(self) -> dict[str, int]:
        return {
            "meeting_id": self.meeting_id,
            "carried_actions": self.carried_actions,
            "outside_decisions": self.outside_decisions,
        }


def create_meeting(
    record: Record,
    info: MeetingInfo,
    *,
    cluster_id: int | None = None,
    after: int | None = None,
    items: Sequence[Mapping[str, Any]] = (),
    author: str | None = None,
) -> NewMeeting:
    """Create a meeting of ``cluster_id`` (or of the series of meeting ``after``)
    dated ``info.date``, prefilled as the module says. Raises ClusterError,
    SeriesError or RecordError (what and why); nothing is saved then, except that
    a failure while carrying leaves the meeting created with what was carried."""
    if cluster_id is None and after is None:
        raise ClusterError(_("say which cluster, or which meeting the new one follows"))
    if cluster_id is None:
        assert after is not None
        previous = record.meeting_row(after)
        cluster_id = previous.cluster_id
        if not info.title.strip():
            info = MeetingInfo(
                title=previous.title,
                date=info.date,
                start=info.start or previous.start,
                venue=info.venue or previous.venue,
            )
    if cluster_id is not None:
        meeting_id = prepare_meeting(record, cluster_id, info, items, author=author).meeting_id
    else:
        from secretary.store.next_meeting import create_meeting_like

        assert after is not None
        # As prepare_meeting does for a cluster: the decisions awaiting ratification
        # or noting on the agenda (numbered with the rest), then the actions carried.
        key = series_key_of(record, after)
        pending = [
            d.agenda_item()
            for d in outside_decisions(record, key)
            if d.pending and (not info.date or d.decided_on <= info.date)
        ]
        meeting_id = create_meeting_like(record, after, info, [*pending, *items], author=author)
        carry_forward(LiveMeeting(record, meeting_id), author=author)
    return summary(record, meeting_id)


def summary(record: Record, meeting_id: int) -> NewMeeting:
    """Count what a new meeting carries, from its own events."""
    from secretary.store.series import load_meeting

    meeting = load_meeting(record, meeting_id)
    carried = sum(1 for a in meeting.actions.values() if a.carried_from)
    outside = sum(1 for i in meeting.items.values() if i.standing in ("ratification", "noting"))
    return NewMeeting(meeting_id, carried, outside)


def people_following(record: Record, after: int) -> tuple[Terms, list[Person]]:
    """The terms and the people a meeting following ``after`` in its cluster-less
    series takes (what ``create_meeting(after=...)`` lists), for the window to show."""
    from secretary.store.next_meeting import people_carried
    from secretary.store.series import load_meeting

    previous = load_meeting(record, after)
    return previous.terms, people_carried(previous)
