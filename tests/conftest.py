"""Shared fixtures: offscreen Qt, a private data folder for every test, one loaded jieba."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.segment import Segmenter, default_segmenter

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


# Session fixtures outlive the per-test JINGDU_CACHE_DIR, so they name their tmp folders.
@pytest.fixture(scope="session")
def segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    """A private Segmenter loaded once for the whole run (jieba takes about a second to load)."""
    seg = Segmenter(tmp_path_factory.getbasetemp() / "jieba-cache")
    seg.ensure_loaded()
    return seg


@pytest.fixture(scope="session")
def jieba_loaded(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    """The app's shared Segmenter (what the GUI uses), loaded once, cache in a tmp folder."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JINGDU_CACHE_DIR", str(tmp_path_factory.mktemp("jieba-cache")))
        seg = default_segmenter()
        seg.ensure_loaded()
    return seg
