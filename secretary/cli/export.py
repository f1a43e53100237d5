"""`secretary export`: minutes, action log, financial log and attendance register in Word."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from secretary.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help=_("write the minutes, action log, financial log and attendance register (.docx)"),
        description=_(
            "Write a stored meeting's documents in Word. With no output option, "
            "all four are written next to the record, named after the meeting. "
            "An existing file is never replaced unless --force is given."
        ),
    )
    p.add_argument("--db", required=True, help=_("the record (a file path)"))
    p.add_argument("--meeting", type=int, required=True, help=_("the id of the meeting"))
    p.add_argument("--minutes", metavar="F.docx", help=_("write the minutes to this file"))
    p.add_argument("--actions", metavar="F.docx", help=_("write the action log to this file"))
    p.add_argument("--financial", metavar="F.docx", help=_("write the financial log to this file"))
    p.add_argument(
        "--attendance", metavar="F.docx", help=_("write the attendance register to this file")
    )
    p.add_argument(
        "--template",
        metavar="T.docx",
        help=_(
            "a Word document or template (.docx, .dotx) whose styles, page "
            "set-up, header and footer to use"
        ),
    )
    p.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help=_("the date the action log's RAG status is judged on (default: today)"),
    )
    p.add_argument(
        "--next-meeting",
        metavar="YYYY-MM-DD",
        help=_("the date of the next meeting, for the minutes"),
    )
    p.add_argument(
        "--draft-version",
        dest="draft_version",
        type=int,
        default=1,
        metavar="N",
        help=_("the draft version number printed on the minutes (default 1)"),
    )
    p.add_argument(
        "--language",
        choices=("en", "cy", "bilingual"),
        default="en",
        help=_("the documents' language: en, cy (Welsh) or bilingual (Welsh first; default: en)"),
    )
    p.add_argument("--force", action="store_true", help=_("replace files that already exist"))
    p.set_defaults(handler=run)


def _date(value: str | None, option: str) -> dt.date | None:
    from secretary.cli.main import UserError

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(
            _("{option}: not a date YYYY-MM-DD: {value!r}", option=option, value=value)
        ) from None


def run(args: argparse.Namespace) -> int:
    from secretary.app.files import export_meeting
    from secretary.cli.main import UserError
    from secretary.domain.events import EventError
    from secretary.export import ExportError, TemplateError
    from secretary.store.record import Record, RecordError

    today = _date(args.today, "--today") or dt.date.today()
    next_meeting = _date(args.next_meeting, "--next-meeting")
    if args.draft_version < 1:
        raise UserError(_("--draft-version: must be 1 or more, not {n}", n=args.draft_version))
    db = Path(args.db)
    if "://" not in args.db and not db.is_file():
        raise UserError(_("{db}: no such record", db=args.db))
    try:
        record = Record(args.db, create=False, readonly=True)
    except RecordError as exc:
        raise UserError(str(exc)) from None
    chosen = {k: getattr(args, k) for k in ("minutes", "actions", "financial", "attendance")}
    outputs: dict[str, str | Path] = {k: v for k, v in chosen.items() if v}
    try:
        written = export_meeting(
            record,
            args.meeting,
            folder=db.parent if "://" not in args.db else Path("."),
            outputs=outputs,
            language=args.language,
            template=args.template,
            today=today,
            force=args.force,
            version=args.draft_version,
            next_meeting=next_meeting.isoformat() if next_meeting else None,
        )
    except (TemplateError, ExportError) as exc:
        raise UserError(str(exc)) from None
    except RecordError as exc:
        raise UserError(str(exc)) from None
    except EventError as exc:
        raise UserError(
            _(
                "{db}: meeting {id}: the stored events cannot be played: {why}",
                db=record.target,
                id=args.meeting,
                why=str(exc),
            )
        ) from None
    finally:
        record.close()
    for path in written:
        print(path)
    return 0
