"""Recover the outline (title, metadata lines, headings) of plain Chinese text."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.document import Heading, MetadataLine


@dataclass
class Outline:
    """What ``detect_outline`` finds: the title, its line, metadata lines and headings."""

    title: str | None = None
    title_line: int | None = None
    metadata: list[MetadataLine] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)


def detect_outline(text: str) -> Outline:
    """Find the document title, metadata lines and headings of ``text`` (LF line ends)."""
    return Outline()
