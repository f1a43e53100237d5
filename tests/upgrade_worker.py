"""Open (and so upgrade) an old record, to be killed (tests/test_upgrade_kill.py).

    python tests/upgrade_worker.py RECORD

Imports everything an upgrade needs first, prints ``READY``, opens RECORD for
writing (which runs the migrations), then prints ``DONE``.
"""

from __future__ import annotations

import sys

import alembic.command  # noqa: F401  imported before READY: the window is the upgrade
import alembic.script  # noqa: F401

from secretary.store import Record

print("READY", flush=True)
record = Record(sys.argv[1])
print("DONE", flush=True)
record.close()
