"""A cluster's budget: allocations per financial year and budget line.

Revision ID: 0006
Revises: 0005

``budget_allocations``: one row per allocation entered or corrected (amount in pence);
append-only like the events — the latest row for a (cluster, year, line) is in force,
and the earlier ones are kept as the history of the budget.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "budget_allocations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cluster_id", sa.Integer(), sa.ForeignKey("clusters.id"), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("line", sa.String(200), nullable=False),
        sa.Column("amount_pence", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("author", sa.String(100), nullable=False, server_default=""),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER budget_allocations_no_{verb.lower()} BEFORE {verb} "
                "ON budget_allocations "
                "BEGIN SELECT RAISE(ABORT, 'budget allocations are append-only'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION budget_allocations_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'budget allocations are append-only'; END; $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER budget_allocations_append_only BEFORE UPDATE OR DELETE "
            "ON budget_allocations FOR EACH ROW EXECUTE FUNCTION budget_allocations_append_only()"
        )


def downgrade() -> None:
    op.drop_table("budget_allocations")  # its triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS budget_allocations_append_only()")
