"""Making annotations: quote and context, colours, bookmark labels."""

from __future__ import annotations

import pytest

from reader.core.annotation import COLORS, CONTEXT_CHARS, default_bookmark_label, make_annotation
from reader.core.document import Document, Heading

TEXT = "前言\n二、总体要求\n坚持党的全面领导，坚持以人民为中心的发展思想。\n"


def _doc() -> Document:
    off = TEXT.index("二、总体要求")
    return Document(text=TEXT, headings=[Heading(2, "二、总体要求", 2, off)])


def test_make_highlight_fills_quote_and_context() -> None:
    doc = _doc()
    start = TEXT.index("人民")
    a = make_annotation(doc, "highlight", start, start + 2)
    assert a.quote == "人民"
    assert a.prefix == TEXT[max(0, start - CONTEXT_CHARS) : start]
    assert a.suffix == TEXT[start + 2 : start + 2 + CONTEXT_CHARS]
    assert a.color == COLORS[0] and a.created > 0 and a.uuid


def test_invalid_ranges_and_colours_are_refused() -> None:
    doc = _doc()
    with pytest.raises(ValueError, match="outside"):
        make_annotation(doc, "highlight", 5, 10_000)
    with pytest.raises(ValueError, match="non-empty"):
        make_annotation(doc, "highlight", 5, 5)
    with pytest.raises(ValueError, match="colour"):
        make_annotation(doc, "highlight", 5, 7, color="red")
    with pytest.raises(ValueError, match="kind"):
        make_annotation(doc, "note", 5, 7)  # type: ignore[arg-type]


def test_bookmark_label_has_section_and_first_words() -> None:
    doc = _doc()
    off = TEXT.index("坚持党")
    label = default_bookmark_label(doc, off)
    assert label.startswith("二、总体要求 · 坚持党的全面领导")
    b = make_annotation(doc, "bookmark", off, off)
    assert b.label == label and b.color == "" and b.quote == ""


def test_bookmark_label_without_sections_uses_words() -> None:
    doc = Document(text="第一段文字\n", headings=[])
    assert default_bookmark_label(doc, 0) == "第一段文字"
