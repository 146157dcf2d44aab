"""Reproducible reports: run the report notebook on any corpus and keep everything it made.

:func:`make_report` (and ``telaah report SOURCE --out DIR``) checks every
input first, then runs ``notebooks/06_report.ipynb`` with papermill on a fresh
kernel, with the parameters injected into its ``parameters`` cell, and writes
into ``DIR``::

    report.ipynb        the executed notebook
    report.html         a standalone page (code cells hidden unless asked)
    figures/NAME.png    every chart, also as NAME.svg
    tables/NAME.csv     frequencies, keyness, collocations, theme scores, topics; theme trends
                        when the corpus has dates, and group_* tables with ``groupby``
    manifest.json       parameters, random_state, corpus file hashes, library versions, times,
                        and every file the report wrote, with its SHA-256

The same corpus, parameters and ``random_state`` give byte-identical CSV tables.  The
notebook itself saves its charts and tables with :func:`save_figure` and
:func:`save_table`.

A report never deletes what it did not write.  It is built in a hidden folder
beside ``DIR`` (``.DIR.telaah-tmp-XXXXXXXX``, on the same filesystem), which
is the kernel's working directory and the notebook's ``OUT`` (``"."``), and
is moved into ``DIR`` only when everything has succeeded: a failed or
interrupted run (an error in the notebook, Ctrl-C, SIGTERM) leaves ``DIR`` as
it was and removes the hidden folder.  ``DIR`` may be

* new (missing parent folders are created) or empty;
* an earlier Telaah report, recognised by its ``manifest.json``
  (``"generator": "telaah report"``, ``"format": 2``; the ``"telaah_report": 1``
  manifests of earlier versions are read too).  Exactly the files that
  manifest lists are replaced; anything else in the folder, in ``figures/``
  and ``tables/`` too, is left alone.  A listed file that was changed since
  (its hash differs), or a file of the user's where the new report wants to
  write, is refused, as is a manifest of a newer format.

Anything else (a folder with other files and no manifest, a ``manifest.json``
that another program wrote, a file) is refused before anything runs, as is a
corpus inside ``DIR``.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import os
import platform
import re
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import numpy as np
import pandas as pd

from telaah.errors import option
from telaah.resources import bundled_path

__all__ = [
    "REPORT_NOTEBOOK",
    "GENERATOR",
    "MANIFEST_FORMAT",
    "ReportError",
    "make_report",
    "report_notebook_path",
    "check_topics",
    "topic_unit",
    "count_topic_units",
    "auto_ks",
    "content_words",
    "PERIODS",
    "THIN_PERIOD",
    "trend_period",
    "describe_trends",
    "check_groupby",
    "group_sizes",
    "save_figure",
    "save_table",
    "corpus_hashes",
    "library_versions",
    "earlier_report",
    "report_files",
    "install_report",
]

#: The file name of the report notebook (in ``notebooks/``; shipped in wheels as ``telaah/templates/``).
REPORT_NOTEBOOK = "06_report.ipynb"
#: Distributions whose versions go into ``manifest.json`` (``Sastrawi`` is the ``pysastrawi`` distribution).
LIBRARIES = ("telaah", "pysastrawi", "pandas", "numpy", "scikit-learn", "nltk", "matplotlib", "wordfreq", "papermill")
#: ``manifest.json`` says who wrote it with this ``"generator"`` ...
GENERATOR = "telaah report"
#: ... and its layout with this ``"format"`` (1: the ``"telaah_report": 1`` manifests, which listed no file hashes).
MANIFEST_FORMAT = 2
_MANIFEST = "manifest.json"
#: The hidden folders beside the report folder: the report being built, and the earlier report being replaced.
_STAGING, _BACKUP, _SCRATCH = "telaah-tmp", "telaah-old", "telaah-scratch"
#: Significant digits of floats in the CSV tables: the same inputs give the same bytes.
_FLOAT_FORMAT = "%.10g"
_HEX64 = re.compile(r"[0-9a-f]{64}")
#: How the content-word check names each kind of token that is not a content word.
_NOT_CONTENT = {
    "stopword": ("stopword", "stopwords"), "number": ("number", "numbers"),
    "punct": ("punctuation mark", "punctuation marks"), "symbol": ("symbol or emoji", "symbols or emoji"),
    "url": ("URL", "URLs"), "email": ("e-mail address", "e-mail addresses"),
    "mention": ("@mention", "@mentions"), "hashtag": ("#hashtag", "#hashtags"),
}

TopicsArg = int | Literal["auto"] | None


class ReportError(RuntimeError):
    """The report notebook failed while running (the inputs had been checked); the output folder is as it was."""


def report_notebook_path() -> Path:
    """Return the report notebook: the copy shipped in the package, else the checkout's ``notebooks/``.

    Examples
    --------
    >>> report_notebook_path().name
    '06_report.ipynb'
    """
    return bundled_path(f"templates/{REPORT_NOTEBOOK}", f"notebooks/{REPORT_NOTEBOOK}")


def check_topics(topics: object) -> int | str | None:
    """Check the ``topics`` option: ``"auto"``, ``None``/``"none"`` (no topic model) or a k of at least 2.

    Strings such as ``"5"`` (from the command line) become ints.

    Examples
    --------
    >>> check_topics("auto"), check_topics("none"), check_topics("4"), check_topics(3)
    ('auto', None, 4, 3)
    >>> check_topics(1)
    Traceback (most recent call last):
    ...
    ValueError: topics=1: a topic model needs at least 2 topics (or use 'auto' or 'none')
    """
    if topics is None:
        return None
    if isinstance(topics, str):
        word = topics.strip().lower()
        if word in ("auto", "none"):
            return None if word == "none" else "auto"
        if not word.lstrip("-").isdigit():
            raise ValueError(f"{option('topics', topics)}: give a number of topics (2 or more), 'auto' or 'none'")
        topics = int(word)
    if isinstance(topics, bool) or not isinstance(topics, int):
        raise ValueError(f"{option('topics', topics)}: give a number of topics (2 or more), 'auto' or None")
    if topics < 2:
        raise ValueError(f"{option('topics', topics)}: a topic model needs at least 2 topics (or use 'auto' or 'none')")
    return topics


def topic_unit(corpus: pd.DataFrame) -> Literal["document", "paragraph"]:
    """What the report's topic model describes: each row of the corpus, or paragraphs when there are few rows.

    A corpus of fewer than 10 rows (one article read by document) is modelled
    by paragraph; otherwise each row (document, or paragraph when the corpus
    was read by paragraph) is a unit.

    Examples
    --------
    >>> topic_unit(pd.DataFrame({"doc_id": ["a"], "text": ["Satu.\\n\\nDua."]}))
    'paragraph'
    """
    return "document" if len(corpus) >= 10 else "paragraph"


def count_topic_units(corpus: pd.DataFrame) -> int:
    """The number of units the report's topic model would describe (see :func:`topic_unit`).

    Examples
    --------
    >>> count_topic_units(pd.DataFrame({"doc_id": ["a"], "text": ["Satu.\\n\\nDua."]}))
    2
    """
    if topic_unit(corpus) == "document":
        return len(corpus)
    from telaah.corpus import paragraph_spans

    return sum(len(paragraph_spans(text)) for text in corpus["text"])


def auto_ks(n_units: int) -> list[int]:
    """The numbers of topics that ``topics="auto"`` tries for ``n_units`` units (empty below 3 units).

    2 to 5 for fewer than 50 units, 2 to 10 from 50 units on; never more than
    ``n_units - 1``.

    Examples
    --------
    >>> auto_ks(14), auto_ks(3), auto_ks(2), auto_ks(3000)[-1]
    ([2, 3, 4, 5], [2], [], 10)
    """
    top = 5 if n_units < 50 else 10
    return list(range(2, min(top, n_units - 1) + 1))


def content_words(texts: Iterable[str], *, stoplist: frozenset[str] | None = None) -> tuple[str | None, Counter[str]]:
    """Find the first content word of ``texts``: a word token (:func:`telaah.tokenize.scan`) that is not a stopword.

    Stops at the first one, so the cost is at most linear in the size of the
    texts.

    Parameters
    ----------
    texts : iterable of str
        The texts (a corpus's ``text`` column).
    stoplist : frozenset of str, optional
        Lowercase stopwords; by default :func:`telaah.stopwords.stopwords`, the list the report uses.

    Returns
    -------
    tuple
        The first content word (None when there is none), and how many tokens
        of each other kind came before it (``"stopword"``, ``"number"``,
        ``"punct"``, ``"symbol"``, ``"url"`` ...).

    Examples
    --------
    >>> content_words(["Yang 2024 !!"])
    (None, Counter({'punct': 2, 'stopword': 1, 'number': 1}))
    >>> content_words(["dan", "Harga naik."])[0]
    'Harga'
    """
    from telaah.stopwords import stopwords
    from telaah.tokenize import scan

    stop = stopwords() if stoplist is None else stoplist
    seen: Counter[str] = Counter()
    for text in texts:
        tokens, _, _, kinds = scan(text)
        for token, kind in zip(tokens, kinds, strict=True):
            if kind != "word":
                seen[kind] += 1
            elif token.lower() in stop:
                seen["stopword"] += 1
            else:
                return token, seen
    return None, seen


# Over time and by group: the choices the report makes ------------------------------------------------------------------

#: The periods of the report's trends, singular and plural, by pandas frequency code.
PERIODS: dict[str, tuple[str, str]] = {"D": ("day", "days"), "W": ("week", "weeks"), "M": ("month", "months"), "Q": ("quarter", "quarters"), "Y": ("year", "years")}
#: The longest span (in days) charted by day, by week, by month and by quarter; longer spans are charted by year.
PERIOD_SPANS: tuple[tuple[float, str], ...] = ((62, "D"), (183, "W"), (4 * 365.25, "M"), (20 * 365.25, "Q"))
#: A period (or group and period) with fewer documents than this is thin: shaded in the charts, left out of the reading.
THIN_PERIOD = 3
#: Corpus columns that hold no groups: the text, the ids, and where a unit lies in its document.
_NOT_GROUPS = frozenset({"doc_id", "text", "parent_id", "para_index", "sent_index", "start", "end"})


def _wall_clock(column: pd.Series | pd.Index) -> pd.DatetimeIndex:
    """Dates (datetime or categorical of datetimes) as naive wall-clock times in their own zone, as trends use them."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        values = pd.DatetimeIndex(column.cat.categories).take(np.asarray(column.cat.codes))
    else:
        values = pd.DatetimeIndex(column)
    return values.tz_localize(None) if values.tz is not None else values


def trend_period(dates: pd.Series | pd.Index) -> str:
    """The period the report charts trends by, from the span of the dates: ``"D"``, ``"W"``, ``"M"``, ``"Q"`` or ``"Y"``.

    Days for a span under 62 days (about 2 months), weeks under 183 days
    (about 6 months), months under 4 years, quarters under 20 years, else
    years: from a few dozen to about 80 periods, each holding enough
    documents to compare.

    Examples
    --------
    >>> [trend_period(pd.to_datetime(["2024-01-01", end])) for end in ("2024-01-20", "2024-04-01", "2025-06-30", "2031-01-01")]
    ['D', 'W', 'M', 'Q']
    """
    values = _wall_clock(pd.Series(dates).dropna() if not isinstance(dates, pd.Index) else dates.dropna())
    if not len(values):
        raise ValueError("no dates to chart")
    days = (values.max() - values.min()) / pd.Timedelta(days=1)
    return next((code for limit, code in PERIOD_SPANS if days < limit), "Y")


def describe_trends(trends: pd.DataFrame, *, freq: str, min_documents: int = THIN_PERIOD) -> str:
    """The report's reading of a :func:`telaah.theme_trends` table (without groups): coverage, thin periods, the peak.

    Examples
    --------
    >>> trends = pd.DataFrame({"period": pd.period_range("2024-01", periods=3, freq="M").repeat(2),
    ...                        "theme": ["energi", "wilayah"] * 3, "matches": [4, 0, 1, 0, 0, 2],
    ...                        "tokens": [1000, 1000, 500, 500, 400, 400], "per_1000": [4.0, 0.0, 2.0, 0.0, 0.0, 5.0],
    ...                        "documents": [5, 5, 1, 1, 3, 3]})
    >>> print(describe_trends(trends, freq="M"))  # doctest: +NORMALIZE_WHITESPACE
    9 documents over 3 months (Jan 2024 to Mar 2024): a median of 3 documents a month (from 1 to 5).
    1 month with fewer than 3 documents is shaded: a rate over so few texts says little.
    The highest rate in a month with 3 documents or more: *wilayah*, 5.00 matches per 1,000 words in Mar 2024.
    """
    from telaah.plots.trends import period_label

    one, many = PERIODS.get(freq, ("period", "periods"))
    per = trends.groupby("period", sort=True)["documents"].first()
    total = int(per.sum())
    labels = [period_label(p) for p in per.index]
    if len(per) == 1:
        return f"All {total:,} documents fall in one {one} ({labels[0]}): there is no change over time to see."
    text = (
        f"{total:,} documents over {len(per)} {many} ({labels[0]} to {labels[-1]}): a median of {per.median():g} documents "
        f"a {one} (from {int(per.min()):,} to {int(per.max()):,})."
    )
    thin = int((per < min_documents).sum())
    if thin:
        text += (
            f"\n{thin} {one if thin == 1 else many} with fewer than {min_documents} documents "
            f"{'is' if thin == 1 else 'are'} shaded: a rate over so few texts says little."
        )
    else:
        text += f"\nEvery {one} has {min_documents} documents or more."
    covered = trends[(trends["documents"] >= min_documents) & (trends["per_1000"] > 0)]
    if len(covered):
        peak = covered.loc[covered["per_1000"].idxmax()]
        text += (
            f"\nThe highest rate in a {one} with {min_documents} documents or more: *{peak['theme']}*, "
            f"{peak['per_1000']:.2f} matches per 1,000 words in {period_label(peak['period'])}."
        )
    return text


def check_groupby(corpus: pd.DataFrame, groupby: object) -> str | None:
    """Check the ``groupby`` option against the corpus as read: a metadata column with two values or more.

    Returns ``groupby`` (None when it is None).  The text, the ids, the
    positions and the dates (charted over time already) are not groups.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Satu.", "Dua."], "source": ["kompas", "tempo"]})
    >>> check_groupby(corpus, "source")
    'source'
    >>> check_groupby(corpus, "sumber")
    Traceback (most recent call last):
    ...
    ValueError: groupby='sumber': no such column in the corpus; group by one of 'source'
    """
    if groupby is None:
        return None
    name = option("groupby", groupby)
    dated = "date" in corpus.columns and pd.api.types.is_datetime64_any_dtype(corpus["date"])
    usable = [str(c) for c in corpus.columns if c not in _NOT_GROUPS and not (c == "date" and dated)]
    choose = f"group by one of {', '.join(map(repr, usable))}" if usable else "the corpus has no metadata column to group by"
    if not isinstance(groupby, str) or not groupby:
        raise ValueError(f"{name}: give the name of one column of the corpus; {choose}")
    if groupby not in corpus.columns:
        raise ValueError(f"{name}: no such column in the corpus; {choose}")
    if groupby == "date" and dated:
        raise ValueError(f"{name}: the dates are charted over time already (the report's 'Over time'); {choose}")
    if groupby not in usable:
        raise ValueError(f"{name}: the corpus's {groupby!r} column holds its text, ids or positions, not groups; {choose}")
    sizes = group_sizes(corpus, groupby)
    if len(sizes) < 2:
        raise ValueError(f"{name}: every document has the same {groupby} ({sizes.index[0]!r}); grouping needs two values or more")
    return groupby


def group_sizes(corpus: pd.DataFrame, groupby: str) -> pd.Series:
    """Documents per value of ``groupby``, largest first (ties in order of the values); a missing value is a group too.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": list("abc"), "text": ["x"] * 3, "source": ["tempo", "kompas", "tempo"]})
    >>> group_sizes(corpus, "source").to_dict()
    {'tempo': 2, 'kompas': 1}
    """
    docs = corpus.drop_duplicates("parent_id") if "parent_id" in corpus.columns else corpus
    counts = docs[groupby].value_counts(dropna=False, sort=False)
    order = sorted(range(len(counts)), key=lambda i: (-int(counts.iloc[i]), str(counts.index[i])))
    return counts.iloc[order].rename("documents")


def save_figure(fig: Any, name: str, out: str | Path, *, show: bool = True) -> list[Path]:
    """Save a chart as ``out/figures/NAME.png`` and ``NAME.svg``, then show the PNG and close the figure.

    Parameters
    ----------
    fig : matplotlib Figure, Axes or array of Axes
        The chart (what Telaah's ``plot_*`` functions return).
    name : str
        The file name, without extension.
    out : str or Path
        The report folder.
    show : bool
        Display the saved PNG in the notebook (when IPython runs) and close
        the figure, so the chart is drawn once, not once more by the inline
        backend.  The SVG carries no date and fixed element ids, so the same
        chart gives the same file.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in save_figure(fig, "kosong", tmp)]
    ['kosong.png', 'kosong.svg']
    """
    import matplotlib
    import matplotlib.pyplot as plt

    if hasattr(fig, "flat"):  # an array of Axes (a grid of panels)
        fig = next(iter(fig.flat))
    fig = getattr(fig, "figure", fig)
    folder = Path(out) / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    png, svg = folder / f"{name}.png", folder / f"{name}.svg"
    fig.savefig(png, dpi=120, bbox_inches="tight", metadata={"Software": None})
    with matplotlib.rc_context({"svg.hashsalt": "telaah"}):
        fig.savefig(svg, bbox_inches="tight", metadata={"Date": None, "Creator": None})
    if show:
        plt.close(fig)
        _display_png(png)
    return [png, svg]


def _display_png(path: Path) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import Image, display
    except ImportError:
        return
    if get_ipython() is not None:
        display(Image(filename=str(path)))


def save_table(table: pd.DataFrame, name: str, out: str | Path) -> Path:
    """Write a table as ``out/tables/NAME.csv`` (UTF-8, no index, floats to 10 significant digits).

    A Dask DataFrame (``telaah report --engine dask``) is written partition
    after partition into the one file, never whole in memory.

    Examples
    --------
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     save_table(pd.DataFrame({"term": ["tahan"], "share": [1 / 3]}), "freq", tmp).read_text()
    'term,share\\ntahan,0.3333333333\\n'
    """
    folder = Path(out) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    options = {"index": False, "float_format": _FLOAT_FORMAT, "lineterminator": "\n", "encoding": "utf-8"}
    if isinstance(table, pd.DataFrame):
        table.to_csv(path, **options)
    else:  # a Dask DataFrame
        table.to_csv(str(path), single_file=True, **options)
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _corpus_files(corpus: pd.DataFrame) -> dict[str, Path]:
    """The files :func:`telaah.read_corpus` read for ``corpus``, by their path relative to the source."""
    source = corpus.attrs.get("source")
    if not isinstance(source, str) or source == "DataFrame":
        raise ValueError("the corpus was not read from a file or folder (its attrs['source'] names none)")
    root = Path(source)
    if "files" in corpus.attrs:  # read on Dask: every file it read, by name
        paths = [Path(name) for name in corpus.attrs["files"]]
    else:
        paths = [Path(name) for name in corpus.attrs.get("encodings", {})]
        if not root.is_dir() and root not in paths:  # a Parquet file is read without decoding
            paths.append(root)
    files = {}
    for path in paths:
        if root.is_dir():
            try:
                name = path.relative_to(root).as_posix()
            except ValueError:
                name = Path(os.path.relpath(path, root)).as_posix()
        else:
            name = path.name
        files[name] = path
    return dict(sorted(files.items()))


def corpus_hashes(corpus: pd.DataFrame) -> dict[str, str]:
    """SHA-256 of exactly the files :func:`telaah.read_corpus` read for ``corpus``, by path relative to the source.

    The files are those in ``corpus.attrs["encodings"]`` (plus a Parquet
    source, which is not decoded): a folder's other files, hidden files it
    skipped and anything in its subfolders that was not read (a report folder
    inside the corpus folder, say) are not part of the corpus.

    Examples
    --------
    >>> from telaah.corpus import read_corpus, sample_corpus_path
    >>> list(corpus_hashes(read_corpus(sample_corpus_path())))
    ['jepang-rusia.txt']
    """
    return {name: _sha256(path) for name, path in _corpus_files(corpus).items()}


def library_versions() -> dict[str, str]:
    """Versions of Python and of the libraries a report depends on.

    Examples
    --------
    >>> sorted(library_versions())[:3]
    ['matplotlib', 'nltk', 'numpy']
    """
    versions = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


# The report folder: what an earlier report owns, and moving a new one in ------------------------------------------


def _names(items: list[str], *, limit: int = 5) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _is_relative_file(name: object) -> bool:
    """A path a manifest may list: relative, in POSIX form, without ``..`` (so it stays inside the report folder).

    Examples
    --------
    >>> [_is_relative_file(n) for n in ("tables/freq.csv", "../x", "/etc/passwd", "a//b", "a\\\\b", 3)]
    [True, False, False, False, False, False]
    """
    if not isinstance(name, str) or not name or "\\" in name or "\x00" in name:
        return False
    parts = name.split("/")
    return all(part not in ("", ".", "..") for part in parts) and not PurePosixPath(name).is_absolute()


def _listed_files(manifest: object) -> dict[str, str | None]:
    """The files a Telaah manifest says its report wrote (path -> SHA-256, None where it gives none), itself included.

    Raises ValueError (without the folder's name) when the manifest is not
    Telaah's, is of a newer format, or lists a path outside the folder.
    """
    new_folder = "choose a new or empty folder"
    foreign = f'its {_MANIFEST} was not written by Telaah (it lacks "generator": "{GENERATOR}"); {new_folder}'
    if not isinstance(manifest, dict):
        raise ValueError(foreign)
    files: dict[str, str | None]
    if manifest.get("generator") == GENERATOR:
        version = manifest.get("format")
        if isinstance(version, int) and not isinstance(version, bool) and version > MANIFEST_FORMAT:
            raise ValueError(f"it holds a report of a newer Telaah (manifest format {version}): rerun with that version, or {new_folder}")
        listed = manifest.get("files")
        if version != MANIFEST_FORMAT or not isinstance(listed, dict):
            raise ValueError(f"its {_MANIFEST} is not a Telaah manifest of format {MANIFEST_FORMAT} (no \"files\" table); {new_folder}")
        if not all(isinstance(d, str) and _HEX64.fullmatch(d) for d in listed.values()):
            raise ValueError(f"its {_MANIFEST} lists files without a SHA-256; {new_folder}")
        files = dict(listed)
    elif manifest.get("telaah_report") == 1:
        # Format 1 listed the notebook, the page, the tables (hashed) and the figures (by name): replace just those.
        outputs = manifest.get("outputs") if isinstance(manifest.get("outputs"), dict) else {}
        tables, figures = outputs.get("tables", {}), outputs.get("figures", [])
        if not isinstance(tables, dict) or not isinstance(figures, list):
            raise ValueError(f"its {_MANIFEST} (format 1) does not list its tables and figures; {new_folder}")
        files = {"report.ipynb": None, "report.html": None}
        files.update({f"tables/{name}": digest if isinstance(digest, str) else None for name, digest in tables.items()})
        files.update({f"figures/{name}": None for name in figures})
    else:
        raise ValueError(foreign)
    bad = sorted(str(name) for name in files if not _is_relative_file(name))
    if bad:
        raise ValueError(f"its {_MANIFEST} lists paths outside the folder ({_names(bad)}); {new_folder}")
    files[_MANIFEST] = None
    return files


def earlier_report(out: str | os.PathLike[str]) -> dict[str, str | None]:
    """The files of the earlier Telaah report in ``out`` that a new report replaces: path -> SHA-256 (or None).

    Parameters
    ----------
    out : str or path
        The report folder (resolved).

    Returns
    -------
    dict
        The files its ``manifest.json`` lists that are still there (the
        manifest itself included), by path relative to ``out``; empty for a
        folder that does not exist or is empty.

    Raises
    ------
    ValueError
        When ``out`` is a file; a folder with files but no ``manifest.json``;
        a ``manifest.json`` that Telaah did not write, of a newer format, or
        listing paths outside the folder; or a listed file that was changed
        since the report wrote it (its SHA-256 differs, or it became a
        folder or a link).

    Examples
    --------
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "manifest.json").write_text('{"generator": "jupyter-book"}')
    ...     earlier_report(tmp)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: out=...: its manifest.json was not written by Telaah (it lacks "generator": "telaah report"); choose a new or empty folder
    """
    out = Path(out).resolve()
    name = option("out", str(out))
    if not os.path.lexists(out):
        return {}
    if not out.is_dir():
        raise ValueError(f"{name}: is a file, not a folder")
    if not any(out.iterdir()):
        return {}
    manifest_path = out / _MANIFEST
    if not manifest_path.is_file() or manifest_path.is_symlink():
        raise ValueError(f"{name}: the folder is not empty and holds no earlier report (no {_MANIFEST}); choose a new or empty folder")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        manifest = None
    try:
        listed = _listed_files(manifest)
    except ValueError as error:
        raise ValueError(f"{name}: {error}") from None
    present: dict[str, str | None] = {}
    changed: list[str] = []
    for rel, digest in listed.items():
        path = out / rel
        if not os.path.lexists(path):
            continue  # deleted since: nothing to replace
        if path.is_symlink() or not path.is_file() or path.parent.resolve() != path.parent or (digest and _sha256(path) != digest):
            changed.append(rel)
        else:
            present[rel] = digest
    if changed:
        raise ValueError(
            f"{name}: {_names(changed)} changed since Telaah wrote the report there; "
            f"move {'it' if len(changed) == 1 else 'them'} out of the folder (or delete {'it' if len(changed) == 1 else 'them'}) and run again"
        )
    return present


def _files_under(folder: Path) -> list[str]:
    """Every file below ``folder`` (links not followed), by relative POSIX path, ``manifest.json`` last."""
    found = []
    for parent, _, files in os.walk(folder):
        for file in files:
            found.append((Path(parent) / file).relative_to(folder).as_posix())
    return sorted(found, key=lambda rel: (rel == _MANIFEST, rel))


def report_files(folder: str | os.PathLike[str]) -> dict[str, str]:
    """SHA-256 of every file of a report folder but its ``manifest.json``, by relative path: what the manifest lists.

    Examples
    --------
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = save_table(pd.DataFrame({"a": [1]}), "t", tmp)
    ...     _ = (Path(tmp) / "manifest.json").write_text("{}")
    ...     {name: len(digest) for name, digest in report_files(tmp).items()}
    {'tables/t.csv': 64}
    """
    folder = Path(folder)
    return {rel: _sha256(folder / rel) for rel in _files_under(folder) if rel != _MANIFEST}


def _clashes(out: Path, new: list[str], previous: Mapping[str, str | None]) -> list[str]:
    """The paths where the new report would overwrite, or write through, something the earlier report did not write."""
    clashes = set()
    for rel in new:
        if rel in previous:
            continue
        target = out / rel
        if os.path.lexists(target):
            clashes.add(rel)
        for parent in PurePosixPath(rel).parents:
            if str(parent) == ".":
                break
            folder = out / parent
            if os.path.lexists(folder) and (folder.is_symlink() or not folder.is_dir()):
                clashes.add(parent.as_posix())
    return sorted(clashes)


def _beside(out: Path, kind: str) -> Path:
    """Make a new hidden folder ``.NAME.KIND-XXXXXXXX`` beside ``out`` (the umask applies, unlike :func:`tempfile.mkdtemp`)."""
    while True:
        path = out.parent / f".{out.name}.{kind}-{secrets.token_hex(4)}"
        try:
            path.mkdir()
        except FileExistsError:
            continue
        return path


def _remove_empty(folders: Iterable[Path]) -> None:
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()


def install_report(staging: str | os.PathLike[str], out: str | os.PathLike[str]) -> Path:
    """Move a finished report from ``staging`` into ``out``, replacing only the files of the earlier report there.

    ``out`` is checked again (:func:`earlier_report`): a file of the user's
    where the new report wants to write is refused.  When ``out`` does not
    exist, ``staging`` is renamed to it; otherwise the earlier report's files
    are moved into a hidden folder beside ``out``, the new files moved in
    (``manifest.json`` last) and the hidden folder removed.  Every move is a
    rename on one filesystem; if one fails (or the run is interrupted), the
    moves are undone and ``out`` is as it was.

    Parameters
    ----------
    staging : str or path
        The finished report, in a folder beside ``out``.
    out : str or path
        The report folder (resolved).

    Returns
    -------
    Path
        ``out``.

    Raises
    ------
    ValueError
        When ``out`` is not a new folder, an empty one or an earlier report
        (see :func:`earlier_report`), a new file would overwrite one of the
        user's, or a file cannot be moved; ``out`` is then as it was.
    """
    staging, out = Path(staging), Path(out).resolve()
    previous = earlier_report(out)
    new = _files_under(staging)
    if not os.path.lexists(out):
        try:
            staging.rename(out)
            return out
        except OSError:  # made in the meantime: merge below
            previous = earlier_report(out)
    clashes = _clashes(out, new, previous)
    if clashes:
        raise ValueError(
            f"{option('out', str(out))}: the new report would overwrite {_names(clashes)}, which the earlier report "
            "did not write; move them out of the folder and run again (the folder was left as it was)"
        )
    backup = _beside(out, _BACKUP)
    moved_old: list[str] = []
    moved_new: list[str] = []
    made: list[Path] = []
    old = sorted(previous, key=lambda rel: (rel == _MANIFEST, rel))
    try:
        for rel in old:
            (backup / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(out / rel, backup / rel)
            moved_old.append(rel)
        for rel in new:
            for parent in reversed((out / rel).relative_to(out).parents):
                folder = out / parent
                if str(parent) != "." and not folder.is_dir():
                    folder.mkdir()
                    made.append(folder)
            os.replace(staging / rel, out / rel)
            moved_new.append(rel)
    except BaseException as error:
        for rel in reversed(moved_new):
            os.replace(out / rel, staging / rel)
        _remove_empty(reversed(made))
        for rel in reversed(moved_old):
            os.replace(backup / rel, out / rel)
        shutil.rmtree(backup, ignore_errors=True)
        if isinstance(error, OSError):
            raise ValueError(
                f"{option('out', str(out))}: cannot move the report into place ({error.strerror or error}); "
                "the folder was left as it was"
            ) from None
        raise
    shutil.rmtree(backup, ignore_errors=True)
    return out


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Within this block (in the main thread), SIGTERM raises KeyboardInterrupt, so the report can clean up."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(f"terminated (signal {signum})")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


# Checking the inputs -------------------------------------------------------------------------------------------------


def _check_out(out: str | os.PathLike[str]) -> Path:
    """The report folder, resolved; refused when it is a file, the root, or under a file."""
    if not isinstance(out, (str, os.PathLike)) or not str(out).strip():
        raise ValueError(f"{option('out', out)}: give the path of a folder for the report")
    path = Path(out).expanduser().resolve()
    name = option("out", str(path))
    if path.parent == path:
        raise ValueError(f"{name}: give a folder below the root for the report")
    if os.path.lexists(path) and not path.is_dir():
        raise ValueError(f"{name}: is a file, not a folder")
    ancestor = path.parent
    while not os.path.lexists(ancestor):
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise ValueError(f"{name}: cannot write there ({ancestor} is a file, not a folder)")
    return path


def _locations(path: Path) -> set[Path]:
    """Where a path is, with and without following links (the link itself, and what it points to)."""
    absolute = Path(os.path.abspath(path))
    return {absolute, absolute.parent.resolve() / absolute.name, path.resolve()}


def _inside(path: Path, folder: Path) -> bool:
    return any(p == folder or folder in p.parents for p in _locations(path))


def _check_corpus_outside(given: Path, out: Path, files: Iterable[Path] = ()) -> None:
    """Refuse a corpus (the source, or any file read from it) inside the report folder."""
    where = f"the report folder ({option('out', str(out))})"
    if _inside(given, out):
        raise ValueError(f"{given}: the corpus is inside {where}; choose a report folder outside the corpus")
    inside = sorted(str(f) for f in files if _inside(f, out))
    if inside:
        raise ValueError(f"{given}: the corpus reads {_names(inside)}, inside {where}; choose a report folder outside the corpus")


def _check_read_options(
    *, encoding: object, sep: object, recursive: object, on_error: object, date_column: object = None, date_format: object = None
) -> None:
    if encoding is not None:
        try:
            codecs.lookup(encoding)  # type: ignore[arg-type]
        except (LookupError, TypeError):
            raise ValueError(f"{option('encoding', encoding)}: not an encoding Python knows (e.g. 'utf-8', 'cp1252')") from None
    if sep is not None and (not isinstance(sep, str) or not sep):
        raise ValueError(f"{option('sep', sep)}: give the separator of the table's columns, e.g. ';'")
    if not isinstance(recursive, bool):
        raise ValueError(f"{option('recursive', recursive)}: give True or False")
    if on_error not in ("raise", "skip"):
        raise ValueError(f"{option('on_error', on_error)}: choose 'raise' or 'skip'")
    for name, value in (("date_column", date_column), ("date_format", date_format)):
        if value is not None and (not isinstance(value, str) or not value):
            raise ValueError(f"{option(name, value)}: give a column name" if name == "date_column" else f"{option(name, value)}: give strptime codes, e.g. '%d/%m/%Y'")


def _check_themes(themes: str | os.PathLike[str] | None) -> Path | None:
    if themes is None:
        return None
    from telaah.themes import load_lexicon

    path = Path(themes).expanduser().resolve()
    try:
        load_lexicon(path)
    except FileNotFoundError:
        raise ValueError(f"{option('themes', str(themes))}: no such lexicon file") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ValueError(f"{option('themes', str(themes))}: not a usable theme lexicon: {error}") from None
    return path


def _check_content(found: tuple[str | None, Counter[str]], *, given: Path) -> None:
    """Refuse a corpus without a content word (``found`` is what :func:`content_words` says): there would be nothing to count."""
    word, seen = found
    if word is None:
        counts = ", ".join(f"{n:,} {_NOT_CONTENT.get(kind, (kind, kind))[n != 1]}" for kind, n in seen.most_common())
        raise ValueError(
            f"{given}: no content words: every token is a stopword, number, punctuation or symbol ({counts}); "
            "a report needs words to count"
        )


def _check_topic_size(corpus: pd.DataFrame, k: int | str | None, *, engine: str = "pandas") -> None:
    """Refuse more topics than units, or ``topics="auto"`` with too few units to choose from.

    On Dask the units are the documents (``corpus`` is their metadata).
    """
    if k is None:
        return
    n = len(corpus) if engine == "dask" else count_topic_units(corpus)
    what = ("document" if engine == "dask" or topic_unit(corpus) == "document" else "paragraph") + ("" if n == 1 else "s")
    if k == "auto" and not auto_ks(n):
        raise ValueError(
            f"{option('topics', 'auto')}: the corpus has only {n} {what} to model, and choosing a number of topics "
            f"needs at least 3; pass {option('topics', 'none')} to leave topics out"
        )
    if isinstance(k, int) and k > n:
        fewer = f"pass {option('topics', n)} or fewer" if n >= 2 else "a topic model needs at least 2"
        raise ValueError(
            f"{option('topics', k)}: the corpus has only {n} {what} to model, so at most {n} topics; "
            f"{fewer}, or {option('topics', 'none')} to leave topics out"
        )


def _validate(
    source: str | os.PathLike[str],
    *,
    out: Path,
    text_column: str,
    id_column: str | None,
    unit: str,
    themes: str | os.PathLike[str] | None,
    topics: object,
    random_state: object,
    read: Mapping[str, Any],
    groupby: object = None,
    engine: str = "pandas",
    scheduler: str | None = None,
) -> tuple[pd.DataFrame, Path, Path | None, int | str | None]:
    """Check every input cheaply, before any kernel starts; returns the corpus and the resolved options.

    On Dask the corpus returned is its documents' metadata (no text), with
    the ``attrs`` of :func:`telaah.read_corpus` (``source``, ``encodings``,
    ``skipped``): every file is read once, on the Dask scheduler, to check it.
    """
    from telaah.corpus import read_corpus

    if engine not in ("pandas", "dask"):
        raise ValueError(f"{option('engine', engine)}: choose 'pandas' (in memory) or 'dask'")
    if scheduler is not None and engine != "dask":
        raise ValueError(f"{option('scheduler', scheduler)}: only with {option('engine', 'dask')}")
    if scheduler is not None and (not isinstance(scheduler, str) or not scheduler):
        raise ValueError(f"{option('scheduler', scheduler)}: give the address of a Dask scheduler, e.g. 'tcp://host:8786'")
    if unit not in ("document", "paragraph"):
        raise ValueError(f"{option('unit', unit)}: choose 'document' or 'paragraph'")
    if engine == "dask" and unit != "document":
        raise ValueError(
            f"{option('unit', unit)}: on Dask the corpus is read by document (the token table's para_id keeps the paragraphs); "
            f"pass {option('unit', 'document')}"
        )
    if isinstance(random_state, bool) or not isinstance(random_state, int) or random_state < 0:
        raise ValueError(f"{option('random_state', random_state)}: give a whole number of 0 or more")
    k = check_topics(topics)
    _check_read_options(**read)
    if not isinstance(source, (str, os.PathLike)):
        raise ValueError(f"source must be a path to a corpus file or folder, not {type(source).__name__}")
    given = Path(source).expanduser()
    _check_corpus_outside(given, out)
    if engine == "dask":
        corpus, files, found = _read_on_dask(given, text_column=text_column, id_column=id_column, read=read, scheduler=scheduler)
    else:
        corpus = read_corpus(given, unit=unit, text_column=text_column, id_column=id_column, **read)  # names the path as given
        files, found = list(_corpus_files(corpus).values()), content_words(corpus["text"])
    _check_corpus_outside(given, out, files)
    _check_content(found, given=given)
    _check_topic_size(corpus, k, engine=engine)
    check_groupby(corpus, groupby)
    lexicon = _check_themes(themes)
    earlier_report(out)
    return corpus, given.resolve(), lexicon, k  # resolved: the kernel runs in another folder


def _read_on_dask(
    given: Path, *, text_column: str, id_column: str | None, read: Mapping[str, Any], scheduler: str | None
) -> tuple[pd.DataFrame, list[Path], tuple[str | None, Counter[str]]]:
    """Read the corpus once on Dask to check it: its documents' metadata, the files read, and its first content word."""
    from telaah import dask as td
    from telaah.errors import CorpusError

    if not given.exists():  # a report reads a file or a folder, as in memory (no glob)
        raise CorpusError(f"{given}: no such file or folder")
    with td.scheduler(scheduler):
        _, metadata, files, found = td._read(given, text_column=text_column, id_column=id_column, blocksize=td.BLOCKSIZE, **read)
    metadata.attrs = {
        "source": str(given), "unit": "document", "encodings": found["encodings"], "skipped": found["skipped"], "files": [str(f) for f in files],
    }
    return metadata, files, found["content"]


# Running -------------------------------------------------------------------------------------------------------------


def _make_parents(out: Path) -> list[Path]:
    """Create the missing folders above ``out``; returns them, innermost first (to remove them if the run fails)."""
    missing = []
    folder = out.parent
    while not os.path.lexists(folder):
        missing.append(folder)
        folder = folder.parent
    made: list[Path] = []
    try:
        for folder in reversed(missing):
            folder.mkdir()
            made.insert(0, folder)
    except OSError as error:
        _remove_empty(made)
        raise ValueError(f"{option('out', str(out))}: cannot write there ({error.strerror or error})") from None
    return made


def _make_staging(out: Path) -> tuple[Path, list[Path]]:
    """Create the hidden folder the report is built in, beside ``out``; returns it and the parent folders made for it."""
    made = _make_parents(out)
    try:
        staging = _beside(out, _STAGING)
        if out.is_dir():
            with tempfile.TemporaryFile(dir=out):
                pass
            if os.stat(staging).st_dev != os.stat(out).st_dev:
                shutil.rmtree(staging)
                raise ValueError(
                    f"{option('out', str(out))}: is on another filesystem than the folder above it (a mount point?); "
                    "give a folder inside it"
                )
    except OSError as error:
        _remove_empty(made)
        raise ValueError(f"{option('out', str(out))}: cannot write there ({error.strerror or error})") from None
    except ValueError:
        _remove_empty(made)
        raise
    return staging, made


def _failure(error: Exception, out: Path) -> ReportError:
    name = getattr(error, "ename", type(error).__name__)
    value = getattr(error, "evalue", str(error))
    cell = getattr(error, "exec_count", None)
    where = f" in cell {cell}" if cell is not None else ""
    return ReportError(f"the report notebook failed{where}: {name}: {value} ({out} was left as it was)")


def _run_notebook(parameters: Mapping[str, Any], *, staging: Path, out: Path, progress: bool, timeout: int) -> Any:
    """Run the report notebook in ``staging`` and save it there as ``report.ipynb``, naming its final place."""
    import nbformat
    import papermill

    try:
        nb = papermill.execute_notebook(
            str(report_notebook_path()),
            None,  # saved below, once it has succeeded
            parameters=dict(parameters),
            kernel_name="python3",
            cwd=str(staging),
            progress_bar=progress,
            log_output=False,
            execution_timeout=timeout,
        )
    except Exception as error:  # papermill's PapermillExecutionError, a dead kernel, a timeout
        raise _failure(error, out) from error
    node = nbformat.from_dict(nb)
    node.metadata.setdefault("papermill", {})["output_path"] = str(out / "report.ipynb")
    nbformat.write(node, staging / "report.ipynb")
    return node


def make_report(
    source: str | os.PathLike[str],
    *,
    out: str | os.PathLike[str],
    text_column: str = "text",
    id_column: str | None = None,
    unit: Literal["paragraph", "document"] | None = None,
    encoding: str | None = None,
    sep: str | None = None,
    recursive: bool = False,
    on_error: Literal["raise", "skip"] = "raise",
    date_column: str | None = None,
    date_format: str | None = None,
    groupby: str | None = None,
    themes: str | os.PathLike[str] | None = None,
    topics: TopicsArg | str = "auto",
    random_state: int = 0,
    hide_code: bool = True,
    progress: bool | None = None,
    timeout: int = 1800,
    engine: Literal["pandas", "dask"] = "pandas",
    scheduler: str | None = None,
) -> Path:
    """Run the report notebook on a corpus and write the report into ``out``; returns ``out``.

    Parameters
    ----------
    source : str or path
        Any file or folder :func:`telaah.read_corpus` accepts (``.txt``, a
        folder of ``.txt``, ``.csv``, ``.tsv``, ``.jsonl``, ``.parquet``),
        outside ``out``.
    out : str or path
        The report folder: new (missing parent folders are created), empty,
        or an earlier Telaah report, whose files (those its ``manifest.json``
        lists) are replaced; other files there are left alone.
    text_column, id_column : str
        For tables, as for :func:`telaah.read_corpus`.
    unit : {"paragraph", "document"}, optional
        How the corpus is read: one row per paragraph (the default in
        memory) or per document (the only way on Dask, and its default).
    encoding, sep, recursive, on_error, date_column, date_format
        As for :func:`telaah.read_corpus`; the notebook reads the corpus with
        the same options as the checks before it.  With dates (a ``date``
        column, from ``date_column``) the report charts the themes over time
        (section *Over time*, tables ``theme_trends``), by day, week, month,
        quarter or year as the span of the dates asks (see :func:`trend_period`).
    groupby : str, optional
        A metadata column of the corpus (``"source"``, ``"category"``; at
        least two values; ``--groupby`` on the command line): the report
        adds a section *By group*, with the themes per group
        (``group_theme_scores``), the most frequent stems per group
        (``group_frequencies``), the key terms of the largest group against
        the others (``group_keyness``) and, with dates, the themes over time
        per group (``group_theme_trends``).
    themes : str or path, optional
        A theme lexicon file (see :func:`telaah.load_lexicon`); the bundled one by default.
    topics : int, "auto" or None
        The number of topics (at most the number of units); ``"auto"`` picks
        it with :func:`telaah.topics.choose_k` (see :func:`auto_ks`; needs 3
        units or more); None (or ``"none"``) leaves topics out.
    random_state : int
        The seed of every random step (``--seed`` on the command line): the
        same inputs and ``random_state`` give the same tables.
    hide_code : bool
        Hide code cells in the HTML page.
    progress : bool, optional
        Show a progress bar over the notebook's cells; by default when the
        terminal is interactive.
    timeout : int
        Seconds one cell may take.
    engine : {"pandas", "dask"}
        ``"pandas"``: the corpus and its token table in memory.  ``"dask"``
        (``--engine dask``, for corpora beyond memory): the corpus is read,
        and its token table built and written to Parquet in a hidden folder
        beside ``out`` (removed at the end), partition by partition with
        :mod:`telaah.dask`; every table is a map-reduce over the partitions,
        equal to the in-memory one, and the charts are drawn from those
        tables.  Topics are fitted on a random sample of 2,000 documents
        (``random_state``) and applied to every document.  The corpus is one
        file or a folder, read by document.
    scheduler : str, optional
        With ``engine="dask"``: the address of a Dask scheduler
        (``"tcp://host:8786"``) to run on; its workers must see the corpus
        and the folder beside ``out``.  By default Dask's ``"processes"``
        scheduler on this machine.

    Returns
    -------
    Path
        The report folder.

    Raises
    ------
    CorpusError
        When the corpus cannot be read (checked before anything runs).
    ValueError
        For a bad option or lexicon file; a corpus inside ``out``, without a
        content word, too small for ``topics`` or without the ``groupby`` column; an output folder that is
        not new, empty or an earlier report, or cannot be written (all
        checked before anything runs); or a report that cannot be moved into
        place.
    ReportError
        When the notebook fails while running.
    KeyboardInterrupt
        When interrupted (Ctrl-C, or SIGTERM in the main thread) while it runs.

    In every failure ``out`` is left as it was, and nothing is left beside it.

    Examples
    --------
    >>> make_report("tidak-ada.txt", out="laporan")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    telaah.errors.CorpusError: tidak-ada.txt: no such file or folder ...
    """
    out = _check_out(out)
    unit = unit if unit is not None else ("document" if engine == "dask" else "paragraph")
    read = {"encoding": encoding, "sep": sep, "recursive": recursive, "on_error": on_error, "date_column": date_column, "date_format": date_format}
    corpus, path, lexicon, k = _validate(
        source, out=out, text_column=text_column, id_column=id_column, unit=unit, themes=themes, topics=topics, random_state=random_state,
        read=read, groupby=groupby, engine=engine, scheduler=scheduler,
    )
    import papermill  # noqa: F401  (fail here, not after the run, if papermill or nbconvert is broken)
    from nbconvert import HTMLExporter  # noqa: F401

    from telaah.notebooks import export_html

    parameters: dict[str, Any] = {
        "SOURCE": str(path),
        "TEXT_COLUMN": text_column,
        "ID_COLUMN": id_column,
        "UNIT": unit,
        "ENCODING": encoding,
        "SEP": sep,
        "RECURSIVE": recursive,
        "ON_ERROR": on_error,
        "DATE_COLUMN": date_column,
        "DATE_FORMAT": date_format,
        "GROUPBY": groupby,
        "THEMES": None if lexicon is None else str(lexicon),
        "TOPICS": k,
        "RANDOM_STATE": random_state,
        "ENGINE": engine,
        "SCHEDULER": scheduler,
        "OUT": ".",  # the kernel's working directory: the folder the report is built in
    }
    show = sys.stderr.isatty() if progress is None else progress
    with _sigterm_as_interrupt():
        staging, made = _make_staging(out)
        installed = False
        scratch = None
        try:
            started, clock = datetime.now(UTC), time.perf_counter()
            if engine == "dask":  # the Dask token table and mentions: written beside the report, not part of it
                scratch = _beside(out, _SCRATCH)
            run = parameters if scratch is None else {**parameters, "SCRATCH": str(scratch)}
            node = _run_notebook(run, staging=staging, out=out, progress=show, timeout=timeout)
            html = export_html(node, staging / "report.html", hide_code=hide_code)
            manifest = _manifest(
                corpus, path=path, out=out, parameters=parameters, hide_code=hide_code, staging=staging,
                html=html, started=started, seconds=time.perf_counter() - clock,
            )
            (staging / _MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            install_report(staging, out)
            installed = True
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)
            if not installed:
                _remove_empty(made)
    return out


def _manifest(
    corpus: pd.DataFrame,
    *,
    path: Path,
    out: Path,
    parameters: Mapping[str, Any],
    hide_code: bool,
    staging: Path,
    html: Path,
    started: datetime,
    seconds: float,
) -> dict[str, Any]:
    """What ``manifest.json`` says: who wrote it, the inputs, the versions, and every file of the report."""
    files = report_files(staging)
    read = _corpus_files(corpus)
    encodings = corpus.attrs.get("encodings", {})
    return {
        "generator": GENERATOR,
        "format": MANIFEST_FORMAT,
        "out": str(out),
        "parameters": {**parameters, "OUT": str(out), "HIDE_CODE": hide_code},
        "random_state": parameters["RANDOM_STATE"],
        "corpus": {
            "source": str(path),
            "kind": "folder" if path.is_dir() else path.suffix.lstrip(".").lower(),
            "unit": parameters["UNIT"],
            "rows": len(corpus),
            "skipped": len(corpus.attrs.get("skipped", [])),
            "sha256": corpus_hashes(corpus),
            "encodings": {name: encodings[str(file)] for name, file in read.items() if str(file) in encodings},
        },
        "versions": library_versions(),
        "started": started.isoformat(timespec="seconds"),
        "ended": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 2),
        "outputs": {
            "notebook": "report.ipynb",
            "html": html.name,
            "tables": {rel.removeprefix("tables/"): d for rel, d in files.items() if rel.startswith("tables/") and rel.endswith(".csv")},
            "figures": [rel.removeprefix("figures/") for rel in files if rel.startswith("figures/")],
        },
        "files": files,
    }
