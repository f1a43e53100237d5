"""store.fastread.terms_read: a meeting's terms read from TOML once, then tomllib's
answer for the very same text from the user cache folder; anything odd about the
cache means reading the text as before, and nothing wrong is ever kept."""

from __future__ import annotations

import tomllib

import pytest

from secretary.domain.terms import TermsError, bundled_terms_ids, parse_terms, read_terms_source
from secretary.store import fastread
from secretary.store.fastread import TERMS_FILE, TERMS_KEPT, terms_read
from secretary.user_cache import NO_CACHE_ENV


@pytest.fixture
def text() -> str:
    return read_terms_source(bundled_terms_ids()[0])[0]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts actually read with tomllib."""
    done: list[str] = []
    real = fastread.read_terms_toml

    def counting(text: str, source: str = "") -> dict:
        done.append(text)
        return real(text, source)

    monkeypatch.setattr(fastread, "read_terms_toml", counting)
    return done


def test_the_second_start_has_tomllibs_answer_without_reading(tmp_path, text, reads):
    first = terms_read(text, "t", tmp_path)
    again = terms_read(text, "t", tmp_path)
    assert reads == [text]  # read once
    assert first == again == tomllib.loads(text)
    assert parse_terms(again, "t") == parse_terms(tomllib.loads(text), "t")
    again["name"] = "changed by a caller"
    assert terms_read(text, "t", tmp_path) == tomllib.loads(text)  # nothing shared


def test_another_text_is_read_and_only_a_few_are_kept(tmp_path, text, reads):
    import marshal

    texts = [f"{text}\n# version {n}\n" for n in range(TERMS_KEPT + 3)]
    for t in texts:
        terms_read(t, "t", tmp_path)
    assert reads == texts
    kept = marshal.loads((tmp_path / TERMS_FILE).read_bytes())
    assert list(kept) == texts[-TERMS_KEPT:]  # the least recently added went


def test_bad_toml_is_refused_and_nothing_is_kept(tmp_path):
    with pytest.raises(TermsError, match="not valid TOML"):
        terms_read("id = [unclosed", "bad.toml", tmp_path)
    assert not (tmp_path / TERMS_FILE).exists()


def test_toml_with_a_date_is_read_every_time(tmp_path, text, reads):
    dated = text + "\nadopted = 2024-04-01\n"
    assert terms_read(dated, "t", tmp_path) == tomllib.loads(dated)
    assert terms_read(dated, "t", tmp_path) == tomllib.loads(dated)
    assert reads == [dated, dated]


@pytest.mark.parametrize("junk", [b"", b"junk", b"\xe9\x00", __import__("marshal").dumps([1])])
def test_a_damaged_cache_is_no_cache(tmp_path, text, reads, junk):
    (tmp_path / TERMS_FILE).write_bytes(junk)
    assert terms_read(text, "t", tmp_path) == tomllib.loads(text)
    assert terms_read(text, "t", tmp_path) == tomllib.loads(text)
    assert reads == [text]  # read, then kept afresh


def test_a_damaged_entry_is_read_again(tmp_path, text, reads):
    import marshal

    (tmp_path / TERMS_FILE).write_bytes(marshal.dumps({text: b"not marshal"}))
    assert terms_read(text, "t", tmp_path) == tomllib.loads(text)
    assert reads == [text]


def test_turned_off_nothing_is_kept(tmp_path, text, reads, monkeypatch):
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    terms_read(text, "t")
    terms_read(text, "t")
    assert reads == [text, text] and list(tmp_path.iterdir()) == []


def test_the_first_paint_reads_its_terms_through_it(tmp_path, monkeypatch):
    from secretary.demo import create_demo_record

    record, mid = create_demo_record(tmp_path / "demo.sqlite")
    record.close()  # type: ignore[attr-defined]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(NO_CACHE_ENV, raising=False)
    first = fastread.first_paint(tmp_path / "demo.sqlite", mid)
    assert first is not None
    assert list((tmp_path / "cache").rglob(TERMS_FILE))  # kept for the next start
    again = fastread.first_paint(tmp_path / "demo.sqlite", mid)
    assert again is not None and again.terms == first.terms
