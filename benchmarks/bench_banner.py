"""How soon the quorum banner shows an attendance change, with 16 / 50 / 200 people.

    .venv/bin/python benchmarks/bench_banner.py [--repeat 60]

Offscreen. For each roster size, the demo meeting is stored in a throw-away
record with extra people added (``person_added`` events spread over the
seats), the window is opened, and arrivals/departures are recorded through
the controller (the path a keystroke takes). For each one we time:

- commit: the record's durable write (SQLite, WAL, synchronous=FULL);
- ui: everything else — the engine, the signal, every view's refresh (banner,
  attendance table, vote table, chair's screen) and the banner's repaint;
- total: from the keystroke to the banner painted.

The target is one frame (16 ms) from the change to the banner repainted with
a 200-person roster. Not collected by pytest (it lives outside tests/).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SECRETARY_NO_SETTINGS", "1")


def build(n_people: int, folder: Path) -> tuple[object, int]:
    """The demo's terms and agenda with ``n_people`` generated people: one member
    per seat, then deputies spread over the seats; ten members present."""
    from secretary.demo import demo_scenario
    from secretary.store import LiveMeeting, Record

    sc = demo_scenario()
    record = Record(folder / f"bench-{n_people}.sqlite")
    items = [e for e in sc.setup if e.type == "item_added"]
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, items, author="bench")
    live = LiveMeeting(record, mid)
    seats = [s.id for s in live.terms.seats]
    for i in range(n_people):
        role = "member" if i < len(seats) else "deputy"
        live.record_event(
            {
                "type": "person_added",
                "person": f"p{i}",
                "name": f"Person {i}",
                "role": role,
                "seat": seats[i % len(seats)],
            },
            author="bench",
        )
    for i in range(10):
        live.record_event({"type": "arrive", "person": f"p{i}", "at": "13:00"}, author="bench")
    live.record_event({"type": "focus", "item": items[4].get("item")}, author="bench")
    return record, mid


def run(n_people: int, repeat: int, folder: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from secretary.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    record, mid = build(n_people, folder)
    window = MainWindow(record, mid)  # type: ignore[arg-type]
    window.resize(1366, 800)
    window.show()
    window.toggle_chair_screen()  # the chair's screen listens too
    app.processEvents()
    m = window.controller.meeting
    assert len(m.people) >= n_people, len(m.people)
    # People whose arrival or departure changes the seats represented, so the
    # banner's words change (and it must repaint) every time.
    present_seats = [m.seat_of(p).id for p in m.people if m.is_present(p) and m.seat_of(p)]
    people = [
        p
        for p in m.people
        if m.people[p].role == "member"
        and (m.is_present(p) and present_seats.count(m.seat_of(p).id) == 1)
    ]
    assert people
    commit_times: list[float] = []
    real_append = record.append  # type: ignore[attr-defined]

    def timed_append(*a: object, **k: object) -> None:
        t = time.perf_counter()
        real_append(*a, **k)
        commit_times.append(time.perf_counter() - t)

    record.append = timed_append  # type: ignore[attr-defined]
    totals, commits = [], []
    banner = window.banner
    for k in range(repeat + 6):  # the first six warm up, not counted
        pid = people[(k // 2) % len(people)]  # leaves, then comes back
        commit_times.clear()
        t0 = time.perf_counter()
        window.controller.toggle_presence(pid)
        deadline = t0 + 2.0
        while banner.last_painted < t0 and time.perf_counter() < deadline:
            app.processEvents()
        if banner.last_painted < t0:
            raise SystemExit("the banner was not repainted")
        if k >= 6:
            totals.append(banner.last_painted - t0)
            commits.append(sum(commit_times))
    window.close()
    record.close()  # type: ignore[attr-defined]
    ui = [t - c for t, c in zip(totals, commits, strict=True)]
    ms = 1000.0
    return {
        "people": len(m.people),
        "total_ms": statistics.median(totals) * ms,
        "commit_ms": statistics.median(commits) * ms,
        "ui_ms": statistics.median(ui) * ms,
        "ui_p95_ms": sorted(ui)[int(len(ui) * 0.95) - 1] * ms,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=60)
    opts = parser.parse_args(argv)
    print(
        f"{'people':>6} {'total median':>13} {'commit median':>14} {'ui median':>10} {'ui p95':>8}"
    )
    with tempfile.TemporaryDirectory(prefix="secretary-bench-") as tmp:
        for n in (16, 50, 200):
            r = run(n, opts.repeat, Path(tmp))
            print(
                f"{r['people']:>6} {r['total_ms']:>10.2f} ms {r['commit_ms']:>11.2f} ms "
                f"{r['ui_ms']:>7.2f} ms {r['ui_p95_ms']:>5.2f} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
