"""`jingdu outline|search … | head` must end quietly, not with a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("command", ["outline", "search"])
def test_output_cut_short_by_a_closed_pipe_is_not_an_error(tmp_path: Path, command: str) -> None:
    doc = tmp_path / "long.txt"
    doc.write_text(
        "标题\n" + "\n".join(f"第{i}章 第{i}章的标题\n正文正文。" for i in range(1, 3000)),
        encoding="utf-8",
    )
    args = ["search", str(doc), "正文"] if command == "search" else ["outline", str(doc)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    _, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err, err.decode(errors="replace")
    assert proc.returncode == 0
