"""Fold full-width/half-width forms and Latin case one character at a time.

Every fold maps one character to exactly one character, so an offset into the
folded text is the same offset into the original text: search runs on folded
text and reports offsets the reading view can use as they are.
"""

from __future__ import annotations

from functools import lru_cache

#: Full-width ASCII variants (！ … ～) sit 0xFEE0 above their ASCII forms.
_FULLWIDTH_FIRST = 0xFF01
_FULLWIDTH_LAST = 0xFF5E
_FULLWIDTH_SHIFT = 0xFEE0
_IDEOGRAPHIC_SPACE = 0x3000

#: Latin, Greek and Cyrillic blocks whose upper-case letters fold to lower case.
_CASE_RANGES = ((0x0041, 0x005A), (0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x052F))


def _width_table() -> dict[int, int]:
    table = {c: c - _FULLWIDTH_SHIFT for c in range(_FULLWIDTH_FIRST, _FULLWIDTH_LAST + 1)}
    table[_IDEOGRAPHIC_SPACE] = 0x20
    return table


def _case_table() -> dict[int, int]:
    table: dict[int, int] = {}
    for first, last in _CASE_RANGES:
        for code in range(first, last + 1):
            lower = chr(code).lower()
            # Some letters lower-case to two characters (İ -> i̇); those stay as
            # they are so that the folded text keeps its length.
            if len(lower) == 1 and lower != chr(code):
                table[code] = ord(lower)
    return table


def _compose(width: dict[int, int], case: dict[int, int]) -> dict[int, int]:
    table = dict(case)
    for code, half in width.items():
        table[code] = case.get(half, half)
    return table


WIDTH_TABLE: dict[int, int] = _width_table()
CASE_TABLE: dict[int, int] = _case_table()
#: Width and case folded together (the default, case-insensitive search).
FULL_TABLE: dict[int, int] = _compose(WIDTH_TABLE, CASE_TABLE)


def _as_list(table: dict[int, int]) -> list[int]:
    # A list indexed by code point translates ~2x faster than a dict; code
    # points past its end raise IndexError inside str.translate, which keeps them.
    codes = list(range(max(table) + 1))
    for code, folded in table.items():
        codes[code] = folded
    return codes


_WIDTH_FAST = _as_list(WIDTH_TABLE)
_FULL_FAST = _as_list(FULL_TABLE)


def fold(text: str, *, case_sensitive: bool = False) -> str:
    """Fold width (Ａ→A, ，→,, ideographic space→space) and, unless asked not to, Latin case.

    The result always has the same length as ``text``.
    """
    return text.translate(_WIDTH_FAST if case_sensitive else _FULL_FAST)


def fold_char(char: str, *, case_sensitive: bool = False) -> str:
    """Fold one character."""
    table = WIDTH_TABLE if case_sensitive else FULL_TABLE
    return chr(table.get(ord(char), ord(char)))


@lru_cache(maxsize=2)
def variants_map(case_sensitive: bool = False) -> dict[str, str]:
    """Folded character -> every character folding to it, for characters with variants."""
    table = WIDTH_TABLE if case_sensitive else FULL_TABLE
    groups: dict[str, set[str]] = {}
    for code, folded in table.items():
        groups.setdefault(chr(folded), {chr(folded)}).add(chr(code))
    return {key: "".join(sorted(chars)) for key, chars in groups.items()}


def has_variants(folded_text: str, *, case_sensitive: bool = False) -> bool:
    """True if some character of (already folded) ``folded_text`` has other forms."""
    variants = variants_map(case_sensitive)
    return any(ch in variants for ch in folded_text)
