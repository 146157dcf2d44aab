from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

import telaah.cli
from telaah.cli import main


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text("Jepang dan Rusia sepakat.\nPerdagangan naik 2,5% tahun lalu.\n", encoding="utf-8")
    return path


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("telaah: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_tokens_writes_the_token_table(article, tmp_path, suffix, capsys):
    out = tmp_path / f"tokens{suffix}"
    assert main(["tokens", str(article), "-o", str(out)]) == 0
    table = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert table.token.astype(str).tolist()[:4] == ["Jepang", "dan", "Rusia", "sepakat"]
    assert "2,5" in table.token.astype(str).tolist()
    assert f"{len(table)} tokens from 1 documents" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_tokens_by_paragraph(article, tmp_path):
    out = tmp_path / "tokens.csv"
    assert main(["tokens", str(article), "--unit", "paragraph", "-o", str(out)]) == 0
    assert pd.read_csv(out).doc_id.unique().tolist() == ["berita#p01", "berita#p02"]


def test_tokens_on_dask_write_a_folder_of_parquet_files_equal_to_the_pandas_table(tmp_path, capsys):
    corpus = tmp_path / "korpus"
    corpus.mkdir()
    for name, texts in (("a", ["Jepang dan Rusia sepakat.", "Warga Bekasi menolak."]), ("b", ["Perdagangan naik 2,5% tahun lalu."])):
        rows = [{"id": f"{name}{i}", "text": t} for i, t in enumerate(texts)]
        (corpus / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "tokens"
    assert main(["tokens", str(corpus / "*.jsonl"), "--engine", "dask", "--id-column", "id", "-o", str(out)]) == 0
    lazy = pd.read_parquet(out)
    assert main(["tokens", str(corpus / "a.jsonl"), "--id-column", "id", "-o", str(tmp_path / "a.parquet")]) == 0
    eager = pd.read_parquet(tmp_path / "a.parquet")
    assert lazy.token.astype(str).tolist()[: len(eager)] == eager.token.astype(str).tolist()
    assert f"{len(lazy)} tokens from 1 partitions" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging folder left
    # the folder now has files: a second run refuses it and changes nothing
    before = sorted(p.name for p in out.iterdir())
    assert main(["tokens", str(corpus / "*.jsonl"), "--engine", "dask", "--id-column", "id", "-o", str(out)]) == 2
    assert "the folder is not empty" in one_line_error(capsys)
    assert sorted(p.name for p in out.iterdir()) == before


def test_a_scheduler_without_dask_is_refused(article, tmp_path, capsys):
    assert main(["tokens", str(article), "--scheduler", "tcp://127.0.0.1:8786", "-o", str(tmp_path / "x.csv")]) == 2
    assert "--scheduler: only with --engine dask" in one_line_error(capsys)


def test_missing_source_is_a_clear_error(tmp_path, capsys):
    assert main(["tokens", str(tmp_path / "tidak-ada.txt"), "-o", str(tmp_path / "x.csv")]) == 2
    assert "tidak-ada.txt" in one_line_error(capsys)


# Everything read_corpus can be told, the command line can say; messages name the flags --------------------------------


def test_reading_options_reach_the_reader(tmp_path, capsys):
    (tmp_path / "korpus" / "2017").mkdir(parents=True)
    (tmp_path / "korpus" / "a.txt").write_bytes("Harga naik “tajam”.".encode("cp1252"))
    (tmp_path / "korpus" / "2017" / "b.txt").write_text("Berita lama.", encoding="utf-8")
    out = tmp_path / "tokens.csv"
    assert main(["tokens", str(tmp_path / "korpus"), "--encoding", "cp1252", "--recursive", "-o", str(out)]) == 0
    assert pd.read_csv(out).doc_id.unique().tolist() == ["2017/b", "a"]
    assert "“" in pd.read_csv(out).token.tolist()

    table = tmp_path / "berita.csv"
    table.write_text("kode;isi\nk1;Satu, dua.\nk2;\n", encoding="utf-8")
    args = ["tokens", str(table), "--sep", ";", "--text-column", "isi", "--id-column", "kode", "--on-error", "skip", "-o", str(out)]
    assert main(args) == 0
    assert pd.read_csv(out).doc_id.unique().tolist() == ["k1"]
    err = capsys.readouterr().err
    assert "telaah: warning: skipped 1 document(s) (--on-error skip): " in err and "berita.csv, line 3: text is empty" in err


@pytest.mark.parametrize(
    ("content", "options", "flag", "python_name"),
    [
        ("judul,isi\nA,Teks.\n", [], "--text-column", "text_column="),
        ("id;text\na;Teks.\n", ["--sep", ","], "--sep", "sep="),
        ("text\nTeks.\n", ["--id-column", "kode"], "--id-column", "id_column="),
    ],
)
def test_messages_name_the_flag_not_the_python_argument(tmp_path, capsys, content, options, flag, python_name):
    path = tmp_path / "berita.csv"
    path.write_text(content, encoding="utf-8")
    assert main(["tokens", str(path), *options, "-o", str(tmp_path / "x.csv")]) == 2
    err = one_line_error(capsys)
    assert flag in err and python_name not in err


def test_encoding_advice_names_the_flag(tmp_path, capsys):
    path = tmp_path / "lama.txt"
    path.write_bytes(b"Caf\xe9 \x81 tua")
    assert main(["tokens", str(path), "-o", str(tmp_path / "x.csv")]) == 2
    err = one_line_error(capsys)
    assert "lama.txt, line 1" in err and "--encoding " in err and "encoding=" not in err


def test_unread_subfolders_warning_names_the_flag(tmp_path, capsys):
    (tmp_path / "korpus" / "2017").mkdir(parents=True)
    (tmp_path / "korpus" / "a.txt").write_text("Satu.", encoding="utf-8")
    (tmp_path / "korpus" / "2017" / "b.txt").write_text("Dua.", encoding="utf-8")
    assert main(["tokens", str(tmp_path / "korpus"), "-o", str(tmp_path / "x.csv")]) == 0
    err = capsys.readouterr().err
    assert "telaah: warning: " in err and "subfolders 2017/" in err and "(pass --recursive to read them)" in err


def test_lone_surrogate_is_named_not_a_unicode_error(tmp_path, capsys):
    path = tmp_path / "berita.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Satu."}) + "\n" + '{"id": "b", "text": "Dua \\ud800."}\n', encoding="utf-8")
    for suffix in (".csv", ".parquet"):
        assert main(["tokens", str(path), "-o", str(tmp_path / f"x{suffix}")]) == 2
        assert "berita.jsonl, line 2" in one_line_error(capsys)
        assert not (tmp_path / f"x{suffix}").exists()


# Output paths: checked before any work, one line, no traceback --------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "problem"),
    [
        ("tokens-dir", "is a folder"),
        ("tidak-ada/tokens.csv", "does not exist"),
        ("berita.txt/tokens.csv", "does not exist"),
        ("tokens.xlsx", "must end in .csv or .parquet"),
    ],
)
def test_bad_output_paths_are_one_line_errors(article, tmp_path, capsys, output, problem):
    (tmp_path / "tokens-dir").mkdir()
    target = str(tmp_path / output) if output != "berita.txt/tokens.csv" else str(article / "tokens.csv")
    assert main(["tokens", str(article), "-o", target]) == 2
    err = one_line_error(capsys)
    assert "-o/--output" in err and problem in err


def test_unwritable_output_is_one_line(article, capsys):
    assert main(["tokens", str(article), "-o", "/proc/telaah-tokens.csv"]) in (1, 2)
    one_line_error(capsys)


def test_a_failed_write_keeps_the_earlier_file(article, tmp_path, monkeypatch, capsys):
    out = tmp_path / "tokens.csv"
    out.write_text("earlier\n", encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", interrupted)
    assert main(["tokens", str(article), "-o", str(out)]) == 130
    assert one_line_error(capsys) == "telaah: interrupted; nothing was written\n"
    assert out.read_text(encoding="utf-8") == "earlier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["berita.txt", "tokens.csv"]


def test_ctrl_c_is_one_line(article, tmp_path, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("telaah.table.token_table", interrupted)
    assert main(["tokens", str(article), "-o", str(tmp_path / "x.csv")]) == 130
    one_line_error(capsys)
    assert not (tmp_path / "x.csv").exists()


def test_console_script_help():
    out = subprocess.run([sys.executable, "-m", "telaah.cli", "--help"], capture_output=True, text=True, check=True)
    assert "tokens" in out.stdout and "notebooks" in out.stdout


@pytest.mark.parametrize("command", ["tokens", "report"])
def test_every_reading_option_is_on_the_command_line(command):
    out = subprocess.run([sys.executable, "-m", "telaah.cli", command, "--help"], capture_output=True, text=True, check=True).stdout
    for flag in ("--text-column", "--id-column", "--encoding", "--sep", "--recursive", "--on-error", "--unit"):
        assert flag in out, flag
    assert telaah.cli._reading.__doc__


def test_tokens_read_dates_and_carry_them(tmp_path, capsys):
    table = tmp_path / "berita.csv"
    table.write_text("id,text,tanggal\na,Harga naik.,25/12/2020\nb,Harga turun.,3/1/2021\n", encoding="utf-8")
    out = tmp_path / "tokens.parquet"
    assert main(["tokens", str(table), "--date-column", "tanggal", "-o", str(out)]) == 0
    tokens = pd.read_parquet(out)
    assert tokens.groupby("doc_id", observed=True)["date"].first().dt.strftime("%Y-%m-%d").tolist() == ["2020-12-25", "2021-01-03"]
    capsys.readouterr()
    table.write_text("id,text,tanggal\na,Harga naik.,3/4/2020\n", encoding="utf-8")
    assert main(["tokens", str(table), "--date-column", "tanggal", "-o", str(out)]) == 2
    assert "--date-format %d/%m/%Y" in one_line_error(capsys)


def test_report_groupby_is_a_flag_and_a_bad_column_is_a_one_line_error(tmp_path, capsys):
    help_text = subprocess.run([sys.executable, "-m", "telaah.cli", "report", "--help"], capture_output=True, text=True, check=True).stdout
    assert "--groupby COL" in help_text
    table = tmp_path / "berita.csv"
    table.write_text("id,text,sumber\na,Harga gas naik.,kompas\nb,Pasukan bertahan.,tempo\n", encoding="utf-8")
    out = tmp_path / "laporan"
    assert main(["report", str(table), "--out", str(out), "--topics", "none", "--groupby", "penulis"]) == 2
    assert "--groupby penulis: no such column in the corpus; group by one of 'sumber'" in one_line_error(capsys)
    assert not out.exists()


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_entities_and_quotes_commands_write_what_the_api_gives(tmp_path, suffix, capsys):
    from telaah import entities, quotes, read_corpus

    article = tmp_path / "kutipan.txt"
    article.write_text('Jepang dan Rusia sepakat.\n"Kami siap bekerja sama," kata Menteri Sergei Lavrov di Tokyo.\n', encoding="utf-8")
    corpus = read_corpus(article)
    for command, expected in (("entities", entities(corpus, gazetteers=True)), ("quotes", quotes(corpus, mentions=entities(corpus, gazetteers=True)))):
        out = tmp_path / f"{command}{suffix}"
        assert main([command, str(article), "-o", str(out), "--gazetteers"]) == 0
        written = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
        assert len(written) == len(expected) > 0
        assert written["start" if command == "entities" else "content_start"].tolist() == expected["start" if command == "entities" else "content_start"].tolist()
        assert f"{len(expected):,} {'mentions' if command == 'entities' else 'statements'} from 1 documents" in capsys.readouterr().err


def test_entities_command_refuses_a_bad_output_name(article, tmp_path, capsys):
    assert main(["entities", str(article), "-o", str(tmp_path / "out.txt")]) != 0
    assert "-o/--output" in capsys.readouterr().err
