"""How fast the start dialog's meeting list (with its deadlines) opens on a large record.

    .venv/bin/python benchmarks/make_large_record.py /tmp/large.sqlite
    .venv/bin/python benchmarks/bench_start_list.py /tmp/large.sqlite [--actions] [--repeat 7]

Offscreen. Times, on the record (opened read-only):

- ``overview``: ``store.meeting_list.overview`` — meetings, deadlines (5.5, 5.6),
  approvals and open actions, read by event type;
- ``model``: the start dialog's ``MeetingListModel`` built (what ``choose_meeting``
  builds first; target < 200 ms for 3,200 meetings);
- ``dialog``: the whole start dialog built, its columns fitted and shown;

``--actions`` first copies the record and adds to every meeting its papers and
minutes sending dates, two actions, and the previous meeting's actions carried
in and updated (about 25,000 more events of the types the list reads), then
times that copy. Not collected by pytest (it lives outside tests/).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SECRETARY_NO_SETTINGS", "1")

TODAY = dt.date(2026, 11, 22)


def add_actions(path: Path) -> int:
    """Sending dates, actions and carried actions for every meeting (straight SQL:
    only for timing)."""
    conn = sqlite3.connect(path)
    meetings = conn.execute(
        "SELECT id, uuid, date, cluster_name FROM meetings ORDER BY cluster_name, date, id"
    ).fetchall()
    previous: dict[str, tuple[str, str, list[str]]] = {}
    rows = []
    for mid, muuid, date, cluster in meetings:
        seq = conn.execute("SELECT max(seq) FROM events WHERE meeting_id = ?", (mid,)).fetchone()[0]
        day = dt.date.fromisoformat(date)
        events: list[tuple[str, dict]] = [
            ("papers_sent", {"on": (day - dt.timedelta(days=6)).isoformat()}),
            ("minutes_sent", {"on": (day + dt.timedelta(days=6)).isoformat()}),
        ]
        if cluster in previous:
            from_uuid, from_date, actions = previous[cluster]
            for a in actions:
                carried = {"action": a, "text": "Carried", "from_meeting": from_uuid}
                events.append(("action_carried", {**carried, "from_date": from_date}))
                status = "complete" if a.endswith("-1") else "in progress"
                events.append(("action_update", {"action": a, "status": status}))
        own = [f"A{mid}-1", f"A{mid}-2"]
        due = (day + dt.timedelta(days=30)).isoformat()
        events += [("action", {"action": a, "text": "Do it", "due": due}) for a in own]
        previous[cluster] = (muuid, date, own)
        for kind, data in events:
            seq += 1
            rows.append((str(uuid.uuid4()), mid, seq, kind, json.dumps(data), "bench", "bench"))
    conn.executemany(
        "INSERT INTO events (uuid, meeting_id, seq, type, payload, recorded_at, author) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    conn.close()
    return len(rows)


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def report(name: str, times: list[float]) -> None:
    print(f"{name:22s} median {statistics.median(times):6.0f} ms   best {min(times):6.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record", type=Path)
    parser.add_argument("--actions", action="store_true")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    if not args.record.is_file():
        print(f"{args.record}: no such record (make one with make_large_record.py)")
        return 2
    from PySide6.QtWidgets import QApplication

    from secretary.store import Record
    from secretary.store.meeting_list import overview
    from secretary.ui.start import MeetingListModel, StartDialog

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        path = args.record
        if args.actions:
            path = Path(tmp) / "with-actions.sqlite"
            shutil.copy(args.record, path)
            print(f"{add_actions(path)} events added to a copy")
        record = Record(path, create=False, readonly=True)
        print(f"{len(record.list_meetings())} meetings")
        report("overview", timed(lambda: overview(record, TODAY), args.repeat))
        report("model", timed(lambda: MeetingListModel(record, today=TODAY), args.repeat))

        def dialog() -> None:
            d = StartDialog(record, today=TODAY)
            d.show()
            app.processEvents()
            d.close()
            d.deleteLater()

        report("dialog shown", timed(dialog, args.repeat))
        record.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
