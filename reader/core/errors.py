"""Errors a user can meet when opening a file, with a machine-readable kind."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

LoadErrorKind = Literal[
    "not_found",
    "permission",
    "is_directory",
    "binary",
    "undecodable",
    "too_large",
    "corrupt",
    "unsupported",
    "io",
]


class LoadError(Exception):
    """A file could not be opened as a document.

    ``kind`` lets the GUI pick a translated message; ``detail`` is a short
    English explanation for logs and the command line.
    """

    def __init__(self, kind: LoadErrorKind, path: Path | str, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.kind: LoadErrorKind = kind
        self.path = Path(path)
        self.detail = detail
