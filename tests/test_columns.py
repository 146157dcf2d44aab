"""Tests for telaah._columns: the shared option checks, codes, masks and group numbering."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telaah._columns import (
    check_by,
    check_kinds,
    check_unit,
    ensure_tokens,
    group_columns,
    group_ids,
    unique_counts,
    unit_columns,
)
from telaah.corpus import read_corpus


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(["a", "b", "c", None]), st.integers(0, 3), st.sampled_from(["x", "y"])),
        min_size=1,
        max_size=40,
    ),
    categorical=st.booleans(),
)
def test_group_ids_number_groups_as_pandas_groupby_orders_them(rows, categorical):
    frame = pd.DataFrame(rows, columns=["doc_id", "para_id", "source"])
    if categorical:
        frame["doc_id"] = frame["doc_id"].astype("category")
    for cols in (["doc_id"], ["doc_id", "para_id"], ["source", "doc_id"]):
        gid, keys, first = group_ids(frame, cols)
        expected = frame.groupby(cols, sort=True, observed=True, dropna=False).ngroup().to_numpy()
        assert gid.tolist() == expected.tolist()
        assert keys.columns.tolist() == cols and len(keys) == gid.max() + 1
        assert first.tolist() == [int(np.flatnonzero(gid == g)[0]) for g in range(len(keys))]
        pd.testing.assert_frame_equal(keys, frame.iloc[first][cols].reset_index(drop=True))


def test_group_ids_without_columns_is_one_group():
    gid, keys, first = group_ids(pd.DataFrame({"a": [1, 2]}), [])
    assert gid.tolist() == [0, 0] and len(keys) == 1 and first.tolist() == [0]


def test_group_ids_survive_keys_that_would_overflow():
    n = 3000
    frame = pd.DataFrame({c: np.arange(n) * (i + 1) for i, c in enumerate("abcdefg")})
    gid, keys, _ = group_ids(frame, list("abcdefg"))
    assert gid.tolist() == list(range(n)) and len(keys) == n


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 5_000_000), max_size=50))
def test_unique_counts_agree_with_numpy(values):
    got = unique_counts(np.array(values, dtype=np.int64))
    want = np.unique(np.array(values, dtype=np.int64), return_counts=True)
    assert [a.tolist() for a in got] == [a.tolist() for a in want]


def test_unit_columns_define_the_unit_once():
    tokens = ensure_tokens(["Satu. Dua.\n\nTiga."])
    assert unit_columns(tokens, "document") == ["doc_id"]
    assert unit_columns(tokens, "paragraph") == ["doc_id", "para_id"]
    assert unit_columns(tokens, "sentence") == ["doc_id", "sent_id"]
    by_paragraph = ensure_tokens(read_corpus(pd.DataFrame({"text": ["Satu. Dua.\n\nTiga."]}), unit="paragraph"))
    assert unit_columns(by_paragraph, "paragraph") == ["doc_id"]  # each row already is a paragraph


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda t: check_by(t, "lemma"), "by='lemma': choose one of 'stem', 'lower', 'token'"),
        (lambda t: check_by(t.drop(columns="stem"), "stem"), "no 'stem' column"),
        (lambda t: check_kinds(["word", "emoji"]), "unknown kind(s) 'emoji'"),
        (lambda t: check_unit("bab"), "unit='bab': choose one of"),
        (lambda t: group_columns(t, ["doc_id", "sumber"]), "no column(s) 'sumber'"),
        (lambda t: unit_columns(t.drop(columns="sent_id"), "sentence"), "needs the token table column(s) sent_id"),
    ],
)
def test_bad_options_say_what_is_wrong(call, message):
    with pytest.raises(ValueError) as caught:
        call(ensure_tokens(["Satu."]))
    assert message in str(caught.value)


def test_ensure_tokens_explains_a_wrong_table():
    with pytest.raises(ValueError, match="expected a token table"):
        ensure_tokens(pd.DataFrame({"isi": ["Satu."]}))
