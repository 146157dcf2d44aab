"""`telaah report` / make_report: every output, identical tables on a rerun, and fast, clear failures."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import nbformat
import pytest

from telaah.cli import main
from telaah.errors import CorpusError
from telaah.report import REPORT_NOTEBOOK, check_topics, make_report, report_notebook_path

# A spreadsheet export: CRLF rows, a text column with line breaks, doubled quotes and commas inside
# quoted cells, ids in their own column, and a metadata column.
CSV_EXPORT = (
    'no,tanggal,isi\r\n'
    '101,2024-03-01,"Pemerintah Jepang dan Rusia membahas sengketa wilayah di Moskwa.\n\n'
    'Menteri Luar Negeri Rusia mengatakan, ""Kami ingin perdamaian yang adil,"" kepada wartawan."\r\n'
    '102,2024-03-02,"Ekspor gas Rusia ke Jepang naik tahun ini; harga gas dan minyak ikut naik.\n'
    'Perdagangan kedua negara, kata pejabat itu, ""masih bisa tumbuh""."\r\n'
    '103,2024-03-03,"Pasukan Rusia menggelar latihan militer di dekat pulau sengketa.\n\n'
    'Jepang memprotes latihan militer itu dan memperkuat pertahanan di wilayah utara."\r\n'
    '104,2024-03-04,"Harga minyak dan gas naik lagi. Pedagang di Tokyo mengatakan ekspor dan impor '
    'energi menjadi ""urusan semua orang"", bukan hanya pemerintah."\r\n'
)
IDS = ["101", "102", "103", "104"]
OPTIONS = {"text_column": "isi", "id_column": "no", "unit": "document", "topics": 2, "seed": 3}


@pytest.fixture(scope="module")
def corpus_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("korpus") / "berita.csv"
    path.write_bytes(CSV_EXPORT.encode("utf-8"))
    return path


@pytest.fixture(scope="module")
def reports(corpus_csv, tmp_path_factory) -> tuple[Path, Path]:
    """The same report twice: once from the command line, once from Python (two kernel runs in all)."""
    root = tmp_path_factory.mktemp("laporan")
    first, second = root / "a", root / "b"
    status = main(
        ["report", str(corpus_csv), "--out", str(first), "--text-column", "isi", "--id-column", "no",
         "--unit", "document", "--topics", "2", "--seed", "3", "--no-progress"]
    )
    assert status == 0
    assert make_report(corpus_csv, out=second, progress=False, **OPTIONS) == second.resolve()
    return first, second


def test_the_report_notebook_is_found_and_takes_parameters():
    path = report_notebook_path()
    assert path.name == REPORT_NOTEBOOK
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for name in ("SOURCE", "TEXT_COLUMN", "ID_COLUMN", "UNIT", "THEMES", "TOPICS", "SEED", "OUT"):
        assert f"{name} = " in tagged[0].source


def test_report_writes_notebook_html_figures_tables_and_manifest(reports, corpus_csv):
    out, _ = reports
    nb = nbformat.read(out / "report.ipynb", as_version=4)
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and "TOPICS = 2" in injected[0].source and 'TEXT_COLUMN = "isi"' in injected[0].source

    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Telaah report" in html and "Key terms against general Indonesian" in html
    assert "save_table(" not in html, "code cells are hidden by default"

    figures = {p.stem for p in (out / "figures").glob("*.png")}
    assert {"top_terms", "keyness", "theme_profile", "theme_heatmap", "topics_terms", "doc_topics"} <= figures
    assert figures == {p.stem for p in (out / "figures").glob("*.svg")}, "every chart as PNG and SVG"
    assert all((out / "figures" / f"{name}.png").read_bytes().startswith(b"\x89PNG") for name in figures)

    tables = {p.stem for p in (out / "tables").glob("*.csv")}
    assert {"frequencies", "keyness", "collocations", "theme_scores", "topics_terms", "doc_topics"} <= tables

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["seed"] == 3
    assert manifest["parameters"]["TOPICS"] == 2 and manifest["parameters"]["TEXT_COLUMN"] == "isi"
    assert manifest["corpus"]["sha256"] == {"berita.csv": hashlib.sha256(corpus_csv.read_bytes()).hexdigest()}
    assert manifest["corpus"]["rows"] == 4
    versions = manifest["versions"]
    for name in ("python", "telaah", "pysastrawi", "pandas", "numpy", "scikit-learn", "nltk", "matplotlib", "wordfreq"):
        assert versions[name] and versions[name] != "not installed", name
    assert datetime.fromisoformat(manifest["started"]) <= datetime.fromisoformat(manifest["ended"])
    for name, digest in manifest["outputs"]["tables"].items():
        assert hashlib.sha256((out / "tables" / name).read_bytes()).hexdigest() == digest


def test_report_reads_the_csv_export_whole(reports):
    import pandas as pd

    out, _ = reports
    summary = pd.read_csv(out / "tables" / "corpus_summary.csv", dtype={"doc_id": str})
    assert summary["doc_id"].tolist() == IDS
    # The quoted text inside the cells is text: its words are counted.
    terms = set(pd.read_csv(out / "tables" / "frequencies.csv")["term"])
    assert {"damai", "urus", "gas", "latih"} <= terms
    topics = pd.read_csv(out / "tables" / "doc_topics.csv", dtype={"doc_id": str})
    assert set(topics["topic"]) == {0, 1} and set(topics["doc_id"]) <= set(IDS)


def test_same_corpus_parameters_and_seed_give_identical_tables(reports):
    first, second = reports
    names = sorted(p.name for p in (first / "tables").glob("*.csv"))
    assert names == sorted(p.name for p in (second / "tables").glob("*.csv"))
    for name in names:
        assert (first / "tables" / name).read_bytes() == (second / "tables" / name).read_bytes(), name


def test_a_rerun_replaces_an_earlier_report_but_other_folders_are_refused(reports, corpus_csv, tmp_path):
    (tmp_path / "catatan.txt").write_text("jangan dihapus", encoding="utf-8")
    with pytest.raises(ValueError, match="not empty"):
        make_report(corpus_csv, out=tmp_path, **OPTIONS)
    assert (tmp_path / "catatan.txt").exists() and not (tmp_path / "report.html").exists()


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        ({"source": "tidak-ada.csv"}, CorpusError, "tidak-ada.csv: no such file"),
        ({"text_column": "teks"}, CorpusError, "teks"),
        ({"id_column": "nomor"}, CorpusError, "nomor"),
        ({"topics": "tiga"}, ValueError, "topics='tiga'"),
        ({"topics": 1}, ValueError, "at least 2 topics"),
        ({"topics": 40}, ValueError, "topics=40: the corpus has only"),
        ({"unit": "kalimat"}, ValueError, "unit='kalimat'"),
        ({"seed": -1}, ValueError, "seed=-1"),
        ({"themes": "tema-tidak-ada.csv"}, ValueError, "no such lexicon file"),
        ({"themes": "BAD_LEXICON"}, ValueError, "lacks column"),
    ],
    ids=lambda v: str(v)[:30] if not isinstance(v, type) else v.__name__,
)
def test_bad_inputs_fail_before_anything_runs(change, error, message, corpus_csv, tmp_path):
    options = {**OPTIONS, **change}
    source = options.pop("source", corpus_csv)
    if options.get("themes") == "BAD_LEXICON":
        options["themes"] = tmp_path / "tema.csv"
        options["themes"].write_text("tema,istilah\nenergi,gas\n", encoding="utf-8")
    out = tmp_path / "laporan"
    with pytest.raises(error, match=message):
        make_report(source, out=out, **options)
    assert not out.exists(), "nothing is written when an input is wrong"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--text-column", "teks"], "teks"),
        (["--topics", "nol"], "topics='nol'"),
        (["--themes", "tema-tidak-ada.csv"], "no such lexicon file"),
    ],
)
def test_cli_reports_bad_inputs_in_one_line_and_exits_2(args, message, corpus_csv, tmp_path, capsys):
    out = tmp_path / "laporan"
    # The last of two --text-column options wins.
    assert main(["report", str(corpus_csv), "--out", str(out), "--text-column", "isi", "--id-column", "no", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("telaah: ") and message in err and "Traceback" not in err
    assert not out.exists()


def test_cli_missing_source_exits_2(tmp_path, capsys):
    assert main(["report", str(tmp_path / "kosong.txt"), "--out", str(tmp_path / "x")]) == 2
    assert "kosong.txt: no such file" in capsys.readouterr().err


@pytest.mark.parametrize(("value", "expected"), [("auto", "auto"), ("AUTO", "auto"), ("none", None), (None, None), ("7", 7), (2, 2)])
def test_check_topics_accepts(value, expected):
    assert check_topics(value) == expected


@pytest.mark.parametrize("value", ["", "dua", "2.5", 0, -3, True, 2.0])
def test_check_topics_refuses(value):
    with pytest.raises(ValueError, match="topics="):
        check_topics(value)


def test_notebooks_command_skips_the_report_notebook_and_links_reports(tmp_path):
    folder, html = tmp_path / "nb", tmp_path / "html"
    folder.mkdir()
    for name in ("01_pengantar.ipynb", REPORT_NOTEBOOK):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {name}")])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, folder / name)
    (html / "sample").mkdir(parents=True)
    (html / "sample" / "report.html").write_text("<p>laporan</p>", encoding="utf-8")
    assert main(["notebooks", "--folder", str(folder), "--html-dir", str(html)]) == 0
    assert sorted(p.name for p in html.glob("*.html")) == ["01_pengantar.html", "index.html"]
    index = (html / "index.html").read_text(encoding="utf-8")
    assert 'href="01_pengantar.html"' in index and 'href="sample/report.html"' in index
