"""A meeting recorded as fast as it can go, to be killed (tests/test_crash_safety.py).

    python tests/crash_worker.py RECORD SEED [handover]

Opens RECORD (taking the one-writer lock; a killed predecessor's lock is
stale and taken over), continues its latest open meeting or creates one with
the worked example's people and agenda, and records events through
``LiveMeeting.record_event`` — the path the window uses: arrivals, leaves,
apologies, declarations, proxies, long notes, actions, votes, consensus,
agenda changes, and now and then a rolling backup and a new meeting.

It prints ``E <meeting id> <seq> <uuid>`` on stdout, flushed, ONLY after
``record_event`` returned (the event is then on disk), and ``READY`` once the
record is open. It never stops on its own: the test SIGKILLs it.

With ``handover`` it opens as the window does on ``--meeting``: the first paint read
with sqlite3 (store.fastread), the writer opened on a worker thread
(store.handover) while events are already being asked for, and it does this again
every few events (printing ``H`` as each hand-over starts), so kills land while
SQLAlchemy is imported, the lock taken, the record checked and the meeting read.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from secretary.domain.scenario import parse_scenario
from secretary.store import LiveMeeting, Record
from secretary.store.backup import backup_record

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE / "scenarios" / "worked-example.json"
EVENTS_PER_MEETING = 400
WELSH = "Ymddiheuriadau gan Dr Huw Davies; trafodaeth am y presgripsiynydd cymdeithasol. "
ENGLISH = "The cluster discussed the social prescriber extension and the flu campaign. "


def long_text(rng: random.Random) -> str:
    parts = [WELSH, ENGLISH, "£18,500 — ‘quoted’ “text” ✓ ", "line\nbreak "]
    return "".join(rng.choice(parts) for _ in range(rng.randint(5, 120)))


def new_meeting(record: Record) -> LiveMeeting:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["events"] = []
    sc = parse_scenario(data, str(EXAMPLE), EXAMPLE.parent)
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup, author="crash")
    return LiveMeeting(record, mid)


def latest_open(record: Record) -> LiveMeeting | None:
    meetings = sorted(record.list_meetings(), key=lambda m: m.id)
    if not meetings:
        return None
    live = LiveMeeting(record, meetings[-1].id)
    if live.meeting.closed or len(live.events) >= EVENTS_PER_MEETING:
        return None
    return live


def next_event(live: LiveMeeting, rng: random.Random, n: int) -> dict:
    m = live.meeting
    people = list(m.people)
    present = [p for p in people if m.is_present(p)]
    absent = [p for p in people if not m.is_present(p)]
    items = list(m.agenda)
    voters = [p for p in people if m.may_vote(p)]
    roll = rng.random()
    if (roll < 0.25 or not present) and absent:
        return {
            "type": "arrive",
            "person": rng.choice(absent),
            "mode": rng.choice(["in_person", "remote"]),
            "at": f"13:{rng.randint(0, 59):02d}",
        }
    if roll < 0.33 and present:
        return {"type": "leave", "person": rng.choice(present)}
    if roll < 0.36 and absent:
        return {"type": "apologies", "person": rng.choice(absent)}
    if roll < 0.52:
        return {"type": "note", "item": rng.choice(items), "text": long_text(rng)}
    if roll < 0.64:
        chosen = rng.sample(voters, rng.randint(1, len(voters)))
        return {
            "type": "vote",
            "item": rng.choice(items),
            "votes": {p: rng.choice(["for", "against", "abstain"]) for p in chosen},
            "text": long_text(rng)[:400],
        }
    if roll < 0.69:
        return {"type": "consensus", "item": rng.choice(items)}
    if roll < 0.74:
        return {
            "type": "declare",
            "person": rng.choice(people),
            "item": rng.choice(items),
            "interest": "Partner works for the provider",
            "action": rng.choice(["none", "abstain", "withdraw"]),
        }
    if roll < 0.78 and absent and present:
        return {
            "type": "proxy",
            "from": rng.choice(absent),
            "to": rng.choice(present),
            "item": rng.choice(items),
            "direction": rng.choice(["for", "against"]),
        }
    if roll < 0.84:
        return {"type": "focus", "item": rng.choice(items)}
    if roll < 0.92:
        return {
            "type": "action",
            "action": f"A{n}-{rng.randint(0, 10**9)}",
            "item": rng.choice(items),
            "text": long_text(rng)[:300],
            "owner": rng.choice(people),
            "due": "2026-06-30",
        }
    if roll < 0.96:
        return {
            "type": "item_added",
            "item": f"x{n}-{rng.randint(0, 10**9)}",
            "title": "Any other business: " + long_text(rng)[:80],
            "financial": rng.random() < 0.5,
            "amount": rng.randint(0, 50000),
        }
    return {
        "type": "financial_entry",
        "item": rng.choice(items),
        "amount": rng.randint(1, 90000),
        "description": "Budget line",
    }


def latest_meeting_id(path: Path) -> int | None:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT max(id) FROM meetings").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def hand_over(path: Path):  # type: ignore[no-untyped-def]
    """The window's way in: first paint, then the writer on a worker thread."""
    from secretary.store.fastread import first_paint
    from secretary.store.handover import HandOver

    mid = latest_meeting_id(path) if path.exists() else None
    first = first_paint(path, mid) if mid is not None else None
    if first is None:
        return None
    sys.stdout.write("H\n")
    sys.stdout.flush()
    return HandOver(first)


def main_handover(path: Path, rng: random.Random) -> int:
    live = hand_over(path)
    if live is None:  # a new record, or its meeting is full: make one the ordinary way
        record = Record(path)
        opened = latest_open(record) or new_meeting(record)
        record.close()
        del opened
        live = hand_over(path)
    print("READY", flush=True)
    n = 0
    while True:
        if len(live.events) >= EVENTS_PER_MEETING:
            live.record_event({"type": "meeting_closed"})
            record = live.record
            new_meeting(record)
            live.close()
            live = hand_over(path)
        elif rng.random() < 0.08:  # open the meeting again, as a restarted window does
            live.close()
            live = hand_over(path)
        raw = next_event(live, rng, n)
        seq = len(live.events)
        live.record_event(raw, author="crash")
        event_id = live.events[seq].id
        sys.stdout.write(f"E {live.meeting_id} {seq} {event_id}\n")
        sys.stdout.flush()
        n += 1


def main() -> int:
    path, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    if sys.argv[3:] == ["handover"]:
        return main_handover(path, rng)
    print("OPENING", flush=True)  # the test may kill now: opening, migrating, lock takeover
    record = Record(path)
    live = latest_open(record) or new_meeting(record)
    print("READY", flush=True)
    n = 0
    while True:
        if len(live.events) >= EVENTS_PER_MEETING:
            live.record_event({"type": "meeting_closed"})
            backup_record(path, keep=3, reason="close")
            live = new_meeting(record)
            backup_record(path, keep=3, reason="open")
        elif rng.random() < 0.01:
            backup_record(path, keep=3, reason="open")
        raw = next_event(live, rng, n)
        seq = len(live.events)
        live.record_event(raw, author="crash")
        event_id = live.events[seq].id
        # Reported only now: record_event has returned, the event is committed.
        sys.stdout.write(f"E {live.meeting_id} {seq} {event_id}\n")
        sys.stdout.flush()
        n += 1


if __name__ == "__main__":
    sys.exit(main())
