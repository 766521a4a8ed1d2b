"""How well highlights survive edits: random insert/delete/replace near, inside and away.

Usage: ``uv run python benchmarks/bench_anchoring.py [--trials N] [--seeds S ...]
[--path both|snapshot|context] [--no-write]``.
Reads the UTF-8 documents in ../shared/corpus when present (else generated text),
puts many highlights on each, applies a few random edits per trial, re-anchors
every highlight both ways ``open_document`` can (through a diff from the snapshot of
the old text, and from quote + context + old offset alone) and compares with where
the text really went. Writes its section of docs/benchmarks/store.md.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import diff_match_patch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.anchoring import reanchor_all, reanchor_with_old_text  # noqa: E402
from reader.core.annotation import Annotation, context_at  # noqa: E402

_dmp = diff_match_patch.diff_match_patch()

CORPUS = ROOT.parent / "shared" / "corpus"
REPORT = ROOT / "docs" / "benchmarks" / "store.md"
SECTION = "anchoring"

DUMP = bool(os.environ.get("BENCH_DUMP"))
DUMPED: list[tuple[Annotation, Annotation, str, tuple[int, int]]] = []
ORPHANS: list[tuple[Annotation, str, tuple[int, int]]] = []

RELATIONS = ("before", "after", "inside", "away")
OPS = ("insert", "delete", "replace")

#: What happened to a highlight's own characters, in the order the report lists them.
CLASSES = {
    "moved": "text not edited (moved by edits elsewhere)",
    "inside": "edited inside (first and last characters kept)",
    "edge": "edited at an edge (first or last characters lost), at least half kept",
    "mostly_gone": "less than half of its characters kept",
    "gone": "every character deleted or replaced",
}
#: Characters an edited highlight may cover beyond, or miss inside, the surviving part at
#: each edge: a character inserted next to it may equal the one it replaced.
EDGE_TOLERANCE = 1


@dataclass
class Tally:
    """Outcomes for one class of highlight."""

    total: int = 0
    correct: int = 0
    exact: int = 0
    orphaned: int = 0
    wrong: int = 0
    wrong_examples: list[str] = field(default_factory=list)


def load_texts(limit_chars: int) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.txt")):
            if path.name.count(".") > 1:  # encoded copies such as x.gb18030.txt
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            if len(text) >= 2000:
                texts.append((path.name, text[:limit_chars]))
    if not texts:
        rng = random.Random(1)
        chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年"
        paras = [
            "".join(rng.choice(chars) for _ in range(rng.randint(20, 200))) for _ in range(800)
        ]
        texts.append(("generated", "\n".join(paras)))
    return texts


def make_highlights(text: str, count: int, rng: random.Random) -> list[Annotation]:
    out: list[Annotation] = []
    while len(out) < count:
        start = rng.randrange(0, len(text) - 70)
        length = rng.choice((2, 4, 6, 8, 12, 20, 30, 60))
        end = start + length
        if "\n" in text[start:end] or not text[start:end].strip():
            continue
        quote, prefix, suffix = context_at(text, start, end)
        out.append(
            Annotation(
                id=len(out) + 1,
                start=start,
                end=end,
                quote=quote,
                prefix=prefix,
                suffix=suffix,
                color="yellow",
            )
        )
    return out


def random_edit(
    text: str, target: tuple[int, int], rng: random.Random
) -> tuple[int, int, str, str, str]:
    """(position, deleted length, inserted text, relation, op) aimed at ``target``."""
    s, e = target
    relation = rng.choice(RELATIONS)
    op = rng.choice(OPS)
    size = rng.randint(1, 12)
    if relation == "before":
        pos = max(0, s - rng.randint(0, 40))
    elif relation == "after":
        pos = min(len(text) - 1, e + rng.randint(0, 40))
    elif relation == "inside":
        if e - s < 8:
            relation = "before"
            pos = max(0, s - rng.randint(0, 40))
        else:
            pos = rng.randint(s + 1, e - 2)
            size = rng.randint(1, max(1, (e - s) // 8))
    else:
        pos = rng.randrange(0, len(text) - 20)
    deleted = 0 if op == "insert" else size
    if relation == "before" and pos + deleted > s:
        deleted = max(0, s - pos)
    if relation == "inside":
        deleted = min(deleted, e - pos - 1)
    inserted = ""
    if op != "delete":
        # Realistic inserted text: a piece of the same document (may duplicate quotes).
        src = rng.randrange(0, len(text) - size)
        inserted = text[src : src + size]
    return pos, deleted, inserted, relation, op


def edit_map(text: str, pos: int, deleted: int, inserted: str) -> dict[int, int]:
    """For a replacement, where each old character the new text keeps equal goes.

    The benchmark sees an edit as a diff tool shows it: replacing 处三年以下有 by
    上七年以下有 changes 处三 and keeps 年以下有 (a run of at least 2 equal characters),
    so a highlight on 年以下有 still has its text. Offsets are relative to ``pos``.
    """
    old = text[pos : pos + deleted]
    if not old or not inserted:
        return {}
    diffs = _dmp.diff_main(old, inserted, False)
    kept: dict[int, int] = {}
    oi = ni = 0
    for op, chunk in diffs:
        size = len(chunk)
        if op == 0:
            if size >= 2:
                kept.update({oi + k: ni + k for k in range(size)})
            oi += size
            ni += size
        elif op == -1:
            oi += size
        else:
            ni += size
    return kept


def slid(text: str, pos: int, deleted: int, inserted: str) -> list[tuple[int, str]]:
    """The edit as made, and a pure insertion or deletion slid fully left and right.

    Returns (position, inserted text) for each; each gives the same new text.
    """
    out = [(pos, inserted)]
    if deleted and not inserted:
        left = pos
        while left > 0 and text[left - 1] == text[left + deleted - 1]:
            left -= 1
        right = pos
        while right + deleted < len(text) and text[right] == text[right + deleted]:
            right += 1
        out += [(left, ""), (right, "")]
    elif inserted and not deleted:
        left, ins_l = pos, inserted
        while left > 0 and text[left - 1] == ins_l[-1]:
            left, ins_l = left - 1, ins_l[-1] + ins_l[:-1]
        right, ins_r = pos, inserted
        while right < len(text) and text[right] == ins_r[0]:
            right, ins_r = right + 1, ins_r[1:] + ins_r[0]
        out += [(left, ins_l), (right, ins_r)]
    else:
        out += [(pos, inserted), (pos, inserted)]
    return out


def apply_edit(
    where: list[int], pos: int, deleted: int, inserted: str, kept: dict[int, int]
) -> list[int]:
    """New offsets of a quote's original characters after one edit (-1: deleted/replaced)."""
    delta = len(inserted) - deleted
    out: list[int] = []
    for p in where:
        if p < 0 or p < pos:
            out.append(p)
        elif p >= pos + deleted:
            out.append(p + delta)
        else:
            q = kept.get(p - pos)
            out.append(-1 if q is None else pos + q)
    return out


def classify(where: list[int]) -> str:
    """Which CLASSES entry a highlight falls in, by which of its characters survived."""
    kept = [p for p in where if p >= 0]
    n = len(where)
    if not kept:
        return "gone"
    if len(kept) == n and kept[-1] - kept[0] == n - 1:
        return "moved"
    if 2 * len(kept) < n:
        return "mostly_gone"
    return "inside" if where[0] >= 0 and where[-1] >= 0 else "edge"


def same_text(text: str, quote: str, got: tuple[int, int], kept: list[int]) -> bool:
    """``got`` differs from the surviving span only by characters a diff could keep.

    Either the placed text is the quote itself, inside the surviving span, or what it
    misses at an edge is a repetition of what it covers there, and what it covers
    beyond the span equals the quote's own lost characters there (诉讼时效抗辩 ->
    诉讼抗辩: which 抗辩 survived no diff can tell).
    """
    if not kept:
        return False
    lo, hi = kept[0], kept[-1] + 1
    s, e = got
    if text[s:e] == quote and lo <= s and e <= hi:
        return True
    # What it misses at an edge repeats what it covers there (法院法院不持: which 法院 is
    # the quote's nobody can tell) ...
    if s > lo and text[lo:s] != text[s : s + (s - lo)]:
        return False
    if e < hi and text[e:hi] != text[e - (hi - e) : e]:
        return False
    # ... and what it covers beyond the span at an edge is the quote's own lost text.
    left, right = text[s:lo], text[hi:e]
    return quote.startswith(left) and quote.endswith(right)


def judge(got: tuple[int, int], kept: list[int], cls: str) -> tuple[bool, bool]:
    """(correct, exact): does ``got`` cover the surviving characters and nothing else?

    The right span runs from the first to the last surviving character of the old
    quote (text inserted between them belongs to it, text around them does not).
    """
    if not kept:
        return False, False
    lo, hi = kept[0], kept[-1] + 1
    tol = 0 if cls == "moved" else EDGE_TOLERANCE
    s, e = got
    extra_left = max(0, min(lo, e) - s)
    extra_right = max(0, e - max(hi, s))
    missed_left = sum(1 for p in kept if p < s)
    missed_right = sum(1 for p in kept if p >= e)
    # Missing a little of what survives is a smaller fault than covering foreign text.
    missed_tol = max(tol, len(kept) // 5) if tol else 0
    ok = max(extra_left, extra_right) <= tol and missed_left + missed_right <= missed_tol
    return ok, (s, e) == (lo, hi)


#: The two ways ``open_document`` re-anchors: through a diff from the stored snapshot of
#: the old text (the default) and from quote + context + old offset alone (no snapshot:
#: annotations imported from JSON, stores from before the snapshots).
PATHS = {
    "snapshot": "with the old text (diff old -> new; the default)",
    "context": "without the old text (quote + 32-character context + old offset)",
}


def run(
    trials: int, per_doc: int, edits: int, seeds: list[int], paths: list[str]
) -> dict[str, dict[str, object]]:
    results: dict[str, dict[str, object]] = {
        p: {"tallies": {c: Tally() for c in CLASSES}, "seconds": 0.0, "anchored": 0} for p in paths
    }
    texts = load_texts(120_000)
    for seed in seeds:
        rng = random.Random(seed)
        for name, original in texts:
            highlights = make_highlights(original, per_doc, rng)
            for _ in range(trials):
                text = original
                # Where each quote character went, under the edit as made and slid left
                # or right (deleting 院追認。如立法 from 立法院追認。如立法院 is the same change
                # as deleting 追認。如立法院: which 院 survived nobody can tell).
                views = [[list(range(a.start, a.end)) for a in highlights] for _ in range(3)]
                # The previous edit: text and views before it, position, deleted, inserted.
                prev: tuple[str, list[list[list[int]]], int, int, str] | None = None
                for _ in range(edits):
                    target = rng.randrange(len(highlights))
                    k = [p for p in views[0][target] if p >= 0]
                    if not k:
                        continue
                    pos, deleted, inserted, _rel, _op = random_edit(text, (k[0], k[-1] + 1), rng)
                    new_text = text[:pos] + inserted + text[pos + deleted :]
                    base, base_views, e_pos, e_del, e_ins = text, views, pos, deleted, inserted
                    if prev is not None and prev[2] <= pos <= pos + deleted <= prev[2] + len(
                        prev[4]
                    ):
                        # An edit within (or touching) what the previous one put there is one
                        # change to whoever compares the two versions: judged as one
                        # replacement (国人民代表大会 -> 济立法，完善宏, then 民代表大会 inserted
                        # before it, keeps 民代表大会 as a diff shows it).
                        off = pos - prev[2]
                        base, base_views, e_pos, e_del = prev[0], prev[1], prev[2], prev[3]
                        e_ins = prev[4][:off] + inserted + prev[4][off + deleted :]
                        assert base[:e_pos] + e_ins + base[e_pos + e_del :] == new_text
                    views = [
                        [
                            apply_edit(w, p, e_del, ins, edit_map(base, p, e_del, ins))
                            for w in base_views[v]
                        ]
                        for v, (p, ins) in enumerate(slid(base, e_pos, e_del, e_ins))
                    ]
                    prev = (base, base_views, e_pos, e_del, e_ins)
                    text = new_text
                for path in paths:
                    t0 = time.perf_counter()
                    if path == "snapshot":
                        out = reanchor_with_old_text(original, text, highlights).annotations
                    else:
                        out = reanchor_all(text, highlights).annotations
                    result = results[path]
                    result["seconds"] = float(str(result["seconds"])) + time.perf_counter() - t0
                    tallies = result["tallies"]
                    assert isinstance(tallies, dict)
                    judge_all(name, text, highlights, {b.id: b for b in out}, views, tallies)
                    result["anchored"] = int(str(result["anchored"])) + len(highlights)
    for result in results.values():
        result["docs"] = [n for n, _ in texts]
    return results


def judge_all(
    name: str,
    text: str,
    highlights: list[Annotation],
    placed: dict[int | None, Annotation],
    views: list[list[list[int]]],
    tallies: dict[str, Tally],
) -> None:
    """Count each placement of one trial as correct, orphaned or wrong."""
    for i, a in enumerate(highlights):
        b = placed[a.id]
        cls = classify(views[0][i])
        kept = [p for p in views[0][i] if p >= 0]
        tally = tallies[cls]
        tally.total += 1
        if b.orphaned:
            tally.orphaned += 1
            if DUMP and cls in ("inside", "edge"):
                ORPHANS.append((a, text, (kept[0], kept[-1] + 1)))
            continue
        got = (b.start, b.end)
        ok, exact = judge(got, kept, cls)
        for view in views[1:]:
            if not ok:
                alt = [p for p in view[i] if p >= 0]
                ok, exact = judge(got, alt, classify(view[i]))
        if not ok and cls != "moved":
            ok = any(
                same_text(text, a.quote, got, [p for p in view[i] if p >= 0]) for view in views
            )
        if ok:
            tally.correct += 1
            tally.exact += exact
            continue
        tally.wrong += 1
        if DUMP:
            DUMPED.append((a, b, text, (kept[0], kept[-1] + 1) if kept else (0, 0)))
        if len(tally.wrong_examples) < 5:
            want = text[kept[0] : kept[-1] + 1] if kept else "(nothing left)"
            tally.wrong_examples.append(
                f"{name}: quote {a.quote!r}, surviving {want!r}, "
                f"placed on {text[got[0] : got[1]]!r}"
            )


def pct(n: int, total: int) -> str:
    return f"{100.0 * n / total:.2f} %" if total else "n/a"


def table(result: dict[str, object]) -> tuple[list[str], dict[str, int]]:
    """The per-class table of one path and its totals."""
    tallies = result["tallies"]
    assert isinstance(tallies, dict)
    lines = [
        "| highlight's own text | count | re-anchored correctly | orphaned | on wrong text |",
        "|---|---:|---:|---:|---:|",
    ]
    for key, label in CLASSES.items():
        t = tallies[key]
        lines.append(
            f"| {label} | {t.total} | {pct(t.correct, t.total)} | {pct(t.orphaned, t.total)} "
            f"| {t.wrong} |"
        )
    totals = {
        "total": sum(t.total for t in tallies.values()),
        "correct": sum(t.correct for t in tallies.values()),
        "orphaned": sum(t.orphaned for t in tallies.values()),
        "wrong": sum(t.wrong for t in tallies.values()),
        "edited_exact": sum(t.exact for c, t in tallies.items() if c != "moved"),
        "edited_correct": sum(t.correct for c, t in tallies.items() if c != "moved"),
    }
    lines.append(
        f"| **all** | {totals['total']} | **{pct(totals['correct'], totals['total'])}** | "
        f"{pct(totals['orphaned'], totals['total'])} | **{totals['wrong']}** |"
    )
    return lines, totals


def report(
    results: dict[str, dict[str, object]], trials: int, per_doc: int, edits: int, seeds: list[int]
) -> str:
    docs = next(iter(results.values()))["docs"]
    assert isinstance(docs, list)
    date = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        f"<!-- section:{SECTION} -->",
        "## Re-anchoring after random edits (`benchmarks/bench_anchoring.py`)",
        "",
        f"{date}, 2-core Linux. {len(docs)} documents ({', '.join(docs)}; first 120,000 "
        f"characters each), {per_doc} highlights each (2–60 characters), {trials} trials per "
        f"document and seed (seeds {', '.join(map(str, seeds))}), {edits} random edits per "
        "trial (insert / delete / replace of 1–12 characters, taken from the same document, "
        "placed just before, just after, inside or away from a random highlight); every "
        "highlight re-anchored after each trial, once per way of re-anchoring.",
        "",
        "| re-anchoring | placements | correct | orphaned | wrong | time each |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    sections: list[str] = []
    for path, result in results.items():
        rows, totals = table(result)
        seconds = float(str(result["seconds"]))
        anchored = int(str(result["anchored"]))
        lines.append(
            f"| {PATHS[path]} | {totals['total']:,} | **{pct(totals['correct'], totals['total'])}**"
            f" | {pct(totals['orphaned'], totals['total'])} | **{totals['wrong']}** | "
            f"{1000 * seconds / max(1, anchored):.3f} ms |"
        )
        tallies = result["tallies"]
        assert isinstance(tallies, dict)
        examples = [x for t in tallies.values() for x in t.wrong_examples]
        sections += [
            "",
            f"### {PATHS[path][0].upper()}{PATHS[path][1:]}",
            "",
            *rows,
            "",
            f"Of the correct edited placements, {totals['edited_exact']} of "
            f"{totals['edited_correct']} match the span exactly. Speed: {anchored:,} "
            f"re-anchorings in {seconds:.1f} s"
            + (" (including one whole-text diff per trial)." if path == "snapshot" else "."),
        ]
        if examples:
            sections += ["", "Wrong placements seen:", ""] + [f"- `{x}`" for x in examples]
    lines += [
        "",
        "How a placement is judged: the benchmark follows every character of each quote "
        "through the edits. The right span runs from the first to the last character of the "
        "old quote still in the text (text inserted between them is part of the highlight, "
        "text around them is not). **Correct**: placed on exactly that span (offsets equal, "
        "for highlights whose text was not edited), or, for edited ones, covering at most "
        f"{EDGE_TOLERANCE} character beyond it at each edge and missing at most "
        f"{EDGE_TOLERANCE} character (or a fifth) of it. Edits are seen as a diff shows them: "
        "a replacement keeps the runs of 2+ characters it leaves equal, and a placement a "
        "different but equally small diff would give also counts (an insertion or deletion "
        "slid along repeated text, a repeated word at the edge such as 法院法院, edge text "
        "equal to the quote's own lost characters); an edit within or touching what the "
        "previous edit put there is judged together with it as one replacement, as a diff "
        "of the two versions shows them. **Wrong**: placed anywhere else, i.e. "
        "covering text that was never part of the quote or missing part of what survives by "
        "more than that; a highlight with nothing left that is placed anyway is wrong. "
        "**Orphaned**: not placed (kept with quote and note, shown as not found), the right "
        "outcome when most of the quote is gone. Goals: ≥ 99 % correct overall, 0 wrong.",
        *sections,
        "",
        f"<!-- /section:{SECTION} -->",
    ]
    return "\n".join(lines) + "\n"


def write_section(text: str, section: str) -> None:
    """Replace this script's section of docs/benchmarks/store.md (others are kept)."""
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    current = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Store benchmarks\n\n"
    begin, end = f"<!-- section:{section} -->", f"<!-- /section:{section} -->"
    if begin in current and end in current:
        head, rest = current.split(begin, 1)
        _, tail = rest.split(end, 1)
        current = head + text.rstrip("\n") + tail
    else:
        current = current.rstrip("\n") + "\n\n" + text
    REPORT.write_text(current, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--highlights", type=int, default=200)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--seeds", type=int, nargs="+", default=list(range(7, 23)))
    parser.add_argument(
        "--path", choices=("both", *PATHS), default="both", help="which re-anchoring to measure"
    )
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    paths = list(PATHS) if args.path == "both" else [args.path]
    results = run(args.trials, args.highlights, args.edits, args.seeds, paths)
    text = report(results, args.trials, args.highlights, args.edits, args.seeds)
    print(text)
    if not args.no_write:
        write_section(text, SECTION)
    return 0


if __name__ == "__main__":
    sys.exit(main())
