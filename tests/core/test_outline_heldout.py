"""Outline patterns of real documents not in the shared corpus, and the list traps beside them.

Each document is written here in the style of its genre (a 发展计划 report, a 讲话,
a web novel, a 民法典-style code, a notice, a regulation); none is read from disk.
"""

from __future__ import annotations

from itertools import pairwise

from reader.core.outline import detect_outline


def _tree(text: str) -> list[tuple[int, str]]:
    """(level, title) of every heading, points included, in document order."""
    return [(h.level, h.title) for h in detect_outline(text).headings]


def _consecutive(text: str) -> bool:
    """Whether every heading is at most one level below the heading before it."""
    levels = [2] + [h.level for h in detect_outline(text).headings]
    return all(b <= a + 1 for a, b in pairwise(levels))


BODY = "这是一段正文，内容较长，用来说明本部分的具体情况和主要做法，确保各项工作落到实处。"

REPORT = "\n".join(
    [
        "关于2024年全省国民经济和社会发展计划执行情况的报告",
        "——2025年1月15日在省十四届人民代表大会第三次会议上",
        "省发展和改革委员会",
        "各位代表：",
        "受省人民政府委托，现将计划执行情况报告如下，请予审议。",
        "一、2024年计划执行情况",
        "过去一年，全省上下攻坚克难，经济社会发展主要目标任务较好完成。",
        "（一）经济运行总体平稳，质量效益稳步提升。",
        "1.工业生产较快增长。规模以上工业增加值增长7%，制造业投资增长9%。",
        "2.服务业持续恢复。全年服务业增加值增长5.5%，对经济增长的贡献提高。",
        "（二）改革创新纵深推进，发展动能加快转换。",
        "全年研发投入强度提高0.1个百分点。主要做了以下工作：一是深化重点领域改革，"
        "完成省属企业整合。二是加快建设创新平台，新增省实验室3家。三是优化营商环境。",
        "（三）民生保障有力有效。",
        "（1）就业形势总体稳定。",
        "（2）社会保障水平持续提高。",
        "二、2025年经济社会发展的主要目标",
        "（一）总体要求",
        BODY,
        "（二）主要目标",
        "地区生产总值增长5.5%左右；城镇调查失业率5.5%以内。",
        "三、2025年的重点任务",
        "（一）全力扩大有效需求。",
        "1.大力提振居民消费。",
        "2.积极扩大有效投资。",
        "（二）加快构建现代化产业体系。",
        BODY,
    ]
)


def test_report_headings_written_as_sentences() -> None:
    assert _tree(REPORT) == [
        (2, "一、2024年计划执行情况"),
        (3, "（一）经济运行总体平稳，质量效益稳步提升"),
        (4, "1.工业生产较快增长"),
        (4, "2.服务业持续恢复"),
        (3, "（二）改革创新纵深推进，发展动能加快转换"),
        (4, "一是深化重点领域改革"),
        (4, "二是加快建设创新平台"),
        (4, "三是优化营商环境"),
        (3, "（三）民生保障有力有效"),
        (4, "（1）就业形势总体稳定"),
        (4, "（2）社会保障水平持续提高"),
        (2, "二、2025年经济社会发展的主要目标"),
        (3, "（一）总体要求"),
        (3, "（二）主要目标"),
        (2, "三、2025年的重点任务"),
        (3, "（一）全力扩大有效需求"),
        (4, "1.大力提振居民消费"),
        (4, "2.积极扩大有效投资"),
        (3, "（二）加快构建现代化产业体系"),
    ]


def test_sentence_heading_kinds_and_run_in_flags() -> None:
    outline = detect_outline(REPORT)
    by_title = {h.title: h for h in outline.headings}
    sentence = by_title["（一）经济运行总体平稳，质量效益稳步提升"]
    assert (sentence.kind, sentence.run_in) == ("section", False)
    run_in = by_title["1.工业生产较快增长"]
    assert (run_in.kind, run_in.run_in) == ("section", True)
    assert REPORT[run_in.offset : run_in.offset + 4] == "1.工业"
    assert outline.title == "关于2024年全省国民经济和社会发展计划执行情况的报告"


SPEECH = "\n".join(
    [
        "在全县农村工作会议上的讲话",
        "（2025年2月10日）",
        "李四",
        "同志们：",
        "今天召开会议，主要任务是部署今年农村工作。下面，我讲三个问题。",
        "一、认清形势，增强做好农村工作的责任感",
        BODY,
        "（一）农业生产再获丰收。全县粮食总产稳定在30万吨以上。",
        "（二）农民收入较快增长。农村居民人均可支配收入增长7%。",
        "二、突出重点，扎实推进乡村全面振兴",
        "第一，要稳住粮食生产。这是必须守住的底线，任何时候都不能放松。",
        "第二，要发展特色产业。各乡镇要立足资源禀赋，做好土特产文章。",
        "第三，要改善人居环境。持续推进农村厕所革命和生活垃圾治理。",
        "三、加强领导，确保各项任务落到实处",
        "1、压实工作责任。",
        "各级党委要把农村工作摆上重要位置，主要负责同志亲自抓。",
        "2、强化要素保障。",
        "财政投入要向农村倾斜，确保投入只增不减。",
        "同志们，任务艰巨，使命光荣。让我们真抓实干，奋力谱写乡村振兴新篇章！",
    ]
)


def test_speech_sentence_headings_followed_by_body() -> None:
    headings = detect_outline(SPEECH).headings
    sections = [(h.level, h.title) for h in headings if h.kind == "section"]
    assert sections == [
        (2, "一、认清形势，增强做好农村工作的责任感"),
        (3, "（一）农业生产再获丰收"),
        (3, "（二）农民收入较快增长"),
        (2, "二、突出重点，扎实推进乡村全面振兴"),
        (2, "三、加强领导，确保各项任务落到实处"),
        (3, "1、压实工作责任"),
        (3, "2、强化要素保障"),
    ]


def test_speech_ordinal_paragraphs_are_points() -> None:
    headings = detect_outline(SPEECH).headings
    points = [(h.level, h.title, h.kind, h.run_in) for h in headings if h.kind == "point"]
    assert points == [
        (3, "第一，要稳住粮食生产", "point", True),
        (3, "第二，要发展特色产业", "point", True),
        (3, "第三，要改善人居环境", "point", True),
    ]
    second = next(h for h in headings if h.title.startswith("第二，"))
    assert SPEECH[second.offset : second.offset + 3] == "第二，"


def test_lone_or_out_of_order_ordinals_are_not_points() -> None:
    text = "\n".join(
        [
            "一篇文章",
            "一、第一部分",
            "第一，这只是一句话，后面没有第二。",
            BODY,
            "二、第二部分",
            "第二，这一句前面没有第一。",
            "第三，这一句也不算。",
        ]
    )
    assert [h for h in detect_outline(text).headings if h.kind == "point"] == []


NOVEL = "\n".join(
    [
        "星河剑尊",
        "作者：某某",
        "内容简介：",
        "少年持剑，踏破星河。",
        "第一卷 少年出山",
        "第1章 下山",
        "“师父，我走了。”",
        BODY,
        "第2章 初入江湖",
        BODY,
        "第二卷 风云再起",
        "第3章 故人",
        BODY,
    ]
)


def test_web_novel_volumes_and_chapters() -> None:
    outline = detect_outline(NOVEL)
    assert outline.title == "星河剑尊"
    assert _tree(NOVEL) == [
        (2, "第一卷 少年出山"),
        (3, "第1章 下山"),
        (3, "第2章 初入江湖"),
        (2, "第二卷 风云再起"),
        (3, "第3章 故人"),
    ]


CODE = "\n".join(
    [
        "中华人民共和国示范法典",
        "（2024年3月1日第十四届全国人民代表大会第二次会议通过）",
        "第一编 总则",
        "第一章 基本规定",
        "第一条 为了规范示范行为，制定本法。",
        "第二条 本法调整平等主体之间的示范关系。",
        "第二章 主体",
        "第一节 一般规定",
        "第三条 主体依法享有权利，承担义务。",
        "第二节 监护",
        "第四条 有下列情形之一的，可以申请指定监护人：",
        "（一）未成年人；",
        "（二）无民事行为能力人。",
        "第二编 物权",
        "第一分编 通则",
        "第一章 一般规定",
        "第五条 本编调整因物的归属和利用产生的关系。",
        "第二分编 所有权",
        "第二章 一般规定",
        "第六条 所有权人依法享有占有、使用、收益和处分的权利。",
        "附则",
        "第七条 本法自2025年1月1日起施行。",
    ]
)


def test_code_with_sub_parts_has_consecutive_levels() -> None:
    outline = detect_outline(CODE)
    assert [(h.level, h.title) for h in outline.headings if h.kind == "section"] == [
        (2, "第一编 总则"),
        (3, "第一章 基本规定"),
        (3, "第二章 主体"),
        (4, "第一节 一般规定"),
        (4, "第二节 监护"),
        (2, "第二编 物权"),
        (3, "第一分编 通则"),
        (4, "第一章 一般规定"),
        (3, "第二分编 所有权"),
        (4, "第二章 一般规定"),
        (2, "附则"),
    ]
    articles = [(h.level, h.title) for h in outline.headings if h.kind == "article"]
    assert articles == [
        (4, "第一条"),  # straight under a 章 at level 3: one deeper, no gap
        (4, "第二条"),
        (5, "第三条"),  # under a 节
        (5, "第四条"),
        (5, "第五条"),  # under 编 › 分编 › 章
        (5, "第六条"),
        (3, "第七条"),  # under 附则
    ]
    assert _consecutive(CODE)


def test_official_levels_skipping_a_kind_stay_consecutive() -> None:
    # （1） straight under 一、 in one section, under （一） › 1. in another.
    text = "\n".join(
        [
            "工作方案",
            "一、目标",
            "（1）提高效率",
            BODY,
            "（2）降低成本",
            BODY,
            "二、措施",
            "（一）组织保障",
            "1.建立机制",
            "（1）明确分工",
            BODY,
        ]
    )
    assert _tree(text) == [
        (2, "一、目标"),
        (3, "（1）提高效率"),
        (3, "（2）降低成本"),
        (2, "二、措施"),
        (3, "（一）组织保障"),
        (4, "1.建立机制"),
        (5, "（1）明确分工"),
    ]


# --- traps: numbered lines that are lists, not headings -------------------------------


def test_colon_introduced_items_ending_in_full_stop_are_a_list() -> None:
    text = "\n".join(
        [
            "办事指南",
            "一、申请材料",
            "申请人应当提交下列材料：",
            "1.申请书。",
            "2.身份证明。",
            "3.营业执照复印件。",
            BODY,
            "二、办理流程",
            BODY,
        ]
    )
    assert _tree(text) == [(2, "一、申请材料"), (2, "二、办理流程")]


def test_items_beside_siblings_ending_in_semicolons_are_a_list() -> None:
    text = "\n".join(
        [
            "工作要点",
            "一、重点工作",
            BODY,
            "（一）加强组织领导。",
            "（二）完善工作机制；",
            "（三）强化督促检查。",
            BODY,
            "二、保障措施",
            BODY,
        ]
    )
    assert _tree(text) == [(2, "一、重点工作"), (2, "二、保障措施")]


def test_items_inside_an_article_are_not_headings() -> None:
    text = "\n".join(
        [
            "某某条例",
            "第一章 总则",
            "第一条 有下列情形之一的，可以申请复核：",
            "（一）对认定结果有异议。",
            "第二条 申请复核应当提交书面材料。",
            "第二章 附则",
            "第三条 有下列行为之一的，予以处罚：",
            "（一）拒不配合检查。",
            "（二）提供虚假材料。",
            "第四条 本条例自公布之日起施行。",
        ]
    )
    outline = detect_outline(text)
    assert [h.title for h in outline.headings if h.kind == "section"] == [
        "第一章 总则",
        "第二章 附则",
    ]


def test_many_bare_provisions_under_a_heading_are_a_list() -> None:
    text = "\n".join(
        [
            "某某管理办法",
            "一、总则",
            "（一）本办法适用于全市机关。",
            "（二）财政部门负责组织实施。",
            "（三）各单位应当建立台账。",
            "（四）台账应当每年更新。",
            "（五）资料应当妥善保管。",
            "（六）本办法由财政局解释。",
            "二、附则",
            BODY,
        ]
    )
    assert _tree(text) == [(2, "一、总则"), (2, "二、附则")]


def test_numbered_sentences_after_body_text_are_a_list() -> None:
    text = "\n".join(
        [
            "会议纪要",
            BODY,
            "会议议定以下事项。",
            "1.加快项目建设进度。",
            "2.做好资金保障工作。",
            BODY,
        ]
    )
    assert _tree(text) == []


def test_long_sentence_and_out_of_sequence_lines_are_body() -> None:
    text = "\n".join(
        [
            "情况通报",
            "一、基本情况",
            BODY,
            "（二）这一行没有前一项，虽然很短。",
            BODY,
            "（一）这是一个很长的句子，描述了很多具体的情况，包括时间、地点、人物和经过，所以是正文。",
            BODY,
            "二、下一步工作",
            "3.这一行跳号了。",
            BODY,
        ]
    )
    assert _tree(text) == [(2, "一、基本情况"), (2, "二、下一步工作")]


def test_counting_line_is_not_a_heading() -> None:
    text = "\n".join(["第一章 游戏", "一、二、三，木头人。", BODY, "第二章 回家", BODY])
    assert _tree(text) == [(2, "第一章 游戏"), (2, "第二章 回家")]


def test_very_short_run_in_titles_still_count() -> None:
    text = "\n".join(
        [
            "使用说明",
            "一、界面",
            "（一）目录树。窗口左侧是目录树，显示识别出的各级标题。",
            "（二）主题。可以选择明亮、护眼或深色主题，随时切换。",
        ]
    )
    assert _tree(text) == [(2, "一、界面"), (3, "（一）目录树"), (3, "（二）主题")]
