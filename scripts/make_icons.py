"""Render resources/icons/secretary.svg to the PNG and ICO the bundles use.

QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py
"""

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(size: int) -> QImage:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "secretary.svg")).render(painter)
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - Qt needs an application for painting
    render(256).save(str(ICONS / "secretary.png"))
    if not render(256).save(str(ICONS / "secretary.ico")):
        print("ICO writer not available in this Qt; secretary.ico not written")
    QIcon(str(ICONS / "secretary.png"))


if __name__ == "__main__":
    main()
