"""Approved minutes in the exports: the ``ApprovalInfo`` a snapshot needs.

``snapshot_from_record(record, meeting_id, approved=approval_info(record,
meeting_id))`` makes minutes that lose their DRAFT marking once approved and
carry the approval date and the fingerprint of the approved record.
"""

from __future__ import annotations

from typing import Any

from secretary.export.snapshot import ApprovalInfo, MeetingSnapshot, snapshot_from_record


def approval_info(record: Any, meeting_id: int) -> ApprovalInfo | None:
    """The approval of ``meeting_id``'s minutes (store.approval), for a snapshot;
    None while the minutes are a draft."""
    from secretary.store.approval import approval_for

    approval = approval_for(record, meeting_id)
    if approval is None:
        return None
    return ApprovalInfo(
        date=approval.approved_on,
        fingerprint=approval.fingerprint,
        approved_by=approval.approved_at_title,
        amendments=approval.amendments,
    )


def snapshot_with_approval(record: Any, meeting_id: int, **kwargs: Any) -> MeetingSnapshot:
    """``snapshot_from_record`` with the approval filled in from the record."""
    return snapshot_from_record(
        record, meeting_id, approved=approval_info(record, meeting_id), **kwargs
    )
