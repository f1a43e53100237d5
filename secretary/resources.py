"""Where the bundled resources (terms, templates, translations) live.

Looked up, in order: $SECRETARY_RESOURCES, a PyInstaller bundle, the source
checkout (editable installs and running from the repository).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("SECRETARY_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
