"""A 20 MB paper kept in the record: attaching it and reading it back, beside the floor.

    .venv/bin/python benchmarks/bench_papers.py [--runs 5] [--mb 20]

Attaching (``app.agenda.attach_paper``: the file read, hashed, checked by the domain,
its bytes and its ``paper_attached`` event written in one durable transaction) is
measured beside the floor: plain sqlite3 inserting the same bytes into a blob table
with the same pragmas (WAL, synchronous=FULL) and hashing them once. Reading back
(``store.papers.read``, re-hashed) is measured beside a plain SELECT plus one SHA-256.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from secretary.app import agenda  # noqa: E402
from secretary.domain.scenario import MeetingInfo  # noqa: E402
from secretary.domain.terms import read_terms_source  # noqa: E402
from secretary.store import LiveMeeting, Record  # noqa: E402
from secretary.store.papers import read as read_paper  # noqa: E402


def ours(folder: Path, paper: Path, n: int) -> tuple[float, float]:
    text, _ = read_terms_source("sbuhb-upper-valleys-2021")
    record = Record(folder / f"r{n}.sqlite")
    mid = record.create_meeting(
        MeetingInfo("Bench", "2026-06-11", "13:00", "Hall"), "sbuhb-upper-valleys-2021", text
    )
    live = LiveMeeting(record, mid)
    item = agenda.add_item(live, title="Item").event.get("item")
    start = time.perf_counter()
    recorded = agenda.attach_paper(live, item, paper)
    attach = time.perf_counter() - start
    start = time.perf_counter()
    read_paper(record, recorded.event.get("sha256"))
    read = time.perf_counter() - start
    record.close()
    return attach, read


def floor(folder: Path, paper: Path, n: int) -> tuple[float, float]:
    conn = sqlite3.connect(folder / f"f{n}.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE blobs (sha TEXT PRIMARY KEY, content BLOB)")
    start = time.perf_counter()
    data = paper.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    conn.execute("BEGIN")
    conn.execute("INSERT INTO blobs VALUES (?, ?)", (sha, data))
    conn.execute("COMMIT")
    write = time.perf_counter() - start
    start = time.perf_counter()
    (content,) = conn.execute("SELECT content FROM blobs WHERE sha = ?", (sha,)).fetchone()
    hashlib.sha256(content).hexdigest()
    read = time.perf_counter() - start
    conn.close()
    return write, read


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mb", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paper = folder / "paper.pdf"
        paper.write_bytes(os.urandom(args.mb * 1024 * 1024 - 1024))
        ours_runs = [ours(folder, paper, n) for n in range(args.runs)]
        floor_runs = [floor(folder, paper, n) for n in range(args.runs)]
    for what, i in (("attach", 0), ("read back", 1)):
        figure = statistics.median(r[i] for r in ours_runs)
        base = statistics.median(r[i] for r in floor_runs)
        print(
            f"{args.mb} MB paper, {what}: {figure * 1000:.0f} ms "
            f"(floor {base * 1000:.0f} ms, {figure / base:.1f}x)"
        )


if __name__ == "__main__":
    main()
