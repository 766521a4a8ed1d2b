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

When the old text is known (the store keeps a snapshot of it), ``reanchor_with_old_text``
needs none of this guessing: a character diff old -> new says where every surviving
character went, and quote + context are only used for annotations the old text
does not hold (orphans from earlier edits).
"""

from __future__ import annotations

import bisect
import logging
import re
import time
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import diff_match_patch

from reader.core.annotation import Annotation, context_at

log = logging.getLogger(__name__)

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
#: Extra context needed by an exact copy of a quote shorter than UNIQUE_LONG_QUOTE.
SHORT_NEED_WEIGHT = 0.3
FUZZY_MIN_QUOTE = 0.75
FUZZY_MIN_CONTEXT = 0.45
FUZZY_SURE_QUOTE = 0.9
#: Share of the quote that must survive for a fuzzy placement (less: orphaned).
FUZZY_MIN_COVERAGE = 0.5
#: Share of a fuzzy span that must be the quote's own characters (the rest inserted).
FUZZY_MIN_PURITY = 0.5
#: Equal characters in a row (quote and context) trusted as the same text, not chance.
MIN_RUN = 3
#: How far from where it should be (after the shift of its neighbours) the stored
#: context is looked for to find a quote's old place.
HOME_RADIUS = 48
#: Characters of stored context that must still touch a short quote's copy on one side.
EDGE_AGREE = 3
#: How much further than its intact neighbours a doubtful placement may have moved.
NEIGHBOUR_SLACK = 48
#: Unexplained characters allowed between a found side of the context and the quote.
HOME_GAP = 16
#: Characters of distance from the expected place that finding both sides is worth.
FRAMED_BONUS = 8
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


def edges_agree(text: str, start: int, end: int, prefix: str, suffix: str) -> bool:
    """The stored context still touches ``start..end`` on at least one side.

    A short quote's copy a few characters from its deleted original can have a
    similar context overall (the same sentence, shifted) but never the exact
    characters right against it. Without any stored context (a quote imported
    from elsewhere) there is nothing to check.
    """
    if not prefix and not suffix:
        return True
    if prefix:
        before = text[max(0, start - len(prefix)) : start]
        if _common_suffix(prefix, before) >= min(EDGE_AGREE, len(prefix)):
            return True
    elif start == 0:
        return True
    if suffix:
        after = text[end : end + len(suffix)]
        return _common_prefix(suffix, after) >= min(EDGE_AGREE, len(suffix))
    return end == len(text)


def _penalty(pos: int, hint: int) -> float:
    d = abs(pos - hint)
    return NEAR_WEIGHT * min(1.0, d / NEAR_SCALE) + FAR_WEIGHT * min(1.0, d / FAR_SCALE)


def _needed_context(pos: int, hint: int, length: int) -> float:
    """Context similarity an exact copy needs: more far from the old place, more if short."""
    far = min(1.0, abs(pos - hint) / FAR_NEED_SCALE)
    weight = FAR_NEED_WEIGHT if length < UNIQUE_LONG_QUOTE else FAR_NEED_WEIGHT / 2
    # A two-character quote says almost nothing by itself (其預 recurs in every clause
    # of a law): its context has to carry the proof.
    short = max(0.0, (UNIQUE_LONG_QUOTE - length) / UNIQUE_LONG_QUOTE)
    return EXACT_MIN_CONTEXT + SHORT_NEED_WEIGHT * short + weight * far


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
        if n < UNIQUE_LONG_QUOTE and not edges_agree(text, p, p + n, prefix, suffix):
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
    #: Quote characters lost before the span's first and after its last one.
    lead: int
    tail: int


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
    # (offset in joined, offset in window, length) of each unchanged run
    runs = equal_runs(_dmp.diff_main(joined, window, False))
    trusted = [size >= MIN_RUN for _, _, size in runs]
    # A two-character run right next to a trusted one (at most a character or two
    # deleted or inserted between) is the quote's own text too, e.g. 推进 in
    # 推进[农]村土地 after 农 was deleted; a lone one across inserted text is chance.
    changed = True
    while changed:
        changed = False
        for k, (jk, wk, size) in enumerate(runs):
            if trusted[k] or size < 2:
                continue
            for m in (k - 1, k + 1):
                if 0 <= m < len(runs) and trusted[m]:
                    jm, wm, sm = runs[m]
                    gap_j = jk - (jm + sm) if m < k else jm - (jk + size)
                    gap_w = wk - (wm + sm) if m < k else wm - (wk + size)
                    if gap_j <= 2 and gap_w <= 2:
                        trusted[k] = changed = True
                        break
    first = last = -1
    lead = tail = 0
    matched = 0
    for (jk, wk, size), ok in zip(runs, trusted, strict=True):
        a, b = max(jk, q0), min(jk + size, q1)
        if ok and b > a:
            if first < 0:
                first, lead = wk + (a - jk), a - q0
            last, tail = wk + (b - jk), q1 - b
            matched += b - a
    if first < 0 or last <= first or matched < 2:
        return None  # one character of a quote is no proof of where it went
    if lead >= 2 and quote[lead - 2 : lead] in window[max(0, first - lead - HOME_GAP) : first]:
        return None  # the quote's lost start may be just before: unclear where it begins
    if tail >= 2 and quote[n - tail : n - tail + 2] in window[last : last + tail + HOME_GAP]:
        return None  # likewise after its end (生的非法债务，情 -> ...以，情)
    for k in range(len(runs)):
        jk, wk, size = runs[k]
        if not trusted[k] or min(jk + size, q1) <= max(jk, q0):
            continue
        # A run that could go on over the text inserted next to it means that text
        # repeats the quote (boilerplate pasted in): which copy is the quote is unclear.
        before_j, before_w = joined[max(0, jk - 2) : jk], window[max(0, wk - 2) : wk]
        if len(before_j) == 2 and before_j == before_w and not _continues(runs, k, -1):
            return None
        after_j, after_w = joined[jk + size : jk + size + 2], window[wk + size : wk + size + 2]
        if len(after_j) == 2 and after_j == after_w and not _continues(runs, k, 1):
            return None
    for (jk, wk, size), ok in zip(runs, trusted, strict=True):
        outside = wk + size <= first or wk >= last
        if not ok and size >= 2 and outside and min(jk + size, q1) > max(jk, q0):
            # Part of the quote may survive beyond the span (除，债务人请 ->
            # ，债，人民法院务人请): no way to tell where the highlight ends.
            return None
    return _Span(lo + first, lo + last, matched / n, matched / (last - first), lead, tail)


def _continues(runs: list[tuple[int, int, int]], k: int, step: int) -> bool:
    """The run next to ``runs[k]`` on side ``step`` touches it in both strings."""
    m = k + step
    if not 0 <= m < len(runs):
        return False
    (jk, wk, sk), (jm, wm, sm) = runs[k], runs[m]
    if step < 0:
        return jm + sm == jk and wm + sm == wk
    return jk + sk == jm and wk + sk == wm


@dataclass(frozen=True)
class _Home:
    """A quote's old place: between its prefix (if found) and its suffix (if found)."""

    lo: int
    hi: int
    left: bool
    right: bool


def _home(text: str, prefix: str, suffix: str, n: int, hint: int) -> _Home | None:
    """Where the stored context still stands around ``hint``: the quote's old place.

    The end of the prefix's last PROBE characters and the start of the suffix's first
    ones are looked for close to where they should be. When either is found, the
    quote (or what is left of it) can only be next to it; an exact copy elsewhere
    is another passage, however similar.
    """
    starts: list[int] = []  # where a copy of the prefix's end ends
    ends: list[int] = []  # where a copy of the suffix's start starts
    probe_p = prefix[-PROBE:]
    if len(probe_p) >= PROBE // 2:
        lo = max(0, hint - HOME_RADIUS - len(probe_p))
        hits = _occurrences(text[lo : hint + HOME_RADIUS], probe_p, hint - lo, 4)
        starts = [lo + p + len(probe_p) for p in hits]
    probe_s = suffix[:PROBE]
    if len(probe_s) >= PROBE // 2:
        lo = max(0, hint + n - HOME_RADIUS)
        hits = _occurrences(text[lo : hint + n + HOME_RADIUS + len(probe_s)], probe_s, 0, 4)
        ends = [lo + p for p in hits]
    reach = n + n // 2 + 24  # the quote with insertions inside and before it
    # Candidate old places, by how far they are from where the quote should be.
    # Repeated clauses can put another copy of one side, or of both, nearby: the
    # nearest wins, both sides found being worth a few characters.
    homes: list[tuple[int, int, _Home]] = []
    for start in starts:
        homes.append(
            (abs(start - hint), 1, _Home(start, min(len(text), start + reach), True, False))
        )
        for end in ends:
            if 0 <= end - start <= reach:
                far = max(abs(start - hint), abs(end - hint - n)) - FRAMED_BONUS
                homes.append((far, 0, _Home(start, end, True, True)))
    for end in ends:
        homes.append((abs(end - hint - n), 1, _Home(max(0, end - reach), end, False, True)))
    if not homes:
        return None
    return min(homes, key=lambda t: (t[0], t[1]))[2]


def _agreeing_edges(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many sides (0-2) of ``start..end`` still touch the stored context."""
    left = bool(prefix) and _common_suffix(
        prefix, text[max(0, start - len(prefix)) : start]
    ) >= min(EDGE_AGREE, len(prefix))
    right = bool(suffix) and _common_prefix(suffix, text[end : end + len(suffix)]) >= min(
        EDGE_AGREE, len(suffix)
    )
    return int(left) + int(right)


def _at_home(
    text: str, quote: str, prefix: str, suffix: str, hint: int, home: _Home
) -> Anchor | None:
    """The quote (or what survives of it) next to its old context, or None."""
    n = len(quote)

    def next_to_context(start: int, end: int, lead: int, tail: int) -> bool:
        # Text between a found side of the context and the span must be explained by
        # quote characters lost there (``lead``/``tail``) or a small insertion; else
        # the span is other text that merely looks like the quote (often the old
        # context itself, when the quote is gone).
        if home.left and start - home.lo > lead + HOME_GAP:
            return False
        return not (home.right and home.hi - end > tail + HOME_GAP)

    framed = home.left and home.right
    copies: list[tuple[float, int]] = []
    pos = text.find(quote, home.lo, home.hi)
    while pos != -1:
        if next_to_context(pos, pos + n, 0, 0):
            ctx = context_similarity(text, pos, pos + n, prefix, suffix)
            copies.append((ctx - _penalty(pos, hint), pos))
        pos = text.find(quote, pos + 1, home.hi)
    if copies:
        # Several copies inside the old place (short quotes): the best context wins.
        _, best = max(copies)
        ctx = context_similarity(text, best, best + n, prefix, suffix)
        # With one side of the context only, a copy a few characters further on may be
        # another one (the quote itself deleted): its context must agree too.
        agree = n >= UNIQUE_LONG_QUOTE or edges_agree(text, best, best + n, prefix, suffix)
        if agree and ctx >= (FUZZY_MIN_CONTEXT if framed else _needed_context(best, hint, n)):
            return Anchor(best, best + n, "exact", 1.0 + 0.5 * ctx)
    if framed and 0 < home.hi - home.lo <= n + HOME_GAP:
        # Both sides of the context intact, a little more than the quote between
        # them, and the quote's own first and last characters (two unless it is
        # shorter) right against them: everything between is the quote with what
        # was inserted into it (者隐 -> 者并处罚金；数额隐).
        region = text[home.lo : home.hi]
        k = max(1, min(2, n // 2))
        if region[:k] == quote[:k] and region[-k:] == quote[-k:]:
            diffs = _dmp.diff_main(quote, region, False)
            kept = sum(len(chunk) for op, chunk in diffs if op == 0)
            if kept >= FUZZY_MIN_COVERAGE * n:
                ctx = context_similarity(text, home.lo, home.hi, prefix, suffix)
                return Anchor(home.lo, home.hi, "fuzzy", kept / n + 0.5 * ctx)
    best_key: tuple[float, int, int] | None = None
    best_span: _Span | None = None
    for guess in {home.lo, max(home.lo, home.hi - n), hint}:
        span = _align(text, quote, prefix, suffix, guess)
        if span is None or span.start < home.lo or span.end > home.hi:
            continue
        if span.coverage < FUZZY_MIN_COVERAGE or span.purity < FUZZY_MIN_PURITY:
            continue
        if not next_to_context(span.start, span.end, span.lead, span.tail):
            continue
        if not framed and (
            context_similarity(text, span.start, span.end, prefix, suffix) < FUZZY_MIN_CONTEXT
        ):
            continue  # one side found only: it may be a repeated clause's (其辦法以法律定之。第)
        # Equal alignments of repeated words: the one whose edges touch the context.
        key = (
            span.coverage,
            _agreeing_edges(text, span.start, span.end, prefix, suffix),
            -abs(span.start - hint),
        )
        if best_key is None or key > best_key:
            best_key, best_span = key, span
    if best_span is None:
        return None
    ctx = context_similarity(text, best_span.start, best_span.end, prefix, suffix)
    return Anchor(best_span.start, best_span.end, "fuzzy", best_span.coverage + 0.5 * ctx)


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
    home = _home(text, prefix, suffix, n, hint)
    if home is not None:
        return _at_home(text, quote, prefix, suffix, hint, home)
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
    originals = sorted(annotations, key=lambda x: (x.start, x.end))
    placed: list[Annotation] = []
    # In document order, text moves by the same amount between edits: carry the last
    # shift seen so most annotations are checked in O(1) at their shifted place.
    shift = 0
    for a in originals:
        b = reanchor(text, a, shift)
        if not b.orphaned and b.start != a.start + shift and _fits(text, a, b.start):
            # Only a placement with quote and full context intact sets the shift:
            # a doubtful one must not mislead its neighbours.
            shift = b.start - a.start
        placed.append(b)
    for i in _out_of_order(text, originals, placed):
        a = originals[i]
        placed[i] = a if a.orphaned else a.replace(orphaned=True)
    changed = [b for a, b in zip(originals, placed, strict=True) if b != a]
    moved = sum(1 for b in changed if not b.orphaned)
    placed.sort(key=lambda x: (x.start, x.end, x.id or 0))
    return ReanchorResult(placed, changed, moved, sum(1 for b in placed if b.orphaned))


def _out_of_order(text: str, originals: list[Annotation], placed: list[Annotation]) -> list[int]:
    """Placements that jumped over an annotation found intact (indexes into ``placed``).

    Edits keep the order of the text they leave: what followed an annotation found
    with its quote and whole context intact still follows it. A placement on the far
    side of such a neighbour is an identical passage elsewhere (legal boilerplate
    repeats), not the annotation's own text.
    """
    sure = [
        (a.start, a.end, b.start, b.end)
        for a, b in zip(originals, placed, strict=True)
        if not b.orphaned and a.quote and _fits(text, a, b.start)
    ]
    if not sure:
        return []
    by_end = sorted(sure, key=lambda t: t[1])
    ends_old = [t[1] for t in by_end]
    # Furthest new end among intact annotations that ended at or before each old end.
    reach_end: list[int] = []
    for t in by_end:
        reach_end.append(max(t[3], reach_end[-1]) if reach_end else t[3])
    by_start = sorted(sure, key=lambda t: t[0])
    starts_old = [t[0] for t in by_start]
    # Nearest new start among intact annotations that started at or after each old start.
    first_start = [0] * len(by_start)
    low = len(text)
    for k in range(len(by_start) - 1, -1, -1):
        low = min(low, by_start[k][2])
        first_start[k] = low
    bad: list[int] = []
    for i, (a, b) in enumerate(zip(originals, placed, strict=True)):
        if b.orphaned or not a.quote:
            continue
        k_prev = bisect.bisect_right(ends_old, a.start)
        before = reach_end[k_prev - 1] if k_prev else 0
        k_next = bisect.bisect_left(starts_old, a.end)
        after = first_start[k_next] if k_next < len(by_start) else len(text)
        if b.start < before or b.end > after:
            bad.append(i)
            continue
        doubtful = len(a.quote) < UNIQUE_LONG_QUOTE or not _fits(text, a, b.start)
        if k_prev and k_next < len(by_start) and doubtful:
            # A doubtful placement (a short quote says little, even with its context:
            # laws repeat whole clauses) moved about as its intact neighbours did.
            prev, nxt = by_end[k_prev - 1], by_start[k_next]
            shifts = (prev[2] - prev[0], nxt[2] - nxt[0])
            slack = NEIGHBOUR_SLACK + len(a.quote)
            if not min(shifts) - slack <= b.start - a.start <= max(shifts) + slack:
                bad.append(i)
    return bad


def is_in_place(text: str, a: Annotation) -> bool:
    """True when ``text[a.start:a.end]`` still reads ``a.quote``."""
    return 0 <= a.start <= a.end <= len(text) and text[a.start : a.end] == a.quote


def ranges(annotations: Sequence[Annotation]) -> list[tuple[int, int]]:
    """The (start, end) of placed annotations (helper for views and tests)."""
    return [(a.start, a.end) for a in annotations if not a.orphaned]


#: Seconds a whole-document diff may take before it gives up on the changed region
#: (it then reports that region as replaced; see ``text_diff``).
DIFF_TIMEOUT = 3.0
#: Equal runs shorter than this at a quote's edge, with edits on both sides, are
#: chance (an inserted character that equals the one it replaced), not the quote.
MIN_EDGE_RUN = 2


@dataclass(frozen=True)
class TextDiff:
    """Equal runs of a character diff old -> new, sorted by old offset."""

    #: (offset in old, offset in new, length) of each run of unchanged characters.
    runs: list[tuple[int, int, int]]
    #: The diff hit DIFF_TIMEOUT: the changed region may be reported coarser than it is.
    timed_out: bool = False


def text_diff(old: str, new: str, timeout: float = DIFF_TIMEOUT) -> TextDiff:
    """Where the characters of ``old`` that survive are in ``new``.

    diff-match-patch trims the common prefix and suffix, splits the rest at long
    common substrings (found with ``str.find``, so a few edits in a long text cost
    little), diffs line by line and refines changed lines character by character.
    A semantic clean-up then drops chance equalities of a character or two inside
    replaced text.
    """
    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = timeout
    started = time.monotonic()
    diffs = dmp.diff_main(old, new, True)
    timed_out = timeout > 0 and time.monotonic() - started >= timeout
    return TextDiff(equal_runs(diffs), timed_out)


def equal_runs(diffs: list[tuple[int, str]]) -> list[tuple[int, int, int]]:
    """``(offset in old, offset in new, length)`` of each unchanged run of a diff."""
    runs: list[tuple[int, int, int]] = []
    oi = ni = 0
    for op, chunk in diffs:
        size = len(chunk)
        if op == 0:
            runs.append((oi, ni, size))
            oi += size
            ni += size
        elif op == -1:
            oi += size
        else:
            ni += size
    return runs


def _map_span(diff: TextDiff, starts: list[int], s: int, e: int) -> tuple[int, int, int] | None:
    """(new start, new end, characters kept) of the old span ``s..e``; None if none survive."""
    k = max(0, bisect.bisect_right(starts, s) - 1)
    pieces: list[tuple[int, int, int]] = []  # (new start, length, length of its run)
    runs = diff.runs
    while k < len(runs) and runs[k][0] < e:
        o, n, size = runs[k]
        a, b = max(o, s), min(o + size, e)
        if b > a:
            pieces.append((n + (a - o), b - a, size))
        k += 1
    # A one-character run at an edge, between edits, is chance: 处三 -> 上七 keeps nothing.
    while pieces and pieces[0][2] < MIN_EDGE_RUN:
        pieces.pop(0)
    while pieces and pieces[-1][2] < MIN_EDGE_RUN:
        pieces.pop()
    if not pieces:
        return None
    kept = sum(length for _, length, _ in pieces)
    return pieces[0][0], pieces[-1][0] + pieces[-1][1], kept


def _map_point(diff: TextDiff, starts: list[int], s: int) -> int:
    """Where the place ``s`` (between characters) of the old text is in the new one."""
    runs = diff.runs
    k = bisect.bisect_right(starts, s) - 1
    if k >= 0:
        o, n, size = runs[k]
        if s <= o + size:
            return n + (s - o)
    # Inside deleted text: the place where it was deleted, just before the next run.
    if k + 1 < len(runs):
        o, n, _ = runs[k + 1]
        return n
    if runs:
        o, n, size = runs[-1]
        return n + size
    return 0


#: Characters of quote + context (within its paragraph) that must be pasted whole elsewhere for
#: a passage the diff saw deleted to count as moved there.
MOVED_MIN = 24


def _moved(new: str, diff: TextDiff, a: Annotation) -> tuple[int, int, int] | None:
    """Where a passage the diff saw deleted was pasted again, whole (cut and paste).

    The quote with its stored context inside its own paragraph must occur once in
    the new text, entirely inside text the diff reports as inserted: that is the
    passage moved, not a clause repeated.
    """
    if not a.quote:
        return None
    # The context inside the quote's own paragraph: a moved paragraph takes it along.
    prefix = a.prefix.rsplit("\n", 1)[-1]
    suffix = a.suffix.split("\n", 1)[0]
    joined = prefix + a.quote + suffix
    if len(joined) < MOVED_MIN:
        return None
    pos = new.find(joined)
    if pos == -1 or new.find(joined, pos + 1) != -1:
        return None
    starts = [n for _, n, _ in diff.runs]
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0 and starts[k] + diff.runs[k][2] > pos:
        return None  # starts in unchanged text
    if k + 1 < len(starts) and starts[k + 1] < pos + len(joined):
        return None  # reaches into unchanged text
    start = pos + len(prefix)
    return start, start + len(a.quote), len(a.quote)


def _slid_out(new: str, a: Annotation, span: tuple[int, int, int]) -> tuple[int, int, int]:
    """The whole quote intact inside ``span``: the text inserted into it can slide out.

    主管人员 -> 主管人员和其他直接责任人员 is as small a diff with 人员和其他直接责任
    inserted inside the quote as with 和其他直接责任人员 after it; the reader meant the
    latter. The copy whose surroundings match the stored context best is taken.
    """
    n = len(a.quote)
    best: tuple[float, int] | None = None
    pos = new.find(a.quote, span[0], span[1])
    while pos != -1:
        score = context_similarity(new, pos, pos + n, a.prefix, a.suffix)
        if best is None or score > best[0]:
            best = (score, pos)
        pos = new.find(a.quote, pos + 1, span[1])
    if best is None:
        return span
    return best[1], best[1] + n, n


def reanchor_with_old_text(
    old: str, new: str, annotations: Iterable[Annotation], diff: TextDiff | None = None
) -> ReanchorResult:
    """Re-anchor annotations placed in ``old`` after it became ``new``, through a diff.

    A highlight keeps the span from its first to its last surviving character
    (text inserted between them is part of it, text that replaced its edges is
    not) when at least half of its characters survive; else it is orphaned.
    Annotations ``old`` does not hold at their offsets (already orphaned, or
    inconsistent) are re-anchored from quote and context as before. When the diff
    gives up (DIFF_TIMEOUT: the text was rewritten throughout), everything is.
    ``diff`` is ``text_diff(old, new)`` when the caller has already computed it.
    """
    items = list(annotations)
    if old == new:
        return ReanchorResult(sorted(items, key=lambda x: (x.start, x.end, x.id or 0)), [], 0, 0)
    if diff is None:
        diff = text_diff(old, new)
    if diff.timed_out:
        log.warning(
            "diff of %d -> %d characters timed out: re-anchoring by quote", len(old), len(new)
        )
        return reanchor_all(new, items)
    starts = [r[0] for r in diff.runs]
    placed: list[Annotation] = []
    changed: list[Annotation] = []
    by_quote: list[Annotation] = []
    for a in items:
        if a.orphaned or not is_in_place(old, a):
            by_quote.append(a)
            continue
        if a.start == a.end:
            p = _map_point(diff, starts, a.start)
            span: tuple[int, int, int] | None = (p, p, 0)
        else:
            span = _map_span(diff, starts, a.start, a.end)
        if span is not None and span[2] == len(a.quote) < span[1] - span[0]:
            span = _slid_out(new, a, span)
        if span is None or 2 * span[2] < a.end - a.start:
            span = _moved(new, diff, a)
        if span is None:
            b = a.replace(orphaned=True)
        else:
            quote, prefix, suffix = context_at(new, span[0], span[1])
            b = a.replace(start=span[0], end=span[1], quote=quote, prefix=prefix, suffix=suffix)
        placed.append(b)
        if b != a:
            changed.append(b)
    if by_quote:
        again = reanchor_all(new, by_quote)
        placed += again.annotations
        changed += again.changed
    moved = sum(1 for b in changed if not b.orphaned)
    placed.sort(key=lambda x: (x.start, x.end, x.id or 0))
    return ReanchorResult(placed, changed, moved, sum(1 for b in placed if b.orphaned))


# -- recognising an edited text ------------------------------------------------------

#: Clauses (text between punctuation or line breaks) shorter than this are left out of
#: a fingerprint: 第一条, 同时, 但是 recur in unrelated documents.
FINGERPRINT_MIN_CLAUSE = 4
#: Hashes kept in a fingerprint (the smallest ones: a bottom-k sketch of the clause set).
FINGERPRINT_SIZE = 256
_CLAUSE_BREAK = re.compile(r"[\s，。！？；：、,.!?;:「」『』“”‘’（）()《》]+")
#: Equal runs shorter than this do not count as surviving text when comparing two
#: texts: two chapters of one law share 的, 规定, 依照 everywhere.
SURVIVAL_MIN_RUN = 4


def text_fingerprint(text: str) -> list[int]:
    """A small sketch of ``text``: the FINGERPRINT_SIZE smallest CRC-32s of its clauses.

    Two versions of a text share most clauses (an edit changes one or two), so their
    sketches overlap (``resemblance``); different texts share almost none. Stable
    across processes (stored with the text snapshot).
    """
    hashes = {
        zlib.crc32(clause.encode("utf-8", "surrogatepass"))
        for clause in _CLAUSE_BREAK.split(text)
        if len(clause) >= FINGERPRINT_MIN_CLAUSE
    }
    return sorted(hashes)[:FINGERPRINT_SIZE]


def resemblance(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the clause sets behind two fingerprints (0..1).

    Bottom-k estimate from two sorted ``text_fingerprint``s: below the largest hash
    of a full sketch every hash of both texts is known, so the share of shared
    hashes there estimates the share of shared clauses (exact when neither sketch
    was cut at FINGERPRINT_SIZE).
    """
    if not a or not b:
        return 0.0
    common = set(a).intersection(b)
    cutoff = min((s[-1] for s in (a, b) if len(s) >= FINGERPRINT_SIZE), default=None)
    if cutoff is None:
        both = len(common)
        union = len(a) + len(b) - both
    else:
        both = sum(1 for h in common if h <= cutoff)
        union = bisect.bisect_right(a, cutoff) + bisect.bisect_right(b, cutoff) - both
    return both / union if union else 0.0


def surviving_share(diff: TextDiff, old_len: int, min_run: int = SURVIVAL_MIN_RUN) -> float:
    """Share of the old text's characters that survive in the new one (runs of ``min_run``+)."""
    if old_len <= 0:
        return 0.0
    return sum(size for _, _, size in diff.runs if size >= min_run) / old_len
