"""Memory of one huge document: the token table of a corpus joined into one document, against the same corpus as its documents.

Usage::

    .venv/bin/python bench/one_document.py ../shared/data/indosum-dev-text.jsonl [--mb 100]

The corpus's texts are repeated until about ``--mb`` megabytes and joined with blank lines into
one document; the same texts are also given as separate documents (the baseline).  Each table is
built in a fresh subprocess (one process, ``processes=1``) that prints its peak resident memory
(``ru_maxrss``), its seconds and its tokens.  Printed: bytes a token at the peak for both, and the
ratio (1.0: one document costs what many do).  A document longer than ``_SEGMENT_CHARS`` is cut
at paragraph starts and scanned in chunks, so its peak no longer grows with its length.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

CHILD = """
import json, resource, sys, time
from telaah import token_table
texts = json.load(open(sys.argv[1], encoding="utf-8"))
one = sys.argv[2] == "one"
started = time.perf_counter()
table = token_table(["\\n\\n".join(texts)] if one else texts, processes=1)
print(json.dumps({"seconds": time.perf_counter() - started, "tokens": len(table),
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--mb", type=float, default=100)
    args = parser.parse_args(argv)
    texts = [json.loads(line)["text"] for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted, chosen, size = args.mb * 1e6, [], 0
    while size < wanted:
        for text in texts:
            chosen.append(text)
            size += len(text.encode("utf-8"))
            if size >= wanted:
                break
    scratch = Path(sys.argv[0]).resolve().parent / ".one_document_texts.json"
    scratch.write_text(json.dumps(chosen, ensure_ascii=False), encoding="utf-8")
    try:
        results = {}
        for mode in ("many", "one"):
            done = subprocess.run([sys.executable, "-c", CHILD, str(scratch), mode], capture_output=True, text=True, check=True)
            results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
            r = results[mode]
            label = f"{len(chosen):,} documents" if mode == "many" else "one document"
            print(f"{label:>18}: {r['tokens']:,} tokens in {r['seconds']:.1f} s, peak {r['peak'] / 2**20:,.0f} MB = {r['peak'] / r['tokens']:.0f} bytes a token")
    finally:
        scratch.unlink(missing_ok=True)
    print(f"ratio one / many (peak bytes a token): {results['one']['peak'] / results['many']['peak']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
