"""``QT_TRANSLATE_NOOP`` with the type it really has.

Marks a string for the translation tools (lupdate and scripts/i18n.py find it by
this name) and returns it unchanged; Qt's own is typed as returning ``object``,
which would make every table of such strings untyped.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
