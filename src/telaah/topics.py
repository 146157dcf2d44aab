"""Topic models on the token table: NMF and LDA, choosing k, topics read against the themes.

A topic model looks for groups of terms that tend to occur in the same units
(documents or paragraphs) and describes each unit as a mixture of those
groups.  Telaah fits scikit-learn's models on the token table's terms, so the
topics are made of the same stems (or forms) as every other analysis:

:func:`fit_topics`
    One model: NMF (non-negative matrix factorisation of the TF-IDF matrix)
    or LDA (latent Dirichlet allocation on the counts).  Returns a
    :class:`TopicResult` with tidy tables of terms per topic and topics per
    unit, a readable label and an NPMI coherence per topic.
:func:`choose_k`
    Fits every number of topics in ``ks`` with several seeds and reports the
    mean coherence and the stability across seeds, with a recommended ``k``
    and the reason for it.
:func:`topic_themes`
    How much of each topic's weight the theme lexicon of :mod:`telaah.themes`
    recognises.
:func:`topic_prevalence`
    How much of the text each topic takes up along segments: paragraphs,
    documents, dates, sources or any column of the corpus.

Which terms are modelled
------------------------
Word tokens only (``kind == "word"``): no numbers, punctuation, URLs; by
default no stopwords; no term shorter than ``min_chars`` characters (2: keeps
*as* for Amerika Serikat, *uu*, *ri*) and no term without a letter.  Terms
with a digit stay (*f1*, *moto2*, *s8*): in news they name things.

Then terms too rare or too common to tell units apart are pruned by document
frequency, with a rule that adapts to the number of units ``n``:

* ``min_df``: 1 when ``n < 10``, otherwise ``max(2, n // 500)`` units.  A term
  seen in a single unit says nothing about which terms occur *together*.
  (14 paragraphs: 2; 3,463 news articles: 6.)
* ``max_df``: 1.0 when ``n < 10``, otherwise 0.5 (a share of units).  A term
  in more than half of the units (*Jepang* and *Rusia* in an article on Japan
  and Russia; *Indonesia* and *Jakarta* in Indonesian news) describes the whole
  corpus, not a topic.

Both can be given explicitly, as an int (units) or a float (share of units),
exactly as in scikit-learn's vectorizers.  Units left with no term are not
modelled (``TopicResult.empty_units`` lists them).

Coherence and gensim
--------------------
The NPMI coherence (:func:`npmi_coherence`) is gensim's ``c_npmi`` formula,
epsilon included, with co-occurrence counted in whole units instead of
gensim's sliding window of 10 tokens: it equals
``CoherenceModel(topics, texts=unit_term_lists, dictionary, coherence="c_npmi",
window_size=longest_unit, topn=10)``.  gensim is not a dependency; the tests
check the arithmetic against a direct transcription of gensim's formula.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Literal

import numpy as np
import pandas as pd

from telaah.freq import check_by, ensure_tokens, stop_mask, term_codes

__all__ = [
    "METHODS",
    "UNITS",
    "TopicResult",
    "fit_topics",
    "choose_k",
    "topic_themes",
    "topic_prevalence",
    "default_df",
    "npmi_coherence",
    "topic_stability",
]

Method = Literal["nmf", "lda"]
Unit = Literal["document", "paragraph"]

#: Topic models of :func:`fit_topics`.
METHODS: tuple[str, ...] = ("nmf", "lda")
#: Units a topic model describes.
UNITS: tuple[str, ...] = ("document", "paragraph")
#: gensim's ``EPSILON`` in its NPMI (``gensim.topic_coherence.direct_confirmation_measure``).
_EPSILON = 1e-12
#: A term with less than this share of its topic's heaviest term's weight is not one of the topic's terms.
_MIN_RELATIVE_WEIGHT = 1e-3
#: Below this best stability, choose_k warns that no k gives repeatable topics.
_UNSTABLE = 0.5


# ---------------------------------------------------------------------------
# The result
# ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class TopicResult:
    """A fitted topic model and its tidy tables (returned by :func:`fit_topics`).

    Attributes
    ----------
    terms : DataFrame
        The top ``n_terms`` terms of each topic (fewer when a sparse NMF topic
        has fewer terms of non-zero weight): ``topic`` (0, 1, ...), ``rank`` (1 =
        heaviest), ``term``, ``form`` (the term's most frequent lowercase
        form in the corpus: *pertahanan* for the stem ``tahan`` in an article
        on defence) and ``weight`` (the term's share of the topic's total
        term weight; over the whole vocabulary the weights of a topic sum to 1).
    doc_topics : DataFrame
        One row per modelled unit and topic: the unit's id columns
        (``doc_id``, ``parent_id`` for a corpus read by paragraph, ``para_id``
        for ``unit="paragraph"``), ``topic``, ``weight`` (the topic's share of
        the unit: each unit's weights sum to 1) and ``score`` (the model's raw
        value: NMF's unit loading, LDA's topic probability).
    labels : Series
        A short readable label per topic (index ``topic``): its number and
        its three heaviest terms, as forms.
    coherence : Series
        NPMI coherence per topic (index ``topic``), see :func:`npmi_coherence`.
    vectorizer : sklearn TfidfVectorizer (NMF) or CountVectorizer (LDA)
        Fitted with ``analyzer=`` each unit's list of terms from the token table.
    model : sklearn NMF or LatentDirichletAllocation
        The fitted model; ``model.components_`` is topics x terms.
    units : DataFrame
        The modelled units in matrix row order: id columns and ``n_terms``
        (the unit's tokens kept for the model, before pruning by document
        frequency).
    empty_units : DataFrame
        Units that had no term left after filtering and pruning (a byline, a
        ``___`` rule): not modelled.
    options : dict
        The options used, with ``min_df`` and ``max_df`` resolved.
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

    def summary(self, *, n_terms: int = 8) -> pd.DataFrame:
        """One row per topic: ``topic``, ``label``, ``coherence``, ``prevalence`` and ``top_terms``.

        ``prevalence`` is the topic's share of all modelled terms (unit
        weights weighted by the units' lengths); ``top_terms`` its
        ``n_terms`` heaviest terms, joined by spaces.
        """
        top = self.terms[self.terms["rank"] <= n_terms].groupby("topic", sort=True)["term"].agg(" ".join)
        w = self.doc_topics.pivot(index=_row_key(self.doc_topics), columns="topic", values="weight")
        lengths = self.units.set_index(_row_key(self.units))["n_terms"].reindex(w.index).to_numpy(float)
        prevalence = (w.to_numpy(float) * lengths[:, None]).sum(axis=0) / max(lengths.sum(), 1.0)
        topics = np.arange(self.k)
        return pd.DataFrame(
            {
                "topic": topics,
                "label": self.labels.reindex(topics).to_numpy(),
                "coherence": self.coherence.reindex(topics).to_numpy(),
                "prevalence": prevalence,
                "top_terms": top.reindex(topics).fillna("").to_numpy(),
            }
        )

    def transform(self, tokens: object) -> pd.DataFrame:
        """Topic weights of new units (same unit and term options), as a tidy table like ``doc_topics``.

        Terms the model has not seen are ignored; units with no known term
        are left out.
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


def _row_key(frame: pd.DataFrame) -> list[str]:
    return [c for c in ("doc_id", "para_id") if c in frame.columns]


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


def _unit_columns(tokens: pd.DataFrame, unit: str) -> list[str]:
    """The columns that define a unit, which are also the id columns reported for it."""
    if unit not in UNITS:
        raise ValueError(f"unit={unit!r}: choose 'document' or 'paragraph'")
    paragraph_corpus = "parent_id" in tokens.columns
    ids = ["doc_id"] + (["parent_id"] if paragraph_corpus else [])
    if unit == "paragraph" and not paragraph_corpus:
        if "para_id" not in tokens.columns:
            raise ValueError("unit='paragraph' needs the token table's para_id column; build the table with telaah.token_table")
        ids.append("para_id")
    return ids


def _term_ok(terms: np.ndarray, min_chars: int) -> np.ndarray:
    """Which terms may be modelled: at least ``min_chars`` characters and at least one letter."""
    s = pd.Series(terms, dtype=object).astype(str)
    return (s.str.len() >= min_chars).to_numpy() & s.str.contains(r"[^\W\d_]", regex=True).to_numpy()


def _keep_mask(tokens: pd.DataFrame, column: str, *, drop_stop: bool, min_chars: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows whose term is modelled, and the term codes and categories of ``column``."""
    codes, cats = term_codes(tokens, column)
    keep = (tokens["kind"] == "word").to_numpy(dtype=bool, copy=True) if "kind" in tokens.columns else np.ones(len(tokens), bool)
    if drop_stop:
        keep &= ~stop_mask(tokens)
    keep &= _term_ok(cats, min_chars)[codes] if len(cats) else False
    keep &= codes >= 0
    return keep, codes, cats


def _unit_terms(
    tokens: pd.DataFrame, *, unit: str, by: str, drop_stop: bool, min_chars: int
) -> tuple[pd.DataFrame, list[np.ndarray], dict[str, np.ndarray]]:
    """Each unit's list of kept terms, in text order.

    Returns the units (id columns and ``n_terms``) in the order of the list,
    the list, and the arrays ``keep``, ``unit_of_row``, ``codes``, ``cats``
    that :func:`topic_themes` reuses.
    """
    column = check_by(tokens, by)
    if min_chars < 1:
        raise ValueError(f"min_chars={min_chars}: must be at least 1")
    id_cols = _unit_columns(tokens, unit)
    unit_of_row, first_rows = _unit_index(tokens, id_cols)
    units = tokens[id_cols].iloc[first_rows].reset_index(drop=True)
    keep, codes, cats = _keep_mask(tokens, column, drop_stop=drop_stop, min_chars=min_chars)
    kept_units = unit_of_row[keep]
    order = np.argsort(kept_units, kind="stable")
    terms = cats[codes[keep][order]].astype(str).astype(object)
    bounds = np.searchsorted(kept_units[order], np.arange(len(units) + 1))
    docs = [terms[bounds[i] : bounds[i + 1]] for i in range(len(units))]
    for c in id_cols:
        if isinstance(tokens[c].dtype, pd.CategoricalDtype):
            units[c] = units[c].astype(str)
    units["n_terms"] = np.diff(bounds).astype(np.int64)
    return units, docs, {"keep": keep, "unit_of_row": unit_of_row, "codes": codes, "cats": cats}


def _unit_index(tokens: pd.DataFrame, columns: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each row's unit number (units sorted by their keys, as ``groupby`` sorts them) and each unit's first row.

    Works on integer codes (categorical codes, or sorted factorised values),
    which is several times faster than ``groupby().ngroup()`` on a million rows.
    """
    if not len(tokens):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    key = np.zeros(len(tokens), dtype=np.int64)
    for c in columns:
        col = tokens[c]
        if isinstance(col.dtype, pd.CategoricalDtype):
            codes, size = col.cat.codes.to_numpy(np.int64), len(col.cat.categories)
        else:
            codes, uniques = pd.factorize(col, sort=True)
            codes, size = codes.astype(np.int64), len(uniques)
        key = key * max(size, 1) + codes
    _, first_rows, unit_of_row = np.unique(key, return_index=True, return_inverse=True)
    return unit_of_row.astype(np.int64), first_rows.astype(np.int64)


def default_df(n_units: int) -> tuple[int, float]:
    """Telaah's default ``(min_df, max_df)`` for a corpus of ``n_units`` units.

    ``min_df`` is 1 below 10 units, otherwise ``max(2, n_units // 500)``;
    ``max_df`` is 1.0 below 10 units, otherwise 0.5.  See the module
    docstring for why.

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
    """Everything a fit needs that does not depend on k or the seed."""

    units: pd.DataFrame
    empty_units: pd.DataFrame
    vectorizer: Any
    matrix: Any
    binary: Any
    forms: np.ndarray
    options: dict[str, Any]
    tokens: pd.DataFrame
    method: str


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
    units, docs, parts = _unit_terms(table, unit=unit, by=by, drop_stop=drop_stop, min_chars=min_chars)
    has_terms = units["n_terms"].to_numpy() > 0
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
    kept_docs = [d for d, ok in zip(docs, has_terms) if ok]
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
    forms = _most_frequent_forms(table, parts, vocab, by=by)
    options = {"by": by, "drop_stop": drop_stop, "min_chars": min_chars, "min_df": min_df, "max_df": max_df}
    return _Prepared(
        units=units.iloc[modelled].reset_index(drop=True),
        empty_units=units.iloc[empty].drop(columns="n_terms").reset_index(drop=True),
        vectorizer=vectorizer,
        matrix=X,
        binary=binary,
        forms=forms,
        options=options,
        tokens=table,
        method=method,
    )


def _most_frequent_forms(table: pd.DataFrame, parts: dict[str, np.ndarray], vocab: np.ndarray, *, by: str) -> np.ndarray:
    """The most frequent lowercase form of each vocabulary term (the term itself unless ``by="stem"``)."""
    if by != "stem" or not len(vocab):
        return vocab.copy()
    keep, codes, cats = parts["keep"], parts["codes"], parts["cats"]
    lower_codes, lower_cats = term_codes(table, "lower")
    frame = pd.DataFrame({"term": codes[keep], "form": lower_codes[keep]})
    counts = frame.value_counts(sort=False).reset_index(name="n")
    counts = counts.sort_values(["term", "n", "form"], ascending=[True, False, True], kind="stable")
    best = counts.drop_duplicates("term")
    form_of = pd.Series(lower_cats[best["form"].to_numpy()].astype(str), index=cats[best["term"].to_numpy()].astype(str))
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
    unit_word = "paragraphs" if "para_id" in prepared.units.columns or "parent_id" in prepared.units.columns else "documents"
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
    # batch variational Bayes: deterministic for a seed, and enough passes to settle on small corpora
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
    ids = [c for c in units.columns if c != "n_terms"]
    out = units[ids].iloc[np.repeat(np.arange(len(units)), k)].reset_index(drop=True)
    out["topic"] = np.tile(np.arange(k), len(units))
    out["weight"] = shares.ravel()
    out["score"] = scores.ravel()
    return out


def _labels(top: np.ndarray, forms: np.ndarray, *, n: int = 3) -> pd.Series:
    labels = []
    for topic, row in enumerate(top):
        words = list(dict.fromkeys(str(forms[i]) for i in row))[:n]
        labels.append(f"{topic}: {', '.join(words)}")
    return pd.Series(labels, index=pd.RangeIndex(len(top), name="topic"), name="label")


def fit_topics(
    tokens: object,
    k: int,
    *,
    method: Method = "nmf",
    unit: Unit = "document",
    by: Literal["stem", "lower", "token"] = "stem",
    drop_stop: bool = True,
    min_df: int | float | None = None,
    max_df: int | float | None = None,
    min_chars: int = 2,
    n_terms: int = 20,
    top_n: int = 10,
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
    unit : {"document", "paragraph"}
        What a topic mixture describes: each ``doc_id``, or each paragraph
        (``para_id`` within each document; the ``doc_id`` of a corpus read
        with ``read_corpus(..., unit="paragraph")``, whose documents already
        are paragraphs).
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
    n_terms : int
        Terms per topic kept in ``terms``.
    top_n : int
        Terms per topic used for the coherence (10, as in most studies).
    random_state : int or None
        The seed: the same inputs and seed give the same result.
    init : str, optional
        NMF only: scikit-learn's ``init`` (``"nndsvd"`` by default;
        ``"random"`` makes the seed matter).
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
        ``method`` or ``unit``, or when no term is left to model.

    Notes
    -----
    The coherence is the NPMI of :func:`npmi_coherence`, computed on the
    modelled units themselves.

    Examples
    --------
    >>> texts = ["Ekspor dan impor naik.", "Tarif impor dan ekspor.", "Rudal dan pasukan.", "Pasukan menembakkan rudal."]
    >>> result = fit_topics(texts, 2)
    >>> sorted(result.labels.str.split(": ").str[1])
    ['ekspor, impor, tarif', 'pasukan, rudal, menembakkan']
    >>> result.doc_topics.groupby("doc_id").weight.sum().round(6).tolist()
    [1.0, 1.0, 1.0, 1.0]
    """
    prepared = _prepare(tokens, method=method, unit=unit, by=by, drop_stop=drop_stop, min_df=min_df, max_df=max_df, min_chars=min_chars)
    _check_k(k, prepared)
    if n_terms < 1 or top_n < 2:
        raise ValueError(f"n_terms must be at least 1 and top_n at least 2 (got n_terms={n_terms}, top_n={top_n})")
    return _result(prepared, k, random_state=random_state, init=init, max_iter=max_iter, n_terms=n_terms, top_n=top_n, unit=unit)


def _result(prepared: _Prepared, k: int, *, random_state: int | None, init: str | None, max_iter: int | None, n_terms: int, top_n: int, unit: str) -> TopicResult:
    model, scores = _fit_model(prepared, k, random_state=random_state, init=init, max_iter=max_iter)
    vocab = np.asarray(prepared.vectorizer.get_feature_names_out(), dtype=object)
    weights = _topic_term_weights(model)
    top = _top_indices(weights, max(n_terms, top_n), vocab)
    shown = [idx[:n_terms] for idx in top]
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
    coherence = pd.Series(npmi_coherence(prepared.binary, [idx[:top_n] for idx in top]), index=pd.RangeIndex(k, name="topic"), name="coherence")
    options = dict(prepared.options, random_state=random_state, init=init if prepared.method == "lda" else (init or "nndsvd"), top_n=top_n)
    return TopicResult(
        terms=terms,
        doc_topics=_doc_topic_frame(prepared.units, scores, prepared.method),
        labels=_labels(top, prepared.forms),
        coherence=coherence,
        vectorizer=prepared.vectorizer,
        model=model,
        method=prepared.method,
        k=k,
        unit=unit,
        units=prepared.units,
        empty_units=prepared.empty_units,
        options=options,
        matrix=prepared.matrix,
        tokens=prepared.tokens,
    )


# ---------------------------------------------------------------------------
# Coherence and stability
# ---------------------------------------------------------------------------


def npmi_coherence(binary: Any, top: np.ndarray) -> np.ndarray:
    """Mean NPMI of the pairs of each topic's top terms, by co-occurrence in the same unit.

    Parameters
    ----------
    binary : sparse or dense matrix
        Units x terms; non-zero where the term occurs in the unit.
    top : array of int, shape (topics, n), or list of arrays
        Column indices of each topic's top terms (:func:`fit_topics` passes
        the ``top_n`` heaviest terms of positive weight).

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
    """Mean best-match Jaccard similarity of the top terms of topic sets fitted with different seeds.

    For each pair of runs, topics are matched one to one so that the total
    Jaccard similarity of their top-term sets is highest (the Hungarian
    algorithm, ``scipy.optimize.linear_sum_assignment``); the run pair's
    stability is the mean similarity of the matched topics, and the result
    is the mean over all pairs of runs (Greene, O'Callaghan and Cunningham
    2014).  1: every seed finds the same topics; near 0: the topics are
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


def choose_k(
    tokens: object,
    ks: Iterable[int] = range(2, 11),
    *,
    seeds: Sequence[int] = (0, 1, 2),
    method: Method = "nmf",
    unit: Unit = "document",
    by: Literal["stem", "lower", "token"] = "stem",
    drop_stop: bool = True,
    min_df: int | float | None = None,
    max_df: int | float | None = None,
    min_chars: int = 2,
    top_n: int = 10,
    init: str | None = None,
    max_iter: int | None = None,
    tolerance: float = 0.05,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Fit each number of topics with several seeds; report coherence and stability, and recommend a k.

    The units are vectorized once; every ``k`` and seed reuses the matrix.

    Parameters
    ----------
    tokens : DataFrame, corpus, path or list of str
        As for :func:`fit_topics`.
    ks : iterable of int
        The numbers of topics to try (each from 2 to the number of units).
    seeds : sequence of int
        One fit per seed and ``k``; at least two for a stability.
    method, unit, by, drop_stop, min_df, max_df, min_chars, top_n, max_iter
        As for :func:`fit_topics`.
    init : str, optional
        NMF only.  By default ``"random"`` here, not NNDSVD: NNDSVD starts
        every seed at the same point, which would make any k look perfectly
        stable.
    tolerance : float
        ks whose stability is within this of the best stability count as
        equally stable (three seeds give only a rough estimate).
    n_jobs : int, optional
        Fit in parallel threads (None: one per core, at most 4; 1: none).

    Returns
    -------
    pandas.DataFrame
        One row per k: ``k``, ``coherence`` (mean NPMI over topics and seeds,
        see :func:`npmi_coherence`), ``coherence_sd`` (its spread across
        seeds), ``stability`` (see :func:`topic_stability`), ``candidate``
        (stability within ``tolerance`` of the best) and ``recommended`` (True for one
        row).  ``df.attrs["recommended"]`` holds that k and
        ``df.attrs["reason"]`` says why.

    Notes
    -----
    The rule: first stability, then coherence.  The candidates are the ks
    whose stability is within ``tolerance`` of the best; the recommended k
    is the candidate with the highest mean coherence (ties: the smaller k).
    Stability comes first because a k whose topics change with the seed
    describes the starting point rather than the corpus (Greene,
    O'Callaghan and Cunningham 2014); coherence then prefers the k whose
    topics' top terms really share units.  With one seed, coherence alone
    decides.
    Coherence says whether a topic's top terms really occur together;
    stability whether the topics are a property of the corpus rather than of
    the seed.  Read the table, not just the recommendation: neighbouring ks
    often describe the corpus equally well at different levels of detail.

    Examples
    --------
    >>> texts = ["Ekspor dan impor naik.", "Tarif impor dan ekspor.", "Rudal dan pasukan.", "Pasukan menembakkan rudal."]
    >>> table = choose_k(texts, ks=[2, 3])
    >>> table[["k", "recommended"]].values.tolist()
    [[2, True], [3, False]]
    """
    ks = sorted({int(k) for k in ks})
    if not ks:
        raise ValueError("ks is empty: give the numbers of topics to try, e.g. range(2, 11)")
    seeds = list(seeds)
    if not seeds:
        raise ValueError("seeds is empty: give at least one seed, and two or more for a stability")
    if len(set(seeds)) != len(seeds):
        raise ValueError(f"seeds {seeds}: each seed must be different")
    prepared = _prepare(tokens, method=method, unit=unit, by=by, drop_stop=drop_stop, min_df=min_df, max_df=max_df, min_chars=min_chars)
    for k in ks:
        _check_k(k, prepared, what="ks: k")
    if method == "nmf" and init is None:
        init = "random"
    vocab = np.asarray(prepared.vectorizer.get_feature_names_out(), dtype=object)

    def fit_one(job: tuple[int, int]) -> tuple[np.ndarray, float]:
        k, seed = job
        model, _ = _fit_model(prepared, k, random_state=seed, init=init, max_iter=max_iter)
        top = _top_indices(_topic_term_weights(model), top_n, vocab)
        return top, float(np.nanmean(npmi_coherence(prepared.binary, top)))

    jobs = [(k, s) for k in ks for s in seeds]
    workers = min(4, _cores()) if n_jobs is None else max(1, n_jobs)
    if workers > 1 and len(jobs) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            fitted = list(pool.map(fit_one, jobs))
    else:
        fitted = [fit_one(job) for job in jobs]

    rows = []
    for i, k in enumerate(ks):
        runs = fitted[i * len(seeds) : (i + 1) * len(seeds)]
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
    table["candidate"] = table["stability"] >= table["stability"].max() - tolerance if len(seeds) > 1 else True
    best, reason = _recommend(table, tolerance=tolerance, n_seeds=len(seeds))
    table["recommended"] = table["k"] == best
    table.attrs.update({"recommended": best, "reason": reason, "method": method, "unit": unit, "seeds": tuple(seeds)})
    return table


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _recommend(table: pd.DataFrame, *, tolerance: float, n_seeds: int) -> tuple[int, str]:
    """The recommended k and a sentence that says why (see :func:`choose_k`'s Notes)."""
    coherence = table["coherence"].round(6)
    if n_seeds < 2:
        best = int(table.loc[coherence.idxmax(), "k"])
        return best, f"k={best} has the highest mean coherence ({table.set_index('k').loc[best, 'coherence']:.3f}); with one seed the stability is unknown"
    top = float(table["stability"].max())
    candidates = table[table["candidate"]]
    row = candidates.loc[candidates["coherence"].round(6).idxmax()]
    best = int(row["k"])
    ks = ", ".join(str(int(k)) for k in candidates["k"])
    if len(candidates) == 1:
        reason = f"k={best}: the most stable k across {n_seeds} seeds (stability {top:.2f}); its mean coherence is {row['coherence']:.3f}"
    else:
        reason = (
            f"k={best}: among the most stable ks across {n_seeds} seeds (stability within {tolerance} of the best, {top:.2f}: k={ks}), "
            f"the one with the highest mean coherence ({row['coherence']:.3f})"
        )
    if top < _UNSTABLE:
        reason += f". No k is stable (best stability {top:.2f} < {_UNSTABLE}): the topics change with the seed, so treat them as tentative"
    rest = table[~table["candidate"]]
    if len(rest):
        second = rest.loc[rest["stability"].round(6).idxmax()]
        reason += f". Next most stable: k={int(second['k'])} (stability {second['stability']:.2f}, coherence {second['coherence']:.3f})"
    return best, reason


# ---------------------------------------------------------------------------
# Reading topics: themes and prevalence
# ---------------------------------------------------------------------------


def topic_themes(result: TopicResult, lexicon: Any = None, *, top_n: int | None = 20) -> pd.DataFrame:
    """How strongly each topic aligns with each theme of a theme lexicon.

    Parameters
    ----------
    result : TopicResult
        From :func:`fit_topics`.
    lexicon : DataFrame, path or None
        A theme lexicon (see :func:`telaah.load_lexicon`); the bundled one
        when None.
    top_n : int or None
        Read each topic's ``top_n`` heaviest terms (None: its whole
        vocabulary).

    Returns
    -------
    pandas.DataFrame
        One row per topic and theme: ``topic``, ``label``, ``theme``
        (categorical, in lexicon order), ``share`` (the share of the
        topic's top-term weight that the theme's lexicon matches, 0 to 1)
        and ``matched`` (those terms, heaviest first, as forms).

    Notes
    -----
    The lexicon is applied to the modelled tokens with
    :func:`telaah.theme_matches`, so every entry keeps its meaning (stem,
    exact form, phrase) and its counting rule.  A term then counts for a
    theme in proportion to how many of its tokens the theme matched: with
    stems, *pertahanan* (a ``form`` entry of *pertahanan*) and *menahan*
    both have the term ``tahan``, so ``tahan`` counts for *pertahanan* only
    as far as its tokens are *pertahanan*; the word *laut* counts for
    *pertahanan* as far as it occurs in *angkatan laut*.

    Examples
    --------
    >>> texts = ["Ekspor dan impor naik.", "Tarif impor dan ekspor.", "Rudal dan pasukan.", "Pasukan menembakkan rudal."]
    >>> aligned = topic_themes(fit_topics(texts, 2))
    >>> best = aligned.loc[aligned.groupby("topic").share.idxmax()]
    >>> sorted(best.theme.astype(str))
    ['perdagangan', 'pertahanan']
    """
    from telaah.themes import extend_lexicon, load_lexicon, theme_matches

    if not isinstance(result, TopicResult):
        raise TypeError(f"expected a TopicResult from telaah.fit_topics, not {type(result).__name__}")
    # a table is checked and normalised (lowercase themes and terms) as a lexicon file would be
    lex = extend_lexicon(lexicon, []) if isinstance(lexicon, pd.DataFrame) else load_lexicon(lexicon)
    themes = list(dict.fromkeys(lex["theme"].astype(str)))
    table = result.tokens
    _, _, parts = _unit_terms(table, unit=result.unit, by=result.options["by"], drop_stop=result.options["drop_stop"], min_chars=result.options["min_chars"])
    vocab = result.vocabulary
    column_of = pd.Series(np.arange(len(vocab)), index=vocab.astype(str))
    keep, codes, cats = parts["keep"], parts["codes"], parts["cats"]
    term_col = np.full(len(cats), -1, dtype=np.int64)
    known = column_of.reindex(cats.astype(str))
    term_col[known.notna().to_numpy()] = known.dropna().to_numpy(np.int64)
    row_col = np.where(keep, term_col[codes], -1)

    # which rows each theme matched (every token of a phrase match)
    matches = theme_matches(table, lex)
    positions = pd.DataFrame({"doc_id": table["doc_id"].astype(str).to_numpy(), "token_id": table["token_id"].to_numpy(np.int64), "row": np.arange(len(table))})
    expanded = matches.loc[matches.index.repeat(matches["n_tokens"]), ["doc_id", "token_id", "theme"]].copy()
    expanded["token_id"] = expanded["token_id"].to_numpy(np.int64) + expanded.groupby(level=0).cumcount().to_numpy()
    expanded["doc_id"] = expanded["doc_id"].astype(str)
    expanded = expanded.merge(positions, on=["doc_id", "token_id"], how="inner").drop_duplicates(["row", "theme"])
    n_vocab, n_themes = len(vocab), len(themes)
    total = np.bincount(row_col[row_col >= 0], minlength=n_vocab).astype(float)
    hit_cols = row_col[expanded["row"].to_numpy()]
    hit_themes = pd.Categorical(expanded["theme"].astype(str), categories=themes).codes
    ok = hit_cols >= 0
    hits = np.bincount(hit_cols[ok] * n_themes + hit_themes[ok], minlength=n_vocab * n_themes).reshape(n_vocab, n_themes)
    fraction = np.divide(hits, total[:, None], out=np.zeros((n_vocab, n_themes)), where=total[:, None] > 0)

    weights = _topic_term_weights(result.model)
    n = weights.shape[1] if top_n is None else min(top_n, weights.shape[1])
    top = _top_indices(weights, n, vocab)
    forms = dict(zip(result.terms["term"], result.terms["form"]))
    rows = []
    for topic, idx in enumerate(top):
        w = weights[topic, idx]
        denominator = w.sum()
        for h, theme in enumerate(themes):
            contribution = w * fraction[idx, h]
            order = np.flatnonzero(contribution > 0)
            order = order[np.argsort(-contribution[order], kind="stable")]
            rows.append(
                {
                    "topic": topic,
                    "label": result.labels[topic],
                    "theme": theme,
                    "share": float(contribution.sum() / denominator) if denominator > 0 else 0.0,
                    "matched": ", ".join(forms.get(str(vocab[idx[i]]), str(vocab[idx[i]])) for i in order),
                }
            )
    out = pd.DataFrame(rows, columns=["topic", "label", "theme", "share", "matched"])
    out["theme"] = pd.Categorical(out["theme"], categories=themes)
    return out


def topic_prevalence(result: TopicResult, data: object = None, *, by: str | Sequence[str] = "para_id", weighted: bool = True) -> pd.DataFrame:
    """How much of each segment each topic takes up: topics along paragraphs, dates, sources ...

    Parameters
    ----------
    result : TopicResult
        From :func:`fit_topics`.
    data : DataFrame, optional
        Where the ``by`` column lives when ``doc_topics`` does not hold it: a
        corpus table from :func:`telaah.read_corpus` (e.g. its ``date`` or
        ``source``) or a token table (e.g. ``parent_id``), joined on
        ``doc_id``; each document must have one value.
    by : str or list of str
        The segments: ``"para_id"`` (paragraphs, in order; needs
        ``unit="paragraph"``), ``"doc_id"``, or any column of ``data``.
    weighted : bool
        Weigh each unit by its number of modelled terms, so the prevalence is
        the topic's share of the segment's text; False: every unit counts
        the same.

    Returns
    -------
    pandas.DataFrame
        One row per segment and topic: the ``by`` columns, ``topic``,
        ``label``, ``prevalence`` (the weights of a segment sum to 1) and
        ``units`` (modelled units in the segment), in segment order.

    Examples
    --------
    >>> texts = ["Ekspor dan impor naik.\\n\\nRudal dan pasukan.", "Tarif impor dan ekspor.\\n\\nPasukan menembakkan rudal."]
    >>> result = fit_topics(texts, 2, unit="paragraph")
    >>> prevalence = topic_prevalence(result, by="para_id")
    >>> prevalence.groupby("para_id").prevalence.sum().round(6).tolist()
    [1.0, 1.0]
    """
    if not isinstance(result, TopicResult):
        raise TypeError(f"expected a TopicResult from telaah.fit_topics, not {type(result).__name__}")
    by_cols = [by] if isinstance(by, str) else list(by)
    frame = result.doc_topics.merge(result.units, on=[c for c in result.units.columns if c != "n_terms"], how="left")
    missing = [c for c in by_cols if c not in frame.columns]
    if missing:
        if data is None:
            hint = " (fit with unit='paragraph' for para_id)" if "para_id" in missing else ""
            raise ValueError(
                f"by: column(s) {', '.join(missing)} are not in the result's units ({', '.join(c for c in result.units.columns if c != 'n_terms')}){hint}; "
                "pass the corpus or token table that holds them as data"
            )
        frame = _join_segments(frame, data, missing)
    weight = frame["n_terms"].to_numpy(float) if weighted else np.ones(len(frame))
    frame = frame.assign(_w=frame["weight"].to_numpy(float) * weight, _n=weight)
    grouped = frame.groupby([*by_cols, "topic"], observed=True, sort=True, dropna=False)
    out = grouped.agg(_w=("_w", "sum"), units=("_w", "size")).reset_index()
    totals = frame.groupby(by_cols, observed=True, sort=True, dropna=False)["_n"].sum() / result.k
    out = out.merge(totals.rename("_total").reset_index(), on=by_cols, how="left")
    out["prevalence"] = np.divide(out["_w"], out["_total"], out=np.zeros(len(out)), where=out["_total"].to_numpy() > 0)
    out["label"] = result.labels.reindex(out["topic"]).to_numpy()
    return out[[*by_cols, "topic", "label", "prevalence", "units"]]


def _join_segments(frame: pd.DataFrame, data: object, columns: list[str]) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame) or "doc_id" not in data.columns:
        raise ValueError("data must be a corpus table or token table with a doc_id column")
    absent = [c for c in columns if c not in data.columns]
    if absent:
        raise ValueError(f"by: no column(s) {', '.join(absent)} in data; it has {', '.join(map(str, data.columns))}")
    values = data[["doc_id", *columns]].drop_duplicates()
    values = values.assign(doc_id=values["doc_id"].astype(str))
    if values["doc_id"].duplicated().any():
        raise ValueError(f"by: column(s) {', '.join(columns)} take several values within one document; segments must be whole documents")
    return frame.merge(values, on="doc_id", how="left")
