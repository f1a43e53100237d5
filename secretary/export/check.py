"""Reading back the record check a set of minutes prints (``Record check: <meeting
uuid> <events> <chain head>``), for ``secretary verify --against MINUTES.docx``."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from secretary.errors import SecretaryError
from secretary.i18n import _

CHAIN_LINE = re.compile(
    r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) (\d+) ([0-9a-f]{64})"
)
MAX_DOCUMENT_XML = 64 * 1024 * 1024


class DocumentCheckError(SecretaryError):
    """A document that cannot be checked; the message names it and why."""


def chain_in_document(path: str | Path) -> tuple[str, int, str]:
    """The (meeting uuid, number of events, chain head) a Word document prints."""
    p = Path(path)
    try:
        with zipfile.ZipFile(p) as z, z.open("word/document.xml") as f:
            xml = f.read(MAX_DOCUMENT_XML + 1)
    except FileNotFoundError:
        raise DocumentCheckError(_("{file}: no such document", file=p)) from None
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError):
        raise DocumentCheckError(
            _("{file}: not a Word document (.docx) made by Cluster Secretary", file=p)
        ) from None
    if len(xml) > MAX_DOCUMENT_XML:
        raise DocumentCheckError(_("{file}: too large to be a set of minutes", file=p))
    text = re.sub(rb"<[^>]+>", b"", xml).decode("utf-8", "replace")
    found = CHAIN_LINE.search(text)
    if found is None:
        raise DocumentCheckError(
            _(
                "{file}: prints no record check (made by an older version, or not minutes "
                "from Cluster Secretary)",
                file=p,
            )
        )
    return found.group(1), int(found.group(2)), found.group(3)
