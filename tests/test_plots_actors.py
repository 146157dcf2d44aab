"""Tests for telaah.plots.actors."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from telaah.actors import actor_themes  # noqa: E402
from telaah.corpus import read_sample  # noqa: E402
from telaah.entities import entities  # noqa: E402
from telaah.plots.actors import LABEL_COLORS, plot_actor_themes, plot_actors  # noqa: E402
from telaah.quotes import quotes  # noqa: E402


@pytest.fixture(scope="module")
def article():
    corpus = read_sample()
    found = entities(corpus)
    return corpus, found, quotes(corpus, mentions=found)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_actors_chart_has_labels_title_and_the_most_named_on_top(article):
    _, found, said = article
    ax = plot_actors(found, said, top=5)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 5 and ax.get_title() and ax.get_xlabel() == "Mentions and statements" and ax.get_ylabel() == "Actor"
    counts = found.key.value_counts() + said.speaker.value_counts().reindex(found.key.unique(), fill_value=0)
    assert labels[-1] == counts.sort_values(ascending=False).index[0]
    colours = {tuple(p.get_facecolor()) for p in ax.patches}
    assert len(colours) >= 2
    assert set(LABEL_COLORS) == {"PER", "ORG", "LOC"}


def test_actors_chart_without_statements_and_bad_input(article):
    _, found, _ = article
    ax = plot_actors(found, top=3)
    assert ax.get_title() == "Most mentioned actors" and len(ax.get_yticklabels()) == 3
    with pytest.raises(ValueError, match="telaah.entities"):
        plot_actors(found.drop(columns="key"))
    with pytest.raises(ValueError, match="top must be"):
        plot_actors(found, top=0)


@pytest.mark.parametrize("basis", ["named", "quoted"])
def test_actor_theme_heatmap(article, basis):
    corpus, found, said = article
    table = actor_themes(corpus, mentions=found, statements=said)
    ax = plot_actor_themes(table, basis=basis, top=4)
    data = ax.images[0].get_array()
    rows = table[table.basis == basis]
    assert data.shape == (min(4, rows.actor.nunique()), rows.theme.nunique())
    assert ax.get_xlabel() == "Theme" and ax.get_title()
    first = [t.get_text() for t in ax.get_yticklabels()][0]
    expected = rows[(rows.actor == first)].set_index("theme").per_1000.to_numpy()
    assert data[0].tolist() == pytest.approx(expected.tolist(), nan_ok=True)


def test_heatmap_refuses_other_tables():
    with pytest.raises(ValueError, match="telaah.actor_themes"):
        plot_actor_themes(read_sample())
    with pytest.raises(ValueError, match="no quoted actors"):
        plot_actor_themes(actor_themes(["Presiden Joko Widodo tiba di Bali."]), basis="quoted")


@pytest.mark.parametrize("top", [1, 5, 15])
def test_the_rows_of_the_top_actors_alone_draw_the_same_chart(article, top):
    from telaah.actors import label_counts
    from telaah.plots.actors import top_actors

    _, found, said = article
    shown = top_actors(label_counts(found).groupby(level=0).sum(), said["speaker"].dropna().astype(str).value_counts(), top=top)
    assert len(shown) == top
    whole = plot_actors(found, said, top=top)
    part = plot_actors(found[found["key"].astype(str).isin(shown)], said[said["speaker"].astype(str).isin(shown)], top=top)
    assert [t.get_text() for t in part.get_yticklabels()] == [t.get_text() for t in whole.get_yticklabels()] == shown[::-1]
    def bars(ax):  # a label none of these actors has draws zero-width bars only in the whole chart
        return sorted((p.get_y(), p.get_x(), p.get_width()) for p in ax.patches if p.get_width())

    assert bars(part) == bars(whole) and len(bars(whole)) >= top
