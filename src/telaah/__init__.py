"""Telaah: close study of Indonesian text.

A lossless Indonesian text pipeline (tokens with offsets, sentences),
Sastrawi stemming that is fast and better by default, stopwords, and a tidy
token table that the analysis and the notebooks build on.
"""

from __future__ import annotations

from telaah.errors import CorpusError

__version__ = "0.1.0"

__all__ = ["CorpusError", "__version__"]
