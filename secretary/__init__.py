"""Cluster Secretary: the record, quorum and minutes of primary care cluster meetings."""

__version__ = "0.1.0"
