"""The Welsh catalogues: extract, update, check and compile.

Two catalogues, one pipeline (run from the project folder)::

    .venv/bin/python scripts/i18n.py            # = update + compile + check
    .venv/bin/python scripts/i18n.py update     # lupdate the .ts, extract cy.json
    .venv/bin/python scripts/i18n.py compile    # lrelease the .ts into the .qm
    .venv/bin/python scripts/i18n.py check      # list what is not translated (exit 1)
    .venv/bin/python scripts/i18n.py todo       # what is not translated, as JSON to fill in
    .venv/bin/python scripts/i18n.py apply F.json  # set translations {English: Welsh}; a key
                                                # "Context::English" sets one context only
    .venv/bin/python scripts/i18n.py prune      # drop cy.json entries no longer used
    .venv/bin/python scripts/i18n.py table      # rewrite docs/welsh.md's counted table

- ``resources/translations/secretary_cy.ts`` → ``secretary_cy.qm``: the window's
  strings (``self.tr``, ``QCoreApplication.translate``, ``QT_TRANSLATE_NOOP`` and the
  modules' own ``tr()`` helpers) found by ``pyside6-lupdate`` in ``secretary/ui``.
  lupdate files a module-level helper's strings under the wrong context (the class
  the call is in, or none), so each string is also filed under the context the
  helper really asks for at run time, a ``self.tr`` string under the contexts of
  the subclasses that inherit it, and ``dialog.tr`` after ``dialog = QDialog()``
  under QDialog; translations are kept per context, and a string new in a context
  takes the Welsh it has elsewhere.
- ``resources/translations/cy.json``: the engine's messages (domain, store, export,
  CLI), found in the source by their markers: ``_("…")``, ``msg("…")``,
  ``plural(n, "…", "…")``, ``Msg.of("…")``, ``Msg("…")``, ``in_language(lang, "…")``,
  ``tr(lang, "…")`` and the exporters' ``self.t("…")``. Existing translations are kept,
  also of messages no longer in the source (``prune`` drops those).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "secretary"
UI = PACKAGE / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "secretary_cy.ts"
QM = TRANSLATIONS / "secretary_cy.qm"
CATALOGUE = TRANSLATIONS / "cy.json"
BIN = Path(sys.executable).parent

# Engine messages looked up with a variable, so no marker shows them: the list
# joiners of secretary.domain.text.Joined, the RAG colours of the action log
# (``colour.capitalize()``), the vote choices (a casting vote, a proxy's direction)
# and the usual action statuses (secretary.i18n.if_known).
DYNAMIC = [
    "or",
    "and",
    "Red",
    "Amber",
    "Green",
    "for",
    "against",
    "abstain",
    # an action's status: stored as typed, but these usual words are translated
    "open",
    "in progress",
    "complete",
    "completed",
    "closed",
    "done",
    "cancelled",
]

# argparse's own words on the command line (usage, errors), translated by
# secretary.i18n.install_argparse().
ARGPARSE = [
    "usage: ",
    "positional arguments",
    "options",
    "show this help message and exit",
    "%(prog)s: error: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s",
    "argument %(argument_name)s: %(message)s",
    "can't open '%(filename)s': %(error)s",
    "expected at least one argument",
    "expected at most one argument",
    "expected one argument",
    "ignored explicit argument %r",
    "invalid %(type)s value: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "not allowed with argument %s",
    "one of the arguments %s is required",
    "the following arguments are required: %s",
    "unrecognized arguments: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)",
]

# Qt's own strings the window shows (standard buttons, the text boxes' context
# menu): Qt ships no Welsh catalogue, so they are translated here.
QT_STRINGS = [
    ("QPlatformTheme", "OK"),
    ("QPlatformTheme", "Save"),
    ("QPlatformTheme", "Save All"),
    ("QPlatformTheme", "Open"),
    ("QPlatformTheme", "&Yes"),
    ("QPlatformTheme", "Yes to &All"),
    ("QPlatformTheme", "&No"),
    ("QPlatformTheme", "N&o to All"),
    ("QPlatformTheme", "Abort"),
    ("QPlatformTheme", "Retry"),
    ("QPlatformTheme", "Ignore"),
    ("QPlatformTheme", "Close"),
    ("QPlatformTheme", "Cancel"),
    ("QPlatformTheme", "Discard"),
    ("QPlatformTheme", "Help"),
    ("QPlatformTheme", "Apply"),
    ("QPlatformTheme", "Reset"),
    ("QPlatformTheme", "Restore Defaults"),
    ("QPlatformTheme", "Don't Save"),
    ("QPlatformTheme", "Close without Saving"),
    ("QLineEdit", "&Undo"),
    ("QLineEdit", "&Redo"),
    ("QLineEdit", "Cu&t"),
    ("QLineEdit", "&Copy"),
    ("QLineEdit", "&Paste"),
    ("QLineEdit", "Delete"),
    ("QLineEdit", "Select All"),
    ("QWidgetTextControl", "&Undo"),
    ("QWidgetTextControl", "&Redo"),
    ("QWidgetTextControl", "Cu&t"),
    ("QWidgetTextControl", "&Copy"),
    ("QWidgetTextControl", "Copy &Link Location"),
    ("QWidgetTextControl", "&Paste"),
    ("QWidgetTextControl", "Delete"),
    ("QWidgetTextControl", "Select All"),
    ("QFileDialog", "Look in:"),
    ("QFileDialog", "&Look in:"),
    ("QFileDialog", "File &name:"),
    ("QFileDialog", "Files of type:"),
    ("QFileDialog", "Files of &type:"),
    ("QFileDialog", "Directory:"),
    ("QFileDialog", "&Choose"),
    ("QFileDialog", "Back"),
    ("QFileDialog", "Forward"),
    ("QFileDialog", "Parent Directory"),
    ("QFileDialog", "Create New Folder"),
    ("QFileDialog", "List View"),
    ("QFileDialog", "Detail View"),
    ("QFileDialog", "New Folder"),
    ("QFileDialog", "&New Folder"),
    ("QFileDialog", "&Rename"),
    ("QFileDialog", "&Delete"),
    ("QFileDialog", "Show &hidden files"),
    ("QFileSystemModel", "Name"),
    ("QFileSystemModel", "Size"),
    ("QFileSystemModel", "Type"),
    ("QFileSystemModel", "Date Modified"),
    ("QFileDialog", "&Open"),
    ("QFileDialog", "&Save"),
    ("QFileDialog", "All Files (*)"),
    ("QMessageBox", "Show Details..."),
    ("QMessageBox", "Hide Details..."),
]


# --------------------------------------------------------------------------- the window


def ui_files() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def _literal(node: ast.AST | None) -> list[str]:
    """The string(s) a marker's argument can be: a literal, either side of
    ``"a" if cond else "b"``, or literals joined with ``+``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literal(node.body) + _literal(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left and right:
            return [a + b for a in left for b in right]
    return []


def _strings_in(node: ast.AST) -> list[str]:
    """The messages a table holds: a dict's string values, a tuple's strings, or the
    last string of each row of a tuple of rows (``(id, "Title")``)."""
    if isinstance(node, ast.Dict):
        return [s for v in node.values for s in _literal(v)]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        out: list[str] = []
        for e in node.elts:
            if isinstance(e, (ast.Tuple, ast.List)) and e.elts:
                out += _literal(e.elts[-1])
            else:
                out += _literal(e)
        return out
    return []


class _Resolver:
    """Messages named through a variable: ``msg(LABELS.get(k, k))``, ``msg(LABELS[k])``,
    ``t(where)`` after ``where = "a" if … else "b"``, ``for _, title in TABLE: _(title)``."""

    def __init__(self, tree: ast.Module):
        self.assigned: dict[str, list[ast.AST]] = {}
        self.loops: dict[str, list[str]] = {}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    if isinstance(t, ast.Name):
                        self.assigned.setdefault(t.id, []).append(node.value)
        for node in ast.walk(tree):
            if isinstance(node, ast.For) and isinstance(node.iter, ast.Name):
                last = node.target.elts[-1] if isinstance(node.target, ast.Tuple) else node.target
                if isinstance(last, ast.Name):
                    for table in self.assigned.get(node.iter.id, []):
                        self.loops.setdefault(last.id, []).extend(_strings_in(table))

    def strings(self, node: ast.AST | None) -> list[str]:
        found = _literal(node)
        if found or node is None:
            return found
        f = node.func if isinstance(node, ast.Call) else None
        if isinstance(f, ast.Attribute) and f.attr == "get" and isinstance(f.value, ast.Name):
            return self._table(f.value.id)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            return self._table(node.value.id)
        if isinstance(node, ast.Name):
            out = [s for v in self.assigned.get(node.id, []) for s in _literal(v)]
            return out + self.loops.get(node.id, [])
        return []

    def _table(self, name: str) -> list[str]:
        return [s for v in self.assigned.get(name, []) for s in _strings_in(v)]


def _helper_context(tree: ast.Module) -> str | None:
    """The context of a module's helper
    ``def tr(text): return QCoreApplication.translate("ctx", text)``."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for sub in ast.walk(node):
                if (
                    isinstance(sub, ast.Call)
                    and isinstance(sub.func, ast.Attribute)
                    and sub.func.attr == "translate"
                    and sub.args
                    and _literal(sub.args[0])
                ):
                    return _literal(sub.args[0])[0]
    return None


@dataclass
class UiStrings:
    """(context, source) pairs the window asks its translator for at run time."""

    pairs: set[tuple[str, str]] = field(default_factory=set)
    where: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, context: str, source: str, where: str) -> None:
        self.pairs.add((context, source))
        self.where.setdefault((context, source), where)


def ui_strings(files: list[Path] | None = None) -> UiStrings:
    """Every translatable literal of the window with the context it is looked up in."""
    found = UiStrings()
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files or ui_files()}
    # class name -> names of the classes deriving from it (anywhere in the window)
    subclasses: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for base in node.bases:
                    name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", None)
                    if name:
                        subclasses.setdefault(name, set()).add(node.name)

    def family(name: str) -> set[str]:
        out, todo = {name}, [name]
        while todo:
            for sub in subclasses.get(todo.pop(), ()):
                if sub not in out:
                    out.add(sub)
                    todo.append(sub)
        return out

    for path, tree in trees.items():
        helper = _helper_context(tree)
        rel = path.relative_to(ROOT).as_posix()

        # `dialog = QDialog(parent)` … `dialog.tr("…")`: looked up under QDialog
        made: dict[str, set[str]] = {}
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name)
                and node.value.func.id[:1].isupper()
            ):
                for t in node.targets:
                    if isinstance(t, ast.Name):
                        made.setdefault(t.id, set()).add(node.value.func.id)

        def owner(var: str, cls: str | None, made: dict[str, set[str]] = made) -> set[str]:
            if var == "self" or var not in made:
                return family(cls) if cls else {""}
            return made[var]  # an object made here is of exactly that class

        _visit(tree, None, helper, rel, owner, found)
    return found


def _visit(node, cls, helper, rel, family, found) -> None:  # type: ignore[no-untyped-def]
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef):
            _visit(child, child.name, helper, rel, family, found)
            continue
        if isinstance(child, ast.Call):
            _ui_call(child, cls, helper, family, found, f"{rel}:{child.lineno}")
        _visit(child, cls, helper, rel, family, found)


def _ui_call(call, cls, helper, family, found: UiStrings, where: str) -> None:  # type: ignore[no-untyped-def]
    f = call.func
    name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
    args = call.args
    if name == "tr" and isinstance(f, ast.Attribute) and args:
        # self.tr("…"): looked up under the class of the object, this class or a subclass
        var = f.value.id if isinstance(f.value, ast.Name) else "self"
        for s in _literal(args[0]):
            for c in family(var, cls):
                found.add(c, s, where)
    elif name == "tr" and isinstance(f, ast.Name) and args and helper is not None:
        for s in _literal(args[0]):
            found.add(helper, s, where)
    elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
        for c in _literal(args[0]):
            for s in _literal(args[1]):
                found.add(c, s, where)


# .ts files ---------------------------------------------------------------------------


@dataclass
class TsMessage:
    context: str
    source: str
    translation: str
    finished: bool
    obsolete: bool


def read_ts(path: Path = TS) -> list[TsMessage]:
    out: list[TsMessage] = []
    if not path.exists():
        return out
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            t = m.find("translation")
            kind = t.get("type", "") if t is not None else "unfinished"
            out.append(
                TsMessage(
                    name,
                    m.findtext("source") or "",
                    (t.text or "") if t is not None else "",
                    kind == "",
                    kind in ("obsolete", "vanished"),
                )
            )
    return out


def run_lupdate() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    files = [p.relative_to(ROOT).as_posix() for p in ui_files()]
    cmd = [str(BIN / "pyside6-lupdate"), "-locations", "none", *files, "-ts", str(TS)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)


Known = dict[object, str]  # (context, source) or source -> Welsh


def memory() -> Known:
    """The translations of the .ts (obsolete entries too), by (context, source) and,
    for a string new in a context, by source alone."""
    known: Known = {}
    for m in read_ts():
        if m.finished or (m.obsolete and m.translation):
            known.setdefault((m.context, m.source), m.translation)
            known.setdefault(m.source, m.translation)
    return known


def _given(given: dict[str, str]) -> Known:
    """An apply file's entries: 'English' for every context, or 'Context::English'
    where one context needs other words (the vote's "For" is not the scope's)."""
    out: Known = {}
    for key, value in given.items():
        if value and isinstance(value, str):  # a counted message's forms go to cy.json
            context, sep, source = key.partition("::")
            out[(context, source) if sep else key] = value
    return out


def write_ts(pairs: set[tuple[str, str]], known: Known, path: Path = TS) -> tuple[int, int]:
    """Write the .ts with exactly ``pairs``, translated from ``known`` where possible."""
    root = ET.Element("TS", version="2.1", language="cy_GB", sourcelanguage="en_GB")
    contexts: dict[str, list[str]] = {}
    for c, s in pairs:
        contexts.setdefault(c, []).append(s)
    done = todo = 0
    for c in sorted(contexts):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = c
        for s in sorted(set(contexts[c])):
            m = ET.SubElement(ctx, "message")
            ET.SubElement(m, "source").text = s
            t = ET.SubElement(m, "translation")
            text = known.get((c, s)) or known.get(s)
            if text:
                t.text = text
                done += 1
            else:
                t.set("type", "unfinished")
                todo += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return done, todo


def update_ts() -> tuple[int, int]:
    known = memory()
    run_lupdate()  # what lupdate finds, in lupdate's contexts
    known = {**memory(), **known}
    pairs = {(m.context, m.source) for m in read_ts() if not m.obsolete}
    pairs |= ui_strings().pairs
    pairs |= set(QT_STRINGS)
    return write_ts(pairs, known)


def compile_qm() -> Path:
    # Not -removeidentical: Welsh spelt like the English (names, "OK") is kept too.
    cmd = [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return QM


# --------------------------------------------------------------------------- the engine


def engine_files() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if UI in path.parents:
            continue
        yield path


# marker name -> positions of its message arguments
_FIRST = {"_", "msg", "Msg", "of", "t"}
_SECOND = {"in_language", "tr"}


def engine_messages(files: list[Path] | None = None) -> dict[str, list[str]]:
    """English message -> where it is used (file:line), for every marked message."""
    found: dict[str, list[str]] = {}

    def add(s: str, where: str) -> None:
        if s.strip():
            found.setdefault(s, []).append(where)

    for path in files or list(engine_files()):
        rel = path.relative_to(ROOT).as_posix() if ROOT in path.parents else path.name
        if rel in ("secretary/i18n.py", "secretary/domain/text.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        _literal = _Resolver(tree).strings  # noqa: N806 - literals, or resolved names
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            if isinstance(f, ast.Name):
                name = f.id
            elif isinstance(f, ast.Attribute):
                name = f.attr
                if name == "of" and not (isinstance(f.value, ast.Name) and f.value.id == "Msg"):
                    continue
                if name == "t" and not (
                    isinstance(f.value, ast.Name) and f.value.id in ("self", "w", "exp")
                ):
                    continue
                if name == "tr" and len(node.args) < 2:
                    # self.tr("…") of an exporter: the first argument
                    for s in _literal(node.args[0] if node.args else None):
                        add(s, f"{rel}:{node.lineno}")
                    continue
            else:
                continue
            args = node.args
            where = f"{rel}:{node.lineno}"
            if name in _FIRST and args:
                for s in _literal(args[0]):
                    add(s, where)
            elif name in _SECOND and len(args) >= 2:
                for s in _literal(args[1]):
                    add(s, where)
            elif name == "plural" and len(args) >= 3:
                # a counted message: one entry, under its English singular, whose
                # Welsh gives each CLDR category (see plural_messages)
                for s in _literal(args[1]):
                    add(s, where)
    for s in DYNAMIC:
        add(s, "scripts/i18n.py:DYNAMIC")
    for s in ARGPARSE:
        add(s, "scripts/i18n.py:ARGPARSE")
    return found


def plural_messages(files: list[Path] | None = None) -> dict[str, tuple[str, str]]:
    """Counted messages: English singular -> (singular, plural, where), from every
    ``plural(n, "…", "…")`` of the engine and the window."""
    found: dict[str, tuple[str, str]] = {}
    for path in files or [*engine_files(), *ui_files()]:
        rel = path.relative_to(ROOT).as_posix() if ROOT in path.parents else path.name
        if rel in ("secretary/i18n.py", "secretary/domain/text.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        literal = _Resolver(tree).strings
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) < 3:
                continue
            f = node.func
            name = getattr(f, "id", None) or getattr(f, "attr", "")
            if name != "plural":
                continue
            for one, other in zip(literal(node.args[1]), literal(node.args[2]), strict=False):
                found.setdefault(one, (other, f"{rel}:{node.lineno}"))
    return found


def read_catalogue(path: Path = CATALOGUE) -> dict[str, str]:
    """The plain messages {English: Welsh} (counted ones: read_plurals)."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, str)}


def read_plurals(path: Path = CATALOGUE) -> dict[str, dict[str, str]]:
    """The counted messages {English singular: {CLDR category: Welsh}}."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def write_catalogue(
    data: dict[str, str], path: Path = CATALOGUE, plurals: dict[str, dict[str, str]] | None = None
) -> None:
    both: dict[str, object] = {**data, **(read_plurals(path) if plurals is None else plurals)}
    text = json.dumps(dict(sorted(both.items())), ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")


def update_catalogue(prune: bool = False) -> tuple[int, int]:
    """Add the new messages (empty, to translate); keep every translation, also of
    messages no longer in the source (a string moved or briefly removed keeps its
    Welsh) unless ``prune``. A counted message is one entry whose Welsh names
    each CLDR category."""
    old, old_plurals = read_catalogue(), read_plurals()
    counted = plural_messages()
    found = {s: w for s, w in engine_messages().items() if s not in counted}
    new = {s: old.get(s, "") for s in found}
    plurals = {s: {c: old_plurals.get(s, {}).get(c, "") for c in CATEGORIES} for s in counted}
    if not prune:
        new |= {s: t for s, t in old.items() if t and s not in found and s not in counted}
        plurals |= {s: f for s, f in old_plurals.items() if s not in counted}
    write_catalogue(new, plurals=plurals)
    forms = [v for f in plurals.values() for v in f.values()]
    done = sum(1 for v in [*new.values(), *forms] if v)
    return done, sum(1 for v in [*new.values(), *forms] if not v)


CATEGORIES = ("zero", "one", "two", "few", "many", "other")


# --------------------------------------------------------------------------- the counted table

WELSH_DOC = ROOT / "docs" / "welsh.md"
TABLE_START, TABLE_END = "<!-- counted-messages: made by scripts/i18n.py -->", "<!-- end -->"
SAMPLE_COUNTS = (0, 1, 2, 3, 6, 11)


class _Keep(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def counted_table() -> str:
    """Every counted message rendered for 0, 1, 2, 3, 6 and 11, English and Welsh:
    the table a Welsh reviewer reads in docs/welsh.md (data such as a seat tag
    stays a {placeholder})."""
    sys.path.insert(0, str(ROOT))
    from secretary.i18n import ngettext, number

    lines = ["| English (one / other) | n | Cymraeg |", "|---|---|---|"]
    for one, (other, _where) in sorted(plural_messages().items()):
        for n in SAMPLE_COUNTS:
            cy = ngettext(n, one, other, "cy").format_map(_Keep(n=number(n, "cy")))
            first = f"{one} / {other}" if n == SAMPLE_COUNTS[0] else ""
            lines.append(f"| {first} | {n} | {cy} |")
    return "\n".join(lines)


def write_counted_table(path: Path = WELSH_DOC) -> None:
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition(TABLE_START)
    if not sep:
        return
    _old, sep, tail = rest.partition(TABLE_END)
    path.write_text(f"{head}{TABLE_START}\n{counted_table()}\n{TABLE_END}{tail}", encoding="utf-8")


# --------------------------------------------------------------------------- commands


def missing() -> tuple[list[tuple[str, str]], list[str]]:
    ui = [(m.context, m.source) for m in read_ts() if not m.obsolete and not m.finished]
    ui += [(m.context, m.source) for m in read_ts() if m.finished and not m.translation.strip()]
    engine = [k for k, v in read_catalogue().items() if not v.strip()]
    engine += [k for k, f in read_plurals().items() if not all(f.get(c) for c in CATEGORIES)]
    return ui, engine


def apply(path: Path) -> None:
    """Fill untranslated entries from a JSON file {English: Welsh}."""
    given: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    new = _given(given)
    everywhere = {k for k in new if isinstance(k, str)}
    known = {
        k: v
        for k, v in memory().items()
        if not (isinstance(k, tuple) and k[1] in everywhere) and k not in everywhere
    }
    known.update(new)
    pairs = {(m.context, m.source) for m in read_ts() if not m.obsolete}
    write_ts(pairs, known)
    cat, plurals = read_catalogue(), read_plurals()
    for k in cat:
        if k in given and isinstance(given[k], str) and given[k]:
            cat[k] = given[k]
    for k in plurals:
        if k in given and isinstance(given[k], dict):
            plurals[k] = {c: given[k].get(c) or plurals[k].get(c, "") for c in CATEGORIES}
    write_catalogue(cat, plurals=plurals)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "all"
    if command == "prune":
        update_catalogue(prune=True)
    if command in ("update", "all"):
        done, todo = update_ts()
        print(f"{TS.relative_to(ROOT)}: {done} translated, {todo} to translate")
        done, todo = update_catalogue()
        print(f"{CATALOGUE.relative_to(ROOT)}: {done} translated, {todo} to translate")
        write_counted_table()
    if command == "apply":
        apply(Path(argv[1]))
    if command in ("apply", "table"):
        write_counted_table()
    if command in ("compile", "all", "apply"):
        print(f"{compile_qm().relative_to(ROOT)} built")
    if command in ("check", "all", "apply", "todo"):
        ui, engine = missing()
        if command == "todo":
            print(
                json.dumps(
                    {s: "" for _, s in ui} | {s: read_plurals().get(s, "") for s in engine},
                    ensure_ascii=False,
                    indent=1,
                )
            )
            return 0
        for c, s in ui:
            print(f"not translated (window, {c}): {s!r}")
        for s in engine:
            print(f"not translated (cy.json): {s!r}")
        return 1 if ui or engine else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
