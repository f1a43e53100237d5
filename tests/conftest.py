import os
import sys
from pathlib import Path

import pytest

# Tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SECRETARY_NO_SETTINGS", "1")

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = Path(__file__).resolve().parent / "scenarios"
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def worked_example() -> Path:
    return SCENARIOS / "worked-example.json"


@pytest.fixture
def record_path(tmp_path: Path) -> Path:
    return tmp_path / "record.sqlite"
