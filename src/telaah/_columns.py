"""Shared helpers over the token table's columns: the one place every analysis takes them from.

:mod:`telaah.freq`, :mod:`telaah.concordance`, :mod:`telaah.keywords`,
:mod:`telaah.themes`, :mod:`telaah.topics` and :mod:`telaah.explore` check
their options and turn columns into integer codes, masks and group numbers
here, so that the same option means the same thing everywhere:

``by``
    the term column: ``"stem"``, ``"lower"`` or ``"token"`` (:data:`BY`);
``kinds``
    which token kinds count (:data:`telaah.tokenize.KINDS`), words by default;
``groupby``
    a grouping of rows: a column name or a list of them (``doc_id``,
    ``para_id``, ``sent_id``, or any document metadata the table carries);
``unit``
    the unit of analysis of themes and topics (:data:`UNITS`): a document,
    a paragraph or a sentence, defined once by :func:`unit_columns`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from telaah.tokenize import KINDS

__all__ = [
    "RowLocator",
    "BY",
    "By",
    "TOKEN_COLUMNS",
    "metadata_columns",
    "KINDS",
    "UNITS",
    "Unit",
    "ensure_tokens",
    "check_by",
    "check_kinds",
    "check_unit",
    "group_columns",
    "unit_columns",
    "term_codes",
    "kind_mask",
    "stop_mask",
    "group_ids",
    "unique_counts",
    "periods",
    "period_cells",
    "group_documents",
    "per_1000",
]

By = Literal["stem", "lower", "token"]
#: What a term can be: a stem, a lowercase form or the form as written.
BY: tuple[str, ...] = ("stem", "lower", "token")

Unit = Literal["document", "paragraph", "sentence"]
#: The units of analysis: a row of the corpus, a paragraph of it, a sentence of it.
UNITS: tuple[str, ...] = ("document", "paragraph", "sentence")

_TOKEN_TABLE_COLUMNS = ("doc_id", "token_id", "kind", "lower")

#: Columns of :func:`telaah.token_table`, in order (``stem`` and ``stem_source`` only when ``stem=True``);
#: a ``parent_id`` and the corpus's document metadata may follow.
TOKEN_COLUMNS = (
    "doc_id", "sent_id", "para_id", "token_id", "start", "end", "token", "lower", "kind",
    "stem", "stem_source", "is_stop", "is_name",
)


def metadata_columns(tokens: pd.DataFrame) -> list[str]:
    """The document metadata a token table carries: every column that is not a token-table column.

    Examples
    --------
    >>> import telaah
    >>> metadata_columns(telaah.token_table(pd.DataFrame({"doc_id": ["a"], "text": ["Satu."], "source": ["x"]})))
    ['source']
    """
    return [c for c in tokens.columns if c not in TOKEN_COLUMNS and c != "parent_id"]


def ensure_tokens(obj: object) -> pd.DataFrame:
    """Return ``obj`` as a token table, building one only when it is not one already.

    Parameters
    ----------
    obj : DataFrame, path or sequence of str
        A token table from :func:`telaah.token_table` (returned as is), or
        anything :func:`telaah.table.as_corpus` accepts: a corpus table
        with ``doc_id`` and ``text``, a path, or a list of texts.

    Returns
    -------
    pandas.DataFrame
        The token table.

    Examples
    --------
    >>> t = ensure_tokens(["Jepang dan Rusia."])
    >>> ensure_tokens(t) is t
    True
    >>> t.token.tolist()
    ['Jepang', 'dan', 'Rusia', '.']
    """
    if isinstance(obj, pd.DataFrame):
        if all(c in obj.columns for c in _TOKEN_TABLE_COLUMNS):
            return obj
        if "text" not in obj.columns:
            raise ValueError(
                "expected a token table (from telaah.token_table, with columns "
                f"{', '.join(_TOKEN_TABLE_COLUMNS)}) or a corpus table with doc_id and text; "
                f"got a DataFrame with columns {', '.join(map(str, obj.columns))}"
            )
    from telaah.table import as_corpus, token_table

    return token_table(as_corpus(obj))  # type: ignore[arg-type]


def check_by(tokens: pd.DataFrame, by: str) -> str:
    """Validate ``by`` and return the column that holds the terms.

    Examples
    --------
    >>> check_by(ensure_tokens(["Satu."]), "lower")
    'lower'
    """
    if by not in BY:
        raise ValueError(f"by={by!r}: choose one of {', '.join(map(repr, BY))}")
    if by not in tokens.columns:
        if by == "stem":
            raise ValueError(
                "by='stem': this token table has no 'stem' column (it was built with stem=False); "
                "use by='lower', or build it again with telaah.token_table(corpus, stem=True)"
            )
        raise ValueError(f"by={by!r}: the token table has no {by!r} column")
    return by


def check_kinds(kinds: Sequence[str] | str | None) -> tuple[str, ...] | None:
    """Validate ``kinds``; ``None`` or ``"all"`` means every kind.

    Examples
    --------
    >>> check_kinds("word"), check_kinds("all")
    (('word',), None)
    """
    if kinds is None or kinds == "all":
        return None
    if isinstance(kinds, str):
        kinds = (kinds,)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ValueError(f"kinds: unknown kind(s) {', '.join(map(repr, unknown))}; token kinds are {', '.join(KINDS)}")
    return tuple(kinds)


def check_unit(unit: str, *, allowed: Sequence[str] = UNITS) -> str:
    """Validate a unit of analysis.

    Examples
    --------
    >>> check_unit("paragraph")
    'paragraph'
    """
    if unit not in allowed:
        raise ValueError(f"unit={unit!r}: choose one of {', '.join(map(repr, allowed))}")
    return unit


def group_columns(tokens: pd.DataFrame, groupby: str | Sequence[str] | None) -> list[str]:
    """Validate ``groupby`` (a column name, a list of them, or None) and return it as a list.

    Examples
    --------
    >>> group_columns(ensure_tokens(["Satu."]), "doc_id")
    ['doc_id']
    """
    if groupby is None:
        return []
    cols = [groupby] if isinstance(groupby, str) else list(groupby)
    missing = [c for c in cols if c not in tokens.columns]
    if missing:
        raise ValueError(
            f"groupby: no column(s) {', '.join(map(repr, missing))} in the token table; "
            f"it has {', '.join(map(str, tokens.columns))}"
        )
    return cols


def unit_columns(tokens: pd.DataFrame, unit: str) -> list[str]:
    """The columns whose values identify each unit of analysis in a token table.

    A ``"document"`` is a row of the corpus (``doc_id``); a ``"paragraph"``
    is ``doc_id`` and ``para_id``, except in a table of a corpus read by
    paragraph (it has ``parent_id``), where each row already is one; a
    ``"sentence"`` is ``doc_id`` and ``sent_id``.

    Examples
    --------
    >>> tokens = ensure_tokens(["Satu. Dua."])
    >>> unit_columns(tokens, "document"), unit_columns(tokens, "paragraph"), unit_columns(tokens, "sentence")
    (['doc_id'], ['doc_id', 'para_id'], ['doc_id', 'sent_id'])
    """
    check_unit(unit)
    extra = {"document": None, "paragraph": "para_id", "sentence": "sent_id"}[unit]
    if extra == "para_id" and "parent_id" in tokens.columns:
        extra = None
    columns = ["doc_id"] + ([extra] if extra else [])
    missing = [c for c in columns if c not in tokens.columns]
    if missing:
        raise ValueError(f"unit={unit!r} needs the token table column(s) {', '.join(missing)}; build the table with telaah.token_table")
    return columns


def term_codes(tokens: pd.DataFrame, column: str) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes of a column and the values they stand for (categories).

    Examples
    --------
    >>> codes, values = term_codes(pd.DataFrame({"lower": ["a", "b", "a"]}), "lower")
    >>> codes.tolist(), values.tolist()
    ([0, 1, 0], ['a', 'b'])
    """
    col = tokens[column]
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col.cat.codes.to_numpy(np.int64), np.asarray(col.cat.categories, dtype=object)
    codes, uniques = pd.factorize(col.to_numpy(dtype=object))
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def kind_mask(tokens: pd.DataFrame, kinds: tuple[str, ...] | None) -> np.ndarray:
    """Boolean mask of the rows whose kind is one of ``kinds`` (all rows for None)."""
    if kinds is None:
        return np.ones(len(tokens), dtype=bool)
    column = tokens["kind"]
    if isinstance(column.dtype, pd.CategoricalDtype):  # a lookup over a handful of categories, not a hash per row
        wanted = np.append(column.cat.categories.isin(kinds), False)  # the last slot: code -1, a missing kind
        return wanted[column.cat.codes.to_numpy()]
    return column.isin(kinds).to_numpy(dtype=bool, copy=True)


def stop_mask(tokens: pd.DataFrame) -> np.ndarray:
    """Boolean mask of stopword rows; a clear error when the table has no ``is_stop``."""
    if "is_stop" not in tokens.columns:
        raise ValueError("leaving out stopwords needs the token table's 'is_stop' column; build the table with telaah.token_table")
    return tokens["is_stop"].to_numpy(dtype=bool, copy=True)


def group_ids(tokens: pd.DataFrame, cols: Sequence[str]) -> tuple[np.ndarray, pd.DataFrame, np.ndarray]:
    """Number each row's group, the one way every analysis numbers groups.

    Groups are ordered by their key values as ``DataFrame.groupby`` orders
    them (a categorical column by its categories, which in a token table is
    the order of the corpus; other columns by sorted value).  The work is
    done on integer codes, which is several times faster than
    ``groupby().ngroup()`` on a million rows.

    Parameters
    ----------
    tokens : DataFrame
        The rows to group.
    cols : sequence of str
        The grouping columns; none puts every row in one group.

    Returns
    -------
    tuple
        ``(gid, keys, first_rows)``: each row's group number (0, 1, ...),
        the groups' key values (a DataFrame, one row per group, columns
        ``cols``), and each group's first row position.

    Examples
    --------
    >>> frame = pd.DataFrame({"doc_id": ["b", "a", "b"], "n": [1, 2, 1]})
    >>> gid, keys, first = group_ids(frame, ["doc_id"])
    >>> gid.tolist(), keys["doc_id"].tolist(), first.tolist()
    ([1, 0, 1], ['a', 'b'], [1, 0])
    """
    n = len(tokens)
    if not cols:
        return np.zeros(n, dtype=np.int64), pd.DataFrame(index=range(1 if n else 0)), np.zeros(1 if n else 0, dtype=np.int64)
    key = np.zeros(n, dtype=np.int64)
    size = 1
    for column in cols:
        codes, width = _sorted_codes(tokens[column])
        if size * max(width, 1) >= 2**62:  # the combined key would overflow: renumber what we have first
            _, key = np.unique(key, return_inverse=True)
            size = int(key.max(initial=-1)) + 1
        key = key * max(width, 1) + codes
        size *= max(width, 1)
    _, first_rows, gid = np.unique(key, return_index=True, return_inverse=True)
    keys = tokens.iloc[first_rows][list(cols)].reset_index(drop=True)
    return gid.astype(np.int64).reshape(-1), keys, first_rows.astype(np.int64)


def _sorted_codes(column: pd.Series) -> tuple[np.ndarray, int]:
    """Codes that sort as ``groupby`` sorts the column's values (missing values last), and how many there are."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy(np.int64)
        width = len(column.cat.categories)
    else:
        codes, uniques = pd.factorize(column, sort=True)
        codes, width = codes.astype(np.int64), len(uniques)
    if (codes < 0).any():  # missing values form a group of their own, after the others
        codes = np.where(codes < 0, width, codes)
        width += 1
    return codes, width


def unique_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values of non-negative integer ``keys`` and how often each occurs.

    ``np.bincount`` when the values are small, a sort otherwise: both much
    faster than ``np.unique``'s hash table on a million keys.

    Examples
    --------
    >>> [a.tolist() for a in unique_counts(np.array([3, 1, 3]))]
    [[1, 3], [1, 2]]
    """
    keys = np.asarray(keys, dtype=np.int64)
    if not len(keys):
        return keys, np.zeros(0, dtype=np.int64)
    top = int(keys.max())
    if top < 4 * len(keys) + 1_000_000:
        counts = np.bincount(keys, minlength=top + 1)
        present = np.flatnonzero(counts)
        return present, counts[present]
    ordered = np.sort(keys)
    first = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    return ordered[first], np.diff(np.r_[first, len(ordered)])


def periods(tokens: pd.DataFrame, *, freq: str = "M") -> tuple[np.ndarray, pd.PeriodIndex]:
    """Each row's period (a position in the returned range) and every period from the first date to the last.

    Parameters
    ----------
    tokens : DataFrame
        A token table with a ``date`` column (categorical or datetime).
    freq : str
        A pandas period frequency: ``"D"`` (day), ``"W"`` (week), ``"M"``
        (month), ``"Q"`` (quarter) or ``"Y"`` (year).

    Examples
    --------
    >>> t = pd.DataFrame({"date": pd.to_datetime(["2020-01-31", "2020-03-01"])})
    >>> codes, span = periods(t)
    >>> codes.tolist(), [str(p) for p in span]
    ([0, 2], ['2020-01', '2020-02', '2020-03'])
    """
    if "date" not in tokens.columns:
        raise ValueError(
            "trends need a date column: read the corpus with read_corpus(..., date_column='...') "
            "and build the token table from it (token_table carries the date to every token)"
        )
    column = tokens["date"]
    if isinstance(column.dtype, pd.CategoricalDtype):
        values, codes = column.cat.categories, column.cat.codes.to_numpy(np.int64)
    else:
        codes, values = pd.factorize(column)
        codes = codes.astype(np.int64)
    values = pd.DatetimeIndex(values)
    if values.tz is not None:
        values = values.tz_localize(None)  # the wall-clock date in the dates' own zone (WIB for read_corpus)
    if (codes < 0).any() or values.hasnans:
        row = int(np.flatnonzero((codes < 0) | np.asarray(values.isna())[np.maximum(codes, 0)])[0])
        raise ValueError(f"row {row} of the token table has no date; every document needs one for trends")
    try:
        per_value = values.to_period(freq)
    except (ValueError, TypeError) as error:
        raise ValueError(f"freq={freq!r}: not a period frequency (use 'D', 'W', 'M', 'Q' or 'Y'): {error}") from None
    if not len(per_value):
        return codes, pd.period_range(start=pd.Timestamp(0), periods=0, freq=freq)
    span = pd.period_range(per_value.min(), per_value.max(), freq=freq)
    return (per_value.asi8 - span[0].ordinal)[codes], span


def period_cells(tokens: pd.DataFrame, groupby: str | Sequence[str] | None, freq: str) -> tuple[np.ndarray, pd.DataFrame, np.ndarray]:
    """Each row's (group, period) cell, the cells' keys (every group x every period, in order) and each cell's documents.

    The one way trends number their cells (:func:`telaah.theme_trends`,
    :func:`telaah.term_trends`): groups as :func:`group_ids` orders them, then
    every period from the first date to the last.
    """
    period_of_row, span = periods(tokens, freq=freq)
    cols = group_columns(tokens, groupby)
    gid, keys, _ = group_ids(tokens, cols)
    n_periods = len(span)
    cell = gid * n_periods + period_of_row
    grid = keys.loc[np.repeat(np.arange(len(keys)), n_periods)].reset_index(drop=True) if cols else pd.DataFrame(index=range(n_periods))
    grid["period"] = pd.PeriodIndex.from_ordinals(np.tile(span.asi8, len(keys)), freq=span.freq)
    return cell, grid, group_documents(tokens, cell, len(grid))


def group_documents(tokens: pd.DataFrame, gid: np.ndarray, n_groups: int) -> np.ndarray:
    """How many documents each group holds (a document with tokens in a group counts once there).

    A document is an article: in a table of a corpus read by paragraph or
    sentence (it has ``parent_id``) the paragraphs of one article count once.

    Examples
    --------
    >>> frame = pd.DataFrame({"doc_id": ["a", "a", "b", "c"]})
    >>> group_documents(frame, np.array([0, 0, 0, 1]), 3).tolist()
    [2, 1, 0]
    >>> group_documents(frame.assign(parent_id=["x", "x", "x", "y"]), np.array([0, 0, 0, 1]), 3).tolist()
    [1, 1, 0]
    """
    doc, _, _ = group_ids(tokens, ["parent_id" if "parent_id" in tokens.columns else "doc_id"])
    width = int(doc.max(initial=0)) + 1
    return np.bincount(np.unique(gid * width + doc) // width, minlength=n_groups)


def per_1000(counts: np.ndarray, words: np.ndarray) -> np.ndarray:
    """``counts`` per 1,000 ``words``; NaN where there are no words.

    Examples
    --------
    >>> per_1000(np.array([1, 0]), np.array([500, 0])).tolist()
    [2.0, nan]
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(words > 0, counts * 1000.0 / np.maximum(words, 1), np.nan)


class RowLocator:
    """Find token rows by document and character offset, in a table in document and text order.

    The one way the analyses that work on character spans (quotations, mentions,
    boilerplate) find the tokens of a span: a sorted key per row and a binary
    search, linear to build and logarithmic per look-up.

    Examples
    --------
    >>> tokens = ensure_tokens(["Satu dua.", "Tiga."])
    >>> RowLocator(tokens).rows(["doc1", "doc2", "doc1"], np.array([5, 0, 99])).tolist()
    [1, 3, 3]
    """

    def __init__(self, tokens: pd.DataFrame) -> None:
        codes, values = term_codes(tokens, "doc_id")
        self._code_of = {str(v): i for i, v in enumerate(values)}
        starts = tokens["start"].to_numpy(np.int64)
        self._width = int(starts.max(initial=0)) + 2
        self._keys = codes * self._width + starts
        if len(self._keys) and np.any(np.diff(self._keys) < 0):
            raise ValueError("tokens: the table is not in document and text order; pass the table telaah.token_table built")

    def rows(self, doc_ids: Sequence[str], offsets: np.ndarray) -> np.ndarray:
        """The first row at or after each (document, offset); past a document's last token, the next document's first.

        A document the table does not have is an error naming it.
        """
        codes = np.fromiter((self._code_of.get(str(d), -1) for d in doc_ids), dtype=np.int64, count=len(doc_ids))
        if (codes < 0).any():
            missing = [d for d, c in zip(doc_ids, codes, strict=True) if c < 0][0]
            raise ValueError(f"tokens: document {str(missing)!r} is not in the token table; pass the table of this corpus")
        return np.searchsorted(self._keys, codes * self._width + np.minimum(offsets, self._width - 1), side="left")
