"""Every table is in store/models.py, and the migrations make exactly those tables.

Alembic's autogenerate compares a migrated record with ``Base.metadata``: a table
declared somewhere else (or not at all), a column a migration adds that the model
lacks, or the reverse, shows up as a proposed change.
"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from secretary.store import Record
from secretary.store.models import Base


def proposed_changes(record: Record) -> list[object]:
    with record.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def test_autogenerate_proposes_nothing(record_target) -> None:
    record = Record(record_target)
    try:
        assert proposed_changes(record) == []
    finally:
        record.close()


def test_every_table_of_the_record_is_a_model(record_path) -> None:
    record = Record(record_path)
    try:
        with record.engine.connect() as conn:
            from sqlalchemy import inspect

            tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
    finally:
        record.close()
    assert tables == set(Base.metadata.tables)


def test_the_comparison_sees_a_missing_model(record_path) -> None:
    """Without one table's model, autogenerate would propose dropping it: what this
    test is for."""
    record = Record(record_path)
    try:
        table = Base.metadata.tables["sync_log"]
        Base.metadata.remove(table)
        try:
            changes = proposed_changes(record)
        finally:
            Base.metadata._add_table(table.name, table.schema, table)
        assert any(c[0] == "remove_table" and c[1].name == "sync_log" for c in changes)
    finally:
        record.close()
