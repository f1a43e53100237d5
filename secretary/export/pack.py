"""The pack: the agenda and every paper in agenda order, as one PDF to send out (5.5).

The agenda (.docx) and every paper that is not already a PDF (Word, OpenDocument,
spreadsheets, slides, CSV) are turned into PDF by LibreOffice (``soffice --headless
--convert-to pdf``, with a private profile so that two packs built at once do not
clash, and a time limit), then merged with pypdf, a bookmark for the agenda and for
each paper ("Paper 5a: Social prescriber proposal"). Where LibreOffice is not
installed, or a file cannot be converted or read, the result says so plainly and the
pack is written as a folder instead: ``01-agenda.docx``, ``02-paper-5a-<title>.pdf``…,
each file as it is, numbered in agenda order. A folder can also be asked for.

    result = build_pack(agenda_bytes, [("Paper 5a", "Proposal", "p.docx", data)], dest)
    print(result.summary().render())

One module (over 400 lines): the PDF and the folder it falls back to are one pack, in
one order, told by one result; apart, the folder could drift from the PDF.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from secretary.domain.text import Msg, msg, plural
from secretary.export.files import ExportError, FileExistsExportError, write_document
from secretary.i18n import _, in_language

# LibreOffice's import filter for each kind of paper: without one, a damaged file named
# .docx is "converted" as plain text (shared/notes/machine.md).
IMPORT_FILTERS = {
    ".docx": "MS Word 2007 XML",
    ".doc": "MS Word 97",
    ".odt": "writer8",
    ".rtf": "Rich Text Format",
    ".xlsx": "Calc MS Excel 2007 XML",
    ".xls": "MS Excel 97",
    ".ods": "calc8",
    ".csv": "Text - txt - csv (StarCalc)",
    ".pptx": "Impress MS PowerPoint 2007 XML",
    ".odp": "impress8",
}
SPREADSHEETS_AND_SLIDES = (".xlsx", ".xls", ".ods", ".csv", ".pptx", ".odp")
# Three minutes (the message says so): a long spreadsheet on a slow machine; a hung
# soffice is stopped.
CONVERT_SECONDS = 180


@dataclass(frozen=True)
class PackPaper:
    """A paper of the pack: its label ("Paper 5a"), title, file name and bytes."""

    label: str
    title: str
    filename: str
    data: bytes

    @property
    def number(self) -> str:
        return self.label.removeprefix("Paper ").strip()

    @property
    def suffix(self) -> str:
        return Path(self.filename).suffix.lower()


@dataclass(frozen=True)
class PackEntry:
    """One part of the pack, in order: where it starts and how many pages it has
    (a folder: the file's name, no pages)."""

    label: str  # "Agenda" or "Paper 5a" (English, as the plan labels papers)
    title: str
    filename: str  # in the pack folder, or the source file's name
    first_page: int = 0
    pages: int = 0
    converted: bool = False  # turned into PDF by LibreOffice

    def name(self) -> Msg:
        """'Agenda', 'Paper 5a: Social prescriber proposal', in the reader's language."""
        if self.label == "Agenda":
            return Msg.of("Agenda")
        number = self.label.removeprefix("Paper ").strip()
        return Msg.of("Paper {number}: {title}", number=number, title=self.title)


@dataclass(frozen=True)
class PackResult:
    path: Path
    folder: bool  # the pack is a folder of files (no LibreOffice, a failure, or asked)
    entries: tuple[PackEntry, ...]
    pages: int = 0
    missing_converter: bool = False  # LibreOffice is not installed
    # why a PDF was asked for and a folder written instead (a failure: said as it happened)
    problem: Msg | str | None = None
    converted: tuple[str, ...] = field(default=())  # file names LibreOffice converted

    @property
    def order(self) -> tuple[str, ...]:
        """'Agenda', 'Paper 5a', …: the pack's order."""
        return tuple(e.label for e in self.entries)

    def summary(self) -> Msg:
        """What was written, in one or two sentences a secretary reads."""
        if not self.folder:
            return plural(
                self.pages,
                "The pack is {path}: {n} page, the agenda and every paper in agenda order.",
                "The pack is {path}: {n} pages, the agenda and every paper in agenda order.",
                path=str(self.path),
            )
        written = msg(
            "The pack is the folder {path}: the agenda and each paper as a file of its own, "
            "numbered in agenda order.",
            path=str(self.path),
        )
        if self.problem is None:
            return written
        return msg("{problem} {written}", problem=self.problem, written=written)


def soffice_path() -> str | None:
    """LibreOffice's command, when it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


class ConversionError(ExportError):
    """A file LibreOffice could not turn into PDF (said in the pack's result)."""


def build_pack(
    agenda: bytes,
    papers: Iterable[PackPaper | tuple[str, str, str, bytes]],
    dest: str | os.PathLike[str],
    *,
    language: str = "en",
    title: str = "",
    force: bool = False,
) -> PackResult:
    """The pack at ``dest``: one PDF when ``dest`` ends in .pdf and LibreOffice can
    convert what needs converting; otherwise a folder (``dest`` without .pdf).
    ``agenda`` is the agenda's .docx; ``papers`` in agenda order. Refuses to replace
    a file or fill a folder that is not empty unless ``force``."""
    items = [p if isinstance(p, PackPaper) else PackPaper(*p) for p in papers]
    target = Path(dest)
    if target.suffix.lower() != ".pdf":
        return _folder(agenda, items, target, language=language, force=force)
    folder = target.with_suffix("")
    if target.exists() and not force:
        raise FileExistsExportError(
            _("{path}: already exists; not replaced (use --force to replace it)", path=target)
        )
    soffice = soffice_path()
    if soffice is None:
        problem = msg(
            "LibreOffice is not installed, so the agenda and the Word and spreadsheet "
            "papers cannot be turned into PDF here."
        )
        result = _fallback(agenda, items, folder, problem, language=language, force=force)
        return _replace(result, missing_converter=True)
    try:
        return _pdf(agenda, items, target, soffice, language=language, title=title, force=force)
    except ConversionError as exc:
        return _fallback(agenda, items, folder, str(exc), language=language, force=force)


def _fallback(
    agenda: bytes,
    items: Sequence[PackPaper],
    folder: Path,
    problem: Msg | str,
    *,
    language: str,
    force: bool,
) -> PackResult:
    """The folder instead of the PDF; a folder that cannot be written says why a folder."""
    try:
        result = _folder(agenda, items, folder, language=language, force=force)
    except ExportError as exc:
        why = problem.render() if isinstance(problem, Msg) else problem
        raise type(exc)(f"{why} {exc}") from None
    return _replace(result, problem=problem)


def _replace(result: PackResult, **changes: object) -> PackResult:
    from dataclasses import replace

    return replace(result, **changes)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- PDF


def _pdf(
    agenda: bytes,
    papers: Sequence[PackPaper],
    target: Path,
    soffice: str,
    *,
    language: str,
    title: str,
    force: bool,
) -> PackResult:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    parts: list[tuple[PackEntry, bytes]] = []
    with tempfile.TemporaryDirectory(prefix="secretary-pack-") as work:
        sources = [("agenda.docx", agenda)] + [
            (f"paper-{i:02d}{p.suffix}", p.data) for i, p in enumerate(papers, start=1)
        ]
        wanted = [name for name, _ in sources if not name.endswith(".pdf")]
        shown = {"agenda.docx": _("The agenda")} | {
            f"paper-{i:02d}{p.suffix}": _("{label} ({file})", label=_label_of(p.label),
                                          file=p.filename)
            for i, p in enumerate(papers, start=1)
        }  # fmt: skip
        pdfs = _convert(soffice, Path(work), sources, wanted, shown)
        agenda_entry = PackEntry("Agenda", in_language(language, "Agenda"), "agenda.docx",
                                 converted=True)  # fmt: skip
        parts.append((agenda_entry, pdfs["agenda.docx"]))
        for i, paper in enumerate(papers, start=1):
            name = f"paper-{i:02d}{paper.suffix}"
            converted = name in pdfs
            data = pdfs[name] if converted else paper.data
            parts.append(
                (PackEntry(paper.label, paper.title, paper.filename, converted=converted), data)
            )
    writer = PdfWriter()
    entries: list[PackEntry] = []
    page = 1
    for entry, data in parts:
        try:
            reader = PdfReader(io.BytesIO(data))
            # a PDF with only an owner password (no printing, no editing) opens with ""
            if reader.is_encrypted and not reader.decrypt(""):
                raise ConversionError(
                    _("{label} ({file}) is protected by a password, so it cannot go into one "
                      "PDF; ask its author for a copy without one.", label=_label(entry),
                      file=entry.filename)
                )  # fmt: skip
            count = len(reader.pages)
            writer.append(reader, outline_item=_bookmark(entry, language))
        except ConversionError:
            raise
        except Exception as exc:  # whatever a damaged file does to a PDF parser: unreadable
            raise ConversionError(
                _(
                    "{label} ({file}) is not a readable PDF ({why}), so it cannot go into one PDF.",
                    label=_label(entry),
                    file=entry.filename,
                    why=str(exc).split("\n")[0][:120] or type(exc).__name__,
                )
            ) from None
        entries.append(_with_pages(entry, page, count))
        page += count
    pdf_title = " / ".join((title or in_language(language, "Agenda and papers")).split("\n"))
    writer.add_metadata(
        {"/Title": pdf_title,
         "/Creator": "Cluster Secretary"}
    )  # fmt: skip
    writer._root_object[NameObject("/Lang")] = TextStringObject(
        "cy-GB" if language == "cy" else "en-GB"
    )
    buf = io.BytesIO()
    writer.write(buf)
    path = write_document(target, buf.getvalue(), force=force)
    return PackResult(
        path=path,
        folder=False,
        entries=tuple(entries),
        pages=page - 1,
        converted=tuple(e.filename for e in entries if e.converted),
    )


def _with_pages(entry: PackEntry, first: int, count: int) -> PackEntry:
    from dataclasses import replace

    return replace(entry, first_page=first, pages=count)


def _label(entry: PackEntry) -> str:
    return _("The agenda") if entry.label == "Agenda" else _label_of(entry.label)


def _label_of(label: str) -> str:
    """'Paper 5a' in the reader's language."""
    return _("Paper {number}", number=label.removeprefix("Paper ").strip())


def _bookmark(entry: PackEntry, language: str) -> str:
    """The outline entry: 'Agenda', 'Paper 5a: Social prescriber proposal'."""
    if entry.label == "Agenda":
        return " ".join(in_language(language, "Agenda").split())
    number = entry.label.removeprefix("Paper ").strip()
    text = in_language(language, "Paper {number}: {title}", number=number, title=entry.title)
    return " ".join(text.split())


def _convert(
    soffice: str,
    work: Path,
    sources: Sequence[tuple[str, bytes]],
    wanted: Sequence[str],
    shown: dict[str, str],
) -> dict[str, bytes]:
    """PDFs of the ``wanted`` files, converted by LibreOffice: one run for each kind
    of file (its import filter), with a private profile. Raises ConversionError."""
    inbox = work / "in"
    outbox = work / "out"
    inbox.mkdir()
    outbox.mkdir()
    data = dict(sources)
    by_suffix: dict[str, list[str]] = {}
    for name in wanted:
        suffix = Path(name).suffix.lower()
        if suffix not in IMPORT_FILTERS:
            raise ConversionError(
                _("{file}: LibreOffice cannot turn a {suffix} file into PDF.", file=shown[name],
                  suffix=suffix or "?")
            )  # fmt: skip
        (inbox / name).write_bytes(data[name])
        by_suffix.setdefault(suffix, []).append(name)
    profile = work / "profile"
    for suffix, names in by_suffix.items():
        command = [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--infilter={IMPORT_FILTERS[suffix]}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outbox),
            *(str(inbox / n) for n in names),
        ]
        try:
            subprocess.run(
                command,
                capture_output=True,
                timeout=CONVERT_SECONDS,
                check=False,
                env={**os.environ, "HOME": str(work)},
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise ConversionError(
                _("LibreOffice did not finish converting {files}: it was stopped after three "
                  "minutes.", files=", ".join(shown[n] for n in names))
            ) from None  # fmt: skip
        except OSError as exc:
            raise ConversionError(
                _("LibreOffice could not be started: {why}", why=exc.strerror or exc)
            ) from None
    pdfs: dict[str, bytes] = {}
    for name in wanted:
        pdf = outbox / (Path(name).stem + ".pdf")
        # soffice exits 0 even when it cannot load a file: the PDF itself is the proof
        if not pdf.is_file() or pdf.stat().st_size == 0:
            kind = Path(name).suffix.lower()
            if kind in SPREADSHEETS_AND_SLIDES:
                raise ConversionError(
                    _("{file} could not be turned into PDF: LibreOffice Calc or Impress may "
                      "not be installed, or the file is damaged.", file=shown[name])
                )  # fmt: skip
            raise ConversionError(
                _("{file} could not be turned into PDF: the file may be damaged.", file=shown[name])
            )
        pdfs[name] = pdf.read_bytes()
    return pdfs


# --------------------------------------------------------------------------- folder


def slug(text: str, limit: int = 60, empty: str = "paper") -> str:
    """'Social prescriber proposal' -> 'social-prescriber-proposal' (ASCII, for a file
    name); ``empty`` when nothing of the text is left."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return words[:limit].rstrip("-") or empty


# An earlier pack's files, in either language (replaced with --force).
_PACK_FILE = re.compile(r"^\d{2}-(agenda\.docx|pap(er|ur)-[a-z0-9-]+\.[a-z0-9]+)$")


def folder_names(papers: Sequence[PackPaper], language: str = "en") -> list[str]:
    """The files of a pack folder, in agenda order: 01-agenda.docx, 02-paper-5a-….pdf
    (in Welsh, or Welsh first, 02-papur-5a-….pdf: "agenda" is the same word)."""
    word = "paper" if language == "en" else "papur"
    names = ["01-agenda.docx"]
    for i, paper in enumerate(papers, start=2):
        number = slug(paper.number, 10)
        title = slug(paper.title, empty=word)
        names.append(f"{i:02d}-{word}-{number}-{title}{paper.suffix or '.bin'}")
    return names


def _folder(
    agenda: bytes, papers: Sequence[PackPaper], folder: Path, *, language: str, force: bool
) -> PackResult:
    if folder.exists() and not folder.is_dir():
        raise FileExistsExportError(_("{path}: exists and is not a folder", path=folder))
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise FileExistsExportError(
            _("{path}: the folder is not empty; not filled (use --force to fill it)", path=folder)
        )
    try:
        folder.mkdir(parents=False, exist_ok=True)
    except FileNotFoundError:
        raise ExportError(
            _("{path}: the folder {folder} does not exist", path=folder, folder=folder.parent)
        ) from None
    except OSError as exc:
        raise ExportError(
            _("{path}: cannot be made: {why}", path=folder, why=exc.strerror or exc)
        ) from None
    names = folder_names(papers, language)
    if force:
        # An earlier pack's files go (a paper withdrawn since must not be sent with this
        # one); anything else in the folder is not ours and stays.
        for old in folder.iterdir():
            if _PACK_FILE.match(old.name) and old.name not in names and old.is_file():
                try:
                    old.unlink()
                except OSError as exc:
                    raise ExportError(
                        _("{path}: cannot be replaced: {why}", path=old, why=exc.strerror or exc)
                    ) from None
    entries = [PackEntry("Agenda", "", names[0])]
    write_document(folder / names[0], agenda, force=force)
    for name, paper in zip(names[1:], papers, strict=True):
        write_document(folder / name, paper.data, force=force)
        entries.append(PackEntry(paper.label, paper.title, name))
    return PackResult(path=folder, folder=True, entries=tuple(entries))
