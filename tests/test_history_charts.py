"""lib.history_charts: what each history chart draws (timeline, waterfall, by year, burn rate, disagreements, Epoch AI's
points), and the data and claims behind it."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from lib import chart_layout, headline, history_charts, second_opinion, transforms as tf, vocabulary, waterfall
from lib.i18n import speaking
from tests.conftest import make_claims, make_peers
from tests.small_claims import CHARTED, CHARTED_SOURCES, EPOCH_ROWS


@pytest.fixture
def prepared():
    return tf.prepare(make_claims(CHARTED, CHARTED_SOURCES))


BUNDLED = [
    {"id": "loss", "value": 5e9, "period": "2024", "qualifier": "exact"},
    {"id": "revenue", "metric": "revenue", "value": 3.7e9, "period": "2024", "qualifier": "exact"},
    {"id": "train", "metric": "training_cost", "value": 3e9, "period": "2024", "qualifier": "up_to"},
    {"id": "bundle", "metric": "training_cost", "includes": ["training_cost", "compute_cost"], "value": 7e9, "period": "2024",
     "qualifier": "at_least"},
]


def test_timeline_hover_and_data_say_what_a_bundle_includes():
    chart = history_charts.timeline(tf.prepare(make_claims(BUNDLED)), "OpenAI", ["training_cost"], events=False)
    [points] = [t for t in chart.figure.data if t.mode == "markers" and t.name == "Training cost (estimated)"]
    assert [list(row) for row in points.customdata] == [
        ["train", "2024", "estimated", "up to", "News outlet: Publisher A (2024-06-01)", "≤ $3.0B", "company", ""],
        ["bundle", "2024", "estimated", "at least", "News outlet: Publisher A (2024-06-01)", "≥ $7.0B", "company",
         "<br>bundle of training cost + compute cost"]]
    assert points.hovertemplate == ("<b>%{customdata[0]}</b><br>%{customdata[5]} · %{customdata[1]} · scope %{customdata[6]}"
                                    "%{customdata[7]}<br>%{customdata[2]}, %{customdata[3]} · %{customdata[4]}<extra></extra>")
    assert chart.data.set_index("id")["includes"].to_dict() == {"train": "", "bundle": "bundle of training cost + compute cost"}
    assert chart.claims.set_index("id")["includes"].fillna("").to_dict() == {"train": "", "bundle": "training_cost,compute_cost"}


def test_waterfall_hover_says_what_a_bundled_bar_includes():
    prepared = tf.prepare(make_claims(BUNDLED))
    chart = history_charts.waterfall(waterfall.waterfall_lines(prepared, "OpenAI", "2024", {"Training": "High"}), prepared, "OpenAI", "2024")
    trace = chart.figure.data[0]
    assert [row[3] for row in trace.customdata] == ["", "<br>one figure that includes Servers & inference", "", ""]
    assert trace.hovertemplate == ("<b>%{x}</b><br>%{customdata[2]}%{customdata[3]}<br>%{customdata[1]}<br>claims: "
                                   "%{customdata[0]}<extra></extra>")


def test_timeline_draws_metrics_events_and_conflicts(prepared):
    chart = history_charts.timeline(prepared, "OpenAI", ["net_loss", "training_cost", "valuation"], log_y=True)
    names = [trace.name for trace in chart.figure.data]
    assert {"Net loss", "Training cost", "Valuation"} <= set(names)
    # about 3B (2.7-3.3B) against about 7B (6.3-7.7B): the shaded range runs across both, naming each end
    assert "Sources disagree: $2.7B (train-a) to $7.7B (train-b)" in names
    events = [(a.text, a.hovertext) for a in chart.figure.layout.annotations if a.name == chart_layout.EVENT_LABEL]
    assert events == [("Bankruptcy prediction", "Bankruptcy prediction (2024)"),
                      ("Partnership with Nvidia", "Partnership with Nvidia (2025-09)")]
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
    chart = history_charts.timeline(prepared, "OpenAI", ["operating_cost"], events=False)
    lines = [t.name for t in chart.figure.data if t.mode == "lines"]
    assert lines == ["Operating cost (ChatGPT)", "Operating cost"]
    assert chart.data.set_index("id").loc["chatgpt-annualised", "scope"] == "ChatGPT"


def test_timeline_names_the_cap_of_an_open_range():
    prepared = tf.prepare(make_claims([
        {"id": "lo", "metric": "training_cost", "value": 3e9, "qualifier": "up_to"},
        {"id": "hi", "metric": "training_cost", "value": 7e9, "qualifier": "at_least", "source": "s2"},
    ], [{"id": "src-a"}, {"id": "s2"}]))
    chart = history_charts.timeline(prepared, "OpenAI", ["training_cost"], events=False)
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
    chart = history_charts.timeline(prepared, "OpenAI", ["cash_burn"], events=False)
    labels = [(a.text, a.y) for a in chart.figure.layout.annotations if a.name == "line end"]
    assert labels == ([("Cash burn", label_y)] if label_y is not None else [])


def test_timeline_without_events_or_log(prepared):
    chart = history_charts.timeline(prepared, "OpenAI", ["valuation"], log_y=False, events=False)
    assert chart.figure.layout.yaxis.type == "linear"
    assert [(a.name, a.text) for a in chart.figure.layout.annotations] == [("line end", "Valuation")]  # no events
    assert chart.figure.layout.yaxis.domain is None  # no strip of events above the data
    assert list(chart.claims["id"]) == ["val"]


def test_waterfall_figure_matches_its_lines(prepared):
    lines = waterfall.waterfall_lines(prepared, "OpenAI", "2024")
    chart = history_charts.waterfall(lines, prepared, "OpenAI", "2024")
    trace = chart.figure.data[0]
    # same basis: Beta, written in 2024-H2, is newer than Alpha's August 2023 article
    assert list(trace.x) == ["Training", "Other / unexplained", "Net loss (estimated)"]
    assert list(trace.measure) == ["relative", "relative", "total"]
    assert list(trace.y) == [-7e9, 2e9, -5e9]
    assert list(trace.text) == ["≈ $7.0B", "$2.0B", "≈ $5.0B"]
    pd.testing.assert_frame_equal(chart.data, lines)
    assert chart.source_line == "Sources: Alpha, 13 Aug 2023; Beta, written 2024-H2."
    assert list(chart.claims["id"]) == ["loss-en", "train-b"]


def test_epoch_points_are_stars_of_their_own_one_unjoined_series_per_kind(prepared, tmp_path):
    rows = second_opinion.rows_for(make_peers(tmp_path, EPOCH_ROWS), "OpenAI")
    base = history_charts.timeline(prepared, "OpenAI", ["valuation"])
    chart = history_charts.with_peers(base, rows)
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
    chart = history_charts.yearly(figures, prepared, "OpenAI")
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
    chart = history_charts.burn(rates, prepared, "OpenAI")
    day, month = chart.figure.data
    assert list(day.x) == ["2024 · company", "2023 · ChatGPT"] and list(day.text) == ["$13.7M", "$700.0K"]
    assert list(month.x) == ["2024 · company"] and list(month.text) == ["$416.7M"]
    assert list(day.marker.color) == [vocabulary.metric_colour("net_loss"), history_charts.OTHER_BAR]
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
    chart = history_charts.disagreements(compared, prepared, "OpenAI")
    ranges = [t for t in chart.figure.data if t.mode == "lines"]
    assert [(t.name, t.line.color, list(t.x)) for t in ranges] == [
        ("Training cost 2024: range", chart_layout.GAP_COLOUR, [0.0, 10.5e9]), ("Net loss 2024: range", history_charts.OTHER_BAR, [4.5e9, 5.5e9])]
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
    chart = history_charts.disagreements(compared, prepared, "OpenAI")
    ranges = [t for t in chart.figure.data if t.mode == "lines"]
    assert [(t.name, t.line.color) for t in ranges] == [("Training cost 2024: range", chart_layout.GAP_COLOUR),
                                                        ("Valuation 2024, 2024-10: range", history_charts.DATES_COLOUR)]
    assert ranges[1].hovertemplate == ("Valuation 2024, 2024-10: $80.0B (v-80) to $157.0B (v-157) · both hold at different "
                                       f"dates (acknowledged: {reason})<extra></extra>")
    dots = [list(t.text) for t in chart.figure.data if t.mode == "markers+text"]
    assert dots == [["$3.0B · Alpha (2024-06-01)", "$7.0B · Beta (2024-11-01)"],
                    ["$80.0B (2024) · Alpha (2024-06-01)", "$157.0B (2024-10) · Beta (2024-11-01)"]]
    assert chart.description == ("Training cost 2024: $3.0B to $7.0B, sources disagree; Valuation 2024, 2024-10: $80.0B to "
                                 "$157.0B, both hold at different dates.")
    assert "; blue: both hold at different dates, as acknowledged)" in chart.subtitle
    # the timeline shades only the disagreement, and the Sources table marks only its claims as disputed
    timeline = history_charts.timeline(prepared, "OpenAI", ["valuation", "training_cost"], events=False)
    assert [t.name for t in timeline.figure.data if t.name.startswith("Sources disagree")] == [
        "Sources disagree: $3.0B (t-3) to $7.0B (t-7)"]
    assert prepared.set_index("id")["conflict_id"].notna().to_dict() == {"v-80": False, "v-157": False, "t-3": True, "t-7": True}


def test_a_long_dot_label_goes_under_its_value_and_the_axis_leaves_it_room(prepared):
    korean = "Unknown Korean translation site (from VietNamNet) (written 2024-Q4)"
    compared = pd.DataFrame({
        "figure": ["Valuation"] * 2, "status": ["different dates"] * 2, "low_usd": [80e9] * 2, "high_usd": [157e9] * 2,
        "low_claim": ["a"] * 2, "high_claim": ["b"] * 2, "capped": [False] * 2, "reason": ["Two dates."] * 2,
        "claim_id": ["b", "a"], "period": ["2024-10", "2024"], "value_usd": [157e9, 80e9], "qualifier": ["exact"] * 2,
        "source": [korean, "LEBIGDATA.FR (written 2024)"],
    })
    figure = history_charts.disagreements(compared, prepared, "OpenAI").figure
    dots = next(t for t in figure.data if t.mode == "markers+text")
    # one line holds 260 / (0.52 x 12) = 41 characters: both labels are too long for one, the value goes on top
    assert list(dots.text) == ["$157.0B (2024-10)<br>Unknown Korean translation site (from<br>VietNamNet) (written 2024-Q4)",
                               "$80.0B (2024)<br>LEBIGDATA.FR (written 2024)"]
    assert [list(row) for row in dots.customdata] == [[f"$157.0B (2024-10) · {korean}", "b"],
                                                      ["$80.0B (2024) · LEBIGDATA.FR (written 2024)", "a"]]
    # three lines: the dots 3 x 0.22 rows apart, and the rows' ends 0.22 further out
    assert list(dots.y) == [-0.33, 0.33] and list(figure.layout.yaxis.range) == [0.72, -0.72]
    # from log10(50e9) = 10.69897, the $157B label's widest line (37 x 6.24 = 230.88 px, and 16) must end inside
    # 540 px: 10.69897 + (11.19590 - 10.69897) / (1 - 246.88 / 540) = 11.61444
    assert list(figure.layout.xaxis.range) == [pytest.approx(10.69897, abs=1e-5), pytest.approx(11.61444, abs=1e-5)]


def test_short_labels_leave_a_quarter_of_the_range_beyond_the_highest_value():
    # from $1 to $100 on a log axis (0 to 2), labels 0 px wide would need 2 / (1 - 16 / 540) = 2.061; a quarter more
    # than the range, 2.5, is more: 10 ** 2.5
    assert history_charts.labels_room(1.0, 100.0, [(100.0, 0.0)]) == pytest.approx(316.2278)


def test_disagreements_keep_the_usual_left_margin_for_short_row_names(prepared):
    compared = pd.DataFrame({
        "figure": ["Loss", "Loss"], "status": ["consistent"] * 2, "low_usd": [4.5e9] * 2, "high_usd": [5.5e9] * 2,
        "low_claim": ["c"] * 2, "high_claim": ["c"] * 2, "capped": [False] * 2, "reason": [""] * 2, "claim_id": ["c", "d"],
        "period": ["2024"] * 2, "value_usd": [5e9] * 2, "qualifier": ["exact"] * 2, "source": ["A", "B"],
    })
    assert history_charts.disagreements(compared, prepared, "OpenAI").figure.layout.margin.l == 90  # 0.52 x 12 x 4 + 50 = 75


def compute_table(rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    """A compute-beside-revenue table (lib.second_opinion.compute_beside_revenue) of (company, year, kind, value) rows."""
    series = {"compute_rnd": "R&D compute spend", "revenue_yearly": "Yearly revenue", "revenue_run_rate": "Revenue run-rate"}
    return pd.DataFrame([{"company": c, "year": y, "series": series[k], "kind": k, "value_usd": v, "epoch_id": f"{c} {k}",
                          "date": pd.Timestamp(f"{y}-12-31"), "confidence": "", "note": "", "url_1": ""} for c, y, k, v in rows],
                        columns=second_opinion.COMPUTE_COLUMNS)


TWO_COMPANIES = compute_table([("Anthropic", "2024", "compute_rnd", 1.5e9), ("Anthropic", "2024", "revenue_run_rate", 1e9),
                               ("OpenAI", "2024", "compute_rnd", 4e9), ("OpenAI", "2024", "revenue_yearly", 3.7e9)])


@pytest.mark.parametrize("entity, title, why, order", [
    (None, "Anthropic and OpenAI", "Epoch AI's data, every company it covers with both, side by side for comparison",
     ["Anthropic 2024", "OpenAI 2024"]),
    ("OpenAI", "OpenAI and Anthropic", "Epoch AI's data · Anthropic shown for comparison", ["OpenAI 2024", "Anthropic 2024"]),
    ("xAI", "Anthropic and OpenAI", "Epoch AI's data · Epoch AI gives no compute spend beside revenue for xAI: Anthropic "
     "and OpenAI shown for comparison", ["Anthropic 2024", "OpenAI 2024"]),
])
def test_compute_chart_names_its_companies_and_why_a_peer_is_there(entity, title, why, order):
    chart = history_charts.compute_vs_revenue(TWO_COMPANIES, pd.DataFrame(), entity)
    assert chart.title == f"{title}: compute spend beside revenue, by year"
    assert chart.subtitle == (f"US dollars a year, {why} · each compute category its own bar, never summed · revenue is the "
                              "year's revenue, or where Epoch gives none the year's last run-rate (hatched: a month's revenue x 12)")
    assert list(chart.figure.layout.xaxis.categoryarray) == order
    assert list(dict.fromkeys(chart.data["company"])) == [c.split(" ")[0] for c in order]


def test_compute_chart_of_one_company_gives_no_comparison():
    chart = history_charts.compute_vs_revenue(TWO_COMPANIES[TWO_COMPANIES["company"] == "OpenAI"], pd.DataFrame(), "OpenAI")
    assert chart.title == "OpenAI: compute spend beside revenue, by year"
    assert chart.subtitle.startswith("US dollars a year, Epoch AI's data · each compute category")


@pytest.mark.parametrize("rows, texts, top", [
    # "$19.0B run-rate": 15 characters, 0.52 x 24 px x 15 = 187.2 px and 8 px of gap, of a 440 px plot
    ([("OpenAI", "2025", "compute_rnd", 9e9), ("OpenAI", "2025", "revenue_run_rate", 19e9)],
     ["$9.0B", "$19.0B run-rate"], 19e9 / (1 - 195.2 / 440)),
    # the shorter label of the taller bar: "$12.0B", 0.52 x 24 x 6 + 8 = 82.88 px, beats the run-rate's
    ([("OpenAI", "2025", "compute_rnd", 12e9), ("OpenAI", "2025", "revenue_run_rate", 1e9)],
     ["$12.0B", "$1.0B run-rate"], 12e9 / (1 - 82.88 / 440)),
])
def test_compute_chart_keeps_every_bar_label_inside_the_plot(rows, texts, top):
    chart = history_charts.compute_vs_revenue(compute_table(rows), pd.DataFrame())
    assert [text for trace in chart.figure.data for text in trace.text] == texts
    assert list(chart.figure.layout.yaxis.range) == [0, pytest.approx(top)]
    for trace in chart.figure.data:  # each label's end, in px up a 440 px plot, at most its top
        for value, text in zip(trace.y, trace.text):
            assert value / top * 440 + 0.52 * 24 * len(text) + 8 <= 440 + 1e-6, text


def event(metric: str, period: str, **fields) -> dict:
    return {"id": f"{metric}-{period}", "metric": metric, "value": None, "unit": ..., "per": ..., "qualifier": ...,
            "period": period, **fields}


EVENTS = [event("partnership", "2023-10", counterparty="TSMC"), event("partnership", "2024-06", counterparty="Nvidia"),
          event("ipo_plan", "2025-06")]
WIDE = [{"id": f"val-{p}", "metric": "valuation", "value": 80e9, "per": ..., "period": p} for p in ("2024-01", "2025-01")]
NARROW = [{"id": "val", "metric": "valuation", "value": 80e9, "per": ..., "period": "2024-10"}]


@pytest.mark.parametrize("figures, x_range, events", [
    # the data (mid-January 2024 to mid-January 2025) span 366 of the 609 days from the first event to the last: the
    # axis spans them alone, 60 days either side, and the events beyond are labelled at its edges, lines hidden
    (WIDE, ["2023-11-17", "2025-03-17"], [
        ("◂ Partnership with TSMC", "2023-11-17", "2023-10-01", False),
        ("Partnership with Nvidia", "2024-06-01", "2024-06-01", True),
        ("IPO plan ▸", "2025-03-17", "2025-06-01", False)]),
    # one figure spans no time: the axis spans the events too, each labelled by its name at its date
    (NARROW, ["2023-08-02", "2025-07-31"], [
        ("Partnership with TSMC", "2023-10-01", "2023-10-01", True),
        ("Partnership with Nvidia", "2024-06-01", "2024-06-01", True),
        ("IPO plan", "2025-06-01", "2025-06-01", True)]),
])
def test_timeline_spans_its_data_and_labels_events_beyond_at_the_edges(figures, x_range, events):
    chart = history_charts.timeline(tf.prepare(make_claims(figures + EVENTS)), "OpenAI", ["valuation"])
    assert [str(edge)[:10] for edge in chart.figure.layout.xaxis.range] == x_range
    labels = [a for a in chart.figure.layout.annotations if a.name == chart_layout.EVENT_LABEL]
    lines = [s for s in chart.figure.layout.shapes if s.name == chart_layout.EVENT_LABEL]
    assert [(a.text, str(a.x)[:10], str(s.x1)[:10], s.visible) for a, s in zip(labels, lines)] == events
    assert [str(s.x0)[:10] for s in lines] == [at for _, at, _, _ in events], "each line starts where its label is"
    assert [a.hovertext for a in labels] == ["Partnership with TSMC (2023-10)", "Partnership with Nvidia (2024-06)", "IPO plan (2025-06)"]
    assert chart.description.endswith(" Events: Partnership with TSMC (2023-10); Partnership with Nvidia (2024-06); IPO plan (2025-06).")


@pytest.mark.parametrize("text, names", [
    ("IPO plan (2025-06)", "IPO plan"),
    ("Partnership with Nvidia (2025-09) · IPO plan (2026)", "Partnership with Nvidia · IPO plan"),
    ("Partnership with SoftBank (Vision Fund) (2025-03)", "Partnership with SoftBank (Vision Fund)"),  # only the date goes
])
def test_an_event_label_is_its_names_without_their_dates(text, names):
    assert history_charts._names(text) == names


def test_epoch_points_that_widen_the_axis_bring_an_event_back_to_its_date(tmp_path):
    chart = history_charts.timeline(tf.prepare(make_claims(WIDE + EVENTS)), "OpenAI", ["valuation"])
    later = [{"id": "Jul 2025 300B", "kind": "valuation", "date": "2025-07-01", "value_usd": 300e9, "status": "closed"}]
    widened = history_charts.with_peers(chart, second_opinion.rows_for(make_peers(tmp_path, later), "OpenAI"))
    labels = [a for a in widened.figure.layout.annotations if a.name == chart_layout.EVENT_LABEL]
    lines = [s for s in widened.figure.layout.shapes if s.name == chart_layout.EVENT_LABEL]
    assert [(a.text, str(a.x)[:10], s.visible) for a, s in zip(labels, lines)] == [
        ("◂ Partnership with TSMC", "2023-11-17", False), ("Partnership with Nvidia", "2024-06-01", True),
        ("IPO plan", "2025-06-01", True)]


def test_the_real_timeline_gives_the_data_most_of_its_height(real_claims):
    prepared = tf.prepare(real_claims)
    chart = history_charts.timeline(prepared, "OpenAI", history_charts.default_timeline_metrics(
        history_charts.timeline_metrics(prepared, "OpenAI")))
    labels = [(a.text, round(a.y, 2)) for a in chart.figure.layout.annotations if a.name == chart_layout.EVENT_LABEL]
    assert labels == [  # four rows of labels, 6% of the plot's height each, where the dated labels took seven
        ("◂ Product launch · Monetisation", 1.0), ("Leadership change", 0.94), ("Partnership with TSMC", 0.88),
        ("Bankruptcy prediction", 1.0), ("Partnership with Nvidia", 0.94),
        ("Cash-shortfall prediction · IPO plan · Deal stalled with Nvidia", 0.82), ("Device plan ▸", 1.0),
        ("Bankruptcy prediction ▸", 0.88)]
    assert list(chart.figure.layout.yaxis.domain) == [0, pytest.approx(0.76)]
    # the 2023 figures' midpoint to February 2026's valuation, 60 days either side
    assert [str(edge)[:10] for edge in chart.figure.layout.xaxis.range] == ["2023-05-03", "2026-04-15"]
    # a line's name starts clear of the markers at its end: a 12 px marker drawn 1.5x on a slide reaches 9 px out,
    # its 3 px outline 1.5 px more
    ends = [(a.text, a.xshift) for a in chart.figure.layout.annotations if a.name == chart_layout.END_LABEL]
    assert ends == [(name, 14) for name in ("Valuation", "Investment commitment", "Net loss", "Funding round", "Cash burn", "Revenue")]


NB = "\u202f"  # French: a narrow no-break space before a unit


@pytest.mark.parametrize("lang, months, money", [
    # mid-November 2023 to mid-March 2025: quarters; $80B on a log axis, from $8B to $800B: 1, 2 and 5 times a power of ten
    ("ko", ["2023년 10월", "2024년 1월", "2024년 4월", "2024년 7월", "2024년 10월", "2025년 1월", "2025년 4월"],
     ["100억 달러", "200억 달러", "500억 달러", "1천억 달러", "2천억 달러", "5천억 달러"]),
    ("fr", ["oct. 2023", "janv. 2024", "avr. 2024", "juil. 2024", "oct. 2024", "janv. 2025", "avr. 2025"],
     [f"10{NB}Md$", f"20{NB}Md$", f"50{NB}Md$", f"100{NB}Md$", f"200{NB}Md$", f"500{NB}Md$"]),
])
def test_timeline_axes_in_korean_and_french(lang, months, money):
    with speaking(lang):
        chart = history_charts.timeline(tf.prepare(make_claims(WIDE + EVENTS)), "OpenAI", ["valuation"])
    layout = chart.figure.layout
    assert list(layout.xaxis.ticktext) == months and list(layout.xaxis.tickvals)[:2] == ["2023-10-01", "2024-01-01"]
    assert list(layout.yaxis.ticktext) == money and layout.yaxis.tickprefix is None
    [points] = [t for t in chart.figure.data if t.mode == "markers" and t.showlegend is False]
    assert list(points.customdata[0])[2] == {"ko": "추정", "fr": "estimé"}[lang]  # the basis in words
    assert list(points.customdata[0])[6] == {"ko": "기업", "fr": "entreprise"}[lang]  # and the scope


def test_timeline_in_english_keeps_plotlys_own_ticks():
    layout = history_charts.timeline(tf.prepare(make_claims(WIDE + EVENTS)), "OpenAI", ["valuation"]).figure.layout
    assert (layout.yaxis.tickprefix, layout.yaxis.exponentformat, layout.yaxis.tickvals, layout.xaxis.tickvals) == ("$", "B", None, None)


def test_epoch_points_widen_the_korean_axes_too(tmp_path):
    later = [{"id": "Jul 2025 300B", "kind": "valuation", "date": "2025-07-01", "value_usd": 300e9, "status": "closed"}]
    with speaking("ko"):
        chart = history_charts.timeline(tf.prepare(make_claims(WIDE + EVENTS)), "OpenAI", ["valuation"])
        widened = history_charts.with_peers(chart, second_opinion.rows_for(make_peers(tmp_path, later), "OpenAI"))
    layout = widened.figure.layout
    # to the end of August 2025: six months apart; $80B to $300B: up to $2T
    assert list(layout.xaxis.ticktext) == ["2023년 7월", "2024년 1월", "2024년 7월", "2025년 1월", "2025년 7월", "2026년 1월"]
    assert list(layout.yaxis.ticktext)[-2:] == ["1조 달러", "2조 달러"]


@pytest.mark.parametrize("lang, bars, ticks, bases", [
    # running totals -$7B, -$5B and the -$5B total, and zero: $2B steps
    ("ko", ["학습", "기타·설명되지 않은 부분", "순손실(추정)"],
     ["-80억 달러", "-60억 달러", "-40억 달러", "-20억 달러", "0 달러", "20억 달러"], ["추정", "산출", "추정"]),
    ("fr", ["Entraînement", "Autres / non expliqué", "Perte nette (estimé)"],
     [f"-8{NB}Md$", f"-6{NB}Md$", f"-4{NB}Md$", f"-2{NB}Md$", f"0{NB}$", f"2{NB}Md$"], ["estimé", "dérivé", "estimé"]),
])
def test_waterfall_in_korean_and_french(prepared, lang, bars, ticks, bases):
    with speaking(lang):
        chart = history_charts.waterfall(waterfall.waterfall_lines(prepared, "OpenAI", "2024"), prepared, "OpenAI", "2024")
    trace, layout = chart.figure.data[0], chart.figure.layout
    assert list(trace.x) == bars and [row[1] for row in trace.customdata] == bases
    assert (list(layout.yaxis.tickvals), list(layout.yaxis.ticktext)) == ([-8e9, -6e9, -4e9, -2e9, 0, 2e9], ticks)


def test_yearly_and_burn_in_korean_and_french(prepared):
    figures = pd.DataFrame({
        "year": ["2024", "2025"], "metric": ["net_loss", "net_loss"], "value_usd": [5e9, 8e9],
        "qualifier": ["approximately", "more_than"], "low_usd": [4.5e9, 8e9], "high_usd": [5.5e9, 12e9],
        "open_above": [False, True], "claim_id": ["a", "b"], "basis": ["projected", "reported"],
    })
    rates = pd.DataFrame({
        "period": ["2024", "2024", "2023"], "scope": ["company", "company", "ChatGPT"], "what": ["Net loss / 365", "Net loss / 12", "Operating cost"],
        "per": ["day", "month", "day"], "value_usd": [13.7e6, 416.7e6, 700e3], "qualifier": ["exact"] * 3,
        "claim_id": ["a", "a", "b"], "basis": ["estimated"] * 3,
    })
    with speaking("ko"):
        yearly = history_charts.yearly(figures, prepared, "OpenAI").figure
    with speaking("fr"):
        burn = history_charts.burn(rates, prepared, "OpenAI").figure
    # from zero to the open end's $12B: $5B steps
    assert list(yearly.layout.yaxis.ticktext) == ["-50억 달러", "0 달러", "50억 달러", "100억 달러", "150억 달러"]
    assert [list(row) for row in yearly.data[0].customdata] == [["a", "전망"], ["b", "보도"]]
    # each panel its own axis: a day's $13.7M in $5M steps, a month's $416.7M in $100M steps
    assert list(burn.layout.yaxis.ticktext) == [f"-5{NB}M$", f"0{NB}$", f"5{NB}M$", f"10{NB}M$", f"15{NB}M$"]
    assert list(burn.layout.yaxis2.ticktext) == [f"-100{NB}M$", f"0{NB}$", f"100{NB}M$", f"200{NB}M$", f"300{NB}M$", f"400{NB}M$",
                                                 f"500{NB}M$"]
    assert list(burn.data[0].customdata[0]) == ["Net loss / 365", "a", "estimé"]


def test_compute_chart_hover_writes_its_amounts_in_french():
    with speaking("fr"):
        chart = history_charts.compute_vs_revenue(TWO_COMPANIES, pd.DataFrame(), "OpenAI")
    rnd = chart.figure.data[0]
    assert [row[4] for row in rnd.customdata] == [f"4,0{NB}Md$", f"1,5{NB}Md$"]  # OpenAI first, then Anthropic
    assert ": %{customdata[4]}<br>" in rnd.hovertemplate and "%{y:" not in rnd.hovertemplate
    assert chart.figure.layout.yaxis.tickvals is not None  # across the range left for the bars' labels
    english = history_charts.compute_vs_revenue(TWO_COMPANIES, pd.DataFrame(), "OpenAI").figure.data[0]
    assert ": %{y:$.3s}<br>" in english.hovertemplate
