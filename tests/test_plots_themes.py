"""Tests for telaah.plots.themes: the charts render headless, with titles, labels and theme colours."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from telaah.plots.style import theme_color, theme_ticks  # noqa: E402
from telaah.plots.themes import plot_theme_cooccurrence, plot_theme_heatmap, plot_theme_profile  # noqa: E402
from telaah.table import token_table  # noqa: E402
from telaah.themes import theme_cooccurrence, theme_scores  # noqa: E402

TEXT = "Ekspor gas naik.\n\nRudal dan pasukan siaga di perbatasan.\n\nKucing tidur.\n\nMenteri Luar Negeri berkunjung."
THEMES = ["pertahanan", "wilayah", "perdagangan", "energi", "diplomasi", "keamanan"]


@pytest.fixture(scope="module")
def scores():
    return theme_scores(token_table([TEXT]), unit="paragraph")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_profile_one_line_per_theme_in_theme_colours(scores):
    ax = plot_theme_profile(scores)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == THEMES
    assert [to_hex(line.get_color()) for line in lines] == [theme_color(t).lower() for t in THEMES]
    assert ax.get_title() == "Themes along the text"
    assert ax.get_xlabel().startswith("Paragraph") and ax.get_ylabel() == "Matches per 1,000 words"
    assert list(lines[0].get_xdata()) == [0, 1, 2, 3]
    pertahanan = lines[0].get_ydata()
    assert pertahanan[1] == pytest.approx(2000 / 6)  # rudal, pasukan in 6 words
    assert ax.get_legend() is not None


def test_profile_options(scores):
    fig, ax = plt.subplots()
    out = plot_theme_profile(scores, themes=["energi", "pertahanan"], value="matches", kind="area", ax=ax, title="Dua tema")
    assert out is ax
    assert len(ax.collections) == 2  # one stacked area per theme
    assert ax.get_title() == "Dua tema" and ax.get_ylabel() == "Matches"
    with pytest.raises(ValueError, match="unknown theme"):
        plot_theme_profile(scores, themes=["olahraga"])
    with pytest.raises(ValueError, match="kind"):
        plot_theme_profile(scores, kind="bar")


def test_profile_of_several_documents_uses_their_order():
    s = theme_scores(["Ekspor naik.", "Rudal meluncur.", "Pulau indah."])
    ax = plot_theme_profile(s)
    assert len(ax.get_lines()) == 6 and ax.get_xlabel() == "Document"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["doc1", "doc2", "doc3"]


def test_heatmap_cells_labels_and_values(scores):
    ax = plot_theme_heatmap(scores)
    data = ax.images[0].get_array()
    assert data.shape == (4, 6)
    assert data[0, THEMES.index("perdagangan")] == 1 and data[0, THEMES.index("energi")] == 1
    assert data[2].sum() == 0  # the cat paragraph
    assert ax.get_title() == "Theme scores by unit" and ax.get_xlabel() == "Theme"
    assert ax.get_ylabel().startswith("Paragraph")
    assert [t.get_text() for t in ax.get_xticklabels()] == THEMES
    assert [to_hex(t.get_color()) for t in ax.get_xticklabels()] == [theme_color(t).lower() for t in THEMES]
    assert len(ax.texts) == 24  # annotated cells


def test_heatmap_rates_and_subset(scores):
    ax = plot_theme_heatmap(scores, value="per_1000", themes=["wilayah"], annotate=False)
    data = ax.images[0].get_array()
    assert data.shape == (4, 1) and not ax.texts
    assert data[1, 0] == pytest.approx(1000 / 6)
    with pytest.raises(ValueError, match="per_1000"):
        plot_theme_heatmap(theme_scores([TEXT], normalize=None), value="per_1000")


def test_cooccurrence_heatmap(scores):
    c = theme_cooccurrence(scores)
    ax = plot_theme_cooccurrence(c)
    data = ax.images[0].get_array()
    assert data.shape == (6, 6)
    assert np.allclose(data, data.T)
    i, j = THEMES.index("perdagangan"), THEMES.index("energi")
    assert data[i, j] == 1.0 and data[i, i] == 1.0
    assert ax.get_title() == "Which themes occur together"
    assert ax.get_xlabel() == "Theme" and ax.get_ylabel() == "Theme"
    assert [t.get_text() for t in ax.get_yticklabels()] == THEMES
    counts = plot_theme_cooccurrence(c, value="units_both").images[0].get_array()
    assert counts[THEMES.index("pertahanan"), THEMES.index("wilayah")] == 1


def test_charts_refuse_the_wrong_table():
    with pytest.raises(ValueError, match="theme_scores"):
        plot_theme_profile(token_table(["Ekspor."]))
    with pytest.raises(ValueError, match="theme_cooccurrence"):
        plot_theme_cooccurrence(theme_scores(["Ekspor."]))
    with pytest.raises(ValueError, match="empty"):
        plot_theme_heatmap(theme_scores(["Ekspor."]).iloc[:0])


def test_theme_ticks_label_either_axis_in_theme_colours():
    _, ax = plt.subplots()
    theme_ticks(ax, ["energi", "olahraga"], axis="y")
    labels = ax.get_yticklabels()
    assert [t.get_text() for t in labels] == ["energi", "olahraga"]
    assert [to_hex(t.get_color()) for t in labels] == [theme_color("energi").lower(), theme_color("olahraga").lower()]
    assert all(t.get_fontweight() == "bold" for t in labels)
    with pytest.raises(ValueError, match="axis"):
        theme_ticks(ax, ["energi"], axis="z")


def test_theme_heatmaps_share_the_style_helper():
    import telaah.plots.actors
    import telaah.plots.style
    import telaah.plots.themes
    import telaah.plots.topics

    modules = (telaah.plots.themes, telaah.plots.topics, telaah.plots.actors)
    assert all(m.theme_heatmap is telaah.plots.style.theme_heatmap for m in modules)
    assert all(m.theme_order is telaah.plots.style.theme_order for m in modules)
    assert telaah.plots.themes.theme_ticks is telaah.plots.style.theme_ticks
    assert not hasattr(telaah.plots.themes, "_theme_ticks")


def test_heatmap_draws_a_profile_per_group():
    news = pd.DataFrame({
        "doc_id": ["a", "b", "c"],
        "text": ["Ekspor gas naik.", "Rudal diluncurkan. Ekspor turun.", "Kucing tidur."],
        "source": ["x", "y", "x"],
    })
    scores = theme_scores(news, groupby="source")
    ax = plot_theme_heatmap(scores, value="per_1000")
    data = ax.images[0].get_array()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["x", "y"]
    assert ax.get_ylabel() == "Source" and ax.get_title() == "Theme scores by source"
    rates = scores.pivot(index="source", columns="theme", values="per_1000")
    assert rates.loc["y", "pertahanan"] > 0
    assert data[1, THEMES.index("pertahanan")] == pytest.approx(rates.loc["y", "pertahanan"])
