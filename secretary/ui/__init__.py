"""The PySide6 window: the only package that imports Qt."""

from secretary.pyside_cache import embedded_bytecode_cached

with embedded_bytecode_cached():  # PySide6's support modules, not compiled each start
    import PySide6.QtCore  # noqa: F401  (every module of the window uses it; loads shiboken)

from secretary.ui.pyside_imports import lighten

lighten()  # before SQLAlchemy, python-docx and the rest are imported behind the window
