"""Charts of actors: who is named and who is quoted, and on which themes."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from telaah.plots.style import PALETTE, finish, get_axes, theme_heatmap, theme_order

__all__ = ["LABEL_COLORS", "plot_actors", "plot_actor_themes", "top_actors"]

#: One colour per entity label, in every chart.
LABEL_COLORS = {"PER": PALETTE[0], "ORG": PALETTE[1], "LOC": PALETTE[2]}
_LABEL_NAMES = {"PER": "person (PER)", "ORG": "organisation (ORG)", "LOC": "place (LOC)"}
_QUOTED = PALETTE[3]


def top_actors(named: pd.Series, quoted: pd.Series, *, top: int) -> list[str]:
    """The actors :func:`plot_actors` draws: the ``top`` with the most mentions and statements together (ties in name order).

    Parameters
    ----------
    named : Series
        Mentions per entity key.
    quoted : Series
        Statements per resolved speaker.
    top : int
        How many actors.

    Examples
    --------
    >>> top_actors(pd.Series({"Jepang": 3, "Rusia": 2}), pd.Series({"Rusia": 2, "Lavrov": 1}), top=2)
    ['Rusia', 'Jepang']
    """
    named = named.set_axis(named.index.astype(str))
    quoted = quoted.set_axis(quoted.index.astype(str))
    actors = named.index.union(quoted.index)
    total = named.reindex(actors, fill_value=0) + quoted.reindex(actors, fill_value=0)
    return [str(a) for a in total.sort_values(ascending=False, kind="stable").index[:top]]


def plot_actors(
    mentions: pd.DataFrame,
    statements: pd.DataFrame | None = None,
    *,
    top: int = 15,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw the most mentioned actors, mentions stacked by label, and how often each is quoted.

    Parameters
    ----------
    mentions : DataFrame
        A table from :func:`telaah.entities`.
    statements : DataFrame, optional
        A table from :func:`telaah.quotes`: each actor then has a second bar,
        its statements (by resolved ``speaker``).
    top : int
        How many actors: those with the most mentions and statements together.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib.axes.Axes
        Horizontal bars, most mentioned at the top; ``ax.patches`` are the bars.

    Examples
    --------
    >>> from telaah import entities, quotes
    >>> text = 'Presiden Joko Widodo (Jokowi) tiba di Bali. "Kami siap," kata Jokowi.'
    >>> found = entities([text])
    >>> ax = plot_actors(found, quotes([text], mentions=found))
    >>> [t.get_text() for t in ax.get_yticklabels()]  # from the bottom: the most named at the top
    ['Bali', 'Joko Widodo']
    """
    missing = [c for c in ("key", "label") if c not in mentions.columns]
    if missing:
        raise ValueError(f"expected a table from telaah.entities with column(s) {', '.join(missing)}")
    if not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a positive whole number, not {top!r}")
    counts = pd.crosstab(mentions["key"].astype(str), mentions["label"].astype(str))
    counts = counts.reindex(columns=[c for c in LABEL_COLORS if c in counts.columns])
    quoted = statements["speaker"].dropna().astype(str).value_counts() if statements is not None else pd.Series(dtype=np.int64)
    chosen = top_actors(counts.sum(axis=1), quoted, top=top)[::-1]  # from the bottom: the most named at the top
    if not chosen:
        raise ValueError("no actors to draw: the entity table is empty")
    actors = counts.index.union(quoted.index)
    counts = counts.reindex(actors, fill_value=0)
    quoted = quoted.reindex(actors, fill_value=0)
    ax = get_axes(ax, figsize=(8.5, 0.38 * len(chosen) + 1.6))
    y = np.arange(len(chosen), dtype=float)
    height = 0.4 if statements is not None else 0.7
    left = np.zeros(len(chosen))
    for label in counts.columns:
        values = counts.loc[chosen, label].to_numpy(dtype=float)
        ax.barh(y + (height / 2 if statements is not None else 0), values, height=height, left=left, color=LABEL_COLORS[label], label=f"named: {_LABEL_NAMES[label]}")
        left += values
    if statements is not None:
        ax.barh(y - height / 2, quoted.loc[chosen].to_numpy(dtype=float), height=height, color=_QUOTED, hatch="//", edgecolor="white", label="quoted (statements)")
    ax.set_yticks(y, list(chosen))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no half ticks
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)  # outside: it never hides a bar
    default = "Most mentioned and most quoted actors" if statements is not None else "Most mentioned actors"
    return finish(ax, title=title or default, xlabel="Mentions" + (" and statements" if statements is not None else ""), ylabel="Actor")


def plot_actor_themes(
    table: pd.DataFrame,
    *,
    basis: Literal["named", "quoted"] = "named",
    value: Literal["per_1000", "matches"] = "per_1000",
    top: int = 15,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw actors (rows) x themes (columns) from :func:`telaah.actor_themes`, each cell shaded by its rate.

    Parameters
    ----------
    table : DataFrame
        A table from :func:`telaah.actor_themes`.
    basis : {"named", "quoted"}
        Themes where the actors are named, or in what they are quoted saying.
    value : {"per_1000", "matches"}
        What the cells show.
    top : int
        How many actors, most mentioned (or quoted) first.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0]`` holds the actors x themes array.

    Examples
    --------
    >>> from telaah import actor_themes
    >>> text = "Menteri Pertahanan Sergei Shoigu memimpin latihan militer. Menteri Budi Santoso membuka pasar ekspor."
    >>> ax = plot_actor_themes(actor_themes([text]))
    >>> ax.images[0].get_array().shape, [t.get_text() for t in ax.get_yticklabels()]
    ((2, 6), ['Budi Santoso', 'Sergei Shoigu'])
    """
    missing = [c for c in ("actor", "basis", "theme", "mentions", value) if c not in table.columns]
    if missing:
        raise ValueError(f"expected a table from telaah.actor_themes with column(s) {', '.join(missing)}")
    if basis not in ("named", "quoted"):
        raise ValueError(f"basis must be 'named' or 'quoted', not {basis!r}")
    rows = table[table["basis"].astype(str) == basis]
    if rows.empty:
        raise ValueError(f"no {basis} actors in the table" + (": no statement has a resolved speaker" if basis == "quoted" else ""))
    column = rows["theme"]
    themes = theme_order(column)
    order = rows.drop_duplicates("actor")[["actor", "mentions"]]
    actors = order.sort_values("mentions", ascending=False, kind="stable")["actor"].astype(str).tolist()[:top]
    wide = rows.assign(actor=rows["actor"].astype(str), theme=column.astype(str)).pivot_table(
        index="actor", columns="theme", values=value, aggfunc="sum", dropna=False
    ).reindex(index=actors, columns=themes)
    ax = get_axes(ax, figsize=(1.1 * len(themes) + 3.5, min(0.4 * len(actors) + 1.8, 14.0)))
    label = "Matches per 1,000 words" if value == "per_1000" else "Matches"
    theme_heatmap(ax, wide.to_numpy(dtype=float), themes, actors, label=label, integer=value == "matches")
    where = "where each actor is named" if basis == "named" else "in what each speaker is quoted saying"
    return finish(ax, title=title or f"Themes {where}", xlabel="Theme", ylabel="Actor" if basis == "named" else "Speaker")
