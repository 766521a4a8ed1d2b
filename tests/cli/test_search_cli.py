"""``jingdu search``: JSON and plain output, options, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import search as cli
from reader.core.segment import Segmenter

DOC = (
    "机关党建经验交流\n\n一、加强党建引领\n她穿着和服参加活动。\n"
    "二、服务群众\n我跟和服务员说明情况，ＡＢＣ。\n"
)


@pytest.fixture
def doc(tmp_path: Path, segmenter: Segmenter, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "doc.txt"
    path.write_text(DOC, encoding="utf-8")
    # Reuse the loaded jieba instead of loading it again for every command.
    monkeypatch.setattr(cli, "Segmenter", lambda user_words=(): segmenter)
    return path


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert cli.main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list)
    return data


def test_json_gives_offsets_lines_sections_and_flags(
    doc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hits = run_json(capsys, str(doc), "和服")
    assert [DOC[h["start"] : h["end"]] for h in hits] == ["和服", "和服"]  # type: ignore[misc]
    assert [h["whole_word"] for h in hits] == [True, False]
    assert [h["line"] for h in hits] == [4, 6]
    assert set(hits[0]) == {"start", "end", "line", "section", "snippet", "whole_word"}
    assert isinstance(hits[0]["section"], list)
    assert "和服" in str(hits[0]["snippet"])


def test_whole_word_regex_and_width_options(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert len(run_json(capsys, str(doc), "和服", "--whole-word")) == 1
    assert len(run_json(capsys, str(doc), r"[一二]、", "--regex")) == 2
    assert len(run_json(capsys, str(doc), "abc")) == 1


def test_plain_output_one_line_per_hit(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([str(doc), "党建"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("1:3  ")
    assert lines[1].startswith("3:5  ") and "[党建]" in lines[1]


def test_invalid_regex_exits_2_with_a_message(
    doc: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([str(doc), "(", "--regex"]) == 2
    assert "Invalid regular expression" in capsys.readouterr().err


def test_missing_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([str(tmp_path / "nope.txt"), "x"]) == 1
    assert "nope.txt" in capsys.readouterr().err


def test_no_hits_and_empty_query(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, str(doc), "不存在的词") == []
    assert run_json(capsys, str(doc), "") == []
