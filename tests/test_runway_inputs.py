"""lib.runway_inputs: the runway's inputs from one time, scenarios, then vs now, the one-click raises, the growth to
be default alive and the runway charts' wiring.

Each rule runs on a small dataset built to trigger it, beside a near miss that must not."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from lib import runway_inputs, transforms as tf
from lib.assumptions import RunwayAssumptions
from tests.conftest import make_claims, make_peers
from tests.small_claims import BASE, SOURCES


@pytest.fixture
def prepared():
    return tf.prepare(make_claims(BASE, SOURCES))


def test_then_and_now_says_when_its_inputs_are_not_like_with_like():
    reason = "revenue 2023, net loss 2023 became revenue 2024, net loss 2024"
    claims = make_claims([{"id": "loss", "value": 1e9, "period": "2023", "source": "old"},
                          {"id": "revenue", "metric": "revenue", "value": 1e8, "period": "2023", "source": "old"},
                          {"id": "cash", "metric": "investment", "value": 10e9, "per": ..., "period": "2023", "source": "old"},
                          {"id": "later-loss", "value": 5e9, "period": "2024", "source": "new"},
                          {"id": "later-revenue", "metric": "revenue", "value": 2e8, "period": "2024", "source": "new"}], SOURCES)
    got = runway_inputs.then_vs_now(claims, "OpenAI", "2023-12-31")
    assert got["not_comparable"] == reason
    chart = runway_inputs.then_and_now_chart(claims, "OpenAI", "2023-12-31", got)
    assert chart.subtitle.startswith(f"Not comparable: {reason} · US dollars · no growth assumed · then: ")
    assert chart.description.startswith(f"Not comparable: {reason}. Then: ")
    same = make_claims([{"id": "loss", "value": 1e9, "period": "2023", "source": "old"},
                        {"id": "revenue", "metric": "revenue", "value": 1e8, "period": "2023", "source": "old"},
                        {"id": "cash", "metric": "investment", "value": 10e9, "per": ..., "period": "2023", "source": "old"},
                        {"id": "loss-again", "value": 2e9, "period": "2023", "source": "new", "basis": "reported"}], SOURCES)
    assert runway_inputs.then_vs_now(same, "OpenAI", "2023-12-31")["not_comparable"] == ""


def test_recycled_figures_stay_out_of_the_runway_inputs():
    # the later round repeats the earlier article's $6B round: the runway starts from the earlier one instead
    claims = BASE + [{"id": "round-2023", "metric": "funding_round", "value": 6e9, "per": ..., "period": "2023-01",
                      "basis": "reported", "source": "old"}]
    inputs = runway_inputs.runway_inputs(tf.prepare(make_claims(claims, SOURCES)), "OpenAI")
    assert (inputs.cash_usd, inputs.start, inputs.claim_ids[0]) == (6e9, dt.date(2023, 1, 1), "round-2023")


def test_runway_inputs(prepared):
    inputs = runway_inputs.runway_inputs(prepared, "OpenAI")
    assert (inputs.cash_usd, inputs.monthly_revenue_usd, inputs.monthly_cost_usd) == (6e9, 3e9 / 12, 8e9 / 12)
    assert inputs.start == dt.date(2024, 10, 1) and inputs.year == "2024"
    # every 2024 revenue and loss is exact: no band
    assert (inputs.cost_low_ratio, inputs.cost_high_ratio) == (1.0, 1.0)
    assert {"round", "revenue-2024", "loss-2024"} <= set(inputs.claim_ids)
    assert "chatgpt-cost-2024" not in inputs.claim_ids


def test_runway_band_comes_from_same_year_alternatives_and_qualifiers():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "loss-2024-about", "value": 5e9, "period": "2024", "source": "old", "qualifier": "approximately"},
        {"id": "loss-2023-huge", "value": 50e9, "period": "2023", "source": "new", "qualifier": "exact"},  # other year
    ], SOURCES))
    inputs = runway_inputs.runway_inputs(prepared, "OpenAI")
    assert (inputs.cost_low_ratio, inputs.cost_high_ratio) == pytest.approx(((3e9 + 4.5e9) / 8e9, (3e9 + 5.5e9) / 8e9))
    assert (inputs.low_claims, inputs.high_claims) == (("revenue-2024", "loss-2024-about"), ("revenue-2024", "loss-2024-about"))


def test_a_repeated_figure_does_not_widen_the_runway_band():
    # the heading's "about $5B" repeats the body's exact $5B (same_as): the band stays the body's, no band at all
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "loss-2024-heading", "value": 5e9, "period": "2024", "source": "new", "qualifier": "approximately",
         "same_as": "loss-2024"},
    ], SOURCES))
    inputs = runway_inputs.runway_inputs(prepared, "OpenAI")
    assert (inputs.cost_low_ratio, inputs.cost_high_ratio) == (1.0, 1.0)
    assert "loss-2024-heading" not in inputs.claim_ids


def test_runway_inputs_take_revenue_and_loss_from_one_year():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "loss-2025", "value": 8e9, "period": "2025", "source": "new", "qualifier": "more_than"},
    ], SOURCES))
    inputs = runway_inputs.runway_inputs(prepared, "OpenAI")
    assert inputs.year == "2024" and inputs.monthly_cost_usd == 8e9 / 12


def _loss(year, value, **extra):
    return {"id": f"loss-{year}", "value": value, "period": year, "source": "new", "qualifier": "exact", **extra}


def _revenue(year, value):
    return {"id": f"revenue-{year}", "metric": "revenue", "value": value, "period": year, "source": "new", "qualifier": "exact"}


def _cash(claim_id, metric, period, value, basis="reported"):
    return {"id": claim_id, "metric": metric, "value": value, "per": ..., "period": period, "basis": basis, "source": "new",
            "qualifier": "exact"}


# (cash id, cash, monthly revenue, monthly cost, start, loss year, revenue year) or the reason there is no runway
RUNWAY_FROM_ONE_TIME = [
    pytest.param([_loss("2024", 5e9), _revenue("2024", 3e9), _cash("round", "funding_round", "2024-10", 6e9)],
                 ("round", 6e9, 3e9 / 12, 8e9 / 12, dt.date(2024, 10, 1), "2024", "2024"), id="one-year"),
    pytest.param([_loss("2025", 8e9), _revenue("2024", 3e9), _cash("round", "funding_round", "2025-03", 6e9)],
                 ("round", 6e9, 3e9 / 12, 11e9 / 12, dt.date(2025, 3, 1), "2025", "2024"), id="revenue-carried-forward"),
    pytest.param([_loss("2025", 8e9), _revenue("2023", 3e9), _cash("round", "funding_round", "2025-03", 6e9)],
                 "the 2025 loss has no revenue figure for 2025 or 2024", id="revenue-two-years-back-is-not-carried"),
    pytest.param([_loss("2025", 8e9), _revenue("2025", 3e9), _cash("tranche", "investment", "2023", 10e9)],
                 "the 2025 loss has no cash in hand (a funding round or a paid investment) dated 2024–2026",
                 id="cash-two-years-before-the-loss"),
    pytest.param([_loss("2025", 8e9), _revenue("2024", 3e9), _cash("round", "funding_round", "2026-01", 6e9)],
                 "the 2025 loss has no cash in hand (a funding round or a paid investment) dated 2024–2025",
                 id="cash-adjacent-to-the-loss-but-not-to-the-carried-revenue"),
    pytest.param([_loss("2024", 5e9), _revenue("2024", 3e9), _cash("mou", "investment_commitment", "2024-09", 100e9, "commitment"),
                  _cash("round", "funding_round", "2023-01", 2e9)],
                 ("round", 2e9, 3e9 / 12, 8e9 / 12, dt.date(2023, 1, 1), "2024", "2024"), id="a-commitment-is-never-cash"),
    pytest.param([_loss("2024", 5e9), _revenue("2024", 3e9), _cash("mou", "investment_commitment", "2024-09", 100e9, "commitment"),
                  _cash("planned", "funding_round", "2024-12", 9e9, "projected")],
                 ("revenue-2024", 0.0, 3e9 / 12, 8e9 / 12, dt.date(2025, 1, 1), "2024", "2024"),
                 id="neither-a-commitment-nor-a-projected-round-is-cash"),
    pytest.param([_loss("2024", 5e9), _revenue("2024", 3e9), _cash("tranche", "investment", "2024-11", 1e9),
                  _cash("round", "funding_round", "2024-02", 6e9)],
                 ("round", 6e9, 3e9 / 12, 8e9 / 12, dt.date(2024, 2, 1), "2024", "2024"), id="a-round-before-a-tranche"),
    pytest.param([_loss("2024", 5e9), _revenue("2024", 3e9), _cash("tranche", "investment", "2024-11", 1e9)],
                 ("tranche", 1e9, 3e9 / 12, 8e9 / 12, dt.date(2024, 11, 1), "2024", "2024"), id="a-paid-tranche-without-a-round"),
    pytest.param([_loss("2023", 0.5e9), _loss("2025", 8e9), _cash("tranche", "investment", "2023", 10e9)],
                 "the 2025 loss has no revenue figure for 2025 or 2024; the 2023 loss has no revenue figure for 2023 or 2022",
                 id="no-revenue-is-never-zero-revenue"),
    pytest.param([_loss("2024", 5e9), _revenue("2024", 3e9)], ("revenue-2024", 0.0, 3e9 / 12, 8e9 / 12, dt.date(2025, 1, 1), "2024", "2024"),
                 id="no-cash-in-hand-at-all-starts-at-zero-after-the-year"),
    pytest.param([_loss("2024", 5e9), _revenue("2024", 3e9), _cash("mou", "investment_commitment", "2024-09", 100e9, "commitment")],
                 ("revenue-2024", 0.0, 3e9 / 12, 8e9 / 12, dt.date(2025, 1, 1), "2024", "2024"),
                 id="a-commitment-alone-is-no-cash"),
    pytest.param([_loss("2023", 1e9), _revenue("2023", 1e9), _loss("2025", 8e9), _cash("round", "funding_round", "2023-05", 6e9)],
                 ("round", 6e9, 1e9 / 12, 2e9 / 12, dt.date(2023, 5, 1), "2023", "2023"),
                 id="an-older-year-that-holds-together"),
]


@pytest.mark.parametrize("claims, expected", RUNWAY_FROM_ONE_TIME)
def test_runway_inputs_come_from_one_time(claims, expected):
    prepared = tf.prepare(make_claims(claims, SOURCES))
    inputs = runway_inputs.runway_inputs(prepared, "OpenAI")
    if isinstance(expected, str):
        assert inputs is None
        assert runway_inputs.runway_problem(prepared, "OpenAI") == (
            "The claims in force give no cash, revenue and loss for OpenAI from the same or adjacent years, so the runway "
            f"cannot be projected: {expected}.")
        return
    assert (inputs.claim_ids[0], inputs.cash_usd, inputs.monthly_revenue_usd, inputs.monthly_cost_usd, inputs.start, inputs.year,
            inputs.revenue_year) == expected
    assert runway_inputs.runway_problem(prepared, "OpenAI") == ""


def test_carried_forward_revenue_says_so():
    prepared = tf.prepare(make_claims([_loss("2025", 8e9), _revenue("2024", 3e9), _cash("round", "funding_round", "2025-03", 6e9)],
                                      SOURCES))
    assert runway_inputs.runway_inputs(prepared, "OpenAI").explanation == (
        "start Mar 2025 with cash $6.0B (funding round, 2025-03); revenue $3.0B a year (2024); cost = revenue + net loss "
        "$8.0B (2025, estimated); revenue: 2024 figure carried forward to 2025")


def test_runway_inputs_need_a_loss():
    assert runway_inputs.runway_inputs(tf.prepare(make_claims([{"metric": "revenue"}])), "OpenAI") is None


def test_scenario_band_brackets_the_base(prepared):
    inputs = runway_inputs.runway_inputs(prepared, "OpenAI")
    wide = runway_inputs.RunwayInputs(**{**inputs.__dict__, "cost_low_ratio": 0.5, "cost_high_ratio": 1.5,
                                         "low_claims": ("a",), "high_claims": ("b",)})
    result = runway_inputs.scenario(wide, RunwayAssumptions(6e9, 250e6, 700e6, 0.0, 0.0, 60))
    assert result.low.runway_months < result.base.runway_months  # low = the cash outcome with the highest costs
    assert result.high.runway_months is None  # lowest costs: the cash outlasts the horizon
    assert result.assumptions == ("start Oct 2024 with $6.0B cash · revenue $250.0M/month growing +0%/yr · "
                                  "costs $700.0M/month growing +0%/yr")
    chart = runway_inputs.runway_chart(prepared, "OpenAI", wide, result)
    assert chart.subtitle == f"US dollars · {result.assumptions} · shaded blue: the range the sources allow"
    # the exact band goes into the CSV and the alt text: the low cash path has the highest costs
    assert chart.data[["cash_end_low_claims", "cash_end_high_claims", "cash_end_low_cost_ratio",
                       "cash_end_high_cost_ratio"]].iloc[0].tolist() == ["b", "a", 1.5, 0.5]
    assert "costs from x0.50 to x1.50 the base's" in chart.alt_text


@pytest.mark.parametrize(
    "zero_cash, as_of, expected",
    [
        (dt.date(2025, 7, 15), "2026-02-01", "By these figures the cash ran out in Jul 2025, before the as-of date "
                                              "(1 Feb 2026); funding not in the claims is implied."),
        (dt.date(2026, 2, 1), "2026-02-01", ""),
        (None, "2026-02-01", ""),
        (dt.date(2025, 7, 15), None, ""),
    ],
)
def test_ran_out_warning(zero_cash, as_of, expected):
    assert runway_inputs.ran_out_warning(zero_cash, as_of) == expected


def test_then_vs_now():
    claims = make_claims([{"id": "loss", "value": 1e9, "period": "2023", "source": "old"},
                          {"id": "revenue", "metric": "revenue", "value": 0.0, "period": "2023", "source": "old"},
                          {"id": "cash", "metric": "investment", "value": 10e9, "per": ..., "period": "2023", "source": "old"},
                          {"id": "later-loss", "value": 5e9, "period": "2024", "source": "new"},
                          {"id": "later-revenue", "metric": "revenue", "value": 0.0, "period": "2024", "source": "new"},
                          {"id": "doom", "metric": "bankruptcy_prediction", "value": None, "unit": ..., "per": ...,
                           "qualifier": ..., "period": "2024", "basis": "forecast", "source": "old"}], SOURCES)
    got = runway_inputs.then_vs_now(claims, "OpenAI", "2023-12-31")
    then_inputs, then_projection = got["then"]
    assert then_inputs.cash_usd == 10e9 and then_projection.runway_months is None
    # the Runway page's defaults: costs of $5B / 12 = $416.7M a month on the slider's $1M grid, $417M
    assert got["now"][1].runway_months == pytest.approx(10_000 / 417)
    assert list(got["predictions"]["id"]) == ["doom"]
    assert list(got["later"]["id"]) == ["later-loss", "later-revenue"]


def test_fan_intervals_are_each_claims_interval_over_the_headline():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "round-about", "metric": "funding_round", "value": 6.6e9, "per": ..., "period": "2024-10", "basis": "reported",
         "source": "old", "qualifier": "approximately"},
        {"id": "revenue-2024-more", "metric": "revenue", "value": 3.3e9, "period": "2024", "source": "old", "qualifier": "more_than"},
        {"id": "loss-2024-about", "value": 5e9, "period": "2024", "source": "old", "qualifier": "approximately"},
    ], SOURCES))
    intervals = runway_inputs.fan_intervals(prepared, "OpenAI")
    expected = {
        "cash_usd": ((1.0, 1.0), (5.94 / 6, 7.26 / 6)),  # the round's headline is $6B exact; "about $6.6B" beside it
        "monthly_revenue_usd": ((1.0, 1.0), (1.1, 1.65)),  # "more than $3.3B": open end capped at 1.5x
        # cost = revenue + loss, every pairing: 3+5, 3+(4.5..5.5), 3.3..4.95+5, 3.3..4.95+(4.5..5.5), over 8
        "monthly_cost_usd": ((1.0, 1.0), (0.9375, 1.0625), (1.0375, 1.24375), (0.975, 1.30625)),
    }
    assert intervals.relative.keys() == expected.keys()
    for name, pairs in expected.items():
        assert [pytest.approx(pair) for pair in pairs] == list(intervals.relative[name]), name
    assert intervals.claims == {"cash_usd": ("round", "round-about"),
                                "monthly_revenue_usd": ("revenue-2024", "revenue-2024-more"),
                                "monthly_cost_usd": ("revenue-2024", "revenue-2024-more", "loss-2024", "loss-2024-about")}


@pytest.mark.parametrize("extra, spread, varies", [
    ([], "the sources pin every input down: one path · the cash runs out in every draw",
     "Varies: nothing. Fixed: starting cash, monthly revenue, monthly costs, revenue growth per year, cost growth per year."),
    # "about $5B" beside the $5B loss: costs of $3B + $4.5B to $5.5B over the headline's $8B, x0.94 to x1.06
    ([{"id": "loss-2024-about", "value": 5e9, "period": "2024", "source": "old", "qualifier": "approximately"}],
     "1,000 draws of monthly costs within the sources' ranges · the cash runs out in every draw",
     "Varies: Monthly costs ×1.00 to ×1.00 or ×0.94 to ×1.06 (revenue-2024, loss-2024, loss-2024-about). Fixed: starting "
     "cash, monthly revenue, revenue growth per year, cost growth per year."),
])
def test_the_fan_subtitle_says_what_varies_and_its_notes_how(extra, spread, varies):
    prepared = tf.prepare(make_claims(BASE + extra, SOURCES))
    inputs = runway_inputs.runway_inputs(prepared, "OpenAI")
    a = RunwayAssumptions.defaults(inputs)
    chart = runway_inputs.fan_chart(prepared, "OpenAI", inputs, a, runway_inputs.fan_intervals(prepared, "OpenAI"))
    assert chart.subtitle.startswith(f"US dollars · {spread} · from Oct 2024: ")
    assert chart.description == f"The draws (1,000, seed 12) are uniform within each claim's interval, disagreeing claims alike. {varies}"


def test_inputs_the_sources_pin_down_do_not_vary(prepared):
    assert runway_inputs.fan_intervals(prepared, "OpenAI") == runway_inputs.FanIntervals({}, {})  # every figure of BASE's runway is exact


def test_funding_after_the_start_is_offered_as_raises(prepared):
    with_deals = tf.prepare(make_claims(BASE + [
        {"id": "mou", "metric": "investment_commitment", "counterparty": "Nvidia", "value": 100e9, "per": ..., "period": "2025-09",
         "basis": "commitment", "source": "new", "qualifier": "exact"},
        {"id": "tranche", "metric": "investment", "value": 10e9, "per": ..., "period": "2025-03", "basis": "reported",
         "source": "new", "qualifier": "at_least"},
    ], SOURCES))
    events = runway_inputs.funding_events(with_deals, "OpenAI", runway_inputs.runway_inputs(with_deals, "OpenAI"))
    assert [(e.claim_id, e.date, e.amount_usd, e.label, e.unpaid) for e in events] == [
        ("tranche", dt.date(2025, 3, 1), 10e9, "Investment (tranche), 2025-03: ≥ $10.0B (reported)", False),
        ("mou", dt.date(2025, 9, 1), 100e9, "Investment commitment from Nvidia, 2025-09: $100.0B (commitment: not yet paid out)", True),
    ]
    assert runway_inputs.funding_events(prepared, "OpenAI", runway_inputs.runway_inputs(prepared, "OpenAI")) == []  # the round is the start itself


MOU = {"id": "mou", "metric": "investment_commitment", "counterparty": "Nvidia", "value": 100e9, "per": ..., "period": "2025-09",
       "basis": "commitment", "source": "new", "qualifier": "exact"}
EPOCH_ROUNDS = [
    {"id": "Oct round", "kind": "equity_funding", "date": "2024-10-02", "value_usd": "6000000000", "status": "closed"},  # the start
    {"id": "Oct round", "kind": "debt_funding", "date": "2024-10-02", "value_usd": "4000000000", "status": "closed"},
    {"id": "Old", "kind": "equity_funding", "date": "2024-05-01", "value_usd": "2000000000", "status": "closed"},  # before the start
    {"id": "Spring", "kind": "equity_funding", "date": "2025-03-31", "value_usd": "10000000000", "status": "closed",
     "confidence": "Likely"},
    {"id": "Tender", "kind": "equity_funding", "date": "2025-06-01", "value_usd": "0", "status": "closed"},  # a secondary sale
    {"id": "Nvidia deal", "kind": "equity_funding", "date": "2025-09-22", "value_usd": "100000000000", "status": "in discussion"},
    {"id": "Talks", "kind": "equity_funding", "date": "2025-11-01", "value_usd": "5000000000", "status": "in discussion",
     "confidence": "Uncertain"},
    {"id": "Elsewhere", "company": "Anthropic", "kind": "equity_funding", "date": "2025-02-01", "value_usd": "3000000000",
     "status": "closed"},
]


@pytest.fixture
def with_epoch(tmp_path):
    prepared = tf.prepare(make_claims(BASE + [MOU], SOURCES))
    peers = make_peers(tmp_path, EPOCH_ROUNDS)
    inputs = runway_inputs.runway_inputs(prepared, "OpenAI")
    return prepared, peers, inputs, runway_inputs.funding_events(prepared, "OpenAI", inputs, peers)


def test_epochs_rounds_after_the_start_are_offered_beside_the_claims(with_epoch):
    prepared, peers, inputs, events = with_epoch
    url = "https://example.com/epoch"
    assert [(e.claim_id, e.date, e.amount_usd, e.label, e.source, e.unpaid, e.caveat) for e in events] == [
        ("mou", dt.date(2025, 9, 1), 100e9, "Investment commitment from Nvidia, 2025-09: $100.0B (commitment: not yet paid out)",
         "News outlet: Publisher A (2024-06-01)", True, "assumes the Nvidia commitment, not yet paid out, is paid"),
        ("Epoch AI: Oct round (debt funding)", dt.date(2024, 10, 2), 4e9, "Debt funding, 2024-10-02: $4.0B (Epoch AI, closed)",
         f"Epoch AI (CC BY 4.0): row 'Oct round', closed, confidence Confident, {url}", False, ""),
        ("Epoch AI: Spring (equity funding)", dt.date(2025, 3, 31), 10e9, "Equity funding, 2025-03-31: $10.0B (Epoch AI, closed)",
         f"Epoch AI (CC BY 4.0): row 'Spring', closed, confidence Likely, {url}", False, ""),
        ("Epoch AI: Talks (equity funding)", dt.date(2025, 11, 1), 5e9,
         "Equity funding, 2025-11-01: $5.0B (Epoch AI, in discussion: not closed)",
         f"Epoch AI (CC BY 4.0): row 'Talks', in discussion, confidence Uncertain, {url}", True,
         "assumes Epoch AI's round 'Talks' (in discussion) closes and is paid"),
    ]
    assert [e.note for e in events] == ["assumes the Nvidia commitment, not yet paid out, is paid",
                                        "Epoch AI, debt funding 'Oct round'", "Epoch AI, equity funding 'Spring'",
                                        "Epoch AI, equity funding 'Talks'; assumes Epoch AI's round 'Talks' (in discussion) closes and is paid"]
    assert [list(e.peer[["id", "kind"]].iloc[0]) for e in events[1:]] == [
        ["Oct round", "debt_funding"], ["Spring", "equity_funding"], ["Talks", "equity_funding"]]
    assert runway_inputs.epoch_repeats(prepared, "OpenAI", inputs, peers) == [
        "'Oct round' ($6.0B, closed): the starting cash", "'Nvidia deal' ($100.0B, in discussion): claim mou"]
    assert runway_inputs.funding_events(prepared, "OpenAI", inputs) == events[:1]  # without Epoch's rows, the claims' alone


def test_all_closed_rounds_leave_out_commitments_and_rounds_in_discussion(with_epoch):
    assert runway_inputs.closed_rounds(with_epoch[3]) == ((dt.date(2024, 10, 2), 4e9), (dt.date(2025, 3, 31), 10e9))


def test_the_cards_say_what_the_cash_does_with_the_raises(with_epoch):
    prepared, peers, inputs, events = with_epoch
    closed = RunwayAssumptions.resolve(inputs, {"raises": runway_inputs.closed_rounds(events)})
    # sliders $6.0B, $250M revenue, $667M costs: a net $417M a month; $4B in month 0 and $10B in month 5 (31 Mar 2025 is
    # day 181; month 5 starts on day 152): 20,000 - 417 x 47 = $401M left for month 47, 401/417 of it: 47.96 months
    assert runway_inputs.raises_effect(inputs, closed, events) == (
        "With $14.0B raised ($4.0B 2 Oct 2024 (Epoch AI, debt funding 'Oct round'), $10.0B 31 Mar 2025 (Epoch AI, equity "
        "funding 'Spring')), the cash runs out in Sep 2028 (48.0 months); without the raises it runs out in Dec 2025 (14.4 months).")
    mou = RunwayAssumptions.resolve(inputs, {"raises": [events[0].pair]})
    assert runway_inputs.raises_effect(inputs, mou, events) == (
        "With $100.0B raised ($100.0B 1 Sep 2025 (assumes the Nvidia commitment, not yet paid out, is paid)), the cash lasts "
        "beyond the 60-month horizon; without the raises it runs out in Dec 2025 (14.4 months).")
    assert runway_inputs.raises_effect(inputs, RunwayAssumptions.defaults(inputs), events) == ""


def test_a_chart_using_a_raise_says_what_it_assumes_and_cites_epoch(with_epoch):
    prepared, peers, inputs, events = with_epoch
    a = RunwayAssumptions.resolve(inputs, {"raises": [events[0].pair, events[2].pair]})
    for chart in (runway_inputs.runway_chart(prepared, "OpenAI", inputs, runway_inputs.scenario(inputs, a, events), None, a, events),
                  runway_inputs.sensitivity_chart(prepared, "OpenAI", inputs, a, events),
                  runway_inputs.fan_chart(prepared, "OpenAI", inputs, a, runway_inputs.fan_intervals(prepared, "OpenAI"), events),
                  runway_inputs.scenarios_chart(prepared, "OpenAI", inputs, a, [], events)):
        assert ("$10.0B 31 Mar 2025 (Epoch AI, equity funding 'Spring'), $100.0B 1 Sep 2025 (assumes the Nvidia commitment, "
                "not yet paid out, is paid)") in chart.subtitle + " ".join(chart.data.get("assumptions", pd.Series(dtype=str))), chart.name
        assert list(chart.peers["id"]) == ["Spring"] and chart.source_line.endswith("Epoch AI (CC BY 4.0)."), chart.name
    plain = RunwayAssumptions.resolve(inputs, {"raises": [events[0].pair]})
    assert runway_inputs.sensitivity_chart(prepared, "OpenAI", inputs, plain, events).peers is None  # no Epoch raise: no Epoch citation


@pytest.mark.parametrize("growth, text", [
    (0.4659, "+47% a year"),
    (-0.99, "any (alive even at -99% a year)"),
    (None, "more than +1000% a year"),
])
def test_alive_growth_text(growth, text):
    assert runway_inputs.alive_growth_text(growth) == text


def test_alive_growth_counts_the_raises(prepared):
    start = runway_inputs.runway_inputs(prepared, "OpenAI").start
    plain = RunwayAssumptions(6e9, 250e6, 700e6, 0.0, 0.0, 60)
    funded = dataclasses.replace(plain, raises=((dt.date(2025, 3, 1), 40e9),))
    growths = [runway_inputs.alive_growth(a, start) for a in (plain, funded)]
    for a, growth in zip((plain, funded), growths):  # the least growth that is alive, to 0.001
        assert dataclasses.replace(a, revenue_growth_yoy=growth).project(start).default_alive
        assert not dataclasses.replace(a, revenue_growth_yoy=growth - 0.001).project(start).default_alive
    assert growths[1] < growths[0]  # $40B more buys time to grow into the costs


def test_describe_assumptions():
    a = RunwayAssumptions(6e9, 250e6, 700e6, 0.1, -0.05, 48, raises=((dt.date(2025, 3, 1), 40e9),))
    assert runway_inputs.describe_assumptions(a) == ("cash $6.0B, revenue $250.0M/month +10%/yr, costs $700.0M/month -5%/yr, "
                                                     "raises $40.0B 1 Mar 2025, 48 months")


def test_then_and_now_chart_needs_a_projection_on_both_sides():
    claims = make_claims([{"id": "loss", "value": 1e9, "period": "2023", "source": "old"},
                          {"id": "revenue", "metric": "revenue", "value": 0.0, "period": "2023", "source": "old"},
                          {"id": "cash", "metric": "investment", "value": 10e9, "per": ..., "period": "2023", "source": "old"},
                          {"id": "later-loss", "value": 5e9, "period": "2024", "source": "new"},
                          {"id": "later-revenue", "metric": "revenue", "value": 0.0, "period": "2024", "source": "new"}], SOURCES)
    chart = runway_inputs.then_and_now_chart(claims, "OpenAI", "2023-12-31")
    assert [t.name for t in chart.figure.data][:1] == ["Then: claims published by 31 Dec 2023"]
    assert set(chart.claims["id"]) == {"loss", "revenue", "cash", "later-loss", "later-revenue"}
    assert runway_inputs.then_and_now_chart(claims, "OpenAI", "2023-01-01") is None  # nothing published yet: no "then"


CURRENT = RunwayAssumptions(6.6e9, 308e6, 725e6, 0.0, 0.0, 60)


@pytest.mark.parametrize("changes, words", [
    ({}, "as the current sliders"),
    ({"cost_growth_yoy": 0.3}, "costs growing +30%/yr"),
    ({"revenue_growth_yoy": 0.5, "horizon_months": 120}, "revenue growing +50%/yr, 120 months"),
    ({"cash_usd": 8e9, "raises": ((dt.date(2025, 3, 1), 40e9),)}, "cash $8.0B, raises $40.0B 1 Mar 2025"),
    ({"monthly_revenue_usd": 400e6, "monthly_cost_usd": 500e6}, "revenue $400.0M/month, costs $500.0M/month"),
])
def test_a_saved_scenario_is_described_by_what_it_changes(changes, words):
    assert runway_inputs.describe_changes(dataclasses.replace(CURRENT, **changes), CURRENT) == words


def test_the_scenarios_subtitle_gives_the_current_sliders_then_each_scenarios_changes(prepared):
    inputs = runway_inputs.runway_inputs(prepared, "OpenAI")
    current = RunwayAssumptions.defaults(inputs)
    saved = [runway_inputs.SavedScenario("costs grow 30%", dataclasses.replace(current, cost_growth_yoy=0.3))]
    chart = runway_inputs.scenarios_chart(prepared, "OpenAI", inputs, current, saved)
    assert chart.subtitle == ("US dollars, from Oct 2024 · current: cash $6.0B, revenue $250.0M/month +0%/yr, costs "
                              "$667.0M/month +0%/yr, no raises, 60 months · costs grow 30%: costs growing +30%/yr")
    assert list(dict.fromkeys(chart.data["assumptions"])) == [
        "cash $6.0B, revenue $250.0M/month +0%/yr, costs $667.0M/month +0%/yr, no raises, 60 months",
        "cash $6.0B, revenue $250.0M/month +0%/yr, costs $667.0M/month +30%/yr, no raises, 60 months"]
