import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SECRETARY_NO_SETTINGS", "1")
# The program's log file (secretary/logs.py) goes to a throw-away folder, never the user's.
if "SECRETARY_LOG_DIR" not in os.environ:
    _LOGS = tempfile.mkdtemp(prefix="secretary-test-logs-")
    os.environ["SECRETARY_LOG_DIR"] = _LOGS
    atexit.register(shutil.rmtree, _LOGS, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = Path(__file__).resolve().parent / "scenarios"
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Hypothesis: short locally, long in CI (tests/examples.py scales each test's count).
from examples import SHARE  # noqa: E402

for _name, _share in SHARE.items():
    # CI's examples are the same at every run (a landing is not decided by which ones
    # a random seed drew); a local run draws new ones each time and keeps hunting.
    settings.register_profile(_name, max_examples=_share, derandomize=_name == "ci")
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "dev")
)


@pytest.fixture(autouse=True)
def _engine_language_restored():
    """A test that runs a command in Welsh (SECRETARY_LANGUAGE=cy) sets the engine's
    language for the whole worker process; put it back, so that the next test on the
    same worker does not read Welsh where it expects English."""
    from secretary import i18n

    before = i18n.language()
    yield
    i18n.set_language(before)


@pytest.fixture
def worked_example() -> Path:
    return SCENARIOS / "worked-example.json"


@pytest.fixture
def record_path(tmp_path: Path) -> Path:
    return tmp_path / "record.sqlite"


# --------------------------------------------------------------------------- PostgreSQL
# The PostgreSQL tests use SECRETARY_TEST_PG_URL (CI's .ci/run sets it), or else a
# private server started here for the session when PostgreSQL is installed; without
# either they are skipped with the reason (see tests/pg.py, docs/central-record.md).


@pytest.fixture(scope="session")
def pg_server():
    import pg

    url = os.environ.get(pg.ENV)
    server = None
    if not url:
        if pg.server_bin() is None:
            pytest.skip(f"PostgreSQL tests: {pg.ENV} is unset and PostgreSQL is not installed")
        server = pg.start_server()
        url = server.url
    try:
        pg.make_template(url)
    except Exception as exc:  # a server we were given but cannot use: say so
        if server is not None:
            server.stop()
        pytest.fail(f"PostgreSQL at {url}: cannot prepare the test template: {exc}")
    yield url
    if server is not None:
        server.stop()


@pytest.fixture
def pg_url(pg_server):
    """A fresh, migrated PostgreSQL database for one test; dropped afterwards."""
    import pg

    url = pg.new_database(pg_server)
    yield url
    pg.drop_database(pg_server, url)


@pytest.fixture(params=["sqlite", "postgresql"])
def record_target(request, tmp_path) -> str:
    """A record to test on: an SQLite file, and a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "record.sqlite")
    return request.getfixturevalue("pg_url")
