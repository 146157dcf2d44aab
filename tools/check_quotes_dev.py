"""Load and validate the hand-annotated quotation development set.

Usage::

    python tools/check_quotes_dev.py [tests/data/quotes-dev.jsonl]

Re-reads every document with :func:`telaah.read_sample` (``"jepang-rusia"`` or ``"indosum"``)
and checks that each annotation points at real text: the ``content`` at its
``content_occurrence``, the ``cue`` and ``speaker_mention`` near that content, each name in
``speaker`` somewhere in the document, and each ``not_speech`` string inside quotation marks.
Prints counts per kind, cue class and document; exits 1, naming the document and the quote,
on any problem.  See ``tests/data/README.md`` for the conventions.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import telaah

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes-dev.jsonl"
SOURCES = ("jepang-rusia", "indosum")
KINDS = ("direct", "indirect")
CUE_CLASSES = ("speech", "opinion")
QUOTE_KEYS = {"kind", "content", "content_occurrence", "cue", "cue_class", "speaker_mention", "speaker"}
OPTIONAL_KEYS = {"partial", "note"}
QUOTE_MARKS = "\"“”‘’'«»"
CUE_WINDOW = 250  # characters either side of the content the cue must fall within
MENTION_WINDOW = 400  # likewise for the speaker mention (it may sit in the previous sentence)


def occurrences(text: str, sub: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``sub`` in ``text``."""
    return [m.start() for m in re.finditer(f"(?={re.escape(sub)})", text)]


def near(text: str, sub: str, start: int, end: int, window: int) -> bool:
    lo, hi = max(0, start - window), end + window
    return any(lo <= s and s + len(sub) <= hi for s in occurrences(text, sub))


def quoted_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` sits between quotation marks (spaces allowed in between)."""
    before = text[:start].rstrip(" ")
    after = text[end:].lstrip(" ")
    return bool(before) and before[-1] in QUOTE_MARKS and bool(after) and after[0] in QUOTE_MARKS


def load_texts() -> dict[tuple[str, str], str]:
    texts = {}
    for source in SOURCES:
        frame = telaah.read_sample(source)
        texts.update({(source, d): t for d, t in zip(frame["doc_id"], frame["text"], strict=True)})
    return texts


def check_quote(q: dict, text: str) -> tuple[list[str], tuple[int, int] | None]:
    problems: list[str] = []
    keys = set(q)
    if missing := QUOTE_KEYS - keys:
        problems.append(f"missing keys {sorted(missing)}")
    if extra := keys - QUOTE_KEYS - OPTIONAL_KEYS:
        problems.append(f"unknown keys {sorted(extra)}")
    if problems:
        return problems, None
    if q["kind"] not in KINDS:
        problems.append(f"kind {q['kind']!r} not in {KINDS}")
    if q["cue_class"] not in CUE_CLASSES:
        problems.append(f"cue_class {q['cue_class']!r} not in {CUE_CLASSES}")
    content, occ = q["content"], q["content_occurrence"]
    if not isinstance(content, str) or not content:
        return problems + ["content is empty or not a string"], None
    if content != content.strip():
        problems.append("content has leading/trailing whitespace")
    if q["kind"] == "indirect" and content.lower().startswith("bahwa "):
        problems.append("indirect content starts with 'bahwa'")
    starts = occurrences(text, content)
    if not starts:
        return problems + ["content not found in the text"], None
    if not isinstance(occ, int) or isinstance(occ, bool) or not 0 <= occ < len(starts):
        return problems + [f"content_occurrence {occ!r} invalid: content occurs {len(starts)} time(s)"], None
    start, end = starts[occ], starts[occ] + len(content)
    if q["kind"] == "direct" and not quoted_at(text, start, end):
        problems.append("direct content is not enclosed in quotation marks at that occurrence")
    if q.get("partial") and q["kind"] != "direct":
        problems.append("'partial' is only for direct rows")
    cue = q["cue"]
    if cue is None:
        if q["kind"] != "direct":
            problems.append("cue is null (allowed only for a direct quote continuing an attributed one)")
    elif not isinstance(cue, str) or cue not in text:
        problems.append(f"cue {cue!r} not in the text")
    elif not near(text, cue, start, end, CUE_WINDOW):
        problems.append(f"cue {cue!r} not within {CUE_WINDOW} characters of the content")
    mention = q["speaker_mention"]
    if mention is not None:
        if not isinstance(mention, str) or mention not in text:
            problems.append(f"speaker_mention {mention!r} not in the text")
        elif not near(text, mention, start, end, MENTION_WINDOW):
            problems.append(f"speaker_mention {mention!r} not within {MENTION_WINDOW} characters of the content")
    speaker = q["speaker"]
    if speaker is not None:
        if not isinstance(speaker, str) or not speaker:
            problems.append("speaker is empty or not a string")
        else:
            # a group speaker is written "A, B dan C": every member must be named in the text
            for name in re.split(r", | dan ", speaker):
                if name not in text:
                    problems.append(f"speaker name {name!r} not in the text")
    return problems, (start, end)


def check(path: Path) -> int:
    texts = load_texts()
    problems: list[str] = []
    per_doc: list[tuple[str, str, Counter]] = []
    kinds: Counter = Counter()
    seen: set[str] = set()
    lines = path.read_text(encoding="utf-8").splitlines()
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"line {lineno}: not JSON ({err})")
            continue
        doc_id, source = rec.get("doc_id"), rec.get("source")
        where = f"line {lineno} doc {doc_id!r}"
        if set(rec) != {"doc_id", "source", "quotes", "not_speech"}:
            problems.append(f"{where}: keys must be doc_id, source, quotes, not_speech (got {sorted(rec)})")
            continue
        if source not in SOURCES:
            problems.append(f"{where}: source {source!r} not in {SOURCES}")
            continue
        if doc_id in seen:
            problems.append(f"{where}: document annotated twice")
        seen.add(doc_id)
        text = texts.get((source, doc_id))
        if text is None:
            problems.append(f"{where}: no such document in read_sample({source!r})")
            continue
        counts: Counter = Counter()
        spans = []
        for i, q in enumerate(rec["quotes"]):
            label = repr(q.get("content", "")[:50]) if isinstance(q, dict) else repr(q)
            if not isinstance(q, dict):
                problems.append(f"{where} quote #{i}: not an object")
                continue
            qproblems, span = check_quote(q, text)
            problems += [f"{where} quote #{i} {label}: {p}" for p in qproblems]
            if span and q["kind"] == "direct" and not q.get("partial"):
                spans.append((span, i))
            counts[q.get("kind")] += 1
            counts[f"cue_class={q.get('cue_class')}"] += 1
            kinds[(q.get("kind"), q.get("cue_class"))] += 1
        spans.sort()
        for ((_s1, e1), i1), ((s2, _e2), i2) in zip(spans, spans[1:], strict=False):
            if s2 < e1:
                problems.append(f"{where}: direct quotes #{i1} and #{i2} overlap")
        for ns in set(rec["not_speech"]):
            starts = occurrences(text, ns)
            wanted = rec["not_speech"].count(ns)
            quoted = [s for s in starts if quoted_at(text, s, s + len(ns))]
            if len(quoted) < wanted:
                problems.append(f"{where} not_speech {ns!r}: listed {wanted} time(s), found {len(quoted)} time(s) in quotation marks")
        counts["not_speech"] = len(rec["not_speech"])
        per_doc.append((doc_id, source, counts))

    print(f"{path}: {len(per_doc)} documents, {sum(kinds.values())} quotes")
    for (kind, cls), n in sorted(kinds.items(), key=lambda kv: tuple(map(str, kv[0]))):
        print(f"  {kind:<8} {cls:<7} {n:>4}")
    print(f"  {'':<8} {'total':<7} {sum(kinds.values()):>4}")
    print(f"  not_speech strings: {sum(c['not_speech'] for _, _, c in per_doc)}")
    print("per document (direct / indirect / opinion / not_speech):")
    for doc_id, source, c in per_doc:
        print(f"  {c['direct']:>3} {c['indirect']:>3} {c['cue_class=opinion']:>3} {c['not_speech']:>3}  {source:<12} {doc_id}")
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(check(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
