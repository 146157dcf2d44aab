"""The token table: one row per token of a corpus, the shared input of every analysis.

:func:`token_table` runs the whole text pipeline over a corpus (tokens with
offsets, sentences, lowercase forms, stems, stopwords, protected names) and
returns a tidy DataFrame.  The work is done per distinct form wherever it can
be: a million-word corpus has about a hundred thousand distinct forms, so each
is lowercased, stemmed and looked up once.  String columns are categorical, so
the table costs a few dozen bytes per token.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from telaah.corpus import paragraph_spans, read_corpus
from telaah.errors import CorpusError
from telaah.lang_id import protected_names
from telaah.sentences import sentence_ids
from telaah.stem import Stemmer
from telaah.stopwords import stopwords as load_stopwords
from telaah.tokenize import scan

__all__ = ["token_table", "as_corpus", "TOKEN_COLUMNS"]

#: Columns of :func:`token_table`, in order (``stem`` and ``stem_source`` only when ``stem=True``).
TOKEN_COLUMNS = (
    "doc_id", "sent_id", "para_id", "token_id", "start", "end", "token", "lower", "kind",
    "stem", "stem_source", "is_stop", "is_name",
)


def as_corpus(corpus: pd.DataFrame | str | Path | Sequence[str]) -> pd.DataFrame:
    """Return ``corpus`` as a corpus table with ``doc_id`` and ``text`` columns.

    Parameters
    ----------
    corpus : DataFrame, path or sequence of str
        A table from :func:`telaah.read_corpus` (or any DataFrame with
        ``doc_id`` and ``text``), a path that :func:`telaah.read_corpus`
        accepts, or a list of texts (ids ``doc1``, ``doc2``, ...).

    Examples
    --------
    >>> as_corpus(["Satu.", "Dua."]).doc_id.tolist()
    ['doc1', 'doc2']
    """
    if isinstance(corpus, pd.DataFrame):
        missing = [c for c in ("doc_id", "text") if c not in corpus.columns]
        if missing:
            raise CorpusError(
                f"corpus table: missing column(s) {', '.join(missing)}; it has {', '.join(map(str, corpus.columns))}. "
                "Read files with telaah.read_corpus(), which adds doc_id and text."
            )
        return corpus
    if isinstance(corpus, (str, Path)):
        return read_corpus(corpus)
    texts = list(corpus)
    bad = [i for i, t in enumerate(texts) if not isinstance(t, str)]
    if bad:
        raise CorpusError(f"list of texts: item {bad[0]} is {type(texts[bad[0]]).__name__}, not str")
    return pd.DataFrame({"doc_id": [f"doc{i}" for i in range(1, len(texts) + 1)], "text": texts})


def token_table(
    corpus: pd.DataFrame | str | Path | Sequence[str],
    *,
    stem: bool = True,
    protect_names: bool = True,
    stopwords: Iterable[str] | str = "default",
    stemmer: Stemmer | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Tokenize, split, stem and annotate a corpus: one row per token.

    Parameters
    ----------
    corpus : DataFrame, path or sequence of str
        See :func:`as_corpus`.
    stem : bool
        Add ``stem`` and ``stem_source`` columns (Sastrawi with Telaah's
        remedies; see :class:`telaah.Stemmer`).
    protect_names : bool
        Leave proper nouns unstemmed.  A form is a name when it is on the
        protected list (``data/id/names.txt``), or when the corpus has it
        capitalised somewhere other than at the start of a sentence and never
        in lowercase (so *Bekasi* is a name, while *Pertahanan* in *Menteri
        Pertahanan* is not when *pertahanan* also occurs).
    stopwords : str or iterable of str
        The name of a bundled list (see :func:`telaah.stopwords`) or the
        words themselves; sets ``is_stop`` (compared in lowercase).
    stemmer : Stemmer, optional
        The stemmer to use; a default :class:`telaah.Stemmer` otherwise.
    progress : bool, optional
        Show a progress bar over documents; by default only for corpora of
        more than 1000 documents.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id``, ``sent_id`` (0-based within the document),
        ``token_id`` (0-based within the document), ``start``, ``end``
        (character offsets into that document's ``text``), ``token``,
        ``lower``, ``kind`` (``word``, ``number``, ``punct``, ``symbol``,
        ``url``, ``email``, ``mention``, ``hashtag``), ``stem`` and
        ``stem_source`` (``sastrawi``, ``remedy``, ``override``, ``name``;
        ``none`` for tokens that are not words), ``is_stop``, ``is_name``.
        A ``parent_id`` column is carried over when the corpus has one
        (paragraph units).

    Examples
    --------
    >>> t = token_table(["Warga Bekasi menolak kerusakan itu."])
    >>> t[["token", "stem", "is_name"]].values.tolist()[:4]
    [['Warga', 'warga', False], ['Bekasi', 'bekasi', True], ['menolak', 'tolak', False], ['kerusakan', 'rusak', False]]
    """
    docs = as_corpus(corpus)
    stoplist = load_stopwords(stopwords) if isinstance(stopwords, str) else frozenset(w.lower() for w in stopwords)
    columns = _scan_corpus(docs, progress=progress)
    n = len(columns["token"])

    # Everything per distinct form: factorize once, then work on the uniques.
    tok_codes, tok_uniques = pd.factorize(np.asarray(columns.pop("token"), dtype=object))
    tok_forms = tok_uniques.tolist()
    lower_of_form = [f.lower() for f in tok_forms]
    form_to_lower, lower_uniques = pd.factorize(np.asarray(lower_of_form, dtype=object))
    lower_codes = form_to_lower[tok_codes]
    lowers = lower_uniques.tolist()

    kind_cat = pd.Categorical(columns.pop("kind"))
    is_word = np.asarray(kind_cat == "word")
    is_name_type = _name_types(
        tok_forms, form_to_lower, lowers, tok_codes, is_word, columns["sent_global"], protect=protect_names
    )

    table = pd.DataFrame(
        {
            "doc_id": pd.Categorical.from_codes(columns["doc_code"], categories=pd.Index(docs["doc_id"].astype(str))),
            "sent_id": np.asarray(columns["sent_id"], dtype=np.int32),
            "para_id": np.concatenate(columns["para_id"]).astype(np.int32) if n else np.zeros(0, dtype=np.int32),
            "token_id": np.asarray(columns["token_id"], dtype=np.int32),
            "start": np.asarray(columns["start"], dtype=np.int32),
            "end": np.asarray(columns["end"], dtype=np.int32),
            "token": pd.Categorical.from_codes(tok_codes, categories=pd.Index(tok_forms, dtype=object)),
            "lower": pd.Categorical.from_codes(lower_codes, categories=pd.Index(lowers, dtype=object)),
            "kind": kind_cat,
        }
    )
    name_rows = is_name_type[lower_codes] & is_word
    if stem:
        stem_codes, source_codes, stems, sources = _stem_types(
            lowers, lower_codes, is_word, is_name_type, stemmer or _default_stemmer(protect_names)
        )
        table["stem"] = pd.Categorical.from_codes(stem_codes, categories=stems)
        # ``lower`` takes the same categories (its codes are unchanged: the forms come first).
        table["lower"] = pd.Categorical.from_codes(lower_codes, categories=stems)
        table["stem_source"] = pd.Categorical.from_codes(source_codes, categories=pd.Index(sources, dtype=object))
    stop_type = np.fromiter((w in stoplist for w in lowers), dtype=bool, count=len(lowers))
    table["is_stop"] = stop_type[lower_codes] & is_word if n else np.zeros(0, dtype=bool)
    table["is_name"] = name_rows
    if "parent_id" in docs.columns:
        parents = docs["parent_id"].astype(str).to_numpy()
        table.insert(1, "parent_id", pd.Categorical(parents[columns["doc_code"]]))
    return table


def _scan_corpus(docs: pd.DataFrame, *, progress: bool | None) -> dict[str, list]:
    """Tokenize and sentence-split every document, collecting flat columns."""
    out: dict[str, list] = {
        k: [] for k in ("doc_code", "sent_id", "sent_global", "para_id", "token_id", "start", "end", "token", "kind")
    }
    texts = docs["text"].tolist()
    ids = docs["doc_id"].tolist()
    show = progress if progress is not None else len(texts) > 1000
    iterator: Iterable = enumerate(texts)
    if show:
        from tqdm.auto import tqdm

        iterator = tqdm(iterator, total=len(texts), desc="tokenizing", unit="doc")
    sent_offset = 0
    for code, text in iterator:
        if not isinstance(text, str):
            raise CorpusError(f"corpus table, document {ids[code]!r} (row {code}): text is {type(text).__name__}, not str")
        forms, starts, ends, kinds = scan(text)
        sents = sentence_ids(text, forms, starts, ends, kinds)
        m = len(forms)
        paragraph_starts = [start for start, _ in paragraph_spans(text)]
        out["para_id"].append(np.searchsorted(paragraph_starts, starts, side="right") - 1)
        out["doc_code"].extend([code] * m)
        out["sent_id"].extend(sents)
        out["sent_global"].extend(s + sent_offset for s in sents)
        out["token_id"].extend(range(m))
        out["start"].extend(starts)
        out["end"].extend(ends)
        out["token"].extend(forms)
        out["kind"].extend(kinds)
        if m:
            sent_offset += sents[-1] + 1
    return out


def _name_types(
    forms: list[str],
    form_to_lower: np.ndarray,
    lowers: list[str],
    tok_codes: np.ndarray,
    is_word: np.ndarray,
    sent_global: list[int],
    *,
    protect: bool,
) -> np.ndarray:
    """Decide per lowercase type whether it is a protected proper noun."""
    is_name = np.zeros(len(lowers), dtype=bool)
    if not protect or not len(tok_codes):
        return is_name
    listed = protected_names()
    is_name |= np.fromiter((w in listed for w in lowers), dtype=bool, count=len(lowers))
    # A word token is sentence-initial when it is the first word token of its sentence.
    word_rows = np.flatnonzero(is_word)
    sents = np.asarray(sent_global, dtype=np.int64)[word_rows]
    initial = np.ones(len(word_rows), dtype=bool)
    initial[1:] = sents[1:] != sents[:-1]
    capitalised_form = np.fromiter((f[:1].isupper() for f in forms), dtype=bool, count=len(forms))
    lowercase_form = np.fromiter((f == low for f, low in zip(forms, (lowers[i] for i in form_to_lower))), dtype=bool, count=len(forms))
    word_forms = tok_codes[word_rows]
    cap_inside = np.unique(word_forms[~initial])
    cap_inside = cap_inside[capitalised_form[cap_inside]]
    seen_lower = np.unique(word_forms)
    seen_lower = seen_lower[lowercase_form[seen_lower]]
    candidate = np.zeros(len(lowers), dtype=bool)
    candidate[form_to_lower[cap_inside]] = True
    candidate[form_to_lower[seen_lower]] = False
    return is_name | candidate


def _stem_types(
    lowers: list[str],
    lower_codes: np.ndarray,
    is_word: np.ndarray,
    is_name_type: np.ndarray,
    stemmer: Stemmer,
) -> tuple[np.ndarray, np.ndarray, pd.Index, list[str]]:
    """Stem each distinct lowercase word once; names keep their form."""
    word_types = np.zeros(len(lowers), dtype=bool)
    word_types[np.unique(lower_codes[is_word])] = True
    to_stem = np.flatnonzero(word_types & ~is_name_type)
    result = stemmer.stem_table([lowers[i] for i in to_stem])
    type_stem = list(lowers)
    type_source = ["none"] * len(lowers)
    for i in np.flatnonzero(word_types & is_name_type):
        type_source[i] = "name"
    for i, s, src in zip(to_stem, result["stem"].tolist(), result["stem_source"].tolist()):
        type_stem[i] = s
        type_source[i] = src
    # Stems share the categories of ``lower`` (plus the stems that are not forms), so the two
    # columns compare directly: ``tokens.stem == tokens.lower``.
    known = set(lowers)
    new_stems = pd.unique(np.asarray([s for s in type_stem if s not in known], dtype=object)).tolist()
    stems = pd.Index(lowers + new_stems, dtype=object)
    stem_of_type = stems.get_indexer(np.asarray(type_stem, dtype=object))
    source_of_type, sources = pd.factorize(np.asarray(type_source, dtype=object))
    return stem_of_type[lower_codes], source_of_type[lower_codes], stems, sources.tolist()


_STEMMERS: dict[bool, Stemmer] = {}


def _default_stemmer(protect_names: bool) -> Stemmer:
    if protect_names not in _STEMMERS:
        _STEMMERS[protect_names] = Stemmer(protect_names=protect_names)
    return _STEMMERS[protect_names]
