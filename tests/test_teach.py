"""Exercise checks: answers judged against hashed keys, friendly feedback, hints on request, two languages."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from telaah import teach
from telaah.resources import data_path
from telaah.teach import ExerciseError, answer_key, canonical, check, hint, use_language


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.delenv("TELAAH_STRICT_CHECKS", raising=False)
    monkeypatch.delenv("TELAAH_RECORD_ANSWERS", raising=False)
    use_language("en")
    yield
    use_language("en")


def right(exercise, answer, capsys) -> bool:
    check(exercise, answer)
    return "benar!" in capsys.readouterr().out


@pytest.fixture
def key(monkeypatch):
    """A key of three made-up exercises, in place of data/teach/exercises.json."""
    entries = {
        "90.1": answer_key("90.1", 3) | {"hint": {"en": "count them", "id": "hitunglah"}},
        "90.2": answer_key("90.2", {"dagang", "tahan", "bahas"}, kind="set") | {"hint": {"en": "the stems", "id": "kata dasarnya"}},
        "90.3": answer_key("90.3", 0.279, kind="number", decimals=2) | {"hint": {"en": "two decimals", "id": "dua desimal"}},
        "90.4": answer_key("90.4", "Sergei Lavrov") | {"hint": {"en": "the key column", "id": "kolom key"}},
    }
    monkeypatch.setattr(teach, "_key", lambda: entries)
    return entries


@pytest.mark.parametrize("answer", [3, 3.0, np.int64(3), np.float64(3.0)])
def test_a_whole_number_is_right_whatever_its_type(key, answer, capsys):
    check("90.1", answer)
    assert capsys.readouterr().out == "90.1: benar! (correct)\n"


def test_a_wrong_answer_names_what_was_given_and_gives_the_hint(key, capsys):
    check("90.1", 4)
    assert capsys.readouterr().out == "90.1: not yet right (you gave 4).\nHint (90.1): count them\n"


def test_an_unanswered_exercise_points_to_the_hint_without_showing_it(key, capsys):
    check("90.1", ...)
    out = capsys.readouterr().out
    assert "not answered yet" in out and 'hint("90.1")' in out and "count them" not in out


def test_hint_on_request(key, capsys):
    hint("90.1")
    assert capsys.readouterr().out == "Hint (90.1): count them\n"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"dagang", "tahan", "bahas"}, "benar!"),
        (["bahas", "dagang", "tahan"], "benar!"),
        (pd.Series(["dagang", "tahan", "bahas", "dagang"]), "benar!"),
        ({"dagang", "tahan"}, "2 of your 2 elements are right; 1 missing."),
        ({"dagang", "kuat"}, "1 of your 2 elements are right; these are not part of the answer: 'kuat'."),
    ],
)
def test_a_set_is_judged_element_by_element_without_naming_the_missing_ones(key, answer, expected, capsys):
    check("90.2", answer)
    out = capsys.readouterr().out
    assert expected in out
    given_words = set(answer)
    assert not [w for w in {"dagang", "tahan", "bahas"} - given_words if w in out], "a missing element was named"


@pytest.mark.parametrize(("answer", "ok"), [(0.279, True), (0.2751, True), (0.2849, True), (0.2744, False), (0.29, False)])
def test_a_number_is_right_at_the_decimals_the_exercise_asks_for(key, answer, ok, capsys):
    assert right("90.3", answer, capsys) is ok


@pytest.mark.parametrize("answer", ["Sergei Lavrov", "sergei lavrov", "  Sergei   Lavrov "])
def test_text_is_compared_without_case_or_extra_spaces(key, answer, capsys):
    assert right("90.4", answer, capsys)


def test_a_answer_of_the_wrong_type_says_what_type_is_wanted(key, capsys):
    check("90.1", "3")
    assert "should be a whole number, but you gave a piece of text (str) ('3')" in capsys.readouterr().out


def test_the_checks_speak_the_notebooks_language(key, capsys):
    use_language("id")
    check("90.1", 4)
    hint("90.2")
    out = capsys.readouterr().out
    assert out == "90.1: belum tepat (jawaban Anda 4).\nPetunjuk (90.1): hitunglah\nPetunjuk (90.2): kata dasarnya\n"
    with pytest.raises(ValueError, match="choose one of en, id"):
        use_language("fr")


def test_strict_mode_raises_on_a_wrong_or_missing_answer(key, monkeypatch):
    monkeypatch.setenv("TELAAH_STRICT_CHECKS", "1")
    check("90.1", 3)
    for answer in (4, ...):
        with pytest.raises(ExerciseError, match="90.1"):
            check("90.1", answer)


def test_an_unknown_exercise_is_named(key):
    with pytest.raises(KeyError, match="no exercise '91.1'.*known: 90.1, 90.2"):
        check("91.1", 1)


def test_record_mode_writes_the_key_entry_of_the_solutions_answer(key, tmp_path, monkeypatch):
    record = tmp_path / "answers.jsonl"
    monkeypatch.setenv("TELAAH_RECORD_ANSWERS", str(record))
    check("90.2", ["tahan", "bahas", "dagang"])
    entry = json.loads(record.read_text(encoding="utf-8"))
    assert entry["exercise"] == "90.2" and entry["digests"] == key["90.2"]["digests"]


def test_the_key_holds_no_answer_in_the_clear():
    text = data_path("teach", "exercises.json").read_text(encoding="utf-8")
    for answer in ("Sergei Lavrov", "Fumio Kishida", "Edy Rahmayadi", "dailysocial.id", "startup", "wilayah", "jepang-rusia#p11"):
        assert answer.lower() not in text.lower()
    key = json.loads(text)
    assert all(len(digest) == 64 for entry in key.values() for digest in entry.get("digests", [entry.get("digest", "0" * 64)]))


def test_the_bundled_key_loads_with_hints_in_both_languages():
    teach._key.cache_clear()
    key = teach._key()
    assert {"01.1", "07.4"} <= set(key)
    assert all(entry["hint"]["en"] and entry["hint"]["id"] for entry in key.values())


def test_a_key_without_a_hint_in_one_language_is_refused(tmp_path, monkeypatch):
    (tmp_path / "teach").mkdir()
    (tmp_path / "teach" / "exercises.json").write_text(json.dumps({"01.1": {"kind": "exact", "hint": {"en": "x"}}}), encoding="utf-8")
    monkeypatch.setattr(teach, "data_path", lambda *parts: tmp_path.joinpath(*parts))
    teach._key.cache_clear()
    try:
        with pytest.raises(ValueError, match="exercise '01.1' has no hint in id"):
            teach._key()
    finally:
        teach._key.cache_clear()


@given(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=6))
def test_canonical_form_of_a_set_ignores_order_and_repeats(words):
    assert canonical(set(words)) == canonical(set(reversed(words)))
    entry = answer_key("99.9", words, kind="set")
    assert len(entry["digests"]) == len({canonical(w) for w in words})
