"""The Annotations dock: click to jump, filter, delete with undo, context menu, empty state."""

from __future__ import annotations

# ruff: noqa: F811  (pytest fixtures imported from annotations_fixtures)
from pathlib import Path

import pytest
from annotations_fixtures import feature, make_window, store  # noqa: F401
from gui_helpers import PARAGRAPH, Messages, open_and_wait, write
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from reader.gui.dialogs import note_dialog
from reader.gui.main_window import MainWindow
from reader.models.annotations_model import IdRole
from reader.store.db import Store

SECTIONS = ("一、总体要求", "二、主要任务", "三、保障措施")


@pytest.fixture
def win(qtbot: QtBot, store: Store, messages: Messages) -> MainWindow:
    return make_window(qtbot, store, messages)


@pytest.fixture
def doc_path(tmp_path: Path) -> Path:
    lines = ["工作报告"]
    for n, title in enumerate(SECTIONS):
        lines.append(title)
        lines += [f"第{n}部分第{p}段：" + PARAGRAPH * 2 for p in range(12)]
    return write(tmp_path / "报告.txt", "\n".join(lines) + "\n")


def highlight(win: MainWindow, word: str, color: str, nth: int = 0) -> int:
    doc = win.current_document
    assert doc is not None
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(word, start + 1)
    win.reading_view.set_selection(start, start + len(word))
    a = feature(win).highlight_selection(color)
    assert a is not None and a.id is not None
    return a.id


def click_row(qtbot: QtBot, win: MainWindow, index: QModelIndex) -> None:
    view = feature(win).panel.view
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_click_in_the_panel_jumps_to_the_highlight(
    qtbot: QtBot, win: MainWindow, doc_path: Path
) -> None:
    open_and_wait(qtbot, win, doc_path)
    far = highlight(win, "第2部分第9段", "blue")
    highlight(win, "第0部分第1段", "yellow")
    win.go_to_offset(0)
    panel = feature(win).panel
    panel.show()
    index = panel.model.index_of(far)
    click_row(qtbot, win, index)
    doc = win.current_document
    assert doc is not None
    target = doc.text.index("第2部分第9段")
    view = win.reading_view
    assert view.top_offset() <= target <= view.bottom_offset()
    assert abs(view.top_offset() - target) < 5  # brought to the top, not just somewhere


def test_filter_by_colour_and_text(qtbot: QtBot, win: MainWindow, doc_path: Path) -> None:
    open_and_wait(qtbot, win, doc_path)
    highlight(win, "第0部分第2段", "green")
    highlight(win, "第1部分第3段", "pink")
    highlight(win, "分久必合", "green", nth=30)
    panel = feature(win).panel
    assert len(panel.model.visible_annotations()) == 3
    panel.color_filter.setCurrentIndex(panel.color_filter.findData("green"))
    assert {a.color for a in panel.model.visible_annotations()} == {"green"}
    assert len(panel.model.visible_annotations()) == 2
    panel.filter_edit.setText("分久")  # Chinese arrives through the input method, not keys
    assert [a.quote for a in panel.model.visible_annotations()] == ["分久必合"]
    panel.set_filter("", None)
    assert len(panel.model.visible_annotations()) == 3
    panel.set_filter("主要任务", None)  # the section title matches too
    assert [a.quote for a in panel.model.visible_annotations()] == ["第1部分第3段", "分久必合"]


def test_delete_key_in_panel_and_ctrl_z_restores(
    qtbot: QtBot, win: MainWindow, doc_path: Path, store: Store
) -> None:
    open_and_wait(qtbot, win, doc_path)
    ident = highlight(win, "第1部分第4段", "purple")
    panel = feature(win).panel
    panel.show()
    index = panel.model.index_of(ident)
    click_row(qtbot, win, index)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert store.annotations.get(ident) is None
    assert panel.model.visible_annotations() == []
    assert win.reading_view.highlights() == []
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.annotations.get(ident) is not None
    assert [s.id for s in win.reading_view.highlights()] == [ident]
    assert panel.model.index_of(ident).isValid()


def test_panel_context_menu_recolours_and_edits_notes(
    qtbot: QtBot, win: MainWindow, doc_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, win, doc_path)
    ident = highlight(win, "第0部分第5段", "yellow")
    panel = feature(win).panel
    monkeypatch.setattr(note_dialog, "ask_note", lambda _p, _q, _n="": "面板里写的笔记")
    menu = panel.context_menu(panel.model.index_of(ident))
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert "&Go To" in texts and "&Delete" in texts
    next(a for a in menu.actions() if a.text() == "Edit &Note…").trigger()
    colours = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in colours.actions() if a.text() == "Blue").trigger()
    a = feature(win).get(ident)
    assert a is not None and (a.color, a.note) == ("blue", "面板里写的笔记")
    assert panel.model.index_of(ident).data(IdRole) == ident
    assert panel.context_menu(panel.model.index(0, 0)) is None  # a group row has no menu


def test_empty_panel_explains_how_to_start(qtbot: QtBot, win: MainWindow, doc_path: Path) -> None:
    open_and_wait(qtbot, win, doc_path)
    panel = feature(win).panel
    assert panel.stack.currentWidget() is panel.empty_label
    highlight(win, "第0部分第0段", "yellow")
    assert panel.stack.currentWidget() is panel.view
    win.close_document()
    assert panel.model.rowCount() == 0


def test_panel_toggle_shortcut(qtbot: QtBot, win: MainWindow) -> None:
    toggle = feature(win).actions["toggle_annotations_panel"]
    shown = feature(win).panel.isVisible()
    toggle.trigger()
    assert feature(win).panel.isVisible() is not shown
    assert toggle.shortcut().toString() == "Ctrl+Shift+A"
