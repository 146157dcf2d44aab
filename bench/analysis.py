"""Speed of Telaah's analyses (frequencies, collocations, KWIC, themes ...) on a large corpus.

Usage:
    .venv/bin/python bench/analysis.py ../shared/data/indosum-dev-text.jsonl [--limit N] [--repeat 3] [--no-cache]

The token table is built once (and cached as Parquet in the system's temporary
folder, keyed by the corpus file and the modification times of Telaah's code and
data, so later runs skip it); each analysis is then timed on it, best of ``--repeat`` runs.
Target (issue 3, 1.04 M words, 2 cores): frequencies, collocations, KWIC and
theme scores each <= 2 s once the token table exists.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from _timing import best_of

TARGET_SECONDS = 2.0


def load_tokens(path: str, *, limit: int, cache: bool) -> tuple[pd.DataFrame, float | None]:
    """The token table of the corpus, and the seconds it took to build (None when read from the cache)."""
    import telaah
    from telaah.corpus import read_corpus
    from telaah.table import token_table

    stat = os.stat(path)
    # the cache is stale when the corpus or any of Telaah's code or data files changed
    package = Path(telaah.__file__).parent
    from telaah.resources import data_dir

    sources = sorted([*package.rglob("*.py"), *data_dir().rglob("*")])
    code = "|".join(f"{f}:{f.stat().st_mtime_ns}" for f in sources if f.is_file())
    key = hashlib.sha1(f"{os.path.abspath(path)}|{stat.st_size}|{stat.st_mtime_ns}|{limit}|{code}".encode()).hexdigest()[:16]
    cached = Path(tempfile.gettempdir()) / f"telaah-bench-tokens-{key}.parquet"
    if cache and cached.is_file():
        return pd.read_parquet(cached), None
    corpus = read_corpus(path)
    if limit:
        corpus = corpus.head(limit)
    started = time.perf_counter()
    tokens = token_table(corpus, progress=False)
    seconds = time.perf_counter() - started
    if cache:
        tokens.to_parquet(cached)
    return tokens, seconds


def frequency_section(tokens: pd.DataFrame) -> dict[str, Callable[[], object]]:
    """telaah.freq, telaah.concordance and telaah.keywords (issue 3, frequency part)."""
    from telaah.concordance import dispersion, kwic, segment_counts
    from telaah.freq import (
        collocations,
        frequencies,
        ngrams,
        tfidf,
        vocabulary,
        zipf_table,
    )
    from telaah.keywords import keyness

    first_half = tokens["doc_id"].cat.codes.to_numpy() < len(tokens["doc_id"].cat.categories) // 2
    return {
        "frequencies (stems, no stopwords)": lambda: frequencies(tokens),
        "frequencies by document (lower)": lambda: frequencies(tokens, by="lower", groupby="doc_id"),
        "vocabulary per document (MATTR 50)": lambda: vocabulary(tokens),
        "zipf_table": lambda: zipf_table(tokens),
        "ngrams (bigrams)": lambda: ngrams(tokens, min_count=3),
        "collocations bigrams, likelihood ratio": lambda: collocations(tokens, min_count=3),
        "collocations bigrams, pmi, window 5": lambda: collocations(tokens, measure="pmi", min_count=5, window=5),
        "collocations trigrams, across stopwords": lambda: collocations(tokens, n=3, min_count=3, across_stop=True),
        "kwic 'dagang' (stem)": lambda: kwic(tokens, "dagang"),
        "kwic 'angkatan laut'": lambda: kwic(tokens, "angkatan laut"),
        "kwic 'yang' (lower, very frequent)": lambda: kwic(tokens, "yang", by="lower"),
        "dispersion 3 terms": lambda: dispersion(tokens, ["dagang", "tahan", "angkatan laut"], groupby="doc_id"),
        "segment_counts 3 terms per doc": lambda: segment_counts(tokens, ["dagang", "tahan", "angkatan laut"], groupby="doc_id"),
        "segment_counts per doc and paragraph": lambda: segment_counts(tokens, "tahan", groupby=["doc_id", "para_id"]),
        "tfidf top 10 per document": lambda: tfidf(tokens),
        "keyness first half vs second half": lambda: keyness(tokens, target=first_half),
        "keyness vs wordfreq": lambda: keyness(tokens, reference="wordfreq"),
    }


def theme_section(tokens: pd.DataFrame) -> dict[str, Callable[[], object]]:
    """telaah.themes (issue 3, themes part): matching and scoring with the bundled lexicon."""
    from telaah.themes import (
        lexicon_coverage,
        load_lexicon,
        theme_cooccurrence,
        theme_matches,
        theme_scores,
    )

    lexicon = load_lexicon()  # read once, as a user would; the bundled one is cached anyway
    theme_matches(tokens.head(1000), lexicon)  # warm up: load the stemmer for the phrase words
    return {
        "theme_matches": lambda: theme_matches(tokens, lexicon),
        "theme_scores by document": lambda: theme_scores(tokens, lexicon),
        "theme_scores by paragraph": lambda: theme_scores(tokens, lexicon, unit="paragraph"),
        "theme_scores by sentence": lambda: theme_scores(tokens, lexicon, unit="sentence"),
        "theme_cooccurrence by paragraph": lambda: theme_cooccurrence(tokens, lexicon, unit="paragraph"),
        "lexicon_coverage": lambda: lexicon_coverage(tokens, lexicon),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a corpus file telaah.read_corpus reads (e.g. JSONL with a 'text' field)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--repeat", type=int, default=3, help="time each analysis this many times, keep the best")
    parser.add_argument("--no-cache", action="store_true", help="build the token table even when a cached one exists")
    args = parser.parse_args()

    tokens, build = load_tokens(args.corpus, limit=args.limit, cache=not args.no_cache)
    words = int((tokens["kind"] == "word").sum())
    built = f"built in {build:.1f} s" if build is not None else "read from cache"
    print(f"corpus: {args.corpus}: {tokens['doc_id'].nunique():,} documents, {words:,} words, {len(tokens):,} tokens ({built})")
    print(f"{'analysis':44} {'seconds':>8} {'rows':>9}  target")
    slow = 0
    for section in (frequency_section, theme_section):
        for name, fn in section(tokens).items():
            seconds, result = best_of(fn, args.repeat)
            rows = len(result) if hasattr(result, "__len__") else 0
            ok = seconds <= TARGET_SECONDS
            slow += not ok
            print(f"{name:44} {seconds:8.3f} {rows:9,}  {'ok' if ok else 'SLOW'}")
    print(f"target: each <= {TARGET_SECONDS:.0f} s once the token table exists; {slow} over")
    sys.exit(0)


if __name__ == "__main__":
    main()
