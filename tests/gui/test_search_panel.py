"""The search panel: grouped results with snippets, clicking jumps, library across documents."""

from __future__ import annotations

# ruff: noqa: F811  (pytest fixtures imported from search_fixtures)
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import Messages, open_and_wait, show_window
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from search_fixtures import SECTIONS, install, report  # noqa: F401

from reader.core.segment import Segmenter
from reader.gui.main_window import MainWindow
from reader.gui.search_feature import SearchFeature
from reader.gui.search_panel import SCOPE_LIBRARY, SearchPanel
from reader.models.search_results_model import HIT_ROLE, KIND_ROLE
from reader.store.db import Store


def run_search(qtbot: QtBot, panel: SearchPanel, text: str, scope: int | None = None) -> None:
    with qtbot.waitSignal(panel.runner.finished, timeout=15_000):
        panel.open_panel(scope, text)


def hit_indexes(panel: SearchPanel, parent: QModelIndex | None = None) -> list[QModelIndex]:
    model = panel.model
    parent = parent if parent is not None else QModelIndex()
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(KIND_ROLE) == "hit":
            found.append(index)
        else:
            found += hit_indexes(panel, index)
    return found


def click(qtbot: QtBot, panel: SearchPanel, index: QModelIndex) -> None:
    panel.tree.scrollTo(index)
    rect = panel.tree.visualRect(index)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[no-untyped-call]


def test_results_grouped_by_section_whole_words_first_and_click_jumps(
    qtbot: QtBot, window: MainWindow, report: Path, jieba_loaded: Segmenter
) -> None:
    feature = install(window)
    assert isinstance(feature, SearchFeature)
    open_and_wait(qtbot, window, report)
    panel = feature.search_panel
    window.reading_view.setFocus()
    with qtbot.waitSignal(panel.runner.finished, timeout=15_000):
        panel.query_edit.setText("和服")
        QTest.keySequence(window, Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_F)
    assert panel.isVisible()
    model = panel.model
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == [f"{title}  (16)" for title in SECTIONS]
    assert "48 results in 3 sections" in panel.status_label.text()
    first_group = model.index(0, 0)
    flags = [model.index(r, 0, first_group).data(HIT_ROLE).whole_word for r in range(16)]
    assert flags == [True] * 8 + [False] * 8  # 和服 as a word before 和服 inside 和服务
    snippet = model.index(0, 0, first_group).data(HIT_ROLE).snippet
    assert snippet[1] == "和服" and snippet[2].startswith("参加会议")

    doc = window.current_document
    assert doc is not None
    target = model.index(5, 0, model.index(2, 0))  # a hit in the third section
    hit = model.hit_at(target)
    assert hit is not None
    click(qtbot, panel, target)
    view = window.reading_view
    assert view.selection_range() == (hit.start, hit.end)
    assert view.top_offset() <= hit.start <= view.bottom_offset()
    assert doc.section_path(hit.start) == [SECTIONS[2]]


def test_whole_words_option_and_bad_regex(
    qtbot: QtBot, window: MainWindow, report: Path, jieba_loaded: Segmenter
) -> None:
    feature = install(window)
    open_and_wait(qtbot, window, report)
    panel = feature.search_panel  # type: ignore[attr-defined]
    run_search(qtbot, panel, "和服")
    with qtbot.waitSignal(panel.runner.finished, timeout=15_000):
        panel.word_box.setChecked(True)
    assert panel.model.total() == 24
    with qtbot.waitSignal(panel.runner.failed, timeout=15_000):
        panel.regex_box.setChecked(True)
        panel.query_edit.setText("(")
        panel.search()
    assert "regular expression" in panel.status_label.text().lower()
    assert panel.model.total() == 0


def install_registered(win: MainWindow) -> SearchFeature:
    """Install the search feature (with an indexer) and register it for the fixture to shut down."""
    feature = install(win)
    assert isinstance(feature, SearchFeature)
    win.features["search"] = feature
    assert feature.indexer is not None
    return feature


@pytest.fixture
def store_window(qtbot: QtBot) -> Iterator[MainWindow]:
    """A window with a real store in the test's private data folder."""
    store = Store.open()
    win = show_window(qtbot, MainWindow(store=store), Messages(), (1100, 700))
    yield win
    feature = win.features.get("search")
    if isinstance(feature, SearchFeature):
        feature.shutdown()
    store.close()


def test_library_search_finds_both_documents_and_opens_the_other_at_the_hit(
    qtbot: QtBot, store_window: MainWindow, tmp_path: Path, jieba_loaded: Segmenter
) -> None:
    win = store_window
    feature = install_registered(win)
    indexer = feature.indexer
    assert indexer is not None
    first = tmp_path / "甲.txt"
    first.write_text("甲文档\n一、开头\n这里讲固本强基的道理。\n", encoding="utf-8")
    second = tmp_path / "乙.txt"
    second.write_text(
        "乙文档\n第一章 起始\n" + "闲话一句。\n" * 200 + "第二章 深入\n最后才说固本强基。\n",
        encoding="utf-8",
    )
    for path in (first, second):
        with qtbot.waitSignal(indexer.finished, timeout=15_000):
            open_and_wait(qtbot, win, path)
    assert len(feature.index.documents()) == 2  # type: ignore[union-attr]

    panel = feature.search_panel
    run_search(qtbot, panel, "固本强基", SCOPE_LIBRARY)
    model = panel.model
    titles = sorted(model.index(r, 0).data() for r in range(model.rowCount()))
    assert titles == ["乙文档  (1)", "甲文档  (1)"]
    assert panel.first_results_ms is not None

    # The open document is 乙; a click on 甲's result opens 甲 at the hit.
    target = next(i for i in hit_indexes(panel) if model.hit_at(i).title == "甲文档")  # type: ignore[union-attr]
    hit = model.hit_at(target)
    assert hit is not None
    with qtbot.waitSignal(win.document_opened, timeout=10_000):
        click(qtbot, panel, target)
    doc = win.current_document
    assert doc is not None and doc.path is not None and doc.path.name == "甲.txt"
    assert win.reading_view.selection_range() == (hit.start, hit.end)
    assert doc.text[hit.start : hit.end] == "固本强基"
    assert hit.section == ("一、开头",)


def test_indexer_skips_a_missing_file_without_error(
    qtbot: QtBot, store_window: MainWindow, tmp_path: Path, jieba_loaded: Segmenter
) -> None:
    win = store_window
    gone = tmp_path / "会消失.txt"
    gone.write_text("标题\n内容很短。\n", encoding="utf-8")
    open_and_wait(qtbot, win, gone)  # known to the store, feature not installed yet
    gone.unlink()
    feature = install_registered(win)
    with qtbot.waitSignal(feature.indexer.skipped, timeout=15_000) as blocker:
        feature.indexer.index_library()
    assert blocker.args[1] == "missing"
    qtbot.waitUntil(lambda: not feature.indexer.busy)  # type: ignore[union-attr]
    assert "1" in feature.search_panel.index_label.text()


def test_library_results_start_with_the_documents_read_last(
    qtbot: QtBot, store_window: MainWindow, tmp_path: Path, jieba_loaded: Segmenter
) -> None:
    win = store_window
    feature = install_registered(win)
    indexer = feature.indexer
    assert indexer is not None
    paths = []
    for name in ("甲", "乙", "丙"):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"{name}文档\n一、开头\n这里讲固本强基的道理。\n", encoding="utf-8")
        paths.append(path)
        with qtbot.waitSignal(indexer.finished, timeout=15_000):
            open_and_wait(qtbot, win, path)  # indexed in this order: 甲, 乙, 丙
    open_and_wait(qtbot, win, paths[0])  # 甲 again: now the most recent
    panel = feature.search_panel
    assert panel.recent_keys()[:3] == [
        f"doc-{r.id}"
        for r in win.store.documents.recent(3)  # type: ignore[union-attr]
    ]
    run_search(qtbot, panel, "固本强基", SCOPE_LIBRARY)
    model = panel.model
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles == ["甲文档  (1)", "丙文档  (1)", "乙文档  (1)"]
