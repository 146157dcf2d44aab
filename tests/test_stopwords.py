from __future__ import annotations

import pytest

from telaah.stopwords import compare_stopwords, stopwords


@pytest.mark.parametrize(("name", "size"), [("sastrawi", 809), ("tala", 758)])
def test_bundled_lists_have_their_published_sizes(name, size):
    assert len(stopwords(name)) == size


def test_sastrawi_list_is_exactly_pysastrawis():
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    assert stopwords("sastrawi") == frozenset(StopWordRemoverFactory().get_stop_words())


@pytest.mark.parametrize("word", ["luar", "pihak", "tahun", "tengah", "umum"])
def test_default_keeps_news_content_words(word):
    assert word in stopwords("sastrawi") | stopwords("tala")
    assert word not in stopwords()


@pytest.mark.parametrize("word", ["yang", "dan", "di", "tersebut", "bahwa", "sang"])
def test_default_has_function_words(word):
    assert word in stopwords()


def test_default_is_the_union_minus_documented_removals():
    union = stopwords("sastrawi") | stopwords("tala")
    removed = union - stopwords()
    header = open(__import__("telaah.resources").resources.data_path("id", "stopwords", "default.txt"), encoding="utf-8").read()
    for word in removed:
        assert f"#   {word} " in header, f"{word} removed from default without a reason in its header"


def test_add_and_remove_are_lowercased():
    words = stopwords(add=["Jepang"], remove=["YANG"])
    assert "jepang" in words and "yang" not in words


def test_a_single_string_is_refused():
    with pytest.raises(TypeError, match="list of words"):
        stopwords(add="jepang")


def test_unknown_list_names_the_bundled_ones():
    with pytest.raises(ValueError, match="sastrawi"):
        stopwords("english")


def test_compare_has_one_row_per_word():
    table = compare_stopwords()
    assert table.word.is_unique
    assert set(table.columns) >= {"in_default", "in_sastrawi", "in_tala", "n_lists"}
    assert table.in_sastrawi.sum() == 809
    assert (table.n_lists >= 1).all()
