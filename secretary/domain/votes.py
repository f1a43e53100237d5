"""Decisions: consensus, and votes counted one ballot per voting group.

``decide`` judges a vote or consensus event against the meeting as it stands
when the event is applied: who is present for the item, who is barred by a
declaration, which proxies are in force, and the terms' rule for the item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from secretary.domain.events import Event
from secretary.domain.meeting import Meeting, Proxy
from secretary.domain.quorum import QuorumAssessment, assess
from secretary.domain.terms import DecisionRule, percent
from secretary.domain.text import Msg, joined, msg, plural

CARRIED = "carried"
NOT_CARRIED = "not_carried"
CONSENSUS = "agreed_by_consensus"
BLOCKED = "blocked_inquorate"


@dataclass(frozen=True)
class Ballot:
    group: str
    voter: str  # the person whose vote it is (the grantor, for a proxy)
    cast_by: str  # who cast it (the holder, for a proxy)
    choice: str
    by_proxy: bool = False


@dataclass(frozen=True)
class Rejection:
    voter: str
    reason: Msg


@dataclass(frozen=True)
class Barred:
    """A person who did not vote on the item because of a declaration."""

    person: str
    action: str  # abstain | withdraw
    interest: str


@dataclass
class Decision:
    item: str
    kind: str  # vote | consensus
    status: str
    event: int
    at: str | None
    quorum: QuorumAssessment
    rule: DecisionRule | None = None
    rule_text: str = ""
    for_: int = 0
    against: int = 0
    abstain: int = 0
    eligible: int = 0
    required: int = 0
    base: int = 0
    ballots: list[Ballot] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    barred: list[Barred] = field(default_factory=list)
    casting: tuple[str, str] | None = None  # (chair person id, choice)
    tie: bool = False
    text: str = ""

    @property
    def proxies_counted(self) -> int:
        return sum(1 for b in self.ballots if b.by_proxy)

    @property
    def taken(self) -> bool:
        return self.status != BLOCKED

    @property
    def carried(self) -> bool:
        return self.status in (CARRIED, CONSENSUS)

    @property
    def effect(self) -> str:
        """What this (draft) decision would do if recorded; see ``tally_effect``."""
        return tally_effect(self)

    def statement(self, meeting: Meeting | None = None) -> Msg:
        """The outcome in words, as the minutes and the screen print it."""
        if self.status == BLOCKED:
            needs = joined(msg("needs {what}", what=s.what) for s in self.quorum.missing)
            return msg(
                "No decision could be taken: the meeting was not quorate for decisions ({needs}).",
                needs=needs,
            )
        if self.status == CONSENSUS:
            return msg("Agreed by consensus.")
        outcome = msg("Carried") if self.status == CARRIED else msg("Not carried")
        tally = msg(
            "{for_} for, {against} against, {abstentions}",
            for_=self.for_,
            against=self.against,
            abstentions=plural(self.abstain, "{n} abstention", "{n} abstentions"),
        )
        parts: list[Msg] = [
            msg(
                "{outcome}: {tally}; needed {required} = {how}.",
                outcome=outcome,
                tally=tally,
                required=self.required,
                how=self.how_needed(),
            )
        ]
        if self.casting is not None:
            chair = _name(meeting, self.casting[0])
            parts.append(
                msg(
                    "The votes were tied; the chair, {chair}, gave a casting vote {choice}.",
                    chair=chair,
                    choice=msg(self.casting[1]),
                )
            )
        elif self.tie:
            parts.append(msg("The votes were tied, so the proposal was not carried."))
        if self.proxies_counted:
            parts.append(
                plural(
                    self.proxies_counted, "Includes {n} proxy vote.", "Includes {n} proxy votes."
                )
            )
            # Who held whose proxy: the minutes name both (the grantor was absent).
            for ballot in self.ballots:
                if ballot.by_proxy:
                    parts.append(
                        msg(
                            "{holder} cast the proxy vote of {grantor}.",
                            holder=_name(meeting, ballot.cast_by),
                            grantor=_name(meeting, ballot.voter),
                        )
                    )
        for b in self.barred:
            parts.append(
                msg(
                    "{person} did not vote, having declared an interest."
                    if b.action == "abstain"
                    else "{person} withdrew for this item, having declared an interest.",
                    person=_name(meeting, b.person),
                )
            )
        return Msg("{0}", ()) if not parts else _sentences(parts)

    def how_needed(self) -> Msg:
        assert self.rule is not None
        base = {
            "cast": plural(
                self.base, "{n} vote cast (for + against)", "{n} votes cast (for + against)"
            ),
            "cast_with_abstentions": plural(
                self.base,
                "{n} vote cast including abstentions",
                "{n} votes cast including abstentions",
            ),
            "eligible": msg("{n} eligible", n=self.base),
            "membership": plural(self.base, "{n} voting member", "{n} voting members"),
        }[self.rule.base]
        pct = percent(self.rule.fraction)
        if self.rule.comparison == ">":
            return msg("more than {pct} of {base}", pct=pct, base=base)
        return msg("{pct} of {base}", pct=pct, base=base)


def _sentences(parts: list[Msg]) -> Msg:
    template = " ".join(f"{{p{i}}}" for i in range(len(parts)))
    return Msg(template, tuple((f"p{i}", p) for i, p in enumerate(parts)))


def _name(meeting: Meeting | None, pid: str) -> str:
    if meeting is not None and pid in meeting.people:
        return meeting.people[pid].name
    return pid


def decide(meeting: Meeting, event: Event, index: int) -> Decision:
    item_id = event.get("item")
    item = meeting.items[item_id]
    quorum = assess(meeting, item_id)
    if event.type == "consensus":
        return Decision(
            item=item_id,
            kind="consensus",
            status=CONSENSUS if quorum.decision_quorate else BLOCKED,
            event=index,
            at=event.get("at"),
            quorum=quorum,
            rule_text=meeting.terms.consensus_rule.en,
            text=event.get("text", ""),
        )
    rule = meeting.terms.rule_for(item.financial, item.decision_type)
    decision = Decision(
        item=item_id,
        kind="vote",
        status=NOT_CARRIED,
        event=index,
        at=event.get("at"),
        quorum=quorum,
        rule=rule,
        rule_text=rule.describe(),
        text=event.get("text", ""),
    )
    _count(meeting, item_id, event.get("votes"), decision)
    decision.eligible = len(eligible_groups(meeting, item_id))
    decision.barred = barred_people(meeting, item_id)
    decision.base = {
        "cast": decision.for_ + decision.against,
        "cast_with_abstentions": decision.for_ + decision.against + decision.abstain,
        "eligible": decision.eligible,
        "membership": len(meeting.terms.groups),
    }[rule.base]
    decision.required = rule.required(decision.base)
    carried = decision.for_ >= decision.required
    decision.tie = decision.for_ == decision.against and decision.for_ > 0
    casting = event.get("casting")
    if casting is not None:
        chair = meeting.chair(item_id)
        if meeting.terms.casting_vote != "chair":
            decision.rejected.append(
                Rejection(
                    "casting",
                    msg("casting vote refused: these terms give the chair no casting vote"),
                )
            )
        elif not decision.tie:
            decision.rejected.append(
                Rejection("casting", msg("casting vote refused: the votes were not tied"))
            )
        elif chair is None:
            decision.rejected.append(
                Rejection("casting", msg("casting vote refused: no chair or vice-chair is present"))
            )
        else:
            decision.casting = (chair.id, casting)
            carried = casting == "for"
    decision.status = CARRIED if carried else NOT_CARRIED
    if not quorum.decision_quorate:
        decision.status = BLOCKED
    return decision


def _count(meeting: Meeting, item: str, votes: dict[str, str], decision: Decision) -> None:
    voted_groups: dict[str, str] = {}
    for voter, choice in votes.items():
        ballot, reason = _ballot(meeting, item, voter, choice)
        if ballot is not None and ballot.group in voted_groups:
            first = meeting.people[voted_groups[ballot.group]].name
            reason = msg(
                "group already voted: {group} has one vote, already cast by {first}",
                group=meeting.terms.group_name(ballot.group),
                first=first,
            )
            ballot = None
        if ballot is None:
            assert reason is not None
            decision.rejected.append(Rejection(voter, reason))
            continue
        voted_groups[ballot.group] = ballot.voter
        decision.ballots.append(ballot)
        if choice == "for":
            decision.for_ += 1
        elif choice == "against":
            decision.against += 1
        else:
            decision.abstain += 1


def _ballot(
    meeting: Meeting, item: str, voter: str, choice: str
) -> tuple[Ballot | None, Msg | None]:
    person = meeting.people[voter]
    if person.role == "attendee":
        return None, msg("not entitled to vote: in attendance, holds no seat")
    if not meeting.may_vote(voter):
        return None, msg("not entitled to vote: deputies do not vote under these terms")
    seat = meeting.seat_of(voter)
    assert seat is not None
    if meeting.is_present(voter):
        barring = meeting.barring_declaration(voter, item)
        if barring is not None and barring.action == "withdraw":
            return None, msg("withdrew: declared interest")
        if barring is not None:
            return None, msg("did not vote: declared interest (must abstain)")
        return Ballot(seat.group, voter, voter, choice), None
    proxy = proxy_for(meeting, voter, item)
    if proxy is None:
        return None, msg("not present, and no proxy registered for this item")
    problem = proxy_problem(meeting, proxy, item)
    if problem is not None:
        return None, problem
    if proxy.direction is not None and proxy.direction != choice:
        return None, msg(
            "proxy cast against its direction (directed {direction})",
            direction=msg(proxy.direction),
        )
    return Ballot(seat.group, voter, proxy.holder, choice, by_proxy=True), None


def proxy_for(meeting: Meeting, grantor: str, item: str) -> Proxy | None:
    """The proxy ``grantor`` registered last that covers ``item``."""
    for proxy in reversed(meeting.proxies):
        if proxy.grantor == grantor and proxy.applies_to(item):
            return proxy
    return None


def proxy_problem(meeting: Meeting, proxy: Proxy, item: str) -> Msg | None:
    """Why ``proxy`` cannot be cast on ``item`` now, or None when it is in force."""
    terms = meeting.terms
    if not terms.proxies_allowed:
        return msg("proxy not in force: these terms allow no proxy votes")
    seat = meeting.seat_of(proxy.grantor)
    if seat is None or not meeting.may_vote(proxy.grantor):
        return msg("proxy not in force: its grantor has no vote")
    if meeting.is_present(proxy.grantor):
        return msg("proxy not in force: its grantor is present")
    grantor_bar = meeting.barring_declaration(proxy.grantor, item)
    if grantor_bar is not None:
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


def eligible_groups(meeting: Meeting, item: str) -> set[str]:
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
    seen: set[str] = set()
    for proxy in reversed(meeting.proxies):
        if proxy.grantor in seen or not proxy.applies_to(item):
            continue
        seen.add(proxy.grantor)
        if proxy_problem(meeting, proxy, item) is None:
            seat = meeting.seat_of(proxy.grantor)
            assert seat is not None
            groups.add(seat.group)
    return groups


def barred_people(meeting: Meeting, item: str) -> list[Barred]:
    """Members and deputies present at the meeting who may not vote on ``item``."""
    out = []
    for pid in meeting.people:
        if not (meeting.is_present(pid) and meeting.may_vote(pid)):
            continue
        d = meeting.barring_declaration(pid, item)
        if d is not None:
            out.append(Barred(pid, d.action, d.interest))
    return out


def decision_summary(decision: Decision) -> dict[str, Any]:
    """The decision as the replay report prints it (scenario-format.md)."""
    return {
        "event": decision.event,
        "item": decision.item,
        "kind": decision.kind,
        "status": decision.status,
        "for": decision.for_,
        "against": decision.against,
        "abstain": decision.abstain,
        "eligible": decision.eligible,
        "required": decision.required,
        "rule": decision.rule_text,
        "rejected": [
            {"voter": r.voter, "reason": r.reason.render("en")} for r in decision.rejected
        ],
    }


# ------------------------------------------------- who votes, and what a tally would do
# Public questions the window and the exports ask; the count above uses the same
# judgements (``proxy_for``, ``proxy_problem``, ``Meeting.barring_declaration``).

NO_VOTES = "no_votes"


@dataclass(frozen=True)
class Unable:
    """Someone of a voting group who cannot cast its vote on the item, and why:
    ``declared`` (withdraw | abstain) when barred by a declaration of interest,
    else ``problem``, why the proxy they gave is not in force."""

    person: str
    declared: str | None = None
    problem: Msg | None = None


@dataclass(frozen=True)
class GroupVoter:
    """Who casts one voting group's vote on an item now, or why nobody can.

    ``voter`` is the key of the group's ballot (a present person, or the absent
    grantor of a proxy in force); ``cast_by`` who may cast it (the group's free
    people present, or the proxy's holder); ``direction`` a directed proxy's."""

    group: str
    voter: str | None
    cast_by: tuple[str, ...] = ()
    by_proxy: bool = False
    direction: str | None = None
    unable: tuple[Unable, ...] = ()

    @property
    def can_vote(self) -> bool:
        return self.voter is not None


def group_voters(meeting: Meeting, item: str) -> list[GroupVoter]:
    """One entry per voting group of the terms, in the terms' order: who casts the
    group's vote on ``item`` now (present in person first, else a proxy in force),
    or, when nobody can, everyone of the group who cannot and why."""
    out = []
    for group in meeting.terms.groups:
        seat_ids = {s.id for s in meeting.terms.seats_of_group(group)}
        people = [
            p for p in meeting.people.values() if p.seat in seat_ids and meeting.may_vote(p.id)
        ]
        free: list[str] = []
        unable: list[Unable] = []
        by_proxy: GroupVoter | None = None
        for p in people:
            if meeting.is_present(p.id):
                barring = meeting.barring_declaration(p.id, item)
                if barring is None:
                    free.append(p.id)
                else:
                    unable.append(Unable(p.id, declared=barring.action))
                continue
            proxy = proxy_for(meeting, p.id, item)
            if proxy is None:
                continue
            problem = proxy_problem(meeting, proxy, item)
            if problem is not None:
                unable.append(Unable(p.id, problem=problem))
            elif by_proxy is None:
                by_proxy = GroupVoter(group, p.id, (proxy.holder,), True, proxy.direction)
        if free:
            out.append(GroupVoter(group, free[0], tuple(free)))
        elif by_proxy is not None:
            out.append(by_proxy)
        else:
            out.append(GroupVoter(group, None, unable=tuple(unable)))
    return out


def tally(
    meeting: Meeting, item: str, votes: dict[str, str], casting: str | None = None
) -> Decision:
    """The decision these votes would give on ``item`` now; nothing is recorded.
    Its ``effect`` says what recording them would do."""
    data: dict[str, Any] = {"item": item, "votes": dict(votes)}
    if casting is not None:
        data["casting"] = casting
    return decide(meeting, Event("vote", data), len(meeting.events))


def tally_effect(decision: Decision) -> str:
    """What a (draft) vote would do if recorded: ``blocked_inquorate`` when the item
    has no decision quorum (whatever the tally), ``no_votes`` before any ballot
    counts, else ``carried`` or ``not_carried``."""
    if decision.status == BLOCKED:
        return BLOCKED
    if decision.kind == "vote" and not decision.ballots:
        return NO_VOTES
    return decision.status


def votes_short(decision: Decision) -> int | None:
    """More votes for needed to carry (0: enough), or None when no decision can be
    taken (no decision quorum)."""
    if decision.status == BLOCKED:
        return None
    return max(decision.required - decision.for_, 0)


def decisions_differ(before: Meeting, after: Meeting) -> bool:
    """Would ``after`` (a trial, see ``Meeting.with_events``) judge any decision
    already taken differently from ``before``?"""

    def key(d: Decision) -> tuple[Any, ...]:
        return (d.item, d.kind, d.status, d.for_, d.against, d.abstain, d.required)

    return [key(d) for d in before.decisions] != [key(d) for d in after.decisions]
