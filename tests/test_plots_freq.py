"""Tests for telaah.plots.freq: every chart draws something, with a title and labelled axes."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pytest

from telaah.concordance import dispersion
from telaah.corpus import read_corpus
from telaah.freq import collocations, frequencies, zipf_table
from telaah.keywords import keyness
from telaah.plots.freq import (
    plot_collocations,
    plot_dispersion,
    plot_keyness,
    plot_top_terms,
    plot_wordcloud,
    plot_zipf,
)
from telaah.plots.style import PALETTE
from telaah.resources import data_path
from telaah.table import token_table

matplotlib.use("Agg")  # headless


@pytest.fixture(scope="module")
def article():
    return token_table(read_corpus(data_path("jepang-rusia.txt")))


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def labelled(ax) -> bool:
    return bool(ax.get_title()) and bool(ax.get_xlabel()) and bool(ax.get_ylabel())


def tick_labels(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def test_top_terms(article):
    f = frequencies(article)
    ax = plot_top_terms(f, top=10)
    assert labelled(ax) and len(ax.patches) == 10
    assert tick_labels(ax)[:2] == f.term.tolist()[:2]  # most frequent at the top
    widths = [p.get_width() for p in ax.patches]
    assert max(widths) == f["count"].max()


def test_top_terms_per_1000_and_own_axes(article):
    _, ax = plt.subplots()
    out = plot_top_terms(frequencies(article), top=5, value="per_1000", ax=ax, title="Kata teratas")
    assert out is ax and ax.get_title() == "Kata teratas" and "1,000" in ax.get_xlabel()


def test_top_terms_needs_one_row_per_term(article):
    grouped = frequencies(article, groupby="para_id")
    with pytest.raises(ValueError, match="one group's rows"):
        plot_top_terms(grouped)
    with pytest.raises(ValueError, match="column"):
        plot_top_terms(grouped, value="jumlah")


def test_zipf(article):
    z = zipf_table(article, drop_stop=False)
    ax = plot_zipf(z)
    assert labelled(ax) and ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert len(ax.lines) == 2 and len(ax.lines[0].get_xdata()) == len(z)
    assert "s = " in ax.get_legend().get_texts()[1].get_text()


def test_dispersion(article):
    d = dispersion(article, ["tahan", "dagang", "angkatan laut"])
    ax = plot_dispersion(d)
    assert labelled(ax) and tick_labels(ax) == ["tahan", "dagang", "angkatan laut"]
    assert sum(len(line.get_xdata()) for line in ax.lines) == len(d) == 7 + 2 + 1
    assert ax.get_xlim() == (0, 1)
    positions = plot_dispersion(d, x="position", terms=["dagang", "rudal"])
    assert tick_labels(positions) == ["dagang", "rudal"] and "token" in positions.get_xlabel()
    with pytest.raises(ValueError, match="x='where'"):
        plot_dispersion(d, x="where")


def test_collocations(article):
    c = collocations(article, min_count=2, measure="pmi")
    ax = plot_collocations(c, top=5)
    assert labelled(ax) and len(ax.patches) == 5 and "PMI" in ax.get_xlabel()
    assert tick_labels(ax) == c.ngram.tolist()[:5]
    assert all(t.get_text().startswith("n=") for t in ax.texts)
    trigrams = plot_collocations(collocations(article, n=3, min_count=2))
    assert trigrams.get_title().startswith("Trigrams")


def test_keyness_diverges(article):
    k = keyness(article, target=article.para_id < 7)
    ax = plot_keyness(k, top=4, significant_only=False)
    assert labelled(ax) and len(ax.patches) == 8
    widths = [p.get_width() for p in ax.patches]
    assert sum(w > 0 for w in widths) == 4 and sum(w < 0 for w in widths) == 4
    colors = {matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches}
    assert colors == {PALETTE[0].lower(), PALETTE[1].lower()}


def test_keyness_against_wordfreq(article):
    k = keyness(article, reference="wordfreq")
    ax = plot_keyness(k, top=10, labels=("artikel", "bahasa Indonesia umum"))
    assert len(ax.patches) == 10 and "lavrov" in tick_labels(ax)
    assert ax.get_legend().get_texts()[0].get_text() == "more frequent in artikel"


def test_keyness_with_nothing_significant(article):
    k = keyness(article, target=article.para_id < 7)
    with pytest.raises(ValueError, match="no significant terms"):
        plot_keyness(k)


def test_wordcloud(article):
    ax = plot_wordcloud(frequencies(article), top=30)
    assert labelled(ax) and len(ax.images) == 1
    image = ax.images[0].get_array()
    assert image.shape[:2] == (400, 800) and image.std() > 0  # something was drawn


def test_wordcloud_is_deterministic(article):
    f = frequencies(article)
    first = plot_wordcloud(f, top=20).images[0].get_array()
    again = plot_wordcloud(f, top=20).images[0].get_array()
    assert (first == again).all()
    other = plot_wordcloud(f, top=20, random_state=1).images[0].get_array()
    assert (first != other).any()  # the seed sets the layout


def test_wordcloud_draws_the_top_terms(article):
    f = frequencies(article)
    assert plot_wordcloud(f, top=7).get_title() == "Word cloud of the top 7 terms"


@pytest.mark.parametrize(
    "draw",
    [
        lambda a: plot_top_terms(frequencies(a), top=0),
        lambda a: plot_collocations(collocations(a, min_count=2), top=-1),
        lambda a: plot_keyness(keyness(a, reference="wordfreq"), top=0),
        lambda a: plot_wordcloud(frequencies(a), top=2.5),
    ],
)
def test_top_is_checked(article, draw):
    with pytest.raises(ValueError, match="top=.*: the number of terms to draw"):
        draw(article)


@pytest.mark.parametrize("plot", [plot_top_terms, plot_collocations, plot_keyness, plot_wordcloud])
def test_n_is_no_longer_an_option_of_the_charts(article, plot):
    with pytest.raises(TypeError, match="'n'"):
        plot(frequencies(article), n=5)


def test_zipf_labels_never_overlap_on_equal_counts(article):
    ax = plot_zipf(zipf_table(article, drop_stop=False), label=8)
    points = [a.xy for a in ax.texts]
    assert len(points) == len(set(points)), "two labels at one point"
    assert any(" / " in a.get_text() for a in ax.texts) or len({a.xy[1] for a in ax.texts}) == len(points)


def test_count_axes_have_whole_ticks_only():
    tokens = token_table(["satu dua dua tiga tiga tiga"])
    ax = plot_top_terms(frequencies(tokens, drop_stop=False), top=3)
    ticks = [t for t in ax.get_xticks() if 0 <= t <= 3]
    assert ticks and all(float(t).is_integer() for t in ticks)
