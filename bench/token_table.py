"""Speed and memory of telaah.token_table on a JSONL corpus, against baselines run alongside.

Usage:
    .venv/bin/python bench/token_table.py ../shared/data/indosum-dev-text.jsonl [--limit N]

Prints, for the same corpus in the same run:
- a bare ``re.finditer(r"\\w+|[^\\w\\s]")`` tokenizer (no kinds, no sentences, no stems);
- PySastrawi's own ``create_stemmer().stem(text)`` per document (stems, no offsets);
- telaah.token_table with an empty stem cache (cold) and again with the cache filled (warm),
  each in a fresh process so that nothing is shared in memory;
with seconds, tokens/s, the ratio to PySastrawi, and bytes per token of the table.
Targets (issue 2, 1.04 M words, 2 cores): cold <= 6 s, warm <= 2 s, <= 60 bytes/token.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import json, sys, time, resource
import telaah
from telaah.corpus import read_corpus
corpus = read_corpus(sys.argv[1])
if int(sys.argv[2]):
    corpus = corpus.head(int(sys.argv[2]))
t0 = time.perf_counter()
table = telaah.token_table(corpus, progress=False)
seconds = time.perf_counter() - t0
words = int((table.kind == "word").sum())
print(json.dumps({"seconds": seconds, "tokens": len(table), "words": words, "docs": len(corpus),
                  "bytes": int(table.memory_usage(deep=True).sum()),
                  "sources": table.loc[table.kind == "word", "stem_source"].value_counts().to_dict(),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def read_texts(path: str, limit: int) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    return texts[:limit] if limit else texts


def run_child(path: str, limit: int, cache_home: str) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=cache_home)
    out = subprocess.run([sys.executable, "-c", CHILD, path, str(limit)], env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="JSONL with a 'text' field per line")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = parser.parse_args()
    texts = read_texts(args.corpus, args.limit)

    t0 = time.perf_counter()
    n_bare = sum(1 for text in texts for _ in re.finditer(r"\w+|[^\w\s]", text))
    bare = time.perf_counter() - t0

    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    sastrawi = StemmerFactory().create_stemmer()
    t0 = time.perf_counter()
    for text in texts:
        sastrawi.stem(text)
    plain = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as cache_home:
        cold = run_child(args.corpus, args.limit, cache_home)
        warm = run_child(args.corpus, args.limit, cache_home)

    n = cold["tokens"]
    print(f"corpus: {args.corpus}: {len(texts):,} documents, {cold['words']:,} word tokens, {n:,} tokens")
    print(f"{'method':38} {'seconds':>8} {'tokens/s':>11} {'vs PySastrawi':>14}")
    rows = [
        ("bare re.finditer tokenizer", bare, n_bare),
        ("PySastrawi stem(text) per document", plain, cold["words"]),
        ("telaah.token_table, cold stem cache", cold["seconds"], n),
        ("telaah.token_table, warm stem cache", warm["seconds"], n),
    ]
    for name, seconds, count in rows:
        print(f"{name:38} {seconds:8.2f} {count / seconds:11,.0f} {plain / seconds:13.2f}x")
    print(f"table memory: {cold['bytes'] / n:.1f} bytes/token ({cold['bytes'] / 2**20:.1f} MiB); "
          f"peak RSS of the cold run: {cold['peak_rss_mb']:.0f} MiB")
    print(f"stem sources (word tokens): {cold['sources']}")
    print("targets: cold <= 6 s, warm <= 2 s, <= 60 bytes/token")


if __name__ == "__main__":
    main()
