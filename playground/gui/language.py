"""The window's language: the playground's own translation and Qt's, and the View ▸ Language menu.

Translations ship as package data (translations/playground_<lang>.qm, compiled from the .ts
next to it by tools/translations.py). The choice is stored in QSettings and applies at the
next start: the widgets set their texts once, when they are built.
"""
from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from playground.config import catalog

ENGLISH = "en"
# Each language names itself, so a reader finds theirs whatever the window speaks now.
NAMES = {"en": "English", "zh_CN": "简体中文"}
LANGUAGES = catalog.LANGUAGES
SETTINGS_KEY = "language"
TRANSLATIONS = resources.files("playground.gui") / "translations"

_installed: list[QTranslator] = []
_current = ENGLISH


def system_language() -> str:
    """zh_CN for any Chinese locale (the one Chinese translation there is), else English."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else ENGLISH


def chosen(settings: QSettings | None) -> str | None:
    """The language picked in the menu earlier, or None: follow the system."""
    value = settings.value(SETTINGS_KEY) if settings is not None else None
    return value if value in LANGUAGES else None


def current() -> str:
    return _current


def qm_data(lang: str) -> bytes:
    """The compiled translation from the package's resources (a wheel, a zip or a folder alike)."""
    return (TRANSLATIONS / f"playground_{lang}.qm").read_bytes()


def install(app: QCoreApplication, lang: str | None = None) -> str:
    """Makes tr() answer in `lang` ("en", "zh_CN"; None: the system's): replaces what an earlier call installed."""
    global _current
    lang = lang or system_language()
    if lang not in LANGUAGES:
        raise ValueError(f"language: must be one of {', '.join(LANGUAGES)} (got {lang!r})")
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    _current = lang
    if lang == ENGLISH:
        return lang
    ours = QTranslator(app)
    ours.qm = qm_data(lang)  # load(bytes) does not copy: the data must live as long as the translator
    if ours.load(ours.qm):
        _installed.append(ours)
    qt = QTranslator(app)  # Qt's own standard dialogs and buttons (OK, Cancel, file dialogs)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    return lang


def add_menu(parent: QMenu, settings: QSettings | None) -> QMenu:
    """A Language submenu of `parent`: the pick is stored in `settings` and applies after a restart."""
    menu = parent.addMenu(QCoreApplication.translate("Language", "&Language"))
    menu.setObjectName("language")
    group = QActionGroup(menu)
    stored = chosen(settings) or _current
    for lang in LANGUAGES:
        action = menu.addAction(NAMES[lang])
        action.setCheckable(True)
        action.setChecked(lang == stored)
        action.setEnabled(settings is not None)  # a screenshot run keeps no settings to store it in
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, lang=lang: _pick(menu, settings, lang))
    return menu


def _pick(menu: QMenu, settings: QSettings, lang: str) -> None:
    if chosen(settings) == lang or (chosen(settings) is None and lang == _current):
        return
    settings.setValue(SETTINGS_KEY, lang)
    QMessageBox.information(menu.window(), QCoreApplication.translate("Language", "Language"), QCoreApplication.translate(
        "Language", "Neural Playground will speak {language} the next time it starts.").format(language=NAMES[lang]))
