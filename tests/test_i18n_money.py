"""Amounts and counts in English are written without babel (the window's first paint
and `secretary replay` load none of its data): the same text as babel's."""

from __future__ import annotations

from babel import Locale
from babel.numbers import format_currency, format_decimal
from hypothesis import example, given
from hypothesis import strategies as st

from secretary.i18n import money, number, plural_category


def babel_money(amount: float | int, pence: bool) -> str:
    return format_currency(
        amount,
        "GBP",
        format=None if pence else "¤#,##0",
        locale="en_GB",
        currency_digits=pence,
    )


amounts = st.integers(min_value=-(10**18), max_value=10**18) | st.floats(
    allow_nan=False, allow_infinity=False, min_value=-1e16, max_value=1e16
)


@given(amounts, st.booleans())
@example(1.015, True)  # a tie in decimal that binary rounding would lose
@example(-0.004, True)  # rounds to nothing, keeps its sign as babel does
@example(-0.0, False)
@example(2.5, False)  # half to even
@example(18500, True)
def test_money_is_babels(amount, pence):
    assert money(amount, pence) == babel_money(amount, pence)


@given(st.integers(min_value=-(10**15), max_value=10**15))
@example(1)
@example(-1)
@example(0)
def test_english_numbers_and_plurals_are_babels(n):
    assert number(n, "en") == format_decimal(n, locale="en_GB")
    assert plural_category(n, "en") == str(Locale.parse("en_GB").plural_form(abs(n)))
