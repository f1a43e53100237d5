"""The cyclic garbage collector, kept from holding up the window.

A full collection holds the interpreter for as long as it takes, on whichever thread
set it off, and the window's thread waits: 17 ms with the program's modules loaded,
24-30 ms in the middle of SQLAlchemy's import behind a freshly painted window, 30-50
ms when a worker reading a large record's meeting list set one off
(docs/performance.md). Loading modules makes many objects that live as long as the
program, and each full collection looks at every one of them again.

So: while a batch of modules loads (the window's own as it starts, the writer's
behind its first paint, the warm-up's after), automatic collections are held
(``hold``); when the last hold is released, what is alive is frozen out of the
collector's sight (``gc.freeze``: Instagram's practice, now Python's) and collections
resume, looking only at what is made afterwards. Reference counting frees
everything else as usual: only reference cycles wait for the collector.

Holds are named and counted, so that the window's start, its writer and its warm-up
(on different threads, ending in any order) each release only their own; releasing
a name not held just freezes.
"""

from __future__ import annotations

import gc
import threading
from collections import Counter

_holds: Counter[str] = Counter()
_lock = threading.Lock()


def hold(name: str) -> None:
    """No automatic collections until ``release(name)`` (and every other hold's)."""
    with _lock:
        _holds[name] += 1
        gc.disable()


def release(name: str) -> None:
    """Freeze what is alive now; collections resume once no hold remains."""
    with _lock:
        if _holds[name] > 0:
            _holds[name] -= 1
        if _holds[name] == 0:
            del _holds[name]
        gc.freeze()
        if not _holds:
            gc.enable()


def held() -> list[str]:
    """The holds in place (tests, and the crash log)."""
    with _lock:
        return sorted(_holds.elements())
