"""Events hold facts, not words: standing items are stored by key and outside
decisions by reference, and their headings are rendered in the reader's language —
a meeting created in Welsh exports its standing items in English when asked."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from secretary import i18n
from secretary.app.next_meeting import create_meeting
from secretary.domain.agenda import item_heading, standing_key
from secretary.domain.events import EventError, check_event
from secretary.domain.meeting import Meeting
from secretary.domain.roster import RosterEntry
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import load_terms, read_terms_source
from secretary.export import snapshot_from_record
from secretary.store import Record
from secretary.store import clusters as cl
from secretary.store import series as sr
from secretary.store.models import EventRow

UV = "sbuhb-upper-valleys-2021"


@pytest.fixture
def welsh():
    i18n.set_language("cy")
    yield
    i18n.set_language("en")


@pytest.fixture
def record(record_path):
    r = Record(record_path)
    yield r
    r.close()


def cluster_with_roster(record: Record) -> int:
    cid = cl.create_cluster(record, "Upper Valleys Primary Care Cluster", "SBUHB")
    cl.set_terms(record, cid, UV, read_terms_source(UV)[0], "2021-03-03")
    cl.add_person(
        record, cid, RosterEntry("lead", "Dr Rhian Evans", "member", "cluster-lead"), "2026-01-01"
    )
    return cid


def titles(record: Record, meeting_id: int, language: str) -> list[str]:
    snap = snapshot_from_record(record, meeting_id, language=language)
    return [s.title for s in snap.items]


def test_a_meeting_created_in_welsh_exports_its_standing_items_in_english(record, welsh):
    cid = cluster_with_roster(record)
    first = create_meeting(record, MeetingInfo("Cyfarfod", "2026-05-14"), cluster_id=cid)
    sr.record_outside_decision(
        record,
        sr.SeriesKey(cid),
        decided_on="2026-06-02",
        kind="remote",
        title="Extra physiotherapy sessions",
    )
    second = create_meeting(record, MeetingInfo("Cyfarfod", "2026-07-09"), cluster_id=cid)
    assert second.outside_decisions == 1
    # Stored: keys and references, no words in the window's language.
    with record.session() as s:
        payloads = [
            json.loads(p)
            for p in s.scalars(
                select(EventRow.payload).where(
                    EventRow.meeting_id == second.meeting_id, EventRow.type == "item_added"
                )
            )
        ]
    standing = [p for p in payloads if p.get("standing") in ("apologies", "declarations", "aob")]
    assert standing and all("title" not in p for p in standing)
    outside = next(p for p in payloads if p.get("decision"))
    assert outside["title"] == "Extra physiotherapy sessions"
    assert (outside["decision_kind"], outside["decided_on"]) == ("remote", "2026-06-02")
    assert not any("Datganiadau" in json.dumps(p, ensure_ascii=False) for p in payloads)

    english = titles(record, second.meeting_id, "en")
    assert english[:5] == [
        "Welcome, introductions and apologies",
        "Declarations of interest",
        "Minutes of the previous meeting (14 May 2026)",
        "Matters arising and action log",
        "Remote decision of 2 June 2026 for ratification: Extra physiotherapy sessions",
    ]
    assert english[-1] == "Any other business"
    cymraeg = titles(record, second.meeting_id, "cy")
    assert cymraeg[1] == "Datganiadau o fuddiant"
    assert cymraeg[2] == "Cofnodion y cyfarfod blaenorol (14 Mai 2026)"
    assert cymraeg[4].startswith("Penderfyniad o bell ar 2 Mehefin 2026")
    assert titles(record, first.meeting_id, "en")[1] == "Declarations of interest"


def test_titles_stored_in_words_by_earlier_versions_read_back_as_keys(record):
    """Records made before: the standing titles were stored in Welsh (or English)."""
    terms_text = read_terms_source(UV)[0]
    setup = [
        check_event(raw)
        for raw in [
            {"type": "item_added", "item": "1", "title": "Datganiadau o fuddiant",
             "standing": "declarations"},
            {"type": "item_added", "item": "2",
             "title": "Cofnodion y cyfarfod blaenorol (12 Mawrth 2026)", "standing": "minutes"},
            {"type": "item_added", "item": "3", "title": "Matters arising and action log"},
            {"type": "item_added", "item": "4", "title": "Unrhyw fater arall", "standing": "aob"},
            {"type": "item_added", "item": "5", "title": "Social prescriber extension"},
            {"type": "item_added", "item": "od-1", "standing": "ratification",
             "title": "Penderfyniad o bell ar 2 Mehefin 2026 i'w gadarnhau: Sesiynau ffisio"},
        ]
    ]  # fmt: skip
    mid = record.create_meeting(MeetingInfo("Hen gyfarfod", "2026-05-14"), UV, terms_text, setup)
    assert titles(record, mid, "en") == [
        "Declarations of interest",
        "Minutes of the previous meeting (12 March 2026)",
        "Matters arising and action log",
        "Any other business",
        "Social prescriber extension",
        "Remote decision of 2 June 2026 for ratification: Sesiynau ffisio",
    ]
    assert titles(record, mid, "cy")[2] == "Materion yn codi a'r log gweithredu"
    # The stored events are untouched (append-only; fingerprints stay valid).
    assert record.events(mid)[0].get("title") == "Datganiadau o fuddiant"


def test_standing_key_recognises_english_and_welsh_words() -> None:
    assert standing_key("Declarations of interest") == ("declarations", "")
    assert standing_key("  datganiadau o  fuddiant ") == ("declarations", "")
    assert standing_key("Minutes of the previous meeting (14 May 2026)") == (
        "minutes",
        "2026-05-14",
    )
    assert standing_key("Cofnodion y cyfarfod blaenorol (1 Rhagfyr 2025)") == (
        "minutes",
        "2025-12-01",
    )
    assert standing_key("Declarations of interest in the new contract") is None
    assert standing_key("Flu campaign (14 May 2026)") is None


def test_an_item_needs_a_title_unless_it_is_standing() -> None:
    with pytest.raises(EventError, match="missing field 'title'"):
        check_event({"type": "item_added", "item": "1"})
    event = check_event({"type": "item_added", "item": "1", "standing": "aob"})
    meeting = Meeting(load_terms(UV), [event])
    heading = item_heading(meeting.items["1"])
    assert (heading.render("en"), heading.render("cy")) == (
        "Any other business",
        "Unrhyw fater arall",
    )
