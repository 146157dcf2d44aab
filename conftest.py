"""Settings for every test and doctest (tests/ and src/telaah/)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every figure a test or a doctest opened, so a run never holds hundreds of them."""
    yield
    plt.close("all")
