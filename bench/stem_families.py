"""Build ``data/id/root-families.tsv``: how much general Indonesian uses each stem root.

The stemmer's remedy (``telaah.stemmer``) chooses between competing roots of a
word (``gerakan``: Sastrawi's ``gera`` or ``gerak``?) by the frequency of each
root's *word family*.  This script measures it on wordfreq's Indonesian list
(about 31,000 words, frequencies from web text, subtitles, Wikipedia and news)
and writes the table.

Only *unambiguous* words vote (remedy version 2).  A word counts for a root
when the root is the word itself (a word of Sastrawi's dictionary) or the only
root that Sastrawi's affix rules reach from it: ``bergerak``, ``menggerakkan``
and ``gerak`` count for ``gerak``; ``gerakan`` (``gera+kan`` or ``gerak+an``),
``beragam`` (``ber+agam`` or ``be+ragam``) and ``menikah`` (``meni+kah`` or
``meN+nikah``) count for no root in a first pass, since they are what the table
must decide.  A second pass lets each ambiguous word vote for the root that the
remedy gives it on the first pass's families (``diberikan`` then counts for
``beri``, ``beragam`` for ``ragam``): decided on unambiguous evidence only,
so no word's vote rests on its own.
(Version 1 let every word vote for the root the stemmer gave it and iterated
to a fixed point; groups of ambiguous words then kept voting for each other's
wrong root: ``beragam`` and ``keberagaman`` for ``agam``, ``menikah`` for
``meni``, a word nobody uses on its own.)  Roots reached only through the loan
suffixes ``-is``/``-isme``/``-isasi`` or through an infix, or that are affixes
themselves, do not count as competitors.  Protected names and overridden words are left out, as
the stemmer never applies the remedy to them.

Run it again when Sastrawi's dictionary, the remedy rules or the names and
overrides change:

    .venv/bin/python bench/stem_families.py data/id/root-families.tsv
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from importlib import metadata

import wordfreq

from telaah.lang_id import protected_names, stem_overrides
from telaah.stemmer import _NOT_ROOTS, _engine, _engine_without_infixes, _Remedy


def _zipf(frequency: float) -> float:
    return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0


def roots_of(remedy: _Remedy, word: str, sastrawi: str) -> set[str]:
    """The dictionary roots ``word`` may have: Sastrawi's and every valid segmentation's."""
    roots = {root for root, cand in remedy.segmentations(word).items() if cand.valid}
    if sastrawi != word and sastrawi in remedy._words and sastrawi not in _NOT_ROOTS:
        if sastrawi in roots or not remedy._foreign_suffix_only(word, sastrawi):
            roots.add(sastrawi)
    return roots


def build(two_pass: bool = True) -> tuple[dict[str, float], dict[str, str], int]:
    """Return ``(family zipf per root, the root each voting word counts for, number of ambiguous words)``."""
    engine = _engine()
    start = _engine_without_infixes().stem_singular_word  # the remedy never strips infixes
    skip = set(protected_names()) | set(stem_overrides())
    words = {w: f for w, f in wordfreq.get_frequency_dict("id").items() if re.fullmatch(r"[a-z]+", w) and w not in skip}
    remedy = _Remedy(engine, {})
    raw: Counter = Counter()
    votes: dict[str, str] = {}
    ambiguous = 0
    for w, f in words.items():
        if w in engine.words:
            roots = {w}
        else:
            sastrawi = start(w)
            roots = roots_of(remedy, w, sastrawi) if sastrawi != w else set()
        if len(roots) == 1:
            votes[w] = root = next(iter(roots))
            raw[root] += f
        elif roots:
            ambiguous += 1
    if two_pass:
        # Second pass: each ambiguous word votes for the root the remedy gives it on the unambiguous families.
        remedy.families = {root: _zipf(f) for root, f in raw.items()}
        second: Counter = Counter()
        for w, f in words.items():
            if w not in votes and w not in engine.words:
                sastrawi = start(w)
                if sastrawi != w and len(roots_of(remedy, w, sastrawi)) > 1:
                    root = remedy.decide(w, sastrawi)[0]
                    if root in engine.words:
                        votes[w] = root
                        second[root] += f
        raw.update(second)
    table = {root: _zipf(f) for root, f in sorted(raw.items())}
    print(f"{len(words)} words: {len(votes)} vote, {ambiguous} ambiguous; {len(table)} roots", file=sys.stderr)
    return table, votes, ambiguous


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="the TSV to write, normally data/id/root-families.tsv")
    args = parser.parse_args(argv)
    table, votes, ambiguous = build()
    header = f"""\
# Root families: how much general Indonesian uses each stem root (data/id/root-families.tsv).
#
# Columns (tab-separated): root, Zipf frequency of its word family.  A root's family is
# the root itself and every word whose only possible root it is (gerak: gerak, bergerak,
# menggerakkan, penggerak, ...); Zipf = log10(occurrences per billion words), summed over
# the family.  Words with several possible roots (gerakan: gera+kan or gerak+an) vote
# only for the root the remedy gives them on those unambiguous counts.  Telaah's remedy
# uses the table to choose between the roots that Sastrawi's affix rules allow for a
# word: gerakan is gerak+an (family 5.6), not gera+kan (gera: rare).
#
# Generated by bench/stem_families.py from wordfreq {metadata.version("wordfreq")} ("id", {len(votes)} voting
# words, {ambiguous} of them ambiguous) and PySastrawi {metadata.version("pysastrawi")}.
# Do not edit by hand: rerun the script.
"""
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(header)
        for root, zipf in table.items():
            handle.write(f"{root}\t{zipf:.2f}\n")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
