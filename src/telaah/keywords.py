"""Keyness: which words are more (or less) frequent in a target text than in a reference.

Two numbers answer two different questions:

* **log-likelihood** ``g2`` (Dunning 1993) and its ``p_value``: how sure can
  we be that the difference is not chance?  It grows with the amount of
  text, so in a large corpus even tiny differences are "significant".
* **log ratio** (Hardie 2014): how big is the difference?  The binary
  logarithm of the ratio of the two relative frequencies: 1 means twice as
  frequent in the target, 3 eight times, -1 half as frequent.  It does not
  depend on the size of the texts.

Report both: a keyword worth talking about has a large effect (``log_ratio``)
*and* enough evidence (``significant``).

The reference is either another part of the same token table (paragraphs
1-7 against 8-14, one outlet against another), or general Indonesian: the
word frequencies of the ``wordfreq`` package (Speer 2022), which pools
Wikipedia, subtitles, news, books and the web.

The options mean the same as everywhere in Telaah (:mod:`telaah._columns`):
``by`` is the term column compared (lowercase forms by default here, the
only terms wordfreq lists; ``by="stem"`` against another part of the table
merges inflections), ``kinds`` the token kinds counted, and ``drop_stop``
(``True`` by default, as everywhere) leaves stopwords out of the result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from telaah._columns import (
    By,
    check_by,
    check_kinds,
    ensure_tokens,
    kind_mask,
    stop_mask,
    term_codes,
)

__all__ = ["keyness", "log_likelihood", "log_ratio", "REFERENCE_SIZE", "ZERO_COUNT"]

#: Notional size, in words, of the general-Indonesian reference built from wordfreq.
REFERENCE_SIZE: float = 1e8
#: Count that replaces a zero count in the log ratio (Hardie 2014).
ZERO_COUNT: float = 0.5


def log_likelihood(a: object, b: object, c: object, d: object) -> np.ndarray:
    """Dunning's log-likelihood G2 of the 2x2 table of a term in two texts.

    Parameters
    ----------
    a, b : array-like
        The term's count in the target and in the reference.
    c, d : array-like
        The sizes (tokens) of the target and of the reference.

    Returns
    -------
    numpy.ndarray
        ``G2 = 2 * sum(O * ln(O / E))`` over the four cells ``a``, ``b``,
        ``c - a``, ``d - b``, with expected counts ``E`` from the margins and
        ``0 * ln 0 = 0``.  Under the null hypothesis (same relative
        frequency) it follows a chi-squared distribution with 1 degree of
        freedom: above 3.84 means p < 0.05, above 10.83 p < 0.001.

    Notes
    -----
    This is the full four-cell G-test.  Rayson and Garside's keyness
    calculator keeps only the first two cells; the two agree closely
    whenever the term is a small share of both texts.

    Examples
    --------
    >>> round(float(log_likelihood(10, 5, 100, 200)), 3)
    7.33
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = c + d
    observed = (a, b, c - a, d - b)
    expected = (c * (a + b) / n, d * (a + b) / n, c * (n - a - b) / n, d * (n - a - b) / n)
    total = np.zeros(np.broadcast(a, b, c, d).shape)
    for o, e in zip(observed, expected, strict=True):
        with np.errstate(divide="ignore", invalid="ignore"):
            total = total + np.where(o > 0, o * np.log(np.where(o > 0, o, 1) / np.where(e > 0, e, 1)), 0.0)
    return 2 * total


def log_ratio(a: object, b: object, c: object, d: object, *, zero: float = ZERO_COUNT) -> np.ndarray:
    """Hardie's log ratio: ``log2((a / c) / (b / d))``, a zero count replaced by ``zero``.

    Examples
    --------
    >>> float(log_ratio(10, 5, 100, 200)), float(log_ratio(4, 0, 100, 100))
    (2.0, 3.0)
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    a = np.where(a > 0, a, zero)
    b = np.where(b > 0, b, zero)
    return np.log2((a / c) / (b / d))


def _part(tokens: pd.DataFrame, spec: object, name: str) -> np.ndarray | None:
    """A boolean row mask from a mask (array or Series) or a ``{column: value(s)}`` spec."""
    if spec is None:
        return None
    if isinstance(spec, Mapping):
        mask = np.ones(len(tokens), dtype=bool)
        for column, values in spec.items():
            if column not in tokens.columns:
                raise ValueError(f"{name}: no column {column!r} in the token table; it has {', '.join(map(str, tokens.columns))}")
            values = list(values) if isinstance(values, (list, tuple, set, frozenset, np.ndarray, pd.Index)) else [values]
            mask &= tokens[column].isin(values).to_numpy(dtype=bool)
        return mask
    if isinstance(spec, str):
        raise ValueError(f"{name}={spec!r}: give a boolean mask, a {{column: value}} dict" + (", or 'wordfreq'" if name == "reference" else ""))
    mask = np.asarray(spec)
    if mask.dtype != bool or mask.shape != (len(tokens),):
        raise ValueError(f"{name}: a mask must be booleans, one per row of the token table ({len(tokens)}); got {mask.dtype} of shape {mask.shape}")
    return mask.copy()


@cache
def _wordfreq_id() -> tuple[dict[str, float], float]:
    """wordfreq's Indonesian frequencies, and the lowest frequency listed."""
    from wordfreq import get_frequency_dict

    freqs = get_frequency_dict("id")
    return freqs, min(freqs.values())


def _general_frequencies(words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Frequency in general Indonesian of each lowercase word, and whether wordfreq knows it."""
    from wordfreq import word_frequency

    freqs, floor = _wordfreq_id()
    out = np.array([freqs.get(w, 0.0) for w in words.tolist()], dtype=float)
    for i in np.flatnonzero(out == 0):
        word = str(words[i])
        if not word.isalpha():  # hyphenated or mixed forms: let wordfreq split and combine them
            out[i] = word_frequency(word, "id")
    known = out > 0
    return np.where(known, out, floor), known


def keyness(
    tokens: object,
    *,
    target: object = None,
    reference: object = None,
    by: By = "lower",
    kinds: Sequence[str] | str | None = ("word",),
    drop_stop: bool = True,
    min_count: int = 1,
    alpha: float = 0.05,
    correction: Literal["bonferroni"] | None = "bonferroni",
    reference_size: float = REFERENCE_SIZE,
) -> pd.DataFrame:
    """Compare term frequencies in a target with a reference: log-likelihood and log ratio.

    Parameters
    ----------
    tokens : DataFrame
        A token table (or a corpus; see :func:`telaah.ensure_tokens`).
    target : mask or dict, optional
        The rows of the target: a boolean mask over the table's rows
        (``tokens.para_id < 7``) or ``{column: value or list of values}``
        (``{"doc_id": "kompas-12"}``).  By default the whole table (with the
        wordfreq reference) or every row not in ``reference``.
    reference : mask, dict or "wordfreq", optional
        The rows of the reference, given as ``target`` is; ``"wordfreq"``
        for general Indonesian; by default every row not in ``target``.
    by : {"lower", "stem", "token"}
        The term column compared, whatever the reference: lowercase forms
        by default.  ``"stem"`` merges inflections (*perdagangan*,
        *berdagang*), but only against another part of the table:
        wordfreq lists forms, not stems, so ``reference="wordfreq"`` needs
        ``by="lower"``.
    kinds : sequence of str, "all" or None
        Token kinds counted (words by default).
    drop_stop : bool
        Leave stopwords out of the result (default; they still count in the
        texts' sizes, and are not tested, so they do not raise the
        Bonferroni divisor).  ``False`` tests them too.
    min_count : int
        Test only terms seen at least this often in target and reference
        together (in the target alone with wordfreq).
    alpha : float
        Significance level.
    correction : {"bonferroni", None}
        With ``"bonferroni"``, a term is significant when its p-value is
        below ``alpha`` divided by the number of terms tested: testing
        hundreds of words at once would otherwise find many by chance.
    reference_size : float
        With ``reference="wordfreq"``: the notional size of general
        Indonesian, in words.  wordfreq gives frequencies, not counts, so
        reference counts are ``frequency * reference_size``.  The default,
        100 million words, is of the order of the text its Indonesian
        estimates come from; since it is many times any text one studies
        closely, G2 hardly depends on it (it is then driven by the target's
        size), while a smaller value would treat the reference as noisier.

    Returns
    -------
    pandas.DataFrame
        One row per term, largest ``g2`` first: ``term``, ``count_target``,
        ``count_reference`` (a real number with wordfreq), ``per_1000_target``,
        ``per_1000_reference``, ``log_ratio`` (positive: more frequent in the
        target), ``g2``, ``p_value`` (chi-squared, 1 degree of freedom),
        ``significant``; with wordfreq also ``in_reference`` (False for
        words that wordfreq does not list: they are given the frequency of
        the rarest listed word, about 1 per million, an upper bound, so that
        names and rare words do not get an inflated keyness).
        ``attrs`` holds ``target_size``, ``reference_size`` and
        ``threshold`` (the p-value below which a term is significant).

    Examples
    --------
    >>> t = ensure_tokens(["Rudal dan rudal. Rudal lagi.", "Dagang dan dagang."])
    >>> k = keyness(t, target={"doc_id": "doc1"})
    >>> k[["term", "count_target", "count_reference"]].values.tolist()
    [['dagang', 0, 2], ['rudal', 3, 0]]
    >>> keyness(t, target={"doc_id": "doc1"}, drop_stop=False).term.tolist()
    ['dagang', 'rudal', 'lagi', 'dan']
    """
    tokens = ensure_tokens(tokens)
    column = _term_column(tokens, by, general=_is_wordfreq(reference))
    _check_test(alpha, correction)
    tmask, rmask = _target_reference(tokens, target, reference, kinds=check_kinds(kinds))
    codes, terms = term_codes(tokens, column)
    count_t = np.bincount(codes[tmask], minlength=len(terms))
    ref = _reference_counts(codes, terms, count_t, rmask, reference_size=reference_size)
    tested = ref.seen >= min_count
    if drop_stop:
        tested &= ~_stop_terms(tokens, codes, len(terms))[ref.rows]
    threshold = alpha / max(int(tested.sum()), 1) if correction == "bonferroni" else alpha
    out = _scores(terms[ref.rows].astype(str), count_t[ref.rows], ref.counts, float(tmask.sum()), ref.size, threshold=threshold)
    if ref.known is not None:
        out["in_reference"] = ref.known
    out = out[tested].sort_values(["g2", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out.attrs.update(target_size=float(tmask.sum()), reference_size=ref.size, threshold=threshold)
    return out


def _is_wordfreq(reference: object) -> bool:
    return isinstance(reference, str) and reference == "wordfreq"


def _term_column(tokens: pd.DataFrame, by: str, *, general: bool) -> str:
    """Validate ``by``: any term column against part of the table, lowercase forms against wordfreq."""
    if general and by != "lower":
        raise ValueError(
            f"by={by!r}: reference='wordfreq' compares lowercase word forms (wordfreq lists "
            "forms such as 'perdagangan', not stems); use by='lower'"
        )
    return check_by(tokens, by)


def _check_test(alpha: float, correction: str | None) -> None:
    if correction not in ("bonferroni", None):
        raise ValueError(f"correction={correction!r}: choose 'bonferroni' or None")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha={alpha}: must be between 0 and 1")


def _target_reference(
    tokens: pd.DataFrame, target: object, reference: object, *, kinds: tuple[str, ...] | None
) -> tuple[np.ndarray, np.ndarray | None]:
    """The target's and the reference's rows (the reference's are None for ``"wordfreq"``), tokens of ``kinds`` only.

    Either side defaults to the rest of the table; with wordfreq the target
    defaults to the whole table.

    Examples
    --------
    >>> t = ensure_tokens(["Satu dua.", "Tiga."])
    >>> [m.tolist() for m in _target_reference(t, {"doc_id": "doc2"}, None, kinds=("word",))]
    [[False, False, False, True, False], [True, True, False, False, False]]
    >>> _target_reference(t, None, "wordfreq", kinds=("word",))[1] is None
    True
    """
    general = _is_wordfreq(reference)
    tmask = _part(tokens, target, "target")
    rmask = None if general else _part(tokens, reference, "reference")
    if tmask is None and rmask is None and not general:
        raise ValueError("keyness needs target=, reference= or both (reference='wordfreq' for general Indonesian)")
    if tmask is None:
        tmask = np.ones(len(tokens), dtype=bool) if general else ~rmask  # type: ignore[operator]
    if rmask is None and not general:
        rmask = ~tmask
    if rmask is not None and (tmask & rmask).any():
        raise ValueError("target and reference overlap: a token cannot be in both")
    in_kind = kind_mask(tokens, kinds)
    tmask &= in_kind
    if not tmask.any():
        raise ValueError("target: no tokens selected")
    if rmask is not None:
        rmask &= in_kind
        if not rmask.any():
            raise ValueError("reference: no tokens selected")
    return tmask, rmask


class _Reference(NamedTuple):
    """The reference side of a keyness table: which terms are compared, and their counts there."""

    rows: np.ndarray  # codes of the terms compared
    counts: np.ndarray  # their counts in the reference (notional, real numbers, with wordfreq)
    size: float  # the reference's size in tokens
    seen: np.ndarray  # the counts ``min_count`` applies to
    known: np.ndarray | None  # with wordfreq: whether it lists the term


def _reference_counts(
    codes: np.ndarray, terms: np.ndarray, count_t: np.ndarray, rmask: np.ndarray | None, *, reference_size: float
) -> _Reference:
    """The reference counts: of the rows ``rmask`` (another part of the table), or of general Indonesian (``rmask`` None).

    Against part of the table every term seen on either side is compared,
    and ``min_count`` applies to both sides together; against wordfreq the
    target's terms are, and it applies to the target alone.

    Examples
    --------
    >>> codes, terms = np.array([0, 1, 1, 2]), np.array(["rudal", "laut", "dagang"])
    >>> ref = _reference_counts(codes, terms, np.array([1, 2, 0]), np.array([False, False, False, True]), reference_size=1e8)
    >>> ref.rows.tolist(), ref.counts.tolist(), ref.size, ref.seen.tolist()
    ([0, 1, 2], [0, 0, 1], 1.0, [1, 2, 1])
    """
    if rmask is None:
        rows = np.flatnonzero(count_t > 0)
        freq, known = _general_frequencies(terms[rows])
        return _Reference(rows, freq * float(reference_size), float(reference_size), count_t[rows], known)
    count_r = np.bincount(codes[rmask], minlength=len(terms))
    rows = np.flatnonzero((count_t > 0) | (count_r > 0))
    return _Reference(rows, count_r[rows], float(rmask.sum()), count_t[rows] + count_r[rows], None)


def _stop_terms(tokens: pd.DataFrame, codes: np.ndarray, vocabulary_size: int) -> np.ndarray:
    """Which terms (codes) are stopwords: those the table marks as a stopword anywhere."""
    stop_terms = np.zeros(vocabulary_size, dtype=bool)
    stop_terms[codes[stop_mask(tokens)]] = True
    return stop_terms


def _scores(terms: np.ndarray, a: np.ndarray, b: np.ndarray, size_t: float, size_r: float, *, threshold: float) -> pd.DataFrame:
    """The keyness table of terms with counts ``a`` (target) and ``b`` (reference), in the order given."""
    from scipy.stats import chi2

    g2 = log_likelihood(a, b, size_t, size_r)
    p = chi2.sf(g2, 1)
    return pd.DataFrame(
        {
            "term": terms,
            "count_target": a,
            "count_reference": b,
            "per_1000_target": a / size_t * 1000,
            "per_1000_reference": b / size_r * 1000,
            "log_ratio": log_ratio(a, b, size_t, size_r),
            "g2": g2,
            "p_value": p,
            "significant": p < threshold,
        }
    )
