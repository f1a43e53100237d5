"""Circulate the minutes: an e-mail draft to the members, and the sending recorded.

The terms give the secretariat a few days after a meeting to send the minutes and the
action log to the members (5.6). This makes that one step: a draft message (RFC 5322,
the standard library's ``email`` package) addressed to every member and deputy of the
meeting who has an address on the roster, with the subject and body in the chosen
language (bilingual by default: Welsh first, then English, each a block of its own) and
the minutes and action log attached — made from the record as it stands, exactly as
Export makes them. Outlook opens a ``.eml`` with ``X-Unsent: 1`` as a draft to send;
Thunderbird opens it as a message whose attachments can be sent on.

Members without an address are named to the secretary (``CirculationDraft.without_address``),
never skipped silently. Recording the minutes as sent (``record_minutes_sent``) is a
separate step, on the date the secretary confirms: writing a draft sends nothing.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from secretary.errors import SecretaryError
from secretary.i18n import _, in_language, long_date

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
LANGUAGES = ("en", "cy", "bilingual")
# Roles that receive the minutes: the members, and the deputies who stand in for them.
RECIPIENT_ROLES = ("member", "deputy")


class CirculationError(SecretaryError):
    """The draft cannot be made or written; the message says why and where."""


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    role: str
    seat: str


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes


@dataclass
class CirculationDraft:
    """What the draft holds: shown to the secretary before it is written."""

    meeting_id: int
    language: str
    subject: str
    body: str
    recipients: list[Recipient]
    without_address: list[Recipient]
    attachments: list[Attachment] = field(default_factory=list)
    sender: str = ""

    def message(self) -> EmailMessage:
        """The draft as an RFC 5322 message (CRLF line ends, as mail clients expect)."""
        # CRLF line ends; headers unfolded up to RFC 5322's hard limit, since some
        # readers keep the space of a subject folded straight after "Subject:".
        msg = EmailMessage(policy=email.policy.SMTP.clone(max_line_length=998))
        msg["Subject"] = self.subject
        if self.sender:
            msg["From"] = _address("", self.sender)
        msg["To"] = [_address(r.name, r.email) for r in self.recipients]
        # Outlook opens a message with this header as a draft, ready to send.
        msg["X-Unsent"] = "1"
        msg.set_content(self.body)
        for a in self.attachments:
            msg.add_attachment(
                a.data, maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1], filename=a.filename
            )
        # After the attachments: making the message multipart moves Content-* headers
        # into the body part. Screen readers and spelling use it (en-GB, cy-GB).
        msg["Content-Language"] = {"en": "en-GB", "cy": "cy-GB"}.get(self.language, "cy-GB, en-GB")
        return msg

    def write(self, out: str | Path, *, force: bool = False) -> Path:
        """Write the draft to ``out`` (.eml); an existing file only with ``force``.
        Written to a temporary name first, so a failure leaves nothing half written."""
        path = Path(out)
        if path.is_dir():
            raise CirculationError(
                _("{path}: is a folder; give a file name ending .eml", path=path)
            )
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise CirculationError(
                _("{path}: the folder {folder} does not exist", path=path, folder=folder)
            )
        if path.exists() and not force:
            raise CirculationError(
                _("{path}: already exists; not replaced (use --force to replace it)", path=path)
            )
        data = self.message().as_bytes()
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise CirculationError(
                _("{path}: cannot be written: {why}", path=path, why=exc.strerror or str(exc))
            ) from None
        return path


def _address(name: str, addr: str) -> Address:
    user, _sep, domain = addr.partition("@")
    return Address(display_name=name, username=user, domain=domain)


def recipients_of(meeting: Any) -> tuple[list[Recipient], list[Recipient]]:
    """(with an address, without one): the meeting's members and deputies, in the
    order of its roster, each person once."""
    have: list[Recipient] = []
    missing: list[Recipient] = []
    seen: set[str] = set()
    seat_names = {s.id: s.name for s in meeting.terms.seats}
    for p in meeting.people.values():  # in the order the roster added them
        if p.role not in RECIPIENT_ROLES:
            continue
        r = Recipient(
            name=p.name,
            email=(p.email or "").strip(),
            role=p.role,
            seat=seat_names.get(p.seat or "", p.seat or ""),
        )
        if not r.email:
            missing.append(r)
        elif r.email.lower() not in seen:
            seen.add(r.email.lower())
            have.append(r)
    return have, missing


def _subject(lang: str, title: str, date: str, draft: bool) -> str:
    if lang == "bilingual":  # a short heading: the two languages side by side
        return f"{_subject('cy', title, date, draft)} / {_subject('en', title, date, draft)}"
    if draft:
        text = "Draft minutes and action log: {meeting}, {date}"
    else:
        text = "Minutes and action log: {meeting}, {date}"
    return in_language(lang, text, meeting=title, date=long_date(date, lang, weekday=False))


def _body_in(lang: str, title: str, date: str, draft: bool) -> str:
    when = long_date(date, lang, weekday=True)
    greeting = in_language(lang, "Dear members,")
    if draft:
        main = in_language(
            lang,
            "Please find attached the draft minutes and the action log of the {meeting} "
            "held on {date}. Please send any corrections to the secretariat; the minutes "
            "will be presented for approval at the next meeting.",
            meeting=title,
            date=when,
        )
    else:
        main = in_language(
            lang,
            "Please find attached the approved minutes and the action log of the {meeting} "
            "held on {date}.",
            meeting=title,
            date=when,
        )
    actions = in_language(
        lang, "Please check the action log for the actions you lead and their due dates."
    )
    closing = in_language(lang, "With thanks,\nthe cluster secretariat")
    return "\n\n".join((greeting, main, actions, closing))


def _body(lang: str, title: str, date: str, draft: bool) -> str:
    if lang != "bilingual":
        return _body_in(lang, title, date, draft) + "\n"
    # Welsh first, then English: each a whole block, never mixed within a line.
    return (
        _body_in("cy", title, date, draft)
        + "\n\n"
        + "-" * 40
        + "\n\n"
        + _body_in("en", title, date, draft)
        + "\n"
    )


def prepare_circulation(
    record: Any,
    meeting_id: int,
    *,
    language: str = "bilingual",
    template: str | Path | None = None,
    today: dt.date | None = None,
    sender: str = "",
) -> CirculationDraft:
    """The draft for meeting ``meeting_id`` of ``record``: recipients, subject, body and
    the minutes and action log made now from the record (DRAFT until approved)."""
    from secretary.export import snapshot_from_record
    from secretary.export.approval import approval_info
    from secretary.export.documents import ActionLogExporter, MinutesExporter
    from secretary.export.names import default_filenames
    from secretary.store.series import load_meeting

    if language not in LANGUAGES:
        raise CirculationError(
            _("the language must be en, cy or bilingual, not {value!r}", value=language)
        )
    snap = snapshot_from_record(
        record, meeting_id, approved=approval_info(record, meeting_id), language=language
    )
    meeting = load_meeting(record, meeting_id)
    have, missing = recipients_of(meeting)
    names = default_filenames(snap)
    attachments = [
        Attachment(names["minutes"], MinutesExporter(snap, template).run()),
        Attachment(
            names["actions"],
            ActionLogExporter(snap, template, today=today or dt.date.today()).run(),
        ),
    ]
    return CirculationDraft(
        meeting_id=meeting_id,
        language=language,
        subject=_subject(language, snap.title, snap.date, snap.draft),
        body=_body(language, snap.title, snap.date, snap.draft),
        recipients=have,
        without_address=missing,
        attachments=attachments,
        sender=sender,
    )


def minutes_sent_event(on: dt.date | str) -> dict[str, Any]:
    """The event that says the minutes went to the members on ``on`` (5.6): the date
    the secretary confirms, not the date the draft was made."""
    day = on.isoformat() if isinstance(on, dt.date) else on
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        raise CirculationError(_("the date must be YYYY-MM-DD, not {value!r}", value=day)) from None
    return {"type": "minutes_sent", "on": day}


def record_minutes_sent(live: Any, on: dt.date | str, author: str | None = None) -> Any:
    """Record through ``live`` (the meeting's single write path, a store.LiveMeeting)
    that the minutes went to the members on ``on``."""
    return live.record_event(minutes_sent_event(on), author=author)


def describe(draft: CirculationDraft) -> Sequence[str]:
    """Lines for the secretary: who it goes to and who has no address."""
    lines = [_("Members and deputies with an address: {n}", n=len(draft.recipients))]
    for r in draft.without_address:
        lines.append(_("No address on the roster: {name} ({seat})", name=r.name, seat=r.seat))
    return lines
