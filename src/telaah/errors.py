"""Errors raised by Telaah, and how their messages name options."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

__all__ = ["CorpusError", "option", "command_line_style"]


class CorpusError(ValueError):
    """A corpus could not be read as given.

    The message names the file, the line or row, and what is wrong, e.g.
    ``corpus.jsonl, line 3: not valid JSON (Expecting ',' delimiter)``.
    """


_COMMAND_LINE = contextvars.ContextVar("telaah_command_line", default=False)
_NO_VALUE = object()
# Options whose command-line flag has another name than the Python argument.
_FLAGS = {"random_state": "seed"}


def option(name: str, value: object = _NO_VALUE) -> str:
    """How a message names an option: as a Python argument, or as a flag when the command line runs.

    Every message that tells the user to set an option builds the option's
    name with this function, so the same message reads ``pass encoding='cp1252'``
    from Python and ``pass --encoding cp1252`` from the ``telaah`` command.

    Parameters
    ----------
    name : str
        The Python argument name (``text_column``).
    value : object, optional
        The value to show: ``True`` is a bare flag on the command line.

    Examples
    --------
    >>> option("text_column"), option("encoding", "cp1252"), option("recursive", True)
    ('text_column=', "encoding='cp1252'", 'recursive=True')
    >>> with command_line_style():
    ...     option("text_column"), option("encoding", "cp1252"), option("recursive", True), option("random_state", 3)
    ('--text-column', '--encoding cp1252', '--recursive', '--seed 3')
    """
    if _COMMAND_LINE.get():
        flag = "--" + _FLAGS.get(name, name).replace("_", "-")
        if value is _NO_VALUE or value is True:
            return flag
        return f"{flag} {value}"
    return f"{name}=" if value is _NO_VALUE else f"{name}={value!r}"


@contextlib.contextmanager
def command_line_style() -> Iterator[None]:
    """Within this block, :func:`option` names options as command-line flags (used by ``telaah``)."""
    token = _COMMAND_LINE.set(True)
    try:
        yield
    finally:
        _COMMAND_LINE.reset(token)
