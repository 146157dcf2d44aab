"""Tests for telaah.sentences: Indonesian sentence boundaries, and agreement of both APIs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telaah.resources import data_path
from telaah.sentences import Span, sentence_ids, split_sentences
from telaah.tokenize import LINE_BREAKS, scan


def sentences_of(text: str) -> list[str]:
    return [span.text for span in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain full stops, question and exclamation marks
        (
            "Lavrov tidak menyebutkan serangan itu. Kishida mengatakan dia setuju.",
            ["Lavrov tidak menyebutkan serangan itu.", "Kishida mengatakan dia setuju."],
        ),
        ("Apa kabar? Baik! Terima kasih.", ["Apa kabar?", "Baik!", "Terima kasih."]),
        ("Benarkah?! Ya.", ["Benarkah?!", "Ya."]),
        # abbreviations and initials do not end a sentence
        (
            "Prof. Dr. B. J. Habibie tiba di Jl. Sudirman No. 5. Dia disambut.",
            ["Prof. Dr. B. J. Habibie tiba di Jl. Sudirman No. 5.", "Dia disambut."],
        ),
        ("Buku J.K. Rowling laris. Penerbit senang.", ["Buku J.K. Rowling laris.", "Penerbit senang."]),
        ("Ia membeli kursi, meja, dll. dan pulang.", ["Ia membeli kursi, meja, dll. dan pulang."]),
        # after dll. (a clause-closing abbreviation) a capitalised word starts a sentence
        ("Ia membeli kursi, meja, dll. Semua dibayar tunai.", ["Ia membeli kursi, meja, dll.", "Semua dibayar tunai."]),
        ("Sahamnya milik PT Astra Tbk. Harganya naik.", ["Sahamnya milik PT Astra Tbk.", "Harganya naik."]),
        ("Ditandatangani Andi, S.H. M.H. kemarin.", ["Ditandatangani Andi, S.H. M.H. kemarin."]),
        # decimals, times and codes
        (
            "Ekonomi tumbuh 5,2 persen pada pukul 17.00. Angka itu naik.",
            ["Ekonomi tumbuh 5,2 persen pada pukul 17.00.", "Angka itu naik."],
        ),
        ("Harganya Rp 1.000.000,00. Mahal.", ["Harganya Rp 1.000.000,00.", "Mahal."]),
        ("Diatur dalam No. 34/PMK.011/2007 itu.", ["Diatur dalam No. 34/PMK.011/2007 itu."]),
        # closing quotes and brackets belong to the sentence they close
        (
            "Dia berkata hal itu sebelumnya.” Dia lalu pergi.",
            ["Dia berkata hal itu sebelumnya.”", "Dia lalu pergi."],
        ),
        ('Hal itu "sudah selesai." Dia pulang.', ['Hal itu "sudah selesai."', "Dia pulang."]),
        ("(Baca juga berita sebelumnya.) Sidang dimulai.", ["(Baca juga berita sebelumnya.)", "Sidang dimulai."]),
        ("“Apa maksudnya?” tanya dia.", ["“Apa maksudnya?” tanya dia."]),
        # a quotation of several sentences stays with its speaker
        (
            "“Kita harus bertindak secara konstruktif. Kita tidak boleh emosional,” kata Lavrov. Dia pergi.",
            ["“Kita harus bertindak secara konstruktif. Kita tidak boleh emosional,” kata Lavrov.", "Dia pergi."],
        ),
        # ... but a quotation left open ends with its paragraph and splits as usual
        ('"Kami siap. Kami menunggu.\nDia datang.', ['"Kami siap.', "Kami menunggu.", "Dia datang."]),
        # ellipsis
        ("Tunggu... Dia datang.", ["Tunggu...", "Dia datang."]),
        ("Tunggu… sebentar lagi.", ["Tunggu… sebentar lagi."]),
        # newlines end sentences (one paragraph per line), even without a full stop
        (
            "Jepang dan Rusia sepakat\nTOKYO – Jepang dan Rusia bertemu.",
            ["Jepang dan Rusia sepakat", "TOKYO – Jepang dan Rusia bertemu."],
        ),
        ("Baris satu.\n\n  Baris dua.  ", ["Baris satu.", "Baris dua."]),
        # list numbers are not sentences
        ("1. Pendahuluan\n2. Metode penelitian.", ["1. Pendahuluan", "2. Metode penelitian."]),
        # a lowercase word after a word shaped like an abbreviation continues the sentence
        ("Harga naik 5 jt. dan terus naik.", ["Harga naik 5 jt. dan terus naik."]),
        ("", []),
        ("   \n ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a plain full stop, question or exclamation mark a lowercase word starts a sentence
        ("Ia tiba di Bandung. kemudian ia tidur.", ["Ia tiba di Bandung.", "kemudian ia tidur."]),
        ("Ia membeli merek Apple. iPhone itu mahal.", ["Ia membeli merek Apple.", "iPhone itu mahal."]),
        ("Benarkah? entahlah. Hujan turun!  wah basah.", ["Benarkah?", "entahlah.", "Hujan turun!", "wah basah."]),
        ("Sekolah itu berdiri tahun 1962. sekarang muridnya banyak.", ["Sekolah itu berdiri tahun 1962.", "sekarang muridnya banyak."]),
        ("Dia melapor ke KPK. lalu pulang.", ["Dia melapor ke KPK.", "lalu pulang."]),  # an acronym, not an abbreviation
        # ... but not after an ellipsis, a closing quote or bracket, or a word shaped like an abbreviation
        ("Tunggu... sebentar lagi.", ["Tunggu... sebentar lagi."]),
        ("Tunggu . . . sebentar lagi. Dia datang.", ["Tunggu . . . sebentar lagi.", "Dia datang."]),
        ("“Mau ke mana?” tanya ibu.", ["“Mau ke mana?” tanya ibu."]),
        ("Ia menulis (sudah selesai.) lalu tidur.", ["Ia menulis (sudah selesai.) lalu tidur."]),
        ("Beratnya 5 kg. beras itu mahal.", ["Beratnya 5 kg. beras itu mahal."]),
        ("Ia datang ke toko x. dan pergi.", ["Ia datang ke toko x. dan pergi."]),
        # ... nor before a word that reports speech
        ("Mengapa? tanya Budi.", ["Mengapa? tanya Budi."]),
        ("Pergi! ucap polisi itu.", ["Pergi! ucap polisi itu."]),
        # ... nor when the mark is glued to it
        ("Apa?!x dan y.", ["Apa?!x dan y."]),
    ],
)
def test_lowercase_starts(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence may start with a number
        ("Harganya Rp 5.000. 10 orang membeli.", ["Harganya Rp 5.000.", "10 orang membeli."]),
        ("Berapa yang datang? 25 orang.", ["Berapa yang datang?", "25 orang."]),
        # ... but a list number is not a sentence, nor a code glued to an abbreviation
        ("1. 20 Mei: libur.", ["1. 20 Mei: libur."]),
        ("Lihat Pasal 5 ayat No.3 itu.", ["Lihat Pasal 5 ayat No.3 itu."]),
    ],
)
def test_number_starts(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles and other abbreviations before a capitalised name never end a sentence
        ("Sambutan Prof. Dr. Ir. Bambang dibacakan.", ["Sambutan Prof. Dr. Ir. Bambang dibacakan."]),
        ("Misa dipimpin Mgr. Antonius di Jl. Merdeka.", ["Misa dipimpin Mgr. Antonius di Jl. Merdeka."]),
        ("Ceramah KH. Hasan dan Hj. Aminah ramai.", ["Ceramah KH. Hasan dan Hj. Aminah ramai."]),
        ("Kapal merapat di Tj. Perak dekat Gn. Kelud.", ["Kapal merapat di Tj. Perak dekat Gn. Kelud."]),
        ("Pertemuan dengan Capt. Hasan dan Lt. Budi.", ["Pertemuan dengan Capt. Hasan dan Lt. Budi."]),
        ("Rekannya, Andi S. Nugroho, hadir.", ["Rekannya, Andi S. Nugroho, hadir."]),
        # ... unless the next word starts sentences and is never a name
        ("Ia naik ke kelas B. Mereka senang.", ["Ia naik ke kelas B.", "Mereka senang."]),
        ("Minum vitamin D. Namun jangan banyak.", ["Minum vitamin D.", "Namun jangan banyak."]),
        ("Hasil audit BPK. Sementara itu KPK diam.", ["Hasil audit BPK.", "Sementara itu KPK diam."]),
        ("Timnya juara Seri A. Dengan begitu mereka lolos.", ["Timnya juara Seri A.", "Dengan begitu mereka lolos."]),
        # the starter must be capitalised as a sentence start, not an acronym
        ("Lahir di Kab. DIA kemarin.", ["Lahir di Kab. DIA kemarin."]),
    ],
)
def test_abbreviations_before_names(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # brackets hold no sentence end
        ("Kereta (PT. KAI) itu tiba. Penumpang turun.", ["Kereta (PT. KAI) itu tiba.", "Penumpang turun."]),
        ("Bunga itu (lihat gbr. A) mekar. Indah.", ["Bunga itu (lihat gbr. A) mekar.", "Indah."]),
        ("Berita itu benar. (Ant. / Sry)", ["Berita itu benar.", "(Ant. / Sry)"]),
        ("Ia lahir [kota Medan. Ayahnya petani] lalu pindah.", ["Ia lahir [kota Medan. Ayahnya petani] lalu pindah."]),
        # ... unless it is not closed in its paragraph, or a list number closes nothing
        ("Ia lahir (kota Medan. Ayahnya petani\nDia pindah.", ["Ia lahir (kota Medan.", "Ayahnya petani", "Dia pindah."]),
        ("Syaratnya: 1) Sehat. 2) Jujur.", ["Syaratnya: 1) Sehat.", "2) Jujur."]),
    ],
)
def test_brackets(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_a_long_bracket_splits_as_usual() -> None:
    inner = " ".join(["Kalimat panjang sekali."] * 12)  # 48 tokens
    assert len(sentences_of(f"Awal ({inner}) akhir.")) == 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attributed quotation starts a sentence: the headline before it ends with no full stop
        ("Harga cabai melonjak “Kami rugi,” kata petani.", ["Harga cabai melonjak", "“Kami rugi,” kata petani."]),
        ('Banjir melanda Bekasi "Air setinggi lutut," ujar warga.', ["Banjir melanda Bekasi", '"Air setinggi lutut," ujar warga.']),
        ("Timnas menang telak “Kapan kita juara?” tanya Budi.", ["Timnas menang telak", "“Kapan kita juara?” tanya Budi."]),
        # ... not when the word before introduces it
        ("Dia mengatakan “Kami siap,” kata sumber itu.", ["Dia mengatakan “Kami siap,” kata sumber itu."]),
        ("Pilihannya yaitu “Maju terus,” kata dia.", ["Pilihannya yaitu “Maju terus,” kata dia."]),
        # ... nor when it is not attributed, or opens lowercase
        ("Film “Dilan” laris. Penonton senang.", ["Film “Dilan” laris.", "Penonton senang."]),
        ("Warga berkata “kami rugi,” kata petani.", ["Warga berkata “kami rugi,” kata petani."]),
        # datelines stay with the sentence they open
        ("JAKARTA, KOMPAS.com - Presiden tiba. Dia disambut.", ["JAKARTA, KOMPAS.com - Presiden tiba.", "Dia disambut."]),
        ("Jakarta (ANTARA) - Harga emas naik.", ["Jakarta (ANTARA) - Harga emas naik."]),
        ("Gempa guncang Lombok\nMATARAM – Gempa terjadi pagi ini.", ["Gempa guncang Lombok", "MATARAM – Gempa terjadi pagi ini."]),
    ],
)
def test_headlines_and_attributed_quotations(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


# Every line break of telaah.tokenize.LINE_BREAKS, and CRLF (one break, not two).
_BREAKS = [*LINE_BREAKS, "\r\n"]


@pytest.mark.parametrize("line_break", _BREAKS, ids=repr)
def test_every_line_break_ends_a_sentence(line_break: str) -> None:
    text = f"Satu{line_break}Dua dan tiga{line_break}{line_break}  Empat."
    assert sentences_of(text) == ["Satu", "Dua dan tiga", "Empat."]
    assert sentence_ids(text, *scan(text)) == [0, 1, 1, 1, 2, 2]


@pytest.mark.parametrize("line_break", _BREAKS, ids=repr)
def test_a_quotation_left_open_ends_at_any_line_break(line_break: str) -> None:
    text = f'"Kami siap. Kami menunggu.{line_break}Dia datang.'
    assert sentences_of(text) == ['"Kami siap.', "Kami menunggu.", "Dia datang."]


def test_crlf_is_one_line_break() -> None:
    text = "Satu.\r\nDua.\r\n\r\nTiga."
    assert split_sentences(text) == [Span(0, 5, "Satu."), Span(7, 11, "Dua."), Span(15, 20, "Tiga.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # runs of marks closing nothing, and marks glued to what follows: no sentence end
        ("?" * 50 + "x", ["?" * 50 + "x"]),
        ("Apa?!?!?!?! tanya dia.", ["Apa?!?!?!?! tanya dia."]),
        ("ab.ab.ab.ab", ["ab.ab.ab.ab"]),
        ("Harga 3.5.7 naik.", ["Harga 3.5.7 naik."]),
        ("Ab.Ab.Ab", ["Ab.", "Ab.", "Ab"]),
    ],
)
def test_runs_without_spaces(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_spans_carry_offsets() -> None:
    text = "Halo.  Apa kabar?"
    assert split_sentences(text) == [Span(0, 5, "Halo."), Span(7, 17, "Apa kabar?")]


def test_sentence_ids_number_the_tokens() -> None:
    text = "Harga naik 2,5 persen, dll. Dia pergi."
    assert sentence_ids(text, *scan(text)) == [0, 0, 0, 0, 0, 0, 1, 1, 1]


def test_sample_article_has_one_sentence_per_line_or_more() -> None:
    text = data_path("jepang-rusia.txt").read_text(encoding="utf-8")
    spans = split_sentences(text)
    assert spans[0].text == "Jepang dan Rusia sepakat untuk memperdalam kepercayaan dan terus membahas sengketa wilayah"
    assert spans[-1].text == "Penulis Associated Press Emily Wang berkontribusi pada laporan ini."
    assert len(spans) > text.count("\n") + 1


# --- properties that hold for every text -------------------------------------------

_PIECES = st.sampled_from(
    ["Dia", "pergi", "dll.", "B.", "Tbk.", "1", "2,5", " ", " ", "\n", "\r", "\r\n", "\u2028", ".", "?", "!", "...", "…",
     '"', "“", "”", "'", "‘", "’", "(", ")", ",", "kata", "Rp5.000", "a"]
)  # fmt: skip
_TEXTS = st.one_of(st.text(), st.lists(_PIECES, max_size=60).map("".join), st.lists(_PIECES, max_size=60).map(" ".join))


@settings(max_examples=300)
@given(_TEXTS)
def test_spans_are_ordered_trimmed_and_cover_every_non_space(text: str) -> None:
    spans = split_sentences(text)
    position = 0
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.text and span.text == span.text.strip()
        assert span.start >= position and text[position : span.start].strip() == ""
        position = span.end
    assert text[position:].strip() == ""


@settings(max_examples=300)
@given(_TEXTS)
def test_sentence_ids_agree_with_split_sentences(text: str) -> None:
    texts, starts, ends, kinds = scan(text)
    ids = sentence_ids(text, texts, starts, ends, kinds)
    spans = split_sentences(text)
    assert len(ids) == len(texts)
    assert [spans[i].start <= start and end <= spans[i].end for i, start, end in zip(ids, starts, ends, strict=True)] == [True] * len(ids)
    assert sorted(set(ids)) == list(range(len(spans)))
    assert ids == sorted(ids)
