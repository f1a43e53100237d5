"""Approving minutes (5.7) at a later meeting, which locks them."""

from __future__ import annotations

from secretary.store import approval as store_approval
from secretary.store.approval import Approval
from secretary.store.live import LiveMeeting


def approve_minutes(
    live: LiveMeeting,
    meeting_id: int,
    amendments: str = "",
    *,
    item: str | None = None,
    at: str | None = None,
    author: str | None = None,
) -> Approval:
    """Approve ``meeting_id``'s minutes at ``live``'s meeting: one transaction writes
    the ``minutes_approved`` event and the lock. Raises ApprovalError (why not) or
    RecordError; nothing is written then."""
    return store_approval.approve_minutes(
        live, meeting_id, amendments, item=item, at=at, author=author
    )
