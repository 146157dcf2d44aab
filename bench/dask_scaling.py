"""Corpora beyond memory: telaah.dask on 1x and Nx a corpus, on a LocalCluster, beside the in-memory path.

Usage::

    .venv/bin/python bench/dask_scaling.py ../shared/data/indosum-dev-text.jsonl [--copies 10] [--workers 2] [--memory-limit 1.5GB] [--one-file]

The corpus is copied ``--copies`` times into a temporary folder, one JSONL file a copy, with ids
made unique (``c03-<id>``); with ``--one-file`` the Nx corpus is those copies in one JSONL file,
which ``telaah.dask.read_corpus`` reads in parts of about 8 MB (one file, many partitions).  On a ``distributed.LocalCluster`` of ``--workers`` worker processes
(one thread each, ``--memory-limit`` each) the script builds the partitioned token table
(``telaah.dask.token_table`` then ``to_parquet``) and the stem frequencies from it
(``telaah.dask.frequencies`` on ``read_token_table``), first on one copy, then on all of them.
Printed: seconds, tokens per second, the peak resident memory of the client process and of each
worker, and the ratio of the Nx time to the 1x time (linear would be N).  The in-memory path
(``telaah.token_table`` and ``telaah.frequencies`` on one copy) is measured in the same run, in a
subprocess so that its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

IN_MEMORY = """
import json, resource, sys, time
from telaah import frequencies, read_corpus, token_table
started = time.perf_counter()
tokens = token_table(read_corpus(sys.argv[1], id_column="id"))
counts = frequencies(tokens)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "tokens": len(tokens), "terms": len(counts),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _copies(source: Path, folder: Path, n: int) -> list[Path]:
    lines = source.read_text(encoding="utf-8").splitlines()
    paths = []
    for copy in range(n):
        path = folder / f"copy{copy:02d}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for line in lines:
                row = json.loads(line)
                row["id"] = f"c{copy:02d}-{row['id']}"
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def _one_file(paths: list[Path], folder: Path) -> Path:
    path = folder / "all.jsonl"
    with path.open("wb") as handle:
        for part in paths:
            handle.write(part.read_bytes())
    return path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(paths: list[Path], out: Path) -> dict[str, float]:
    from telaah import dask as td

    started = time.perf_counter()
    corpus = td.read_corpus([str(p) for p in paths], id_column="id")
    tokens = td.token_table(corpus)
    td.to_parquet(tokens, out)
    table_seconds = time.perf_counter() - started
    counts = td.frequencies(td.read_token_table(out))
    seconds = time.perf_counter() - started
    import pyarrow.parquet as pq

    rows = sum(pq.ParquetFile(f).metadata.num_rows for f in out.glob("*.parquet"))
    return {"seconds": seconds, "table_seconds": table_seconds, "tokens": rows, "terms": len(counts), "partitions": corpus.npartitions}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-limit", default="1.5GB")
    parser.add_argument("--one-file", action="store_true", help="the Nx corpus as one JSONL file (read in parts)")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory(prefix="telaah-dask-bench-") as tmp:
        folder = Path(tmp)
        paths = _copies(args.corpus, folder, args.copies)
        eager = json.loads(subprocess.run([sys.executable, "-c", IN_MEMORY, str(paths[0])], capture_output=True, text=True, check=True).stdout)
        print(f"in memory, 1x: {eager['tokens']:,} tokens in {eager['seconds']:.1f} s ({eager['tokens'] / eager['seconds']:,.0f} tokens/s), peak {eager['peak_mb']:.0f} MB")
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, memory_limit=args.memory_limit, dashboard_address=None) as cluster, Client(cluster) as client:
            results = {}
            many = [_one_file(paths, folder)] if args.one_file else paths
            for label, chosen in (("1x", paths[:1]), (f"{args.copies}x", many)):
                client.restart()  # fresh workers: each run's peak is its own
                result = _run(chosen, folder / f"tokens-{label}")
                workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
                results[label] = result
                print(
                    f"dask, {label} ({len(chosen)} file(s), {result['partitions']} partitions): {result['tokens']:,} tokens; table {result['table_seconds']:.1f} s, with frequencies {result['seconds']:.1f} s "
                    f"({result['tokens'] / result['seconds']:,.0f} tokens/s); peak client {_peak_mb():.0f} MB, "
                    f"workers {', '.join(f'{mb:.0f}' for mb in workers.values())} MB"
                )
            one, many = results["1x"], results[f"{args.copies}x"]
            print(f"ratio {args.copies}x / 1x time: {many['seconds'] / one['seconds']:.2f} (linear: {args.copies}); "
                  f"dask 1x / in-memory 1x: {one['seconds'] / eager['seconds']:.2f}")
            print(f"the same terms at 1x and {args.copies}x: {one['terms']:,} and {many['terms']:,} (copies add no new term)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
