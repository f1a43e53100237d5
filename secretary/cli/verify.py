"""`secretary verify --db PATH`: is the record sound, and does every meeting still play?"""

from __future__ import annotations

import argparse
from typing import Any

from secretary.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser(
        "verify",
        help=_(
            "check a record: file integrity, append-only events, every meeting replays, "
            "approved minutes still match"
        ),
        description=_(
            "Check a record without changing it. Exit status 0: all well; 1: a "
            "problem was found (listed); 2: the file cannot be checked."
        ),
    )
    p.add_argument("--db", help=_("the record to check"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from secretary.cli.main import UserError
    from secretary.store.record import RecordError
    from secretary.store.verify import verify_record

    if not args.db:
        raise UserError(_("verify needs --db PATH (the record to check)"))
    try:
        if "://" in args.db:  # a central record: docs/central-record.md
            from secretary.store.verify_central import verify_database

            report = verify_database(args.db)
        else:
            report = verify_record(args.db)
    except RecordError as exc:
        raise UserError(str(exc)) from None
    print(report.text())
    return 0 if report.ok else 1
