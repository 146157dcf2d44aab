"""Where words occur: keyword in context (KWIC), dispersion, counts per segment.

A query is one word or several (*angkatan laut*); it is matched against the
token table's stems, lowercase forms or forms as written, after being
normalised the same way: with ``by="stem"`` each query word is stemmed as
the table stemmed it, so ``kwic(tokens, "dagang")`` and
``kwic(tokens, "perdagangan")`` both find *perdagangan*, *berdagang* and
*dagang*.  The words of a multiword query must be consecutive tokens of one
document (a comma between them breaks the match).

The options mean the same as everywhere in Telaah (:mod:`telaah._columns`):
``by`` is the term column matched (``"stem"``, ``"lower"`` or ``"token"``);
``groupby`` is a grouping of rows, a column name or a list of them (the text
along which :func:`dispersion` counts positions, the segments of
:func:`segment_counts`); ``kinds`` the token kinds counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from telaah._columns import (
    By,
    check_by,
    check_kinds,
    ensure_tokens,
    group_columns,
    group_ids,
    kind_mask,
    metadata_columns,
    per_1000,
    period_cells,
    term_codes,
)

__all__ = ["kwic", "match_rows", "query_terms", "dispersion", "segment_counts", "term_trends"]

_SPACE = re.compile(r"\s+")
_ID_COLUMNS = ("doc_id", "parent_id", "para_id", "sent_id", "token_id", "start", "end")


def query_terms(tokens: pd.DataFrame, query: str, *, by: By = "stem") -> list[str]:
    """Split a query into words and normalise them as the table's ``by`` column is.

    Words are split with Telaah's tokenizer (so *Jepang-AS* stays one word).
    With ``by="stem"`` a word that occurs in the table gets the stem the
    table gave it; any other word is stemmed by the process's shared
    stemmer, :func:`telaah.stemmer.default_stemmer`.

    Examples
    --------
    >>> t = ensure_tokens(["Perdagangan Jepang meningkat."])
    >>> query_terms(t, "perdagangan"), query_terms(t, "Angkatan Laut", by="lower")
    (['dagang'], ['angkatan', 'laut'])
    """
    from telaah.stemmer import default_stemmer
    from telaah.tokenize import scan

    check_by(tokens, by)
    forms = scan(query)[0]
    if not forms:
        raise ValueError(f"query {query!r} has no words")
    if by == "token":
        return list(forms)
    lowers = [f.lower() for f in forms]
    if by == "lower":
        return lowers
    codes, _ = term_codes(tokens, "lower")
    stems = tokens["stem"]
    out = []
    for word, loc in zip(lowers, _categories(tokens, "lower").get_indexer(lowers), strict=True):
        rows = np.flatnonzero(codes == loc) if loc >= 0 else np.zeros(0, dtype=np.int64)
        out.append(str(stems.iloc[rows[0]]) if len(rows) else default_stemmer().stem(word))
    return out


def _categories(tokens: pd.DataFrame, column: str) -> pd.Index:
    """The values behind :func:`telaah._columns.term_codes`'s codes, as an Index (its hash table is kept)."""
    col = tokens[column]
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col.cat.categories
    return pd.Index(term_codes(tokens, column)[1])


def match_rows(tokens: pd.DataFrame, query: str, *, by: By = "stem") -> tuple[np.ndarray, int]:
    """Row positions where ``query`` starts, and its length in tokens.

    Examples
    --------
    >>> t = ensure_tokens(["Angkatan laut. Angkatan, laut."])
    >>> match_rows(t, "angkatan laut")
    (array([0]), 2)
    """
    words = query_terms(tokens, query, by=by)
    codes, _ = term_codes(tokens, by)
    wanted = _categories(tokens, by).get_indexer(words)
    n = len(words)
    if (wanted < 0).any() or len(tokens) < n:
        return np.zeros(0, dtype=np.int64), n
    m = len(tokens) - n + 1
    hit = codes[:m] == wanted[0]
    if n > 1:
        doc, _ = term_codes(tokens, "doc_id")
        tok = tokens["token_id"].to_numpy(np.int64)
        for k in range(1, n):
            hit &= (codes[k : k + m] == wanted[k]) & (doc[k : k + m] == doc[:m]) & (tok[k : k + m] == tok[:m] + k)
    return np.flatnonzero(hit), n


def _queries(term: str | Sequence[str]) -> list[str]:
    queries = [term] if isinstance(term, str) else list(term)
    if not queries or not all(isinstance(q, str) for q in queries):
        raise TypeError("term: give a query string, or a list of them")
    return queries


def _doc_bounds(tokens: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """For every row, the first row of its document and the row after its last."""
    doc, _ = term_codes(tokens, "doc_id")
    n = len(doc)
    starts = np.flatnonzero(np.r_[True, doc[1:] != doc[:-1]]) if n else np.zeros(0, dtype=np.int64)
    ends = np.r_[starts[1:], n]
    which = np.cumsum(np.r_[True, doc[1:] != doc[:-1]]) - 1 if n else np.zeros(0, dtype=np.int64)
    return starts[which], ends[which]


def kwic(
    tokens: object,
    term: str | Sequence[str],
    *,
    by: By = "stem",
    window: int = 5,
    corpus: object | None = None,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a term with the words around it.

    Parameters
    ----------
    tokens : DataFrame
        A token table (or a corpus; see :func:`telaah.ensure_tokens`).
    term : str or list of str
        A word or a multiword phrase (*angkatan laut*); a list of them.
    by : {"stem", "lower", "token"}
        Match stems (every inflected form), lowercase forms or exact forms.
    window : int
        Context size in tokens (punctuation counts as a token) on each side;
        the context never crosses into another document.
    corpus : DataFrame, path or list of str, optional
        The corpus the table was built from.  With it, ``left``, ``match``
        and ``right`` are the exact text, cut from the corpus at the tokens'
        offsets; without it, they are rebuilt from the tokens, with a space
        wherever the text had one.  Either way runs of whitespace (line
        breaks) are shown as one space.

    Returns
    -------
    pandas.DataFrame
        One row per match: ``query``, ``doc_id`` (and ``parent_id``,
        ``para_id`` when the table has them), ``sent_id``, ``token_id`` (the
        match's first token), ``start`` and ``end`` (character offsets of the
        match in the document's text), the table's document metadata
        (``source``, ``date`` ...), ``left``, ``match``, ``right``.

    Examples
    --------
    >>> k = kwic(["Mereka berdagang. Perdagangan naik!"], "dagang", window=2)
    >>> k[["left", "match", "right"]].values.tolist()
    [['Mereka', 'berdagang', '. Perdagangan'], ['berdagang.', 'Perdagangan', 'naik!']]
    >>> kwic(["Mereka  berdagang."], "dagang", corpus=["Mereka  berdagang."]).left.tolist()
    ['Mereka']
    """
    tokens = ensure_tokens(tokens)
    check_by(tokens, by)
    if window < 0:
        raise ValueError(f"window={window}: must be 0 or more")
    texts = _texts(tokens, corpus) if corpus is not None else None
    first, after = _doc_bounds(tokens)
    starts = tokens["start"].to_numpy(np.int64)
    ends = tokens["end"].to_numpy(np.int64)
    tok_codes, tok_forms = term_codes(tokens, "token")
    doc_codes, doc_names = term_codes(tokens, "doc_id")
    id_cols = [c for c in _ID_COLUMNS if c in tokens.columns] + metadata_columns(tokens)

    frames = []
    for query in _queries(term):
        rows, n = match_rows(tokens, query, by=by)
        last = rows + n - 1
        lo = np.maximum(rows - window, first[rows])
        hi = np.minimum(last + 1 + window, after[rows])
        left, match, right = [], [], []
        for r, z, a, b in zip(rows.tolist(), last.tolist(), lo.tolist(), hi.tolist(), strict=True):
            if texts is not None:
                text = texts[doc_names[doc_codes[r]]]
                left.append(_squash(text[starts[a] : starts[r]]) if a < r else "")
                match.append(_squash(text[starts[r] : ends[z]]))
                right.append(_squash(text[ends[z] : ends[b - 1]]) if b > z + 1 else "")
            else:
                left.append(_join(tok_forms, tok_codes, starts, ends, a, r))
                match.append(_join(tok_forms, tok_codes, starts, ends, r, z + 1))
                right.append(_join(tok_forms, tok_codes, starts, ends, z + 1, b))
        found = tokens.iloc[rows][id_cols].reset_index(drop=True)
        found["end"] = ends[last].astype(np.int32)
        found.insert(0, "query", query)
        found["left"], found["match"], found["right"] = left, match, right
        frames.append(found)
    return pd.concat(frames, ignore_index=True)


def _texts(tokens: pd.DataFrame, corpus: object) -> dict[str, str]:
    from telaah.table import as_corpus

    docs = as_corpus(corpus)  # type: ignore[arg-type]
    texts = dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
    missing = sorted(set(tokens["doc_id"].astype(str).unique()) - set(texts))
    if missing:
        raise ValueError(f"corpus: no text for document(s) {', '.join(missing[:5])}; pass the corpus the token table was built from")
    return texts


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _join(forms: np.ndarray, codes: np.ndarray, starts: np.ndarray, ends: np.ndarray, a: int, b: int) -> str:
    """Tokens ``a`` to ``b - 1`` as text: a space wherever the text had whitespace between them."""
    if b <= a:
        return ""
    parts = [forms[codes[a]]]
    for i in range(a + 1, b):
        if starts[i] > ends[i - 1]:
            parts.append(" ")
        parts.append(forms[codes[i]])
    return "".join(parts)


def dispersion(
    tokens: object,
    terms: str | Sequence[str],
    *,
    by: By = "stem",
    groupby: str | Sequence[str] = "doc_id",
) -> pd.DataFrame:
    """Where each term occurs: one row per occurrence with its position in the text.

    Parameters
    ----------
    tokens : DataFrame
        A token table (or a corpus; see :func:`telaah.ensure_tokens`).
    terms : str or list of str
        Words or multiword phrases, normalised as in :func:`kwic`.
    by : {"stem", "lower", "token"}
        What to match.
    groupby : str or list of str
        The texts along which positions run, a column or a list of them:
        each document (``"doc_id"``), ``"parent_id"`` for the article of a
        corpus read by paragraph, ``["doc_id", "para_id"]`` for each
        paragraph.  Rows whose key is missing form one text of their own.

    Returns
    -------
    pandas.DataFrame
        ``term`` (the query), the ``groupby`` columns, ``doc_id`` (and
        ``parent_id``, ``para_id`` when present), ``sent_id``, ``token_id``,
        ``start``, ``end``, ``position`` (0-based token index within the
        text, punctuation included) and ``relative`` (position / number of
        tokens of the text, from 0 up to 1).

    Examples
    --------
    >>> d = dispersion(["Rudal. Bukan rudal? Ya, rudal"], "rudal")
    >>> d.position.tolist(), d.relative.tolist()
    ([0, 3, 7], [0.0, 0.375, 0.875])
    >>> dispersion(["Rudal. Bukan rudal?"], "rudal", groupby=["doc_id", "sent_id"]).position.tolist()
    [0, 1]
    """
    tokens = ensure_tokens(tokens)
    check_by(tokens, by)
    cols = group_columns(tokens, groupby)
    if not cols:
        raise ValueError("groupby=[]: give the column(s) along which positions run, e.g. groupby='doc_id'")
    gid, keys, _ = group_ids(tokens, cols)
    position = _positions_in_groups(gid)
    length = np.bincount(gid, minlength=len(keys))
    id_cols = [c for c in _ID_COLUMNS if c in tokens.columns and c not in cols]
    frames = []
    for query in _queries(terms):
        rows, n = match_rows(tokens, query, by=by)
        found = tokens.iloc[rows][[*cols, *id_cols]].reset_index(drop=True)
        found["end"] = tokens["end"].to_numpy()[rows + n - 1]
        found.insert(0, "term", query)
        found["position"] = position[rows]
        found["relative"] = position[rows] / length[gid[rows]]
        frames.append(found)
    return pd.concat(frames, ignore_index=True)


def _positions_in_groups(gid: np.ndarray) -> np.ndarray:
    """Each row's 0-based index among the rows of its group, in row order.

    Examples
    --------
    >>> _positions_in_groups(np.array([0, 0, 1, 0, 1])).tolist()
    [0, 1, 0, 2, 1]
    """
    if not len(gid):
        return np.zeros(0, dtype=np.int64)
    together = bool(np.all(gid[1:] >= gid[:-1]))  # each text's rows together, as in a token table: no sort needed
    order = None if together else np.argsort(gid, kind="stable")
    ordered = gid if order is None else gid[order]
    first = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    along = np.arange(len(gid)) - np.repeat(first, np.diff(np.r_[first, len(gid)]))
    if order is None:
        return along
    position = np.empty(len(gid), dtype=np.int64)
    position[order] = along
    return position


def segment_counts(
    tokens: object,
    terms: str | Sequence[str],
    *,
    by: By = "stem",
    groupby: str | Sequence[str] = "doc_id",
    kinds: Sequence[str] | str | None = ("word",),
) -> pd.DataFrame:
    """How often each term occurs in each segment (group of rows), zeros included.

    Parameters
    ----------
    tokens : DataFrame
        A token table (or a corpus; see :func:`telaah.ensure_tokens`).
    terms : str or list of str
        Words or multiword phrases, normalised as in :func:`kwic`.
    by : {"stem", "lower", "token"}
        What to match.
    groupby : str or list of str
        The segments, a column or a list of them: documents (``"doc_id"``),
        ``"para_id"`` (paragraphs of one document), ``["doc_id", "para_id"]``,
        a date or source column ...  Segments come in the order of their
        keys; rows whose key is missing form a segment of their own, last.
    kinds : sequence of str, "all" or None
        Token kinds counted in ``n_tokens`` (words by default).

    Returns
    -------
    pandas.DataFrame
        One row per segment and term: the ``groupby`` columns, ``term``,
        ``count``, ``n_tokens`` (tokens of ``kinds`` in the segment) and
        ``per_1000`` (count per 1000 of them).

    Examples
    --------
    >>> c = segment_counts(["Rudal dan rudal.", "Tidak ada."], ["rudal", "ada"])
    >>> c[["doc_id", "term", "count"]].values.tolist()
    [['doc1', 'rudal', 2], ['doc1', 'ada', 0], ['doc2', 'rudal', 0], ['doc2', 'ada', 1]]
    >>> segment_counts(["Rudal. Rudal lagi."], "rudal", groupby=["doc_id", "sent_id"])["count"].tolist()
    [1, 1]
    """
    tokens = ensure_tokens(tokens)
    check_by(tokens, by)
    cols = group_columns(tokens, groupby)
    if not cols:
        raise ValueError("groupby=[]: give the column(s) that define the segments, e.g. groupby='doc_id' or groupby='para_id'")
    gid, keys, _ = group_ids(tokens, cols)
    n_tokens = np.bincount(gid[kind_mask(tokens, check_kinds(kinds))], minlength=len(keys))
    queries = _queries(terms)
    counts = np.zeros((len(keys), len(queries)), dtype=np.int64)
    for j, query in enumerate(queries):
        rows, _ = match_rows(tokens, query, by=by)
        counts[:, j] = np.bincount(gid[rows], minlength=len(keys))
    out = keys.loc[np.repeat(np.arange(len(keys)), len(queries))].reset_index(drop=True)
    out["term"] = np.tile(np.asarray(queries, dtype=object), len(keys))
    out["count"] = counts.ravel()
    out["n_tokens"] = np.repeat(n_tokens, len(queries))
    with np.errstate(invalid="ignore", divide="ignore"):
        out["per_1000"] = out["count"] / out["n_tokens"] * 1000
    return out


def term_trends(
    tokens: object,
    terms: str | Sequence[str],
    *,
    by: By = "stem",
    freq: str = "M",
    groupby: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Chosen terms per period (and group): when a word was used, and how much (Voyant's *Trends*, by date).

    Parameters
    ----------
    tokens : DataFrame, corpus, path or list of str
        A token table with a ``date`` column.
    terms : str or list of str
        The terms; a multiword term (``"angkatan laut"``) counts its
        occurrences as a sequence, as in :func:`telaah.kwic`.
    by : {"stem", "lower", "token"}
        What a term is matched against: ``"stem"`` by default, so
        *pertahanan* counts *bertahan* and *ditahan* under ``tahan``.
    freq : str
        The period: ``"D"``, ``"W"``, ``"M"`` (the default), ``"Q"`` or ``"Y"``.
    groupby : str or list of str, optional
        One series per group (``"source"``).

    Returns
    -------
    pandas.DataFrame
        One row per group, period and term, zeros included: the ``groupby``
        columns, ``period``, ``term``, ``count``, ``tokens`` (word tokens in
        the period), ``per_1000`` and ``documents`` (documents dated in the
        period).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Ekspor gas naik.", "Gas dan minyak."],
    ...                        "date": pd.to_datetime(["2020-01-05", "2020-02-02"])})
    >>> term_trends(corpus, "gas")[["period", "term", "count", "tokens"]].astype(str).values.tolist()
    [['2020-01', 'gas', '1', '3'], ['2020-02', 'gas', '1', '3']]
    """
    table = ensure_tokens(tokens)
    check_by(table, by)
    cell, grid, documents = period_cells(table, groupby, freq)
    n_cells = len(grid)
    queries = _queries(terms)
    counts = np.zeros((n_cells, len(queries)), dtype=np.int64)
    for j, query in enumerate(queries):
        rows, _ = match_rows(table, query, by=by)
        counts[:, j] = np.bincount(cell[rows], minlength=n_cells)
    words = np.bincount(cell, weights=kind_mask(table, ("word",)), minlength=n_cells).astype(np.int64)
    out = grid.loc[np.repeat(np.arange(n_cells), len(queries))].reset_index(drop=True)
    out["term"] = np.tile(np.asarray(queries, dtype=object), n_cells)
    out["count"] = counts.ravel()
    out["tokens"] = np.repeat(words, len(queries))
    out["per_1000"] = per_1000(out["count"].to_numpy(), out["tokens"].to_numpy())
    out["documents"] = np.repeat(documents, len(queries))
    return out
