"""The generated Welsh, read as a Welsh reader reads it: meetings with 0, 1, 2, 3
and 6 of every counted thing (votes against, abstentions, proxy votes,
declarations, actions, apologies, people in attendance, seats represented)
exported in Welsh and bilingual; every catalogue message with a number in it.

The readers are in ``welsh_text.py``: a numeral followed by a noun not mutated as
the numeral requires, a plural straight after a numeral, '1 o' + plural; English
'1 meetings'. Others' new strings are read too: a mistake in a message added
anywhere fails here."""

from __future__ import annotations

import re
import string
from typing import Any

import pytest
from export_helpers import docx_text
from test_i18n_catalogue import pipeline
from welsh_text import english_number_problems, welsh_number_problems

from secretary.domain.events import check_event
from secretary.domain.meeting import Meeting
from secretary.domain.terms import load_terms
from secretary.export import snapshot_from_meeting
from secretary.export.documents import (
    ActionLogExporter,
    AttendanceRegisterExporter,
    MinutesExporter,
)
from secretary.export.snapshot import MeetingInfo
from secretary.i18n import SHORT, ngettext

COUNTS = (0, 1, 2, 3, 6)
# Seats whose members stay away (and give a proxy) without costing the quorum.
AWAY = [
    "mental-health", "third-sector", "medicines-management", "nursing", "dental",
    "cluster-development-manager",
]  # fmt: skip


def counted_meeting(k: int, present: int | None = None) -> tuple[MeetingInfo, Meeting]:
    """A meeting with ``k`` of each counted thing; with ``present``, only that many
    members come (a quorum that is short by a count of seats and practices)."""
    terms = load_terms("sbuhb-upper-valleys-2021")
    m = Meeting(terms)
    events: list[dict[str, Any]] = []
    members = [s.id for s in terms.seats]
    for i, seat in enumerate(members):
        events.append(
            {
                "type": "person_added",
                "person": seat,
                "name": f"Dr Evans {i + 1}",
                "role": "member",
                "seat": seat,
            }  # fmt: skip
        )
    for i in range(12):
        events.append(
            {
                "type": "person_added",
                "person": f"att{i}",
                "name": f"Siân Rees {i + 1}",
                "role": "attendee",
                "organisation": "Pontardawe",
            }  # fmt: skip
        )
    events += [
        {"type": "item_added", "item": "1", "title": "Ystradgynlais", "standing": "apologies"},
        {
            "type": "item_added",
            "item": "2",
            "title": "Cwmtawe",
            "financial": True,
            "amount": 1000.0,
        },  # fmt: skip
    ]
    away = AWAY[:k]
    coming = members[:present] if present is not None else [s for s in members if s not in away]
    for seat in coming:
        events.append({"type": "arrive", "person": seat, "at": "13:00"})
    for i in range(k):
        events.append({"type": "arrive", "person": f"att{i}", "at": "13:00"})
        events.append({"type": "apologies", "person": f"att{i + 6}"})
    if present is not None:
        events.append({"type": "focus", "item": "2", "at": "13:05"})
        for e in events:
            m.apply(check_event(e))
        return _info(), m
    for seat in away:
        events.append({"type": "apologies", "person": seat})
    holders = ["gp-1", "gp-2", "gp-3", "gp-4", "pharmacy", "optometry"]
    for grantor, holder in zip(away, holders, strict=False):
        events.append({"type": "proxy", "from": grantor, "to": holder, "item": "2"})
    events.append({"type": "focus", "item": "2", "at": "13:05"})
    declarers = ["cluster-lead", "pcts-senior-manager", "gp-1", "gp-2",
                 "gp-3", "gp-4"][:k]  # fmt: skip
    for who in declarers:
        events.append(
            {
                "type": "declare",
                "person": who,
                "item": "2",
                "interest": "Ystalyfera",
                "action": "none",
            }
        )
    voters = [s for s in coming if s != "therapies-2"] + away
    against, abstain = voters[:k], voters[k : 2 * k]
    votes = {v: "against" if v in against else "abstain" if v in abstain else "for" for v in voters}
    events.append({"type": "vote", "item": "2", "at": "13:20", "votes": votes})
    for i in range(k):
        events.append(
            {
                "type": "action",
                "action": f"A{i + 1}",
                "item": "2",
                "text": "Cwmtawe 2026.",
                "owner": "Dr Evans 1",
                "due": "2026-06-11",
            }  # fmt: skip
        )
    for e in events:
        m.apply(check_event(e))
    decision = m.decisions[-1]
    assert not decision.rejected, [r.reason.render("en") for r in decision.rejected]
    assert decision.proxies_counted == k
    return _info(), m


def _info() -> MeetingInfo:
    return MeetingInfo("Cyfarfod Pontardawe", "2026-05-14", "13:00", "Pontardawe", "Clwstwr")


def exported(info: MeetingInfo, meeting: Meeting, lang: str) -> str:
    snap = snapshot_from_meeting(info, meeting, language=lang)
    import datetime as dt

    parts = [
        MinutesExporter(snap).run(),
        ActionLogExporter(snap, today=dt.date(2026, 5, 20)).run(),
        AttendanceRegisterExporter(snap).run(),
    ]
    return "\n".join(docx_text(p) for p in parts)


@pytest.fixture(scope="module")
def texts() -> dict[tuple[int, str, str], str]:
    out = {}
    for k in COUNTS:
        for kind, built in (("counted", counted_meeting(k)), ("few", counted_meeting(k, k))):
            for lang in ("cy", "bilingual", "en"):
                out[(k, kind, lang)] = exported(*built, lang)
    return out


def test_the_meetings_hold_what_they_count(texts):
    assert "Yn cynnwys 6 phleidlais drwy brocsi." in texts[(6, "counted", "cy")]
    assert "Yn cynnwys 3 pleidlais drwy brocsi." in texts[(3, "counted", "cy")]
    assert "Yn cynnwys 2 bleidlais drwy brocsi." in texts[(2, "counted", "cy")]
    assert "Yn cynnwys 1 bleidlais drwy brocsi." in texts[(1, "counted", "cy")]
    assert "6 yn erbyn, 6 yn ymatal" in texts[(6, "counted", "cy")]
    assert "Includes 1 proxy vote." in texts[(1, "counted", "en")]
    assert "6 actions" not in texts[(6, "counted", "en")]  # none carried: no such line
    few = texts[(2, "few", "cy")]
    assert "Heb gworwm: 2 sedd wedi'u cynrychioli" in few
    assert "practisau meddyg teulu" not in few or "practis meddyg teulu (" in few or "(" in few


@pytest.mark.parametrize("k", COUNTS)
@pytest.mark.parametrize("kind", ["counted", "few"])
def test_welsh_numbers_and_mutations_read_right(texts, k, kind):
    for lang in ("cy", "bilingual"):
        problems = welsh_number_problems(texts[(k, kind, lang)])
        assert not problems, f"{lang}, {k}:\n" + "\n".join(problems)
    problems = english_number_problems(texts[(k, kind, "en")])
    assert not problems, "\n".join(problems)


_WORD = r"[a-zâêîôûŵŷ']+"


def _vocabularies() -> tuple[set[str], set[str]]:
    """(English, Welsh) words of the catalogues and the seed terms. A word the
    Welsh keeps from its English (a command-line token such as 'minutes') counts
    as English only."""
    pairs: list[tuple[str, str]] = list(pipeline.read_catalogue().items())
    for one, forms in pipeline.read_plurals().items():
        pairs += [(one, v) for v in forms.values()]
    terms = load_terms("sbuhb-upper-valleys-2021")
    pairs += [(s.name.en, s.name.cy) for s in terms.seats]
    english: set[str] = set()
    welsh: set[str] = set()
    both: set[str] = set()  # the same in the two: 'agenda', 'sector', tokens
    for en, cy in pairs:
        en_words = set(re.findall(_WORD, en.lower()))
        cy_words = set(re.findall(_WORD, cy.lower()))
        english |= {w for w in en_words if len(w) > 3}
        welsh |= cy_words - en_words
        both |= cy_words & en_words
    return english - welsh - both, welsh - english


def _english_words() -> set[str]:
    return _vocabularies()[0]


def _welsh_words() -> set[str]:
    return {w for w in _vocabularies()[1] if len(w) > 3}


@pytest.mark.parametrize("k", COUNTS)
def test_welsh_documents_hold_no_english_words(texts, k):
    """The typed text here is Welsh or names: an English word in the Welsh
    documents came from code, a token or an untranslated message."""
    english = _english_words()
    for kind in ("counted", "few"):
        words = set(re.findall(r"[a-z_]+", texts[(k, kind, "cy")].lower()))
        tokens = {w for w in words if "_" in w}
        assert not tokens, f"code tokens in Welsh: {sorted(tokens)}"
        leaked = sorted(words & english)
        assert not leaked, f"English in the Welsh documents ({kind}, {k}): {leaked}"


@pytest.mark.parametrize("k", COUNTS)
def test_no_bilingual_line_mixes_the_languages(texts, k):
    """A bilingual line is Welsh, or English, or a short label pair 'Cymraeg /
    English' (each side short): never a Welsh sentence with English in it."""
    english = _english_words()
    welsh_only = _welsh_words() - english
    for kind in ("counted", "few"):
        for line in texts[(k, kind, "bilingual")].splitlines():
            sides = line.split(" / ")
            if len(sides) == 2:
                label = sides[1].split(": ", 1)[0]  # a value from data may follow
                if len(sides[0]) <= SHORT + 12 and len(label) <= SHORT + 12:
                    continue  # a label pair: 'Ymddiheuriadau / Apologies', 'Eitem / Item 2: …'
            words = set(re.findall(r"[a-zâêîôûŵŷ']+", line.lower()))
            assert not (words & english and words & welsh_only), (
                f"mixed: {line!r}: {sorted(words & english)} with {sorted(words & welsh_only)}"
            )


# ------------------------------------------------------------------------- the catalogue

# Placeholders that hold a count in the messages below the window.
COUNT_FIELDS = {"n", "m", "c", "s", "t", "r", "e", "count", "days", "groups", "keep"}


def _fill(template: str, number: str) -> str | None:
    fields = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
    values = {f.split("!")[0]: (number if f.split("!")[0] in COUNT_FIELDS else "X") for f in fields}
    try:
        return template.replace("!r}", "}").format(**values)
    except (KeyError, IndexError, ValueError):
        return None


def test_every_catalogue_message_with_a_number_reads_right():
    """Each message rendered with 0, 1, 2, 3, 6 and 11 in its count placeholders
    (counted messages through their plural forms), in Welsh and English."""
    problems = []
    for en, cy in pipeline.read_catalogue().items():
        for n in ("0", "1", "2", "3", "6", "11"):
            for text, check in ((_fill(cy, n), welsh_number_problems),
                                (_fill(en, n), english_number_problems)):  # fmt: skip
                if text is not None:
                    problems += [f"{en!r}: {p}" for p in check(text)]
    for one, (other, _where) in pipeline.plural_messages().items():
        for n in (0, 1, 2, 3, 6, 11):
            for lang, check in (("cy", welsh_number_problems), ("en", english_number_problems)):
                text = _fill(ngettext(n, one, other, lang).replace("{n}", str(n)), "X")
                problems += [f"{one!r} {n}: {p}" for p in check(text or "")]
    assert not problems, "\n".join(problems)
