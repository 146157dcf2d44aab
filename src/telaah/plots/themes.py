"""Charts of theme scores: a profile along the text, a units x themes heatmap, a co-occurrence heatmap.

Each chart takes a table from :mod:`telaah.themes` and an optional matplotlib
``ax``, and returns the Axes.  Every theme keeps its colour from
:func:`telaah.plots.style.theme_color` (lines, areas, and the theme names on
the heatmaps' axes).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from telaah.plots.style import finish, get_axes, heatmap, theme_color, theme_heatmap, theme_order, theme_ticks

__all__ = ["plot_theme_profile", "plot_theme_heatmap", "plot_theme_cooccurrence"]

_VALUE_LABELS = {"per_1000": "Matches per 1,000 words", "matches": "Matches"}
_UNIT_LABELS = {"para_id": "Paragraph", "sent_id": "Sentence"}


_SCORE_COLUMNS = frozenset({"theme", "matches", "tokens", "documents", "per_1000"})


def _check_scores(scores: pd.DataFrame, value: str) -> None:
    missing = [c for c in ("theme", value) if c not in scores.columns]
    if not missing and not _keys(scores):
        missing = ["doc_id (or the groupby column)"]
    if missing:
        raise ValueError(
            f"expected a table from telaah.theme_scores with column(s) {', '.join(missing)}; "
            f"it has {', '.join(map(str, scores.columns))}"
        )
    if scores.empty:
        raise ValueError("the theme scores table is empty: nothing to draw")


def _keys(scores: pd.DataFrame) -> list[str]:
    """The columns that name a row's unit: doc_id (and para_id/sent_id), or the groupby columns."""
    return [str(c) for c in scores.columns if c not in _SCORE_COLUMNS]


def _themes(scores: pd.DataFrame, themes: Sequence[str] | None) -> list[str]:
    known = theme_order(scores["theme"])
    if themes is None:
        return known
    unknown = [t for t in themes if t not in known]
    if unknown:
        raise ValueError(f"unknown theme(s) {', '.join(unknown)}; the table has {', '.join(known)}")
    return list(themes)


def _wide(scores: pd.DataFrame, value: str, themes: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """Units (rows, in table order) x themes (columns), and the columns that name the units."""
    keys = _keys(scores)
    frame = scores[keys + ["theme", value]].copy()
    frame["theme"] = frame["theme"].astype(str)
    for key in keys:
        if not pd.api.types.is_integer_dtype(frame[key]):
            frame[key] = frame[key].astype(str)
    order = frame[keys].drop_duplicates()
    wide = frame.pivot_table(index=keys, columns="theme", values=value, aggfunc="sum", dropna=False, observed=True)
    wide = wide.reindex(pd.MultiIndex.from_frame(order) if len(keys) > 1 else pd.Index(order[keys[0]], name=keys[0]))
    return wide.reindex(columns=themes), keys


def _unit_labels(wide: pd.DataFrame, keys: list[str]) -> tuple[list, str]:
    """Positions or ids for the units, and the axis label."""
    unit = next((k for k in keys if k in _UNIT_LABELS), None)
    if keys == ["doc_id"]:
        return [str(i) for i in wide.index], "Document"
    if unit is None or "doc_id" not in keys:  # groups: theme_scores(..., groupby=COL)
        values = [wide.index] if len(keys) == 1 else [wide.index.get_level_values(k) for k in keys]
        return [" · ".join(map(str, parts)) for parts in zip(*values, strict=True)], " · ".join(k.replace("_", " ").capitalize() for k in keys)
    docs = wide.index.get_level_values("doc_id")
    ids = wide.index.get_level_values(unit)
    if docs.nunique() == 1:
        return [int(i) for i in ids], f"{_UNIT_LABELS[unit]} of {docs[0]} (from 0)"
    return [f"{d} {_UNIT_LABELS[unit][0].lower()}{i}" for d, i in zip(docs, ids, strict=True)], f"Document and {_UNIT_LABELS[unit].lower()} (from 0)"


def plot_theme_profile(
    scores: pd.DataFrame,
    *,
    value: Literal["per_1000", "matches"] = "per_1000",
    themes: Sequence[str] | None = None,
    kind: Literal["line", "area"] = "line",
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw how each theme rises and falls along a text: one line (or stacked area) per theme.

    Parameters
    ----------
    scores : DataFrame
        A table from :func:`telaah.theme_scores`, usually with
        ``unit="paragraph"`` or ``unit="sentence"``.
    value : {"per_1000", "matches"}
        What the y axis shows.
    themes : sequence of str, optional
        The themes to draw, in this order; all of them by default.
    kind : {"line", "area"}
        One line per theme, or areas stacked on each other.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib.axes.Axes
        The x axis is the paragraph (or sentence) id when the table holds one
        document, and the units' order otherwise.

    Examples
    --------
    >>> from telaah.themes import theme_scores
    >>> ax = plot_theme_profile(theme_scores(["Ekspor naik.\\n\\nRudal diluncurkan."], unit="paragraph"))
    >>> len(ax.get_lines())
    6
    """
    if kind not in ("line", "area"):
        raise ValueError(f"kind must be 'line' or 'area', not {kind!r}")
    _check_scores(scores, value)
    chosen = _themes(scores, themes)
    wide, keys = _wide(scores, value, chosen)
    labels, xlabel = _unit_labels(wide, keys)
    numeric = all(isinstance(x, int) for x in labels)
    x = np.asarray(labels) if numeric else np.arange(len(labels))
    ax = get_axes(ax, figsize=(9.0, 4.5))
    colors = [theme_color(t) for t in chosen]
    if kind == "line":
        for theme, color in zip(chosen, colors, strict=True):
            ax.plot(x, wide[theme].to_numpy(dtype=float), color=color, marker="o", markersize=4, linewidth=2, label=theme)
    else:
        ax.stackplot(x, *(wide[t].fillna(0).to_numpy(dtype=float) for t in chosen), colors=colors, labels=chosen, alpha=0.85)
    if not numeric:
        step = max(1, len(labels) // 20)
        ax.set_xticks(x[::step], labels[::step], rotation=45, ha="right")
    elif len(x) <= 30:
        ax.set_xticks(x)
    ax.set_ylim(bottom=0)
    ax.legend(title="Theme", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return finish(ax, title=title or "Themes along the text", xlabel=xlabel, ylabel=_VALUE_LABELS.get(value, value))


def plot_theme_heatmap(
    scores: pd.DataFrame,
    *,
    value: Literal["per_1000", "matches"] = "matches",
    themes: Sequence[str] | None = None,
    annotate: bool | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw units or groups (rows) x themes (columns), each cell shaded by its score.

    Parameters
    ----------
    scores : DataFrame
        A table from :func:`telaah.theme_scores`: by document, paragraph or
        sentence, or by group (``theme_scores(tokens, groupby="source")``: a
        theme profile per outlet; use ``value="per_1000"`` to compare groups of
        different sizes).
    value : {"matches", "per_1000"}
        What the cells show.
    themes : sequence of str, optional
        The themes (columns) to draw, in this order; all of them by default.
    annotate : bool, optional
        Write each cell's value in it; by default when there are at most 400 cells.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0]`` holds the units x themes array.

    Examples
    --------
    >>> from telaah.themes import theme_scores
    >>> ax = plot_theme_heatmap(theme_scores(["Ekspor naik.", "Rudal diluncurkan."]))
    >>> ax.images[0].get_array().shape
    (2, 6)
    >>> import pandas as pd
    >>> news = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Ekspor gas naik.", "Rudal diluncurkan."], "source": ["x", "y"]})
    >>> ax = plot_theme_heatmap(theme_scores(news, groupby="source"), value="per_1000")
    >>> [t.get_text() for t in ax.get_yticklabels()], ax.get_ylabel()
    (['x', 'y'], 'Source')
    """
    _check_scores(scores, value)
    chosen = _themes(scores, themes)
    wide, keys = _wide(scores, value, chosen)
    labels, ylabel = _unit_labels(wide, keys)
    data = wide.to_numpy(dtype=float)
    ax = get_axes(ax, figsize=(1.1 * len(chosen) + 3.0, min(0.32 * len(labels) + 1.8, 14.0)))
    theme_heatmap(ax, data, chosen, labels, label=_VALUE_LABELS.get(value, value), annotate=annotate, integer=value == "matches")
    default = "Theme scores by unit" if "doc_id" in keys else f"Theme scores by {ylabel.lower()}"
    return finish(ax, title=title or default, xlabel="Theme", ylabel=ylabel)


def plot_theme_cooccurrence(
    cooccurrence: pd.DataFrame,
    *,
    value: Literal["jaccard", "units_both"] = "jaccard",
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw a themes x themes heatmap of how often two themes share a unit.

    Parameters
    ----------
    cooccurrence : DataFrame
        A table from :func:`telaah.theme_cooccurrence`.
    value : {"jaccard", "units_both"}
        The Jaccard index (0 to 1) or the number of units with both themes.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0]`` holds the themes x themes array.

    Examples
    --------
    >>> from telaah.themes import theme_cooccurrence
    >>> ax = plot_theme_cooccurrence(theme_cooccurrence(["Ekspor gas naik.", "Rudal diluncurkan."], unit="document"))
    >>> ax.images[0].get_array().shape
    (6, 6)
    """
    missing = [c for c in ("theme_a", "theme_b", value) if c not in cooccurrence.columns]
    if missing:
        raise ValueError(f"expected a table from telaah.theme_cooccurrence with column(s) {', '.join(missing)}")
    if cooccurrence.empty:
        raise ValueError("the co-occurrence table is empty: nothing to draw")
    column = cooccurrence["theme_a"]
    themes = list(column.cat.categories) if isinstance(column.dtype, pd.CategoricalDtype) else list(dict.fromkeys(column))
    wide = cooccurrence.pivot_table(index="theme_a", columns="theme_b", values=value, aggfunc="sum", dropna=False, observed=False)
    data = wide.reindex(index=themes, columns=themes).to_numpy(dtype=float)
    ax = get_axes(ax, figsize=(1.0 * len(themes) + 2.5, 0.9 * len(themes) + 1.5))
    vmax = 1.0 if value == "jaccard" else None
    label = "Jaccard index (units with both / with either)" if value == "jaccard" else "Units with both themes"
    heatmap(ax, data, label=label, vmax=vmax, annotate=True, integer=value == "units_both", aspect="equal")
    theme_ticks(ax, themes, axis="x")
    theme_ticks(ax, themes, axis="y")
    return finish(ax, title=title or "Which themes occur together", xlabel="Theme", ylabel="Theme")
