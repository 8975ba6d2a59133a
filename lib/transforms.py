"""Pure DataFrame -> DataFrame transforms of the claims frame. None of them mutates its input."""
from __future__ import annotations

import numpy as np
import pandas as pd

from lib.claims import METRICS, MONEY_UNITS, PERIOD

DAYS_PER = {"day": 365, "month": 12, "year": 1}
BASIS_RANK = {"reported": 0, "estimated": 1, "projected": 2, "commitment": 3, "forecast": 4}
MONEY_METRICS = frozenset(name for name, m in METRICS.items() if set(m.units) >= set(MONEY_UNITS))


def period_bounds(period: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of a period: 2024, 2024-H2, 2024-Q3, 2024-10 or 2024-10-02.

    >>> period_bounds("2024-H2")
    (Timestamp('2024-07-01 00:00:00'), Timestamp('2024-12-31 00:00:00'))
    """
    match = PERIOD.match(str(period))
    if not match:
        raise ValueError(f"not a period: {period!r}")
    year, half, quarter, month, day = match.groups()
    if day:
        start = pd.Timestamp(f"{year}-{month}-{day}")
        return start, start
    if month:
        start, months = pd.Timestamp(f"{year}-{month}-01"), 1
    elif quarter:
        start, months = pd.Timestamp(year=int(year), month=3 * int(quarter) - 2, day=1), 3
    elif half:
        start, months = pd.Timestamp(year=int(year), month=6 * int(half) - 5, day=1), 6
    else:
        start, months = pd.Timestamp(year=int(year), month=1, day=1), 12
    return start, start + pd.DateOffset(months=months) - pd.Timedelta(days=1)


def add_period_dates(claims: pd.DataFrame) -> pd.DataFrame:
    """Add period_start, period_end and period_mid (for plotting a period on a time axis)."""
    bounds = [period_bounds(p) for p in claims["period"]]
    out = claims.copy()
    out["period_start"] = pd.to_datetime([b[0] for b in bounds])
    out["period_end"] = pd.to_datetime([b[1] for b in bounds])
    out["period_mid"] = out["period_start"] + (out["period_end"] - out["period_start"]) / 2
    return out


def _twin_key(claims: pd.DataFrame) -> pd.Series:
    per = claims["per"].fillna("")
    return claims["source"] + "|" + claims["entity"] + "|" + claims["metric"] + "|" + claims["period"] + "|" + per


def implied_fx_rates(claims: pd.DataFrame) -> pd.DataFrame:
    """Exchange rates the articles imply: a figure given in USD and, in the same article, in another currency.

    One row per pair: source, currency, rate (units of currency per USD), usd_claim, claim.
    """
    valued = claims[claims["value"].notna() & claims["unit"].isin(MONEY_UNITS)]
    keyed = valued.assign(key=_twin_key(valued))
    usd = keyed[keyed["unit"] == "USD"].drop_duplicates("key")[["key", "id", "value"]]
    other = keyed[keyed["unit"] != "USD"][["key", "id", "value", "unit", "source"]]
    pairs = other.merge(usd, on="key", suffixes=("", "_usd"))
    pairs = pairs[pairs["value_usd"] > 0]
    return pd.DataFrame(
        {
            "source": pairs["source"],
            "currency": pairs["unit"],
            "rate": pairs["value"] / pairs["value_usd"],
            "usd_claim": pairs["id_usd"],
            "claim": pairs["id"],
        }
    ).reset_index(drop=True)


def to_usd(claims: pd.DataFrame) -> pd.DataFrame:
    """Add value_usd, fx_rate and fx_basis to every money claim.

    fx_basis says how the figure was converted: "USD" (no conversion), "twin" (the article gives the same
    figure in USD: the rate of that pair, so both agree exactly), "article rate" (the median rate the same
    article implies elsewhere) or "no rate" (the article implies none; value_usd stays empty).
    """
    rates = implied_fx_rates(claims)
    by_claim = rates.set_index("claim")["rate"]
    by_article = rates.groupby(["source", "currency"])["rate"].median()
    out = claims.copy()
    fx_rate, fx_basis = [], []
    for claim_id, source, unit in zip(out["id"], out["source"], out["unit"]):
        if unit == "USD":
            fx_rate.append(1.0), fx_basis.append("USD")
        elif unit not in MONEY_UNITS:
            fx_rate.append(np.nan), fx_basis.append(None)
        elif claim_id in by_claim.index:
            fx_rate.append(float(by_claim[claim_id])), fx_basis.append("twin")
        elif (source, unit) in by_article.index:
            fx_rate.append(float(by_article[(source, unit)])), fx_basis.append("article rate")
        else:
            fx_rate.append(np.nan), fx_basis.append("no rate")
    out["fx_rate"] = pd.Series(fx_rate, index=out.index, dtype="float64")
    out["fx_basis"] = pd.Series(fx_basis, index=out.index, dtype="str")
    out["value_usd"] = out["value"] / out["fx_rate"]
    return out


def annualise(claims: pd.DataFrame) -> pd.DataFrame:
    """Append a derived per-year row for every per-day or per-month flow (x 365, x 12).

    The new rows have derived=True, derived_from set to the original id, and id "<id>-annualised"; originals
    get derived=False. Money must already be in USD (see to_usd): value and value_usd are both scaled.
    """
    out = claims.assign(derived=False, derived_from=pd.Series(pd.NA, index=claims.index, dtype="str"))
    flows = out[out["per"].isin(["day", "month"]) & out["value"].notna()]
    factor = flows["per"].map(DAYS_PER).astype("float64")
    derived = flows.assign(
        id=flows["id"] + "-annualised",
        value=flows["value"] * factor,
        value_usd=flows["value_usd"] * factor,
        per="year",
        derived=True,
        derived_from=flows["id"],
    )
    return pd.concat([out, derived], ignore_index=True)


def as_of(claims: pd.DataFrame, date, include_undated: bool = False) -> pd.DataFrame:
    """Keep only claims whose source was published on or before `date`.

    A source with no publication date cannot be placed in time, so it is kept only when include_undated.
    A `date` of None keeps everything.
    """
    if date is None:
        return claims.copy()
    published = claims["source_published"]
    keep = published <= pd.Timestamp(date)
    if include_undated:
        keep |= published.isna()
    return claims[keep].copy()


def _comparable(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims with a value comparable across currencies: USD for money, the raw value otherwise."""
    money = claims["unit"].isin(MONEY_UNITS)
    out = claims.assign(
        amount=np.where(money, claims.get("value_usd", np.nan), claims["value"]),
        amount_unit=np.where(money, "USD", claims["unit"]),
        per_key=claims["per"].fillna(""),
    )
    if "derived" in out:
        out = out[~out["derived"]]
    return out[out["amount"].notna()]


GROUP_KEYS = ["entity", "metric", "period", "per_key", "amount_unit"]


def conflicts(claims: pd.DataFrame) -> pd.DataFrame:
    """Conflict groups: the same entity, metric, period and per given different values.

    One row per group: conflict_id, entity, metric, period, per, unit, low, high, n_claims, n_sources,
    claim_ids (comma-separated, in file order). Values are compared in USD, so a won twin is no conflict.
    """
    comparable = _comparable(claims)
    columns = ["conflict_id", "entity", "metric", "period", "per", "unit", "low", "high", "n_claims", "n_sources", "claim_ids"]
    grouped = comparable.groupby(GROUP_KEYS, sort=True)
    rows = []
    for (entity, metric, period, per, unit), group in grouped:
        low, high = group["amount"].min(), group["amount"].max()
        if high - low <= 1e-9 * high:
            continue
        rows.append(
            {
                "conflict_id": f"{entity}|{metric}|{period}|{per}".rstrip("|"),
                "entity": entity,
                "metric": metric,
                "period": period,
                "per": per or None,
                "unit": unit,
                "low": float(low),
                "high": float(high),
                "n_claims": len(group),
                "n_sources": group["source"].nunique(),
                "claim_ids": ", ".join(group.sort_values("line")["id"]),
            }
        )
    return pd.DataFrame(rows, columns=columns).astype({"low": "float64", "high": "float64"})


def mark_conflicts(claims: pd.DataFrame) -> pd.DataFrame:
    """Add conflict_id (missing when the claim agrees with every other claim on the same figure)."""
    groups = conflicts(claims)
    member = {
        claim_id.strip(): conflict_id
        for conflict_id, ids in zip(groups["conflict_id"], groups["claim_ids"])
        for claim_id in ids.split(",")
    }
    return claims.assign(conflict_id=claims["id"].map(member).astype("str"))


def headlines(claims: pd.DataFrame) -> pd.DataFrame:
    """The headline claim of each entity, metric, period and per, chosen by a fixed rule.

    Rule: the most reliable basis (reported, estimated, projected, commitment, forecast), then the most
    recently published source (undated last), then the lower value (the cautious reading), then the id.
    """
    comparable = _comparable(claims)
    ranked = comparable.assign(basis_rank=comparable["basis"].map(BASIS_RANK)).sort_values(
        ["basis_rank", "source_published", "amount", "id"],
        ascending=[True, False, True, True],
        na_position="last",  # only source_published can be missing: undated sources come last
        kind="mergesort",
    )
    picked = ranked.drop_duplicates(GROUP_KEYS, keep="first")
    return picked.drop(columns=["basis_rank", "per_key", "amount_unit"]).sort_values(
        ["entity", "metric", "period"], kind="mergesort"
    ).reset_index(drop=True)


def prepare(claims: pd.DataFrame) -> pd.DataFrame:
    """The frame the pages use: USD values, period dates, conflict ids and annualised flows."""
    return annualise(mark_conflicts(add_period_dates(to_usd(claims))))
