"""Which meetings belong together: the key of a series.

A small module of its own so that approval, the series and the window can all ask
"is this the same cluster?" without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from secretary.i18n import _, in_language
from secretary.store.models import MeetingRow
from secretary.store.record import Record


@dataclass(frozen=True, eq=False)
class SeriesKey:
    """Which meetings belong together: a cluster of the record, or (for meetings
    made without one, e.g. by ``secretary replay --db``) the same cluster name.
    Two keys of the same cluster are equal whatever name they carry."""

    cluster_id: int | None
    cluster_name: str = ""

    def _ident(self) -> tuple[int | None, str]:
        return (self.cluster_id, "" if self.cluster_id is not None else self.cluster_name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SeriesKey) and self._ident() == other._ident()

    def __hash__(self) -> int:
        return hash(self._ident())

    @property
    def label(self) -> str:
        return self.cluster_name or _("(no cluster)")

    def label_in(self, lang: str) -> str:
        """The label in a document's language (en, cy, bilingual)."""
        return self.cluster_name or in_language(lang, "(no cluster)")


def key_of_row(row: MeetingRow) -> SeriesKey:
    """The series of a stored meeting."""
    if row.cluster_id is not None:
        return SeriesKey(row.cluster_id, "")
    return SeriesKey(None, row.cluster_name)


def series_key_of(record: Record, meeting_id: int) -> SeriesKey:
    return key_of_row(record.meeting_row(meeting_id))
