"""Copy with citation: a passage followed by 《title》 and the section path (no Qt)."""

from __future__ import annotations

from reader.core.document import Document

#: Node kinds that name a place a reader would cite (points and blocks are not headings).
CITED_KINDS = ("section", "article")
#: The dash that introduces a Chinese citation line.
CITATION_DASH = "——"


def citation_source(doc: Document, offset: int) -> str:
    """``《title》 section › path`` for ``offset``: the title in 《》 and the section titles."""
    node = doc.section_at(max(0, min(offset, len(doc.text))))
    titles = [s.title.strip() for s in node.ancestors() if s.kind in CITED_KINDS]
    title = doc.display_title.strip()
    if title and not (title.startswith("《") and title.endswith("》")):
        title = f"《{title}》"
    return " ".join(part for part in (title, *titles) if part)


def format_citation(doc: Document, start: int, end: int) -> str:
    """The passage ``doc.text[start:end]`` plus a ``——《title》 section`` line.

    Surrounding blank space is trimmed from the passage (paragraph breaks inside
    it are kept). The source names the section where the passage starts. An
    empty range gives just the source line.
    """
    start, end = sorted((max(0, start), min(end, len(doc.text))))
    passage = doc.text[start:end].strip()
    # the section of the first character actually quoted, not of leading blank lines
    lead = len(doc.text[start:end]) - len(doc.text[start:end].lstrip())
    source = citation_source(doc, start + lead)
    if not source:
        return passage
    cite = CITATION_DASH + source
    return f"{passage}\n{cite}" if passage else cite
