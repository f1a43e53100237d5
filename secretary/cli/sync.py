"""`secretary checkout`, `secretary checkin`, `secretary leases`: a central record and
the venue records taken out of it (see docs/central-record.md)."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from secretary.i18n import _, long_date, plural


def register(sub: Any) -> None:
    p = sub.add_parser(
        "checkout",
        help=_("copy a meeting of a central record to a venue record, for a venue with no network"),
        description=_(
            "Copy a meeting from the central record (a PostgreSQL URL, or a record file) "
            "into a new venue record file: the meeting, its cluster with its terms and "
            "roster versions, the cluster's earlier meetings and its decisions taken "
            "outside meetings. The central copy of the meeting is leased to the venue "
            "record until it is checked in. The password comes from PGPASSWORD or "
            "~/.pgpass, never the command line."
        ),
    )
    p.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="URL",
        help=_("the central record, e.g. postgresql://secretariat@db.example/secretary"),
    )
    p.add_argument(
        "--meeting",
        type=int,
        required=True,
        metavar="ID",
        help=_(
            "the meeting's id in the central record (see 'secretary leases' "
            "or the window's meeting list)"
        ),
    )
    p.add_argument(
        "--to",
        dest="venue",
        required=True,
        metavar="VENUE.sqlite",
        help=_("the venue record to create (must not exist yet)"),
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=_(
            "take the meeting's lease even if someone holds it (their later "
            "changes then become a conflict at check-in)"
        ),
    )
    p.set_defaults(handler=run_checkout)

    p = sub.add_parser(
        "checkin",
        help=_("merge a venue record's meetings back into the central record"),
        description=_(
            "Merge the events recorded at the venue back into the central record, by "
            "uuid: running it again changes nothing. A meeting changed both centrally "
            "and at the venue since the check-out is a conflict: nothing of it is "
            "merged until you choose --resolve keep-both (the venue's events after the "
            "central ones), venue (the central ones undone by correction events, then "
            "the venue's added) or central (the venue's kept aside in the central "
            "record, not added to the meeting). Exit status 1 while a conflict remains."
        ),
    )
    p.add_argument("venue", metavar="VENUE.sqlite", help=_("the venue record"))
    p.add_argument(
        "--to", dest="central", required=True, metavar="URL", help=_("the central record")
    )
    p.add_argument(
        "--show-conflicts",
        action="store_true",
        help=_("show each conflict's new events side by side and merge nothing"),
    )
    p.add_argument(
        "--resolve",
        choices=["keep-both", "venue", "central"],
        help=_("how to resolve conflicts (see docs/central-record.md)"),
    )
    p.set_defaults(handler=run_checkin)

    p = sub.add_parser(
        "leases",
        help=_("who is writing to which meeting of a central record"),
        description=_(
            "List the meetings of a central record that someone is recording now or has "
            "checked out to a venue. --release ID removes a meeting's lease (a program "
            "that crashed, a laptop that will not come back): the holder's later "
            "changes then meet a conflict at check-in."
        ),
    )
    p.add_argument("--db", help=_("the central record (a PostgreSQL URL)"))
    p.add_argument("--release", type=int, metavar="ID", help=_("remove the lease of meeting ID"))
    p.set_defaults(handler=run_leases)


def _open(target: str | None, what: str, *, create: bool = False) -> Any:
    from secretary.cli.main import UserError
    from secretary.store.record import Record, RecordError, is_url, mask_url

    if not target:
        raise UserError(_("{what} is needed", what=what))
    if not is_url(target) and not create and not Path(target).exists():
        raise UserError(_("{db}: no such record", db=mask_url(target)))
    try:
        return Record(target, create=create)
    except RecordError as exc:
        raise UserError(str(exc)) from None


def run_checkout(args: argparse.Namespace) -> int:
    from secretary.app.files import check_out
    from secretary.cli.main import UserError
    from secretary.store.record import RecordError
    from secretary.store.sync import SyncError

    central = _open(args.source, "--from URL (the central record)")
    try:
        result = check_out(central, args.meeting, args.venue, force=args.force)
    except (SyncError, RecordError) as exc:
        raise UserError(str(exc)) from None
    finally:
        central.close()
    print(
        _(
            "Checked out {title} ({date}) to {venue}: {events}, {meetings} of the cluster "
            "for reference.",
            title=result.title,
            date=long_date(result.date, weekday=False),
            venue=result.venue,
            events=plural(result.events, "{n} event", "{n} events"),
            meetings=plural(result.context_meetings, "{n} earlier meeting", "{n} earlier meetings"),
        )
    )
    print(
        _(
            "The central copy is leased to it: record the meeting in {venue} (secretary "
            "--db {venue}), then: secretary checkin {venue} --to URL",
            venue=result.venue,
        )
    )
    return 0


def run_checkin(args: argparse.Namespace) -> int:
    from secretary.app.files import check_in
    from secretary.cli.main import UserError
    from secretary.store.record import RecordError
    from secretary.store.sync import SyncError, merge

    venue = _open(args.venue, "the venue record")
    try:
        central = _open(args.central, "--to URL (the central record)")
    except BaseException:
        venue.close()
        raise
    try:
        if args.show_conflicts:
            # A dry look: merge into nothing, just compare (the transaction is rolled back).
            report = merge(
                venue,
                central,
                source_name=str(venue.path),
                target_name=central.target,
                dry_run=True,
            )
            conflicts = report.conflicts
            if not conflicts:
                print(
                    _(
                        "No conflicts: 'secretary checkin {venue} --to URL' merges it.",
                        venue=args.venue,
                    )
                )
                return 0
            width = shutil.get_terminal_size((120, 20)).columns
            for m in conflicts:
                print(m.side_by_side("venue", "central", width))
                print()
            print(
                _(
                    "Resolve with --resolve keep-both | venue | central "
                    "(see docs/central-record.md)."
                )
            )
            return 1
        result = check_in(venue, central, resolve=args.resolve)
    except (SyncError, RecordError) as exc:
        raise UserError(str(exc)) from None
    finally:
        venue.close()
        central.close()
    for line in result.report.lines():
        print(line)
    if result.conflicts:
        print(
            _(
                "Nothing of a meeting in conflict was merged. See both sides with "
                "--show-conflicts, then choose --resolve keep-both | venue | central."
            )
        )
        return 1
    if not result.report.changed:
        print(_("Nothing new to merge (already checked in)."))
    return 0


def run_leases(args: argparse.Namespace) -> int:
    from secretary.app.files import release_lease
    from secretary.cli.main import UserError
    from secretary.store.lease import leases
    from secretary.store.record import RecordError

    record = _open(args.db, "--db URL (the central record)")
    try:
        if args.release is not None:
            row = record.meeting_row(args.release)
            removed = release_lease(record, row.uuid)
            if removed is None:
                print(_("{title} ({date}) had no lease.", title=row.title, date=row.date))
            else:
                print(
                    _(
                        "Lease removed: {title} ({date}) was {how}.",
                        title=row.title,
                        date=row.date,
                        how=removed.describe(),
                    )
                )
            return 0
        found = leases(record)
    except RecordError as exc:
        raise UserError(str(exc)) from None
    finally:
        record.close()
    if not found:
        print(_("No meeting is being recorded or checked out."))
        return 0
    for info in found:
        what = (
            f"{info.meeting_title} ({info.meeting_date})"
            if info.meeting_date
            else (info.meeting_title or info.meeting_uuid)
        )
        ident = f"[{info.meeting_id}] " if info.meeting_id is not None else ""
        print(f"{ident}{what}: {info.describe()}")
    return 0
