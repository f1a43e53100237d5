"""Tamper evidence: a hash chain over each meeting's events.

Each link covers one stored event — its uuid, its place (seq), its type and
content (the payload as stored), when and by whom it was recorded — and the
link before it; the first link starts from the meeting's anchor, which covers
the meeting's details and its frozen terms of reference. The last link, the
*chain head*, with the number of events it covers, stands for the whole
meeting as recorded: change, add, remove or reorder anything and it changes.

The chain is recomputed from the record, not stored beside each event: a
chain kept only inside the file could be recomputed by whoever edits the file.
Its evidence is the heads kept elsewhere — in ``chain_heads`` (written at each
close, approval and upgrade, append-only), in the ``minutes_approved`` event of
the approving meeting, and in every set of minutes, which prints the head of
the events it was made from (``secretary verify --against MINUTES.docx``).
What this does and does not show is in docs/reliability.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

GENESIS = "cluster-secretary-chain-v1"


def _digest(*parts: Any) -> str:
    data = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def meeting_anchor(m: Any) -> str:
    """The start of a meeting's chain: its details and frozen terms."""
    return _digest(
        GENESIS,
        m.uuid,
        m.title,
        m.date,
        m.start,
        m.venue,
        m.cluster_name,
        m.terms_id,
        m.terms_text,
        m.created_at,
        m.author,
    )


def link(previous: str, e: Any) -> str:
    return _digest(previous, e.uuid, e.seq, e.type, e.payload, e.recorded_at, e.author)


@dataclass(frozen=True)
class ChainHead:
    meeting_uuid: str
    events: int
    head: str

    def line(self) -> str:
        return f"{self.meeting_uuid} {self.events} {self.head}"


_MEETING = (
    "SELECT id, uuid, title, date, start, venue, cluster_name, terms_id, terms_text, "
    "created_at, author FROM meetings WHERE {where}"
)
_EVENTS = (
    "SELECT uuid, seq, type, payload, recorded_at, author FROM events "
    "WHERE meeting_id = :mid ORDER BY seq"
)


def heads_of(conn: Any, meeting_id: int) -> list[str]:
    """The chain of a meeting through an SQLAlchemy connection: heads[n] covers the
    first n events (heads[0] is the anchor)."""
    m = conn.execute(text(_MEETING.format(where="id = :mid")), {"mid": meeting_id}).first()
    if m is None:
        return []
    heads = [meeting_anchor(m)]
    for e in conn.execute(text(_EVENTS), {"mid": meeting_id}):
        heads.append(link(heads[-1], e))
    return heads


def chain_head(record: Any, meeting_id: int) -> ChainHead:
    """The head of a meeting's chain as the record holds it now."""
    with record.engine.connect() as conn:
        uuid = conn.execute(
            text("SELECT uuid FROM meetings WHERE id = :mid"), {"mid": meeting_id}
        ).scalar()
        heads = heads_of(conn, meeting_id)
    return ChainHead(str(uuid), len(heads) - 1, heads[-1] if heads else "")


def meeting_id_of(conn: Any, meeting_uuid: str) -> int | None:
    row = conn.execute(text("SELECT id FROM meetings WHERE uuid = :u"), {"u": meeting_uuid}).first()
    return int(row[0]) if row else None


def keep_head(conn: Any, meeting_id: int, reason: str, at: str) -> ChainHead:
    """Write the meeting's current head into ``chain_heads`` (the caller commits)."""
    heads = heads_of(conn, meeting_id)
    uuid = conn.execute(text("SELECT uuid FROM meetings WHERE id = :mid"), {"mid": meeting_id})
    head = ChainHead(str(uuid.scalar()), len(heads) - 1, heads[-1])
    conn.execute(
        text(
            "INSERT INTO chain_heads (meeting_uuid, event_count, head, reason, at) "
            "VALUES (:u, :n, :h, :r, :at)"
        ),
        {"u": head.meeting_uuid, "n": head.events, "h": head.head, "r": reason, "at": at},
    )
    return head
