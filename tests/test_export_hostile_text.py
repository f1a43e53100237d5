"""Whatever the secretary typed exports: the .docx re-opens and holds the text,
minus only the characters a Word file cannot hold."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from examples import examples
from export_helpers import docx_text, seed_meeting
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretary.domain.events import EventError
from secretary.export import snapshot_from_meeting
from secretary.export.documents import (
    ActionLogExporter,
    AttendanceRegisterExporter,
    FinancialLogExporter,
    MinutesExporter,
)
from secretary.export.text import clean, paragraphs

HOSTILE = [
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1f",
    "\x7f",
    "\x85",
    "\x9f",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\ud800",
    "\udfff",
    "\ufffe",
    "\uffff",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u200f",
    "ŵ",
    "ŷ",
    "â",
    "Ŵ",
    "😀",
    "👩🏽‍⚕️",
    "שלום",
    "مرحبا",
    "<",
    ">",
    "&",
    "]]>",
    '"',
    "'",
    "{x}",
    "{}",
    "%s",
    "\\",
]


def typed(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Text as pasted: any characters, with control characters, Welsh,
    emoji and right-to-left pieces mixed in."""
    # No lone surrogates: no paste can hold one, and the record refuses them
    # (issue 17: nothing is stored that cannot be written to a file or document).
    storable = [h for h in HOSTILE if not any(0xD800 <= ord(c) <= 0xDFFF for c in h)]
    pieces = st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(storable))
    return st.lists(pieces, min_size=min_size, max_size=max_size).map("".join)


hostile_text = typed(1).filter(lambda s: s.strip() != "")

# Characters XML 1.0 (and so Word) cannot hold, besides TAB/LF/CR.
XML_ILLEGAL = re.compile(
    rb"&#(x0*[0-8bcef]|x0*1[0-9a-f]|0*[0-8]|0*1[124-9]|0*2[0-9]|0*3[01]);", re.I
)


def assert_lines_present(text: str, typed: str) -> None:
    for line in paragraphs(typed):
        for piece in line.split("\t"):
            assert piece in text, (piece, typed)


def assert_clean_package(data: bytes) -> None:
    """Every XML part parses and carries no control characters, raw or escaped."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                raw = z.read(name)
                raw.decode("utf-8")  # no lone surrogates
                assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", raw), name
                assert not XML_ILLEGAL.search(raw), name


def export_all(snap) -> dict[str, bytes]:
    return {
        "minutes": MinutesExporter(snap).run(),
        "actions": ActionLogExporter(snap).run(),
        "financial": FinancialLogExporter(snap).run(),
        "attendance": AttendanceRegisterExporter(snap).run(),
    }


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=hostile_text,
    note=typed(0, 200),
    action=hostile_text,
    interest=hostile_text,
    title=hostile_text,
    organisation=hostile_text,
    wording=st.text(max_size=80),
    owner=hostile_text,
)
def test_any_typed_text_exports(name, note, action, interest, title, organisation, wording, owner):
    info, m = seed_meeting(
        name=name,
        note=note,
        action=action,
        interest=interest,
        title=title,
        organisation=organisation,
        wording=wording,
        owner=owner,
    )
    info.venue = name  # the header block too
    docs = export_all(snapshot_from_meeting(info, m))
    for data in docs.values():
        assert_clean_package(data)
        Document(io.BytesIO(data))  # re-opens
    minutes = docx_text(docs["minutes"])
    for typed in (name, note, action, interest, title, wording, owner):
        assert_lines_present(minutes, typed)
    actions = docx_text(docs["actions"])
    for typed in (action, owner):
        assert_lines_present(actions, typed)
    financial = docx_text(docs["financial"])
    assert_lines_present(financial, title)
    register = docx_text(docs["attendance"])
    for typed in (name, organisation):
        assert_lines_present(register, typed)


@pytest.mark.parametrize(
    "field", ["name", "note", "action", "interest", "title", "organisation", "wording", "owner"]
)
@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff"])
def test_lone_surrogate_in_typed_text_is_refused_in_one_line(field, surrogate):
    """The text strategy above leaves lone surrogates out because the record
    refuses them; this is that refusal, for every typed field."""
    with pytest.raises(EventError) as refused:
        seed_meeting(**{field: f"Carys {surrogate} Miles"})
    message = str(refused.value)
    assert "lone surrogate" in message
    assert "\n" not in message
    assert surrogate not in message  # the message itself is printable


def test_long_notes_with_paragraphs_tabs_and_every_control_character():
    block = "".join(chr(c) for c in range(0x20)) + "Cytunwyd: ŵ ŷ â — 😀 שלום\tcolumn two\n"
    note = (block * 400)[:20_000]
    assert len(note) == 20_000
    info, m = seed_meeting(note=note)
    data = MinutesExporter(snapshot_from_meeting(info, m)).run()
    assert_clean_package(data)
    text = docx_text(data)
    phrase = "Cytunwyd: ŵ ŷ â — 😀 שלום\tcolumn two"
    assert text.count(phrase) == note.count(phrase) == 294
    doc = Document(io.BytesIO(data))
    # Newlines became separate paragraphs, tabs stayed tabs.
    note_paragraphs = [p for p in doc.paragraphs if "column two" in p.text]
    assert len(note_paragraphs) == len(paragraphs(note))
    assert "<w:tab/>" in note_paragraphs[0]._p.xml


def test_single_20000_character_line():
    note = ("Llanfairpwllgwyngyll " * 1000)[:20_000]
    info, m = seed_meeting(note=note, name="Dr Ŵyn ap Siôn 👩🏽‍⚕️", title="مرحبا item")
    data = MinutesExporter(snapshot_from_meeting(info, m)).run()
    text = docx_text(data)
    assert note.strip() in text
    assert "Dr Ŵyn ap Siôn 👩🏽‍⚕️ (Chair)" in text
    assert "مرحبا item" in text


def test_clean_is_exactly_the_illegal_characters():
    kept = "".join(chr(c) for c in range(0x20, 0x7F)) + "\t\nŵŷâ😀\u200f\u00a0\u00ad"
    assert clean(kept) == kept
    # A right-to-left override left open is closed at the end of its line, so it
    # cannot reverse what the document prints after the typed text.
    assert clean("Dr \u202eSmith\nnext") == "Dr \u202eSmith\u202c\nnext"
    assert clean("\u2067שלום\u2069 Jones") == "\u2067שלום\u2069 Jones"
    # Terminal colour codes pasted from a console go as a whole.
    assert clean("Agreed\x1b[0m.\x1b[1;31m") == "Agreed."
    dropped = "".join(chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n\r\x0b\x0c")
    assert clean(dropped + "\x7f\x80\x9f\ud800\udbff\udc00\ufffe\uffff") == ""
