"""The explorer: one word, one theme, one number of topics at a time.

The logic of notebook 05's interactive explorer, as plain functions that
return tidy tables, so it can be tested and used without widgets:

:func:`word_profile`
    A word's stem, its stem family (every form in the corpus with that stem),
    its KWIC lines, where it occurs, and the themes its forms carry.
:func:`theme_profile`
    Where a theme occurs (units with counts) and which lexicon entries and
    words carried it.
:func:`topics_for_k`
    The topics of a model with ``k`` topics, fitted once per token table and
    ``k`` (:func:`topic_result` gives the fitted model itself).
:func:`explorer`
    The ipywidgets user interface wired to the three: the only function here
    that needs ``ipywidgets``.

Everything reuses the analyses: :func:`telaah.kwic`,
:func:`telaah.dispersion`, :func:`telaah.theme_matches`,
:func:`telaah.themes.theme_tokens`, :func:`telaah.theme_scores` and
:func:`telaah.topics.fit_topics`; units are those of
:func:`telaah._columns.unit_columns`.
"""

from __future__ import annotations

import io
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from telaah._columns import Unit, ensure_tokens, group_ids, kind_mask, unit_columns
from telaah.concordance import dispersion, kwic, query_terms
from telaah.themes import load_lexicon, theme_matches, theme_scores

__all__ = [
    "WordProfile",
    "ThemeProfile",
    "word_profile",
    "theme_profile",
    "topic_result",
    "topics_for_k",
    "explorer",
    "MEMO_TABLES",
]

# ---------------------------------------------------------------------------
# A memo keyed on the token table's identity (DataFrames are not hashable)
# ---------------------------------------------------------------------------

#: How many token tables keep their results (the most recently used ones).
MEMO_TABLES = 4
_MEMO: OrderedDict[int, tuple[weakref.ref, dict[tuple, Any]]] = OrderedDict()


def _memo(tokens: pd.DataFrame) -> dict[tuple, Any]:
    """The cache of one token table, like ``functools.lru_cache`` but keyed on the table's identity.

    DataFrames are not hashable, so the key is ``id(tokens)``, checked with a
    weak reference: a new table that reuses a freed id never sees an old
    table's results.  An entry goes when its table is garbage-collected, or
    when more than :data:`MEMO_TABLES` tables have been used since (a fitted
    topic model refers to its table, so the table may live until then).
    Results assume the table is not changed in place.
    """
    key = id(tokens)
    entry = _MEMO.get(key)
    if entry is None or entry[0]() is not tokens:
        entry = (weakref.ref(tokens, lambda _ref, key=key, memo=_MEMO: memo.pop(key, None)), {})
        _MEMO[key] = entry
        while len(_MEMO) > MEMO_TABLES:
            _MEMO.popitem(last=False)
    _MEMO.move_to_end(key)
    return entry[1]


def _matches(tokens: pd.DataFrame, lexicon: Any) -> pd.DataFrame:
    """:func:`theme_matches` of the table, computed once per table for the bundled lexicon."""
    return _memoised(tokens, lexicon, "matches", theme_matches)


def _covered(tokens: pd.DataFrame, lexicon: Any) -> pd.DataFrame:
    """:func:`telaah.themes.theme_tokens` of the table, computed once per table for the bundled lexicon."""
    from telaah import themes  # looked up at call time: the one function topic_themes uses too

    return _memoised(tokens, lexicon, "theme_tokens", themes.theme_tokens)


def _memoised(tokens: pd.DataFrame, lexicon: Any, name: str, compute: Callable[..., pd.DataFrame]) -> pd.DataFrame:
    """``compute(tokens, lexicon)``, kept in the table's memo under ``name`` for the bundled lexicon (None)."""
    if lexicon is not None:
        return compute(tokens, lexicon)
    cache = _memo(tokens)
    if (name,) not in cache:
        cache[(name,)] = compute(tokens)
    return cache[(name,)]


def _lexicon(lexicon: Any) -> pd.DataFrame:
    if lexicon is None or not isinstance(lexicon, pd.DataFrame):
        return load_lexicon(lexicon)
    return lexicon


def _themes(lexicon: Any) -> list[str]:
    return list(dict.fromkeys(_lexicon(lexicon)["theme"].astype(str)))


# ---------------------------------------------------------------------------
# One word
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WordProfile:
    """Everything the explorer shows for one word (returned by :func:`word_profile`).

    Attributes
    ----------
    word : str
        The word as asked, lowercased.
    stem : str
        Its stem, as the token table stemmed it (or as Telaah's stemmer
        stems it, for a word not in the corpus).
    family : DataFrame
        The stem family: every lowercase form in the corpus with that stem:
        ``form``, ``count``, ``share`` (of the family's tokens), most
        frequent first.
    kwic : DataFrame
        Every occurrence of the family in context, from :func:`telaah.kwic`.
    dispersion : DataFrame
        Where they occur, from :func:`telaah.dispersion`.
    themes : DataFrame
        The themes the family's tokens carry: ``theme``, ``form`` (the
        family member), ``term`` and ``match`` (the lexicon entry that
        matched it), ``count``; most frequent first.  A form missing here
        carries no theme, even when its stem does (*menahan* for *tahan*).
    """

    word: str
    stem: str
    family: pd.DataFrame
    kwic: pd.DataFrame
    dispersion: pd.DataFrame
    themes: pd.DataFrame

    @property
    def count(self) -> int:
        """Occurrences of the whole family."""
        return int(self.family["count"].sum())

    def summary(self) -> str:
        """One line for a reader: the stem, the family's size and its themes."""
        if self.count == 0:
            return f"{self.word!r} (stem {self.stem!r}) does not occur in the corpus."
        themes = ", ".join(dict.fromkeys(self.themes["theme"].astype(str))) or "no theme"
        return (
            f"{self.word!r}: stem {self.stem!r}, {len(self.family)} form(s), {self.count} occurrence(s); "
            f"themes: {themes}."
        )


def word_profile(
    tokens: object,
    word: str,
    *,
    corpus: object | None = None,
    window: int = 5,
    lexicon: Any = None,
    groupby: str | Sequence[str] | None = None,
) -> WordProfile:
    """Profile one word: its stem family, KWIC lines, dispersion and themes.

    Parameters
    ----------
    tokens : DataFrame
        A token table with stems (or anything :func:`telaah.token_table`
        accepts).
    word : str
        One word, in any form: *perdagangan*, *dagang* and *berdagang* give
        the same family.
    corpus : DataFrame, path or list of str, optional
        The corpus the table was built from: KWIC lines are then cut from the
        exact text (see :func:`telaah.kwic`).
    window : int
        KWIC context in tokens on each side.
    lexicon : DataFrame, path or None
        The theme lexicon; the bundled one when None.
    groupby : str or list of str, optional
        The texts along which dispersion positions run (as in
        :func:`telaah.dispersion`): by default ``parent_id`` (the article of
        a corpus read by paragraph) when the table has it, else ``doc_id``;
        ``["doc_id", "para_id"]`` for each paragraph.

    Returns
    -------
    WordProfile

    Raises
    ------
    ValueError
        When ``word`` is empty or holds several words.

    Examples
    --------
    >>> p = word_profile(["Perdagangan naik. Mereka berdagang. Perdagangan turun."], "dagang")
    >>> p.stem, p.family.form.tolist(), p.family["count"].tolist(), len(p.kwic)
    ('dagang', ['perdagangan', 'berdagang'], [2, 1], 3)
    >>> p.themes[["theme", "form", "count"]].values.tolist()
    [['perdagangan', 'perdagangan', 2], ['perdagangan', 'berdagang', 1]]
    """
    table = ensure_tokens(tokens)
    if not isinstance(word, str) or not word.strip():
        raise ValueError("word: type a word, e.g. 'perdagangan'")
    stems = query_terms(table, word, by="stem")
    if len(stems) != 1:
        raise ValueError(f"word: {word!r} has {len(stems)} words; profile one word at a time (kwic() takes phrases)")
    stem = stems[0]
    is_family = (table["stem"] == stem).to_numpy() & kind_mask(table, ("word",))
    family = _family(table.loc[is_family, "lower"])
    if groupby is None:
        groupby = "parent_id" if "parent_id" in table.columns else "doc_id"
    return WordProfile(
        word=word.strip().lower(),
        stem=stem,
        family=family,
        kwic=kwic(table, word, by="stem", window=window, corpus=corpus),
        dispersion=dispersion(table, word, by="stem", groupby=groupby),
        themes=_word_themes(table, is_family, lexicon),
    )


def _family(forms: pd.Series) -> pd.DataFrame:
    counts = forms.astype(str).value_counts(sort=False)
    family = pd.DataFrame({"form": counts.index.astype(str), "count": counts.to_numpy(np.int64)})
    family = family.sort_values(["count", "form"], ascending=[False, True], kind="stable").reset_index(drop=True)
    total = family["count"].sum()
    family["share"] = family["count"] / total if total else 0.0
    return family


def _word_themes(table: pd.DataFrame, is_family: np.ndarray, lexicon: Any) -> pd.DataFrame:
    """The theme tokens (:func:`telaah.themes.theme_tokens`) of the family, counted per theme, form and entry.

    Most frequent first; ties in the order of the first occurrence.
    """
    columns = ["theme", "form", "term", "match", "count"]
    covered = _covered(table, lexicon)
    hits = covered[is_family[covered["row"].to_numpy()]]
    if hits.empty:
        return pd.DataFrame({c: pd.Series(dtype=np.int64 if c == "count" else object) for c in columns})
    hits = hits.assign(
        theme=hits["theme"].astype(str),
        form=table["lower"].to_numpy()[hits["row"].to_numpy()].astype(str),
    )
    entry, out, first_seen = group_ids(hits, ["theme", "form", "term", "match"])
    out["count"] = np.bincount(entry, minlength=len(out)).astype(np.int64)
    order = np.lexsort((first_seen, -out["count"].to_numpy()))
    return out.iloc[order].reset_index(drop=True)[columns]


# ---------------------------------------------------------------------------
# One theme
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeProfile:
    """Where a theme occurs and what carried it (returned by :func:`theme_profile`).

    Attributes
    ----------
    theme : str
        The theme.
    units : DataFrame
        Every unit of the text in order, zeros included: the unit's id
        columns, ``theme``, ``matches``, ``tokens`` and ``per_1000``, from
        :func:`telaah.theme_scores`.
    terms : DataFrame
        The lexicon entries that matched: ``term``, ``match``, ``count``
        (matches), ``units`` (how many units they occur in) and ``forms``
        (the words as written, lowercased, most frequent first); most
        frequent entry first.
    """

    theme: str
    units: pd.DataFrame
    terms: pd.DataFrame

    @property
    def where(self) -> pd.DataFrame:
        """Only the units where the theme occurs, most matches first."""
        found = self.units[self.units["matches"] > 0]
        return found.sort_values("matches", ascending=False, kind="stable").reset_index(drop=True)

    def summary(self) -> str:
        """One line for a reader: how often, in how many units, carried by which entries."""
        total = int(self.units["matches"].sum())
        if total == 0:
            return f"Theme {self.theme!r} does not occur in the corpus."
        top = ", ".join(self.terms["term"].head(5))
        return f"Theme {self.theme!r}: {total} match(es) in {len(self.where)} of {len(self.units)} units; carried most by {top}."


def theme_profile(
    tokens: object,
    theme: str,
    *,
    lexicon: Any = None,
    unit: Unit = "paragraph",
) -> ThemeProfile:
    """Where a theme occurs, and which lexicon entries and words carried it.

    Parameters
    ----------
    tokens : DataFrame
        A token table with stems (or anything :func:`telaah.token_table`
        accepts).
    theme : str
        A theme of the lexicon (*pertahanan*, *perdagangan* ...).
    lexicon : DataFrame, path or None
        The theme lexicon; the bundled one when None.
    unit : {"document", "paragraph", "sentence"}
        The units counted (as in :func:`telaah.theme_scores`; defined by
        :func:`telaah._columns.unit_columns`).

    Returns
    -------
    ThemeProfile

    Raises
    ------
    ValueError
        For a theme the lexicon does not have (the message lists its themes).

    Examples
    --------
    >>> p = theme_profile(["Ekspor naik.\\n\\nRudal diluncurkan.\\n\\nEkspor gas dan impor."], "perdagangan")
    >>> p.where[["para_id", "matches"]].values.tolist()
    [[2, 2], [0, 1]]
    >>> p.terms[["term", "count", "forms"]].values.tolist()
    [['ekspor', 2, 'ekspor'], ['impor', 1, 'impor']]
    """
    table = ensure_tokens(tokens)
    themes = _themes(lexicon)
    theme = str(theme).strip().lower()
    if theme not in themes:
        raise ValueError(f"theme {theme!r} is not in the lexicon; its themes are {', '.join(themes)}")
    scores = theme_scores(table, lexicon, unit=unit)
    units = scores[scores["theme"].astype(str) == theme].reset_index(drop=True)
    return ThemeProfile(theme=theme, units=units, terms=_theme_terms(_matches(table, lexicon), theme, unit_columns(table, unit)))


def _theme_terms(matches: pd.DataFrame, theme: str, unit_keys: list[str]) -> pd.DataFrame:
    """The lexicon entries that matched ``theme``: counts, units (``unit_keys``) and forms; most matches first."""
    found = matches[matches["theme"].astype(str) == theme].reset_index(drop=True)
    columns = ["term", "match", "count", "units", "forms"]
    if found.empty:
        return pd.DataFrame({c: pd.Series(dtype=np.int64 if c in ("count", "units") else object) for c in columns})
    entry, out, first_seen = group_ids(found, ["term", "match"])
    unit_of_match, _, _ = group_ids(found, unit_keys)
    per_match = pd.DataFrame({"entry": entry, "unit": unit_of_match, "form": found["matched"].astype(str).str.lower()})
    out["count"] = np.bincount(entry, minlength=len(out)).astype(np.int64)
    out["units"] = np.bincount(per_match.drop_duplicates(["entry", "unit"])["entry"], minlength=len(out)).astype(np.int64)
    out["forms"] = per_match.groupby("entry")["form"].agg(lambda s: ", ".join(s.value_counts(sort=True).index)).to_numpy()
    # most matches first, then most units; ties in the order of the first match
    order = np.lexsort((first_seen, -out["units"].to_numpy(), -out["count"].to_numpy()))
    return out.iloc[order].reset_index(drop=True)[columns]


# ---------------------------------------------------------------------------
# Topics for one k
# ---------------------------------------------------------------------------


def _default_unit(table: pd.DataFrame) -> Unit:
    """Paragraphs for one long text (one article); documents for a corpus."""
    one_text = table["doc_id"].nunique() == 1
    return "paragraph" if one_text and "para_id" in table.columns else "document"


def _count_units(table: pd.DataFrame, unit: Unit) -> int:
    """How many units of ``unit`` the table has (:func:`telaah._columns.unit_columns`)."""
    return len(group_ids(table, unit_columns(table, unit))[2])


def topic_result(
    tokens: object,
    k: int,
    *,
    method: Literal["nmf", "lda"] = "nmf",
    unit: Unit | None = None,
    random_state: int | None = 0,
) -> Any:
    """A topic model with ``k`` topics, fitted once per token table, ``k`` and options.

    Moving the explorer's slider back to a ``k`` already seen costs nothing:
    the result is kept as long as the token table lives (the table must not
    be changed in place).

    Parameters
    ----------
    tokens : DataFrame
        A token table (memoised only when it is one; anything else is
        converted and fitted every time).
    k : int
        The number of topics.
    method : {"nmf", "lda"}
        As in :func:`telaah.topics.fit_topics`.
    unit : {"document", "paragraph", "sentence"}, optional
        What a topic describes; by default paragraphs when the table holds
        one text, documents otherwise.
    random_state : int or None
        The seed.

    Returns
    -------
    telaah.topics.TopicResult

    Examples
    --------
    >>> t = ensure_tokens(["Ekspor dan impor naik.", "Tarif impor.", "Rudal dan pasukan.", "Pasukan dan rudal."])
    >>> topic_result(t, 2) is topic_result(t, 2)
    True
    """
    from telaah.topics import fit_topics

    table = ensure_tokens(tokens)
    unit = _default_unit(table) if unit is None else unit
    key = ("topics", int(k), method, unit, random_state)
    cache = _memo(table) if table is tokens else {}
    if key not in cache:
        cache[key] = fit_topics(table, int(k), method=method, unit=unit, random_state=random_state)
    return cache[key]


def topics_for_k(
    tokens: object,
    k: int,
    *,
    top: int = 8,
    method: Literal["nmf", "lda"] = "nmf",
    unit: Unit | None = None,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """The topics of a model with ``k`` topics: one row per topic with its top terms.

    Parameters
    ----------
    tokens : DataFrame
        A token table.
    k : int
        The number of topics.
    top : int
        Top terms shown per topic.
    method, unit, random_state
        As in :func:`topic_result`.

    Returns
    -------
    pandas.DataFrame
        ``topic``, ``label``, ``coherence``, ``prevalence`` and ``top_terms``
        (see :meth:`telaah.topics.TopicResult.summary`).

    Examples
    --------
    >>> t = ensure_tokens(["Ekspor dan impor naik.", "Tarif impor.", "Rudal dan pasukan.", "Pasukan dan rudal."])
    >>> summary = topics_for_k(t, 2, top=2)
    >>> summary.top_terms.str.split().str.len().tolist()
    [2, 2]
    """
    result = topic_result(tokens, k, method=method, unit=unit, random_state=random_state)
    return result.summary(top=top)


# ---------------------------------------------------------------------------
# The widgets: one helper per tab
# ---------------------------------------------------------------------------


def _html_table(frame: pd.DataFrame, *, caption: str, max_rows: int = 30) -> str:
    if frame.empty:
        return f"<p><b>{caption}</b>: none.</p>"
    more = f"<p>... and {len(frame) - max_rows} more rows.</p>" if len(frame) > max_rows else ""
    body = frame.head(max_rows).to_html(index=False, float_format=lambda x: f"{x:.3f}", escape=True)
    return f"<p><b>{caption}</b></p>{body}{more}"


def _png(draw: Any) -> bytes:
    """Draw on a new figure with ``draw(ax)`` and return it as PNG bytes (the figure is closed)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 3))
    try:
        draw(ax)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
        return buffer.getvalue()
    finally:
        plt.close(fig)


class _Tab(NamedTuple):
    """One tab of the explorer: its title, its control, the widgets that show results, and its box."""

    title: str
    control: Any
    views: dict[str, Any]
    box: Any


def _word_tab(widgets: Any, table: pd.DataFrame, *, corpus: object | None, lexicon: Any, word: str) -> _Tab:
    """The **Word** tab: a text box wired to :func:`word_profile`."""
    from telaah.plots.freq import plot_dispersion

    box = widgets.Text(value=word, description="Word:", placeholder="e.g. perdagangan", continuous_update=False)
    info, chart, tables = widgets.HTML(), widgets.Image(format="png"), widgets.HTML()

    def show(change: Any = None) -> None:
        query = box.value.strip()
        if not query:
            info.value, tables.value, chart.value = "Type a word and press Enter.", "", b""
            return
        try:
            profile = word_profile(table, query, corpus=corpus, lexicon=lexicon)
        except ValueError as error:
            info.value, tables.value, chart.value = f"<b>{error}</b>", "", b""
            return
        info.value = profile.summary()
        chart.value = (
            _png(lambda ax: plot_dispersion(profile.dispersion, ax=ax, title=f"Where the family of {profile.stem!r} occurs"))
            if len(profile.dispersion)
            else b""
        )
        tables.value = (
            _html_table(profile.family, caption=f"Stem family of {profile.stem!r}")
            + _html_table(profile.themes, caption="Themes carried by these forms")
            + _html_table(profile.kwic[["left", "match", "right"]], caption="Keyword in context")
        )

    box.observe(show, names="value")
    show()
    views = {"word_info": info, "word_chart": chart, "word_tables": tables}
    return _Tab("Word", box, views, widgets.VBox([box, info, chart, tables]))


def _theme_tab(widgets: Any, table: pd.DataFrame, *, lexicon: Any, theme: str | None, unit: Unit) -> _Tab:
    """The **Theme** tab: a dropdown of the lexicon's themes wired to :func:`theme_profile`."""
    from telaah.plots.themes import plot_theme_profile

    themes = _themes(lexicon)
    box = widgets.Dropdown(options=themes, value=theme if theme in themes else themes[0], description="Theme:")
    info, chart, tables = widgets.HTML(), widgets.Image(format="png"), widgets.HTML()

    def show(change: Any = None) -> None:
        profile = theme_profile(table, box.value, lexicon=lexicon, unit=unit)
        info.value = profile.summary()
        chart.value = _png(
            lambda ax: plot_theme_profile(profile.units, value="matches", themes=[profile.theme], ax=ax, title=f"Theme {profile.theme!r} along the text")
        )
        ids = [c for c in profile.where.columns if c in ("doc_id", "para_id", "sent_id")]
        tables.value = _html_table(profile.terms, caption="Entries that carried it") + _html_table(
            profile.where[[*ids, "matches", "per_1000"]], caption="Where it occurs"
        )

    box.observe(show, names="value")
    show()
    views = {"theme_info": info, "theme_chart": chart, "theme_tables": tables}
    return _Tab("Theme", box, views, widgets.VBox([box, info, chart, tables]))


def _topics_tab(widgets: Any, table: pd.DataFrame, *, k: int, max_k: int, unit: Unit) -> _Tab:
    """The **Topics** tab: a slider for ``k`` wired to :func:`topics_for_k`."""
    top_k = max(2, min(max_k, _count_units(table, unit)))
    slider = widgets.IntSlider(value=min(max(k, 2), top_k), min=2, max=top_k, description="Topics k:", continuous_update=False)
    info, summary_table = widgets.HTML(), widgets.HTML()

    def show(change: Any = None) -> None:
        try:
            summary = topics_for_k(table, slider.value, unit=unit)
        except ValueError as error:
            info.value, summary_table.value = f"<b>{error}</b>", ""
            return
        info.value = f"{slider.value} topics (NMF, random state 0). On a short text they change with k and the random state: read them as hints."
        summary_table.value = _html_table(summary, caption="Topics and their top terms (stems)")

    slider.observe(show, names="value")
    show()
    views = {"topics_info": info, "topics_table": summary_table}
    return _Tab("Topics", slider, views, widgets.VBox([slider, info, summary_table]))


def explorer(
    tokens: object,
    *,
    corpus: object | None = None,
    lexicon: Any = None,
    word: str = "",
    theme: str | None = None,
    k: int = 3,
    max_k: int = 10,
) -> Any:
    """An interactive explorer for JupyterLab: a word, a theme, a number of topics.

    Three tabs, each a control wired to one function of this module:

    * **Word**: a text box; on Enter, :func:`word_profile`: the stem family,
      a dispersion chart, the themes of the family's forms and the KWIC lines.
    * **Theme**: a dropdown of the lexicon's themes; :func:`theme_profile`:
      the units (paragraphs of one text, documents of a corpus) where the
      theme occurs and the entries that carried it, with a chart along the
      text.
    * **Topics**: a slider for ``k``; :func:`topics_for_k` (each ``k`` is
      fitted once) on the same units.

    Parameters
    ----------
    tokens : DataFrame
        A token table with stems.
    corpus : DataFrame, path or list of str, optional
        The corpus the table was built from (exact KWIC text).
    lexicon : DataFrame, path or None
        The theme lexicon; the bundled one when None.
    word : str
        A word to show first.
    theme : str, optional
        The theme to show first (the lexicon's first by default).
    k : int
        The number of topics to show first.
    max_k : int
        The slider's largest ``k`` (capped at the number of units).

    Returns
    -------
    ipywidgets.Tab
        Display it (leave it as a cell's last line).  Its ``controls``
        attribute maps ``"word"``, ``"theme"`` and ``"k"`` to the three
        controls, and ``views`` maps names to the widgets that show results.

    Raises
    ------
    ImportError
        When ipywidgets is not installed.
    """
    try:
        import ipywidgets as widgets
    except ImportError as error:  # pragma: no cover - ipywidgets is a dependency
        raise ImportError(
            "telaah.explore.explorer needs ipywidgets: install it with `pip install ipywidgets` "
            "(or `conda install -c conda-forge ipywidgets`); the functions word_profile, "
            "theme_profile and topics_for_k work without it"
        ) from error

    table = ensure_tokens(tokens)
    unit = _default_unit(table)  # paragraphs of one article, documents of a corpus
    tabs = [
        _word_tab(widgets, table, corpus=corpus, lexicon=lexicon, word=word),
        _theme_tab(widgets, table, lexicon=lexicon, theme=theme, unit=unit),
        _topics_tab(widgets, table, k=k, max_k=max_k, unit=unit),
    ]
    ui = widgets.Tab(children=[tab.box for tab in tabs])
    for i, tab in enumerate(tabs):
        ui.set_title(i, tab.title)
    ui.controls = dict(zip(("word", "theme", "k"), (tab.control for tab in tabs), strict=True))
    ui.views = {name: view for tab in tabs for name, view in tab.views.items()}
    widget_bundle = ui._repr_mimebundle_

    def bundle(**kwargs: Any) -> dict[str, Any]:
        # JupyterLab shows the widget; a page without a widget manager (exported HTML) the picture
        return {**(widget_bundle(**kwargs) or {}), "text/html": snapshot_html(tabs)}

    ui._repr_mimebundle_ = bundle
    return ui


def snapshot_html(tabs: list[_Tab]) -> str:
    """A static picture of the explorer's tabs as they stand: each tab's control value, text, chart and tables.

    Shown where widgets cannot run (an exported page opened offline), in
    place of the live tabs.
    """
    import base64
    from html import escape

    parts = ["<div class='telaah-explorer-snapshot'><p><i>A static picture of the explorer; open the notebook in JupyterLab to use it.</i></p>"]
    for tab in tabs:
        parts.append(f"<h4>{escape(tab.title)} &middot; {escape(str(tab.control.description))} {escape(str(tab.control.value))}</h4>")
        for view in tab.views.values():
            value = view.value
            if isinstance(value, (bytes, memoryview)):
                if len(value):
                    parts.append(f"<img alt='{escape(tab.title)} chart' src='data:image/png;base64,{base64.b64encode(bytes(value)).decode()}'>")
            elif value:
                parts.append(str(value))
    parts.append("</div>")
    return "\n".join(parts)
