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

    try:
        terms = load_terms(args.file)
    except TermsError as exc:
        if len(exc.problems) == 1:
            raise UserError(str(exc.problems[0])) from None
        lines = [plural(len(exc.problems), "{n} problem:", "{n} problems:")]
        lines += [f"  {p}" for p in exc.problems]
        raise UserError("\n".join(lines)) from None
    for line in summary(terms):
        print(line)
    return 0


def summary(terms: Any) -> list[str]:
    """What the engine will enforce, in words, so a secretariat can check its reading."""
    from secretary.domain.terms import Terms

    assert isinstance(terms, Terms)
    seats = len(terms.seats)
    groups = len(terms.groups)
    q = terms.meeting_quorum
    lines = [
        _("{id}: {name}", id=terms.id, name=terms.name.render()),
        _("Seats: {seats}; votes: {groups} (one per voting group)", seats=seats, groups=groups),
    ]
    if q.seats is not None:
        needed = q.seats.required(seats)
        seats_needed = plural(needed, "{n} seat represented", "{n} seats represented")
        lines.append(_("Meeting quorum: {seats}", seats=seats_needed))
    for clause in q.clauses:
        lines.append(_("  and {what}", what=terms.clause_label(clause).render()))
    for clause in terms.decision_quorum.clauses:
        lines.append(_("Decisions also need {what}", what=terms.clause_label(clause).render()))
    for rule in terms.decisions.values():
        lines.append(_("Decision rule: {rule}", rule=rule.describe()))
    lines.append(_("Casting vote: {policy}", policy=terms.casting_vote))
    lines.append(
        _(
            "Proxies: {allowed}; count to quorum: {count}",
            allowed=_("allowed") if terms.proxies_allowed else _("not allowed"),
            count=_("yes") if terms.proxies_count_to_quorum else _("no"),
        )
    )
    lines.append(
        _(
            "Deputies: {allowed}; count to quorum: {count}; may vote: {vote}",
            allowed=_("allowed") if terms.deputies_allowed else _("not allowed"),
            count=_("yes") if terms.deputies_count_to_quorum else _("no"),
            vote=_("yes") if terms.deputies_may_vote else _("no"),
        )
    )
    return lines
