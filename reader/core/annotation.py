"""Annotations (highlights, notes, bookmarks) anchored to character offsets of a Document."""

from __future__ import annotations

import dataclasses
import time
import uuid as uuid_module
from dataclasses import dataclass, field
from typing import Any, Literal

from reader.core.document import Document

AnnotationKind = Literal["highlight", "bookmark"]

#: Highlight colours, in the order the GUI offers them.
COLORS = ("yellow", "green", "blue", "pink", "purple")
DEFAULT_COLOR = "yellow"
KINDS: tuple[AnnotationKind, ...] = ("highlight", "bookmark")

#: Characters of context kept either side of a quote (as Hypothesis does).
CONTEXT_CHARS = 32

#: Characters of text after a bookmark used in its default label.
LABEL_WORDS = 16


def new_uuid() -> str:
    """A fresh random identifier for an annotation (stable across export/import)."""
    return str(uuid_module.uuid4())


@dataclass
class Annotation:
    """A highlight or bookmark on a document.

    ``start``/``end`` are character offsets in the decoded text (a bookmark of
    a place has ``start == end``); ``quote`` is the text they covered and
    ``prefix``/``suffix`` up to ``CONTEXT_CHARS`` characters around it, which
    is what re-anchoring uses when the document changes. ``orphaned`` marks an
    annotation whose text could not be found again: it keeps its quote and
    note, and its offsets are only the last known place.
    """

    id: int | None = None
    uuid: str = field(default_factory=new_uuid)
    doc_id: int | None = None
    kind: AnnotationKind = "highlight"
    start: int = 0
    end: int = 0
    quote: str = ""
    prefix: str = ""
    suffix: str = ""
    color: str = ""
    note: str = ""
    label: str = ""
    created: float = 0.0
    modified: float = 0.0
    orphaned: bool = False

    @property
    def is_bookmark(self) -> bool:
        return self.kind == "bookmark"

    @property
    def has_note(self) -> bool:
        return bool(self.note.strip())

    def replace(self, **changes: Any) -> Annotation:
        """A copy with ``changes`` applied (the dataclass is mutable; copies keep undo simple)."""
        return dataclasses.replace(self, **changes)


def context_at(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The quote ``text[start:end]`` and up to CONTEXT_CHARS characters either side."""
    return (
        text[start:end],
        text[max(0, start - CONTEXT_CHARS) : start],
        text[end : end + CONTEXT_CHARS],
    )


def default_bookmark_label(doc: Document, offset: int) -> str:
    """Section title plus the first words at ``offset``, e.g. ``二、总体要求 · 坚持党的领导``."""
    offset = max(0, min(offset, len(doc.text)))
    line_end = doc.text.find("\n", offset)
    words = doc.text[offset : line_end if line_end != -1 else len(doc.text)].strip()
    if not words:
        # A bookmark at an empty line: take the next non-empty words instead.
        words = doc.text[offset : offset + 4 * LABEL_WORDS].strip().split("\n", 1)[0].strip()
    if len(words) > LABEL_WORDS:
        words = words[:LABEL_WORDS] + "…"
    section = doc.section_at(offset)
    title = section.title if section.parent is not None else ""
    if title and words.startswith(title[: min(len(title), LABEL_WORDS)]):
        return words if len(title) > len(words) else title
    parts = [p for p in (title, words) if p]
    return " · ".join(parts) if parts else doc.display_title


def make_annotation(
    doc: Document, kind: AnnotationKind, start: int, end: int, **fields: Any
) -> Annotation:
    """A new annotation on ``doc[start:end]`` with quote and context filled in.

    Highlights default to the first colour; bookmarks to the default label.
    Raises ValueError for an unknown kind or colour or an empty/out-of-range span.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown annotation kind {kind!r}; expected one of {KINDS}")
    if not 0 <= start <= end <= len(doc.text):
        raise ValueError(f"range {start}..{end} is outside the text (0..{len(doc.text)})")
    if kind == "highlight" and start == end:
        raise ValueError("a highlight needs a non-empty selection")
    quote, prefix, suffix = context_at(doc.text, start, end)
    now = time.time()
    values: dict[str, Any] = {
        "kind": kind,
        "start": start,
        "end": end,
        "quote": quote,
        "prefix": prefix,
        "suffix": suffix,
        "color": DEFAULT_COLOR if kind == "highlight" else "",
        "label": default_bookmark_label(doc, start) if kind == "bookmark" else "",
        "created": now,
        "modified": now,
    }
    values.update(fields)
    ann = Annotation(**values)
    check_color(ann)
    return ann


def check_color(a: Annotation) -> None:
    """Raise ValueError when a highlight's colour is not one of COLORS."""
    if a.kind == "highlight" and a.color not in COLORS:
        raise ValueError(f"unknown colour {a.color!r}; expected one of {', '.join(COLORS)}")
