"""Every notebook runs top to bottom on a fresh kernel, and is committed clean."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from telaah.notebooks import find_notebooks, run_notebook

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = find_notebooks(ROOT / "notebooks")
SOLUTIONS = find_notebooks(ROOT / "notebooks" / "solutions") if (ROOT / "notebooks" / "solutions").is_dir() else []
ALL = NOTEBOOKS + SOLUTIONS
# Teaching notebooks are numbered 01-05 and 07; 06_report is the report `telaah report` runs (tests/test_report.py).
TEACHING = [p for p in NOTEBOOKS if p.name[:2] in {"01", "02", "03", "04", "05", "07"}]


def test_there_are_notebooks():
    assert any(p.name.startswith("01_") for p in NOTEBOOKS)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, f"{path.name}: code cells {dirty} carry outputs or execution counts"


@pytest.mark.parametrize("path", TEACHING, ids=lambda p: p.name)
def test_teaching_notebook_opens_with_objectives_and_has_checked_exercises(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0].source
    assert "What you will learn" in first and "What you need" in first and "Time" in first
    assert re.search(r"What you need (to know )?already", first), f"{path.name}: say what the learner needs to know already"
    checks = sum(c.source.count('check("Latihan') for c in nb.cells if c.cell_type == "code")
    assert checks >= 2, f"{path.name}: needs at least two checked exercises"
    last = nb.cells[-1]
    assert last.cell_type == "markdown" and "## Summary" in last.source, f"{path.name}: end with a ## Summary"
    assert "Next" in last.source, f"{path.name}: say where to go next"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path, monkeypatch):
    if path in SOLUTIONS:
        monkeypatch.setenv("TELAAH_STRICT_CHECKS", "1")
    nb = run_notebook(path, timeout=300)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    stray = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" for o in c.outputs
             if "<Axes" in str(o.get("data", {}).get("text/plain", ""))[:40]]
    assert not stray, f"{path.name}: code cells {stray} print <Axes ...>: end the cell with ';' or assign the chart"
    figures = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    chart_cells = [c for c in nb.cells if c.cell_type == "code" and "plt.subplots" in c.source]
    assert len(figures) >= len(chart_cells), f"{path.name}: a chart cell drew nothing"


@pytest.mark.parametrize("hide_code", [False, True])
def test_exported_pages_open_offline(tmp_path, hide_code):
    import re

    from telaah.notebooks import export_html

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Judul\n\nHarga naik $33 dan $40."), nbformat.v4.new_code_cell("print('isi')")]
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="isi\n")]
    nb.cells[1].execution_count = 1
    page = export_html(nb, tmp_path / "page.html", hide_code=hide_code).read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)=["']https?://""", page), "the page fetches something from the network"
    assert not re.search(r"""import\(\s*["']https?://""", page)
    assert "isi" in page and "$33" in page
    assert bool(re.search(r"In(?:\s|&nbsp;)\[1\]", page)) is not hide_code  # a report has no In [ ] prompts


def test_the_landing_page_says_what_each_notebook_teaches_and_summarises_reports():
    from telaah.notebooks import landing_page, notebook_summary

    first = nbformat.read(NOTEBOOKS[0], as_version=4)
    info = notebook_summary(first)
    assert info["title"].startswith("01") and info["learn"].startswith("1.") and info["time"]
    page = landing_page([(f"{NOTEBOOKS[0].stem}.html", info)], [("sample/report.html", "sample", "**22 sentences**, one article.")])
    assert f'href="{NOTEBOOKS[0].stem}.html"' in page and "<strong>22 sentences</strong>" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
