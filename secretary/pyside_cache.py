"""PySide6's own support modules, compiled once instead of at every start.

PySide6 keeps the Python source of its support modules (``shibokensupport``: the
signature and ``__feature__`` machinery) inside its shared library and compiles
them every time it is imported -- fourteen modules, 16 ms of the window's start on
these machines, which Python's own ``__pycache__`` never saves because they are not
files. ``embedded_bytecode_cached()`` keeps their code objects in the user's cache
folder, as ``__pycache__`` does for ordinary modules: while PySide6 is imported,
``compile`` of a relative ``*.py`` source given as bytes is answered from the cache
when the stored source is byte for byte the same (a changed PySide6 compiles
afresh), else compiled and stored. Any problem with the cache -- no folder, a
damaged file, a full disk -- is the same as no cache: the source is compiled.

Trusted as ``__pycache__`` is (``secretary/user_cache.py`` says why).

Not in ``secretary.ui`` (whose ``__init__`` imports PySide6): imported before it.
"""

from __future__ import annotations
import __future__

import builtins
import os
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from secretary.user_cache import NO_CACHE_ENV, cache_folder, read_marshalled, write_whole

#: The ``from __future__`` flags a ``compile`` call inherits from its caller.
_FUTURE_FLAGS = 0
for _name in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _name).compiler_flag


def _stored_name(filename: str, source: bytes, flags: int) -> str:
    # The name only finds the file; the stored source is compared in full.
    return f"{zlib.crc32(filename.encode()):08x}-{zlib.crc32(source):08x}-{len(source)}-{flags:x}"


def _load(path: Path, filename: str, source: bytes) -> Any:
    stored = read_marshalled(path)
    if (
        isinstance(stored, tuple)
        and len(stored) == 3
        and stored[0] == filename
        and stored[1] == source
        and type(stored[2]).__name__ == "code"
    ):
        return stored[2]
    return None


@contextmanager
def embedded_bytecode_cached(folder: Path | None = None) -> Iterator[None]:
    """While the block runs (the import of PySide6), PySide6's embedded modules'
    code comes from ``folder`` (default: the user cache folder) when stored there."""
    where = folder if folder is not None else cache_folder("pyside")
    if where is None or os.environ.get(NO_CACHE_ENV):
        yield
        return
    real = builtins.compile

    def compile_cached(
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
        **rest: Any,
    ) -> Any:
        if not (
            isinstance(source, bytes)
            and isinstance(filename, str)
            and filename.endswith(".py")
            and not os.path.isabs(filename)
            and mode == "exec"
            and flags == 0
            and optimize == -1
            and not rest
        ):
            return real(source, filename, mode, flags, dont_inherit, optimize, **rest)
        # As the real compile would: the caller's __future__ flags, unless told not
        # to inherit them (this module's own must not leak into PySide6's code).
        inherited = 0 if dont_inherit else sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
        path = where / _stored_name(filename, source, inherited)
        code = _load(path, filename, source)
        if code is None:
            code = real(source, filename, mode, inherited, True, optimize)
            write_whole(path, (filename, source, code))
        return code

    builtins.compile = compile_cached
    try:
        yield
    finally:
        builtins.compile = real
