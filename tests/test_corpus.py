"""Tests for telaah.corpus: reading .txt files and folders, CSV, JSONL, Parquet and DataFrames."""

from __future__ import annotations

import csv
import json
import string
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telaah.corpus import paragraph_spans, read_corpus, read_sample, sample_corpus_path
from telaah.errors import CorpusError
from telaah.tokenize import LINE_BREAKS

LAVROV = "“Kita harus bertindak” – kata Lavrov."

# (doc_id, text, source, date): curly quotes, an en dash, separators and quotes inside the text,
# an embedded paragraph break, and Indonesian money and abbreviations.
DOCS = [
    ("kompas-01", "Harga beras naik menjelang Lebaran.\n\nPedagang di Pasar Senen, Jakarta, mengeluh; \"rugi\", katanya.", "kompas", "2017-06-01"),
    ("detik-02", LAVROV + " Ia menolak berkomentar tentang Kepulauan Kuril.", "detik", "2017-06-02"),
    ("tempo-03", "Rp 5.000,00 per kilogram, dll.\nHarga cabai | bawang | tomat ikut naik.", "tempo", "2017-06-03"),
]


def write(path: Path, data: str | bytes, *, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def write_csv(path: Path, rows: list[list[Any]], *, sep: str = ",", encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=sep).writerows(rows)
    return path


def write_jsonl(path: Path, records: list[Any]) -> Path:
    return write(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def docs_frame() -> pd.DataFrame:
    return pd.DataFrame(DOCS, columns=["id", "text", "source", "date"])


# Formats -------------------------------------------------------------------------------------------------------------


def _as_jsonl(tmp: Path) -> Path:
    return write_jsonl(tmp / "berita.jsonl", docs_frame().to_dict("records"))


def _as_csv(tmp: Path) -> Path:
    return write_csv(tmp / "berita.csv", [["id", "text", "source", "date"], *map(list, DOCS)])


def _as_excel_csv(tmp: Path) -> Path:
    """What Excel writes: a byte-order mark, ';' between fields, CRLF line ends."""
    return write_csv(tmp / "berita.csv", [["id", "text", "source", "date"], *map(list, DOCS)], sep=";", encoding="utf-8-sig")


def _as_tsv(tmp: Path) -> Path:
    return write_csv(tmp / "berita.tsv", [["id", "text", "source", "date"], *map(list, DOCS)], sep="\t")


def _as_parquet(tmp: Path) -> Path:
    docs_frame().to_parquet(tmp / "berita.parquet")
    return tmp / "berita.parquet"


def _as_frame(tmp: Path) -> pd.DataFrame:
    return docs_frame()


@pytest.mark.parametrize("make", [_as_jsonl, _as_csv, _as_excel_csv, _as_tsv, _as_parquet, _as_frame])
def test_every_table_format_gives_the_same_documents(tmp_path: Path, make: Callable[[Path], Any]) -> None:
    df = read_corpus(make(tmp_path))
    assert list(df.columns) == ["doc_id", "text", "source", "date"]
    assert df["doc_id"].tolist() == [d[0] for d in DOCS]
    assert df["text"].tolist() == [d[1] for d in DOCS]
    assert df["source"].tolist() == [d[2] for d in DOCS]
    assert df.attrs["skipped"] == []
    assert all(isinstance(t, str) for t in df["text"])


def test_txt_folder_gives_one_document_per_file_sorted_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    for doc_id, text, _, _ in reversed(DOCS):
        write(folder / f"{doc_id}.txt", text)
    write(folder / "README.md", "bukan dokumen")
    write(folder / "catatan.csv", "id,text\n1,bukan dokumen\n")
    df = read_corpus(folder)
    by_name = sorted(DOCS)
    assert df["doc_id"].tolist() == ["detik-02", "kompas-01", "tempo-03"]
    assert df["text"].tolist() == [d[1] for d in by_name]
    assert df["path"].tolist() == [str(folder / f"{d[0]}.txt") for d in by_name]
    assert set(df.attrs["encodings"].values()) == {"utf-8"}


def test_txt_folder_is_sorted_by_doc_id(tmp_path: Path) -> None:
    for name in ("berita-2", "berita", "Berita-10"):
        write(tmp_path / "korpus" / f"{name}.txt", f"Isi {name}.")
    assert read_corpus(tmp_path / "korpus")["doc_id"].tolist() == ["Berita-10", "berita", "berita-2"]


def test_txt_folder_recursive_uses_relative_paths_as_ids(tmp_path: Path) -> None:
    write(tmp_path / "korpus" / "2017" / "juni" / "b.txt", "Berita B.")
    write(tmp_path / "korpus" / "2016" / "a.txt", "Berita A.")
    write(tmp_path / "korpus" / "c.TXT", "Berita C.")
    with pytest.raises(CorpusError, match="recursive=True"):
        read_corpus(tmp_path / "korpus" / "2017")
    df = read_corpus(tmp_path / "korpus", recursive=True)
    assert df["doc_id"].tolist() == ["2016/a", "2017/juni/b", "c"]
    with pytest.warns(UserWarning, match="recursive=True") as caught:
        assert read_corpus(tmp_path / "korpus")["doc_id"].tolist() == ["c"]
    assert "2016/, 2017/" in str(caught[0].message)


def test_folder_warns_only_about_subfolders_with_txt_files(tmp_path: Path) -> None:
    write(tmp_path / "korpus" / "a.txt", "Berita A.")
    write(tmp_path / "korpus" / "gambar" / "foto.png", b"\x89PNG")
    write(tmp_path / "korpus" / ".git" / "catatan.txt", "bukan berita")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_corpus(tmp_path / "korpus")["doc_id"].tolist() == ["a"]


@pytest.mark.parametrize("on_error", ["raise", "skip"])
def test_folder_reports_broken_symbolic_links(tmp_path: Path, on_error: str) -> None:
    write(tmp_path / "korpus" / "a.txt", "Berita A.")
    (tmp_path / "korpus" / "b.txt").symlink_to(tmp_path / "hilang.txt")
    if on_error == "raise":
        with pytest.raises(CorpusError, match=r"b\.txt: a broken symbolic link .*hilang\.txt"):
            read_corpus(tmp_path / "korpus")
        return
    with pytest.warns(UserWarning, match="b.txt: a broken symbolic link"):
        df = read_corpus(tmp_path / "korpus", on_error="skip")
    assert df["doc_id"].tolist() == ["a"]
    assert [item["path"] for item in df.attrs["skipped"]] == [str(tmp_path / "korpus" / "b.txt")]


def test_single_txt_keeps_everything_but_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path / "jepang-rusia.txt", "\ufeffJudul\r\n\r\nParagraf  satu.\rBaris\u00a0dua.\n", encoding="utf-8")
    df = read_corpus(str(path))
    assert df.loc[0, "doc_id"] == "jepang-rusia"
    assert df.loc[0, "text"] == "Judul\n\nParagraf  satu.\nBaris\u00a0dua.\n"
    assert df.attrs["encodings"] == {str(path): "utf-8-sig"}
    assert df.attrs["source"] == str(path)


def test_sample_corpus() -> None:
    df = read_sample()
    assert sample_corpus_path().is_file()
    assert df["doc_id"].tolist() == ["jepang-rusia"]
    assert df.loc[0, "text"] == sample_corpus_path().read_text(encoding="utf-8")
    assert df.loc[0, "text"].startswith("Jepang dan Rusia sepakat")
    paragraphs = read_sample(unit="paragraph")
    assert paragraphs["doc_id"].tolist()[:3] == ["jepang-rusia#p01", "jepang-rusia#p02", "jepang-rusia#p03"]
    assert paragraphs.loc[2, "text"].startswith("Menteri Luar Negeri Jepang Fumio Kishida")
    assert paragraphs.iloc[-1]["text"] == "Penulis Associated Press Emily Wang berkontribusi pada laporan ini."
    assert (paragraphs["parent_id"] == "jepang-rusia").all()
    assert paragraphs["para_index"].tolist() == list(range(len(paragraphs)))
    assert not any("\n" in t for t in paragraphs["text"])  # one paragraph a line


# Ids, text values, metadata ------------------------------------------------------------------------------------------


def test_tables_without_ids_get_row_ids(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "tanpa-id.csv", [["text", "tahun"], ["Satu.", 2016], ["Dua.", 2017]])
    df = read_corpus(path)
    assert df["doc_id"].tolist() == ["row-0001", "row-0002"]
    assert df["tahun"].tolist() == [2016, 2017]  # metadata keeps pandas' type inference


def test_doc_id_column_wins_over_id_and_id_column_can_be_named(tmp_path: Path) -> None:
    records = [{"id": 1, "doc_id": "a", "kode": "x1", "isi": "Satu."}, {"id": 2, "doc_id": "b", "kode": "x2", "isi": "Dua."}]
    path = write_jsonl(tmp_path / "berita.jsonl", records)
    df = read_corpus(path, text_column="isi")
    assert df["doc_id"].tolist() == ["a", "b"]
    assert df["id"].tolist() == [1, 2]
    with pytest.raises(CorpusError, match="'doc_id'"):
        read_corpus(path, text_column="isi", id_column="kode")


def test_numbers_become_strings(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "angka.jsonl", [{"id": 7, "text": 2017}, {"id": 8, "text": 1.5}])
    df = read_corpus(path)
    assert df["doc_id"].tolist() == ["7", "8"]
    assert df["text"].tolist() == ["2017", "1.5"]


def test_csv_missing_value_markers_in_text_and_ids_stay_text(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "na.csv", [["id", "text", "catatan"], ["nan", "NA", "NA"], ["null", "None", "ada"]])
    df = read_corpus(path)
    assert df["doc_id"].tolist() == ["nan", "null"]
    assert df["text"].tolist() == ["NA", "None"]
    assert df["catatan"].isna().tolist() == [True, False]


def test_csv_with_embedded_newlines_quotes_and_crlf(tmp_path: Path) -> None:
    text = 'Ia berkata, "Kami siap."\r\nBaris kedua; masih satu sel.\r\n\r\nParagraf baru.'
    path = write_csv(tmp_path / "ekspor.csv", [["id", "text"], ["a", text], ["b", "Pendek."]])
    df = read_corpus(path)
    assert df["text"].tolist() == [text.replace("\r\n", "\n"), "Pendek."]


@pytest.mark.parametrize(
    "content",
    ["id,text,date\n1,Halo dunia,2020-01-01,\n2,Apa kabar,2020-01-02,\n", "id,text,date,\n1,Halo dunia,2020-01-01,\n2,Apa kabar,2020-01-02,,\n"],
    ids=["trailing comma on data lines", "trailing comma on every line"],
)
def test_csv_empty_extra_fields_are_dropped_and_the_text_is_exact(tmp_path: Path, content: str) -> None:
    df = read_corpus(write(tmp_path / "ekspor.csv", content))
    assert df.columns.tolist() == ["doc_id", "text", "date"]
    assert df.to_dict("list") == {"doc_id": ["1", "2"], "text": ["Halo dunia", "Apa kabar"], "date": ["2020-01-01", "2020-01-02"]}


@pytest.mark.parametrize("sep", [",", "\t"])
def test_csv_quote_marks_inside_a_field_stay(tmp_path: Path, sep: str) -> None:
    quoted = '"""Kata dia"" lalu pergi"'
    path = write(tmp_path / "kutip.csv", f"id{sep}text\n1{sep}Ia bilang \"ya\" lalu pergi\n2{sep}{quoted}\n", encoding="utf-8")
    assert read_corpus(path, sep=sep)["text"].tolist() == ['Ia bilang "ya" lalu pergi', '"Kata dia" lalu pergi']


def test_csv_metadata_is_typed_and_text_stays_as_written(tmp_path: Path) -> None:
    df = read_corpus(write(tmp_path / "b.csv", "id,text,tahun,catatan\n007,NA,2017,NA\n008,1.50,2018,ada\n"))
    assert df["doc_id"].tolist() == ["007", "008"] and df["text"].tolist() == ["NA", "1.50"]
    assert df["tahun"].tolist() == [2017, 2018] and df["catatan"].isna().tolist() == [True, False]


def test_csv_separator_can_be_given(tmp_path: Path) -> None:
    path = write(tmp_path / "pipa.csv", "id|text\na|Satu, dua; tiga.\n")
    assert read_corpus(path, sep="|")["text"].tolist() == ["Satu, dua; tiga."]
    assert read_corpus(path)["text"].tolist() == ["Satu, dua; tiga."]  # sniffed from the header


def test_jsonl_keeps_unicode_line_separators_and_skips_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "u2028.jsonl", '{"id": "a", "text": "satu\u2028dua\u0085tiga"}\n\n   \n{"id": "b", "text": "empat"}\n')
    df = read_corpus(path)
    assert df["text"].tolist() == ["satu\u2028dua\u0085tiga", "empat"]


def test_dataframe_is_not_changed_and_a_named_index_can_be_the_id() -> None:
    frame = docs_frame().set_index("id")
    before = frame.copy()
    df = read_corpus(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert df["doc_id"].tolist() == [d[0] for d in DOCS]
    renamed = frame.rename_axis("kode")
    assert read_corpus(renamed, id_column="kode")["doc_id"].tolist() == [d[0] for d in DOCS]
    assert read_corpus(renamed)["kode"].tolist() == [d[0] for d in DOCS]  # kept as metadata


def test_result_reads_back_unchanged() -> None:
    df = read_sample(unit="paragraph")
    again = read_corpus(df)
    pd.testing.assert_frame_equal(again[["doc_id", "text"]], df[["doc_id", "text"]])


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [({"unit": "bab"}, ValueError), ({"on_error": "ignore"}, ValueError)],
)
def test_bad_options(kwargs: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error, match=str(next(iter(kwargs.values())))):
        read_corpus(sample_corpus_path(), **kwargs)


def test_bad_source_type() -> None:
    with pytest.raises(TypeError, match="list"):
        read_corpus(["Satu dokumen."])  # type: ignore[arg-type]


# Bad input: every error names the file, the line or row, and the problem -------------------------------------------


def _bad(name: str, data: str | bytes, **kwargs: Any) -> Callable[[Path], tuple[Any, dict[str, Any]]]:
    def setup(tmp: Path) -> tuple[Any, dict[str, Any]]:
        return write(tmp / name, data), kwargs

    return setup


def _missing(tmp: Path) -> tuple[Any, dict[str, Any]]:
    return tmp / "tidak-ada.txt", {}


def _empty_folder(tmp: Path) -> tuple[Any, dict[str, Any]]:
    (tmp / "korpus").mkdir()
    write(tmp / "korpus" / "catatan.md", "bukan .txt")
    return tmp / "korpus", {}


def _folder_with_image(tmp: Path) -> tuple[Any, dict[str, Any]]:
    write(tmp / "korpus" / "a.txt", "Berita.")
    write(tmp / "korpus" / "foto.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF")
    return tmp / "korpus", {}


def _folder_with_same_stem(tmp: Path) -> tuple[Any, dict[str, Any]]:
    write(tmp / "korpus" / "berita.txt", "Satu.")
    write(tmp / "korpus" / "berita.TXT", "Dua.")
    return tmp / "korpus", {}


def _parquet_null_text(tmp: Path) -> tuple[Any, dict[str, Any]]:
    pd.DataFrame({"id": ["a", "b"], "text": ["Satu.", None]}).to_parquet(tmp / "berita.parquet")
    return tmp / "berita.parquet", {}


def _frame(frame: pd.DataFrame, **kwargs: Any) -> Callable[[Path], tuple[Any, dict[str, Any]]]:
    return lambda tmp: (frame, kwargs)


CP1252_LINES = "Baris satu.\nBaris dua.\n" + LAVROV + "\n"
CSV_WITH_EMBEDDED_NEWLINE = 'id,text\na,"Satu\nbaris lagi"\nb,\nc,Tiga.\n'

BAD_INPUTS = {
    "missing path": (_missing, ["tidak-ada.txt", "no such file"]),
    "unsupported extension": (_bad("artikel.docx", b"PK\x03\x04 isi"), ["artikel.docx", "unsupported", "'.docx'"]),
    "json is not jsonl": (_bad("berita.json", "[]"), ["berita.json", "unsupported", ".jsonl"]),
    "empty txt": (_bad("kosong.txt", b""), ["kosong.txt", "empty"]),
    "whitespace txt": (_bad("spasi.txt", " \r\n\t\n"), ["spasi.txt", "empty", "whitespace"]),
    "empty jsonl": (_bad("kosong.jsonl", "\n\n"), ["kosong.jsonl", "empty"]),
    "folder without txt": (_empty_folder, ["korpus", "no .txt files", "catatan.md"]),
    "pdf": (_bad("laporan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), ["laporan.txt", "PDF"]),
    "zip as csv": (_bad("data.csv", b"PK\x03\x04\x14\x00\x06\x00"), ["data.csv", "zip"]),
    "png": (_bad("gambar.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ["gambar.txt", "PNG"]),
    "jpeg in folder": (_folder_with_image, ["foto.txt", "JPEG"]),
    "two files, one id": (_folder_with_same_stem, ["korpus", "'berita'", "berita.TXT", "berita.txt"]),
    "nul bytes": (_bad("biner.txt", b"Baris satu\nBa\x00ris dua"), ["biner.txt", "line 2", "NUL", "byte offset 13"]),
    "wrong encoding txt": (
        _bad("ansi.txt", CP1252_LINES.encode("cp1252"), encoding="utf-8"),
        ["ansi.txt", "line 3", "byte offset 23", "93", "utf-8"],
    ),
    "wrong encoding jsonl": (
        _bad("ansi.jsonl", ('{"text": "ok"}\n{"text": "' + LAVROV + '"}\n').encode("cp1252"), encoding="utf-8"),
        ["ansi.jsonl", "line 2", "byte offset 25", "utf-8"],
    ),
    "unknown encoding": (_bad("a.txt", "Teks.", encoding="jawa-kuno"), ["a.txt", "unknown encoding", "jawa-kuno"]),
    "csv without text column": (_bad("berita.csv", "judul,isi\nA,Teks.\n"), ["berita.csv", "'text'", "'judul'", "'isi'"]),
    "csv wrong separator": (_bad("berita.csv", "id;text\na;Teks.\n", sep=","), ["berita.csv", "'id;text'", "sep="]),
    "jsonl without text column": (_bad("berita.jsonl", '{"id": "a", "isi": "Teks."}\n'), ["berita.jsonl", "'text'", "'isi'"]),
    "frame without text column": (_frame(pd.DataFrame({"isi": ["Teks."]})), ["DataFrame", "'text'", "'isi'"]),
    "id column absent": (_bad("berita.jsonl", '{"text": "Teks."}\n', id_column="kode"), ["berita.jsonl", "no id column", "'kode'"]),
    "broken jsonl line": (
        _bad("berita.jsonl", '{"id": "a", "text": "Satu."}\n{"id": "b", "text": "Dua."}\n{"id": "c", "text": "Tiga.}\n'),
        ["berita.jsonl", "line 3", "not valid JSON", "Unterminated string"],
    ),
    "jsonl line not an object": (_bad("berita.jsonl", '{"text": "Satu."}\n["Dua."]\n'), ["berita.jsonl", "line 2", "not a JSON object", "a list"]),
    "jsonl empty text": (
        _bad("berita.jsonl", '{"id": "a", "text": "Satu."}\n{"id": "b", "text": ""}\n'),
        ["berita.jsonl", "line 2", "'b'", "text is empty"],
    ),
    "jsonl null text": (
        _bad("berita.jsonl", '{"id": "a", "text": "Satu."}\n\n{"id": "b", "text": null}\n'),
        ["berita.jsonl", "line 3", "'b'", "missing"],
    ),
    "jsonl absent text": (_bad("berita.jsonl", '{"id": "a", "text": "Satu."}\n{"id": "b"}\n'), ["berita.jsonl", "line 2", "'b'", "missing"]),
    "jsonl text is a list": (_bad("berita.jsonl", '{"id": "a", "text": ["Satu."]}\n'), ["berita.jsonl", "line 1", "a list"]),
    "jsonl text is a boolean": (_bad("berita.jsonl", '{"id": "a", "text": true}\n'), ["berita.jsonl", "line 1", "boolean"]),
    "jsonl null id": (_bad("berita.jsonl", '{"id": "a", "text": "Satu."}\n{"id": null, "text": "Dua."}\n'), ["line 2", "id is missing"]),
    "csv empty text": (_bad("berita.csv", CSV_WITH_EMBEDDED_NEWLINE), ["berita.csv", "row 2 (line 4)", "'b'", "text is empty"]),
    "csv whitespace text": (_bad("berita.csv", "id,text\na,Satu.\nb,  \n"), ["berita.csv", "row 2 (line 3)", "only whitespace"]),
    "csv duplicate ids": (
        _bad("berita.csv", 'id,text\na,Satu.\nb,"Dua\ndua"\na,Tiga.\n'),
        ["berita.csv", "unique", "'a'", "row 1 (line 2)", "row 3 (line 5)"],
    ),
    "jsonl duplicate ids": (
        _bad("berita.jsonl", '{"id": 1, "text": "Satu."}\n{"id": 2, "text": "Dua."}\n{"id": 1, "text": "Tiga."}\n'),
        ["berita.jsonl", "unique", "'1'", "line 1", "line 3"],
    ),
    "csv row too long": (_bad("berita.csv", 'id,text\na,"Satu\ndua"\nb,Dua, tiga\n'), ["berita.csv", "line 4", "3 fields", "header has 2"]),
    "csv every row too long": (_bad("berita.csv", "id,text\na,Satu,1\nb,Dua,2\n"), ["berita.csv", "line 2", "3 fields"]),
    "csv unclosed quote": (_bad("berita.csv", 'id,text\na,Satu.\nb,"Dua\nc,Tiga.\n'), ["berita.csv", "line 3", "never closed"]),
    "csv header only": (_bad("berita.csv", "id,text\n"), ["berita.csv", "no rows"]),
    "csv extra field with a value": (
        _bad("berita.csv", "id,text,date\n1,Halo dunia,2020-01-01,\n2,Apa kabar,2020-01-02,x\n"),
        ["berita.csv", "row 2 (line 3)", "4 fields but the header has 3", "'x'"],
    ),
    "csv row too short": (
        _bad("berita.csv", "id,text,source\n1,Kata satu\nkata dua,cnn\n"),
        ["berita.csv", "row 1 (line 2)", "2 field(s) but the header has 3", "'source'", "line break must be quoted"],
    ),
    "tsv field opens with a quote": (
        _bad("berita.tsv", 'id\ttext\n1\tSatu.\n2\t"Kata dia" lalu pergi\n'),
        ["berita.tsv", "row 2 (line 3)", "opens with a quote mark but is not a quoted field", "Kata dia"],
    ),
    "csv column named twice": (_bad("berita.csv", "id,text,text\na,Satu.,Dua.\n"), ["berita.csv", "line 1", "'text' (columns 2, 3)"]),
    "csv header only names a column twice": (_bad("berita.csv", "id,sumber,text,sumber\na,x,Satu.,y\n"), ["'sumber' (columns 2, 4)"]),
    "frame column named twice": (
        _frame(pd.DataFrame([["a", "Satu.", "Dua."]], columns=["id", "text", "text"])),
        ["DataFrame", "'text' (columns 2, 3)"],
    ),
    "frame columns equal as strings": (_frame(pd.DataFrame([["Satu.", 1, 2]], columns=["text", 1, "1"])), ["DataFrame", "'1' (columns 2, 3)"]),
    "jsonl key given twice": (
        _bad("berita.jsonl", '{"id": "a", "text": "Satu."}\n{"id": "b", "text": "Dua.", "text": "Tiga."}\n'),
        ["berita.jsonl", "line 2", "'text' appears twice"],
    ),
    "jsonl lone surrogate in the text": (
        _bad("berita.jsonl", '{"id": "a", "text": "Satu."}\n{"id": "b", "text": "Dua \\ud800."}\n'),
        ["berita.jsonl", "line 2", "lone surrogate U+D800 at character 4"],
    ),
    "jsonl lone surrogate in metadata": (
        _bad("berita.jsonl", '{"id": "a", "text": "Satu.", "sumber": "\\udfffx"}\n'),
        ["berita.jsonl", "line 1", "'sumber' holds a lone surrogate U+DFFF"],
    ),
    "jsonl lone surrogate in a key": (_bad("berita.jsonl", '{"id": "a", "text": "Satu.", "\\ud801": 1}\n'), ["line 1", "a key holds a lone surrogate"]),
    "frame lone surrogate in the text": (
        _frame(pd.DataFrame({"id": ["a", "b"], "text": pd.Series(["Satu.", "Dua\ud83d"], dtype=object)})),
        ["DataFrame", "row 2", "'b'", "lone surrogate U+D83D at character 3"],
    ),
    "frame lone surrogate in the id": (
        _frame(pd.DataFrame({"id": pd.Series(["a\udc00"], dtype=object), "text": ["Satu."]})),
        ["DataFrame", "row 1", "id holds a lone surrogate"],
    ),
    "frame lone surrogate in metadata": (
        _frame(pd.DataFrame({"text": ["Satu."], "sumber": pd.Series(["\ud800"], dtype=object)})),
        ["DataFrame", "row 1", "column 'sumber' holds a lone surrogate"],
    ),
    "csv text column twice": (_bad("berita.csv", "id,isi,text\na,Satu.,x\n", text_column="isi"), ["berita.csv", "'text'", "'isi'", "rename"]),
    "parquet null text": (_parquet_null_text, ["berita.parquet", "row 2", "'b'", "missing"]),
    "broken parquet": (_bad("rusak.parquet", "id,text\na,Satu.\n"), ["rusak.parquet", "Parquet"]),
    "frame null text": (
        _frame(pd.DataFrame({"text": ["Satu.", None]}, index=[10, 20])),
        ["DataFrame", "row 2 (index 20)", "'row-0002'", "missing"],
    ),
}


@pytest.mark.parametrize(("setup", "fragments"), BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_names_file_place_and_problem(tmp_path: Path, setup: Callable, fragments: list[str]) -> None:
    source, kwargs = setup(tmp_path)
    with pytest.raises(CorpusError) as caught:
        read_corpus(source, **kwargs)
    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def test_text_passed_instead_of_a_path() -> None:
    with pytest.raises(CorpusError, match="instead of a path"):
        read_corpus("Jepang dan Rusia sepakat untuk memperdalam kepercayaan dan terus membahas sengketa wilayah.\n")


# on_error="skip": nothing is dropped without a warning and a record ---------------------------------------------------


def test_skip_in_a_folder_warns_and_records_each_file(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    write(folder / "a.txt", "Berita A.")
    write(folder / "b.txt", b"%PDF-1.4")
    write(folder / "c.txt", b"")
    write(folder / "._a.txt", b"\x00\x05\x16\x07")
    write(folder / "d.txt", "Berita D.")
    with pytest.warns(UserWarning, match="skipped 3") as caught:
        df = read_corpus(folder, on_error="skip")
    assert df["doc_id"].tolist() == ["a", "d"]
    skipped = {Path(s["path"]).name: s["reason"] for s in df.attrs["skipped"]}
    assert skipped == {"._a.txt": "hidden file", "b.txt": skipped["b.txt"], "c.txt": skipped["c.txt"]}
    assert "PDF" in skipped["b.txt"] and "empty" in skipped["c.txt"]
    message = str(caught[0].message)
    assert all(name in message for name in ("._a.txt", "b.txt", "c.txt"))


def test_skip_in_jsonl_keeps_row_ids_stable(tmp_path: Path) -> None:
    path = write(tmp_path / "berita.jsonl", '{"text": "Satu."}\n{"text": "Dua.\n{"text": ""}\n{"text": "Empat."}\n')
    with pytest.warns(UserWarning, match="line 2"):
        df = read_corpus(path, on_error="skip")
    assert df["doc_id"].tolist() == ["row-0001", "row-0004"]
    assert [(s["line"], s["row"]) for s in df.attrs["skipped"]] == [(2, 2), (3, 3)]
    assert "not valid JSON" in df.attrs["skipped"][0]["reason"]
    assert df.attrs["skipped"][1]["doc_id"] == "row-0003"


def test_skip_still_raises_when_nothing_is_left(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "kosong.csv", [["id", "text"], ["a", ""], ["b", " "]])
    with pytest.raises(CorpusError, match="every row was skipped"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read_corpus(path, on_error="skip")


# Encodings -----------------------------------------------------------------------------------------------------------

ENCODINGS = {
    "utf-8": (lambda t: t.encode("utf-8"), "utf-8"),
    "utf-8-sig": (lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
    "utf-16 (BOM, LE)": (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "utf-16-le"),
    "utf-16 (BOM, BE)": (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16-be"),
    "utf-32 (BOM)": (lambda t: t.encode("utf-32"), "utf-32-le"),
    "cp1252": (lambda t: t.encode("cp1252"), "cp1252"),
}


@pytest.mark.parametrize("suffix", [".txt", ".csv", ".jsonl"])
@pytest.mark.parametrize(("encode", "expected"), ENCODINGS.values(), ids=ENCODINGS.keys())
def test_encodings_decode_to_the_same_text(tmp_path: Path, suffix: str, encode: Callable[[str], bytes], expected: str) -> None:
    text = LAVROV + "\r\nHarga naik 5%."
    content = {".txt": text, ".csv": f'id,text\nlavrov,"{text}"\n', ".jsonl": json.dumps({"id": "lavrov", "text": text}, ensure_ascii=False)}
    path = write(tmp_path / f"lavrov{suffix}", encode(content[suffix]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = read_corpus(path)
    assert df.loc[0, "text"] == LAVROV + "\nHarga naik 5%."
    assert df.loc[0, "doc_id"] == "lavrov"
    assert df.attrs["encodings"] == {str(path): expected}
    messages = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    if expected.startswith("utf-8"):
        assert messages == []
    else:
        assert len(messages) == 1 and expected in messages[0] and path.name in messages[0]


def test_undetectable_bytes_are_refused_not_guessed(tmp_path: Path) -> None:
    path = write(tmp_path / "lama.txt", b"Caf\xe9 \x81 tua")  # 0x81 is undefined in cp1252: no sure reading
    with pytest.raises(CorpusError, match=r"lama\.txt, line 1: not UTF-8 .*cannot be told for sure.*encoding='"):
        read_corpus(path)
    assert read_corpus(path, encoding="latin-1").loc[0, "text"] == "Café \x81 tua"


ARTICLE = "Jepang dan Rusia sepakat untuk memperdalam kepercayaan dan terus membahas sengketa wilayah. " * 3
FOREIGN = {
    "cp1252, curly quotes": ("Ia berkata “ya” – lalu pergi.", "cp1252"),
    "latin-1, an accent": ("Kafé di Bandung menjual kopi.", "latin-1"),
    "Shift-JIS": ("日本とロシアは防衛協議を行うことで合意した。北方領土の問題も話し合われた。", "shift_jis"),
    "GB18030": ("日本和俄罗斯同意举行防务会谈。双方还讨论了领土问题和贸易。" * 3, "gb18030"),
    "GB18030, short": ("日本和俄罗斯同意举行防务会谈。", "gb18030"),
    "Big5": ("日本和俄羅斯同意舉行防務會談。雙方還討論了領土問題和貿易。", "big5"),
    "EUC-KR": ("일본과 러시아는 국방 회담을 열기로 합의했다. 영토 문제도 논의했다.", "euc-kr"),
    "KOI8-R": ("Япония и Россия договорились провести переговоры по обороне.", "koi8-r"),
    "cp1251": ("Япония и Россия договорились провести переговоры по обороне.", "cp1251"),
    "Indonesian with Japanese, Shift-JIS": (ARTICLE + "日本とロシア", "shift_jis"),
    "Indonesian with Chinese, GB18030": (ARTICLE + "日本和俄罗斯", "gb18030"),
}


@pytest.mark.parametrize(("text", "codec"), FOREIGN.values(), ids=FOREIGN.keys())
def test_detected_encodings_give_the_text_or_a_refusal_never_mojibake(tmp_path: Path, text: str, codec: str) -> None:
    path = write(tmp_path / "asing.txt", text.encode(codec))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            df = read_corpus(path)
        except CorpusError as error:
            assert "asing.txt, line 1: not UTF-8" in str(error) and "encoding='" in str(error)
            assert read_corpus(path, encoding=codec).loc[0, "text"] == text
            return
    assert df.loc[0, "text"] == text


@pytest.mark.parametrize("name", ["cp1252, curly quotes", "latin-1, an accent", "Shift-JIS", "GB18030", "cp1251"])
def test_clear_encodings_are_detected(tmp_path: Path, name: str) -> None:
    text, codec = FOREIGN[name]
    with pytest.warns(UserWarning, match="detected"):
        assert read_corpus(write(tmp_path / "asing.txt", text.encode(codec))).loc[0, "text"] == text


def test_western_legacy_text_is_read_as_cp1252_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "ansi.txt", (LAVROV + " Harga naik 5%.").encode("cp1252"))
    with pytest.warns(UserWarning, match=r"decoded as cp1252 \(detected"):
        df = read_corpus(path)
    assert df.loc[0, "text"] == LAVROV + " Harga naik 5%."


BOM_CONFLICTS = {
    "utf-8 mark, cp1252 given": ("\ufeffTeks.".encode("utf-8"), "cp1252", "UTF-8"),
    "utf-16 mark, utf-8 given": (b"\xff\xfe" + "Teks.".encode("utf-16-le"), "utf-8", "UTF-16-LE"),
    "utf-16-be mark, utf-16-le given": (b"\xfe\xff" + "Teks.".encode("utf-16-be"), "utf-16-le", "UTF-16-BE"),
    "utf-8 mark, latin-1 given": ("\ufeffTeks.".encode("utf-8"), "latin-1", "UTF-8"),
}


@pytest.mark.parametrize(("raw", "given", "mark"), BOM_CONFLICTS.values(), ids=BOM_CONFLICTS.keys())
def test_explicit_encoding_that_contradicts_the_byte_order_mark_is_an_error(tmp_path: Path, raw: bytes, given: str, mark: str) -> None:
    path = write(tmp_path / "bom.txt", raw)
    with pytest.raises(CorpusError, match=rf"bom\.txt: starts with a {mark} byte-order mark, but encoding='{given}' was given"):
        read_corpus(path, encoding=given)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "decoded as utf-16-le (its byte-order mark)"
        assert read_corpus(path).loc[0, "text"] == "Teks."


@pytest.mark.parametrize(("raw", "given"), [("\ufeffTeks.".encode("utf-8"), "utf-8"), ("Teks.".encode("utf-16"), "utf-16"), (b"\xff\xfe" + "Teks.".encode("utf-16-le"), "utf-16-le")])
def test_explicit_encoding_that_agrees_with_the_mark_drops_the_mark(tmp_path: Path, raw: bytes, given: str) -> None:
    assert read_corpus(write(tmp_path / "bom.txt", raw), encoding=given).loc[0, "text"] == "Teks."


def test_explicit_encoding_is_used_without_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "ansi.txt", LAVROV.encode("cp1252"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = read_corpus(path, encoding="cp1252")
    assert df.loc[0, "text"] == LAVROV
    assert df.attrs["encodings"] == {str(path): "cp1252"}


def test_utf16_without_bom_needs_an_explicit_encoding(tmp_path: Path) -> None:
    path = write(tmp_path / "tanpa-bom.txt", LAVROV.encode("utf-16-le"))
    with pytest.raises(CorpusError, match="utf-16-le"):
        read_corpus(path)
    assert read_corpus(path, encoding="utf-16-le").loc[0, "text"] == LAVROV


def test_folder_warns_once_per_encoding_naming_each_file(tmp_path: Path) -> None:
    for name in ("a", "b"):
        write(tmp_path / "korpus" / f"{name}.txt", LAVROV.encode("cp1252"))
    write(tmp_path / "korpus" / "c.txt", LAVROV)
    with pytest.warns(UserWarning, match="cp1252") as caught:
        df = read_corpus(tmp_path / "korpus")
    assert len(caught) == 1 and "a.txt" in str(caught[0].message) and "b.txt" in str(caught[0].message)
    assert df["text"].tolist() == [LAVROV] * 3


# Paragraphs ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("Judul\n\nParagraf satu.\nMasih satu.\n\n\n  Paragraf dua.  \n", ["Judul", "Paragraf satu.\nMasih satu.", "Paragraf dua."]),
        ("Baris satu.\nBaris dua.\n", ["Baris satu.", "Baris dua."]),
        ("Satu.\n \t \nDua.", ["Satu.", "Dua."]),
        ("\n\nHanya satu paragraf.\n\n", ["Hanya satu paragraf."]),
        ("Satu.\u3000\n\u00a0\nDua.", ["Satu.", "Dua."]),
    ],
)
def test_paragraph_spans(text: str, paragraphs: list[str]) -> None:
    assert [text[s:e] for s, e in paragraph_spans(text)] == paragraphs


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"], ids=repr)
def test_every_line_break_separates_paragraphs(brk: str) -> None:
    assert [t for t in read_corpus(pd.DataFrame({"text": [f"Satu.{brk}Dua.{brk}{brk}Tiga."]}), unit="paragraph")["text"]] == (
        ["Satu.\nDua.", "Tiga."] if brk in ("\r\n", "\r") else [f"Satu.{brk}Dua.", "Tiga."]
    )
    text = f"Satu.{brk}Dua."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["Satu.", "Dua."]


def test_paragraph_units_carry_parent_and_metadata(tmp_path: Path) -> None:
    df = read_corpus(_as_jsonl(tmp_path), unit="paragraph")
    assert list(df.columns) == ["doc_id", "text", "parent_id", "para_index", "start", "end", "source", "date"]
    first = df[df["parent_id"] == "kompas-01"]
    assert first["doc_id"].tolist() == ["kompas-01#p01", "kompas-01#p02"]
    assert first["source"].tolist() == ["kompas", "kompas"]
    assert df.attrs["unit"] == "paragraph"


def test_paragraph_ids_widen_past_99() -> None:
    frame = pd.DataFrame({"id": ["panjang"], "text": ["\n".join(f"Paragraf {i}." for i in range(1, 121))]})
    df = read_corpus(frame, unit="paragraph")
    assert df["doc_id"].tolist()[:2] == ["panjang#p001", "panjang#p002"]
    assert df["doc_id"].iloc[-1] == "panjang#p120"


# Properties ----------------------------------------------------------------------------------------------------------

texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=60).filter(str.strip)
ids = st.text(string.ascii_lowercase + string.digits + "-_", min_size=1, max_size=12)
corpora = st.lists(st.tuples(ids, texts), min_size=1, max_size=6, unique_by=lambda d: d[0])


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _write_jsonl(folder: Path, docs: list[tuple[str, str]]) -> Path:
    return write_jsonl(folder / "korpus.jsonl", [{"id": i, "text": t} for i, t in docs])


def _write_csv(folder: Path, docs: list[tuple[str, str]]) -> Path:
    return write_csv(folder / "korpus.csv", [["id", "text"], *map(list, docs)])


def _write_folder(folder: Path, docs: list[tuple[str, str]]) -> Path:
    for doc_id, text in docs:
        write(folder / "korpus" / f"{doc_id}.txt", text)
    return folder / "korpus"


@pytest.mark.parametrize("writer", [_write_jsonl, _write_csv, _write_folder])
@settings(max_examples=60, deadline=None)
@given(docs=corpora)
def test_round_trip(writer: Callable[[Path, list[tuple[str, str]]], Path], docs: list[tuple[str, str]]) -> None:
    if writer is _write_folder:
        docs = sorted((i, t.removeprefix("\ufeff")) for i, t in docs if t.removeprefix("\ufeff").strip())
        if not docs:
            return
    with tempfile.TemporaryDirectory() as tmp:
        df = read_corpus(writer(Path(tmp), docs))
    assert df["doc_id"].tolist() == [i for i, _ in docs]
    assert df["text"].tolist() == [_newlines(t) for _, t in docs]


paragraph_texts = st.text(st.sampled_from(list("ab.\n\n\n \t\r\u00a0\u2028\u2029\x85\x0b\x0c")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(text=paragraph_texts)
def test_paragraph_spans_are_lossless(text: str) -> None:
    spans = paragraph_spans(text)
    cursor, rebuilt = 0, []
    for start, end in spans:
        gap = text[cursor:start]
        assert cursor <= start < end and not gap.strip()
        assert cursor == 0 or any(char in gap for char in LINE_BREAKS)
        assert text[start:end].strip() == text[start:end]
        rebuilt += [gap, text[start:end]]
        cursor = end
    assert not text[cursor:].strip()
    assert "".join(rebuilt) + text[cursor:] == text
    assert bool(spans) == bool(text.strip())


@settings(max_examples=100, deadline=None)
@given(docs=st.lists(paragraph_texts.filter(str.strip), min_size=1, max_size=4))
def test_paragraph_units_map_back_to_their_document(docs: list[str]) -> None:
    documents = read_corpus(pd.DataFrame({"text": docs}))
    paragraphs = read_corpus(documents, unit="paragraph")
    for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
        rows = paragraphs[paragraphs["parent_id"] == doc_id]
        assert rows["para_index"].tolist() == list(range(len(rows)))
        assert all(text[s:e] == t for s, e, t in zip(rows["start"], rows["end"], rows["text"], strict=True))
        outside = "".join(text[a:b] for a, b in zip([0, *rows["end"]], [*rows["start"], len(text)], strict=True))
        assert not outside.strip()


def test_sentence_units_carry_parent_offsets_and_metadata() -> None:
    docs = read_corpus(pd.DataFrame({"id": ["a"], "text": ["Dr. Budi tiba pukul 17.00. Ia disambut warga.\n\nHarga naik."], "sumber": ["x"]}))
    sentences = read_corpus(docs, unit="sentence")
    assert sentences["doc_id"].tolist() == ["a#s01", "a#s02", "a#s03"]
    assert sentences["sent_index"].tolist() == [0, 1, 2] and set(sentences["parent_id"]) == {"a"}
    assert all(docs.loc[0, "text"][s:e] == t for s, e, t in zip(sentences["start"], sentences["end"], sentences["text"], strict=True))
    assert sentences["sumber"].tolist() == ["x", "x", "x"] and sentences.attrs["unit"] == "sentence"


# Dates, compressed files, the bundled news sample --------------------------------------------------------------------


def test_date_column_becomes_datetimes_and_the_column_stays_as_written(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "berita.csv", [["id", "text", "tanggal"], ["a", "Satu.", "Selasa, 25 Februari 2020 14:30 WIB"], ["b", "Dua.", "3 Mar 2020 08.15 WIB"]])
    df = read_corpus(path, date_column="tanggal")
    assert df.columns.tolist() == ["doc_id", "text", "date", "tanggal"]
    assert [str(d) for d in df["date"]] == ["2020-02-25 14:30:00+07:00", "2020-03-03 08:15:00+07:00"]
    assert df["tanggal"].tolist()[0] == "Selasa, 25 Februari 2020 14:30 WIB"


def test_a_date_that_does_not_parse_names_its_row_or_is_skipped(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "berita.csv", [["id", "text", "date"], ["a", "Satu.", "25/12/2020"], ["b", "Dua.", "31/02/2021"], ["c", "Tiga.", "1/1/2021"]])
    with pytest.raises(CorpusError, match=r"berita\.csv, row 2 \(line 3\) \(id 'b'\): date '31/02/2021': not a date"):
        read_corpus(path, date_column="date")
    with pytest.warns(UserWarning, match="31/02/2021"):
        df = read_corpus(path, date_column="date", on_error="skip")
    assert df["doc_id"].tolist() == ["a", "c"] and df["date"].notna().all()


@pytest.mark.parametrize(
    ("rows", "kwargs", "message"),
    [
        ([["a", "Satu.", "3/4/2020"], ["b", "Dua.", "5/6/2020"]], {}, "cannot tell day from month.*date_format='%d/%m/%Y'"),
        ([["a", "Satu.", "2020-01-02"], ["b", "Dua.", "3 Januari 2020"]], {}, "more than one format"),
        ([["a", "Satu.", "2020-01-02"]], {"date_column": "tgl"}, "no date column 'tgl'"),
    ],
)
def test_a_date_column_that_cannot_be_read_without_guessing_is_refused(tmp_path: Path, rows, kwargs, message) -> None:
    path = write_csv(tmp_path / "berita.csv", [["id", "text", "date"], *rows])
    with pytest.raises(CorpusError, match=message):
        read_corpus(path, **{"date_column": "date", **kwargs})


def test_date_format_forces_the_order(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "berita.csv", [["id", "text", "date"], ["a", "Satu.", "3/4/2020"]])
    assert read_corpus(path, date_column="date", date_format="%d/%m/%Y")["date"].dt.month.tolist() == [4]
    with pytest.raises(ValueError, match="date_format='%d/%m/%Y' needs date_column="):
        read_corpus(path, date_format="%d/%m/%Y")


def test_txt_files_have_no_date_column(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no date_column='date' to read"):
        read_corpus(write(tmp_path / "a.txt", "Satu."), date_column="date")


@pytest.mark.parametrize("name", ["berita.jsonl.gz", "berita.csv.gz", "berita.txt.gz"])
def test_gzip_compressed_files_are_read(tmp_path: Path, name: str) -> None:
    import gzip

    content = {".jsonl": json.dumps({"id": "a", "text": LAVROV}) + "\n", ".csv": f"id,text\na,{LAVROV}\n", ".txt": LAVROV}
    path = write(tmp_path / name, gzip.compress(content[Path(name).with_suffix("").suffix].encode("utf-8")))
    df = read_corpus(path)
    assert df.loc[0, "text"] == LAVROV and df.loc[0, "doc_id"] == ("berita" if name.endswith(".txt.gz") else "a")


def test_a_broken_gzip_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"rusak\.jsonl\.gz: not a readable gzip file"):
        read_corpus(write(tmp_path / "rusak.jsonl.gz", b"bukan gzip"))


def test_the_bundled_news_sample() -> None:
    news = read_sample("indosum")
    assert len(news) == 500 and news["doc_id"].is_unique
    assert news.columns.tolist()[:5] == ["doc_id", "text", "date", "source", "category"]
    assert sorted(news["category"].unique()) == ["hiburan", "olahraga", "showbiz", "tajuk utama", "teknologi"]
    assert (news["category"].value_counts() == 100).all()
    assert str(news["date"].dt.tz) == "Asia/Jakarta"
    assert news["date"].min() >= pd.Timestamp("2016-08-01", tz="Asia/Jakarta") and news["date"].max() < pd.Timestamp("2018-03-01", tz="Asia/Jakarta")
    with pytest.raises(ValueError, match="no bundled sample 'kompas'"):
        read_sample("kompas")
