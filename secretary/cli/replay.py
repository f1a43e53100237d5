"""`secretary replay`: play a scenario, or re-derive a stored meeting, as JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from secretary.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser(
        "replay",
        help=_("play a meeting scenario (JSON) and print quorum and outcomes as JSON"),
        description=_(
            "Play a scenario file through the rules engine, or re-derive a stored "
            "meeting from its record (--db PATH --meeting ID)."
        ),
    )
    p.add_argument("scenario", nargs="?", help=_("the scenario file (JSON)"))
    p.add_argument(
        "--db", help=_("a record: store the played meeting in it, or read --meeting from it")
    )
    p.add_argument("--meeting", type=int, help=_("the id of a stored meeting to replay"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from secretary.cli.main import UserError
    from secretary.domain.scenario import ScenarioError, load_scenario, replay
    from secretary.store.errors import RecordError

    if args.scenario and args.meeting is not None:
        raise UserError(_("give a scenario file or --meeting, not both"))
    if args.scenario is None:
        if args.db is None or args.meeting is None:
            raise UserError(_("replay needs a scenario file, or --db PATH --meeting ID"))
        return _replay_stored(args.db, args.meeting)
    try:
        scenario = load_scenario(args.scenario)
        report: dict[str, Any] = scenario.report or replay(scenario)
    except ScenarioError as exc:
        raise UserError(str(exc)) from None
    if args.db:
        from secretary.app.scenarios import EventNotStored, store_scenario
        from secretary.store.record import Record

        try:
            record = Record(args.db)
            try:
                meeting_id = store_scenario(record, scenario, author="replay")
            except EventNotStored as exc:
                raise UserError(
                    _(
                        "{file}: event {i}: not recorded in {db}: {why}",
                        file=args.scenario,
                        i=exc.index,
                        db=record.target,
                        why=exc.why,
                    )
                ) from None
            finally:
                record.close()  # all of the scenario was written, or none of it
        except RecordError as exc:
            raise UserError(str(exc)) from None
        report["meeting_id"] = meeting_id
    _print(report)
    return 0


def _replay_stored(db: str, meeting_id: int) -> int:
    from pathlib import Path

    from secretary.cli.main import UserError
    from secretary.domain.events import EventError
    from secretary.domain.scenario import report_for_meeting
    from secretary.store.record import Record, RecordError, mask_url

    if "://" not in db and not Path(db).exists():
        raise UserError(_("{db}: no such record", db=db))
    try:
        record = Record(db, create=False, readonly=True)  # an audit: never the writer
        events = record.events(meeting_id) if _exists(record, meeting_id) else None
        if events is None:
            record.close()
            raise UserError(_("{db}: no meeting with id {id}", db=record.target, id=meeting_id))
        report = report_for_meeting(events, record.meeting_terms(meeting_id))
        record.close()
    except RecordError as exc:
        raise UserError(str(exc)) from None
    except EventError as exc:
        raise UserError(
            _(
                "{db}: meeting {id}: the stored events cannot be played: {why}",
                db=mask_url(db),
                id=meeting_id,
                why=str(exc),
            )
        ) from None
    report["meeting_id"] = meeting_id
    _print(report)
    return 0


def _exists(record: Any, meeting_id: int) -> bool:
    from secretary.store.record import RecordError

    try:
        record.meeting_row(meeting_id)
    except RecordError:
        return False
    return True


def _print(report: dict[str, Any]) -> None:
    from secretary.cli.jsonout import dumps  # json.dump's text, faster

    sys.stdout.write(dumps(report))
    sys.stdout.write("\n")
