"""Readers of generated text for the mistakes a Welsh reader notices first: a noun
after a numeral that is not mutated as the numeral requires, a plural noun straight
after a numeral, "1 o …"; and English count agreement ("1 meetings").

Welsh written with digits mutates as if the numeral were spoken: un + feminine
(soft), dau/dwy (soft), tri + masculine (aspirate), chwe (aspirate); from 11 on,
and generally in this app's catalogue for 4, 5, 7–10 too, "o" with the plural.
"""

from __future__ import annotations

import re

# radical: (gender, soft, aspirate, plural)
NOUNS: dict[str, tuple[str, str, str, str]] = {
    "pleidlais": ("f", "bleidlais", "phleidlais", "pleidleisiau"),
    "practis": ("m", "bractis", "phractis", "practisau"),
    "cyfarfod": ("m", "gyfarfod", "chyfarfod", "cyfarfodydd"),
    "problem": ("f", "broblem", "phroblem", "problemau"),
    "rhes": ("f", "res", "rhes", "rhesi"),
    "gwerth": ("m", "werth", "gwerth", "gwerthoedd"),
    "colofn": ("f", "golofn", "colofn", "colofnau"),
    "diwrnod": ("m", "ddiwrnod", "diwrnod", "diwrnodau"),
    "digwyddiad": ("m", "ddigwyddiad", "digwyddiad", "digwyddiadau"),
    "datganiad": ("m", "ddatganiad", "datganiad", "datganiadau"),
    "cam": ("m", "gam", "cham", "camau"),
    "person": ("m", "berson", "pherson", "personau"),
    "cofnod": ("m", "gofnod", "chofnod", "cofnodion"),
    "copi": ("m", "gopi", "chopi", "copïau"),
    "sedd": ("f", "sedd", "sedd", "seddi"),
    "aelod": ("m", "aelod", "aelod", "aelodau"),
    "eitem": ("f", "eitem", "eitem", "eitemau"),
    "grŵp": ("m", "grŵp", "grŵp", "grwpiau"),
    "tudalen": ("f", "dudalen", "thudalen", "tudalennau"),
}
_FORMS = {
    form: (radical, kind)
    for radical, (_g, soft, asp, plural) in NOUNS.items()
    for form, kind in ((radical, "radical"), (soft, "soft"), (asp, "aspirate"), (plural, "plural"))
}
_PLURALS = {plural for _g, _s, _a, plural in NOUNS.values()} | {"pobl"}
_SOFT = {"b": "p", "d": "t", "g": "c", "f": "b", "dd": "d", "l": "ll", "r": "rh"}


def _demutate(word: str) -> str:
    """The radical of a soft-mutated word, as far as the nouns here need it."""
    word = word.strip(".,;:()")
    if word in _PLURALS:
        return word
    for mutated, radical in sorted(_SOFT.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(mutated) and radical + word[len(mutated) :] in _PLURALS:
            return radical + word[len(mutated) :]
    return "g" + word if "g" + word in _PLURALS else word


_AFTER_NUMBER = re.compile(r"(?<![\d.,:/£%-])\b(\d+) (\w+)\b", re.UNICODE)

ENGLISH_NOUNS = (
    "meeting", "declaration", "person", "vote", "seat", "event", "problem", "action",
    "day", "member", "row", "column", "value", "abstention", "group", "practice",
)  # fmt: skip
_EN_PLURAL = {n: ("people" if n == "person" else n + "s") for n in ENGLISH_NOUNS}


def welsh_number_problems(text: str) -> list[str]:
    """Each numeral + noun in ``text`` that a Welsh reader would correct."""
    problems = []
    for m in _AFTER_NUMBER.finditer(text):
        n, word = int(m.group(1)), m.group(2).lower()
        found = _FORMS.get(word)
        where = text[max(0, m.start() - 30) : m.end() + 20].replace("\n", " ")
        if word == "o" and n == 1:
            after = text[m.end() :].split(maxsplit=1)
            if after and _demutate(after[0].lower()) in _PLURALS:
                problems.append(f"'1 o' + plural ('one' takes the singular): …{where}…")
            continue
        if found is None:
            continue
        radical, kind = found
        gender, soft, asp, _plural = NOUNS[radical]
        if kind == "plural":
            problems.append(f"plural noun after a numeral: …{where}…")
        elif n == 1 and gender == "f" and soft != radical and kind != "soft":
            problems.append(f"un + feminine noun takes the soft mutation ({soft}): …{where}…")
        elif n == 2 and soft != radical and kind != "soft":
            problems.append(f"2 takes the soft mutation ({soft}): …{where}…")
        elif n == 3 and gender == "m" and asp != radical and kind != "aspirate":
            problems.append(f"tri takes the aspirate mutation ({asp}): …{where}…")
        elif n == 6 and asp != radical and kind != "aspirate":
            problems.append(f"chwe takes the aspirate mutation ({asp}): …{where}…")
        elif n == 0 or n >= 11:
            problems.append(f"{n} + singular noun (use 'o' + plural, or 'dim'): …{where}…")
    return problems


def english_number_problems(text: str) -> list[str]:
    """'1 meetings', '2 meeting' and the like."""
    problems = []
    for m in _AFTER_NUMBER.finditer(text):
        n, word = int(m.group(1)), m.group(2).lower()
        where = text[max(0, m.start() - 30) : m.end() + 20].replace("\n", " ")
        if n == 1 and word in _EN_PLURAL.values():
            problems.append(f"1 + plural: …{where}…")
        elif n != 1 and word in _EN_PLURAL and word != "person":
            problems.append(f"{n} + singular: …{where}…")
    return problems
