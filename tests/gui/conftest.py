"""Fixtures for the GUI tests: a window with stubbed dialogs."""

from __future__ import annotations

import pytest
from gui_helpers import Messages, show_window
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow


@pytest.fixture
def messages() -> Messages:
    return Messages()


@pytest.fixture
def window(qtbot: QtBot, messages: Messages) -> MainWindow:
    """A shown MainWindow without a store; message boxes are recorded, not shown."""
    return show_window(qtbot, MainWindow(store=None), messages)
