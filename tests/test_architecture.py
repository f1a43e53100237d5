"""The shape of the code: layers kept (import-linter), no import cycles, and no
module reaching into another's private helpers."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "secretary"


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Every group of modules that import one another, directly or round a loop
    (Tarjan's strongly connected components over the import graph)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:
        # Iterative, so a deep import chain cannot hit the recursion limit.
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


# Known, to be untangled by its owner: terms.parse_terms(strict=True) asks
# terms_check.refusals, which (with wording) reads the terms' own helpers. Nothing
# may join it, and no other cycle may appear.
KNOWN_CYCLES: list[list[str]] = []


def test_no_import_cycles() -> None:
    # Imports under `if TYPE_CHECKING:` are annotations only and never run.
    graph = grimp.build_graph("secretary", cache_dir=None, exclude_type_checking_imports=True)
    assert [c for c in import_cycles(graph) if c not in KNOWN_CYCLES] == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("a", "a.b", "a.c", "a.d"):
        graph.add_module(name)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.d")
    graph.add_import(importer="a.d", imported="a.b")
    assert import_cycles(graph) == [["a.b", "a.c", "a.d"]]


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def private_uses(source: str, here: str) -> list[str]:
    """``from secretary.x import _helper`` or ``x._helper`` in a module other than x.
    (``_`` itself, the translation function, is public by convention.)"""
    tree = ast.parse(source)
    modules: dict[str, str] = {}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("secretary"):
            for alias in node.names:
                name = alias.name
                if name.startswith("_") and not name.startswith("__") and name != "_":
                    if node.module != here:
                        found.append(f"{here}:{node.lineno} imports {node.module}.{name}")
                else:
                    modules[alias.asname or name] = f"{node.module}.{name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("secretary") and alias.asname:
                    modules[alias.asname] = alias.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            owner = modules[node.value.id]
            if owner != here:
                found.append(f"{here}:{node.lineno} uses {owner}.{node.attr}")
    return found


def test_no_private_helper_is_used_across_modules() -> None:
    found = [
        use
        for path in sorted(PACKAGE.rglob("*.py"))
        for use in private_uses(path.read_text(encoding="utf-8"), _module_name(path))
    ]
    assert found == []


def test_the_private_use_finder_finds_one() -> None:
    source = (
        "from secretary.store.record import _db_problem\n"
        "from secretary.store import lease\n"
        "lease._later(1)\n"
    )
    assert private_uses(source, "secretary.store.probe") == [
        "secretary.store.probe:1 imports secretary.store.record._db_problem",
        "secretary.store.probe:3 uses secretary.store.lease._later",
    ]
    assert private_uses(source, "secretary.store.record") == [
        "secretary.store.record:3 uses secretary.store.lease._later"
    ]


def test_the_layers_hold() -> None:
    """The contracts in pyproject.toml ([tool.importlinter]), as CI runs them."""
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    result = subprocess.run(
        [lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout and "KEPT" in result.stdout


LONG_MODULE = 400  # lines (the house style: "a module over ~400 lines says why it is one")


def test_a_long_module_says_why_it_is_one() -> None:
    silent = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if source.count("\n") <= LONG_MODULE:
            continue
        doc = ast.get_docstring(ast.parse(source)) or ""
        if "One module" not in doc:
            silent.append(f"{path.relative_to(ROOT)} ({source.count(chr(10))} lines)")
    assert silent == [], "say at the top why each is one module (or split it): " + ", ".join(silent)
