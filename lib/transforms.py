"""Pure DataFrame -> DataFrame transforms of the claims frame, and the rules every derived figure follows.

Each rule is written once here: the source date of an undated article, the won and dollar twins of one
sentence, a claim's interval, "the same period", disagreements and the headline rule. None mutates its input.
"""
from __future__ import annotations

import bisect
from typing import Mapping, NamedTuple

import numpy as np
import pandas as pd

from lib.claims import PERIOD, Shared
from lib.i18n import N_
from lib.vocabulary import BASES, COMPANY, METRICS, MONEY_UNITS, PER_YEAR, finite_interval, interval, overlaps


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


def add_source_dates(claims: pd.DataFrame) -> pd.DataFrame:
    """Add source_date: the publication date, or for an undated article the last day of the period it was
    written in (the earliest date by which it had certainly appeared); source_dated_by says which."""
    written_end = pd.to_datetime([
        period_bounds(w)[1] if isinstance(w, str) else pd.NaT for w in claims["source_written"]
    ])
    dated = claims["source_published"].notna()
    return claims.assign(
        source_date=claims["source_published"].where(dated, pd.Series(written_end, index=claims.index)),
        source_dated_by=pd.Series(np.where(dated, "published", np.where(pd.notna(written_end), "written", None)),
                                  index=claims.index, dtype="str"),
    )


def twin_key(claims: pd.DataFrame) -> pd.Series:
    """One key for the won and dollar twins of a single sentence: same article, sentence, entity, metric,
    period and rate. A non-USD claim that shares it with a USD claim repeats that figure in another currency."""
    per = claims["per"].fillna("")
    return (claims["source"] + "|" + claims["quote"] + "|" + claims["entity"] + "|" + claims["metric"] + "|"
            + claims["period"] + "|" + per)


def drop_twins(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims without the other-currency twins of a dollar figure (after to_usd) and without the records that
    repeat another (same_as), so no figure counts twice."""
    keep = claims["fx_basis"].isna() | (claims["fx_basis"] != "twin")
    if "same_as" in claims:
        keep &= claims["same_as"].isna()
    return claims[keep]


def implied_fx_rates(claims: pd.DataFrame) -> pd.DataFrame:
    """Exchange rates the articles imply: a figure given in USD and, in the same article, in another currency.

    One row per pair: source, currency, rate (units of currency per USD), usd_claim, claim.
    """
    valued = claims[claims["value"].notna() & claims["unit"].isin(MONEY_UNITS)]
    keyed = valued.assign(key=twin_key(valued))
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


class SessionRate(NamedTuple):
    """A rate the reader gave for this session: units of a currency per USD."""

    currency: str
    per_usd: float


class SessionRates(Shared):
    """The reader's rates, a tuple of SessionRate, as attrs["session_rates"] holds them (shared by copies)."""


def with_session_rates(claims: pd.DataFrame, rates: Mapping[str, float]) -> pd.DataFrame:
    """The claims with the reader's rates (currency -> units per USD; those not above 0 left out) in
    attrs["session_rates"], where to_usd finds them: every view prepared from these claims uses them."""
    out = claims.copy(deep=False)
    out.attrs["session_rates"] = SessionRates(SessionRate(currency, float(rate)) for currency, rate in sorted(rates.items())
                                              if rate is not None and rate > 0)
    return out


def file_rates(claims: pd.DataFrame) -> pd.DataFrame:
    """The file's own exchange rates (attrs["exchange_rates"]), one row each: currency, per_usd, date, source, citation."""
    return pd.DataFrame(list(claims.attrs.get("exchange_rates", ())), columns=["currency", "per_usd", "date", "source", "citation"])


def _file_rate(rates: dict[str, tuple[list[pd.Timestamp], list[float]]], currency: str, period: str) -> float | None:
    """The file's rate for a currency dated nearest the middle of a period (the earlier of two as near), or None."""
    if currency not in rates:
        return None
    dates, values = rates[currency]
    start, end = period_bounds(period)
    middle = start + (end - start) / 2
    at = bisect.bisect_left(dates, middle)
    nearest = min((i for i in (at - 1, at) if 0 <= i < len(dates)), key=lambda i: (abs(dates[i] - middle), i))
    return values[nearest]


def to_usd(claims: pd.DataFrame) -> pd.DataFrame:
    """Add value_usd, fx_rate (units of the currency per USD) and fx_basis to every money claim.

    fx_basis says which rate converted the figure (vocabulary.FX_BASES), the first that applies: "USD" (no conversion),
    "twin" (the article gives the same figure in USD: the rate of that pair, so both agree exactly), "article
    rate" (the median rate the same article implies elsewhere), "file rate" (the file's exchange_rates entry for
    the currency dated nearest the middle of the claim's period, attrs["exchange_rates"]), "session rate" (the
    rate the reader gave for this session, attrs["session_rates"]) or "no rate" (none of these; value_usd stays
    empty, and the pages name the figure: see lib.headline.unconverted_figures).
    """
    rates = implied_fx_rates(claims)
    by_claim = rates.set_index("claim")["rate"]
    by_article = rates.groupby(["source", "currency"])["rate"].median()
    file_rates: dict[str, tuple[list[pd.Timestamp], list[float]]] = {}
    for rate in sorted(claims.attrs.get("exchange_rates", ()), key=lambda r: r.date):
        dates, values = file_rates.setdefault(rate.currency, ([], []))
        dates.append(pd.Timestamp(rate.date))
        values.append(rate.per_usd)
    session = {rate.currency: rate.per_usd for rate in claims.attrs.get("session_rates", ())}
    out = claims.copy()
    fx_rate, fx_basis = [], []
    for claim_id, source, unit, period in zip(out["id"], out["source"], out["unit"], out["period"]):
        if unit == "USD":
            fx_rate.append(1.0), fx_basis.append("USD")
        elif unit not in MONEY_UNITS:
            fx_rate.append(np.nan), fx_basis.append(None)
        elif claim_id in by_claim.index:
            fx_rate.append(float(by_claim[claim_id])), fx_basis.append("twin")
        elif (source, unit) in by_article.index:
            fx_rate.append(float(by_article[(source, unit)])), fx_basis.append("article rate")
        elif (from_file := _file_rate(file_rates, unit, period)) is not None:
            fx_rate.append(from_file), fx_basis.append("file rate")
        elif unit in session:
            fx_rate.append(session[unit]), fx_basis.append("session rate")
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
    factor = flows["per"].map(PER_YEAR).astype("float64")
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
    """Keep only claims whose source had appeared by `date`.

    A dated source counts from its publication date. An undated source is kept only when include_undated, and
    then only once the period it was written in has ended (its source_date, see add_source_dates), so an
    earlier view never sees an article that may not yet exist. A `date` of None keeps everything.
    """
    if date is None:
        return claims.copy()
    published = claims["source_published"]
    keep = published <= pd.Timestamp(date)
    if include_undated:
        keep |= published.isna() & (add_source_dates(claims)["source_date"] <= pd.Timestamp(date))
    return claims[keep].copy()


def unfinished(claims: pd.DataFrame) -> pd.Series:
    """True for a rate that accrues over its period (a loss, revenue, a cost per year, month or day) when that
    period had not ended by its article's date (for an undated article, the end of the period it was written
    in). A one-off amount (no per) is not a rate and is never unfinished."""
    periods = add_period_dates(add_source_dates(claims))
    accrues = claims["metric"].map(lambda m: METRICS[m].accrues).astype(bool)
    return accrues & claims["per"].notna() & (periods["period_end"] >= periods["source_date"])


def add_intervals(claims: pd.DataFrame) -> pd.DataFrame:
    """Add low and high (the interval the qualifier gives, open ends as 0 and inf) and finite_low and
    finite_high (an open upper end capped at OPEN_END_CAP x the value), in the comparable amount: USD for
    money once converted, the claim's own unit otherwise."""
    amount = _amount(claims)
    bounds = [interval(v, q, t) for v, q, t in zip(amount, claims["qualifier"], claims["tolerance"])]
    finite = [finite_interval(v, q, t) for v, q, t in zip(amount, claims["qualifier"], claims["tolerance"])]
    return claims.assign(
        low=pd.Series([b[0] for b in bounds], index=claims.index, dtype="float64"),
        high=pd.Series([b[1] for b in bounds], index=claims.index, dtype="float64"),
        finite_low=pd.Series([b[0] for b in finite], index=claims.index, dtype="float64"),
        finite_high=pd.Series([b[1] for b in finite], index=claims.index, dtype="float64"),
    )


def _amount(claims: pd.DataFrame) -> pd.Series:
    """USD for money (NaN when no rate), the raw value otherwise."""
    money = claims["unit"].isin(MONEY_UNITS)
    usd = claims["value_usd"] if "value_usd" in claims else pd.Series(np.nan, index=claims.index)
    return pd.Series(np.where(money, usd, claims["value"]), index=claims.index, dtype="float64")


def _comparable(claims: pd.DataFrame) -> pd.DataFrame:
    """Original claims (no annualised rows, no currency twins) with an amount, keyed for comparison."""
    out = claims.assign(amount=_amount(claims), amount_unit=np.where(claims["unit"].isin(MONEY_UNITS), "USD", claims["unit"]),
                        per_key=claims["per"].fillna(""), includes_key=claims["includes"].fillna(""))
    if "derived" in out:
        out = out[~out["derived"]]
    if "fx_basis" in out:
        out = drop_twins(out)
    return out[out["amount"].notna()]


COMPARE_KEYS = ["entity", "metric", "scope", "includes_key", "per_key", "amount_unit"]  # a bundle compares only with a bundle


def same_period(kind: str, a: tuple, b: tuple) -> bool:
    """Whether two figures are about the same time. Flows match when their periods are identical; a stock,
    a level at a date, matches when either one's period lies within the other's (a valuation of 2024-10
    and one "in 2024"). a and b are (period, start, end)."""
    if kind != "stock":
        return a[0] == b[0]
    return (a[1] >= b[1] and a[2] <= b[2]) or (b[1] >= a[1] and b[2] <= a[2])


def comparisons(claims: pd.DataFrame) -> pd.DataFrame:
    """Figures that two or more articles give for the same entity, metric, scope, period and rate, among
    prepared claims (see prepare: they carry their intervals and dates).

    One row per group of claims linked by matching pairs from different sources. status is "disagree" when
    some pair's intervals (their qualifiers read as ranges) do not overlap, else "consistent". low and high
    are the group's finite range, with the claims that give each end; claim_ids in file order.
    """
    comparable = _comparable(claims)
    rows = []
    for key, group in comparable.groupby(COMPARE_KEYS, sort=True):
        if group["source"].nunique() < 2:
            continue
        group = group.sort_values("line", kind="mergesort")
        kind = METRICS[key[1]].kind if key[1] in METRICS else "flow"
        records = list(group.itertuples(index=False))
        parent = list(range(len(records)))

        def root(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        disagree_roots = []
        for i, a in enumerate(records):
            for j in range(i + 1, len(records)):
                b = records[j]
                if a.source == b.source or not same_period(kind, (a.period, a.period_start, a.period_end),
                                                           (b.period, b.period_start, b.period_end)):
                    continue
                parent[root(j)] = root(i)
                if not overlaps((a.low, a.high), (b.low, b.high)):
                    disagree_roots.append(i)
        members: dict[int, list[int]] = {}
        for i in range(len(records)):
            members.setdefault(root(i), []).append(i)
        disagreeing = {root(i) for i in disagree_roots}
        for top, indices in members.items():
            if len(indices) < 2:
                continue
            rows.append(_comparison_row(key, group.iloc[indices], top in disagreeing))
    columns = ["conflict_id", "entity", "metric", "scope", "period", "per", "unit", "status", "low", "high",
               "low_claim", "high_claim", "capped", "n_claims", "n_sources", "claim_ids"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"low": "float64", "high": "float64", "capped": "bool", "n_claims": "int64", "n_sources": "int64"})


def _comparison_row(key: tuple, members: pd.DataFrame, disagree: bool) -> dict:
    entity, metric, scope, _, per, unit = key
    periods = ", ".join(dict.fromkeys(members.sort_values("period_start", kind="mergesort")["period"]))
    low_at, high_at = members["finite_low"].idxmin(), members["finite_high"].idxmax()
    scope_part = "" if scope == COMPANY else f"|{scope}"
    return {
        "conflict_id": f"{entity}|{metric}{scope_part}|{periods}|{per}".rstrip("|"),
        "entity": entity, "metric": metric, "scope": scope, "period": periods, "per": per or None, "unit": unit,
        "status": "disagree" if disagree else "consistent",
        "low": float(members.loc[low_at, "finite_low"]), "high": float(members.loc[high_at, "finite_high"]),
        "low_claim": members.loc[low_at, "id"], "high_claim": members.loc[high_at, "id"],
        "capped": bool(np.isinf(members["high"]).any()),
        "n_claims": len(members), "n_sources": members["source"].nunique(), "claim_ids": ", ".join(members["id"]),
    }


def conflicts(claims: pd.DataFrame) -> pd.DataFrame:
    """The comparisons whose sources disagree: intervals that do not overlap (see comparisons). The audit reports
    each of them, acknowledged or not."""
    found = comparisons(claims)
    return found[found["status"] == "disagree"].reset_index(drop=True)


DIFFERENT_DATES = "different dates"  # the status of point-in-time figures that both hold, each at its own date
STATUS_WORDS = {"disagree": N_("sources disagree"), "consistent": N_("sources consistent"),
                DIFFERENT_DATES: N_("both hold at different dates")}  # each status in the reader's words, through _()


def dated_comparisons(claims: pd.DataFrame) -> pd.DataFrame:
    """comparisons as a reader is shown them, with reason: the file's acknowledgement of the group's disagreement
    ('' for none). Point-in-time figures (stocks: a level at a date, vocabulary.Metric.kind) of different periods
    whose disagreement the file acknowledges both hold, each at its own date (a valuation "in 2024" before the
    October round, and October's): status DIFFERENT_DATES, not "disagree". Claims carry the acknowledgements in
    attrs["acknowledged"] (lib.claims)."""
    groups = comparisons(claims)
    reasons = {frozenset(a.claims): a.reason for a in claims.attrs.get("acknowledged", ()) if a.kind == "disagreement"}
    ids = groups["claim_ids"].map(lambda text: frozenset(i.strip() for i in text.split(",")))
    reason = ids.map(lambda members: reasons.get(members, "")).astype("str")
    stock = groups["metric"].map(lambda m: m in METRICS and METRICS[m].kind == "stock").astype(bool)
    apart = (groups["status"] == "disagree") & (reason != "") & stock & groups["period"].str.contains(",", regex=False)
    return groups.assign(status=groups["status"].mask(apart, DIFFERENT_DATES), reason=reason)


def disputes(claims: pd.DataFrame) -> pd.DataFrame:
    """The groups a reader is shown as disagreeing (dated_comparisons): conflicts, less the point-in-time figures
    the file acknowledges as holding at different dates."""
    found = dated_comparisons(claims)
    return found[found["status"] == "disagree"].reset_index(drop=True)


def mark_conflicts(claims: pd.DataFrame) -> pd.DataFrame:
    """Add conflict_id (missing unless the claim belongs to a group where sources disagree, see disputes)."""
    groups = disputes(claims)
    member = {
        claim_id.strip(): conflict_id
        for conflict_id, ids in zip(groups["conflict_id"], groups["claim_ids"])
        for claim_id in ids.split(",")
    }
    return claims.assign(conflict_id=claims["id"].map(member).astype("str"))


def echoes(claims: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Recycled figures: each claim (the later repeat) whose amount, unit and rate for the same entity another
    article gives for an earlier period (one that ends before the later one starts), whatever the metric or
    scope, with the earlier claims it repeats in file order. Original claims only, currency twins dropped, and
    zero left out (no revenue yet is no figure to copy); the audit's echo finding and the pages that leave recycled
    figures out both read this."""
    originals = claims[~claims["derived"]] if "derived" in claims else claims
    valued = originals[originals["value"].notna() & (originals["value"] != 0)]
    if "fx_basis" in valued:
        valued = drop_twins(valued)
    valued = valued.assign(per_key=valued["per"].fillna(""))
    pairs = valued.merge(valued, on=["entity", "value", "unit", "per_key"], suffixes=("_early", ""))
    pairs = pairs[(pairs["source_early"] != pairs["source"]) & (pairs["period_end_early"] < pairs["period_start"])]
    return {later: tuple(group["id_early"]) for later, group in pairs.groupby("id", sort=False)}


def recycled(claims: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Every row of a prepared frame that repeats an earlier figure of the same metric (an echo whose earlier claim
    is the same kind of figure: a cost carried forward as a later year's cost, not a round $10B investment beside
    a $10B contract), an annualised row under its own id as well as its original's: id -> the earlier claims it
    repeats."""
    metric = claims.drop_duplicates("id").set_index("id")["metric"]
    found = {later: same for later, earlier in echoes(claims).items()
             if (same := tuple(e for e in earlier if metric[e] == metric[later]))}
    if "derived_from" in claims:
        derived = claims[claims["derived"] & claims["derived_from"].isin(list(found))]
        found |= {row_id: found[origin] for row_id, origin in zip(derived["id"], derived["derived_from"])}
    return found


def without_recycled(claims: pd.DataFrame) -> pd.DataFrame:
    """A prepared frame without the recycled figures (see recycled): what a later year's line or a runway input
    may be filled from."""
    return claims[~claims["id"].isin(list(recycled(claims)))]


HEADLINE_RULE = (
    "Take the newest period that starts on or before the as-of date (a projection for a later period is never "
    "the headline). Within that period: the most reliable basis (reported, estimated, projected, commitment, "
    "forecast), then a figure stated for the period before one annualised from a daily or monthly rate, then "
    "the newest article (an undated one at the end of the period it was written in), then the lower value, "
    "then the claim id."
)


def rank(candidates: pd.DataFrame) -> pd.DataFrame:
    """Prepared candidates for one figure in headline order within a period (see HEADLINE_RULE)."""
    return candidates.assign(
        _basis=candidates["basis"].map(lambda b: BASES[b].rank), _derived=candidates["derived"], _amount=candidates["value_usd"],
    ).sort_values(
        ["_basis", "_derived", "source_date", "_amount", "id"], ascending=[True, True, False, True, True],
        na_position="last", kind="mergesort",
    ).drop(columns=["_basis", "_derived", "_amount"])


def headline(candidates: pd.DataFrame, as_of=None) -> pd.Series | None:
    """The headline claim among prepared candidates for one figure (see HEADLINE_RULE), or None."""
    rows = candidates
    if as_of is not None:
        rows = rows[rows["period_start"] <= pd.Timestamp(as_of)]
    if rows.empty:
        return None
    newest = rows.sort_values(["period_start", "period_end"], ascending=False, kind="mergesort").iloc[0]["period"]
    return rank(rows[rows["period"] == newest]).iloc[0]


def headlines(claims: pd.DataFrame) -> pd.DataFrame:
    """The headline claim of each entity, metric, scope, period and rate (the rule within one period)."""
    comparable = _comparable(claims)
    picked = rank(comparable).drop_duplicates(["entity", "metric", "scope", "includes_key", "period", "per_key", "amount_unit"], keep="first")
    return picked.drop(columns=["per_key", "includes_key", "amount_unit", "amount"]).sort_values(
        ["entity", "metric", "scope", "period"], kind="mergesort"
    ).reset_index(drop=True)


def prepare(claims: pd.DataFrame) -> pd.DataFrame:
    """The frame the pages use: USD values, source and period dates, intervals, conflict ids and annualised
    flows (their intervals scaled with them)."""
    return add_intervals(annualise(mark_conflicts(add_intervals(add_period_dates(add_source_dates(to_usd(claims)))))))
