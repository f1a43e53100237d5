"""Store a played scenario (``secretary replay --db``, the demo meeting) as a meeting
of the record: created with its people and agenda, then each event recorded through
``LiveMeeting``, the same path the window records with."""

from __future__ import annotations

from secretary.domain.events import EventError
from secretary.domain.scenario import Scenario
from secretary.errors import SecretaryError
from secretary.store.live import LiveMeeting
from secretary.store.record import Record


class EventNotStored(SecretaryError):
    """Event ``index`` of the scenario was refused by the record (e.g. an approval
    lock); the events before it are recorded."""

    def __init__(self, index: int, why: str):
        super().__init__(why)
        self.index = index
        self.why = why


def store_scenario(record: Record, scenario: Scenario, author: str) -> int:
    """Create the scenario's meeting and record its events; returns the meeting's id.
    Raises RecordError (not written) or EventNotStored."""
    meeting_id = record.create_meeting(
        scenario.info, scenario.terms.id, scenario.terms_text, scenario.setup, author=author
    )
    live = LiveMeeting(record, meeting_id)
    for i, e in enumerate(scenario.events):
        try:
            live.record_event(e, author=author)
        except EventError as exc:
            raise EventNotStored(i, str(exc)) from None
    return meeting_id
