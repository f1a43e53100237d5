"""The demonstration meeting: a realistic Upper Valleys meeting in a throw-away record."""

from __future__ import annotations

import tempfile
from pathlib import Path

from secretary.domain.scenario import Scenario, load_scenario
from secretary.resources import resource


def demo_scenario_path() -> Path:
    return resource("demo", "upper-valleys-demo.json")


def demo_scenario() -> Scenario:
    return load_scenario(demo_scenario_path())


def create_demo_record(path: Path | None = None) -> tuple[object, int]:
    """Store the demo meeting in a new record (a temporary file unless ``path``).

    Returns (Record, meeting id). The events go through LiveMeeting, the same
    path the window records with.
    """
    from secretary.store import LiveMeeting, Record

    if path is None:
        path = Path(tempfile.mkdtemp(prefix="secretary-demo-")) / "demo.sqlite"
    record = Record(path)
    sc = demo_scenario()
    meeting_id = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup, author="demo")
    live = LiveMeeting(record, meeting_id)
    for e in sc.events:
        live.record_event(e, author="demo")
    return record, meeting_id
