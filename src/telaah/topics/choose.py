"""Choosing the number of topics: every k fitted with several random states, judged by coherence, then stability."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from telaah._columns import By, Unit
from telaah.parallel import usable_cores
from telaah.topics.model import Method, _check_k, _check_top, _fit_model, _prepare, _top_indices, _topic_term_weights
from telaah.topics.quality import npmi_coherence, topic_stability

__all__ = ["choose_k"]

#: Below this best stability, choose_k warns that no k gives repeatable topics.
_UNSTABLE = 0.5
#: choose_k's threads by default: one per usable core, at most this many.
_MAX_THREADS = 4


def choose_k(
    tokens: object,
    ks: Iterable[int] = range(2, 11),
    *,
    random_states: Sequence[int] = (0, 1, 2),
    method: Method = "nmf",
    unit: Unit = "document",
    by: By = "stem",
    drop_stop: bool = True,
    min_df: int | float | None = None,
    max_df: int | float | None = None,
    min_chars: int = 2,
    coherence_top: int = 10,
    init: str | None = None,
    max_iter: int | None = None,
    tolerance: float = 0.05,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Fit each number of topics with several random states; report coherence and stability, and recommend a k.

    The units are vectorized once; every ``k`` and random state reuses the matrix.

    Parameters
    ----------
    tokens : DataFrame, corpus, path or list of str
        As for :func:`telaah.fit_topics`.
    ks : iterable of int
        The numbers of topics to try (each from 2 to the number of units).
    random_states : sequence of int
        One fit per random state (seed) and ``k``; at least two for a stability.
    method, unit, by, drop_stop, min_df, max_df, min_chars, coherence_top, max_iter
        As for :func:`telaah.fit_topics`.
    init : str, optional
        NMF only.  By default ``"random"`` here, not NNDSVD: NNDSVD starts
        every random state at the same point, which would make any k look
        perfectly stable.
    tolerance : float
        ks whose stability is within this of the best stability count as
        equally stable (three random states give only a rough estimate).
    n_jobs : int, optional
        Fit in parallel threads (None: one per usable core, at most 4; 1: none).

    Returns
    -------
    pandas.DataFrame
        One row per k: ``k``, ``coherence`` (mean NPMI over topics and
        random states, see :func:`telaah.topics.npmi_coherence`),
        ``coherence_sd`` (its spread across random states), ``stability``
        (see :func:`telaah.topics.topic_stability`), ``candidate`` (stability
        within ``tolerance`` of the best) and ``recommended`` (True for one
        row).  ``df.attrs["recommended"]`` holds that k,
        ``df.attrs["reason"]`` says why, and ``df.attrs`` also records
        ``method``, ``unit`` and ``random_states``.

    Raises
    ------
    ValueError
        For an empty ``ks``, a k the corpus cannot take, an empty
        ``random_states`` or one that repeats a value.

    Notes
    -----
    The rule: first stability, then coherence.  The candidates are the ks
    whose stability is within ``tolerance`` of the best; the recommended k
    is the candidate with the highest mean coherence (ties: the smaller k).
    Stability comes first because a k whose topics change with the random
    state describes the starting point rather than the corpus (Greene,
    O'Callaghan and Cunningham 2014); coherence then prefers the k whose
    topics' top terms really share units.  With one random state,
    coherence alone decides.
    Coherence says whether a topic's top terms really occur together;
    stability whether the topics are a property of the corpus rather than of
    the random state.  Read the table, not just the recommendation:
    neighbouring ks often describe the corpus equally well at different
    levels of detail.

    Examples
    --------
    >>> texts = ["Ekspor dan impor naik.", "Tarif impor dan ekspor.", "Rudal dan pasukan.", "Pasukan menembakkan rudal."]
    >>> table = choose_k(texts, ks=[2, 3])
    >>> table[["k", "recommended"]].values.tolist()
    [[2, True], [3, False]]
    >>> table.attrs["random_states"]
    (0, 1, 2)
    """
    ks = sorted({int(k) for k in ks})
    if not ks:
        raise ValueError("ks is empty: give the numbers of topics to try, e.g. range(2, 11)")
    states = _check_random_states(random_states)
    _check_top(coherence_top, "coherence_top", least=2)
    prepared = _prepare(tokens, method=method, unit=unit, by=by, drop_stop=drop_stop, min_df=min_df, max_df=max_df, min_chars=min_chars)
    for k in ks:
        _check_k(k, prepared, what="ks: k")
    if method == "nmf" and init is None:
        init = "random"
    vocab = np.asarray(prepared.vectorizer.get_feature_names_out(), dtype=object)

    def fit_one(job: tuple[int, int]) -> tuple[list[np.ndarray], float]:
        k, state = job
        model, _ = _fit_model(prepared, k, random_state=state, init=init, max_iter=max_iter)
        heaviest = _top_indices(_topic_term_weights(model), coherence_top, vocab)
        return heaviest, float(np.nanmean(npmi_coherence(prepared.binary, heaviest)))

    jobs = [(k, s) for k in ks for s in states]
    workers = min(_MAX_THREADS, usable_cores()) if n_jobs is None else max(1, n_jobs)
    if workers > 1 and len(jobs) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            fitted = list(pool.map(fit_one, jobs))
    else:
        fitted = [fit_one(job) for job in jobs]

    rows = []
    for i, k in enumerate(ks):
        runs = fitted[i * len(states) : (i + 1) * len(states)]
        coh = np.array([c for _, c in runs])
        rows.append(
            {
                "k": k,
                "coherence": float(coh.mean()),
                "coherence_sd": float(coh.std(ddof=1)) if len(coh) > 1 else float("nan"),
                "stability": topic_stability([t for t, _ in runs]),
            }
        )
    table = pd.DataFrame(rows)
    table["candidate"] = table["stability"] >= table["stability"].max() - tolerance if len(states) > 1 else True
    best, reason = _recommend(table, tolerance=tolerance, n_states=len(states))
    table["recommended"] = table["k"] == best
    table.attrs.update({"recommended": best, "reason": reason, "method": method, "unit": unit, "random_states": states})
    return table


def _check_random_states(random_states: Sequence[int]) -> tuple[int, ...]:
    """The random states as a tuple of ints: at least one, none repeated."""
    if isinstance(random_states, (int, np.integer)):
        raise TypeError(f"random_states={random_states!r}: give a sequence of ints, e.g. random_states=(0, 1, 2)")
    states = tuple(int(s) for s in random_states)
    if not states:
        raise ValueError("random_states is empty: give at least one random state, and two or more for a stability")
    if len(set(states)) != len(states):
        raise ValueError(f"random_states={states}: each random state must be different")
    return states


def _recommend(table: pd.DataFrame, *, tolerance: float, n_states: int) -> tuple[int, str]:
    """The recommended k and a sentence that says why (see :func:`choose_k`'s Notes)."""
    coherence = table["coherence"].round(6)
    if n_states < 2:
        best = int(table.loc[coherence.idxmax(), "k"])
        return best, (
            f"k={best} has the highest mean coherence ({table.set_index('k').loc[best, 'coherence']:.3f}); "
            "with one random state the stability is unknown"
        )
    top = float(table["stability"].max())
    candidates = table[table["candidate"]]
    row = candidates.loc[candidates["coherence"].round(6).idxmax()]
    best = int(row["k"])
    ks = ", ".join(str(int(k)) for k in candidates["k"])
    if len(candidates) == 1:
        reason = f"k={best}: the most stable k across {n_states} random states (stability {top:.2f}); its mean coherence is {row['coherence']:.3f}"
    else:
        ks = ", ".join(ks.split(", ")[:-1]) + " and " + ks.split(", ")[-1]
        reason = (
            f"k={best}: of the ks whose stability across {n_states} random states is within {tolerance} of the best "
            f"({top:.2f}), namely k={ks}, it has the highest mean coherence ({row['coherence']:.3f})"
        )
    if top < _UNSTABLE:
        reason += f". No k is stable (best stability {top:.2f} < {_UNSTABLE}): the topics change with the random state, so treat them as tentative"
    rest = table[~table["candidate"]]
    if len(rest):
        second = rest.loc[rest["stability"].round(6).idxmax()]
        reason += f". Next most stable: k={int(second['k'])} (stability {second['stability']:.2f}, coherence {second['coherence']:.3f})"
    return best, reason
