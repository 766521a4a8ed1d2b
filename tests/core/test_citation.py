"""Copy with citation: passage, 《title》 and the section path a reader would cite."""

from __future__ import annotations

from reader.core.citation import citation_source, format_citation
from reader.core.document import Document, Heading

LINES = [
    "提高机关党建经验交流",
    "一、在服务大局、推动发展中提高",
    "正文第一段。",
    "二、在固本强基、增强活力中提高",
    "（一）抓班子带队伍",
    "要抓好以下工作：一是切实加强机关党组织的建设，二是要扎实做好党建工作。",
    "第二段正文。",
]
TEXT = "\n".join(LINES)


def _doc(title: str = "提高机关党建经验交流") -> Document:
    def off(line: str) -> int:
        return TEXT.index(line)

    headings = [
        Heading(level=2, title=LINES[1], line=2, offset=off(LINES[1])),
        Heading(level=2, title=LINES[3], line=4, offset=off(LINES[3])),
        Heading(level=3, title=LINES[4], line=5, offset=off(LINES[4])),
        Heading(
            level=4,
            title="一是切实加强机关党组织的建设",
            line=6,
            offset=TEXT.index("一是"),
            kind="point",
            run_in=True,
        ),
    ]
    return Document(text=TEXT, headings=headings, title=title, title_line=1)


def test_passage_title_and_section_path() -> None:
    doc = _doc()
    start = TEXT.index("正文第一段")
    assert format_citation(doc, start, start + 6) == (
        "正文第一段。\n——《提高机关党建经验交流》 一、在服务大局、推动发展中提高"
    )


def test_nested_sections_are_all_named_but_points_are_not() -> None:
    doc = _doc()
    start = TEXT.index("切实加强")
    text = format_citation(doc, start, start + 4)
    assert text == (
        "切实加强\n——《提高机关党建经验交流》 二、在固本强基、增强活力中提高 （一）抓班子带队伍"
    )


def test_blank_space_is_trimmed_and_paragraphs_kept() -> None:
    doc = _doc()
    start = TEXT.index("正文第一段") - 1  # the newline before it
    end = TEXT.index("二、在固本") + 2
    assert format_citation(doc, start, end).startswith("正文第一段。\n二、\n——")
    # the passage starts in section 一 even though the selection began on a line break
    assert "一、在服务大局" in format_citation(doc, start, end).splitlines()[-1]


def test_before_the_first_heading_only_the_title_is_cited() -> None:
    doc = _doc()
    assert citation_source(doc, 0) == "《提高机关党建经验交流》"


def test_title_already_in_brackets_is_not_doubled_and_reversed_range_works() -> None:
    doc = _doc("《经验交流》")
    start = TEXT.index("第二段")
    assert format_citation(doc, start + 3, start).endswith(
        "——《经验交流》 二、在固本强基、增强活力中提高 （一）抓班子带队伍"
    )
    assert format_citation(doc, start, start + 3).startswith("第二段\n")


def test_untitled_document_without_headings_gives_the_bare_passage() -> None:
    doc = Document(text="只有一段话。", headings=[], title="")
    assert format_citation(doc, 0, 6) == "只有一段话。"
