"""Score Telaah's tokenizer and sentence splitter on Universal Dependencies treebanks.

Usage::

    python bench/ud_eval.py FILE.conllu [FILE.conllu ...] [--errors 20]

Tokens: the gold surface tokens of each sentence (a multiword range such as
``13-14 membelinya`` is ONE surface token; its parts are skipped) are located
by character offsets in the sentence's ``# text``; a predicted token counts as
correct when its start and end offsets both match a gold token.

Sentences: the sentences of each document (``# newdoc`` markers if the file
has them, else the whole file) are joined with one space, the joined text is
split, and predicted sentence end offsets are compared with the gold ones.

Both are reported as precision, recall and F1, next to a naive baseline in
the same run: tokens ``\\w+|[^\\w\\s]``, sentences split after ``.``, ``?`` or
``!`` followed by whitespace.  Sentences are also scored for NLTK's Punkt, the
unsupervised splitter people reach for, trained (``PunktSentenceTokenizer(text)``,
no download) on the very text it then splits: each document's joined text, so
it sees the test text's abbreviations and capitalisation, an advantage no
held-out tool has.  ``--errors N`` prints N examples of each kind
of mistake, to study them.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from telaah.sentences import split_sentences
from telaah.tokenize import scan

_NAIVE_TOKEN = re.compile(r"\w+|[^\w\s]")
_NAIVE_SENTENCE_END = re.compile(r"[.?!](?=\s)")


@dataclass
class Sentence:
    """One treebank sentence: its text and its gold surface tokens as (start, end)."""

    text: str
    tokens: list[tuple[int, int]] = field(default_factory=list)
    doc: int = 0


def _align(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Character offsets of ``forms`` in ``text``, in order (HTML-escaped forms tolerated)."""
    offsets, position = [], 0
    for form in forms:
        start = text.find(form, position)
        if start < 0 or text[position:start].strip():
            unescaped = form.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            start = text.find(unescaped, position)
            form = unescaped
        if start < 0 or text[position:start].strip():
            raise ValueError(f"cannot find token {form!r} after offset {position} in {text!r}")
        offsets.append((start, start + len(form)))
        position = start + len(form)
    return offsets


def read_conllu(path: Path) -> list[Sentence]:
    """The sentences of a CoNLL-U file with gold surface-token offsets."""
    sentences: list[Sentence] = []
    doc, text, forms, skip_to = 0, None, [], 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("# newdoc"):
                doc += 1
            elif line.startswith("# text ="):
                text = line.split("=", 1)[1].strip()
            elif line and not line.startswith("#"):
                cells = line.split("\t")
                ident = cells[0]
                if "-" in ident:
                    forms.append(cells[1])
                    skip_to = int(ident.split("-")[1])
                elif "." not in ident and int(ident) > skip_to:
                    forms.append(cells[1])
            elif not line and text is not None:
                sentences.append(Sentence(text, _align(text, forms), doc))
                text, forms, skip_to = None, [], 0
    if text is not None:
        sentences.append(Sentence(text, _align(text, forms), doc))
    return sentences


def prf(gold: set, predicted: set) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``predicted`` against ``gold``."""
    hits = len(gold & predicted)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def telaah_tokens(text: str) -> list[tuple[int, int]]:
    _, starts, ends, _ = scan(text)
    return list(zip(starts, ends, strict=True))


def naive_tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NAIVE_TOKEN.finditer(text)]


def telaah_sentence_ends(text: str) -> list[int]:
    return [span.end for span in split_sentences(text)]


def punkt_sentence_ends(text: str) -> list[int]:
    """Punkt trained on ``text`` itself, then splitting it (``span_tokenize`` gives offsets)."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return [end for _, end in PunktSentenceTokenizer(text).span_tokenize(text)]


def naive_sentence_ends(text: str) -> list[int]:
    return [m.end() for m in _NAIVE_SENTENCE_END.finditer(text)] + [len(text.rstrip())]


def documents(sentences: list[Sentence]) -> Iterable[tuple[str, set[int]]]:
    """Each document's joined text and its gold sentence end offsets."""
    for doc in sorted({s.doc for s in sentences}):
        text, ends = "", set()
        for sentence in (s for s in sentences if s.doc == doc):
            text = f"{text} {sentence.text}" if text else sentence.text
            ends.add(len(text))
        yield text, ends


def score_tokens(sentences: list[Sentence], tokenizer: Callable[[str], list[tuple[int, int]]]) -> tuple[set, set]:
    gold = {(i, *span) for i, s in enumerate(sentences) for span in s.tokens}
    predicted = {(i, *span) for i, s in enumerate(sentences) for span in tokenizer(s.text)}
    return gold, predicted


def score_sentences(sentences: list[Sentence], splitter: Callable[[str], list[int]]) -> tuple[set, set]:
    gold, predicted = set(), set()
    for doc, (text, ends) in enumerate(documents(sentences)):
        gold |= {(doc, end) for end in ends}
        predicted |= {(doc, end) for end in splitter(text)}
    return gold, predicted


def _error_clusters(sentences: list[Sentence], gold: set, predicted: set) -> Iterable[tuple[str, list[str], list[str]]]:
    """Each stretch of text where gold and predicted tokens differ: (text, gold, predicted)."""
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for i, start, end in gold - predicted:
        by_sentence.setdefault(i, []).append((start, end, "gold"))
    for i, start, end in predicted - gold:
        by_sentence.setdefault(i, []).append((start, end, "telaah"))
    for i, spans in sorted(by_sentence.items()):
        text = sentences[i].text
        cluster: list[tuple[int, int, str]] = []
        for span in sorted(spans) + [(len(text) + 1, len(text) + 1, "")]:
            if cluster and span[0] >= max(end for _, end, _ in cluster):
                start, end = cluster[0][0], max(end for _, end, _ in cluster)
                yield (
                    text[start:end],
                    [text[a:b] for a, b, who in cluster if who == "gold"],
                    [text[a:b] for a, b, who in cluster if who == "telaah"],
                )
                cluster = []
            cluster.append(span)


def error_kind(gold_tokens: list[str], telaah_tokens: list[str]) -> str:
    """Name the convention behind a token difference, where there is one."""
    joined = "".join(telaah_tokens)
    if any(t.endswith(".") and len(t) > 1 and t.strip(".") for t in telaah_tokens) and "." in gold_tokens:
        return "abbreviation dot kept (dll., Dr., B.), as Telaah's rules ask"
    if any(t.startswith("#") and len(t) > 1 for t in telaah_tokens):
        return "hashtag kept whole, as Telaah's rules ask"
    if any("-" in t.strip("-") for t in telaah_tokens) and "-" in gold_tokens:
        return "hyphenated compound kept whole (Jepang-AS), as Telaah's rules ask"
    if "$" in joined and len(telaah_tokens) < len(gold_tokens):
        return "US$ kept whole"
    return "other"


def summarize_token_errors(sentences: list[Sentence], gold: set, predicted: set) -> None:
    kinds: dict[str, int] = {}
    for _, gold_tokens, telaah_tokens in _error_clusters(sentences, gold, predicted):
        kind = error_kind(gold_tokens, telaah_tokens)
        kinds[kind] = kinds.get(kind, 0) + 1
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"    {count:4d} differences: {kind}")


def show_token_errors(sentences: list[Sentence], gold: set, predicted: set, limit: int) -> None:
    clusters = _error_clusters(sentences, gold, predicted)
    for _, (_, gold_tokens, telaah_tokens) in zip(range(limit), clusters, strict=False):  # the first `limit` clusters
        print(f"    gold {gold_tokens}  telaah {telaah_tokens}")


_CLEAR_END = re.compile(r"[.?!…][\"'”’)\]]*$")


def summarize_sentence_errors(sentences: list[Sentence], gold: set, predicted: set) -> None:
    """Count the errors that the gold itself explains."""
    texts = [text for text, _ in documents(sentences)]
    several = sum(
        1
        for doc, end in predicted - gold
        if _CLEAR_END.search(texts[doc][:end]) and texts[doc][end + 1 : end + 2].isupper()
    )
    unmarked = sum(
        1
        for doc, end in gold - predicted
        if not _CLEAR_END.search(texts[doc][:end]) or texts[doc][end + 1 : end + 2].islower()
    )
    print(f"    {several:4d} false boundaries at . ? ! before a capital (mostly gold sentences that hold several)")
    print(f"    {unmarked:4d} missed boundaries with no . ? ! (headlines, 'kata Haris') or a lowercase next sentence")


def show_sentence_errors(sentences: list[Sentence], gold: set, predicted: set, limit: int) -> None:
    texts = [text for text, _ in documents(sentences)]
    for label, wrong in [("missed boundary", gold - predicted), ("false boundary", predicted - gold)]:
        for doc, end in sorted(wrong)[:limit]:
            text = texts[doc]
            print(f"    {label}: ...{text[max(0, end - 60):end]} || {text[end:end + 40]}...")


def report(path: Path, *, errors: int) -> None:
    sentences = read_conllu(path)
    print(f"{path.name}: {len(sentences)} sentences, {sum(len(s.tokens) for s in sentences)} gold tokens")
    for what, scorer, systems in [
        ("tokens", score_tokens, [("telaah", telaah_tokens), ("naive", naive_tokens)]),
        ("sentences", score_sentences, [("telaah", telaah_sentence_ends), ("punkt", punkt_sentence_ends), ("naive", naive_sentence_ends)]),
    ]:
        for name, system in systems:
            gold, predicted = scorer(sentences, system)
            precision, recall, f1 = prf(gold, predicted)
            print(f"  {what:<9} {name:<6}  P {precision:.4f}  R {recall:.4f}  F1 {f1:.4f}")
            if what == "tokens" and name == "telaah":
                summarize_token_errors(sentences, gold, predicted)
            elif name == "telaah":
                summarize_sentence_errors(sentences, gold, predicted)
            if errors and name == "telaah":
                shower = show_token_errors if what == "tokens" else show_sentence_errors
                shower(sentences, gold, predicted, errors)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", type=Path, nargs="+", help="CoNLL-U files")
    parser.add_argument("--errors", type=int, default=0, help="print this many examples of each error")
    args = parser.parse_args(argv)
    for path in args.paths:
        report(path, errors=args.errors)


if __name__ == "__main__":
    main()
