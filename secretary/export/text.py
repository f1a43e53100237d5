"""Text the secretary typed, made safe for a Word document; dates and money in words.

Pure Python (no python-docx): the snapshot and the tests use it too.

``clean`` keeps every character Word can store and drops the ones it cannot:
the C0 control characters except tab and newline (pasted from email, a PDF
or a terminal), DEL and the C1 controls, lone UTF-16 surrogates, and the
non-characters U+FFFE/U+FFFF. Carriage returns become newlines. Welsh
diacritics, emoji and right-to-left scripts are kept as they are.
"""

from __future__ import annotations

import datetime as dt
import re

from secretary.i18n import Bilingual
from secretary.i18n import long_date as i18n_long_date
from secretary.i18n import money as i18n_money

# XML 1.0 forbids C0 controls other than TAB, LF, CR; lone surrogates cannot be
# encoded; U+FFFE/U+FFFF are not characters. DEL and C1 controls are legal XML
# but Word shows them as boxes or refuses some of them: drop them too.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


# Terminal colour codes pasted from a console ("\x1b[0m"): drop the whole sequence.
_ANSI = re.compile("\x1b\\[[0-9;?]*[ -/]*[@-~]")
_EMBED_OPEN = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO, closed by PDF U+202C
_ISOLATE_OPEN = "\u2066\u2067\u2068"  # LRI RLI FSI, closed by PDI U+2069


def clean(text: object) -> str:
    """``text`` as a string Word accepts: illegal characters removed, newlines as '\\n'.

    Bidirectional overrides and isolates left open on a line are closed at its end,
    so a right-to-left override typed into a name cannot reverse the words the
    document prints after it. Cleaning twice changes nothing more.
    """
    if isinstance(text, Bilingual):  # both languages' parts stay usable (issue 8)
        return Bilingual(clean(str.__str__(text)), clean(text.cy), clean(text.en))
    s = "" if text is None else str(text)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    # Unicode line/paragraph separators and vertical tab/form feed are line breaks
    # to the person who typed them.
    s = s.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x0b", "\n")
    s = s.replace("\x0c", "\n")
    s = _ILLEGAL.sub("", _ANSI.sub("", s))
    if any(c in s for c in _EMBED_OPEN + _ISOLATE_OPEN):
        s = "\n".join(_close_bidi(line) for line in s.split("\n"))
    return s


def _close_bidi(line: str) -> str:
    stack: list[str] = []
    for c in line:
        if c in _EMBED_OPEN:
            stack.append("\u202c")
        elif c in _ISOLATE_OPEN:
            stack.append("\u2069")
        elif c == "\u202c" and stack and stack[-1] == "\u202c":
            stack.pop()
        elif c == "\u2069" and "\u2069" in stack:
            # A PDI closes its isolate and any embedding opened inside it.
            while stack.pop() != "\u2069":
                pass
    return line + "".join(reversed(stack))


def paragraphs(text: object) -> list[str]:
    """The lines of ``text`` (cleaned), one per paragraph; blank lines dropped."""
    return [line for line in clean(text).split("\n") if line.strip()]


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def long_date(value: str | None, lang: str = "en", weekday: bool = True) -> str:
    """'Thursday 14 May 2026' (the input itself if it is not an ISO date)."""
    d = parse_date(value)
    if d is None:
        return clean(value or "")
    # Welsh 'Dydd Iau 14 Mai 2026'; bilingual: the two dates, Welsh first (issue 8).
    return i18n_long_date(d, lang, weekday)


def short_date(value: str | None) -> str:
    """'14/05/2026', the UK form for table cells (the input itself if not a date)."""
    d = parse_date(value)
    if d is None:
        return clean(value or "")
    return d.strftime("%d/%m/%Y")


def money(amount: float | int | None) -> str:
    """'£18,500.00' (always with pence in a document); an empty string for no amount."""
    return i18n_money(amount)


def safe_filename(name: str) -> str:
    """A file name that Windows, macOS and Linux all accept."""
    s = clean(name).replace("\n", " ").replace("\t", " ")
    s = re.sub(r'[<>:"/\\|?*]', "-", s)
    s = re.sub(r"\s+", " ", s).strip().strip(".")
    return s[:180] or "meeting"
