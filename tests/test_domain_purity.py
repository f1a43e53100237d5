"""The rules engine imports without Qt, SQLAlchemy or python-docx."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCKED = ("PySide6", "shiboken6", "sqlalchemy", "alembic", "docx")

PROBE = r"""
import importlib, importlib.abc, json, pkgutil, sys

BLOCKED = set(json.loads(sys.argv[1]))
attempts = []

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            attempts.append(name)
            raise ImportError(f"{name} is blocked in the domain purity test")
        return None

sys.meta_path.insert(0, Block())
import secretary.domain as domain

names = sorted(m.name for m in pkgutil.walk_packages(domain.__path__, "secretary.domain."))
for name in names:
    importlib.import_module(name)
print(json.dumps({
    "modules": names,
    "attempts": attempts,
    "loaded": sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED),
}))
"""


def test_domain_imports_without_gui_database_or_docx() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(BLOCKED)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    expected = {
        f"secretary.domain.{p.stem}"
        for p in (ROOT / "secretary" / "domain").glob("*.py")
        if p.stem != "__init__"
    }
    assert expected <= set(report["modules"])
    assert report["attempts"] == []
    assert report["loaded"] == []


def test_blocking_actually_blocks() -> None:
    """The probe's finder does refuse a blocked import (so the test above means something)."""
    probe = PROBE.replace("import secretary.domain as domain", "import sqlalchemy")
    result = subprocess.run(
        [sys.executable, "-c", probe, json.dumps(BLOCKED)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "blocked in the domain purity test" in result.stderr
