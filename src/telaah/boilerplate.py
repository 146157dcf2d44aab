"""Boilerplate: what outlets add to every article, found and, when asked, left out.

News sites repeat text that is not the article: a footer in every article
(*DailySocial.id adalah portal berita startup ...*), a dateline before the
first word (*Jakarta, CNN Indonesia - -*), links to other articles (*Baca juga:
...*) and photo credits.  Counted as words, such text forms topics of its own
and tops keyword lists.  :func:`boilerplate` finds three kinds, per outlet
(``groupby``, ``source`` by default):

``line``
    a whole line (after trimming) repeated in at least ``min_documents``
    articles and ``min_share`` of the outlet's articles;
``dateline``
    the start of an article's first line up to a dash, within its first six
    words: a place and an outlet (with a comma or a bracket) or one or two
    words (*Rimanews -*) (*Jakarta, CNN Indonesia - -*, *Jakarta (ANTARA News) -*), when the
    part after the place (*CNN Indonesia - -*) opens that many articles of the
    outlet: then every place's dateline of that outlet counts;
``listed``
    a line that starts with one of the phrases of
    ``data/id/boilerplate-lines.txt`` (*Baca juga*, *Simak video*, *Foto:*),
    wherever it occurs.

:func:`drop_boilerplate` returns the token table without the tokens of that
text, and says what it left out in ``attrs``: nothing is removed silently,
and the corpus itself is never changed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from telaah import lang_id
from telaah._columns import RowLocator, ensure_tokens
from telaah.table import as_corpus
from telaah.tokenize import LINE_BREAK

__all__ = ["boilerplate", "boilerplate_spans", "drop_boilerplate", "BOILERPLATE_COLUMNS"]

BOILERPLATE_COLUMNS = ("group", "kind", "text", "documents", "group_documents", "share", "first_doc_id")
_DASHES = frozenset({"-", "–", "—", "--"})
_DATELINE_WORDS = 6


@cache
def _listed() -> re.Pattern[str]:
    phrases = lang_id.boilerplate_phrases()
    return re.compile(r"(?:" + "|".join(re.escape(p) + (r"" if p.endswith(":") else r"\b") for p in phrases) + r")", re.IGNORECASE)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in [*LINE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append((start + lead, start + lead + len(stripped)))
        if match:
            start = match.end()
    return out


_WORD = re.compile(r"\S+")


def _dateline(text: str, line: tuple[int, int]) -> tuple[int, str] | None:
    """The end offset of a first line's dateline and its mark (the words after the place), or None."""
    words = list(_WORD.finditer(text, line[0], line[1]))[: _DATELINE_WORDS + 2]
    last_dash = None
    for k, word in enumerate(words[:_DATELINE_WORDS + 1]):
        if word.group() in _DASHES:
            last_dash = k
            while last_dash + 1 < len(words) and words[last_dash + 1].group() in _DASHES:
                last_dash += 1
            break
    if last_dash is None or last_dash == 0:
        return None
    mark = " ".join(w.group() for w in words[1 : last_dash + 1])
    before = next(k for k, w in enumerate(words) if w.group() in _DASHES)
    prefix = text[words[0].start() : words[before - 1].end()]
    if before > 2 and "," not in prefix and "(" not in prefix:
        return None  # a dateline is a place and an outlet (Jakarta, CNN Indonesia; Jakarta (ANTARA)) or one or two words
    return words[last_dash].end(), mark


def _groups(docs: pd.DataFrame, groupby: str | None) -> pd.Series:
    if groupby is None:
        return pd.Series("all", index=docs.index)
    if groupby not in docs.columns:
        raise ValueError(f"groupby={groupby!r}: the corpus has no such column (it has {', '.join(map(str, docs.columns))}); pass groupby=None to treat the corpus as one outlet")
    return docs[groupby].astype(object).where(docs[groupby].notna(), "(none)").astype(str)


def _check(min_documents: int, min_share: float) -> None:
    if not isinstance(min_documents, int) or min_documents < 2:
        raise ValueError(f"min_documents must be a whole number of at least 2, not {min_documents!r}")
    if not 0 < min_share <= 1:
        raise ValueError(f"min_share must be above 0 and at most 1, not {min_share!r}")


def _survey(docs: pd.DataFrame, groupby: str | None, min_documents: int, min_share: float):
    """One pass over the corpus: the repeated lines, datelines and listed lines, and where they are."""
    _check(min_documents, min_share)
    groups = _groups(docs, groupby)
    listed = _listed()
    line_docs: dict[tuple[str, str], list[int]] = defaultdict(list)
    mark_docs: dict[tuple[str, str], list[int]] = defaultdict(list)
    listed_docs: dict[tuple[str, str], list[int]] = defaultdict(list)
    sizes: dict[str, int] = defaultdict(int)
    places: list[tuple[list[tuple[int, int, str]], tuple[int, str] | None, list[tuple[int, int, str]]]] = []
    for row, (group, text) in enumerate(zip(groups, docs["text"], strict=True)):
        sizes[group] += 1
        lines = _lines(text)
        seen: set[str] = set()
        found_lines = []
        listed_here = []
        for start, end in lines:
            line = text[start:end]
            if line not in seen:
                seen.add(line)
                line_docs[(group, line)].append(row)
            found_lines.append((start, end, line))
            if listed.match(line):
                listed_docs[(group, line)].append(row)
                listed_here.append((start, end, line))
        dateline = _dateline(text, lines[0]) if lines else None
        if dateline:
            mark_docs[(group, dateline[1])].append(row)
        places.append((found_lines, dateline, listed_here))
    return groups, sizes, line_docs, mark_docs, listed_docs, places


def _enough(n: int, size: int, min_documents: int, min_share: float) -> bool:
    return n >= min_documents and n >= min_share * size


def boilerplate(
    corpus: pd.DataFrame | str | Path | Sequence[str],
    *,
    groupby: str | None = "source",
    min_documents: int = 3,
    min_share: float = 0.2,
) -> pd.DataFrame:
    """Find the text outlets repeat around their articles: footers, datelines, links.

    Parameters
    ----------
    corpus : DataFrame, path or sequence of str
        The corpus, one article a row.
    groupby : str or None
        The column that names each article's outlet (``"source"``); ``None``
        treats the corpus as one outlet.
    min_documents, min_share : int, float
        A line or a dateline mark counts when it is in at least
        ``min_documents`` articles and ``min_share`` of its outlet's articles
        (3 and 20 % by default: a footer, not a story two articles share).

    Returns
    -------
    pandas.DataFrame
        One row per piece of boilerplate and outlet, most widespread first:
        ``group`` (the outlet), ``kind`` (``line``, ``dateline`` or
        ``listed``), ``text`` (the line, or the dateline's mark), ``documents``
        (articles of the outlet that have it), ``group_documents`` (the
        outlet's articles), ``share`` and ``first_doc_id`` (where to see it).

    Examples
    --------
    >>> import pandas as pd
    >>> footer = "Kami portal berita teknologi."
    >>> corpus = pd.DataFrame({
    ...     "doc_id": ["a", "b", "c"], "source": ["x", "x", "x"],
    ...     "text": [f"Jakarta, Kabar X - Harga naik.\\n{footer}", f"Bandung, Kabar X - Hujan turun.\\n{footer}",
    ...              f"Jakarta, Kabar X - Tim menang.\\nBaca juga: Tim kalah\\n{footer}"]})
    >>> boilerplate(corpus)[["kind", "text", "documents"]].values.tolist()
    [['line', 'Kami portal berita teknologi.', 3], ['dateline', 'Kabar X -', 3], ['listed', 'Baca juga: Tim kalah', 1]]
    """
    docs = as_corpus(corpus)
    _, sizes, line_docs, mark_docs, listed_docs, _ = _survey(docs, groupby, min_documents, min_share)
    ids = docs["doc_id"].astype(str).tolist()
    rows = []
    for kind, table, keep in (
        ("line", line_docs, True),
        ("dateline", mark_docs, True),
        ("listed", listed_docs, False),
    ):
        for (group, text), where in table.items():
            if keep and not _enough(len(where), sizes[group], min_documents, min_share):
                continue
            if kind == "line" and (group, text) in listed_docs:
                continue  # reported as listed
            rows.append((group, kind, text, len(where), sizes[group], len(where) / sizes[group], ids[where[0]]))
    out = pd.DataFrame(rows, columns=list(BOILERPLATE_COLUMNS))
    kinds = pd.Categorical(out["kind"], categories=["line", "dateline", "listed"])
    out = out.assign(kind=kinds).sort_values(["kind", "documents", "group", "text"], ascending=[True, False, True, True], kind="stable")
    return out.reset_index(drop=True)


def boilerplate_spans(
    corpus: pd.DataFrame | str | Path | Sequence[str],
    *,
    groupby: str | None = "source",
    min_documents: int = 3,
    min_share: float = 0.2,
) -> pd.DataFrame:
    """Where the boilerplate :func:`boilerplate` finds lies: one row per piece in each article.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``start``, ``end`` (character offsets into the article's
        text), ``kind`` and ``text``, in corpus and text order.

    Examples
    --------
    >>> corpus = ["Jakarta, Kabar - Satu.\\nAkhir.", "Medan, Kabar - Dua.\\nAkhir.", "Solo, Kabar - Tiga.\\nAkhir."]
    >>> boilerplate_spans(corpus, groupby=None)[["doc_id", "kind", "text"]].values.tolist()[:2]
    [['doc1', 'dateline', 'Jakarta, Kabar -'], ['doc1', 'line', 'Akhir.']]
    """
    docs = as_corpus(corpus)
    groups, sizes, line_docs, mark_docs, _, places = _survey(docs, groupby, min_documents, min_share)
    rows = []
    for row, (doc, text, group) in enumerate(zip(docs["doc_id"].astype(str), docs["text"], groups, strict=True)):
        lines, dateline, listed_here = places[row]
        listed_starts = {s for s, _, _ in listed_here}
        if dateline and _enough(len(mark_docs[(group, dateline[1])]), sizes[group], min_documents, min_share):
            first = lines[0][0]
            rows.append((doc, first, dateline[0], "dateline", text[first : dateline[0]]))
        for start, end, line in lines:
            if start in listed_starts:
                rows.append((doc, start, end, "listed", line))
            elif _enough(len(line_docs[(group, line)]), sizes[group], min_documents, min_share):
                rows.append((doc, start, end, "line", line))
    out = pd.DataFrame(rows, columns=["doc_id", "start", "end", "kind", "text"])
    out["start"] = out["start"].astype(np.int64)
    out["end"] = out["end"].astype(np.int64)
    return out


def drop_boilerplate(
    tokens: pd.DataFrame,
    corpus: pd.DataFrame | str | Path | Sequence[str],
    *,
    groupby: str | None = "source",
    min_documents: int = 3,
    min_share: float = 0.2,
) -> pd.DataFrame:
    """The token table without the tokens of the corpus's boilerplate (:func:`boilerplate`).

    Parameters
    ----------
    tokens : DataFrame
        The corpus's token table (:func:`telaah.token_table`).
    corpus : DataFrame, path or sequence of str
        The corpus the table was built from.
    groupby, min_documents, min_share
        As in :func:`boilerplate`.

    Returns
    -------
    pandas.DataFrame
        The rows of ``tokens`` outside the boilerplate, as they were (offsets
        still into the unchanged texts).  ``attrs["boilerplate"]`` holds the
        spans left out (:func:`boilerplate_spans`) and
        ``attrs["boilerplate_tokens"]`` how many tokens they had.

    Examples
    --------
    >>> from telaah import token_table
    >>> corpus = ["Satu hal.\\nKami portal berita.", "Dua hal.\\nKami portal berita.", "Tiga hal.\\nKami portal berita."]
    >>> tokens = token_table(corpus)
    >>> clean = drop_boilerplate(tokens, corpus, groupby=None)
    >>> len(tokens), len(clean), clean.attrs["boilerplate_tokens"]
    (21, 9, 12)
    """
    table = ensure_tokens(tokens)
    spans = boilerplate_spans(corpus, groupby=groupby, min_documents=min_documents, min_share=min_share)
    keep = np.ones(len(table), dtype=bool)
    if len(spans) and len(table):
        locate = RowLocator(table)
        doc_ids = spans["doc_id"].tolist()
        first = locate.rows(doc_ids, spans["start"].to_numpy())
        stop = locate.rows(doc_ids, spans["end"].to_numpy())
        change = np.zeros(len(table) + 1, dtype=np.int64)
        np.add.at(change, first, 1)
        np.add.at(change, stop, -1)
        keep = np.cumsum(change)[: len(table)] == 0
    out = table[keep].reset_index(drop=True)
    out.attrs = {**table.attrs, "boilerplate": spans, "boilerplate_tokens": int((~keep).sum())}
    return out
