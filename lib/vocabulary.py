"""The domain vocabulary, defined once: metrics, bases, qualifiers, source types and scopes.

Every module that labels, colours, ranks, bounds or validates a claim looks it up here, so a new metric or
basis is one row in one table.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from lib.i18n import N_, _

MONEY_UNITS = ("USD", "KRW", "EUR")
UNITS = MONEY_UNITS + ("users", "GPUs", "GW", "devices", "people", "percent", "years")
PERS = ("day", "month", "year")
PER_YEAR = {"day": 365, "month": 12, "year": 1}
PER_AMOUNT = {"day": N_("{amount} a day"), "month": N_("{amount} a month"), "year": N_("{amount} a year")}  # a rate
COMPANY = "company"  # the scope of a figure about the whole company (the default)
OPEN_END_CAP = 1.5  # an open upper end ("at least", "more than") is capped at this multiple where it must be finite


@dataclass(frozen=True)
class Metric:
    """A metric: label, stock or flow, units, whether it takes `per`, colour, waterfall line and timeline use.

    kind: "stock" (a level at a date), "flow" (an amount over a period) or "event" (no amount).
    per: "required" (a rate: per day, month or year), "optional" (a rate or a one-off total) or "forbidden".
    waterfall: the waterfall line the metric fills, or None.
    timeline: drawn on the timeline; timeline_default: drawn there before the reader picks metrics.
    accrues: an amount that builds up over its period (a loss, revenue, a cost), so a figure for a period
    that had not ended when it was written can only be projected.
    """

    name: str
    label: str
    kind: str
    units: tuple[str, ...]
    per: str
    colour: str = "#b0b0b0"
    waterfall: str | None = None
    timeline: bool = False
    timeline_default: bool = False
    accrues: bool = False

    @property
    def is_money(self) -> bool:
        return set(self.units) >= set(MONEY_UNITS)


def _m(name, label, kind, units, per, colour="#b0b0b0", waterfall=None, timeline=False, default=False) -> Metric:
    accrues = waterfall is not None or name == "cash_burn"
    return Metric(name, label, kind, units, per, colour, waterfall, timeline, default, accrues)


_MONEY = MONEY_UNITS
METRICS: dict[str, Metric] = {m.name: m for m in [
    _m("valuation", N_("Valuation"), "stock", _MONEY, "forbidden", "#0072b2", timeline=True, default=True),
    _m("net_loss", N_("Net loss"), "flow", _MONEY, "required", "#d55e00", "Net loss", True, True),
    _m("revenue", N_("Revenue"), "flow", _MONEY, "required", "#009e73", "Revenue", True, True),
    _m("cash_burn", N_("Cash burn"), "flow", _MONEY, "required", "#e69f00", timeline=True, default=True),
    _m("funding_round", N_("Funding round"), "flow", _MONEY, "forbidden", "#cc79a7", timeline=True, default=True),
    _m("investment", N_("Investment (tranche)"), "flow", _MONEY, "forbidden", "#8c564b", timeline=True),
    _m("investment_to_date", N_("Investment to date"), "stock", _MONEY, "forbidden", "#c49c94", timeline=True),
    _m("investment_commitment", N_("Investment commitment"), "flow", _MONEY, "forbidden", "#56b4e9", timeline=True, default=True),
    _m("compute_cost", N_("Compute cost"), "flow", _MONEY, "required", "#ff7f0e", "Servers & inference", True),
    _m("operating_cost", N_("Operating cost"), "flow", _MONEY, "required", "#bcbd22", "Servers & inference", True),
    _m("training_cost", N_("Training cost"), "flow", _MONEY, "optional", "#17becf", "Training", True),
    _m("staff_cost", N_("Staff cost"), "flow", _MONEY, "required", "#7f7f7f", "Staff", True),
    _m("data_cost", N_("Data cost"), "flow", _MONEY, "optional", "#aec7e8", "Data"),
    _m("compute_contract", N_("Compute contract"), "flow", _MONEY, "forbidden", "#c5b0d5", timeline=True),
    _m("hardware_purchase", N_("Hardware purchase"), "flow", _MONEY + ("GPUs",), "forbidden", "#98df8a", timeline=True),
    _m("acquisition_cost", N_("Acquisition cost"), "flow", _MONEY, "forbidden", "#ff9896", timeline=True),
    _m("subscription_price", N_("Subscription price"), "flow", _MONEY, "required"),
    _m("ipo_revenue_threshold", N_("IPO revenue threshold"), "flow", _MONEY, "required"),
    _m("donation", N_("Donation"), "flow", _MONEY, "forbidden"),
    _m("ipo_history_threshold", N_("IPO operating-history threshold"), "stock", ("years",), "forbidden"),
    _m("users", N_("Users"), "stock", ("users",), "forbidden"),
    _m("user_decline", N_("User decline"), "flow", ("percent",), "forbidden"),
    _m("compute_capacity", N_("Compute capacity"), "stock", ("GW",), "forbidden"),
    _m("installed_devices", N_("Installed devices"), "stock", ("devices",), "forbidden"),
    _m("executives_courted", N_("Executives courted"), "flow", ("people",), "forbidden"),
    _m("jobs_at_risk", N_("Jobs at risk"), "stock", ("percent",), "forbidden"),
    _m("product_launch", N_("Product launch"), "event", (), "forbidden"),
    _m("monetisation", N_("Monetisation"), "event", (), "forbidden"),
    _m("leadership_change", N_("Leadership change"), "event", (), "forbidden"),
    _m("partnership", N_("Partnership"), "event", (), "forbidden"),
    _m("deal_stalled", N_("Deal stalled"), "event", (), "forbidden"),
    _m("bankruptcy_prediction", N_("Bankruptcy prediction"), "event", (), "forbidden"),
    _m("cash_shortfall_prediction", N_("Cash-shortfall prediction"), "event", (), "forbidden"),
    _m("ipo_plan", N_("IPO plan"), "event", (), "forbidden"),
    _m("device_plan", N_("Device plan"), "event", (), "forbidden"),
]}
OTHER_COLOUR = "#b0b0b0"
CASH_COLOUR = "#1f77b4"
WATERFALL_LINES = tuple(dict.fromkeys(m.waterfall for m in METRICS.values() if m.waterfall))
COST_LINES = tuple(line for line in WATERFALL_LINES if line not in ("Revenue", "Net loss"))
PREDICTIONS = ("bankruptcy_prediction", "cash_shortfall_prediction")


def metric_label(name: str) -> str:
    """A metric's label in the language spoken (lib.i18n); an unknown metric's name, made readable."""
    return _(METRICS[name].label) if name in METRICS else name.replace("_", " ").capitalize()


def bundle_text(includes) -> str:
    """What a bundled figure (a claim with includes) stands for, as every table, CSV and hover shows it: 'bundle of
    training cost + compute cost'; '' for a figure of one metric. includes is the frame's comma-separated text."""
    if not isinstance(includes, str) or not includes:
        return ""
    return _("bundle of {metrics}").format(metrics=" + ".join(metric_label(name).lower() for name in includes.split(",")))


def metric_colour(name: str) -> str:
    return METRICS[name].colour if name in METRICS else OTHER_COLOUR


@dataclass(frozen=True)
class Basis:
    """How sure the source was: its rank in the headline rule (0 = most reliable), marker and line dash.

    label (the legend's word) and meaning: marked for the catalogs, said through _(). happened: the figure is of
    something that has already happened, so money it counts is in hand.
    """

    name: str
    label: str
    rank: int
    marker: str
    dash: str
    meaning: str
    happened: bool


BASES: dict[str, Basis] = {b.name: b for b in [
    Basis("reported", N_("Reported"), 0, "circle", "solid", N_("stated as a fact that has happened, for a period that had ended"), True),
    Basis("estimated", N_("Estimated"), 1, "circle-open", "dot", N_("someone's estimate of a past or current figure"), True),
    Basis("projected", N_("Projected"), 2, "diamond-open", "dash", N_("a figure for a future or unfinished period"), False),
    Basis("commitment", N_("Commitment"), 3, "square-open", "dashdot", N_("an agreed or announced deal not yet paid out"), False),
    Basis("forecast", N_("Forecast"), 4, "x-thin-open", "dash", N_("a prediction about an event"), False),
]}
# Money that reaches the company when it happens: a round that closed, a tranche paid. Only a claim of one of
# these metrics whose basis happened is cash in hand; an investment commitment, a projected round or a forecast
# never is.
CASH_METRICS = ("funding_round", "investment")


def basis_label(name: str) -> str:
    """A basis in the reader's words ('Reported'); a figure worked out from others (the runway's months) is
    'Derived'."""
    return _(BASES[name].label) if name in BASES else _("Derived")


def basis_word(basis: str) -> str:
    """A claim's basis as a hover or a bar's label says it, mid-sentence: basis_label in lower case ('estimated',
    'derived'; '추정')."""
    return basis_label(basis).lower()


def cash_in_hand(metric: str, basis: str) -> bool:
    """Whether a claim counts money the company has received (a runway's starting cash may only be such a claim)."""
    return metric in CASH_METRICS and basis in BASES and BASES[basis].happened


@dataclass(frozen=True)
class Qualifier:
    """How a figure was hedged, as an interval around its value.

    below and above are fractions of the value (None: open on that side, down to 0 or up to infinity).
    tolerant names the sides a claim's own `tolerance` replaces. symbol prefixes the value wherever it is shown.
    template: the words' message, the margin below as a placeholder.
    """

    name: str
    symbol: str
    below: float | None
    above: float | None
    tolerant: tuple[str, ...]
    template: str

    @property
    def words(self) -> str:
        """How the figure was hedged, in the language spoken: 'about (±10%)'."""
        return _(self.template).format(margin=f"{self.below or 0.0:.0%}")

    def bounds(self, value: float, tolerance: float | None = None) -> tuple[float, float]:
        """The closed interval the figure stands for; an open end is 0 below or inf above."""
        below = tolerance if tolerance is not None and "below" in self.tolerant else self.below
        above = tolerance if tolerance is not None and "above" in self.tolerant else self.above
        low = 0.0 if below is None else value * (1 - below)
        high = math.inf if above is None else value * (1 + above)
        return low, high

    @property
    def open_above(self) -> bool:
        return self.above is None


QUALIFIERS: dict[str, Qualifier] = {q.name: q for q in [
    Qualifier("exact", "", 0.0, 0.0, ("below", "above"), N_("exactly")),
    Qualifier("approximately", "≈ ", 0.10, 0.10, ("below", "above"), N_("about (±{margin})")),
    Qualifier("nearly", "≲ ", 0.10, 0.0, ("below",), N_("nearly (up to {margin} under)")),
    Qualifier("at_least", "≥ ", 0.0, None, (), N_("at least")),
    Qualifier("more_than", "> ", 0.0, None, (), N_("more than")),
    Qualifier("up_to", "≤ ", None, 0.0, (), N_("up to")),
    Qualifier("less_than", "< ", None, 0.0, (), N_("less than")),
]}


def qualifier_words(name: str) -> str:
    """A qualifier in the reader's words ('up to', '최대'); an unknown name as it is."""
    return QUALIFIERS[name].words if name in QUALIFIERS else name


def interval(value: float, qualifier: str | None, tolerance: float | None = None) -> tuple[float, float]:
    """The interval a qualified value stands for (NaN, NaN for no value). Closed at both ends: a touching
    bound counts as overlapping, the generous reading of "more than 13" beside "13"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return math.nan, math.nan
    return QUALIFIERS[qualifier or "exact"].bounds(float(value), _tolerance(tolerance))


def finite_interval(value: float, qualifier: str | None, tolerance: float | None = None) -> tuple[float, float]:
    """interval() with an open upper end capped at OPEN_END_CAP x the value, for ranges, bands and samples."""
    low, high = interval(value, qualifier, tolerance)
    return low, (float(value) * OPEN_END_CAP if math.isinf(high) else high)


def _tolerance(tolerance) -> float | None:
    """A frame's missing tolerance (NaN) means the qualifier's default."""
    return None if tolerance is None or (isinstance(tolerance, float) and math.isnan(tolerance)) else float(tolerance)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two closed intervals share at least one point."""
    return a[0] <= b[1] and b[0] <= a[1]


FX_BASES = {  # how a money figure was converted to dollars (transforms.to_usd's fx_basis), first choice first
    "USD": "",
    "twin": N_("its dollar twin in the same sentence"),
    "article rate": N_("the rate its article implies"),
    "file rate": N_("the file's exchange rate nearest its period"),
    "session rate": N_("the rate given for this session"),
    "no rate": "",
}
_CAP_NOTE = N_("open ends ('at least', 'more than') capped at {cap}x the stated value")


def cap_note() -> str:
    """What an open upper end is capped at (OPEN_END_CAP), in the language spoken."""
    return _(_CAP_NOTE).format(cap=f"{OPEN_END_CAP:g}")




@dataclass(frozen=True)
class SourceType:
    """What kind of publication a source is, shown beside every number it gives."""

    name: str
    label: str


SOURCE_TYPES: dict[str, SourceType] = {s.name: s for s in [
    SourceType("company_disclosure", N_("Company disclosure")),
    SourceType("regulatory_filing", N_("Regulatory filing")),
    SourceType("news_outlet", N_("News outlet")),
    SourceType("analyst_report", N_("Analyst report")),
    SourceType("blog", N_("Blog")),
    SourceType("translation", N_("Translation")),
    SourceType("repost", N_("Repost")),
]}

INFERABLE_FIELDS = ("period", "per", "unit", "entity", "counterparty", "value")  # what `inferred` may name


@dataclass(frozen=True)
class FindingKind:
    """A kind of audit finding (lib.audit) with its fixed severity, a short label and what it means.

    error: the figures cannot all be right. warning: a reader should know before trusting a number.
    info: worth knowing, often harmless. label: marked for the catalogs, said through _(). template: the
    description's message, its thresholds as placeholders (THRESHOLDS).
    """

    name: str
    severity: str
    label: str
    template: str

    @property
    def description(self) -> str:
        """What the kind means, in the language spoken, with its thresholds."""
        return _(self.template).format(**THRESHOLDS)


SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": N_("Error"), "warning": N_("Warning"), "info": N_("Info")}  # said through _()
ARITHMETIC_POINTS = 1.0  # a stated percentage may be this many points from the one its figures give
ARITHMETIC_SHARE = 0.01  # a stated total may be this fraction from the sum of its parts
FX_SPREAD = 0.10  # a conversion's rate may be this fraction from the median of its peers
STALE_AFTER_MONTHS = 12  # a runway input older than this at the as-of date is stale
THRESHOLDS = {"points": f"{ARITHMETIC_POINTS:g}", "share": f"{ARITHMETIC_SHARE:.0%}", "spread": f"{FX_SPREAD:.0%}",
              "months": str(STALE_AFTER_MONTHS)}  # as the kinds' descriptions give them
FINDING_KINDS: dict[str, FindingKind] = {k.name: k for k in [
    FindingKind("arithmetic", "error", N_("Arithmetic"),
                N_("a stated percentage, share or total that the figures it relates to contradict (more than {points} point "
                   "or {share} out)")),
    FindingKind("reconcile", "error", N_("Waterfall does not add up"),
                N_("a year's cost lines exceed its revenue plus loss even at the limits of their qualifiers")),
    FindingKind("unfinished_period", "error", N_("Unfinished period"),
                N_("a rate marked reported or estimated for a period that had not ended when its article appeared")),
    FindingKind("disagreement", "warning", N_("Sources disagree"),
                N_("figures from different articles for the same entity, metric, scope and period whose intervals do not "
                   "overlap")),
    FindingKind("conversion", "warning", N_("Odd conversion"),
                N_("a currency conversion whose implied rate is more than {spread} from the article's or the year's other "
                   "conversions")),
    FindingKind("stale_input", "warning", N_("Stale projection input"),
                N_("a runway input whose period ended more than {months} months before the as-of date")),
    FindingKind("uncurated", "warning", N_("Figure not curated"),
                N_("a figure the finder sees in a stored article that no claim of that article carries and the file does "
                   "not dismiss")),
    FindingKind("unmatched_acknowledgement", "warning", N_("Acknowledgement matches nothing"),
                N_("an entry of the file's acknowledged list that matches no finding")),
    FindingKind("echo", "info", N_("Echoed amount"),
                N_("the same amount, unit and rate given for a later period by another article: often a stale number "
                   "relabelled")),
]}
