"""Reading Teams attendance reports (domain.teams): every layout and locale Teams
writes, awkward names matched to the meeting's people, and files that are not reports."""

from __future__ import annotations

import datetime as dt

import pytest
import teams_files as tf

from secretary.domain.teams import (
    Candidate,
    TeamsReportError,
    match_participants,
    parse_when,
    plain_name,
    read_report,
)

DAY = dt.date(2026, 5, 14)


def at(hhmmss: str) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time.fromisoformat(hhmmss))


def sessions(report, name_start: str) -> list[tuple[str, str | None]]:
    p = next(p for p in report.participants if p.name.startswith(name_start))
    return [
        (s.joined.strftime("%H:%M:%S"), s.left.strftime("%H:%M:%S") if s.left else None)
        for s in p.sessions
    ]


@pytest.mark.parametrize(
    "make", [tf.current_report, tf.us_locale_report, tf.welsh_report], ids=["en-GB", "en-US", "cy"]
)
def test_the_current_layout_in_every_locale(make) -> None:
    report = read_report(make(), "teams.csv", DAY)
    assert report.title == "Upper Valleys Cluster Meeting"
    assert report.start == at("12:58:03") and report.end == at("15:32:10")
    assert len(report.participants) == 6
    # a dropped and rejoined call is two sessions, from the activities section
    assert sessions(report, "Price, Owen") == [("13:01:40", "13:30:12"), ("13:34:35", "14:10:05")]
    assert sessions(report, "Sian Morgan") == [("13:40:55", "15:31:00")]
    owen = next(p for p in report.participants if p.name.startswith("Price"))
    assert owen.email == "owen.price@wales.nhs.uk" and owen.role == "Presenter"


def test_older_layouts() -> None:
    r2021 = read_report(tf.report_2021(), "old.csv", DAY)
    assert [p.name for p in r2021.participants] == ["Carys Miles", "Iwan Parry"]
    assert sessions(r2021, "Iwan") == [("13:03:12", "15:30:00")]
    r2020 = read_report(tf.report_2020(), "older.csv", DAY)
    assert sessions(r2020, "Iwan") == [("13:03:12", "13:30:00"), ("13:35:00", "15:30:00")]
    assert sessions(r2020, "Carys") == [("12:58:03", "15:32:10")]


def test_a_report_resaved_as_utf8_still_reads() -> None:
    text = tf.current_report().decode("utf-16")
    report = read_report(text.encode("utf-8"), "resaved.csv", DAY)
    assert len(report.participants) == 6


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"name,role,seat\nDr Rhian Evans,member,cluster-lead\n",
        "Name\tRole\nDr Rhian Evans\tmember\n".encode("utf-16"),
        b"PK\x03\x04 a zip file, not a report",
        bytes(range(256)) * 20,
    ],
    ids=["empty", "roster csv", "table without times", "zip", "binary"],
)
def test_a_file_that_is_not_a_report_is_one_clear_line(data: bytes) -> None:
    with pytest.raises(TeamsReportError) as caught:
        read_report(data, "notes.csv", DAY)
    message = str(caught.value)
    assert message.startswith("notes.csv: not a Microsoft Teams attendance report")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/05/2026, 13:02:11", "13:02:11"),
        ("5/14/26, 1:02:11 PM", "13:02:11"),
        ("5/14/26, 12:05:00 AM", "00:05:00"),
        ("14.05.2026 09:15", "09:15:00"),
        ("2026-05-14 13:02:11", "13:02:11"),
        ("14/05/2026, 1:02:11 yh", "13:02:11"),
        ("1:02 PM", "13:02:00"),
    ],
)
def test_dates_and_times_as_teams_writes_them(text: str, expected: str) -> None:
    assert parse_when(text, DAY) == at(expected)


def test_day_and_month_told_apart_by_the_meetings_date() -> None:
    # 5 June or 6 May? The meeting's date decides.
    assert parse_when("05/06/2026, 13:00:00", dt.date(2026, 6, 5)).date() == dt.date(2026, 6, 5)
    assert parse_when("05/06/2026, 13:00:00", dt.date(2026, 5, 6)).date() == dt.date(2026, 5, 6)
    assert parse_when("31/02/2026, 13:00", DAY) is None
    assert parse_when("25:00", DAY) is None


def test_plain_names() -> None:
    assert plain_name("Dr Rhian Evans (SBUHB)") == "rhian evans"
    assert plain_name("Evans, Rhian (Pontardawe Surgery)") == "rhian evans"
    assert plain_name("Siân Morgan [Guest]") == "sian morgan"
    assert plain_name("Prof. Huw Davies") == "huw davies"


PEOPLE = [
    Candidate("lead", "Dr Rhian Evans", "rhian.evans@wales.nhs.uk"),
    Candidate("gp1", "Dr Owen Price", "owen.price@wales.nhs.uk"),
    Candidate("pm1", "Siân Morgan", "sian.morgan@wales.nhs.uk"),
    Candidate("cdm", "Carys Miles", ""),
    Candidate("meds", "Iwan Parry", ""),
    Candidate("phw", "Dr Aled Morris", ""),
    Candidate("gp2", "Dr Gwenllian Rees", "gwenllian.rees@wales.nhs.uk"),
]


def test_matching_awkward_names_to_the_meetings_people() -> None:
    report = read_report(tf.current_report(), "teams.csv", DAY)
    found = {
        m.participant.name: (m.person, m.how)
        for m in match_participants(report.participants, PEOPLE)
    }
    assert found["Carys Miles (SBUHB)"] == ("cdm", "name")
    assert found["Price, Owen (Pontardawe Surgery)"] == ("gp1", "email")
    assert found["Iwan Parry (Guest)"] == ("meds", "name")
    assert found["Sian Morgan"] == ("pm1", "name")  # the accent dropped
    assert found["Dr Aled Morris (Public Health Wales)"] == ("phw", "name")
    assert found["Jo Bloggs (External)"] == (None, "none")  # nobody of the meeting


def test_each_person_is_matched_once() -> None:
    from secretary.domain.teams import Participant, Session

    two = [
        Participant("Owen Price", sessions=[Session(at("13:00:00"), None)]),
        Participant("Owen Price (Mobile)", sessions=[Session(at("13:05:00"), None)]),
    ]
    matches = match_participants(two, PEOPLE)
    assert [m.person for m in matches].count("gp1") == 1
