"""Clusters, their terms of reference and their roster, kept by date.

A cluster has

- **terms versions**: a terms of reference text in force from a date
  (``set_terms``); the one in force on a day is the latest version whose
  ``effective_from`` is on or before it (``terms_in_force``). Versions are
  never changed: a new version is added.
- a **roster**: people (``RosterEntry``) each in force from a date
  (``effective_from``, inclusive) until another (``effective_to``, exclusive:
  the first day they are no longer on the roster; None = still on it). A change
  ends the entry in force and adds a new one from the same day
  (``update_person``); leaving ends it (``end_person``). Nothing is deleted or
  overwritten, so the roster of any past day can be read back (``roster_on``).

``create_meeting_for_cluster`` creates a meeting from all that: the terms in
force on the meeting date are frozen into the meeting, the roster in force that
day becomes its ``person_added`` events, and the agenda its ``item_added``
events, with the standing items (apologies, declarations of interest, minutes
of the previous meeting, matters arising, any other business) and references
such as ``UVC/26/05``.

Every function takes an open ``Record``. Bad input raises ``ClusterError`` whose
message says what and where; a failed write raises ``RecordError``. Dates are
ISO ``YYYY-MM-DD`` text.

One module (over 400 lines): clusters, terms versions and roster entries are all kept by
date under the same effective-from rules, each change in one session.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from secretary.domain.agenda import STANDING_END, STANDING_START
from secretary.domain.events import Event, EventError, check_event, is_valid_date
from secretary.domain.meeting import Meeting
from secretary.domain.presence import sort_by_roster
from secretary.domain.roster import (
    RosterEntry,
    check_entry,
    check_roster,
    is_valid_key,
    unique_key,
)
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import Terms, TermsError, parse_terms_text
from secretary.i18n import _
from secretary.store.clock import current_author, now_utc
from secretary.store.errors import ClusterError as ClusterError  # its old home
from secretary.store.errors import RecordError, describe
from secretary.store.models import ClusterRow, MeetingRow, RosterEntryRow, TermsVersionRow
from secretary.store.record import Record


@dataclass(frozen=True)
class ClusterSummary:
    id: int
    uuid: str
    name: str
    health_board: str
    prefix: str  # the agenda reference prefix, e.g. "UVC"


@dataclass(frozen=True)
class TermsVersion:
    id: int
    cluster_id: int
    terms_id: str
    text: str
    effective_from: str


@dataclass(frozen=True)
class RosterVersion:
    """One stored roster entry with the dates it is in force (to is exclusive)."""

    id: int
    entry: RosterEntry
    effective_from: str
    effective_to: str | None

    def in_force(self, on_date: str) -> bool:
        return self.effective_from <= on_date and (
            self.effective_to is None or on_date < self.effective_to
        )


@dataclass(frozen=True)
class RosterChanges:
    """What ``apply_roster`` did, by name."""

    added: list[str]
    changed: list[str]
    unchanged: list[str]
    ended: list[str]


_SKIP_WORDS = {
    "primary",
    "care",
    "cluster",
    "the",
    "and",
    "of",
    "a",
    "clwstwr",
    "gofal",
    "sylfaenol",
    "y",
    "yr",
    "a'r",
}


# --------------------------------------------------------------------------- helpers


def _check_date(value: str, what: str) -> str:
    if not is_valid_date(value):
        raise ClusterError(
            _("{what} must be a date YYYY-MM-DD, not {value!r}", what=what, value=value)
        )
    return value


@contextmanager
def writing(record: Record, what: str) -> Iterator[Session]:
    """A session for a change of ``what`` (clusters, terms, roster, budget), refused on a
    read-only record; a database failure becomes one line naming what was not saved."""
    if record.readonly:
        raise RecordError(
            _("{target}: opened read-only; nothing can be changed", target=record.target)
        )
    try:
        with record.session() as s:
            yield s
    except SQLAlchemyError as exc:
        raise RecordError(
            _(
                "{target}: {what} was NOT saved: {why}",
                target=record.target,
                what=what,
                why=describe(exc),
            )
        ) from None


def _cluster_row(s: Session, cluster_id: int) -> ClusterRow:
    row = s.get(ClusterRow, cluster_id)
    if row is None:
        raise ClusterError(_("no cluster with id {id} in this record", id=cluster_id))
    return row


def reference_prefix(name: str) -> str:
    """The agenda reference prefix of a cluster name: the initials of its own
    words, then C for cluster: "Upper Valleys Primary Care Cluster" → "UVC"."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w.lower() not in _SKIP_WORDS]
    initials = "".join(w[0].upper() for w in words)[:5]
    return (initials + "C") if initials else "C"


def _summary(row: ClusterRow) -> ClusterSummary:
    return ClusterSummary(row.id, row.uuid, row.name, row.health_board, reference_prefix(row.name))


def _entry(row: RosterEntryRow) -> RosterEntry:
    return RosterEntry(
        key=row.person_key,
        name=row.name,
        role=row.role,
        seat=row.seat,
        kind=row.kind,
        email=row.email,
        organisation=row.organisation,
        profession=row.profession or "",
        substitute_agreed=bool(row.substitute_agreed),
    )


def _version(row: RosterEntryRow) -> RosterVersion:
    return RosterVersion(row.id, _entry(row), row.effective_from, row.effective_to)


# --------------------------------------------------------------------------- clusters


def create_cluster(record: Record, name: str, health_board: str = "") -> int:
    """Add a cluster; returns its id. Names must be given and unique."""
    name = " ".join(name.split())
    if not name:
        raise ClusterError(_("the cluster needs a name"))
    if any(c.name.casefold() == name.casefold() for c in list_clusters(record)):
        raise ClusterError(_("there is already a cluster named {name!r}", name=name))
    with writing(record, _("the cluster")) as s:
        row = ClusterRow(
            uuid=str(uuid.uuid4()),
            name=name,
            health_board=" ".join(health_board.split()),
            created_at=now_utc(),
        )
        s.add(row)
        s.flush()
        return row.id


def list_clusters(record: Record) -> list[ClusterSummary]:
    """Every cluster of the record, by name."""
    with record.session() as s:
        rows = s.scalars(select(ClusterRow).order_by(ClusterRow.name, ClusterRow.id)).all()
        return [_summary(r) for r in rows]


def get_cluster(record: Record, cluster_id: int) -> ClusterSummary:
    with record.session() as s:
        return _summary(_cluster_row(s, cluster_id))


# --------------------------------------------------------------------------- terms


def set_terms(
    record: Record, cluster_id: int, terms_id: str, text: str, effective_from: str
) -> int:
    """Put a terms of reference text in force for the cluster from a date.

    The text is checked first (``parse_terms_text``); a text that cannot be used
    raises ClusterError listing every problem, and nothing is saved. Earlier
    versions stay: meetings before ``effective_from`` keep the old terms.
    ``terms_id`` is a label (a bundled id, or the terms' own id). Returns the
    version's id.
    """
    _check_date(effective_from, _("the date the terms take effect"))
    try:
        terms = parse_terms_text(text, terms_id)
    except TermsError as exc:
        lines = "\n".join(f"- {p}" for p in exc.problems)
        raise ClusterError(
            _(
                "the terms of reference {id} cannot be used:\n{problems}",
                id=terms_id,
                problems=lines,
            )
        ) from None
    with writing(record, _("the terms of reference")) as s:
        _cluster_row(s, cluster_id)
        row = TermsVersionRow(
            cluster_id=cluster_id,
            terms_id=terms_id or terms.id,
            text=text,
            effective_from=effective_from,
            created_at=now_utc(),
        )
        s.add(row)
        s.flush()
        return row.id


def terms_versions(record: Record, cluster_id: int) -> list[TermsVersion]:
    """The cluster's terms versions, oldest first."""
    with record.session() as s:
        rows = s.scalars(
            select(TermsVersionRow)
            .where(TermsVersionRow.cluster_id == cluster_id)
            .order_by(TermsVersionRow.effective_from, TermsVersionRow.id)
        ).all()
        return [
            TermsVersion(r.id, r.cluster_id, r.terms_id, r.text, r.effective_from) for r in rows
        ]


def terms_in_force(record: Record, cluster_id: int, on_date: str) -> tuple[str, str]:
    """(terms id, terms text) in force for the cluster on a date: the version with
    the latest ``effective_from`` on or before it (the later-added one on a tie).
    Raises ClusterError when none is."""
    _check_date(on_date, _("the date"))
    versions = [v for v in terms_versions(record, cluster_id) if v.effective_from <= on_date]
    if not versions:
        name = get_cluster(record, cluster_id).name
        later = terms_versions(record, cluster_id)
        hint = (
            _(" (the first take effect on {date})", date=later[0].effective_from)
            if later
            else _(" (none have been set)")
        )
        raise ClusterError(
            _(
                "{cluster} has no terms of reference in force on {date}{hint}",
                cluster=name,
                date=on_date,
                hint=hint,
            )
        )
    v = versions[-1]
    return v.terms_id, v.text


def terms_object_in_force(record: Record, cluster_id: int, on_date: str) -> Terms:
    terms_id, text = terms_in_force(record, cluster_id, on_date)
    return parse_terms_text(text, terms_id, strict=False)  # stored: read as it was kept


# --------------------------------------------------------------------------- roster


def roster_history(record: Record, cluster_id: int) -> list[RosterVersion]:
    """Every roster entry ever kept for the cluster, in the order added."""
    with record.session() as s:
        rows = s.scalars(
            select(RosterEntryRow)
            .where(RosterEntryRow.cluster_id == cluster_id)
            .order_by(RosterEntryRow.id)
        ).all()
        return [_version(r) for r in rows]


def roster_on(record: Record, cluster_id: int, on_date: str) -> list[RosterEntry]:
    """The roster in force on a date, in the order of the seats of the terms in
    force then (members before deputies), then attendees, each in the order added."""
    _check_date(on_date, _("the date"))
    entries = [v.entry for v in roster_history(record, cluster_id) if v.in_force(on_date)]
    try:
        terms: Terms | None = terms_object_in_force(record, cluster_id, on_date)
    except (ClusterError, TermsError):
        terms = None
    return sort_roster(entries, terms)


def sort_roster(entries: Sequence[RosterEntry], terms: Terms | None) -> list[RosterEntry]:
    """In roster order (``domain.presence.roster_rank``), stably."""
    return sort_by_roster(terms, entries, lambda e: (e.role, e.seat, e.kind))


def _check_against_terms(record: Record, cluster_id: int, entry: RosterEntry, on_date: str) -> None:
    try:
        terms = terms_object_in_force(record, cluster_id, on_date)
    except ClusterError:
        terms = None  # no terms yet: checked again when a meeting is created
    if terms is None:
        if entry.role not in ("member", "deputy", "attendee"):
            raise ClusterError(
                _("{name}: role must be member, deputy or attendee", name=entry.name)
            )
        return
    problems = [why for _col, why in check_entry(entry, terms)]
    if entry.role == "member" and entry.seat and terms.has_seat(entry.seat):
        seat = terms.seat(entry.seat)
        holders = [
            e.name
            for e in roster_on(record, cluster_id, on_date)
            if e.key != entry.key and e.role == "member" and e.seat == entry.seat
        ]
        if len(holders) >= seat.holders:
            problems.append(
                _(
                    "{seat} is held by at most {n} at once under these terms (already: {names})",
                    seat=str(seat.name),
                    n=seat.holders,
                    names=", ".join(holders),
                )
            )
    if problems:
        raise ClusterError(
            _("{name}: {problems}", name=entry.name or "?", problems="; ".join(problems))
        )


def add_person(record: Record, cluster_id: int, entry: RosterEntry, effective_from: str) -> str:
    """Put a person on the roster from a date; returns their key.

    An empty ``entry.key`` gets one made from the name, unique in the cluster's
    history. The entry is checked against the terms in force on that date (when
    there are any): seat known, deputy allowed, seat not over-full, email.
    """
    _check_date(effective_from, _("the date the person joins"))
    history = roster_history(record, cluster_id)
    key = entry.key or unique_key(entry.name, {v.entry.key for v in history})
    entry = replace(entry, key=key, name=" ".join(entry.name.split()))
    if not is_valid_key(key):
        raise ClusterError(
            _(
                "{name}: the id {key!r} must be lower-case letters, digits and hyphens",
                name=entry.name,
                key=key,
            )
        )
    if any(
        v.entry.key == key and (v.effective_to is None or v.effective_to > effective_from)
        for v in history
    ):
        raise ClusterError(
            _(
                "{name} ({key}) is already on the roster on or after {date}; "
                "change their entry instead",
                name=entry.name,
                key=key,
                date=effective_from,
            )
        )
    _check_against_terms(record, cluster_id, entry, effective_from)
    with writing(record, _("the roster change")) as s:
        _cluster_row(s, cluster_id)
        s.add(_row(cluster_id, entry, effective_from, None))
    return key


def _row(
    cluster_id: int, entry: RosterEntry, effective_from: str, effective_to: str | None
) -> RosterEntryRow:
    return RosterEntryRow(
        cluster_id=cluster_id,
        person_key=entry.key,
        name=entry.name,
        role=entry.role,
        seat=entry.seat if entry.role != "attendee" else None,
        kind=entry.kind,
        email=entry.email,
        organisation=entry.organisation,
        profession=entry.profession,
        substitute_agreed=entry.substitute_agreed,
        effective_from=effective_from,
        effective_to=effective_to,
        created_at=now_utc(),
    )


def _in_force_row(s: Session, cluster_id: int, key: str, on_date: str) -> RosterEntryRow:
    rows = s.scalars(
        select(RosterEntryRow)
        .where(RosterEntryRow.cluster_id == cluster_id, RosterEntryRow.person_key == key)
        .order_by(RosterEntryRow.id)
    ).all()
    for row in reversed(rows):
        if row.effective_from <= on_date and (
            row.effective_to is None or on_date < row.effective_to
        ):
            return row
    raise ClusterError(_("{key!r} is not on the roster on {date}", key=key, date=on_date))


def _later_rows(s: Session, cluster_id: int, key: str, on_date: str) -> list[RosterEntryRow]:
    return list(
        s.scalars(
            select(RosterEntryRow).where(
                RosterEntryRow.cluster_id == cluster_id,
                RosterEntryRow.person_key == key,
                RosterEntryRow.effective_from > on_date,
            )
        )
    )


def update_person(record: Record, cluster_id: int, entry: RosterEntry, effective_from: str) -> None:
    """Change a person's details (seat, role, name, email...) from a date.

    The entry in force that day (found by ``entry.key``) is ended on that date and
    a new one with the new details added from it, ending when the old one did.
    An entry with no change is not written.
    """
    _check_date(effective_from, _("the date of the change"))
    entry = replace(entry, name=" ".join(entry.name.split()))
    with record.session() as s:
        old = _in_force_row(s, cluster_id, entry.key, effective_from)
        old_entry, old_to = _entry(old), old.effective_to
    if old_entry == entry:
        return
    _check_against_terms(record, cluster_id, entry, effective_from)
    with writing(record, _("the roster change")) as s:
        row = _in_force_row(s, cluster_id, entry.key, effective_from)
        row.effective_to = effective_from
        s.add(_row(cluster_id, entry, effective_from, old_to))


def end_person(record: Record, cluster_id: int, key: str, effective_to: str) -> None:
    """Take a person off the roster from a date (the first day they are off it).

    Refused when a later change of theirs is already recorded (end them on or
    after it instead)."""
    _check_date(effective_to, _("the date the person leaves"))
    with writing(record, _("the roster change")) as s:
        row = _in_force_row(s, cluster_id, key, effective_to)
        later = _later_rows(s, cluster_id, key, effective_to)
        if later:
            first = min(r.effective_from for r in later)
            raise ClusterError(
                _(
                    "{name} has a change recorded from {date}; end them on or after that date",
                    name=row.name,
                    date=first,
                )
            )
        row.effective_to = effective_to


def apply_roster(
    record: Record,
    cluster_id: int,
    entries: Sequence[RosterEntry],
    effective_from: str,
    end_missing: bool = False,
) -> RosterChanges:
    """Make the roster from a date match ``entries`` (an imported file, say).

    People already on the roster that day (same key) are changed if their
    details differ; new keys are added; with ``end_missing`` people not in
    ``entries`` are taken off from that date. All is checked before anything is
    written, and written in one transaction: all or nothing.
    """
    _check_date(effective_from, _("the date the roster takes effect"))
    current = {e.key: e for e in roster_on(record, cluster_id, effective_from)}
    history_keys = {v.entry.key for v in roster_history(record, cluster_id)}
    wanted = [replace(e, name=" ".join(e.name.split())) for e in entries]
    keys = [e.key for e in wanted]
    if len(set(keys)) != len(keys):
        raise ClusterError(_("the same person id is given twice"))
    try:
        terms: Terms | None = terms_object_in_force(record, cluster_id, effective_from)
    except ClusterError:
        terms = None
    final = wanted + ([] if end_missing else [e for k, e in current.items() if k not in set(keys)])
    if terms is not None:
        problems = check_roster(final, terms)
        if problems:
            raise ClusterError(
                _(
                    "the roster cannot be saved:\n{problems}",
                    problems="\n".join(f"- {p}" for p in problems),
                )
            )
    for e in wanted:
        if e.key not in current and e.key in history_keys:
            # Someone who left (or joins later): refuse rather than guess.
            with record.session() as s:
                if _later_rows(s, cluster_id, e.key, effective_from):
                    raise ClusterError(
                        _(
                            "{name} has a change recorded after {date}; change "
                            "them in the roster editor",
                            name=e.name,
                            date=effective_from,
                        )
                    )
    changes = RosterChanges([], [], [], [])
    with writing(record, _("the roster")) as s:
        _cluster_row(s, cluster_id)
        for e in wanted:
            old = current.get(e.key)
            if old is None:
                s.add(_row(cluster_id, e, effective_from, None))
                changes.added.append(e.name)
            elif old == e:
                changes.unchanged.append(e.name)
            else:
                row = _in_force_row(s, cluster_id, e.key, effective_from)
                old_to = row.effective_to
                row.effective_to = effective_from
                s.add(_row(cluster_id, e, effective_from, old_to))
                changes.changed.append(e.name)
        if end_missing:
            for key, old in current.items():
                if key not in set(keys):
                    if _later_rows(s, cluster_id, key, effective_from):
                        raise ClusterError(
                            _(
                                "{name} has a change recorded after {date}; "
                                "end them in the roster editor",
                                name=old.name,
                                date=effective_from,
                            )
                        )
                    _in_force_row(s, cluster_id, key, effective_from).effective_to = effective_from
                    changes.ended.append(old.name)
    return changes


# --------------------------------------------------------------------------- meetings


def previous_meeting(record: Record, cluster_id: int, before: str) -> MeetingRow | None:
    """The cluster's latest meeting dated before ``before``."""
    with record.session() as s:
        return s.scalars(
            select(MeetingRow)
            .where(
                MeetingRow.cluster_id == cluster_id, MeetingRow.date < before, MeetingRow.date != ""
            )
            .order_by(MeetingRow.date.desc(), MeetingRow.id.desc())
            .limit(1)
        ).first()


def agenda_events(
    items: Sequence[Mapping[str, Any]],
    *,
    prefix: str,
    date: str,
    standing: bool = True,
    chair: str = "",
    previous_date: str | None = None,
) -> list[dict[str, Any]]:
    """The ``item_added`` events of an agenda: the standing items first (and any
    other business last) when ``standing``, the given items between, numbered
    1, 2, ... with references ``PREFIX/YY/NN``. Each item is a mapping of
    ``item_added`` fields (title required; financial, amount, presenter,
    decision_type optional; id and reference are made here unless given)."""
    year = date[2:4] if date else dt.date.today().strftime("%y")
    plan: list[dict[str, Any]] = []
    # Standing items are stored by key, not in words (domain.agenda renders them in
    # the reader's language); the minutes item keeps the date of the meeting before.
    if standing:
        for sid in STANDING_START:
            plan.append({"standing": sid, "presenter": chair})
            if sid == "minutes" and previous_date:
                plan[-1]["of_date"] = previous_date
    for raw in items:
        item = {k: v for k, v in raw.items() if v not in (None, "")}
        if not str(item.get("title", "")).strip() and not item.get("standing"):
            raise ClusterError(_("agenda item {n}: the title is missing", n=len(plan) + 1))
        plan.append(item)
    if standing:
        for sid in STANDING_END:
            plan.append({"standing": sid, "presenter": chair})
    events = []
    for n, item in enumerate(plan, start=1):
        event = {
            "type": "item_added",
            "item": str(item.pop("item", n)),
            "reference": item.pop("reference", f"{prefix}/{year}/{n:02d}"),
        }
        event.update({k: v for k, v in item.items() if k != "id"})
        if not event.get("presenter"):
            event.pop("presenter", None)
        events.append(event)
    return events


def create_meeting_for_cluster(
    record: Record,
    cluster_id: int,
    info: MeetingInfo,
    items: Sequence[Mapping[str, Any]] = (),
    *,
    standing: bool = True,
    prefix: str | None = None,
    author: str | None = None,
) -> int:
    """Create a meeting of the cluster; returns its id.

    The terms in force on ``info.date`` are frozen into the meeting; the roster
    in force that day becomes its ``person_added`` events; the agenda (standing
    items around ``items``, see ``agenda_events``) its ``item_added`` events.
    Everything is played through the rules engine before one write, so a roster
    the terms refuse (a seat the terms no longer have, say) raises ClusterError
    naming the people, and nothing is saved.
    """
    if not info.date:
        raise ClusterError(_("the meeting needs a date"))
    _check_date(info.date, _("the meeting date"))
    if not info.title.strip():
        raise ClusterError(_("the meeting needs a title"))
    cluster = get_cluster(record, cluster_id)
    terms_id, terms_text = terms_in_force(record, cluster_id, info.date)
    try:
        terms = parse_terms_text(terms_text, terms_id)
    except TermsError as exc:
        raise ClusterError(
            _(
                "the terms of reference {id} in force on {date} cannot be used: {why}",
                id=terms_id,
                date=info.date,
                why=str(exc),
            )
        ) from None
    roster = roster_on(record, cluster_id, info.date)
    problems = check_roster(roster, terms)
    if problems:
        raise ClusterError(
            _(
                "the roster on {date} does not fit the terms {id}; change the "
                "roster first:\n{problems}",
                date=info.date,
                id=terms_id,
                problems="\n".join(f"- {p}" for p in problems),
            )
        )
    chair_seats = {s.id for s in terms.seats if "chair" in s.tags}
    chair = next((e.name for e in roster if e.role == "member" and e.seat in chair_seats), "")
    previous = previous_meeting(record, cluster_id, info.date)
    raw_events = [e.to_event() for e in roster] + agenda_events(
        items,
        prefix=prefix or cluster.prefix,
        date=info.date,
        standing=standing,
        chair=chair,
        previous_date=previous.date if previous else None,
    )
    meeting = Meeting(terms)
    setup: list[Event] = []
    for raw in raw_events:
        try:
            event = check_event(raw)
            meeting.apply(event)
        except EventError as exc:
            raise ClusterError(_("the meeting cannot be set up: {why}", why=str(exc))) from None
        setup.append(event)
    info = replace(info, cluster=info.cluster or cluster.name)
    return record.create_meeting(
        info, terms_id, terms_text, setup, cluster_id=cluster_id, author=author or current_author()
    )
