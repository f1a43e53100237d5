"""The command line in Welsh: SECRETARY_LANGUAGE=cy (or a Welsh locale) gives
Welsh help, Welsh messages and argparse's own words in Welsh."""

from __future__ import annotations

import re

import pytest
from test_i18n_catalogue import pipeline

from secretary import i18n
from secretary.cli.main import main


@pytest.fixture
def cymraeg(monkeypatch):
    monkeypatch.setenv("SECRETARY_LANGUAGE", "cy")
    yield
    i18n.set_language("en")


def test_language_from_the_environment(monkeypatch):
    for name in ("SECRETARY_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert i18n.language_from_environment() == "en"
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    assert i18n.language_from_environment() == "cy"
    monkeypatch.setenv("SECRETARY_LANGUAGE", "en")  # the app's own setting first
    assert i18n.language_from_environment() == "en"


def test_help_in_welsh(cymraeg, capsys):
    with pytest.raises(SystemExit) as done:
        main(["export", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("defnydd: secretary export")
    assert "opsiynau:" in out and "dangos y neges gymorth hon a gadael" in out
    assert "iaith y dogfennau" in out
    assert "usage" not in out and "show this help" not in out


def test_errors_in_welsh(cymraeg, capsys, tmp_path):
    assert main(["export", "--db", str(tmp_path / "none.sqlite"), "--meeting", "1"]) == 2
    assert "nid oes cofnod o'r fath" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "--language", "fr"])
    err = capsys.readouterr().err
    assert "gwall" in err and "dewis annilys" in err


def test_argparse_translations_keep_their_markers():
    catalogue = pipeline.read_catalogue()
    for en in pipeline.ARGPARSE:
        cy = catalogue[en]
        assert sorted(re.findall(r"%\(\w+\)[sr]|%[sr]", cy)) == sorted(
            re.findall(r"%\(\w+\)[sr]|%[sr]", en)
        ), en
        assert cy.endswith("\n") == en.endswith("\n") and cy.endswith(" ") == en.endswith(" ")
