"""Frequencies, vocabulary statistics, Zipf, n-grams and collocations, TF-IDF.

Every function takes the token table of :func:`telaah.token_table` as its
first argument (a corpus, a path or a list of texts is turned into one by
:func:`telaah.ensure_tokens`) and returns a tidy DataFrame.  Work is done on
the integer codes of the table's categorical columns with numpy, never in a
Python loop over tokens, so a million-word table takes well under a second.

The options mean the same in every function of Telaah (see
:mod:`telaah._columns`), and are always keyword-only:

``by``
    the term column, what counts as "the same word": ``"stem"``
    (*perdagangan*, *berdagang* and *dagang* are one term, ``dagang``),
    ``"lower"`` (lowercase forms) or ``"token"`` (forms exactly as written).
``kinds``
    which kinds of token are counted; words only by default, so numbers and
    punctuation stay out of frequency lists.
``drop_stop``
    leave out stopwords (the token table's ``is_stop`` column); ``True`` by
    default everywhere.  Rates are always per token of the selected
    ``kinds`` *including* stopwords, so a term's rate does not change when
    stopwords are dropped.  :func:`ngrams` and :func:`collocations` add
    ``across_stop``: remove stopwords *before* forming n-grams, so that the
    words on either side of one become neighbours.
``groupby``
    count separately per group of rows: a column name or a list of them
    (``"doc_id"``, ``["doc_id", "para_id"]``, a metadata column ...).
    Groups come in the order of their keys; a missing key value is a group
    of its own, last.
``top``
    how many rows to keep (per group); ``n`` is only ever the n-gram order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

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
    stop_mask,
    term_codes,
    unique_counts,
)

__all__ = [
    "frequencies",
    "vocabulary",
    "zipf_table",
    "ngrams",
    "collocations",
    "tfidf",
    "tfidf_matrix",
    "MEASURES",
]

#: Association measures of :func:`collocations`.
MEASURES: tuple[str, ...] = ("pmi", "npmi", "likelihood_ratio", "student_t")


# ---------------------------------------------------------------------------
# Table helpers
# ---------------------------------------------------------------------------


def _add_keys(keys: pd.DataFrame, gid: np.ndarray, body: dict[str, object]) -> pd.DataFrame:
    """A table with the group keys of ``gid`` first, then ``body``'s columns."""
    out = keys.iloc[gid].reset_index(drop=True) if len(keys.columns) else pd.DataFrame(index=range(len(gid)))
    for name, values in body.items():
        out[name] = values
    return out


# ---------------------------------------------------------------------------
# Frequencies
# ---------------------------------------------------------------------------


def frequencies(
    tokens: object,
    *,
    by: By = "stem",
    drop_stop: bool = True,
    kinds: Sequence[str] | str | None = ("word",),
    groupby: str | Sequence[str] | None = None,
    min_count: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """Count terms: one row per term (per group), most frequent first.

    Parameters
    ----------
    tokens : DataFrame
        A token table (or a corpus; see :func:`telaah.ensure_tokens`).
    by : {"stem", "lower", "token"}
        What counts as one term.
    drop_stop : bool
        Leave stopwords out of the list.
    kinds : sequence of str, "all" or None
        Token kinds to count (``("word",)``: words only).
    groupby : str or list of str, optional
        Count separately per value of these token-table columns, e.g.
        ``"doc_id"``, ``"para_id"``, ``["doc_id", "para_id"]``, ``"parent_id"``
        or a metadata column.  Groups come in the order of their keys; rows
        whose key is missing form a group of their own, last.
    min_count : int
        Leave out terms seen fewer times (in their group).
    top : int, optional
        Keep only the ``top`` most frequent terms of each group.

    Returns
    -------
    pandas.DataFrame
        The ``groupby`` columns, then ``term``; ``count``; ``rel_freq``
        (count / tokens of the selected ``kinds`` in the group, stopwords
        included); ``per_1000`` (1000 x ``rel_freq``); ``doc_freq`` (number
        of documents, i.e. distinct ``doc_id``, of the group that contain the
        term); ``rank`` (1 = most frequent; ties broken alphabetically).

    Examples
    --------
    >>> f = frequencies(["Perdagangan dan dagang. Mereka berdagang."])
    >>> f[["term", "count", "per_1000"]].values.tolist()
    [['dagang', 3, 600.0]]
    >>> frequencies(["Perdagangan dan dagang."], by="lower", drop_stop=False).term.tolist()
    ['dagang', 'dan', 'perdagangan']
    """
    tokens = ensure_tokens(tokens)
    column = check_by(tokens, by)
    kinds_ = check_kinds(kinds)
    cols = group_columns(tokens, groupby)
    codes, terms = term_codes(tokens, column)
    gid, keys, _ = group_ids(tokens, cols)
    in_kind = kind_mask(tokens, kinds_)
    keep = in_kind & ~stop_mask(tokens) if drop_stop else in_kind
    n_terms = max(len(terms), 1)

    totals = np.bincount(gid[in_kind], minlength=len(keys))
    pair = gid[keep] * n_terms + codes[keep]
    pair_keys, counts = unique_counts(pair)
    doc_codes, doc_ids = term_codes(tokens, "doc_id")
    n_docs = max(len(doc_ids), 1)
    # distinct (group, term, document) triples, counted per (group, term): both sorted alike
    doc_freq = unique_counts(unique_counts(pair * n_docs + doc_codes[keep])[0] // n_docs)[1]

    seen = counts >= min_count
    g, t, counts, doc_freq = pair_keys[seen] // n_terms, pair_keys[seen] % n_terms, counts[seen], doc_freq[seen]
    names = np.asarray(terms.astype(str), dtype=object)
    alphabetical = np.empty(len(names), dtype=np.int64)
    alphabetical[np.argsort(names.astype(str), kind="stable")] = np.arange(len(names))
    order = np.lexsort((alphabetical[t], -counts, g))  # groups in key order, then most frequent, then alphabetical
    g, t, counts, doc_freq = g[order], t[order], counts[order], doc_freq[order]
    rank = _rank_in_runs(g)
    if top is not None:
        g, t, counts, doc_freq, rank = (a[rank <= top] for a in (g, t, counts, doc_freq, rank))
    rel = counts / np.maximum(totals[g], 1)
    return _add_keys(keys, g, {"term": names[t], "count": counts, "rel_freq": rel, "per_1000": rel * 1000, "doc_freq": doc_freq, "rank": rank})


def _rank_in_runs(groups: np.ndarray) -> np.ndarray:
    """1, 2, ... along each run of equal values of sorted ``groups``.

    Examples
    --------
    >>> _rank_in_runs(np.array([0, 0, 0, 2, 2, 5])).tolist()
    [1, 2, 3, 1, 2, 1]
    """
    if not len(groups):
        return np.zeros(0, dtype=np.int64)
    first = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    return np.arange(1, len(groups) + 1) - np.repeat(first, np.diff(np.r_[first, len(groups)]))


# ---------------------------------------------------------------------------
# Vocabulary statistics
# ---------------------------------------------------------------------------


def vocabulary(
    tokens: object,
    *,
    by: By = "lower",
    kinds: Sequence[str] | str | None = ("word",),
    groupby: str | Sequence[str] | None = "doc_id",
    window: int = 50,
) -> pd.DataFrame:
    """Vocabulary statistics per document (or group), or for the whole corpus.

    Parameters
    ----------
    tokens : DataFrame
        A token table (or a corpus; see :func:`telaah.ensure_tokens`).
    by : {"lower", "stem", "token"}
        What counts as one type (lowercase forms by default).
    kinds : sequence of str, "all" or None
        Token kinds counted as tokens (words only by default).
    groupby : str, list of str or None
        One row per value of these columns; ``None``: one row for the whole
        corpus.
    window : int
        Window of the moving-average type-token ratio (MATTR).

    Returns
    -------
    pandas.DataFrame
        The ``groupby`` columns (none for the corpus row), then ``tokens``,
        ``types``, ``ttr`` (types / tokens), ``mattr`` (the mean TTR of every
        run of ``window`` consecutive tokens; windows never cross a group or
        a text (the ``parent_id`` of a corpus read by paragraph, so windows
        run across the paragraphs of one article; ``doc_id`` otherwise), and
        a text shorter than ``window`` counts as one window, so its MATTR is
        its TTR), ``hapax`` (types seen exactly once),
        ``hapax_ratio`` (hapax / types), ``sentences`` (sentences with at
        least one counted token) and ``mean_sentence_length`` (tokens per
        sentence).  Groups without a counted token have no row.

    Notes
    -----
    TTR falls as a text grows, so it cannot compare texts of different
    lengths; MATTR (Covington & McFall 2010) can, since every window has the
    same length.

    Examples
    --------
    >>> v = vocabulary(["Jepang dan Rusia. Jepang sepakat."], groupby=None)
    >>> v[["tokens", "types", "hapax", "sentences"]].values.tolist(), float(v.mean_sentence_length.iloc[0])
    ([[5, 4, 3, 2]], 2.5)
    """
    tokens = ensure_tokens(tokens)
    column = check_by(tokens, by)
    if window < 1:
        raise ValueError(f"window={window}: must be at least 1")
    cols = group_columns(tokens, groupby)
    sel = kind_mask(tokens, check_kinds(kinds))
    sub = tokens.loc[sel]
    codes, terms = term_codes(sub, column)
    gid, keys, _ = group_ids(sub, cols)
    if not cols:  # the corpus row, even when no token is counted
        keys = pd.DataFrame(index=range(1))
    n_groups = len(keys)
    n_terms = max(len(terms), 1)

    # counts are integers (the report shows 462, not 462.0); the ratios below are floats
    n_tokens = np.bincount(gid, minlength=n_groups).astype(np.int64)
    pair, pair_counts = unique_counts(gid * n_terms + codes)
    types = np.bincount(pair // n_terms, minlength=n_groups).astype(np.int64)
    hapax = np.bincount(pair[pair_counts == 1] // n_terms, minlength=n_groups).astype(np.int64)

    doc_codes, _ = term_codes(sub, "doc_id")
    sent = sub["sent_id"].to_numpy(np.int64)
    sentence_keys = unique_counts((gid * (int(doc_codes.max(initial=0)) + 1) + doc_codes) * (int(sent.max(initial=0)) + 1) + sent)[0]
    per_group = (int(doc_codes.max(initial=0)) + 1) * (int(sent.max(initial=0)) + 1)
    sentences = np.bincount(sentence_keys // per_group, minlength=n_groups).astype(np.int64)

    # MATTR: windows run within one text of one group (a "run").
    text_codes = term_codes(sub, "parent_id")[0] if "parent_id" in sub.columns else doc_codes
    run_ids = gid * (int(text_codes.max(initial=0)) + 1) + text_codes
    window_sum, window_count = _mattr_sums(run_ids, codes, window)
    run_group = unique_counts(run_ids)[0] // (int(text_codes.max(initial=0)) + 1)
    mattr_num = np.bincount(run_group, weights=window_sum, minlength=n_groups)
    mattr_den = np.bincount(run_group, weights=window_count, minlength=n_groups)

    with np.errstate(invalid="ignore", divide="ignore"):
        body = {
            "tokens": n_tokens,
            "types": types,
            "ttr": types / n_tokens,
            "mattr": mattr_num / mattr_den,
            "hapax": hapax,
            "hapax_ratio": hapax / types,
            "sentences": sentences,
            "mean_sentence_length": n_tokens / sentences,
        }
    return _add_keys(keys, np.arange(n_groups), body)


def _mattr_sums(run_ids: np.ndarray, codes: np.ndarray, window: int) -> tuple[np.ndarray, np.ndarray]:
    """Per run (one text of one group; ``run_ids`` numbers each row's run), in run order: the sum
    of window TTRs and the number of windows.

    A token counts in window ``s`` (the ``window`` tokens from ``s``) when it
    is the first of its type there, i.e. when its previous occurrence in its
    run lies before ``s``.  Summing, for each token, the number of windows
    where it counts gives the sum of distinct types over all windows without
    looping over windows.  Rows must be in text order within each run.
    """
    if not len(run_ids):
        return np.zeros(0), np.zeros(0)
    if np.all(run_ids[1:] >= run_ids[:-1]):
        order = np.arange(len(run_ids))
    else:
        order = np.argsort(run_ids, kind="stable")  # rows of a run_ids together, in text order
    seg_sorted = run_ids[order]
    codes_sorted = codes[order]
    starts = np.flatnonzero(np.r_[True, seg_sorted[1:] != seg_sorted[:-1]])
    seg_len = np.diff(np.r_[starts, len(order)])
    seg_idx = np.cumsum(np.r_[True, seg_sorted[1:] != seg_sorted[:-1]]) - 1
    pos = np.arange(len(order)) - starts[seg_idx]  # position within the run_ids
    n = seg_len[seg_idx]
    w = np.minimum(window, n)  # short segments: one window of the whole run_ids

    # previous position of the same type within the same run_ids (-1 when none);
    # a stable sort on (run_ids, type) keeps each type's occurrences in text order
    key = seg_idx * (int(codes_sorted.max()) + 1) + codes_sorted
    by_type = np.argsort(key, kind="stable")
    prev = np.full(len(order), -1, dtype=np.int64)
    same = key[by_type][1:] == key[by_type][:-1]
    prev[by_type[1:][same]] = pos[by_type[:-1][same]]

    lo = np.maximum(prev + 1, pos - w + 1)
    hi = np.minimum(pos, n - w)
    counted = np.maximum(hi - lo + 1, 0).astype(float)
    n_windows = (seg_len - np.minimum(window, seg_len) + 1).astype(float)
    w_seg = np.minimum(window, seg_len).astype(float)
    distinct_sum = np.bincount(seg_idx, weights=counted, minlength=len(seg_len))
    return distinct_sum / w_seg, n_windows


# ---------------------------------------------------------------------------
# Zipf
# ---------------------------------------------------------------------------


def zipf_table(
    tokens: object,
    *,
    by: By = "lower",
    kinds: Sequence[str] | str | None = ("word",),
    drop_stop: bool = True,
) -> pd.DataFrame:
    """Rank and frequency of every term, with the fitted Zipf curve.

    Zipf's law says a term's frequency is roughly proportional to
    ``1 / rank ** s`` with ``s`` near 1.  ``s`` is fitted by least squares on
    the log-log points and stored in ``attrs["zipf_exponent"]``.

    Parameters
    ----------
    tokens : DataFrame
        A token table (or a corpus; see :func:`telaah.ensure_tokens`).
    by, kinds, drop_stop
        As for :func:`frequencies`; lowercase forms by default.  Stopwords
        are left out by default, as everywhere in Telaah; Zipf's law is
        about the whole vocabulary, stopwords at its head, so pass
        ``drop_stop=False`` to see the classic curve.

    Returns
    -------
    pandas.DataFrame
        ``rank`` (1 = most frequent), ``term``, ``count``, ``rel_freq`` (the
        share of the listed terms' tokens) and ``expected`` (the count that
        the fitted law predicts at that rank).

    Examples
    --------
    >>> z = zipf_table(["dan dan dan yang yang itu"], drop_stop=False)
    >>> z[["rank", "term", "count"]].values.tolist()
    [[1, 'dan', 3], [2, 'yang', 2], [3, 'itu', 1]]
    >>> zipf_table(["Rudal dan rudal."]).term.tolist()
    ['rudal']
    """
    freq = frequencies(tokens, by=by, drop_stop=drop_stop, kinds=kinds)
    total = freq["count"].sum()
    out = pd.DataFrame(
        {
            "rank": freq["rank"].to_numpy(),
            "term": freq["term"].to_numpy(),
            "count": freq["count"].to_numpy(),
            "rel_freq": freq["count"].to_numpy() / max(total, 1),
        }
    )
    if len(out) >= 2:
        slope, intercept = np.polyfit(np.log10(out["rank"]), np.log10(out["count"]), 1)
    else:
        slope, intercept = -1.0, math.log10(out["count"].iloc[0]) if len(out) else 0.0
    out["expected"] = 10**intercept * out["rank"].to_numpy(float) ** slope
    out.attrs["zipf_exponent"] = float(-slope)
    return out


# ---------------------------------------------------------------------------
# n-grams and collocations
# ---------------------------------------------------------------------------


def _word_sequence(
    tokens: pd.DataFrame,
    *,
    column: str,
    kinds: tuple[str, ...] | None,
    drop_stop: bool,
    across_stop: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The words n-grams are made of: term codes, segment ids, stop flags, and the term strings.

    A new segment starts at a new document, a new sentence, a token that is
    not one of ``kinds`` (punctuation, numbers, ...), and a gap in
    ``token_id`` (rows filtered out of the table), so no n-gram spans any of
    them.  With ``across_stop`` stopwords are then removed *without*
    starting a segment, so their neighbours become adjacent.
    """
    codes, terms = term_codes(tokens, column)
    doc, _ = term_codes(tokens, "doc_id")
    sent = tokens["sent_id"].to_numpy(np.int64)
    tok = tokens["token_id"].to_numpy(np.int64)
    unit = kind_mask(tokens, kinds)
    brk = np.ones(len(tokens), dtype=bool)
    brk[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1]) | (tok[1:] != tok[:-1] + 1) | ~unit[:-1]
    segment = np.cumsum(brk)
    stop = stop_mask(tokens) if drop_stop or across_stop else np.zeros(len(tokens), dtype=bool)
    keep = unit & ~stop if across_stop else unit
    return codes[keep], segment[keep], stop[keep], terms


def _ngram_occurrences(seg: np.ndarray, n: int, gap: int = 1) -> np.ndarray:
    """Start positions ``i`` where positions ``i, i+gap, ..., i+(n-1)*gap`` are all in one segment."""
    span = (n - 1) * gap
    if len(seg) <= span:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(seg[: len(seg) - span] == seg[span:])


def _pair_counts(a: np.ndarray, b: np.ndarray, wanted: np.ndarray, vocabulary_size: int) -> np.ndarray:
    """How often each pair of term codes ``wanted`` (rows of two) occurs among the pairs ``(a, b)``."""
    keys, counts = unique_counts(a * vocabulary_size + b)
    want = wanted[:, 0] * vocabulary_size + wanted[:, 1]
    if not len(keys):
        return np.zeros(len(want), dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, want), len(keys) - 1)
    return np.where(keys[at] == want, counts[at], 0)


def _check_ngram_options(n: int, window: int, drop_stop: object, across_stop: object, measure: str | None = None) -> None:
    if n not in (2, 3):
        raise ValueError(f"n={n}: bigrams (n=2) and trigrams (n=3) are supported")
    for name, value in (("drop_stop", drop_stop), ("across_stop", across_stop)):
        if not isinstance(value, (bool, np.bool_)):
            raise ValueError(
                f"{name}={value!r}: give True or False (the old stopwords='after' is drop_stop=True, "
                "'before' is across_stop=True, None is drop_stop=False)"
            )
    if across_stop and not drop_stop:
        raise ValueError(
            "across_stop=True removes stopwords before forming n-grams, so they cannot be kept "
            "(drop_stop=False): pass one or the other"
        )
    if n == 2 and window < 2:
        raise ValueError(f"window={window}: must be at least 2 (2 = adjacent words)")
    if n == 3 and window != 3:
        raise ValueError(f"window={window}: trigrams are always three adjacent words (window=3); a wider window is for bigrams")
    if measure is not None and measure not in MEASURES:
        raise ValueError(f"measure={measure!r}: choose one of {', '.join(map(repr, MEASURES))}")


def _ngram_counts(
    tokens: pd.DataFrame, *, n: int, by: str, kinds: tuple[str, ...] | None, drop_stop: bool, across_stop: bool, window: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """Unique n-grams (rows of term codes), their counts, word counts, terms, and (word codes, segments)."""
    codes, seg, stop, terms = _word_sequence(tokens, column=by, kinds=kinds, drop_stop=drop_stop, across_stop=across_stop)
    n_terms = max(len(terms), 1)
    keys: list[np.ndarray] = []
    gaps = range(1, window) if n == 2 else [1]
    for gap in gaps:
        start = _ngram_occurrences(seg, n, gap)
        parts = [start + k * gap for k in range(n)]
        if drop_stop and not across_stop:  # leave out the n-grams that contain a stopword
            ok = np.ones(len(start), dtype=bool)
            for p in parts:
                ok &= ~stop[p]
            parts = [p[ok] for p in parts]
        key = np.zeros(len(parts[0]), dtype=np.int64)
        for p in parts:
            key = key * n_terms + codes[p]
        keys.append(key)
    uniq, counts = unique_counts(np.concatenate(keys) if keys else np.zeros(0, np.int64))
    grams = np.empty((len(uniq), n), dtype=np.int64)
    rest = uniq
    for k in range(n - 1, -1, -1):
        grams[:, k] = rest % n_terms
        rest = rest // n_terms
    word_counts = np.bincount(codes, minlength=len(terms))
    return grams, counts, word_counts, terms, (codes, seg)


def ngrams(
    tokens: object,
    *,
    n: int = 2,
    by: By = "lower",
    kinds: Sequence[str] | str | None = ("word",),
    drop_stop: bool = True,
    across_stop: bool = False,
    min_count: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """Count n-grams (runs of ``n`` adjacent words), most frequent first.

    N-grams never cross a document, a sentence, punctuation or any token that
    is not one of ``kinds``: *Rusia, Jepang* is not a bigram.

    Parameters
    ----------
    tokens : DataFrame
        A token table (or a corpus; see :func:`telaah.ensure_tokens`).
    n : {2, 3}
        Bigrams or trigrams.
    by : {"lower", "stem", "token"}
        Words as lowercase forms (default: fixed phrases are forms, such as
        *angkatan laut*), stems, or forms as written.
    kinds : sequence of str, "all" or None
        Token kinds that make up n-grams; every other token breaks them.
    drop_stop : bool
        Pair adjacent words, then leave out the n-grams that contain a
        stopword (default); ``False`` keeps them (*jepang dan*, *dan
        rusia*).
    across_stop : bool
        Remove stopwords *before* pairing words, so that the words on either
        side of one become adjacent (*jepang rusia* from *Jepang dan
        Rusia*).  Stopwords are then never part of an n-gram, so it needs
        ``drop_stop=True``.
    min_count, top
        Keep n-grams seen at least ``min_count`` times; the ``top`` first.

    Returns
    -------
    pandas.DataFrame
        ``ngram`` (the words joined by a space), ``word1`` ... ``wordN``,
        ``count``, ``per_1000`` (per 1000 words of the sequence).

    Examples
    --------
    >>> ngrams(["Angkatan laut Jepang, angkatan laut Rusia."])[["ngram", "count"]].head(2).values.tolist()
    [['angkatan laut', 2], ['laut jepang', 1]]
    >>> text = ["Jepang dan Rusia membahas"]
    >>> ngrams(text).ngram.tolist(), ngrams(text, across_stop=True).ngram.tolist()
    (['rusia membahas'], ['jepang rusia', 'rusia membahas'])
    >>> ngrams(text, drop_stop=False).ngram.tolist()
    ['dan rusia', 'jepang dan', 'rusia membahas']
    """
    tokens = ensure_tokens(tokens)
    column = check_by(tokens, by)
    _check_ngram_options(n, n if n == 3 else 2, drop_stop, across_stop)
    grams, counts, word_counts, terms, _ = _ngram_counts(
        tokens, n=n, by=column, kinds=check_kinds(kinds), drop_stop=drop_stop, across_stop=across_stop, window=2 if n == 2 else 3
    )
    out = _gram_frame(grams, terms)
    out["count"] = counts
    out["per_1000"] = counts / max(int(word_counts.sum()), 1) * 1000
    out = out[out["count"] >= min_count].sort_values(["count", "ngram"], ascending=[False, True], kind="stable")
    return (out.head(top) if top is not None else out).reset_index(drop=True)


def _gram_frame(grams: np.ndarray, terms: np.ndarray) -> pd.DataFrame:
    words = {f"word{k + 1}": terms[grams[:, k]].astype(str) for k in range(grams.shape[1])}
    ngram = pd.Series(words["word1"], dtype=object)
    for k in range(1, grams.shape[1]):
        ngram = ngram + " " + pd.Series(words[f"word{k + 1}"], dtype=object)
    return pd.DataFrame({"ngram": ngram.to_numpy(dtype=object), **words})


def collocations(
    tokens: object,
    *,
    n: int = 2,
    by: By = "lower",
    measure: str = "likelihood_ratio",
    min_count: int = 3,
    window: int | None = None,
    kinds: Sequence[str] | str | None = ("word",),
    drop_stop: bool = True,
    across_stop: bool = False,
    top: int | None = None,
) -> pd.DataFrame:
    """Score bigrams or trigrams with NLTK's association measures.

    Counting is done on the token table with numpy (the same counts as
    ``nltk.collocations.BigramCollocationFinder.from_words`` on the word
    sequence with a separator between segments); scoring is done by NLTK's
    own ``BigramCollocationFinder`` / ``TrigramCollocationFinder`` built from
    those counts, with ``nltk.metrics.BigramAssocMeasures`` /
    ``TrigramAssocMeasures``.

    Parameters
    ----------
    tokens : DataFrame
        A token table (or a corpus; see :func:`telaah.ensure_tokens`).
    n : {2, 3}
        Bigrams or trigrams.
    by : {"lower", "stem", "token"}
        Lowercase forms by default (collocations are fixed phrases of forms:
        *angkatan laut*, *kerja sama*); stems merge their inflections.
    measure : {"likelihood_ratio", "pmi", "npmi", "student_t"}
        The measure to sort by; every measure is returned as a column.
        ``pmi``: how much more often the words occur together than chance
        (favours rare pairs); ``npmi``: PMI scaled to at most 1;
        ``likelihood_ratio``: Dunning's G2, evidence that the pair is not a
        chance meeting (favours frequent pairs); ``student_t``: the t-score,
        similar, more conservative.
    min_count : int
        Score only n-grams seen at least this often (PMI is unreliable for
        rare pairs; 2 or 3 for a single article).
    window : int, optional
        Bigrams only: pair each word with the next ``window - 1`` words
        (default 2: adjacent words), as in Church and Hanks (1990); counts
        are then divided by ``window - 1`` for scoring, as NLTK does.
        Trigrams are always adjacent words.
    kinds : sequence of str, "all" or None
        Token kinds that make up n-grams; every other token breaks them.
    drop_stop, across_stop : bool
        As for :func:`ngrams`: by default n-grams with a stopword are left
        out (NLTK's ``apply_word_filter`` with Telaah's Indonesian
        stopwords; NLTK's ``Text.collocations`` uses an English stopword
        list, which is why Telaah does not use it).
    top : int, optional
        Keep only the ``top`` best n-grams.

    Returns
    -------
    pandas.DataFrame
        ``ngram``, ``word1`` ... ``wordN``, ``count``, then ``pmi``,
        ``npmi``, ``likelihood_ratio`` and ``student_t``, sorted by
        ``measure`` (highest first; ties by count, then alphabetically).

    Notes
    -----
    N-grams never cross documents, sentences, punctuation or tokens of other
    kinds.  NPMI is not in NLTK 3.10; it is PMI / (-(n - 1) log2 p), with
    ``p`` the n-gram's probability, which is 1 for words that only ever
    occur together and 0 for independence (Bouma 2009; for trigrams the
    divisor is the largest PMI possible, so NPMI <= 1 as for bigrams).

    Examples
    --------
    >>> text = "Angkatan laut Jepang. Angkatan laut Rusia. Angkatan udara Jepang."
    >>> c = collocations([text], min_count=2)
    >>> c[["ngram", "count"]].values.tolist()
    [['angkatan laut', 2]]
    """
    from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures
    from nltk.probability import FreqDist

    tokens = ensure_tokens(tokens)
    column = check_by(tokens, by)
    window = window if window is not None else n
    _check_ngram_options(n, window, drop_stop, across_stop, measure)
    grams, counts, word_counts, terms, (codes, seg) = _ngram_counts(
        tokens, n=n, by=column, kinds=check_kinds(kinds), drop_stop=drop_stop, across_stop=across_stop, window=window
    )
    keep = counts >= min_count
    grams, counts = grams[keep], counts[keep]
    out = _gram_frame(grams, terms)
    out["count"] = counts
    for name in MEASURES:
        out[name] = np.zeros(len(out))
    out.attrs["measure"] = measure
    if not len(out):
        return out

    used = np.flatnonzero(word_counts)
    word_fd = FreqDist(dict(zip(terms[used].tolist(), word_counts[used].tolist(), strict=True)))
    grams_in_order = list(map(tuple, out[[f"word{k + 1}" for k in range(n)]].to_numpy().tolist()))
    gram_fd = FreqDist(dict(zip(grams_in_order, counts.tolist(), strict=True)))
    if n == 2:
        finder = BigramCollocationFinder(word_fd, gram_fd, window_size=window)
        measures = BigramAssocMeasures
    else:
        # the pair counts NLTK's trigram measures read, for the candidates' pairs only
        n_terms = max(len(terms), 1)
        adjacent = _ngram_occurrences(seg, 2, 1)
        skip = _ngram_occurrences(seg, 2, 2)
        pairs = np.unique(np.concatenate([grams[:, [0, 1]], grams[:, [1, 2]]]), axis=0)
        outer = np.unique(grams[:, [0, 2]], axis=0)
        pair_n = _pair_counts(codes[adjacent], codes[adjacent + 1], pairs, n_terms)
        outer_n = _pair_counts(codes[skip], codes[skip + 2], outer, n_terms)
        bigram_fd = FreqDist({(terms[a], terms[b]): int(c) for (a, b), c in zip(pairs.tolist(), pair_n.tolist(), strict=True)})
        wildcard_fd = FreqDist({(terms[a], terms[b]): int(c) for (a, b), c in zip(outer.tolist(), outer_n.tolist(), strict=True)})
        finder = TrigramCollocationFinder(word_fd, bigram_fd, wildcard_fd, gram_fd)
        measures = TrigramAssocMeasures
    return _scored_collocations(out, finder, measures, grams_in_order, n=n, window=window, measure=measure, top=top)


def _scored_collocations(
    out: pd.DataFrame, finder: Any, measures: Any, grams_in_order: list[tuple[str, ...]], *, n: int, window: int, measure: str, top: int | None
) -> pd.DataFrame:
    """Fill the measures of a collocation table from NLTK's ``finder``, sort by ``measure`` and keep ``top``.

    Shared by :func:`collocations` and :func:`telaah.dask.collocations`
    (whose finder is built from counts summed over partitions).
    """
    counts = out["count"].to_numpy()
    for name in ("pmi", "likelihood_ratio", "student_t"):
        scores = dict(finder.score_ngrams(getattr(measures, name)))
        out[name] = [scores[g] for g in grams_in_order]  # (iterating a FreqDist sorts it by count)
    scaled = counts / (window - 1) if n == 2 else counts.astype(float)
    p = scaled / finder.N
    with np.errstate(divide="ignore", invalid="ignore"):
        npmi = out["pmi"].to_numpy() / (-(n - 1) * np.log2(p))
    out["npmi"] = np.clip(np.where(p >= 1, 1.0, npmi), -1.0, 1.0)  # clip rounding noise
    out = out.sort_values([measure, "count", "ngram"], ascending=[False, False, True], kind="stable")
    out = (out.head(top) if top is not None else out).reset_index(drop=True)
    out.attrs["measure"] = measure
    return out


# ---------------------------------------------------------------------------
# TF-IDF
# ---------------------------------------------------------------------------


def tfidf_matrix(
    tokens: object,
    *,
    by: By = "stem",
    drop_stop: bool = True,
    kinds: Sequence[str] | str | None = ("word",),
    groupby: str | Sequence[str] = "doc_id",
    norm: Literal["l1", "l2"] | None = "l2",
    smooth_idf: bool = True,
    sublinear_tf: bool = False,
) -> tuple[object, pd.DataFrame, np.ndarray]:
    """The TF-IDF matrix of the groups (documents by default) and terms.

    Counts come straight from the token table's codes (no second tokenizer)
    and are weighted by scikit-learn's ``TfidfTransformer``, which gives
    exactly what ``TfidfVectorizer(analyzer=...)`` gives on each document's
    list of terms.

    Returns
    -------
    tuple
        ``(matrix, groups, terms)``: a scipy sparse matrix (one row per group,
        one column per term), a DataFrame of the groups' key values in row
        order, and the terms in column order.

    Examples
    --------
    >>> X, groups, terms = tfidf_matrix(["Rudal Jepang.", "Rudal Rusia."])
    >>> X.shape, groups.doc_id.tolist(), sorted(terms.tolist())
    ((2, 3), ['doc1', 'doc2'], ['jepang', 'rudal', 'rusia'])
    """
    X, _, keys, terms = _tfidf(
        tokens, by=by, drop_stop=drop_stop, kinds=kinds, groupby=groupby, norm=norm, smooth_idf=smooth_idf, sublinear_tf=sublinear_tf
    )
    return X, keys, terms


def _tfidf(
    tokens: object,
    *,
    by: By,
    drop_stop: bool,
    kinds: Sequence[str] | str | None,
    groupby: str | Sequence[str],
    norm: Literal["l1", "l2"] | None,
    smooth_idf: bool,
    sublinear_tf: bool,
) -> tuple[object, object, pd.DataFrame, np.ndarray]:
    """TF-IDF and count matrices (CSR, same sparsity and order), group keys and terms."""
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import TfidfTransformer

    tokens = ensure_tokens(tokens)
    column = check_by(tokens, by)
    cols = group_columns(tokens, groupby)
    if not cols:
        raise ValueError("groupby: TF-IDF needs units to compare; give a column such as 'doc_id'")
    keep = kind_mask(tokens, check_kinds(kinds))
    if drop_stop:
        keep &= ~stop_mask(tokens)
    if not keep.any():
        raise ValueError("TF-IDF: no tokens to count (none of the selected kinds, or all stopwords)")
    codes, terms = term_codes(tokens, column)
    gid, keys, _ = group_ids(tokens, cols)
    used, col_of = np.unique(codes[keep], return_inverse=True)
    counts = csr_matrix((np.ones(int(keep.sum())), (gid[keep], col_of)), shape=(len(keys), len(used)))
    counts.sum_duplicates()
    X = TfidfTransformer(norm=norm, smooth_idf=smooth_idf, sublinear_tf=sublinear_tf).fit_transform(counts)
    X = X.tocsr()
    X.sort_indices()
    counts = counts.tocsr()
    counts.sort_indices()
    # idf >= 1, so TF-IDF is non-zero exactly where the count is: both matrices have the same cells
    return X, counts, keys.reset_index(drop=True), terms[used].astype(str)


def tfidf(
    tokens: object,
    *,
    by: By = "stem",
    drop_stop: bool = True,
    kinds: Sequence[str] | str | None = ("word",),
    groupby: str | Sequence[str] = "doc_id",
    top: int | None = 10,
    norm: Literal["l1", "l2"] | None = "l2",
    smooth_idf: bool = True,
    sublinear_tf: bool = False,
) -> pd.DataFrame:
    """The terms that characterise each document (or group), by TF-IDF.

    A term scores high in a document when it is frequent there and rare in
    the other documents.  For the matrix itself, use :func:`tfidf_matrix`.

    Parameters
    ----------
    tokens : DataFrame
        A token table (or a corpus; see :func:`telaah.ensure_tokens`).
    by, drop_stop, kinds
        As for :func:`frequencies`.
    groupby : str or list of str
        The units compared (documents by default; ``"para_id"`` for the
        paragraphs of one article).
    top : int, optional
        Keep the ``top`` best terms per unit (all with None).
    norm, smooth_idf, sublinear_tf
        Passed to scikit-learn's ``TfidfTransformer``.

    Returns
    -------
    pandas.DataFrame
        The ``groupby`` columns, ``term``, ``count`` (in the unit),
        ``tfidf`` and ``rank`` (1 = highest in the unit).

    Examples
    --------
    >>> t = tfidf(["Rudal Jepang.", "Rudal Rusia."], top=1)
    >>> t[["doc_id", "term"]].values.tolist()
    [['doc1', 'jepang'], ['doc2', 'rusia']]
    """
    tokens = ensure_tokens(tokens)
    X, counts, keys, terms = _tfidf(
        tokens, by=by, drop_stop=drop_stop, kinds=kinds, groupby=groupby, norm=norm, smooth_idf=smooth_idf, sublinear_tf=sublinear_tf
    )
    rows = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
    alphabetical = np.argsort(np.argsort(terms.astype(str), kind="stable"), kind="stable")
    order = np.lexsort((alphabetical[X.indices], -X.data, rows))
    rows, cols_, values, n = rows[order], X.indices[order], X.data[order], counts.data[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows) + 1
    keep = rank <= top if top is not None else np.ones(len(rows), dtype=bool)
    out = _add_keys(keys, rows[keep], {"term": terms[cols_[keep]], "count": n[keep].astype(np.int64), "tfidf": values[keep], "rank": rank[keep]})
    return out
