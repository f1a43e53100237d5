"""The financial log: which entries a meeting may make, and who may sign for them.

An entry records money the meeting committed (3.3.1): it belongs to a financial
item whose decision stands (the last decision taken on it was carried), or to an
item ratifying a financial decision taken outside a meeting (ratified, not merely
listed). It names the Health Board authorised signatory, one of the people present
whose seat the terms tag ``hb-signatory``.
"""

from __future__ import annotations

from secretary.domain.meeting import Meeting, Person
from secretary.domain.text import Msg, msg

SIGNATORY_TAG = "hb-signatory"


def authorised_signatories(meeting: Meeting) -> list[Person]:
    """Everyone of the meeting whose seat is an authorised signatory's, present
    first, each group in roster order."""
    from secretary.domain.presence import roster_order

    people = [
        p
        for p in roster_order(meeting)
        if (seat := meeting.seat_of(p.id)) is not None and SIGNATORY_TAG in seat.tags
    ]
    return sorted(people, key=lambda p: not meeting.is_present(p.id))


def signatory_named(meeting: Meeting, text: str) -> Person | None:
    """The authorised signatory ``text`` names (their id or their name, any case)."""
    wanted = " ".join(text.split()).casefold()
    for p in authorised_signatories(meeting):
        if wanted in (p.id.casefold(), " ".join(p.name.split()).casefold()):
            return p
    return None


def decision_stands(meeting: Meeting, item: str) -> bool:
    """The last decision taken on ``item`` was carried (a vote or consensus)."""
    decisions = meeting.decisions_for(item)
    return bool(decisions) and decisions[-1].carried


def ratified_here(meeting: Meeting, item: str) -> bool:
    """``item`` ratifies a decision taken outside a meeting, and it was ratified."""
    return any(
        e.type == "ratify" and e.get("item") == item and e.get("outcome") == "ratified"
        for _, e in meeting.effective_events()
    )


def financial_entry_problem(
    meeting: Meeting, item: str, signatory: str | None = None
) -> Msg | None:
    """Why a financial-log entry on ``item`` signed by ``signatory`` cannot be
    made now, or None when it may. With no ``signatory`` (None), only whether the
    item can take an entry at all (before the signatory is asked)."""
    if item not in meeting.items:
        return msg("financial log: unknown item {item}", item=item)
    if not meeting.items[item].financial:
        return msg("The financial log is for financial items.")
    if not (decision_stands(meeting, item) or ratified_here(meeting, item)):
        if any(d.taken for d in meeting.decisions_for(item)):
            # Decided, but not to spend: nothing was committed to log.
            return msg(
                "The financial log records money the meeting committed: the decision "
                "on this item was not carried, so there is nothing to log."
            )
        return msg(
            "The financial log records money the meeting committed: record the "
            "decision on this item first (carried), or ratify the decision taken "
            "outside the meeting."
        )
    if signatory is None:
        return None
    if not signatory.strip():
        return msg("Name the Health Board authorised signatory.")
    person = signatory_named(meeting, signatory)
    if person is None:
        return msg(
            "{name} is not a Health Board authorised signatory of this meeting.",
            name=" ".join(signatory.split()),
        )
    if not meeting.is_present(person.id):
        return msg("{name} is not present: the signatory must be at the meeting.", name=person.name)
    return None
