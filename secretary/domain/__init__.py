"""The rules of a meeting, in pure Python (no Qt, no SQLAlchemy).

``terms`` reads a Terms of Reference; ``meeting`` folds a meeting's events into
its state; ``quorum`` and ``votes`` judge that state, and every judgement can
explain itself in words (``text.Msg``), in English or Welsh.
"""
