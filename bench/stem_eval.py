"""Stem quality: agreement with the LEMMA column of Universal Dependencies Indonesian treebanks.

Compares, in the same run, PySastrawi as shipped (``StemmerFactory().create_stemmer().stem``),
``telaah.Stemmer(exact=True)`` (must equal it) and Telaah's default ``Stemmer()``.

Scoring choices
---------------
* Surface tokens are scored: a single-word token (``mendukung``) or a multiword
  range (``13-14 membelinya`` = ``membeli`` + ``nya``).  A range is scored as its
  surface form against the LEMMA of its first part (``membelinya`` -> ``beli``),
  since a stemmer sees the surface form and the clitic carries no stem of its own.
* Word tokens only: the surface form is letters, optionally joined by hyphens
  (``[^\\W\\d_]+(?:-[^\\W\\d_]+)*``).  Punctuation, numbers, symbols and forms
  with digits (``COVID-19``) are left out; proper nouns are kept (protecting
  them is part of what is measured).
* Both sides are lowercased.  The stemmers see the form as written in the
  sentence (``Bekasi``); no sentence context is used (the token table's
  contextual name protection is not applied here).
* The UD LEMMA conventions differ between the treebanks (GSD keeps many
  derived forms such as ``perusahaan`` whole, CSUI strips more), so no stemmer
  reaches 1.0; the comparison between stemmers is what counts.

Run: ``.venv/bin/python bench/stem_eval.py ../shared/data/ud/*.conllu``
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from telaah.stemmer import Stemmer

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def surface_tokens(path: str | Path) -> list[tuple[str, str]]:
    """``(surface form, lemma)`` of every surface token of a CoNLL-U file (ranges scored by their first part)."""
    tokens: list[tuple[str, str]] = []
    span: tuple[int, int, str] | None = None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                span = None
                continue
            cols = line.rstrip("\n").split("\t")
            ident = cols[0]
            if "." in ident:  # empty nodes
                continue
            if "-" in ident:
                first, last = map(int, ident.split("-"))
                span = (first, last, cols[1])
                continue
            i = int(ident)
            if span and span[0] <= i <= span[1]:
                if i == span[0]:
                    tokens.append((span[2], cols[2]))
                continue
            tokens.append((cols[1], cols[2]))
    return tokens


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Stem agreement with UD lemmas: Sastrawi vs Telaah")
    parser.add_argument("conllu", nargs="+", help="CoNLL-U files (e.g. ../shared/data/ud/*.conllu)")
    parser.add_argument("--sample", type=int, default=25, help="wins and losses to show")
    args = parser.parse_args(argv)

    sastrawi = StemmerFactory().create_stemmer()
    exact = Stemmer(exact=True, cache=False)
    ours = Stemmer(cache=False)
    no_overrides = Stemmer(cache=False, overrides={})  # names + remedy only: what the general rules give
    totals = Counter()
    wins: Counter = Counter()
    losses: Counter = Counter()
    sources = Counter()
    source_ok = Counter()
    print(f"{'treebank':28} {'tokens':>7} {'Sastrawi':>9} {'exact':>7} {'Telaah':>7} {'no-overrides':>13}")
    for path in args.conllu:
        pairs = [(f, lemma.lower()) for f, lemma in surface_tokens(path) if WORD.fullmatch(f)]
        n = len(pairs)
        t0 = time.perf_counter()
        s_ok = e_ok = o_ok = g_ok = 0
        for form, lemma in pairs:
            s = sastrawi.stem(form)
            e = exact.stem(form)
            o, src = ours.stem_with_source(form)
            s_ok += s == lemma
            e_ok += e == lemma
            o_ok += o == lemma
            g_ok += no_overrides.stem(form) == lemma
            sources[src] += 1
            source_ok[src] += o == lemma
            if o != s:
                totals["differ"] += 1
                key = (form.lower(), s, o, lemma, src)
                if o == lemma:
                    wins[key] += 1
                elif s == lemma:
                    losses[key] += 1
                else:
                    totals["both wrong"] += 1
        totals["n"] += n
        totals["sastrawi"] += s_ok
        totals["exact"] += e_ok
        totals["telaah"] += o_ok
        totals["general"] += g_ok
        print(f"{Path(path).name:28} {n:7d} {s_ok / n:9.4f} {e_ok / n:7.4f} {o_ok / n:7.4f} {g_ok / n:13.4f}"
              f"   ({time.perf_counter() - t0:.1f} s)")
    n = totals["n"]
    print(f"{'all':28} {n:7d} {totals['sastrawi'] / n:9.4f} {totals['exact'] / n:7.4f} {totals['telaah'] / n:7.4f}"
          f" {totals['general'] / n:13.4f}")
    print("(no-overrides: Telaah's default without data/id/stem-overrides.csv, i.e. protected names and the remedy alone)")
    print()
    print(f"tokens where Telaah's stem differs from Sastrawi's: {totals['differ']} "
          f"(Telaah right {sum(wins.values())}, Sastrawi right {sum(losses.values())}, both wrong {totals['both wrong']})")
    print("agreement by stem_source: " + ", ".join(f"{s} {source_ok[s]}/{sources[s]} = {source_ok[s] / sources[s]:.3f}" for s in sorted(sources)))
    for title, counter in (("wins", wins), ("losses", losses)):
        print(f"\n{title} (count  word: Sastrawi -> Telaah [source], gold):")
        for (form, s, o, lemma, src), count in counter.most_common(args.sample):
            print(f"  {count:3d}  {form}: {s} -> {o} [{src}], gold {lemma}")


if __name__ == "__main__":
    main()
