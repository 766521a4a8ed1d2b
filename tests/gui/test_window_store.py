"""With a store, the window remembers the reading position, recent files and theme."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from gui_helpers import PARAGRAPH, open_and_wait, write
from pytestqt.qtbot import QtBot

import reader.store.db as db
from reader.gui.main_window import MainWindow


def test_position_recent_and_theme_survive_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    text = "标题\n" + "\n".join(f"{n}、第{n}部分\n" + PARAGRAPH * 30 for n in "一二三四五六")
    path = write(tmp_path / "doc.txt", text)
    target = text.index("四、第四部分")

    store = db.Store.open(tmp_path / "store.sqlite3")
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.resize(900, 600)
    win.show()
    open_and_wait(qtbot, win, path)
    win.go_to_offset(target)
    win.set_theme("sepia")
    win.close()  # saves the position
    store.close()

    store = db.Store.open(tmp_path / "store.sqlite3")
    again = MainWindow(store)
    qtbot.addWidget(again)
    again.resize(900, 600)
    again.show()
    assert again.reading_view.theme_name() == "sepia"
    assert again.recent_paths()[0].resolve() == path.resolve()
    open_and_wait(qtbot, again, path)
    assert again.reading_view.top_offset() == target
    again.close()
    store.close()


def test_starting_does_not_write_to_a_store_another_program_is_writing(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A new window only reads its saved theme and zoom: another Jingdu or a running
    ``jingdu annotations import`` holding the write lock must not stall the start."""
    store = db.Store.open(tmp_path / "store.sqlite3")
    store.settings.set("theme", "dark")
    store.settings.set("zoom", 2)
    other = sqlite3.connect(tmp_path / "store.sqlite3", isolation_level=None)
    other.execute("PRAGMA busy_timeout = 0")
    other.execute("BEGIN IMMEDIATE")
    try:
        with caplog.at_level(logging.ERROR):
            win = MainWindow(store)
            qtbot.addWidget(win)
        assert win.reading_view.theme_name() == "dark"
        assert win.reading_view.zoom_steps() == 2
        assert win.statusBar().currentMessage() == ""  # no "Zoom 120%" on start
        assert not [r for r in caplog.records if "setting" in r.getMessage()]
    finally:
        other.execute("ROLLBACK")
        other.close()
    win.close()
    store.close()
