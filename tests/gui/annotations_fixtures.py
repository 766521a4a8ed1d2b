"""Shared by the annotation GUI tests: a store, a window with the annotations feature."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import Messages, show_window
from pytestqt.qtbot import QtBot

from reader.gui.annotations_feature import AnnotationsFeature
from reader.gui.features import install_features
from reader.gui.main_window import MainWindow
from reader.store.db import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "store.sqlite3")
    yield s
    s.close()


def make_window(qtbot: QtBot, store: Store, messages: Messages) -> MainWindow:
    """A shown window on ``store`` with the annotations feature installed."""
    win = MainWindow(store=store)
    win.features = install_features(win, ["reader.gui.annotations_feature"])
    return show_window(qtbot, win, messages, (1100, 700))


def feature(win: MainWindow) -> AnnotationsFeature:
    f = win.features["reader.gui.annotations_feature"]
    assert isinstance(f, AnnotationsFeature)
    return f
