"""Every notebook runs top to bottom on a fresh kernel, and is committed clean."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from telaah.notebooks import (
    HEADINGS,
    code_skeleton,
    find_notebooks,
    learner_notebook,
    notebook_language,
    run_notebook,
    write_learner_notebooks,
)

ROOT = Path(__file__).resolve().parents[1]
# The two editions: English in notebooks/, Bahasa Indonesia in notebooks/id/; each has its solutions/.
EDITIONS = {"en": ROOT / "notebooks", "id": ROOT / "notebooks" / "id"}
NOTEBOOKS = find_notebooks(EDITIONS["en"])
SOLUTIONS = find_notebooks(EDITIONS["en"] / "solutions")
ID_NOTEBOOKS = find_notebooks(EDITIONS["id"])
ID_SOLUTIONS = find_notebooks(EDITIONS["id"] / "solutions")
ALL = NOTEBOOKS + SOLUTIONS + ID_NOTEBOOKS + ID_SOLUTIONS
ALL_SOLUTIONS = SOLUTIONS + ID_SOLUTIONS
# Teaching notebooks are numbered 01-05 and 07; 06_report is the report `telaah report` runs (tests/test_report.py).
TEACHING_NUMBERS = {"01", "02", "03", "04", "05", "07"}
TEACHING = [p for p in NOTEBOOKS + ID_NOTEBOOKS if p.name[:2] in TEACHING_NUMBERS]
CHECK_CALL = re.compile(r'check\("(\d\d\.\d+)"')


def _ids(path: Path) -> str:
    return str(path.relative_to(ROOT / "notebooks"))


def test_there_are_notebooks():
    assert any(p.name.startswith("01_") for p in NOTEBOOKS)


@pytest.mark.parametrize("path", ALL, ids=_ids)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, f"{path.name}: code cells {dirty} carry outputs or execution counts"


@pytest.mark.parametrize("path", TEACHING, ids=_ids)
def test_teaching_notebook_opens_with_objectives_and_has_checked_exercises(path):
    nb = nbformat.read(path, as_version=4)
    words = HEADINGS[notebook_language(nb)]
    first = nb.cells[0].source
    for heading in ("learn", "need", "time"):
        assert f"**{words[heading]}**" in first, f"{path.name}: the first cell needs **{words[heading]}**"
    checks = [c for c in nb.cells if c.cell_type == "code" and CHECK_CALL.search(c.source)]
    assert len(checks) >= 2, f"{path.name}: needs at least two checked exercises"
    last = nb.cells[-1]
    assert last.cell_type == "markdown" and f"## {words['summary']}" in last.source, f"{path.name}: end with a ## {words['summary']}"
    assert words["next"] in last.source, f"{path.name}: say where to go next"


@pytest.mark.parametrize("path", TEACHING, ids=_ids)
def test_learner_notebook_does_not_give_the_answer_away(path):
    import ast

    nb = nbformat.read(path, as_version=4)
    assert not [i for i, c in enumerate(nb.cells) if {"solution", "solution-only"} & set(c.metadata.get("tags", []))]
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "check":
                # check("01.1", jawaban_1): the name of the exercise and the learner's answer, nothing else
                assert len(node.args) == 2 and not node.keywords, f"{path.name}: cell {index} passes more than the answer to check"
                assert isinstance(node.args[1], ast.Name) and node.args[1].id.startswith("jawaban")
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id.startswith("jawaban") for t in node.targets):
                assert isinstance(node.value, ast.Constant) and node.value.value is ..., f"{path.name}: cell {index} fills in an answer"


def test_every_exercise_has_a_key_and_hints_in_both_languages():
    import json

    key = json.loads((ROOT / "data" / "teach" / "exercises.json").read_text(encoding="utf-8"))
    used = {m for p in ALL_SOLUTIONS for c in nbformat.read(p, as_version=4).cells for m in CHECK_CALL.findall(c.source)}
    assert used, "no check calls found"
    assert used <= set(key), f"exercises without a key: {sorted(used - set(key))}"
    assert set(key) - used <= {"00.1", "00.2"}, f"keys no notebook uses: {sorted(set(key) - used - {'00.1', '00.2'})}"
    for name in used:
        assert key[name]["hint"]["en"] and key[name]["hint"]["id"]
        assert "digest" in key[name] or "digests" in key[name], f"{name}: run tools/answer_keys.py"


def test_committed_learner_notebooks_are_what_the_solutions_generate():
    stale = write_learner_notebooks(ROOT / "notebooks", check=True)
    assert not stale, f"regenerate with `make notebooks`: {[str(p.relative_to(ROOT)) for p in stale]}"


def test_both_editions_hold_every_teaching_notebook_with_the_same_code():
    en = {p.name: p for p in SOLUTIONS if p.name[:2] in TEACHING_NUMBERS}
    id_ = {p.name: p for p in ID_SOLUTIONS}
    assert set(en) == set(id_) and len(en) == len(TEACHING_NUMBERS), f"editions differ: {sorted(set(en) ^ set(id_))}"
    for name in sorted(en):
        english, indonesian = (nbformat.read(p[name], as_version=4) for p in (en, id_))
        assert notebook_language(english) == "en" and notebook_language(indonesian) == "id"
        a, b = code_skeleton(english), code_skeleton(indonesian)
        assert len(a) == len(b), f"{name}: {len(a)} code cells in English, {len(b)} in Indonesian"
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            assert x == y, f"{name}: code cell {index} differs between the editions (beyond strings and comments)"
        kinds = [c.cell_type for c in english.cells], [c.cell_type for c in indonesian.cells]
        assert kinds[0] == kinds[1], f"{name}: the editions' cells are not in the same order"


def test_learner_notebook_replaces_answers_and_drops_discussions():
    solution = nbformat.v4.new_notebook(metadata={"telaah": {"language": "id"}})
    solution.cells = [
        nbformat.v4.new_markdown_cell("# Pembahasan · 09 · Uji"),
        nbformat.v4.new_code_cell('bantu = 2\njawaban_1 = bantu + 1  # tiga\ncheck("09.1", jawaban_1)', metadata={"tags": ["solution"]}),
        nbformat.v4.new_markdown_cell("Jawabannya 3.", metadata={"tags": ["solution-only"]}),
        nbformat.v4.new_code_cell("print(1)"),
    ]
    learner = learner_notebook(solution)
    assert [c.source for c in learner.cells] == ["# 09 · Uji", 'jawaban_1 = ...  # jawaban Anda\n\ncheck("09.1", jawaban_1)', "print(1)"]
    assert learner.cells[1].metadata["tags"] == ["exercise"]
    assert solution.cells[1].source.startswith("bantu")  # the solution itself is not changed


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ([nbformat.v4.new_markdown_cell("# 09 · no prefix")], "starts with '# Solutions · '"),
        ([nbformat.v4.new_markdown_cell("# Solutions · 09"), nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["solution"]})], "assigns no jawaban"),
        ([nbformat.v4.new_markdown_cell("# Solutions · 09"), nbformat.v4.new_code_cell("%time jawaban_1 = 1", metadata={"tags": ["solution"]})], "not plain Python"),
        ([nbformat.v4.new_markdown_cell("# Solutions · 09"), nbformat.v4.new_markdown_cell("x", metadata={"tags": ["solution"]})], "is markdown"),
    ],
)
def test_learner_notebook_refuses_a_malformed_solution(cells, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        learner_notebook(nbformat.v4.new_notebook(cells=cells), name="uji.ipynb")


def test_code_skeleton_sees_a_changed_name_or_number():
    def skeleton(source):
        return code_skeleton(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]))

    assert skeleton('plot(ax, title="Kata")') == skeleton('plot(ax, title="Words")  # English')
    assert skeleton("top(tokens, 10)") != skeleton("top(tokens, 20)")
    assert skeleton("top(tokens)") != skeleton("top(table)")


@pytest.mark.parametrize("path", ALL, ids=_ids)
def test_notebook_runs_top_to_bottom(path, monkeypatch):
    if path in ALL_SOLUTIONS:
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
    indonesian = notebook_summary(nbformat.read(ID_NOTEBOOKS[0], as_version=4))
    assert indonesian["title"].startswith("01") and indonesian["learn"].startswith("1.") and indonesian["time"]
    assert indonesian["language"] == "id"
    both = landing_page([(f"{NOTEBOOKS[0].stem}.html", info), (f"id/{ID_NOTEBOOKS[0].stem}.html", indonesian)], [])
    assert both.index("<h2 lang='en'>") < both.index("<h2 lang='id'>Edisi Bahasa Indonesia") < both.index(f'href="id/{ID_NOTEBOOKS[0].stem}.html"')
    assert "Waktu:" in both
    page = landing_page([(f"{NOTEBOOKS[0].stem}.html", info)], [("sample/report.html", "sample", "**22 sentences**, one article.")])
    assert f'href="{NOTEBOOKS[0].stem}.html"' in page and "<strong>22 sentences</strong>" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page


def test_the_lesson_plans_fit_their_sessions_and_agree_across_languages():
    def sessions(path: Path) -> list[list[tuple[int, int]]]:
        out: list[list[tuple[int, int]]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"## (Session|Sesi) \d", line):
                out.append([])
            m = re.match(r"\| (\d)[:.](\d\d)-(\d)[:.](\d\d) \|", line)
            if m and out:
                h1, m1, h2, m2 = map(int, m.groups())
                out[-1].append((h1 * 60 + m1, h2 * 60 + m2))
        return out

    english, indonesian = sessions(ROOT / "docs" / "teaching.md"), sessions(ROOT / "docs" / "teaching.id.md")
    assert len(english) >= 2 and english == indonesian, "the two lesson plans differ in their timings"
    for number, blocks in enumerate(english, start=1):
        assert blocks[0][0] == 0 and blocks[-1][1] <= 90, f"session {number} does not fit 90 minutes"
        assert all(a[1] == b[0] for a, b in zip(blocks, blocks[1:], strict=False)), f"session {number} has a gap or an overlap"
