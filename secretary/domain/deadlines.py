"""Deadlines around a meeting (5.5 papers before it, 5.6 minutes after it).

The numbers of days come from the terms' ``[deadlines]`` table
(``papers_days_before``, ``minutes_days_after``); a terms file without one has
no deadlines. Everything is judged against a ``today`` the caller passes, so
the answers are the same in a test, on the meeting list and on the CLI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from secretary.domain.text import Msg, msg

ON_TIME = "on_time"  # done by the due date
LATE = "late"  # done, after the due date
DUE = "due"  # not done, due date not passed
OVERDUE = "overdue"  # not done, due date passed
UNRECORDED = "unrecorded"  # moot now (meeting held / minutes approved), date sent not recorded


@dataclass(frozen=True)
class Deadline:
    kind: str  # papers | minutes
    due: dt.date
    done_on: dt.date | None
    state: str

    @property
    def overdue(self) -> bool:
        return self.state == OVERDUE

    def describe(self) -> Msg:
        due = self.due.isoformat()
        what = msg("papers") if self.kind == "papers" else msg("minutes to members")
        if self.state == OVERDUE:
            return msg("{what} overdue (due {due})", what=what, due=due)
        if self.state == DUE:
            return msg("{what} due by {due}", what=what, due=due)
        if self.state == LATE:
            assert self.done_on is not None
            return msg(
                "{what} sent late on {done} (due {due})",
                what=what,
                done=self.done_on.isoformat(),
                due=due,
            )
        if self.state == UNRECORDED:
            return msg("{what}: date sent not recorded", what=what)
        assert self.done_on is not None
        return msg("{what} sent on {done}", what=what, done=self.done_on.isoformat())

    def short(self) -> Msg:
        """The state alone, for a column already headed "Papers" or "Minutes"."""
        due = self.due.isoformat()
        if self.state == OVERDUE:
            return msg("OVERDUE (due {due})", due=due)
        if self.state == DUE:
            return msg("due by {due}", due=due)
        if self.state == UNRECORDED:
            return msg("date sent not recorded")
        assert self.done_on is not None
        if self.state == LATE:
            return msg("sent late, {done} (due {due})", done=self.done_on.isoformat(), due=due)
        return msg("sent {done}", done=self.done_on.isoformat())


@dataclass(frozen=True)
class MeetingDeadlines:
    meeting_date: dt.date
    papers: Deadline | None
    minutes: Deadline | None

    @property
    def overdue(self) -> bool:
        return any(d is not None and d.overdue for d in (self.papers, self.minutes))

    def flags(self) -> list[Msg]:
        return [d.describe() for d in (self.papers, self.minutes) if d is not None]


def parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _judge(
    kind: str, due: dt.date, done: dt.date | None, today: dt.date, settled: bool = False
) -> Deadline:
    if done is not None:
        return Deadline(kind, due, done, ON_TIME if done <= due else LATE)
    if settled:
        return Deadline(kind, due, None, UNRECORDED)
    return Deadline(kind, due, None, OVERDUE if today > due else DUE)


def meeting_deadlines(
    meeting_date: str | dt.date,
    deadlines: Mapping[str, int],
    today: str | dt.date,
    papers_sent: str | dt.date | None = None,
    minutes_sent: str | dt.date | None = None,
    minutes_approved: bool = False,
) -> MeetingDeadlines | None:
    """The papers and minutes deadlines of a meeting; None if it has no date.

    ``deadlines`` is the terms' ``[deadlines]`` table. Papers are overdue once
    ``today`` is past the day they were due and they are not recorded as sent,
    until the meeting day (after it, flagging them helps nobody: "date sent not
    recorded"); the minutes likewise, until they are approved.
    """
    day = parse_date(meeting_date)
    now = parse_date(today)
    if day is None or now is None:
        return None
    papers = minutes = None
    before = deadlines.get("papers_days_before")
    if before is not None:
        papers = _judge(
            "papers",
            day - dt.timedelta(days=before),
            parse_date(papers_sent),
            now,
            settled=now >= day,
        )
    after = deadlines.get("minutes_days_after")
    if after is not None:
        minutes = _judge(
            "minutes",
            day + dt.timedelta(days=after),
            parse_date(minutes_sent),
            now,
            settled=minutes_approved,
        )
    return MeetingDeadlines(day, papers, minutes)
