"""Tests for telaah.quotes: direct and reported speech, cues, speakers, and the scorer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from telaah.corpus import read_sample
from telaah.quotes import QUOTE_COLUMNS, quotes, read_quote_annotations, score_quotes

DATA = Path(__file__).parent / "data"


def one(text: str) -> pd.DataFrame:
    return quotes([text])


@pytest.mark.parametrize(
    ("text", "kind", "content", "cue", "mention", "speaker"),
    [
        ('Presiden Joko Widodo tiba. "Kami siap bekerja," kata Jokowi.', "direct", "Kami siap bekerja,", "kata", "Jokowi", "Jokowi"),
        ('"Situasi sudah terkendali," ujar Kapolda Fakhrizal di Padang, Selasa (25/2/2020).', "direct", "Situasi sudah terkendali,", "ujar", "Kapolda Fakhrizal", "Fakhrizal"),
        ("Menteri Sergei Lavrov mengatakan bahwa kedua negara akan bertemu lagi.", "indirect", "kedua negara akan bertemu lagi", "mengatakan", "Menteri Sergei Lavrov", "Sergei Lavrov"),
        ("Menurut Sergei Lavrov, kedua negara akan bertemu lagi tahun depan.", "indirect", "kedua negara akan bertemu lagi tahun depan", "Menurut", "Sergei Lavrov", "Sergei Lavrov"),
        ("Sergei Lavrov tiba di Tokyo. “Kita harus bertindak,” jelasnya.", "direct", "Kita harus bertindak,", "jelasnya", "nya", "Sergei Lavrov"),
        ("Sergei Lavrov tiba. Dia menilai kerja sama itu akan bermanfaat.", "indirect", "kerja sama itu akan bermanfaat", "menilai", "Dia", "Sergei Lavrov"),
        ("Sergei Lavrov mengatakan pada konferensi pers hari Sabtu bahwa kedua negara akan bertemu.", "indirect", "kedua negara akan bertemu", "mengatakan", "Sergei Lavrov", "Sergei Lavrov"),
        ('"Film ini laris," kata produser film Manoj Punjabi di Jakarta.', "direct", "Film ini laris,", "kata", "produser film Manoj Punjabi", "Manoj Punjabi"),
    ],
)
def test_news_patterns(text, kind, content, cue, mention, speaker):
    found = one(text)
    row = found[found.content == content]
    assert len(row) == 1, found[["kind", "content", "cue"]]
    row = row.iloc[0]
    assert (row.kind, row.cue, row.speaker_mention, row.speaker) == (kind, cue, mention, speaker)
    assert text[row.content_start : row.content_end] == content
    assert text[row.cue_start : row.cue_end] == cue
    assert text[row.speaker_start : row.speaker_end] == mention


def test_opinions_are_marked_apart():
    found = one("Sergei Lavrov tiba. Dia menilai kerja sama itu akan bermanfaat. Lavrov mengatakan pertemuan berjalan baik.")
    assert found.set_index("cue").cue_class.astype(str).to_dict() == {"menilai": "opinion", "mengatakan": "speech"}


def test_a_quote_interrupted_by_its_cue_and_continued_in_the_next_paragraph():
    text = ('Sergei Lavrov berbicara di Tokyo.\n"Kita harus bertindak," kata Lavrov, "dan tidak boleh emosional."\n'
            '"Kedua negara sudah lama bertetangga dan akan terus bekerja sama."')
    found = one(text)
    assert found.kind.astype(str).tolist() == ["direct", "direct", "direct"]
    assert found.content.tolist() == ["Kita harus bertindak,", "dan tidak boleh emosional.", "Kedua negara sudah lama bertetangga dan akan terus bekerja sama."]
    assert set(found.speaker) == {"Sergei Lavrov"}
    assert found.cue.iloc[2] is None and found.cue_start.iloc[2] == -1  # goes on from the quotation before


@pytest.mark.parametrize(
    "text",
    [
        'Film "Dilan" laris di bioskop Jakarta.',
        'Ia membaca buku "Laskar Pelangi" di kamarnya.',
        "Lavrov tidak menyebutkan serangan terhadap rudal Rusia di Suriah.",
        "semua orang di sini makan siang bersama.",
    ],
)
def test_titles_scare_quotes_and_negated_cues_are_not_speech(text):
    assert one(text).empty


def test_a_partial_quote_inside_a_reported_clause_is_direct_too():
    text = "Fumio Kishida tiba. Kishida juga mengatakan bahwa aliansi itu tetap menjadi “landasan” kebijakan Tokyo."
    found = one(text).set_index("kind")
    assert found.loc["direct", "content"] == "landasan" and found.loc["direct", "speaker"] == "Fumio Kishida"
    assert "“landasan”" in found.loc["indirect", "content"]


def test_columns_types_and_empty_corpus():
    found = quotes(read_sample())
    assert tuple(found.columns) == QUOTE_COLUMNS
    assert list(found.kind.cat.categories) == ["direct", "indirect"]
    text = read_sample().text.iloc[0]
    assert all(text[a:b] == c for a, b, c in zip(found.content_start, found.content_end, found.content, strict=True))
    empty = quotes(pd.DataFrame({"doc_id": pd.Series([], dtype=object), "text": pd.Series([], dtype=object)}))
    assert empty.empty and tuple(empty.columns) == QUOTE_COLUMNS


@pytest.fixture(scope="module")
def dev():
    corpus = pd.concat([read_sample(), read_sample("indosum")], ignore_index=True)
    gold = read_quote_annotations(DATA / "quotes-dev.jsonl", corpus)
    docs = corpus[corpus.doc_id.isin(set(gold.doc_id))][["doc_id", "text"]].reset_index(drop=True)
    return gold, quotes(docs)


def test_the_development_set_is_read_with_exact_offsets(dev):
    gold, _ = dev
    assert len(gold) > 100 and set(gold.kind) == {"direct", "indirect"}
    assert (gold.content_end - gold.content_start == gold.content.str.len()).all()


def test_accuracy_on_the_development_set_does_not_regress(dev):
    gold, found = dev
    scores = score_quotes(found, gold).set_index("kind")
    # Held-out targets are 0.95 (direct), 0.70 (indirect), 0.85 (speakers); on the set we develop
    # against, Telaah must stay above them.
    assert scores.loc["direct", "f1"] >= 0.95
    assert scores.loc["indirect", "f1"] >= 0.85
    assert scores.loc["all", "speaker_right"] >= 0.85


def test_annotations_that_do_not_fit_the_text_are_refused(tmp_path):
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ['"Kami siap," kata dia.']})
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a", "quotes": [{"kind": "direct", "content": "Kami tidak siap"}]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl, line 1, quote 0: content 'Kami tidak siap' does not occur"):
        read_quote_annotations(bad, corpus)
    bad.write_text('{"doc_id": "b", "quotes": []}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 1: document 'b' is not in the corpus"):
        read_quote_annotations(bad, corpus)
    bad.write_text("not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1: expected a JSON object"):
        read_quote_annotations(bad, corpus)
