"""Qt item model over a Document's Section tree (nodes reached via internalPointer)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from reader.core.document import Document, Section

Index = QModelIndex | QPersistentModelIndex

#: Data role giving the node's start offset in the document.
OffsetRole = Qt.ItemDataRole.UserRole + 1
#: Data role giving the node's kind ("section", "article", "point", "block").
KindRole = Qt.ItemDataRole.UserRole + 2
#: Data role giving how many highlights/bookmarks lie inside the node (0: none).
MarkCountRole = Qt.ItemDataRole.UserRole + 3


class SectionTreeModel(QAbstractItemModel):
    """One column of section titles; the document root itself is not shown.

    Every valid index carries its ``Section`` as internal pointer; the model
    keeps the Document alive so those pointers stay valid.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc: Document | None = None
        self._root: Section | None = None
        # Section.row is a list scan; cache rows so parent() stays O(1) on big trees.
        self._rows: dict[int, int] = {}
        self._mark_counts: dict[int, int] = {}

    # -- content ------------------------------------------------------------------
    def set_document(self, doc: Document | None) -> None:
        """Show the tree of ``doc`` (None clears the model)."""
        self.beginResetModel()
        self._doc = doc
        self._root = doc.root if doc is not None else None
        self._rows = {}
        self._mark_counts = {}
        if self._root is not None:
            for node in self._root.walk():
                for row, child in enumerate(node.children):
                    self._rows[id(child)] = row
        self.endResetModel()

    @property
    def document(self) -> Document | None:
        """The document whose tree is shown."""
        return self._doc

    def section(self, index: Index) -> Section | None:
        """The node behind ``index`` (None for the invisible root)."""
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, Section) else None

    def index_of(self, section: Section | None) -> QModelIndex:
        """The index showing ``section`` (invalid for the root or None)."""
        if section is None or section.parent is None or self._root is None:
            return QModelIndex()
        row = self._rows.get(id(section))
        if row is None:
            return QModelIndex()
        return self.createIndex(row, 0, section)

    def set_mark_counts(self, counts: Mapping[int, int]) -> None:
        """Annotation counts per node keyed by ``id(Section)``, served as MarkCountRole."""
        old, self._mark_counts = self._mark_counts, dict(counts)
        if self._root is None:
            return
        for node in self._root.walk():
            if old.get(id(node), 0) != self._mark_counts.get(id(node), 0):
                index = self.index_of(node)
                if index.isValid():
                    self.dataChanged.emit(index, index, [MarkCountRole])

    # -- QAbstractItemModel -----------------------------------------------------------
    def _node(self, index: Index) -> Section | None:
        if not index.isValid():
            return self._root
        return self.section(index)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if node is None or column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.section(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.index_of(node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.section(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return node.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.title if len(node.title) > 24 else None
        if role == OffsetRole:
            return node.start
        if role == KindRole:
            return node.kind
        if role == MarkCountRole:
            return self._mark_counts.get(id(node), 0)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Contents")
        return None
