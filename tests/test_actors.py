"""Tests for telaah.actors: themes where actors are named and what speakers are quoted saying."""

from __future__ import annotations

import pandas as pd
import pytest

from telaah.actors import ACTOR_THEME_COLUMNS, actor_themes
from telaah.corpus import read_sample
from telaah.entities import entities
from telaah.quotes import quotes
from telaah.table import token_table
from telaah.themes import theme_scores

TEXT = (
    "Menteri Pertahanan Sergei Shoigu memimpin latihan militer. Shoigu memuji latihan militer itu. "
    "Menteri Budi Santoso membuka pasar ekspor. "
    "Budi Santoso mengatakan ekspor gas akan naik tahun ini."
)


@pytest.fixture(scope="module")
def table():
    return actor_themes([TEXT])


def test_columns_and_order(table):
    assert tuple(table.columns) == ACTOR_THEME_COLUMNS
    assert list(table.basis.cat.categories) == ["named", "quoted"]
    named = table[table.basis == "named"].drop_duplicates("actor")
    assert set(named.actor) == {"Budi Santoso", "Sergei Shoigu"}
    assert named.mentions.is_monotonic_decreasing


def test_named_counts_each_sentence_once(table):
    rows = table[(table.basis == "named") & (table.actor == "Sergei Shoigu")].set_index("theme")
    # two sentences name Shoigu; each has "latihan militer" (a phrase counts once); the first also "Pertahanan"
    assert rows.loc["pertahanan", "matches"] == 3 and rows.loc["pertahanan", "units"] == 2
    scores = theme_scores(token_table([TEXT]), unit="sentence")
    words = scores[(scores.sent_id <= 1) & (scores.theme == "pertahanan")].tokens.sum()
    assert rows.loc["pertahanan", "tokens"] == words
    assert rows.loc["pertahanan", "per_1000"] == pytest.approx(3000 / words)


def test_quoted_counts_the_content_of_statements(table):
    rows = table[(table.basis == "quoted") & (table.actor == "Budi Santoso")].set_index("theme")
    assert rows.loc["perdagangan", "matches"] == 1 and rows.loc["energi", "matches"] == 1
    assert rows.loc["perdagangan", "tokens"] == 6  # ekspor gas akan naik tahun ini
    assert rows.loc["pertahanan", "matches"] == 0


@pytest.mark.parametrize("unit", ["sentence", "paragraph", "document"])
def test_named_matches_never_exceed_the_corpus(unit):
    corpus = read_sample()
    tokens = token_table(corpus)
    table = actor_themes(corpus, tokens=tokens, unit=unit)
    totals = theme_scores(tokens).groupby("theme", observed=True).matches.sum()
    named = table[table.basis == "named"]
    for theme, matches in named.groupby("theme", observed=True).matches.max().items():
        assert matches <= totals[theme]
    if unit == "document":  # every actor's context is the whole article
        assert (named.groupby("actor").matches.sum() == totals.sum()).all()


def test_given_tables_and_top():
    corpus = read_sample()
    tokens = token_table(corpus)
    found = entities(corpus, tokens=tokens)
    said = quotes(corpus, tokens=tokens, mentions=found)
    full = actor_themes(corpus, tokens=tokens, mentions=found, statements=said)
    pd.testing.assert_frame_equal(full, actor_themes(corpus))
    small = actor_themes(corpus, tokens=tokens, mentions=found, statements=said, top=2)
    assert small[small.basis == "named"].actor.nunique() == 2
    assert set(small.actor) <= set(full.actor)


def test_nobody_named_gives_an_empty_table_and_bad_options_are_refused():
    empty = actor_themes(["semua huruf kecil di sini."])
    assert empty.empty and tuple(empty.columns) == ACTOR_THEME_COLUMNS
    with pytest.raises(ValueError, match="top must be a positive whole number"):
        actor_themes([TEXT], top=0)
    with pytest.raises(ValueError, match="unit"):
        actor_themes([TEXT], unit="word")
