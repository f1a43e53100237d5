"""The remembered choices of the window (QSettings), and the names they are kept under.

A leaf of the ui package: the start-up, the language switch and the window's actions
all read and write settings without importing each other.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORG = APP = "ClusterSecretary"


def settings() -> QSettings | None:
    """The remembered choices, unless SECRETARY_NO_SETTINGS is set (tests)."""
    if os.environ.get("SECRETARY_NO_SETTINGS"):
        return None
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORG, APP)
