"""Where the program writes what went wrong: a rotating file in the user log folder.

The window and the command line call ``setup_logging()`` as they start; every other
module only asks ``logging.getLogger(__name__)``. The folder is the platform's user
log folder (platformdirs), or ``SECRETARY_LOG_DIR`` when set (tests, and anyone who
wants the log elsewhere). Logging never stops the program: a folder that cannot be
written leaves the program running without a log file.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_DIR_ENV = "SECRETARY_LOG_DIR"
LOG_NAME = "secretary.log"
MAX_BYTES = 1_000_000
KEEP = 5  # rotated files kept beside the current one

_handler: logging.handlers.RotatingFileHandler | None = None


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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True
        )
    except OSError:
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
    # Our own notes from INFO up; other libraries' (SQLAlchemy, Alembic) only from WARNING.
    if root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)
    logging.getLogger("secretary").setLevel(logging.INFO)
    _handler = handler
    return path


def stop_logging() -> None:
    """Close the log file (tests; the process ending does the same)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
