"""Counted messages: the Welsh plural categories (CLDR, through Babel) and the
mutations a Welsh reader expects after a numeral written in digits."""

from __future__ import annotations

import string

import pytest
from test_i18n_catalogue import pipeline

from secretary.domain.text import Name, plural
from secretary.i18n import CATEGORIES, ngettext, plural_category

COUNTS = (0, 1, 2, 3, 6, 11)


def test_welsh_plural_categories_come_from_cldr():
    assert [plural_category(n, "cy") for n in COUNTS] == list(CATEGORIES)
    assert plural_category(4, "cy") == plural_category(100, "cy") == "other"
    assert [plural_category(n, "en") for n in (0, 1, 2)] == ["other", "one", "other"]


def test_every_counted_message_has_six_welsh_forms_with_its_placeholders():
    counted = pipeline.plural_messages()
    plurals = pipeline.read_plurals()
    assert counted, "no plural() message found"
    problems = []
    for one, (other, where) in counted.items():
        forms = plurals.get(one)
        if not forms or set(forms) != set(CATEGORIES) or not all(forms.values()):
            problems.append(f"{where} {one!r}: needs the six forms {CATEGORIES}")
            continue
        allowed = _fields(one) | _fields(other)
        for category, text in forms.items():
            if not _fields(text) <= allowed:
                problems.append(f"{one!r} {category}: {text!r} has unknown placeholders")
            if category != "zero" and "n" not in _fields(text):
                problems.append(f"{one!r} {category}: {text!r} loses the number")
    assert not problems, "\n".join(problems)


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_no_counted_welsh_puts_a_data_noun_after_the_number():
    """A tag or name from a terms file cannot be mutated: it never follows {n}."""
    for one, forms in pipeline.read_plurals().items():
        for text in forms.values():
            for data in ("{tag}", "{tags}", "{group}", "{seat}", "{name}"):
                assert "{n} " + data not in text, (one, text)


def _render(one: str, other: str, n: int, lang: str = "cy", **params: object) -> str:
    return plural(n, one, other, **params).render(lang)


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        (
            "{n} meeting",
            "{n} meetings",
            [
                "dim cyfarfodydd",
                "1 cyfarfod",
                "2 gyfarfod",
                "3 chyfarfod",
                "6 chyfarfod",
                "11 o gyfarfodydd",
            ],
        ),
        (
            "Includes {n} proxy vote.",
            "Includes {n} proxy votes.",
            [
                "Nid yw'n cynnwys pleidleisiau drwy brocsi.",
                "Yn cynnwys 1 bleidlais drwy brocsi.",
                "Yn cynnwys 2 bleidlais drwy brocsi.",
                "Yn cynnwys 3 pleidlais drwy brocsi.",
                "Yn cynnwys 6 phleidlais drwy brocsi.",
                "Yn cynnwys 11 o bleidleisiau drwy brocsi.",
            ],
        ),
        (
            "{n} seat represented",
            "{n} seats represented",
            [
                "dim seddi wedi'u cynrychioli",
                "1 sedd wedi'i chynrychioli",
                "2 sedd wedi'u cynrychioli",
                "3 sedd wedi'u cynrychioli",
                "6 sedd wedi'u cynrychioli",
                "11 o seddi wedi'u cynrychioli",
            ],
        ),
    ],
)
def test_known_mutations(one, other, expected):
    assert [_render(one, other, n) for n in COUNTS] == expected


def test_a_tag_from_data_is_never_mutated():
    tag = Name("GP practice", "practis meddyg teulu")
    tags = Name("GP practices", "practisau meddyg teulu")
    got = [_render("{n} {tag}", "{n} {tags}", n, tag=tag, tags=tags) for n in (1, 2, 3)]
    assert got == ["practis meddyg teulu (1)", "practisau meddyg teulu (2)",
                   "practisau meddyg teulu (3)"]  # fmt: skip
    assert _render("{n} {tag}", "{n} {tags}", 2, "en", tag=tag, tags=tags) == "2 GP practices"


def test_english_singular_and_plural():
    assert [_render("{n} meeting", "{n} meetings", n, "en") for n in (0, 1, 2, 11)] == [
        "0 meetings", "1 meeting", "2 meetings", "11 meetings",
    ]  # fmt: skip
    # a count is a value, not a label: the Welsh, then the English
    assert plural(1, "{n} meeting", "{n} meetings").render("bilingual") == ("1 cyfarfod\n1 meeting")


def test_every_counted_message_renders_for_the_sample_counts():
    """0, 1, 2, 3, 6 and 11 of everything counted, in Welsh and English, without
    a placeholder left over; and the reviewer's table in docs/welsh.md is current."""
    for one, (other, _where) in pipeline.plural_messages().items():
        params = {f: Name("x", "y") for f in _fields(one) | _fields(other) if f != "n"}
        for n in COUNTS:
            for lang in ("cy", "en"):
                text = _render(one, other, n, lang, **params)
                assert "{" not in text and text.strip(), (one, n, lang, text)
                if lang == "cy" and n:
                    assert str(n) in text, (one, n, text)
        assert ngettext(11, one, other, "cy") != ngettext(11, one, other, "en") or (one == other)
    table = pipeline.counted_table()
    assert table in pipeline.WELSH_DOC.read_text(encoding="utf-8"), (
        "docs/welsh.md: run .venv/bin/python scripts/i18n.py table"
    )


def test_the_glossary_cites_a_source_for_every_term():
    """docs/glossary-cy-en.md: each term row names where the Welsh is used (or
    says 'ours'), from the keys its legend defines."""
    text = (pipeline.ROOT / "docs" / "glossary-cy-en.md").read_text(encoding="utf-8")
    keys = {"Senedd", "WG", "councils", "NHS Wales", "SI", "WLC", "TermCymru", "ours"}
    rows = [
        line for line in text.splitlines()
        if line.startswith("| ") and line.count("|") == 5 and not line.startswith("| English")
    ]  # fmt: skip
    assert len(rows) > 60
    for row in rows:
        source = row.rstrip(" |").rsplit("|", 1)[1].strip()
        assert any(source.startswith(k) or f", {k}" in source for k in keys), row
