"""Matplotlib charts for Telaah's tables: each takes a tidy table and an optional ``ax``, and returns the Axes."""

from __future__ import annotations

from telaah.plots.style import PALETTE, THEME_COLORS, finish, get_axes, theme_color

__all__ = ["PALETTE", "THEME_COLORS", "finish", "get_axes", "theme_color"]
