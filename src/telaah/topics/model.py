"""Fitting one topic model: from the token table's units to their term lists, the matrix, NMF or LDA, and a :class:`TopicResult`."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from telaah._columns import By, Unit, check_by, ensure_tokens, group_ids, kind_mask, stop_mask, term_codes, unit_columns
from telaah.topics.quality import npmi_coherence

__all__ = ["METHODS", "TopicResult", "fit_topics", "default_df", "given_terms"]

Method = Literal["nmf", "lda"]

#: Topic models of :func:`fit_topics`.
METHODS: tuple[str, ...] = ("nmf", "lda")
#: A term with less than this share of its topic's heaviest term's weight is not one of the topic's terms.
_MIN_RELATIVE_WEIGHT = 1e-3
#: What the units are called in messages.
_UNIT_WORDS = {"document": "documents", "paragraph": "paragraphs", "sentence": "sentences"}


# ---------------------------------------------------------------------------
# The result
# ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class TopicResult:
    """A fitted topic model and its tidy tables (returned by :func:`fit_topics`).

    Attributes
    ----------
    terms : DataFrame
        The ``top`` terms of each topic (fewer when a sparse NMF topic has
        fewer terms of non-zero weight): ``topic`` (0, 1, ...), ``rank`` (1 =
        heaviest), ``term``, ``form`` (the term's most frequent lowercase
        form in the corpus: *pertahanan* for the stem ``tahan`` in an article
        on defence) and ``weight`` (the term's share of the topic's total
        term weight; over the whole vocabulary the weights of a topic sum to 1).
    doc_topics : DataFrame
        One row per modelled unit and topic: the unit's id columns
        (``doc_id``; ``parent_id`` for a corpus read by paragraph;
        ``para_id`` for ``unit="paragraph"``, ``sent_id`` for
        ``unit="sentence"``), ``topic``, ``weight`` (the topic's share of
        the unit: each unit's weights sum to 1) and ``score`` (the model's raw
        value: NMF's unit loading, LDA's topic probability).
    labels : Series
        A short readable label per topic (index ``topic``): its number and
        its three heaviest terms, as forms.
    coherence : Series
        NPMI coherence per topic (index ``topic``) of its ``coherence_top``
        heaviest terms, see :func:`telaah.topics.npmi_coherence`.
    vectorizer : sklearn TfidfVectorizer (NMF) or CountVectorizer (LDA)
        Fitted with ``analyzer=`` each unit's list of terms from the token table.
    model : sklearn NMF or LatentDirichletAllocation
        The fitted model; ``model.components_`` is topics x terms.
    method, k, unit : str, int, str
        The options of :func:`fit_topics`.
    units : DataFrame
        The modelled units in matrix row order (the order of their ids:
        ``doc_id`` in corpus order, then ``para_id`` or ``sent_id``): id
        columns and ``n_tokens`` (the unit's tokens kept for the model,
        before pruning by document frequency).
    empty_units : DataFrame
        Units that had no term left after filtering and pruning (a byline, a
        ``___`` rule): not modelled.
    options : dict
        The other options used: ``by``, ``drop_stop``, ``min_chars``,
        ``min_df`` and ``max_df`` (resolved), ``top``, ``coherence_top``,
        ``random_state`` and ``init``.
    matrix : sparse matrix
        Units x terms, as the model saw it.
    tokens : DataFrame
        The token table the model was fitted on.
    """

    terms: pd.DataFrame
    doc_topics: pd.DataFrame
    labels: pd.Series
    coherence: pd.Series
    vectorizer: Any
    model: Any
    method: str
    k: int
    unit: str
    units: pd.DataFrame
    empty_units: pd.DataFrame
    options: dict[str, Any]
    matrix: Any = field(repr=False)
    tokens: pd.DataFrame = field(repr=False)

    def __repr__(self) -> str:
        return (
            f"TopicResult(method={self.method!r}, k={self.k}, unit={self.unit!r}, units={len(self.units)}, "
            f"terms={self.matrix.shape[1]}, mean_coherence={float(self.coherence.mean()):.3f})"
        )

    @property
    def vocabulary(self) -> np.ndarray:
        """The modelled terms, in the column order of ``matrix`` and ``model.components_``."""
        return np.asarray(self.vectorizer.get_feature_names_out(), dtype=object)

    def summary(self, *, top: int = 8) -> pd.DataFrame:
        """One row per topic: ``topic``, ``label``, ``coherence``, ``prevalence`` and ``top_terms``.

        Parameters
        ----------
        top : int
            How many of each topic's heaviest terms ``top_terms`` shows (at
            most the ``top`` the model was fitted with).

        Returns
        -------
        pandas.DataFrame
            ``prevalence`` is the topic's share of all modelled tokens (unit
            weights weighted by the units' ``n_tokens``); ``top_terms`` its
            ``top`` heaviest terms, joined by spaces.

        Examples
        --------
        >>> texts = ["Ekspor dan impor naik.", "Tarif impor dan ekspor.", "Rudal dan pasukan.", "Pasukan menembakkan rudal."]
        >>> fit_topics(texts, 2).summary(top=2).top_terms.str.split().str.len().tolist()
        [2, 2]
        """
        _check_top(top, "top")
        heaviest = self.terms[self.terms["rank"] <= top].groupby("topic", sort=True)["term"].agg(" ".join)
        weights = self.doc_topics["weight"].to_numpy(float).reshape(len(self.units), self.k)  # one row per unit, in units order
        lengths = self.units["n_tokens"].to_numpy(float)
        prevalence = (weights * lengths[:, None]).sum(axis=0) / max(lengths.sum(), 1.0)
        topics = np.arange(self.k)
        return pd.DataFrame(
            {
                "topic": topics,
                "label": self.labels.reindex(topics).to_numpy(),
                "coherence": self.coherence.reindex(topics).to_numpy(),
                "prevalence": prevalence,
                "top_terms": heaviest.reindex(topics).fillna("").to_numpy(),
            }
        )

    def transform(self, tokens: object) -> pd.DataFrame:
        """Topic weights of new units (same unit and term options), as a tidy table like ``doc_topics``.

        Terms the model has not seen are ignored; units with no known term
        are left out.

        Examples
        --------
        >>> texts = ["Ekspor dan impor naik.", "Tarif impor dan ekspor.", "Rudal dan pasukan.", "Pasukan menembakkan rudal."]
        >>> result = fit_topics(texts, 2)
        >>> new = result.transform(["Rudal baru."])
        >>> main = result.doc_topics.loc[result.doc_topics.groupby("doc_id").weight.idxmax(), "topic"].tolist()
        >>> int(new.loc[new.weight.idxmax(), "topic"]) == main[2]  # doc3, on rudal
        True
        """
        units, docs, _ = _unit_terms(
            ensure_tokens(tokens),
            unit=self.unit,
            by=self.options["by"],
            drop_stop=self.options["drop_stop"],
            min_chars=self.options["min_chars"],
        )
        X = self.vectorizer.transform(docs)
        nonempty = np.diff(X.indptr) > 0
        scores = self.model.transform(X[nonempty])
        return _doc_topic_frame(units.loc[nonempty].reset_index(drop=True), scores, self.method)


def _check_top(value: int, name: str, *, least: int = 1) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < least:
        raise ValueError(f"{name}={value!r}: must be an int of at least {least}")


# ---------------------------------------------------------------------------
# From the token table to the units' term lists
# ---------------------------------------------------------------------------


def given_terms(unit_terms: Sequence[str]) -> Sequence[str]:
    """The analyzer of Telaah's vectorizers: each unit already is its list of terms.

    The token table has tokenized, lowercased, stemmed and filtered the
    text; scikit-learn gets each unit's terms as they are (no second
    tokenizer).  A module-level function, so fitted vectorizers pickle.

    Examples
    --------
    >>> given_terms(["dagang", "ekspor"])
    ['dagang', 'ekspor']
    """
    return unit_terms


def _term_ok(terms: np.ndarray, min_chars: int) -> np.ndarray:
    """Which terms may be modelled: at least ``min_chars`` characters and at least one letter."""
    s = pd.Series(terms, dtype=object).astype(str)
    return (s.str.len() >= min_chars).to_numpy() & s.str.contains(r"[^\W\d_]", regex=True).to_numpy()


class _Kept(NamedTuple):
    """Which rows of a token table are modelled, and each row's term as a code of ``cats``."""

    keep: np.ndarray
    codes: np.ndarray
    cats: np.ndarray


def _kept_terms(tokens: pd.DataFrame, column: str, *, drop_stop: bool, min_chars: int) -> _Kept:
    """Rows whose term is modelled: words, not stopwords (``drop_stop``), of ``min_chars`` characters and a letter."""
    codes, cats = term_codes(tokens, column)
    keep = kind_mask(tokens, ("word",))
    if drop_stop:
        keep &= ~stop_mask(tokens)
    keep &= _term_ok(cats, min_chars)[codes] if len(cats) else False
    keep &= codes >= 0
    return _Kept(keep, codes, cats)


def _unit_terms(
    tokens: pd.DataFrame, *, unit: str, by: str, drop_stop: bool, min_chars: int
) -> tuple[pd.DataFrame, list[np.ndarray], _Kept]:
    """Each unit's list of kept terms, in text order.

    Returns the units (id columns and ``n_tokens``; in the order of
    :func:`telaah._columns.group_ids`), their term lists in that order, and
    which rows were kept.
    """
    column = check_by(tokens, by)
    if min_chars < 1:
        raise ValueError(f"min_chars={min_chars}: must be at least 1")
    key = unit_columns(tokens, unit)
    unit_of_row, _, first_rows = group_ids(tokens, key)
    # reported: doc_id, the parent_id of a corpus read by paragraph, then para_id or sent_id
    id_cols = ["doc_id"] + (["parent_id"] if "parent_id" in tokens.columns else []) + key[1:]
    units = tokens[id_cols].iloc[first_rows].reset_index(drop=True)
    kept = _kept_terms(tokens, column, drop_stop=drop_stop, min_chars=min_chars)
    kept_units = unit_of_row[kept.keep]
    order = np.argsort(kept_units, kind="stable")
    terms = kept.cats[kept.codes[kept.keep][order]].astype(str).astype(object)
    bounds = np.searchsorted(kept_units[order], np.arange(len(units) + 1))
    docs = [terms[bounds[i] : bounds[i + 1]] for i in range(len(units))]
    for c in id_cols:
        if isinstance(tokens[c].dtype, pd.CategoricalDtype):
            units[c] = units[c].astype(str)
    units["n_tokens"] = np.diff(bounds).astype(np.int64)
    return units, docs, kept


def _token_columns(result: TopicResult) -> np.ndarray:
    """For each row of ``result.tokens``: the matrix column of its term, or -1 when the token was not modelled.

    Read from the result: its tokens, its ``by``, ``drop_stop`` and
    ``min_chars`` options and its vocabulary (terms pruned by document
    frequency are -1 too).
    """
    options = result.options
    kept = _kept_terms(result.tokens, options["by"], drop_stop=options["drop_stop"], min_chars=options["min_chars"])
    if not len(kept.cats):
        return np.full(len(result.tokens), -1, dtype=np.int64)
    column_of = pd.Index(result.vocabulary.astype(str), dtype=object).get_indexer(pd.Index(kept.cats.astype(str), dtype=object))
    return np.where(kept.keep, column_of[np.maximum(kept.codes, 0)], -1).astype(np.int64)


def default_df(n_units: int) -> tuple[int, float]:
    """Telaah's default ``(min_df, max_df)`` for a corpus of ``n_units`` units.

    ``min_df`` is 1 below 10 units, otherwise ``max(2, n_units // 500)``;
    ``max_df`` is 1.0 below 10 units, otherwise 0.5.  See
    :mod:`telaah.topics` for why.

    Examples
    --------
    >>> default_df(5), default_df(14), default_df(3463)
    ((1, 1.0), (2, 0.5), (6, 0.5))
    """
    if n_units < 10:
        return 1, 1.0
    return max(2, n_units // 500), 0.5


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValueError(f"method={method!r}: choose 'nmf' (non-negative matrix factorisation) or 'lda' (latent Dirichlet allocation)")


@dataclass(frozen=True)
class _Prepared:
    """Everything a fit needs that does not depend on k or the random state."""

    units: pd.DataFrame
    empty_units: pd.DataFrame
    vectorizer: Any
    matrix: Any
    binary: Any
    forms: np.ndarray
    options: dict[str, Any]
    tokens: pd.DataFrame
    method: str
    unit: str


def _prepare(
    tokens: object,
    *,
    method: str,
    unit: str,
    by: str,
    drop_stop: bool,
    min_df: int | float | None,
    max_df: int | float | None,
    min_chars: int,
) -> _Prepared:
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    _check_method(method)
    table = ensure_tokens(tokens)
    units, docs, kept = _unit_terms(table, unit=unit, by=by, drop_stop=drop_stop, min_chars=min_chars)
    has_terms = units["n_tokens"].to_numpy() > 0
    n = int(has_terms.sum())
    if n == 0:
        raise ValueError("no unit has a term to model: the corpus has no word tokens left after removing stopwords and short terms")
    auto_min, auto_max = default_df(n)
    min_df = auto_min if min_df is None else min_df
    max_df = auto_max if max_df is None else max_df
    # NMF factorises TF-IDF (sublinear tf: the 10th "gol" adds less than the 2nd); LDA models counts.
    if method == "nmf":
        vectorizer = TfidfVectorizer(analyzer=given_terms, min_df=min_df, max_df=max_df, sublinear_tf=True)
    else:
        vectorizer = CountVectorizer(analyzer=given_terms, min_df=min_df, max_df=max_df)
    kept_docs = [d for d, ok in zip(docs, has_terms, strict=True) if ok]
    try:
        X = vectorizer.fit_transform(kept_docs)
    except ValueError as error:
        raise ValueError(
            f"no term is left to model after pruning by document frequency (min_df={min_df}, max_df={max_df}, "
            f"{n} units): lower min_df or raise max_df ({error})"
        ) from None
    X = X.tocsr()
    nonempty = np.diff(X.indptr) > 0
    modelled = np.flatnonzero(has_terms)[nonempty]
    empty = np.setdiff1d(np.arange(len(units)), modelled)
    X = X[nonempty]
    X.sort_indices()
    binary = (X > 0).astype(np.float64).tocsc()
    vocab = np.asarray(vectorizer.get_feature_names_out(), dtype=object)
    forms = _most_frequent_forms(table, kept, vocab, by=by)
    options = {"by": by, "drop_stop": drop_stop, "min_chars": min_chars, "min_df": min_df, "max_df": max_df}
    return _Prepared(
        units=units.iloc[modelled].reset_index(drop=True),
        empty_units=units.iloc[empty].drop(columns="n_tokens").reset_index(drop=True),
        vectorizer=vectorizer,
        matrix=X,
        binary=binary,
        forms=forms,
        options=options,
        tokens=table,
        method=method,
        unit=unit,
    )


def _most_frequent_forms(table: pd.DataFrame, kept: _Kept, vocab: np.ndarray, *, by: str) -> np.ndarray:
    """The most frequent lowercase form of each vocabulary term (the term itself unless ``by="stem"``)."""
    if by != "stem" or not len(vocab):
        return vocab.copy()
    lower_codes, lower_cats = term_codes(table, "lower")
    frame = pd.DataFrame({"term": kept.codes[kept.keep], "form": lower_codes[kept.keep]})
    counts = frame.value_counts(sort=False).reset_index(name="n")
    counts = counts.sort_values(["term", "n", "form"], ascending=[True, False, True], kind="stable")
    best = counts.drop_duplicates("term")
    form_of = pd.Series(lower_cats[best["form"].to_numpy()].astype(str), index=kept.cats[best["term"].to_numpy()].astype(str))
    return form_of.reindex(vocab.astype(str)).fillna(pd.Series(vocab, index=vocab.astype(str))).to_numpy(dtype=object)


# ---------------------------------------------------------------------------
# Fitting
# ---------------------------------------------------------------------------


def _check_k(k: int, prepared: _Prepared, *, what: str = "k") -> None:
    n_units, n_terms = prepared.matrix.shape
    if not isinstance(k, (int, np.integer)) or isinstance(k, bool):
        raise TypeError(f"{what} must be an int, not {type(k).__name__}")
    if k < 2:
        raise ValueError(f"{what}={k}: a topic model needs at least 2 topics")
    unit_word = "paragraphs" if "parent_id" in prepared.units.columns else _UNIT_WORDS[prepared.unit]
    if k > n_units:
        raise ValueError(f"{what}={k}: only {n_units} {unit_word} have terms to model, so k can be at most {n_units}")
    if k > n_terms:
        raise ValueError(f"{what}={k}: only {n_terms} terms are left after pruning, so k can be at most {n_terms}")


def _make_model(method: str, k: int, *, random_state: int | None, init: str | None, max_iter: int | None, n_units: int) -> Any:
    from sklearn.decomposition import NMF, LatentDirichletAllocation

    if method == "nmf":
        return NMF(n_components=k, init=init or "nndsvd", random_state=random_state, max_iter=max_iter or 1000)
    if init is not None:
        raise ValueError("init applies to NMF only; LDA starts from a random state set by random_state")
    # batch variational Bayes: deterministic for a random state, and enough passes to settle on small corpora
    return LatentDirichletAllocation(
        n_components=k,
        learning_method="batch",
        max_iter=max_iter or (100 if n_units < 500 else 10),
        random_state=random_state,
    )


def _fit_model(prepared: _Prepared, k: int, *, random_state: int | None, init: str | None, max_iter: int | None) -> tuple[Any, np.ndarray]:
    from sklearn.exceptions import ConvergenceWarning

    model = _make_model(prepared.method, k, random_state=random_state, init=init, max_iter=max_iter, n_units=prepared.matrix.shape[0])
    with warnings.catch_warnings():
        # a capped run that has not fully converged still gives usable topics; the notebook explains max_iter
        warnings.simplefilter("ignore", ConvergenceWarning)
        # NMF's reconstruction error of a near-perfect fit can round to sqrt(-0.0...): harmless
        warnings.filterwarnings("ignore", message="invalid value encountered in sqrt", category=RuntimeWarning)
        scores = model.fit_transform(prepared.matrix)
    return model, scores


def _topic_term_weights(model: Any) -> np.ndarray:
    """Topics x terms, each row divided by its sum (zeros stay zero)."""
    H = np.asarray(model.components_, dtype=np.float64)
    totals = H.sum(axis=1, keepdims=True)
    return np.divide(H, totals, out=np.zeros_like(H), where=totals > 0)


def _top_indices(weights: np.ndarray, n: int, vocab: np.ndarray) -> list[np.ndarray]:
    """Column indices of each topic's ``n`` heaviest terms; ties broken alphabetically (so results repeat).

    NMF's topics are sparse: a term whose weight is 0, or below
    ``_MIN_RELATIVE_WEIGHT`` times the topic's heaviest term (numerical
    dust left by the solver), is not part of the topic, so a topic may have
    fewer than ``n`` terms.
    """
    alphabetical = np.argsort(np.argsort(vocab.astype(str), kind="stable"), kind="stable")
    out = []
    for row in weights:
        order = np.lexsort((alphabetical, -row))[:n]
        floor = row.max(initial=0.0) * _MIN_RELATIVE_WEIGHT
        out.append(order[(row[order] > 0) & (row[order] >= floor)])
    return out


def _doc_topic_frame(units: pd.DataFrame, scores: np.ndarray, method: str) -> pd.DataFrame:
    k = scores.shape[1]
    totals = scores.sum(axis=1, keepdims=True)
    shares = np.divide(scores, totals, out=np.zeros_like(scores), where=totals > 0)
    ids = [c for c in units.columns if c != "n_tokens"]
    out = units[ids].iloc[np.repeat(np.arange(len(units)), k)].reset_index(drop=True)
    out["topic"] = np.tile(np.arange(k), len(units))
    out["weight"] = shares.ravel()
    out["score"] = scores.ravel()
    return out


def _labels(heaviest: list[np.ndarray], forms: np.ndarray, *, n: int = 3) -> pd.Series:
    labels = []
    for topic, row in enumerate(heaviest):
        words = list(dict.fromkeys(str(forms[i]) for i in row))[:n]
        labels.append(f"{topic}: {', '.join(words)}")
    return pd.Series(labels, index=pd.RangeIndex(len(heaviest), name="topic"), name="label")


def fit_topics(
    tokens: object,
    k: int,
    *,
    method: Method = "nmf",
    unit: Unit = "document",
    by: By = "stem",
    drop_stop: bool = True,
    min_df: int | float | None = None,
    max_df: int | float | None = None,
    min_chars: int = 2,
    top: int = 20,
    coherence_top: int = 10,
    random_state: int | None = 0,
    init: str | None = None,
    max_iter: int | None = None,
) -> TopicResult:
    """Fit a topic model with ``k`` topics on the units of a token table.

    Parameters
    ----------
    tokens : DataFrame, corpus, path or list of str
        A token table from :func:`telaah.token_table`, or anything it
        accepts.
    k : int
        The number of topics, from 2 to the number of units.
    method : {"nmf", "lda"}
        ``"nmf"``: scikit-learn's ``NMF`` on the TF-IDF matrix (sublinear
        term frequency, l2-normalised rows), started by NNDSVD, so the result
        does not depend on chance.  ``"lda"``: ``LatentDirichletAllocation``
        (batch variational Bayes) on the counts, started at random.
    unit : {"document", "paragraph", "sentence"}
        What a topic mixture describes, the same units as
        :func:`telaah.theme_scores` (:func:`telaah._columns.unit_columns`):
        each ``doc_id``; each paragraph (``para_id`` within each document;
        the ``doc_id`` of a corpus read with
        ``read_corpus(..., unit="paragraph")``, whose documents already are
        paragraphs); or each sentence (``sent_id`` within each document:
        short units, for short texts).
    by : {"stem", "lower", "token"}
        What counts as one term (stems by default: *ekspor*, *mengekspor*
        and *ekspornya* are one term).
    drop_stop : bool
        Leave stopwords out (the token table's ``is_stop``).
    min_df, max_df : int or float, optional
        Prune terms by the number (int) or share (float) of units they occur
        in; by default the rule of :func:`default_df`.
    min_chars : int
        Leave out terms shorter than this.
    top : int
        Terms per topic kept in ``terms``.
    coherence_top : int
        Terms per topic the NPMI coherence reads (10, as in most studies).
    random_state : int or None
        Fixes the random start: the same inputs and ``random_state`` give the same result.
    init : str, optional
        NMF only: scikit-learn's ``init`` (``"nndsvd"`` by default;
        ``"random"`` makes the random state matter).
    max_iter : int, optional
        Iterations: 1000 for NMF (it stops earlier when it converges); for
        LDA 100 below 500 units and 10 above (scikit-learn's default; each
        pass over 3,000 news articles takes about 1.5 s).

    Returns
    -------
    TopicResult
        See :class:`TopicResult`.

    Raises
    ------
    ValueError
        For ``k < 2``, ``k`` above the number of units or terms, an unknown
        ``method`` or ``unit``, ``top < 1`` or ``coherence_top < 2``, or
        when no term is left to model.

    Notes
    -----
    The coherence is the NPMI of :func:`telaah.topics.npmi_coherence`,
    computed on the modelled units themselves.

    Examples
    --------
    >>> texts = ["Ekspor dan impor naik.", "Tarif impor dan ekspor.", "Rudal dan pasukan.", "Pasukan menembakkan rudal."]
    >>> result = fit_topics(texts, 2)
    >>> sorted(result.labels.str.split(": ").str[1])
    ['ekspor, impor, tarif', 'pasukan, rudal, menembakkan']
    >>> result.doc_topics.groupby("doc_id").weight.sum().round(6).tolist()
    [1.0, 1.0, 1.0, 1.0]
    """
    _check_top(top, "top")
    _check_top(coherence_top, "coherence_top", least=2)
    prepared = _prepare(tokens, method=method, unit=unit, by=by, drop_stop=drop_stop, min_df=min_df, max_df=max_df, min_chars=min_chars)
    _check_k(k, prepared)
    return _result(prepared, k, random_state=random_state, init=init, max_iter=max_iter, top=top, coherence_top=coherence_top)


def _result(
    prepared: _Prepared, k: int, *, random_state: int | None, init: str | None, max_iter: int | None, top: int, coherence_top: int
) -> TopicResult:
    model, scores = _fit_model(prepared, k, random_state=random_state, init=init, max_iter=max_iter)
    vocab = np.asarray(prepared.vectorizer.get_feature_names_out(), dtype=object)
    weights = _topic_term_weights(model)
    heaviest = _top_indices(weights, max(top, coherence_top), vocab)
    shown = [idx[:top] for idx in heaviest]
    flat = np.concatenate(shown).astype(np.int64) if shown else np.zeros(0, np.int64)
    terms = pd.DataFrame(
        {
            "topic": np.repeat(np.arange(k), [len(idx) for idx in shown]),
            "rank": np.concatenate([np.arange(1, len(idx) + 1) for idx in shown]),
            "term": vocab[flat].astype(str),
            "form": prepared.forms[flat].astype(str),
            "weight": np.concatenate([weights[t, idx] for t, idx in enumerate(shown)]),
        }
    )
    coherence = pd.Series(
        npmi_coherence(prepared.binary, [idx[:coherence_top] for idx in heaviest]), index=pd.RangeIndex(k, name="topic"), name="coherence"
    )
    options = dict(
        prepared.options,
        top=top,
        coherence_top=coherence_top,
        random_state=random_state,
        init=init if prepared.method == "lda" else (init or "nndsvd"),
    )
    return TopicResult(
        terms=terms,
        doc_topics=_doc_topic_frame(prepared.units, scores, prepared.method),
        labels=_labels(heaviest, prepared.forms),
        coherence=coherence,
        vectorizer=prepared.vectorizer,
        model=model,
        method=prepared.method,
        k=k,
        unit=prepared.unit,
        units=prepared.units,
        empty_units=prepared.empty_units,
        options=options,
        matrix=prepared.matrix,
        tokens=prepared.tokens,
    )
