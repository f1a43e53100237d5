"""Loading Terms of Reference: the bundled files, and every problem reported at once."""

from __future__ import annotations

import copy
import tomllib
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from examples import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretary.domain.terms import (
    Terms,
    TermsError,
    bundled_terms_dir,
    bundled_terms_ids,
    load_terms,
    parse_terms,
    parse_terms_text,
)

SEED = "sbuhb-upper-valleys-2021"


def seed_data() -> dict[str, Any]:
    return tomllib.loads((bundled_terms_dir() / f"{SEED}.toml").read_text(encoding="utf-8"))


def problems_of(data: Any, source: str = "bad.toml") -> list[tuple[str, str, str]]:
    with pytest.raises(TermsError) as info:
        parse_terms(data, source)
    assert info.value.problems, "a TermsError always lists its problems"
    return [(p.file, p.key, p.why) for p in info.value.problems]


def keys(problems: list[tuple[str, str, str]]) -> set[str]:
    return {k for _, k, _ in problems}


# --------------------------------------------------------------------------- bundled files


def test_three_bundled_files() -> None:
    assert set(bundled_terms_ids()) >= {SEED, "hb-committee-example", "unanimity-example"}


@pytest.mark.parametrize(
    "terms_id", ["sbuhb-upper-valleys-2021", "hb-committee-example", "unanimity-example"]
)
def test_bundled_files_load_and_are_named_by_their_id(terms_id: str) -> None:
    terms = load_terms(terms_id)
    assert isinstance(terms, Terms)
    assert terms.id == terms_id
    assert terms.name.en and terms.name.cy
    assert all(s.name.cy for s in terms.seats), "every seat has a Welsh name"
    assert "non-financial" in terms.decisions
    # every rule can describe itself for the minutes
    for rule in terms.decisions.values():
        assert rule.describe().startswith(rule.id)


def test_seed_shape() -> None:
    t = load_terms(SEED)
    assert len(t.seats) == 16
    assert len(t.groups) == 15
    assert t.meeting_quorum.seats is not None
    assert t.meeting_quorum.seats.required(len(t.seats)) == 6
    assert t.seat("therapies-1").group == t.seat("therapies-2").group == "therapies"
    assert all(t.seat(f"gp-{i}").holders == 2 for i in range(1, 5))
    assert [s.id for s in t.seats_tagged("chair")] == ["cluster-lead"]
    assert len(t.seats_tagged("gp-practice")) == 4
    assert t.casting_vote == "none"
    assert t.proxies_allowed and not t.proxies_count_to_quorum
    assert t.deputies_allowed and t.deputies_count_to_quorum and t.deputies_may_vote
    assert len(t.decision_quorum.clauses) == 4
    assert t.meeting_quorum.clauses == ()
    fin, non = t.decisions["financial"], t.decisions["non-financial"]
    assert (fin.fraction, fin.comparison, fin.base, fin.rounding) == (
        Fraction(3, 4),
        ">=",
        "eligible",
        "up",
    )
    assert (non.fraction, non.comparison, non.base, non.rounding) == (
        Fraction(1, 2),
        ">",
        "cast",
        "none",
    )
    assert dict(t.attendance_requirements) == {"gp-practice": 5, "optometry": 4}
    assert dict(t.deadlines) == {
        "papers_days_before": 5,
        "minutes_days_after": 7,
        "interim_notice_days": 7,
    }
    assert {k.id for k in t.attendee_kinds} == {
        "in-attendance",
        "guest",
        "practice-manager",
        "secretariat",
        "co-opted",
    }


def test_hb_committee_shape() -> None:
    t = load_terms("hb-committee-example")
    assert len(t.seats) == 9 and len(t.groups) == 9
    assert t.meeting_quorum.seats is not None
    assert t.meeting_quorum.seats.required(9) == 3
    assert [c.kind for c in t.meeting_quorum.clauses] == ["any_of", "tag", "tag"]
    assert t.decision_quorum.clauses == () and t.decision_quorum.seats is None
    assert t.casting_vote == "chair"
    assert not t.proxies_allowed
    assert len(t.seats_tagged("independent")) == 5
    assert len(t.seats_tagged("officer")) == 4


def test_unanimity_shape() -> None:
    t = load_terms("unanimity-example")
    assert len(t.seats) == 5
    assert t.meeting_quorum.seats is not None
    assert t.meeting_quorum.seats.required(5) == 5
    rule = t.decisions["non-financial"]
    assert [rule.required(n) for n in range(0, 6)] == [1, 1, 2, 3, 4, 5]
    assert t.casting_vote == "none"


def test_load_by_path_and_unknown_reference(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        (bundled_terms_dir() / f"{SEED}.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert load_terms(path).id == SEED
    assert load_terms("mine.toml", base_dir=tmp_path).id == SEED
    with pytest.raises(TermsError) as info:
        load_terms("no-such-terms")
    assert "no such terms of reference" in str(info.value)
    assert SEED in str(info.value)


# --------------------------------------------------------------------------- required votes


@pytest.mark.parametrize(
    ("fraction", "comparison", "rounding", "base", "needed"),
    [
        ("3/4", ">=", "up", 4, 3),
        ("3/4", ">=", "up", 8, 6),
        ("3/4", ">=", "up", 6, 5),
        ("3/4", ">=", "up", 10, 8),
        ("3/4", ">=", "up", 0, 1),
        ("1/2", ">", "none", 5, 3),
        ("1/2", ">", "none", 4, 3),
        ("1/2", ">", "none", 0, 1),
        ("1/2", ">", "none", 1, 1),
        ("1/2", ">=", "none", 4, 2),
        ("1/2", ">=", "none", 5, 3),
        ("2/3", ">=", "down", 10, 6),
        ("2/3", ">", "up", 9, 7),
        ("1", ">=", "up", 5, 5),
    ],
)
def test_required_votes(
    fraction: str, comparison: str, rounding: str, base: int, needed: int
) -> None:
    data = seed_data()
    data["decisions"]["non-financial"].update(
        fraction=fraction, comparison=comparison, rounding=rounding
    )
    rule = parse_terms(data).decisions["non-financial"]
    assert rule.required(base) == needed


def test_fraction_spellings() -> None:
    for spelling in ("75%", "3/4", 0.75, " 75 % ", "0.75"):
        data = seed_data()
        data["decisions"]["financial"]["fraction"] = spelling
        assert parse_terms(data).decisions["financial"].fraction == Fraction(3, 4)


# --------------------------------------------------------------------------- errors


def test_bad_toml_is_one_problem_naming_the_file() -> None:
    with pytest.raises(TermsError) as info:
        parse_terms_text('id = "x"\n[seats\n', "broken.toml")
    (problem,) = info.value.problems
    assert problem.file == "broken.toml"
    assert "not valid TOML" in problem.why
    assert str(problem).startswith("broken.toml: ")


def test_bad_toml_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("id = \n", encoding="utf-8")
    with pytest.raises(TermsError) as info:
        load_terms(path)
    assert info.value.problems[0].file == str(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'name = "Caf\xe9"\n')
    with pytest.raises(TermsError) as info:
        load_terms(path)
    assert "UTF-8" in str(info.value)


def test_wrong_types() -> None:
    data = seed_data()
    data["id"] = 5
    data["seats"][1]["holders"] = "two"
    data["seats"][2]["tags"] = "gp-practice"
    data["deputies"]["may_vote"] = "yes"
    data["deadlines"]["papers_days_before"] = True
    found = problems_of(data)
    assert keys(found) >= {
        "id",
        "seats[1] (gp-1).holders",
        "seats[2] (gp-2).tags",
        "deputies.may_vote",
        "deadlines.papers_days_before",
    }
    whys = {k: w for _, k, w in found}
    assert whys["id"] == "must be text, not a whole number"
    assert "whole number" in whys["seats[1] (gp-1).holders"]
    assert "true or false" in whys["deputies.may_vote"]


def test_unknown_seat_in_clause() -> None:
    data = seed_data()
    data["decision_quorum"]["clauses"][0]["seat"] = "cluster-leed"
    data["decision_quorum"]["clauses"][2]["any_of"] = ["pharmacy", "dentist"]
    found = problems_of(data)
    assert ("bad.toml", "decision_quorum.clauses[0].seat", "unknown seat 'cluster-leed'") in found
    assert ("bad.toml", "decision_quorum.clauses[2].any_of", "unknown seat 'dentist'") in found


def test_unknown_tag() -> None:
    data = seed_data()
    data["decision_quorum"]["clauses"][1]["tag"] = "gp-practise"
    data["seats"][0]["tags"] = ["chiar"]
    data["attendance_requirements"]["dental"] = 3
    found = problems_of(data)
    assert keys(found) >= {
        "decision_quorum.clauses[1].tag",
        "seats[0] (cluster-lead).tags",
        "attendance_requirements.dental",
    }
    assert any("'gp-practise' is not defined under [tags]" in w for _, _, w in found)


def test_missing_decisions() -> None:
    data = seed_data()
    del data["decisions"]
    found = problems_of(data)
    assert keys(found) == {"decisions"}
    assert "missing" in found[0][2]


def test_missing_non_financial_rule() -> None:
    data = seed_data()
    del data["decisions"]["non-financial"]
    assert "decisions" in keys(problems_of(data))


def test_missing_quorum_and_seats() -> None:
    data = seed_data()
    del data["quorum"]
    del data["seats"]
    found = keys(problems_of(data))
    assert {"quorum", "seats"} <= found


@pytest.mark.parametrize("bad", ["150%", 0, "0", -0.5, "3/2", "lots", "1/0", True])
def test_fraction_out_of_range(bad: Any) -> None:
    data = seed_data()
    data["decisions"]["financial"]["fraction"] = bad
    found = problems_of(data)
    assert keys(found) == {"decisions.financial.fraction"}


def test_bad_choices_and_unknown_keys() -> None:
    data = seed_data()
    data["decisions"]["financial"]["comparison"] = "=>"
    data["decisions"]["financial"]["base"] = "present"
    data["decisions"]["financial"]["roundng"] = "up"
    data["voting"]["casting_vote"] = "vice-chair"
    data["quorum"]["seats"] = {"fraction": "1/3", "rounding": "nearest"}
    data["colour"] = "blue"
    found = problems_of(data)
    assert keys(found) >= {
        "decisions.financial.comparison",
        "decisions.financial.base",
        "decisions.financial.roundng",
        "voting.casting_vote",
        "quorum.seats.rounding",
        "colour",
    }


def test_bad_clauses() -> None:
    data = seed_data()
    data["decision_quorum"]["clauses"] = [
        {"seat": "cluster-lead", "tag": "chair"},
        {"label": "nothing"},
        {"tag": "gp-practice", "at_least": 1, "fraction": "1/2"},
        {"tag": "gp-practice", "at_least": -1},
        "pharmacy",
    ]
    found = keys(problems_of(data))
    assert {f"decision_quorum.clauses[{i}]" for i in (0, 1, 2, 4)} <= found
    assert "decision_quorum.clauses[3].at_least" in found


def test_duplicate_seat_ids() -> None:
    data = seed_data()
    data["seats"][1]["id"] = "cluster-lead"
    found = problems_of(data)
    assert any("used twice" in w for _, _, w in found)


def test_several_problems_reported_at_once_each_with_file_and_key() -> None:
    data = seed_data()
    data["decision_quorum"]["clauses"][0]["seat"] = "nobody"
    data["decisions"]["financial"]["fraction"] = "175%"
    data["seats"][3]["holders"] = 0
    data["proxies"]["allowed"] = "sometimes"
    data["deadlines"]["agenda_days_before"] = 3
    with pytest.raises(TermsError) as info:
        parse_terms(data, "cluster.toml")
    problems = info.value.problems
    assert len(problems) == 5
    assert all(p.file == "cluster.toml" and p.key and p.why for p in problems)
    message = str(info.value)
    for p in problems:
        assert f"cluster.toml: {p.key}: {p.why}" in message


def test_error_has_no_traceback_material() -> None:
    """A TermsError's text is the problems, in words: no exception chain to print."""
    with pytest.raises(TermsError) as info:
        parse_terms_text("= nonsense", "x.toml")
    assert info.value.__cause__ is None
    assert info.value.__suppress_context__
    assert "Traceback" not in str(info.value)


def test_not_a_table() -> None:
    assert keys(problems_of(["a", "list"])) == {""}


# --------------------------------------------------------------------------- robustness

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 20),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.lists(st.text(max_size=4), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


SEED_PATHS = _paths(seed_data())


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(SEED_PATHS), JUNK, st.booleans()), max_size=4))
def test_mangled_terms_never_crash_the_loader(edits: list[tuple[Any, Any, bool]]) -> None:
    data = copy.deepcopy(seed_data())
    for path, junk, delete in edits:
        target = data
        try:
            for step in path[:-1]:
                target = target[step]
            if delete and isinstance(target, dict):
                target.pop(path[-1], None)
            else:
                target[path[-1]] = junk
        except (KeyError, IndexError, TypeError):
            continue
    try:
        terms = parse_terms(data, "mangled.toml")
    except TermsError as exc:
        assert exc.problems
        assert all(p.file == "mangled.toml" for p in exc.problems)
    else:
        assert terms.seats


def test_negative_deadline_and_unknown_attendee_kind_key() -> None:
    data = seed_data()
    data["deadlines"]["minutes_days_after"] = -7
    data["attendee_kinds"][0]["colour"] = "green"
    found = keys(problems_of(data))
    assert found == {"deadlines.minutes_days_after", "attendee_kinds[0].colour"}
