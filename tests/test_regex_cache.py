"""secretary/regex_cache.py: a regular expression's program is compiled once and then
made from the user cache folder; the pattern made is the one ``re`` makes, and
anything odd about the cache means "compile as usual"."""

from __future__ import annotations

import marshal
import re
import threading
from pathlib import Path

import pytest

from secretary import regex_cache
from secretary.regex_cache import FILE_NAME, regexes_compiled_cached
from secretary.user_cache import NO_CACHE_ENV

# Of every kind: groups named and not, flags inline and given, bytes, look-arounds,
# repeats, classes, back-references, alternations; and one of PySide6's own (the
# largest the window's start compiles).
PATTERNS: list[tuple[str | bytes, int]] = [
    (r"^(?P<kind>Remote decision|Chair's urgent action) of (?P<day>\d{1,2})", 0),
    (r"(?i)siân\s+(ap|ab)\s+\w+", 0),
    (r"^\d{1,3}[a-z]?(\.\d{1,2})?$", 0),
    (r"(?<=Item )(\d+)(?!\d)|(?P<word>\b\w+\b)\s+(?P=word)", re.MULTILINE),
    (r"[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]+", re.IGNORECASE | re.ASCII),
    (r"(a|b)*?c{2,5}+", re.DOTALL),
    (rb"^revision = \"([^\"]+)\"", 0),
    (
        r"""
        \b                      # edge of a word
        (?P<name> [A-Za-z_]\w* )
        (?: \s* \[ (?P<args> [^\]]* ) \] )?
        """,
        re.VERBOSE,
    ),
]

SAMPLES = [
    "Remote decision of 12 March",
    "Siân ap Rhys",
    "4b.12",
    "Item 7 the the",
    "clerk@cluster.wales",
    "ababcccc",
    'revision = "0007"',
    "QtCore.Qt[AlignmentFlag]",
]


def compiled_fresh(pattern: str | bytes, flags: int) -> re.Pattern[str] | re.Pattern[bytes]:
    re.purge()  # re's own cache of patterns, above this one
    return re.compile(pattern, flags)


def same_pattern(ours: re.Pattern, theirs: re.Pattern) -> None:  # type: ignore[type-arg]
    assert ours == theirs  # the text, the flags and the whole program
    assert (ours.flags, ours.groups, dict(ours.groupindex)) == (
        theirs.flags,
        theirs.groups,
        dict(theirs.groupindex),
    )
    for sample in SAMPLES:
        text: str | bytes = sample.encode() if isinstance(ours.pattern, bytes) else sample
        found, expected = ours.search(text), theirs.search(text)  # type: ignore[arg-type]
        assert (found and (found.span(), found.groups(), found.groupdict())) == (
            expected and (expected.span(), expected.groups(), expected.groupdict())
        )


def counting_compiles(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Each pattern ``re`` parses itself (what the cache spares)."""
    parsed: list[object] = []
    real = re._parser.parse  # type: ignore[attr-defined]

    def counting(p, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(p)
        return real(p, *args, **kwargs)

    monkeypatch.setattr(re._parser, "parse", counting)  # type: ignore[attr-defined]
    return parsed


def test_a_pattern_is_compiled_once_and_then_made_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = [compiled_fresh(p, f) for p, f in PATTERNS]
    with regexes_compiled_cached(tmp_path):
        first = [compiled_fresh(p, f) for p, f in PATTERNS]
    assert (tmp_path / FILE_NAME).exists()
    parsed = counting_compiles(monkeypatch)
    with regexes_compiled_cached(tmp_path):
        second = [compiled_fresh(p, f) for p, f in PATTERNS]
    assert parsed == []  # none parsed afresh: all made from their stored programs
    for ours, theirs in zip(first + second, expected + expected, strict=True):
        same_pattern(ours, theirs)


def test_the_block_puts_re_back_and_a_nested_block_stores_nothing(tmp_path: Path) -> None:
    real = re._compiler.compile  # type: ignore[attr-defined]
    with regexes_compiled_cached(tmp_path / "outer"), regexes_compiled_cached(tmp_path / "in"):
        compiled_fresh(r"nested (\w+)", 0)
    assert re._compiler.compile is real  # type: ignore[attr-defined]
    assert (tmp_path / "outer" / FILE_NAME).exists()
    assert not (tmp_path / "in").exists()


def test_a_bad_pattern_is_refused_as_re_refuses_it(tmp_path: Path) -> None:
    with regexes_compiled_cached(tmp_path), pytest.raises(re.error, match="missing \\)"):
        compiled_fresh(r"(unclosed", 0)
    with regexes_compiled_cached(tmp_path):  # and nothing of it was kept
        compiled_fresh(r"closed", 0)
    stored = marshal.loads((tmp_path / FILE_NAME).read_bytes())
    assert ("closed", 0) in stored[1] and ("(unclosed", 0) not in stored[1]


@pytest.mark.parametrize(
    "damage",
    [
        b"not marshal at all",
        marshal.dumps(["a list, not the file's shape"]),
        "edition",  # made for another Python / another _sre
        "programs",  # every stored program nonsense
    ],
)
def test_a_damaged_or_foreign_file_is_as_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    with regexes_compiled_cached(tmp_path):
        for p, f in PATTERNS:
            compiled_fresh(p, f)
    path = tmp_path / FILE_NAME
    edition, programs = marshal.loads(path.read_bytes())
    if damage == "edition":
        path.write_bytes(marshal.dumps((((2, 7, 18),) + tuple(edition[1:]), programs)))
    elif damage == "programs":
        bad = {key: (0, [999999, 1, 2], 0, {}, ()) for key in programs}
        bad[next(iter(programs))] = "not a program"  # type: ignore[assignment]
        path.write_bytes(marshal.dumps((edition, bad)))
    else:
        assert isinstance(damage, bytes)
        path.write_bytes(damage)
    parsed = counting_compiles(monkeypatch)
    with regexes_compiled_cached(tmp_path):
        made = [compiled_fresh(p, f) for p, f in PATTERNS]
    assert len(parsed) >= len(PATTERNS)  # compiled as re compiles them
    monkeypatch.undo()
    for ours, (p, f) in zip(made, PATTERNS, strict=True):
        same_pattern(ours, compiled_fresh(p, f))
    # ... and the file is whole again for the next start.
    assert marshal.loads(path.read_bytes())[0] == edition


def test_turned_off_it_reads_and_keeps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    real = re._compiler.compile  # type: ignore[attr-defined]
    with regexes_compiled_cached():
        assert re._compiler.compile is real  # type: ignore[attr-defined]
        compiled_fresh(r"off (\d+)", 0)
    assert list(tmp_path.iterdir()) == []


def test_the_file_keeps_this_runs_patterns_first_and_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regex_cache, "KEPT", 5)
    with regexes_compiled_cached(tmp_path):
        for n in range(4):
            compiled_fresh(rf"earlier {n}", 0)
    with regexes_compiled_cached(tmp_path):
        for n in range(3):
            compiled_fresh(rf"later {n}", 0)
    kept = list(marshal.loads((tmp_path / FILE_NAME).read_bytes())[1])
    assert kept[:3] == [(f"later {n}", 0) for n in range(3)]
    assert len(kept) == 5 and set(kept[3:]) < {(f"earlier {n}", 0) for n in range(4)}


def test_patterns_compiled_on_another_thread_are_kept_too(tmp_path: Path) -> None:
    with regexes_compiled_cached(tmp_path):
        worker = threading.Thread(target=compiled_fresh, args=(r"worker (\w+)", re.I))
        worker.start()
        worker.join()
    stored = marshal.loads((tmp_path / FILE_NAME).read_bytes())[1]
    assert ("worker (\\w+)", int(re.I)) in stored


def test_the_program_starts_with_the_cache_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``secretary`` (any command) compiles its patterns under the cache."""
    from secretary.main import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(NO_CACHE_ENV, raising=False)
    re.purge()
    with pytest.raises(SystemExit):  # the help, then argparse's exit
        main(["--help"])
    assert "secretary" in capsys.readouterr().out
    assert list(tmp_path.glob(f"cluster-secretary/regexes-*/{FILE_NAME}"))
