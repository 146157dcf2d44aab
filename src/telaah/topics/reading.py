"""Reading a fitted topic model: topics against the theme lexicon, topics along segments of the corpus."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from telaah._columns import group_ids
from telaah.topics.model import TopicResult, _check_top, _token_columns, _top_indices, _topic_term_weights

__all__ = ["topic_themes", "topic_prevalence"]


def _check_result(result: object) -> TopicResult:
    if not isinstance(result, TopicResult):
        raise TypeError(f"expected a TopicResult from telaah.fit_topics, not {type(result).__name__}")
    return result


def topic_themes(result: TopicResult, lexicon: Any = None, *, top: int | None = 20) -> pd.DataFrame:
    """How strongly each topic aligns with each theme of a theme lexicon.

    Parameters
    ----------
    result : TopicResult
        From :func:`telaah.fit_topics`.
    lexicon : DataFrame, path or None
        A theme lexicon (see :func:`telaah.load_lexicon`); the bundled one
        when None.
    top : int or None
        Read each topic's ``top`` heaviest terms (None: its whole
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
    The lexicon is applied to the tokens the model was fitted on with
    :func:`telaah.themes.theme_tokens`, so every entry keeps its meaning
    (stem, exact form, phrase) and its counting rule.  A term then counts
    for a theme in proportion to how many of its modelled tokens the theme
    matched: with stems, *pertahanan* (a ``form`` entry of *pertahanan*) and
    *menahan* both have the term ``tahan``, so ``tahan`` counts for
    *pertahanan* only as far as its tokens are *pertahanan*; the word *laut*
    counts for *pertahanan* as far as it occurs in *angkatan laut*.  Which
    tokens were modelled, and as which term, is read from the result (its
    tokens, vocabulary and options).

    Examples
    --------
    >>> from telaah.topics import fit_topics
    >>> texts = ["Ekspor dan impor naik.", "Tarif impor dan ekspor.", "Rudal dan pasukan.", "Pasukan menembakkan rudal."]
    >>> aligned = topic_themes(fit_topics(texts, 2))
    >>> best = aligned.loc[aligned.groupby("topic").share.idxmax()]
    >>> sorted(best.theme.astype(str))
    ['perdagangan', 'pertahanan']
    """
    from telaah.themes import extend_lexicon, load_lexicon, theme_tokens

    result = _check_result(result)
    if top is not None:
        _check_top(top, "top")
    # a table is checked and normalised (lowercase themes and terms) as a lexicon file would be
    lex = extend_lexicon(lexicon, []) if isinstance(lexicon, pd.DataFrame) else load_lexicon(lexicon)
    fraction, themes = _theme_fractions(result, theme_tokens(result.tokens, lex))

    vocab = result.vocabulary
    weights = _topic_term_weights(result.model)
    n = weights.shape[1] if top is None else min(top, weights.shape[1])
    heaviest = _top_indices(weights, n, vocab)
    forms = dict(zip(result.terms["term"], result.terms["form"], strict=True))
    rows = []
    for topic, idx in enumerate(heaviest):
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


def _theme_fractions(result: TopicResult, covered: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """Terms x themes: the share of each vocabulary term's modelled tokens that each theme matched.

    ``covered`` is :func:`telaah.themes.theme_tokens` of ``result.tokens``
    (one row per token and theme, each token at most once per theme).
    """
    themes = [str(t) for t in covered["theme"].cat.categories]
    column = _token_columns(result)
    n_vocab, n_themes = len(result.vocabulary), len(themes)
    total = np.bincount(column[column >= 0], minlength=n_vocab).astype(float)
    hit_columns = column[covered["row"].to_numpy(np.int64)]
    hit_themes = covered["theme"].cat.codes.to_numpy(np.int64)
    ok = hit_columns >= 0
    hits = np.bincount(hit_columns[ok] * n_themes + hit_themes[ok], minlength=n_vocab * n_themes).reshape(n_vocab, n_themes)
    fraction = np.divide(hits, total[:, None], out=np.zeros((n_vocab, n_themes)), where=total[:, None] > 0)
    return fraction, themes


def topic_prevalence(
    result: TopicResult,
    data: object = None,
    *,
    groupby: str | Sequence[str] = "para_id",
    weighted: bool = True,
) -> pd.DataFrame:
    """How much of each segment each topic takes up: topics along paragraphs, dates, sources ...

    Parameters
    ----------
    result : TopicResult
        From :func:`telaah.fit_topics`.
    data : DataFrame, optional
        Where the ``groupby`` columns live when the result's units do not
        hold them: a corpus table from :func:`telaah.read_corpus` (e.g. its
        ``date`` or ``source``) or a token table, joined on ``doc_id``; each
        document must have one value.
    groupby : str or list of str
        The segments: ``"para_id"`` (paragraphs, in order; needs
        ``unit="paragraph"``), ``"doc_id"``, ``["doc_id", "para_id"]``, or
        any column of ``data``.
    weighted : bool
        Weigh each unit by its number of modelled tokens (``n_tokens``), so
        the prevalence is the topic's share of the segment's text; False:
        every unit counts the same.

    Returns
    -------
    pandas.DataFrame
        One row per segment and topic: the ``groupby`` columns, ``topic``,
        ``label``, ``prevalence`` (the weights of a segment sum to 1) and
        ``units`` (modelled units in the segment).  Segments are in the
        order of their keys (``doc_id`` and ``parent_id`` in corpus order,
        other columns sorted; a missing value is a segment of its own, last),
        numbered by :func:`telaah._columns.group_ids`.

    Raises
    ------
    ValueError
        For an empty ``groupby``, a column neither the units nor ``data``
        have, or a ``data`` column with several values in one document.

    Examples
    --------
    >>> from telaah.topics import fit_topics
    >>> texts = ["Ekspor dan impor naik.\\n\\nRudal dan pasukan.", "Tarif impor dan ekspor.\\n\\nPasukan menembakkan rudal."]
    >>> result = fit_topics(texts, 2, unit="paragraph")
    >>> prevalence = topic_prevalence(result, groupby="para_id")
    >>> prevalence.groupby("para_id").prevalence.sum().round(6).tolist()
    [1.0, 1.0]
    >>> topic_prevalence(result, groupby=["doc_id", "para_id"])[["doc_id", "para_id"]].drop_duplicates().values.tolist()
    [['doc1', 0], ['doc1', 1], ['doc2', 0], ['doc2', 1]]
    """
    result = _check_result(result)
    cols = [groupby] if isinstance(groupby, str) else list(groupby)
    if not cols:
        raise ValueError("groupby=[]: give the column(s) that define the segments, e.g. groupby='doc_id' or groupby='para_id'")
    segments = _segments(result, data, cols)
    gid, _, first_rows = group_ids(_in_corpus_order(segments, result.tokens, cols), cols)
    n_units, k, n_groups = len(segments), result.k, len(first_rows)
    weights = result.doc_topics["weight"].to_numpy(float).reshape(n_units, k)  # units x topics, in units order
    length = segments["n_tokens"].to_numpy(float) if weighted else np.ones(n_units)
    cells = (gid[:, None] * k + np.arange(k)).ravel()
    summed = np.bincount(cells, weights=(weights * length[:, None]).ravel(), minlength=n_groups * k).reshape(n_groups, k)
    totals = np.bincount(gid, weights=length, minlength=n_groups)
    prevalence = np.divide(summed, totals[:, None], out=np.zeros_like(summed), where=totals[:, None] > 0)
    out = segments[cols].iloc[np.repeat(first_rows, k)].reset_index(drop=True)
    out["topic"] = np.tile(np.arange(k), n_groups)
    out["label"] = result.labels.reindex(out["topic"]).to_numpy()
    out["prevalence"] = prevalence.ravel()
    out["units"] = np.repeat(np.bincount(gid, minlength=n_groups), k).astype(np.int64)
    return out


def _segments(result: TopicResult, data: object, cols: list[str]) -> pd.DataFrame:
    """The result's units (in doc_topics order) with the ``groupby`` columns, joined from ``data`` when needed."""
    units = result.units
    ids = [c for c in units.columns if c != "n_tokens"]
    if len(result.doc_topics) != len(units) * result.k:
        raise ValueError("result.doc_topics does not have one row per unit and topic: pass the TopicResult as fit_topics returned it")
    missing = [c for c in cols if c not in units.columns]
    if not missing:
        return units
    if data is None:
        hint = " (fit with unit='paragraph' for para_id)" if "para_id" in missing else ""
        raise ValueError(
            f"groupby: column(s) {', '.join(missing)} are not in the result's units ({', '.join(ids)}){hint}; "
            "pass the corpus or token table that holds them as data"
        )
    return _join_segments(units, data, missing)


def _join_segments(frame: pd.DataFrame, data: object, columns: list[str]) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame) or "doc_id" not in data.columns:
        raise ValueError("data must be a corpus table or token table with a doc_id column")
    absent = [c for c in columns if c not in data.columns]
    if absent:
        raise ValueError(f"groupby: no column(s) {', '.join(absent)} in data; it has {', '.join(map(str, data.columns))}")
    values = data[["doc_id", *columns]].drop_duplicates()
    values = values.assign(doc_id=values["doc_id"].astype(str))
    if values["doc_id"].duplicated().any():
        raise ValueError(
            f"groupby: column(s) {', '.join(columns)} take several values within one document; segments must be whole documents"
        )
    return frame.merge(values, on="doc_id", how="left")


def _in_corpus_order(segments: pd.DataFrame, tokens: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    """The ``groupby`` columns, with ``doc_id`` and ``parent_id`` made categories of the token table's (corpus) order."""
    ordered = segments[cols].copy()
    for c in cols:
        if c in ("doc_id", "parent_id") and c in tokens.columns and isinstance(tokens[c].dtype, pd.CategoricalDtype):
            ordered[c] = pd.Categorical(ordered[c].astype(str), categories=tokens[c].cat.categories.astype(str))
    return ordered
