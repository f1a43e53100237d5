"""Attendance over a financial year (1 April to 31 March), per seat, person
and organisation, against the attendance each seat is required to keep.

Requirements are set per seat tag in the terms' ``[attendance_requirements]``
(e.g. ``gp-practice = 5``); a caller may override them (``requirements=``).
A seat with several required tags takes the largest. A seat *attended* a
meeting when a member or deputy for it was there at any time (in person,
remotely, or by deputy); a meeting counts when anyone attended it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from secretary.domain.meeting import Meeting, Person
from secretary.domain.series import MeetingRef
from secretary.domain.terms import Terms
from secretary.domain.text import Msg, Name, msg

IN_PERSON = "in_person"
REMOTE = "remote"
DEPUTY = "deputy"
APOLOGIES = "apologies"
ABSENT = "absent"
VACANT = "vacant"  # a seat nobody was listed for at that meeting
NOT_LISTED = ""  # a person or organisation not on that meeting's list


def financial_year(year: int) -> tuple[dt.date, dt.date]:
    """``2026`` -> 1 April 2026 to 31 March 2027."""
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def year_of(day: dt.date) -> int:
    """The financial year a day falls in (its April's calendar year)."""
    return day.year if day.month >= 4 else day.year - 1


def year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


@dataclass
class Tally:
    in_person: int = 0
    remote: int = 0
    by_deputy: int = 0
    apologies: int = 0
    absent: int = 0
    vacant: int = 0

    @property
    def attended(self) -> int:
        return self.in_person + self.remote + self.by_deputy

    def add(self, status: str) -> None:
        if status == IN_PERSON:
            self.in_person += 1
        elif status == REMOTE:
            self.remote += 1
        elif status == DEPUTY:
            self.by_deputy += 1
        elif status == APOLOGIES:
            self.apologies += 1
        elif status == ABSENT:
            self.absent += 1
        elif status == VACANT:
            self.vacant += 1


@dataclass
class SeatYear:
    seat: str
    name: Name
    tags: tuple[str, ...]
    required: int | None
    tally: Tally = field(default_factory=Tally)
    per_meeting: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)

    @property
    def shortfall(self) -> int:
        if self.required is None:
            return 0
        return max(0, self.required - self.tally.attended)

    def verdict(self) -> Msg:
        if self.required is None:
            return msg("no requirement")
        if self.shortfall:
            return msg("short by {n} of {required}", n=self.shortfall, required=self.required)
        return msg("met ({required} required)", required=self.required)


@dataclass
class PersonYear:
    person: str
    name: str
    role: str
    seat: str | None
    organisation: str
    tally: Tally = field(default_factory=Tally)
    per_meeting: list[str] = field(default_factory=list)

    @property
    def listed(self) -> int:
        return sum(1 for s in self.per_meeting if s != NOT_LISTED)


@dataclass
class OrganisationYear:
    organisation: str
    seats: list[str] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)
    per_meeting: list[str] = field(default_factory=list)


@dataclass
class AttendanceYear:
    year: int
    start: dt.date
    end: dt.date
    meetings: list[MeetingRef]
    seats: list[SeatYear]
    people: list[PersonYear]
    organisations: list[OrganisationYear]
    requirements: dict[str, int]
    tag_names: dict[str, Name] = field(default_factory=dict)  # from the latest terms

    @property
    def label(self) -> str:
        return year_label(self.year)

    def shortfalls(self) -> list[SeatYear]:
        return [s for s in self.seats if s.shortfall]

    def seat(self, seat_id: str) -> SeatYear:
        for s in self.seats:
            if s.seat == seat_id:
                return s
        raise KeyError(seat_id)

    def person(self, person_id: str) -> PersonYear:
        for p in self.people:
            if p.person == person_id:
                return p
        raise KeyError(person_id)


def _attended_mode(meeting: Meeting, pid: str) -> str | None:
    att = meeting.attendance.get(pid)
    if att is None or not att.ever_present:
        return None
    return IN_PERSON if any(s.mode != "remote" for s in att.spans) else REMOTE


def person_status(meeting: Meeting, person: Person) -> str:
    """In person / remote / apologies / absent (members only) / not expected."""
    mode = _attended_mode(meeting, person.id)
    if mode is not None:
        return mode
    att = meeting.attendance.get(person.id)
    if att is not None and att.apologies:
        return APOLOGIES
    if person.role == "member":
        return ABSENT
    return NOT_LISTED  # a deputy or attendee who was not needed


def seat_status(meeting: Meeting, seat: str) -> str:
    holders = [
        p for p in meeting.people.values() if p.seat == seat and p.role in ("member", "deputy")
    ]
    if not holders:
        return VACANT
    member_modes = [_attended_mode(meeting, p.id) for p in holders if p.role == "member"]
    if IN_PERSON in member_modes:
        return IN_PERSON
    if REMOTE in member_modes:
        return REMOTE
    if any(_attended_mode(meeting, p.id) for p in holders if p.role == "deputy"):
        return DEPUTY
    if any(meeting.attendance[p.id].apologies for p in holders if p.id in meeting.attendance):
        return APOLOGIES
    return ABSENT


def _organisation_status(meeting: Meeting, people: list[Person]) -> str:
    statuses: dict[str, list[str]] = {}
    for p in people:
        statuses.setdefault(p.role, []).append(person_status(meeting, p))
    as_member = statuses.get("member", [])
    if IN_PERSON in as_member:
        return IN_PERSON
    if REMOTE in as_member:
        return REMOTE
    if any(s in (IN_PERSON, REMOTE) for s in statuses.get("deputy", [])):
        return DEPUTY
    if any(APOLOGIES in v for v in statuses.values()):
        return APOLOGIES
    return ABSENT if as_member else NOT_LISTED


def held(meeting: Meeting) -> bool:
    """A meeting counts once anybody attended it."""
    return any(a.ever_present for a in meeting.attendance.values())


def requirement_for(tags: Sequence[str], requirements: Mapping[str, int]) -> int | None:
    found = [requirements[t] for t in tags if t in requirements]
    return max(found) if found else None


def attendance_year(
    series: Sequence[tuple[MeetingRef, Meeting]],
    year: int,
    requirements: Mapping[str, int] | None = None,
) -> AttendanceYear:
    """The year's figures from a cluster's meetings (each under its own terms).

    ``requirements`` replaces the terms' requirements tag by tag (others keep
    the terms' numbers).
    """
    start, end = financial_year(year)
    chosen: list[tuple[MeetingRef, Meeting]] = []
    for ref, meeting in series:
        try:
            day = dt.date.fromisoformat(ref.date)
        except ValueError:
            continue
        if start <= day <= end and held(meeting):
            chosen.append((ref, meeting))
    chosen.sort(key=lambda pair: (pair[0].date, pair[0].id))
    refs = [ref for ref, _ in chosen]

    # The seats and requirements of the latest terms in the year (or none).
    latest: Terms | None = chosen[-1][1].terms if chosen else None
    reqs: dict[str, int] = dict(latest.attendance_requirements) if latest else {}
    reqs.update(requirements or {})

    seats: dict[str, SeatYear] = {}
    if latest is not None:
        for s in latest.seats:
            seats[s.id] = SeatYear(s.id, s.name, s.tags, requirement_for(s.tags, reqs))
    people: dict[str, PersonYear] = {}
    orgs: dict[str, OrganisationYear] = {}
    for n, (_ref, meeting) in enumerate(chosen):
        for s in meeting.terms.seats:  # seats of older terms that the latest lacks
            if s.id not in seats:
                seats[s.id] = SeatYear(
                    s.id,
                    s.name,
                    s.tags,
                    requirement_for(s.tags, reqs),
                    per_meeting=[NOT_LISTED] * n,
                )
        for seat in seats.values():
            status = (
                seat_status(meeting, seat.seat) if meeting.terms.has_seat(seat.seat) else NOT_LISTED
            )
            seat.per_meeting.append(status)
            seat.tally.add(status)
        by_org: dict[str, list[Person]] = {}
        for p in meeting.people.values():
            row = people.get(p.id)
            if row is None:
                row = people[p.id] = PersonYear(
                    p.id, p.name, p.role, p.seat, p.organisation, per_meeting=[NOT_LISTED] * n
                )
            row.name, row.role, row.seat = p.name, p.role, p.seat
            row.organisation = p.organisation or row.organisation
            status = person_status(meeting, p)
            row.per_meeting.append(status)
            row.tally.add(status)
            if p.seat and p.organisation and p.role in ("member", "deputy"):
                by_org.setdefault(p.organisation, []).append(p)
                if p.organisation not in seats[p.seat].organisations:
                    seats[p.seat].organisations.append(p.organisation)
        for row in people.values():
            if len(row.per_meeting) < n + 1:
                row.per_meeting.append(NOT_LISTED)
        for name, members in by_org.items():
            org = orgs.get(name)
            if org is None:
                org = orgs[name] = OrganisationYear(name, per_meeting=[NOT_LISTED] * n)
            for p in members:
                if p.seat and p.seat not in org.seats:
                    org.seats.append(p.seat)
            status = _organisation_status(meeting, members)
            org.per_meeting.append(status)
            org.tally.add(status)
        for org in orgs.values():
            if len(org.per_meeting) < n + 1:
                org.per_meeting.append(NOT_LISTED)

    seat_order = {s.id: i for i, s in enumerate(latest.seats)} if latest else {}
    return AttendanceYear(
        year=year,
        start=start,
        end=end,
        meetings=refs,
        seats=sorted(seats.values(), key=lambda s: seat_order.get(s.seat, len(seat_order))),
        people=sorted(
            people.values(),
            key=lambda p: (
                seat_order.get(p.seat or "", len(seat_order)),
                p.role != "member",
                p.name,
            ),
        ),
        organisations=sorted(orgs.values(), key=lambda o: o.organisation.lower()),
        requirements=reqs,
        tag_names={t: latest.tags[t].plural for t in latest.tags} if latest else {},
    )


STATUS_LABELS = {
    IN_PERSON: "in person",
    REMOTE: "remote",
    DEPUTY: "by deputy",
    APOLOGIES: "apologies",
    ABSENT: "absent",
    VACANT: "vacant",
    NOT_LISTED: "",
}


def status_label(status: str) -> Msg:
    return msg(STATUS_LABELS.get(status, status)) if status else msg("")
