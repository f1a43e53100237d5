"""The ``secretary`` program: a command, or the meeting window when none is given.

Above both the command line (``secretary.cli``) and the window (``secretary.ui``),
which do not import each other: this is where one hands over to the other.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence


def open_window(args: argparse.Namespace) -> int:
    from secretary import heap

    # The window's modules load without full collections; released once the window
    # has painted (or, opening the ordinary way, before the first dialog): heap.py.
    heap.hold("startup")
    from secretary.ui.app import run_app  # Qt is loaded only for the window

    return run_app(args)


def main(argv: Sequence[str] | None = None) -> int:
    from secretary.dataclass_cache import dataclass_methods_cached

    # The dataclasses' methods (the domain's, the window's) compiled once, not at
    # every start: secretary/dataclass_cache.py.
    with dataclass_methods_cached():
        from secretary.cli.main import main as run_command

        return run_command(argv, window=open_window)
