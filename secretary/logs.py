"""Where the program writes what went wrong: a rotating file in the user log folder.

The window and the command line call ``setup_logging()`` as they start; every other
module only asks ``logging.getLogger(__name__)``. The folder is the platform's user
log folder (platformdirs), or ``SECRETARY_LOG_DIR`` when set (tests, and anyone who
wants the log elsewhere). Logging never stops the program: a folder that cannot be
written leaves the program running without a log file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import logging.handlers

LOG_DIR_ENV = "SECRETARY_LOG_DIR"
LOG_NAME = "secretary.log"
MAX_BYTES = 1_000_000
KEEP = 5  # rotated files kept beside the current one
HOLD_AT_MOST = 1000  # records kept by hold_logging() until the file is set up

_handler: logging.handlers.RotatingFileHandler | None = None


class _Held(logging.Handler):
    """Keeps the records until ``setup_logging()`` writes them to the file."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < HOLD_AT_MOST:
            self.records.append(record)


_held: _Held | None = None


def hold_logging() -> None:
    """Keep what is logged until ``setup_logging()``: the window sets its log file up
    once it is shown (logging.handlers and platformdirs are not imported before its
    first paint); nothing logged meanwhile is lost."""
    global _held
    if _handler is not None or _held is not None:
        return
    _held = _Held()
    root = logging.getLogger()
    root.addHandler(_held)
    _levels(root)


def _levels(root: logging.Logger) -> None:
    # Our own notes from INFO up; other libraries' (SQLAlchemy, Alembic) only from WARNING.
    if root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)
    logging.getLogger("secretary").setLevel(logging.INFO)


def log_folder() -> Path:
    chosen = os.environ.get(LOG_DIR_ENV)
    if chosen:
        return Path(chosen)
    from platformdirs import user_log_dir

    return Path(user_log_dir("ClusterSecretary", appauthor=False))


def log_file() -> Path:
    return log_folder() / LOG_NAME


def setup_logging() -> Path | None:
    """Send warnings and errors of every module to the log file; returns its path, or
    None when the folder cannot be written. Calling it again (another folder) moves
    the file; the same folder changes nothing."""
    global _handler
    path = log_file()
    if _handler is not None and Path(_handler.baseFilename) == path.absolute():
        return path
    import logging.handlers

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True
        )
    except OSError:
        # No file: what was held goes where Python puts it without a handler (stderr).
        _write_held(logging.lastResort or logging.NullHandler())
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s")
    )
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    _levels(root)
    _handler = handler
    _write_held(handler)
    return path


def _write_held(handler: logging.Handler) -> None:
    global _held
    held, _held = _held, None
    if held is None:
        return
    logging.getLogger().removeHandler(held)
    for record in held.records:
        if record.levelno >= handler.level:
            handler.handle(record)


def stop_logging() -> None:
    """Close the log file (tests; the process ending does the same)."""
    global _handler
    _write_held(logging.NullHandler())
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
