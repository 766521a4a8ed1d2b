"""Reading fonts: a CJK fallback list resolved against what the platform has."""

from __future__ import annotations

import logging
from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)

#: Preferred families for Chinese body text, best first: serif / kai faces read
#: best in long texts; sans faces are the fallback every platform has.
READING_FAMILIES: tuple[str, ...] = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "LXGW WenKai",
    "LXGW WenKai Screen",
    "Songti SC",
    "STSong",
    "SimSun",
    "Noto Serif SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
)

#: Families for the interface (tree, menus): a sans face reads better small.
UI_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Noto Serif CJK SC",
)

#: Default reading size in points before zoom.
DEFAULT_POINT_SIZE = 14.0


@lru_cache(maxsize=1)
def _installed() -> frozenset[str]:
    return frozenset(QFontDatabase.families())


def available(families: tuple[str, ...]) -> list[str]:
    """The families from ``families`` that this platform has, in order."""
    have = _installed()
    found = [f for f in families if f in have]
    if not found:
        log.warning("no CJK font found among %s; Chinese may render as boxes", families[:4])
    return found


def reading_font(point_size: float = DEFAULT_POINT_SIZE) -> QFont:
    """The body-text font: the first installed CJK face, the others as fallbacks."""
    font = QFont()
    families = available(READING_FAMILIES)
    if families:
        font.setFamilies(families)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    return font


def ui_font(base: QFont) -> QFont:
    """``base`` (the application font) with a CJK sans face in front of its families."""
    font = QFont(base)
    families = available(UI_FAMILIES)
    if families:
        font.setFamilies([*families, *base.families()])
    return font
