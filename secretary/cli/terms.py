"""`secretary terms`: list the bundled terms of reference, or check a terms file."""

from __future__ import annotations

import argparse
from typing import Any

from secretary.i18n import _, plural


def register(sub: Any) -> None:
    p = sub.add_parser(
        "terms",
        help=_("list the bundled terms of reference, or check a terms file"),
        description=_(
            "Check a Terms of Reference file (every problem is listed with its "
            "key), or list the bundled ones. See docs/terms-of-reference.md."
        ),
    )
    actions = p.add_subparsers(dest="terms_action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help=_("check a terms file and summarise its rules"))
    check.add_argument("file", help=_("a terms file (TOML), or a bundled id"))
    check.set_defaults(handler=run_check)
    listing = actions.add_parser("list", help=_("the bundled terms of reference"))
    listing.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace) -> int:
    from secretary.domain.terms import bundled_terms_ids, load_terms

    for terms_id in bundled_terms_ids():
        print(f"{terms_id}\t{load_terms(terms_id).name.render()}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from secretary.cli.main import UserError
    from secretary.domain.terms import TermsError, load_terms
    from secretary.domain.terms_check import describe, warnings

    try:
        terms = load_terms(args.file)
    except TermsError as exc:
        if len(exc.problems) == 1:
            raise UserError(str(exc.problems[0])) from None
        lines = [plural(len(exc.problems), "{n} problem:", "{n} problems:")]
        lines += [f"  {p}" for p in exc.problems]
        raise UserError("\n".join(lines)) from None
    for line in describe(terms):
        print(line.render())
    for problem in warnings(terms, args.file):
        print(_("warning: {problem}", problem=str(problem)))
    return 0
