"""Indonesian language resources, loaded in one place.

Like spaCy's ``spacy/lang/id/``, everything Indonesian-specific that is data
rather than logic lives in readable files under ``data/id/`` and is loaded
here, once:

=====================================  ========================================
``data/id/abbreviations.txt``          abbreviations that keep their dots (``dll.``)
``data/id/abbreviations-final.txt``    those of them that may end a sentence
``data/id/sentence-starters.txt``      words that start sentences and are never names (``Namun``)
``data/id/currency.txt``               currency signs split from numbers (``Rp``)
``data/id/range-words.txt``            months and weekdays in ranges (``Senin-Jumat``)
``data/id/stopwords/*.txt``            stopword lists (``default``, ``sastrawi``, ``tala``)
``data/id/names.txt``                  proper nouns protected from stemming
``data/id/stem-overrides.csv``         hand-checked stems that replace Sastrawi's
``data/id/root-families.tsv``          how much Indonesian uses each stem root (Zipf)
``data/id/clitics.csv``                enclitics (``-nya``, ``-lah``, ...) by kind
``data/id/dates.csv``                  month and weekday names, time zones (WIB, WITA, WIT)
``data/id/entities/*``                 gazetteers for names: places, titles, organisations
``data/id/speech-cues.csv``            words that report speech (``kata``, ``mengatakan``, ``menurut``)
``data/id/speech-circumstances.txt``   words that open where and when it was said (``di``, ``saat``)
``data/id/boilerplate-lines.txt``      how news sites' link and credit lines start (``Baca juga``)
=====================================  ========================================
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from telaah.resources import data_path, read_table, read_wordlist

__all__ = ["abbreviations", "sentence_final_abbreviations", "currency_symbols", "range_words", "protected_names", "stem_overrides", "stem_override_notes", "root_families", "clitics", "date_names", "entity_gazetteers", "entity_gazetteer_longest", "person_titles", "speech_cues", "speech_circumstances", "boilerplate_phrases", "sentence_starters", "stopword_list_names", "stopword_list"]


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations that end in a dot and keep it, lowercased (``"dll."``, ``"dr."``, ``"s.h."``)."""
    return frozenset(a.lower() for a in read_wordlist(data_path("id", "abbreviations.txt")))


@cache
def sentence_final_abbreviations() -> frozenset[str]:
    """Abbreviations that may end a sentence, lowercased (``"dll."``, ``"tbk."``, ``"s.h."``)."""
    return frozenset(a.lower() for a in read_wordlist(data_path("id", "abbreviations-final.txt")))


@cache
def currency_symbols() -> tuple[str, ...]:
    """Currency signs and codes split from a following number, as written (``"Rp"``, ``"US$"``)."""
    return tuple(read_wordlist(data_path("id", "currency.txt")))


@cache
def range_words() -> frozenset[str]:
    """Month and weekday names that form ranges with a hyphen, lowercased (``"januari"``)."""
    return frozenset(w.lower() for w in read_wordlist(data_path("id", "range-words.txt")))


@cache
def protected_names() -> frozenset[str]:
    """Proper nouns that are never stemmed, lowercased (``"bekasi"``, ``"berlin"``)."""
    return frozenset(n.lower() for n in read_wordlist(data_path("id", "names.txt")))


@cache
def stem_overrides() -> dict[str, str]:
    """Hand-checked stems that win over every rule: ``{"berikan": "beri", ...}``."""
    return {row["word"].strip().lower(): row["stem"].strip().lower() for row in read_table(data_path("id", "stem-overrides.csv"))}


@cache
def stem_override_notes() -> dict[str, str]:
    """Why each stem override exists: ``{"berikan": "Sastrawi strips ber- first ...", ...}``."""
    return {row["word"].strip().lower(): (row.get("note") or "").strip() for row in read_table(data_path("id", "stem-overrides.csv"))}


@cache
def root_families() -> dict[str, float]:
    """Zipf frequency of each stem root's word family in general Indonesian: ``{"gerak": 5.38, ...}``.

    Built by ``bench/stem_families.py`` from wordfreq; the stemmer's remedy
    uses it to choose between competing roots.
    """
    families: dict[str, float] = {}
    for entry in read_wordlist(data_path("id", "root-families.tsv")):
        root, zipf = entry.split("\t")
        families[root] = float(zipf)
    return families


@cache
def clitics() -> dict[str, tuple[str, ...]]:
    """Enclitics by kind, in file order: ``{"possessive": ("ku", "mu", "nya"), "particle": (...)}``.

    A word takes at most one possessive and then one particle (``rumahnyalah``).

    Examples
    --------
    >>> clitics()["possessive"]
    ('ku', 'mu', 'nya')
    """
    kinds: dict[str, list[str]] = {"possessive": [], "particle": []}
    for row in read_table(data_path("id", "clitics.csv")):
        kinds[row["kind"].strip()].append(row["clitic"].strip().lower())
    return {kind: tuple(words) for kind, words in kinds.items()}

@cache
def date_names() -> dict[str, dict[str, str]]:
    """Names that dates are written with, by kind, lowercased: months, weekdays and time zones.

    Examples
    --------
    >>> names = date_names()
    >>> names["month"]["agu"], names["weekday"]["selasa"], names["zone"]["wita"]
    ('8', '2', '+08:00')
    """
    kinds: dict[str, dict[str, str]] = {"month": {}, "weekday": {}, "zone": {}}
    for row in read_table(data_path("id", "dates.csv")):
        kinds[row["kind"].strip()][row["name"].strip().lower()] = row["value"].strip()
    return kinds


def stopword_list_names() -> list[str]:
    """Names of the bundled stopword lists (file names in ``data/id/stopwords/``)."""
    return sorted(p.stem for p in data_path("id", "stopwords").glob("*.txt"))


@cache
def stopword_list(name: str) -> frozenset[str]:
    """One bundled stopword list, lowercased."""
    path = data_path("id", "stopwords", f"{name}.txt")
    if not path.is_file():
        raise ValueError(f"unknown stopword list {name!r}; bundled lists: {', '.join(stopword_list_names())}")
    return frozenset(w.lower() for w in read_wordlist(path))


# The entity gazetteers (data/id/entities/): file -> the list name the features use.
_GAZETTEERS = {
    "person-titles.txt": "title",
    "org-heads.txt": "orghead",
    "organisations.txt": "org",
    "given-names.txt": "given",
}


@cache
def entity_gazetteers() -> dict[str, tuple[str, ...]]:
    """Every gazetteer entry, as written (case kept), with the lists it is on.

    Places (``places.tsv``) are on ``loc-<kind>`` (``loc-country``, ``loc-province``,
    ``loc-city``, ``loc-region``, ``loc-continent``); the other lists are ``title``
    (person titles), ``orghead`` (words that head organisation names), ``org``
    (organisations) and ``given`` (given names).

    Examples
    --------
    >>> entity_gazetteers()["Jawa Barat"]
    ('loc-province',)
    """
    lists: dict[str, list[str]] = {}
    for row in read_table(data_path("id", "entities", "places.tsv"), delimiter="\t"):
        lists.setdefault(row["name"].strip(), []).append(f"loc-{row['kind'].strip()}")
    for file, name in _GAZETTEERS.items():
        for entry in read_wordlist(data_path("id", "entities", file)):
            lists.setdefault(" ".join(entry.split()), []).append(name)
    return {entry: tuple(dict.fromkeys(names)) for entry, names in lists.items()}


@cache
def entity_gazetteer_longest() -> int:
    """The most tokens a gazetteer entry has (how far a match looks ahead)."""
    return max(entry.count(" ") + 1 for entry in entity_gazetteers())


@cache
def person_titles() -> frozenset[str]:
    """Titles that precede a person's name (``Presiden``, ``Menteri``, ``Kapolri``), as written.

    Examples
    --------
    >>> "Gubernur" in person_titles()
    True
    """
    return frozenset(" ".join(e.split()) for e in read_wordlist(data_path("id", "entities", "person-titles.txt")))


class SpeechCue(NamedTuple):
    """A word that reports speech: its class (``speech`` or ``opinion``) and where it is used."""

    cue_class: str
    any_position: bool  # False: only right after a quotation or a clause ("...," kata X)


@cache
def speech_cues() -> dict[str, SpeechCue]:
    """Words that report speech, lowercased, with their class and use.

    Examples
    --------
    >>> speech_cues()["mengatakan"]
    SpeechCue(cue_class='speech', any_position=True)
    >>> speech_cues()["menilai"].cue_class
    'opinion'
    """
    cues: dict[str, SpeechCue] = {}
    for row in read_table(data_path("id", "speech-cues.csv")):
        use = row["use"].strip()
        if use not in {"any", "after-quote"} or row["class"].strip() not in {"speech", "opinion"}:
            raise ValueError(f"{data_path('id', 'speech-cues.csv')}: cue {row['cue']!r} has class {row['class']!r} and use {use!r}; expected speech|opinion and any|after-quote")
        cues[row["cue"].strip().lower()] = SpeechCue(row["class"].strip(), use == "any")
    return cues


@cache
def speech_circumstances() -> frozenset[str]:
    """Words that open the circumstances of a statement (``di Jakarta``, ``saat dihubungi``), lowercased."""
    return frozenset(w.lower() for w in read_wordlist(data_path("id", "speech-circumstances.txt")))


@cache
def boilerplate_phrases() -> tuple[str, ...]:
    """How the lines news sites add start (``Baca juga``, ``Simak video``, ``Foto:``), longest first."""
    return tuple(sorted(read_wordlist(data_path("id", "boilerplate-lines.txt")), key=len, reverse=True))


@cache
def sentence_starters() -> frozenset[str]:
    """Words that start sentences and are never names, lowercased (``"dia"``, ``"namun"``, ``"padahal"``).

    ``data/id/sentence-starters.txt``: after an abbreviation or an initial
    (``kelas B. Mereka``) a capitalised one of them starts a new sentence.

    Examples
    --------
    >>> "namun" in sentence_starters(), "yang" in sentence_starters()
    (True, False)
    """
    return frozenset(w.lower() for w in read_wordlist(data_path("id", "sentence-starters.txt")))
