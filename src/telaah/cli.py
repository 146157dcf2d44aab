"""The ``telaah`` command line."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from telaah.errors import command_line_style

__all__ = ["main"]


def _reading(args: argparse.Namespace) -> dict[str, object]:
    """The options of :func:`telaah.read_corpus` that the command line gives (the same for every command)."""
    return {
        "text_column": args.text_column,
        "id_column": args.id_column,
        "encoding": args.encoding,
        "sep": args.sep,
        "recursive": args.recursive,
        "on_error": args.on_error,
        "date_column": args.date_column,
        "date_format": args.date_format,
    }


def _output_file(path: str, *, flag: str, suffixes: tuple[str, ...]) -> Path:
    """Check an output file path before any work is done: a file name, in a folder that exists and can be written."""
    out = Path(path).expanduser()
    if out.is_dir():
        raise ValueError(f"{flag} {out}: is a folder; give a file name ending in {' or '.join(suffixes)}")
    if out.suffix.lower() not in suffixes:
        raise ValueError(f"{flag} {out}: must end in {' or '.join(suffixes)}")
    return _in_writable_folder(out, flag=flag)


def _in_writable_folder(out: Path, *, flag: str) -> Path:
    """``out``, once its folder is known to exist and to be writable."""
    folder = out.parent
    if not folder.is_dir():
        raise ValueError(f"{flag} {out}: the folder {folder} does not exist; create it first")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValueError(f"{flag} {out}: the folder {folder} cannot be written")
    return out


def _write_atomically(write: Callable[[Path], None], out: Path) -> None:
    """Write through a temporary file beside ``out``, so a failed write leaves no half file (and no earlier one lost)."""
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _tokens(args: argparse.Namespace) -> int:
    from telaah.corpus import read_corpus
    from telaah.table import token_table

    if args.engine == "dask":
        return _tokens_on_dask(args)
    if args.scheduler:
        raise ValueError("--scheduler: only with --engine dask")
    out = _output_file(args.output, flag="-o/--output", suffixes=(".csv", ".parquet"))
    corpus = read_corpus(args.source, unit=args.unit, **_reading(args))
    table = token_table(corpus, stem=not args.no_stem, progress=args.progress)
    if out.suffix.lower() == ".csv":
        _write_atomically(lambda path: table.to_csv(path, index=False), out)
    else:
        _write_atomically(lambda path: table.to_parquet(path, index=False), out)
    print(f"{len(table):,} tokens from {len(corpus):,} {args.unit}s -> {out}", file=sys.stderr)
    return 0


def _output_folder(path: str, *, flag: str) -> Path:
    """Check an output folder before any work is done: new, or an empty folder, in a folder that can be written."""
    out = Path(path).expanduser()
    if out.exists() and not out.is_dir():
        raise ValueError(f"{flag} {out}: is a file; --engine dask writes a folder of Parquet files")
    if out.is_dir() and any(out.iterdir()):
        raise ValueError(f"{flag} {out}: the folder is not empty; give a new folder (nothing in it is changed)")
    return _in_writable_folder(out, flag=flag)


def _tokens_on_dask(args: argparse.Namespace) -> int:
    """``telaah tokens --engine dask``: a partitioned Parquet token table, written into a new folder."""
    import contextlib
    import shutil

    import pyarrow.parquet as pq

    from telaah import dask as td

    if args.unit != "document":
        raise ValueError(f"--unit {args.unit}: --engine dask reads documents; split them into paragraphs in the analysis (para_id)")
    out = _output_folder(args.output, flag="-o/--output")
    staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    try:
        bar: contextlib.AbstractContextManager = contextlib.nullcontext()
        if args.progress and not args.scheduler:
            from dask.diagnostics import ProgressBar

            bar = ProgressBar(out=sys.stderr)
        with td.scheduler(args.scheduler), bar:  # the bar follows each pass: reading the ids, deciding names and stems, writing
            corpus = td.read_corpus(args.source, **_reading(args))
            tokens = td.token_table(corpus, stem=not args.no_stem)
            td.to_parquet(tokens, staging / "tokens")
        if out.is_dir():
            out.rmdir()  # empty, checked above
        os.replace(staging / "tokens", out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    files = sorted(out.glob("*.parquet"))
    rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    print(f"{rows:,} tokens from {corpus.npartitions:,} partitions -> {out}/ ({len(files)} Parquet files)", file=sys.stderr)
    return 0


def _actors(args: argparse.Namespace) -> int:
    """``telaah entities`` and ``telaah quotes``: one row per mention or statement, as CSV or Parquet."""
    from telaah.corpus import read_corpus
    from telaah.entities import entities
    from telaah.quotes import quotes
    from telaah.table import token_table

    out = _output_file(args.output, flag="-o/--output", suffixes=(".csv", ".parquet"))
    corpus = read_corpus(args.source, unit="document", **_reading(args))
    tokens = token_table(corpus, progress=args.progress)
    found = entities(corpus, tokens=tokens, gazetteers=args.gazetteers)
    table = found if args.command == "entities" else quotes(corpus, tokens=tokens, mentions=found)
    if out.suffix.lower() == ".csv":
        _write_atomically(lambda path: table.to_csv(path, index=False), out)
    else:
        _write_atomically(lambda path: table.to_parquet(path, index=False), out)
    what = "mentions" if args.command == "entities" else "statements"
    print(f"{len(table):,} {what} from {len(corpus):,} documents -> {out}", file=sys.stderr)
    return 0


def _notebooks(args: argparse.Namespace) -> int:
    from telaah.notebooks import (
        export_html,
        find_notebooks,
        landing_page,
        notebook_summary,
        report_summary,
        run_notebook,
        write_learner_notebooks,
    )
    from telaah.report import REPORT_NOTEBOOK

    if args.learner or args.check:
        changed = write_learner_notebooks(args.folder, check=args.check)
        if args.check:
            for path in changed:
                print(f"{path}: not what its solution notebook generates; run: telaah notebooks --learner", file=sys.stderr)
            return 1 if changed else 0
        for path in changed:
            print(f"{path}: written from its solution notebook", file=sys.stderr)
        return 0

    # The report notebook needs a corpus and an output folder: `telaah report` runs it.
    # By default both editions run: notebooks/ to html_dir, notebooks/id/ to html_dir/id.
    out_dir = Path(args.html_dir)
    if args.notebooks:
        runs = [(Path(p), out_dir) for p in args.notebooks]
    else:
        runs = [(p, out_dir) for p in find_notebooks(args.folder) if p.name != REPORT_NOTEBOOK]
        edition = Path(args.folder) / "id"
        if edition.is_dir():
            runs += [(p, out_dir / "id") for p in find_notebooks(edition)]
    pages = []
    for path, folder in runs:
        nb = run_notebook(path, timeout=args.timeout)
        html = export_html(nb, folder / f"{path.stem}.html")
        pages.append((html.relative_to(out_dir).as_posix(), notebook_summary(nb)))
        print(f"{path} ran in {nb.metadata['telaah_seconds']} s -> {html}", file=sys.stderr)
    reports = []
    for report in sorted(out_dir.glob("*/report.html")):  # written by `telaah report --out reports/NAME`
        executed = report.parent / "report.ipynb"
        summary = report_summary(executed) if executed.is_file() else ""
        reports.append((f"{report.parent.name}/report.html", report.parent.name, summary))
    (out_dir / "index.html").write_text(landing_page(pages, reports), encoding="utf-8")
    return 0


def _report(args: argparse.Namespace) -> int:
    from telaah.report import ReportError, make_report

    try:
        out = make_report(
            args.source,
            out=args.out,
            unit=args.unit,
            **_reading(args),
            groupby=args.groupby,
            themes=args.themes,
            topics=args.topics,
            random_state=args.seed,
            hide_code=not args.show_code,
            progress=args.progress,
            engine=args.engine,
            scheduler=args.scheduler,
        )
    except ReportError as err:  # bad inputs raise ValueError before anything runs: main() says so
        print(f"telaah: {err}", file=sys.stderr)
        return 1
    print(f"report written to {out} (open {out / 'report.html'})", file=sys.stderr)
    return 0


def _add_reading_options(command: argparse.ArgumentParser) -> None:
    """The options that say how to read the corpus: every one of :func:`telaah.read_corpus`'s."""
    group = command.add_argument_group("reading the corpus (as telaah.read_corpus)")
    group.add_argument("--text-column", default="text", help="the column (or JSON key) that holds the text (default: text)")
    group.add_argument("--id-column", default=None, help="the column that holds document ids (default: doc_id, else id, else row numbers)")
    group.add_argument("--encoding", default=None, help="the encoding of text files (default: detected; refused when unsure)")
    group.add_argument("--sep", default=None, help="the CSV separator (default: sniffed from the header line)")
    group.add_argument("--recursive", action="store_true", help="for folders: also read .txt files in subfolders")
    group.add_argument("--date-column", default=None, metavar="COL", help="a column of dates, read into a date column (format inferred; refused when ambiguous)")
    group.add_argument("--date-format", default=None, metavar="FORMAT", help="force the date format, as strptime codes (%%d/%%m/%%Y)")
    group.add_argument(
        "--on-error", choices=("raise", "skip"), default="raise",
        help="a document that cannot be read: stop (raise, the default) or leave it out with a warning (skip)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``telaah`` command."""
    parser = argparse.ArgumentParser(prog="telaah", description="Close study of Indonesian text.")
    sub = parser.add_subparsers(dest="command", required=True)

    tokens = sub.add_parser("tokens", help="write the token table of a corpus to CSV or Parquet")
    tokens.add_argument("source", help="a .txt file, a folder of .txt files, .csv, .jsonl or .parquet")
    tokens.add_argument("-o", "--output", required=True, help="OUT.csv or OUT.parquet (with --engine dask: a new folder)")
    tokens.add_argument("--unit", choices=("document", "paragraph"), default="document")
    _add_reading_options(tokens)
    tokens.add_argument("--no-stem", action="store_true", help="skip stemming")
    tokens.add_argument("--progress", action="store_true", default=None, help="show a progress bar")
    tokens.add_argument(
        "--engine", choices=("pandas", "dask"), default="pandas",
        help="pandas (in memory, the default) or dask: -o is then a new folder of Parquet files, one a partition (telaah.dask)",
    )
    tokens.add_argument("--scheduler", metavar="ADDRESS", default=None, help="with --engine dask: a Dask scheduler to run on (tcp://host:8786); default: local processes")
    tokens.set_defaults(func=_tokens)

    for name, what in (("entities", "the people, organisations and places a corpus names (telaah.entities)"),
                       ("quotes", "the statements a corpus reports, with their speakers (telaah.quotes)")):
        command = sub.add_parser(name, help=f"write {what} to CSV or Parquet")
        command.add_argument("source", help="a .txt file, a folder of .txt files, .csv, .jsonl or .parquet (read by document)")
        command.add_argument("-o", "--output", required=True, help="OUT.csv or OUT.parquet")
        _add_reading_options(command)
        command.add_argument("--gazetteers", action="store_true", help="also tag the gazetteers' places and organisations the model left out (states as actors)")
        command.add_argument("--progress", action="store_true", default=None, help="show a progress bar")
        command.set_defaults(func=_actors)

    nbs = sub.add_parser("notebooks", help="run notebooks on a fresh kernel and write HTML")
    nbs.add_argument("notebooks", nargs="*", help="notebooks to run (default: every notebook in --folder)")
    nbs.add_argument("--folder", default="notebooks")
    nbs.add_argument("--html-dir", default="reports")
    nbs.add_argument("--timeout", type=int, default=600, help="seconds one cell may take")
    nbs.add_argument("--learner", action="store_true", help="write the learner notebooks from the solution notebooks (folder/solutions, folder/id/solutions) instead of running")
    nbs.add_argument("--check", action="store_true", help="with --learner: only say which learner notebooks differ from what their solutions generate (exit 1)")
    nbs.set_defaults(func=_notebooks)

    rep = sub.add_parser("report", help="run the report notebook on a corpus: HTML, charts, CSV tables, manifest")
    rep.add_argument("source", help="a .txt file, a folder of .txt files, .csv, .tsv, .jsonl or .parquet")
    rep.add_argument("--out", required=True, help="the report folder (new, empty, or an earlier report)")
    _add_reading_options(rep)
    rep.add_argument("--unit", choices=("paragraph", "document"), default=None, help="one row per paragraph (the default) or per document (with --engine dask: always)")
    rep.add_argument(
        "--groupby", default=None, metavar="COL",
        help="a metadata column (source, category ...): themes, frequent terms, key terms and trends per group",
    )
    rep.add_argument("--themes", default=None, metavar="FILE", help="a theme lexicon (default: the bundled one)")
    rep.add_argument("--topics", default="auto", metavar="K|auto|none", help="number of topics (default: auto)")
    rep.add_argument("--seed", type=int, default=0, help="the seed of every random step (random_state; default: 0)")
    rep.add_argument(
        "--engine", choices=("pandas", "dask"), default="pandas",
        help="pandas (in memory, the default) or dask: the tables by map-reduce over partitions, for corpora beyond memory (telaah.dask)",
    )
    rep.add_argument("--scheduler", metavar="ADDRESS", default=None, help="with --engine dask: a Dask scheduler to run on (tcp://host:8786); default: local processes")
    rep.add_argument("--show-code", action="store_true", help="keep code cells in the HTML page")
    rep.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="progress bar over the notebook's cells (default: on a terminal)")
    rep.set_defaults(func=_report)
    return parser


def _show_warning(message: Warning | str, category: type[Warning], *args: object, **kwargs: object) -> None:
    """Warnings on the command line: one line each, without the source line that raised them."""
    print(f"telaah: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``telaah`` command; returns the exit status.

    Every expected failure is one line on standard error, naming options as
    flags (``--text-column``): 2 for bad input (a corpus, an option, an output
    path), 1 for a failure while working (a file system error), 130 when
    interrupted (Ctrl-C).
    """
    args = build_parser().parse_args(argv)
    with command_line_style(), warnings.catch_warnings():
        warnings.showwarning = _show_warning
        try:
            return args.func(args)
        except ValueError as err:  # a bad corpus (telaah.CorpusError), option or output path, named in the message
            print(f"telaah: {err}", file=sys.stderr)
            return 2
        except OSError as err:
            print(f"telaah: {err.filename + ': ' if err.filename else ''}{err.strerror or err}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("telaah: interrupted; nothing was written", file=sys.stderr)
            return 130


if __name__ == "__main__":
    raise SystemExit(main())
