"""Find text in one document: width/case-insensitive substrings, regex, jieba whole words.

Offsets are character offsets into the document text (folding never changes
the length, see ``reader.core.normalize``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, NamedTuple

from reader.core.normalize import fold, fold_char, has_variants, variants_map

if TYPE_CHECKING:
    from reader.core.segment import Segmenter

#: Characters a snippet stops at: a snippet never runs into the next paragraph.
_LINE_BREAK = "\n"


class SearchError(ValueError):
    """The query cannot be searched (an invalid regular expression); says why.

    ``reason`` is what is wrong with the pattern (Python's words plus the position),
    so a translated interface can put its own sentence around it.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"Invalid regular expression: {reason}")
        self.reason = reason


@dataclass(frozen=True)
class SearchOptions:
    """How a query matches: as a regular expression, whole jieba words only, exact case."""

    regex: bool = False
    whole_word: bool = False
    case_sensitive: bool = False


class Hit(NamedTuple):
    """One match ``text[start:end]``.

    ``whole_word`` says whether the match falls on jieba word boundaries; it is
    ``None`` when it was not computed (plain searches skip it to stay fast; see
    :func:`classify_hits`). A named tuple: a common character has 100,000 hits
    in a long novel and tuples are several times cheaper to make than objects.
    """

    start: int
    end: int
    whole_word: bool | None = None


# -- query preparation -----------------------------------------------------------


def compile_query(query: str, options: SearchOptions) -> re.Pattern[str] | None:
    """The regex a query runs as, or None when a plain substring search is enough.

    Raises SearchError for an invalid regular expression.
    """
    if options.regex:
        return compile_regex(query, options)
    folded = fold(query, case_sensitive=options.case_sensitive)
    if not has_variants(folded, case_sensitive=options.case_sensitive):
        return None
    variants = variants_map(options.case_sensitive)
    # The query has letters or punctuation with other forms (a/A/ａ/Ａ, ,/，):
    # match any of them on the original text, no need to fold the document.
    parts = []
    for ch in folded:
        forms = variants.get(ch)
        parts.append("[" + re.escape(forms) + "]" if forms else re.escape(ch))
    return re.compile("".join(parts))


def compile_regex(pattern: str, options: SearchOptions) -> re.Pattern[str]:
    """Compile a user's regular expression for the width-folded text."""
    # Full-width characters in the pattern are literals (（ is not a group), so
    # fold them to their ASCII form escaped: （一） matches (一) and （一）.
    pieces = []
    for ch in pattern:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E or code == 0x3000:
            pieces.append(re.escape(fold_char(ch, case_sensitive=True)))
        else:
            pieces.append(ch)
    flags = 0 if options.case_sensitive else re.IGNORECASE
    try:
        return re.compile("".join(pieces), flags)
    except re.error as exc:
        where = f" at position {exc.pos + 1}" if exc.pos is not None else ""
        raise SearchError(f"{exc.msg}{where}") from exc
    except (OverflowError, RecursionError, ValueError) as exc:
        raise SearchError(str(exc)) from exc


# -- finding -----------------------------------------------------------------------


#: Builds a Hit without going through its Python-level ``__new__``: a common
#: query has tens of thousands of hits, and this is several times cheaper.
_new_tuple = tuple.__new__
_NO_FLAG = (None,)


def _find_plain(text: str, needle: str, limit: int | None) -> list[Hit]:
    # A literal pattern runs the same fast substring search as str.find, but
    # the loop over matches stays in C (measured ~1.5x faster than a find loop).
    # Non-overlapping, like a find bar: 啊啊 in 啊啊啊 is one hit.
    matches: Iterator[re.Match[str]] = re.compile(re.escape(needle)).finditer(text)
    if limit is not None:
        matches = islice(matches, limit)
    return [_new_tuple(Hit, m.span() + _NO_FLAG) for m in matches]


def _find_regex(text: str, pattern: re.Pattern[str], limit: int | None) -> list[Hit]:
    # A pattern like "a*" matches nothing everywhere: skip empty matches.
    matches: Iterator[tuple[int, int]] = (
        span for span in map(re.Match.span, pattern.finditer(text)) if span[0] != span[1]
    )
    if limit is not None:
        matches = islice(matches, limit)
    return [_new_tuple(Hit, span + _NO_FLAG) for span in matches]


def _hits(
    text: str,
    query: str,
    options: SearchOptions,
    limit: int | None,
    folded: dict[bool, str] | None,
) -> list[Hit]:
    """Every hit (``whole_word`` not computed), at most ``limit``."""
    if not query:
        return []
    if options.regex:
        regex = compile_regex(query, options)
        # Regexes run on width-folded text (case via IGNORECASE) so that \d, [A-Z]
        # and literals also see full-width forms.
        haystack = _folded(text, True, folded)
        return _find_regex(haystack, regex, limit)
    needle = fold(query, case_sensitive=options.case_sensitive)
    pattern = compile_query(query, options)
    if pattern is None:
        # No character of the query has other forms, so the original text can be
        # searched as it is: the usual case for Chinese queries, and the fastest.
        return _find_plain(text, needle, limit)
    if folded is not None:
        return _find_plain(_folded(text, options.case_sensitive, folded), needle, limit)
    return _find_regex(text, pattern, limit)


def _folded(text: str, case_sensitive: bool, cache: dict[bool, str] | None) -> str:
    if cache is None:
        return fold_in_slices(text, case_sensitive)  # type: ignore[return-value]
    if case_sensitive not in cache:
        cache[case_sensitive] = fold_in_slices(text, case_sensitive)  # type: ignore[assignment]
    return cache[case_sensitive]


def fold_in_slices(
    text: str, case_sensitive: bool, cancelled: Callable[[], bool] | None = None
) -> str | None:
    """``fold(text)`` built FOLD_SLICE characters at a time; None if ``cancelled()``.

    One ``fold()`` of 5 M characters is a single C call that holds the GIL for
    ~0.2 s, which freezes a UI thread even when a worker makes it; slices let
    other threads run in between. Without ``cancelled`` it never returns None.
    """
    parts: list[str] = []
    for i in range(0, len(text), FOLD_SLICE):
        if cancelled is not None and cancelled():
            return None
        parts.append(fold(text[i : i + FOLD_SLICE], case_sensitive=case_sensitive))
    return "".join(parts)


def find_all(
    text: str,
    query: str,
    options: SearchOptions | None = None,
    *,
    limit: int | None = None,
    segmenter: Segmenter | None = None,
    classify: bool = False,
) -> list[Hit]:
    """Every hit of ``query`` in ``text``, in document order.

    Plain queries ignore Latin case and full-/half-width differences. With
    ``options.whole_word`` only hits on jieba word boundaries are kept (loads
    jieba: call from a worker thread unless ``segmenter.is_loaded``). With
    ``classify`` every hit gets its ``whole_word`` flag. An empty query finds
    nothing; an invalid regex raises SearchError.
    """
    return _find(text, query, options or SearchOptions(), limit, segmenter, classify, None)


def _find(
    text: str,
    query: str,
    options: SearchOptions,
    limit: int | None,
    segmenter: Segmenter | None,
    classify: bool,
    folded: dict[bool, str] | None,
) -> list[Hit]:
    if options.whole_word:
        found = _hits(text, query, options, None, folded)
        if not found:
            return found
        seg = _segmenter(segmenter)
        hits: list[Hit] = []
        # Filter in batches so a limit stops early without checking every hit.
        step = len(found) if limit is None else max(512, 2 * limit)
        for i in range(0, len(found), step):
            batch = found[i : i + step]
            flags = seg.whole_word_flags(text, batch)
            hits.extend(
                _new_tuple(Hit, (h[0], h[1], True)) for h, f in zip(batch, flags, strict=True) if f
            )
            if limit is not None and len(hits) >= limit:
                return hits[:limit]
        return hits
    found = _hits(text, query, options, limit, folded)
    if classify and found:
        flags = _segmenter(segmenter).whole_word_flags(text, found)
        return [_new_tuple(Hit, (h[0], h[1], f)) for h, f in zip(found, flags, strict=True)]
    return found


def _segmenter(segmenter: Segmenter | None) -> Segmenter:
    if segmenter is not None:
        return segmenter
    from reader.core.segment import default_segmenter

    return default_segmenter()


def classify_hits(text: str, hits: Iterable[Hit], segmenter: Segmenter | None = None) -> list[Hit]:
    """The same hits with ``whole_word`` computed (for ranking after a fast plain find)."""
    hits = list(hits)
    todo = [h for h in hits if h.whole_word is None]
    if not todo:
        return hits
    flags = iter(_segmenter(segmenter).whole_word_flags(text, todo))
    return [h if h.whole_word is not None else h._replace(whole_word=next(flags)) for h in hits]


def rank_hits(hits: Iterable[Hit]) -> list[Hit]:
    """Whole-word hits first, then the others, each group in document order."""
    hits = list(hits)
    return [h for h in hits if h.whole_word] + [h for h in hits if not h.whole_word]


def snippet(text: str, start: int, end: int, width: int = 30) -> tuple[str, str, str]:
    """``(before, match, after)`` around a hit, at most ``width`` characters each side.

    The context stops at line ends; line breaks inside the match become spaces.
    """
    lo = max(0, start - width)
    line_start = text.rfind(_LINE_BREAK, lo, start)
    if line_start != -1:
        lo = line_start + 1
    hi = min(len(text), end + width)
    line_end = text.find(_LINE_BREAK, end, hi)
    if line_end != -1:
        hi = line_end
    return text[lo:start], text[start:end].replace(_LINE_BREAK, " "), text[end:hi]


#: TextIndex.folded works through long texts this many characters at a time.
FOLD_SLICE = 100_000


class TextIndex:
    """One document prepared for many queries (a find bar searching as the user types).

    Keeps the folded text, built on first need, so queries with Latin letters,
    punctuation or regexes do not fold five million characters each time.
    Build it in a worker with :meth:`prepare` for very long documents.
    """

    def __init__(self, text: str, segmenter: Segmenter | None = None) -> None:
        self.text = text
        self.segmenter = segmenter
        self._folded: dict[bool, str] = {}

    def prepare(self, case_sensitive: bool = False) -> None:
        """Fold the text now (about 0.3 s for 5 M characters) rather than on first use."""
        self.folded(True)
        if not case_sensitive:
            self.folded(False)

    def folded(
        self, case_sensitive: bool, cancelled: Callable[[], bool] | None = None
    ) -> str | None:
        """The folded text, built in slices (see fold_in_slices) and kept for later finds."""
        cached = self._folded.get(case_sensitive)
        if cached is not None:
            return cached
        result = fold_in_slices(self.text, case_sensitive, cancelled)
        if result is not None:
            self._folded[case_sensitive] = result
        return result

    def find(
        self,
        query: str,
        options: SearchOptions | None = None,
        *,
        limit: int | None = None,
        classify: bool = False,
    ) -> list[Hit]:
        """Like :func:`find_all` on this document, reusing the folded text."""
        return _find(
            self.text,
            query,
            options or SearchOptions(),
            limit,
            self.segmenter,
            classify,
            self._folded,
        )

    def snippet(self, hit: Hit, width: int = 30) -> tuple[str, str, str]:
        """Context of ``hit`` in this document."""
        return snippet(self.text, hit.start, hit.end, width)
