"""Charts of frequency tables: top terms, Zipf, dispersion, collocations, keyness, word cloud.

Each chart takes a table from :mod:`telaah.freq`, :mod:`telaah.concordance` or
:mod:`telaah.keywords` and an optional matplotlib ``ax``, and returns the
Axes, with a title and labelled axes.  Terms are drawn horizontally, largest
at the top, so Indonesian words stay readable.  ``top`` is how many terms a
chart shows (per side in :func:`plot_keyness`), ``random_state`` the seed of
the word cloud's layout, as everywhere in Telaah.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from telaah.plots.style import PALETTE, finish, get_axes

__all__ = ["plot_top_terms", "plot_zipf", "plot_dispersion", "plot_collocations", "plot_keyness", "plot_wordcloud"]

_VALUE_LABELS = {
    "count": "Frequency (count)",
    "per_1000": "Frequency per 1,000 words",
    "rel_freq": "Relative frequency",
    "doc_freq": "Documents containing the term",
    "tfidf": "TF-IDF",
    "pmi": "PMI (log2 observed / expected)",
    "npmi": "Normalised PMI",
    "likelihood_ratio": "Log-likelihood ratio (G2)",
    "student_t": "t-score",
    "log_ratio": "Log ratio (log2 of target / reference frequency)",
    "g2": "Log-likelihood (G2)",
}


def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"expected {what} with column(s) {', '.join(missing)}; it has {', '.join(map(str, table.columns))}")
    if table.empty:
        raise ValueError(f"{what} is empty: nothing to draw")


def _check_top(top: int) -> None:
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
        raise ValueError(f"top={top!r}: the number of terms to draw must be a whole number, at least 1")


def _bars(ax: Axes, labels: Sequence[str], values: np.ndarray, colors: Sequence[str] | str) -> None:
    """Horizontal bars, the first label at the top."""
    y = np.arange(len(labels))[::-1]
    ax.barh(y, values, color=colors)
    ax.set_yticks(y, labels=list(labels))


def plot_top_terms(
    freq: pd.DataFrame,
    *,
    top: int = 20,
    value: str = "count",
    ax: Axes | None = None,
    title: str | None = None,
    color: str = PALETTE[0],
) -> Axes:
    """Bar chart of the most frequent terms of a :func:`telaah.frequencies` table.

    Parameters
    ----------
    freq : DataFrame
        One row per term (``term`` and ``value`` columns); for a grouped
        table, pass one group's rows.
    top : int
        Number of bars: the ``top`` largest ``value``.
    value : str
        The column drawn: ``"count"``, ``"per_1000"``, ``"tfidf"`` ...
    ax : matplotlib Axes, optional
        Where to draw; a new figure otherwise.
    title : str, optional
        The chart's title.

    Examples
    --------
    >>> from telaah.freq import frequencies
    >>> ax = plot_top_terms(frequencies(["Rudal rudal Jepang."]))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['rudal', 'jepang']
    >>> len(plot_top_terms(frequencies(["Rudal rudal Jepang."]), top=1).patches)
    1
    """
    _check_top(top)
    _require(freq, ["term", value], "a frequency table (from telaah.frequencies)")
    if freq["term"].duplicated().any():
        raise ValueError("the table has several rows per term (one per group): pass one group's rows, e.g. f[f.doc_id == 'x']")
    rows = freq.nlargest(top, value, keep="first")
    ax = get_axes(ax, figsize=(7.0, max(3.0, 0.3 * len(rows) + 1.2)))
    _bars(ax, rows["term"].astype(str).tolist(), rows[value].to_numpy(), color)
    if pd.api.types.is_integer_dtype(rows[value]):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no half ticks
    return finish(ax, title=title or f"Top {len(rows)} terms", xlabel=_VALUE_LABELS.get(value, value), ylabel="Term")


def plot_zipf(
    table: pd.DataFrame,
    *,
    label: int = 5,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Zipf plot: frequency against rank on log-log axes, with the fitted line.

    Parameters
    ----------
    table : DataFrame
        From :func:`telaah.zipf_table` (or :func:`telaah.frequencies`:
        ``rank`` and ``count`` columns).
    label : int
        Name the ``label`` most frequent terms on the chart.

    Examples
    --------
    >>> from telaah.freq import zipf_table
    >>> ax = plot_zipf(zipf_table(["dan dan dan yang yang itu"], drop_stop=False))
    >>> ax.get_xscale(), ax.get_yscale()
    ('log', 'log')
    """
    _require(table, ["rank", "count"], "a Zipf table (from telaah.zipf_table)")
    ax = get_axes(ax)
    ax.loglog(table["rank"], table["count"], marker="o", linestyle="none", markersize=3, color=PALETTE[0], label="terms")
    if "expected" in table.columns:
        s = table.attrs.get("zipf_exponent")
        fit = "fitted Zipf line" + (f" (s = {s:.2f})" if s is not None else "")
        ax.loglog(table["rank"], table["expected"], color=PALETTE[3], label=fit)
        ax.legend(frameon=False)
    if "term" in table.columns:
        # Terms of equal count sit side by side: one label for each count ("jepang / rusia"), so none overlap.
        top_rows = table.nsmallest(label, "rank")
        for count, group in top_rows.groupby("count", sort=False):
            first = group.nsmallest(1, "rank").iloc[0]
            ax.annotate(" / ".join(map(str, group["term"])), (first["rank"], count), xytext=(4, 2), textcoords="offset points", fontsize=8)
    return finish(ax, title=title or "Zipf's law: frequency by rank", xlabel="Rank (log scale)", ylabel="Frequency (count, log scale)")


def plot_dispersion(
    disp: pd.DataFrame,
    *,
    x: str = "relative",
    terms: Sequence[str] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Lexical dispersion plot: a tick wherever each term occurs along the text.

    Parameters
    ----------
    disp : DataFrame
        From :func:`telaah.dispersion` (``term`` and ``x`` columns).
    x : {"relative", "position"}
        Position as a share of the text (0 to 1) or as a token index.
    terms : sequence of str, optional
        Rows of the chart, top to bottom (every term of ``disp`` in order of
        first appearance by default, including terms not found, if given).

    Examples
    --------
    >>> from telaah.concordance import dispersion
    >>> ax = plot_dispersion(dispersion(["Rudal. Bukan rudal? Jepang."], ["rudal", "jepang"]))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['rudal', 'jepang']
    """
    if x not in ("relative", "position"):
        raise ValueError(f"x={x!r}: choose 'relative' or 'position'")
    _require(disp, ["term", x], "a dispersion table (from telaah.dispersion)")
    rows = list(terms) if terms is not None else list(dict.fromkeys(disp["term"].astype(str)))
    ax = get_axes(ax, figsize=(8.0, max(2.0, 0.45 * len(rows) + 1.2)))
    for i, term in enumerate(rows):
        where = disp.loc[disp["term"].astype(str) == term, x].to_numpy()
        ax.plot(where, np.full(len(where), len(rows) - 1 - i), linestyle="none", marker="|", markersize=16, markeredgewidth=2, color=PALETTE[i % len(PALETTE)])
    ax.set_yticks(np.arange(len(rows))[::-1], labels=rows)
    ax.set_ylim(-0.5, len(rows) - 0.5)
    if x == "relative":
        ax.set_xlim(0, 1)
    xlabel = "Position in the text (0 = start, 1 = end)" if x == "relative" else "Position in the text (token index)"
    return finish(ax, title=title or "Where the terms occur", xlabel=xlabel, ylabel="Term")


def plot_collocations(
    colloc: pd.DataFrame,
    *,
    measure: str | None = None,
    top: int = 15,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Bar chart of the best collocations of a :func:`telaah.collocations` table, with their counts.

    Parameters
    ----------
    colloc : DataFrame
        From :func:`telaah.collocations`.
    measure : str, optional
        The score drawn (the one the table was sorted by, by default).
    top : int
        Number of bars: the ``top`` highest scores.

    Examples
    --------
    >>> from telaah.freq import collocations
    >>> c = collocations(["Angkatan laut. Angkatan laut lagi. Laut biru."], min_count=2)
    >>> len(plot_collocations(c).patches)
    1
    """
    _check_top(top)
    measure = measure or colloc.attrs.get("measure", "likelihood_ratio")
    _require(colloc, ["ngram", "count", measure], "a collocation table (from telaah.collocations)")
    rows = colloc.nlargest(top, measure, keep="first")
    ax = get_axes(ax, figsize=(7.0, max(3.0, 0.3 * len(rows) + 1.2)))
    _bars(ax, rows["ngram"].astype(str).tolist(), rows[measure].to_numpy(), PALETTE[2])
    y = np.arange(len(rows))[::-1]
    for yi, v, c in zip(y, rows[measure].to_numpy(), rows["count"].to_numpy(), strict=True):
        ax.annotate(f"n={c}", (v, yi), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    ax.margins(x=0.12)  # room for the counts
    words = "Trigrams" if "word3" in colloc.columns else "Bigrams"
    return finish(ax, title=title or f"{words} by {measure}", xlabel=_VALUE_LABELS.get(measure, measure), ylabel="Collocation")


def plot_keyness(
    key: pd.DataFrame,
    *,
    top: int = 15,
    significant_only: bool = True,
    ax: Axes | None = None,
    title: str | None = None,
    labels: tuple[str, str] = ("target", "reference"),
) -> Axes:
    """Diverging bars of a :func:`telaah.keyness` table: effect size (log ratio) of the key terms.

    The ``top`` terms with the largest G2 on each side are drawn: to the right
    those more frequent in the target, to the left those more frequent in the
    reference.  Bar length is the log ratio (the effect size); terms that are
    not significant are drawn pale when ``significant_only`` is False.

    Parameters
    ----------
    key : DataFrame
        From :func:`telaah.keyness`.
    top : int
        Bars per side.
    significant_only : bool
        Draw only significant terms.
    labels : (str, str)
        Names of the target and the reference, for the legend.

    Examples
    --------
    >>> from telaah.keywords import keyness
    >>> k = keyness(["Rudal rudal rudal dan.", "Dagang dagang dan."], target={"doc_id": "doc1"}, drop_stop=False)
    >>> len(plot_keyness(k, significant_only=False).patches)
    3
    >>> len(plot_keyness(k, top=1, significant_only=False).patches)
    2
    """
    _check_top(top)
    _require(key, ["term", "log_ratio", "g2", "significant"], "a keyness table (from telaah.keyness)")
    rows = key[key["significant"]] if significant_only else key
    if rows.empty:
        raise ValueError("no significant terms to draw: pass significant_only=False, or a larger alpha to telaah.keyness")
    over = rows[rows["log_ratio"] > 0].nlargest(top, "g2", keep="first").sort_values("log_ratio", ascending=False)
    under = rows[rows["log_ratio"] < 0].nlargest(top, "g2", keep="first").sort_values("log_ratio", ascending=False)
    both = pd.concat([over, under])
    ax = get_axes(ax, figsize=(7.0, max(3.0, 0.28 * len(both) + 1.2)))
    colors = [PALETTE[0] if v > 0 else PALETTE[1] for v in both["log_ratio"]]
    y = np.arange(len(both))[::-1]
    bars = ax.barh(y, both["log_ratio"].to_numpy(), color=colors)
    for bar, sig in zip(bars, both["significant"].to_numpy(), strict=True):
        bar.set_alpha(1.0 if sig else 0.35)
    ax.set_yticks(y, labels=both["term"].astype(str).tolist())
    ax.axvline(0, color="#333333", linewidth=0.8)
    from matplotlib.patches import Patch

    handles = [Patch(color=PALETTE[0], label=f"more frequent in {labels[0]}")]
    if len(under):
        handles.append(Patch(color=PALETTE[1], label=f"more frequent in {labels[1]}"))
    ax.legend(handles=handles, frameon=False, loc="best", fontsize=8)
    return finish(ax, title=title or "Key terms", xlabel=_VALUE_LABELS["log_ratio"], ylabel="Term")


def plot_wordcloud(
    freq: pd.DataFrame,
    *,
    top: int = 100,
    value: str = "count",
    ax: Axes | None = None,
    title: str | None = None,
    random_state: int = 0,
    width: int = 800,
    height: int = 400,
) -> Axes:
    """Word cloud of a frequency table, drawn by the ``wordcloud`` package (a dependency of Telaah).

    A word cloud shows at a glance which words dominate, but sizes are hard
    to compare: use :func:`plot_top_terms` to read the numbers.  The layout
    is random; ``random_state`` fixes it, so the cloud looks the same every
    run.

    Parameters
    ----------
    freq : DataFrame
        One row per term (``term`` and ``value`` columns).
    top : int
        Number of words: the ``top`` largest ``value``.
    value : str
        The column that sets the word sizes.
    random_state : int
        Seed of the layout, so the cloud looks the same every run.

    Examples
    --------
    >>> from telaah.freq import frequencies
    >>> ax = plot_wordcloud(frequencies(["Rudal rudal Jepang."]))
    >>> ax.get_title()
    'Word cloud of the top 2 terms'
    """
    try:
        from wordcloud import WordCloud
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            "plot_wordcloud draws with the 'wordcloud' package, which Telaah depends on but this environment lacks: "
            "reinstall Telaah, or pip install 'wordcloud>=1.9'"
        ) from err
    _check_top(top)
    _require(freq, ["term", value], "a frequency table (from telaah.frequencies)")
    if freq["term"].duplicated().any():
        raise ValueError("the table has several rows per term (one per group): pass one group's rows")
    rows = freq.nlargest(top, value, keep="first")
    weights = {str(t): float(v) for t, v in zip(rows["term"], rows[value], strict=True) if v > 0}
    if not weights:
        raise ValueError(f"no term has a positive {value!r}: nothing to draw")
    colors = [c for c in PALETTE if c not in ("#F0E442", "#999999")]

    def color(word: str, **_: object) -> str:
        return colors[sum(map(ord, word)) % len(colors)]

    cloud = WordCloud(
        width=width, height=height, background_color="white", random_state=random_state, color_func=color, prefer_horizontal=0.95
    ).generate_from_frequencies(weights)
    ax = get_axes(ax, figsize=(8.0, 8.0 * height / width + 0.6))
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    return finish(
        ax,
        title=title or f"Word cloud of the top {len(weights)} terms",
        xlabel=f"Word size shows {_VALUE_LABELS.get(value, value).lower()}",
        ylabel="Position has no meaning",
    )
