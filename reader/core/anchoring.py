"""Find an annotation's text again after the document changed (quote + context + position).

Order of attempts, each stricter about confidence than convenient:
1. unchanged: the quote and its context are still at the stored offsets;
2. exact: every exact occurrence of the quote is scored by how well its
   surroundings match the stored prefix/suffix, minus a small penalty for the
   distance from the stored offset (so duplicates are told apart by context,
   then by position);
3. fuzzy: around likely places (stored offset, where the context or the ends
   of the quote still occur) the quote is aligned with diff-match-patch, which
   tolerates small edits to the quote itself.
Anything below the thresholds is left orphaned: better shown as "not found"
than attached to the wrong words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import diff_match_patch

from reader.core.annotation import Annotation, context_at

Method = Literal["unchanged", "exact", "fuzzy"]

#: Occurrences of a probe string considered per annotation (nearest to the hint first).
MAX_PROBE_HITS = 24
#: Exact candidates scored in detail (after a cheap pre-ranking).
MAX_EXACT_DETAILED = 8
#: Position penalty: a steep part for the first NEAR_SCALE characters (edits move text
#: a little, so the nearest of equally good matches is the likely one) and a gentle
#: part up to FAR_SCALE (a large insertion can move text far).
NEAR_SCALE = 250
NEAR_WEIGHT = 0.25
FAR_SCALE = 2000
FAR_WEIGHT = 0.3
#: An exact match this good needs no fuzzy search to compare with.
SURE_CONTEXT = 0.95
#: Thresholds: context similarity for an exact quote; quote similarity for a fuzzy one.
EXACT_MIN_CONTEXT = 0.5
UNIQUE_LONG_QUOTE = 12
#: Extra context needed by an exact copy found far from where the quote was.
FAR_NEED_SCALE = 1000
FAR_NEED_WEIGHT = 0.4
FUZZY_MIN_QUOTE = 0.75
FUZZY_MIN_CONTEXT = 0.45
FUZZY_SURE_QUOTE = 0.9
#: Share of the quote that must survive for a fuzzy placement (less: orphaned).
FUZZY_MIN_COVERAGE = 0.5
#: Share of a fuzzy span that must be the quote's own characters (the rest inserted).
FUZZY_MIN_PURITY = 0.5
#: Equal characters in a row (quote and context) trusted as the same text, not chance.
MIN_RUN = 3
FRAMED_CONTEXT = 0.9
FUZZY_SURE_LENGTH = 10
PROBE = 12

_dmp = diff_match_patch.diff_match_patch()
_dmp.Diff_Timeout = 0.2


@dataclass(frozen=True)
class Anchor:
    """Where an annotation's text was found, and how."""

    start: int
    end: int
    method: Method
    score: float


def similarity(a: str, b: str) -> float:
    """1 - Levenshtein distance / longer length (1.0 for equal strings)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    diffs = _dmp.diff_main(a, b, False)
    distance: int = _dmp.diff_levenshtein(diffs)
    return max(0.0, 1.0 - distance / max(len(a), len(b)))


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def context_similarity(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """How well the text around ``start..end`` matches the stored context (0..1)."""
    total = len(prefix) + len(suffix)
    if total == 0:
        return 1.0
    score = 0.0
    if prefix:
        score += len(prefix) * similarity(prefix, text[max(0, start - len(prefix)) : start])
    if suffix:
        score += len(suffix) * similarity(suffix, text[end : end + len(suffix)])
    return score / total


def _penalty(pos: int, hint: int) -> float:
    d = abs(pos - hint)
    return NEAR_WEIGHT * min(1.0, d / NEAR_SCALE) + FAR_WEIGHT * min(1.0, d / FAR_SCALE)


def _needed_context(pos: int, hint: int, length: int) -> float:
    """Context similarity an exact copy needs: more far from the old place, more if short."""
    far = min(1.0, abs(pos - hint) / FAR_NEED_SCALE)
    weight = FAR_NEED_WEIGHT if length < UNIQUE_LONG_QUOTE else FAR_NEED_WEIGHT / 2
    return EXACT_MIN_CONTEXT + weight * far


def _occurrences(text: str, needle: str, hint: int, limit: int) -> list[int]:
    """Offsets of ``needle`` in ``text``, the ``limit`` nearest to ``hint``."""
    if not needle:
        return []
    found: list[int] = []
    pos = text.find(needle)
    while pos != -1:
        found.append(pos)
        pos = text.find(needle, pos + 1)
    if len(found) > limit:
        found.sort(key=lambda p: abs(p - hint))
        found = found[:limit]
    return found


def _exact(text: str, quote: str, prefix: str, suffix: str, hint: int) -> Anchor | None:
    hits: list[int] = []
    pos = text.find(quote)
    while pos != -1:
        hits.append(pos)
        pos = text.find(quote, pos + 1)
    if not hits:
        return None
    n = len(quote)

    def cheap(p: int) -> tuple[int, int]:
        before = text[max(0, p - len(prefix)) : p]
        after = text[p + n : p + n + len(suffix)]
        return (-(_common_suffix(prefix, before) + _common_prefix(suffix, after)), abs(p - hint))

    if len(hits) > MAX_EXACT_DETAILED:
        # Keep the best by cheap context match and the nearest to the hint.
        by_context = sorted(hits, key=cheap)[: MAX_EXACT_DETAILED // 2]
        by_distance = sorted(hits, key=lambda p: abs(p - hint))[: MAX_EXACT_DETAILED // 2]
        hits = list(dict.fromkeys(by_context + by_distance))
    unique_long = len(hits) == 1 and n >= UNIQUE_LONG_QUOTE
    best: Anchor | None = None
    for p in hits:
        ctx = context_similarity(text, p, p + n, prefix, suffix)
        if ctx < _needed_context(p, hint, n) and not unique_long:
            continue
        score = 1.0 + 0.5 * ctx - _penalty(p, hint)
        if best is None or score > best.score:
            best = Anchor(p, p + n, "exact", score)
    return best


@dataclass(frozen=True)
class _Span:
    """A fuzzy placement: span in the text and how much of the quote it holds."""

    start: int
    end: int
    #: Share of the quote's characters found (in trusted runs) inside the span.
    coverage: float
    #: Share of the span made of the quote's characters (the rest was inserted).
    purity: float


def _align(text: str, quote: str, prefix: str, suffix: str, guess: int) -> _Span | None:
    """Where the surviving characters of ``quote`` (expected to start at ``guess``) are.

    Prefix + quote + suffix are aligned with the text around ``guess``. Only runs of
    equal characters long enough to be no coincidence are trusted (a run may go on
    into the context: the quote's first character followed the prefix before and
    still does); the span goes from the first to the last trusted quote character,
    so text that replaced the quote's edges is never included, while text inserted
    between surviving characters is.
    """
    n = len(quote)
    slack = n // 2 + 8
    lo = max(0, guess - len(prefix) - slack)
    hi = min(len(text), guess + n + len(suffix) + slack)
    if hi <= lo:
        return None
    window = text[lo:hi]
    joined = prefix + quote + suffix
    q0, q1 = len(prefix), len(prefix) + n
    diffs = _dmp.diff_main(joined, window, False)
    ji = wi = 0
    first = last = -1
    matched = 0
    for op, chunk in diffs:
        size = len(chunk)
        if op == 0:
            a, b = max(ji, q0), min(ji + size, q1)
            if b > a and size >= MIN_RUN:
                if first < 0:
                    first = wi + (a - ji)
                last = wi + (b - ji)
                matched += b - a
            ji += size
            wi += size
        elif op == -1:
            ji += size
        else:
            wi += size
    if first < 0 or last <= first:
        return None
    return _Span(lo + first, lo + last, matched / n, matched / (last - first))


def _fuzzy(text: str, quote: str, prefix: str, suffix: str, hint: int) -> Anchor | None:
    n = len(quote)
    guesses: list[int] = [hint]
    probe_p = prefix[-PROBE:]
    if len(probe_p) >= PROBE // 2:
        guesses += [p + len(probe_p) for p in _occurrences(text, probe_p, hint, MAX_PROBE_HITS)]
    probe_s = suffix[:PROBE]
    if len(probe_s) >= PROBE // 2:
        guesses += [p - n for p in _occurrences(text, probe_s, hint + n, MAX_PROBE_HITS)]
    if n >= 2 * PROBE:
        head, tail = quote[:PROBE], quote[-PROBE:]
        guesses += _occurrences(text, head, hint, MAX_PROBE_HITS)
        guesses += [p + PROBE - n for p in _occurrences(text, tail, hint + n - PROBE, 8)]
    seen: set[int] = set()
    best: Anchor | None = None
    for guess in guesses:
        guess = max(0, min(guess, len(text)))
        bucket = guess // 4
        if bucket in seen:
            continue
        seen.add(bucket)
        span = _align(text, quote, prefix, suffix, guess)
        if span is None or span.coverage < FUZZY_MIN_COVERAGE or span.purity < FUZZY_MIN_PURITY:
            continue
        start, end = span.start, span.end
        if text[start:end] == quote:
            continue  # an exact copy: judged (and refused) by the exact rules already
        q_sim = similarity(quote, text[start:end])
        ctx = context_similarity(text, start, end, prefix, suffix)
        # A quote changed a lot is still accepted where its context is intact, nearby.
        framed = ctx >= FRAMED_CONTEXT and abs(start - hint) <= NEAR_SCALE
        if span.coverage < FUZZY_MIN_QUOTE and not framed:
            continue
        sure = span.coverage >= FUZZY_SURE_QUOTE and n >= FUZZY_SURE_LENGTH
        if ctx < max(FUZZY_MIN_CONTEXT, _needed_context(start, hint, n)) and not sure:
            continue
        score = max(q_sim, span.coverage * span.purity) + 0.5 * ctx - _penalty(start, hint)
        if best is None or score > best.score:
            best = Anchor(start, end, "fuzzy", score)
    return best


def _point(text: str, prefix: str, suffix: str, hint: int) -> Anchor | None:
    """Re-place a bookmark of a place (empty quote) by the text around it."""
    if not prefix and not suffix:
        return Anchor(min(hint, len(text)), min(hint, len(text)), "exact", 0.0)
    joined = _occurrences(text, prefix + suffix, hint - len(prefix), MAX_PROBE_HITS)
    if joined:
        p = min(joined, key=lambda q: abs(q + len(prefix) - hint)) + len(prefix)
        return Anchor(p, p, "exact", 1.0)
    places: list[int] = []
    if len(prefix) >= PROBE // 2:
        places += [p + len(prefix) for p in _occurrences(text, prefix, hint, MAX_PROBE_HITS)]
    if len(suffix) >= PROBE // 2:
        places += _occurrences(text, suffix, hint, MAX_PROBE_HITS)
    if not places:
        return None
    p = min(places, key=lambda q: abs(q - hint))
    return Anchor(p, p, "fuzzy", 0.5)


def locate(text: str, quote: str, prefix: str, suffix: str, hint: int) -> Anchor | None:
    """Where ``quote`` (with its context, stored near ``hint``) is in ``text``; None if unsure."""
    hint = max(0, min(hint, len(text)))
    n = len(quote)
    if not quote:
        if (
            text[max(0, hint - len(prefix)) : hint] == prefix
            and text[hint : hint + len(suffix)] == suffix
        ):
            return Anchor(hint, hint, "unchanged", 1.0)
        return _point(text, prefix, suffix, hint)
    if (
        text[hint : hint + n] == quote
        and text[max(0, hint - len(prefix)) : hint] == prefix
        and text[hint + n : hint + n + len(suffix)] == suffix
    ):
        return Anchor(hint, hint + n, "unchanged", 1.0)
    exact = _exact(text, quote, prefix, suffix, hint)
    if exact is not None and exact.score >= 1.0 + 0.5 * SURE_CONTEXT - _penalty(hint + 50, hint):
        return exact
    # Not sure: the quote may have been edited here while an unedited copy exists elsewhere.
    fuzzy = _fuzzy(text, quote, prefix, suffix, hint)
    if exact is None or (fuzzy is not None and fuzzy.score > exact.score):
        return fuzzy
    return exact


def _fits(text: str, a: Annotation, start: int) -> bool:
    """The quote and its whole stored context are at ``start`` (a pure shift)."""
    end = start + len(a.quote)
    return (
        start >= 0
        and end <= len(text)
        and text[start:end] == a.quote
        and text[max(0, start - len(a.prefix)) : start] == a.prefix
        and text[end : end + len(a.suffix)] == a.suffix
    )


def reanchor(text: str, a: Annotation, shift: int = 0) -> Annotation:
    """``a`` placed in ``text``: moved (context refreshed) or marked orphaned.

    ``shift`` is how far text near ``a`` is believed to have moved (from its
    neighbours); the quote is first looked for there.
    """
    if shift and _fits(text, a, a.start + shift):
        start = a.start + shift
        return a.replace(start=start, end=start + len(a.quote), orphaned=False)
    anchor = locate(text, a.quote, a.prefix, a.suffix, a.start + shift)
    if anchor is None:
        return a if a.orphaned else a.replace(orphaned=True)
    if anchor.method == "unchanged" and not a.orphaned and not shift:
        return a
    quote, prefix, suffix = context_at(text, anchor.start, anchor.end)
    return a.replace(
        start=anchor.start,
        end=anchor.end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        orphaned=False,
    )


@dataclass
class ReanchorResult:
    """Annotations after re-anchoring, and which of them changed."""

    annotations: list[Annotation]
    changed: list[Annotation]
    reanchored: int
    orphaned: int


def reanchor_all(text: str, annotations: Iterable[Annotation]) -> ReanchorResult:
    """Re-anchor every annotation of a document whose text changed."""
    result: list[Annotation] = []
    changed: list[Annotation] = []
    moved = 0
    # In document order, text moves by the same amount between edits: carry the last
    # shift seen so most annotations are checked in O(1) at their shifted place.
    shift = 0
    for a in sorted(annotations, key=lambda x: (x.start, x.end)):
        b = reanchor(text, a, shift)
        if not b.orphaned and b.start != a.start + shift and _fits(text, a, b.start):
            # Only a placement with quote and full context intact sets the shift:
            # a doubtful one must not mislead its neighbours.
            shift = b.start - a.start
        result.append(b)
        if b != a:
            changed.append(b)
            if not b.orphaned:
                moved += 1
    result.sort(key=lambda x: (x.start, x.end, x.id or 0))
    return ReanchorResult(result, changed, moved, sum(1 for b in result if b.orphaned))


def is_in_place(text: str, a: Annotation) -> bool:
    """True when ``text[a.start:a.end]`` still reads ``a.quote``."""
    return 0 <= a.start <= a.end <= len(text) and text[a.start : a.end] == a.quote


def ranges(annotations: Sequence[Annotation]) -> list[tuple[int, int]]:
    """The (start, end) of placed annotations (helper for views and tests)."""
    return [(a.start, a.end) for a in annotations if not a.orphaned]
