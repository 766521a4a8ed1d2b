"""Plain text: detect the encoding, normalise line ends, recover the outline."""

from __future__ import annotations

import logging
from pathlib import Path

from reader.core.document import Document
from reader.core.encoding import decode
from reader.core.outline import detect_outline

log = logging.getLogger(__name__)


def load(path: Path, data: bytes, encoding: str | None) -> Document:
    """Build a Document from the bytes of a text file (``encoding`` forces a codec)."""
    decoded = decode(data, encoding, path=path)
    outline = detect_outline(decoded.text)
    log.debug(
        "%s: %s, %d chars, %d headings",
        path,
        decoded.encoding,
        len(decoded.text),
        len(outline.headings),
    )
    return Document(
        text=decoded.text,
        headings=outline.headings,
        title=outline.title,
        encoding=decoded.encoding,
        path=path,
        metadata=outline.metadata,
        title_line=outline.title_line,
        format="txt",
    )
