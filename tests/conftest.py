"""Shared fixtures: offscreen Qt and a private data folder for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the store and caches at a fresh folder so tests never touch real data."""
    data = tmp_path / "jingdu-data"
    monkeypatch.setenv("JINGDU_DATA_DIR", str(data))
    monkeypatch.setenv("JINGDU_CACHE_DIR", str(tmp_path / "jingdu-cache"))
    yield data


@pytest.fixture
def data_dir() -> Path:
    """Folder of test fixtures (documents written for the tests)."""
    return DATA
