"""How fast is ``telaah.tokenize.scan`` on real news text?

Usage::

    python bench/tokenize_speed.py PATH.jsonl [--repeat 3]

PATH.jsonl has one JSON object per line with a ``text`` field (for example
``indosum-dev-text.jsonl``).  The script times ``scan`` (and, for reference,
``tokenize`` and ``sentence_ids``) over all texts and compares ``scan`` with a
bare ``re.finditer(r"\\w+|[^\\w\\s]", text)`` baseline measured in the same run.
Each timing is the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from telaah.sentences import sentence_ids
from telaah.tokenize import scan, tokenize

_BASELINE = re.compile(r"\w+|[^\w\s]")


def read_texts(path: Path) -> list[str]:
    """The ``text`` field of every line of a JSON-lines file."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def best_time(run: Callable[[list[str]], int], texts: list[str], *, repeat: int) -> tuple[float, int]:
    """Best wall time of ``repeat`` runs of ``run(texts)``, and the count it returns."""
    best, count = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = run(texts)
        best = min(best, time.perf_counter() - start)
    return best, count


def run_baseline(texts: list[str]) -> int:
    return sum(sum(1 for _ in _BASELINE.finditer(text)) for text in texts)


def run_scan(texts: list[str]) -> int:
    return sum(len(scan(text)[0]) for text in texts)


def run_tokenize(texts: list[str]) -> int:
    return sum(len(tokenize(text)) for text in texts)


def run_scan_and_sentences(texts: list[str]) -> int:
    total = 0
    for text in texts:
        tokens = scan(text)
        total += len(sentence_ids(text, *tokens))
    return total


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="JSON-lines file with a 'text' field")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the best is kept")
    args = parser.parse_args(argv)
    texts = read_texts(args.path)
    print(f"{len(texts)} texts, {sum(map(len, texts)) / 1e6:.1f} M characters from {args.path}")
    scan(texts[0])  # compile the pattern outside the timings
    results = {}
    for name, run in [
        ("baseline finditer", run_baseline),
        ("scan", run_scan),
        ("tokenize", run_tokenize),
        ("scan + sentence_ids", run_scan_and_sentences),
    ]:
        seconds, count = best_time(run, texts, repeat=args.repeat)
        results[name] = (seconds, count)
        print(f"{name:<22} {seconds:7.3f} s  {count:>9,} tokens  {count / seconds / 1e6:6.2f} M tokens/s")
    base_rate = results["baseline finditer"][1] / results["baseline finditer"][0]
    scan_rate = results["scan"][1] / results["scan"][0]
    print(f"scan / baseline speed ratio: {scan_rate / base_rate:.2f}")


if __name__ == "__main__":
    main()
