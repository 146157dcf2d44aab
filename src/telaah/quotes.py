"""Who says what: direct and reported speech in Indonesian news, with speakers.

:func:`quotes` finds two kinds of statement:

* **direct**: words in quotation marks that somebody says.  The marks pair as
  the sentence splitter pairs them (:func:`telaah.sentences.quotation_pairs`),
  and a quotation counts as speech when a cue names the act of saying next to
  it (``"...," kata Lavrov.``, ``"...," ujarnya.``, ``Lavrov mengatakan, "..."``,
  ``Lavrov: "..."``), or when it goes on from the quotation before it (a quote
  interrupted by its cue, or continued in the next paragraph).  Marks around a
  few words with no cue (a film's title, a term in scare quotes) are not speech;
* **indirect**: reported speech without marks: ``X mengatakan (bahwa) ...``,
  ``Menurut X, ...``, ``..., kata X.``  The content is the reported clause, to
  the end of its sentence, without a leading *bahwa*.

The cues are data (``data/id/speech-cues.csv``): each is ``speech`` or
``opinion`` (*menilai*, *meminta*, *berharap*: a view or a request rather than
a statement), in the ``cue_class`` column.

The speaker is read next to the cue: a name the entity finder found (with its
title, as written: *Gubernur Abdul Wahid*), a pronoun (*dia*, *ia*, *beliau*),
the clitic of ``ujarnya``, or a capitalised name the entity finder missed.
``speaker`` resolves the mention: a name to its entity ``key`` (the fullest form
the document gives), a pronoun or clitic to the speaker of the statement before
it in the document, or else to the last person named before it; ``None`` when
it cannot be told (a plural *mereka* "they", *kami* "we", for a group the text
does not name as one).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from telaah import lang_id
from telaah._columns import ensure_tokens, term_codes
from telaah.entities import entities
from telaah.sentences import quotation_pairs
from telaah.table import as_corpus

__all__ = ["quotes", "QUOTE_COLUMNS", "read_quote_annotations", "score_quotes"]

QUOTE_COLUMNS = (
    "doc_id", "kind", "cue_class", "content_start", "content_end", "content",
    "cue", "cue_start", "cue_end", "speaker_mention", "speaker_start", "speaker_end", "speaker",
)
PRONOUNS = frozenset({"dia", "ia", "beliau", "mereka", "kami", "saya", "aku", "dirinya"})
# Words that may stand between a speaker and the cue (Lavrov juga mengatakan, Ia pun menegaskan).
_BETWEEN = frozenset({"juga", "pun", "kemudian", "lalu", "pula", "sendiri", "lagi", "sebelumnya", "kembali", "sempat", "telah", "sudah", "pernah", "bahkan", "hanya", "tetap"})
_CLOSING = frozenset({".", "!", "?", "…", "...", ",", ";", ":", '"', "”", "’", "'", ")", "»"})
_PLURAL = frozenset({"mereka", "kami"})
_NEGATIONS = frozenset({"tidak", "tak", "belum", "bukan", "enggan", "menolak"})
_JOINERS = frozenset({"-", "&", "/"})  # inside a title: Co-Founder & Group CEO
_LONGEST_NAME = 10  # tokens: a title and a name (Menteri Luar Negeri Amerika Serikat John Kerry)


class _Mention(NamedTuple):
    start: int
    end: int
    key: str | None
    label: str | None
    role: str | None = None


class _Found(NamedTuple):
    kind: str
    cue_class: str
    content: tuple[int, int]
    cue: tuple[int, int] | None
    speaker: _Mention | None  # as written; key None when it is a pronoun or clitic
    inherit: bool  # the speaker is that of the statement before (a continued quotation)


def quotes(
    corpus: pd.DataFrame | str | Path | Sequence[str],
    *,
    tokens: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Find the statements each document reports, with their speakers.

    Parameters
    ----------
    corpus : DataFrame, path or sequence of str
        The corpus; offsets are into its ``text``.
    tokens : DataFrame, optional
        Its token table (:func:`telaah.token_table`); built when omitted.
    mentions : DataFrame, optional
        Its entities (:func:`telaah.entities`), used to find and resolve
        speakers; found when omitted.

    Returns
    -------
    pandas.DataFrame
        One row per statement, in text order: ``doc_id``, ``kind`` (``direct``
        or ``indirect``), ``cue_class`` (``speech`` or ``opinion``),
        ``content_start``, ``content_end`` and ``content``, ``cue`` with
        ``cue_start`` and ``cue_end`` (``None`` and -1 for a quotation that goes
        on from the one before), ``speaker_mention`` with ``speaker_start`` and
        ``speaker_end`` (as written; the ``nya`` of ``ujarnya``), and ``speaker``
        (resolved; ``None`` when it cannot be told).

    Examples
    --------
    >>> text = ('Menteri Luar Negeri Rusia Sergei Lavrov tiba di Tokyo. '
    ...         '"Kami siap bekerja sama," kata Lavrov. "Ini awal yang baik," ujarnya. '
    ...         'Ia mengatakan bahwa kedua negara akan bertemu lagi.')
    >>> q = quotes([text])
    >>> q[["kind", "content", "cue", "speaker_mention", "speaker"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['direct', 'Kami siap bekerja sama,', 'kata', 'Lavrov', 'Sergei Lavrov'],
     ['direct', 'Ini awal yang baik,', 'ujarnya', 'nya', 'Sergei Lavrov'],
     ['indirect', 'kedua negara akan bertemu lagi', 'mengatakan', 'Ia', 'Sergei Lavrov']]
    """
    docs = as_corpus(corpus)
    tokens = ensure_tokens(docs) if tokens is None else ensure_tokens(tokens)
    if mentions is None:
        mentions = entities(docs, tokens=tokens)
    texts = dict(zip(docs["doc_id"].astype(str), docs["text"], strict=True))
    by_doc: dict[str, list[_Mention]] = {}
    for doc, start, end, key, label, role in zip(
        mentions["doc_id"].astype(str), mentions["start"], mentions["end"], mentions["key"], mentions["label"].astype(str), mentions["role"], strict=True
    ):
        by_doc.setdefault(doc, []).append(_Mention(int(start), int(end), key, label, role if isinstance(role, str) else None))
    rows: list[tuple] = []
    if len(tokens):
        # One document at a time, from views of the token table: memory follows the statements.
        doc_codes, doc_values = term_codes(tokens, "doc_id")
        bounds = np.concatenate(([0], np.flatnonzero(np.diff(doc_codes) != 0) + 1, [len(tokens)]))
        codes, values = term_codes(tokens, "token")
        starts_all = tokens["start"].to_numpy()
        ends_all = tokens["end"].to_numpy()
        sents_all = tokens["sent_id"].to_numpy()
        paras_all = tokens["para_id"].to_numpy()
        for a, b in zip(bounds[:-1], bounds[1:], strict=True):
            doc = str(doc_values[doc_codes[a]])
            reader = _Document(
                texts[doc], list(values[codes[a:b]]), starts_all[a:b].tolist(), ends_all[a:b].tolist(),
                sents_all[a:b].tolist(), paras_all[a:b].tolist(), by_doc.get(doc, []),
            )
            rows.extend((doc, *row) for row in reader.statements())
    frame = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    for column in ("content_start", "content_end", "cue_start", "cue_end", "speaker_start", "speaker_end"):
        frame[column] = frame[column].astype(np.int32)
    for column in ("cue", "speaker_mention", "speaker"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    frame["kind"] = pd.Categorical(frame["kind"], categories=["direct", "indirect"])
    frame["cue_class"] = pd.Categorical(frame["cue_class"], categories=["speech", "opinion"])
    return frame


class _Document:
    """One document's tokens, quotations and mentions, read for statements."""

    def __init__(self, text: str, words: list[str], starts: list[int], ends: list[int], sents: list[int], paras: list[int], mentions: list[_Mention]) -> None:
        self.text, self.words, self.starts, self.ends, self.sents, self.paras = text, words, starts, ends, sents, paras
        self.lower = [w.lower() for w in words]
        self.cues = lang_id.speech_cues()
        self.titles = lang_id.person_titles()
        self.by_start = {m.start: m for m in mentions if m.label in {"PER", "ORG"}}
        self.named_at = {m.start for m in mentions}
        self.by_end = {m.end: m for m in mentions if m.label in {"PER", "ORG"}}
        self.people = sorted((m.start, m.key) for m in mentions if m.label == "PER")
        self.roles = [(m.start, m.role, m.key) for m in sorted(mentions) if m.label == "PER" and m.role]
        self.pairs = _outermost(quotation_pairs(text, words, starts, ends))
        self.inside = np.zeros(len(words) + 1, dtype=np.int32)
        for a, b in self.pairs:
            self.inside[a] += 1
            self.inside[b + 1] -= 1
        self.inside = np.cumsum(self.inside)[: len(words)] > 0
        self.opening = {a for a, _ in self.pairs}
        self.closing_of = dict(self.pairs)
        self.pair_starts = [starts[a] for a, _ in self.pairs]
        # People named outside quotation marks, and the holders of each title word, for resolving
        # pronouns and titles by bisection (linear however many names a document has).
        self.people_outside = [(start, key) for start, key in self.people if not self.inside_offset(start)]
        self.titled: dict[str, list[tuple[int, str]]] = {}
        for start, role, key in self.roles:
            for word in set(role.split()):
                self.titled.setdefault(word, []).append((start, key))
        self.sentence_end = _last_of_run(sents)
        self.sentence_start = _first_of_run(sents)

    # -- speakers ------------------------------------------------------------------------
    def _capital(self, i: int) -> bool:
        return 0 <= i < len(self.words) and self.words[i][:1].isupper()

    def speaker_after(self, i: int) -> _Mention | None:
        """The speaker named from token ``i`` on (after ``kata``): a title and name, a pronoun, a name."""
        if i >= len(self.words):
            return None
        if self.lower[i] in PRONOUNS:
            return _Mention(self.starts[i], self.ends[i], None, "pronoun")
        j = i
        organisation = None
        # kata perancang busana Hitomi Komaki, kata produser MD Pictures Manoj Punjabi: a few lowercase
        # words (a role), then the capitalised run that holds the person
        k = i
        while k < min(i + 3, len(self.words)) and self.words[k].isalpha() and self.words[k].islower() and not self._is_cue(k) and self.lower[k] not in PRONOUNS:
            k += 1
        if k > i:
            m = k
            while m < len(self.words) and m - k < _LONGEST_NAME and self._capital(m):
                found = self.by_start.get(self.starts[m])
                if found is not None and found.label == "PER":
                    return _Mention(self.starts[i], found.end, found.key, found.label)
                m += 1
            listed = lang_id.entity_gazetteers().get(" ".join(self.words[k:m]), ())
            if m > k and self.starts[k] not in self.named_at and not any(n.startswith("loc-") or n == "org" for n in listed):
                # a name the entity finder missed (not an organisation or place it found or lists)
                return _Mention(self.starts[i], self.ends[m - 1], self._name_without_title(k, m), None)
        while j < len(self.words) and j - i < _LONGEST_NAME and (self._capital(j) or (j > i and self.words[j] in _JOINERS and self._capital(j + 1))):
            found = self.by_start.get(self.starts[j])
            if found is not None and found.label == "PER":
                return _Mention(self.starts[i], found.end, found.key, found.label)
            if found is not None and organisation is None:
                organisation = found
            j += 1
        if organisation is not None:  # Juru bicara Polri: the organisation speaks
            return _Mention(self.starts[i], organisation.end, organisation.key, organisation.label)
        if j > i:
            return _Mention(self.starts[i], self.ends[j - 1], self._name_without_title(i, j), None)
        return None

    def _name_without_title(self, i: int, j: int) -> str:
        """The words ``i..j-1`` less the titles in front (``Kapolda Fakhrizal`` -> ``Fakhrizal``)."""
        k = i
        for m in range(j - 2, i - 1, -1):  # after the last title (Kapolda Lampung Irjen Sudjarno: Sudjarno)
            n = next((n for n in (3, 2, 1) if m + n <= j - 1 and " ".join(self.words[m : m + n]) in self.titles), 0)
            if n:
                k = m + n
                break
        return self.text[self.starts[k] : self.ends[j - 1]]

    def speaker_before(self, i: int) -> _Mention | None:
        """The speaker named right before token ``i`` (``Lavrov mengatakan``), title included."""
        j = i - 1
        while j >= 0 and self.lower[j] in _BETWEEN:
            j -= 1
        if j > 0 and self.words[j] == ",":
            # Rachel McDonald, kepala bagian ... di Swinburne, mengatakan: the person opening the
            # sentence, unless a person ends right before the comma (Hairansyah, mengatakan)
            before = self.by_end.get(self.ends[j - 1])
            opening = self.by_start.get(self.starts[self.sentence_start[j]])
            if (before is None or before.label != "PER") and opening is not None and opening.label == "PER" and opening.end <= self.starts[j]:
                return opening
            if before is not None or self._capital(j - 1):
                j -= 1
        if j < 0 or self.inside[j]:
            return None
        if self.lower[j] in PRONOUNS:
            return _Mention(self.starts[j], self.ends[j], None, "pronoun")
        found = self.by_end.get(self.ends[j])
        first = j
        while first > 0 and j - first < _LONGEST_NAME and self._capital(first - 1) and not self.inside[first - 1]:
            first -= 1
        if found is not None:
            start = min(found.start, self.starts[first]) if self._title_run(first, found.start) else found.start
            return _Mention(start, found.end, found.key, found.label)
        if self._capital(j) and first < j + 1 and not (first == self.sentence_start[j] and first == j and self.lower[j] in lang_id.stopword_list("default")):
            return _Mention(self.starts[first], self.ends[j], self._name_without_title(first, j + 1), None)
        return None

    def _title_run(self, first: int, name_start: int) -> bool:
        """Whether the capitalised run from ``first`` up to a name begins with a title."""
        return any(" ".join(self.words[first : first + n]) in self.titles for n in (1, 2, 3)) and self.starts[first] < name_start

    def _is_cue(self, i: int, *, anywhere: bool = False) -> bool:
        cue = self.cues.get(self.lower[i]) if 0 <= i < len(self.words) else None
        return cue is not None and (cue.any_position or not anywhere)

    def _clitic(self, i: int) -> _Mention | None:
        """The speaker clitic of ``ujarnya``: the ``nya`` at the end of the cue."""
        if self.lower[i].endswith("nya") and self.lower[i][:-3] in self.cues:
            return _Mention(self.ends[i] - 3, self.ends[i], None, "pronoun")
        return None

    # -- statements ----------------------------------------------------------------------
    def statements(self) -> list[tuple]:
        self._direct_cache: list[_Found] = self._direct()
        found = self._direct_cache + self._indirect()
        found.sort(key=lambda f: f.content[0])
        return self._resolve(found)

    def _content(self, first: int, last: int) -> tuple[int, int]:
        """Offsets of tokens ``first..last`` (inclusive), as characters of the text."""
        return self.starts[first], self.ends[last]

    def _direct(self) -> list[_Found]:
        out: list[_Found] = []
        previous_end, previous_sentence, previous_para = -1, -1, -1
        for a, b in self.pairs:
            if b - a < 2:
                continue
            content = self._content(a + 1, b - 1)
            words = sum(1 for w in self.words[a + 1 : b] if w[:1].isalnum())
            cue, speaker = self._cue_after(b)
            if cue is None:
                cue, speaker = self._cue_before(a)
            inherit = False
            if cue is None:
                same_sentence = previous_end >= 0 and self.sents[a] == previous_sentence
                next_paragraph = previous_end >= 0 and self.paras[a] - previous_para == 1 and a == self._paragraph_first(a)
                same_paragraph = previous_end >= 0 and self.paras[a] == previous_para
                if not (same_sentence or ((next_paragraph or same_paragraph) and self._speech_like(a, b, words))):
                    continue
                inherit = True
            out.append(_Found("direct", self._cue_class(cue), content, cue, speaker, inherit))
            previous_end, previous_sentence, previous_para = b, self.sents[b], self.paras[b]
        return out

    def _speech_like(self, a: int, b: int, words: int) -> bool:
        """Whether a quotation without a cue reads as speech: a clause or more, not a title or a term."""
        return words >= 6 or (words >= 3 and self.words[b - 1] in {".", ",", "?", "!", "…", "..."})

    def _paragraph_first(self, i: int) -> int:
        while i > 0 and self.paras[i - 1] == self.paras[i]:
            i -= 1
        return i

    def _cue_class(self, cue: tuple[int, int] | None) -> str:
        if cue is None:
            return "speech"
        entry = self.cues.get(self.text[cue[0] : cue[1]].lower())
        return entry.cue_class if entry else "speech"

    def _cue_after(self, b: int) -> tuple[tuple[int, int] | None, _Mention | None]:
        """``"...," kata X`` / ``"...," ujarnya`` / ``"...," Lavrov menambahkan``."""
        k = b + 1
        if k < len(self.words) and self.words[k] == ",":
            k += 1
        if k >= len(self.words) or self.inside[k] or self.sents[k] != self.sents[b]:
            return None, None
        if self._is_cue(k):
            return (self.starts[k], self.ends[k]), self._clitic(k) or self.speaker_after(k + 1)
        speaker = self.speaker_after(k)
        if speaker is not None:
            j = k
            while j < len(self.words) and self.starts[j] < speaker.end:
                j += 1
            while j < len(self.words) and self.lower[j] in _BETWEEN:
                j += 1
            if j < len(self.words) and self._is_cue(j, anywhere=True):
                return (self.starts[j], self.ends[j]), speaker
        return None, None

    def _cue_before(self, a: int) -> tuple[tuple[int, int] | None, _Mention | None]:
        """``Lavrov mengatakan, "..."`` / ``Kata Lavrov, "..."`` / ``Lavrov: "..."``."""
        k = a - 1
        if k >= 0 and self.words[k] in {",", ":"}:
            k -= 1
        if k < 0 or self.inside[k]:
            return None, None
        if self._is_cue(k):
            return (self.starts[k], self.ends[k]), self._clitic(k) or self.speaker_before(k) or self._subject(k)
        if a >= 1 and self.words[a - 1] == ":":
            speaker = self.speaker_before(a - 1)
            if speaker is not None:
                return (self.starts[a - 1], self.ends[a - 1]), speaker
        # Kata Lavrov, "...": the cue opens the sentence, the speaker follows it
        first = self.sentence_start[k]
        if self._is_cue(first) and first < k:
            return (self.starts[first], self.ends[first]), self.speaker_after(first + 1)
        return None, None

    def _indirect(self) -> list[_Found]:
        out: list[_Found] = []
        for i in range(len(self.words)):
            if self.inside[i] or not self._is_cue(i):
                continue
            if i > 0 and self.lower[i - 1] in _NEGATIONS:
                continue  # Lavrov tidak menyebutkan ...: nothing was said
            comma_before = i > self.sentence_start[i] and self.words[i - 1] == ","
            after_quote_cue = not self.cues[self.lower[i]].any_position
            if self.lower[i] == "menurut" or (comma_before and after_quote_cue and not self._quote_before(i)):
                out.extend(self._cue_inside(i, comma_before))
            elif self.cues[self.lower[i]].any_position:
                found = self._reported(i)
                if found is not None:
                    out.append(found)
        return out + self._partial(out)

    def _quote_before(self, i: int) -> bool:
        """Whether a quotation closes right before this cue (``"...," kata``): a direct quote's cue."""
        k = i - 1 if self.words[i - 1] == "," else i
        return k > 0 and bool(self.inside[k - 1])

    def _trim_end(self, last: int) -> int:
        while last >= 0 and self.words[last] in _CLOSING:
            last -= 1
        return last

    def _part(self, first: int, last: int) -> tuple[int, int] | None:
        """Offsets of tokens ``first..last`` less closing punctuation, if a word is left and no quotation opens in it."""
        while first <= last and self.words[first] in {",", ":"}:
            first += 1
        last = self._trim_end(last)
        if last < first or not any(w[:1].isalnum() for w in self.words[first : last + 1]):
            return None
        return self._content(first, last)

    def _reported(self, i: int) -> _Found | None:
        """``X mengatakan (bahwa) ...``: the clause after the cue, to the end of the sentence."""
        last = self._trim_end(self.sentence_end[i])
        first = i + 1
        # Lavrov mengatakan pada konferensi pers ... bahwa ...: the content begins after bahwa
        for k in range(i + 1, min(last, i + 13) + 1):
            if self.lower[k] == "bahwa":
                first = k + 1
                break
            if self._is_cue(k) or self.inside[k]:
                break
        while first <= last and (self.words[first] in {",", ":"} or self.lower[first] == "bahwa"):
            first += 1
        if (first in self.opening and not self._partial_quote(first, last)) or last - first < 2:
            return None  # Lavrov mengatakan, "...": a direct quote's cue; or nothing reported
        speaker = self.speaker_before(i) or self._subject(i)
        if speaker is None:
            return None
        return _Found("indirect", self.cues[self.lower[i]].cue_class, self._content(first, last), (self.starts[i], self.ends[i]), speaker, False)

    def _partial_quote(self, opening: int, last: int) -> bool:
        """Whether the quotation opening at this token is a few words inside a clause that goes on."""
        closing = self.closing_of[opening]
        return closing < last - 1 and self.sents[closing] == self.sents[opening]

    def _subject(self, i: int) -> _Mention | None:
        """The speaker as the subject of the cue's sentence, when it is not right before the cue.

        ``Rachel McDonald, kepala bagian ..., mengatakan``: a person, an organisation
        or a pronoun opening the sentence (or the clause after its last comma)
        within reach; else the words of that clause when they are few
        (``jaksa menyebut``, ``Jaksa dan kepolisian menilai``).
        """
        first = self.sentence_start[i]
        k = i - 1
        while k > first and self.words[k] != ",":
            k -= 1
        clause = k + 1 if self.words[k] == "," and k < i - 1 else first
        for start in dict.fromkeys((first, clause)):
            if i - start > 14 or any(self.inside[start:i]):
                continue
            if self.lower[start] in PRONOUNS:
                return _Mention(self.starts[start], self.ends[start], None, "pronoun")
            found = self.by_start.get(self.starts[start])
            if found is not None and any(self._is_cue(j) for j in range(start, i)) is False:
                return found
        words = [w for w in self.words[clause:i] if w[:1].isalnum()]
        stop = lang_id.stopword_list("default")
        if 1 <= len(words) <= 5 and words[0].lower() not in stop and words[-1].lower() not in stop and not any(self._is_cue(j) for j in range(clause, i)):
            return _Mention(self.starts[clause], self.ends[i - 1], self.text[self.starts[clause] : self.ends[i - 1]], None)
        return None

    def _cue_inside(self, i: int, comma_before: bool) -> list[_Found]:
        """``Menurut X, ...``, ``..., menurut X, ...``, ``..., kata X.``, ``..., kata X, ...``, ``..., lanjut X ...``."""
        speaker = self._clitic(i) or self.speaker_after(i + 1)
        if speaker is None:
            return []
        after = i + 1
        while after < len(self.words) and self.starts[after] < speaker.end:
            after += 1
        sentence_first, sentence_last = self.sentence_start[i], self.sentence_end[i]
        parts: list[tuple[int, int]] = []
        if comma_before and not any(self.inside[sentence_first:i]):
            before = self._part(sentence_first, i - 2)
            if before:
                parts.append(before)
        rest = after + 1 if after < len(self.words) and self.words[after] == "," else after
        circumstances = lang_id.speech_circumstances()
        opens_circumstances = self.lower[i] != "menurut" and rest < len(self.words) and self.lower[rest] in circumstances
        if rest <= sentence_last and not any(self.inside[rest : sentence_last + 1]) and not opens_circumstances:
            if self.lower[i] == "menurut" or not parts or self.words[after : after + 1] == [","] or self.cues[self.lower[i]].any_position is False:
                following = self._part(rest, sentence_last)
                if following and (parts or self.lower[i] == "menurut"):
                    parts.append(following)
                elif following and not parts and not comma_before:
                    parts.append(following)
        cue = (self.starts[i], self.ends[i])
        kind_class = self.cues[self.lower[i]].cue_class
        return [_Found("indirect", kind_class, part, cue, speaker, False) for part in parts]

    def _partial(self, reported: list[_Found]) -> list[_Found]:
        """Words in quotation marks inside a reported clause (``tetap menjadi “landasan”``): direct too."""
        taken = {f.content[0] for f in self._direct_cache}
        out = []
        for f in reported:
            k = bisect_left(self.pair_starts, f.content[0])
            while k < len(self.pairs) and self.pair_starts[k] <= f.content[1]:
                a, b = self.pairs[k]
                if b - a >= 2 and self.ends[b] <= f.content[1] + 1 and self.starts[a + 1] not in taken:
                    out.append(_Found("direct", f.cue_class, self._content(a + 1, b - 1), f.cue, f.speaker, False))
                k += 1
        return out

    # -- resolution ----------------------------------------------------------------------
    def _pronoun_speaker(self, offset: int, last_speaker: str | None, last_at: int) -> str | None:
        """The most recent fitting speaker before ``offset``: the last person named outside
        quotation marks, or the last speaker if that was named later."""
        k = bisect_left(self.people_outside, (offset, ""))
        if k and self.people_outside[k - 1][0] > last_at:
            return self.people_outside[k - 1][1]
        return last_speaker

    def lower_at(self, offset: int) -> str:
        """The lowercased token that starts at a character offset."""
        i = bisect_left(self.starts, offset)
        return self.lower[i] if i < len(self.words) and self.starts[i] == offset else ""

    def _titled(self, offset: int, title: str) -> str | None:
        """The person a title alone stands for (``kata Menpar``): the last one before it with that title."""
        holders = self.titled.get(title.split()[-1], [])
        k = bisect_left(holders, (offset, ""))
        return holders[k - 1][1] if k else title

    def inside_offset(self, offset: int) -> bool:
        """Whether a character offset lies inside a quotation."""
        i = bisect_left(self.starts, offset)
        return i < len(self.words) and bool(self.inside[i])

    def _resolve(self, found: list[_Found]) -> list[tuple]:
        rows: list[tuple] = []
        last_speaker: str | None = None
        last_at = -1
        last_mention: _Mention | None = None
        for f in found:
            mention = f.speaker
            if f.inherit:
                mention, speaker = last_mention, last_speaker
            elif mention is None:
                speaker = None
            elif mention.label == "pronoun" and self.lower_at(mention.start) in _PLURAL:
                speaker = None  # kata mereka: a group the text does not name as one
            elif mention.label == "pronoun":
                speaker = self._pronoun_speaker(min(f.content[0], mention.start), last_speaker, last_at)
            elif mention.label is None and mention.key in self.titles:
                speaker = self._titled(mention.start, mention.key)
            else:
                speaker = mention.key
            start, end = f.content
            content = self.text[start:end]
            cue = (self.text[f.cue[0] : f.cue[1]], f.cue[0], f.cue[1]) if f.cue else (None, -1, -1)
            said = (self.text[mention.start : mention.end], mention.start, mention.end) if mention else (None, -1, -1)
            rows.append((f.kind, f.cue_class, start, end, content, *cue, *said, speaker))
            if speaker is not None:
                last_speaker = speaker
                last_at = mention.start if mention is not None else f.content[0]
                last_mention = mention
        return rows


def _outermost(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in pairs:
        if out and a < out[-1][1]:
            continue
        out.append((a, b))
    return out


def _last_of_run(values: list[int]) -> list[int]:
    """For each position, the last position of its run of equal values."""
    out = [0] * len(values)
    last = len(values) - 1
    for i in range(len(values) - 1, -1, -1):
        if i < len(values) - 1 and values[i] != values[i + 1]:
            last = i
        out[i] = last
    return out


def _first_of_run(values: list[int]) -> list[int]:
    """For each position, the first position of its run of equal values."""
    out = [0] * len(values)
    first = 0
    for i, value in enumerate(values):
        if i and value != values[i - 1]:
            first = i
        out[i] = first
    return out


def read_quote_annotations(path: str | Path, corpus: pd.DataFrame) -> pd.DataFrame:
    """Read hand-annotated statements (the JSON-lines format of ``tests/data/quotes-dev.jsonl``).

    One JSON object a line: ``{"doc_id": ..., "quotes": [{"kind", "content",
    "content_occurrence", "cue", "cue_class", "speaker_mention", "speaker"}, ...]}``;
    ``content`` is found in the document's text at its ``content_occurrence``
    (0: the first).  A document missing from ``corpus``, a content that does
    not occur, or a bad line is an error naming the file and line.

    Returns
    -------
    pandas.DataFrame
        One row per annotated statement: ``doc_id``, ``kind``, ``cue_class``,
        ``content_start``, ``content_end``, ``content``, ``cue``, ``speaker``.
    """
    import json

    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"], strict=True))
    rows: list[tuple] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}, line {number}"
            try:
                record = json.loads(line)
                doc = str(record["doc_id"])
                statements = record["quotes"]
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{where}: expected a JSON object with doc_id and quotes ({error})") from error
            if doc not in texts:
                raise ValueError(f"{where}: document {doc!r} is not in the corpus")
            text = texts[doc]
            for k, quote in enumerate(statements):
                content, occurrence = quote.get("content"), int(quote.get("content_occurrence", 0))
                if quote.get("kind") not in {"direct", "indirect"} or not isinstance(content, str) or not content:
                    raise ValueError(f"{where}, quote {k}: needs kind direct|indirect and a content string")
                start = -1
                for _ in range(occurrence + 1):
                    start = text.find(content, start + 1)
                    if start < 0:
                        raise ValueError(f"{where}, quote {k}: content {content[:40]!r} does not occur {occurrence + 1} time(s) in {doc!r}")
                rows.append((doc, quote["kind"], quote.get("cue_class") or "speech", start, start + len(content), content, quote.get("cue"), quote.get("speaker")))
    return pd.DataFrame(rows, columns=["doc_id", "kind", "cue_class", "content_start", "content_end", "content", "cue", "speaker"])


def score_quotes(found: pd.DataFrame, gold: pd.DataFrame, *, overlap: float = 0.5) -> pd.DataFrame:
    """Precision, recall and F1 of found statements against annotated ones, by kind; and speakers.

    A found statement matches a gold one of the same document and kind when
    their content spans overlap by at least ``overlap`` of their union; each
    gold statement is matched once (greedily, by overlap).  ``speaker_right``
    is the share of matched statements whose ``speaker`` equals the gold one
    (both ``None`` counts as right).

    Examples
    --------
    >>> gold = pd.DataFrame({"doc_id": ["a", "a"], "kind": ["direct", "indirect"], "content_start": [0, 50],
    ...                      "content_end": [20, 90], "speaker": ["Lavrov", None]})
    >>> found = pd.DataFrame({"doc_id": ["a"], "kind": ["direct"], "content_start": [0], "content_end": [21], "speaker": ["Lavrov"]})
    >>> score_quotes(found, gold)[["kind", "found", "gold", "matched", "f1", "speaker_right"]].values.tolist()
    [['direct', 1, 1, 1, 1.0, 1.0], ['indirect', 0, 1, 0, 0.0, nan], ['all', 1, 2, 1, 0.6666666666666666, 1.0]]
    """
    out = []
    matched_speakers: list[bool] = []
    totals = [0, 0, 0]
    for kind in ("direct", "indirect"):
        f = found[found["kind"].astype(str) == kind]
        g = gold[gold["kind"].astype(str) == kind]
        pairs = []
        g_by_doc: dict[str, list[tuple[int, int, int, object]]] = {}
        for i, (doc, a, b, s) in enumerate(zip(g["doc_id"].astype(str), g["content_start"], g["content_end"], g["speaker"], strict=True)):
            g_by_doc.setdefault(doc, []).append((i, int(a), int(b), s))
        for j, (doc, a, b, s) in enumerate(zip(f["doc_id"].astype(str), f["content_start"], f["content_end"], f["speaker"], strict=True)):
            for i, ga, gb, gs in g_by_doc.get(doc, []):
                inter = max(0, min(b, gb) - max(a, ga))
                union = max(b, gb) - min(a, ga)
                if union and inter / union >= overlap:
                    pairs.append((inter / union, i, j, s, gs))
        pairs.sort(key=lambda p: -p[0])
        used_g: set[int] = set()
        used_f: set[int] = set()
        right: list[bool] = []
        for _, i, j, s, gs in pairs:
            if i in used_g or j in used_f:
                continue
            used_g.add(i)
            used_f.add(j)
            right.append((s if isinstance(s, str) else None) == (gs if isinstance(gs, str) else None))
        matched = len(used_g)
        p = matched / len(f) if len(f) else 0.0
        r = matched / len(g) if len(g) else 0.0
        out.append((kind, len(f), len(g), matched, p, r, 2 * p * r / (p + r) if p + r else 0.0, sum(right) / len(right) if right else float("nan")))
        matched_speakers += right
        totals = [totals[0] + len(f), totals[1] + len(g), totals[2] + matched]
    p = totals[2] / totals[0] if totals[0] else 0.0
    r = totals[2] / totals[1] if totals[1] else 0.0
    out.append(("all", *totals, p, r, 2 * p * r / (p + r) if p + r else 0.0, sum(matched_speakers) / len(matched_speakers) if matched_speakers else float("nan")))
    return pd.DataFrame(out, columns=["kind", "found", "gold", "matched", "precision", "recall", "f1", "speaker_right"])
