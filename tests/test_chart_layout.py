"""lib.chart_layout: a chart in a reader's own words, log ticks, event labels in rows that never overlap, and lines
named at their ends."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from lib import chart_layout, history_charts, runway, runway_charts, second_opinion, transforms as tf, waterfall
from lib.i18n import speaking
from tests.conftest import make_claims, make_peers
from tests.small_claims import CHARTED, CHARTED_SOURCES, EPOCH_ROWS, START


@pytest.fixture
def prepared():
    return tf.prepare(make_claims(CHARTED, CHARTED_SOURCES))


@pytest.mark.parametrize("title, subtitle, expected_title, expected_subtitle", [
    ("", "", "OpenAI 2024: from revenue to net loss", None),
    ("  My title ", "", "My title", None),
    ("", "Mine", "OpenAI 2024: from revenue to net loss", "Mine"),
])
def test_in_words_keeps_the_defaults_for_what_is_left_empty(prepared, title, subtitle, expected_title, expected_subtitle):
    chart = history_charts.waterfall(waterfall.waterfall_lines(prepared, "OpenAI", "2024"), prepared, "OpenAI", "2024")
    worded = chart.in_words(title, subtitle)
    assert (worded.title, worded.subtitle) == (expected_title, expected_subtitle or chart.subtitle)
    assert worded.figure is chart.figure and worded.alt_text.startswith(f"Chart: {expected_title}.")
    assert (worded is chart) == (not title and not subtitle), "no words: the very chart, its worked-out lines kept"


@pytest.mark.parametrize("low, high, values, labels", [
    (3e9, 400e9, [5e9, 10e9, 20e9, 50e9, 100e9, 200e9], ["$5B", "$10B", "$20B", "$50B", "$100B", "$200B"]),
    (700e3, 3e6, [1e6, 2e6], ["$1M", "$2M"]),
])
def test_log_ticks(low, high, values, labels):
    assert chart_layout.log_ticks(low, high) == (values, labels)


# ---------------------------------------------------------------- event labels and line-end labels

def test_event_boxes_take_the_first_row_where_they_fit():
    # 40 characters: 0.52 x 11 px x 40 + 8 px = 236.8 px of a 580 px screen plot (wider than 340.8 px of a 1300 px slide)
    width = 236.8 / 580
    long = " ".join(["x" * 24, "y" * 25, "z" * 24])  # 75 characters: 437 px of the screen plot, 0.753 of it
    boxes = chart_layout.event_boxes([0.0, 0.1, 0.5, 0.95, 0.45], ["x" * 40] * 4 + [long])
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
        every = history_charts.timeline_metrics(prepared, "OpenAI")
        metrics = every if case == "real data, every metric" else history_charts.default_timeline_metrics(every)
    chart = history_charts.timeline(prepared, "OpenAI", metrics)
    if case == "real data, with Epoch AI":  # later points widen the range: the labels are laid out again
        rows = [dict(row, date="2027-06-30") for row in EPOCH_ROWS]
        chart = history_charts.with_peers(chart, second_opinion.rows_for(make_peers(tmp_path, rows), "OpenAI"))
    labels = [a.text for a in chart.figure.layout.annotations if a.name == "event"]
    assert len(labels) >= 8
    if case == "crowded":
        # closer than 45 days: one label, by name; the dates are in its hover
        together = [a for a in chart.figure.layout.annotations if a.name == "event" and a.text == "Product launch · IPO plan"]
        assert [a.hovertext for a in together] == ["Product launch (2026-01) · IPO plan (2026-02)"]
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
    chart = history_charts.timeline(prepared, "OpenAI", ["valuation"])
    labels = [a for a in chart.figure.layout.annotations if a.name == "event"]
    lines = [s for s in chart.figure.layout.shapes if s.name == "event"]
    assert [(str(line.x0)[:10], line.y1) for line in lines] == [(str(label.x)[:10], label.y) for label in labels]
    assert [label.textangle for label in labels] == [None, None]  # horizontal


def _end_labels(chart):
    return [(a.text, a.font.color) for a in chart.figure.layout.annotations if a.name == "line end"]


def test_few_lines_are_named_at_their_ends_instead_of_in_a_legend(prepared):
    chart = history_charts.timeline(prepared, "OpenAI", ["net_loss", "training_cost", "valuation"])
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
    metrics = history_charts.timeline_metrics(prepared, "OpenAI")
    chart = history_charts.timeline(prepared, "OpenAI", metrics)
    lines = [t for t in chart.figure.data if t.mode == "lines" and t.showlegend is not False]
    assert len(lines) > 6 and _end_labels(chart) == []


def test_scenarios_and_then_and_now_are_named_at_their_ends(prepared):
    current = runway.project(1000, 0, 100, 0, 0, START, 12)
    saved = runway.project(1000, 0, 50, 0, 0, START, 12)
    chart = runway_charts.scenarios([("current", current, "costs $100"), ("cheap", saved, "costs $50")], prepared.iloc[:1], "OpenAI", START)
    assert _end_labels(chart) == [("cheap: lasts the horizon", "#ff7f0e"), ("current: zero cash Oct 2024", "#1f77b4")]
    assert not chart.figure.layout.showlegend
    assert all(t.hovertemplate for t in chart.figure.data)
    both = runway_charts.then_and_now(current, saved, "2023-08-13", "then", "now", prepared.iloc[:1], "OpenAI")
    assert _end_labels(both) == [("Now: every claim", "#1f77b4"), ("Then: claims published by<br>13 Aug 2023", "#cc79a7")]  # wrapped
    assert not both.figure.layout.showlegend


def test_line_end_labels_are_nudged_apart_and_the_margin_holds_them(prepared):
    same = runway.project(1000, 0, 50, 0, 0, START, 12)
    chart = runway_charts.scenarios([("a", same, ""), ("b", same, ""), ("c", same, "")], prepared.iloc[:1], "OpenAI", START)
    ys = [a.y for a in chart.figure.layout.annotations if a.name == "line end"]
    # all three end at $400: one line of text apart (6.5% of the span drawn, $950 after a month down to $400)
    assert ys == [pytest.approx(400), pytest.approx(400 - 0.065 * 550), pytest.approx(400 - 0.13 * 550)]
    assert chart.figure.layout.margin.r == round(0.52 * 12 * len("a: lasts the horizon")) + 16


# ---------------------------------------------------------------- axes in the language spoken

NB = "\u202f"  # French puts a narrow no-break space between a number and its unit


@pytest.mark.parametrize("lang, low, high, values, texts", [
    # 4.2 billion across at most six ticks: a step of 1 billion, one tick beyond either end for plotly's padding
    ("ko", 0, 4.2e9, [-1e9, 0, 1e9, 2e9, 3e9, 4e9, 5e9],
     ["-10억 달러", "0 달러", "10억 달러", "20억 달러", "30억 달러", "40억 달러", "50억 달러"]),
    ("fr", 0, 4.2e9, [-1e9, 0, 1e9, 2e9, 3e9, 4e9, 5e9],
     [f"-1{NB}Md$", f"0{NB}$", f"1{NB}Md$", f"2{NB}Md$", f"3{NB}Md$", f"4{NB}Md$", f"5{NB}Md$"]),
    # a step of half a billion: a billion and more need a decimal (1.5 would round to 2), the millions none
    ("fr", 0, 2e9, [-5e8, 0, 5e8, 1e9, 1.5e9, 2e9, 2.5e9],
     [f"-500{NB}M$", f"0{NB}$", f"500{NB}M$", f"1,0{NB}Md$", f"1,5{NB}Md$", f"2,0{NB}Md$", f"2,5{NB}Md$"]),
    ("ko", 0, 2e9, [-5e8, 0, 5e8, 1e9, 1.5e9, 2e9, 2.5e9],
     ["-5억 달러", "0 달러", "5억 달러", "10억 달러", "15억 달러", "20억 달러", "25억 달러"]),
    # a runway's gap below zero: $500 steps, thousands with a decimal in French, grouped digits in Korean
    ("fr", -1400, 950, [-1500, -1000, -500, 0, 500, 1000],
     [f"-1,5{NB}k$", f"-1,0{NB}k$", f"-500{NB}$", f"0{NB}$", f"500{NB}$", f"1,0{NB}k$"]),
    ("ko", -1400, 950, [-1500, -1000, -500, 0, 500, 1000],
     ["-1,500 달러", "-1,000 달러", "-500 달러", "0 달러", "500 달러", "1,000 달러"]),
    ("ko", 3e10, 1.6e11, [0, 5e10, 1e11, 1.5e11, 2e11], ["0 달러", "500억 달러", "1천억 달러", "1,500억 달러", "2천억 달러"]),
    # English writes the same way, should a caller ask (its axes keep plotly's own ticks)
    ("en", 0, 2e9, [-5e8, 0, 5e8, 1e9, 1.5e9, 2e9, 2.5e9], ["-$500M", "$0", "$500M", "$1.0B", "$1.5B", "$2.0B", "$2.5B"]),
])
def test_money_ticks_are_a_nice_step_apart_and_written_in_the_language_spoken(lang, low, high, values, texts):
    with speaking(lang):
        assert chart_layout.money_ticks(low, high) == (values, texts)


@pytest.mark.parametrize("lang, start, end, values, texts", [
    # 23 months: six months apart (every three would be eight ticks), on January and July, one beyond either end
    ("ko", "2024-01-01", "2025-12-01", ["2023-07-01", "2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01", "2026-01-01"],
     ["2023년 7월", "2024년 1월", "2024년 7월", "2025년 1월", "2025년 7월", "2026년 1월"]),
    ("fr", "2024-01-01", "2025-12-01", ["2023-07-01", "2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01", "2026-01-01"],
     ["juil. 2023", "janv. 2024", "juil. 2024", "janv. 2025", "juil. 2025", "janv. 2026"]),
    # mid-November 2023 to mid-March 2025: the first tick inside is December's month, so quarters from January
    ("fr", "2023-11-17", "2025-03-17",
     ["2023-10-01", "2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01", "2025-01-01", "2025-04-01"],
     ["oct. 2023", "janv. 2024", "avr. 2024", "juil. 2024", "oct. 2024", "janv. 2025", "avr. 2025"]),
    # five years: yearly ticks, the year alone in every language
    ("ko", "2024-10-01", "2029-08-31", [f"{year}-01-01" for year in range(2024, 2031)], [str(year) for year in range(2024, 2031)]),
])
def test_date_ticks_fall_on_months_and_are_written_in_the_language_spoken(lang, start, end, values, texts):
    with speaking(lang):
        assert chart_layout.date_ticks(start, end) == (values, texts)


class _Unread:
    def __iter__(self):
        raise AssertionError("English reads no values: plotly draws its own ticks")


@pytest.mark.parametrize("lang", ["en", "pseudo"])
def test_english_axes_keep_plotlys_own_ticks_and_read_nothing(lang):
    with speaking(lang):
        assert chart_layout.money_yaxis(_Unread()) == {"tickprefix": "$", "exponentformat": "B", "tickformat": ""}
        assert chart_layout.money_yaxis(_Unread(), log=True) == chart_layout.MONEY_AXIS
        assert chart_layout.date_xaxis("2024-01-01", "2025-12-01") == {}
        assert chart_layout.month_hover([pd.Timestamp("2024-01-01")], ["$5"]) == (["$5"], "%{x|%b %Y}", "%{customdata}")


@pytest.mark.parametrize("lang, drawn, log, expected", [
    # NaN and None left out; a log axis leaves out zero and spans a decade beyond the data either side
    # ($500M to $800B)
    ("ko", [[5e9, None, float("nan")], [80e9]], True,
     {"tickvals": [5e8, 1e9, 2e9, 5e9, 1e10, 2e10, 5e10, 1e11, 2e11, 5e11],
      "ticktext": ["5억 달러", "10억 달러", "20억 달러", "50억 달러", "100억 달러", "200억 달러", "500억 달러", "1천억 달러",
                   "2천억 달러", "5천억 달러"]}),
    # more than two decades: powers of ten alone ($30M to $4T)
    ("fr", [[0.0, 3e8], [400e9]], True,
     {"tickvals": [1e8, 1e9, 1e10, 1e11, 1e12],
      "ticktext": [f"100{NB}M$", f"1{NB}Md$", f"10{NB}Md$", f"100{NB}Md$", f"1{NB}000{NB}Md$"]}),
    ("fr", [[0.0], [1.1e9]], False,
     {"tickvals": [-2e8, 0, 2e8, 4e8, 6e8, 8e8, 1e9, 1.2e9],
      "ticktext": [f"-200{NB}M$", f"0{NB}$", f"200{NB}M$", f"400{NB}M$", f"600{NB}M$", f"800{NB}M$", f"1,0{NB}Md$", f"1,2{NB}Md$"]}),
    ("ko", [[None]], False, {}),  # nothing drawn: plotly's own ticks
])
def test_money_yaxis_in_other_languages_is_ticked_across_what_it_draws(lang, drawn, log, expected):
    with speaking(lang):
        assert chart_layout.money_yaxis(drawn, log=log) == expected


@pytest.mark.parametrize("lang, low, high, labels", [
    ("ko", 3e9, 400e9, ["50억 달러", "100억 달러", "200억 달러", "500억 달러", "1천억 달러", "2천억 달러"]),
    ("fr", 700e3, 3e6, [f"1{NB}M$", f"2{NB}M$"]),
])
def test_log_ticks_follow_the_language_spoken(lang, low, high, labels):
    with speaking(lang):
        assert chart_layout.log_ticks(low, high)[1] == labels


@pytest.mark.parametrize("lang, expected", [
    ("ko", ([["2024년 1월", "10 달러"], ["2024년 2월", "0 달러"]], "%{customdata[0]}", "%{customdata[1]}")),
    ("fr", ([["janv. 2024", f"10{NB}$"], ["févr. 2024", f"0{NB}$"]], "%{customdata[0]}", "%{customdata[1]}")),
])
def test_month_hover_carries_each_points_month_where_plotly_would_write_english(lang, expected):
    with speaking(lang):
        dates = [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-08 06:00")]
        assert chart_layout.month_hover(dates, [chart_layout.format_usd(10), chart_layout.format_usd(0)]) == expected



def test_an_unchecked_figure_sends_no_template_and_its_series_as_arrays():
    """Streamlit's chart theme styles the screen: a figure a slider move rebuilds does not carry plotly's default
    template, which would be copied, sent and applied on every move."""
    figure = chart_layout.unchecked_figure([dict(type="scatter", x=pd.Series([1, 2]), y=[3.0, 4.0])], dict(height=300))
    assert figure.to_plotly_json()["layout"] == {"template": {}, "height": 300}
    assert figure.data[0].x.tolist() == [1, 2]
