"""Screenshots in Welsh: the window on the demo meeting, and the first pages of the
Welsh and of the bilingual minutes.

    .venv/bin/python scripts/screenshots_cy.py [OUTDIR] [--dialogs]

Writes main-window-cy.png, minutes-cy-page1.png, minutes-cy-page2.png,
minutes-bilingual-page1.png and minutes-bilingual-page2.png (default:
docs/screenshots/); the minutes pages need LibreOffice (soffice) and poppler
(pdftoppm). With --dialogs it also grabs the other windows in Welsh (start,
new meeting, roster, help, about, between meetings) to OUTDIR/dialogs-cy/, for
looking at, not for committing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SECRETARY_NO_SETTINGS", "1")

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from secretary.ui import language

    args = [a for a in argv if not a.startswith("--")]
    out = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    language.install(app, "cy")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from screenshots import demo_window_during_a_vote

    record, window = demo_window_during_a_vote()
    window.grab().save(str(out / "main-window-cy.png"))
    print(out / "main-window-cy.png")
    if "--dialogs" in argv:
        dialogs(app, window, out / "dialogs-cy")
    window.close()
    for lang in ("cy", "bilingual"):
        minutes_pages(record, window.meeting_id, out, lang)
    record.close()
    return 0


def dialogs(app, window, out: Path) -> None:  # type: ignore[no-untyped-def]
    """Grab each other window in Welsh, to look at."""
    from secretary.ui.help import HelpDialog

    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, object] = {"help": HelpDialog(window)}
    optional = {
        "start": ("secretary.ui.start", "StartDialog", (window.record,)),
        "new-meeting": ("secretary.ui.new_meeting", "NewMeetingDialog", (window.record,)),
        "outside": ("secretary.ui.between.outside", "OutsideDecisionsDialog", None),
        "approval": ("secretary.ui.between.approval", "ApproveMinutesDialog", None),
        "about": ("secretary.ui.about", "AboutDialog", None),
    }
    import importlib
    import inspect

    for name, (module, cls_name, ctor_args) in optional.items():
        try:
            cls = getattr(importlib.import_module(module), cls_name)
            params = list(inspect.signature(cls).parameters)
            if ctor_args is None:
                kwargs = {}
                pos: list[object] = []
                for p in params:
                    if p in ("record",):
                        pos.append(window.record)
                    elif p in ("meeting_id", "current_meeting", "at_meeting"):
                        pos.append(window.meeting_id)
                    elif p in ("window", "main_window"):
                        pos.append(window)
                made[name] = cls(*pos, **kwargs)
            else:
                made[name] = cls(*ctor_args)
        except Exception as exc:  # a dialog whose signature changed: say so, go on
            print(f"{name}: not grabbed ({exc})")
    for name, dialog in made.items():
        dialog.show()  # type: ignore[attr-defined]
        app.processEvents()
        dialog.grab().save(str(out / f"{name}.png"))  # type: ignore[attr-defined]
        print(out / f"{name}.png")
        dialog.close()  # type: ignore[attr-defined]


def minutes_pages(record, meeting_id: int, out: Path, lang: str, pages: int = 2) -> None:  # type: ignore[no-untyped-def]
    from secretary.export import snapshot_from_record
    from secretary.export.documents import MinutesExporter

    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        print("minutes page: soffice and pdftoppm are needed; skipped")
        return
    snap = snapshot_from_record(record, meeting_id, language=lang)
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "minutes.docx"
        docx.write_bytes(MinutesExporter(snap).run())
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{tmp}/lo-profile",
                "--infilter=MS Word 2007 XML",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(docx),
            ],
            check=True,
            capture_output=True,
        )
        pdf = Path(tmp) / "minutes.pdf"
        if not pdf.exists():
            print("minutes page: LibreOffice could not convert the minutes")
            return
        subprocess.run(
            [pdftoppm, "-r", "80", "-png", "-f", "1", "-l", str(pages), str(pdf), f"{tmp}/page"],
            check=True,
        )
        for n, page in enumerate(sorted(Path(tmp).glob("page*.png")), start=1):
            png = out / f"minutes-{lang}-page{n}.png"
            shutil.copy(page, png)
            print(png)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
