"""Accuracy of `telaah.quotes` on the hand-annotated sets in tests/data/.

Usage::

    .venv/bin/python bench/quotes_eval.py [tests/data/quotes-dev.jsonl tests/data/quotes-heldout.jsonl]

For each set: precision, recall and F1 of direct and indirect statements (a found
statement counts when its content overlaps the annotated one by at least half of
their union) and the share of matched statements whose speaker is right.
``quotes-dev.jsonl`` is what the rules were developed against;
``quotes-heldout.jsonl`` was annotated blind and is the honest measure.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from telaah import entities, quotes, read_sample, token_table
from telaah.quotes import read_quote_annotations, score_quotes

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=[DATA / "quotes-dev.jsonl", DATA / "quotes-heldout.jsonl"])
    args = parser.parse_args(argv)
    corpus = pd.concat([read_sample(), read_sample("indosum")], ignore_index=True)
    pd.set_option("display.width", 160)
    for path in args.sets:
        gold = read_quote_annotations(path, corpus)
        docs = corpus[corpus.doc_id.isin(set(gold.doc_id))][["doc_id", "text"]].reset_index(drop=True)
        tokens = token_table(docs, progress=False)
        found = quotes(docs, tokens=tokens, mentions=entities(docs, tokens=tokens))
        print(f"\n{path.name}: {len(docs)} documents, {len(gold)} annotated statements")
        print(score_quotes(found, gold).round(3).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
