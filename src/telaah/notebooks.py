"""Run Telaah's notebooks headless: the same code path for tests and reports.

Notebooks are executed top to bottom on a fresh kernel with ``nbclient``, in
their own folder (so relative paths behave as in JupyterLab), and can be
exported to standalone HTML with ``nbconvert``.
"""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

__all__ = ["run_notebook", "export_html", "find_notebooks", "clear_outputs"]


def find_notebooks(folder: str | Path) -> list[Path]:
    """Return the ``*.ipynb`` files of ``folder`` (not its subfolders), sorted by name.

    Examples
    --------
    >>> from telaah.resources import data_dir
    >>> find_notebooks(data_dir().parent / "notebooks")[0].name
    '01_tokenization_and_stemming.ipynb'
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such folder of notebooks")
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))


def run_notebook(path: str | Path, *, timeout: int = 600, kernel_name: str = "python3") -> nbformat.NotebookNode:
    """Execute a notebook on a fresh kernel and return it with its outputs.

    The file on disk is not changed.  A failing cell raises
    ``nbclient.exceptions.CellExecutionError``, whose message names the
    cell and shows the traceback.

    Parameters
    ----------
    path : str or Path
        The notebook.
    timeout : int
        Seconds one cell may take.
    kernel_name : str
        The Jupyter kernel; ``python3`` is the environment's own Python.
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name=kernel_name, resources={"metadata": {"path": str(path.parent.resolve())}}
    )
    started = time.perf_counter()
    client.execute()
    nb.metadata["telaah_seconds"] = round(time.perf_counter() - started, 2)
    return nb


def export_html(nb: nbformat.NotebookNode, out: str | Path, *, hide_code: bool = False) -> Path:
    """Write an executed notebook as a standalone HTML page (images embedded)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=hide_code, embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")
    return out


def clear_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove outputs and execution counts from every code cell (in place), as committed notebooks must be."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb
