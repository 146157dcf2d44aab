"""Stem quality: agreement with the LEMMA column of Universal Dependencies Indonesian treebanks.

Compares, in the same run, PySastrawi as shipped (``StemmerFactory().create_stemmer().stem``),
``telaah.Stemmer(exact=True)`` (must equal it), Telaah's default ``Stemmer()`` and nlp-id's
lemmatizer (``nlp_id.lemmatizer.Lemmatizer().lemmatize``, version 0.1.23).  nlp-id is never imported
here: it runs in its own virtual environment, as a subprocess (``bench/nlpid_lemmas.py``) that
reads the distinct words and writes their lemmas::

    python3 -m venv /work/nlpid-venv && /work/nlpid-venv/bin/pip install nlp-id==0.1.23

Agreement is printed over tokens (each surface token) and over types (each distinct lowercased
form with its gold lemma once, as the issue's held-out figures count).

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

Run: ``.venv/bin/python bench/stem_eval.py ../shared/data/ud/*.conllu [--nlp-id PYTHON] [--errors FILE]``
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
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


def nlp_id_lemmas(python: str, words: list[str]) -> list[str]:
    """nlp-id's lemma of each word, from another environment's ``python`` running ``bench/nlpid_lemmas.py``."""
    script = Path(__file__).with_name("nlpid_lemmas.py")
    result = subprocess.run(
        [python, str(script)], input="".join(w + "\n" for w in words), capture_output=True, text=True,
        encoding="utf-8", check=True,
    )
    lemmas = result.stdout.split("\n")[: len(words)]
    if len(lemmas) != len(words):
        raise RuntimeError(f"nlp-id returned {len(lemmas)} lemmas for {len(words)} words: {result.stderr[-500:]}")
    return lemmas


def _default_nlp_id() -> str | None:
    for candidate in (os.environ.get("NLPID_PYTHON"), "/work/nlpid-venv/bin/python"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Stem agreement with UD lemmas: Sastrawi vs Telaah vs nlp-id")
    parser.add_argument("conllu", nargs="+", help="CoNLL-U files (e.g. ../shared/data/ud/*.conllu)")
    parser.add_argument("--sample", type=int, default=25, help="wins and losses to show")
    parser.add_argument("--nlp-id", default=_default_nlp_id(), metavar="PYTHON",
                        help="python of a separate venv with nlp-id installed (default: $NLPID_PYTHON or "
                             "/work/nlpid-venv/bin/python if present); 'none' to skip")
    parser.add_argument("--errors", metavar="TSV", help="write every token type Telaah gets wrong, with all stems")
    args = parser.parse_args(argv)
    nlp_python = None if (args.nlp_id or "none") == "none" else args.nlp_id

    sastrawi = StemmerFactory().create_stemmer()
    exact = Stemmer(exact=True, cache=False)
    ours = Stemmer(cache=False)
    no_overrides = Stemmer(cache=False, overrides={})  # names + remedy only: what the general rules give
    treebanks = [(Path(path).name, [(f, lemma.lower()) for f, lemma in surface_tokens(path) if WORD.fullmatch(f)])
                 for path in args.conllu]
    nlp: dict[str, str] = {}
    if nlp_python:
        t0 = time.perf_counter()
        words = sorted({f for _, pairs in treebanks for f, _ in pairs})
        try:
            nlp = dict(zip(words, nlp_id_lemmas(nlp_python, words), strict=True))
        except (OSError, subprocess.CalledProcessError, RuntimeError) as exc:
            print(f"nlp-id not measured ({nlp_python}): {exc}")
        else:
            print(f"nlp-id {len(words)} distinct words in {time.perf_counter() - t0:.1f} s (subprocess of {nlp_python})")
    columns = ["Sastrawi", "exact", "Telaah", "no-overr.", "nlp-id"]
    totals: dict[str, Counter] = {"tokens": Counter(), "types": Counter()}
    wins: Counter = Counter()
    losses: Counter = Counter()
    errors: Counter = Counter()
    sources = Counter()
    source_ok = Counter()
    rows = []
    for name, pairs in treebanks:
        t0 = time.perf_counter()
        ok: dict[str, Counter] = {"tokens": Counter(), "types": Counter()}
        seen = set()
        for form, lemma in pairs:
            s = sastrawi.stem(form)
            o, src = ours.stem_with_source(form)
            got = {"Sastrawi": s, "exact": exact.stem(form), "Telaah": o, "no-overr.": no_overrides.stem(form),
                   "nlp-id": nlp.get(form)}
            first = (form.lower(), lemma) not in seen
            seen.add((form.lower(), lemma))
            for col, value in got.items():
                ok["tokens"][col] += value == lemma
                if first:
                    ok["types"][col] += value == lemma
            ok["tokens"]["n"] += 1
            ok["types"]["n"] += first
            sources[src] += 1
            source_ok[src] += o == lemma
            if o != lemma:
                errors[(name, form.lower(), lemma, o, s, got["nlp-id"] or "", src)] += 1
            if o != s:
                totals["tokens"]["differ"] += 1
                key = (form.lower(), s, o, lemma, src)
                if o == lemma:
                    wins[key] += 1
                elif s == lemma:
                    losses[key] += 1
                else:
                    totals["tokens"]["both wrong"] += 1
        for unit in ("tokens", "types"):
            totals[unit].update(ok[unit])
        rows.append((name, ok, time.perf_counter() - t0))
    rows.append(("all", totals, None))
    for unit in ("tokens", "types"):
        print(f"\nagreement over {unit} ({'each surface token' if unit == 'tokens' else 'each distinct (form, lemma) once'})")
        print(f"{'treebank':26} {unit:>7} " + " ".join(f"{c:>9}" for c in columns))
        for name, ok, seconds in rows:
            n = ok[unit]["n"]
            cells = " ".join(f"{ok[unit][c] / n:9.4f}" if c != "nlp-id" or nlp else f"{'-':>9}" for c in columns)
            print(f"{name:26} {n:7d} {cells}" + (f"   ({seconds:.1f} s)" if seconds is not None and unit == "tokens" else ""))
    print("(exact: Stemmer(exact=True), must equal Sastrawi; no-overr.: Telaah's default without "
          "data/id/stem-overrides.csv, i.e. protected names and the remedy alone)")
    print()
    t = totals["tokens"]
    print(f"tokens where Telaah's stem differs from Sastrawi's: {t['differ']} "
          f"(Telaah right {sum(wins.values())}, Sastrawi right {sum(losses.values())}, both wrong {t['both wrong']})")
    print("agreement by stem_source: " + ", ".join(f"{s} {source_ok[s]}/{sources[s]} = {source_ok[s] / sources[s]:.3f}" for s in sorted(sources)))
    for title, counter in (("wins", wins), ("losses", losses)):
        print(f"\n{title} (count  word: Sastrawi -> Telaah [source], gold):")
        for (form, s, o, lemma, src), count in counter.most_common(args.sample):
            print(f"  {count:3d}  {form}: {s} -> {o} [{src}], gold {lemma}")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as handle:
            handle.write("count\ttreebank\tword\tgold\ttelaah\tsastrawi\tnlp_id\tsource\n")
            for key, count in errors.most_common():
                handle.write("\t".join((str(count), *key)) + "\n")
        print(f"\nwrote {len(errors)} error types to {args.errors}")


if __name__ == "__main__":
    main()
