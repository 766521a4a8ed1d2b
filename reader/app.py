"""The windowed application: arguments, logging, crash dialog, translations, window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from reader import paths

if TYPE_CHECKING:
    from reader.gui.single_instance import InstanceServer
    from reader.store.db import Store

log = logging.getLogger(__name__)

_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_crash_dialog_open = False
_dialogs_enabled = True


def log_file() -> Path:
    """Where the application log goes."""
    return paths.cache_dir() / "jingdu.log"


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Command-line options of the windowed app (sub-commands are handled earlier)."""
    parser = argparse.ArgumentParser(
        prog="jingdu",
        description="Jingdu (精读): read long Chinese documents by their section tree.",
        epilog="Sub-commands without a window: jingdu outline FILE [--json], jingdu search, "
        "jingdu annotations.",
    )
    parser.add_argument("file", nargs="?", type=Path, help="document to open")
    parser.add_argument(
        "--screenshot", type=Path, metavar="OUT.png", help="save a picture of the window and exit"
    )
    parser.add_argument("--size", default="1280x800", help="window size for --screenshot")
    parser.add_argument("--lang", help="UI language: zh_CN or en (default: system; $JINGDU_LANG)")
    parser.add_argument("--debug", action="store_true", help="log debugging details to stderr")
    parser.add_argument(
        "--new-instance",
        action="store_true",
        help="open a separate window even when Jingdu is already running "
        "(by default FILE is handed to the running window)",
    )
    return parser.parse_args(argv)


def setup_logging(debug: bool = False) -> None:
    """Log warnings to stderr (everything with --debug) and info to a rotating file."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if debug or os.environ.get("JINGDU_DEBUG") else logging.WARNING)
    console.setFormatter(logging.Formatter(_LOG_FORMAT))
    root.addHandler(console)
    try:
        handler = logging.handlers.RotatingFileHandler(
            log_file(), maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError as exc:
        log.warning("cannot write the log file %s: %s", log_file(), exc)
        return
    handler.setFormatter(logging.Formatter(_LOG_FORMAT))
    root.addHandler(handler)


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log an uncaught exception and show it in a dialog; the app keeps running."""
    global _crash_dialog_open
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.critical("unexpected error", exc_info=(exc_type, exc, tb))
    if not _dialogs_enabled or _crash_dialog_open:
        return
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    _crash_dialog_open = True
    try:
        box = QMessageBox(QMessageBox.Icon.Critical, "", "")
        box.setWindowTitle(QCoreApplication.translate("app", "Unexpected error"))
        box.setText(
            QCoreApplication.translate(
                "app",
                "Something went wrong inside Jingdu: %1\n\n"
                "Your document and notes are safe. The details were written to %2; "
                "please include that file when you report the problem.",
            )
            .replace("%1", f"{exc_type.__name__}: {exc}")
            .replace("%2", str(log_file()))
        )
        box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
        box.exec()
    finally:
        _crash_dialog_open = False


def _no_display() -> bool:
    """True on Linux/BSD without an X11 or Wayland display (screenshots then render offscreen)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_store() -> tuple[Store | None, str]:
    """The user's store, or None and the reason when it cannot be opened."""
    from reader.store.db import Store

    try:
        return Store.open(), ""
    except Exception as exc:  # a broken store must not stop the user from reading
        log.exception("cannot open the store; running without it")
        return None, str(exc)


def _hand_off_or_listen(file: Path | None) -> tuple[bool, InstanceServer | None]:
    """Give ``file`` to a running Jingdu (True), else become the one others hand files to."""
    from reader.gui.single_instance import InstanceServer, send_to_running, server_name

    name = server_name()
    for _attempt in range(2):
        if send_to_running(file, name):
            what = str(file) if file is not None else "the request"
            print(f"jingdu: handed {what} to the Jingdu window already running")
            log.info("handed %s to the running instance %s", file, name)
            return True, None
        server = InstanceServer()
        if server.listen(name):
            return False, server
        server.deleteLater()
        # another start became the primary between our two steps: hand it the file
    log.warning("cannot reach or become the single running instance; running on our own")
    return False, None


def run(argv: list[str]) -> int:
    """Start the GUI with command-line ``argv``; returns the exit code."""
    global _dialogs_enabled
    args = parse_args(argv)
    setup_logging(args.debug)
    size = None
    if args.screenshot is not None:
        from reader.gui.screenshot import parse_size

        try:
            size = parse_size(args.size)
        except ValueError as exc:
            print(f"jingdu: {exc}", file=sys.stderr)
            return 2
        _dialogs_enabled = False
        if _no_display():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader.gui.features import install_features
    from reader.gui.fonts import ui_font
    from reader.gui.i18n import choose_language, install_translators
    from reader.gui.main_window import MainWindow, app_icon

    QCoreApplication.setApplicationName("Jingdu")
    QCoreApplication.setOrganizationName("Jingdu")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    server: InstanceServer | None = None
    if args.screenshot is None and not args.new_instance:
        handed, server = _hand_off_or_listen(args.file)
        if handed:
            return 0
    app.setFont(ui_font(app.font()))
    app.setWindowIcon(app_icon())
    install_translators(app, choose_language(args.lang))
    sys.excepthook = excepthook

    store, store_problem = open_store()
    window = MainWindow(store)
    window.features = install_features(window)
    if server is not None:
        from reader.gui.single_instance import serve_window

        serve_window(server, window)
    try:
        if args.screenshot is not None and size is not None:
            from reader.gui.screenshot import take_screenshot

            return take_screenshot(window, args.screenshot, size, args.file)
        window.show()
        if store is not None and store.recovered_from is not None:
            QTimer.singleShot(
                0,
                lambda: window.show_message(
                    QMessageBox.Icon.Warning,
                    QCoreApplication.translate("app", "Library repaired"),
                    QCoreApplication.translate(
                        "app",
                        "Jingdu's library file was damaged and has been replaced by a new one. "
                        "The damaged file was kept as %1.",
                    ).replace("%1", str(store.recovered_from)),
                ),
            )
        if store is None:
            QTimer.singleShot(
                0,
                lambda: window.show_message(
                    QMessageBox.Icon.Warning,
                    QCoreApplication.translate("app", "Library unavailable"),
                    QCoreApplication.translate(
                        "app",
                        "Jingdu cannot open its library, so highlights, notes, bookmarks and "
                        "reading positions will not be saved in this session.\n\n%1\n\n"
                        "Check that the data folder exists and is writable, or close other "
                        "programs using it, then restart Jingdu.",
                    ).replace("%1", store_problem),
                ),
            )
        if args.file is not None:
            window.open_path(args.file)
        else:
            recent = window.recent_paths()
            if recent and recent[0].is_file():
                window.open_path(recent[0])
            else:
                window.show_guide()
        return int(app.exec())
    finally:
        if server is not None:
            server.close()
        if store is not None:
            # a load may be registering a document in the store: let it finish first
            if not window.loader.wait(5000):
                log.warning("a document was still loading when Jingdu closed")
            try:
                store.close()
            except Exception:
                log.exception("cannot close the store")
