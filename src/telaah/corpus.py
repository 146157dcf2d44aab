"""Read a corpus into a tidy table: one row per document (or paragraph).

:func:`read_corpus` accepts a ``.txt`` file, a folder of ``.txt`` files, a
``.csv``/``.tsv`` file, a ``.jsonl`` file (one JSON object a line), a
``.parquet`` file or a pandas DataFrame, and always returns the same shape::

    doc_id          text                                   path / source / date ...
    jepang-rusia    Jepang dan Rusia sepakat untuk ...     data/jepang-rusia.txt

Reading is lossless: bytes are decoded, a byte-order mark is removed and
line breaks CRLF and lone CR become ``\\n``; nothing else is changed, and
nothing is dropped without a warning.  Every problem with the input raises
:class:`telaah.errors.CorpusError` naming the file, the line or row, and what
is wrong; when an input could be read in more than one way, it is refused
with a message that says how to read it, rather than guessed.

Decoding, when ``encoding`` is not given, follows one fixed rule:

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. magic numbers (PDF, zip/docx, PNG, JPEG, GIF, gzip, old Office) or NUL
   bytes mean the file is binary: :class:`CorpusError`;
3. strict UTF-8;
4. otherwise the encoding is detected with charset-normalizer and accepted
   only when the detection is sure: its best reading is also what Windows-1252
   gives (the legacy encoding of Indonesian and other Western text: ``0x93``
   and ``0x94`` are curly quotes, ``0x96`` an en dash), or it has little
   "mess" and no other plausible encoding reads the bytes as different text
   (Shift-JIS, GB18030, EUC-KR ... are recognised this way).  Anything else is
   refused with a message that names the likely encodings and suggests
   ``encoding=``.

An explicit ``encoding`` must agree with a byte-order mark, if the file has
one.  The encoding used for each file is in ``df.attrs["encodings"]``; any
other than UTF-8 is also announced by a :class:`UserWarning`.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import math
import numbers
import os
import re
import warnings
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from telaah._columns import Unit, check_unit
from telaah.errors import CorpusError, option
from telaah.resources import data_path
from telaah.tokenize import LINE_BREAK, LINE_BREAKS

__all__ = ["read_corpus", "read_sample", "sample_corpus_path", "paragraph_spans", "check_corpus_table", "SAMPLES"]

OnError = Literal["raise", "skip"]

_SUPPORTED = ".txt, .csv, .tsv, .jsonl, .ndjson (each also gzip-compressed, .jsonl.gz), .parquet"

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

# A blank line: two line breaks with only other whitespace between them.
_BLANK_LINE = re.compile(rf"(?:{LINE_BREAK.pattern})[^\S{LINE_BREAKS}]*(?:{LINE_BREAK.pattern})")


@dataclass(frozen=True)
class _Options:
    text_column: str
    id_column: str | None
    encoding: str | None
    sep: str | None
    recursive: bool
    on_error: OnError
    date_column: str | None = None
    date_format: str | None = None


@dataclass
class _Log:
    """What happened while reading: encodings used, and documents skipped."""

    encodings: dict[str, str] = field(default_factory=dict)
    guessed: dict[str, list[str]] = field(default_factory=dict)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # other things the user must hear of

    def skip(self, *, path: str | None, reason: str, line: int | None = None, row: int | None = None, doc_id: str | None = None) -> None:
        self.skipped.append({"path": path, "line": line, "row": row, "doc_id": doc_id, "reason": reason})


#: The bundled samples: name -> (file in data/, how to read it).
SAMPLES: dict[str, tuple[str, dict[str, Any]]] = {
    "jepang-rusia": ("jepang-rusia.txt", {}),
    "indosum": ("indosum-teaching.jsonl.gz", {"date_column": "date"}),
}


def sample_corpus_path(name: str = "jepang-rusia") -> Path:
    """Return the path of a bundled sample: the article ``data/jepang-rusia.txt`` by default.

    Examples
    --------
    >>> sample_corpus_path().name, sample_corpus_path("indosum").name
    ('jepang-rusia.txt', 'indosum-teaching.jsonl.gz')
    """
    if name not in SAMPLES:
        raise ValueError(f"no bundled sample {name!r}; the samples are {', '.join(map(repr, SAMPLES))}")
    return data_path(SAMPLES[name][0])


def read_sample(name: str = "jepang-rusia", *, unit: Unit = "document") -> pd.DataFrame:
    """Read a bundled sample corpus (see ``data/README.md`` for provenance and licences).

    Parameters
    ----------
    name : {"jepang-rusia", "indosum"}
        ``"jepang-rusia"``: one article, an AP report on Japan-Russia defence
        talks in Indonesian (14 paragraphs).  ``"indosum"``: 500 Indonesian
        news articles from IndoSum (2016-08 to 2018-02; 100 from each of five
        sections: *tajuk utama*, *olahraga*, *showbiz*, *teknologi*,
        *hiburan*), with ``date`` (WIB), ``source`` (the outlet) and
        ``category`` (the section); CC BY-SA 4.0.
    unit : {"document", "paragraph", "sentence"}
        What a row is, as for :func:`read_corpus`.

    Examples
    --------
    >>> read_sample().loc[0, "doc_id"]
    'jepang-rusia'
    >>> read_sample(unit="paragraph").loc[2, "doc_id"]
    'jepang-rusia#p03'
    >>> news = read_sample("indosum")
    >>> len(news), news["category"].nunique(), str(news["date"].dt.tz)
    (500, 5, 'Asia/Jakarta')
    """
    path = sample_corpus_path(name)
    return read_corpus(path, unit=unit, **SAMPLES[name][1])


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
    date_column: str | None = None,
    date_format: str | None = None,
) -> pd.DataFrame:
    """Read a corpus into a table with one row per document, paragraph or sentence.

    Parameters
    ----------
    source : str, path or pandas.DataFrame
        A ``.txt`` file (one document, ``doc_id`` is the file's stem), a folder
        of ``.txt`` files (one document each, sorted by ``doc_id``), a ``.csv``
        or ``.tsv`` file, a ``.jsonl``/``.ndjson`` file (one JSON object a
        line), a ``.parquet`` file, or a DataFrame.
    unit : {"document", "paragraph", "sentence"}
        What a row is (the units of analysis everywhere in Telaah):
        ``"paragraph"`` gives one row per paragraph (see
        :func:`paragraph_spans`), ``"sentence"`` one per sentence (see
        :func:`telaah.split_sentences`).
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
    date_column : str, optional
        A column (or JSON key) of dates, read into a ``date`` column of
        datetimes (the column itself stays as written when it has another
        name).  The format is inferred from the whole column: ISO 8601,
        day/month/year or month/day/year numbers (which one, the column
        must show: a number above 12), or Indonesian month names with or
        without a weekday and a time zone (``Selasa, 25 Februari 2020 14:30
        WIB``).  Dates with a time zone become timezone-aware in WIB
        (``Asia/Jakarta``), others stay naive; see :mod:`telaah.dates`.  A
        value that does not parse is a problem of its row (see ``on_error``);
        a column that cannot be read without guessing is refused.
    date_format : str, optional
        Force the date format, as ``strptime`` codes (``"%d/%m/%Y"``).
    on_error : {"raise", "skip"}
        What to do with a document that cannot be read (a binary, empty or
        undecodable file in a folder; a table row with empty, null or
        non-text text or a null id; a date that does not parse; a broken JSONL line).  ``"skip"`` leaves
        it out, warns, and records it in ``df.attrs["skipped"]``.  Problems
        with the whole source (missing path, missing text column, duplicate
        ids, malformed CSV) always raise.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` and ``text`` (strings), then the source's other
        columns (``path`` for ``.txt`` files).  Paragraph tables add
        ``parent_id``, ``para_index`` (0-based), ``start`` and ``end``
        (character offsets in the parent text, ``text == parent[start:end]``);
        sentence tables the same with ``sent_index``, and ids like
        ``jepang-rusia#s03``.
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
    check_unit(unit)
    _check_options(on_error=on_error, date_column=date_column, date_format=date_format)
    opts = _Options(text_column, id_column, encoding, sep, recursive, on_error, date_column, date_format)
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
    if unit != "document":
        docs = _to_units(docs, label=label, unit=unit)
    docs.attrs = {"source": label, "unit": unit, "encodings": log.encodings, "skipped": log.skipped}
    return docs


def _check_options(*, on_error: str, date_column: str | None, date_format: str | None) -> None:
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    if date_format is not None and date_column is None:
        raise ValueError(f"{option('date_format', date_format)} needs {option('date_column')}: which column holds the dates?")


def _options(**options: Any) -> _Options:
    """:func:`read_corpus`'s reading options (``unit`` aside), checked."""
    on_error, date_column, date_format = options.get("on_error", "raise"), options.get("date_column"), options.get("date_format")
    _check_options(on_error=on_error, date_column=date_column, date_format=date_format)
    return _Options(
        options.get("text_column", "text"), options.get("id_column"), options.get("encoding"), options.get("sep"),
        options.get("recursive", False), on_error, date_column, date_format,
    )


def read_quietly(path: Path, **options: Any) -> pd.DataFrame:
    """:func:`read_corpus` of one file by document, without its warnings: ``attrs`` has what they would say.

    ``attrs`` holds ``encodings``, ``guessed`` (codec -> files whose
    encoding was detected) and ``skipped``; :func:`announce` says them, once
    for many files (``telaah.dask`` reads each file in a worker).
    """
    log = _Log()
    docs = _from_path(Path(path), opts=_options(**options), log=log)
    docs.attrs = {"source": str(path), "unit": "document", "encodings": log.encodings, "guessed": log.guessed, "skipped": log.skipped}
    return docs


def announce(*, guessed: dict[str, list[str]], skipped: list[dict[str, Any]]) -> None:
    """Say what reading found (encodings detected, documents skipped) as :func:`read_corpus` says it."""
    _announce(_Log(guessed=guessed, skipped=skipped))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character offsets of the paragraphs of ``text``.

    Paragraphs are separated by blank lines (lines with only whitespace); a
    text without blank lines is split at every line break instead, as in
    files with one paragraph a line.  A line break is any of
    :data:`telaah.tokenize.LINE_BREAKS` (LF, CRLF, CR, vertical tab, form
    feed, NEL, U+2028, U+2029), so text straight from the API splits as a
    file does.  Each span is trimmed of surrounding
    whitespace, and whitespace-only pieces are not paragraphs, so everything
    outside the spans is whitespace.

    Examples
    --------
    >>> text = "Judul\\n\\nParagraf satu.\\nMasih satu.\\n\\n\\n  Paragraf dua.\\n"
    >>> [text[s:e] for s, e in paragraph_spans(text)]
    ['Judul', 'Paragraf satu.\\nMasih satu.', 'Paragraf dua.']
    >>> paragraph_spans("Baris satu.\\r\\nBaris dua.")
    [(0, 11), (13, 23)]
    >>> paragraph_spans("Satu.\\u2029Dua.\\rTiga.")
    [(0, 5), (6, 10), (11, 16)]
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(text.strip()) else LINE_BREAK
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
    suffix, stem = _kind_of(path)
    if (path.is_dir() or suffix == ".txt") and opts.date_column is not None:
        raise CorpusError(f"{path}: .txt files have no columns, so there is no {option('date_column', opts.date_column)} to read")
    if path.is_dir():
        return _read_folder(path, opts=opts, log=log)
    if suffix == ".txt":
        return _read_txt(path, doc_id=stem, opts=opts, log=log)
    if suffix in (".csv", ".tsv"):
        return _read_csv(path, opts=opts, log=log)
    if suffix in (".jsonl", ".ndjson"):
        return _read_jsonl(path, opts=opts, log=log)
    if suffix == ".parquet" and not path.name.lower().endswith(".gz"):
        return _read_parquet(path, opts=opts, log=log)
    hint = " (for JSON Lines, one object a line, name it .jsonl)" if suffix == ".json" else ""
    raise CorpusError(
        f"{path}: unsupported file type {suffix or '(no extension)'!r}{hint}; "
        f"Telaah reads {_SUPPORTED} files, a folder of .txt files, or a pandas DataFrame"
    )


def _kind_of(path: Path) -> tuple[str, str]:
    """The format suffix of a file (``.jsonl`` for ``berita.jsonl.gz``) and its name without the suffixes."""
    if path.suffix.lower() == ".gz":
        inner = Path(path.stem)
        return inner.suffix.lower(), inner.stem
    return path.suffix.lower(), path.stem


def _read_txt(path: Path, *, doc_id: str, opts: _Options, log: _Log) -> pd.DataFrame:
    text = _read_text_file(path, encoding=opts.encoding, log=log)
    return pd.DataFrame({"doc_id": [doc_id], "text": [text], "path": [str(path)]})


def _read_folder(folder: Path, *, opts: _Options, log: _Log) -> pd.DataFrame:
    candidates = folder.rglob("*") if opts.recursive else folder.iterdir()
    found = [p for p in candidates if p.suffix.lower() == ".txt" and (p.is_file() or p.is_symlink())]
    if not found:
        raise CorpusError(f"{folder}: the folder has no .txt files{_folder_hint(folder, opts.recursive)}")
    if not opts.recursive:
        _note_unread_subfolders(folder, log=log)
    by_id: dict[str, Path] = {}
    for path in sorted(found, key=lambda p: (p.relative_to(folder).with_suffix("").as_posix(), p.relative_to(folder).as_posix())):
        doc_id = path.relative_to(folder).with_suffix("").as_posix()
        if doc_id in by_id:
            raise CorpusError(f"{folder}: two files give the id {doc_id!r}: {by_id[doc_id].name} and {path.name}")
        by_id[doc_id] = path
    ids, texts, paths = [], [], []
    for doc_id, path in by_id.items():
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            log.skip(path=str(path), reason="hidden file")
            continue
        try:
            if not path.exists():
                raise CorpusError(f"{path}: a broken symbolic link (it points to {os.readlink(path)}, which does not exist)")
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


def _note_unread_subfolders(folder: Path, *, log: _Log) -> None:
    """Note subfolders (not hidden ones) that hold .txt files, which a non-recursive read leaves out."""
    unread = sorted(
        sub.name + "/" for sub in folder.iterdir()
        if sub.is_dir() and not sub.name.startswith(".") and any(p.suffix.lower() == ".txt" for p in sub.rglob("*"))
    )
    if unread:
        shown = ", ".join(unread[:5]) + (f" and {len(unread) - 5} more" if len(unread) > 5 else "")
        log.notes.append(
            f"{folder}: read only the .txt files at the top of the folder; its subfolders {shown} hold .txt files too, "
            f"which were not read (pass {option('recursive', True)} to read them)"
        )


def _folder_hint(folder: Path, recursive: bool) -> str:
    if not recursive and any(p.suffix.lower() == ".txt" for p in folder.rglob("*")):
        return f" (its subfolders have some: pass {option('recursive', True)})"
    others = sorted(p.name for p in folder.iterdir())
    if others:
        shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        return f" (it holds: {shown})"
    return " (it is empty)"


def _read_csv(path: Path, *, opts: _Options, log: _Log) -> pd.DataFrame:
    text = _read_text_file(path, encoding=opts.encoding, log=log)
    sep = opts.sep or _sniff_separator(text, default="\t" if _kind_of(path)[0] == ".tsv" else ",")
    header, records, lines = _parse_csv(text, sep=sep, label=str(path))
    if not records:
        raise CorpusError(f"{path}: no rows of data below the header ({_columns(header)})")
    frame = _csv_frame(header, records, raw={opts.text_column, opts.id_column or "doc_id", "id"})

    def where(i: int) -> tuple[str, int]:
        return f"row {i + 1} (line {lines[i]})", lines[i]

    return _from_table(frame, label=str(path), where=where, opts=opts, log=log, sep_hint=sep)


def _read_jsonl(path: Path, *, opts: _Options, log: _Log) -> pd.DataFrame:
    text = _read_text_file(path, encoding=opts.encoding, log=log)
    frame = _jsonl_table(text, path=path, opts=opts, log=log)
    assert frame is not None  # a whole file without documents is an error
    return frame


def _jsonl_table(
    text: str, *, path: Path, opts: _Options, log: _Log, line: int = 1, row: int = 0, rows_in_file: int | None = None
) -> pd.DataFrame | None:
    """The documents of JSON Lines ``text``: a whole file, or a part of one whose first line is ``line``.

    ``row`` records (non-blank lines) come before the text in its file; a
    part knows the file's ``rows_in_file`` (ids ``row-0001`` are as wide as
    the file's last record number) and returns None when it has no document
    (its file as a whole is checked by its reader).
    """
    part = rows_in_file is not None
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    rows: list[int] = []
    for number, content in enumerate(text.split("\n"), start=line):  # not splitlines(): U+2028 may sit inside a string
        if not content.strip():
            continue
        row += 1
        record, problem = _json_record(content)
        if problem is None:
            records.append(record)
            lines.append(number)
            rows.append(row)
        elif opts.on_error == "skip":
            log.skip(path=str(path), line=number, row=row, reason=problem)
        else:
            raise CorpusError(f"{path}, line {number}: {problem}")
    if not records:
        if part:
            return None
        raise CorpusError(f"{path}: no JSON objects to read ({_skip_summary(log.skipped) or 'only blank lines'})")
    frame = pd.DataFrame.from_records(records)
    for key in {opts.text_column, opts.id_column or "doc_id", "id"} & set(frame.columns):
        # The values as JSON gave them: pandas would turn 2017 into 2017.0 in a column that also holds 1.5.
        frame[key] = pd.Series([record.get(key) for record in records], dtype=object)
    return _from_table(
        frame, label=str(path), where=lambda i: (f"line {lines[i]}", lines[i]), rows=rows, opts=opts, log=log,
        last_row=rows_in_file if part else row, part=part,
    )


def jsonl_parts(path: Path, *, size: int) -> list[tuple[int, int]]:
    """Byte ranges of about ``size`` bytes that cover a file and end at line breaks (the last at the file's end).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "berita.jsonl"
    ...     _ = path.write_bytes(b'{"text": "a"}\\n{"text": "b"}\\n{"text": "c"}\\n')
    ...     jsonl_parts(path, size=20)
    [(0, 28), (28, 42)]
    """
    total = path.stat().st_size
    ranges: list[tuple[int, int]] = []
    start = 0
    with open(path, "rb") as handle:
        while start < total:
            handle.seek(max(start + size - 1, start))
            handle.readline()  # to the end of the line the range would cut
            end = min(handle.tell(), total)
            ranges.append((start, end))
            start = end
    return ranges


def jsonl_part_facts(path: Path, start: int, end: int) -> dict[str, Any]:
    """What a part of a JSON Lines file holds: line breaks, records, whether it is plain UTF-8, and a byte-order mark.

    A file is read in parts only when every part is UTF-8 without a NUL
    byte; otherwise it is read whole, where its problem is named.
    """
    with open(path, "rb") as handle:
        handle.seek(start)
        raw = handle.read(end - start)
    bom = start == 0 and raw.startswith(codecs.BOM_UTF8)
    try:
        text = _normalise_newlines(raw[len(codecs.BOM_UTF8) if bom else 0 :].decode("utf-8"))
    except UnicodeDecodeError:
        return {"breaks": 0, "records": 0, "utf8": False, "bom": bom}
    plain = "\x00" not in text
    return {"breaks": text.count("\n"), "records": sum(1 for line in text.split("\n") if line.strip()), "utf8": plain, "bom": bom}


def read_jsonl_part(
    path: Path, *, start: int, end: int, line: int, row: int, rows_in_file: int, codec: str, **options: Any
) -> pd.DataFrame | None:
    """The documents of bytes ``[start, end)`` of a UTF-8 JSON Lines file, as :func:`read_corpus` reads them from the whole file.

    ``line`` is the part's first line number and ``row`` the records
    before it (see :func:`jsonl_part_facts`), so that messages name the
    file's lines and ids by row number are the whole file's; ``codec`` is
    the file's encoding, as :func:`read_corpus` records it.  None when the
    part holds no document.  Quiet, as :func:`read_quietly`.
    """
    opts = _options(**options)
    log = _Log()
    with open(path, "rb") as handle:
        handle.seek(start)
        raw = handle.read(end - start)
    if start == 0:
        raw = raw.removeprefix(codecs.BOM_UTF8)
    log.encodings[str(path)] = codec
    frame = _jsonl_table(_normalise_newlines(raw.decode("utf-8")), path=path, opts=opts, log=log, line=line, row=row, rows_in_file=rows_in_file)
    if frame is not None:
        frame.attrs = {"source": str(path), "unit": "document", "encodings": log.encodings, "guessed": {}, "skipped": log.skipped}
    return frame


class _RepeatedKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's pairs as a dict; a key given twice raises :class:`_RepeatedKey`."""
    record: dict[str, Any] = {}
    for key, value in pairs:
        if key in record:
            raise _RepeatedKey(key)
        record[key] = value
    return record


def _json_record(line: str) -> tuple[dict[str, Any], None] | tuple[None, str]:
    """Parse one JSONL line into an object, or say what is wrong with it."""
    try:
        record = json.loads(line, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        return None, f"not valid JSON ({error.msg} at column {error.colno})"
    except _RepeatedKey as error:
        return None, f"the key {error.args[0]!r} appears twice in one object (JSON readers would keep only the last)"
    if not isinstance(record, dict):
        return None, f"not a JSON object {{...}} but {_json_kind(record)}"
    for key, value in record.items():
        problem = _surrogate_problem(key, what="a key") or (_surrogate_problem(value, what=repr(key)) if isinstance(value, str) else None)
        if problem:
            return None, problem
    return record, None


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
    last_row: int | None = None,
    part: bool = False,
) -> pd.DataFrame | None:
    """Check a table's text and ids and return it as ``doc_id``, ``text``, metadata.

    ``where(i)`` describes the ``i``-th row (0-based position) for messages, as
    ``("row 3 (line 5)", 5)``; ``rows[i]`` is its 1-based record number (the
    position, unless records were skipped before the table was built), and
    ``last_row`` the file's last record number (ids by row number are that
    wide).  A ``part`` of a file returns None when every row is skipped.
    """
    columns = [str(c) for c in frame.columns]
    _check_header(columns, label=label)
    frame.columns = columns
    text_column = opts.text_column
    if text_column not in columns:
        hint = (
            f"; is the separator {sep_hint!r} right? pass {option('sep')}"
            if sep_hint and len(columns) == 1
            else f"; pass {option('text_column')} to name it"
        )
        raise CorpusError(f"{label}: no text column {text_column!r}; the columns are {_columns(columns)}{hint}")
    id_column = opts.id_column or next((c for c in ("doc_id", "id") if c in columns), None)
    if id_column is not None and id_column not in columns:
        raise CorpusError(f"{label}: no id column {id_column!r}; the columns are {_columns(columns)}; pass {option('id_column')} to name it")
    for taken, column in (("text", text_column), ("doc_id", id_column)):
        if column is not None and taken != column and taken in columns:
            raise CorpusError(
                f"{label}: has a column {taken!r} besides the {'text' if taken == 'text' else 'id'} column {column!r}; "
                f"rename one of them (the result's {taken!r} column holds the {'text' if taken == 'text' else 'id'})"
            )

    n = len(frame)
    width = max(4, len(str(last_row if last_row is not None else rows[-1] if rows else n)))
    raw_ids = frame[id_column].tolist() if id_column else [None] * n
    bad_metadata = _string_problems(frame.drop(columns=[c for c in (text_column, id_column) if c]))
    dates, bad_dates = _dates(frame, label=label, where=where, opts=opts, taken=(text_column, id_column))
    keep: list[int] = []
    ids: list[str] = []
    texts: list[str] = []
    for i, (raw_id, value) in enumerate(zip(raw_ids, frame[text_column].tolist(), strict=True)):
        if id_column:
            doc_id, problem = _as_string(value=raw_id, what="id")
        else:
            doc_id, problem = f"row-{rows[i] if rows else i + 1:0{width}d}", None
        text, text_problem = _as_string(value=value, what="text")
        problem = problem or text_problem or bad_metadata.get(i) or bad_dates.get(i)
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
        if part:
            return None
        raise CorpusError(f"{label}: no documents left: every row was skipped ({_skip_summary(log.skipped)})")

    id_series = pd.Series(ids)
    duplicated = id_series.duplicated(keep=False)
    if duplicated.any():
        groups = pd.Series(range(len(ids)))[duplicated].groupby(id_series[duplicated], sort=False)
        parts = [f"{doc_id!r} ({', '.join(where(keep[j])[0] for j in positions)})" for doc_id, positions in groups]
        more = f" and {len(parts) - 5} more" if len(parts) > 5 else ""
        raise CorpusError(f"{label}: ids must be unique, but these repeat: {'; '.join(parts[:5])}{more}")

    replaced = [text_column, id_column] + (["date"] if dates is not None else [])
    metadata = frame.drop(columns=[c for c in replaced if c in frame.columns]).iloc[keep].reset_index(drop=True)
    table = pd.DataFrame({"doc_id": ids, "text": texts})
    if dates is not None:
        table["date"] = dates.iloc[keep].reset_index(drop=True)
    return pd.concat([table, metadata], axis=1)


def _dates(
    frame: pd.DataFrame, *, label: str, where: Callable[[int], tuple[str, int | None]], opts: _Options, taken: tuple[str | None, ...]
) -> tuple[pd.Series | None, dict[int, str]]:
    """The parsed ``date`` column (see :mod:`telaah.dates`) and the rows whose date cannot be read."""
    column = opts.date_column
    if column is None:
        return None, {}
    if column not in frame.columns:
        raise CorpusError(f"{label}: no date column {column!r}; the columns are {_columns(frame.columns)}; pass {option('date_column')} to name it")
    if column in taken:
        raise CorpusError(f"{label}: {option('date_column', column)} is also the text or id column")
    if column != "date" and "date" in frame.columns:
        raise CorpusError(
            f"{label}: has a column 'date' besides the date column {column!r}; rename one of them (the result's 'date' column holds the dates)"
        )
    from telaah.dates import DateError, parse_dates

    try:
        return parse_dates(frame[column].tolist(), date_format=opts.date_format, where=lambda i: where(i)[0], column=column)
    except DateError as error:
        raise CorpusError(f"{label}: {error}") from None


def _string_problems(table: pd.DataFrame) -> dict[int, str]:
    """Rows (0-based positions) holding strings that cannot be written out (lone surrogates), with the problem."""
    problems: dict[int, str] = {}
    for column in table.columns:
        values = table[column]
        if not _may_hold_surrogates(values.dtype):
            continue
        for i, value in enumerate(values.tolist()):
            if i not in problems and isinstance(value, str) and (problem := _surrogate_problem(value, what=f"column {column!r}")):
                problems[i] = problem
    return problems


def _may_hold_surrogates(dtype: Any) -> bool:
    """Python objects and Python-backed strings may; numbers, categories of those aside, and Arrow strings cannot."""
    if isinstance(dtype, pd.CategoricalDtype):
        return _may_hold_surrogates(dtype.categories.dtype)
    return pd.api.types.is_object_dtype(dtype) or (isinstance(dtype, pd.StringDtype) and dtype.storage == "python")


def check_corpus_table(table: pd.DataFrame, *, label: str = "corpus table") -> None:
    """Refuse a corpus table that no analysis could use safely: repeated column names or unwritable strings.

    :func:`read_corpus` makes these checks itself; functions that take a
    DataFrame built elsewhere (``token_table`` among them) call this first.

    Raises
    ------
    CorpusError
        Naming the column, or the row and where its string holds a lone
        surrogate (which no file format can store).

    Examples
    --------
    >>> check_corpus_table(pd.DataFrame({"doc_id": ["a"], "text": ["Satu."]}))
    >>> check_corpus_table(pd.DataFrame({"doc_id": ["a"], "text": pd.Series(["Satu\\ud800"], dtype=object)}))
    Traceback (most recent call last):
    ...
    telaah.errors.CorpusError: corpus table, row 1 (doc_id 'a'): column 'text' holds a lone surrogate U+D800 at character 4 ...
    """
    _check_header([str(c) for c in table.columns], label=label)
    problems = _string_problems(table)
    if problems:
        i = min(problems)
        shown = f" (doc_id {table['doc_id'].iloc[i]!r})" if "doc_id" in table.columns else ""
        raise CorpusError(f"{label}, row {i + 1}{shown}: {problems[i]}")


def _as_string(*, value: Any, what: str) -> tuple[str | None, str | None]:
    """Return ``(string, None)`` for a usable text or id, else ``(None, problem)``."""
    if isinstance(value, str):
        if not value.strip():
            return None, f"{what} is empty" if not value else f"{what} is only whitespace"
        problem = _surrogate_problem(value, what=what)
        return (None, problem) if problem else (value, None)
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, numbers.Real) and math.isnan(value)):
        return None, f"{what} is missing (null)"
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return str(value), None
    return None, f"{what} is {_json_kind(value)}, not a string"


_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate_problem(value: str, *, what: str) -> str | None:
    """Say where ``value`` holds a lone surrogate (not a character; it cannot be written as UTF-8), or None."""
    if value.isascii():
        return None
    try:
        value.encode("utf-8")  # fast, and fails only on a surrogate
        return None
    except UnicodeEncodeError:
        found = _SURROGATE.search(value)
    if found is None:
        return None
    return (
        f"{what} holds a lone surrogate U+{ord(found.group()):04X} at character {found.start()} (not a character: "
        "half of a broken emoji, or a bad \\u escape in JSON); repair the source"
    )


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


def _parse_csv(text: str, *, sep: str, label: str) -> tuple[list[str], list[list[str]], list[int]]:
    """Parse CSV strictly: the header, the data records and the first line of each.

    Nothing is reshaped silently: a record with more fields than the header
    is an error unless the extra fields are all empty (a trailing separator
    on every line), a record with fewer fields is an error, and so is a field
    that opens with a quote mark but is not a quoted field (reading it would
    drop the quote marks).  Blank lines are not records.
    """
    old_limit = csv.field_size_limit(2**31 - 1)
    header: list[str] | None = None
    records: list[list[str]] = []
    lines: list[int] = []
    try:
        reader = csv.reader(io.StringIO(text), delimiter=sep, strict=True)
        previous = 0
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                place = "the header" if header is None else f"row {len(records) + 1}"
                raise CorpusError(f"{label}, {place} (line {previous + 1}): {_csv_error(error, text, sep=sep, line=reader.line_num)}") from None
            first, previous = previous + 1, reader.line_num
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue  # a blank line
            if header is None:
                header, header_line = fields, first
                continue
            records.append(fields)
            lines.append(first)
    finally:
        csv.field_size_limit(old_limit)
    if header is None:
        raise CorpusError(f"{label}: no header line")
    _check_header(header, label=f"{label}, line {header_line}")
    width = len(header)
    for number, (fields, line) in enumerate(zip(records, lines, strict=True), start=1):
        if len(fields) != width:
            records[number - 1] = _fit_record(fields, header, sep=sep, place=f"{label}, row {number} (line {line})")
    header, records = _drop_empty_unnamed(header, records)
    return header, records, lines


def _check_header(header: list[str], *, label: str) -> None:
    places: dict[str, list[int]] = {}
    for i, name in enumerate(header):
        if name:
            places.setdefault(name, []).append(i + 1)
    repeated = [f"{name!r} (columns {', '.join(map(str, where))})" for name, where in places.items() if len(where) > 1]
    if repeated:
        raise CorpusError(f"{label}: more than one column is named {'; '.join(repeated)}; rename all but one")


def _fit_record(fields: list[str], header: list[str], *, sep: str, place: str) -> list[str]:
    """A record of the header's width: extra fields that are all empty are dropped; anything else is an error."""
    width = len(header)
    shown = "a tab" if sep == "\t" else repr(sep)
    if len(fields) > width:
        extra = fields[width:]
        if not any(extra):
            return fields[:width]
        values = ", ".join(repr(_shorten(value)) for value in extra[:3] if value)
        raise CorpusError(
            f"{place}: {len(fields)} fields but the header has {width}; the extra fields hold {values}. "
            f"A field that holds {shown} must be quoted (\"...\")"
        )
    missing = ", ".join(repr(name) for name in header[len(fields):][:3])
    raise CorpusError(
        f"{place}: {len(fields)} field(s) but the header has {width} (no {missing}). "
        f"A field that holds {shown} or a line break must be quoted (\"...\")"
    )


def _drop_empty_unnamed(header: list[str], records: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """Drop columns without a name and without a value (a trailing separator on the header line too)."""
    empty = [i for i, name in enumerate(header) if not name and not any(row[i] for row in records)]
    if not empty:
        return header, records
    dropped = set(empty)
    keep = [i for i in range(len(header)) if i not in dropped]
    return [header[i] for i in keep], [[row[i] for i in keep] for row in records]


def _csv_error(error: csv.Error, text: str, *, sep: str, line: int) -> str:
    message = str(error)
    if "expected after" in message:
        content = text.split("\n", line)[line - 1] if line >= 1 else ""
        return (
            f"a field opens with a quote mark but is not a quoted field ({_shorten(content)!r}); reading it would drop "
            'its quote marks. Quote the whole field and double the quote marks inside it ("""Kata dia"" lalu pergi"), '
            "or save the file with every text field quoted"
        )
    if "end of data" in message:
        return "a quoted field starts here and is never closed (an unmatched '\"')"
    return f"malformed CSV ({message})"


def _csv_frame(header: list[str], records: list[list[str]], *, raw: set[str]) -> pd.DataFrame:
    """The records as a table: the text and id columns exactly as written, the others typed as pandas would."""
    from pandas.io.parsers import TextParser

    names = [name or f"Unnamed: {i}" for i, name in enumerate(header)]
    columns = list(zip(*records, strict=True))
    frame = pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in zip(names, columns, strict=True) if name in raw})
    typed = [i for i, name in enumerate(names) if name not in raw]
    if typed:
        rest = TextParser([[names[i] for i in typed], *([row[i] for i in typed] for row in records)], header=0).read()
        frame = pd.concat([frame, rest], axis=1)
    return frame[names]


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _columns(columns: Sequence[Any]) -> str:
    return ", ".join(repr(str(c)) for c in columns) or "(none)"


# Decoding -----------------------------------------------------------------------------------------------------------


def _read_text_file(path: Path, *, encoding: str | None, log: _Log) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CorpusError(f"{path}: cannot be read ({error.strerror or error})") from None
    if path.suffix.lower() == ".gz":
        raw = _gunzip(raw, path=path)
    if not raw:
        raise CorpusError(f"{path}: the file is empty (0 bytes)")
    text, used = _decode(raw, name=str(path), encoding=encoding)
    log.encodings[str(path)] = used
    if encoding is None and used not in ("utf-8", "utf-8-sig"):
        log.guessed.setdefault(used, []).append(str(path))
    if not text.strip():
        raise CorpusError(f"{path}: the file is empty (only whitespace)")
    return text


def _gunzip(raw: bytes, *, path: Path) -> bytes:
    """The content of a gzip file (``berita.jsonl.gz``), or a clear error."""
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error) as error:
        raise CorpusError(f"{path}: not a readable gzip file ({error})") from None


def _decode(raw: bytes, *, name: str, encoding: str | None) -> tuple[str, str]:
    """Decode and normalise ``raw`` (see the module's notes); return the text and the codec used."""
    bom = next(((mark, codec) for mark, codec in _BOMS if raw.startswith(mark)), None)
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise CorpusError(f"{name}: unknown encoding {encoding!r}") from None
        if bom is not None and not _agrees_with_bom(codec, raw):
            found = bom[1].removesuffix("-sig")
            raise CorpusError(
                f"{name}: starts with a {found.upper()} byte-order mark, but {option('encoding', encoding)} was given; "
                f"pass {option('encoding', found)}, or leave the encoding out to follow the mark"
            )
        if not codec.startswith(("utf-16", "utf-32")):
            _refuse_binary(raw, name=name)
        return _normalise(_strict_decode(raw, encoding, name=name)), encoding
    if bom is not None:
        mark, codec = bom
        text = _strict_decode(raw[len(mark) :], codec.removesuffix("-sig"), name=name, offset=len(mark))
        return _normalise(text), codec
    _refuse_binary(raw, name=name)
    try:
        return _normalise(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as error:
        not_utf8 = error
    text, codec = _detect(raw, name=name, not_utf8=not_utf8)
    return _normalise(text), codec


# Detection: the most "mess" (charset-normalizer's chaos ratio) a reading may have, and how close
# another encoding's reading may come before the two are too close to call.
_MAX_CHAOS = 0.1
_CLOSE_CALL = 0.05


def _detect(raw: bytes, *, name: str, not_utf8: UnicodeDecodeError) -> tuple[str, str]:
    """Decode bytes that are not UTF-8, when charset-normalizer is sure of their encoding; else refuse.

    Sure means: its best reading has little mess, and either it is what
    Windows-1252 gives, or a language is recognised in it and every other
    encoding that reads the bytes almost as cleanly gives the very same text.
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(raw)
    best = matches.best()  # the least mess; charset-normalizer's own preferences break ties
    readings: dict[str, str | None] = {}

    def reading(codec: str) -> str | None:
        if codec not in readings:
            try:
                readings[codec] = raw.decode(codec)
            except (UnicodeDecodeError, LookupError):
                readings[codec] = None
        return readings[codec]

    likely = ""
    if best is not None and best.chaos <= _MAX_CHAOS and (text := reading(best.encoding)) is not None:
        if text == reading("cp1252"):
            return text, "cp1252"
        rivals = [
            m.encoding for m in matches
            if m.encoding != best.encoding and m.chaos <= best.chaos + _CLOSE_CALL and reading(m.encoding) != text
        ]
        if best.coherence > 0 and not rivals:  # a language is recognised in it, and no other reading comes close
            return text, best.encoding
        likely = ", ".join([best.encoding, *rivals[:4]])
    line = raw[: not_utf8.start].count(b"\n") + 1
    seen = raw[not_utf8.start : not_utf8.start + 4].hex(" ")
    guess = f" (it reads most like {likely}, but not surely)" if likely else ""
    suggestion = option("encoding", best.encoding) if best is not None else option("encoding", "cp1252")
    raise CorpusError(
        f"{name}, line {line}: not UTF-8 (bytes {seen} at byte offset {not_utf8.start}) and its encoding cannot be "
        f"told for sure{guess}; pass the file's encoding, e.g. {suggestion}, or save the file as UTF-8"
    )


def _agrees_with_bom(codec: str, raw: bytes) -> bool:
    """Whether an explicitly given codec can be the one a file's byte-order mark announces."""
    agreeing = {
        codecs.BOM_UTF8: ("utf-8", "utf-8-sig"),
        codecs.BOM_UTF32_LE: ("utf-32", "utf-32-le", "utf-16", "utf-16-le"),  # FF FE 00 00 may be UTF-16 LE and U+0000
        codecs.BOM_UTF32_BE: ("utf-32", "utf-32-be"),
        codecs.BOM_UTF16_LE: ("utf-16", "utf-16-le"),
        codecs.BOM_UTF16_BE: ("utf-16", "utf-16-be"),
    }
    return any(raw.startswith(mark) and codec in codecs_ for mark, codecs_ in agreeing.items())


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
    """Warn about guessed encodings, skipped documents and unread files: nothing is changed or dropped silently."""
    for note in log.notes:
        warnings.warn(note, UserWarning, stacklevel=3)
    for codec, paths in log.guessed.items():
        shown = ", ".join(paths[:10]) + (f" and {len(paths) - 10} more" if len(paths) > 10 else "")
        reason = "its byte-order mark" if codec.startswith(("utf-16", "utf-32")) else "detected: it is not valid UTF-8"
        warnings.warn(f"decoded as {codec} ({reason}): {shown}", UserWarning, stacklevel=3)
    if log.skipped:
        warnings.warn(
            f"skipped {len(log.skipped)} document(s) ({option('on_error', 'skip')}): {_skip_summary(log.skipped)}",
            UserWarning,
            stacklevel=3,
        )


# Paragraphs ---------------------------------------------------------------------------------------------------------


# How a corpus is cut into units: the spans of each text, the letter of the unit ids, the index column.
_UNIT_PARTS = {"paragraph": ("p", "para_index"), "sentence": ("s", "sent_index")}


def _unit_spans(unit: str) -> Callable[[str], list[tuple[int, int]]]:
    if unit == "paragraph":
        return paragraph_spans
    from telaah.sentences import split_sentences

    return lambda text: [(span.start, span.end) for span in split_sentences(text)]


def _to_units(docs: pd.DataFrame, *, label: str, unit: str) -> pd.DataFrame:
    """One row per paragraph or sentence of each document, with its parent and offsets."""
    letter, index_column = _UNIT_PARTS[unit]
    added = ("parent_id", index_column, "start", "end")
    clash = [c for c in added if c in docs.columns]
    if clash:
        raise CorpusError(f"{label}: has column(s) {_columns(clash)}, which {unit} tables add; rename them")
    spans_of = _unit_spans(unit)
    ids, texts, parents, indexes, starts, ends, positions = [], [], [], [], [], [], []
    for position, (doc_id, text) in enumerate(zip(docs["doc_id"].tolist(), docs["text"].tolist(), strict=True)):
        spans = spans_of(text)
        width = max(2, len(str(len(spans))))
        for index, (start, end) in enumerate(spans):
            ids.append(f"{doc_id}#{letter}{index + 1:0{width}d}")
            texts.append(text[start:end])
            parents.append(doc_id)
            indexes.append(index)
            starts.append(start)
            ends.append(end)
            positions.append(position)
    table = pd.DataFrame({"doc_id": ids, "text": texts, "parent_id": parents, index_column: indexes, "start": starts, "end": ends})
    repeated = table["doc_id"][table["doc_id"].duplicated()].tolist()
    if repeated:
        raise CorpusError(f"{label}: {unit} ids repeat ({', '.join(map(repr, repeated[:5]))}): a doc_id ends like '#{letter}01'")
    metadata = docs.drop(columns=["doc_id", "text"]).iloc[positions].reset_index(drop=True)
    return pd.concat([table, metadata], axis=1)
