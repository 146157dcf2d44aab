"""The sequence model behind :func:`telaah.entities`: features and the bundled CRF.

Names are found by a linear-chain conditional random field (CRF, with
`python-crfsuite <https://github.com/scrapinghub/python-crfsuite>`_) over the
words of each sentence, trained on Indonesian news (idner-news-2k,
Khairunnisa et al. 2020, MIT licence) by ``tools/train_ner.py`` and shipped as
``data/models/ner-id.crfsuite``.  Nothing is downloaded.

The features of a word are what a reader of Indonesian news uses: its form and
shape (capitals, digits, hyphens), its first and last letters (affixes:
*ke-an*, *-nya*, *meN-*), whether it opens the sentence, whether it is a
stopword, its neighbours, and the gazetteers under ``data/id/entities/``
(places, person titles, organisation heads and names, given names), matched
over whole token sequences, longest first.  :data:`FEATURE_VERSION` changes
whenever the features do, and the model file records the version it was
trained with: a model and code that disagree are refused, not used.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

from telaah import lang_id
from telaah.resources import data_path

__all__ = ["FEATURE_VERSION", "gazetteer_digest", "gazetteer_matches", "LABELS", "sentence_features", "model_path", "tagger", "tag_sentences", "spans_from_tags"]

FEATURE_VERSION = 2
LABELS = ("PER", "ORG", "LOC")
_WINDOW = 2
_LONGEST_SPREAD = 8  # the longest name propagate_names spreads (a bound on its work per token)


def _shape(word: str) -> str:
    """The word's shape, runs collapsed: ``Jakarta`` -> ``Xx``, ``PDI-P`` -> ``X-X``, ``2014`` -> ``d``."""
    out: list[str] = []
    for char in word[:12]:
        if char.isupper():
            code = "X"
        elif char.islower():
            code = "x"
        elif char.isdigit():
            code = "d"
        else:
            code = char
        if not out or out[-1] != code:
            out.append(code)
    return "".join(out)


@cache
def _gazetteer_first_words() -> frozenset[str]:
    """The first word of every gazetteer entry: where a match can start."""
    return frozenset(entry.split(" ", 1)[0] for entry in lang_id.entity_gazetteers())


@cache
def _date_words() -> frozenset[str]:
    """Month and weekday names, lowercased (a name is rarely followed by *Selasa* inside it)."""
    names = lang_id.date_names()
    return frozenset(names["month"]) | frozenset(names["weekday"])


def gazetteer_matches(words: Sequence[str]) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Every position where a gazetteer entry starts, with its longest match: ``(start, length, lists)``.

    Multiword entries match whole token sequences, longest first (``Jawa Barat``
    before ``Jawa``); matching is case-sensitive, so a capitalised sentence
    starter that is also a common word is not confused with a lowercase use.
    Matches may overlap (each position gives its own).

    Examples
    --------
    >>> list(gazetteer_matches(["di", "Jawa", "Barat"]))
    [(1, 2, ('loc-province',))]
    """
    entries = lang_id.entity_gazetteers()
    longest = lang_id.entity_gazetteer_longest()
    first_words = _gazetteer_first_words()
    n = len(words)
    for i in range(n):
        if words[i] not in first_words:
            continue
        for length in range(min(longest, n - i), 0, -1):
            lists = entries.get(" ".join(words[i : i + length]) if length > 1 else words[i])
            if lists:
                yield i, length, lists
                break


def _gazetteer_tags(words: Sequence[str]) -> list[list[str]]:
    """For each word, the gazetteer matches it is part of, as ``"<list>:B"`` or ``"<list>:I"``."""
    tags: list[list[str]] = [[] for _ in words]
    for i, length, lists in gazetteer_matches(words):
        for name in lists:
            tags[i].append(f"{name}:B")
            for j in range(i + 1, i + length):
                tags[j].append(f"{name}:I")
    return tags


def sentence_features(
    words: Sequence[str], stop: Sequence[bool] | None = None, *, memo: dict | None = None
) -> list[list[str]]:
    """The CRF features of each word of one sentence, as lists of strings.

    Parameters
    ----------
    words : sequence of str
        The sentence's tokens, punctuation included, as written.
    stop : sequence of bool, optional
        Whether each token is a stopword; looked up in Telaah's default list
        when omitted.
    memo : dict, optional
        A dict kept across the sentences of one corpus: each distinct word's own
        features are built once (what makes tagging a corpus fast).

    Returns
    -------
    list of list of str
        One list of feature names per word (value 1 each, as crfsuite reads them).

    Examples
    --------
    >>> f = sentence_features(["Menteri", "Sergei", "Lavrov", "berkata"])
    >>> "shape=Xx" in f[1] and "-1:lower=menteri" in f[1]
    True
    """
    if stop is None:
        default = lang_id.stopword_list("default")
        stop = [w.lower() in default for w in words]
    memo = {} if memo is None else memo
    entries = [memo.get((w, s)) or memo.setdefault((w, s), _word_features(w, s)) for w, s in zip(words, stop, strict=True)]
    gazetteer = _gazetteer_tags(words)
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        low, own, context = entries[i]
        feats = list(own)
        if i == 0:
            feats.append("first")
        for tag in gazetteer[i]:
            feats.append(f"gaz={tag}")
        for k, offset in enumerate(_OFFSETS):
            j = i + offset
            if 0 <= j < n:
                feats.extend(entries[j][2][k])
                for tag in gazetteer[j]:
                    feats.append(f"{offset:+d}:gaz={tag}")
            else:
                feats.append(_EDGES[k])
        if i > 0:
            feats.append(f"bigram={entries[i - 1][0]}|{low}")
        if i + 1 < n:
            feats.append(f"bigram+={low}|{entries[i + 1][0]}")
        out.append(feats)
    return out


_OFFSETS = tuple(o for o in range(-_WINDOW, _WINDOW + 1) if o)
_EDGES = tuple(f"{o:+d}:edge" for o in _OFFSETS)


def _word_features(word: str, stop: bool) -> tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """One word's features that do not depend on its place: its own, and as a neighbour at each offset."""
    low = word.lower()
    shape = _shape(word)
    own = ["bias", f"lower={low}", f"shape={shape}", f"pre2={low[:2]}", f"pre3={low[:3]}", f"suf2={low[-2:]}", f"suf3={low[-3:]}"]
    near = [f"lower={low}", f"shape={shape}"]
    if word[:1].isupper():
        own.append("title")
        near.append("title")
    if word.isupper() and len(word) > 1:
        own.append("upper")
    if stop:
        own.append("stop")
    if len(word) <= 3:
        own.append("short")
    if low in _date_words():
        own.append("date")
        near.append("date")
    return low, tuple(own), tuple(tuple(f"{o:+d}:{f}" for f in near) for o in _OFFSETS)


def gazetteer_digest() -> str:
    """SHA-256 of the gazetteer files and the title list, which the features read.

    The model records the digest it was trained with (``ner-id.json``); a test
    fails when the files change and the model is not retrained.
    """
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(data_path("id", "entities").iterdir()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for name in ("dates.csv",):
        digest.update(data_path("id", name).read_bytes())
    return digest.hexdigest()


def model_path() -> Path:
    """The bundled CRF model, ``data/models/ner-id.crfsuite``."""
    return data_path("models", "ner-id.crfsuite")


@cache
def tagger():
    """The bundled CRF, opened once per process; refused when its features are not this code's.

    Examples
    --------
    >>> tagger().labels()[:1]
    ['O']
    """
    import pycrfsuite

    path = model_path()
    info_path = path.with_suffix(".json")
    try:
        info = json.loads(info_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RuntimeError(f"{info_path}: the entity model's description cannot be read ({error}); reinstall Telaah or run tools/train_ner.py") from error
    if info.get("feature_version") != FEATURE_VERSION:
        raise RuntimeError(
            f"{path}: the entity model was trained with features version {info.get('feature_version')}, "
            f"this code computes version {FEATURE_VERSION}; retrain it with tools/train_ner.py"
        )
    model = pycrfsuite.Tagger()
    model.open(str(path))
    return model


def tag_sentences(sentences: Sequence[Sequence[str]], stops: Sequence[Sequence[bool]] | None = None) -> list[list[str]]:
    """IOB tags (``B-PER``, ``I-ORG``, ``O``...) for each word of each sentence.

    Examples
    --------
    >>> tag_sentences([["Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."]])[0]
    ['O', 'B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O']
    """
    model = tagger()
    memo: dict = {}
    out = []
    for k, words in enumerate(sentences):
        if not words:
            out.append([])
            continue
        out.append(model.tag(sentence_features(words, None if stops is None else stops[k], memo=memo)))
    return out


def spans_from_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Turn IOB tags into ``(first, last + 1, label)`` spans; a stray ``I-`` opens a span.

    Examples
    --------
    >>> spans_from_tags(["O", "B-PER", "I-PER", "I-LOC", "O", "I-ORG"])
    [(1, 3, 'PER'), (3, 4, 'LOC'), (5, 6, 'ORG')]
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        kind, _, name = tag.partition("-")
        if kind == "I" and name == label and start >= 0:
            continue
        if start >= 0:
            spans.append((start, i, label))
            start, label = -1, ""
        if kind in {"B", "I"}:
            start, label = i, name
    if start >= 0:
        spans.append((start, len(tags), label))
    return spans


def read_iob(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """Read a CoNLL-style IOB file: one ``TOKEN [POS ...] TAG`` line a token, blank lines between sentences.

    The token is the first field and the tag the last (idner-news-2k writes
    ``TOKEN POS TAG``); CRLF line ends are accepted.  A line with one field, or
    a tag that is not ``O``, ``B-<label>`` or ``I-<label>``, is an error naming
    the file and line.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
    ...     _ = f.write("Joko PROPN B-PER\\r\\nWidodo PROPN I-PER\\r\\n\\r\\ntiba VERB O\\r\\n")
    >>> read_iob(f.name)
    [(['Joko', 'Widodo'], ['B-PER', 'I-PER']), (['tiba'], ['O'])]
    >>> os.unlink(f.name)
    """
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            fields = line.split()
            if not fields:
                if words:
                    sentences.append((words, tags))
                    words, tags = [], []
                continue
            tag = fields[-1]
            kind, _, label = tag.partition("-")
            if len(fields) < 2 or not (tag == "O" or (kind in {"B", "I"} and label)):
                raise ValueError(f"{path}, line {number}: expected 'TOKEN [POS] TAG' with TAG O, B-<label> or I-<label>; found {line.rstrip()!r}")
            words.append(fields[0])
            tags.append(tag)
    if words:
        sentences.append((words, tags))
    return sentences


def retokenize(words: Sequence[str], tags: Sequence[str]) -> tuple[list[str], list[str]]:
    """Re-tokenize an annotated sentence with Telaah's tokenizer, carrying the tags over.

    The words are joined by spaces and scanned again; each new token takes the
    label of the annotated word it lies in.  Punctuation split off the edge of
    an annotated word (the brackets of ``(Jokowi)``) is ``O`` and ends the
    span, so ``Partai Persatuan Pembangunan (PPP)`` becomes two names, as
    Telaah finds them.

    Examples
    --------
    >>> retokenize(["Joko", "Widodo", "(Jokowi)", "tiba"], ["B-PER", "I-PER", "B-PER", "O"])
    (['Joko', 'Widodo', '(', 'Jokowi', ')', 'tiba'], ['B-PER', 'I-PER', 'O', 'B-PER', 'O', 'O'])
    >>> retokenize(["Partai", "Golkar", "(PG)"], ["B-ORG", "I-ORG", "I-ORG"])[1]
    ['B-ORG', 'I-ORG', 'O', 'B-ORG', 'O']
    """
    from telaah.tokenize import scan

    text = " ".join(words)
    owner: list[int] = []
    word_start: list[int] = []
    for k, word in enumerate(words):
        word_start.append(len(owner))
        owner.extend([k] * len(word))
        owner.append(-1)
    forms, starts, ends, kinds = scan(text)
    out: list[str] = []
    previous = "O"
    for start, end, kind in zip(starts, ends, kinds, strict=True):
        k = owner[start]
        tag = tags[k]
        at_edge = start == word_start[k] or end == word_start[k] + len(words[k])
        if tag == "O" or (kind == "punct" and at_edge and len(words[k]) > end - start):
            out.append("O")
            previous = "O"
            continue
        label = tag[2:]
        inside = previous[2:] == label and (tag.startswith("I-") or start > word_start[k])
        out.append(("I-" if inside else "B-") + label)
        previous = out[-1]
    return list(forms), out


def fill_from_gazetteers(words: Sequence[str], tags: Sequence[str]) -> list[str]:
    """Tag the places and organisations of the gazetteers that the model left out.

    The training news tags a country as a place only where it is one (*di
    Jepang*), not where it acts (*Jepang dan Rusia sepakat*); a reader of news
    about states wants both.  A whole gazetteer match whose words are all
    ``O`` becomes ``LOC`` (places) or ``ORG`` (organisations); words the model
    tagged are left as they are.

    Examples
    --------
    >>> fill_from_gazetteers(["Jepang", "dan", "Amerika", "Serikat", "sepakat"], ["O"] * 5)
    ['B-LOC', 'O', 'B-LOC', 'I-LOC', 'O']
    """
    out = list(tags)
    free = 0  # matches do not overlap here: the first, longest one wins
    for i, length, lists in gazetteer_matches(words):
        if i < free:
            continue
        free = i + length
        label = "LOC" if any(name.startswith("loc-") for name in lists) else "ORG" if "org" in lists else None
        if label and all(t == "O" for t in out[i : i + length]):
            out[i : i + length] = [f"B-{label}"] + [f"I-{label}"] * (length - 1)
    return out


def propagate_names(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> list[list[str]]:
    """Tag again, in one document, the names the model found once and missed elsewhere.

    A news article names a person in full once (*Sergei Lavrov*) and by the
    family name after (*Lavrov*), often at the start of a sentence where the
    model is least sure.  Every capitalised word of a person's name, and every
    whole organisation or place name, found anywhere in the document is tagged
    with that label where it recurs untagged.  Titles and stopwords are never
    spread; a word found with two labels is left alone.

    Examples
    --------
    >>> propagate_names([["Sergei", "Lavrov", "tiba"], ["Lavrov", "bertemu", "Kishida"]],
    ...                 [["B-PER", "I-PER", "O"], ["O", "O", "B-PER"]])
    [['B-PER', 'I-PER', 'O'], ['B-PER', 'O', 'B-PER']]
    """
    titles = lang_id.person_titles()
    stop = lang_id.stopword_list("default")
    words_of: dict[str, set[str]] = {}
    names_of: dict[tuple[str, ...], set[str]] = {}

    def spreadable(word: str) -> bool:
        return word[:1].isupper() and len(word) > 1 and word not in titles and word.lower() not in stop

    for words, sentence_tags in zip(sentences, tags, strict=True):
        for first, last, label in spans_from_tags(sentence_tags):
            span = tuple(words[first:last])
            names_of.setdefault(span, set()).add(label)
            if label == "PER" and len(span) > 1:
                for word in span:
                    if spreadable(word):
                        words_of.setdefault(word, set()).add(label)
    for name, labels in names_of.items():
        if len(name) == 1 and spreadable(name[0]):
            words_of.setdefault(name[0], set()).update(labels)
    names = {name: labels.pop() for name, labels in names_of.items() if len(name) > 1 and len(labels) == 1}
    single = {word: labels.pop() for word, labels in words_of.items() if len(labels) == 1}
    longest = min(max((len(n) for n in names), default=1), _LONGEST_SPREAD)
    out: list[list[str]] = []
    for words, sentence_tags in zip(sentences, tags, strict=True):
        new = list(sentence_tags)
        i, n = 0, len(words)
        while i < n:
            if new[i] != "O":
                i += 1
                continue
            matched = 0
            for length in range(min(longest, n - i), 1, -1):
                label = names.get(tuple(words[i : i + length]))
                if label and all(t == "O" for t in new[i : i + length]):
                    new[i : i + length] = [f"B-{label}"] + [f"I-{label}"] * (length - 1)
                    matched = length
                    break
            if not matched and words[i] in single:
                label = single[words[i]]
                inside = i > 0 and new[i - 1] != "O" and new[i - 1][2:] == label
                new[i] = ("I-" if inside else "B-") + label
                matched = 1
            i += max(matched, 1)
        out.append(new)
    return out
