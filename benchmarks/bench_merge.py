"""Check-in of a 2,000-event meeting into a central PostgreSQL record: under 1 s.

    .venv/bin/python benchmarks/bench_merge.py [--events 2000] [--runs 5]

Uses the server in SECRETARY_TEST_PG_URL, or starts a private one as the tests
do (tests/pg.py; needs the PostgreSQL server programs). A meeting is prepared
centrally, checked out to a venue record, 2,000 events are recorded there
through LiveMeeting (arrivals and departures, declarations, notes, votes), and
the check-in is timed on fresh copies of the central record: the merge that
adds the 2,000 events, then the same check-in again (nothing to add). The same
is measured with an SQLite file as the central record, for comparison.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import pg  # noqa: E402  (tests/pg.py: the throw-away server)

from secretary.domain.scenario import load_scenario  # noqa: E402
from secretary.store import LiveMeeting, Record, sync  # noqa: E402

FLOOR = 1.0
SCENARIO = ROOT / "tests" / "scenarios" / "worked-example.json"


def meeting_events(live: LiveMeeting, n: int) -> list[dict]:
    """``n`` events a long meeting could hold, valid in order."""
    m = live.meeting
    people = [p for p in m.people if m.people[p].role != "attendee"]
    items = list(m.agenda)
    out: list[dict] = [{"type": "arrive", "person": p, "at": "13:00"} for p in people]
    present = set(people)
    i = 0
    while len(out) < n:
        p = people[i % len(people)]
        item = items[i % len(items)]
        kind = i % 4
        if kind == 0:
            out.append(
                {
                    "type": "note",
                    "item": item,
                    "text": f"Discussion point {i}: "
                    "the cluster considered the paper and asked questions." * 2,
                }
            )
        elif kind == 1:
            out.append({"type": "leave" if p in present else "arrive", "person": p, "at": "14:00"})
            present ^= {p}
        elif kind == 2:
            out.append({"type": "focus", "item": item})
        else:
            out.append(
                {
                    "type": "declare",
                    "person": p,
                    "item": item,
                    "interest": f"Interest {i}",
                    "action": "none",
                }
            )
        i += 1
    return out[:n]


def prepare(central_url: str, work: Path, n: int) -> tuple[Path, int]:
    """A central record with one meeting, checked out and recorded at a venue."""
    sc = load_scenario(SCENARIO)
    central = Record(central_url)
    mid = central.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    venue_path = work / "venue.sqlite"
    sync.checkout(central, mid, venue_path)
    central.close()
    venue = Record(venue_path)
    live = LiveMeeting(venue, mid)
    for e in meeting_events(live, n):
        live.record_event(e)
    venue.close()
    return venue_path, mid


def timed_checkins(venue_path: Path, central_url: str) -> tuple[float, float, int]:
    venue, central = Record(venue_path), Record(central_url)
    try:
        t0 = time.perf_counter()
        first = sync.checkin(venue, central)
        t1 = time.perf_counter()
        again = sync.checkin(venue, central)
        t2 = time.perf_counter()
    finally:
        venue.close()
        central.close()
    added = sum(m.added for m in first.report.meetings)
    assert not again.report.changed
    return t1 - t0, t2 - t1, added


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="secretary-bench-merge-"))
    server_url = os.environ.get(pg.ENV)
    server = None
    if not server_url:
        server = pg.start_server()
        server_url = server.url
    try:
        pg.make_template(server_url)
        base = pg.new_database(server_url)
        venue_path, _mid = prepare(base, work, args.events)
        pg_first, pg_again = [], []
        for _ in range(args.runs):
            # Each run on a fresh copy of the central record as it was at check-out.
            copy = pg.copy_database(server_url, base)
            venue_copy = work / "venue-run.sqlite"
            shutil.copy(venue_path, venue_copy)
            first, again, added = timed_checkins(venue_copy, copy)
            assert added == args.events, added
            pg_first.append(first)
            pg_again.append(again)
            pg.drop_database(server_url, copy)
            venue_copy.unlink()

        # The whole command, opening both records included (once).
        copy = pg.copy_database(server_url, base)
        venue_copy = work / "venue-cli.sqlite"
        shutil.copy(venue_path, venue_copy)
        from contextlib import redirect_stdout
        from io import StringIO

        from secretary.cli.main import main as cli

        t0 = time.perf_counter()
        with redirect_stdout(StringIO()):
            code = cli(["checkin", str(venue_copy), "--to", copy])
        command = time.perf_counter() - t0
        assert code == 0
        pg.drop_database(server_url, copy)

        # The same with an SQLite file as the central record.
        sq_dir = work / "sqlite"
        sq_dir.mkdir()
        sq_central = sq_dir / "central.sqlite"
        sq_venue, _ = prepare(str(sq_central), sq_dir, args.events)
        sq_first = []
        for k in range(args.runs):
            c = sq_dir / f"c{k}.sqlite"
            v = sq_dir / f"v{k}.sqlite"
            shutil.copy(sq_central, c)
            shutil.copy(sq_venue, v)
            first, _again, _added = timed_checkins(v, str(c))
            sq_first.append(first)
        pg.drop_database(server_url, base)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)

    med = statistics.median(pg_first)
    ok = med < FLOOR
    print(f"check-in of a {args.events:,}-event meeting (median of {args.runs}):")
    print(
        f"  PostgreSQL central, adding the events: {med:.3f} s "
        f"(min {min(pg_first):.3f}, max {max(pg_first):.3f}); floor {FLOOR:.1f} s: "
        f"{'OK' if ok else 'TOO SLOW'}"
    )
    print(f"  PostgreSQL central, again (nothing to add): {statistics.median(pg_again):.3f} s")
    print(f"  'secretary checkin' command, PostgreSQL, records opened too: {command:.3f} s")
    print(f"  SQLite central, adding the events: {statistics.median(sq_first):.3f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
