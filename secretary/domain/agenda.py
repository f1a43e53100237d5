"""What an agenda item is called, in the reader's language.

Events hold facts, not words: a standing item is stored by its key
(``standing: "declarations"``, and for the minutes item the date of the meeting
whose minutes they are, ``of_date``), and an item listing a decision taken outside
meetings by its reference (``decision``, ``decision_kind``, ``decided_on``) with
the decision's own title. ``item_heading`` gives the item's heading as a message
that the window and the exports render in their reader's language; nothing here
translates.

Records made before this stored standing titles already in words, English or
Welsh: ``standing_key`` recognises those words (with the "(date)" of the minutes
item), so such items render in the reader's language too. The events themselves
are never rewritten: the log is append-only and approved minutes are fingerprinted.
"""

from __future__ import annotations

import re
from typing import Any

from secretary.domain.text import Day, Msg, Name, msg

# The standing items of every agenda, in order: before the meeting's own items, and after.
STANDING_START = ("apologies", "declarations", "minutes", "matters-arising")
STANDING_END = ("aob",)
_ITEM_NUMBER = re.compile(r"^\d{1,3}[a-z]?(\.\d{1,2})?$")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
REMOTE = "remote"  # a decision taken remotely (3.2.7): for ratification
URGENT = "urgent"  # the Cluster Lead's urgent action (3.2.9): for noting


def standing_title(key: str) -> Msg | None:
    """The heading of a standing item, or None for a key that is not one."""
    titles = {
        "apologies": msg("Welcome, introductions and apologies"),
        "declarations": msg("Declarations of interest"),
        "minutes": msg("Minutes of the previous meeting"),
        "matters-arising": msg("Matters arising and action log"),
        "aob": msg("Any other business"),
    }
    return titles.get(key)


# The words earlier versions stored for each standing item, in English and Welsh.
_STORED_WORDS = {
    "apologies": ("Welcome, introductions and apologies", "Croeso, cyflwyniadau ac ymddiheuriadau"),
    "declarations": ("Declarations of interest", "Datganiadau o fuddiant"),
    "minutes": ("Minutes of the previous meeting", "Cofnodion y cyfarfod blaenorol"),
    "matters-arising": ("Matters arising and action log", "Materion yn codi a'r log gweithredu"),
    "aob": ("Any other business", "Unrhyw fater arall"),
}
_MONTHS = {
    name.casefold(): n
    for names in (
        (
            "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December",
        ),
        (
            "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf",
            "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
        ),
    )
    for n, name in enumerate(names, start=1)
}  # fmt: skip
_DATED = re.compile(r"^(?P<title>.*?)\s*\((?P<day>\d{1,2}) (?P<month>\w+) (?P<year>\d{4})\)$")


def standing_key(title: str) -> tuple[str, str] | None:
    """(key, of_date) of a standing item's title as stored in words by earlier
    versions (English or Welsh; the minutes item perhaps with its date), or None."""
    text = " ".join(title.split())
    of_date = ""
    dated = _DATED.match(text)
    if dated is not None and dated.group("month").casefold() in _MONTHS:
        month = _MONTHS[dated.group("month").casefold()]
        of_date = f"{int(dated.group('year')):04d}-{month:02d}-{int(dated.group('day')):02d}"
        text = dated.group("title")
    for key, words in _STORED_WORDS.items():
        if text.casefold() in (w.casefold() for w in words):
            return key, of_date
    return None


_OUTSIDE_WORDS = (
    re.compile(
        r"^(?P<kind>Remote decision|Chair's urgent action) of (?P<day>\d{1,2}) (?P<month>\w+) "
        r"(?P<year>\d{4}) (?:for ratification|for noting): (?P<title>.+)$",
        re.S,
    ),
    re.compile(
        r"^(?P<kind>Penderfyniad o bell|Cam gweithredu brys y Cadeirydd) ar (?P<day>\d{1,2}) "
        r"(?P<month>\w+) (?P<year>\d{4}) (?:i'w gadarnhau|i'w nodi): (?P<title>.+)$",
        re.S,
    ),
)
_REMOTE_WORDS = ("Remote decision", "Penderfyniad o bell")


def outside_reference(title: str) -> tuple[str, str, str] | None:
    """(kind, decided_on, the decision's own title) of an outside decision's agenda
    item as stored in words by earlier versions (English or Welsh), or None."""
    for pattern in _OUTSIDE_WORDS:
        found = pattern.match(title.strip())
        if found is None or found.group("month").casefold() not in _MONTHS:
            continue
        month = _MONTHS[found.group("month").casefold()]
        day = f"{int(found.group('year')):04d}-{month:02d}-{int(found.group('day')):02d}"
        kind = REMOTE if found.group("kind") in _REMOTE_WORDS else URGENT
        return kind, day, found.group("title")
    return None


def outside_heading(kind: str, decided_on: str, title: str) -> Msg:
    """'Remote decision of 2 June 2026 for ratification: Extra physiotherapy sessions'."""
    if kind == REMOTE:
        what, purpose = msg("Remote decision"), msg("for ratification")
    else:
        what, purpose = msg("Chair's urgent action"), msg("for noting")
    return msg(
        "{kind} of {date} {purpose}: {title}",
        kind=what,
        date=Day(decided_on),
        purpose=purpose,
        title=Name(title),
    )


def item_heading(item: Any) -> Msg | Name:
    """The heading of an agenda item (a ``meeting.Item``): a standing item's in the
    reader's language, an outside decision's with its kind and date, else the
    title as the secretary typed it."""
    if item.decision_kind and item.decided_on:
        return outside_heading(item.decision_kind, item.decided_on, item.title)
    title = standing_title(item.standing) if not item.title else None
    if title is None:
        return Name(item.title)
    if item.standing == "minutes" and item.of_date:
        return msg("{title} ({date})", title=title, date=Day(item.of_date))
    return title


def item_label(item: Any, lang: str | None = None) -> str:
    """'UVC/26/02 Declarations of interest': reference and heading, rendered."""
    heading = item_heading(item).render(lang)
    return f"{item.reference} {heading}".strip() if item.reference else heading


def item_labels(meeting: Any) -> dict[str, str]:
    """The number each item is printed with: its own id when every id looks like an
    item number ("4", "4a", "4.1"); otherwise its position among the items, and a
    sub-item its item's number and a letter (3a, 3b)."""
    agenda, items = meeting.agenda, meeting.items
    # Ids are printed only while they read in agenda order: an item moved, or added
    # with a generated id, would otherwise print "1, 2, 6, 5" — then every item is
    # numbered by its place.
    if all(_ITEM_NUMBER.match(iid) for iid in agenda) and _in_order(agenda):
        return {iid: iid for iid in agenda}
    labels: dict[str, str] = {}
    n = 0
    for iid in agenda:
        parent = items[iid].parent
        if parent is None or parent not in items:
            n += 1
            labels[iid] = str(n)
    letters: dict[str, int] = {}
    for iid in agenda:
        parent = items[iid].parent
        if parent is not None and parent in labels:
            k = letters.get(parent, 0)
            letters[parent] = k + 1
            labels[iid] = labels[parent] + (_LETTERS[k] if k < len(_LETTERS) else f".{k + 1}")
    return labels


def _in_order(ids: list[str] | tuple[str, ...]) -> bool:
    """Whether item numbers such as "4", "4a", "4.1", "5" rise along the agenda."""

    def key(iid: str) -> tuple[int, str, int]:
        match = re.match(r"^(\d+)([a-z]?)(?:\.(\d+))?$", iid)
        assert match is not None
        return int(match[1]), match[2], int(match[3] or 0)

    keys = [key(iid) for iid in ids]
    return all(a < b for a, b in zip(keys, keys[1:], strict=False))


def purpose_words(purpose: str) -> Msg | None:
    """'for decision', … : an item's purpose as agendas print it; None for none."""
    words = {
        "decision": msg("for decision"),
        "discussion": msg("for discussion"),
        "information": msg("for information"),
        "ratification": msg("for ratification"),
        "noting": msg("for noting"),
    }
    return words.get(purpose)
