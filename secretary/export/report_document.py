"""The Word document of a report over many meetings (attendance for the year, QAIF,
spending): one way to open the template, set the language, build, and stamp the
document's properties, so every report is accessible in the same way."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from secretary.export.files import write_document
from secretary.export.text import clean
from secretary.i18n import in_language

if TYPE_CHECKING:
    from secretary.export.documents import Writer


class ReportExporter:
    """A report as .docx: subclasses give ``title()`` and ``build(w)``."""

    def __init__(
        self,
        report: Any,
        cluster: str = "",
        template: str | Path | None = None,
        language: str = "en",
    ):
        self.report = report
        self.cluster = cluster
        self.template = template
        self.lang = language

    def t(self, text: str, /, **params: object) -> str:
        return in_language(self.lang, text, **params)

    def title(self) -> str:
        raise NotImplementedError

    def build(self, w: Writer) -> None:
        raise NotImplementedError

    def run(self) -> bytes:
        """The document as .docx bytes. Raises TemplateError for a bad template."""
        from secretary.export.documents import Writer
        from secretary.export.styles import clear_body, open_template, set_document_language

        doc = open_template(self.template)
        clear_body(doc)
        # The language of the text (screen readers, spelling): en-GB, cy-GB; a
        # bilingual document is English with its Welsh marked Welsh.
        set_document_language(doc, "cy-GB" if self.lang == "cy" else "en-GB")
        self.build(Writer(doc, self.lang))
        props = doc.core_properties
        props.title = clean(self.title())[:250]
        props.subject = clean(self.cluster)[:250]
        props.author = "Cluster Secretary"
        props.last_modified_by = "Cluster Secretary"
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()

    def save(self, path: str | os.PathLike[str], *, force: bool = False) -> Path:
        return write_document(path, self.run(), force=force)
