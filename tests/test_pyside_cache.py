"""secretary/pyside_cache.py: PySide6's embedded support modules compiled once and
then read from the user cache folder, with anything odd about the cache meaning
"compile as usual"."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
from pathlib import Path

from secretary.pyside_cache import embedded_bytecode_cached

ROOT = Path(__file__).resolve().parent.parent

SOURCE = b"def answer(x: Undefined) -> int:\n    return 42\n"


def compiled_in(folder: Path, source: bytes = SOURCE, name: str = "pkg/mod.py"):
    with embedded_bytecode_cached(folder):
        return compile(source, name, "exec")  # as shiboken's embedded importer does


def run(code) -> dict:
    ns: dict = {}
    exec(code, ns)
    return ns


def test_the_second_compile_comes_from_the_cache(tmp_path, monkeypatch):
    first = compiled_in(tmp_path)
    assert len(list(tmp_path.iterdir())) == 1
    calls = []
    real = builtins.compile

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(builtins, "compile", counting)
    again = compiled_in(tmp_path)
    assert "pkg/mod.py" not in calls  # read, not compiled
    assert again.co_code == first.co_code and run(again)["answer"](1) == 42
    assert builtins.compile is counting  # put back as it was found


def test_the_callers_future_flags_are_kept_and_this_modules_are_not(tmp_path):
    """The real compile inherits the caller's ``from __future__`` imports: so does the
    cached one -- and not pyside_cache's own (``annotations``) when the caller has
    none, which would change what PySide6's modules do with their annotations."""
    import __future__

    postponed = __future__.annotations.compiler_flag
    caller_without_futures = "code = compile(source, 'pkg/plain.py', 'exec')\n"
    ns = {"source": SOURCE}
    with embedded_bytecode_cached(tmp_path):
        exec(compile(caller_without_futures, "<caller>", "exec", dont_inherit=True), ns)
    assert not ns["code"].co_flags & postponed
    with embedded_bytecode_cached(tmp_path):  # this test module has the future import
        code = compile(SOURCE, "pkg/futures.py", "exec")
    assert code.co_flags & postponed
    assert run(code)["answer"].__annotations__ == {"x": "Undefined", "return": "int"}


def test_a_changed_source_is_compiled_afresh(tmp_path):
    compiled_in(tmp_path)
    changed = compiled_in(tmp_path, SOURCE.replace(b"42", b"43"))
    assert run(changed)["answer"](1) == 43


def test_a_damaged_or_foreign_cache_file_is_compiled_over(tmp_path):
    compiled_in(tmp_path)
    (stored,) = tmp_path.iterdir()
    stored.write_bytes(b"\x00not marshal")
    assert run(compiled_in(tmp_path))["answer"](1) == 42
    (stored,) = tmp_path.iterdir()
    import marshal

    stored.write_bytes(marshal.dumps(("pkg/mod.py", b"other source", compile("1", "x", "exec"))))
    assert run(compiled_in(tmp_path))["answer"](1) == 42


def test_a_cache_that_cannot_be_written_compiles_as_usual(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert run(compiled_in(blocked / "cache"))["answer"](1) == 42


def test_other_compiles_are_left_alone(tmp_path):
    with embedded_bytecode_cached(tmp_path):
        compile("x = 1", "<string>", "exec")
        compile(SOURCE, "/abs/path/mod.py", "exec")
        compile(SOURCE.decode(), "pkg/text.py", "exec")
    assert not list(tmp_path.iterdir())


def test_pyside6_imports_from_the_cache_and_still_works(tmp_path):
    """Twice in fresh interpreters: the first fills the cache, the second reads it;
    PySide6's signature support (built from those modules) answers both times."""
    script = (  # PySide6 explains a wrong call with its signature modules
        "import secretary.ui\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "app = QApplication([])\n"
        "try:\n"
        "    QWidget().setWindowTitle(1)\n"
        "except TypeError as exc:\n"
        "    print(exc)\n"
    )
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path),
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("SECRETARY_NO_BYTECODE_CACHE", None)
    outputs = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT
        )
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert "Supported signatures" in outputs[0] and "arg__1: str" in outputs[0]
    stored = list((tmp_path / "cluster-secretary").glob("pyside-*/*"))
    assert len(stored) >= 10  # shibokensupport's modules
