"""An investment proposal on the cluster proposal template (ToR 3.2.2, Appendix 1).

"Every proposal for investment must come on the agreed cluster proposal template with
all financial costs, in line with the Cluster IMTP priorities." A proposal is a title,
the Cluster IMTP priority it serves, a description, its outcome measures and its costs:
lines of money, each recurrent or non-recurrent, in a financial year ("2025/26"). Its
total is the agenda item's amount.

Pure: the form a secretary fills in (TOML or JSON, ``parse_form``), the
``proposal_recorded`` event's fields (``Proposal.event_fields``, ``from_event``) and
the check of both (``check_costs``, ``check_proposal``) live here; the Word document is
``secretary.export.proposal``. Every refusal is one line that says what and where, as
a message rendered in the reader's language.

One module (over 400 lines): the form, the event and the check of both are one set of
fields with one set of messages; split, the form and the record could drift apart.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from secretary.domain.text import Msg, Name, joined, msg, plural
from secretary.errors import SecretaryError

RECURRENT = "recurrent"
NON_RECURRENT = "non-recurrent"
KINDS = (RECURRENT, NON_RECURRENT)
# A sane range: no cluster proposal reaches a trillion pounds (as events.MAX_AMOUNT).
MAX_AMOUNT = Decimal(10**12)
MAX_COST_LINES = 200
MAX_TITLE = 300  # characters: a heading, not a paragraph
MAX_TEXT = 20_000  # characters of a description or the outcome measures
FORM_FIELDS = ("title", "priority", "lead", "description", "outcomes", "costs")
EVENT_IDS = ("type", "id", "item", "proposal")  # a proposal_recorded event's other fields
COST_FIELDS = ("line", "kind", "year", "amount")
_YEAR = re.compile(r"^(?P<start>\d{4})\s*[/-]\s*(?P<end>\d{2}|\d{4})$")


class ProposalError(SecretaryError, ValueError):
    """A proposal that cannot be recorded; the message says what and where, in the
    current language (``problem`` renders it in any other)."""

    def __init__(self, problem: Msg):
        self.problem = problem
        super().__init__(problem.render())


def kind_word(kind: str) -> Msg:
    """'recurrent' / 'non-recurrent' in the reader's language."""
    return msg("recurrent") if kind == RECURRENT else msg("non-recurrent")


@dataclass(frozen=True)
class CostLine:
    """One line of a proposal's costs: what the money is for, recurrent or not,
    the financial year (April to March, "2025/26") and the amount in pounds."""

    line: str
    kind: str
    year: str
    amount: float  # pounds, to the penny (checked): a JSON number, as events hold it

    def event_fields(self) -> dict[str, Any]:
        amount = self.amount
        return {
            "line": self.line,
            "kind": self.kind,
            "year": self.year,
            "amount": int(amount) if float(amount).is_integer() else amount,
        }

    to_json = event_fields


@dataclass(frozen=True)
class Proposal:
    title: str
    priority: str
    description: str = ""
    outcomes: str = ""
    costs: tuple[CostLine, ...] = ()
    lead: str = ""

    @classmethod
    def from_fields(cls, data: Mapping[str, Any]) -> Proposal:
        """A proposal from a form as data or a ``proposal_recorded`` event's fields (its
        ``item`` and ``proposal`` ids left aside), checked; raises ProposalError."""
        if not isinstance(data, Mapping):
            raise ProposalError(
                msg("{where}: not a proposal form: expected title, priority and costs",
                    where=msg("the proposal"))
            )  # fmt: skip
        return check_proposal({k: v for k, v in data.items() if k not in EVENT_IDS})

    @property
    def total(self) -> float:
        return total(self.costs)

    @property
    def years(self) -> tuple[str, ...]:
        """The financial years of the costs, earliest first."""
        return tuple(sorted({c.year for c in self.costs}))

    @property
    def lines(self) -> tuple[str, ...]:
        """The cost lines' names, in the order first given."""
        return tuple(dict.fromkeys(c.line for c in self.costs))

    def total_for_year(self, year: str, kind: str | None = None) -> float:
        """The costs of a financial year (of one kind, or all)."""
        return total(c for c in self.costs if c.year == year and kind in (None, c.kind))

    def total_for_kind(self, kind: str) -> float:
        return total(c for c in self.costs if c.kind == kind)

    def totals_by_year(self) -> dict[str, float]:
        return {y: self.total_for_year(y) for y in self.years}

    def totals_by_kind(self) -> dict[str, float]:
        return {k: self.total_for_kind(k) for k in KINDS}

    def amount(self, line: str, kind: str, year: str) -> float | None:
        """The amount of one cell of the costs table, or None when there is none."""
        found = [c.amount for c in self.costs if (c.line, c.kind, c.year) == (line, kind, year)]
        return found[0] if found else None

    def kinds_of(self, line: str) -> tuple[str, ...]:
        """The kinds (recurrent, non-recurrent) a line has costs of, in KINDS order."""
        return tuple(k for k in KINDS if any(c.line == line and c.kind == k for c in self.costs))

    def event_fields(self) -> dict[str, Any]:
        """The fields of a ``proposal_recorded`` event (without ``item`` and ``proposal``)."""
        fields: dict[str, Any] = {
            "title": self.title,
            "priority": self.priority,
            "description": self.description,
            "outcomes": self.outcomes,
            "costs": [c.event_fields() for c in self.costs],
        }
        if self.lead:
            fields["lead"] = self.lead
        return fields


# --------------------------------------------------------------------------- checks


def financial_year(value: Any, where: Msg | str) -> str:
    """'2025/26' from '2025/26', '2025-26' or '2025/2026'; refused otherwise."""
    found = _YEAR.match(value.strip()) if isinstance(value, str) else None
    if found is not None:
        start = int(found.group("start"))
        end = int(found.group("end"))
        if end == (start + 1) % 100 or end == start + 1:
            return f"{start}/{(start + 1) % 100:02d}"
    raise ProposalError(
        msg(
            "{where}: the year must be a financial year such as 2025/26, not {value}",
            where=where,
            value=_shown(value),
        )
    )


def check_cost(raw: Any, where: Msg | str) -> CostLine:
    """One cost line from its fields (a form's table or an event's object)."""
    if not isinstance(raw, Mapping):
        raise ProposalError(msg("{where}: must give line, kind, year and amount", where=where))
    for key in raw:
        if key not in COST_FIELDS:
            raise ProposalError(
                msg(
                    "{where}: unknown field {field} (known: {known})",
                    where=where,
                    field=str(key),
                    known=", ".join(COST_FIELDS),
                )
            )
    line = raw.get("line")
    if not isinstance(line, str) or not line.strip():
        raise ProposalError(msg("{where}: name what the money is for (line)", where=where))
    kind = raw.get("kind")
    if kind not in KINDS:
        raise ProposalError(
            msg(
                "{where}: the kind must be recurrent or non-recurrent, not {value}",
                where=where,
                value=_shown(kind),
            )
        )
    year = financial_year(raw.get("year"), where)
    amount = _amount(raw.get("amount"), where)
    return CostLine(" ".join(line.split()), str(kind), year, float(amount))


def cost_line(raw: Any, where: Msg | str = "") -> CostLine:
    """One cost line from data (``check_cost`` with a plain ``where``)."""
    return check_cost(raw, where or msg("the proposal"))


def valid_year(year: str) -> bool:
    """'2025/26' as written: a financial year, April to March."""
    try:
        return financial_year(year, "") == year
    except ProposalError:
        return False


def pounds(value: int | float | str) -> Decimal | None:
    """An amount as typed ('£1,250.50', 1250.5) as an exact number of pounds (perhaps
    infinite); None when it is not a number. The form's live total reads amounts so too."""
    text = value.replace(",", "").replace("£", "").strip() if isinstance(value, str) else value
    try:
        return Decimal(str(text))
    except InvalidOperation:
        return None


def _amount(value: Any, where: Msg | str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ProposalError(
            msg("{where}: the amount must be a number of pounds, not {value}", where=where,
                value=_shown(value))
        )  # fmt: skip
    amount = pounds(value)
    if amount is None:
        raise ProposalError(
            msg("{where}: the amount must be a number of pounds, not {value}", where=where,
                value=_shown(value))
        )  # fmt: skip
    if not amount.is_finite():
        raise ProposalError(msg("{where}: the amount must be a finite number", where=where))
    if amount <= 0:
        raise ProposalError(msg("{where}: the amount must be more than £0", where=where))
    if amount > MAX_AMOUNT:
        raise ProposalError(
            msg("{where}: the amount is out of range (at most £1,000,000,000,000)", where=where)
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise ProposalError(
            msg("{where}: the amount has fractions of a penny: {value}", where=where,
                value=_shown(value))
        )  # fmt: skip
    return amount.quantize(Decimal("0.01")) if amount != amount.to_integral_value() else amount


def check_costs(raw: Any, where: Msg | str = "") -> tuple[CostLine, ...]:
    """The cost lines of a proposal (a list of objects), each checked; at least one,
    and no line, kind and year given twice. ``where`` begins each message."""
    where = where or msg("the proposal")
    if raw is None or raw == []:
        raise ProposalError(msg("{where}: give the costs: at least one cost line", where=where))
    if not isinstance(raw, list):
        raise ProposalError(msg("{where}: the costs must be a list of cost lines", where=where))
    if len(raw) > MAX_COST_LINES:
        raise ProposalError(
            plural(
                MAX_COST_LINES,
                "{where}: a proposal has at most {n} cost line",
                "{where}: a proposal has at most {n} cost lines",
                where=where,
            )
        )
    costs: list[CostLine] = []
    seen: dict[tuple[str, str, str], int] = {}
    for i, item in enumerate(raw, start=1):
        cost = check_cost(item, msg("{where}: cost line {n}", where=where, n=str(i)))
        key = (cost.line.casefold(), cost.kind, cost.year)
        if key in seen:
            raise ProposalError(
                msg(
                    "{where}: cost line {n} repeats cost line {first} ({line}, {kind}, {year})",
                    where=where,
                    n=str(i),
                    first=str(seen[key]),
                    line=Name(cost.line),
                    kind=kind_word(cost.kind),
                    year=cost.year,
                )
            )
        seen[key] = i
        costs.append(cost)
    return tuple(costs)


def total(costs: Iterable[CostLine]) -> float:
    """The total of some cost lines (the item's amount), added up in pence exactly."""
    return float(sum((Decimal(str(c.amount)) for c in costs), Decimal(0)))


def totals_by_year(costs: Iterable[CostLine]) -> dict[tuple[str, str], float]:
    """{(year, kind): amount}, earliest year first."""
    sums: dict[tuple[str, str], list[CostLine]] = {}
    for c in costs:
        sums.setdefault((c.year, c.kind), []).append(c)
    return {k: total(v) for k, v in sorted(sums.items())}


def check_proposal(
    raw: Mapping[str, Any],
    priorities: Sequence[Name] = (),
    where: Msg | str = "",
) -> Proposal:
    """A proposal from its fields (a form, or a ``proposal_recorded`` event's data),
    checked. With ``priorities`` (the terms' Cluster IMTP priority areas) the
    priority must be one of them, named in English or Welsh, and is kept in English;
    with none, any priority named is taken as given."""
    where = where or msg("the proposal")
    for key in raw:
        if key not in FORM_FIELDS:
            raise ProposalError(
                msg(
                    "{where}: unknown field {field} (known: {known})",
                    where=where,
                    field=str(key),
                    known=", ".join(FORM_FIELDS),
                )
            )
    title = _text(raw, "title", where, required=True, limit=MAX_TITLE)
    priority = _text(raw, "priority", where, required=True, limit=MAX_TITLE)
    priority = _priority(priority, priorities, where)
    return Proposal(
        title=title,
        priority=priority,
        description=_text(raw, "description", where, required=True, limit=MAX_TEXT, lines=True),
        outcomes=_text(raw, "outcomes", where, required=True, limit=MAX_TEXT, lines=True),
        lead=_text(raw, "lead", where, limit=MAX_TITLE),
        costs=check_costs(raw.get("costs"), where),
    )


def _labels() -> dict[str, Msg]:
    return {
        "title": msg("Title"),
        "priority": msg("Cluster IMTP priority"),
        "description": msg("Description"),
        "outcomes": msg("Outcome measures"),
        "lead": msg("Lead"),
    }


def _text(
    raw: Mapping[str, Any],
    key: str,
    where: Msg | str,
    *,
    required: bool = False,
    limit: int,
    lines: bool = False,
) -> str:
    what = _labels()[key]
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise ProposalError(
            msg("{where}: {what}: must be text, not {value}", where=where, what=what,
                value=_shown(value))
        )  # fmt: skip
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ProposalError(
            msg("{where}: {what}: has a character that cannot be stored", where=where, what=what)
        ) from None
    # a heading is one line; a description keeps its lines, without trailing spaces
    value = (
        "\n".join(line.rstrip() for line in value.strip().splitlines())
        if lines
        else " ".join(value.split())
    )
    if required and not value:
        raise ProposalError(msg("{where}: {what}: missing", where=where, what=what))
    if len(value) > limit:
        raise ProposalError(
            plural(
                limit,
                "{where}: {what}: too long (at most {n} character)",
                "{where}: {what}: too long (at most {n} characters)",
                where=where,
                what=what,
            )
        )
    return value


def _priority(priority: str, priorities: Sequence[Name], where: Msg | str) -> str:
    if not priorities:
        return priority
    wanted = priority.casefold()
    for p in priorities:
        if wanted in (p.en.casefold(), p.cy.casefold()):
            return p.en
    raise ProposalError(
        msg(
            "{where}: {priority} is not one of the Cluster IMTP priorities of these terms: "
            "{priorities}",
            where=where,
            priority=Name(priority),
            priorities=joined(priorities),
        )
    )


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if value is not None else "nothing"
    return text if len(text) <= 40 else text[:37] + "..."


# --------------------------------------------------------------------------- the form


def parse_form(text: str, source: str, priorities: Sequence[Name] = ()) -> Proposal:
    """A proposal from the text of a form file: TOML (``source`` ending .toml) or JSON.

    TOML::

        title = "Social prescriber for the cluster"
        priority = "Prevention and Reducing Health Inequalities"
        lead = "Tomos Bowen"
        description = "..."
        outcomes = "..."
        [[costs]]
        line = "Social prescriber (Band 5, 1.0 WTE)"
        kind = "recurrent"
        year = "2025/26"
        amount = 32000
    """
    is_json = source.lower().endswith(".json") or text.lstrip().startswith("{")
    try:
        data: Any = json.loads(text) if is_json else tomllib.loads(text)
    except json.JSONDecodeError as exc:
        raise ProposalError(
            msg("{where}: not a proposal form: not valid JSON ({why})", where=source,
                why=f"line {exc.lineno}, column {exc.colno}")
        ) from None  # fmt: skip
    except tomllib.TOMLDecodeError as exc:
        raise ProposalError(
            msg("{where}: not a proposal form: not valid TOML ({why})", where=source,
                why=str(exc))
        ) from None  # fmt: skip
    except RecursionError:
        raise ProposalError(
            msg("{where}: not a proposal form: nested too deeply", where=source)
        ) from None
    if not isinstance(data, Mapping):
        raise ProposalError(
            msg("{where}: not a proposal form: expected title, priority and costs", where=source)
        )
    return check_proposal(data, priorities, where=source)


def read_form(path: str | Path, priorities: Sequence[Name] = ()) -> Proposal:
    """A proposal from a form file (.toml or .json); one-line errors naming the file."""
    p = Path(path)
    where = str(p)
    if p.suffix.lower() not in (".toml", ".json"):
        raise ProposalError(msg("{where}: a proposal form is a .toml or .json file", where=where))
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProposalError(msg("{where}: no such file", where=where)) from None
    except UnicodeDecodeError:
        raise ProposalError(
            msg("{where}: not a proposal form: not a text file (UTF-8)", where=where)
        ) from None
    except OSError as exc:
        raise ProposalError(
            msg("{where}: cannot be read: {why}", where=where, why=str(exc.strerror))
        ) from None
    return parse_form(text, where, priorities)
