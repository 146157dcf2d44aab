"""Read a corpus into a tidy table: one row per document (or paragraph).

:func:`read_corpus` accepts a ``.txt`` file, a folder of ``.txt`` files, a
``.csv``/``.tsv`` file, a ``.jsonl`` file (one JSON object a line), a
``.parquet`` file or a pandas DataFrame, and always returns the same shape::

    doc_id          text                                   path / source / date ...
    jepang-rusia    Jepang dan Rusia sepakat untuk ...     data/jepang-rusia.txt

Reading is lossless: bytes are decoded, a byte-order mark is removed and
line breaks (CRLF, lone CR) become ``\\n``; nothing else is changed, and
nothing is dropped without a warning.  Every problem with the input raises
:class:`telaah.errors.CorpusError` naming the file, the line or row, and what
is wrong.

Decoding, when ``encoding`` is not given, follows one fixed rule:

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. magic numbers (PDF, zip/docx, PNG, JPEG, GIF, gzip, old Office) or NUL
   bytes mean the file is binary: :class:`CorpusError`;
3. strict UTF-8;
4. cp1252 (Windows "ANSI": ``0x93``/``0x94`` are curly quotes, ``0x96`` an en dash);
5. latin-1, which decodes any byte.

The encoding used for each file is in ``df.attrs["encodings"]``; any other
than UTF-8 is also announced by a :class:`UserWarning`.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import numbers
import os
import re
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from telaah.errors import CorpusError
from telaah.resources import data_path

__all__ = ["read_corpus", "read_sample", "sample_corpus_path", "paragraph_spans"]

Unit = Literal["document", "paragraph"]
OnError = Literal["raise", "skip"]

_SUPPORTED = ".txt, .csv, .tsv, .jsonl, .ndjson, .parquet"
_PARAGRAPH_COLUMNS = ("parent_id", "para_index", "start", "end")

# A byte-order mark decides the encoding. UTF-32 LE comes before UTF-16 LE: its mark starts with UTF-16 LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Files that are not text, recognised by their first bytes.
_MAGIC = (
    (b"%PDF", "a PDF document; extract its text first (e.g. with pdftotext)"),
    (b"PK\x03\x04", "a zip archive (.zip, .docx, .xlsx, .odt, .epub); extract its text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc, .xls); save it as text or CSV first"),
    (b"PAR1", "a Parquet file; give it the .parquet extension"),
)

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_LINE_BREAK = re.compile(r"\n")


@dataclass(frozen=True)
class _Options:
    text_column: str
    id_column: str | None
    encoding: str | None
    sep: str | None
    recursive: bool
    on_error: OnError


@dataclass
class _Log:
    """What happened while reading: encodings used, and documents skipped."""

    encodings: dict[str, str] = field(default_factory=dict)
    guessed: dict[str, list[str]] = field(default_factory=dict)
    skipped: list[dict[str, Any]] = field(default_factory=list)

    def skip(self, *, path: str | None, reason: str, line: int | None = None, row: int | None = None, doc_id: str | None = None) -> None:
        self.skipped.append({"path": path, "line": line, "row": row, "doc_id": doc_id, "reason": reason})


def sample_corpus_path() -> Path:
    """Return the path of the bundled sample article, ``data/jepang-rusia.txt``.

    Examples
    --------
    >>> sample_corpus_path().name
    'jepang-rusia.txt'
    """
    return data_path("jepang-rusia.txt")


def read_sample(*, unit: Unit = "document") -> pd.DataFrame:
    """Read the bundled sample article (an AP report on Japan-Russia talks, in Indonesian).

    Examples
    --------
    >>> read_sample().loc[0, "doc_id"]
    'jepang-rusia'
    >>> read_sample(unit="paragraph").loc[2, "doc_id"]
    'jepang-rusia#p03'
    """
    return read_corpus(sample_corpus_path(), unit=unit)


def read_corpus(
    source: str | os.PathLike[str] | pd.DataFrame,
    *,
    unit: Unit = "document",
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    sep: str | None = None,
    recursive: bool = False,
    on_error: OnError = "raise",
) -> pd.DataFrame:
    """Read a corpus into a table with one row per document or paragraph.

    Parameters
    ----------
    source : str, path or pandas.DataFrame
        A ``.txt`` file (one document, ``doc_id`` is the file's stem), a folder
        of ``.txt`` files (one document each, sorted by ``doc_id``), a ``.csv``
        or ``.tsv`` file, a ``.jsonl``/``.ndjson`` file (one JSON object a
        line), a ``.parquet`` file, or a DataFrame.
    unit : {"document", "paragraph"}
        ``"paragraph"`` gives one row per paragraph; see :func:`paragraph_spans`.
    text_column : str
        The column (or JSON key) that holds the text, for tables.
    id_column : str, optional
        The column that holds document ids, for tables. By default a
        ``doc_id`` column, else an ``id`` column, else ids from the record's
        position: ``row-0001`` for the first row of data (1-based, zero-padded
        to at least 4 digits).  Ids must be unique.
    encoding : str, optional
        The encoding of text files (``.txt``, ``.csv``, ``.jsonl``). By default
        it is detected (see the module's notes).  A wrong explicit encoding is
        an error naming the line and byte offset, never a silent fallback.
    sep : str, optional
        The CSV separator. By default the most frequent of ``,`` ``;`` tab
        ``|`` in the header line (``,`` if none; tab for ``.tsv``).
    recursive : bool
        For folders: also read ``.txt`` files in subfolders; their ``doc_id``
        is the relative path without the extension (``2017/berita-01``).
    on_error : {"raise", "skip"}
        What to do with a document that cannot be read (a binary, empty or
        undecodable file in a folder; a table row with empty, null or
        non-text text or a null id; a broken JSONL line).  ``"skip"`` leaves
        it out, warns, and records it in ``df.attrs["skipped"]``.  Problems
        with the whole source (missing path, missing text column, duplicate
        ids, malformed CSV) always raise.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` and ``text`` (strings), then the source's other
        columns (``path`` for ``.txt`` files).  Paragraph tables add
        ``parent_id``, ``para_index`` (0-based), ``start`` and ``end``
        (character offsets in the parent text, ``text == parent[start:end]``).
        ``df.attrs`` holds ``source``, ``unit``, ``encodings`` (file -> codec
        used) and ``skipped`` (a list of dicts: path, line, row, doc_id, reason).

    Raises
    ------
    CorpusError
        When the source cannot be read as given; the message names the file,
        the line or row, and the problem.

    Notes
    -----
    Text is decoded, a leading byte-order mark is removed, and CRLF and lone
    CR become LF.  Nothing else changes: no Unicode normalisation, no
    stripping (a ``.txt`` file keeps its final newline).  Text that is only
    whitespace counts as empty.  Numbers in the text or id column become
    strings (``2017`` -> ``"2017"``); nulls, booleans, lists and objects are
    errors.  In a CSV file only an empty cell is a missing text or id: a text
    that reads ``NA`` stays ``"NA"``.  Blank lines in a JSONL file are
    ignored.  In a folder, other files than ``.txt`` are ignored; hidden
    ``.txt`` files (``.notes.txt``, macOS ``._berita.txt``) are skipped with
    a warning.  A DataFrame's named index becomes a column (and can be the
    id column).

    Examples
    --------
    >>> df = read_corpus(sample_corpus_path())
    >>> df[["doc_id", "path"]].shape
    (1, 2)
    >>> paragraphs = read_corpus(sample_corpus_path(), unit="paragraph")
    >>> paragraphs.loc[6, "text"][:15]
    '“Kita harus ber'
    >>> start, end = paragraphs.loc[6, ["start", "end"]]
    >>> df.loc[0, "text"][start:end] == paragraphs.loc[6, "text"]
    True
    """
    if unit not in ("document", "paragraph"):
        raise ValueError(f"unit must be 'document' or 'paragraph', not {unit!r}")
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    opts = _Options(text_column, id_column, encoding, sep, recursive, on_error)
    log = _Log()
    if isinstance(source, pd.DataFrame):
        label = "DataFrame"
        docs = _from_frame(source, opts=opts, log=log)
    elif isinstance(source, (str, os.PathLike)):
        label = str(source)
        docs = _from_path(Path(source), opts=opts, log=log)
    else:
        raise TypeError(f"source must be a path or a pandas DataFrame, not {type(source).__name__}")
    _announce(log)
    if unit == "paragraph":
        docs = _to_paragraphs(docs, label=label)
    docs.attrs = {"source": label, "unit": unit, "encodings": log.encodings, "skipped": log.skipped}
    return docs


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character offsets of the paragraphs of ``text``.

    Paragraphs are separated by blank lines (lines with only whitespace); a
    text without blank lines is split at every line break instead, as in
    files with one paragraph a line.  Each span is trimmed of surrounding
    whitespace, and whitespace-only pieces are not paragraphs, so everything
    outside the spans is whitespace.

    Examples
    --------
    >>> text = "Judul\\n\\nParagraf satu.\\nMasih satu.\\n\\n\\n  Paragraf dua.\\n"
    >>> [text[s:e] for s, e in paragraph_spans(text)]
    ['Judul', 'Paragraf satu.\\nMasih satu.', 'Paragraf dua.']
    >>> paragraph_spans("Baris satu.\\r\\nBaris dua.")
    [(0, 11), (13, 23)]
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(text.strip()) else _LINE_BREAK
    spans: list[tuple[int, int]] = []
    start = 0
    for end, next_start in [(m.start(), m.end()) for m in separator.finditer(text)] + [(len(text), len(text))]:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
        start = next_start
    return spans


# Paths --------------------------------------------------------------------------------------------------------------


def _from_path(path: Path, *, opts: _Options, log: _Log) -> pd.DataFrame:
    if not path.exists():
        shown = str(path)
        if len(shown) > 80 or "\n" in shown:
            raise CorpusError(f"{shown[:60]!r}...: no such file or folder (did you pass text instead of a path?)")
        raise CorpusError(f"{shown}: no such file or folder (looked for {path.resolve()})")
    if path.is_dir():
        return _read_folder(path, opts=opts, log=log)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return _read_txt(path, doc_id=path.stem, opts=opts, log=log)
    if suffix in (".csv", ".tsv"):
        return _read_csv(path, opts=opts, log=log)
    if suffix in (".jsonl", ".ndjson"):
        return _read_jsonl(path, opts=opts, log=log)
    if suffix == ".parquet":
        return _read_parquet(path, opts=opts, log=log)
    hint = " (for JSON Lines, one object a line, name it .jsonl)" if suffix == ".json" else ""
    raise CorpusError(
        f"{path}: unsupported file type {suffix or '(no extension)'!r}{hint}; "
        f"Telaah reads {_SUPPORTED} files, a folder of .txt files, or a pandas DataFrame"
    )


def _read_txt(path: Path, *, doc_id: str, opts: _Options, log: _Log) -> pd.DataFrame:
    text = _read_text_file(path, encoding=opts.encoding, log=log)
    return pd.DataFrame({"doc_id": [doc_id], "text": [text], "path": [str(path)]})


def _read_folder(folder: Path, *, opts: _Options, log: _Log) -> pd.DataFrame:
    candidates = folder.rglob("*") if opts.recursive else folder.iterdir()
    files = {p.relative_to(folder): p for p in candidates if p.suffix.lower() == ".txt" and p.is_file()}
    if not files:
        raise CorpusError(f"{folder}: the folder has no .txt files{_folder_hint(folder, opts.recursive)}")
    by_id: dict[str, Path] = {}
    for relative, path in sorted(files.items(), key=lambda item: (item[0].with_suffix("").as_posix(), item[0].as_posix())):
        doc_id = relative.with_suffix("").as_posix()
        if doc_id in by_id:
            raise CorpusError(f"{folder}: two files give the id {doc_id!r}: {by_id[doc_id].name} and {path.name}")
        by_id[doc_id] = path
    ids, texts, paths = [], [], []
    for doc_id, path in by_id.items():
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            log.skip(path=str(path), reason="hidden file")
            continue
        try:
            texts.append(_read_text_file(path, encoding=opts.encoding, log=log))
        except CorpusError as error:
            if opts.on_error == "raise":
                raise
            log.skip(path=str(path), reason=str(error).removeprefix(str(path)).lstrip(",: "))
            continue
        ids.append(doc_id)
        paths.append(str(path))
    if not ids:
        raise CorpusError(f"{folder}: no documents left: every .txt file was skipped ({_skip_summary(log.skipped)})")
    return pd.DataFrame({"doc_id": ids, "text": texts, "path": paths})


def _folder_hint(folder: Path, recursive: bool) -> str:
    if not recursive and any(p.suffix.lower() == ".txt" for p in folder.rglob("*")):
        return " (its subfolders have some: pass recursive=True)"
    others = sorted(p.name for p in folder.iterdir())
    if others:
        shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        return f" (it holds: {shown})"
    return " (it is empty)"


def _read_csv(path: Path, *, opts: _Options, log: _Log) -> pd.DataFrame:
    text = _read_text_file(path, encoding=opts.encoding, log=log)
    sep = opts.sep or _sniff_separator(text, default="\t" if path.suffix.lower() == ".tsv" else ",")
    keys = {opts.text_column, opts.id_column or "doc_id", "id"}
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype={k: str for k in keys}, low_memory=False)
    except pd.errors.ParserError as error:
        raise CorpusError(f"{path}, {_csv_problem(text, sep) or error}") from None
    if not isinstance(frame.index, pd.RangeIndex):  # pandas took the first column as an index: rows too long
        raise CorpusError(f"{path}, {_csv_problem(text, sep) or 'rows have more fields than the header'}")
    present = [k for k in keys if k in frame.columns]
    if present and frame[present].isna().to_numpy().any():
        # Only an empty cell is missing text: reread the key columns without pandas' NA markers ("NA", "null").
        raw = pd.read_csv(io.StringIO(text), sep=sep, usecols=present, dtype=str, keep_default_na=False)
        for key in present:
            frame[key] = raw[key]
    if frame.empty:
        raise CorpusError(f"{path}: no rows of data below the header ({_columns(frame.columns)})")
    lines: list[int] = []

    def where(i: int) -> tuple[str, int | None]:
        if not lines:  # only when there is something to report
            lines.extend(_csv_record_lines(text, sep))
        line = lines[i] if i < len(lines) else None
        return (f"row {i + 1} (line {line})" if line else f"row {i + 1}"), line

    return _from_table(frame, label=str(path), where=where, opts=opts, log=log, sep_hint=sep)


def _read_jsonl(path: Path, *, opts: _Options, log: _Log) -> pd.DataFrame:
    text = _read_text_file(path, encoding=opts.encoding, log=log)
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    rows: list[int] = []
    row = 0
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines(): U+2028 may sit inside a string
        if not line.strip():
            continue
        row += 1
        problem = None
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problem = f"not valid JSON ({error.msg} at column {error.colno})"
        else:
            if not isinstance(record, dict):
                problem = f"not a JSON object {{...}} but {_json_kind(record)}"
        if problem is None:
            records.append(record)
            lines.append(number)
            rows.append(row)
        elif opts.on_error == "skip":
            log.skip(path=str(path), line=number, row=row, reason=problem)
        else:
            raise CorpusError(f"{path}, line {number}: {problem}")
    if not records:
        raise CorpusError(f"{path}: no JSON objects to read ({_skip_summary(log.skipped) or 'only blank lines'})")
    frame = pd.DataFrame.from_records(records)
    for key in {opts.text_column, opts.id_column or "doc_id", "id"} & set(frame.columns):
        # The values as JSON gave them: pandas would turn 2017 into 2017.0 in a column that also holds 1.5.
        frame[key] = pd.Series([record.get(key) for record in records], dtype=object)
    return _from_table(frame, label=str(path), where=lambda i: (f"line {lines[i]}", lines[i]), rows=rows, opts=opts, log=log)


def _read_parquet(path: Path, *, opts: _Options, log: _Log) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        frame = pq.read_table(path).to_pandas()
    except (pa.ArrowException, OSError) as error:
        raise CorpusError(f"{path}: not a readable Parquet file ({error})") from None
    if isinstance(frame.index, pd.RangeIndex):
        frame = frame.reset_index(drop=True)
    elif any(name is not None for name in frame.index.names):
        frame = frame.reset_index()
    if frame.empty:
        raise CorpusError(f"{path}: the table has no rows ({_columns(frame.columns)})")
    return _from_table(frame, label=str(path), where=lambda i: (f"row {i + 1}", None), opts=opts, log=log)


def _from_frame(source: pd.DataFrame, *, opts: _Options, log: _Log) -> pd.DataFrame:
    labels = source.index
    frame = source
    if any(name is not None for name in labels.names):
        try:
            frame = source.reset_index()
        except ValueError as error:
            raise CorpusError(f"DataFrame: its index cannot become a column ({error})") from None
    frame = frame.reset_index(drop=True)
    if frame.empty:
        raise CorpusError(f"DataFrame: the table has no rows ({_columns(frame.columns)})")

    def where(i: int) -> tuple[str, None]:
        return f"row {i + 1} (index {labels[i : i + 1].tolist()[0]!r})", None

    return _from_table(frame, label="DataFrame", where=where, opts=opts, log=log)


# Tables -------------------------------------------------------------------------------------------------------------


def _from_table(
    frame: pd.DataFrame,
    *,
    label: str,
    where: Callable[[int], tuple[str, int | None]],
    opts: _Options,
    log: _Log,
    rows: Sequence[int] | None = None,
    sep_hint: str | None = None,
) -> pd.DataFrame:
    """Check a table's text and ids and return it as ``doc_id``, ``text``, metadata.

    ``where(i)`` describes the ``i``-th row (0-based position) for messages, as
    ``("row 3 (line 5)", 5)``; ``rows[i]`` is its 1-based record number (the
    position, unless records were skipped before the table was built).
    """
    columns = [str(c) for c in frame.columns]
    frame.columns = columns
    text_column = opts.text_column
    if text_column not in columns:
        hint = f"; is the separator {sep_hint!r} right? pass sep=" if sep_hint and len(columns) == 1 else "; pass text_column= to name it"
        raise CorpusError(f"{label}: no text column {text_column!r}; the columns are {_columns(columns)}{hint}")
    id_column = opts.id_column or next((c for c in ("doc_id", "id") if c in columns), None)
    if id_column is not None and id_column not in columns:
        raise CorpusError(f"{label}: no id column {id_column!r}; the columns are {_columns(columns)}")
    for taken, column in (("text", text_column), ("doc_id", id_column)):
        if column is not None and taken != column and taken in columns:
            raise CorpusError(
                f"{label}: has a column {taken!r} besides the {'text' if taken == 'text' else 'id'} column {column!r}; "
                f"rename one of them (the result's {taken!r} column holds the {'text' if taken == 'text' else 'id'})"
            )

    n = len(frame)
    width = max(4, len(str(rows[-1] if rows else n)))
    raw_ids = frame[id_column].tolist() if id_column else [None] * n
    keep: list[int] = []
    ids: list[str] = []
    texts: list[str] = []
    for i, (raw_id, value) in enumerate(zip(raw_ids, frame[text_column].tolist())):
        if id_column:
            doc_id, problem = _as_string(value=raw_id, what="id")
        else:
            doc_id, problem = f"row-{rows[i] if rows else i + 1:0{width}d}", None
        text, text_problem = _as_string(value=value, what="text")
        problem = problem or text_problem
        if problem is None:
            keep.append(i)
            ids.append(doc_id)
            texts.append(_normalise_newlines(text))
            continue
        place, line = where(i)
        shown = f" (id {doc_id!r})" if doc_id is not None else ""
        if opts.on_error == "raise":
            raise CorpusError(f"{label}, {place}{shown}: {problem}")
        log.skip(path=None if label == "DataFrame" else label, line=line, row=rows[i] if rows else i + 1, doc_id=doc_id, reason=problem)
    if not keep:
        raise CorpusError(f"{label}: no documents left: every row was skipped ({_skip_summary(log.skipped)})")

    id_series = pd.Series(ids)
    duplicated = id_series.duplicated(keep=False)
    if duplicated.any():
        groups = pd.Series(range(len(ids)))[duplicated].groupby(id_series[duplicated], sort=False)
        parts = [f"{doc_id!r} ({', '.join(where(keep[j])[0] for j in positions)})" for doc_id, positions in groups]
        more = f" and {len(parts) - 5} more" if len(parts) > 5 else ""
        raise CorpusError(f"{label}: ids must be unique, but these repeat: {'; '.join(parts[:5])}{more}")

    metadata = frame.drop(columns=[c for c in (text_column, id_column) if c]).iloc[keep].reset_index(drop=True)
    return pd.concat([pd.DataFrame({"doc_id": ids, "text": texts}), metadata], axis=1)


def _as_string(*, value: Any, what: str) -> tuple[str | None, str | None]:
    """Return ``(string, None)`` for a usable text or id, else ``(None, problem)``."""
    if isinstance(value, str):
        if value.strip():
            return value, None
        return None, f"{what} is empty" if not value else f"{what} is only whitespace"
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, numbers.Real) and math.isnan(value)):
        return None, f"{what} is missing (null)"
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return str(value), None
    return None, f"{what} is {_json_kind(value)}, not a string"


def _json_kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number" if isinstance(value, numbers.Number) else f"a {type(value).__name__}")


# CSV details --------------------------------------------------------------------------------------------------------


def _sniff_separator(text: str, *, default: str) -> str:
    """The most frequent of ``,`` ``;`` tab ``|`` outside quotes in the header line, else ``default``."""
    header = next((line for line in text.split("\n") if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {sep: unquoted.count(sep) for sep in (",", ";", "\t", "|")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else default


def _csv_records(text: str, sep: str) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """Yield ``(first line, fields)`` for each non-blank CSV record, header included."""
    old_limit = csv.field_size_limit(2**31 - 1)
    try:
        reader = csv.reader(io.StringIO(text), delimiter=sep, strict=True)
        previous = 0
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield previous + 1, error
                return
            if fields and not (len(fields) == 1 and not fields[0].strip()):
                yield previous + 1, fields
            previous = reader.line_num
    finally:
        csv.field_size_limit(old_limit)


def _csv_record_lines(text: str, sep: str) -> list[int]:
    """The first line of each data record (the header is not a record)."""
    return [line for line, fields in _csv_records(text, sep) if not isinstance(fields, csv.Error)][1:]


def _csv_problem(text: str, sep: str) -> str | None:
    """Find the first malformed record, as ``"line 7: ..."``, or None."""
    width = None
    for line, fields in _csv_records(text, sep):
        if isinstance(fields, csv.Error):
            if "end of data" in str(fields):
                return f"line {line}: a quoted field starts here and is never closed (an unmatched '\"')"
            return f"line {line}: malformed CSV ({fields})"
        if width is None:
            width = len(fields)
        elif len(fields) > width:
            return f"line {line}: {len(fields)} fields but the header has {width} (quote a text that holds {sep!r})"
    return None


def _columns(columns: Sequence[Any]) -> str:
    return ", ".join(repr(str(c)) for c in columns) or "(none)"


# Decoding -----------------------------------------------------------------------------------------------------------


def _read_text_file(path: Path, *, encoding: str | None, log: _Log) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CorpusError(f"{path}: cannot be read ({error.strerror or error})") from None
    if not raw:
        raise CorpusError(f"{path}: the file is empty (0 bytes)")
    text, used = _decode(raw, name=str(path), encoding=encoding)
    log.encodings[str(path)] = used
    if encoding is None and used not in ("utf-8", "utf-8-sig"):
        log.guessed.setdefault(used, []).append(str(path))
    if not text.strip():
        raise CorpusError(f"{path}: the file is empty (only whitespace)")
    return text


def _decode(raw: bytes, *, name: str, encoding: str | None) -> tuple[str, str]:
    """Decode and normalise ``raw`` (see the module's notes); return the text and the codec used."""
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise CorpusError(f"{name}: unknown encoding {encoding!r}") from None
        if not codec.startswith(("utf-16", "utf-32")):
            _refuse_binary(raw, name=name)
        return _normalise(_strict_decode(raw, encoding, name=name)), encoding
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            text = _strict_decode(raw[len(bom) :], codec.removesuffix("-sig"), name=name, offset=len(bom))
            return _normalise(text), codec
    _refuse_binary(raw, name=name)
    for codec in ("utf-8", "cp1252"):
        try:
            return _normalise(raw.decode(codec)), codec
        except UnicodeDecodeError:
            pass
    return _normalise(raw.decode("latin-1")), "latin-1"


def _strict_decode(raw: bytes, encoding: str, *, name: str, offset: int = 0) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = _normalise(raw[: error.start].decode(encoding, errors="replace")).count("\n") + 1
        bad = raw[error.start : min(error.end, error.start + 4)].hex(" ")
        raise CorpusError(
            f"{name}, line {line}: byte(s) {bad} at byte offset {error.start + offset} cannot be decoded as "
            f"{encoding} ({error.reason}); pass the file's real encoding, or leave encoding= out to detect it"
        ) from None


def _refuse_binary(raw: bytes, *, name: str) -> None:
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise CorpusError(f"{name}: not a text file: it is {kind}")
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        raise CorpusError(
            f"{name}, line {line}: not a text file: NUL byte at byte offset {nul} (binary data; "
            "if it is UTF-16 without a byte-order mark, pass encoding='utf-16-le' or 'utf-16-be')"
        )


def _normalise(text: str) -> str:
    """Remove a leading byte-order mark and turn CRLF and lone CR into LF; nothing else."""
    return _normalise_newlines(text.removeprefix("\ufeff"))


def _normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


# Reporting ----------------------------------------------------------------------------------------------------------


def _skip_summary(skipped: list[dict[str, Any]], *, limit: int = 20) -> str:
    parts = []
    for item in skipped[:limit]:
        place = ", ".join(p for p in (item["path"], f"line {item['line']}" if item["line"] else None) if p)
        if item["line"] is None and item["row"] is not None:
            place = ", ".join(p for p in (place, f"row {item['row']}") if p)
        parts.append(f"{place}: {item['reason']}")
    more = f"; and {len(skipped) - limit} more (see df.attrs['skipped'])" if len(skipped) > limit else ""
    return "; ".join(parts) + more


def _announce(log: _Log) -> None:
    """Warn about guessed encodings and skipped documents: nothing is changed or dropped silently."""
    for codec, paths in log.guessed.items():
        shown = ", ".join(paths[:10]) + (f" and {len(paths) - 10} more" if len(paths) > 10 else "")
        reason = "its byte-order mark" if codec.startswith(("utf-16", "utf-32")) else "it is not valid UTF-8"
        warnings.warn(f"decoded as {codec} ({reason}): {shown}", UserWarning, stacklevel=3)
    if log.skipped:
        warnings.warn(
            f"skipped {len(log.skipped)} document(s) (on_error='skip'): {_skip_summary(log.skipped)}",
            UserWarning,
            stacklevel=3,
        )


# Paragraphs ---------------------------------------------------------------------------------------------------------


def _to_paragraphs(docs: pd.DataFrame, *, label: str) -> pd.DataFrame:
    clash = [c for c in _PARAGRAPH_COLUMNS if c in docs.columns]
    if clash:
        raise CorpusError(f"{label}: has column(s) {_columns(clash)}, which paragraph tables add; rename them")
    ids, texts, parents, indexes, starts, ends, positions = [], [], [], [], [], [], []
    for position, (doc_id, text) in enumerate(zip(docs["doc_id"].tolist(), docs["text"].tolist())):
        spans = paragraph_spans(text)
        width = max(2, len(str(len(spans))))
        for index, (start, end) in enumerate(spans):
            ids.append(f"{doc_id}#p{index + 1:0{width}d}")
            texts.append(text[start:end])
            parents.append(doc_id)
            indexes.append(index)
            starts.append(start)
            ends.append(end)
            positions.append(position)
    table = pd.DataFrame({"doc_id": ids, "text": texts, "parent_id": parents, "para_index": indexes, "start": starts, "end": ends})
    repeated = table["doc_id"][table["doc_id"].duplicated()].tolist()
    if repeated:
        raise CorpusError(f"{label}: paragraph ids repeat ({', '.join(map(repr, repeated[:5]))}): a doc_id ends like '#p01'")
    metadata = docs.drop(columns=["doc_id", "text"]).iloc[positions].reset_index(drop=True)
    return pd.concat([table, metadata], axis=1)
