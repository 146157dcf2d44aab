"""Lemmatize words with nlp-id, for ``bench/stem_eval.py``; run by *another* virtual environment's Python.

Reads one word a line on stdin, writes ``nlp_id.lemmatizer.Lemmatizer().lemmatize(word)`` one a line on
stdout (a newline inside a result becomes a space).  nlp-id is never a dependency of Telaah: install it
in its own environment, e.g.

    python3 -m venv /work/nlpid-venv && /work/nlpid-venv/bin/pip install nlp-id==0.1.23

and pass ``--nlp-id /work/nlpid-venv/bin/python`` to ``bench/stem_eval.py``.  This file imports nothing
from Telaah, so that it runs in that environment.
"""

import sys

from nlp_id.lemmatizer import Lemmatizer


def main() -> None:
    lemmatizer = Lemmatizer()
    out = sys.stdout
    for line in sys.stdin:
        word = line.rstrip("\n")
        out.write(lemmatizer.lemmatize(word).replace("\n", " ") + "\n")


if __name__ == "__main__":
    main()
