"""Reproducible reports: run the report notebook on any corpus and keep everything it made.

:func:`make_report` (and ``telaah report SOURCE --out DIR``) checks every
input first, then runs ``notebooks/06_report.ipynb`` with papermill on a fresh
kernel, with the parameters injected into its ``parameters`` cell, and writes
into ``DIR``::

    report.ipynb        the executed notebook
    report.html         a standalone page (code cells hidden unless asked)
    figures/NAME.png    every chart, also as NAME.svg
    tables/NAME.csv     frequencies, keyness, collocations, theme scores, topics ...
    manifest.json       parameters, seed, corpus file hashes, library versions, times

The same corpus, parameters and seed give byte-identical CSV tables.  The
notebook itself saves its charts and tables with :func:`save_figure` and
:func:`save_table`.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from telaah.resources import bundled_path

__all__ = [
    "REPORT_NOTEBOOK",
    "ReportError",
    "make_report",
    "report_notebook_path",
    "check_topics",
    "topic_unit",
    "count_topic_units",
    "auto_ks",
    "save_figure",
    "save_table",
    "corpus_hashes",
    "library_versions",
]

#: The file name of the report notebook (in ``notebooks/``; shipped in wheels as ``telaah/templates/``).
REPORT_NOTEBOOK = "06_report.ipynb"
#: Distributions whose versions go into ``manifest.json`` (``Sastrawi`` is the ``pysastrawi`` distribution).
LIBRARIES = ("telaah", "pysastrawi", "pandas", "numpy", "scikit-learn", "nltk", "matplotlib", "wordfreq", "papermill")
#: What a report writes; a folder holding ``manifest.json`` is a previous report and these are replaced.
_OUTPUTS = ("report.ipynb", "report.html", "manifest.json", "figures", "tables")
#: Significant digits of floats in the CSV tables: the same inputs give the same bytes.
_FLOAT_FORMAT = "%.10g"

TopicsArg = int | Literal["auto"] | None


class ReportError(RuntimeError):
    """The report notebook failed while running (the inputs had been checked)."""


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
            raise ValueError(f"topics={topics!r}: give a number of topics (2 or more), 'auto' or 'none'")
        topics = int(word)
    if isinstance(topics, bool) or not isinstance(topics, int):
        raise ValueError(f"topics={topics!r}: give a number of topics (2 or more), 'auto' or None")
    if topics < 2:
        raise ValueError(f"topics={topics}: a topic model needs at least 2 topics (or use 'auto' or 'none')")
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

    Examples
    --------
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     save_table(pd.DataFrame({"term": ["tahan"], "share": [1 / 3]}), "freq", tmp).read_text()
    'term,share\\ntahan,0.3333333333\\n'
    """
    folder = Path(out) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    table.to_csv(path, index=False, float_format=_FLOAT_FORMAT, lineterminator="\n", encoding="utf-8")
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def corpus_hashes(source: str | Path) -> dict[str, str]:
    """SHA-256 of the corpus file, or of every file in a corpus folder (subfolders included), by relative path.

    Examples
    --------
    >>> from telaah.corpus import sample_corpus_path
    >>> list(corpus_hashes(sample_corpus_path()))
    ['jepang-rusia.txt']
    """
    source = Path(source)
    if source.is_dir():
        files = sorted(p for p in source.rglob("*") if p.is_file())
        return {p.relative_to(source).as_posix(): _sha256(p) for p in files}
    return {source.name: _sha256(source)}


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


def _check_out(out: Path) -> None:
    """Refuse an output folder that cannot be written, or that holds other things than a previous report."""
    if out.exists() and not out.is_dir():
        raise ValueError(f"out={out}: is a file, not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not (out / "manifest.json").is_file():
            raise ValueError(f"out={out}: the folder is not empty and holds no earlier report; choose a new or empty folder")
        extra = sorted(p.name for p in out.iterdir() if p.name not in _OUTPUTS)
        if extra:
            raise ValueError(f"out={out}: holds files that are not part of a report ({', '.join(extra[:5])}); choose a new or empty folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out):
            pass
    except OSError as error:
        raise ValueError(f"out={out}: cannot write there ({error.strerror or error})") from None


def _clear_previous(out: Path) -> None:
    for name in _OUTPUTS:
        path = out / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def _check_themes(themes: str | Path | None) -> Path | None:
    if themes is None:
        return None
    from telaah.themes import load_lexicon

    path = Path(themes).expanduser().resolve()
    try:
        load_lexicon(path)
    except FileNotFoundError:
        raise ValueError(f"themes={themes}: no such lexicon file") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ValueError(f"themes={themes}: not a usable theme lexicon: {error}") from None
    return path


def _validate(
    source: str | os.PathLike[str],
    *,
    out: Path,
    text_column: str,
    id_column: str | None,
    unit: str,
    themes: str | Path | None,
    topics: object,
    seed: object,
) -> tuple[pd.DataFrame, Path, Path | None, int | str | None]:
    """Check every input cheaply, before any kernel starts; returns the corpus and the resolved options."""
    from telaah.corpus import read_corpus

    if unit not in ("document", "paragraph"):
        raise ValueError(f"unit={unit!r}: choose 'document' or 'paragraph'")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed={seed!r}: give a whole number of 0 or more")
    k = check_topics(topics)
    if not isinstance(source, (str, os.PathLike)):
        raise ValueError(f"source must be a path to a corpus file or folder, not {type(source).__name__}")
    given = Path(source).expanduser()
    corpus = read_corpus(given, unit=unit, text_column=text_column, id_column=id_column)  # names the path as given
    path = given.resolve()  # the kernel runs in the report folder
    lexicon = _check_themes(themes)
    if isinstance(k, int):
        n = count_topic_units(corpus)
        if k > n:
            what = "documents" if topic_unit(corpus) == "document" else "paragraphs"
            raise ValueError(f"topics={k}: the corpus has only {n} {what} to model, so at most {n} topics")
    _check_out(out)
    return corpus, path, lexicon, k


def _failure(error: Exception, executed: Path) -> ReportError:
    name = getattr(error, "ename", type(error).__name__)
    value = getattr(error, "evalue", str(error))
    cell = getattr(error, "exec_count", None)
    where = f" in cell {cell}" if cell is not None else ""
    return ReportError(f"the report notebook failed{where}: {name}: {value} (see {executed})")


def make_report(
    source: str | os.PathLike[str],
    *,
    out: str | os.PathLike[str],
    text_column: str = "text",
    id_column: str | None = None,
    unit: Literal["paragraph", "document"] = "paragraph",
    themes: str | os.PathLike[str] | None = None,
    topics: TopicsArg | str = "auto",
    seed: int = 0,
    hide_code: bool = True,
    progress: bool | None = None,
    timeout: int = 1800,
) -> Path:
    """Run the report notebook on a corpus and write the report into ``out``; returns ``out``.

    Parameters
    ----------
    source : str or path
        Any file or folder :func:`telaah.read_corpus` accepts (``.txt``, a
        folder of ``.txt``, ``.csv``, ``.tsv``, ``.jsonl``, ``.parquet``).
    out : str or path
        The report folder: new, empty, or an earlier report (whose files are replaced).
    text_column, id_column : str
        For tables, as for :func:`telaah.read_corpus`.
    unit : {"paragraph", "document"}
        How the corpus is read: one row per paragraph (the default) or per document.
    themes : str or path, optional
        A theme lexicon file (see :func:`telaah.load_lexicon`); the bundled one by default.
    topics : int, "auto" or None
        The number of topics; ``"auto"`` picks it with :func:`telaah.topics.choose_k`
        (see :func:`auto_ks`); None (or ``"none"``) leaves topics out.
    seed : int
        The seed of every random step: the same inputs and seed give the same tables.
    hide_code : bool
        Hide code cells in the HTML page.
    progress : bool, optional
        Show a progress bar over the notebook's cells; by default when the
        terminal is interactive.
    timeout : int
        Seconds one cell may take.

    Returns
    -------
    Path
        The report folder.

    Raises
    ------
    CorpusError
        When the corpus cannot be read (checked before anything runs).
    ValueError
        For a bad option, lexicon file or output folder (checked before anything runs).
    ReportError
        When the notebook fails while running; the executed notebook shows where.

    Examples
    --------
    >>> make_report("tidak-ada.txt", out="laporan")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    telaah.errors.CorpusError: tidak-ada.txt: no such file or folder ...
    """
    out = Path(out).expanduser().resolve()
    corpus, path, lexicon, k = _validate(
        source, out=out, text_column=text_column, id_column=id_column, unit=unit, themes=themes, topics=topics, seed=seed
    )
    import papermill
    from nbconvert import HTMLExporter  # noqa: F401  (fail here, not after the run, if nbconvert is broken)

    from telaah.notebooks import export_html

    parameters: dict[str, Any] = {
        "SOURCE": str(path),
        "TEXT_COLUMN": text_column,
        "ID_COLUMN": id_column,
        "UNIT": unit,
        "THEMES": None if lexicon is None else str(lexicon),
        "TOPICS": k,
        "SEED": seed,
        "OUT": str(out),
    }
    _clear_previous(out)
    executed = out / "report.ipynb"
    started, clock = datetime.now(timezone.utc), time.perf_counter()
    show = sys.stderr.isatty() if progress is None else progress
    try:
        nb = papermill.execute_notebook(
            str(report_notebook_path()),
            str(executed),
            parameters=parameters,
            kernel_name="python3",
            cwd=str(out),
            progress_bar=show,
            log_output=False,
            execution_timeout=timeout,
        )
    except Exception as error:  # papermill's PapermillExecutionError, a dead kernel, a timeout
        raise _failure(error, executed) from error
    import nbformat

    node = nbformat.from_dict(nb)
    html = export_html(node, out / "report.html", hide_code=hide_code)
    ended = datetime.now(timezone.utc)
    tables = sorted((out / "tables").glob("*.csv"))
    figures = sorted((out / "figures").glob("*"))
    manifest = {
        "telaah_report": 1,
        "parameters": {**parameters, "HIDE_CODE": hide_code},
        "seed": seed,
        "corpus": {
            "source": str(path),
            "kind": "folder" if path.is_dir() else path.suffix.lstrip(".").lower(),
            "unit": unit,
            "rows": len(corpus),
            "sha256": corpus_hashes(path),
        },
        "versions": library_versions(),
        "started": started.isoformat(timespec="seconds"),
        "ended": ended.isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - clock, 2),
        "outputs": {
            "notebook": executed.name,
            "html": html.name,
            "tables": {p.name: _sha256(p) for p in tables},
            "figures": [p.name for p in figures],
        },
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out

