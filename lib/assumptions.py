"""Runway assumptions: one typed object that the sliders, the deck and ``python -m lib.export`` all use.

FIELDS defines each assumption once: its URL parameter and command-line option, its label, the unit the page
shows it in, the slider's step and format, the lowest slider value and how the highest depends on the claims'
default. A RunwayAssumptions holds the values in the model's units (USD, yearly fractions, months) and runs
the model, so a page and its downloads always project the same numbers.

Funding raises are one more assumption, outside the slider table: a tuple of (date, amount in USD), written
``2025-03-01:40e9,2026-01-01:10e9`` in the URL (parameter ``raises``) and on the command line (``--raise``, once
per raise). A saved scenario (SavedScenario) is a named, frozen copy of every assumption, written
``NAME:cash=40,cg=30,raises=2025-03-01:40e9;2026-01-01:10e9`` (within a scenario, raises are separated by ``;``);
the URL holds up to three of them in ``scenarios``, separated by ``|``.

Two kinds of bounds: the model's (cash >= 0, growth > -100%, whole months >= 1), which make a command-line value
invalid, and the slider's range, to which every value is clamped, wherever it came from (a URL value only needs
to be a finite number, as it always did).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Callable, Mapping

from lib import runway
from lib.i18n import N_, _

if TYPE_CHECKING:
    from lib.runway_inputs import RunwayInputs


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
    label: str  # marked with N_: the page says it through _()
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
    Field("cash_usd",            "cash",    "--cash",            MONEY,  N_("Starting cash ($B)"),          1e9,  0.1,  N_("$%.1fB"),  0.0,   50.0,   2, 1, None),
    Field("monthly_revenue_usd", "revenue", "--monthly-revenue", MONEY,  N_("Monthly revenue ($M)"),        1e6,  10.0, N_("$%.0fM"),  0.0,   3000.0, 2, 0, None),
    Field("monthly_cost_usd",    "cost",    "--monthly-cost",    MONEY,  N_("Monthly costs ($M)"),          1e6,  10.0, N_("$%.0fM"),  0.0,   3000.0, 2, 0, None),
    Field("revenue_growth_yoy",  "rg",      "--revenue-growth",  GROWTH, N_("Revenue growth per year (%)"), 0.01, 5.0,  N_("%+.0f%%"), -90.0, 300.0,  0, 0, 0.0),
    Field("cost_growth_yoy",     "cg",      "--cost-growth",     GROWTH, N_("Cost growth per year (%)"),    0.01, 5.0,  N_("%+.0f%%"), -90.0, 300.0,  0, 0, 0.0),
    Field("horizon_months",      "horizon", "--horizon",         MONTHS, N_("Horizon (months)"),            1,    6,    None,      12,    120,    0, 0, 60),
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
    raises: tuple[tuple[dt.date, float], ...] = ()

    def __post_init__(self) -> None:
        for field in FIELDS:
            field.check(getattr(self, field.name))
        object.__setattr__(self, "raises", check_raises(self.raises))

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
        return cls(**values, raises=check_raises(given.get("raises") or ()))

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
        try:
            values["raises"] = parse_raises(str(query.get(RAISES_PARAM, "")))
        except ValueError:
            values["raises"] = ()
        return cls.resolve(inputs, values)

    def project(self, start: dt.date, cost_scale: float = 1.0) -> runway.Projection:
        """The model run from `start`, with costs scaled (the band's low and high cases use the claims' spread)."""
        return runway.project(
            self.cash_usd, self.monthly_revenue_usd, self.monthly_cost_usd * cost_scale, self.revenue_growth_yoy,
            self.cost_growth_yoy, start, self.horizon_months, raises=self.raises,
        )


def to_query(values: Mapping[str, Any], raise_separator: str = ",") -> dict[str, str]:
    """URL parameters (display units) for values given by field name in model units; None values and no raises
    are left out. The Runway page opened with them shows these values, clamped as every consumer clamps them."""
    query = {field.param: str(field.display(values[field.name])) for field in FIELDS if values.get(field.name) is not None}
    if values.get("raises"):
        query[RAISES_PARAM] = raises_text(check_raises(values["raises"]), raise_separator)
    return query


RAISES_PARAM = "raises"
SCENARIOS_PARAM = "scenarios"
MONEY_FIELD = FIELDS[0]  # any money field checks an amount of USD
MAX_RAISES = 12
RAISE_MAX_USD = 1e13  # $10T: more than any raise on record by far; refused above it
RAISE_AMOUNT = N_("an amount of US dollars from 0 to 1e13 ($10T)")
MAX_SCENARIOS = 3
SCENARIO_NAME_CHARS = 40
CURRENT = "current"  # the live sliders' name on the scenario chart; no saved scenario may take it


def check_raises(raises: Any) -> tuple[tuple[dt.date, float], ...]:
    """Raises as a tuple of (date, amount_usd) sorted by date; raises ValueError naming the bad one."""
    if isinstance(raises, (str, bytes)):
        raise ValueError(f"raises must be (date, amount) pairs, got {raises!r}")
    checked = []
    for k, pair in enumerate(raises):
        try:
            when, amount = pair
        except (TypeError, ValueError):
            raise ValueError(f"raise {k + 1} must be a (date, amount) pair, got {pair!r}") from None
        if isinstance(when, dt.datetime) or not isinstance(when, dt.date):
            raise ValueError(f"raise {k + 1}: {when!r} is not a date")
        try:
            usd = MONEY_FIELD.check(amount)
        except ValueError:
            usd = math.inf
        if usd > RAISE_MAX_USD:
            raise ValueError(f"raise {k + 1}: {amount!r} is not {RAISE_AMOUNT}")
        checked.append((when, usd))
    if len(checked) > MAX_RAISES:
        raise ValueError(_("at most {limit} raises, got {count}").format(limit=MAX_RAISES, count=len(checked)))
    return tuple(sorted(checked, key=lambda pair: pair[0]))


def parse_raise(text: str) -> tuple[dt.date, float]:
    """One raise written DATE:AMOUNT (ISO date, amount in USD such as 40e9); raises ValueError saying why not."""
    when, colon, amount = text.strip().partition(":")
    if not colon:
        raise ValueError(_("{text} is not DATE:AMOUNT (e.g. 2025-03-01:40e9)").format(text=repr(text)))
    not_a_date = _("{text}: {date} is not a date written YYYY-MM-DD").format(text=repr(text), date=repr(when.strip()))
    try:
        date = dt.date.fromisoformat(when.strip())
    except ValueError:
        raise ValueError(not_a_date) from None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", when.strip()):
        raise ValueError(not_a_date)
    try:
        return check_raises([(date, amount.strip())])[0]
    except ValueError:
        raise ValueError(_("{text}: {amount} is not {meaning}").format(text=repr(text), amount=repr(amount.strip()),
                                                                       meaning=_(RAISE_AMOUNT))) from None


def parse_raises(text: str) -> tuple[tuple[dt.date, float], ...]:
    """Raises written DATE:AMOUNT, separated by commas or semicolons; empty text is no raises."""
    items = [item for item in re.split(r"[,;]", text) if item.strip()]
    return check_raises([parse_raise(item) for item in items])


def _amount_text(usd: float) -> str:
    """40e9 for $40B, 2.5e9, 750e6; the plain number when that would not read back exactly."""
    for exponent in (9, 6):
        short = f"{usd / 10 ** exponent:.6f}".rstrip("0").rstrip(".") + f"e{exponent}"
        if usd >= 10 ** exponent and float(short) == usd:
            return short
    return repr(usd)


def raises_text(raises: tuple[tuple[dt.date, float], ...], separator: str = ",") -> str:
    """The URL and command-line form: 2025-03-01:40e9,2026-01-01:10e9."""
    return separator.join(f"{when.isoformat()}:{_amount_text(usd)}" for when, usd in raises)




def check_scenario_name(name: str) -> str:
    """A scenario's name, stripped: 1 to 40 characters, no ':' or '|' (they separate the URL's parts), not "current"."""
    name = name.strip()
    if not name or len(name) > SCENARIO_NAME_CHARS or ":" in name or "|" in name:
        raise ValueError(_("a scenario name must have 1 to {limit} characters, without ':' or '|'; got {name}").format(
            limit=SCENARIO_NAME_CHARS, name=repr(name)))
    if name.lower() == CURRENT:
        raise ValueError(_("the name {name} is taken by the live sliders; choose another").format(name=repr(name)))
    return name


def scenario_values(text: str, read: Callable[[Field, str], float]) -> tuple[str, dict[str, Any]]:
    """A scenario written NAME:key=value,... as (name, values by field name in model units).

    Keys are the URL parameters (cash, revenue, cost, rg, cg, horizon, raises); `read` turns a value's text into
    model units (the URL's display units or the command line's model units) and raises ValueError. Raises
    ValueError saying what is wrong."""
    name, colon, body = text.partition(":")
    if not colon or not name.strip():
        raise ValueError(_("scenario {text} is not NAME:key=value,... (e.g. \"{example}\")").format(
            text=repr(text), example=_("costs grow 30%") + ":cg=0.3"))
    name = check_scenario_name(name)
    fields = {field.param: field for field in FIELDS}
    values: dict[str, Any] = {}
    for item in (item for item in body.split(",") if item.strip()):
        key, equals, raw = (part.strip() for part in item.partition("="))
        if not equals or (key not in fields and key != RAISES_PARAM):
            raise ValueError(_("scenario {name}: {item} is not key=value with a key among {keys}").format(
                name=repr(name), item=repr(item.strip()), keys=", ".join([*fields, RAISES_PARAM])))
        target = fields[key].name if key in fields else "raises"
        if target in values:
            raise ValueError(_("scenario {name}: {key} is given twice").format(name=repr(name), key=key))
        try:
            values[target] = parse_raises(raw) if key == RAISES_PARAM else read(fields[key], raw)
        except ValueError as err:
            raise ValueError(_("scenario {name}: {key}: {problem}").format(name=repr(name), key=key, problem=err)) from None
    return name, values


@dataclass(frozen=True)
class SavedScenario:
    """A named, frozen copy of every runway assumption, raises included, compared beside the live sliders."""

    name: str
    assumptions: RunwayAssumptions

    @classmethod
    def from_url(cls, text: str, inputs: RunwayInputs) -> SavedScenario:
        """One scenario from the URL (display units, clamped like the sliders; missing values are the claims')."""
        def read(field: Field, raw: str) -> float:
            try:
                return field.to_model(field.read(raw, inputs))
            except ValueError:
                raise ValueError(_("{value} is not a finite number").format(value=repr(raw))) from None

        name, values = scenario_values(text, read)
        return cls(name, RunwayAssumptions.resolve(inputs, values))

    def to_url(self) -> str:
        """'NAME:cash=40.0,revenue=308.0,...,raises=2025-03-01:40e9;...': every value, so it stays frozen."""
        return scenario_url(self.name, asdict(self.assumptions))


def scenario_url(name: str, values: Mapping[str, Any]) -> str:
    """A scenario's URL form, its values given by field name in model units (display units in the text)."""
    return f"{name}:" + ",".join(f"{key}={value}" for key, value in to_query(values, raise_separator=";").items())


def parse_scenarios(text: str, inputs: RunwayInputs) -> tuple[SavedScenario, ...]:
    """The URL's saved scenarios, separated by '|'; raises ValueError for a bad one, a repeated name or too many."""
    scenarios = tuple(SavedScenario.from_url(item, inputs) for item in text.split("|") if item.strip())
    check_scenario_names([s.name for s in scenarios])
    return scenarios


def check_scenario_names(names: list[str]) -> None:
    """At most MAX_SCENARIOS, each name used once (case-insensitive); raises ValueError otherwise."""
    if len(names) > MAX_SCENARIOS:
        raise ValueError(_("at most {limit} saved scenarios, got {count}").format(limit=MAX_SCENARIOS, count=len(names)))
    seen = [name.lower() for name in names]
    repeated = sorted({name for name in seen if seen.count(name) > 1})
    if repeated:
        raise ValueError(_("scenario names must differ; repeated: {names}").format(names=", ".join(repeated)))


def scenarios_text(scenarios: tuple[SavedScenario, ...]) -> str:
    """The URL's form of saved scenarios."""
    return "|".join(scenario.to_url() for scenario in scenarios)
