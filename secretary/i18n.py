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
import math
import os
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from secretary.resources import resource

_language = "en"


def language_from_environment() -> str:
    """'cy' when SECRETARY_LANGUAGE, or else the locale (LC_ALL, LC_MESSAGES,
    LANG), asks for Welsh; else 'en'. The command line's language."""
    for name in ("SECRETARY_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "cy" if value.lower().startswith("cy") else "en"
    return "en"


def install_argparse() -> None:
    """argparse's own words (usage, options, its error messages) in the current
    language: argparse looks up its module's ``_`` each time it writes one."""
    import argparse

    argparse._ = translate  # type: ignore[attr-defined]


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


def if_known(lang: str, text: str) -> str:
    """``text`` in ``lang`` when it is a word the catalogue knows (an action's status
    "open", stored as data), else as it is: a status typed in any words stays so."""
    if lang == "en" or text not in catalogue("cy"):
        return text
    return in_language(lang, text)


def _(text: str, /, **params: Any) -> str:
    """Translate ``text`` into the current language, then fill in ``params``."""
    translated = translate(text)
    return translated.format(**params) if params else translated


BILINGUAL = "bilingual"
LANGUAGES = ("en", "cy")
EXPORT_LANGUAGES = ("en", "cy", BILINGUAL)

# A bilingual text is the Welsh then the English, as NHS Wales bodies set them
# (Welsh first). The Welsh Language Commissioner's guidance: " / " joins only a
# short label or heading pair; a sentence, list or longer value is a Welsh block
# then an English block (two lines here; the documents make them two paragraphs).
SEPARATOR = " / "
SHORT = 40  # each side of a " / " pair at most


class Bilingual(str):
    """A text in both languages (Welsh, then English), which remembers its two
    parts: put into another bilingual message, each language takes its own part."""

    cy: str
    en: str

    def __new__(cls, text: str, cy: str, en: str) -> Bilingual:
        made = super().__new__(cls, text)
        made.cy, made.en = cy, en
        return made


def bilingual(cy: str, en: str) -> str:
    """'Ymddiheuriadau / Apologies'; one text when the two are the same."""
    cy, en = str(cy), str(en)
    if cy == en:
        return en
    if not (is_label(cy) and is_label(en)):
        return Bilingual(f"{cy}\n{en}", cy, en)
    if cy.endswith(":") and en.endswith(":"):  # a label: 'Penderfyniad / Decision:'
        return Bilingual(f"{cy[:-1]}{SEPARATOR}{en}", cy, en)
    return Bilingual(f"{cy}{SEPARATOR}{en}", cy, en)


def is_label(text: str) -> bool:
    """Short, one line and not a sentence: may share a line with its translation."""
    text = text.rstrip()
    return (
        len(text) <= SHORT
        and "\n" not in text
        and not text.endswith((".", "?", "!"))
        and ". " not in text
        and "; " not in text
    )


def per_language(lang: str, build: Callable[[str], str]) -> str:
    """``build(lang)``; bilingual: ``build("cy")`` and ``build("en")``, each whole
    in its own language (take a value's part with ``part(value, lang)``), set as
    a label pair when both are short ('Dr Huw Davies (Practis 4 / GP practice 4)',
    the words they share given once), else a Welsh block then an English block."""
    if lang != BILINGUAL:
        return build(lang)
    return pair(build("cy"), build("en"))


def part(value: Any, lang: str) -> Any:
    """A value's text in ``lang`` ('cy' or 'en'): its part of a bilingual text, or
    a message rendered in that language; anything else as it is."""
    return _part(value, lang)


def pair(cy: str, en: str) -> str:
    """The Welsh and English of one text: short labels share a line, what both say
    alike given once ('Eitem / Item 3: Flu'); anything else as two blocks."""
    cy, en = str(cy), str(en)
    if cy == en:
        return en
    if is_label(cy) and is_label(en):
        ends = _shared_ends(cy.replace("{", "\0"), en.replace("{", "\0"), data=True)
        if ends is not None:
            p, s = ends
            mid = f"{cy[p : len(cy) - s].rstrip(' :')}{SEPARATOR}{en[p : len(en) - s].rstrip(' :')}"
            pad = cy[len(cy) - s :] if s else ""
            if cy[len(cy) - s - 1 : len(cy) - s] == " " and not pad.startswith(" "):
                pad = " " + pad
            return Bilingual(cy[:p] + mid + pad, cy, en)
        if not set(cy.split()) & set(en.split()):  # two labels with nothing in common
            return bilingual(cy, en)
    return Bilingual(f"{cy}\n{en}", cy, en)


def join(parts: Iterable[str], sep: str = ", ") -> str:
    """Texts joined; when some are bilingual, the Welsh list then the English list
    ('14 Mai 2026, 9 Gorffennaf 2026 / 14 May 2026, 9 July 2026')."""
    items = list(parts)
    if not any(isinstance(p, Bilingual) for p in items):
        return sep.join(items)
    return bilingual(
        sep.join(_part(p, "cy") for p in items), sep.join(_part(p, "en") for p in items)
    )


def _part(value: Any, lang: str) -> Any:
    """A parameter's text in ``lang``: its part of a bilingual text, or a message
    (secretary.domain.text.Msg, Name) rendered in that language."""
    if isinstance(value, Bilingual):
        return getattr(value, lang)
    render = getattr(value, "render", None)
    return render(lang) if callable(render) else value


def _shared_ends(cy: str, en: str, data: bool = False) -> tuple[int, int] | None:
    """The start and end the two templates share, cut at word or punctuation
    boundaries, when what differs between them is words only and the shared ends
    hold the placeholders: 'Eitem {n}: {title}' / 'Item {n}: {title}' share
    ('', ' {n}: {title}'); '{name} (Cadeirydd)' / '{name} (Chair)' share
    ('{name} (', ')'). None when a placeholder sits in the words that differ."""
    most = min(len(cy), len(en))
    p = 0
    while p < most and cy[p] == en[p]:
        p += 1
    # a template is cut at a word; a filled-in text only around a whole value
    starts, ends = ("(", "()") if data else (" (", " :().{")
    while p > 0 and cy[p - 1] not in starts:
        p -= 1
    s = 0
    while s < most - p and cy[-1 - s] == en[-1 - s]:
        s += 1
    while s > 0 and cy[len(cy) - s] not in ends:
        s -= 1
    mid_cy, mid_en = cy[p : len(cy) - s], en[p : len(en) - s]
    if not mid_cy.strip() or not mid_en.strip() or "{" in mid_cy + mid_en:
        return None
    shared = cy[:p] + cy[len(cy) - s :]
    if mid_cy.count("(") != mid_cy.count(")") or mid_en.count("(") != mid_en.count(")"):
        return None
    if data:  # filled-in texts: the shared words must be more than punctuation
        return (p, s) if any(c.isalnum() for c in shared) else None
    if "{" not in shared:
        return None
    return p, s


def in_language(lang: str, text: str, /, **params: Any) -> str:
    """``text`` in ``lang`` ('en', 'cy' or 'bilingual'), ``params`` filled in.

    Bilingual: the Welsh then the English, each with its own part of a bilingual
    parameter. When the two differ only in words around the same placeholders,
    those are given once: 'Eitem / Item 3: Flu campaign', 'Dr Rhian Evans
    (Cadeirydd / Chair)'."""
    if lang != BILINGUAL:
        translated = translate(text, lang)
        if not params:
            return translated
        return translated.format(**{k: _part(v, lang) for k, v in params.items()})
    cy, en = translate(text, "cy"), text
    if not params:
        return bilingual(cy, en)
    full_cy = cy.format(**{k: _part(v, "cy") for k, v in params.items()})
    full_en = en.format(**{k: _part(v, "en") for k, v in params.items()})
    ends = _shared_ends(cy, en)
    shared = ends is not None and not any(
        isinstance(v, Bilingual) or callable(getattr(v, "render", None)) for v in params.values()
    )
    if ends is not None and shared and is_label(full_cy) and is_label(full_en):
        p, s = ends
        mid_cy, mid_en = cy[p : len(cy) - s], en[p : len(en) - s]
        # a colon or dash ending one language's words goes: 'Cofnodion / Minutes of …'
        mid = bilingual(mid_cy.rstrip(" :—"), mid_en.rstrip(" :—"))
        pad = mid_cy[len(mid_cy.rstrip()) :] if s else ""
        text = cy[:p].format(**params) + mid + pad + cy[len(cy) - s :].format(**params)
        if "\n" not in mid:
            return Bilingual(text, full_cy, full_en)
    return bilingual(full_cy, full_en)


# --------------------------------------------------------------------------- dates, numbers

# ONE formatter for dates and numbers in every document and message: Babel, with
# the CLDR data of each language (the window uses QLocale, the same CLDR data).
LOCALES = {"en": "en_GB", "cy": "cy_GB"}
DATE_FORMS = {
    "weekday": "EEEE d MMMM y",  # 'Dydd Iau 14 Mai 2026'
    "long": "d MMMM y",  # '14 Mai 2026'
    "month": "MMMM y",  # 'Mai 2026'
    "column": "d MMM yy",  # '14 Mai 26': a narrow table column
    "short": "dd/MM/y",  # '14/05/2026': table cells
}


def _locale(lang: str | None) -> str:
    lang = lang or _language
    return LOCALES.get(lang, LOCALES["en"])


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value or "")
    except ValueError:
        return None


def format_date(value: dt.date | str | None, lang: str | None = None, form: str = "long") -> str:
    """A date in ``lang`` ('en', 'cy', 'bilingual'), in one of DATE_FORMS; a text
    that is not an ISO date comes back as it is. Bilingual: the Welsh, then the
    English ('14 Mai 2026 / 14 May 2026')."""
    lang = lang or _language
    d = _as_date(value)
    if d is None:
        return "" if value is None else str(value)
    if lang == BILINGUAL:
        return bilingual(format_date(d, "cy", form), format_date(d, "en", form))
    from babel.dates import format_date as babel_date

    return babel_date(d, DATE_FORMS[form], locale=_locale(lang))


def long_date(value: dt.date | str | None, lang: str | None = None, weekday: bool = True) -> str:
    """'Dydd Iau 14 Mai 2026' / 'Thursday 14 May 2026' (format_date)."""
    return format_date(value, lang, "weekday" if weekday else "long")


def number(n: int | float, lang: str | None = None) -> str:
    """A count or amount in ``lang``'s digits and grouping ('1,250')."""
    if type(n) is int and _locale(lang if lang != BILINGUAL else "en") == LOCALES["en"]:
        return f"{n:,}"  # what babel gives for en_GB, without importing it (replay's budget)
    from babel.numbers import format_decimal

    return format_decimal(n, locale=_locale(lang if lang != BILINGUAL else "en"))


def money(amount: float | int | None, pence: bool | None = True) -> str:
    """An amount of money, the same in Welsh and English; "" for no amount.

    '£18,500.00' (the documents), '£18,500' with ``pence=False``, and with
    ``pence=None`` pence only when there are any (the window: '£18,500', '£99.50')."""
    if amount is None:
        return ""
    if pence is None:
        pence = not float(amount).is_integer()
    if type(amount) in (int, float) and math.isfinite(amount):
        return _pounds(amount, pence)
    from babel.numbers import format_currency

    return format_currency(
        amount,
        "GBP",
        format=None if pence else "¤#,##0",
        locale=LOCALES["en"],
        currency_digits=pence,
    )


def _pounds(amount: float | int, pence: bool) -> str:
    """What babel's format_currency gives for GBP in en_GB (tests/test_i18n_money.py),
    without loading babel's locale data: the window's first paint shows amounts."""
    from decimal import ROUND_HALF_EVEN, Decimal

    value = Decimal(repr(amount)) if type(amount) is float else Decimal(amount)
    rounded = value.quantize(Decimal("0.01") if pence else Decimal(1), rounding=ROUND_HALF_EVEN)
    return f"{'-' if value.is_signed() else ''}£{abs(rounded):,}"


# --------------------------------------------------------------------------- plurals

# The CLDR plural categories. Welsh uses all six (0 zero, 1 one, 2 two, 3 few,
# 6 many, else other); English one and other. Babel holds the CLDR rules.
CATEGORIES = ("zero", "one", "two", "few", "many", "other")


@cache
def _plural_rule(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(_locale(lang)).plural_form


def plural_category(n: int, lang: str | None = None) -> str:
    """The CLDR plural category of ``n`` in ``lang`` ('cy': 3 -> 'few')."""
    if type(n) is int and _locale(lang) == LOCALES["en"]:
        return "one" if n in (1, -1) else "other"  # CLDR's English rule for whole numbers
    return str(_plural_rule(lang or _language)(abs(n)))


@cache
def plural_catalogue(lang: str) -> dict[str, dict[str, str]]:
    """The plural messages of ``lang``: English singular -> {category: text}."""
    if lang == "en":
        return {}
    path = resource("translations", f"{lang}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def ngettext(n: int, one: str, other: str, lang: str | None = None) -> str:
    """The template for ``n`` of a counted message (English ``one``/``other``):
    in Welsh the form of n's CLDR category, written so that no noun from data
    follows a mutating word ("{n} o bleidleisiau", "{tags} ({n})")."""
    lang = lang or _language
    category = plural_category(n, lang if lang in LANGUAGES else "en")
    forms = plural_catalogue(lang).get(one) if lang != "en" else None
    if forms:
        return forms.get(category) or forms.get("other") or other
    return one if plural_category(n, "en") == "one" else other


def plural(n: int, one: str, other: str, /, **params: Any) -> str:
    """A counted message in the current language, ``{n}`` filled in."""
    template = ngettext(n, one, other)
    return template.format(n=number(n), **params)
