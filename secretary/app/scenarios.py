"""Store a played scenario (``secretary replay --db``, the demo meeting) as a meeting
of the record: all of it, or nothing.

The scenario has been played in full through the rules when it was read
(``load_scenario``). What the record itself would refuse — an event id it already
holds (a scenario stored twice), an approval of minutes, which only ``approve
minutes`` may record — is checked next, and only then are the meeting, its people
and agenda and all its events written, in one transaction: a failure leaves the
record exactly as it was.
"""

from __future__ import annotations

from secretary.domain.scenario import Scenario
from secretary.errors import SecretaryError
from secretary.i18n import _
from secretary.store.approval import refusal_reason
from secretary.store.record import Record


class EventNotStored(SecretaryError):
    """Event ``index`` of the scenario would be refused by the record; nothing of the
    scenario is written."""

    def __init__(self, index: int, why: str):
        super().__init__(why)
        self.index = index
        self.why = why


def store_scenario(record: Record, scenario: Scenario, author: str) -> int:
    """Create the scenario's meeting with all its events; returns the meeting's id.
    Raises EventNotStored or RecordError, and then nothing is written."""
    for i, e in enumerate(scenario.events):
        # A new meeting has no approved minutes (lock None): only what the events
        # themselves would be refused for.
        why = refusal_reason(record, 0, e, scenario.events[:i], lock=None)
        if why is not None:
            raise EventNotStored(i, why)
    in_use = record.event_ids_in_use([e.id for e in scenario.events])
    if in_use:
        i = next(i for i, e in enumerate(scenario.events) if e.id in in_use)
        raise EventNotStored(
            i,
            _(
                "its id {id} is already the id of an event in this record (was this "
                "scenario stored before?); nothing was written",
                id=scenario.events[i].id,
            ),
        )
    return record.create_meeting(
        scenario.info,
        scenario.terms.id,
        scenario.terms_text,
        [*scenario.setup, *scenario.events],
        author=author,
    )
