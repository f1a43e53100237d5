"""A lighter check by PySide6 of every module imported after it.

PySide6 (to support ``from __feature__ import snake_case``, which this program does
not use) looks at each module imported after Qt with ``inspect.getsource`` and
searches it for "PySide6" (shibokensupport.feature._mod_uses_pyside; PYSIDE-2029).
``inspect``'s way — linecache, tokenize, the encoding cookie — costs about a
millisecond a module: SQLAlchemy's and python-docx's few hundred modules, imported
on worker threads once the window is shown, then hold the interpreter for that
much longer while the window waits. ``lighten()`` gives PySide6 the same answer
read straight from the module's file (its raw bytes searched for b"PySide6"),
and falls back to PySide6's own check for anything else (no file, not .py).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any


def lighten() -> None:
    """Install the lighter check (once; nothing happens if PySide6's internals differ)."""
    feature = sys.modules.get("shibokensupport.feature")
    own = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or own is None or getattr(own, "lightened", False):
        return

    def uses_pyside(module: ModuleType) -> Any:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return own(module)

    uses_pyside.lightened = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
