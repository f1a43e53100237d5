"""The demonstration meeting: a realistic Upper Valleys meeting in a throw-away record."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from secretary.resources import resource

if TYPE_CHECKING:
    from secretary.domain.scenario import Scenario

DEMO_PREFIX = "secretary-demo-"


def is_demo_record(record: object) -> bool:
    """A throw-away demonstration record (made by create_demo_record): a Record,
    or its target (a path while the writer is still being opened)."""
    path = record if isinstance(record, (str, Path)) else getattr(record, "path", None)
    if path is None or "://" in str(path):
        return False
    return Path(path).parent.name.startswith(DEMO_PREFIX)


def discard_demo_record(record: object) -> None:
    """Close a demonstration record and remove its folder (the record, its
    write-ahead log and any backups): nothing of a demo is left behind."""
    import shutil

    if not is_demo_record(record):
        return
    close = getattr(record, "close", None)
    if close is not None:
        close()
    shutil.rmtree(Path(record.path).parent, ignore_errors=True)  # type: ignore[attr-defined]


def demo_scenario_path() -> Path:
    return resource("demo", "upper-valleys-demo.json")


def demo_scenario() -> Scenario:
    # Imported here: the window asks is_demo_record() on its first paint's path.
    from secretary.domain.scenario import load_scenario

    return load_scenario(demo_scenario_path())


def create_demo_record(path: Path | None = None) -> tuple[object, int]:
    """Store the demo meeting in a new record (a temporary file unless ``path``).

    Returns (Record, meeting id). The events go through LiveMeeting, the same
    path the window records with.
    """
    from secretary.app.scenarios import store_scenario
    from secretary.store import Record

    if path is None:
        path = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX)) / "demo.sqlite"
    record = Record(path)
    return record, store_scenario(record, demo_scenario(), author="demo")
