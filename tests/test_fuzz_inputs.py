"""Fuzzing: generated scenarios and terms, and arbitrary bytes as scenario, terms, roster
CSV, record and template input. Never a traceback: always exit 2 with one line naming the
file, or a valid result.

Inputs are driven through the real entry points: ``secretary.cli.main.main([...])``
in-process (as the ``secretary`` command runs them) and the loaders the window uses.
The counts of inputs tried are printed, and appended as JSON to the file named by
``SECRETARY_RELIABILITY_STATS`` when it is set (docs/reliability.md).
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import shutil
import tempfile
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from examples import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretary.cli.main import main
from secretary.domain.events import SCENARIO_TYPES, SCHEMA
from secretary.domain.roster import parse_roster_csv
from secretary.domain.terms import TermsError, bundled_terms_dir, load_terms, parse_terms
from secretary.store import Record, RecordError

HERE = Path(__file__).resolve().parent
EXAMPLE = json.loads((HERE / "scenarios" / "worked-example.json").read_text(encoding="utf-8"))
SEED_TERMS = (bundled_terms_dir() / "sbuhb-upper-valleys-2021.toml").read_text(encoding="utf-8")
# SECRETARY_FUZZ_EXAMPLES=N runs N examples per test, with fresh random inputs each
# run (a hunt); by default 150, the same ones every run (repeatable).
HUNT = int(os.environ.get("SECRETARY_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=HUNT or examples(150),
    deadline=None,
    derandomize=not HUNT,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TALLY: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def report_tally():
    yield
    total = sum(v for k, v in TALLY.items() if k.endswith(":tried"))
    malformed = sum(v for k, v in TALLY.items() if k.endswith(":refused"))
    print(
        f"\nfuzz: {total} inputs tried, {malformed} refused with one line, "
        f"{dict(sorted(TALLY.items()))}"
    )
    target = os.environ.get("SECRETARY_RELIABILITY_STATS")
    if target:
        with open(target, "a", encoding="utf-8") as f:
            f.write(
                json.dumps(
                    {
                        "test": "fuzz",
                        "inputs_tried": total,
                        "refused_with_one_line": malformed,
                        "by_kind": dict(sorted(TALLY.items())),
                    }
                )
                + "\n"
            )


@pytest.fixture(scope="module")
def work() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="secretary-fuzz-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def run_cli(argv: list[str], capsys, kind: str, file: Path | None = None) -> tuple[int, str]:
    """Run the CLI in-process; assert the error contract; return (status, stdout)."""
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    out, err = capsys.readouterr()
    TALLY[f"{kind}:tried"] += 1
    assert "Traceback" not in out + err
    if code == 0:
        TALLY[f"{kind}:valid"] += 1
        return code, out
    if code == 1 and argv[0] == "verify":  # verify: a problem found, listed on stdout
        assert "PROBLEM" in out and not err, (out, err)
        TALLY[f"{kind}:refused"] += 1
        return code, out
    assert code == 2, (code, err)
    assert err.count("\n") == 1 and err.startswith("secretary: "), err
    if file is not None:
        assert str(file) in err or file.name in err, err
    TALLY[f"{kind}:refused"] += 1
    return code, out


# ---- generated scenarios ----------------------------------------------------------------

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)

GOOD_PEOPLE = [p["id"] for p in EXAMPLE["people"]]
GOOD_ITEMS = [i["id"] for i in EXAMPLE["agenda"]]


def mostly(good, bad):
    """Good values most of the time (so many scenarios play through), bad ones sometimes."""
    return st.integers(0, 15).flatmap(lambda n: bad if n == 0 else good)


PEOPLE = mostly(st.sampled_from(GOOD_PEOPLE), st.sampled_from(["ghost", "", "LEAD"]))
ITEMS = mostly(st.sampled_from(GOOD_ITEMS), st.sampled_from(["99", "", "4 "]))
FIELD_VALUES = {
    "str": mostly(st.sampled_from(GOOD_PEOPLE + GOOD_ITEMS + ["A1"]), st.text(max_size=12)),
    "text": st.text(max_size=200),
    "time": mostly(
        st.sampled_from(["13:00", "09:30", "15:45"]),
        st.one_of(st.sampled_from(["24:00", "1:00"]), st.text(max_size=6)),
    ),
    "date": mostly(st.just("2026-05-14"), st.sampled_from(["2026-02-30", "14/05/2026", ""])),
    "mode": mostly(st.sampled_from(["in_person", "remote"]), st.just("teleport")),
    "choice": mostly(st.sampled_from(["for", "against", "abstain"]), st.just("maybe")),
    "action": mostly(st.sampled_from(["none", "abstain", "withdraw"]), st.just("leave")),
    "role": mostly(st.sampled_from(["member", "deputy", "attendee"]), st.just("chair")),
    "bool": mostly(st.booleans(), json_scalars),
    "int": mostly(st.integers(0, 20), json_scalars),
    "number": mostly(st.one_of(st.floats(0, 1e7), st.integers(0, 10**6)), json_scalars),
    "votes": mostly(
        st.dictionaries(
            PEOPLE,
            FIELD_CHOICE := mostly(st.sampled_from(["for", "against", "abstain"]), st.just("x")),
            max_size=8,
        ),
        json_values,
    ),
}


@st.composite
def events(draw):
    etype = draw(
        mostly(
            st.sampled_from(SCENARIO_TYPES + ("note", "focus", "action")),
            st.sampled_from(sorted(SCHEMA) + ["bogus"]),
        )
    )
    schema = SCHEMA.get(etype, {})
    event = {"type": etype}
    for key, (required, kind) in schema.items():
        if required or draw(st.booleans()):
            if key in ("person", "from", "to"):
                event[key] = draw(PEOPLE)
            elif key in ("item", "after_item"):
                event[key] = draw(ITEMS)
            else:
                event[key] = draw(FIELD_VALUES.get(kind, json_values))
    if draw(st.integers(0, 40)) == 0:
        event[draw(st.text(max_size=6))] = draw(json_values)  # an unknown field
    if draw(st.integers(0, 40)) == 0 and schema:
        event.pop(draw(st.sampled_from(sorted(schema))), None)  # a missing field
    return event


@st.composite
def scenarios(draw):
    sc = copy.deepcopy(EXAMPLE)
    sc["events"] = draw(st.lists(events(), max_size=25))
    # Now and then a mutation anywhere in the document.
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        target = draw(st.sampled_from(["meeting", "people", "agenda", "terms"]))
        if target == "people" and sc["people"]:
            person = draw(st.sampled_from(sc["people"]))
            person[draw(st.sampled_from(["id", "role", "seat", "name", "x"]))] = draw(
                st.one_of(json_values, st.sampled_from(["gp-9", "member", "deputy"]))
            )
        elif target == "agenda" and sc["agenda"]:
            item = draw(st.sampled_from(sc["agenda"]))
            item[draw(st.sampled_from(["id", "financial", "amount", "title"]))] = draw(json_values)
        elif target == "meeting":
            sc["meeting"][draw(st.sampled_from(["date", "start", "title", "y"]))] = draw(
                json_values
            )
        else:
            sc["terms"] = draw(
                st.one_of(
                    json_values,
                    st.sampled_from(
                        ["unanimity-example", "hb-committee-example", "no-such-terms", "../x.toml"]
                    ),
                )
            )
    return sc


@FUZZ
@given(scenario=scenarios())
def test_generated_scenarios_replay_or_fail_in_one_line(scenario, work, capsys):
    path = work / "scenario.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")
    code, out = run_cli(["replay", str(path)], capsys, "scenario", path)
    if code == 0:
        report = json.loads(out)
        assert len(report["timeline"]) == len(scenario["events"])
        for d in report["decisions"]:
            assert d["status"] in (
                "carried",
                "not_carried",
                "agreed_by_consensus",
                "blocked_inquorate",
            )


@settings(FUZZ, max_examples=examples(40))
@given(scenario=scenarios())
def test_generated_scenarios_stored_in_a_record(scenario, work, capsys):
    """With --db a played scenario is recorded through LiveMeeting; a refused one
    loses nothing, and a stored one replays from the record."""
    path = work / "scenario-db.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")
    db = work / "fuzz.sqlite"
    before = _count_events(db)
    code, out = run_cli(["replay", str(path), "--db", str(db)], capsys, "scenario-db", path)
    after = _count_events(db)
    if code == 0:
        mid = json.loads(out)["meeting_id"]
        code2, out2 = run_cli(
            ["replay", "--db", str(db), "--meeting", str(mid)], capsys, "stored-replay"
        )
        assert code2 == 0
        assert after > before
    else:
        # Nothing already recorded is lost. (A scenario that plays in memory but whose
        # events the record refuses, e.g. minutes_approved, can leave a partial meeting.)
        assert after >= before


def _count_events(db: Path) -> int:
    if not db.exists():
        return 0
    record = Record(db, readonly=True)
    try:
        return sum(m.events for m in record.list_meetings())
    finally:
        record.close()


# ---- generated terms ---------------------------------------------------------------------

SEED_DATA = tomllib.loads(SEED_TERMS)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


REPLACEMENTS = st.one_of(
    json_values,
    st.sampled_from(
        ["gp-9", "1/0", "200%", "-1/3", "sideways", "moon", -1, 0, 10**9, [], {}, "chair"]
    ),
)


@st.composite
def terms_data(draw):
    """The seed terms with 0–3 values replaced or removed anywhere in the tree."""
    data = copy.deepcopy(SEED_DATA)
    paths = [p for p in _paths(data) if p]
    for _ in range(draw(st.sampled_from([0, 1, 1, 2, 3]))):
        path = draw(st.sampled_from(paths))
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(REPLACEMENTS)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this branch
    return data


@FUZZ
@given(data=terms_data())
def test_generated_terms_load_or_name_every_problem(data, work, capsys):
    TALLY["terms-object:tried"] += 1
    try:
        terms = parse_terms(data, "fuzz.toml")
    except TermsError as exc:
        TALLY["terms-object:refused"] += 1
        assert exc.problems and all(p.file == "fuzz.toml" for p in exc.problems)
    else:
        TALLY["terms-object:valid"] += 1
        assert terms.seats
    # The same terms inline in a scenario, through the CLI.
    scenario = {"terms": data, "people": [], "events": []}
    path = work / "inline-terms.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")
    run_cli(["replay", str(path)], capsys, "terms-inline", path)


@st.composite
def mutated_toml(draw):
    lines = SEED_TERMS.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.integers(0, 3))
        if how == 0:
            del lines[i]
        elif how == 1 and "=" in lines[i]:
            key = lines[i].split("=")[0]
            lines[i] = (
                key
                + "= "
                + draw(
                    st.sampled_from(
                        ['"x"', "true", "-3", "1.5", "[]", '"1/0"', '"200%"', "{}", '["gp-9"]']
                    )
                )
            )
        elif how == 2:
            lines.insert(i, draw(st.text(max_size=30)).replace("\r", ""))
        else:
            lines[i] = lines[i][: draw(st.integers(0, max(len(lines[i]) - 1, 0)))]
    return "\n".join(lines)


@FUZZ
@given(text=mutated_toml())
def test_mutated_terms_files(text, work, capsys):
    path = work / "mutated.toml"
    path.write_text(text, encoding="utf-8")
    TALLY["terms-file:tried"] += 1
    try:
        load_terms(path)
        TALLY["terms-file:valid"] += 1
    except TermsError as exc:
        TALLY["terms-file:refused"] += 1
        assert str(path) in str(exc)
    scenario = dict(EXAMPLE, terms="mutated.toml")
    sc_path = work / "uses-mutated.json"
    sc_path.write_text(json.dumps(scenario), encoding="utf-8")
    run_cli(["replay", str(sc_path)], capsys, "terms-file-cli", sc_path)


# ---- arbitrary bytes -----------------------------------------------------------------------

some_bytes = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.builds(
        lambda b, cut: json.dumps(EXAMPLE).encode()[:cut] + b,
        st.binary(max_size=20),
        st.integers(0, 3000),
    ),
)


@FUZZ
@given(raw=some_bytes)
def test_arbitrary_bytes_as_a_scenario(raw, work, capsys):
    path = work / "bytes.json"
    path.write_bytes(raw)
    run_cli(["replay", str(path)], capsys, "scenario-bytes", path)


@FUZZ
@given(raw=some_bytes)
def test_arbitrary_bytes_as_a_terms_file(raw, work, capsys):
    path = work / "bytes.toml"
    path.write_bytes(raw)
    scenario = dict(EXAMPLE, terms="bytes.toml")
    sc_path = work / "uses-bytes.json"
    sc_path.write_text(json.dumps(scenario), encoding="utf-8")
    code, _ = run_cli(["replay", str(sc_path)], capsys, "terms-bytes", sc_path)
    assert code == 2  # never valid terms for these people


good_row = st.tuples(
    st.text(
        alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ'-ŵŷâ",
        min_size=1,
        max_size=20,
    ),
    st.sampled_from(
        [("member", "gp-1"), ("member", "cluster-lead"), ("deputy", "pharmacy"), ("attendee", "")]
    ),
).map(lambda t: [t[0], t[1][0], t[1][1], "", "", "", ""])
csv_bytes = st.one_of(
    some_bytes,
    st.lists(good_row, min_size=1, max_size=8).map(
        lambda rows: (
            "name,role,seat,email,organisation,kind,key\n"
            + "\n".join(",".join(row) for row in rows)
        ).encode("utf-8")
    ),
    st.lists(
        st.lists(
            st.one_of(
                st.sampled_from(
                    ["member", "deputy", "attendee", "gp-1", "cluster-lead", "gp-9", "a@b.org", ""]
                ),
                st.text(max_size=12),
            ),
            max_size=8,
        ),
        max_size=10,
    ).map(
        lambda rows: (
            "name,role,seat,email,organisation,kind,key\n"
            + "\n".join(",".join(row) for row in rows)
        ).encode("utf-8", "surrogatepass")
    ),
)


@FUZZ
@given(raw=csv_bytes)
def test_arbitrary_bytes_as_a_roster_csv(raw):
    terms = load_terms("sbuhb-upper-valleys-2021")
    TALLY["roster-csv:tried"] += 1
    entries, errors = parse_roster_csv(raw, terms, "roster.csv")
    for e in errors:
        assert "\n" not in str(e) and e.row >= 0
    if errors:
        TALLY["roster-csv:refused"] += 1
    else:
        TALLY["roster-csv:valid"] += 1
    for entry in entries:
        assert entry.role in ("member", "deputy", "attendee") and entry.name.strip()


@FUZZ
@given(
    raw=st.one_of(
        st.binary(max_size=5000), st.binary(max_size=5000).map(lambda b: b"SQLite format 3\x00" + b)
    )
)
def test_arbitrary_bytes_as_a_record(raw, work, capsys):
    path = work / "bytes.sqlite"
    path.write_bytes(raw)
    TALLY["record-bytes:tried"] += 1
    try:
        Record(path, create=False, readonly=True).close()
        TALLY["record-bytes:valid"] += 1
    except RecordError as exc:
        assert str(path) in str(exc) and "\n" not in str(exc)
        TALLY["record-bytes:refused"] += 1
    assert path.read_bytes() == raw
    code, _ = run_cli(["verify", "--db", str(path)], capsys, "record-bytes-verify", path)
    assert path.read_bytes() == raw
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


@pytest.fixture(scope="module")
def exported_record(work) -> Path:
    db = work / "export.sqlite"
    with contextlib.redirect_stdout(io.StringIO()):
        assert (
            main(["replay", str(HERE / "scenarios" / "worked-example.json"), "--db", str(db)]) == 0
        )
    return db


@settings(FUZZ, max_examples=examples(25))
@given(
    raw=st.one_of(
        st.binary(max_size=2000), st.binary(max_size=2000).map(lambda b: b"PK\x03\x04" + b)
    )
)
def test_arbitrary_bytes_as_a_template(raw, work, exported_record, capsys):
    template = work / "template.docx"
    template.write_bytes(raw)
    out = work / "minutes-out.docx"
    out.unlink(missing_ok=True)
    code, _ = run_cli(
        [
            "export",
            "--db",
            str(exported_record),
            "--meeting",
            "1",
            "--template",
            str(template),
            "--minutes",
            str(out),
        ],
        capsys,
        "template-bytes",
        template,
    )
    assert code == 2 and not out.exists()
    assert template.read_bytes() == raw


# ---- what is recorded is what is read back -----------------------------------------------


@settings(FUZZ, max_examples=examples(60))
@given(raw_events=st.lists(events(), max_size=30))
def test_a_recorded_meeting_reads_back_exactly(raw_events, work):
    """Generated events recorded through LiveMeeting (the refused ones skipped):
    reopening the record gives the same events, in order, and the same judgements."""
    from secretary.domain.events import EventError
    from secretary.domain.scenario import parse_scenario, report_for_meeting
    from secretary.store import LiveMeeting

    db = work / "readback.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    sc = parse_scenario(dict(EXAMPLE, events=[]), "example", HERE / "scenarios")
    record = Record(db)
    mid = record.create_meeting(sc.info, sc.terms.id, sc.terms_text, sc.setup)
    live = LiveMeeting(record, mid)
    for raw in raw_events:
        TALLY["readback:tried"] += 1
        try:
            live.record_event(raw)
        except EventError:
            TALLY["readback:refused"] += 1
        else:
            TALLY["readback:valid"] += 1
    expected = report_for_meeting(live.events, live.terms)
    ids = [e.id for e in live.events]
    record.close()
    reopened = Record(db, readonly=True)
    again = LiveMeeting(reopened, mid)
    assert [e.id for e in again.events] == ids
    assert [e.to_json() for e in again.events] == [e.to_json() for e in live.events]
    assert report_for_meeting(again.events, again.terms) == expected
    reopened.close()
