"""`telaah report` / make_report: every output, identical tables on a rerun, fast and clear failures, and a
report folder that never loses anything the report did not write."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import threading
import time
from datetime import datetime
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import pytest

import telaah.report as report_module
from telaah.cli import main
from telaah.errors import CorpusError, command_line_style
from telaah.report import (
    GENERATOR,
    MANIFEST_FORMAT,
    REPORT_NOTEBOOK,
    ReportError,
    check_groupby,
    check_topics,
    content_words,
    corpus_hashes,
    describe_trends,
    earlier_report,
    install_report,
    make_report,
    report_files,
    report_notebook_path,
    trend_period,
)

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
OPTIONS = {"text_column": "isi", "id_column": "no", "unit": "document", "topics": 2, "random_state": 3}
#: The user's own files, put into the report folder between the first run and the rerun.
ZEROS = "0" * 64
USER_FILES = {"figures/peta-saya.png": b"\x89PNG milik pengguna", "tables/catatan.csv": b"a,b\n1,2\n", "catatan.txt": b"jangan dihapus"}


def snapshot(folder: Path) -> dict[str, str]:
    """SHA-256 of every file below ``folder``, by relative path."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def leftovers(out: Path) -> list[str]:
    """The hidden folders a report builds beside ``out`` (there should be none once it returns)."""
    return sorted(p.name for p in out.parent.glob(f".{out.name}.telaah-*"))


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def hand_made_report(folder: Path, files: dict[str, bytes] | None = None) -> dict[str, str]:
    """An earlier Telaah report (format 2) written without a kernel; returns the snapshot of the folder."""
    old = {"report.ipynb": b"{}", "report.html": b"<p>lama</p>", "figures/top_terms.png": b"lama", "tables/frequencies.csv": b"term\nlama\n"}
    write_files(folder, files or old)
    manifest = {"generator": GENERATOR, "format": MANIFEST_FORMAT, "out": str(folder), "files": report_files(folder)}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return snapshot(folder)


def tiny_notebook(path: Path, code: str) -> Path:
    """A notebook with a parameters cell and one cell of ``code``: a real kernel run of a second or two."""
    cells = [nbformat.v4.new_code_cell('OUT = None\nSOURCE = None', metadata={"tags": ["parameters"]}), nbformat.v4.new_code_cell(code)]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def corpus_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("korpus") / "berita.csv"
    path.write_bytes(CSV_EXPORT.encode("utf-8"))
    return path


@pytest.fixture(scope="module")
def reports(corpus_csv, tmp_path_factory) -> dict:
    """A report from the command line, then a rerun from Python into the same folder, after the user put
    files of their own into it (two kernel runs in all)."""
    out = tmp_path_factory.mktemp("laporan") / "a"
    status = main(
        ["report", str(corpus_csv), "--out", str(out), "--text-column", "isi", "--id-column", "no",
         "--unit", "document", "--topics", "2", "--seed", "3", "--no-progress"]
    )
    assert status == 0
    first = snapshot(out)
    first_manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    write_files(out, USER_FILES)
    assert make_report(corpus_csv, out=out, progress=False, **OPTIONS) == out.resolve()
    return {"out": out, "first": first, "first_manifest": first_manifest}


@pytest.fixture
def no_kernel(monkeypatch):
    """Fail the test if a notebook kernel would start."""

    def refuse(*args, **kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(papermill, "execute_notebook", refuse)


@pytest.fixture
def fake_kernel(monkeypatch) -> list[dict]:
    """Stand in for papermill: record each call, write a figure and a table into the working directory."""
    calls: list[dict] = []

    def execute(input_path, output_path, *, parameters, cwd, **kwargs):
        calls.append({"output_path": output_path, "parameters": parameters, "cwd": cwd, "files": sorted(os.listdir(cwd))})
        out = Path(cwd) / parameters["OUT"]
        write_files(out, {"figures/top_terms.png": b"baru", "tables/frequencies.csv": b"term\nbaru\n"})
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Telaah report")])
        nb.metadata["papermill"] = {"output_path": output_path, "parameters": parameters}
        return nb

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    return calls


# What a report writes -------------------------------------------------------------------------------------------------


def test_the_report_notebook_is_found_and_takes_parameters():
    path = report_notebook_path()
    assert path.name == REPORT_NOTEBOOK
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for name in ("SOURCE", "TEXT_COLUMN", "ID_COLUMN", "UNIT", "ENCODING", "SEP", "RECURSIVE", "ON_ERROR", "DATE_COLUMN",
                 "DATE_FORMAT", "GROUPBY", "THEMES", "TOPICS", "RANDOM_STATE", "OUT"):
        assert f"{name} = " in tagged[0].source


def test_report_writes_notebook_html_figures_tables_and_manifest(reports, corpus_csv):
    out = reports["out"]
    nb = nbformat.read(out / "report.ipynb", as_version=4)
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and "TOPICS = 2" in injected[0].source and 'TEXT_COLUMN = "isi"' in injected[0].source

    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Telaah report" in html and "Key terms against general Indonesian" in html
    assert "save_table(" not in html, "code cells are hidden by default"

    figures = {p.stem for p in (out / "figures").glob("*.png")} - {"peta-saya"}
    assert {"top_terms", "keyness", "theme_profile", "theme_heatmap", "topics_terms", "doc_topics"} <= figures
    assert figures == {p.stem for p in (out / "figures").glob("*.svg")}, "every chart as PNG and SVG"
    assert all((out / "figures" / f"{name}.png").read_bytes().startswith(b"\x89PNG") for name in figures)

    tables = {p.stem for p in (out / "tables").glob("*.csv")}
    assert {"frequencies", "keyness", "collocations", "theme_scores", "topics_terms", "doc_topics"} <= tables

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["random_state"] == 3 and manifest["parameters"]["RANDOM_STATE"] == 3
    assert manifest["parameters"]["TOPICS"] == 2 and manifest["parameters"]["TEXT_COLUMN"] == "isi"
    assert manifest["corpus"]["sha256"] == {"berita.csv": hashlib.sha256(corpus_csv.read_bytes()).hexdigest()}
    assert manifest["corpus"]["rows"] == 4
    versions = manifest["versions"]
    for name in ("python", "telaah", "pysastrawi", "pandas", "numpy", "scikit-learn", "nltk", "matplotlib", "wordfreq"):
        assert versions[name] and versions[name] != "not installed", name
    assert datetime.fromisoformat(manifest["started"]) <= datetime.fromisoformat(manifest["ended"])
    for name, digest in manifest["outputs"]["tables"].items():
        assert hashlib.sha256((out / "tables" / name).read_bytes()).hexdigest() == digest


def test_without_dates_or_groups_the_new_sections_say_so_in_one_line(reports):
    out = reports["out"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Over time" in html and "The corpus has no dates, so nothing is charted over time" in html
    assert "By group" in html and "No groups" in html
    assert not list((out / "tables").glob("*trends*")) and not list((out / "tables").glob("group_*"))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["GROUPBY"] is None and manifest["parameters"]["DATE_COLUMN"] is None


def test_report_reads_the_csv_export_whole(reports):
    out = reports["out"]
    summary = pd.read_csv(out / "tables" / "corpus_summary.csv", dtype={"doc_id": str})
    assert summary["doc_id"].tolist() == IDS
    # The quoted text inside the cells is text: its words are counted.
    terms = set(pd.read_csv(out / "tables" / "frequencies.csv")["term"])
    assert {"damai", "urus", "gas", "latih"} <= terms
    topics = pd.read_csv(out / "tables" / "doc_topics.csv", dtype={"doc_id": str})
    assert set(topics["topic"]) == {0, 1} and set(topics["doc_id"]) <= set(IDS)


def test_same_corpus_parameters_and_seed_give_identical_tables(reports):
    # The first run (command line) and the rerun (Python) wrote the same bytes.
    before = {name: digest for name, digest in reports["first"].items() if name.startswith("tables/")}
    after = {name: digest for name, digest in snapshot(reports["out"]).items() if name.startswith("tables/")}
    after.pop("tables/catatan.csv")  # the user's
    assert len(before) >= 6 and before == after


# Over time and by group -----------------------------------------------------------------------------------------------

#: Eight articles of two paragraphs each, from two outlets, over eight months (three in January, none from May to July).
DATED = [
    ("k1", "2024-01-05", "kompas", "Harga gas dan minyak naik lagi.\n\nEkspor energi ke Jepang ikut naik."),
    ("k2", "2024-01-12", "kompas", "Pemerintah menaikkan harga minyak.\n\nPedagang gas mengeluh soal harga."),
    ("t1", "2024-01-20", "tempo", "Pasukan menggelar latihan militer di perbatasan.\n\nRudal baru diuji di wilayah utara."),
    ("k3", "2024-02-02", "kompas", "Impor minyak turun bulan ini.\n\nHarga gas tetap tinggi di pasar."),
    ("t2", "2024-04-10", "tempo", "Menteri pertahanan membahas pasukan perdamaian.\n\nLatihan militer berlangsung seminggu."),
    ("k4", "2024-04-22", "kompas", "Ekspor batu bara dan gas meningkat.\n\nPerdagangan energi tumbuh pesat."),
    ("t3", "2024-08-03", "tempo", "Sengketa wilayah dibahas para diplomat.\n\nPasukan ditarik dari pulau sengketa."),
    ("k5", "2024-08-20", "kompas", "Harga minyak dunia turun tajam.\n\nPedagang minyak dan gas di Jakarta lega."),
]
DOCUMENTS_PER_MONTH = {"2024-01": 3, "2024-02": 1, "2024-03": 0, "2024-04": 2, "2024-05": 0, "2024-06": 0, "2024-07": 0, "2024-08": 2}
DATED_OPTIONS = {"text_column": "isi", "id_column": "no", "date_column": "tanggal", "topics": None}


def dated_csv(folder: Path, **extra: list) -> Path:
    path = folder / "berkala.csv"
    frame = pd.DataFrame(DATED, columns=["no", "tanggal", "sumber", "isi"]).assign(**extra)
    frame.to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def dated_reports(tmp_path_factory) -> dict:
    """A report with dates and groups from the command line, and the same from Python into another folder (two kernel runs)."""
    folder = tmp_path_factory.mktemp("berkala")
    source = dated_csv(folder)
    cli, python = folder / "cli", folder / "python"
    status = main(
        ["report", str(source), "--out", str(cli), "--text-column", "isi", "--id-column", "no", "--date-column", "tanggal",
         "--groupby", "sumber", "--topics", "none", "--no-progress"]
    )
    assert status == 0
    make_report(source, out=python, groupby="sumber", progress=False, **DATED_OPTIONS)
    return {"source": source, "cli": cli, "python": python}


def test_a_dated_report_with_groups_writes_the_trend_and_group_tables_and_charts(dated_reports):
    out = dated_reports["cli"]
    tables = {p.stem for p in (out / "tables").glob("*.csv")}
    assert {"theme_trends", "group_theme_scores", "group_frequencies", "group_keyness", "group_theme_trends"} <= tables
    figures = {p.stem for p in (out / "figures").glob("*.png")}
    assert {"theme_trends", "group_themes", "group_theme_trends"} <= figures
    assert figures == {p.stem for p in (out / "figures").glob("*.svg")}
    nb = nbformat.read(out / "report.ipynb", as_version=4)
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["GROUPBY"] == "sumber" and manifest["parameters"]["DATE_COLUMN"] == "tanggal"
    assert {"tables/theme_trends.csv", "tables/group_keyness.csv", "figures/theme_trends.svg", "figures/group_theme_trends.png"} <= set(manifest["files"])
    on_disk = snapshot(out)
    del on_disk["manifest.json"]
    assert manifest["files"] == on_disk

    # Months (the dates span more than six months), every month from the first to the last, and documents, not paragraphs.
    trends = pd.read_csv(out / "tables" / "theme_trends.csv")
    assert trends.groupby("period", sort=True)["documents"].first().to_dict() == DOCUMENTS_PER_MONTH
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "8 documents over 8 months (Jan 2024 to Agu 2024)" in html
    assert "7 months with fewer than 3 documents are shaded" in html and "in Jan 2024" in html

    scores = pd.read_csv(out / "tables" / "group_theme_scores.csv")
    assert scores.groupby("sumber")["documents"].first().to_dict() == {"kompas": 5, "tempo": 3}
    by_group = pd.read_csv(out / "tables" / "group_theme_trends.csv")
    assert by_group.drop_duplicates(["sumber", "period"]).groupby("sumber")["documents"].sum().to_dict() == {"kompas": 5, "tempo": 3}
    assert set(pd.read_csv(out / "tables" / "group_frequencies.csv")["sumber"]) == {"kompas", "tempo"}
    # The largest group (kompas) against the rest: minyak is kompas's alone.
    key = pd.read_csv(out / "tables" / "group_keyness.csv").set_index("term")
    assert (key.loc["minyak", "count_target"], key.loc["minyak", "count_reference"]) == (5, 0)
    assert "compare the largest group, <strong>kompas</strong>, with all the others" in html


def test_a_dated_report_with_groups_gives_the_same_tables_from_the_command_line_and_from_python(dated_reports):
    tables = {name: digest for name, digest in snapshot(dated_reports["cli"]).items() if name.startswith("tables/")}
    assert len(tables) >= 12 and tables == {n: d for n, d in snapshot(dated_reports["python"]).items() if n.startswith("tables/")}


def test_groupby_and_the_dates_are_passed_to_the_kernel_and_recorded(fake_kernel, tmp_path):
    source = dated_csv(tmp_path)
    make_report(source, out=tmp_path / "laporan", groupby="sumber", progress=False, **DATED_OPTIONS)
    parameters = fake_kernel[0]["parameters"]
    assert (parameters["GROUPBY"], parameters["DATE_COLUMN"], parameters["DATE_FORMAT"]) == ("sumber", "tanggal", None)
    manifest = json.loads((tmp_path / "laporan" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["GROUPBY"] == "sumber"


@pytest.mark.parametrize(
    ("groupby", "extra", "message"),
    [
        ("sumberx", {}, r"^groupby='sumberx': no such column in the corpus; group by one of 'tanggal', 'sumber'$"),
        ("isi", {}, r"^groupby='isi': no such column in the corpus"),
        ("text", {}, r"^groupby='text': the corpus's 'text' column holds its text, ids or positions, not groups; group by one of"),
        ("date", {}, r"^groupby='date': the dates are charted over time already"),
        ("bahasa", {"bahasa": ["id"] * 8}, r"^groupby='bahasa': every document has the same bahasa \('id'\); grouping needs two values or more$"),
        (3, {}, r"^groupby=3: give the name of one column of the corpus"),
        (["sumber"], {}, r"^groupby=\['sumber'\]: give the name of one column"),
    ],
)
def test_a_bad_groupby_fails_before_anything_runs(groupby, extra, message, tmp_path, no_kernel):
    source = dated_csv(tmp_path, **extra)
    out = tmp_path / "laporan"
    with pytest.raises(ValueError, match=message):
        make_report(source, out=out, groupby=groupby, **DATED_OPTIONS)
    with command_line_style(), pytest.raises(ValueError, match=f"^--groupby {groupby}: " if isinstance(groupby, str) else "^--groupby"):
        make_report(source, out=out, groupby=groupby, **DATED_OPTIONS)
    assert not out.exists()


def test_check_groupby_accepts_a_metadata_column_and_none(tmp_path):
    from telaah.corpus import read_corpus

    corpus = read_corpus(dated_csv(tmp_path), text_column="isi", id_column="no", unit="paragraph")
    assert check_groupby(corpus, "sumber") == "sumber" and check_groupby(corpus, None) is None
    assert check_groupby(corpus, "tanggal") == "tanggal", "a date column read as text is only a column"


@pytest.mark.parametrize(("days", "freq"), [(0, "D"), (61, "D"), (62, "W"), (182, "W"), (183, "M"), (1460, "M"), (1462, "Q"), (7400, "Y")])
def test_the_trend_period_follows_the_span_of_the_dates(days, freq):
    start = pd.Timestamp("2020-01-01 08:00", tz="Asia/Jakarta")
    dates = pd.Series([start, start + pd.Timedelta(days=days)])
    assert trend_period(dates) == freq
    assert trend_period(dates.astype("category")) == freq == trend_period(pd.DatetimeIndex(dates))


def test_describe_trends_of_one_period_says_there_is_no_change_to_see():
    trends = pd.DataFrame({"period": pd.PeriodIndex(["2024-03-05"] * 2, freq="D"), "theme": ["energi", "wilayah"],
                           "matches": [1, 0], "tokens": [10, 10], "per_1000": [100.0, 0.0], "documents": [2, 2]})
    assert describe_trends(trends, freq="D") == "All 2 documents fall in one day (5 Mar 2024): there is no change over time to see."


# The manifest: Telaah's own, listing every file ------------------------------------------------------------------------


def test_the_manifest_says_it_is_telaahs_and_lists_every_file_the_report_wrote(reports):
    out = reports["out"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["generator"] == "telaah report" and manifest["format"] == 2
    assert manifest["out"] == str(out.resolve()) and manifest["parameters"]["OUT"] == str(out.resolve())
    on_disk = snapshot(out)
    del on_disk["manifest.json"]
    for name in USER_FILES:
        assert name not in manifest["files"], "the user's files are not the report's"
        del on_disk[name]
    assert manifest["files"] == on_disk, "every file the report wrote, with its SHA-256"
    assert {"report.ipynb", "report.html", "figures/top_terms.svg", "tables/frequencies.csv"} <= set(manifest["files"])


def test_nothing_the_user_sees_names_the_temporary_folder(reports):
    out = reports["out"]
    assert leftovers(out) == []
    for path in out.rglob("*"):
        if path.is_file():
            assert b"telaah-tmp" not in path.read_bytes(), path
    nb = nbformat.read(out / "report.ipynb", as_version=4)
    assert nb.metadata["papermill"]["output_path"] == str(out.resolve() / "report.ipynb")
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Written beside this page" in page
    assert str(out.resolve()) not in page and str(Path.home()) not in page, "the page names a folder of this machine"


def test_the_kernel_runs_in_a_hidden_folder_beside_the_report_and_OUT_points_there(fake_kernel, corpus_csv, tmp_path):
    out = tmp_path / "laporan"
    make_report(corpus_csv, out=out, progress=False, **OPTIONS)
    (call,) = fake_kernel
    cwd = Path(call["cwd"])
    assert cwd.parent == tmp_path and cwd.name.startswith(".laporan.telaah-tmp-") and call["files"] == []
    assert call["parameters"]["OUT"] == "." and "OUT_LABEL" not in call["parameters"]
    assert call["output_path"] is None, "the executed notebook is saved only once it has succeeded"
    assert not cwd.exists() and leftovers(out) == []
    assert snapshot(out).keys() == {"report.ipynb", "report.html", "manifest.json", "figures/top_terms.png", "tables/frequencies.csv"}
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL, "the SIGTERM handler is put back"


# A rerun replaces only the report's own files ----------------------------------------------------------------------------


def test_a_rerun_replaces_the_earlier_reports_files_and_keeps_the_users(reports):
    out = reports["out"]
    now = snapshot(out)
    for name, data in USER_FILES.items():
        assert (out / name).read_bytes() == data, f"{name} survives the rerun"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["started"] >= reports["first_manifest"]["started"]
    assert now["manifest.json"] != reports["first"]["manifest.json"] and now["report.ipynb"] != reports["first"]["report.ipynb"]


def test_install_replaces_only_listed_files_removes_stale_ones_and_leaves_the_rest(tmp_path):
    out, staging = tmp_path / "laporan", tmp_path / ".laporan.telaah-tmp-uji"
    out.mkdir()
    hand_made_report(out, {"report.html": b"lama", "figures/choose_k.png": b"lama", "tables/frequencies.csv": b"lama"})
    write_files(out, {"figures/milik-saya.png": b"saya", "tables/catatan.csv": b"saya", "catatan.txt": b"saya"})
    write_files(staging, {"report.html": b"baru", "tables/frequencies.csv": b"baru", "tables/keyness.csv": b"baru", "manifest.json": b"{}"})
    assert install_report(staging, out) == out
    assert {name: (out / name).read_bytes() for name in snapshot(out)} == {
        "report.html": b"baru", "tables/frequencies.csv": b"baru", "tables/keyness.csv": b"baru", "manifest.json": b"{}",
        "figures/milik-saya.png": b"saya", "tables/catatan.csv": b"saya", "catatan.txt": b"saya",
    }, "figures/choose_k.png was the earlier report's and is gone; the user's files are untouched"
    assert leftovers(out) == [".laporan.telaah-tmp-uji"] and not any(p.is_file() for p in staging.rglob("*"))


def test_install_into_a_new_folder_renames_the_staging_folder(tmp_path):
    out, staging = tmp_path / "baru", tmp_path / ".baru.telaah-tmp-uji"
    write_files(staging, {"report.html": b"baru", "manifest.json": b"{}"})
    install_report(staging, out)
    assert snapshot(out).keys() == {"report.html", "manifest.json"} and not staging.exists()


def test_install_refuses_to_overwrite_a_file_the_earlier_report_did_not_write(tmp_path):
    out, staging = tmp_path / "laporan", tmp_path / ".laporan.telaah-tmp-uji"
    out.mkdir()
    hand_made_report(out)
    write_files(out, {"tables/keyness.csv": b"punya saya"})  # where the new report writes
    before = snapshot(out)
    write_files(staging, {"tables/keyness.csv": b"baru", "manifest.json": b"{}"})
    with pytest.raises(ValueError, match=r"out=.*would overwrite tables/keyness.csv, which the earlier report did not write"):
        install_report(staging, out)
    assert snapshot(out) == before and leftovers(out) == [staging.name]


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()], ids=["OSError", "KeyboardInterrupt"])
def test_a_failed_or_interrupted_install_puts_everything_back(error, tmp_path, monkeypatch):
    out, staging = tmp_path / "laporan", tmp_path / ".laporan.telaah-tmp-uji"
    out.mkdir()
    before = hand_made_report(out)
    write_files(out, {"figures/milik-saya.png": b"saya"})
    before = snapshot(out)
    write_files(staging, {"report.html": b"baru", "figures/top_terms.png": b"baru", "tables/baru.csv": b"baru", "manifest.json": b"{}"})
    new = snapshot(staging)
    real_replace, moves = os.replace, []

    def replace(src, dst):
        moves.append(src)
        if len(moves) == 7:  # the earlier report moved aside (5 files), and one new file moved in
            raise error
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(ValueError if isinstance(error, OSError) else KeyboardInterrupt) as caught:
        install_report(staging, out)
    if isinstance(error, OSError):
        assert "cannot move the report into place (No space left on device); the folder was left as it was" in str(caught.value)
    assert snapshot(out) == before and snapshot(staging) == new and leftovers(out) == [staging.name]


# Folders that are not a Telaah report are refused ------------------------------------------------------------------------


def test_a_rerun_replaces_an_earlier_report_but_other_folders_are_refused(corpus_csv, tmp_path, no_kernel):
    (tmp_path / "catatan.txt").write_text("jangan dihapus", encoding="utf-8")
    with pytest.raises(ValueError, match="not empty"):
        make_report(corpus_csv, out=tmp_path, **OPTIONS)
    assert (tmp_path / "catatan.txt").exists() and not (tmp_path / "report.html").exists()


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ('{"generator": "jupyter-book", "files": {}}', 'was not written by Telaah \\(it lacks "generator": "telaah report"\\)'),
        ("bukan JSON", "was not written by Telaah"),
        ('{"generator": "telaah report", "format": 3, "files": {}}', "a newer Telaah \\(manifest format 3\\): rerun with that version, or choose a new or empty folder"),
        (f'{{"generator": "telaah report", "format": 2, "files": {{"../korpus.txt": "{ZEROS}"}}}}', "paths outside the folder \\(../korpus.txt\\)"),
        (f'{{"generator": "telaah report", "format": 2, "files": {{"/etc/hosts": "{ZEROS}"}}}}', "paths outside the folder"),
    ],
    ids=["foreign", "not-json", "newer-format", "dot-dot", "absolute"],
)
def test_a_folder_with_a_manifest_telaah_did_not_write_is_refused_untouched(manifest, message, corpus_csv, tmp_path, no_kernel):
    out = tmp_path / "situs"
    write_files(out, {"manifest.json": manifest.encode(), "figures/logo.png": b"logo", "index.html": b"<p>situs</p>"})
    before = snapshot(out)
    with pytest.raises(ValueError, match=message):
        make_report(corpus_csv, out=out, **OPTIONS)
    assert snapshot(out) == before and leftovers(out) == []


def test_a_report_file_changed_since_it_was_written_is_refused(corpus_csv, tmp_path, no_kernel):
    out = tmp_path / "laporan"
    out.mkdir()
    hand_made_report(out)
    (out / "tables" / "frequencies.csv").write_bytes(b"term\ndiubah oleh pengguna\n")
    before = snapshot(out)
    with pytest.raises(ValueError, match="tables/frequencies.csv changed since Telaah wrote the report there; move it out of the folder"):
        make_report(corpus_csv, out=out, **OPTIONS)
    assert snapshot(out) == before


def test_a_format_1_manifest_is_an_earlier_report_whose_listed_files_are_replaced(tmp_path):
    out = tmp_path / "laporan"
    write_files(out, {"report.ipynb": b"{}", "report.html": b"lama", "figures/top_terms.png": b"lama", "tables/frequencies.csv": b"lama",
                      "figures/milik-saya.png": b"saya"})
    digest = hashlib.sha256(b"lama").hexdigest()
    old = {"telaah_report": 1, "outputs": {"notebook": "report.ipynb", "html": "report.html",
                                           "tables": {"frequencies.csv": digest}, "figures": ["top_terms.png"]}}
    (out / "manifest.json").write_text(json.dumps(old), encoding="utf-8")
    listed = ["figures/top_terms.png", "manifest.json", "report.html", "report.ipynb", "tables/frequencies.csv"]
    assert sorted(earlier_report(out)) == listed, "figures/milik-saya.png is not the report's"
    (out / "tables" / "frequencies.csv").write_bytes(b"diubah")
    with pytest.raises(ValueError, match="tables/frequencies.csv changed"):
        earlier_report(out)


# Failed and interrupted runs leave the earlier report as it was -------------------------------------------------------


@pytest.fixture
def earlier(reports, tmp_path) -> tuple[Path, dict[str, str]]:
    """A copy of the real report (with the user's files in it), and its snapshot."""
    out = tmp_path / "laporan"
    shutil.copytree(reports["out"], out)
    return out, snapshot(out)


def test_a_bad_corpus_inside_the_kernel_leaves_the_earlier_report_as_it_was(earlier, corpus_csv, tmp_path, monkeypatch):
    out, before = earlier
    corpus = tmp_path / "berita.csv"
    corpus.write_bytes(corpus_csv.read_bytes())
    make_staging = report_module._make_staging

    def spoil_then_stage(target):  # after the checks, before the kernel: the corpus becomes a PDF
        corpus.write_bytes(b"%PDF-1.4 bukan teks")
        return make_staging(target)

    monkeypatch.setattr(report_module, "_make_staging", spoil_then_stage)
    with pytest.raises(ReportError, match=r"failed in cell \d+: CorpusError: .*a PDF document.*was left as it was"):
        make_report(corpus, out=out, progress=False, **OPTIONS)
    assert snapshot(out) == before and leftovers(out) == []


def test_a_notebook_error_after_writing_files_leaves_the_earlier_report_as_it_was(earlier, corpus_csv, tmp_path, monkeypatch):
    out, before = earlier
    code = (
        'from pathlib import Path\nPath(OUT, "figures").mkdir()\n'
        'Path(OUT, "figures", "top_terms.png").write_bytes(b"setengah")\nraise RuntimeError("rusak")'
    )
    monkeypatch.setattr(report_module, "report_notebook_path", lambda: tiny_notebook(tmp_path / "rusak.ipynb", code))
    with pytest.raises(ReportError, match="RuntimeError: rusak"):
        make_report(corpus_csv, out=out, progress=False, **OPTIONS)
    assert snapshot(out) == before and leftovers(out) == []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_run_stops_the_kernel_and_leaves_the_earlier_report_as_it_was(signum, earlier, corpus_csv, tmp_path, monkeypatch):
    out, before = earlier
    pid_file = tmp_path / "kernel.pid"
    code = f'import os, time\nfrom pathlib import Path\nPath({str(pid_file)!r}).write_text(str(os.getpid()))\ntime.sleep(120)'
    monkeypatch.setattr(report_module, "report_notebook_path", lambda: tiny_notebook(tmp_path / "tidur.ipynb", code))

    def interrupt_once_the_kernel_sleeps():
        deadline = time.monotonic() + 60
        while not pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
        os.kill(os.getpid(), signum)

    def guard(signum, frame):  # were make_report not to handle SIGTERM, this test fails rather than pytest dying
        raise RuntimeError("SIGTERM reached the caller's handler")

    previous = signal.signal(signal.SIGTERM, guard)
    try:
        threading.Thread(target=interrupt_once_the_kernel_sleeps, daemon=True).start()
        started = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            make_report(corpus_csv, out=out, progress=False, timeout=200, **OPTIONS)
        assert time.monotonic() - started < 60, "the run stopped at once"
        assert signal.getsignal(signal.SIGTERM) is guard, "the caller's SIGTERM handler is put back"
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert snapshot(out) == before and leftovers(out) == []
    kernel = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while _alive(kernel) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(kernel), "the kernel was shut down"


# Inputs checked before anything runs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "where", ["file-inside", "folder-is-out", "folder-inside", "link-to-inside", "link-inside", "folder-file-links-inside"]
)
def test_a_corpus_inside_the_report_folder_is_refused(where, tmp_path, no_kernel):
    out = tmp_path / "laporan"
    out.mkdir()
    hand_made_report(out)
    text = "Harga minyak naik lagi di Jakarta."
    if where == "file-inside":
        source = out / "korpus.txt"
        source.write_text(text, encoding="utf-8")
    elif where == "folder-is-out":
        (out / "korpus.txt").write_text(text, encoding="utf-8")
        source = out
    elif where == "folder-inside":
        write_files(out, {"korpus/a.txt": text.encode()})
        source = out / "korpus"
    elif where == "link-to-inside":  # a link outside, to a file inside
        (out / "korpus.txt").write_text(text, encoding="utf-8")
        source = tmp_path / "pintasan.txt"
        source.symlink_to(out / "korpus.txt")
    elif where == "link-inside":  # a link inside, to a file outside
        (tmp_path / "asli.txt").write_text(text, encoding="utf-8")
        source = out / "pintasan.txt"
        source.symlink_to(tmp_path / "asli.txt")
    else:  # a folder outside, one of whose files is a link into the report folder
        (out / "korpus.txt").write_text(text, encoding="utf-8")
        write_files(tmp_path / "korpus", {"a.txt": text.encode()})
        (tmp_path / "korpus" / "b.txt").symlink_to(out / "korpus.txt")
        source = tmp_path / "korpus"
    before = snapshot(out)
    with pytest.raises(ValueError, match=r"inside the report folder \(out=.*\); choose a report folder outside the corpus"):
        make_report(source, out=out, topics=None)
    assert snapshot(out) == before


@pytest.mark.parametrize("text", ["Yang dan itu, 2024 - 17.00 !!! 😀 #", "Rp 5.000 %\n\n... (dari) ke 😀😀"])
def test_a_corpus_without_a_content_word_is_refused(text, tmp_path, no_kernel):
    source = tmp_path / "kosong.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "laporan"
    with pytest.raises(ValueError, match=r"kosong.txt: no content words: every token is a stopword, number, punctuation or symbol \(\d+ "):
        make_report(source, out=out, topics=None)
    assert not out.exists()


def test_content_words_stops_at_the_first_content_word():
    assert content_words(["dan yang", "itu 17 !", "Harga naik"]) == ("Harga", {"stopword": 3, "number": 1, "punct": 1})
    assert content_words(["😀 @ #"])[0] is None and content_words(["#pemilu @kompas"])[0] is None


@pytest.mark.parametrize(
    ("text", "topics", "message"),
    [
        ("Harga minyak naik.\n\nHarga gas turun.", "auto",
         "topics='auto': the corpus has only 2 paragraphs to model, and choosing a number of topics needs at least 3; "
         "pass topics='none'"),
        ("Harga minyak naik.\n\nHarga gas turun.\n\nEkspor naik.", 4,
         "topics=4: the corpus has only 3 paragraphs to model, so at most 3 topics; pass topics=3 or fewer, or topics='none'"),
        ("Harga minyak naik.", "auto", r"only 1 paragraph to model"),
    ],
)
def test_a_corpus_too_small_for_the_topics_is_refused(text, topics, message, tmp_path, no_kernel):
    source = tmp_path / "pendek.txt"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        make_report(source, out=tmp_path / "laporan", topics=topics)
    assert not (tmp_path / "laporan").exists()


def test_corpus_hashes_cover_exactly_the_files_read(tmp_path):
    from telaah.corpus import read_corpus

    folder = tmp_path / "korpus"
    write_files(folder, {"a.txt": b"Harga naik.", "sub/b.txt": b"Gas turun.", "catatan.md": b"# bukan korpus",
                         ".tersembunyi.txt": b"rahasia", "laporan/manifest.json": b"{}", "laporan/tables/frequencies.csv": b"term\n"})
    digest = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in ("a.txt", "sub/b.txt")}
    with pytest.warns(UserWarning):  # the hidden file is skipped, with a warning
        assert corpus_hashes(read_corpus(folder)) == {"a.txt": digest["a.txt"]}
    with pytest.warns(UserWarning):
        assert corpus_hashes(read_corpus(folder, recursive=True)) == digest
    table = tmp_path / "berita.parquet"
    pd.DataFrame({"text": ["Harga naik."]}).to_parquet(table)
    assert list(corpus_hashes(read_corpus(table))) == ["berita.parquet"]


def test_the_manifest_hashes_the_corpus_not_a_report_inside_it(fake_kernel, tmp_path):
    folder = tmp_path / "korpus"
    write_files(folder, {"a.txt": b"Harga minyak naik.", "b.txt": b"Harga gas turun.", "catatan.md": b"bukan korpus"})
    out = folder / "laporan"  # a report folder inside the corpus folder
    make_report(folder, out=out, progress=False, topics=None)
    make_report(folder, out=out, progress=False, topics=None)  # a rerun sees the report, and leaves it out
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["corpus"]["sha256"] == {n: hashlib.sha256((folder / n).read_bytes()).hexdigest() for n in ("a.txt", "b.txt")}
    assert manifest["corpus"]["encodings"] == {"a.txt": "utf-8", "b.txt": "utf-8"}


def _odd_corpus(tmp_path: Path) -> Path:
    """A folder whose only documents are in a subfolder: one in cp1252 bytes, one empty."""
    folder = tmp_path / "korpus"
    text = "Harga \u201cminyak\u201d naik lagi.\n\nGas turun.\n\nEkspor naik."
    write_files(folder, {"2024/a.txt": text.encode("cp1252"), "2024/kosong.txt": b""})
    return folder


def test_make_report_reads_the_corpus_with_the_given_options_and_passes_them_on(fake_kernel, tmp_path):
    folder = _odd_corpus(tmp_path)
    with pytest.raises(CorpusError, match="recursive=True"):
        make_report(folder, out=tmp_path / "a", topics=None)
    with pytest.raises(CorpusError, match="empty"):
        make_report(folder, out=tmp_path / "a", topics=None, recursive=True, encoding="latin-1")
    assert not fake_kernel
    with pytest.warns(UserWarning, match="skipped"):
        make_report(folder, out=tmp_path / "a", topics=None, recursive=True, on_error="skip", encoding="latin-1", sep=";", progress=False)
    parameters = fake_kernel[0]["parameters"]
    assert (parameters["ENCODING"], parameters["SEP"], parameters["RECURSIVE"], parameters["ON_ERROR"]) == ("latin-1", ";", True, "skip")
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["corpus"]["encodings"] == {"2024/a.txt": "latin-1"} and manifest["corpus"]["skipped"] == 1


def test_the_report_notebook_reads_the_corpus_with_the_options(tmp_path):
    nb = nbformat.read(report_notebook_path(), as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "read_corpus(" in c.source)
    setup = nb.cells[at].source
    assert '"encoding": ENCODING, "sep": SEP, "recursive": RECURSIVE,' in setup and '"on_error": ON_ERROR,' in setup
    assert '"date_column": DATE_COLUMN, "date_format": DATE_FORMAT' in setup and "check_groupby(corpus, GROUPBY)" in setup
    assert "read_corpus(source, unit=UNIT, **reading)" in setup and "td.read_corpus(source, **reading)" in setup
    # Run the notebook's parameters and set-up cells on a real kernel, and look at what it read.
    seen = tmp_path / "terbaca.json"
    nb.cells = nb.cells[: at + 1] + [nbformat.v4.new_code_cell(
        "import json\n"
        "encodings = {Path(k).name: v for k, v in corpus.attrs['encodings'].items()}\n"
        f"Path({str(seen)!r}).write_text(json.dumps("
        "{'encodings': encodings, 'skipped': len(corpus.attrs['skipped']), 'rows': len(corpus)}))"
    )]
    head = tmp_path / "kepala.ipynb"
    nbformat.write(nb, head)
    parameters = {"SOURCE": str(_odd_corpus(tmp_path)), "ENCODING": "latin-1", "RECURSIVE": True, "ON_ERROR": "skip", "SEP": None,
                  "OUT": str(tmp_path)}
    papermill.execute_notebook(str(head), None, parameters=parameters, kernel_name="python3", progress_bar=False, cwd=str(tmp_path))
    assert json.loads(seen.read_text()) == {"encodings": {"a.txt": "latin-1"}, "skipped": 1, "rows": 3}


# Bad options, named as Python arguments or as flags -----------------------------------------------------------------------


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
        ({"random_state": -1}, ValueError, "random_state=-1"),
        ({"themes": "tema-tidak-ada.csv"}, ValueError, "no such lexicon file"),
        ({"themes": "BAD_LEXICON"}, ValueError, "lacks column"),
        ({"encoding": "utf-99"}, ValueError, "encoding='utf-99': not an encoding"),
        ({"on_error": "abaikan"}, ValueError, "on_error='abaikan': choose 'raise' or 'skip'"),
        ({"recursive": "ya"}, ValueError, "recursive='ya'"),
    ],
    ids=lambda v: str(v)[:30] if not isinstance(v, type) else v.__name__,
)
def test_bad_inputs_fail_before_anything_runs(change, error, message, corpus_csv, tmp_path, no_kernel):
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
    ("change", "python", "flag"),
    [
        ({"topics": "tiga"}, "topics='tiga'", "--topics tiga"),
        ({"topics": 40}, "topics='none' to leave topics out", "--topics none to leave topics out"),
        ({"random_state": -1}, "random_state=-1", "--seed -1"),
        ({"unit": "kalimat"}, "unit='kalimat'", "--unit kalimat"),
        ({"themes": "tema-tidak-ada.csv"}, "themes='tema-tidak-ada.csv'", "--themes tema-tidak-ada.csv"),
        ({"encoding": "utf-99"}, "encoding='utf-99'", "--encoding utf-99"),
        ({"on_error": "abaikan"}, "on_error='abaikan'", "--on-error abaikan"),
        ({"out": "FILE"}, "out='", "--out /"),
    ],
    ids=lambda v: str(v)[:20],
)
def test_messages_name_options_as_arguments_or_as_flags(change, python, flag, corpus_csv, tmp_path, no_kernel):
    options = {**OPTIONS, "out": tmp_path / "laporan", **change}
    if options["out"] == "FILE":
        options["out"] = tmp_path / "berkas"
        options["out"].write_text("bukan folder", encoding="utf-8")
    with pytest.raises(ValueError) as from_python:
        make_report(corpus_csv, **options)
    with command_line_style(), pytest.raises(ValueError) as from_shell:
        make_report(corpus_csv, **options)
    assert python in str(from_python.value) and flag in str(from_shell.value), (str(from_python.value), str(from_shell.value))
    assert "--" not in str(from_python.value)


def test_check_topics_names_the_flag_on_the_command_line():
    with command_line_style(), pytest.raises(ValueError, match="^--topics 1: a topic model needs at least 2 topics"):
        check_topics(1)


# The output path ------------------------------------------------------------------------------------------------------------


def test_an_output_path_that_is_a_file_or_under_one_is_a_one_line_error(corpus_csv, tmp_path, no_kernel):
    afile = tmp_path / "berkas.txt"
    afile.write_text("isi", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^out='.*berkas.txt': is a file, not a folder$"):
        make_report(corpus_csv, out=afile, **OPTIONS)
    with pytest.raises(ValueError, match=r"^out='.*berkas.txt/a/b': cannot write there \(.*berkas.txt is a file, not a folder\)$"):
        make_report(corpus_csv, out=afile / "a" / "b", **OPTIONS)
    assert afile.read_text(encoding="utf-8") == "isi"


def test_missing_parent_folders_are_made_and_removed_again_when_the_run_fails(fake_kernel, corpus_csv, tmp_path, monkeypatch):
    make_report(corpus_csv, out=tmp_path / "x" / "y" / "laporan", progress=False, **OPTIONS)
    assert (tmp_path / "x" / "y" / "laporan" / "report.html").is_file()

    def fail(*args, **kwargs):
        raise RuntimeError("kernel mati")

    monkeypatch.setattr(papermill, "execute_notebook", fail)
    with pytest.raises(ReportError, match="kernel mati"):
        make_report(corpus_csv, out=tmp_path / "p" / "q" / "laporan", progress=False, **OPTIONS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x"], "nothing is left behind"


# The command line ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--text-column", "teks"], "teks"),
        (["--topics", "nol"], "--topics nol: give a number of topics"),
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


def test_the_report_opens_with_a_title_naming_the_corpus_and_a_summary(reports):
    html = (reports["out"] / "report.html").read_text(encoding="utf-8")
    body = html[html.index("<body"):]
    first = body.index("Telaah report: berita.csv")
    assert first < body.index('id="The-corpus"') < body.index('id="How-this-report-was-made"')
    assert "4 documents" in body[first : first + 2000] and "word tokens" in body[first : first + 2000]
    assert "In&nbsp;[" not in body and "In [" not in body


def test_a_corpus_without_theme_words_says_so_instead_of_an_empty_chart(tmp_path):
    source = tmp_path / "kucing.txt"
    source.write_text("Kucing itu tidur di kursi.\nAnjing itu makan nasi di dapur.\nBurung itu bernyanyi di pohon.\n", encoding="utf-8")
    out = tmp_path / "laporan"
    make_report(source, out=out, topics=None, progress=False)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "No word of the theme lexicon occurs in this corpus" in html
    figures = {p.stem for p in (out / "figures").glob("*.png")}
    assert not figures & {"theme_profile", "theme_heatmap"}


# On Dask ------------------------------------------------------------------------------------------------------------


def news_jsonl(folder: Path, n: int = 60) -> Path:
    """Teaching-sample news as a JSONL file: dates, sources and categories."""
    from telaah import read_sample

    path = folder / "berita.jsonl"
    news = read_sample("indosum").iloc[:n]
    news.assign(date=news["date"].astype(str)).to_json(path, orient="records", lines=True, force_ascii=False)
    return path


@pytest.fixture(scope="module")
def engines(tmp_path_factory) -> dict:
    """The same corpus reported in memory (from Python) and on Dask (from the command line)."""
    folder = tmp_path_factory.mktemp("mesin")
    source = news_jsonl(folder)
    pandas_out, dask_out = folder / "pandas", folder / "dask"
    make_report(source, out=pandas_out, unit="document", date_column="date", groupby="source", topics="auto", progress=False)
    status = main(["report", str(source), "--out", str(dask_out), "--engine", "dask", "--date-column", "date", "--groupby", "source", "--no-progress"])
    assert status == 0
    return {"pandas": pandas_out, "dask": dask_out, "source": source}


def _shown(path: Path) -> list[str]:
    """What a report notebook displays: its Markdown and text outputs, charts aside."""
    shown = []
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" not in data:
                shown.append(data.get("text/markdown") or data.get("text/plain") or output.get("text", ""))
    return shown


def test_a_report_on_dask_has_every_table_of_the_in_memory_report_byte_for_byte(engines):
    tables = sorted(p.name for p in (engines["pandas"] / "tables").glob("*.csv"))
    assert {"theme_trends.csv", "group_keyness.csv", "entities.csv", "actor_themes.csv", "choose_k.csv", "doc_topics.csv"} <= set(tables)
    assert sorted(p.name for p in (engines["dask"] / "tables").glob("*.csv")) == tables
    for name in tables:
        assert (engines["dask"] / "tables" / name).read_bytes() == (engines["pandas"] / "tables" / name).read_bytes(), name
    assert sorted(p.name for p in (engines["dask"] / "figures").iterdir()) == sorted(p.name for p in (engines["pandas"] / "figures").iterdir())
    assert _shown(engines["dask"] / "report.ipynb") == _shown(engines["pandas"] / "report.ipynb")


def test_a_report_on_dask_records_its_engine_and_corpus_and_leaves_nothing_beside(engines):
    on_dask = json.loads((engines["dask"] / "manifest.json").read_text(encoding="utf-8"))
    in_memory = json.loads((engines["pandas"] / "manifest.json").read_text(encoding="utf-8"))
    assert on_dask["parameters"]["ENGINE"] == "dask" and in_memory["parameters"]["ENGINE"] == "pandas"
    assert "SCRATCH" not in on_dask["parameters"]  # a folder that is gone: not a parameter to rerun with
    assert on_dask["corpus"]["sha256"] == in_memory["corpus"]["sha256"] == {"berita.jsonl": on_dask["corpus"]["sha256"]["berita.jsonl"]}
    assert on_dask["corpus"]["rows"] == in_memory["corpus"]["rows"] == 60
    assert leftovers(engines["dask"]) == []
    assert on_dask["files"] == {k: v for k, v in snapshot(engines["dask"]).items() if k != "manifest.json"}


def test_a_report_on_a_dask_cluster_gives_the_same_tables(engines, tmp_path):
    from distributed import LocalCluster

    out = tmp_path / "klaster"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        make_report(engines["source"], out=out, engine="dask", scheduler=cluster.scheduler_address, date_column="date", groupby="source", topics=None, progress=False)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["SCHEDULER"] == cluster.scheduler_address
    tables = sorted(p.name for p in (out / "tables").glob("*.csv"))
    assert {"frequencies.csv", "group_theme_trends.csv", "entities.csv", "actor_themes.csv"} <= set(tables) and "doc_topics.csv" not in tables
    for name in tables:
        assert (out / "tables" / name).read_bytes() == (engines["pandas"] / "tables" / name).read_bytes(), name
    assert leftovers(out) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"engine": "dask", "unit": "paragraph"}, "unit='paragraph': on Dask the corpus is read by document"),
        ({"scheduler": "tcp://127.0.0.1:8786"}, "scheduler='tcp://127.0.0.1:8786': only with engine='dask'"),
        ({"engine": "spark"}, "engine='spark': choose 'pandas' (in memory) or 'dask'"),
    ],
)
def test_a_report_on_dask_refuses_bad_options_before_a_kernel_starts(tmp_path, no_kernel, options, message):
    source = news_jsonl(tmp_path, n=3)
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        make_report(source, out=tmp_path / "laporan", **options)
    assert not (tmp_path / "laporan").exists() and leftovers(tmp_path / "laporan") == []


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"id": "a", "text": "Ekspor naik."}', '{"id": "b", "text": "Impor'], r"berita.jsonl, line 2: not valid JSON"),
        (['{"id": "a", "text": "yang dan 2024 !"}'], "no content words"),
        (['{"id": "a", "text": "Ekspor naik."}', '{"id": "a", "text": "Impor turun."}'], r"berita.jsonl: ids must be unique, but these repeat: 'a' \(line 1, line 2\)"),
    ],
)
def test_a_corpus_a_report_on_dask_cannot_use_is_refused_before_a_kernel_starts(tmp_path, no_kernel, lines, message):
    source = tmp_path / "berita.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises((CorpusError, ValueError), match=message):
        make_report(source, out=tmp_path / "laporan", engine="dask", topics=None)
    assert not (tmp_path / "laporan").exists() and leftovers(tmp_path / "laporan") == []
