"""A meeting recorded while the test moves its record (tests/test_record_moved.py).

    python tests/move_worker.py RECORD

Prints ``READY``, then ``E <uuid>`` after each event ``record_event`` returned,
and ``MOVED <message>`` once a write is refused because the file moved; then it
stays open (as the window would) until killed.
"""

from __future__ import annotations

import sys
import time

from crash_worker import new_meeting

from secretary.store import Record
from secretary.store.record import RecordMoved

record = Record(sys.argv[1])
live = new_meeting(record)
item = live.meeting.agenda[0]
print("READY", flush=True)
n = 0
while True:
    n += 1
    try:
        e = live.record_event({"type": "note", "item": item, "text": f"note {n}"})
    except RecordMoved as exc:
        print(f"MOVED {exc}", flush=True)
        time.sleep(120)
        break
    print(f"E {live.events[-1].id}", flush=True)
