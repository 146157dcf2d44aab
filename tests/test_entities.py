"""Tests for telaah.entities: mentions, offsets, roles and keys."""

from __future__ import annotations

import pandas as pd
import pytest

from telaah.corpus import read_sample
from telaah.entities import ENTITY_COLUMNS, _fuller, entities
from telaah.table import token_table


@pytest.fixture(scope="module")
def article():
    corpus = read_sample()
    return corpus, entities(corpus)


def test_columns_types_and_offsets_into_the_text(article):
    corpus, found = article
    assert tuple(found.columns) == ENTITY_COLUMNS
    assert list(found.label.cat.categories) == ["PER", "ORG", "LOC"]
    text = corpus.text.iloc[0]
    assert all(text[a:b] == t for a, b, t in zip(found.start, found.end, found.text, strict=True))
    assert found.start.is_monotonic_increasing


def test_the_article_s_people_have_their_full_names_and_titles(article):
    _, found = article
    people = found[found.label == "PER"]
    assert {"Sergei Lavrov", "Fumio Kishida", "Vladimir Putin"} <= set(people.key)
    assert set(people[people.text == "Lavrov"].key) == {"Sergei Lavrov"}
    kishida = people[people.text == "Fumio Kishida"].iloc[0]
    assert kishida.role == "Menteri Luar Negeri Jepang"
    assert people[people.text == "Vladimir Putin"].iloc[0].role == "Presiden"
    assert {"Tokyo", "Korea Utara", "Suriah"} <= set(found[found.label == "LOC"].key)


def test_a_given_token_table_gives_the_same_mentions(article):
    corpus, found = article
    pd.testing.assert_frame_equal(entities(corpus, tokens=token_table(corpus)), found)


def test_keys_take_the_one_fuller_name_across_documents_and_refuse_to_guess():
    corpus = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d", "e"],
        "text": [
            "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Tokyo.",
            "Kemarin, kata Lavrov, pertemuan berjalan baik.",
            "Di Moskow, Sergei Lavrov menerima tamu.",
            "Presiden Joko Widodo meresmikan jembatan.",
            "Menteri Ani Widodo hadir. Widodo tersenyum.",
        ],
    })
    found = entities(corpus)
    key = dict(zip(zip(found.doc_id, found.text, strict=True), found.key, strict=True))
    assert key[("b", "Lavrov")] == "Sergei Lavrov"  # two documents give the full name
    assert key[("e", "Widodo")] == "Ani Widodo"  # the one fuller name in its own document
    assert key[("d", "Joko Widodo")] == "Joko Widodo"


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ({("Lavrov",), ("Sergei", "Lavrov")}, {("Lavrov",): ("Sergei", "Lavrov")}),
        ({("Widodo",), ("Joko", "Widodo"), ("Ani", "Widodo")}, {("Widodo",): ("Widodo",)}),
        ({("Samsung",), ("Samsung", "dan", "DailySocial")}, {("Samsung",): ("Samsung",)}),  # a phrase is not a name
    ],
)
def test_fuller_name(names, expected):
    out = _fuller(names, "PER")
    for name, fuller in expected.items():
        assert out[name] == fuller


@pytest.mark.parametrize(
    ("names", "label", "expected"),
    [
        ({("Golkar",), ("Partai", "Golkar")}, "ORG", ("Partai", "Golkar")),  # an organisation: the name it ends
        ({("Arsenal",), ("Arsenal", "Arsene", "Wenger")}, "ORG", ("Arsenal",)),
        ({("Jawa",), ("Jawa", "Barat")}, "LOC", ("Jawa",)),  # places never join
    ],
)
def test_fuller_names_of_organisations_and_places(names, label, expected):
    assert _fuller(names, label)[min(names, key=len)] == expected


def test_across_documents_the_most_attested_full_name_wins():
    corpus = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "text": [
            "Pelatih Zinedine Zidane tersenyum. Zidane puas.",
            "Pelatih Zinedine Zidane hadir. Zidane menang.",
            "Juru taktik Los Blancos Zinedine Zidane datang. Menurut Zidane, timnya siap.",
            "Kemarin, pelatih Zidane mengatakan timnya siap.",
        ],
    })
    found = entities(corpus)
    assert found[found.doc_id == "d"].key.tolist() == ["Zinedine Zidane"]


def test_gazetteers_add_states_that_act():
    plain = entities(["Jepang dan Rusia sepakat memperdalam kerja sama."])
    filled = entities(["Jepang dan Rusia sepakat memperdalam kerja sama."], gazetteers=True)
    assert {"Jepang", "Rusia"} == set(filled.text) and set(plain.text) <= set(filled.text)


def test_no_capitals_no_mentions_and_empty_corpora():
    assert entities(["semua huruf kecil di sini."]).empty
    empty = entities(pd.DataFrame({"doc_id": pd.Series([], dtype=object), "text": pd.Series([], dtype=object)}))
    assert empty.empty and tuple(empty.columns) == ENTITY_COLUMNS


def test_a_token_table_of_another_corpus_is_refused():
    tokens = token_table(["Presiden Joko Widodo tiba di Jakarta."])
    with pytest.raises(ValueError, match=r"doc_id 'doc1' is not in the corpus"):
        entities(pd.DataFrame({"doc_id": ["x"], "text": ["Lain."]}), tokens=tokens)
    with pytest.raises(ValueError, match="offsets of document 'doc1' run past its text"):
        entities(pd.DataFrame({"doc_id": ["doc1"], "text": ["Pendek."]}), tokens=tokens)


def test_mentions_of_a_news_corpus_stay_inside_sentences():
    news = read_sample("indosum").head(20)
    tokens = token_table(news)
    found = entities(news, tokens=tokens)
    assert len(found) > 50
    texts = dict(zip(news.doc_id, news.text, strict=True))
    assert all(texts[d][a:b] == t for d, a, b, t in zip(found.doc_id, found.start, found.end, found.text, strict=True))
    sentence_of = tokens.set_index(["doc_id", "start"]).sent_id
    assert all(sentence_of[(d, a)] == s for d, a, s in zip(found.doc_id, found.start, found.sent_id, strict=True))


@pytest.mark.parametrize(("text", "key"), [("kota Bandung", ("Bandung",)), ("mistar gawang Madrid", ("Madrid",)), ("Sergei Lavrov", ("Sergei", "Lavrov")), ("the Financial Times", ("Financial", "Times"))])
def test_keys_leave_out_lowercase_words_in_front(text, key):
    from telaah.entities import _canonical

    assert _canonical(text) == key


@pytest.mark.parametrize(
    ("words", "span", "expected"),
    [
        (["Kapolres", "Sukowono", "AKP", "Hardjito", "tiba"], (0, 4), (3, 0)),  # the name after the last title
        (["Menteri", "Perdagangan", "Budi", "Santoso"], (1, 4), (2, 1)),  # a common word after a title
        (["Presiden", "Joko", "Widodo"], (0, 3), (1, 0)),
        (["Budi", "Santoso", "tiba"], (0, 2), (0, None)),
    ],
)
def test_titles_inside_a_person_s_span_go_to_the_role(words, span, expected):
    from telaah import lang_id
    from telaah.entities import _split_title

    assert _split_title(words, *span, lang_id.person_titles()) == expected


def test_degrees_after_a_name_are_not_part_of_it():
    found = entities(["Ketua panitia, Fathur Rokhman M.Hum., membuka acara itu."])
    person = found[found.label == "PER"]
    assert person.text.tolist() == ["Fathur Rokhman"]


def test_a_title_case_headline_gives_only_names_the_text_also_writes():
    found = entities(["Baca juga: BMW Akan Sodorkan Mobil Antipeluru Untuk Gantikan Mobil Jokowi\nPresiden Joko Widodo (Jokowi) tiba. Jokowi tersenyum."])
    assert "Gantikan" not in " ".join(found.text)
    assert set(found[found.label == "PER"].key) == {"Joko Widodo"}


def test_one_document_s_full_name_renames_nobody_elsewhere():
    corpus = pd.DataFrame({
        "doc_id": ["a", "b"],
        "text": ["Aktor Harrison Ford tiba di Jakarta.", "Kemarin, kata Ford, penjualan mobil naik."],
    })
    found = entities(corpus)
    assert found[found.doc_id == "b"].key.tolist() in ([], ["Ford"])
