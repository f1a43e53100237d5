"""A Terms of Reference as data: seats, voting groups, quorum and decision rules.

The file format is documented in ``docs/terms-of-reference.md``. Loading
checks the whole file and reports every problem at once, each naming the file,
the key and why, so a secretariat can fix a terms file without a developer.

One module (over 400 lines): the terms' data classes and the reader that checks a whole
file are one schema, so that every problem of a file is reported at once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

from secretary.domain.text import Msg, Name, joined, msg, plural
from secretary.errors import SecretaryError
from secretary.resources import resource

ROUNDINGS = ("up", "down", "none")
COMPARISONS = (">=", ">")
BASES = ("cast", "cast_with_abstentions", "eligible", "membership")
CASTING_POLICIES = ("none", "chair")
ACTING_CHAIRS = ("members-and-deputies", "members", "anyone", "none")


@dataclass(frozen=True)
class Problem:
    """What is wrong in a terms file, and where."""

    file: str
    key: str
    why: str

    def __str__(self) -> str:
        where = f"{self.file}: " if self.file else ""
        key = f"{self.key}: " if self.key else ""
        return f"{where}{key}{self.why}"


class TermsError(SecretaryError, ValueError):
    """A terms file that cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass(frozen=True)
class Threshold:
    """``at_least`` a fixed number, or ``fraction`` of a count rounded as told."""

    fraction: Fraction | None = None
    at_least: int | None = None
    rounding: str = "up"
    comparison: str = ">="  # ">": more than the fraction ("more than half")
    plus: int = 0  # added after rounding ("half the members plus one")

    def required(self, count: int) -> int:
        """The smallest whole number meeting the threshold for ``count``."""
        if self.at_least is not None:
            return self.at_least
        # Asked on every quorum judgement: the Fraction arithmetic is done once a count.
        memo: dict[int, int] | None = self.__dict__.get("_required")
        if memo is None:
            memo = {}
            object.__setattr__(self, "_required", memo)
        found = memo.get(count)
        if found is None:
            assert self.fraction is not None
            found = memo[count] = (
                smallest_meeting(self.fraction * count, self.rounding, self.comparison) + self.plus
            )
        return found

    def describe(self) -> str:
        if self.at_least is not None:
            return str(self.at_least)
        assert self.fraction is not None
        return percent(self.fraction)


def rounded(exact: Fraction, rounding: str) -> Fraction:
    """``exact`` rounded as a terms file says (``none``: left as it is)."""
    if rounding == "up":
        return Fraction(math.ceil(exact))
    if rounding == "down":
        return Fraction(math.floor(exact))
    return exact


def smallest_meeting(exact: Fraction, rounding: str, comparison: str) -> int:
    """The smallest whole n with n >= (or >) ``exact`` rounded as told."""
    target = rounded(exact, rounding)
    return math.floor(target) + 1 if comparison == ">" else math.ceil(target)


# Fractions with a name of their own; any other is a percentage or "n/d".
NAMED_FRACTIONS = {
    Fraction(1, 3): "one third",
    Fraction(2, 3): "two thirds",
    Fraction(1, 6): "one sixth",
    Fraction(5, 6): "five sixths",
}


def is_percentage(f: Fraction) -> bool:
    """Whether ``f`` reads as a percentage with at most two decimals (75%, 12.5%)."""
    return (f * 10000).denominator == 1


def decimal(x: Fraction) -> str:
    """``x`` to at most two decimal places, without trailing zeros: 4.5, 6.67, 8."""
    if x.denominator == 1:
        return str(x.numerator)
    return f"{float(x):.2f}".rstrip("0").rstrip(".")


def percent(f: Fraction) -> str:
    """The fraction in English for rule texts: '75%', 'two thirds', '5/7' (never the
    rounded '66.67%', which a reader cannot multiply back)."""
    if is_percentage(f):
        return f"{decimal(f * 100)}%"
    return NAMED_FRACTIONS.get(f, f"{f.numerator}/{f.denominator}")


@dataclass(frozen=True)
class Tag:
    """A tag seats carry (a contractor, a GP practice), named in both languages."""

    id: str
    name: Name
    plural: Name


@dataclass(frozen=True)
class Seat:
    """A seat of the body: who may hold it, its group and tags, its deputy rules."""

    id: str
    name: Name
    group: str
    tags: tuple[str, ...] = ()
    deputy_allowed: bool = True
    holders: int = 1  # how many people may hold the seat at once (GP + practice manager)
    organisation: str = ""
    # This seat's own deputy rules; None: the [deputies] table's.
    deputy_count_to_quorum: bool | None = None
    deputy_may_vote: bool | None = None


@dataclass(frozen=True)
class AttendeeKind:
    """A kind of person in attendance without a seat (officer, guest, ...)."""

    id: str
    name: Name


@dataclass(frozen=True)
class Clause:
    """One condition of a quorum: a named seat, one of a set, or enough of a tag."""

    kind: str  # seat | any_of | tag | chair
    key: str
    seats: tuple[str, ...] = ()
    tag: str = ""
    threshold: Threshold | None = None  # tag and any_of: how many seats
    label: Name | None = None
    people_per_seat: int = 1  # a seat counts when this many of its people are present
    decisions: tuple[str, ...] = ()  # only for items under these rules (empty: every item)

    def applies_to(self, rule_id: str | None) -> bool:
        """Whether this clause binds a decision under ``rule_id`` (None: the meeting
        as a whole, where clauses for some decisions only do not apply)."""
        return not self.decisions or rule_id in self.decisions


@dataclass(frozen=True)
class QuorumRule:
    """A quorum: a number of seats, and the clauses that must also hold."""

    seats: Threshold | None
    clauses: tuple[Clause, ...] = ()


@dataclass(frozen=True)
class DecisionRule:
    """How many votes for carry a decision: a fraction of a base, compared and rounded."""

    id: str
    name: Name
    fraction: Fraction
    comparison: str
    base: str
    rounding: str

    def required(self, base_count: int) -> int:
        """Votes for needed: the smallest n with n (comparison) fraction x base."""
        needed = smallest_meeting(self.fraction * base_count, self.rounding, self.comparison)
        return max(needed, 1)  # nothing is carried with no votes for it

    def describe(self) -> str:
        """The rule as printed in the minutes and the replay report."""
        base = {
            "cast": "votes cast (for + against)",
            "cast_with_abstentions": "votes cast including abstentions",
            "eligible": "eligible",
            "membership": "the voting membership",
        }[self.base]
        amount = percent(self.fraction)
        if self.rounding == "up":
            amount = f"ceil({amount} of {base})"
        elif self.rounding == "down":
            amount = f"floor({amount} of {base})"
        else:
            amount = f"{amount} of {base}"
        return f"{self.id}: for {self.comparison} {amount}"


@dataclass(frozen=True)
class QaifRule:
    """GP practices' attendance for QAIF (seed terms 2.2, footnote): a seat with
    ``tag`` must be attended by one of ``professions`` (a GP) at ``meetings``
    meetings of the financial year; with the health board's prior agreement, by one
    of ``substitutes`` (another senior practice-employed clinician or administrator)."""

    tag: str
    meetings: int
    professions: tuple[str, ...] = ("gp",)
    substitutes: tuple[str, ...] = ("clinician", "practice-manager", "administrator")


# What a person of a practice is (roster.PROFESSIONS names them for the roster file).
PROFESSIONS = ("gp", "clinician", "practice-manager", "administrator", "other")


class Standing(NamedTuple):
    """A role in a seat under a body's terms (``Terms.standing``)."""

    seat: Seat | None  # the seat held (None: an attendee, or no seat)
    counts_for: Seat | None  # the seat they stand for when present (quorum)
    may_vote: bool  # entitled to vote by role


@dataclass(frozen=True)
class Terms:
    """A body's terms of reference, as read from its terms file: every number of its rules."""

    id: str
    name: Name
    body: Name
    seats: tuple[Seat, ...]
    tags: Mapping[str, Tag]
    attendee_kinds: tuple[AttendeeKind, ...]
    meeting_quorum: QuorumRule
    decision_quorum: QuorumRule
    decisions: Mapping[str, DecisionRule]
    casting_vote: str = "none"
    casting_vote_rules: tuple[str, ...] | None = None  # None: on every rule
    consensus_only: bool = False  # no vote can carry an item; [decisions] is empty
    acting_chair: str = "members-and-deputies"  # who may be recorded taking the chair
    proxies_max_per_holder: int | None = None
    proxies_allowed: bool = True
    proxies_count_to_quorum: bool = False
    deputies_allowed: bool = True
    deputies_count_to_quorum: bool = True
    deputies_may_vote: bool = True
    health_board: str = ""
    agreed: str = ""
    source: str = ""
    consensus_rule: Name = field(default_factory=lambda: Name("consensus: all in agreement"))
    attendance_requirements: Mapping[str, int] = field(default_factory=dict)
    qaif: QaifRule | None = None
    deadlines: Mapping[str, int] = field(default_factory=dict)
    # The Cluster IMTP priority areas an investment proposal is in line with (3.2.2).
    imtp_priorities: tuple[Name, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_seat_index", {s.id: s for s in self.seats})
        # (role, seat id) -> Standing: asked for everyone on every quorum and tally.
        object.__setattr__(self, "_standing", {})

    def standing(self, role: str, seat_id: str | None) -> Standing:
        """What a person of ``role`` in ``seat_id`` is under these terms: the seat
        they hold, the seat they count for when present, whether they may vote."""
        memo: dict[tuple[str, str | None], Standing] = self._standing  # type: ignore[attr-defined]
        key = (role, seat_id)
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._standing_now(role, seat_id)
        return found

    def _standing_now(self, role: str, seat_id: str | None) -> Standing:
        if seat_id is None or role == "attendee":
            return Standing(None, None, False)
        seat = self.seat(seat_id)
        if role == "member":
            return Standing(seat, seat, True)
        if role == "deputy":
            counts = self.deputy_counts_to_quorum(seat)
            return Standing(seat, seat if counts else None, self.deputy_may_vote(seat))
        return Standing(seat, seat, False)

    def seat(self, seat_id: str) -> Seat:
        seat: Seat = self._seat_index[seat_id]  # type: ignore[attr-defined]
        return seat

    def has_seat(self, seat_id: str) -> bool:
        return seat_id in self._seat_index  # type: ignore[attr-defined]

    @property
    def groups(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for s in self.seats:
            seen.setdefault(s.group, None)
        return tuple(seen)

    def seats_of_group(self, group: str) -> tuple[Seat, ...]:
        return tuple(s for s in self.seats if s.group == group)

    def seats_tagged(self, tag: str) -> tuple[Seat, ...]:
        return tuple(s for s in self.seats if tag in s.tags)

    def group_name(self, group: str) -> Name:
        seats = self.seats_of_group(group)
        if len(seats) == 1:
            return seats[0].name

        # Several seats share one vote (the two therapies members): the group is
        # named by what their names share ('Therapies (1)', 'Therapies (2)' ->
        # 'Therapies'), in each language; never by its id, a code word.
        def shared(names: list[str]) -> str:
            stems = {re.sub(r"\s*\(\w+\)$|\s+\d+$", "", n).strip() for n in names}
            return stems.pop() if len(stems) == 1 else ", ".join(names)

        en = shared([x.name.en for x in seats])
        cy = shared([x.name.cy for x in seats]) if all(x.name.cy for x in seats) else ""
        return Name(en, cy)

    def rule_for(self, financial: bool, decision_type: str | None = None) -> DecisionRule | None:
        """The rule that judges a vote on an item; None when the terms decide by
        consensus only."""
        if self.consensus_only:
            return None
        if decision_type and decision_type in self.decisions:
            return self.decisions[decision_type]
        if financial and "financial" in self.decisions:
            return self.decisions["financial"]
        return self.decisions["non-financial"]

    def rule_id_for(self, financial: bool, decision_type: str | None = None) -> str | None:
        """The id of the rule for an item: what decision-quorum clauses for some
        decisions only are matched against ("financial", or the decision type)."""
        rule = self.rule_for(financial, decision_type)
        if rule is not None:
            return rule.id
        if decision_type:
            return decision_type
        return "financial" if financial else "non-financial"

    def deputy_counts_to_quorum(self, seat: Seat) -> bool:
        if seat.deputy_count_to_quorum is not None:
            return seat.deputy_count_to_quorum
        return self.deputies_count_to_quorum

    def deputy_may_vote(self, seat: Seat) -> bool:
        if seat.deputy_may_vote is not None:
            return seat.deputy_may_vote
        return self.deputies_may_vote

    def casting_vote_on(self, rule: DecisionRule) -> bool:
        """Whether the chair's casting vote may decide a tie under ``rule``."""
        if self.casting_vote != "chair":
            return False
        return self.casting_vote_rules is None or rule.id in self.casting_vote_rules

    def chair_seats(self, tag: str = "chair") -> tuple[Seat, ...]:
        return self.seats_tagged(tag)

    def clause_label(self, clause: Clause) -> Msg | Name:
        if clause.label is not None:
            return clause.label
        what = self._clause_words(clause)
        if clause.people_per_seat > 1:
            template = (
                "{what}, represented by at least {k} people"
                if clause.kind == "seat"
                else "{what}, each represented by at least {k} people"
            )
            return msg(template, what=what, k=clause.people_per_seat)
        return what

    def _clause_words(self, clause: Clause) -> Msg | Name:
        if clause.kind == "chair":
            return msg("someone in the chair")
        if clause.kind == "seat":
            return self.seat(clause.seats[0]).name
        assert clause.threshold is not None
        if clause.kind == "any_of":
            names = joined((self.seat(s).name for s in clause.seats), "or")
            n = clause.threshold.required(len(clause.seats))
            if n == 1:
                return msg("one of {seats}", seats=names)
            return msg(
                "{n} of {seats}",
                n=n,
                seats=joined((self.seat(s).name for s in clause.seats), "and"),
            )
        tag = self.tags[clause.tag]
        n = clause.threshold.required(len(self.seats_tagged(clause.tag)))
        return plural(n, "{n} {tag}", "{n} {tags}", tag=tag.name, tags=tag.plural)


# --------------------------------------------------------------------------- loading


def bundled_terms_dir() -> Path:
    return resource("terms")


def bundled_terms_ids() -> list[str]:
    return sorted(p.stem for p in bundled_terms_dir().glob("*.toml"))


def load_terms(ref: str | Path, base_dir: Path | None = None) -> Terms:
    """Load terms by bundled id or by path (relative to ``base_dir``)."""
    text, source = read_terms_source(ref, base_dir)
    return parse_terms_text(text, source)


def read_terms_source(ref: str | Path, base_dir: Path | None = None) -> tuple[str, str]:
    """The TOML text and a display name for a bundled id or a file path."""
    ref_str = str(ref)
    bundled = bundled_terms_dir() / f"{ref_str}.toml"
    if "/" not in ref_str and "\\" not in ref_str and bundled.is_file():
        return bundled.read_text(encoding="utf-8"), ref_str
    path = Path(ref_str)
    if base_dir is not None and not path.is_absolute():
        path = base_dir / path
    if not path.is_file():
        known = ", ".join(bundled_terms_ids())
        raise TermsError(
            [Problem(ref_str, "", f"no such terms of reference (bundled ones: {known})")]
        )
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except UnicodeDecodeError:
        why = "not a text file (expected UTF-8 TOML)"
        raise TermsError([Problem(str(path), "", why)]) from None
    except OSError as exc:
        raise TermsError([Problem(str(path), "", f"cannot be read: {exc.strerror}")]) from None


def read_terms_toml(text: str, source: str = "") -> dict[str, Any]:
    """The TOML of a terms file read into tables (not yet checked: parse_terms)."""
    import tomllib  # a start whose terms were read before need not load it (store.fastread)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TermsError([Problem(source, "", f"not valid TOML: {exc}")]) from None
    except RecursionError:  # arrays or tables nested hundreds deep
        raise TermsError([Problem(source, "", "not valid TOML: nested too deeply")]) from None


def parse_terms_text(text: str, source: str = "", *, strict: bool = True) -> Terms:
    return parse_terms(read_terms_toml(text, source), source, strict=strict)


def parse_terms(data: Any, source: str = "", *, strict: bool = True) -> Terms:
    """Build and validate terms from a parsed TOML/JSON object.

    ``strict`` also refuses terms that are well formed but can never work (a
    quorum larger than the membership, "more than 100%"; ``terms_check``).
    Terms already stored with a meeting are read with ``strict=False``, so that
    a stricter release never makes a recorded meeting unreadable."""
    try:
        terms = _TermsReader(source).read(data)
    except RecursionError:
        raise TermsError([Problem(source, "", "nested too deeply")]) from None
    if strict:
        problems = refusals(terms, source)
        if problems:
            raise TermsError(problems)
    return terms


class _TermsReader:
    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []

    def fail(self, key: str, why: str) -> None:
        self.problems.append(Problem(self.source, key, why))

    # Small typed getters that record a problem and return a safe default.
    def get(
        self,
        table: Mapping[str, Any],
        key: str,
        path: str,
        kind: type,
        default: Any,
        required: bool = False,
    ) -> Any:
        full = f"{path}.{key}" if path else key
        if key not in table:
            if required:
                self.fail(full, "missing")
            return default
        value = table[key]
        if kind is int and isinstance(value, bool):
            self.fail(full, f"must be a whole number, not {value!r}")
            return default
        if not isinstance(value, kind):
            self.fail(full, f"must be {_kind_name(kind)}, not {_type_name(value)}")
            return default
        return value

    def name(
        self,
        table: Mapping[str, Any],
        path: str,
        key: str = "name",
        required: bool = True,
        default: str = "",
    ) -> Name:
        en = self.get(table, key, path, str, default, required=required)
        cy = self.get(table, f"{key}_cy", path, str, "")
        return Name(en, cy)

    def fraction(self, value: Any, key: str) -> Fraction | None:
        try:
            if isinstance(value, bool):
                raise ValueError
            if isinstance(value, str):
                s = value.strip()
                f = Fraction(s[:-1].strip()) / 100 if s.endswith("%") else Fraction(s)
            elif isinstance(value, (int, float)):
                f = Fraction(str(value))
            else:
                raise ValueError
        except (ValueError, ZeroDivisionError):
            self.fail(key, f'must be a fraction such as "3/4", "75%" or 0.75, not {value!r}')
            return None
        if not 0 < f <= 1:
            self.fail(key, f"must be more than 0 and at most 1 (100%), not {value!r}")
            return None
        return f

    def choice(
        self,
        table: Mapping[str, Any],
        key: str,
        path: str,
        options: tuple[str, ...],
        default: str,
        required: bool = False,
    ) -> str:
        value = self.get(table, key, path, str, default, required=required)
        if value not in options:
            self.fail(f"{path}.{key}", f"must be one of {', '.join(options)}, not {value!r}")
            return default
        return str(value)

    def threshold(self, value: Any, key: str) -> Threshold | None:
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0:
                self.fail(key, "must not be negative")
                return None
            return Threshold(at_least=value)
        if not isinstance(value, Mapping):
            self.fail(
                key, "must be a whole number or a table with at_least, or fraction and rounding"
            )
            return None
        unknown = set(value) - {"at_least", "fraction", "rounding", "comparison", "plus"}
        for u in sorted(unknown):
            self.fail(f"{key}.{u}", "unknown key")
        if "at_least" in value and "fraction" in value:
            self.fail(key, "give at_least or fraction, not both")
            return None
        if "at_least" in value:
            for extra in ("rounding", "comparison", "plus"):
                if extra in value:
                    self.fail(f"{key}.{extra}", "goes with fraction, not with at_least")
            n = self.get(value, "at_least", key, int, None)
            if n is None:
                return None
            if n < 0:
                self.fail(f"{key}.at_least", "must not be negative")
                return None
            return Threshold(at_least=n)
        if "fraction" not in value:
            self.fail(key, "needs at_least or fraction")
            return None
        f = self.fraction(value["fraction"], f"{key}.fraction")
        comparison = self.choice(value, "comparison", key, COMPARISONS, ">=")
        # "More than half of 7" is 4: 'more than' reads the exact figure unless told.
        rounding = self.choice(
            value, "rounding", key, ROUNDINGS, "none" if comparison == ">" else "up"
        )
        plus = self.get(value, "plus", key, int, 0)
        if plus < 0:
            self.fail(f"{key}.plus", "must not be negative")
            plus = 0
        if f is None:
            return None
        return Threshold(fraction=f, rounding=rounding, comparison=comparison, plus=plus)

    def read(self, data: Any) -> Terms:
        if not isinstance(data, Mapping):
            self.fail("", f"must be a table of terms, not {_type_name(data)}")
            raise TermsError(self.problems)
        known_top = {
            "id",
            "name",
            "name_cy",
            "body",
            "body_cy",
            "health_board",
            "agreed",
            "source",
            "tags",
            "seats",
            "attendee_kinds",
            "deputies",
            "proxies",
            "quorum",
            "decision_quorum",
            "decisions",
            "voting",
            "attendance_requirements",
            "qaif",
            "deadlines",
            "imtp",
            "consensus_rule",
            "consensus_rule_cy",
            "format",
            "chair",
        }
        for key in data:
            if key not in known_top:
                self.fail(str(key), "unknown key")
        terms_id = self.get(data, "id", "", str, "", required=True)
        name = self.name(data, "")
        body = self.name(data, "", "body", required=False, default=name.en)
        health_board = self.get(data, "health_board", "", str, "")
        agreed = data.get("agreed", "")
        agreed = str(agreed)

        tags = self.read_tags(data.get("tags", {}))
        seats = self.read_seats(data.get("seats"), tags)
        seat_ids = {s.id for s in seats}
        attendee_kinds = self.read_attendee_kinds(data.get("attendee_kinds", []))

        deputies = self.table(data, "deputies")
        proxies = self.table(data, "proxies")
        voting = self.table(data, "voting")
        chair = self.table(data, "chair")
        self.only_keys(deputies, "deputies", {"allowed", "count_to_quorum", "may_vote"})
        self.only_keys(proxies, "proxies", {"allowed", "count_to_quorum", "max_per_holder"})
        self.only_keys(voting, "voting", {"casting_vote", "casting_vote_rules", "consensus_only"})
        self.only_keys(chair, "chair", {"acting"})
        consensus_only = self.get(voting, "consensus_only", "voting", bool, False)

        meeting_quorum = self.read_quorum(data.get("quorum"), "quorum", seat_ids, tags, True)
        decision_quorum = self.read_quorum(
            data.get("decision_quorum", {}), "decision_quorum", seat_ids, tags, False
        )
        decisions = self.read_decisions(data.get("decisions"), consensus_only)

        requirements = self.table(data, "attendance_requirements")
        reqs: dict[str, int] = {}
        for tag, n in requirements.items():
            if tag not in tags:
                self.fail(f"attendance_requirements.{tag}", "not a tag defined under [tags]")
            elif isinstance(n, bool) or not isinstance(n, int) or n < 0:
                self.fail(f"attendance_requirements.{tag}", "must be a whole number of meetings")
            else:
                reqs[tag] = n
        qaif = self.read_qaif(self.table(data, "qaif"), tags)
        deadlines_t = self.table(data, "deadlines")
        deadlines: dict[str, int] = {}
        for key in deadlines_t:
            if key not in ("papers_days_before", "minutes_days_after", "interim_notice_days"):
                self.fail(f"deadlines.{key}", "unknown key")
                continue
            n = self.get(deadlines_t, key, "deadlines", int, None)
            if n is not None and n < 0:
                self.fail(f"deadlines.{key}", "must not be negative")
            elif n is not None:
                deadlines[key] = n

        imtp_priorities = self.read_imtp(self.table(data, "imtp"))

        # Read everything before judging, so that every problem is reported.
        casting_vote = self.choice(voting, "casting_vote", "voting", CASTING_POLICIES, "none")
        casting_vote_rules = self.read_ids(voting, "casting_vote_rules", "voting")
        acting_chair = self.choice(chair, "acting", "chair", ACTING_CHAIRS, "members-and-deputies")
        max_per_holder = self.get(proxies, "max_per_holder", "proxies", int, None)
        if max_per_holder is not None and max_per_holder < 1:
            self.fail("proxies.max_per_holder", "must be at least 1")
            max_per_holder = None
        proxies_allowed = self.get(proxies, "allowed", "proxies", bool, True)
        proxies_count_to_quorum = self.get(proxies, "count_to_quorum", "proxies", bool, False)
        deputies_allowed = self.get(deputies, "allowed", "deputies", bool, True)
        deputies_count_to_quorum = self.get(deputies, "count_to_quorum", "deputies", bool, True)
        deputies_may_vote = self.get(deputies, "may_vote", "deputies", bool, True)
        source = self.get(data, "source", "", str, "")
        consensus_rule = self.name(
            data, "", "consensus_rule", required=False, default="consensus: all in agreement"
        )

        if self.problems:
            raise TermsError(self.problems)
        return Terms(
            id=terms_id,
            name=name,
            body=body,
            seats=tuple(seats),
            tags=tags,
            attendee_kinds=tuple(attendee_kinds),
            meeting_quorum=meeting_quorum,
            decision_quorum=decision_quorum,
            decisions=decisions,
            casting_vote=casting_vote,
            casting_vote_rules=casting_vote_rules,
            consensus_only=consensus_only,
            acting_chair=acting_chair,
            proxies_max_per_holder=max_per_holder,
            proxies_allowed=proxies_allowed,
            proxies_count_to_quorum=proxies_count_to_quorum,
            deputies_allowed=deputies_allowed,
            deputies_count_to_quorum=deputies_count_to_quorum,
            deputies_may_vote=deputies_may_vote,
            health_board=health_board,
            agreed=agreed,
            source=source,
            consensus_rule=consensus_rule,
            attendance_requirements=reqs,
            qaif=qaif,
            deadlines=deadlines,
            imtp_priorities=imtp_priorities,
        )

    def read_imtp(self, table: Mapping[str, Any]) -> tuple[Name, ...]:
        """``[imtp]``: ``priorities`` (the Cluster IMTP priority areas, 3.2.2) and
        ``priorities_cy``, their Welsh in the same order."""
        self.only_keys(table, "imtp", {"priorities", "priorities_cy"})
        names: list[list[str]] = []
        for key in ("priorities", "priorities_cy"):
            value = table.get(key, [])
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                self.fail(f"imtp.{key}", "must be a list of priority areas (text)")
                value = []
            names.append([" ".join(v.split()) for v in value])
        en, cy = names
        if cy and len(cy) != len(en):
            self.fail("imtp.priorities_cy", "must give the Welsh of each priority, in order")
            cy = []
        if len({p.casefold() for p in en}) != len(en):
            self.fail("imtp.priorities", "lists a priority twice")
        return tuple(Name(e, cy[i] if cy else "") for i, e in enumerate(en))

    def read_ids(self, table: Mapping[str, Any], key: str, path: str) -> tuple[str, ...] | None:
        """An optional list of ids (text)."""
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{path}.{key}", f"must be a list of ids (text), not {_type_name(value)}")
            return None
        return tuple(value)

    def read_qaif(self, table: Mapping[str, Any], tags: Mapping[str, Any]) -> QaifRule | None:
        """``[qaif]``: seats with ``tag`` are attended by a GP (``professions``) at
        ``meetings`` meetings a year; with the health board's agreement, by one of
        ``substitutes`` instead."""
        if not table:
            return None
        self.only_keys(table, "qaif", {"tag", "meetings", "professions", "substitutes"})
        tag = table.get("tag")
        meetings = table.get("meetings")
        if not isinstance(tag, str) or tag not in tags:
            self.fail("qaif.tag", "must name a tag defined under [tags]")
            return None
        if isinstance(meetings, bool) or not isinstance(meetings, int) or meetings < 1:
            self.fail("qaif.meetings", "must be a whole number of meetings, 1 or more")
            return None
        lists: dict[str, tuple[str, ...]] = {}
        for key, default in (
            ("professions", ("gp",)),
            ("substitutes", ("clinician", "practice-manager", "administrator")),
        ):
            value = table.get(key, list(default))
            if not isinstance(value, list) or not all(v in PROFESSIONS for v in value):
                self.fail(f"qaif.{key}", f"must be a list of {', '.join(PROFESSIONS)}")
                return None
            lists[key] = tuple(value)
        return QaifRule(tag, meetings, lists["professions"], lists["substitutes"])

    def table(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, Mapping):
            self.fail(key, f"must be a table, not {_type_name(value)}")
            return {}
        return value

    def only_keys(self, table: Mapping[str, Any], path: str, allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                self.fail(f"{path}.{key}", "unknown key")

    def read_tags(self, raw: Any) -> dict[str, Tag]:
        tags: dict[str, Tag] = {}
        if not isinstance(raw, Mapping):
            self.fail("tags", f"must be a table, not {_type_name(raw)}")
            return tags
        for tag_id, t in raw.items():
            path = f"tags.{tag_id}"
            if not isinstance(t, Mapping):
                self.fail(path, f"must be a table with name and plural, not {_type_name(t)}")
                continue
            self.only_keys(t, path, {"name", "name_cy", "plural", "plural_cy"})
            name = self.name(t, path)
            plural_name = self.name(t, path, "plural", required=False, default=name.en + "s")
            tags[str(tag_id)] = Tag(str(tag_id), name, plural_name)
        return tags

    def read_seats(self, raw: Any, tags: Mapping[str, Tag]) -> list[Seat]:
        seats: list[Seat] = []
        if raw is None:
            self.fail("seats", "missing: a terms file needs at least one seat")
            return seats
        if not isinstance(raw, list) or not raw:
            self.fail("seats", "must be a non-empty list of [[seats]] tables")
            return seats
        seen: set[str] = set()
        for i, s in enumerate(raw):
            path = f"seats[{i}]"
            if not isinstance(s, Mapping):
                self.fail(path, f"must be a table, not {_type_name(s)}")
                continue
            self.only_keys(
                s,
                path,
                {
                    "id",
                    "name",
                    "name_cy",
                    "group",
                    "tags",
                    "deputy_allowed",
                    "holders",
                    "organisation",
                    "deputy_count_to_quorum",
                    "deputy_may_vote",
                },
            )
            seat_id = self.get(s, "id", path, str, "", required=True)
            if seat_id:
                path = f"seats[{i}] ({seat_id})"
            if seat_id in seen:
                self.fail(path, f"seat id {seat_id!r} is used twice")
            seen.add(seat_id)
            seat_tags = self.get(s, "tags", path, list, [])
            for t in seat_tags:
                if not isinstance(t, str):
                    self.fail(f"{path}.tags", f"must list tag ids as text, not {_type_name(t)}")
                elif t not in tags:
                    self.fail(f"{path}.tags", f"tag {t!r} is not defined under [tags]")
            holders = self.get(s, "holders", path, int, 1)
            if holders < 1:
                self.fail(f"{path}.holders", "must be at least 1")
            seats.append(
                Seat(
                    id=seat_id,
                    name=self.name(s, path),
                    group=self.get(s, "group", path, str, seat_id) or seat_id,
                    tags=tuple(str(t) for t in seat_tags),
                    deputy_allowed=self.get(s, "deputy_allowed", path, bool, True),
                    holders=holders,
                    organisation=self.get(s, "organisation", path, str, ""),
                    deputy_count_to_quorum=self.get(s, "deputy_count_to_quorum", path, bool, None),
                    deputy_may_vote=self.get(s, "deputy_may_vote", path, bool, None),
                )
            )
        return seats

    def read_attendee_kinds(self, raw: Any) -> list[AttendeeKind]:
        kinds: list[AttendeeKind] = []
        if not isinstance(raw, list):
            self.fail("attendee_kinds", "must be a list of tables with id and name")
            return kinds
        for i, k in enumerate(raw):
            path = f"attendee_kinds[{i}]"
            if not isinstance(k, Mapping):
                self.fail(path, "must be a table with id and name")
                continue
            self.only_keys(k, path, {"id", "name", "name_cy"})
            kinds.append(AttendeeKind(self.get(k, "id", path, str, "", True), self.name(k, path)))
        return kinds

    def read_quorum(
        self, raw: Any, path: str, seat_ids: set[str], tags: Mapping[str, Tag], needs_seats: bool
    ) -> QuorumRule:
        if raw is None:
            if needs_seats:
                self.fail(path, "missing: say how many seats make a quorum")
            return QuorumRule(None)
        if not isinstance(raw, Mapping):
            self.fail(path, f"must be a table, not {_type_name(raw)}")
            return QuorumRule(None)
        self.only_keys(raw, path, {"seats", "clauses"})
        seats_threshold = None
        if "seats" in raw:
            seats_threshold = self.threshold(raw["seats"], f"{path}.seats")
        elif needs_seats:
            self.fail(f"{path}.seats", "missing: a number, or a fraction of seats with rounding")
        clauses_raw = raw.get("clauses", [])
        clauses: list[Clause] = []
        if not isinstance(clauses_raw, list):
            self.fail(f"{path}.clauses", "must be a list of tables")
            clauses_raw = []
        for i, c in enumerate(clauses_raw):
            cpath = f"{path}.clauses[{i}]"
            if not isinstance(c, Mapping):
                self.fail(cpath, "must be a table")
                continue
            clause = self.read_clause(c, cpath, seat_ids, tags)
            if clause is not None:
                clauses.append(clause)
        return QuorumRule(seats_threshold, tuple(clauses))

    def read_clause(
        self, c: Mapping[str, Any], path: str, seat_ids: set[str], tags: Mapping[str, Tag]
    ) -> Clause | None:
        self.only_keys(
            c,
            path,
            {
                "seat",
                "any_of",
                "tag",
                "chair",
                "at_least",
                "fraction",
                "rounding",
                "comparison",
                "plus",
                "label",
                "label_cy",
                "people_per_seat",
                "decisions",
            },
        )
        kinds = [k for k in ("seat", "any_of", "tag", "chair") if k in c]
        if len(kinds) != 1:
            self.fail(path, "needs exactly one of seat, any_of, tag or chair")
            return None
        label = None
        if "label" in c:
            label = self.name(c, path, "label")
        people = self.get(c, "people_per_seat", path, int, 1)
        if people < 1:
            self.fail(f"{path}.people_per_seat", "must be at least 1")
            people = 1
        decisions = self.read_ids(c, "decisions", path) or ()
        common = {"label": label, "people_per_seat": people, "decisions": decisions}
        kind = kinds[0]
        counted = [k for k in ("at_least", "fraction", "rounding", "comparison", "plus") if k in c]
        if kind in ("seat", "chair"):
            for k in counted:
                self.fail(f"{path}.{k}", f"goes with tag or any_of, not with {kind}")
        if kind == "chair":
            if c["chair"] is not True:
                self.fail(f"{path}.chair", "must be true")
                return None
            if people > 1:
                self.fail(f"{path}.people_per_seat", "goes with seat, any_of or tag")
            return Clause("chair", path, label=label, decisions=decisions)
        if kind == "seat":
            seat = self.get(c, "seat", path, str, "")
            if seat and seat not in seat_ids:
                self.fail(f"{path}.seat", f"unknown seat {seat!r}")
                return None
            return Clause("seat", path, seats=(seat,), **common) if seat else None
        if kind == "any_of":
            seats = self.get(c, "any_of", path, list, [])
            bad = [s for s in seats if not isinstance(s, str) or s not in seat_ids]
            for s in bad:
                self.fail(f"{path}.any_of", f"unknown seat {s!r}")
            if not seats:
                self.fail(f"{path}.any_of", "must list at least one seat")
            for k in counted:
                if k != "at_least":
                    self.fail(f"{path}.{k}", "goes with tag; any_of takes at_least")
            n = self.get(c, "at_least", path, int, 1)
            if n < 0:
                self.fail(f"{path}.at_least", "must not be negative")
            if bad or not seats or n < 0:
                return None
            return Clause(
                "any_of", path, seats=tuple(seats), threshold=Threshold(at_least=n), **common
            )
        tag = self.get(c, "tag", path, str, "")
        if tag not in tags:
            self.fail(f"{path}.tag", f"tag {tag!r} is not defined under [tags]")
            return None
        spec = {k: c[k] for k in counted}
        threshold = self.threshold(spec or {"at_least": 1}, path)
        if threshold is None:
            return None
        return Clause("tag", path, tag=tag, threshold=threshold, **common)

    def read_decisions(self, raw: Any, consensus_only: bool) -> dict[str, DecisionRule]:
        rules: dict[str, DecisionRule] = {}
        if consensus_only:
            if raw:
                self.fail(
                    "decisions",
                    "these terms decide by consensus only "
                    "([voting] consensus_only = true): give no decision rules",
                )
            return rules
        if not isinstance(raw, Mapping) or not raw:
            self.fail("decisions", "missing: at least [decisions.non-financial] is needed")
            return rules
        if "non-financial" not in raw:
            self.fail(
                "decisions",
                "needs [decisions.non-financial], used for items with no financial implication",
            )
        for rule_id, r in raw.items():
            path = f"decisions.{rule_id}"
            if not isinstance(r, Mapping):
                self.fail(path, "must be a table")
                continue
            self.only_keys(
                r, path, {"name", "name_cy", "fraction", "comparison", "base", "rounding"}
            )
            if "fraction" not in r:
                self.fail(f"{path}.fraction", "missing")
                continue
            f = self.fraction(r["fraction"], f"{path}.fraction")
            comparison = self.choice(r, "comparison", path, COMPARISONS, ">=", required=True)
            base = self.choice(r, "base", path, BASES, "cast", required=True)
            rounding = self.choice(r, "rounding", path, ROUNDINGS, "none")
            name = self.name(r, path, required=False, default=str(rule_id))
            if f is not None:
                rules[str(rule_id)] = DecisionRule(
                    str(rule_id), name, f, comparison, base, rounding
                )
        return rules


def _type_name(value: Any) -> str:
    return {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _kind_name(kind: type) -> str:
    return {
        str: "text",
        int: "a whole number",
        bool: "true or false",
        list: "a list",
        float: "a number",
    }.get(kind, kind.__name__)


# ------------------------------------------------------------- terms that can never work
# Here rather than in terms_check (which words the rules): parse_terms refuses them,
# and terms_check builds on terms, so this keeps the two free of an import cycle.


def tagged_count(terms: Terms, clause: Clause) -> int:
    if clause.kind == "any_of":
        return len(clause.seats)
    return len(terms.seats_tagged(clause.tag))


def clause_needs(terms: Terms, clause: Clause) -> int:
    """How many seats the clause needs at the least (0: it holds with nobody)."""
    if clause.kind in ("seat", "chair"):
        return 1
    assert clause.threshold is not None
    return clause.threshold.required(tagged_count(terms, clause))


def refusals(terms: Terms, source: str = "") -> list[Problem]:
    """Why these terms can never work, one problem per reason (empty: they can)."""
    out: list[Problem] = []

    def refuse(key: str, why: str) -> None:
        out.append(Problem(source, key, why))

    n_seats = len(terms.seats)
    for key, rule in (("quorum", terms.meeting_quorum), ("decision_quorum", terms.decision_quorum)):
        if rule.seats is not None:
            needed = rule.seats.required(n_seats)
            if needed > n_seats:
                refuse(
                    f"{key}.seats",
                    f"needs {needed} seats represented, but the terms have "
                    f"only {n_seats}: the meeting could never be quorate",
                )
            _refuse_more_than_all(rule.seats, f"{key}.seats", refuse)
        for clause in rule.clauses:
            if clause.kind in ("seat", "chair"):
                continue
            assert clause.threshold is not None
            have = tagged_count(terms, clause)
            needed = clause.threshold.required(have)
            what = "listed seats" if clause.kind == "any_of" else f"seats tagged {clause.tag!r}"
            if needed > have:
                refuse(
                    clause.key,
                    f"needs {needed} {what}, but there are only {have}: the "
                    "meeting could never be quorate",
                )
            _refuse_more_than_all(clause.threshold, clause.key, refuse)
    if not _needs_anyone(terms):
        refuse(
            "quorum.seats",
            "a quorum of 0 seats, and no condition that needs anyone: a "
            "meeting with nobody present would be quorate and could decide",
        )
    for rule_id, decision in terms.decisions.items():
        if decision.fraction == 1 and decision.comparison == ">":
            refuse(
                f"decisions.{rule_id}",
                "'more than 100%' can never be reached: no vote "
                'could carry an item (use comparison = ">=")',
            )
    for tag in ("chair",):
        seats = terms.seats_tagged(tag)
        if len(seats) > 1:
            ids = ", ".join(s.id for s in seats)
            refuse(
                "tags.chair",
                f"{len(seats)} seats are tagged 'chair' ({ids}): the chair of "
                "the meeting must be one seat (tag the other 'vice-chair')",
            )
    if terms.proxies_count_to_quorum and not terms.proxies_allowed:
        refuse(
            "proxies.count_to_quorum",
            "proxies are not allowed (proxies.allowed = false), so none can count to quorum",
        )
    if terms.proxies_max_per_holder is not None and not terms.proxies_allowed:
        refuse("proxies.max_per_holder", "proxies are not allowed (proxies.allowed = false)")
    if terms.casting_vote_rules is not None:
        if terms.casting_vote != "chair":
            refuse(
                "voting.casting_vote_rules",
                'the terms give no casting vote (voting.casting_vote = "none")',
            )
        for r in terms.casting_vote_rules:
            if r not in terms.decisions:
                refuse("voting.casting_vote_rules", f"unknown decision rule {r!r}")
    if (
        terms.casting_vote == "chair"
        and terms.acting_chair == "none"
        and not terms.seats_tagged("chair")
        and not terms.seats_tagged("vice-chair")
    ):
        refuse(
            "voting.casting_vote",
            "no seat is tagged 'chair' or 'vice-chair' and no one "
            'may take the chair (chair.acting = "none"): no one '
            "could ever give the casting vote",
        )
    known_rules = set(terms.decisions) | {"financial", "non-financial"}
    for key, rule in (("quorum", terms.meeting_quorum), ("decision_quorum", terms.decision_quorum)):
        for clause in rule.clauses:
            if clause.decisions and key == "quorum":
                refuse(
                    f"{clause.key}.decisions",
                    "goes under [decision_quorum]: the meeting quorum binds every item",
                )
            for r in clause.decisions:
                if r not in known_rules:
                    refuse(f"{clause.key}.decisions", f"unknown decision rule {r!r}")
    return out


def _refuse_more_than_all(t: Threshold, key: str, refuse: Callable[[str, str], None]) -> None:
    if t.fraction == 1 and t.comparison == ">":
        refuse(key, "'more than all' can never be reached")


def _needs_anyone(terms: Terms) -> bool:
    """Whether quorum for decisions on an item needs at least one seat represented."""
    n_seats = len(terms.seats)
    for rule in (terms.meeting_quorum, terms.decision_quorum):
        if rule.seats is not None and rule.seats.required(n_seats) > 0:
            return True
        if any(not c.decisions and clause_needs(terms, c) > 0 for c in rule.clauses):
            return True
    return False
