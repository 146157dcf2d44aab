"""`entities` and `quotes` stay linear on awkward documents: one long document of many quotes, names and cues.

Usage::

    .venv/bin/python bench/actors_adversarial.py [--limit 2.0]

For each shape, the time on a document of n units and of 4n units; the ratio
of the two, divided by 4, should stay near 1 (linear).  Exits 1 when a ratio
divided by 4 exceeds ``--limit``.
"""

from __future__ import annotations

import argparse
import sys
import time

from telaah import entities, quotes, token_table

SHAPES = {
    "quotes with cues": '"Kami siap bekerja sama," kata Sergei Lavrov. ',
    "reported speech": "Menurut Fumio Kishida, kedua negara akan bertemu lagi. Dia mengatakan bahwa pertemuan itu penting. ",
    "pronouns only": '"Ya," ujarnya. "Tidak," katanya. Ia mengatakan itu benar. ',
    "names inside quotes": '"Lavrov, Kishida, Shoigu dan Onodera hadir," kata dia. ',
    "titles alone": 'Menteri Pariwisata Arief Yahya hadir. "Bagus," kata Menpar. ',
    "one long quote": '"' + "Kami bekerja dan terus bekerja. " * 5,
    "many names": "Budi Santoso, Joko Widodo, Sergei Lavrov, Fumio Kishida dan Ani Widodo tiba di Jakarta. ",
}


def _time(text: str) -> float:
    tokens = token_table([text], progress=False)
    started = time.perf_counter()
    found = entities([text], tokens=tokens, processes=1)
    quotes([text], tokens=tokens, mentions=found)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--limit", type=float, default=2.0)
    args = parser.parse_args(argv)
    worst = 0.0
    for name, unit in SHAPES.items():
        small = _time(unit * args.units)
        large = _time(unit * args.units * 4)
        ratio = large / small / 4
        worst = max(worst, ratio)
        print(f"{name:<22} {small:6.3f} s  x4: {large:6.3f} s  ratio/4 {ratio:4.2f}")
    print(f"worst ratio/4: {worst:.2f} (limit {args.limit})")
    return 1 if worst > args.limit else 0


if __name__ == "__main__":
    sys.exit(main())
