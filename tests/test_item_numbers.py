"""The number an item is printed with (domain.agenda.item_labels): the ids of an
agenda made by `new-meeting` or a scenario ("1", "4a") while they read in order;
once an item is moved or one with a generated id is inserted, every item by its
place — never "1, 2, 6, 5" on an agenda or in the minutes."""

from __future__ import annotations

from pathlib import Path

from secretary.app import agenda
from secretary.domain.agenda import item_labels
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import read_terms_source
from secretary.store import LiveMeeting, Record
from secretary.store.clusters import agenda_events


def printed(live: LiveMeeting) -> list[str]:
    labels = item_labels(live.meeting)
    return [labels[i] for i in live.meeting.agenda]


def test_numbers_follow_the_agenda_after_a_move_and_an_insertion(tmp_path: Path) -> None:
    text, _ = read_terms_source("sbuhb-upper-valleys-2021")
    record = Record(tmp_path / "r.sqlite")
    info = MeetingInfo("Upper Valleys", "2026-06-11", "13:00", "Hall", "Upper Valleys")
    live = LiveMeeting(record, record.create_meeting(info, "sbuhb-upper-valleys-2021", text))
    items = [{"title": "Budget"}, {"title": "Estates"}]
    for event in agenda_events(items, prefix="UVC", date="2026-06-11"):
        live.record_event(event)
    assert printed(live) == ["1", "2", "3", "4", "5", "6", "7"]
    assert list(live.meeting.agenda) == ["1", "2", "3", "4", "5", "6", "7"]

    agenda.move_item(live, "6", 4)  # Estates before Budget
    assert list(live.meeting.agenda)[4:6] == ["6", "5"]
    assert printed(live) == ["1", "2", "3", "4", "5", "6", "7"]
    assert item_labels(live.meeting)["6"] == "5"

    agenda.add_item(live, title="Care navigator", position=6)
    assert printed(live) == ["1", "2", "3", "4", "5", "6", "7", "8"]
    record.close()


def test_ids_that_read_in_order_are_the_numbers(tmp_path: Path) -> None:
    text, _ = read_terms_source("sbuhb-upper-valleys-2021")
    record = Record(tmp_path / "r.sqlite")
    info = MeetingInfo("Upper Valleys", "2026-06-11", "13:00", "Hall", "Upper Valleys")
    live = LiveMeeting(record, record.create_meeting(info, "sbuhb-upper-valleys-2021", text))
    for iid in ("1", "4", "4a", "4b", "5.1", "10"):
        live.record_event({"type": "item_added", "item": iid, "title": f"Item {iid}"})
    assert printed(live) == ["1", "4", "4a", "4b", "5.1", "10"]
    record.close()
