"""What the pages show, computed from the claims: headline figures, waterfall lines, runway inputs, charts.

Pure pandas; the pages only add widgets, and lib.export reuses build_charts for slides.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from lib import charts, runway, transforms as tf
from lib.assumptions import RunwayAssumptions

WATERFALL_LINES = {
    "Servers & inference": ["compute_cost", "operating_cost"],
    "Training": ["training_cost"],
    "Staff": ["staff_cost"],
    "Data": ["data_cost"],
}
CHOICES = ("Headline", "Low", "High")


def entities(prepared: pd.DataFrame) -> list[str]:
    """Companies: entities with a company money figure (not a donation or a rule of thumb), most claims first."""
    money = prepared[prepared["value_usd"].notna() & prepared["metric"].isin(charts.TIMELINE_METRICS)]
    counts = money.groupby("entity").size().sort_values(ascending=False, kind="mergesort")
    return list(counts.index)


def _annual(prepared: pd.DataFrame, entity: str, metrics: list[str], year: str | None = None) -> pd.DataFrame:
    """Per-year USD figures (direct or annualised) of some metrics, won twins dropped."""
    rows = prepared[
        (prepared["entity"] == entity) & prepared["metric"].isin(metrics) & prepared["value_usd"].notna()
        & (prepared["per"] == "year") & (prepared["fx_basis"] != "twin")
    ]
    return rows if year is None else rows[rows["period"] == year]


def _rank(rows: pd.DataFrame) -> pd.DataFrame:
    """Order candidates by the headline rule, a figure given per year before one annualised from a rate."""
    return rows.assign(basis_rank=rows["basis"].map(tf.BASIS_RANK)).sort_values(
        ["derived", "basis_rank", "source_published", "value_usd", "id"],
        ascending=[True, True, False, True, True], na_position="last", kind="mergesort",
    ).drop(columns="basis_rank")


def _latest(prepared: pd.DataFrame, entity: str, metrics: list[str], per_year: bool = False) -> pd.Series | None:
    """The headline claim of the latest period among some metrics, or None."""
    if per_year:
        rows = _annual(prepared, entity, metrics)
    else:
        rows = prepared[(prepared["entity"] == entity) & prepared["metric"].isin(metrics)
                        & prepared["value_usd"].notna() & (prepared["fx_basis"] != "twin") & ~prepared["derived"]]
    if rows.empty:
        return None
    latest_end = rows["period_end"].max()
    return _rank(rows[rows["period_end"] == latest_end]).iloc[0]


def headline_figures(prepared: pd.DataFrame, entity: str) -> pd.DataFrame:
    """The overview's figures: latest valuation, loss, revenue, burn per day/month/year and a naive runway.

    One row per figure: key, label, value_usd, display, claim_id, basis, period, source, quote, quote_en,
    explanation (how a derived figure was computed). Missing figures are left out.
    """
    rows = []

    def add(key, label, value, claim, explanation=""):
        rows.append({
            "key": key, "label": label, "value_usd": float(value), "display": charts.format_usd(value),
            "claim_id": claim["id"], "basis": claim["basis"], "period": claim["period"],
            "source": charts.source_label(claim), "quote": claim["quote"], "quote_en": claim["quote_en"],
            "explanation": explanation,
        })

    valuation = _latest(prepared, entity, ["valuation"])
    if valuation is not None:
        add("valuation", f"Valuation ({valuation['period']})", valuation["value_usd"], valuation)
    loss = _latest(prepared, entity, ["net_loss"], per_year=True)
    if loss is not None:
        add("net_loss", f"Net loss ({loss['period']})", loss["value_usd"], loss)
    revenue = _latest(prepared, entity, ["revenue"], per_year=True)
    if revenue is not None:
        add("revenue", f"Revenue ({revenue['period']})", revenue["value_usd"], revenue)
    burn = _latest(prepared, entity, ["cash_burn"], per_year=True)
    burn = burn if burn is not None else loss
    if burn is not None:
        how = "" if burn["metric"] == "cash_burn" else "net loss used as the burn (no cash-burn figure)"
        for key, label, divisor in (("burn_year", "Burn per year", 1), ("burn_month", "Burn per month", 12), ("burn_day", "Burn per day", 365)):
            add(key, f"{label} ({burn['period']})", burn["value_usd"] / divisor, burn,
                how if divisor == 1 else f"{charts.format_usd(burn['value_usd'])} a year / {divisor}" + (f"; {how}" if how else ""))
    cash = _latest(prepared, entity, ["funding_round"])
    if cash is not None and burn is not None and burn["value_usd"] > 0:
        months = cash["value_usd"] / (burn["value_usd"] / 12)
        rows.append({
            "key": "naive_runway", "label": "Naive runway", "value_usd": months, "display": f"{months:.0f} months",
            "claim_id": f"{cash['id']}, {burn['id']}", "basis": "derived", "period": cash["period"],
            "source": f"{charts.source_label(cash)}; {charts.source_label(burn)}", "quote": cash["quote"],
            "quote_en": cash["quote_en"],
            "explanation": f"latest round {charts.format_usd(cash['value_usd'])} ({cash['period']}) / burn "
                           f"{charts.format_usd(burn['value_usd'] / 12)} a month; ignores revenue growth and other cash",
        })
    return pd.DataFrame(rows, columns=["key", "label", "value_usd", "display", "claim_id", "basis", "period", "source", "quote", "quote_en", "explanation"])


def figures_table(prepared: pd.DataFrame, entity: str) -> pd.DataFrame:
    """Every figure of one entity as the headline rule reads it: one row per metric, period and per."""
    rows = tf.headlines(prepared[prepared["entity"] == entity])
    rows = rows[rows["fx_basis"].isna() | (rows["fx_basis"] != "twin")]
    return pd.DataFrame({
        "metric": rows["metric"].map(charts.metric_label),
        "period": rows["period"],
        "per": rows["per"],
        "value": [charts.format_value(v, u) for v, u in zip(rows["value"], rows["unit"])],
        "usd": [charts.format_usd(v) if pd.notna(v) else "" for v in rows["value_usd"]],
        "basis": rows["basis"],
        "qualifier": rows["qualifier"],
        "source": [charts.source_label(r) for _, r in rows.iterrows()],
        "claim": rows["id"],
    }).reset_index(drop=True)


def changes_since(claims: pd.DataFrame, entity: str, earlier, later=None, include_undated: bool = True) -> pd.DataFrame:
    """Headline figures known at an earlier date beside those known later: key, label, before, after, change."""
    before = headline_figures(tf.prepare(tf.as_of(claims, earlier, include_undated=False)), entity)
    after = headline_figures(tf.prepare(tf.as_of(claims, later, include_undated=include_undated)), entity)
    merged = after[["key", "label", "value_usd", "display"]].merge(
        before[["key", "value_usd", "display"]], on="key", how="outer", suffixes=("", "_before")
    )
    merged["label"] = merged["label"].fillna(merged["key"])
    merged["change"] = merged["value_usd"] - merged["value_usd_before"]
    return merged.rename(columns={"display": "now", "display_before": "then"})[["key", "label", "then", "now", "change"]]


def waterfall_years(prepared: pd.DataFrame, entity: str) -> list[str]:
    """Calendar years with a net loss for the entity, those with the most cost lines first, then latest."""
    losses = _annual(prepared, entity, ["net_loss"])
    years = sorted({p for p in losses["period"] if len(p) == 4}, reverse=True)
    cost_metrics = [m for ms in WATERFALL_LINES.values() for m in ms]
    lines = {y: _annual(prepared, entity, cost_metrics, y)["metric"].nunique() for y in years}
    return sorted(years, key=lambda y: -lines[y])


def waterfall_candidates(prepared: pd.DataFrame, entity: str, year: str) -> pd.DataFrame:
    """Every claim that could fill each line of the year's waterfall: line, id, value_usd, basis, source."""
    frames = []
    for line, metrics in {"Revenue": ["revenue"], **WATERFALL_LINES, "Net loss": ["net_loss"]}.items():
        rows = _rank(_annual(prepared, entity, metrics, year))
        frames.append(rows.assign(line=line, source=[charts.source_label(r) for _, r in rows.iterrows()]))
    candidates = pd.concat(frames, ignore_index=True)
    return candidates[["line", "id", "metric", "value_usd", "basis", "qualifier", "source", "derived"]]


def choose(candidates: pd.DataFrame, choice: str) -> pd.Series:
    """The candidate a choice picks: Headline (the rule's first), Low, High or a source label."""
    if choice == "Low":
        return candidates.loc[candidates["value_usd"].idxmin()]
    if choice == "High":
        return candidates.loc[candidates["value_usd"].idxmax()]
    named = candidates[candidates["source"] == choice]
    return (named if not named.empty else candidates).iloc[0]


def waterfall_lines(prepared: pd.DataFrame, entity: str, year: str, choices: dict[str, str] | None = None) -> pd.DataFrame:
    """The year's bars: revenue, each cost line (negative), 'Other / unexplained', and the net loss total.

    `choices` maps a line to Headline, Low, High or a source label (default Headline). Other / unexplained
    is whatever makes revenue minus the lines equal the reported loss, so the chart always reconciles.
    """
    choices = choices or {}
    candidates = waterfall_candidates(prepared, entity, year)
    rows = []
    for line in ["Revenue", *WATERFALL_LINES]:
        options = candidates[candidates["line"] == line]
        if options.empty:
            continue
        picked = choose(options, choices.get(line, "Headline"))
        sign = 1 if line == "Revenue" else -1
        rows.append({"label": line, "kind": "revenue" if sign > 0 else "cost", "amount_usd": sign * picked["value_usd"],
                     "claim_ids": picked["id"], "basis": picked["basis"]})
    losses = candidates[candidates["line"] == "Net loss"]
    if losses.empty:
        raise ValueError(f"no net loss for {entity} in {year}")
    loss = choose(losses, choices.get("Net loss", "Headline"))
    explained = sum(r["amount_usd"] for r in rows)
    rows.append({"label": "Other / unexplained", "kind": "other", "amount_usd": -loss["value_usd"] - explained,
                 "claim_ids": None, "basis": "derived"})
    rows.append({"label": "Net loss (reported)", "kind": "total", "amount_usd": -loss["value_usd"],
                 "claim_ids": loss["id"], "basis": loss["basis"]})
    return pd.DataFrame(rows, columns=["label", "kind", "amount_usd", "claim_ids", "basis"])


@dataclass(frozen=True)
class RunwayInputs:
    """Runway slider defaults taken from the claims, with the claims they come from."""

    cash_usd: float
    monthly_revenue_usd: float
    monthly_cost_usd: float
    start: dt.date
    cost_low_ratio: float
    cost_high_ratio: float
    claim_ids: tuple[str, ...]
    explanation: str


def runway_inputs(prepared: pd.DataFrame, entity: str) -> RunwayInputs | None:
    """Starting cash = the latest funding round; revenue = the latest yearly revenue / 12; cost = that year's
    revenue plus its net loss, / 12. The low/high cost band comes from the lowest and highest sums of the
    year's cost lines where sources disagree. None when there is no loss to build a cost from.
    """
    loss = _latest(prepared, entity, ["net_loss"], per_year=True)
    if loss is None:
        return None
    revenue = _latest(prepared, entity, ["revenue"], per_year=True)
    year = revenue["period"] if revenue is not None else loss["period"]
    same_year_loss = _annual(prepared, entity, ["net_loss"], year)
    loss = _rank(same_year_loss).iloc[0] if not same_year_loss.empty else loss
    cash = _latest(prepared, entity, ["funding_round"])
    if cash is None:
        cash = _latest(prepared, entity, ["investment"])
    revenue_usd = revenue["value_usd"] if revenue is not None else 0.0
    base_cost = revenue_usd + loss["value_usd"]
    candidates = waterfall_candidates(prepared, entity, year)
    costs = candidates[candidates["line"].isin(WATERFALL_LINES)].groupby("line")["value_usd"]
    low = min(base_cost, costs.min().sum()) if not costs.size().empty else base_cost
    high = max(base_cost, costs.max().sum()) if not costs.size().empty else base_cost
    ids = [c["id"] for c in (cash, revenue, loss) if c is not None]
    ids += list(candidates.loc[candidates["line"].isin(WATERFALL_LINES), "id"])
    start = cash["period_start"].date() if cash is not None else loss["period_end"].date() + dt.timedelta(days=1)
    explanation = (
        f"cash {charts.format_usd(cash['value_usd']) if cash is not None else '$0'}"
        f"{' (' + cash['metric'].replace('_', ' ') + ', ' + cash['period'] + ')' if cash is not None else ''}; "
        f"revenue {charts.format_usd(revenue_usd)} a year ({year}); cost = revenue + net loss "
        f"{charts.format_usd(loss['value_usd'])} ({loss['period']})"
    )
    return RunwayInputs(
        cash_usd=float(cash["value_usd"]) if cash is not None else 0.0,
        monthly_revenue_usd=float(revenue_usd / 12),
        monthly_cost_usd=float(base_cost / 12),
        start=start,
        cost_low_ratio=float(low / base_cost) if base_cost else 1.0,
        cost_high_ratio=float(high / base_cost) if base_cost else 1.0,
        claim_ids=tuple(dict.fromkeys(ids)),
        explanation=explanation,
    )


@dataclass(frozen=True)
class Scenario:
    """One runway run with its band: low is the worst cash outcome (highest costs), high the best."""

    base: runway.Projection
    low: runway.Projection
    high: runway.Projection
    assumptions: str


def scenario(inputs: RunwayInputs, assumptions: RunwayAssumptions) -> Scenario:
    """Project base, low-cost and high-cost cases; the band scales cost by the claims' spread."""
    a = assumptions
    text = (
        f"start {inputs.start:%b %Y} with {charts.format_usd(a.cash_usd)} cash · revenue {charts.format_usd(a.monthly_revenue_usd)}/month "
        f"growing {a.revenue_growth_yoy:+.0%}/yr · costs {charts.format_usd(a.monthly_cost_usd)}/month growing {a.cost_growth_yoy:+.0%}/yr · "
        f"band: costs x{inputs.cost_low_ratio:.2f} to x{inputs.cost_high_ratio:.2f}"
    )
    return Scenario(a.project(inputs.start), a.project(inputs.start, inputs.cost_high_ratio),
                    a.project(inputs.start, inputs.cost_low_ratio), text)


def runway_chart(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs, result: Scenario) -> charts.Chart:
    behind = prepared[prepared["id"].isin(inputs.claim_ids)]
    return charts.runway(result.base, result.low, result.high, result.assumptions, behind, entity)


def then_vs_now(claims: pd.DataFrame, entity: str, then, horizon_months: int = 120) -> dict:
    """The runway projected from claims published by `then`, beside the one from every claim.

    Returns {"then": (inputs, projection) or None, "now": (...) or None, "predictions": forecasts known by
    `then`, "later": funding, valuation, loss and revenue claims published after it (or undated)}.
    """
    out = {}
    for key, frame in (("then", tf.as_of(claims, then)), ("now", claims)):
        prepared = tf.prepare(frame)
        inputs = runway_inputs(prepared, entity)
        out[key] = None if inputs is None else (inputs, runway.project(
            inputs.cash_usd, inputs.monthly_revenue_usd, inputs.monthly_cost_usd, 0.0, 0.0, inputs.start, horizon_months))
    known = tf.as_of(claims, then)
    out["predictions"] = known[(known["entity"] == entity) & known["metric"].isin(["bankruptcy_prediction", "cash_shortfall_prediction"])]
    later = claims[~claims["id"].isin(known["id"]) & (claims["entity"] == entity)
                   & claims["metric"].isin(["funding_round", "valuation", "net_loss", "revenue"]) & claims["value"].notna()
                   & (claims["unit"] == "USD")]
    out["later"] = tf.add_period_dates(later).sort_values("period_start", kind="mergesort")
    return out


def build_charts(claims: pd.DataFrame, entity: str = "OpenAI", runway_settings: dict | None = None) -> list[charts.Chart]:
    """Every chart of the dashboard at its default settings, for export. runway_settings gives runway assumptions
    by name in the model's units (cash_usd=...); RunwayAssumptions.resolve checks them and clamps them to the
    sliders' ranges, so the deck and the command line project what the Runway page would show."""
    prepared = tf.prepare(claims)
    if entity not in set(prepared["entity"]):
        raise ValueError(f"unknown company {entity!r}; the data has: {', '.join(entities(prepared))}")
    built = [charts.timeline(prepared, entity, charts.default_timeline_metrics(charts.timeline_metrics(prepared, entity)))]
    years = waterfall_years(prepared, entity)
    if years:
        built.append(charts.waterfall(waterfall_lines(prepared, entity, years[0]), prepared, entity, years[0]))
    inputs = runway_inputs(prepared, entity)
    if inputs is not None:
        assumptions = RunwayAssumptions.resolve(inputs, runway_settings or {})
        built.append(runway_chart(prepared, entity, inputs, scenario(inputs, assumptions)))
    return built


SOURCE_TABLE_COLUMNS = ["id", "entity", "metric", "value", "unit", "per", "period", "basis", "qualifier", "quote", "quote_en",
                        "source_publisher", "source_published", "source_language", "note", "conflict_id"]


def filter_claims(prepared: pd.DataFrame, entities=(), metrics=(), sources=(), bases=(), languages=()) -> pd.DataFrame:
    """The Sources table: original claims (no derived rows) matching every non-empty filter, in file order."""
    rows = prepared[~prepared["derived"]]
    for column, wanted in (("entity", entities), ("metric", metrics), ("source", sources), ("basis", bases), ("source_language", languages)):
        if wanted:
            rows = rows[rows[column].isin(list(wanted))]
    return rows.sort_values("line", kind="mergesort")[SOURCE_TABLE_COLUMNS].reset_index(drop=True)
