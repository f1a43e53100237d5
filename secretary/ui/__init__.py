"""The PySide6 window: the only package that imports Qt."""

import PySide6.QtCore  # noqa: F401  (every module of the window uses it; loads shiboken)

from secretary.ui.pyside_imports import lighten

lighten()  # before SQLAlchemy, python-docx and the rest are imported behind the window
