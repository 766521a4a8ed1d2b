"""Tools ▸ User Dictionary: words are stored, applied at once, and change whole-word results."""

from __future__ import annotations

# ruff: noqa: F811  (pytest fixtures imported from search_fixtures)
from pathlib import Path

from gui_helpers import open_and_wait
from pytestqt.qtbot import QtBot
from search_fixtures import clean_user_words, install, wait_results  # noqa: F401

from reader.core.segment import Segmenter
from reader.gui.dialogs.user_dictionary import UserDictionaryDialog, apply_stored_words
from reader.gui.main_window import MainWindow
from reader.gui.search_feature import SearchFeature
from reader.store.db import Store


def test_adding_a_word_changes_whole_word_results_at_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, clean_user_words: Segmenter
) -> None:
    path = tmp_path / "会议.txt"
    path.write_text("会议纪要\n会议由两列席人员参加。\n", encoding="utf-8")
    feature = install(window)
    assert isinstance(feature, SearchFeature)
    open_and_wait(qtbot, window, path)
    bar = feature.find_bar
    bar.word_box.setChecked(True)
    wait_results(qtbot, bar, lambda: bar.open_bar("列席"))
    assert len(bar.hits) == 1  # jieba splits 两|列席: 列席 is a word

    dialog = feature.open_user_dictionary()
    qtbot.addWidget(dialog)
    dialog.word_edit.setText("两列席")
    wait_results(qtbot, bar, dialog.add_button.click)
    assert "两列席" in dialog.words()
    assert bar.hits == []  # now 列席 is only part of the user's word 两列席
    assert bar.count_label.text() == "No results"

    dialog.list.item(dialog.words().index("两列席")).setSelected(True)
    wait_results(qtbot, bar, dialog.remove_button.click)
    assert dialog.words() == []
    assert len(bar.hits) == 1


def test_words_are_stored_and_applied_on_the_next_start(
    qtbot: QtBot, clean_user_words: Segmenter
) -> None:
    store = Store.open()
    try:
        dialog = UserDictionaryDialog(store, clean_user_words)
        qtbot.addWidget(dialog)
        assert dialog.add_word("固本强基")
        assert not dialog.add_word("固本强基")  # twice: refused with a message
        assert "already" in dialog.message.text()
        assert not dialog.add_word("两 列席")
        assert store.user_words.list() == ["固本强基"]
    finally:
        store.close()
    # A fresh start: the stored words go to a new segmenter before jieba loads.
    fresh = Segmenter()
    store = Store.open()
    try:
        assert apply_stored_words(store, fresh) == ["固本强基"]
    finally:
        store.close()
    assert "固本强基" in fresh.user_words and not fresh.is_loaded
