"""ReadingView: layout, offsets, the sliding window on long documents, highlights, menus."""

from __future__ import annotations

import itertools

import pytest
from gui_helpers import PARAGRAPH, novel
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCursor
from pytestqt.qtbot import QtBot

import reader.gui.reading_view as rv
from reader.core.document import Document, Heading
from reader.gui.reading_view import HighlightSpan, ReadingView


@pytest.fixture
def view(qtbot: QtBot) -> ReadingView:
    v = ReadingView()
    qtbot.addWidget(v)
    v.resize(800, 600)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Window long documents with tiny chunks so tests stay fast."""
    monkeypatch.setattr(rv, "WHOLE_LIMIT", 20_000)
    monkeypatch.setattr(rv, "CHUNK_MIN", 2_000)
    monkeypatch.setattr(rv, "CHUNK_TARGET", 4_000)
    monkeypatch.setattr(rv, "CHUNK_MAX", 8_000)


def shown_at(view: ReadingView, offset: int, length: int = 12) -> str:
    """The characters the widget holds at document ``offset``."""
    start, _end = view.window_range()
    return view.text_pane.toPlainText()[offset - start : offset - start + length]


def point_of(view: ReadingView, offset: int) -> QPoint:
    """Viewport point over document ``offset``."""
    cursor = QTextCursor(view.text_pane.document())
    cursor.setPosition(view._qt(offset))
    rect = view.text_pane.cursorRect(cursor)
    return QPoint(rect.left() + 3, rect.center().y())


def test_paragraphs_are_indented_and_spaced_headings_bold(view: ReadingView) -> None:
    doc = novel(3)
    view.set_document(doc)
    qdoc = view.text_pane.document()
    body = qdoc.findBlockByNumber(2)  # first paragraph of chapter 1
    fmt = body.blockFormat()
    em = view._em()
    assert fmt.textIndent() == pytest.approx(2 * em, rel=0.01)
    assert fmt.lineHeightType() == QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    assert fmt.lineHeight() > 100
    heading = qdoc.findBlockByNumber(1)
    assert heading.text() == "第1章 风云第1"
    assert heading.blockFormat().textIndent() == 0
    assert heading.begin().fragment().charFormat().fontWeight() == QFont.Weight.Bold
    assert view.text_pane.isReadOnly()


def test_scroll_to_offset_puts_that_line_on_top(qtbot: QtBot, view: ReadingView) -> None:
    doc = novel(20)
    view.set_document(doc)
    target = doc.headings[12].offset
    with qtbot.waitSignal(view.position_changed) as blocker:
        view.scroll_to_offset(target)
    assert blocker.args == [target]
    assert view.top_offset() == target
    assert doc.section_at(view.top_offset()).title == "第13章 风云第13"
    assert 0 < view.progress() < 1


def test_long_document_is_windowed_and_offsets_survive_sliding(
    qtbot: QtBot, view: ReadingView, small_chunks: None
) -> None:
    doc = novel(120)
    assert len(doc.text) > rv.WHOLE_LIMIT
    view.set_document(doc)
    assert view.is_windowed()
    first_window = view.window_range()
    assert first_window[0] == 0 and first_window[1] < len(doc.text)
    assert view.overview_strip.isVisible()

    bar = view.text_pane.verticalScrollBar()
    windows = {view.window_range()}
    for _ in range(60):  # read down, a page at a time
        before = view.top_offset()
        bar.setValue(bar.value() + bar.pageStep())
        qtbot.wait(1)
        top = view.top_offset()
        assert top > before
        assert shown_at(view, top) == doc.text[top : top + 12]
        windows.add(view.window_range())
    assert len(windows) > 2, "the window never slid"
    start, end = view.window_range()
    assert start > 0
    assert start <= view.top_offset() < end

    # reading back up slides the window back
    for _ in range(80):
        bar.setValue(bar.value() - bar.pageStep())
        qtbot.wait(1)
        top = view.top_offset()
        assert shown_at(view, top) == doc.text[top : top + 12]
    assert view.window_range()[0] < start


def test_slide_keeps_the_same_line_on_top(
    qtbot: QtBot, view: ReadingView, small_chunks: None
) -> None:
    doc = novel(120)
    view.set_document(doc)
    bar = view.text_pane.verticalScrollBar()
    slid: list[tuple[int, int]] = []
    view.window_changed.connect(lambda a, b: slid.append((a, b)))
    while not slid:
        bar.setValue(bar.value() + 40)
        top_before_slide = view.top_offset()
        qtbot.wait(1)
    assert view.top_offset() == top_before_slide


def test_jumps_far_away_reload_the_window(view: ReadingView, small_chunks: None) -> None:
    doc = novel(120)
    view.set_document(doc)
    for heading in (doc.headings[100], doc.headings[3], doc.headings[60]):
        view.scroll_to_offset(heading.offset)
        assert view.top_offset() == heading.offset
        assert shown_at(view, heading.offset) == doc.text[heading.offset : heading.offset + 12]
    view.scroll_to_offset(len(doc.text))
    assert view.window_range()[1] == len(doc.text)
    assert view.progress() == 1.0


def test_real_window_sizes_on_a_long_novel(qtbot: QtBot, view: ReadingView) -> None:
    doc = novel(400, paragraphs=6, repeat=3)
    assert len(doc.text) > rv.WHOLE_LIMIT
    view.set_document(doc)
    start, end = view.window_range()
    assert end - start < len(doc.text) / 2
    middle = doc.headings[200].offset
    view.scroll_to_offset(middle)
    assert view.top_offset() == middle
    assert doc.section_at(view.top_offset()).title == "第201章 风云第201"


def test_selection_uses_document_offsets_even_past_astral_characters(
    view: ReadingView, small_chunks: None
) -> None:
    rare = "𠀀𠀁"  # CJK extension B: two UTF-16 units each in Qt
    lines = ["标题"]
    headings = []
    offset = 3
    for ch in range(60):
        title = f"第{ch + 1}章"
        headings.append(Heading(2, title, len(lines) + 1, offset))
        lines.append(title)
        offset += len(title) + 1
        for _ in range(4):
            body = rare + PARAGRAPH * 2
            lines.append(body)
            offset += len(body) + 1
    doc = Document(text="\n".join(lines), headings=headings, title="标题")
    view.set_document(doc)
    target = headings[40]
    view.scroll_to_offset(target.offset)
    assert view.top_offset() == target.offset
    a = target.offset + len(target.title) + 1 + 1  # inside the rare pair
    b = a + 20
    view.set_selection(a, b)
    assert view.selection_range() == (a, b)
    assert view.selected_text() == doc.text[a:b]


def test_highlights_are_drawn_and_clicks_report_their_id(
    qtbot: QtBot, view: ReadingView, small_chunks: None
) -> None:
    doc = novel(120)
    view.set_document(doc)
    heading = doc.headings[80]
    view.scroll_to_offset(heading.offset)
    a = heading.offset + len(heading.title) + 3
    spans = [HighlightSpan(7, a, a + 10, "green"), HighlightSpan(8, 5, 9, "yellow")]
    view.set_highlights(spans)
    selections = view.text_pane.extraSelections()
    assert len(selections) == 1  # the other one is outside the window
    assert selections[0].cursor.selectedText() == doc.text[a : a + 10]
    with qtbot.waitSignal(view.highlight_clicked) as blocker:
        qtbot.mouseClick(
            view.text_pane.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, a + 4)
        )
    assert blocker.args == [7]
    view.scroll_to_offset(0)
    assert len(view.text_pane.extraSelections()) == 1  # re-applied after the window moved
    assert view.text_pane.extraSelections()[0].cursor.selectedText() == doc.text[5:9]


def test_search_hits_and_scrollbar_marks(view: ReadingView, small_chunks: None) -> None:
    doc = novel(120)
    view.set_document(doc)
    hits = [(h.offset, h.offset + 2) for h in doc.headings]
    view.set_search_hits(hits, 1)
    selections = view.text_pane.extraSelections()
    marked = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections}
    top, bottom = view.top_offset(), view.bottom_offset()
    visible = [h for h in hits if top <= h[0] < bottom]
    assert visible and {(view._qt(a), view._qt(b)) for a, b in visible} <= marked
    underlined = [s for s in selections if s.format.fontUnderline()]
    assert len(underlined) == 1
    assert underlined[0].cursor.selectedText() == doc.text[hits[1][0] : hits[1][1]]

    red = QColor("red")
    view.set_scrollbar_marks("search", [(off, red) for off, _ in hits])
    marks = view.overview_strip.marks("search")
    assert len(marks) == len(hits)
    assert marks[-1][0] == pytest.approx(hits[-1][0] / len(doc.text))
    view.set_scrollbar_marks("search", [])
    assert view.overview_strip.marks("search") == []


def test_context_menu_lets_features_add_actions(qtbot: QtBot, view: ReadingView) -> None:
    doc = novel(5)
    view.set_document(doc)
    target = doc.headings[2].offset
    view.scroll_to_offset(target)
    seen: list[int] = []

    def add(menu: object, offset: int) -> None:
        seen.append(offset)
        menu.addAction("高亮")  # type: ignore[attr-defined]

    view.context_menu_about_to_show.connect(add)
    menu = view.build_context_menu(point_of(view, target + 2))
    assert seen and abs(seen[0] - (target + 2)) <= 1
    assert "高亮" in [a.text() for a in menu.actions()]
    menu.deleteLater()


def test_zoom_keeps_the_reading_position(view: ReadingView) -> None:
    doc = novel(30)
    view.set_document(doc)
    target = doc.headings[10].offset
    view.scroll_to_offset(target)
    size = view.text_pane.document().defaultFont().pointSizeF()
    view.zoom_in()
    assert view.zoom_percent() == 110
    assert view.text_pane.document().defaultFont().pointSizeF() > size
    assert view.top_offset() == target
    view.reset_zoom()
    assert view.zoom_percent() == 100
    assert view.top_offset() == target


def test_empty_document_shows_a_placeholder(view: ReadingView) -> None:
    view.set_document(Document(text="", headings=[]))
    assert view.text_pane.toPlainText() == ""
    assert view.text_pane.placeholderText()
    assert view.top_offset() == 0
    assert view.progress() == 0.0
    view.set_document(None)
    assert view.document is None


def test_empty_document_placeholder_is_drawn_whole(view: ReadingView) -> None:
    """The empty file's only line is not squeezed like a blank line, which clipped the
    lower half of "This file is empty." (only the tops of the letters were visible)."""
    view.set_document(Document(text="", headings=[]))
    image = view.text_pane.viewport().grab().toImage()
    background = image.pixelColor(image.width() - 1, image.height() - 1)

    def inked(y: int) -> bool:
        # three or more pixels: the text cursor alone is a one-pixel line
        count = 0
        for x in range(image.width()):
            if image.pixelColor(x, y) != background:
                count += 1
                if count >= 3:
                    return True
        return False

    rows = [y for y in range(min(image.height(), 150)) if inked(y)]
    glyph_height = view.text_pane.fontMetrics().ascent()
    assert rows and rows[-1] - rows[0] >= glyph_height // 2


def test_compute_chunks_cuts_at_section_starts() -> None:
    doc = novel(400)
    starts = [h.offset for h in doc.headings]
    bounds = rv.compute_chunks(doc.text, starts)
    assert bounds[0] == 0 and bounds[-1] == len(doc.text)
    for a, b in itertools.pairwise(bounds):
        assert 0 < b - a <= rv.CHUNK_MAX
    assert set(bounds[1:-1]) <= set(starts)


def drawn_spans(view: ReadingView) -> list[tuple[str, str]]:
    """(text, background colour) of the extra selections, in the order Qt paints them."""
    return [
        (s.cursor.selectedText(), s.format.background().color().name())
        for s in view.text_pane.extraSelections()
    ]


def test_nested_highlight_sharing_a_start_is_painted_on_top(view: ReadingView) -> None:
    doc = novel(3)
    view.set_document(doc)
    a = doc.headings[1].offset + 12
    long_span = HighlightSpan(1, a, a + 30, "yellow")
    short_span = HighlightSpan(2, a, a + 5, "blue")
    inner_span = HighlightSpan(3, a + 10, a + 14, "green")
    # given in an order that used to put the short span underneath
    view.set_highlights([short_span, inner_span, long_span])
    drawn = drawn_spans(view)
    colour = {name: view._theme.highlight_color(name).name() for name in ("yellow", "blue")}
    assert drawn[0] == (doc.text[a : a + 30], colour["yellow"])  # painted first: underneath
    assert drawn.index((doc.text[a : a + 5], colour["blue"])) > 0
    # a click on the shared start reports the short (visible) one
    assert [s.id for s in view.highlights()] == [1, 2, 3]


def test_many_highlights_reach_qt_only_near_the_visible_text(
    view: ReadingView, small_chunks: None
) -> None:
    doc = novel(120)
    view.set_document(doc)
    n = len(doc.text)
    spans = [HighlightSpan(k + 1, s, s + 4, "yellow") for k, s in enumerate(range(0, n - 5, 20))]
    view.set_highlights(spans)
    drawn = view.text_pane.extraSelections()
    assert 0 < len(drawn) < len(spans) / 10
    # every highlight on screen is drawn, after scrolling as well
    bar = view.text_pane.verticalScrollBar()
    for _ in range(12):
        bar.setValue(bar.value() + bar.pageStep())
        top, bottom = view.top_offset(), view.bottom_offset()
        marked = {s.cursor.selectionStart() for s in view.text_pane.extraSelections()}
        on_screen = [s for s in spans if top <= s.start and s.end <= bottom]
        assert on_screen and {view._qt(s.start) for s in on_screen} <= marked
    far = spans[len(spans) * 3 // 4]
    view.scroll_to_offset(far.start)
    marked = {s.cursor.selectionStart() for s in view.text_pane.extraSelections()}
    assert view._qt(far.start) in marked


def top_line_holds(view: ReadingView, offset: int) -> bool:
    """True when document ``offset`` is on the first visible line."""
    y = rv.TOP_GAP + 2
    first = view.offset_at(QPoint(0, y))
    last = view.offset_at(QPoint(view.text_pane.viewport().width() - 1, y))
    return first <= offset <= last


def test_width_changes_keep_the_reading_position(qtbot: QtBot, view: ReadingView) -> None:
    doc = novel(30)
    view.set_document(doc)
    target = doc.headings[12].offset + 200  # inside a paragraph, mid-line
    view.scroll_to_offset(target)
    assert top_line_holds(view, target)
    for width in (520, 1000, 640, 800, 700):  # narrower and wider, several times
        view.resize(width, 600)
        qtbot.wait(5)
        assert top_line_holds(view, target), width
    view.zoom_in()
    assert top_line_holds(view, target)
    view.set_theme("dark")
    assert top_line_holds(view, target)


def test_showing_a_dock_keeps_the_reading_position(qtbot: QtBot, small_chunks: None) -> None:
    from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

    win = QMainWindow()
    qtbot.addWidget(win)
    view = ReadingView()
    win.setCentralWidget(view)
    dock = QDockWidget("批注")
    dock.setWidget(QLabel("批注"))
    dock.setMinimumWidth(300)
    win.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    doc = novel(120)
    view.set_document(doc)
    bar = view.text_pane.verticalScrollBar()
    for _ in range(7):  # read a little way in, so the window has slid
        bar.setValue(bar.value() + bar.pageStep() - 13)
        qtbot.wait(1)
    before = view.top_offset()
    width = view.width()
    dock.show()
    qtbot.waitUntil(lambda: view.width() < width)
    qtbot.wait(5)
    assert top_line_holds(view, before)
    dock.hide()
    qtbot.waitUntil(lambda: view.width() == width)
    qtbot.wait(5)
    assert top_line_holds(view, before)


def test_overview_strip_merges_thousands_of_marks_into_pixel_rows(view: ReadingView) -> None:
    doc = novel(30)
    view.set_document(doc)
    red = QColor("red")
    n = len(doc.text)
    view.set_scrollbar_marks("annotations", [(k * n // 10_000, red) for k in range(10_000)])
    strip = view.overview_strip
    assert strip.isVisible()
    rows = strip._pixel_rows("annotations", strip.height())
    assert 0 < len(rows) <= strip.height()
    assert rows[0][0] == 0 and rows[-1][0] >= strip.height() - 3
    strip.repaint()
