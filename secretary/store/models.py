"""Every table of the record, in one declarative base: what a newcomer reads first.

Portable constructs only, so PostgreSQL can hold them too. The migrations in
``migrations/versions`` create these tables; a test (tests/test_models.py) checks
that Alembic's autogenerate, run against a migrated record, proposes no change.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ClusterRow(Base):
    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    health_board: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[str] = mapped_column(String(32))


class TermsVersionRow(Base):
    """A cluster's terms of reference in force from a date (text kept verbatim)."""

    __tablename__ = "terms_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id"))
    terms_id: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    effective_from: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[str] = mapped_column(String(32))


class RosterEntryRow(Base):
    """A person on a cluster's roster, valid from a date until (optionally) another."""

    __tablename__ = "roster_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id"))
    person_key: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    seat: Mapped[str | None] = mapped_column(String(100), nullable=True)
    kind: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    # QAIF (migration 0004): gp, clinician, practice-manager, administrator; and
    # whether the health board agreed they represent the practice.
    profession: Mapped[str] = mapped_column(String(30), default="", server_default="")
    substitute_agreed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    effective_from: Mapped[str] = mapped_column(String(10))
    effective_to: Mapped[str | None] = mapped_column(String(10), nullable=True)
    created_at: Mapped[str] = mapped_column(String(32))


class MeetingRow(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("clusters.id"), nullable=True)
    title: Mapped[str] = mapped_column(String(300))
    date: Mapped[str] = mapped_column(String(10), default="")
    start: Mapped[str] = mapped_column(String(5), default="")
    venue: Mapped[str] = mapped_column(String(300), default="")
    cluster_name: Mapped[str] = mapped_column(String(200), default="")
    # The terms the meeting is judged under, frozen when it was created.
    terms_id: Mapped[str] = mapped_column(String(200))
    terms_text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (Index("ix_meetings_date", "date"), Index("ix_meetings_cluster", "cluster_id"))


class EventRow(Base):
    """One event of a meeting. Never updated or deleted (triggers refuse it)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (UniqueConstraint("meeting_id", "seq", name="uq_events_meeting_seq"),)


class MinutesApprovalRow(Base):
    """The lock on approved minutes (migration 0002). Never changed or deleted."""

    __tablename__ = "minutes_approvals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), unique=True)
    approved_at_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id"), nullable=True
    )
    approved_on: Mapped[str] = mapped_column(String(10))
    amendments: Mapped[str] = mapped_column(Text, default="")
    fingerprint: Mapped[str] = mapped_column(String(64))
    event_count: Mapped[int] = mapped_column(Integer)
    event_uuid: Mapped[str] = mapped_column(String(36))
    recorded_at: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(String(100), default="")


class OutsideDecisionRow(Base):
    """A decision taken outside a meeting (migration 0002). Never changed."""

    __tablename__ = "outside_decisions"
    __table_args__ = (Index("ix_outside_decisions_cluster", "cluster_id", "cluster_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("clusters.id"), nullable=True)
    cluster_name: Mapped[str] = mapped_column(String(200), default="")
    decided_on: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")
    consulted: Mapped[str] = mapped_column(Text, default="")
    financial: Mapped[bool] = mapped_column(Boolean, default=False)
    amount: Mapped[float | None] = mapped_column(Float, nullable=True)
    signatory: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(String(100), default="")


class LeaseRow(Base):
    __tablename__ = "meeting_leases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    holder: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(String(20))
    venue: Mapped[str] = mapped_column(String(500), default="")
    token: Mapped[str] = mapped_column(String(36))
    acquired_at: Mapped[str] = mapped_column(String(32))
    renewed_at: Mapped[str] = mapped_column(String(32))
    expires_at: Mapped[str | None] = mapped_column(String(32), nullable=True)


class CheckoutRow(Base):
    """In a venue record: a meeting checked out of a central record (migration 0003)."""

    __tablename__ = "sync_checkouts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_uuid: Mapped[str] = mapped_column(String(36))
    origin: Mapped[str] = mapped_column(String(500))
    lease_token: Mapped[str] = mapped_column(String(36))
    checked_out_at: Mapped[str] = mapped_column(String(32))
    checked_in_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    author: Mapped[str] = mapped_column(String(100), default="")


class SetAsideRow(Base):
    """A venue event kept out of its meeting by ``--resolve central``. Never deleted."""

    __tablename__ = "sync_set_aside"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_uuid: Mapped[str] = mapped_column(String(36))
    event_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(500), default="")
    set_aside_at: Mapped[str] = mapped_column(String(32))


class SyncLogRow(Base):
    __tablename__ = "sync_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_uuid: Mapped[str] = mapped_column(String(36))
    direction: Mapped[str] = mapped_column(String(10))
    other: Mapped[str] = mapped_column(String(500))
    added: Mapped[int] = mapped_column(Integer)
    resolution: Mapped[str] = mapped_column(String(20), default="")
    at: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(String(100), default="")


class ChainHeadRow(Base):
    """The head of a meeting's hash chain (store/chain.py) kept in a second place:
    at close, at approval and at upgrade. Append-only (triggers refuse changes)."""

    __tablename__ = "chain_heads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_uuid: Mapped[str] = mapped_column(String(36))
    event_count: Mapped[int] = mapped_column(Integer)
    head: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(20))
    at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (Index("ix_chain_heads_meeting", "meeting_uuid"),)


class BudgetAllocationRow(Base):
    """A cluster's allocation for a budget line in a financial year (migration 0006).

    Append-only (a trigger refuses UPDATE and DELETE): a correction is a new row, and
    the latest row for a (cluster, year, line) is the one in force (domain.budget)."""

    __tablename__ = "budget_allocations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id"))
    year: Mapped[int] = mapped_column(Integer)  # 2026: April 2026 to March 2027
    line: Mapped[str] = mapped_column(String(200))
    amount_pence: Mapped[int] = mapped_column(Integer)  # exact: pence, not a float
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(String(100), default="")


class PaperFileRow(Base):
    """The bytes of a paper attached to an agenda item (migration 0007), by SHA-256.

    Written in the same transaction as its ``paper_attached`` event; append-only (a
    trigger refuses UPDATE and DELETE); read back re-hashed (store/papers.py)."""

    __tablename__ = "paper_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[str] = mapped_column(String(32))
