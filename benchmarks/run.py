"""The benchmark suite: every figure beside its floor, measured in the same run.

    .venv/bin/python benchmarks/run.py [--quick] [--out docs/performance.md]

Prints one table and writes docs/performance.md (machine, date, median of
several runs). The large record (3,200 meetings) is generated on first use by
benchmarks/make_large_record.py into a temporary folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
PY = sys.executable
WORK = Path(tempfile.mkdtemp(prefix="secretary-bench-"))


@dataclass
class Row:
    what: str
    figure: str
    floor: str
    ratio: str
    budget: str
    ok: bool | None  # None: could not be measured


ROWS: list[Row] = []


def median_of(runs: int, fn: Callable[[], float]) -> float:
    return statistics.median(fn() for _ in range(runs))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


# --------------------------------------------------------------------------- record


def bench_durable_event(runs: int) -> None:
    from secretary.domain.scenario import load_scenario
    from secretary.store import LiveMeeting, Record

    n = 300
    payload = {"item": "5", "text": "The cluster discussed the proposal. " * 5}

    def raw() -> float:
        path = WORK / f"raw-{uuid.uuid4()}.sqlite"
        con = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
            con.execute(f"PRAGMA {pragma}")
        con.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, "
                    "meeting_id INT, seq INT, type TEXT, payload TEXT, recorded_at TEXT, "
                    "author TEXT, UNIQUE (meeting_id, seq))")
        t = time.perf_counter()
        for i in range(n):
            con.execute("BEGIN")
            con.execute("INSERT INTO events (uuid, meeting_id, seq, type, payload, recorded_at,"
                        " author) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (str(uuid.uuid4()), 1, i, "note", json.dumps(payload),
                         dt.datetime.now(dt.UTC).isoformat(), "bench"))
            con.execute("COMMIT")
        return (time.perf_counter() - t) / n

    def ours() -> float:
        record = Record(WORK / f"ours-{uuid.uuid4()}.sqlite")
        sc = load_scenario(ROOT / "tests" / "scenarios" / "worked-example.json")
        mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
        live = LiveMeeting(record, mid)
        t = time.perf_counter()
        for _ in range(n):
            live.record_event({"type": "note", **payload})
        elapsed = (time.perf_counter() - t) / n
        record.close()
        return elapsed

    floor = median_of(runs, raw)
    figure = median_of(runs, ours)
    ratio = figure / floor
    ROWS.append(Row("one recorded event, durable (check, commit, apply)", ms(figure), ms(floor),
                    f"{ratio:.2f}x", "<= 2x", ratio <= 2.0))


def big_scenario(path: Path, n_events: int) -> None:
    people = [{"id": "lead", "name": "Lead", "role": "member", "seat": "cluster-lead"}]
    seats = ["gp-1", "gp-2", "gp-3", "gp-4", "pharmacy", "dental", "optometry",
             "pcts-senior-manager", "cluster-development-manager", "nursing",
             "medicines-management", "therapies-1", "therapies-2", "mental-health",
             "third-sector"]
    people += [{"id": f"p{i}", "name": f"Person {i}", "role": "member", "seat": s}
               for i, s in enumerate(seats)]
    agenda = [{"id": str(i), "title": f"Item {i}", "financial": i % 3 == 0} for i in range(40)]
    rng = random.Random(7)
    ids = [p["id"] for p in people]
    events: list[dict] = [{"type": "arrive", "person": pid} for pid in ids]
    while len(events) < n_events:
        r = rng.random()
        pid = rng.choice(ids)
        item = str(rng.randrange(40))
        if r < 0.3:
            events.append({"type": "leave", "person": pid})
            events.append({"type": "arrive", "person": pid})
        elif r < 0.5:
            events.append({"type": "declare", "person": pid, "item": item, "interest": "x",
                           "action": rng.choice(("none", "abstain", "withdraw"))})
        elif r < 0.8:
            events.append({"type": "vote", "item": item,
                           "votes": {v: rng.choice(("for", "against", "abstain")) for v in ids}})
        else:
            events.append({"type": "consensus", "item": item})
    path.write_text(json.dumps({"terms": "sbuhb-upper-valleys-2021", "people": people,
                                "agenda": agenda, "events": events[:n_events]}))


def bench_replay(runs: int) -> None:
    path = WORK / "replay-2000.json"
    big_scenario(path, 2000)

    def command() -> float:
        t = time.perf_counter()
        subprocess.run([PY, "-m", "secretary", "replay", str(path)], check=True,
                       stdout=subprocess.DEVNULL)
        return time.perf_counter() - t

    def python_floor() -> float:
        t = time.perf_counter()
        subprocess.run([PY, "-c", "pass"], check=True)
        return time.perf_counter() - t

    figure = median_of(runs, command)
    floor = median_of(runs, python_floor)
    ROWS.append(Row("`secretary replay` of a 2,000-event meeting (whole command)", ms(figure),
                    f"{ms(floor)} (bare python)", "-", "< 1 s", figure < 1.0))


def large_record() -> Path:
    path = WORK / "large.sqlite"
    if not path.exists():
        from make_large_record import generate

        generate(path, 64, 10)
    return path


def bench_meeting_list(runs: int) -> None:
    from secretary.store import Record

    path = large_record()

    def once() -> float:
        t = time.perf_counter()
        record = Record(path)
        meetings = record.list_meetings()
        elapsed = time.perf_counter() - t
        assert len(meetings) == 3200
        record.close()
        return elapsed

    figure = median_of(runs, once)
    ROWS.append(Row("meeting list on the 3,200-meeting record (open + list)", ms(figure), "-",
                    "-", "< 200 ms", figure < 0.2))


# --------------------------------------------------------------------------- report


def write_report(out: Path, runs: int) -> str:
    header = "| what | figure | floor | ratio | budget | holds |\n|---|---|---|---|---|---|\n"
    lines = []
    for r in ROWS:
        holds = {True: "yes", False: "**NO**", None: "not measured"}[r.ok]
        lines.append(f"| {r.what} | {r.figure} | {r.floor} | {r.ratio} | {r.budget} | {holds} |")
    table = header + "\n".join(lines) + "\n"
    machine = (f"{platform.node()} — {platform.platform()}, Python {platform.python_version()}, "
               f"{os.cpu_count()} cores")
    text = (
        "# Performance\n\n"
        "Measured by `benchmarks/run.py` (one command: `.venv/bin/python benchmarks/run.py`). "
        f"Each figure is the median of {runs} runs, measured side by side with its floor in "
        "the same run.\n\n"
        f"- Machine: {machine}\n- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n\n"
        + table
    )
    out.write_text(text, encoding="utf-8")
    return table


BENCHES: list[Callable[[int], None]] = [bench_durable_event, bench_replay, bench_meeting_list]


def main() -> int:
    parser = argparse.ArgumentParser(description="Cluster Secretary benchmarks")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for bench in BENCHES:
        try:
            bench(args.runs)
        except Exception as exc:  # report it in the table rather than stop the suite
            ROWS.append(Row(bench.__name__, f"failed: {exc}", "-", "-", "-", None))
    print(write_report(args.out, args.runs))
    print(f"written to {args.out}")
    return 0 if all(r.ok for r in ROWS) else 1


if __name__ == "__main__":
    raise SystemExit(main())
