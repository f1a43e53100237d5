"""The time and the author stamped on every row the store writes.

A leaf module (standard library only), so every store module can stamp a row
without importing the record it is writing to.
"""

from __future__ import annotations

import datetime as dt
import functools
import getpass


def now_utc() -> str:
    """Now, in UTC, as ISO 8601 to the microsecond: the form every stored time takes."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@functools.cache  # the login name does not change while the app runs
def current_author() -> str:
    """The login name written beside each event, or "unknown" if there is none."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some service accounts): still record the event
        return "unknown"
