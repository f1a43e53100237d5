"""Reading the attendance report Microsoft Teams downloads, and matching it to a meeting.

Pure Python: no Qt, no database. Remote members join a hybrid cluster meeting through
Teams, whose attendance report already holds who joined and left when; this reads it so
the secretary does not re-type it (``secretary.app.teams`` records what the secretary
confirms).

The file, as Teams downloads it ("Download attendance list"), is UTF-16 text with a
byte-order mark and tab-separated columns, although it is named ``.csv``. Since 2021 it
has numbered sections, whose titles follow the organiser's language::

    1. Summary
    Meeting title	Upper Valleys Cluster Meeting
    Attended participants	9
    Start time	14/05/2026, 12:58:03
    End time	14/05/2026, 15:32:10
    ...
    2. Participants
    Name	First Join	Last Leave	In-Meeting Duration	Email	Participant ID (UPN)	Role
    Dr Rhian Evans (SBUHB)	14/05/2026, 12:58:03	14/05/2026, 15:32:10	2h 34m 7s	...
    3. In-Meeting Activities
    Name	Join Time	Leave Time	Duration	Email	Role
    (one row per time a participant joined: a dropped and rejoined call is two rows)

Older reports (2020–21) have no numbered sections: a "Meeting Summary" then one row per
participant ("Full Name, Join Time, Leave Time, …"), or one row per action ("Full Name,
User Action, Timestamp" with Joined / Left). Dates follow the organiser's locale
("14/05/2026, 13:02:11", "5/14/26, 1:02:11 PM", Welsh "yb"/"yh"): day and month are
told apart by the meeting's own date. Columns are found by their names in English or
Welsh, else by their shape (the name first, times next, an address with "@").

Anything else — a roster CSV, a spreadsheet, an empty file — is refused with one line
saying so (``TeamsReportError``), and nothing is recorded.

One module (over 400 lines): reading the report and matching its people to the meeting
are one pipeline over the same parsed rows, with no other user.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from secretary.errors import SecretaryError
from secretary.i18n import _

MAX_BYTES = 5_000_000  # a report of a few hundred participants is a few tens of kB

# Column names, lower-cased, in English and in Welsh (Teams' Welsh interface).
NAME_COLUMNS = {"name", "full name", "enw", "enw llawn", "display name"}
JOIN_COLUMNS = {"first join", "join time", "ymuno gyntaf", "amser ymuno", "joined"}
LEAVE_COLUMNS = {"last leave", "leave time", "gadael ddiwethaf", "amser gadael", "left"}
EMAIL_COLUMNS = {"email", "e-bost", "participant id (upn)", "upn"}
ROLE_COLUMNS = {"role", "rôl", "rol"}
ACTION_COLUMNS = {"user action", "action", "gweithred"}
TIMESTAMP_COLUMNS = {"timestamp", "stamp amser", "amser"}
JOINED_WORDS = {"joined", "joined before", "ymunodd", "ymunodd cyn"}
LEFT_WORDS = {"left", "gadawodd"}

_SECTION = re.compile(r"^\s*(\d)\.\s+\S")
_AMPM = {
    "am": "AM",
    "a.m.": "AM",
    "yb": "AM",
    "y.b.": "AM",
    "pm": "PM",
    "p.m.": "PM",
    "yh": "PM",
    "y.h.": "PM",
}
_TITLES = {
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "prof",
    "professor",
    "sir",
    "dame",
    "cllr",
    "rev",
    "revd",
    "parch",
}


class TeamsReportError(SecretaryError):
    """A file that is not a Teams attendance report (the message says which and why)."""


@dataclass(frozen=True)
class Session:
    """One stretch of time a participant was in the call."""

    joined: dt.datetime
    left: dt.datetime | None  # None: still in the call when the report was made


@dataclass
class Participant:
    name: str
    email: str = ""
    role: str = ""
    sessions: list[Session] = field(default_factory=list)

    @property
    def first_join(self) -> dt.datetime:
        return min(s.joined for s in self.sessions)

    @property
    def last_leave(self) -> dt.datetime | None:
        if any(s.left is None for s in self.sessions):
            return None
        return max(s.left for s in self.sessions if s.left is not None)


@dataclass
class TeamsReport:
    title: str
    start: dt.datetime | None
    end: dt.datetime | None
    participants: list[Participant]


# --------------------------------------------------------------------------- reading


def decode(data: bytes) -> str:
    """The report's text: UTF-16 (as Teams writes it) or UTF-8 (once re-saved)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data[:200].count(b"\x00") > 20:  # UTF-16 without its mark
        return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        cells = [c.strip().strip('"').strip() for c in line.split("\t")]
        rows.append(cells if any(cells) else [])
    return rows


def _key(cell: str) -> str:
    return re.sub(r"\s+", " ", cell.strip().lower())


def _find(header: Sequence[str], names: set[str]) -> int | None:
    for i, cell in enumerate(header):
        if _key(cell) in names:
            return i
    return None


def parse_when(value: str, meeting_date: dt.date | None) -> dt.datetime | None:
    """A Teams date and time in any locale it writes ("14/05/2026, 13:02:11",
    "5/14/26, 1:02:11 PM", "2026-05-14 13:02", "1:02 yh"), or None. Day and month
    are told apart by ``meeting_date``; a time alone takes that date."""
    text = value.strip().replace("\u202f", " ").replace("\u00a0", " ")
    if not text:
        return None
    m = re.fullmatch(
        r"(?:(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4}),?\s+)?"
        r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPpYy]\.?[MmBbHh]\.?)?",
        text,
    )
    if not m:
        return None
    a, b, c, hh, mm, ss, ampm = m.groups()
    hour, minute, second = int(hh), int(mm), int(ss or 0)
    if ampm:
        half = _AMPM.get(ampm.lower())
        if half is None or not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "PM" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    day: dt.date | None
    if a is None:
        if meeting_date is None:
            return None
        day = meeting_date
    else:
        day = _date(int(a), int(b), int(c), len(a), len(c), meeting_date)
        if day is None:
            return None
    return dt.datetime.combine(day, dt.time(hour, minute, second))


def _date(a: int, b: int, c: int, len_a: int, len_c: int, hint: dt.date | None) -> dt.date | None:
    candidates: list[dt.date] = []

    def add(y: int, mo: int, d: int) -> None:
        if y < 100:
            y += 2000
        with contextlib.suppress(ValueError):  # 31/02: no such day
            candidates.append(dt.date(y, mo, d))

    if len_a == 4:  # 2026-05-14
        add(a, b, c)
    else:
        add(c, b, a)  # 14/05/2026 (day first: Britain, Wales)
        add(c, a, b)  # 5/14/26 (month first: the United States)
    if not candidates:
        return None
    if hint is not None:
        for d in candidates:
            if d == hint:
                return d
        return min(candidates, key=lambda d: abs((d - hint).days))
    return candidates[0]


def read_report(
    data: bytes, where: str = "the file", meeting_date: dt.date | None = None
) -> TeamsReport:
    """The report in ``data`` (the file's bytes). Raises TeamsReportError, naming
    ``where``, for anything that is not a Teams attendance report."""
    if len(data) > MAX_BYTES:
        raise TeamsReportError(
            _(
                "{where}: too large for a Teams attendance report ({size} bytes)",
                where=where,
                size=len(data),
            )
        )
    try:
        text = decode(data)
    except UnicodeDecodeError:
        text = ""
    rows = _rows(text)
    title, start, end = _summary(rows, meeting_date)
    hint = meeting_date or (start.date() if start else None)
    participants = _participants(rows, hint)
    if participants is None:
        raise TeamsReportError(
            _(
                "{where}: not a Microsoft Teams attendance report: it has no list of "
                "participants with join and leave times",
                where=where,
            )
        )
    return TeamsReport(title=title, start=start, end=end, participants=participants)


def _summary(
    rows: list[list[str]], meeting_date: dt.date | None
) -> tuple[str, dt.datetime | None, dt.datetime | None]:
    title, start, end = "", None, None
    for row in rows[:40]:
        if len(row) < 2:
            continue
        key = _key(row[0])
        if key in ("meeting title", "teitl y cyfarfod", "title"):
            title = row[1]
        elif key in ("start time", "meeting start time", "amser dechrau"):
            start = parse_when(row[1], meeting_date)
        elif key in ("end time", "meeting end time", "amser gorffen", "amser diwedd"):
            end = parse_when(row[1], meeting_date)
    return title, start, end


def _participants(rows: list[list[str]], hint: dt.date | None) -> list[Participant] | None:
    """Every participant with their sessions: from the activities section (one row per
    session) when there is one, else the participants section, else the old
    one-row-per-action list. None when no table of participants is found."""
    tables = list(_tables(rows, hint))
    by_kind: dict[str, list[list[str]]] = {}
    headers: dict[str, list[str]] = {}
    for kind, header, body in tables:
        if kind not in by_kind:
            by_kind[kind], headers[kind] = body, header
    if "actions" in by_kind:
        return _from_actions(headers["actions"], by_kind["actions"], hint)
    sessions = by_kind.get("activities") or by_kind.get("participants")
    if sessions is None:
        return None
    kind = "activities" if "activities" in by_kind else "participants"
    found = _from_sessions(headers[kind], sessions, hint)
    if kind == "activities" and "participants" in by_kind:
        # the participants section holds each one's role and address reliably
        extra = _from_sessions(headers["participants"], by_kind["participants"], hint) or []
        for p in found or []:
            twin = next((q for q in extra if q.name == p.name), None)
            if twin is not None:
                p.email, p.role = p.email or twin.email, p.role or twin.role
    return found


def _tables(
    rows: list[list[str]], hint: dt.date | None
) -> Iterable[tuple[str, list[str], list[list[str]]]]:
    """(kind, header, rows) for each table of people: kind is "participants" (section 2
    or an old one-row-per-person list), "activities" (section 3) or "actions"."""
    section = 0
    i = 0
    while i < len(rows):
        row = rows[i]
        if len(row) == 1 and _SECTION.match(row[0]):
            section = int(_SECTION.match(row[0]).group(1))  # type: ignore[union-attr]
            i += 1
            continue
        if len(row) >= 3 and _is_header(row, rows[i + 1 : i + 4], hint):
            body = []
            j = i + 1
            while j < len(rows) and len(rows[j]) >= 2 and not _SECTION.match(rows[j][0]):
                body.append(rows[j])
                j += 1
            if _find(row, ACTION_COLUMNS) is not None:
                kind = "actions"
            elif section == 3:
                kind = "activities"
            else:
                kind = "participants"
            yield kind, row, body
            i = j
            continue
        i += 1


def _is_header(row: list[str], following: list[list[str]], hint: dt.date | None) -> bool:
    """A header row of a people table: a name column by its name, or a row of words
    followed by rows whose second and third cells are times."""
    if _find(row, NAME_COLUMNS) is not None and (
        _find(row, JOIN_COLUMNS) is not None or _find(row, ACTION_COLUMNS) is not None
    ):
        return True
    if any(parse_when(c, hint) for c in row):
        return False
    data = [r for r in following if len(r) >= 3]
    return bool(data) and all(
        parse_when(r[1], hint) is not None or parse_when(r[2], hint) is not None for r in data
    )


def _columns(header: list[str], body: list[list[str]]) -> dict[str, int | None]:
    cols: dict[str, int | None] = {
        "name": _find(header, NAME_COLUMNS),
        "join": _find(header, JOIN_COLUMNS),
        "leave": _find(header, LEAVE_COLUMNS),
        "email": _find(header, EMAIL_COLUMNS),
        "role": _find(header, ROLE_COLUMNS),
    }
    # By shape where the names are not ones we know: name first, join and leave next.
    if cols["name"] is None:
        cols["name"] = 0
    if cols["join"] is None and len(header) > 1:
        cols["join"] = 1
    if cols["leave"] is None and len(header) > 2:
        cols["leave"] = 2
    if cols["email"] is None:
        for i in range(len(header)):
            if any("@" in (r[i] if i < len(r) else "") for r in body):
                cols["email"] = i
                break
    return cols


def _cell(row: list[str], i: int | None) -> str:
    return row[i] if i is not None and i < len(row) else ""


def _from_sessions(
    header: list[str], body: list[list[str]], hint: dt.date | None
) -> list[Participant] | None:
    cols = _columns(header, body)
    people: dict[str, Participant] = {}
    for row in body:
        name = _cell(row, cols["name"])
        joined = parse_when(_cell(row, cols["join"]), hint)
        if not name or joined is None:
            continue
        left = parse_when(_cell(row, cols["leave"]), hint)
        if left is not None and left < joined:
            left = None
        email = _cell(row, cols["email"])
        key = (email or name).lower()
        p = people.setdefault(key, Participant(name=name))
        p.email = p.email or (email if "@" in email else "")
        p.role = p.role or _cell(row, cols["role"])
        p.sessions.append(Session(joined, left))
    if not people:
        return None
    for p in people.values():
        p.sessions = _merged(p.sessions)
    return sorted(people.values(), key=lambda p: p.first_join)


def _from_actions(
    header: list[str], body: list[list[str]], hint: dt.date | None
) -> list[Participant] | None:
    name_col = _find(header, NAME_COLUMNS) or 0
    action_col = _find(header, ACTION_COLUMNS)
    stamp_col = _find(header, TIMESTAMP_COLUMNS)
    if stamp_col is None:
        stamp_col = 2
    people: dict[str, Participant] = {}
    open_since: dict[str, dt.datetime] = {}
    for row in body:
        name = _cell(row, name_col)
        what = _key(_cell(row, action_col))
        when = parse_when(_cell(row, stamp_col), hint)
        if not name or when is None:
            continue
        p = people.setdefault(name.lower(), Participant(name=name))
        if what in JOINED_WORDS:
            open_since.setdefault(name.lower(), when)
        elif what in LEFT_WORDS and name.lower() in open_since:
            p.sessions.append(Session(open_since.pop(name.lower()), when))
    for key, since in open_since.items():
        people[key].sessions.append(Session(since, None))
    found = [p for p in people.values() if p.sessions]
    if not found:
        return None
    for p in found:
        p.sessions = _merged(p.sessions)
    return sorted(found, key=lambda p: p.first_join)


def _merged(sessions: list[Session]) -> list[Session]:
    """Sessions in order, overlapping ones (two devices at once) made one."""
    out: list[Session] = []
    for s in sorted(sessions, key=lambda s: s.joined):
        if out and (out[-1].left is None or s.joined <= out[-1].left):
            last = out[-1]
            left = None if last.left is None or s.left is None else max(last.left, s.left)
            out[-1] = Session(last.joined, left)
        else:
            out.append(s)
    return out


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class Candidate:
    """Someone of the meeting a participant may be."""

    id: str
    name: str
    email: str = ""


@dataclass(frozen=True)
class Match:
    participant: Participant
    person: str | None  # the meeting's person id, None when nobody fits
    score: int  # 100: the same address; else how alike the names are (0-100)
    how: str  # "email" | "name" | "none"

    @property
    def sure(self) -> bool:
        return self.how == "email" or self.score >= SURE


SURE = 90  # names this alike are taken as the same person (still shown to confirm)
POSSIBLE = 75  # below this, no match is proposed


def plain_name(name: str) -> str:
    """'Dr Rhian Evans (SBUHB)' -> 'rhian evans'; 'Evans, Rhian' -> 'rhian evans':
    what Teams adds to a name (organisation, "Guest", "External") and titles gone."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", name)
    if "," in text:
        last, _sep, first = text.partition(",")
        text = f"{first} {last}"
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = [w for w in re.split(r"[^a-z0-9']+", text) if w and w.strip(".") not in _TITLES]
    return " ".join(words)


def _similarity(a: str, b: str) -> int:
    from rapidfuzz import fuzz

    if not a or not b:
        return 0
    return int(round(max(fuzz.token_sort_ratio(a, b), fuzz.token_set_ratio(a, b) - 5)))


def match_participants(
    participants: Sequence[Participant], people: Sequence[Candidate]
) -> list[Match]:
    """Each participant with the meeting's person they most likely are: the same
    address first, then the most alike name (each person taken once, best first)."""
    matches: dict[int, Match] = {}
    taken: set[str] = set()
    by_email = {c.email.lower(): c for c in people if c.email}
    for i, p in enumerate(participants):
        c = by_email.get(p.email.lower()) if p.email else None
        if c is not None and c.id not in taken:
            matches[i] = Match(p, c.id, 100, "email")
            taken.add(c.id)
    scored = sorted(
        (
            (_similarity(plain_name(p.name), plain_name(c.name)), i, c.id)
            for i, p in enumerate(participants)
            if i not in matches
            for c in people
            if c.id not in taken
        ),
        reverse=True,
    )
    for score, i, pid in scored:
        if score < POSSIBLE:
            break
        if i in matches or pid in taken:
            continue
        matches[i] = Match(participants[i], pid, score, "name")
        taken.add(pid)
    return [matches.get(i) or Match(p, None, 0, "none") for i, p in enumerate(participants)]
