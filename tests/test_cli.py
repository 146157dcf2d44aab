from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from telaah.cli import main


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text("Jepang dan Rusia sepakat.\nPerdagangan naik 2,5% tahun lalu.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_tokens_writes_the_token_table(article, tmp_path, suffix, capsys):
    out = tmp_path / f"tokens{suffix}"
    assert main(["tokens", str(article), "-o", str(out)]) == 0
    table = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert table.token.astype(str).tolist()[:4] == ["Jepang", "dan", "Rusia", "sepakat"]
    assert "2,5" in table.token.astype(str).tolist()
    assert f"{len(table)} tokens from 1 documents" in capsys.readouterr().err


def test_tokens_by_paragraph(article, tmp_path):
    out = tmp_path / "tokens.csv"
    assert main(["tokens", str(article), "--unit", "paragraph", "-o", str(out)]) == 0
    assert pd.read_csv(out).doc_id.unique().tolist() == ["berita#p01", "berita#p02"]


def test_missing_source_is_a_clear_error(tmp_path, capsys):
    assert main(["tokens", str(tmp_path / "tidak-ada.txt"), "-o", str(tmp_path / "x.csv")]) == 2
    err = capsys.readouterr().err
    assert "tidak-ada.txt" in err and err.startswith("telaah: ")


def test_output_must_be_csv_or_parquet(article, tmp_path):
    with pytest.raises(SystemExit, match="must end in .csv or .parquet"):
        main(["tokens", str(article), "-o", str(tmp_path / "x.xlsx")])


def test_console_script_help():
    out = subprocess.run([sys.executable, "-m", "telaah.cli", "--help"], capture_output=True, text=True, check=True)
    assert "tokens" in out.stdout and "notebooks" in out.stdout
