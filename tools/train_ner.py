"""Train the entity model Telaah ships, ``data/models/ner-id.crfsuite``.

Usage::

    .venv/bin/python tools/train_ner.py ../shared/data/ner/idner-train.txt

The training file is idner-news-2k's training split (Khairunnisa et al.
2020, MIT licence): Indonesian news, one ``TOKEN POS TAG`` line a
token.  The POS column is not used (Telaah has no tagger at run time).  Each
sentence is re-tokenized by Telaah's tokenizer first (``(Jokowi)`` becomes
``(`` ``Jokowi`` ``)``), with the tags carried over by character offsets, so that
the model learns on the tokens it will see.  The
model is written with a description (``ner-id.json``: feature version, the
training file's SHA-256, the settings) that :func:`telaah.ner.tagger` checks.
Training takes under a minute on two cores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from importlib import metadata
from pathlib import Path

import pandas as pd
import pycrfsuite

from telaah import __version__, token_table
from telaah.ner import FEATURE_VERSION, gazetteer_digest, model_path, read_iob, retokenize, sentence_features

SETTINGS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True, "feature.minfreq": 1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path, help="the IOB training file (idner-train.txt)")
    parser.add_argument("--out", type=Path, default=model_path(), help="where to write the model (default: the bundled one)")
    for key in ("c1", "c2"):
        parser.add_argument(f"--{key}", type=float, default=SETTINGS[key])
    args = parser.parse_args(argv)
    sentences = read_iob(args.train)
    retokenized = [retokenize(words, tags) for words, tags in sentences]
    # The stopwords come from a token table of the training text, as at run time.
    corpus = pd.DataFrame({"doc_id": [f"s{k}" for k in range(len(sentences))], "text": [" ".join(w) for w, _ in sentences]})
    table = token_table(corpus, progress=False)
    by_doc = table.groupby(table["doc_id"].cat.codes, sort=True)
    trainer = pycrfsuite.Trainer(verbose=False)
    for (words, tags), (_, rows) in zip(retokenized, by_doc, strict=True):
        if rows["token"].astype(str).tolist() != words:
            raise RuntimeError(f"the token table's tokens differ from retokenize's for {' '.join(words)!r}")
        trainer.append(sentence_features(words, rows["is_stop"].tolist()), tags)
    settings = dict(SETTINGS, c1=args.c1, c2=args.c2)
    trainer.set_params(settings)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    trainer.train(str(tmp))
    tmp.replace(args.out)
    info = {
        "feature_version": FEATURE_VERSION,
        "gazetteer_sha256": gazetteer_digest(),
        "training_file": args.train.name,
        "training_sha256": hashlib.sha256(args.train.read_bytes()).hexdigest(),
        "sentences": len(sentences),
        "tokens": sum(len(w) for w, _ in sentences),
        "settings": settings,
        "telaah": __version__,
        "python_crfsuite": metadata.version("python-crfsuite"),
        "licence": "trained on idner-news-2k (Khairunnisa et al. 2020), MIT licence",
    }
    args.out.with_suffix(".json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) from {info['sentences']} sentences, {info['tokens']} tokens")
    return 0


if __name__ == "__main__":
    sys.exit(main())
