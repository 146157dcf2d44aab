"""Matplotlib charts for Telaah's tables: each takes a tidy table and an optional ``ax``, and returns the Axes.

All charts share one style (:mod:`telaah.plots.style`): a title, labelled
axes, readable Indonesian labels, colour-blind-safe colours and a fixed colour
per theme.
"""

from __future__ import annotations

from telaah.plots.actors import plot_actor_themes, plot_actors
from telaah.plots.freq import (
    plot_collocations,
    plot_dispersion,
    plot_keyness,
    plot_top_terms,
    plot_wordcloud,
    plot_zipf,
)
from telaah.plots.style import PALETTE, THEME_COLORS, finish, get_axes, theme_color
from telaah.plots.themes import (
    plot_theme_cooccurrence,
    plot_theme_heatmap,
    plot_theme_profile,
)
from telaah.plots.topics import (
    plot_choose_k,
    plot_doc_topics,
    plot_topic_prevalence,
    plot_topic_terms,
    plot_topic_themes,
)
from telaah.plots.trends import plot_term_trends, plot_theme_trends

__all__ = [
    "PALETTE",
    "THEME_COLORS",
    "finish",
    "get_axes",
    "plot_actor_themes",
    "plot_actors",
    "plot_choose_k",
    "plot_collocations",
    "plot_doc_topics",
    "plot_dispersion",
    "plot_keyness",
    "plot_theme_cooccurrence",
    "plot_theme_heatmap",
    "plot_theme_profile",
    "plot_theme_trends",
    "plot_term_trends",
    "plot_top_terms",
    "plot_topic_prevalence",
    "plot_topic_terms",
    "plot_topic_themes",
    "plot_wordcloud",
    "plot_zipf",
    "theme_color",
]
