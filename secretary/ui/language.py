"""The window's language: English or Cymraeg.

The first time, the system's language decides (Welsh if the computer is set to
Welsh, else English); a choice made in View ▸ Language (or ``secretary --language``)
is remembered in the settings and can be changed at any time: the open window is
rebuilt in the new language (it owns no data, so nothing is lost).

The window's strings come from ``resources/translations/secretary_<lang>.qm``
(built by ``scripts/i18n.py``); the engine's (quorum explanations, outcomes) from
``secretary.i18n``. Dates and numbers follow ``QLocale("cy_GB")`` in Welsh:
"14 Mai 2026".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from secretary import i18n
from secretary.resources import resource

# Each language named in itself, so anyone can find their own in the menu.
LANGUAGES = {"en": "English", "cy": "Cymraeg"}
LOCALES = {"en": "en_GB", "cy": "cy_GB"}

_installed: list[QTranslator] = []


def system_language() -> str:
    """'cy' when the computer's language is Welsh, else 'en'."""
    return "cy" if QLocale.system().language() == QLocale.Language.Welsh else "en"


def current() -> str:
    return i18n.language()


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Make ``lang`` the language of the window and the engine. Translators of an
    earlier choice are removed first (Qt then sends every widget LanguageChange)."""
    if lang not in LANGUAGES:
        lang = "en"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    i18n.set_language(lang)
    QLocale.setDefault(QLocale(LOCALES[lang]))
    if lang != "en":
        ours = resource("translations", f"secretary_{lang}.qm")
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, directory in ((str(ours), ""), (f"qtbase_{lang}", qt_dir)):
            translator = QTranslator(app)
            if translator.load(name, directory) if directory else translator.load(name):
                app.installTranslator(translator)
                _installed.append(translator)
    if isinstance(app, QGuiApplication) and app.applicationName() == "ClusterSecretary":
        # the name the desktop shows in window titles, set before any translator was
        app.setApplicationDisplayName(QCoreApplication.translate("app", "Cluster Secretary"))
    return list(_installed)


def remember(lang: str) -> None:
    from secretary.ui.settings import settings

    s = settings()
    if s is not None:
        s.setValue("language", lang)


def switch(lang: str) -> bool:
    """Change the language now and remember it; False if it already is ``lang``."""
    app = QCoreApplication.instance()
    if app is None or lang not in LANGUAGES:
        return False
    remember(lang)
    if lang == current() and (lang == "en" or _installed):
        return False
    install(app, lang)
    return True


def date_text(value: str, fmt: str = "d MMMM yyyy") -> str:
    """An ISO date in the window's language: '14 Mai 2026' (the text itself if not a date)."""
    d = QDate.fromString(value, "yyyy-MM-dd")
    return QLocale().toString(d, fmt) if d.isValid() else value


def short_date(value: str | None) -> str:
    """A date as the window shows dates in lists ("27 Dec 2026", in its language)."""
    return date_text(value, "d MMM yyyy") if value else ""
