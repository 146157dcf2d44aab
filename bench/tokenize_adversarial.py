"""Is ``telaah.tokenize.scan`` linear on text without spaces?  Adversarial shapes against prose.

Usage::

    python bench/tokenize_adversarial.py [PROSE] [--size 100000] [--repeat 5] [--limit 5] [--sentence-limit 20]

Each shape is a short string repeated, with no space, to ``--size``
characters: ``ab.ab.ab...``, ``1/1/1/...``, ``kata.Katakata.Kata...``.  Runs
like these made the old token pattern quadratic (100 kB of ``ab.`` took a
minute, against 0.02 s for 100 kB of prose), because it looked ahead along
the whole run at every token.  The script times ``scan`` and
``split_sentences`` on every shape and on ``--size`` characters of prose
(PROSE, a text file or a JSON-lines file with a ``text`` field; default
``data/jepang-rusia.txt``), repeated as needed, in the same run.  Prose and
shape take turns and each timing is the best of ``--repeat`` turns, in CPU
seconds of this process (``time.process_time``), so that a busy machine slows
them alike; each ratio is to the prose timed in the same turns.

It prints the seconds, the tokens and the ratio to prose of each shape, and
exits with status 1 if a ``scan`` ratio exceeds ``--limit`` (the target: at
most 5 for every shape) or a ``split_sentences`` ratio exceeds
``--sentence-limit``.  Sentence splitting does Python work for every
candidate sentence end and every quotation mark, so shapes with one in every
two or three characters (``Ab.``, ``"``) are slower than prose per character
even when linear; a quadratic splitter would show ratios in the hundreds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from telaah.resources import data_path
from telaah.sentences import split_sentences
from telaah.tokenize import scan

# The shapes that made the old pattern quadratic (a code, an address or a domain
# looked for at every token), the ones the issue named, and a few that are
# linear but dense: one token a character, a sentence end or a quotation mark
# every few characters.
SHAPES = (
    "ab.", "1/", "dir/", "kata.Kata",
    "Ab.", "AB.", "a1.", "1a.", "a.1", "1.a", "A.b", "ab.Ab", "a..", "...a",
    "A/", "a.b/", "ab/", "1/a", "a/1", "A1/b//", "x.com/",
    "1-", "a-", "a--", "a.a-", "a-b.", "Jan-", "Rp1.",
    "a.", "1.", "1,", "a'", "a+", "a:", "#", "@a.", "a@", "www.", "Rp", "a“",
    "?", '"', "\n",
)  # fmt: skip
# Shapes that are not a short string repeated: (label, text of a given length).
BUILT: tuple[tuple[str, Callable[[int], str]], ...] = (
    ("'?' * n + 'x'", lambda size: "?" * (size - 1) + "x"),  # one run of marks closing nothing
    ("'a' + ' ' * n", lambda size: "a" + " " * (size - 1)),  # trailing whitespace
)


def read_prose(path: Path, size: int) -> str:
    """``size`` characters of prose: the file (or its JSON lines' ``text``) repeated as needed."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        raw = "\n".join(json.loads(line)["text"] for line in raw.splitlines() if line.strip())
    return repeat_to(raw, size)


def repeat_to(unit: str, size: int) -> str:
    """``unit`` repeated and cut to ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def cpu_seconds(run: Callable[[str], object], text: str) -> float:
    start = time.process_time()
    run(text)
    return time.process_time() - start


def best_times(shape: str, prose: str, *, repeat: int) -> dict[str, tuple[float, float]]:
    """Best CPU seconds of scan and split_sentences on ``shape`` and on ``prose``, taking turns."""
    best: dict[str, tuple[float, float]] = {}
    for name, run in (("scan", scan), ("split_sentences", split_sentences)):
        shape_best = prose_best = float("inf")
        for _ in range(repeat):
            prose_best = min(prose_best, cpu_seconds(run, prose))
            shape_best = min(shape_best, cpu_seconds(run, shape))
        best[name] = (shape_best, prose_best)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("prose", type=Path, nargs="?", default=data_path("jepang-rusia.txt"), help="prose to compare with (text or JSON lines)")
    parser.add_argument("--size", type=int, default=100_000, help="characters of each shape and of prose")
    parser.add_argument("--repeat", type=int, default=5, help="turns per timing; the best is kept")
    parser.add_argument("--limit", type=float, default=5.0, help="largest scan time ratio to prose allowed")
    parser.add_argument("--sentence-limit", type=float, default=20.0, help="largest split_sentences time ratio to prose allowed")
    args = parser.parse_args(argv)
    prose = read_prose(args.prose, args.size)
    scan(prose)  # compile the pattern outside the timings
    shapes = [(repr(unit), repeat_to(unit, args.size)) for unit in SHAPES]
    shapes += [(label, build(args.size)) for label, build in BUILT]
    results = []
    for label, text in shapes:
        times = best_times(text, prose, repeat=args.repeat)
        results.append((label, len(scan(text)[0]), times))
    # Each ratio is to the prose timed in the same turns; the prose line shows the best of all.
    prose_scan = min(times["scan"][1] for _, _, times in results)
    prose_split = min(times["split_sentences"][1] for _, _, times in results)
    print(f"prose: {args.size:,} characters of {args.prose}, {len(scan(prose)[0]):,} tokens: "
          f"scan {prose_scan:.4f} s, split_sentences {prose_split:.4f} s")
    print(f"{'shape':<16} {'tokens':>8} {'scan s':>8} {'ratio':>6} {'split s':>8} {'ratio':>6}")
    worst_scan = worst_split = (0.0, "")
    for label, tokens, times in results:
        scan_ratio = times["scan"][0] / times["scan"][1]
        split_ratio = times["split_sentences"][0] / times["split_sentences"][1]
        worst_scan = max(worst_scan, (scan_ratio, label))
        worst_split = max(worst_split, (split_ratio, label))
        flag = " <-- over the limit" if scan_ratio > args.limit or split_ratio > args.sentence_limit else ""
        print(f"{label:<16} {tokens:>8,} {times['scan'][0]:8.4f} {scan_ratio:6.2f} {times['split_sentences'][0]:8.4f} {split_ratio:6.2f}{flag}")
    print(f"worst scan ratio {worst_scan[0]:.2f} ({worst_scan[1]}), limit {args.limit:g}; "
          f"worst split_sentences ratio {worst_split[0]:.2f} ({worst_split[1]}), limit {args.sentence_limit:g}")
    return int(worst_scan[0] > args.limit or worst_split[0] > args.sentence_limit)


if __name__ == "__main__":
    sys.exit(main())
