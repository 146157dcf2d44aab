"""The ``telaah`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


def _tokens(args: argparse.Namespace) -> int:
    from telaah.corpus import read_corpus
    from telaah.table import token_table

    out = Path(args.output)
    if out.suffix not in (".csv", ".parquet"):
        raise SystemExit(f"telaah tokens: output {out} must end in .csv or .parquet")
    corpus = read_corpus(args.source, unit=args.unit, text_column=args.text_column, id_column=args.id_column)
    table = token_table(corpus, stem=not args.no_stem, progress=args.progress)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".csv":
        table.to_csv(out, index=False)
    else:
        table.to_parquet(out, index=False)
    print(f"{len(table):,} tokens from {len(corpus):,} {args.unit}s -> {out}", file=sys.stderr)
    return 0


def _notebooks(args: argparse.Namespace) -> int:
    from telaah.notebooks import export_html, find_notebooks, run_notebook
    from telaah.report import REPORT_NOTEBOOK

    # The report notebook needs a corpus and an output folder: `telaah report` runs it.
    paths = [Path(p) for p in args.notebooks] or [p for p in find_notebooks(args.folder) if p.name != REPORT_NOTEBOOK]
    out_dir = Path(args.html_dir)
    for path in paths:
        nb = run_notebook(path, timeout=args.timeout)
        html = export_html(nb, out_dir / f"{path.stem}.html")
        print(f"{path} ran in {nb.metadata['telaah_seconds']} s -> {html}", file=sys.stderr)
    index = out_dir / "index.html"
    links = "\n".join(f'<li><a href="{p.stem}.html">{p.stem}</a></li>' for p in paths)
    reports = sorted(out_dir.glob("*/report.html"))  # written by `telaah report --out reports/NAME`
    links += "".join(f'\n<li><a href="{r.parent.name}/report.html">report: {r.parent.name}</a></li>' for r in reports)
    index.write_text(f"<!doctype html><meta charset='utf-8'><title>Telaah reports</title><h1>Telaah reports</h1><ul>\n{links}\n</ul>\n", encoding="utf-8")
    return 0


def _report(args: argparse.Namespace) -> int:
    from telaah.report import ReportError, make_report

    try:
        out = make_report(
            args.source,
            out=args.out,
            text_column=args.text_column,
            id_column=args.id_column,
            unit=args.unit,
            themes=args.themes,
            topics=args.topics,
            seed=args.seed,
            hide_code=not args.show_code,
            progress=args.progress,
        )
    except ReportError as err:  # bad inputs raise ValueError before anything runs: main() says so
        print(f"telaah: {err}", file=sys.stderr)
        return 1
    print(f"report written to {out} (open {out / 'report.html'})", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``telaah`` command."""
    parser = argparse.ArgumentParser(prog="telaah", description="Close study of Indonesian text.")
    sub = parser.add_subparsers(dest="command", required=True)

    tokens = sub.add_parser("tokens", help="write the token table of a corpus to CSV or Parquet")
    tokens.add_argument("source", help="a .txt file, a folder of .txt files, .csv, .jsonl or .parquet")
    tokens.add_argument("-o", "--output", required=True, help="OUT.csv or OUT.parquet")
    tokens.add_argument("--unit", choices=("document", "paragraph"), default="document")
    tokens.add_argument("--text-column", default="text")
    tokens.add_argument("--id-column", default=None)
    tokens.add_argument("--no-stem", action="store_true", help="skip stemming")
    tokens.add_argument("--progress", action="store_true", default=None, help="show a progress bar")
    tokens.set_defaults(func=_tokens)

    nbs = sub.add_parser("notebooks", help="run notebooks on a fresh kernel and write HTML")
    nbs.add_argument("notebooks", nargs="*", help="notebooks to run (default: every notebook in --folder)")
    nbs.add_argument("--folder", default="notebooks")
    nbs.add_argument("--html-dir", default="reports")
    nbs.add_argument("--timeout", type=int, default=600, help="seconds one cell may take")
    nbs.set_defaults(func=_notebooks)

    rep = sub.add_parser("report", help="run the report notebook on a corpus: HTML, charts, CSV tables, manifest")
    rep.add_argument("source", help="a .txt file, a folder of .txt files, .csv, .tsv, .jsonl or .parquet")
    rep.add_argument("--out", required=True, help="the report folder (new, empty, or an earlier report)")
    rep.add_argument("--text-column", default="text")
    rep.add_argument("--id-column", default=None)
    rep.add_argument("--unit", choices=("paragraph", "document"), default="paragraph", help="one row per paragraph or per document")
    rep.add_argument("--themes", default=None, metavar="FILE", help="a theme lexicon (default: the bundled one)")
    rep.add_argument("--topics", default="auto", metavar="K|auto|none", help="number of topics (default: auto)")
    rep.add_argument("--seed", type=int, default=0)
    rep.add_argument("--show-code", action="store_true", help="keep code cells in the HTML page")
    rep.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="progress bar over the notebook's cells (default: on a terminal)")
    rep.set_defaults(func=_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``telaah`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ValueError as err:  # a bad corpus (telaah.CorpusError) or parameter, named in the message
        print(f"telaah: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
