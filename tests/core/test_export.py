"""W3C Web Annotation JSON and Markdown export; parsing and planning imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.annotation import make_annotation
from reader.core.document import Document, Heading
from reader.core.export import (
    AnnotationFormatError,
    parse_annotations,
    plan_import,
    to_json,
    to_markdown,
    to_w3c,
)

TEXT = (
    "学习材料\n一、总体要求\n坚持以人民为中心的发展思想。\n"
    "二、重点任务\n加强基层组织建设，提高治理能力。\n"
)


def _doc(text: str = TEXT) -> Document:
    heads = [
        Heading(2, t, text[: text.index(t)].count("\n") + 1, text.index(t))
        for t in ("一、总体要求", "二、重点任务")
        if t in text
    ]
    return Document(text=text, headings=heads, title="学习材料", path=Path("/tmp/学习材料.txt"))


def _anns(doc: Document):  # type: ignore[no-untyped-def]
    t = doc.text
    s1, s2, s3 = t.index("人民"), t.index("基层组织"), t.index("提高")
    return [
        make_annotation(doc, "highlight", s1, s1 + 2, color="green"),
        make_annotation(doc, "highlight", s2, s2 + 4, note="重点看"),
        make_annotation(doc, "bookmark", s3, s3),
    ]


def test_json_has_w3c_fields() -> None:
    doc = _doc()
    data = json.loads(to_json(doc, _anns(doc)))
    ctx = data["@context"]
    assert ctx[0] == "http://www.w3.org/ns/anno.jsonld"
    assert ctx[1]["jingdu"].startswith("https://")
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    items = data["first"]["items"]
    assert data["first"]["type"] == "AnnotationPage"
    assert [i["motivation"] for i in items] == ["highlighting", "commenting", "bookmarking"]
    for item in items:
        assert item["type"] == "Annotation"
        assert item["id"].startswith("urn:uuid:")
        assert item["created"].endswith("Z") and "T" in item["created"]
        target = item["target"]
        assert target["source"] == "file:///tmp/%E5%AD%A6%E4%B9%A0%E6%9D%90%E6%96%99.txt"
        types = [s["type"] for s in target["selector"]]
        assert types == ["TextQuoteSelector", "TextPositionSelector"]
        quote, pos = target["selector"]
        assert set(quote) == {"type", "exact", "prefix", "suffix"}
        assert doc.text[pos["start"] : pos["end"]] == quote["exact"]
    assert items[0]["jingdu:color"] == "green"
    assert items[1]["body"] == {"type": "TextualBody", "value": "重点看", "format": "text/plain"}
    assert items[2]["jingdu:label"].startswith("二、重点任务")


def test_round_trip_is_lossless() -> None:
    doc = _doc()
    first = to_json(doc, _anns(doc))
    parsed = parse_annotations(first)
    assert to_json(doc, parsed) == first


def test_plain_list_and_single_annotation_are_accepted() -> None:
    doc = _doc()
    items = to_w3c(doc, _anns(doc))["first"]["items"]
    assert len(parse_annotations(json.dumps(items))) == 3
    assert len(parse_annotations(json.dumps(items[0]))) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"type": "Annotation", ', "line 1, column"),
        ("[1]", "item 1: expected an object"),
        ('[{"type": "Annotation", "target": {"source": "x"}}]', "item 1: target.selector"),
        ('{"type": "Nope"}', "not AnnotationCollection"),
        (
            '[{"type": "Annotation", "target": {"selector": '
            '{"type": "TextPositionSelector", "start": "a", "end": 3}}}]',
            "start must be an integer",
        ),
    ],
)
def test_bad_input_says_where(text: str, message: str) -> None:
    with pytest.raises(AnnotationFormatError, match=message):
        parse_annotations(text, "notes.json")


def test_import_skips_known_and_reanchors_by_quote() -> None:
    doc = _doc()
    anns = _anns(doc)
    incoming = parse_annotations(to_json(doc, anns))
    plan = plan_import(doc, incoming, {anns[0].uuid})
    assert plan.already_present == 1 and len(plan.new) == 2
    edited = _doc("新的前言段落。\n" + TEXT)
    plan = plan_import(edited, incoming, set())
    assert plan.reanchored == 3 and plan.orphaned == 0
    h = plan.new[1]
    assert edited.text[h.start : h.end] == "基层组织"


def test_import_of_foreign_annotation_without_colour() -> None:
    item = {
        "type": "Annotation",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "人民"}},
    }
    [a] = parse_annotations(json.dumps(item))
    plan = plan_import(_doc(), [a], set())
    [b] = plan.new
    assert b.color == "yellow" and TEXT[b.start : b.end] == "人民"


def test_markdown_groups_under_sections() -> None:
    doc = _doc()
    md = to_markdown(doc, _anns(doc))
    assert md.startswith("# 《学习材料》")
    one, two = md.index("## 一、总体要求"), md.index("## 二、重点任务")
    assert one < md.index("> 人民") < two < md.index("> 基层组织") < md.index("重点看")
    assert "#green" in md
    assert "## Bookmarks" in md and "🔖 二、重点任务" in md
