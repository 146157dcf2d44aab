"""Errors raised by Telaah."""

from __future__ import annotations

__all__ = ["CorpusError"]


class CorpusError(ValueError):
    """A corpus could not be read as given.

    The message names the file, the line or row, and what is wrong, e.g.
    ``corpus.jsonl, line 3: not valid JSON (Expecting ',' delimiter)``.
    """
