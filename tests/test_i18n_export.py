"""Minutes in Welsh and bilingual (Welsh first, NHS Wales style), and the pure
Welsh helpers they use: long dates, money, bilingual messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from export_helpers import docx_text

from secretary.cli.main import main
from secretary.demo import create_demo_record
from secretary.domain.text import Joined, Name, msg, plural
from secretary.export import snapshot_from_record
from secretary.export.documents import MinutesExporter
from secretary.i18n import Bilingual, bilingual, in_language, long_date, money, translate

# ------------------------------------------------------------------------- helpers


def test_welsh_long_dates():
    assert long_date("2026-05-14", "cy") == "Dydd Iau 14 Mai 2026"
    assert long_date("2026-05-14", "cy", weekday=False) == "14 Mai 2026"
    assert long_date(dt.date(2027, 2, 1), "cy") == "Dydd Llun 1 Chwefror 2027"
    assert long_date("2026-05-14", "en") == "Thursday 14 May 2026"
    assert long_date("2026-05-14", "bilingual", weekday=False) == "14 Mai 2026 / 14 May 2026"
    assert long_date("next spring", "cy") == "next spring"
    months = [long_date(dt.date(2026, m, 1), "cy", weekday=False).split()[1] for m in range(1, 13)]
    assert months == [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ]
    days = [long_date(dt.date(2026, 5, d), "cy").split()[1] for d in range(11, 18)]
    assert days == ["Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul"]


def test_money_is_pounds_in_both_languages():
    assert money(18500) == "£18,500.00"
    assert money(42000, pence=False) == "£42,000"
    assert money(None) == ""


def test_bilingual_labels_give_welsh_first_and_shared_values_once():
    assert in_language("bilingual", "Apologies") == "Ymddiheuriadau / Apologies"
    assert (
        in_language("bilingual", "Declarations of interest")
        == "Datganiadau o fuddiant / Declarations of interest"
    )
    assert in_language("bilingual", "Item {n}: {title}", n=3, title="Flu") == "Eitem / Item 3: Flu"
    assert in_language("bilingual", "{name} (Chair)", name="Dr R") == "Dr R (Cadeirydd / Chair)"
    # a bilingual value is split: each language takes its own part
    seat = bilingual("Fferylliaeth Gymunedol", "Community Pharmacy")
    assert isinstance(seat, Bilingual)
    assert (
        in_language("bilingual", "{seat} (deputy)", seat=seat)
        == "Fferylliaeth Gymunedol (dirprwy) / Community Pharmacy (deputy)"
    )
    # a long sentence: the Welsh on one line, the English on the next
    long = in_language("bilingual", "No decision recorded")
    assert long == "Ni chofnodwyd penderfyniad / No decision recorded"
    sentence = in_language(
        "bilingual", "These minutes are a draft until they are approved at the next meeting."
    )
    assert sentence.split("\n") == [
        "Drafft yw'r cofnodion hyn nes iddynt gael eu cymeradwyo yn y cyfarfod nesaf.",
        "These minutes are a draft until they are approved at the next meeting.",
    ]


def test_messages_and_names_render_bilingual():
    name = Name("Optometry", "Optometreg")
    assert name.render("bilingual") == "Optometreg / Optometry"
    assert Name("Dental").render("bilingual") == "Dental"  # no Welsh given: once
    m = plural(6, "{n} seat represented", "{n} seats represented")
    assert m.render("cy") == "6 sedd wedi'u cynrychioli"
    assert m.render("bilingual") == "6 sedd wedi'u cynrychioli\n6 seats represented"
    # Welsh lists the names (neu would mutate a name from data, which cannot be)
    both = Joined((Name("Dental", "Deintyddiaeth"), Name("Optometry", "Optometreg")), "or")
    assert both.render("bilingual") == "Deintyddiaeth, Optometreg / Dental or Optometry"


def test_outcome_sentences_exist_in_welsh():
    for text in (
        "Agreed by consensus.",
        "The votes were tied, so the proposal was not carried.",
        "No decision could be taken: the meeting was not quorate for decisions ({needs}).",
        "Quorate for decisions: {counted} ({required} needed).",
    ):
        assert translate(text, "cy") not in ("", text), text


# ------------------------------------------------------------------------- documents


@pytest.fixture(scope="module")
def demo_record(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    record, meeting_id = create_demo_record(path)
    yield record, meeting_id
    record.close()


def minutes_text(demo_record, language: str) -> str:
    record, meeting_id = demo_record
    snap = snapshot_from_record(record, meeting_id, language=language)
    return docx_text(MinutesExporter(snap).run())


def test_bilingual_minutes_headings_outcomes_and_notes(demo_record):
    text = minutes_text(demo_record, "bilingual")
    lines = text.splitlines()
    for heading in (
        "Yn bresennol / Present",
        "Ymddiheuriadau / Apologies",
        "Datganiadau o fuddiant / Declarations of interest",
        "Cworwm / Quorum",
        "Camau gweithredu y cytunwyd arnynt / Actions agreed",
    ):
        assert heading in lines, heading
    # fixed wording in both languages, Welsh first: a sentence is a Welsh line,
    # then an English line, each with its own label (never a label pair over Welsh)
    assert "Penderfyniad (14:05): Cytunwyd drwy gonsensws." in lines
    assert lines[lines.index("Penderfyniad (14:05): Cytunwyd drwy gonsensws.") + 1] == (
        "Decision (14:05): Agreed by consensus."
    )
    assert "Penderfyniad / Decision" not in text
    assert text.index("Cworwm ar gyfer penderfyniadau") < text.index("Quorate for decisions")
    assert "Dydd Iau 14 Mai 2026" in text and "Thursday 14 May 2026" in text
    # the secretary's notes once, as typed
    assert text.count("The Chair welcomed members and noted apologies.") == 1
    assert text.count("Public Health Wales presented the proposed bilingual flu campaign") == 1


def test_welsh_minutes_have_no_english_fixed_wording(demo_record):
    text = minutes_text(demo_record, "cy")
    lines = text.splitlines()
    assert "Ymddiheuriadau" in lines and "Datganiadau o fuddiant" in lines
    assert "Apologies" not in lines and "Declarations of interest" not in lines
    assert "Cytunwyd drwy gonsensws." in text and "Agreed by consensus." not in text
    assert "Dydd Iau 14 Mai 2026" in text
    assert "The Chair welcomed members and noted apologies." in text  # notes as typed


def test_english_minutes_are_unchanged_by_welsh(demo_record):
    text = minutes_text(demo_record, "en")
    assert "Apologies" in text.splitlines() and "Ymddiheuriadau" not in text
    assert "Agreed by consensus." in text


def test_cli_language_option(tmp_path: Path, capsys):
    db = tmp_path / "demo.sqlite"
    create_demo_record(db)[0].close()
    out = tmp_path / "m.docx"
    args = ["export", "--db", str(db), "--meeting", "1", "--minutes", str(out)]
    assert main([*args, "--language", "bilingual"]) == 0
    assert "Ymddiheuriadau / Apologies" in docx_text(out.read_bytes()).splitlines()
    assert main([*args, "--language", "cy", "--force"]) == 0
    assert "Ymddiheuriadau" in docx_text(out.read_bytes()).splitlines()
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--language", "fr", "--force"])
    assert exit_.value.code == 2
    assert "--language" in capsys.readouterr().err


def test_bilingual_default_file_names(tmp_path: Path, capsys):
    db = tmp_path / "demo.sqlite"
    create_demo_record(db)[0].close()
    assert main(["export", "--db", str(db), "--meeting", "1", "--language", "bilingual"]) == 0
    names = sorted(Path(line).name for line in capsys.readouterr().out.splitlines())
    assert any(n.endswith("cofnodion - minutes (DRAFFT - DRAFT).docx") for n in names), names


def test_labels_and_message_parameters():
    assert in_language("bilingual", "Decision:") == "Penderfyniad / Decision:"
    seat = Name("Community Pharmacy", "Fferylliaeth Gymunedol")
    assert in_language("cy", "Deputy: {seat}", seat=seat) == "Dirprwy: Fferylliaeth Gymunedol"
    assert (
        in_language("bilingual", "Deputy: {seat}", seat=seat)
        == "Dirprwy: Fferylliaeth Gymunedol / Deputy: Community Pharmacy"
    )
    assert in_language("cy", "{name} (Chair)", name=msg("for")) == "o blaid (Cadeirydd)"


def test_reports_in_welsh_and_bilingual(record_path, tmp_path, capsys):
    from between_year import build_year

    from secretary.store import Record

    record = Record(record_path)
    build_year(record, 2)
    record.close()
    att, intr = tmp_path / "att.docx", tmp_path / "int.docx"
    db = str(record_path)
    assert main(["report", "attendance", "--db", db, "--year", "2026", "--docx", str(att),
                 "--language", "bilingual"]) == 0  # fmt: skip
    text = docx_text(att.read_bytes())
    assert "Ebrill" in text and "April" in text  # the financial year, in both
    assert main(["report", "interests", "--db", db, "--docx", str(intr), "--language", "cy"]) == 0
    text = docx_text(intr.read_bytes())
    assert "Cofrestr buddiannau" in text and "Register of interests" not in text


def test_action_log_status_in_welsh(demo_record):
    from export_helpers import table_rows

    from secretary.export.documents import ActionLogExporter

    record, meeting_id = demo_record
    snap = snapshot_from_record(record, meeting_id, language="cy")
    rows = table_rows(ActionLogExporter(snap, today=dt.date(2026, 5, 20)).run())
    assert rows[0][:2] == ["Cyf", "Cyfarfod"]
    assert {r[6] for r in rows[1:]} == {"ar agor"}  # stored as "open"
    assert {r[7] for r in rows[1:]} <= {"Coch", "Ambr", "Gwyrdd"}


def test_bilingual_lists_give_each_language_its_own_list():
    from secretary.i18n import join

    dates = [long_date(d, "bilingual", weekday=False) for d in ("2026-05-14", "2026-07-09")]
    assert join(dates) == "14 Mai 2026, 9 Gorffennaf 2026 / 14 May 2026, 9 July 2026"
    assert join(["a", "b"]) == "a, b"
