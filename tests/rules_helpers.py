"""A small builder for meetings in rule tests: people, items, then events."""

from __future__ import annotations

from typing import Any

from secretary.domain.events import check_event
from secretary.domain.meeting import Meeting
from secretary.domain.quorum import QuorumAssessment, assess
from secretary.domain.terms import Terms, load_terms
from secretary.domain.votes import Decision

SEED = "sbuhb-upper-valleys-2021"

# A decision-quorate core under the seed terms: 6 seats, the lead, 2 GP
# practices, a contractor and a Health Board signatory.
SEED_CORE = {
    "lead": ("member", "cluster-lead"),
    "gp1": ("member", "gp-1"),
    "gp2": ("member", "gp-2"),
    "ph": ("member", "pharmacy"),
    "cdm": ("member", "cluster-development-manager"),
    "nurse": ("member", "nursing"),
}


class M:
    """A meeting under construction. ``people`` maps id -> (role, seat or None)."""

    def __init__(
        self,
        terms: str | Terms = SEED,
        people: dict[str, tuple[str, str | None]] | None = None,
        items: dict[str, bool] | None = None,
    ):
        self.terms = load_terms(terms) if isinstance(terms, str) else terms
        self.m = Meeting(self.terms)
        for pid, (role, seat) in (people or {}).items():
            raw: dict[str, Any] = {
                "type": "person_added",
                "person": pid,
                "name": pid.upper(),
                "role": role,
            }
            if seat is not None:
                raw["seat"] = seat
            self.m.apply(check_event(raw))
        for iid, financial in (items if items is not None else {"4": True, "5": False}).items():
            self.m.apply(
                check_event(
                    {
                        "type": "item_added",
                        "item": iid,
                        "title": f"Item {iid}",
                        "financial": financial,
                    }
                )
            )

    def ev(self, type: str, **fields: Any) -> Any:
        raw = {"type": type, **{k.rstrip("_"): v for k, v in fields.items()}}
        return self.m.apply(check_event(raw))

    def arrive(self, *pids: str, mode: str | None = None) -> M:
        for pid in pids:
            if mode:
                self.ev("arrive", person=pid, mode=mode)
            else:
                self.ev("arrive", person=pid)
        return self

    def leave(self, *pids: str) -> M:
        for pid in pids:
            self.ev("leave", person=pid)
        return self

    def apologies(self, *pids: str) -> M:
        for pid in pids:
            self.ev("apologies", person=pid)
        return self

    def declare(self, pid: str, item: str | None, action: str, interest: str = "interest") -> M:
        fields: dict[str, Any] = {"person": pid, "interest": interest, "action": action}
        if item is not None:
            fields["item"] = item
        self.ev("declare", **fields)
        return self

    def proxy(
        self, grantor: str, holder: str, item: str | None = None, direction: str | None = None
    ) -> M:
        fields: dict[str, Any] = {"from_": grantor, "to": holder}
        if item is not None:
            fields["item"] = item
        if direction is not None:
            fields["direction"] = direction
        self.ev("proxy", **fields)
        return self

    def vote(self, item: str, votes: dict[str, str], casting: str | None = None) -> Decision:
        fields: dict[str, Any] = {"item": item, "votes": votes}
        if casting is not None:
            fields["casting"] = casting
        decision: Decision = self.ev("vote", **fields)
        return decision

    def consensus(self, item: str) -> Decision:
        decision: Decision = self.ev("consensus", item=item)
        return decision

    def q(self, item: str | None = None) -> QuorumAssessment:
        return assess(self.m, item)


def seed(
    extra: dict[str, tuple[str, str | None]] | None = None, items: dict[str, bool] | None = None
) -> M:
    """The seed terms with the quorate core people (not yet arrived) and ``extra``."""
    return M(SEED, {**SEED_CORE, **(extra or {})}, items)


def reasons(decision: Decision) -> dict[str, str]:
    return {r.voter: r.reason.render("en") for r in decision.rejected}


def missing(q: QuorumAssessment) -> list[str]:
    return [s.render("en") for s in q.missing]
