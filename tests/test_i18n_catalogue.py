"""Every string a user sees has its Welsh: the window's (.ts → .qm) and the engine's
(cy.json). These tests fail when someone adds a string and nobody translates it:
run `.venv/bin/python scripts/i18n.py`, translate what it lists, and commit."""

from __future__ import annotations

import importlib.util
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_pipeline():
    spec = importlib.util.spec_from_file_location("i18n_pipeline", ROOT / "scripts" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_pipeline"] = module
    spec.loader.exec_module(module)
    return module


pipeline = _load_pipeline()


def placeholders(text: str) -> set[str]:
    try:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError:
        return set()


def accelerators(text: str) -> list[str]:
    """The accelerator letters of a Qt text ('&&' is a literal ampersand)."""
    return re.findall(r"(?<!&)&([^&\s])", text.replace("&&", ""))


# ------------------------------------------------------------------------- the window


def test_every_window_string_is_in_the_ts_under_its_run_time_context():
    in_ts = {(m.context, m.source) for m in pipeline.read_ts() if not m.obsolete}
    wanted = pipeline.ui_strings()
    missing = sorted(wanted.pairs - in_ts)
    assert not missing, "not in secretary_cy.ts (run scripts/i18n.py): " + "; ".join(
        f"{wanted.where[p]} {p[0]}: {p[1]!r}" for p in missing[:20]
    )


def test_the_window_strings_are_found():
    """The scan itself sees the window's strings in each of its forms."""
    pairs = pipeline.ui_strings().pairs
    assert ("MainWindow", "&Meeting") in pairs  # self.tr
    assert ("QuorumBanner", "Not quorate") in pairs or any(
        c == "QuorumBanner" for c, _ in pairs
    )  # module helper tr() with its own context
    assert ("Shortcuts", "Attendance") in pairs  # QT_TRANSLATE_NOOP
    assert len(pairs) > 400


def test_no_window_string_lacks_welsh():
    bad = [
        (m.context, m.source)
        for m in pipeline.read_ts()
        if not m.obsolete and (not m.finished or not m.translation.strip())
    ]
    assert not bad, f"{len(bad)} untranslated in secretary_cy.ts, e.g. {bad[:10]}"


def test_window_translations_keep_placeholders_and_accelerators():
    problems = []
    for m in pipeline.read_ts():
        if m.obsolete or not m.translation:
            continue
        if placeholders(m.translation) != placeholders(m.source):
            problems.append(f"placeholders {m.source!r} -> {m.translation!r}")
        if sorted(re.findall(r"%\d|%n", m.translation)) != sorted(re.findall(r"%\d|%n", m.source)):
            problems.append(f"%-markers {m.source!r} -> {m.translation!r}")
        if len(accelerators(m.translation)) != len(accelerators(m.source)):
            problems.append(f"accelerator {m.source!r} -> {m.translation!r}")
        for tag in re.findall(r"</?\w+", m.source):
            if m.translation.count(tag) != m.source.count(tag):
                problems.append(f"markup {tag} {m.source!r} -> {m.translation!r}")
    assert not problems, "\n".join(problems[:20])


def test_the_qm_is_built_from_the_ts(tmp_path: Path):
    """The committed .qm is what lrelease makes of the committed .ts."""
    out = tmp_path / "check.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed")
    subprocess.run(
        [str(lrelease), str(pipeline.TS), "-qm", str(out)], check=True, capture_output=True
    )
    assert pipeline.QM.read_bytes() == out.read_bytes(), "run: .venv/bin/python scripts/i18n.py"


# ------------------------------------------------------------------------- the engine


def test_every_engine_message_has_welsh():
    catalogue = pipeline.read_catalogue()
    counted = pipeline.plural_messages()  # six forms each: test_i18n_plural.py
    missing = [
        (s, where[0])
        for s, where in pipeline.engine_messages().items()
        if not catalogue.get(s) and s not in counted
    ]
    assert not missing, f"{len(missing)} messages without Welsh in cy.json, e.g. {missing[:10]}"


def test_engine_translations_keep_their_placeholders():
    problems = []
    for en, cy in pipeline.read_catalogue().items():
        allowed = placeholders(en) | ({"tag"} if "tags" in placeholders(en) else set())
        # Welsh counts take the singular noun ("5 practis"): {tags} may become {tag}.
        if not placeholders(cy) <= allowed or (
            placeholders(en) - placeholders(cy) - {"tags", "tag"}
        ):
            problems.append(f"{en!r} -> {cy!r}")
    assert not problems, "\n".join(problems[:20])


def test_the_extractor_finds_each_kind_of_marker(tmp_path: Path):
    code = tmp_path / "sample.py"
    code.write_text(
        "from secretary.i18n import _, in_language, plural\n"
        "from secretary.domain.text import Msg, msg\n"
        "LABELS = {'a': 'Label one', 'b': 'Label two'}\n"
        "ROWS = (('x', 'Row title'),)\n"
        "def f(n, lang, k):\n"
        "    _('Underscore {n}', n=n)\n"
        "    msg('Domain message')\n"
        "    Msg.of('Of message')\n"
        "    plural(n, 'one thing', 'many things')\n"
        "    in_language(lang, 'In language')\n"
        "    msg(LABELS.get(k, k))\n"
        "    _('Either' if n else 'Or else')\n"
        "    for _id, title in ROWS:\n"
        "        _(title)\n",
        encoding="utf-8",
    )
    found = pipeline.engine_messages([code])
    for s in (
        "Underscore {n}",
        "Domain message",
        "Of message",
        "one thing",
        "In language",
        "Label one",
        "Label two",
        "Either",
        "Or else",
        "Row title",
    ):
        assert s in found, s
    assert "x" not in found and "a" not in found
    # a counted message is one entry, under its singular, with its plural beside it
    assert "many things" not in found
    assert pipeline.plural_messages([code])["one thing"][0] == "many things"


def test_a_new_message_without_welsh_would_be_caught(tmp_path: Path):
    code = tmp_path / "new.py"
    code.write_text("from secretary.i18n import _\n_('A brand new message nobody translated')\n")
    catalogue = pipeline.read_catalogue()
    new = [s for s in pipeline.engine_messages([code]) if not catalogue.get(s)]
    assert new == ["A brand new message nobody translated"]


LIVE_WINDOW = ("MainWindow", "AttendancePanel", "AgendaPanel", "ItemPanel", "DecisionPanel")


def test_accelerators_stay_unique_in_each_dialog():
    """Within a context (a dialog), the Welsh texts share accelerator letters no more
    than the English ones do. The meeting window's panels are left to
    tests/test_ui_mnemonics.py, which walks the window as shown (its tab pages are
    never shown together, so their buttons may share a letter)."""

    def key(text: str) -> str | None:
        found = accelerators(text)
        return found[0].lower() if found else None

    groups: dict[str, list] = {}
    for m in pipeline.read_ts():
        if m.context and not m.obsolete and key(m.source) and m.context not in LIVE_WINDOW:
            groups.setdefault(m.context, []).append(m)
    problems = []
    for group, messages in groups.items():
        # '&Interests && proxies' and '&Interests && proxies ({0})' are one tab's texts
        texts = {re.sub(r" \(\{0\}\)$", "", m.source): m.translation for m in messages}
        en = [key(s) for s in texts]
        cy = [key(t) for t in texts.values()]
        if len(cy) - len(set(cy)) > len(en) - len(set(en)):
            problems.append(f"{group}: {sorted(texts.values())}")
    assert not problems, "\n".join(problems)
