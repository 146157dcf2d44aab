"""Speed of telaah.read_corpus on JSONL, CSV and a cp1252 text file, against pandas' readers in the same run.

Usage:
    .venv/bin/python bench/read_corpus.py ../shared/data/indosum-dev-text.jsonl [--repeat 5]

The JSONL corpus is also written as a CSV file and as a folder of .txt files (one in
Windows-1252, so that encoding detection runs) in a temporary folder. For each format
the script prints the best of ``--repeat`` runs of read_corpus next to the best of the
same number of runs of the pandas reader of that format (``pd.read_json(lines=True)``,
``pd.read_csv``; for the folder: reading and decoding each file as UTF-8), and the
ratio. Telaah's readers do more than pandas' (strict field counts, quote checks,
repeated keys, lone surrogates, line numbers for every row, encoding detection), so
a ratio above 1 is expected; the target is that it stays small and linear.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
import warnings
from pathlib import Path

import pandas as pd
from _timing import best_of

from telaah import read_corpus


def write_copies(jsonl: Path, folder: Path) -> tuple[Path, Path]:
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    table = folder / "corpus.csv"
    with open(table, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        columns = list(records[0])
        writer.writerow(columns)
        writer.writerows([record.get(c, "") for c in columns] for record in records)
    texts = folder / "texts"
    texts.mkdir()
    for i, record in enumerate(records[:500]):
        text = record["text"].replace("\"", "“", 1)  # at least one character outside ASCII
        encoding = "cp1252" if i == 0 else "utf-8"
        (texts / f"{i:05d}.txt").write_bytes(text.encode(encoding, errors="replace"))
    return table, texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSONL with an 'id' and a 'text' field per line")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        table, texts = write_copies(args.corpus, Path(tmp))
        cases = [
            ("jsonl", lambda: read_corpus(args.corpus), lambda: pd.read_json(args.corpus, lines=True, dtype=False)),
            ("csv", lambda: read_corpus(table), lambda: pd.read_csv(table)),
            (
                "folder of 500 .txt (one cp1252)",
                lambda: read_corpus(texts),
                lambda: [p.read_bytes().decode("utf-8", errors="replace") for p in sorted(texts.iterdir())],
            ),
        ]
        print(f"{'format':34} {'telaah s':>9} {'pandas s':>9} {'ratio':>6}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "decoded as cp1252"
            for name, ours, theirs in cases:
                mine, base = best_of(ours, args.repeat)[0], best_of(theirs, args.repeat)[0]
                print(f"{name:34} {mine:9.3f} {base:9.3f} {mine / base:6.2f}")


if __name__ == "__main__":
    main()
