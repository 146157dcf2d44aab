"""Test-wide settings: headless charts, and a private stem cache so tests never touch the user's."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import matplotlib

matplotlib.use("Agg")

# Set before any Stemmer exists (and inherited by notebook kernels); removed when the run ends.
_CACHE_HOME = tempfile.mkdtemp(prefix="telaah-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
atexit.register(shutil.rmtree, _CACHE_HOME, ignore_errors=True)

