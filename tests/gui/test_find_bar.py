"""The find bar as a user drives it: type, count, step, wrap, close, regex errors, whole words."""

from __future__ import annotations

# ruff: noqa: F811  (pytest fixtures imported from search_fixtures)
from pathlib import Path

from gui_helpers import open_and_wait
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from search_fixtures import clean_user_words, install, report, wait_results  # noqa: F401

from reader.core.segment import Segmenter
from reader.gui.find_bar import MARK_LAYER, FindBar
from reader.gui.main_window import MainWindow


def open_bar(qtbot: QtBot, window: MainWindow, path: Path) -> FindBar:
    feature = install(window)
    open_and_wait(qtbot, window, path)
    window.reading_view.setFocus()
    QTest.keySequence(window, Qt.Modifier.CTRL | Qt.Key.Key_F)
    bar: FindBar = feature.find_bar  # type: ignore[attr-defined]
    qtbot.waitUntil(bar.isVisible)
    return bar


def type_query(qtbot: QtBot, bar: FindBar, text: str) -> None:
    # Chinese arrives as an input-method commit, not key presses: insert it like one.
    wait_results(qtbot, bar, lambda: bar.edit.insert(text))


def test_typing_counts_marks_and_selects_the_current_hit(
    qtbot: QtBot, window: MainWindow, report: Path
) -> None:
    bar = open_bar(qtbot, window, report)
    assert bar.edit.hasFocus()
    type_query(qtbot, bar, "和服")
    doc = window.current_document
    assert doc is not None
    expected = [i for i in range(len(doc.text)) if doc.text.startswith("和服", i)]
    assert len(expected) == 48
    assert [h.start for h in bar.hits] == expected
    assert bar.count_label.text() == "1 / 48"
    view = window.reading_view
    assert view._hits == [(s, s + 2) for s in expected]  # every hit marked in the text
    assert view._current_hit == 0
    assert view.selection_range() == (expected[0], expected[0] + 2)
    assert view.top_offset() <= expected[0] <= view.bottom_offset()
    assert len(view._marks[MARK_LAYER]) > 0  # scrollbar map
    assert view.overview_strip.isVisible()


def test_enter_shift_enter_and_f3_step_and_wrap(
    qtbot: QtBot, window: MainWindow, report: Path
) -> None:
    bar = open_bar(qtbot, window, report)
    type_query(qtbot, bar, "固本强基")
    n = len(bar.hits)
    assert n == 24 and bar.count_label.text() == f"1 / {n}"
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 / {n}"
    QTest.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"{n} / {n}"  # wrapped to the last
    last = bar.hits[-1]
    view = window.reading_view
    assert view.selection_range() == (last.start, last.end)
    assert view.top_offset() <= last.start <= view.bottom_offset()
    QTest.keyClick(window, Qt.Key.Key_F3)
    assert bar.count_label.text() == f"1 / {n}"  # wrapped to the first
    QTest.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"{n} / {n}"


def test_escape_closes_and_clears_marks(qtbot: QtBot, window: MainWindow, report: Path) -> None:
    bar = open_bar(qtbot, window, report)
    type_query(qtbot, bar, "党建")
    assert window.reading_view._hits
    QTest.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.reading_view._hits == []
    assert MARK_LAYER not in window.reading_view._marks


def test_latin_case_and_width_fold_unless_match_case(
    qtbot: QtBot, window: MainWindow, report: Path
) -> None:
    bar = open_bar(qtbot, window, report)
    type_query(qtbot, bar, "PYTHON")
    assert len(bar.hits) == 48  # Ｐython and python, 24 paragraphs
    wait_results(qtbot, bar, lambda: bar.case_box.setChecked(True))
    assert bar.hits == [] and bar.count_label.text() == "No results"
    wait_results(qtbot, bar, lambda: bar.edit.setText("Python"))
    assert len(bar.hits) == 24  # full-width Ｐ still matches P


def test_invalid_regex_says_so_in_the_bar(qtbot: QtBot, window: MainWindow, report: Path) -> None:
    bar = open_bar(qtbot, window, report)
    wait_results(qtbot, bar, lambda: bar.regex_box.setChecked(True))
    type_query(qtbot, bar, "和(服")
    assert "regular expression" in bar.message_label.text().lower()
    assert "c0392b" in bar.message_label.styleSheet()  # red
    assert bar.hits == [] and window.reading_view._hits == []
    wait_results(qtbot, bar, lambda: bar.edit.setText("和服务?"))
    assert bar.message_label.text() == ""
    assert len(bar.hits) == 48


def test_whole_words_drops_the_hefu_inside_hefuwu(
    qtbot: QtBot, window: MainWindow, report: Path, jieba_loaded: Segmenter
) -> None:
    bar = open_bar(qtbot, window, report)
    type_query(qtbot, bar, "和服")
    assert len(bar.hits) == 48
    wait_results(qtbot, bar, lambda: bar.word_box.setChecked(True))
    doc = window.current_document
    assert doc is not None
    assert len(bar.hits) == 24
    assert all(doc.text[h.end] != "务" for h in bar.hits)
    assert bar.count_label.text() == "1 / 24"


def test_sliced_regex_finds_what_a_whole_text_regex_finds(jieba_loaded: Segmenter) -> None:
    import reader.gui.search_worker as sw
    from reader.core.normalize import fold
    from reader.core.search import SearchOptions, find_all

    text = ("第十章 风云\n" + "天下大势，分久必合。ＡＢＣ abc\n" * 40) * 30
    for query, options in [
        ("第.{1,3}章", SearchOptions(regex=True)),
        ("abc", SearchOptions(regex=True)),
        (r"合。\S", SearchOptions(regex=True)),
        ("大势", SearchOptions(regex=True, whole_word=True)),
    ]:
        expected = find_all(text, query, options, segmenter=jieba_loaded)
        old = sw.REGEX_SLICE
        sw.REGEX_SLICE = 997  # slices end mid-line and mid-match
        try:
            got = sw.find_regex_sliced(
                text, fold(text, case_sensitive=True), query, options, lambda: False, jieba_loaded
            )
        finally:
            sw.REGEX_SLICE = old
        assert [(h.start, h.end) for h in got] == [(h.start, h.end) for h in expected], query
        assert expected


class _SlowSegmenter:
    """Stands in for an unloaded jieba: loading takes a moment and must happen off the UI thread."""

    def __init__(self, real: Segmenter) -> None:
        self.real = real
        self.is_loaded = False
        self.loaded_in: object = None

    def ensure_loaded(self) -> None:
        import threading
        import time

        time.sleep(0.2)
        self.loaded_in = threading.current_thread()
        self.is_loaded = True

    def whole_word_flags(self, text: str, spans: list[tuple[int, int]]) -> list[bool]:
        return self.real.whole_word_flags(text, spans)


def test_whole_words_loads_the_dictionary_in_the_background_first(
    qtbot: QtBot, window: MainWindow, report: Path, jieba_loaded: Segmenter
) -> None:
    import threading

    from reader.gui.search_worker import SegmenterLoader

    bar = open_bar(qtbot, window, report)
    slow = _SlowSegmenter(jieba_loaded)
    bar._loader = SegmenterLoader(slow)  # type: ignore[arg-type]
    bar._set_document(window.current_document)
    type_query(qtbot, bar, "和服")
    with qtbot.waitSignal(bar.results_changed, timeout=10_000):
        bar.word_box.setChecked(True)
        assert bar.message_label.text() == "Loading dictionary…"
    assert slow.loaded_in is not threading.main_thread()
    assert len(bar.hits) == 24 and bar.message_label.text() == ""
