"""Tests for telaah.plots.topics: the charts render headless, with titles, labelled axes and topic colours."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from telaah.plots.style import PALETTE, theme_color  # noqa: E402
from telaah.plots.topics import (  # noqa: E402
    plot_choose_k,
    plot_doc_topics,
    plot_topic_prevalence,
    plot_topic_terms,
    plot_topic_themes,
    topic_color,
)
from telaah.table import token_table  # noqa: E402
from telaah.topics import choose_k, fit_topics, topic_prevalence, topic_themes  # noqa: E402

TRADE = "Ekspor kopi naik dan impor beras turun. Tarif ekspor dan impor dibahas."
DEFENCE = "Pasukan militer menguji rudal. Tentara dan pasukan ikut latihan militer."
SPORT = "Pemain mencetak gol di stadion. Tim menang dan pemain merayakan gol."
ARTICLE = "\n\n".join([TRADE, DEFENCE, SPORT, DEFENCE, TRADE, SPORT])
THEMES = ["pertahanan", "wilayah", "perdagangan", "energi", "diplomasi", "keamanan"]


@pytest.fixture(scope="module")
def result():
    return fit_topics(token_table([ARTICLE]), 3, unit="paragraph", min_df=2, max_df=0.5)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def assert_labelled(ax, title=None):
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    if title is not None:
        assert ax.get_title() == title


def test_topic_colours_follow_the_palette_and_repeat():
    assert [topic_color(t) for t in range(3)] == list(PALETTE[:3])
    assert topic_color(len(PALETTE)) == topic_color(0)


def test_top_terms_grid_has_one_labelled_panel_per_topic(result):
    axes = plot_topic_terms(result, top=4)
    assert isinstance(axes, np.ndarray) and len(axes) == 3
    figure = axes[0].figure
    assert figure.get_suptitle() == "Top terms per topic"
    assert len(figure.axes) == 3  # no empty panels left in the grid
    for topic, ax in enumerate(axes):
        assert_labelled(ax, title=result.labels[topic])
        bars = ax.patches
        assert 1 <= len(bars) <= 4
        assert to_hex(bars[0].get_facecolor()) == topic_color(topic).lower()
        shown = [t.get_text() for t in ax.get_yticklabels()]
        expected = result.terms[(result.terms.topic == topic) & (result.terms["rank"] <= 4)]["term"].tolist()
        assert shown == expected
        widths = [b.get_width() for b in bars]
        assert widths == sorted(widths, reverse=True)


def test_top_terms_grid_with_forms_chosen_topics_and_own_axes(result):
    _, own = plt.subplots(1, 2)
    axes = plot_topic_terms(result, topics=[2, 0], show="form", axes=own, title="Dua topik")
    assert list(axes) == list(own)
    assert axes[0].get_title() == result.labels[2] and axes[0].figure.get_suptitle() == "Dua topik"
    forms = result.terms[(result.terms.topic == 2) & (result.terms["rank"] <= 10)]["form"].tolist()
    assert [t.get_text() for t in axes[0].get_yticklabels()] == forms


def test_top_terms_grid_also_takes_the_terms_table(result):
    axes = plot_topic_terms(result.terms, ncols=2)
    assert len(axes) == 3 and axes[0].get_title() == "Topic 0"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"topics": [7]}, ValueError, "unknown topic"), ({"show": "stem"}, ValueError, "show"), ({"top": 0}, ValueError, "top=0")],
)
def test_top_terms_grid_bad_arguments(result, kwargs, error, message):
    with pytest.raises(error, match=message):
        plot_topic_terms(result, **kwargs)


def test_doc_topic_heatmap_has_units_by_topics(result):
    ax = plot_doc_topics(result)
    data = ax.images[0].get_array()
    assert data.shape == (6, 3)
    np.testing.assert_allclose(np.asarray(data).sum(axis=1), 1.0)
    assert_labelled(ax, title="Topics per unit")
    assert ax.get_ylabel().startswith("Paragraph")
    assert [t.get_text() for t in ax.get_yticklabels()] == [str(p) for p in range(6)]


def test_doc_topic_heatmap_sorted_by_main_topic(result):
    ax = plot_doc_topics(result.doc_topics, sort=True)
    data = np.asarray(ax.images[0].get_array())
    main = data.argmax(axis=1)
    assert list(main) == sorted(main)
    assert "sorted" in ax.get_ylabel()


def test_prevalence_chart_one_line_per_topic(result):
    prevalence = topic_prevalence(result, groupby="para_id")
    ax = plot_topic_prevalence(prevalence)
    lines = ax.get_lines()
    assert len(lines) == 3
    assert [to_hex(line.get_color()) for line in lines] == [topic_color(t).lower() for t in range(3)]
    assert [line.get_label() for line in lines] == result.labels.tolist()
    np.testing.assert_array_equal(lines[0].get_xdata(), np.arange(6))
    assert_labelled(ax, title="Topics along the segments")
    assert ax.get_xlabel() == "Paragraph (from 0)"  # no raw column names in labels


def test_prevalence_chart_stacked_areas_over_named_segments(result):
    prevalence = topic_prevalence(result, pd.DataFrame({"doc_id": ["doc1"], "desk": ["dunia"]}), groupby="desk")
    ax = plot_topic_prevalence(prevalence, kind="area")
    assert len(ax.collections) == 3
    assert [t.get_text() for t in ax.get_xticklabels()] == ["dunia"]


def test_prevalence_chart_needs_one_segment_column(result):
    prevalence = topic_prevalence(result, groupby=["doc_id", "para_id"])
    with pytest.raises(ValueError, match="one segment column"):
        plot_topic_prevalence(prevalence)


def test_choose_k_chart_has_both_measures_and_marks_the_recommendation(result):
    table = choose_k(token_table([ARTICLE]), ks=[2, 3, 4], unit="paragraph", random_states=(0, 1), n_jobs=1)
    ax = plot_choose_k(table)
    assert_labelled(ax, title="Choosing the number of topics")
    assert ax.get_xlabel() == "Number of topics (k)"
    right = [other for other in ax.figure.axes if other is not ax and other.bbox.bounds == ax.bbox.bounds]
    assert len(right) == 1 and right[0].get_ylabel().startswith("Stability")
    np.testing.assert_array_equal(ax.get_lines()[0].get_xdata(), [2, 3, 4])
    vertical = [line for line in ax.get_lines() if len(set(line.get_xdata())) == 1]
    assert vertical and vertical[0].get_xdata()[0] == table.attrs["recommended"]


def test_topic_theme_heatmap_topics_by_themes_in_theme_colours(result):
    ax = plot_topic_themes(topic_themes(result))
    assert ax.images[0].get_array().shape == (3, 6)
    assert [t.get_text() for t in ax.get_xticklabels()] == THEMES
    assert [to_hex(t.get_color()) for t in ax.get_xticklabels()] == [theme_color(t).lower() for t in THEMES]
    assert [t.get_text() for t in ax.get_yticklabels()] == result.labels.tolist()
    assert_labelled(ax, title="Topics read against the theme lexicon")


@pytest.mark.parametrize(
    "draw",
    [plot_topic_terms, plot_doc_topics, plot_topic_prevalence, plot_choose_k, plot_topic_themes],
    ids=lambda f: f.__name__,
)
def test_charts_refuse_empty_or_wrong_tables(draw):
    with pytest.raises(ValueError, match="expected|empty"):
        draw(pd.DataFrame({"something": [1]}))


def test_long_topic_labels_are_wrapped_not_cut(result):
    from telaah.plots.topics import _short

    label = "0: pertahanan, hubungan, menteri luar negeri, kerja sama"
    wrapped = _short(label, 28)
    assert wrapped.replace("\n", " ") == label and all(len(line) <= 28 for line in wrapped.splitlines())
    ax = plot_doc_topics(result)
    assert not any("…" in t.get_text() for t in ax.get_xticklabels())
