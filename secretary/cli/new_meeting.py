"""`secretary new-meeting`: the meeting after another, prefilled as the window's New
meeting does it (the same operation, ``app.next_meeting.create_meeting``)."""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

from secretary.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser(
        "new-meeting",
        help=_("create the next meeting, carrying open actions and outside decisions"),
        description=_(
            "Create the meeting after --after on --date: the terms and roster in force "
            "that day (for a series with no cluster, those of the meeting before), the "
            "standing items, the open actions of earlier meetings on matters arising, "
            "and the decisions taken outside meetings awaiting ratification or noting. "
            'Prints {"meeting_id": N, "carried_actions": K, "outside_decisions": J}.'
        ),
    )
    p.add_argument("--db", help=_("the record"))
    p.add_argument(
        "--after",
        type=int,
        required=True,
        metavar="MEETING_ID",
        help=_("the meeting the new one follows (its cluster or series)"),
    )
    p.add_argument("--date", required=True, help=_("the date of the new meeting, YYYY-MM-DD"))
    p.add_argument("--start", default="", help=_("the start time, HH:MM"))
    p.add_argument("--venue", default="", help=_("where it is held (default: as before)"))
    p.add_argument("--title", default="", help=_("its title (default: as before)"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from secretary.app.next_meeting import create_meeting
    from secretary.cli.between import date_arg, open_record
    from secretary.cli.main import UserError
    from secretary.domain.scenario import MeetingInfo
    from secretary.errors import SecretaryError

    date = date_arg(args.date, "--date")
    if args.start and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", args.start):
        raise UserError(_("--start must be a time HH:MM, not {value!r}", value=args.start))
    record = open_record(args.db, "new-meeting")
    try:
        info = MeetingInfo(
            title=" ".join(args.title.split()),
            date=date,
            start=args.start,
            venue=" ".join(args.venue.split()),
        )
        try:
            record.meeting_row(args.after)
            made = create_meeting(record, info, after=args.after, author="cli")
        except SecretaryError as exc:
            raise UserError(
                _("{db}: no meeting created: {why}", db=record.target, why=str(exc))
            ) from None
    finally:
        record.close()
    print(json.dumps(made.to_json()))
    return 0
