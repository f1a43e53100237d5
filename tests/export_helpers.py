"""Shared helpers for the export tests: build meetings, read .docx text back."""

from __future__ import annotations

import io
from typing import Any

from docx import Document

from secretary.domain.events import check_event
from secretary.domain.meeting import Meeting
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import load_terms


def docx_text(data: bytes) -> str:
    """Every paragraph of the body, tables, headers and footers, one per line."""
    doc = Document(io.BytesIO(data))
    lines: list[str] = []

    def tables(tabs: Any) -> None:
        for t in tabs:
            for row in t.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
                    tables(cell.tables)

    lines.extend(p.text for p in doc.paragraphs)
    tables(doc.tables)
    for s in doc.sections:
        lines.extend(p.text for p in s.header.paragraphs)
        lines.extend(p.text for p in s.footer.paragraphs)
    return "\n".join(lines)


def table_rows(data: bytes, index: int = 0) -> list[list[str]]:
    doc = Document(io.BytesIO(data))
    return [[c.text for c in row.cells] for row in doc.tables[index].rows]


def table_with_header(data: bytes, first_header: str, second: str) -> list[list[str]]:
    doc = Document(io.BytesIO(data))
    for t in doc.tables:
        head = [c.text for c in t.rows[0].cells]
        if head[:2] == [first_header, second]:
            return [[c.text for c in row.cells] for row in t.rows]
    raise AssertionError(f"no table headed {first_header!r}, {second!r}")


def seed_meeting(**texts: str) -> tuple[MeetingInfo, Meeting]:
    """A small decision-quorate meeting under the seed terms; ``texts`` override
    the typed text: name, note, action, interest, title, organisation, wording."""
    m = Meeting(load_terms("sbuhb-upper-valleys-2021"))
    t = {
        "name": "Dr Rhian Evans",
        "note": "Discussed.",
        "action": "Write to practices.",
        "interest": "Partner works for the provider",
        "title": "Social prescriber extension",
        "organisation": "Pontardawe Surgery",
        "wording": "",
        "owner": "Carys Miles",
    }
    t.update(texts)
    people = [
        ("lead", t["name"], "member", "cluster-lead"),
        ("gp1", "Dr Owen Price", "member", "gp-1"),
        ("gp2", "Dr Gwenllian Rees", "member", "gp-2"),
        ("dep", "Alun Hughes", "deputy", "pharmacy"),
        ("cdm", "Carys Miles", "member", "cluster-development-manager"),
        ("nurse", "Eleri Thomas", "member", "nursing"),
        ("gp4", "Dr Huw Davies", "member", "gp-4"),
        ("fin", "Gareth Lloyd", "attendee", None),
    ]
    events: list[dict[str, Any]] = []
    for pid, name, role, seat in people:
        e: dict[str, Any] = {"type": "person_added", "person": pid, "name": name, "role": role}
        if seat:
            e["seat"] = seat
        if pid == "lead":
            e["organisation"] = t["organisation"]
        events.append(e)
    events += [
        {"type": "item_added", "item": "1", "title": "Apologies", "standing": "apologies"},
        {
            "type": "item_added",
            "item": "2",
            "title": t["title"],
            "financial": True,
            "amount": 18500.0,
            "reference": "UVC/26/02",
        },
        {"type": "item_added", "item": "3", "title": "Flu campaign"},
    ]
    for pid in ("lead", "gp1", "gp2", "dep", "cdm", "nurse", "fin"):
        events.append({"type": "arrive", "person": pid, "at": "13:00"})
    events += [
        {"type": "apologies", "person": "gp4"},
        {"type": "focus", "item": "1", "at": "13:02"},
        {
            "type": "declare",
            "person": "gp2",
            "item": "2",
            "interest": t["interest"],
            "action": "abstain",
        },
        {"type": "focus", "item": "2", "at": "13:10"},
        {"type": "note", "item": "2", "text": t["note"]},
        {
            "type": "vote",
            "item": "2",
            "at": "13:20",
            "text": t["wording"],
            "votes": {"lead": "for", "gp1": "for", "dep": "for", "cdm": "for", "nurse": "for"},
        },
        {
            "type": "financial_entry",
            "item": "2",
            "amount": 18500,
            "budget_line": "Cluster fund",
            "signatory": "cdm",
            "description": t["title"],
        },
        {
            "type": "action",
            "action": "A1",
            "item": "2",
            "text": t["action"],
            "owner": t["owner"],
            "due": "2026-06-11",
        },
        {"type": "consensus", "item": "3", "at": "13:30"},
    ]
    for e in events:
        if e["type"] == "vote" and not e["text"].strip():
            e.pop("text")
        m.apply(check_event(e))
    info = MeetingInfo(
        "Upper Valleys Cluster Meeting",
        "2026-05-14",
        "13:00",
        "Pontardawe Health Centre",
        "Upper Valleys Primary Care Cluster",
    )
    return info, m


def big_meeting(items: int) -> tuple[MeetingInfo, Meeting]:
    """The seed meeting grown to ``items`` agenda items, each with notes, a decision
    (a vote on every third, financial, item) and an action."""
    info, m = seed_meeting()
    for i in range(4, items + 1):
        iid = str(i)
        financial = i % 3 == 0
        raw: list[dict[str, Any]] = [
            {
                "type": "item_added",
                "item": iid,
                "title": f"Item {i}: service proposal",
                "financial": financial,
                "amount": 1000.0 * i,
            },
            {"type": "focus", "item": iid, "at": "14:00"},
            {
                "type": "note",
                "item": iid,
                "text": "Discussion of the proposal. " * 20 + "\nSecond paragraph.",
            },
        ]
        if financial:
            raw += [
                {
                    "type": "vote",
                    "item": iid,
                    "votes": {
                        "lead": "for",
                        "gp1": "for",
                        "dep": "for",
                        "cdm": "for",
                        "nurse": "against",
                    },
                },
                {"type": "financial_entry", "item": iid, "amount": 1000.0 * i, "signatory": "cdm"},
            ]
        else:
            raw.append({"type": "consensus", "item": iid})
        raw.append(
            {
                "type": "action",
                "action": f"A{i}",
                "item": iid,
                "text": "Follow up with practices.",
                "owner": "cdm",
                "due": "2026-06-01",
            }
        )
        for e in raw:
            m.apply(check_event(e))
    return info, m
