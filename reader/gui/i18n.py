"""UI language: Simplified Chinese on a Chinese system, English otherwise."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.paths import resource_path

log = logging.getLogger(__name__)

LANG_ENV = "JINGDU_LANG"
#: Languages the UI ships in; "en" is the source language (no translator needed).
LANGUAGES = ("zh_CN", "en")


def choose_language(option: str | None = None, system: str | None = None) -> str:
    """The UI language: ``--lang``, else $JINGDU_LANG, else the system locale."""
    wanted = option or os.environ.get(LANG_ENV) or system or QLocale.system().name()
    wanted = wanted.replace("-", "_").lower()
    if wanted.startswith("zh"):
        return "zh_CN"
    return "en"


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load Jingdu's and Qt's own translations for ``lang`` into ``app``."""
    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return []
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    qm = resource_path("translations", f"jingdu_{lang}.qm")
    if ours.load(str(qm)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("translation %s not found; the UI stays in English", qm)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
