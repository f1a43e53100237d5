"""`secretary restore --db PATH [--list] [--from BACKUP]`: list a record's backups,
or put one back (the current file is backed up first)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from secretary.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser(
        "restore",
        help=_(
            "list a record's backups, or restore one (the current record is kept as a backup first)"
        ),
        description=_(
            "Backups are kept in a 'backups' folder beside the record. With --list "
            "(or nothing else) they are listed, newest first; --from puts one back "
            "in place of the record, after checking it and after backing up the "
            "current record."
        ),
    )
    p.add_argument("--db", help=_("the record"))
    p.add_argument("--list", action="store_true", help=_("list the backups, newest first"))
    p.add_argument(
        "--from",
        dest="source",
        metavar="BACKUP",
        help=_("the backup to restore: a file, or its number in --list (1 = newest)"),
    )
    p.add_argument(
        "--confirm-undo",
        action="store_true",
        help=_(
            "restore even though it undoes approvals of minutes or removes meetings "
            "(they are listed without it; the record as it is now is kept)"
        ),
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from secretary.app.files import restore
    from secretary.cli.main import UserError
    from secretary.store.backup import RestoreWouldUndo, list_backups
    from secretary.store.record import RecordError

    if not args.db:
        raise UserError(_("restore needs --db PATH (the record)"))
    if "://" in args.db:
        raise UserError(_("restore works on a record file, not a database URL"))
    record = Path(args.db)
    backups = list_backups(record)
    if args.source is None:
        if not backups:
            print(
                _(
                    "{file}: no backups (looked in {folder})",
                    file=record,
                    folder=record.parent / "backups",
                )
            )
            return 0
        print(_("Backups of {file}, newest first:", file=record))
        for n, b in enumerate(backups, 1):
            kept = _("  (kept by a restore)") if b.safety else ""
            print(f"{n:>3}. {b.describe()}{kept}")
        return 0
    if args.list:
        raise UserError(_("give --list or --from, not both"))
    source = _pick(args.source, backups)
    try:
        safety = restore(source, record, confirm=args.confirm_undo)
    except RestoreWouldUndo as exc:
        raise UserError(
            _(
                "{why}; add --confirm-undo to restore it anyway (the record as it is now is kept)",
                why=str(exc),
            )
        ) from None
    except RecordError as exc:
        raise UserError(str(exc)) from None
    print(_("Restored {file} from {backup}.", file=record, backup=source))
    if safety is not None:
        print(_("The record as it was before is kept in {copy}.", copy=safety))
    return 0


def _pick(source: str, backups: list[Any]) -> Path:
    from secretary.cli.main import UserError

    if source.isdigit() and not Path(source).exists():
        n = int(source)
        if not 1 <= n <= len(backups):
            raise UserError(
                _("no backup number {n} (there are {count}; see --list)", n=n, count=len(backups))
            )
        return Path(backups[n - 1].path)
    path = Path(source)
    if not path.is_file():
        raise UserError(_("{file}: no such backup", file=path))
    return path
