"""Stemming speed: the distinct words of a corpus, Telaah cold and warm, against PySastrawi.

Baseline (same run): PySastrawi as its README shows it, ``create_stemmer().stem(text)``
on every document (its own per-word memo included).  Then Telaah stems the
distinct lowercase words of the corpus (``re.findall(r"\\w+(?:-\\w+)*", text.lower())``):

* ``cold``: a new ``Stemmer`` with an empty cache folder (default processes: one
  per core for large batches), building its rules, stemming every word, writing the cache;
* ``cold, 1 process``: the same with ``processes=1``;
* ``warm``: a new ``Stemmer`` on the same cache folder (a second run: loads the file);
* ``cache file load``: reading and checking that file alone, against ``pickle.loads``
  of the same stems (the cache format before 2);
* ``exact``: ``Stemmer(exact=True)`` cold, which must agree with PySastrawi on every word.

Run: ``.venv/bin/python bench/stem_speed.py ../shared/data/indosum-dev-text.jsonl``
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import tempfile
import time

from Sastrawi.Stemmer.Filter.TextNormalizer import normalize_text
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from telaah.stemmer import Stemmer


def timed(label: str, baseline: float | None, func):
    t0 = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - t0
    ratio = f"{seconds / baseline:6.3f}x baseline" if baseline else ""
    print(f"{label:34} {seconds:7.2f} s  {ratio}")
    return result, seconds


def fastest(label: str, baseline: float | None, func, *, repeat: int = 9) -> float:
    """Time a quick ``func``: the best of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    ms = 1000 * min(times)
    ratio = f"{ms / baseline:6.3f}x baseline" if baseline else ""
    print(f"{label:34} {ms:7.1f} ms {ratio}")
    return ms


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Stemming speed: Telaah vs PySastrawi")
    parser.add_argument("jsonl", help="corpus, one JSON object per line with a 'text' field")
    args = parser.parse_args(argv)
    with open(args.jsonl, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]

    words, _ = timed("collect distinct words", None, lambda: list(dict.fromkeys(
        w for text in texts for w in re.findall(r"\w+(?:-\w+)*", text.lower()))))
    print(f"{len(texts)} documents, {len(words)} distinct lowercase words")

    sastrawi = StemmerFactory().create_stemmer()
    _, base = timed("PySastrawi stem(text) per document", None, lambda: [sastrawi.stem(t) for t in texts])

    with tempfile.TemporaryDirectory() as folder:
        stems, _ = timed("Telaah cold (processes=auto)", base, lambda: Stemmer(cache=folder).stem_many(words))
        timed("Telaah warm (second run)", base, lambda: Stemmer(cache=folder).stem_many(words))
        disk = Stemmer(cache=folder)._disk
        pickled = pickle.dumps(disk.load(), protocol=pickle.HIGHEST_PROTOCOL)
        unpickle = fastest("  pickle.loads of the same stems", None, lambda: pickle.loads(pickled))
        fastest("  cache file load (JSON, SHA-256)", unpickle, disk.load)
    with tempfile.TemporaryDirectory() as folder:
        timed("Telaah cold (processes=1)", base, lambda: Stemmer(cache=folder, processes=1).stem_many(words))
    with tempfile.TemporaryDirectory() as folder:
        exact, _ = timed("Telaah exact=True cold", base, lambda: Stemmer(exact=True, cache=folder).stem_many(words))

    # PySastrawi's memo now holds its stem of every normalised word of the corpus.
    memo = sastrawi.get_cache().data if hasattr(sastrawi.get_cache(), "data") else {}
    comparable = [(w, e) for w, e in zip(words, exact, strict=True) if normalize_text(w) == w and w in memo]
    differ = [w for w, e in comparable if memo[w] != e]
    print(f"exact=True vs PySastrawi on {len(comparable)} words: {len(differ)} differ {differ[:10]}")
    changed = sum(s != e for s, e in zip(stems, exact, strict=True))
    print(f"default vs exact: {changed} of {len(words)} distinct words get another stem")


if __name__ == "__main__":
    main()
