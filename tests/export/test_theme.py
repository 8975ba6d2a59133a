"""lib.export.theme: the slide look, the small print, file names and the camera button (no rendering)."""
from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib.chart_layout import Chart
from lib.export import theme
from tests.export.conftest import CHART, STAMP, STAMP_TEXT


def test_slide_figure_is_a_themed_copy():
    before = CHART.figure.to_json()
    figure = theme.slide_figure(CHART)
    assert CHART.figure.to_json() == before, "the on-screen figure must not change"
    assert (figure.layout.width, figure.layout.height) == (1920, 1080)
    assert figure.layout.paper_bgcolor == "white"
    assert "Acme &amp; Co: &lt;money&gt; over time" in figure.layout.title.text
    assert figure.layout.title.font.size >= 40 and figure.layout.font.size >= 22
    assert "US dollars a year" in figure.layout.title.subtitle.text
    source = figure.layout.annotations[-1]
    assert source.text.replace("<br>", " ") == CHART.source_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert 16 <= source.font.size < figure.layout.font.size
    assert figure.layout.annotations[0].font.size > 11, "chart annotations grow with the type"
    assert [t.marker.color for t in figure.data] == [t.marker.color for t in CHART.figure.data]
    assert [t.line.color for t in figure.data] == [t.line.color for t in CHART.figure.data]
    assert figure.layout.margin.t > figure.layout.title.font.size * 2 and figure.layout.margin.b > 110


def test_stamp_is_small_print_under_the_source_line():
    plain = theme.slide_figure(CHART)
    stamped = theme.slide_figure(CHART, stamp=STAMP)
    source, small = stamped.layout.annotations[-2:]
    assert small.text == STAMP_TEXT.replace("&", "&amp;")
    assert small.font.size == 14 < source.font.size == 18
    # one source line: bottom margin 110 + 18 * 1.3 + 30 = 163.4; the small print adds 14 * 1.3 + 6 = 24.2
    assert (plain.layout.margin.b, stamped.layout.margin.b) == (163, 188)
    assert small.yshift == 30 - 188, "the small print's foot is 30 px above the canvas's"
    assert source.yshift == pytest.approx(30 + 24.2 - 188), "the source line sits one small line and a gap higher"


def test_slide_figure_without_frame_leaves_text_to_the_slide():
    figure = theme.slide_figure(CHART, 1600, 640, frame=False, stamp=STAMP)
    assert (figure.layout.width, figure.layout.height) == (1600, 640)
    assert figure.layout.title.text is None
    assert [a.text for a in figure.layout.annotations] == ["IPO plan"]


FOOT = dict(orientation="h", x=0, xanchor="left", y=0, yanchor="bottom", yref="container")  # as lib.runway_charts.tornado puts it
TOP_ROW = dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom", yref="paper", font=dict(size=22))
COLUMN = dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top", yref="paper", tracegroupgap=0)


@pytest.mark.parametrize("legend, frame, traces, expected_legend, margins", [
    # the deck's picture: a row along the top; or, for a chart that keeps the top for a label, along the foot, with
    # 1.5 x 22 px = 33 px more at the foot for it and as much at the top for the label
    ({}, False, 2, TOP_ROW, (40, 100)),
    (FOOT, False, 2, TOP_ROW | dict(y=0, yref="container"), (73, 133)),
    # a slide image: a column at the right of the plot, wherever the chart had its legend, in 22 px type while it
    # fits; 60 entries of 1.5 lines cannot fit under 1080 px at 12 px, the least it shrinks to
    (FOOT, True, 2, COLUMN | dict(font=dict(size=22)), None),
    ({}, True, 60, COLUMN | dict(font=dict(size=12)), None),
])
def test_legend_goes_where_the_chart_leaves_room(legend, frame, traces, expected_legend, margins):
    figure = go.Figure([go.Scatter(x=[0, 1], y=[k, k], name=f"line {k}") for k in range(traces)]).update_layout(legend=legend)
    figure = theme.slide_figure(Chart("c", "T", "S", figure, CHART.data, CHART.claims), 1920, 1080 if frame else 640, frame=frame)
    assert figure.layout.legend.to_plotly_json() == expected_legend
    if margins is not None:
        assert (figure.layout.margin.t, figure.layout.margin.b) == margins


def test_long_source_line_is_cut_to_three_lines_naming_the_rest():
    claims = pd.concat([CHART.claims] * 40, ignore_index=True)
    claims["source_publisher"] = [f"Publisher number {i}" for i in range(len(claims))]
    chart = Chart("long", "Long", "sub", CHART.figure, CHART.data, claims)
    figure = theme.slide_figure(chart)
    text = figure.layout.annotations[-1].text
    assert text.count("<br>") == 2
    assert text.startswith("Sources: Publisher number 0, 1 Feb 2026; Publisher number 2, 1 Feb 2026;")
    assert re.search(r"; and \d+ more\.$", text)


def test_source_line_names_publisher_and_date_without_claim_ids():
    assert CHART.source_line == "Sources: 디지털타임스 (Digital Times), 1 Feb 2026; Smith & Sons <Daily>, undated."


@pytest.mark.parametrize("name, stem", [
    ("openai-timeline", "openai-timeline"),
    ("openai-waterfall-2024", "openai-waterfall-2024"),
    ("a/b c", "a-b-c"),
])
def test_file_names(name, stem):
    chart = Chart(name, "t", "s", go.Figure(), CHART.data, CHART.claims)
    assert theme.file_names(chart) == {"png": f"{stem}.png", "svg": f"{stem}.svg", "csv": f"{stem}.csv"}


def test_toolbar_config():
    assert theme.toolbar_config(CHART) == {
        "toImageButtonOptions": {"format": "png", "filename": "acme-timeline", "width": 1920, "height": 1080, "scale": 1},
        "displaylogo": False,
    }


def test_wrap_cuts_a_word_wider_than_the_line():
    link = "http://localhost:8501/runway?" + "a" * 200
    lines = theme.wrap(f"Dataset 1 · {link}", 10, 300)
    assert "".join(lines[1:]) == link and all(theme.text_px(line, 10) <= 300 for line in lines)


@pytest.mark.parametrize("ticks, left", [
    (None, 170),  # a money axis: the usual margin
    (["Loss"], 170),  # a short row name fits in it
    # a row name wider than it: 25 characters x 0.52 x 22 px = 286 px, and 30 px to the plot
    (["Net loss 2024", "Investment (tranche) 2023"], 316),
])
def test_the_plot_starts_right_of_its_widest_row_name(ticks, left):
    figure = go.Figure([go.Scatter(x=[1, 2], y=[0, 1])])
    if ticks:
        figure.update_yaxes(tickvals=list(range(len(ticks))), ticktext=ticks)
    assert theme.slide_figure(Chart("c", "T", "S", figure, CHART.data, CHART.claims)).layout.margin.l == left
