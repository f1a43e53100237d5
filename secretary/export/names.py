"""Sensible file names for the exports of a meeting."""

from __future__ import annotations

from secretary.export.snapshot import MeetingSnapshot
from secretary.export.text import safe_filename
from secretary.i18n import in_language

KINDS = ("minutes", "actions", "financial", "attendance")


def default_filenames(snapshot: MeetingSnapshot) -> dict[str, str]:
    """{'minutes': '2026-05-14 Upper Valleys Cluster Meeting - minutes (DRAFT).docx', …}."""
    lang = snapshot.language
    stem = " ".join(x for x in (snapshot.date, snapshot.title) if x) or "meeting"
    words = {
        "minutes": in_language(lang, "minutes"),
        "actions": in_language(lang, "action log"),
        "financial": in_language(lang, "financial log"),
        "attendance": in_language(lang, "attendance register"),
    }
    # bilingual: '(DRAFFT) / (DRAFT)' -> '(DRAFFT - DRAFT)'; ' / ' in words becomes ' - '
    draft = " " + in_language(lang, "(DRAFT)").replace(") / (", " - ") if snapshot.draft else ""
    return {
        kind: safe_filename(f"{stem} - {word}{draft if kind == 'minutes' else ''}") + ".docx"
        for kind, word in words.items()
    }
