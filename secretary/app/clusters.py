"""Changes to a cluster between meetings: the cluster itself, its terms of reference
(versions by date) and its roster (kept by date). Each is checked and written by
``store.clusters``; a refusal raises ClusterError with nothing saved."""

from __future__ import annotations

from collections.abc import Sequence

from secretary.domain.roster import RosterEntry
from secretary.store import clusters
from secretary.store.clusters import RosterChanges
from secretary.store.record import Record


def create_cluster(record: Record, name: str, health_board: str = "") -> int:
    """A new cluster (no terms, no roster yet); returns its id."""
    return clusters.create_cluster(record, name, health_board)


def set_terms(
    record: Record, cluster_id: int, terms_id: str, text: str, effective_from: str
) -> int:
    """Put a terms of reference text in force for the cluster from a date."""
    return clusters.set_terms(record, cluster_id, terms_id, text, effective_from)


def add_person(record: Record, cluster_id: int, entry: RosterEntry, effective_from: str) -> str:
    """Someone joins the roster from a date; returns their key."""
    return clusters.add_person(record, cluster_id, entry, effective_from)


def update_person(record: Record, cluster_id: int, entry: RosterEntry, effective_from: str) -> None:
    """Someone's details change from a date (the old entry is kept until then)."""
    clusters.update_person(record, cluster_id, entry, effective_from)


def end_person(record: Record, cluster_id: int, key: str, effective_to: str) -> None:
    """Someone leaves the roster on a date."""
    clusters.end_person(record, cluster_id, key, effective_to)


def apply_roster(
    record: Record,
    cluster_id: int,
    entries: Sequence[RosterEntry],
    effective_from: str,
    end_missing: bool = False,
) -> RosterChanges:
    """A whole roster (an imported CSV) in force from a date."""
    return clusters.apply_roster(record, cluster_id, entries, effective_from, end_missing)
