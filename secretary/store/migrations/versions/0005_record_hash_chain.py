"""Tamper evidence: chain heads kept in a second place.

Revision ID: 0005
Revises: 0004

- ``chain_heads``: the head of a meeting's hash chain (secretary/store/chain.py)
  and how many events it covers, written when a meeting closes, when its minutes
  are approved, and here, for every meeting of a record being upgraded
  (``reason = 'upgrade'``: from now on, a change to what was there is found).
  Append-only.
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chain_heads",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_uuid", sa.String(36), nullable=False),
        sa.Column("event_count", sa.Integer, nullable=False),
        sa.Column("head", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_index("ix_chain_heads_meeting", "chain_heads", ["meeting_uuid"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER chain_heads_no_{verb.lower()} BEFORE {verb} ON chain_heads "
                "BEGIN SELECT RAISE(ABORT, 'chain_heads are append-only'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE TRIGGER chain_heads_append_only BEFORE UPDATE OR DELETE ON chain_heads "
            "FOR EACH ROW EXECUTE FUNCTION between_append_only()"
        )
    # Backfill: the heads of every meeting as they stand.
    from secretary.store.chain import keep_head

    bind = op.get_bind()
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    for (mid,) in bind.execute(sa.text("SELECT id FROM meetings ORDER BY id")).all():
        keep_head(bind, mid, "upgrade", at)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS chain_heads_append_only ON chain_heads")
    op.drop_table("chain_heads")
