"""Reading themes (light / sepia / dark) and the colours of highlights in each."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Theme:
    """Colours of the reading view (and the section tree beside it)."""

    name: str
    background: str
    foreground: str
    heading: str
    muted: str
    selection: str
    selection_text: str
    strip: str
    strip_viewport: str
    search_hit: str
    search_current: str
    highlights: dict[str, str] = field(default_factory=dict)

    def color(self, role: str) -> QColor:
        """One of this theme's colours by attribute name."""
        return QColor(getattr(self, role))

    def highlight_color(self, name: str) -> QColor:
        """Background for an annotation colour name (falls back to yellow)."""
        return QColor(self.highlights.get(name) or self.highlights["yellow"])


_LIGHT_MARKS = {
    "yellow": "#fbeaa0",
    "green": "#c8ecc0",
    "blue": "#c6dcf6",
    "pink": "#f7cbdc",
    "purple": "#ded0f2",
}

THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light",
        background="#fdfdfb",
        foreground="#222222",
        heading="#1b1b1b",
        muted="#8a8a8a",
        selection="#b4d2f5",
        selection_text="#111111",
        strip="#f0efea",
        strip_viewport="#c9c7bf",
        search_hit="#ffd2a6",
        search_current="#ff9f43",
        highlights=_LIGHT_MARKS,
    ),
    "sepia": Theme(
        name="sepia",
        background="#f5ecd7",
        foreground="#433422",
        heading="#3a2c1a",
        muted="#9a8a70",
        selection="#d9c39a",
        selection_text="#2a1f10",
        strip="#ebe0c6",
        strip_viewport="#c9b68f",
        search_hit="#efb98c",
        search_current="#e8913a",
        highlights={
            "yellow": "#f1dc8c",
            "green": "#cfe0a8",
            "blue": "#c4d6d8",
            "pink": "#efc4b8",
            "purple": "#d8c6d8",
        },
    ),
    "dark": Theme(
        name="dark",
        background="#1e1f22",
        foreground="#d4d4d0",
        heading="#ecece8",
        muted="#7d7f85",
        selection="#3d5a80",
        selection_text="#f0f0f0",
        strip="#26282c",
        strip_viewport="#4a4d55",
        search_hit="#7a4520",
        search_current="#b3661d",
        highlights={
            "yellow": "#5e5420",
            "green": "#2f5133",
            "blue": "#2b4566",
            "pink": "#65324a",
            "purple": "#4b3a66",
        },
    ),
}

DEFAULT_THEME = "light"


def theme(name: str) -> Theme:
    """The theme called ``name`` (the default theme for unknown names)."""
    return THEMES.get(name, THEMES[DEFAULT_THEME])
