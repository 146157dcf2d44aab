"""Tests for telaah.ner: the IOB reader, re-tokenization, features, the bundled model and its rules."""

from __future__ import annotations

import json
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import telaah.ner as ner
from telaah import lang_id
from telaah.ner import (
    FEATURE_VERSION,
    fill_from_gazetteers,
    gazetteer_digest,
    model_path,
    propagate_names,
    read_iob,
    retokenize,
    sentence_features,
    spans_from_tags,
    tag_sentences,
)
from telaah.tokenize import scan


def test_read_iob_reads_sentences_and_crlf(tmp_path):
    path = tmp_path / "ner.txt"
    path.write_bytes(b"Joko PROPN B-PER\r\nWidodo PROPN I-PER\r\ntiba VERB O\r\n\r\n\r\ndi ADP O\r\nBali PROPN B-LOC\r\n")
    assert read_iob(path) == [(["Joko", "Widodo", "tiba"], ["B-PER", "I-PER", "O"]), (["di", "Bali"], ["O", "B-LOC"])]


@pytest.mark.parametrize("line", ["Joko\n", "Joko PROPN PER\n", "Joko PROPN X-PER\n", "Joko PROPN B-\n"])
def test_read_iob_names_file_and_line_of_a_bad_line(tmp_path, line):
    path = tmp_path / "bad.txt"
    path.write_text("tiba VERB O\n" + line, encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt, line 2: expected 'TOKEN \[POS\] TAG'"):
        read_iob(path)


@pytest.mark.parametrize(
    ("words", "tags", "forms", "expected"),
    [
        (["Joko", "Widodo", "(Jokowi)"], ["B-PER", "I-PER", "B-PER"], ["Joko", "Widodo", "(", "Jokowi", ")"], ["B-PER", "I-PER", "O", "B-PER", "O"]),
        (["Partai", "Golkar", "(PG)", "menang"], ["B-ORG", "I-ORG", "I-ORG", "O"], ["Partai", "Golkar", "(", "PG", ")", "menang"], ["B-ORG", "I-ORG", "O", "B-ORG", "O", "O"]),
        (["di", "Jakarta,"], ["O", "B-LOC"], ["di", "Jakarta", ","], ["O", "B-LOC", "O"]),
        (["PDI-P"], ["B-ORG"], ["PDI-P"], ["B-ORG"]),
        (["Jakarta", "Bandung"], ["B-LOC", "B-LOC"], ["Jakarta", "Bandung"], ["B-LOC", "B-LOC"]),
    ],
)
def test_retokenize_carries_tags_to_telaah_tokens(words, tags, forms, expected):
    assert retokenize(words, tags) == (forms, expected)


_iob = st.lists(
    st.tuples(st.sampled_from(["Joko", "(Bali)", "PT.", "tiba", "Rp5.000", "dan/atau", "“Kata”", "Jawa-Barat", ","]), st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-ORG"])),
    min_size=1,
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(_iob)
def test_retokenize_keeps_every_character_and_only_valid_spans(pairs):
    words, tags = [w for w, _ in pairs], [t for _, t in pairs]
    forms, new = retokenize(words, tags)
    assert forms == scan(" ".join(words))[0] and len(new) == len(forms)
    for first, last, label in spans_from_tags(new):
        assert label in {"PER", "LOC", "ORG"} and new[first].startswith("B-")
        assert all(t == f"I-{label}" for t in new[first + 1 : last])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "I-LOC"]), max_size=20))
def test_spans_cover_every_tagged_token_once(tags):
    spans = spans_from_tags(tags)
    covered = [i for a, b, _ in spans for i in range(a, b)]
    assert covered == [i for i, t in enumerate(tags) if t != "O"]
    assert all(tags[i][2:] == label for a, b, label in spans for i in range(a, b))


def test_features_see_shape_affixes_neighbours_and_gazetteers():
    feats = sentence_features(["Gubernur", "Jawa", "Barat", "Ridwan", "Kamil", "tiba", "Selasa", "."])
    assert "first" in feats[0] and "gaz=title:B" in feats[0]
    assert "gaz=loc-province:B" in feats[1] and "gaz=loc-province:I" in feats[2]
    assert {"shape=Xx", "title", "-1:gaz=loc-province:I", "-2:gaz=loc-province:B", "+1:lower=kamil"} <= set(feats[3])
    assert "date" in feats[6] and "+2:edge" in feats[6]
    assert sentence_features(["Kata"]) == sentence_features(["Kata"])  # deterministic


def test_bundled_model_describes_its_training():
    info = json.loads(model_path().with_suffix(".json").read_text(encoding="utf-8"))
    assert info["feature_version"] == FEATURE_VERSION
    assert len(info["training_sha256"]) == 64 and info["sentences"] > 1000
    # the gazetteers are features: editing them means retraining (tools/train_ner.py)
    assert info["gazetteer_sha256"] == gazetteer_digest(), "data/id/entities/ changed since the model was trained: run tools/train_ner.py"


def test_a_model_of_other_features_is_refused(tmp_path, monkeypatch):
    shutil.copy(model_path(), tmp_path / "ner-id.crfsuite")
    info = json.loads(model_path().with_suffix(".json").read_text(encoding="utf-8"))
    (tmp_path / "ner-id.json").write_text(json.dumps(dict(info, feature_version=FEATURE_VERSION - 1)), encoding="utf-8")
    monkeypatch.setattr(ner, "model_path", lambda: tmp_path / "ner-id.crfsuite")
    ner.tagger.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="trained with features version .* retrain it with tools/train_ner.py"):
            ner.tagger()
    finally:
        ner.tagger.cache_clear()


def test_model_tags_names_titles_and_places():
    tags = tag_sentences([["Presiden", "Joko", "Widodo", "bertemu", "Menteri", "Susi", "Pudjiastuti", "di", "Surabaya", "."]])[0]
    assert spans_from_tags(tags) == [(1, 3, "PER"), (5, 7, "PER"), (8, 9, "LOC")]


def test_gazetteer_fill_adds_only_untagged_whole_matches():
    words = ["Jepang", "dan", "Korea", "Selatan", "bertemu", "KPK"]
    assert fill_from_gazetteers(words, ["O"] * 6) == ["B-LOC", "O", "B-LOC", "I-LOC", "O", "B-ORG"]
    assert fill_from_gazetteers(words, ["B-ORG", "O", "O", "B-PER", "O", "O"])[:4] == ["B-ORG", "O", "O", "B-PER"]


def test_propagation_spreads_names_within_a_document_but_not_titles_or_stopwords():
    sentences = [["Menteri", "Sergei", "Lavrov", "dan", "Bank", "Dunia"], ["Lavrov", "dan", "Bank", "Dunia", "Menteri"]]
    tags = [["O", "B-PER", "I-PER", "O", "B-ORG", "I-ORG"], ["O", "O", "O", "O", "O"]]
    assert propagate_names(sentences, tags)[1] == ["B-PER", "O", "B-ORG", "I-ORG", "O"]
    # a word seen with two labels is not spread
    assert propagate_names([["Jordan", "x"], ["Jordan"], ["Jordan"]], [["B-PER", "O"], ["B-LOC"], ["O"]])[2] == ["O"]


def test_gazetteers_are_readable_and_case_kept():
    entries = lang_id.entity_gazetteers()
    assert "loc-country" in entries["Jepang"] and "org" in entries["KPK"]
    assert "Presiden" in lang_id.person_titles()
    assert all(entry == " ".join(entry.split()) for entry in entries)
