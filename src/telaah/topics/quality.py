"""How good a topic model is: NPMI coherence of each topic, stability of the topics across random states."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import Any

import numpy as np

__all__ = ["npmi_coherence", "topic_stability"]

#: gensim's ``EPSILON`` in its NPMI (``gensim.topic_coherence.direct_confirmation_measure``).
_EPSILON = 1e-12


def npmi_coherence(binary: Any, top: np.ndarray) -> np.ndarray:
    """Mean NPMI of the pairs of each topic's top terms, by co-occurrence in the same unit.

    Parameters
    ----------
    binary : sparse or dense matrix
        Units x terms; non-zero where the term occurs in the unit.
    top : array of int, shape (topics, n), or list of arrays
        Column indices of each topic's top terms (:func:`fit_topics` passes
        the ``coherence_top`` heaviest terms of positive weight).

    Returns
    -------
    numpy.ndarray
        One value per topic (NaN for a topic of fewer than two terms), in [-1, 1]: 1 when the top terms always occur
        together, 0 when they occur independently, close to -1 when they
        never share a unit (-1 exactly without the epsilon; with it, a pair
        of terms each in half the units scores -0.95, as in gensim).

    Notes
    -----
    For terms *a* and *b*, with *N* units, ``p(a) = df(a) / N`` and
    ``p(a, b) = df(a, b) / N`` (units containing both)::

        NPMI(a, b) = log((p(a, b) + eps) / (p(a) p(b))) / -log(p(a, b) + eps),   eps = 1e-12

    averaged over every pair of the topic's top terms (Bouma 2009; Röder,
    Both and Hinneburg 2015).  This is gensim's
    ``CoherenceModel(coherence="c_npmi")`` formula, epsilon included, with
    one difference in what counts as co-occurring: gensim slides a window of
    10 tokens over the texts, Telaah counts whole units (documents or
    paragraphs).  gensim gives the same numbers as Telaah when its
    ``window_size`` is at least the length of the longest unit and its
    ``texts`` are the units' term lists (``vectorizer``'s vocabulary).
    Document co-occurrence suits short units such as paragraphs and is one
    sparse matrix product.  A pair found in every unit (``p(a, b) = 1``)
    scores 1, where gensim's epsilon would give -1.

    Examples
    --------
    >>> B = np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1], [0, 0, 1]])
    >>> npmi_coherence(B, np.array([[0, 1], [0, 2]])).round(2).tolist()
    [1.0, -0.95]
    """
    from scipy import sparse

    B = sparse.csc_matrix(binary, dtype=np.float64)
    n_units = B.shape[0]
    out = np.full(len(top), np.nan)
    for t, idx in enumerate(top):
        idx = np.asarray(idx, dtype=np.int64)
        if len(idx) < 2:
            continue
        sub = B[:, idx]
        co = (sub.T @ sub).toarray()
        df = np.diag(co).copy()
        i, j = np.triu_indices(len(idx), k=1)
        p_ab = co[i, j] / n_units
        p_a, p_b = df[i] / n_units, df[j] / n_units
        with np.errstate(divide="ignore", invalid="ignore"):
            npmi = np.log((p_ab + _EPSILON) / (p_a * p_b)) / -np.log(p_ab + _EPSILON)
        npmi = np.where(p_ab >= 1.0, 1.0, npmi)
        out[t] = float(np.clip(npmi, -1.0, 1.0).mean())
    return out


def _jaccard(a: Sequence[Sequence[int]], b: Sequence[Sequence[int]]) -> np.ndarray:
    """Jaccard similarity of every topic of ``a`` with every topic of ``b`` (each: the topic's term indices)."""
    out = np.zeros((len(a), len(b)))
    sets_b = [set(map(int, row)) for row in b]
    for i, row in enumerate(a):
        s = set(map(int, row))
        out[i] = [len(s & t) / len(s | t) if s | t else 0.0 for t in sets_b]
    return out


def topic_stability(tops: Sequence[np.ndarray]) -> float:
    """Mean best-match Jaccard similarity of the top terms of topic sets fitted with different random states.

    For each pair of runs, topics are matched one to one so that the total
    Jaccard similarity of their top-term sets is highest (the Hungarian
    algorithm, ``scipy.optimize.linear_sum_assignment``); the run pair's
    stability is the mean similarity of the matched topics, and the result
    is the mean over all pairs of runs (Greene, O'Callaghan and Cunningham
    2014).  1: every random state finds the same topics; near 0: the topics are
    artefacts of the starting point.

    Parameters
    ----------
    tops : sequence of arrays of shape (topics, n), or of lists of arrays
        For each run, the top-term indices of each topic.

    Returns
    -------
    float
        NaN for fewer than two runs.

    Examples
    --------
    >>> topic_stability([np.array([[0, 1], [2, 3]]), np.array([[3, 2], [0, 1]])])
    1.0
    >>> topic_stability([np.array([[0, 1], [2, 3]]), np.array([[0, 2], [1, 3]])])
    0.3333333333333333
    """
    from scipy.optimize import linear_sum_assignment

    if len(tops) < 2:
        return float("nan")
    scores = []
    for a, b in combinations(tops, 2):
        J = _jaccard(a, b)
        rows, cols = linear_sum_assignment(J, maximize=True)
        scores.append(J[rows, cols].mean())
    return float(np.mean(scores))
