"""Tests for telaah.freq: frequencies, vocabulary, Zipf, n-grams, collocations, TF-IDF.

Counts are checked by hand on three short Indonesian documents (below).  In
words (kind "word"), stems in brackets, stopwords marked *:

a: Jepang dan* Rusia membahas[bahas] perdagangan[dagang] . Perdagangan[dagang]
   kedua*[dua] negara meningkat[tingkat] , kata* menteri .          -> 11 words
b: Rusia berdagang[dagang] gas alam cair dengan* Jepang . Angkatan[angkat] laut
   Rusia berlatih[latih] di* laut Jepang .                          -> 14 words
c: Angkatan laut Tiongkok hadir . Dagang , angkatan , laut : semua* dibahas[bahas] .
                                                                    -> 9 words
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import telaah._columns
import telaah.freq
from telaah._columns import ensure_tokens
from telaah.corpus import read_corpus
from telaah.freq import (
    collocations,
    frequencies,
    ngrams,
    tfidf,
    tfidf_matrix,
    vocabulary,
    zipf_table,
)
from telaah.resources import data_path
from telaah.table import token_table

TEXTS = {
    "a": "Jepang dan Rusia membahas perdagangan. Perdagangan kedua negara meningkat, kata menteri.",
    "b": "Rusia berdagang gas alam cair dengan Jepang. Angkatan laut Rusia berlatih di laut Jepang.",
    "c": "Angkatan laut Tiongkok hadir. Dagang, angkatan, laut: semua dibahas.",
}


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(TEXTS), "text": list(TEXTS.values())})


@pytest.fixture(scope="module")
def tokens(corpus) -> pd.DataFrame:
    return token_table(corpus)


@pytest.fixture(scope="module")
def article() -> pd.DataFrame:
    return token_table(read_corpus(data_path("jepang-rusia.txt")))


def as_dict(table: pd.DataFrame, key: str = "term", value: str = "count") -> dict:
    return dict(zip(table[key], table[value], strict=True))


# --- ensure_tokens ------------------------------------------------------------


def test_ensure_tokens_passes_a_token_table_through(tokens):
    assert ensure_tokens(tokens) is tokens


@pytest.mark.parametrize("make", [lambda c: c, lambda c: list(c.text)], ids=["corpus table", "list of texts"])
def test_ensure_tokens_builds_a_table_from_a_corpus(corpus, tokens, make):
    built = ensure_tokens(make(corpus))
    assert built["token"].tolist() == tokens["token"].tolist()


def test_ensure_tokens_reads_a_path(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text("Rusia berdagang.", encoding="utf-8")
    assert ensure_tokens(path)["token"].tolist() == ["Rusia", "berdagang", "."]


def test_ensure_tokens_rejects_other_tables():
    with pytest.raises(ValueError, match="token table .* or a corpus table"):
        ensure_tokens(pd.DataFrame({"kata": ["rudal"]}))


def test_freq_exports_only_its_own_functions():
    """The shared helpers live in telaah._columns only; freq uses them, it has no copies."""
    assert set(telaah.freq.__all__) == {"frequencies", "vocabulary", "zipf_table", "ngrams", "collocations", "tfidf", "tfidf_matrix", "MEASURES"}
    for name in ("ensure_tokens", "check_by", "group_ids", "term_codes", "stop_mask", "unique_counts"):
        assert getattr(telaah.freq, name) is getattr(telaah._columns, name)
    assert not hasattr(telaah.freq, "KINDS") and not hasattr(telaah.freq, "BY")


# --- frequencies --------------------------------------------------------------


def test_stem_frequencies_merge_inflections(tokens):
    f = frequencies(tokens)
    assert as_dict(f)["dagang"] == 4  # perdagangan x2, berdagang, Dagang
    assert as_dict(f, value="doc_freq")["dagang"] == 3
    assert f.iloc[0].term in {"dagang", "laut"} and f.iloc[0]["count"] == 4
    assert "dan" not in set(f.term) and "dua" not in set(f.term)  # stopwords dropped


def test_frequencies_of_forms(tokens):
    f = as_dict(frequencies(tokens, by="lower"))
    assert (f["perdagangan"], f["berdagang"], f["dagang"]) == (2, 1, 1)
    exact = as_dict(frequencies(tokens, by="token"))
    assert (exact["Perdagangan"], exact["perdagangan"], exact["Dagang"]) == (1, 1, 1)


def test_rates_are_per_word_including_stopwords(tokens):
    """34 words in all (11 + 14 + 9), whether stopwords are listed or not."""
    for drop in (True, False):
        row = frequencies(tokens, drop_stop=drop).set_index("term").loc["dagang"]
        assert row.rel_freq == pytest.approx(4 / 34)
        assert row.per_1000 == pytest.approx(4000 / 34)
    with_stop = as_dict(frequencies(tokens, drop_stop=False))
    assert (with_stop["dan"], with_stop["kedua"], with_stop["di"]) == (1, 1, 1)


def test_frequencies_by_document(tokens):
    f = frequencies(tokens, groupby="doc_id")
    assert list(f.columns) == ["doc_id", "term", "count", "rel_freq", "per_1000", "doc_freq", "rank"]
    b = f[f.doc_id == "b"].set_index("term")
    assert b.loc["laut", "count"] == 2 and b.loc["laut", "rel_freq"] == pytest.approx(2 / 14)
    assert b["rank"].tolist() == list(range(1, len(b) + 1))
    assert b.index[:3].tolist() == ["jepang", "laut", "rusia"]  # count 2 each, then alphabetical
    assert f.groupby("doc_id", observed=True)["count"].sum().to_dict() == {"a": 8, "b": 12, "c": 8}


def test_frequencies_by_several_columns(tokens):
    f = frequencies(tokens, groupby=["doc_id", "sent_id"], by="lower")
    assert list(f.columns[:2]) == ["doc_id", "sent_id"]
    row = f[(f.doc_id == "a") & (f.sent_id == 1) & (f.term == "perdagangan")].iloc[0]
    assert row["count"] == 1
    assert row.rel_freq == pytest.approx(1 / 6)  # Perdagangan kedua negara meningkat, kata menteri: 6 words


def test_groupby_keeps_rows_whose_key_is_missing(tokens):
    """A missing key is a group of its own, after the others: its words are counted, not dropped."""
    t = tokens.copy()
    t["source"] = t["doc_id"].map({"a": "kompas", "b": None, "c": "antara"}).astype(object)
    f = frequencies(t, groupby="source", by="lower")
    assert f["source"].iloc[-1] is None or pd.isna(f["source"].iloc[-1])
    assert f["source"].drop_duplicates().tolist()[:2] == ["antara", "kompas"]
    missing = f[f["source"].isna()].set_index("term")
    assert missing.loc["laut", "count"] == 2 and missing["count"].sum() == 12  # all of b's 12 content words
    assert missing.loc["laut", "rel_freq"] == pytest.approx(2 / 14) and missing["rank"].tolist() == list(range(1, len(missing) + 1))
    assert f["count"].sum() == frequencies(t, by="lower")["count"].sum()
    assert len(frequencies(t, groupby="source", by="lower", top=1)) == 3  # one per group, the missing one included


def test_groupby_orders_groups_by_key():
    t = token_table(pd.DataFrame({"doc_id": ["z", "y"], "text": ["Rudal.", "Kapal."]}))
    t["date"] = t["doc_id"].map({"z": "2024-01-02", "y": "2024-01-01"}).astype(object)
    assert frequencies(t, groupby="date")["date"].tolist() == ["2024-01-01", "2024-01-02"]
    assert frequencies(t, groupby="doc_id")["doc_id"].tolist() == ["z", "y"]  # categorical: the corpus's order


def test_top_and_min_count(tokens):
    assert len(frequencies(tokens, top=3)) == 3
    f = frequencies(tokens, groupby="doc_id", top=2)
    assert f.groupby("doc_id", observed=True).size().tolist() == [2, 2, 2]
    assert set(frequencies(tokens, min_count=3).term) == {"dagang", "laut", "angkat", "jepang", "rusia"}


def test_kinds_selects_what_is_counted():
    t = token_table(["Harga naik 5 persen, lalu 5 lagi."])
    assert "5" not in set(frequencies(t, by="lower").term)
    f = as_dict(frequencies(t, by="lower", kinds=("word", "number"), drop_stop=False))
    assert f["5"] == 2
    assert as_dict(frequencies(t, by="lower", kinds="all", drop_stop=False))[","] == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"by": "foo"}, "by='foo': choose one of 'stem', 'lower', 'token'"),
        ({"kinds": ("kata",)}, "unknown kind"),
        ({"groupby": "bab"}, "no column"),
    ],
)
def test_frequency_options_are_checked(tokens, options, message):
    with pytest.raises(ValueError, match=message):
        frequencies(tokens, **options)


def test_stem_needs_a_stem_column(corpus):
    plain = token_table(corpus, stem=False)
    with pytest.raises(ValueError, match="no 'stem' column .* stem=False"):
        frequencies(plain)
    assert as_dict(frequencies(plain, by="lower"))["laut"] == 4


# --- vocabulary ---------------------------------------------------------------


def test_vocabulary_per_document(tokens):
    v = vocabulary(tokens).set_index("doc_id")
    a = v.loc["a"]
    # jepang dan rusia membahas perdagangan perdagangan kedua negara meningkat kata menteri
    assert (a.tokens, a.types, a.hapax, a.sentences) == (11, 10, 9, 2)
    assert a.ttr == pytest.approx(10 / 11) and a.hapax_ratio == pytest.approx(9 / 10)
    assert a.mean_sentence_length == pytest.approx(5.5)
    assert a.mattr == pytest.approx(a.ttr)  # shorter than the 50-token window: one window
    b = v.loc["b"]  # rusia x2, jepang x2, laut x2; 14 words, 11 types
    assert (b.tokens, b.types, b.hapax) == (14, 11, 8)


def test_vocabulary_for_the_corpus(tokens):
    v = vocabulary(tokens, groupby=None)
    assert len(v) == 1 and "doc_id" not in v.columns
    row = v.iloc[0]
    assert row.tokens == 34 and row.sentences == 6 and row.mean_sentence_length == pytest.approx(34 / 6)
    assert row.types == len(set(tokens.loc[tokens.kind == "word", "lower"]))


def test_vocabulary_for_a_corpus_without_words_is_one_empty_row():
    v = vocabulary(["... !"], groupby=None)
    assert len(v) == 1 and v.tokens.iloc[0] == 0 and np.isnan(v.ttr.iloc[0])
    assert vocabulary(["... !"]).empty  # no document has a counted token


def test_vocabulary_by_stem_has_fewer_types(tokens):
    by_form = vocabulary(tokens, groupby=None).types.iloc[0]
    by_stem = vocabulary(tokens, by="stem", groupby=None).types.iloc[0]
    assert by_stem < by_form


def brute_mattr(words: list[str], window: int) -> float:
    if len(words) <= window:
        return len(set(words)) / len(words)
    ttrs = [len(set(words[s : s + window])) / window for s in range(len(words) - window + 1)]
    return sum(ttrs) / len(ttrs)


@pytest.mark.parametrize("window", [2, 3, 5, 8])
def test_mattr_matches_a_brute_force_count(tokens, window):
    v = vocabulary(tokens, window=window).set_index("doc_id")
    for doc, rows in tokens[tokens.kind == "word"].groupby("doc_id", observed=True):
        assert v.loc[doc, "mattr"] == pytest.approx(brute_mattr(rows["lower"].astype(str).tolist(), window))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.lists(st.sampled_from(["rudal", "laut", "jepang", "dagang", "kapal"]), min_size=1, max_size=30), min_size=1, max_size=3),
    st.integers(min_value=1, max_value=12),
)
def test_mattr_property(docs, window):
    t = token_table([" ".join(d) for d in docs], stem=False)
    v = vocabulary(t, window=window)
    for words, got in zip(docs, v["mattr"], strict=True):
        assert got == pytest.approx(brute_mattr(words, window))
    windows = [max(len(d) - window + 1, 1) for d in docs]
    expected = sum(brute_mattr(d, window) * w for d, w in zip(docs, windows, strict=True)) / sum(windows)
    assert vocabulary(t, window=window, groupby=None).mattr.iloc[0] == pytest.approx(expected)


def test_mattr_runs_across_the_paragraphs_of_an_article():
    whole = token_table(read_corpus(data_path("jepang-rusia.txt")))
    paragraphs = token_table(read_corpus(data_path("jepang-rusia.txt"), unit="paragraph"))
    article = vocabulary(paragraphs, groupby="parent_id").iloc[0]
    expected = vocabulary(whole).iloc[0]
    assert article.mattr == pytest.approx(expected.mattr) and article.tokens == expected.tokens
    assert expected.mattr > expected.ttr  # 462 words: TTR is dragged down by length, MATTR is not


def test_vocabulary_window_is_checked(tokens):
    with pytest.raises(ValueError, match="window=0"):
        vocabulary(tokens, window=0)


# --- Zipf ---------------------------------------------------------------------


def test_zipf_table_ranks_and_fit(article):
    z = zipf_table(article, drop_stop=False)
    assert z["rank"].tolist() == list(range(1, len(z) + 1))
    assert z["count"].is_monotonic_decreasing
    assert z.iloc[0].term == "dan"  # the commonest word of the article
    assert z["rel_freq"].sum() == pytest.approx(1.0)
    assert 0.4 < z.attrs["zipf_exponent"] < 1.5
    assert z.iloc[0].expected > z.iloc[-1].expected


def test_zipf_table_leaves_stopwords_out_by_default(article):
    z = zipf_table(article)
    stops = set(article.loc[article.is_stop, "lower"].astype(str))
    assert not set(z.term) & stops and z.iloc[0].term not in stops
    everything = zipf_table(article, drop_stop=False)
    assert set(z.term) == set(everything.term) - stops
    assert z["rel_freq"].sum() == pytest.approx(1.0)  # shares of the listed terms


# --- n-grams and collocations ---------------------------------------------------


def test_ngrams_never_cross_punctuation_sentences_or_documents(tokens):
    g = as_dict(ngrams(tokens, drop_stop=False), key="ngram")
    assert g["angkatan laut"] == 2  # b, and the start of c; not "Angkatan, laut" in c
    assert "jepang angkatan" not in g  # b: Jepang. Angkatan (sentence, full stop)
    assert "menteri rusia" not in g and "jepang angkatan" not in g  # a -> b, b -> c
    assert "meningkat kata" not in g  # a comma between
    assert "dagang angkatan" not in g and "angkatan laut" in g


def test_ngrams_do_not_cross_a_sentence_without_punctuation():
    t = token_table(["Angkatan laut Rusia"]).copy()
    assert "laut rusia" in set(ngrams(t).ngram)
    t.loc[t.token == "Rusia", "sent_id"] = 1
    assert "laut rusia" not in set(ngrams(t).ngram)


def test_ngrams_do_not_glue_words_of_a_filtered_table():
    t = token_table(["Angkatan laut kuat Rusia"])
    g = ngrams(t[t.token != "kuat"]).ngram.tolist()
    assert "laut rusia" not in g and g == ["angkatan laut"]


def test_ngrams_do_not_cross_documents():
    assert ngrams(token_table(["Angkatan laut", "Rusia kuat"])).ngram.tolist() == ["angkatan laut", "rusia kuat"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"drop_stop": False}, {"jepang dan", "dan rusia", "rusia membahas"}),
        ({}, {"rusia membahas"}),  # the default: drop_stop=True, across_stop=False
        ({"drop_stop": True}, {"rusia membahas"}),
        ({"across_stop": True}, {"jepang rusia", "rusia membahas"}),
    ],
)
def test_stopwords_dropped_kept_or_bridged(options, expected):
    t = token_table(["Jepang dan Rusia membahas"])
    assert set(ngrams(t, **options).ngram) == expected


def test_across_stop_joins_words_but_not_across_breaks():
    """Removing stopwords first joins their neighbours within a segment, never across punctuation or sentences."""
    t = token_table(["Kerja sama di bidang pertahanan. Dan Rusia, yang kuat."])
    g = set(ngrams(t, across_stop=True).ngram)
    assert "kerja bidang" in g and "bidang pertahanan" in g  # "sama" and "di" are stopwords
    assert "pertahanan rusia" not in g and "rusia kuat" not in g  # a full stop and a comma between
    assert set(ngrams(t).ngram) == {"bidang pertahanan"}
    trigrams = set(ngrams(t, n=3, across_stop=True).ngram)
    assert trigrams == {"kerja bidang pertahanan"}


def test_across_stop_collocations_count_the_joined_pairs(article):
    joined = collocations(article, min_count=2, across_stop=True)
    adjacent = collocations(article, min_count=2)
    stops = set(article.loc[article.is_stop, "lower"].astype(str))
    assert not (set(joined.word1) | set(joined.word2)) & stops
    assert joined["count"].sum() > adjacent["count"].sum()  # more pairs: words that a stopword kept apart


def test_across_stop_cannot_keep_stopwords(tokens):
    with pytest.raises(ValueError, match="across_stop=True removes stopwords before forming n-grams"):
        ngrams(tokens, drop_stop=False, across_stop=True)


def test_the_old_stopwords_mode_is_gone(tokens):
    with pytest.raises(TypeError, match="stopwords"):
        ngrams(tokens, stopwords="before")
    with pytest.raises(ValueError, match="drop_stop='before': give True or False .* across_stop=True"):
        collocations(tokens, drop_stop="before")


def test_trigrams_and_stems(tokens):
    g = ngrams(tokens, n=3, drop_stop=False)
    assert set(g.columns) >= {"ngram", "word1", "word2", "word3", "count"}
    assert "angkatan laut rusia" in set(g.ngram) and "angkatan laut tiongkok" in set(g.ngram)
    s = as_dict(ngrams(tokens, by="stem"), key="ngram")
    assert s["angkat laut"] == 2


def test_collocations_columns_and_order(article):
    c = collocations(article, min_count=2)
    assert list(c.columns) == ["ngram", "word1", "word2", "count", "pmi", "npmi", "likelihood_ratio", "student_t"]
    assert c["likelihood_ratio"].is_monotonic_decreasing and (c["count"] >= 2).all()
    assert {"korea utara", "luar negeri", "perang dunia"} <= set(c.ngram)
    assert c.attrs["measure"] == "likelihood_ratio"
    p = collocations(article, min_count=2, measure="pmi")
    assert p["pmi"].is_monotonic_decreasing
    assert ((p.npmi > 0) & (p.npmi <= 1)).all()


def test_npmi_is_one_for_words_that_only_occur_together():
    t = token_table(["Perang dunia kedua. Perang dunia usai. Hari baru tiba."])
    c = collocations(t, min_count=2, drop_stop=False).set_index("ngram")
    assert c.loc["perang dunia", "npmi"] == pytest.approx(1.0)


def nltk_words(tokens: pd.DataFrame, column: str, pad: int) -> list:
    """The article as NLTK sees it: words, with `pad` Nones at every break (punctuation, sentence, document)."""
    words: list = []
    last = None
    for row in tokens.itertuples():
        key = (row.doc_id, row.sent_id)
        if row.kind != "word" or key != last:
            words.extend([None] * pad)
        if row.kind == "word":
            words.append(getattr(row, column))
        last = key
    return words


@pytest.mark.parametrize("window", [2, 3, 5])
@pytest.mark.parametrize("measure", ["pmi", "likelihood_ratio", "student_t"])
def test_bigram_scores_equal_nltk_from_words(article, window, measure):
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures

    finder = BigramCollocationFinder.from_words(nltk_words(article, "lower", window - 1), window_size=window)
    finder.apply_freq_filter(2)
    expected = dict(finder.score_ngrams(getattr(BigramAssocMeasures, measure)))
    ours = collocations(article, min_count=2, window=window, drop_stop=False, measure=measure)
    got = {(r.word1, r.word2): getattr(r, measure) for r in ours.itertuples()}
    assert got.keys() == expected.keys()
    for gram, score in expected.items():
        assert got[gram] == pytest.approx(score)


@pytest.mark.parametrize("measure", ["pmi", "likelihood_ratio", "student_t"])
def test_trigram_scores_equal_nltk_from_words(article, measure):
    from nltk.collocations import TrigramCollocationFinder
    from nltk.metrics import TrigramAssocMeasures

    finder = TrigramCollocationFinder.from_words(nltk_words(article, "lower", 2))
    finder.apply_freq_filter(2)
    expected = dict(finder.score_ngrams(getattr(TrigramAssocMeasures, measure)))
    ours = collocations(article, n=3, min_count=2, drop_stop=False, measure=measure)
    got = {(r.word1, r.word2, r.word3): getattr(r, measure) for r in ours.itertuples()}
    assert got.keys() == expected.keys() and len(got) > 0
    for gram, score in expected.items():
        assert got[gram] == pytest.approx(score)


def test_drop_stop_is_nltks_word_filter(article):
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures

    stops = set(article.loc[article.is_stop, "lower"].astype(str))
    finder = BigramCollocationFinder.from_words(nltk_words(article, "lower", 1))
    finder.apply_freq_filter(2)
    finder.apply_word_filter(lambda w: w in stops)
    expected = dict(finder.score_ngrams(BigramAssocMeasures.pmi))
    got = collocations(article, min_count=2, measure="pmi")  # drop_stop=True by default
    assert {(r.word1, r.word2): r.pmi for r in got.itertuples()} == pytest.approx(expected)


def test_pmi_by_hand():
    """jepang: 2, rusia: 2, 'jepang rusia': 2 of 6 words -> PMI = log2(2 * 6 / (2 * 2))."""
    t = token_table(["Jepang Rusia. Jepang Rusia. Kapal laut."])
    row = collocations(t, min_count=2, drop_stop=False).set_index("ngram").loc["jepang rusia"]
    assert row.pmi == pytest.approx(math.log2(2 * 6 / (2 * 2)))
    assert row.npmi == pytest.approx(math.log2(3) / -math.log2(2 / 6))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"measure": "dice"}, "measure='dice': choose one of"),
        ({"n": 4}, "bigrams .* trigrams"),
        ({"across_stop": "ya"}, "across_stop='ya': give True or False"),
        ({"window": 1}, "window=1"),
        ({"n": 3, "window": 5}, "trigrams are always three adjacent words"),
        ({"by": "kata"}, "by='kata'"),
    ],
)
def test_collocation_options_are_checked(tokens, options, message):
    with pytest.raises(ValueError, match=message):
        collocations(tokens, **options)


def test_no_candidates_gives_an_empty_table(tokens):
    c = collocations(tokens, min_count=50)
    assert c.empty and "pmi" in c.columns


# --- TF-IDF -------------------------------------------------------------------


def test_tfidf_equals_scikit_learns_vectorizer(tokens):
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = tokens[(tokens.kind == "word") & ~tokens.is_stop]
    docs = [rows["stem"].astype(str).tolist() for _, rows in words.groupby("doc_id", observed=True)]
    vectorizer = TfidfVectorizer(analyzer=lambda doc: doc)
    expected = vectorizer.fit_transform(docs).toarray()
    X, groups, terms = tfidf_matrix(tokens)
    assert groups.doc_id.tolist() == ["a", "b", "c"]
    order = [list(terms).index(t) for t in vectorizer.get_feature_names_out()]
    np.testing.assert_allclose(X.toarray()[:, order], expected)


def test_tfidf_top_terms_per_document(tokens):
    t = tfidf(tokens, top=2)
    assert list(t.columns) == ["doc_id", "term", "count", "tfidf", "rank"]
    assert t.groupby("doc_id", observed=True).size().tolist() == [2, 2, 2]
    a = t[t.doc_id == "a"]
    assert a.term.tolist()[0] == "dagang" and a["count"].tolist()[0] == 2  # twice in a
    c = tfidf(tokens, top=None)
    assert c[c.doc_id == "c"].set_index("term").loc["tiongkok", "count"] == 1
    assert c.groupby("doc_id", observed=True)["tfidf"].apply(lambda s: (s**2).sum()).tolist() == pytest.approx([1.0, 1.0, 1.0])


def test_tfidf_needs_units_and_words(tokens):
    with pytest.raises(ValueError, match="TF-IDF needs units"):
        tfidf(tokens, groupby=[])
    with pytest.raises(ValueError, match="no tokens to count"):
        tfidf(["... !"])
