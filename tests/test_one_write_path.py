"""The window and the command line change the record only through ``secretary.app``.

Every module of ``secretary/ui`` and ``secretary/cli`` is read (its syntax tree, not
its text): none may import a write API of the store nor call ``record_event`` on
anything; and nothing below ``ui`` imports Qt (so nothing below it emits a signal).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "secretary"

# The store's functions that change a record. Reading (meeting_list, approval_for,
# outside_decisions, ...) stays open to the window and the command line.
WRITE_APIS = {
    "secretary.store.live": {"LiveMeeting.record_event"},
    "secretary.store.approval": {"approve_minutes"},
    "secretary.store.series": {
        "carry_forward",
        "prepare_meeting",
        "ratify",
        "record_outside_decision",
        "mark_sent",
    },
    "secretary.store.clusters": {
        "create_meeting_for_cluster",
        "create_cluster",
        "set_terms",
        "add_person",
        "update_person",
        "end_person",
        "apply_roster",
    },
    "secretary.store.next_meeting": {"create_meeting_like"},
    "secretary.store.backup": {"backup_record", "restore_backup"},
    "secretary.store.sync": {"checkout", "checkin"},
    "secretary.store.lease": {"break_lease"},
}
# Methods that write whatever object they are called on.
WRITE_METHODS = {"record_event", "create_meeting", "append"}
ALLOWED_CALLS: set[tuple[str, str]] = set()  # (module, method) exceptions: none


def modules(*layers: str) -> list[Path]:
    return sorted(p for layer in layers for p in (PACKAGE / layer).rglob("*.py"))


def rel(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def write_imports(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in WRITE_APIS:
            for alias in node.names:
                if alias.name in WRITE_APIS[node.module]:
                    found.append(f"{node.module}.{alias.name}")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            # ``cl.create_meeting_for_cluster`` after ``from secretary.store import clusters as cl``
            for module, names in WRITE_APIS.items():
                if node.attr in names and node.value.id in aliases_of(tree, module):
                    found.append(f"{module}.{node.attr}")
    return found


def aliases_of(tree: ast.AST, module: str) -> set[str]:
    package, _, name = module.rpartition(".")
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == package:
            out |= {a.asname or a.name for a in node.names if a.name == name}
        if isinstance(node, ast.Import):
            out |= {a.asname for a in node.names if a.name == module and a.asname}
    return out


def write_calls(tree: ast.AST, path: str) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in WRITE_METHODS
            and (path, node.func.attr) not in ALLOWED_CALLS
        ):
            receiver = ast.unparse(node.func.value)
            if node.func.attr == "append" and not receiver.endswith("record"):
                continue  # list.append
            found.append(f"{receiver}.{node.func.attr}(...) line {node.lineno}")
    return found


@pytest.mark.parametrize("path", modules("ui", "cli"), ids=rel)
def test_ui_and_cli_write_only_through_app_operations(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = write_imports(tree) + write_calls(tree, rel(path))
    assert not problems, f"{rel(path)} writes around secretary.app: {problems}"


@pytest.mark.parametrize("path", modules("domain", "store", "export", "app"), ids=rel)
def test_nothing_below_ui_imports_qt(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
        assert not any(n.startswith(("PySide6", "PyQt")) for n in names), rel(path)


def test_the_check_finds_a_write_around_the_app() -> None:
    """The test above can fail: a module that records directly is caught."""
    source = (
        "from secretary.store import clusters as cl\n"
        "from secretary.store.approval import approve_minutes\n"
        "def f(live, record):\n"
        "    live.record_event({'type': 'note'})\n"
        "    cl.create_meeting_for_cluster(record, 1, None)\n"
    )
    tree = ast.parse(source)
    assert sorted(write_imports(tree)) == [
        "secretary.store.approval.approve_minutes",
        "secretary.store.clusters.create_meeting_for_cluster",
    ]
    assert write_calls(tree, "secretary/ui/x.py") == ["live.record_event(...) line 4"]
