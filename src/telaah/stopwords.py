"""Indonesian stopword lists: Sastrawi's, Tala's, and Telaah's default for news.

The lists are plain files in ``data/id/stopwords/`` (one word per line).
``default`` is the union of the Sastrawi and Tala lists minus words that carry
meaning in news (``luar`` as in *Menteri Luar Negeri*, ``pihak``, ``tahun``,
``tengah`` as in *Timur Tengah*, ...); the file's header lists every removed
word with its reason.  :func:`compare_stopwords` shows the differences.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from telaah.lang_id import stopword_list, stopword_list_names

__all__ = ["stopwords", "compare_stopwords"]


def stopwords(name: str = "default", *, add: Iterable[str] = (), remove: Iterable[str] = ()) -> frozenset[str]:
    """Return a stopword list, optionally with words added or removed.

    Parameters
    ----------
    name : str
        ``"default"`` (Telaah's list for news), ``"sastrawi"`` (809 words, as
        PySastrawi ships it) or ``"tala"`` (758 words; the list that
        stopwords-iso, NLTK and spaCy share).
    add, remove : iterable of str
        Words to add to or remove from the list; compared in lowercase.

    Returns
    -------
    frozenset of str
        Lowercase stopwords.

    Examples
    --------
    >>> "yang" in stopwords()
    True
    >>> "luar" in stopwords(), "luar" in stopwords("sastrawi")
    (False, True)
    >>> "tahun" in stopwords(remove=["tahun"])
    False
    """
    words = stopword_list(name)
    if isinstance(add, str) or isinstance(remove, str):
        raise TypeError("add= and remove= take a list of words, not a single string")
    return frozenset((words | {w.lower() for w in add}) - {w.lower() for w in remove})


def compare_stopwords(names: Sequence[str] | None = None) -> pd.DataFrame:
    """Show which list contains which word: one row per word, one boolean column per list.

    Parameters
    ----------
    names : sequence of str, optional
        The lists to compare; all bundled lists by default.

    Returns
    -------
    pandas.DataFrame
        Columns ``word`` and one ``in_<name>`` column per list, plus ``n_lists``;
        sorted by word.

    Examples
    --------
    >>> table = compare_stopwords(["default", "sastrawi"])
    >>> table.loc[table.word == "luar", ["in_default", "in_sastrawi"]].values.tolist()
    [[False, True]]
    """
    names = list(names) if names is not None else stopword_list_names()
    lists = {name: stopword_list(name) for name in names}
    words = sorted(set().union(*lists.values()))
    table = pd.DataFrame({"word": words})
    for name, members in lists.items():
        table[f"in_{name}"] = table["word"].isin(members)
    table["n_lists"] = table[[f"in_{n}" for n in names]].sum(axis=1)
    return table
