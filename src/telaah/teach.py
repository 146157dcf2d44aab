"""Checks for the exercises (*Latihan*) in Telaah's notebooks, in the notebook's language.

A learner's check cell is only ``check("01.1", jawaban_1)``: the expected
answers are not in the notebook.  They live in ``data/teach/exercises.json``
as SHA-256 digests of a canonical form of the answer (salted with the
exercise's name), so reading the key is not an easier path than doing the
exercise.  Numbers are compared after rounding to the decimals the exercise
asks for; sets are stored element by element, so a check can say how many
elements are right without saying which.

``hint("01.1")`` prints the exercise's hint on request; a wrong answer prints
what is right about it and the hint.  An exercise left as ``...`` is reported
as not answered yet, so a notebook still runs top to bottom.  With
``TELAAH_STRICT_CHECKS=1`` (set by the test suite when it runs the solution
notebooks) a wrong or missing answer raises :class:`ExerciseError`, so a
broken solution, or a key that no longer matches the data, is caught.

The library's own messages are English; these checks speak the notebook's
language, set once at its top with ``use_language("id")`` or
``use_language("en")``.
"""

from __future__ import annotations

import hashlib
import json
import math
import numbers
import os
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from telaah.resources import data_path

__all__ = ["ExerciseError", "answer_key", "canonical", "check", "hint", "use_language"]

LANGUAGES = ("en", "id")
KINDS = ("exact", "set", "number")

_MESSAGES = {
    "en": {
        "right": "{exercise}: benar! (correct)",
        "missing": "{exercise}: not answered yet. Replace ... with your answer and run the cell; hint(\"{exercise}\") shows a hint.",
        "wrong": "{exercise}: not yet right (you gave {answer}).",
        "type": "{exercise}: the answer should be {expected}, but you gave {given} ({answer}).",
        "set": "{exercise}: {right} of your {given} elements are right; {missing} missing.",
        "extra": "{exercise}: {right} of your {given} elements are right; these are not part of the answer: {extra}.",
        "hint": "Hint ({exercise}): {hint}",
        "types": {"int": "a whole number", "number": "a number", "str": "a piece of text (str)", "set": "a set", "list": "a list (in order)"},
    },
    "id": {
        "right": "{exercise}: benar!",
        "missing": "{exercise}: belum dijawab. Ganti ... dengan jawaban Anda lalu jalankan sel ini; hint(\"{exercise}\") menampilkan petunjuk.",
        "wrong": "{exercise}: belum tepat (jawaban Anda {answer}).",
        "type": "{exercise}: jawabannya seharusnya {expected}, tetapi Anda memberi {given} ({answer}).",
        "set": "{exercise}: {right} dari {given} unsur jawaban Anda benar; {missing} belum ada.",
        "extra": "{exercise}: {right} dari {given} unsur jawaban Anda benar; yang ini bukan bagian dari jawaban: {extra}.",
        "hint": "Petunjuk ({exercise}): {hint}",
        "types": {"int": "bilangan bulat", "number": "bilangan", "str": "teks (str)", "set": "himpunan (set)", "list": "daftar berurutan (list)"},
    },
}

_language = "en"


class ExerciseError(AssertionError):
    """An exercise's answer is wrong or missing (raised only in strict mode)."""


def use_language(language: str) -> None:
    """Make :func:`check` and :func:`hint` speak ``language`` ("en" or "id").

    Examples
    --------
    >>> use_language("id")
    >>> check("00.1", 4)
    00.1: benar!
    >>> use_language("en")
    """
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"language={language!r}: choose one of {', '.join(LANGUAGES)}")
    _language = language


def canonical(value: Any, *, kind: str = "exact", decimals: int | None = None) -> str:
    """The canonical text of an answer, the form whose digest the key stores.

    Text is NFC-normalised, case-folded and stripped, with inner runs of white
    space made one space; whole numbers (``3``, ``3.0``, ``numpy.int64(3)``)
    are one form; a tuple and a list are the same ordered sequence.
    ``kind="number"`` rounds to ``decimals``.

    Examples
    --------
    >>> canonical(" Sergei  Lavrov ")
    'str:sergei lavrov'
    >>> canonical(3.0) == canonical(3)
    True
    >>> canonical(0.2791, kind="number", decimals=2)
    'num:0.28'
    >>> canonical(("Diplomasi", "kunjungan"))
    'list:str:diplomasi|str:kunjungan'
    """
    if kind == "number":
        number = _as_number(value)
        if number is None:
            raise TypeError(f"not a number: {value!r}")
        return f"num:{round(number, decimals or 0):.{decimals or 0}f}"
    if isinstance(value, str):
        text = " ".join(unicodedata.normalize("NFC", value).casefold().split())
        return f"str:{text}"
    number = _as_number(value)
    if number is not None:
        if float(number).is_integer():
            return f"int:{int(number)}"
        return f"num:{number!r}"
    if isinstance(value, (set, frozenset)):
        return "set:" + "|".join(sorted(canonical(v) for v in value))
    if _is_sequence(value):
        return "list:" + "|".join(canonical(v) for v in value)
    return f"{type(value).__name__}:{value!r}"


def answer_key(exercise: str, answer: Any, *, kind: str = "exact", decimals: int | None = None) -> dict[str, Any]:
    """The key entry for ``answer``: what ``data/teach/exercises.json`` stores for ``exercise``.

    Used when an exercise is written or changed (``tools/answer_keys.py``
    fills the digests from the solution notebooks' answers).

    Examples
    --------
    >>> entry = answer_key("00.1", 4)
    >>> entry["kind"], entry["type"], len(entry["digest"])
    ('exact', 'int', 64)
    >>> len(answer_key("00.2", {"a", "b"}, kind="set")["digests"])
    2
    """
    if kind not in KINDS:
        raise ValueError(f"kind={kind!r}: choose one of {', '.join(KINDS)}")
    entry: dict[str, Any] = {"kind": kind, "type": _type_of(answer, kind)}
    if kind == "set":
        entry["digests"] = sorted({_digest(exercise, canonical(v)) for v in _elements(answer)})
    elif kind == "number":
        entry["decimals"] = int(decimals or 0)
        entry["digest"] = _digest(exercise, canonical(answer, kind="number", decimals=decimals))
    else:
        entry["digest"] = _digest(exercise, canonical(answer))
    return entry


def check(exercise: str, answer: Any) -> None:
    """Check an exercise's answer against the key and print a friendly verdict.

    Parameters
    ----------
    exercise : str
        The exercise's name: notebook and number, e.g. ``"01.2"``.
    answer : object
        The learner's answer; ``...`` means not answered yet.

    Raises
    ------
    KeyError
        For an exercise that is not in the key.
    ExerciseError
        Only in strict mode (``TELAAH_STRICT_CHECKS=1``), when the answer is
        wrong or missing.

    Examples
    --------
    >>> check("00.1", 2 + 2)
    00.1: benar! (correct)
    >>> check("00.1", ...)
    00.1: not answered yet. Replace ... with your answer and run the cell; hint("00.1") shows a hint.
    >>> check("00.2", {"dagang", "bahas"})
    00.2: 1 of your 2 elements are right; these are not part of the answer: 'bahas'.
    Hint (00.2): the stems of perdagangan and pertahanan
    """
    entry = _entry(exercise)
    words = _MESSAGES[_language]
    recording = os.environ.get("TELAAH_RECORD_ANSWERS", "")
    if recording and answer is not ...:
        # tools/answer_keys.py runs the solution notebooks to (re)write the key from their answers
        with open(recording, "a", encoding="utf-8") as handle:
            record = answer_key(exercise, answer, kind=entry["kind"], decimals=entry.get("decimals"))
            handle.write(json.dumps({"exercise": exercise, **record}) + "\n")
        return
    if answer is ...:
        ok, message = False, words["missing"].format(exercise=exercise)
    else:
        ok, message = _verdict(exercise, entry, answer, words)
        if not ok:
            message += "\n" + words["hint"].format(exercise=exercise, hint=_hint_text(entry))
    print(message)
    if not ok and _strict():
        raise ExerciseError(message)


def hint(exercise: str) -> None:
    """Print the hint of an exercise, in the notebook's language.

    Examples
    --------
    >>> hint("00.1")
    Hint (00.1): add the numbers
    """
    entry = _entry(exercise)
    print(_MESSAGES[_language]["hint"].format(exercise=exercise, hint=_hint_text(entry)))


# ---------------------------------------------------------------------------


def _strict() -> bool:
    return os.environ.get("TELAAH_STRICT_CHECKS", "") not in ("", "0")


@cache
def _key() -> dict[str, dict[str, Any]]:
    path = data_path("teach", "exercises.json")
    with open(path, encoding="utf-8") as handle:
        key = json.load(handle)
    for name, entry in key.items():
        if entry.get("kind") not in KINDS:
            raise ValueError(f"{path}: exercise {name!r} has kind {entry.get('kind')!r}; expected one of {', '.join(KINDS)}")
        missing = [lang for lang in LANGUAGES if not entry.get("hint", {}).get(lang)]
        if missing:
            raise ValueError(f"{path}: exercise {name!r} has no hint in {', '.join(missing)}")
    return key


def _entry(exercise: str) -> dict[str, Any]:
    key = _key()
    if exercise not in key:
        raise KeyError(f"no exercise {exercise!r} in data/teach/exercises.json (known: {', '.join(sorted(key))})")
    return key[exercise]


def _hint_text(entry: Mapping[str, Any]) -> str:
    return str(entry["hint"][_language])


def _verdict(exercise: str, entry: Mapping[str, Any], answer: Any, words: Mapping[str, Any]) -> tuple[bool, str]:
    shown = _short(answer)
    expected_type = entry["type"]
    given_type = _type_of(answer, entry["kind"])
    compatible = given_type == expected_type or {given_type, expected_type} <= {"int", "number"} or (
        expected_type == "set" and given_type == "list"
    )
    if not compatible:
        types = words["types"]
        return False, words["type"].format(exercise=exercise, expected=types[expected_type], given=types.get(given_type, given_type), answer=shown)
    if entry["kind"] == "set":
        wanted = set(entry["digests"])
        elements = list(dict.fromkeys(_elements(answer)))
        right = [v for v in elements if _digest(exercise, canonical(v)) in wanted]
        extra = [v for v in elements if _digest(exercise, canonical(v)) not in wanted]
        if not extra and len(right) == len(wanted):
            return True, words["right"].format(exercise=exercise)
        if extra:
            listed = ", ".join(_short(v, 30) for v in extra[:5]) + (", ..." if len(extra) > 5 else "")
            return False, words["extra"].format(exercise=exercise, right=len(right), given=len(elements), extra=listed)
        return False, words["set"].format(exercise=exercise, right=len(right), given=len(elements), missing=len(wanted) - len(right))
    if entry["kind"] == "number":
        text = canonical(answer, kind="number", decimals=entry["decimals"])
    else:
        text = canonical(answer)
    if _digest(exercise, text) == entry["digest"]:
        return True, words["right"].format(exercise=exercise)
    return False, words["wrong"].format(exercise=exercise, answer=shown)


def _digest(exercise: str, text: str) -> str:
    return hashlib.sha256(f"telaah:{exercise}:{text}".encode()).hexdigest()


def _as_number(value: Any) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    number = float(value)
    return number if math.isfinite(number) else None


def _is_sequence(value: Any) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping))


def _elements(value: Any) -> list[Any]:
    if not _is_sequence(value):
        return [value]
    return list(value)


def _type_of(value: Any, kind: str) -> str:
    if kind == "number":
        return "number"
    if isinstance(value, str):
        return "str"
    number = _as_number(value)
    if number is not None:
        return "int" if float(number).is_integer() else "number"
    if isinstance(value, (set, frozenset)):
        return "set"
    if _is_sequence(value):
        return "set" if kind == "set" and not isinstance(value, (list, tuple)) else "list"
    return type(value).__name__


def _short(value: Any, limit: int = 80) -> str:
    if isinstance(value, (set, frozenset)):
        text = "{" + ", ".join(sorted(repr(v) for v in value)) + "}" if value else "set()"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
