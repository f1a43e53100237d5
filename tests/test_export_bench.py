"""Export speed (pytest-benchmark; measured with --benchmark-enable, run once otherwise).

Target (issue 4): a 40-item meeting's minutes in under 0.5 s, and a 400-item one
in roughly ten times that. Measured on the 2-core build machine: 40 items 0.12 s,
400 items 0.8 s (docs/exports.md). No timing is asserted here: these check that the
large documents are complete, and give the benchmark numbers when enabled.
"""

from __future__ import annotations

import pytest
from export_helpers import big_meeting, docx_text

from secretary.export import snapshot_from_meeting
from secretary.export.documents import ActionLogExporter, MinutesExporter


@pytest.mark.parametrize("items", [40, 400])
def test_minutes_export_speed(benchmark, items):
    info, m = big_meeting(items)

    def export() -> bytes:
        return MinutesExporter(snapshot_from_meeting(info, m)).run()

    data = benchmark(export)
    text = docx_text(data)
    assert f"\n{items}. Item {items}: service proposal\n" in text
    assert text.count("Second paragraph.") == items - 3  # items 4..N carry notes


@pytest.mark.parametrize("items", [40, 400])
def test_action_log_export_speed(benchmark, items):
    info, m = big_meeting(items)
    snap = snapshot_from_meeting(info, m)
    data = benchmark(lambda: ActionLogExporter(snap).run())
    assert docx_text(data).count("Follow up with practices.") == items - 3
