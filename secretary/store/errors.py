"""The record's error, in a leaf module: the window's first paint (store.fastread)
and the UI catch it without importing SQLAlchemy."""

from __future__ import annotations

from secretary.errors import SecretaryError


class RecordError(SecretaryError):
    """A record that cannot be opened or written; the message names the file and why."""
