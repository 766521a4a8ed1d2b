"""Outline accuracy on the shared corpus and samples (ground truth in NAME.toc.json).

Run: ``uv run python benchmarks/outline_accuracy.py [-v] [--no-write]``. Reads
``../shared`` relative to the repository when present; prints a table per file and
totals, and puts them into docs/benchmarks/outline.md (section "Accuracy").
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.encoding import decode  # noqa: E402
from reader.core.outline import detect_outline  # noqa: E402

SHARED = ROOT.parent / "shared"
DOC = ROOT / "docs" / "benchmarks" / "outline.md"
DOC_HEAD = (
    "## Outline and encoding (H-outline)\n\n"
    "Written by `benchmarks/outline_accuracy.py` and `benchmarks/bench_outline.py`.\n"
)


def machine() -> str:
    """One line naming the machine and the date, for the benchmark docs."""
    cpus = platform.processor() or platform.machine()
    try:
        import os

        cores = os.cpu_count()
    except Exception:  # pragma: no cover - informative only
        cores = None
    return (
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.system()} "
        f"{platform.machine()} ({cpus}), {cores} cores, Python {platform.python_version()}"
    )


def write_section(name: str, body: str) -> None:
    """Replace the section ``name`` of docs/benchmarks/outline.md (markers keep the rest)."""
    DOC.parent.mkdir(parents=True, exist_ok=True)
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else DOC_HEAD
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in old and end in old:
        new = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, old, flags=re.S)
    else:
        new = old.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(new, encoding="utf-8")


@dataclass
class Score:
    """Counts for one file (or the total)."""

    name: str
    truth: int = 0
    found: int = 0
    matched: int = 0
    parent_ok: int = 0
    level_ok: int = 0
    title_ok: int = 0
    doc_title_ok: int = 0
    doc_title_n: int = 0
    art_truth: int = 0
    art_found: int = 0
    art_matched: int = 0
    art_title_ok: int = 0

    def add(self, other: Score) -> None:
        for key, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, key, getattr(self, key) + value)

    @staticmethod
    def f1(matched: int, truth: int, found: int) -> float:
        if truth == 0 and found == 0:
            return 1.0
        p = matched / found if found else 0.0
        r = matched / truth if truth else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> str:
        m = max(self.matched, 1)
        return (
            f"| {self.name} | {self.truth} | {self.found} | {self.matched} | "
            f"{self.f1(self.matched, self.truth, self.found):.3f} | "
            f"{self.parent_ok / m if self.matched else 1:.3f} | "
            f"{self.level_ok / m if self.matched else 1:.3f} | "
            f"{self.title_ok / m if self.matched else 1:.3f} | "
            f"{self.doc_title_ok}/{self.doc_title_n} | "
            f"{self.art_truth} | {self.art_found} | "
            f"{self.f1(self.art_matched, self.art_truth, self.art_found):.3f} | "
            f"{self.art_title_ok}/{self.art_matched} |"
        )


def _parents(items: list[tuple[int, int]]) -> dict[int, int]:
    """line -> line of the nearest earlier item with a lower level (0 = document)."""
    out: dict[int, int] = {}
    stack: list[tuple[int, int]] = []
    for level, line in items:
        while stack and stack[-1][0] >= level:
            stack.pop()
        out[line] = stack[-1][1] if stack else 0
        stack.append((level, line))
    return out


def score_file(path: Path, toc_path: Path, articles_path: Path | None, show: bool) -> Score:
    """Compare the detected outline of one file with its ground truth."""
    text = decode(path.read_bytes()).text
    outline = detect_outline(text)
    toc = json.loads(toc_path.read_text(encoding="utf-8"))
    s = Score(path.name)
    doc_titles = [t for t in toc if t.get("kind") == "doc_title"]
    if doc_titles:
        s.doc_title_n = 1
        s.doc_title_ok = int(outline.title == doc_titles[0]["title"].strip())
        if show and not s.doc_title_ok:
            print(f"  doc title: want {doc_titles[0]['title']!r} got {outline.title!r}")
    truth = [t for t in toc if t.get("kind") != "doc_title"]
    ours = [h for h in outline.headings if h.kind == "section"]
    s.truth, s.found = len(truth), len(ours)
    t_by_line = {t["line"]: t for t in truth}
    o_by_line = {h.line: h for h in ours}
    t_par = _parents([(t["level"], t["line"]) for t in truth])
    o_par = _parents([(h.level, h.line) for h in ours])
    for line, t in t_by_line.items():
        h = o_by_line.get(line)
        if h is None:
            if show:
                print(f"  missed  L{line} {t['title']!r}")
            continue
        s.matched += 1
        s.parent_ok += int(t_par[line] == o_par[line])
        s.level_ok += int(t["level"] == h.level)
        s.title_ok += int(t["title"].strip() == h.title)
        if show and t["title"].strip() != h.title:
            print(f"  title   L{line} want {t['title']!r} got {h.title!r}")
        if show and (t_par[line] != o_par[line] or t["level"] != h.level):
            print(f"  nesting L{line} level {h.level} (want {t['level']})")
    for line, h in o_by_line.items():
        if line not in t_by_line and show:
            print(f"  extra   L{line} {h.title!r} level {h.level}")
    arts = [h for h in outline.headings if h.kind == "article"]
    if articles_path is not None and articles_path.exists():
        truth_arts = [
            a
            for a in json.loads(articles_path.read_text(encoding="utf-8"))
            if a["title"].startswith("第")
        ]
    else:
        truth_arts = []
    s.art_truth, s.art_found = len(truth_arts), len(arts)
    a_by_line = {h.line: h for h in arts}
    for a in truth_arts:
        h = a_by_line.get(a["line"])
        if h is not None:
            s.art_matched += 1
            s.art_title_ok += int(h.title == a["title"])
            if show and h.title != a["title"]:
                print(f"  article title L{a['line']} want {a['title']!r} got {h.title!r}")
        elif show:
            print(f"  missed article L{a['line']} {a['title']!r}")
    truth_art_lines = {a["line"] for a in truth_arts}
    if show:
        for h in arts:
            if h.line not in truth_art_lines:
                print(f"  extra article L{h.line} {h.title!r}")
    return s


_FAMILY = {"gbk": "gb18030", "gb2312": "gb18030", "cp950": "big5", "utf-8-sig": "utf-8"}


def check_encodings(folders: list[Path]) -> tuple[str, int]:
    """Decode every file of each encodings.json; compare with the truth and the UTF-8 twin."""
    rows = [
        "| file | true encoding | detected | BOM | same text as twin | ms |",
        "|---|---|---|---|---|---|",
    ]
    wrong = 0
    for folder in folders:
        listing = folder / "encodings.json"
        if not listing.exists():
            continue
        for name, info in json.loads(listing.read_text(encoding="utf-8")).items():
            data = (folder / name).read_bytes()
            start = time.perf_counter()
            got = decode(data)
            ms = (time.perf_counter() - start) * 1000
            want = _FAMILY.get(info["encoding"], info["encoding"])
            ok = _FAMILY.get(got.encoding, got.encoding) == want and got.bom == info["bom"]
            twin = info.get("same_text_as")
            same = "—"
            if twin:
                same_ok = got.text == decode((folder / twin).read_bytes()).text
                same = "yes" if same_ok else "**NO**"
                ok = ok and same_ok
            wrong += not ok
            rows.append(
                f"| {name} | {info['encoding']} | {got.encoding}{'' if ok else ' **WRONG**'} "
                f"| {got.bom} | {same} | {ms:.1f} |"
            )
    return "\n".join(rows), wrong


HEADER = (
    "| file | truth | found | matched | heading F1 | parent | level | title | doc title "
    "| articles | found | article F1 | article titles |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def main(argv: list[str] | None = None) -> int:
    """Score every file with a toc in the corpus and samples; optionally write the doc."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--no-write", action="store_true", help="do not touch the docs")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every difference")
    args = parser.parse_args(argv)
    folders = [args.shared / "corpus", args.shared / "samples"]
    if not all(f.is_dir() for f in folders):
        print(f"no corpus at {args.shared}: nothing to measure", file=sys.stderr)
        return 0
    total = Score("**total**")
    rows: list[str] = []
    for folder in folders:
        for toc_path in sorted(folder.glob("*.toc.json")):
            stem = toc_path.name[: -len(".toc.json")]
            path = folder / f"{stem}.txt"
            if args.verbose:
                print(path.name)
            s = score_file(path, toc_path, folder / f"{stem}.articles.json", args.verbose)
            total.add(s)
            rows.append(s.row())
    table = "\n".join([HEADER, *rows, total.row()])
    enc_table, wrong = check_encodings(folders)
    print(enc_table)
    print(f"\nencodings: {wrong} wrong\n")
    print(table)
    f1 = Score.f1(total.matched, total.truth, total.found)
    m = max(total.matched, 1)
    summary = (
        f"heading F1 {f1:.3f} (goal 0.97), parent {total.parent_ok / m:.3f} (0.95), "
        f"title {total.title_ok / m:.3f} (0.95), "
        f"article F1 {Score.f1(total.art_matched, total.art_truth, total.art_found):.3f}"
    )
    print("\n" + summary)
    if not args.no_write:
        write_section(
            "accuracy",
            "### Outline accuracy on ../shared/corpus + samples\n\n"
            f"{machine()}. Ground truth: `NAME.toc.json` (sections, level 1 = title) and "
            "`NAME.articles.json` (第X条 articles only; numbered provisions are not "
            "headings). Points (一是…) are not in the ground truth and are not scored. "
            "Parent = the nearest earlier heading of a lower level is the same line.\n\n"
            f"{table}\n\n**{summary}**\n\n"
            "### Encoding detection on every file of the encodings.json lists\n\n"
            f"{enc_table}\n\n**{wrong} wrong** (GBK/GB2312 count as GB18030, CP950 as Big5).\n",
        )
    below_goal = f1 < 0.97 or total.parent_ok / m < 0.95 or total.title_ok / m < 0.95
    if below_goal:
        print("outline accuracy is below its goal", file=sys.stderr)
    return 1 if wrong or below_goal else 0


if __name__ == "__main__":
    sys.exit(main())
