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

__all__ = [
    "run_notebook",
    "export_html",
    "offline_html",
    "find_notebooks",
    "clear_outputs",
    "notebook_summary",
    "report_summary",
    "landing_page",
    "notebook_language",
    "learner_notebook",
    "write_learner_notebooks",
    "code_skeleton",
    "HEADINGS",
]

# The fixed words of a teaching notebook, per edition: the first cell's headings, the last cell's
# summary, and the title prefix of a solution notebook.  Tests and the landing page read them.
HEADINGS: dict[str, dict[str, str]] = {
    "en": {
        "learn": "What you will learn",
        "need": "What you need to know already",
        "time": "Time",
        "summary": "Summary",
        "next": "Next",
        "solutions": "Solutions · ",
        "stub": "# your answer",
    },
    "id": {
        "learn": "Yang akan Anda pelajari",
        "need": "Yang perlu sudah Anda ketahui",
        "time": "Waktu",
        "summary": "Ringkasan",
        "next": "Selanjutnya",
        "solutions": "Pembahasan · ",
        "stub": "# jawaban Anda",
    },
}


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

    Widgets cannot run on such a page: an output that also carries a static
    picture (``text/html``, as :func:`telaah.explore.explorer` gives) shows
    the picture; the notebook itself is not changed.
    """
    import copy

    from nbconvert import HTMLExporter

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data and "text/html" in data:
                del data[WIDGET_VIEW]
    nb.metadata.pop("widgets", None)
    exporter = HTMLExporter(
        exclude_input=hide_code, exclude_input_prompt=hide_code, exclude_output_prompt=hide_code, embed_images=True
    )
    body, _ = exporter.from_notebook_node(nb)
    body = offline_html(body)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")
    return out


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
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


def notebook_summary(nb: nbformat.NotebookNode) -> dict[str, str]:
    """A teaching notebook's title, what it teaches and its time, read from its first cell
    (in the notebook's language, :func:`notebook_language`).

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
    ...     "# 01 · Tokens\\n\\nIntro.\\n\\n**What you will learn**\\n1. Tokens.\\n2. Stems.\\n\\n**Time**: 45 minutes.")])
    >>> notebook_summary(nb)
    {'title': '01 · Tokens', 'learn': '1. Tokens.\\n2. Stems.', 'time': '45 minutes.', 'language': 'en'}
    """
    words = HEADINGS[notebook_language(nb)]
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    lines = first.splitlines()
    title = next((line.lstrip("# ").strip() for line in lines if line.startswith("# ")), "")
    learn: list[str] = []
    time_line = ""
    reading = False
    for line in lines:
        if line.strip().startswith(f"**{words['learn']}**"):
            reading = True
            continue
        if reading:
            if not line.strip() or line.startswith("**"):
                reading = False
            else:
                learn.append(line.rstrip())
        if line.startswith(f"**{words['time']}**"):
            time_line = line.split(":", 1)[1].strip() if ":" in line else ""
    return {"title": title, "learn": "\n".join(learn), "time": time_line, "language": notebook_language(nb)}


def report_summary(path: str | Path) -> str:
    """The summary paragraph an executed report (``report.ipynb``) opens with, as Markdown ("" if none)."""
    nb = nbformat.read(Path(path), as_version=4)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/markdown", "")
            if text.startswith("# Telaah report"):
                return text.split("\n", 1)[1].strip() if "\n" in text else ""
    return ""


def landing_page(notebooks: list[tuple[str, dict[str, str]]], reports: list[tuple[str, str, str]]) -> str:
    """The ``index.html`` of ``make report``: what each notebook teaches, with links, and each report's summary.

    ``notebooks`` holds ``(href, notebook_summary(...))``; ``reports`` holds
    ``(href, name, summary Markdown)``.  The page is self-contained (no script,
    no remote style).

    Examples
    --------
    >>> page = landing_page([("01.html", {"title": "01 · Tokens", "learn": "1. *Kata*.", "time": "45 minutes"})],
    ...                     [("sample/report.html", "sample", "500 documents.")])
    >>> "<em>Kata</em>" in page and 'href="sample/report.html"' in page and "45 minutes" in page
    True
    """
    from html import escape

    from nbconvert.filters.markdown import markdown2html

    parts = [
        "<!doctype html><html lang='en'><meta charset='utf-8'><title>Telaah: notebooks and reports</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        "section{border-top:1px solid #ccc;padding:.5rem 0}h2{margin-bottom:.2rem}.time{color:#555}</style>",
        "<h1>Telaah: notebooks and reports</h1>",
        "<p>The teaching notebooks, run top to bottom on the bundled sample corpora, and the reports written by "
        "<code>telaah report</code>. Every page opens offline.</p>",
    ]
    if reports:
        parts.append("<h2>Reports</h2>")
        for href, name, summary in reports:
            parts.append(f"<section><h3><a href=\"{escape(href)}\">Report: {escape(name)}</a></h3>{markdown2html(summary) if summary else ''}</section>")
    editions = {"en": ("Teaching notebooks", "en"), "id": ("Edisi Bahasa Indonesia: notebook pengajaran", "id")}
    for language, (heading, lang) in editions.items():
        pages = [(href, info) for href, info in notebooks if info.get("language", "en") == language]
        if not pages:
            continue
        parts.append(f"<h2 lang='{lang}'>{escape(heading)}</h2>")
        for href, info in pages:
            learn = markdown2html(info.get("learn", "")) if info.get("learn") else ""
            time_word = HEADINGS[language]["time"]
            time_text = f"<p class='time'>{time_word}: {escape(info['time'])}</p>" if info.get("time") else ""
            parts.append(
                f"<section lang='{lang}'><h3><a href=\"{escape(href)}\">{escape(info.get('title') or href)}</a></h3>{learn}{time_text}</section>"
            )
    parts.append("</html>\n")
    return "\n".join(parts)


# ---------------------------------------------------------------------------
# Learner notebooks, generated from the solution notebooks
# ---------------------------------------------------------------------------


def notebook_language(nb: nbformat.NotebookNode) -> str:
    """The edition of a notebook: ``metadata["telaah"]["language"]``, ``"en"`` when not set.

    Examples
    --------
    >>> notebook_language(nbformat.v4.new_notebook(metadata={"telaah": {"language": "id"}}))
    'id'
    """
    language = nb.metadata.get("telaah", {}).get("language", "en")
    if language not in HEADINGS:
        raise ValueError(f"notebook metadata telaah.language={language!r}: expected one of {', '.join(HEADINGS)}")
    return language


def learner_notebook(solution: nbformat.NotebookNode, *, name: str = "notebook") -> nbformat.NotebookNode:
    """The learner's notebook made from a solution notebook.

    A solution notebook is the one source of an exercise.  In the learner's
    copy:

    * a code cell tagged ``solution`` keeps its ``check(...)`` and
      ``hint(...)`` calls, and each ``jawaban_N = <solution>`` becomes
      ``jawaban_N = ...`` with a comment; anything else in it (helper code
      that gives the answer away) is left out;
    * a cell tagged ``solution-only`` (a discussion that names the answer)
      is left out;
    * the title loses its ``Solutions · `` prefix (``Pembahasan · `` in the
      Indonesian edition).

    Outputs are cleared.  ``name`` is used in error messages.

    Raises
    ------
    ValueError
        When a ``solution`` cell is not plain Python, or assigns no
        ``jawaban_...`` name, or the title lacks the solution prefix.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_markdown_cell("# Solutions · 01 · Tokens"),
    ...     nbformat.v4.new_code_cell('jawaban_1 = len("abc")\\n\\ncheck("01.1", jawaban_1)', metadata={"tags": ["solution"]}),
    ...     nbformat.v4.new_markdown_cell("It is 3.", metadata={"tags": ["solution-only"]})])
    >>> learner = learner_notebook(nb)
    >>> [c.source for c in learner.cells]
    ['# 01 · Tokens', 'jawaban_1 = ...  # your answer\\n\\ncheck("01.1", jawaban_1)']
    """
    import ast
    import copy

    words = HEADINGS[notebook_language(solution)]
    nb = copy.deepcopy(solution)
    cells = []
    for index, cell in enumerate(nb.cells):
        tags = list(cell.metadata.get("tags", []))
        if "solution-only" in tags:
            continue
        if "solution" in tags:
            if cell.cell_type != "code":
                raise ValueError(f"{name}: cell {index} is tagged 'solution' but is {cell.cell_type}; tag a discussion 'solution-only'")
            try:
                tree = ast.parse(cell.source)
            except SyntaxError as error:
                raise ValueError(f"{name}: cell {index} (tagged 'solution') is not plain Python: {error}") from None
            stubs, calls = [], []
            for statement in tree.body:
                target = statement.targets[0] if isinstance(statement, ast.Assign) and len(statement.targets) == 1 else None
                if isinstance(target, ast.Name) and target.id.startswith("jawaban"):
                    stubs.append(f"{target.id} = ...  {words['stub']}")
                elif (
                    isinstance(statement, ast.Expr)
                    and isinstance(statement.value, ast.Call)
                    and isinstance(statement.value.func, ast.Name)
                    and statement.value.func.id in {"check", "hint"}
                ):
                    calls.append(ast.get_source_segment(cell.source, statement))
            if not stubs:
                raise ValueError(f"{name}: cell {index} is tagged 'solution' but assigns no jawaban_... name")
            cell.source = "\n".join(stubs) + ("\n\n" + "\n".join(calls) if calls else "")
            tags = [t for t in tags if t != "solution"] + ["exercise"]
        if tags:
            cell.metadata["tags"] = tags
        cells.append(cell)
    nb.cells = cells
    title = nb.cells[0].source if nb.cells and nb.cells[0].cell_type == "markdown" else ""
    prefix = "# " + words["solutions"]
    if not title.startswith(prefix):
        raise ValueError(f"{name}: a solution notebook's first cell starts with {prefix!r}")
    nb.cells[0].source = "# " + title[len(prefix):]
    return clear_outputs(nb)


def write_learner_notebooks(folder: str | Path, *, check: bool = False) -> list[Path]:
    """Write (or, with ``check=True``, compare) the learner notebooks of every ``solutions`` folder.

    Each ``solutions/NAME.ipynb`` under ``folder`` (``notebooks/solutions``,
    ``notebooks/id/solutions``) gives ``NAME.ipynb`` in the folder above it.

    Returns
    -------
    list of Path
        The learner notebooks written; with ``check=True``, those that differ
        from what the generator makes (an empty list means all agree).
    """
    folder = Path(folder)
    changed = []
    for solutions in sorted(p for p in folder.rglob("solutions") if p.is_dir()):
        for source in find_notebooks(solutions):
            target = solutions.parent / source.name
            learner = learner_notebook(nbformat.read(source, as_version=4), name=str(source))
            text = nbformat.writes(learner)
            text = text if text.endswith("\n") else text + "\n"
            current = target.read_text(encoding="utf-8") if target.is_file() else None
            if current == text:
                continue
            changed.append(target)
            if not check:
                tmp = target.with_name(f".{target.name}.tmp")
                tmp.write_text(text, encoding="utf-8")
                tmp.replace(target)
    return changed


def code_skeleton(nb: nbformat.NotebookNode) -> list[list[str]]:
    """The code of a notebook with the words of its language masked: one token list per code cell.

    Two editions of a notebook have the same code when their skeletons are
    equal: the same names, numbers, operators and layout of statements, cell
    by cell.  What may differ is what a reader reads: string literals (chart
    titles, axis labels, printed sentences, the ``use_language`` argument)
    and comments.

    Examples
    --------
    >>> en = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('ax.set_title("Words")  # a chart')])
    >>> id_ = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('ax.set_title("Kata")  # sebuah grafik')])
    >>> code_skeleton(en) == code_skeleton(id_)
    True
    """
    import io
    import tokenize

    masked = {tokenize.STRING} | {getattr(tokenize, name) for name in ("FSTRING_MIDDLE",) if hasattr(tokenize, name)}
    skip = {tokenize.NL, tokenize.ENCODING, tokenize.COMMENT}
    out = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        try:
            tokens = list(tokenize.generate_tokens(io.StringIO(cell.source).readline))
        except (tokenize.TokenError, SyntaxError) as error:
            raise ValueError(f"code cell {index} cannot be tokenized: {error}") from None
        out.append(["<text>" if t.type in masked else t.string for t in tokens if t.type not in skip])
    return out
