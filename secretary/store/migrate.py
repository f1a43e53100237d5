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
HEAD = "0004"  # tests check this equals Alembic's head


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


def alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
