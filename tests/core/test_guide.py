"""The built-in user guide reads as a structured Chinese document."""

from __future__ import annotations

import re

from reader.core.document import Document, Section
from reader.core.loader import load_document
from reader.paths import resource_path

GUIDE = resource_path("guide", "jingdu-guide.txt")

TOP_LEVEL = [
    "一、打开文档",
    "二、按目录阅读",
    "三、阅读视图",
    "四、高亮、笔记与书签",
    "五、查找与搜索",
    "六、命令行",
    "七、数据保存在哪里",
    "八、快捷键",
    "九、界面语言与问题反馈",
]
#: One shortcut: modifiers, then a key (arrows as the guide writes them).
KEY = r"(?:(?:Ctrl|Alt|Shift)\+)*(?:F\d{1,2}|Home|End|Enter|Delete|[A-Z0-9=\-↑↓])"


def guide() -> Document:
    return load_document(GUIDE)


def top_sections(doc: Document) -> list[Section]:
    return [s for s in doc.root.children if s.kind == "section"]


def test_guide_has_its_title_and_the_top_level_sections() -> None:
    doc = guide()
    assert doc.title == "精读使用指南"
    assert doc.encoding == "utf-8"
    assert [s.title for s in top_sections(doc)] == TOP_LEVEL


def test_every_top_level_section_has_numbered_subsections() -> None:
    for top in top_sections(guide()):
        subs = [c for c in top.children if c.kind == "section"]
        assert subs, f"{top.title} has no （一） level"
        assert subs[0].title.startswith("（一）"), top.title
        for child in subs:
            assert re.match(r"（[一二三四五六七八九十]+）", child.title), child.title


def test_deeper_levels_are_recognised() -> None:
    titles = [s.title for s in guide().root.walk()]
    assert "1.自动识别" in titles  # level 1. under （三）文字编码
    levels = {s.level for s in guide().root.walk() if s.parent is not None}
    assert len(levels) >= 3


def shortcut_rows(doc: Document) -> list[tuple[str, list[str]]]:
    """(name, shortcuts) of each "名称：快捷键" line of 八、快捷键."""
    top = next(s for s in top_sections(doc) if s.title.startswith("八、"))
    rows: list[tuple[str, list[str]]] = []
    for line in doc.text[top.start : top.end].splitlines():
        m = re.fullmatch(r"([^：\s]+)：(.+)", line.strip())
        if m:
            rows.append((m.group(1), re.findall(KEY, m.group(2))))
    return rows


def test_shortcut_table_is_complete_and_well_formed() -> None:
    rows = shortcut_rows(guide())
    assert len(rows) >= 30
    names = [name for name, _keys in rows]
    assert len(names) == len(set(names)), "a function is listed twice"
    for name, keys in rows:
        assert keys, f"{name}: no shortcut"
    by_name = dict(rows)
    assert by_name["打开文件"] == ["Ctrl+O"]
    assert by_name["下一节"] == ["Ctrl+↓", "Alt+↓"]
    assert by_name["查找"] == ["Ctrl+F"]
