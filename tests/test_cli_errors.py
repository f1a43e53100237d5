"""The command line on a failure: one line for the person, the traceback in the log."""

from __future__ import annotations

import pytest

from secretary import logs
from secretary.cli import main as cli
from secretary.cli import terms as terms_cli
from secretary.store.errors import RecordError


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(folder))
    yield folder
    logs.stop_logging()


def test_an_unexpected_error_is_one_line_and_a_logged_traceback(log_dir, monkeypatch, capsys):
    def bug(*_a, **_k):
        raise KeyError("a bug nobody expected")

    monkeypatch.setattr(terms_cli, "run_list", bug)
    assert cli.main(["terms", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "KeyError" in err and str(log_dir / logs.LOG_NAME) in err
    logged = (log_dir / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "KeyError: 'a bug nobody expected'" in logged


def test_a_secretary_error_is_one_line_and_no_traceback(log_dir, monkeypatch, capsys):
    def refused(*_a, **_k):
        raise RecordError("record.sqlite: the disk is full")

    monkeypatch.setattr(terms_cli, "run_list", refused)
    assert cli.main(["terms", "list"]) == 2
    assert capsys.readouterr().err == "secretary: record.sqlite: the disk is full\n"
