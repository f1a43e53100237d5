"""The command line imports only the named command's module; the replay report's
fast JSON writer gives json.dumps(indent=2)'s text exactly."""

from __future__ import annotations

import argparse
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary.cli.jsonout import dumps
from secretary.cli.main import COMMAND_MODULES, COMMANDS, build_parser, modules_needed


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def test_every_registered_command_is_mapped_to_its_module():
    assert _commands(build_parser()) == set(COMMAND_MODULES)
    for command, module in COMMAND_MODULES.items():
        assert command in _commands(build_parser([module]))
    assert set(COMMAND_MODULES.values()) == set(COMMANDS)


@pytest.mark.parametrize(
    ("argv", "needed"),
    [
        ([], []),
        (["--db", "r.sqlite", "--meeting", "3"], []),
        (["--demo"], []),
        (["replay", "x.json"], ["secretary.cli.replay"]),
        (["--db", "replay", "meetings"], ["secretary.cli.meetings"]),  # --db's value
        (["--language=cy", "report", "attendance"], ["secretary.cli.report"]),
        (["--lang", "cy", "checkin"], ["secretary.cli.sync"]),
        (["--help"], COMMANDS),
        (["no-such-command"], COMMANDS),  # argparse lists them all in its refusal
    ],
)
def test_modules_needed(argv, needed):
    assert modules_needed(argv) == needed


def test_unknown_command_is_still_refused_with_the_list(capsys):
    from secretary.cli.main import main

    with pytest.raises(SystemExit):
        main(["no-such-command"])
    assert "replay" in capsys.readouterr().err


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_fast_json_is_json_dumps_text(value):
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_fast_json_leaves_other_keys_and_types_to_the_standard_library():
    for value in ({1: "a"}, {"a": (1, 2)}, [1.5, -0.0, 2**80]):
        assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)
