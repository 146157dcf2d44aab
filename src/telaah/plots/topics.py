"""Charts of topic models: top terms per topic, units x topics, topics along segments, choosing k, topics x themes.

Each chart takes a result or table from :mod:`telaah.topics` and an optional
matplotlib ``ax`` (``axes`` for the grid of top terms), and returns what it
drew on.  Topics keep one colour across charts (:func:`topic_color`: the
Okabe-Ito palette, then the same colours dashed or hatched from the ninth topic on);
themes keep their colour from :func:`telaah.plots.style.theme_color`.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from telaah.plots.style import PALETTE, finish, get_axes, heatmap, theme_heatmap, theme_order

__all__ = [
    "topic_color",
    "plot_topic_terms",
    "plot_doc_topics",
    "plot_topic_prevalence",
    "plot_choose_k",
    "plot_topic_themes",
]

_LINESTYLES = ("-", "--", ":")


def topic_color(topic: int) -> str:
    """The colour of a topic: the palette's colours in order, repeating after the eighth.

    Examples
    --------
    >>> topic_color(0) == topic_color(8)
    True
    """
    return PALETTE[int(topic) % len(PALETTE)]


def _topic_linestyle(topic: int) -> str:
    return _LINESTYLES[(int(topic) // len(PALETTE)) % len(_LINESTYLES)]


def _is_result(obj: Any) -> bool:
    from telaah.topics import TopicResult

    return isinstance(obj, TopicResult)


def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"expected {what}, not {type(table).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"expected {what} with column(s) {', '.join(missing)}; it has {', '.join(map(str, table.columns))}")
    if table.empty:
        raise ValueError(f"{what} is empty: nothing to draw")


def _short(text: str, limit: int = 32) -> str:
    """A long label wrapped onto lines of at most ``limit`` characters: nothing is cut off."""
    return textwrap.fill(text, width=limit, break_long_words=False, break_on_hyphens=False)


def plot_topic_terms(
    result: Any,
    *,
    top: int = 10,
    topics: Sequence[int] | None = None,
    show: Literal["term", "form"] = "term",
    ncols: int | None = None,
    axes: Sequence[Axes] | np.ndarray | None = None,
    title: str | None = None,
) -> np.ndarray:
    """Draw the top terms of each topic as a grid of horizontal bar charts, one panel per topic.

    Parameters
    ----------
    result : TopicResult or DataFrame
        From :func:`telaah.fit_topics`, or its ``terms`` table (``topic``,
        ``rank``, ``term``, ``weight``).
    top : int
        Bars per panel: each topic's ``top`` heaviest terms (at most the
        ``top`` the model kept).
    topics : sequence of int, optional
        The topics to draw, in this order; all by default.
    show : {"term", "form"}
        Label bars with the modelled term (a stem by default) or its most
        frequent form in the corpus.
    ncols : int, optional
        Panels per row (at most 5 by default).
    axes : array of Axes, optional
        Where to draw, one Axes per topic; a new figure by default.
    title : str, optional
        The figure's title.

    Returns
    -------
    numpy.ndarray of matplotlib Axes
        One Axes per topic drawn, in order (a grid has no single Axes; the
        figure is ``axes[0].figure``).  Each panel's title is the topic's
        label; x: the term's weight in the topic; y: the terms, heaviest on top.

    Examples
    --------
    >>> from telaah.topics import fit_topics
    >>> texts = ["Ekspor dan impor naik.", "Tarif impor dan ekspor.", "Rudal dan pasukan.", "Pasukan menembakkan rudal."]
    >>> axes = plot_topic_terms(fit_topics(texts, 2), top=3)
    >>> len(axes), len(axes[0].patches)
    (2, 3)
    """
    import matplotlib.pyplot as plt

    terms = result.terms if _is_result(result) else result
    _require(terms, ("topic", "rank", "term", "weight"), "a terms table from telaah.fit_topics")
    if show not in ("term", "form"):
        raise ValueError(f"show must be 'term' or 'form', not {show!r}")
    if show == "form" and "form" not in terms.columns:
        raise ValueError("show='form' needs the terms table's form column")
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
        raise ValueError(f"top={top!r}: must be an int of at least 1")
    known = sorted(int(t) for t in terms["topic"].unique())
    chosen = known if topics is None else [int(t) for t in topics]
    unknown = [t for t in chosen if t not in known]
    if unknown:
        raise ValueError(f"unknown topic(s) {unknown}; the table has topics {known}")
    labels = result.labels if _is_result(result) else pd.Series({t: f"Topic {t}" for t in known})

    if axes is None:
        ncols = ncols or min(len(chosen), 5)
        nrows = math.ceil(len(chosen) / ncols)
        fig, grid = plt.subplots(nrows, ncols, figsize=(3.2 * ncols, 0.28 * top * nrows + 1.2 * nrows + 0.6), squeeze=False)
        flat = grid.ravel()
        for extra in flat[len(chosen) :]:
            fig.delaxes(extra)
        panels = flat[: len(chosen)]
    else:
        panels = np.asarray(axes, dtype=object).ravel()
        if len(panels) < len(chosen):
            raise ValueError(f"axes: {len(panels)} Axes for {len(chosen)} topics")
        panels = panels[: len(chosen)]
        fig = panels[0].figure
    for ax, topic in zip(panels, chosen, strict=True):
        heaviest = terms[(terms["topic"] == topic) & (terms["rank"] <= top)].sort_values("rank")
        y = np.arange(len(heaviest))
        ax.barh(y, heaviest["weight"].to_numpy(float), color=topic_color(topic), hatch="//" if topic >= len(PALETTE) else None)
        ax.set_yticks(y, heaviest[show].astype(str).tolist(), fontsize=8)
        ax.invert_yaxis()
        ax.tick_params(axis="x", labelsize=7)
        finish(ax, title=_short(str(labels.get(topic, f"Topic {topic}")), 36), xlabel="Weight in topic", ylabel="Term")
        ax.title.set_fontsize(9)
        ax.xaxis.label.set_fontsize(8)
        ax.yaxis.label.set_fontsize(8)
    fig.suptitle(title or "Top terms per topic")
    fig.tight_layout()
    return np.asarray(panels, dtype=object)


_UNIT_NAMES = {"para_id": ("Paragraph", "p"), "sent_id": ("Sentence", "s")}


def _unit_index(doc_topics: pd.DataFrame) -> tuple[list[str], list[str], str]:
    """The id columns of the units, their tick labels, and the y-axis label."""
    part = next((c for c in ("para_id", "sent_id") if c in doc_topics.columns), None)
    keys = ["doc_id"] + ([part] if part else [])
    order = doc_topics[keys].drop_duplicates()
    if part is None:
        return keys, [str(d) for d in order["doc_id"]], "Document"
    name, letter = _UNIT_NAMES[part]
    if order["doc_id"].nunique() == 1:
        return keys, [str(p) for p in order[part]], f"{name} ({part}, in {order['doc_id'].iloc[0]})"
    return keys, [f"{d} {letter}{p}" for d, p in zip(order["doc_id"], order[part], strict=True)], f"{name} (doc_id and {part})"


def plot_doc_topics(
    result: Any,
    *,
    sort: bool = False,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw units (rows) x topics (columns), each cell shaded by the topic's share of the unit.

    Parameters
    ----------
    result : TopicResult or DataFrame
        From :func:`telaah.fit_topics`, or its ``doc_topics`` table.
    sort : bool
        Order the units by their main topic (then by its share), which shows
        the blocks of a large corpus; text order by default.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0]`` holds the units x topics array.

    Examples
    --------
    >>> from telaah.topics import fit_topics
    >>> texts = ["Ekspor dan impor naik.", "Tarif impor dan ekspor.", "Rudal dan pasukan.", "Pasukan menembakkan rudal."]
    >>> ax = plot_doc_topics(fit_topics(texts, 2))
    >>> ax.images[0].get_array().shape
    (4, 2)
    """
    doc_topics = result.doc_topics if _is_result(result) else result
    _require(doc_topics, ("doc_id", "topic", "weight"), "a doc_topics table from telaah.fit_topics")
    keys, labels, ylabel = _unit_index(doc_topics)
    frame = doc_topics.assign(doc_id=doc_topics["doc_id"].astype(str))
    order = frame[keys].drop_duplicates()
    wide = frame.pivot_table(index=keys, columns="topic", values="weight", aggfunc="sum", observed=True)
    wide = wide.reindex(pd.MultiIndex.from_frame(order) if len(keys) > 1 else pd.Index(order["doc_id"], name="doc_id"))
    data = wide.to_numpy(dtype=float)
    topics = [int(t) for t in wide.columns]
    if sort and len(data):
        main = np.nanargmax(np.nan_to_num(data, nan=-1.0), axis=1)
        rank = np.lexsort((-data[np.arange(len(data)), main], main))
        data, labels = data[rank], [labels[i] for i in rank]
    names = [_short(str(result.labels[t]), 28) for t in topics] if _is_result(result) else [f"Topic {t}" for t in topics]
    ax = get_axes(ax, figsize=(0.9 * len(topics) + 3.5, min(0.3 * len(labels) + 2.2, 12.0)))
    heatmap(ax, data, label="Topic's share of the unit", vmax=1, annotate=data.size <= 300)
    ax.set_xticks(np.arange(len(topics)), names, rotation=35, ha="right", fontsize=8)
    for tick, topic in zip(ax.get_xticklabels(), topics, strict=True):
        tick.set_color(topic_color(topic))
    step = max(1, len(labels) // 40)
    ax.set_yticks(np.arange(len(labels))[::step], labels[::step])
    return finish(ax, title=title or "Topics per unit", xlabel="Topic", ylabel=ylabel + (" (sorted by main topic)" if sort else ""))


_SEGMENT_LABELS = {"para_id": "Paragraph (from 0)", "sent_id": "Sentence (from 0)", "doc_id": "Document", "date": "Date", "source": "Source"}


def plot_topic_prevalence(
    prevalence: pd.DataFrame,
    *,
    topics: Sequence[int] | None = None,
    kind: Literal["line", "area"] = "line",
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw how much of each segment each topic takes up: one line (or stacked area) per topic.

    Parameters
    ----------
    prevalence : DataFrame
        From :func:`telaah.topic_prevalence` (one segment column).
    topics : sequence of int, optional
        The topics to draw; all by default.
    kind : {"line", "area"}
        Lines, or areas stacked to 1.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from telaah.topics import fit_topics, topic_prevalence
    >>> texts = ["Ekspor dan impor naik.\\n\\nRudal dan pasukan.", "Tarif impor dan ekspor.\\n\\nPasukan menembakkan rudal."]
    >>> ax = plot_topic_prevalence(topic_prevalence(fit_topics(texts, 2, unit="paragraph")))
    >>> len(ax.get_lines())
    2
    """
    _require(prevalence, ("topic", "prevalence"), "a table from telaah.topic_prevalence")
    if kind not in ("line", "area"):
        raise ValueError(f"kind must be 'line' or 'area', not {kind!r}")
    segment_cols = [c for c in prevalence.columns if c not in ("topic", "label", "prevalence", "units")]
    if len(segment_cols) != 1:
        raise ValueError(f"expected one segment column, found {segment_cols or 'none'}: compute topic_prevalence with one groupby= column")
    segment = segment_cols[0]
    wide = prevalence.pivot_table(index=segment, columns="topic", values="prevalence", aggfunc="sum", observed=True, sort=True)
    known = [int(t) for t in wide.columns]
    chosen = known if topics is None else [int(t) for t in topics]
    unknown = [t for t in chosen if t not in known]
    if unknown:
        raise ValueError(f"unknown topic(s) {unknown}; the table has topics {known}")
    labels = prevalence.drop_duplicates("topic").set_index("topic")["label"] if "label" in prevalence.columns else pd.Series(dtype=object)
    names = [_short(str(labels.get(t, f"Topic {t}")), 40) for t in chosen]
    index = wide.index
    numeric = pd.api.types.is_numeric_dtype(index) or pd.api.types.is_datetime64_any_dtype(index)
    x = index.to_numpy() if numeric else np.arange(len(index))
    ax = get_axes(ax, figsize=(9.0, 4.5))
    if kind == "line":
        for topic, name in zip(chosen, names, strict=True):
            ax.plot(x, wide[topic].fillna(0).to_numpy(float), color=topic_color(topic), linestyle=_topic_linestyle(topic), marker="o", markersize=3, linewidth=2, label=name)
    else:
        areas = ax.stackplot(x, *(wide[t].fillna(0).to_numpy(float) for t in chosen), colors=[topic_color(t) for t in chosen], labels=names, alpha=0.85)
        for area, topic in zip(areas, chosen, strict=True):
            if topic >= len(PALETTE):  # the palette's colours again, told apart by hatching
                area.set_hatch("//")
    if not numeric:
        step = max(1, len(index) // 20)
        ax.set_xticks(x[::step], [str(v) for v in index][::step], rotation=45, ha="right")
    elif pd.api.types.is_integer_dtype(index) and len(index) <= 30:
        ax.set_xticks(x)
    ax.set_ylim(0, 1.02 if kind == "area" else None)
    ax.set_ylim(bottom=0)
    ax.legend(title="Topic", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    return finish(ax, title=title or "Topics along the segments", xlabel=_SEGMENT_LABELS.get(segment, segment), ylabel="Topic's share of the segment")


def plot_choose_k(table: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None) -> Axes:
    """Draw coherence (left axis) and stability (right axis) against the number of topics k.

    Parameters
    ----------
    table : DataFrame
        From :func:`telaah.choose_k`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib.axes.Axes
        The left (coherence) axis; the stability axis is its twin,
        ``ax.figure.axes[-1]`` when a new figure was made.  The recommended k
        is marked by a dashed vertical line.

    Examples
    --------
    >>> table = pd.DataFrame({"k": [2, 3, 4], "coherence": [0.1, 0.3, 0.2], "stability": [1.0, 0.9, 0.5], "recommended": [False, True, False]})
    >>> ax = plot_choose_k(table)
    >>> [line.get_label() for line in ax.get_legend().get_lines()]
    ['Coherence (NPMI)', 'Stability (Jaccard)']
    """
    _require(table, ("k", "coherence", "stability"), "a table from telaah.choose_k")
    ax = get_axes(ax, figsize=(7.5, 4.5))
    k = table["k"].to_numpy()
    coherence_color, stability_color = PALETTE[0], PALETTE[3]
    (coh,) = ax.plot(k, table["coherence"].to_numpy(float), color=coherence_color, marker="o", linewidth=2, label="Coherence (NPMI)")
    if "coherence_sd" in table.columns and table["coherence_sd"].notna().any():
        sd = table["coherence_sd"].fillna(0).to_numpy(float)
        ax.fill_between(k, table["coherence"] - sd, table["coherence"] + sd, color=coherence_color, alpha=0.15, linewidth=0)
    right = ax.twinx()
    (stab,) = right.plot(k, table["stability"].to_numpy(float), color=stability_color, marker="s", linestyle="--", linewidth=2, label="Stability (Jaccard)")
    right.set_ylim(0, 1.05)
    right.set_ylabel("Stability across random states (0 to 1)", color=stability_color)
    right.spines["top"].set_visible(False)
    ax.yaxis.label.set_color(coherence_color)
    best = table.attrs.get("recommended")
    if best is None and "recommended" in table.columns and table["recommended"].any():
        best = int(table.loc[table["recommended"].astype(bool), "k"].iloc[0])
    if best is not None:
        ax.axvline(best, color="#555555", linestyle=":", linewidth=1.5)
        ax.annotate(f"recommended k={best}", xy=(best, 1.0), xycoords=("data", "axes fraction"), xytext=(4, -12), textcoords="offset points", fontsize=8, color="#333333")
    ax.set_xticks(k)
    ax.legend(handles=[coh, stab], loc="lower left", frameon=False, fontsize=8)
    finish(ax, title=title or "Choosing the number of topics", xlabel="Number of topics (k)", ylabel="Mean coherence (NPMI)")
    ax.spines["right"].set_visible(True)
    return ax


def plot_topic_themes(
    alignment: pd.DataFrame,
    *,
    annotate: bool | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw topics (rows) x themes (columns), each cell shaded by the share of the topic that the theme's lexicon matches.

    Parameters
    ----------
    alignment : DataFrame
        From :func:`telaah.topic_themes`.
    annotate : bool, optional
        Write each cell's value in it; by default when there are at most 400 cells.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0]`` holds the topics x themes array.

    Examples
    --------
    >>> table = pd.DataFrame({"topic": [0, 0, 1, 1], "label": ["0: ekspor", "0: ekspor", "1: rudal", "1: rudal"],
    ...                       "theme": ["perdagangan", "pertahanan"] * 2, "share": [0.6, 0.0, 0.0, 0.5]})
    >>> plot_topic_themes(table).images[0].get_array().shape
    (2, 2)
    """
    _require(alignment, ("topic", "theme", "share"), "a table from telaah.topic_themes")
    themes = theme_order(alignment["theme"])
    frame = alignment.assign(theme=alignment["theme"].astype(str))
    wide = frame.pivot_table(index="topic", columns="theme", values="share", aggfunc="sum", observed=True).reindex(columns=themes)
    labels = frame.drop_duplicates("topic").set_index("topic")["label"] if "label" in frame.columns else pd.Series(dtype=object)
    names = [_short(str(labels.get(t, f"Topic {t}")), 34) for t in wide.index]
    data = wide.to_numpy(dtype=float)
    ax = get_axes(ax, figsize=(1.0 * len(themes) + 4.5, 0.45 * len(names) + 2.0))
    theme_heatmap(ax, data, themes, names, label="Share of the topic's top-term weight", annotate=annotate, max_rows=len(names))
    for tick in ax.get_yticklabels():
        tick.set_fontsize(8)
    for tick, topic in zip(ax.get_yticklabels(), wide.index, strict=True):
        tick.set_color(topic_color(int(topic)))
    return finish(ax, title=title or "Topics read against the theme lexicon", xlabel="Theme", ylabel="Topic")
