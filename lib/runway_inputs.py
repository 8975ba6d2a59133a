"""The Runway page's wiring, computed from the claims: the model's inputs from one time (RunwayInputs), the
default projection and the overview's runway card, scenarios and their band, then vs now, the one-click raises
(FundingEvent), the growth to be default alive, and the runway, sensitivity, scenario and fan charts.

Pure pandas; lib.runway is the model, lib.assumptions the sliders' values; the pages only add widgets.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from lib import runway, runway_charts, second_opinion, transforms as tf
from lib.assumptions import RunwayAssumptions, SavedScenario
from lib.chart_layout import Chart
from lib.figures import annual_figures, company_figures, input_kinds, kind_change
from lib.formatting import and_list, format_usd, source_kind_label
from lib.i18n import _
from lib.peers import KINDS, LICENCE, confidence_text
from lib.locale_forms import day, decimal, month, percent, qualified
from lib.vocabulary import CASH_METRICS, COMPANY, PREDICTIONS, basis_word, cash_in_hand, metric_label, overlaps


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
    losses = annual_figures(prepared, entity, ["net_loss"])
    revenues = annual_figures(prepared, entity, ["revenue"])
    cash = company_figures(prepared, entity, CASH_METRICS)
    in_hand = pd.Series([cash_in_hand(m, b) for m, b in zip(cash["metric"], cash["basis"])], index=cash.index, dtype=bool)
    cash = cash[~cash["derived"] & (cash["value_usd"] > 0) & in_hand]
    if as_of is not None:
        losses, revenues, cash = (rows[rows["period_start"] <= pd.Timestamp(as_of)] for rows in (losses, revenues, cash))
    if losses.empty:
        return None, _("The claims in force give no yearly loss for {company}, so there is no burn to project.").format(
            company=entity)
    with_revenue = set(revenues["period"])
    years = sorted(set(losses["period"]), key=lambda y: (y in with_revenue, y), reverse=True)
    reasons = []
    for year in years:
        revenue_year = year if year in with_revenue else str(_year(year) - 1)
        if revenue_year not in with_revenue:
            reasons.append(_("the {year} loss has no revenue figure for {year} or {revenue_year}").format(
                year=year, revenue_year=revenue_year))
            continue
        span = (_year(year), _year(revenue_year))
        near = cash[cash["period"].map(lambda p: max(span) - 1 <= _year(p) <= min(span) + 1).astype(bool)]
        picked = next((c for c in (tf.headline(near[near["metric"] == m]) for m in CASH_METRICS) if c is not None), None)
        if picked is None and not cash.empty:
            reasons.append(_("the {year} loss has no cash in hand (a funding round or a paid investment) dated {first}–{last}")
                           .format(year=year, first=max(span) - 1, last=min(span) + 1))
            continue
        loss_rows, revenue_rows = losses[losses["period"] == year], revenues[revenues["period"] == revenue_year]
        return _RunwayClaims(year, revenue_year, revenue_rows, loss_rows, tf.headline(revenue_rows), tf.headline(loss_rows),
                             picked), ""
    return None, _("The claims in force give no cash, revenue and loss for {company} from the same or adjacent years, so the "
                   "runway cannot be projected: {reasons}.").format(company=entity, reasons="; ".join(reasons))


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
    carried = "" if found.revenue_year == year else _("; revenue: {revenue_year} figure carried forward to {year}").format(
        revenue_year=found.revenue_year, year=year)
    cash_text = (_("{amount} ({metric}, {period})").format(amount=qualified(format_usd(cash["value_usd"]), cash["qualifier"]),
                                                           metric=metric_label(cash["metric"]).lower(), period=cash["period"])
                 if cash is not None else _("$0 (no cash in hand in the claims)"))
    explanation = _("start {month} with cash {cash}; revenue {revenue} a year ({revenue_year}); "
                    "cost = revenue + net loss {loss} ({period}, {basis})").format(
        month=month(start), cash=cash_text, revenue=qualified(format_usd(revenue_usd), revenue["qualifier"]),
        revenue_year=found.revenue_year, loss=qualified(format_usd(loss["value_usd"]), loss["qualifier"]),
        period=loss["period"], basis=basis_word(loss["basis"])) + carried
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


def ran_out_warning(zero_cash: dt.date | None, as_of) -> str:
    """The plain statement a stale projection needs: empty unless the cash ran out before the as-of date."""
    if zero_cash is None or as_of is None or zero_cash >= pd.Timestamp(as_of).date():
        return ""
    return _("By these figures the cash ran out in {month}, before the as-of date ({day}); funding not in the claims is "
             "implied.").format(month=month(zero_cash), day=day(pd.Timestamp(as_of)))


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
    ends = (_("the cash runs out in {month}").format(month=month(projection.zero_cash_date))
            if projection.zero_cash_date is not None else _("the cash lasts beyond {horizon} months").format(horizon=horizon))
    claims = [c for c in (found.cash, found.revenue, found.loss) if c is not None]
    return {
        "key": "runway", "label": _("Runway (from {month})").format(month=month(inputs.start)), "period": claims[0]["period"],
        "value_usd": float(months) if months is not None else math.inf, "qualifier": "exact",
        "display": (_("{months} months").format(months=decimal(months)) if months is not None
                    else _("> {horizon} months").format(horizon=horizon)),
        "claim_id": ", ".join(c["id"] for c in claims), "basis": "derived", "scope": COMPANY,
        "source": "; ".join(dict.fromkeys(source_kind_label(c) for c in claims)),
        "quote": claims[0]["quote"], "quote_en": claims[0]["quote_en"], "language": claims[0]["source_language"],
        "explanation": _("{ends}: the Runway page's projection at its default sliders (no growth, no raises); {explanation}")
        .format(ends=ends, explanation=inputs.explanation),
        "warning": ran_out_warning(projection.zero_cash_date, as_of),
    }


@dataclass(frozen=True)
class Scenario:
    """One runway run with its band: low is the worst cash outcome (highest costs), high the best."""

    base: runway.Projection
    low: runway.Projection
    high: runway.Projection
    assumptions: str


def scenario(inputs: RunwayInputs, assumptions: RunwayAssumptions, events: Sequence[FundingEvent] = ()) -> Scenario:
    """Project base, low-cost and high-cost cases; the band scales cost by the claims' spread (inputs.cost_low_ratio,
    cost_high_ratio, which runway_chart passes on). The text, the sliders' assumptions, notes each raise that is an
    offered event (describe_raises)."""
    a = assumptions
    text = _("start {month} with {cash} cash · revenue {revenue}/month growing {revenue_growth}/yr · costs {cost}/month "
             "growing {cost_growth}/yr").format(
        month=month(inputs.start), cash=format_usd(a.cash_usd), revenue=format_usd(a.monthly_revenue_usd),
        revenue_growth=percent(a.revenue_growth_yoy, signed=True), cost=format_usd(a.monthly_cost_usd),
        cost_growth=percent(a.cost_growth_yoy, signed=True))
    if a.raises:
        text += f" · {describe_raises(a.raises, events)}"
    return Scenario(a.project(inputs.start), a.project(inputs.start, inputs.cost_high_ratio),
                    a.project(inputs.start, inputs.cost_low_ratio), text)


def runway_chart(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs, result: Scenario,
                 alive_growth: float | None = None, assumptions: RunwayAssumptions | None = None,
                 events: Sequence[FundingEvent] = (), claims: pd.DataFrame | None = None) -> Chart:
    """The runway chart; given the assumptions and the growth it takes to be default alive (alive_growth), it
    also draws the revenue path that growth implies. Given the offered events, each raise that is one is marked
    with its note, a raise that is not cash in hand drawn dashed, and Epoch AI cited when a raise is its round.
    claims, the inputs' claims (runway_claims) when the caller keeps them: they stay the same as the sliders move."""
    behind = runway_claims(prepared, inputs) if claims is None else claims
    band = (", ".join(inputs.high_claims), ", ".join(inputs.low_claims))  # the low cash path has the highest costs
    alive = None
    if assumptions is not None and alive_growth is not None and alive_growth > runway.GROWTH_FLOOR:
        alive = replace(assumptions, revenue_growth_yoy=alive_growth).project(inputs.start)
    raises = assumptions.raises if assumptions is not None else ()
    marks = [(event.date, event.note, not event.unpaid) for event in in_force(raises, events)]
    return _cited(runway_charts.runway(result.base, result.low, result.high, result.assumptions, behind, entity, band, alive, alive_growth,
                                       marks, (inputs.cost_high_ratio, inputs.cost_low_ratio)), raises, events)


def describe_raises(raises: tuple[tuple[dt.date, float], ...], events: Sequence[FundingEvent] = ()) -> str:
    """'raises $40.0B 01 Mar 2025, $100.0B 01 Sep 2025 (assumes the Nvidia commitment, not yet paid out, is paid)', or
    'no raises', for subtitles and captions: a raise that is an offered event carries its note (FundingEvent.note)."""
    if not raises:
        return _("no raises")
    return _("raises {raises}").format(raises=_raise_list(raises, events))


def _raise_list(raises: tuple[tuple[dt.date, float], ...], events: Sequence[FundingEvent]) -> str:
    """'$40.0B 01 Mar 2025, $100.0B 01 Sep 2025 (assumes ...)': each raise, with its note when it is an offered event."""
    notes = {event.pair: event.note for event in events}
    return ", ".join(f"{format_usd(usd)} {day(when)}" + (f" ({notes[(when, usd)]})" if notes.get((when, usd)) else "")
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


def then_and_now_chart(claims: pd.DataFrame, entity: str, then, comparison: dict | None = None) -> Chart | None:
    """The then-vs-now projections on one chart, or None when either side has too few claims to project."""
    comparison = comparison or then_vs_now(claims, entity, then)
    if comparison["then"] is None or comparison["now"] is None:
        return None
    (then_inputs, then_projection), (now_inputs, now_projection) = comparison["then"], comparison["now"]
    prepared = tf.prepare(claims)
    behind = prepared[prepared["id"].isin(set(then_inputs.claim_ids) | set(now_inputs.claim_ids)) & ~prepared["derived"]]
    return runway_charts.then_and_now(then_projection, now_projection, then, then_inputs.explanation, now_inputs.explanation,
                                      behind, entity, comparison.get("not_comparable", ""))


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
        return (_("assumes the {partner} commitment, not yet paid out, is paid").format(partner=partner) if partner
                else _("assumes the commitment, not yet paid out, is paid"))
    return _("assumes the {basis} {metric} of {period} is paid").format(
        basis=basis_word(claim["basis"]), metric=metric_label(claim["metric"]).lower(), period=claim["period"])


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
    for _index, row in rounds.iterrows():
        same = next((claim for _, claim in deals.iterrows() if _same_deal(claim, row)), None)
        (offered if same is None else repeats).append((row, same))
    return offered, repeats


def funding_events(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs,
                   peers: pd.DataFrame | None = None) -> list[FundingEvent]:
    """The one-click raises: funding rounds, investments and commitments with an amount, dated after the projection
    start, oldest first; then, given Epoch AI's rows in force (peers), Epoch's equity and debt rounds after the
    start, oldest first, each with its status, except those that repeat the starting cash or a claim's deal."""
    events = []
    for _index, claim in _funding_claims(prepared, entity, inputs).iterrows():
        partner = claim["counterparty"]
        unpaid = not cash_in_hand(claim["metric"], claim["basis"])
        figure = metric_label(claim["metric"])
        if isinstance(partner, str):
            figure = _("{figure} from {partner}").format(figure=figure, partner=partner)
        basis = _("(commitment: not yet paid out)") if claim["basis"] == "commitment" else f"({basis_word(claim['basis'])})"
        events.append(FundingEvent(
            claim_id=claim["id"], date=claim["period_start"].date(), amount_usd=float(claim["value_usd"]),
            label=_("{figure}, {period}: {amount}").format(figure=figure, period=claim["period"],
                                                         amount=qualified(format_usd(claim["value_usd"]), claim["qualifier"]))
            + f" {basis}",
            source=source_kind_label(claim), unpaid=unpaid, caveat=_claim_caveat(claim) if unpaid else "",
        ))
    for row, _claim in _epoch_rounds(prepared, entity, inputs, peers)[0]:
        closed = row["status"] == "closed"
        status = row["status"] if isinstance(row["status"], str) else _("status not given")
        confidence = confidence_text(row["confidence"], _("not given"))
        url = row["url_1"] if isinstance(row["url_1"], str) else ""
        events.append(FundingEvent(
            claim_id=f"{EPOCH}: {row['id']} ({KINDS[row['kind']].label.lower()})", date=row["date"].date(),
            amount_usd=float(row["value_usd"]),
            label=_("{kind}, {date}: {amount} ({source}, {status})").format(
                kind=KINDS[row["kind"]].label, date=f"{row['date']:%Y-%m-%d}", amount=format_usd(row["value_usd"]), source=EPOCH,
                status=status if closed else _("{status}: not closed").format(status=status)),
            source=_("{source} ({licence}): row '{row}', {status}, confidence {confidence}").format(
                source=EPOCH, licence=LICENCE, row=row["id"], status=status, confidence=confidence) + (f", {url}" if url else ""),
            unpaid=not closed,
            caveat="" if closed else _("assumes {source}'s round '{row}' ({status}) closes and is paid").format(
                source=EPOCH, row=row["id"], status=status),
            peer=peers[(peers["company"] == entity) & (peers["id"] == row["id"]) & (peers["kind"] == row["kind"])].reset_index(drop=True),
        ))
    return events


def epoch_repeats(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs, peers: pd.DataFrame | None) -> list[str]:
    """The Epoch rounds after the start that funding_events leaves out, each with the claim it repeats."""
    return [_("'{row}' ({amount}, {status}): {repeats}").format(
                row=row["id"], amount=format_usd(row["value_usd"]), status=row["status"],
                repeats=_("the starting cash") if claim["id"] in inputs.claim_ids[:1]
                else _("claim {claim_id}").format(claim_id=claim["id"]))
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
        if projection.zero_cash_date is None:
            return _("lasts beyond the {horizon}-month horizon").format(horizon=assumptions.horizon_months)
        return _("runs out in {month} ({months} months)").format(month=month(projection.zero_cash_date),
                                                                 months=decimal(projection.runway_months))

    with_raises = assumptions.project(inputs.start)
    without = replace(assumptions, raises=()).project(inputs.start)
    added = format_usd(sum(usd for _, usd in assumptions.raises))
    return _("With {amount} raised ({raises}), the cash {with_raises}; without the raises it {without}.").format(
        amount=added, raises=_raise_list(assumptions.raises, events), with_raises=lasts(with_raises), without=lasts(without))


def alive_growth(assumptions: RunwayAssumptions, start: dt.date) -> float | None:
    """The yearly revenue growth it takes to be default alive with these costs, cost growth and raises (see
    lib.runway.growth_to_break_even: -0.99 when alive at any growth, None when not even at +1000%)."""
    a = assumptions
    return runway.growth_to_break_even(a.cash_usd, a.monthly_revenue_usd, a.monthly_cost_usd, a.cost_growth_yoy, start,
                                       a.horizon_months, raises=a.raises)


def alive_growth_text(growth: float | None) -> str:
    """The metric's value: '+47% a year', 'any' (alive even at -99%) or 'more than +1000% a year'."""
    if growth is None:
        return _("more than {growth} a year").format(growth=percent(runway.GROWTH_CEILING, signed=True))
    if growth <= runway.GROWTH_FLOOR:
        return _("any (alive even at {growth} a year)").format(growth=percent(runway.GROWTH_FLOOR, signed=True))
    return _("{growth} a year").format(growth=percent(growth, signed=True))


def describe_assumptions(a: RunwayAssumptions, events: Sequence[FundingEvent] = ()) -> str:
    """Every assumption in one line, for a scenario's subtitle entry and its CSV rows (raises noted as describe_raises)."""
    return _("cash {cash}, revenue {revenue}/month {revenue_growth}/yr, costs {cost}/month {cost_growth}/yr, {raises}, "
             "{horizon} months").format(
        cash=format_usd(a.cash_usd), revenue=format_usd(a.monthly_revenue_usd), revenue_growth=percent(a.revenue_growth_yoy, signed=True),
        cost=format_usd(a.monthly_cost_usd), cost_growth=percent(a.cost_growth_yoy, signed=True), raises=describe_raises(a.raises, events),
        horizon=a.horizon_months)


def runway_claims(prepared: pd.DataFrame, inputs: RunwayInputs) -> pd.DataFrame:
    """The claims the runway inputs come from, for a runway chart's claims table."""
    return prepared[prepared["id"].isin(inputs.claim_ids)]


def _cited(chart: Chart, raises, events: Sequence[FundingEvent]) -> Chart:
    """A runway chart citing Epoch AI when one of its raises is Epoch's round."""
    rows = peer_rows(raises, events)
    return chart if rows is None else replace(chart, peers=rows)


def sensitivity_chart(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs, assumptions: RunwayAssumptions,
                      events: Sequence[FundingEvent] = ()) -> Chart:
    """The tornado: the runway when each input moves by its step (lib.runway.sensitivity), raises included and noted."""
    a = assumptions
    table = runway.sensitivity(a.cash_usd, a.monthly_revenue_usd, a.monthly_cost_usd, a.revenue_growth_yoy, a.cost_growth_yoy,
                               inputs.start, a.horizon_months, raises=a.raises)
    base = a.project(inputs.start).runway_months
    return _cited(runway_charts.tornado(table, base, a.horizon_months, inputs.start,
                                        _starting(inputs, a, events), runway_claims(prepared, inputs), entity),
                  a.raises, events)


def _starting(inputs: RunwayInputs, assumptions: RunwayAssumptions, events: Sequence[FundingEvent]) -> str:
    """'from Jan 2025: cash $6.6B, ...': a chart's assumptions, from the projection start."""
    return _("from {month}: {assumptions}").format(month=month(inputs.start),
                                                   assumptions=describe_assumptions(assumptions, events))


def scenarios_chart(prepared: pd.DataFrame, entity: str, inputs: RunwayInputs, current: RunwayAssumptions,
                    saved: Sequence[SavedScenario], events: Sequence[FundingEvent] = ()) -> Chart:
    """The current sliders' cash path beside each saved scenario's: the subtitle says what each changes, the CSV
    lists every one's assumptions."""
    everyone = [("current", current), *((s.name, s.assumptions) for s in saved)]
    runs = [(name, a.project(inputs.start), describe_assumptions(a, events)) for name, a in everyone]
    raises = tuple(dict.fromkeys(pair for _, a in everyone for pair in a.raises))
    changes = [describe_changes(s.assumptions, current, events) for s in saved]
    return _cited(runway_charts.scenarios(runs, runway_claims(prepared, inputs), entity, inputs.start, changes), raises, events)


def describe_changes(a: RunwayAssumptions, current: RunwayAssumptions, events: Sequence[FundingEvent] = ()) -> str:
    """What a saved scenario changes from the current sliders, for the scenarios chart's subtitle (its CSV keeps
    every assumption): 'costs growing +30%/yr', 'cash $8.0B, raises $40.0B 01 Mar 2025', or 'as the current sliders'."""
    changed = [
        (a.cash_usd != current.cash_usd, _("cash {cash}").format(cash=format_usd(a.cash_usd))),
        (a.monthly_revenue_usd != current.monthly_revenue_usd,
         _("revenue {revenue}/month").format(revenue=format_usd(a.monthly_revenue_usd))),
        (a.revenue_growth_yoy != current.revenue_growth_yoy,
         _("revenue growing {growth}/yr").format(growth=percent(a.revenue_growth_yoy, signed=True))),
        (a.monthly_cost_usd != current.monthly_cost_usd, _("costs {cost}/month").format(cost=format_usd(a.monthly_cost_usd))),
        (a.cost_growth_yoy != current.cost_growth_yoy, _("costs growing {growth}/yr").format(growth=percent(a.cost_growth_yoy, signed=True))),
        (a.raises != current.raises, describe_raises(a.raises, events)),
        (a.horizon_months != current.horizon_months, _("{horizon} months").format(horizon=a.horizon_months)),
    ]
    return ", ".join(words for differs, words in changed if differs) or _("as the current sliders")


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
              intervals: FanIntervals, events: Sequence[FundingEvent] = ()) -> Chart:
    """The fan: the sliders' values drawn within the sources' intervals (lib.runway.fan), saying which vary and how."""
    a = assumptions
    result = runway.fan(a.cash_usd, a.monthly_revenue_usd, a.monthly_cost_usd, a.revenue_growth_yoy, a.cost_growth_yoy,
                        inputs.start, a.horizon_months, raises=a.raises, relative_intervals=intervals.relative)
    varying = result.inputs[result.inputs["varies"]]
    fixed = result.inputs[~result.inputs["varies"]]
    varies = "; ".join(f"{row.label} {row.intervals} ({', '.join(intervals.claims[row.input])})" for row in varying.itertuples())
    lasting = result.never_runs_out
    lasts = (_("the cash runs out in every draw") if lasting == 0 else _("the cash lasts the horizon in every draw")
             if lasting == 1 else _("the cash lasts the horizon in {share} of draws").format(share=percent(lasting)))
    spread = (_("{draws} draws of {inputs} within the sources' ranges · {lasts}").format(
                  draws=f"{result.draws:,}", inputs=and_list([label.lower() for label in varying["label"]]), lasts=lasts)
              if not varying.empty else _("the sources pin every input down: one path · {lasts}").format(lasts=lasts))
    method = _("The draws ({draws}, seed {seed}) are uniform within each claim's interval, disagreeing claims alike. "
               "Varies: {varies}. Fixed: {fixed}.").format(draws=f"{result.draws:,}", seed=result.seed,
                                                           varies=varies or _("nothing"), fixed=", ".join(fixed["label"]).lower())
    return _cited(runway_charts.fan(result.paths, result.zero_cash, a.project(inputs.start), spread, method,
                                    _starting(inputs, a, events), runway_claims(prepared, inputs), entity),
                  a.raises, events)
