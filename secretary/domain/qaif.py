"""QAIF attendance: each GP practice's meetings attended by a GP over the financial year.

The seed terms (2.2, footnote): "In line with current GMS Contract requirements
attendance should be by a GP (for 5 meetings to fulfil QAIF requirements.) With the
prior agreement of the health board, the practice may be represented at these meetings
by another senior practice employed clinician/administrator." The attendance-year
report counts seats; this counts *who* came for each practice, from the roster's
``profession`` and ``substitute_agreed`` (frozen into each meeting's people), under
the terms' ``[qaif]`` rule (``tag``, ``meetings``, ``professions``, ``substitutes``).

For each practice seat and each meeting of the year it is one of:

- ``gp``: a GP of the practice attended (in person or remotely);
- ``agreed``: no GP, but a substitute the health board agreed (counts for QAIF);
- ``other``: represented only by someone who does not count (a Practice Manager
  without the agreement, or whose profession the roster does not say) — named;
- ``apologies`` / ``absent``: nobody for the practice attended.

A practice meets the requirement when ``gp + agreed >= meetings``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from secretary.domain.attendance_year import financial_year, held
from secretary.domain.meeting import Meeting
from secretary.domain.series import MeetingRef
from secretary.domain.terms import QaifRule
from secretary.domain.text import Msg, Name, msg

GP = "gp"
AGREED = "agreed"
OTHER = "other"
APOLOGIES = "apologies"
ABSENT = "absent"
NOT_LISTED = ""


@dataclass
class QaifMeeting:
    status: str
    who: list[str] = field(default_factory=list)  # names of who attended for the practice
    # Not counted because the roster does not say what they are (no profession
    # recorded), not because they are not a GP: the report must not say the latter.
    unrecorded: bool = False


@dataclass
class QaifPractice:
    seat: str
    name: Name
    organisation: str
    required: int
    meetings: list[QaifMeeting] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for m in self.meetings if m.status == status)

    @property
    def by_gp(self) -> int:
        return self.count(GP)

    @property
    def by_agreed_substitute(self) -> int:
        return self.count(AGREED)

    @property
    def counted(self) -> int:
        return self.by_gp + self.by_agreed_substitute

    @property
    def shortfall(self) -> int:
        return max(0, self.required - self.counted)

    def otherwise(self) -> list[tuple[int, list[str]]]:
        """(meeting number, names) of the meetings attended only by someone who does
        not count for QAIF."""
        return [(i, m.who) for i, m in enumerate(self.meetings) if m.status == OTHER]

    def verdict(self) -> Msg:
        if self.shortfall:
            return msg("short by {n} of {required}", n=self.shortfall, required=self.required)
        return msg("met ({required} required)", required=self.required)


@dataclass
class QaifYear:
    year: int
    rule: QaifRule
    meetings: list[MeetingRef]
    practices: list[QaifPractice]


def practice_status(meeting: Meeting, seat: str, rule: QaifRule) -> QaifMeeting:
    """Who attended for the practice holding ``seat`` at ``meeting``, and whether it
    counts for QAIF."""
    holders = [
        p for p in meeting.people.values() if p.seat == seat and p.role in ("member", "deputy")
    ]
    came = [
        p for p in holders if p.id in meeting.attendance and meeting.attendance[p.id].ever_present
    ]
    if not holders:
        return QaifMeeting(NOT_LISTED)
    if not came:
        apologies = any(
            meeting.attendance[p.id].apologies for p in holders if p.id in meeting.attendance
        )
        return QaifMeeting(APOLOGIES if apologies else ABSENT)
    who = [p.name for p in came]
    if any(p.profession in rule.professions for p in came):
        return QaifMeeting(GP, who)
    if any(p.profession in rule.substitutes and p.substitute_agreed for p in came):
        return QaifMeeting(AGREED, who)
    return QaifMeeting(OTHER, who, unrecorded=not any(p.profession for p in came))


def qaif_year(series: Sequence[tuple[MeetingRef, Meeting]], year: int) -> QaifYear | None:
    """The year's QAIF figures per practice, or None when the terms (the latest of the
    year's meetings) set no ``[qaif]`` rule."""
    import datetime as dt

    start, end = financial_year(year)
    chosen = []
    for ref, meeting in series:
        try:
            day = dt.date.fromisoformat(ref.date)
        except ValueError:
            continue
        if start <= day <= end and held(meeting):
            chosen.append((ref, meeting))
    chosen.sort(key=lambda pair: (pair[0].date, pair[0].id))
    if not chosen or chosen[-1][1].terms.qaif is None:
        return None
    latest = chosen[-1][1].terms
    rule = latest.qaif
    assert rule is not None
    practices = []
    for s in latest.seats:
        if rule.tag not in s.tags:
            continue
        practice = QaifPractice(s.id, s.name, "", rule.meetings)
        for _ref, meeting in chosen:
            status = practice_status(meeting, s.id, rule)
            practice.meetings.append(status)
            orgs = [
                p.organisation
                for p in meeting.people.values()
                if p.seat == s.id and p.role == "member" and p.organisation
            ]
            practice.organisation = orgs[0] if orgs else practice.organisation
        practices.append(practice)
    return QaifYear(year, rule, [ref for ref, _ in chosen], practices)


STATUS_LABELS = {
    GP: "GP",
    AGREED: "agreed substitute",
    OTHER: "not counted",
    APOLOGIES: "apologies",
    ABSENT: "absent",
    NOT_LISTED: "",
}


def status_label(status: str) -> Msg:
    return msg(STATUS_LABELS.get(status, status)) if status else msg("")
