"""One writer per meeting of a central record: leases.

On an SQLite record file the whole file has one writer (``store.lock``). A
central PostgreSQL record is shared by a health board's secretariat, so several
secretaries write to it at once — each to a different meeting. A **lease** (a
row of ``meeting_leases``, migration 0003) says who may write to a meeting:

- ``recording``: taken by ``LiveMeeting`` (the window, or a command that records
  events) when it opens a meeting of a central record; it lasts ``LEASE_SECONDS``
  and is renewed every ``RENEW_SECONDS`` by a background thread while the meeting
  is open, so a crashed program's lease runs out by itself;
- ``checkout``: taken by ``secretary checkout`` for a meeting taken to a venue;
  it has no end (``expires_at`` NULL) and is released by ``secretary checkin``.

A second writer on a leased meeting is refused with ``LeaseHeld``, whose message
names the holder (user@host, process), why, since and until when. Leases are
visible to everyone (``secretary leases --db URL``). ``force`` takes a lease over
(the previous holder's writes then fail, and a checked-out meeting changed both
centrally and at the venue becomes a conflict at check-in: ``store.sync``).

The same process may open a meeting it already holds (the window and a command
of the same program share the lease).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import uuid as uuidlib
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from secretary.i18n import _
from secretary.store.clock import current_author, now_utc
from secretary.store.errors import RecordError, describe
from secretary.store.models import LeaseRow, MeetingRow
from secretary.store.record import Record

log = logging.getLogger(__name__)

LEASE_SECONDS = 120
RENEW_SECONDS = 30
RECORDING = "recording"
CHECKOUT = "checkout"


class LeaseHeld(RecordError):
    """Someone else holds the meeting's lease; the message names them."""

    def __init__(self, message: str, info: LeaseInfo):
        super().__init__(message)
        self.info = info


@dataclass(frozen=True)
class LeaseInfo:
    meeting_uuid: str
    holder: str
    pid: int
    purpose: str
    venue: str
    token: str
    acquired_at: str
    renewed_at: str
    expires_at: str | None
    meeting_id: int | None = None
    meeting_title: str = ""
    meeting_date: str = ""

    def expired(self, now: str | None = None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or now_utc())

    def describe(self) -> str:
        """'checked out to venue.sqlite by ann@laptop (process 42) since 14:02 UTC'."""
        since = _short(self.acquired_at)
        if self.purpose == CHECKOUT:
            text = _(
                "checked out to {venue} by {holder} since {since}; it is changed "
                "again when that copy is checked in",
                venue=self.venue or "?",
                holder=self.holder,
                since=since,
            )
        else:
            text = _(
                "being recorded by {holder} (process {pid}) since {since}",
                holder=self.holder,
                pid=self.pid,
                since=since,
            )
            if self.expires_at:
                text += _(
                    " (lease renewed while open; runs out at {until} if not)",
                    until=_short(self.expires_at),
                )
        return text


def _short(iso: str) -> str:
    try:
        t = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return t.strftime("%Y-%m-%d %H:%M UTC")


def whoami() -> str:
    """The holder name of this program: user@host."""
    return f"{current_author()}@{socket.gethostname()}"


def _info(row: LeaseRow, meeting: MeetingRow | None = None) -> LeaseInfo:
    return LeaseInfo(
        row.meeting_uuid,
        row.holder,
        row.pid,
        row.purpose,
        row.venue,
        row.token,
        row.acquired_at,
        row.renewed_at,
        row.expires_at,
        meeting.id if meeting else None,
        meeting.title if meeting else "",
        meeting.date if meeting else "",
    )


def _later(seconds: int) -> str:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)).isoformat(
        timespec="microseconds"
    )


class Lease:
    """A lease this program holds. ``release()`` gives it up (once)."""

    def __init__(self, record: Record, info: LeaseInfo, owned: bool):
        self.record = record
        self.info = info
        self.owned = owned  # False: joined a lease this process already held
        self.lost: str | None = None  # why, once someone else took it over
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def token(self) -> str:
        return self.info.token

    def renew(self, seconds: int = LEASE_SECONDS) -> bool:
        """Push the end of a recording lease on; False (and ``lost`` set) when the
        lease is no longer ours."""
        values = {"renewed_at": now_utc()}
        if self.info.expires_at is not None:
            values["expires_at"] = _later(seconds)
        with self.record.engine.begin() as conn:
            n = conn.execute(
                update(LeaseRow)
                .where(
                    LeaseRow.meeting_uuid == self.info.meeting_uuid, LeaseRow.token == self.token
                )
                .values(**values)
            ).rowcount
        if n == 0:
            current = lease_of(self.record, self.info.meeting_uuid)
            self.lost = (
                current.describe()
                if current is not None
                else _("the lease was released by someone else")
            )
            return False
        return True

    def keep(self, every: float = RENEW_SECONDS) -> None:
        """Renew in a background thread until released."""
        if self._thread is not None or not self.owned:
            return

        def run() -> None:
            while not self._stop.wait(every):
                try:
                    if not self.renew():
                        log.warning(
                            "lease on meeting %s lost: %s", self.info.meeting_uuid, self.lost
                        )
                        return
                except SQLAlchemyError as exc:  # the server is away a moment: try again later
                    log.warning(
                        "lease on meeting %s not renewed (will retry): %s",
                        self.info.meeting_uuid,
                        describe(exc),
                    )
                except Exception:  # a bug: logged with its traceback, and the thread goes on
                    log.exception("lease on meeting %s: renewal failed", self.info.meeting_uuid)

        self._thread = threading.Thread(target=run, name="meeting-lease", daemon=True)
        self._thread.start()

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if not self.owned:
            return
        self.owned = False
        _PROCESS_LEASES.pop((self.record.url, self.info.meeting_uuid), None)
        try:
            with self.record.engine.begin() as conn:
                conn.execute(
                    delete(LeaseRow).where(
                        LeaseRow.meeting_uuid == self.info.meeting_uuid,
                        LeaseRow.token == self.token,
                    )
                )
        except SQLAlchemyError as exc:  # the server is away: the lease runs out by itself
            log.warning(
                "lease on meeting %s not released: %s", self.info.meeting_uuid, describe(exc)
            )


# (record url, meeting uuid) -> the recording lease this process holds.
_PROCESS_LEASES: dict[tuple[str, str], Lease] = {}


def acquire(
    record: Record,
    meeting_uuid: str,
    *,
    purpose: str = RECORDING,
    venue: str = "",
    force: bool = False,
    seconds: int = LEASE_SECONDS,
    holder: str | None = None,
    pid: int | None = None,
) -> Lease:
    """Take the meeting's lease, or raise LeaseHeld naming who holds it.

    A lease that ran out is taken over; ``force`` takes over any lease. A
    recording lease this process already holds is shared (``owned`` False).
    """
    holder = holder or whoami()
    pid = os.getpid() if pid is None else pid
    if purpose == RECORDING and not force:
        mine = _PROCESS_LEASES.get((record.url, meeting_uuid))
        if mine is not None and mine.owned and mine.lost is None and pid == os.getpid():
            return Lease(record, mine.info, owned=False)
    now = now_utc()
    expires = _later(seconds) if purpose == RECORDING else None
    token = str(uuidlib.uuid4())
    values = {
        "meeting_uuid": meeting_uuid,
        "holder": holder,
        "pid": pid,
        "purpose": purpose,
        "venue": venue,
        "token": token,
        "acquired_at": now,
        "renewed_at": now,
        "expires_at": expires,
    }
    try:
        for _attempt in range(5):
            try:
                with record.engine.begin() as conn:
                    row = conn.execute(
                        select(LeaseRow.__table__).where(LeaseRow.meeting_uuid == meeting_uuid)
                    ).first()
                    if row is not None:
                        current = LeaseInfo(
                            row.meeting_uuid,
                            row.holder,
                            row.pid,
                            row.purpose,
                            row.venue,
                            row.token,
                            row.acquired_at,
                            row.renewed_at,
                            row.expires_at,
                        )
                        if not (force or current.expired(now)):
                            raise held_error(record, current)
                        conn.execute(
                            delete(LeaseRow).where(
                                LeaseRow.meeting_uuid == meeting_uuid,
                                LeaseRow.token == current.token,
                            )
                        )
                    conn.execute(insert(LeaseRow).values(**values))
                break
            except IntegrityError:
                continue  # another program took it between our read and insert: look again
        else:
            current_info = lease_of(record, meeting_uuid)
            if current_info is not None:
                raise held_error(record, current_info)
            raise RecordError(
                _("{target}: the meeting's lease could not be taken", target=record.target)
            )
    except SQLAlchemyError as exc:
        raise RecordError(
            _(
                "{target}: the meeting's lease could not be taken: {why}",
                target=record.target,
                why=describe(exc),
            )
        ) from None
    info = LeaseInfo(meeting_uuid, holder, pid, purpose, venue, token, now, now, expires)
    lease = Lease(record, info, owned=True)
    if purpose == RECORDING and pid == os.getpid() and holder == whoami():
        _PROCESS_LEASES[(record.url, meeting_uuid)] = lease
    return lease


def held_error(record: Record, info: LeaseInfo) -> LeaseHeld:
    with record.session() as s:
        m = s.scalars(select(MeetingRow).where(MeetingRow.uuid == info.meeting_uuid)).first()
    what = (
        _("{title} ({date})", title=m.title, date=m.date)
        if m is not None and m.date
        else (m.title if m is not None else info.meeting_uuid)
    )
    return LeaseHeld(
        _(
            "{target}: {meeting} is {how}; only one secretary writes to a meeting at a time",
            target=record.target,
            meeting=what,
            how=info.describe(),
        ),
        info,
    )


def hold_for_recording(record: Record, meeting_uuid: str, *, force: bool = False) -> Lease:
    """The recording lease, renewed while the record is open, released when it closes."""
    lease = acquire(record, meeting_uuid, purpose=RECORDING, force=force)
    if lease.owned:
        lease.keep()
        record.on_close.append(lease.release)
    return lease


def lease_of(record: Record, meeting_uuid: str) -> LeaseInfo | None:
    with record.session() as s:
        row = s.scalars(select(LeaseRow).where(LeaseRow.meeting_uuid == meeting_uuid)).first()
        return _info(row) if row is not None else None


def leases(record: Record, *, include_expired: bool = False) -> list[LeaseInfo]:
    """Every lease of the record with its meeting, oldest first."""
    now = now_utc()
    with record.session() as s:
        rows = s.execute(
            select(LeaseRow, MeetingRow)
            .outerjoin(MeetingRow, MeetingRow.uuid == LeaseRow.meeting_uuid)
            .order_by(LeaseRow.acquired_at, LeaseRow.id)
        ).all()
        found = [_info(lease, meeting) for lease, meeting in rows]
    return [i for i in found if include_expired or not i.expired(now)]


def release_token(record: Record, meeting_uuid: str, token: str) -> bool:
    """Give up the lease ``token`` names (a check-out's, at check-in). False when
    it is no longer held with that token (it ran out, or was taken over)."""
    with record.engine.begin() as conn:
        n = conn.execute(
            delete(LeaseRow).where(LeaseRow.meeting_uuid == meeting_uuid, LeaseRow.token == token)
        ).rowcount
    return bool(n)


def break_lease(record: Record, meeting_uuid: str) -> LeaseInfo | None:
    """Remove whatever lease the meeting has (the secretary's decision: a program
    that crashed, a laptop that will never be checked in). Returns what was removed."""
    current = lease_of(record, meeting_uuid)
    if current is not None:
        release_token(record, meeting_uuid, current.token)
    return current


def refuse_if_checked_out(record: Record, meeting_uuid: str, *, take_over: bool = False) -> None:
    """On a record file: raise LeaseHeld if the meeting is checked out to a venue
    record; with ``take_over`` the check-out's lease is removed instead."""
    current = lease_of(record, meeting_uuid)
    if current is None or current.purpose != CHECKOUT:
        return
    if take_over:
        release_token(record, meeting_uuid, current.token)
        return
    raise held_error(record, current)
