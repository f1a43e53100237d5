"""The user's cache folder: what the program keeps so as to start sooner, never what
it needs. Everything here can be deleted at any time; anything wrong with it -- no
folder, a damaged file, a full disk -- means doing the work as if it were not there.

Kept here: PySide6's support modules compiled (``pyside_cache``), the methods
dataclasses write (``dataclass_cache``), the programs of regular expressions
(``regex_cache``) and tomllib's reading of a meeting's terms (``store.fastread``).
Each is keyed by what it was made from, compared in full, and the folder is per
Python (``cache_tag``). Trusted as ``__pycache__`` is: the folder
is the user's own (made with the user's umask, under their home or LOCALAPPDATA),
and whoever can write there can already change the user's Python.
"""

from __future__ import annotations

import marshal
import os
import sys
from contextlib import suppress
from pathlib import Path
from typing import Any

#: Set (to anything) to keep nothing and read nothing from the cache: PySide6's
#: modules, dataclasses' methods, regular expressions and the terms are compiled and
#: read every time.
NO_CACHE_ENV = "SECRETARY_NO_BYTECODE_CACHE"


def cache_folder(kind: str) -> Path | None:
    """The platform's user cache folder for this program, this Python and ``kind``
    of thing kept (the platformdirs answer, without platformdirs' import on the
    start's path); None when there is none, or the cache is turned off."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        root = Path(base) if base else None
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Caches"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    if root is None:
        return None
    tag = sys.implementation.cache_tag or "python"
    return root / "cluster-secretary" / f"{kind}-{tag}"


def read_marshalled(path: Path) -> Any:
    """What ``path`` holds, or None if it cannot be read as marshalled data."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def write_whole(path: Path, value: Any) -> None:
    """``value`` marshalled into ``path``, whole or not at all, whoever else writes it;
    a cache that cannot be written (no folder, a full disk, a value marshal cannot
    keep) is left as it was."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        data = marshal.dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)
    except (OSError, ValueError):
        with suppress(OSError):
            partial.unlink(missing_ok=True)
