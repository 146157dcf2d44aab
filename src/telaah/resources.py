"""Where Telaah's bundled data lives, and how plain-text resources are read.

Language resources (abbreviations, stopword lists, protected names, stem
overrides, theme lexicons) are readable files under ``data/`` so that a
linguist can edit them without touching code.  In a source checkout they are
read from the repository's ``data/`` folder; in an installed wheel the same
folder ships as ``telaah/data``.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

__all__ = ["bundled_path", "data_dir", "data_path", "read_wordlist", "read_table"]


def bundled_path(packaged: str, checkout: str) -> Path:
    """Find something Telaah ships: in an installed wheel at ``telaah/<packaged>``, else in a
    source checkout at ``<checkout>`` (relative to the repository's root).

    Examples
    --------
    >>> bundled_path("data", "data").name
    'data'
    """
    package = Path(__file__).resolve().parent
    candidates = (package / packaged, package.parents[1] / checkout)
    for path in candidates:
        if path.exists():
            return path
    raise FileNotFoundError(
        f"{Path(checkout).name} is missing: looked in {candidates[0]} and {candidates[1]}. "
        "Reinstall the package (pip install -e . from the repository)."
    )


@cache
def data_dir() -> Path:
    """Return the folder that holds Telaah's bundled data.

    Examples
    --------
    >>> (data_dir() / "jepang-rusia.txt").is_file()
    True
    """
    return bundled_path("data", "data")


def data_path(*parts: str) -> Path:
    """Return the path of a bundled data file, e.g. ``data_path("id", "names.txt")``."""
    return data_dir().joinpath(*parts)


def read_wordlist(path: str | Path) -> list[str]:
    """Read a word list: one entry per line, ``#`` starts a comment, blank lines skipped.

    Entries keep their case and inner spaces; leading and trailing spaces are
    removed.

    Examples
    --------
    >>> "yang" in read_wordlist(data_path("id", "stopwords", "default.txt"))
    True
    """
    entries: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            entry = line.split("#", 1)[0].strip()
            if entry:
                entries.append(entry)
    return entries


def read_table(path: str | Path, *, delimiter: str = ",") -> list[dict[str, str]]:
    """Read a small CSV (or, with ``delimiter="\\t"``, TSV) resource (UTF-8, header row) into a list of row dicts.

    Lines whose first cell starts with ``#`` are comments.
    """
    with open(path, encoding="utf-8", newline="") as handle:
        rows = (line for line in handle if not line.lstrip().startswith("#"))
        return [dict(row) for row in csv.DictReader(rows, delimiter=delimiter)]
