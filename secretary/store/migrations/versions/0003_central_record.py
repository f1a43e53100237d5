"""The central record: meeting leases, check-outs, and events set aside at check-in.

Revision ID: 0003
Revises: 0002

- ``meeting_leases``: one writer per meeting of a central (PostgreSQL) record.
  A row names the holder (user@host, process id), why (``recording`` in the
  window or a command, ``checkout`` to a venue record) and until when (NULL: until
  the meeting is checked in). Others see it (``secretary leases``) and are refused.
- ``sync_checkouts``: in a venue record, where each meeting was checked out from,
  when, and the lease that holds the central copy; ``checked_in_at`` is set once
  it is merged back.
- ``sync_set_aside``: venue events the secretary chose not to add to a meeting
  when resolving a conflict (``--resolve central``). Kept, never deleted.
- ``sync_log``: every check-out and check-in of the record, what it added and
  how a conflict was resolved. Append-only.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting_leases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("holder", sa.String(200), nullable=False),
        sa.Column("pid", sa.Integer, nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("venue", sa.String(500), nullable=False),
        sa.Column("token", sa.String(36), nullable=False),
        sa.Column("acquired_at", sa.String(32), nullable=False),
        sa.Column("renewed_at", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.String(32), nullable=True),
    )
    op.create_table(
        "sync_checkouts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_uuid", sa.String(36), nullable=False),
        sa.Column("origin", sa.String(500), nullable=False),
        sa.Column("lease_token", sa.String(36), nullable=False),
        sa.Column("checked_out_at", sa.String(32), nullable=False),
        sa.Column("checked_in_at", sa.String(32), nullable=True),
        sa.Column("author", sa.String(100), nullable=False),
    )
    op.create_table(
        "sync_set_aside",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_uuid", sa.String(36), nullable=False),
        sa.Column("event_uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("source", sa.String(500), nullable=False),
        sa.Column("set_aside_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "sync_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_uuid", sa.String(36), nullable=False),
        sa.Column("direction", sa.String(10), nullable=False),
        sa.Column("other", sa.String(500), nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("resolution", sa.String(20), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in ("sync_set_aside", "sync_log"):
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
                )
    elif dialect == "postgresql":
        for table in ("sync_set_aside", "sync_log"):
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION between_append_only()"
            )


def downgrade() -> None:
    for table in ("sync_log", "sync_set_aside", "sync_checkouts", "meeting_leases"):
        op.drop_table(table)
