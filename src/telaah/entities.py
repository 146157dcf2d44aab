"""Who is named: people, organisations and places in Indonesian news.

:func:`entities` finds every mention of a person (``PER``), an organisation
(``ORG``) or a place (``LOC``) with the bundled sequence model
(:mod:`telaah.ner`), over the token table, and gives each mention:

* its offsets into the document's text (``text[start:end]`` is the mention as
  written);
* a ``role`` for people, the title in front of the name (*Menteri Luar Negeri
  Jepang* in *Menteri Luar Negeri Jepang Fumio Kishida*), which is not part of
  the name;
* a ``key``: one canonical form per actor.  Within a document a person's
  shorter mention takes the one fuller name that contains it (*Lavrov* ->
  *Sergei Lavrov*), an organisation the fuller name that ends with it
  (*Golkar* -> *Partai Golkar*), an alias the name it stands for (*Joko
  Widodo (Jokowi)*); places are never joined.  Across documents a person's
  short name takes a full name only when at least two documents give it: the
  one most documents join it to, or else the one person's name that ends with
  it.  When two fuller names could be meant (*Widodo*: *Joko Widodo* or *Ani
  Widodo*), the mention keeps its own form: Telaah does not guess.

In a headline written in title case (function words capitalised: *Untuk
Gantikan Mobil Jokowi*) a capital says nothing, so only the names the document
also writes in running text, or the gazetteers list, are mentions there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from telaah import lang_id
from telaah._columns import ensure_tokens, term_codes
from telaah.ner import LABELS, fill_from_gazetteers, propagate_names, spans_from_tags, tag_sentences, tagger
from telaah.parallel import fork_map, worker_count
from telaah.table import as_corpus

__all__ = ["entities", "ENTITY_COLUMNS", "document_texts"]

ENTITY_COLUMNS = ("doc_id", "sent_id", "start", "end", "text", "label", "role", "key")
_ROLE_REACH = 8
_POOL = 200  # names sharing a name's rarest word beyond which it keeps its own form (linear time)
_ACROSS = 2  # documents that must give a full name before it names the actor in other documents  # how many capitalised tokens before a name a title may stand


def entities(
    corpus: pd.DataFrame | str | Path | Sequence[str],
    *,
    tokens: pd.DataFrame | None = None,
    gazetteers: bool = False,
    processes: int | None = None,
) -> pd.DataFrame:
    """Find the people, organisations and places each document names.

    Parameters
    ----------
    corpus : DataFrame, path or sequence of str
        The corpus (anything :func:`telaah.read_corpus` gives or reads): the
        mentions' text comes from its ``text``.
    tokens : DataFrame, optional
        Its token table from :func:`telaah.token_table`; built when omitted.
        Pass it when you have it: the offsets must be into this corpus's texts.
    gazetteers : bool, default False
        Also tag every place and organisation of the gazetteers
        (``data/id/entities/``) that the model left out.  The news the model
        learned from tags a country as a place only where it is one (*di
        Jepang*), not where it acts as a state (*Jepang dan Rusia sepakat*);
        for a study of actors, where states act, pass ``True``.  Measured on
        that news's annotation, ``True`` costs precision on places
        (``bench/ner_eval.py --gazetteers``).
    processes : int, optional
        Worker processes for tagging a large corpus (Linux; default: the
        usable cores, from about 150,000 tokens up); ``1`` stays in this process.

    Returns
    -------
    pandas.DataFrame
        One row per mention, in text order: ``doc_id``, ``sent_id``, ``start``
        and ``end`` (character offsets into the document's text), ``text``
        (the mention as written), ``label`` (``PER``, ``ORG`` or ``LOC``),
        ``role`` (the title before a person's name, or ``None``) and ``key``
        (the canonical form of the actor; see the module's notes).

    Examples
    --------
    >>> text = "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Tokyo. Lavrov bertemu Fumio Kishida."
    >>> found = entities([text])
    >>> found[["text", "label", "role", "key"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Sergei Lavrov', 'PER', 'Menteri Luar Negeri Rusia', 'Sergei Lavrov'],
     ['Tokyo', 'LOC', None, 'Tokyo'],
     ['Lavrov', 'PER', None, 'Sergei Lavrov'],
     ['Fumio Kishida', 'PER', None, 'Fumio Kishida']]
    >>> entities(["Jepang dan Rusia sepakat."], gazetteers=True).text.tolist()
    ['Jepang', 'Rusia']
    """
    docs = as_corpus(corpus)
    tokens = ensure_tokens(docs) if tokens is None else ensure_tokens(tokens)
    return _entity_frame(docs, tokens, gazetteers=gazetteers, processes=processes)


def _entity_frame(
    docs: pd.DataFrame,
    tokens: pd.DataFrame,
    *,
    gazetteers: bool,
    processes: int | None,
    lowercase: frozenset[str] | None = None,
    corpus_wide: Mapping[tuple[str, ...], tuple[str, ...]] | None = None,
) -> pd.DataFrame:
    """:func:`entities` on a corpus table and its token table.

    ``lowercase`` (the forms the corpus writes in lowercase somewhere) is
    read from ``tokens`` by default, and the keys that join a person's short
    name to a full name across documents (``corpus_wide``) are decided on
    these documents; :mod:`telaah.dask` gives both for the whole corpus when
    ``tokens`` is one partition (:func:`_key_evidence`, :func:`_corpus_wide_names`).
    """
    frame, texts = _unkeyed_mentions(docs, tokens, gazetteers=gazetteers, processes=processes, lowercase=lowercase)
    local, labels, evidence = _local_keys(frame, _aliases(frame, texts))
    mapping = _corpus_wide_names(evidence) if corpus_wide is None else corpus_wide
    frame["key"] = pd.Series(
        [" ".join(mapping.get(name, name) if label == "PER" else name) for label, name in zip(labels, local, strict=True)], index=frame.index, dtype=object
    )
    return frame.drop(columns="headline").reset_index(drop=True)


def _unkeyed_mentions(
    docs: pd.DataFrame, tokens: pd.DataFrame, *, gazetteers: bool, processes: int | None, lowercase: frozenset[str] | None
) -> tuple[pd.DataFrame, dict[str, str]]:
    """The mention rows before their keys (with a ``headline`` column), and the documents' texts."""
    texts = document_texts(docs, tokens)
    rows = _mentions(tokens, texts, gazetteers=gazetteers, processes=processes, lowercase=lowercase)
    frame = pd.DataFrame(rows, columns=[*ENTITY_COLUMNS[:-1], "headline"])
    frame["sent_id"] = frame["sent_id"].astype(np.int32)
    frame["start"] = frame["start"].astype(np.int32)
    frame["end"] = frame["end"].astype(np.int32)
    frame["label"] = pd.Categorical(frame["label"], categories=list(LABELS))
    frame["role"] = frame["role"].astype(object).where(frame["role"].notna(), None)
    return _headline_mentions(frame), texts


def document_texts(docs: pd.DataFrame, tokens: pd.DataFrame) -> dict[str, str]:
    """Each document's text by id, refusing a token table that is not this corpus's."""
    texts = dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
    column = tokens["doc_id"]
    used = column.cat.remove_unused_categories().cat.categories if isinstance(column.dtype, pd.CategoricalDtype) else pd.unique(column)
    missing = sorted(set(map(str, used)) - texts.keys())
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise ValueError(f"tokens: doc_id {missing[0]!r}{more} is not in the corpus; pass the token table of this corpus")
    codes, values = term_codes(tokens, "doc_id")
    last = np.full(len(values), -1, dtype=np.int64)
    np.maximum.at(last, codes, tokens["end"].to_numpy())
    for doc, end in zip(values, last, strict=True):
        if end > len(texts.get(str(doc), "")):
            raise ValueError(f"tokens: the offsets of document {str(doc)!r} run past its text ({end} > {len(texts[str(doc)])} characters); the token table is not of this corpus's texts")
    return texts


_PENDING: tuple[list[list[str]], list[list[bool]]] = ([], [])
_PARALLEL_MIN_TOKENS = 150_000  # below that, one process is as fast


def _tag_range(bounds: tuple[int, int]) -> list[list[str]]:
    """Tag sentences ``bounds[0]:bounds[1]`` of the batch set aside before the fork."""
    sentences, stops = _PENDING
    a, b = bounds
    return tag_sentences(sentences[a:b], stops[a:b])


def _tag(sentences: list[list[str]], stops: list[list[bool]], *, processes: int | None) -> list[list[str]]:
    """:func:`telaah.ner.tag_sentences`, over forked workers for a large corpus."""
    global _PENDING
    n = worker_count(sum(map(len, sentences)), processes=processes, min_items=_PARALLEL_MIN_TOKENS)
    if n == 1:
        return tag_sentences(sentences, stops)
    tagger()  # open the model once, before the fork
    cuts = np.linspace(0, len(sentences), 2 * n + 1).astype(int)
    _PENDING = (sentences, stops)
    try:
        parts = fork_map(_tag_range, [(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:], strict=True)], processes=n)
    finally:
        _PENDING = ([], [])
    return [tags for part in parts for tags in part]


_BATCH_TOKENS = 400_000  # documents are read in batches of about this many tokens: memory stays bounded


def _mentions(
    tokens: pd.DataFrame, texts: dict[str, str], *, gazetteers: bool, processes: int | None, lowercase: frozenset[str] | None = None
) -> list[tuple]:
    """Tag every sentence that has a capitalised word, and turn the tags into mention rows.

    Documents are taken in batches of about ``_BATCH_TOKENS`` tokens, so that
    the memory used beyond the token table is one batch's words and features
    plus the mentions found, however large the corpus.
    """
    if tokens.empty:
        return []
    codes, values = term_codes(tokens, "token")
    doc_codes, doc_values = term_codes(tokens, "doc_id")
    doc_names = [str(d) for d in doc_values]
    columns = {
        "stop": tokens["is_stop"].to_numpy(),
        "sent": tokens["sent_id"].to_numpy(),
        "start": tokens["start"].to_numpy(),
        "end": tokens["end"].to_numpy(),
    }
    lowercase = _lowercase_words(tokens) if lowercase is None else lowercase
    doc_starts = np.concatenate(([0], np.flatnonzero(np.diff(doc_codes) != 0) + 1, [len(tokens)]))
    rows: list[tuple] = []
    first_doc = 0
    while first_doc < len(doc_starts) - 1:
        last_doc = int(np.searchsorted(doc_starts, doc_starts[first_doc] + _BATCH_TOKENS, side="right")) - 1
        last_doc = max(last_doc, first_doc + 1)
        a, b = int(doc_starts[first_doc]), int(doc_starts[min(last_doc, len(doc_starts) - 1)])
        rows += _batch_mentions(values[codes[a:b]], doc_codes[a:b], {k: v[a:b] for k, v in columns.items()}, doc_names, texts,
                                lowercase=lowercase, gazetteers=gazetteers, processes=processes)
        first_doc = last_doc
    return rows


def _batch_mentions(
    words: np.ndarray, doc_codes: np.ndarray, columns: dict[str, np.ndarray], doc_names: list[str], texts: dict[str, str],
    *, lowercase: frozenset[str], gazetteers: bool, processes: int | None,
) -> list[tuple]:
    """The mentions of one batch of whole documents."""
    capital = np.fromiter((w[:1].isupper() for w in words), dtype=bool, count=len(words))
    change = np.flatnonzero((np.diff(doc_codes) != 0) | (np.diff(columns["sent"]) != 0)) + 1
    bounds = np.concatenate(([0], change, [len(words)]))
    # A sentence without a capitalised word names nobody: skip it (most of a corpus's time otherwise).
    has_capital = np.add.reduceat(capital.astype(np.int32), bounds[:-1]) > 0
    chosen = [(int(bounds[k]), int(bounds[k + 1])) for k in np.flatnonzero(has_capital)]
    sentences = [list(words[a:b]) for a, b in chosen]
    tagged = _tag(sentences, [list(columns["stop"][a:b]) for a, b in chosen], processes=processes)
    if gazetteers:
        tagged = [fill_from_gazetteers(w, t) for w, t in zip(sentences, tagged, strict=True)]
    tagged = [_trim_common_words(w, t, lowercase) for w, t in zip(sentences, tagged, strict=True)]
    tagged = _propagate_per_document([int(doc_codes[a]) for a, _ in chosen], sentences, tagged)
    tagged = [_extend_names(w, t, lowercase) for w, t in zip(sentences, tagged, strict=True)]
    starts, ends, sents = columns["start"], columns["end"], columns["sent"]
    titles = lang_id.person_titles()
    rows: list[tuple] = []
    for (a, _), sentence, tags in zip(chosen, sentences, tagged, strict=True):
        doc = doc_names[doc_codes[a]]
        text = texts[doc]
        headline = _title_case(sentence)
        for first, last, label in spans_from_tags(tags):
            role = None
            if label == "PER":
                last = _drop_degrees(sentence, first, last)
                first, role_first = _split_title(sentence, first, last, titles)
                if first >= last:
                    continue
                if role_first is None:
                    role_first = _title_before(sentence, first, titles)
                if role_first is not None:
                    role = text[starts[a + role_first] : ends[a + first - 1]]
            start, end = int(starts[a + first]), int(ends[a + last - 1])
            rows.append((doc, int(sents[a]), start, end, text[start:end], label, role, headline))
    return rows


def _headline_mentions(frame: pd.DataFrame) -> pd.DataFrame:
    """Keep, in headlines, only names the document also writes in running text or the gazetteers list.

    In a title-case line every word is capitalised, so the model's spans there
    (*Akan Sodorkan Mobil*) are mostly not names.
    """
    if frame.empty or not frame["headline"].any():
        return frame
    gazetteer = lang_id.entity_gazetteers()
    running = set(zip(frame.loc[~frame["headline"], "doc_id"], frame.loc[~frame["headline"], "text"], strict=True))
    words = {(d, w) for d, t in running for w in t.split()}
    keep = [
        not title_case or (doc, text) in running or text in gazetteer or all((doc, w) in words for w in text.split())
        for doc, text, title_case in zip(frame["doc_id"], frame["text"], frame["headline"], strict=True)
    ]
    return frame[keep]


def _title_case(words: Sequence[str]) -> bool:
    """Whether a sentence is written in title case (a headline: *Untuk Gantikan Mobil Jokowi*), where a
    capital says nothing about a name: function words capitalised inside it (*Akan*, *Untuk*, *Di*),
    which running text never does, most words capitalised, and no full stop at the end (organisation names such as *Persatuan
    Bulu Tangkis Seluruh Indonesia* hold a capitalised function word, in a sentence of lowercase words)."""
    if words and words[-1] in {".", "!", "?", "…", "...", '"', "”", "’"}:
        return False  # a headline has no full stop
    stop = lang_id.stopword_list("default")
    capital_stop = sum(1 for w in words[1:] if w.istitle() and w.lower() in stop)
    alpha = [w for w in words if w[:1].isalpha()]
    return capital_stop >= 2 and sum(w[:1].isupper() for w in alpha) >= 0.6 * len(alpha)


def _lowercase_words(tokens: pd.DataFrame) -> frozenset[str]:
    """The words the corpus writes in lowercase somewhere (common words, not names)."""
    forms = tokens["token"].cat.categories if isinstance(tokens["token"].dtype, pd.CategoricalDtype) else pd.unique(tokens["token"])
    return frozenset(f for f in map(str, forms) if f.islower())


def _trim_common_words(words: list[str], tags: list[str], lowercase: frozenset[str]) -> list[str]:
    """Take off the front of a name the words that are common words written with a capital.

    A span also loses the lowercase words at either end (*mistar gawang Madrid*).

    The first word of a sentence is capitalised whatever it is (*Fitur Instagram
    Stories*, *Nama Gunawan Maryanto*), and a person's span may begin with the
    tail of a title (*Umum* of *Ketua Umum*).  Such a word leaves a span of
    several words when the corpus also writes it in lowercase and it is on no
    gazetteer; a one-word span is kept.
    """
    gazetteer = lang_id.entity_gazetteers()
    out = list(tags)
    for first, last, label in spans_from_tags(tags):
        start, stop = first, last
        # a name begins and ends with a capital or a digit (mistar gawang Madrid: Madrid)
        while label == "PER" and start < stop and not (words[start][:1].isupper() or words[start][:1].isdigit()):
            start += 1
        while label == "PER" and stop > start and not (words[stop - 1][:1].isupper() or words[stop - 1][:1].isdigit() or words[stop - 1] in {")", "."}):
            stop -= 1
        while stop - start > 1 and (start == 0 or label == "PER") and words[start].lower() in lowercase and words[start] not in gazetteer:
            start += 1
        for i in range(first, last):
            if not start <= i < stop:
                out[i] = "O"
        if start < stop and start > first:
            out[start] = f"B-{label}"
    return out


def _extend_names(words: list[str], tags: list[str], lowercase: frozenset[str]) -> list[str]:
    """Add to a person's name the given names right before it (*Belinda* of *Belinda Barnet*).

    A capitalised word right before a person's span joins it when it is a listed
    given name, or a word the corpus never writes in lowercase that is on no
    gazetteer (not a title or the end of one, a place or an organisation); at the
    start of a sentence it must also be rare in general Indonesian (wordfreq).
    """
    gazetteer = lang_id.entity_gazetteers()
    title_words = _title_words()
    out = list(tags)
    for first, _last, label in spans_from_tags(tags):
        if label != "PER":
            continue
        start = first
        while start > 0 and out[start - 1] == "O" and words[start - 1][:1].isupper() and len(words[start - 1]) > 1:
            word = words[start - 1]
            lists = gazetteer.get(word, ())
            unknown = not lists and word not in title_words and word.lower() not in lowercase
            if not ("given" in lists or (unknown and (start - 1 > 0 or _rare(word)))):
                break
            start -= 1
        if start < first:
            out[start] = "B-PER"
            for i in range(start + 1, first + 1):
                out[i] = "I-PER"
    return out


@cache
def _title_words() -> frozenset[str]:
    """Every word of every person title (``Pol`` of ``Irjen Pol``)."""
    return frozenset(word for title in lang_id.person_titles() for word in title.split())


def _rare(word: str, *, below: float = 3.0) -> bool:
    """Whether general Indonesian rarely uses the word (Zipf below 3: under one in a million words)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "id") < below


def _propagate_per_document(docs: list[int], sentences: list[list[str]], tagged: list[list[str]]) -> list[list[str]]:
    """:func:`telaah.ner.propagate_names` over each document's sentences (they come in document order)."""
    out: list[list[str]] = []
    start = 0
    for end in range(1, len(docs) + 1):
        if end == len(docs) or docs[end] != docs[start]:
            out.extend(propagate_names(sentences[start:end], tagged[start:end]))
            start = end
    return out


def _title_match(words: Sequence[str], i: int, titles: frozenset[str]) -> int:
    """How many tokens from ``i`` form a person title (the longest), 0 when none."""
    for length in (3, 2, 1):
        if i + length <= len(words) and " ".join(words[i : i + length]) in titles:
            return length
    return 0


def _drop_degrees(words: Sequence[str], first: int, last: int) -> int:
    """The end of a person's span less the academic degrees after the name (*Fathur Rokhman M.Hum.*)."""
    degrees = lang_id.abbreviations()
    while last - first > 1 and (words[last - 1].lower() in degrees or words[last - 1] == ","):
        last -= 1
    return last


def _split_title(words: Sequence[str], first: int, last: int, titles: frozenset[str]) -> tuple[int, int | None]:
    """Move titles the model put inside a person's span (``Presiden Joko Widodo``) into the role.

    After a title, common Indonesian words that begin the span are the rest of
    the title, not the name (``Menteri`` + ``Perdagangan Budi Santoso``): a word
    general Indonesian uses often (wordfreq Zipf 4 or more) that is not a listed
    given name moves to the role while two words of the name remain.
    """
    start = first
    while start < last and (length := _title_match(words, start, titles)):
        start += length
    # a title inside the span (Kapolres Sukowono AKP Hardjito): the name begins after the last one
    for i in range(last - 2, start, -1):
        if (length := _title_match(words, i, titles)) and i + length < last:
            start = i + length
            break
    titled = start > first or (first > 0 and _title_before(words, first, titles) is not None)
    if titled:
        given = lang_id.entity_gazetteers()
        while last - start > 2 and "given" not in given.get(words[start], ()) and not _rare(words[start], below=4.0):
            start += 1
    if start > first:
        return start, first
    return first, None


def _title_before(words: Sequence[str], first: int, titles: frozenset[str]) -> int | None:
    """The first token of the title run right before a name, or ``None``.

    The run is made of capitalised tokens (*Menteri Luar Negeri Jepang*) and
    must begin with a title; the earliest title within reach wins.
    """
    i = first
    while i > 0 and first - i < _ROLE_REACH and words[i - 1][:1].isupper():
        i -= 1
    for j in range(i, first):
        if _title_match(words, j, titles):
            return j
    return None


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _name_like(name: tuple[str, ...]) -> bool:
    """Whether every word is capitalised or a number: a name, not a phrase (*Samsung dan DailySocial*)."""
    return all(w[:1].isupper() or w[:1].isdigit() for w in name)


def _fuller(names: set[tuple[str, ...]], label: str, *, candidates: set[tuple[str, ...]] | None = None) -> dict[tuple[str, ...], tuple[str, ...]]:
    """For each name, the one fullest name that contains it (itself when none or when two could be meant).

    People: a fuller name that contains the name's words in order (*Lavrov* in
    *Sergei Lavrov*).  Organisations: a fuller name that ends with it (*Golkar*
    in *Partai Golkar*).  Places are never joined (*Jawa* is not *Jawa Barat*).
    The fuller name must be a name: every word capitalised or a number, and
    one of ``candidates`` when given (names written outside headlines).
    Linear in the number of distinct names times their length: a name is
    indexed under each of its words, and only names sharing its rarest word
    are compared.
    """
    if label == "LOC":
        return {name: name for name in names}
    by_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in names if candidates is None else candidates:
        if _name_like(name):
            for word in set(name):
                by_word[word].append(name)
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for name in names:
        pool = min((by_word.get(w, []) for w in set(name)), key=len)
        if len(pool) > _POOL:  # a name of common words only: too many fuller names could be meant
            out[name] = name
            continue
        if label == "ORG":
            containing = [o for o in pool if len(o) > len(name) and o[-len(name):] == name]
        else:
            containing = [o for o in pool if _contains(o, name)]
        maximal = [c for c in containing if not any(_contains(o, c) for o in containing)] if len(containing) <= _POOL // 10 else []
        out[name] = maximal[0] if len(maximal) == 1 else name
    return out


_ALIAS = re.compile(r"\s*(?:\(\s*|,?\s+alias\s+|,?\s+atau\s+)")


def _aliases(frame: pd.DataFrame, texts: dict[str, str]) -> dict[tuple[str, str, str], str]:
    """Second names a document gives an actor: ``Joko Widodo (Jokowi)``, ``Komisi Pemberantasan
    Korupsi (KPK)``, ``Rap Monster alias RM``; keyed by (document, label, alias)."""
    out: dict[tuple[str, str, str], str] = {}
    rows = list(zip(frame["doc_id"], frame["start"], frame["end"], frame["text"], frame["label"].astype(str), strict=True))
    for (doc, _, end, text, label), (doc2, start2, end2, text2, label2) in pairwise(rows):
        if doc != doc2 or label != label2 or label == "LOC" or len(text2) >= len(text):
            continue
        between = texts[doc][end:start2]
        match = _ALIAS.fullmatch(between)
        if match and ("(" not in between or texts[doc][end2 : end2 + 3].lstrip().startswith(")")):
            out.setdefault((doc, label, text2), text)
    return out


def _canonical(text: str) -> tuple[str, ...]:
    """A mention's words for its key, less the lowercase words in front (*kota Bandung*: *Bandung*)."""
    words = tuple(text.split())
    k = 0
    while k < len(words) - 1 and not (words[k][:1].isupper() or words[k][:1].isdigit()):
        k += 1
    return words[k:]


class _KeyEvidence(NamedTuple):
    """What some documents say about joining names across documents; :func:`_merge_key_evidence` adds two."""

    attested: dict[tuple[str, ...], dict[tuple[str, ...], int]]  # short name -> full name -> documents joining them
    documents: dict[tuple[str, ...], int]  # a person's name (running text) -> documents that write it
    shorts: frozenset[tuple[str, ...]]  # every person's name as its document keys it


def _local_keys(frame: pd.DataFrame, aliases: dict[tuple[str, str, str], str] | None) -> tuple[list[tuple[str, ...]], list[str], _KeyEvidence]:
    """Each mention's fullest name within its document, its label, and the documents' evidence for the corpus-wide step.

    A mention's key is its fullest name in its document (a document's alias,
    ``Jokowi`` of ``Joko Widodo (Jokowi)``, takes the key of the name it
    stands for), then, for a person, the full name :func:`_corpus_wide_names`
    joins it to across documents.
    """
    aliases = aliases or {}
    names = [_canonical(aliases.get((d, lab, t), t)) for d, lab, t in zip(frame["doc_id"], frame["label"].astype(str), frame["text"], strict=True)]
    labels = frame["label"].astype(str).tolist()
    docs = frame["doc_id"].tolist()
    headline = frame["headline"].tolist() if "headline" in frame.columns else [False] * len(frame)
    per_doc: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    from_text: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for doc, label, name, title_case in zip(docs, labels, names, headline, strict=True):
        per_doc[(doc, label)].add(name)
        if not title_case:
            from_text[(doc, label)].add(name)
    # a name from a headline (title case: every word capitalised) joins nothing to itself
    fuller = {group: _fuller(found, group[1], candidates=from_text[group]) for group, found in per_doc.items()}
    local = [fuller[(doc, label)][name] for doc, label, name in zip(docs, labels, names, strict=True)]
    attested: dict[tuple[str, ...], dict[tuple[str, ...], int]] = defaultdict(lambda: defaultdict(int))
    for (_, label), mapping in fuller.items():
        if label == "PER":
            for short, full in mapping.items():
                if full != short:
                    attested[short][full] += 1
    documents_of: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for doc, name, label, title_case in zip(docs, local, labels, headline, strict=True):
        if label == "PER" and not title_case and _name_like(name):
            documents_of[name].add(doc)
    evidence = _KeyEvidence(
        {short: dict(fulls) for short, fulls in attested.items()},
        {name: len(where) for name, where in documents_of.items()},
        frozenset(name for name, label in zip(local, labels, strict=True) if label == "PER"),
    )
    return local, labels, evidence


def _merge_key_evidence(a: _KeyEvidence, b: _KeyEvidence) -> _KeyEvidence:
    """The evidence of two disjoint sets of documents."""
    attested = {short: dict(fulls) for short, fulls in a.attested.items()}
    for short, fulls in b.attested.items():
        mine = attested.setdefault(short, {})
        for full, n in fulls.items():
            mine[full] = mine.get(full, 0) + n
    documents = dict(a.documents)
    for name, n in b.documents.items():
        documents[name] = documents.get(name, 0) + n
    return _KeyEvidence(attested, documents, a.shorts | b.shorts)


def _corpus_wide_names(evidence: _KeyEvidence) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Across documents, a person's short name takes a full name that at least two documents give.

    The full name most documents join it to (Sergei Lavrov ... Lavrov), or
    else the one person's name that ends with it and is written in two
    documents or more.  One document's badly cut span or namesake (Ford:
    Harrison Ford) renames nobody elsewhere.
    """
    ending: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    for name, count in evidence.documents.items():
        if count >= _ACROSS:
            for k in range(1, len(name)):
                ending[name[k:]].add(name)
    corpus_wide: dict[tuple[str, ...], tuple[str, ...]] = {}
    for short in evidence.shorts:
        fulls = {f: n for f, n in evidence.attested.get(short, {}).items() if n >= _ACROSS}
        if fulls:
            most = max(fulls.values())
            best = [f for f, n in fulls.items() if n == most]
            longest = max(best, key=len)
            if all(f == longest or _contains(longest, f) for f in best):
                corpus_wide[short] = longest
        elif short not in evidence.attested:
            candidates = [f for f in ending.get(short, ()) if not any(_contains(o, f) for o in ending[short])]
            if len(candidates) == 1:
                corpus_wide[short] = candidates[0]
    return corpus_wide
