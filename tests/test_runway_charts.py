"""lib.runway_charts: what each runway chart draws (runway, tornado, scenarios, fan, then and now), and the data
and claims behind it; the charts a slider move rebuilds are what plotly validates."""
from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from lib import chart_layout, dashboard, runway, runway_charts, transforms as tf
from lib.i18n import speaking
from tests.conftest import make_claims
from tests.small_claims import CHARTED, CHARTED_SOURCES, START


@pytest.fixture
def prepared():
    return tf.prepare(make_claims(CHARTED, CHARTED_SOURCES))


def test_runway_figure_marks_zero_cash_and_the_band(prepared):
    start = dt.date(2024, 1, 1)
    base = runway.project(1000, 0, 100, 0, 0, start, 24)
    low = runway.project(1000, 0, 200, 0, 0, start, 24)
    high = runway.project(1000, 0, 50, 0, 0, start, 24)
    chart = runway_charts.runway(base, low, high, "test assumptions", prepared.iloc[:1], "OpenAI", ("loss-high", "loss-low"))
    assert [t.name for t in chart.figure.data] == ["high", "shaded blue: the range the sources allow", "Cash balance",
                                                  "Cash balance: unfunded gap"]
    # 1,000 less 100 a month lasts exactly 10 months: the line stops at zero then, and the rest is the unfunded gap
    balance, gap = chart.figure.data[2], chart.figure.data[3]
    assert list(balance.y)[-3:] == [100.0, 0.0, 0.0] and min(balance.y) == 0.0
    # the line meets zero where the monthly balances cross it: the balance is 0 at the end of month 9 (30 Sep 2024)
    assert pd.Timestamp(list(balance.x)[-1]) == pd.Timestamp("2024-09-30") == pd.Timestamp(list(gap.x)[0])
    assert list(gap.y)[0] == 0.0 and list(gap.y)[-1] == -1400.0 and gap.fill == "tozeroy"
    assert min(chart.figure.data[0].y) == 0.0 and min(chart.figure.data[1].y) == 0.0, "the band stops at zero too"
    assert "Unfunded gap by Dec 2025: $1.4K" in [a.text for a in chart.figure.layout.annotations]
    assert any(a.text == "Zero cash: Oct 2024" for a in chart.figure.layout.annotations)
    assert list(chart.data.columns[-7:]) == ["cash_end_low", "cash_end_high", "cash_end_low_claims", "cash_end_high_claims",
                                             "cash_end_low_cost_ratio", "cash_end_high_cost_ratio", "raise_notes"]
    assert (chart.data["cash_end_low_claims"].iloc[0], chart.data["cash_end_high_claims"].iloc[0]) == ("loss-high", "loss-low")
    assert chart.data["cash_end_low"].iloc[-1] < chart.data["cash_end"].iloc[-1] < chart.data["cash_end_high"].iloc[-1]


def test_tornado_stops_at_the_horizon_and_says_beyond(prepared):
    # $1,000 at $100 a month: 10 months; +20% cash or -20% costs last past the 12-month horizon
    table = runway.sensitivity(1000, 0, 100, 0, 0, START, 12)
    chart = runway_charts.tornado(table, 10.0, 12, START, "test", prepared.iloc[:1], "OpenAI")
    shortens, lengthens = chart.figure.data
    assert list(table["input"][:3]) == ["cash_usd", "monthly_cost_usd", "cost_growth_yoy"]  # largest effect first
    assert list(shortens.base) == list(lengthens.base) == [10.0, 10.0, 10.0]
    # cash down: 8.0 months; costs up: 8.3; cost growth up: 9.7 / costs down: to the horizon; cost growth down: 10.4;
    # cash up: to the horizon
    assert (list(shortens.y), list(shortens.text)) == ([0, 1, 2], ["8.0 months", "8.3 months", "9.7 months"])
    assert (list(lengthens.y), list(lengthens.text)) == ([1, 2, 0], ["beyond 12 months", "10.4 months", "beyond 12 months"])
    assert (list(lengthens.x)[0], list(shortens.x)[1]) == (2.0, pytest.approx(-1 - 2 / 3))
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


@pytest.mark.parametrize("row, move, effect, colour", [
    (0, "moved down", "Shortens the runway", "#d62728"),  # cash -20%: 8.0 months
    (0, "moved up", "Lengthens the runway", "#1f77b4"),  # cash +20%: beyond the horizon
    (1, "moved down", "Lengthens the runway", "#1f77b4"),  # costs -20%: beyond the horizon
    (1, "moved up", "Shortens the runway", "#d62728"),  # costs +20%: 8.3 months, the warning colour though the input rose
    (2, "moved down", "Lengthens the runway", "#1f77b4"),  # cost growth -10 pp: 10.4 months
    (2, "moved up", "Shortens the runway", "#d62728"),  # cost growth +10 pp: 9.7 months
    (3, "moved down", None, None),  # no revenue: moving it changes nothing, and no bar is drawn
    (3, "moved up", None, None),
])
def test_tornado_colours_each_bar_by_its_effect_on_the_runway(prepared, row, move, effect, colour):
    table = runway.sensitivity(1000, 0, 100, 0, 0, START, 12)  # $1,000 at $100 a month: 10 months
    chart = runway_charts.tornado(table, 10.0, 12, START, "test", prepared.iloc[:1], "OpenAI")
    drawn = {(y, custom[1]): (trace.name, trace.marker.color) for trace in chart.figure.data
             for y, custom in zip(trace.y, trace.customdata)}
    assert drawn.get((row, move), (None, None)) == (effect, colour)


def test_tornado_is_drawn_as_written(prepared):
    table = runway.sensitivity(1000, 0, 100, 0, 0, START, 12)  # $1,000 at $100 a month: 10 months of a 12-month horizon
    chart = runway_charts.tornado(table, 10.0, 12, START, "test", prepared.iloc[:1], "OpenAI")
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
    shortens, lengthens = (trace.to_plotly_json() for trace in chart.figure.data)
    for trace, name, colour, first in ((shortens, "Shortens the runway", "#d62728", ["moved down", "8.0 months"]),
                                       (lengthens, "Lengthens the runway", "#1f77b4", ["moved down", "beyond 12 months"])):
        assert {key: trace[key] for key in ("type", "orientation", "name", "width", "marker", "textposition", "cliponaxis",
                                            "hovertemplate")} == {
            "type": "bar", "orientation": "h", "name": name, "width": 0.45, "marker": {"color": colour},
            "textposition": "outside", "cliponaxis": False, "hovertemplate": "%{customdata[0]}<br>%{customdata[1]}: %{customdata[2]}<extra></extra>"}
        assert list(trace["base"]) == [10.0] * 3 and list(trace["customdata"][0])[1:] == first
    assert list(shortens["customdata"][0])[0] == "Starting cash ±20%: $800 / $1.2K"
    assert (chart.name, chart.page, chart.title) == ("openai-runway-sensitivity", "runway", "OpenAI: what moves the zero-cash date")
    assert chart.subtitle == "Months of runway when one input moves (money ±20%, growth ±10 points), largest effect first · test"
    assert list(chart.claims["id"]) == list(prepared["id"][:1])  # the claims behind the inputs, as given
    assert chart.data[["runway_current", "runway_current_text", "horizon_months"]].drop_duplicates().values.tolist() == [
        [10.0, "10.0 months", 12]]


def test_tornado_of_a_runway_beyond_the_horizon_is_drawn_at_the_horizon(prepared):
    table = runway.sensitivity(1000, 0, 10, 0, 0, START, 12)  # $10 a month: $1,000 lasts far beyond 12 months, however moved
    chart = runway_charts.tornado(table, None, 12, START, "test", prepared.iloc[:1], "OpenAI")
    assert chart.figure.layout.annotations[0].text == "current: beyond 12 months"
    assert chart.figure.layout.shapes[0].x0 == 12.0 and [list(trace.base) for trace in chart.figure.data] == [[], []]
    assert chart.figure.layout.annotations[1].text == "Starting cash ±20%: $800 / $1.2K · no change: beyond 12 months"
    assert chart.data[["runway_current", "runway_current_text"]].drop_duplicates().values.tolist() == [[12.0, "beyond 12 months"]]


def test_scenarios_draw_current_first_and_list_every_assumption(prepared):
    current = runway.project(1000, 0, 100, 0, 0, START, 12)
    saved = runway.project(1000, 0, 50, 0, 0, START, 12)
    chart = runway_charts.scenarios([("current", current, "costs $100"), ("cheap", saved, "costs $50")], prepared.iloc[:1], "OpenAI", START)
    assert [t.name for t in chart.figure.data] == ["current: zero cash Oct 2024", "current: zero cash Oct 2024: unfunded gap",
                                                   "cheap: lasts the horizon"]
    assert min(chart.figure.data[0].y) == 0.0 and min(chart.figure.data[1].y) < 0, "the path stops at zero; the gap is apart"
    assert chart.subtitle == "US dollars, from Jan 2024 · current: costs $100 · cheap: costs $50"
    assert len(chart.data) == 24 and set(chart.data["assumptions"]) == {"costs $100", "costs $50"}


def test_scenarios_tint_each_gap_in_its_own_colour_and_name_each_path_at_the_horizons_end(prepared):
    # $1,000 at $100, $150 and $200 a month: all three run out within the 12 months, three gaps on one chart
    runs = [(name, runway.project(1000, 0, cost, 0, 0, START, 12), "") for name, cost in (("current", 100), ("b", 150), ("c", 200))]
    chart = runway_charts.scenarios(runs, prepared.iloc[:1], "OpenAI", START)
    gaps = [(t.name, t.fillcolor, t.fillpattern.shape, t.line.color) for t in chart.figure.data if t.fill == "tozeroy"]
    assert gaps == [("current: zero cash Oct 2024: unfunded gap", "rgba(31,119,180,0.08)", None, "#1f77b4"),
                    ("b: zero cash Jul 2024: unfunded gap", "rgba(255,127,14,0.08)", None, "#ff7f0e"),
                    ("c: zero cash Jun 2024: unfunded gap", "rgba(44,160,44,0.08)", None, "#2ca02c")]
    # month 11 starts floor(11 x 30.4375) = 334 days after 1 Jan 2024: every label at 30 Nov 2024, right of the plot
    ends = [(a.text, a.font.color, pd.Timestamp(a.x)) for a in chart.figure.layout.annotations if a.name == "line end"]
    assert ends == [("current: zero cash Oct 2024", "#1f77b4", pd.Timestamp("2024-11-30")),
                    ("b: zero cash Jul 2024", "#ff7f0e", pd.Timestamp("2024-11-30")),
                    ("c: zero cash Jun 2024", "#2ca02c", pd.Timestamp("2024-11-30"))]
    assert list(chart.figure.layout.xaxis.range) == ["2024-01-01", "2024-11-30"]
    assert not chart.figure.layout.showlegend


def test_cash_traces_stop_at_zero_and_shade_the_unfunded_gap():
    dates = pd.Series(pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]))
    traces = runway_charts.cash_traces(dates, pd.Series([10.0, 2.0, -6.0]), "Base", "#0072b2", dash="dash", width=2)
    crossing = pd.Timestamp("2024-02-08 06:00")  # 2 of the 8 dollars lost in 29 days: a quarter of the way to March
    as_lists = [{key: value.tolist() if isinstance(value, pd.Series) else value for key, value in trace.items()} for trace in traces]
    assert as_lists == [
        {"type": "scatter", "x": [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-01"), crossing], "y": [10.0, 2.0, 0.0],
         "mode": "lines", "name": "Base", "line": {"color": "#0072b2", "width": 2, "dash": "dash"},
         "customdata": ["$10", "$2", "$0"], "hovertemplate": "%{x|%b %Y}: %{customdata}<extra></extra>"},
        {"type": "scatter", "x": [crossing, pd.Timestamp("2024-03-01")], "y": [0.0, -6.0], "mode": "lines",
         "name": "Base: unfunded gap", "fill": "tozeroy", "showlegend": False, "line": {"color": "#0072b2", "width": 1, "dash": "dot"},
         "fillcolor": "rgba(213,94,0,0.14)", "customdata": ["$0", "$6"], "hovertemplate": "%{x|%b %Y}: %{customdata} unfunded<extra>Base</extra>"},
    ]


def test_cash_traces_of_their_own_gap_tint_it_unhatched():
    dates = pd.Series(pd.to_datetime(["2024-01-01", "2024-02-01"]))
    gap = runway_charts.cash_traces(dates, pd.Series([10.0, -6.0]), "Base", "#ff7f0e", own_gap=True)[1]
    assert {key: gap.get(key) for key in ("fill", "fillcolor", "fillpattern", "line")} == {
        "fill": "tozeroy", "fillcolor": "rgba(255,127,14,0.08)", "fillpattern": None, "line": {"color": "#ff7f0e", "width": 1.5, "dash": "dot"}}


def _charts_of_the_real_data(real_claims) -> dict[str, chart_layout.Chart]:
    """Every chart of the bundled data, saved scenarios included, by name."""
    built = {chart.name: chart for chart in dashboard.build_charts(real_claims, "OpenAI")}
    current, saved = runway.project(1000, 0, 100, 0, 0, START, 12), runway.project(1000, 0, 50, 0, 0, START, 12)
    scenarios = runway_charts.scenarios([("current", current, "costs $100"), ("cheap", saved, "costs $50")],
                                        tf.prepare(real_claims).iloc[:1], "OpenAI", START)
    raised = runway.project(1000, 0, 100, 0, 0, START, 12, raises=[(dt.date(2024, 3, 5), 500.0)])
    marked = runway_charts.runway(raised, raised, raised, "marked", tf.prepare(real_claims).iloc[:1], "OpenAI",
                                  raise_marks=[(dt.date(2024, 3, 5), "assumes the commitment is paid", False)])
    return built | {scenarios.name: scenarios, "marked-raises": marked}


def test_every_chart_is_what_plotly_validates(real_claims):
    """Charts a slider move rebuilds skip plotly's checks (lib.chart_layout.unchecked_figure): each must still be a figure
    plotly accepts, sent exactly as its validated copy (nested titles and fonts, arrays rather than frames)."""
    built = _charts_of_the_real_data(real_claims)
    assert len(built) == 10
    for name, chart in built.items():
        validated = go.Figure(chart.figure.to_dict())
        sent, checked = (json.loads(pio.to_json(figure, validate=False)) for figure in (chart.figure, validated))
        assert sent["layout"].pop("template") in ({}, checked["layout"]["template"]), name  # unchecked ones send none
        checked["layout"].pop("template")  # for an empty one, plotly's own spelling of it
        assert sent == checked, name


def test_fan_marks_the_zero_cash_quantiles(prepared):
    current = runway.project(1000, 0, 100, 0, 0, START, 12)
    fan = runway.fan(1000, 0, 100, 0, 0, START, 12, relative_intervals={"cash_usd": [(0.5, 1.5)]})
    chart = runway_charts.fan(fan.paths, fan.zero_cash, current, "spread", "How the draws are made.", "test", prepared.iloc[:1],
                              "OpenAI")
    assert [t.name for t in chart.figure.data] == ["90th percentile", "10th to 90th percentile", "Median (50th percentile)",
                                                   "Median (50th percentile): unfunded gap", "Current sliders",
                                                   "Current sliders: unfunded gap"]
    assert min(chart.figure.data[1].y) == 0.0, "the band stops at zero"
    expected = " · ".join(f"P{q} " + ("beyond 12 months" if d is None else f"{d:%b %Y}")
                          for q, d in zip((10, 50, 90), fan.zero_cash["zero_cash_date"]))
    assert f"Zero-cash date: {expected}" in [a.text for a in chart.figure.layout.annotations]
    assert list(chart.data["table"].unique()) == ["cash path", "zero-cash date"]
    assert chart.subtitle == "US dollars · spread · test · shaded blue: the 10th to 90th percentile of the draws"
    assert chart.description == "How the draws are made."
    assert not chart.figure.layout.showlegend  # both paths run out: each is named at its gap's end, at the horizon's
    ends = {(a.text, a.font.color, pd.Timestamp(a.x)) for a in chart.figure.layout.annotations if a.name == "line end"}
    assert ends == {("Median (50th percentile)", "#1f77b4", pd.Timestamp("2024-11-30")),
                    ("Current sliders", "#444444", pd.Timestamp("2024-11-30"))}


def test_a_raise_that_is_not_cash_in_hand_is_drawn_dashed_and_says_what_it_assumes(prepared):
    # START is 1 Jan 2024; month k starts floor(k x 30.4375) days later: month 2 on 1 Mar (day 60), month 4 on 1 May (day 121)
    raises = [(dt.date(2024, 3, 1), 500.0), (dt.date(2024, 5, 5), 700.0), (dt.date(2024, 5, 20), 100.0)]
    base = runway.project(1000, 0, 100, 0, 0, START, 12, raises=raises)
    marks = [(dt.date(2024, 3, 1), "Epoch AI, equity funding 'A'", True), (dt.date(2024, 5, 5), "assumes the X commitment is paid", False),
             (dt.date(2024, 5, 20), "", True)]
    chart = runway_charts.runway(base, base, base, "test", prepared.iloc[:1], "OpenAI", raise_marks=marks)
    labels = [a.text for a in chart.figure.layout.annotations if "raised" in a.text]
    assert labels == ["+$500 raised<br>Epoch AI, equity funding 'A'", "+$800 raised<br>assumes the X commitment is paid"]
    raise_lines = [shape.line.dash for shape in chart.figure.layout.shapes if shape.line.color == runway_charts.RAISE_COLOUR]
    assert raise_lines == ["dot", "dash"]  # the month holding a commitment is dashed, though another raise in it is firm
    notes = chart.data.set_index("month")["raise_notes"]
    assert (notes[2], notes[4], notes[0]) == ("Epoch AI, equity funding 'A'", "assumes the X commitment is paid", "")


def test_runway_marks_raises_and_the_revenue_needed(prepared):
    base = runway.project(1000, 0, 100, 0, 0, START, 24, raises=[(dt.date(2024, 6, 1), 500)])
    alive = runway.project(1000, 50, 100, 1.0, 0, START, 24)
    chart = runway_charts.runway(base, base, base, "test", prepared.iloc[:1], "OpenAI", ("", ""), alive, 1.0)
    assert "+$500 raised" in [a.text for a in chart.figure.layout.annotations]
    assert "Revenue needed to be default alive (+100% a year)" in [t.name for t in chart.figure.data]
    assert chart.data["revenue_needed_default_alive"].iloc[12] == pytest.approx(100.0)  # $50 doubled after a year


def test_runway_panels_have_titles_and_name_their_lines_instead_of_a_legend(prepared):
    base = runway.project(1000, 0, 100, 0, 0, START, 24)
    alive = runway.project(1000, 50, 100, 1.0, 0, START, 24)
    chart = runway_charts.runway(base, base, base, "test", prepared.iloc[:1], "OpenAI", ("", ""), alive, 1.0)
    layout = chart.figure.layout
    assert layout.showlegend is False and all(trace.showlegend is False for trace in chart.figure.data)
    assert (list(layout.yaxis.domain), list(layout.yaxis2.domain), layout.yaxis.title.text, layout.yaxis2.title.text) == (
        [0.42, 1.0], [0.0, 0.3], None, None)  # no rotated axis titles to run into each other
    titles = [(a.text, a.y, a.yanchor) for a in layout.annotations if a.font.size == runway_charts.PANEL_TITLE_PX]
    assert titles == [("Cash balance, US dollars", 1.0, "bottom"), ("Per month, US dollars", 0.3, "bottom")]
    # named at the end of the horizon (month 23 starts floor(23 x 30.4375) = 700 days after 1 Jan 2024), highest first
    ends = [(a.text, a.font.color, a.yref, pd.Timestamp(a.x)) for a in layout.annotations if a.name == "line end"]
    assert ends == [("Revenue needed to be<br>default alive (+100% a<br>year)", "#009e73", "y2", pd.Timestamp("2025-12-01")),
                    ("Costs", "#d55e00", "y2", pd.Timestamp("2025-12-01")),
                    ("Revenue assumed", "#009e73", "y2", pd.Timestamp("2025-12-01"))]
    assert list(layout.xaxis.range) == ["2024-01-01", "2025-12-01"]  # the labels widen the margin, not the axis


def test_runway_without_the_lower_panel_keeps_its_axis_title_and_no_legend(prepared):
    base = runway.project(1000, 0, 100, 0, 0, START, 24)
    chart = runway_charts.runway(base, base, base, "test", prepared.iloc[:1], "OpenAI")
    assert chart.figure.layout.showlegend is False and chart.figure.layout.yaxis.title.text == "Cash balance, US dollars"
    assert [a for a in chart.figure.layout.annotations if a.name == "line end"] == []


@pytest.mark.parametrize("low_cost, high_cost, subtitle, description_end", [
    (120, 80, "US dollars · sliders · shaded blue: the range the sources allow",
     "The shaded range is the cash with costs from x0.80 to x1.20 the base's, the lowest and highest the year's "
     "alternatives and qualifiers allow."),
    (100, 100, "US dollars · sliders", "revenue never covers costs within the horizon."),  # no band drawn: none described
])
def test_runway_subtitle_says_what_the_band_is_and_the_data_its_ratios(prepared, low_cost, high_cost, subtitle, description_end):
    base = runway.project(1000, 0, 100, 0, 0, START, 24)
    low, high = (runway.project(1000, 0, cost, 0, 0, START, 24) for cost in (low_cost, high_cost))
    chart = runway_charts.runway(base, low, high, "sliders", prepared.iloc[:1], "OpenAI", band_ratios=(low_cost / 100, high_cost / 100))
    assert chart.subtitle == subtitle
    assert chart.description.endswith(description_end)
    assert chart.data[["cash_end_low_cost_ratio", "cash_end_high_cost_ratio"]].drop_duplicates().values.tolist() == [
        [low_cost / 100, high_cost / 100]]


@pytest.mark.parametrize("last_values, expected", [
    # one line of text is 0.065 of the plot, in a panel of 0.3: 0.065 / 0.3 x $100 = $21.67 of the panel's span
    ((100, 50, 20), [100, 50, 20]),  # far enough apart: none moves
    ((100, 100, 0), [100, 100 - 0.065 / 0.3 * 100, 0.5 * 0.065 / 0.3 * 100]),  # b under a; c lifted half a line off $0
    ((10, 5, 0), [2.5 * 0.065 / 0.3 * 100, 1.5 * 0.065 / 0.3 * 100, 0.5 * 0.065 / 0.3 * 100]),  # all pushed up from the foot
])
def test_flow_labels_are_nudged_apart_and_kept_above_the_panels_foot(last_values, expected):
    dates = pd.Series(pd.to_datetime(["2024-01-01", "2024-02-01"]))
    lines = [dict(x=dates, y=pd.Series([100.0, value]), name=name, line=dict(color="#000000"))
             for name, value in zip("abc", last_values)]
    labels = runway_charts.flow_labels(lines, 0.3)
    assert [label["text"] for label in labels] == ["a", "b", "c"]
    assert [label["y"] for label in labels] == [pytest.approx(y) for y in expected]


def test_then_and_now_stops_each_path_at_zero(prepared):
    start = dt.date(2024, 1, 1)
    then = runway.project(1000, 0, 10, 0, 0, start, 24)  # lasts
    now = runway.project(1000, 0, 100, 0, 0, start, 24)  # out after 10 months
    chart = runway_charts.then_and_now(then, now, "2023-08-13", "then inputs", "now inputs", prepared.iloc[:1], "OpenAI")
    assert [t.name for t in chart.figure.data] == ["Then: claims published by 13 Aug 2023", "Now: every claim",
                                                   "Now: every claim: unfunded gap"]
    assert chart.subtitle == "US dollars · no growth assumed · then: then inputs · now: now inputs"
    assert list(chart.data["projection"].unique()) == ["then", "now"]


NB = "\u202f"  # French: a narrow no-break space before a unit


def _banded_runway():
    """$1,000 less $100 a month over 24 months (out after 10, -$1,400 at the end), a band at $200 and $50 a month, and
    the lower panel with the revenue it takes to be default alive."""
    base = runway.project(1000, 0, 100, 0, 0, START, 24)
    low, high = runway.project(1000, 0, 200, 0, 0, START, 24), runway.project(1000, 0, 50, 0, 0, START, 24)
    alive = runway.project(1000, 50, 100, 1.0, 0, START, 24)
    return base, low, high, alive


MONTHS_24 = ["2023-07-01", "2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01", "2026-01-01"]  # six months apart


@pytest.mark.parametrize("lang, cash, flows, months, marks", [
    # the cash axis spans -$1,400 (the gap) to $950 (the band's top) in $500 steps; the lower panel $0 to $190 in $50
    ("ko", ["-1,500 달러", "-1,000 달러", "-500 달러", "0 달러", "500 달러", "1,000 달러"],
     ["-50 달러", "0 달러", "50 달러", "100 달러", "150 달러", "200 달러"],
     ["2023년 7월", "2024년 1월", "2024년 7월", "2025년 1월", "2025년 7월", "2026년 1월"],
     ["현금 소진 시점: 2024년 10월", "2025년 12월까지의 자금 부족분: 1,400 달러"]),
    ("fr", [f"-1,5{NB}k$", f"-1,0{NB}k$", f"-500{NB}$", f"0{NB}$", f"500{NB}$", f"1,0{NB}k$"],
     [f"-50{NB}$", f"0{NB}$", f"50{NB}$", f"100{NB}$", f"150{NB}$", f"200{NB}$"],
     ["juil. 2023", "janv. 2024", "juil. 2024", "janv. 2025", "juil. 2025", "janv. 2026"],
     ["Trésorerie à zéro\u00a0: oct. 2024", f"Besoin non financé d’ici déc. 2025\u00a0: 1,4{NB}k$"]),
])
def test_runway_axes_and_dates_in_korean_and_french(prepared, lang, cash, flows, months, marks):
    base, low, high, alive = _banded_runway()
    with speaking(lang):
        chart = runway_charts.runway(base, low, high, "test", prepared.iloc[:1], "OpenAI", ("", ""), alive, 1.0)
    layout = chart.figure.layout
    assert (list(layout.yaxis.tickvals), list(layout.yaxis.ticktext)) == ([-1500, -1000, -500, 0, 500, 1000], cash)
    assert (list(layout.yaxis2.tickvals), list(layout.yaxis2.ticktext)) == ([-50, 0, 50, 100, 150, 200], flows)
    assert (list(layout.xaxis.tickvals), list(layout.xaxis.ticktext)) == (MONTHS_24, months)
    assert layout.yaxis.tickprefix is None and layout.yaxis2.tickprefix is None
    assert all(mark in [a.text for a in layout.annotations] for mark in marks)


@pytest.mark.parametrize("lang, first_cash, first_gap, gap_template", [
    ("ko", ["2024년 1월", "900 달러"], ["2024년 9월", "0 달러"], "%{customdata[0]}: %{customdata[1]} 자금 부족<extra>현금 잔액</extra>"),
    ("fr", ["janv. 2024", f"900{NB}$"], ["sept. 2024", f"0{NB}$"],
     "%{customdata[0]}\u00a0: %{customdata[1]} non financés<extra>Solde de trésorerie</extra>"),
])
def test_runway_hovers_carry_their_months_in_korean_and_french(prepared, lang, first_cash, first_gap, gap_template):
    base, low, high, alive = _banded_runway()
    with speaking(lang):
        chart = runway_charts.runway(base, low, high, "test", prepared.iloc[:1], "OpenAI", ("", ""), alive, 1.0)
    *flows, cash, gap = chart.figure.data[2:]
    assert [list(trace.customdata[0])[0] for trace in flows] == [first_cash[0]] * 3  # the lower panel's lines too
    assert all(trace.hovertemplate == "%{customdata[0]}: %{customdata[1]}<extra>%{fullData.name}</extra>" for trace in flows)
    assert (list(cash.customdata[0]), cash.hovertemplate) == (first_cash, "%{customdata[0]}: %{customdata[1]}<extra></extra>")
    assert (list(gap.customdata[0]), gap.hovertemplate) == (first_gap, gap_template)


def test_runway_in_english_keeps_plotlys_own_ticks(prepared):
    base, low, high, alive = _banded_runway()
    layout = runway_charts.runway(base, low, high, "test", prepared.iloc[:1], "OpenAI", ("", ""), alive, 1.0).figure.layout
    for axis in (layout.yaxis, layout.yaxis2):
        assert (axis.tickprefix, axis.exponentformat, axis.tickformat, axis.tickvals, axis.ticktext) == ("$", "B", "", None, None)
    assert (layout.xaxis.tickvals, layout.xaxis.ticktext) == (None, None)


@pytest.mark.parametrize("lang, then_date, name, cash, months", [
    ("en", "2023-08-01", "Then: claims published by 1 Aug 2023", None, None),  # a day unpadded, plotly's own ticks
    ("ko", "2023-08-01", "그때: 2023년 8월 1일까지 발행된 항목", ["-1,500 달러", "-1,000 달러", "-500 달러", "0 달러", "500 달러", "1,000 달러"],
     ["2023년 7월", "2024년 1월", "2024년 7월", "2025년 1월", "2025년 7월", "2026년 1월"]),
    ("fr", "2023-08-13", "À l’époque\u00a0: affirmations publiées jusqu’au 13 août 2023",
     [f"-1,5{NB}k$", f"-1,0{NB}k$", f"-500{NB}$", f"0{NB}$", f"500{NB}$", f"1,0{NB}k$"],
     ["juil. 2023", "janv. 2024", "juil. 2024", "janv. 2025", "juil. 2025", "janv. 2026"]),
])
def test_then_and_now_in_each_language(prepared, lang, then_date, name, cash, months):
    then, now = runway.project(1000, 0, 10, 0, 0, START, 24), runway.project(1000, 0, 100, 0, 0, START, 24)
    with speaking(lang):
        chart = runway_charts.then_and_now(then, now, then_date, "then", "now", prepared.iloc[:1], "OpenAI")
    layout = chart.figure.layout
    assert chart.figure.data[0].name == name
    assert (layout.yaxis.ticktext and list(layout.yaxis.ticktext), layout.xaxis.ticktext and list(layout.xaxis.ticktext)) == (cash, months)
    assert layout.yaxis.tickprefix == ("$" if lang == "en" else None)


def test_scenarios_fan_and_tornado_in_korean(prepared):
    current, saved = runway.project(1000, 0, 100, 0, 0, START, 12), runway.project(1000, 0, 50, 0, 0, START, 12)
    fan = runway.fan(1000, 0, 100, 0, 0, START, 12, relative_intervals={"cash_usd": [(0.5, 1.5)]})
    table = runway.sensitivity(1000, 0, 100, 0, 0, START, 12)
    with speaking("ko"):
        both = runway_charts.scenarios([("current", current, "a"), ("cheap", saved, "b")], prepared.iloc[:1], "OpenAI", START)
        spread = runway_charts.fan(fan.paths, fan.zero_cash, current, "spread", "how", "test", prepared.iloc[:1], "OpenAI")
        moves = runway_charts.tornado(table, 10.0, 12, START, "test", prepared.iloc[:1], "OpenAI")
    # twelve months from January 2024: every other month from January, one beyond either end
    months = ["2023년 11월", "2024년 1월", "2024년 3월", "2024년 5월", "2024년 7월", "2024년 9월", "2024년 11월", "2025년 1월"]
    for chart in (both, spread):
        assert list(chart.figure.layout.xaxis.ticktext) == months
    # the scenarios: $950 down to -$200 (the current path's gap): $200 steps
    assert list(both.figure.layout.yaxis.ticktext) == ["-400 달러", "-200 달러", "0 달러", "200 달러", "400 달러", "600 달러",
                                                       "800 달러", "1,000 달러"]
    assert both.subtitle.startswith("미국 달러, 2024년 1월부터")
    assert [a.text for a in both.figure.layout.annotations if a.name == "line end"][1] == "current: 현금 소진 시점<br>2024년 10월"  # wrapped
    assert moves.figure.layout.xaxis.title.text.startswith("2024년 1월부터")


@pytest.mark.parametrize("cash, funded, gap", [
    ([5.0, 3.0, 1.0], ([0, 1, 2], [5.0, 3.0, 1.0]), ([], [])),  # never short: no gap
    ([-2.0, -4.0, -6.0], ([0], [0.0]), ([0, 0, 1, 2], [0.0, -2.0, -4.0, -6.0])),  # short from the first month
    ([4.0, 0.0, -4.0], ([0, 1, 1], [4.0, 0.0, 0.0]), ([1, 2], [0.0, -4.0])),  # at zero on 11 Jan: still funded then
    ([4.0, 1.0, -3.0], ([0, 1, "crossing"], [4.0, 1.0, 0.0]), (["crossing", 2], [0.0, -3.0])),
])
def test_a_cash_path_splits_where_it_first_falls_below_zero(cash, funded, gap):
    dates = pd.Series(pd.to_datetime(["2024-01-01", "2024-01-11", "2024-01-21"]))
    crossing = pd.Timestamp("2024-01-13 12:00")  # $1 of the $4 lost from 11 to 21 Jan: a quarter of those ten days

    def when(at):
        return crossing if at == "crossing" else dates[at]

    got = runway_charts._crossing(dates, pd.Series(cash))
    expected_funded = [when(at) for at in funded[0]], funded[1]
    expected_gap = [when(at) for at in gap[0]], gap[1]
    assert (got[0].tolist(), got[1].tolist()) == expected_funded
    assert (got[2].tolist(), got[3].tolist()) == expected_gap
