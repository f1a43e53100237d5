"""Approval of minutes (5.7): recorded at a later meeting, then locked everywhere."""

from __future__ import annotations

import sqlite3

import pytest
from between_year import AMENDMENT, DATES, build_year, item, prepare

from secretary.cli.main import main
from secretary.domain.events import EventError
from secretary.store import LiveMeeting, Record, RecordError
from secretary.store import approval as ap


@pytest.fixture
def record(record_path):
    r = Record(record_path)
    yield r
    r.close()


@pytest.fixture
def year(record):
    return build_year(record)


def test_each_meeting_approves_the_previous_minutes(record, year):
    found = [ap.approval_for(record, m) for m in year.meetings]
    assert [a.approved_on if a else None for a in found] == [*DATES[1:], None]
    assert [a.approved_at_meeting_id if a else None for a in found] == [*year.meetings[1:], None]
    m1, m2 = found[0], found[1]
    assert m1.with_amendments and m1.amendments == AMENDMENT
    assert m1.statement() == f"Approved with amendments at the meeting of 9 July 2026: {AMENDMENT}"
    assert not m2.with_amendments
    assert m2.statement() == "Approved as a true record at the meeting of 10 September 2026"


def test_approval_is_an_event_of_the_approving_meeting(record, year):
    m2 = year.lives[1].meeting
    from secretary.domain.series import approvals_in

    (event,) = approvals_in(m2)
    m1_row = record.meeting_row(year.meetings[0])
    assert event.meeting_uuid == m1_row.uuid and event.date == DATES[0]
    assert event.amendments == AMENDMENT
    assert event.item == item(year.lives[1], "minutes")
    assert event.fingerprint == ap.approval_for(record, year.meetings[0]).fingerprint
    # ... and survives a reload from disk.
    reloaded = LiveMeeting(Record(record.path), year.meetings[1]).meeting
    assert approvals_in(reloaded)[0].event_id == event.event_id


def test_fingerprint_is_the_one_printed_on_the_minutes(record, year):
    from secretary.export import snapshot_from_record

    for mid in year.meetings[:4]:
        a = ap.approval_for(record, mid)
        assert a.fingerprint == snapshot_from_record(record, mid).fingerprint
        assert a.event_count == len(record.events(mid))


def test_store_refuses_any_event_for_approved_minutes(record, year):
    live = LiveMeeting(record, year.meetings[0])
    before = len(record.events(year.meetings[0]))
    for raw in (
        {"type": "note", "item": "1", "text": "late correction"},
        {"type": "arrive", "person": "gp4"},
        {"type": "retract", "target": live.events[-1].id},
    ):
        with pytest.raises(
            ap.MinutesLocked, match="approved at the meeting of 9 July 2026 and are locked"
        ):
            live.record_event(raw)
    assert live.locked_reason().startswith("the minutes of this meeting were approved")
    assert isinstance(ap.MinutesLocked("x"), EventError)  # shown wherever refusals are shown
    assert len(record.events(year.meetings[0])) == before
    # The meeting still approving others is not locked.
    assert year.lives[4].locked_reason() is None


def test_the_record_itself_refuses_events_for_approved_minutes(record, year):
    """A program that bypasses LiveMeeting (or an old copy of the app) is refused too."""
    from secretary.domain.events import check_event

    event = check_event({"type": "note", "item": "1", "text": "sneaked in"})
    with pytest.raises(RecordError, match="approved minutes cannot be changed"):
        record.append(year.meetings[0], event, len(record.events(year.meetings[0])))
    conn = sqlite3.connect(record.path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM minutes_approvals")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE minutes_approvals SET amendments = ''")
    conn.close()


def test_approval_cannot_be_retracted_or_forged(record, year):
    live = year.lives[1]
    approval_event = next(e for e in live.events if e.type == "minutes_approved")
    # M2 is itself approved (at M3), so use M5, which approved M4 and is still a draft.
    live5 = year.lives[4]
    approval5 = next(e for e in live5.events if e.type == "minutes_approved")
    with pytest.raises(ap.MinutesLocked, match="cannot be undone"):
        live5.record_event({"type": "retract", "target": approval5.id})
    with pytest.raises(ap.MinutesLocked, match="with 'approve minutes'"):
        live5.record_event({"type": "minutes_approved", "meeting": "x", "fingerprint": "y"})
    assert approval_event.type == "minutes_approved"


def test_approval_refusals(record, year):
    live5 = year.lives[4]
    with pytest.raises(ap.ApprovalError, match="cannot approve its own minutes"):
        ap.approve_minutes(live5, year.meetings[4])
    with pytest.raises(ap.ApprovalError, match="already approved at the meeting of 9 July 2026"):
        ap.approve_minutes(live5, year.meetings[0])
    with pytest.raises(ap.ApprovalError, match="no meeting with id 999"):
        ap.approve_minutes(live5, 999)
    # A locked meeting cannot approve anything either.
    with pytest.raises(ap.ApprovalError, match="are locked"):
        ap.approve_minutes(year.lives[3], year.meetings[4])


def test_minutes_are_approved_at_a_later_meeting_of_the_same_cluster(record):
    y = build_year(record, upto=1)
    prepare(y, 1)
    with pytest.raises(ap.ApprovalError, match="is not before this one"):
        ap.approve_minutes(y.lives[0], y.meetings[1])
    from secretary.domain.scenario import MeetingInfo
    from secretary.store import clusters as cl

    other = cl.create_cluster(record, "Afan Cluster")
    cl.set_terms(record, other, "x", cl.terms_versions(record, y.cluster_id)[0].text, "2021-01-01")
    mid = cl.create_meeting_for_cluster(record, other, MeetingInfo("Afan", "2026-12-01"))
    with pytest.raises(ap.ApprovalError, match="meeting of another cluster"):
        ap.approve_minutes(LiveMeeting(record, mid), y.meetings[1])


def test_approval_needs_decision_quorum(record):
    y = build_year(record, upto=1)
    live = prepare(y, 1)
    live.record_event({"type": "arrive", "person": "lead"})
    live.record_event({"type": "arrive", "person": "gp1"})
    with pytest.raises(ap.ApprovalError, match="cannot approve the minutes: Not quorate"):
        ap.approve_minutes(live, y.meetings[0])
    assert ap.approval_for(record, y.meetings[0]) is None
    assert not any(e.type == "minutes_approved" for e in record.events(live.meeting_id))


def test_fingerprint_checks_pass_then_catch_a_change(record, year):
    checks = ap.fingerprint_checks(record)
    assert [(c.meeting_id, c.ok) for c in checks] == [(m, True) for m in year.meetings[:4]]
    assert "approved minutes unchanged" in checks[0].message
    # Tamper below the app: drop the guard trigger and add an event to M1.
    conn = sqlite3.connect(record.path)
    conn.execute("DROP TRIGGER events_approved_minutes")
    conn.execute(
        "INSERT INTO events (uuid, meeting_id, seq, type, payload, recorded_at, author) "
        'VALUES (\'tampered\', ?, 999, \'note\', \'{"item": "1", "text": "x"}\', '
        "'2027-01-01', 'mallory')",
        (year.meetings[0],),
    )
    conn.commit()
    conn.close()
    bad = [c for c in ap.fingerprint_checks(record) if not c.ok]
    assert [c.meeting_id for c in bad] == [year.meetings[0]]
    assert "the record changed after its minutes were approved" in bad[0].message


def test_verify_runs_the_fingerprint_checks(record, year):
    from secretary.store.verify import verify_record

    report = verify_record(record.path)
    assert any("approved minutes unchanged" in line for line in report.lines)


def test_export_of_approved_minutes_loses_draft(record, year):
    from docx import Document

    from secretary.export.approval import approval_info, snapshot_with_approval
    from secretary.export.documents import MinutesExporter

    assert approval_info(record, year.meetings[4]) is None
    info = approval_info(record, year.meetings[0])
    assert info.date == DATES[1]
    snap = snapshot_with_approval(record, year.meetings[0])
    assert not snap.draft and snap.fingerprint == info.fingerprint
    import io

    text = "\n".join(p.text for p in Document(io.BytesIO(MinutesExporter(snap).run())).paragraphs)
    assert "DRAFT" not in text
    assert "Approved on 9 July 2026" in text and info.fingerprint[:16] in text
    # Approved with amendments: the approved meeting's own minutes say so, and what
    # they are (they were only in the approving meeting's minutes).
    assert info.amendments == AMENDMENT
    assert (
        "Approved with the following amendments, which the text below does not include:\n"
        + AMENDMENT
    ) in text
    assert text.index(AMENDMENT) < text.index("Present")
    # The next meeting is in the record: its date, not "To be confirmed."
    after = text[text.index("Date of the next meeting") :]
    assert "9 July 2026" in after.splitlines()[1] and "To be confirmed" not in after
    # Approved as a true record (M2 at M3): no such lines.
    plain = snapshot_with_approval(record, year.meetings[1])
    plain_text = "\n".join(
        p.text for p in Document(io.BytesIO(MinutesExporter(plain).run())).paragraphs
    )
    assert "Approved on" in plain_text and "does not include" not in plain_text
    draft = snapshot_with_approval(record, year.meetings[4])
    assert draft.draft


def test_cli_approve_and_refuse_edits(record_path, capsys):
    record = Record(record_path)
    y = build_year(record, upto=2)
    # M2 approved M1 already; build one more meeting, then approve M2 from the CLI.
    live3 = prepare(y, 2)
    from between_year import attend

    attend(live3, 2)
    record.close()
    db = str(record_path)
    code = main(
        [
            "approve",
            "--db",
            db,
            "--meeting",
            str(y.meetings[1]),
            "--at",
            str(y.meetings[2]),
            "--amendments",
            "Item 6: spelling of Ystalyfera",
        ]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "Approved with amendments at the meeting of 10 September 2026" in out.out
    again = main(
        ["approve", "--db", db, "--meeting", str(y.meetings[1]), "--at", str(y.meetings[2])]
    )
    err = capsys.readouterr().err
    assert again == 2 and "already approved" in err and "Traceback" not in err
    # Any CLI command that writes to the approved meeting is refused with the reason.
    code = main(
        ["meetings", "--db", db, "--minutes-sent", str(y.meetings[1]), "--on", "2026-07-12"]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(
        f"secretary: meeting {y.meetings[1]}: not recorded: the minutes of "
        "this meeting were approved at the meeting of 10 September 2026"
    )
    code = main(
        [
            "outside",
            "ratify",
            "--db",
            db,
            "--meeting",
            str(y.meetings[0]),
            "--decision",
            str(y.rd1),
            "--outcome",
            "ratified",
        ]
    )
    assert code == 2 and "are locked" in capsys.readouterr().err


def test_cli_export_of_approved_minutes(record_path, tmp_path, capsys):
    from docx import Document

    record = Record(record_path)
    y = build_year(record, upto=2)
    fp = ap.approval_for(record, y.meetings[0]).fingerprint
    record.close()
    approved, draft = tmp_path / "m1.docx", tmp_path / "m2.docx"
    for mid, path in ((y.meetings[0], approved), (y.meetings[1], draft)):
        code = main(
            ["export", "--db", str(record_path), "--meeting", str(mid), "--minutes", str(path)]
        )
        assert code == 0, capsys.readouterr().err
    text = "\n".join(p.text for p in Document(str(approved)).paragraphs)
    assert "DRAFT" not in text and "Approved on 9 July 2026" in text and fp[:16] in text
    assert "DRAFT" in "\n".join(p.text for p in Document(str(draft)).paragraphs)


def test_a_window_already_open_on_minutes_approved_elsewhere_is_refused_not_failed(record):
    """The lock is looked up once per open meeting; an approval by another meeting
    meanwhile is caught by the database trigger and reported as a refusal."""
    from between_year import _m2

    year = build_year(record, upto=1)
    stale = year.lives[0]  # meeting 1, open before its minutes are approved
    assert stale.locked_reason() is None
    _m2(year)  # meeting 2 approves meeting 1's minutes
    before = len(record.events(year.meetings[0]))
    note = {"type": "note", "item": next(iter(stale.meeting.items)), "text": "too late"}
    with pytest.raises(ap.MinutesLocked, match="approved"):
        stale.record_event(note)
    assert len(record.events(year.meetings[0])) == before
    with pytest.raises(ap.MinutesLocked):  # and from then on without a write attempt
        stale.record_event(note)
