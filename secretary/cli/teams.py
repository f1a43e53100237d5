"""`secretary teams`: import a Microsoft Teams attendance report into a meeting."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from secretary.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser(
        "teams",
        help=_("import the attendance report Microsoft Teams downloads (remote attendance)"),
        description=_(
            "Read a Teams attendance report, match its participants to the meeting's "
            "people and show what would be recorded: remote arrivals and departures "
            "with their real times, and corrections of times already recorded. "
            "Nothing is recorded without --record."
        ),
    )
    p.add_argument("report", metavar="REPORT.csv", help=_("the attendance report from Teams"))
    p.add_argument("--db", required=True, help=_("the record"))
    p.add_argument("--meeting", type=int, required=True, help=_("the id of the meeting"))
    p.add_argument(
        "--match",
        action="append",
        default=[],
        metavar="N=PERSON",
        help=_("take participant N as this person of the meeting (its id), or N= for nobody"),
    )
    p.add_argument(
        "--add",
        action="append",
        type=int,
        default=[],
        metavar="N",
        help=_("add participant N, matched to nobody, as in attendance"),
    )
    p.add_argument("--record", action="store_true", help=_("record what is shown"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from secretary.app.meeting import record as record_event
    from secretary.app.teams import ADD, SKIP, read_and_plan, record_plan
    from secretary.cli.between import live_meeting, open_record
    from secretary.cli.main import UserError
    from secretary.errors import SecretaryError
    from secretary.store.record import RecordError

    path = Path(args.report)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            _("{path}: cannot be read: {why}", path=path, why=exc.strerror or str(exc))
        ) from None
    choices: dict[int, str] = {}
    for text in args.match:
        n, sep, who = text.partition("=")
        if not sep or not n.strip().isdigit():
            raise UserError(_("--match: give N=PERSON, not {value!r}", value=text))
        choices[int(n) - 1] = who.strip() or SKIP
    for n in args.add:
        choices[n - 1] = ADD
    record = open_record(args.db, "teams")
    try:
        live = live_meeting(record, args.meeting)
        info = record.meeting_info(args.meeting)
        try:
            plan = read_and_plan(live.meeting, data, str(path), info.date, choices)
        except (SecretaryError, RecordError, ValueError) as exc:
            raise UserError(str(exc)) from None
        for n, change in enumerate(plan.changes, start=1):
            who = change.name if change.person else _("(nobody)")
            print(f"{n:>3}. {change.participant.name} -> {who}")
            for line in change.said:
                print("       " + (_("not recorded: {why}", why=line) if change.problem else line))
            if change.problem:
                print("       !! " + change.problem)
            for line in change.notes:
                print("       " + line)
        if not args.record:
            print(_("Nothing recorded: add --record to record the above."))
            return 0
        try:
            done = record_plan(plan, lambda e: record_event(live, e, author="teams"))
        except (SecretaryError, RecordError, ValueError) as exc:
            raise UserError(str(exc)) from None
        print(_("People whose attendance was recorded from the Teams report: {n}.", n=len(done)))
    finally:
        record.close()
    return 0
