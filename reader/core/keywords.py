"""Top keywords of a text by TF-IDF over jieba words (jieba's bundled IDF table).

Segmentation goes through our private Segmenter; jieba's global tokenizer (and
its cache in the system temp folder) is never touched, which is why we read the
IDF table ourselves instead of importing ``jieba.analyse``.
"""

from __future__ import annotations

import threading
import unicodedata
from collections import Counter
from pathlib import Path

from reader.core.segment import Segmenter, default_segmenter

#: Longer texts are sampled (evenly spread slices) so a whole novel takes a
#: couple of seconds rather than twenty: jieba cuts ~300 k characters a second.
MAX_CHARS = 600_000
_SLICE = 20_000

_IDF: tuple[dict[str, float], float] | None = None
_IDF_LOCK = threading.Lock()


def _idf() -> tuple[dict[str, float], float]:
    global _IDF
    with _IDF_LOCK:
        if _IDF is None:
            import jieba

            path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
            table: dict[str, float] = {}
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    word, _, value = line.strip().partition(" ")
                    try:
                        table[word] = float(value)
                    except ValueError:
                        continue
            values = sorted(table.values())
            _IDF = (table, values[len(values) // 2] if values else 10.0)
        return _IDF


def _is_keyword(word: str) -> bool:
    """Two or more characters, at least one a letter, none punctuation or space."""
    if len(word) < 2:
        return False
    has_letter = False
    for ch in word:
        category = unicodedata.category(ch)
        if category[0] in "PSZC":
            return False
        if category[0] == "L":
            has_letter = True
    return has_letter


def _sample(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    count = max_chars // _SLICE
    step = len(text) // count
    return "\n".join(text[i * step : i * step + _SLICE] for i in range(count))


def top_keywords(
    text: str,
    k: int = 20,
    segmenter: Segmenter | None = None,
    *,
    max_chars: int = MAX_CHARS,
) -> list[tuple[str, float]]:
    """The ``k`` most characteristic words of ``text`` with their TF-IDF weight, best first.

    Single characters, numbers and punctuation are left out; words the user
    added to the dictionary count whole. Slow for long texts: call from a worker.
    """
    if k <= 0 or not text.strip():
        return []
    seg = segmenter or default_segmenter()
    counts = Counter(w for w in seg.cut(_sample(text, max_chars)) if _is_keyword(w))
    if not counts:
        return []
    idf, median = _idf()
    total = sum(counts.values())
    scored = [(word, n / total * idf.get(word, median)) for word, n in counts.items()]
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:k]
