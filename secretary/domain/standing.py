"""Who stands for what at one moment: seats represented, proxies in force, the chair.

The banner's quorum, a vote's tally and the minutes all ask these questions about
the same moment; each has one answer, here, so they can never disagree. A
proxy counts to quorum exactly when it is in force for the item (and the terms
let proxies count); the chair of an item is the person recorded as taking it,
else the Chair's seat, else the Vice-Chair's — members before deputies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from secretary.domain.text import Msg, msg, plural

if TYPE_CHECKING:  # the meeting is passed in; nothing here builds one
    from secretary.domain.meeting import ChairTaking, Meeting, Person, Proxy


# --------------------------------------------------------------------------- proxies


def proxy_for(meeting: Meeting, grantor: str, item: str | None) -> Proxy | None:
    """The proxy ``grantor`` registered last that covers ``item`` (for the meeting
    as a whole, ``item`` None, only a proxy for every item covers it)."""
    for proxy in reversed(meeting.proxies):
        if proxy.grantor == grantor and _covers(proxy, item):
            return proxy
    return None


def _covers(proxy: Proxy, item: str | None) -> bool:
    return proxy.item is None if item is None else proxy.applies_to(item)


def current_proxies(meeting: Meeting, item: str | None) -> list[Proxy]:
    """Each grantor's latest proxy covering ``item``, in the order registered."""
    latest: dict[str, Proxy] = {}
    for proxy in meeting.proxies:
        if _covers(proxy, item):
            latest[proxy.grantor] = proxy
    return sorted(latest.values(), key=lambda p: p.event)


def proxy_problem(meeting: Meeting, proxy: Proxy, item: str | None) -> Msg | None:
    """Why ``proxy`` cannot be cast on ``item`` now, or None when it is in force."""
    problem = _proxy_problem_alone(meeting, proxy, item)
    if problem is not None:
        return problem
    limit = meeting.terms.proxies_max_per_holder
    if limit is not None:
        # The first ``limit`` proxies registered to one holder are the ones in force.
        earlier = [
            p
            for p in current_proxies(meeting, item)
            if p.holder == proxy.holder
            and p.event < proxy.event
            and _proxy_problem_alone(meeting, p, item) is None
        ]
        if len(earlier) >= limit:
            return plural(
                limit,
                "proxy not in force: its holder, {holder}, already holds {n} proxy, "
                "the most these terms allow",
                "proxy not in force: its holder, {holder}, already holds {n} proxies, "
                "the most these terms allow",
                holder=meeting.people[proxy.holder].name,
            )
    return None


def _proxy_problem_alone(meeting: Meeting, proxy: Proxy, item: str | None) -> Msg | None:
    terms = meeting.terms
    if not terms.proxies_allowed:
        return msg("proxy not in force: these terms allow no proxy votes")
    if proxy_for(meeting, proxy.grantor, item) is not proxy:
        return msg("proxy not in force: replaced by a later proxy from the same person")
    seat = meeting.seat_of(proxy.grantor)
    if seat is None or not meeting.may_vote(proxy.grantor):
        return msg("proxy not in force: its grantor has no vote")
    if meeting.is_present(proxy.grantor):
        return msg("proxy not in force: its grantor is present")
    if meeting.barring_declaration(proxy.grantor, item) is not None:
        return msg("proxy not in force: its grantor declared an interest in this item")
    if seat.group in meeting.groups_present(item):
        return msg(
            "proxy not in force: {group} is represented in person",
            group=terms.group_name(seat.group),
        )
    holder = meeting.people[proxy.holder]
    if not meeting.is_present(proxy.holder):
        return msg("proxy not in force: its holder, {holder}, is not present", holder=holder.name)
    if meeting.withdrawn(proxy.holder, item):
        return msg(
            "proxy not in force: its holder, {holder}, withdrew for this item", holder=holder.name
        )
    if not meeting.may_vote(proxy.holder):
        return msg(
            "proxy not in force: its holder, {holder}, is not entitled to vote", holder=holder.name
        )
    if meeting.barring_declaration(proxy.holder, item) is not None:
        return msg(
            "proxy not in force: its holder, {holder}, declared an interest in this item",
            holder=holder.name,
        )
    return None


def proxies_in_force(meeting: Meeting, item: str | None) -> list[Proxy]:
    """The proxies that may be cast on ``item`` now (for the meeting: every-item ones)."""
    return [p for p in current_proxies(meeting, item) if proxy_problem(meeting, p, item) is None]


# --------------------------------------------------------------------------- seats


def people_per_seat(meeting: Meeting, item: str | None) -> dict[str, int]:
    """How many present people stand for each represented seat (a proxy in force
    counts as one, where the terms let proxies count to quorum)."""
    counts: dict[str, int] = {}
    # Meeting.present_for and .represents, unrolled: asked on every quorum judgement.
    attendance, standing = meeting.attendance, meeting.terms.standing
    for pid, person in meeting.people.items():
        att = attendance.get(pid)
        if att is None or not att.present or (item is not None and meeting.withdrawn(pid, item)):
            continue
        seat = standing(person.role, person.seat).counts_for
        if seat is not None:
            counts[seat.id] = counts.get(seat.id, 0) + 1
    if meeting.terms.proxies_count_to_quorum:
        for proxy in proxies_in_force(meeting, item):
            # The grantor's seat counts as the grantor would have counted in person.
            seat = meeting.represents(proxy.grantor)
            if seat is not None:
                counts[seat.id] = counts.get(seat.id, 0) + 1
    return counts


def seats_represented(meeting: Meeting, item: str | None) -> set[str]:
    return set(people_per_seat(meeting, item))


def eligible_groups(meeting: Meeting, item: str | None) -> set[str]:
    """Groups with a present person free to vote, plus absent groups with a proxy in force."""
    groups: set[str] = set()
    for pid in meeting.people:
        if (
            meeting.present_for(pid, item)
            and meeting.may_vote(pid)
            and meeting.barring_declaration(pid, item) is None
        ):
            seat = meeting.seat_of(pid)
            assert seat is not None
            groups.add(seat.group)
    for proxy in proxies_in_force(meeting, item):
        seat = meeting.seat_of(proxy.grantor)
        assert seat is not None
        groups.add(seat.group)
    return groups


# --------------------------------------------------------------------------- the chair


def chair(meeting: Meeting, item: str | None = None) -> Person | None:
    """Who is in the chair for ``item`` (or the meeting as a whole), or None.

    The person recorded as taking the chair for the item, else the one who took
    it for the rest of the meeting, when free to chair; else the Chair's seat,
    else the Vice-Chair's, members before deputies. Someone who withdrew from
    the item or must abstain on it does not chair it."""
    acting = acting_chair(meeting, item)
    if acting is not None:
        return meeting.people[acting.person]
    # Those holding the Chair's or Vice-Chair's seat, in the order they are asked
    # (one pass over the people: asked on every quorum judgement).
    holders: dict[tuple[str, str], list[Person]] = {}
    standing = meeting.terms.standing
    for p in meeting.people.values():
        if p.role not in ("member", "deputy"):
            continue
        seat = standing(p.role, p.seat).seat
        if seat is None:
            continue
        for tag in ("chair", "vice-chair"):
            if tag in seat.tags:
                holders.setdefault((p.role, tag), []).append(p)
    for role in ("member", "deputy"):
        for tag in ("chair", "vice-chair"):
            for p in holders.get((role, tag), ()):
                if _free_to_chair(meeting, p.id, item):
                    return p
    return None


def _free_to_chair(meeting: Meeting, pid: str, item: str | None) -> bool:
    return meeting.present_for(pid, item) and meeting.barring_declaration(pid, item) is None


def acting_chair(meeting: Meeting, item: str | None) -> ChairTaking | None:
    """The recorded taking of the chair that stands for ``item`` now, if any: the
    latest for the item itself, else the latest for the rest of the meeting."""
    for scope in ((item,) if item is not None else ()) + (None,):
        takings = [t for t in meeting.chair_takings if t.item == scope]
        if takings and chair_taking_problem(meeting, takings[-1], item) is None:
            return takings[-1]
    return None


def chair_taking_problem(meeting: Meeting, taking: ChairTaking, item: str | None) -> Msg | None:
    """Why ``taking`` does not put its person in the chair for ``item``, or None."""
    person = meeting.people[taking.person]
    who = meeting.terms.acting_chair
    if who == "none":
        return msg(
            "{person} cannot take the chair: these terms let only the Chair or the "
            "Vice-Chair chair a meeting",
            person=person.name,
        )
    if who != "anyone" and person.role == "attendee":
        return msg(
            "{person} cannot take the chair: in attendance, holds no seat", person=person.name
        )
    if who == "members" and person.role != "member":
        return msg(
            "{person} cannot take the chair: under these terms only a member may",
            person=person.name,
        )
    if not meeting.is_present(taking.person):
        return msg("{person} is not present to take the chair", person=person.name)
    if item is not None and not _free_to_chair(meeting, taking.person, item):
        return msg(
            "{person} cannot chair this item, having declared an interest in it", person=person.name
        )
    return None


def no_chair_reason(meeting: Meeting, item: str | None) -> Msg:
    """Why nobody is in the chair for ``item``, in words."""
    for p in meeting.people.values():
        seat = meeting.seat_of(p.id)
        if (
            seat is not None
            and ("chair" in seat.tags or "vice-chair" in seat.tags)
            and meeting.is_present(p.id)
            and not _free_to_chair(meeting, p.id, item)
        ):
            return msg(
                "{person} declared an interest in this item, and no one else took the chair",
                person=p.name,
            )
    return msg("no chair or vice-chair is present, and no one took the chair")
