"""Tests for telaah.concordance: keyword in context, dispersion, counts per segment.

The three documents (token ids in brackets where they matter):

a: Jepang dan Rusia membahas perdagangan[4] . Perdagangan[6] kedua negara meningkat , kata menteri .
b: Rusia berdagang[1] gas alam cair dengan Jepang . Angkatan[8] laut[9] Rusia berlatih di laut[13] Jepang .   (16 tokens)
c: Angkatan[0] laut[1] Tiongkok hadir . Dagang[5] , angkatan , laut : semua dibahas .
"""

from __future__ import annotations

import pandas as pd
import pytest

from telaah.concordance import dispersion, kwic, match_rows, query_terms, segment_counts
from telaah.corpus import read_corpus
from telaah.resources import data_path
from telaah.table import token_table

TEXTS = {
    "a": "Jepang dan Rusia membahas perdagangan. Perdagangan kedua negara meningkat, kata menteri.",
    "b": "Rusia berdagang gas alam cair dengan Jepang. Angkatan laut Rusia berlatih di laut Jepang.",
    "c": "Angkatan laut Tiongkok hadir. Dagang, angkatan, laut: semua dibahas.",
}
KWIC_COLUMNS = ["query", "doc_id", "para_id", "sent_id", "token_id", "start", "end", "left", "match", "right"]


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(TEXTS), "text": list(TEXTS.values())})


@pytest.fixture(scope="module")
def tokens(corpus) -> pd.DataFrame:
    return token_table(corpus)


# --- queries ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "by", "expected"),
    [
        ("dagang", "stem", ["dagang"]),
        ("perdagangan", "stem", ["dagang"]),
        ("memperdagangkan", "stem", ["dagang"]),  # not in the table: stemmed by telaah.Stemmer
        ("Angkatan Laut", "stem", ["angkat", "laut"]),
        ("Angkatan Laut", "lower", ["angkatan", "laut"]),
        ("Angkatan Laut", "token", ["Angkatan", "Laut"]),
        ("Jepang-AS", "lower", ["jepang-as"]),
    ],
)
def test_query_is_normalised_like_the_table(tokens, query, by, expected):
    assert query_terms(tokens, query, by=by) == expected


def test_unknown_words_are_stemmed_by_the_shared_default_stemmer(tokens, monkeypatch):
    import telaah.stemmer

    class Marker:
        def stem(self, word: str) -> str:
            return f"<{word}>"

    monkeypatch.setattr(telaah.stemmer, "default_stemmer", lambda: Marker())
    assert query_terms(tokens, "memperdagangkan perdagangan") == ["<memperdagangkan>", "dagang"]  # the second is in the table


def test_empty_query_is_an_error(tokens):
    with pytest.raises(ValueError, match="has no words"):
        kwic(tokens, "  ")


# --- KWIC ---------------------------------------------------------------------


@pytest.mark.parametrize("query", ["dagang", "perdagangan", "berdagang", "memperdagangkan"])
def test_stem_finds_every_inflected_form(tokens, query):
    k = kwic(tokens, query)
    assert k["match"].tolist() == ["perdagangan", "Perdagangan", "berdagang", "Dagang"]
    assert k["doc_id"].tolist() == ["a", "a", "b", "c"]
    assert k["token_id"].tolist() == [4, 6, 1, 5]


@pytest.mark.parametrize(("by", "query", "n"), [("lower", "perdagangan", 2), ("token", "Perdagangan", 1), ("token", "perdagangan", 1)])
def test_forms_match_only_that_form(tokens, by, query, n):
    assert len(kwic(tokens, query, by=by)) == n


def test_columns_and_offsets(tokens, corpus):
    k = kwic(tokens, "laut", by="lower")
    assert list(k.columns) == KWIC_COLUMNS
    texts = dict(zip(corpus.doc_id, corpus.text, strict=True))
    assert all(texts[d][s:e].lower() == "laut" for d, s, e in zip(k.doc_id, k.start, k.end, strict=True))
    assert len(k) == 4


def test_multiword_query_needs_consecutive_tokens(tokens, corpus):
    k = kwic(tokens, "angkatan laut", window=2, corpus=corpus)
    assert k["doc_id"].tolist() == ["b", "c"]  # not "angkatan, laut" in c
    assert k["match"].tolist() == ["Angkatan laut", "Angkatan laut"]
    b = k.iloc[0]
    assert (b.token_id, b.left, b.right) == (8, "Jepang.", "Rusia berlatih")
    assert TEXTS["b"][b.start : b.end] == "Angkatan laut"


def test_context_never_crosses_documents(tokens):
    k = kwic(tokens, "angkatan laut", window=5)
    c = k[k.doc_id == "c"].iloc[0]
    assert c.left == ""  # not the end of document b
    end_of_b = kwic(tokens, "jepang", window=5)
    last = end_of_b[(end_of_b.doc_id == "b")].iloc[-1]
    assert last.right == "."  # not the start of document c


def test_window_counts_tokens_punctuation_included(tokens):
    k = kwic(tokens, "perdagangan", by="lower", window=3)
    assert k.iloc[0].left == "dan Rusia membahas" and k.iloc[0].right == ". Perdagangan kedua"
    assert kwic(tokens, "perdagangan", by="lower", window=0).iloc[0].left == ""


def test_exact_text_from_the_corpus():
    text = "Kata  menteri:\n“Perdagangan  naik”  tajam."
    t = token_table([text])
    k = kwic(t, "dagang", window=4, corpus=[text])
    assert (k.left[0], k.match[0], k.right[0]) == ("Kata menteri: “", "Perdagangan", "naik” tajam.")
    rebuilt = kwic(t, "dagang", window=4)
    assert (rebuilt.left[0], rebuilt.right[0]) == ("Kata menteri: “", "naik” tajam.")


def test_corpus_must_hold_the_documents(tokens):
    with pytest.raises(ValueError, match="no text for document"):
        kwic(tokens, "laut", corpus=["Laut."])


def test_several_queries_and_no_match(tokens):
    k = kwic(tokens, ["tiongkok", "kapal selam"])
    assert k["query"].tolist() == ["tiongkok"]
    empty = kwic(tokens, "kapal selam")
    assert empty.empty and list(empty.columns) == KWIC_COLUMNS


def test_window_is_checked(tokens):
    with pytest.raises(ValueError, match="window=-1"):
        kwic(tokens, "laut", window=-1)


def test_paragraph_corpus_keeps_parent_id():
    corpus = read_corpus(data_path("jepang-rusia.txt"), unit="paragraph")
    k = kwic(token_table(corpus), "dagang")
    assert "parent_id" in k.columns and set(k.match) == {"dagangnya", "perdagangan"}
    laut = kwic(token_table(corpus), "angkatan laut", corpus=corpus)
    assert laut.match.tolist() == ["angkatan laut"] and laut.right[0].startswith("Tiongkok.")


def test_match_rows_returns_start_rows(tokens):
    rows, n = match_rows(tokens, "angkatan laut", by="lower")
    assert n == 2 and tokens.iloc[rows]["token"].tolist() == ["Angkatan", "Angkatan"]


# --- dispersion and segment counts --------------------------------------------


def test_dispersion_positions(tokens):
    d = dispersion(tokens, ["laut", "tiongkok"])
    b = d[(d.term == "laut") & (d.doc_id == "b")]
    assert b.position.tolist() == [9, 13] and b.relative.tolist() == pytest.approx([9 / 16, 13 / 16])
    assert d[d.term == "tiongkok"].position.tolist() == [2]
    assert ((d.relative >= 0) & (d.relative < 1)).all()
    assert {"doc_id", "para_id", "sent_id", "token_id", "start", "end"} <= set(d.columns)


def test_dispersion_along_an_article_read_by_paragraph():
    corpus = read_corpus(data_path("jepang-rusia.txt"), unit="paragraph")
    t = token_table(corpus)
    d = dispersion(t, "dagang", groupby="parent_id")
    assert d.parent_id.astype(str).unique().tolist() == ["jepang-rusia"]
    assert d.position.tolist() == sorted(d.position.tolist()) and d.relative.iloc[-1] > 0.9  # trade comes at the end
    whole = dispersion(token_table(read_corpus(data_path("jepang-rusia.txt"))), "dagang")
    assert d.position.tolist() == whole.position.tolist()


def test_dispersion_along_each_sentence_with_a_list_of_columns(tokens):
    """groupby=["doc_id", "sent_id"]: positions run along each sentence of each document."""
    d = dispersion(tokens, "laut", groupby=["doc_id", "sent_id"])
    assert list(d.columns[:3]) == ["term", "doc_id", "sent_id"]
    b = d[d.doc_id == "b"]
    # b, sentence 1: Angkatan laut Rusia berlatih di laut Jepang .  (8 tokens)
    assert b.sent_id.tolist() == [1, 1] and b.position.tolist() == [1, 5]
    assert b.relative.tolist() == pytest.approx([1 / 8, 5 / 8])
    c = d[d.doc_id == "c"]  # c: "Angkatan laut Tiongkok hadir ." then "Dagang , angkatan , laut : semua dibahas ."
    assert c.position.tolist() == [1, 4] and c.relative.tolist() == pytest.approx([1 / 5, 4 / 9])


def test_dispersion_keeps_texts_whose_key_is_missing(tokens):
    """Rows without a key value are one text of their own, in row order: no occurrence is dropped."""
    t = tokens.copy()
    t["source"] = t["doc_id"].map({"a": "kompas", "b": None, "c": None}).astype(object)
    d = dispersion(t, "laut", groupby="source")
    assert len(d) == len(dispersion(tokens, "laut")) == 4
    n_b = int((t.doc_id == "b").sum())
    assert d.position.tolist() == [9, 13, n_b + 1, n_b + 9]  # b and c run on as one text
    assert d.relative.tolist() == pytest.approx([p / int(t.source.isna().sum()) for p in d.position])


def test_dispersion_rows_need_not_be_in_text_order(tokens):
    shuffled = tokens.sample(frac=1.0, random_state=3)
    d = dispersion(shuffled, "laut").sort_values(["doc_id", "position"])
    # positions run in row order within each text, whatever the order of the texts' rows
    expected = shuffled.assign(pos=shuffled.groupby("doc_id", observed=True).cumcount())
    laut = expected[expected.lower == "laut"].sort_values(["doc_id", "pos"])
    assert d.position.tolist() == laut.pos.tolist()


def test_dispersion_needs_groupby(tokens):
    with pytest.raises(ValueError, match=r"groupby=\[\]: give the column"):
        dispersion(tokens, "laut", groupby=[])
    with pytest.raises(TypeError, match="within"):
        dispersion(tokens, "laut", within="doc_id")


def test_segment_counts_include_zeros(tokens):
    c = segment_counts(tokens, ["laut", "dagang", "angkatan laut"])
    assert len(c) == 9
    got = {(d, t): n for d, t, n in zip(c.doc_id, c.term, c["count"], strict=True)}
    assert got[("a", "laut")] == 0 and got[("b", "laut")] == 2 and got[("c", "laut")] == 2
    assert got[("a", "dagang")] == 2 and got[("c", "angkatan laut")] == 1
    a = c[(c.doc_id == "a") & (c.term == "dagang")].iloc[0]
    assert a.n_tokens == 11 and a.per_1000 == pytest.approx(2000 / 11)


def test_segment_counts_by_paragraph_of_the_article():
    t = token_table(read_corpus(data_path("jepang-rusia.txt")))
    c = segment_counts(t, "tahan", groupby="para_id")
    per_para = dict(zip(c.para_id, c["count"], strict=True))
    assert sum(per_para.values()) == 7 and per_para[2] == 3  # the defence-talks paragraph


def test_segment_counts_by_a_list_of_columns(tokens):
    c = segment_counts(tokens, ["laut", "dagang"], groupby=["doc_id", "sent_id"])
    assert list(c.columns) == ["doc_id", "sent_id", "term", "count", "n_tokens", "per_1000"]
    assert len(c) == 2 * 6  # six sentences, two terms, zeros included
    got = {(d, s, t): n for d, s, t, n in zip(c.doc_id, c.sent_id, c.term, c["count"], strict=True)}
    assert got[("b", 1, "laut")] == 2 and got[("b", 0, "laut")] == 0 and got[("c", 1, "dagang")] == 1
    assert got[("a", 0, "dagang")] == 1 and got[("a", 1, "dagang")] == 1
    n = {(d, s): k for d, s, k in zip(c.doc_id, c.sent_id, c.n_tokens, strict=True)}
    assert n[("a", 0)] == 5 and n[("a", 1)] == 6  # words only


def test_segment_counts_keep_segments_whose_key_is_missing(tokens):
    t = tokens.copy()
    t["source"] = t["doc_id"].map({"a": "kompas", "b": None, "c": "antara"}).astype(object)
    c = segment_counts(t, "laut", groupby="source")
    assert c.source.iloc[:2].tolist() == ["antara", "kompas"] and pd.isna(c.source.iloc[2])  # missing last
    assert c["count"].tolist() == [2, 0, 2] and c.n_tokens.tolist() == [9, 11, 14]


def test_segment_counts_need_groupby(tokens):
    with pytest.raises(ValueError, match=r"groupby=\[\]"):
        segment_counts(tokens, "laut", groupby=[])
    with pytest.raises(ValueError, match="groupby: no column"):
        segment_counts(tokens, "laut", groupby=["doc_id", "bab"])
    with pytest.raises(TypeError, match="segment"):
        segment_counts(tokens, "laut", segment="doc_id")


def test_term_trends_count_terms_per_period_with_zeros():
    from telaah.concordance import term_trends

    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": ["Ekspor gas naik.", "Gas dan minyak. Angkatan laut siaga.", "Angkatan laut berlatih."],
            "source": ["x", "y", "x"],
            "date": pd.to_datetime(["2020-01-05", "2020-03-02", "2020-03-20"]),
        }
    )
    trends = term_trends(corpus, ["gas", "angkatan laut"], by="lower")
    assert trends.columns.tolist() == ["period", "term", "count", "tokens", "per_1000", "documents"]
    gas = trends[trends.term == "gas"]
    assert [str(p) for p in gas.period] == ["2020-01", "2020-02", "2020-03"] and gas["count"].tolist() == [1, 0, 1]
    assert trends[trends.term == "angkatan laut"]["count"].tolist() == [0, 0, 2]
    assert gas["documents"].tolist() == [1, 0, 2] and gas["per_1000"].isna().tolist() == [False, True, False]
    by_source = term_trends(corpus, "gas", by="lower", groupby="source")
    assert by_source.groupby("source", observed=True)["count"].sum().tolist() == [1, 1]
    stems = term_trends(corpus, "latih")
    assert stems["count"].sum() == 1  # berlatih -> latih
