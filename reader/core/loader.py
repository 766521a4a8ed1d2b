"""Open any supported file as a Document: checks the file, then picks the format reader."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from reader.core.document import Document
from reader.core.errors import LoadError

#: Files larger than this are refused with a clear message (a 10 MB novel is ~5 M chars).
MAX_FILE_BYTES = 200 * 1024 * 1024

#: File suffix -> module in ``reader.core.formats`` with ``load(path, data, encoding)``.
FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".epub": "epub",
}

#: Suffixes offered in the Open dialog, by format.
OPEN_FILTERS = {
    "txt": ("*.txt", "*.text"),
    "markdown": ("*.md", "*.markdown"),
    "html": ("*.html", "*.htm", "*.xhtml"),
    "docx": ("*.docx",),
    "epub": ("*.epub",),
}


class FormatReader(Protocol):
    def __call__(self, path: Path, data: bytes, encoding: str | None) -> Document: ...


def _reader_for(path: Path) -> FormatReader:
    name = FORMATS.get(path.suffix.lower(), "txt")
    try:
        module = importlib.import_module(f"reader.core.formats.{name}")
    except ModuleNotFoundError:
        module = importlib.import_module("reader.core.formats.txt")
    loader: FormatReader = module.load
    return loader


def read_bytes(path: Path) -> bytes:
    """Read a file, turning OS errors into LoadError with a kind the GUI can explain."""
    try:
        if path.is_dir():
            raise LoadError("is_directory", path, "is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError(
                "too_large",
                path,
                f"is {size / 1024 / 1024:.0f} MB; files over "
                f"{MAX_FILE_BYTES // 1024 // 1024} MB are not opened",
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise LoadError("not_found", path, "does not exist (moved or deleted?)") from exc
    except PermissionError as exc:
        raise LoadError("permission", path, "cannot be read: permission denied") from exc
    except IsADirectoryError as exc:
        raise LoadError("is_directory", path, "is a folder, not a file") from exc
    except OSError as exc:
        raise LoadError("io", path, f"cannot be read: {exc.strerror or exc}") from exc


def load_document(path: Path | str, encoding: str | None = None) -> Document:
    """Open ``path`` as a Document; ``encoding`` forces a text encoding (else detected).

    Raises LoadError for anything a user can meet: missing, unreadable, binary,
    undecodable, corrupt or too large files.
    """
    path = Path(path)
    data = read_bytes(path)
    return _reader_for(path)(path, data, encoding)
