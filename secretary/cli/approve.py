"""`secretary approve`: approve the minutes of a meeting at a later meeting (5.7)."""

from __future__ import annotations

import argparse
from typing import Any

from secretary.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser(
        "approve",
        help=_("approve the minutes of a meeting at a later meeting; approved minutes are locked"),
        description=_(
            "Record at meeting --at that the minutes of --meeting were approved, "
            "as a true record or with amendments. Both meetings must be of the same "
            "cluster, and --at quorate for decisions. Nothing can be added to the "
            "approved meeting afterwards."
        ),
    )
    p.add_argument("--db", help=_("the record"))
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--meeting",
        type=int,
        help=_("the id of the meeting whose minutes are approved"),
    )
    which.add_argument(
        "--held-elsewhere",
        metavar="YYYY-MM-DD",
        help=_(
            "the date of a meeting not in this record (the one before the first kept "
            "here) whose minutes are approved"
        ),
    )
    p.add_argument(
        "--at",
        type=int,
        required=True,
        dest="at_meeting",
        help=_("the id of the meeting that approves them"),
    )
    p.add_argument(
        "--amendments",
        default="",
        help=_("the amendments made (leave out: approved as a true record)"),
    )
    p.add_argument("--item", help=_("the agenda item (default: the minutes item)"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from secretary.app.approval import approve_minutes
    from secretary.cli.between import live_meeting, open_record
    from secretary.cli.main import UserError
    from secretary.domain.events import EventError
    from secretary.store.approval import ApprovalError
    from secretary.store.record import RecordError

    record = open_record(args.db, "approve")
    try:
        live = live_meeting(record, args.at_meeting)
        if args.held_elsewhere is not None:
            return _held_elsewhere(live, args)
        locked = live.locked_reason()
        if locked is not None:  # the approving meeting itself takes no more events
            raise UserError(
                _(
                    "meeting {at} cannot approve the minutes of meeting {id}: {why}",
                    at=args.at_meeting,
                    id=args.meeting,
                    why=locked,
                )
            )
        try:
            approval = approve_minutes(
                live, args.meeting, args.amendments, item=args.item, author="cli"
            )
        except (ApprovalError, EventError, RecordError) as exc:
            raise UserError(
                _("meeting {id}: not approved: {why}", id=args.meeting, why=str(exc))
            ) from None
        row = record.meeting_row(args.meeting)
        print(
            _(
                "{title} ({date}): {statement}.",
                title=row.title,
                date=row.date,
                statement=approval.statement(),
            )
        )
        print(_("Fingerprint of the approved record: {fp}", fp=approval.fingerprint))
    finally:
        record.close()
    return 0


def _held_elsewhere(live: Any, args: argparse.Namespace) -> int:
    from secretary.app.previous_minutes import (
        PreviousMinutesError,
        approve_minutes_held_elsewhere,
    )
    from secretary.cli.main import UserError
    from secretary.store.record import RecordError

    try:
        done = approve_minutes_held_elsewhere(
            live, args.held_elsewhere, args.amendments, item=args.item, author="cli"
        )
    except (PreviousMinutesError, RecordError) as exc:
        raise UserError(
            _("meeting {id}: not approved: {why}", id=args.at_meeting, why=str(exc))
        ) from None
    if done.amendments:
        print(
            _(
                "The minutes of the meeting of {date} were approved with amendments.",
                date=done.date,
            )
        )
    else:
        print(
            _(
                "The minutes of the meeting of {date} were approved as a true record.",
                date=done.date,
            )
        )
    return 0
