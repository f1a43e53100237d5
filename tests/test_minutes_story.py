"""Minutes that tell the whole story (issue 15).

``tests/scenarios/whole-story.json`` is a meeting exercising every point: the Chair
handing the chair over for an item and for the rest of the meeting, a member present
for part of it, attendees of four kinds, apologies, members absent without them,
members of the public, a named proxy, standing declarations and one with no stated
consequence, minutes of a meeting not in the record approved, sub-items, purposes,
papers, decision quorum lost and regained, an item left undecided, and (recorded with
``secretary outside add`` / ``outside ratify``) a financial decision taken outside
meetings ratified at a meeting that had no item for it. It is replayed into a record
and exported by the CLI and by the window, in English, Welsh and both; each fact is
looked for where a reader of real minutes looks for it, in order.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from export_helpers import docx_text, table_with_header

from secretary.cli.main import main

SCENARIO = Path(__file__).parent / "scenarios" / "whole-story.json"
LANGUAGES = ("en", "cy", "bilingual")


def in_order(text: str, *fragments: str) -> None:
    """Each fragment occurs in ``text``, after the one before it."""
    at = 0
    for fragment in fragments:
        found = text.find(fragment, at)
        assert found >= 0, f"{fragment!r} not found after: {text[max(0, at - 80) : at + 200]!r}"
        at = found + len(fragment.rstrip("\n"))  # a closing newline may open the next


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("story") / "record.sqlite"
    assert main(["replay", str(SCENARIO), "--db", str(db)]) == 0
    assert (
        main(
            [
                "outside",
                "add",
                "--db",
                str(db),
                "--date",
                "2026-04-20",
                "--kind",
                "remote",
                "--title",
                "Extra physiotherapy sessions",
                "--financial",
                "--amount",
                "4000",
                "--signatory",
                "Carys Miles",
                "--consulted",
                "all members by email",
            ]
        )
        == 0
    )
    # The meeting has no item for it: ratifying adds one, after matters arising.
    assert (
        main(
            [
                "outside",
                "ratify",
                "--db",
                str(db),
                "--meeting",
                "1",
                "--decision",
                "1",
                "--outcome",
                "ratified",
            ]
        )
        == 0
    )
    return db


@pytest.fixture(scope="module")
def documents(record: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The CLI's minutes, action log and financial log in each language."""
    out = tmp_path_factory.mktemp("docs")
    docs = {}
    for lang in LANGUAGES:
        paths = {kind: out / f"{kind}-{lang}.docx" for kind in ("minutes", "actions", "financial")}
        argv = [
            "export",
            "--db",
            str(record),
            "--meeting",
            "1",
            "--language",
            lang,
            "--today",
            "2026-05-20",
            "--next-meeting",
            "2026-07-09",
        ]
        for kind, path in paths.items():
            argv += [f"--{kind}", str(path)]
        assert main(argv) == 0
        for kind, path in paths.items():
            docs[f"{kind}-{lang}"] = path.read_bytes()
    return docs


def test_english_minutes_tell_each_fact_where_a_reader_looks(documents):
    text = docx_text(documents["minutes-en"])
    in_order(
        text,
        "Minutes of the meeting held on Thursday 14 May 2026, 13:00 to 15:40, Pontardawe",
        "\nPresent\n",
        "\nDeputies\n",
        "Alun Hughes attended for the Community Pharmacy member.",
        "\nProxies\n",
        "Dr Owen Price held the proxy of Dr Huw Davies (item 5, directed: for).",
        # In attendance, grouped by kind: those plainly in attendance, then each kind.
        "\nIn attendance\n",
        "Gareth Lloyd — Finance, Swansea Bay University Health Board",
        "\nPractice Manager\n",
        "Sian Morgan — Pontardawe Surgery",
        "\nSecretariat\n",
        "Nia Roberts — Cluster Support Office",
        "\nInvited guest\n",
        "Dr Alex Kemp — Public Health Wales, left 15:35, during item 10",
        "Members of the public: 2",
        # Apologies and Absent, each with seat and organisation.
        "\nApologies\n",
        "Dr Huw Davies — GP practice 4, Cwmllynfell Surgery",
        "Meinir Roberts — Community Pharmacy, Pontardawe Pharmacy",
        "\nAbsent\n",
        "Dr Sara Lewis — Dental, Swansea Valley Dental",
        "Iwan Jenkins — Optometry, Jenkins Opticians",
        # Quorum: at the start, then wherever decision quorum was lost or regained.
        "\nQuorum\n",
        "The meeting was quorate for decisions when business began (13:02, item 1): "
        "6 seats represented (6 needed).",
        "Decision quorum lost (15:05, item 7): Quorate, but not for decisions: needs a "
        "Health Board signatory",
        "Decision quorum regained (15:25, item 9): Quorate for decisions",
        "\nBusiness of the meeting\n",
        "\n1. Welcome and apologies\n",
        "Apologies were received from: Dr Huw Davies, Meinir Roberts, Mark Bevan.",
        "\n2. Declarations of interest\n",
        "Standing declarations from the register of interests:",
        "Dr Owen Price: GP partner, Pontardawe Surgery — confirmed",
        "Dr Rhian Evans: Director, Cwmtawe Health Ltd (from April 2026) — changed",
        "The following interests were declared:",
        "Dr Ffion Jones (Item 5: Social prescriber extension 2026/27): Partner works for the "
        "provider. Did not vote on the item.",
        "Eleri Thomas (Item 7: Flu campaign communications): Member of the Royal College of "
        "Nursing. None stated.",
        "\n3. Minutes of the previous meeting\nFor decision\n",
        "The minutes of the meeting of 12 March 2026 were approved as a true record.",
        # Sub-items numbered once ("3a. Matters arising", not "3a. a) Matters arising").
        "\n3a. Matters arising\n",
        "\n3b. Action log\nFor information\n",
        # The ratified outside decision under its own heading, with its signatory.
        "\n4. Remote decision of 20 April 2026 for ratification: Extra physiotherapy "
        "sessions\nFinancial item: £4,000.00\nRatified by the meeting.\n"
        "Health Board authorised signatory: Carys Miles.\n",
        "\n5. Social prescriber extension 2026/27\n",
        "UVC/26/05 · for decision · presented by Carys Miles · financial item: £18,500.00",
        "Papers: Business case; Provider quotation",
        "Declarations: Dr Ffion Jones (did not vote on the item).",
        "Includes 1 proxy vote. Dr Owen Price cast the proxy vote of Dr Huw Davies.",
        "Action A1: Confirm the extended contract with the provider  Lead: Carys Miles  "
        "Due: 11 June 2026",
        "\n6. Extended hours pilot\n",
        "Dr Owen Price took the chair for item 6.",
        "Dr Rhian Evans did not vote, having declared an interest.",
        "\n7. Flu campaign communications\nFor discussion\n",
        "Declarations: Eleri Thomas (none stated).",
        "Agreed by consensus.",
        "Action A2: Circulate the flu campaign materials to practices",
        "Decision quorum lost (15:05, item 7)",
        "\n8. Diabetes education sessions\n",
        "No decision could be taken: the meeting was not quorate for decisions",
        "\n9. Cluster plan update\nFor information · presented by Gareth Lloyd\n",
        "Papers: Cluster plan 2026/27, quarter 1",
        "Decision quorum regained (15:25, item 9)",
        "\n10. Any other business\n",
        "Dr Owen Price took the chair at 15:33 for the rest of the meeting.",
        "The meeting closed at 15:40.",
        "\nActions agreed\n",
        "\nFinancial log\n",
        "\nDate of the next meeting\n",
    )
    assert "3a. a)" not in text and "3b. b)" not in text
    assert "Noted" not in text  # a declaration that changed nothing adds nothing


def test_present_lists_the_chair_first_and_who_was_there_for_what(documents):
    rows = table_with_header(documents["minutes-en"], "Name", "Seat")
    assert rows[1] == ["Dr Rhian Evans (Chair)", "Cluster Lead (Chair)", ""]
    assert rows[2] == [
        "Dr Owen Price",
        "GP practice 1",
        "remote; in the Chair for item 6; in the Chair from item 10",
    ]
    assert rows[3] == [
        "Dr Gwenllian Rees",
        "GP practice 2",
        "arrived 13:40; present for items 3b–10",
    ]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Carys Miles"][2] == (
        "left 15:05, during item 7; returned 15:25; present for items 1–7, 9–10"
    )
    assert rows[-1] == ["Alun Hughes", "Deputy: Community Pharmacy", ""]
    # Nobody absent or sending apologies is listed as present.
    assert not {"Dr Huw Davies", "Dr Sara Lewis", "Iwan Jenkins"} & set(by_name)


def test_declarations_table_standing_first_and_nothing_for_none(documents):
    rows = table_with_header(documents["minutes-en"], "Item", "Name")
    assert rows[1] == [
        "Standing (register of interests): confirmed",
        "Dr Owen Price",
        "GP partner, Pontardawe Surgery",
        "",
    ]
    assert rows[2][0] == "Standing (register of interests): changed"
    assert rows[-1] == [
        "Item 7: Flu campaign communications",
        "Eleri Thomas",
        "Member of the Royal College of Nursing",
        "None stated",
    ]


def test_action_line_labels_are_runs_of_their_own(documents):
    doc = Document(io.BytesIO(documents["minutes-en"]))
    line = next(p for p in doc.paragraphs if p.text.startswith("Action A1:"))
    assert [r.text for r in line.runs if r.bold] == ["Action A1:", "Lead:", "Due:"]


def test_financial_log_lists_financial_decisions_only(documents):
    for kind in ("minutes-en", "financial-en"):
        rows = table_with_header(documents[kind], "Item", "Description")
        assert rows[1] == [
            "4. Remote decision of 20 April 2026 for ratification: Extra physiotherapy sessions",
            "Extra physiotherapy sessions",
            "£4,000.00",
            "",
            "Ratified",
            "Carys Miles",
        ]
        assert rows[2] == [
            "5. Social prescriber extension 2026/27",
            "Social prescriber, 12 months",
            "£18,500.00",
            "Cluster development fund",
            "Carried",
            "Carys Miles",
        ]
        # The item no decision could be taken on is not a financial decision.
        assert rows[3][:3] == ["Total", "", "£22,500.00"]
        assert not any("Diabetes" in cell for row in rows for cell in row)


def test_action_log(documents):
    rows = table_with_header(documents["actions-en"], "Ref", "Meeting")
    assert [r[:6] for r in rows[1:]] == [
        [
            "A1",
            "14 May 2026",
            "UVC/26/05",
            "Confirm the extended contract with the provider",
            "Carys Miles",
            "11/06/2026",
        ],
        [
            "A2",
            "14 May 2026",
            "7",
            "Circulate the flu campaign materials to practices",
            "Eleri Thomas",
            "28/05/2026",
        ],
    ]


def test_welsh_minutes_carry_all_of_it(documents):
    text = docx_text(documents["minutes-cy"])
    in_order(
        text,
        "Dydd Iau 14 Mai 2026, 13:00 i 15:40",
        "\nProcsïau\n",
        "Dr Owen Price oedd deiliad procsi Dr Huw Davies (eitem 5, cyfarwyddwyd: o blaid).",
        "\nYn mynychu\n",
        "\nRheolwr Practis\n",
        "\nYsgrifenyddiaeth\n",
        "\nGwestai gwadd\n",
        "Aelodau o'r cyhoedd: 2",
        "\nYmddiheuriadau\n",
        "Dr Huw Davies — Practis meddyg teulu 4, Cwmllynfell Surgery",
        "\nYn absennol\n",
        "Dr Sara Lewis — Deintyddiaeth, Swansea Valley Dental",
        "Roedd gan y cyfarfod gworwm ar gyfer penderfyniadau pan ddechreuodd y busnes "
        "(13:02, eitem 1): 6 sedd wedi'u cynrychioli (angen 6).",
        "Collwyd cworwm ar gyfer penderfyniadau (15:05, eitem 7)",
        "Adenillwyd cworwm ar gyfer penderfyniadau (15:25, eitem 9)",
        "Datganiadau sefydlog o'r gofrestr buddiannau:",
        "Dr Owen Price: GP partner, Pontardawe Surgery — wedi'i gadarnhau",
        "Member of the Royal College of Nursing. Ni nodwyd dim.",
        "I'w benderfynu",
        "Cymeradwywyd cofnodion cyfarfod 12 Mawrth 2026 fel cofnod cywir.",
        "\n3a. Matters arising\n",
        "Cadarnhawyd gan y cyfarfod.\nLlofnodwr awdurdodedig y Bwrdd Iechyd: Carys Miles.",
        "Papurau: Business case; Provider quotation",
        "Bwriodd Dr Owen Price y bleidlais drwy brocsi ar ran Dr Huw Davies.",
        "Arweinydd: Carys Miles  Erbyn: 11 Mehefin 2026",
        "Cymerodd Dr Owen Price y gadair ar gyfer eitem 6.",
        "Cymerodd Dr Owen Price y gadair am 15:33 am weddill y cyfarfod.",
        "Daeth y cyfarfod i ben am 15:40.",
    )
    rows = table_with_header(documents["minutes-cy"], "Enw", "Sedd")
    assert rows[1][0] == "Dr Rhian Evans (Cadeirydd)"
    assert rows[2][2] == "o bell; yn y Gadair ar gyfer eitem 6; yn y Gadair o eitem 10 ymlaen"
    financial = docx_text(documents["financial-cy"])
    in_order(financial, "Cadarnhawyd", "Carys Miles", "Pasiwyd", "£22,500.00")
    assert "Diabetes" not in financial


def test_bilingual_minutes_carry_all_of_it(documents):
    """Bilingual: short labels as a pair, sentences as a Welsh line then an English one."""
    text = docx_text(documents["minutes-bilingual"])
    in_order(
        text,
        "Cofnodion y cyfarfod: Dydd Iau 14 Mai 2026, 13:00 i 15:40, Pontardawe Health Centre\n"
        "Minutes of the meeting held on Thursday 14 May 2026, 13:00 to 15:40,",
        "Procsïau / Proxies",
        "Dr Owen Price oedd deiliad procsi Dr Huw Davies (eitem 5, cyfarwyddwyd: o blaid).\n"
        "Dr Owen Price held the proxy of Dr Huw Davies (item 5, directed: for).",
        "Rheolwr Practis / Practice Manager",
        "Aelodau o'r cyhoedd / Members of the public: 2",
        "Yn absennol / Absent",
        "Dr Sara Lewis — Deintyddiaeth, Swansea Valley Dental",
        "Dr Sara Lewis — Dental, Swansea Valley Dental",
        "pan ddechreuodd y busnes (13:02, eitem 1)",
        "The meeting was quorate for decisions when business began (13:02, item 1)",
        "Collwyd cworwm ar gyfer penderfyniadau (15:05, eitem 7)",
        "Decision quorum lost (15:05, item 7)",
        "Datganiadau sefydlog o'r gofrestr buddiannau:\n"
        "Standing declarations from the register of interests:",
        "I'w benderfynu / For decision",
        "Cymeradwywyd cofnodion cyfarfod 12 Mawrth 2026 fel cofnod cywir.\n"
        "The minutes of the meeting of 12 March 2026 were approved as a true record.",
        "4. Penderfyniad o bell ar 20 Ebrill 2026 i'w gadarnhau: Extra physiotherapy sessions\n"
        "Remote decision of 20 April 2026 for ratification: Extra physiotherapy sessions",
        "Cadarnhawyd gan y cyfarfod.",
        "Ratified by the meeting.",
        "Papurau / Papers: Business case; Provider quotation",
        "Datganiadau: Dr Ffion Jones (ni phleidleisiodd ar yr eitem).\n"
        "Declarations: Dr Ffion Jones (did not vote on the item).",
        "Bwriodd Dr Owen Price y bleidlais drwy brocsi ar ran Dr Huw Davies.",
        "Dr Owen Price cast the proxy vote of Dr Huw Davies.",
        "Cam gweithredu A1: Confirm the extended contract with the provider  Arweinydd: Carys "
        "Miles  Erbyn: 11 Mehefin 2026\n"
        "Action A1: Confirm the extended contract with the provider  Lead: Carys Miles  "
        "Due: 11 June 2026",
        "Cymerodd Dr Owen Price y gadair ar gyfer eitem 6.\n"
        "Dr Owen Price took the chair for item 6.",
        "Daeth y cyfarfod i ben am 15:40.\nThe meeting closed at 15:40.",
    )
    rows = table_with_header(documents["minutes-bilingual"], "Enw / Name", "Sedd / Seat")
    assert rows[1][0] == "Dr Rhian Evans (Cadeirydd / Chair)"
    assert rows[2][2] == (
        "o bell; yn y Gadair ar gyfer eitem 6; yn y Gadair o eitem 10 ymlaen\n"
        "remote; in the Chair for item 6; in the Chair from item 10"
    )
    financial = docx_text(documents["financial-bilingual"])
    in_order(financial, "Cadarnhawyd / Ratified", "Carys Miles", "Pasiwyd / Carried")


@pytest.mark.gui
def test_the_window_exports_the_same_minutes(qtbot, record, tmp_path):
    """The window's export reads the same record the same way as the CLI's."""
    from secretary.store import Record
    from secretary.ui import record_actions
    from secretary.ui.main_window import MainWindow

    cli = tmp_path / "cli.docx"
    assert (
        main(
            [
                "export",
                "--db",
                str(record),
                "--meeting",
                "1",
                "--language",
                "bilingual",
                "--minutes",
                str(cli),
            ]
        )
        == 0
    )
    rec = Record(record)
    window = MainWindow(rec, 1)
    qtbot.addWidget(window)
    try:
        out = tmp_path / "window"
        out.mkdir()
        written = record_actions.export_meeting(window, str(out), language="bilingual")
        minutes = next(p for p in written if "minutes" in p.name)
        assert docx_text(minutes.read_bytes()) == docx_text(cli.read_bytes())
    finally:
        window.close()
        rec.close()


def test_every_document_passes_the_accessibility_checks(documents):
    from secretary.export.accessibility import problems

    for name, data in documents.items():
        lang = name.rsplit("-", 1)[1]
        assert problems(data, lang) == [], name
