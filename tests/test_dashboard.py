"""lib.dashboard: headline figures, waterfall lines, runway inputs and the export chart set."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lib import dashboard as db, transforms as tf
from lib.assumptions import RunwayAssumptions
from tests.conftest import make_claims

SOURCES = [{"id": "old", "published": "2023-06-01"}, {"id": "new", "published": "2024-06-01"}, {"id": "undated", "published": None}]


@pytest.fixture
def prepared():
    return tf.prepare(make_claims(
        [
            {"id": "loss-2024", "value": 5e9, "period": "2024", "source": "new"},
            {"id": "revenue-2024", "metric": "revenue", "value": 3e9, "period": "2024", "source": "new"},
            {"id": "compute-2024", "metric": "compute_cost", "value": 4e9, "period": "2024", "source": "new"},
            {"id": "servers-2024", "metric": "operating_cost", "value": 1e6, "per": "day", "period": "2024", "source": "undated"},
            {"id": "train-lo", "metric": "training_cost", "value": 2e9, "period": "2024", "source": "new", "qualifier": "up_to"},
            {"id": "train-hi", "metric": "training_cost", "value": 6e9, "period": "2024", "source": "undated", "qualifier": "at_least"},
            {"id": "round", "metric": "funding_round", "value": 6e9, "per": ..., "period": "2024-10", "basis": "reported", "source": "new"},
            {"id": "valuation-old", "metric": "valuation", "value": 80e9, "per": ..., "period": "2023", "source": "old"},
            {"id": "loss-2023", "value": 1e9, "period": "2023", "source": "old"},
        ],
        SOURCES,
    ))


def test_headline_figures(prepared):
    got = db.headline_figures(prepared, "OpenAI")[["key", "value_usd", "display", "claim_id"]]
    expected = pd.DataFrame({
        "key": ["valuation", "net_loss", "revenue", "burn_year", "burn_month", "burn_day", "naive_runway"],
        "value_usd": [80e9, 5e9, 3e9, 5e9, 5e9 / 12, 5e9 / 365, 6e9 / (5e9 / 12)],
        "display": ["$80.0B", "$5.0B", "$3.0B", "$5.0B", "$416.7M", "$13.7M", "14 months"],
        "claim_id": ["valuation-old", "loss-2024", "revenue-2024", "loss-2024", "loss-2024", "loss-2024", "round, loss-2024"],
    })
    pd.testing.assert_frame_equal(got, expected)


def test_headline_figures_of_an_unknown_company_are_empty(prepared):
    assert db.headline_figures(prepared, "Nobody").empty


@pytest.mark.parametrize(
    "choices, servers, training, other",
    [
        ({}, -4e9, -2e9, -5e9 - (3e9 - 4e9 - 2e9)),
        ({"Training": "High"}, -4e9, -6e9, -5e9 - (3e9 - 4e9 - 6e9)),
        ({"Servers & inference": "Low"}, -365e6, -2e9, -5e9 - (3e9 - 365e6 - 2e9)),
        ({"Training": "Publisher A (undated)"}, -4e9, -6e9, -5e9 - (3e9 - 4e9 - 6e9)),
    ],
)
def test_waterfall_lines_reconcile_to_the_reported_loss(prepared, choices, servers, training, other):
    got = db.waterfall_lines(prepared, "OpenAI", "2024", choices)
    expected = pd.DataFrame({
        "label": ["Revenue", "Servers & inference", "Training", "Other / unexplained", "Net loss (reported)"],
        "kind": ["revenue", "cost", "cost", "other", "total"],
        "amount_usd": [3e9, servers, training, other, -5e9],
    })
    pd.testing.assert_frame_equal(got[["label", "kind", "amount_usd"]], expected)
    assert got["amount_usd"].iloc[:-1].sum() == pytest.approx(-5e9)


def test_waterfall_years_prefer_the_year_with_most_lines(prepared):
    assert db.waterfall_years(prepared, "OpenAI") == ["2024", "2023"]


def test_waterfall_without_a_loss_is_refused(prepared):
    with pytest.raises(ValueError, match="no net loss for OpenAI in 2022"):
        db.waterfall_lines(prepared, "OpenAI", "2022")


def test_runway_inputs(prepared):
    inputs = db.runway_inputs(prepared, "OpenAI")
    assert (inputs.cash_usd, inputs.monthly_revenue_usd, inputs.monthly_cost_usd) == (6e9, 3e9 / 12, 8e9 / 12)
    assert inputs.start == dt.date(2024, 10, 1)
    assert inputs.cost_low_ratio == pytest.approx((365e6 + 2e9) / 8e9)
    assert inputs.cost_high_ratio == pytest.approx((4e9 + 6e9) / 8e9)
    assert {"round", "revenue-2024", "loss-2024", "train-hi"} <= set(inputs.claim_ids)


def test_runway_inputs_need_a_loss():
    assert db.runway_inputs(tf.prepare(make_claims([{"metric": "revenue"}])), "OpenAI") is None


def test_scenario_band_brackets_the_base(prepared):
    inputs = db.runway_inputs(prepared, "OpenAI")
    result = db.scenario(inputs, RunwayAssumptions(6e9, 250e6, 700e6, 0.0, 0.0, 60))
    assert result.low.runway_months < result.base.runway_months  # low = the cash outcome with the highest costs
    assert result.high.runway_months is None  # lowest costs: the cash outlasts the horizon
    assert "start Oct 2024 with $6.0B cash" in result.assumptions


def test_then_vs_now(prepared):
    claims = make_claims([{"id": "loss", "value": 1e9, "period": "2023", "source": "old"},
                          {"id": "cash", "metric": "investment", "value": 10e9, "per": ..., "period": "2023", "source": "old"},
                          {"id": "later-loss", "value": 5e9, "period": "2024", "source": "new"},
                          {"id": "doom", "metric": "bankruptcy_prediction", "value": None, "unit": ..., "per": ...,
                           "qualifier": ..., "period": "2024", "basis": "forecast", "source": "old"}], SOURCES)
    got = db.then_vs_now(claims, "OpenAI", "2023-12-31")
    then_inputs, then_projection = got["then"]
    assert then_inputs.cash_usd == 10e9 and then_projection.runway_months is None
    assert got["now"][1].runway_months == pytest.approx(10e9 / (5e9 / 12))
    assert list(got["predictions"]["id"]) == ["doom"]
    assert list(got["later"]["id"]) == ["later-loss"]


@pytest.mark.parametrize(
    "filters, ids",
    [
        ({}, ["loss-2024", "revenue-2024", "compute-2024", "servers-2024", "train-lo", "train-hi", "round", "valuation-old", "loss-2023"]),
        ({"metrics": ["training_cost"]}, ["train-lo", "train-hi"]),
        ({"sources": ["old"], "bases": ["estimated"]}, ["valuation-old", "loss-2023"]),
        ({"bases": ["reported"]}, ["round"]),
        ({"languages": ["fr"]}, []),
    ],
)
def test_filter_claims(prepared, filters, ids):
    assert list(db.filter_claims(prepared, **filters)["id"]) == ids


def test_build_charts_on_the_real_data(real_claims):
    built = db.build_charts(real_claims, "OpenAI")
    assert [c.name for c in built] == ["openai-timeline", "openai-waterfall-2024", "openai-runway"]
    for chart in built:
        assert chart.source_line.startswith("Sources: ") and "Claims: " in chart.source_line
        assert not chart.data.empty and not chart.claims.empty


def test_build_charts_rejects_an_unknown_company(real_claims):
    with pytest.raises(ValueError, match="unknown company 'Nope'"):
        db.build_charts(real_claims, "Nope")


def test_figures_table_lists_each_metric_and_period_once(prepared):
    table = db.figures_table(prepared, "OpenAI")
    training = table[table["metric"] == "Training cost"]
    assert list(training["claim"]) == ["train-lo"]  # the dated source beats the undated one
    assert list(table.columns) == ["metric", "period", "per", "value", "usd", "basis", "qualifier", "source", "claim"]
    assert len(table) == len(set(zip(table["metric"], table["period"], table["per"].fillna(""))))
