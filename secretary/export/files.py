"""Writing an export to disk without losing anything.

``write_document`` writes to a temporary file beside the target and renames
it into place, so a half-written document never replaces a good one. It
refuses to replace an existing file unless ``force`` is given, and turns
every operating-system failure (folder missing or read-only, the file open
in Word on Windows, disk full) into an ``ExportError`` naming the file.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from pathlib import Path

from secretary.errors import SecretaryError
from secretary.i18n import _


@functools.cache
def new_file_mode() -> int:
    """The mode any new file gets here (0666 less the umask), read once: a new
    export gets it (mkstemp's temporary is 0600); a replaced file keeps its own."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


class ExportError(SecretaryError):
    """An export that could not be written; the message names the file and why."""


class FileExistsExportError(ExportError):
    """The target exists and ``force`` was not given."""


class TemplateError(SecretaryError):
    """A template that cannot be used; the message names the file and why."""


def write_document(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> Path:
    target = Path(path)
    if target.is_dir():
        raise ExportError(_("{path}: is a folder; give a file name ending .docx", path=target))
    if target.exists() and not force:
        raise FileExistsExportError(
            _("{path}: already exists; not replaced (use --force to replace it)", path=target)
        )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(
            _("{path}: the folder {folder} does not exist", path=target, folder=folder)
        )
    try:
        fd, tmp = tempfile.mkstemp(prefix=".~export-", suffix=".docx.tmp", dir=folder)
    except OSError as exc:
        raise ExportError(
            _(
                "{path}: cannot write in {folder}: {why}",
                path=target,
                folder=folder,
                why=exc.strerror or exc,
            )
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else new_file_mode()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except PermissionError:
        _remove(tmp)
        raise ExportError(
            _(
                "{path}: cannot be replaced: it may be open in Word or another "
                "program; close it and export again (nothing was changed)",
                path=target,
            )
        ) from None
    except OSError as exc:
        _remove(tmp)
        raise ExportError(
            _(
                "{path}: could not be written: {why} (nothing was changed)",
                path=target,
                why=exc.strerror or exc,
            )
        ) from None
    return target


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
