"""lib.charts: what each figure draws, and the claims and data behind it."""
from __future__ import annotations

import datetime as dt
import json
import math

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from lib import charts, dashboard, headline, runway, second_opinion, transforms as tf, vocabulary, waterfall
from tests.conftest import make_claims, make_peers


BUNDLED = [
    {"id": "loss", "value": 5e9, "period": "2024", "qualifier": "exact"},
    {"id": "revenue", "metric": "revenue", "value": 3.7e9, "period": "2024", "qualifier": "exact"},
    {"id": "train", "metric": "training_cost", "value": 3e9, "period": "2024", "qualifier": "up_to"},
    {"id": "bundle", "metric": "training_cost", "includes": ["training_cost", "compute_cost"], "value": 7e9, "period": "2024",
     "qualifier": "at_least"},
]


def test_timeline_hover_and_data_say_what_a_bundle_includes():
    chart = charts.timeline(tf.prepare(make_claims(BUNDLED)), "OpenAI", ["training_cost"], events=False)
    [points] = [t for t in chart.figure.data if t.mode == "markers" and t.name == "Training cost (estimated)"]
    assert [list(row) for row in points.customdata] == [
        ["train", "2024", "estimated", "up_to", "News outlet: Publisher A (2024-06-01)", "≤ $3.0B", "company", ""],
        ["bundle", "2024", "estimated", "at_least", "News outlet: Publisher A (2024-06-01)", "≥ $7.0B", "company",
         "<br>bundle of training cost + compute cost"]]
    assert points.hovertemplate == ("<b>%{customdata[0]}</b><br>%{customdata[5]} · %{customdata[1]} · scope %{customdata[6]}"
                                    "%{customdata[7]}<br>%{customdata[2]}, %{customdata[3]} · %{customdata[4]}<extra></extra>")
    assert chart.data.set_index("id")["includes"].to_dict() == {"train": "", "bundle": "bundle of training cost + compute cost"}
    assert chart.claims.set_index("id")["includes"].fillna("").to_dict() == {"train": "", "bundle": "training_cost,compute_cost"}


def test_waterfall_hover_says_what_a_bundled_bar_includes():
    prepared = tf.prepare(make_claims(BUNDLED))
    chart = charts.waterfall(waterfall.waterfall_lines(prepared, "OpenAI", "2024", {"Training": "High"}), prepared, "OpenAI", "2024")
    trace = chart.figure.data[0]
    assert [row[3] for row in trace.customdata] == ["", "<br>one figure that includes Servers & inference", "", ""]
    assert trace.hovertemplate == ("<b>%{x}</b><br>%{customdata[2]}%{customdata[3]}<br>%{customdata[1]}<br>claims: "
                                   "%{customdata[0]}<extra></extra>")


@pytest.fixture
def prepared():
    return tf.prepare(make_claims(
        [
            {"id": "loss-en", "value": 5e9, "period": "2024", "source": "a"},
            {"id": "train-a", "metric": "training_cost", "value": 3e9, "period": "2024", "source": "a"},
            {"id": "train-b", "metric": "training_cost", "value": 7e9, "period": "2024", "source": "b"},
            {"id": "val", "metric": "valuation", "value": 80e9, "per": ..., "period": "2024-10", "source": "b"},
            {"id": "mou", "metric": "partnership", "counterparty": "Nvidia", "value": None, "unit": ..., "per": ...,
             "qualifier": ..., "period": "2025-09", "source": "b"},
            {"id": "doom", "metric": "bankruptcy_prediction", "value": None, "unit": ..., "per": ..., "qualifier": ...,
             "period": "2024", "basis": "forecast", "source": "a"},
        ],
        [{"id": "a", "publisher": "Alpha", "published": "2023-08-13"}, {"id": "b", "publisher": "Beta", "published": None, "written": "2024-H2"}],
    ))


def test_timeline_draws_metrics_events_and_conflicts(prepared):
    chart = charts.timeline(prepared, "OpenAI", ["net_loss", "training_cost", "valuation"], log_y=True)
    names = [trace.name for trace in chart.figure.data]
    assert {"Net loss", "Training cost", "Valuation"} <= set(names)
    # about 3B (2.7-3.3B) against about 7B (6.3-7.7B): the shaded range runs across both, naming each end
    assert "Sources disagree: $2.7B (train-a) to $7.7B (train-b)" in names
    annotations = [a.text for a in chart.figure.layout.annotations]
    assert "Partnership with Nvidia (2025-09)" in annotations
    assert "Bankruptcy prediction (2024)" in annotations
    prediction = next(a for a in chart.figure.layout.annotations if a.text.startswith("Bankruptcy"))
    assert pd.Timestamp(prediction.x) == pd.Timestamp("2024-12-31")  # "by 2024" sits at the end of 2024
    assert chart.figure.layout.yaxis.type == "log"
    expected = pd.DataFrame({"id": ["loss-en", "train-a", "train-b", "val"], "value_usd": [5e9, 3e9, 7e9, 80e9]})
    pd.testing.assert_frame_equal(chart.data[["id", "value_usd"]].sort_values("id").reset_index(drop=True), expected)
    assert set(chart.claims["id"]) == {"loss-en", "train-a", "train-b", "val", "mou", "doom"}


def test_timeline_draws_a_narrower_scope_as_its_own_series():
    prepared = tf.prepare(make_claims([
        {"id": "company", "metric": "operating_cost", "value": 4e9},
        {"id": "chatgpt", "metric": "operating_cost", "scope": "ChatGPT", "value": 700_000, "per": "day"},
    ]))
    chart = charts.timeline(prepared, "OpenAI", ["operating_cost"], events=False)
    lines = [t.name for t in chart.figure.data if t.mode == "lines"]
    assert lines == ["Operating cost (ChatGPT)", "Operating cost"]
    assert chart.data.set_index("id").loc["chatgpt-annualised", "scope"] == "ChatGPT"


def test_timeline_names_the_cap_of_an_open_range():
    prepared = tf.prepare(make_claims([
        {"id": "lo", "metric": "training_cost", "value": 3e9, "qualifier": "up_to"},
        {"id": "hi", "metric": "training_cost", "value": 7e9, "qualifier": "at_least", "source": "s2"},
    ], [{"id": "src-a"}, {"id": "s2"}]))
    chart = charts.timeline(prepared, "OpenAI", ["training_cost"], events=False)
    assert ("Sources disagree: $0 (lo) to $10.5B (hi); open ends ('at least', 'more than') capped at 1.5x the stated value"
            in [t.name for t in chart.figure.data])
    assert chart.subtitle.endswith("(open ends ('at least', 'more than') capped at 1.5x the stated value)")


@pytest.mark.parametrize(
    "values, label_y",
    [
        ([3e9, 0], math.log10(3e9)),  # a log axis leaves the zero out: the label sits at the last point drawn
        ([0, 0], None),  # nothing drawn: the line keeps its name in the legend, no label
    ],
)
def test_timeline_labels_a_line_ending_at_zero_on_a_log_axis(values, label_y):
    prepared = tf.prepare(make_claims([
        {"id": f"burn-{year}", "metric": "cash_burn", "value": value, "period": str(year)}
        for year, value in zip((2023, 2024), values)
    ]))
    chart = charts.timeline(prepared, "OpenAI", ["cash_burn"], events=False)
    labels = [(a.text, a.y) for a in chart.figure.layout.annotations if a.name == "line end"]
    assert labels == ([("Cash burn", label_y)] if label_y is not None else [])


def test_timeline_without_events_or_log(prepared):
    chart = charts.timeline(prepared, "OpenAI", ["valuation"], log_y=False, events=False)
    assert chart.figure.layout.yaxis.type == "linear"
    assert [(a.name, a.text) for a in chart.figure.layout.annotations] == [("line end", "Valuation")]  # no events
    assert chart.figure.layout.yaxis.domain is None  # no strip of events above the data
    assert list(chart.claims["id"]) == ["val"]


def test_waterfall_figure_matches_its_lines(prepared):
    lines = waterfall.waterfall_lines(prepared, "OpenAI", "2024")
    chart = charts.waterfall(lines, prepared, "OpenAI", "2024")
    trace = chart.figure.data[0]
    # same basis: Beta, written in 2024-H2, is newer than Alpha's August 2023 article
    assert list(trace.x) == ["Training", "Other / unexplained", "Net loss (estimated)"]
    assert list(trace.measure) == ["relative", "relative", "total"]
    assert list(trace.y) == [-7e9, 2e9, -5e9]
    assert list(trace.text) == ["≈ $7.0B", "$2.0B", "≈ $5.0B"]
    pd.testing.assert_frame_equal(chart.data, lines)
    assert chart.source_line == "Sources: Alpha, 13 Aug 2023; Beta, written 2024-H2."
    assert list(chart.claims["id"]) == ["loss-en", "train-b"]


@pytest.mark.parametrize("title, subtitle, expected_title, expected_subtitle", [
    ("", "", "OpenAI 2024: from revenue to net loss", None),
    ("  My title ", "", "My title", None),
    ("", "Mine", "OpenAI 2024: from revenue to net loss", "Mine"),
])
def test_in_words_keeps_the_defaults_for_what_is_left_empty(prepared, title, subtitle, expected_title, expected_subtitle):
    chart = charts.waterfall(waterfall.waterfall_lines(prepared, "OpenAI", "2024"), prepared, "OpenAI", "2024")
    worded = chart.in_words(title, subtitle)
    assert (worded.title, worded.subtitle) == (expected_title, expected_subtitle or chart.subtitle)
    assert worded.figure is chart.figure and worded.alt_text.startswith(f"Chart: {expected_title}.")
    assert (worded is chart) == (not title and not subtitle), "no words: the very chart, its worked-out lines kept"


def test_runway_figure_marks_zero_cash_and_the_band(prepared):
    start = dt.date(2024, 1, 1)
    base = runway.project(1000, 0, 100, 0, 0, start, 24)
    low = runway.project(1000, 0, 200, 0, 0, start, 24)
    high = runway.project(1000, 0, 50, 0, 0, start, 24)
    chart = charts.runway(base, low, high, "test assumptions", prepared.iloc[:1], "OpenAI", ("loss-high", "loss-low"))
    assert [t.name for t in chart.figure.data] == ["high", "Low–high range (qualifiers and alternatives)", "Cash balance (base)",
                                                  "Cash balance (base): unfunded gap"]
    # 1,000 less 100 a month lasts exactly 10 months: the line stops at zero then, and the rest is the unfunded gap
    balance, gap = chart.figure.data[2], chart.figure.data[3]
    assert list(balance.y)[-3:] == [100.0, 0.0, 0.0] and min(balance.y) == 0.0
    # the line meets zero where the monthly balances cross it: the balance is 0 at the end of month 9 (30 Sep 2024)
    assert pd.Timestamp(list(balance.x)[-1]) == pd.Timestamp("2024-09-30") == pd.Timestamp(list(gap.x)[0])
    assert list(gap.y)[0] == 0.0 and list(gap.y)[-1] == -1400.0 and gap.fill == "tozeroy"
    assert min(chart.figure.data[0].y) == 0.0 and min(chart.figure.data[1].y) == 0.0, "the band stops at zero too"
    assert "Unfunded gap by Dec 2025: $1.4K" in [a.text for a in chart.figure.layout.annotations]
    assert any(a.text == "Zero cash: Oct 2024" for a in chart.figure.layout.annotations)
    assert chart.subtitle == "US dollars · test assumptions"
    assert list(chart.data.columns[-5:]) == ["cash_end_low", "cash_end_high", "cash_end_low_claims", "cash_end_high_claims",
                                             "raise_notes"]
    assert (chart.data["cash_end_low_claims"].iloc[0], chart.data["cash_end_high_claims"].iloc[0]) == ("loss-high", "loss-low")
    assert chart.data["cash_end_low"].iloc[-1] < chart.data["cash_end"].iloc[-1] < chart.data["cash_end_high"].iloc[-1]


START = dt.date(2024, 1, 1)


def test_tornado_stops_at_the_horizon_and_says_beyond(prepared):
    # $1,000 at $100 a month: 10 months; +20% cash or -20% costs last past the 12-month horizon
    table = runway.sensitivity(1000, 0, 100, 0, 0, START, 12)
    chart = charts.tornado(table, 10.0, 12, START, "test", prepared.iloc[:1], "OpenAI")
    down, up = chart.figure.data
    assert list(table["input"][:2]) == ["cash_usd", "monthly_cost_usd"]  # largest effect first
    assert list(down.base[:2]) == [10.0, 10.0]
    assert list(up.x[:2]) == [2.0, pytest.approx(-1 - 2 / 3)]  # cash up: to the horizon; costs up: 8.3 months
    assert list(up.text[:2]) == ["beyond 12 months", "8.3 months"]
    assert list(down.text[:2]) == ["8.0 months", "beyond 12 months"]
    rows = [a.text for a in chart.figure.layout.annotations]
    assert rows[0] == "current: 10.0 months"
    assert rows[1] == "Starting cash ±20%: $800 / $1.2K"
    assert rows[4:] == ["Monthly revenue ±20%: $0 / $0 · no change: 10.0 months",  # no revenue to move or grow
                        "Revenue growth per year ±10 pp: -10%/yr / +10%/yr · no change: 10.0 months"]
    # the band above the plot is the "current" label's: the legend sits at the figure's foot, and the top row's name
    # has room under the label (rows run top down from 0, with a quarter row more above the first)
    legend = chart.figure.layout.legend
    assert (legend.y, legend.yanchor, legend.yref, chart.figure.layout.margin.b) == (0, "bottom", "container", 100)
    assert list(chart.figure.layout.yaxis.range) == [4.5, -0.75]


def test_tornado_is_drawn_as_written(prepared):
    table = runway.sensitivity(1000, 0, 100, 0, 0, START, 12)  # $1,000 at $100 a month: 10 months of a 12-month horizon
    chart = charts.tornado(table, 10.0, 12, START, "test", prepared.iloc[:1], "OpenAI")
    layout = chart.figure.layout.to_plotly_json()
    assert {key: layout[key] for key in ("barmode", "legend", "margin", "shapes", "xaxis", "yaxis")} == {
        "barmode": "overlay",
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 0, "yanchor": "bottom", "yref": "container"},
        "margin": {"l": 90, "r": 30, "t": 50, "b": 100},
        "shapes": [{"type": "line", "x0": 10.0, "x1": 10.0, "yref": "paper", "y0": 0, "y1": 1, "line": {"color": "#444", "width": 2}}],
        "xaxis": {"title": {"text": "Months from Jan 2024 until the cash runs out (horizon 12 months)"}, "range": [0, pytest.approx(15.6)]},
        "yaxis": {"range": [4.5, -0.75], "showticklabels": False, "showgrid": False, "zeroline": False},
    }
    assert layout["annotations"][:2] == [
        {"x": 10.0, "y": 1, "yref": "paper", "yanchor": "bottom", "text": "current: 10.0 months", "showarrow": False},
        {"x": 0, "y": -0.25, "yanchor": "bottom", "xanchor": "left", "showarrow": False, "bgcolor": "rgba(255,255,255,0.85)",
         "text": "Starting cash ±20%: $800 / $1.2K"},
    ]
    down, up = (trace.to_plotly_json() for trace in chart.figure.data)
    for trace, word, colour, text in ((down, "moved down", "#d62728", "8.0 months"), (up, "moved up", "#2a9d8f", "beyond 12 months")):
        assert {key: trace[key] for key in ("type", "orientation", "name", "width", "marker", "textposition", "cliponaxis",
                                            "hovertemplate")} == {
            "type": "bar", "orientation": "h", "name": f"Input {word}", "width": 0.45, "marker": {"color": colour},
            "textposition": "outside", "cliponaxis": False, "hovertemplate": "%{customdata[0]}<br>" + word + ": %{customdata[1]}<extra></extra>"}
        assert (list(trace["y"]), list(trace["base"]), list(trace["customdata"][0])) == (
            [0, 1, 2, 3, 4], [10.0] * 5, ["Starting cash ±20%: $800 / $1.2K", text])
    assert list(down["text"][3:]) == list(up["text"][3:]) == ["", ""]  # with no revenue, its two rows move nothing: no label
    assert (chart.name, chart.page, chart.title) == ("openai-runway-sensitivity", "runway", "OpenAI: what moves the zero-cash date")
    assert chart.subtitle == "Months of runway when one input moves (money ±20%, growth ±10 points), largest effect first · test"
    assert list(chart.claims["id"]) == list(prepared["id"][:1])  # the claims behind the inputs, as given
    assert chart.data[["runway_current", "runway_current_text", "horizon_months"]].drop_duplicates().values.tolist() == [
        [10.0, "10.0 months", 12]]


def test_tornado_of_a_runway_beyond_the_horizon_is_drawn_at_the_horizon(prepared):
    table = runway.sensitivity(1000, 0, 10, 0, 0, START, 12)  # $10 a month: $1,000 lasts far beyond 12 months
    chart = charts.tornado(table, None, 12, START, "test", prepared.iloc[:1], "OpenAI")
    assert chart.figure.layout.annotations[0].text == "current: beyond 12 months"
    assert chart.figure.layout.shapes[0].x0 == 12.0 and list(chart.figure.data[0].base) == [12.0] * 5
    assert chart.data[["runway_current", "runway_current_text"]].drop_duplicates().values.tolist() == [[12.0, "beyond 12 months"]]


def test_scenarios_draw_current_first_and_list_every_assumption(prepared):
    current = runway.project(1000, 0, 100, 0, 0, START, 12)
    saved = runway.project(1000, 0, 50, 0, 0, START, 12)
    chart = charts.scenarios([("current", current, "costs $100"), ("cheap", saved, "costs $50")], prepared.iloc[:1], "OpenAI", START)
    assert [t.name for t in chart.figure.data] == ["current: zero cash Oct 2024", "current: zero cash Oct 2024: unfunded gap",
                                                   "cheap: lasts the horizon"]
    assert min(chart.figure.data[0].y) == 0.0 and min(chart.figure.data[1].y) < 0, "the path stops at zero; the gap is apart"
    assert chart.subtitle == "US dollars, from Jan 2024 · current: costs $100 · cheap: costs $50"
    assert len(chart.data) == 24 and set(chart.data["assumptions"]) == {"costs $100", "costs $50"}


def test_cash_traces_stop_at_zero_and_hatch_the_unfunded_gap():
    dates = pd.Series(pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]))
    traces = charts.cash_traces(dates, pd.Series([10.0, 2.0, -6.0]), "Base", "#0072b2", dash="dash", width=2)
    crossing = pd.Timestamp("2024-02-08 06:00")  # 2 of the 8 dollars lost in 29 days: a quarter of the way to March
    as_lists = [{key: value.tolist() if isinstance(value, pd.Series) else value for key, value in trace.items()} for trace in traces]
    assert as_lists == [
        {"type": "scatter", "x": [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-01"), crossing], "y": [10.0, 2.0, 0.0],
         "mode": "lines", "name": "Base", "line": {"color": "#0072b2", "width": 2, "dash": "dash"},
         "customdata": ["$10", "$2", "$0"], "hovertemplate": "%{x|%b %Y}: %{customdata}<extra></extra>"},
        {"type": "scatter", "x": [crossing, pd.Timestamp("2024-03-01")], "y": [0.0, -6.0], "mode": "lines",
         "name": "Base: unfunded gap", "fill": "tozeroy", "showlegend": False, "line": {"color": "#0072b2", "width": 1, "dash": "dot"},
         "fillcolor": "rgba(213,94,0,0.10)", "fillpattern": {"shape": "/", "fgcolor": "#d55e00", "size": 8, "solidity": 0.15},
         "customdata": ["$0", "$6"], "hovertemplate": "%{x|%b %Y}: %{customdata} unfunded<extra>Base</extra>"},
    ]


def _charts_of_the_real_data(real_claims) -> dict[str, charts.Chart]:
    """Every chart of the bundled data, saved scenarios included, by name."""
    built = {chart.name: chart for chart in dashboard.build_charts(real_claims, "OpenAI")}
    current, saved = runway.project(1000, 0, 100, 0, 0, START, 12), runway.project(1000, 0, 50, 0, 0, START, 12)
    scenarios = charts.scenarios([("current", current, "costs $100"), ("cheap", saved, "costs $50")],
                                 tf.prepare(real_claims).iloc[:1], "OpenAI", START)
    raised = runway.project(1000, 0, 100, 0, 0, START, 12, raises=[(dt.date(2024, 3, 5), 500.0)])
    marked = charts.runway(raised, raised, raised, "marked", tf.prepare(real_claims).iloc[:1], "OpenAI",
                           raise_marks=[(dt.date(2024, 3, 5), "assumes the commitment is paid", False)])
    return built | {scenarios.name: scenarios, "marked-raises": marked}


def test_every_chart_is_what_plotly_validates(real_claims):
    """Charts a slider move rebuilds skip plotly's checks (lib.charts._unchecked_figure): each must still be a figure
    plotly accepts, sent exactly as its validated copy (nested titles and fonts, arrays rather than frames)."""
    built = _charts_of_the_real_data(real_claims)
    assert len(built) == 10
    for name, chart in built.items():
        validated = go.Figure(chart.figure.to_dict())
        assert json.loads(pio.to_json(chart.figure, validate=False)) == json.loads(pio.to_json(validated, validate=False)), name


def test_fan_marks_the_zero_cash_quantiles(prepared):
    current = runway.project(1000, 0, 100, 0, 0, START, 12)
    fan = runway.fan(1000, 0, 100, 0, 0, START, 12, relative_intervals={"cash_usd": [(0.5, 1.5)]})
    chart = charts.fan(fan.paths, fan.zero_cash, current, "spread", "test", prepared.iloc[:1], "OpenAI")
    assert [t.name for t in chart.figure.data] == ["90th percentile", "10th to 90th percentile", "Median (50th percentile)",
                                                   "Median (50th percentile): unfunded gap", "Current sliders",
                                                   "Current sliders: unfunded gap"]
    assert min(chart.figure.data[1].y) == 0.0, "the band stops at zero"
    expected = " · ".join(f"P{q} " + ("beyond 12 months" if d is None else f"{d:%b %Y}")
                          for q, d in zip((10, 50, 90), fan.zero_cash["zero_cash_date"]))
    assert f"Zero-cash date: {expected}" in [a.text for a in chart.figure.layout.annotations]
    assert list(chart.data["table"].unique()) == ["cash path", "zero-cash date"]


def test_a_raise_that_is_not_cash_in_hand_is_drawn_dashed_and_says_what_it_assumes(prepared):
    # START is 1 Jan 2024; month k starts floor(k x 30.4375) days later: month 2 on 1 Mar (day 60), month 4 on 1 May (day 121)
    raises = [(dt.date(2024, 3, 1), 500.0), (dt.date(2024, 5, 5), 700.0), (dt.date(2024, 5, 20), 100.0)]
    base = runway.project(1000, 0, 100, 0, 0, START, 12, raises=raises)
    marks = [(dt.date(2024, 3, 1), "Epoch AI, equity funding 'A'", True), (dt.date(2024, 5, 5), "assumes the X commitment is paid", False),
             (dt.date(2024, 5, 20), "", True)]
    chart = charts.runway(base, base, base, "test", prepared.iloc[:1], "OpenAI", raise_marks=marks)
    labels = [a.text for a in chart.figure.layout.annotations if "raised" in a.text]
    assert labels == ["+$500 raised<br>Epoch AI, equity funding 'A'", "+$800 raised<br>assumes the X commitment is paid"]
    raise_lines = [shape.line.dash for shape in chart.figure.layout.shapes if shape.line.color == charts.RAISE_COLOUR]
    assert raise_lines == ["dot", "dash"]  # the month holding a commitment is dashed, though another raise in it is firm
    notes = chart.data.set_index("month")["raise_notes"]
    assert (notes[2], notes[4], notes[0]) == ("Epoch AI, equity funding 'A'", "assumes the X commitment is paid", "")


def test_runway_marks_raises_and_the_revenue_needed(prepared):
    base = runway.project(1000, 0, 100, 0, 0, START, 24, raises=[(dt.date(2024, 6, 1), 500)])
    alive = runway.project(1000, 50, 100, 1.0, 0, START, 24)
    chart = charts.runway(base, base, base, "test", prepared.iloc[:1], "OpenAI", ("", ""), alive, 1.0)
    assert "+$500 raised" in [a.text for a in chart.figure.layout.annotations]
    assert "Revenue per month needed to be default alive: +100% a year (lower panel)" in [t.name for t in chart.figure.data]
    assert chart.data["revenue_needed_default_alive"].iloc[12] == pytest.approx(100.0)  # $50 doubled after a year


EPOCH_ROWS = [
    {"id": "Oct 2024 157B", "kind": "valuation", "date": "2024-10-02", "value_usd": 157e9, "status": "closed", "confidence": "Confident"},
    {"id": "2024 3.7B", "kind": "revenue_yearly", "date": "2024-12-31", "value_usd": 3.7e9, "type": "Yearly revenue",
     "confidence": "Likely", "source_type": "Media report", "url_1": "https://example.com/yearly"},
    {"id": "Dec 2024 5.5B", "kind": "revenue_run_rate", "date": "2024-12-31", "value_usd": 5.5e9, "type": "Annualized revenue",
     "confidence": "", "source_type": "Media report"},
    {"id": "Feb 2024 tender", "kind": "equity_funding", "date": "2024-02-16", "value_usd": 0, "status": "closed"},
]


def test_epoch_points_are_stars_of_their_own_one_unjoined_series_per_kind(prepared, tmp_path):
    rows = second_opinion.rows_for(make_peers(tmp_path, EPOCH_ROWS), "OpenAI")
    base = charts.timeline(prepared, "OpenAI", ["valuation"])
    chart = charts.with_peers(base, rows)
    added = chart.figure.data[len(base.figure.data):]
    assert [(t.name, t.mode, t.marker.symbol) for t in added] == [  # the zero of a secondary sale is not drawn
        ("Epoch AI: Revenue run-rate", "markers", "star"), ("Epoch AI: Yearly revenue", "markers", "star"),
        ("Epoch AI: Post-money valuation", "markers", "star")]
    yearly = added[1]
    assert (str(yearly.x[0])[:10], yearly.y[0]) == ("2024-07-01", 3.7e9)  # a year's revenue at mid-year, as the articles'
    assert list(yearly.customdata[0]) == ["2024 3.7B", "Yearly revenue", "$3.7B", "2024", "Likely", "n/a", "https://example.com/yearly"]
    assert list(added[0].customdata[0][4:6]) == ["not given", "n/a"] and list(added[2].customdata[0][4:6]) == ["Confident", "closed"]
    assert all(token in yearly.hovertemplate for token in ("confidence", "status", "customdata[6]"))
    assert list(chart.data["source_publisher"].iloc[len(base.data):]) == ["Epoch AI"] * 3
    assert chart.uses_peers and not base.uses_peers and chart.name == "openai-timeline-epoch"
    assert chart.source_line == "Sources: Alpha, 13 Aug 2023; Beta, written 2024-H2; Epoch AI (CC BY 4.0)."


def test_yearly_draws_bounds_as_whiskers_and_an_open_end_as_an_arrow(prepared):
    figures = pd.DataFrame({
        "year": ["2024", "2025"], "metric": ["net_loss", "net_loss"], "value_usd": [5e9, 8e9],
        "qualifier": ["approximately", "more_than"], "low_usd": [4.5e9, 8e9], "high_usd": [5.5e9, 12e9],
        "open_above": [False, True], "claim_id": ["a", "b"], "basis": ["projected", "reported"],
    })
    chart = charts.yearly(figures, prepared, "OpenAI")
    bars, arrow = chart.figure.data
    assert list(bars.text) == ["≈ $5.0B", "> $8.0B"]
    assert list(bars.error_y.array) == [0.5e9, 4e9] and list(bars.error_y.arrayminus) == [0.5e9, 0.0]
    assert arrow.marker.symbol == "triangle-up" and list(arrow.x) == ["2025"] and list(arrow.y) == [12e9]
    assert chart.description == "Net loss 2024 ≈ $5.0B; Net loss 2025 > $8.0B."


def test_burn_labels_every_bar_with_its_year_and_scope(prepared):
    rates = pd.DataFrame({
        "period": ["2024", "2024", "2023"], "scope": ["company", "company", "ChatGPT"], "what": ["Net loss / 365", "Net loss / 12", "Operating cost"],
        "per": ["day", "month", "day"], "value_usd": [13.7e6, 416.7e6, 700e3], "qualifier": ["exact"] * 3,
        "claim_id": ["a", "a", "b"], "basis": ["estimated"] * 3,
    })
    chart = charts.burn(rates, prepared, "OpenAI")
    day, month = chart.figure.data
    assert list(day.x) == ["2024 · company", "2023 · ChatGPT"] and list(day.text) == ["$13.7M", "$700.0K"]
    assert list(month.x) == ["2024 · company"] and list(month.text) == ["$416.7M"]
    assert list(day.marker.color) == [vocabulary.metric_colour("net_loss"), charts.OTHER_BAR]
    margin = chart.figure.layout.margin  # room for the labels plotly slants in a narrow window
    assert (margin.l, margin.r, margin.t, margin.b) == (90, 50, 50, 90) and chart.figure.layout.showlegend is False


def test_disagreements_colour_a_range_by_whether_the_articles_agree(prepared):
    compared = pd.DataFrame({
        "figure": ["Training cost 2024", "Training cost 2024", "Net loss 2024", "Net loss 2024"],
        "status": ["disagree", "disagree", "consistent", "consistent"], "low_usd": [0.0, 0.0, 4.5e9, 4.5e9],
        "high_usd": [10.5e9, 10.5e9, 5.5e9, 5.5e9], "low_claim": ["a", "a", "c", "c"], "high_claim": ["b", "b", "c", "c"],
        "capped": [True, True, False, False], "reason": [""] * 4, "claim_id": ["a", "b", "c", "d"], "period": ["2024"] * 4,
        "value_usd": [3e9, 7e9, 5e9, 5e9], "qualifier": ["up_to", "at_least", "approximately", "exact"], "source": ["A", "B", "A", "B"],
    })
    chart = charts.disagreements(compared, prepared, "OpenAI")
    ranges = [t for t in chart.figure.data if t.mode == "lines"]
    assert [(t.name, t.line.color, list(t.x)) for t in ranges] == [
        ("Training cost 2024: range", charts.GAP_COLOUR, [0.0, 10.5e9]), ("Net loss 2024: range", charts.OTHER_BAR, [4.5e9, 5.5e9])]
    dots = [t for t in chart.figure.data if t.mode == "markers+text"]
    assert [list(t.text) for t in dots] == [["≤ $3.0B · A", "≥ $7.0B · B"], ["≈ $5.0B · A", "$5.0B · B"]]
    assert [list(t.y) for t in dots] == [[-0.11, 0.11], [0.89, 1.11]], "equal values never print over each other"
    assert chart.subtitle.endswith("· open ends ('at least', 'more than') capped at 1.5x the stated value")
    assert chart.description == ("Training cost 2024: $0 to $10.5B, sources disagree; Net loss 2024: $4.5B to $5.5B, "
                                 "sources consistent.")
    yaxis = chart.figure.layout.yaxis
    assert (list(yaxis.tickvals), list(yaxis.ticktext), list(yaxis.range), yaxis.zeroline) == (
        [0, 1], ["Training cost 2024", "Net loss 2024"], [1.5, -0.5], False)
    # the left margin holds the longest row name at the screen's 12 px: 0.52 x 12 x 18 characters = 112 px, and 50 more
    assert chart.figure.layout.margin.l == 162 and chart.figure.layout.showlegend is False


def test_point_in_time_figures_acknowledged_at_different_dates_are_not_drawn_as_a_conflict():
    reason = "The $80B predates the October round."
    claims = make_claims([
        {"id": "v-80", "metric": "valuation", "value": 80e9, "per": ..., "period": "2024", "qualifier": "exact", "source": "a"},
        {"id": "v-157", "metric": "valuation", "value": 157e9, "per": ..., "period": "2024-10", "qualifier": "exact", "source": "b"},
        {"id": "t-3", "metric": "training_cost", "value": 3e9, "period": "2024", "qualifier": "exact", "source": "a"},
        {"id": "t-7", "metric": "training_cost", "value": 7e9, "period": "2024", "qualifier": "exact", "source": "b"},
    ], [{"id": "a", "publisher": "Alpha"}, {"id": "b", "publisher": "Beta", "published": "2024-11-01"}],
        [{"kind": "disagreement", "claims": ["v-80", "v-157"], "reason": reason},
         {"kind": "disagreement", "claims": ["t-3", "t-7"], "reason": "Kept as printed."}])
    prepared = tf.prepare(claims)
    compared = headline.compared_figures(prepared, "OpenAI")
    expected = pd.DataFrame({
        "figure": ["Training cost 2024"] * 2 + ["Valuation 2024, 2024-10"] * 2,
        "status": ["disagree", "disagree", "different dates", "different dates"],
        "reason": ["Kept as printed."] * 2 + [reason] * 2,  # an acknowledged flow still disagrees
        "claim_id": ["t-3", "t-7", "v-80", "v-157"], "period": ["2024", "2024", "2024", "2024-10"],
    })
    pd.testing.assert_frame_equal(compared[["figure", "status", "reason", "claim_id", "period"]], expected)
    chart = charts.disagreements(compared, prepared, "OpenAI")
    ranges = [t for t in chart.figure.data if t.mode == "lines"]
    assert [(t.name, t.line.color) for t in ranges] == [("Training cost 2024: range", charts.GAP_COLOUR),
                                                        ("Valuation 2024, 2024-10: range", charts.DATES_COLOUR)]
    assert ranges[1].hovertemplate == ("Valuation 2024, 2024-10: $80.0B (v-80) to $157.0B (v-157) · both hold at different "
                                       f"dates (acknowledged: {reason})<extra></extra>")
    dots = [list(t.text) for t in chart.figure.data if t.mode == "markers+text"]
    assert dots == [["$3.0B · Alpha (2024-06-01)", "$7.0B · Beta (2024-11-01)"],
                    ["$80.0B (2024) · Alpha (2024-06-01)", "$157.0B (2024-10) · Beta (2024-11-01)"]]
    assert chart.description == ("Training cost 2024: $3.0B to $7.0B, sources disagree; Valuation 2024, 2024-10: $80.0B to "
                                 "$157.0B, both hold at different dates.")
    assert "; blue: both hold at different dates, as acknowledged)" in chart.subtitle
    # the timeline shades only the disagreement, and the Sources table marks only its claims as disputed
    timeline = charts.timeline(prepared, "OpenAI", ["valuation", "training_cost"], events=False)
    assert [t.name for t in timeline.figure.data if t.name.startswith("Sources disagree")] == [
        "Sources disagree: $3.0B (t-3) to $7.0B (t-7)"]
    assert prepared.set_index("id")["conflict_id"].notna().to_dict() == {"v-80": False, "v-157": False, "t-3": True, "t-7": True}


def test_disagreements_keep_the_usual_left_margin_for_short_row_names(prepared):
    compared = pd.DataFrame({
        "figure": ["Loss", "Loss"], "status": ["consistent"] * 2, "low_usd": [4.5e9] * 2, "high_usd": [5.5e9] * 2,
        "low_claim": ["c"] * 2, "high_claim": ["c"] * 2, "capped": [False] * 2, "reason": [""] * 2, "claim_id": ["c", "d"],
        "period": ["2024"] * 2, "value_usd": [5e9] * 2, "qualifier": ["exact"] * 2, "source": ["A", "B"],
    })
    assert charts.disagreements(compared, prepared, "OpenAI").figure.layout.margin.l == 90  # 0.52 x 12 x 4 + 50 = 75


@pytest.mark.parametrize("low, high, values, labels", [
    (3e9, 400e9, [5e9, 10e9, 20e9, 50e9, 100e9, 200e9], ["$5B", "$10B", "$20B", "$50B", "$100B", "$200B"]),
    (700e3, 3e6, [1e6, 2e6], ["$1M", "$2M"]),
])
def test_log_ticks(low, high, values, labels):
    assert charts.log_ticks(low, high) == (values, labels)


def test_then_and_now_stops_each_path_at_zero(prepared):
    start = dt.date(2024, 1, 1)
    then = runway.project(1000, 0, 10, 0, 0, start, 24)  # lasts
    now = runway.project(1000, 0, 100, 0, 0, start, 24)  # out after 10 months
    chart = charts.then_and_now(then, now, "2023-08-13", "then inputs", "now inputs", prepared.iloc[:1], "OpenAI")
    assert [t.name for t in chart.figure.data] == ["Then: claims published by 13 Aug 2023", "Now: every claim",
                                                   "Now: every claim: unfunded gap"]
    assert chart.subtitle == "US dollars · no growth assumed · then: then inputs · now: now inputs"
    assert list(chart.data["projection"].unique()) == ["then", "now"]


# ---------------------------------------------------------------- event labels and line-end labels

def test_event_boxes_take_the_first_row_where_they_fit():
    # 40 characters: 0.52 x 11 px x 40 + 8 px = 236.8 px of a 580 px screen plot (wider than 340.8 px of a 1300 px slide)
    width = 236.8 / 580
    long = " ".join(["x" * 24, "y" * 25, "z" * 24])  # 75 characters: 437 px of the screen plot, 0.753 of it
    boxes = charts.event_boxes([0.0, 0.1, 0.5, 0.95, 0.45], ["x" * 40] * 4 + [long])
    assert boxes == [
        (0.0, pytest.approx(width), 0, "left", ["x" * 40]),
        (0.1, pytest.approx(0.1 + width), 1, "left", ["x" * 40]),  # over the first: a row down
        (0.5, pytest.approx(0.5 + width), 0, "left", ["x" * 40]),  # clear of the first: back on top
        (pytest.approx(0.95 - width), pytest.approx(0.95), 1, "right", ["x" * 40]),  # would run off: ends at its event
        # wider than either side of its event: wrapped to the wider side (0.55), two rows under everything it meets
        (0.45, pytest.approx(0.45 + (0.52 * 11 * 50 + 8) / 580), 2, "left", ["x" * 24 + " " + "y" * 25, "z" * 24]),
    ]


SCREEN = (580, 310)  # a 1280 px window: the plot's width and height (px) beside the sidebar, under a two-row legend
SLIDE = (1300, 480)  # the narrowest and shortest plot of a 1920x1080 image or a deck picture (px)


def _event_label_boxes(figure, plot: tuple[int, int]) -> list[tuple[float, float, float, float]]:
    """Each event label's box in px (left, top, right, bottom) from its date, row and anchor and its text's
    estimated width at its font size; the height is a line of text and the label's padding."""
    from lib.textsize import text_px

    width, height = plot
    start, end = (pd.Timestamp(edge) for edge in figure.layout.xaxis.range)
    boxes = []
    for label in (a for a in figure.layout.annotations if a.name == "event"):
        x = (pd.Timestamp(label.x) - start) / (end - start) * width
        top = (1 - label.y) * height
        lines = label.text.split("<br>")
        wide = max(text_px(line, label.font.size) for line in lines)
        left = x if label.xanchor == "left" else x - wide
        boxes.append((left, top, left + wide, top + len(lines) * label.font.size * 1.3 + 2))
    return boxes


def _crowded():
    """Twelve partnerships two months apart, long names, and two events a month apart (one label)."""
    events = [{"id": f"deal-{k}", "metric": "partnership", "counterparty": f"Very Long Partner Name Number {k}",
               "value": None, "unit": ..., "per": ..., "qualifier": ..., "period": f"{2024 + k // 6}-{1 + 2 * (k % 6):02d}",
               "source": "a"} for k in range(12)]
    events += [{"id": "launch", "metric": "product_launch", "value": None, "unit": ..., "per": ..., "qualifier": ...,
                "period": "2026-01", "source": "a"},
               {"id": "ipo", "metric": "ipo_plan", "value": None, "unit": ..., "per": ..., "qualifier": ..., "period": "2026-02",
                "source": "a"},
               {"id": "val", "metric": "valuation", "value": 80e9, "per": ..., "period": "2024-10", "source": "a"}]
    return tf.prepare(make_claims(events, [{"id": "a", "publisher": "Alpha", "published": "2026-03-01"}]))


@pytest.mark.parametrize("case", ["real data", "real data, every metric", "real data, with Epoch AI", "crowded"])
def test_event_labels_never_overlap_on_screen_or_on_a_slide(case, real_claims, tmp_path):
    from lib.export.theme import slide_figure

    if case == "crowded":
        prepared = _crowded()
        metrics = ["valuation"]
    else:
        prepared = tf.prepare(real_claims)
        every = charts.timeline_metrics(prepared, "OpenAI")
        metrics = every if case == "real data, every metric" else charts.default_timeline_metrics(every)
    chart = charts.timeline(prepared, "OpenAI", metrics)
    if case == "real data, with Epoch AI":  # later points widen the range: the labels are laid out again
        rows = [dict(row, date="2027-06-30") for row in EPOCH_ROWS]
        chart = charts.with_peers(chart, second_opinion.rows_for(make_peers(tmp_path, rows), "OpenAI"))
    labels = [a.text for a in chart.figure.layout.annotations if a.name == "event"]
    assert len(labels) >= 8
    if case == "crowded":
        assert "Product launch (2026-01) · IPO plan (2026-02)" in labels  # closer than 45 days: one label
    for figure, plot in ((chart.figure, SCREEN), (slide_figure(chart), SLIDE)):
        boxes = _event_label_boxes(figure, plot)
        for k, (left, top, right, bottom) in enumerate(boxes):
            assert 0 <= left and right <= plot[0], f"{labels[k]!r} runs off the plot"
            for other, (left2, top2, right2, bottom2) in zip(labels[k + 1:], boxes[k + 1:]):
                apart = right <= left2 or right2 <= left or bottom <= top2 or bottom2 <= top
                assert apart, f"{labels[k]!r} overlaps {other!r} at {plot}"
        data_top = (1 - figure.layout.yaxis.domain[1]) * plot[1]
        assert all(bottom <= data_top for _, _, _, bottom in boxes), "a label sits over the data"


def test_event_lines_run_up_to_their_own_labels(prepared):
    chart = charts.timeline(prepared, "OpenAI", ["valuation"])
    labels = [a for a in chart.figure.layout.annotations if a.name == "event"]
    lines = [s for s in chart.figure.layout.shapes if s.name == "event"]
    assert [(str(line.x0)[:10], line.y1) for line in lines] == [(str(label.x)[:10], label.y) for label in labels]
    assert [label.textangle for label in labels] == [None, None]  # horizontal


def _end_labels(chart):
    return [(a.text, a.font.color) for a in chart.figure.layout.annotations if a.name == "line end"]


def test_few_lines_are_named_at_their_ends_instead_of_in_a_legend(prepared):
    chart = charts.timeline(prepared, "OpenAI", ["net_loss", "training_cost", "valuation"])
    assert _end_labels(chart) == [("Valuation", "#0072b2"), ("Training cost", "#17becf"), ("Net loss", "#d55e00")]
    lines = [t for t in chart.figure.data if t.mode == "lines" and t.name in ("Valuation", "Training cost", "Net loss")]
    assert [t.showlegend for t in lines] == [False] * 3
    legend = [t.name for t in chart.figure.data if t.showlegend is not False]
    assert legend == ["Estimated"]  # the markers' key stays, in one row (the hidden lines' groups would stack it)
    assert chart.figure.layout.legend.traceorder == "normal"
    assert all(t.hovertemplate for t in chart.figure.data if t.mode == "markers" and t.showlegend is False)  # hover kept
    label = next(a for a in chart.figure.layout.annotations if a.text == "Valuation")
    assert (str(label.x)[:10], label.y, label.xanchor) == ("2024-10-16", pytest.approx(math.log10(80e9)), "left")


def test_more_than_six_lines_keep_the_legend(real_claims):
    prepared = tf.prepare(real_claims)
    metrics = charts.timeline_metrics(prepared, "OpenAI")
    chart = charts.timeline(prepared, "OpenAI", metrics)
    lines = [t for t in chart.figure.data if t.mode == "lines" and t.showlegend is not False]
    assert len(lines) > 6 and _end_labels(chart) == []


def test_scenarios_and_then_and_now_are_named_at_their_ends(prepared):
    current = runway.project(1000, 0, 100, 0, 0, START, 12)
    saved = runway.project(1000, 0, 50, 0, 0, START, 12)
    chart = charts.scenarios([("current", current, "costs $100"), ("cheap", saved, "costs $50")], prepared.iloc[:1], "OpenAI", START)
    assert _end_labels(chart) == [("cheap: lasts the horizon", "#ff7f0e"), ("current: zero cash Oct 2024", "#1f77b4")]
    assert not chart.figure.layout.showlegend
    assert all(t.hovertemplate for t in chart.figure.data)
    both = charts.then_and_now(current, saved, "2023-08-13", "then", "now", prepared.iloc[:1], "OpenAI")
    assert _end_labels(both) == [("Now: every claim", "#1f77b4"), ("Then: claims published by<br>13 Aug 2023", "#cc79a7")]  # wrapped
    assert not both.figure.layout.showlegend


def test_line_end_labels_are_nudged_apart_and_the_margin_holds_them(prepared):
    same = runway.project(1000, 0, 50, 0, 0, START, 12)
    chart = charts.scenarios([("a", same, ""), ("b", same, ""), ("c", same, "")], prepared.iloc[:1], "OpenAI", START)
    ys = [a.y for a in chart.figure.layout.annotations if a.name == "line end"]
    # all three end at $400: one line of text apart (6.5% of the span drawn, $950 after a month down to $400)
    assert ys == [pytest.approx(400), pytest.approx(400 - 0.065 * 550), pytest.approx(400 - 0.13 * 550)]
    assert chart.figure.layout.margin.r == round(0.52 * 12 * len("a: lasts the horizon")) + 16
