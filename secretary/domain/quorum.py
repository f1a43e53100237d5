"""Is the meeting quorate, and may it take decisions — with what is missing in words."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from secretary.domain.standing import chair, people_per_seat
from secretary.domain.terms import Clause, QuorumRule, Terms
from secretary.domain.text import Msg, Name, joined, msg, plural

if TYPE_CHECKING:  # the meeting applies votes, which ask for quorum: types only here
    from secretary.domain.meeting import Meeting

QUORATE_FOR_DECISIONS = "decisions"
QUORATE = "quorate"
NOT_QUORATE = "not_quorate"


@dataclass(frozen=True)
class Shortfall:
    """One unmet condition, e.g. '1 more GP practice'."""

    clause: str  # the terms key it comes from ("quorum.seats", "decision_quorum.clauses[1]")
    what: Msg | Name

    def render(self, lang: str | None = None) -> str:
        return self.what.render(lang)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class QuorumAssessment:
    """Whether the meeting is quorate, and for decisions, for an item; what is missing."""

    item: str | None
    seats_present: int
    seats_required: int
    meeting_quorate: bool
    decision_quorate: bool
    meeting_missing: tuple[Shortfall, ...]
    decision_missing: tuple[Shortfall, ...]

    @property
    def state(self) -> str:
        if self.decision_quorate:
            return QUORATE_FOR_DECISIONS
        return QUORATE if self.meeting_quorate else NOT_QUORATE

    @property
    def missing(self) -> tuple[Shortfall, ...]:
        """Everything still needed before decisions can be taken."""
        return self.meeting_missing + self.decision_missing

    def headline(self) -> Msg:
        if self.decision_quorate:
            return msg("Quorate for decisions")
        if self.meeting_quorate:
            return msg("Quorate, but not for decisions")
        return msg("Not quorate")

    def explanation(self) -> Msg:
        """One sentence for the banner and the minutes."""
        counted = plural(self.seats_present, "{n} seat represented", "{n} seats represented")
        if self.decision_quorate:
            return msg(
                "Quorate for decisions: {counted} ({required} needed).",
                counted=counted,
                required=self.seats_required,
            )
        needs = joined(msg("needs {what}", what=s.what) for s in self.missing)
        if self.meeting_quorate:
            return msg("Quorate, but not for decisions: {needs}.", needs=needs)
        # The meeting's seats are said as "{counted} of {required} needed": not again
        # as "needs 6 seats" (the banner said both).
        others = [s for s in self.missing if s.clause != "quorum.seats"]
        if not others:
            return msg(
                "Not quorate: {counted} of {required} needed.",
                counted=counted,
                required=self.seats_required,
            )
        return msg(
            "Not quorate: {counted} of {required} needed; {needs}.",
            counted=counted,
            required=self.seats_required,
            needs=joined(msg("needs {what}", what=s.what) for s in others),
        )


def assess(meeting: Meeting, item: str | None = None) -> QuorumAssessment:
    """Judge quorum now, for ``item`` (withdrawals applied) or the whole meeting.

    The seats, proxies and chair come from ``standing``, the same answers a vote
    uses. Decision-quorum clauses for some decisions only (``decisions = [...]``)
    bind the items under those rules, not the meeting as a whole."""
    terms = meeting.terms
    present = people_per_seat(meeting, item)
    rule_id = None
    if item is not None and item in meeting.items:
        it = meeting.items[item]
        rule_id = terms.rule_id_for(it.financial, it.decision_type)
    has_chair = chair(meeting, item) is not None
    rule = terms.meeting_quorum
    seats_required = rule.seats.required(len(terms.seats)) if rule.seats else 0
    meeting_missing = list(_shortfalls(terms, rule, present, has_chair, rule_id, "quorum"))
    decision_missing = list(
        _shortfalls(terms, terms.decision_quorum, present, has_chair, rule_id, "decision_quorum")
    )
    meeting_ok = not meeting_missing
    return QuorumAssessment(
        item=item,
        seats_present=len(present),
        seats_required=seats_required,
        meeting_quorate=meeting_ok,
        decision_quorate=meeting_ok and not decision_missing,
        meeting_missing=tuple(meeting_missing),
        decision_missing=tuple(decision_missing),
    )


def _shortfalls(
    terms: Terms,
    rule: QuorumRule,
    present: dict[str, int],
    has_chair: bool,
    rule_id: str | None,
    key: str,
) -> Iterator[Shortfall]:
    if rule.seats is not None:
        required = rule.seats.required(len(terms.seats))
        short = required - len(present)
        if short > 0:
            what: Msg | Name
            if present:
                what = plural(short, "{n} more seat", "{n} more seats")
            else:
                what = plural(short, "{n} seat", "{n} seats")
            yield Shortfall(f"{key}.seats", what)
    for clause in rule.clauses:
        if not clause.applies_to(rule_id):
            continue
        needed = _clause_shortfall(terms, clause, present, has_chair)
        if needed is not None:
            yield Shortfall(clause.key, needed)


def _clause_shortfall(
    terms: Terms, clause: Clause, present: dict[str, int], has_chair: bool
) -> Msg | Name | None:
    if clause.kind == "chair":
        return None if has_chair else terms.clause_label(clause)
    # A seat counts for the clause when enough of its people are present.
    # (Every seat in ``present`` has at least one person: with one needed, all count.)
    k = clause.people_per_seat
    counted = present.keys() if k <= 1 else {s for s, n in present.items() if n >= k}
    if clause.kind == "seat":
        if clause.seats[0] in counted:
            return None
        return terms.clause_label(clause)
    assert clause.threshold is not None
    if clause.kind == "any_of":
        required = clause.threshold.required(len(clause.seats))
        have = sum(1 for s in clause.seats if s in counted)
        if have >= required:
            return None
        if required == 1 or clause.label is not None or not have:
            return terms.clause_label(clause)
        names = joined((terms.seat(s).name for s in clause.seats if s not in counted), "or")
        return plural(required - have, "{n} more of {seats}", "{n} more of {seats}", seats=names)
    tagged = terms.seats_tagged(clause.tag)
    required = clause.threshold.required(len(tagged))
    have = sum(1 for s in tagged if s.id in counted)
    short = required - have
    if short <= 0:
        return None
    if clause.label is not None and required == 1:
        return clause.label
    tag = terms.tags[clause.tag]
    if clause.people_per_seat > 1:
        what = (
            plural(short, "{n} more {tag}", "{n} more {tags}", tag=tag.name, tags=tag.plural)
            if have
            else plural(short, "{n} {tag}", "{n} {tags}", tag=tag.name, tags=tag.plural)
        )
        return msg(
            "{what}, each represented by at least {k} people", what=what, k=clause.people_per_seat
        )
    if have:
        return plural(short, "{n} more {tag}", "{n} more {tags}", tag=tag.name, tags=tag.plural)
    return plural(short, "{n} {tag}", "{n} {tags}", tag=tag.name, tags=tag.plural)
