"""Papers kept inside the record (issue 19: the agenda and its papers).

Revision ID: 0007
Revises: 0006

``paper_files``: the bytes of every paper attached to an agenda item, keyed by their
SHA-256 (the ``paper_attached`` event names the hash, title and file name; the same
file attached twice is kept once). Written in the same transaction as the event.
Append-only like the events: a paper withdrawn is an event, its bytes stay.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "paper_files",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.String(32), nullable=False),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER paper_files_no_{verb.lower()} BEFORE {verb} ON paper_files "
                "BEGIN SELECT RAISE(ABORT, 'paper files are append-only'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION paper_files_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'paper files are append-only'; END; $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER paper_files_append_only BEFORE UPDATE OR DELETE "
            "ON paper_files FOR EACH ROW EXECUTE FUNCTION paper_files_append_only()"
        )


def downgrade() -> None:
    op.drop_table("paper_files")  # its triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS paper_files_append_only()")
