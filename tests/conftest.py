"""Test-wide settings: headless charts, and a private stem cache so tests never touch the user's."""

from __future__ import annotations

import os
import tempfile

import matplotlib

matplotlib.use("Agg")

# Set before any Stemmer exists (and inherited by notebook kernels), removed with the process's temp dir.
_CACHE_HOME = tempfile.mkdtemp(prefix="telaah-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
