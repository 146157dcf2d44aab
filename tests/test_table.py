from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telaah.errors import CorpusError
from telaah.table import TOKEN_COLUMNS, as_corpus, token_table


@pytest.fixture(scope="module")
def small():
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "text": [
                "Menteri Pertahanan tiba. Ia membahas pertahanan dan perdagangan dengan Lavrov.\nLavrov setuju.",
                "Warga Bekasi menolak kerusakan jalan, dll. Komentar-komentarnya pun ramai!",
            ],
        }
    )
    return corpus, token_table(corpus, stem=True)


def test_columns_and_dtypes(small):
    _, t = small
    assert tuple(t.columns) == TOKEN_COLUMNS
    assert str(t.start.dtype) == "int32" and t.token.dtype == "category"
    assert t.is_stop.dtype == bool and t.is_name.dtype == bool


def test_offsets_index_into_each_document(small):
    corpus, t = small
    texts = corpus.set_index("doc_id").text
    for row in t.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.token


def test_token_and_sentence_ids_restart_per_document(small):
    _, t = small
    for _, doc in t.groupby("doc_id", observed=True):
        assert doc.token_id.tolist() == list(range(len(doc)))
        assert doc.sent_id.iloc[0] == 0 and doc.sent_id.is_monotonic_increasing
        assert doc.para_id.iloc[0] == 0 and doc.para_id.is_monotonic_increasing
    a = t[t.doc_id == "a"]
    assert a.sent_id.max() == 2  # two sentences on the first line, one on the second
    assert a.para_id.max() == 1 and a[a.token == "setuju"].para_id.iloc[0] == 1


def test_lower_stem_and_stop(small):
    _, t = small
    row = t[t.token == "perdagangan"].iloc[0]
    assert row.lower == "perdagangan" and row.stem == "dagang" and not row.is_stop
    assert t[t.lower == "dan"].is_stop.all()
    assert t[t.token == "Komentar-komentarnya"].stem.iloc[0] == "komentar"


def test_names_are_protected_by_context_and_list(small):
    _, t = small
    lavrov = t[t.token == "Lavrov"]
    assert lavrov.is_name.all(), "capitalised inside a sentence, never lowercase: a name everywhere"
    assert (lavrov.stem_source == "name").all()
    bekasi = t[t.token == "Bekasi"].iloc[0]
    assert bekasi.is_name and bekasi.stem == "bekasi"
    # 'Pertahanan' occurs in lowercase too, so it is not a name and is stemmed.
    assert not t[t.token == "Pertahanan"].is_name.any()
    assert t[t.token == "Pertahanan"].stem.iloc[0] == "tahan"


def test_protect_names_off_stems_names():
    t = token_table(["Warga Bekasi datang."], protect_names=False)
    assert not t.is_name.any()


def test_non_words_are_not_stemmed_or_stopwords(small):
    _, t = small
    punct = t[t.kind == "punct"]
    assert (punct.stem_source == "none").all() and not punct.is_stop.any()
    assert (punct.stem.astype(str) == punct.lower.astype(str)).all()


def test_without_stemming_there_is_no_stem_column():
    t = token_table(["Jepang dan Rusia."], stem=False)
    assert "stem" not in t.columns and "lower" in t.columns


def test_custom_stopwords():
    t = token_table(["Jepang dan Rusia."], stopwords=["Jepang"])
    assert t.set_index("token").is_stop.to_dict() == {"Jepang": True, "dan": False, "Rusia": False, ".": False}


def test_empty_documents_give_no_rows_but_keep_the_category():
    t = token_table(pd.DataFrame({"doc_id": ["kosong", "isi"], "text": ["   ", "Satu kata."]}))
    assert t.doc_id.unique().tolist() == ["isi"]
    assert "kosong" in t.doc_id.cat.categories


def test_parent_id_is_carried_over():
    corpus = pd.DataFrame({"doc_id": ["x#p01", "x#p02"], "parent_id": ["x", "x"], "text": ["Satu.", "Dua."]})
    t = token_table(corpus)
    assert t.parent_id.astype(str).tolist() == ["x"] * 4


def test_list_of_texts_and_bad_inputs():
    assert as_corpus(["a", "b"]).doc_id.tolist() == ["doc1", "doc2"]
    with pytest.raises(CorpusError, match="item 1 is int"):
        as_corpus(["a", 3])
    with pytest.raises(CorpusError, match="missing column"):
        token_table(pd.DataFrame({"teks": ["a"]}))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=4))
def test_offsets_reproduce_every_token_for_any_text(texts):
    t = token_table(texts, stem=False)
    by_id = dict(zip(as_corpus(texts).doc_id, texts, strict=True))
    assert all(by_id[d][s:e] == tok for d, s, e, tok in zip(t.doc_id, t.start, t.end, t.token, strict=True))
    for doc_id, text in by_id.items():
        rows = t[t.doc_id == doc_id]
        covered = sum(e - s for s, e in zip(rows.start, rows.end, strict=True))
        assert covered == len("".join(text.split()))


def test_parallel_scan_gives_the_same_table(monkeypatch):
    import telaah.table as table_module

    texts = [f"Dokumen {i}: Jepang dan Rusia membahas perdagangan. Harga naik {i},5%.\nParagraf baru." for i in range(40)]
    monkeypatch.setattr(table_module, "_PARALLEL_MIN_CHARS", 100)
    parallel = token_table(texts, processes=2)
    single = token_table(texts, processes=1)
    assert parallel.astype(str).equals(single.astype(str))
    assert parallel.doc_id.astype(str).iloc[-1] == "doc40" and parallel.para_id.max() == 1


@pytest.mark.parametrize("column", ["token", "lower", "kind", "stem", "stem_source"])
def test_each_categorical_column_has_only_its_own_categories(small, column):
    values = small[1][column]  # (doc_id keeps documents without tokens: test_empty_documents_...)
    assert set(values.cat.categories) == set(values.astype(str))
    assert (values.value_counts() > 0).all()


def test_token_table_uses_the_process_default_stemmer(monkeypatch):
    from telaah.stemmer import default_stemmer

    calls = []
    original = type(default_stemmer()).stem_table
    monkeypatch.setattr(type(default_stemmer()), "stem_table", lambda self, words: calls.append(self) or original(self, words))
    token_table(["Kerusakan gerakan."])
    assert calls == [default_stemmer()]


@pytest.fixture(scope="module")
def with_metadata():
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": ["Harga gas naik.", "Pasukan bertahan di pulau.", "Ekspor gas turun."],
            "source": ["kompas", "tempo", "kompas"],
            "date": pd.to_datetime(["2020-01-05", "2020-02-01", "2020-02-03"]),
        }
    )
    return corpus, token_table(corpus)


def test_document_metadata_reaches_every_token_as_categories(with_metadata):
    corpus, t = with_metadata
    assert t.columns.tolist()[-2:] == ["source", "date"]
    assert t.source.dtype == "category" and t.date.dtype == "category"
    by_doc = t.groupby("doc_id", observed=True)[["source", "date"]].first()
    assert by_doc["source"].astype(str).tolist() == corpus["source"].tolist()
    assert by_doc["date"].astype("datetime64[ns]").tolist() == corpus["date"].tolist()
    assert t.date.dt.month.tolist()[:4] == [1, 1, 1, 1]


@pytest.mark.parametrize(("metadata", "expected"), [(False, []), (["source"], ["source"]), ("date", ["date"])])
def test_metadata_can_be_chosen_or_left_out(with_metadata, metadata, expected):
    corpus, _ = with_metadata
    t = token_table(corpus, metadata=metadata)
    assert [c for c in t.columns if c not in TOKEN_COLUMNS] == expected


def test_metadata_that_clashes_or_does_not_exist_is_refused(with_metadata):
    corpus, _ = with_metadata
    with pytest.raises(ValueError, match="'kind' have the name of a token-table column"):
        token_table(corpus.assign(kind="berita"))
    with pytest.raises(ValueError, match="no document column\\(s\\) 'penulis'"):
        token_table(corpus, metadata=["penulis"])


def test_paragraph_units_do_not_carry_their_offsets_as_metadata():
    from telaah.corpus import read_corpus

    paragraphs = read_corpus(pd.DataFrame({"text": ["Satu dua.\n\nTiga."], "source": ["x"]}), unit="paragraph")
    t = token_table(paragraphs)
    assert "para_index" not in t.columns and t.columns.tolist()[-1] == "source" and "parent_id" in t.columns


def test_analyses_group_by_metadata(with_metadata):
    from telaah import frequencies, keyness, kwic

    _, t = with_metadata
    counts = frequencies(t, groupby="source", by="lower")
    assert counts.loc[(counts.source == "kompas") & (counts.term == "gas"), "count"].tolist() == [2]
    key = keyness(t, target={"source": "kompas"}, drop_stop=False)
    assert key.loc[key.term == "gas", "count_target"].tolist() == [2]
    rows = kwic(t, "gas", by="lower")
    assert rows["source"].astype(str).tolist() == ["kompas", "kompas"] and rows["date"].notna().all()


@pytest.mark.parametrize("segment_chars", [1, 40, 300])
def test_a_long_document_scanned_in_segments_gives_the_same_table(monkeypatch, segment_chars):
    import telaah.table as table_module

    paragraphs = [
        "Judul tanpa titik",
        "Menteri Pertahanan Jepang bertemu Lavrov. \"Kita harus bertindak,\" katanya.",
        "Baris satu\nbaris dua tanpa titik",
        "kalimat kecil. Lalu https://contoh.id/a?b=1 dan 2,5% naik.",
        "Rusia-Jepang   sepakat; perdagangan $33 miliar.",
    ]
    texts = ["\n\n".join(paragraphs * 7), "Satu dokumen pendek.", "\n\n".join(reversed(paragraphs * 3)) + "\n"]
    whole = token_table(texts)
    monkeypatch.setattr(table_module, "_SEGMENT_CHARS", segment_chars)
    monkeypatch.setattr(table_module, "_CHUNK_CHARS", 500)
    cut = token_table(texts)
    pd.testing.assert_frame_equal(cut, whole)


@given(st.lists(st.sampled_from(["Ekspor naik.", "Kata dia", "Jakarta", "  ", "Baris\nbaru", "(kurung.", "\"Kutip", "\n\n", "\n"]), min_size=1, max_size=30))
@settings(max_examples=40, deadline=None)
def test_cutting_a_document_at_paragraph_starts_never_changes_its_table(pieces):
    from unittest import mock

    import telaah.table as table_module

    text = " ".join(pieces)
    whole = token_table([text, "Dokumen kedua."])
    with mock.patch.object(table_module, "_SEGMENT_CHARS", 5), mock.patch.object(table_module, "_CHUNK_CHARS", 20):
        cut = token_table([text, "Dokumen kedua."])
    pd.testing.assert_frame_equal(cut, whole)


def test_an_empty_corpus_gives_an_empty_table_with_every_column():
    empty = token_table(pd.DataFrame({"doc_id": pd.Series([], dtype=object), "text": pd.Series([], dtype=object)}))
    assert len(empty) == 0 and list(empty.columns[:len(TOKEN_COLUMNS)]) == list(TOKEN_COLUMNS)
