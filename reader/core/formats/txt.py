"""Plain text (placeholder: UTF-8 only, no outline, until encoding/outline land)."""

from __future__ import annotations

from pathlib import Path

from reader.core.document import Document
from reader.core.errors import LoadError


def load(path: Path, data: bytes, encoding: str | None) -> Document:
    try:
        text = data.decode(encoding or "utf-8-sig")
    except (UnicodeDecodeError, LookupError) as exc:
        raise LoadError("undecodable", path, str(exc)) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(text=text, headings=[], encoding=encoding or "utf-8", path=path)
