"""With a store, the window remembers the reading position, recent files and theme."""

from __future__ import annotations

from pathlib import Path

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
