"""JSON as ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it, faster.

The standard library indents only in pure Python (its C encoder does not indent
before Python 3.13); a 2,000-event replay report took a tenth of the command's
budget there. This writer gives the same text, character for character, for
the values a report holds (dicts with text keys, lists, text, whole numbers,
floats, booleans, None); any other value goes to the standard library.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

from secretary.errors import SecretaryError

_INDENT = "  "


class _Unusual(SecretaryError):
    """A value this writer leaves to the standard library (never seen outside)."""


def dumps(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``."""
    try:
        parts: list[str] = []
        _write(value, 0, parts)
        return "".join(parts)
    except (_Unusual, RecursionError):
        return json.dumps(value, indent=2, ensure_ascii=False)


def _float(x: float) -> str:
    if x != x or x in (float("inf"), float("-inf")):
        raise _Unusual  # NaN and the infinities: as the standard library words them
    return float.__repr__(x)


_WORDS = {None: "null", True: "true", False: "false"}


def _write(value: Any, level: int, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is dict:
        _write_dict(value, level, out)
    elif kind is list or kind is tuple:
        _write_list(value, level, out)
    elif value is None or kind is bool:
        out.append(_WORDS[value])
    elif kind is float:
        out.append(_float(value))
    else:
        raise _Unusual


def _write_dict(value: dict[Any, Any], level: int, out: list[str]) -> None:
    if not value:
        out.append("{}")
        return
    append = out.append
    between = ",\n" + _INDENT * (level + 1)
    append("{\n" + _INDENT * (level + 1))
    first = True
    for key, item in value.items():
        if type(key) is not str:
            raise _Unusual
        if not first:
            append(between)
        first = False
        append(encode_basestring(key))
        append(": ")
        kind = type(item)
        if kind is str:
            append(encode_basestring(item))
        elif kind is int:
            append(int.__repr__(item))
        else:
            _write(item, level + 1, out)
    append("\n" + _INDENT * level + "}")


def _write_list(value: list[Any] | tuple[Any, ...], level: int, out: list[str]) -> None:
    if not value:
        out.append("[]")
        return
    append = out.append
    between = ",\n" + _INDENT * (level + 1)
    append("[\n" + _INDENT * (level + 1))
    first = True
    for item in value:
        if not first:
            append(between)
        first = False
        kind = type(item)
        if kind is str:
            append(encode_basestring(item))
        elif kind is int:
            append(int.__repr__(item))
        else:
            _write(item, level + 1, out)
    append("\n" + _INDENT * level + "]")
