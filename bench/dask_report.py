"""`telaah report --engine dask` on N copies of a corpus, on a LocalCluster: seconds and peak memory of the kernel and workers.

Usage::

    .venv/bin/python bench/dask_report.py ../shared/data/indosum-dev-text.jsonl [--copies 10] [--workers 2] [--memory-limit 1.5GB]

The corpus is copied ``--copies`` times, one JSONL file a copy, ids made unique (as
``bench/dask_scaling.py`` does).  ``telaah.report.make_report(..., engine="dask", scheduler=ADDRESS)``
runs the whole report notebook against a ``distributed.LocalCluster`` of ``--workers`` worker
processes (``--memory-limit`` each), once on one copy and once on all of them.  Printed: seconds,
the peak resident memory of the notebook kernel (where the reduced tables and the charts are) and
of each worker, and the ratio of the Nx time to the 1x time.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from dask_scaling import _copies  # noqa: E402  (the same copies as the scaling benchmark)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-limit", default="1.5GB")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    from telaah.report import make_report

    with tempfile.TemporaryDirectory(prefix="telaah-dask-report-") as tmp:
        folder = Path(tmp)
        (folder / "corpus").mkdir()
        (folder / "one").mkdir()
        paths = _copies(args.corpus, folder / "corpus", args.copies)
        (folder / "one" / paths[0].name).symlink_to(paths[0])
        seconds = {}
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, memory_limit=args.memory_limit, dashboard_address=None) as cluster, Client(cluster) as client:
            for label, source in (("1x", folder / "one"), (f"{args.copies}x", folder / "corpus")):
                client.restart()
                started = time.perf_counter()
                make_report(source, out=folder / f"report-{label}", engine="dask", scheduler=cluster.scheduler_address, id_column="id", groupby="source", progress=False)
                seconds[label] = time.perf_counter() - started
                kernel = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the kernels (ended) are the only children that ended
                workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
                print(f"dask report, {label}: {seconds[label]:.1f} s; peak kernel (so far) {kernel:,.0f} MB, workers {', '.join(f'{mb:,.0f}' for mb in workers.values())} MB")
        print(f"ratio {args.copies}x / 1x time: {seconds[f'{args.copies}x'] / seconds['1x']:.2f} (linear: {args.copies})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
