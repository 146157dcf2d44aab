"""Telaah: close study of Indonesian text.

A lossless Indonesian text pipeline (tokens with offsets, sentences),
Sastrawi stemming that is fast and better by default, stopwords, a tidy token
table, and the analyses built on it: frequencies, collocations, concordance
(KWIC), keyness, themes and topics; reproducible reports (:func:`make_report`)
and an interactive explorer (:func:`explorer`).  Charts live in :mod:`telaah.plots`.

Examples
--------
>>> import telaah
>>> tokens = telaah.token_table(["Jepang dan Rusia memperkuat kerja sama pertahanan."])
>>> tokens.stem.astype(str).tolist()
['jepang', 'dan', 'rusia', 'kuat', 'kerja', 'sama', 'tahan', '.']
"""

from __future__ import annotations

from telaah._columns import ensure_tokens
from telaah.actors import actor_themes
from telaah.boilerplate import boilerplate, drop_boilerplate
from telaah.concordance import dispersion, kwic, segment_counts, term_trends
from telaah.corpus import paragraph_spans, read_corpus, read_sample, sample_corpus_path
from telaah.entities import entities
from telaah.errors import CorpusError
from telaah.explore import explorer, theme_profile, topics_for_k, word_profile
from telaah.freq import (
    collocations,
    frequencies,
    ngrams,
    tfidf,
    vocabulary,
    zipf_table,
)
from telaah.keywords import keyness
from telaah.quotes import quotes
from telaah.report import ReportError, make_report
from telaah.sentences import Span, split_sentences
from telaah.stemmer import Stemmer, default_stemmer, sastrawi_steps, stem
from telaah.stopwords import compare_stopwords, stopwords
from telaah.table import token_table
from telaah.themes import (
    extend_lexicon,
    lexicon_coverage,
    load_lexicon,
    theme_cooccurrence,
    theme_matches,
    theme_scores,
    theme_tokens,
    theme_trends,
)
from telaah.tokenize import Token, tokenize
from telaah.topics import (
    TopicResult,
    choose_k,
    fit_topics,
    topic_prevalence,
    topic_themes,
)

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "actor_themes",
    "boilerplate",
    "CorpusError",
    "ReportError",
    "Span",
    "Stemmer",
    "Token",
    "TopicResult",
    "choose_k",
    "collocations",
    "compare_stopwords",
    "default_stemmer",
    "dispersion",
    "drop_boilerplate",
    "ensure_tokens",
    "entities",
    "explorer",
    "extend_lexicon",
    "fit_topics",
    "frequencies",
    "keyness",
    "kwic",
    "lexicon_coverage",
    "load_lexicon",
    "make_report",
    "ngrams",
    "paragraph_spans",
    "quotes",
    "read_corpus",
    "read_sample",
    "sample_corpus_path",
    "sastrawi_steps",
    "segment_counts",
    "split_sentences",
    "stem",
    "stopwords",
    "tfidf",
    "theme_cooccurrence",
    "theme_matches",
    "theme_profile",
    "theme_scores",
    "theme_tokens",
    "theme_trends",
    "term_trends",
    "token_table",
    "tokenize",
    "topic_prevalence",
    "topic_themes",
    "topics_for_k",
    "vocabulary",
    "word_profile",
    "zipf_table",
]
