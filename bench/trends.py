"""Document metadata and trends at scale: token_table with and without metadata, theme_trends, term_trends.

Usage:
    .venv/bin/python bench/trends.py ../shared/data/indosum-dev-text.jsonl [--repeat 3]

The corpus (JSONL with ``id``, ``source``, ``text``; IndoSum's ids start with the
article's Unix time) is read with a ``date`` column made from that time, so every
document has a date and an outlet. In one run the script prints:

- ``token_table`` with the metadata (``date``, ``source``) against ``metadata=False``
  (warm stem cache; best of ``--repeat``), the ratio, and bytes per token of each;
- ``theme_trends`` (monthly; monthly per outlet) and ``term_trends`` (three terms,
  monthly per outlet) against ``theme_scores`` on the same table, the baseline that
  does the same matching without periods.

Targets (issue: corpora over time and outlets): token_table with metadata within 10 % of
without, <= 60 bytes/token; theme_trends and term_trends <= 1 s each.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd
from _timing import best_of

import telaah


def read(path: Path) -> pd.DataFrame:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    frame = pd.DataFrame.from_records(records)
    seconds = frame["id"].str.extract(r"^(\d{9,10})-", expand=False).astype("int64")
    frame["date"] = pd.to_datetime(seconds, unit="s", utc=True).dt.tz_convert("Asia/Jakarta").dt.strftime("%Y-%m-%dT%H:%M:%S%z")
    return telaah.read_corpus(frame, date_column="date")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSONL with id, source and text")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = read(args.corpus)
    telaah.token_table(corpus.head(50))  # load the stemmer, fill the cache for what follows
    telaah.token_table(corpus, progress=False)
    plain_s, plain = best_of(lambda: telaah.token_table(corpus, metadata=False, progress=False), args.repeat)
    meta_s, tokens = best_of(lambda: telaah.token_table(corpus, progress=False), args.repeat)
    n = len(tokens)
    print(f"corpus: {args.corpus}: {len(corpus):,} documents, {n:,} tokens, {corpus['date'].min():%Y-%m} to {corpus['date'].max():%Y-%m}, "
          f"{corpus['source'].nunique()} outlets")
    print(f"{'step':46} {'seconds':>8} {'ratio':>7}")
    print(f"{'token_table, metadata=False (baseline)':46} {plain_s:8.2f} {1:7.2f}   {plain.memory_usage(deep=True).sum() / n:.1f} bytes/token")
    print(f"{'token_table with date and source':46} {meta_s:8.2f} {meta_s / plain_s:7.2f}   {tokens.memory_usage(deep=True).sum() / n:.1f} bytes/token")
    base_s, _ = best_of(lambda: telaah.theme_scores(tokens), args.repeat)
    print(f"{'theme_scores per document (baseline)':46} {base_s:8.2f} {1:7.2f}")
    steps = [
        ("theme_trends, monthly", lambda: telaah.theme_trends(tokens)),
        ("theme_trends, monthly per outlet", lambda: telaah.theme_trends(tokens, groupby="source")),
        ("term_trends, 3 terms, monthly per outlet", lambda: telaah.term_trends(tokens, ["ekspor", "polisi", "angkatan laut"], groupby="source")),
        ("theme_scores per outlet", lambda: telaah.theme_scores(tokens, groupby="source")),
    ]
    for name, func in steps:
        seconds, table = best_of(func, args.repeat)
        print(f"{name:46} {seconds:8.2f} {seconds / base_s:7.2f}   {len(table):,} rows")
    print("targets: metadata within 10 % of without, <= 60 bytes/token; theme_trends and term_trends <= 1 s each")


if __name__ == "__main__":
    main()
