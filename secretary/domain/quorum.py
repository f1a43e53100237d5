"""Is the meeting quorate, and may it take decisions — with what is missing in words."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from secretary.domain.meeting import Meeting
from secretary.domain.terms import Clause, QuorumRule, Terms
from secretary.domain.text import Msg, Name, joined, msg, plural

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
        return msg(
            "Not quorate: {counted} of {required} needed; {needs}.",
            counted=counted,
            required=self.seats_required,
            needs=needs,
        )


def assess(meeting: Meeting, item: str | None = None) -> QuorumAssessment:
    """Judge quorum now, for ``item`` (withdrawals applied) or the whole meeting."""
    terms = meeting.terms
    represented = meeting.seats_represented(item)
    rule = terms.meeting_quorum
    seats_required = rule.seats.required(len(terms.seats)) if rule.seats else 0
    meeting_missing = list(_shortfalls(terms, rule, represented, "quorum"))
    decision_missing = list(
        _shortfalls(terms, terms.decision_quorum, represented, "decision_quorum")
    )
    meeting_ok = not meeting_missing
    return QuorumAssessment(
        item=item,
        seats_present=len(represented),
        seats_required=seats_required,
        meeting_quorate=meeting_ok,
        decision_quorate=meeting_ok and not decision_missing,
        meeting_missing=tuple(meeting_missing),
        decision_missing=tuple(decision_missing),
    )


def _shortfalls(
    terms: Terms, rule: QuorumRule, represented: set[str], key: str
) -> Iterator[Shortfall]:
    if rule.seats is not None:
        required = rule.seats.required(len(terms.seats))
        short = required - len(represented)
        if short > 0:
            what: Msg | Name
            if represented:
                what = plural(short, "{n} more seat", "{n} more seats")
            else:
                what = plural(short, "{n} seat", "{n} seats")
            yield Shortfall(f"{key}.seats", what)
    for clause in rule.clauses:
        needed = _clause_shortfall(terms, clause, represented)
        if needed is not None:
            yield Shortfall(clause.key, needed)


def _clause_shortfall(terms: Terms, clause: Clause, represented: set[str]) -> Msg | Name | None:
    if clause.kind == "seat":
        if clause.seats[0] in represented:
            return None
        return terms.clause_label(clause)
    if clause.kind == "any_of":
        if any(s in represented for s in clause.seats):
            return None
        return terms.clause_label(clause)
    tagged = terms.seats_tagged(clause.tag)
    assert clause.threshold is not None
    required = clause.threshold.required(len(tagged))
    have = sum(1 for s in tagged if s.id in represented)
    short = required - have
    if short <= 0:
        return None
    if clause.label is not None and required == 1:
        return clause.label
    tag = terms.tags[clause.tag]
    if have:
        return plural(short, "{n} more {tag}", "{n} more {tags}", tag=tag.name, tags=tag.plural)
    return plural(short, "{n} {tag}", "{n} {tags}", tag=tag.name, tags=tag.plural)
