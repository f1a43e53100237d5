"""Build the bundled house-style template, resources/templates/house-style.docx.

    .venv/bin/python scripts/make_template.py

The styles are defined in secretary/export/styles.py (PARAGRAPH_STYLES and the
"Secretary Table" table style): change them there, run this, commit both.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from secretary.export.styles import build_house_style  # noqa: E402


def main() -> int:
    out = ROOT / "resources" / "templates" / "house-style.docx"
    out.parent.mkdir(parents=True, exist_ok=True)
    build_house_style().save(str(out))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
