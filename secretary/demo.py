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
    from secretary.app.scenarios import store_scenario
    from secretary.store import Record

    if path is None:
        path = Path(tempfile.mkdtemp(prefix="secretary-demo-")) / "demo.sqlite"
    record = Record(path)
    return record, store_scenario(record, demo_scenario(), author="demo")
