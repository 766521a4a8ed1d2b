"""The section tree beside the text: a QTreeView over SectionTreeModel."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QTreeView, QWidget

from reader.core.document import Document, Section
from reader.models.section_tree import SectionTreeModel


class SectionTreeView(QTreeView):
    """Shows a document's sections; ``section_activated(Section)`` when the user picks one.

    ``show_section`` moves the current node without emitting, so following the
    reading position never scrolls the text back.
    """

    section_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = SectionTreeModel(self)
        self.setModel(self._model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)  # big trees stay fast
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(self.textElideMode())
        self.setIndentation(16)
        self.setAnimated(False)
        self._following = False
        self.clicked.connect(self._on_user_pick)
        self.activated.connect(self._on_user_pick)
        self.selectionModel().currentChanged.connect(self._on_current_changed)

    @property
    def section_model(self) -> SectionTreeModel:
        """The item model (one node per Section)."""
        return self._model

    def set_document(self, doc: Document | None) -> None:
        """Show the tree of ``doc``; top-level nodes expanded when they are few."""
        self._model.set_document(doc)
        if doc is not None:
            top = doc.root.children
            if len(top) <= 60 and sum(len(n.children) for n in top) <= 400:
                self.expandToDepth(0)

    def current_section(self) -> Section | None:
        """The node that is current in the tree."""
        return self._model.section(self.currentIndex())

    def show_section(self, section: Section | None) -> None:
        """Make ``section`` current and visible, without emitting section_activated."""
        index = self._model.index_of(section)
        if index == self.currentIndex():
            return
        self._following = True
        try:
            if index.isValid():
                self.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            else:
                self.selectionModel().clear()
        finally:
            self._following = False

    def _on_user_pick(self, index: QModelIndex) -> None:
        section = self._model.section(index)
        if section is not None:
            self.section_activated.emit(section)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # keyboard navigation in the tree moves the text too; following the text must not
        if not self._following and current.isValid() and self.hasFocus():
            self._on_user_pick(current)
