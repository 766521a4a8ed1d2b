"""Feature modules installed into the main window at start-up.

Each name in FEATURES is a module defining ``install(window: MainWindow) -> object``;
later features append their module here. A feature that fails to install is
logged and skipped, so one broken feature never stops the app from opening.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

log = logging.getLogger(__name__)

FEATURES: list[str] = [
    "reader.gui.annotations_feature",
    "reader.gui.search_feature",
]


def install_features(window: MainWindow, names: list[str] | None = None) -> dict[str, object]:
    """Install every feature module into ``window``; returns what each install returned."""
    installed: dict[str, object] = {}
    for name in FEATURES if names is None else names:
        try:
            module = importlib.import_module(name)
            installed[name] = module.install(window)
        except Exception:
            log.exception("feature %s failed to install; continuing without it", name)
    return installed
