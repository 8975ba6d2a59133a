"""Tests for what lib.runway builds on project: growth_to_break_even, sensitivity and fan."""
from __future__ import annotations

import datetime as dt
import math
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo root, so `lib` imports under plain pytest

from lib.runway import (  # noqa: E402
    FAN_INPUT_COLUMNS,
    FAN_PATH_COLUMNS,
    FAN_ZERO_CASH_COLUMNS,
    SENSITIVITY_COLUMNS,
    fan,
    growth_to_break_even,
    project,
    sensitivity,
)

START = dt.date(2025, 1, 1)


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


# --- growth_to_break_even ---------------------------------------------------------------------------------------

BREAK_EVEN_CASES = [
    pytest.param(  # revenue 200 >= cost 100 at month 0, whatever the growth
        dict(cash_usd=0, monthly_revenue_usd=200, monthly_cost_usd=100, cost_growth_yoy=0), -0.99,
        id="already-profitable",
    ),
    pytest.param(  # revenue equals cost at month 0 (100 * 1.21 ** 0 = 100): break-even at once
        dict(cash_usd=0, monthly_revenue_usd=100, monthly_cost_usd=100, cost_growth_yoy=0.21), -0.99,
        id="break-even-at-month-0",
    ),
    pytest.param(  # no cash and a loss of 100 in month 0, where growth has no effect yet
        dict(cash_usd=0, monthly_revenue_usd=100, monthly_cost_usd=200, cost_growth_yoy=0), None,
        id="runs-out-in-month-0",
    ),
    pytest.param(  # no revenue to grow
        dict(cash_usd=1e12, monthly_revenue_usd=0, monthly_cost_usd=100, cost_growth_yoy=0), None,
        id="no-revenue",
    ),
    pytest.param(  # cash never runs out, so break-even by month 119 is enough: 100 * (1 + g) ** (119/12) >= 200
        # -> g >= 2 ** (12/119) - 1 = 0.0723979
        dict(cash_usd=1e12, monthly_revenue_usd=100, monthly_cost_usd=200, cost_growth_yoy=0), 0.0723979,
        id="break-even-by-the-last-month",
    ),
    pytest.param(  # 13 months: break-even by month 12: (1 + g) ** 1 >= 2 -> g >= 1.0
        dict(cash_usd=1e12, monthly_revenue_usd=100, monthly_cost_usd=200, cost_growth_yoy=0, horizon_months=13),
        1.0, id="short-horizon",
    ),
    pytest.param(  # cash 10 lasts month 0 exactly (10 + 100 - 110 = 0), so month 1 must break even:
        # 100 * (1 + g) ** (1/12) >= 110 -> g >= 1.1 ** 12 - 1 = 2.1384284
        dict(cash_usd=10, monthly_revenue_usd=100, monthly_cost_usd=110, cost_growth_yoy=0), 2.1384284,
        id="cash-limited",
    ),
    pytest.param(  # the same 10 raised on day 5 (month 0) instead of held as cash: the same answer
        dict(cash_usd=0, monthly_revenue_usd=100, monthly_cost_usd=110, cost_growth_yoy=0, raises=[(day(5), 10)]),
        2.1384284, id="raise-in-month-0",
    ),
    pytest.param(  # raised on day 30 (month 1) it comes after month 0 has run the cash to -10
        dict(cash_usd=0, monthly_revenue_usd=100, monthly_cost_usd=110, cost_growth_yoy=0, raises=[(day(30), 10)]),
        None, id="raise-one-month-late",
    ),
    pytest.param(  # a huge raise before start works as cash that never runs out: as break-even-by-the-last-month
        dict(cash_usd=0, monthly_revenue_usd=100, monthly_cost_usd=200, cost_growth_yoy=0, raises=[(day(-3), 1e12)]),
        0.0723979, id="raise-before-start",
    ),
]


@pytest.mark.parametrize(("inputs", "threshold"), BREAK_EVEN_CASES)
def test_growth_to_break_even_hand_computed(inputs, threshold):
    answer = growth_to_break_even(**inputs, start=START)
    if threshold is None or threshold == -0.99:
        assert answer == threshold
    else:  # the answer is at or above the true threshold, by less than the tolerance
        assert threshold - 1e-7 <= answer <= threshold + 0.001


def test_growth_to_break_even_refuses_bad_input():
    with pytest.raises(ValueError, match=r"^cash_usd must be a finite number >= 0, got -5$"):
        growth_to_break_even(-5, 100, 200, 0, START)
    with pytest.raises(ValueError, match=r"^raises\[0\] amount_usd must be a finite number >= 0, got -1$"):
        growth_to_break_even(0, 100, 200, 0, START, raises=[(START, -1)])


# --- sensitivity ------------------------------------------------------------------------------------------------

def test_sensitivity_hand_computed():
    # cash 1200 at a cost of 100 a month, no revenue: 12 months. Cost +-20% -> 1200/80 = 15, 1200/120 = 10 (5.0);
    # cash +-20% -> 960/100 = 9.6, 1440/100 = 14.4 (4.8); cost growth -10 pp: month i costs 100 * 0.9 ** (i/12),
    # months 0..11 cost 100 * 0.1 / (1 - 0.9 ** (1/12)) = 1143.95, month 12 costs 90: 12 + 56.05 / 90 = 12.6227;
    # +10 pp: months 0..10 cost 1144.92, month 11 costs 100 * 1.1 ** (11/12) = 109.13: 11 + 55.08 / 109.13 = 11.5047
    # (1.1180); revenue and its growth: 0 either way, 12 months both.
    table = sensitivity(1200, 0, 100, 0, 0, START)
    assert tuple(table.columns) == SENSITIVITY_COLUMNS
    expected = pd.DataFrame({
        "input": ["monthly_cost_usd", "cash_usd", "cost_growth_yoy", "monthly_revenue_usd", "revenue_growth_yoy"],
        "label": ["Monthly costs", "Starting cash", "Cost growth per year", "Monthly revenue", "Revenue growth per year"],
        "step": ["±20%", "±20%", "±10 pp", "±20%", "±10 pp"],
        "value_low": [80.0, 960.0, -0.1, 0.0, -0.1],
        "value_high": [120.0, 1440.0, 0.1, 0.0, 0.1],
        "runway_low_case": [15.0, 9.6, 12.6227, 12.0, 12.0],
        "runway_high_case": [10.0, 14.4, 11.5047, 12.0, 12.0],
        "low_capped": [False] * 5,
        "high_capped": [False] * 5,
        "low_text": ["15.0 months", "9.6 months", "12.6 months", "12.0 months", "12.0 months"],
        "high_text": ["10.0 months", "14.4 months", "11.5 months", "12.0 months", "12.0 months"],
        "effect": [5.0, 4.8, 1.1180, 0.0, 0.0],
    })
    pd.testing.assert_frame_equal(table, expected, atol=1e-4)


def test_sensitivity_caps_at_the_horizon():
    # cash 400, revenue = cost = 100, 24 months. Revenue 80 or cost 120 lose 20 a month: 400 / 20 = 20 months;
    # revenue 120 or cost 80 never lose. Cash 320 or 480 with no loss lasts. Revenue growth -10 pp loses
    # 2400 - 100 * sum(0.9 ** (i/12), i < 24) = 226.5 < 400 in 24 months, cost growth +10 pp loses 233.5 < 400:
    # every growth case lasts the horizon.
    table = sensitivity(400, 100, 100, 0, 0, START, horizon_months=24)
    assert table["input"].tolist() == [
        "monthly_revenue_usd", "monthly_cost_usd", "cash_usd", "revenue_growth_yoy", "cost_growth_yoy"]
    assert table["runway_low_case"].tolist() == pytest.approx([20.0, 24.0, 24.0, 24.0, 24.0])
    assert table["runway_high_case"].tolist() == pytest.approx([24.0, 20.0, 24.0, 24.0, 24.0])
    assert table["low_capped"].tolist() == [False, True, True, True, True]
    assert table["high_capped"].tolist() == [True, False, True, True, True]
    assert table["low_text"].tolist() == ["20.0 months"] + ["beyond 24 months"] * 4
    assert table["high_text"].tolist() == ["beyond 24 months", "20.0 months"] + ["beyond 24 months"] * 3
    assert table["effect"].tolist() == pytest.approx([4.0, 4.0, 0.0, 0.0, 0.0])


def test_sensitivity_growth_floor():
    # revenue growth -95%: 10 pp lower would be -105%, so the low case stops at -99%, 4 pp lower
    table = sensitivity(1000, 100, 200, -0.95, 0, START).set_index("input")
    assert table.loc["revenue_growth_yoy", "value_low"] == -0.99
    assert table.loc["revenue_growth_yoy", "value_high"] == pytest.approx(-0.85)
    assert table.loc["revenue_growth_yoy", "step"] == "-4 pp (floor -99% a year), +10 pp"


def test_sensitivity_refuses_bad_input():
    with pytest.raises(ValueError, match=r"^cost_growth_yoy must be a finite fraction > -1.0 \(0.5 = \+50% a year\), got -1$"):
        sensitivity(1000, 100, 200, 0, -1, START)


# --- fan --------------------------------------------------------------------------------------------------------

def test_fan_without_variation_is_the_projection():
    # 1000 at 300 a month: cash 700, 400, 100, -200, ...; runway 10/3 months, 101 days, for every draw
    result = fan(1000, 0, 300, 0, 0, START, horizon_months=6)
    assert tuple(result.paths.columns) == FAN_PATH_COLUMNS
    assert tuple(result.zero_cash.columns) == FAN_ZERO_CASH_COLUMNS
    assert tuple(result.inputs.columns) == FAN_INPUT_COLUMNS
    for column in ("cash_p10", "cash_p50", "cash_p90"):
        assert result.paths[column].tolist() == [700.0, 400.0, 100.0, -200.0, -500.0, -800.0]
    assert result.zero_cash["runway_months"].tolist() == pytest.approx([10 / 3] * 3)
    assert result.zero_cash["zero_cash_date"].tolist() == [day(101)] * 3
    assert result.never_runs_out == 0.0
    assert not result.inputs["varies"].any() and set(result.inputs["intervals"]) == {"fixed"}
    assert (result.draws, result.seed) == (1000, 12)


def test_fan_uniform_cash():
    # cash 1200 x U(0.5, 1.5) = U(600, 1800) at 100 a month: the runway is U(6, 18) months, whose 10th, 50th, 90th
    # percentiles are 7.2, 12, 16.8; month 0 ends with cash - 100: 620, 1100, 1580. With 1,000 draws a sample
    # percentile's standard error is at most 12 * sqrt(0.25 / 1000) = 0.19 months (19 USD): 3 of them, rounded up.
    result = fan(1200, 0, 100, 0, 0, START, relative_intervals={"cash_usd": [(0.5, 1.5)]})
    assert result.zero_cash["runway_months"].tolist() == pytest.approx([7.2, 12.0, 16.8], abs=0.6)
    assert result.paths.loc[0, ["cash_p10", "cash_p50", "cash_p90"]].tolist() == pytest.approx([620, 1100, 1580], abs=60)
    assert result.never_runs_out == 0.0
    cash = result.inputs.set_index("input").loc["cash_usd"]
    assert (cash["value"], cash["low"], cash["high"], cash["intervals"], cash["varies"]) == (
        1200.0, 600.0, 1800.0, "×0.50 to ×1.50", True)


def test_fan_gives_disagreeing_claims_equal_weight():
    # two claims, cash x0.5 or x1.5: 600 runs out after 6.0 months, 1800 lasts the 12-month horizon; each with
    # probability 1/2, so about half the draws never run out (standard error 0.016)
    result = fan(1200, 0, 100, 0, 0, START, horizon_months=12, relative_intervals={"cash_usd": [(0.5, 0.5), (1.5, 1.5)]})
    assert result.never_runs_out == pytest.approx(0.5, abs=0.05)
    assert result.zero_cash.loc[0, "runway_months"] == 6.0
    assert result.zero_cash.loc[0, "zero_cash_date"] == day(182)  # 6 * 30.4375 = 182.6
    assert result.zero_cash.loc[2, "beyond_horizon"] and result.zero_cash.loc[2, "zero_cash_date"] is None
    assert math.isnan(result.zero_cash.loc[2, "runway_months"])
    assert result.paths.loc[0, ["cash_p10", "cash_p90"]].tolist() == [500.0, 1700.0]
    assert result.inputs.set_index("input").loc["cash_usd", "intervals"] == "×0.50 to ×0.50 or ×1.50 to ×1.50"


def test_fan_growth_offsets():
    # cost growth 0 -10 pp or +10 pp: the two runways of test_sensitivity_hand_computed, 12.6227 and 11.5047
    result = fan(1200, 0, 100, 0, 0, START, growth_intervals={"cost_growth_yoy": [(-0.1, -0.1), (0.1, 0.1)]})
    low, _, high = result.zero_cash["runway_months"]
    assert (low, high) == (pytest.approx(11.5047, abs=1e-4), pytest.approx(12.6227, abs=1e-4))
    growth = result.inputs.set_index("input").loc["cost_growth_yoy"]
    assert (growth["low"], growth["high"], growth["intervals"]) == (-0.1, 0.1, "-10 to -10 pp or +10 to +10 pp")


def test_fan_single_point_interval_is_a_fixed_shift():
    # cash x1.2 for every draw: 1440 / 100 = 14.4 months, no spread
    result = fan(1200, 0, 100, 0, 0, START, relative_intervals={"cash_usd": [(1.2, 1.2)]})
    assert result.zero_cash["runway_months"].tolist() == pytest.approx([14.4] * 3)
    cash = result.inputs.set_index("input").loc["cash_usd"]
    assert (cash["low"], cash["high"], cash["varies"]) == (pytest.approx(1440.0), pytest.approx(1440.0), False)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param(dict(relative_intervals={"cash": [(0.9, 1.1)]}),
                     "relative_intervals: unknown input 'cash'; use cash_usd, monthly_revenue_usd, monthly_cost_usd",
                     id="unknown-input"),
        pytest.param(dict(relative_intervals={"cost_growth_yoy": [(0.9, 1.1)]}),
                     "relative_intervals: unknown input 'cost_growth_yoy'; use cash_usd, monthly_revenue_usd, "
                     "monthly_cost_usd", id="growth-given-ratios"),
        pytest.param(dict(growth_intervals={"cash_usd": [(-0.1, 0.1)]}),
                     "growth_intervals: unknown input 'cash_usd'; use revenue_growth_yoy, cost_growth_yoy",
                     id="money-given-offsets"),
        pytest.param(dict(relative_intervals=[(0.9, 1.1)]),
                     "relative_intervals must be a mapping of input name to a list of (low, high) pairs, got "
                     "[(0.9, 1.1)]", id="not-a-mapping"),
        pytest.param(dict(relative_intervals={"cash_usd": []}),
                     "relative_intervals['cash_usd'] must be a non-empty list of (low, high) pairs, got []",
                     id="no-intervals"),
        pytest.param(dict(relative_intervals={"cash_usd": [(0.9, 1.1), (1.1, 0.9)]}),
                     "relative_intervals['cash_usd'][1] must have low <= high, got (1.1, 0.9)", id="reversed"),
        pytest.param(dict(relative_intervals={"cash_usd": [(-0.1, 1.1)]}),
                     "relative_intervals['cash_usd'][0] must have ratios >= 0, got (-0.1, 1.1)", id="negative-ratio"),
        pytest.param(dict(relative_intervals={"cash_usd": [(0.9, float("nan"))]}),
                     "relative_intervals['cash_usd'][0] must be a (low, high) pair of finite numbers, got (0.9, nan)",
                     id="nan-ratio"),
        pytest.param(dict(relative_intervals={"cash_usd": [(0.9,)]}),
                     "relative_intervals['cash_usd'][0] must be a (low, high) pair of finite numbers, got (0.9,)",
                     id="one-number"),
        pytest.param(dict(growth_intervals={"cost_growth_yoy": [(-1.5, 0.1)]}),
                     "growth_intervals['cost_growth_yoy'][0] takes cost_growth_yoy from +0.00 to -1.50; growth must "
                     "stay > -1.0", id="growth-below-minus-100pct"),
        pytest.param(dict(draws=999), "draws must be an integer >= 1000, got 999", id="too-few-draws"),
        pytest.param(dict(seed=-1), "seed must be an integer >= 0, got -1", id="negative-seed"),
        pytest.param(dict(seed=1.5), "seed must be an integer >= 0, got 1.5", id="fractional-seed"),
    ],
)
def test_fan_refuses_bad_intervals(kwargs, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        fan(1200, 0, 100, 0, 0, START, **kwargs)


# --- properties -------------------------------------------------------------------------------------------------

money = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
growth = st.floats(min_value=-0.9, max_value=3.0, allow_nan=False, allow_infinity=False)
horizons = st.integers(min_value=1, max_value=120)
raise_lists = st.lists(st.tuples(st.integers(min_value=-400, max_value=4000).map(day), money), max_size=3)
ratio_pairs = st.tuples(st.floats(0, 2), st.floats(0, 2)).map(sorted).map(tuple)
offset_pairs = st.tuples(st.floats(-0.05, 0.5), st.floats(-0.05, 0.5)).map(sorted).map(tuple)
FAST = settings(max_examples=60, deadline=None)


def alive(cash, rev, cost, g_r, g_c, h, raises):
    return project(cash, rev, cost, g_r, g_c, START, h, raises=raises).default_alive


@FAST
@given(money, money, money, growth, horizons, raise_lists)
def test_growth_to_break_even_is_the_smallest_alive_growth(cash, rev, cost, g_c, h, raises):
    answer = growth_to_break_even(cash, rev, cost, g_c, START, h, raises=raises)
    if answer is None:
        assert not alive(cash, rev, cost, 10.0, g_c, h, raises)
        return
    assert -0.99 <= answer <= 10.0
    assert alive(cash, rev, cost, answer, g_c, h, raises)
    if answer > -0.99:
        assert not alive(cash, rev, cost, answer - 0.001, g_c, h, raises)


@FAST
@given(money, money, money, growth, growth, st.floats(0, 5), horizons, raise_lists)
def test_alive_is_monotone_in_revenue_growth(cash, rev, cost, g_r, g_c, more, h, raises):
    if alive(cash, rev, cost, g_r, g_c, h, raises):
        assert alive(cash, rev, cost, g_r + more, g_c, h, raises)


@FAST
@given(money, money, money, growth, growth, horizons, raise_lists)
def test_sensitivity_rows_are_projections_sorted_by_effect(cash, rev, cost, g_r, g_c, h, raises):
    table = sensitivity(cash, rev, cost, g_r, g_c, START, h, raises=raises)
    assert list(table["effect"]) == sorted(table["effect"], reverse=True)
    base = dict(cash_usd=cash, monthly_revenue_usd=rev, monthly_cost_usd=cost, revenue_growth_yoy=g_r, cost_growth_yoy=g_c)
    for row in table.itertuples():
        for case in ("low", "high"):
            months = project(**{**base, row.input: getattr(row, f"value_{case}")}, start=START, horizon_months=h,
                             raises=raises).runway_months
            assert getattr(row, f"{case}_capped") is (months is None)
            assert getattr(row, f"runway_{case}_case") == (h if months is None else months)


@FAST
@given(money, money, money, growth, growth, horizons, raise_lists,
       st.dictionaries(st.sampled_from(["cash_usd", "monthly_revenue_usd", "monthly_cost_usd"]),
                       st.lists(ratio_pairs, min_size=1, max_size=3)),
       st.dictionaries(st.sampled_from(["revenue_growth_yoy", "cost_growth_yoy"]),
                       st.lists(offset_pairs, min_size=1, max_size=3)))
def test_fan_percentiles_are_ordered(cash, rev, cost, g_r, g_c, h, raises, ratios, offsets):
    result = fan(cash, rev, cost, g_r, g_c, START, h, raises=raises, relative_intervals=ratios, growth_intervals=offsets)
    paths = result.paths
    assert (paths["cash_p10"] <= paths["cash_p50"]).all() and (paths["cash_p50"] <= paths["cash_p90"]).all()
    months = result.zero_cash["runway_months"].fillna(math.inf).tolist()
    assert months == sorted(months)
    assert 0.0 <= result.never_runs_out <= 1.0
    assert result.zero_cash["beyond_horizon"].tolist() == [m == math.inf for m in months]


@FAST
@given(money, money, money, growth, growth, horizons, raise_lists,
       st.lists(st.sampled_from(["cash_usd", "monthly_revenue_usd", "monthly_cost_usd"]), unique=True))
def test_fan_median_is_the_projection_when_nothing_varies(cash, rev, cost, g_r, g_c, h, raises, unit_inputs):
    # inputs listed with the single interval (1.0, 1.0) do not vary, exactly like inputs left out
    result = fan(cash, rev, cost, g_r, g_c, START, h, raises=raises,
                 relative_intervals={name: [(1.0, 1.0)] for name in unit_inputs},
                 growth_intervals={"cost_growth_yoy": [(0.0, 0.0)]})
    p = project(cash, rev, cost, g_r, g_c, START, h, raises=raises)
    np.testing.assert_array_equal(result.paths["cash_p50"], p.frame["cash_end"])
    np.testing.assert_array_equal(result.paths["date"], p.frame["date"])
    runway = result.zero_cash.loc[1, "runway_months"]
    assert (None if math.isnan(runway) else runway) == p.runway_months
    assert result.zero_cash.loc[1, "zero_cash_date"] == p.zero_cash_date
    assert result.never_runs_out == (1.0 if p.runway_months is None else 0.0)


@settings(max_examples=20, deadline=None)
# revenue growth leaves room for the ±10 points below: the fan refuses a spread that takes growth to -100%
@given(money, money, money, st.floats(min_value=-0.89, max_value=3.0), growth, horizons, raise_lists, st.integers(0, 2**32))
def test_fan_is_reproducible_by_seed(cash, rev, cost, g_r, g_c, h, raises, seed):
    args = (cash, rev, cost, g_r, g_c, START, h)
    spread = dict(raises=raises, relative_intervals={"cash_usd": [(0.5, 1.5)], "monthly_cost_usd": [(0.8, 1.0), (1.0, 1.3)]},
                  growth_intervals={"revenue_growth_yoy": [(-0.1, 0.1)]})
    first, again = fan(*args, seed=seed, **spread), fan(*args, seed=seed, **spread)
    pd.testing.assert_frame_equal(first.paths, again.paths)
    pd.testing.assert_frame_equal(first.zero_cash, again.zero_cash)
    assert first.never_runs_out == again.never_runs_out


def test_a_different_seed_draws_a_different_fan():
    spread = dict(relative_intervals={"cash_usd": [(0.5, 1.5)]})
    one, other = fan(1200, 0, 100, 0, 0, START, seed=1, **spread), fan(1200, 0, 100, 0, 0, START, seed=2, **spread)
    assert not one.paths["cash_p50"].equals(other.paths["cash_p50"])
    assert fan(1200, 0, 100, 0, 0, START, **spread).paths.equals(fan(1200, 0, 100, 0, 0, START, seed=12, **spread).paths)


# --- what the mutation run found unpinned -----------------------------------------------------------------------

def test_growth_to_break_even_takes_raises_as_a_generator():
    # as raise-in-month-0: every bisection step must see the raise, not only the first projection
    raises = ((when, amount) for when, amount in [(day(5), 10)])
    answer = growth_to_break_even(0, 100, 110, 0, START, raises=raises)
    assert 2.1384284 - 1e-7 <= answer <= 2.1384284 + 0.001


def test_growth_to_break_even_bisects_to_its_precision():
    # short-horizon: alive exactly when 100 * (1 + g) >= 200, g >= 1.0. Fifteen halvings of [-0.99, 10.0] leave a
    # step of 10.99 / 2 ** 15 = 0.000335 (< 0.001 / 2; fourteen would leave 0.000671): the answer is the first
    # point -0.99 + m * 0.000335 at or above 1.0, m = ceil(1.99 / 0.000335) = 5934, -0.99 + 5934 * 10.99 / 32768
    answer = growth_to_break_even(1e12, 100, 200, 0, START, horizon_months=13)
    assert answer == pytest.approx(1.0001934814453126, abs=1e-12)
    assert 0 <= answer - 1.0 < 0.001


def test_sensitivity_takes_raises_as_a_generator():
    # 600 in cash and 600 raised before start (month 0) at a cost of 100 a month: 12 months, as in
    # test_sensitivity_hand_computed, except cash +-20% moves only the 600 held: 1080 / 100 = 10.8, 1320 / 100 = 13.2
    raises = ((when, amount) for when, amount in [(day(-1), 600)])
    table = sensitivity(600, 0, 100, 0, 0, START, raises=raises)
    assert table["input"].tolist() == [
        "monthly_cost_usd", "cash_usd", "cost_growth_yoy", "monthly_revenue_usd", "revenue_growth_yoy"]
    assert table["runway_low_case"].tolist() == pytest.approx([15.0, 10.8, 12.6227, 12.0, 12.0], abs=1e-4)
    assert table["runway_high_case"].tolist() == pytest.approx([10.0, 13.2, 11.5047, 12.0, 12.0], abs=1e-4)


def test_fan_columns_and_quantiles_are_pinned():
    # cash 1200 x U(0.5, 1.5) from the fixed seed's stream for input 0 (numpy default_rng([12, 0]): one integer
    # draw per draw to pick the interval, then the uniform); sorted, the 100th, 500th and 900th of the 1,000 cash
    # values are 704.5271293977955, 1195.3484627876023 and 1687.3006441794914. The inverted CDF takes exactly those
    # (a linear quantile would give 7.0520, 11.9635, 16.8763 months); at 100 a month the runway is cash / 100, and
    # month 0 ends with cash - 100.
    result = fan(1200, 0, 100, 0, 0, START, horizon_months=24, relative_intervals={"cash_usd": [(0.5, 1.5)]})
    assert result.paths["month"].tolist() == list(range(24)) and result.paths["month"].dtype == np.int64
    assert result.zero_cash["quantile"].tolist() == [0.1, 0.5, 0.9]
    assert result.zero_cash["runway_months"].tolist() == pytest.approx(
        [7.045271293977955, 11.953484627876023, 16.873006441794914], rel=1e-12)
    assert result.zero_cash["zero_cash_date"].tolist() == [day(214), day(363), day(513)]  # x 30.4375, rounded down
    assert result.paths.loc[0, ["cash_p10", "cash_p50", "cash_p90"]].tolist() == pytest.approx(
        [604.5271293977955, 1095.3484627876023, 1587.3006441794914], rel=1e-12)
    assert result.zero_cash["beyond_horizon"].tolist() == [False, False, False]


@pytest.mark.parametrize("call", [
    lambda **kw: project(1000, 0, 300, 0, 0, START, **kw).frame["cash_end"].tolist(),
    lambda **kw: sensitivity(1000, 0, 300, 0, 0, START, **kw)["runway_low_case"].tolist(),
    lambda **kw: fan(1000, 0, 300, 0, 0, START, **kw).paths["cash_p50"].tolist(),
    lambda **kw: growth_to_break_even(0, 100, 200, 0, START, raises=[(START, 1e12)], **kw),
], ids=["project", "sensitivity", "fan", "growth_to_break_even"])
def test_a_whole_float_horizon_is_a_horizon(call):
    assert call(horizon_months=12.0) == call(horizon_months=12)


def test_a_whole_float_horizon_has_its_months():
    # 1000 at 300 a month over 12 months: 700, 400, 100, then 300 less each month down to -2600
    assert project(1000, 0, 300, 0, 0, START, horizon_months=12.0).frame["cash_end"].tolist() == [
        700.0, 400.0, 100.0, -200.0, -500.0, -800.0, -1100.0, -1400.0, -1700.0, -2000.0, -2300.0, -2600.0]


@pytest.mark.parametrize(("kwargs", "message"), [
    pytest.param(dict(growth_intervals={"cost_growth_yoy": [(-1.0, 0.1)]}),
                 "growth_intervals['cost_growth_yoy'][0] takes cost_growth_yoy from +0.00 to -1.00; growth must stay > -1.0",
                 id="cost-offset-to-exactly-minus-100pct"),
    pytest.param(dict(revenue_growth_yoy=0.5, growth_intervals={"revenue_growth_yoy": [(0.0, 0.1), (-1.5, 0.0)]}),
                 "growth_intervals['revenue_growth_yoy'][1] takes revenue_growth_yoy from +0.50 to -1.00; growth must "
                 "stay > -1.0", id="revenue-offset-to-exactly-minus-100pct"),
])
def test_fan_refuses_an_offset_to_exactly_minus_100pct(kwargs, message):
    arguments = dict(cash_usd=1200, monthly_revenue_usd=0, monthly_cost_usd=100, revenue_growth_yoy=0, cost_growth_yoy=0)
    arguments.update({k: v for k, v in kwargs.items() if k in arguments})
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        fan(**arguments, start=START, growth_intervals=kwargs["growth_intervals"])


def test_fan_takes_an_offset_just_above_minus_100pct():
    # cost growth 0 - 0.999 = -99.9% a year is allowed: month i costs 100 * 0.001 ** (i / 12), in all less than
    # 100 / (1 - 0.001 ** (1 / 12)) = 228.5, so 1200 lasts the horizon
    result = fan(1200, 0, 100, 0, 0, START, growth_intervals={"cost_growth_yoy": [(-0.999, -0.999)]})
    assert result.inputs.set_index("input").loc["cost_growth_yoy", "low"] == pytest.approx(-0.999)
    assert result.zero_cash["beyond_horizon"].tolist() == [True, True, True] and result.never_runs_out == 1.0


@pytest.mark.parametrize(("call", "message"), [
    pytest.param(lambda: sensitivity(1000, 100, 200, 0, 0, START, horizon_months=0),
                 "horizon_months must be an integer >= 1, got 0", id="sensitivity-horizon"),
    pytest.param(lambda: sensitivity(1000, 100, 200, 0, 0, "2025-01-01"),
                 "start must be a datetime.date (or datetime / pandas Timestamp), got '2025-01-01'", id="sensitivity-start"),
    pytest.param(lambda: sensitivity(1000, -1, 200, 0, 0, START),
                 "monthly_revenue_usd must be a finite number >= 0, got -1", id="sensitivity-revenue"),
    pytest.param(lambda: growth_to_break_even(1000, 100, 200, -1.0, START),
                 "cost_growth_yoy must be a finite fraction > -1.0 (0.5 = +50% a year), got -1.0", id="break-even-growth"),
    pytest.param(lambda: growth_to_break_even(1000, 100, float("inf"), 0, START),
                 "monthly_cost_usd must be a finite number >= 0, got inf", id="break-even-cost"),
    pytest.param(lambda: fan(1000, 100, 200, 0, 0, START, horizon_months=12.5),
                 "horizon_months must be an integer >= 1, got 12.5", id="fan-horizon"),
    pytest.param(lambda: fan(1000, 100, 200, 0, True, START),
                 "cost_growth_yoy must be a finite fraction > -1.0 (0.5 = +50% a year), got True", id="fan-growth"),
    pytest.param(lambda: fan(1000, 100, 200, 0, 0, START, draws=True),
                 "draws must be an integer >= 1000, got True", id="fan-draws"),
    pytest.param(lambda: fan(1000, 100, 200, 0, 0, START, raises=[(START, -2)]),
                 "raises[0] amount_usd must be a finite number >= 0, got -2", id="fan-raise"),
])
def test_analysis_errors_name_the_parameter(call, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        call()


def test_sensitivity_runs_over_the_default_horizon_of_120_months():
    # revenue equals cost and the cash is never touched: every case lasts the 120 months
    table = sensitivity(1e6, 100, 100, 0, 0, START)
    assert set(table.loc[table["input"] != "monthly_cost_usd", "high_text"]) == {"beyond 120 months"}
    assert table.set_index("input").loc["cash_usd", ["runway_low_case", "runway_high_case"]].tolist() == [120.0, 120.0]


def test_sensitivity_floor_text_rounds_the_points():
    # -93.55% a year: the low case stops at -99%, 5.45 points lower, shown as 5
    table = sensitivity(1000, 100, 200, -0.9355, 0, START).set_index("input")
    assert table.loc["revenue_growth_yoy", "step"] == "-5 pp (floor -99% a year), +10 pp"


@pytest.mark.parametrize("pairs", [{(0.9, 1.1)}, "0.9-1.1"], ids=["a-set", "a-string"])
def test_fan_wants_a_list_of_intervals(pairs):
    message = f"relative_intervals['cash_usd'] must be a non-empty list of (low, high) pairs, got {pairs!r}"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        fan(1200, 0, 100, 0, 0, START, relative_intervals={"cash_usd": pairs})
