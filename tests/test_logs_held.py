"""The window's log file is set up once it is shown: what is logged before is kept
and written then, never lost."""

from __future__ import annotations

import logging
from pathlib import Path

from secretary import logs


def test_records_logged_before_the_file_is_set_up_are_written_to_it(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path))
    logs.stop_logging()
    try:
        logs.hold_logging()
        logging.getLogger("secretary.test").warning("before the window was shown")
        logging.getLogger("secretary.test").debug("too fine to keep")
        assert not (tmp_path / logs.LOG_NAME).exists()
        assert logs.setup_logging() == tmp_path / logs.LOG_NAME
        logging.getLogger("secretary.test").error("after")
        text = (tmp_path / logs.LOG_NAME).read_text(encoding="utf-8")
        assert text.index("before the window was shown") < text.index("after")
        assert "too fine" not in text
        assert not any(isinstance(h, logs._Held) for h in logging.getLogger().handlers)
    finally:
        logs.stop_logging()


def test_held_records_go_to_stderr_when_no_log_file_can_be_written(
    tmp_path: Path, monkeypatch, capsys
):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(blocked / "logs"))
    logs.stop_logging()
    try:
        logs.hold_logging()
        logging.getLogger("secretary.test").warning("nowhere to write this")
        assert logs.setup_logging() is None
        assert "nowhere to write this" in capsys.readouterr().err
    finally:
        logs.stop_logging()
