"""Theme lexicons: which themes a text talks about, where, and why.

A theme lexicon is data: a CSV file with one row per entry (``theme``,
``term``, ``match``, ``note``); the bundled one is
``data/lexicons/themes.csv`` (six themes of international and national news:
*pertahanan*, *wilayah*, *perdagangan*, *energi*, *diplomasi*, *keamanan*).
Each entry says how it matches a token table (see
``data/lexicons/README.md``):

``stem``
    The term is a stem as Telaah's stemmer produces it; every word token with
    that stem matches (``dagang``: *perdagangan*, *berdagang*, *pedagang*).
``form``
    The exact lowercase word, alone or with enclitics attached
    (``pertahanan``: *pertahanan*, *Pertahanan*, *pertahanannya*; not
    *menahan*, which shares the stem *tahan*).  The enclitics are listed in
    ``data/id/clitics.csv``.
``phrase``
    Two or more consecutive word tokens of one sentence; each word of the
    phrase matches a token with the same stem or the same form (with
    enclitics), so ``perjanjian damai`` also matches *perjanjian perdamaian*
    and ``kerja sama`` matches *bekerja sama*.

Counting rule: within one theme a token counts at most once.  A phrase wins
over the single words inside it (*latihan militer* is one match, not a phrase
plus *militer*), a longer phrase over a shorter overlapping one, then the
earlier one; for single words a ``form`` entry wins over a ``stem`` entry,
then the entry listed first.  Themes are scored independently: *gencatan
senjata* counts once for *diplomasi* and its word *senjata* once for
*pertahanan*.

:func:`theme_matches` lists every match (the explanation of a score),
:func:`theme_tokens` every token a match covers (what :func:`telaah.word_profile`
and :func:`telaah.topic_themes` read), :func:`theme_scores` counts matches per
document, paragraph or sentence (zero rows included),
:func:`theme_cooccurrence` says which themes share units, and
:func:`lexicon_coverage` which entries never matched.  The units are those of
:func:`telaah.fit_topics`, defined once by :func:`telaah._columns.unit_columns`.
Everything is vectorised over the token table's categorical codes: no Python
loop over tokens.
"""

from __future__ import annotations

import csv
import warnings
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from telaah._columns import (
    Unit,
    ensure_tokens,
    group_columns,
    group_documents,
    group_ids,
    kind_mask,
    per_1000,
    period_cells,
    term_codes,
    unit_columns,
)
from telaah.lang_id import clitics
from telaah.resources import data_path
from telaah.stemmer import default_stemmer

__all__ = [
    "MATCH_TYPES",
    "LEXICON_COLUMNS",
    "LexiconWarning",
    "default_lexicon_path",
    "load_lexicon",
    "extend_lexicon",
    "theme_matches",
    "theme_tokens",
    "theme_match_rows",
    "theme_scores",
    "theme_trends",
    "theme_cooccurrence",
    "lexicon_coverage",
]

#: How a lexicon entry matches, from most to least specific.
MATCH_TYPES: tuple[str, ...] = ("phrase", "form", "stem")
#: Columns of a lexicon table, in order.
LEXICON_COLUMNS: tuple[str, ...] = ("theme", "term", "match", "note")

LexiconLike = pd.DataFrame | str | Path | None


class LexiconWarning(UserWarning):
    """A lexicon entry that is well formed but cannot match what it seems to (e.g. a ``stem`` that is no stem)."""


# --- lexicons -----------------------------------------------------------------


def default_lexicon_path() -> Path:
    """Return the path of the bundled theme lexicon, ``data/lexicons/themes.csv``.

    Examples
    --------
    >>> default_lexicon_path().name
    'themes.csv'
    """
    return data_path("lexicons", "themes.csv")


def load_lexicon(path: str | Path | None = None) -> pd.DataFrame:
    """Read and check a theme lexicon file.

    Parameters
    ----------
    path : str or Path, optional
        A CSV file (UTF-8, header row ``theme,term,match,note``; ``note`` may
        be left out; lines starting with ``#`` are comments).  The bundled
        lexicon when omitted.

    Returns
    -------
    pandas.DataFrame
        Columns ``theme``, ``term``, ``match``, ``note``, one row per entry in
        file order; themes and terms lowercased, runs of spaces collapsed.

    Raises
    ------
    ValueError
        For a missing column, an empty theme or term, an unknown ``match``, a
        ``stem``/``form`` term of several words, a one-word ``phrase`` or a
        duplicate entry; the message names the file and the line.

    Warns
    -----
    LexiconWarning
        For a ``stem`` entry that Telaah's stemmer would reduce further (such
        as ``perdagangan``, whose stem is ``dagang``): it would match nothing.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex.query("term == 'pertahanan'")[["theme", "term", "match"]].values.tolist()
    [['pertahanan', 'pertahanan', 'form']]
    """
    if path is None:
        return _bundled_lexicon().copy()
    return _load_file(Path(path))


@cache
def _bundled_lexicon() -> pd.DataFrame:
    return _load_file(default_lexicon_path())


def _load_file(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such lexicon file")
    numbered = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for lineno, line in enumerate(handle, start=1):
            if line.strip() and not line.lstrip().startswith("#"):
                numbered.append((lineno, line))
    if not numbered:
        raise ValueError(f"{path}: empty lexicon: expected a header row theme,term,match,note")
    head_line, head = numbered[0]
    header = [h.strip().lower() for h in next(csv.reader([head]))]
    missing = [c for c in ("theme", "term", "match") if c not in header]
    if missing:
        raise ValueError(
            f"{path}, line {head_line}: the header lacks column(s) {', '.join(missing)}; "
            f"it has {', '.join(header)}. Expected theme,term,match,note."
        )
    rows: list[tuple[str, Mapping[str, Any]]] = []
    for lineno, line in numbered[1:]:
        cells = next(csv.reader([line]))
        where = f"{path}, line {lineno}"
        if len(cells) > len(header):
            raise ValueError(f"{where}: {len(cells)} fields for {len(header)} columns (put a note with commas in double quotes)")
        rows.append((where, dict(zip(header, cells, strict=False))))  # a short row leaves the note out
    return _checked(rows, check_stems=True)


def extend_lexicon(lexicon: pd.DataFrame | None, entries: pd.DataFrame | Iterable[Mapping[str, str] | Sequence[str]]) -> pd.DataFrame:
    """Return a lexicon with new entries appended (the original is not changed).

    Parameters
    ----------
    lexicon : DataFrame or None
        A lexicon table (from :func:`load_lexicon`); the bundled one when None.
    entries : DataFrame or iterable
        New entries: a table with ``theme``, ``term``, ``match`` (and
        optionally ``note``) columns, or mappings with those keys, or tuples
        ``(theme, term, match)`` or ``(theme, term, match, note)``.

    Raises
    ------
    ValueError
        For a malformed entry or one that duplicates an existing entry.

    Examples
    --------
    >>> lex = extend_lexicon(None, [("olahraga", "sepak bola", "phrase"), ("olahraga", "atlet", "stem")])
    >>> lex.tail(2)[["theme", "term", "match"]].values.tolist()
    [['olahraga', 'sepak bola', 'phrase'], ['olahraga', 'atlet', 'stem']]
    """
    base = _bundled_lexicon() if lexicon is None else lexicon
    rows = [(f"lexicon, row {i}", r) for i, r in enumerate(base.to_dict("records"))]
    if isinstance(entries, pd.DataFrame):
        new = entries.to_dict("records")
    else:
        new = [e if isinstance(e, Mapping) else _entry_from_tuple(e) for e in entries]
    rows += [(f"new entries, row {i}", r) for i, r in enumerate(new)]
    return _checked(rows, check_stems=True)


def _entry_from_tuple(entry: Sequence[str]) -> dict[str, str]:
    if isinstance(entry, str) or not 3 <= len(entry) <= 4:
        raise ValueError(f"lexicon entry {entry!r}: expected (theme, term, match) or (theme, term, match, note)")
    return dict(zip(LEXICON_COLUMNS, entry, strict=False))  # the note is optional


def _checked(rows: list[tuple[str, Mapping[str, Any]]], *, check_stems: bool) -> pd.DataFrame:
    """Normalise and validate lexicon rows; ``where`` names each row in error messages."""
    out: dict[str, list[str]] = {c: [] for c in LEXICON_COLUMNS}
    seen: dict[tuple[str, str, str], str] = {}
    for where, row in rows:
        theme = _text(row.get("theme")).lower()
        term = " ".join(_text(row.get("term")).lower().split())
        match = _text(row.get("match")).lower()
        note = _text(row.get("note"))
        if not theme:
            raise ValueError(f"{where}: empty theme")
        if not term:
            raise ValueError(f"{where}: empty term (theme {theme!r})")
        if match not in MATCH_TYPES:
            raise ValueError(f"{where}: unknown match {match!r} for term {term!r}; use one of stem, form, phrase")
        words = term.split()
        if match != "phrase" and len(words) > 1:
            raise ValueError(f"{where}: {match} term {term!r} has {len(words)} words; use match=phrase")
        if match == "phrase" and len(words) < 2:
            raise ValueError(f"{where}: phrase {term!r} has one word; use match=form or match=stem")
        key = (theme, term, match)
        if key in seen:
            raise ValueError(f"{where}: duplicate entry {theme},{term},{match} (first at {seen[key]})")
        seen[key] = where
        for column, value in zip(LEXICON_COLUMNS, (theme, term, match, note), strict=True):
            out[column].append(value)
    lexicon = pd.DataFrame(out, columns=list(LEXICON_COLUMNS))
    if check_stems:
        _warn_non_stems(lexicon, [where for where, _ in rows])
    return lexicon


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


def _warn_non_stems(lexicon: pd.DataFrame, wheres: list[str]) -> None:
    stems = lexicon.index[lexicon["match"] == "stem"]
    if not len(stems):
        return
    terms = lexicon.loc[stems, "term"].tolist()
    for i, term, stem in zip(stems, terms, default_stemmer().stem_many(terms), strict=True):
        if stem != term:
            warnings.warn(
                f"{wheres[i]}: stem entry {term!r} is not a stem: Telaah's stemmer reduces it to {stem!r}, "
                f"so it matches no inflected word; write {stem!r} (stem) or use match=form",
                LexiconWarning,
                stacklevel=4,
            )


def _resolve_lexicon(lexicon: LexiconLike) -> pd.DataFrame:
    if lexicon is None:
        return _bundled_lexicon()
    if isinstance(lexicon, (str, Path)):
        return load_lexicon(lexicon)
    if isinstance(lexicon, pd.DataFrame):
        return _checked([(f"lexicon, row {i}", r) for i, r in enumerate(lexicon.to_dict("records"))], check_stems=False)
    raise TypeError(f"lexicon must be None, a path or a DataFrame, not {type(lexicon).__name__}")


@cache
def _clitic_endings() -> tuple[str, ...]:
    """Every ending a word may carry: a possessive, a particle, or both; each optionally after a hyphen."""
    kinds = clitics()
    plain = [*kinds["possessive"], *kinds["particle"], *(p + q for p, q in product(kinds["possessive"], kinds["particle"]))]
    return tuple(plain + ["-" + e for e in plain])


def _themes_of(lexicon: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(lexicon["theme"]))


# --- matching -----------------------------------------------------------------


def theme_matches(tokens: Any, lexicon: LexiconLike = None) -> pd.DataFrame:
    """Every match of a theme lexicon in a token table: the explanation of a theme score.

    Parameters
    ----------
    tokens : DataFrame, corpus, path or list of str
        A token table from :func:`telaah.token_table` (with ``stem``), or
        anything it accepts.
    lexicon : DataFrame, path or None
        A lexicon table, a lexicon file, or None for the bundled lexicon.

    Returns
    -------
    pandas.DataFrame
        One row per match, in text order: ``doc_id`` (and ``parent_id`` when
        the table has one), ``sent_id``, ``para_id`` (when the table has
        one), ``token_id`` of the first token, ``n_tokens``, ``start`` and
        ``end`` (character offsets spanning the match), ``theme``, ``term``
        and ``match`` (the lexicon entry) and ``matched`` (the tokens as
        written, joined by a space).  See the module docstring for the
        counting rule.

    Examples
    --------
    >>> m = theme_matches(["Latihan militer itu menahan laju pertahanannya."])
    >>> m[["matched", "theme", "term", "match"]].values.tolist()
    [['Latihan militer', 'pertahanan', 'latihan militer', 'phrase'], ['pertahanannya', 'pertahanan', 'pertahanan', 'form']]
    """
    table = ensure_tokens(tokens)
    lex = _resolve_lexicon(lexicon)
    found = _find(table, lex)
    return _match_frame(table, lex, found)


def theme_tokens(tokens: Any, lexicon: LexiconLike = None) -> pd.DataFrame:
    """Every token a theme match covers: :func:`theme_matches` one token at a time.

    The one place where matches become tokens: :func:`telaah.word_profile`
    reads the themes a word's forms carry from it, and
    :func:`telaah.topic_themes` the share of each term's tokens a theme
    recognises.

    Parameters
    ----------
    tokens : DataFrame, corpus, path or list of str
        A token table from :func:`telaah.token_table` (with ``stem``), or
        anything it accepts.
    lexicon : DataFrame, path or None
        A lexicon table, a lexicon file, or None for the bundled lexicon.

    Returns
    -------
    pandas.DataFrame
        One row per token and theme that matched it, in text order (then
        lexicon order): ``row`` (the token's position in the table, for
        ``tokens.iloc``), ``doc_id``, ``token_id``, ``theme`` (categorical,
        in lexicon order), and ``term`` and ``match`` (the lexicon entry).
        A phrase match gives a row for each of its words.  By the counting
        rule a token occurs at most once per theme; a token two themes
        matched (*senjata* in *gencatan senjata*) has a row for each.

    Examples
    --------
    >>> t = theme_tokens(["Latihan militer itu menahan laju pertahanannya."])
    >>> t[["row", "token_id", "theme", "term"]].values.tolist()
    [[0, 0, 'pertahanan', 'latihan militer'], [1, 1, 'pertahanan', 'latihan militer'], [5, 5, 'pertahanan', 'pertahanan']]
    """
    table = ensure_tokens(tokens)
    lex = _resolve_lexicon(lexicon)
    found = _find(table, lex)
    themes = _themes_of(lex)
    size = found["n_tokens"].to_numpy(np.int64)
    entry = np.repeat(found["entry"].to_numpy(np.int64), size)
    within = np.arange(int(size.sum()), dtype=np.int64) - np.repeat(np.cumsum(size) - size, size)
    rows = np.repeat(found["row"].to_numpy(np.int64), size) + within
    theme_codes = pd.Categorical(lex["theme"], categories=themes).codes.astype(np.int64)[entry]
    order = np.lexsort((theme_codes, rows))
    rows, entry, theme_codes = rows[order], entry[order], theme_codes[order]
    covered = table[["doc_id", "token_id"]].iloc[rows].reset_index(drop=True)
    covered.insert(0, "row", rows)
    covered["theme"] = pd.Categorical.from_codes(theme_codes, categories=themes)
    covered["term"] = lex["term"].to_numpy()[entry]
    covered["match"] = lex["match"].to_numpy()[entry]
    return covered


def _find(table: pd.DataFrame, lex: pd.DataFrame, *, is_word: np.ndarray | None = None) -> pd.DataFrame:
    """Accepted matches as a frame of ``row`` (first token's position), ``n_tokens``, ``entry`` (lexicon row).

    ``is_word``: the table's word mask, when the caller already has it.
    """
    n = len(table)
    empty = pd.DataFrame({"row": np.zeros(0, np.int64), "n_tokens": np.zeros(0, np.int64), "entry": np.zeros(0, np.int64)})
    if n == 0 or lex.empty:
        return empty
    needs_stem = bool((lex["match"] != "form").any())
    if needs_stem and "stem" not in table.columns:
        raise ValueError("the token table has no stem column: build it with token_table(..., stem=True) to match stem and phrase entries")
    lower_codes, lower_values = term_codes(table, "lower")
    stem_codes, stem_values = term_codes(table, "stem") if "stem" in table.columns else (np.full(n, -1, np.int64), np.zeros(0, object))
    lower_cats, stem_cats = pd.Index(lower_values, dtype=object), pd.Index(stem_values, dtype=object)
    is_word = kind_mask(table, ("word",)) if is_word is None else is_word

    patterns, single_pairs, phrase_slots = _compile(lex)
    # Which categories each pattern covers.
    endings = _clitic_endings()
    lower_pairs: list[tuple[str, int]] = []
    stem_pairs: list[tuple[str, int]] = []
    for key, pid in patterns.items():
        kind, value = key[0], key[2:]
        if kind == "f":
            lower_pairs += [(value, pid)] + [(value + e, pid) for e in endings]
        else:
            stem_pairs.append((value, pid))
    lp_codes, lp_pids = _pair_codes(lower_cats, lower_pairs)
    sp_codes, sp_pids = _pair_codes(stem_cats, stem_pairs)

    # One pass over the tokens: which rows match any pattern at all.
    hit_lower = np.zeros(len(lower_cats), dtype=bool)
    hit_lower[lp_codes] = True
    hit_stem = np.zeros(len(stem_cats) + 1, dtype=bool)  # last slot: code -1 (no stem)
    hit_stem[sp_codes] = True
    rows = np.flatnonzero((hit_lower[lower_codes] | hit_stem[stem_codes]) & is_word)
    r1, p1 = _expand(rows, lower_codes[rows], lp_codes, lp_pids)
    r2, p2 = _expand(rows, stem_codes[rows], sp_codes, sp_pids)
    n_patterns = max(len(patterns), 1)
    hit_keys = np.unique(np.concatenate([r1 * n_patterns + p1, r2 * n_patterns + p2]))
    hit_rows, hit_pids = hit_keys // n_patterns, hit_keys % n_patterns

    parts = []
    if single_pairs:
        sp = np.asarray(single_pairs, dtype=np.int64)
        r, e = _expand(hit_rows, hit_pids, sp[:, 0], sp[:, 1])
        parts.append(pd.DataFrame({"row": r, "n_tokens": np.ones(len(r), np.int64), "entry": e}))
    if phrase_slots:
        parts.append(_find_phrases(table, phrase_slots, hit_rows, hit_pids, hit_keys, n_patterns))
    if not parts:
        return empty
    candidates = pd.concat(parts, ignore_index=True)
    return _resolve(candidates, lex)


def _compile(lex: pd.DataFrame) -> tuple[dict[str, int], list[tuple[int, int]], list[tuple[int, list[tuple[int, int]]]]]:
    """Turn lexicon entries into word patterns.

    A pattern ``"f:<form>"`` matches a lowercase form with enclitics, ``"s:<stem>"`` a stem.
    Returns the patterns (key -> id), ``(pattern, entry)`` pairs of the single-word entries,
    and for each phrase entry its ``(form pattern, stem pattern)`` per word.
    """
    patterns: dict[str, int] = {}

    def pattern(key: str) -> int:
        return patterns.setdefault(key, len(patterns))

    terms, kinds = lex["term"].tolist(), lex["match"].tolist()
    single_pairs: list[tuple[int, int]] = []
    phrase_slots: list[tuple[int, list[tuple[int, int]]]] = []
    phrase_words = sorted({w for t, k in zip(terms, kinds, strict=True) if k == "phrase" for w in t.split()})
    phrase_stems = dict(zip(phrase_words, default_stemmer().stem_many(phrase_words), strict=True)) if phrase_words else {}
    for entry, (term, kind) in enumerate(zip(terms, kinds, strict=True)):
        if kind == "form":
            single_pairs.append((pattern("f:" + term), entry))
        elif kind == "stem":
            single_pairs.append((pattern("s:" + term), entry))
        else:
            phrase_slots.append((entry, [(pattern("f:" + w), pattern("s:" + phrase_stems[w])) for w in term.split()]))
    return patterns, single_pairs, phrase_slots


def _pair_codes(categories: pd.Index, pairs: list[tuple[str, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Map ``(value, pattern)`` pairs to ``(category code, pattern)`` arrays, dropping absent values."""
    if not pairs or not len(categories):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    values, pids = zip(*pairs, strict=True)
    codes = categories.get_indexer(pd.Index(values, dtype=object))
    keep = codes >= 0
    return codes[keep].astype(np.int64), np.asarray(pids, dtype=np.int64)[keep]


def _expand(rows: np.ndarray, keys: np.ndarray, pair_keys: np.ndarray, pair_values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each row, one output per pair whose key equals the row's key (a vectorised many-to-many join)."""
    if not len(rows) or not len(pair_keys):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    order = np.argsort(pair_keys, kind="stable")
    pk, pv = pair_keys[order], pair_values[order]
    lo = np.searchsorted(pk, keys, side="left")
    counts = np.searchsorted(pk, keys, side="right") - lo
    total = int(counts.sum())
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(rows, counts), pv[np.repeat(lo, counts) + within]


def _find_phrases(
    table: pd.DataFrame,
    phrase_slots: list[tuple[int, list[tuple[int, int]]]],
    hit_rows: np.ndarray,
    hit_pids: np.ndarray,
    hit_keys: np.ndarray,
    n_patterns: int,
) -> pd.DataFrame:
    """Phrase candidates: consecutive rows of one sentence whose tokens match each phrase word in turn."""
    n = len(table)
    doc_codes, _ = term_codes(table, "doc_id")
    sent = table["sent_id"].to_numpy(dtype=np.int64) if "sent_id" in table.columns else np.zeros(n, np.int64)
    token_ids = table["token_id"].to_numpy(dtype=np.int64)
    rows_out, n_out, entries_out, inexact_out = [], [], [], []
    for entry, slots in phrase_slots:
        first_form, first_stem = slots[0]
        start = np.unique(hit_rows[(hit_pids == first_form) | (hit_pids == first_stem)])
        inexact = ~_contains(hit_keys, start * n_patterns + first_form)
        for offset, (form_pid, stem_pid) in enumerate(slots[1:], start=1):
            inside = start + offset < n
            start, inexact = start[inside], inexact[inside]
            nxt = start + offset
            # Next to each other in the text, not just in the table (which may have been filtered).
            same = (doc_codes[nxt] == doc_codes[start]) & (sent[nxt] == sent[start]) & (token_ids[nxt] == token_ids[start] + offset)
            by_form = _contains(hit_keys, nxt * n_patterns + form_pid)
            ok = same & (by_form | _contains(hit_keys, nxt * n_patterns + stem_pid))
            start, inexact = start[ok], (inexact | ~by_form)[ok]
        rows_out.append(start)
        n_out.append(np.full(len(start), len(slots), np.int64))
        entries_out.append(np.full(len(start), entry, np.int64))
        inexact_out.append(inexact.astype(np.int64))
    return pd.DataFrame(
        {
            "row": np.concatenate(rows_out),
            "n_tokens": np.concatenate(n_out),
            "entry": np.concatenate(entries_out),
            "inexact": np.concatenate(inexact_out),  # 1: some word matched by stem only
        }
    )


def _contains(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    pos = np.searchsorted(sorted_keys, keys)
    pos = np.minimum(pos, len(sorted_keys) - 1)
    return sorted_keys[pos] == keys if len(sorted_keys) else np.zeros(len(keys), dtype=bool)


def _resolve(candidates: pd.DataFrame, lex: pd.DataFrame) -> pd.DataFrame:
    """Apply the counting rule: within a theme each token counts once, longest phrase first."""
    theme_codes = pd.Categorical(lex["theme"], categories=_themes_of(lex)).codes.astype(np.int64)
    priority = lex["match"].map({m: i for i, m in enumerate(MATCH_TYPES)}).to_numpy(dtype=np.int64)
    c = candidates.assign(theme=theme_codes[candidates["entry"].to_numpy()], priority=priority[candidates["entry"].to_numpy()])
    c["inexact"] = c["inexact"].fillna(0).astype(np.int64) if "inexact" in c.columns else 0
    order = ["theme", "n_tokens", "row", "priority", "inexact", "entry"]
    c = c.sort_values(order, ascending=[True, False, True, True, True, True], kind="stable")
    # The same span found by two entries (menteri pertahanan, kementerian pertahanan):
    # the one whose words all match by form wins, then the one listed first.
    c = c.drop_duplicates(["theme", "row", "n_tokens"])
    span = int(c["n_tokens"].max()) if len(c) else 1
    big = int(c["row"].max()) + span + 1 if len(c) else 1
    phrases = c[c["n_tokens"] > 1]
    if len(phrases):
        phrases = _greedy_phrases(phrases, big)
        th, r, size = (phrases[c].to_numpy() for c in ("theme", "row", "n_tokens"))
        covered = np.concatenate([th[size > k] * big + r[size > k] + k for k in range(span)])
    else:
        covered = np.zeros(0, np.int64)
    singles = c[c["n_tokens"] == 1]
    singles = singles[~np.isin(singles["theme"].to_numpy() * big + singles["row"].to_numpy(), covered)]
    singles = singles.sort_values(["theme", "row", "priority", "entry"], kind="stable").drop_duplicates(["theme", "row"])
    accepted = pd.concat([phrases, singles]).sort_values(["row", "theme"], kind="stable")
    return accepted[["row", "n_tokens", "entry"]].reset_index(drop=True)


def _greedy_phrases(phrases: pd.DataFrame, big: int) -> pd.DataFrame:
    """Keep phrases that overlap no kept phrase of their theme, longest then earliest first."""
    theme = phrases["theme"].to_numpy()
    row = phrases["row"].to_numpy()
    size = phrases["n_tokens"].to_numpy()
    keys = np.concatenate([theme[size > k] * big + row[size > k] + k for k in range(int(size.max()))])
    if len(np.unique(keys)) == len(keys):
        return phrases  # no overlaps: the common case
    taken: set[int] = set()
    keep = np.zeros(len(phrases), dtype=bool)
    for i, (t, r, s) in enumerate(zip(theme.tolist(), row.tolist(), size.tolist(), strict=True)):
        span = range(t * big + r, t * big + r + s)
        if not taken.intersection(span):
            taken.update(span)
            keep[i] = True
    return phrases[keep]


def _match_frame(table: pd.DataFrame, lex: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    rows = found["row"].to_numpy()
    size = found["n_tokens"].to_numpy()
    entry = found["entry"].to_numpy()
    ids = [c for c in ("doc_id", "parent_id", "sent_id", "para_id", "token_id") if c in table.columns]
    frame = table[ids].iloc[rows].reset_index(drop=True)
    frame["n_tokens"] = size.astype(np.int32)
    frame["start"] = table["start"].to_numpy()[rows]
    frame["end"] = table["end"].to_numpy()[rows + size - 1]
    frame["theme"] = pd.Categorical(lex["theme"].to_numpy()[entry], categories=_themes_of(lex))
    frame["term"] = lex["term"].to_numpy()[entry]
    frame["match"] = lex["match"].to_numpy()[entry]
    tokens = table["token"].to_numpy(dtype=object)
    matched = tokens[rows]
    for k in range(1, int(size.max()) if len(size) else 1):
        longer = size > k
        matched[longer] = matched[longer] + " " + tokens[rows[longer] + k]
    frame["matched"] = matched
    return frame


# --- scores -------------------------------------------------------------------


#: The id column a paragraph or sentence adds to ``doc_id`` in the tables of this module.
_UNIT_ID = {"document": None, "paragraph": "para_id", "sentence": "sent_id"}


def _id_columns(table: pd.DataFrame, unit: str) -> list[str]:
    """The id columns reported for each unit: ``doc_id``, ``parent_id`` when present, and ``para_id`` or ``sent_id``.

    The unit itself is :func:`telaah._columns.unit_columns` (in a corpus read
    by paragraph each ``doc_id`` already is a paragraph; its ``para_id``,
    always 0, is still reported).
    """
    extra = _UNIT_ID[unit]
    return [c for c in ("doc_id", "parent_id", extra) if c is not None and c in table.columns]


def theme_match_rows(tokens: pd.DataFrame, lexicon: LexiconLike = None) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Where each theme match starts and which theme it is: the counts every theme score adds up.

    Returns
    -------
    tuple
        ``(rows, themes_of_rows, themes)``: the row position of each match's
        first token (a phrase counts once), its theme as a number, and the
        themes in lexicon order.

    Examples
    --------
    >>> rows, codes, themes = theme_match_rows(ensure_tokens(["Ekspor gas naik."]))
    >>> rows.tolist(), [themes[c] for c in codes]
    ([0, 1], ['perdagangan', 'energi'])
    """
    table = ensure_tokens(tokens)
    lex = _resolve_lexicon(lexicon)
    themes = _themes_of(lex)
    found = _find(table, lex, is_word=kind_mask(table, ("word",)))
    theme_codes = pd.Categorical(lex["theme"], categories=themes).codes.astype(np.int64)
    return found["row"].to_numpy(np.int64), theme_codes[found["entry"].to_numpy()], themes


def theme_scores(
    tokens: Any,
    lexicon: LexiconLike = None,
    *,
    unit: Unit = "document",
    groupby: str | Sequence[str] | None = None,
    normalize: Literal["per_1000"] | None = "per_1000",
) -> pd.DataFrame:
    """Count theme matches per document, paragraph or sentence, or per group: one row per unit (or group) and theme.

    Parameters
    ----------
    tokens : DataFrame, corpus, path or list of str
        A token table, or anything :func:`telaah.token_table` accepts.
    lexicon : DataFrame, path or None
        The theme lexicon; the bundled one when None.
    unit : {"document", "paragraph", "sentence"}
        What is scored, as :func:`telaah._columns.unit_columns` defines it
        (the same units as :func:`telaah.fit_topics`).
    groupby : str or list of str, optional
        Score groups of rows instead of units: ``"source"``, ``"category"``
        or any other column of the token table (a theme profile per outlet
        or section).  The result then has the ``groupby`` columns and a
        ``documents`` column (articles in the group: a paragraph corpus counts
        each parent once) instead of unit ids.
    normalize : {"per_1000", None}
        Add a ``per_1000`` column: matches per 1,000 word tokens of the unit.

    Returns
    -------
    pandas.DataFrame
        Every unit of the table crossed with every theme of the lexicon (in
        lexicon order), zeros included.  Units are in the order of their ids
        (``doc_id`` in corpus order, then ``para_id`` or ``sent_id``), which
        for a token table is table order.  Columns: the unit's id columns
        (``doc_id``, ``parent_id`` when present, and ``para_id`` or
        ``sent_id``), ``theme``, ``matches`` (a phrase counts once),
        ``tokens`` (the unit's word tokens, stopwords included; numbers and
        punctuation do not count) and ``per_1000`` (NaN for a unit without
        words).

    Examples
    --------
    >>> s = theme_scores(["Ekspor gas naik.", "Pasukan itu bertahan."])
    >>> s[s.matches > 0][["doc_id", "theme", "matches", "tokens"]].values.tolist()
    [['doc1', 'perdagangan', 1, 3], ['doc1', 'energi', 1, 3], ['doc2', 'pertahanan', 1, 3]]
    """
    if normalize not in ("per_1000", None):
        raise ValueError(f"normalize must be 'per_1000' or None, not {normalize!r}")
    table = ensure_tokens(tokens)
    lex = _resolve_lexicon(lexicon)
    cols = group_columns(table, groupby) if groupby is not None else unit_columns(table, unit)
    unit_of_row, keys, first_rows = group_ids(table, cols)
    themes = _themes_of(lex)
    is_word = kind_mask(table, ("word",))
    found = _find(table, lex, is_word=is_word)

    # The word tokens per unit.
    n_units = len(first_rows)
    words = np.bincount(unit_of_row, weights=is_word, minlength=n_units).astype(np.int64)

    # Matches per unit x theme, zeros included: one bincount over a units x themes grid.
    k = len(themes)
    theme_codes = pd.Categorical(lex["theme"], categories=themes).codes.astype(np.int64)
    cells = unit_of_row[found["row"].to_numpy()] * k + theme_codes[found["entry"].to_numpy()]
    counts = np.bincount(cells, minlength=n_units * k).astype(np.int64)

    if groupby is not None:
        scores = keys.loc[np.repeat(np.arange(n_units), k)].reset_index(drop=True)
    else:
        scores = table[_id_columns(table, unit)].iloc[np.repeat(first_rows, k)].reset_index(drop=True)
    scores["theme"] = pd.Categorical.from_codes(np.tile(np.arange(k), n_units), categories=themes)
    scores["matches"] = counts
    scores["tokens"] = np.repeat(words, k)
    if groupby is not None:
        scores["documents"] = np.repeat(group_documents(table, unit_of_row, n_units), k)
    if normalize == "per_1000":
        tokens_ = scores["tokens"].to_numpy(dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            scores["per_1000"] = np.where(tokens_ > 0, scores["matches"].to_numpy() * 1000.0 / tokens_, np.nan)
    return scores


def theme_trends(tokens: Any, *, freq: str = "M", lexicon: LexiconLike = None, groupby: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Theme matches per period (and group): how much each theme is talked about over time.

    Parameters
    ----------
    tokens : DataFrame, corpus, path or list of str
        A token table with a ``date`` column (see the module's notes).
    freq : str
        The period: ``"D"``, ``"W"``, ``"M"`` (the default), ``"Q"`` or ``"Y"``.
    lexicon : DataFrame, path or None
        The theme lexicon; the bundled one when None.
    groupby : str or list of str, optional
        One series per group: ``"source"``, ``"category"`` ...

    Returns
    -------
    pandas.DataFrame
        One row per group (when ``groupby`` is given), period and theme,
        every period from the first date to the last, zeros included: the
        ``groupby`` columns, ``period`` (a pandas Period), ``theme``,
        ``matches`` (a phrase counts once; all periods add up to
        :func:`telaah.theme_scores`' totals), ``tokens`` (word tokens in the
        period), ``per_1000`` (NaN for a period without words) and
        ``documents`` (articles dated in the period; the paragraphs of one
        article count once).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Ekspor gas naik.", "Pasukan itu bertahan."],
    ...                        "date": pd.to_datetime(["2020-01-05", "2020-03-02"])})
    >>> t = theme_trends(corpus)
    >>> t[t.theme == "energi"][["period", "matches", "documents"]].astype(str).values.tolist()
    [['2020-01', '1', '1'], ['2020-02', '0', '0'], ['2020-03', '0', '1']]
    """
    table = ensure_tokens(tokens)
    lex = _resolve_lexicon(lexicon)
    cell, grid, documents = period_cells(table, groupby, freq)
    n_cells = len(grid)
    themes = _themes_of(lex)
    is_word = kind_mask(table, ("word",))
    found = _find(table, lex, is_word=is_word)
    k = len(themes)
    theme_codes = pd.Categorical(lex["theme"], categories=themes).codes.astype(np.int64)
    counts = np.bincount(cell[found["row"].to_numpy()] * k + theme_codes[found["entry"].to_numpy()], minlength=n_cells * k)
    words = np.bincount(cell, weights=is_word, minlength=n_cells).astype(np.int64)
    out = grid.loc[np.repeat(np.arange(n_cells), k)].reset_index(drop=True)
    out["theme"] = pd.Categorical.from_codes(np.tile(np.arange(k), n_cells), categories=themes)
    out["matches"] = counts.astype(np.int64)
    out["tokens"] = np.repeat(words, k)
    out["per_1000"] = per_1000(out["matches"].to_numpy(), out["tokens"].to_numpy())
    out["documents"] = np.repeat(documents, k)
    return out


def _is_scores(data: Any) -> bool:
    return isinstance(data, pd.DataFrame) and {"theme", "matches"} <= set(data.columns) and "lower" not in data.columns


def theme_cooccurrence(
    data: Any,
    lexicon: LexiconLike = None,
    *,
    unit: Unit = "paragraph",
    min_matches: int = 1,
) -> pd.DataFrame:
    """How often two themes occur in the same unit (document, paragraph or sentence).

    Parameters
    ----------
    data : DataFrame, corpus, path or list of str
        A table from :func:`theme_scores` (its unit is used), or a token
        table or corpus (scored with ``lexicon`` and ``unit``).
    lexicon : DataFrame, path or None
        The theme lexicon when ``data`` is not yet scored.
    unit : {"document", "paragraph", "sentence"}
        The unit when ``data`` is not yet scored.
    min_matches : int
        A unit "has" a theme when it has at least this many matches of it.

    Returns
    -------
    pandas.DataFrame
        One row per ordered pair of themes, the diagonal included:
        ``theme_a``, ``theme_b``, ``units_a`` and ``units_b`` (units with
        each theme), ``units_both`` (units with both) and ``jaccard``
        (``units_both / units with either``; NaN when neither occurs).

    Examples
    --------
    >>> c = theme_cooccurrence(["Ekspor gas naik. Minyak juga.", "Pasukan itu bertahan."], unit="document")
    >>> pair = c.query("theme_a == 'perdagangan' and theme_b == 'energi'").iloc[0]
    >>> int(pair.units_both), float(pair.jaccard)
    (1, 1.0)
    """
    if min_matches < 1:
        raise ValueError(f"min_matches must be at least 1, not {min_matches}")
    scores = data if _is_scores(data) else theme_scores(data, lexicon, unit=unit, normalize=None)
    themes = list(scores["theme"].cat.categories) if isinstance(scores["theme"].dtype, pd.CategoricalDtype) else list(dict.fromkeys(scores["theme"]))
    # units x themes: matches of each theme in each unit (the units numbered as everywhere, by their ids)
    unit_of_row, units, _ = group_ids(scores, [c for c in ("doc_id", "para_id", "sent_id") if c in scores.columns])
    k = len(themes)
    theme_codes = pd.Categorical(scores["theme"], categories=themes).codes.astype(np.int64)
    cells = unit_of_row * k + theme_codes
    matches = np.bincount(cells, weights=scores["matches"].to_numpy(float), minlength=len(units) * k).reshape(len(units), k)
    present = (matches >= min_matches).astype(np.int64)
    both = present.T @ present
    each = np.diag(both)
    either = each[:, None] + each[None, :] - both
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(either > 0, both / np.where(either > 0, either, 1), np.nan)
    return pd.DataFrame(
        {
            "theme_a": pd.Categorical(np.repeat(themes, k), categories=themes),
            "theme_b": pd.Categorical(np.tile(themes, k), categories=themes),
            "units_a": np.repeat(each, k),
            "units_b": np.tile(each, k),
            "units_both": both.ravel(),
            "jaccard": jaccard.ravel(),
        }
    )


def lexicon_coverage(tokens: Any, lexicon: LexiconLike = None) -> pd.DataFrame:
    """How often each lexicon entry matched: find the entries that never do.

    Parameters
    ----------
    tokens : DataFrame, corpus, path or list of str
        A token table, or anything :func:`telaah.token_table` accepts.
    lexicon : DataFrame, path or None
        The theme lexicon; the bundled one when None.

    Returns
    -------
    pandas.DataFrame
        The lexicon (``theme``, ``term``, ``match``, ``note``) in its order,
        with ``matches`` (counted after the counting rule: a word inside a
        phrase match is credited to the phrase) and ``documents`` (how many
        documents it matched in).  ``matches == 0``: never matched.

    Examples
    --------
    >>> cov = lexicon_coverage(["Latihan militer dan rudal."])
    >>> cov.set_index("term").loc[["latihan militer", "militer", "rudal", "nuklir"], "matches"].tolist()
    [1, 0, 1, 0]
    """
    table = ensure_tokens(tokens)
    lex = _resolve_lexicon(lexicon)
    found = _find(table, lex)
    doc_codes, _ = term_codes(table, "doc_id")
    per_entry = pd.DataFrame({"entry": found["entry"].to_numpy(), "doc": doc_codes[found["row"].to_numpy()]})
    matches = np.bincount(per_entry["entry"].to_numpy(), minlength=len(lex))
    documents = np.bincount(per_entry.drop_duplicates()["entry"].to_numpy(), minlength=len(lex))
    coverage = lex.copy()
    coverage["theme"] = pd.Categorical(coverage["theme"], categories=_themes_of(lex))
    coverage["matches"] = matches.astype(np.int64)
    coverage["documents"] = documents.astype(np.int64)
    return coverage
