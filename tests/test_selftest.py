"""``jingdu --self-test``: passes on a working tree, names what is broken otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.selftest import run_self_test

ROOT = Path(__file__).resolve().parent.parent


def test_self_test_passes_and_keeps_data_in_the_given_folder(tmp_path: Path) -> None:
    data = tmp_path / "selftest-data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "--self-test", "--data-dir", str(data)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.startswith(("ok", "FAIL"))]
    names = [line.split()[1] for line in lines]
    assert names == [
        "resources",
        "open-document",
        "search",
        "whole-word-search",
        "keywords",
        "store-highlight",
        "main-window",
        "about-dialog",
        "translations",
    ]
    assert all(line.startswith("ok") for line in lines)
    assert "self-test: 9 passed, 0 failed" in proc.stdout
    # The store and jieba's cache went where we pointed it, nowhere else.
    assert (data / "jingdu.sqlite3").is_file()
    assert list((data / "cache" / "jieba").glob("*.cache"))


def test_missing_store_fails_that_check_by_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "reader.store.db", None)  # import now raises ImportError
    code = run_self_test(["--only", "store-highlight"])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL store-highlight" in out
    assert "the store is missing" in out
    assert "self-test: 2 passed, 1 failed" in out
    assert "self-test failed: store-highlight" in out


def test_document_without_headings_fails_and_dependents_do_not_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flat = tmp_path / "flat.txt"
    flat.write_text("这是一段没有任何标题的文字。\n只是两行而已。\n", encoding="utf-8")
    code = run_self_test(["--only", "search", "--document", str(flat)])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL open-document" in out and "no headings" in out
    assert "FAIL search" in out and "not run: needs open-document" in out
    assert "self-test failed: open-document, search" in out


def test_unknown_check_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_self_test(["--only", "nonsense"]) == 2
    assert "unknown check(s) nonsense" in capsys.readouterr().err


def test_environment_is_restored(tmp_path: Path) -> None:
    before = os.environ.get("JINGDU_DATA_DIR")
    run_self_test(["--only", "resources"])
    assert os.environ.get("JINGDU_DATA_DIR") == before


def test_report_file_gets_the_same_lines(tmp_path: Path) -> None:
    # Windowed builds (Windows, macOS) have no console: CI reads this file instead.
    report = tmp_path / "report.txt"
    assert run_self_test(["--only", "resources", "--report", str(report)]) == 0
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("ok   resources")
    assert lines[-1] == "self-test: 1 passed, 0 failed"
