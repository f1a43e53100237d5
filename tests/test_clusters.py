"""Clusters, their terms by date, their roster by date, and meetings made from them."""

from __future__ import annotations

import pytest

from secretary.domain.agenda import item_heading
from secretary.domain.meeting import Meeting
from secretary.domain.roster import RosterEntry
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import read_terms_source
from secretary.store import LiveMeeting, Record
from secretary.store import clusters as cl
from secretary.store.clusters import ClusterError

UV = "sbuhb-upper-valleys-2021"
UV_TEXT = read_terms_source(UV)[0]
# The same terms with one seat fewer and a smaller quorum: a terms change.
NEW_TEXT = UV_TEXT.replace('id = "sbuhb-upper-valleys-2021"', 'id = "uv-2026"').replace(
    '[[seats]]\nid = "third-sector"\nname = "Third Sector / Community Voluntary Service"\n'
    'name_cy = "Trydydd Sector / Gwasanaeth Gwirfoddol Cymunedol"\ngroup = "third-sector"\n',
    "",
)


@pytest.fixture
def record(record_path):
    r = Record(record_path)
    yield r
    r.close()


@pytest.fixture
def cluster(record):
    cid = cl.create_cluster(record, "Upper Valleys Primary Care Cluster", "Swansea Bay UHB")
    cl.set_terms(record, cid, UV, UV_TEXT, "2021-03-03")
    return cid


def person(name, role="member", seat=None, **kw):
    return RosterEntry(key=kw.pop("key", ""), name=name, role=role, seat=seat, **kw)


def test_new_terms_text_really_drops_a_seat():
    assert 'id = "third-sector"' in UV_TEXT and 'id = "third-sector"' not in NEW_TEXT


def test_create_and_list_clusters(record):
    a = cl.create_cluster(record, "  Upper   Valleys Primary Care Cluster ", "Swansea Bay UHB")
    b = cl.create_cluster(record, "Afan Cluster")
    listed = cl.list_clusters(record)
    assert [c.name for c in listed] == ["Afan Cluster", "Upper Valleys Primary Care Cluster"]
    assert {c.id for c in listed} == {a, b}
    assert cl.get_cluster(record, a).prefix == "UVC"
    assert cl.get_cluster(record, b).prefix == "AC"
    with pytest.raises(ClusterError, match="already a cluster named"):
        cl.create_cluster(record, "upper valleys primary care cluster")
    with pytest.raises(ClusterError, match="needs a name"):
        cl.create_cluster(record, "   ")


def test_reference_prefix():
    assert cl.reference_prefix("Upper Valleys Primary Care Cluster") == "UVC"
    assert cl.reference_prefix("Cwmtawe Cluster") == "CC"
    assert cl.reference_prefix("") == "C"


def test_terms_in_force_by_date(record, cluster):
    cl.set_terms(record, cluster, "uv-2026", NEW_TEXT, "2026-04-01")
    assert cl.terms_in_force(record, cluster, "2026-03-31")[0] == UV
    assert cl.terms_in_force(record, cluster, "2026-04-01") == ("uv-2026", NEW_TEXT)
    with pytest.raises(
        ClusterError,
        match=r"no terms of reference in force on 2020-01-01 "
        r"\(the first take effect on 2021-03-03\)",
    ):
        cl.terms_in_force(record, cluster, "2020-01-01")
    with pytest.raises(ClusterError, match="must be a date"):
        cl.terms_in_force(record, cluster, "1 April")


def test_bad_terms_text_is_refused_with_every_problem(record, cluster):
    bad = UV_TEXT.replace('fraction = "75%"', 'fraction = "175%"').replace(
        'seat = "cluster-lead"', 'seat = "no-such-seat"'
    )
    with pytest.raises(ClusterError) as info:
        cl.set_terms(record, cluster, "bad", bad, "2026-01-01")
    message = str(info.value)
    assert "cannot be used" in message
    assert "decisions.financial.fraction" in message and "no-such-seat" in message
    with pytest.raises(ClusterError, match="not valid TOML"):
        cl.set_terms(record, cluster, "worse", "this is [not toml", "2026-01-01")
    # Nothing saved: the old terms are still in force.
    assert cl.terms_in_force(record, cluster, "2026-06-01")[0] == UV
    assert len(cl.terms_versions(record, cluster)) == 1


def test_roster_versioned_by_date(record, cluster):
    key = cl.add_person(record, cluster, person("Dr Owen Price", seat="gp-1"), "2025-01-01")
    assert key == "owen-price"
    cl.add_person(record, cluster, person("Siân Morgan", seat="gp-1"), "2025-01-01")
    # Owen moves to GP practice 2 from 1 April 2026, and leaves at the end of June.
    moved = person("Dr Owen Price", seat="gp-2", key=key, email="owen.price@wales.nhs.uk")
    cl.update_person(record, cluster, moved, "2026-04-01")
    cl.end_person(record, cluster, key, "2026-07-01")

    def owen(on):
        return [e for e in cl.roster_on(record, cluster, on) if e.key == key]

    assert owen("2024-12-31") == []
    assert owen("2026-03-31")[0].seat == "gp-1"
    assert owen("2026-04-01")[0].seat == "gp-2"
    assert owen("2026-06-30")[0].email == "owen.price@wales.nhs.uk"
    assert owen("2026-07-01") == []
    # Nothing overwritten: both of Owen's entries are kept with their dates.
    history = [
        (v.entry.seat, v.effective_from, v.effective_to)
        for v in cl.roster_history(record, cluster)
        if v.entry.key == key
    ]
    assert history == [("gp-1", "2025-01-01", "2026-04-01"), ("gp-2", "2026-04-01", "2026-07-01")]


def test_change_in_the_past_keeps_later_changes(record, cluster):
    key = cl.add_person(record, cluster, person("Eleri Thomas", seat="nursing"), "2025-01-01")
    cl.update_person(
        record,
        cluster,
        person("Eleri Thomas", seat="nursing", key=key, organisation="SBUHB"),
        "2026-06-01",
    )
    # A correction effective earlier ends when the later change takes over.
    cl.update_person(
        record,
        cluster,
        person("Eleri Thomas", seat="nursing", key=key, email="eleri@wales.nhs.uk"),
        "2026-03-01",
    )
    assert cl.roster_on(record, cluster, "2026-04-01")[0].email == "eleri@wales.nhs.uk"
    assert cl.roster_on(record, cluster, "2026-06-01")[0].organisation == "SBUHB"
    with pytest.raises(ClusterError, match="change recorded from 2026-06-01"):
        cl.end_person(record, cluster, key, "2026-04-01")


def test_roster_refuses_what_the_terms_refuse(record, cluster):
    with pytest.raises(ClusterError, match="no seat 'gp-9'"):
        cl.add_person(record, cluster, person("A", seat="gp-9"), "2026-01-01")
    with pytest.raises(ClusterError, match="needs a seat"):
        cl.add_person(record, cluster, person("B"), "2026-01-01")
    with pytest.raises(ClusterError, match="not an email"):
        cl.add_person(record, cluster, person("C", seat="dental", email="nope"), "2026-01-01")
    cl.add_person(record, cluster, person("Nurse One", seat="nursing"), "2026-01-01")
    with pytest.raises(ClusterError, match="at most 1 at once"):
        cl.add_person(record, cluster, person("Nurse Two", seat="nursing"), "2026-01-01")
    key = cl.add_person(record, cluster, person("Dep", "deputy", "nursing"), "2026-01-01")
    with pytest.raises(ClusterError, match="already on the roster"):
        cl.add_person(record, cluster, person("Dep", "deputy", "nursing", key=key), "2026-02-01")
    with pytest.raises(ClusterError, match="not on the roster on 2025-01-01"):
        cl.end_person(record, cluster, key, "2025-01-01")
    assert [e.name for e in cl.roster_on(record, cluster, "2026-06-01")] == ["Nurse One", "Dep"]


def test_keys_are_unique_in_the_cluster_history(record, cluster):
    a = cl.add_person(record, cluster, person("Dr Huw Davies", seat="gp-4"), "2025-01-01")
    cl.end_person(record, cluster, a, "2025-06-01")
    b = cl.add_person(record, cluster, person("Huw Davies", seat="gp-3"), "2026-01-01")
    assert (a, b) == ("huw-davies", "huw-davies-2")


def test_apply_roster_all_or_nothing(record, cluster):
    lead = cl.add_person(
        record, cluster, person("Dr Rhian Evans", seat="cluster-lead"), "2025-01-01"
    )
    gone = cl.add_person(record, cluster, person("Old Member", seat="dental"), "2025-01-01")
    entries = [
        person("Dr Rhian Evans", seat="cluster-lead", key=lead, email="r@wales.nhs.uk"),
        person("New Dentist", seat="dental", key="new-dentist"),
    ]
    changes = cl.apply_roster(record, cluster, entries, "2026-01-01", end_missing=True)
    assert changes.changed == ["Dr Rhian Evans"] and changes.added == ["New Dentist"]
    assert changes.ended == ["Old Member"]
    assert {e.key for e in cl.roster_on(record, cluster, "2026-01-01")} == {lead, "new-dentist"}
    assert gone in {e.key for e in cl.roster_on(record, cluster, "2025-12-31")}
    # Two dentists on one seat: refused, nothing written.
    before = cl.roster_history(record, cluster)
    with pytest.raises(ClusterError, match="at most 1"):
        cl.apply_roster(
            record, cluster, [person("Second Dentist", seat="dental", key="sd")], "2026-02-01"
        )
    assert cl.roster_history(record, cluster) == before


def test_meeting_is_prefilled_with_roster_and_standing_items(record, cluster):
    for name, seat in [
        ("Dr Rhian Evans", "cluster-lead"),
        ("Dr Owen Price", "gp-1"),
        ("Carys Miles", "cluster-development-manager"),
    ]:
        cl.add_person(record, cluster, person(name, seat=seat), "2025-01-01")
    cl.add_person(record, cluster, person("Alun Hughes", "deputy", "pharmacy"), "2025-01-01")
    cl.add_person(
        record,
        cluster,
        person("Gareth Lloyd", "attendee", organisation="Finance", kind="in-attendance"),
        "2025-01-01",
    )
    info = MeetingInfo("Upper Valleys Cluster Meeting", "2026-05-14", "13:00", "Pontardawe")
    items = [
        {
            "title": "Social prescriber extension",
            "financial": True,
            "amount": 18500.0,
            "presenter": "Tomos Bowen",
        }
    ]
    mid = cl.create_meeting_for_cluster(record, cluster, info, items)
    live = LiveMeeting(record, mid)
    m = live.meeting
    assert live.info.cluster == "Upper Valleys Primary Care Cluster"
    assert [p.name for p in m.people.values()] == [
        "Dr Rhian Evans",
        "Dr Owen Price",
        "Alun Hughes",
        "Carys Miles",
        "Gareth Lloyd",
    ]
    assert m.people["alun-hughes"].role == "deputy"
    agenda = [
        (m.items[i].reference, m.items[i].standing, item_heading(m.items[i]).render("en"))
        for i in m.agenda
    ]
    assert agenda == [
        ("UVC/26/01", "apologies", "Welcome, introductions and apologies"),
        ("UVC/26/02", "declarations", "Declarations of interest"),
        ("UVC/26/03", "minutes", "Minutes of the previous meeting"),
        ("UVC/26/04", "matters-arising", "Matters arising and action log"),
        ("UVC/26/05", "", "Social prescriber extension"),
        ("UVC/26/06", "aob", "Any other business"),
    ]
    assert m.items["5"].financial and m.items["5"].amount == 18500.0
    assert m.items["1"].presenter == "Dr Rhian Evans"  # the chair presents standing items
    # The next meeting's minutes item names this meeting's date.
    mid2 = cl.create_meeting_for_cluster(record, cluster, MeetingInfo("Next", "2026-07-09"))
    m2 = LiveMeeting(record, mid2).meeting
    assert m2.items["3"].of_date == "2026-05-14"
    heading = item_heading(m2.items["3"])
    assert heading.render("en") == "Minutes of the previous meeting (14 May 2026)"
    assert heading.render("cy") == "Cofnodion y cyfarfod blaenorol (14 Mai 2026)"
    assert [s.id for s in record.list_meetings(cluster)] == [mid2, mid]


def test_meeting_before_a_terms_change_gets_the_old_terms(record, cluster):
    cl.set_terms(record, cluster, "uv-2026", NEW_TEXT, "2026-04-01")
    before = cl.create_meeting_for_cluster(record, cluster, MeetingInfo("March", "2026-03-12"))
    after = cl.create_meeting_for_cluster(record, cluster, MeetingInfo("May", "2026-05-14"))
    assert record.meeting_terms(before).id == UV
    assert record.meeting_terms(before).has_seat("third-sector")
    assert record.meeting_terms(after).id == "uv-2026"
    assert not record.meeting_terms(after).has_seat("third-sector")
    # Frozen: a later terms change does not touch a meeting already created.
    cl.set_terms(record, cluster, UV, UV_TEXT, "2026-05-01")
    assert record.meeting_terms(after).id == "uv-2026"


def test_roster_change_by_date_reaches_the_right_meeting(record, cluster):
    key = cl.add_person(record, cluster, person("Meinir Roberts", seat="pharmacy"), "2025-01-01")
    cl.end_person(record, cluster, key, "2026-04-01")
    cl.add_person(record, cluster, person("Alun Hughes", seat="pharmacy"), "2026-04-01")
    march = cl.create_meeting_for_cluster(record, cluster, MeetingInfo("March", "2026-03-12"))
    may = cl.create_meeting_for_cluster(record, cluster, MeetingInfo("May", "2026-05-14"))
    assert [p.name for p in LiveMeeting(record, march).meeting.people.values()] == [
        "Meinir Roberts"
    ]
    assert [p.name for p in LiveMeeting(record, may).meeting.people.values()] == ["Alun Hughes"]


def test_meeting_refused_when_roster_does_not_fit_the_terms(record, cluster):
    cl.add_person(record, cluster, person("Tomos Bowen", seat="third-sector"), "2025-01-01")
    cl.set_terms(record, cluster, "uv-2026", NEW_TEXT, "2026-04-01")
    count = len(record.list_meetings())
    with pytest.raises(ClusterError, match=r"Tomos Bowen: no seat 'third-sector'"):
        cl.create_meeting_for_cluster(record, cluster, MeetingInfo("May", "2026-05-14"))
    with pytest.raises(ClusterError, match="needs a date"):
        cl.create_meeting_for_cluster(record, cluster, MeetingInfo("May", ""))
    with pytest.raises(ClusterError, match="no terms of reference in force"):
        cl.create_meeting_for_cluster(record, cluster, MeetingInfo("Old", "2020-01-01"))
    with pytest.raises(ClusterError, match="no cluster with id 999"):
        cl.create_meeting_for_cluster(record, 999, MeetingInfo("X", "2026-05-14"))
    assert len(record.list_meetings()) == count


def test_meeting_from_cluster_replays_like_a_scenario(record, cluster):
    """Events stored by create_meeting_for_cluster fold into a Meeting like any other."""
    cl.add_person(record, cluster, person("Dr Rhian Evans", seat="cluster-lead"), "2025-01-01")
    mid = cl.create_meeting_for_cluster(record, cluster, MeetingInfo("M", "2026-05-14"))
    m = Meeting(record.meeting_terms(mid), record.events(mid))
    assert "rhian-evans" in m.people and len(m.agenda) == 5
