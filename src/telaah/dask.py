"""Corpora beyond one machine's memory: the token table and its counts on Dask.

The same analysis as the in-memory functions, on a ``dask.dataframe``: a
corpus read file by file into partitions, a token table built partition by
partition, and counts computed by map-reduce, equal to the in-memory results
on the same corpus.  Telaah starts no pool of its own here: the work runs on
whatever Dask scheduler is active (the default threads, ``processes``, a
``distributed.LocalCluster`` or a ``Client("tcp://...")`` to a cluster).

Two things are decided once for the whole corpus, not per partition, so that
a partition's rows are what the in-memory table would have:

* **names**: a form is a proper noun when the corpus writes it capitalised
  inside a sentence somewhere and never in lowercase (see
  :func:`telaah.token_table`); each partition reports its evidence and the
  decision is taken on the sum;
* **stems**: each distinct word of the corpus is stemmed once, in this
  process (its persistent stem cache is written here only), and the mapping
  is shipped to the workers.

``doc_id``, ``parent_id`` and the metadata columns get corpus-wide
categories, so groups come in the same order as in memory; the term columns
(``token``, ``lower``, ``stem`` ...) keep per-partition categories.

Examples
--------
>>> import pandas as pd
>>> from telaah import dask as td
>>> corpus = td.from_pandas(pd.DataFrame({"doc_id": ["a", "b"], "text": ["Ekspor dan impor.", "Ekspor turun."]}), npartitions=2)
>>> td.frequencies(td.token_table(corpus))[["term", "count"]].values.tolist()
[['ekspor', 2], ['impor', 1], ['turun', 1]]
"""

from __future__ import annotations

import functools
import glob as globbing
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from telaah._columns import check_by, check_kinds
from telaah.corpus import read_quietly
from telaah.errors import CorpusError
from telaah.freq import frequencies as frequencies_in_memory
from telaah.lang_id import protected_names

__all__ = ["read_corpus", "from_pandas", "scheduler", "checkpoint", "token_table", "frequencies", "theme_scores", "keyness", "kwic", "vocabulary", "theme_trends", "collocations", "fit_topics", "choose_k", "topic_weights", "entities", "quotes", "actor_counts", "actor_themes", "to_parquet", "read_token_table"]

#: Partitions of about this many bytes of input files (several small files share one partition): about
#: 1.2 M tokens of news, which a worker tokenizes in about 500 MB.
BLOCKSIZE = 8 * 2**20
_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".csv", ".tsv", ".parquet")
#: Columns whose categories are per partition (the terms); the others that are categorical are corpus-wide.
_TERM_COLUMNS = ("token", "lower", "kind", "stem", "stem_source")


def _dd() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError as error:  # pragma: no cover - dask is a dependency of the dask extra and of dev
        raise ImportError("telaah.dask needs Dask: pip install 'telaah[dask]' (dask and distributed)") from error
    return dd


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def _files(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], *, recursive: bool = False) -> list[Path]:
    """The corpus files named by a glob, a folder (with ``recursive``, its subfolders too), a file, or a list of those, in name order."""
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    if not items:
        raise ValueError("read_corpus: no paths given")
    found: list[Path] = []
    for item in items:
        text = os.fspath(item)
        path = Path(text)
        if path.is_dir():
            inside = path.rglob("*") if recursive else path.iterdir()
            matches = sorted(p for p in inside if p.is_file() and p.suffix.lower() in _SUFFIXES and not p.name.startswith("."))
            if not matches:
                raise CorpusError(f"{path}: no corpus file ({', '.join(_SUFFIXES)}) in this folder")
        elif path.is_file():
            matches = [path]
        elif globbing.has_magic(text):
            matches = sorted(Path(p) for p in globbing.glob(text) if Path(p).is_file())
            if not matches:
                raise CorpusError(f"{text}: the pattern matches no file")
        else:
            raise CorpusError(f"{text}: no such file or folder")
        found += matches
    seen: set[Path] = set()
    unique = []
    for path in found:
        resolved = path.resolve()
        if resolved in seen:
            raise CorpusError(f"{path}: named twice in the paths given; each file may be read once")
        seen.add(resolved)
        unique.append(path)
    return unique


@dataclass(frozen=True)
class _Part:
    """Bytes ``[start, end)`` of a JSON Lines file, whose first line is ``line``, after ``row`` records of the file."""

    path: Path
    start: int
    end: int
    line: int
    row: int
    rows_in_file: int
    codec: str

    def __str__(self) -> str:
        return str(self.path)


#: What a partition reads: whole files, or one part of a large JSON Lines file.
_Item = Path | _Part


def _splittable(path: Path, options: Mapping[str, Any], blocksize: int) -> bool:
    """A file read in parts: JSON Lines, larger than a partition, in UTF-8 (or undeclared), its dates' format known or absent."""
    import codecs

    if path.suffix.lower() not in (".jsonl", ".ndjson") or path.stat().st_size <= blocksize:
        return False
    encoding = options.get("encoding")
    try:
        if encoding is not None and codecs.lookup(encoding).name != "utf-8":
            return False
    except LookupError:  # read whole: the reader names the unknown encoding
        return False
    if options.get("date_column") is not None and options.get("date_format") is None:
        import warnings

        warnings.warn(
            f"{path}: read as one partition ({path.stat().st_size / 2**20:,.0f} MB): the format of its dates is inferred from "
            "the whole column; pass date_format to read it in parts of blocksize bytes",
            UserWarning, stacklevel=4,
        )
        return False
    return True


def _split(files: list[Path], options: Mapping[str, Any], blocksize: int) -> list[_Item]:
    """The files, each large JSON Lines file as parts of about ``blocksize`` bytes (its facts gathered in parallel).

    A file some part of which is not plain UTF-8 is read whole, where its
    problem is named; so is one without a record.
    """
    import dask

    from telaah.corpus import jsonl_part_facts, jsonl_parts

    ranges = {path: jsonl_parts(path, size=blocksize) for path in files if _splittable(path, options, blocksize)}
    facts = dask.compute({path: [dask.delayed(jsonl_part_facts)(path, a, b) for a, b in spans] for path, spans in ranges.items()})[0]
    items: list[_Item] = []
    for path in files:
        found = facts.get(path)
        if not found or not all(f["utf8"] for f in found) or not sum(f["records"] for f in found):
            items.append(path)
            continue
        codec = options.get("encoding") or ("utf-8-sig" if found[0]["bom"] else "utf-8")
        line, row, total = 1, 0, sum(f["records"] for f in found)
        for (a, b), f in zip(ranges[path], found, strict=True):
            items.append(_Part(path, a, b, line, row, total, codec))
            line, row = line + f["breaks"], row + f["records"]
    return items


def _size(item: _Item) -> int:
    return item.end - item.start if isinstance(item, _Part) else item.stat().st_size


def _blocks(items: list[_Item], blocksize: int) -> list[list[_Item]]:
    """Consecutive files grouped into partitions of about ``blocksize`` bytes; a part of a large file is a partition of its own."""
    blocks: list[list[_Item]] = []
    size = 0
    for item in items:
        length = _size(item)
        if not blocks or isinstance(item, _Part) or isinstance(blocks[-1][-1], _Part) or size + length > blocksize:
            blocks.append([])
            size = 0
        blocks[-1].append(item)
        size += length
    return blocks


def _read_item(item: _Item, options: Mapping[str, Any]) -> pd.DataFrame | None:
    """One file, or one part of a file (None when the part holds no document), as :func:`telaah.read_corpus` reads it."""
    if isinstance(item, _Part):
        from telaah.corpus import read_jsonl_part

        return read_jsonl_part(
            item.path, start=item.start, end=item.end, line=item.line, row=item.row, rows_in_file=item.rows_in_file, codec=item.codec, **options
        )
    return read_quietly(item, **options)


def _same_fields(frame: pd.DataFrame, item: _Item, columns: list[str] | None) -> pd.DataFrame:
    """One file's documents, refused when its columns are not the corpus's; without the reader's attrs.

    A part of a large file may lack a field that other parts have (a key
    that only some records give): it gets the field, missing, as the whole
    file read at once would.
    """
    if columns is not None and list(frame.columns) != columns:
        if not (isinstance(item, _Part) and set(frame.columns) <= set(columns)):
            raise CorpusError(
                f"{item}: its columns {list(frame.columns)} differ from the corpus's {columns} (from its first file); "
                "give every file the same fields"
            )
        frame = frame.reindex(columns=columns)
    frame = frame.copy()
    frame.attrs = {}
    return frame


def _read_block(items: list[_Item], options: Mapping[str, Any], columns: list[str], empty: pd.DataFrame) -> pd.DataFrame:
    """Read one partition's files with the in-memory reader; every file must give the same columns.

    Quietly: what its warnings would say (a guessed encoding, a skipped document) :func:`read_corpus` said once.
    """
    frames = [_same_fields(frame, item, columns) for item in items if (frame := _read_item(item, options)) is not None]
    if not frames:
        return empty.copy()
    out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
    out.attrs = {}
    return out


def _block_summary(items: list[_Item], options: Mapping[str, Any]) -> dict[str, Any]:
    """What one partition's files hold, without their text: ids, fields, metadata, encodings, skipped documents, a first content word."""
    from telaah.report import content_words

    ids: list[tuple[str, str]] = []
    metadata, fields, encodings, skipped = [], [], {}, []
    guessed: dict[str, list[str]] = {}
    word, seen = None, Counter()
    empty = None
    for item in items:
        frame = _read_item(item, options)  # quietly: the client says what a worker's warnings would say
        if frame is None:
            fields.append((item, None))
            continue
        encodings.update(frame.attrs.get("encodings", {}))
        skipped += frame.attrs.get("skipped", [])
        for codec, paths in frame.attrs.get("guessed", {}).items():
            guessed.setdefault(codec, []).extend(paths)
        fields.append((item, list(frame.columns)))
        frame = _same_fields(frame, item, None)
        empty = frame.iloc[:0] if empty is None else empty
        ids += [(str(i), str(item)) for i in frame["doc_id"]]
        metadata.append(frame.drop(columns="text"))
        if word is None:
            word, more = content_words(frame["text"])
            seen += more
    return {
        "ids": ids, "fields": fields, "empty": empty, "metadata": metadata, "encodings": encodings, "skipped": skipped,
        "content": (word, seen), "guessed": guessed,
    }


def _corpus_fields(summaries: Sequence[Mapping[str, Any]]) -> list[str]:
    """The corpus's columns: its first file's (every field its parts give, in order), refusing a file with others."""
    by_file: dict[Path, dict[str, None]] = {}  # the fields of each file, in order of first appearance
    for item, fields in (pair for summary in summaries for pair in summary["fields"]):
        by_file.setdefault(item.path if isinstance(item, _Part) else item, {}).update(dict.fromkeys(fields or []))
    columns = list(next(iter(by_file.values())))
    for path, known in by_file.items():
        if list(known) != columns:
            fields = list(known)
            raise CorpusError(
                f"{path}: its columns {fields} differ from the corpus's {columns} (from its first file); give every file the same fields"
            )
    return columns


def _no_documents(summaries: Sequence[Mapping[str, Any]]) -> None:
    """Refuse a large file read in parts none of which has a document, as the whole file would be refused."""
    from telaah.corpus import _skip_summary

    found: dict[Path, bool] = {}
    for item, fields in (pair for summary in summaries for pair in summary["fields"]):
        if isinstance(item, _Part):
            found[item.path] = found.get(item.path, False) or fields is not None
    for path, any_document in found.items():
        if not any_document:
            skipped = [s for summary in summaries for s in summary["skipped"] if s["path"] == str(path)]
            raise CorpusError(f"{path}: no documents left: every row was skipped ({_skip_summary(skipped)})")


def read_corpus(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    text_column: str = "text",
    id_column: str | None = None,
    date_column: str | None = None,
    date_format: str | None = None,
    encoding: str | None = None,
    sep: str | None = None,
    recursive: bool = False,
    on_error: str = "raise",
    blocksize: int = BLOCKSIZE,
) -> Any:
    """Read corpus files into a Dask DataFrame, one partition per block of files.

    Parameters
    ----------
    paths : str, path or list of them
        A glob (``"corpus/*.jsonl"``), a folder (its ``.txt``, ``.jsonl``,
        ``.csv``, ``.tsv`` and ``.parquet`` files), a file, or a list of those.
    text_column, id_column, date_column, date_format, encoding, sep, on_error
        As in :func:`telaah.read_corpus`, applied to every file.
    recursive : bool
        For folders: also the files of their subfolders.
    blocksize : int
        Consecutive files are grouped into partitions of about this many
        bytes.  A larger JSON Lines file (``.jsonl``, ``.ndjson``; UTF-8, as
        JSON Lines is) is read in parts of about this size that end at line
        breaks, each a partition, with the documents, ids, line numbers in
        messages and fields of the whole file read at once.  Other files are
        read whole: CSV (a quoted cell may hold a line break, so a byte
        offset cannot tell where a row starts), Parquet, ``.txt``,
        gzip-compressed files, and a JSON Lines file whose dates' format is
        inferred (it is inferred from the whole column: pass
        ``date_format`` to split it; a warning says so).

    Returns
    -------
    dask.dataframe.DataFrame
        The columns of :func:`telaah.read_corpus` (``doc_id``, ``text``, the
        metadata), lazily.

    Raises
    ------
    CorpusError
        The in-memory reader's errors, naming the file and the line; a file
        whose columns differ from the first file's; a ``doc_id`` that two
        documents share, naming both files.  To check the ids every file is
        read once here (in parallel, on the active scheduler), and the
        readers' warnings are said here, once; the rows are read again,
        lazily, when the partitions are computed.
    """
    return _read(paths, text_column=text_column, id_column=id_column, date_column=date_column, date_format=date_format,
                 encoding=encoding, sep=sep, recursive=recursive, on_error=on_error, blocksize=blocksize)[0]


def _read(paths: Any, *, recursive: bool, blocksize: int, **options: Any) -> tuple[Any, pd.DataFrame, list[Path], dict[str, Any]]:
    """:func:`read_corpus`, with what its check found: the documents' metadata (no text), the files, and a summary.

    The summary has ``encodings`` (file -> codec), ``skipped`` (as
    ``telaah.read_corpus``'s ``attrs``) and ``content`` (the first content
    word of the corpus, or None with the kinds of token seen instead).
    """
    import dask

    from telaah.corpus import _options, announce

    dd = _dd()
    _options(**options)  # refused here, before any file is read
    if isinstance(blocksize, bool) or not isinstance(blocksize, int) or blocksize < 1:
        raise ValueError(f"blocksize={blocksize!r}: must be a whole number of at least 1 byte")
    files = _files(paths, recursive=recursive)
    blocks = _blocks(_split(files, options, blocksize), blocksize)
    summaries = dask.compute(*[dask.delayed(_block_summary)(block, options) for block in blocks])
    _no_documents(summaries)
    columns = _corpus_fields(summaries)
    where: dict[str, str] = {}
    for doc_id, path in (pair for summary in summaries for pair in summary["ids"]):
        if doc_id in where:
            other = where[doc_id]
            place = f"twice in {path}" if other == path else f"in {other} and in {path}"
            raise CorpusError(f"doc_id {doc_id!r} occurs {place}: ids must be unique across the corpus (give each file its own id column, or rename)")
        where[doc_id] = path
    guessed: dict[str, list[str]] = {}
    for codec, names in (pair for summary in summaries for pair in summary["guessed"].items()):
        guessed.setdefault(codec, []).extend(names)
    announce(guessed=guessed, skipped=[s for summary in summaries for s in summary["skipped"]])
    word, seen = None, Counter()
    for summary in summaries:
        found, kinds = summary["content"]
        word = word or found
        if word is None:
            seen += kinds
    found = {
        "encodings": {k: v for summary in summaries for k, v in summary["encodings"].items()},
        "skipped": [item for summary in summaries for item in summary["skipped"]],
        "content": (word, seen),
    }
    empty = next(summary["empty"] for summary in summaries if summary["empty"] is not None).reindex(columns=columns)
    rest = [c for c in columns if c != "text"]
    metadata = pd.concat([m for summary in summaries for m in summary["metadata"]], ignore_index=True).reindex(columns=rest)
    parts = [dask.delayed(_read_block)(block, options, columns, empty) for block in blocks]
    return dd.from_delayed(parts, meta=empty, verify_meta=False), metadata, files, found


def scheduler(address: str | None = None) -> Any:
    """The Dask scheduler that ``telaah tokens`` and ``telaah report`` run on, as a context manager.

    A ``distributed.Client`` to ``address`` (``"tcp://host:8786"``: a cluster,
    or a ``LocalCluster``'s address), closed at the end; without an address,
    Dask's own ``"processes"`` scheduler (tokenizing is pure Python, so
    processes, not threads, use the cores).  In your own code, use whatever
    Dask scheduler you like instead: every function here runs on the active one.

    Examples
    --------
    >>> import dask
    >>> with scheduler():
    ...     dask.config.get("scheduler")
    'processes'
    """
    import dask

    if address:
        from distributed import Client

        return Client(address)
    return dask.config.set(scheduler="processes")


def checkpoint(table: Any, path: str | os.PathLike[str]) -> Any:
    """Write a lazy table (mentions, statements ...) to a new Parquet folder and read it back, partitions kept.

    What comes after reads the files instead of computing the table again
    (``persist`` would hold it in memory: the client's, on the local
    schedulers).  For the token table, use :func:`to_parquet` and
    :func:`read_token_table`, which keep its categories.
    """
    dd = _dd()
    folder = os.fspath(path)
    n = table.npartitions
    table.to_parquet(folder, write_index=False)
    back = dd.read_parquet(folder)
    if back.npartitions != n:  # pragma: no cover - one file a partition, read one a partition
        raise RuntimeError(f"{folder}: {n} partitions written but {back.npartitions} read back")
    return back


def from_pandas(corpus: pd.DataFrame, *, npartitions: int) -> Any:
    """A corpus table already in memory (``doc_id``, ``text``, metadata) as a Dask DataFrame of ``npartitions``.

    Documents are never split between partitions.
    """
    dd = _dd()
    frame = corpus.reset_index(drop=True)
    return dd.from_pandas(frame, npartitions=npartitions, sort=False)


# ---------------------------------------------------------------------------
# The token table
# ---------------------------------------------------------------------------


def _evidence(part: pd.DataFrame, protect_names: bool, metadata_columns: list[str]) -> dict[str, Any]:
    """What one partition says about the whole corpus: its ids, its metadata values, its word types and name evidence."""
    from telaah.table import _name_evidence, _scan_corpus, as_corpus

    docs = as_corpus(part)
    columns = _scan_corpus(docs, progress=False, processes=1)
    forms = columns["forms"]
    lowers_of_form = [f.lower() for f in forms]
    codes, lower_uniques = pd.factorize(np.asarray(lowers_of_form, dtype=object))
    lowers = lower_uniques.tolist()
    kinds = np.asarray(columns["kinds"], dtype=object)
    is_word = (kinds == "word")[columns["form"]] if len(forms) else np.zeros(0, dtype=bool)
    word_lowers = {lowers[i] for i in np.unique(codes[columns["form"][is_word]])} if is_word.any() else set()
    capitalised: set[str] = set()
    seen_lower: set[str] = set()
    if protect_names and len(columns["form"]):
        cap, low = _name_evidence(forms, codes.astype(np.int32), lowers, columns["form"], is_word, columns["sent_global"])
        capitalised = {lowers[i] for i in np.flatnonzero(cap)}
        seen_lower = {lowers[i] for i in np.flatnonzero(low)}
    values = {name: set(docs[name].dropna().tolist()) for name in metadata_columns if name in docs.columns}
    parents = docs["parent_id"].astype(str).tolist() if "parent_id" in docs.columns else []
    return {
        "ids": docs["doc_id"].astype(str).tolist(),
        "parents": list(dict.fromkeys(parents)),
        "values": values,
        "words": word_lowers,
        "capitalised": capitalised,
        "seen_lower": seen_lower,
    }


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Two partitions' evidence as one (ids in order)."""
    values = {k: a["values"].get(k, set()) | b["values"].get(k, set()) for k in a["values"].keys() | b["values"].keys()}
    return {
        "ids": a["ids"] + b["ids"],
        "parents": list(dict.fromkeys(a["parents"] + b["parents"])),
        "values": values,
        "words": a["words"] | b["words"],
        "capitalised": a["capitalised"] | b["capitalised"],
        "seen_lower": a["seen_lower"] | b["seen_lower"],
    }


class _MappedStemmer:
    """The stems of the corpus's words, decided once: what each partition's table reads instead of a Stemmer."""

    def __init__(self, stems: Mapping[str, tuple[str, str]]) -> None:
        self.stems = stems

    def stem_table(self, words: Iterable[str]) -> pd.DataFrame:
        distinct = list(dict.fromkeys(words))
        pairs = [self.stems[w] for w in distinct]
        return pd.DataFrame({"word": distinct, "stem": [p[0] for p in pairs], "stem_source": [p[1] for p in pairs]})


def _partition_table(part: pd.DataFrame, options: Mapping[str, Any], names: frozenset[str], stems: _MappedStemmer | None, categories: Mapping[str, pd.Index]) -> pd.DataFrame:
    from telaah.table import _build_table, as_corpus

    table = _build_table(as_corpus(part), progress=False, processes=1, stemmer=stems, names=names, categories=categories, **options)
    table.index = pd.RangeIndex(len(table))
    return table


#: How many partition results one task of :func:`_reduced` sums: a thousand partitions take two levels.
FAN_IN = 32


def _reduced(items: list[Any], combine: Any, *args: Any) -> Any:
    """Combine delayed partition results on the workers, ``FAN_IN`` at a time, ``combine(list, *args)`` level by level.

    The client receives the one sum (its size is the corpus's distinct
    terms or groups), not every partition's counts; the order of first
    appearance is kept, as the groups are combined in partition order.
    """
    import dask

    while len(items) > 1:
        items = [dask.delayed(combine)(items[i : i + FAN_IN], *args) for i in range(0, len(items), FAN_IN)]
    return dask.compute(items[0])[0]


def _fold(items: Sequence[Any], merge: Any) -> Any:
    """``merge`` two by two over ``items``, in order (for :func:`_reduced`)."""
    return functools.reduce(merge, items)


def _sum_frames(frames: Sequence[pd.DataFrame], keys: list[str], values: list[str]) -> pd.DataFrame:
    """Rows of counts, added up by ``keys`` (first appearance first; a missing key is a key)."""
    frame = pd.concat(frames, ignore_index=True)
    if not keys:
        return frame[values].sum().to_frame().T
    return frame.groupby(keys, observed=True, dropna=False, sort=False)[values].sum().reset_index()


def _sum_series(series: Sequence[pd.Series | None]) -> pd.Series | None:
    """Counts indexed by term (or n-gram), added up (first appearance first)."""
    given = [s for s in series if s is not None]
    if not given:
        return None
    joined = pd.concat(given)
    return joined.groupby(level=list(range(joined.index.nlevels)), sort=False).sum()


def token_table(
    corpus: Any,
    *,
    stem: bool = True,
    protect_names: bool = True,
    stopwords: Iterable[str] | str = "default",
    metadata: bool | Sequence[str] = True,
) -> Any:
    """Tokenize, split, stem and annotate a Dask corpus: a lazy token table, one partition per corpus partition.

    Parameters
    ----------
    corpus : dask.dataframe.DataFrame, or paths
        A corpus from :func:`read_corpus` or :func:`from_pandas`; paths are
        read with :func:`read_corpus`.
    stem, protect_names, stopwords, metadata
        As in :func:`telaah.token_table`.

    Returns
    -------
    dask.dataframe.DataFrame
        Exactly the columns and dtypes of :func:`telaah.token_table`, lazily;
        offsets index each document's ``text``.  Computed, it equals the
        in-memory table of the same corpus (the categories of the term
        columns aside, which are per partition).

    Notes
    -----
    One pass over the corpus runs now (tokenizing, to decide names and
    collect the distinct words, which are stemmed here once); the rows are
    made when the table is computed, a second tokenizing pass.
    """
    import dask

    from telaah.table import _build_table, _metadata_columns, as_corpus

    dd = _dd()
    if not isinstance(corpus, dd.DataFrame):
        corpus = read_corpus(corpus)
    metadata_columns = _metadata_columns(as_corpus(corpus._meta), metadata)
    parts = corpus.to_delayed()
    evidence = _reduced([dask.delayed(_evidence)(p, protect_names, metadata_columns) for p in parts], _fold, _merge)

    counts = pd.Index(evidence["ids"]).value_counts()
    repeated = counts[counts > 1]
    if len(repeated):
        raise CorpusError(f"doc_id {repeated.index[0]!r} occurs {int(repeated.iloc[0])} times: ids must be unique across the corpus")
    # the categories' dtype as the in-memory table infers it (str)
    categories: dict[str, pd.Index] = {"doc_id": pd.Index(pd.Series(evidence["ids"], dtype=object, name="doc_id").astype(str))}
    if evidence["parents"]:  # sorted, as pd.Categorical gives them in memory
        categories["parent_id"] = pd.Categorical(np.asarray(evidence["parents"], dtype=object)).categories
    for name in metadata_columns:
        categories[name] = pd.Index(sorted(evidence["values"].get(name, set())))
    candidates = evidence["capitalised"] - evidence["seen_lower"]
    names = frozenset(protected_names() | candidates) if protect_names else frozenset()
    stemmer = None
    if stem:
        from telaah.table import _stemmer

        words = sorted(evidence["words"] - names)
        result = _stemmer(protect_names=protect_names, processes=None).stem_table(words)
        stemmer = _MappedStemmer(dict(zip(result["word"], zip(result["stem"], result["stem_source"], strict=True), strict=True)))
    options = {"stem": stem, "protect_names": protect_names, "stopwords": stopwords, "metadata": metadata}
    shared_names, shared_stems = _share(names), _share(stemmer)
    tables = [dask.delayed(_partition_table)(p, options, shared_names, shared_stems, categories) for p in parts]

    # The meta: an empty table with the in-memory dtypes, corpus-wide categories known, term categories unknown.
    example = corpus._meta.iloc[:0]
    meta = _build_table(
        as_corpus(example), progress=False, processes=1, stemmer=_MappedStemmer({}), names=frozenset(), categories=categories, **options
    )
    from dask.dataframe.utils import clear_known_categories

    meta = clear_known_categories(meta, cols=[c for c in _TERM_COLUMNS if c in meta.columns])
    return dd.from_delayed(tables, meta=meta, verify_meta=False)


def _share(value: Any) -> Any:
    """Send ``value`` to every worker once: scattered when a distributed client is active, else a delayed constant."""
    import dask

    try:
        from distributed import default_client

        client = default_client()
    except (ImportError, ValueError):
        return dask.delayed(value, pure=True)
    # scatter a one-element list: a set or a dict given directly would be scattered element by element
    return client.scatter([value], broadcast=True, hash=False)[0]


def to_parquet(tokens: Any, path: str | os.PathLike[str]) -> None:
    """Write a Dask token table as a folder of Parquet files, one a partition, categories kept.

    Each partition has categories of its own for the term columns, so every
    categorical column is written as a dictionary with 32-bit indices (Dask
    would otherwise guess the index width from its empty meta); the
    corpus-wide ones (``doc_id``, ``parent_id``, the metadata) are written
    whole in every file, so :func:`read_token_table` knows them.  A
    categorical of dates (``date``) cannot be stored as such: it is written
    as timestamps, with their time zone, its categories go into the files'
    metadata, and :func:`read_token_table` makes it categorical again
    (``pandas.read_parquet(path)`` gives the timestamps).
    """
    import json

    import pyarrow as pa

    meta = tokens._meta
    dates = [c for c in meta.columns if isinstance(meta[c].dtype, pd.CategoricalDtype) and meta[c].cat.categories.dtype.kind == "M"]
    if dates:
        plain = {c: meta[c].cat.categories.dtype for c in dates}
        tokens = tokens.map_partitions(lambda part: part.astype(plain), meta=meta.astype(plain))
    schema = pa.Schema.from_pandas(tokens._meta, preserve_index=False)
    fields = [
        field.with_type(pa.dictionary(pa.int32(), field.type.value_type)) if pa.types.is_dictionary(field.type) else field
        for field in schema
    ]
    written = {c: {"dtype": str(meta[c].cat.categories.dtype), "values": [d.isoformat() for d in meta[c].cat.categories]} for c in dates}
    tokens.to_parquet(
        os.fspath(path), schema=pa.schema(fields), write_index=False, custom_metadata={b"telaah": json.dumps({"categorical_dates": written}).encode()}
    )


def _written_categories(files: list[Path], columns: list[str]) -> dict[str, pd.Index]:
    """The corpus-wide categories of ``columns``, from the dictionaries of the first file that has rows."""
    import pyarrow.parquet as pq

    for path in files:
        handle = pq.ParquetFile(path)
        if handle.metadata.num_rows:
            group = handle.read_row_group(0, columns=columns)
            return {c: pd.Index(group.column(c).chunk(0).dictionary.to_pandas()) for c in columns}
    return {}


def read_token_table(path: str | os.PathLike[str]) -> Any:
    """Read a token table written by :func:`to_parquet`: a Dask DataFrame with the same columns and dtypes.

    The corpus-wide categories (``doc_id``, ``parent_id``, the metadata,
    ``date``) are known, as in the table that was written, so groups come in
    the same order and :func:`fit_topics` can draw its sample.  The same
    folder opens in pandas with ``pandas.read_parquet(path)``.
    """
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    dd = _dd()
    folder = Path(path)
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else [folder]
    if not files:
        raise CorpusError(f"{folder}: no Parquet file in this folder")
    schema = pq.read_schema(files[0])
    written = json.loads((schema.metadata or {}).get(b"telaah", b"{}") or b"{}").get("categorical_dates", {})
    wide = [f.name for f in schema if pa.types.is_dictionary(f.type) and f.name not in _TERM_COLUMNS]
    categories = _written_categories(files, wide)
    for name, spec in written.items():
        categories[name] = pd.Index(pd.to_datetime(spec["values"])).astype(spec["dtype"])
    table = dd.read_parquet(os.fspath(path))
    if categories:
        dtypes = {c: pd.CategoricalDtype(values) for c, values in categories.items()}
        table = table.map_partitions(lambda part: part.astype(dtypes), meta=table._meta.astype(dtypes))
    return table


# ---------------------------------------------------------------------------
# Counts, by map-reduce
# ---------------------------------------------------------------------------


def _partition_frequencies(part: pd.DataFrame, by: str, drop_stop: bool, kinds: Any, groupby: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    from telaah._columns import kind_mask

    counts = frequencies_in_memory(part, by=by, drop_stop=drop_stop, kinds=kinds, groupby=groupby or None)
    counts = counts[[*groupby, "term", "count", "doc_freq"]]
    selected = part.loc[kind_mask(part, check_kinds(kinds))]
    if groupby:
        totals = selected.groupby(groupby, observed=True, dropna=False).size().rename("tokens").reset_index()
    else:
        totals = pd.DataFrame({"tokens": [len(selected)]})
    return counts, totals


def _sum_frequencies(parts: Sequence[tuple[pd.DataFrame, pd.DataFrame]], cols: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    return _sum_frames([c for c, _ in parts], [*cols, "term"], ["count", "doc_freq"]), _sum_frames([t for _, t in parts], cols, ["tokens"])


def frequencies(
    tokens: Any,
    *,
    by: str = "stem",
    drop_stop: bool = True,
    kinds: Sequence[str] | str | None = ("word",),
    groupby: str | Sequence[str] | None = None,
    min_count: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """:func:`telaah.frequencies` of a Dask token table, by map-reduce: a pandas DataFrame, equal to the in-memory result.

    Each partition counts its terms (and, per term, its documents: a
    document lies in one partition); the counts are added, and
    ``rel_freq``, ``per_1000``, ``rank``, ``min_count`` and ``top`` are
    applied to the sums as :func:`telaah.frequencies` does.
    """
    import dask

    if min_count < 1:
        raise ValueError(f"min_count={min_count}: must be at least 1")
    check_kinds(kinds)
    cols = [groupby] if isinstance(groupby, str) else list(groupby or [])
    meta = tokens._meta
    check_by(meta, by)
    missing = [c for c in cols if c not in meta.columns]
    if missing:
        raise KeyError(f"groupby: no column {missing[0]!r} in the token table; it has {', '.join(meta.columns)}")
    counts, totals = _reduced([dask.delayed(_partition_frequencies)(p, by, drop_stop, kinds, cols) for p in tokens.to_delayed()], _sum_frequencies, cols)
    for name in cols:  # one dtype per key column across partitions (corpus-wide categories)
        dtype = meta[name].dtype
        counts[name] = counts[name].astype(dtype)
        totals[name] = totals[name].astype(dtype)
    summed = counts[counts["count"] >= min_count].reset_index(drop=True)  # summed on the workers
    return _finish(summed, counts_tokens=_tokens_for(summed, cols, totals), cols=cols, top=top)


def _tokens_for(summed: pd.DataFrame, cols: list[str], totals: pd.DataFrame) -> np.ndarray:
    """The selected-kind tokens of each row's group."""
    if not cols:
        return np.full(len(summed), int(totals["tokens"].sum()), dtype=np.int64)
    group_tokens = totals.groupby(cols, observed=True, dropna=False, sort=False)["tokens"].sum().rename("group_tokens").reset_index()
    return summed[cols].merge(group_tokens, on=cols, how="left")["group_tokens"].to_numpy(np.int64)


def _group_order(frame: pd.DataFrame, cols: list[str]) -> list[np.ndarray]:
    """Sort keys for the groups: each key column's category code, a missing key last."""
    keys = []
    for name in cols:
        codes = frame[name].cat.codes.to_numpy(np.int64) if isinstance(frame[name].dtype, pd.CategoricalDtype) else pd.factorize(frame[name], sort=True)[0]
        keys.append(np.where(codes < 0, np.iinfo(np.int64).max, codes))
    return keys


def _finish(summed: pd.DataFrame, *, counts_tokens: np.ndarray, cols: list[str], top: int | None) -> pd.DataFrame:
    from telaah.freq import _rank_in_runs

    terms = summed["term"].astype(str).to_numpy(dtype=object)
    alphabetical = np.empty(len(terms), dtype=np.int64)
    alphabetical[np.argsort(terms, kind="stable")] = np.arange(len(terms))
    group_keys = _group_order(summed, cols)
    order = np.lexsort((alphabetical, -summed["count"].to_numpy(), *reversed(group_keys)))
    out = summed.iloc[order].reset_index(drop=True)
    counts_tokens = counts_tokens[order]
    codes = np.zeros(len(out), dtype=np.int64)
    if cols and len(out):
        changes = np.any([k[order][1:] != k[order][:-1] for k in group_keys], axis=0)
        codes = np.cumsum(np.r_[True, changes]) - 1
    rank = _rank_in_runs(codes)
    keep = rank <= top if top is not None else np.ones(len(out), dtype=bool)
    out, rank, counts_tokens = out[keep].reset_index(drop=True), rank[keep], counts_tokens[keep]
    count = out["count"].to_numpy(np.int64)
    rel = count / np.maximum(counts_tokens, 1)
    result = out[cols].copy() if cols else pd.DataFrame(index=range(len(out)))
    result["term"] = out["term"].astype(str).to_numpy(dtype=object)
    result["count"] = count
    result["rel_freq"] = rel
    result["per_1000"] = rel * 1000
    result["doc_freq"] = out["doc_freq"].to_numpy(np.int64)
    result["rank"] = rank
    return result


def _partition_themes(part: pd.DataFrame, lexicon: Any, unit: str, groupby: list[str] | None) -> pd.DataFrame:
    from telaah.themes import theme_scores as theme_scores_in_memory

    return theme_scores_in_memory(part, lexicon, unit=unit, groupby=groupby, normalize=None)


def theme_scores(
    tokens: Any,
    lexicon: Any = None,
    *,
    unit: str = "document",
    groupby: str | Sequence[str] | None = None,
    normalize: str | None = "per_1000",
) -> pd.DataFrame:
    """:func:`telaah.theme_scores` of a Dask token table: a pandas DataFrame, equal to the in-memory result.

    Without ``groupby`` every unit lies in one partition, so the partitions'
    scores are put one after the other; with ``groupby`` the matches, word
    tokens and documents of each group are added over the partitions and
    ``per_1000`` is taken on the sums.
    """
    import dask

    from telaah.themes import _resolve_lexicon

    if normalize not in ("per_1000", None):
        raise ValueError(f"normalize must be 'per_1000' or None, not {normalize!r}")
    lex = _resolve_lexicon(lexicon)  # read once here, and refused here when it is wrong
    cols = None if groupby is None else ([groupby] if isinstance(groupby, str) else list(groupby))
    parts = dask.compute(*[dask.delayed(_partition_themes)(p, lex, unit, cols) for p in tokens.to_delayed()])
    scores = pd.concat(parts, ignore_index=True)
    if cols is not None:
        meta = tokens._meta
        for name in cols:
            scores[name] = scores[name].astype(meta[name].dtype)
        themes = scores["theme"].cat.categories
        summed = scores.groupby([*cols, "theme"], observed=True, dropna=False, sort=False)[["matches", "tokens", "documents"]].sum().reset_index()
        order = np.lexsort((summed["theme"].cat.codes.to_numpy(), *reversed(_group_order(summed, cols))))
        scores = summed.iloc[order].reset_index(drop=True)
        scores["theme"] = pd.Categorical(scores["theme"].astype(str), categories=themes)
        for name in ("matches", "tokens", "documents"):
            scores[name] = scores[name].astype(np.int64)
    if normalize == "per_1000":
        words = scores["tokens"].to_numpy(dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            scores["per_1000"] = np.where(words > 0, scores["matches"].to_numpy() * 1000.0 / words, np.nan)
    return scores


def _partition_keyness(part: pd.DataFrame, target: Any, reference: Any, column: str, kinds: Any) -> dict[str, Any]:
    from telaah._columns import kind_mask, stop_mask
    from telaah.keywords import _is_wordfreq, _part

    general = _is_wordfreq(reference)
    tmask = _part(part, target, "target")
    rmask = None if general else _part(part, reference, "reference")
    if tmask is None:
        tmask = np.ones(len(part), dtype=bool) if general else ~rmask
    if rmask is None and not general:
        rmask = ~tmask
    if rmask is not None and (tmask & rmask).any():
        raise ValueError("target and reference overlap: a token cannot be in both")
    in_kind = kind_mask(part, check_kinds(kinds))
    terms = part[column].astype(str)
    out = {
        "target": terms[tmask & in_kind].value_counts(),
        "reference": terms[rmask & in_kind].value_counts() if rmask is not None else None,
        "stop": set(terms[stop_mask(part)]),
        "size_t": int((tmask & in_kind).sum()),
        "size_r": int((rmask & in_kind).sum()) if rmask is not None else 0,
    }
    return out


def _sum_keyness(parts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    return {
        "target": _sum_series([p["target"] for p in parts]),
        "reference": _sum_series([p["reference"] for p in parts]),
        "stop": set().union(*(p["stop"] for p in parts)),
        "size_t": sum(p["size_t"] for p in parts),
        "size_r": sum(p["size_r"] for p in parts),
    }


def keyness(
    tokens: Any,
    *,
    target: Mapping[str, Any] | None = None,
    reference: Mapping[str, Any] | str | None = None,
    by: str = "lower",
    kinds: Sequence[str] | str | None = ("word",),
    drop_stop: bool = True,
    min_count: int = 1,
    alpha: float = 0.05,
    correction: str | None = "bonferroni",
    reference_size: float | None = None,
) -> pd.DataFrame:
    """:func:`telaah.keyness` of a Dask token table: two parts of the corpus, or the corpus against wordfreq.

    ``target`` and ``reference`` are ``{column: value(s)}`` dicts (a row
    mask cannot be given lazily) or ``reference="wordfreq"``.  Each
    partition counts its terms on both sides; the test runs on the sums, so
    the result equals the in-memory one.
    """
    import dask

    from telaah.keywords import REFERENCE_SIZE, _check_test, _general_frequencies, _is_wordfreq, _scores, _term_column

    size = REFERENCE_SIZE if reference_size is None else reference_size
    for name, spec in (("target", target), ("reference", reference)):
        if spec is not None and not isinstance(spec, Mapping) and not (name == "reference" and _is_wordfreq(spec)):
            raise ValueError(f"{name}: on Dask give a {{column: value(s)}} dict" + (" or 'wordfreq'" if name == "reference" else "") + ", not a mask")
    general = _is_wordfreq(reference)
    if target is None and reference is None:
        raise ValueError("keyness needs target=, reference= or both (reference='wordfreq' for general Indonesian)")
    column = _term_column(tokens._meta, by, general=general)
    _check_test(alpha, correction)
    summed = _reduced([dask.delayed(_partition_keyness)(p, target, reference, column, kinds) for p in tokens.to_delayed()], _sum_keyness)
    size_t = summed["size_t"]
    if not size_t:
        raise ValueError("target: no tokens selected")
    count_t = summed["target"].sort_index()
    stop = summed["stop"]
    if general:
        terms = count_t.index.to_numpy(dtype=object)
        freq, known = _general_frequencies(terms)
        a, b, seen, size_r = count_t.to_numpy(), freq * float(size), count_t.to_numpy(), float(size)
    else:
        size_r = float(summed["size_r"])
        if not size_r:
            raise ValueError("reference: no tokens selected")
        count_r = summed["reference"].sort_index()
        both = pd.concat([count_t.rename("t"), count_r.rename("r")], axis=1).fillna(0).astype(np.int64)
        terms = both.index.to_numpy(dtype=object)
        a, b = both["t"].to_numpy(), both["r"].to_numpy()
        seen, known = a + b, None
    tested = seen >= min_count
    if drop_stop:
        tested &= ~np.fromiter((t in stop for t in terms), dtype=bool, count=len(terms))
    threshold = alpha / max(int(tested.sum()), 1) if correction == "bonferroni" else alpha
    out = _scores(terms.astype(str), a, b, float(size_t), size_r, threshold=threshold)
    if known is not None:
        out["in_reference"] = known
    out = out[tested].sort_values(["g2", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out.attrs.update(target_size=float(size_t), reference_size=size_r, threshold=threshold)
    return out


def _partition_kwic(part: pd.DataFrame, corpus_part: pd.DataFrame | None, term: Any, by: str, window: int) -> pd.DataFrame:
    from telaah.concordance import kwic as kwic_in_memory

    return kwic_in_memory(part, term, by=by, window=window, corpus=corpus_part)


def kwic(tokens: Any, term: str | Sequence[str], *, by: str = "stem", window: int = 5, corpus: Any = None) -> pd.DataFrame:
    """:func:`telaah.kwic` of a Dask token table: the occurrences of a term with their contexts, as pandas rows.

    A context never leaves its document, and a document lies in one
    partition, so each partition finds its own lines and they are put one
    after the other (text order).  With ``corpus`` (the Dask corpus the
    table was built from, partitioned alike) the lines are cut from the exact
    text.
    """
    import dask

    check_by(tokens._meta, by)
    token_parts = tokens.to_delayed()
    if corpus is None:
        corpus_parts: list[Any] = [None] * len(token_parts)
    else:
        corpus_parts = corpus.to_delayed()
        if len(corpus_parts) != len(token_parts):
            raise ValueError(f"corpus: {len(corpus_parts)} partitions, but the token table has {len(token_parts)}; give the corpus the table was built from")
    lines = dask.compute(*[dask.delayed(_partition_kwic)(t, c, term, by, window) for t, c in zip(token_parts, corpus_parts, strict=True)])
    out = pd.concat(lines, ignore_index=True)
    if "query" in out.columns and len(out):  # several queries: each query's lines together, in the order given
        queries = list(dict.fromkeys(out["query"].astype(str)))
        asked = [term] if isinstance(term, str) else list(term)
        rank = {q: i for i, q in enumerate(dict.fromkeys([*[str(a) for a in asked], *queries]))}
        out = out.iloc[np.argsort(out["query"].astype(str).map(rank).to_numpy(), kind="stable")].reset_index(drop=True)
    for name in out.columns:
        if name in tokens._meta.columns and isinstance(tokens._meta[name].dtype, pd.CategoricalDtype) and name not in _TERM_COLUMNS:
            out[name] = out[name].astype(tokens._meta[name].dtype)
    return out


def _partition_vocabulary(part: pd.DataFrame, by: str, kinds: Any, cols: list[str], window: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One partition's sums for :func:`vocabulary`: per group its tokens, sentences and MATTR sums; per group and term its count."""
    from telaah._columns import group_ids, kind_mask, term_codes, unique_counts
    from telaah.freq import _mattr_sums

    column = check_by(part, by)
    sub = part.loc[kind_mask(part, check_kinds(kinds))]
    codes, terms = term_codes(sub, column)
    gid, keys, _ = group_ids(sub, cols)
    if not cols:
        keys = pd.DataFrame(index=range(1))
    n_groups = len(keys)
    n_terms = max(len(terms), 1)
    tokens = np.bincount(gid, minlength=n_groups).astype(np.int64)
    pair, pair_counts = unique_counts(gid * n_terms + codes)
    doc_codes, _ = term_codes(sub, "doc_id")
    sent = sub["sent_id"].to_numpy(np.int64)
    per_doc = int(sent.max(initial=0)) + 1
    per_group = (int(doc_codes.max(initial=0)) + 1) * per_doc
    sentence_keys = unique_counts((gid * (int(doc_codes.max(initial=0)) + 1) + doc_codes) * per_doc + sent)[0]
    sentences = np.bincount(sentence_keys // per_group, minlength=n_groups).astype(np.int64)
    text_codes = term_codes(sub, "parent_id")[0] if "parent_id" in sub.columns else doc_codes
    width = int(text_codes.max(initial=0)) + 1
    run_ids = gid * width + text_codes
    window_sum, window_count = _mattr_sums(run_ids, codes, window)
    run_group = unique_counts(run_ids)[0] // width
    groups = keys.reset_index(drop=True).copy()
    groups["tokens"] = tokens
    groups["sentences"] = sentences
    groups["mattr_num"] = np.bincount(run_group, weights=window_sum, minlength=n_groups)
    groups["mattr_den"] = np.bincount(run_group, weights=window_count, minlength=n_groups)
    counted = keys.iloc[pair // n_terms].reset_index(drop=True) if cols else pd.DataFrame(index=range(len(pair)))
    counted["term"] = np.asarray(terms.astype(str), dtype=object)[pair % n_terms] if len(pair) else np.zeros(0, dtype=object)
    counted["count"] = pair_counts.astype(np.int64)
    return groups, counted


def _sum_vocabulary(parts: Sequence[tuple[pd.DataFrame, pd.DataFrame]], cols: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    sums = ["tokens", "sentences", "mattr_num", "mattr_den"]
    return _sum_frames([g for g, _ in parts], cols, sums), _sum_frames([c for _, c in parts], [*cols, "term"], ["count"])


def vocabulary(
    tokens: Any,
    *,
    by: str = "lower",
    kinds: Sequence[str] | str | None = ("word",),
    groupby: str | Sequence[str] | None = "doc_id",
    window: int = 50,
) -> pd.DataFrame:
    """:func:`telaah.vocabulary` of a Dask token table: tokens, types, TTR, MATTR, hapax and sentences per group.

    Each partition counts each group's terms, sentences and MATTR windows
    (windows never leave a text, and a text lies in one partition); types
    and hapax are taken on the summed term counts, so a term seen once in two
    partitions is not a hapax.  Equal to the in-memory result (MATTR to
    floating-point rounding: its window sums are added in another order).
    """
    import dask

    if window < 1:
        raise ValueError(f"window={window}: must be at least 1")
    check_by(tokens._meta, by)
    cols = [groupby] if isinstance(groupby, str) else list(groupby or [])
    parts = [dask.delayed(_partition_vocabulary)(p, by, kinds, cols, window) for p in tokens.to_delayed()]
    groups, counted = _reduced(parts, _sum_vocabulary, cols)
    meta = tokens._meta
    for name in cols:
        groups[name] = groups[name].astype(meta[name].dtype)
        counted[name] = counted[name].astype(meta[name].dtype)
    if cols:  # groups and terms come summed from the workers
        totals, terms = groups, counted
        per_group = terms.assign(hapax=terms["count"] == 1).groupby(cols, observed=True, dropna=False, sort=False).agg(types=("term", "size"), hapax=("hapax", "sum")).reset_index()
        totals = totals.merge(per_group, on=cols, how="left")
        totals = totals[totals["tokens"] > 0]
        totals = totals.iloc[np.lexsort(tuple(reversed(_group_order(totals, cols))))].reset_index(drop=True)
    else:
        totals, terms = groups, counted["count"]
        totals["types"], totals["hapax"] = len(terms), int((terms == 1).sum())
    out = totals[cols].copy() if cols else pd.DataFrame(index=range(len(totals)))
    n_tokens = totals["tokens"].to_numpy(np.int64)
    types = totals["types"].fillna(0).to_numpy(np.int64)
    hapax = totals["hapax"].fillna(0).to_numpy(np.int64)
    sentences = totals["sentences"].to_numpy(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["tokens"] = n_tokens
        out["types"] = types
        out["ttr"] = types / n_tokens
        out["mattr"] = totals["mattr_num"].to_numpy(float) / totals["mattr_den"].to_numpy(float)
        out["hapax"] = hapax
        out["hapax_ratio"] = hapax / types
        out["sentences"] = sentences
        out["mean_sentence_length"] = n_tokens / sentences
    return out


def _partition_trends(part: pd.DataFrame, freq: str, lexicon: Any, groupby: Any) -> pd.DataFrame:
    from telaah.themes import theme_trends as theme_trends_in_memory

    return theme_trends_in_memory(part, freq=freq, lexicon=lexicon, groupby=groupby)


def theme_trends(tokens: Any, *, freq: str = "M", lexicon: Any = None, groupby: str | Sequence[str] | None = None) -> pd.DataFrame:
    """:func:`telaah.theme_trends` of a Dask token table: theme matches per period (and group), equal to the in-memory result.

    Each partition counts its own periods; the sums are laid on the grid of
    every group by every period from the corpus's first date to its last,
    zeros included, as in memory.
    """
    import dask

    from telaah.themes import _resolve_lexicon

    lex = _resolve_lexicon(lexicon)
    cols = [groupby] if isinstance(groupby, str) else list(groupby or [])
    parts = [p for p in dask.compute(*[dask.delayed(_partition_trends)(p, freq, lex, groupby) for p in tokens.to_delayed()]) if len(p)]
    if not parts:
        return _partition_trends(tokens._meta, freq, lex, groupby)
    rows = pd.concat(parts, ignore_index=True)
    meta = tokens._meta
    for name in cols:
        rows[name] = rows[name].astype(meta[name].dtype)
    themes = rows["theme"].cat.categories
    keys = [*cols, "period", "theme"]
    summed = rows.groupby(keys, observed=True, dropna=False, sort=False)[["matches", "tokens", "documents"]].sum()
    span = pd.period_range(rows["period"].min(), rows["period"].max(), freq=rows["period"].dtype.freq)
    if cols:
        groups = rows[cols].drop_duplicates()
        groups = groups.iloc[np.lexsort(tuple(reversed(_group_order(groups, cols))))].reset_index(drop=True)
        grid = groups.loc[np.repeat(np.arange(len(groups)), len(span) * len(themes))].reset_index(drop=True)
    else:
        grid = pd.DataFrame(index=range(len(span) * len(themes)))
    n_groups = max(len(grid) // max(len(span) * len(themes), 1), 1)
    grid["period"] = pd.PeriodIndex.from_ordinals(np.tile(np.repeat(span.asi8, len(themes)), n_groups), freq=span.freq)
    grid["theme"] = pd.Categorical.from_codes(np.tile(np.arange(len(themes)), len(span) * n_groups), categories=themes)
    out = grid.merge(summed.reset_index(), on=keys, how="left", sort=False)
    for name in ("matches", "tokens", "documents"):
        out[name] = out[name].fillna(0).astype(np.int64)
    from telaah._columns import per_1000

    out["per_1000"] = per_1000(out["matches"].to_numpy(), out["tokens"].to_numpy())
    return out[[*cols, "period", "theme", "matches", "tokens", "per_1000", "documents"]]


def _named_counts(rows: np.ndarray, counts: np.ndarray, names: np.ndarray) -> pd.Series:
    """Counts of n-grams (rows of term codes), indexed by their terms."""
    if not len(rows):
        return pd.Series(np.zeros(0, dtype=np.int64), index=pd.MultiIndex.from_arrays([[]] * max(rows.shape[1], 1)))
    return pd.Series(counts.astype(np.int64), index=pd.MultiIndex.from_arrays([names[rows[:, k]] for k in range(rows.shape[1])]))


def _all_pairs(codes: np.ndarray, starts: np.ndarray, gap: int, vocabulary_size: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of term codes ``(codes[i], codes[i + gap])`` for ``i`` in ``starts``, with its count."""
    from telaah._columns import unique_counts

    first, second = codes[starts].astype(np.int64), codes[starts + gap].astype(np.int64)
    keys, counts = unique_counts(first * vocabulary_size + second)
    pairs = np.stack([keys // vocabulary_size, keys % vocabulary_size], axis=1) if len(keys) else np.zeros((0, 2), dtype=np.int64)
    return pairs, counts


def _partition_ngrams(
    part: pd.DataFrame, n: int, column: str, kinds: Any, drop_stop: bool, across_stop: bool, window: int
) -> tuple[pd.Series, pd.Series, pd.Series | None, pd.Series | None]:
    """One partition's n-grams and words, by term; for trigrams also every adjacent pair and every pair one word apart."""
    from telaah.freq import _ngram_counts, _ngram_occurrences

    grams, counts, word_counts, terms, (codes, seg) = _ngram_counts(
        part, n=n, by=column, kinds=check_kinds(kinds), drop_stop=drop_stop, across_stop=across_stop, window=window
    )
    names = np.asarray(terms.astype(str), dtype=object)
    used = np.flatnonzero(word_counts)
    words = pd.Series(np.asarray(word_counts)[used].astype(np.int64), index=names[used])
    if n == 2:
        return _named_counts(grams, counts, names), words, None, None
    size = max(len(terms), 1)
    adjacent = _named_counts(*_all_pairs(codes, _ngram_occurrences(seg, 2, 1), 1, size), names)
    skip = _named_counts(*_all_pairs(codes, _ngram_occurrences(seg, 2, 2), 2, size), names)
    return _named_counts(grams, counts, names), words, adjacent, skip


def _sum_ngrams(parts: Sequence[tuple[pd.Series, ...]]) -> tuple[pd.Series | None, ...]:
    return tuple(_sum_series([p[k] for p in parts]) for k in range(4))


def collocations(
    tokens: Any,
    *,
    n: int = 2,
    by: str = "lower",
    measure: str = "likelihood_ratio",
    min_count: int = 3,
    window: int | None = None,
    kinds: Sequence[str] | str | None = ("word",),
    drop_stop: bool = True,
    across_stop: bool = False,
    top: int | None = None,
) -> pd.DataFrame:
    """:func:`telaah.collocations` (bigrams or trigrams) of a Dask token table, equal to the in-memory result.

    Each partition counts its n-grams and words (an n-gram never leaves a
    sentence, so never a partition) and, for trigrams, the word pairs that
    NLTK's trigram measures read (adjacent pairs, and pairs one word apart);
    the counts are added, and NLTK's ``BigramCollocationFinder`` or
    ``TrigramCollocationFinder`` scores the sums, as in memory.
    """
    import dask
    from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures
    from nltk.probability import FreqDist

    from telaah.freq import MEASURES, _check_ngram_options, _scored_collocations

    column = check_by(tokens._meta, by)
    window = window if window is not None else n
    _check_ngram_options(n, window, drop_stop, across_stop, measure)
    parts = [dask.delayed(_partition_ngrams)(p, n, column, kinds, drop_stop, across_stop, window) for p in tokens.to_delayed()]
    grams, words, adjacent, skip = _reduced(parts, _sum_ngrams)
    grams = grams[grams >= min_count]
    columns = [grams.index.get_level_values(k).astype(str).to_numpy(dtype=object) if len(grams) else np.zeros(0, dtype=object) for k in range(n)]
    ngram = columns[0]
    for more in columns[1:]:
        ngram = ngram + " " + more
    out = pd.DataFrame({"ngram": ngram if len(grams) else np.zeros(0, dtype=object), **{f"word{k + 1}": columns[k] for k in range(n)}})
    out["count"] = grams.to_numpy(np.int64)
    for name in MEASURES:
        out[name] = np.zeros(len(out))
    out.attrs["measure"] = measure
    if not len(out):
        return out
    word_fd = FreqDist(dict(zip(words.index.tolist(), words.tolist(), strict=True)))
    grams_in_order = list(zip(*[c.tolist() for c in columns], strict=True))
    gram_fd = FreqDist(dict(zip(grams_in_order, out["count"].tolist(), strict=True)))
    if n == 2:
        finder = BigramCollocationFinder(word_fd, gram_fd, window_size=window)
        measures = BigramAssocMeasures
    else:  # the pair counts of the candidates' pairs, as in memory
        pairs = list(dict.fromkeys([(a, b) for a, b, _ in grams_in_order] + [(b, c) for _, b, c in grams_in_order]))
        outer = list(dict.fromkeys((a, c) for a, _, c in grams_in_order))
        bigram_fd = FreqDist(dict(zip(pairs, adjacent.reindex(pairs, fill_value=0).astype(int).tolist(), strict=True)))
        wildcard_fd = FreqDist(dict(zip(outer, skip.reindex(outer, fill_value=0).astype(int).tolist(), strict=True)))
        finder = TrigramCollocationFinder(word_fd, bigram_fd, wildcard_fd, gram_fd)
        measures = TrigramAssocMeasures
    return _scored_collocations(out, finder, measures, grams_in_order, n=n, window=window, measure=measure, top=top)


# ---------------------------------------------------------------------------
# Topics: fitted on a sample of documents, applied to every partition
# ---------------------------------------------------------------------------


def _sample_rows(tokens: Any, sample: int, random_state: int | None) -> tuple[pd.DataFrame, list[str]]:
    """The token rows of ``sample`` documents drawn with ``random_state`` (every document when there are fewer), and their ids."""
    if isinstance(sample, bool) or not isinstance(sample, int) or sample < 1:
        raise ValueError(f"sample={sample!r}: must be a whole number of at least 1 document")
    ids = pd.Index(tokens._meta["doc_id"].cat.categories)
    if len(ids) > sample:
        chosen = np.sort(np.random.default_rng(random_state).choice(len(ids), size=sample, replace=False))
        ids = ids[chosen]
    rows = tokens[tokens["doc_id"].isin(list(ids))].compute().reset_index(drop=True)
    return rows, [str(i) for i in ids]


def fit_topics(tokens: Any, k: int, *, sample: int = 2000, random_state: int | None = 0, **options: Any) -> Any:
    """:func:`telaah.fit_topics` on a random sample of ``sample`` documents of a Dask token table.

    A topic model needs the whole document-term matrix in memory, and a few
    thousand documents find the topics a corpus has about as well as a
    million: so the model is fitted on a sample (drawn with
    ``random_state``; every document when the corpus has fewer), and
    :func:`topic_weights` applies it to every document, partition by
    partition.  scikit-learn's ``MiniBatchNMF.partial_fit`` over the
    partitions was the other way: it would need one vocabulary fixed before
    the first batch and gives a result that depends on the partitioning;
    the sample keeps :func:`telaah.fit_topics`' determinism and tables.

    Returns
    -------
    TopicResult
        As :func:`telaah.fit_topics` returns, for the sampled documents;
        ``options["sample"]`` holds their ids.
    """
    from telaah.topics import fit_topics as fit_topics_in_memory

    rows, ids = _sample_rows(tokens, sample, random_state)
    result = fit_topics_in_memory(rows, k, random_state=random_state, **options)
    result.options["sample"] = ids
    return result


def choose_k(tokens: Any, ks: Iterable[int] = range(2, 11), *, sample: int = 2000, random_states: Sequence[int] = (0, 1, 2), **options: Any) -> pd.DataFrame:
    """:func:`telaah.topics.choose_k` on the sample of documents :func:`fit_topics` draws with ``random_states[0]``.

    So ``fit_topics(tokens, k, sample=sample, random_state=random_states[0])``
    fits the recommended ``k`` on the very documents it was chosen on.  The
    table's ``attrs["sample"]`` holds their ids.
    """
    from telaah.topics import choose_k as choose_k_in_memory

    states = list(random_states)
    if not states:
        raise ValueError("random_states: give at least one random state")
    rows, ids = _sample_rows(tokens, sample, states[0])
    table = choose_k_in_memory(rows, ks, random_states=states, **options)
    table.attrs["sample"] = ids
    return table


def _partition_topic_weights(part: pd.DataFrame, result: Any) -> pd.DataFrame:
    from telaah.topics.model import _doc_topic_frame, _unit_terms

    opts = result.options
    units, docs, _ = _unit_terms(part, unit=result.unit, by=opts["by"], drop_stop=opts["drop_stop"], min_chars=opts["min_chars"])
    if not len(units):
        return _doc_topic_frame(units, np.zeros((0, result.k)), result.method)
    matrix = result.vectorizer.transform(docs)
    return _doc_topic_frame(units, result.model.transform(matrix), result.method)


def topic_weights(result: Any, tokens: Any) -> Any:
    """Apply a fitted topic model to every unit of a Dask token table: a lazy table like ``result.doc_topics``.

    One row per unit and topic, with ``weight`` (the unit's share of each
    topic) and ``score``; a unit without a term of the model's vocabulary
    has weight 0 everywhere.
    """
    import dask

    dd = _dd()
    shared = _share(result)
    parts = [dask.delayed(_partition_topic_weights)(p, shared) for p in tokens.to_delayed()]
    meta = _partition_topic_weights(tokens._meta, result)
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


# ---------------------------------------------------------------------------
# Actors: counts per document
# ---------------------------------------------------------------------------


def _lowercase_forms(part: pd.DataFrame) -> set[str]:
    forms = part["token"].cat.categories if isinstance(part["token"].dtype, pd.CategoricalDtype) else pd.unique(part["token"])
    return {f for f in map(str, forms) if f.islower()}


def _partition_actor_counts(
    corpus_part: pd.DataFrame, token_part: pd.DataFrame, gazetteers: bool, lowercase: frozenset[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    from telaah.entities import _entity_frame
    from telaah.quotes import quotes as quotes_in_memory
    from telaah.table import as_corpus

    token_part = token_part.reset_index(drop=True)
    corpus_part = corpus_part.reset_index(drop=True)
    mentions = _entity_frame(as_corpus(corpus_part), token_part, gazetteers=gazetteers, processes=1, lowercase=lowercase)
    statements = quotes_in_memory(corpus_part, tokens=token_part, mentions=mentions)
    named = mentions.groupby(["doc_id", "label"], observed=True).size().rename("mentions").reset_index()
    said = statements.assign(has_speaker=statements["speaker"].notna()).groupby(["doc_id", "kind", "has_speaker"], observed=True).size().rename("statements").reset_index()
    return named, said


def _partition_key_evidence(corpus_part: pd.DataFrame, token_part: pd.DataFrame, gazetteers: bool, lowercase: frozenset[str]) -> Any:
    from telaah.entities import _aliases, _local_keys, _unkeyed_mentions
    from telaah.table import as_corpus

    frame, texts = _unkeyed_mentions(as_corpus(corpus_part.reset_index(drop=True)), token_part.reset_index(drop=True), gazetteers=gazetteers, processes=1, lowercase=lowercase)
    return _local_keys(frame, _aliases(frame, texts))[2]


def _partition_entities(
    corpus_part: pd.DataFrame, token_part: pd.DataFrame, gazetteers: bool, lowercase: frozenset[str], corpus_wide: Mapping[Any, Any]
) -> pd.DataFrame:
    from telaah.entities import _entity_frame
    from telaah.table import as_corpus

    return _entity_frame(
        as_corpus(corpus_part.reset_index(drop=True)), token_part.reset_index(drop=True), gazetteers=gazetteers, processes=1, lowercase=lowercase, corpus_wide=corpus_wide
    )


def _paired(corpus: Any, tokens: Any) -> tuple[list[Any], list[Any]]:
    corpus_parts, token_parts = corpus.to_delayed(), tokens.to_delayed()
    if len(corpus_parts) != len(token_parts):
        raise ValueError(f"corpus: {len(corpus_parts)} partitions, but the token table has {len(token_parts)}; give the corpus the table was built from")
    return corpus_parts, token_parts


def _corpus_lowercase(token_parts: list[Any]) -> frozenset[str]:
    """The forms the corpus writes in lowercase somewhere (a capitalised one of them is a common word, not a name)."""
    import dask

    return frozenset(set().union(*dask.compute(*[dask.delayed(_lowercase_forms)(t) for t in token_parts])))


def entities(corpus: Any, tokens: Any, *, gazetteers: bool = False) -> Any:
    """:func:`telaah.entities` of a Dask corpus and its token table: a lazy table of mentions, equal to the in-memory one.

    Mentions are found within each document; two facts of the whole corpus
    are gathered first: the words it writes in lowercase somewhere, and the
    evidence for joining a person's short name to a full name across
    documents (a full name that two documents give), reduced over the
    partitions, so that every ``key`` is the in-memory key.  The mentions
    are found twice (once for that evidence, once for the rows).
    """
    import dask

    from telaah.entities import _corpus_wide_names, _merge_key_evidence

    dd = _dd()
    corpus_parts, token_parts = _paired(corpus, tokens)
    lowercase = _share(_corpus_lowercase(token_parts))
    evidence = [dask.delayed(_partition_key_evidence)(c, t, gazetteers, lowercase) for c, t in zip(corpus_parts, token_parts, strict=True)]
    corpus_wide = _share(_corpus_wide_names(_reduced(evidence, _fold, _merge_key_evidence)))
    parts = [dask.delayed(_partition_entities)(c, t, gazetteers, lowercase, corpus_wide) for c, t in zip(corpus_parts, token_parts, strict=True)]
    meta = _partition_entities(corpus._meta, tokens._meta, gazetteers, frozenset(), {})
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


def _partition_quotes(corpus_part: pd.DataFrame, token_part: pd.DataFrame, mention_part: pd.DataFrame) -> pd.DataFrame:
    from telaah.quotes import quotes as quotes_in_memory

    return quotes_in_memory(corpus_part.reset_index(drop=True), tokens=token_part.reset_index(drop=True), mentions=mention_part.reset_index(drop=True))


def quotes(corpus: Any, tokens: Any, mentions: Any) -> Any:
    """:func:`telaah.quotes` of a Dask corpus, its token table and its mentions (:func:`entities`): a lazy table of statements.

    Statements and their speakers are found within a document, so each
    partition finds its own; equal to the in-memory table.
    """
    import dask

    dd = _dd()
    corpus_parts, token_parts = _paired(corpus, tokens)
    mention_parts = mentions.to_delayed()
    parts = [dask.delayed(_partition_quotes)(c, t, m) for c, t, m in zip(corpus_parts, token_parts, mention_parts, strict=True)]
    meta = _partition_quotes(corpus._meta, tokens._meta, mentions._meta)
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


def actor_counts(corpus: Any, tokens: Any, *, gazetteers: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per document: the mentions of each label (:func:`telaah.entities`) and the statements of each kind (:func:`telaah.quotes`).

    Entities and statements are found within a document (with one fact of
    the whole corpus, the words it writes in lowercase somewhere, gathered
    first), so each partition finds its own; what is returned are the
    per-document counts, equal to the counts of the in-memory tables.  It
    needs no actor ``key`` (:func:`entities` gives the rows, with their
    corpus-wide keys), so it is one pass over the corpus.

    Returns
    -------
    (DataFrame, DataFrame)
        ``doc_id, label, mentions`` and ``doc_id, kind, has_speaker, statements``,
        in corpus order.
    """
    import dask

    corpus_parts, token_parts = _paired(corpus, tokens)
    shared = _share(_corpus_lowercase(token_parts))
    parts = dask.compute(*[dask.delayed(_partition_actor_counts)(c, t, gazetteers, shared) for c, t in zip(corpus_parts, token_parts, strict=True)])
    named = pd.concat([p[0] for p in parts], ignore_index=True)
    said = pd.concat([p[1] for p in parts], ignore_index=True)
    for frame in (named, said):
        frame["doc_id"] = frame["doc_id"].astype(tokens._meta["doc_id"].dtype)
    return named, said


_ACTOR_KEYS = ["basis", "actor", "label", "theme"]
_ACTOR_COUNTS = ["mentions", "units", "matches", "tokens"]


def _partition_actor_themes(
    corpus_part: pd.DataFrame, token_part: pd.DataFrame, mention_part: pd.DataFrame, statement_part: pd.DataFrame, lexicon: Any, unit: str
) -> dict[str, Any]:
    """One partition's actor counts (a speaker's label left for the corpus to decide), its mentions per key and label."""
    from telaah.actors import actor_themes as actor_themes_in_memory
    from telaah.actors import label_counts

    mention_part = mention_part.reset_index(drop=True)
    table = actor_themes_in_memory(
        corpus_part.reset_index(drop=True), tokens=token_part.reset_index(drop=True), mentions=mention_part,
        statements=statement_part.reset_index(drop=True), lexicon=lexicon, unit=unit,
    )
    rows = None
    if len(table):
        quoted = table["basis"] == "quoted"
        rows = table.assign(basis=table["basis"].astype(str), label=table["label"].astype(object).where(~quoted, _NO_LABEL).fillna(_NO_LABEL))
        rows = rows[[*_ACTOR_KEYS, *_ACTOR_COUNTS]]
    return {"rows": rows, "labels": label_counts(mention_part), "empty": table.iloc[:0], "label_dtype": table["label"].dtype if len(table) else None}


def _sum_actor_themes(parts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    rows = [p["rows"] for p in parts if p["rows"] is not None]
    labels = _sum_series([p["labels"] for p in parts if len(p["labels"])])
    return {
        "rows": _sum_frames(rows, _ACTOR_KEYS, _ACTOR_COUNTS) if rows else None,
        "labels": labels if labels is not None else parts[0]["labels"],
        "empty": parts[0]["empty"],
        "label_dtype": next((p["label_dtype"] for p in parts if p["label_dtype"] is not None), None),
    }


def _ranked(table: pd.DataFrame, top: int | None) -> pd.DataFrame:
    """One basis's actors, most mentioned first (ties by name), their themes in lexicon order; the ``top`` first."""
    firsts = table.drop_duplicates(["actor", "label"])
    order = firsts.sort_values(["actor", "label"], kind="stable").sort_values(["mentions"], ascending=False, kind="stable")
    if top is not None:
        order = order.head(top)
    rank = pd.Series(np.arange(len(order)), index=pd.MultiIndex.from_frame(order[["actor", "label"]].fillna(_NO_LABEL)))
    keys = pd.MultiIndex.from_frame(table[["actor", "label"]].fillna(_NO_LABEL))
    position = rank.reindex(keys).to_numpy()
    kept = table[~np.isnan(position)].assign(_rank=position[~np.isnan(position)])
    return kept.sort_values(["_rank", "theme"], kind="stable").drop(columns="_rank")


_NO_LABEL = "\0"  # a speaker the entity finder did not label, while grouping


def actor_themes(
    corpus: Any, tokens: Any, mentions: Any, statements: Any, *, lexicon: Any = None, unit: str = "sentence", top: int | None = None
) -> pd.DataFrame:
    """:func:`telaah.actor_themes` of a Dask corpus, its token table, :func:`entities` and :func:`quotes`: equal to the in-memory table.

    A unit that names an actor, and a statement, lie in one document, so
    each partition counts its actors' mentions, units, theme matches and
    word tokens; the counts are added, ``per_1000`` is taken on the sums and
    a speaker's label is its most frequent label over the whole corpus.
    """
    import dask

    from telaah._columns import check_unit, per_1000
    from telaah.actors import labels_of_keys
    from telaah.themes import _resolve_lexicon

    check_unit(unit)
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise ValueError(f"top must be a positive whole number or None, not {top!r}")
    lex = _resolve_lexicon(lexicon)
    corpus_parts, token_parts = _paired(corpus, tokens)
    mention_parts, statement_parts = mentions.to_delayed(), statements.to_delayed()
    parts = [
        dask.delayed(_partition_actor_themes)(c, t, m, q, lex, unit)
        for c, t, m, q in zip(corpus_parts, token_parts, mention_parts, statement_parts, strict=True)
    ]
    summed = _reduced(parts, _sum_actor_themes)
    sums = summed["rows"]
    if sums is None:  # no actor anywhere: the in-memory table of no actors
        return summed["empty"]
    sums["label"] = sums["label"].where(sums["label"] != _NO_LABEL, None)
    label_of = labels_of_keys(summed["labels"]) if len(summed["labels"]) else {}
    said = sums["basis"] == "quoted"
    sums.loc[said, "label"] = sums.loc[said, "actor"].map(label_of)
    out = pd.concat([_ranked(sums[sums["basis"] == basis], top) for basis in ("named", "quoted")], ignore_index=True)
    out = out[["actor", "label", "basis", "mentions", "units", "theme", "matches", "tokens"]].astype(
        {"mentions": np.int64, "units": np.int64, "matches": np.int64, "tokens": np.int64}
    )
    out["label"] = pd.Series(out["label"].tolist(), dtype=summed["label_dtype"])  # None: missing, as in memory
    out["per_1000"] = per_1000(out["matches"].to_numpy(), out["tokens"].to_numpy())
    out["basis"] = pd.Categorical(out["basis"].astype(str), categories=["named", "quoted"])
    return out.reset_index(drop=True)
