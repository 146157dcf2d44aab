"""Charts of themes and terms over time: one line per theme or term, or small multiples per group.

They draw the tables of :func:`telaah.theme_trends` and
:func:`telaah.term_trends`: periods on the x axis, labelled for the period
with Indonesian month names (*Jan 2017*, *Agu 2017*, *2017 K3*), the rate per
1,000 words on the y axis, and periods with few documents shaded, since a
rate over two articles says little.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from telaah.plots.style import PALETTE, finish, get_axes, theme_color

__all__ = ["plot_theme_trends", "plot_term_trends", "period_label"]

_MONTHS_ID = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
_VALUE_LABELS = {"per_1000": "Per 1,000 words", "matches": "Matches", "count": "Occurrences"}
_TREND_COLUMNS = ("period", "theme", "term", "matches", "count", "tokens", "per_1000", "documents")


def period_label(period: pd.Period) -> str:
    """A period as an Indonesian reader writes it: ``Agu 2017``, ``2017 K3``, ``2017``, ``5 Agu 2017``.

    Examples
    --------
    >>> [period_label(pd.Period(p, freq=f)) for p, f in [("2017-08", "M"), ("2017-08", "Q"), ("2017", "Y"), ("2017-08-05", "D")]]
    ['Agu 2017', '2017 K3', '2017', '5 Agu 2017']
    """
    code = period.freqstr.split("-")[0].rstrip("0123456789").upper()
    start = period.start_time
    if code.startswith("M"):
        return f"{_MONTHS_ID[start.month - 1]} {start.year}"
    if code.startswith("Q"):
        return f"{start.year} K{period.quarter}"
    if code.startswith(("Y", "A")):
        return str(start.year)
    return f"{start.day} {_MONTHS_ID[start.month - 1]} {start.year}"


def _require(table: pd.DataFrame, series: str, value: str, what: str) -> list[str]:
    """Check a trends table and return its group columns (those that are not trend columns)."""
    missing = [c for c in ("period", series, value, "documents") if c not in table.columns]
    if missing:
        raise ValueError(f"expected {what} with column(s) {', '.join(missing)}; it has {', '.join(map(str, table.columns))}")
    return [c for c in table.columns if c not in _TREND_COLUMNS]


def _draw(
    ax: Axes,
    table: pd.DataFrame,
    *,
    series: str,
    value: str,
    chosen: Sequence[str],
    colors: Sequence[str],
    min_documents: int,
    labels: int = 12,
) -> None:
    """Lines of ``value`` over the periods of one group, thin periods shaded, at most ``labels`` period labels."""
    periods = pd.PeriodIndex(table["period"]).unique().sort_values()
    x = np.arange(len(periods))
    for name, color in zip(chosen, colors, strict=True):
        rows = table[table[series].astype(str) == name].set_index("period")[value].reindex(periods)
        ax.plot(x, rows.to_numpy(dtype=float), color=color, marker="o", markersize=3, linewidth=2, label=name)
    documents = table.groupby("period", sort=True)["documents"].first().reindex(periods).fillna(0).to_numpy()
    for i in np.flatnonzero(documents < min_documents):
        ax.axvspan(i - 0.5, i + 0.5, color="#999999", alpha=0.15, linewidth=0)
    step = max(1, -(-len(periods) // labels))
    ax.set_xticks(x[::step], [period_label(p) for p in periods[::step]], rotation=45, ha="right")
    ax.set_xlim(-0.5, len(periods) - 0.5)
    ax.set_ylim(bottom=0)


def _plot_trends(
    table: pd.DataFrame,
    *,
    series: str,
    value: str,
    chosen: Sequence[str],
    colors: Sequence[str],
    groups: list[str],
    min_documents: int,
    ax: Axes | None,
    title: str,
    legend: str,
) -> Axes | np.ndarray:
    ylabel = _VALUE_LABELS.get(value, value)
    note = f"shaded: periods with fewer than {min_documents} documents"
    if not groups:
        ax = get_axes(ax, figsize=(9.0, 4.5))
        _draw(ax, table, series=series, value=value, chosen=chosen, colors=colors, min_documents=min_documents)
        ax.legend(title=legend, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        ax.text(1.01, 0.0, note, transform=ax.transAxes, fontsize=8, color="#555555", va="bottom")
        return finish(ax, title=title, xlabel="Period", ylabel=ylabel)
    if ax is not None:
        raise ValueError(f"a table with groups ({', '.join(groups)}) is drawn as small multiples, one panel each: leave ax out")
    keys = table[groups].drop_duplicates().reset_index(drop=True)
    n = len(keys)
    ncols = min(3, n)
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.6 * ncols, 3.4 * nrows), sharey=True, squeeze=False)
    for i, panel in enumerate(axes.flat):
        if i >= n:
            panel.set_visible(False)
            continue
        key = keys.iloc[i]
        mask = np.logical_and.reduce([table[c].astype(str) == str(key[c]) for c in groups])
        _draw(panel, table[mask], series=series, value=value, chosen=chosen, colors=colors, min_documents=min_documents, labels=6)
        finish(panel, title=", ".join(str(key[c]) for c in groups), xlabel="Period", ylabel=ylabel if i % ncols == 0 else "")
    top = float(np.nanmax(table[table[series].astype(str).isin(chosen)][value].to_numpy(dtype=float), initial=0.0))
    for panel in axes.flat[:n]:
        panel.set_ylim(0, top * 1.08 or 1.0)  # one scale for every panel: they are compared
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, title=legend, loc="upper left", bbox_to_anchor=(1.0, 0.95), frameon=False)
    fig.suptitle(title)
    fig.text(1.0, 0.02, note, fontsize=8, color="#555555", ha="left")
    fig.tight_layout()
    return axes.ravel()[:n]


def plot_theme_trends(
    trends: pd.DataFrame,
    *,
    value: Literal["per_1000", "matches"] = "per_1000",
    themes: Sequence[str] | None = None,
    min_documents: int = 3,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes | np.ndarray:
    """Draw each theme over time: one line per theme, one panel per group when the table has groups.

    Parameters
    ----------
    trends : DataFrame
        A table from :func:`telaah.theme_trends` (with ``groupby=``, one
        panel per group: small multiples).
    value : {"per_1000", "matches"}
        What the y axis shows.
    themes : sequence of str, optional
        The themes to draw, in this order; all of them by default.
    min_documents : int
        Shade periods with fewer documents than this.
    ax : matplotlib Axes, optional
        Where to draw (a table without groups only).
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib.axes.Axes or array of Axes
        One Axes, or the panels of the small multiples.

    Examples
    --------
    >>> from telaah.themes import theme_trends
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Ekspor gas naik.", "Pasukan bertahan."],
    ...                        "date": pd.to_datetime(["2020-01-05", "2020-03-02"])})
    >>> ax = plot_theme_trends(theme_trends(corpus))
    >>> len(ax.get_lines()), ax.get_xticklabels()[0].get_text()
    (6, 'Jan 2020')
    """
    groups = _require(trends, "theme", value, "a table from telaah.theme_trends")
    present = [str(t) for t in pd.unique(trends["theme"].astype(str))]
    chosen = list(themes) if themes is not None else present
    unknown = [t for t in chosen if t not in present]
    if unknown:
        raise ValueError(f"themes: {', '.join(map(repr, unknown))} not in the table; it has {', '.join(present)}")
    return _plot_trends(
        trends, series="theme", value=value, chosen=chosen, colors=[theme_color(t) for t in chosen], groups=groups,
        min_documents=min_documents, ax=ax, title=title or "Themes over time", legend="Theme",
    )


def plot_term_trends(
    trends: pd.DataFrame,
    *,
    value: Literal["per_1000", "count"] = "per_1000",
    terms: Sequence[str] | None = None,
    min_documents: int = 3,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes | np.ndarray:
    """Draw chosen terms over time: one line per term, one panel per group when the table has groups.

    Parameters
    ----------
    trends : DataFrame
        A table from :func:`telaah.term_trends`.
    value : {"per_1000", "count"}
        What the y axis shows.
    terms : sequence of str, optional
        The terms to draw; all of them by default.
    min_documents : int
        Shade periods with fewer documents than this.
    ax : matplotlib Axes, optional
        Where to draw (a table without groups only).
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib.axes.Axes or array of Axes

    Examples
    --------
    >>> from telaah.concordance import term_trends
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Ekspor gas naik.", "Gas dan minyak."],
    ...                        "date": pd.to_datetime(["2020-01-05", "2020-02-02"])})
    >>> ax = plot_term_trends(term_trends(corpus, ["gas", "minyak"]))
    >>> [line.get_label() for line in ax.get_lines()]
    ['gas', 'minyak']
    """
    groups = _require(trends, "term", value, "a table from telaah.term_trends")
    present = [str(t) for t in pd.unique(trends["term"].astype(str))]
    chosen = list(terms) if terms is not None else present
    unknown = [t for t in chosen if t not in present]
    if unknown:
        raise ValueError(f"terms: {', '.join(map(repr, unknown))} not in the table; it has {', '.join(present)}")
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(chosen))]
    return _plot_trends(
        trends, series="term", value=value, chosen=chosen, colors=colors, groups=groups,
        min_documents=min_documents, ax=ax, title=title or "Terms over time", legend="Term",
    )
