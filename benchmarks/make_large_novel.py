"""Generate a ~10 MB GB18030 novel with 1,000+ chapters, deterministically from a seed.

Usage: ``uv run python benchmarks/make_large_novel.py [--out FILE] [--seed N] [--mb 10]``.
The file goes to a temporary folder (never the repository); other benchmarks call
``large_novel_path()`` to get it, generated on first use.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

DEFAULT_SEED = 20241128
CHAPTERS_PER_VOLUME = 100
# Common characters, so the text looks like Chinese to the encoding detector.
POOL = (
    "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后"
    "能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分"
    "此心前面又定见只主没公从知己使工样长理员位问因体已现很但高实才等正外想开间山水风云城门马"
    "兵王师父老少夜月花雨江河路刀剑书信客店酒茶"
)
DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 12 -> 十二, 105 -> 一百零五, 1200 -> 一千二百."""
    if n < 10:
        return DIGITS[n]
    parts: list[str] = []
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        d, n = divmod(n, value)
        if d:
            parts.append(("" if (unit == "十" and d == 1 and not parts) else DIGITS[d]) + unit)
        elif parts and n and parts[-1] != "零":
            parts.append("零")
    if n:
        parts.append(DIGITS[n])
    return "".join(parts).rstrip("零")


def _sentence(rng: random.Random) -> str:
    return "".join(rng.choices(POOL, k=rng.randint(6, 24)))


def _paragraph(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(3, 12)):
        parts.append(_sentence(rng) + rng.choice("，，，。。；！？"))
    text = "".join(parts)
    if text[-1] not in "。！？":
        text = text[:-1] + "。"
    return "\u3000\u3000" + text


def make_novel(target_chars: int, seed: int = DEFAULT_SEED, chapters: int = 1200) -> str:
    """Text of a novel: title, author line, volumes of chapters of paragraphs."""
    rng = random.Random(seed)
    per_chapter = target_chars // chapters
    out: list[str] = ["长河落日", "作者：佚名", "", "楔子", _paragraph(rng), ""]
    for i in range(1, chapters + 1):
        if (i - 1) % CHAPTERS_PER_VOLUME == 0:
            out.append(
                f"第{chinese_number((i - 1) // CHAPTERS_PER_VOLUME + 1)}卷 {_sentence(rng)[:6]}"
            )
            out.append("")
        out.append(f"第{chinese_number(i)}章 {_sentence(rng)[: rng.randint(4, 12)]}")
        out.append("")
        size = 0
        while size < per_chapter:
            para = _paragraph(rng)
            out.append(para)
            size += len(para) + 1
        out.append("")
    out.append("后记")
    out.append(_paragraph(rng))
    return "\n".join(out) + "\n"


def large_novel_path(
    out: Path | None = None, seed: int = DEFAULT_SEED, megabytes: float = 10.0
) -> Path:
    """Path of the generated GB18030 novel, writing it first when missing."""
    path = out or Path(tempfile.gettempdir()) / "jingdu-bench" / f"novel-{seed}-{megabytes:g}mb.txt"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = make_novel(int(megabytes * 1024 * 1024 / 2), seed)  # 2 bytes per hanzi
        data = text.replace("\n", "\r\n").encode("gb18030")
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    """Write the novel and print where it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--mb", type=float, default=10.0)
    args = parser.parse_args(argv)
    path = large_novel_path(args.out, args.seed, args.mb)
    print(f"{path} ({path.stat().st_size / 1024 / 1024:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
