"""A cluster's roster as data, and reading a roster from a CSV file.

Pure Python: no Qt, no database. A ``RosterEntry`` is one person the cluster
expects at its meetings: a **member** holding a seat of the terms of
reference, a **deputy** standing in for a seat, or an **attendee** with no seat
("in attendance", invited guests). When a meeting is created each entry becomes
a ``person_added`` event (``RosterEntry.to_event``).

The CSV format is documented in ``docs/roster-csv.md``. ``parse_roster_csv``
never raises on bad input: it returns the good entries and a list of
``RowError``, each naming the row (the spreadsheet row number, the header being
row 1), the column and what is wrong, so a secretary can fix the file.

One module (over 400 lines): the roster entry, its checks and the CSV reader that
produces entries share the seat and role rules; reading CSV is most of the length.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from secretary.domain.events import ROLES
from secretary.domain.terms import PROFESSIONS, Seat, Terms
from secretary.errors import SecretaryError
from secretary.i18n import _

COLUMNS = (
    "name",
    "role",
    "seat",
    "email",
    "organisation",
    "kind",
    "key",
    "profession",
    "substitute_agreed",
)
# What a member or deputy of a GP practice is, for QAIF (seed 2.2 footnote: attendance
# by a GP, or with the health board's prior agreement another senior practice-employed
# clinician or administrator).
_PROFESSION_WORDS = {
    "gp": "gp",
    "general practitioner": "gp",
    "doctor": "gp",
    "meddyg teulu": "gp",
    "clinician": "clinician",
    "nurse": "clinician",
    "pharmacist": "clinician",
    "clinigydd": "clinician",
    "practice manager": "practice-manager",
    "practice-manager": "practice-manager",
    "pm": "practice-manager",
    "rheolwr practis": "practice-manager",
    "administrator": "administrator",
    "admin": "administrator",
    "gweinyddwr": "administrator",
    "other": "other",
    "arall": "other",
}
_YES = {"yes", "y", "true", "1", "agreed", "ie", "do", "cytunwyd"}
_NO = {"", "no", "n", "false", "0", "na", "naddo", "nac ydy"}
REQUIRED_COLUMNS = ("name", "role")
MAX_NAME = 200
MAX_TEXT = 200
MAX_KEY = 40
_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]+$")
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Column names people type in a spreadsheet, mapped to ours.
_ALIASES = {
    "full name": "name",
    "person": "name",
    "e-mail": "email",
    "email address": "email",
    "organization": "organisation",
    "org": "organisation",
    "type": "kind",
    "id": "key",
    "job": "profession",
    "agreed substitute": "substitute_agreed",
    "substitute agreed": "substitute_agreed",
    "hb agreed": "substitute_agreed",
}


class RosterCsvError(SecretaryError, ValueError):
    """A file that cannot be read as a roster at all (not text, no header)."""


@dataclass(frozen=True)
class RosterEntry:
    """One person of a cluster's roster.

    ``key`` is the person's id in every meeting of the cluster (stable across
    roster changes); ``role`` is member | deputy | attendee; ``seat`` is a seat
    id of the terms (members and deputies only); ``kind`` is an attendee kind
    of the terms (``in-attendance``, ``guest``...) for attendees.
    """

    key: str
    name: str
    role: str
    seat: str | None = None
    kind: str = ""
    email: str = ""
    organisation: str = ""
    profession: str = ""  # one of PROFESSIONS, or "" (not said)
    substitute_agreed: bool = False  # the health board agreed they represent the practice

    def to_event(self) -> dict[str, Any]:
        """The ``person_added`` event that puts this person into a meeting."""
        raw: dict[str, Any] = {
            "type": "person_added",
            "person": self.key,
            "name": self.name,
            "role": self.role,
        }
        if self.seat:
            raw["seat"] = self.seat
        for field in ("kind", "email", "organisation", "profession"):
            value = getattr(self, field)
            if value:
                raw[field] = value
        if self.substitute_agreed:
            raw["substitute_agreed"] = True
        return raw

    def same_details(self, other: RosterEntry) -> bool:
        """True when nothing but (perhaps) the key differs."""
        return replace(self, key=other.key) == other


@dataclass(frozen=True)
class RowError:
    """A problem in a roster file: ``row`` is the spreadsheet row (header = 1;
    0 for the file as a whole), ``column`` the column name or ""."""

    row: int
    column: str
    why: str

    def __str__(self) -> str:
        where = _("row {row}", row=self.row) if self.row else _("file")
        if self.column:
            where = _("{where}, column {column}", where=where, column=self.column)
        return f"{where}: {self.why}"


# --------------------------------------------------------------------------- keys


def slug(name: str) -> str:
    """A short lower-case id from a name: "Dr Siân Morgan" → "sian-morgan"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", text)
    if len(words) > 1 and words[0] in ("dr", "mr", "mrs", "ms", "miss", "prof", "cllr", "rev"):
        words = words[1:]
    return "-".join(words)[:MAX_KEY].strip("-") or "person"


def unique_key(name: str, taken: Iterable[str]) -> str:
    """``slug(name)``, made unique against ``taken`` with -2, -3, ..."""
    used = set(taken)
    base = slug(name)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def is_valid_key(key: str) -> bool:
    return bool(_KEY.match(key)) and len(key) <= MAX_KEY


def is_valid_email(email: str) -> bool:
    return bool(_EMAIL.match(email))


# --------------------------------------------------------------------------- checks


def seat_label(terms: Terms, seat_id: str) -> str:
    return str(terms.seat(seat_id).name) if terms.has_seat(seat_id) else seat_id


def seat_problem(terms: Terms, role: str, seat: str | None) -> tuple[str, str] | None:
    """The one rule of who holds a seat, as (column, why), or None when it holds: a
    member or a deputy holds one of the terms' seats (a deputy only where the terms
    allow one for it); an attendee holds none. The roster, its CSV import and the
    meeting's ``person_added`` all ask this."""
    if role not in ROLES:
        return ("role", _("role must be member, deputy or attendee, not {role!r}", role=role))
    if role in ("member", "deputy"):
        if not seat:
            return (
                "seat",
                _("a deputy needs a seat") if role == "deputy" else _("a member needs a seat"),
            )
        if not terms.has_seat(seat):
            return ("seat", _("no seat {seat!r} in the terms {terms}", seat=seat, terms=terms.id))
        if role == "deputy" and not (terms.deputies_allowed and terms.seat(seat).deputy_allowed):
            return (
                "role",
                _(
                    "the seat {seat} takes no deputy under these terms",
                    seat=seat_label(terms, seat),
                ),
            )
        return None
    if seat:
        return (
            "seat",
            _(
                "an attendee holds no seat (leave the seat empty, or make "
                "the role member or deputy)"
            ),
        )
    return None


def check_entry(entry: RosterEntry, terms: Terms) -> list[tuple[str, str]]:
    """Problems of one entry under ``terms``, as (column, why) pairs."""
    problems: list[tuple[str, str]] = []
    if not entry.name.strip():
        problems.append(("name", _("the name is missing")))
    elif len(entry.name) > MAX_NAME:
        problems.append(("name", _("the name is longer than {n} characters", n=MAX_NAME)))
    seat_or_role = seat_problem(terms, entry.role, entry.seat)
    if seat_or_role is not None:
        problems.append(seat_or_role)
    if entry.role == "attendee" and entry.kind and entry.kind not in kind_ids(terms):
        problems.append(
            (
                "kind",
                _(
                    "kind must be one of {kinds}, not {kind!r}",
                    kinds=", ".join(kind_ids(terms)) or "-",
                    kind=entry.kind,
                ),
            )
        )
    if entry.email and not is_valid_email(entry.email):
        problems.append(("email", _("{email!r} is not an email address", email=entry.email)))
    if len(entry.organisation) > MAX_TEXT:
        problems.append(("organisation", _("longer than {n} characters", n=MAX_TEXT)))
    if not is_valid_key(entry.key):
        problems.append(
            (
                "key",
                _("the id {key!r} must be lower-case letters, digits and hyphens", key=entry.key),
            )
        )
    return problems


def check_roster(entries: Sequence[RosterEntry], terms: Terms) -> list[str]:
    """Problems of a whole roster under ``terms``, in words (empty when it is fine):
    each entry's own problems, duplicate ids, and seats with more members than the
    terms allow."""
    problems: list[str] = []
    keys: set[str] = set()
    for e in entries:
        for _column, why in check_entry(e, terms):
            problems.append(f"{e.name or e.key}: {why}")
        if e.key in keys:
            problems.append(_("{name}: the id {key!r} is used twice", name=e.name, key=e.key))
        keys.add(e.key)
    for seat, names in _members_by_seat(entries).items():
        if terms.has_seat(seat) and len(names) > terms.seat(seat).holders:
            problems.append(_too_many(terms.seat(seat), names))
    return problems


def kind_ids(terms: Terms) -> list[str]:
    return [k.id for k in terms.attendee_kinds]


def _members_by_seat(entries: Iterable[RosterEntry]) -> dict[str, list[str]]:
    by_seat: dict[str, list[str]] = {}
    for e in entries:
        if e.role == "member" and e.seat:
            by_seat.setdefault(e.seat, []).append(e.name)
    return by_seat


def _too_many(seat: Seat, names: Sequence[str]) -> str:
    return _(
        "{seat} is held by at most {n} at once under these terms, but more are listed "
        "({count}): {names}",
        seat=str(seat.name),
        n=seat.holders,
        count=len(names),
        names=", ".join(names),
    )


# --------------------------------------------------------------------------- CSV


def decode_csv(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read in.

    UTF-8 (with or without the byte-order mark Excel writes for "CSV UTF-8"),
    UTF-16 with a byte-order mark, or else Windows-1252 (Excel's plain "CSV"
    on Windows). Raises RosterCsvError for a file that is not text.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise RosterCsvError(_("not a text file (it starts like UTF-16 but is not)")) from None
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data or _CONTROL.search(data[:4096].decode("latin-1")):
        raise RosterCsvError(
            _(
                "not a text file: save the roster from your spreadsheet as "
                '"CSV UTF-8 (comma delimited)"'
            )
        )
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise RosterCsvError(
            _(
                "not UTF-8 text: save the roster from your spreadsheet as "
                '"CSV UTF-8 (comma delimited)"'
            )
        ) from None


def _delimiter(header_line: str) -> str:
    if "," in header_line:
        return ","
    if ";" in header_line:
        return ";"
    if "\t" in header_line:
        return "\t"
    return ","


def _column_name(raw: str) -> str:
    name = " ".join(raw.strip().lower().replace("_", " ").split())
    return _ALIASES.get(name, name)


def _match_seat(value: str, terms: Terms) -> str | None:
    """A seat id from an id or an English/Welsh seat name, case-insensitively."""
    wanted = " ".join(value.lower().split())
    for s in terms.seats:
        if wanted in (s.id.lower(), s.name.en.lower(), s.name.cy.lower()):
            return s.id
    return None


def _match_kind(value: str, terms: Terms) -> str | None:
    wanted = " ".join(value.lower().split())
    for k in terms.attendee_kinds:
        if wanted in (k.id.lower(), k.name.en.lower(), k.name.cy.lower()):
            return k.id
    return None


def parse_roster_csv(
    data: str | bytes,
    terms: Terms,
    source: str = "",
    existing: Sequence[RosterEntry] = (),
) -> tuple[list[RosterEntry], list[RowError]]:
    """Read a roster CSV under ``terms``: (good entries, problems by row).

    ``existing`` is the roster already kept: a person of the file with the same
    name (or the same ``key``) keeps their id, so a re-import updates people
    rather than duplicating them. Never raises for bad input: a file that is not
    text or has no header gives one error for row 0. ``source`` is unused in
    the messages (the caller names the file) but kept for logs.
    """
    del source
    if isinstance(data, bytes):
        try:
            text, _encoding = decode_csv(data)
        except RosterCsvError as exc:
            return [], [RowError(0, "", str(exc))]
    else:
        text = data
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        return [], [RowError(0, "", _("not a text file (it contains NUL characters)"))]
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    if not first:
        return [], [
            RowError(
                0,
                "",
                _("the file is empty: the first row must name the columns (name, role, seat, ...)"),
            )
        ]
    import csv  # only for a roster file: not on the window's first paint

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    errors: list[RowError] = []
    entries: list[RosterEntry] = []
    rows: list[tuple[int, list[str]]] = []
    try:
        for i, row in enumerate(reader, start=1):
            rows.append((i, row))
    except csv.Error as exc:
        errors.append(RowError(len(rows) + 1, "", _("cannot be read as CSV: {why}", why=str(exc))))
    # The header is the first row that is not blank.
    while rows and not any(c.strip() for c in rows[0][1]):
        rows.pop(0)
    if not rows:
        return [], errors or [RowError(0, "", _("the file has no header row"))]
    header_row, header = rows[0]
    columns = [_column_name(c) for c in header]
    unknown = [header[i].strip() for i, c in enumerate(columns) if c and c not in COLUMNS]
    if unknown:
        errors.append(
            RowError(
                header_row,
                "",
                _(
                    "unknown column(s) {cols}: the columns are {known}",
                    cols=", ".join(repr(u) for u in unknown),
                    known=", ".join(COLUMNS),
                ),
            )
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        errors.append(
            RowError(
                header_row,
                "",
                _(
                    "the header row must name the column(s) {cols} (found: {found})",
                    cols=", ".join(missing),
                    found=", ".join(h.strip() for h in header) or "-",
                ),
            )
        )
        return [], errors
    seen_cols: set[str] = set()
    for c in columns:
        if c in seen_cols and c in COLUMNS:
            errors.append(RowError(header_row, c, _("the column is named twice")))
        seen_cols.add(c)

    by_name = {_norm(e.name): e for e in existing}
    by_key = {e.key: e for e in existing}
    taken: set[str] = set(by_key)
    first_row_of: dict[str, int] = {}
    first_row_of_email: dict[str, int] = {}
    members: dict[str, list[tuple[int, str]]] = {}
    for row_no, row in rows[1:]:
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(columns) and any(c.strip() for c in row[len(columns) :]):
            errors.append(
                RowError(
                    row_no,
                    "",
                    _(
                        "values: {n}, but columns named in the header: {m}",
                        n=len(row),
                        m=len(columns),
                    ),
                )
            )
            continue
        values: dict[str, str] = {}
        for c, v in zip(columns, row, strict=False):
            if c in COLUMNS and c not in values:
                values[c] = v.strip()
        row_errors = _row_entry(row_no, values, terms)
        if isinstance(row_errors, list):
            errors.extend(row_errors)
            continue
        entry = row_errors
        norm = _norm(entry.name)
        if norm in first_row_of:
            errors.append(
                RowError(
                    row_no,
                    "name",
                    _(
                        "{name} is listed twice (first on row {first})",
                        name=entry.name,
                        first=first_row_of[norm],
                    ),
                )
            )
            continue
        if entry.email and entry.email.lower() in first_row_of_email:
            errors.append(
                RowError(
                    row_no,
                    "email",
                    _(
                        "the email {email} is already given on row {first}",
                        email=entry.email,
                        first=first_row_of_email[entry.email.lower()],
                    ),
                )
            )
            continue
        if entry.role == "member" and entry.seat:
            seat = terms.seat(entry.seat)
            held = members.setdefault(entry.seat, [])
            if len(held) >= seat.holders:
                errors.append(
                    RowError(
                        row_no,
                        "seat",
                        _(
                            "{seat} is held by at most {n} at once under these terms "
                            "(already: {names})",
                            seat=str(seat.name),
                            n=seat.holders,
                            names=", ".join(f"{name} (row {r})" for r, name in held),
                        ),
                    )
                )
                continue
            held.append((row_no, entry.name))
        # Keep the id of a person already on the roster; else make one.
        old: RosterEntry | None = None
        if entry.key:
            if entry.key in {e.key for e in entries}:
                errors.append(
                    RowError(row_no, "key", _("the id {key!r} is used twice", key=entry.key))
                )
                continue
            key = entry.key
            old = by_key.get(key)
        elif norm in by_name:
            old = by_name[norm]
            key = old.key
        else:
            key = unique_key(entry.name, taken)
        entry = _keep_known_details(entry, old, terms)
        taken.add(key)
        first_row_of[norm] = row_no
        if entry.email:
            first_row_of_email[entry.email.lower()] = row_no
        entries.append(replace(entry, key=key))
    if not entries and not errors:
        errors.append(RowError(0, "", _("no people in the file (only a header row)")))
    return entries, errors


def _keep_known_details(entry: RosterEntry, old: RosterEntry | None, terms: Terms) -> RosterEntry:
    """A file with no email (or organisation, or kind) for someone already on the
    roster keeps what the roster has: an import never blanks known details."""
    if old is not None:
        entry = replace(
            entry,
            email=entry.email or old.email,
            organisation=entry.organisation or old.organisation,
            kind=entry.kind or (old.kind if entry.role == old.role == "attendee" else ""),
            profession=entry.profession or old.profession,
        )
    if entry.role == "attendee" and not entry.kind and terms.attendee_kinds:
        entry = replace(entry, kind=terms.attendee_kinds[0].id)
    return entry


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _row_entry(row_no: int, values: dict[str, str], terms: Terms) -> RosterEntry | list[RowError]:
    errors: list[RowError] = []
    for column, value in values.items():
        if _CONTROL.search(value):
            errors.append(RowError(row_no, column, _("contains control characters")))
    if errors:
        return errors
    name = " ".join(values.get("name", "").split())
    role_raw = values.get("role", "")
    role = role_raw.lower()
    seat_raw = values.get("seat", "")
    kind_raw = values.get("kind", "")
    seat: str | None = None
    if not name:
        errors.append(RowError(row_no, "name", _("the name is missing")))
    if not role:
        errors.append(
            RowError(row_no, "role", _("the role is missing: give member, deputy or attendee"))
        )
    elif role not in ROLES:
        errors.append(
            RowError(
                row_no,
                "role",
                _("the role must be member, deputy or attendee, not {role!r}", role=role_raw),
            )
        )
    if seat_raw:
        seat = _match_seat(seat_raw, terms)
        if seat is None:
            errors.append(
                RowError(
                    row_no,
                    "seat",
                    _(
                        "no seat {seat!r} in the terms {terms} (the seats are: {seats})",
                        seat=seat_raw,
                        terms=terms.id,
                        seats=", ".join(s.id for s in terms.seats),
                    ),
                )
            )
    kind = ""
    if kind_raw:
        found = _match_kind(kind_raw, terms)
        if found is None:
            errors.append(
                RowError(
                    row_no,
                    "kind",
                    _(
                        "kind must be one of {kinds}, not {kind!r}",
                        kinds=", ".join(kind_ids(terms)) or "-",
                        kind=kind_raw,
                    ),
                )
            )
        else:
            kind = found
    profession = ""
    profession_raw = values.get("profession", "")
    if profession_raw:
        found_profession = _PROFESSION_WORDS.get(" ".join(profession_raw.lower().split()))
        if found_profession is None:
            errors.append(
                RowError(
                    row_no,
                    "profession",
                    _(
                        "the profession must be one of {choices}, not {value!r}",
                        choices=", ".join(PROFESSIONS),
                        value=profession_raw,
                    ),
                )
            )
        else:
            profession = found_profession
    agreed_raw = values.get("substitute_agreed", "").strip().lower()
    if agreed_raw not in _YES | _NO:
        errors.append(
            RowError(
                row_no,
                "substitute_agreed",
                _("say yes or no, not {value!r}", value=values.get("substitute_agreed", "")),
            )
        )
    email = values.get("email", "")
    if errors and email and not is_valid_email(email):
        errors.append(
            RowError(row_no, "email", _("{email!r} is not an email address", email=email))
        )
    if errors:
        return errors
    entry = RosterEntry(
        key=values.get("key", "").lower(),
        name=name,
        role=role,
        seat=seat,
        kind=kind if role == "attendee" else "",
        email=email,
        organisation=values.get("organisation", ""),
        profession=profession,
        substitute_agreed=agreed_raw in _YES,
    )
    checked = replace(entry, key=entry.key or "x")
    return [RowError(row_no, column, why) for column, why in check_entry(checked, terms)] or entry
