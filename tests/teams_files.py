"""Teams attendance reports made to the format Teams downloads (UTF-16 with a mark,
tab-separated, numbered sections), for the demo meeting of 14 May 2026; and the older
layouts. Each function returns the file's bytes."""

from __future__ import annotations

SUMMARY_EN = [
    "1. Summary",
    "Meeting title\tUpper Valleys Cluster Meeting",
    "Attended participants\t6",
    "Start time\t14/05/2026, 12:58:03",
    "End time\t14/05/2026, 15:32:10",
    "Meeting duration\t2h 34m 7s",
    "Average attendance time\t1h 52m 10s",
    "",
]

# Awkward names: an organisation in brackets, "Guest", surname first, a missing title,
# an accent dropped; Dr Owen Price drops out and rejoins; a late joiner; a stranger.
PARTICIPANTS_EN = [
    "2. Participants",
    "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
    "Carys Miles (SBUHB)\t14/05/2026, 12:58:03\t14/05/2026, 15:32:10\t2h 34m 7s\t"
    "carys.miles@wales.nhs.uk\tcarys.miles@wales.nhs.uk\tOrganizer",
    "Price, Owen (Pontardawe Surgery)\t14/05/2026, 13:01:40\t14/05/2026, 14:10:05\t"
    "1h 4m 2s\towen.price@wales.nhs.uk\towen.price@wales.nhs.uk\tPresenter",
    "Iwan Parry (Guest)\t14/05/2026, 13:03:12\t14/05/2026, 15:30:00\t2h 26m 48s\t\t\tAttendee",
    "Sian Morgan\t14/05/2026, 13:40:55\t14/05/2026, 15:31:00\t1h 50m 5s\t\t\tAttendee",
    "Dr Aled Morris (Public Health Wales)\t14/05/2026, 13:00:30\t14/05/2026, 15:00:00\t"
    "1h 59m 30s\taled.morris@wales.nhs.uk\taled.morris@wales.nhs.uk\tAttendee",
    "Jo Bloggs (External)\t14/05/2026, 13:20:00\t14/05/2026, 13:25:00\t5m\t\t\tAttendee",
    "",
]

ACTIVITIES_EN = [
    "3. In-Meeting Activities",
    "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole",
    "Carys Miles (SBUHB)\t14/05/2026, 12:58:03\t14/05/2026, 15:32:10\t2h 34m 7s\t"
    "carys.miles@wales.nhs.uk\tOrganizer",
    "Price, Owen (Pontardawe Surgery)\t14/05/2026, 13:01:40\t14/05/2026, 13:30:12\t28m 32s\t"
    "owen.price@wales.nhs.uk\tPresenter",
    "Price, Owen (Pontardawe Surgery)\t14/05/2026, 13:34:35\t14/05/2026, 14:10:05\t35m 30s\t"
    "owen.price@wales.nhs.uk\tPresenter",
    "Iwan Parry (Guest)\t14/05/2026, 13:03:12\t14/05/2026, 15:30:00\t2h 26m 48s\t\tAttendee",
    "Sian Morgan\t14/05/2026, 13:40:55\t14/05/2026, 15:31:00\t1h 50m 5s\t\tAttendee",
    "Dr Aled Morris (Public Health Wales)\t14/05/2026, 13:00:30\t14/05/2026, 15:00:00\t"
    "1h 59m 30s\taled.morris@wales.nhs.uk\tAttendee",
    "Jo Bloggs (External)\t14/05/2026, 13:20:00\t14/05/2026, 13:25:00\t5m\t\tAttendee",
]


def utf16(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-16")  # with its byte-order mark


def current_report() -> bytes:
    return utf16(SUMMARY_EN + PARTICIPANTS_EN + ACTIVITIES_EN)


def us_locale_report() -> bytes:
    """The same meeting from an organiser whose Teams writes US dates and 12-hour times."""

    def us(line: str) -> str:
        for h24, h12 in (("12:", "12:"), ("13:", "1:"), ("14:", "2:"), ("15:", "3:")):
            line = line.replace(f"14/05/2026, {h24}", f"5/14/26, {h12}")
        out = []
        for cell in line.split("\t"):
            if cell.startswith("5/14/26, "):
                hour = int(cell.split(", ")[1].split(":")[0])
                cell += " AM" if hour in (10, 11) else " PM"
            out.append(cell)
        return "\t".join(out)

    return utf16([us(x) for x in SUMMARY_EN + PARTICIPANTS_EN + ACTIVITIES_EN])


def welsh_report() -> bytes:
    """The report as Teams' Welsh interface writes it: Welsh titles and column names."""
    header_cy = {
        "1. Summary": "1. Crynodeb",
        "2. Participants": "2. Cyfranogwyr",
        "3. In-Meeting Activities": "3. Gweithgareddau yn y cyfarfod",
        "Meeting title": "Teitl y cyfarfod",
        "Start time": "Amser dechrau",
        "End time": "Amser gorffen",
    }
    lines = []
    for line in SUMMARY_EN + PARTICIPANTS_EN + ACTIVITIES_EN:
        first, _sep, rest = line.partition("\t")
        first = header_cy.get(first, first)
        line = first + (_sep + rest if _sep else "")
        line = line.replace(
            "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
            "Enw\tYmuno gyntaf\tGadael ddiwethaf\tHyd yn y cyfarfod\tE-bost\tID (UPN)\tRôl",
        ).replace(
            "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole",
            "Enw\tAmser ymuno\tAmser gadael\tHyd\tE-bost\tRôl",
        )
        lines.append(line)
    return utf16(lines)


def report_2021() -> bytes:
    """The layout before numbered sections: a summary, then one row per person."""
    return utf16(
        [
            "Meeting Summary",
            "Total Number of Participants\t2",
            "Meeting Title\tUpper Valleys Cluster Meeting",
            "Meeting Start Time\t14/05/2026, 12:58:03",
            "Meeting End Time\t14/05/2026, 15:32:10",
            "",
            "Full Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\tParticipant ID (UPN)",
            "Carys Miles\t14/05/2026, 12:58:03\t14/05/2026, 15:32:10\t2h 34m\t"
            "carys.miles@wales.nhs.uk\tOrganizer\tcarys.miles@wales.nhs.uk",
            "Iwan Parry\t14/05/2026, 13:03:12\t14/05/2026, 15:30:00\t2h 26m\t\tAttendee\t",
        ]
    )


def report_2020() -> bytes:
    """The first layout: one row per join or leave."""
    return utf16(
        [
            "Full Name\tUser Action\tTimestamp",
            "Carys Miles\tJoined\t14/05/2026, 12:58:03",
            "Iwan Parry\tJoined\t14/05/2026, 13:03:12",
            "Iwan Parry\tLeft\t14/05/2026, 13:30:00",
            "Iwan Parry\tJoined\t14/05/2026, 13:35:00",
            "Iwan Parry\tLeft\t14/05/2026, 15:30:00",
            "Carys Miles\tLeft\t14/05/2026, 15:32:10",
        ]
    )
