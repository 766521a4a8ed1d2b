"""Qt item model of a document's highlights and bookmarks, grouped by section.

Top-level rows are groups (the section an annotation starts in, in document
order, then "Orphaned" for annotations whose text was not found again); their
children are the annotations. One column; the panel's delegate draws quote,
note and colour from the roles below.
"""

from __future__ import annotations

import bisect
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
    # count per deepest node first, then walk each node's ancestors once (10,000 marks
    # fall in a few hundred nodes)
    n = len(doc.text)
    direct: dict[int, int] = {}
    nodes: dict[int, Section] = {}
    for a in annotations:
        if a.orphaned:
            continue
        node = doc.section_at(min(a.start, n))
        key = id(node)
        if key in direct:
            direct[key] += 1
        else:
            direct[key] = 1
            nodes[key] = node
    counts: dict[int, int] = {}
    for key, count in direct.items():
        for node in nodes[key].ancestors():
            counts[id(node)] = counts.get(id(node), 0) + count
    return counts


@dataclass(frozen=True)
class GroupInfo:
    """Where an annotation is listed: its group key, section titles and sort offset."""

    key: int | str  # id(Section), or "orphaned"
    titles: tuple[str, ...]  # section path of the group (empty: before the first heading)
    offset: int
    orphaned: bool = False


#: Group of an annotation by (start, orphaned): the group depends on nothing else.
InfoCache = dict[tuple[int, bool], GroupInfo]

_ORPHANED = GroupInfo("orphaned", (), 1 << 62, True)


def group_info(doc: Document, a: Annotation) -> GroupInfo:
    """The group ``a`` is listed in (no Qt: callable from a worker thread)."""
    if a.orphaned:
        return _ORPHANED
    node = group_node(doc, a.start)
    titles = tuple(s.title for s in node.ancestors() if s.kind in GROUP_KINDS)
    return GroupInfo(id(node), titles, node.start if node.parent is not None else -1)


@dataclass
class PreparedAnnotations:
    """The panel's and the tree's data for one document, computed off the UI thread."""

    doc: Document
    annotations: list[Annotation]  # document order
    info: InfoCache
    counts: dict[int, int]  # section_counts()


def prepare_annotations(doc: Document, annotations: Iterable[Annotation]) -> PreparedAnnotations:
    """Sort, group and count ``annotations`` (no Qt: the load worker calls it)."""
    ordered = sorted(annotations, key=_sort_key)
    info: InfoCache = {}
    for a in ordered:
        key = (a.start, a.orphaned)
        if key not in info:
            info[key] = group_info(doc, a)
    return PreparedAnnotations(doc, ordered, info, section_counts(doc, ordered))


def swatch_color(name: str) -> QColor:
    """The colour drawn for highlight colour ``name`` outside the text (light theme)."""
    return theme("light").highlight_color(name)


def _sort_key(a: Annotation) -> tuple[int, int, float, int]:
    return (a.start, a.end, a.created, a.id or 0)


@dataclass
class _Group:
    uid: int
    key: int | str
    title: str
    tooltip: str
    offset: int
    orphaned: bool = False
    items: list[Annotation] = field(default_factory=list)


class AnnotationsModel(QAbstractItemModel):
    """Groups → annotations. Group rows have internal id 0; children carry their group's uid.

    A uid (not the group's row) keeps child indexes valid when groups are
    inserted or removed above them by the incremental updates.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc: Document | None = None
        self._all: list[Annotation] = []
        self._groups: list[_Group] = []
        self._by_uid: dict[int, _Group] = {}
        self._row_of: dict[int, int] = {}
        self._next_uid = 1
        self._colors: frozenset[str] | None = None
        self._text = ""
        self._info: InfoCache = {}

    # -- content -----------------------------------------------------------------------
    def set_document(
        self,
        doc: Document | None,
        annotations: Iterable[Annotation] = (),
        prepared: PreparedAnnotations | None = None,
    ) -> None:
        """Show ``annotations`` of ``doc`` (None clears the model).

        ``prepared`` (from ``prepare_annotations`` in a worker, for this ``doc``)
        saves the sorting and grouping; ``annotations`` are then ignored.
        """
        if doc is not self._doc:
            self._info = {}
        self._doc = doc
        if doc is not None and prepared is not None and prepared.doc is doc:
            self._info.update(prepared.info)
            self._all = list(prepared.annotations)
            self._rebuild()
            return
        self.set_annotations(annotations if doc is not None else ())

    def set_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Replace the annotations shown (same document); the filter is kept."""
        self._all = sorted(annotations, key=_sort_key)
        self._rebuild()

    def set_filter(self, colors: Collection[str] | None = None, text: str = "") -> None:
        """Show only these colours (``BOOKMARKS`` for bookmarks; None: all) matching ``text``."""
        self._colors = frozenset(colors) if colors is not None else None
        self._text = text.strip().casefold()
        self._rebuild()

    def add_annotation(self, a: Annotation) -> None:
        """Insert one annotation (rows inserted, no reset: the view keeps its state)."""
        bisect.insort(self._all, a, key=_sort_key)
        if self._doc is None:
            return
        key, title, tooltip, offset, orphaned = self._group_info(a)
        if not self._matches(a, "" if orphaned else title):
            return
        g_row = next((i for i, g in enumerate(self._groups) if g.key == key), None)
        if g_row is None:
            g_row = bisect.bisect_right([g.offset for g in self._groups], offset)
            group = _Group(self._next_uid, key, title, tooltip, offset, orphaned, [a])
            self._next_uid += 1
            self.beginInsertRows(QModelIndex(), g_row, g_row)
            self._groups.insert(g_row, group)
            self._reindex()
            self.endInsertRows()
            return
        group = self._groups[g_row]
        row = bisect.bisect_right([_sort_key(x) for x in group.items], _sort_key(a))
        self.beginInsertRows(self.createIndex(g_row, 0, 0), row, row)
        group.items.insert(row, a)
        self.endInsertRows()

    def remove_annotation(self, annotation_id: int) -> None:
        """Remove one annotation (and its group when it was the last one)."""
        self._all = [x for x in self._all if x.id != annotation_id]
        for g_row, group in enumerate(self._groups):
            for row, x in enumerate(group.items):
                if x.id != annotation_id:
                    continue
                if len(group.items) == 1:
                    self.beginRemoveRows(QModelIndex(), g_row, g_row)
                    del self._groups[g_row]
                    self._reindex()
                    self.endRemoveRows()
                else:
                    self.beginRemoveRows(self.createIndex(g_row, 0, 0), row, row)
                    del group.items[row]
                    self.endRemoveRows()
                return

    def update_annotation(self, a: Annotation) -> None:
        """Show the changed annotation ``a`` (same id): in place when it did not move."""
        assert a.id is not None
        index = self.index_of(a.id)
        old = self.annotation(index)
        group = self._by_uid.get(index.internalId()) if index.isValid() else None
        if (
            old is not None
            and group is not None
            and (old.start, old.end, old.orphaned) == (a.start, a.end, a.orphaned)
            and self._matches(a, "" if group.orphaned else group.title)
        ):
            self._all = [a if x.id == a.id else x for x in self._all]
            group.items[index.row()] = a
            self.dataChanged.emit(index, index)
            return
        self.remove_annotation(a.id)
        self.add_annotation(a)

    @property
    def document(self) -> Document | None:
        return self._doc

    def annotations(self) -> list[Annotation]:
        """Every annotation given to the model (filtered or not), in document order."""
        return list(self._all)

    def count(self) -> int:
        """How many annotations were given to the model (filtered or not), without a copy."""
        return len(self._all)

    def visible_annotations(self) -> list[Annotation]:
        """The annotations shown after filtering, in display order."""
        return [a for g in self._groups for a in g.items]

    def annotation(self, index: Index) -> Annotation | None:
        """The annotation of an annotation row (None for groups and invalid indexes)."""
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._by_uid.get(index.internalId())
        if group is None or index.row() >= len(group.items):
            return None
        return group.items[index.row()]

    def index_of(self, annotation_id: int) -> QModelIndex:
        """The row showing annotation ``annotation_id`` (invalid when hidden or unknown)."""
        for group in self._groups:
            for row, a in enumerate(group.items):
                if a.id == annotation_id:
                    return self.createIndex(row, 0, group.uid)
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

    def _info_of(self, a: Annotation) -> GroupInfo:
        key = (a.start, a.orphaned)
        info = self._info.get(key)
        if info is None:
            assert self._doc is not None
            info = self._info[key] = group_info(self._doc, a)
        return info

    def _title(self, info: GroupInfo) -> tuple[str, str]:
        """(title, tooltip) of a group, translated."""
        if info.orphaned:
            tip = self.tr("Text changed: these could not be found again. Quote and note are kept.")
            return self.tr("Orphaned"), tip
        path = " › ".join(info.titles) if info.titles else self.tr("Beginning")
        return path, path

    def _group_info(self, a: Annotation) -> tuple[int | str, str, str, int, bool]:
        """(key, title, tooltip, sort offset, orphaned) of the group ``a`` is listed in."""
        info = self._info_of(a)
        title, tooltip = self._title(info)
        return info.key, title, tooltip, info.offset, info.orphaned

    def _reindex(self) -> None:
        self._by_uid = {g.uid: g for g in self._groups}
        self._row_of = {g.uid: i for i, g in enumerate(self._groups)}

    def _rebuild(self) -> None:
        self.beginResetModel()
        groups: dict[int | str, _Group] = {}
        if self._doc is not None:
            filtering = self._colors is not None or bool(self._text)
            for a in self._all:
                info = self._info_of(a)
                group = groups.get(info.key)
                if group is None:
                    title, tooltip = self._title(info)
                    group = _Group(
                        self._next_uid, info.key, title, tooltip, info.offset, info.orphaned
                    )
                    self._next_uid += 1
                    groups[info.key] = group
                if filtering and not self._matches(a, "" if info.orphaned else group.title):
                    continue
                group.items.append(a)
        self._groups = sorted((g for g in groups.values() if g.items), key=lambda g: g.offset)
        self._reindex()
        self.endResetModel()

    # -- QAbstractItemModel ------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._groups):
            return QModelIndex()
        group = self._groups[parent.row()]
        if row >= len(group.items):
            return QModelIndex()
        return self.createIndex(row, 0, group.uid)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        row = self._row_of.get(index.internalId())
        return QModelIndex() if row is None else self.createIndex(row, 0, 0)

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
        group = self._by_uid.get(index.internalId())
        if group is None or index.row() >= len(group.items):
            return None
        return self._item_data(group.items[index.row()], group.orphaned, role)

    def _group_data(self, group: _Group, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return group.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return group.tooltip
        if role == OffsetRole:
            return None if group.orphaned else max(0, group.offset)
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
