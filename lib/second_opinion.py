"""Epoch AI's data beside the articles: the rows a page draws, where Epoch agrees with the article figures, the
companies only Epoch covers and compute spend beside revenue. Pure pandas; Epoch's kinds are lib.peers.KINDS.
"""
from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from lib import transforms as tf
from lib.formatting import and_list, format_usd
from lib.i18n import N_, _, ngettext
from lib.peers import CONFIDENCE_TOLERANCE, KINDS, LICENCE, confidence_interval, confidence_text
from lib.locale_forms import percent, qualified
from lib.vocabulary import COMPANY, METRICS, metric_label, overlaps

# An Epoch kind and the article metric it may be compared with: like with like only. A run-rate is never
# compared with a year's revenue, and debt is not a funding round.
LIKE_WITH_LIKE = {"revenue_yearly": "revenue", "valuation": "valuation", "equity_funding": "funding_round"}
PEER_ONLY = N_("peer data only")
_COMPARISON_RULE = N_(
    "Like with like only: Epoch's yearly revenue against revenue per calendar year, valuation against valuation, "
    "equity funding against a funding round; never a run-rate against a year's revenue. A pair agrees when the "
    "article's range (its qualifier) and Epoch's overlap; Epoch's range comes from its confidence: {tolerances}. "
    "A valuation is a level at a date, compared at its date, not by calendar year: one the articles give for a span "
    "(a year) is compared with Epoch's levels dated within it, and when it matches one of them, Epoch's others in that "
    "span are levels at another date, not disagreements."
)


def _tolerances(none_given: str) -> str:
    """Epoch's confidence levels in the reader's words and the range each gives: 'Confident ±0%, …, none given ±25%'."""
    return ", ".join(f"{confidence_text(name, none_given)} ±{percent(tolerance)}"
                     for name, tolerance in CONFIDENCE_TOLERANCE.items())


def comparison_rule() -> str:
    """How the articles' figures are compared with Epoch's, in the language spoken."""
    return _(_COMPARISON_RULE).format(tolerances=_tolerances(_("none given")))


ANOTHER_DATE = "another date"  # the verdict on an Epoch level at another date than the one an article's figure matches
VERDICTS = {"agrees": N_("agrees"), "disagrees": N_("disagrees"), ANOTHER_DATE: N_("another date")}  # said through _()


def in_words(compared: pd.DataFrame) -> pd.DataFrame:
    """comparisons() as the reader reads it: each verdict in the reader's words (the code compares the keys)."""
    return compared.assign(verdict=compared["verdict"].map(lambda verdict: _(VERDICTS[verdict])))
COMPUTE_KINDS = [name for name, kind in KINDS.items() if kind.table == "compute"]
RUN_RATE_SERIES = N_("Revenue run-rate (last of the year)")  # series names, said through _() where drawn
YEARLY_SERIES = N_("Yearly revenue")


def peer_only_note(entity: str) -> str:
    """What a company's pages can and cannot show when only Epoch AI covers it."""
    return _("{company} is peer data only: no article in the claims is about it, only Epoch AI's data ({licence}). "
             "That data gives revenue, funding and valuations but no loss figures, so there is no burn, "
             "no runway and no waterfall.").format(company=entity, licence=LICENCE)


def companies(peers: pd.DataFrame) -> list[str]:
    """Companies with rows in Epoch's data, most rows first."""
    return list(peers.groupby("company").size().sort_values(ascending=False, kind="mergesort").index)


PEER_TABLES = {"revenue": N_("revenue"), "funding": N_("funding"), "compute": N_("compute spend")}  # Kind.table, in words
FEW_CLAIMS = 3  # a company with this many claims or fewer is described by what they are about


class CompanyCoverage(NamedTuple):
    """What the data hold about a company: a label short enough for the sidebar's picker ('Google · 2 claims',
    'Anthropic · peer data only'), and a sentence that says what they are."""

    label: str
    detail: str


def company_coverage(claims: pd.DataFrame, peers: pd.DataFrame, companies: list[str]) -> dict[str, CompanyCoverage]:
    """Each company's CompanyCoverage, so that one with little data is seen as such before it is picked."""
    covered = {}
    for company in companies:
        about = claims[claims["entity"] == company]
        tables = [_(word) for table, word in PEER_TABLES.items()
                  if any(KINDS[kind].table == table for kind in peers.loc[peers["company"] == company, "kind"])]
        epoch = _("Epoch AI's data: {tables}.").format(tables=and_list(tables)) if tables else _("Not in Epoch AI's data.")
        if about.empty:
            peer_only = _(PEER_ONLY)
            covered[company] = CompanyCoverage(f"{company} · {peer_only}" if tables else company,
                                               _("No article is about {company}.").format(company=company) + f" {epoch}")
            continue
        count = ngettext("{count} claim", "{count} claims", len(about)).format(count=len(about))
        articles = about["source"].nunique()
        what = (f": {and_list(list(dict.fromkeys(_in_a_sentence(metric_label(m)) for m in about['metric'])))}"
                if len(about) <= FEW_CLAIMS else "")
        detail = ngettext("{claims} from {count} article{what}.", "{claims} from {count} articles{what}.", articles).format(
            claims=count, count=articles, what=what)
        covered[company] = CompanyCoverage(f"{company} · {count}", f"{detail} {epoch}")
    return covered


def _in_a_sentence(label: str) -> str:
    """A label as it reads inside a sentence: 'Installed devices' -> 'installed devices'; 'IPO revenue' stays."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def _year_long(rows: pd.DataFrame) -> pd.Series:
    """True for an amount over a calendar year (yearly revenue, a year's compute spend), placed at that year."""
    return (rows["kind"] == "revenue_yearly") | (rows["kind"].isin(COMPUTE_KINDS) & (rows["type"] == "Year"))


def rows_for(peers: pd.DataFrame, company: str, everything: bool = False) -> pd.DataFrame:
    """One company's Epoch rows with a period (the calendar year of a yearly amount, else the date), its dates,
    a label and the interval its confidence gives (low, high). By default only the rows Epoch draws itself:
    kinds drawn by default and no exclude_from_graph; everything=True keeps them all."""
    rows = peers[peers["company"] == company]
    if not everything:
        rows = rows[rows["kind"].map(lambda k: KINDS[k].drawn).astype(bool) & ~rows["exclude_from_graph"]]
    period = rows["date"].dt.strftime("%Y-%m-%d").where(~_year_long(rows), rows["date"].dt.strftime("%Y"))
    bounds = [confidence_interval(v, c) for v, c in zip(rows["value_usd"], rows["confidence"])]
    out = tf.add_period_dates(rows.assign(period=period))
    return out.assign(
        label=rows["kind"].map(lambda k: KINDS[k].label),
        low=pd.Series([b[0] for b in bounds], index=rows.index, dtype="float64"),
        high=pd.Series([b[1] for b in bounds], index=rows.index, dtype="float64"),
    ).assign(_order=rows["kind"].map(list(KINDS).index)).sort_values(["_order", "date", "id"], kind="mergesort").drop(
        columns="_order").reset_index(drop=True)


FUNDING_KINDS = ("equity_funding", "debt_funding")


def funding_rounds(peers: pd.DataFrame, company: str) -> pd.DataFrame:
    """A company's Epoch rounds that raised money: equity and debt rows above 0 (a secondary sale, 0 in Epoch's data,
    raises none), drawn by Epoch or not, oldest first, with their period, dates and confidence interval (rows_for)."""
    rows = rows_for(peers, company, everything=True)
    rows = rows[rows["kind"].isin(FUNDING_KINDS) & (rows["value_usd"] > 0)]
    return rows.sort_values(["date", "id", "kind"], kind="mergesort").reset_index(drop=True)


COMPARISON_COLUMNS = ["metric", "period", "claim_id", "ours", "ours_low", "ours_high", "epoch_id", "epoch_period",
                      "epoch", "confidence", "epoch_status", "epoch_low", "epoch_high", "verdict"]


def comparisons(prepared: pd.DataFrame, peers: pd.DataFrame, entity: str) -> pd.DataFrame:
    """Every pair of an article figure and an Epoch row for the same metric and period, and whether they agree.

    Like with like only (LIKE_WITH_LIKE): Epoch's yearly revenue against a revenue per calendar year, valuation
    against valuation, equity funding against a funding round (a secondary sale, 0 in Epoch's data, raises no
    money and is left out). The same period is transforms.same_period, by the Epoch kind's measure: a flow
    for the identical year, a stock when one date or period lies within the other. They agree when the
    article's interval (its qualifier) and Epoch's (its confidence, lib.peers.CONFIDENCE_TOLERANCE) overlap.
    A point-in-time figure (a stock in lib.vocabulary, a valuation) is compared at its date: when it agrees with
    one of Epoch's levels in its period, the verdict on Epoch's others there is ANOTHER_DATE.
    """
    ours = tf.drop_twins(prepared[
        (prepared["entity"] == entity) & prepared["metric"].isin(list(LIKE_WITH_LIKE.values()))
        & prepared["value_usd"].notna() & (prepared["scope"] == COMPANY) & ~prepared["derived"]
    ])
    yearly = (ours["per"] == "year") & (ours["period"].str.len() == 4)
    ours = ours[(ours["metric"] != "revenue") | yearly].sort_values("line", kind="mergesort")
    epoch = rows_for(peers, entity)
    epoch = epoch[epoch["kind"].isin(list(LIKE_WITH_LIKE)) & ~((epoch["kind"] == "equity_funding") & (epoch["value_usd"] == 0))]
    pairs = []
    for _index, row in epoch.iterrows():  # not `_`, which is the translation
        measure = KINDS[row["kind"]].measure
        for _index, claim in ours[ours["metric"] == LIKE_WITH_LIKE[row["kind"]]].iterrows():
            if not tf.same_period(measure, (claim["period"], claim["period_start"], claim["period_end"]),
                                  (row["period"], row["period_start"], row["period_end"])):
                continue
            agree = overlaps((claim["low"], claim["high"]), (row["low"], row["high"]))
            pairs.append({
                "metric": metric_label(claim["metric"]), "period": claim["period"], "claim_id": claim["id"],
                "ours": qualified(format_usd(claim["value_usd"]), claim["qualifier"]),
                "ours_low": float(claim["low"]), "ours_high": float(claim["high"]),
                "epoch_id": row["id"], "epoch_period": row["period"], "epoch": format_usd(row["value_usd"]),
                "confidence": confidence_text(row["confidence"], _("not given")),
                "epoch_status": row["status"] if isinstance(row["status"], str) else "",
                "epoch_low": float(row["low"]), "epoch_high": float(row["high"]),
                "verdict": "agrees" if agree else "disagrees",
            })
    return at_their_dates(pd.DataFrame(pairs, columns=COMPARISON_COLUMNS))


def at_their_dates(compared: pd.DataFrame) -> pd.DataFrame:
    """Pairs of a point-in-time figure (lib.vocabulary: a stock) read at its date: when the figure agrees with
    one Epoch level, its disagreement with Epoch's other levels in its period becomes ANOTHER_DATE."""
    stocks = {metric_label(m.name): m.kind == "stock" for m in METRICS.values()}  # the frame's labels, in the language spoken
    stock = compared["metric"].map(stocks).fillna(False).astype(bool)
    matched = set(compared.loc[stock & (compared["verdict"] == "agrees"), "claim_id"])
    elsewhere = stock & (compared["verdict"] == "disagrees") & compared["claim_id"].isin(matched)
    return compared.assign(verdict=compared["verdict"].mask(elsewhere, ANOTHER_DATE))


def summary(compared: pd.DataFrame) -> str:
    """'Epoch AI agrees on 3 of 4 pairs; it disagrees on Valuation 2024 ($80.0B against Oct 2024 157B: $157.0B).',
    then the pairs left aside as levels at another date, with the Epoch level the figure matches."""
    if compared.empty:
        return _("Epoch AI's data has no figure of the same metric and period as the articles' figures.")
    elsewhere = compared[compared["verdict"] == ANOTHER_DATE]
    paired = compared[compared["verdict"] != ANOTHER_DATE]
    apart = paired[paired["verdict"] == "disagrees"]
    pairs = "; ".join(
        _("{metric} {period} ({ours}, {claim_id}, against Epoch's {epoch} of {epoch_period}, {epoch_id})").format(
            metric=row.metric, period=row.period, ours=row.ours, claim_id=row.claim_id, epoch=row.epoch,
            epoch_period=row.epoch_period, epoch_id=row.epoch_id)
        for row in apart.itertuples())
    text = (_("Epoch AI agrees on {agreeing} of {count} pairs of the same metric and period.") if apart.empty else
            _("Epoch AI agrees on {agreeing} of {count} pairs of the same metric and period; it disagrees on {pairs}."))
    text = text.format(agreeing=len(paired) - len(apart), count=len(paired), pairs=pairs)
    for row in elsewhere.itertuples():
        match = paired[(paired["claim_id"] == row.claim_id) & (paired["verdict"] == "agrees")].iloc[0]
        text += " " + _("{metric} {period} ({ours}, {claim_id}) matches Epoch's {match} of {match_period} ({match_id}), so "
                        "Epoch's {epoch} of {epoch_period} ({epoch_id}) is a level at another date, not a disagreement.").format(
            metric=row.metric, period=row.period, ours=row.ours, claim_id=row.claim_id, match=match["epoch"],
            match_period=match["epoch_period"], match_id=match["epoch_id"], epoch=row.epoch, epoch_period=row.epoch_period,
            epoch_id=row.epoch_id)
    return text


def latest_figures(rows: pd.DataFrame) -> pd.DataFrame:
    """The newest row of each kind (rows from rows_for): what Epoch's data says about a company now."""
    latest = rows.sort_values(["date", "id"], kind="mergesort").groupby("kind", sort=False).tail(1)
    order = {name: i for i, name in enumerate(KINDS)}
    latest = latest.sort_values("kind", key=lambda k: k.map(order), kind="mergesort")
    return pd.DataFrame({
        "figure": latest["label"], "period": latest["period"], "value": latest["value_usd"].map(format_usd),
        "confidence": latest["confidence"].map(lambda level: confidence_text(level, _("not given"))), "status": latest["status"].fillna(""),
        "epoch_id": latest["id"], "source": latest["url_1"],
    }).reset_index(drop=True)


COMPUTE_COLUMNS = ["company", "year", "series", "kind", "value_usd", "epoch_id", "date", "confidence", "note", "url_1"]


def compute_beside_revenue(peers: pd.DataFrame) -> pd.DataFrame:
    """Each year's compute spend (one row per kind: R&D, inference, both; never summed) beside that year's
    revenue, for the companies that have both: the yearly revenue where Epoch has it, otherwise the latest
    run-rate dated in that year, marked as a run-rate. The two revenue kinds are never summed or joined.

    Only a calendar year's compute (Epoch's Period type "Year") and rows Epoch draws itself are used.
    """
    out = []
    for company in companies(peers):
        rows = rows_for(peers, company)
        compute = rows[rows["kind"].isin(COMPUTE_KINDS) & (rows["type"] == "Year")]
        revenue = rows[rows["kind"].isin(["revenue_yearly", "revenue_run_rate"])]
        if compute.empty or revenue.empty:
            continue
        for year in sorted(set(compute["period"])):
            for _index, row in compute[compute["period"] == year].iterrows():  # not `_`, which is the translation
                out.append(_compute_row(company, year, row["label"], row, ""))
            yearly = revenue[(revenue["kind"] == "revenue_yearly") & (revenue["period"] == year)]
            run_rates = revenue[(revenue["kind"] == "revenue_run_rate") & (revenue["date"].dt.year == int(year))]
            if not yearly.empty:
                out.append(_compute_row(company, year, YEARLY_SERIES, yearly.iloc[-1], ""))
            elif not run_rates.empty:
                last = run_rates.sort_values(["date", "id"], kind="mergesort").iloc[-1]
                note = _("run-rate on {date} (a month's revenue x 12), not the year's revenue").format(
                    date=f"{last['date']:%Y-%m-%d}")
                out.append(_compute_row(company, year, RUN_RATE_SERIES, last, note))
    return pd.DataFrame(out, columns=COMPUTE_COLUMNS)


def _compute_row(company: str, year: str, series: str, row: pd.Series, note: str) -> dict:
    return {"company": company, "year": year, "series": series, "kind": row["kind"], "value_usd": float(row["value_usd"]),
            "epoch_id": row["id"], "date": row["date"], "confidence": row["confidence"] if isinstance(row["confidence"], str) else "",
            "note": note, "url_1": row["url_1"]}


def used_rows(peers: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """The Epoch rows behind a table with company, kind and epoch_id columns."""
    keys = set(zip(table["company"], table["kind"], table["epoch_id"]))
    return peers[[key in keys for key in zip(peers["company"], peers["kind"], peers["id"])]].reset_index(drop=True)

