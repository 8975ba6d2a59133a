"""Runway: a month-by-month cash projection from cash, revenue, cost and their yearly growth rates.

The model, exactly (a page reruns it on every slider move, so it is vectorised with numpy, no Python loop):

* month ``i`` (0 .. horizon-1) has revenue ``R0 * (1 + g_r) ** (i / 12)`` and cost ``C0 * (1 + g_c) ** (i / 12)``;
* cash after month ``i`` is cash before it plus that month's revenue minus its cost;
* a month is ``MONTH_DAYS`` = 30.4375 days (365.25 / 12), so month ``i`` starts on
  ``start + floor(i * 30.4375)`` days. Fixed-length months (rather than calendar months) keep the frame's dates,
  ``breakeven_date`` and ``zero_cash_date`` on one time axis: ``zero_cash_date`` always falls inside the row of
  the month in which the cash runs out. Every 12 months is 365.25 days, so month 12 is ``start`` + 365 days.
"""
from __future__ import annotations

import datetime as dt
import math
import numbers
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

MONTH_DAYS = 30.4375  # 365.25 / 12, exact in binary floating point

FRAME_COLUMNS = ("month", "date", "revenue", "cost", "net", "cash_start", "cash_end")


@dataclass(frozen=True)
class Projection:
    """The result of :func:`project`.

    ``runway_months`` is None when the cash lasts the whole horizon. ``default_alive`` is True exactly when
    break-even comes (within the horizon) in a month before the one in which the cash runs out, or the cash never
    runs out; so it is True when the company is already profitable at month 0, and False when break-even never
    comes within the horizon, even if the cash lasts. Break-even is the *first* month with revenue >= cost: when
    cost grows faster than revenue, profit can be lost again later, and ``runway_months`` still reports when the
    cash then runs out. ``capital_needed_usd`` is 0 when alive, None when break-even never comes, and otherwise
    the deepest cash shortfall over the months before break-even. ``frame`` has one row a month with columns
    month (int), date (datetime64 month start), revenue, cost, net, cash_start, cash_end (floats, USD).
    """

    runway_months: float | None
    zero_cash_date: dt.date | None
    breakeven_date: dt.date | None
    default_alive: bool
    capital_needed_usd: float | None
    frame: pd.DataFrame = field(compare=False, repr=False)


def _number(name: str, value: object) -> float:
    """A finite real number as a float; booleans, strings, NaN and infinities are refused."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return x


def _money(name: str, value: object) -> float:
    """A finite amount of USD that is >= 0."""
    try:
        x = _number(name, value)
    except ValueError:
        x = -1.0
    if x < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return x


def _growth(name: str, value: object) -> float:
    """A yearly growth rate as a fraction, > -1.0 (a fall of 100% or more a year has no meaning here)."""
    try:
        x = _number(name, value)
    except ValueError:
        x = -1.0
    if x <= -1.0:
        raise ValueError(f"{name} must be a finite fraction > -1.0 (0.5 = +50% a year), got {value!r}")
    return x


def _horizon(value: object) -> int:
    """A whole number of months >= 1 (an integral float such as 12.0 is accepted)."""
    ok = not isinstance(value, (bool, np.bool_)) and (
        isinstance(value, numbers.Integral)
        or (isinstance(value, numbers.Real) and math.isfinite(float(value)) and float(value).is_integer())
    )
    if not ok or int(value) < 1:
        raise ValueError(f"horizon_months must be an integer >= 1, got {value!r}")
    return int(value)


def _start(value: object) -> dt.date:
    """A date; a datetime or pandas Timestamp is cut to its date."""
    if value is pd.NaT or not isinstance(value, dt.date):
        raise ValueError(f"start must be a datetime.date (or datetime / pandas Timestamp), got {value!r}")
    return value.date() if isinstance(value, dt.datetime) else value


def _days(months: float) -> dt.timedelta:
    """The whole days in a (fractional) number of fixed-length months, rounded down."""
    return dt.timedelta(days=math.floor(months * MONTH_DAYS))


def project(
    cash_usd: float,
    monthly_revenue_usd: float,
    monthly_cost_usd: float,
    revenue_growth_yoy: float,
    cost_growth_yoy: float,
    start: dt.date,
    horizon_months: int = 120,
) -> Projection:
    """Project cash month by month from ``start`` over ``horizon_months`` months (see the module docstring).

    Runway is the fractional month at which cash crosses zero, linear within that month: if month ``i`` starts
    with ``cash_start >= 0`` and ends below zero, runway = ``i + cash_start / (cost_i - revenue_i)`` (0.0 when
    starting with no cash and losing money in month 0). ``zero_cash_date`` is ``start + runway * 30.4375`` days,
    rounded down to a date; ``breakeven_date`` is the start date of the first month with revenue >= cost.

    Raises ValueError, naming the parameter, for negative or non-finite money, booleans, growth <= -1.0,
    a horizon that is not a whole number >= 1, a start that is not a date, or a projection that overflows.
    """
    cash = _money("cash_usd", cash_usd)
    r0 = _money("monthly_revenue_usd", monthly_revenue_usd)
    c0 = _money("monthly_cost_usd", monthly_cost_usd)
    g_r = _growth("revenue_growth_yoy", revenue_growth_yoy)
    g_c = _growth("cost_growth_yoy", cost_growth_yoy)
    start_date = _start(start)
    h = _horizon(horizon_months)
    try:  # the last date this can report is the end of the horizon; Python dates stop at year 9999
        start_date + _days(h)
    except OverflowError:
        raise ValueError(f"horizon_months={h} runs past the year 9999 from start {start_date}") from None

    months = np.arange(h, dtype=np.int64)
    years = months / 12.0
    with np.errstate(over="ignore", invalid="ignore"):
        revenue = r0 * np.power(1.0 + g_r, years)
        cost = c0 * np.power(1.0 + g_c, years)
        net = revenue - cost
        cash_end = cash + np.cumsum(net)
    for name, values in (("revenue_growth_yoy", revenue), ("cost_growth_yoy", cost), ("cash_usd", cash_end)):
        if not np.isfinite(values).all():
            raise ValueError(f"{name}: the projection overflows the float range; use smaller inputs")
    cash_start = np.concatenate(([cash], cash_end[:-1]))

    # Cash can only fall below zero in a losing month, and cash_start of the first such month is >= 0.
    below = np.flatnonzero(cash_end < 0)
    cross = int(below[0]) if below.size else None
    runway = None
    if cross is not None:
        # Clamped to [0, 1] so float rounding can never put runway past the end of its month.
        fraction = min(1.0, max(0.0, float(cash_start[cross] / (cost[cross] - revenue[cross]))))
        runway = cross + fraction

    profitable = np.flatnonzero(revenue >= cost)
    breakeven = int(profitable[0]) if profitable.size else None

    alive = breakeven is not None and (cross is None or breakeven < cross)
    if alive:
        capital = 0.0
    elif breakeven is None:
        capital = None
    else:  # cash ran out before break-even: the deepest balance in the months before it
        capital = max(0.0, -float(cash_end[:breakeven].min()))

    offsets = np.floor(months * MONTH_DAYS).astype("timedelta64[D]")
    dates = (np.datetime64(start_date, "D") + offsets).astype("datetime64[us]")
    frame = pd.DataFrame(
        {
            "month": months,
            "date": dates,
            "revenue": revenue,
            "cost": cost,
            "net": net,
            "cash_start": cash_start,
            "cash_end": cash_end,
        },
        columns=list(FRAME_COLUMNS),
    )
    return Projection(
        runway_months=runway,
        zero_cash_date=None if runway is None else start_date + _days(runway),
        breakeven_date=None if breakeven is None else start_date + _days(breakeven),
        default_alive=bool(alive),
        capital_needed_usd=capital,
        frame=frame,
    )
