"""The overview's and the Sources page's figures, computed from the claims: the headline cards, what changed since
an earlier date, every figure of a company, the yearly figures and burn rates, where the sources disagree, and
the Sources table's filter.

Pure pandas; the pages only add widgets.
"""
from __future__ import annotations

import math

import pandas as pd

from lib import history_charts, transforms as tf
from lib.figures import annual_figures, company_figures, input_kinds, kind_change
from lib.formatting import claim_figure, conversion_text, format_usd, format_value, source_kind_label, source_label
from lib.i18n import N_, _
from lib.runway_inputs import runway_figure
from lib.locale_forms import qualified
from lib.vocabulary import COMPANY, METRICS, PER_YEAR, bundle_text, metric_label


def _latest(prepared: pd.DataFrame, entity: str, metrics, as_of=None, per_year: bool = False) -> pd.Series | None:
    """The headline claim of some metrics for an entity by the headline rule, or None."""
    rows = annual_figures(prepared, entity, metrics) if per_year else company_figures(prepared, entity, metrics)
    if not per_year:
        rows = rows[~rows["derived"]]
    return tf.headline(rows, as_of)


FIGURE_COLUMNS = ["key", "label", "period", "value_usd", "qualifier", "display", "claim_id", "basis", "scope", "source",
                  "quote", "quote_en", "language", "explanation", "warning"]


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
            "quote_en": claim["quote_en"], "language": claim["source_language"], "explanation": explanation, "warning": warning,
        })

    for key, metrics, per_year in (("valuation", ["valuation"], False), ("net_loss", ["net_loss"], True), ("revenue", ["revenue"], True)):
        claim = _latest(prepared, entity, metrics, as_of, per_year)
        if claim is not None:
            add(key, metric_label(key), claim, claim["value_usd"], claim["qualifier"], conversion_text(claim))
    burn = burn_figure(prepared, entity, as_of)
    if burn is not None:
        how = "; ".join(part for part in (
            "" if burn["metric"] == "cash_burn" else _("net loss used as the burn (no cash-burn figure for the year)"),
            conversion_text(burn)) if part)
        yearly = qualified(format_usd(burn["value_usd"]), burn["qualifier"])
        for key, label, per in (("burn_year", _("Burn per year"), "year"), ("burn_month", _("Burn per month"), "month"),
                                ("burn_day", _("Burn per day"), "day")):
            divisor = PER_YEAR[per]
            add(key, label, burn, burn["value_usd"] / divisor, burn["qualifier"],
                how if divisor == 1 else _("{burn} a year / {divisor}").format(burn=yearly, divisor=divisor)
                + (f"; {how}" if how else ""))
    runway_row = runway_figure(prepared, entity, as_of)
    if runway_row is not None:
        rows.append(runway_row)
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def burn_figure(prepared: pd.DataFrame, entity: str, as_of=None) -> pd.Series | None:
    """The yearly burn: of the latest year with a cash-burn or net-loss figure, cash burn first."""
    years = annual_figures(prepared, entity, ["cash_burn", "net_loss"])
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


def figures_table(prepared: pd.DataFrame, entity: str) -> pd.DataFrame:
    """Every figure of one entity as the headline rule reads it: one row per metric, scope, bundle, period and rate;
    includes says what a bundled figure stands for, converted which rate made its dollars (lib.formatting
    .conversion_text)."""
    rows = tf.headlines(prepared[prepared["entity"] == entity])
    return pd.DataFrame({
        "metric": rows["metric"].map(metric_label),
        "scope": rows["scope"],
        "includes": rows["includes"].map(bundle_text).astype("str"),
        "period": rows["period"],
        "per": rows["per"],
        "value": [qualified(format_value(v, u), q) for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"])],
        "usd": [qualified(format_usd(v), q) if pd.notna(v) else "" for v, q in zip(rows["value_usd"], rows["qualifier"])],
        "converted": [conversion_text(r) for _, r in rows.iterrows()],
        "basis": rows["basis"],
        "qualifier": rows["qualifier"],
        "source": [source_kind_label(r) for _, r in rows.iterrows()],
        "claim": rows["id"],
    }).reset_index(drop=True)


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
        (_("unchanged") if c == 0 else _("changed")) if ok else
        _("not comparable: {reason}").format(reason=m) if m else
        (_("new figure (before: {label} {value})").format(label=lb, value=d) if k else _("new figure"))
        for ok, m, k, c, lb, d in zip(like, moved, known, change, merged["label_before"], merged["display_before"])
    ]
    return pd.DataFrame({
        "key": merged["key"], "label": merged["label"], "then": merged["display_before"].where(same),
        "now": merged["display"], "change": change.astype("float64"), "status": status,
    })


UNCONVERTED_COLUMNS = ["claim_id", "figure", "value", "currency", "source"]


def unconverted_figures(prepared: pd.DataFrame, entity: str) -> pd.DataFrame:
    """The money figures of one entity that no rate converts to dollars (transforms.to_usd's "no rate"), so every
    card, chart and comparison leaves them out: one row per figure (repeats and currency twins once), in file
    order, naming it (figure: its metric, scope and period; value: as the article gives it), its currency and its
    article."""
    rows = prepared[(prepared["entity"] == entity) & (prepared["fx_basis"] == "no rate") & prepared["value"].notna()]
    rows = tf.drop_twins(rows[~rows["derived"]] if "derived" in rows else rows).sort_values("line", kind="mergesort")
    return pd.DataFrame({
        "claim_id": rows["id"],
        "figure": [f"{history_charts.series_name(r['metric'], r['scope'])} {r['period']}" for _, r in rows.iterrows()],
        "value": [claim_figure(r) for _, r in rows.iterrows()],
        "currency": rows["unit"],
        "source": [source_label(r) for _, r in rows.iterrows()],
    }, columns=UNCONVERTED_COLUMNS).reset_index(drop=True)


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
    rows = annual_figures(prepared, entity, YEARLY_METRICS)
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
    years = sorted(set(annual_figures(prepared, entity, ["cash_burn", "net_loss"])["period"]))
    for year in years:
        burn = burn_figure(prepared[prepared["period"].isin([year])], entity, as_of)
        if burn is None:
            continue
        for per in ("day", "month"):
            rows.append({"period": year, "scope": COMPANY, "what": f"{metric_label(burn['metric'])} / {PER_YEAR[per]}",
                         "per": per, "value_usd": float(burn["value_usd"]) / PER_YEAR[per], "qualifier": burn["qualifier"],
                         "claim_id": burn["id"], "basis": burn["basis"]})
    scoped = tf.drop_twins(prepared[(prepared["entity"] == entity) & (prepared["scope"] != COMPANY) & ~prepared["derived"]
                                    & prepared["per"].isin(["day", "month"]) & prepared["value_usd"].notna()
                                    & prepared["metric"].map(lambda m: METRICS[m].accrues if m in METRICS else False)])
    if as_of is not None:
        scoped = scoped[scoped["period_start"] <= pd.Timestamp(as_of)]
    for _index, claim in tf.rank(scoped).drop_duplicates(["metric", "scope", "period", "per"]).iterrows():
        rows.append({"period": claim["period"], "scope": claim["scope"], "what": metric_label(claim["metric"]),
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
    for _index, group in groups.iterrows():
        ids = [i.strip() for i in group["claim_ids"].split(",")]
        bundle = bundle_text(by_id.loc[ids[0], "includes"])
        label = f"{history_charts.series_name(group['metric'], group['scope'])} {group['period']}" + (f" ({bundle})" if bundle else "")
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


COMPARISON_LABELS = {  # lib.transforms.dated_comparisons' columns as the tables head them (said through _())
    "entity": N_("Company"), "metric": N_("Figure"), "scope": N_("Scope"), "period": N_("Period"), "per": N_("Per"),
    "unit": N_("Unit"), "status": N_("Compared"), "low": N_("Low"), "high": N_("High"), "low_claim": N_("Lowest claim"),
    "high_claim": N_("Highest claim"), "capped": N_("Open-ended"), "n_claims": N_("Claims"), "n_sources": N_("Articles"),
    "claim_ids": N_("Claim ids"), "reason": N_("Why both hold"),
}


def readable_comparisons(compared: pd.DataFrame) -> pd.DataFrame:
    """Figures two or more articles give (lib.transforms.dated_comparisons) as the pages show them: the metric and
    the status in the reader's words."""
    return compared.assign(metric=compared["metric"].map(metric_label),
                           status=compared["status"].map(lambda status: _(tf.STATUS_WORDS[status])))
