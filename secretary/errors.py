"""The one base of every error Cluster Secretary reports to a person.

A leaf module: it imports nothing of the project, so every layer can use it.
An error's message is one line that says what went wrong and where; the window and
the command line show it as it is, and anything that is not a ``SecretaryError`` is
a bug (logged with its traceback, see docs/architecture.md).
"""

from __future__ import annotations


class SecretaryError(Exception):
    """Something the secretary can be told in one line: what, and where."""
