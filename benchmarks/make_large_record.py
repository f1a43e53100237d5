"""Generate a large, realistic record: 64 clusters x 10 years x 5 meetings = 3,200
meetings, about 110,000 events, all under the seed terms.

    python benchmarks/make_large_record.py OUT.sqlite [--clusters 64] [--years 10]

Meetings are written through Record.create_meeting (setup events) and the
meeting's events are appended in one transaction per meeting: the result is an
ordinary record that the window, the exports and the reports open as usual.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import insert

from secretary.domain.events import check_event
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import load_terms, read_terms_source
from secretary.store.models import EventRow
from secretary.store.record import Record, now_utc

TERMS_ID = "sbuhb-upper-valleys-2021"
FIRST_NAMES = [
    "Rhian",
    "Owen",
    "Siân",
    "Ffion",
    "Huw",
    "Alun",
    "Carys",
    "Eleri",
    "Gareth",
    "Meinir",
    "Catrin",
    "Rhodri",
    "Angharad",
    "Iwan",
    "Nia",
    "Dafydd",
    "Lowri",
    "Tomos",
    "Bethan",
    "Aled",
    "Mererid",
    "Gwenllian",
    "Llinos",
    "Emyr",
]
SURNAMES = [
    "Evans",
    "Price",
    "Morgan",
    "Jones",
    "Davies",
    "Hughes",
    "Miles",
    "Thomas",
    "Lloyd",
    "Roberts",
    "Lewis",
    "Williams",
    "Jenkins",
    "Parry",
    "Howells",
    "Owen",
    "Griffiths",
    "Bowen",
    "Pugh",
    "Morris",
    "Vaughan",
    "Rees",
]
MEETING_MONTHS = (5, 7, 9, 11, 2)  # five a year, April to March


def cluster_people(rng: random.Random, terms) -> list[dict]:  # type: ignore[no-untyped-def]
    people = []
    for seat in terms.seats:
        people.append(
            {
                "type": "person_added",
                "person": f"m-{seat.id}",
                "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
                "role": "member",
                "seat": seat.id,
            }
        )
    people.append(
        {
            "type": "person_added",
            "person": "fin",
            "name": "Finance lead",
            "role": "attendee",
            "kind": "in-attendance",
        }
    )
    return people


def meeting_events(rng: random.Random, people: list[dict], n_items: int) -> list[dict]:
    events: list[dict] = []
    members = [p["person"] for p in people if p["role"] == "member"]
    present = rng.sample(members, k=rng.randint(7, 13))
    for i, pid in enumerate(present):
        events.append(
            {
                "type": "arrive",
                "person": pid,
                "at": f"13:{i:02d}",
                **({"mode": "remote"} if rng.random() < 0.2 else {}),
            }
        )
    for pid in members:
        if pid not in present and rng.random() < 0.3:
            events.append({"type": "apologies", "person": pid})
    votes = {pid: rng.choice(("for", "for", "for", "against", "abstain")) for pid in present}
    events.append({"type": "vote", "item": "2", "votes": votes})
    events.append({"type": "consensus", "item": "1"})
    return events


def generate(path: Path, clusters: int, years: int, seed: int = 2026) -> tuple[int, int]:
    rng = random.Random(seed)
    terms_text, _ = read_terms_source(TERMS_ID)
    terms = load_terms(TERMS_ID)
    record = Record(path)
    meetings = events_total = 0
    for c in range(clusters):
        people = cluster_people(rng, terms)
        for y in range(years):
            for month in MEETING_MONTHS:
                year = 2016 + y + (1 if month < 4 else 0)
                date = dt.date(year, month, rng.randint(1, 28)).isoformat()
                info = MeetingInfo(
                    f"Cluster {c + 1} meeting",
                    date,
                    "13:00",
                    f"Health Centre {c + 1}",
                    f"Cluster {c + 1}",
                )
                agenda = [
                    {
                        "type": "item_added",
                        "item": str(i),
                        "title": f"Item {i}",
                        "financial": i == 2,
                        **({"amount": 12000} if i == 2 else {}),
                    }
                    for i in range(1, 5)
                ]
                setup = [check_event(e) for e in people + agenda]
                mid = record.create_meeting(info, TERMS_ID, terms_text, setup, author="bench")
                body = [check_event(e) for e in meeting_events(rng, people, 4)]
                rows = [
                    {
                        "uuid": str(uuid.uuid4()),
                        "meeting_id": mid,
                        "seq": len(setup) + i,
                        "type": e.type,
                        "payload": json.dumps(dict(e.data)),
                        "recorded_at": now_utc(),
                        "author": "bench",
                    }
                    for i, e in enumerate(body)
                ]
                with record.engine.begin() as conn:
                    conn.execute(insert(EventRow.__table__), rows)
                meetings += 1
                events_total += len(setup) + len(body)
    record.close()
    return meetings, events_total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--clusters", type=int, default=64)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    if args.out.exists():
        print(f"{args.out}: already exists; choose a new file", file=sys.stderr)
        return 2
    t = time.perf_counter()
    meetings, events = generate(args.out, args.clusters, args.years)
    print(f"{args.out}: {meetings} meetings, {events} events in {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
