"""Checks for the exercises (*Latihan*) in Telaah's notebooks.

A check says what is right, or what to look at; it never fails with a bare
``AssertionError``.  An exercise left as ``...`` is reported as not answered
yet, so a notebook still runs top to bottom.  With ``TELAAH_STRICT_CHECKS=1``
(set by the test suite when it runs the solutions) a wrong or missing answer
raises :class:`ExerciseError`, so a broken solution is caught.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

__all__ = ["ExerciseError", "check"]


class ExerciseError(AssertionError):
    """An exercise's answer is wrong or missing (raised only in strict mode)."""


def _strict() -> bool:
    return os.environ.get("TELAAH_STRICT_CHECKS", "") not in ("", "0")


def check(
    exercise: str,
    answer: Any,
    expected: Any,
    *,
    hint: str,
    compare: Callable[[Any, Any], bool] | None = None,
) -> None:
    """Check an exercise's answer and print a friendly verdict.

    Parameters
    ----------
    exercise : str
        The exercise's name, e.g. ``"Latihan 1"``.
    answer : object
        The learner's answer; ``...`` means not answered yet.
    expected : object
        The right answer.
    hint : str
        What to look at when the answer is wrong.
    compare : callable, optional
        ``compare(answer, expected) -> bool``; equality by default (sets and
        lists of strings are compared as sets when ``expected`` is a set).

    Raises
    ------
    ExerciseError
        Only in strict mode (``TELAAH_STRICT_CHECKS=1``), when the answer is
        wrong or missing.

    Examples
    --------
    >>> check("Latihan 0", 2 + 2, 4, hint="add the numbers")
    Latihan 0: benar! (correct)
    >>> check("Latihan 0", ..., 4, hint="add the numbers")
    Latihan 0: not answered yet. Replace ... with your answer. Hint: add the numbers
    """
    if answer is ...:
        message = f"{exercise}: not answered yet. Replace ... with your answer. Hint: {hint}"
        ok = False
    else:
        if compare is None:
            compare = _same_set if isinstance(expected, (set, frozenset)) else _equal
        ok = bool(compare(answer, expected))
        message = f"{exercise}: benar! (correct)" if ok else f"{exercise}: not yet right (you gave {_short(answer)}). Hint: {hint}"
    print(message)
    if not ok and _strict():
        raise ExerciseError(message)


def _equal(answer: Any, expected: Any) -> bool:
    return answer == expected


def _same_set(answer: Any, expected: Any) -> bool:
    try:
        return set(answer) == set(expected)
    except TypeError:
        return False


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
