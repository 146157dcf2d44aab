"""Speed and quality of Telaah's topic models (telaah.topics) on a large corpus.

Usage:
    .venv/bin/python bench/topics.py ../shared/data/indosum-dev-text.jsonl [--k 10] [--ks 2-12] [--random-states 0,1,2] [--limit N] [--lda]

Times, on the same machine and in the same run:

* building the token table (separately: every analysis shares it);
* ``fit_topics(k=10, method="nmf")`` (target <= 10 s on the 3,463 IndoSum articles);
* baseline: scikit-learn alone, ``TfidfVectorizer`` with its default tokenizer on the raw text
  (same min_df/max_df, no stemming, no stopword list) + ``NMF(init="nndsvd")``; the ratio is
  printed, and its top terms next to Telaah's so the quality can be compared;
* ``topic_themes`` on the fitted model;
* ``choose_k(ks=2..12, random_states=(0, 1, 2))`` (target <= 2 minutes);
* with ``--lda``: ``fit_topics(k=10, method="lda")`` for information.

It prints the recommended k with its reason and the top terms of the k topics: on news they
should read as recognisable subjects (sport, politics, economy, entertainment, technology ...).
"""

from __future__ import annotations

import argparse
import time

import numpy as np

FIT_TARGET = 10.0
CHOOSE_K_TARGET = 120.0


def _ks(text: str) -> range:
    low, _, high = text.partition("-")
    return range(int(low), int(high or low) + 1)


def _verdict(seconds: float, target: float) -> str:
    return f"{seconds:7.2f} s   (target <= {target:.0f} s: {'ok' if seconds <= target else 'OVER'})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="corpus file or folder (e.g. ../shared/data/indosum-dev-text.jsonl)")
    parser.add_argument("--k", type=int, default=10, help="topics for the single fit (default 10)")
    parser.add_argument("--ks", type=_ks, default=range(2, 13), help="ks for choose_k, as LOW-HIGH (default 2-12)")
    parser.add_argument("--random-states", default="0,1,2", help="random states (seeds) for choose_k (default 0,1,2)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents")
    parser.add_argument("--lda", action="store_true", help="also time LDA with k topics")
    args = parser.parse_args()
    random_states = tuple(int(s) for s in args.random_states.split(","))

    started = time.perf_counter()
    import sklearn.decomposition  # noqa: F401  (imports are timed apart from the work)
    import sklearn.feature_extraction.text  # noqa: F401

    import telaah
    from telaah.corpus import read_corpus
    from telaah.table import token_table
    from telaah.topics import choose_k, fit_topics, topic_themes

    print(f"imports (telaah, scikit-learn): {time.perf_counter() - started:.2f} s")

    corpus = read_corpus(args.path)
    if args.limit:
        corpus = corpus.head(args.limit)
    started = time.perf_counter()
    tokens = token_table(corpus, progress=False)
    table_seconds = time.perf_counter() - started
    words = int((tokens["kind"] == "word").sum())
    print(f"corpus: {len(corpus):,} documents, {len(tokens):,} tokens ({words:,} words); telaah {telaah.__version__}")
    print(f"token table:                  {table_seconds:7.2f} s   (built once, shared by every analysis)")

    started = time.perf_counter()
    result = fit_topics(tokens, args.k, method="nmf")
    fit_seconds = time.perf_counter() - started
    print(f"fit_topics(k={args.k}, nmf):       {_verdict(fit_seconds, FIT_TARGET)}")
    print(f"    {result}; min_df={result.options['min_df']}, max_df={result.options['max_df']}, NMF iterations {result.model.n_iter_}")

    base_seconds, base_terms = _baseline(corpus["text"].tolist(), args.k, result.options["min_df"], result.options["max_df"])
    print(f"baseline sklearn raw text:    {base_seconds:7.2f} s   (TfidfVectorizer default tokenizer + NMF nndsvd)")
    print(f"    ratio telaah / baseline:  {fit_seconds / base_seconds:.2f} (the token table excluded; it is built once)")

    started = time.perf_counter()
    aligned = topic_themes(result)
    print(f"topic_themes:                 {time.perf_counter() - started:7.2f} s")

    if args.lda:
        started = time.perf_counter()
        lda = fit_topics(tokens, args.k, method="lda")
        print(f"fit_topics(k={args.k}, lda):       {time.perf_counter() - started:7.2f} s   (information only) {lda}")

    started = time.perf_counter()
    table = choose_k(tokens, ks=args.ks, random_states=random_states)
    choose_seconds = time.perf_counter() - started
    print(f"choose_k(ks={args.ks.start}..{args.ks.stop - 1}, random_states={random_states}): {_verdict(choose_seconds, CHOOSE_K_TARGET)}")
    print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print(f"recommended k = {table.attrs['recommended']}: {table.attrs['reason']}")

    print(f"\nTelaah NMF, k={args.k}: top terms (stems), coherence (NPMI) and prevalence")
    summary = result.summary(top=10)
    for row in summary.itertuples():
        print(f"  {row.topic:2d}  coh {row.coherence:5.2f}  prev {row.prevalence:4.2f}  {row.top_terms}")
    best_theme = aligned.loc[aligned.groupby("topic")["share"].idxmax()]
    themed = [f"{t}: {th} {s:.2f}" for t, th, s in zip(best_theme.topic, best_theme.theme, best_theme.share, strict=True) if s > 0.05]
    print("  best-aligned theme (share > 0.05): " + ("; ".join(themed) or "none"))
    print(f"\nbaseline (sklearn on raw text), k={args.k}: top terms")
    for topic, words_ in enumerate(base_terms):
        print(f"  {topic:2d}  {' '.join(words_)}")


def _baseline(texts: list[str], k: int, min_df: int | float, max_df: int | float) -> tuple[float, list[list[str]]]:
    """scikit-learn alone: its own tokenizer on the raw text, the same pruning, NMF started by NNDSVD."""
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    started = time.perf_counter()
    vectorizer = TfidfVectorizer(min_df=min_df, max_df=max_df, sublinear_tf=True)
    X = vectorizer.fit_transform(texts)
    model = NMF(n_components=k, init="nndsvd", random_state=0, max_iter=1000).fit(X)
    seconds = time.perf_counter() - started
    vocab = vectorizer.get_feature_names_out()
    return seconds, [list(vocab[np.argsort(-row)[:10]]) for row in model.components_]


if __name__ == "__main__":
    main()
