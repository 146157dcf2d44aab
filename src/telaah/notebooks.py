"""Run Telaah's notebooks headless: the same code path for tests and reports.

Notebooks are executed top to bottom on a fresh kernel with ``nbclient``, in
their own folder (so relative paths behave as in JupyterLab), and can be
exported to standalone HTML with ``nbconvert``.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

__all__ = ["run_notebook", "export_html", "offline_html", "find_notebooks", "clear_outputs"]


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
    """Write an executed notebook as a standalone HTML page that opens offline.

    Images are embedded, and nothing is fetched from the network: the
    template's remote scripts (require.js, MathJax, the Mermaid loader, widget
    managers) and style sheets are left out (Telaah's pages use no TeX and no
    diagrams; a ``$`` stays a dollar sign).  With ``hide_code`` (a report) the
    code cells and the ``In []``/``Out []`` prompts are left out too.
    """
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        exclude_input=hide_code, exclude_input_prompt=hide_code, exclude_output_prompt=hide_code, embed_images=True
    )
    body, _ = exporter.from_notebook_node(nb)
    body = offline_html(body)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")
    return out


_REMOTE_SCRIPT = re.compile(r"<script\b[^>]*\bsrc=[\"']https?://[^>]*>\s*</script>", re.IGNORECASE)
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref=[\"']https?://[^>]*>", re.IGNORECASE)
_REMOTE_MODULE = re.compile(r"<script\b[^>]*>(?:(?!</script>).)*?import\(\s*[\"']https?://.*?</script>", re.IGNORECASE | re.DOTALL)
_MATHJAX_CONFIG = re.compile(r"<script type=\"text/x-mathjax-config\">.*?</script>", re.DOTALL)


def offline_html(html: str) -> str:
    """Remove from an HTML page every script and style sheet it would fetch from the network.

    Examples
    --------
    >>> page = '<script src="https://cdn.example/x.js"></script><p>isi</p><link rel="stylesheet" href="http://a/b.css">'
    >>> offline_html(page)
    '<p>isi</p>'
    """
    for pattern in (_REMOTE_SCRIPT, _REMOTE_LINK, _REMOTE_MODULE, _MATHJAX_CONFIG):
        html = pattern.sub("", html)
    return html


def clear_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove outputs and execution counts from every code cell (in place), as committed notebooks must be."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb
