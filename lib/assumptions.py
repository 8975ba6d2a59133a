"""Runway assumptions: one typed object that the sliders, the deck and ``python -m lib.export`` all use.

FIELDS defines each assumption once: its URL parameter and command-line option, its label, the unit the page
shows it in, the slider's step and format, the lowest slider value and how the highest depends on the claims'
default. A RunwayAssumptions holds the values in the model's units (USD, yearly fractions, months) and runs
the model, so a page and its downloads always project the same numbers.

Two kinds of bounds: the model's (cash >= 0, growth > -100%, whole months >= 1), which make a command-line value
invalid, and the slider's range, to which every value is clamped, wherever it came from (a URL value only needs
to be a finite number, as it always did).
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping

from lib import runway

if TYPE_CHECKING:
    from lib.dashboard import RunwayInputs


@dataclass(frozen=True)
class Kind:
    """The model's bounds for a kind of value (lib.runway.project refuses anything outside them)."""

    floor: float  # the least valid value, in the model's units
    floor_allowed: bool  # whether the floor itself is valid
    whole: bool  # a whole number
    meaning: str  # what a valid value is, for error messages


MONEY = Kind(0.0, True, False, "an amount of US dollars >= 0")
GROWTH = Kind(-1.0, False, False, "a yearly growth fraction > -1 (0.5 = +50%)")
MONTHS = Kind(1, True, True, "a whole number of months >= 1")


@dataclass(frozen=True)
class Field:
    """One assumption. Slider values, URL values and the bounds are in display units (model value / scale)."""

    name: str  # the attribute of RunwayAssumptions, and lib.runway.project's keyword
    param: str  # URL parameter
    option: str  # command-line option, in the model's units
    kind: Kind
    label: str
    scale: float  # model units per display unit: 1e9 shows USD in billions, 0.01 shows fractions in percent
    step: float  # display units (an int for whole numbers)
    format: str | None
    lowest: float  # display units
    highest: float  # display units: the highest slider value, unless the claims' default needs more room
    headroom: float  # the highest is at least headroom x the claims' default (0: the highest is fixed)
    digits: int  # the claims' default is rounded to this many decimals (display units)
    fixed_default: float | None  # display units; None: the default is the claims' (RunwayInputs.<name>)

    def default(self, inputs: RunwayInputs) -> float:
        """The slider's starting value: the claims' figure rounded to the slider's precision, or a fixed one."""
        if self.fixed_default is not None:
            return self._typed(self.fixed_default)
        return self._typed(round(getattr(inputs, self.name) / self.scale, self.digits))

    def bounds(self, inputs: RunwayInputs) -> tuple[float, float]:
        """The slider's (lowest, highest): room for twice the claims' figure where headroom is 2."""
        highest = self.highest
        if self.headroom:
            highest = max(highest, round(self.headroom * getattr(inputs, self.name) / self.scale))
        return self._typed(self.lowest), self._typed(highest)

    def check(self, value: Any) -> float:
        """A valid model-unit value as a float (an int for whole numbers); raises ValueError saying why not."""
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        kind = self.kind
        if isinstance(value, bool) or not math.isfinite(number) or number < kind.floor \
                or (number == kind.floor and not kind.floor_allowed) or (kind.whole and not number.is_integer()):
            raise ValueError(f"{value!r} is not {kind.meaning}")
        return self._typed(number)

    def clamp(self, value: float, inputs: RunwayInputs) -> float:
        """A model-unit value pulled into the slider's range (model units)."""
        lowest, highest = self.bounds(inputs)
        return self._typed(min(max(value, self.to_model(lowest)), self.to_model(highest)))

    def read(self, raw: Any, inputs: RunwayInputs) -> float:
        """A URL or slider value (display units, text or number) clamped to the slider's range, a whole number's
        fraction cut off; raises ValueError when it is not a finite number."""
        value = float(str(raw))
        if not math.isfinite(value):
            raise ValueError(f"{raw!r} is not a finite number")
        lowest, highest = self.bounds(inputs)
        return self._typed(min(max(value, lowest), highest))

    def display(self, value: float) -> float:
        """A model-unit value in the slider's units."""
        return self._typed(round(value / self.scale, 9))

    def to_model(self, value: float) -> float:
        """A slider-unit value in the model's units (rounded, so that 35% is 0.35, not 0.35000000000000003)."""
        return self._typed(round(value * self.scale, 12))

    def _typed(self, value: float) -> float:
        return int(value) if self.kind.whole else float(value)


FIELDS = (  # name, URL parameter, CLI option, kind, label, scale, step, format, lowest, highest, headroom, digits, fixed default
    Field("cash_usd",            "cash",    "--cash",            MONEY,  "Starting cash ($B)",          1e9,  0.1,  "$%.1fB",  0.0,   50.0,   2, 1, None),
    Field("monthly_revenue_usd", "revenue", "--monthly-revenue", MONEY,  "Monthly revenue ($M)",        1e6,  10.0, "$%.0fM",  0.0,   3000.0, 2, 0, None),
    Field("monthly_cost_usd",    "cost",    "--monthly-cost",    MONEY,  "Monthly costs ($M)",          1e6,  10.0, "$%.0fM",  0.0,   3000.0, 2, 0, None),
    Field("revenue_growth_yoy",  "rg",      "--revenue-growth",  GROWTH, "Revenue growth per year (%)", 0.01, 5.0,  "%+.0f%%", -90.0, 300.0,  0, 0, 0.0),
    Field("cost_growth_yoy",     "cg",      "--cost-growth",     GROWTH, "Cost growth per year (%)",    0.01, 5.0,  "%+.0f%%", -90.0, 300.0,  0, 0, 0.0),
    Field("horizon_months",      "horizon", "--horizon",         MONTHS, "Horizon (months)",            1,    6,    None,      12,    120,    0, 0, 60),
)


@dataclass(frozen=True)
class RunwayAssumptions:
    """What the runway model is fed, in its own units; build it with defaults(), from_query() or resolve()."""

    cash_usd: float
    monthly_revenue_usd: float
    monthly_cost_usd: float
    revenue_growth_yoy: float
    cost_growth_yoy: float
    horizon_months: int

    def __post_init__(self) -> None:
        for field in FIELDS:
            field.check(getattr(self, field.name))

    @classmethod
    def defaults(cls, inputs: RunwayInputs) -> RunwayAssumptions:
        """The sliders' starting values for these claims."""
        return cls.resolve(inputs, {})

    @classmethod
    def resolve(cls, inputs: RunwayInputs, given: Mapping[str, Any]) -> RunwayAssumptions:
        """Values given by field name in model units (the command line), each checked and clamped to its slider's
        range; the others from the claims. Raises ValueError for an invalid value."""
        values = {}
        for field in FIELDS:
            default = field.to_model(field.default(inputs))
            value = field.check(given[field.name]) if given.get(field.name) is not None else default
            values[field.name] = field.clamp(value, inputs)
        return cls(**values)

    @classmethod
    def from_query(cls, query: Mapping[str, Any], inputs: RunwayInputs) -> RunwayAssumptions:
        """Values by URL parameter in display units (the URL, or the sliders' state), clamped to the sliders'
        ranges; a missing or invalid value gives the claims' default, as the page's slider does."""
        values = {}
        for field in FIELDS:
            try:
                value = field.read(query[field.param], inputs)
            except (KeyError, ValueError):
                value = field.default(inputs)
            values[field.name] = field.to_model(value)
        return cls.resolve(inputs, values)

    def project(self, start: dt.date, cost_scale: float = 1.0) -> runway.Projection:
        """The model run from `start`, with costs scaled (the band's low and high cases use the claims' spread)."""
        return runway.project(
            self.cash_usd, self.monthly_revenue_usd, self.monthly_cost_usd * cost_scale, self.revenue_growth_yoy,
            self.cost_growth_yoy, start, self.horizon_months,
        )


def to_query(values: Mapping[str, Any]) -> dict[str, str]:
    """URL parameters (display units) for values given by field name in model units; None values are left out.
    The Runway page opened with them shows these values, clamped as every consumer clamps them."""
    return {field.param: str(field.display(values[field.name])) for field in FIELDS if values.get(field.name) is not None}
