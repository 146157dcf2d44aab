"""One style for every Telaah chart: colour-blind-safe colours, titles, labelled axes.

Colours come from the Okabe-Ito palette (safe for the common forms of colour
blindness).  Each theme of the theme lexicon has a fixed colour, so
*pertahanan* looks the same in every chart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.image import AxesImage

__all__ = [
    "PALETTE", "THEME_COLORS", "theme_color", "theme_ticks", "get_axes", "finish", "heatmap", "annotate_cells",
    "SEQUENTIAL_CMAP", "DIVERGING_CMAP", "theme_order", "theme_heatmap",
]

#: Okabe-Ito colours (black left out), in a fixed order.
PALETTE: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999")

#: Fixed colour per bundled theme; other themes take the remaining colours in order.
THEME_COLORS: dict[str, str] = {
    "pertahanan": "#0072B2",
    "wilayah": "#E69F00",
    "perdagangan": "#009E73",
    "energi": "#D55E00",
    "diplomasi": "#CC79A7",
    "keamanan": "#56B4E9",
}

#: Colour maps: sequential for counts and rates, diverging for signed effects.
SEQUENTIAL_CMAP = "cividis"
DIVERGING_CMAP = "PuOr"


def theme_color(theme: str, *, others: Iterable[str] = ()) -> str:
    """Return the fixed colour of a theme; an unknown theme gets a stable spare colour.

    Examples
    --------
    >>> theme_color("pertahanan")
    '#0072B2'
    >>> theme_color("olahraga") == theme_color("olahraga")
    True
    """
    if theme in THEME_COLORS:
        return THEME_COLORS[theme]
    spare = [c for c in PALETTE if c not in THEME_COLORS.values()] or list(PALETTE)
    return spare[sum(map(ord, theme)) % len(spare)]


def theme_ticks(ax: Axes, themes: Sequence[str], *, axis: Literal["x", "y"]) -> None:
    """Label an axis with theme names, one per position 0, 1, ..., each bold in its theme's colour.

    Used by every chart with a themes axis (theme heatmaps, co-occurrence,
    topics x themes), so a theme reads the same everywhere.

    Parameters
    ----------
    ax : matplotlib Axes
        The chart.
    themes : sequence of str
        The themes, in the order of the axis' positions.
    axis : {"x", "y"}
        Which axis; x labels are rotated 30 degrees.

    Examples
    --------
    >>> ax = get_axes()
    >>> theme_ticks(ax, ["pertahanan", "energi"], axis="x")
    >>> [(t.get_text(), t.get_color()) for t in ax.get_xticklabels()]
    [('pertahanan', '#0072B2'), ('energi', '#D55E00')]
    >>> plt.close(ax.figure)
    """
    if axis not in ("x", "y"):
        raise ValueError(f"axis must be 'x' or 'y', not {axis!r}")
    themes = [str(t) for t in themes]
    positions = np.arange(len(themes))
    if axis == "x":
        ax.set_xticks(positions, themes, rotation=30, ha="right")
        labels = ax.get_xticklabels()
    else:
        ax.set_yticks(positions, themes)
        labels = ax.get_yticklabels()
    for label, theme in zip(labels, themes, strict=True):
        label.set_color(theme_color(theme))
        label.set_fontweight("bold")


def get_axes(ax: Axes | None = None, *, figsize: tuple[float, float] = (7.0, 4.5)) -> Axes:
    """Return ``ax``, or the axes of a new figure of ``figsize`` inches."""
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize)
    return ax


def finish(ax: Axes, *, title: str, xlabel: str, ylabel: str) -> Axes:
    """Give a chart its title and axis labels, tidy its frame, and return it."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def heatmap(
    ax: Axes,
    data: np.ndarray,
    *,
    label: str,
    vmax: float | None = None,
    annotate: bool | None = None,
    integer: bool = False,
    aspect: str = "auto",
) -> AxesImage:
    """Draw ``data`` (rows x columns, NaN for empty cells) as a heatmap with a labelled colour bar.

    Cells are written in when ``annotate`` is true (by default: at most 400 cells).
    Tick labels are the caller's.
    """
    image = ax.imshow(np.ma.masked_invalid(data), cmap=SEQUENTIAL_CMAP, aspect=aspect, vmin=0, vmax=vmax, interpolation="nearest")
    ax.figure.colorbar(image, ax=ax, fraction=0.05, pad=0.02).set_label(label)
    if annotate if annotate is not None else data.size <= 400:
        annotate_cells(ax, data, integer=integer)
    return image


def theme_order(column: pd.Series) -> list[str]:
    """The themes of a table's ``theme`` column: in lexicon order when it is categorical, else as first seen.

    Examples
    --------
    >>> theme_order(pd.Series(["energi", "pertahanan", "energi"]))
    ['energi', 'pertahanan']
    """
    values = column.cat.categories if isinstance(column.dtype, pd.CategoricalDtype) else dict.fromkeys(column)
    return [str(t) for t in values]


def theme_heatmap(
    ax: Axes,
    data: np.ndarray,
    themes: Sequence[str],
    rows: Sequence[object],
    *,
    label: str,
    integer: bool = False,
    annotate: bool | None = None,
    max_rows: int = 40,
) -> AxesImage:
    """Draw rows x themes: the heatmap, the themes in their colours on x, the rows on y.

    The one drawing of every chart with a themes axis and rows of units,
    groups, topics or actors; with more than ``max_rows`` rows only every
    n-th row is labelled.

    Examples
    --------
    >>> ax = get_axes()
    >>> image = theme_heatmap(ax, np.array([[1.0, 0.0]]), ["energi", "pertahanan"], ["doc1"], label="Matches")
    >>> image.get_array().shape, [t.get_text() for t in ax.get_yticklabels()]
    ((1, 2), ['doc1'])
    >>> plt.close(ax.figure)
    """
    image = heatmap(ax, data, label=label, annotate=annotate, integer=integer)
    theme_ticks(ax, themes, axis="x")
    step = max(1, len(rows) // max_rows)
    ax.set_yticks(np.arange(len(rows))[::step], [str(r) for r in rows][::step])
    return image


def annotate_cells(ax: Axes, data: np.ndarray, *, integer: bool) -> None:
    """Write each finite cell's value in a heatmap, dark on light cells and light on dark ones."""
    finite = data[np.isfinite(data)]
    middle = (finite.max() + finite.min()) / 2 if finite.size else 0.0
    for (i, j), v in np.ndenumerate(data):
        if np.isfinite(v):
            text = f"{v:.0f}" if integer else f"{v:.2g}" if v < 10 else f"{v:.0f}"
            ax.text(j, i, text, ha="center", va="center", fontsize=8, color="black" if v > middle else "white")
