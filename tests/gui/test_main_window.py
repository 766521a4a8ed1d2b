"""The main window as a user meets it: open, navigate by tree, scroll, errors, drops."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from gui_helpers import PARAGRAPH, Messages, open_and_wait, write
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from reader.gui.features import install_features
from reader.gui.main_window import MainWindow

SECTIONS = ("一、总体要求", "二、主要任务", "三、保障措施", "四、组织实施")


def report_text(paragraphs: int = 12) -> str:
    """A report with four top-level sections, each long enough to scroll."""
    lines = ["关于加强学习的工作报告"]
    for n, title in enumerate(SECTIONS):
        lines.append(title)
        lines += [f"第{n}部分正文{p}：" + PARAGRAPH * 2 for p in range(paragraphs)]
    return "\n".join(lines) + "\n"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return write(tmp_path / "报告.txt", report_text())


def tree_titles(win: MainWindow) -> list[str]:
    model = win.tree_view.section_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_open_shows_tree_text_and_title(qtbot: QtBot, window: MainWindow, report: Path) -> None:
    open_and_wait(qtbot, window, report)
    assert tree_titles(window) == list(SECTIONS)
    assert "关于加强学习的工作报告" in window.windowTitle()
    shown = window.reading_view.text_pane.toPlainText()
    assert shown.startswith("关于加强学习的工作报告")
    assert "四、组织实施" in shown
    assert window.current_document is not None


def test_clicking_a_tree_node_shows_that_section(
    qtbot: QtBot, window: MainWindow, report: Path
) -> None:
    open_and_wait(qtbot, window, report)
    doc = window.current_document
    assert doc is not None
    tree = window.tree_view
    index = tree.section_model.index(2, 0)
    center = tree.visualRect(index).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
    top = window.reading_view.top_offset()
    assert doc.text[top:].startswith("三、保障措施")
    assert window.current_section() is not None
    assert window.current_section().title == "三、保障措施"  # type: ignore[union-attr]


def test_scrolling_moves_tree_and_status(qtbot: QtBot, window: MainWindow, report: Path) -> None:
    open_and_wait(qtbot, window, report)
    doc = window.current_document
    assert doc is not None
    target = doc.text.index("二、主要任务") + 300  # inside section 二
    window.reading_view.scroll_to_offset(target)
    bar = window.reading_view.text_pane.verticalScrollBar()
    bar.setValue(bar.value() + 5)  # a user scroll, after the jump
    qtbot.waitUntil(lambda: window.tree_view.current_section() is not None)
    qtbot.waitUntil(lambda: window.tree_view.current_section().title == "二、主要任务")  # type: ignore[union-attr]
    status = window._section_label.text()
    assert "二、主要任务" in status
    assert window._progress_label.text().endswith("%") or "%" in window._progress_label.text()
    middle = int(window._progress_label.text().split("%")[0])
    assert 0 < middle < 100  # in section 二 of four: some, not all, read
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: window.tree_view.current_section().title == "四、组织实施")  # type: ignore[union-attr]
    assert "100%" in window._progress_label.text()


def test_zoom_shortcuts_change_text_size(qtbot: QtBot, window: MainWindow, report: Path) -> None:
    open_and_wait(qtbot, window, report)
    view = window.reading_view
    size = view.text_pane.document().defaultFont().pointSizeF()
    window.activateWindow()
    view.text_pane.setFocus()
    qtbot.keyClick(view.text_pane, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    bigger = view.text_pane.document().defaultFont().pointSizeF()
    assert bigger > size
    qtbot.keyClick(view.text_pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.text_pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.text_pane.document().defaultFont().pointSizeF() < size
    qtbot.keyClick(view.text_pane, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.text_pane.document().defaultFont().pointSizeF() == pytest.approx(size)


def test_next_and_previous_section(qtbot: QtBot, window: MainWindow, report: Path) -> None:
    open_and_wait(qtbot, window, report)
    doc = window.current_document
    assert doc is not None
    view = window.reading_view
    window.activateWindow()
    view.text_pane.setFocus()
    qtbot.keyClick(view.text_pane, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert doc.text[view.top_offset() :].startswith("一、总体要求")
    window.go_next_section()
    assert doc.text[view.top_offset() :].startswith("二、主要任务")
    qtbot.keyClick(view.text_pane, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert doc.text[view.top_offset() :].startswith("一、总体要求")
    window.go_to_offset(doc.text.index("三、保障措施") + 200)
    window.go_previous_section()  # inside a section: back to its start
    assert doc.text[view.top_offset() :].startswith("三、保障措施")


def test_binary_file_is_refused_and_current_document_kept(
    qtbot: QtBot, window: MainWindow, report: Path, tmp_path: Path, messages: Messages
) -> None:
    open_and_wait(qtbot, window, report)
    binary = tmp_path / "picture.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    with qtbot.waitSignal(window.load_failed, timeout=10_000):
        window.open_path(binary)
    assert len(messages) == 1
    assert "picture.txt" in messages.texts()
    assert window.current_document is not None
    assert window.current_document.path == report
    assert "关于加强学习的工作报告" in window.windowTitle()


def test_missing_file_says_which_and_what_to_do(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, messages: Messages
) -> None:
    missing = tmp_path / "不存在.txt"
    with qtbot.waitSignal(window.load_failed, timeout=10_000):
        window.open_path(missing)
    text = messages.texts()
    assert str(missing) in text
    assert "does not exist" in text
    assert window.current_document is None


def test_empty_file_says_it_is_empty(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", "")
    open_and_wait(qtbot, window, empty)
    assert window.statusBar().currentMessage() == "This file is empty."
    assert window.reading_view.text_pane.placeholderText() == "This file is empty."
    assert window.reading_view.text_pane.toPlainText() == ""
    assert window.tree_view.section_model.rowCount() == 0


def test_dropping_a_file_opens_it(qtbot: QtBot, window: MainWindow, report: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(QPoint(200, 200), *args)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.document_opened, timeout=10_000):
        window.dropEvent(QDropEvent(QPointF(200, 200), *args))
    assert window.current_document is not None
    assert window.current_document.path == report


def test_dragging_text_is_not_accepted(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("not a file")
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.setAccepted(False)
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_reopen_with_encoding_and_recent_list(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    gb = write(tmp_path / "gb.txt", report_text(2), "gb18030")
    open_and_wait(qtbot, window, gb)
    actions = {a.text(): a for a in window.encoding_menu.actions()}
    assert "gb18030" in actions
    with qtbot.waitSignal(window.document_opened, timeout=10_000):
        actions["gb18030"].trigger()
    assert window.current_document is not None
    assert window.current_document.text.startswith("关于加强学习")
    assert window.recent_paths()[0] == gb.resolve()


def test_a_wrong_encoding_choice_says_how_much_could_not_be_read(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    gb = write(tmp_path / "gb.txt", report_text(2), "gb18030")
    open_and_wait(qtbot, window, gb)
    assert "could not be read" not in window.statusBar().currentMessage()
    actions = {a.text(): a for a in window.encoding_menu.actions()}
    with qtbot.waitSignal(window.document_opened, timeout=10_000):
        actions["utf-8"].trigger()
    doc = window.current_document
    assert doc is not None
    bad = doc.text.count("\ufffd")
    assert bad > 0
    message = window.statusBar().currentMessage()
    assert message.startswith(f"{bad:,} characters could not be read as utf-8")
    assert "Reopen with Encoding" in message


def test_close_empties_the_window(qtbot: QtBot, window: MainWindow, report: Path) -> None:
    open_and_wait(qtbot, window, report)
    with qtbot.waitSignal(window.document_closing):
        window.named_actions["close"].trigger()
    assert window.current_document is None
    assert window.reading_view.text_pane.toPlainText() == ""
    assert window.windowTitle() == "Jingdu"


def test_help_opens_the_guide(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.document_opened, timeout=10_000):
        window.named_actions["guide"].trigger()
    doc = window.current_document
    assert doc is not None
    assert "精读" in window.windowTitle()
    assert window.tree_view.section_model.rowCount() >= 3


def test_menus_follow_the_contract(window: MainWindow) -> None:
    assert set(window.menus) == {"file", "edit", "view", "go", "tools", "help"}
    assert window.store is None
    window.show_status("hello", 1000)
    assert window.statusBar().currentMessage() == "hello"


def test_features_install_and_broken_ones_are_skipped(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = types.ModuleType("fake_feature_ok")
    good.install = lambda win: ("installed", win)  # type: ignore[attr-defined]
    bad = types.ModuleType("fake_feature_bad")

    def explode(_win: MainWindow) -> None:
        raise RuntimeError("broken feature")

    bad.install = explode  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_feature_ok", good)
    monkeypatch.setitem(sys.modules, "fake_feature_bad", bad)
    installed = install_features(window, ["fake_feature_bad", "fake_feature_ok"])
    assert installed == {"fake_feature_ok": ("installed", window)}


def test_theme_switch_colours_the_text(window: MainWindow) -> None:
    window.named_actions["theme_dark"].trigger()
    base = window.reading_view.text_pane.palette().base().color()
    assert base.lightness() < 60
    window.named_actions["theme_sepia"].trigger()
    assert window.reading_view.theme_name() == "sepia"


def _law(chapters: int = 2, per_chapter: int = 40) -> str:
    """A long law: more articles than the tree lists by default."""
    numbers = "一二三四五六七八九十"
    lines = ["某某管理条例"]
    article = 0
    for c in range(chapters):
        lines.append(f"第{numbers[c]}章 第{numbers[c]}部分规定")
        for _ in range(per_chapter):
            article += 1
            lines.append(f"第{article}条 本条规定有关事项，应当依法办理。" + PARAGRAPH)
    return "\n".join(lines) + "\n"


def test_articles_can_be_shown_in_the_tree_and_stay_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = write(tmp_path / "law.txt", _law())
    open_and_wait(qtbot, window, path)
    model = window.tree_view.model()
    action = window.named_actions["articles_in_tree"]
    # 80 articles: only the chapters are listed at first
    assert model.rowCount() == 2
    assert model.rowCount(model.index(0, 0)) == 0
    assert action.isEnabled() and not action.isChecked()

    window.go_to_offset(window.current_document.text.index("第50条"))
    top = window.reading_view.top_offset()
    action.trigger()
    model = window.tree_view.model()
    assert action.isChecked()
    assert model.rowCount(model.index(0, 0)) == 40
    assert model.index(0, 0, model.index(1, 0)).data() == "第41条"
    assert window.reading_view.top_offset() == top  # the text did not move
    current = window.tree_view.current_section()
    assert current is not None and current.title == "第50条"

    # the choice holds for the next document opened
    other = write(tmp_path / "law2.txt", _law(chapters=3))
    open_and_wait(qtbot, window, other)
    model = window.tree_view.model()
    assert model.rowCount(model.index(0, 0)) == 40 and action.isChecked()


def test_the_articles_option_is_off_for_documents_without_articles(
    qtbot: QtBot, window: MainWindow, report: Path
) -> None:
    open_and_wait(qtbot, window, report)
    assert not window.named_actions["articles_in_tree"].isEnabled()


def test_status_messages_are_seen_then_the_section_path_returns(
    qtbot: QtBot, window: MainWindow, report: Path
) -> None:
    """Messages such as "Deleted. Press Ctrl+Z to undo." must get room in the status
    bar; the section path was a stretching permanent widget that covered them all."""
    open_and_wait(qtbot, window, report)
    bar = window.statusBar()
    qtbot.waitUntil(lambda: bool(window._section_label.text()))
    window.show_status("Deleted. Press Ctrl+Z to undo.", 0)
    qtbot.waitUntil(lambda: not window._section_label.isVisible())
    assert window._progress_label.isVisible()
    assert bar.currentMessage() == "Deleted. Press Ctrl+Z to undo."
    bar.clearMessage()
    qtbot.waitUntil(lambda: window._section_label.isVisible())
    assert window._section_label.text()


def test_background_progress_never_hides_a_notice(window: MainWindow) -> None:
    bar = window.statusBar()
    window.show_status("This file changed since you last read it", 0)
    window.show_progress("Indexing the library: 1 / 3")
    assert bar.currentMessage() == "This file changed since you last read it"
    bar.clearMessage()
    window.show_progress("Indexing the library: 1 / 3")
    window.show_progress("Indexing the library: 2 / 3")  # progress replaces progress
    assert bar.currentMessage() == "Indexing the library: 2 / 3"
    window.show_status("Deleted. Press Ctrl+Z to undo.")  # a notice replaces progress
    assert bar.currentMessage() == "Deleted. Press Ctrl+Z to undo."
