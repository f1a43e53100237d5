"""Five meetings of the Upper Valleys cluster in financial year 2026/27, recorded
through the same write paths the window and the CLI use.

Who attended (seat view):

| seat           | M1 14 May  | M2 9 Jul        | M3 10 Sep | M4 12 Nov        | M5 14 Jan 2027 |
|----------------|------------|-----------------|-----------|------------------|----------------|
| cluster-lead   | in person  | in person       | in person | in person        | in person      |
| gp-1           | remote     | in person       | in person | in person (+PM)  | in person      |
| gp-2           | in person  | in person       | in person | by deputy        | apologies      |
| gp-3           | apologies  | remote          | in person | in person        | absent         |
| gp-4           | absent     | absent          | in person | in person        | in person      |
| pharmacy       | in person  | by deputy       | in person | in person        | in person      |
| optometry      | in person  | apologies       | remote    | in person        | apologies      |
| cdm            | in person  | in person       | in person | in person        | in person      |
| nursing        | in person  | in person       | apologies | in person        | in person      |

Between and at the meetings:

- M1 sets actions A1 (due 30 Jun) and A2 (due 1 Jun).
- RD1, a remote financial decision of 2 June (£4,000), is ratified at M2.
- M2 approves M1's minutes with an amendment; completes A2; A1 "in progress".
- RD2, a remote decision of 1 August, is listed at M3 but deferred, and
  ratified at M4.
- M3 approves M2's minutes as a true record; A1 (carried twice) is completed.
- UA1, the Chair's urgent action of 1 October, is noted at M4.
- The cluster's terms change from 1 October 2026 (papers 10 days before,
  not 5): M4 and M5 are held under the new terms, M1–M3 under the old.
- M4 approves M3; sets A3 (due 1 Dec 2026), still open at M5.
- M5 approves M4. M5's own minutes are not approved (draft).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from secretary.domain.roster import RosterEntry
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import read_terms_source
from secretary.store import LiveMeeting, Record
from secretary.store import clusters as cl
from secretary.store import series as sr
from secretary.store.approval import approve_minutes

UV = "sbuhb-upper-valleys-2021"
UV_TEXT = read_terms_source(UV)[0]
NEW_TEXT = UV_TEXT.replace('id = "sbuhb-upper-valleys-2021"', 'id = "uv-2026"').replace(
    "papers_days_before = 5", "papers_days_before = 10"
)
assert NEW_TEXT != UV_TEXT and "papers_days_before = 10" in NEW_TEXT

CLUSTER = "Upper Valleys Primary Care Cluster"
DATES = ["2026-05-14", "2026-07-09", "2026-09-10", "2026-11-12", "2027-01-14"]

ROSTER = [
    RosterEntry(
        "lead", "Dr Rhian Evans", "member", "cluster-lead", organisation="Pontardawe Surgery"
    ),
    RosterEntry("gp1", "Dr Owen Price", "member", "gp-1", organisation="Pontardawe Surgery"),
    RosterEntry("pm1", "Siân Morgan", "member", "gp-1", organisation="Pontardawe Surgery"),
    RosterEntry("gp2", "Dr Gwenllian Rees", "member", "gp-2", organisation="Cwmtawe Medical Group"),
    RosterEntry(
        "dep-gp2", "Dr Iestyn Roberts", "deputy", "gp-2", organisation="Cwmtawe Medical Group"
    ),
    RosterEntry("gp3", "Dr Ffion Jones", "member", "gp-3", organisation="Ystalyfera Health Centre"),
    RosterEntry(
        "gp4", "Dr Huw Davies", "member", "gp-4", organisation="Ystradgynlais Group Practice"
    ),
    RosterEntry(
        "ph", "Meinir Roberts", "member", "pharmacy", organisation="Community Pharmacy Wales"
    ),
    RosterEntry(
        "dep-ph", "Alun Hughes", "deputy", "pharmacy", organisation="Hughes Pharmacy, Trebanos"
    ),
    RosterEntry("opt", "Rhodri Williams", "member", "optometry", organisation="Williams Opticians"),
    RosterEntry(
        "cdm",
        "Carys Miles",
        "member",
        "cluster-development-manager",
        organisation="Swansea Bay UHB",
    ),
    RosterEntry("nurse", "Eleri Thomas", "member", "nursing", organisation="Swansea Bay UHB"),
    RosterEntry("fin", "Gareth Lloyd", "attendee", kind="in-attendance", organisation="Finance"),
]

# person -> (mode or "apologies") per meeting; people not named are not there.
ATTENDANCE = [
    {
        "lead": "in_person",
        "gp1": "remote",
        "gp2": "in_person",
        "gp3": "apologies",
        "ph": "in_person",
        "opt": "in_person",
        "cdm": "in_person",
        "nurse": "in_person",
        "fin": "in_person",
    },
    {
        "lead": "in_person",
        "gp1": "in_person",
        "gp2": "in_person",
        "gp3": "remote",
        "ph": "apologies",
        "dep-ph": "in_person",
        "opt": "apologies",
        "cdm": "in_person",
        "nurse": "in_person",
    },
    {
        "lead": "in_person",
        "gp1": "in_person",
        "gp2": "in_person",
        "gp3": "in_person",
        "gp4": "in_person",
        "ph": "in_person",
        "opt": "remote",
        "cdm": "in_person",
        "nurse": "apologies",
    },
    {
        "lead": "in_person",
        "gp1": "in_person",
        "pm1": "in_person",
        "gp2": "apologies",
        "dep-gp2": "in_person",
        "gp3": "in_person",
        "gp4": "in_person",
        "ph": "in_person",
        "opt": "in_person",
        "cdm": "in_person",
        "nurse": "in_person",
    },
    {
        "lead": "in_person",
        "gp1": "in_person",
        "gp2": "apologies",
        "gp4": "in_person",
        "ph": "in_person",
        "opt": "apologies",
        "cdm": "in_person",
        "nurse": "in_person",
    },
]

AMENDMENT = "Item 5: the amount agreed was £18,500, not £15,800."


@dataclass
class Year:
    record: Record
    cluster_id: int
    meetings: list[int] = field(default_factory=list)  # M1..M5 ids
    lives: list[LiveMeeting] = field(default_factory=list)
    rd1: int = 0
    rd2: int = 0
    ua1: int = 0

    @property
    def key(self) -> sr.SeriesKey:
        return sr.SeriesKey(self.cluster_id)


def attend(live: LiveMeeting, n: int) -> None:
    for person, how in ATTENDANCE[n].items():
        if how == "apologies":
            live.record_event({"type": "apologies", "person": person})
        else:
            live.record_event({"type": "arrive", "person": person, "mode": how, "at": "13:00"})


def item(live: LiveMeeting, standing: str) -> str:
    m = live.meeting
    return next(i for i in m.agenda if m.items[i].standing == standing)


def prepare(year: Year, n: int, items=()) -> LiveMeeting:
    info = MeetingInfo(
        "Upper Valleys Cluster Meeting", DATES[n], "13:00", "Pontardawe Health Centre"
    )
    prepared = sr.prepare_meeting(year.record, year.cluster_id, info, items)
    live = LiveMeeting(year.record, prepared.meeting_id)
    year.meetings.append(prepared.meeting_id)
    year.lives.append(live)
    return live


def build_year(record: Record, upto: int = 5) -> Year:
    """Record meetings M1..M``upto`` (and what passes between them)."""
    cid = cl.create_cluster(record, CLUSTER, "Swansea Bay University Health Board")
    cl.set_terms(record, cid, UV, UV_TEXT, "2021-03-03")
    cl.set_terms(record, cid, "uv-2026", NEW_TEXT, "2026-10-01")
    for entry in ROSTER:
        cl.add_person(record, cid, entry, "2026-04-01")
    year = Year(record, cid)
    steps = [_m1, _m2, _m3, _m4, _m5]
    for step in steps[:upto]:
        step(year)
    return year


def _m1(y: Year) -> None:
    live = prepare(
        y, 0, [{"title": "Social prescriber extension", "financial": True, "amount": 18500}]
    )
    attend(live, 0)
    live.record_event({"type": "papers_sent", "on": "2026-05-08"})
    live.record_event(
        {
            "type": "declare",
            "person": "gp2",
            "item": "5",
            "interest": "Partner works for the provider",
            "action": "abstain",
        }
    )
    live.record_event(
        {
            "type": "action",
            "action": "A1",
            "item": "5",
            "text": "Audit dementia-friendly practice",
            "owner": "Carys Miles",
            "due": "2026-06-30",
        }
    )
    live.record_event(
        {
            "type": "action",
            "action": "A2",
            "text": "Circulate flu materials",
            "owner": "Dr Rhian Evans",
            "due": "2026-06-01",
        }
    )
    live.record_event({"type": "minutes_sent", "on": "2026-05-20"})
    y.rd1 = sr.record_outside_decision(
        y.record,
        y.key,
        decided_on="2026-06-02",
        kind=sr.REMOTE,
        title="Extra physiotherapy sessions",
        text="Fund 20 extra sessions in June.",
        consulted="Dr Rhian Evans, Dr Owen Price, Dr Gwenllian Rees, Carys Miles (by email)",
        financial=True,
        amount=4000,
        signatory="Carys Miles",
    ).id


def _m2(y: Year) -> None:
    live = prepare(y, 1)
    attend(live, 1)
    approve_minutes(live, y.meetings[0], AMENDMENT)
    rd1_item = f"od-{y.rd1}"
    live.record_event({"type": "consensus", "item": rd1_item})
    sr.ratify(live, y.rd1, "ratified")
    live.record_event({"type": "action_update", "action": "A2", "status": "complete"})
    live.record_event(
        {
            "type": "action_update",
            "action": "A1",
            "status": "in progress",
            "note": "Half the practices audited",
        }
    )
    live.record_event(
        {
            "type": "declare",
            "person": "gp3",
            "interest": "Director of a local care home",
            "action": "none",
        }
    )
    y.rd2 = sr.record_outside_decision(
        y.record,
        y.key,
        decided_on="2026-08-01",
        kind=sr.REMOTE,
        title="Cluster newsletter printing",
        consulted="Chair and Carys Miles",
    ).id


def _m3(y: Year) -> None:
    live = prepare(y, 2)
    attend(live, 2)
    approve_minutes(live, y.meetings[1])
    # RD2 is on the agenda but deferred: no ratify event at this meeting.
    live.record_event({"type": "action_update", "action": "A1", "status": "complete"})
    y.ua1 = sr.record_outside_decision(
        y.record,
        y.key,
        decided_on="2026-10-01",
        kind=sr.URGENT,
        title="Locum cover for the flu clinics",
        consulted="Chair with Carys Miles",
    ).id


def _m4(y: Year) -> None:
    live = prepare(y, 3)
    attend(live, 3)
    approve_minutes(live, y.meetings[2])
    sr.ratify(live, y.rd2, "ratified")
    sr.ratify(live, y.ua1, "noted")
    live.record_event(
        {
            "type": "action",
            "action": "A3",
            "text": "Report on winter pressures",
            "owner": "Dr Huw Davies",
            "due": "2026-12-01",
        }
    )


def _m5(y: Year) -> None:
    live = prepare(y, 4)
    attend(live, 4)
    approve_minutes(live, y.meetings[3])
