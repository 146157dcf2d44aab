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
:func:`tokenize` wraps the same result in :class:`Token` objects.
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
_URL = rf"(?:(?:https?|ftp)://|www\.){_URL_CHAR}*{_URL_END}"
_DOMAIN = rf"[^\W_][\w-]*(?:\.[^\W_][\w-]*)*\.(?:{_TLDS}|{_TLDS.upper()})(?![\w-])(?:/{_URL_CHAR}*{_URL_END})?"
_EMAIL = r"[^\W_][\w.+-]*@[^\W_][\w-]*(?:\.[\w-]+)+"
_MENTION = r"@\w+(?:\.\w+)*"
_HASHTAG = r"#(?=\d*[^\W\d])\w+"
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
_EXTENDERS = rf"[\w{_MARKS}{_HYPHEN}.'’@$+/]"


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


@cache
def _token_regex(*, fast_paths: bool = True) -> re.Pattern[str]:
    """The one regular expression that finds every token (one capturing group).

    The fast paths match the common tokens (a plain word, a plain number, a
    single punctuation mark) early and give way whenever a longer token could
    start there; they change the speed, never the result (a test checks this).
    """
    number = (
        r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])"  # 17/08/2018  27/3  1/2 (but 4/2007 is 3 tokens)
        r"|\d+(?:[.,:]\d+)+)"  # 1.000,50  17.00  10:30  2,5
    )
    segment = (
        rf"(?:{number}{_WORD_CHAR}*"  # ... and 17.00WIB, 2,5juta
        rf"|[^\W_]{_WORD_CHAR}*(?:['’][^\W_]{_WORD_CHAR}*)*)"  # words, Qur'an, 2018, MH370
    )
    compound = rf"{segment}(?:[{_HYPHEN}]{segment})*"  # komentar-komentar, ke-3, Jepang-nya
    abbrev = rf"(?=[^\W\d_][^\W\d_.]{{0,6}}\.){_trie_pattern(sorted(abbreviations()), ignore_case=True)}"
    # J.K.  a.n.  B.  (not I. V. X., more often Roman numerals: "kuartal I.")
    initials = r"(?:[^\W\d_]\.){2,}|[A-HJ-UWYZ]\.(?![^\W_])"
    dates = r"\d{4}-\d{1,2}-\d{1,2}(?![\w-])|\d{1,2}-\d{1,2}-\d{2,4}(?![\w-])"  # 2018-08-17  17-08-2018
    # The left side of a range, whose hyphen means "sampai": 2000-2006, 6,2-6,8, Januari-Maret.
    months = _trie_pattern(sorted(range_words()), ignore_case=True)
    # Slashed codes with capitals and digits (regulation numbers 34/PMK.011/2007,
    # quarters III/2006), letter pairs (C/O, S/A), credit ratings (idAA-, A+).
    codes = (
        r"(?=[\w.\-/]*/)(?=[\w.\-/]*[A-Z])(?=[\w.\-/]*\d)[^\W_][\w.\-]*(?:/[\w.\-]*[^\W_])+"
        r"|[A-Z]/[A-Z](?![\w/])"
        r"|(?:id)?(?:[ABC]{1,3}|D)[+-](?![\w+\-])"
    )
    range_start = rf"\d+(?:[.,:]\d+)*(?=[{_HYPHEN}]\d)|{months}(?=[{_HYPHEN}]{months}(?![\w'’]))"
    currency = rf"(?=[A-Z][A-Za-z]{{0,2}}[$\d])(?:{_trie_pattern(list(currency_symbols()))}(?=\d)|[A-Z]{{1,3}}\$)"
    fast = [
        # A word of letters only, a number of digits only, a punctuation mark:
        # each gives way when something glued to it could make a longer token.
        rf"[^\W\d_][^\W\d]*+(?!{_EXTENDERS})",
        rf"\d++(?![,:]|{_EXTENDERS})",
        _QUOTE_PAIRS,
        _RUNS,
        r"[,;:!?()\[\]{}“”‘’\"«»%/–—+&*=<>|$€£¥]|\.(?!\.)|-(?!-)|'(?!')",
    ]
    alternatives = [
        _URL,  # first: "https" and "www" would be words
        *(fast if fast_paths else []),
        currency,  # Rp5.000 -> Rp 5.000, US$33 -> US$ 33
        _HASHTAG,
        abbrev,
        initials,
        dates,
        codes,
        range_start,
        # A word not glued to "@" or ".x" (atomic, so that a domain or an
        # address is not cut short), then addresses and domains.
        rf"(?>{compound})(?![.@][^\W_])",
        _EMAIL,
        _MENTION,
        _DOMAIN,
        compound,
        _QUOTE_PAIRS,
        _RUNS,
        r"\S",  # anything else, one character at a time: nothing is lost
    ]
    # Each match takes the whitespace before its token along, so the engine
    # never tries the alternatives at a whitespace position (3x faster).
    return re.compile(r"(\s*+(?:" + "|".join(alternatives) + "))")


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
    # split() with one capturing group gives "", piece, "", piece, ..., tail:
    # each piece is the whitespace before a token and the token.  The pieces
    # cover the text up to the last token, so their running lengths are the
    # token ends, and every non-whitespace character is in a token because
    # the pattern ends with a catch-all \S.
    pieces = _token_regex().split(text)[1::2]
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
