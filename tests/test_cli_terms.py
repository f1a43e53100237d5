"""`secretary terms`: list bundled terms; check a file, listing every problem."""

from secretary.cli.main import main


def test_list_names_the_bundled_terms(capsys):
    assert main(["terms", "list"]) == 0
    out = capsys.readouterr().out
    assert "sbuhb-upper-valleys-2021" in out and "hb-committee-example" in out


def test_check_summarises_the_rules_as_the_engine_reads_them(capsys):
    assert main(["terms", "check", "sbuhb-upper-valleys-2021"]) == 0
    out = capsys.readouterr().out
    assert "16 seats, 15 votes (one per voting group)" in out
    assert "Meeting quorum: 6 seats represented" in out
    assert "Decisions also need 2 GP practices" in out
    assert "financial: for >= ceil(75% of eligible)" in out
    assert "Casting vote: none" in out


def test_check_lists_every_problem_with_file_and_key(tmp_path, capsys):
    bad = tmp_path / "terms.toml"
    bad.write_text('id = 3\n[[seats]]\nid = "a"\ngroup = 5\n[quorum]\nseats = {fraction = "2/1"}\n')
    assert main(["terms", "check", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert "6 problems" in captured.err
    for key in ("id:", "seats[0] (a).group:", "quorum.seats.fraction:", "decisions:"):
        assert f"{bad}: {key}" in captured.err


def test_check_of_bytes_that_are_not_text(tmp_path, capsys):
    bad = tmp_path / "terms.toml"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    assert main(["terms", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "Traceback" not in err
