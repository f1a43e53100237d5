"""A throw-away PostgreSQL server for the tests, and a fresh database per test.

The tests use the server named by ``SECRETARY_TEST_PG_URL`` (CI's ``.ci/run``
starts one and sets it). When it is unset and the PostgreSQL server programs are
installed (Debian: ``apt-get install postgresql``), ``start_server()`` starts one
for the test session on loopback, in a folder under /tmp that the ``postgres``
user can reach (initdb and postgres refuse to run as root), and stops it at the
end. Without either, the PostgreSQL tests are skipped with the reason.

Each test gets its own database, copied from a template that is migrated once
(``CREATE DATABASE ... TEMPLATE``): quick, and no test sees another's rows.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

ENV = "SECRETARY_TEST_PG_URL"
# One template per pytest-xdist worker: a worker re-creating its template never
# drops the one another worker is copying from.
TEMPLATE = "secretary_template" + (
    f"_{os.environ['PYTEST_XDIST_WORKER']}" if os.environ.get("PYTEST_XDIST_WORKER") else ""
)


def server_bin() -> Path | None:
    """The folder of initdb/pg_ctl, or None when PostgreSQL is not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str  # postgresql+psycopg://postgres@127.0.0.1:PORT/postgres
    folder: Path | None  # None: a server we did not start
    bin: Path | None = None

    def stop(self) -> None:
        if self.folder is None or self.bin is None:
            return
        subprocess.run(
            _as_postgres(
                [
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.folder / "data"),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ]
            ),
            capture_output=True,
            check=False,
            timeout=60,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def start_server() -> Server:
    """Start a private server on 127.0.0.1 (trust authentication, no fsync: tests)."""
    bindir = server_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed")
    folder = Path(tempfile.mkdtemp(prefix="secretary-pg-", dir="/tmp"))
    folder.chmod(0o755)
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = _free_port()
    subprocess.run(
        _as_postgres(
            [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"]
        ),
        capture_output=True,
        check=True,
        timeout=120,
    )
    opts = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    subprocess.run(
        _as_postgres(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                opts,
                "-l",
                str(folder / "log"),
                "-w",
                "start",
            ]
        ),
        capture_output=True,
        check=True,
        timeout=120,
    )
    return Server(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", folder, bindir)


def admin_url(server_url: str, database: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(server_url).set(database=database).render_as_string(hide_password=False)


def _autocommit(server_url: str):  # type: ignore[no-untyped-def]
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(server_url)
    return psycopg.connect(
        host=u.host or "127.0.0.1",
        port=u.port or 5432,
        user=u.username or "postgres",
        password=u.password,
        dbname=u.database or "postgres",
        autocommit=True,
    )


def make_template(server_url: str) -> None:
    """(Re)create the migrated template database every test database is copied from."""
    from secretary.store.record import Record

    with _autocommit(server_url) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {TEMPLATE}")
        conn.execute(f"CREATE DATABASE {TEMPLATE}")
    record = Record(admin_url(server_url, TEMPLATE))
    record.close()


def new_database(server_url: str) -> str:
    """A fresh, migrated database; returns its URL."""
    name = "t_" + uuid.uuid4().hex[:16]
    with _autocommit(server_url) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    return admin_url(server_url, name)


def copy_database(server_url: str, url: str) -> str:
    """A copy of the database at ``url`` (nobody may be connected to it)."""
    from sqlalchemy.engine import make_url

    source = make_url(url).database
    name = "t_" + uuid.uuid4().hex[:16]
    with _autocommit(server_url) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {source}")
    return admin_url(server_url, name)


def drop_database(server_url: str, url: str) -> None:
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    with _autocommit(server_url) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
