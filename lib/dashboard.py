"""What the pages show, computed from the claims: headline figures, waterfall lines, runway inputs, charts.

Pure pandas; the pages only add widgets, and lib.export reuses build_charts for slides.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from lib import charts, runway, second_opinion, transforms as tf
from lib.assumptions import RunwayAssumptions, SavedScenario
from lib.formatting import format_usd, format_value, source_kind_label, source_label
from lib.peers import KINDS, LICENCE
from lib.vocabulary import (
    CASH_METRICS, COMPANY, COST_LINES, METRICS, PER_YEAR, PREDICTIONS, WATERFALL_LINES, bundle_text, cash_in_hand, overlaps,
    qualified,
)

CHOICES = ("Headline", "Low", "High")
TIMELINE_METRICS = [name for name, metric in METRICS.items() if metric.timeline]


def entities(prepared: pd.DataFrame) -> list[str]:
    """Companies: entities with a company money figure (not a donation or a rule of thumb), most claims first."""
    money = prepared[prepared["value_usd"].notna() & prepared["metric"].isin(TIMELINE_METRICS)]
    counts = money.groupby("entity").size().sort_values(ascending=False, kind="mergesort")
    return list(counts.index)


def company_figures(prepared: pd.DataFrame, entity: str, metrics) -> pd.DataFrame:
    """An entity's whole-company USD figures of some metrics: no narrower scope, no currency twins."""
    return tf.drop_twins(prepared[
        (prepared["entity"] == entity) & prepared["metric"].isin(list(metrics)) & prepared["value_usd"].notna()
        & (prepared["scope"] == COMPANY)
    ])


def _annual(prepared: pd.DataFrame, entity: str, metrics, year: str | None = None) -> pd.DataFrame:
    """Whole-company figures per calendar year (stated per year or annualised from a rate)."""
    rows = company_figures(prepared, entity, metrics)
    rows = rows[(rows["per"] == "year") & (rows["period"].str.len() == 4)]
    return rows if year is None else rows[rows["period"] == year]


def _latest(prepared: pd.DataFrame, entity: str, metrics, as_of=None, per_year: bool = False) -> pd.Series | None:
    """The headline claim of some metrics for an entity by the headline rule, or None."""
    rows = _annual(prepared, entity, metrics) if per_year else company_figures(prepared, entity, metrics)
    if not per_year:
        rows = rows[~rows["derived"]]
    return tf.headline(rows, as_of)


FIGURE_COLUMNS = ["key", "label", "period", "value_usd", "qualifier", "display", "claim_id", "basis", "scope", "source",
                  "quote", "quote_en", "explanation", "warning"]


def headline_figures(prepared: pd.DataFrame, entity: str, as_of=None) -> pd.DataFrame:
    """The overview's cards: latest valuation, loss and revenue, burn per year, month and day, and the runway.

    Every card follows the headline rule at the as-of date and names its period. Burn comes from the latest
    year with a cash-burn or loss figure (cash burn first). The runway card is the Runway page's own projection
    (runway_figure), so the overview and the Runway page name one run-out date. One row per card
    (FIGURE_COLUMNS); warning says when the projection ran out of cash before the as-of date. Missing figures are
    left out.
    """
    rows = []

    def add(key, label, claim, value, qualifier, explanation="", warning=""):
        rows.append({
            "key": key, "label": f"{label} ({claim['period']})", "period": claim["period"], "value_usd": float(value),
            "qualifier": qualifier, "display": qualified(format_usd(value), qualifier), "claim_id": claim["id"],
            "basis": claim["basis"], "scope": claim["scope"], "source": source_kind_label(claim), "quote": claim["quote"],
            "quote_en": claim["quote_en"], "explanation": explanation, "warning": warning,
        })

    for key, metrics, per_year in (("valuation", ["valuation"], False), ("net_loss", ["net_loss"], True), ("revenue", ["revenue"], True)):
        claim = _latest(prepared, entity, metrics, as_of, per_year)
        if claim is not None:
            add(key, METRICS[key].label, claim, claim["value_usd"], claim["qualifier"])
    burn = burn_figure(prepared, entity, as_of)
    if burn is not None:
        how = "" if burn["metric"] == "cash_burn" else "net loss used as the burn (no cash-burn figure for the year)"
        for key, label, per in (("burn_year", "Burn per year", "year"), ("burn_month", "Burn per month", "month"), ("burn_day", "Burn per day", "day")):
            divisor = PER_YEAR[per]
            add(key, label, burn, burn["value_usd"] / divisor, burn["qualifier"],
                how if divisor == 1 else f"{qualified(format_usd(burn['value_usd']), burn['qualifier'])} a year / {divisor}"
                + (f"; {how}" if how else ""))
    runway_row = runway_figure(prepared, entity, as_of)
    if runway_row is not None:
        rows.append(runway_row)
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def burn_figure(prepared: pd.DataFrame, entity: str, as_of=None) -> pd.Series | None:
    """The yearly burn: of the latest year with a cash-burn or net-loss figure, cash burn first."""
    years = _annual(prepared, entity, ["cash_burn", "net_loss"])
    if as_of is not None:
        years = years[years["period_start"] <= pd.Timestamp(as_of)]
    if years.empty:
        return None
    latest = years["period"].max()
    for metric in ("cash_burn", "net_loss"):
        claim = tf.headline(years[(years["period"] == latest) & (years["metric"] == metric)])
        if claim is not None:
            return claim
    return None


def ran_out_warning(zero_cash: dt.date | None, as_of) -> str:
    """The plain statement a stale projection needs: empty unless the cash ran out before the as-of date."""
    if zero_cash is None or as_of is None or zero_cash >= pd.Timestamp(as_of).date():
        return ""
    return (f"By these figures the cash ran out in {zero_cash:%b %Y}, before the as-of date "
            f"({pd.Timestamp(as_of):%d %b %Y}); funding not in the claims is implied.")


def default_projection(inputs: RunwayInputs) -> runway.Projection:
    """The one run-out computation: the Runway page's projection at its default sliders (the claims' cash, revenue
    and cost, no growth, no raises). The overview card, the audit and a fresh Runway page all read it."""
    return RunwayAssumptions.defaults(inputs).project(inputs.start)


def runway_figure(prepared: pd.DataFrame, entity: str, as_of=None) -> dict | None:
    """The Runway page's months of runway and zero-cash date at its default sliders, as a figure row; None when
    the claims give no runway (runway_problem)."""
    found = _runway_claims(prepared, entity, as_of)
    if found is None:
        return None
    inputs = runway_inputs(prepared, entity, as_of)
    projection = default_projection(inputs)
    horizon = RunwayAssumptions.defaults(inputs).horizon_months
    months = projection.runway_months
    ends = (f"the cash runs out in {projection.zero_cash_date:%b %Y}" if projection.zero_cash_date is not None
            else f"the cash lasts beyond {horizon} months")
    claims = [c for c in (found.cash, found.revenue, found.loss) if c is not None]
    return {
        "key": "runway", "label": f"Runway (from {inputs.start:%b %Y})", "period": claims[0]["period"],
        "value_usd": float(months) if months is not None else math.inf, "qualifier": "exact",
        "display": f"{months:.1f} months" if months is not None else f"> {horizon} months",
        "claim_id": ", ".join(c["id"] for c in claims), "basis": "derived", "scope": COMPANY,
        "source": "; ".join(dict.fromkeys(source_kind_label(c) for c in claims)),
        "quote": claims[0]["quote"], "quote_en": claims[0]["quote_en"],
        "explanation": (f"{ends}: the Runway page's projection at its default sliders (no growth, no raises); "
                        f"{inputs.explanation}"),
        "warning": ran_out_warning(projection.zero_cash_date, as_of),
    }


def figures_table(prepared: pd.DataFrame, entity: str) -> pd.DataFrame:
    """Every figure of one entity as the headline rule reads it: one row per metric, scope, bundle, period and rate;
    includes says what a bundled figure stands for."""
    rows = tf.headlines(prepared[prepared["entity"] == entity])
    return pd.DataFrame({
        "metric": rows["metric"].map(charts.metric_label),
        "scope": rows["scope"],
        "includes": rows["includes"].map(bundle_text).astype("str"),
        "period": rows["period"],
        "per": rows["per"],
        "value": [qualified(format_value(v, u), q) for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"])],
        "usd": [qualified(format_usd(v), q) if pd.notna(v) else "" for v, q in zip(rows["value_usd"], rows["qualifier"])],
        "basis": rows["basis"],
        "qualifier": rows["qualifier"],
        "source": [source_kind_label(r) for _, r in rows.iterrows()],
        "claim": rows["id"],
    }).reset_index(drop=True)


def input_kinds(prepared: pd.DataFrame, claim_ids) -> tuple[str, ...]:
    """What each claim behind a figure is, as its kind: metric and period ('cash burn 2024'), once each, in order.
    claim_ids is an iterable of ids or a card's comma-separated claim_id."""
    ids = [i.strip() for i in claim_ids.split(",")] if isinstance(claim_ids, str) else list(claim_ids)
    by_id = prepared.drop_duplicates("id").set_index("id")
    return tuple(dict.fromkeys(f"{charts.metric_label(by_id.loc[i, 'metric']).lower()} {by_id.loc[i, 'period']}"
                               for i in ids if i in by_id.index))


def kind_change(before: Sequence[str], after: Sequence[str]) -> str:
    """Why a derived figure cannot be compared across two dates: its inputs changed kind ('cash burn 2024 became net
    loss 2025'); '' when they are of the same kinds."""
    dropped, added = [k for k in before if k not in after], [k for k in after if k not in before]
    if not dropped and not added:
        return ""
    if not added:
        return f"it no longer uses {', '.join(dropped)}"
    if not dropped:
        return f"it now also uses {', '.join(added)}"
    return f"{', '.join(dropped)} became {', '.join(added)}"


def changes_since(claims: pd.DataFrame, entity: str, earlier, later=None, include_undated: bool = True) -> pd.DataFrame:
    """The cards known at a later date beside those known earlier, like with like.

    A card is compared only with the earlier card of the same figure, period and scope; a card whose period
    or scope moved on is listed as a new figure, with what stood in its place before. A card of the same period
    whose inputs changed kind (the burn behind the runway moving from cash burn to net loss, or to another year)
    is "not comparable", with the reason. Columns: key, label, then, now, change (now - then in USD, or months for
    the runway; NaN unless compared), status.
    """
    sides = [tf.prepare(tf.as_of(claims, date, include_undated)) for date in (earlier, later)]
    before, after = (headline_figures(prepared, entity, date) for prepared, date in zip(sides, (earlier, later)))
    merged = after[["key", "label", "period", "scope", "value_usd", "display", "claim_id"]].merge(
        before[["key", "label", "period", "scope", "value_usd", "display", "claim_id"]], on="key", how="left",
        suffixes=("", "_before"))
    same = (merged["period"] == merged["period_before"]) & (merged["scope"] == merged["scope_before"])
    known = merged["display_before"].notna()
    moved = pd.Series([kind_change(input_kinds(sides[0], b), input_kinds(sides[1], a)) if s else ""
                       for s, a, b in zip(same, merged["claim_id"], merged["claim_id_before"])], index=merged.index, dtype="str")
    like = same & (moved == "")
    change = (merged["value_usd"] - merged["value_usd_before"]).where(like)
    status = [
        ("unchanged" if c == 0 else "changed") if ok else
        f"not comparable: {m}" if m else
        (f"new figure (before: {lb} {d})" if k else "new figure")
        for ok, m, k, c, lb, d in zip(like, moved, known, change, merged["label_before"], merged["display_before"])
    ]
    return pd.DataFrame({
        "key": merged["key"], "label": merged["label"], "then": merged["display_before"].where(same),
        "now": merged["display"], "change": change.astype("float64"), "status": status,
    })


def _waterfall_rows(prepared: pd.DataFrame, entity: str, as_of=None) -> pd.DataFrame:
    """Whole-company yearly figures of every waterfall line started by the as-of date, recycled figures left out."""
    metrics = [m for m, d in METRICS.items() if d.waterfall]
    rows = _annual(tf.without_recycled(prepared), entity, metrics)
    return rows if as_of is None else rows[rows["period_start"] <= pd.Timestamp(as_of)]


def _missing(lines: set[str]) -> list[str]:
    """What a year needs for a waterfall that explains something and lacks: a loss, a revenue figure, a cost line."""
    needs = (("Net loss", "no net loss figure"), ("Revenue", "no revenue figure"))
    return [text for line, text in needs if line not in lines] + ([] if lines & set(COST_LINES) else ["no cost line"])


def waterfall_years(prepared: pd.DataFrame, entity: str, as_of=None) -> list[str]:
    """Calendar years whose waterfall explains something: a net loss, a revenue figure and at least one cost line
    (recycled figures do not count). Those with the most cost lines first, then the latest."""
    rows = _waterfall_rows(prepared, entity, as_of)
    lines = rows.groupby("period")["metric"].agg(lambda m: {METRICS[name].waterfall for name in m})
    years = sorted((year for year, present in lines.items() if not _missing(present)), reverse=True)
    costs = {year: len(lines[year] & set(COST_LINES)) for year in years}
    return sorted(years, key=lambda y: -costs[y])


def waterfall_gaps(prepared: pd.DataFrame, entity: str, as_of=None) -> dict[str, str]:
    """The years with some waterfall figure that waterfall_years does not offer, oldest first, each with what it
    lacks: {"2023": "no revenue figure and no cost line"}."""
    rows = _waterfall_rows(prepared, entity, as_of)
    lines = rows.groupby("period")["metric"].agg(lambda m: {METRICS[name].waterfall for name in m})
    gaps = {year: _missing(present) for year, present in sorted(lines.items())}
    return {year: " and ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing)
            for year, missing in gaps.items() if missing}


def waterfall_gaps_text(gaps: dict[str, str]) -> str:
    """'2023: no revenue figure; 2025: no cost line', or '' when every year is offered."""
    return "; ".join(f"{year}: {missing}" for year, missing in gaps.items())


def recycled_note(earlier: Sequence[str]) -> str:
    """Why a candidate is left out: 'recycled from a, b, left out'."""
    return f"recycled from {', '.join(earlier)}, left out"


def waterfall_candidates(prepared: pd.DataFrame, entity: str, year: str) -> pd.DataFrame:
    """Every whole-company claim that could fill each line of the year's waterfall, in headline order:
    line, id, metric, includes, value_usd, qualifier, finite_low, finite_high, basis, source, derived, left_out.
    left_out says why a claim never fills its line (a recycled earlier figure, transforms.recycled); empty otherwise."""
    recycled = tf.recycled(prepared[prepared["entity"] == entity])
    frames = []
    for line in WATERFALL_LINES:
        metrics = [m for m, d in METRICS.items() if d.waterfall == line]
        rows = tf.rank(_annual(prepared, entity, metrics, year))
        frames.append(rows.assign(line=line, source=[source_label(r) for _, r in rows.iterrows()],
                                  left_out=pd.Series([recycled_note(recycled[i]) if i in recycled else "" for i in rows["id"]],
                                                     index=rows.index, dtype="str")))
    candidates = pd.concat(frames, ignore_index=True)
    return candidates[["line", "id", "metric", "includes", "value_usd", "qualifier", "finite_low", "finite_high", "basis",
                       "source", "derived", "left_out"]]


def candidates_table(candidates: pd.DataFrame) -> pd.DataFrame:
    """The candidates as the page lists them: why a figure is left out first, and what a bundle includes in words."""
    shown = candidates.assign(includes=candidates["includes"].map(bundle_text).astype("str"))
    return shown[["line", "id", "left_out", *[c for c in shown.columns if c not in ("line", "id", "left_out")]]]


def choose(candidates: pd.DataFrame, choice: str) -> pd.Series:
    """The candidate a choice picks: Headline (the rule's first), Low, High or a source label."""
    if choice == "Low":
        return candidates.loc[candidates["value_usd"].idxmin()]
    if choice == "High":
        return candidates.loc[candidates["value_usd"].idxmax()]
    named = candidates[candidates["source"] == choice]
    return (named if not named.empty else candidates).iloc[0]


def bundled_lines(claim: pd.Series) -> list[str]:
    """The waterfall lines a bundled claim (one with includes) covers besides its own."""
    included = claim["includes"].split(",") if isinstance(claim["includes"], str) else []
    own = METRICS[claim["metric"]].waterfall
    return [line for line in dict.fromkeys(METRICS[m].waterfall for m in included) if line and line != own]


WATERFALL_COLUMNS = ["label", "kind", "amount_usd", "claim_ids", "basis", "qualifier", "low_usd", "high_usd", "covers"]


def waterfall_lines(prepared: pd.DataFrame, entity: str, year: str, choices: dict[str, str] | None = None,
                    candidates: pd.DataFrame | None = None) -> pd.DataFrame:
    """The year's bars: revenue, each cost line (negative), 'Other / unexplained', and the net loss total.

    `choices` maps a line to Headline, Low, High or a source label (default Headline). A picked claim that
    bundles other lines (includes) replaces them: one bar, labelled with every line it covers. Other /
    unexplained is whatever makes revenue minus the lines equal the loss, so the chart always adds up; see
    reconcile() for whether it can. The total is labelled with the loss claim's basis. low_usd and high_usd
    are each bar's finite interval (positive amounts); covers names the other lines a bundled bar stands for.
    `candidates` saves recomputing waterfall_candidates for a caller that builds several choices of one year.
    """
    choices = choices or {}
    candidates = waterfall_candidates(prepared, entity, year) if candidates is None else candidates
    picked = {}
    for line in WATERFALL_LINES:
        options = candidates[(candidates["line"] == line) & (candidates["left_out"] == "")]
        if not options.empty:
            picked[line] = choose(options, choices.get(line, "Headline"))
    if "Net loss" not in picked:
        raise ValueError(f"no net loss for {entity} in {year}")
    covered = {line: other for other, claim in picked.items() for line in bundled_lines(claim)}
    rows = []
    for line in (line for line in WATERFALL_LINES if line in picked and line != "Net loss" and line not in covered):
        claim = picked[line]
        label = " + ".join([line] + bundled_lines(claim))
        sign = 1 if line == "Revenue" else -1
        rows.append({"label": label, "kind": "revenue" if sign > 0 else "cost", "amount_usd": sign * claim["value_usd"],
                     "claim_ids": claim["id"], "basis": claim["basis"], "qualifier": claim["qualifier"],
                     "low_usd": claim["finite_low"], "high_usd": claim["finite_high"],
                     "covers": ", ".join(bundled_lines(claim)) or None})
    loss = picked["Net loss"]
    explained = sum(r["amount_usd"] for r in rows)
    rows.append({"label": "Other / unexplained", "kind": "other", "amount_usd": -loss["value_usd"] - explained,
                 "claim_ids": None, "basis": "derived", "qualifier": None, "low_usd": math.nan, "high_usd": math.nan,
                 "covers": None})
    rows.append({"label": f"Net loss ({loss['basis']})", "kind": "total", "amount_usd": -loss["value_usd"],
                 "claim_ids": loss["id"], "basis": loss["basis"], "qualifier": loss["qualifier"],
                 "low_usd": loss["finite_low"], "high_usd": loss["finite_high"], "covers": None})
    return pd.DataFrame(rows, columns=WATERFALL_COLUMNS)


def reconcile(lines: pd.DataFrame) -> dict:
    """Whether a waterfall's lines can add up within their qualifiers.

    The listed costs can be no smaller than the sum of their lower ends, and revenue plus loss (the total
    cost) no larger than the sum of their upper ends; the gap is the first minus the second. A positive gap
    means the costs exceed revenue plus loss even at the qualifiers' limits. Returns gap_usd, ok, message and
    the claims on each side.
    """
    costs = lines[lines["kind"] == "cost"]
    totals = lines[lines["kind"].isin(["revenue", "total"])]
    least_cost = float(costs["low_usd"].sum())
    most_total = float(totals["high_usd"].sum())
    gap = least_cost - most_total
    cost_ids = ", ".join(costs["claim_ids"])
    total_ids = ", ".join(totals["claim_ids"])
    ok = gap <= 1e-6 * max(most_total, 1.0)
    message = "" if ok else (
        f"The costs listed come to at least {format_usd(least_cost)} ({cost_ids}), more than revenue plus loss "
        f"can reach ({format_usd(most_total)}: {total_ids}), by {format_usd(gap)} even at the limits of "
        "their qualifiers: these figures cannot all hold for the same year and scope."
    )
    return {"gap_usd": gap, "ok": ok, "message": message, "cost_claims": cost_ids, "total_claims": total_ids}


@dataclass(frozen=True)
class RunwayInputs:
    """Runway slider defaults taken from the claims, with the claims they come from.

    The cost band is the lowest and highest cost the same year's revenue and loss allow within their
    qualifiers and alternatives (same scope, same period); low_claims and high_claims give each end.
    """

    cash_usd: float
    monthly_revenue_usd: float
    monthly_cost_usd: float
    start: dt.date
    cost_low_ratio: float
    cost_high_ratio: float
    claim_ids: tuple[str, ...]
    explanation: str
    low_claims: tuple[str, ...] = ()
    high_claims: tuple[str, ...] = ()
    year: str = ""
    revenue_year: str = ""  # the year the revenue figure is of: `year`, or the year before when carried forward


@dataclass(frozen=True)
class _RunwayClaims:
    """The claims the runway's defaults come from: the loss year, its loss alternatives and headline, the revenue
    (of that year, or of the year before, carried forward: revenue_year says which) and the cash in hand."""

    year: str
    revenue_year: str
    revenue_rows: pd.DataFrame
    loss_rows: pd.DataFrame
    revenue: pd.Series
    loss: pd.Series
    cash: pd.Series | None  # None: the claims in force give no cash in hand at all (the runway starts at $0)


def _year(period: str) -> int:
    return int(period[:4])


def _runway_search(prepared: pd.DataFrame, entity: str, as_of=None) -> tuple[_RunwayClaims | None, str]:
    """The runway's claims from one time, or None and why there are none.

    Cash, revenue and cost come from the same or adjacent calendar years. The loss year: the latest with both a
    revenue and a loss figure, else the latest loss (later years first among each). A loss year without revenue
    takes the year before's revenue, carried forward; with neither it is passed over. The cash: cash in hand
    (vocabulary.cash_in_hand: a funding round, else an investment, that has happened; never a commitment) dated
    within a year of both the loss and the revenue, the latest funding round first; when the claims give no cash
    in hand at all, none ($0 from the end of the loss year). Every year started by as_of. Recycled figures
    (transforms.recycled) are never inputs.
    """
    prepared = tf.without_recycled(prepared)
    losses = _annual(prepared, entity, ["net_loss"])
    revenues = _annual(prepared, entity, ["revenue"])
    cash = company_figures(prepared, entity, CASH_METRICS)
    in_hand = pd.Series([cash_in_hand(m, b) for m, b in zip(cash["metric"], cash["basis"])], index=cash.index, dtype=bool)
    cash = cash[~cash["derived"] & (cash["value_usd"] > 0) & in_hand]
    if as_of is not None:
        losses, revenues, cash = (rows[rows["period_start"] <= pd.Timestamp(as_of)] for rows in (losses, revenues, cash))
    if losses.empty:
        return None, f"The claims in force give no yearly loss for {entity}, so there is no burn to project."
    with_revenue = set(revenues["period"])
    years = sorted(set(losses["period"]), key=lambda y: (y in with_revenue, y), reverse=True)
    reasons = []
    for year in years:
        revenue_year = year if year in with_revenue else str(_year(year) - 1)
        if revenue_year not in with_revenue:
            reasons.append(f"the {year} loss has no revenue figure for {year} or {revenue_year}")
            continue
        span = (_year(year), _year(revenue_year))
        near = cash[cash["period"].map(lambda p: max(span) - 1 <= _year(p) <= min(span) + 1).astype(bool)]
        picked = next((c for c in (tf.headline(near[near["metric"] == m]) for m in CASH_METRICS) if c is not None), None)
        if picked is None and not cash.empty:
            reasons.append(f"the {year} loss has no cash in hand (a funding round or a paid investment) dated "
                           f"{max(span) - 1}–{min(span) + 1}")
            continue
        loss_rows, revenue_rows = losses[losses["period"] == year], revenues[revenues["period"] == revenue_year]
        return _RunwayClaims(year, revenue_year, revenue_rows, loss_rows, tf.headline(revenue_rows), tf.headline(loss_rows),
                             picked), ""
    return None, (f"The claims in force give no cash, revenue and loss for {entity} from the same or adjacent years, so the "
                  f"runway cannot be projected: {'; '.join(reasons)}.")


def _runway_claims(prepared: pd.DataFrame, entity: str, as_of=None) -> _RunwayClaims | None:
    """The runway's claims from one time (see _runway_search), or None."""
    return _runway_search(prepared, entity, as_of)[0]


def runway_problem(prepared: pd.DataFrame, entity: str, as_of=None) -> str:
    """Why runway_inputs gives None, in a sentence for the page ('' when it does not)."""
    return _runway_search(prepared, entity, as_of)[1]


def runway_inputs(prepared: pd.DataFrame, entity: str, as_of=None) -> RunwayInputs | None:
    """Starting cash = cash in hand, from its date; revenue and cost from one year; all from the same or adjacent
    years (see _runway_search). Cost = the revenue + the year's loss. None when the claims in force give no such
    set (runway_problem says why).
    """
    found = _runway_claims(prepared, entity, as_of)
    if found is None:
        return None
    year, revenue_rows, loss_rows, revenue, loss, cash = (found.year, found.revenue_rows, found.loss_rows, found.revenue,
                                                          found.loss, found.cash)
    revenue_usd = revenue["value_usd"]
    base_cost = revenue_usd + loss["value_usd"]
    low_revenue = _end(revenue_rows, "finite_low", min)
    low_loss = _end(loss_rows, "finite_low", min)
    high_revenue = _end(revenue_rows, "finite_high", max)
    high_loss = _end(loss_rows, "finite_high", max)
    low, high = low_revenue[0] + low_loss[0], high_revenue[0] + high_loss[0]
    ids = [c["id"] for c in (cash, revenue, loss) if c is not None]
    start = cash["period_start"].date() if cash is not None else loss["period_end"].date() + dt.timedelta(days=1)
    carried = "" if found.revenue_year == year else f"; revenue: {found.revenue_year} figure carried forward to {year}"
    explanation = (
        f"start {start:%b %Y} with cash "
        + (f"{qualified(format_usd(cash['value_usd']), cash['qualifier'])} ({charts.metric_label(cash['metric']).lower()}, "
           f"{cash['period']}); " if cash is not None else "$0 (no cash in hand in the claims); ")
        + f"revenue {qualified(format_usd(revenue_usd), revenue['qualifier'])} a year ({found.revenue_year}); "
        f"cost = revenue + net loss {qualified(format_usd(loss['value_usd']), loss['qualifier'])} ({loss['period']}, {loss['basis']})"
        f"{carried}"
    )
    return RunwayInputs(
        cash_usd=float(cash["value_usd"]) if cash is not None else 0.0,
        monthly_revenue_usd=float(revenue_usd / 12),
        monthly_cost_usd=float(base_cost / 12),
        start=start,
        cost_low_ratio=float(low / base_cost) if base_cost else 1.0,
        cost_high_ratio=float(high / base_cost) if base_cost else 1.0,
        claim_ids=tuple(dict.fromkeys(ids + list(revenue_rows["id"]) + list(loss_rows["id"]))),
        explanation=explanation,
        low_claims=tuple(i for i in (low_revenue[1], low_loss[1]) if i),
        high_claims=tuple(i for i in (high_revenue[1], high_loss[1]) if i),
        year=year,
        revenue_year=found.revenue_year,
    )


def _end(rows: pd.DataFrame, column: str, pick) -> tuple[float, str | None]:
    """The lowest or highest end among same-period alternatives, and the claim that gives it."""
    if rows.empty:
        return 0.0, None
    at = rows[column].idxmin() if pick is min else rows[column].idxmax()
    return float(rows.loc[at, column]), rows.loc[at, "id"]


@dataclass(frozen=True)
class Scenario:
    """One runway run with its band: low is the worst cash outcome (highest costs), high the best."""

    base: runway.Projection
    low: runway.Projection
    high: runway.Projection
    assumptions: str


def scenario(inputs: RunwayInputs, assumptions: RunwayAssumptions, events: Sequence[FundingEvent] = ()) -> Scenario:
    """Project base, low-cost and high-cost cases; the band scales cost by the claims' spread. The text notes each
    raise that is an offered event (describe_raises)."""
    a = assumptions
    text = (
        f"start {inputs.start:%b %Y} with {format_usd(a.cash_usd)} cash · revenue {format_usd(a.monthly_revenue_usd)}/month "
        f"growing {a.revenue_growth_yoy:+.0%}/yr · costs {format_usd(a.monthly_cost_usd)}/month growing {a.cost_growth_yoy:+.0%}/yr · "
        f"band: costs x{inputs.cost_low_ratio:.2f} to x{inputs.cost_high_ratio:.2f} (the year's alternatives and qualifiers)"
    )
    if a.raises:
        text += f" · {describe_raises(a.raises, events)}"
    return Scenario(a.project(inputs.start), a.project(inputs.start, inputs.cost_high_ratio),
                    a.project(inputs.start, inputs.cost_low_ratio), text)


def runway_chart(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs, result: Scenario,
                 alive_growth: float | None = None, assumptions: RunwayAssumptions | None = None,
                 events: Sequence[FundingEvent] = ()) -> charts.Chart:
    """The runway chart; given the assumptions and the growth it takes to be default alive (alive_growth), it
    also draws the revenue path that growth implies. Given the offered events, each raise that is one is marked
    with its note, a raise that is not cash in hand drawn dashed, and Epoch AI cited when a raise is its round."""
    behind = _behind(prepared, inputs)
    band = (", ".join(inputs.high_claims), ", ".join(inputs.low_claims))  # the low cash path has the highest costs
    alive = None
    if assumptions is not None and alive_growth is not None and alive_growth > runway.GROWTH_FLOOR:
        alive = replace(assumptions, revenue_growth_yoy=alive_growth).project(inputs.start)
    raises = assumptions.raises if assumptions is not None else ()
    marks = [(event.date, event.note, not event.unpaid) for event in in_force(raises, events)]
    return _cited(charts.runway(result.base, result.low, result.high, result.assumptions, behind, entity, band, alive, alive_growth,
                                marks), raises, events)


def describe_raises(raises: tuple[tuple[dt.date, float], ...], events: Sequence[FundingEvent] = ()) -> str:
    """'raises $40.0B 01 Mar 2025, $100.0B 01 Sep 2025 (assumes the Nvidia commitment, not yet paid out, is paid)', or
    'no raises', for subtitles and captions: a raise that is an offered event carries its note (FundingEvent.note)."""
    if not raises:
        return "no raises"
    notes = {event.pair: event.note for event in events}
    return "raises " + ", ".join(f"{format_usd(usd)} {when:%d %b %Y}" + (f" ({notes[(when, usd)]})" if notes.get((when, usd)) else "")
                                 for when, usd in raises)


def then_vs_now(claims: pd.DataFrame, entity: str, then, horizon_months: int = 120) -> dict:
    """The runway projected from claims published by `then`, beside the one from every claim.

    Returns {"then": (inputs, projection) or None, "now": (...) or None, "why": {"then": ..., "now": ...} (why a
    side has no projection, runway_problem), "not_comparable": why the two runways' inputs are not of the same kinds
    (kind_change; '' when they are, or when a side is missing), "predictions": forecasts known by `then`, "later":
    funding, valuation, loss and revenue claims published after it (or undated)}.
    """
    out, out["why"] = {}, {}
    known = tf.as_of(claims, then, include_undated=True)
    kinds = {}
    for key, frame, date in (("then", known, then), ("now", claims, None)):
        prepared = tf.prepare(frame)
        inputs = runway_inputs(prepared, entity, date)
        out["why"][key] = runway_problem(prepared, entity, date)
        out[key] = None if inputs is None else (inputs, replace(RunwayAssumptions.defaults(inputs),
                                                                horizon_months=horizon_months).project(inputs.start))
        kinds[key] = None if inputs is None else input_kinds(prepared, inputs.claim_ids)
    out["not_comparable"] = kind_change(kinds["then"], kinds["now"]) if None not in kinds.values() else ""
    out["predictions"] = known[(known["entity"] == entity) & known["metric"].isin(PREDICTIONS)]
    later = claims[~claims["id"].isin(known["id"]) & (claims["entity"] == entity)
                   & claims["metric"].isin(["funding_round", "valuation", "net_loss", "revenue"]) & claims["value"].notna()
                   & (claims["unit"] == "USD")]
    out["later"] = tf.add_period_dates(later).sort_values("period_start", kind="mergesort")
    return out


def then_and_now_chart(claims: pd.DataFrame, entity: str, then, comparison: dict | None = None) -> charts.Chart | None:
    """The then-vs-now projections on one chart, or None when either side has too few claims to project."""
    comparison = comparison or then_vs_now(claims, entity, then)
    if comparison["then"] is None or comparison["now"] is None:
        return None
    (then_inputs, then_projection), (now_inputs, now_projection) = comparison["then"], comparison["now"]
    prepared = tf.prepare(claims)
    behind = prepared[prepared["id"].isin(set(then_inputs.claim_ids) | set(now_inputs.claim_ids)) & ~prepared["derived"]]
    return charts.then_and_now(then_projection, now_projection, then, then_inputs.explanation, now_inputs.explanation,
                               behind, entity, comparison.get("not_comparable", ""))


def build_charts(claims: pd.DataFrame, entity: str = "OpenAI", runway_settings: dict | None = None,
                 as_of=None, scenarios: Sequence[tuple[str, dict]] = (), peers: pd.DataFrame | None = None) -> list[charts.Chart]:
    """Every chart of the dashboard at its default settings, for export. claims are those in force; as_of
    (default: none) keeps headline figures to periods started by then. runway_settings gives runway assumptions
    by name in the model's units (cash_usd=..., raises=...); RunwayAssumptions.resolve checks them and clamps them
    to the sliders' ranges, so the deck and the command line project what the Runway page would show. scenarios,
    (name, values by name in the model's units, the others runway_settings'), adds the scenario chart. peers,
    Epoch AI's rows in force, add its points to a timeline with no article figures (as the Timeline page does by
    default) and the compute-beside-revenue chart, and offer its rounds as raises (funding_events): a raise in
    runway_settings that is one of them is noted and cited on the runway charts, as on the page."""
    prepared = tf.prepare(claims)
    covered = second_opinion.companies(peers) if peers is not None else []
    if entity not in set(prepared["entity"]) and entity not in covered:
        raise ValueError(f"unknown company {entity!r}; the data has: {', '.join(entities(prepared) + covered)}")
    available = charts.timeline_metrics(prepared, entity)
    timeline = charts.timeline(prepared, entity, charts.default_timeline_metrics(available))
    built = [charts.with_peers(timeline, second_opinion.rows_for(peers, entity)) if not available and entity in covered else timeline]
    years = waterfall_years(prepared, entity, as_of)
    if years:
        built.append(charts.waterfall(waterfall_lines(prepared, entity, years[0]), prepared, entity, years[0]))
    inputs = runway_inputs(prepared, entity, as_of)
    if inputs is not None:
        assumptions = RunwayAssumptions.resolve(inputs, runway_settings or {})
        events = funding_events(prepared, entity, inputs, peers)
        built.append(runway_chart(prepared, entity, inputs, scenario(inputs, assumptions, events),
                                  alive_growth(assumptions, inputs.start), assumptions, events))
        built.append(sensitivity_chart(prepared, entity, inputs, assumptions, events))
        built.append(fan_chart(prepared, entity, inputs, assumptions, fan_intervals(prepared, entity, as_of), events))
        if scenarios:
            saved = [SavedScenario(name, RunwayAssumptions.resolve(inputs, {**(runway_settings or {}), **values}))
                     for name, values in scenarios]
            built.append(scenarios_chart(prepared, entity, inputs, assumptions, saved, events))
        first = claims["source_published"].min()
        then = then_and_now_chart(claims, entity, first.date() if pd.notna(first) else None)
        if then is not None:
            built.append(then)
    built += [chart for chart in overview_charts(prepared, entity, as_of).values() if chart is not None]
    compute = compute_chart(peers) if peers is not None else None
    return built + ([compute] if compute is not None else [])


def overview_charts(prepared: pd.DataFrame, entity: str, as_of=None) -> dict[str, charts.Chart | None]:
    """The overview's charts by key: revenue, loss and burn by year; burn per day and month; where the sources
    disagree. None where the claims in force give nothing to draw."""
    figures = yearly_figures(prepared, entity, as_of)
    rates = burn_rates(prepared, entity, as_of)
    compared = compared_figures(prepared, entity)
    return {
        "by_year": None if figures.empty else charts.yearly(figures, prepared, entity),
        "burn_rate": None if rates.empty else charts.burn(rates, prepared, entity),
        "disagreements": None if compared.empty else charts.disagreements(compared, prepared, entity),
    }


SOURCE_TABLE_COLUMNS = ["id", "entity", "metric", "scope", "includes", "value", "unit", "per", "period", "basis", "qualifier", "quote",
                        "quote_en", "source_publisher", "source_source_type", "source_published", "source_written",
                        "source_language", "inferred", "note", "conflict_id"]


def filter_claims(prepared: pd.DataFrame, entities=(), metrics=(), sources=(), bases=(), languages=()) -> pd.DataFrame:
    """The Sources table: original claims (no derived rows) matching every non-empty filter, in file order; includes
    says what a bundled figure stands for (vocabulary.bundle_text)."""
    rows = prepared[~prepared["derived"]]
    for column, wanted in (("entity", entities), ("metric", metrics), ("source", sources), ("basis", bases), ("source_language", languages)):
        if wanted:
            rows = rows[rows[column].isin(list(wanted))]
    rows = rows.assign(includes=rows["includes"].map(bundle_text).astype("str"))
    return rows.sort_values("line", kind="mergesort")[SOURCE_TABLE_COLUMNS].reset_index(drop=True)


YEARLY_METRICS = ("revenue", "net_loss", "cash_burn")


def yearly_figures(prepared: pd.DataFrame, entity: str, as_of=None) -> pd.DataFrame:
    """Revenue, loss and cash burn by calendar year: the headline of each (whole company, years started by
    the as-of date), with the finite interval its qualifier gives and whether the interval is open above.

    Columns: year, metric, value_usd, qualifier, low_usd, high_usd, open_above, claim_id, basis.
    """
    rows = _annual(prepared, entity, YEARLY_METRICS)
    if as_of is not None:
        rows = rows[rows["period_start"] <= pd.Timestamp(as_of)]
    picked = [tf.headline(group) for _, group in rows.groupby(["period", "metric"], sort=True)]
    frame = pd.DataFrame([{
        "year": c["period"], "metric": c["metric"], "value_usd": float(c["value_usd"]), "qualifier": c["qualifier"],
        "low_usd": float(c["finite_low"]), "high_usd": float(c["finite_high"]), "open_above": bool(math.isinf(c["high"])),
        "claim_id": c["id"], "basis": c["basis"],
    } for c in picked], columns=["year", "metric", "value_usd", "qualifier", "low_usd", "high_usd", "open_above", "claim_id", "basis"])
    order = {metric: i for i, metric in enumerate(YEARLY_METRICS)}
    return frame.sort_values(["year", "metric"], key=lambda s: s.map(order) if s.name == "metric" else s,
                             kind="mergesort").reset_index(drop=True)


def burn_rates(prepared: pd.DataFrame, entity: str, as_of=None) -> pd.DataFrame:
    """Burn per day and per month: each year's burn (cash burn, else loss, as the overview reads it) divided
    by 365 and 12, beside any daily or monthly cost a source gives for a narrower scope (ChatGPT's running
    cost), each labelled with its scope.

    Columns: period, scope, what, per, value_usd, qualifier, claim_id, basis.
    """
    rows = []
    years = sorted(set(_annual(prepared, entity, ["cash_burn", "net_loss"])["period"]))
    for year in years:
        burn = burn_figure(prepared[prepared["period"].isin([year])], entity, as_of)
        if burn is None:
            continue
        for per in ("day", "month"):
            rows.append({"period": year, "scope": COMPANY, "what": f"{METRICS[burn['metric']].label} / {PER_YEAR[per]}",
                         "per": per, "value_usd": float(burn["value_usd"]) / PER_YEAR[per], "qualifier": burn["qualifier"],
                         "claim_id": burn["id"], "basis": burn["basis"]})
    scoped = tf.drop_twins(prepared[(prepared["entity"] == entity) & (prepared["scope"] != COMPANY) & ~prepared["derived"]
                                    & prepared["per"].isin(["day", "month"]) & prepared["value_usd"].notna()
                                    & prepared["metric"].map(lambda m: METRICS[m].accrues if m in METRICS else False)])
    if as_of is not None:
        scoped = scoped[scoped["period_start"] <= pd.Timestamp(as_of)]
    for _, claim in tf.rank(scoped).drop_duplicates(["metric", "scope", "period", "per"]).iterrows():
        rows.append({"period": claim["period"], "scope": claim["scope"], "what": METRICS[claim["metric"]].label,
                     "per": claim["per"], "value_usd": float(claim["value_usd"]), "qualifier": claim["qualifier"],
                     "claim_id": claim["id"], "basis": claim["basis"]})
    return pd.DataFrame(rows, columns=["period", "scope", "what", "per", "value_usd", "qualifier", "claim_id", "basis"])


def compared_figures(prepared: pd.DataFrame, entity: str) -> pd.DataFrame:
    """Every figure two or more articles give (transforms.dated_comparisons), one row per claim in it: the group's
    label (naming a bundle), status (disagree, consistent, or point-in-time figures acknowledged as holding at
    different dates), finite range and acknowledged reason, and the claim's own period, value and article.

    Columns: figure, status, low_usd, high_usd, low_claim, high_claim, capped, reason, claim_id, period, value_usd,
    qualifier, source.
    """
    groups = tf.dated_comparisons(prepared[prepared["entity"] == entity])
    by_id = prepared.drop_duplicates("id").set_index("id")
    rows = []
    for _, group in groups.iterrows():
        ids = [i.strip() for i in group["claim_ids"].split(",")]
        bundle = bundle_text(by_id.loc[ids[0], "includes"])
        label = f"{charts.series_name(group['metric'], group['scope'])} {group['period']}" + (f" ({bundle})" if bundle else "")
        for claim_id in ids:
            claim = by_id.loc[claim_id]
            rows.append({"figure": label, "status": group["status"], "low_usd": group["low"], "high_usd": group["high"],
                         "low_claim": group["low_claim"], "high_claim": group["high_claim"], "capped": group["capped"],
                         "reason": group["reason"], "claim_id": claim_id, "period": claim["period"],
                         "value_usd": float(claim["value_usd"]), "qualifier": claim["qualifier"],
                         "source": source_label(claim)})
    return pd.DataFrame(rows, columns=COMPARED_COLUMNS)


COMPARED_COLUMNS = ["figure", "status", "low_usd", "high_usd", "low_claim", "high_claim", "capped", "reason", "claim_id", "period",
                    "value_usd", "qualifier", "source"]


FUNDING_METRICS = ("funding_round", "investment_commitment", "investment")
EPOCH = "Epoch AI"


@dataclass(frozen=True)
class FundingEvent:
    """Funding dated after the projection start, offered on the Runway page as a one-click raise: a claim's, or a
    round in Epoch AI's data (peer holds its row, so whatever uses the raise cites Epoch)."""

    claim_id: str  # the claim's id, or "Epoch AI: <row id> (<kind>)"
    date: dt.date
    amount_usd: float
    label: str  # "Investment commitment from Nvidia, 2025-09: $100.0B (commitment: not yet paid out)"
    source: str  # "News outlet: Digital Times (2026-02-01)"
    unpaid: bool  # not cash in hand: a commitment, a round not closed; never among "all closed rounds"
    caveat: str = ""  # what every card and chart using the raise says: "assumes ... is paid"
    peer: pd.DataFrame | None = field(default=None, compare=False, repr=False)

    @property
    def pair(self) -> tuple[dt.date, float]:
        """The raise it adds: (date, amount in USD)."""
        return self.date, self.amount_usd

    @property
    def note(self) -> str:
        """What a raise from it is marked with: its caveat, and Epoch AI when the round is Epoch's."""
        origin = (f"{EPOCH}, {KINDS[self.peer['kind'].iloc[0]].label.lower()} '{self.peer['id'].iloc[0]}'"
                  if self.peer is not None else "")
        return "; ".join(part for part in (origin, self.caveat) if part)


def _claim_caveat(claim: pd.Series) -> str:
    """What a raise of funding that is not cash in hand assumes."""
    partner = claim["counterparty"] if isinstance(claim["counterparty"], str) else ""
    if claim["basis"] == "commitment":
        return f"assumes the {partner + ' ' if partner else ''}commitment, not yet paid out, is paid"
    return f"assumes the {claim['basis']} {charts.metric_label(claim['metric']).lower()} of {claim['period']} is paid"


def _same_deal(claim: pd.Series, row: pd.Series) -> bool:
    """Whether an Epoch equity round is a claim's deal: dated within the claim's period, amounts overlapping."""
    return (row["kind"] == "equity_funding" and claim["period_start"] <= row["date"] <= claim["period_end"]
            and overlaps((claim["low"], claim["high"]), (row["low"], row["high"])))


def _funding_claims(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs) -> pd.DataFrame:
    """Funding claims with an amount, dated after the projection start, oldest first."""
    rows = company_figures(prepared, entity, FUNDING_METRICS)
    rows = rows[~rows["derived"] & (rows["period_start"] > pd.Timestamp(inputs.start))]
    return rows.sort_values(["period_start", "line"], kind="mergesort")


def _epoch_rounds(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs, peers: pd.DataFrame | None):
    """Epoch's rounds after the projection start: those to offer, and those that repeat the starting cash or a
    claim's deal, each with that claim."""
    if peers is None:
        return [], []
    rounds = second_opinion.funding_rounds(peers, entity)
    rounds = rounds[rounds["date"] > pd.Timestamp(inputs.start)]
    deals = pd.concat([prepared[prepared["id"].isin(inputs.claim_ids[:1]) & prepared["metric"].isin(CASH_METRICS)],
                       _funding_claims(prepared, entity, inputs)])
    offered, repeats = [], []
    for _, row in rounds.iterrows():
        same = next((claim for _, claim in deals.iterrows() if _same_deal(claim, row)), None)
        (offered if same is None else repeats).append((row, same))
    return offered, repeats


def funding_events(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs,
                   peers: pd.DataFrame | None = None) -> list[FundingEvent]:
    """The one-click raises: funding rounds, investments and commitments with an amount, dated after the projection
    start, oldest first; then, given Epoch AI's rows in force (peers), Epoch's equity and debt rounds after the
    start, oldest first, each with its status, except those that repeat the starting cash or a claim's deal."""
    events = []
    for _, claim in _funding_claims(prepared, entity, inputs).iterrows():
        partner = claim["counterparty"]
        unpaid = not cash_in_hand(claim["metric"], claim["basis"])
        events.append(FundingEvent(
            claim_id=claim["id"], date=claim["period_start"].date(), amount_usd=float(claim["value_usd"]),
            label=(f"{charts.metric_label(claim['metric'])}{f' from {partner}' if isinstance(partner, str) else ''}, "
                   f"{claim['period']}: {qualified(format_usd(claim['value_usd']), claim['qualifier'])}"
                   + (" (commitment: not yet paid out)" if claim["basis"] == "commitment" else f" ({claim['basis']})")),
            source=source_kind_label(claim), unpaid=unpaid, caveat=_claim_caveat(claim) if unpaid else "",
        ))
    for row, _ in _epoch_rounds(prepared, entity, inputs, peers)[0]:
        closed = row["status"] == "closed"
        status = row["status"] if isinstance(row["status"], str) else "status not given"
        confidence = row["confidence"] if isinstance(row["confidence"], str) else "not given"
        url = row["url_1"] if isinstance(row["url_1"], str) else ""
        events.append(FundingEvent(
            claim_id=f"{EPOCH}: {row['id']} ({KINDS[row['kind']].label.lower()})", date=row["date"].date(),
            amount_usd=float(row["value_usd"]),
            label=(f"{KINDS[row['kind']].label}, {row['date']:%Y-%m-%d}: {format_usd(row['value_usd'])} "
                   f"({EPOCH}, {status}{'' if closed else ': not closed'})"),
            source=f"{EPOCH} ({LICENCE}): row '{row['id']}', {status}, confidence {confidence}" + (f", {url}" if url else ""),
            unpaid=not closed, caveat="" if closed else f"assumes {EPOCH}'s round '{row['id']}' ({status}) closes and is paid",
            peer=peers[(peers["company"] == entity) & (peers["id"] == row["id"]) & (peers["kind"] == row["kind"])].reset_index(drop=True),
        ))
    return events


def epoch_repeats(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs, peers: pd.DataFrame | None) -> list[str]:
    """The Epoch rounds after the start that funding_events leaves out, each with the claim it repeats."""
    return [f"'{row['id']}' ({format_usd(row['value_usd'])}, {row['status']}): "
            + ("the starting cash" if claim["id"] in inputs.claim_ids[:1] else f"claim {claim['id']}")
            for row, claim in _epoch_rounds(prepared, entity, inputs, peers)[1]]


def closed_rounds(events: Sequence[FundingEvent]) -> tuple[tuple[dt.date, float], ...]:
    """The raises "Add all closed rounds" adds: every offered round that is cash once it happens (no commitment,
    no round still in discussion)."""
    return tuple(event.pair for event in events if not event.unpaid)


def in_force(raises: Sequence[tuple[dt.date, float]], events: Sequence[FundingEvent]) -> list[FundingEvent]:
    """The offered events that these raises are (same date and amount), in the raises' order."""
    by_pair = {event.pair: event for event in events}
    return [by_pair[pair] for pair in raises if pair in by_pair]


def peer_rows(raises: Sequence[tuple[dt.date, float]], events: Sequence[FundingEvent]) -> pd.DataFrame | None:
    """The Epoch AI rows behind the raises in force, for a chart's citation; None when none is Epoch's."""
    rows = [event.peer for event in in_force(raises, events) if event.peer is not None]
    return pd.concat(rows, ignore_index=True) if rows else None


def raises_effect(inputs: RunwayInputs, assumptions: RunwayAssumptions, events: Sequence[FundingEvent] = ()) -> str:
    """What the raises in force do to the cash, beside the same sliders without them, each raise with its note (what
    it assumes, Epoch AI's row); '' when there are none. Under the cards, so every card using a raise says it."""
    if not assumptions.raises:
        return ""

    def lasts(projection: runway.Projection) -> str:
        return (f"runs out in {projection.zero_cash_date:%b %Y} ({projection.runway_months:.1f} months)"
                if projection.zero_cash_date is not None else f"lasts beyond the {assumptions.horizon_months}-month horizon")

    with_raises = assumptions.project(inputs.start)
    without = replace(assumptions, raises=()).project(inputs.start)
    added = format_usd(sum(usd for _, usd in assumptions.raises))
    return (f"With {added} raised ({describe_raises(assumptions.raises, events).removeprefix('raises ')}), the cash "
            f"{lasts(with_raises)}; without the raises it {lasts(without)}.")


def alive_growth(assumptions: RunwayAssumptions, start: dt.date) -> float | None:
    """The yearly revenue growth it takes to be default alive with these costs, cost growth and raises (see
    lib.runway.growth_to_break_even: -0.99 when alive at any growth, None when not even at +1000%)."""
    a = assumptions
    return runway.growth_to_break_even(a.cash_usd, a.monthly_revenue_usd, a.monthly_cost_usd, a.cost_growth_yoy, start,
                                       a.horizon_months, raises=a.raises)


def alive_growth_text(growth: float | None) -> str:
    """The metric's value: '+47% a year', 'any' (alive even at -99%) or 'more than +1000% a year'."""
    if growth is None:
        return f"more than {runway.GROWTH_CEILING:+.0%} a year"
    if growth <= runway.GROWTH_FLOOR:
        return "any (alive even at -99% a year)"
    return f"{growth:+.0%} a year"


def describe_assumptions(a: RunwayAssumptions, events: Sequence[FundingEvent] = ()) -> str:
    """Every assumption in one line, for a scenario's subtitle entry and its CSV rows (raises noted as describe_raises)."""
    return (f"cash {format_usd(a.cash_usd)}, revenue {format_usd(a.monthly_revenue_usd)}/month "
            f"{a.revenue_growth_yoy:+.0%}/yr, costs {format_usd(a.monthly_cost_usd)}/month {a.cost_growth_yoy:+.0%}/yr, "
            f"{describe_raises(a.raises, events)}, {a.horizon_months} months")


def _behind(prepared: pd.DataFrame, inputs: RunwayInputs) -> pd.DataFrame:
    """The claims the runway inputs come from, for a runway chart's claims table."""
    return prepared[prepared["id"].isin(inputs.claim_ids)]


def _cited(chart: charts.Chart, raises, events: Sequence[FundingEvent]) -> charts.Chart:
    """A runway chart citing Epoch AI when one of its raises is Epoch's round."""
    rows = peer_rows(raises, events)
    return chart if rows is None else replace(chart, peers=rows)


def sensitivity_chart(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs, assumptions: RunwayAssumptions,
                      events: Sequence[FundingEvent] = ()) -> charts.Chart:
    """The tornado: the runway when each input moves by its step (lib.runway.sensitivity), raises included and noted."""
    a = assumptions
    table = runway.sensitivity(a.cash_usd, a.monthly_revenue_usd, a.monthly_cost_usd, a.revenue_growth_yoy, a.cost_growth_yoy,
                               inputs.start, a.horizon_months, raises=a.raises)
    base = a.project(inputs.start).runway_months
    return _cited(charts.tornado(table, base, a.horizon_months, inputs.start,
                                 f"from {inputs.start:%b %Y}: {describe_assumptions(a, events)}", _behind(prepared, inputs), entity),
                  a.raises, events)


def scenarios_chart(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs, current: RunwayAssumptions,
                    saved: Sequence[SavedScenario], events: Sequence[FundingEvent] = ()) -> charts.Chart:
    """The current sliders' cash path beside each saved scenario's, every one's assumptions listed."""
    everyone = [("current", current), *((s.name, s.assumptions) for s in saved)]
    runs = [(name, a.project(inputs.start), describe_assumptions(a, events)) for name, a in everyone]
    raises = tuple(dict.fromkeys(pair for _, a in everyone for pair in a.raises))
    return _cited(charts.scenarios(runs, _behind(prepared, inputs), entity, inputs.start), raises, events)


@dataclass(frozen=True)
class FanIntervals:
    """Each money input's intervals relative to its headline figure, from the claims in force (for lib.runway.fan's
    relative_intervals), and the claims behind each; an input the sources pin down exactly is absent."""

    relative: dict[str, tuple[tuple[float, float], ...]]
    claims: dict[str, tuple[str, ...]]


def fan_intervals(prepared: pd.DataFrame, entity: str, as_of=None) -> FanIntervals:
    """The uncertainty the sources give each money input, as "Numbers that hold up" defines it: each claim's
    finite interval (qualifier, open ends capped) divided by the headline value, one interval per disagreeing
    claim (repeats dropped, so each distinct reading weighs alike). Cash: the cash headline's alternatives of
    the same metric, period and scope. Revenue: the runway year's same-scope alternatives. Cost (= revenue +
    loss): every pairing of a revenue and a loss alternative of that year. Growth rates come from no claim."""
    found = _runway_claims(prepared, entity, as_of)
    relative: dict[str, tuple[tuple[float, float], ...]] = {}
    behind: dict[str, tuple[str, ...]] = {}
    if found is None:
        return FanIntervals(relative, behind)

    def keep(name: str, pairs: list[tuple[float, float]], ids: list[str]) -> None:
        distinct = tuple(dict.fromkeys((round(float(low), 12), round(float(high), 12)) for low, high in pairs))
        if any(pair != (1.0, 1.0) for pair in distinct):
            relative[name], behind[name] = distinct, tuple(dict.fromkeys(ids))

    cash = found.cash
    if cash is not None and cash["value_usd"] > 0:
        rows = company_figures(prepared, entity, [cash["metric"]])
        rows = rows[(rows["period"] == cash["period"]) & ~rows["derived"]]
        keep("cash_usd", [(lo / cash["value_usd"], hi / cash["value_usd"]) for lo, hi in zip(rows["finite_low"], rows["finite_high"])],
             list(rows["id"]))
    revenues, losses = found.revenue_rows, found.loss_rows
    revenue = found.revenue["value_usd"] if found.revenue is not None else 0.0
    if revenue > 0:
        keep("monthly_revenue_usd", [(lo / revenue, hi / revenue) for lo, hi in zip(revenues["finite_low"], revenues["finite_high"])],
             list(revenues["id"]))
    cost = revenue + found.loss["value_usd"]
    if cost > 0:
        pairs = (list(zip(revenues["finite_low"], revenues["finite_high"], revenues["id"])) or [(0.0, 0.0, None)])
        keep("monthly_cost_usd",
             [((r_lo + l_lo) / cost, (r_hi + l_hi) / cost) for r_lo, r_hi, _ in pairs
              for l_lo, l_hi in zip(losses["finite_low"], losses["finite_high"])],
             [i for _, _, i in pairs if i] + list(losses["id"]))
    return FanIntervals(relative, behind)


def fan_chart(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs, assumptions: RunwayAssumptions,
              intervals: FanIntervals, events: Sequence[FundingEvent] = ()) -> charts.Chart:
    """The fan: the sliders' values drawn within the sources' intervals (lib.runway.fan), saying which vary and how."""
    a = assumptions
    result = runway.fan(a.cash_usd, a.monthly_revenue_usd, a.monthly_cost_usd, a.revenue_growth_yoy, a.cost_growth_yoy,
                        inputs.start, a.horizon_months, raises=a.raises, relative_intervals=intervals.relative)
    varying = result.inputs[result.inputs["varies"]]
    fixed = result.inputs[~result.inputs["varies"]]
    varies = "; ".join(f"{row.label} {row.intervals} ({', '.join(intervals.claims[row.input])})" for row in varying.itertuples())
    spread = (f"{result.draws:,} draws (seed {result.seed}), uniform within each claim's interval, disagreeing claims alike · "
              f"varies: {varies or 'nothing (the sources pin every input down)'} · fixed: {', '.join(fixed['label']).lower()}"
              f" · never runs out in {result.never_runs_out:.0%} of draws")
    return _cited(charts.fan(result.paths, result.zero_cash, a.project(inputs.start), spread,
                             f"from {inputs.start:%b %Y}: {describe_assumptions(a, events)}", _behind(prepared, inputs), entity),
                  a.raises, events)


def compute_chart(peers: pd.DataFrame) -> charts.Chart | None:
    """Epoch AI's compute spend by year beside revenue, for the companies that have both; None when none has."""
    table = second_opinion.compute_beside_revenue(peers)
    return None if table.empty else charts.compute_vs_revenue(table, second_opinion.used_rows(peers, table))
