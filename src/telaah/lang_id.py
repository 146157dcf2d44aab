"""Indonesian language resources, loaded in one place.

Like spaCy's ``spacy/lang/id/``, everything Indonesian-specific that is data
rather than logic lives in readable files under ``data/id/`` and is loaded
here, once:

===============================  ==============================================
``data/id/abbreviations.txt``    abbreviations that keep their dots (``dll.``)
``data/id/stopwords/*.txt``      stopword lists (``default``, ``sastrawi``, ``tala``)
``data/id/names.txt``            proper nouns protected from stemming
``data/id/stem-overrides.csv``   hand-checked stems that replace Sastrawi's
===============================  ==============================================
"""

from __future__ import annotations

from functools import cache

from telaah.resources import data_path, read_table, read_wordlist

__all__ = ["abbreviations", "protected_names", "stem_overrides", "stopword_list_names", "stopword_list"]


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations that end in a dot and keep it, lowercased (``"dll."``, ``"dr."``, ``"s.h."``)."""
    return frozenset(a.lower() for a in read_wordlist(data_path("id", "abbreviations.txt")))


@cache
def protected_names() -> frozenset[str]:
    """Proper nouns that are never stemmed, lowercased (``"bekasi"``, ``"berlin"``)."""
    return frozenset(n.lower() for n in read_wordlist(data_path("id", "names.txt")))


@cache
def stem_overrides() -> dict[str, str]:
    """Hand-checked stems that win over every rule: ``{"berikan": "beri", ...}``."""
    return {row["word"].strip().lower(): row["stem"].strip().lower() for row in read_table(data_path("id", "stem-overrides.csv"))}


def stopword_list_names() -> list[str]:
    """Names of the bundled stopword lists (file names in ``data/id/stopwords/``)."""
    return sorted(p.stem for p in data_path("id", "stopwords").glob("*.txt"))


@cache
def stopword_list(name: str) -> frozenset[str]:
    """One bundled stopword list, lowercased."""
    path = data_path("id", "stopwords", f"{name}.txt")
    if not path.is_file():
        raise ValueError(f"unknown stopword list {name!r}; bundled lists: {', '.join(stopword_list_names())}")
    return frozenset(w.lower() for w in read_wordlist(path))
