"""One Jingdu per user and data folder: a second start hands its file to the running window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.gui.single_instance import (
    InstanceServer,
    decode_request,
    send_to_running,
    serve_window,
    server_name,
)

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "长河落日\n第一章 风起\n天下大势，分久必合，合久必分。\n第二章 云涌\n周末七国分争，并入于秦。\n"
)


@pytest.fixture
def primary(qtbot: QtBot) -> Iterator[InstanceServer]:
    """This process as the running Jingdu for the test's own data folder."""
    server = InstanceServer()
    assert server.listen()
    yield server
    server.close()


def send_from_another_process(qtbot: QtBot, path: Path | None, name: str | None = None) -> bool:
    """Send like a second start does (a process of its own: our event loop keeps running)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reader.gui.single_instance import send_to_running\n"
        "path = Path(sys.argv[1]) if sys.argv[1] else None\n"
        "print(send_to_running(path, sys.argv[2] or None))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(path or ""), name or ""],
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
    finally:
        if proc.poll() is None:
            proc.kill()
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    return out.strip() == "True"


def test_a_second_start_hands_its_file_to_the_running_window(
    qtbot: QtBot, window: MainWindow, primary: InstanceServer, tmp_path: Path
) -> None:
    doc = tmp_path / "小说.txt"
    doc.write_text(TEXT, encoding="utf-8")
    serve_window(primary, window)
    window.showMinimized()
    with qtbot.waitSignal(window.document_opened, timeout=10_000):
        # the second start was told "ok" and may exit
        assert send_from_another_process(qtbot, doc)
    assert window.current_document is not None
    assert window.current_document.path == doc
    assert not window.isMinimized()  # the window came up to show it


def test_jingdu_file_exits_at_once_when_an_instance_runs(
    qtbot: QtBot, primary: InstanceServer, tmp_path: Path
) -> None:
    (tmp_path / "文件.txt").write_text(TEXT, encoding="utf-8")
    opened: list[Path] = []
    primary.open_requested.connect(opened.append)
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "文件.txt"],  # relative to the second start's folder
        cwd=tmp_path,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=60_000)
    finally:
        if proc.poll() is None:
            proc.kill()
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert "handed" in out
    assert opened == [(tmp_path / "文件.txt").absolute()]


def test_no_file_only_activates(qtbot: QtBot, primary: InstanceServer) -> None:
    opened: list[Path] = []
    primary.open_requested.connect(opened.append)
    with qtbot.waitSignal(primary.activate_requested, timeout=10_000):
        assert send_from_another_process(qtbot, None)
    assert opened == []


def test_nobody_running_means_no_hand_off(qtbot: QtBot) -> None:
    assert send_to_running(Path("x.txt"), connect_ms=200) is False


def test_garbage_is_refused_and_the_server_keeps_working(
    qtbot: QtBot, primary: InstanceServer
) -> None:
    from PySide6.QtNetwork import QLocalSocket

    assert decode_request(b"not json") is False
    assert decode_request(b'{"open": 3}') is False
    socket = QLocalSocket()
    socket.connectToServer(primary.name)
    assert socket.waitForConnected(1000)
    socket.write(b"\x00\xff rubbish\n")
    socket.flush()
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.UnconnectedState)
    with qtbot.waitSignal(primary.activate_requested, timeout=10_000):
        assert send_from_another_process(qtbot, None)


@pytest.mark.skipif(sys.platform == "win32", reason="a killed process leaves no pipe on Windows")
def test_a_crashed_primary_is_replaced(qtbot: QtBot) -> None:
    name = server_name()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from PySide6.QtNetwork import QLocalServer\n"
            "s = QLocalServer()\n"
            f"assert s.listen({name!r})\n"
            "print('ready', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    finally:
        child.send_signal(signal.SIGKILL)  # no chance to remove its socket
        child.wait()
    plain = QLocalServer()
    assert not plain.listen(name)  # the leftover socket blocks a naive listen
    assert send_to_running(None, name, connect_ms=300) is False  # and nobody answers there
    server = InstanceServer()
    try:
        assert server.listen(name)  # the next start cleans up and becomes the primary
        with qtbot.waitSignal(server.activate_requested, timeout=10_000):
            assert send_from_another_process(qtbot, None, name)
    finally:
        server.close()


def test_a_live_primary_is_never_taken_over(qtbot: QtBot, primary: InstanceServer) -> None:
    second = InstanceServer()
    assert not second.listen()
    assert primary.is_listening()
    with qtbot.waitSignal(primary.activate_requested, timeout=10_000):
        assert send_from_another_process(qtbot, None)


def test_separate_data_folders_do_not_talk(
    qtbot: QtBot, primary: InstanceServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = primary.name
    monkeypatch.setenv("JINGDU_DATA_DIR", str(tmp_path / "portable"))
    other = server_name()
    assert other != mine
    assert send_to_running(Path("a.txt"), connect_ms=200) is False
    second = InstanceServer()
    try:
        assert second.listen()  # a primary of its own, beside ours
        assert second.name == other and primary.is_listening()
    finally:
        second.close()
