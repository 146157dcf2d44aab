"""Tests for telaah.themes: lexicon loading, matching rules, scores, co-occurrence, coverage."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from telaah.corpus import paragraph_spans, read_corpus
from telaah.resources import data_path
from telaah.stemmer import Stemmer
from telaah.table import token_table
from telaah.themes import (
    LEXICON_COLUMNS,
    LexiconWarning,
    extend_lexicon,
    lexicon_coverage,
    load_lexicon,
    theme_cooccurrence,
    theme_matches,
    theme_scores,
    theme_tokens,
    theme_trends,
)

BUNDLED = load_lexicon()
THEMES = ["pertahanan", "wilayah", "perdagangan", "energi", "diplomasi", "keamanan"]


def counts(tokens, lexicon=None, *, unit="document") -> dict[tuple[str, str], int]:
    """{(doc_id, theme): matches} for the non-zero cells."""
    s = theme_scores(tokens, lexicon, unit=unit)
    s = s[s.matches > 0]
    return {(str(d), str(t)): int(m) for d, t, m in zip(s.doc_id, s.theme, s.matches, strict=True)}


# --- the bundled lexicon ------------------------------------------------------


def test_bundled_lexicon_has_the_six_themes_with_real_vocabulary():
    sizes = BUNDLED.groupby("theme", sort=False).size()
    assert list(sizes.index) == THEMES
    assert all(20 <= n <= 40 for n in sizes), sizes.to_dict()
    assert list(BUNDLED.columns) == list(LEXICON_COLUMNS)
    assert set(BUNDLED["match"]) == {"stem", "form", "phrase"}


@pytest.mark.parametrize("term", BUNDLED.loc[BUNDLED["match"] == "stem", "term"].tolist())
def test_every_stem_entry_is_a_stem_the_stemmer_produces(term):
    # A stem entry is compared with the token table's stem column: it must be a fixed point.
    assert Stemmer().stem(term) == term


def test_form_entries_that_hide_a_shared_stem_say_why():
    stemmer = Stemmer()
    forms = BUNDLED[BUNDLED["match"] == "form"]
    undocumented = [t for t, n in zip(forms.term, forms.note, strict=True) if stemmer.stem(t) != t and not n]
    assert not undocumented


@pytest.mark.parametrize(
    ("word", "theme"),
    [
        ("perdagangan", "perdagangan"),
        ("berdagang", "perdagangan"),
        ("perekonomian", "perdagangan"),
        ("persenjataan", "pertahanan"),
        ("pasukannya", "pertahanan"),
        ("pertempuran", "pertahanan"),
        ("kepulauan", "wilayah"),
        ("kedaulatan", "wilayah"),
        ("perminyakan", "energi"),
        ("kelistrikan", "energi"),
        ("perundingan", "diplomasi"),
        ("berunding", "diplomasi"),
        ("terorisme", "keamanan"),
        ("keamanannya", "keamanan"),
    ],
)
def test_inflected_words_reach_their_theme(word, theme):
    m = theme_matches([f"Mereka membahas {word} kemarin."])
    assert m["theme"].astype(str).tolist() == [theme]


@pytest.mark.parametrize("word", ["menahan", "bertahan", "ketahanan", "tahanan", "aman", "mengamankan", "membatasi", "pengunjung", "berbicara"])
def test_words_sharing_a_stem_with_a_form_entry_do_not_match(word):
    assert theme_matches([f"Polisi itu {word} dengan cepat."]).empty


# --- hand-checked counts ------------------------------------------------------


def test_hand_counted_text():
    text = "Latihan militer bersama digelar. Pasukan dan rudal dikerahkan ke perbatasan."
    s = theme_scores([text])
    row = s.set_index("theme")
    assert row.loc["pertahanan", "matches"] == 3  # latihan militer, pasukan, rudal
    assert row.loc["wilayah", "matches"] == 1  # perbatasan
    assert row[["matches"]].drop(["pertahanan", "wilayah"]).sum().item() == 0
    assert (row["tokens"] == 10).all()  # words only: the two full stops do not count
    assert row.loc["pertahanan", "per_1000"] == pytest.approx(300.0)


def test_numbers_and_punctuation_are_not_tokens_of_the_rate():
    s = theme_scores(["Ekspor naik 5 persen."])
    assert s["tokens"].iloc[0] == 3
    assert s.set_index("theme").loc["perdagangan", "per_1000"] == pytest.approx(1000 / 3)


def test_tahan_pitfall_naive_stem_entry_against_the_form_entry():
    text = "Polisi menahan tersangka. Tim itu bertahan. Ketahanan pangan penting. Pertahanan negara diperkuat. Pertahanannya kuat."
    tokens = token_table([text])
    naive = pd.DataFrame({"theme": ["pertahanan"], "term": ["tahan"], "match": ["stem"], "note": [""]})
    careful = pd.DataFrame({"theme": ["pertahanan"], "term": ["pertahanan"], "match": ["form"], "note": [""]})
    assert theme_matches(tokens, naive)["matched"].tolist() == ["menahan", "bertahan", "Ketahanan", "Pertahanan", "Pertahanannya"]
    assert theme_matches(tokens, careful)["matched"].tolist() == ["Pertahanan", "Pertahanannya"]
    assert counts(tokens)[("doc1", "pertahanan")] == 2


@pytest.mark.parametrize("word", ["pertahanan", "Pertahanan", "pertahanannya", "pertahanannyalah", "pertahananpun", "Pertahanan-nya", "pertahanankah"])
def test_form_entries_follow_enclitics(word):
    m = theme_matches([f"Soal {word} dibahas."])
    assert m[["theme", "term", "matched"]].values.tolist() == [["pertahanan", "pertahanan", word]]


def test_capitalised_title_words_kept_as_names_still_match():
    # Here "Perdagangan" occurs only capitalised mid-sentence: the token table keeps it as a name,
    # unstemmed, so stem:dagang cannot see it; the form entry does.
    tokens = token_table(["Kemarin Menteri Perdagangan tiba."])
    assert tokens.set_index("token").loc["Perdagangan", "stem_source"] == "name"
    assert theme_matches(tokens)[["term", "match"]].values.tolist() == [["perdagangan", "form"]]


def test_phrase_wins_over_its_words_and_counts_once_per_theme():
    m = theme_matches(["Latihan militer digelar. Militer siaga."])
    assert m[["matched", "term", "match"]].values.tolist() == [
        ["Latihan militer", "latihan militer", "phrase"],
        ["Militer", "militer", "stem"],
    ]
    assert m["n_tokens"].tolist() == [2, 1]


def test_longest_phrase_wins():
    m = theme_matches(["Ekspor gas alam cair naik, gas alam juga, dan gas."])
    energi = m[m.theme == "energi"]
    assert energi["term"].tolist() == ["gas alam cair", "gas alam", "gas"]
    assert energi["n_tokens"].tolist() == [3, 2, 1]


def test_overlapping_phrases_of_one_theme_keep_the_earlier_and_themes_are_independent():
    lexicon = pd.DataFrame(
        {
            "theme": ["uji", "uji", "lain"],
            "term": ["kapal perang", "perang dunia", "perang dunia"],
            "match": ["phrase", "phrase", "phrase"],
        }
    )
    m = theme_matches(["Kapal perang dunia tenggelam."], lexicon)
    assert m[["theme", "matched"]].values.tolist() == [["uji", "Kapal perang"], ["lain", "perang dunia"]]


def test_phrase_words_match_by_stem_and_the_form_match_is_credited_first():
    m = theme_matches(["Mereka bekerja sama menuju perjanjian perdamaian. Kementerian Pertahanan setuju."])
    assert m[["term", "matched"]].values.tolist() == [
        ["kerja sama", "bekerja sama"],
        ["perjanjian damai", "perjanjian perdamaian"],
        ["kementerian pertahanan", "Kementerian Pertahanan"],
    ]


def test_phrases_do_not_cross_punctuation_or_sentences():
    assert theme_matches(["Angkatan, laut biru. Latihan. Militer tidak."])["term"].tolist() == ["militer"]


def test_cross_theme_phrase_counts_in_both_themes():
    m = theme_matches(["Gencatan senjata disepakati."])
    assert m[["theme", "term"]].values.tolist() == [["diplomasi", "gencatan senjata"], ["pertahanan", "senjata"]]


def test_match_rows_point_back_into_the_text():
    text = "Menteri Luar Negeri tiba.\n\nEkspor  gas alam cair naik. Pulau itu sengketa."
    m = theme_matches([text])
    assert list(m.columns) == ["doc_id", "sent_id", "para_id", "token_id", "n_tokens", "start", "end", "theme", "term", "match", "matched"]
    for row in m.itertuples():
        assert text[row.start : row.end].split() == row.matched.split()
    assert m.set_index("term").loc["gas alam cair", "para_id"] == 1
    assert m.set_index("term").loc["menteri luar negeri", "token_id"] == 0


def test_no_matches_gives_an_empty_table_with_the_columns():
    m = theme_matches(["Kucing tidur di kursi."])
    assert m.empty and "theme" in m.columns and "matched" in m.columns


def test_a_token_table_without_stems_is_refused_with_advice():
    with pytest.raises(ValueError, match="stem=True"):
        theme_matches(token_table(["Ekspor naik."], stem=False))


def test_accepts_a_corpus_or_a_list_of_texts():
    assert counts(["Ekspor naik."]) == {("doc1", "perdagangan"): 1}
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Rudal diluncurkan."]})
    assert counts(corpus) == {("a", "pertahanan"): 1}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["latihan", "militer", "gas", "alam", "cair", "kerja", "sama", "pulau", "sengketa", "wilayah", "dan", ",", "."]), min_size=1, max_size=30))
def test_a_token_counts_at_most_once_per_theme(words):
    tokens = token_table([" ".join(words)])
    m = theme_matches(tokens)
    n_words = int((tokens.kind == "word").sum())
    for _, g in m.groupby("theme", observed=True):
        covered = np.concatenate([np.arange(t, t + n) for t, n in zip(g.token_id, g.n_tokens, strict=True)])
        assert len(covered) == len(set(covered.tolist()))
    assert m.groupby("theme", observed=True)["n_tokens"].sum().le(n_words).all()


# --- scores -------------------------------------------------------------------


def test_scores_include_every_unit_and_theme_with_zeros():
    s = theme_scores(["Ekspor naik.", "Kucing tidur.", "Rudal diluncurkan."])
    assert len(s) == 3 * 6
    assert s.groupby("doc_id", observed=True).size().tolist() == [6, 6, 6]
    assert s[s.doc_id == "doc2"]["matches"].tolist() == [0] * 6
    assert s["theme"].astype(str).tolist()[:6] == THEMES


def test_paragraph_and_sentence_units():
    text = "Ekspor naik. Rudal diluncurkan.\n\n___\n\nPulau itu indah."
    p = theme_scores([text], unit="paragraph")
    assert sorted(set(p.para_id)) == [0, 1, 2]
    assert list(p.columns) == ["doc_id", "para_id", "theme", "matches", "tokens", "per_1000"]
    rule = p[p.para_id == 1]
    assert (rule.tokens == 0).all() and rule.per_1000.isna().all()  # a unit without words has no rate
    s = theme_scores([text], unit="sentence", normalize=None)
    assert "per_1000" not in s.columns
    assert s.pivot(index="sent_id", columns="theme", values="matches").loc[1, "pertahanan"] == 1


def test_unit_and_normalize_are_checked():
    with pytest.raises(ValueError, match="unit"):
        theme_scores(["Ekspor."], unit="kalimat")
    with pytest.raises(ValueError, match="normalize"):
        theme_scores(["Ekspor."], normalize="percent")
    with pytest.raises(ValueError, match="para_id"):
        theme_scores(token_table(["Ekspor."]).drop(columns="para_id"), unit="paragraph")


def test_paragraph_corpus_keeps_parent_id():
    corpus = read_corpus(data_path("jepang-rusia.txt"), unit="paragraph")
    s = theme_scores(corpus)
    assert list(s.columns[:2]) == ["doc_id", "parent_id"]
    assert len(s) == len(corpus) * 6
    assert set(s.parent_id.astype(str)) == {"jepang-rusia"}
    m = theme_matches(corpus)
    assert "parent_id" in m.columns


# --- the sample article, paragraph by paragraph -------------------------------
# Expectations written from reading the article, not from running the code.


@pytest.fixture(scope="module")
def article():
    text = data_path("jepang-rusia.txt").read_text(encoding="utf-8")
    paragraphs = [text[s:e] for s, e in paragraph_spans(text)]
    scores = theme_scores([text], unit="paragraph")
    wide = scores.pivot(index="para_id", columns="theme", values="matches")
    wide.columns = wide.columns.astype(str)

    def para(snippet: str) -> pd.Series:
        (index,) = [i for i, p in enumerate(paragraphs) if snippet in p]
        return wide.loc[index]

    return para, wide


def test_article_trade_and_gas_paragraph(article):
    para, _ = article
    p = para("gas alam cair")
    assert p["energi"] > 0 and p["perdagangan"] > 0
    assert p["pertahanan"] == 0 and p["wilayah"] == 0


def test_article_disputed_islands_paragraphs(article):
    para, _ = article
    assert para("sengketa empat pulau")["wilayah"] > 0
    assert para("terus membahas sengketa wilayah yang menghalangi")["wilayah"] > 0
    assert para("terus membahas sengketa wilayah yang menghalangi")["diplomasi"] > 0  # perjanjian damai


def test_article_defense_paragraphs(article):
    para, _ = article
    joint = para("latihan militer bersama")
    assert joint.idxmax() == "pertahanan"
    assert para("angkatan laut Tiongkok")["pertahanan"] > 0
    assert para("hubungan pertahanannya")["pertahanan"] > 0


def test_article_security_diplomacy_and_trade(article):
    para, _ = article
    assert para("terorisme dan ancaman nuklir")["keamanan"] > 0
    assert para("rencana kunjungan Kishida")["diplomasi"] > 0
    assert para("hubungan dagangnya")["perdagangan"] > 0


def test_article_quote_paragraph_has_no_theme(article):
    para, _ = article
    assert para("bertindak secara konstruktif").sum() == 0


def test_article_energy_and_trade_are_local(article):
    para, wide = article
    assert (wide["energi"] > 0).sum() == 1
    trade = set(wide.index[wide["perdagangan"] > 0])
    assert trade == {para("hubungan dagangnya").name, para("gas alam cair").name}


# --- co-occurrence ------------------------------------------------------------


def test_cooccurrence_hand_counted():
    docs = ["Ekspor gas naik.", "Ekspor turun.", "Rudal diluncurkan."]
    c = theme_cooccurrence(docs, unit="document")
    assert len(c) == 36
    pair = c[(c.theme_a == "perdagangan") & (c.theme_b == "energi")].iloc[0]
    assert (pair.units_a, pair.units_b, pair.units_both) == (2, 1, 1)
    assert pair.jaccard == pytest.approx(0.5)
    diag = c[(c.theme_a == "perdagangan") & (c.theme_b == "perdagangan")].iloc[0]
    assert diag.units_both == 2 and diag.jaccard == 1.0
    none = c[(c.theme_a == "wilayah") & (c.theme_b == "wilayah")].iloc[0]
    assert none.units_both == 0 and np.isnan(none.jaccard)
    mirrored = c.pivot(index="theme_a", columns="theme_b", values="units_both").to_numpy()
    assert (mirrored == mirrored.T).all()


def test_cooccurrence_from_scores_equals_from_tokens_and_min_matches():
    text = "Ekspor gas naik. Ekspor minyak turun.\n\nRudal dan gas."
    from_tokens = theme_cooccurrence([text], unit="paragraph")
    from_scores = theme_cooccurrence(theme_scores([text], unit="paragraph"))
    pd.testing.assert_frame_equal(from_tokens, from_scores)
    strict = theme_cooccurrence([text], unit="paragraph", min_matches=2)
    both = strict[(strict.theme_a == "perdagangan") & (strict.theme_b == "energi")].iloc[0]
    assert both.units_both == 1  # only the first paragraph has two of each


# --- coverage -----------------------------------------------------------------


def test_coverage_counts_matches_and_documents():
    cov = lexicon_coverage(["Latihan militer. Ekspor dan ekspor.", "Ekspor lagi."]).set_index("term")
    assert len(cov) == len(BUNDLED)
    assert cov.loc["ekspor", ["matches", "documents"]].tolist() == [3, 2]
    assert cov.loc["latihan militer", "matches"] == 1
    assert cov.loc["militer", "matches"] == 0  # credited to the phrase
    assert (cov["matches"] == 0).sum() == len(BUNDLED) - 2


# --- lexicon files, validation, user lexicons ---------------------------------


GOOD = """# Lexicon for a test
# with two comment lines
theme,term,match,note
olahraga,sepak bola,phrase,
olahraga,atlet,stem,
olahraga,pertandingan,form,"not stem:tanding, a note, with commas"
"""


def write(tmp_path, text, name="lex.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_lexicon_file(tmp_path):
    path = write(tmp_path, GOOD)
    lex = load_lexicon(path)
    assert lex[["theme", "term", "match"]].values.tolist() == [
        ["olahraga", "sepak bola", "phrase"],
        ["olahraga", "atlet", "stem"],
        ["olahraga", "pertandingan", "form"],
    ]
    assert lex.loc[2, "note"] == "not stem:tanding, a note, with commas"
    s = theme_scores(["Para atlet sepak bola menang dalam pertandingan itu."], path)
    assert s[["theme", "matches"]].values.tolist() == [["olahraga", 3]]


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("olahraga,renang,kata,", "unknown match 'kata'"),
        ("olahraga,,stem,", "empty term"),
        (",renang,stem,", "empty theme"),
        ("olahraga,atlet,stem,", "duplicate entry olahraga,atlet,stem \\(first at .*line 5\\)"),
        ("olahraga,bulu tangkis,form,", "has 2 words; use match=phrase"),
        ("olahraga,renang,phrase,", "has one word"),
        ("olahraga,renang,stem,a,b", "fields for 4 columns"),
    ],
)
def test_lexicon_errors_name_the_file_and_line(tmp_path, bad_line, message):
    path = write(tmp_path, GOOD + "# a comment before the bad line\n" + bad_line + "\n")
    with pytest.raises(ValueError, match=rf"lex\.csv, line 8: (.* )?{message}"):
        load_lexicon(path)


def test_lexicon_header_is_checked(tmp_path):
    with pytest.raises(ValueError, match=r"lex\.csv, line 2: the header lacks column\(s\) match"):
        load_lexicon(write(tmp_path, "# comment\ntheme,term\nolahraga,atlet\n"))
    with pytest.raises(ValueError, match="empty lexicon"):
        load_lexicon(write(tmp_path, "# only a comment\n"))
    with pytest.raises(FileNotFoundError):
        load_lexicon(tmp_path / "missing.csv")


def test_a_stem_entry_that_is_no_stem_warns(tmp_path):
    path = write(tmp_path, "theme,term,match\nekonomi,perdagangan,stem\n")
    with pytest.warns(LexiconWarning, match=r"line 2: stem entry 'perdagangan' is not a stem.*'dagang'"):
        load_lexicon(path)


def test_a_lexicon_table_passed_directly_is_validated():
    bad = pd.DataFrame({"theme": ["x"], "term": ["ekspor"], "match": ["lemma"]})
    with pytest.raises(ValueError, match="lexicon, row 0: unknown match 'lemma'"):
        theme_scores(["Ekspor naik."], bad)


def test_extend_lexicon():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lex = extend_lexicon(None, [("olahraga", "Sepak  Bola", "phrase"), {"theme": "olahraga", "term": "atlet", "match": "stem", "note": "x"}])
    assert len(lex) == len(BUNDLED) + 2
    assert lex.iloc[-2]["term"] == "sepak bola"
    assert len(load_lexicon()) == len(BUNDLED)  # the bundled lexicon is unchanged
    s = counts(["Atlet sepak bola itu mengekspor sepatu."], lex)
    assert s == {("doc1", "olahraga"): 2, ("doc1", "perdagangan"): 1}
    with pytest.raises(ValueError, match="new entries, row 0: duplicate entry pertahanan,rudal,stem"):
        extend_lexicon(None, [("pertahanan", "rudal", "stem")])
    with pytest.raises(ValueError, match="expected \\(theme, term, match\\)"):
        extend_lexicon(None, [("olahraga", "atlet")])
    more = extend_lexicon(BUNDLED.head(3), pd.DataFrame({"theme": ["x"], "term": ["y"], "match": ["form"]}))
    assert len(more) == 4


def test_a_filtered_token_table_does_not_join_words_that_were_apart():
    tokens = token_table(["Latihan yang militer. Latihan militer."])
    m = theme_matches(tokens[~tokens.is_stop])  # "yang" removed: the first pair is not a phrase
    assert m[["matched", "term"]].values.tolist() == [["militer", "militer"], ["Latihan militer", "latihan militer"]]


# --- theme tokens: matches one token at a time --------------------------------


def test_theme_tokens_cover_every_token_of_every_match():
    text = "Latihan militer digelar. Gencatan senjata disepakati dan ekspor gas alam cair naik."
    tokens = token_table([text])
    matches = theme_matches(tokens)
    covered = theme_tokens(tokens)
    assert list(covered.columns) == ["row", "doc_id", "token_id", "theme", "term", "match"]
    assert len(covered) == matches["n_tokens"].sum()
    assert not covered.duplicated(["row", "theme"]).any()  # a token counts once per theme
    # the rows point at the tokens, in text order
    assert covered["token_id"].tolist() == tokens["token_id"].to_numpy()[covered["row"]].tolist()
    assert covered["row"].is_monotonic_increasing
    words = dict(zip(zip(covered["theme"].astype(str), tokens["lower"].to_numpy()[covered["row"]].astype(str), strict=True), covered["term"], strict=True))
    assert words[("energi", "cair")] == "gas alam cair" and words[("pertahanan", "latihan")] == "latihan militer"
    # senjata: once for diplomasi (gencatan senjata), once for pertahanan (senjata)
    senjata = covered[tokens["lower"].to_numpy()[covered["row"]] == "senjata"]
    assert sorted(senjata["theme"].astype(str)) == ["diplomasi", "pertahanan"]


def test_theme_tokens_of_a_filtered_table_point_at_its_rows():
    tokens = token_table(["Kucing tidur. Ekspor gas naik."])
    words = tokens[tokens["kind"] == "word"].iloc[2:]
    covered = theme_tokens(words)
    assert words["lower"].to_numpy()[covered["row"]].tolist() == ["ekspor", "gas"]


def test_themes_stem_with_the_process_default_stemmer(monkeypatch):
    from telaah.stemmer import default_stemmer

    stemmer = default_stemmer()
    seen: list[str] = []
    original = stemmer.stem_many

    def spy(words):
        words = list(words)
        seen.extend(words)
        return original(words)

    monkeypatch.setattr(stemmer, "stem_many", spy)
    lexicon = extend_lexicon(None, [("olahraga", "pertandingan sepak", "phrase"), ("olahraga", "atlet", "stem")])
    assert "atlet" in seen  # the stem check of a new entry
    seen.clear()
    found = theme_matches(["Atlet itu bertanding sepak bola."], lexicon[lexicon.theme == "olahraga"])
    assert {"pertandingan", "sepak"} <= set(seen)  # phrase words stemmed by the same stemmer
    assert found[["matched", "term"]].values.tolist() == [["Atlet", "atlet"], ["bertanding sepak", "pertandingan sepak"]]


# Themes over time and by group --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dated():
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "text": ["Ekspor gas naik.", "Pasukan bertahan di pulau.", "Harga gas dan minyak naik.", "Latihan militer di pulau."],
            "source": ["kompas", "tempo", "kompas", "tempo"],
            "date": pd.to_datetime(["2020-01-05", "2020-01-20", "2020-04-02", "2020-04-30"]).tz_localize("Asia/Jakarta"),
        }
    )
    return token_table(corpus)


def test_theme_trends_cover_every_period_and_add_up_to_the_scores(dated):
    trends = theme_trends(dated)
    assert [str(p) for p in trends["period"].unique()] == ["2020-01", "2020-02", "2020-03", "2020-04"]
    assert trends.columns.tolist() == ["period", "theme", "matches", "tokens", "per_1000", "documents"]
    empty = trends[trends["period"].astype(str) == "2020-02"]
    assert (empty["matches"] == 0).all() and (empty["documents"] == 0).all() and empty["per_1000"].isna().all()
    totals = theme_scores(dated).groupby("theme", observed=True)["matches"].sum()
    assert trends.groupby("theme", observed=True)["matches"].sum().equals(totals)
    assert trends.loc[trends["period"].astype(str) == "2020-01", "documents"].unique().tolist() == [2]


def test_theme_trends_per_group_and_quarter(dated):
    trends = theme_trends(dated, freq="Q", groupby="source")
    assert trends.columns.tolist()[:3] == ["source", "period", "theme"]
    energy = trends[(trends.theme == "energi") & (trends.source == "kompas")]
    assert [str(p) for p in energy.period] == ["2020Q1", "2020Q2"] and energy.matches.tolist() == [1, 2]


def test_theme_trends_need_dates():
    with pytest.raises(ValueError, match="trends need a date column"):
        theme_trends(["Ekspor gas naik."])
    with pytest.raises(ValueError, match="freq='bulan'"):
        theme_trends(pd.DataFrame({"doc_id": ["a"], "text": ["Gas."], "date": pd.to_datetime(["2020-01-01"])}), freq="bulan")


def test_theme_scores_by_group_give_a_profile_per_outlet(dated):
    scores = theme_scores(dated, groupby="source")
    assert scores.columns.tolist() == ["source", "theme", "matches", "tokens", "documents", "per_1000"]
    assert scores.groupby("source", observed=True)["documents"].first().tolist() == [2, 2]
    assert scores["matches"].sum() == theme_scores(dated)["matches"].sum()


def test_documents_are_articles_in_a_corpus_read_by_paragraph():
    corpus = pd.DataFrame(
        {"doc_id": ["a", "b"], "text": ["Ekspor gas naik.\n\nHarga gas turun.", "Pasukan bertahan."], "date": pd.to_datetime(["2020-01-05", "2020-01-20"])}
    )
    by_paragraph = token_table(read_corpus(corpus, unit="paragraph", date_column="date"))
    assert theme_trends(by_paragraph)["documents"].unique().tolist() == [2]
    assert theme_scores(by_paragraph, groupby="date")["documents"].tolist()[:1] == [1]
