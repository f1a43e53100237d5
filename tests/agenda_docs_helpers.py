"""A meeting with its agenda built before it opens: standing items, items with a
presenter, purpose and planned times, a sub-item, papers and an investment proposal
(shared by the agenda document and pack tests)."""

from __future__ import annotations

import hashlib
from typing import Any

from test_proposal import FORM

from secretary.domain.events import check_event
from secretary.domain.meeting import Meeting
from secretary.domain.proposal import parse_form
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import load_terms

INFO = MeetingInfo(
    title="Upper Valleys Cluster Meeting",
    date="2026-05-14",
    start="13:00",
    venue="Pontardawe Health Centre",
    cluster="",
)


def record(m: Meeting, raw: dict[str, Any]) -> None:
    event = check_event(raw)
    m.check(event)
    m.apply(event)


def paper(m: Meeting, pid: str, item: str, title: str, data: bytes, filename: str) -> None:
    record(
        m,
        {
            "type": "paper_attached",
            "paper": pid,
            "item": item,
            "title": title,
            "sha256": hashlib.sha256(data).hexdigest(),
            "filename": filename,
            "size": len(data),
        },
    )


def planned_meeting() -> Meeting:
    terms = load_terms("sbuhb-upper-valleys-2021")
    m = Meeting(terms)
    record(m, {"type": "person_added", "person": "lead", "name": "Dr Rhian Evans",
               "role": "member", "seat": "cluster-lead"})  # fmt: skip
    for raw in (
        {"item": "ap", "standing": "apologies", "duration": 5},
        {"item": "di", "standing": "declarations", "duration": 5},
        {"item": "mi", "standing": "minutes", "of_date": "2026-03-12", "duration": 5},
        {"item": "ma", "standing": "matters-arising", "duration": 10},
        {"item": "sp", "title": "Social prescriber proposal", "reference": "UVC/26/05",
         "presenter": "lead", "purpose": "decision", "duration": 20},
        {"item": "es", "title": "Estates plan", "presenter": "Tomos Bowen",
         "purpose": "discussion", "duration": 15},
        {"item": "es1", "title": "Pontardawe surgery lease", "parent": "es",
         "purpose": "information", "duration": 5},
        {"item": "ao", "standing": "aob", "starts": "14:30", "duration": 10},
    ):  # fmt: skip
        record(m, {"type": "item_added", **raw})
    record(m, {"type": "action_carried", "action": "A3", "text": "Circulate the estates survey",
               "from_meeting": "m-2026-03", "from_date": "2026-03-12", "item": "ma",
               "owner": "lead", "due": "2026-04-30", "status": "open"})  # fmt: skip
    proposal = parse_form(FORM, "social.toml", terms.imtp_priorities)
    record(m, {"type": "proposal_recorded", "item": "sp", "proposal": "pr1",
               **proposal.event_fields()})  # fmt: skip
    paper(m, "p1", "sp", "Social prescriber proposal", b"proposal", "proposal.docx")
    paper(m, "p2", "sp", "Job description", b"job", "job.pdf")
    paper(m, "p3", "es", "Estates plan 2026", b"estates", "estates.xlsx")
    return m
