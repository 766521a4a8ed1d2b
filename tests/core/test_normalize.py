"""Width and case folding keeps every offset where it was."""

from __future__ import annotations

from reader.core.normalize import fold, fold_char, variants_map


def test_full_width_letters_digits_and_punctuation_fold_to_ascii() -> None:
    assert fold("ＡＢＣ１２３，！（）") == "abc123,!()"
    assert fold("ＡＢＣ", case_sensitive=True) == "ABC"


def test_whole_ff01_ff5e_block_and_ideographic_space_fold() -> None:
    full = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000"
    half = "".join(chr(c) for c in range(0x21, 0x7F)) + " "
    assert fold(full, case_sensitive=True) == half
    assert fold(full) == half.lower()


def test_folding_never_changes_length_even_for_odd_letters() -> None:
    text = "İstanbul ẞ ΣΑΣ Ｍｉｘ 中文，ok\U0001d538"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("İ")  # lower() would make two characters: kept as is


def test_chinese_text_is_unchanged_but_its_punctuation_is_folded() -> None:
    assert fold("中华人民共和国。") == "中华人民共和国。"  # 。 has no ASCII twin
    assert fold("你好，世界") == "你好,世界"


def test_variants_and_single_characters() -> None:
    assert set(variants_map()["a"]) == {"a", "A", "ａ", "Ａ"}
    assert set(variants_map(True)["A"]) == {"A", "Ａ"}
    assert fold_char("Ｑ") == "q"
