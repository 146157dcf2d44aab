"""The token table: one row per token of a corpus, the shared input of every analysis.

:func:`token_table` runs the whole text pipeline over a corpus (tokens with
offsets, sentences, lowercase forms, stems, stopwords, protected names) and
returns a tidy DataFrame.  The work is done per distinct form wherever it can
be: a million-word corpus has about a hundred thousand distinct forms, so each
is lowercased, stemmed and looked up once.  String columns are categorical, so
the table costs a few dozen bytes per token.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from telaah._columns import TOKEN_COLUMNS
from telaah.corpus import check_corpus_table, paragraph_spans, read_corpus
from telaah.errors import CorpusError
from telaah.lang_id import protected_names
from telaah.parallel import fork_map, worker_count
from telaah.sentences import sentence_ids
from telaah.stemmer import Stemmer, default_stemmer
from telaah.stopwords import stopwords as load_stopwords
from telaah.tokenize import scan_forms, token_kinds

__all__ = ["token_table", "as_corpus", "TOKEN_COLUMNS"]

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
        check_corpus_table(corpus)
        return corpus
    if isinstance(corpus, (str, Path)):
        return read_corpus(corpus)
    texts = list(corpus)
    bad = [i for i, t in enumerate(texts) if not isinstance(t, str)]
    if bad:
        raise CorpusError(f"list of texts: item {bad[0]} is {type(texts[bad[0]]).__name__}, not str")
    table = pd.DataFrame({"doc_id": [f"doc{i}" for i in range(1, len(texts) + 1)], "text": pd.Series(texts, dtype=object)})
    check_corpus_table(table, label="list of texts")
    return table


def token_table(
    corpus: pd.DataFrame | str | Path | Sequence[str],
    *,
    stem: bool = True,
    protect_names: bool = True,
    stopwords: Iterable[str] | str = "default",
    stemmer: Stemmer | None = None,
    progress: bool | None = None,
    processes: int | None = None,
    metadata: bool | Sequence[str] = True,
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
    processes : int, optional
        Worker processes for tokenizing and stemming a large corpus (Linux;
        by default the usable cores, for corpora of more than about 300,000
        words). ``1`` keeps everything in this process.
    metadata : bool or list of str
        Carry the corpus's document-level columns (``source``, ``category``,
        ``date``, any other the corpus has) into every token's row, as
        categorical columns after the token columns, so that every analysis
        can group by them (``frequencies(tokens, groupby="source")``).
        ``True``: every such column; a list: those columns; ``False``: none.
        The columns that locate a unit in its parent (``para_index``,
        ``sent_index``, ``start``, ``end``) are never carried.

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
        (paragraph and sentence units), and the document metadata after the
        token columns (see ``metadata``).

    Examples
    --------
    >>> t = token_table(["Warga Bekasi menolak kerusakan itu."])
    >>> t[["token", "stem", "is_name"]].values.tolist()[:4]
    [['Warga', 'warga', False], ['Bekasi', 'bekasi', True], ['menolak', 'tolak', False], ['kerusakan', 'rusak', False]]
    """
    docs = as_corpus(corpus)
    return _build_table(
        docs, stem=stem, protect_names=protect_names, stopwords=stopwords, stemmer=stemmer, progress=progress, processes=processes, metadata=metadata
    )


def _build_table(
    docs: pd.DataFrame,
    *,
    stem: bool,
    protect_names: bool,
    stopwords: Iterable[str] | str,
    stemmer: Any,
    progress: bool | None,
    processes: int | None,
    metadata: bool | Sequence[str],
    names: frozenset[str] | None = None,
    categories: Mapping[str, pd.Index] | None = None,
) -> pd.DataFrame:
    """:func:`token_table` on a corpus table.

    ``names`` (the lowercase forms that are proper nouns) and ``stemmer`` (any
    object with ``stem_table``) let :mod:`telaah.dask` decide names and stems
    once for a whole corpus and build each partition's rows with them;
    ``categories`` gives ``doc_id`` and metadata columns their corpus-wide
    categories.  By default names are decided on ``docs`` itself.
    """
    stoplist = load_stopwords(stopwords) if isinstance(stopwords, str) else frozenset(w.lower() for w in stopwords)
    columns = _scan_corpus(docs, progress=progress, processes=processes)
    n = len(columns["form"])

    # Everything per distinct form (a million-word corpus has about 100,000), then mapped to rows.
    tok_codes = columns["form"]
    tok_forms = columns["forms"]
    form_to_lower, lower_uniques = pd.factorize(np.asarray([f.lower() for f in tok_forms], dtype=object))
    form_to_lower = form_to_lower.astype(np.int32)
    lower_codes = form_to_lower[tok_codes]
    lowers = lower_uniques.tolist()
    kind_names, form_kind = np.unique(np.asarray(columns["kinds"], dtype=object), return_inverse=True)
    kind_codes = form_kind.astype(np.int8)[tok_codes]
    word_code = np.flatnonzero(kind_names == "word")
    is_word = kind_codes == (word_code[0] if len(word_code) else -1)
    if names is None:
        is_name_type = _name_types(tok_forms, form_to_lower, lowers, tok_codes, is_word, columns["sent_global"], protect=protect_names)
    else:
        is_name_type = np.fromiter((w in names for w in lowers), dtype=bool, count=len(lowers))

    table = pd.DataFrame(
        {
            "doc_id": _categorical(docs["doc_id"].astype(str), columns["doc_code"], (categories or {}).get("doc_id")),
            "sent_id": columns["sent_id"],
            "para_id": columns["para_id"],
            "token_id": columns["token_id"],
            "start": columns["start"],
            "end": columns["end"],
            "token": pd.Categorical.from_codes(tok_codes, categories=pd.Index(tok_forms, dtype=object)),
            "lower": pd.Categorical.from_codes(lower_codes, categories=pd.Index(lowers, dtype=object)),
            "kind": pd.Categorical.from_codes(kind_codes, categories=pd.Index(kind_names.tolist(), dtype=object)),
        }
    )
    name_rows = is_name_type[lower_codes] & is_word
    if stem:
        stem_codes, source_codes, stems, sources = _stem_types(
            lowers, lower_codes, is_word, is_name_type, stemmer or _stemmer(protect_names=protect_names, processes=processes)
        )
        table["stem"] = pd.Categorical.from_codes(stem_codes, categories=stems)
        table["stem_source"] = pd.Categorical.from_codes(source_codes, categories=pd.Index(sources, dtype=object))
    stop_type = np.fromiter((w in stoplist for w in lowers), dtype=bool, count=len(lowers))
    table["is_stop"] = stop_type[lower_codes] & is_word if n else np.zeros(0, dtype=bool)
    table["is_name"] = name_rows
    if "parent_id" in docs.columns:
        parents = docs["parent_id"].astype(str).to_numpy()
        table.insert(1, "parent_id", pd.Categorical(parents[columns["doc_code"]]))
    for name in _metadata_columns(docs, metadata):
        known = (categories or {}).get(name)
        values = pd.Categorical(docs[name]) if known is None else pd.Categorical(docs[name], categories=known)
        table[name] = pd.Categorical.from_codes(values.codes[columns["doc_code"]], dtype=values.dtype)
    return table


def _categorical(values: pd.Series, codes: np.ndarray, known: pd.Index | None) -> pd.Categorical:
    """``values[codes]`` as a categorical: with ``values`` as categories, or with the ``known`` ones."""
    if known is None:
        return pd.Categorical.from_codes(codes, categories=pd.Index(values))
    return pd.Categorical.from_codes(known.get_indexer(values)[codes], categories=known)


#: Corpus columns that are not document metadata: the text, the ids, and where a unit lies in its parent.
_NOT_METADATA = frozenset({"doc_id", "text", "parent_id", "para_index", "sent_index", "start", "end"})


def _metadata_columns(docs: pd.DataFrame, metadata: bool | Sequence[str]) -> list[str]:
    """The corpus columns a token table carries: every document-level one, those named, or none."""
    if metadata is False:
        return []
    if metadata is True:
        names = [c for c in docs.columns if c not in _NOT_METADATA]
    else:
        names = [metadata] if isinstance(metadata, str) else list(metadata)
        missing = [c for c in names if c not in docs.columns or c in _NOT_METADATA]
        if missing:
            raise ValueError(
                f"metadata: no document column(s) {', '.join(map(repr, missing))} in the corpus; "
                f"its metadata columns are {', '.join(repr(c) for c in docs.columns if c not in _NOT_METADATA) or '(none)'}"
            )
    clash = [c for c in names if c in TOKEN_COLUMNS]
    if clash:
        raise ValueError(
            f"metadata: the corpus column(s) {', '.join(map(repr, clash))} have the name of a token-table column; "
            "rename them in the corpus, or leave them out with metadata=[...] or metadata=False"
        )
    return names


def _scan_corpus(docs: pd.DataFrame, *, progress: bool | None, processes: int | None) -> dict:
    """Tokenize, sentence- and paragraph-split every document into flat columns.

    Large corpora are split into chunks of documents, scanned by forked
    workers; each chunk comes back with its distinct token forms and integer
    codes, so few strings cross between processes.
    """
    texts = docs["text"].tolist()
    ids = docs["doc_id"].tolist()
    for code, text in enumerate(texts):
        if not isinstance(text, str):
            raise CorpusError(f"corpus table, document {ids[code]!r} (row {code}): text is {type(text).__name__}, not str")
    total = sum(map(len, texts))
    n = worker_count(total, processes=processes, min_items=_PARALLEL_MIN_CHARS)
    pieces = max(1, min(len(texts), 2 * n if n > 1 else (20 if progress else 1)))
    bounds = np.linspace(0, len(texts), pieces + 1).astype(int)
    chunks = [(int(a), texts[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    show = progress if progress is not None else len(texts) > 1000
    if show and n == 1:
        from tqdm.auto import tqdm

        results = [_scan_chunk(c) for c in tqdm(chunks, desc="tokenizing", unit="chunk")]
    else:
        results = fork_map(_scan_chunk, chunks, processes=n)
    # Merge the chunks' distinct forms into one vocabulary and recode.
    forms: dict[str, int] = {}
    kinds: list[str] = []
    recoded = []
    for chunk_forms, chunk_kinds, columns in results:
        mapping = np.empty(len(chunk_forms), dtype=np.int32)
        for i, (form, kind) in enumerate(zip(chunk_forms, chunk_kinds, strict=True)):
            code = forms.get(form)
            if code is None:
                code = forms[form] = len(kinds)
                kinds.append(kind)
            mapping[i] = code
        recoded.append(mapping[columns["form"]])
    out = {key: np.concatenate([r[2][key] for r in results]) for key in _CHUNK_COLUMNS if key != "form"}
    out["form"] = np.concatenate(recoded) if recoded else np.zeros(0, dtype=np.int32)
    sizes = np.bincount(out["doc_code"], minlength=len(texts)) if len(out["doc_code"]) else np.zeros(len(texts), int)
    # Sentence numbers that run on across documents, for the name rule.
    sentences_per_doc = np.zeros(len(texts), dtype=np.int64)
    if len(out["sent_id"]):
        last = np.cumsum(sizes) - 1
        has = sizes > 0
        sentences_per_doc[has] = out["sent_id"][last[has]] + 1
    offsets = np.concatenate([[0], np.cumsum(sentences_per_doc)[:-1]])
    out["sent_global"] = out["sent_id"] + offsets[out["doc_code"]] if len(out["sent_id"]) else out["sent_id"]
    return {"forms": list(forms), "kinds": kinds, **out}


_CHUNK_COLUMNS = ("doc_code", "sent_id", "para_id", "token_id", "start", "end", "form")
_PARALLEL_MIN_CHARS = 2_000_000  # about 300,000 words: below that, one process is as fast


def _scan_chunk(chunk: tuple[int, list[str]]) -> tuple[list[str], list[str], dict[str, np.ndarray]]:
    """Scan a run of documents: their distinct forms, the forms' kinds, and int32 columns.

    Lists grow per document and become arrays once per chunk; paragraph
    numbers come from one ``searchsorted`` over (document, offset) keys.
    """
    first, texts = chunk
    forms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    sent_ids: list[int] = []
    doc_sizes: list[int] = []
    para_keys: list[int] = []  # document * _KEY + paragraph start, in order
    paras_before: list[int] = []  # paragraphs of the chunk before each document
    for text in texts:
        doc_forms, doc_starts, doc_ends = scan_forms(text)
        doc = len(doc_sizes)
        doc_sizes.append(len(doc_forms))
        paras_before.append(len(para_keys))
        if not doc_forms:
            continue
        forms += doc_forms
        starts += doc_starts
        ends += doc_ends
        sent_ids += sentence_ids(text, doc_forms, doc_starts, doc_ends)
        para_keys += [doc * _KEY + start for start, _ in paragraph_spans(text)]
    sizes = np.asarray(doc_sizes, dtype=np.int64)
    local_doc = np.repeat(np.arange(len(texts), dtype=np.int64), sizes)
    start_array = np.asarray(starts, dtype=np.int64)
    paragraph = np.searchsorted(np.asarray(para_keys, dtype=np.int64), local_doc * _KEY + start_array, side="right") - 1
    codes, uniques = pd.factorize(np.asarray(forms, dtype=object))
    first_token = np.concatenate([[0], np.cumsum(sizes)[:-1]]) if len(sizes) else sizes
    arrays = {
        "doc_code": (local_doc + first).astype(np.int32),
        "sent_id": np.asarray(sent_ids, dtype=np.int32),
        "para_id": (paragraph - np.asarray(paras_before, dtype=np.int64)[local_doc]).astype(np.int32),
        "token_id": (np.arange(len(forms), dtype=np.int64) - first_token[local_doc]).astype(np.int32),
        "start": start_array.astype(np.int32),
        "end": np.asarray(ends, dtype=np.int32),
        "form": codes.astype(np.int32),
    }
    unique_forms = uniques.tolist()
    return unique_forms, token_kinds(unique_forms), arrays


_KEY = 1 << 32  # documents are shorter than 4 G characters


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
    capitalised, seen_lower = _name_evidence(forms, form_to_lower, lowers, tok_codes, is_word, sent_global)
    return is_name | (capitalised & ~seen_lower)


def _name_evidence(
    forms: list[str], form_to_lower: np.ndarray, lowers: list[str], tok_codes: np.ndarray, is_word: np.ndarray, sent_global: Any
) -> tuple[np.ndarray, np.ndarray]:
    """Per lowercase type: is it written capitalised somewhere a name would be, and is it ever written in lowercase?

    A type is a name candidate when the first holds and the second does not,
    over the whole corpus; :mod:`telaah.dask` adds the evidence of all
    partitions before it decides.
    """
    capitalised = np.zeros(len(lowers), dtype=bool)
    seen_lower = np.zeros(len(lowers), dtype=bool)
    if not len(tok_codes):
        return capitalised, seen_lower
    # A capitalised word says nothing about names where any word would be capitalised: as the
    # first word of a sentence, or right after a full stop, an opening quote, a colon or a dash
    # (a quoted sentence inside a sentence: “Kita harus bertindak. Kita tidak boleh ...”).
    word_rows = np.flatnonzero(is_word)
    sents = np.asarray(sent_global, dtype=np.int64)[word_rows]
    initial = np.ones(len(word_rows), dtype=bool)
    initial[1:] = sents[1:] != sents[:-1]
    opener_form = np.fromiter((f in _CAPITAL_CONTEXTS for f in forms), dtype=bool, count=len(forms))
    has_previous = word_rows > 0
    initial[has_previous] |= opener_form[tok_codes[word_rows[has_previous] - 1]]
    capitalised_form = np.fromiter((f[:1].isupper() for f in forms), dtype=bool, count=len(forms))
    lowercase_form = np.fromiter((f == lowers[i] for f, i in zip(forms, form_to_lower, strict=True)), dtype=bool, count=len(forms))
    word_forms = tok_codes[word_rows]
    capitalised[form_to_lower[np.flatnonzero((np.bincount(word_forms[~initial], minlength=len(forms)) > 0) & capitalised_form)]] = True
    seen_lower[form_to_lower[np.flatnonzero((np.bincount(word_forms, minlength=len(forms)) > 0) & lowercase_form)]] = True
    return capitalised, seen_lower


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
    for i, s, src in zip(to_stem, result["stem"].tolist(), result["stem_source"].tolist(), strict=True):
        type_stem[i] = s
        type_source[i] = src
    # Only the stems that occur, in order of first appearance: every category of the column is a stem of the table.
    stem_of_type, stems = pd.factorize(np.asarray(type_stem, dtype=object))
    source_of_type, sources = pd.factorize(np.asarray(type_source, dtype=object))
    return stem_of_type[lower_codes], source_of_type[lower_codes], pd.Index(stems, dtype=object), sources.tolist()


#: Tokens after which a capitalised word may just be starting a (quoted) sentence.
_CAPITAL_CONTEXTS = frozenset({".", "!", "?", "...", "…", ":", "“", "‘", '"', "'", "«", "(", "[", "-", "–", "—"})

def _stemmer(*, protect_names: bool, processes: int | None) -> Stemmer:
    """The process's default stemmer for the default options; a stemmer of their own for others."""
    if protect_names and processes is None:
        return default_stemmer()
    return Stemmer(protect_names=protect_names, processes=processes)
