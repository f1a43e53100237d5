"""Roster entries and reading a roster from CSV: good files, bad rows, any bytes."""

from __future__ import annotations

import pytest
from examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from secretary.domain.meeting import Meeting
from secretary.domain.roster import (
    RosterEntry,
    RowError,
    check_roster,
    decode_csv,
    parse_roster_csv,
    slug,
    unique_key,
)
from secretary.domain.terms import load_terms
from secretary.resources import resource

TERMS = load_terms("sbuhb-upper-valleys-2021")
HB = load_terms("hb-committee-example")

GOOD = """name,role,seat,email,organisation,kind
Dr Rhian Evans,member,cluster-lead,rhian.evans@wales.nhs.uk,Pontardawe Surgery,
Siân Morgan,Member,GP practice 1,sian.morgan@wales.nhs.uk,Pontardawe Surgery,
Alun Hughes,deputy,pharmacy,,"Hughes Pharmacy, Trebanos",
Gareth Lloyd,attendee,,,Finance,in-attendance
"""


def errors_by_row(errors):
    return {(e.row, e.column): e.why for e in errors}


def test_good_file():
    entries, errors = parse_roster_csv(GOOD, TERMS)
    assert errors == []
    assert [(e.key, e.role, e.seat) for e in entries] == [
        ("rhian-evans", "member", "cluster-lead"),
        ("sian-morgan", "member", "gp-1"),
        ("alun-hughes", "deputy", "pharmacy"),
        ("gareth-lloyd", "attendee", None),
    ]
    assert entries[2].organisation == "Hughes Pharmacy, Trebanos"
    assert entries[3].kind == "in-attendance"
    # Every entry can go into a meeting as it is.
    m = Meeting(TERMS)
    for e in entries:
        m.apply_raw(e.to_event())
    assert m.people["sian-morgan"].name == "Siân Morgan"


def test_header_case_order_and_aliases_and_semicolons():
    text = "E-mail;SEAT;Full Name;Role\nr@wales.nhs.uk;Dental;Dr Catrin Lewis;MEMBER\n"
    entries, errors = parse_roster_csv(text, TERMS)
    assert errors == []
    assert entries == [
        RosterEntry("catrin-lewis", "Dr Catrin Lewis", "member", "dental", email="r@wales.nhs.uk")
    ]


def test_bom_utf8_and_windows_1252_bytes():
    for data, encoding in [
        (b"\xef\xbb\xbf" + GOOD.encode(), "UTF-8"),
        (GOOD.encode("cp1252"), "Windows-1252"),
        (GOOD.encode("utf-16"), "UTF-16"),
    ]:
        assert decode_csv(data)[1] == encoding
        entries, errors = parse_roster_csv(data, TERMS)
        assert errors == [] and entries[1].name == "Siân Morgan"


def test_bad_rows_each_reported_by_row_number():
    text = """name,role,seat,email,organisation,kind
Dr Rhian Evans,member,cluster-lead,,,
Bob Smith,member,gp-9,not-an-email,,
,member,gp-2,,,
Dr Rhian Evans,member,gp-3,,,
Carol Jones,chairman,dental,,,
Dan Price,member,,,,
Eve Rees,attendee,nursing,,,
Fay Hill,attendee,,,,caterer
Gwen Ellis,member,dental,gwen@x.org,,
Huw Ellis,member,optometry,gwen@x.org,,
Ian Lee,member,nursing,,,,extra
"""
    entries, errors = parse_roster_csv(text, TERMS)
    by_row = errors_by_row(errors)
    assert by_row[(3, "seat")].startswith("no seat 'gp-9' in the terms sbuhb-upper-valleys-2021")
    assert "not an email address" in by_row[(3, "email")]
    assert by_row[(4, "name")] == "the name is missing"
    assert by_row[(5, "name")] == "Dr Rhian Evans is listed twice (first on row 2)"
    assert "not 'chairman'" in by_row[(6, "role")]
    assert by_row[(7, "seat")] == "a member needs a seat"
    assert "attendee holds no seat" in by_row[(8, "seat")]
    assert "not 'caterer'" in by_row[(9, "kind")]
    assert "already given on row 10" in by_row[(11, "email")]
    assert "values: 7" in by_row[(12, "")]
    assert [e.name for e in entries] == ["Dr Rhian Evans", "Gwen Ellis"]
    assert str(errors[0]).startswith("row 3, column seat: no seat 'gp-9'")


def test_deputy_for_a_seat_that_takes_none():
    no_deputies = [s for s in HB.seats if not s.deputy_allowed]
    assert no_deputies, "the HB example terms have a seat without deputies"
    seat = no_deputies[0]
    entries, errors = parse_roster_csv(f"name,role,seat\nA Deputy,deputy,{seat.id}\n", HB)
    assert entries == []
    assert errors_by_row(errors)[(2, "role")] == (
        f"the seat {seat.name} takes no deputy under these terms"
    )


def test_seat_over_full():
    text = "name,role,seat\nA,member,gp-1\nB,member,gp-1\nC,member,gp-1\nD,member,dental\n"
    entries, errors = parse_roster_csv(text, TERMS)
    assert [e.name for e in entries] == ["A", "B", "D"]
    assert errors_by_row(errors)[(4, "seat")] == (
        "GP practice 1 is held by at most 2 at once under these terms (already: A (row 2), "
        "B (row 3))"
    )


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "the file is empty"),
        ("\n\n  \n", "the file is empty"),
        ("name,seat\nA,gp-1\n", "must name the column(s) role"),
        ("name,role\n", "no people in the file"),
    ],
)
def test_file_level_problems(text, why):
    entries, errors = parse_roster_csv(text, TERMS)
    assert entries == [] and why in str(errors[0])


def test_unknown_column_reported_on_the_header_row():
    entries, errors = parse_roster_csv("name,role,seat,emial\nA,member,dental,a@b.org\n", TERMS)
    assert errors == [
        RowError(
            1,
            "",
            "unknown column(s) 'emial': the columns are name, role, "
            "seat, email, organisation, kind, key, profession, substitute_agreed",
        )
    ]


def test_arbitrary_bytes_give_a_clear_error():
    entries, errors = parse_roster_csv(bytes(range(256)) * 4, TERMS)
    assert entries == []
    assert [str(e) for e in errors] == [
        'file: not a text file: save the roster from your spreadsheet as "CSV UTF-8 (comma '
        'delimited)"'
    ]
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    assert "not a text file" in str(parse_roster_csv(png, TERMS)[1][0])


def test_reimport_keeps_the_keys_of_people_already_on_the_roster():
    existing = [RosterEntry("owen", "Dr Owen Price", "member", "gp-1")]
    entries, errors = parse_roster_csv(
        "name,role,seat\ndr owen  price,member,gp-2\nOwen Price,member,gp-3\n",
        TERMS,
        existing=existing,
    )
    assert errors == [] and [e.key for e in entries] == ["owen", "owen-price"]


def test_reimport_never_blanks_known_details():
    existing = [
        RosterEntry(
            "owen",
            "Dr Owen Price",
            "member",
            "gp-1",
            email="o@wales.nhs.uk",
            organisation="Pontardawe Surgery",
        ),
        RosterEntry("fin", "Gareth Lloyd", "attendee", kind="guest", organisation="Finance"),
    ]
    text = "name,role,seat,email\nDr Owen Price,member,gp-2,\nGareth Lloyd,attendee,,\n"
    entries, errors = parse_roster_csv(text, TERMS, existing=existing)
    assert errors == []
    assert entries == [
        RosterEntry(
            "owen",
            "Dr Owen Price",
            "member",
            "gp-2",
            email="o@wales.nhs.uk",
            organisation="Pontardawe Surgery",
        ),
        RosterEntry("fin", "Gareth Lloyd", "attendee", kind="guest", organisation="Finance"),
    ]


def test_slug_and_unique_key():
    assert slug("Dr Siân Morgan") == "sian-morgan"
    assert slug("Ms O'Brien-Jones") == "o-brien-jones"
    assert slug("!!!") == "person" and slug("Dr") == "dr"
    assert unique_key("Siân Morgan", ["sian-morgan", "sian-morgan-2"]) == "sian-morgan-3"


def test_demo_roster_csv_matches_the_demo_meeting():
    from secretary.demo import demo_scenario

    data = resource("demo", "upper-valleys-roster.csv").read_bytes()
    entries, errors = parse_roster_csv(data, TERMS)
    assert errors == []
    people = {e.get("name"): e for e in demo_scenario().setup if e.type == "person_added"}
    assert [e.name for e in entries] == list(people)
    for e in entries:
        p = people[e.name]
        assert (e.role, e.seat, e.organisation, e.email) == (
            p.get("role"),
            p.get("seat"),
            p.get("organisation", ""),
            p.get("email", ""),
        )
    assert check_roster(entries, TERMS) == []


@settings(max_examples=examples(300), deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_never_raise(data):
    entries, errors = parse_roster_csv(data, TERMS)
    assert entries or errors
    assert all(isinstance(e, RowError) and str(e) for e in errors)


csv_ish = st.lists(
    st.lists(
        st.sampled_from(
            [
                "name",
                "role",
                "seat",
                "member",
                "deputy",
                "attendee",
                "gp-1",
                "dental",
                "a@b.org",
                "",
                " ",
                '"',
                "\r",
                "\n",
                "x,y",
                "Siân",
                "\x00",
                "\ufeff",
            ]
        )
        | st.text(max_size=12),
        max_size=7,
    ),
    max_size=8,
)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.one_of(st.text(max_size=400), csv_ish.map(lambda rows: "\n".join(",".join(r) for r in rows)))
)
def test_any_text_never_raises(text):
    entries, errors = parse_roster_csv(text, TERMS)
    assert entries or errors
    m = Meeting(TERMS)
    for e in entries:  # whatever is accepted is a valid meeting person
        m.apply_raw(e.to_event())
