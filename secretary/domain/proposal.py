"""An investment proposal on the cluster proposal template (ToR 3.2.2, Appendix 1).

Every proposal for investment comes on the agreed template: a title, the Cluster
IMTP priority it serves, a description, the outcome measures, and all its financial
costs, line by line, recurrent or non-recurrent, per financial year. The total is
the agenda item's amount. Pure: the event ``proposal_recorded`` holds these fields
(domain.events), the Word document is export/proposal.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from secretary.errors import SecretaryError

KINDS = ("recurrent", "non-recurrent")
# A financial year as the NHS in Wales writes it: April to March, "2025/26".
_YEAR = re.compile(r"^(\d{4})/(\d{2})$")
MAX_COST = 10**9


class ProposalError(SecretaryError, ValueError):
    """A proposal that is not complete or not well formed; the message says which field."""


@dataclass(frozen=True)
class CostLine:
    line: str  # what the money buys: "Social prescriber (band 5, 0.6 WTE)"
    kind: str  # recurrent | non-recurrent
    year: str  # "2025/26"
    amount: float

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "kind": self.kind, "year": self.year, "amount": self.amount}


@dataclass(frozen=True)
class Proposal:
    title: str
    priority: str  # the Cluster IMTP priority it serves
    description: str
    outcomes: str  # the outcome measures
    costs: tuple[CostLine, ...]
    lead: str = ""

    @property
    def total(self) -> float:
        return total(self.costs)

    def event_fields(self) -> dict[str, Any]:
        """The fields of a ``proposal_recorded`` event (without item and proposal id)."""
        fields: dict[str, Any] = {
            "title": self.title,
            "priority": self.priority,
            "description": self.description,
            "outcomes": self.outcomes,
            "costs": [c.to_json() for c in self.costs],
        }
        if self.lead:
            fields["lead"] = self.lead
        return fields

    @classmethod
    def from_fields(cls, data: Mapping[str, Any]) -> Proposal:
        """A proposal from a form as data (or a recorded event); raises ProposalError."""
        if not isinstance(data, Mapping):
            raise ProposalError("a proposal must be a table of fields")
        text = {}
        for key in ("title", "priority", "description", "outcomes"):
            value = data.get(key)
            if not isinstance(value, str) or not value.strip():
                raise ProposalError(f"proposal: '{key}' is missing (text)")
            text[key] = value.strip()
        lead = data.get("lead", "")
        if not isinstance(lead, str):
            raise ProposalError("proposal: 'lead' must be text")
        costs = data.get("costs")
        if not isinstance(costs, list) or not costs:
            raise ProposalError("proposal: 'costs' must list at least one cost line")
        lines = []
        for n, raw in enumerate(costs, start=1):
            try:
                lines.append(cost_line(raw))
            except ProposalError as exc:
                raise ProposalError(f"proposal: cost line {n}: {exc}") from None
        return cls(costs=tuple(lines), lead=lead.strip(), **text)


def cost_line(raw: Any) -> CostLine:
    """One cost line from data; raises ProposalError saying what is wrong."""
    if not isinstance(raw, Mapping):
        raise ProposalError("must be a table of line, kind, year, amount")
    unknown = sorted(set(raw) - {"line", "kind", "year", "amount"})
    if unknown:
        raise ProposalError(f"unknown field {unknown[0]!r}")
    line = raw.get("line")
    if not isinstance(line, str) or not line.strip():
        raise ProposalError("'line' must say what the cost is for")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise ProposalError(f"'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    year = raw.get("year")
    if not isinstance(year, str) or not valid_year(year):
        raise ProposalError(f"'year' must be a financial year like 2025/26, not {year!r}")
    amount = raw.get("amount")
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        raise ProposalError(f"'amount' must be a number, not {amount!r}")
    if amount != amount or not 0 < amount <= MAX_COST:
        raise ProposalError(f"'amount' must be more than 0 and at most {MAX_COST:,}")
    return CostLine(line.strip(), str(kind), year, amount)


def valid_year(year: str) -> bool:
    found = _YEAR.match(year)
    return found is not None and (int(found.group(1)) + 1) % 100 == int(found.group(2))


def total(costs: Iterable[CostLine]) -> float:
    """The sum of the cost lines, to the penny."""
    return round(sum(c.amount for c in costs), 2)


def totals_by_year(costs: Iterable[CostLine]) -> dict[tuple[str, str], float]:
    """{(year, kind): amount}, to the penny."""
    sums: dict[tuple[str, str], float] = {}
    for c in costs:
        sums[c.year, c.kind] = sums.get((c.year, c.kind), 0.0) + c.amount
    return {k: round(v, 2) for k, v in sorted(sums.items())}
