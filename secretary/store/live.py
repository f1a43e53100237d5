"""A meeting open for recording: the single write path of the window and the CLI."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from secretary.domain.events import Event, EventError, check_event
from secretary.domain.meeting import Meeting
from secretary.domain.scenario import MeetingInfo
from secretary.i18n import _
from secretary.store.errors import DbProblem, RecordError
from secretary.store.record import Record


def play(record: Record, meeting_id: int, terms: Any = None) -> Meeting:
    """A stored meeting played through the rules. A stored event that cannot be
    read or played is a one-line RecordError naming the meeting and the event."""
    terms = terms if terms is not None else record.meeting_terms(meeting_id)
    meeting = Meeting(terms)
    for seq, e in enumerate(record.events(meeting_id)):
        try:
            meeting.apply(e, stored=True)
        except EventError as exc:
            raise RecordError(
                _(
                    "{db}: meeting {id}: stored event {seq} cannot be played: {why}",
                    db=record.target,
                    id=meeting_id,
                    seq=seq,
                    why=str(exc),
                )
            ) from None
    return meeting


class LiveMeeting:
    """Check → commit → apply. A caller is told an event is recorded only after
    the commit returns; if the write fails, the state shown is unchanged."""

    def __init__(self, record: Record, meeting_id: int, *, take_over: bool = False):
        self.record = record
        self.meeting_id = meeting_id
        self.info: MeetingInfo = record.meeting_info(meeting_id)
        # A central (PostgreSQL) record: one writer per meeting, by lease (store.lease).
        # ``take_over`` forces it (someone else's lease is broken).
        self.lease: Any = None
        if not record.is_sqlite and not record.readonly:
            from secretary.store.lease import hold_for_recording

            self.lease = hold_for_recording(
                record, record.meeting_row(meeting_id).uuid, force=take_over
            )
        elif not record.readonly:
            # A record file has one writer anyway (store.lock), but a meeting of it may be
            # checked out to a venue record (store.sync): not edited here until checked in.
            from secretary.store.lease import refuse_if_checked_out

            refuse_if_checked_out(record, record.meeting_row(meeting_id).uuid, take_over=take_over)
        self.terms = record.meeting_terms(meeting_id)
        # Approved minutes stay approved: looked up once, not per event. If another
        # window approves them meanwhile, the database trigger refuses the insert and
        # record_event refreshes this (see below).
        from secretary.store.approval import locked_reason

        self._lock: str | None = locked_reason(record, meeting_id)
        self.meeting = play(record, meeting_id, self.terms)

    def record_event(
        self,
        event: Event | dict[str, Any],
        author: str | None = None,
        files: Mapping[str, bytes] | None = None,
    ) -> Any:
        """Record one event. Raises EventError (nothing written) for an event the
        meeting cannot take, RecordError (nothing applied) if the write fails.
        ``files``: the bytes of the paper a ``paper_attached`` event attaches, by
        SHA-256, written in the same transaction (store/papers.py)."""
        if not isinstance(event, Event):
            event = check_event(event)
        self.check(event)
        self._check_files(event, files or {})
        if self.lease is not None and self.lease.lost:
            raise RecordError(
                f"{self.record.target}: NOT recorded: this meeting is no longer "
                f"yours to write: it is {self.lease.lost}"
            )
        # Played first, committed second: nothing the rules cannot play is ever
        # stored. If the write then fails, the state goes back (rewind).
        seq = len(self.meeting.events)
        result = self.meeting.apply(event)
        try:
            self.record.append(self.meeting_id, event, seq, author, files=files)
        except BaseException as exc:
            self.meeting.rewind(seq)
            from secretary.store.approval import MinutesLocked, locked_reason

            # The trigger of approved minutes (approved since we looked): refused, not failed.
            if isinstance(exc, RecordError) and exc.problem is DbProblem.REFUSED:
                self._lock = locked_reason(self.record, self.meeting_id)
                raise MinutesLocked(self._lock or str(exc)) from None
            raise
        if event.type == "meeting_closed":
            self._keep_chain_head()
        return result

    def _keep_chain_head(self) -> None:
        """At close, the meeting's chain head in a second place (store/chain.py). The
        event is recorded already: a failure here is not the event's failure."""
        from sqlalchemy.exc import SQLAlchemyError

        from secretary.store.chain import keep_head
        from secretary.store.clock import now_utc

        try:
            with self.record.engine.begin() as conn:
                keep_head(conn, self.meeting_id, "closed", now_utc())
        except SQLAlchemyError:
            pass  # verify then has one head fewer to compare; nothing is lost

    def _check_files(self, event: Event, files: Mapping[str, bytes]) -> None:
        """A paper is attached with its bytes (or the record keeps them already)."""
        if event.type != "paper_attached":
            if files:
                raise RecordError(_("only a paper_attached event carries a file"))
            return
        sha = event.get("sha256")
        content = files.get(sha)
        if content is not None:
            from secretary.store.papers import sha256_of

            if len(content) != event.get("size") or sha256_of(content) != sha:
                raise RecordError(
                    _("paper_attached: the file does not match the size and SHA-256 given")
                )
            return
        from secretary.store.papers import stored

        with self.record.engine.connect() as conn:
            if sha not in stored(conn, [sha]):
                raise RecordError(
                    _("paper_attached: the paper's file is not in the record; attach the file")
                )

    def check(self, event: Event) -> None:
        """Raise EventError if ``event`` names something this meeting does not have,
        or MinutesLocked if the meeting's minutes are approved (see store.approval)."""
        from secretary.store.approval import MinutesLocked, refusal_reason

        refused = refusal_reason(
            self.record, self.meeting_id, event, self.meeting.events, lock=self._lock
        )
        if refused is not None:
            raise MinutesLocked(refused)
        # The domain's own check, so an undo that later events depend on is refused
        # before it is written rather than after.
        self.meeting.check(event)

    def locked_reason(self) -> str | None:
        """Why this meeting takes no more events (its minutes are approved), or None."""
        from secretary.store.approval import locked_reason

        self._lock = locked_reason(self.record, self.meeting_id)
        return self._lock

    @property
    def events(self) -> list[Event]:
        return self.meeting.events
