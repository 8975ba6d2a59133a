"""The Streamlit cache wrappers the pages use.

Frames are passed as unhashed `_` arguments beside a short dataset key ("bundled" or an upload's digest), so a
rerun never pays for hashing a DataFrame.
"""
from __future__ import annotations

import functools
import gc
import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st

from lib import (
    article_draft, audit, bundle, checks, claims as claims_lib, coverage, dashboard, figures, headline, history_charts, i18n,
    peers as peers_lib, runway_inputs as runway_inputs_lib, second_opinion, store, transforms as tf, waterfall as waterfall_lib,
)
from lib.chart_layout import Chart
from lib.export import renderer
from lib.export.stamp import dataset_version

def spoken(cached_function):
    """A cached function whose results hold words (titles, labels, problems), called with the language spoken as
    its `lang` argument, so each language has entries of its own."""
    @functools.wraps(cached_function)
    def in_language(*args, **kwargs):
        return cached_function(*args, lang=i18n.language(), **kwargs)
    return in_language


BUNDLED_PATH = Path(__file__).resolve().parent.parent / "data" / "claims.yaml"
BUNDLED = "bundled"
PEERS_PATH = BUNDLED_PATH.parent / "peers" / "epoch-ai.csv"


@st.cache_resource(show_spinner=False)
def settled_heap() -> None:
    """Once per server, after the first page has loaded its modules and data: move what is in memory out of the
    garbage collector's sight (gc.freeze). Streamlit runs a full collection after every script run, which
    otherwise walks all of pandas, plotly and the data each time (about 45 ms per slider move here)."""
    gc.collect()
    gc.freeze()


@st.cache_data(show_spinner=False)
def bundled_claims() -> pd.DataFrame:
    """The bundled dataset, validated once per server."""
    return claims_lib.load_claims(BUNDLED_PATH)


@st.cache_data(show_spinner=False)
def bundled_file() -> bytes:
    """The bundled claims file as it is on disk, read once per server: what the data download gives."""
    return BUNDLED_PATH.read_bytes()


@st.cache_data(show_spinner=False)
def bundled_version() -> str:
    """The bundled file's dataset version, hashed once per server."""
    return dataset_version(bundled_file())


def upload_key(data: bytes) -> str:
    return "upload-" + hashlib.sha256(data).hexdigest()


@st.cache_data(show_spinner=False, max_entries=16)
def uploaded_claims(key: str, name: str, _data: bytes) -> pd.DataFrame:
    """An uploaded dataset (key = upload_key(data)): a bare claims YAML or a zip of it and its articles
    (lib.bundle), validated with the bundled file's rules, its quotes against its own articles first; errors
    (BundleError, ClaimsError) are not cached."""
    found = bundle.read_bundle(_data, name)
    return claims_lib.parse_claims(found.claims, bundle.claims_path(_data, name), found.articles)


@st.cache_data(show_spinner=False, max_entries=16)
def uploaded_articles(key: str, name: str, _data: bytes) -> dict[str, str]:
    """The articles an accepted upload carries (file name -> text), for the Sources page's article view."""
    return bundle.read_bundle(_data, name).articles


@st.cache_data(show_spinner=False, max_entries=16)
def with_session_rates(key: str, _claims: pd.DataFrame, rates: tuple[tuple[str, float], ...]) -> pd.DataFrame:
    """The claims with the exchange rates the reader gave for this session (lib.transforms.with_session_rates)."""
    return tf.with_session_rates(_claims, dict(rates))


@st.cache_data(show_spinner=False, max_entries=64)
def prepared(key: str, _claims: pd.DataFrame, as_of, include_undated: bool) -> pd.DataFrame:
    """Claims known at the as-of date, in USD, with period dates, conflicts and annualised flows."""
    return tf.prepare(tf.as_of(_claims, as_of, include_undated))


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def findings(key: str, _claims: pd.DataFrame, as_of, include_undated: bool, _articles: dict[str, str],
             *, lang: str) -> pd.DataFrame:
    """The audit of the claims known at the as-of date (lib.audit), stale inputs judged at that date, an upload's own
    articles read for coverage before the stored ones."""
    return audit.audit(tf.as_of(_claims, as_of, include_undated), as_of, _articles)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def uncurated(key: str, _claims: pd.DataFrame, _articles: dict[str, str], *, lang: str) -> list[coverage.Uncurated]:
    """The figures of the cited articles that no claim carries and no dismissal covers (lib.coverage)."""
    return coverage.uncurated(_claims, _articles)


@st.cache_data(show_spinner=False, max_entries=64)
def entities(key: str, _claims: pd.DataFrame) -> list[str]:
    """The companies the sidebar offers from the claims, most money figures first (any entity when none has one)."""
    return figures.entities(prepared(key, _claims, None, True)) or sorted(set(_claims["entity"]))


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def flags(key: str, _findings: pd.DataFrame, _prepared: pd.DataFrame, as_of, include_undated: bool, *, lang: str) -> pd.DataFrame:
    """Each claim's audit errors and warnings (lib.checks.flags) in the as-of view."""
    return checks.flags(_findings, _prepared)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def finding_quotes(key: str, _findings: pd.DataFrame, _claims: pd.DataFrame, as_of, include_undated: bool, *, lang: str) -> dict:
    """Each finding's claims with their figures, sources and quotes (lib.checks.quotes), in the as-of view."""
    return checks.quotes(_findings, _claims)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def headline_figures(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str, *, lang: str) -> pd.DataFrame:
    """The overview's cards for one company and as-of view."""
    return headline.headline_figures(_prepared, entity, as_of)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def unconverted_figures(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str,
                        *, lang: str) -> pd.DataFrame:
    """One company's money figures that no rate converts to dollars, which the cards and charts leave out."""
    return headline.unconverted_figures(_prepared, entity)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def figures_table(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str, *, lang: str) -> pd.DataFrame:
    """Every figure of one company, one row per metric and period."""
    return headline.figures_table(_prepared, entity)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def changes_since(key: str, _claims: pd.DataFrame, entity: str, since, as_of, include_undated: bool,
                  *, lang: str) -> pd.DataFrame:
    """The cards known at the as-of date beside those known at an earlier one (it prepares both views)."""
    return headline.changes_since(_claims, entity, since, as_of, include_undated)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def comparisons(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str | None = None,
                *, lang: str) -> pd.DataFrame:
    """Figures two or more articles give for the same period and scope, of one company or (None) of all, read with
    the file's acknowledgements (point-in-time figures that hold at different dates)."""
    return tf.dated_comparisons(_prepared if entity is None else _prepared[_prepared["entity"] == entity])


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def epoch_comparisons(key: str, _prepared: pd.DataFrame, _peers: pd.DataFrame, as_of, include_undated: bool,
                      entity: str, *, lang: str) -> pd.DataFrame:
    """The articles' figures beside Epoch AI's for one company."""
    return second_opinion.comparisons(_prepared, _peers, entity)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def epoch_rows(as_of, include_undated: bool, entity: str, *, lang: str) -> pd.DataFrame:
    """One company's Epoch AI rows in force, those Epoch draws itself (lib.second_opinion.rows_for)."""
    return second_opinion.rows_for(peers(as_of, include_undated), entity)


@st.cache_data(show_spinner=False, max_entries=64)
def implied_fx_rates(key: str, _claims: pd.DataFrame) -> pd.DataFrame:
    """The won-dollar rates the articles imply."""
    return tf.implied_fx_rates(_claims)


@spoken
@st.cache_resource(show_spinner=False, max_entries=64)
def timeline_chart(key: str, _prepared: pd.DataFrame, _peers: pd.DataFrame, _flagged: pd.DataFrame, as_of,
                   include_undated: bool, entity: str, metrics: tuple[str, ...], log_y: bool, events: bool,
                   epoch: bool, everything: bool, *, lang: str) -> Chart:
    """The timeline as the reader set it, with Epoch AI's stars when asked for and rings on flagged points."""
    chart = history_charts.timeline(_prepared, entity, list(metrics), log_y=log_y, events=events)
    if epoch:
        chart = history_charts.with_peers(chart, second_opinion.rows_for(_peers, entity, everything))
    return checks.mark_timeline(chart, _flagged)


@spoken
@st.cache_resource(show_spinner=False, max_entries=64)
def compute_chart(as_of, include_undated: bool, entity: str, *, lang: str) -> Chart | None:
    """Compute spend beside revenue for every company in Epoch AI's data in force, the company in view first."""
    return dashboard.compute_chart(peers(as_of, include_undated), entity)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def waterfall_years(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str, *, lang: str) -> list[str]:
    """The years whose waterfall explains something (a loss, revenue and a cost line), the fullest first."""
    return waterfall_lib.waterfall_years(_prepared, entity, as_of)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def waterfall_gaps(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str, *, lang: str) -> dict[str, str]:
    """The years not offered for a waterfall, each with what it lacks."""
    return waterfall_lib.waterfall_gaps(_prepared, entity, as_of)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def waterfall_candidates(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str,
                         year: str, *, lang: str) -> pd.DataFrame:
    """Every figure that could fill a line of one year's waterfall_lib."""
    return waterfall_lib.waterfall_candidates(_prepared, entity, year)


@spoken
@st.cache_resource(show_spinner=False, max_entries=64)
def waterfall(key: str, _prepared: pd.DataFrame, _flagged: pd.DataFrame, as_of, include_undated: bool, entity: str,
              year: str, choices: tuple[tuple[str, str], ...], *, lang: str) -> tuple[pd.DataFrame, dict, Chart]:
    """One year's waterfall lines as the reader picked them, their reconciliation, and the chart with its
    markers on flagged bars."""
    lines = waterfall_lib.waterfall_lines(_prepared, entity, year, dict(choices))
    chart = checks.mark_waterfall(history_charts.waterfall(lines, _prepared, entity, year), _flagged)
    return lines, waterfall_lib.reconcile(lines), chart


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def runway_inputs(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str, *, lang: str):
    """Runway slider defaults for one company and as-of view."""
    return runway_inputs_lib.runway_inputs(_prepared, entity, as_of)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def runway_problem(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str, *, lang: str) -> str:
    """Why the claims in force give no runway for one company and as-of view ('' when they do)."""
    return runway_inputs_lib.runway_problem(_prepared, entity, as_of)


@spoken
@st.cache_resource(show_spinner=False, max_entries=32)
def runway_chart(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str, _inputs, _result,
                 _growth: float | None, assumptions, _events, *, lang: str) -> Chart:
    """The runway chart for one view and one set of slider values (the inputs, the projection, the growth it takes
    to be default alive and the offered raises follow from them): a page opened at its defaults, or a slider back
    at a value it had lately, draws it without building it. The last 32 are kept: a chart holds its figure and its
    data, and a long session of slider moves would otherwise fill the server's memory with charts never drawn again."""
    return runway_inputs_lib.runway_chart(_prepared, entity, _inputs, _result, _growth, assumptions, _events,
                                          runway_claims(key, _prepared, as_of, include_undated, entity, _inputs))


@st.cache_resource(show_spinner=False, max_entries=64)
def runway_claims(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str, _inputs) -> pd.DataFrame:
    """The claims behind one view's runway inputs, for the runway chart each slider move builds (one frame, not a
    copy per call: the chart takes its own table from it)."""
    return runway_inputs_lib.runway_claims(_prepared, _inputs)


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def then_vs_now(key: str, _claims: pd.DataFrame, entity: str, then, *, lang: str) -> dict:
    """The earlier-claims projection beside the every-claims one."""
    return runway_inputs_lib.then_vs_now(_claims, entity, then)


@spoken
@st.cache_resource(show_spinner=False, max_entries=64)
def overview_charts(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str, *, lang: str) -> dict:
    """The overview's charts (by year, burn rate, disagreements), None where the claims give nothing to draw."""
    return dashboard.overview_charts(_prepared, entity, as_of)


@spoken
@st.cache_resource(show_spinner=False, max_entries=64)
def then_and_now_chart(key: str, _claims: pd.DataFrame, entity: str, then, *, lang: str):
    """The then-vs-now chart for one company and earlier date."""
    return runway_inputs_lib.then_and_now_chart(_claims, entity, then, then_vs_now(key, _claims, entity, then))


@spoken
@st.cache_resource(show_spinner=False)
def renderer_found(*, lang: str) -> tuple[bool, str]:
    """Whether image downloads can be offered; Chromium itself starts on the first download."""
    return renderer.shared().found()


@spoken
@st.cache_resource(show_spinner=False, max_entries=64)
def funding_events(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str, _inputs, _peers,
                   *, lang: str) -> tuple:
    """Funding claims and Epoch AI's rounds after the projection start, offered as one-click raises (inputs and
    Epoch's rows in force follow from the other keys): one tuple for every rerun, not a copy per slider move."""
    return tuple(runway_inputs_lib.funding_events(_prepared, entity, _inputs, _peers))


@spoken
@st.cache_resource(show_spinner=False, max_entries=64)
def epoch_repeats(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str, _inputs, _peers,
                  *, lang: str) -> tuple:
    """Epoch AI's rounds after the start not offered, as they repeat the starting cash or a claim's deal (one tuple
    for every rerun, as funding_events)."""
    return tuple(runway_inputs_lib.epoch_repeats(_prepared, entity, _inputs, _peers))


@spoken
@st.cache_data(show_spinner=False, max_entries=64)
def fan_intervals(key: str, _prepared: pd.DataFrame, as_of, include_undated: bool, entity: str, *, lang: str):
    """The sources' relative intervals for the fan chart."""
    return runway_inputs_lib.fan_intervals(_prepared, entity, as_of)


@st.cache_data(show_spinner=False, max_entries=256)
def alive_growth(assumptions, start):
    """The revenue growth it takes to be default alive; a slider returning to a value it had is free."""
    return runway_inputs_lib.alive_growth(assumptions, start)


@st.cache_data(show_spinner=False)
def bundled_peers() -> pd.DataFrame:
    """Epoch AI's data (data/peers/epoch-ai.csv), validated once per server; raises PeersError."""
    return peers_lib.load_peers(PEERS_PATH)


@st.cache_data(show_spinner=False, max_entries=64)
def peers(as_of, include_undated: bool) -> pd.DataFrame:
    """Epoch AI's rows reported by the as-of date (those with no report date only when include_undated)."""
    return peers_lib.as_of(bundled_peers(), as_of, include_undated)


@spoken
@st.cache_data(show_spinner=False, max_entries=32)
def draft_validation(key: str, draft_yaml: str, _claims: bytes, name: str, _articles: dict[str, str],
                     *, lang: str) -> tuple[pd.DataFrame | None, list[str]]:
    """The claims in force (key) with an article's draft, validated as one dataset by the loader's rules, the
    articles given as text: the merged frame, else None and the problems. Cached per draft text, so a rerun that
    changes nothing in the draft validates nothing."""
    try:
        return claims_lib.parse_documents([(_claims, name), (draft_yaml, article_draft.DRAFT_PATH)], articles=_articles), []
    except claims_lib.ClaimsError as err:
        return None, err.problems


@spoken
@st.cache_data(show_spinner=False, max_entries=32)
def draft_findings(key: str, draft_yaml: str, _merged: pd.DataFrame, ids: tuple[str, ...], as_of, *, lang: str) -> pd.DataFrame:
    """The audit (lib.audit) of an article's draft claims (ids) among the claims in force (key) they could echo or
    disagree with (lib.article_draft.neighbours)."""
    return audit.audit(article_draft.neighbours(_merged, ids), as_of)


@st.cache_resource(show_spinner=False)
def shared_store(path: str) -> store.Store:
    """The store behind "Keep and share" and ?data= links, one per database path (lib.store.configured_path)."""
    return store.Store(path)
