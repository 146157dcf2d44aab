"""How fast is ``telaah.tokenize.scan`` on real news text?

Usage::

    python bench/tokenize_speed.py PATH.jsonl [--repeat 3]

PATH.jsonl has one JSON object per line with a ``text`` field (for example
``indosum-dev-text.jsonl``).  The script times ``scan`` (and, for reference,
``tokenize`` and ``sentence_ids``) over all texts and compares ``scan`` with a
bare ``re.finditer(r"\\w+|[^\\w\\s]", text)`` baseline measured in the same run.
The runs take turns (baseline, scan, tokenize, ..., baseline, scan, ...) and
each timing is the best of ``--repeat`` turns, so that a busy machine slows
them alike; times are CPU seconds of this process (``time.process_time``).
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


def best_times(
    runs: dict[str, Callable[[list[str]], int]], texts: list[str], *, repeat: int
) -> dict[str, tuple[float, int]]:
    """Best CPU time of each run over ``repeat`` turns, and the token count it returns."""
    best: dict[str, tuple[float, int]] = {}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.process_time()
            count = run(texts)
            seconds = time.process_time() - start
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, count)
    return best


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
    runs = {
        "baseline finditer": run_baseline,
        "scan": run_scan,
        "tokenize": run_tokenize,
        "scan + sentence_ids": run_scan_and_sentences,
    }
    results = best_times(runs, texts, repeat=args.repeat)
    for name, (seconds, count) in results.items():
        print(f"{name:<22} {seconds:7.3f} s  {count:>9,} tokens  {count / seconds / 1e6:6.2f} M tokens/s")
    base_rate = results["baseline finditer"][1] / results["baseline finditer"][0]
    scan_rate = results["scan"][1] / results["scan"][0]
    print(f"scan / baseline speed ratio: {scan_rate / base_rate:.2f}")


if __name__ == "__main__":
    main()
