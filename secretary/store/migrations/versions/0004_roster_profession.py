"""The roster says what each person is, for QAIF attendance.

Revision ID: 0004
Revises: 0003

- ``roster_entries.profession``: gp, clinician, practice-manager, administrator, other
  or "" (not said);
- ``roster_entries.substitute_agreed``: the health board agreed this person (not a GP)
  represents the practice at cluster meetings (seed terms 2.2, footnote).

Existing entries say nothing (""/false): the attendance-year report then counts them
as "not said" rather than guessing.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("roster_entries") as batch:
        batch.add_column(sa.Column("profession", sa.String(30), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("substitute_agreed", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("roster_entries") as batch:
        batch.drop_column("substitute_agreed")
        batch.drop_column("profession")
