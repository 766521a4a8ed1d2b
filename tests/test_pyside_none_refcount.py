"""Regression guard: PySide6 6.12.0 on Python < 3.12 drops a reference to None on
every Qt call returning nothing and aborts the interpreter after a few thousand
calls (``Fatal Python error: none_dealloc``). pyproject pins around it; this test
fails (by crashing the child process) if the pin is ever lost."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(20000):
    label.setText(str(i))
print("ok", label.text())
"""


def test_twenty_thousand_void_calls_do_not_crash() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok 19999"
