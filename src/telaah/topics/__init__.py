"""Topic models on the token table: NMF and LDA, choosing k, topics read against the themes.

A topic model looks for groups of terms that tend to occur in the same units
(documents, paragraphs or sentences) and describes each unit as a mixture of
those groups.  Telaah fits scikit-learn's models on the token table's terms,
so the topics are made of the same stems (or forms) as every other analysis:

:func:`fit_topics`
    One model: NMF (non-negative matrix factorisation of the TF-IDF matrix)
    or LDA (latent Dirichlet allocation on the counts).  Returns a
    :class:`TopicResult` with tidy tables of terms per topic and topics per
    unit, a readable label and an NPMI coherence per topic.
:func:`choose_k`
    Fits every number of topics in ``ks`` with several random states and
    reports the mean coherence and the stability across them, with a
    recommended ``k`` and the reason for it.
:func:`topic_themes`
    How much of each topic's weight the theme lexicon of :mod:`telaah.themes`
    recognises.
:func:`topic_prevalence`
    How much of the text each topic takes up along segments: paragraphs,
    documents, dates, sources or any column of the corpus (``groupby``).

The code lives in four modules: :mod:`telaah.topics.model` (from the token
table to a fitted :class:`TopicResult`), :mod:`telaah.topics.quality`
(coherence and stability), :mod:`telaah.topics.choose` (:func:`choose_k`) and
:mod:`telaah.topics.reading` (themes and prevalence); import from
:mod:`telaah.topics`.

Units
-----
``unit`` is the unit of analysis, defined once for themes and topics by
:func:`telaah._columns.unit_columns`: ``"document"`` (each ``doc_id``),
``"paragraph"`` (``para_id`` within each document; each ``doc_id`` of a
corpus read by paragraph) or ``"sentence"`` (``sent_id`` within each
document).  Units are numbered by :func:`telaah._columns.group_ids`, in the
order of their ids (for a token table: the order of the text).

Which terms are modelled
------------------------
Word tokens only (``kind == "word"``): no numbers, punctuation, URLs; by
default no stopwords (``drop_stop=True``); no term shorter than ``min_chars``
characters (2: keeps *as* for Amerika Serikat, *uu*, *ri*) and no term
without a letter.  Terms with a digit stay (*f1*, *moto2*, *s8*): in news
they name things.

Then terms too rare or too common to tell units apart are pruned by document
frequency, with a rule that adapts to the number of units ``n``:

* ``min_df``: 1 when ``n < 10``, otherwise ``max(2, n // 500)`` units.  A term
  seen in a single unit says nothing about which terms occur *together*.
  (14 paragraphs: 2; 3,463 news articles: 6.)
* ``max_df``: 1.0 when ``n < 10``, otherwise 0.5 (a share of units).  A term
  in more than half of the units (*Jepang* and *Rusia* in an article on Japan
  and Russia; *Indonesia* and *Jakarta* in Indonesian news) describes the whole
  corpus, not a topic.

Both can be given explicitly, as an int (units) or a float (share of units),
exactly as in scikit-learn's vectorizers.  Units left with no term are not
modelled (``TopicResult.empty_units`` lists them).

How many terms
--------------
``top`` is how many terms are kept or shown (``fit_topics(top=20)`` keeps 20
per topic, ``TopicResult.summary(top=8)`` shows 8, ``topic_themes(top=20)``
reads 20); ``coherence_top`` is how many of each topic's heaviest terms the
NPMI coherence reads (10).

Coherence and gensim
--------------------
The NPMI coherence (:func:`npmi_coherence`) is gensim's ``c_npmi`` formula,
epsilon included, with co-occurrence counted in whole units instead of
gensim's sliding window of 10 tokens: it equals
``CoherenceModel(topics, texts=unit_term_lists, dictionary, coherence="c_npmi",
window_size=longest_unit, topn=10)``.  gensim is not a dependency; the tests
check the arithmetic against a direct transcription of gensim's formula.
"""

from __future__ import annotations

from telaah.topics.choose import choose_k
from telaah.topics.model import METHODS, TopicResult, default_df, fit_topics, given_terms
from telaah.topics.quality import npmi_coherence, topic_stability
from telaah.topics.reading import topic_prevalence, topic_themes

__all__ = [
    "METHODS",
    "TopicResult",
    "fit_topics",
    "choose_k",
    "topic_themes",
    "topic_prevalence",
    "default_df",
    "given_terms",
    "npmi_coherence",
    "topic_stability",
]
