"""Decisions: consensus, and votes counted one ballot per voting group.

``decide`` judges a vote or consensus event against the meeting as it stands
when the event is applied: who is present for the item, who is barred by a
declaration, which proxies are in force, and the terms' rule for the item.

One module (over 400 lines): a decision is judged in one pass — who may cast each
group's ballot, proxies, bars, the tally and its effect share the item's state; split,
each part would re-derive it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from secretary.domain.events import Event
from secretary.domain.quorum import QuorumAssessment, assess
from secretary.domain.standing import (
    eligible_groups,
    no_chair_reason,
    proxy_for,
    proxy_problem,
)
from secretary.domain.terms import DecisionRule
from secretary.domain.text import Msg, joined, msg, plural
from secretary.domain.wording import needed

if TYPE_CHECKING:  # the meeting applies votes through decide(): types only here
    from secretary.domain.meeting import Meeting

CARRIED = "carried"
NOT_CARRIED = "not_carried"
CONSENSUS = "agreed_by_consensus"
BLOCKED = "blocked_inquorate"


@dataclass(frozen=True)
class Ballot:
    """One voting group's vote on an item, and who cast it (a proxy's holder, say)."""

    group: str
    voter: str  # the person whose vote it is (the grantor, for a proxy)
    cast_by: str  # who cast it (the holder, for a proxy)
    choice: str
    by_proxy: bool = False


@dataclass(frozen=True)
class Rejection:
    """A vote not counted, and why."""

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
    """A decision recorded on an item: by vote or consensus, its outcome and its quorum."""

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
    # Blocked although the meeting as a whole was quorate for decisions (a
    # withdrawal, or a clause for this kind of decision only).
    item_only_inquorate: bool = False

    @property
    def proxies_counted(self) -> int:
        return sum(1 for b in self.ballots if b.by_proxy)

    @property
    def effect(self) -> str:
        """What this (draft) decision would do if recorded; see ``tally_effect``."""
        return tally_effect(self)

    @property
    def taken(self) -> bool:
        return self.status != BLOCKED

    @property
    def carried(self) -> bool:
        return self.status in (CARRIED, CONSENSUS)

    def statement(self, meeting: Meeting | None = None) -> Msg:
        """The outcome in words, as the minutes and the screen print it. Every
        figure in it is one of this decision's own numbers."""
        if self.status == BLOCKED:
            needs = joined(msg("needs {what}", what=s.what) for s in self.quorum.missing)
            if self.item_only_inquorate:
                return msg(
                    "No decision could be taken: the meeting was quorate for decisions, but "
                    "not for this item ({needs}).",
                    needs=needs,
                )
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
        if self.rule is None:
            parts: list[Msg] = [
                msg(
                    "{outcome}: these terms decide by consensus only, so a vote cannot carry "
                    "an item.",
                    outcome=outcome,
                )
            ]
        else:
            parts = [
                msg(
                    "{outcome}: {tally}; {needed}.",
                    outcome=outcome,
                    tally=tally,
                    needed=self.how_needed(),
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
        elif self.tie and self.status == NOT_CARRIED:
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
        return _sentences(parts)

    def how_needed(self) -> Msg:
        """'needed 5 = 75% of 6 eligible': the rule with this decision's numbers."""
        assert self.rule is not None
        return needed(self.rule, self.base, self.required)


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
    item_only = not quorum.decision_quorate and assess(meeting).decision_quorate
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
            item_only_inquorate=item_only,
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
        rule_text=rule.describe() if rule else "consensus only",
        text=event.get("text", ""),
        item_only_inquorate=item_only,
    )
    decision.eligible = len(eligible_groups(meeting, item_id))
    decision.barred = barred_people(meeting, item_id)
    if rule is None:  # a body that decides by consensus only: no vote carries an item
        for voter in event.get("votes"):
            decision.rejected.append(
                Rejection(voter, msg("not counted: these terms decide by consensus only"))
            )
        decision.status = NOT_CARRIED if quorum.decision_quorate else BLOCKED
        return decision
    _count(meeting, item_id, event.get("votes"), decision)
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
        refusal = casting_refusal(meeting, item_id, rule, decision)
        if refusal is not None:
            decision.rejected.append(Rejection("casting", refusal))
        else:
            chair = meeting.chair(item_id)
            assert chair is not None
            decision.casting = (chair.id, casting)
            carried = casting == "for"
    decision.status = CARRIED if carried else NOT_CARRIED
    if not quorum.decision_quorate:
        decision.status = BLOCKED
    return decision


def casting_refusal(
    meeting: Meeting, item: str, rule: DecisionRule, decision: Decision
) -> Msg | None:
    """Why the chair may not give a casting vote on this tally, or None."""
    terms = meeting.terms
    if terms.casting_vote != "chair":
        return msg("casting vote refused: these terms give the chair no casting vote")
    if not terms.casting_vote_on(rule):
        return msg(
            "casting vote refused: these terms give the chair a casting vote only "
            "under {rules}, not under {rule}",
            rules=joined(
                (
                    terms.decisions[r].name
                    for r in terms.casting_vote_rules or ()
                    if r in terms.decisions
                ),
                "or",
            ),
            rule=rule.name,
        )
    if decision.for_ == 0 and decision.against == 0:
        return msg("casting vote refused: no votes were cast for or against")
    if not decision.tie:
        return msg("casting vote refused: the votes were not tied")
    chair = meeting.chair(item)
    if chair is None:
        return msg("casting vote refused: {why}", why=no_chair_reason(meeting, item))
    if not meeting.may_vote(chair.id):
        return msg(
            "casting vote refused: the chair, {chair}, may not vote under these terms",
            chair=chair.name,
        )
    return None


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
