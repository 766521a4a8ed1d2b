"""Qt item model of a document's highlights and bookmarks, grouped by section.

Top-level rows are groups (the section an annotation starts in, in document
order, then "Orphaned" for annotations whose text was not found again); their
children are the annotations. One column; the panel's delegate draws quote,
note and colour from the roles below.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from reader.core.annotation import Annotation
from reader.core.document import Document, Section
from reader.gui.themes import theme

Index = QModelIndex | QPersistentModelIndex

_USER = Qt.ItemDataRole.UserRole
#: The Annotation behind a row (None for group rows).
AnnotationRole = _USER + 1
#: Annotation id (int) of a row; None for groups.
IdRole = _USER + 2
#: Document offset to jump to (group: its first annotation; annotation: its start).
OffsetRole = _USER + 3
#: "highlight" / "bookmark" for annotations, "group" for groups.
KindRole = _USER + 4
#: Colour name of a highlight ("" for bookmarks and groups).
ColorRole = _USER + 5
#: The note ("" when none).
NoteRole = _USER + 6
#: Number of annotations shown in a group (0 for annotation rows).
CountRole = _USER + 7
#: True for the "Orphaned" group and its rows.
OrphanedRole = _USER + 8

#: Filter value meaning "bookmarks" in ``set_filter(colors=...)``.
BOOKMARKS = "bookmark"
#: Node kinds that make a group; points and synthetic blocks belong to their section.
GROUP_KINDS = ("section", "article")


def group_node(doc: Document, offset: int) -> Section:
    """The section an annotation at ``offset`` is listed under (the root before any heading)."""
    node: Section | None = doc.section_at(offset)
    while node is not None and node.parent is not None and node.kind not in GROUP_KINDS:
        node = node.parent
    return node if node is not None else doc.root


def section_counts(doc: Document, annotations: Iterable[Annotation]) -> dict[int, int]:
    """Annotations inside each section, its subsections included, keyed by ``id(Section)``."""
    counts: dict[int, int] = {}
    for a in annotations:
        if a.orphaned:
            continue
        for node in doc.section_at(min(a.start, len(doc.text))).ancestors():
            counts[id(node)] = counts.get(id(node), 0) + 1
    return counts


def swatch_color(name: str) -> QColor:
    """The colour drawn for highlight colour ``name`` outside the text (light theme)."""
    return theme("light").highlight_color(name)


@dataclass
class _Group:
    title: str
    tooltip: str
    offset: int
    orphaned: bool = False
    items: list[Annotation] = field(default_factory=list)


class AnnotationsModel(QAbstractItemModel):
    """Groups → annotations. Group rows have internal id 0; children carry group row + 1."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc: Document | None = None
        self._all: list[Annotation] = []
        self._groups: list[_Group] = []
        self._colors: frozenset[str] | None = None
        self._text = ""

    # -- content -----------------------------------------------------------------------
    def set_document(self, doc: Document | None, annotations: Iterable[Annotation] = ()) -> None:
        """Show ``annotations`` of ``doc`` (None clears the model)."""
        self._doc = doc
        self.set_annotations(annotations if doc is not None else ())

    def set_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Replace the annotations shown (same document); the filter is kept."""
        self._all = sorted(annotations, key=lambda a: (a.start, a.end, a.created, a.id or 0))
        self._rebuild()

    def set_filter(self, colors: Collection[str] | None = None, text: str = "") -> None:
        """Show only these colours (``BOOKMARKS`` for bookmarks; None: all) matching ``text``."""
        self._colors = frozenset(colors) if colors is not None else None
        self._text = text.strip().casefold()
        self._rebuild()

    @property
    def document(self) -> Document | None:
        return self._doc

    def annotations(self) -> list[Annotation]:
        """Every annotation given to the model (filtered or not), in document order."""
        return list(self._all)

    def visible_annotations(self) -> list[Annotation]:
        """The annotations shown after filtering, in display order."""
        return [a for g in self._groups for a in g.items]

    def annotation(self, index: Index) -> Annotation | None:
        """The annotation of an annotation row (None for groups and invalid indexes)."""
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._groups[index.internalId() - 1]
        return group.items[index.row()] if index.row() < len(group.items) else None

    def index_of(self, annotation_id: int) -> QModelIndex:
        """The row showing annotation ``annotation_id`` (invalid when hidden or unknown)."""
        for g_row, group in enumerate(self._groups):
            for row, a in enumerate(group.items):
                if a.id == annotation_id:
                    return self.createIndex(row, 0, g_row + 1)
        return QModelIndex()

    def _matches(self, a: Annotation, path: str) -> bool:
        if self._colors is not None:
            key = BOOKMARKS if a.kind == "bookmark" else a.color
            if key not in self._colors:
                return False
        if self._text:
            hay = "\n".join((a.quote, a.note, a.label, path)).casefold()
            if self._text not in hay:
                return False
        return True

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._groups = []
        doc = self._doc
        if doc is not None:
            by_node: dict[int, _Group] = {}
            orphans = _Group(
                self.tr("Orphaned"),
                self.tr("Text changed: these could not be found again. Quote and note are kept."),
                0,
                orphaned=True,
            )
            for a in self._all:
                if a.orphaned:
                    if self._matches(a, ""):
                        orphans.items.append(a)
                    continue
                node = group_node(doc, a.start)
                group = by_node.get(id(node))
                if group is None:
                    titles = [s.title for s in node.ancestors() if s.kind in GROUP_KINDS]
                    path = " › ".join(titles) if titles else self.tr("Beginning")
                    group = _Group(path, path, a.start)
                    by_node[id(node)] = group
                if self._matches(a, group.title):
                    group.items.append(a)
            self._groups = [g for g in by_node.values() if g.items]
            self._groups.sort(key=lambda g: g.offset)
            if orphans.items:
                self._groups.append(orphans)
        self.endResetModel()

    # -- QAbstractItemModel ------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._groups):
            return QModelIndex()
        if row >= len(self._groups[parent.row()].items):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._groups[parent.row()].items) if parent.row() < len(self._groups) else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if index.row() >= len(self._groups):
                return None
            return self._group_data(self._groups[index.row()], role)
        a = self.annotation(index)
        if a is None:
            return None
        orphaned = self._groups[index.internalId() - 1].orphaned
        return self._item_data(a, orphaned, role)

    def _group_data(self, group: _Group, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return group.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return group.tooltip
        if role == OffsetRole:
            return None if group.orphaned else group.offset
        if role == KindRole:
            return "group"
        if role == CountRole:
            return len(group.items)
        if role == OrphanedRole:
            return group.orphaned
        return None

    def _item_data(self, a: Annotation, orphaned: bool, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            text = (a.label or a.quote) if a.kind == "bookmark" else a.quote
            return " ".join(text.split()) or self.tr("(empty)")
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [a.label] if a.kind == "bookmark" and a.label else []
            if a.quote:
                parts.append(a.quote if len(a.quote) <= 400 else a.quote[:400] + "…")
            if a.note:
                parts.append(self.tr("Note: %1").replace("%1", a.note))
            return "\n\n".join(parts)
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch_color(a.color) if a.kind == "highlight" else None
        if role == AnnotationRole:
            return a
        if role == IdRole:
            return a.id
        if role == OffsetRole:
            return None if orphaned else a.start
        if role == KindRole:
            return a.kind
        if role == ColorRole:
            return a.color
        if role == NoteRole:
            return a.note
        if role == CountRole:
            return 0
        if role == OrphanedRole:
            return orphaned
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Annotations")
        return None
