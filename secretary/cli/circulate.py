"""`secretary circulate`: an e-mail draft of the minutes and action log to the members."""

from __future__ import annotations

import argparse
from typing import Any

from secretary.i18n import _, long_date


def register(sub: Any) -> None:
    p = sub.add_parser(
        "circulate",
        help=_("write an e-mail draft with the minutes and action log, to the members"),
        description=_(
            "Write an e-mail draft (.eml) addressed to the meeting's members and deputies "
            "who have an address on the roster, with the minutes and the action log "
            "attached, made from the record as it stands. Open it in Outlook or "
            "Thunderbird to send it. Members without an address are listed. "
            "--sent-on records the minutes as sent on that date (5.6)."
        ),
    )
    p.add_argument("--db", required=True, help=_("the record"))
    p.add_argument("--meeting", type=int, required=True, help=_("the id of the meeting"))
    p.add_argument("--out", required=True, metavar="DRAFT.eml", help=_("write the draft here"))
    p.add_argument(
        "--language",
        choices=("en", "cy", "bilingual"),
        default="bilingual",
        help=_("the language of the message and documents (default: bilingual, Welsh first)"),
    )
    p.add_argument(
        "--from",
        dest="sender",
        default="",
        metavar="ADDRESS",
        help=_("the secretariat's address, as the sender"),
    )
    p.add_argument("--template", metavar="T.docx", help=_("a Word template for the documents"))
    p.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help=_("the date the action log's RAG status is judged on (default: today)"),
    )
    p.add_argument(
        "--sent-on",
        dest="sent_on",
        metavar="YYYY-MM-DD",
        help=_("record that the minutes went to the members on this date"),
    )
    p.add_argument("--force", action="store_true", help=_("replace a draft that already exists"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from secretary.app.circulate import describe, prepare_circulation, record_minutes_sent
    from secretary.cli.between import date_arg, live_meeting, open_record
    from secretary.cli.main import UserError
    from secretary.domain.events import EventError
    from secretary.errors import SecretaryError
    from secretary.store.record import RecordError

    today = dt.date.fromisoformat(date_arg(args.today, "--today"))
    sent_on = date_arg(args.sent_on, "--sent-on") if args.sent_on else None
    sender = args.sender.strip()
    if sender and "@" not in sender:
        raise UserError(_("--from: {value!r} is not an email address", value=sender))
    record = open_record(args.db, "circulate")
    try:
        if sent_on is not None:
            # Asked before anything is written: a draft written and then "not
            # recorded" left half of the command done (a meeting whose minutes are
            # approved is locked, and takes no sending date).
            try:
                locked = live_meeting(record, args.meeting).locked_reason()
            except (SecretaryError, RecordError, EventError, ValueError) as exc:
                raise UserError(str(exc)) from None
            if locked:
                raise UserError(
                    _(
                        "meeting {id}: --sent-on cannot be recorded: {why}; nothing was "
                        "written (circulate without --sent-on for the e-mail alone)",
                        id=args.meeting,
                        why=locked,
                    )
                )
        try:
            draft = prepare_circulation(
                record,
                args.meeting,
                language=args.language,
                template=args.template,
                today=today,
                sender=sender,
            )
            path = draft.write(args.out, force=args.force)
        except (SecretaryError, RecordError, EventError, ValueError) as exc:
            raise UserError(str(exc)) from None
        print(path)
        for line in describe(draft):
            print(line)
        if sent_on is not None:
            try:
                record_minutes_sent(live_meeting(record, args.meeting), sent_on, author="cli")
            except (SecretaryError, RecordError, EventError, ValueError) as exc:
                raise UserError(
                    _("meeting {id}: not recorded: {why}", id=args.meeting, why=str(exc))
                ) from None
            print(
                _(
                    "Recorded: the minutes went to the members on {date}.",
                    date=long_date(sent_on, weekday=False),
                )
            )
    finally:
        record.close()
    return 0
