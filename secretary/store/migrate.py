"""Schema versions: Alembic upgrades, and a cheap check of the current revision.

Alembic itself is imported only when a record needs upgrading, which keeps
start-up fast for the common case of opening an up-to-date record.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0007"  # tests check this equals Alembic's head


@cache
def known_revisions() -> set[str]:
    found = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        m = re.search(r'^revision = "([^"]+)"', path.read_text(encoding="utf-8"), re.M)
        if m:
            found.add(m.group(1))
    return found


def current_revision(conn: Any) -> str | None:
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def alembic_config(conn: Any = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def upgrade(conn: Any, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(conn), revision)


def upgrade_atomically(url: Any, on_connect: Any = None, revision: str = "head") -> None:
    """Upgrade a record in ONE transaction: killed at any moment, it is either
    still the old schema or wholly the new one.

    Python's sqlite3 (in its default, legacy transaction mode) commits every
    CREATE/ALTER on its own; SQLite itself can roll DDL back. So the driver's
    own transaction control is switched off on a private connection
    (``isolation_level = None``) and the transaction is begun explicitly —
    SQLAlchemy's documented pysqlite recipe. PostgreSQL's DDL is transactional
    through the driver as it is.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    if engine.dialect.name == "sqlite":

        def connected(dbapi_conn: Any, record: Any) -> None:
            if on_connect is not None:
                on_connect(dbapi_conn, record)  # pragmas first: WAL cannot switch in a txn
            dbapi_conn.isolation_level = None

        def begun(conn: Any) -> None:
            # IMMEDIATE: the write lock first, so no reader's snapshot can stall it midway.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        event.listen(engine, "connect", connected)
        event.listen(engine, "begin", begun)
    try:
        with engine.begin() as conn:
            upgrade(conn, revision)
    finally:
        engine.dispose()


def alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
