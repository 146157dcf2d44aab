"""A lossless tokenizer for Indonesian text.

Every token keeps its character offsets, so ``text[t.start:t.end] == t.text``,
and only whitespace lies between tokens: nothing is dropped, normalised or
rewritten.  The rules follow Indonesian news writing:

* kept whole: reduplication and hyphenated compounds (``komentar-komentar``,
  ``Jepang-AS``, ``ke-3``, ``se-Asia``, ``1950-an``), clitics (``bukunya``,
  ``Jepang-nya``), apostrophes inside a word (``Qur'an``), numbers in
  Indonesian format (``1.000,50``, ``17.00``, ``10:30``, dates ``17/08/2018``
  and ``17-08-2018``), abbreviations with their dots (``dll.``, ``Prof.``,
  ``S.H.``; listed in ``data/id/abbreviations.txt``), initials (``B.``,
  ``J.K.``), slashed codes (``34/PMK.011/2007``, ``III/2006``), URLs, bare
  news-site domains (``Kompas.com``), e-mail addresses, @mentions and
  #hashtags;
* split off: currency signs (``Rp5.000`` -> ``Rp`` ``5.000``; listed in
  ``data/id/currency.txt``), ``%``, quotes, brackets, dashes, slashes between
  words (``dan/atau``), the hyphen of a range (``2000-2006``,
  ``Januari-Maret``; ``data/id/range-words.txt``) and other punctuation,
  one mark a token (``?!`` is two), except that runs of dots (``...``),
  hyphens and underscores are one token each.

Kinds: abbreviations and initials are words; currency signs and currency codes
(``Rp``, ``US$``, ``USD``, ``$``) and ``%`` are symbols.

The work is done by one compiled regular expression: :func:`scan` splits the
text with it and computes every offset from the piece lengths, and the kind of
each distinct token string is classified once and cached.
:func:`tokenize` wraps the same result in :class:`Token` objects.  The time
taken is linear in the length of the text, whatever the text: slashed codes,
addresses and bare domains start only within the first 16 characters of a run
without spaces and look a bounded way ahead (see "linear time" below).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import accumulate
from operator import sub
from typing import NamedTuple

from telaah.lang_id import abbreviations, currency_symbols, range_words

__all__ = ["Token", "KINDS", "LINE_BREAKS", "LINE_BREAK", "scan", "scan_forms", "tokenize", "token_kind", "token_kinds"]

#: The characters that end a line, for sentences and paragraphs alike: LF, CR
#: (CRLF counts once), vertical tab, form feed, NEL (U+0085), and the Unicode
#: line and paragraph separators (U+2028, U+2029).
LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
#: One line break: CRLF, or any one of :data:`LINE_BREAKS`.
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")

#: The token kinds, in the order :func:`token_kind` tests them.
KINDS = ("url", "email", "mention", "hashtag", "number", "word", "punct", "symbol")


class Token(NamedTuple):
    """One token: its text, its offsets in the source text, and its kind.

    ``kind`` is one of :data:`KINDS`.
    """

    text: str
    start: int
    end: int
    kind: str


# --- building blocks of the token pattern -------------------------------------

# Web domains written bare in news text (Kompas.com, Tempo.co, bit.ly/abc).
_TLDS = (
    "com|net|org|info|biz|io|ai|co|tv|me|ly|gov|edu|int|news|id|go\\.id|co\\.id|ac\\.id|or\\.id|"
    "web\\.id|sch\\.id|my\\.id|mil\\.id|desa\\.id|uk|au|sg|my|jp|us|ru|de|fr|nl|in|cn"
)
_URL_CHAR = r"[^\s<>\"“”‘’«»]"
_URL_END = r"[^\s<>\"“”‘’«».,;:!?'()\[\]{}]"
_URL_STARTS = (r"https?://", r"ftp://", r"www\.")
_URL = rf"(?:{'|'.join(_URL_STARTS)}){_URL_CHAR}*{_URL_END}"

# --- linear time ------------------------------------------------------------------
# A slashed code, an e-mail address and a bare domain are found by looking
# ahead along a run of letters, digits and ". - / +" (is there a slash, a
# capital, an "@", a TLD further on?).  Tried again at every token of a long
# run without spaces ("ab.ab.ab...", "1/1/1/..."), such a look-ahead made the
# tokenizer quadratic.  So these far-reaching tokens are bounded:
#
# * they start only within the first _FAR_START characters of a run of word
#   characters and ". - / +" (the gate): deeper in, every earlier token of
#   the run has looked ahead already and, in real text, failed;
# * a code's slash, capital and digit lie within _FAR_AHEAD characters, an
#   address's local part has at most _FAR_AHEAD characters (64, as in RFC
#   5321), a domain label at most 63, and a domain at most _DOMAIN_LABELS
#   labels between its first one and its TLD.
#
# Every other part of the pattern consumes what it scans or looks a bounded
# way ahead, and the pattern is possessive wherever backtracking cannot help,
# so the tokenizer takes time linear in the text; bench/tokenize_adversarial.py
# measures it.  On text whose runs are at most _FAR_START characters long the
# tokens are exactly those of the unbounded rules.
_FAR_START = 16
_FAR_AHEAD = 64
_DOMAIN_LABELS = 8


@cache
def _run_char() -> str:
    """A character of a run, for the gate: ``[\\w.\\-/+]`` spelled out as ranges (and any character beyond U+FFFF).

    The same set as the class with ``\\w`` within the Basic Multilingual
    Plane, but the engine tests ranges with a table lookup: three times
    faster, and the gate is tested at most tokens of a long run.
    """
    above_ascii = "".join(map(chr, range(0x80, 0x10000)))
    ranges = "".join(f"{chr(0x80 + m.start())}-{chr(0x80 + m.end() - 1)}" for m in re.finditer(r"\w+", above_ascii))
    return f"[A-Za-z0-9_.\\-/+{ranges}\U00010000-\U0010ffff]"


def _far_gate() -> str:
    """Open (matches) where a far-reaching token may start: within _FAR_START characters of a run's start."""
    return rf"(?<!{_run_char()}{{{_FAR_START}}})"


_LABEL = r"[^\W_][\w-]{0,62}+"  # one label of a domain name
_DOMAIN = (
    rf"{_LABEL}(?:\.{_LABEL}){{0,{_DOMAIN_LABELS}}}\.(?:{_TLDS}|{_TLDS.upper()})(?![\w-])"
    rf"(?:/{_URL_CHAR}*{_URL_END})?"
)
_EMAIL = rf"[^\W_][\w.+-]{{0,{_FAR_AHEAD - 1}}}+@{_LABEL}(?:\.[\w-]{{1,63}}+)++"
_MENTION = r"@\w++(?:\.\w++)*+"
_HASHTAG = r"#(?=\d*[^\W\d])\w++"
_HYPHEN = "-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen
_QUOTE_PAIRS = r"``|''"
_RUNS = r"\.{2,}|-{2,}|_+|…+"


# Combining marks continue a word ("e" + U+0301 is one word): the marks of the
# Latin, Cyrillic, Hebrew, Arabic, Devanagari and Thai blocks, the combining
# supplements, zero-width (non-)joiners and variation selectors.  A short list
# of ranges keeps the character class fast; marks of other scripts still
# tokenize losslessly, as tokens of their own.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
)
_WORD_CHAR = rf"[\w{_MARKS}]"
# Characters after a word or number that may make it part of a longer token
# (one character class: an alternation in the lookahead would halve the speed).
_EXTENDER_CHARS = rf"\w{_MARKS}{_HYPHEN}.'’@$"  # ... and "+" and "/"
_EXTENDERS = rf"[{_EXTENDER_CHARS}+/]"


def _trie_pattern(words: list[str], *, ignore_case: bool = False) -> str:
    """An alternation of ``words`` factored as a trie, so the regex engine rejects fast."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def walk(node: dict) -> str:
        branches = [_char_pattern(char, ignore_case) + walk(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return walk(trie)


def _char_pattern(char: str, ignore_case: bool) -> str:
    if ignore_case and char.lower() != char.upper():
        return f"[{char.lower()}{char.upper()}]"
    return re.escape(char)


class _Parts(NamedTuple):
    """The token rules as pattern pieces, shared by the plain and the fast pattern."""

    currency: str  # Rp5.000 -> Rp 5.000, US$33 -> US$ 33
    abbrev: str  # dll.  Prof.  S.H.
    initials: str  # J.K.  a.n.  B.  (not I. V. X., more often Roman numerals: "kuartal I.")
    dates: str  # 2018-08-17  17-08-2018
    code: str  # regulation numbers 34/PMK.011/2007, quarters III/2006
    code_pairs: str  # C/O  S/A
    ratings: str  # idAA-  A+
    range_number: str  # the left side of a range, whose hyphen means "sampai": 2000-2006, 6,2-6,8
    range_month: str  # ... and Januari-Maret
    compound: str  # komentar-komentar, ke-3, Jepang-nya, 17.00WIB, Qur'an
    word_compound: str  # the same, starting with a letter
    more: str  # the hyphenated rest of a compound


@cache
def _parts() -> _Parts:
    # Possessive quantifiers throughout: each piece can match in one way only,
    # so the engine never backtracks into it (the same tokens, found faster).
    date = r"\d{1,2}+/\d{1,2}+(?:/\d{2,4}+)?+(?![\d/])"  # 17/08/2018  27/3  1/2 (but 4/2007 is 3 tokens)
    number = rf"(?=\d++[/.,:]\d)(?:{date}|\d++(?:[.,:]\d++)++)"  # ... and 1.000,50  17.00  10:30  2,5
    word_segment = rf"[^\W_]{_WORD_CHAR}*+(?:['’][^\W_]{_WORD_CHAR}*+)*+"  # words, Qur'an, 2018, MH370
    segment = rf"(?:{number}{_WORD_CHAR}*+|{word_segment})"  # ... and 17.00WIB, 2,5juta
    more = rf"(?:[{_HYPHEN}]{segment})*+"
    months = sorted(range_words())
    month = _trie_pattern(months, ignore_case=True)
    return _Parts(
        currency=rf"(?=[A-Z][A-Za-z]{{0,2}}[$\d])(?:{_trie_pattern(list(currency_symbols()))}(?=\d)|[A-Z]{{1,3}}\$)",
        abbrev=_abbreviation_pattern(),
        initials=r"[^\W\d_]\.(?:[^\W\d_]\.)++|[A-HJ-UWYZ]\.(?![^\W_])",
        dates=r"(?=\d{1,4}+-)(?:\d{4}-\d{1,2}+-\d{1,2}+(?![\w-])|\d{1,2}+-\d{1,2}+-\d{2,4}+(?![\w-]))",
        code=(
            rf"(?=[\w.\-]{{0,{_FAR_AHEAD}}}+/)(?=[\w.\-/]{{0,{_FAR_AHEAD}}}?[A-Z])(?=[\w.\-/]{{0,{_FAR_AHEAD}}}?\d)"
            r"[^\W_][\w.\-]*+(?:/(?:[._\-]*+[^\W_]++)++)++"
        ),
        code_pairs=r"[A-Z]/[A-Z](?![\w/])",
        ratings=r"id(?:[ABC]{1,3}+|D)[+-](?![\w+\-])|[ABC][ABC]{0,2}+[+-](?![\w+\-])|D[+-](?![\w+\-])",
        range_number=rf"\d++(?:[.,:]\d++)*+(?=[{_HYPHEN}]\d)",
        range_month=rf"(?=[\w'’]{{3,{max(map(len, months))}}}+[{_HYPHEN}]){month}(?=[{_HYPHEN}]{month}(?![\w'’]))",
        compound=segment + more,
        word_compound=word_segment + more,
        more=more,
    )


def _abbreviation_pattern() -> str:
    """The listed abbreviations: those with one letter before the first dot (``s.h.``), then the others (``dll.``).

    Each group has a guard, a quick test that its trie could match here at
    all, and the one-letter group's trie is small: a word followed by a dot
    is rejected fast.
    """
    groups = []
    for one_letter in (True, False):
        words = sorted(word for word in abbreviations() if (len(word.split(".")[0]) == 1) == one_letter)
        firsts = [word.split(".")[0] for word in words]
        letters = re.escape("".join(sorted({char for first in firsts for char in first + first.upper()})))
        guard = rf"(?=[{letters}]\.)" if one_letter else rf"(?=[{letters}]{{2,{max(map(len, firsts))}}}+\.)"
        groups.append(guard + _trie_pattern(words, ignore_case=True))
    return "|".join(groups)


@cache
def _token_regex(*, fast_paths: bool = True) -> re.Pattern[str]:
    """The one regular expression that finds every token (one capturing group).

    ``fast_paths=False`` gives the rules plainly: one alternative per kind of
    token, tried in order.  The default pattern finds the same tokens faster:
    it matches the common tokens (a plain word, a plain number, a single
    punctuation mark) early, giving way whenever a longer token could start
    there, tries only the alternatives that can start with the character at
    hand, and deep in a long run (past the gate) leaves out the far-reaching
    ones; a test checks that both patterns agree.
    """
    parts = _parts()
    if fast_paths:
        return re.compile(_fast_pattern(parts))
    gate = _far_gate()
    alternatives = [
        _URL,  # first: "https" and "www" would be words
        parts.currency,
        _HASHTAG,
        parts.abbrev,
        parts.initials,
        parts.dates,
        rf"{gate}(?:{parts.code})",
        parts.code_pairs,
        parts.ratings,
        parts.range_number,
        parts.range_month,
        # A word not glued to "@" or ".x" (atomic, so that a domain or an
        # address is not cut short), then addresses and domains.
        rf"(?>{parts.compound})(?![.@][^\W_])",
        rf"{gate}(?:{_EMAIL})",
        _MENTION,
        rf"{gate}(?:{_DOMAIN})",
        parts.compound,
        _QUOTE_PAIRS,
        _RUNS,
        r"\S",  # anything else, one character at a time: nothing is lost
    ]
    # Each match takes the whitespace before its token along, so the engine
    # never tries the alternatives at a whitespace position (3x faster).
    return re.compile(r"(\s*+(?:" + "|".join(alternatives) + "))")


def _fast_pattern(parts: _Parts) -> str:
    """The pattern of ``_token_regex()``: the plain rules reordered by first character, for speed.

    Python's regex engine skips an alternative cheaply when its first element
    is a character or a class that does not match, so most alternatives here
    start with one, and alternatives that cannot both match at one place are
    free to change places.
    """
    p = parts
    url = [rf"{start}{_URL_CHAR}*{_URL_END}" for start in _URL_STARTS]
    word = r"[^\W\d_][^\W\d]*+"  # the letters (and underscores) a word starts with
    # A word of letters only, a number of digits only: each gives way when
    # something glued to it could make a longer token.
    fast_word = rf"{word}(?!{_EXTENDERS})"
    fast_number = rf"\d\d*+(?![,:]|{_EXTENDERS})"
    glued = [  # tokens of punctuation, the same wherever they stand
        r"[^\w\s#@.\-'`…]",  # always one character
        r"\.++",
        r"-++",
        rf"#(?:{_HASHTAG[1:]})?",
        rf"@(?:{_MENTION[1:]})?",
    ]
    head = [*url, fast_word, fast_number, *glued, r"''?", r"``?", r"_++", r"…++"]

    def far(compound: str) -> str:
        return rf"(?>{compound})(?![.@][^\W_])|{_EMAIL}|{_DOMAIN}|{compound}"

    code = rf"(?=\w*+[.\-/])(?:{p.code})"
    letters = [p.currency, p.abbrev, p.initials, code, p.code_pairs, p.ratings, p.range_month, far(p.word_compound)]
    digits = [p.dates, code, p.range_number, far(p.compound)]
    anywhere = rf"{'|'.join(head)}|(?=[^\W\d_])(?:{'|'.join(letters)})|(?=\d)(?:{'|'.join(digits)})|\S"

    # Deep in a long run (past the gate) no far-reaching token starts, and the
    # character after the word tells which other rules are left.  Letter pairs
    # and ratings come first: they are quick to reject, and where they match
    # no other rule does.
    deep_letters = [
        p.code_pairs,
        p.ratings,
        rf"[^\W\d_](?![{_EXTENDER_CHARS}])",  # one letter, alone or before "/" or "+" (not a pair or rating)
        rf"(?={word}\.)(?:{url[2]}|{p.abbrev}|{p.initials}|{word})",
        rf"(?={word}\d)(?:{p.currency}|{p.word_compound})",
        rf"(?={word}[/+]){word}",
        rf"(?={word}[{_HYPHEN}])(?:{p.range_month}|{p.word_compound})",
        *url[:2],  # "http" and "ftp" would be words
        fast_word,
        p.currency,
        p.abbrev,
        p.initials,
        p.range_month,
        p.word_compound,
    ]
    # A number deep in a long run, its first digit already taken: the rules
    # for numbers from the second character on (a plain number is a compound).
    deep_digits = [
        rf"(?=\d*+/)(?:\d?+/\d{{1,2}}+(?:/\d{{2,4}}+)?+(?![\d/]){_WORD_CHAR}*+{p.more}|\d*+)",  # 17/08/2018, or 4 of 4/2007
        r"(?=\d{0,3}+-)(?:\d{3}-\d{1,2}+-\d{1,2}+(?![\w-])|\d?+-\d{1,2}+-\d{2,4}+(?![\w-]))",  # dates
        rf"\d*+(?:[.,:]\d++)*+(?=[{_HYPHEN}]\d)",  # a range
        rf"(?:(?=\d*+[.,:]\d)\d*+(?:[.,:]\d++)++{_WORD_CHAR}*+|{_WORD_CHAR}*+(?:['’][^\W_]{_WORD_CHAR}*+)*+){p.more}",
    ]
    deep = (
        rf"\d(?<={_run_char()}{{{_FAR_START + 1}}})(?:{'|'.join(deep_digits)})"
        rf"|(?<={_run_char()}{{{_FAR_START}}})(?:{'|'.join(deep_letters)})"  # each starts with a letter
    )
    # After whitespace the gate is open; a token glued to the one before is
    # punctuation, or deep in a run, or neither.  Each match takes the
    # whitespace before its token along, so that the engine never tries the
    # alternatives at a whitespace position (3x faster).
    return rf"(\s++(?:{anywhere})|{'|'.join(glued)}|{deep}|{anywhere})"


# --- token kinds ------------------------------------------------------------------

_NUMBER_RE = re.compile(r"[+\-]?\d+(?:[.,:/\-]\d+)*")
_URL_RE = re.compile(rf"{_URL}|{_DOMAIN}")
_SYMBOL_PUNCT = frozenset("%‰‱°#&@*§¶†‡")


def token_kind(token: str) -> str:
    """Classify one token string as one of :data:`KINDS`.

    Examples
    --------
    >>> [token_kind(t) for t in ["Jepang-AS", "1.000,50", "Rp", "%", "“", "@kompascom", "Kompas.com"]]
    ['word', 'number', 'symbol', 'symbol', 'punct', 'mention', 'url']
    """
    first = token[0]
    if first == "@" and len(token) > 1:
        return "mention"
    if first == "#" and len(token) > 1:
        return "hashtag"
    if "@" in token:
        return "email"
    if token in _currency_set():
        return "symbol"
    if ("." in token or "://" in token) and _URL_RE.fullmatch(token):
        return "url"
    if _NUMBER_RE.fullmatch(token):
        return "number"
    if any(char.isalnum() for char in token):
        return "word"
    if all(unicodedata.category(char)[0] == "P" and char not in _SYMBOL_PUNCT for char in token):
        return "punct"
    return "symbol"


@cache
def _currency_set() -> frozenset[str]:
    return frozenset(currency_symbols())


# token string -> kind, filled on first sight: a corpus has few distinct tokens,
# so each is classified once.  A plain dict, read with dict.get (a dict
# subclass with __missing__ would be three times slower to read).
_KIND_CACHE: dict[str, str] = {}


def _kinds(texts: list[str]) -> list[str]:
    """The kind of every token string, from the cache when possible."""
    kinds = list(map(_KIND_CACHE.get, texts))
    if not all(kinds):  # a few new token strings (all() is faster than "None in")
        if len(_KIND_CACHE) > 1_000_000:
            _KIND_CACHE.clear()
        for index, kind in enumerate(kinds):
            if kind is None:
                token = texts[index]
                kinds[index] = _KIND_CACHE[token] = token_kind(token)
    return kinds


# --- public API -----------------------------------------------------------------


def scan(text: str) -> tuple[list[str], list[int], list[int], list[str]]:
    """Tokenize ``text`` into parallel lists: texts, start offsets, end offsets, kinds.

    This is the fast path behind :func:`tokenize` (no :class:`Token` objects),
    for building token tables over large corpora.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    tuple of list
        ``(texts, starts, ends, kinds)``, one entry per token, in text order,
        with ``text[starts[i]:ends[i]] == texts[i]``.

    Examples
    --------
    >>> texts, starts, ends, kinds = scan("Harga naik 3,2% (Rp5.000).")
    >>> texts
    ['Harga', 'naik', '3,2', '%', '(', 'Rp', '5.000', ')', '.']
    >>> starts[:3], ends[:3]
    ([0, 6, 11], [5, 10, 14])
    >>> kinds[2:7]
    ['number', 'symbol', 'punct', 'symbol', 'number']
    """
    texts, starts, ends = scan_forms(text)
    return texts, starts, ends, _kinds(texts)


def scan_forms(text: str) -> tuple[list[str], list[int], list[int]]:
    """:func:`scan` without the kinds: token texts, starts and ends.

    For callers that classify each distinct token once (``token_kinds``)
    rather than every token.

    Examples
    --------
    >>> scan_forms("Rp5.000,00")
    (['Rp', '5.000,00'], [0, 2], [2, 10])
    """
    # findall() gives one piece a match: the whitespace before a token and the
    # token.  The pieces cover the text up to the last token, so their running
    # lengths are the token ends, and every non-whitespace character is in a
    # token because the pattern ends with a catch-all \S.  Trailing whitespace
    # is left out: the pattern would try every position of it, each time
    # taking the rest along (quadratic).
    pieces = _token_regex().findall(text.rstrip())
    ends = list(accumulate(map(len, pieces)))
    texts = list(map(str.lstrip, pieces))
    starts = list(map(sub, ends, map(len, texts)))
    return texts, starts, ends


def token_kinds(texts: list[str]) -> list[str]:
    """The kind of each token string (see :func:`token_kind`), each distinct string classified once.

    Examples
    --------
    >>> token_kinds(["Jepang", "33", "$", "."])
    ['word', 'number', 'symbol', 'punct']
    """
    return _kinds(texts)


def tokenize(text: str) -> list[Token]:
    """Tokenize ``text`` into :class:`Token` objects with offsets and kinds.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of Token
        The tokens in text order; together with the whitespace between them
        they reproduce ``text`` exactly.

    Examples
    --------
    >>> [t.text for t in tokenize("TOKYO – Komentar-komentar itu, kata Prof. B. J. Habibie, dll.")]
    ['TOKYO', '–', 'Komentar-komentar', 'itu', ',', 'kata', 'Prof.', 'B.', 'J.', 'Habibie', ',', 'dll.']
    >>> tokenize("Rp5.000")[1]
    Token(text='5.000', start=2, end=7, kind='number')
    """
    return list(map(Token, *scan(text)))
