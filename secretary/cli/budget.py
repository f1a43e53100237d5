"""`secretary budget set|show`: a cluster's budget against what its meetings committed."""

from __future__ import annotations

import argparse
from typing import Any

from secretary.i18n import _, long_date


def register(sub: Any) -> None:
    from secretary.cli.report import add_document_options

    p = sub.add_parser(
        "budget",
        help=_("a cluster's budget by line for a financial year, against its decisions"),
    )
    kinds = p.add_subparsers(dest="budget", metavar="set|show", required=True)
    st = kinds.add_parser(
        "set",
        help=_("enter or correct a budget line's allocation for a financial year"),
        description=_(
            "Enter the cluster's allocation for a budget line (or an IMTP priority) for a "
            "financial year; entering it again corrects it. Every entry is kept."
        ),
    )
    st.add_argument("--db", help=_("the record"))
    st.add_argument("--cluster", help=_("the cluster (name or id; needed if several)"))
    st.add_argument(
        "--year",
        type=int,
        required=True,
        help=_("the financial year: 2026 means April 2026 to March 2027"),
    )
    st.add_argument(
        "--line", required=True, help=_("the budget line, e.g. 'Prevention & wellbeing'")
    )
    st.add_argument("--amount", required=True, help=_("the allocation in pounds, e.g. 41200"))
    st.add_argument(
        "--note", default="", help=_("why (e.g. 'revised allocation, letter of 3 June')")
    )
    st.set_defaults(handler=run_set)
    sh = kinds.add_parser(
        "show",
        help=_("allocated, committed and remaining per budget line for a financial year"),
    )
    sh.add_argument("--db", help=_("the record"))
    sh.add_argument("--cluster", help=_("the cluster (name or id; needed if several)"))
    sh.add_argument(
        "--year",
        type=int,
        required=True,
        help=_("the financial year: 2026 means April 2026 to March 2027"),
    )
    add_document_options(sh)
    sh.set_defaults(handler=run_show)


def _cluster_id(record: Any, cluster: str | None) -> tuple[int, str]:
    from secretary.cli.between import series_key
    from secretary.cli.main import UserError

    key = series_key(record, cluster)
    if key.cluster_id is None:
        raise UserError(
            _(
                "{name}: a budget belongs to a cluster of the record; this series has none",
                name=key.label,
            )
        )
    return key.cluster_id, key.label


def run_set(args: argparse.Namespace) -> int:
    from decimal import Decimal, InvalidOperation

    from secretary.cli.between import open_record
    from secretary.cli.main import UserError
    from secretary.errors import SecretaryError
    from secretary.i18n import money
    from secretary.store.budget import add_allocation
    from secretary.store.record import RecordError

    try:
        amount = Decimal(args.amount.replace(",", "").replace("£", "").strip())
    except InvalidOperation:
        raise UserError(_("--amount: not a sum of money: {value!r}", value=args.amount)) from None
    record = open_record(args.db, "budget set")
    try:
        cluster_id, label = _cluster_id(record, args.cluster)
        try:
            a = add_allocation(record, cluster_id, args.year, args.line, amount, args.note, "cli")
        except (SecretaryError, RecordError) as exc:
            raise UserError(str(exc)) from None
        print(
            _(
                "{cluster} {year}: {line} allocated {amount}",
                cluster=label,
                year=f"{a.year}/{(a.year + 1) % 100:02d}",
                line=a.line,
                amount=money(float(a.amount)),
            )
        )
    finally:
        record.close()
    return 0


def run_show(args: argparse.Namespace) -> int:
    from secretary.cli.between import open_record, write_outputs
    from secretary.cli.main import UserError
    from secretary.i18n import money
    from secretary.store.budget import budget_for_year
    from secretary.store.record import RecordError

    record = open_record(args.db, "budget show")
    try:
        cluster_id, label = _cluster_id(record, args.cluster)
        try:
            report = budget_for_year(record, cluster_id, args.year)
        except RecordError as exc:
            raise UserError(str(exc)) from None
        print(_("Budget {year}, {cluster}", year=report.label, cluster=label))
        for ln in report.lines:
            remaining = ln.remaining
            print(
                "  "
                + _(
                    "{line}: {remaining} of {allocated} remaining ({committed} committed)",
                    line=ln.line,
                    remaining=money(float(remaining if remaining is not None else 0)),
                    allocated=money(float(ln.allocated or 0)),
                    committed=money(float(ln.committed)),
                )
            )
            for c in ln.commitments:
                when = long_date(c.meeting_date, weekday=False)
                print(f"      {when}  {c.item}  {money(float(c.amount))}")
        for c in report.not_in_budget:
            print(
                "  !! "
                + _(
                    "not in the budget: {date} {item} {amount} (line {line!r})",
                    date=c.meeting_date,
                    item=c.item,
                    amount=money(float(c.amount)),
                    line=c.line,
                )
            )

        def docx() -> bytes:
            from secretary.export.budget import BudgetExporter

            return BudgetExporter(report, label, language=args.language).run()

        def csv() -> bytes:
            from secretary.export.budget import budget_csv

            return budget_csv(report)

        write_outputs(args, docx, csv)
    finally:
        record.close()
    return 0
