"""`secretary meetings`: the meetings of a record with their deadlines (5.5, 5.6)."""

from __future__ import annotations

import argparse
from typing import Any

from secretary.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser(
        "meetings",
        help=_("list meetings with papers and minutes deadlines, approval and overdue actions"),
        description=_(
            "List the meetings of a record, each with its papers and minutes "
            "deadlines (from the terms frozen with it) judged on --today, whether "
            "its minutes are approved, and its open actions past their due date. "
            "--papers-sent / --minutes-sent ID record that they went out (--on)."
        ),
    )
    p.add_argument("--db", help=_("the record"))
    p.add_argument("--today", help=_("judge deadlines on this date (default: today)"))
    p.add_argument("--cluster", help=_("only this cluster (name or id)"))
    p.add_argument(
        "--papers-sent",
        type=int,
        metavar="ID",
        help=_("record that meeting ID's papers were sent (on --on)"),
    )
    p.add_argument(
        "--minutes-sent",
        type=int,
        metavar="ID",
        help=_("record that meeting ID's minutes went to members (on --on)"),
    )
    p.add_argument("--on", help=_("the date they were sent (default: today)"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from secretary.app.meeting import mark_sent
    from secretary.cli.between import date_arg, live_meeting, open_record, series_key
    from secretary.cli.main import UserError
    from secretary.domain.events import EventError
    from secretary.store.meeting_list import entries
    from secretary.store.record import RecordError
    from secretary.store.series import SeriesError

    today = date_arg(args.today, "--today")
    record = open_record(
        args.db,
        "meetings",
        readonly=args.papers_sent is None and args.minutes_sent is None,
    )
    try:
        for what, mid in (("papers", args.papers_sent), ("minutes", args.minutes_sent)):
            if mid is None:
                continue
            live = live_meeting(record, mid)
            try:
                mark_sent(live, what, date_arg(args.on, "--on"), author="cli")
            except (SeriesError, EventError, RecordError) as exc:
                raise UserError(
                    _("meeting {id}: not recorded: {why}", id=mid, why=str(exc))
                ) from None
        key = series_key(record, args.cluster) if args.cluster else None
        try:
            rows = entries(record, today, key)
        except RecordError as exc:
            raise UserError(str(exc)) from None
        if not rows:
            print(_("No meetings."))
        current = None
        for row in rows:
            if row.series != current:
                current = row.series
                print(f"== {row.series.label}")
            status = (
                _("minutes approved {date}", date=row.approved_on)
                if row.approved_on
                else _("minutes draft")
            )
            print(f"{row.ref.id:>4}  {row.ref.date or '----------'}  {row.ref.title}  [{status}]")
            flags = []
            if row.deadlines is not None:
                for d in (row.deadlines.papers, row.deadlines.minutes):
                    if d is not None:
                        mark = "!! " if d.overdue else ""
                        flags.append(mark + str(d.describe()))
            for t in row.overdue_actions:
                flags.append(
                    "!! "
                    + _(
                        "action {id} overdue (due {due}, {owner}): {text}",
                        id=t.id,
                        due=t.due,
                        owner=t.owner or "-",
                        text=t.text,
                    )
                )
            for flag in flags:
                print("        " + flag)
    finally:
        record.close()
    return 0
