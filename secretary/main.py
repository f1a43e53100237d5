"""The ``secretary`` program: a command, or the meeting window when none is given.

Above both the command line (``secretary.cli``) and the window (``secretary.ui``),
which do not import each other: this is where one hands over to the other.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from secretary.store.fastread import FirstPaint


def open_window(args: argparse.Namespace) -> int:
    from secretary import heap

    # The window's modules load without full collections; released once the window
    # has painted (or, opening the ordinary way, before the first dialog): heap.py.
    heap.hold("startup")
    try:
        first = read_first_paint(args)
        from secretary.ui.app import run_app  # Qt is loaded only for the window
    except BaseException:
        heap.release("startup")  # run_app releases it otherwise, whatever happens
        raise
    return run_app(args, first)


def read_first_paint(args: argparse.Namespace) -> FirstPaint | None:
    """A meeting named up front of a record file named up front (``--db F --meeting
    N``): read and folded before Qt is loaded -- the domain's modules import faster
    without PySide6's import hook, which looks at every module imported after it.
    None otherwise (or when the record must be opened the ordinary way): the window
    then reads it itself (ui.app.first_paint_handover)."""
    target = getattr(args, "db", None)
    wanted = getattr(args, "open_meeting", None)
    if not target or not wanted or getattr(args, "demo", False) or "://" in str(target):
        return None
    from secretary.store.fastread import first_paint

    return first_paint(target, wanted)


def main(argv: Sequence[str] | None = None) -> int:
    from secretary.dataclass_cache import dataclass_methods_cached
    from secretary.regex_cache import regexes_compiled_cached

    # The dataclasses' methods (the domain's, the window's) and the regular
    # expressions (PySide6's, the standard library's, ours) compiled once, not at
    # every start: secretary/dataclass_cache.py, secretary/regex_cache.py.
    with dataclass_methods_cached(), regexes_compiled_cached():
        from secretary.cli.main import main as run_command

        return run_command(argv, window=open_window)
