"""Actions carried from earlier meetings in the minutes and the action log.

The five-meeting year of ``between_year``: A1 (agreed at M1, due 30 June) is
carried into M2 ("in progress", a note) and M3 (completed there); A2 (M1) is
completed at M2; A3 (agreed at M4) is carried into M5 with no update. A carried
action is minuted under matters arising with the meeting that agreed it and what
this meeting recorded; "Actions agreed" lists only the meeting's own.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil

import pytest
from between_year import build_year
from docx import Document
from export_helpers import docx_text, table_with_header

from secretary.domain.events import check_event
from secretary.domain.meeting import Meeting
from secretary.domain.scenario import MeetingInfo
from secretary.domain.terms import load_terms
from secretary.export import ActionLine, snapshot_from_meeting, snapshot_from_record
from secretary.export.documents import ActionLogExporter, MinutesExporter
from secretary.store import Record

CARRIED_HEAD = ("Ref", "Action")  # the matters-arising table: Ref, Action, Lead, Due, Agreed, …
AGREED_HEAD = ("Ref", "Item")  # "Actions agreed": Ref, Item, Action, Lead, Due


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    path = tmp_path_factory.mktemp("carried") / "year.sqlite"
    record = Record(str(path))
    y = build_year(record)
    yield y
    record.close()


def snap(year, n: int):
    """The snapshot of meeting M``n`` (1-based)."""
    return snapshot_from_record(year.record, year.meetings[n - 1])


def body_blocks(data: bytes) -> list[tuple[str, object]]:
    """The body in order: ("p", text) for paragraphs, ("t", rows) for tables."""
    doc = Document(io.BytesIO(data))
    out: list[tuple[str, object]] = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(("p", "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))))
        elif tag == "tbl":
            rows = []
            for tr in child.iter():
                if tr.tag.endswith("}tr"):
                    cells = [
                        "\n".join(
                            "".join(t.text or "" for t in p.iter() if t.tag.endswith("}t"))
                            for p in tc.iter()
                            if p.tag.endswith("}p")
                        )
                        for tc in tr
                        if tc.tag.endswith("}tc")
                    ]
                    rows.append(cells)
            out.append(("t", rows))
    return out


def section(blocks, start: str, stop) -> list[tuple[str, object]]:
    """The blocks after the paragraph ``start`` up to the first paragraph for which
    ``stop(text)`` holds."""
    i = next(n for n, (k, v) in enumerate(blocks) if k == "p" and v == start)
    out = []
    for kind, value in blocks[i + 1 :]:
        if kind == "p" and stop(value):
            break
        out.append((kind, value))
    return out


def tables_in(blocks) -> list[list[list[str]]]:
    return [v for k, v in blocks if k == "t"]


# --------------------------------------------------------------------------- snapshot


def test_snapshot_splits_carried_from_agreed_actions(year):
    m2 = snap(year, 2)
    assert [a.ref for a in m2.carried_actions] == ["A1", "A2"]
    assert m2.agreed_actions == []
    arising = m2.matters_arising_item
    assert arising is not None and [a.ref for a in arising.carried] == ["A1", "A2"]
    assert arising.actions == []  # not minuted twice on the item
    a1, a2 = arising.carried
    assert (a1.meeting, a1.carried_status, a1.status) == ("14 May 2026", "open", "in progress")
    assert a1.progress == "In progress. Half the practices audited."
    assert a1.item == "UVC/26/05"  # the item it was agreed under, at that meeting
    assert (a2.status, a2.progress) == ("complete", "Complete.")

    m3 = snap(year, 3)
    (a1,) = m3.carried_actions
    assert (a1.carried_status, a1.status, a1.progress) == ("in progress", "complete", "Complete.")
    assert m3.agreed_actions == []

    m4 = snap(year, 4)
    assert m4.carried_actions == [] and [a.ref for a in m4.agreed_actions] == ["A3"]
    assert m4.matters_arising_item.carried == []

    m5 = snap(year, 5)
    (a3,) = m5.carried_actions
    assert a3.meeting == "12 November 2026"
    assert a3.progress == "No update recorded at this meeting; still open."


def test_progress_in_welsh_uses_the_usual_statuses_in_welsh(year):
    cy = snapshot_from_record(year.record, year.meetings[1], language="cy")
    a1, a2 = cy.carried_actions
    assert a1.progress == "Ar waith. Half the practices audited."  # the note as typed
    assert a2.progress == "Wedi'i gwblhau."
    both = snapshot_from_record(year.record, year.meetings[1], language="bilingual")
    # each sentence whole in its language: the Welsh block, then the English
    assert [a.progress for a in both.carried_actions] == [
        "Ar waith. Half the practices audited.\nIn progress. Half the practices audited.",
        "Wedi'i gwblhau.\nComplete.",
    ]
    m5 = snapshot_from_record(year.record, year.meetings[4], language="cy")
    assert m5.carried_actions[0].progress == (
        "Ni chofnodwyd diweddariad yn y cyfarfod hwn; y statws o hyd: ar agor."
    )


# --------------------------------------------------------------------------- minutes


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (
            2,
            [
                [
                    "A1",
                    "Audit dementia-friendly practice",
                    "Carys Miles",
                    "30/06/2026",
                    "14 May 2026",
                    "In progress. Half the practices audited.",
                ],
                [
                    "A2",
                    "Circulate flu materials",
                    "Dr Rhian Evans",
                    "01/06/2026",
                    "14 May 2026",
                    "Complete.",
                ],
            ],
        ),
        (
            3,
            [
                [
                    "A1",
                    "Audit dementia-friendly practice",
                    "Carys Miles",
                    "30/06/2026",
                    "14 May 2026",
                    "Complete.",
                ]
            ],
        ),
    ],
)
def test_minutes_list_carried_actions_under_matters_arising_not_as_agreed(year, n, expected):
    data = MinutesExporter(snap(year, n)).run()
    blocks = body_blocks(data)
    arising = section(blocks, "4. Matters arising and action log", lambda t: t.startswith("5. "))
    assert ("p", "Actions from earlier meetings:") in arising
    (table,) = tables_in(arising)
    assert table[0] == ["Ref", "Action", "Lead", "Due", "Agreed", "Progress at this meeting"]
    assert table[1:] == expected
    # Not as if agreed at this meeting: no "Action A1:" line, an empty "Actions agreed".
    text = docx_text(data)
    assert "Action A1:" not in text and "Action A2:" not in text
    agreed = section(blocks, "Actions agreed", lambda t: t == "Financial log")
    assert agreed == [("p", "No actions were agreed.")]


def test_minutes_of_the_agreeing_meeting_still_list_its_actions(year):
    data = MinutesExporter(snap(year, 4)).run()
    rows = table_with_header(data, *AGREED_HEAD)
    assert [r[0] for r in rows[1:]] == ["A3"]
    assert "Actions from earlier meetings:" not in docx_text(data)
    assert "Matters arising: actions from earlier meetings" not in docx_text(data)


def test_minutes_say_when_a_carried_action_had_no_update(year):
    data = MinutesExporter(snap(year, 5)).run()
    rows = table_with_header(data, *CARRIED_HEAD)
    assert rows[1][0] == "A3" and rows[1][4] == "12 November 2026"
    assert rows[1][5] == "No update recorded at this meeting; still open."
    agreed = section(body_blocks(data), "Actions agreed", lambda t: t == "Financial log")
    assert agreed == [("p", "No actions were agreed.")]


def meeting_without_matters_arising() -> tuple[MeetingInfo, Meeting]:
    m = Meeting(load_terms("sbuhb-upper-valleys-2021"))
    for raw in [
        {"type": "person_added", "person": "lead", "name": "Dr Rhian Evans", "role": "member",
         "seat": "cluster-lead"},
        {"type": "item_added", "item": "1", "title": "Flu campaign"},
        {"type": "action_carried", "action": "B7", "text": "Book the venue",
         "from_meeting": "0000-earlier", "from_date": "2026-03-12", "owner": "lead",
         "due": "2026-04-30", "status": "in progress"},
        {"type": "action_update", "action": "B7", "status": "complete",
         "note": "Booked for June", "due": "2026-06-01"},
        {"type": "action", "action": "C1", "item": "1", "text": "Order leaflets",
         "owner": "lead", "due": "2026-06-30"},
    ]:  # fmt: skip
        m.apply(check_event(raw))
    return MeetingInfo("Upper Valleys Cluster Meeting", "2026-05-14", "13:00", "Pontardawe"), m


def test_without_a_matters_arising_item_the_minutes_have_their_own_section():
    info, m = meeting_without_matters_arising()
    s = snapshot_from_meeting(info, m)
    assert s.matters_arising_item is None
    (b7,) = s.carried_actions
    assert b7.progress == "Complete. Booked for June. Due date moved to 1 June 2026."
    assert [a.ref for a in s.agreed_actions] == ["C1"]
    blocks = body_blocks(MinutesExporter(s).run())
    heading = "Matters arising: actions from earlier meetings"
    own = section(blocks, heading, lambda t: t == "Business of the meeting")
    (table,) = tables_in(own)
    assert table[1] == [
        "B7",
        "Book the venue",
        "Dr Rhian Evans",
        "01/06/2026",
        "12 March 2026",
        "Complete. Booked for June. Due date moved to 1 June 2026.",
    ]
    agreed = section(blocks, "Actions agreed", lambda t: t == "Financial log")
    assert [r[0] for r in tables_in(agreed)[0][1:]] == ["C1"]


# --------------------------------------------------------------------------- action log


def log_rows(data: bytes) -> dict[str, list[str]]:
    rows = table_with_header(data, "Ref", "Meeting")
    return {r[0]: r for r in rows[1:]}


def test_action_log_gives_carried_actions_their_meeting_and_status_here(year):
    m2 = snap(year, 2)
    data = ActionLogExporter(m2, today=dt.date(2026, 7, 9)).run()
    rows = log_rows(data)
    # ref, meeting, item, action, lead, due, status, RAG, notes
    assert rows["A1"][1:3] == ["14 May 2026", "UVC/26/05"]  # agreed there, under its item
    assert rows["A1"][6:] == ["in progress", "Red", "Half the practices audited"]
    assert rows["A2"][6:8] == ["complete", "Green"]  # completed here: not red though past due
    assert "2 actions carried forward from earlier meetings." in docx_text(data)

    m3 = snap(year, 3)
    rows = log_rows(ActionLogExporter(m3, today=dt.date(2026, 9, 10)).run())
    assert rows["A1"][1] == "14 May 2026" and rows["A1"][6:8] == ["complete", "Green"]


def test_action_log_does_not_list_twice_what_the_caller_also_carries(year):
    m3 = snap(year, 3)
    older = [
        ActionLine("A1", "14 May 2026", "5", "Audit dementia-friendly practice", "Carys Miles",
                   "2026-06-30", "in progress"),
        ActionLine("Z9", "12 March 2026", "", "Older action", "Carys Miles", "2026-03-31", "open"),
    ]  # fmt: skip
    data = ActionLogExporter(m3, today=dt.date(2026, 9, 10), carried_forward=older).run()
    rows = table_with_header(data, "Ref", "Meeting")
    assert [r[0] for r in rows[1:]] == ["Z9", "A1"]
    assert log_rows(data)["A1"][6] == "complete"  # the meeting's own line, not the caller's
    assert "2 actions carried forward from earlier meetings." in docx_text(data)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_matters_arising_table(year, tmp_path):
    from test_export_soffice import pdf_text, to_pdf

    path = tmp_path / "m2-minutes.docx"
    MinutesExporter(snap(year, 2)).save(path)
    text = pdf_text(to_pdf(path, tmp_path))
    assert "Actions from earlier meetings:" in text
    # (-layout text runs the table's cells side by side: look for short pieces)
    assert "In progress." in text and "Complete." in text
    assert "No actions were agreed." in text
