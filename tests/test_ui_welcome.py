"""First run: the welcome creates a record with the cluster and its terms, opens an
existing one, or offers the demo; bad choices are messages, not tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretary.store import Record
from secretary.store.clusters import list_clusters, terms_in_force
from secretary.ui.welcome import WelcomeDialog, first_run

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, tmp_path: Path) -> WelcomeDialog:
    d = WelcomeDialog(tmp_path / "data" / "record.sqlite")
    qtbot.addWidget(d)
    return d


def test_first_run_only_when_nothing_is_there(tmp_path: Path):
    assert first_run(tmp_path / "record.sqlite", None)
    assert not first_run(tmp_path / "record.sqlite", "/somewhere/record.sqlite")
    (tmp_path / "record.sqlite").write_bytes(b"")
    assert not first_run(tmp_path / "record.sqlite", None)


def test_a_new_record_gets_the_cluster_and_its_terms(dialog: WelcomeDialog, tmp_path: Path):
    dialog.cluster_name.setText("Upper Valleys Primary Care Cluster")
    dialog.health_board.setText("Swansea Bay University Health Board")
    dialog.terms.setCurrentIndex(dialog.terms.findData("sbuhb-upper-valleys-2021"))
    dialog.finish()
    assert dialog.choice is not None and dialog.choice.kind == "record"
    path = dialog.choice.path
    assert path == tmp_path / "data" / "record.sqlite" and path.exists()
    record = Record(path)
    (cluster,) = list_clusters(record)
    assert cluster.name == "Upper Valleys Primary Care Cluster"
    terms_id, _ = terms_in_force(record, cluster.id, "2026-05-14")
    assert terms_id == "sbuhb-upper-valleys-2021"
    record.close()


def test_a_cluster_needs_a_name(dialog: WelcomeDialog, tmp_path: Path):
    dialog.finish()
    assert dialog.choice is None
    assert not (tmp_path / "data" / "record.sqlite").exists()
    assert "name" in dialog.last_warning.text().lower()


def test_an_existing_file_is_never_overwritten(dialog: WelcomeDialog, tmp_path: Path):
    target = tmp_path / "data" / "record.sqlite"
    target.parent.mkdir()
    target.write_bytes(b"precious")
    dialog.cluster_name.setText("Cluster")
    dialog.finish()
    assert dialog.choice is None and target.read_bytes() == b"precious"


def test_open_an_existing_record_or_refuse_one_that_is_not(dialog, tmp_path: Path):
    good = tmp_path / "shared" / "record.sqlite"
    good.parent.mkdir()
    Record(good).close()
    dialog.existing_record.setChecked(True)
    dialog.path_edit.setText(str(good))
    dialog.finish()
    assert dialog.choice is not None and dialog.choice.path == good

    bad = tmp_path / "notes.txt"
    bad.write_text("not a record")
    dialog.choice = None
    dialog.path_edit.setText(str(bad))
    dialog.finish()
    assert dialog.choice is None and bad.read_text() == "not a record"
    assert "not a Cluster Secretary record" in dialog.last_warning.text()


def test_the_demo_is_offered(dialog: WelcomeDialog):
    dialog.demo_button.click()
    assert dialog.choice is not None and dialog.choice.kind == "demo"
