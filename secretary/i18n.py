"""Translation catalogue for the layers below the GUI (domain, export, CLI).

Messages are marked with ``_("English text {name}")`` and formatted with
keyword arguments after translation, so a translator sees whole sentences.
Catalogues are JSON files ``resources/translations/<lang>.json`` mapping the
English text to its translation. The GUI uses Qt's own translator for its
widgets and this module for text that comes from the engine.
"""

from __future__ import annotations

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


def in_language(lang: str, text: str, /, **params: Any) -> str:
    translated = translate(text, lang)
    return translated.format(**params) if params else translated


def plural(n: int, one: str, many: str, /, **params: Any) -> str:
    """Pick the singular or plural message for ``n`` (``{n}`` is filled in)."""
    return _(one if n == 1 else many, n=n, **params)
