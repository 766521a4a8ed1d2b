"""Highlights, notes, bookmarks, the Annotations panel, copy with citation, export/import.

``install(window)`` wires everything into the main window and returns the
AnnotationsFeature. All reads and writes go through ``window.store`` (no SQL
here); every change is one QUndoCommand so Edit ▸ Undo (Ctrl+Z) reverts it.

Overlaps: highlights may overlap. The reading view paints them in document
order, so where two overlap the one that starts later shows on top; a click
(or the context menu) acts on the innermost (shortest) highlight under the
mouse, the most recent one when two are equally long.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QCursor,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
)

from reader.core.annotation import COLORS, DEFAULT_COLOR, Annotation, make_annotation
from reader.core.citation import format_citation
from reader.core.document import Document
from reader.gui.annotations_panel import AnnotationsPanel
from reader.gui.dialogs import bookmark_dialog, note_dialog
from reader.gui.highlight_actions import (
    COLOR_SHORTCUTS,
    color_label,
    swatch_icon,
    tick_color,
)
from reader.gui.reading_view import HighlightSpan
from reader.models.annotations_model import (
    PreparedAnnotations,
    prepare_annotations,
    section_counts,
)
from reader.models.section_tree import MarkCountRole

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow
    from reader.store.db import Store
    from reader.store.documents import OpenedDocument

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

#: Settings key of the colour used by Ctrl+H and new notes.
LAST_COLOR_KEY = "annotations.last_color"
#: Blank characters trimmed from both ends of a selection before highlighting.
BLANKS = " \t\r\n\u3000\u00a0"
#: Name of the load worker's preparer that groups the annotations off the UI thread.
PREPARER = "annotations"
#: How long the status bar shows what re-anchoring did (milliseconds).
NOTICE_MS = 15_000


def _prepare(doc: Document, opened: OpenedDocument | None) -> PreparedAnnotations | None:
    """Runs in the load worker: sort, group and count the annotations the store returned."""
    if opened is None:
        return None
    return prepare_annotations(doc, opened.annotations)


class _Change(QUndoCommand):
    """One annotation change ``before`` → ``after`` (None: absent); undo swaps them."""

    def __init__(
        self,
        feature: AnnotationsFeature,
        text: str,
        before: Annotation | None,
        after: Annotation | None,
    ) -> None:
        super().__init__(text)
        self._feature = feature
        self.before = before
        self.after = after

    def redo(self) -> None:
        ok, result = self._feature._write(self.before, self.after)
        if not ok:
            self.setObsolete(True)
        elif result is not None:
            self.after = result

    def undo(self) -> None:
        ok, result = self._feature._write(self.after, self.before)
        if ok and result is not None:
            self.before = result


class MarkCountDelegate(QStyledItemDelegate):
    """Section tree rows with a small count of the highlights and bookmarks inside."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        count = int(index.data(MarkCountRole) or 0)
        if not count:
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        fm = option.fontMetrics
        text = str(count)
        width = fm.horizontalAdvance(text) + 12
        badge = QRect(rect.right() - width - 4, rect.top() + 3, width, rect.height() - 6)
        palette: QPalette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        narrow = QStyleOptionViewItem(option)
        narrow.rect = rect.adjusted(0, 0, -(width + 8), 0)
        super().paint(painter, narrow, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pill = QColor("#d4a72c")
        pill.setAlpha(70)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pill)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()


class AnnotationsFeature(QObject):
    """The annotation features of one MainWindow (public methods are what tests drive)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.reading_view
        self.undo_stack = QUndoStack(self)
        self.actions: dict[str, QAction] = {}
        self._items: dict[int, Annotation] = {}
        self._doc: Document | None = None
        # kept up to date one change at a time: rebuilding them is slow with 10,000 marks
        self._counts: dict[int, int] = {}  # marks per section (id(Section)), for the tree
        self._spans: dict[int, HighlightSpan] = {}
        self._ticks: dict[int, tuple[int, QColor]] = {}
        self._tick_colors: dict[tuple[str, str], QColor] = {}
        window.loader.add_preparer(PREPARER, _prepare)
        last = self.window.setting(LAST_COLOR_KEY, DEFAULT_COLOR)
        self.last_color: str = last if last in COLORS else DEFAULT_COLOR

        self.panel = AnnotationsPanel(window)
        window.add_dock(self.panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.toolbar = QToolBar(self.tr("Annotate"), window)
        self.toolbar.setObjectName("annotate_toolbar")
        self._build_actions()
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        window.menus["view"].addAction(self.toolbar.toggleViewAction())

        tree = window.tree_view
        if type(tree.itemDelegate()) is QStyledItemDelegate:
            tree.setItemDelegate(MarkCountDelegate(tree))
        tree.section_model.modelReset.connect(self._update_tree_counts)

        window.document_opened.connect(self._on_document_opened)
        # grouping and per-section counts follow the tree when it is rebuilt
        window.outline_changed.connect(lambda _doc: self.refresh())
        window.document_closing.connect(self._on_document_closing)
        self.view.highlight_clicked.connect(self._on_highlight_clicked)
        self.view.context_menu_about_to_show.connect(self._on_context_menu)
        self.view.text_pane.selectionChanged.connect(self._update_actions)
        self.panel.jump_requested.connect(self._jump)
        self.panel.delete_requested.connect(self.delete)
        self.panel.edit_note_requested.connect(self.edit_note)
        self.panel.edit_label_requested.connect(self.edit_label)
        self.panel.color_requested.connect(self.set_color)
        self.panel.copy_requested.connect(self.copy_annotation_with_citation)
        self._update_actions()

    # -- state ---------------------------------------------------------------------------
    @property
    def store(self) -> Store | None:
        return self.window.store

    @property
    def doc_id(self) -> int | None:
        """The store id of the open document (None: nothing open or no store)."""
        record = self.window.current_record
        return int(record.id) if record is not None and self.store is not None else None

    def ready(self) -> bool:
        """True when a document is open and registered in the store."""
        return self.window.current_document is not None and self.doc_id is not None

    def annotations(self) -> list[Annotation]:
        """Highlights and bookmarks of the open document, in document order."""
        return sorted(self._items.values(), key=lambda a: (a.start, a.end, a.id or 0))

    def get(self, annotation_id: int) -> Annotation | None:
        """The annotation with this id in the open document."""
        return self._items.get(annotation_id)

    def highlight_at(self, offset: int) -> Annotation | None:
        """The innermost (then most recent) placed highlight covering ``offset``."""
        best: Annotation | None = None
        for a in self._items.values():
            if a.kind != "highlight" or a.orphaned or not a.start <= offset < a.end:
                continue
            if best is None or (a.end - a.start, -a.created) < (
                best.end - best.start,
                -best.created,
            ):
                best = a
        return best

    def bookmarks_here(self) -> list[Annotation]:
        """Bookmarks that start on the visible page, nearest the top first."""
        top, bottom = self.view.top_offset(), self.view.bottom_offset()
        found = [
            a
            for a in self._items.values()
            if a.kind == "bookmark" and not a.orphaned and top <= a.start <= bottom
        ]
        return sorted(found, key=lambda a: a.start)

    # -- actions ---------------------------------------------------------------------------
    def _action(
        self,
        name: str,
        text: str,
        slot: Any,
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work with the menu bar hidden
        self.actions[name] = action
        self.window.named_actions.setdefault(name, action)
        return action

    def _build_actions(self) -> None:
        menus = self.window.menus
        keys = QKeySequence.StandardKey
        undo = self.undo_stack.createUndoAction(self.window, self.tr("&Undo"))
        undo.setShortcut(QKeySequence(keys.Undo))
        redo = self.undo_stack.createRedoAction(self.window, self.tr("&Redo"))
        redo.setShortcut(QKeySequence(keys.Redo))
        for name, act in (("undo", undo), ("redo", redo)):
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.window.addAction(act)
            self.actions[name] = act
            self.window.named_actions.setdefault(name, act)
        edit = menus["edit"]
        first = edit.actions()[0] if edit.actions() else None
        edit.insertActions(first, [undo, redo])  # type: ignore[arg-type]
        if first is not None:
            edit.insertSeparator(first)

        citation = self._action(
            "copy_citation",
            self.tr("Copy with C&itation"),
            self.copy_with_citation,
            "Ctrl+Shift+C",
        )
        copy = self.window.named_actions.get("copy")
        after_copy = None
        if copy is not None and copy in edit.actions():
            i = edit.actions().index(copy)
            after_copy = edit.actions()[i + 1] if i + 1 < len(edit.actions()) else None
        edit.insertAction(after_copy, citation)  # type: ignore[arg-type]

        edit.addSeparator()
        self.color_menu = edit.addMenu(self.tr("&Highlight"))
        for name, keyseq in zip(COLORS, COLOR_SHORTCUTS, strict=True):
            act = self._action(
                f"highlight_{name}",
                color_label(name),
                lambda n=name: self.highlight_selection(n),
                keyseq,
            )
            act.setIcon(swatch_icon(name))
            self.color_menu.addAction(act)
            self.toolbar.addAction(act)
        self.color_menu.addSeparator()
        last = self._action(
            "highlight", self.tr("With &Last Colour"), self.highlight_selection, "Ctrl+H"
        )
        self.color_menu.addAction(last)
        note = self._action("add_note", self.tr("Add No&te…"), self.add_note, "Ctrl+Shift+N")
        edit.addAction(note)
        edit.addSeparator()
        bookmark = self._action(
            "toggle_bookmark", self.tr("Toggle &Bookmark"), self.toggle_bookmark, "Ctrl+D"
        )
        labelled = self._action(
            "add_bookmark",
            self.tr("Bookmark &with Label…"),
            self.add_bookmark_with_label,
            "Ctrl+Shift+D",
        )
        edit.addActions([bookmark, labelled])
        # Toolbar buttons show iconText; derived from a menu text, Chinese accelerators
        # would leave "(N)" behind, so give each button its own short label.
        note.setIconText(self.tr("Add Note"))
        bookmark.setIconText(self.tr("Bookmark"))
        citation.setIconText(self.tr("Copy with Citation"))
        self.toolbar.addSeparator()
        self.toolbar.addAction(note)
        self.toolbar.addAction(bookmark)
        self.toolbar.addAction(citation)

        file_menu = menus["file"]
        close = self.window.named_actions.get("close")
        before = close if close is not None and close in file_menu.actions() else None
        export = self._action(
            "export_annotations", self.tr("E&xport Annotations…"), self.export_annotations
        )
        import_ = self._action(
            "import_annotations", self.tr("&Import Annotations…"), self.import_annotations
        )
        file_menu.insertActions(before, [export, import_])  # type: ignore[arg-type]
        if before is not None:
            file_menu.insertSeparator(before)

        toggle = self.panel.toggleViewAction()
        toggle.setText(self.tr("&Annotations Panel"))
        toggle.setShortcut(QKeySequence("Ctrl+Shift+A"))
        toggle.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.window.addAction(toggle)
        self.actions["toggle_annotations_panel"] = toggle

    def _update_actions(self) -> None:
        ready = self.ready()
        has_sel = ready and self.view.selection_range() is not None
        for name in COLORS:
            self.actions[f"highlight_{name}"].setEnabled(has_sel)
        self.actions["highlight"].setEnabled(has_sel)
        self.actions["copy_citation"].setEnabled(
            self.window.current_document is not None and self.view.selection_range() is not None
        )
        for name in ("add_note",):
            self.actions[name].setEnabled(has_sel)
        for name in ("toggle_bookmark", "add_bookmark", "export_annotations", "import_annotations"):
            self.actions[name].setEnabled(ready)
        last = self.actions["highlight"]
        last.setIcon(swatch_icon(self.last_color))
        last.setText(self.tr("With &Last Colour (%1)").replace("%1", color_label(self.last_color)))

    # -- highlights -----------------------------------------------------------------------
    def _selection(self) -> tuple[int, int] | None:
        """The selection without blank space at either end (None when nothing is left)."""
        sel = self.view.selection_range()
        doc = self.window.current_document
        if sel is None or doc is None:
            return None
        start, end = sel
        while start < end and doc.text[start] in BLANKS:
            start += 1
        while end > start and doc.text[end - 1] in BLANKS:
            end -= 1
        return (start, end) if start < end else None

    def _clear_selection(self) -> None:
        cursor = self.view.text_pane.textCursor()
        cursor.clearSelection()
        self.view.text_pane.setTextCursor(cursor)

    def highlight_selection(self, color: str | None = None, note: str = "") -> Annotation | None:
        """Highlight the selected text in ``color`` (default: the last colour used)."""
        color = color if color in COLORS else self.last_color
        sel = self._selection()
        doc = self.window.current_document
        if not self.ready() or doc is None:
            self._tell_no_store()
            return None
        if sel is None:
            self.window.show_status(self.tr("Select some text to highlight first."))
            return None
        self._remember_color(color)
        same = [
            a
            for a in self._items.values()
            if a.kind == "highlight" and (a.start, a.end) == sel and not a.orphaned
        ]
        if same:
            # the same passage again: recolour it instead of stacking a duplicate
            target = same[0]
            changes: dict[str, Any] = {"color": color}
            if note:
                changes["note"] = note
            result = self._push(self.tr("Change Highlight"), target, target.replace(**changes))
        else:
            new = make_annotation(
                doc, "highlight", *sel, color=color, note=note, doc_id=self.doc_id
            )
            text = self.tr("Add Note") if note else self.tr("Highlight")
            result = self._push(text, None, new)
        self._clear_selection()
        return result

    def add_note(self) -> Annotation | None:
        """Ask for a note and attach it to a new highlight of the selection."""
        sel = self._selection()
        doc = self.window.current_document
        if sel is None or doc is None or not self.ready():
            return self.highlight_selection()  # explains what is missing
        note = note_dialog.ask_note(self.window, doc.text[sel[0] : sel[1]], "")
        if note is None:
            return None
        return self.highlight_selection(self.last_color, note=note)

    def edit_note(self, annotation_id: int) -> Annotation | None:
        """Ask for a new note for an annotation (empty: remove the note)."""
        a = self._items.get(annotation_id)
        if a is None:
            return None
        note = note_dialog.ask_note(self.window, a.quote or a.label, a.note)
        if note is None or note == a.note:
            return None
        return self._push(self.tr("Edit Note"), a, a.replace(note=note))

    def set_color(self, annotation_id: int, color: str) -> Annotation | None:
        """Change a highlight's colour."""
        a = self._items.get(annotation_id)
        if a is None or a.kind != "highlight" or color not in COLORS or a.color == color:
            return None
        self._remember_color(color)
        return self._push(self.tr("Change Colour"), a, a.replace(color=color))

    def delete(self, annotation_id: int) -> bool:
        """Delete a highlight or bookmark (Edit ▸ Undo brings it back)."""
        a = self._items.get(annotation_id)
        if a is None:
            return False
        text = self.tr("Delete Bookmark") if a.kind == "bookmark" else self.tr("Delete Highlight")
        self._push(text, a, None)
        self.window.show_status(self.tr("Deleted. Press Ctrl+Z to undo."))
        return annotation_id not in self._items

    # -- bookmarks --------------------------------------------------------------------------
    def _bookmark_range(self) -> tuple[int, int]:
        sel = self._selection()
        if sel is not None:
            return sel
        top = self.view.top_offset()
        return top, top

    def add_bookmark(self, label: str | None = None) -> Annotation | None:
        """Bookmark the selection, or the place at the top of the view."""
        doc = self.window.current_document
        if not self.ready() or doc is None:
            self._tell_no_store()
            return None
        start, end = self._bookmark_range()
        fields: dict[str, Any] = {"doc_id": self.doc_id}
        if label:
            fields["label"] = label
        new = make_annotation(doc, "bookmark", start, end, **fields)
        result = self._push(self.tr("Add Bookmark"), None, new)
        if result is not None:
            self.window.show_status(self.tr("Bookmarked: %1").replace("%1", result.label))
        return result

    def add_bookmark_with_label(self) -> Annotation | None:
        """Ask for a label (pre-filled with the default), then bookmark."""
        doc = self.window.current_document
        if not self.ready() or doc is None:
            self._tell_no_store()
            return None
        start, end = self._bookmark_range()
        default = make_annotation(doc, "bookmark", start, end).label
        where = " › ".join(doc.section_path(start))
        label = bookmark_dialog.ask_label(self.window, default, where)
        if label is None:
            return None
        return self.add_bookmark(label)

    def toggle_bookmark(self) -> Annotation | None:
        """Ctrl+D: remove the bookmark of the selection / visible page, else add one."""
        if not self.ready():
            self._tell_no_store()
            return None
        sel = self._selection()
        if sel is not None:
            existing = [
                a for a in self._items.values() if a.kind == "bookmark" and (a.start, a.end) == sel
            ]
        else:
            existing = self.bookmarks_here()
        if existing:
            target = existing[0]
            self._push(self.tr("Remove Bookmark"), target, None)
            self.window.show_status(self.tr("Bookmark removed: %1").replace("%1", target.label))
            return None
        return self.add_bookmark()

    def edit_label(self, annotation_id: int) -> Annotation | None:
        """Ask for a new label of a bookmark."""
        a = self._items.get(annotation_id)
        doc = self.window.current_document
        if a is None or doc is None:
            return None
        where = " › ".join(doc.section_path(a.start))
        label = bookmark_dialog.ask_label(self.window, a.label, where)
        if label is None or label == a.label:
            return None
        return self._push(self.tr("Rename Bookmark"), a, a.replace(label=label))

    # -- citation ---------------------------------------------------------------------------
    def copy_with_citation(self) -> str:
        """Copy the selection plus 《title》 and section path to the clipboard."""
        doc = self.window.current_document
        sel = self.view.selection_range()
        if doc is None or sel is None:
            self.window.show_status(self.tr("Select a passage to copy with its citation."))
            return ""
        return self._copy(doc, *sel)

    def copy_annotation_with_citation(self, annotation_id: int) -> str:
        """Copy an annotation's passage with its citation."""
        a = self._items.get(annotation_id)
        doc = self.window.current_document
        if a is None or doc is None or a.orphaned:
            return ""
        return self._copy(doc, a.start, a.end)

    def _copy(self, doc: Document, start: int, end: int) -> str:
        text = format_citation(doc, start, end)
        QGuiApplication.clipboard().setText(text)
        self.window.show_status(self.tr("Copied with citation."))
        return text

    # -- export / import ---------------------------------------------------------------------
    def choose_export_path(self) -> tuple[Path | None, str]:
        """Ask where to export; (path, "json" | "markdown") (tests replace this)."""
        doc = self.window.current_document
        stem = doc.display_title if doc is not None else "annotations"
        folder = doc.path.parent if doc is not None and doc.path is not None else Path.home()
        json_filter = self.tr("Web Annotation JSON (*.json)")
        md_filter = self.tr("Markdown (*.md)")
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export Annotations"),
            str(folder / f"{stem}.annotations.json"),
            f"{json_filter};;{md_filter}",
        )
        if not path:
            return None, ""
        fmt = "markdown" if chosen == md_filter or path.lower().endswith(".md") else "json"
        return Path(path), fmt

    def choose_import_path(self) -> Path | None:
        """Ask which JSON file to import (tests replace this)."""
        doc = self.window.current_document
        folder = doc.path.parent if doc is not None and doc.path is not None else Path.home()
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import Annotations"),
            str(folder),
            self.tr("Web Annotation JSON (*.json *.jsonld);;All files (*)"),
        )
        return Path(path) if path else None

    def export_annotations(self, path: Path | None = None, fmt: str | None = None) -> Path | None:
        """Write the document's annotations as W3C JSON or Markdown; the file written."""
        from reader.core.export import to_json, to_markdown

        doc = self.window.current_document
        if doc is None or not self.ready():
            self._tell_no_store()
            return None
        if path is None:
            path, fmt = self.choose_export_path()
            if path is None:
                return None
        if fmt is None:
            fmt = "markdown" if path.suffix.lower() in (".md", ".markdown") else "json"
        items = self.annotations()
        text = to_markdown(doc, items) if fmt == "markdown" else to_json(doc, items)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.window.show_message(
                QMessageBox.Icon.Warning,
                self.tr("Cannot export annotations"),
                self.tr("Could not write “%1”: %2\n\nChoose another folder and try again.")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
        self.window.show_status(
            self.tr("Exported %1 annotations to %2")
            .replace("%1", str(len(items)))
            .replace("%2", path.name)
        )
        return path

    def import_annotations(self, path: Path | None = None) -> int | None:
        """Add annotations from a W3C JSON file (known ones are skipped); how many were added."""
        from reader.core.export import AnnotationFormatError, parse_annotations, plan_import

        doc = self.window.current_document
        store = self.store
        if doc is None or store is None or not self.ready():
            self._tell_no_store()
            return None
        if path is None:
            path = self.choose_import_path()
            if path is None:
                return None
        title = self.tr("Cannot import annotations")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.window.show_message(
                QMessageBox.Icon.Warning,
                title,
                self.tr("Could not read “%1”: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
        try:
            incoming = parse_annotations(raw.decode("utf-8-sig"), path.name)
        except UnicodeDecodeError:
            self.window.show_message(
                QMessageBox.Icon.Warning,
                title,
                self.tr(
                    "“%1” is not UTF-8 text. Choose a JSON file exported by Jingdu or "
                    "another Web Annotation tool."
                ).replace("%1", str(path)),
            )
            return None
        except AnnotationFormatError as exc:
            self.window.show_message(
                QMessageBox.Icon.Warning,
                title,
                self.tr("“%1” is not a Web Annotation file Jingdu understands.\n\nDetails: %2")
                .replace("%1", str(path))
                .replace("%2", str(exc)),
            )
            return None
        try:
            known = store.annotations.existing_uuids(a.uuid for a in incoming)
            plan = plan_import(doc, incoming, known)
            store.annotations.add_many([a.replace(id=None, doc_id=self.doc_id) for a in plan.new])
        except Exception as exc:
            log.exception("import of %s failed", path)
            self.window.show_message(QMessageBox.Icon.Warning, title, str(exc))
            return None
        self.refresh()
        parts = [self.tr("Imported %1 annotations.").replace("%1", str(len(plan.new)))]
        if plan.already_present:
            parts.append(self.tr("%1 were already here.").replace("%1", str(plan.already_present)))
        if plan.reanchored:
            parts.append(
                self.tr("%1 were placed by their quote.").replace("%1", str(plan.reanchored))
            )
        if plan.orphaned:
            parts.append(
                self.tr("%1 were not found in this text and are listed under “Orphaned”.").replace(
                    "%1", str(plan.orphaned)
                )
            )
        self.window.show_message(
            QMessageBox.Icon.Information, self.tr("Annotations imported"), " ".join(parts)
        )
        return len(plan.new)

    # -- store writes and redraw --------------------------------------------------------------
    def _push(
        self, text: str, before: Annotation | None, after: Annotation | None
    ) -> Annotation | None:
        command = _Change(self, text, before, after)
        self.undo_stack.push(command)
        return command.after if after is not None else None

    def _write(
        self, old: Annotation | None, new: Annotation | None
    ) -> tuple[bool, Annotation | None]:
        """Make the store hold ``new`` instead of ``old``; (succeeded, stored annotation)."""
        store = self.store
        if store is None:
            return False, None
        try:
            if new is None:
                if old is not None and old.id is not None:
                    store.annotations.delete(old.id)
                result = None
            elif old is None:
                result = (
                    store.annotations.restore(new)
                    if new.id is not None
                    else store.annotations.add(new)
                )
            else:
                result = store.annotations.update(new)
        except Exception as exc:
            log.exception("cannot save an annotation change")
            self.window.show_message(
                QMessageBox.Icon.Warning,
                self.tr("Cannot save the change"),
                self.tr("Jingdu could not save this change to its library: %1").replace(
                    "%1", str(exc)
                ),
            )
            return False, None
        self._apply(old, result)
        return True, result

    def _apply(self, old: Annotation | None, new: Annotation | None) -> None:
        """Show one stored change without reloading everything (fast with 10,000 marks)."""
        panel = self.panel
        previous: Annotation | None = None
        if new is None:
            if old is not None and old.id is not None:
                previous = self._items.pop(old.id, None)
                panel.remove_annotation(old.id)
        elif new.id is not None:
            previous = self._items.get(new.id)
            self._items[new.id] = new
            if previous is not None:
                panel.update_annotation(new)
            else:
                panel.add_annotation(new)
        self._count(previous, -1)
        self._count(new, +1)
        if previous is not None:
            self._mark(previous, False)
        if new is not None:
            self._mark(new, True)
        self._redraw()

    def _count(self, a: Annotation | None, step: int) -> None:
        """Add ``step`` to the tree counts of the sections around ``a`` (placed ones only)."""
        doc = self.window.current_document
        if a is None or a.orphaned or doc is None:
            return
        for node in doc.section_at(min(a.start, len(doc.text))).ancestors():
            self._counts[id(node)] = self._counts.get(id(node), 0) + step

    def refresh(self) -> None:
        """Reload the document's annotations from the store and redraw everything."""
        store, doc_id, doc = self.store, self.doc_id, self.window.current_document
        items: list[Annotation] = []
        if store is not None and doc_id is not None and doc is not None:
            try:
                items = store.annotations.for_document(doc_id)
            except Exception:
                log.exception("cannot read annotations")
        self._show(items)

    def _show(self, items: list[Annotation], prepared: PreparedAnnotations | None = None) -> None:
        """Show ``items`` (of the open document) in the panel, the text, strip and tree."""
        doc = self.window.current_document
        self._items = {a.id: a for a in items if a.id is not None}
        if self._doc is not doc:
            self._doc = doc
            self.panel.set_document(doc, items, prepared, self.view.top_offset())
        else:
            self.panel.set_annotations(items)
        self._spans, self._ticks = {}, {}
        for a in self._items.values():
            self._mark(a, True)
        if prepared is not None and prepared.doc is doc:
            self._counts = dict(prepared.counts)  # counted by the load worker
        elif doc is not None:
            self._counts = section_counts(doc, self._items.values())
        self._redraw()

    def _mark(self, a: Annotation, drawn: bool) -> None:
        """Add (``drawn``) or drop ``a``'s span in the text and its tick on the strip."""
        ident = a.id
        if ident is None:
            return
        self._spans.pop(ident, None)
        self._ticks.pop(ident, None)
        if not drawn or a.orphaned:
            return
        if a.kind == "highlight" and a.end > a.start:
            self._spans[ident] = HighlightSpan(ident, a.start, a.end, a.color)
        key = (a.kind, a.color)
        color = self._tick_colors.get(key)
        if color is None:  # one colour object per kind and colour
            color = self._tick_colors[key] = tick_color(a.kind, a.color)
        self._ticks[ident] = (a.start, color)

    def _redraw(self) -> None:
        """Draw the kept spans, ticks and tree counts in the text, the strip and the tree."""
        self.view.set_highlights(list(self._spans.values()))
        self.view.set_scrollbar_marks("annotations", list(self._ticks.values()))
        self._update_tree_counts()
        self._update_actions()

    def _update_tree_counts(self) -> None:
        model = self.window.tree_view.section_model
        doc = model.document
        if doc is None or doc is not self.window.current_document:
            return
        model.set_mark_counts(self._counts)

    # -- signals --------------------------------------------------------------------------------
    def _on_document_opened(self, doc: Document) -> None:
        self.undo_stack.clear()
        opened = self.window.current_opened
        if opened is None or self.doc_id is None:
            self.refresh()  # no store, or the document is not registered: nothing to show
            return
        # the load worker read (and re-anchored) the annotations: no query here
        load = self.window.current_load
        prepared = load.prepared.get(PREPARER) if load is not None else None
        if not isinstance(prepared, PreparedAnnotations) or prepared.doc is not doc:
            prepared = None
        self._show(list(opened.annotations), prepared)
        self._tell_what_moved(opened)

    def reanchor_notice(self, opened: OpenedDocument) -> str:
        """What re-anchoring did, for the status bar ("" when there is nothing to say)."""
        moved, lost = opened.reanchored, opened.orphaned
        if not opened.text_changed:
            if not lost:
                return ""
            # same text as last time, but some were lost in an earlier change
            return self.tr(
                "%1 annotations could not be found in the changed text; "
                "they are listed under “Orphaned” in the Annotations panel."
            ).replace("%1", str(lost))
        if moved and lost:
            text = self.tr(
                "This file changed since you last read it: %1 annotations moved with the "
                "text, %2 could not be placed — see Orphaned in the Annotations panel."
            )
        elif moved:
            text = self.tr(
                "This file changed since you last read it: %1 annotations moved with the text."
            )
        elif lost:
            text = self.tr(
                "This file changed since you last read it: %2 annotations could not be "
                "placed — see Orphaned in the Annotations panel."
            )
        else:
            return ""
        return text.replace("%1", f"{moved:,}").replace("%2", f"{lost:,}")

    def _tell_what_moved(self, opened: OpenedDocument) -> None:
        text = self.reanchor_notice(opened)
        if text:
            self.window.show_status(text, NOTICE_MS)

    def _on_document_closing(self, _doc: Document) -> None:
        self.undo_stack.clear()
        self._items = {}
        self._doc = None
        self._spans, self._ticks, self._counts = {}, {}, {}
        self.panel.set_document(None)
        self._update_actions()

    def _jump(self, offset: int) -> None:
        self.window.go_to_offset(offset)

    def highlight_menu(self, annotation_id: int) -> QMenu | None:
        """The menu shown when a highlight is clicked: colours, note, copy, delete."""
        a = self._items.get(annotation_id)
        if a is None:
            return None
        menu = QMenu(self.window)
        self._add_highlight_actions(menu, a)
        return menu

    def _add_highlight_actions(self, menu: QMenu, a: Annotation) -> None:
        ident = a.id
        assert ident is not None
        colors = menu.addMenu(self.tr("C&olour"))
        for name in COLORS:
            act = colors.addAction(swatch_icon(name), color_label(name))
            act.setCheckable(True)
            act.setChecked(a.color == name)
            act.triggered.connect(lambda _c=False, n=name: self.set_color(ident, n))
        note_text = self.tr("Edit &Note…") if a.note else self.tr("Add No&te…")
        menu.addAction(note_text).triggered.connect(lambda: self.edit_note(ident))
        menu.addAction(self.tr("Copy with C&itation")).triggered.connect(
            lambda: self.copy_annotation_with_citation(ident)
        )
        menu.addAction(self.tr("&Delete Highlight")).triggered.connect(lambda: self.delete(ident))

    def _on_highlight_clicked(self, annotation_id: int) -> None:
        self.panel.select_annotation(annotation_id)
        menu = self.highlight_menu(annotation_id)
        if menu is not None:
            menu.aboutToHide.connect(menu.deleteLater)
            menu.popup(QCursor.pos())

    def _on_context_menu(self, menu: QMenu, offset: int) -> None:
        if self.window.current_document is None:
            return
        menu.addSeparator()
        if self.view.selection_range() is not None:
            menu.addAction(self.actions["copy_citation"])
            if self.ready():
                menu.addMenu(self.color_menu)
                menu.addAction(self.actions["add_note"])
        under = self.highlight_at(offset)
        if under is not None:
            sub = menu.addMenu(self.tr("This Highlight"))
            self._add_highlight_actions(sub, under)
        if self.ready():
            menu.addAction(self.actions["toggle_bookmark"])

    # -- helpers --------------------------------------------------------------------------------
    def _remember_color(self, color: str) -> None:
        if color != self.last_color:
            self.last_color = color
            self.window.set_setting(LAST_COLOR_KEY, color)

    def _tell_no_store(self) -> None:
        if self.window.current_document is None:
            self.window.show_status(self.tr("Open a document first."))
        else:
            self.window.show_status(
                self.tr("Highlights and bookmarks cannot be saved for this document.")
            )


def install(window: MainWindow) -> AnnotationsFeature:
    """Add highlights, notes, bookmarks, the Annotations panel and export/import to ``window``."""
    return AnnotationsFeature(window)
