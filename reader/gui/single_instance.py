"""One running Jingdu per user and data folder: a second start hands its file to the first.

The first instance (the *primary*) listens on a ``QLocalServer`` (a Unix socket
or a Windows named pipe). ``jingdu FILE`` started while it runs connects, sends
one JSON line — ``{"open": "/absolute/path"}`` or ``{"activate": true}`` — waits
for ``ok`` and exits; the primary opens the file and raises its window. So two
windows never show different states of the same store.

The server name includes the user and the data folder, so a portable install or
a test with its own ``JINGDU_DATA_DIR`` gets its own primary. After a crash the
socket file stays behind and a plain ``listen`` fails with "address in use"
(TECH-NOTES); :meth:`InstanceServer.listen` then checks that nobody answers and
removes it.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import re
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from reader import paths

log = logging.getLogger(__name__)

#: How long a second start waits for the primary to connect and to answer (ms).
CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 3000
#: A message longer than this is not ours (paths are far shorter).
MAX_MESSAGE = 64 * 1024
ACK = b"ok\n"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return "user"


def server_name(data_dir: Path | None = None) -> str:
    """The local server name for this user and data folder (short: Unix sockets allow ~100)."""
    folder = (data_dir or paths.data_dir()).expanduser().resolve()
    user = _user()
    digest = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()[:16]
    safe_user = re.sub(r"[^A-Za-z0-9_.-]", "_", user)[:24]
    return f"jingdu-{safe_user}-{digest}"


def encode_request(path: Path | None) -> bytes:
    """The line a second start sends: open ``path`` (made absolute) or just activate."""
    message: dict[str, object] = (
        {"open": str(path.expanduser().absolute())} if path is not None else {"activate": True}
    )
    return json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n"


def decode_request(data: bytes) -> Path | bool | None:
    """A received line as a Path to open, None to only activate, False when it is garbage."""
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    if not isinstance(message, dict):
        return False
    target = message.get("open")
    if isinstance(target, str) and target:
        return Path(target)
    if message.get("activate") is True:
        return None
    return False


def send_to_running(
    path: Path | None,
    name: str | None = None,
    *,
    connect_ms: int = CONNECT_TIMEOUT_MS,
    reply_ms: int = REPLY_TIMEOUT_MS,
) -> bool:
    """Hand ``path`` (None: just show the window) to a running primary; True if it took it.

    Blocking; call before building any window. False means nobody answered: become
    the primary yourself.
    """
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(connect_ms):
        log.debug("no running instance: %s", socket.errorString())
        return False
    try:
        socket.write(encode_request(path))
        if not socket.waitForBytesWritten(reply_ms):
            log.warning("the running instance did not take the request: %s", socket.errorString())
            return False
        reply = b""
        while not reply.endswith(b"\n"):
            if not socket.bytesAvailable() and not socket.waitForReadyRead(reply_ms):
                log.warning("the running instance did not answer: %s", socket.errorString())
                return False
            reply += bytes(socket.readAll().data())
        return reply == ACK
    finally:
        socket.disconnectFromServer()


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` un-minimised, on top and active (as far as the window manager allows)."""
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


def serve_window(server: InstanceServer, window: QWidget) -> None:
    """Open what later starts send in ``window`` (a MainWindow) and bring it to the front."""
    server.open_requested.connect(window.open_path)  # type: ignore[attr-defined]
    server.activate_requested.connect(lambda: bring_to_front(window))


class InstanceServer(QObject):
    """The primary's end: receives requests from later starts.

    Signals (UI thread): ``open_requested(object)`` with an absolute Path,
    ``activate_requested()`` (also sent after every open request, so the window comes up).
    """

    open_requested = Signal(object)
    activate_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        # No setSocketOptions(UserAccessOption): on Unix Qt then binds in a temporary
        # folder and renames over the name, silently replacing a live primary's socket.
        # The plain socket gets the umask's mode (others cannot connect with 022).
        self._server.newConnection.connect(self._on_new_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    @property
    def name(self) -> str:
        """The name listened on ("" before listen)."""
        return str(self._server.serverName())

    def is_listening(self) -> bool:
        """True while this instance is the primary."""
        return bool(self._server.isListening())

    def listen(self, name: str | None = None) -> bool:
        """Become the primary for ``name``; removes a crashed primary's leftover socket.

        False when another live instance already listens (or the name cannot be used).
        """
        name = name or server_name()
        if self._server.listen(name):
            return True
        if self._server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
            log.warning("cannot listen as %s: %s", name, self._server.errorString())
            return False
        # In use: by a live primary (that started just after our check) or by a dead one.
        probe = QLocalSocket()
        probe.connectToServer(name)
        if probe.waitForConnected(300):
            probe.disconnectFromServer()
            log.info("another instance listens as %s", name)
            return False
        log.info("removing the stale single-instance socket %s (a crash?)", name)
        QLocalServer.removeServer(name)
        if self._server.listen(name):
            return True
        log.warning("cannot listen as %s: %s", name, self._server.errorString())
        return False

    def close(self) -> None:
        """Stop listening (the socket file goes away)."""
        self._server.close()

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._on_ready_read(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if len(data) > MAX_MESSAGE:
            log.warning("dropped an oversized single-instance message")
            self._buffers.pop(socket, None)
            socket.abort()
            return
        if b"\n" not in data:
            self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers.pop(socket, None)
        request = decode_request(line)
        if request is False:
            log.warning("ignored a malformed single-instance message")
            socket.abort()
            return
        socket.write(ACK)
        socket.flush()
        socket.disconnectFromServer()
        if isinstance(request, Path):
            log.info("another start asked to open %s", request)
            self.open_requested.emit(request)
        self.activate_requested.emit()
