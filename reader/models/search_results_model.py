"""Search results as a tree: section › hit, or document › section › hit for the library.

Hits stream in (library search) and are inserted where they belong: groups in
the order they were first seen, hits inside a group with whole-word hits first,
then the others, each in document order.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

Index = QModelIndex | QPersistentModelIndex

#: Custom roles.
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "document" | "section" | "hit"
HIT_ROLE = Qt.ItemDataRole.UserRole + 2  # the ResultHit of a hit row
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3  # (before, match, after) of a hit row
COUNT_ROLE = Qt.ItemDataRole.UserRole + 4  # hits under a group row


@dataclass(frozen=True)
class ResultHit:
    """One result: where it is (document key/path, offsets) and what to show."""

    start: int
    end: int
    snippet: tuple[str, str, str]
    section: tuple[str, ...]
    whole_word: bool | None = None
    key: str = ""
    title: str = ""
    path: str = ""

    @property
    def snippet_text(self) -> str:
        """The snippet as one plain line."""
        return "".join(self.snippet)


@dataclass(eq=False)
class _Node:
    kind: str
    label: str
    parent: _Node | None
    children: list[_Node] = field(default_factory=list)
    hit: ResultHit | None = None
    #: Sort keys of hit children (whole-word first, then by offset), for insertion.
    keys: list[tuple[bool, int]] = field(default_factory=list)
    #: Child groups by name (documents by key, sections by path).
    groups: dict[Any, _Node] = field(default_factory=dict)
    count: int = 0

    def row(self) -> int:
        if self.parent is None:
            return 0
        return self.parent.children.index(self)


class SearchResultsModel(QAbstractItemModel):
    """A QAbstractItemModel of grouped search hits (one column)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node("root", "", None)
        self._by_document = False
        self._total = 0

    # -- building ---------------------------------------------------------------
    def clear(self, by_document: bool = False) -> None:
        """Drop every result; ``by_document`` groups later hits by document first."""
        self.beginResetModel()
        self._root = _Node("root", "", None)
        self._by_document = by_document
        self._total = 0
        self.endResetModel()

    def set_hits(self, hits: Iterable[ResultHit], by_document: bool = False) -> None:
        """Replace the results at once (one reset: fast for thousands of hits)."""
        self.beginResetModel()
        self._root = _Node("root", "", None)
        self._by_document = by_document
        self._total = 0
        for hit in hits:
            parent = self._group_for(hit, notify=False)
            key = (not hit.whole_word, hit.start)
            pos = bisect.bisect_right(parent.keys, key)
            parent.keys.insert(pos, key)
            parent.children.insert(pos, _Node("hit", "", parent, hit=hit))
            self._count_up(parent, notify=False)
        self.endResetModel()

    def add_hits(self, hits: Iterable[ResultHit]) -> None:
        """Insert streamed hits into their groups (rows inserted, views keep state)."""
        for hit in hits:
            parent = self._group_for(hit, notify=True)
            key = (not hit.whole_word, hit.start)
            pos = bisect.bisect_right(parent.keys, key)
            self.beginInsertRows(self._index_of(parent), pos, pos)
            parent.keys.insert(pos, key)
            parent.children.insert(pos, _Node("hit", "", parent, hit=hit))
            self.endInsertRows()
            self._count_up(parent, notify=True)

    def total(self) -> int:
        """Number of hits in the model."""
        return self._total

    def group_count(self) -> int:
        """Number of section groups (all documents together)."""
        if not self._by_document:
            return len(self._root.children)
        return sum(len(doc.children) for doc in self._root.children)

    def first_hit_index(self) -> QModelIndex:
        """Index of the first hit row (invalid when empty)."""
        node = self._root
        while node.children:
            node = node.children[0]
            if node.kind == "hit":
                return self._index_of(node)
        return QModelIndex()

    def hit_at(self, index: Index) -> ResultHit | None:
        """The hit of a hit row, else None."""
        node = self._node(index)
        return node.hit if node is not None else None

    def _group_for(self, hit: ResultHit, notify: bool) -> _Node:
        parent = self._root
        if self._by_document:
            parent = self._child_group(parent, hit.key, "document", hit.title or hit.path, notify)
        label = (
            " › ".join(hit.section)
            if hit.section
            else QCoreApplication.translate("SearchResultsModel", "(before the first heading)")
        )
        return self._child_group(parent, hit.section, "section", label, notify)

    def _child_group(self, parent: _Node, key: Any, kind: str, label: str, notify: bool) -> _Node:
        node = parent.groups.get(key)
        if node is None:
            node = _Node(kind, label, parent)
            row = len(parent.children)
            if notify:
                self.beginInsertRows(self._index_of(parent), row, row)
            parent.children.append(node)
            parent.groups[key] = node
            if notify:
                self.endInsertRows()
        return node

    def _count_up(self, node: _Node | None, notify: bool) -> None:
        self._total += 1
        while node is not None and node is not self._root:
            node.count += 1
            if notify:
                index = self._index_of(node)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, COUNT_ROLE])
            node = node.parent

    def _index_of(self, node: _Node) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    # -- Qt model API -------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent) if parent.isValid() else self._root
        if node is None or row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self._index_of(node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        node = self._node(parent) if parent.isValid() else self._root
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if role == KIND_ROLE:
            return node.kind
        if role == COUNT_ROLE:
            return node.count if node.kind != "hit" else None
        hit = node.hit
        if node.kind == "hit" and hit is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                return hit.snippet_text
            if role == Qt.ItemDataRole.ToolTipRole:
                return " › ".join(hit.section) or None
            if role == HIT_ROLE:
                return hit
            if role == SNIPPET_ROLE:
                return hit.snippet
            if role == Qt.ItemDataRole.ForegroundRole and hit.whole_word is False:
                # Part of a longer word: still a hit, shown quieter.
                return QColor("#777777")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{node.label}  ({node.count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.label
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(node.kind == "document")
            return font
        return None
