"""Highlights, notes, bookmarks, undo, citation copy and export/import as a user drives them."""

from __future__ import annotations

# ruff: noqa: F811  (pytest fixtures imported from annotations_fixtures)
import json
from pathlib import Path

import pytest
from annotations_fixtures import feature, make_window, store  # noqa: F401
from gui_helpers import PARAGRAPH, Messages, open_and_wait, write
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from reader.gui.dialogs import bookmark_dialog, note_dialog
from reader.gui.main_window import MainWindow
from reader.gui.themes import theme
from reader.models.section_tree import MarkCountRole
from reader.store.db import Store

SECTIONS = ("一、在服务大局、推动发展中提高", "二、在固本强基、增强活力中提高", "三、保障措施")
TITLE = "提高机关党建经验交流"


def report_text(paragraphs: int = 10) -> str:
    lines = [TITLE]
    for n, title in enumerate(SECTIONS):
        lines.append(title)
        lines += [f"第{n}部分第{p}段：" + PARAGRAPH * 2 for p in range(paragraphs)]
    return "\n".join(lines) + "\n"


class Dialogs:
    """Answers given to the stubbed modal dialogs, and what they were asked."""

    def __init__(self) -> None:
        self.note: str | None = "我的笔记"
        self.label: str | None = None
        self.asked: list[tuple[str, str]] = []


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    answers = Dialogs()

    def ask_note(_parent: object, quote: str, note: str = "") -> str | None:
        answers.asked.append(("note", quote))
        return answers.note

    def ask_label(_parent: object, label: str, where: str = "") -> str | None:
        answers.asked.append(("label", label))
        return answers.label if answers.label is not None else label

    monkeypatch.setattr(note_dialog, "ask_note", ask_note)
    monkeypatch.setattr(bookmark_dialog, "ask_label", ask_label)
    return answers


@pytest.fixture
def win(qtbot: QtBot, store: Store, messages: Messages, dialogs: Dialogs) -> MainWindow:
    return make_window(qtbot, store, messages)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return write(tmp_path / "经验交流.txt", report_text())


def span_of(win: MainWindow, word: str, nth: int = 0) -> tuple[int, int]:
    doc = win.current_document
    assert doc is not None
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(word, start + 1)
    return start, start + len(word)


def drawn(win: MainWindow) -> list[tuple[str, str]]:
    """(text, background colour) of every highlight drawn in the reading view."""
    return [
        (s.cursor.selectedText(), s.format.background().color().name())
        for s in win.reading_view.text_pane.extraSelections()
    ]


def bg(color: str, theme_name: str = "light") -> str:
    return theme(theme_name).highlight_color(color).name()


def point_of(win: MainWindow, offset: int) -> QPoint:
    view = win.reading_view
    cursor = QTextCursor(view.text_pane.document())
    cursor.setPosition(view._qt(offset))
    rect = view.text_pane.cursorRect(cursor)
    return QPoint(rect.left() + 3, rect.center().y())


def press(qtbot: QtBot, win: MainWindow, keys: str) -> None:
    """Type a shortcut into the reading view as a user would."""
    seq = QKeySequence(keys)
    combo = seq[0]
    qtbot.keyClick(win.reading_view.text_pane, combo.key(), combo.keyboardModifiers())


def test_select_with_keyboard_and_highlight_with_ctrl_2(
    qtbot: QtBot, win: MainWindow, report: Path, store: Store
) -> None:
    open_and_wait(qtbot, win, report)
    start, end = span_of(win, "分久必合")
    pane = win.reading_view.text_pane
    win.reading_view.scroll_to_offset(start - 20)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point_of(win, start))
    for _ in range(end - start):
        qtbot.keyClick(pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert win.reading_view.selected_text() == "分久必合"
    press(qtbot, win, "Ctrl+2")
    assert win.current_record is not None
    saved = store.annotations.for_document(win.current_record.id)
    assert [(a.quote, a.color, a.start, a.end) for a in saved] == [
        ("分久必合", "green", start, end)
    ]
    assert ("分久必合", bg("green")) in drawn(win)
    assert feature(win).panel.model.visible_annotations()[0].quote == "分久必合"


def test_note_colour_change_delete_and_undo(
    qtbot: QtBot, win: MainWindow, report: Path, store: Store, dialogs: Dialogs
) -> None:
    open_and_wait(qtbot, win, report)
    f = feature(win)
    start, end = span_of(win, "周末七国分争", 2)
    win.reading_view.set_selection(start - 1, end + 1)  # blank-free edges are kept as is
    win.reading_view.set_selection(start, end)
    dialogs.note = "战国形势"
    f.actions["add_note"].trigger()
    [a] = f.annotations()
    assert (a.quote, a.note, a.color) == ("周末七国分争", "战国形势", "yellow")
    assert a.id is not None

    # clicking the highlight offers colours: choose pink
    with qtbot.waitSignal(win.reading_view.highlight_clicked):
        qtbot.mouseClick(
            win.reading_view.text_pane.viewport(),
            Qt.MouseButton.LeftButton,
            pos=point_of(win, start + 2),
        )
    menu = QApplication.activePopupWidget()  # the menu that popped up at the click
    assert isinstance(menu, QMenu)
    colours = next(act.menu() for act in menu.actions() if act.menu() is not None)
    pink = next(act for act in colours.actions() if act.text() == "Pink")
    pink.trigger()
    menu.close()
    assert store.annotations.get(a.id).color == "pink"  # type: ignore[union-attr]
    assert ("周末七国分争", bg("pink")) in drawn(win)

    dialogs.note = "改过的笔记"
    f.edit_note(a.id)
    assert store.annotations.get(a.id).note == "改过的笔记"  # type: ignore[union-attr]

    f.delete(a.id)
    assert store.annotations.for_document(win.current_record.id) == []  # type: ignore[union-attr]
    assert drawn(win) == []
    win.reading_view.setFocus()
    press(qtbot, win, "Ctrl+Z")
    back = store.annotations.get(a.id)
    assert back is not None and back.uuid == a.uuid
    assert (back.color, back.note) == ("pink", "改过的笔记")
    assert ("周末七国分争", bg("pink")) in drawn(win)
    press(qtbot, win, "Ctrl+Z")  # undo the note edit too
    assert store.annotations.get(a.id).note == "战国形势"  # type: ignore[union-attr]
    assert "Undo" in f.actions["undo"].text()


def test_highlights_survive_zoom_theme_and_window_slides(
    qtbot: QtBot,
    win: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reader.gui.reading_view as rv

    monkeypatch.setattr(rv, "WHOLE_LIMIT", 5_000)
    monkeypatch.setattr(rv, "CHUNK_MIN", 1_000)
    monkeypatch.setattr(rv, "CHUNK_TARGET", 2_000)
    monkeypatch.setattr(rv, "CHUNK_MAX", 4_000)
    path = write(tmp_path / "long.txt", report_text(paragraphs=40))
    open_and_wait(qtbot, win, path)
    assert win.reading_view.is_windowed()
    f = feature(win)
    start, end = span_of(win, "天下大势")
    win.reading_view.set_selection(start, end)
    f.highlight_selection("blue")
    assert ("天下大势", bg("blue")) in drawn(win)
    win.reading_view.zoom_in()
    assert ("天下大势", bg("blue")) in drawn(win)
    win.set_theme("dark")
    assert ("天下大势", bg("blue", "dark")) in drawn(win)
    doc = win.current_document
    assert doc is not None
    win.go_to_offset(len(doc.text) - 10)  # far away: the window slides
    assert ("天下大势", bg("blue", "dark")) not in drawn(win)
    win.go_to_offset(start)
    assert ("天下大势", bg("blue", "dark")) in drawn(win)
    marks = win.reading_view.overview_strip.marks("annotations")
    assert len(marks) == 1 and marks[0][0] == pytest.approx(start / len(doc.text))


def test_overlapping_highlights_click_picks_the_innermost(
    qtbot: QtBot, win: MainWindow, report: Path
) -> None:
    open_and_wait(qtbot, win, report)
    f = feature(win)
    start, end = span_of(win, "周末七国分争，并入于秦")
    win.reading_view.set_selection(start, end)
    outer = f.highlight_selection("yellow")
    win.reading_view.set_selection(start + 2, start + 4)
    inner = f.highlight_selection("purple")
    assert outer is not None and inner is not None
    assert f.highlight_at(start + 3) == inner
    assert f.highlight_at(start + 1) == outer
    with qtbot.waitSignal(win.reading_view.highlight_clicked) as blocker:
        qtbot.mouseClick(
            win.reading_view.text_pane.viewport(),
            Qt.MouseButton.LeftButton,
            pos=point_of(win, start + 3),
        )
    assert blocker.args == [inner.id]
    # the same passage highlighted again is recoloured, not duplicated
    win.reading_view.set_selection(start, end)
    f.highlight_selection("green")
    assert sorted(a.color for a in f.annotations()) == ["green", "purple"]


def test_ctrl_d_toggles_a_bookmark_at_the_current_place(
    qtbot: QtBot, win: MainWindow, report: Path, store: Store
) -> None:
    open_and_wait(qtbot, win, report)
    f = feature(win)
    target, _ = span_of(win, SECTIONS[1])
    win.go_to_offset(target)
    win.reading_view.setFocus()
    press(qtbot, win, "Ctrl+D")
    [b] = store.annotations.for_document(win.current_record.id)  # type: ignore[union-attr]
    assert b.kind == "bookmark" and b.start == b.end == target
    assert b.label.startswith(SECTIONS[1])
    assert f.panel.model.visible_annotations() == [b]
    press(qtbot, win, "Ctrl+D")
    assert store.annotations.for_document(win.current_record.id) == []  # type: ignore[union-attr]
    press(qtbot, win, "Ctrl+Z")  # the removal can be undone
    assert len(store.annotations.for_document(win.current_record.id)) == 1  # type: ignore[union-attr]


def test_bookmark_selection_with_edited_label(
    qtbot: QtBot, win: MainWindow, report: Path, dialogs: Dialogs
) -> None:
    open_and_wait(qtbot, win, report)
    f = feature(win)
    start, end = span_of(win, "楚、汉分争", 4)
    win.reading_view.set_selection(start, end)
    dialogs.label = "楚汉相争"
    f.actions["add_bookmark"].trigger()
    [b] = f.annotations()
    assert (b.label, b.quote, b.start, b.end) == ("楚汉相争", "楚、汉分争", start, end)
    assert dialogs.asked[-1][0] == "label"
    assert SECTIONS[0] in dialogs.asked[-1][1]  # default label: section title + words
    dialogs.label = "新名字"
    assert b.id is not None
    f.edit_label(b.id)
    assert f.annotations()[0].label == "新名字"


def test_tree_shows_counts_per_section(qtbot: QtBot, win: MainWindow, report: Path) -> None:
    open_and_wait(qtbot, win, report)
    f = feature(win)
    for nth in (0, 3, 25):
        start, end = span_of(win, "天下大势", nth)
        win.reading_view.set_selection(start, end)
        f.highlight_selection("yellow")
    model = win.tree_view.section_model
    counts = [model.index(r, 0).data(MarkCountRole) for r in range(model.rowCount())]
    doc = win.current_document
    assert doc is not None
    expected = [0, 0, 0]
    for a in f.annotations():
        expected[SECTIONS.index(doc.section_path(a.start)[0])] += 1
    assert counts == expected and sum(counts) == 3
    assert model.index(0, 0).data() == SECTIONS[0]  # titles stay clean


def test_copy_with_citation(qtbot: QtBot, win: MainWindow, report: Path) -> None:
    open_and_wait(qtbot, win, report)
    start, end = span_of(win, "天下大势，分久必合", 25)
    win.reading_view.set_selection(start, end)
    win.reading_view.setFocus()
    press(qtbot, win, "Ctrl+Shift+C")
    assert QGuiApplication.clipboard().text() == (
        f"天下大势，分久必合\n——《{TITLE}》 二、在固本强基、增强活力中提高"
    )
    # also in the view's context menu
    menu = win.reading_view.build_context_menu(point_of(win, start + 1))
    texts = [a.text() for a in menu.actions()]
    assert "Copy with C&itation" in texts
    menu.deleteLater()


def test_context_menu_highlights_the_selection(qtbot: QtBot, win: MainWindow, report: Path) -> None:
    open_and_wait(qtbot, win, report)
    f = feature(win)
    start, end = span_of(win, "合久必分")
    win.reading_view.set_selection(start, end)
    menu = win.reading_view.build_context_menu(point_of(win, start + 1))
    highlight = next(a.menu() for a in menu.actions() if a.menu() is f.color_menu)
    next(a for a in highlight.actions() if a.text() == "Purple").trigger()
    assert [(a.quote, a.color) for a in f.annotations()] == [("合久必分", "purple")]
    menu.deleteLater()
    menu = win.reading_view.build_context_menu(point_of(win, start + 1))
    assert "This Highlight" in [a.text() for a in menu.actions()]
    menu.deleteLater()


def test_export_and_import_through_the_menu(
    qtbot: QtBot,
    win: MainWindow,
    report: Path,
    tmp_path: Path,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: Dialogs,
) -> None:
    open_and_wait(qtbot, win, report)
    f = feature(win)
    start, end = span_of(win, "并入于汉", 5)
    win.reading_view.set_selection(start, end)
    dialogs.note = "汉朝"
    f.add_note()
    out = tmp_path / "out.json"
    monkeypatch.setattr(f, "choose_export_path", lambda: (out, "json"))
    f.actions["export_annotations"].trigger()
    data = json.loads(out.read_text("utf-8"))
    items = data["items"] if isinstance(data, dict) and "items" in data else data
    assert "并入于汉" in json.dumps(items, ensure_ascii=False)
    md = tmp_path / "out.md"
    monkeypatch.setattr(f, "choose_export_path", lambda: (md, "markdown"))
    f.actions["export_annotations"].trigger()
    assert "> 并入于汉" in md.read_text("utf-8") and "汉朝" in md.read_text("utf-8")

    # delete it, then import the JSON: the highlight comes back and is drawn
    [a] = f.annotations()
    assert a.id is not None
    f.delete(a.id)
    assert drawn(win) == []
    monkeypatch.setattr(f, "choose_import_path", lambda: out)
    f.actions["import_annotations"].trigger()
    assert [(x.quote, x.note) for x in f.annotations()] == [("并入于汉", "汉朝")]
    assert ("并入于汉", bg("yellow")) in drawn(win)
    assert "Imported 1" in messages[-1][1]
    f.actions["import_annotations"].trigger()  # idempotent
    assert len(f.annotations()) == 1
    assert "already" in messages[-1][1]

    bad = write(tmp_path / "bad.json", '{"type": "Nonsense"')
    monkeypatch.setattr(f, "choose_import_path", lambda: bad)
    f.actions["import_annotations"].trigger()
    assert messages[-1][0] == "Cannot import annotations"
    assert "bad.json" in messages[-1][1]


def test_recent_menu_shows_progress(
    qtbot: QtBot, win: MainWindow, report: Path, store: Store
) -> None:
    open_and_wait(qtbot, win, report)
    doc = win.current_document
    assert doc is not None and win.current_record is not None
    store.documents.save_position(win.current_record.id, len(doc.text) // 2, 0.42)
    win.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in win.recent_menu.actions()]
    assert any(t.endswith("\t42%") and "经验交流.txt" in t for t in texts)


def test_reopen_lands_on_saved_position_with_highlights(
    qtbot: QtBot, store: Store, report: Path, messages: Messages, dialogs: Dialogs
) -> None:
    first = make_window(qtbot, store, messages)
    open_and_wait(qtbot, first, report)
    start, end = span_of(first, "周末七国分争", 20)
    first.reading_view.set_selection(start, end)
    feature(first).highlight_selection("green")
    first.go_to_offset(start - 30)
    where = first.reading_view.top_offset()
    first.close()

    second = make_window(qtbot, store, messages)
    open_and_wait(qtbot, second, report)
    assert second.reading_view.top_offset() == where
    assert ("周末七国分争", bg("green")) in drawn(second)
    assert [a.quote for a in feature(second).annotations()] == ["周末七国分争"]


def test_orphaned_annotations_are_listed_not_dropped(
    qtbot: QtBot, win: MainWindow, report: Path, tmp_path: Path
) -> None:
    open_and_wait(qtbot, win, report)
    f = feature(win)
    unique = "此处有一句独一无二的话，后来被作者删去。"
    report.write_text(report.read_text("utf-8").replace("第1部分第3段：", unique), "utf-8")
    open_and_wait(qtbot, win, report)
    start, end = span_of(win, unique)
    win.reading_view.set_selection(start, end)
    f.highlight_selection("pink")
    report.write_text(report.read_text("utf-8").replace(unique, "第1部分第3段："), "utf-8")
    open_and_wait(qtbot, win, report)
    model = f.panel.model
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups[-1] == "Orphaned"
    orphan = model.index(0, 0, model.index(model.rowCount() - 1, 0))
    assert orphan.data() == unique
    assert drawn(win) == []  # not drawn on the wrong text
