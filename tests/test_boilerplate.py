"""Tests for telaah.boilerplate: footers, datelines and listed lines, found and left out."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telaah.boilerplate import BOILERPLATE_COLUMNS, boilerplate, boilerplate_spans, drop_boilerplate
from telaah.corpus import read_sample
from telaah.table import token_table

FOOTER = "Kabar X adalah portal berita teknologi."


def corpus(n: int = 5, *, footer_in: int | None = None) -> pd.DataFrame:
    footer_in = n if footer_in is None else footer_in
    texts = []
    for i in range(n):
        place = ["Jakarta", "Bandung", "Medan"][i % 3]
        body = f"{place}, Kabar X - Berita nomor {i} tentang harga cabai.\nIsi kedua artikel {i}."
        texts.append(body + (f"\n{FOOTER}" if i < footer_in else ""))
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "text": texts, "source": "x"})


def test_a_footer_a_dateline_and_a_listed_line_are_found():
    news = corpus()
    news.loc[0, "text"] += "\nBaca juga: Harga bawang naik"
    found = boilerplate(news)
    assert tuple(found.columns) == BOILERPLATE_COLUMNS
    rows = {(r.kind, r.text): r for r in found.itertuples()}
    assert rows[("line", FOOTER)].documents == 5 and rows[("line", FOOTER)].share == 1.0
    assert rows[("dateline", "Kabar X -")].documents == 5
    assert rows[("listed", "Baca juga: Harga bawang naik")].first_doc_id == "d0"


def test_a_line_few_articles_share_is_not_boilerplate():
    found = boilerplate(corpus(10, footer_in=1), min_documents=3, min_share=0.2)
    assert FOOTER not in set(found.text)
    found = boilerplate(corpus(10, footer_in=3), min_documents=3, min_share=0.2)
    assert FOOTER in set(found.text)


def test_outlets_are_counted_apart():
    news = pd.concat([corpus(3), corpus(3).assign(source="y", text=lambda f: f.text.str.replace(FOOTER, "Lain."))], ignore_index=True)
    news["doc_id"] = [f"d{i}" for i in range(6)]
    found = boilerplate(news)
    assert set(found[found.text == FOOTER].group) == {"x"}


def test_drop_boilerplate_leaves_out_exactly_the_spans_and_says_so():
    news = corpus()
    tokens = token_table(news)
    clean = drop_boilerplate(tokens, news)
    spans = clean.attrs["boilerplate"]
    assert clean.attrs["boilerplate_tokens"] == len(tokens) - len(clean) > 0
    inside = [any(a <= s < b for a, b in zip(g.start, g.end, strict=True)) for s, g in ((s, spans[spans.doc_id == d]) for d, s in zip(tokens.doc_id.astype(str), tokens.start, strict=True))]
    assert len(clean) == inside.count(False)
    assert "portal" not in set(clean.lower.astype(str)) and "cabai" in set(clean.lower.astype(str))
    text = news.text.iloc[0]
    assert all(text[a:b] == t for a, b, t in zip(spans.start[spans.doc_id == "d0"], spans.end[spans.doc_id == "d0"], spans.text[spans.doc_id == "d0"], strict=True))
    assert len(tokens) == len(token_table(news))  # the table passed in is not changed


@pytest.mark.parametrize(
    ("first_line", "dateline"),
    [
        ("Jakarta, Kabar X - Harga naik.", "Jakarta, Kabar X -"),
        ("Kabar X - - Harga naik.", "Kabar X - -"),
        ("Presiden Joko Widodo yang baru tiba - dan lelah - bicara.", None),  # a dash of the article itself
    ],
)
def test_datelines(first_line, dateline):
    news = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [first_line, first_line.replace("Harga", "Hujan"), first_line.replace("Harga", "Angin")], "source": "x"})
    spans = boilerplate_spans(news)
    found = spans[(spans.kind == "dateline") & (spans.doc_id == "a")].text.tolist()
    assert found == ([dateline] if dateline else [])


def test_the_news_sample_s_known_boilerplate():
    news = read_sample("indosum")
    found = boilerplate(news)
    footer = found[(found.group == "dailysocial.id") & (found.kind == "line")]
    assert footer.documents.iloc[0] == 66 and footer.text.iloc[0].startswith("DailySocial.id adalah portal berita startup")
    assert found[(found.group == "cnn indonesia") & (found.kind == "dateline")].text.tolist() == ["CNN Indonesia - -"]


def test_bad_options_are_refused():
    with pytest.raises(ValueError, match="groupby='outlet': the corpus has no such column"):
        boilerplate(corpus(), groupby="outlet")
    with pytest.raises(ValueError, match="min_share"):
        boilerplate(corpus(), min_share=0)
    with pytest.raises(ValueError, match="min_documents"):
        boilerplate(corpus(), min_documents=1)
    other = token_table(["Lain sama sekali."])
    with pytest.raises(ValueError, match="not in the token table"):
        drop_boilerplate(other, corpus())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Satu.", "Dua tiga.", "Baca juga: X", "Jakarta, K - Ya.", "Kaki.", ""]), min_size=1, max_size=6), st.integers(2, 6))
def test_dropping_never_removes_more_than_the_spans(lines, copies):
    texts = ["\n".join(lines) + f"\nIsi {i}." for i in range(copies)]
    tokens = token_table(texts)
    clean = drop_boilerplate(tokens, texts, groupby=None)
    assert len(clean) + clean.attrs["boilerplate_tokens"] == len(tokens)
    assert "isi" in set(clean.lower.astype(str))
