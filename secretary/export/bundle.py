"""Export several documents of one meeting at once: what `secretary export` and the
window's Export both call, so they behave the same."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from secretary.export.files import ExportError, FileExistsExportError, write_document
from secretary.export.names import KINDS, default_filenames
from secretary.export.snapshot import ActionLine, MeetingSnapshot
from secretary.i18n import _


def default_outputs(snapshot: MeetingSnapshot, folder: str | Path) -> dict[str, Path]:
    """All four documents in ``folder``, named after the meeting."""
    return {kind: Path(folder) / name for kind, name in default_filenames(snapshot).items()}


def check_outputs(outputs: Mapping[str, str | Path], *, force: bool = False) -> None:
    """Raise ExportError (FileExistsExportError) for the first target that cannot be
    written: called before anything is written, so a refusal leaves nothing half done."""
    for kind, target in outputs.items():
        if kind not in KINDS:
            raise ValueError(f"unknown document kind {kind!r} (known: {', '.join(KINDS)})")
        path = Path(target)
        if path.is_dir():
            raise ExportError(_("{path}: is a folder; give a file name ending .docx", path=path))
        if not force and path.exists():
            raise FileExistsExportError(
                _("{path}: already exists; not replaced (use --force to replace it)", path=path)
            )
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise ExportError(
                _("{path}: the folder {folder} does not exist", path=path, folder=folder)
            )


def export_documents(
    snapshot: MeetingSnapshot,
    outputs: Mapping[str, str | Path],
    *,
    template: str | Path | None = None,
    today: dt.date | None = None,
    carried_forward: Sequence[ActionLine] = (),
    force: bool = False,
) -> list[Path]:
    """Write the documents named in ``outputs`` ({"minutes": path, "actions": path,
    "financial": path, "attendance": path}, any subset). Every target is checked and
    every document made before the first is written. Returns the paths written.

    Raises FileExistsExportError, ExportError or TemplateError (message names the file).
    """
    from secretary.export.documents import (
        ActionLogExporter,
        AttendanceRegisterExporter,
        FinancialLogExporter,
        MinutesExporter,
    )

    check_outputs(outputs, force=force)
    made: dict[str, bytes] = {}
    for kind in outputs:
        if kind == "minutes":
            made[kind] = MinutesExporter(snapshot, template).run()
        elif kind == "actions":
            made[kind] = ActionLogExporter(
                snapshot, template, today=today, carried_forward=carried_forward
            ).run()
        elif kind == "financial":
            made[kind] = FinancialLogExporter(snapshot, template).run()
        else:
            made[kind] = AttendanceRegisterExporter(snapshot, template).run()
    return [write_document(outputs[kind], data, force=force) for kind, data in made.items()]
