"""Translation catalogue for the layers below the GUI (domain, export, CLI).

Messages are marked with ``_("English text {name}")`` and formatted with
keyword arguments after translation, so a translator sees whole sentences.
Catalogues are JSON files ``resources/translations/<lang>.json`` mapping the
English text to its translation. The GUI uses Qt's own translator for its
widgets and this module for text that comes from the engine.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

from secretary.resources import resource

_language = "en"


def set_language(language: str) -> None:
    global _language
    _language = language


def language() -> str:
    return _language


@cache
def catalogue(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    path = resource("translations", f"{lang}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str) and v}


def translate(text: str, lang: str | None = None) -> str:
    return catalogue(lang or _language).get(text, text)


def _(text: str, /, **params: Any) -> str:
    """Translate ``text`` into the current language, then fill in ``params``."""
    translated = translate(text)
    return translated.format(**params) if params else translated


BILINGUAL = "bilingual"
LANGUAGES = ("en", "cy")
EXPORT_LANGUAGES = ("en", "cy", BILINGUAL)

# A bilingual text is the Welsh then the English, as NHS Wales bodies set them
# (Welsh first): on one line with " / " when both are short, else on two lines.
SEPARATOR = " / "
SHORT = 80


def bilingual(cy: str, en: str) -> str:
    """'Ymddiheuriadau / Apologies'; one text when the two are the same."""
    if cy == en:
        return en
    if "\n" in cy or "\n" in en or len(cy) + len(en) > SHORT:
        return f"{cy}\n{en}"
    return f"{cy}{SEPARATOR}{en}"


def _shared_tail(cy: str, en: str) -> int:
    """Length of the end the two templates share, from a placeholder or a separator
    on ('Eitem {n}: {title}' / 'Item {n}: {title}' share ' {n}: {title}'); 0 when the
    shared end holds no placeholder."""
    n = 0
    while n < min(len(cy), len(en)) and cy[-1 - n] == en[-1 - n]:
        n += 1
    while n > 0 and cy[-n] not in " :({":
        n -= 1
    tail = cy[len(cy) - n :]
    if "{" not in tail or n >= len(cy) or n >= len(en):
        return 0
    return n


def in_language(lang: str, text: str, /, **params: Any) -> str:
    """``text`` in ``lang`` ('en', 'cy' or 'bilingual'), ``params`` filled in.

    Bilingual: the Welsh then the English; a label ending in the same placeholders
    in both ('Item {n}: {title}') gives them once: 'Eitem / Item 3: Flu campaign'."""
    if lang == BILINGUAL:
        cy, en = translate(text, "cy"), text
        tail = _shared_tail(cy, en) if params else 0
        if tail:
            head = bilingual(cy[: len(cy) - tail].rstrip(), en[: len(en) - tail].rstrip())
            return (head + cy[len(cy) - tail :]).format(**params)
        return bilingual(
            cy.format(**params) if params else cy, en.format(**params) if params else en
        )
    translated = translate(text, lang)
    return translated.format(**params) if params else translated


def plural(n: int, one: str, many: str, /, **params: Any) -> str:
    """Pick the singular or plural message for ``n`` (``{n}`` is filled in)."""
    return _(one if n == 1 else many, n=n, **params)


# --------------------------------------------------------------------------- dates, money

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "cy": [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ],
}
# Capitalised: a date with its weekday starts a line ("Dydd Iau 14 Mai 2026"); the
# catalogues word sentences so that it never follows a word that would mutate it.
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "cy": [f"Dydd {d}" for d in ["Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul"]],
}


def long_date(value: dt.date | str | None, lang: str | None = None, weekday: bool = True) -> str:
    """'Dydd Iau 14 Mai 2026' / 'Thursday 14 May 2026'; bilingual: the two with ' / '.

    Pure Python, for the exports and messages (the window uses QLocale("cy_GB")).
    A text that is not an ISO date comes back as it is."""
    lang = lang or _language
    if lang == BILINGUAL:
        return bilingual(long_date(value, "cy", weekday), long_date(value, "en", weekday))
    if isinstance(value, dt.date):
        d = value
    else:
        try:
            d = dt.date.fromisoformat(value or "")
        except ValueError:
            return value or ""
    lang = lang if lang in MONTHS else "en"
    text = f"{d.day} {MONTHS[lang][d.month - 1]} {d.year}"
    return f"{WEEKDAYS[lang][d.weekday()]} {text}" if weekday else text


def money(amount: float | int | None, pence: bool = True) -> str:
    """'£18,500.00' (or '£18,500' without pence): the same in Welsh and English."""
    if amount is None:
        return ""
    return f"£{amount:,.2f}" if pence else f"£{amount:,.0f}"
