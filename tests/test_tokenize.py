"""Tests for telaah.tokenize: Indonesian rules on real cases, and losslessness for any text."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telaah.lang_id import abbreviations, currency_symbols, range_words, sentence_final_abbreviations
from telaah.resources import data_path
from telaah.tokenize import KINDS, Token, scan, token_kind, tokenize

# telaah/__init__ re-exports the function tokenize, which hides the submodule.
tokenize_module = sys.modules["telaah.tokenize"]


def texts_of(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reduplication and hyphenated compounds stay whole
        ("menghindari komentar-komentar yang provokatif", ["menghindari", "komentar-komentar", "yang", "provokatif"]),
        ("sayur-mayur dan bolak-balik", ["sayur-mayur", "dan", "bolak-balik"]),
        ("isu-isu internasional lainnya", ["isu-isu", "internasional", "lainnya"]),
        ("aliansi Jepang-AS.", ["aliansi", "Jepang-AS", "."]),
        ("kawasan Asia-Pasifik", ["kawasan", "Asia-Pasifik"]),
        ("latihan anti-pembajakan", ["latihan", "anti-pembajakan"]),
        ("juara ke-3 se-Asia", ["juara", "ke-3", "se-Asia"]),
        ("masa pasca-perang", ["masa", "pasca-perang"]),
        ("pembicaraan sub-kementerian", ["pembicaraan", "sub-kementerian"]),
        ("pada tahun 1950-an", ["pada", "tahun", "1950-an"]),
        ("pandemi COVID-19", ["pandemi", "COVID-19"]),
        # clitics stay inside the word
        ("bukunya hilang, apakah kapan-kapan ketemu?", ["bukunya", "hilang", ",", "apakah", "kapan-kapan", "ketemu", "?"]),
        ("sikap Jepang-nya", ["sikap", "Jepang-nya"]),
        ("Dialah yang datang, siapapun juga", ["Dialah", "yang", "datang", ",", "siapapun", "juga"]),
        # abbreviations keep their dots
        ("buku, pena, dll.", ["buku", ",", "pena", ",", "dll."]),
        ("dsb. dan dkk.", ["dsb.", "dan", "dkk."]),
        ("Prof. Dr. Ir. H. Ahmad", ["Prof.", "Dr.", "Ir.", "H.", "Ahmad"]),
        ("Jl. Sudirman No. 5, Kab. Bogor, Kec. Cibinong", ["Jl.", "Sudirman", "No.", "5", ",", "Kab.", "Bogor", ",", "Kec.", "Cibinong"]),
        ("a.n. Budi, S.H., S.E., M.Si.", ["a.n.", "Budi", ",", "S.H.", ",", "S.E.", ",", "M.Si."]),
        ("PT Bank Mandiri (Persero) Tbk.", ["PT", "Bank", "Mandiri", "(", "Persero", ")", "Tbk."]),
        ("DLL. dan Dll.", ["DLL.", "dan", "Dll."]),
        ("Jl.Sudirman", ["Jl.", "Sudirman"]),
        # initials
        ("B. J. Habibie", ["B.", "J.", "Habibie"]),
        ("J.K. Rowling", ["J.K.", "Rowling"]),
        ("kuartal I. Dengan", ["kuartal", "I", ".", "Dengan"]),
        # numbers in Indonesian format
        ("1.000 orang", ["1.000", "orang"]),
        ("Rp 5.000,00", ["Rp", "5.000,00"]),
        ("naik 2,5 persen", ["naik", "2,5", "persen"]),
        ("pukul 17.00 WIB", ["pukul", "17.00", "WIB"]),
        ("pukul 10:30.", ["pukul", "10:30", "."]),
        ("tahun 2018.", ["tahun", "2018", "."]),
        ("tumbuh 3,2%", ["tumbuh", "3,2", "%"]),
        ("pada 17/08/2018", ["pada", "17/08/2018"]),
        ("Senin (27/3).", ["Senin", "(", "27/3", ")", "."]),
        ("tanggal 17-08-2018", ["tanggal", "17-08-2018"]),
        ("rekor $33 miliar", ["rekor", "$", "33", "miliar"]),
        # currency signs split off
        ("Rp5.000", ["Rp", "5.000"]),
        ("US$33 juta", ["US$", "33", "juta"]),
        ("Rp. 10.000", ["Rp.", "10.000"]),
        # ranges: the hyphen means "sampai"
        ("periode 2000-2006", ["periode", "2000", "-", "2006"]),
        ("antara 6,2-6,8 persen", ["antara", "6,2", "-", "6,8", "persen"]),
        ("Januari-September 2007", ["Januari", "-", "September", "2007"]),
        ("buka Senin-Jumat", ["buka", "Senin", "-", "Jumat"]),
        # codes, quarters, ratings
        ("Permenkeu No. 34/PMK.011/2007", ["Permenkeu", "No.", "34/PMK.011/2007"]),
        ("kuartal III/2006", ["kuartal", "III/2006"]),
        ("peringkat idAA- dari Pefindo", ["peringkat", "idAA-", "dari", "Pefindo"]),
        # web
        ("lihat https://www.kompas.com/berita?id=5.", ["lihat", "https://www.kompas.com/berita?id=5", "."]),
        ("Suara.com - Cerita", ["Suara.com", "-", "Cerita"]),
        ("kirim ke redaksi@tempo.co.id.", ["kirim", "ke", "redaksi@tempo.co.id", "."]),
        ("kata @jokowi soal #PilkadaDKI", ["kata", "@jokowi", "soal", "#PilkadaDKI"]),
        # quotes, brackets, dashes, ellipses, slashes
        ("TOKYO – Jepang", ["TOKYO", "–", "Jepang"]),
        ("Jepang—Rusia", ["Jepang", "—", "Rusia"]),
        ("bentrokan - bentrokan", ["bentrokan", "-", "bentrokan"]),
        ("tetap menjadi “landasan” kebijakan", ["tetap", "menjadi", "“", "landasan", "”", "kebijakan"]),
        ('"Tidak," ucap dia.', ['"', "Tidak", ",", '"', "ucap", "dia", "."]),
        ("istilah ‘renewable energy’ itu", ["istilah", "‘", "renewable", "energy", "’", "itu"]),
        ("«Merdeka» (CDM)", ["«", "Merdeka", "»", "(", "CDM", ")"]),
        ("Tunggu... dan… selesai", ["Tunggu", "...", "dan", "…", "selesai"]),
        ("Apa?! Tidak!", ["Apa", "?", "!", "Tidak", "!"]),
        ("dan/atau", ["dan", "/", "atau"]),
        ("Qur'an dan Jum'at, Jum’at", ["Qur'an", "dan", "Jum'at", ",", "Jum’at"]),
        ("___", ["___"]),
    ],
)
def test_tokenize_indonesian_rules(text: str, expected: list[str]) -> None:
    assert texts_of(text) == expected


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("komentar-komentar", "word"),
        ("dll.", "word"),
        ("1.000,50", "number"),
        ("17/08/2018", "number"),
        ("2018", "number"),
        ("Rp", "symbol"),
        ("US$", "symbol"),
        ("$", "symbol"),
        ("%", "symbol"),
        ("“", "punct"),
        ("...", "punct"),
        ("–", "punct"),
        ("https://kompas.com/a", "url"),
        ("Kompas.com", "url"),
        ("redaksi@tempo.co.id", "email"),
        ("@jokowi", "mention"),
        ("#PilkadaDKI", "hashtag"),
        ("🙂", "symbol"),
    ],
)
def test_token_kind(token: str, kind: str) -> None:
    assert token_kind(token) == kind


def test_tokens_carry_offsets_and_kinds() -> None:
    text = "Harga naik 3,2% (Rp5.000)."
    tokens = tokenize(text)
    assert tokens[2] == Token("3,2", 11, 14, "number")
    assert [t.kind for t in tokens] == ["word", "word", "number", "symbol", "punct", "symbol", "number", "punct", "punct"]


@pytest.fixture(scope="session")
def sample_text() -> str:
    return data_path("jepang-rusia.txt").read_text(encoding="utf-8")


def test_sample_article_opening(sample_text: str) -> None:
    tokens = tokenize(sample_text)
    assert [t.text for t in tokens[:14]] == [
        "Jepang", "dan", "Rusia", "sepakat", "untuk", "memperdalam", "kepercayaan",
        "dan", "terus", "membahas", "sengketa", "wilayah", "TOKYO", "–",
    ]  # fmt: skip
    assert {"Asia-Pasifik", "Jepang-AS", "komentar-komentar", "isu-isu", "anti-pembajakan"} <= {t.text for t in tokens}


@pytest.mark.parametrize("abbreviation", sorted(abbreviations()))
def test_every_listed_abbreviation_is_one_token(abbreviation: str) -> None:
    assert texts_of(f"kata {abbreviation} Ahmad") == ["kata", abbreviation, "Ahmad"]


def test_resource_files_are_consistent() -> None:
    assert all(a.endswith(".") for a in abbreviations())
    assert sentence_final_abbreviations() <= abbreviations()
    assert "Rp" in currency_symbols()
    assert {"januari", "senin"} <= range_words()


# --- properties that hold for every text -------------------------------------------

_TRICKY = st.sampled_from(
    list("aZé0 9.,-/'’\"“”$%@#:…()!?_\n\t\u00a0\u200b\u0301\u0300")
    + ["dll.", "B.", "Rp", "US$", "1.000,5", "http://", "www.", "@x", ".com", "ke-", "-nya", "🙂", "\x00", "``", "''"]
)
_TRICKY_TEXT = st.lists(_TRICKY, max_size=40).map("".join)
_ANY_TEXT = st.one_of(st.text(), _TRICKY_TEXT)


@settings(max_examples=300)
@given(_ANY_TEXT)
def test_tokens_reproduce_the_text(text: str) -> None:
    texts, starts, ends, kinds = scan(text)
    assert len(texts) == len(starts) == len(ends) == len(kinds)
    position = 0
    for token, start, end, kind in zip(texts, starts, ends, kinds, strict=True):
        assert text[start:end] == token and token
        assert start >= position and text[position:start].strip() == ""  # only whitespace between
        assert kind in KINDS
        position = end
    assert text[position:].strip() == ""
    assert "".join(texts) == "".join(text.split())


@given(_ANY_TEXT)
def test_tokenize_agrees_with_scan(text: str) -> None:
    texts, starts, ends, kinds = scan(text)
    assert tokenize(text) == [Token(*fields) for fields in zip(texts, starts, ends, kinds, strict=True)]


# Text without spaces, rich in what glues tokens together: long runs of these
# made the old pattern quadratic, and past the first characters of a run the
# fast pattern takes other paths than the plain one.
_GLUE = st.sampled_from(
    list("aAbZz0129./-@:'’#$%_+,?!\"“”()…`&é\u0301\u2010")
    + ["ab.", "dll.", "No.", "B.", "J.K.", "Rp", "US$", "1.000,5", "17/08/2018", "2018-08-17", "http://", "www.",
       ".com", ".co.id", "x@y", "@x", "#x", "ke-", "-nya", "Jan", "-Maret", "idAA", "A+", "PMK", "/2007", "C/O", "``", "''"]
)  # fmt: skip
_NO_SPACE_TEXT = st.one_of(
    st.text(alphabet=st.sampled_from("abAB19./-@:'#$%_+,"), max_size=200),
    st.lists(_GLUE, max_size=80).map("".join),
)


@settings(max_examples=300)
@given(_NO_SPACE_TEXT)
def test_tokens_rebuild_text_without_spaces(text: str) -> None:
    texts, starts, ends, kinds = scan(text)
    assert "".join(texts) == text
    assert all(texts)
    assert starts == [0, *ends][: len(starts)]  # contiguous, from the first character
    assert ends[-1:] == [len(text)][: len(ends)]  # to the last
    assert [text[start:end] for start, end in zip(starts, ends, strict=True)] == texts


@settings(max_examples=300)
@given(st.one_of(_ANY_TEXT, _NO_SPACE_TEXT))
def test_fast_paths_never_change_the_tokens(text: str) -> None:
    fast = tokenize_module._token_regex()
    slow = tokenize_module._token_regex(fast_paths=False)
    assert fast.split(text) == slow.split(text)


def test_trailing_whitespace_is_no_token() -> None:
    text = "Dia pergi." + " \n" * 1000
    assert scan(text)[0] == ["Dia", "pergi", "."]
    assert scan(" \n\t ") == ([], [], [], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a far-reaching token (code, address, domain) right after a token glued to it
        ("No.34/PMK.011/2007", ["No.", "34/PMK.011/2007"]),
        ("(Kompas.com)", ["(", "Kompas.com", ")"]),
        ("Email:redaksi@tempo.co.id", ["Email", ":", "redaksi@tempo.co.id"]),
        ("-" * 15 + "Kompas.com", ["-" * 15, "Kompas.com"]),
        # ... but only within the first 16 characters of a run without spaces
        ("-" * 17 + "Kompas.com", ["-" * 17, "Kompas", ".", "com"]),
        ("ab." * 20, ["ab", "."] * 20),
        ("1/" * 20, ["1", "/"] * 20),
    ],
)
def test_far_tokens_start_near_the_start_of_a_run(text: str, expected: list[str]) -> None:
    assert texts_of(text) == expected
