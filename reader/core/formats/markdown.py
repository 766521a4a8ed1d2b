"""Markdown: readable text without markup; # and setext headings as the outline."""

from __future__ import annotations

import html
import re
from pathlib import Path

from reader.core.document import Document
from reader.core.formats._markup import (
    TextBuilder,
    build_document,
    decode_bytes,
    is_wide,
    join_words,
)

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?)|([^\s#].*?)??)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_1 = re.compile(r"^ {0,3}=+[ \t]*$")
_SETEXT_2 = re.compile(r"^ {0,3}-+[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_ITEM = re.compile(r"^[ \t]*(?:([-*+])|(\d{1,9})([.)]))[ \t]+(.*)$")
_TASK = re.compile(r"^\[[ xX]\][ \t]+")
_TABLE_DELIM = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_INLINE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"!\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)"), r"\1"),  # image -> alt
    (re.compile(r"!\[([^\]]*)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)"), r"\1"),  # link -> text
    (re.compile(r"\[\^([^\]]+)\]"), r"[\1]"),  # footnote reference
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"<br\s*/?>", re.IGNORECASE), "\n"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*)(?=\S)(.+?)(?<=\S)\*\*"), r"\2"),
    (re.compile(r"(?<![A-Za-z0-9])__(?=\S)(.+?)(?<=\S)__(?![A-Za-z0-9])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\*(?=\S)(.+?)(?<=\S)\*"), r"\1"),
    (re.compile(r"(?<![A-Za-z0-9])_(?=\S)(.+?)(?<=\S)_(?![A-Za-z0-9])"), r"\1"),
]


def inline(text: str) -> str:
    """Strip inline markup: emphasis, links (their text), images (their alt), code ticks."""
    kept: list[str] = []

    def protect(value: str) -> str:
        kept.append(value)
        return f"\x00{len(kept) - 1}\x00"

    text = _CODE_SPAN.sub(lambda m: protect(m.group(2).strip() or m.group(2)), text)
    text = _ESCAPE.sub(lambda m: protect(m.group(1)), text)
    for pattern, repl in _INLINE_RULES:
        text = pattern.sub(repl, text)
    text = html.unescape(text)
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], text)


def _cells(row: str) -> str:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    cells = [inline(c.strip()).replace("\\|", "|") for c in re.split(r"(?<!\\)\|", row)]
    return "\t".join(cells)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Remove YAML (---) or TOML (+++) front matter; return its title and the body."""
    for fence, key in (("---", r"^title\s*:\s*(.*)$"), ("+++", r"^title\s*=\s*(.*)$")):
        if not text.startswith(fence + "\n"):
            continue
        ends = [f"\n{fence}\n", f"\n{fence}"] + (["\n...\n"] if fence == "---" else [])
        end_at, end_len = -1, 0
        for end in ends:
            i = text.find(end, len(fence))
            fits = i != -1 and (end.endswith("\n") or i + len(end) == len(text))
            if fits and (end_at == -1 or i < end_at):
                end_at, end_len = i, len(end)
        if end_at == -1:
            return None, text
        block = text[len(fence) + 1 : end_at]
        m = re.search(key, block, re.MULTILINE)
        title = m.group(1).strip().strip("\"'").strip() if m else None
        return title or None, text[end_at + end_len :]
    return None, text


class _Converter:
    """Line-based Markdown to text: blocks become lines, headings are recorded."""

    def __init__(self) -> None:
        self.out = TextBuilder()
        self.para: list[str] = []
        self.para_is_item = False

    def emit(self, text: str) -> None:
        for piece in text.split("\n"):
            self.out.add_line(piece)

    def flush(self) -> None:
        """Emit the pending paragraph: soft-wrapped lines join, Chinese lines stay lines."""
        if not self.para:
            return
        logical: list[list[str]] = [[]]
        for i, line in enumerate(self.para):
            hard = bool(_HARD_BREAK.search(line))
            piece = _HARD_BREAK.sub("", line).strip()
            logical[-1].append(piece)
            last_wide = bool(piece) and is_wide(piece[-1])
            # A line ending in a Chinese character is a paragraph of its own: Chinese
            # Markdown is rarely hard-wrapped, and headings like 一、… must stay lines.
            if (hard or last_wide) and i < len(self.para) - 1:
                logical.append([])
        for pieces in logical:
            self.emit(inline(" ".join(p for p in pieces if p)))
        self.para = []
        self.para_is_item = False

    def run(self, text: str) -> TextBuilder:
        lines = text.split("\n")
        fence: str | None = None
        in_comment = False
        in_table = False
        i = 0
        while i < len(lines):
            line = lines[i]
            i += 1
            if fence is not None:
                stripped = line.strip()
                if stripped.startswith(fence) and stripped.strip(fence[0]) == "":
                    fence = None
                else:
                    self.out.add_line(line.expandtabs(4), keep_indent=True)
                continue
            if in_comment:
                if "-->" in line:
                    in_comment = False
                continue
            while _QUOTE.match(line):
                line = _QUOTE.sub("", line, count=1)
            stripped = line.strip()
            if not stripped:
                self.flush()
                in_table = False
                continue
            if in_table:
                if "|" in line:
                    self.emit(_cells(line))
                    continue
                in_table = False
            m = _FENCE.match(line)
            if m:
                self.flush()
                fence = m.group(1)
                continue
            if stripped.startswith("<!--") and "-->" not in stripped:
                self.flush()
                in_comment = True
                continue
            m = _ATX.match(line)
            if m and (m.group(2) is not None or (m.group(3) and is_wide(m.group(3)[0]))):
                self.flush()
                title = inline(m.group(2) or m.group(3) or "").replace("\n", " ")
                self.out.add_heading(len(m.group(1)), title)
                continue
            if self.para and not self.para_is_item:
                level = 1 if _SETEXT_1.match(line) else 2 if _SETEXT_2.match(line) else 0
                if level:
                    title = inline(join_words(self.para)).replace("\n", " ")
                    self.para = []
                    self.out.add_heading(level, title)
                    continue
            if _RULE.match(line):
                self.flush()
                continue
            if "|" in line and i < len(lines) and _TABLE_DELIM.match(lines[i]):
                self.flush()
                self.emit(_cells(line))
                i += 1
                in_table = True
                continue
            if _REF_DEF.match(line):
                continue
            m = _ITEM.match(line)
            if m:
                self.flush()
                body = _TASK.sub("", m.group(4))
                if m.group(2):
                    body = f"{m.group(2)}{m.group(3)} {body}"
                self.para = [body]
                self.para_is_item = True
                continue
            self.para.append(line)
        self.flush()
        return self.out


def load(path: Path, data: bytes, encoding: str | None) -> Document:
    """Open a Markdown file as a Document (format "markdown")."""
    decoded = decode_bytes(path, data, encoding)
    title, body = split_front_matter(decoded.text)
    builder = _Converter().run(body)
    return build_document(
        builder, path=path, fmt="markdown", encoding=decoded.encoding, title=title
    )
