"""Rules in words a reader can check by hand, made from the numbers they explain.

"needed 7 = two thirds of 10 eligible, rounded up"; "needed 4 = more than 75%
of 3 eligible (2.25, rounded up to 3)"; "needed 1: no group was eligible to
vote". Every figure in the words is computed here from the same base and rule
that gave the number needed, so the words cannot drift from the count.
"""

from __future__ import annotations

from fractions import Fraction

from secretary.domain.terms import (
    NAMED_FRACTIONS,
    DecisionRule,
    Threshold,
    decimal,
    is_percentage,
    rounded,
    smallest_meeting,
)
from secretary.domain.text import Msg, msg, plural


def fraction_words(f: Fraction) -> Msg | str:
    """The fraction in the reader's language."""
    if is_percentage(f):
        return f"{decimal(f * 100)}%"
    named = {  # the English of each is NAMED_FRACTIONS'
        Fraction(1, 3): msg("one third"),
        Fraction(2, 3): msg("two thirds"),
        Fraction(1, 6): msg("one sixth"),
        Fraction(5, 6): msg("five sixths"),
    }
    if f in named:
        assert named[f].text == NAMED_FRACTIONS[f]
        return named[f]
    return f"{f.numerator}/{f.denominator}"


def base_words(rule: DecisionRule, base: int) -> Msg:
    return {
        "cast": plural(base, "{n} vote cast (for + against)", "{n} votes cast (for + against)"),
        "cast_with_abstentions": plural(
            base, "{n} vote cast including abstentions", "{n} votes cast including abstentions"
        ),
        "eligible": msg("{n} eligible", n=base),
        "membership": plural(base, "{n} voting member", "{n} voting members"),
    }[rule.base]


def nothing_to_count(rule: DecisionRule) -> Msg:
    """Why the base is 0, in words."""
    return {
        "cast": msg("no votes were cast for or against"),
        "cast_with_abstentions": msg("no votes were cast"),
        "eligible": msg("no group was eligible to vote"),
        "membership": msg("the terms have no voting members"),
    }[rule.base]


def needed(rule: DecisionRule, base: int, required: int) -> Msg:
    """'needed 5 = 75% of 6 eligible', with the rounding where it matters."""
    if base == 0:
        return msg(
            "needed {required}: {why}, and nothing is carried without a vote for it",
            required=required,
            why=nothing_to_count(rule),
        )
    how = _how(rule.fraction, rule.comparison, rule.rounding, base_words(rule, base), base)
    unclamped = smallest_meeting(rule.fraction * base, rule.rounding, rule.comparison)
    if required > unclamped:  # the engine's floor: nothing is carried with no votes for it
        return msg(
            "needed {required} = {how}; at least 1 vote for is always needed",
            required=required,
            how=how,
        )
    return msg("needed {required} = {how}", required=required, how=how)


def _how(f: Fraction, comparison: str, rounding: str, of: Msg, count: int) -> Msg:
    exact = f * count
    amount = (
        msg("more than {pct} of {base}", pct=fraction_words(f), base=of)
        if comparison == ">"
        else msg("{pct} of {base}", pct=fraction_words(f), base=of)
    )
    if exact.denominator == 1:
        return amount
    target = rounded(exact, rounding)
    if rounding == "down":
        if comparison == ">":
            return msg(
                "{amount} ({exact}, rounded down to {target})",
                amount=amount,
                exact=decimal(exact),
                target=decimal(target),
            )
        return msg("{amount} ({exact}), rounded down", amount=amount, exact=decimal(exact))
    if comparison == ">":
        if rounding == "up":
            return msg(
                "{amount} ({exact}, rounded up to {target})",
                amount=amount,
                exact=decimal(exact),
                target=decimal(target),
            )
        return amount  # "more than 2.5" reads as 3 without help
    # "at least": the next whole number up. A percentage is read that way without
    # help ("75% of 6": 5, as the seed's minutes have always said); a fraction
    # such as two thirds says so.
    if is_percentage(f):
        return amount
    return msg("{amount}, rounded up", amount=amount)


def threshold_words(t: Threshold, count: int, of: Msg) -> Msg | None:
    """How a quorum threshold is worked out, in words ('one third of 16 seats,
    rounded up'), or None for a plain number."""
    if t.at_least is not None:
        return None
    assert t.fraction is not None
    how = _how(t.fraction, t.comparison, t.rounding, of, count)
    if t.plus:
        return msg("{how}, plus {plus}", how=how, plus=t.plus)
    return how
