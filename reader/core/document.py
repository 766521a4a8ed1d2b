"""The Document: decoded text, its outline (flat headings) and its section tree."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

HeadingKind = Literal["section", "article", "point", "block"]

#: Level of the document itself (its title); top-level sections are level 2,
#: matching the ground-truth outlines in the shared corpus.
DOCUMENT_LEVEL = 1

#: Laws with more articles than this leave them out of the tree unless asked.
ARTICLES_IN_TREE_MAX = 60
#: Text longer than this without a heading is split into synthetic "block" nodes,
#: so a document without headings or a huge chapter stays navigable.
HUGE_SECTION_CHARS = 20_000
#: Target size of one block (cut at the next line end).
BLOCK_CHARS = 10_000


@dataclass(frozen=True)
class Heading:
    """One outline entry, found in the text.

    ``level`` counts from the document title (level 1), so top-level sections are
    level 2. ``line`` is 1-based in the decoded text, ``offset`` the character
    offset of the heading's first character. ``run_in`` marks a heading that
    opens a paragraph which goes on with body text (``（一）指导思想。全面贯彻…``);
    ``end`` is then the offset where the heading's own words stop.
    """

    level: int
    title: str
    line: int
    offset: int
    kind: HeadingKind = "section"
    run_in: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "level": self.level,
            "title": self.title,
            "line": self.line,
            "offset": self.offset,
            "kind": self.kind,
            "run_in": self.run_in,
        }


@dataclass(frozen=True)
class MetadataLine:
    """A line such as ``时间:2022-11-21`` or ``来源:…`` near the top of a document."""

    key: str
    value: str
    line: int


@dataclass(eq=False)
class Section:
    """A node of the section tree: the document root, a section, an article or a point.

    ``start``/``end`` are character offsets of the text the node covers (its
    heading included, its children included). Nodes never point at widgets.
    """

    title: str
    level: int
    kind: str
    start: int
    end: int
    line: int
    run_in: bool = False
    parent: Section | None = field(default=None, repr=False)
    children: list[Section] = field(default_factory=list, repr=False)

    @property
    def row(self) -> int:
        """Index of this node among its parent's children (0 for the root)."""
        if self.parent is None:
            return 0
        return self.parent.children.index(self)

    def ancestors(self) -> list[Section]:
        """From the top-level section down to this node, the root excluded."""
        chain: list[Section] = []
        node: Section | None = self
        while node is not None and node.parent is not None:
            chain.append(node)
            node = node.parent
        chain.reverse()
        return chain

    def walk(self) -> Iterator[Section]:
        """This node and all its descendants in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Document:
    """A decoded document with its outline. Built by ``reader.core.loader``."""

    text: str
    headings: list[Heading]
    title: str | None = None
    encoding: str = "utf-8"
    path: Path | None = None
    metadata: list[MetadataLine] = field(default_factory=list)
    title_line: int | None = None
    format: str = "txt"
    #: Articles (第X条) in the tree: True, False, or None = only for short laws.
    show_articles: bool | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _root: Section | None = field(default=None, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _nodes: list[Section] = field(default_factory=list, repr=False)
    #: (text, its hash): hashing a long text takes tens of ms and the store, the
    #: library index and export each ask; keyed by the text object so a new text rehashes.
    _hash: tuple[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._line_starts = starts

    # -- identity ---------------------------------------------------------------
    @property
    def text_hash(self) -> str:
        """SHA-256 of the decoded text: the document's identity in the store."""
        cached = self._hash
        if cached is None or cached[0] is not self.text:
            cached = (self.text, hashlib.sha256(self.text.encode("utf-8")).hexdigest())
            self._hash = cached
        return cached[1]

    @property
    def display_title(self) -> str:
        """The title to show: the detected title, else the file name."""
        if self.title:
            return self.title
        if self.path is not None:
            return self.path.stem
        return ""

    # -- lines ------------------------------------------------------------------
    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_of(self, offset: int) -> int:
        """1-based line number holding character ``offset``."""
        return bisect.bisect_right(self._line_starts, offset)

    def line_start(self, line: int) -> int:
        """Character offset where 1-based ``line`` begins."""
        return self._line_starts[max(0, min(line - 1, len(self._line_starts) - 1))]

    def line_text(self, line: int) -> str:
        start = self.line_start(line)
        end = self.text.find("\n", start)
        return self.text[start : end if end != -1 else len(self.text)]

    # -- tree -------------------------------------------------------------------
    @property
    def articles_in_tree(self) -> bool:
        """Whether the tree lists 第X条 articles (``show_articles``, else only short laws)."""
        if self.show_articles is not None:
            return self.show_articles
        count = sum(1 for h in self.headings if h.kind == "article")
        return count <= ARTICLES_IN_TREE_MAX

    def set_show_articles(self, show: bool | None) -> None:
        """Show or hide articles in the tree (None: automatic); the tree is rebuilt."""
        self.show_articles = show
        self._root = None

    def tree(self, articles: bool | None = None) -> Section:
        """A section tree with or without articles (None: as ``articles_in_tree``)."""
        if articles is None or articles == self.articles_in_tree:
            return self.root
        return build_tree(self, articles=articles)

    @property
    def root(self) -> Section:
        """The section tree (built once, on first use)."""
        if self._root is None:
            self._root = build_tree(self, articles=self.articles_in_tree)
            self._nodes = [n for n in self._root.walk() if n is not self._root]
            self._starts = [n.start for n in self._nodes]
        return self._root

    def sections(self) -> list[Section]:
        """Every node of the tree but the root, in document order."""
        _ = self.root
        return self._nodes

    def section_at(self, offset: int) -> Section:
        """The deepest node whose heading is at or before ``offset`` (root if none)."""
        root = self.root
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return root
        node: Section | None = self._nodes[i]
        while node is not None and node is not root and not (node.start <= offset < node.end):
            node = node.parent
        return node if node is not None else root

    def section_path(self, offset: int) -> list[str]:
        """Titles from the top-level section down to the one holding ``offset``."""
        return [s.title for s in self.section_at(offset).ancestors()]


def build_tree(doc: Document, *, articles: bool = True) -> Section:
    """Nest the flat headings by level into a Section tree spanning the text.

    Without ``articles``, 第X条 headings are left out. Long stretches of text
    without a heading get synthetic "block" children (see HUGE_SECTION_CHARS).
    """
    text_len = len(doc.text)
    root = Section(
        title=doc.display_title,
        level=DOCUMENT_LEVEL,
        kind="document",
        start=0,
        end=text_len,
        line=1,
    )
    stack: list[Section] = [root]
    headings = doc.headings if articles else [h for h in doc.headings if h.kind != "article"]
    for h in sorted(headings, key=lambda h: (h.offset, h.level)):
        node = Section(
            title=h.title,
            level=h.level,
            kind=h.kind,
            start=h.offset,
            end=text_len,
            line=h.line,
            run_in=h.run_in,
        )
        while len(stack) > 1 and stack[-1].level >= h.level:
            closed = stack.pop()
            closed.end = h.offset
        parent = stack[-1]
        node.parent = parent
        parent.children.append(node)
        stack.append(node)
    _add_blocks(doc, root)
    return root


def _add_blocks(doc: Document, root: Section) -> None:
    """Split text longer than HUGE_SECTION_CHARS that has no heading into block nodes."""
    for node in list(root.walk()):
        if node.kind not in ("document", "section", "block"):
            continue
        lead_end = node.children[0].start if node.children else node.end
        # A heading line belongs to its section: blocks start after it.
        body_start = node.start
        if node.kind == "section" and not node.run_in:
            nl = doc.text.find("\n", node.start, lead_end)
            body_start = lead_end if nl == -1 else nl + 1
        if lead_end - body_start <= HUGE_SECTION_CHARS:
            continue
        blocks: list[Section] = []
        pos = body_start
        while pos < lead_end:
            cut = doc.text.find("\n", min(pos + BLOCK_CHARS, lead_end), lead_end)
            stop = lead_end if cut == -1 or lead_end - cut < BLOCK_CHARS // 4 else cut + 1
            block = Section(
                title=_block_title(doc.text, pos, stop),
                level=node.level + 1,
                kind="block",
                start=pos,
                end=stop,
                line=doc.line_of(pos),
                parent=node,
            )
            blocks.append(block)
            pos = stop
        node.children[:0] = blocks


def _block_title(text: str, start: int, stop: int) -> str:
    """The first words of a block, to name it in the tree."""
    head = text[start : min(stop, start + 200)].strip()
    first = head.split("\n", 1)[0].strip()
    return first[:18] + "…" if len(first) > 18 else first
