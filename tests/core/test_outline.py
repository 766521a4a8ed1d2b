"""Outline detection on small documents written the way real Chinese texts are."""

from __future__ import annotations

import pytest

from reader.core.outline import detect_outline, parse_number


def _sections(text: str) -> list[tuple[int, str]]:
    return [(h.level, h.title) for h in detect_outline(text).headings if h.kind == "section"]


BODY = "这是一段正文，内容较长，用来说明本节的具体要求和做法，确保各项工作落到实处。"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("一百零五", 105),
        ("一百二十", 120),
        ("壹拾贰", 12),
        ("两千", 2000),
        ("01", 1),
        ("１２", 12),
        ("四百五十二", 452),
        ("x", -1),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_official_document_levels_and_run_in_headings() -> None:
    text = "\n".join(
        [
            "关于加强基层治理的意见",
            "（2021年4月28日）",
            BODY,
            "一、总体要求",
            "（一）指导思想。以新时代中国特色社会主义思想为指导，坚持党的全面领导。",
            "（二）主要目标。力争用5年左右时间，建立起党组织统一领导的基层治理体系。",
            "二、完善基层治理体系",
            "（一）加强党的领导",
            "1.健全组织体系。" + BODY,
            "（1）明确职责。" + BODY,
            "（2）压实责任。" + BODY,
            "2.完善工作机制。" + BODY,
            "（二）加强队伍建设",
            BODY,
        ]
    )
    outline = detect_outline(text)
    assert outline.title == "关于加强基层治理的意见"
    assert [(h.level, h.title, h.run_in) for h in outline.headings] == [
        (2, "一、总体要求", False),
        (3, "（一）指导思想", True),
        (3, "（二）主要目标", True),
        (2, "二、完善基层治理体系", False),
        (3, "（一）加强党的领导", False),
        (4, "1.健全组织体系", True),
        (5, "（1）明确职责", True),
        (5, "（2）压实责任", True),
        (4, "2.完善工作机制", True),
        (3, "（二）加强队伍建设", False),
    ]
    run_in = outline.headings[1]
    assert text[run_in.offset : run_in.offset + 4] == "（一）指"
    assert run_in.line == 5


def test_notice_with_colon_before_first_section() -> None:
    text = "\n".join(
        [
            "关于做好假期工作的通知",
            "现将有关事项通知如下：",
            "一、提高认识",
            BODY,
            "二、落实责任",
            BODY,
        ]
    )
    assert _sections(text) == [(2, "一、提高认识"), (2, "二、落实责任")]


def test_law_with_parts_chapters_sections_and_articles() -> None:
    text = "\n\n".join(
        [
            "中华人民共和国示例法",
            "2020年1月1日 第十三届全国人民代表大会常务委员会第一次会议通过",
            "第一编 总则",
            "第一章 一般规定",
            "第一条 为了规范示例行为，制定本法。",
            "第二条 有下列情形之一的，适用本法：",
            "（一）在中华人民共和国境内的；",
            "（二）法律另有规定的。",
            "第二章 具体规定",
            "第一节 一般规定",
            "第三条 本法所称示例，是指示例。",
            "第三条之一 新增的条文。",
            "第二节 特别规定",
            "第四条 特别规定的内容。",
            "第二编 分则",
            "第一章 一般规定",
            "第五条 分则的内容。",
            "附则",
            "第六条 本法自公布之日起施行。",
        ]
    )
    outline = detect_outline(text)
    assert outline.title == "中华人民共和国示例法"
    assert _sections(text) == [
        (2, "第一编 总则"),
        (3, "第一章 一般规定"),
        (3, "第二章 具体规定"),
        (4, "第一节 一般规定"),
        (4, "第二节 特别规定"),
        (2, "第二编 分则"),
        (3, "第一章 一般规定"),
        (2, "附则"),
    ]
    articles = [h for h in outline.headings if h.kind == "article"]
    assert [a.title for a in articles] == [
        "第一条",
        "第二条",
        "第三条",
        "第三条之一",
        "第四条",
        "第五条",
        "第六条",
    ]
    # Each article is one level below its own section: 章 (3) or 节 (4) or 附则 (2).
    assert [a.level for a in articles] == [4, 4, 5, 5, 5, 4, 3]


def test_law_with_only_chapters_puts_chapters_at_level_two() -> None:
    text = "\n".join(["某某条例", "第一章 总则", "第一条 内容。", "第二章 附则", "第二条 内容。"])
    assert _sections(text) == [(2, "第一章 总则"), (2, "第二章 附则")]


def test_list_items_inside_articles_are_body_text() -> None:
    text = "\n".join(
        [
            "某某解释",
            "一、一般规定",
            "第一条 下列情形，人民法院可以认定为交易习惯：",
            "（一）当事人之间在交易活动中的惯常做法；",
            "（二）在交易行为当地通常采用的做法",
            "第二条 其他内容。",
            "二、合同的订立",
            "第三条 内容。",
        ]
    )
    assert _sections(text) == [(2, "一、一般规定"), (2, "二、合同的订立")]


def test_numbered_provisions_are_not_headings() -> None:
    text = "\n".join(
        [
            "中华人民共和国刑法修正案（十二）",
            "一、将刑法第一百六十五条修改为：“国有公司、企业的董事，利用职务便利。”",
            "二、本规定自发布之日起施行。原规定同时废止。",
            "三、各地区应当遵照执行。",
            "四、本修正案自公布之日起施行。",
        ]
    )
    assert _sections(text) == []


def test_out_of_sequence_and_sentence_lines_are_body() -> None:
    text = "\n".join(
        [
            "一份报告",
            "一、基本情况",
            BODY,
            "三、这行跳过了二",
            BODY,
            "二、真正的第二部分",
            "这是一个很长的句子，虽然以数字开头但是以句号结尾，因此只是正文而不是标题。",
            "3.这一行以句号结束，是正文，不是标题，因为它是一个完整的句子。",
        ]
    )
    assert _sections(text) == [(2, "一、基本情况"), (2, "二、真正的第二部分")]


def test_short_numbered_list_is_not_headings() -> None:
    text = "\n".join(
        [
            "一份附件",
            "下列文件予以废止：",
            "1．关于惩治走私罪的补充规定",
            "2．关于惩治贪污罪贿赂罪的补充规定",
            "3．关于惩治假冒注册商标犯罪的补充规定",
            BODY,
        ]
    )
    assert _sections(text) == []


def test_novel_chapters_with_prefixes_and_odd_spacing() -> None:
    text = "\n".join(
        [
            "《西游记》",
            "",
            "楔子",
            BODY,
            "正文 第一回　灵根育孕源流出　心性修持大道生",
            BODY,
            "  第 二 回 悟彻菩提真妙理",
            BODY,
            "第\u2002三\u2002回\u2002四海千山皆拱伏",
            BODY,
            "第04回 官封弼马心何足",
            BODY,
            "后记",
            BODY,
        ]
    )
    outline = detect_outline(text)
    assert outline.title == "《西游记》"
    assert _sections(text) == [
        (2, "楔子"),
        (2, "正文 第一回　灵根育孕源流出　心性修持大道生"),
        (2, "第 二 回 悟彻菩提真妙理"),
        (2, "第\u2002三\u2002回\u2002四海千山皆拱伏"),
        (2, "第04回 官封弼马心何足"),
        (2, "后记"),
    ]
    second = outline.headings[2]
    assert text[second.offset] == "第"


def test_volumes_chapters_arabic_and_formal_numerals() -> None:
    text = "\n".join(
        [
            "某小说",
            "第壹卷 风起",
            "第1章 开端",
            BODY,
            "第2章 相遇！",
            BODY,
            "第贰卷 云涌",
            "第3章 重逢",
            BODY,
        ]
    )
    assert _sections(text) == [
        (2, "第壹卷 风起"),
        (3, "第1章 开端"),
        (3, "第2章 相遇！"),
        (2, "第贰卷 云涌"),
        (3, "第3章 重逢"),
    ]


def test_table_of_contents_is_not_repeated_in_the_outline() -> None:
    text = "\n".join(
        [
            "某小说",
            "第一章 开端",
            "第二章 相遇",
            "第三章 重逢",
            BODY,
            "第一章 开端",
            BODY,
            "第二章 相遇",
            BODY,
            "第三章 重逢",
            BODY,
        ]
    )
    found = [h.line for h in detect_outline(text).headings]
    assert found == [6, 8, 10]


def test_contents_block_after_a_mulu_line_is_skipped() -> None:
    text = "\n".join(
        [
            "某法",
            "目　录",
            "第一章 总则",
            "第二章 附则",
            "第一章 总则",
            "第一条 内容。",
            "第二章 附则",
            "第二条 内容。",
        ]
    )
    assert [h.line for h in detect_outline(text).headings if h.kind == "section"] == [5, 7]


def test_metadata_lines_with_either_colon() -> None:
    text = "\n".join(
        ["标题", "时间:2022-11-21 01:19:00", "来源：人民网", "作者： 张三", "导语:一段导语。", BODY]
    )
    outline = detect_outline(text)
    assert [(m.key, m.value, m.line) for m in outline.metadata] == [
        ("时间", "2022-11-21 01:19:00", 2),
        ("来源", "人民网", 3),
        ("作者", "张三", 4),
        ("导语", "一段导语。", 5),
    ]
    assert outline.headings == []


def test_inline_enumeration_gives_points_under_their_section() -> None:
    para = (
        "党的基层组织建设是我们党长期以来常抓不懈的工作，要着力抓好以下几个方面的工作：一是切实加强"
        "机关党组织的建设。统一是非标准。二是要扎实做好党建工作，发挥作用。三是要以学习为契机，推进工作。"
    )
    text = "\n".join(["标题", "一、在服务大局中提高", BODY, "二、在固本强基中提高", para])
    outline = detect_outline(text)
    points = [h for h in outline.headings if h.kind == "point"]
    assert [(p.level, p.title) for p in points] == [
        (3, "一是切实加强机关党组织的建设"),
        (3, "二是要扎实做好党建工作"),
        (3, "三是要以学习为契机"),
    ]
    assert text[points[0].offset : points[0].offset + 2] == "一是"
    assert all(p.run_in and p.line == 5 for p in points)
    # points come after their section in document order
    kinds = [h.kind for h in outline.headings]
    assert kinds == ["section", "section", "point", "point", "point"]


def test_lone_yishi_is_not_a_point() -> None:
    text = "\n".join(["标题", "一、第一部分", "我们统一是非标准，一是一，二是二。"])
    assert [h for h in detect_outline(text).headings if h.kind == "point"] == []


def test_unnumbered_headings_between_long_paragraphs() -> None:
    long = BODY * 3
    text = "\n\n".join(
        [
            "公序良俗原则的适用",
            "某某诉某某合同案",
            "基本案情",
            long,
            "裁判要旨",
            long,
            long,
            "适用解析",
            long,
        ]
    )
    outline = detect_outline(text)
    assert outline.title == "公序良俗原则的适用"
    assert _sections(text) == [
        (2, "某某诉某某合同案"),
        (2, "基本案情"),
        (2, "裁判要旨"),
        (2, "适用解析"),
    ]


def test_poems_and_short_lines_are_not_headings() -> None:
    text = "\n".join(
        ["第一回 开篇", "诗曰：", "滚滚长江东逝水，浪花淘尽英雄。", BODY, "第二回 继续", BODY]
    )
    assert _sections(text) == [(2, "第一回 开篇"), (2, "第二回 继续")]


def test_document_starting_with_a_heading_has_no_title() -> None:
    outline = detect_outline("第一章 开端\n" + BODY)
    assert outline.title is None
    assert [h.title for h in outline.headings] == ["第一章 开端"]


def test_empty_and_headingless_text() -> None:
    assert detect_outline("").headings == []
    outline = detect_outline(BODY + "\n" + BODY)
    assert outline.title is None
    assert outline.headings == []


def test_traditional_law_with_spaced_markers() -> None:
    text = "\n".join(
        [
            "中華民國憲法",
            "法規類別：憲法",
            "沿革：",
            "1.中華民國三十六年一月一日國民政府令公布",
            "第 十一 章 地方制度",
            "第 一 節 省",
            "第 108 條",
            "省得召集省民代表大會。",
            "第 二 節 縣",
            "第 109 條",
            "縣實行縣自治。",
        ]
    )
    outline = detect_outline(text)
    assert _sections(text) == [(2, "第 十一 章 地方制度"), (3, "第 一 節 省"), (3, "第 二 節 縣")]
    assert [h.title for h in outline.headings if h.kind == "article"] == ["第 108 條", "第 109 條"]
    assert outline.metadata[0].key == "法規類別"


def test_salutation_is_not_metadata() -> None:
    text = "\n".join(["在全市工作会议上的讲话", "同志们：", BODY, "一、关于形势", BODY])
    outline = detect_outline(text)
    assert outline.metadata == []
    assert _sections(text) == [(2, "一、关于形势")]


def test_chapter_marker_followed_by_a_colon() -> None:
    text = "\n".join(["某书", "第1章：开端", BODY, "第2章：发展", BODY])
    assert _sections(text) == [(2, "第1章：开端"), (2, "第2章：发展")]


def test_official_sections_nest_under_chapters() -> None:
    text = "\n".join(
        ["报告", "第一章 总体", "一、背景", BODY, "二、意义", BODY, "第二章 任务", "一、目标", BODY]
    )
    assert _sections(text) == [
        (2, "第一章 总体"),
        (3, "一、背景"),
        (3, "二、意义"),
        (2, "第二章 任务"),
        (3, "一、目标"),
    ]
