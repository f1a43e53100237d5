"""Terms that are well formed but cannot work, terms that may not say what was
meant, and every rule of a terms file in words (``secretary terms check``).

``refusals`` are problems a terms file is refused for when it is loaded: no
meeting could ever be quorate, no vote could ever carry, or two keys contradict
each other. ``warnings`` are allowed but worth a second look. ``describe``
says what the engine will apply, so a secretariat can compare it with the
document its body agreed.

One module (over 400 lines): what refuses, what warns and what describes a terms file
walk the same rules in the same order; kept together they cannot disagree.
"""

from __future__ import annotations

from fractions import Fraction

from secretary.domain.terms import (
    DecisionRule,
    Problem,
    QuorumRule,
    Terms,
    percent,
)
from secretary.domain.text import Msg, Name, joined, msg, plural
from secretary.domain.wording import fraction_words, needed, threshold_words

_SIMPLE_MAJORITY_BASES = ("cast", "cast_with_abstentions")


def warnings(terms: Terms, source: str = "") -> list[Problem]:
    """What these terms allow but may not mean."""
    out: list[Problem] = []

    def warn(key: str, why: str) -> None:
        out.append(Problem(source, key, why))

    if terms.casting_vote == "chair":
        for rule in terms.decisions.values():
            simple = (
                rule.fraction == Fraction(1, 2)
                and rule.comparison == ">"
                and rule.base in _SIMPLE_MAJORITY_BASES
            )
            if terms.casting_vote_on(rule) and not simple:
                warn(
                    "voting.casting_vote",
                    f"the chair's casting vote decides a tie under "
                    f"'{rule.id}' ({percent(rule.fraction)} of {rule.base}), where a tie is "
                    "not what decides the item; name the rules it is for with "
                    "casting_vote_rules",
                )
    for rule_id, rule in terms.decisions.items():
        if rule.comparison == ">" and rule.rounding == "up":
            warn(
                f"decisions.{rule_id}",
                "'more than' a figure rounded up: with 3 in the base "
                f"and {percent(rule.fraction)}, the figure is rounded up before 'more than' "
                "is applied, so one more vote is needed than 'more than' alone would ask; "
                'check that the terms mean this (rounding = "none" is the usual reading)',
            )
    for key, quorum in (
        ("quorum", terms.meeting_quorum),
        ("decision_quorum", terms.decision_quorum),
    ):
        thresholds = [(f"{key}.seats", quorum.seats)] + [
            (c.key, c.threshold) for c in quorum.clauses if c.kind == "tag"
        ]
        for where, t in thresholds:
            if t is not None and t.comparison == ">" and t.rounding == "up":
                warn(
                    where,
                    "'more than' a figure rounded up: 'more than half of 7' becomes more "
                    "than 4, so 5; check that the terms mean this (leave rounding out for "
                    "the usual reading)",
                )
    vice = terms.seats_tagged("vice-chair")
    if len(vice) > 1:
        warn(
            "tags.vice-chair",
            f"{len(vice)} seats are tagged 'vice-chair': the first present "
            f"in the file's order chairs ({', '.join(s.id for s in vice)})",
        )
    if not terms.deputies_allowed:
        for i, s in enumerate(terms.seats):
            if s.deputy_count_to_quorum is not None or s.deputy_may_vote is not None:
                warn(
                    f"seats[{i}] ({s.id})",
                    "has deputy rules, but deputies are not allowed (deputies.allowed = false)",
                )
    for quorum in (terms.meeting_quorum, terms.decision_quorum):
        for clause in quorum.clauses:
            seats = (
                terms.seats_tagged(clause.tag)
                if clause.kind == "tag"
                else [terms.seat(s) for s in clause.seats]
            )
            if clause.people_per_seat > 1 and any(
                s.holders < clause.people_per_seat for s in seats
            ):
                warn(
                    f"{clause.key}.people_per_seat",
                    f"needs {clause.people_per_seat} people for a seat that normally has "
                    "fewer holders (holders): only deputies could make up the number",
                )
    return out


# --------------------------------------------------------------------------- in words


def describe(terms: Terms) -> list[Msg | Name]:
    """Every rule the engine will apply, in words, one line each."""
    n_seats = len(terms.seats)
    seats_of = plural(n_seats, "{n} seat", "{n} seats")
    lines: list[Msg | Name] = [
        msg("{id}: {name}", id=terms.id, name=terms.name),
        msg(
            "{seats}, {votes} (one per voting group)",
            seats=seats_of,
            votes=plural(len(terms.groups), "{n} vote", "{n} votes"),
        ),
    ]
    lines += _quorum_lines(terms, terms.meeting_quorum, seats_of, meeting=True)
    lines += _quorum_lines(terms, terms.decision_quorum, seats_of, meeting=False)
    if terms.consensus_only:
        lines.append(msg("Decisions: by consensus only; a vote cannot carry an item."))
    for rule in terms.decisions.values():
        lines.append(msg("Decision rule: {rule}", rule=rule.describe()))
        base = {
            "cast": msg("the votes cast (for + against)"),
            "cast_with_abstentions": msg("the votes cast including abstentions"),
            "eligible": msg("the groups eligible to vote"),
            "membership": msg("the whole voting membership"),
        }[rule.base]
        rounding = {
            "up": msg("rounded up"),
            "down": msg("rounded down"),
            "none": msg("not rounded"),
        }[rule.rounding]
        template = (
            "  {name}: carried with more than {pct} of {base} ({rounding})"
            if rule.comparison == ">"
            else "  {name}: carried with at least {pct} of {base} ({rounding})"
        )
        lines.append(
            msg(
                template,
                name=rule.name,
                pct=fraction_words(rule.fraction),
                base=base,
                rounding=rounding,
            )
        )
        for example in _examples(rule, len(terms.groups)):
            lines.append(
                msg("  for example: {needed}", needed=needed(rule, example, rule.required(example)))
            )
    if terms.consensus_only:
        pass  # no vote, so no casting vote
    elif terms.casting_vote == "chair":
        if terms.casting_vote_rules is None:
            lines.append(msg("Casting vote: the chair's, on a tie, under every rule"))
        else:
            lines.append(
                msg(
                    "Casting vote: the chair's, on a tie, only under {rules}",
                    rules=joined(
                        (
                            terms.decisions[r].name
                            for r in terms.casting_vote_rules
                            if r in terms.decisions
                        ),
                        "and",
                    ),
                )
            )
    else:
        lines.append(msg("Casting vote: none; a tie is not carried"))
    lines.append(_chair_line(terms))
    lines += _proxy_lines(terms)
    lines += _deputy_lines(terms)
    if terms.qaif is not None:
        tag = terms.tags.get(terms.qaif.tag)
        lines.append(
            msg(
                "QAIF: {seats} attended by {professions}, meetings a year: {n}; with the "
                "health board's agreement by {substitutes}",
                seats=tag.plural if tag is not None else terms.qaif.tag,
                professions=", ".join(terms.qaif.professions),
                n=terms.qaif.meetings,
                substitutes=", ".join(terms.qaif.substitutes) or "-",
            )
        )
    lines += _deadline_lines(terms)
    if terms.imtp_priorities:
        lines.append(
            msg(
                "Investment proposals: in line with one of the Cluster IMTP priorities: "
                "{priorities}",
                priorities=joined(terms.imtp_priorities),
            )
        )
    return lines


def _deadline_lines(terms: Terms) -> list[Msg]:
    """The deadlines around a meeting (5.1, 5.5, 5.6), where the terms give them."""
    days = terms.deadlines
    lines = []
    if "papers_days_before" in days:
        lines.append(
            plural(
                days["papers_days_before"],
                "Papers: the agenda and papers go out at least {n} day before the meeting",
                "Papers: the agenda and papers go out at least {n} days before the meeting",
            )
        )
    if "interim_notice_days" in days:
        lines.append(
            plural(
                days["interim_notice_days"],
                "Interim meetings: called at least {n} day ahead",
                "Interim meetings: called at least {n} days ahead",
            )
        )
    if "minutes_days_after" in days:
        lines.append(
            plural(
                days["minutes_days_after"],
                "Minutes: to the members within {n} day after the meeting",
                "Minutes: to the members within {n} days after the meeting",
            )
        )
    return lines


def _examples(rule: DecisionRule, groups: int) -> list[int]:
    """Bases worth showing: where rounding shows, and the whole membership."""
    if rule.base == "membership":
        return [groups]
    picks = [n for n in range(5, groups + 1) if (rule.fraction * n).denominator != 1][:1]
    return sorted({*picks, groups})


def _quorum_lines(terms: Terms, rule: QuorumRule, seats_of: Msg, meeting: bool) -> list[Msg]:
    out: list[Msg] = []
    if rule.seats is not None:
        n = rule.seats.required(len(terms.seats))
        represented = plural(n, "{n} seat represented", "{n} seats represented")
        words = threshold_words(rule.seats, len(terms.seats), seats_of)
        line = (
            msg("Meeting quorum: {seats}", seats=represented)
            if meeting
            else msg("Decisions need: {seats}", seats=represented)
        )
        out.append(line if words is None else msg("{line} ({words})", line=line, words=words))
    for clause in rule.clauses:
        what = terms.clause_label(clause)
        if clause.decisions:
            rules = joined(
                (terms.decisions[r].name if r in terms.decisions else r for r in clause.decisions),
                "or",
            )
            out.append(
                msg("Decisions under the rule {rules} also need {what}", rules=rules, what=what)
            )
        elif meeting:
            out.append(msg("  and {what}", what=what))
        else:
            out.append(msg("Decisions also need {what}", what=what))
    return out


def _chair_line(terms: Terms) -> Msg:
    return {
        "members-and-deputies": msg(
            "Chair: the Chair's seat, else the Vice-Chair's; when "
            "neither can, a member or deputy present may take the "
            "chair"
        ),
        "members": msg(
            "Chair: the Chair's seat, else the Vice-Chair's; when neither can, a "
            "member present may take the chair"
        ),
        "anyone": msg(
            "Chair: the Chair's seat, else the Vice-Chair's; when neither can, "
            "anyone present may take the chair"
        ),
        "none": msg(
            "Chair: the Chair's seat, else the Vice-Chair's; no one else may take the chair"
        ),
    }[terms.acting_chair]


def _proxy_lines(terms: Terms) -> list[Msg]:
    if not terms.proxies_allowed:
        return [msg("Proxies: not allowed")]
    lines = [
        msg("Proxies: allowed; they count to quorum only while in force for the item")
        if terms.proxies_count_to_quorum
        else msg("Proxies: allowed; they never count to quorum")
    ]
    if terms.proxies_max_per_holder is not None:
        lines.append(
            plural(
                terms.proxies_max_per_holder,
                "  one person may hold {n} proxy at most (the first registered counts)",
                "  one person may hold {n} proxies at most (the first registered count)",
            )
        )
    return lines


def _deputy_lines(terms: Terms) -> list[Msg]:
    if not terms.deputies_allowed:
        return [msg("Deputies: not allowed")]
    yes, no = msg("yes"), msg("no")
    lines = [
        msg(
            "Deputies: allowed; count to quorum: {count}; may vote: {vote}",
            count=yes if terms.deputies_count_to_quorum else no,
            vote=yes if terms.deputies_may_vote else no,
        )
    ]
    refusing = [s for s in terms.seats if not s.deputy_allowed]
    if refusing:
        lines.append(msg("  no deputy for {seats}", seats=joined((s.name for s in refusing), "or")))
    for s in terms.seats:
        if s.deputy_allowed and (
            s.deputy_count_to_quorum is not None or s.deputy_may_vote is not None
        ):
            lines.append(
                msg(
                    "  {seat}'s deputy: count to quorum: {count}; may vote: {vote}",
                    seat=s.name,
                    count=yes if terms.deputy_counts_to_quorum(s) else no,
                    vote=yes if terms.deputy_may_vote(s) else no,
                )
            )
    return lines
