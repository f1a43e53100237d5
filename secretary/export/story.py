"""What the minutes tell beyond the state at the end of the record.

The snapshot reads a folded ``Meeting`` as it stands at the end; real minutes also
say who chaired when business began, who was present for which items, where the
meeting lost (and regained) decision quorum, how the items are numbered (3, 3a,
3b) and what the decisions taken outside meetings were. ``tell(meeting)`` walks
the effective events once, replaying them, and returns those facts as plain data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from secretary.domain.agenda import item_labels as item_labels  # where callers look
from secretary.domain.meeting import Meeting
from secretary.domain.quorum import QuorumAssessment, assess
from secretary.domain.text import Msg, joined, msg, plural

# Events after which who is present (or for what) may have changed.
_PRESENCE = ("arrive", "leave", "declare", "person_added", "proxy", "apologies", "absent")


@dataclass(frozen=True)
class QuorumChange:
    """Decision quorum lost (``quorate`` False) or regained, after event ``event``."""

    event: int
    at: str | None
    item: str | None  # the item in focus then
    quorate: bool
    assessment: QuorumAssessment
    # Still not quorate, for other reasons than before (the Chair left as well).
    still: bool = False


@dataclass(frozen=True)
class OutsideInfo:
    """A decision taken outside a meeting, as its record holds it (by uuid)."""

    uuid: str
    title: str
    kind: str  # remote | urgent
    decided_on: str
    financial: bool
    amount: float | None
    signatory: str


@dataclass
class Story:
    began: int | None = None  # the event at which business began
    chair_at_start: str | None = None  # person id
    items_taken: list[str] = field(default_factory=list)  # agenda order
    items_present: dict[str, set[str]] = field(default_factory=dict)  # person -> items
    quorum_changes: list[QuorumChange] = field(default_factory=list)
    # For each ``chair_taken`` event (its index): the item in focus when it was recorded.
    chair_focus: dict[int, str | None] = field(default_factory=dict)


def tell(meeting: Meeting) -> Story:
    """Replay ``meeting``'s effective events once and note what the minutes tell."""
    story = Story()
    replay = Meeting(meeting.terms)
    taken: set[str] = set()
    quorate: bool | None = None
    missing: set[str] = set()  # what decision quorum lacked, by the terms' clause
    for index, e in meeting.effective_events():
        business = e.type in ("vote", "consensus") or (e.type == "focus" and e.get("item"))
        if business and story.began is None:
            story.began = index
            story.chair_at_start = _chairing(replay)
            at_start = assess(replay)
            quorate = at_start.decision_quorate
            missing = {s.clause for s in at_start.missing}
        replay.apply(e, stored=True)
        if e.type == "chair_taken":
            story.chair_focus[index] = replay.focus
        if story.began is None:
            continue
        current = e.get("item") if e.type in ("vote", "consensus") else replay.focus
        if current is not None and (
            e.type in _PRESENCE or e.type in ("focus", "vote", "consensus")
        ):
            taken.add(current)
            for pid in replay.people:
                if replay.present_for(pid, current):
                    story.items_present.setdefault(pid, set()).add(current)
        if e.type in _PRESENCE:
            q = assess(replay)
            reasons = {s.clause for s in q.missing}
            lost_otherwise = not q.decision_quorate and not quorate and reasons != missing
            if q.decision_quorate != quorate or lost_otherwise:
                at = meeting.time_of(e)  # an arrival's or departure's as corrected since
                story.quorum_changes.append(
                    QuorumChange(
                        index, at, replay.focus, q.decision_quorate, q, still=lost_otherwise
                    )
                )
                quorate = q.decision_quorate
            missing = reasons
    if story.began is None:
        story.chair_at_start = _chairing(replay)
    story.items_taken = [iid for iid in meeting.agenda if iid in taken]
    return story


def _chairing(meeting: Meeting) -> str | None:
    """Who chairs the meeting as it stands, as the rules say (``standing.chair``: who
    took the chair for the rest of the meeting, else the Chair's seat, else the
    Vice-Chair's)."""
    chair = meeting.chair(None)
    return chair.id if chair is not None else None


def plain_title(title: str, label: str) -> str:
    """The title without a number that repeats the item's own ("b) Actions arising"
    under 3b, "3b. Actions arising"), so that the heading does not number it twice."""
    letter = label[-1] if label[-1:].isalpha() else ""
    head = title.lstrip("(")[: len(label)].lower()
    if not (head.startswith(label.lower()) or (letter and head[:1] == letter)):
        return title  # no number of its own at the start (most titles): nothing to do
    tokens = [re.escape(label)] + ([re.escape(letter)] if letter else [])
    alt = "|".join(tokens)
    patterns = [rf"^\(?(?:{alt})\)\s*", rf"^(?:{alt})[.:]\s+"]
    if letter:
        patterns.append(rf"^{re.escape(label)}\s+")
    for pattern in patterns:
        stripped = re.sub(pattern, "", title, count=1, flags=re.IGNORECASE)
        if stripped != title and stripped.strip():
            return stripped
    return title


def runs(taken: Iterable[str], present: set[str]) -> list[list[str]]:
    """The stretches of consecutive items taken (agenda order) that a person was
    present for: items 1-3 and 5 -> [[1, 2, 3], [5]]."""
    out: list[list[str]] = []
    current: list[str] = []
    for iid in taken:
        if iid in present:
            current.append(iid)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def outside_info(record: Any, uuids: Iterable[str]) -> Mapping[str, OutsideInfo]:
    """The decisions taken outside meetings with these uuids, from ``record``."""
    from sqlalchemy import select

    from secretary.store.models import OutsideDecisionRow

    wanted = set(uuids)
    if not wanted:
        return {}
    query = select(OutsideDecisionRow).where(OutsideDecisionRow.uuid.in_(wanted))
    with record.session() as s:
        rows = list(s.scalars(query))
    return {
        row.uuid: OutsideInfo(
            row.uuid,
            row.title,
            row.kind,
            row.decided_on,
            bool(row.financial),
            row.amount,
            row.signatory or "",
        )
        for row in rows
    }


def start_sentence(q: QuorumAssessment, when: Msg | str) -> Msg:
    """The quorum when business began, as one plain sentence for the minutes ("The
    meeting was quorate for decisions when business began (13:02, item 1): 6 seats
    represented (6 needed)."). ``when``: the time and item, or ""."""
    counted = plural(q.seats_present, "{n} seat represented", "{n} seats represented")
    needs = joined(msg("needs {what}", what=s.what) for s in q.missing)
    if q.decision_quorate:
        if when:
            return msg(
                "The meeting was quorate for decisions when business began ({when}): "
                "{counted} ({required} needed).",
                when=when,
                counted=counted,
                required=q.seats_required,
            )
        return msg(
            "The meeting was quorate for decisions when business began: {counted} "
            "({required} needed).",
            counted=counted,
            required=q.seats_required,
        )
    if q.meeting_quorate:
        if when:
            return msg(
                "The meeting was quorate when business began ({when}), but not for "
                "decisions: {needs}.",
                when=when,
                needs=needs,
            )
        return msg(
            "The meeting was quorate when business began, but not for decisions: {needs}.",
            needs=needs,
        )
    if when:
        return msg(
            "The meeting was not quorate when business began ({when}): {counted} of "
            "{required} needed; {needs}.",
            when=when,
            counted=counted,
            required=q.seats_required,
            needs=needs,
        )
    return msg(
        "The meeting was not quorate when business began: {counted} of {required} needed; {needs}.",
        counted=counted,
        required=q.seats_required,
        needs=needs,
    )
