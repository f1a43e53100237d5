"""The papers kept inside the record: bytes by SHA-256 in table ``paper_files``.

A paper is attached by a ``paper_attached`` event (its title, file name, size and
SHA-256) and its bytes, written in the SAME transaction (``Record.append(...,
files=...)``): the record never holds an event whose paper it lacks, nor a file no
event names. The table is append-only (triggers). Every read re-hashes the bytes:
a paper changed behind the app's back is a RecordError, never a wrong paper
printed in a pack. ``secretary verify`` checks every file and every event's file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select

from secretary.domain.events import MAX_PAPER_BYTES
from secretary.i18n import _
from secretary.store.errors import RecordError
from secretary.store.models import EventRow, PaperFileRow

PAPERS = cast(Table, PaperFileRow.__table__)
_EV = cast(Table, EventRow.__table__)


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def too_large(size: int) -> bool:
    return size > MAX_PAPER_BYTES


def put(conn: Connection, files: Mapping[str, bytes], at: str) -> None:
    """Store ``files`` ({sha256: bytes}) in the caller's transaction; a file already
    kept (the same paper attached again) is not stored twice."""
    for sha, content in files.items():
        if sha256_of(content) != sha:
            raise RecordError(_("a paper's bytes do not match its SHA-256; nothing was recorded"))
        if too_large(len(content)):
            raise RecordError(_("a paper is larger than 20 MB; nothing was recorded"))
        if conn.execute(select(PAPERS.c.sha256).where(PAPERS.c.sha256 == sha)).first() is None:
            conn.execute(
                insert(PAPERS).values(sha256=sha, size=len(content), content=content, added_at=at)
            )


def stored(conn: Connection, hashes: Iterable[str]) -> set[str]:
    """Which of ``hashes`` the record keeps."""
    wanted = list(dict.fromkeys(hashes))
    found: set[str] = set()
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        found.update(
            r[0] for r in conn.execute(select(PAPERS.c.sha256).where(PAPERS.c.sha256.in_(chunk)))
        )
    return found


def read_from(conn: Connection, sha: str, where: str) -> bytes:
    """The bytes of paper ``sha``, re-hashed: missing or changed is a RecordError."""
    row = conn.execute(select(PAPERS.c.content).where(PAPERS.c.sha256 == sha)).first()
    if row is None:
        raise RecordError(
            _("{where}: the paper's file ({sha}) is not in the record", where=where, sha=sha[:12])
        )
    content = bytes(row[0])
    if sha256_of(content) != sha:
        raise RecordError(
            _(
                "{where}: the paper's file ({sha}) was changed behind the app's back: its "
                "bytes no longer match the SHA-256 recorded when it was attached",
                where=where,
                sha=sha[:12],
            )
        )
    return content


def read(record: Any, sha: str) -> bytes:
    """The bytes of paper ``sha`` from ``record`` (a store.record.Record)."""
    with record.engine.connect() as conn:
        return read_from(conn, sha, record.target)


def attached_hashes(payloads: Iterable[tuple[str, str]]) -> list[str]:
    """The SHA-256 of every ``paper_attached`` among (type, payload) rows, in order."""
    hashes = []
    for etype, payload in payloads:
        if etype != "paper_attached":
            continue
        try:
            sha = json.loads(payload).get("sha256")
        except (ValueError, AttributeError, RecursionError):
            continue
        if isinstance(sha, str):
            hashes.append(sha)
    return list(dict.fromkeys(hashes))


def copy_missing(source: Connection, target: Connection, hashes: Iterable[str], at: str,
                 where: str) -> int:  # fmt: skip
    """Copy the papers ``hashes`` the target lacks from source (check-out, check-in,
    backup), each re-hashed on the way; returns how many were copied."""
    wanted = list(dict.fromkeys(hashes))
    missing = [h for h in wanted if h not in stored(target, wanted)]
    for sha in missing:
        put(target, {sha: read_from(source, sha, where)}, at)
    return len(missing)


def problems(conn: Connection) -> tuple[int, list[str]]:
    """(files checked, problems): every kept file re-hashed, and every
    ``paper_attached`` event's file present."""
    found: list[str] = []
    kept: set[str] = set()
    count = 0
    for sha, size, content in conn.execute(
        select(PAPERS.c.sha256, PAPERS.c.size, PAPERS.c.content)
    ):
        count += 1
        kept.add(sha)
        content = bytes(content)
        if sha256_of(content) != sha or len(content) != size:
            found.append(
                _(
                    "paper file {sha}: changed behind the app's back (its bytes no longer "
                    "match the SHA-256 it was kept under)",
                    sha=sha[:12],
                )
            )
    rows = conn.execute(
        select(_EV.c.meeting_id, _EV.c.seq, _EV.c.type, _EV.c.payload).where(
            _EV.c.type == "paper_attached"
        )
    ).all()
    for meeting_id, seq, etype, payload in rows:
        for sha in attached_hashes([(etype, payload)]):
            if sha not in kept:
                found.append(
                    _(
                        "meeting {id}: event {seq} attaches a paper whose file ({sha}) is "
                        "not in the record",
                        id=meeting_id,
                        seq=seq,
                        sha=sha[:12],
                    )
                )
    return count, found
