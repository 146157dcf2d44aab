"""Do k topics find the editors' sections?  NMI and purity of NMF topics against a category column.

Usage::

    .venv/bin/python bench/topics_sections.py [CORPUS.jsonl ...] [--k 5] [--random-state 0]

Default corpus: the bundled teaching sample (500 IndoSum articles, 100 per
section).  Each document is given its dominant topic (the topic of largest
weight); NMI (arithmetic mean, as scikit-learn) and purity (the share of
documents whose topic's most common section is their own) are computed
against ``category``.  Printed in the same run: plain scikit-learn on raw text
(TfidfVectorizer with default settings, NMF with NNDSVD, same k and seed) as
the baseline; Telaah's `fit_topics` on the token table; and Telaah with the
outlets' boilerplate left out (`boilerplate`, `drop_boilerplate`).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import normalized_mutual_info_score

from telaah import fit_topics, read_corpus, read_sample, token_table


def purity(labels: np.ndarray, clusters: np.ndarray) -> float:
    """Share of items whose cluster's most common label is their own."""
    table = pd.crosstab(clusters, labels)
    return float(table.max(axis=1).sum() / table.to_numpy().sum())


def dominant(result) -> pd.Series:
    """Each document's topic of largest weight."""
    rows = result.doc_topics.sort_values(["doc_id", "weight"], ascending=[True, False], kind="stable")
    return rows.drop_duplicates("doc_id").set_index("doc_id")["topic"]


def _line(name: str, categories: pd.Series, topics: pd.Series, seconds: float) -> None:
    topics = topics.reindex(categories.index)
    nmi = normalized_mutual_info_score(categories, topics)
    print(f"{name:<44} NMI {nmi:.3f}  purity {purity(categories.to_numpy(), topics.to_numpy()):.3f}  ({seconds:.1f} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--random-state", type=int, default=0)
    args = parser.parse_args(argv)
    corpora = [(p.name, read_corpus(p)) for p in args.corpora] or [("indosum teaching sample", read_sample("indosum"))]
    for name, corpus in corpora:
        if "category" not in corpus.columns:
            print(f"{name}: no category column, skipped")
            continue
        categories = corpus.set_index(corpus["doc_id"].astype(str))["category"].astype(str)
        print(f"\n{name}: {len(corpus)} documents, {categories.nunique()} sections, k={args.k}")
        started = time.perf_counter()
        matrix = TfidfVectorizer().fit_transform(corpus["text"])
        plain = NMF(n_components=args.k, init="nndsvd", random_state=args.random_state, max_iter=1000).fit_transform(matrix)
        _line("scikit-learn on raw text (baseline)", categories, pd.Series(plain.argmax(axis=1), index=categories.index), time.perf_counter() - started)
        tokens = token_table(corpus, progress=False)
        started = time.perf_counter()
        result = fit_topics(tokens, args.k, random_state=args.random_state)
        _line("telaah fit_topics", categories, dominant(result), time.perf_counter() - started)
        try:
            from telaah import drop_boilerplate
        except ImportError:
            continue
        started = time.perf_counter()
        clean = drop_boilerplate(tokens, corpus)
        result = fit_topics(clean, args.k, random_state=args.random_state)
        _line("telaah fit_topics, boilerplate left out", categories, dominant(result), time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
