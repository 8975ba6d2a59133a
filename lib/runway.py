"""Runway: a month-by-month cash projection from cash, revenue, cost, their yearly growth rates and funding raises.

The model, exactly (a page reruns it on every slider move, so it is vectorised with numpy, no Python loop):

* month ``i`` (0 .. horizon-1) has revenue ``R0 * (1 + g_r) ** (i / 12)`` and cost ``C0 * (1 + g_c) ** (i / 12)``;
* a month is ``MONTH_DAYS`` = 30.4375 days (365.25 / 12), so month ``i`` spans
  ``[start + floor(i * 30.4375) days, start + floor((i + 1) * 30.4375) days)``. Fixed-length months (rather than
  calendar months) keep the frame's dates, ``breakeven_date`` and ``zero_cash_date`` on one time axis:
  ``zero_cash_date`` always falls inside the row of the month in which the cash runs out. Every 12 months is
  365.25 days, so month 12 is ``start`` + 365 days;
* a raise ``(date, amount_usd)`` is added to the cash at the start of the month that contains its date; a raise
  dated before ``start`` counts in month 0, one on or after the end of the horizon is ignored, and several raises
  in one month add up;
* cash at the start of month ``i`` is the cash after month ``i - 1`` (``cash_usd`` for month 0) plus the month's
  raises; cash after month ``i`` is that plus the month's revenue minus its cost.

Runway is the first month in which the cash ends below zero, plus the fraction of that month which the cash it
started with (its raise included) lasts. Break-even, default alive and capital needed: see :class:`Projection`.

Built on :func:`project`: :func:`growth_to_break_even` (the revenue growth it takes to be default alive),
:func:`sensitivity` (the runway when each input moves by a stated step, for a tornado chart) and :func:`fan`
(percentile cash paths and zero-cash dates when the inputs are drawn within the claims' intervals).
"""
from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lib.i18n import N_, _
from lib.locale_forms import decimal, percent

MONTH_DAYS = 30.4375  # 365.25 / 12, exact in binary floating point

FRAME_COLUMNS = ("month", "date", "revenue", "cost", "net", "raised", "cash_start", "cash_end")

INPUT_LABELS = {  # the inputs of the model in the order the page shows them, with the page's words for them
    "cash_usd": N_("Starting cash"),
    "monthly_revenue_usd": N_("Monthly revenue"),
    "monthly_cost_usd": N_("Monthly costs"),
    "revenue_growth_yoy": N_("Revenue growth per year"),
    "cost_growth_yoy": N_("Cost growth per year"),
}
MONEY_INPUTS = ("cash_usd", "monthly_revenue_usd", "monthly_cost_usd")
GROWTH_INPUTS = ("revenue_growth_yoy", "cost_growth_yoy")

GROWTH_FLOOR = -0.99  # the lowest yearly growth the search and the sensitivity steps go to
GROWTH_CEILING = 10.0  # +1000% a year: the highest revenue growth growth_to_break_even tries
GROWTH_TOLERANCE = 0.001

MONEY_STEP = 0.20  # sensitivity: money inputs move by +-20%
GROWTH_STEP = 0.10  # sensitivity: growth inputs move by +-10 percentage points
SENSITIVITY_COLUMNS = ("input", "label", "step", "value_low", "value_high", "runway_low_case", "runway_high_case",
                       "low_capped", "high_capped", "low_text", "high_text", "effect")

FAN_DRAWS = 1000  # the fewest draws a fan takes
FAN_SEED = 12  # fixed, so the same inputs always draw the same fan
FAN_QUANTILES = (0.1, 0.5, 0.9)
FAN_PATH_COLUMNS = ("month", "date", "cash_p10", "cash_p50", "cash_p90")
FAN_ZERO_CASH_COLUMNS = ("quantile", "runway_months", "zero_cash_date", "beyond_horizon")
FAN_INPUT_COLUMNS = ("input", "label", "value", "low", "high", "intervals", "varies")


@dataclass(frozen=True)
class Projection:
    """The result of :func:`project`.

    ``runway_months`` is None when the cash lasts the whole horizon. ``default_alive`` is True exactly when
    break-even comes (within the horizon) in a month before the one in which the cash runs out, or the cash never
    runs out; so it is True when the company is already profitable at month 0, and False when break-even never
    comes within the horizon, even if the cash lasts. Break-even is the *first* month with revenue >= cost: when
    cost grows faster than revenue, profit can be lost again later, and ``runway_months`` still reports when the
    cash then runs out. ``capital_needed_usd`` is 0 when alive, None when break-even never comes, and otherwise
    the deepest cash shortfall over the months before break-even, raises counted (added at month 0, it makes the
    company default alive). ``frame`` has one row a month with columns month (int), date (datetime64 month start),
    revenue, cost, net, raised (the month's raises), cash_start (raise included), cash_end (floats, USD).
    """

    runway_months: float | None
    zero_cash_date: dt.date | None
    breakeven_date: dt.date | None
    default_alive: bool
    capital_needed_usd: float | None
    frame: pd.DataFrame = field(compare=False, repr=False)


@dataclass(frozen=True)
class Fan:
    """The result of :func:`fan`.

    ``paths``: one row a month, columns month (int), date (datetime64 month start), cash_p10, cash_p50, cash_p90
    (USD): the 10th, 50th and 90th percentile over the draws of the cash at the end of that month, taken month by
    month (so a percentile path is not the path of any one draw).
    ``zero_cash``: one row per quantile (0.1, 0.5, 0.9) of the runway over the draws, columns quantile,
    runway_months (float, NaN when that quantile's draw never runs out), zero_cash_date (date or None),
    beyond_horizon (bool).
    ``never_runs_out``: the share of draws whose cash lasts the whole horizon.
    ``inputs``: one row per input in INPUT_LABELS order, columns input, label, value (the slider value),
    low, high (the smallest and largest value a draw can take), intervals (text), varies (bool).
    """

    paths: pd.DataFrame = field(compare=False, repr=False)
    zero_cash: pd.DataFrame = field(compare=False, repr=False)
    never_runs_out: float
    inputs: pd.DataFrame = field(compare=False, repr=False)
    draws: int
    seed: int


def _number(name: str, value: object) -> float:
    """A finite real number as a float; booleans, strings, NaN and infinities are refused."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    try:
        x = float(value)
    except OverflowError:  # an int too large for a float
        x = math.inf
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


def _whole(name: str, value: object, least: int) -> int:
    """A whole number >= least (an integral float such as 12.0 is accepted)."""
    ok = not isinstance(value, (bool, np.bool_)) and (
        isinstance(value, numbers.Integral)
        or (isinstance(value, numbers.Real) and math.isfinite(float(value)) and float(value).is_integer())
    )
    if not ok or int(value) < least:
        raise ValueError(f"{name} must be an integer >= {least}, got {value!r}")
    return int(value)


def _inputs(*values: object) -> dict[str, float]:
    """The five inputs, in INPUT_LABELS order, checked and keyed by name."""
    names = list(INPUT_LABELS)
    return {name: (_money if name in MONEY_INPUTS else _growth)(name, value) for name, value in zip(names, values)}


def _horizon(value: object) -> int:
    """A whole number of months >= 1."""
    return _whole("horizon_months", value, 1)


def _date(name: str, value: object) -> dt.date:
    """A date; a datetime or pandas Timestamp is cut to its date."""
    if value is pd.NaT or not isinstance(value, dt.date):
        raise ValueError(f"{name} must be a datetime.date (or datetime / pandas Timestamp), got {value!r}")
    return value.date() if isinstance(value, dt.datetime) else value


def _days(months: float) -> dt.timedelta:
    """The whole days in a (fractional) number of fixed-length months, rounded down."""
    return dt.timedelta(days=math.floor(months * MONTH_DAYS))


def _month_starts(h: int) -> np.ndarray:
    """Days from start to the first day of months 0 .. h (the last is the day after the horizon)."""
    return np.floor(np.arange(h + 1) * MONTH_DAYS).astype(np.int64)


def _calendar(start: object, horizon_months: object) -> tuple[dt.date, int]:
    """The start date and horizon, refusing a horizon whose end falls past the year 9999."""
    start_date = _date("start", start)
    h = _horizon(horizon_months)
    try:  # the last date this can report is the end of the horizon; Python dates stop at year 9999
        start_date + _days(h)
    except OverflowError:
        raise ValueError(f"horizon_months={h} runs past the year 9999 from start {start_date}") from None
    return start_date, h


def _raised(raises: object, start_date: dt.date, h: int) -> np.ndarray:
    """USD raised at the start of each month of the horizon, the raises placed as the module docstring says."""
    if not isinstance(raises, Iterable) or isinstance(raises, (str, bytes)):
        raise ValueError(f"raises must be an iterable of (date, amount_usd) pairs, got {raises!r}")
    days, amounts = [], []
    for k, pair in enumerate(raises):
        try:
            when, amount = pair
        except (TypeError, ValueError):
            raise ValueError(f"raises[{k}] must be a (date, amount_usd) pair, got {pair!r}") from None
        days.append((_date(f"raises[{k}] date", when) - start_date).days)
        amounts.append(_money(f"raises[{k}] amount_usd", amount))
    # the month containing a day is the last one starting on or before it; a day before start falls in month 0
    month = np.maximum(np.searchsorted(_month_starts(h), np.asarray(days, dtype=np.int64), side="right") - 1, 0)
    inside = month < h
    weights = np.asarray(amounts, dtype=np.float64)[inside]
    raised = np.bincount(month[inside], weights=weights, minlength=h).astype(np.float64)  # int64 when empty
    if not np.isfinite(raised).all():
        raise ValueError(f"raises: the raises in month {int(np.flatnonzero(~np.isfinite(raised))[0])} "
                         "add up past the float range")
    return raised


def _reusable(raises: object) -> object:
    """Raises as a tuple, so that a generator serves every projection; anything else is left for project to refuse."""
    return tuple(raises) if isinstance(raises, Iterable) and not isinstance(raises, (str, bytes)) else raises


def _paths(cash, r0, c0, g_r, g_c, raised: np.ndarray, years: np.ndarray):
    """Revenue, cost, net, cash_start and cash_end by month: scalar inputs give one path, (n, 1) columns n rows.

    Raises ValueError, naming the input, when a value overflows the float range.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        revenue = r0 * np.power(1.0 + g_r, years)
        cost = c0 * np.power(1.0 + g_c, years)
        net = revenue - cost
        has_raises = bool(raised.any())  # without any, the sums are exactly those of the model before raises
        cash_end = cash + np.cumsum(net + raised if has_raises else net, axis=-1)
    for name, values in (("revenue_growth_yoy", revenue), ("cost_growth_yoy", cost), ("cash_usd", cash_end)):
        if not np.isfinite(values).all():
            raise ValueError(f"{name}: the projection overflows the float range; use smaller inputs")
    before = np.broadcast_to(cash, cash_end.shape[:-1] + (1,))
    cash_start = np.concatenate((before, cash_end[..., :-1]), axis=-1)
    return revenue, cost, net, cash_start + raised if has_raises else cash_start, cash_end


def _crossing(cash_start: np.ndarray, cash_end: np.ndarray, loss: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per path (last axis is months): the first month whose cash ends below zero (-1 if none) and the runway.

    Cash can only fall below zero in a losing month, and cash_start of the first such month is >= 0 (the cash
    before it is >= 0 and a raise only adds), so runway = month + cash_start / loss, clamped to [0, 1] so float
    rounding can never put it past the end of its month; NaN when the cash lasts.
    """
    below = cash_end < 0
    hit = below.any(axis=-1)
    cross = np.where(hit, below.argmax(axis=-1), -1)
    at = np.maximum(cross, 0)[..., None]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # rows that never cross: discarded
        fraction = np.clip(np.take_along_axis(cash_start, at, -1) / np.take_along_axis(loss, at, -1), 0.0, 1.0)
    return cross, np.where(hit, cross + fraction[..., 0], np.nan)


def _dates(start_date: dt.date, months: np.ndarray) -> np.ndarray:
    """The first day of each month as datetime64[us]."""
    return (np.datetime64(start_date, "D") + _month_starts(len(months))[:-1].astype("timedelta64[D]")).astype(
        "datetime64[us]")


@dataclass(frozen=True)
class _Outcome:
    """What a projection finds, before its frame is built: the searches (break-even growth, sensitivity) need only
    this, and building a DataFrame would cost more than the projection itself."""

    start_date: dt.date
    months: np.ndarray
    raised: np.ndarray
    revenue: np.ndarray
    cost: np.ndarray
    net: np.ndarray
    cash_start: np.ndarray
    cash_end: np.ndarray
    runway_months: float | None
    breakeven: int | None
    default_alive: bool
    capital_needed_usd: float | None


def _outcome(cash_usd, monthly_revenue_usd, monthly_cost_usd, revenue_growth_yoy, cost_growth_yoy, start,
             horizon_months, raises) -> _Outcome:
    """The model run on checked inputs: see :func:`project`."""
    cash, r0, c0, g_r, g_c = _inputs(cash_usd, monthly_revenue_usd, monthly_cost_usd, revenue_growth_yoy,
                                     cost_growth_yoy).values()
    start_date, h = _calendar(start, horizon_months)
    raised = _raised(raises, start_date, h)

    months = np.arange(h, dtype=np.int64)
    revenue, cost, net, cash_start, cash_end = _paths(cash, r0, c0, g_r, g_c, raised, months / 12.0)
    cross, runway = (v.item() for v in _crossing(cash_start, cash_end, cost - revenue))
    cross = None if cross < 0 else cross
    runway = None if cross is None else runway

    profitable = np.flatnonzero(revenue >= cost)
    breakeven = int(profitable[0]) if profitable.size else None

    alive = breakeven is not None and (cross is None or breakeven < cross)
    if alive:
        capital = 0.0
    elif breakeven is None:
        capital = None
    else:  # cash ran out before break-even: the deepest balance in the months before it
        capital = max(0.0, -float(cash_end[:breakeven].min()))
    return _Outcome(start_date, months, raised, revenue, cost, net, cash_start, cash_end, runway, breakeven,
                    bool(alive), capital)


def project(
    cash_usd: float,
    monthly_revenue_usd: float,
    monthly_cost_usd: float,
    revenue_growth_yoy: float,
    cost_growth_yoy: float,
    start: dt.date,
    horizon_months: int = 120,
    raises: Iterable[tuple[dt.date, float]] = (),
) -> Projection:
    """Project cash month by month from ``start`` over ``horizon_months`` months (see the module docstring).

    Runway is the fractional month at which cash crosses zero, linear within that month: if month ``i`` starts
    with ``cash_start >= 0`` (its raise included) and ends below zero, runway = ``i + cash_start / (cost_i -
    revenue_i)`` (0.0 when starting with no cash and losing money in month 0). ``zero_cash_date`` is ``start +
    runway * 30.4375`` days, rounded down to a date; ``breakeven_date`` is the start date of the first month with
    revenue >= cost. ``raises`` is an iterable of ``(date, amount_usd)``; with none, results are bit for bit
    those of the model before raises existed.

    Raises ValueError, naming the parameter, for negative or non-finite money, booleans, growth <= -1.0,
    a horizon that is not a whole number >= 1, a start that is not a date, a raise that is not a
    (date, amount >= 0) pair (named by its position, e.g. ``raises[2] date``), or a projection that overflows.
    """
    run = _outcome(cash_usd, monthly_revenue_usd, monthly_cost_usd, revenue_growth_yoy, cost_growth_yoy, start,
                   horizon_months, raises)
    frame = pd.DataFrame(
        {
            "month": run.months,
            "date": _dates(run.start_date, run.months),
            "revenue": run.revenue,
            "cost": run.cost,
            "net": run.net,
            "raised": run.raised,
            "cash_start": run.cash_start,
            "cash_end": run.cash_end,
        },
        columns=list(FRAME_COLUMNS),
    )
    return Projection(
        runway_months=run.runway_months,
        zero_cash_date=None if run.runway_months is None else run.start_date + _days(run.runway_months),
        breakeven_date=None if run.breakeven is None else run.start_date + _days(run.breakeven),
        default_alive=run.default_alive,
        capital_needed_usd=run.capital_needed_usd,
        frame=frame,
    )


def growth_to_break_even(
    cash_usd: float,
    monthly_revenue_usd: float,
    monthly_cost_usd: float,
    cost_growth_yoy: float,
    start: dt.date,
    horizon_months: int = 120,
    raises: Iterable[tuple[dt.date, float]] = (),
) -> float | None:
    """The smallest yearly revenue growth in [-0.99, 10.0] at which :func:`project` is default alive, to 0.001.

    Returns -0.99 when the projection is alive even at -99% a year, None when it is not alive even at +1000%.
    Otherwise the answer is alive, and everything 0.001 or more below it is not.

    Why bisection is enough: being alive is monotone in revenue growth ``g``. Month ``i``'s revenue
    ``R0 * (1 + g) ** (i / 12)`` never falls as ``g`` rises (``i / 12 >= 0``), while cost and raises do not depend
    on ``g``. So every month's net, and every month's cash (a running sum of nets and raises), never falls either.
    Hence the first month with revenue >= cost (break-even) can only come earlier or stay, and the first month
    whose cash ends below zero can only come later, stay, or vanish; "break-even within the horizon, before the
    cash runs out" therefore stays true once true. Edge cases: with no revenue (or a horizon of one month, whose
    only revenue is ``R0``) growth changes nothing, and the answer is -0.99 or None. The powers are computed in
    floating point, monotone up to the last bit; the search keeps "alive at the upper end, not alive at the lower"
    as its invariant, so the answer it returns is always alive as :func:`project` computes it.

    Raises ValueError as :func:`project` does.
    """
    raises = _reusable(raises)

    def alive(growth: float) -> bool:
        return _outcome(cash_usd, monthly_revenue_usd, monthly_cost_usd, growth, cost_growth_yoy, start,
                        horizon_months, raises).default_alive

    low, high = GROWTH_FLOOR, GROWTH_CEILING
    if alive(low):
        return low
    if not alive(high):
        return None
    while high - low > GROWTH_TOLERANCE / 2:  # half the tolerance: "0.001 below" is then surely below `low`
        middle = (low + high) / 2
        if alive(middle):
            high = middle
        else:
            low = middle
    return high


def sensitivity(
    cash_usd: float,
    monthly_revenue_usd: float,
    monthly_cost_usd: float,
    revenue_growth_yoy: float,
    cost_growth_yoy: float,
    start: dt.date,
    horizon_months: int = 120,
    raises: Iterable[tuple[dt.date, float]] = (),
) -> pd.DataFrame:
    """How far the runway (and so the zero-cash date) moves when each input alone moves by a stated step.

    Money inputs move by -20% and +20%, growth inputs by -10 and +10 percentage points (the low case stops at
    -99% a year, and the step text says so). One row per input, largest effect first (ties in INPUT_LABELS
    order), columns (SENSITIVITY_COLUMNS):

    * input (parameter name), label (the page's words), step (text, e.g. "±20%", "±10 pp");
    * value_low, value_high: the input's value in the low case (input moved down) and the high case (moved up);
    * runway_low_case, runway_high_case: the runway in months of each case; where the cash outlasts the horizon,
      the horizon itself, with low_capped / high_capped True;
    * low_text, high_text: "14.2 months", or "beyond 120 months" when capped;
    * effect: |runway_high_case - runway_low_case| in months (capped values used).

    Months are fixed-length (30.4375 days), so a runway converts to a zero-cash date as in :func:`project`.
    Raises ValueError as :func:`project` does.
    """
    values = _inputs(cash_usd, monthly_revenue_usd, monthly_cost_usd, revenue_growth_yoy, cost_growth_yoy)
    h = _horizon(horizon_months)
    raises = _reusable(raises)

    def runway(name: str, value: float) -> tuple[float, bool, str]:
        months = _outcome(*{**values, name: value}.values(), start, h, raises).runway_months
        if months is None:
            return float(h), True, _("beyond {horizon} months").format(horizon=h)
        return months, False, _("{months} months").format(months=decimal(months))

    rows = []
    for name, label in INPUT_LABELS.items():
        value = values[name]
        if name in MONEY_INPUTS:
            low, high, step = value * (1 - MONEY_STEP), value * (1 + MONEY_STEP), f"±{MONEY_STEP:.0%}"
        else:
            points = _("{points} pp").format(points=decimal(GROWTH_STEP * 100, 0))
            low, high, step = max(value - GROWTH_STEP, min(value, GROWTH_FLOOR)), value + GROWTH_STEP, f"±{points}"
            if low != value - GROWTH_STEP:
                step = _("-{down} (floor {floor} a year), +{up}").format(
                    down=_("{points} pp").format(points=decimal((value - low) * 100, 0)), floor=percent(GROWTH_FLOOR), up=points)
        low_months, low_capped, low_text = runway(name, low)
        high_months, high_capped, high_text = runway(name, high)
        rows.append((name, _(label), step, low, high, low_months, high_months, low_capped, high_capped, low_text,
                     high_text, abs(high_months - low_months)))
    frame = pd.DataFrame(rows, columns=list(SENSITIVITY_COLUMNS))
    return frame.sort_values("effect", ascending=False, kind="stable").reset_index(drop=True)


def _intervals(argument: str, given: Mapping | None, names: tuple[str, ...],
               values: dict[str, float]) -> dict[str, np.ndarray]:
    """Validated intervals per input as (k, 2) arrays: ratios for money, offsets (fraction points) for growth."""
    if given is None:
        return {}
    if not isinstance(given, Mapping):
        raise ValueError(f"{argument} must be a mapping of input name to a list of (low, high) pairs, got {given!r}")
    out = {}
    for name, pairs in given.items():
        if name not in names:
            raise ValueError(f"{argument}: unknown input {name!r}; use {', '.join(names)}")
        where = f"{argument}[{name!r}]"
        if isinstance(pairs, (str, bytes)) or not isinstance(pairs, Sequence) or not pairs:
            raise ValueError(f"{where} must be a non-empty list of (low, high) pairs, got {pairs!r}")
        rows = []
        for k, pair in enumerate(pairs):
            try:
                low, high = (_number(f"{where}[{k}]", x) for x in pair)
            except (TypeError, ValueError):
                raise ValueError(f"{where}[{k}] must be a (low, high) pair of finite numbers, got {pair!r}") from None
            if low > high:
                raise ValueError(f"{where}[{k}] must have low <= high, got {pair!r}")
            if name in MONEY_INPUTS and low < 0:
                raise ValueError(f"{where}[{k}] must have ratios >= 0, got {pair!r}")
            if name in GROWTH_INPUTS and values[name] + low <= -1.0:
                raise ValueError(f"{where}[{k}] takes {name} from {values[name]:+.2f} to {values[name] + low:+.2f}; "
                                 "growth must stay > -1.0")
            rows.append((low, high))
        out[name] = np.array(rows, dtype=np.float64)
    return out


def _describe(low: float, high: float, growth: bool) -> str:
    """One interval as text: "×0.90 to ×1.10" (money ratios) or "-10 to +10 pp" (growth offsets)."""
    if growth:
        return _("{low} to {high} pp").format(low=f"{low * 100:+.0f}", high=f"{high * 100:+.0f}")
    return _("×{low} to ×{high}").format(low=f"{low:.2f}", high=f"{high:.2f}")


def fan(
    cash_usd: float,
    monthly_revenue_usd: float,
    monthly_cost_usd: float,
    revenue_growth_yoy: float,
    cost_growth_yoy: float,
    start: dt.date,
    horizon_months: int = 120,
    raises: Iterable[tuple[dt.date, float]] = (),
    relative_intervals: Mapping[str, Sequence[tuple[float, float]]] | None = None,
    growth_intervals: Mapping[str, Sequence[tuple[float, float]]] | None = None,
    draws: int = FAN_DRAWS,
    seed: int = FAN_SEED,
) -> Fan:
    """Cash paths and zero-cash dates when the inputs are drawn within the claims' intervals (a fan chart).

    ``relative_intervals`` maps a money input (cash_usd, monthly_revenue_usd, monthly_cost_usd) to its intervals
    as (low_ratio, high_ratio) relative to its headline figure, e.g. [(0.9, 1.1)] for "approximately"; a draw is
    the slider value times a ratio. ``growth_intervals`` maps a growth input to (low, high) offsets in fraction
    points, e.g. [(-0.1, 0.1)]; a draw is the slider value plus an offset. Each draw picks one of an input's
    intervals with equal probability (disagreeing claims weigh alike), then a value uniformly inside it; inputs
    are drawn independently of each other, each from its own stream of ``seed``, so the fan is reproducible.
    An input that is absent, or whose intervals are all one point such as [(1.0, 1.0)], does not vary. Raises
    apply to every draw unchanged. The model runs for all draws at once (draws x months arrays): 1,000 draws
    over 120 months take a few milliseconds. Percentiles are inverted-CDF quantiles (each is a drawn value), so
    when no input varies every percentile path is the :func:`project` cash path exactly.

    Returns a :class:`Fan`. Raises ValueError as :func:`project` does, and for an unknown input name, an interval
    that is not a (low, high) pair of finite numbers with low <= high, a negative ratio, an offset taking growth
    to -100% or below, fewer than 1,000 draws, or a seed that is not an integer >= 0.
    """
    values = _inputs(cash_usd, monthly_revenue_usd, monthly_cost_usd, revenue_growth_yoy, cost_growth_yoy)
    start_date, h = _calendar(start, horizon_months)
    raised = _raised(raises, start_date, h)
    n = _whole("draws", draws, FAN_DRAWS)
    seed = _whole("seed", seed, 0)
    spreads = _intervals("relative_intervals", relative_intervals, MONEY_INPUTS, values)
    spreads.update(_intervals("growth_intervals", growth_intervals, GROWTH_INPUTS, values))

    drawn, described = {}, []
    for position, (name, label) in enumerate(INPUT_LABELS.items()):  # five inputs; the draws are vectorised
        value, growth = values[name], name in GROWTH_INPUTS
        combine = np.add if growth else np.multiply
        pairs = spreads.get(name)
        if pairs is None:
            drawn[name], text = value, _("fixed")
        elif (pairs == pairs[0, 0]).all():  # one point: a fixed shift, not a spread
            drawn[name], text = float(combine(value, pairs[0, 0])), _describe(pairs[0, 0], pairs[0, 0], growth)
        else:
            rng = np.random.default_rng([seed, position])
            chosen = pairs[rng.integers(len(pairs), size=n)]
            offsets = chosen[:, 0] + (chosen[:, 1] - chosen[:, 0]) * rng.random(n)
            drawn[name] = combine(value, offsets)[:, None]
            text = _(" or ").join(_describe(low, high, growth) for low, high in pairs)
        extremes = (value, value) if pairs is None else (
            float(combine(value, pairs[:, 0].min())), float(combine(value, pairs[:, 1].max())))
        described.append((name, _(label), value, *extremes, text, extremes[0] != extremes[1]))

    months = np.arange(h, dtype=np.int64)
    revenue, cost, _net, cash_start, cash_end = _paths(*(drawn[name] for name in INPUT_LABELS), raised, months / 12.0)
    shape = (n, h)
    cash_start, cash_end = np.broadcast_to(cash_start, shape), np.broadcast_to(cash_end, shape)
    _cross, runway = _crossing(cash_start, cash_end, np.broadcast_to(cost - revenue, shape))

    quantiles = np.array(FAN_QUANTILES)
    cash_q = np.quantile(cash_end, quantiles, axis=0, method="inverted_cdf")
    runway_q = np.quantile(np.where(np.isnan(runway), np.inf, runway), quantiles, method="inverted_cdf")
    beyond = np.isinf(runway_q)
    paths = pd.DataFrame({"month": months, "date": _dates(start_date, months),
                          **{f"cash_p{round(q * 100)}": row for q, row in zip(quantiles, cash_q)}},
                         columns=list(FAN_PATH_COLUMNS))
    zero_cash = pd.DataFrame({
        "quantile": quantiles,
        "runway_months": np.where(beyond, np.nan, runway_q),
        "zero_cash_date": [None if b else start_date + _days(r) for r, b in zip(runway_q, beyond)],
        "beyond_horizon": beyond,
    }, columns=list(FAN_ZERO_CASH_COLUMNS))
    return Fan(
        paths=paths,
        zero_cash=zero_cash,
        never_runs_out=float(np.isnan(runway).mean()),
        inputs=pd.DataFrame(described, columns=list(FAN_INPUT_COLUMNS)),
        draws=n,
        seed=seed,
    )
