"""Where Jingdu keeps data, caches and resources (source tree or frozen build)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from reader import APP_NAME

DATA_ENV = "JINGDU_DATA_DIR"
CACHE_ENV = "JINGDU_CACHE_DIR"


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Folder for the user's store (annotations, positions, settings)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return _ensure(Path(override).expanduser())
    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def cache_dir() -> Path:
    """Folder for rebuildable data (search index, jieba cache).

    Follows JINGDU_CACHE_DIR, else a ``cache`` folder inside JINGDU_DATA_DIR when
    that is set (portable installs and tests keep everything in one place), else
    the platform's cache folder.
    """
    override = os.environ.get(CACHE_ENV)
    if override:
        return _ensure(Path(override).expanduser())
    data_override = os.environ.get(DATA_ENV)
    if data_override:
        return _ensure(Path(data_override).expanduser() / "cache")
    return _ensure(Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)))


def database_path() -> Path:
    """The SQLite file holding everything the user made."""
    return data_dir() / "jingdu.sqlite3"


def jieba_cache_dir() -> Path:
    """Folder for jieba's dictionary cache (never the shared system temp folder)."""
    return _ensure(cache_dir() / "jieba")


def is_frozen() -> bool:
    """True inside a PyInstaller build."""
    return bool(getattr(sys, "frozen", False))


def resources_dir() -> Path:
    """The ``resources`` folder, in the source tree or next to the frozen executable."""
    if is_frozen():
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        return base / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of one bundled resource, e.g. ``resource_path("guide", "guide.txt")``."""
    return resources_dir().joinpath(*parts)


def guide_path() -> Path:
    """The built-in user guide (Chinese), opened on first run and from Help."""
    return resource_path("guide", "jingdu-guide.txt")
