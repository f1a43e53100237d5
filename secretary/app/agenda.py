"""Building the agenda before the meeting: the operations the window and the CLI call.

The agenda is the meeting's own record before it opens (docs/before-the-meeting.md):
each operation here records events through ``LiveMeeting`` (checked by the domain,
committed, then applied) and returns what it recorded. Papers are read from a file,
checked (kind, size: ``MAX_PAPER_BYTES``), and kept inside the record with their
SHA-256, in the same transaction as their ``paper_attached`` event; ``save_paper``
writes one back byte for byte. ``issue`` records the pack as sent (5.5) with the
warnings the terms give (``domain.agenda_plan.issue_warnings``).

One module (over 400 lines): every operation of the agenda before the meeting, each
short, in the one place the window and the command line both call.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secretary.app.meeting import OperationRefused, Recorded, record
from secretary.domain import agenda_order
from secretary.domain.agenda_order import block_of, moves, parents_of
from secretary.domain.agenda_plan import AgendaPlan, issue_warnings, plan
from secretary.domain.events import MAX_PAPER_BYTES
from secretary.domain.proposal import Proposal
from secretary.domain.text import Msg
from secretary.i18n import _
from secretary.store.live import LiveMeeting, play
from secretary.store.record import Record

# What a paper may be, by suffix: the media type the pack and a reader go by.
MEDIA = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xls": "application/vnd.ms-excel",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".csv": "text/csv",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
# The fields of an item the secretary sets (``item_changed``), with their event kinds.
ITEM_FIELDS = (
    "title",
    "reference",
    "presenter",
    "purpose",
    "starts",
    "duration",
    "amount",
    "financial",
    "decision_type",
    "budget_line",
)


@dataclass(frozen=True)
class IssueResult:
    recorded: Recorded
    warnings: tuple[Msg, ...]


def current_plan(live: LiveMeeting) -> AgendaPlan:
    """The agenda as it stands, timed from the meeting's start."""
    return plan(live.meeting, live.info.start or None)


def add_item(
    live: LiveMeeting,
    *,
    title: str,
    reference: str = "",
    presenter: str = "",
    purpose: str = "",
    starts: str = "",
    duration: int | None = None,
    parent: str = "",
    amount: float | None = None,
    decision_type: str = "",
    budget_line: str = "",
    position: int | None = None,
    author: str | None = None,
) -> Recorded:
    """An item on the agenda (``position``: 0-based place; by default at the end, before
    Any other business if that is last).
    An amount makes it a financial item (decided by the financial rule, 3.2.5)."""
    _reference_free(live, reference)
    raw: dict[str, Any] = {"type": "item_added", "item": str(uuid.uuid4()), "title": title}
    optional = {
        "reference": reference,
        "presenter": presenter,
        "purpose": purpose,
        "starts": starts,
        "parent": parent,
        "decision_type": decision_type,
        "budget_line": budget_line,
    }
    raw.update({k: v for k, v in optional.items() if v})
    if duration is not None:
        raw["duration"] = duration
    if amount is not None:
        raw["amount"], raw["financial"] = amount, True
    if position is None and parent:
        position = _after_family(live, parent)
    elif position is None:
        position = _before_any_other_business(live)
    if position is not None:
        raw["position"] = position
    return record(live, raw, author)


def _reference_free(live: LiveMeeting, reference: str | None, item: str = "") -> None:
    """Refuses a reference another item on the agenda has: items are named by it."""
    wanted = " ".join((reference or "").split()).casefold()
    if not wanted:
        return
    agenda = current_plan(live)
    for other in agenda.items:
        if other.id != item and " ".join(other.reference.split()).casefold() == wanted:
            raise OperationRefused(
                _(
                    "{reference} is already the reference of item {number}",
                    reference=other.reference,
                    number=other.number,
                )
            )


def _before_any_other_business(live: LiveMeeting) -> int | None:
    """A new item's place by default: last, but for Any other business, which stays last."""
    agenda = live.meeting.agenda
    if agenda and live.meeting.items[agenda[-1]].standing == "aob":
        return len(agenda) - 1
    return None


def _after_family(live: LiveMeeting, parent: str) -> int | None:
    """A new sub-item's place: after its item and the item's sub-items so far."""
    agenda = live.meeting.agenda
    if parent not in agenda:
        return None  # the domain refuses it, naming the item
    last = agenda.index(parent)
    for index, iid in enumerate(agenda):
        if live.meeting.items[iid].parent == parent:
            last = max(last, index)
    return last + 1


def change_item(live: LiveMeeting, item: str, author: str | None = None, **fields: Any) -> Recorded:
    """Change an item's fields (``ITEM_FIELDS``); recorded as a change, never rewritten."""
    unknown = sorted(set(fields) - set(ITEM_FIELDS))
    if unknown:
        raise OperationRefused(_("an item has no field {field}", field=unknown[0]))
    changed = {k: v for k, v in fields.items() if v is not None}
    if not changed:
        raise OperationRefused(_("nothing to change"))
    if "reference" in changed:
        _reference_free(live, changed["reference"], item)
    number = getattr(current_plan(live).item(item), "number", None)
    refusal = live.meeting.decided_change_refusal(item, changed, number)
    if refusal is not None:  # the domain judges; worded here in the reader's language
        raise OperationRefused(refusal.render())
    if "amount" in changed and "financial" not in changed:
        changed["financial"] = True
    return record(live, {"type": "item_changed", "item": item, **changed}, author)


def move_item(live: LiveMeeting, item: str, position: int, author: str | None = None) -> Recorded:
    """Move an item to ``position`` (0-based) on the agenda."""
    return record(live, {"type": "item_moved", "item": item, "position": position}, author)


def step_moves(meeting: Any, item: str, delta: int) -> list[tuple[str, int]]:
    """The moves (item, position) that take ``item`` one place up (-1) or down (+1)
    with its sub-items -- past the next item and its sub-items; a sub-item past a
    sibling only -- each to be recorded with ``move_item`` in turn (the meeting
    window's Move up/down and the agenda builder's Ctrl+Up/Down)."""
    agenda = list(meeting.agenda)
    if item not in agenda:
        return []
    return agenda_order.step_moves(agenda, parents_of(meeting), item, delta)


def move_with_sub_items(
    live: LiveMeeting, item: str, position: int, author: str | None = None
) -> list[Recorded]:
    """Move ``item`` and its sub-items, together and in their order, so that the item
    stands at ``position`` (0-based) among the other items; one ``item_moved`` for
    each of them that changes place, none for its neighbours."""
    agenda = list(live.meeting.agenda)
    if item not in agenda:
        return [move_item(live, item, position, author)]  # the domain says why not
    items = live.meeting.items
    family = block_of(agenda, parents_of(live.meeting), item)
    rest = [i for i in agenda if i not in family]
    at = max(0, min(position, len(rest)))
    if items[item].parent not in items:  # an item, not a sub-item: never inside a family
        while at < len(rest) and items[rest[at]].parent in items:
            at += 1
    wanted = rest[:at] + family + rest[at:]
    return [move_item(live, iid, to, author) for iid, to in moves(agenda, wanted, family)]


def withdraw_item(
    live: LiveMeeting, item: str, reason: str = "", author: str | None = None
) -> Recorded:
    """Take an item off the agenda (refused once anything was recorded on it)."""
    raw: dict[str, Any] = {"type": "item_withdrawn", "item": item}
    if reason.strip():
        raw["reason"] = reason.strip()
    return record(live, raw, author)


def withdrawal_refusal(live: LiveMeeting, item: str) -> str | None:
    """Why ``item`` cannot come off the agenda, in the reader's language, or None: the
    meeting's own judgement of the ``item_withdrawn`` it would record (nothing is
    written), asked before the secretary is asked for a reason."""
    from secretary.domain.events import check_event
    from secretary.errors import SecretaryError

    try:
        live.check(check_event({"type": "item_withdrawn", "item": item}))
    except SecretaryError as exc:  # EventError, or the minutes approved and locked
        return str(exc)
    return None


def read_paper_file(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    """The bytes and media type of a paper file; OperationRefused saying why not."""
    file = Path(path)
    media = MEDIA.get(file.suffix.lower())
    if media is None:
        raise OperationRefused(
            _(
                "{file}: a paper must be Word, PDF, a spreadsheet or slides ({kinds})",
                file=file,
                kinds=" ".join(sorted(MEDIA)),
            )
        )
    try:
        size = file.stat().st_size
        if size > MAX_PAPER_BYTES:
            raise OperationRefused(
                _(
                    "{file}: {size} MB is larger than a paper may be (20 MB); "
                    "compress it or split it",
                    file=file,
                    size=f"{size / 1024 / 1024:.1f}",
                )
            )
        content = file.read_bytes()
    except FileNotFoundError:
        raise OperationRefused(_("{file}: no such file", file=file)) from None
    except IsADirectoryError:
        raise OperationRefused(_("{file}: is a folder, not a file", file=file)) from None
    except OSError as exc:
        raise OperationRefused(
            _("{file}: cannot be read: {why}", file=file, why=exc.strerror)
        ) from None
    if not content:
        raise OperationRefused(_("{file}: the file is empty", file=file))
    if len(content) > MAX_PAPER_BYTES:  # grew while being read
        raise OperationRefused(_("{file}: larger than a paper may be (20 MB)", file=file))
    return content, media


def attach_paper(
    live: LiveMeeting,
    item: str,
    path: str | os.PathLike[str],
    title: str = "",
    author: str | None = None,
) -> Recorded:
    """Attach the file at ``path`` to ``item`` as a paper, kept inside the record."""
    content, media = read_paper_file(path)
    name = Path(path).name
    return attach_bytes(live, item, content, name, title or Path(path).stem, media, author)


def attach_bytes(
    live: LiveMeeting,
    item: str,
    content: bytes,
    filename: str,
    title: str,
    media: str = "",
    author: str | None = None,
) -> Recorded:
    """Attach ``content`` (a file called ``filename``) to ``item`` as a paper."""
    from secretary.store.papers import sha256_of

    sha = sha256_of(content)
    raw: dict[str, Any] = {
        "type": "paper_attached",
        "paper": str(uuid.uuid4()),
        "item": item,
        "title": " ".join(title.split()) or filename,
        "sha256": sha,
        "filename": filename,
        "size": len(content),
    }
    if media:
        raw["media"] = media
    from secretary.domain.events import check_event

    event = check_event(raw)
    live.record_event(event, author=author, files={sha: content})
    return Recorded(event)


def withdraw_paper(live: LiveMeeting, paper: str, author: str | None = None) -> Recorded:
    return record(live, {"type": "paper_withdrawn", "paper": paper}, author)


def save_paper(
    source: Record,
    meeting_id: int,
    paper: str,
    dest: str | os.PathLike[str],
    force: bool = False,
) -> Path:
    """Write paper ``paper`` (its id, or its label "5a" / "Paper 5a") to ``dest`` (a
    file, or a folder to put it in under its own name) byte for byte, re-hashed from
    the record. An existing file is not overwritten unless ``force``."""
    from secretary.store.papers import read

    meeting = play(source, meeting_id)
    found = find_paper(plan(meeting), paper)
    if found is None:
        stored = meeting.papers.get(paper)
        if stored is None:
            raise OperationRefused(_("no paper {paper} in this meeting", paper=paper))
        sha, filename = stored.sha256, stored.filename
    else:
        sha, filename = found.sha256, found.filename
    target = Path(dest)
    if target.is_dir():
        target = target / filename
    if target.exists() and not force:
        raise OperationRefused(
            _("{file}: already exists; left untouched (--force replaces it)", file=target)
        )
    content = read(source, sha)
    write_atomically(target, content)
    return target


def find_item(agenda: AgendaPlan, text: str) -> Any:
    """An item on the agenda by its number as printed ("5", "5a"), id or reference."""
    wanted = text.strip()
    for key in ("number", "id", "reference"):
        found = [i for i in agenda.items if getattr(i, key) and getattr(i, key) == wanted]
        if len(found) == 1:
            return found[0]
    return None


def find_paper(agenda: AgendaPlan, paper: str) -> Any:
    """A standing paper by id or label ("5a", "Paper 5a"), or None."""
    wanted = paper.strip()
    for ref in agenda.papers:
        if (
            wanted in (ref.paper, ref.label, ref.number)
            or wanted.casefold() == ref.label.casefold()
        ):
            return ref
    return None


def write_atomically(target: Path, content: bytes) -> None:
    """The whole file or none of it: a temporary file beside it, renamed into place."""
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise OperationRefused(
            _("{file}: cannot be written: {why}", file=target, why=exc.strerror)
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OperationRefused(
            _("{file}: cannot be written: {why}", file=target, why=exc.strerror)
        ) from None


def record_proposal(
    live: LiveMeeting,
    item: str,
    proposal: Proposal,
    author: str | None = None,
    language: str = "en",
) -> Recorded:
    """Record an investment proposal for ``item`` (its amount becomes the proposal's
    total) and attach the proposal as a Word document on the cluster template as the
    item's paper; a revised proposal's document replaces the earlier one's."""
    from secretary.domain.events import check_event
    from secretary.export.proposal import proposal_filename

    event = check_event(
        {
            "type": "proposal_recorded",
            "item": item,
            "proposal": str(uuid.uuid4()),
            **proposal.event_fields(),
        }
    )
    live.check(event)  # refused before the document is made
    document = proposal_document(live, item, proposal, language)
    earlier = live.meeting.proposals.get(item)
    recorded = record(live, event, author)
    if earlier is not None:
        # The earlier proposal's document, in whichever language it was made.
        old = {proposal_filename(earlier.proposal, lang) for lang in ("en", "cy", "bilingual")}
        for paper in live.meeting.papers_of(item):
            if paper.filename in old and paper.title == earlier.proposal.title:
                withdraw_paper(live, paper.id, author)
    attach_bytes(
        live,
        item,
        document,
        proposal_filename(proposal, language),
        proposal.title,
        MEDIA[".docx"],
        author,
    )
    return recorded


def proposal_document(live: LiveMeeting, item: str, proposal: Proposal, language: str) -> bytes:
    """The proposal as a Word document on the cluster template (export/proposal.py)."""
    from secretary.export.proposal import ProposalDocument, proposal_docx

    found = current_plan(live).item(item)
    number = (found.reference or found.number) if found is not None else ""
    document = ProposalDocument(
        proposal,
        cluster=live.info.cluster or live.meeting.terms.body,  # the body's Welsh name too
        meeting_date=live.info.date,
        item=number,
        priorities=tuple(live.meeting.terms.imtp_priorities),
    )
    return proposal_docx(document, language)


def read_proposal(live: LiveMeeting, path: str | os.PathLike[str]) -> Proposal:
    """A proposal form (.toml or .json), checked against the terms' IMTP priorities;
    OperationRefused with a one-line message naming the file and field."""
    from secretary.domain.proposal import ProposalError, read_form

    try:
        return read_form(Path(path), live.meeting.terms.imtp_priorities)
    except ProposalError as exc:
        raise OperationRefused(str(exc)) from None


def call_meeting(
    live: LiveMeeting, on: dt.date | str, interim: bool, author: str | None = None
) -> Recorded:
    """The notice of the meeting given on ``on``; an interim meeting (5.1) needs the
    terms' ``interim_notice_days``."""
    day = on.isoformat() if isinstance(on, dt.date) else on
    if live.info.date and day > live.info.date:  # ISO dates compare as text
        raise OperationRefused(
            _(
                "the notice of a meeting is given before it: {on} is after the meeting ({date})",
                on=day,
                date=live.info.date,
            )
        )
    return record(live, {"type": "meeting_called", "on": day, "interim": interim}, author)


def warnings_for_issue(live: LiveMeeting, on: dt.date | str) -> list[Msg]:
    """What the terms say of issuing the agenda and papers on ``on`` (nothing recorded)."""
    return issue_warnings(current_plan(live), live.meeting.terms.deadlines, live.info.date, on)


def issue(live: LiveMeeting, on: dt.date | str, author: str | None = None) -> IssueResult:
    """Record the agenda and papers as sent on ``on`` (5.5): later changes show as
    changes since issue. Returns the warnings the terms give (late, short notice)."""
    day = on.isoformat() if isinstance(on, dt.date) else on
    warnings = warnings_for_issue(live, day)
    recorded = record(live, {"type": "papers_sent", "on": day}, author)
    return IssueResult(recorded, tuple(warnings))


def papers_in_order(source: Record, meeting_id: int) -> list[tuple[Any, bytes]]:
    """Every standing paper in agenda order with its bytes (re-hashed): the pack."""
    from secretary.store.papers import read

    meeting = play(source, meeting_id)
    return [(ref, read(source, ref.sha256)) for ref in plan(meeting).papers]


def plan_of(source: Record, meeting_id: int) -> AgendaPlan:
    """The agenda of a stored meeting (read only)."""
    meeting = play(source, meeting_id)
    return plan(meeting, source.meeting_info(meeting_id).start or None)


def export_agenda(
    source: Record,
    meeting_id: int,
    path: str | os.PathLike[str],
    language: str = "en",
    *,
    template: str | os.PathLike[str] | None = None,
    force: bool = False,
) -> Path:
    """Write the agenda as a Word document (export/agenda.py); refuses to replace a
    file unless ``force``."""
    from secretary.export.agenda import agenda_document, save_agenda

    document = agenda_document(source, meeting_id)
    return save_agenda(
        Path(path), document, language, Path(template) if template else None, force=force
    )


def build_pack(
    source: Record,
    meeting_id: int,
    dest: str | os.PathLike[str],
    *,
    language: str = "en",
    template: str | os.PathLike[str] | None = None,
    force: bool = False,
) -> Any:
    """The pack (export/pack.py): the agenda and every standing paper in agenda order,
    one PDF at ``dest`` (.pdf) where LibreOffice can convert, else a folder; each
    paper read back re-hashed from the record. Returns the ``PackResult``."""
    from secretary.export.agenda import agenda_document, agenda_docx
    from secretary.export.pack import PackPaper
    from secretary.export.pack import build_pack as write_pack

    document = agenda_document(source, meeting_id)
    agenda = agenda_docx(document, language, Path(template) if template else None)
    papers = [
        PackPaper(ref.label, ref.title, ref.filename, data)
        for ref, data in papers_in_order(source, meeting_id)
    ]
    return write_pack(
        agenda, papers, Path(dest), language=language, title=document.title, force=force
    )
