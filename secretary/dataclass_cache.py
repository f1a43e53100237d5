"""The methods ``@dataclass`` writes, compiled once instead of at every start.

For each dataclass, ``dataclasses`` writes the source of its ``__init__``,
``__repr__``, ``__eq__`` (and ``__setattr__``, ``__hash__`` ... for frozen ones) and
compiles it with ``exec`` when the class is made: about 220 compilations for the
domain's classes, 12 ms of the window's 160 ms start on these machines, the same
text every time. ``dataclass_methods_cached()`` keeps the compiled code of each text
in one file of the user's cache folder, as ``__pycache__`` keeps a module's: while it
is active, ``dataclasses``' ``exec`` of a text already compiled runs the stored code;
anything else is compiled as before (and kept for the next start).

The stored code is exactly what ``compile`` makes of the same text: the text is the
key, compared in full, and the file is per Python (``cache_tag``). Any problem with
the cache -- no folder, a damaged file, a full disk -- is the same as no cache.
Trusted as ``__pycache__`` is (``pyside_cache`` says why).

The file holds one section per module, each unmarshalled only when a dataclass of
that module is made: a start reads the code of the classes it makes, not of every
command's. A module's section is rewritten with the methods made this run whenever
one of its methods had to be compiled (its classes changed): nothing stale stays.

Only ``dataclasses``' own calls are answered: the name ``exec`` is shadowed in that
module alone, and put back when the block ends.
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from secretary.user_cache import NO_CACHE_ENV, cache_folder, read_marshalled, write_whole

#: The file, in the cache folder, that holds the compiled methods.
FILE_NAME = "dataclass-methods.marshal"

Codes = dict[str, Any]  # a method's source text -> its compiled code


def _load(path: Path) -> dict[str, bytes]:
    """The file's sections (module name -> its methods, still marshalled)."""
    stored = read_marshalled(path)
    if not isinstance(stored, dict):
        return {}
    return {m: b for m, b in stored.items() if isinstance(m, str) and isinstance(b, bytes)}


def _section(data: bytes) -> Codes:
    try:
        codes = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(codes, dict):
        return {}
    return {t: c for t, c in codes.items() if isinstance(t, str) and type(c).__name__ == "code"}


@contextmanager
def dataclass_methods_cached(folder: Path | None = None) -> Iterator[None]:
    """While the block runs, the dataclasses made get their methods' code from
    ``folder`` (default: the user cache folder) when it is stored there; what was
    compiled afresh is stored when the block ends."""
    where = folder if folder is not None else cache_folder("dataclasses")
    if where is None or os.environ.get(NO_CACHE_ENV) or "exec" in vars(dataclasses):
        yield  # no cache, or one already active (the outer one stores)
        return
    path = where / FILE_NAME
    sections = _load(path)
    stored: dict[str, Codes] = {}  # the sections unmarshalled so far
    used: dict[str, Codes] = {}  # module -> the methods made this run
    fresh: set[str] = set()  # the modules a method of which had to be compiled
    real_exec = builtins.exec

    def exec_cached(source: Any, globals: Any = None, locals: Any = None, /) -> None:
        if not isinstance(source, str):
            return real_exec(source, globals, locals)
        module = globals.get("__name__", "") if isinstance(globals, dict) else ""
        module = module if isinstance(module, str) else ""
        known = stored.get(module)
        if known is None:
            known = stored[module] = _section(sections.get(module, b""))
        code = known.get(source)
        if code is None:
            # As exec would compile it (dataclasses has no __future__ imports; this
            # module's must not leak in).
            code = compile(source, "<string>", "exec", dont_inherit=True)
            fresh.add(module)
        used.setdefault(module, {})[source] = code
        return real_exec(code, globals, locals)

    dataclasses.exec = exec_cached  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
        if fresh:
            for module in list(fresh):
                sections[module] = marshal.dumps(dict(used[module]))
            write_whole(path, sections)
