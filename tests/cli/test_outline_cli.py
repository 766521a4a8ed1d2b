"""``jingdu outline``: the stable JSON interface, the tree, errors, and no Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.outline import main

LAW = "\n".join(
    [
        "中华人民共和国示例法",
        "第一章 总则",
        "第一条 为了规范示例行为，制定本法。",
        "第二条 本法适用于示例。",
        "第二章 附则",
        "第三条 本法自公布之日起施行。",
    ]
)


@pytest.fixture
def law_file(tmp_path: Path) -> Path:
    path = tmp_path / "law.txt"
    path.write_bytes(LAW.replace("\n", "\r\n").encode("gbk"))
    return path


def test_json_output_is_the_documented_interface(
    law_file: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main([str(law_file), "--json"]) == 0
    raw = capsysbinary.readouterr().out
    assert "中华人民共和国示例法".encode() in raw  # not \\u escapes
    data = json.loads(raw.decode("utf-8"))
    assert data["title"] == "中华人民共和国示例法"
    assert data["encoding"] == "gb18030"
    first = data["headings"][0]
    assert first == {
        "level": 2,
        "title": "第一章 总则",
        "line": 2,
        "offset": LAW.index("第一章"),
        "kind": "section",
        "run_in": False,
    }
    assert [h["kind"] for h in data["headings"]] == [
        "section",
        "article",
        "article",
        "section",
        "article",
    ]
    assert data["headings"][1]["run_in"] is True


def test_no_articles_leaves_them_out(
    law_file: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main([str(law_file), "--json", "--no-articles"]) == 0
    data = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert [h["title"] for h in data["headings"]] == ["第一章 总则", "第二章 附则"]


def test_text_output_is_an_indented_tree(
    law_file: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main([str(law_file)]) == 0
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    assert lines[0] == "中华人民共和国示例法"
    assert "第一章 总则  (line 2)" in lines
    assert "  第一条  (line 3)" in lines


def test_missing_file_is_one_line_on_stderr_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "nope.txt" in err[0] and "does not exist" in err[0]


def test_binary_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert main([str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "PNG" in captured.err


def test_importing_the_command_does_not_load_qt() -> None:
    code = (
        "import sys, reader.cli.outline; print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_runs_through_the_jingdu_entry_point(law_file: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "outline", str(law_file), "--json"],
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["title"] == "中华人民共和国示例法"
