"""Fixtures that write tiny .docx and .epub files into the test's tmp folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from formats_fixtures import make_docx_file, make_epub_file


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """make_docx(body, name="t.docx", **options) -> path of a written .docx."""

    def build(body: str, name: str = "t.docx", **options: object) -> Path:
        return make_docx_file(tmp_path / name, body, **options)  # type: ignore[arg-type]

    return build


@pytest.fixture
def make_epub(tmp_path: Path) -> Callable[..., Path]:
    """make_epub(chapters, name="t.epub", **options) -> path of a written .epub."""

    def build(chapters: list[tuple[str, str]], name: str = "t.epub", **options: object) -> Path:
        return make_epub_file(tmp_path / name, chapters, **options)  # type: ignore[arg-type]

    return build
