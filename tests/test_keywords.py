"""Tests for telaah.keywords: log-likelihood (G2), log ratio, significance, references."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telaah.corpus import read_corpus
from telaah.keywords import REFERENCE_SIZE, keyness, log_likelihood, log_ratio
from telaah.resources import data_path
from telaah.table import token_table


def g2_by_hand(a: float, b: float, c: float, d: float) -> float:
    """The textbook 2x2 G-test, cell by cell."""
    n = c + d
    cells = [(a, c * (a + b) / n), (b, d * (a + b) / n), (c - a, c * (n - a - b) / n), (d - b, d * (n - a - b) / n)]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)


def test_g2_of_a_small_table_by_hand():
    """a=10 of c=100 in the target, b=5 of d=200 in the reference.

    Expected counts: 15 * 100/300 = 5 and 15 * 200/300 = 10 for the term,
    95 and 190 for the rest, so
    G2 = 2 (10 ln(10/5) + 5 ln(5/10) + 90 ln(90/95) + 195 ln(195/190)) = 7.3298.
    """
    by_hand = 2 * (10 * math.log(2) + 5 * math.log(0.5) + 90 * math.log(90 / 95) + 195 * math.log(195 / 190))
    assert by_hand == pytest.approx(7.3298, abs=1e-4)
    assert float(log_likelihood(10, 5, 100, 200)) == pytest.approx(by_hand)


@settings(deadline=None)
@given(st.integers(0, 50), st.integers(0, 50), st.integers(51, 500), st.integers(51, 500))
def test_g2_agrees_with_scipy(a, b, c, d):
    from scipy.stats import chi2_contingency

    if a + b == 0:
        assert float(log_likelihood(a, b, c, d)) == 0.0
        return
    expected = chi2_contingency(np.array([[a, b], [c - a, d - b]]), correction=False, lambda_="log-likelihood")[0]
    assert float(log_likelihood(a, b, c, d)) == pytest.approx(expected, abs=1e-9)
    assert float(log_likelihood(a, b, c, d)) == pytest.approx(g2_by_hand(a, b, c, d), abs=1e-9)


def test_g2_is_zero_when_rates_are_equal():
    assert float(log_likelihood(5, 10, 100, 200)) == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize(
    ("a", "b", "c", "d", "expected"),
    [
        (10, 5, 100, 200, 2.0),  # 10% against 2.5%: four times as frequent
        (5, 10, 100, 200, 0.0),
        (1, 8, 100, 100, -3.0),
        (4, 0, 100, 100, 3.0),  # zero reference count replaced by 0.5: log2(4 / 0.5)
        (0, 2, 100, 100, -2.0),
    ],
)
def test_log_ratio(a, b, c, d, expected):
    assert float(log_ratio(a, b, c, d)) == pytest.approx(expected)


# --- against another part of the table ---------------------------------------

TEXTS = ["Rudal dan rudal. Rudal lagi.", "Dagang dan dagang."]


@pytest.fixture(scope="module")
def two_docs() -> pd.DataFrame:
    return token_table(TEXTS)


def test_counts_sizes_and_scores(two_docs):
    k = keyness(two_docs, target={"doc_id": "doc1"}).set_index("term")
    # doc1: rudal rudal rudal dan lagi (5 words); doc2: dagang dan dagang (3 words)
    assert k.loc["rudal", ["count_target", "count_reference"]].tolist() == [3, 0]
    assert k.loc["rudal", "per_1000_target"] == pytest.approx(600.0)
    assert k.loc["rudal", "g2"] == pytest.approx(g2_by_hand(3, 0, 5, 3))
    assert k.loc["dagang", "log_ratio"] == pytest.approx(math.log2((0.5 / 5) / (2 / 3)))
    assert k.loc["rudal", "log_ratio"] > 0 > k.loc["dagang", "log_ratio"]
    assert k["g2"].is_monotonic_decreasing
    assert k.attrs["target_size"] == 5 and k.attrs["reference_size"] == 3


@pytest.mark.parametrize(
    "target",
    [
        {"doc_id": "doc1"},
        {"doc_id": ["doc1"]},
        "mask",
        "series",
    ],
)
def test_target_can_be_a_mask_or_a_spec(two_docs, target):
    if target == "mask":
        target = (two_docs.doc_id == "doc1").to_numpy()
    elif target == "series":
        target = two_docs.doc_id == "doc1"
    k = keyness(two_docs, target=target).set_index("term")
    assert k.loc["rudal", "count_target"] == 3 and k.loc["dagang", "count_reference"] == 2


def test_reference_alone_means_target_is_the_rest(two_docs):
    a = keyness(two_docs, target={"doc_id": "doc1"})
    b = keyness(two_docs, reference={"doc_id": "doc2"})
    pd.testing.assert_frame_equal(a, b)


def test_paragraphs_against_paragraphs():
    t = token_table(read_corpus(data_path("jepang-rusia.txt")))
    k = keyness(t, target=t.para_id < 7, reference=t.para_id >= 7, by="stem", drop_stop=False).set_index("term")
    words = t[t.kind == "word"]
    assert k["count_target"].sum() == (words.para_id < 7).sum() and k["count_reference"].sum() == (words.para_id >= 7).sum()
    assert k.loc["tahan", "count_target"] == 5 and k.loc["tahan", "count_reference"] == 2


def test_by_is_the_term_column_whatever_the_reference():
    """Lowercase forms by default against another part as against wordfreq; stems only when asked for."""
    t = token_table(["Perdagangan naik. Mereka berdagang.", "Kapal berlayar."])
    forms = keyness(t, target={"doc_id": "doc1"})
    assert {"perdagangan", "berdagang"} <= set(forms.term) and "dagang" not in set(forms.term)
    stems = keyness(t, target={"doc_id": "doc1"}, by="stem").set_index("term")
    assert stems.loc["dagang", "count_target"] == 2 and "perdagangan" not in stems.index
    exact = keyness(t, target={"doc_id": "doc1"}, by="token")
    assert "Perdagangan" in set(exact.term)
    assert set(keyness(t, target={"doc_id": "doc1"}, reference="wordfreq").term) == set(forms[forms.count_target > 0].term)


def test_significance_and_bonferroni(two_docs):
    plain = keyness(two_docs, target={"doc_id": "doc1"}, correction=None, alpha=0.1)
    assert plain.attrs["threshold"] == 0.1
    assert plain["significant"].tolist() == (plain["p_value"] < 0.1).tolist()
    strict = keyness(two_docs, target={"doc_id": "doc1"})
    assert strict.attrs["threshold"] == pytest.approx(0.05 / len(strict))
    assert strict["significant"].sum() <= plain["significant"].sum()


def test_stopwords_are_left_out_by_default(two_docs):
    k = keyness(two_docs, target={"doc_id": "doc1"})
    assert set(k.term) == {"rudal", "dagang"}  # "dan" and "lagi" are stopwords
    assert k.attrs["target_size"] == 5 and k.attrs["reference_size"] == 3  # stopwords still count in the sizes
    assert k.attrs["threshold"] == pytest.approx(0.05 / 2)  # only the terms tested count for Bonferroni
    kept = keyness(two_docs, target={"doc_id": "doc1"}, drop_stop=False)
    assert set(kept.term) == {"rudal", "dagang", "dan", "lagi"} and kept.attrs["threshold"] == pytest.approx(0.05 / 4)
    same = kept.set_index("term").loc[["rudal", "dagang"]]
    pd.testing.assert_frame_equal(k.set_index("term").loc[["rudal", "dagang"]].drop(columns="significant"), same.drop(columns="significant"))


def test_stopwords_are_left_out_against_wordfreq_too():
    t = token_table(["Rudal rudal rudal itu milik Lavrov."])
    assert "itu" not in set(keyness(t, reference="wordfreq").term)
    assert "itu" in set(keyness(t, reference="wordfreq", drop_stop=False).term)


def test_min_count(two_docs):
    assert set(keyness(two_docs, target={"doc_id": "doc1"}, min_count=2).term) == {"rudal", "dagang"}
    assert set(keyness(two_docs, target={"doc_id": "doc1"}, min_count=2, drop_stop=False).term) == {"rudal", "dagang", "dan"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "needs target=, reference= or both"),
        ({"target": {"doc_id": "doc1"}, "reference": {"doc_id": ["doc1", "doc2"]}}, "overlap"),
        ({"target": {"bab": 1}}, "no column 'bab'"),
        ({"target": [True, False]}, "one per row"),
        ({"target": {"doc_id": "doc9"}}, "target: no tokens"),
        ({"target": {"doc_id": "doc1"}, "reference": "kbbi"}, "'wordfreq'"),
        ({"reference": "wordfreq", "by": "stem"}, "use by='lower'"),
        ({"reference": "wordfreq", "by": "token"}, "use by='lower'"),
        ({"target": {"doc_id": "doc1"}, "by": None}, "by=None: choose one of"),
        ({"target": {"doc_id": "doc1"}, "correction": "holm"}, "correction='holm'"),
        ({"target": {"doc_id": "doc1"}, "alpha": 5}, "alpha=5"),
    ],
)
def test_options_are_checked(two_docs, options, message):
    with pytest.raises(ValueError, match=message):
        keyness(two_docs, **options)


# --- against general Indonesian (wordfreq) --------------------------------------


def test_wordfreq_reference():
    from wordfreq import word_frequency

    t = token_table(["Rudal rudal rudal itu milik Lavrov."])
    k = keyness(t, reference="wordfreq", drop_stop=False).set_index("term")
    assert set(k.index) == {"rudal", "itu", "milik", "lavrov"}
    # word_frequency() rounds to three significant digits; keyness reads the unrounded list
    assert k.loc["rudal", "count_reference"] == pytest.approx(word_frequency("rudal", "id") * REFERENCE_SIZE, rel=0.01)
    assert k.loc["rudal", "per_1000_reference"] == pytest.approx(word_frequency("rudal", "id") * 1000, rel=0.01)
    assert k.attrs["reference_size"] == REFERENCE_SIZE and k.attrs["target_size"] == 6
    assert bool(k.loc["rudal", "in_reference"]) and not bool(k.loc["lavrov", "in_reference"])
    # an unknown word gets the rarest listed frequency (about 1e-6), not zero
    assert 0 < k.loc["lavrov", "per_1000_reference"] < k.loc["rudal", "per_1000_reference"]
    assert k.loc["rudal", "log_ratio"] > 5 and k.loc["rudal", "significant"]
    assert k.loc["itu", "log_ratio"] < k.loc["rudal", "log_ratio"]


def test_wordfreq_compares_forms_and_knows_hyphenated_words():
    t = token_table(["Perdagangan dan komentar-komentar."])
    k = keyness(t, reference="wordfreq").set_index("term")
    assert "perdagangan" in k.index and "dagang" not in k.index
    assert bool(k.loc["komentar-komentar", "in_reference"])


def test_reference_size_barely_matters_when_it_dwarfs_the_target():
    t = token_table(read_corpus(data_path("jepang-rusia.txt")))
    small = keyness(t, reference="wordfreq", reference_size=1e7).set_index("term")
    large = keyness(t, reference="wordfreq", reference_size=1e9).set_index("term")
    assert small.loc["pertahanan", "g2"] == pytest.approx(large.loc["pertahanan", "g2"], rel=0.01)


def test_the_article_is_about_japan_russia_and_defence():
    t = token_table(read_corpus(data_path("jepang-rusia.txt")))
    k = keyness(t, reference="wordfreq")
    top = set(k[k.significant & (k.log_ratio > 0)].head(20).term)
    assert {"rusia", "jepang", "pertahanan", "aliansi"} <= top
