"""The Waterfall page's figures, computed from the claims: the years whose waterfall explains something (and
what the others lack), each line's candidate claims, the bars a choice of claims gives, and whether they can
add up.

Pure pandas; the pages only add widgets.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from lib import transforms as tf
from lib.figures import annual_figures
from lib.formatting import and_list, format_usd, source_label
from lib.i18n import N_, _
from lib.vocabulary import COST_LINES, METRICS, WATERFALL_LINES, basis_word, bundle_text


CHOICES = ("Headline", "Low", "High")
# The bars' labels, marked for the catalogs: each of lib.vocabulary's WATERFALL_LINES, the rest and the total
LINE_LABELS = (N_("Revenue"), N_("Servers & inference"), N_("Training"), N_("Staff"), N_("Data"), N_("Net loss"))
OTHER_LABEL, TOTAL_LABEL = N_("Other / unexplained"), N_("Net loss ({basis})")


def _waterfall_rows(prepared: pd.DataFrame, entity: str, as_of=None) -> pd.DataFrame:
    """Whole-company yearly figures of every waterfall line started by the as-of date, recycled figures left out."""
    metrics = [m for m, d in METRICS.items() if d.waterfall]
    rows = annual_figures(tf.without_recycled(prepared), entity, metrics)
    return rows if as_of is None else rows[rows["period_start"] <= pd.Timestamp(as_of)]


def _missing(lines: set[str]) -> list[str]:
    """What a year needs for a waterfall that explains something and lacks: a loss, a revenue figure, a cost line."""
    needs = (("Net loss", _("no net loss figure")), ("Revenue", _("no revenue figure")))
    return [text for line, text in needs if line not in lines] + ([] if lines & set(COST_LINES) else [_("no cost line")])


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
    return {year: and_list(missing) for year, missing in gaps.items() if missing}


def waterfall_gaps_text(gaps: dict[str, str]) -> str:
    """'2023: no revenue figure; 2025: no cost line', or '' when every year is offered."""
    return "; ".join(f"{year}: {missing}" for year, missing in gaps.items())


def recycled_note(earlier: Sequence[str]) -> str:
    """Why a candidate is left out: 'recycled from a, b, left out'."""
    return _("recycled from {claims}, left out").format(claims=", ".join(earlier))


def waterfall_candidates(prepared: pd.DataFrame, entity: str, year: str) -> pd.DataFrame:
    """Every whole-company claim that could fill each line of the year's waterfall, in headline order:
    line, id, metric, includes, value_usd, qualifier, finite_low, finite_high, basis, source, derived, left_out.
    left_out says why a claim never fills its line (a recycled earlier figure, transforms.recycled); empty otherwise."""
    recycled = tf.recycled(prepared[prepared["entity"] == entity])
    frames = []
    for line in WATERFALL_LINES:
        metrics = [m for m, d in METRICS.items() if d.waterfall == line]
        rows = tf.rank(annual_figures(prepared, entity, metrics, year))
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
    """The year's bars: revenue, each cost line (negative), 'Other / unexplained', and the net loss total, labelled
    in the language spoken.

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
        label = " + ".join(_(name) for name in [line] + bundled_lines(claim))
        sign = 1 if line == "Revenue" else -1
        rows.append({"label": label, "kind": "revenue" if sign > 0 else "cost", "amount_usd": sign * claim["value_usd"],
                     "claim_ids": claim["id"], "basis": claim["basis"], "qualifier": claim["qualifier"],
                     "low_usd": claim["finite_low"], "high_usd": claim["finite_high"],
                     "covers": ", ".join(map(_, bundled_lines(claim))) or None})
    loss = picked["Net loss"]
    explained = sum(r["amount_usd"] for r in rows)
    rows.append({"label": _(OTHER_LABEL), "kind": "other", "amount_usd": -loss["value_usd"] - explained,
                 "claim_ids": None, "basis": "derived", "qualifier": None, "low_usd": math.nan, "high_usd": math.nan,
                 "covers": None})
    rows.append({"label": _(TOTAL_LABEL).format(basis=basis_word(loss["basis"])), "kind": "total", "amount_usd": -loss["value_usd"],
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
    message = "" if ok else _(
        "The costs listed come to at least {least_cost} ({cost_claims}), more than revenue plus loss can reach "
        "({most_total}: {total_claims}), by {gap} even at the limits of their qualifiers: these figures cannot all hold "
        "for the same year and scope."
    ).format(least_cost=format_usd(least_cost), cost_claims=cost_ids, most_total=format_usd(most_total), total_claims=total_ids,
             gap=format_usd(gap))
    return {"gap_usd": gap, "ok": ok, "message": message, "cost_claims": cost_ids, "total_claims": total_ids}
