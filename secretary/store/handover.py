"""A meeting shown from its first paint while its writer opens on a worker thread.

``HandOver(first_paint)`` stands in for a ``LiveMeeting`` from the moment the
window is shown: ``meeting`` is the state folded from the read-only first read
(``store.fastread``) until the writer is open, then the writer's own. The writer
is the ordinary one — ``Record(path)`` (the one-writer lock, the schema check,
the integrity quick-check) and ``LiveMeeting`` (check → commit → apply) — opened
on a thread so that SQLAlchemy's import and the quick-check are not waited for
before the first paint.

Nothing is written before the writer is open: ``record_event`` (and everything
else that needs the record) waits for it, and if it could not be opened, raises
``RecordError`` saying why — nothing recorded, the state shown unchanged. A
process killed during the hand-over has written nothing yet (tests/test_crash_safety).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from secretary.domain.events import Event
from secretary.domain.meeting import Meeting
from secretary.store.errors import RecordError
from secretary.store.fastread import FirstPaint

if TYPE_CHECKING:
    from secretary.store.live import LiveMeeting
    from secretary.store.record import Record


class HandOver:
    def __init__(self, first: FirstPaint, *, start: bool = True):
        """``start=False``: the writer opens at ``start()`` (the window calls it once
        it is shown, so the worker's imports do not compete with its first paint for
        the interpreter) or at the first need of it, whichever comes first."""
        self.first = first
        self.meeting_id = first.meeting_id
        self.info = first.info
        self.terms = first.terms
        self.target = str(first.path)  # what Record(path).target says
        self._live: LiveMeeting | None = None
        self._error: str | None = None
        self._callbacks: list[Callable[[], None]] = []
        self._guard = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._open, name="secretary-writer", daemon=True)
        self._started = False
        if start:
            self.start()

    def start(self) -> None:
        """Open the writer on the worker thread (once)."""
        with self._guard:
            if self._started:
                return
            self._started = True
        self._thread.start()

    def _open(self) -> None:
        try:
            self._live = _open_writer(self.first.path, self.meeting_id)
        except Exception as exc:  # said to the user at the first write, and by on_done
            self._error = str(exc) or type(exc).__name__
        finally:
            with self._guard:
                self._done.set()
                callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def when_done(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the writer is open or has failed (at once if it has;
        else on the worker thread: a window passes a Qt signal's emit)."""
        with self._guard:
            if not self._done.is_set():
                self._callbacks.append(callback)
                return
        callback()

    # ------------------------------------------------------------------ the hand-over

    @property
    def ready(self) -> bool:
        return self._done.is_set()

    @property
    def error(self) -> str | None:
        """Why the writer could not be opened (once ready), or None."""
        return self._error

    @property
    def changed(self) -> bool:
        """The writer found other events than the first paint showed (written in
        between by another program): the views must read again."""
        live = self._live
        return live is not None and [e.id for e in live.events] != self.first.event_ids

    def wait(self) -> LiveMeeting:
        """The open writer; raises RecordError if it could not be opened."""
        self.start()
        self._done.wait()
        if self._live is None:
            raise RecordError(self._error or "the record could not be opened")
        return self._live

    # ------------------------------------------------------------------ as LiveMeeting

    @property
    def meeting(self) -> Meeting:
        live = self._live
        return live.meeting if live is not None else self.first.meeting

    @property
    def events(self) -> list[Event]:
        return self.meeting.events

    @property
    def record(self) -> Record:
        return self.wait().record

    @property
    def lease(self) -> Any:
        return self.wait().lease

    def record_event(
        self,
        event: Event | dict[str, Any],
        author: str | None = None,
        files: Mapping[str, bytes] | None = None,
    ) -> Any:
        return self.wait().record_event(event, author, files=files)

    def check(self, event: Event) -> None:
        self.wait().check(event)

    def locked_reason(self) -> str | None:
        # As LiveMeeting read it when it opened, moments ago on the worker thread: no
        # query (and no SQL compiled) on the window's thread at the hand-over.
        return self.wait()._lock

    def close(self) -> None:
        """Close the writer's record (waiting for it to open first)."""
        if not self._started:
            return
        self._done.wait()
        if self._live is not None:
            self._live.record.close()


def _open_writer(path: Path, meeting_id: int) -> LiveMeeting:
    """The ordinary writer: SQLAlchemy imported, the record opened (one-writer lock,
    schema, integrity quick-check), the meeting's events read and folded again."""
    from secretary.store.live import LiveMeeting
    from secretary.store.lock import RecordLocked
    from secretary.store.record import Record

    try:
        record = Record(path, create=False)
    except RecordLocked:  # another window records it: this one shows it, read only
        record = Record(path, create=False, readonly=True)
    try:
        live = LiveMeeting(record, meeting_id)
        # What the window's first write and the opening backup use, imported here.
        import secretary.store.approval  # noqa: F401
        import secretary.store.backup  # noqa: F401

        return live
    except BaseException:
        record.close()
        raise
