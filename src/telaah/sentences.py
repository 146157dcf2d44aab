"""Sentence splitting for Indonesian text, on top of :mod:`telaah.tokenize`.

A sentence ends

* at a line break: the sample corpus writes one paragraph per line, so every
  line break ends a sentence (unwrap hard-wrapped text first).  A line break
  is any of :data:`telaah.tokenize.LINE_BREAKS` (LF, CRLF, CR, vertical tab,
  form feed, NEL, U+2028, U+2029), so text straight from the API splits as a
  file does.  Only a line break ends a headline or a caption that has no
  final punctuation; a dateline (``JAKARTA, KOMPAS.com - Presiden ...``)
  stays with the sentence it opens;
* at ``.``, ``?``, ``!``, ``…`` or a run of them (``...``, ``?!``, ``. . .``),
  together with the closing quotes and brackets right after it
  (``sebelumnya.” Dia``: the ``”`` belongs to the first sentence), when the
  next token starts with a capital letter, a digit (``Rp 5.000. 10 orang``;
  not one glued to the mark, as in ``No. 34/PMK.011/2007``) or a mark; never
  before ``,`` ``;`` ``:`` ``%`` or a closing bracket, nor when the sentence
  so far is only a list number (``1. Pendahuluan``);
* also before a lowercase word (``tiba di Bandung. kemudian``, ``merek
  Apple. iPhone``, ``Benarkah? entahlah``), but only after a plain ``.``,
  ``?`` or ``!``: not after an ellipsis (``Tunggu... sebentar``), a closing
  quote or bracket
  (``“Apa?” tanya dia``: what follows is the attribution), a word shaped
  like an unlisted abbreviation (one letter, or letters without a vowel that
  are not all capitals: ``5 kg. beras``, ``5 jt. dan``; acronyms such as
  ``KPK.`` end sentences), and not before a word that reports speech
  (``Kenapa? tanya dia``; ``data/id/speech-cues.csv``);
* but not inside a quotation that goes on: news writing quotes several
  sentences and then names the speaker (``“Kita harus bertindak. Kita tidak
  boleh emosional,” kata Lavrov.`` is one sentence, as in the Indonesian UD
  treebank of news, CSUI).  Quotation marks are paired within a paragraph;
  a quotation left open (continued in the next paragraph) or longer than 60
  tokens (about three sentences, or stray marks) splits as usual.  Brackets
  hold no sentence end either (``kereta (PT. KAI) itu``, an agency's credit
  line ``(Ant. / Sry)``): round, square and curly brackets paired within a
  paragraph, up to 40 tokens;
* before an attributed quotation (one that opens with a capital and closes
  with ``,`` ``?`` or ``!`` right before a speech cue: ``“Kami rugi,” kata
  petani``), even with no full stop before it: the words before it end a
  sentence, typically a headline run into the text (``Harga cabai melonjak
  “Kami rugi,” kata petani.``).  Not when the word before the quotation
  introduces it: a function word (the Tala stopword list: ``yaitu``,
  ``atau``; it also holds some verbs, such as ``naik``) or a verb that
  reports speech anywhere (``Dia mengatakan “Kami siap,” ...``);
* after an abbreviation that may close a clause (``dll.``, ``Tbk.``, ``S.H.``;
  ``data/id/abbreviations-final.txt``) when a capitalised word follows that
  is not itself an abbreviation or initial: ``kursi, meja, dll. Semua``
  ends a sentence, ``dll. dan`` does not.  The capitalised word after
  ``dll.`` is ambiguous (``dll. Semua`` starts a sentence, ``PT Astra Tbk.
  Budi`` may not); the rule picks the sentence end, the more common case in
  news;
* after any other abbreviation (``Prof.``, ``Jl.``, ``No.``;
  ``data/id/abbreviations.txt``) or an initial (``B. J. Habibie``) only when
  the next word is a capitalised word that starts sentences and is never a
  name (``Dia``, ``Namun``, ``Padahal``; ``data/id/sentence-starters.txt``):
  ``naik ke kelas B. Mereka``, ``vitamin D. Namun``, ``audit BPK. Sementara``
  (``BPK.`` is taken for ``Bpk.``, Bapak: abbreviations match ignoring
  case).  Otherwise what follows is taken for a name (``Prof. Dr. B. J.
  Habibie``, ``Jl. Sudirman``), and a lowercase word continues the sentence
  (``dll. dan``, ``Jl. raya``).

Decimals (``2,5``), times (``17.00``), abbreviations and initials never offer
a full stop of their own, because the tokenizer keeps their dots inside the
token.  :func:`split_sentences` and :func:`sentence_ids` share one boundary
function, so they always agree.  Both take time linear in the text: the
candidate boundaries are found with regular expressions and placed among the
tokens by bisection, quotation marks and brackets are paired in one pass
with a stack, and each token is looked at a bounded number of times (the
marks of one run share one answer).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import repeat
from typing import NamedTuple

from telaah.lang_id import abbreviations, sentence_final_abbreviations, sentence_starters, speech_cues, stopword_list
from telaah.tokenize import LINE_BREAKS, scan

__all__ = ["Span", "split_sentences", "sentence_ids", "quotation_pairs"]


class Span(NamedTuple):
    """A sentence: its offsets in the source text and its text."""

    start: int
    end: int
    text: str


_TERMINAL_CHARS = ".?!…"
# A mark that may end a sentence.  One glued to a lowercase letter, a digit or
# , ; : % never does (see _Boundaries.ends_here), so it is not even a
# candidate: runs like "ab.ab.ab" or "3.5.7" cost nothing.
_TERMINAL_CHAR = re.compile(r"[.?!…](?![a-z0-9,;:%])")
# A line break and the whitespace after it: the line breaks between two tokens are found at once.
_LINE_BREAK_GAP = re.compile(rf"[{LINE_BREAKS}]\s*+")
# Closing quotes and brackets that belong to the sentence they follow.  Straight
# quotes can open or close, so they count only when glued to the full stop.
_CLOSERS = frozenset({")", "]", "}", "”", "’", "»", "›", "''"})
_GLUED_CLOSERS = frozenset({'"', "'"})
# Quotation marks, paired within a paragraph to find quotations: which way
# each faces (None: a straight quote, either way), and its family (double or
# single; a double quotation may hold a single one).
_QUOTES: dict[str, tuple[bool | None, str]] = {
    "“": (True, "double"), "„": (True, "double"), "«": (True, "double"), "``": (True, "double"),
    "”": (False, "double"), "»": (False, "double"), "''": (False, "double"), '"': (None, "double"),
    "‘": (True, "single"), "‹": (True, "single"), "’": (False, "single"), "›": (False, "single"),
    "'": (None, "single"),
}
_QUOTE_CHARS = re.compile("|".join(sorted(map(re.escape, _QUOTES), key=len, reverse=True)))
_OPENING_BRACKETS = frozenset("([{")
_BRACKET_PAIRS = {")": "(", "]": "[", "}": "{"}
_BRACKET_CHARS = re.compile(r"[()\[\]{}]")
# A bracket longer than this many tokens splits as usual (a stray bracket, or a long aside).
_LONGEST_BRACKET = 40
# A quotation longer than this many tokens (about three sentences) splits into
# sentences as usual: it is more likely two stray marks, or too long a unit.
_LONGEST_QUOTATION = 60
# An ellipsis written with spaces (". . ."): its dots are one run, as in "...".
_SPACED_DOTS = re.compile(r"\.+")
_NEVER_STARTS = frozenset(",;:)]}%")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
# A word before a full stop that looks like an unlisted abbreviation: one
# letter, or letters without a vowel that are not all capitals (kg, tgl, Bpk;
# KPK and DPR are acronyms, which end sentences).
_VOWELS = frozenset("aeiouAEIOU")
_LIST_MARKER = re.compile(r"\d{1,3}|[^\W\d_]|[IVXLCDM]+")


def _is_terminal(token: str) -> bool:
    return token[-1] in _TERMINAL_CHARS and not token.strip(_TERMINAL_CHARS)


def _looks_abbreviated(word: str) -> bool:
    """Is ``word`` (the token before a full stop) shaped like an abbreviation?  ``kg``, ``tgl``, ``B``."""
    return word.isalpha() and (len(word) == 1 or (not _VOWELS.intersection(word) and not word.isupper()))


def _line_break_tokens(text: str, starts: list[int]) -> list[int]:
    """Indices of the tokens that are followed by a line break (any of ``LINE_BREAKS``), in order."""
    found: list[int] = []
    for match in _LINE_BREAK_GAP.finditer(text):
        index = bisect_left(starts, match.start()) - 1
        if index >= 0 and (not found or found[-1] != index):
            found.append(index)
    return found


def _tokens_at(
    pattern: re.Pattern[str], text: str, texts: list[str], starts: list[int], ends: list[int], *, at_end: bool
) -> Iterator[int]:
    """Indices of the tokens that start (or end) with a match of ``pattern``.

    Searching the text and placing the few matches among the tokens by
    bisection is much faster than testing every token.
    """
    size = len(texts)
    if at_end:
        for end in map(re.Match.end, pattern.finditer(text)):
            i = bisect_left(ends, end)
            if i < size and ends[i] == end:
                yield i
    else:
        for start in map(re.Match.start, pattern.finditer(text)):
            i = bisect_left(starts, start)
            if i < size and starts[i] == start:
                yield i


def _quotations(
    text: str, texts: list[str], starts: list[int], ends: list[int], line_break_tokens: list[int], *, longest: int = _LONGEST_QUOTATION
) -> list[tuple[int, int, str]]:
    """(opening, closing, family) of the quotations, by opening token index.

    Curly quotes say which way they face; a straight quote opens when it is
    glued to the token after it only, closes when glued to the token before
    it only, and otherwise closes an open quotation or opens a new one.  A
    quotation never runs past the end of its paragraph, and an opening mark
    with no closing mark before the next opening mark of its family is
    dropped (a quotation running on into the next paragraph, or a stray
    mark), as is a quotation longer than ``_LONGEST_QUOTATION`` tokens.
    """
    pairs: list[tuple[int, int, str]] = []
    opened: dict[str, int] = {}
    paragraph = -1
    for i in _tokens_at(_QUOTE_CHARS, text, texts, starts, ends, at_end=False):
        token = texts[i]
        if token not in _QUOTES:
            continue
        here = bisect_left(line_break_tokens, i)
        if here != paragraph:
            opened, paragraph = {}, here
        opens, family = _QUOTES[token]
        if opens is None:
            glued_before = i > 0 and starts[i] == ends[i - 1] and texts[i - 1] not in _OPENING_BRACKETS
            glued_after = i + 1 < len(texts) and starts[i + 1] == ends[i]
            opens = glued_after if glued_after != glued_before else family not in opened
        if opens:
            opened[family] = i
        elif family in opened:
            start = opened.pop(family)
            if i - start <= longest:
                pairs.append((start, i, family))
    return sorted(pairs)


def _brackets(text: str, texts: list[str], starts: list[int], ends: list[int], line_break_tokens: list[int]) -> list[tuple[int, int]]:
    """(opening, closing) token indices of the round, square and curly brackets that pair within a paragraph.

    A closing bracket pairs with the nearest open bracket of its kind (one
    without a match, as in the list marker ``1)``, pairs with none); a pair
    longer than ``_LONGEST_BRACKET`` tokens is dropped.  Each bracket is
    looked at once (one stack per kind), so this is linear in the text.
    """
    pairs: list[tuple[int, int]] = []
    opened: dict[str, list[int]] = {}
    paragraph = -1
    for i in _tokens_at(_BRACKET_CHARS, text, texts, starts, ends, at_end=False):
        token = texts[i]
        here = bisect_left(line_break_tokens, i)
        if here != paragraph:
            opened, paragraph = {}, here
        if token in _OPENING_BRACKETS:
            opened.setdefault(token, []).append(i)
        elif token in _BRACKET_PAIRS and opened.get(_BRACKET_PAIRS[token]):
            start = opened[_BRACKET_PAIRS[token]].pop()
            if i - start <= _LONGEST_BRACKET:
                pairs.append((start, i))
    return sorted(pairs)


def quotation_pairs(text: str, texts: list[str], starts: list[int], ends: list[int], *, longest: int = 10_000) -> list[tuple[int, int]]:
    """The quotation marks that pair up in a text, as ``(opening, closing)`` token indices.

    The same pairing the sentence splitter uses (curly quotes by direction,
    straight quotes by what they are glued to, never across a paragraph), with
    a longer reach: a quotation may hold up to ``longest`` tokens.

    Examples
    --------
    >>> from telaah.tokenize import scan
    >>> text = '"Kami siap," kata dia. Film "Dilan" laris.'
    >>> texts, starts, ends, _ = scan(text)
    >>> [(texts[a], texts[b], " ".join(texts[a + 1 : b])) for a, b in quotation_pairs(text, texts, starts, ends)]
    [('"', '"', 'Kami siap ,'), ('"', '"', 'Dilan')]
    """
    pairs = _quotations(text, texts, starts, ends, _line_break_tokens(text, starts), longest=longest)
    return [(a, b) for a, b, _ in pairs]


def _outermost(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The quotations that are not inside another one (``pairs`` sorted by opening)."""
    outer: list[tuple[int, int]] = []
    for start, end in pairs:
        if not outer or start > outer[-1][1]:
            outer.append((start, end))
        elif end > outer[-1][1]:  # overlapping, not nested: keep the union
            outer[-1] = (outer[-1][0], end)
    return outer


class _Boundaries:
    """The sentence boundary rules, applied to one scanned text."""

    def __init__(self, text: str, texts: list[str], starts: list[int], ends: list[int]) -> None:
        self.text, self.texts, self.starts, self.ends = text, texts, starts, ends
        self.line_break_tokens = _line_break_tokens(text, starts)
        self.at_line_break = set(self.line_break_tokens)
        self.final = sentence_final_abbreviations()
        self.known = abbreviations()
        self.cues = speech_cues()
        self.starters = sentence_starters()
        self.lowercase_run = (-1, False)  # (first token of a run, lowercase_starts of it)
        pairs = _quotations(text, texts, starts, ends, self.line_break_tokens)
        self.closing_marks = {end for _, end, _ in pairs}
        # Only double quotation marks hold sentences; single ones mark a term.  Brackets
        # hold none either: a full stop inside "(PT. KAI)" or "(Ant. / Sry)" is not an end.
        held = [(start, end) for start, end, family in pairs if family == "double"]
        held += _brackets(text, texts, starts, ends, self.line_break_tokens)
        self.quotations = _outermost(sorted(held))
        self.quote_starts = self.attributed_quotation_starts(pairs)

    def closing_run(self, i: int) -> int:
        """The last token of the run of terminal marks and closers that starts at ``i``."""
        texts, starts, ends, closing_marks, at_line_break = self.texts, self.starts, self.ends, self.closing_marks, self.at_line_break
        last, size = i, len(texts)
        while last + 1 < size and last not in at_line_break:
            after = texts[last + 1]
            if (
                after in _CLOSERS
                or last + 1 in closing_marks
                or (starts[last + 1] == ends[last] and (after in _GLUED_CLOSERS or _is_terminal(after)))
                or (starts[last + 1] == ends[last] + 1 and _SPACED_DOTS.fullmatch(after) and _SPACED_DOTS.fullmatch(texts[last]))
            ):
                last += 1
            else:
                break
        return last

    def ends_here(self, i: int, last: int, sentence_start: int, first: int) -> bool:
        """Does the sentence end after ``last``, given the terminal token ``i`` (of the run ``first``..``last``)?"""
        texts = self.texts
        token = texts[i]
        abbreviation = not _is_terminal(token)  # dll., B., S.H.: the dot is inside the token
        if abbreviation and token.lower() not in self.final:
            # Prof., Jl., B.: the next word is a name, unless it is a word that starts sentences
            return last + 1 < len(texts) and self.begins_sentence(last + 1)
        if token == "." and i - sentence_start == 1 and _LIST_MARKER.fullmatch(texts[i - 1]):
            return False  # "1. Pendahuluan", "a. Umum"
        if last + 1 == len(texts) or last in self.at_line_break:
            return True
        after = texts[last + 1]
        if after[0] in _NEVER_STARTS:
            return False
        if after[0].islower():
            if abbreviation:
                return False
            if self.lowercase_run[0] != first:  # every mark of a run asks: answer once per run
                self.lowercase_run = (first, self.lowercase_starts(first, last, after))
            return self.lowercase_run[1]
        if after[0].isdigit() and self.starts[last + 1] == self.ends[last]:
            return False  # a code, not a sentence end: "No. 34/PMK.011/2007"
        if abbreviation:  # a capitalised word that is not a name part: "dll. Semua"
            return after[0].isupper() and after.lower() not in self.known and not _INITIALS.fullmatch(after)
        return True

    def attributed_quotation_starts(self, pairs: list[tuple[int, int, str]]) -> set[int]:
        """The tokens after which an attributed quotation starts a sentence with no full stop before it.

        A double quotation that opens with a capital and closes with ``,`` ``?``
        or ``!`` before a speech cue (``“Kami siap,” kata dia``) is a sentence of
        its own with its attribution, so the words before it end a sentence even
        without a full stop: a headline or caption run into the text
        (``Harga cabai melonjak “Kami rugi,” kata petani``).  Not when the word
        before it introduces it: a function word (the Tala stopword list: ``atau``,
        ``yaitu``) or a verb that reports speech anywhere (``mengatakan``; a
        root such as ``tulis`` reports it only after a quotation, so a
        headline may end in it), nor at the start of a paragraph (already an
        end).
        """
        texts, size, cues, at_line_break = self.texts, len(self.texts), self.cues, self.at_line_break
        introducers = stopword_list("tala")
        found: set[int] = set()
        for start, end, family in pairs:
            if family != "double" or start == 0 or start - 1 in at_line_break or end + 1 >= size or end - start < 3:
                continue
            before = texts[start - 1]
            if (
                before[-1].isalnum()
                and texts[start + 1][0].isupper()
                and texts[end - 1] in {",", "?", "!"}
                and texts[end + 1].lower() in cues
                and not (before.lower() in cues and cues[before.lower()].any_position)
                and before.lower() not in introducers
            ):
                found.add(start - 1)
        return found

    def begins_sentence(self, j: int) -> bool:
        """Is token ``j`` a capitalised word that starts sentences and is never a name (``kelas B. Mereka``)?"""
        word = self.texts[j]
        return (
            self.starts[j] > self.ends[j - 1]
            and word[0].isupper()
            and (len(word) == 1 or word[1:].islower())
            and word.lower() in self.starters
        )

    def lowercase_starts(self, i: int, last: int, after: str) -> bool:
        """Does a lowercase ``after`` start a sentence after the run of marks and closers ``i``..``last``?

        Yes after a plain ``.``, ``?`` or ``!`` (``Bandung. kemudian``, ``Apple. iPhone``):
        not after an ellipsis (``Tunggu... sebentar``), a closing quote or bracket
        (``“Apa?” tanya dia``), a word shaped like an abbreviation (``5 kg. beras``)
        or before a word that reports speech (``Kenapa? tanya dia``).
        """
        texts = self.texts
        if self.starts[last + 1] == self.ends[last]:
            return False  # glued: "??x", like "ab.ab" (see _TERMINAL_CHAR)
        dots = 0
        for j in range(i, last + 1):  # the run holds terminal marks only, and no ellipsis
            if not _is_terminal(texts[j]) or "…" in texts[j]:
                return False
            dots += texts[j].count(".")
        if dots > 1:
            return False  # "...", ". . .": Tunggu... sebentar
        if i > 0 and _looks_abbreviated(texts[i - 1]):
            return False
        return after.lower() not in self.cues

    def sentence_ends(self) -> list[int]:
        """Index of the last token of each sentence."""
        texts, quotations = self.texts, self.quotations
        boundaries = set(self.at_line_break)
        boundaries.add(len(texts) - 1)
        terminal = _tokens_at(_TERMINAL_CHAR, self.text, texts, self.starts, self.ends, at_end=True)
        quote_starts = self.quote_starts
        candidates = sorted(self.at_line_break.union(terminal, quote_starts))
        at_line_break, closing_run, ends_here = self.at_line_break, self.closing_run, self.ends_here
        sentence_start, quotation = 0, 0
        run_first = run_last = -1  # the last closing run: the marks inside it share it ("?!?!" + "x")
        for i in candidates:
            if i < sentence_start:  # taken into the previous sentence's closing run
                continue
            last = i
            if i not in at_line_break:
                if i not in quote_starts:  # else the words before an attributed quotation end here
                    if i > run_last:
                        run_first, run_last = i, closing_run(i)
                    last = run_last
                    if not ends_here(i, last, sentence_start, run_first):
                        continue
                while quotation < len(quotations) and quotations[quotation][1] < i:
                    quotation += 1
                if quotation < len(quotations) and quotations[quotation][0] < i and last < quotations[quotation][1]:
                    continue  # inside a quotation that goes on: “Kita harus bertindak. Kita ...,” kata dia.
            boundaries.add(last)
            sentence_start = last + 1
        return sorted(boundaries)


def _sentence_ends(text: str, texts: list[str], starts: list[int], ends: list[int]) -> list[int]:
    """Index of the last token of each sentence (the one boundary rule of this module)."""
    if not texts:
        return []
    return _Boundaries(text, texts, starts, ends).sentence_ends()


def sentence_ids(
    text: str, texts: list[str], starts: list[int], ends: list[int], kinds: list[str] | None = None
) -> list[int]:
    """The 0-based sentence number of every token of ``scan(text)``.

    The fast path for a token table: pass the four lists that
    :func:`telaah.tokenize.scan` returned for ``text``.

    Parameters
    ----------
    text : str
        The text that was scanned.
    texts, starts, ends, kinds : list
        The output of ``scan(text)`` (``kinds`` may be left out: the rules
        read the token texts only).

    Returns
    -------
    list of int
        One sentence number per token, starting at 0 and rising by one at
        each sentence boundary found by :func:`split_sentences`.

    Examples
    --------
    >>> text = "Harga naik 2,5 persen, dll. Dia pergi."
    >>> sentence_ids(text, *scan(text))
    [0, 0, 0, 0, 0, 0, 1, 1, 1]
    """
    ids: list[int] = []
    previous = -1
    for number, last in enumerate(_sentence_ends(text, texts, starts, ends)):
        ids.extend(repeat(number, last - previous))
        previous = last
    return ids


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences.

    Parameters
    ----------
    text : str
        Any text; every line break (any of :data:`telaah.tokenize.LINE_BREAKS`,
        CRLF counting once) ends a sentence.

    Returns
    -------
    list of Span
        The sentences in order, trimmed of surrounding whitespace; together
        they cover every non-whitespace character of ``text``.

    Examples
    --------
    >>> text = "Prof. B. J. Habibie tiba pukul 17.00. “Kita harus bertindak.” Dia pergi."
    >>> [s.text for s in split_sentences(text)]
    ['Prof. B. J. Habibie tiba pukul 17.00.', '“Kita harus bertindak.”', 'Dia pergi.']
    >>> split_sentences("Halo.\\nApa kabar?")[1]
    Span(start=6, end=16, text='Apa kabar?')
    >>> [s.text for s in split_sentences("Satu\\rDua\\r\\nTiga\\u2029Empat")]
    ['Satu', 'Dua', 'Tiga', 'Empat']
    """
    texts, starts, ends, _ = scan(text)
    lasts = _sentence_ends(text, texts, starts, ends)
    span_starts = [starts[0], *[starts[last + 1] for last in lasts[:-1]]] if lasts else []
    span_ends = [ends[last] for last in lasts]
    span_texts = map(text.__getitem__, map(slice, span_starts, span_ends))
    return list(map(Span._make, zip(span_starts, span_ends, span_texts, strict=True)))
