"""How many examples a Hypothesis test tries: short locally, long in CI.

The profile is chosen in conftest.py: ``HYPOTHESIS_PROFILE`` names it, else ``CI=true``
picks ``ci``, else ``dev``. A test states its CI count (``examples(200)``); the dev
profile tries a fifth of it, so a local run stays quick and CI keeps the full hunt.
CI's examples are derandomized (the same at every run: a landing is not decided by a
random draw); a local run draws new ones each time, so the hunt goes on there.
"""

from __future__ import annotations

from hypothesis import settings

# max_examples of each profile, as a share of a test's stated count (100 = all of it).
SHARE = {"dev": 20, "ci": 100}


def examples(full: int) -> int:
    """``full`` in CI; a fifth of it (at least 10) in the dev profile."""
    share = settings().max_examples  # the loaded profile's default: its share
    return max(min(10, full), full * share // 100)
