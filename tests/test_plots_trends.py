"""Tests for telaah.plots.trends: themes and terms over time, with titles, labels and Indonesian periods."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from telaah.concordance import term_trends
from telaah.plots.trends import period_label, plot_term_trends, plot_theme_trends
from telaah.table import token_table
from telaah.themes import theme_trends


@pytest.fixture(scope="module")
def tokens():
    corpus = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(6)],
            "text": ["Ekspor gas naik.", "Pasukan bertahan di pulau.", "Harga gas naik lagi.", "Latihan militer.", "Gas dan minyak.", "Film baru."],
            "source": ["kompas", "tempo"] * 3,
            "date": pd.to_datetime(["2017-07-03", "2017-07-20", "2017-08-02", "2017-10-30", "2017-10-01", "2017-10-02"]),
        }
    )
    return token_table(corpus)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.mark.parametrize(
    ("period", "label"),
    [(pd.Period("2017-08", "M"), "Agu 2017"), (pd.Period("2017-05", "M"), "Mei 2017"), (pd.Period("2017-12", "Q"), "2017 K4"),
     (pd.Period("2017", "Y"), "2017"), (pd.Period("2017-08-17", "D"), "17 Agu 2017")],
)
def test_periods_read_in_indonesian(period, label):
    assert period_label(period) == label


def test_theme_trends_chart_has_a_line_per_theme_labels_and_thin_periods_shaded(tokens):
    trends = theme_trends(tokens)
    ax = plot_theme_trends(trends, themes=["energi", "pertahanan"])
    assert [line.get_label() for line in ax.get_lines()] == ["energi", "pertahanan"]
    assert ax.get_title() == "Themes over time" and ax.get_xlabel() == "Period" and ax.get_ylabel() == "Per 1,000 words"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Jul 2017", "Agu 2017", "Sep 2017", "Okt 2017"]
    energy = ax.get_lines()[0].get_ydata()
    assert np.isnan(energy[2]) and energy[0] > 0  # September has no words: no rate, not a zero
    assert len(ax.patches) == 3  # July, August, September have fewer than 3 documents; October has 3


def test_groups_become_small_multiples_on_one_scale(tokens):
    panels = plot_term_trends(term_trends(tokens, ["gas", "latih"], groupby="source"), min_documents=1)
    assert [p.get_title() for p in panels] == ["kompas", "tempo"]
    assert panels[0].get_ylim() == panels[1].get_ylim()
    assert panels[0].figure.get_suptitle() == "Terms over time"


def test_bad_tables_and_options_are_named(tokens):
    with pytest.raises(ValueError, match="telaah.theme_trends"):
        plot_theme_trends(pd.DataFrame({"theme": ["x"]}))
    with pytest.raises(ValueError, match="'olahraga' not in the table"):
        plot_theme_trends(theme_trends(tokens), themes=["olahraga"])
    with pytest.raises(ValueError, match="small multiples"):
        plot_term_trends(term_trends(tokens, "gas", groupby="source"), ax=plt.subplots()[1])
