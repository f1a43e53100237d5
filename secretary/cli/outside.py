"""`secretary outside`: decisions taken outside meetings (3.2.7, 3.2.9, 5.1)."""

from __future__ import annotations

import argparse
from typing import Any

from secretary.i18n import _, long_date
from secretary.i18n import money as format_money


def register(sub: Any) -> None:
    p = sub.add_parser(
        "outside",
        help=_("record and list decisions taken outside meetings, and their ratification"),
        description=_(
            "Decisions taken remotely (for ratification) and the Cluster Lead's "
            "urgent action (for noting) are listed on each next meeting's agenda "
            "until a meeting ratifies or notes them."
        ),
    )
    verbs = p.add_subparsers(dest="verb", metavar="add|list|ratify", required=True)
    add = verbs.add_parser("add", help=_("record a decision taken outside a meeting"))
    add.add_argument("--db", help=_("the record"))
    add.add_argument(
        "--cluster", help=_("the cluster (name or id; needed if the record has several)")
    )
    add.add_argument("--date", required=True, help=_("the date it was decided (YYYY-MM-DD)"))
    add.add_argument(
        "--kind",
        choices=["remote", "urgent"],
        required=True,
        help=_(
            "remote: a decision taken remotely (3.2.7); urgent: the Cluster "
            "Lead's urgent action (3.2.9)"
        ),
    )
    add.add_argument("--title", required=True, help=_("what was decided, in a line"))
    add.add_argument("--text", default="", help=_("the decision in full"))
    add.add_argument("--consulted", default="", help=_("who was consulted"))
    add.add_argument("--amount", type=float, help=_("the sum, for a financial decision"))
    add.add_argument("--financial", action="store_true", help=_("a financial decision"))
    add.add_argument(
        "--signatory",
        default="",
        help=_("the Health Board authorised signatory (financial decisions)"),
    )
    add.set_defaults(handler=run_add)

    lst = verbs.add_parser("list", help=_("list decisions taken outside meetings"))
    lst.add_argument("--db", help=_("the record"))
    lst.add_argument("--cluster", help=_("the cluster (name or id)"))
    lst.add_argument(
        "--pending", action="store_true", help=_("only those not yet ratified or noted")
    )
    lst.set_defaults(handler=run_list)

    rat = verbs.add_parser("ratify", help=_("record that a meeting ratified or noted one"))
    rat.add_argument("--db", help=_("the record"))
    rat.add_argument("--meeting", type=int, required=True, help=_("the meeting's id"))
    rat.add_argument("--decision", type=int, required=True, help=_("the decision's id"))
    rat.add_argument(
        "--outcome",
        choices=["ratified", "noted", "not_ratified"],
        required=True,
        help=_("what the meeting did"),
    )
    rat.add_argument("--text", default="", help=_("a note for the minutes"))
    rat.set_defaults(handler=run_ratify)


def run_add(args: argparse.Namespace) -> int:
    from secretary.app.outside import record_outside_decision
    from secretary.cli.between import date_arg, open_record, series_key
    from secretary.cli.main import UserError
    from secretary.store.record import RecordError
    from secretary.store.series import SeriesError

    record = open_record(args.db, "outside add")
    try:
        key = series_key(record, args.cluster)
        try:
            d = record_outside_decision(
                record,
                key,
                decided_on=date_arg(args.date, "--date"),
                kind=args.kind,
                title=args.title,
                text=args.text,
                consulted=args.consulted,
                financial=args.financial,
                amount=args.amount,
                signatory=args.signatory,
                author="cli",
            )
        except (SeriesError, RecordError) as exc:
            raise UserError(_("not recorded: {why}", why=str(exc))) from None
        print(
            _(
                "Recorded decision {id}: {kind} of {date}, {purpose}: {title}",
                id=d.id,
                kind=d.kind_label().lower(),
                date=long_date(d.decided_on, weekday=False),
                purpose=d.purpose,
                title=d.title,
            )
        )
    finally:
        record.close()
    return 0


def run_list(args: argparse.Namespace) -> int:
    from secretary.cli.between import open_record, series_key
    from secretary.cli.main import UserError
    from secretary.store.record import RecordError
    from secretary.store.series import outside_decisions

    record = open_record(args.db, "outside list", readonly=True)
    try:
        key = series_key(record, args.cluster)
        try:
            rows = [d for d in outside_decisions(record, key) if d.pending or not args.pending]
        except RecordError as exc:
            raise UserError(str(exc)) from None
        if not rows:
            print(_("No decisions taken outside meetings."))
        for d in rows:
            where = ""
            if d.settled_at is not None:
                where = _(" at {meeting}", meeting=d.settled_at.label())
            elif d.listed_at:
                where = _(" (on the agenda of {meeting})", meeting=d.listed_at[-1].label())
            money = f" {format_money(d.amount)}" if d.amount is not None else ""
            print(
                f"{d.id:>3}  {d.decided_on}  {d.kind_label()}: {d.title}{money}"
                f" — {d.status_label()}{where}"
            )
            if d.consulted:
                print("     " + _("consulted: {who}", who=d.consulted))
            if d.signatory:
                print("     " + _("HB authorised signatory: {who}", who=d.signatory))
    finally:
        record.close()
    return 0


def run_ratify(args: argparse.Namespace) -> int:
    from secretary.app.outside import settle_outside_decision
    from secretary.cli.between import live_meeting, open_record
    from secretary.cli.main import UserError
    from secretary.domain.events import EventError
    from secretary.store.record import RecordError
    from secretary.store.series import SeriesError

    record = open_record(args.db, "outside ratify")
    try:
        live = live_meeting(record, args.meeting)
        try:
            d = settle_outside_decision(
                live, args.decision, args.outcome, text=args.text, author="cli"
            )
        except (SeriesError, EventError, RecordError) as exc:
            raise UserError(
                _("meeting {id}: not recorded: {why}", id=args.meeting, why=str(exc))
            ) from None
        print(
            _(
                "Decision {id} {status} at {meeting}.",
                id=d.id,
                status=d.status_label(),
                meeting=live.info.title
                + (f" ({long_date(live.info.date, weekday=False)})" if live.info.date else ""),
            )
        )
    finally:
        record.close()
    return 0
