"""The keywords panel: document and section keywords; clicking one searches it."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import open_and_wait
from pytestqt.qtbot import QtBot
from search_fixtures import install

from reader.core.segment import Segmenter
from reader.gui.main_window import MainWindow
from reader.gui.search_feature import SearchFeature

TEXT = (
    "读书笔记\n"
    "一、红楼梦\n"
    + "贾宝玉与林黛玉在大观园中读西厢记。贾宝玉又去怡红院。\n"
    * 12
    + "二、三国演义\n"
    "诸葛亮草船借箭，曹操大军压境。诸葛亮又借东风，曹操败走华容道。\n" * 12
)


def items(view: object) -> list[str]:
    return [view.item(i).text() for i in range(view.count())]  # type: ignore[attr-defined]


def test_keywords_for_document_and_section_and_click_searches(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, jieba_loaded: Segmenter
) -> None:
    path = tmp_path / "笔记.txt"
    path.write_text(TEXT, encoding="utf-8")
    feature = install(window)
    assert isinstance(feature, SearchFeature)
    open_and_wait(qtbot, window, path)
    panel = feature.keywords_panel
    with qtbot.waitSignal(panel.doc_runner.finished, timeout=15_000):
        panel.show()
    doc_words = items(panel.document_list)
    assert "贾宝玉" in doc_words and "诸葛亮" in doc_words
    qtbot.waitUntil(lambda: "贾宝玉" in items(panel.section_list), timeout=15_000)
    assert "诸葛亮" not in items(panel.section_list)
    assert "红楼梦" in panel.section_label.text()

    # Reading on into the second section follows it.
    doc = window.current_document
    assert doc is not None
    second = next(s for s in doc.sections() if s.title == "二、三国演义")
    window.go_to_offset(second.start)
    qtbot.waitUntil(lambda: "诸葛亮" in items(panel.section_list), timeout=15_000)
    assert "三国演义" in panel.section_label.text()

    # Clicking a keyword searches it in the find bar.
    item = next(
        panel.section_list.item(i)
        for i in range(panel.section_list.count())
        if panel.section_list.item(i).text() == "诸葛亮"
    )
    bar = feature.find_bar
    with qtbot.waitSignal(bar.results_changed, timeout=10_000):
        panel.section_list.itemClicked.emit(item)
    assert bar.isVisible() and bar.query() == "诸葛亮"
    assert len(bar.hits) == 24
