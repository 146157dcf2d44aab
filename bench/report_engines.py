"""`telaah report` in memory and on Dask, on the same corpus: seconds, peak memory, and whether the tables agree.

Usage::

    .venv/bin/python bench/report_engines.py ../shared/data/indosum-dev-text.jsonl [--id-column id] [--groupby source]

Runs ``telaah report CORPUS --unit document`` (pandas) and ``telaah report CORPUS --engine dask``
(Dask's ``processes`` scheduler, as the command line uses it), each in a subprocess, one after the
other, into temporary folders.  Printed: seconds of each run, the peak resident memory of the
largest process of each run (the notebook kernel, or a Dask worker process), the ratio of the
times, and which of the report's tables are byte for byte the same (``doc_topics`` too: a corpus
under 2,000 documents is modelled whole on Dask, so the tables agree; above that, Dask fits its
topics on a sample and the topic tables differ by design).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _run(command: list[str]) -> tuple[float, float]:
    """Seconds, and the peak resident MB of the largest process the command ran (itself or a descendant)."""
    code = (
        "import resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, *command], check=True, capture_output=True, text=True)
    seconds, peak = done.stdout.split()
    return float(seconds), float(peak)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--id-column", default=None)
    parser.add_argument("--groupby", default=None)
    args = parser.parse_args(argv)
    telaah = str(Path(sys.executable).with_name("telaah"))
    options = [*(["--id-column", args.id_column] if args.id_column else []), *(["--groupby", args.groupby] if args.groupby else []), "--no-progress"]
    with tempfile.TemporaryDirectory(prefix="telaah-report-bench-") as tmp:
        folder = Path(tmp)
        runs: dict[str, Path] = {}
        times: dict[str, float] = {}
        for engine, extra in (("pandas", ["--unit", "document"]), ("dask", ["--engine", "dask"])):
            out = folder / engine
            started = time.perf_counter()
            seconds, peak = _run([telaah, "report", str(args.corpus), "--out", str(out), *extra, *options])
            runs[engine] = out
            print(f"{engine}: {seconds:.1f} s (wall {time.perf_counter() - started:.1f} s); largest process peak {peak:,.0f} MB")
            times[engine] = seconds
        print(f"ratio dask / pandas time: {times['dask'] / times['pandas']:.2f}")
        names = sorted(p.name for p in (runs["pandas"] / "tables").glob("*.csv"))
        same = [n for n in names if (runs["dask"] / "tables" / n).read_bytes() == (runs["pandas"] / "tables" / n).read_bytes()]
        differ = sorted(set(names) - set(same))
        print(f"tables byte for byte the same: {len(same)} of {len(names)}" + (f"; differ: {', '.join(differ)}" if differ else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
