"""telaah.dask: the same corpus on Dask gives the same token table and the same counts as in memory."""

from __future__ import annotations

import json

import dask
import numpy as np
import pandas as pd
import pytest

from telaah import dask as td
from telaah import frequencies, read_corpus, read_sample, token_table
from telaah.errors import CorpusError


@pytest.fixture(scope="module")
def sample():
    return read_sample("indosum").iloc[:120].reset_index(drop=True)


@pytest.fixture(scope="module")
def in_memory(sample):
    return token_table(sample)


def _same_table(lazy: pd.DataFrame, eager: pd.DataFrame) -> None:
    assert list(lazy.columns) == list(eager.columns)
    lazy = lazy.reset_index(drop=True)
    for name in eager.columns:
        left, right = lazy[name], eager[name]
        assert isinstance(left.dtype, pd.CategoricalDtype) == isinstance(right.dtype, pd.CategoricalDtype), name
        if isinstance(right.dtype, pd.CategoricalDtype):
            assert left.astype(object).tolist() == right.astype(object).tolist(), name
            if name not in td._TERM_COLUMNS:  # corpus-wide categories: the same dtype as in memory
                assert left.dtype.categories.dtype == right.dtype.categories.dtype, name
        else:
            assert left.dtype == right.dtype, name
            assert left.tolist() == right.tolist(), name


@pytest.mark.parametrize("npartitions", [1, 3, 7])
def test_the_token_table_equals_the_in_memory_one_whatever_the_partitions(sample, in_memory, npartitions):
    lazy = td.token_table(td.from_pandas(sample, npartitions=npartitions))
    assert lazy.npartitions == npartitions
    _same_table(lazy.compute(), in_memory)


def test_a_paragraph_corpus_keeps_its_parent_ids(sample):
    from telaah.corpus import read_corpus as read

    paragraphs = read(sample.iloc[:15], unit="paragraph")
    _same_table(td.token_table(td.from_pandas(paragraphs, npartitions=3)).compute(), token_table(paragraphs))


def test_names_are_decided_on_the_whole_corpus_not_per_partition():
    # "Cakra" is capitalised inside a sentence in the first document and lowercase in the second:
    # over the corpus it is not a name, although the first partition alone would call it one.
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Kami bertemu Cakra kemarin.", "Roda cakra berputar."]})
    lazy = td.token_table(td.from_pandas(corpus, npartitions=2)).compute()
    eager = token_table(corpus)
    assert not lazy.loc[lazy.lower == "cakra", "is_name"].any()
    _same_table(lazy, eager)


def test_corpus_wide_categories_keep_groups_in_the_in_memory_order(sample, in_memory):
    lazy = td.token_table(td.from_pandas(sample, npartitions=4))
    assert list(lazy.dtypes["doc_id"].categories) == list(in_memory["doc_id"].cat.categories)
    assert list(lazy.dtypes["source"].categories) == list(in_memory["source"].cat.categories)


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"by": "lower", "drop_stop": False},
        {"groupby": "source"},
        {"groupby": ["category", "source"], "top": 5},
        {"groupby": "doc_id", "min_count": 2},
        {"kinds": "all", "by": "token"},
    ],
)
def test_frequencies_by_map_reduce_equal_the_in_memory_counts(sample, in_memory, options):
    lazy = td.token_table(td.from_pandas(sample, npartitions=4))
    got = td.frequencies(lazy, **options)
    expected = frequencies(in_memory, **options)
    assert list(got.columns) == list(expected.columns)
    for name in expected.columns:
        assert got[name].astype(object).tolist() == expected[name].astype(object).tolist(), name


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_any_active_scheduler_gives_the_same_counts(sample, in_memory, scheduler):
    with dask.config.set(scheduler=scheduler):
        got = td.frequencies(td.token_table(td.from_pandas(sample.iloc[:40], npartitions=2)), groupby="source")
    expected = frequencies(token_table(sample.iloc[:40]), groupby="source")
    assert got[["source", "term", "count", "rank"]].astype(str).values.tolist() == expected[["source", "term", "count", "rank"]].astype(str).values.tolist()


def test_a_local_cluster_of_two_worker_processes_gives_the_same_table_and_counts(sample):
    distributed = pytest.importorskip("distributed")
    small = sample.iloc[:30].reset_index(drop=True)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, distributed.Client(cluster):
        lazy = td.token_table(td.from_pandas(small, npartitions=3))
        table = lazy.compute()
        counts = td.frequencies(lazy, by="lower")
    _same_table(table, token_table(small))
    expected = frequencies(token_table(small), by="lower")
    assert counts[["term", "count", "doc_freq"]].values.tolist() == expected[["term", "count", "doc_freq"]].values.tolist()


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_read_corpus_reads_a_glob_of_files_as_the_in_memory_reader_does(tmp_path, sample):
    rows = sample[["doc_id", "source", "text"]].rename(columns={"doc_id": "id"}).to_dict("records")
    _jsonl(tmp_path / "a.jsonl", rows[:20])
    _jsonl(tmp_path / "b.jsonl", rows[20:35])
    largest = max((tmp_path / n).stat().st_size for n in ("a.jsonl", "b.jsonl"))
    corpus = td.read_corpus(str(tmp_path / "*.jsonl"), id_column="id", blocksize=largest)  # no file split, no two share
    assert corpus.npartitions == 2
    expected = pd.concat([read_corpus(tmp_path / n, id_column="id") for n in ("a.jsonl", "b.jsonl")], ignore_index=True)
    got = corpus.compute().reset_index(drop=True)
    assert got.columns.tolist() == expected.columns.tolist()
    assert got.astype(str).values.tolist() == expected.astype(str).values.tolist()
    assert td.read_corpus(tmp_path, id_column="id").npartitions == 1  # small files share a block


def test_an_id_in_two_files_is_an_error_naming_both(tmp_path):
    _jsonl(tmp_path / "a.jsonl", [{"id": "x1", "text": "Satu."}])
    _jsonl(tmp_path / "b.jsonl", [{"id": "x1", "text": "Dua."}])
    with pytest.raises(CorpusError, match=r"doc_id 'x1' occurs in .*a\.jsonl and in .*b\.jsonl"):
        td.read_corpus([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], id_column="id")


def test_a_bad_line_is_named_with_its_file(tmp_path):
    _jsonl(tmp_path / "a.jsonl", [{"id": "x1", "text": "Satu."}])
    (tmp_path / "b.jsonl").write_text('{"id": "x2", "text": "Dua."}\n{"id": "x3", "text": \n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"b\.jsonl.*line 2"):
        td.read_corpus(tmp_path, id_column="id")


def test_files_with_different_fields_are_refused(tmp_path):
    _jsonl(tmp_path / "a.jsonl", [{"id": "x1", "text": "Satu.", "source": "kompas"}])
    _jsonl(tmp_path / "b.jsonl", [{"id": "x2", "text": "Dua."}])
    with pytest.raises(CorpusError, match=r"b\.jsonl: its columns .* differ from the corpus's"):
        td.read_corpus(tmp_path, id_column="id", blocksize=1)


@pytest.mark.parametrize("paths", ["nowhere/*.jsonl", "no-such-file.jsonl", []])
def test_paths_that_name_nothing_are_refused(tmp_path, paths, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises((CorpusError, ValueError)):
        td.read_corpus(paths)


def test_the_parquet_token_table_reads_back_in_dask_and_in_pandas(tmp_path, sample):
    small = sample.iloc[:25].reset_index(drop=True)
    lazy = td.token_table(td.from_pandas(small, npartitions=3))
    td.to_parquet(lazy, tmp_path / "tokens")
    eager = token_table(small)
    # pandas reads the categorical of dates as the dates themselves, time zone kept (pyarrow cannot store it)
    _same_table(pd.read_parquet(tmp_path / "tokens"), eager.astype({"date": eager.date.cat.categories.dtype}))
    back = td.read_token_table(tmp_path / "tokens")
    assert back.npartitions == 3
    _same_table(back.compute(), eager)
    for name in ("doc_id", "date", "source", "category"):  # the corpus-wide categories are known, as in memory
        assert back._meta[name].cat.categories.tolist() == eager[name].cat.categories.tolist(), name
    pd.testing.assert_frame_equal(td.frequencies(back, groupby="source"), frequencies(eager, groupby="source"), check_dtype=False)
    assert td.fit_topics(back, 2, sample=10).options["sample"] == td.fit_topics(lazy, 2, sample=10).options["sample"]


@pytest.mark.parametrize("options", [{}, {"unit": "paragraph"}, {"groupby": "source"}, {"groupby": ["category", "source"], "normalize": None}])
def test_theme_scores_on_dask_equal_the_in_memory_scores(sample, in_memory, options):
    from telaah import theme_scores

    got = td.theme_scores(td.token_table(td.from_pandas(sample, npartitions=4)), **options)
    expected = theme_scores(in_memory, **options)
    assert list(got.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(got.astype(object), expected.astype(object))


@pytest.mark.parametrize(
    "options",
    [
        {"target": {"category": "teknologi"}},
        {"target": {"category": "olahraga"}, "reference": {"category": ["showbiz", "hiburan"]}, "by": "stem", "min_count": 3},
        {"reference": "wordfreq"},
        {"target": {"source": "kumparan"}, "reference": "wordfreq", "drop_stop": False, "correction": None},
    ],
)
def test_keyness_on_dask_equals_the_in_memory_keyness(sample, in_memory, options):
    from telaah import keyness

    got = td.keyness(td.token_table(td.from_pandas(sample, npartitions=4)), **options)
    expected = keyness(in_memory, **options)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert got.attrs == expected.attrs


def test_keyness_on_dask_refuses_a_mask(sample):
    with pytest.raises(ValueError, match="give a {column: value"):
        td.keyness(td.token_table(td.from_pandas(sample.iloc[:5], npartitions=1)), target=[True, False])


@pytest.mark.parametrize(("term", "by", "with_corpus"), [("dagang", "stem", False), ("timnas", "lower", True), (["gol", "piala dunia"], "stem", True)])
def test_kwic_on_dask_gives_the_in_memory_lines(sample, in_memory, term, by, with_corpus):
    from telaah import kwic

    corpus = td.from_pandas(sample, npartitions=4)
    got = td.kwic(td.token_table(corpus), term, by=by, corpus=corpus if with_corpus else None)
    expected = kwic(in_memory, term, by=by, corpus=sample if with_corpus else None)
    assert len(expected) > 0
    assert got.astype(str).values.tolist() == expected.astype(str).values.tolist()
    assert list(got.columns) == list(expected.columns)


@pytest.mark.parametrize("options", [{}, {"groupby": None}, {"groupby": "source", "by": "stem"}, {"groupby": ["category", "source"], "window": 10}])
def test_vocabulary_on_dask_equals_the_in_memory_statistics(sample, in_memory, options):
    from telaah import vocabulary

    got = td.vocabulary(td.token_table(td.from_pandas(sample, npartitions=4)), **options)
    expected = vocabulary(in_memory, **options)
    assert list(got.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, rtol=1e-9)


@pytest.mark.parametrize("options", [{}, {"freq": "W"}, {"groupby": "source"}, {"groupby": ["category"], "freq": "Q"}])
def test_theme_trends_on_dask_equal_the_in_memory_trends(sample, in_memory, options):
    from telaah import theme_trends

    got = td.theme_trends(td.token_table(td.from_pandas(sample, npartitions=4)), **options)
    expected = theme_trends(in_memory, **options)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


@pytest.mark.parametrize(
    "options",
    [
        {}, {"measure": "pmi", "min_count": 2}, {"by": "stem", "window": 3, "top": 20}, {"drop_stop": False, "measure": "student_t"},
        {"n": 3, "min_count": 2}, {"n": 3, "by": "stem", "measure": "pmi"}, {"n": 3, "drop_stop": False, "min_count": 3, "top": 30},
        {"n": 3, "across_stop": True, "measure": "student_t", "min_count": 2},
    ],
)
def test_collocations_on_dask_equal_the_in_memory_ngrams(sample, in_memory, options):
    from telaah import collocations

    got = td.collocations(td.token_table(td.from_pandas(sample, npartitions=4)), **options)
    expected = collocations(in_memory, **options)
    assert len(expected) > 0
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_topics_fitted_on_a_sample_are_the_in_memory_topics_of_that_sample(sample, in_memory):
    from telaah import fit_topics

    lazy = td.token_table(td.from_pandas(sample, npartitions=4))
    result = td.fit_topics(lazy, 4, sample=60, random_state=3)
    ids = result.options["sample"]
    assert len(ids) == 60 and ids == [i for i in in_memory.doc_id.cat.categories if i in set(ids)]  # corpus order
    again = fit_topics(in_memory[in_memory.doc_id.isin(ids)].reset_index(drop=True), 4, random_state=3)
    assert result.labels.tolist() == again.labels.tolist()
    assert td.fit_topics(lazy, 4, sample=60, random_state=3).options["sample"] == ids  # the same sample for a seed


def test_topic_weights_apply_the_model_to_every_document(sample):
    lazy = td.token_table(td.from_pandas(sample, npartitions=3))
    result = td.fit_topics(lazy, 3, sample=500, random_state=0)  # the whole corpus: the fit's own weights come back
    weights = td.topic_weights(result, lazy).compute().reset_index(drop=True)
    assert weights.doc_id.nunique() == len(sample)
    mine = weights.set_index(["doc_id", "topic"]).weight
    fitted = result.doc_topics.set_index(["doc_id", "topic"]).weight
    assert np.allclose(mine.reindex(fitted.index).to_numpy(), fitted.to_numpy(), atol=1e-3)


def test_mention_and_statement_counts_per_document_equal_the_in_memory_ones(sample, in_memory):
    from telaah import entities, quotes

    small = sample.iloc[:40].reset_index(drop=True)
    corpus = td.from_pandas(small, npartitions=3)
    named, said = td.actor_counts(corpus, td.token_table(corpus))
    tokens = token_table(small)
    mentions = entities(small, tokens=tokens)
    statements = quotes(small, tokens=tokens, mentions=mentions)
    expected_named = mentions.groupby(["doc_id", "label"], observed=True).size().rename("mentions").reset_index()
    expected_said = (
        statements.assign(has_speaker=statements["speaker"].notna()).groupby(["doc_id", "kind", "has_speaker"], observed=True).size().rename("statements").reset_index()
    )
    assert len(named) > 20 and len(said) > 5
    assert named.astype(str).values.tolist() == expected_named.astype(str).values.tolist()
    assert said.astype(str).values.tolist() == expected_said.astype(str).values.tolist()


@pytest.mark.parametrize("gazetteers", [False, True])
def test_mentions_and_statements_on_dask_equal_the_in_memory_tables_keys_included(sample, gazetteers):
    from telaah import entities, quotes

    small = sample.iloc[:60].reset_index(drop=True)
    corpus = td.from_pandas(small, npartitions=3)
    lazy_tokens = td.token_table(corpus)
    lazy_mentions = td.entities(corpus, lazy_tokens, gazetteers=gazetteers)
    got_mentions = lazy_mentions.compute().reset_index(drop=True)
    got_statements = td.quotes(corpus, lazy_tokens, lazy_mentions).compute().reset_index(drop=True)
    tokens = token_table(small)
    mentions = entities(small, tokens=tokens, gazetteers=gazetteers)
    statements = quotes(small, tokens=tokens, mentions=mentions)
    assert list(got_mentions.columns) == list(mentions.columns)
    assert got_mentions.astype(str).values.tolist() == mentions.astype(str).values.tolist()
    assert got_statements.astype(str).values.tolist() == statements.astype(str).values.tolist()
    # keys joined across documents (the corpus-wide step) are there
    assert (mentions["key"] != mentions["text"]).any()


@pytest.mark.parametrize(("unit", "top", "fan_in"), [("sentence", None, 32), ("document", 5, 32), ("sentence", None, 2)])
def test_actor_themes_on_dask_equal_the_in_memory_table(sample, unit, top, fan_in, monkeypatch):
    from telaah import actor_themes, entities, quotes

    monkeypatch.setattr(td, "FAN_IN", fan_in)  # 2: the sums are added over two levels
    small = sample.iloc[:60].reset_index(drop=True)
    corpus = td.from_pandas(small, npartitions=3)
    lazy_tokens = td.token_table(corpus)
    lazy_mentions = td.entities(corpus, lazy_tokens, gazetteers=True)
    lazy_statements = td.quotes(corpus, lazy_tokens, lazy_mentions)
    got = td.actor_themes(corpus, lazy_tokens, lazy_mentions, lazy_statements, unit=unit, top=top)
    tokens = token_table(small)
    mentions = entities(small, tokens=tokens, gazetteers=True)
    expected = actor_themes(small, tokens=tokens, mentions=mentions, statements=quotes(small, tokens=tokens, mentions=mentions), unit=unit, top=top)
    assert (expected["basis"] == "quoted").any() and expected["matches"].sum() > 0
    # an actor named in two partitions: its counts are sums, not one partition's
    assert expected.drop_duplicates(["actor", "basis"])["mentions"].max() > 3
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, check_categorical=False)
    assert list(got["theme"].cat.categories) == list(expected["theme"].cat.categories)


def test_actor_themes_of_a_corpus_without_actors_is_the_empty_in_memory_table():
    from telaah import actor_themes

    small = pd.DataFrame({"doc_id": ["a", "b"], "text": ["ekspor naik.", "impor turun."]})
    corpus = td.from_pandas(small, npartitions=2)
    tokens = td.token_table(corpus)
    mentions = td.entities(corpus, tokens)
    got = td.actor_themes(corpus, tokens, mentions, td.quotes(corpus, tokens, mentions))
    assert got.empty and list(got.columns) == list(actor_themes(small).columns)


def test_choose_k_on_dask_scores_the_sample_fit_topics_fits(sample, in_memory):
    from telaah.topics import choose_k

    lazy = td.token_table(td.from_pandas(sample, npartitions=4))
    table = td.choose_k(lazy, [2, 3], sample=50, random_states=(5, 6))
    ids = table.attrs["sample"]
    assert ids == td.fit_topics(lazy, 2, sample=50, random_state=5).options["sample"]
    expected = choose_k(in_memory[in_memory.doc_id.isin(ids)].reset_index(drop=True), [2, 3], random_states=(5, 6))
    pd.testing.assert_frame_equal(table, expected)
    assert table.attrs["recommended"] == expected.attrs["recommended"]



def _large_jsonl(path, sample, *, newline="\n", bom=False):
    """News as one JSON Lines file: no ids (row numbers), blank lines, and a field only the later records have."""
    lines = []
    for i, row in enumerate(sample[["source", "category", "date", "text"]].astype({"date": str}).to_dict("records")):
        if i >= 70:
            row["penulis"] = f"penulis {i % 3}"
        lines.append(json.dumps(row, ensure_ascii=False))
        if i % 17 == 0:
            lines.append("   ")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + newline.join(lines).encode("utf-8") + newline.encode())
    return path


@pytest.mark.parametrize(("newline", "bom"), [("\n", False), ("\r\n", True)])
def test_a_large_jsonl_file_is_read_in_parts_as_the_in_memory_reader_reads_it_whole(tmp_path, sample, newline, bom):
    path = _large_jsonl(tmp_path / "berita.jsonl", sample, newline=newline, bom=bom)
    corpus = td.read_corpus(path, blocksize=path.stat().st_size // 6, date_column="date", date_format="%Y-%m-%d %H:%M:%S%z")
    assert corpus.npartitions >= 6
    expected = read_corpus(path, date_column="date", date_format="%Y-%m-%d %H:%M:%S%z")
    got = corpus.compute().reset_index(drop=True)
    assert got.columns.tolist() == expected.columns.tolist() and "penulis" in got.columns
    assert got["doc_id"].tolist() == expected["doc_id"].tolist() == [f"row-{i:04d}" for i in range(1, len(sample) + 1)]
    assert got.astype(str).values.tolist() == expected.astype(str).values.tolist()
    _same_table(td.token_table(corpus).compute(), token_table(expected))
    _, _, _, found = td._read(path, blocksize=path.stat().st_size // 6, recursive=False, text_column="text", id_column=None,
                              date_column=None, date_format=None, encoding=None, sep=None, on_error="raise")
    assert found["encodings"] == {str(path): "utf-8-sig" if bom else "utf-8"}  # as the whole file records it


def test_a_bad_line_in_a_later_part_is_named_by_its_line_in_the_file(tmp_path, sample):
    path = _large_jsonl(tmp_path / "berita.jsonl", sample)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[100] = '{"text": "Impor'
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CorpusError) as in_memory:
        read_corpus(path)
    with pytest.raises(CorpusError) as on_dask:
        td.read_corpus(path, blocksize=path.stat().st_size // 5)
    assert str(on_dask.value) == str(in_memory.value) and "line 101" in str(on_dask.value)
    with pytest.warns(UserWarning, match="line 101"):
        skipped = td.read_corpus(path, blocksize=path.stat().st_size // 5, on_error="skip").compute()
    with pytest.warns(UserWarning, match="line 101"):
        expected = read_corpus(path, on_error="skip")
    assert skipped["doc_id"].tolist() == expected["doc_id"].tolist() and len(expected) == len(sample) - 1


def test_an_id_in_two_parts_of_one_file_is_an_error_naming_it(tmp_path, sample):
    rows = [{"id": "a" if i in (3, 110) else f"d{i}", "text": t} for i, t in enumerate(sample["text"])]
    path = _jsonl(tmp_path / "berita.jsonl", rows)
    with pytest.raises(CorpusError, match=f"doc_id 'a' occurs twice in {path}"):
        td.read_corpus(path, id_column="id", blocksize=path.stat().st_size // 4)


def test_a_large_file_with_inferred_dates_or_another_encoding_is_read_whole(tmp_path, sample):
    path = _large_jsonl(tmp_path / "berita.jsonl", sample)
    with pytest.warns(UserWarning, match="read as one partition .* pass date_format"):
        corpus = td.read_corpus(path, blocksize=path.stat().st_size // 4, date_column="date")
    assert corpus.npartitions == 1
    pd.testing.assert_frame_equal(corpus.compute().reset_index(drop=True), read_corpus(path, date_column="date"), check_dtype=False)
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(path.read_text(encoding="utf-8").replace("a", "\u00e1", 50).encode("cp1252"))
    with pytest.warns(UserWarning):
        expected = read_corpus(latin)  # the guessed encoding is said
    with pytest.warns(UserWarning):
        got = td.read_corpus(latin, blocksize=latin.stat().st_size // 4)
    assert got.npartitions == 1 and got.compute()["text"].tolist() == expected["text"].tolist()



def test_sums_over_many_partitions_are_reduced_level_by_level_to_the_in_memory_results(sample, in_memory, monkeypatch):
    from telaah import collocations, keyness, vocabulary

    monkeypatch.setattr(td, "FAN_IN", 2)  # 9 partitions: four levels of sums on the workers
    lazy = td.token_table(td.from_pandas(sample, npartitions=9))
    pd.testing.assert_frame_equal(td.frequencies(lazy, groupby="source"), frequencies(in_memory, groupby="source"), check_dtype=False)
    got, expected = td.vocabulary(lazy, groupby="category"), vocabulary(in_memory, groupby="category")
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, rtol=1e-9)
    target = {"category": in_memory["category"].cat.categories[0]}
    pd.testing.assert_frame_equal(td.keyness(lazy, target=target), keyness(in_memory, target=target), check_dtype=False)
    options = {"n": 3, "min_count": 2}
    pd.testing.assert_frame_equal(td.collocations(lazy, **options), collocations(in_memory, **options), check_dtype=False)


def test_an_unknown_encoding_is_named_as_the_in_memory_reader_names_it(tmp_path, sample):
    path = _large_jsonl(tmp_path / "berita.jsonl", sample)
    with pytest.raises(CorpusError, match="unknown encoding 'bahasa'"):
        td.read_corpus(path, encoding="bahasa", blocksize=path.stat().st_size // 4)
