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
    p.add_argument(
        "--against",
        metavar="MINUTES.docx",
        help=_(
            "check a circulated document against the record: was it made from what the "
            "record holds now?"
        ),  # fmt: skip
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from secretary.cli.main import UserError
    from secretary.store.record import RecordError
    from secretary.store.verify import verify_record

    if not args.db:
        raise UserError(_("verify needs --db PATH (the record to check)"))
    if args.against:
        return _against(args.db, args.against)
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


def _against(db: str, document: str) -> int:
    from secretary.cli.main import UserError
    from secretary.errors import SecretaryError
    from secretary.export.check import chain_in_document
    from secretary.store.verify import check_document_chain

    if "://" in db:
        raise UserError(_("--against works on a record file, not a database URL"))
    try:
        uuid, events, head = chain_in_document(document)
        ok, message = check_document_chain(db, uuid, events, head)
    except SecretaryError as exc:
        raise UserError(str(exc)) from None
    print(message)
    return 0 if ok else 1
