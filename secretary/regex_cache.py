"""Regular expressions compiled once instead of at every start.

Python compiles a regular expression in Python code (``re._parser`` parses it,
``re._compiler`` writes the matcher's program) and keeps the result only for the
process. The window's start compiles about 55 of them, most in other people's
modules: PySide6's signature support alone compiles three large ones (9 ms), and
``gettext``, ``logging``, ``fractions`` ... one or two each -- 12 ms of the start on
these machines, the same work every time. ``regexes_compiled_cached()`` keeps each
pattern's program in one file of the user's cache folder, as ``__pycache__`` keeps
a module's code: while it is active, a pattern compiled before is made from its
stored program by ``_sre.compile`` (what ``re`` itself ends with); anything else is
compiled as before, and kept for the next start.

What is stored is exactly what ``re`` makes: the key is the pattern's text and
flags, compared in full; the file is per Python (``cache_tag``) and says which
``_sre`` it was made for. A program is kept only after the pattern made from it was
found equal (the same program, flags and groups) to the one ``re`` compiled itself.
Any problem with the cache -- no folder, a damaged file, a full disk, a Python whose
``re`` works differently -- is the same as no cache. Trusted as ``__pycache__`` is
(``pyside_cache`` says why).

Only ``re``'s own compilations pass through here (``re._compiler.compile``, put back
when the block ends); ``re``'s in-process cache of patterns is unchanged above it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from secretary.user_cache import cache_folder, read_marshalled, write_whole

#: The file, in the cache folder, that holds the compiled patterns.
FILE_NAME = "regex-programs.marshal"

#: At most this many patterns are kept: those used by the latest run first, then
#: those kept before (other commands'), so the file cannot grow without end.
KEPT = 400

Key = tuple[str | bytes, int]  # a pattern's text and the flags it was compiled with
# What _sre.compile is given besides the text: flags, program, groups, group names
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _internals() -> tuple[Any, Any, Any] | None:
    """``re``'s compiler, parser and ``_sre`` when they are as this module knows them
    (Python 3.11 to 3.13); None otherwise, and then nothing is cached."""
    compiler = getattr(re, "_compiler", None)
    parser = getattr(re, "_parser", None)
    sre = getattr(compiler, "_sre", None)
    needed = (
        callable(getattr(compiler, "compile", None))
        and callable(getattr(compiler, "_code", None))
        and callable(getattr(parser, "parse", None))
        and callable(getattr(sre, "compile", None))
    )
    return (compiler, parser, sre) if needed else None


def _edition(sre: Any) -> tuple[Any, ...]:
    """What a stored program depends on besides the pattern: the Python and ``_sre``."""
    return (
        tuple(sys.version_info[:3]),
        getattr(sre, "MAGIC", None),
        getattr(sre, "CODESIZE", None),
    )


def _load(path: Path, edition: tuple[Any, ...]) -> dict[Key, Program]:
    stored = read_marshalled(path)
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == edition):
        return {}
    programs = stored[1]
    return programs if isinstance(programs, dict) else {}


def _program(compiler: Any, parser: Any, pattern: str | bytes, flags: int) -> Program:
    """The arguments ``re._compiler.compile`` gives ``_sre.compile`` for ``pattern``."""
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # (re writes its opcodes as named int constants: plain ints for marshal)
    program = [int(op) for op in code]
    return (
        int(flags | parsed.state.flags),
        program,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _made(sre: Any, pattern: str | bytes, program: Program) -> Any:
    """The pattern ``re`` would return, made from its stored program."""
    flags, code, groups, groupindex, indexgroup = program
    return sre.compile(pattern, flags, code, groups, dict(groupindex), indexgroup)


def _same(ours: Any, theirs: Any) -> bool:
    # Pattern equality compares the text, the flags and the whole program.
    return bool(
        ours == theirs and ours.groups == theirs.groups and ours.groupindex == theirs.groupindex
    )


@contextmanager
def regexes_compiled_cached(folder: Path | None = None) -> Iterator[None]:
    """While the block runs, patterns compiled before are made from their programs
    stored in ``folder`` (default: the user cache folder); when one was compiled
    afresh, the file is rewritten as the block ends: this run's patterns first, then
    those kept before, up to ``KEPT``."""
    where = folder if folder is not None else cache_folder("regexes")
    found = _internals()
    if where is None or found is None:
        yield
        return
    compiler, parser, sre = found
    real_compile = compiler.compile
    if getattr(real_compile, "cached_by_secretary", False):
        yield  # one already active: the outer one stores
        return
    path = where / FILE_NAME
    edition = _edition(sre)
    programs = _load(path, edition)
    used: dict[Key, Program] = {}
    fresh = False

    def compile_cached(p: Any, flags: int = 0) -> Any:
        nonlocal fresh
        if type(p) not in (str, bytes) or not isinstance(flags, int) or flags & re.DEBUG:
            return real_compile(p, flags)
        key = (p, int(flags))
        program = programs.get(key)
        if program is not None:
            try:
                made = _made(sre, p, program)
            except Exception:  # a damaged entry: compiled as if it were not there
                programs.pop(key, None)
            else:
                used[key] = program
                return made
        compiled = real_compile(p, flags)
        try:
            program = _program(compiler, parser, p, flags)
            if _same(_made(sre, p, program), compiled):
                used[key] = program
                fresh = True
        except Exception:  # re works differently here: this one is not kept
            pass
        return compiled

    compile_cached.cached_by_secretary = True  # type: ignore[attr-defined]
    compiler.compile = compile_cached
    try:
        yield
    finally:
        compiler.compile = real_compile
        if fresh:
            kept = dict(used)  # (a copy: a worker thread may still be compiling)
            for key, program in list(programs.items()):
                if len(kept) >= KEPT:
                    break
                kept.setdefault(key, program)
            write_whole(path, (edition, kept))
