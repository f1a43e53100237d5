"""Between meetings: approved (locked) minutes, and decisions taken outside meetings.

Revision ID: 0002
Revises: 0001

- ``minutes_approvals``: one row per meeting whose minutes were approved (5.7),
  naming the meeting that approved them, the date, any amendments and the
  fingerprint (sha256) of the approved meeting's event log. Append-only.
- A trigger refuses any new event for a meeting that has an approval row, so
  approved minutes stay locked whatever program writes to the record.
- ``outside_decisions``: decisions taken remotely (3.2.7, 5.1) and the Cluster
  Lead's urgent action (3.2.9), recorded between meetings. Their ratification
  or noting is an event in a later meeting, so this table is append-only too.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Worded without "locked": the record's error reporting reads that as a busy database.
LOCKED_MESSAGE = "the minutes of this meeting are approved; approved minutes cannot be changed"


def upgrade() -> None:
    op.create_table(
        "minutes_approvals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False, unique=True
        ),
        sa.Column(
            "approved_at_meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=True
        ),
        sa.Column("approved_on", sa.String(10), nullable=False),
        sa.Column("amendments", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("event_count", sa.Integer, nullable=False),
        sa.Column("event_uuid", sa.String(36), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
    )
    op.create_table(
        "outside_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("cluster_id", sa.Integer, sa.ForeignKey("clusters.id"), nullable=True),
        sa.Column("cluster_name", sa.String(200), nullable=False),
        sa.Column("decided_on", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("consulted", sa.Text, nullable=False),
        sa.Column("financial", sa.Boolean, nullable=False),
        sa.Column("amount", sa.Float, nullable=True),
        sa.Column("signatory", sa.String(200), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
    )
    op.create_index(
        "ix_outside_decisions_cluster", "outside_decisions", ["cluster_id", "cluster_name"]
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE TRIGGER events_approved_minutes BEFORE INSERT ON events "
            "WHEN EXISTS (SELECT 1 FROM minutes_approvals WHERE meeting_id = NEW.meeting_id) "
            f"BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END"
        )
        for table in ("minutes_approvals", "outside_decisions"):
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END"
                )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION events_approved_minutes() RETURNS trigger AS $$ BEGIN "
            "IF EXISTS (SELECT 1 FROM minutes_approvals WHERE meeting_id = NEW.meeting_id) "
            f"THEN RAISE EXCEPTION '{LOCKED_MESSAGE}'; END IF; RETURN NEW; END; $$ "
            "LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER events_approved_minutes BEFORE INSERT ON events "
            "FOR EACH ROW EXECUTE FUNCTION events_approved_minutes()"
        )
        op.execute(
            "CREATE FUNCTION between_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME; END; $$ "
            "LANGUAGE plpgsql"
        )
        for table in ("minutes_approvals", "outside_decisions"):
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION between_append_only()"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS events_approved_minutes")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS events_approved_minutes ON events")
        op.execute("DROP FUNCTION IF EXISTS events_approved_minutes()")
    op.drop_table("outside_decisions")
    op.drop_table("minutes_approvals")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS between_append_only()")
