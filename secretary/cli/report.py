"""`secretary report attendance|interests`: the year's attendance, the register of interests."""

from __future__ import annotations

import argparse
from typing import Any

from secretary.i18n import _, long_date, plural


def register(sub: Any) -> None:
    p = sub.add_parser(
        "report",
        help=_(
            "reports over many meetings: attendance for a financial year, register of interests"
        ),
    )
    kinds = p.add_subparsers(dest="report", metavar="attendance|qaif|interests", required=True)
    att = kinds.add_parser(
        "attendance",
        help=_("attendance for a financial year (April to March) against requirements"),
        description=_(
            "Per seat, person and organisation: meetings attended (in person, "
            "remote, by deputy), apologies, absent, against the attendance the "
            "terms require of each seat tag. Shortfalls are marked."
        ),
    )
    att.add_argument("--db", help=_("the record"))
    att.add_argument(
        "--year",
        type=int,
        required=True,
        help=_("the financial year: 2026 means April 2026 to March 2027"),
    )
    att.add_argument("--cluster", help=_("the cluster (name or id; needed if several)"))
    att.add_argument(
        "--require",
        action="append",
        default=[],
        metavar="TAG=N",
        help=_("override a requirement, e.g. gp-practice=5 (repeatable)"),
    )
    add_document_options(att)
    att.set_defaults(handler=run_attendance)

    qaif = kinds.add_parser(
        "qaif",
        help=_("QAIF: each GP practice's meetings attended by a GP, for a financial year"),
        description=_(
            "Per GP practice: the meetings attended by a GP, and by a substitute the "
            "health board agreed, against the terms' QAIF requirement; and who attended "
            "otherwise. The roster says who is a GP (profession) and whose attendance "
            "the health board agreed (substitute_agreed)."
        ),
    )
    qaif.add_argument("--db", help=_("the record"))
    qaif.add_argument(
        "--year",
        type=int,
        required=True,
        help=_("the financial year: 2026 means April 2026 to March 2027"),
    )
    qaif.add_argument("--cluster", help=_("the cluster (name or id; needed if several)"))
    add_document_options(qaif)
    qaif.set_defaults(handler=run_qaif)

    intr = kinds.add_parser("interests", help=_("every declaration of interest, by person"))
    intr.add_argument("--db", help=_("the record"))
    intr.add_argument("--cluster", help=_("only this cluster (name or id)"))
    add_document_options(intr)
    intr.set_defaults(handler=run_interests)


def add_document_options(parser: Any) -> None:
    """--docx, --csv, --force and --language: what every report over many meetings
    takes (attendance, QAIF, interests, budget)."""
    parser.add_argument("--docx", help=_("also write a Word document"))
    parser.add_argument("--csv", help=_("also write a CSV file"))
    parser.add_argument("--force", action="store_true", help=_("replace existing files"))
    parser.add_argument(
        "--language",
        choices=("en", "cy", "bilingual"),
        default="en",
        help=_("the Word document's language: en, cy or bilingual (default: en)"),
    )


def _requirements(pairs: list[str]) -> dict[str, int]:
    from secretary.cli.main import UserError

    out = {}
    for pair in pairs:
        tag, sep, n = pair.partition("=")
        if not sep or not tag.strip() or not n.strip().isdigit():
            raise UserError(_("--require {pair!r}: write TAG=N, e.g. gp-practice=5", pair=pair))
        out[tag.strip()] = int(n)
    return out


def run_attendance(args: argparse.Namespace) -> int:
    from secretary.cli.between import open_record, series_key, write_outputs
    from secretary.cli.main import UserError
    from secretary.domain.attendance_year import STATUS_LABELS
    from secretary.store.record import RecordError
    from secretary.store.series import attendance_for_year

    if not 1900 < args.year < 3000:
        raise UserError(_("--year {year}: give a year such as 2026", year=args.year))
    reqs = _requirements(args.require)
    record = open_record(args.db, "report attendance", readonly=True)
    try:
        key = series_key(record, args.cluster)
        try:
            report = attendance_for_year(record, args.year, key, reqs)
        except RecordError as exc:
            raise UserError(str(exc)) from None
        unknown = sorted(set(reqs) - {t for s in report.seats for t in s.tags})
        if unknown and report.meetings:
            raise UserError(_("--require: no seat has the tag {tags}", tags=", ".join(unknown)))
        print(
            _(
                "Attendance {year} ({start} to {end}), {cluster}: {meetings}",
                year=report.label,
                start=long_date(report.start, weekday=False),
                end=long_date(report.end, weekday=False),
                cluster=key.label,
                meetings=plural(len(report.meetings), "{n} meeting", "{n} meetings"),
            )
        )
        print("  " + ", ".join(long_date(m.date, weekday=False) for m in report.meetings))
        width = min(36, max((len(s.name.render()) for s in report.seats), default=10))
        # Each meeting's column as wide as its longest word in this language (the
        # Welsh "wyneb yn wyneb" ran into the next column at a fixed 9).
        cells = [[_(STATUS_LABELS.get(x, x) or "-") for x in s.per_meeting] for s in report.seats]
        column = max((len(c) for row in cells for c in row), default=1)
        for s, row in zip(report.seats, cells, strict=True):
            t = s.tally
            per = "  ".join(f"{c:<{column}}" for c in row)
            req = "" if s.required is None else _("required {n}", n=s.required)
            flag = "  !! " + s.verdict().render() if s.shortfall else ""
            name = s.name.render()
            name = name if len(name) <= width else name[: width - 1] + "…"
            counts = _(
                "attended {n} (in person {p}, remote {r}, deputy {d}); apologies {a}; absent {x}",
                n=t.attended,
                p=t.in_person,
                r=t.remote,
                d=t.by_deputy,
                a=t.apologies,
                x=t.absent,
            )
            print(f"  {name:<{width}}  {per}  {counts}  {req}{flag}")

        def docx() -> bytes:
            from secretary.export.attendance_year import AttendanceYearExporter

            label = key.label_in(args.language)
            return AttendanceYearExporter(report, label, language=args.language).run()

        def csv() -> bytes:
            from secretary.export.attendance_year import attendance_csv

            return attendance_csv(report)

        write_outputs(args, docx, csv)
    finally:
        record.close()
    return 0


def run_qaif(args: argparse.Namespace) -> int:
    from secretary.cli.between import open_record, series_key, write_outputs
    from secretary.cli.main import UserError
    from secretary.domain.qaif import status_label
    from secretary.store.record import RecordError
    from secretary.store.series import qaif_for_year

    if not 1900 < args.year < 3000:
        raise UserError(_("--year {year}: give a year such as 2026", year=args.year))
    record = open_record(args.db, "report qaif")
    try:
        key = series_key(record, args.cluster)
        try:
            report = qaif_for_year(record, args.year, key)
        except RecordError as exc:
            raise UserError(str(exc)) from None
        if report is None:
            raise UserError(
                _(
                    "{cluster}: no QAIF rule in the terms of the year's meetings ([qaif] "
                    "with tag and meetings), or no meetings in {year}",
                    cluster=key.label,
                    year=args.year,
                )
            )
        print(_("QAIF attendance, {cluster}", cluster=key.label))
        cells = [
            [status_label(m.status).render() or "-" for m in p.meetings] for p in report.practices
        ]
        column = max((len(c) for row in cells for c in row), default=1)
        names = max((len(p.name.render()) for p in report.practices), default=16)
        for p, row in zip(report.practices, cells, strict=True):
            per = "  ".join(f"{c:<{column}}" for c in row)
            print(
                f"  {p.name.render():<{names}}  {per}  "
                + _(
                    "GP {gp}, agreed substitute {agreed}: {verdict}",
                    gp=p.by_gp,
                    agreed=p.by_agreed_substitute,
                    verdict=p.verdict().render(),
                )
            )

        def docx() -> bytes:
            from secretary.export.qaif import QaifExporter

            return QaifExporter(report, key.label_in(args.language), language=args.language).run()

        def csv() -> bytes:
            from secretary.export.qaif import qaif_csv

            return qaif_csv(report)

        write_outputs(args, docx, csv)
    finally:
        record.close()
    return 0


def run_interests(args: argparse.Namespace) -> int:
    from secretary.cli.between import open_record, series_key, write_outputs
    from secretary.cli.main import UserError
    from secretary.store.record import RecordError
    from secretary.store.series import interests

    record = open_record(args.db, "report interests", readonly=True)
    try:
        key = series_key(record, args.cluster) if args.cluster else None
        try:
            entries = interests(record, key)
        except RecordError as exc:
            raise UserError(str(exc)) from None
        if not entries:
            print(_("No declarations of interest recorded."))
        current = None
        for e in entries:
            if (e.name, e.person) != current:
                current = (e.name, e.person)
                print(e.name + (f" ({e.organisation})" if e.organisation else ""))
            item = _("all items") if e.item is None else (e.item_reference or e.item)
            followed = {
                "none": _("Declared; took part"),
                "abstain": _("Did not vote on the item"),
                "withdraw": _("Withdrew for the item"),
            }.get(e.action, e.action)
            when = long_date(e.meeting.date, weekday=False)
            print(f"  {when}  {item}: {e.interest} [{followed}]")
        label = key.label_in(args.language) if key else _single_label(record)

        def docx() -> bytes:
            from secretary.export.interests import InterestsExporter

            return InterestsExporter(entries, label, language=args.language).run()

        def csv() -> bytes:
            from secretary.export.interests import interests_csv

            return interests_csv(entries)

        write_outputs(args, docx, csv)
    finally:
        record.close()
    return 0


def _single_label(record: Any) -> str:
    """The cluster's name when the record holds only one, else ""."""
    from secretary.store.series import SeriesError, find_series

    try:
        return str(find_series(record).label)
    except SeriesError:
        return ""
