"""The find bar as a user drives it: type, count, step, wrap, close, regex errors, whole words."""

from __future__ import annotations

# ruff: noqa: F811  (pytest fixtures imported from search_fixtures)
from pathlib import Path

import pytest
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


def test_worker_prepares_sorted_spans_and_at_most_max_marks_ticks() -> None:
    from reader.core.search import Hit
    from reader.gui.find_bar import MAX_MARKS
    from reader.gui.search_worker import prepare_result

    hits = [Hit(s, s + 1) for s in range(0, 200_000, 7)]
    shuffled = hits[1::2] + hits[::2]
    result = prepare_result(shuffled, 200_000, MAX_MARKS)
    assert result.hits == hits  # document order, whatever order they came in
    assert result.spans == [(h.start, h.end) for h in hits]
    assert result.starts == [h.start for h in hits]
    assert 0 < len(result.ticks) <= MAX_MARKS
    assert result.ticks[0] == 0 and result.ticks == sorted(result.ticks)


def test_folding_in_slices_equals_folding_whole_and_serves_the_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reader.core.search as core_search
    import reader.gui.search_worker as sw
    from reader.core.normalize import fold
    from reader.core.search import SearchOptions, TextIndex, find_all

    text = "天下大势，分久必合。ＡＢＣ abc，Ｐython！\n" * 500
    index = TextIndex(text)
    monkeypatch.setattr(core_search, "FOLD_SLICE", 997)
    folded = sw.fold_in_slices(index, False)
    assert folded == fold(text)
    for query in ("，", "python", "ABC"):
        expected = find_all(text, query, SearchOptions())
        assert index.find(query, SearchOptions()) == expected and expected
    assert sw.fold_in_slices(index, False, lambda: True) == folded  # cached: no work left
    assert sw.fold_in_slices(TextIndex(text), True, lambda: True) is None  # cancelled


def test_a_comma_in_a_long_document_finds_every_hit_and_steps(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from reader.gui.find_bar import SLICED_REGEX_FROM

    line = "天下大势，分久必合，合久必分。周末七国分争，并入于秦。\n"
    path = tmp_path / "长.txt"
    path.write_text("长文\n" + line * (SLICED_REGEX_FROM // len(line) + 200), encoding="utf-8")
    bar = open_bar(qtbot, window, path)
    type_query(qtbot, bar, ",")  # half-width comma finds the full-width ones
    doc = window.current_document
    assert doc is not None
    expected = [i for i, ch in enumerate(doc.text) if ch == "，"]
    assert [h.start for h in bar.hits] == expected
    view = window.reading_view
    assert view.current_hit() == bar.current
    # dense hits: only those near the visible text are given to Qt, the current one included
    drawn = view.text_pane.extraSelections()
    assert 0 < len(drawn) < 400
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)
    assert view.current_hit() == bar.current
    hit = bar.hits[bar.current]
    assert view.selection_range() == (hit.start, hit.end)
    assert bar.count_label.text() == f"{bar.current + 1:,} / {len(expected):,}"
    # far away, hits are marked again around the new place
    window.go_to_offset(len(doc.text) - 5_000)
    qtbot.waitUntil(lambda: len(view.text_pane.extraSelections()) > 0)
    low, high = view.top_offset(), view.bottom_offset()
    selections = view.text_pane.extraSelections()
    marked = [view._offset_of(sel.cursor.selectionStart()) for sel in selections]
    assert any(low <= m < high and doc.text[m] == "，" for m in marked)
