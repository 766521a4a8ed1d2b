"""Installs the search features into the main window: find bar, panels, menus, indexer."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar

from reader.gui.dialogs.user_dictionary import UserDictionaryDialog, apply_stored_words
from reader.gui.find_bar import FindBar
from reader.gui.keywords_panel import KeywordsPanel
from reader.gui.library_indexer import LibraryIndexer
from reader.gui.search_panel import SCOPE_DOCUMENT, SCOPE_LIBRARY, SearchPanel
from reader.gui.search_worker import segmenter_loader
from reader.store.library_index import LibraryIndex

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class SearchFeature:
    """What install() built, for tests and other features."""

    window: MainWindow
    find_bar: FindBar
    find_toolbar: QToolBar
    search_panel: SearchPanel
    keywords_panel: KeywordsPanel
    indexer: LibraryIndexer | None
    index: LibraryIndex | None
    search_menu: QMenu
    actions: dict[str, QAction]

    def open_user_dictionary(self) -> UserDictionaryDialog:
        """Show Tools ▸ User Dictionary (non-modal); returns the dialog."""
        dialog = UserDictionaryDialog(self.window.store, segmenter_loader().segmenter, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.words_changed.connect(self._on_words_changed)
        dialog.show()
        return dialog

    def _on_words_changed(self) -> None:
        # Whole-word results depend on the dictionary: search again.
        if self.find_bar.is_open() and self.find_bar.query():
            self.find_bar.search_now()
        if self.search_panel.isVisible() and self.search_panel.query_edit.text():
            self.search_panel.search()
        self.keywords_panel._doc_done = None
        self.keywords_panel._section_key = None
        self.keywords_panel._section_cache.clear()
        self.keywords_panel.refresh()

    def shutdown(self) -> None:
        """Stop background work (window closing)."""
        if self.indexer is not None:
            self.indexer.cancel()
            self.indexer.wait(5000)
        self.search_panel.runner.cancel()
        self.find_bar._runner.cancel()


def _add(
    window: MainWindow,
    actions: dict[str, QAction],
    name: str,
    text: str,
    slot: object,
    keys: list[QKeySequence],
    menu: QMenu,
) -> QAction:
    action = QAction(text, window)
    if keys:
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
    window.addAction(action)
    menu.addAction(action)
    actions[name] = action
    window.named_actions.setdefault(name, action)
    return action


def install(window: MainWindow) -> SearchFeature:
    """Build the search features into ``window``."""
    apply_stored_words(window.store, segmenter_loader().segmenter)

    find_bar = FindBar(window)
    toolbar = QToolBar(QCoreApplication.translate("SearchFeature", "Find"), window)
    toolbar.setObjectName("find_toolbar")
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    toolbar.toggleViewAction().setVisible(False)
    toolbar.addWidget(find_bar)
    window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, toolbar)
    toolbar.hide()

    index: LibraryIndex | None
    try:
        index = LibraryIndex.open()
    except Exception:
        log.exception("cannot open the library index; library search is off")
        index = None
    indexer = LibraryIndexer(window, index) if index is not None else None
    panel = SearchPanel(window, indexer, index)
    right = Qt.DockWidgetArea.RightDockWidgetArea
    # Tab with docks already on the right (annotations) rather than squeeze below them.
    neighbours = [d for d in window.findChildren(QDockWidget) if window.dockWidgetArea(d) == right]
    window.add_dock(panel, right)
    if neighbours:
        window.tabifyDockWidget(neighbours[0], panel)
    panel.hide()
    keywords = KeywordsPanel(window)
    window.add_dock(keywords, Qt.DockWidgetArea.RightDockWidgetArea)
    window.tabifyDockWidget(panel, keywords)
    keywords.hide()
    keywords.keyword_chosen.connect(find_bar.set_query)

    keys = QKeySequence.StandardKey
    actions: dict[str, QAction] = {}
    edit = window.menus["edit"]
    edit.addSeparator()
    _add(
        window,
        actions,
        "find",
        QCoreApplication.translate("SearchFeature", "&Find…"),
        find_bar.open_bar,
        [QKeySequence(keys.Find)],
        edit,
    )
    _add(
        window,
        actions,
        "find_next",
        QCoreApplication.translate("SearchFeature", "Find &Next"),
        find_bar.find_next,
        QKeySequence.keyBindings(keys.FindNext),
        edit,
    )
    _add(
        window,
        actions,
        "find_previous",
        QCoreApplication.translate("SearchFeature", "Find Pre&vious"),
        find_bar.find_previous,
        QKeySequence.keyBindings(keys.FindPrevious),
        edit,
    )

    search_menu = QMenu(QCoreApplication.translate("SearchFeature", "&Search"), window)
    tools_action = window.menus["tools"].menuAction()
    window.menuBar().insertMenu(tools_action, search_menu)
    window.menus.setdefault("search", search_menu)

    def search_here() -> None:
        panel.open_panel(SCOPE_DOCUMENT, _initial_query(window, find_bar))

    def search_library() -> None:
        panel.open_panel(SCOPE_LIBRARY, _initial_query(window, find_bar))

    _add(
        window,
        actions,
        "search_document",
        QCoreApplication.translate("SearchFeature", "Search in &Document…"),
        search_here,
        [QKeySequence("Ctrl+Shift+F")],
        search_menu,
    )
    _add(
        window,
        actions,
        "search_library",
        QCoreApplication.translate("SearchFeature", "Search in &Library…"),
        search_library,
        [QKeySequence("Ctrl+Alt+F")],
        search_menu,
    )

    feature = SearchFeature(
        window=window,
        find_bar=find_bar,
        find_toolbar=toolbar,
        search_panel=panel,
        keywords_panel=keywords,
        indexer=indexer,
        index=index,
        search_menu=search_menu,
        actions=actions,
    )
    tools = window.menus["tools"]
    _add(
        window,
        actions,
        "user_dictionary",
        QCoreApplication.translate("SearchFeature", "User &Dictionary…"),
        feature.open_user_dictionary,
        [],
        tools,
    )
    if indexer is not None:
        indexer.progress.connect(
            lambda done, total, title: window.show_progress(
                QCoreApplication.translate("SearchFeature", "Indexing the library: %1 / %2 — %3")
                .replace("%1", str(done + 1))
                .replace("%2", str(total))
                .replace("%3", title),
                3000,
            )
        )
        # After start-up, not during it: the first document opens first.
        QTimer.singleShot(1500, indexer, indexer.index_library)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(feature.shutdown)
    return feature


def _initial_query(window: MainWindow, find_bar: FindBar) -> str | None:
    selected = window.reading_view.selected_text()
    if selected and "\n" not in selected and len(selected) <= 100:
        return selected
    return find_bar.query() or None
