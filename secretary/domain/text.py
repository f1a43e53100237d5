"""Messages that render in any language, so one judgement serves the live
screen, the English minutes and the Welsh minutes alike."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Union

from secretary.i18n import BILINGUAL, Bilingual, language, ngettext, number, translate
from secretary.i18n import pair as bilingual


@dataclass(frozen=True)
class Name:
    """A proper name given by a terms file in English and, optionally, Welsh."""

    en: str
    cy: str = ""

    def render(self, lang: str | None = None) -> str:
        if lang == BILINGUAL:
            return bilingual(self.render("cy"), self.en)
        if (lang or language()) == "cy" and self.cy:
            return self.cy
        return self.en

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Day:
    """A date (ISO text) written out in the reader's language: '14 May 2026', '14 Mai 2026'."""

    iso: str

    def render(self, lang: str | None = None) -> str:
        from secretary.i18n import long_date

        return long_date(self.iso, lang, weekday=False)

    def __str__(self) -> str:
        return self.render()


Param = Union[str, int, "Msg", Name, "Joined", Day]


def _render(value: Any, lang: str | None) -> Any:
    if isinstance(value, (Msg, Name, Joined, Day)):
        return value.render(lang)
    if isinstance(value, Bilingual) and lang in ("cy", "en"):
        return getattr(value, lang)
    return value


@dataclass(frozen=True)
class Msg:
    """A catalogue message with its parameters, rendered on demand."""

    text: str
    params: tuple[tuple[str, Any], ...] = ()
    # A counted message: ``text`` is the English singular, ``other`` the English
    # plural; the catalogue gives each CLDR category its own Welsh (see plural()).
    other: str | None = None
    count: int = 0

    @classmethod
    def of(cls, text: str, **params: Any) -> Msg:
        return cls(text, tuple(params.items()))

    def render(self, lang: str | None = None) -> str:
        if lang == BILINGUAL:  # the Welsh, then the English
            return bilingual(self.render("cy"), self.render("en"))
        if self.other is not None:
            template = ngettext(self.count, self.text, self.other, lang)
            params = {k: _render(v, lang) for k, v in self.params}
            return template.format(**params, n=number(self.count, lang))
        template = translate(self.text, lang)
        if not self.params:
            return template
        return template.format(**{k: _render(v, lang) for k, v in self.params})

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Joined:
    """Parts joined by a separator message, e.g. '; ' or ', ' … ' or '."""

    parts: tuple[Any, ...]
    style: str = "semicolon"  # semicolon | or | and

    def render(self, lang: str | None = None) -> str:
        if lang == BILINGUAL:
            return bilingual(self.render("cy"), self.render("en"))
        rendered = [str(_render(p, lang)) for p in self.parts]
        if self.style == "semicolon":
            return "; ".join(rendered)
        if len(rendered) <= 1:
            return "".join(rendered)
        if (lang or language()) == "cy":
            # 'neu'/'a' would mutate the next word, and a name from data cannot be
            # mutated: Welsh lists the parts, and the message says "one of" / "all of"
            return ", ".join(rendered)
        last = translate("or" if self.style == "or" else "and", lang)
        return f"{', '.join(rendered[:-1])} {last} {rendered[-1]}"

    def __str__(self) -> str:
        return self.render()


def msg(text: str, **params: Any) -> Msg:
    return Msg.of(text, **params)


def plural(n: int, one: str, other: str, **params: Any) -> Msg:
    """A counted message: '{n} vote' / '{n} votes' in English, and in Welsh the
    catalogue's form for n's CLDR category (zero, one, two, few, many, other)."""
    return Msg(one, tuple(params.items()), other, n)


def joined(parts: Iterable[Any], style: str = "semicolon") -> Joined:
    return Joined(tuple(parts), style)
