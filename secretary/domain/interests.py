"""The register of interests: every declaration ever made, by person."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from secretary.domain.agenda import item_heading
from secretary.domain.meeting import Meeting
from secretary.domain.series import MeetingRef
from secretary.domain.text import Msg, Name


@dataclass(frozen=True)
class InterestEntry:
    person: str  # the person's id in that meeting
    name: str
    organisation: str
    meeting: MeetingRef
    item: str | None  # None: declared for every item
    item_reference: str
    item_title: Msg | Name  # the item's heading, rendered in the reader's language
    interest: str
    action: str  # none | abstain | withdraw


def interests_register(series: Sequence[tuple[MeetingRef, Meeting]]) -> list[InterestEntry]:
    """Every declaration still in force in its meeting's record (retracted ones
    are left out), ordered by person's name, then meeting date."""
    entries = []
    for ref, meeting in series:
        for d in meeting.declarations:
            person = meeting.people.get(d.person)
            item = meeting.items.get(d.item) if d.item is not None else None
            entries.append(
                InterestEntry(
                    person=d.person,
                    name=person.name if person else d.person,
                    organisation=person.organisation if person else "",
                    meeting=ref,
                    item=d.item,
                    item_reference=item.reference if item else "",
                    item_title=item_heading(item) if item else Name(""),
                    interest=d.interest,
                    action=d.action,
                )
            )
    entries.sort(key=lambda e: (e.name.lower(), e.person, e.meeting.date, e.meeting.id))
    return entries
