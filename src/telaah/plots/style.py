"""One style for every Telaah chart: colour-blind-safe colours, titles, labelled axes.

Colours come from the Okabe-Ito palette (safe for the common forms of colour
blindness).  Each theme of the theme lexicon has a fixed colour, so
*pertahanan* looks the same in every chart.
"""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

__all__ = ["PALETTE", "THEME_COLORS", "theme_color", "get_axes", "finish", "SEQUENTIAL_CMAP", "DIVERGING_CMAP"]

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
