"""Span-level accuracy of `telaah.entities` on an IOB-annotated news set (idner-news-2k dev).

Usage::

    .venv/bin/python bench/ner_eval.py ../shared/data/ner/idner-dev.txt

Three systems, each scored on the same gold spans with exact span match:

* ``is_name runs``: the baseline, runs of the token table's ``is_name`` words
  (untyped only);
* ``crf, gold sentences``: the bundled CRF on the file's sentences;
* ``entities()``: the whole pipeline on raw text (each sentence's tokens joined
  by spaces, then tokenized and split into sentences by Telaah).

Everything is scored on Telaah's tokens: the gold tags are carried over to them
by :func:`telaah.ner.retokenize` (the file writes ``(Jokowi)`` as one token;
Telaah splits the brackets off, and they are outside the name), and spans are
compared as character offsets.

Precision, recall and F1 are printed typed (span and label must match) and
untyped (the span alone), with F1 per label.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

import telaah.ner
from telaah import entities, token_table
from telaah.ner import read_iob, retokenize, spans_from_tags, tag_sentences
from telaah.tokenize import scan


def _prf(gold: set, found: set) -> tuple[float, float, float]:
    hit = len(gold & found)
    p = hit / len(found) if found else 0.0
    r = hit / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _report(name: str, gold: set, found: set, *, typed: bool = True) -> None:
    untyped = _prf({g[:-1] for g in gold}, {f[:-1] for f in found})
    line = f"{name:<22} untyped P {untyped[0]:.3f} R {untyped[1]:.3f} F1 {untyped[2]:.3f}"
    if typed:
        p, r, f = _prf(gold, found)
        per = []
        for label in ("PER", "ORG", "LOC"):
            per.append(f"{label} {_prf({g for g in gold if g[-1] == label}, {x for x in found if x[-1] == label})[2]:.3f}")
        line += f" | typed P {p:.3f} R {r:.3f} F1 {f:.3f} ({', '.join(per)})"
    print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="IOB file (TOKEN POS TAG), e.g. idner-dev.txt")
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong spans of entities()")
    parser.add_argument("--gazetteers", action="store_true", help="score entities(..., gazetteers=True)")
    parser.add_argument("--model", type=Path, help="a model from tools/train_ner.py --out (default: the bundled one)")
    args = parser.parse_args(argv)
    if args.model:
        telaah.ner.model_path = lambda: args.model  # before the first tagger() call
    sentences = read_iob(args.gold)
    print(f"{args.gold.name}: {len(sentences)} sentences, {sum(len(w) for w, _ in sentences)} tokens")

    # Gold spans on Telaah's tokens (retokenize: "(Jokowi)" -> "(" "Jokowi" ")", brackets outside the
    # name), as token positions and as characters of the sentence's words joined by spaces.
    gold_tok, gold_chr, texts, retokenized = set(), set(), [], []
    for k, (words, tags) in enumerate(sentences):
        text = " ".join(words)
        texts.append(text)
        forms, new_tags = retokenize(words, tags)
        _, starts, ends, _ = scan(text)
        retokenized.append(forms)
        for first, last, label in spans_from_tags(new_tags):
            gold_tok.add((k, first, last, label))
            gold_chr.add((f"s{k}", starts[first], ends[last - 1], label))
    print(f"gold spans: {len(gold_tok)} ({dict(Counter(g[-1] for g in gold_tok))})")

    started = time.perf_counter()
    tagged = tag_sentences(retokenized)
    crf = {(k, a, b, label) for k, tags in enumerate(tagged) for a, b, label in spans_from_tags(tags)}
    crf_time = time.perf_counter() - started

    corpus = pd.DataFrame({"doc_id": [f"s{k}" for k in range(len(texts))], "text": texts})
    tokens = token_table(corpus, progress=False)
    started = time.perf_counter()
    found = entities(corpus, tokens=tokens, gazetteers=args.gazetteers)
    ent_time = time.perf_counter() - started
    pipeline = set(zip(found.doc_id, found.start, found.end, found.label.astype(str), strict=True))

    runs = set()
    for doc, sent in tokens.groupby(["doc_id", "sent_id"], observed=True, sort=False):
        start = None
        rows = list(zip(sent.is_name, sent.start, sent.end, strict=True))
        for i, (name, a, _) in enumerate(rows + [(False, 0, 0)]):
            if name and start is None:
                start = a
            if not name and start is not None:
                runs.add((doc[0], start, rows[i - 1][2], "?"))
                start = None

    _report("is_name runs", gold_chr, runs, typed=False)
    _report("crf, gold sentences", gold_tok, crf)
    _report("entities(gazetteers=True)" if args.gazetteers else "entities()", gold_chr, pipeline)
    print(f"time: crf on gold tokens {crf_time:.2f} s, entities() {ent_time:.2f} s")
    if args.errors:
        text_of = dict(zip(corpus.doc_id, corpus.text, strict=True))
        missed = sorted(gold_chr - pipeline)[: args.errors]
        extra = sorted(pipeline - gold_chr)[: args.errors]
        for title, spans in (("missed (gold, not found)", missed), ("wrong (found, not gold)", extra)):
            print(f"\n{title}:")
            for doc, a, b, label in spans:
                t = text_of[doc]
                print(f"  {label} {t[a:b]!r:<32} ... {t[max(0, a - 40):a]}[{t[a:b]}]{t[b:b + 30]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
