"""Fixtures for the GUI tests: a window with stubbed dialogs."""

from __future__ import annotations

import pytest
from gui_helpers import Messages
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow


@pytest.fixture
def messages() -> Messages:
    return Messages()


@pytest.fixture
def window(qtbot: QtBot, messages: Messages) -> MainWindow:
    """A shown MainWindow without a store; message boxes are recorded, not shown."""
    win = MainWindow(store=None)

    def record(_icon: QMessageBox.Icon, title: str, text: str) -> None:
        messages.append((title, text))

    win.show_message = record  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    return win
