"""Investment proposals (ToR 3.2.2, Appendix 1): the form, its checks, its totals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from secretary.domain.proposal import (
    KINDS,
    NON_RECURRENT,
    RECURRENT,
    CostLine,
    Proposal,
    ProposalError,
    check_costs,
    check_proposal,
    cost_line,
    financial_year,
    parse_form,
    read_form,
    total,
    totals_by_year,
    valid_year,
)
from secretary.domain.terms import load_terms, parse_terms_text

FORM = """\
title = "Social prescriber for the cluster"
priority = "Prevention and Reducing Health Inequalities"
lead = "Tomos Bowen"
description = \"\"\"A social prescriber for the six practices.
Referrals from every practice.\"\"\"
outcomes = "Referrals a month; GP appointments saved."

[[costs]]
line = "Social prescriber (Band 5, 1.0 WTE)"
kind = "recurrent"
year = "2025/26"
amount = 32000

[[costs]]
line = "Social prescriber (Band 5, 1.0 WTE)"
kind = "recurrent"
year = "2026/27"
amount = 33500

[[costs]]
line = "Laptop and phone"
kind = "non-recurrent"
year = "2025-26"
amount = "1,250.50"
"""


def priorities() -> tuple:
    return load_terms("sbuhb-upper-valleys-2021").imtp_priorities


def test_the_seed_terms_list_the_six_cluster_imtp_priorities() -> None:
    names = [p.en for p in priorities()]
    assert len(names) == 6
    assert names[0] == "Improving Unscheduled Care"
    assert "Children, Young People and Maternity" in names
    assert all(p.cy for p in priorities())


def test_a_form_in_toml_reads_with_totals_per_year_and_kind() -> None:
    p = parse_form(FORM, "social.toml", priorities())
    assert p.title == "Social prescriber for the cluster"
    assert p.lead == "Tomos Bowen"
    assert p.description.splitlines() == [
        "A social prescriber for the six practices.",
        "Referrals from every practice.",
    ]
    assert p.total == 66750.5
    assert p.years == ("2025/26", "2026/27")
    assert p.totals_by_year() == {"2025/26": 33250.5, "2026/27": 33500}
    assert p.totals_by_kind() == {RECURRENT: 65500, NON_RECURRENT: 1250.5}
    assert p.lines == ("Social prescriber (Band 5, 1.0 WTE)", "Laptop and phone")
    assert p.amount("Laptop and phone", NON_RECURRENT, "2025/26") == 1250.5
    assert p.amount("Laptop and phone", RECURRENT, "2025/26") is None
    assert p.kinds_of("Laptop and phone") == (NON_RECURRENT,)


def test_the_same_form_in_json_and_the_event_fields_round_trip(tmp_path: Path) -> None:
    p = parse_form(FORM, "social.toml", priorities())
    fields = p.event_fields()
    assert fields["costs"][0] == {
        "line": "Social prescriber (Band 5, 1.0 WTE)",
        "kind": "recurrent",
        "year": "2025/26",
        "amount": 32000,
    }
    assert fields["costs"][2]["amount"] == 1250.5
    path = tmp_path / "social.json"
    path.write_text(json.dumps(fields), encoding="utf-8")
    assert read_form(path, priorities()) == p
    again = Proposal.from_fields(
        {"item": "i1", "proposal": "p-1", **json.loads(json.dumps(fields))}
    )
    assert again == p


def test_a_priority_may_be_named_in_welsh_and_is_kept_in_english() -> None:
    form = FORM.replace(
        "Prevention and Reducing Health Inequalities", "atal a lleihau anghydraddoldebau iechyd"
    )
    assert parse_form(form, "f.toml", priorities()).priority == (
        "Prevention and Reducing Health Inequalities"
    )


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (
            ('title = "Social prescriber for the cluster"', 'title = "  "'),
            "f.toml: Title: missing",
        ),
        (
            ('priority = "Prevention and Reducing Health Inequalities"', 'priority = "Roads"'),
            "f.toml: Roads is not one of the Cluster IMTP priorities of these terms: "
            "Improving Unscheduled Care; Improving Planned Care;",
        ),
        (("amount = 32000", "amount = 0"), "f.toml: cost line 1: the amount must be more than £0"),
        (("amount = 32000", "amount = -5"), "f.toml: cost line 1: the amount must be more than £0"),
        (
            ("amount = 32000", 'amount = "lots"'),
            'f.toml: cost line 1: the amount must be a number of pounds, not "lots"',
        ),
        (
            ("amount = 32000", "amount = 1.005"),
            "f.toml: cost line 1: the amount has fractions of a penny: 1.005",
        ),
        (
            ('year = "2026/27"', 'year = "2026/28"'),
            'f.toml: cost line 2: the year must be a financial year such as 2025/26, not "2026/28"',
        ),
        (
            ('kind = "non-recurrent"', 'kind = "one-off"'),
            'f.toml: cost line 3: the kind must be recurrent or non-recurrent, not "one-off"',
        ),
        (
            ('line = "Laptop and phone"', 'line = ""'),
            "f.toml: cost line 3: name what the money is for (line)",
        ),
        (
            ('year = "2026/27"', 'year = "2025/26"'),
            "f.toml: cost line 2 repeats cost line 1 (Social prescriber (Band 5, 1.0 WTE), "
            "recurrent, 2025/26)",
        ),
        (("lead = ", "leader = "), "f.toml: unknown field leader (known: title, priority,"),
        (("amount = 33500", "amount = 33500\nvat = 1"), "f.toml: cost line 2: unknown field vat"),
        (("[[costs]]", "[[cost]]"), "f.toml: unknown field cost"),
        (
            ('title = "Social prescriber for the cluster"', "title = 3"),
            "f.toml: Title: must be text, not 3",
        ),
        (('title = "Social', 'title = "Social\\u0007'), None),  # a control: kept out later
        (("[[costs]]", "[[costs"), "f.toml: not a proposal form: not valid TOML"),
    ],
)
def test_bad_forms_are_refused_in_one_line_saying_what_and_where(
    change: tuple[str, str], says: str | None
) -> None:
    old, new = change
    form = FORM.replace(old, new, 1)
    assert form != FORM
    if says is None:
        parse_form(form, "f.toml", priorities())
        return
    with pytest.raises(ProposalError) as err:
        parse_form(form, "f.toml", priorities())
    text = str(err.value)
    assert text.startswith(says), text
    assert "\n" not in text


def test_no_costs_is_refused_and_an_empty_list_too() -> None:
    form = FORM[: FORM.index("[[costs]]")]
    with pytest.raises(ProposalError, match="give the costs: at least one cost line"):
        parse_form(form, "f.toml")
    with pytest.raises(ProposalError, match="the costs must be a list"):
        check_costs({"line": "x"})


def test_refusals_render_in_welsh() -> None:
    with pytest.raises(ProposalError) as err:
        check_costs([{"line": "Nyrs", "kind": "recurrent", "year": "2025/26", "amount": 0}])
    welsh = err.value.problem.render("cy")
    assert welsh != err.value.problem.render("en")
    assert "llinell gost 1" in welsh


def test_without_priorities_in_the_terms_any_priority_is_taken_as_given() -> None:
    p = check_proposal(
        {
            "title": "Care home round",
            "priority": "Our own local priority",
            "description": "Weekly GP round of the care homes.",
            "outcomes": "Admissions from care homes.",
            "costs": [{"line": "GP sessions", "kind": "non-recurrent", "year": "2026/2027",
                       "amount": 4000}],
        }
    )  # fmt: skip
    assert p.priority == "Our own local priority"
    assert p.costs == (CostLine("GP sessions", NON_RECURRENT, "2026/27", 4000.0),)
    assert isinstance(p, Proposal)


def test_financial_years() -> None:
    assert financial_year("2025/26", "x") == "2025/26"
    assert financial_year("2099-2100", "x") == "2099/00"
    assert financial_year(" 2025 / 2026 ", "x") == "2025/26"
    for bad in ("2025", "25/26", "2025/27", 2025, None):
        with pytest.raises(ProposalError):
            financial_year(bad, "x")


def test_missing_and_unreadable_form_files(tmp_path: Path) -> None:
    with pytest.raises(ProposalError, match=r"nope\.toml: no such file"):
        read_form(tmp_path / "nope.toml")
    doc = tmp_path / "p.docx"
    doc.write_bytes(b"PK")
    with pytest.raises(ProposalError, match=r"a proposal form is a \.toml or \.json file"):
        read_form(doc)
    binary = tmp_path / "p.json"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ProposalError, match="not a text file"):
        read_form(binary)
    bad = tmp_path / "q.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ProposalError, match="expected title, priority and costs"):
        read_form(bad)


def test_terms_imtp_table_is_checked() -> None:
    base = Path(__file__).parent.parent / "resources/terms/sbuhb-upper-valleys-2021.toml"
    text = base.read_text(encoding="utf-8")
    with pytest.raises(Exception, match="imtp.priorities_cy: must give the Welsh of each"):
        parse_terms_text(text.replace('    "Plant, Pobl Ifanc a Mamolaeth",\n', ""), "t.toml")
    with pytest.raises(Exception, match="imtp.colour: unknown key"):
        parse_terms_text(text.replace("[imtp]\n", '[imtp]\ncolour = "blue"\n'), "t.toml")
    no_imtp = text[: text.index("[imtp]")]
    assert parse_terms_text(no_imtp, "t.toml").imtp_priorities == ()


def test_pence_add_up_exactly() -> None:
    costs = check_costs(
        [{"line": f"Line {i}", "kind": "non-recurrent", "year": "2025/26", "amount": 0.1}
         for i in range(3)]
    )  # fmt: skip
    assert total(costs) == 0.3
    assert totals_by_year(costs) == {("2025/26", "non-recurrent"): 0.3}
    assert valid_year("2025/26") and not valid_year("2025-26")
    assert cost_line({"line": "x", "kind": "recurrent", "year": "2025/26", "amount": 5}).amount == 5


YEARS = st.integers(2020, 2035).map(lambda y: f"{y}/{(y + 1) % 100:02d}")
PENCE = st.integers(1, 10**9)  # an amount in pence: £0.01 to £10,000,000
COSTS = st.lists(
    st.tuples(st.sampled_from(["Nurse", "Pharmacist", "Laptop"]), st.sampled_from(KINDS),
              YEARS, PENCE),
    min_size=1,
    max_size=12,
    unique_by=lambda c: (c[0], c[1], c[2]),
)  # fmt: skip


@settings(max_examples=examples(200), deadline=None)
@given(costs=COSTS)
def test_totals_agree_to_the_penny_and_the_event_fields_read_back(costs: list) -> None:
    raw = [
        {"line": line, "kind": kind, "year": year, "amount": pence / 100}
        for line, kind, year, pence in costs
    ]
    p = check_proposal(
        {"title": "T", "priority": "P", "description": "D", "outcomes": "O", "costs": raw}
    )
    whole = sum(c[3] for c in costs)
    assert round(p.total * 100) == whole
    assert round(sum(p.totals_by_year().values()) * 100) == whole
    assert round(sum(p.totals_by_kind().values()) * 100) == whole
    assert round(sum(totals_by_year(p.costs).values()) * 100) == whole
    for year in p.years:
        by_kind = sum(p.total_for_year(year, k) for k in KINDS)
        assert round(by_kind * 100) == round(p.total_for_year(year) * 100)
    again = Proposal.from_fields(json.loads(json.dumps(p.event_fields())))
    assert again == p


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=12,
)  # fmt: skip


@settings(max_examples=examples(300), deadline=None)
@given(
    data=st.dictionaries(
        st.sampled_from(["title", "priority", "description", "outcomes", "lead", "costs", "x"]),
        JSONISH,
    )
)
def test_any_form_is_read_or_refused_in_one_line(data: dict) -> None:
    try:
        text = json.dumps(data)
    except ValueError:
        return
    try:
        parse_form(text, "f.json", priorities())
    except ProposalError as exc:
        assert str(exc).startswith("f.json: ") and "\n" not in str(exc)


@settings(max_examples=examples(200), deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_as_a_toml_form_is_read_or_refused(text: str) -> None:
    try:
        parse_form(text, "f.toml")
    except ProposalError as exc:
        assert str(exc).startswith("f.toml: ")


def test_terms_check_says_the_priorities_in_words() -> None:
    from secretary.domain.terms_check import describe

    lines = [line.render("en") for line in describe(load_terms("sbuhb-upper-valleys-2021"))]
    assert lines[-1].startswith(
        "Investment proposals: in line with one of the Cluster IMTP priorities: "
        "Improving Unscheduled Care; Improving Planned Care;"
    )
    welsh = describe(load_terms("sbuhb-upper-valleys-2021"))[-1].render("cy")
    assert welsh.startswith("Cynigion buddsoddi: yn unol ag un o flaenoriaethau CTCI y Clwstwr: ")
    assert "Atal a Lleihau Anghydraddoldebau Iechyd" in welsh
