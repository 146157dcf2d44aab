"""The explorer's logic (word, theme, topics) and its widgets, on small Indonesian texts."""

from __future__ import annotations

import gc

import pandas as pd
import pytest

from telaah.explore import ThemeProfile, WordProfile, explorer, theme_profile, topic_result, topics_for_k, word_profile
from telaah.table import token_table

ARTICLE = (
    "Perdagangan Jepang dan Rusia naik tajam.\n\n"
    "Para pedagang di Tokyo berdagang gas alam cair. Ekspor gas naik dan impor minyak turun.\n\n"
    "Menteri Pertahanan bertemu dengan pasukan untuk membahas pertahanan pulau. Latihan militer digelar di dekat pulau itu.\n\n"
    "Pasukan itu menahan kapal asing. Rudal dan pasukan siaga di perbatasan.\n\n"
    "Kedua negara sepakat membahas perjanjian damai dan kerja sama perdagangan."
)


@pytest.fixture(scope="module")
def tokens() -> pd.DataFrame:
    return token_table([ARTICLE])


@pytest.mark.parametrize("word", ["dagang", "perdagangan", "berdagang", "Perdagangan"])
def test_every_form_of_a_word_gives_the_same_stem_family(tokens, word):
    profile = word_profile(tokens, word)
    assert isinstance(profile, WordProfile)
    assert profile.stem == "dagang"
    family = dict(zip(profile.family.form, profile.family["count"], strict=True))
    assert family["perdagangan"] == 2 and family["berdagang"] == 1
    assert {"perdagangan", "berdagang"} <= set(family)
    assert profile.family["share"].sum() == pytest.approx(1.0)
    assert profile.count == profile.family["count"].sum()


def test_kwic_lines_and_dispersion_cover_every_family_member(tokens):
    profile = word_profile(tokens, "perdagangan", corpus=[ARTICLE], window=2)
    assert len(profile.kwic) == profile.count == len(profile.dispersion)
    assert profile.kwic["match"].str.lower().tolist() == ["perdagangan", "pedagang", "berdagang", "perdagangan"]
    assert profile.kwic.loc[2, "left"] == "di Tokyo"
    assert profile.dispersion["relative"].is_monotonic_increasing
    assert profile.dispersion["relative"].between(0, 1).all()


def test_themes_of_a_word_are_carried_by_its_forms(tokens):
    profile = word_profile(tokens, "tahan")
    forms = dict(zip(profile.family.form, profile.family["count"], strict=True))
    assert forms == {"pertahanan": 2, "menahan": 1}
    # pertahanan is a `form` entry of the theme pertahanan; menahan (same stem) carries no theme
    carried = profile.themes[profile.themes.theme == "pertahanan"]
    assert set(carried.form) == {"pertahanan"}
    assert "menahan" not in set(profile.themes.form)
    assert "pertahanan" in profile.summary()


def test_a_word_missing_from_the_corpus_has_an_empty_profile(tokens):
    profile = word_profile(tokens, "sepakbola")
    assert profile.count == 0 and profile.kwic.empty and profile.themes.empty
    assert "does not occur" in profile.summary()


@pytest.mark.parametrize("word", ["", "   ", "angkatan laut"])
def test_word_profile_refuses_empty_or_several_words(tokens, word):
    with pytest.raises(ValueError, match="word"):
        word_profile(tokens, word)


def test_theme_profile_says_where_and_which_terms(tokens):
    profile = theme_profile(tokens, "pertahanan")
    assert isinstance(profile, ThemeProfile)
    assert profile.units["para_id"].tolist() == list(range(5))  # every paragraph, zeros included
    where = dict(zip(profile.where.para_id, profile.where.matches, strict=True))
    assert where == {2: 4, 3: 3}
    terms = profile.terms.set_index("term")
    assert terms.loc["menteri pertahanan", "match"] == "phrase"
    assert terms.loc["latihan militer", "count"] == 1
    assert terms.loc["pasukan", "count"] == 3 and terms.loc["pasukan", "units"] == 2
    assert "menahan" not in ", ".join(profile.terms.forms)
    assert profile.terms["count"].sum() == profile.units["matches"].sum()


def test_theme_profile_of_trade_names_the_forms(tokens):
    profile = theme_profile(tokens, "Perdagangan")
    forms = ", ".join(profile.terms.forms)
    assert "ekspor" in forms and "impor" in forms and "perdagangan" in forms
    assert 0 in set(profile.where.para_id) and 2 not in set(profile.where.para_id)


def test_unknown_theme_lists_the_themes(tokens):
    with pytest.raises(ValueError, match="pertahanan"):
        theme_profile(tokens, "olahraga")


@pytest.mark.parametrize("k", [2, 3])
def test_topics_for_k_gives_k_topics_with_terms(tokens, k):
    topics = topics_for_k(tokens, k)
    assert topics["topic"].tolist() == list(range(k))
    assert topics["top_terms"].str.len().gt(0).all()
    assert topic_result(tokens, k).unit == "paragraph"  # one article: its paragraphs are the units


def test_topics_are_fitted_once_per_table_and_k(tokens, monkeypatch):
    import telaah.topics

    first = topic_result(tokens, 2)
    calls = []
    original = telaah.topics.fit_topics
    monkeypatch.setattr(telaah.topics, "fit_topics", lambda *a, **kw: calls.append(a) or original(*a, **kw))
    assert topic_result(tokens, 2) is first
    assert calls == []
    other = topic_result(tokens, 2, random_state=1)
    assert other is not first and len(calls) == 1
    # another table with the same text is another entry
    assert topic_result(token_table([ARTICLE]), 2) is not first


def test_the_memo_keeps_only_the_latest_tables():
    from telaah import explore

    tables = [token_table([ARTICLE]) for _ in range(explore.MEMO_TABLES + 1)]
    first = topics_for_k(tables[0], 2)
    for table in tables[1:]:
        theme_profile(table, "pertahanan")
    assert id(tables[0]) not in explore._MEMO
    assert len(explore._MEMO) <= explore.MEMO_TABLES
    pd.testing.assert_frame_equal(topics_for_k(tables[0], 2), first)  # refitted, same seed, same topics


def test_a_table_without_topics_leaves_the_memo_when_it_dies():
    from telaah import explore

    table = token_table([ARTICLE])
    theme_profile(table, "perdagangan")
    key = id(table)
    assert key in explore._MEMO
    del table
    gc.collect()
    assert key not in explore._MEMO


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_explorer_builds_the_three_controls(tokens):
    import ipywidgets as widgets

    ui = explorer(tokens, corpus=[ARTICLE], word="pasukan")
    assert isinstance(ui, widgets.Tab)
    kinds = [type(w) for w in _walk(ui)]
    assert widgets.Text in kinds and widgets.Dropdown in kinds and widgets.IntSlider in kinds
    assert [ui.get_title(i) for i in range(3)] == ["Word", "Theme", "Topics"]
    assert ui.controls["theme"].options[0] == "pertahanan"
    assert ui.controls["k"].max == 5  # capped at the number of paragraphs
    assert "pasukan" in ui.views["word_info"].value
    assert "Theme 'pertahanan'" in ui.views["theme_info"].value


def test_typing_a_word_updates_the_views(tokens):
    ui = explorer(tokens)
    assert bytes(ui.views["word_chart"].value) == b""
    ui.controls["word"].value = "perdagangan"
    assert "stem 'dagang'" in ui.views["word_info"].value
    assert "berdagang" in ui.views["word_tables"].value
    assert ui.views["word_chart"].value.tobytes().startswith(b"\x89PNG")
    ui.controls["word"].value = "angkatan laut"
    assert "one word at a time" in ui.views["word_info"].value


def test_picking_a_theme_and_moving_the_slider_update_the_views(tokens):
    ui = explorer(tokens)
    ui.controls["theme"].value = "perdagangan"
    assert "ekspor" in ui.views["theme_tables"].value
    assert ui.views["theme_chart"].value.tobytes().startswith(b"\x89PNG")
    ui.controls["k"].value = 4
    assert ui.views["topics_info"].value.startswith("4 topics")
    assert ui.views["topics_table"].value.count("<tr>") == 4  # one row per topic (the header has a style)


def test_where_widgets_cannot_run_the_explorer_shows_a_static_picture_of_each_tab(tokens, tmp_path):
    import nbformat

    from telaah.notebooks import WIDGET_VIEW, export_html

    ui = explorer(tokens, word="perdagangan")
    ui.controls["theme"].value = "wilayah"
    bundle = ui._repr_mimebundle_()
    assert WIDGET_VIEW in bundle  # JupyterLab still gets the live widget
    picture = bundle["text/html"]
    assert [h in picture for h in ("<h4>Word", "<h4>Theme", "<h4>Topics")] == [True, True, True]
    assert "stem 'dagang'" in picture and "wilayah" in picture and picture.count("data:image/png;base64,") == 2
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("ui")])
    nb.cells[0].outputs = [nbformat.v4.new_output("display_data", data=bundle)]
    page = export_html(nb, tmp_path / "explore.html").read_text(encoding="utf-8")
    assert "stem &#39;dagang&#39;" in page or "stem 'dagang'" in page
    assert WIDGET_VIEW not in page
    assert WIDGET_VIEW in nb.cells[0].outputs[0].data  # the notebook itself is not changed


def test_word_profile_groupby_a_list_runs_positions_within_each_paragraph(tokens):
    article = word_profile(tokens, "pasukan")
    paragraphs = word_profile(tokens, "pasukan", groupby=["doc_id", "para_id"])
    assert "para_id" in paragraphs.dispersion.columns
    assert paragraphs.dispersion["para_id"].tolist() == [2, 3, 3]
    # positions start again in each paragraph: the first word of paragraph 3 is Pasukan
    assert paragraphs.dispersion["position"].tolist()[1] == 0
    assert article.dispersion["position"].tolist()[1] > 0
    assert article.dispersion["token_id"].tolist() == paragraphs.dispersion["token_id"].tolist()
    with pytest.raises(TypeError, match="within"):
        word_profile(tokens, "pasukan", within="doc_id")


def test_word_themes_and_topic_themes_read_the_same_theme_tokens(tokens, monkeypatch):
    import telaah.themes
    from telaah.topics import topic_themes

    calls = []
    original = telaah.themes.theme_tokens

    def spy(table, lexicon=None):
        calls.append(table)
        return original(table, lexicon)

    monkeypatch.setattr(telaah.themes, "theme_tokens", spy)
    lexicon = telaah.themes.load_lexicon()
    profile = word_profile(tokens, "tahan", lexicon=lexicon)
    assert len(calls) == 1 and calls[0] is tokens
    topic_themes(topic_result(tokens, 2), lexicon)
    assert len(calls) == 2 and calls[1] is tokens
    # the word's themes are the theme tokens of its family, counted
    covered = original(tokens, lexicon)
    forms = tokens["lower"].to_numpy()[covered["row"]].astype(str)
    family = covered[(tokens["stem"].to_numpy()[covered["row"]] == "tahan")]
    assert profile.themes["count"].sum() == len(family)
    assert set(zip(profile.themes.form, profile.themes.term, strict=True)) == set(zip(forms[family.index], family["term"], strict=True))


def test_sentence_units_in_the_theme_profile(tokens):
    profile = theme_profile(tokens, "pertahanan", unit="sentence")
    assert list(profile.units.columns[:3]) == ["doc_id", "sent_id", "theme"]
    assert profile.units["sent_id"].tolist() == sorted(set(tokens["sent_id"]))
    assert profile.terms.set_index("term").loc["pasukan", "units"] == 3  # three sentences, two paragraphs
