"""jieba word segmentation: lazily loaded, cached in our own folder, with user words.

Loading the dictionary takes about a second (faster from the cache file in
``paths.jieba_cache_dir()``). Call :meth:`Segmenter.ensure_loaded` from a worker
thread: jieba is pure Python and holds the GIL while it builds its dictionary,
so the UI thread may still stutter (up to ~0.3 s) but never freezes for the
whole load. Every method takes one lock, so one worker and the UI thread can
share a Segmenter; a call made while another thread is loading waits for it.

We use a private ``jieba.Tokenizer`` rather than jieba's global one, so user
words and the cache location never leak into (or from) other jieba users.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from reader import paths

log = logging.getLogger(__name__)

#: jieba never joins characters across these: a word-boundary check only needs
#: the run of such characters around a hit (mirrors jieba's own ``re_han_default``).
_NON_WORD = re.compile(r"[^\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]")
#: How far either side of a hit we segment; jieba's choice near a hit rarely
#: depends on characters further away, and shorter windows keep it fast.
CONTEXT = 12


class Segmenter:
    """A private jieba tokenizer with the user's dictionary words applied."""

    def __init__(self, cache_dir: Path | None = None, user_words: Iterable[str] = ()) -> None:
        self._cache_dir = cache_dir
        self._lock = threading.RLock()
        self._tokenizer: Any = None
        self._user_words: set[str] = {w.strip() for w in user_words if w.strip()}
        #: jieba's own frequency of each user word before we forced it whole.
        self._original: dict[str, int] = {}
        self._long_pairs: set[str] = set()

    # -- loading -------------------------------------------------------------
    @property
    def is_loaded(self) -> bool:
        """True once the dictionary is in memory (calls will not block long)."""
        return self._tokenizer is not None

    def ensure_loaded(self) -> None:
        """Load jieba's dictionary (about a second; call from a worker thread)."""
        if self._tokenizer is not None:
            return
        with self._lock:
            if self._tokenizer is not None:
                return
            import jieba

            # jieba logs every load at DEBUG to stderr through its own handler.
            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            cache_dir = self._cache_dir or paths.jieba_cache_dir()
            cache_dir.mkdir(parents=True, exist_ok=True)
            # jieba trusts a default-dictionary cache without a date check, so
            # name it after the jieba version to drop it when jieba changes.
            tokenizer.tmp_dir = str(cache_dir)
            tokenizer.cache_file = f"jieba-{jieba.__version__}.cache"
            tokenizer.initialize()
            self._long_pairs = _long_word_pairs(tokenizer.FREQ)
            self._tokenizer = tokenizer
            for word in sorted(self._user_words):
                self._apply(word)
            log.debug("jieba loaded, cache in %s", cache_dir)

    @property
    def tokenizer(self) -> Any:
        """The loaded ``jieba.Tokenizer`` (loads it if needed)."""
        self.ensure_loaded()
        return self._tokenizer

    # -- user dictionary -------------------------------------------------------
    @property
    def user_words(self) -> frozenset[str]:
        """Words the user asked jieba to keep whole."""
        return frozenset(self._user_words)

    def add_words(self, words: Iterable[str]) -> None:
        """Keep these words whole from now on (applied at once if jieba is loaded)."""
        with self._lock:
            for raw in words:
                word = raw.strip()
                if not word:
                    continue
                self._user_words.add(word)
                if self._tokenizer is not None:
                    self._apply(word)

    def _apply(self, word: str) -> None:
        self._original.setdefault(word, int(self._tokenizer.FREQ.get(word, 0)))
        self._tokenizer.add_word(word)
        if len(word) > _SHORT_REACH + 1:
            self._long_pairs.update(word[i - 1 : i + 1] for i in range(1, len(word)))

    def remove_word(self, word: str) -> None:
        """Stop forcing ``word`` whole; jieba falls back to its own dictionary for it."""
        word = word.strip()
        with self._lock:
            if word not in self._user_words:
                return
            self._user_words.discard(word)
            if self._tokenizer is not None:
                # Back to the dictionary's own frequency (0: not a word). Not
                # jieba's del_word, which also forces a split in its global HMM.
                self._tokenizer.FREQ[word] = self._original.pop(word, 0)

    def set_user_words(self, words: Iterable[str]) -> None:
        """Replace the whole user dictionary (e.g. after loading it from the store)."""
        wanted = {w.strip() for w in words if w.strip()}
        with self._lock:
            for word in self._user_words - wanted:
                self.remove_word(word)
            self.add_words(wanted - self._user_words)

    # -- segmentation -----------------------------------------------------------
    def cut(self, text: str, *, hmm: bool = True) -> list[str]:
        """Words of ``text`` in order (jieba's default mode)."""
        tokenizer = self.tokenizer
        with self._lock:
            return list(tokenizer.cut(text, HMM=hmm))

    def tokenize(self, text: str, *, mode: str = "default") -> list[tuple[str, int, int]]:
        """``(word, start, end)`` spans; mode "search" adds dictionary words inside long words."""
        tokenizer = self.tokenizer
        with self._lock:
            return list(tokenizer.tokenize(text, mode=mode))

    def boundaries(self, text: str) -> tuple[set[int], set[int]]:
        """Offsets where search-mode words start and end in ``text``.

        Positions strictly inside a user word are removed, so its parts are never
        whole words on their own.
        """
        starts: set[int] = set()
        ends: set[int] = set()
        interior: set[int] = set()
        user = self._user_words
        # HMM off: about twice as fast; characters of unknown words then stay
        # single, which errs on the side of accepting a hit.
        tokenizer = self.tokenizer
        with self._lock:
            tokens = list(tokenizer.tokenize(text, mode="search", HMM=False))
        for word, start, end in tokens:
            starts.add(start)
            ends.add(end)
            if word in user:
                interior.update(range(start + 1, end))
        return starts - interior, ends - interior

    def is_whole_word(self, text: str, start: int, end: int) -> bool:
        """True if ``text[start:end]`` starts and ends on jieba word boundaries."""
        return self.whole_word_flags(text, [(start, end)])[0]

    def whole_word_flags(self, text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
        """:meth:`is_whole_word` for many spans of one text (shares segmentation work)."""
        self.ensure_loaded()
        flags: list[bool] = []
        cache: dict[str, tuple[set[int], set[int]]] = {}
        freq = self._tokenizer.FREQ
        pairs = self._long_pairs
        clear = _clear_boundary
        with self._lock:
            for start, end in spans:
                if end <= start:
                    flags.append(False)
                    continue
                # Most hits are settled without segmenting: a position no dictionary
                # word straddles is a boundary of every segmentation.
                if clear(freq, pairs, text, start) and clear(freq, pairs, text, end):
                    flags.append(True)
                    continue
                lo, hi = context_window(text, start, end)
                # Same context, same answer: repeated phrases (曹操曰) segment once.
                key = text[lo:hi]
                bounds = cache.get(key)
                if bounds is None:
                    bounds = self.boundaries(key)
                    cache[key] = bounds
                starts, ends = bounds
                flags.append((start - lo) in starts and (end - lo) in ends)
        return flags


#: Words starting this many characters before a position are looked up one by
#: one; longer words that reach that far are found through ``_long_pairs``.
_SHORT_REACH = 4


def _long_word_pairs(freq: dict[str, int]) -> set[str]:
    """Character pairs found inside dictionary words longer than ``_SHORT_REACH + 1``."""
    pairs: set[str] = set()
    for word, value in freq.items():
        if value and len(word) > _SHORT_REACH + 1:
            pairs.update(word[i - 1 : i + 1] for i in range(1, len(word)))
    return pairs


def _clear_boundary(freq: dict[str, int], long_pairs: set[str], text: str, pos: int) -> bool:
    """True if no dictionary word (user words included) spans across offset ``pos``.

    jieba's dictionary holds every prefix of every word (with frequency 0), so
    each candidate start stops extending as soon as it leaves the dictionary.
    """
    if pos <= 0 or pos >= len(text):
        return True
    left, right = text[pos - 1], text[pos]
    if _NON_WORD.match(left) or _NON_WORD.match(right):
        return True
    if left.isascii() and right.isascii():
        return False  # inside a run of Latin letters/digits, which jieba keeps whole
    reach = _MAX_WORD if (left + right) in long_pairs else _SHORT_REACH
    get = freq.get
    size = len(text)
    for a in range(max(0, pos - reach), pos):
        # text[a:pos] must be a known prefix for a word from a to reach past pos.
        if get(text[a:pos]) is None:
            continue
        b = pos + 1
        while b <= size:
            value = get(text[a:b])
            if value is None:
                break
            if value > 0:
                return False
            b += 1
    return True


#: Longest word in jieba's dictionary (16); user words may be longer but are
#: checked by segmenting, since their pairs are added to ``_long_pairs``.
_MAX_WORD = 32


def context_window(text: str, start: int, end: int, context: int = CONTEXT) -> tuple[int, int]:
    """The slice around ``[start, end)`` that decides its word boundaries.

    It is the run of characters jieba segments together, clipped to ``context``
    characters either side of the hit (always covering the hit itself).
    """
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    # Cut at the last non-word character before the hit and the first after it.
    before = text[lo:start]
    for i in range(len(before) - 1, -1, -1):
        if _NON_WORD.match(before, i):
            lo += i + 1
            break
    match = _NON_WORD.search(text, end, hi)
    if match:
        hi = match.start()
    return lo, hi


_DEFAULT: Segmenter | None = None
_DEFAULT_LOCK = threading.Lock()


def default_segmenter() -> Segmenter:
    """The application's shared Segmenter (not loaded until something needs it)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Segmenter()
        return _DEFAULT
