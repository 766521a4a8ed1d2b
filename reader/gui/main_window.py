"""The main window: section tree | reading view, menus, status bar, file opening."""

from __future__ import annotations

import bisect
import importlib
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QWidget,
)

from reader.core.document import Document, Section
from reader.core.encoding import SUPPORTED_ENCODINGS
from reader.core.errors import LoadError
from reader.core.loader import OPEN_FILTERS
from reader.gui.load_worker import DocumentLoader, LoadResult
from reader.gui.reading_view import ReadingView
from reader.gui.section_tree_view import SectionTreeView
from reader.gui.themes import THEMES
from reader.paths import guide_path, resource_path

if TYPE_CHECKING:
    from reader.store.db import Store
    from reader.store.documents import OpenedDocument

log = logging.getLogger(__name__)

RECENT_LIMIT = 15
#: Milliseconds of quiet scrolling before the reading position is saved.
SAVE_POSITION_DELAY = 1500


def app_icon() -> QIcon:
    """The application icon."""
    return QIcon(str(resource_path("icons", "jingdu.svg")))


def _belongs_in_store(doc: Document) -> bool:
    """Whether ``doc`` is registered in the store and listed as recent (not the guide)."""
    return doc.path is not None and doc.path != guide_path()


def supported_encodings() -> list[str]:
    """Encodings the user can force (File ▸ Reopen with Encoding)."""
    return [name for name, _label in SUPPORTED_ENCODINGS]


class MainWindow(QMainWindow):
    """Jingdu's window. The public API below is what feature modules build on.

    Attributes: ``current_document`` (Document | None), ``reading_view``
    (ReadingView), ``tree_view`` (SectionTreeView), ``menus`` (dict with keys
    "file", "edit", "view", "go", "tools", "help"), ``named_actions`` (dict of
    QAction by name), ``store`` (Store | None), ``current_record`` (the store's
    DocumentRecord of the open document, or None), ``current_opened`` (the
    store's OpenedDocument of it: annotations and re-anchoring counts, or None),
    ``current_load`` (the worker's LoadResult, with what preparers computed),
    ``loader`` (DocumentLoader: features add worker-side preparers to it),
    ``features`` (what each feature's install returned).
    Signals: ``document_opened(Document)`` after a document is shown,
    ``document_closing(Document)`` before it is replaced or closed,
    ``load_failed(LoadError)`` after the user was told a file could not be opened,
    ``outline_changed(Document)`` after the open document's tree was rebuilt.
    """

    document_opened = Signal(object)
    document_closing = Signal(object)
    load_failed = Signal(object)
    #: The open document's tree was rebuilt (e.g. articles shown or hidden).
    outline_changed = Signal(object)

    def __init__(self, store: Store | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.current_document: Document | None = None
        self.current_record: Any = None
        self.current_opened: OpenedDocument | None = None
        self.current_load: LoadResult | None = None
        self.features: dict[str, object] = {}
        self.menus: dict[str, QMenu] = {}
        self.named_actions: dict[str, QAction] = {}
        self._recent: list[Path] = []
        self._nav: tuple[int, int] | None = None  # (jump target, top offset after the jump)
        self._pending: tuple[Path, str | None] | None = None
        self._restoring = False  # applying saved view settings: nothing to save back

        # the worker registers documents in the store (re-anchoring may take a while)
        self.loader = DocumentLoader(self, store=store, register=_belongs_in_store)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)

        self.tree_view = SectionTreeView()
        self.reading_view = ReadingView()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree_view)
        self.splitter.addWidget(self.reading_view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 920])
        self.splitter.setChildrenCollapsible(False)
        self.tree_view.setMinimumWidth(160)
        self.setCentralWidget(self.splitter)

        self._section_label = QLabel()
        self._last_progress = ""  # the status message show_progress put there last
        self._progress_label = QLabel()
        self._section_label.setTextFormat(Qt.TextFormat.PlainText)
        # a normal widget: status messages (Deleted, Exported, Zoom…) hide it while they
        # show; as a stretching permanent widget it left them no room to be seen
        self.statusBar().addWidget(self._section_label, 1)
        self.statusBar().addPermanentWidget(self._progress_label)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_POSITION_DELAY)
        self._save_timer.timeout.connect(self._save_position)

        self._build_menus()
        self.tree_view.section_activated.connect(self._on_section_activated)
        self.reading_view.position_changed.connect(self._on_position_changed)
        self.reading_view.zoom_changed.connect(self._on_zoom_changed)

        self.setAcceptDrops(True)
        self.setWindowIcon(app_icon())
        self.resize(1200, 800)
        self._restore_view_settings()
        self._update_title()
        self._update_actions()

    # -- public API ------------------------------------------------------------------------
    def open_path(self, path: Path | str, encoding: str | None = None) -> None:
        """Open ``path`` in a worker thread; the current document stays until it is ready."""
        path = Path(path).expanduser()
        self._pending = (path, encoding)
        self.show_status(self.tr("Opening %1…").replace("%1", path.name), 0)
        self.loader.load(path, encoding)

    def close_document(self) -> None:
        """Close the open document (the view becomes empty)."""
        if self.current_document is None:
            return
        self._leave_document()
        self.current_document = None
        self.current_record = None
        self.current_opened = None
        self.current_load = None
        self.tree_view.set_document(None)
        self.reading_view.set_document(None)
        self._section_label.clear()
        self._progress_label.clear()
        self._update_title()
        self._update_actions()

    def go_to_offset(self, offset: int) -> None:
        """Show document ``offset`` at the top of the reading view."""
        if self.current_document is None:
            return
        self.reading_view.scroll_to_offset(offset)
        self._nav = (offset, self.reading_view.top_offset())
        self._on_position_changed(self.reading_view.top_offset())

    def show_status(self, msg: str, ms: int = 4000) -> None:
        """Show ``msg`` in the status bar for ``ms`` milliseconds (0: until replaced)."""
        self.statusBar().showMessage(msg, ms)

    def show_progress(self, msg: str, ms: int = 3000) -> None:
        """Show background progress, unless a notice meant for the user is showing.

        Progress repeats and can wait; a notice (a file that changed, text that could
        not be decoded, "Deleted, press Ctrl+Z") is said once and must stay readable.
        """
        current = self.statusBar().currentMessage()
        if current and current != self._last_progress:
            return
        self._last_progress = msg
        self.statusBar().showMessage(msg, ms)

    def add_dock(
        self,
        dock: QDockWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> None:
        """Add a feature's dock widget and a toggle for it in the View menu."""
        self.addDockWidget(area, dock)
        self.menus["view"].addAction(dock.toggleViewAction())

    def show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """Tell the user something in a modal box (tests replace this method)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.exec()

    def current_section(self) -> Section | None:
        """The section being read (None without a document or before the first heading)."""
        if self.current_document is None:
            return None
        node = self.current_document.section_at(self._reference_offset())
        return None if node.parent is None else node

    def go_next_section(self, same_level: bool = False) -> None:
        """Jump to the next section (of the same or a higher level when ``same_level``)."""
        target = self._neighbour_section(+1, same_level)
        if target is not None:
            self.go_to_offset(target.start)

    def go_previous_section(self, same_level: bool = False) -> None:
        """Jump to the previous section start (or this section's start when inside it)."""
        target = self._neighbour_section(-1, same_level)
        if target is not None:
            self.go_to_offset(target.start)
        elif self.current_document is not None:
            self.go_to_offset(0)

    def show_guide(self) -> None:
        """Open the built-in user guide."""
        self.open_path(guide_path())

    def show_about(self) -> None:
        """Help ▸ About: the packaging's dialog when present, else a simple box."""
        try:
            about = importlib.import_module("reader.gui.dialogs.about")
        except ModuleNotFoundError:
            from reader import __version__

            QMessageBox.about(
                self,
                self.tr("About Jingdu"),
                self.tr("Jingdu (精读) %1\nA reader for long Chinese documents.").replace(
                    "%1", __version__
                ),
            )
            return
        about.show_about(self)

    def set_theme(self, name: str, remember: bool = True) -> None:
        """Switch the reading theme ("light", "sepia", "dark") and remember it."""
        if name not in THEMES:
            return
        self.reading_view.set_theme(name)
        self.tree_view.setPalette(self.reading_view.text_pane.palette())
        action = self.named_actions.get(f"theme_{name}")
        if action is not None:
            action.setChecked(True)
        if remember:
            self.set_setting("theme", name)

    def recent_paths(self) -> list[Path]:
        """Recently opened files, newest first (from the store when there is one)."""
        return [path for path, _progress in self._recent_entries()]

    def _recent_entries(self) -> list[tuple[Path, float | None]]:
        """Recent files with their reading progress (None without a store), newest first."""
        if self.store is not None:
            try:
                records = self.store.documents.recent(RECENT_LIMIT)
                return [(Path(r.path), r.progress) for r in records if r.path]
            except Exception:
                log.exception("cannot read recent documents from the store")
        return [(path, None) for path in self._recent]

    # -- menus -------------------------------------------------------------------------------
    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcuts: Iterable[QKeySequence | QKeySequence.StandardKey | str] = (),
        menu: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        keys: list[QKeySequence] = []
        for k in shortcuts:
            seq = QKeySequence(k)
            # a standard key may repeat an explicit one (ZoomOut is Ctrl+-): that would
            # make the shortcut ambiguous and Qt would then ignore it
            if not seq.isEmpty() and all(seq != other for other in keys):
                keys.append(seq)
        if keys:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.named_actions[name] = action
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        if menu is not None:
            self.menus[menu].addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        titles = {
            "file": self.tr("&File"),
            "edit": self.tr("&Edit"),
            "view": self.tr("&View"),
            "go": self.tr("&Go"),
            "tools": self.tr("&Tools"),
            "help": self.tr("&Help"),
        }
        for key, title in titles.items():
            self.menus[key] = bar.addMenu(title)
        keys = QKeySequence.StandardKey

        self._action("open", self.tr("&Open…"), self._choose_file, [keys.Open], "file")
        self.recent_menu = self.menus["file"].addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.encoding_menu = self.menus["file"].addMenu(self.tr("Reopen with &Encoding"))
        for enc in supported_encodings():
            act = self.encoding_menu.addAction(enc)
            act.triggered.connect(lambda _c=False, e=enc: self._reopen_with(e))
        self.menus["file"].addSeparator()
        self._action("close", self.tr("&Close"), self.close_document, [keys.Close], "file")
        self._action("quit", self.tr("&Quit"), self.close, [keys.Quit, "Ctrl+Q"], "file")

        self._action("copy", self.tr("&Copy"), self.reading_view.text_pane.copy, [], "edit")
        self.named_actions["copy"].setShortcut(QKeySequence(keys.Copy))
        self.named_actions["copy"].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self._action(
            "select_all",
            self.tr("Select &All"),
            self.reading_view.text_pane.selectAll,
            [],
            "edit",
        )

        view = "view"
        self._action(
            "zoom_in", self.tr("Zoom &In"), self.reading_view.zoom_in, ["Ctrl+=", keys.ZoomIn], view
        )
        self._action(
            "zoom_out",
            self.tr("Zoom &Out"),
            self.reading_view.zoom_out,
            ["Ctrl+-", keys.ZoomOut],
            view,
        )
        self._action(
            "zoom_reset", self.tr("Actual &Size"), self.reading_view.reset_zoom, ["Ctrl+0"], view
        )
        self.menus[view].addSeparator()
        theme_menu = self.menus[view].addMenu(self.tr("&Theme"))
        group = QActionGroup(self)
        labels = {"light": self.tr("&Light"), "sepia": self.tr("&Sepia"), "dark": self.tr("&Dark")}
        for name, label in labels.items():
            act = self._action(f"theme_{name}", label, lambda n=name: self.set_theme(n))
            act.setCheckable(True)
            group.addAction(act)
            theme_menu.addAction(act)
        self.named_actions["theme_light"].setChecked(True)
        tree_toggle = self._action(
            "toggle_tree", self.tr("&Contents Panel"), self._toggle_tree, ["F9"], view
        )
        tree_toggle.setCheckable(True)
        tree_toggle.setChecked(True)
        articles = self._action(
            "articles_in_tree",
            self.tr("A&rticles in Contents"),
            lambda: self.set_articles_in_tree(self.named_actions["articles_in_tree"].isChecked()),
            [],
            view,
        )
        articles.setCheckable(True)
        self.menus[view].addSeparator()

        self._action(
            "next_section",
            self.tr("&Next Section"),
            self.go_next_section,
            ["Ctrl+Down", "Alt+Down"],
            "go",
        )
        self._action(
            "previous_section",
            self.tr("&Previous Section"),
            self.go_previous_section,
            ["Ctrl+Up", "Alt+Up"],
            "go",
        )
        self._action(
            "next_same_level",
            self.tr("Next Section at &Same Level"),
            lambda: self.go_next_section(same_level=True),
            ["Ctrl+Shift+Down", "Alt+Shift+Down"],
            "go",
        )
        self._action(
            "previous_same_level",
            self.tr("Previous Section at S&ame Level"),
            lambda: self.go_previous_section(same_level=True),
            ["Ctrl+Shift+Up", "Alt+Shift+Up"],
            "go",
        )
        self.menus["go"].addSeparator()
        self._action(
            "go_start", self.tr("&Beginning"), lambda: self.go_to_offset(0), ["Ctrl+Home"], "go"
        )
        self._action("go_end", self.tr("&End"), self._go_end, ["Ctrl+End"], "go")

        self._action("guide", self.tr("User &Guide"), self.show_guide, [keys.HelpContents], "help")
        self._action("about", self.tr("&About Jingdu"), self.show_about, [], "help")
        self.named_actions["about"].setMenuRole(QAction.MenuRole.AboutRole)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        entries = self._recent_entries()
        if not entries:
            empty = self.recent_menu.addAction(self.tr("(no recent files)"))
            empty.setEnabled(False)
            return
        for i, (path, progress) in enumerate(entries, 1):
            label = f"&{i} {path.name}" if i < 10 else path.name
            if progress is not None:  # one query gives both: no second lookup to decorate
                label += f"\t{round(progress * 100)}%"
            act = self.recent_menu.addAction(label)
            act.setToolTip(str(path))
            act.triggered.connect(lambda _c=False, p=path: self.open_path(p))

    def _update_actions(self) -> None:
        has_doc = self.current_document is not None
        for name in (
            "close",
            "next_section",
            "previous_section",
            "next_same_level",
            "previous_same_level",
            "go_start",
            "go_end",
        ):
            self.named_actions[name].setEnabled(has_doc)
        can_reopen = (
            has_doc
            and self.current_document is not None
            and (self.current_document.path is not None and self.current_document.format == "txt")
        )
        self.encoding_menu.setEnabled(bool(can_reopen))
        doc = self.current_document
        articles = self.named_actions["articles_in_tree"]
        articles.setEnabled(doc is not None and any(h.kind == "article" for h in doc.headings))
        articles.setChecked(doc is not None and doc.articles_in_tree)

    def set_articles_in_tree(self, show: bool) -> None:
        """List 第X条 articles in the contents tree or not, for this and later documents."""
        self.set_setting("articles_in_tree", show)
        self.loader.show_articles = show
        doc = self.current_document
        if doc is None or doc.articles_in_tree == show:
            self._update_actions()
            return
        offset = self.reading_view.top_offset()
        doc.set_show_articles(show)
        doc.sections()
        self.tree_view.set_document(doc)
        self.reading_view.set_document(doc, offset)
        self._update_actions()
        self._on_position_changed(self.reading_view.top_offset())
        self.outline_changed.emit(doc)

    def _toggle_tree(self) -> None:
        self.tree_view.setVisible(not self.tree_view.isVisible())
        self.named_actions["toggle_tree"].setChecked(self.tree_view.isVisible())

    def _go_end(self) -> None:
        if self.current_document is not None:
            self.go_to_offset(len(self.current_document.text))

    # -- opening ----------------------------------------------------------------------------
    def _choose_file(self) -> None:
        patterns = " ".join(p for pats in OPEN_FILTERS.values() for p in pats)
        filters = [self.tr("Documents (%1)").replace("%1", patterns)]
        names = {
            "txt": self.tr("Text files"),
            "markdown": self.tr("Markdown"),
            "html": self.tr("Web pages"),
            "docx": self.tr("Word documents"),
            "epub": self.tr("EPUB books"),
        }
        for fmt, pats in OPEN_FILTERS.items():
            filters.append(f"{names.get(fmt, fmt)} ({' '.join(pats)})")
        filters.append(self.tr("All files (*)"))
        start = ""
        if self.current_document is not None and self.current_document.path is not None:
            start = str(self.current_document.path.parent)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Document"), start, ";;".join(filters)
        )
        if path:
            self.open_path(path)

    def _reopen_with(self, encoding: str) -> None:
        doc = self.current_document
        if doc is not None and doc.path is not None:
            self.open_path(doc.path, encoding)

    def _on_loaded(self, result: LoadResult) -> None:
        doc = result.document
        reopening = (
            self.current_document is not None
            and doc.path is not None
            and self.current_document.path == doc.path
        )
        keep = self.reading_view.top_offset() if reopening else None
        self._leave_document()
        self.current_document = doc
        self.current_load = result
        # registered by the worker: nothing here waits for the store or re-anchoring
        self.current_opened = result.opened
        self.current_record = result.opened.record if result.opened is not None else None
        self._nav = None
        offset = int(self.current_record.position or 0) if self.current_record else 0
        if keep is not None:
            offset = keep
        offset = max(0, min(offset, len(doc.text)))
        self.tree_view.set_document(doc)
        self.reading_view.set_document(doc, offset)
        if doc.path is not None and _belongs_in_store(doc):
            self._remember_recent(doc.path)
        self._update_title()
        self._update_actions()
        undecodable = doc.text.count("\ufffd")
        if not doc.text:
            self.show_status(self.tr("This file is empty."), 0)
        elif undecodable:
            # a forced encoding replaces bytes it cannot read; say so, or the user is
            # left with garbled text and no hint why
            self.show_status(
                self.tr(
                    "%1 characters could not be read as %2 and are shown as �. If the text "
                    "looks garbled, try File ▸ Reopen with Encoding."
                )
                .replace("%1", f"{undecodable:,}")
                .replace("%2", doc.encoding),
                0,
            )
        else:
            self.show_status(
                self.tr("Opened %1 (%2 characters, %3)")
                .replace("%1", doc.display_title)
                .replace("%2", f"{len(doc.text):,}")
                .replace("%3", doc.encoding),
                5000,
            )
        self._on_position_changed(self.reading_view.top_offset())
        self.document_opened.emit(doc)

    def _on_failed(self, error: LoadError) -> None:
        self.statusBar().clearMessage()
        self.show_message(
            QMessageBox.Icon.Warning, self.tr("Cannot open file"), self.error_text(error)
        )
        self.load_failed.emit(error)

    def error_text(self, error: LoadError) -> str:
        """The translated explanation of ``error``: which file, what happened, what to do."""
        name = str(error.path)
        texts = {
            "not_found": self.tr(
                "The file “%1” does not exist. It may have been moved, renamed or deleted."
                "\n\nCheck where it is and open it again."
            ),
            "permission": self.tr(
                "The file “%1” cannot be read because you do not have permission."
                "\n\nAsk its owner for access, or copy it to a folder of your own."
            ),
            "is_directory": self.tr(
                "“%1” is a folder, not a file.\n\nChoose a document inside it."
            ),
            "binary": self.tr(
                "The file “%1” is not a text document (it contains binary data)."
                "\n\nJingdu opens text, Markdown, HTML, Word (.docx) and EPUB files."
            ),
            "undecodable": self.tr(
                "The text of “%1” could not be decoded in any supported encoding."
                "\n\nTry File ▸ Reopen with Encoding, or save it as UTF-8 in another editor."
            ),
            "too_large": self.tr(
                "The file “%1” is too large to open.\n\nSplit it into smaller files."
            ),
            "corrupt": self.tr(
                "The file “%1” is damaged or not in the format its name suggests."
                "\n\nTry to get a fresh copy of it."
            ),
            "unsupported": self.tr(
                "Jingdu cannot read files like “%1”.\n\nSave it as text (.txt) and open that."
            ),
            "io": self.tr(
                "The file “%1” could not be read because of a system error."
                "\n\nCheck the disk or network drive and try again."
            ),
        }
        text = texts.get(error.kind, texts["io"]).replace("%1", name)
        return text + "\n\n" + self.tr("Details: %1").replace("%1", error.detail)

    def _remember_recent(self, path: Path) -> None:
        path = path.resolve()
        if path in self._recent:
            self._recent.remove(path)
        self._recent.insert(0, path)
        del self._recent[RECENT_LIMIT:]

    def _leave_document(self) -> None:
        doc = self.current_document
        if doc is None:
            return
        self._save_timer.stop()
        self._save_position()
        self.document_closing.emit(doc)

    # -- following the reading position ---------------------------------------------------------
    def _reference_offset(self) -> int:
        """The reading position, treating a jump target past the scroll end as reached."""
        top = self.reading_view.top_offset()
        if self._nav is not None and self._nav[1] == top:
            return self._nav[0]
        return top

    def _on_position_changed(self, top: int) -> None:
        doc = self.current_document
        if doc is None:
            return
        if self._nav is not None and self._nav[1] != top:
            self._nav = None
        offset = self._reference_offset()
        node = doc.section_at(offset)
        self.tree_view.show_section(None if node.parent is None else node)
        path = [s.title for s in node.ancestors()]
        self._section_label.setText(" › ".join(path) if path else doc.display_title)
        percent = round(self.reading_view.progress() * 100) if doc.text else 0
        self._progress_label.setText(self.tr("%1% read").replace("%1", str(percent)))
        if self.current_record is not None:
            self._save_timer.start()

    def _neighbour_section(self, step: int, same_level: bool) -> Section | None:
        doc = self.current_document
        if doc is None:
            return None
        nodes = [n for n in doc.sections() if n.kind != "point"]
        starts = [n.start for n in nodes]
        ref = self._reference_offset()
        current = doc.section_at(ref)
        level = current.level if current.parent is not None else None
        if step > 0:
            candidates = nodes[bisect.bisect_right(starts, ref) :]
        else:
            candidates = list(reversed(nodes[: bisect.bisect_left(starts, ref)]))
        for node in candidates:
            if not same_level or level is None or node.level <= level:
                return node
        return None

    def _on_section_activated(self, section: Section) -> None:
        self.go_to_offset(section.start)

    def _on_zoom_changed(self, percent: int) -> None:
        if self._restoring:
            return
        self.show_status(self.tr("Zoom %1%").replace("%1", str(percent)), 1500)
        self.set_setting("zoom", self.reading_view.zoom_steps())

    def _save_position(self) -> None:
        if self.store is None or self.current_record is None or self.current_document is None:
            return
        try:
            self.store.documents.save_position(
                self.current_record.id, self.reading_view.top_offset(), self.reading_view.progress()
            )
        except Exception:
            log.exception("cannot save the reading position")

    # -- settings ---------------------------------------------------------------------------------
    def setting(self, key: str, default: Any) -> Any:
        """A stored setting, or ``default`` without a store or when it cannot be read."""
        if self.store is None:
            return default
        try:
            return self.store.settings.get(key, default)
        except Exception:
            log.exception("cannot read setting %s", key)
            return default

    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting (logged, not raised, when there is no store or it fails)."""
        if self.store is None:
            return
        try:
            self.store.settings.set(key, value)
        except Exception:
            log.exception("cannot save setting %s", key)

    def _restore_view_settings(self) -> None:
        # Only reads: writing the same values back would make every start wait for the
        # store's write lock (5 s when another Jingdu or the CLI holds it).
        name = self.setting("theme", "light")
        self.set_theme(name if isinstance(name, str) and name in THEMES else "light", False)
        zoom = self.setting("zoom", 0)
        if isinstance(zoom, int) and zoom:
            self._restoring = True
            try:
                self.reading_view.set_zoom_steps(zoom)
            finally:
                self._restoring = False
        articles = self.setting("articles_in_tree", None)
        self.loader.show_articles = articles if isinstance(articles, bool) else None

    def _update_title(self) -> None:
        app = QCoreApplication.translate("MainWindow", "Jingdu")
        doc = self.current_document
        self.setWindowTitle(f"{doc.display_title} — {app}" if doc and doc.display_title else app)

    # -- Qt overrides -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self._leave_document()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])
        else:
            event.ignore()
