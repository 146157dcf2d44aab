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

    The corpus is scanned in chunks of about ``_CHUNK_CHARS`` characters (and
    at least one chunk per worker): a chunk's per-token Python objects are
    turned into int32 arrays before the next is scanned, so the peak memory
    does not grow with the corpus.  A document longer than
    ``_SEGMENT_CHARS`` is cut at paragraph starts into segments scanned
    apart (a token or a sentence never crosses a paragraph), and the
    segments' numbers are joined again.  Large corpora are scanned by forked
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
    segments = [segment for code, text in enumerate(texts) for segment in _segments(code, text)]
    pieces = max(1, min(len(segments), max(2 * n if n > 1 else 1, 20 if progress else 1, -(-total // _CHUNK_CHARS))))
    sizes_so_far = np.cumsum([len(seg[2]) for seg in segments]) if segments else np.zeros(0)
    cuts = np.searchsorted(sizes_so_far, np.linspace(0, total, pieces + 1)[1:-1], side="left") + 1 if segments else np.zeros(0, int)
    bounds = np.unique(np.concatenate([[0], np.minimum(cuts, len(segments)), [len(segments)]])).astype(int)
    chunks = [(int(a), segments[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)] or [(0, [])]
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
        del columns["form"]
    out = {key: np.concatenate([r[2][key] for r in results]) for key in (*_CHUNK_COLUMNS, "segment") if key != "form"}
    out["form"] = np.concatenate(recoded) if recoded else np.zeros(0, dtype=np.int32)
    _join_segments(out, segments, [count for r in results for count in r[2]["segment_paragraphs"]])
    del out["segment"]
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
_CHUNK_CHARS = 1_000_000  # about 150,000 tokens a chunk: their Python objects are freed before the next chunk
_SEGMENT_CHARS = 250_000  # a longer document is scanned in segments of at least this many characters

#: One segment of a document: (doc_code, char offset in the document, text, paragraph starts relative to the segment).
_Segment = tuple[int, int, str, list[int]]


def _segments(code: int, text: str) -> list[_Segment]:
    """A document as segments cut at paragraph starts, each at least ``_SEGMENT_CHARS`` long (one for a short document).

    The paragraph starts come from the whole document's
    :func:`telaah.corpus.paragraph_spans`, whose rule (blank lines, or line
    breaks when there are none) depends on the whole text.
    """
    starts = [start for start, _ in paragraph_spans(text)]
    if len(text) <= _SEGMENT_CHARS or len(starts) < 2:
        return [(code, 0, text, starts)]
    out: list[_Segment] = []
    begin, first = 0, 0
    for index, start in enumerate(starts[1:], start=1):
        if start - begin >= _SEGMENT_CHARS:
            out.append((code, begin, text[begin:start], [s - begin for s in starts[first:index]]))
            begin, first = start, index
    out.append((code, begin, text[begin:], [s - begin for s in starts[first:]]))
    return out


def _join_segments(out: dict[str, np.ndarray], segments: list[_Segment], paragraphs: list[int]) -> None:
    """Renumber the tokens of a document's later segments as the document's: offsets, token, sentence and paragraph numbers."""
    if len(segments) == sum(1 for seg in segments if seg[1] == 0):
        return  # no document was cut
    seg = out["segment"]
    n_segments = len(segments)
    tokens = np.bincount(seg, minlength=n_segments)
    sentences = np.zeros(n_segments, dtype=np.int64)
    if len(seg):
        last = np.cumsum(tokens) - 1
        has = tokens > 0
        sentences[has] = out["sent_id"][last[has]].astype(np.int64) + 1
    doc = np.asarray([s[0] for s in segments], dtype=np.int64)
    new_doc = np.r_[True, doc[1:] != doc[:-1]]
    for key, per_segment in (("token_id", tokens), ("sent_id", sentences), ("para_id", np.asarray(paragraphs, dtype=np.int64))):
        running = np.cumsum(per_segment) - per_segment
        base = running - np.maximum.accumulate(np.where(new_doc, running, 0))
        out[key] = (out[key] + base[seg]).astype(np.int32)
    shift = np.asarray([s[1] for s in segments], dtype=np.int64)[seg]
    out["start"] = (out["start"] + shift).astype(np.int32)
    out["end"] = (out["end"] + shift).astype(np.int32)


def _scan_chunk(chunk: tuple[int, list[_Segment]]) -> tuple[list[str], list[str], dict[str, Any]]:
    """Scan a run of segments: their distinct forms, the forms' kinds, and int32 columns.

    Lists grow per segment and become arrays once per chunk; paragraph
    numbers come from one ``searchsorted`` over (segment, offset) keys.
    Numbers are within each segment (:func:`_join_segments` makes them the
    document's).
    """
    first, segments = chunk
    forms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    sent_ids: list[int] = []
    seg_sizes: list[int] = []
    para_keys: list[int] = []  # segment * _KEY + paragraph start, in order
    paras_before: list[int] = []  # paragraphs of the chunk before each segment
    for local, (_, _, text, paragraph_starts) in enumerate(segments):
        seg_forms, seg_starts, seg_ends = scan_forms(text)
        seg_sizes.append(len(seg_forms))
        paras_before.append(len(para_keys))
        para_keys += [local * _KEY + start for start in paragraph_starts]
        if not seg_forms:
            continue
        forms += seg_forms
        starts += seg_starts
        ends += seg_ends
        sent_ids += sentence_ids(text, seg_forms, seg_starts, seg_ends)
    sizes = np.asarray(seg_sizes, dtype=np.int64)
    local_seg = np.repeat(np.arange(len(segments), dtype=np.int64), sizes)
    start_array = np.asarray(starts, dtype=np.int64)
    paragraph = np.searchsorted(np.asarray(para_keys, dtype=np.int64), local_seg * _KEY + start_array, side="right") - 1
    codes, uniques = pd.factorize(np.asarray(forms, dtype=object))
    first_token = np.concatenate([[0], np.cumsum(sizes)[:-1]]) if len(sizes) else sizes
    doc_codes = np.asarray([seg[0] for seg in segments], dtype=np.int64)
    arrays: dict[str, Any] = {
        "doc_code": doc_codes[local_seg].astype(np.int32) if len(segments) else np.zeros(0, dtype=np.int32),
        "segment": (local_seg + first).astype(np.int64),
        "sent_id": np.asarray(sent_ids, dtype=np.int32),
        "para_id": (paragraph - np.asarray(paras_before, dtype=np.int64)[local_seg]).astype(np.int32),
        "token_id": (np.arange(len(forms), dtype=np.int64) - first_token[local_seg]).astype(np.int32),
        "start": start_array.astype(np.int32),
        "end": np.asarray(ends, dtype=np.int32),
        "form": codes.astype(np.int32),
        "segment_paragraphs": [len(seg[3]) for seg in segments],
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
