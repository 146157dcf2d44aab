"""Write the digests of ``data/teach/exercises.json`` from the solution notebooks' answers.

Run after an exercise, or the data behind it, changes::

    .venv/bin/python tools/answer_keys.py            # every solution notebook, both editions
    .venv/bin/python tools/answer_keys.py --check    # exit 1 when a stored digest differs

Each solution notebook runs on a fresh kernel with ``TELAAH_RECORD_ANSWERS`` set, so
``telaah.teach.check`` records the key entry of each answer instead of judging it (the exercise's
``kind``, ``decimals`` and hints are written by hand in the JSON and kept).  The two editions
compute the same answers; a difference between them is an error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from telaah.notebooks import find_notebooks, run_notebook

ROOT = Path(__file__).resolve().parents[1]
KEY = ROOT / "data" / "teach" / "exercises.json"
HASHED = ("type", "digest", "digests")


def recorded_answers(folders: list[Path]) -> dict[str, dict]:
    answers: dict[str, dict] = {}
    for folder in folders:
        for path in find_notebooks(folder):
            with tempfile.NamedTemporaryFile("r", suffix=".jsonl", encoding="utf-8") as record:
                os.environ["TELAAH_RECORD_ANSWERS"] = record.name
                try:
                    run_notebook(path, timeout=600)
                finally:
                    del os.environ["TELAAH_RECORD_ANSWERS"]
                for line in record.read().splitlines():
                    entry = json.loads(line)
                    name = entry.pop("exercise")
                    if name in answers and answers[name] != entry:
                        raise SystemExit(f"{path}: exercise {name} gives another answer than in an earlier notebook")
                    answers[name] = entry
            print(f"{path.relative_to(ROOT)}: recorded", file=sys.stderr)
    return answers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    key = json.loads(KEY.read_text(encoding="utf-8"))
    folders = [p for p in (ROOT / "notebooks" / "solutions", ROOT / "notebooks" / "id" / "solutions") if p.is_dir()]
    answers = recorded_answers(folders)
    stale = []
    for name, entry in answers.items():
        if name not in key:
            raise SystemExit(f"{KEY}: no entry for exercise {name}: add its kind and hints first")
        fresh = {k: entry[k] for k in HASHED if k in entry}
        if any(key[name].get(k) != v for k, v in fresh.items()):
            stale.append(name)
            key[name].update(fresh)
    if args.check:
        print("stale: " + ", ".join(stale) if stale else "every digest matches the solutions")
        return 1 if stale else 0
    KEY.write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{KEY.relative_to(ROOT)}: {len(stale)} entries updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
