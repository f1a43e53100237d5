"""Between meetings, in the window: self-contained dialogs the window opens.

- ``approval.approve_minutes_dialog(controller, parent)`` — approve the minutes
  of an earlier meeting at this one (then locked), through the controller.
- ``outside.show_outside_decisions(record, key, controller=None, parent=None)`` —
  decisions taken outside meetings: list, record (``app.outside``), ratify/note
  at this meeting (through the controller).
- ``attendance.show_attendance_year(record, key, year=None, parent=None)`` —
  attendance for a financial year against the required attendance.

- ``meetings.MeetingListModel(record, today)`` — the meeting list with papers and
  minutes deadlines, approval and overdue actions (highlighted).

``key`` is a ``secretary.store.series.SeriesKey`` (``series_key_of(record,
meeting_id)`` for the open meeting's cluster).
"""
