"""Tests for lib.runway: hand-computed cases, the frame, input errors, and properties of the model."""
from __future__ import annotations

import dataclasses
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

from lib.runway import FRAME_COLUMNS, Projection, project  # noqa: E402

START = dt.date(2025, 1, 1)
ANY = object()  # "some finite float / some date": the value is not hand-computed, only that it exists
STEP = 2 ** (1 / 12)  # monthly factor of revenue that doubles every year
# Revenue 100 doubling yearly against a flat cost 200: revenue reaches 200 at month 12, and the months before it
# lose 2400 - 100 * (1 + STEP + ... + STEP**11) = 2400 - 100 / (STEP - 1) ~= 718.28 in all.
LOSS_BEFORE_BREAKEVEN = 2400 - 100 / (STEP - 1)

CASES = [
    pytest.param(
        dict(cash_usd=100, monthly_revenue_usd=200, monthly_cost_usd=100, revenue_growth_yoy=0, cost_growth_yoy=0),
        dict(runway=None, zero=None, breakeven=START, alive=True, capital=0.0),
        id="already-profitable",
    ),
    pytest.param(
        dict(cash_usd=0, monthly_revenue_usd=0, monthly_cost_usd=100, revenue_growth_yoy=0, cost_growth_yoy=0),
        dict(runway=0.0, zero=START, breakeven=None, alive=False, capital=None),
        id="zero-cash-and-losing",
    ),
    pytest.param(  # loses 200 a month: cash is exactly 0 after month 4, crosses zero at the very start of month 5
        dict(cash_usd=1000, monthly_revenue_usd=100, monthly_cost_usd=300, revenue_growth_yoy=0, cost_growth_yoy=0),
        dict(runway=5.0, zero=START + dt.timedelta(days=152), breakeven=None, alive=False, capital=None),
        id="never-breaks-even",
    ),
    pytest.param(  # 1000 / 300 = 3.333 months; 3.333 * 30.4375 = 101.46 -> 101 days
        dict(cash_usd=1000, monthly_revenue_usd=0, monthly_cost_usd=300, revenue_growth_yoy=0, cost_growth_yoy=0),
        dict(runway=10 / 3, zero=START + dt.timedelta(days=101), breakeven=None, alive=False, capital=None),
        id="exact-no-growth",
    ),
    pytest.param(  # profitable at month 0, revenue then falls 90% a year; 1e6 covers the later losses of <= 100/month
        dict(cash_usd=1e6, monthly_revenue_usd=500, monthly_cost_usd=100, revenue_growth_yoy=-0.9, cost_growth_yoy=0),
        dict(runway=None, zero=None, breakeven=START, alive=True, capital=0.0),
        id="revenue-collapse-cash-lasts",
    ),
    pytest.param(  # alive by the first-break-even rule, yet the runway is finite once revenue has collapsed
        dict(cash_usd=0, monthly_revenue_usd=200, monthly_cost_usd=100, revenue_growth_yoy=-0.9, cost_growth_yoy=0),
        dict(runway=ANY, zero=ANY, breakeven=START, alive=True, capital=0.0),
        id="revenue-collapse-cash-runs-out",
    ),
    pytest.param(  # 1e12 against at most ~1.6e9 of cost over 10 years: never runs out, but never profitable either
        dict(cash_usd=1e12, monthly_revenue_usd=0, monthly_cost_usd=1e6, revenue_growth_yoy=0, cost_growth_yoy=0.5),
        dict(runway=None, zero=None, breakeven=None, alive=False, capital=None),
        id="huge-cash-never-profitable",
    ),
    pytest.param(  # loses ~718.28 before month 12 (365 days in), with 1000 in the bank
        dict(cash_usd=1000, monthly_revenue_usd=100, monthly_cost_usd=200, revenue_growth_yoy=1.0, cost_growth_yoy=0),
        dict(runway=None, zero=None, breakeven=START + dt.timedelta(days=365), alive=True, capital=0.0),
        id="breaks-even-before-running-out",
    ),
    pytest.param(  # with 500: after months 0..4 cash is 63.11, month 5 loses 200 - 100*STEP**5 = 66.52 -> 5.9487;
        # 5.9487 * 30.4375 = 181.07 -> 181 days; the deepest balance, after month 11, is 500 - 718.28
        dict(cash_usd=500, monthly_revenue_usd=100, monthly_cost_usd=200, revenue_growth_yoy=1.0, cost_growth_yoy=0),
        dict(
            runway=pytest.approx(5.9487, abs=1e-4),
            zero=START + dt.timedelta(days=181),
            breakeven=START + dt.timedelta(days=365),
            alive=False,
            capital=pytest.approx(LOSS_BEFORE_BREAKEVEN - 500),
        ),
        id="breaks-even-after-running-out",
    ),
]


@pytest.mark.parametrize(("inputs", "expected"), CASES)
def test_hand_computed_cases(inputs, expected):
    p = project(**inputs, start=START)
    assert isinstance(p, Projection)
    if expected["runway"] is ANY:
        assert isinstance(p.runway_months, float) and math.isfinite(p.runway_months)
        assert isinstance(p.zero_cash_date, dt.date)
    else:
        assert p.runway_months == (expected["runway"] if expected["runway"] is None else pytest.approx(expected["runway"]))
        assert p.zero_cash_date == expected["zero"]
    assert p.breakeven_date == expected["breakeven"]
    assert p.default_alive is expected["alive"]
    assert p.capital_needed_usd == expected["capital"]


def test_frame_first_rows():
    p = project(1000, 100, 300, 0.2, 0.0, dt.date(2025, 1, 31), horizon_months=24)
    revenue = [100.0, 100 * 1.2 ** (1 / 12), 100 * 1.2 ** (2 / 12)]
    net = [r - 300 for r in revenue]
    cash_end = [1000 + net[0], 1000 + net[0] + net[1], 1000 + net[0] + net[1] + net[2]]
    expected = pd.DataFrame(
        {
            "month": np.array([0, 1, 2], dtype=np.int64),
            # start + floor(i * 30.4375) days: +0, +30, +60
            "date": pd.to_datetime(["2025-01-31", "2025-03-02", "2025-04-01"]).astype("datetime64[us]"),
            "revenue": revenue,
            "cost": [300.0, 300.0, 300.0],
            "net": net,
            "raised": [0.0, 0.0, 0.0],
            "cash_start": [1000.0, cash_end[0], cash_end[1]],
            "cash_end": cash_end,
        }
    )
    pd.testing.assert_frame_equal(p.frame.head(3), expected)
    assert tuple(p.frame.columns) == FRAME_COLUMNS
    assert len(p.frame) == 24


def test_dates_share_one_time_axis():
    p = project(1000, 0, 300, 0, 0, START)
    assert p.frame["date"].iloc[12] == pd.Timestamp(START + dt.timedelta(days=365))  # 12 months = 365.25 days
    month = math.floor(p.runway_months)
    assert p.frame["date"].iloc[month].date() <= p.zero_cash_date < p.frame["date"].iloc[month + 1].date()


@pytest.mark.parametrize(
    "start",
    [dt.datetime(2025, 1, 1, 15, 30), pd.Timestamp("2025-01-01 23:59")],
    ids=["datetime", "timestamp"],
)
def test_start_accepts_datetime_and_timestamp(start):
    p = project(0, 0, 100, 0, 0, start)
    assert type(p.zero_cash_date) is dt.date and p.zero_cash_date == START
    assert p.frame["date"].iloc[0] == pd.Timestamp(START)


def test_projection_is_frozen():
    p = project(0, 0, 100, 0, 0, START)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.runway_months = 3.0  # type: ignore[misc]


GOOD = dict(cash_usd=1000, monthly_revenue_usd=100, monthly_cost_usd=300, revenue_growth_yoy=0.1, cost_growth_yoy=0.1)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        pytest.param("cash_usd", -5, id="negative-cash"),
        pytest.param("monthly_revenue_usd", float("nan"), id="nan-revenue"),
        pytest.param("monthly_cost_usd", float("inf"), id="inf-cost"),
        pytest.param("monthly_cost_usd", -0.01, id="negative-cost"),
        pytest.param("revenue_growth_yoy", -1.0, id="growth-minus-100pct"),
        pytest.param("cost_growth_yoy", -1.5, id="growth-minus-150pct"),
        pytest.param("cost_growth_yoy", float("nan"), id="nan-growth"),
        pytest.param("horizon_months", 0, id="horizon-0"),
        pytest.param("horizon_months", 12.5, id="horizon-non-integer"),
        pytest.param("horizon_months", True, id="bool-horizon"),
        pytest.param("cash_usd", True, id="bool-cash"),
        pytest.param("revenue_growth_yoy", False, id="bool-growth"),
        pytest.param("cash_usd", "1000", id="string-cash"),
        pytest.param("start", "2025-01-01", id="string-start"),
        pytest.param("horizon_months", 10**7, id="horizon-past-year-9999"),
    ],
)
def test_bad_input_raises_naming_the_parameter(name, value):
    kwargs = dict(GOOD, start=START, horizon_months=120)
    kwargs[name] = value
    with pytest.raises(ValueError, match=name):
        project(**kwargs)


def test_error_message_format():
    with pytest.raises(ValueError, match=r"^cash_usd must be a finite number >= 0, got -5$"):
        project(-5, 0, 0, 0, 0, START)


# --- properties -------------------------------------------------------------------------------------------------

money = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
growth = st.floats(min_value=-0.99, max_value=5.0, allow_nan=False, allow_infinity=False)
horizons = st.integers(min_value=1, max_value=240)
FAST = settings(max_examples=100, deadline=None)


def _first_profitable(frame: pd.DataFrame) -> int | None:
    hits = np.flatnonzero(frame["revenue"].to_numpy() >= frame["cost"].to_numpy())
    return int(hits[0]) if hits.size else None


@FAST
@given(money, money, money, growth, growth, horizons)
def test_cash_never_rises_in_a_losing_month(cash, rev, cost, g_r, g_c, h):
    f = project(cash, rev, cost, g_r, g_c, START, h).frame
    losing = f["cost"] > f["revenue"]
    assert (f.loc[losing, "cash_end"] <= f.loc[losing, "cash_start"]).all()


@FAST
@given(money, money, money, money, growth, growth, horizons)
def test_more_cash_never_shortens_the_runway(cash, extra, rev, cost, g_r, g_c, h):
    def runway(c):
        r = project(c, rev, cost, g_r, g_c, START, h).runway_months
        return math.inf if r is None else r

    assert runway(cash) <= runway(cash + extra)


@FAST
@given(money, money, money, growth, growth, horizons)
def test_capital_needed_is_enough_to_reach_breakeven(cash, rev, cost, g_r, g_c, h):
    p = project(cash, rev, cost, g_r, g_c, START, h)
    if p.capital_needed_usd is None or p.capital_needed_usd <= 0:
        return
    funded = project(cash + p.capital_needed_usd, rev, cost, g_r, g_c, START, h).frame
    k = _first_profitable(funded)
    assert k is not None and funded["date"].iloc[k].date() == p.breakeven_date
    scale = cash + p.capital_needed_usd + funded["net"].abs().sum()
    assert funded["cash_end"].iloc[:k].min() >= -1e-9 * scale


def _reference(cash, revenue, cost):
    """The cash logic written as a plain loop over given revenue and cost: (runway, breakeven month, alive, capital).

    It sums the monthly nets in the same order as the module (cash + running total), so results agree exactly.
    """
    runway = breakeven = None
    lowest = math.inf
    total = 0.0
    for i, (r, c) in enumerate(zip(revenue, cost)):
        if breakeven is None and r >= c:
            breakeven = i
        before = cash + total
        total += r - c
        end = cash + total
        if runway is None and end < 0:
            runway = i + min(1.0, before / (c - r))
        if breakeven is None:
            lowest = min(lowest, end)
    alive = breakeven is not None and (runway is None or breakeven < runway)
    capital = 0.0 if alive else (None if breakeven is None else max(0.0, -lowest))
    return runway, breakeven, alive, capital


@FAST
@given(money, money, money, growth, growth, horizons)
def test_matches_a_plain_loop(cash, rev, cost, g_r, g_c, h):
    p = project(cash, rev, cost, g_r, g_c, START, h)
    f = p.frame
    np.testing.assert_allclose(f["revenue"], [rev * (1 + g_r) ** (i / 12) for i in range(h)], rtol=1e-12)
    np.testing.assert_allclose(f["cost"], [cost * (1 + g_c) ** (i / 12) for i in range(h)], rtol=1e-12)
    runway, breakeven, alive, capital = _reference(cash, f["revenue"].tolist(), f["cost"].tolist())
    assert p.runway_months == (None if runway is None else pytest.approx(runway, rel=1e-12))
    expected_date = None if breakeven is None else START + dt.timedelta(days=math.floor(breakeven * 30.4375))
    assert p.breakeven_date == expected_date
    assert p.default_alive is alive
    assert p.capital_needed_usd == (None if capital is None else pytest.approx(capital, rel=1e-12))


# --- funding raises ---------------------------------------------------------------------------------------------
# Month i spans [START + floor(i * 30.4375), START + floor((i + 1) * 30.4375)) days: month 1 is days 30..59,
# month 3 is days 91..120, month 11 is days 334..364, month 12 starts on day 365.


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


RAISE_CASES = [
    pytest.param(  # loses 300 a month. Cash after months 0..4: 700, 700+600-300 = 1000, 700, 400, 100; month 5
        # starts with 100 and ends at -200: runway 5 + 100/300 = 5.3333; 5.3333 * 30.4375 = 162.33 -> 162 days
        dict(cash_usd=1000, monthly_revenue_usd=0, monthly_cost_usd=300, raises=[(day(40), 600)]),
        dict(runway=5 + 1 / 3, zero=day(162), breakeven=None, alive=False, capital=None),
        id="raise-in-month-1",
    ),
    pytest.param(  # dated before start: counts in month 0, so 1300 / 300 = 4.3333 months; * 30.4375 = 131.9 -> 131
        dict(cash_usd=1000, monthly_revenue_usd=0, monthly_cost_usd=300, raises=[(day(-1), 300)]),
        dict(runway=4 + 1 / 3, zero=day(131), breakeven=None, alive=False, capital=None),
        id="raise-before-start",
    ),
    pytest.param(  # month 0 starts with 100 + 50 and loses 300: runway 150 / 300 = 0.5; 0.5 * 30.4375 = 15.2 -> 15
        dict(cash_usd=100, monthly_revenue_usd=0, monthly_cost_usd=300, raises=[(START, 50)]),
        dict(runway=0.5, zero=day(15), breakeven=None, alive=False, capital=None),
        id="fraction-counts-the-raise",
    ),
    pytest.param(  # both on days 31 and 59, in month 1: 300 -> 0 after month 0; month 1 starts with 450, ends at
        # 150; month 2 ends at -150: runway 2 + 150/300 = 2.5; 2.5 * 30.4375 = 76.09 -> 76 days
        dict(cash_usd=300, monthly_revenue_usd=0, monthly_cost_usd=300, raises=[(day(31), 200), (day(59), 250)]),
        dict(runway=2.5, zero=day(76), breakeven=None, alive=False, capital=None),
        id="two-raises-in-one-month-add-up",
    ),
    pytest.param(  # 0 cash loses 300 in month 0: the runway ends there, whatever is raised later
        dict(cash_usd=0, monthly_revenue_usd=0, monthly_cost_usd=300, raises=[(day(60), 10_000)]),
        dict(runway=0.0, zero=START, breakeven=None, alive=False, capital=None),
        id="raise-after-running-out",
    ),
    pytest.param(  # 12-month horizon, 3300 at 300 a month: month 11 starts with 0 (runway 11.0, day 334);
        # 600 on day 364 falls in month 11, which then ends at +300: the cash lasts
        dict(cash_usd=3300, monthly_revenue_usd=0, monthly_cost_usd=300, horizon_months=12, raises=[(day(364), 600)]),
        dict(runway=None, zero=None, breakeven=None, alive=False, capital=None),
        id="raise-on-the-last-day-of-the-horizon",
    ),
    pytest.param(  # as above, 600 on day 365: month 12, past the horizon, ignored: runway 11.0 -> 11 * 30.4375 = 334.8
        dict(cash_usd=3300, monthly_revenue_usd=0, monthly_cost_usd=300, horizon_months=12, raises=[(day(365), 600)]),
        dict(runway=11.0, zero=day(334), breakeven=None, alive=False, capital=None),
        id="raise-after-the-horizon",
    ),
    pytest.param(  # revenue 100 doubling yearly vs cost 200: months 0..11 lose 718.28 in all (LOSS_BEFORE_BREAKEVEN);
        # 500 + 300 on day 100 (month 3) covers it, the lowest cash being 800 - 718.28 = 81.72 after month 11
        dict(cash_usd=500, monthly_revenue_usd=100, monthly_cost_usd=200, revenue_growth_yoy=1.0,
             raises=[(day(100), 300)]),
        dict(runway=None, zero=None, breakeven=day(365), alive=True, capital=0.0),
        id="raise-makes-default-alive",
    ),
    pytest.param(  # as above with 100 raised: cash after months 0..6 is 600 - 100 - 94.05 - 87.75 - 81.08 - 74.01
        # - 66.52 - 58.58 = 38.01; month 7 loses 200 - 100 * 2 ** (7/12) = 50.17: runway 7 + 38.01/50.17 = 7.7576;
        # 7.7576 * 30.4375 = 236.1 -> 236 days; capital needed 718.28 - 600 = 118.28
        dict(cash_usd=500, monthly_revenue_usd=100, monthly_cost_usd=200, revenue_growth_yoy=1.0,
             raises=[(day(100), 100)]),
        dict(runway=pytest.approx(7.7576, abs=1e-4), zero=day(236), breakeven=day(365), alive=False,
             capital=pytest.approx(LOSS_BEFORE_BREAKEVEN - 600)),
        id="raise-too-small-for-default-alive",
    ),
]


@pytest.mark.parametrize(("inputs", "expected"), RAISE_CASES)
def test_hand_computed_raises(inputs, expected):
    p = project(**dict(dict(revenue_growth_yoy=0, cost_growth_yoy=0), **inputs), start=START)
    assert p.runway_months == (expected["runway"] if expected["runway"] is None else pytest.approx(expected["runway"]))
    assert p.zero_cash_date == expected["zero"]
    assert p.breakeven_date == expected["breakeven"]
    assert p.default_alive is expected["alive"]
    assert p.capital_needed_usd == expected["capital"]


def test_frame_records_raises():
    # 5 before start -> month 0; 600 on day 40 and 50 on day 45 -> month 1; losing 300 a month:
    # cash_start 1000 + 5 = 1005 -> 705; 705 + 650 = 1355 -> 1055; 1055 -> 755
    raises = [(day(40), 600), (day(45), 50), (day(-10), 5)]
    p = project(1000, 0, 300, 0, 0, START, horizon_months=3, raises=raises)
    expected = pd.DataFrame(
        {
            "month": np.array([0, 1, 2], dtype=np.int64),
            "date": pd.to_datetime(["2025-01-01", "2025-01-31", "2025-03-02"]).astype("datetime64[us]"),
            "revenue": [0.0, 0.0, 0.0],
            "cost": [300.0, 300.0, 300.0],
            "net": [-300.0, -300.0, -300.0],
            "raised": [5.0, 650.0, 0.0],
            "cash_start": [1005.0, 1355.0, 1055.0],
            "cash_end": [705.0, 1055.0, 755.0],
        }
    )
    pd.testing.assert_frame_equal(p.frame, expected)


def test_raise_dates_may_be_datetimes_and_raises_a_generator():
    # 23:59 on day 29 is still day 29 (month 0): the cash is 1300, as with the raise before start
    p = project(1000, 0, 300, 0, 0, START, raises=((when, 300) for when in [dt.datetime(2025, 1, 30, 23, 59)]))
    assert p.frame["raised"].iloc[0] == 300.0 and p.runway_months == pytest.approx(4 + 1 / 3)


@pytest.mark.parametrize(
    ("raises", "message"),
    [
        pytest.param([("2025-06-01", 100)], "raises[0] date must be a datetime.date (or datetime / pandas Timestamp), "
                     "got '2025-06-01'", id="string-date"),
        pytest.param([(pd.NaT, 100)], "raises[0] date must be a datetime.date (or datetime / pandas Timestamp), got NaT",
                     id="nat-date"),
        pytest.param([(START, 100), (START, -5)], "raises[1] amount_usd must be a finite number >= 0, got -5",
                     id="negative-amount"),
        pytest.param([(START, float("nan"))], "raises[0] amount_usd must be a finite number >= 0, got nan",
                     id="nan-amount"),
        pytest.param([(START, float("inf"))], "raises[0] amount_usd must be a finite number >= 0, got inf",
                     id="inf-amount"),
        pytest.param([(START, True)], "raises[0] amount_usd must be a finite number >= 0, got True", id="bool-amount"),
        pytest.param([(START, "100")], "raises[0] amount_usd must be a finite number >= 0, got '100'",
                     id="string-amount"),
        pytest.param([(START, 10**400)], f"raises[0] amount_usd must be a finite number >= 0, got {10**400}",
                     id="int-too-large-for-a-float"),
        pytest.param([(START, 100, "seed")], "raises[0] must be a (date, amount_usd) pair, got "
                     "(datetime.date(2025, 1, 1), 100, 'seed')", id="triple"),
        pytest.param([START], "raises[0] must be a (date, amount_usd) pair, got datetime.date(2025, 1, 1)",
                     id="bare-date"),
        pytest.param(5, "raises must be an iterable of (date, amount_usd) pairs, got 5", id="not-iterable"),
        pytest.param([(START, 1e308), (day(3), 1e308)], "raises: the raises in month 0 add up past the float range",
                     id="overflowing-month"),
    ],
)
def test_bad_raise_raises_naming_it(raises, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        project(1000, 0, 300, 0, 0, START, raises=raises)


def test_int_too_large_for_a_float_is_a_value_error():
    message = f"cash_usd must be a finite number >= 0, got {10**400}"  # float(10**400) is an OverflowError
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        project(10**400, 0, 0, 0, 0, START)


day_offsets = st.integers(min_value=-400, max_value=8000)
raise_lists = st.lists(st.tuples(day_offsets.map(day), money), max_size=4)


def _month_of(when: dt.date, horizon: int) -> int | None:
    """The month containing a date, found by walking the months one by one (None past the horizon)."""
    for i in range(horizon):
        if when < START + dt.timedelta(days=math.floor((i + 1) * 30.4375)):
            return i
    return None


@FAST
@given(money, money, money, growth, growth, horizons, raise_lists)
def test_a_raise_never_shortens_the_runway_nor_loses_default_alive(cash, rev, cost, g_r, g_c, h, raises):
    without = project(cash, rev, cost, g_r, g_c, START, h)
    with_raises = project(cash, rev, cost, g_r, g_c, START, h, raises=raises)

    def runway(p):
        return math.inf if p.runway_months is None else p.runway_months

    assert runway(without) <= runway(with_raises)
    assert with_raises.default_alive >= without.default_alive


@FAST
@given(money, money, money, growth, growth, horizons, raise_lists)
def test_raises_match_a_plain_loop(cash, rev, cost, g_r, g_c, h, raises):
    p = project(cash, rev, cost, g_r, g_c, START, h, raises=raises)
    raised = [0.0] * h
    for when, amount in raises:
        month = _month_of(when, h)
        if month is not None:
            raised[month] += amount
    assert p.frame["raised"].tolist() == raised
    revenue, costs = p.frame["revenue"].tolist(), p.frame["cost"].tolist()
    runway = breakeven = None
    lowest, total = math.inf, 0.0
    for i, (r, c) in enumerate(zip(revenue, costs)):
        if breakeven is None and r >= c:
            breakeven = i
        before = cash + total + raised[i]
        total += (r - c) + raised[i]
        end = cash + total
        if runway is None and end < 0:
            runway = i + min(1.0, max(0.0, before / (c - r)))
        if breakeven is None:
            lowest = min(lowest, end)
    alive = breakeven is not None and (runway is None or breakeven < runway)
    capital = 0.0 if alive else (None if breakeven is None else max(0.0, -lowest))
    assert p.runway_months == (None if runway is None else pytest.approx(runway, rel=1e-9, abs=1e-9))
    assert p.default_alive is alive
    assert p.capital_needed_usd == (None if capital is None else pytest.approx(capital, rel=1e-9, abs=1e-6))


@FAST
@given(money, money, money, growth, growth, horizons, raise_lists)
def test_capital_needed_with_raises_is_enough(cash, rev, cost, g_r, g_c, h, raises):
    p = project(cash, rev, cost, g_r, g_c, START, h, raises=raises)
    if p.capital_needed_usd is None or p.capital_needed_usd <= 0:
        return
    funded = project(cash + p.capital_needed_usd, rev, cost, g_r, g_c, START, h, raises=raises).frame
    k = _first_profitable(funded)
    scale = cash + p.capital_needed_usd + funded["net"].abs().sum() + funded["raised"].sum()
    assert funded["cash_end"].iloc[:k].min() >= -1e-9 * scale


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        pytest.param("cash_usd", -5, "cash_usd must be a finite number >= 0, got -5", id="cash"),
        pytest.param("monthly_revenue_usd", float("nan"), "monthly_revenue_usd must be a finite number >= 0, got nan",
                     id="revenue"),
        pytest.param("monthly_cost_usd", "300", "monthly_cost_usd must be a finite number >= 0, got '300'", id="cost"),
        pytest.param("revenue_growth_yoy", -1.0,
                     "revenue_growth_yoy must be a finite fraction > -1.0 (0.5 = +50% a year), got -1.0", id="revenue-growth"),
        pytest.param("cost_growth_yoy", float("inf"),
                     "cost_growth_yoy must be a finite fraction > -1.0 (0.5 = +50% a year), got inf", id="cost-growth"),
        pytest.param("horizon_months", 12.5, "horizon_months must be an integer >= 1, got 12.5", id="horizon"),
        pytest.param("horizon_months", 0.0, "horizon_months must be an integer >= 1, got 0.0", id="horizon-zero-float"),
        pytest.param("horizon_months", 10**7, "horizon_months=10000000 runs past the year 9999 from start 2025-01-01",
                     id="horizon-past-9999"),
        pytest.param("start", None, "start must be a datetime.date (or datetime / pandas Timestamp), got None", id="start"),
        pytest.param("start", pd.NaT, "start must be a datetime.date (or datetime / pandas Timestamp), got NaT", id="start-nat"),
    ],
)
def test_error_messages_name_the_parameter_exactly(name, value, message):
    kwargs = dict(GOOD, start=START, horizon_months=120)
    kwargs[name] = value
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        project(**kwargs)


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        pytest.param(dict(monthly_revenue_usd=1e300, revenue_growth_yoy=1e10),
                     "revenue_growth_yoy: the projection overflows the float range; use smaller inputs", id="revenue"),
        pytest.param(dict(monthly_cost_usd=1e300, cost_growth_yoy=1e10),
                     "cost_growth_yoy: the projection overflows the float range; use smaller inputs", id="cost"),
        pytest.param(dict(cash_usd=1.7e308, monthly_revenue_usd=1.7e308),
                     "cash_usd: the projection overflows the float range; use smaller inputs", id="cash"),
    ],
)
def test_an_overflow_names_the_input(inputs, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        project(**dict(dict(cash_usd=0, monthly_revenue_usd=0, monthly_cost_usd=0, revenue_growth_yoy=0,
                            cost_growth_yoy=0), **inputs), start=START)


def test_a_whole_float_horizon_of_twelve_is_twelve_months():
    p = project(1000, 0, 300, 0, 0, START, horizon_months=12.0)
    assert p.frame["month"].tolist() == list(range(12)) and p.runway_months == pytest.approx(10 / 3)


def test_a_horizon_past_the_year_9999_is_refused_from_a_late_start():
    # 1,000 years from 9000 end past 9999 (though 1,000 years before 9000 would not)
    message = "horizon_months=12000 runs past the year 9999 from start 9000-01-01"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        project(1000, 0, 300, 0, 0, dt.date(9000, 1, 1), horizon_months=12000)
