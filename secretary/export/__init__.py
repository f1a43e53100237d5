"""Word exports: minutes, action log, financial log and attendance register.

Two steps, so the window and the command line share everything:

1. ``snapshot_from_record(record, meeting_id)`` or ``snapshot_from_meeting(info,
   meeting)`` → ``MeetingSnapshot`` (plain data, no python-docx, no Qt);
2. ``MinutesExporter(snapshot, template=None).run() -> bytes`` (likewise
   ``ActionLogExporter``, ``FinancialLogExporter``, ``AttendanceRegisterExporter``),
   or ``.save(path, force=False)`` — from ``secretary.export.documents``, the one
   module here that loads python-docx (with ``styles``): importing this package
   does not, so a snapshot needs neither Word nor Qt;
3. or both at once: ``export_documents(snapshot, {"minutes": path, ...}, template=,
   today=, carried_forward=, force=)`` — checks every target, then writes them all
   (``default_outputs(snapshot, folder)`` names all four after the meeting).

Errors: ``TemplateError`` (a template that is not a Word file), ``ExportError``
(a file that cannot be written; ``FileExistsExportError`` when it exists).
See docs/exports.md.
"""

from secretary.export.bundle import default_outputs, export_documents
from secretary.export.files import ExportError, FileExistsExportError, TemplateError, write_document
from secretary.export.names import default_filenames
from secretary.export.snapshot import (
    ActionLine,
    ApprovalInfo,
    MeetingSnapshot,
    snapshot_from_meeting,
    snapshot_from_record,
)

__all__ = [
    "ActionLine",
    "ApprovalInfo",
    "ExportError",
    "FileExistsExportError",
    "MeetingSnapshot",
    "snapshot_from_meeting",
    "snapshot_from_record",
    "write_document",
    "TemplateError",
    "default_filenames",
    "export_documents",
    "default_outputs",
]
