"""Speed of `telaah.entities` and `telaah.quotes` on a corpus, the token table already built.

Usage::

    .venv/bin/python bench/actors.py ../shared/data/indosum-dev-text.jsonl [--repeat 2]

Prints the corpus size, the time of the token table (the baseline every analysis
starts from, measured in the same run), of ``entities`` and of ``quotes`` (given
the entities), with their ratios to the token table, the rows found, and the
peak memory each adds (tracemalloc), per mention.
"""

from __future__ import annotations

import argparse
import sys
import tracemalloc
from pathlib import Path

from _timing import best_of

from telaah import entities, quotes, read_corpus, token_table


def _peak(fn) -> tuple[float, object]:
    tracemalloc.start()
    result = fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    corpus = read_corpus(args.corpus)
    table_time, tokens = best_of(lambda: token_table(corpus, progress=False), 1)
    words = int((tokens["kind"] == "word").sum())
    print(f"{args.corpus.name}: {len(corpus)} documents, {len(tokens):,} tokens, {words:,} words")
    print(f"token_table           {table_time:6.2f} s  (baseline)")
    ent_time, found = best_of(lambda: entities(corpus, tokens=tokens), args.repeat)
    print(f"entities              {ent_time:6.2f} s  ratio {ent_time / table_time:.2f}  {len(found):,} mentions ({found.label.value_counts().to_dict()})")
    q_time, said = best_of(lambda: quotes(corpus, tokens=tokens, mentions=found), args.repeat)
    print(f"quotes                {q_time:6.2f} s  ratio {q_time / table_time:.2f}  {len(said):,} statements ({said.kind.value_counts().to_dict()})")
    ent_peak, _ = _peak(lambda: entities(corpus, tokens=tokens))
    q_peak, _ = _peak(lambda: quotes(corpus, tokens=tokens, mentions=found))
    print(f"peak memory added: entities {ent_peak:.0f} MB ({ent_peak * 1e6 / max(len(found), 1):.0f} B a mention, {ent_peak * 1e6 / len(tokens):.0f} B a token); "
          f"quotes {q_peak:.0f} MB ({q_peak * 1e6 / max(len(said), 1):.0f} B a statement)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
