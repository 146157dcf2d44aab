"""Actors and themes: who is named where each theme is, and who speaks about it.

:func:`actor_themes` joins :func:`telaah.entities`, :func:`telaah.quotes` and
the theme lexicon.  For each actor (an entity ``key`` with its label) it counts
the theme matches

* where the actor is **named**: in the units (sentences by default) that
  mention it, each unit counted once however often it names the actor;
* and, for speakers, where the actor is **quoted**: in the content of the
  statements :func:`telaah.quotes` gives them (direct and reported), each
  stretch of text counted once when statements overlap (a partial quote inside
  a reported clause).

Rates are per 1,000 word tokens of those units or statements, as in
:func:`telaah.theme_scores`, so an actor named in long sentences is not
favoured over one named in short ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from telaah._columns import RowLocator, check_unit, ensure_tokens, group_ids, kind_mask, per_1000, unit_columns
from telaah.entities import document_texts, entities
from telaah.quotes import quotes
from telaah.table import as_corpus
from telaah.themes import LexiconLike, theme_match_rows

__all__ = ["actor_themes", "ACTOR_THEME_COLUMNS"]

ACTOR_THEME_COLUMNS = ("actor", "label", "basis", "mentions", "units", "theme", "matches", "tokens", "per_1000")


def actor_themes(
    corpus: pd.DataFrame | str | Path | Sequence[str],
    *,
    tokens: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    statements: pd.DataFrame | None = None,
    lexicon: LexiconLike = None,
    unit: Literal["sentence", "paragraph", "document"] = "sentence",
    top: int | None = None,
) -> pd.DataFrame:
    """Theme matches where each actor is named, and in what each speaker is quoted saying.

    Parameters
    ----------
    corpus : DataFrame, path or sequence of str
        The corpus.
    tokens, mentions, statements : DataFrame, optional
        Its token table, :func:`telaah.entities` and :func:`telaah.quotes`
        (found when omitted; pass them when you have them).
    lexicon : DataFrame, path or None
        The theme lexicon; the bundled one when None.
    unit : {"sentence", "paragraph", "document"}
        The context of a mention: the sentence that names the actor (default),
        its paragraph, or its whole document.
    top : int, optional
        Keep the ``top`` actors named most often, and the ``top`` quoted most
        often; all of them by default.

    Returns
    -------
    pandas.DataFrame
        One row per actor, basis and theme: ``actor`` (the entity key; for a
        speaker, the resolved ``speaker``), ``label`` (``PER``, ``ORG``,
        ``LOC``; ``None`` for a speaker the entity finder did not label),
        ``basis`` (``named`` or ``quoted``), ``mentions`` (mentions, or
        statements), ``units`` (distinct units that name it, or statements),
        ``theme``, ``matches``, ``tokens`` (word tokens of those units or
        statements) and ``per_1000``.  Actors come most mentioned (or quoted)
        first, themes in lexicon order.

    Examples
    --------
    >>> text = ("Menteri Pertahanan Sergei Shoigu memimpin latihan militer. "
    ...         "Menteri Perdagangan Budi Santoso membuka pasar ekspor baru. "
    ...         "Budi Santoso mengatakan ekspor gas akan naik tahun ini.")
    >>> table = actor_themes([text])
    >>> table[(table.matches > 0)][["actor", "basis", "theme", "matches"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Budi Santoso', 'named', 'perdagangan', 4], ['Budi Santoso', 'named', 'energi', 1],
     ['Sergei Shoigu', 'named', 'pertahanan', 2],
     ['Budi Santoso', 'quoted', 'perdagangan', 1], ['Budi Santoso', 'quoted', 'energi', 1]]
    """
    check_unit(unit)
    if top is not None and (not isinstance(top, int) or top < 1):
        raise ValueError(f"top must be a positive whole number or None, not {top!r}")
    docs = as_corpus(corpus)
    table = ensure_tokens(docs) if tokens is None else ensure_tokens(tokens)
    document_texts(docs, table)  # refuses a token table of another corpus
    if mentions is None:
        mentions = entities(docs, tokens=table)
    if statements is None:
        statements = quotes(docs, tokens=table, mentions=mentions)
    rows, theme_of_match, themes = theme_match_rows(table, lexicon)
    is_word = kind_mask(table, ("word",)).astype(np.int64)
    locate = RowLocator(table)
    named = _named(table, mentions, locate, rows, theme_of_match, len(themes), is_word, unit, top)
    quoted = _quoted(mentions, statements, locate, rows, theme_of_match, len(themes), is_word, top)
    frames = [f for f in (named, quoted) if f is not None]
    if not frames:
        out = pd.DataFrame({c: pd.Series([], dtype=object) for c in ACTOR_THEME_COLUMNS})
    else:
        base = pd.concat(frames, ignore_index=True)
        k = len(themes)
        out = base.loc[np.repeat(np.arange(len(base)), k), ["actor", "label", "basis", "mentions", "units"]].reset_index(drop=True)
        out["theme"] = pd.Categorical.from_codes(np.tile(np.arange(k), len(base)), categories=themes)
        out["matches"] = np.concatenate(base["counts"].to_list()).astype(np.int64) if len(base) else np.zeros(0, np.int64)
        out["tokens"] = np.repeat(base["tokens"].to_numpy(np.int64), k)
        out["per_1000"] = per_1000(out["matches"].to_numpy(), out["tokens"].to_numpy())
    out["basis"] = pd.Categorical(out["basis"], categories=["named", "quoted"])
    out["theme"] = out["theme"].astype(pd.CategoricalDtype(themes)) if not isinstance(out["theme"].dtype, pd.CategoricalDtype) else out["theme"]
    return out


def _named(
    table: pd.DataFrame, mentions: pd.DataFrame, locate: RowLocator, rows: np.ndarray, theme_of_match: np.ndarray,
    k: int, is_word: np.ndarray, unit: str, top: int | None,
) -> pd.DataFrame | None:
    """Theme counts over the distinct units that name each actor."""
    if mentions.empty:
        return None
    gid, _, first_rows = group_ids(table, unit_columns(table, unit))
    n_units = len(first_rows)
    unit_words = np.bincount(gid, weights=is_word, minlength=n_units).astype(np.int64)
    unit_matches = np.bincount(gid[rows] * k + theme_of_match, minlength=n_units * k).reshape(n_units, k)
    labels = mentions["label"].astype(str).to_numpy(dtype=object)
    actors = pd.MultiIndex.from_arrays([mentions["key"].astype(str), labels])
    actor_code, actor_index = pd.factorize(actors)
    mention_rows = locate.rows(mentions["doc_id"].astype(str).tolist(), mentions["start"].to_numpy(np.int64))
    mention_units = gid[np.minimum(mention_rows, len(gid) - 1)]
    counts = np.bincount(actor_code, minlength=len(actor_index))
    pairs = np.unique(actor_code.astype(np.int64) * n_units + mention_units)
    pair_actor, pair_unit = pairs // n_units, pairs % n_units
    units = np.bincount(pair_actor, minlength=len(actor_index))
    words = np.bincount(pair_actor, weights=unit_words[pair_unit], minlength=len(actor_index)).astype(np.int64)
    matches = np.zeros((len(actor_index), k), dtype=np.int64)
    np.add.at(matches, pair_actor, unit_matches[pair_unit])
    names = np.asarray([a for a, _ in actor_index], dtype=object).astype(str)
    order = np.lexsort((np.asarray([b for _, b in actor_index], dtype=object).astype(str), names, -counts))  # ties: by name, then label
    if top is not None:
        order = order[:top]
    return pd.DataFrame({
        "actor": [actor_index[i][0] for i in order],
        "label": [actor_index[i][1] for i in order],
        "basis": "named",
        "mentions": counts[order],
        "units": units[order],
        "counts": [matches[i] for i in order],
        "tokens": words[order],
    })


def _quoted(
    mentions: pd.DataFrame, statements: pd.DataFrame, locate: RowLocator, rows: np.ndarray, theme_of_match: np.ndarray,
    k: int, is_word: np.ndarray, top: int | None,
) -> pd.DataFrame | None:
    """Theme counts over the text of each speaker's statements, overlaps counted once."""
    said = statements[statements["speaker"].notna()]
    if said.empty:
        return None
    speakers = said["speaker"].astype(str).to_numpy(dtype=object)
    speaker_code, speaker_index = pd.factorize(speakers)
    doc_ids = said["doc_id"].astype(str).tolist()
    first = locate.rows(doc_ids, said["content_start"].to_numpy(np.int64))
    stop = locate.rows(doc_ids, said["content_end"].to_numpy(np.int64))
    # merge each speaker's overlapping stretches of rows
    order = np.lexsort((first, speaker_code))
    spans: list[tuple[int, int, int]] = []
    for i in order:
        s, a, b = int(speaker_code[i]), int(first[i]), int(stop[i])
        if spans and spans[-1][0] == s and a <= spans[-1][2]:
            spans[-1] = (s, spans[-1][1], max(spans[-1][2], b))
        else:
            spans.append((s, a, b))
    span_speaker = np.fromiter((s for s, _, _ in spans), dtype=np.int64, count=len(spans))
    span_first = np.fromiter((a for _, a, _ in spans), dtype=np.int64, count=len(spans))
    span_stop = np.fromiter((b for _, _, b in spans), dtype=np.int64, count=len(spans))
    cumulative = np.concatenate(([0], np.cumsum(is_word)))
    words = np.bincount(span_speaker, weights=cumulative[span_stop] - cumulative[span_first], minlength=len(speaker_index)).astype(np.int64)
    matches = np.zeros((len(speaker_index), k), dtype=np.int64)
    for theme in range(k):
        theme_rows = np.sort(rows[theme_of_match == theme])
        inside = np.searchsorted(theme_rows, span_stop) - np.searchsorted(theme_rows, span_first)
        matches[:, theme] = np.bincount(span_speaker, weights=inside, minlength=len(speaker_index))
    counts = np.bincount(speaker_code, minlength=len(speaker_index))
    label_of = labels_of_keys(label_counts(mentions)) if len(mentions) else {}
    ranked = np.lexsort((speaker_index.astype(str), -counts))
    if top is not None:
        ranked = ranked[:top]
    return pd.DataFrame({
        "actor": [speaker_index[i] for i in ranked],
        "label": [label_of.get(speaker_index[i]) for i in ranked],
        "basis": "quoted",
        "mentions": counts[ranked],
        "units": counts[ranked],
        "counts": [matches[i] for i in ranked],
        "tokens": words[ranked],
    })


def label_counts(mentions: pd.DataFrame) -> pd.Series:
    """Mentions per entity ``key`` and ``label`` (as text), in key order: what :func:`labels_of_keys` decides on."""
    return mentions.groupby([mentions["key"].astype(str), mentions["label"].astype(str)], observed=True).size()


def labels_of_keys(counts: pd.Series) -> dict[str, str]:
    """Each entity key's most frequent label, from :func:`label_counts` (ties: the first label in order).

    A speaker is looked up by it.

    Examples
    --------
    >>> counts = pd.Series([2, 2, 1], index=pd.MultiIndex.from_tuples([("Jepang", "LOC"), ("Jepang", "ORG"), ("Rusia", "LOC")]))
    >>> labels_of_keys(counts)
    {'Jepang': 'LOC', 'Rusia': 'LOC'}
    """
    out: dict[str, str] = {}
    for (key, label), _ in counts.sort_index().sort_values(ascending=False, kind="stable").items():
        out.setdefault(str(key), str(label))
    return out
