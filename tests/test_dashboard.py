"""lib.dashboard: headline cards, waterfall lines and reconciliation, runway inputs and the export chart set.

Each rule runs on a small dataset built to trigger it, beside a near miss that must not."""
from __future__ import annotations

import dataclasses
import datetime as dt
import math

import pandas as pd
import pytest

from lib import dashboard as db, transforms as tf
from lib.assumptions import RunwayAssumptions
from lib.peers import load_peers
from tests.conftest import ROOT, make_claims, make_peers

SOURCES = [{"id": "old", "published": "2023-06-01"}, {"id": "new", "published": "2024-06-01"},
           {"id": "undated", "published": None, "written": "2024"}]
BASE = [
    {"id": "loss-2024", "value": 5e9, "period": "2024", "source": "new", "qualifier": "exact"},
    {"id": "revenue-2024", "metric": "revenue", "value": 3e9, "period": "2024", "source": "new", "qualifier": "exact"},
    {"id": "compute-2024", "metric": "compute_cost", "value": 4e9, "period": "2024", "source": "new", "qualifier": "nearly"},
    {"id": "servers-2024", "metric": "operating_cost", "value": 1e6, "per": "day", "period": "2024", "source": "undated", "qualifier": "exact"},
    {"id": "train-lo", "metric": "training_cost", "value": 2e9, "period": "2024", "source": "new", "qualifier": "up_to"},
    {"id": "train-hi", "metric": "training_cost", "value": 6e9, "period": "2024", "source": "undated", "qualifier": "at_least"},
    {"id": "round", "metric": "funding_round", "value": 6e9, "per": ..., "period": "2024-10", "basis": "reported", "source": "new", "qualifier": "exact"},
    {"id": "valuation-old", "metric": "valuation", "value": 80e9, "per": ..., "period": "2023", "source": "old"},
    {"id": "loss-2023", "value": 1e9, "period": "2023", "source": "old", "qualifier": "exact"},
    {"id": "chatgpt-cost-2024", "metric": "operating_cost", "scope": "ChatGPT", "value": 9e9, "period": "2024", "source": "new"},
]


@pytest.fixture
def prepared():
    return tf.prepare(make_claims(BASE, SOURCES))


def test_headline_figures(prepared):
    got = db.headline_figures(prepared, "OpenAI")[["key", "label", "value_usd", "display", "claim_id", "warning"]]
    expected = pd.DataFrame({
        "key": ["valuation", "net_loss", "revenue", "burn_year", "burn_month", "burn_day", "runway"],
        "label": ["Valuation (2023)", "Net loss (2024)", "Revenue (2024)", "Burn per year (2024)", "Burn per month (2024)",
                  "Burn per day (2024)", "Runway (from Oct 2024)"],
        # the page's sliders: $6.0B cash, $250M revenue and $667M costs a month (to the slider's $1M), a net $417M:
        # 14 months leave $6,000M - 14 x $417M = $162M, 162/417 of a month
        "value_usd": [80e9, 5e9, 3e9, 5e9, 5e9 / 12, 5e9 / 365, 14 + 162 / 417],
        "display": ["≈ $80.0B", "$5.0B", "$3.0B", "$5.0B", "$416.7M", "$13.7M", "14.4 months"],
        "claim_id": ["valuation-old", "loss-2024", "revenue-2024", "loss-2024", "loss-2024", "loss-2024",
                     "round, revenue-2024, loss-2024"],
        "warning": [""] * 7,
    })
    pd.testing.assert_frame_equal(got, expected)


def test_cards_keep_their_qualifier_and_the_burn_its_year():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "loss-2025", "value": 8e9, "period": "2025", "source": "new", "qualifier": "more_than", "basis": "reported"},
    ], SOURCES))
    cards = db.headline_figures(prepared, "OpenAI", "2026-02-01").set_index("key")
    assert cards.loc["net_loss", ["label", "display"]].tolist() == ["Net loss (2025)", "> $8.0B"]
    # burn comes from the latest year with a loss, so a year's cards never mix 2024 and 2025
    assert cards.loc[["burn_year", "burn_month", "burn_day"], "display"].tolist() == ["> $8.0B", "> $666.7M", "> $21.9M"]
    assert set(cards.loc[["burn_year", "burn_month", "burn_day"], "claim_id"]) == {"loss-2025"}
    # the runway card is the Runway page's projection, from 2024's revenue and loss (the latest year with both), not
    # the 2025 loss over the 2024 round: 14.39 months from 1 Oct 2024 is 437 days, 12 Dec 2025
    assert cards.loc["runway", ["display", "claim_id"]].tolist() == ["14.4 months", "round, revenue-2024, loss-2024"]
    assert cards.loc["runway", "warning"] == (
        "By these figures the cash ran out in Dec 2025, before the as-of date (01 Feb 2026); funding not in the claims is implied.")


def test_a_runway_that_outlasts_the_as_of_date_has_no_warning():
    prepared = tf.prepare(make_claims(BASE, SOURCES))
    cards = db.headline_figures(prepared, "OpenAI", "2025-11-30").set_index("key")  # Oct 2024 + 14.39 months = 12 Dec 2025
    assert cards.loc["runway", "warning"] == ""


def test_cash_burn_beats_loss_within_the_latest_year():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "burn-2024", "metric": "cash_burn", "value": 7e9, "period": "2024", "source": "old", "basis": "projected"},
    ], SOURCES))
    cards = db.headline_figures(prepared, "OpenAI").set_index("key")
    assert cards.loc["burn_year", ["claim_id", "explanation"]].tolist() == ["burn-2024", ""]


def test_a_projection_for_a_later_period_is_never_a_card():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "loss-2029", "value": 30e9, "period": "2029", "source": "new", "basis": "projected"},
    ], SOURCES))
    assert db.headline_figures(prepared, "OpenAI", "2026-02-01").set_index("key").loc["net_loss", "claim_id"] == "loss-2024"
    assert db.headline_figures(prepared, "OpenAI", "2029-01-01").set_index("key").loc["net_loss", "claim_id"] == "loss-2029"


def test_a_narrower_scope_never_stands_in_for_the_company():
    prepared = tf.prepare(make_claims([
        {"id": "chatgpt-loss", "value": 1e9, "period": "2024", "scope": "ChatGPT"},
    ]))
    assert db.headline_figures(prepared, "OpenAI").empty
    assert db.runway_inputs(prepared, "OpenAI") is None
    assert db.waterfall_years(prepared, "OpenAI") == []


def test_headline_figures_of_an_unknown_company_are_empty(prepared):
    assert db.headline_figures(prepared, "Nobody").empty



def test_changes_since_compares_like_with_like():
    claims = make_claims(BASE + [
        {"id": "loss-2025", "value": 8e9, "period": "2025", "source": "late", "qualifier": "more_than", "basis": "reported"},
        {"id": "revenue-2024-late", "metric": "revenue", "value": 3.7e9, "period": "2024", "source": "late",
         "qualifier": "exact", "basis": "reported"},
    ], SOURCES + [{"id": "late", "published": "2026-02-01"}])
    got = db.changes_since(claims, "OpenAI", "2024-12-31", "2026-02-01").set_index("key")
    assert got.loc["revenue", ["then", "now", "change", "status"]].tolist() == ["$3.0B", "$3.7B", pytest.approx(0.7e9), "changed"]
    assert got.loc["valuation", ["then", "now", "status"]].tolist() == ["≈ $80.0B", "≈ $80.0B", "unchanged"]
    # the loss moved on to 2025: a new figure, not a change from 2024's
    loss = got.loc["net_loss"]
    assert pd.isna(loss["then"]) and pd.isna(loss["change"])
    assert loss["status"] == "new figure (before: Net loss (2024) $5.0B)"


LATE = SOURCES + [{"id": "late", "published": "2026-02-01"}]
LOSS_2025 = {"id": "loss-2025", "value": 8e9, "period": "2025", "source": "late", "qualifier": "more_than", "basis": "reported"}


@pytest.mark.parametrize("added, later, expected", [
    # the burn moves from 2024's cash burn to 2025's loss: a new figure; the runway keeps 2024's revenue and loss
    # (the latest year with both): $6.0B at $3.0B - ($3.0B + $5.0B) a year = -$416.7M a month lasts 14.4 months
    ([{"id": "burn-2024", "metric": "cash_burn", "value": 4e9, "period": "2024", "source": "old", "basis": "projected",
       "qualifier": "exact"}, LOSS_2025],
     "2026-02-01", {
         "burn_year": ["Burn per year (2025)", None, "> $8.0B", "new figure (before: Burn per year (2024) $4.0B)"],
         "runway": ["Runway (from Oct 2024)", "14.4 months", "14.4 months", "unchanged"]}),
    # the same year, another metric: a cash-burn figure published later takes the loss's place
    ([{"id": "burn-2024", "metric": "cash_burn", "value": 4e9, "period": "2024", "source": "late", "basis": "projected",
       "qualifier": "exact"}],
     "2026-02-01", {
         "burn_year": ["Burn per year (2024)", "$5.0B", "$4.0B", "not comparable: net loss 2024 became cash burn 2024"]}),
    # the runway's revenue and loss move on to 2025 while its round stays: not the same figure
    ([LOSS_2025, {"id": "revenue-2025", "metric": "revenue", "value": 5e9, "period": "2025", "source": "late",
                  "qualifier": "exact", "basis": "reported"}],
     "2026-02-01", {
         "runway": ["Runway (from Oct 2024)", "14.4 months", "9.0 months",
                    "not comparable: revenue 2024, net loss 2024 became revenue 2025, net loss 2025"]}),
    # near miss: a second article repeats the same kinds of figure; both are compared. The later loss leads
    # (the latest article): $6.0B at $3.0B - $7.0B a year = -$333.3M a month lasts 18.0 months
    ([{"id": "loss-2024-late", "value": 4e9, "period": "2024", "source": "late", "qualifier": "exact", "basis": "reported"}],
     "2026-02-01", {
         "burn_year": ["Burn per year (2024)", "$5.0B", "$4.0B", "changed"],
         "runway": ["Runway (from Oct 2024)", "14.4 months", "18.0 months", "changed"]}),
])
def test_changes_since_shows_a_figure_whose_inputs_changed_kind_as_not_comparable(added, later, expected):
    got = db.changes_since(make_claims(BASE + added, LATE), "OpenAI", "2024-12-31", later).set_index("key")
    for key, (label, then, now, status) in expected.items():
        row = got.loc[key]
        assert [row["label"], None if pd.isna(row["then"]) else row["then"], row["now"], row["status"]] == [label, then, now, status]
        assert pd.isna(row["change"]) == (status not in ("changed", "unchanged")), key


@pytest.mark.parametrize("before, after, reason", [
    (("funding round 2024-10", "cash burn 2024"), ("funding round 2024-10", "net loss 2025"), "cash burn 2024 became net loss 2025"),
    (("funding round 2024-10", "net loss 2024"), ("funding round 2024-10", "net loss 2024"), ""),
    (("net loss 2024",), ("revenue 2024", "net loss 2024"), "it now also uses revenue 2024"),
    (("revenue 2024", "net loss 2024"), ("net loss 2024",), "it no longer uses revenue 2024"),
    (("investment (tranche) 2023", "net loss 2023"), ("funding round 2024-10", "net loss 2024"),
     "investment (tranche) 2023, net loss 2023 became funding round 2024-10, net loss 2024"),
])
def test_kind_change(before, after, reason):
    assert db.kind_change(before, after) == reason


def test_then_and_now_says_when_its_inputs_are_not_like_with_like():
    reason = "revenue 2023, net loss 2023 became revenue 2024, net loss 2024"
    claims = make_claims([{"id": "loss", "value": 1e9, "period": "2023", "source": "old"},
                          {"id": "revenue", "metric": "revenue", "value": 1e8, "period": "2023", "source": "old"},
                          {"id": "cash", "metric": "investment", "value": 10e9, "per": ..., "period": "2023", "source": "old"},
                          {"id": "later-loss", "value": 5e9, "period": "2024", "source": "new"},
                          {"id": "later-revenue", "metric": "revenue", "value": 2e8, "period": "2024", "source": "new"}], SOURCES)
    got = db.then_vs_now(claims, "OpenAI", "2023-12-31")
    assert got["not_comparable"] == reason
    chart = db.then_and_now_chart(claims, "OpenAI", "2023-12-31", got)
    assert chart.subtitle.startswith(f"Not comparable: {reason} · US dollars · no growth assumed · then: ")
    assert chart.description.startswith(f"Not comparable: {reason}. Then: ")
    same = make_claims([{"id": "loss", "value": 1e9, "period": "2023", "source": "old"},
                        {"id": "revenue", "metric": "revenue", "value": 1e8, "period": "2023", "source": "old"},
                        {"id": "cash", "metric": "investment", "value": 10e9, "per": ..., "period": "2023", "source": "old"},
                        {"id": "loss-again", "value": 2e9, "period": "2023", "source": "new", "basis": "reported"}], SOURCES)
    assert db.then_vs_now(same, "OpenAI", "2023-12-31")["not_comparable"] == ""


def test_changes_since_lists_a_figure_unknown_before_as_new():
    claims = make_claims(BASE, SOURCES)
    got = db.changes_since(claims, "OpenAI", "2023-07-01", "2024-12-31").set_index("key")
    assert got.loc["revenue", "status"] == "new figure"
    assert got.loc["valuation", "status"] == "unchanged"


@pytest.mark.parametrize(
    "choices, servers_label, servers, training, other",
    [
        # headline training: same basis, the undated article counts from 31 Dec 2024, after the dated one
        ({}, "Servers & inference", -4e9, -6e9, -5e9 - (3e9 - 4e9 - 6e9)),
        ({"Training": "Low"}, "Servers & inference", -4e9, -2e9, -5e9 - (3e9 - 4e9 - 2e9)),
        ({"Servers & inference": "Low", "Training": "Low"}, "Servers & inference", -365e6, -2e9, -5e9 - (3e9 - 365e6 - 2e9)),
        ({"Training": "Publisher A (written 2024)"}, "Servers & inference", -4e9, -6e9, -5e9 - (3e9 - 4e9 - 6e9)),
    ],
)
def test_waterfall_lines_reconcile_to_the_loss(prepared, choices, servers_label, servers, training, other):
    got = db.waterfall_lines(prepared, "OpenAI", "2024", choices)
    expected = pd.DataFrame({
        "label": ["Revenue", servers_label, "Training", "Other / unexplained", "Net loss (estimated)"],
        "kind": ["revenue", "cost", "cost", "other", "total"],
        "amount_usd": [3e9, servers, training, other, -5e9],
    })
    pd.testing.assert_frame_equal(got[["label", "kind", "amount_usd"]], expected)
    assert got["amount_usd"].iloc[:-1].sum() == pytest.approx(-5e9)


def test_a_bundled_figure_replaces_the_lines_it_covers():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "bundle", "metric": "training_cost", "includes": ["training_cost", "compute_cost"], "value": 7e9,
         "period": "2024", "source": "old", "qualifier": "at_least"},
    ], SOURCES))
    got = db.waterfall_lines(prepared, "OpenAI", "2024", {"Training": "High"})
    assert got["label"].tolist() == ["Revenue", "Training + Servers & inference", "Other / unexplained", "Net loss (estimated)"]
    assert got["amount_usd"].tolist() == [3e9, -7e9, -5e9 - (3e9 - 7e9), -5e9]
    assert got["covers"].fillna("").tolist() == ["", "Servers & inference", "", ""]


@pytest.mark.parametrize(
    "choices, ok, gap",
    [
        # low training: costs at least 3.6 + 0 = 3.6B against revenue + loss of 8B: fits
        ({"Training": "Low"}, True, 3.6e9 - 8e9),
        # training "at least 6B" + servers "nearly 4B" (3.6B at the least) = 9.6B > 8B even at the limits
        ({"Training": "High"}, False, 9.6e9 - 8e9),
        ({}, False, 9.6e9 - 8e9),
    ],
)
def test_reconcile(prepared, choices, ok, gap):
    check = db.reconcile(db.waterfall_lines(prepared, "OpenAI", "2024", choices))
    assert check["ok"] is ok
    assert check["gap_usd"] == pytest.approx(gap)
    if not ok:
        assert check["message"] == (
            "The costs listed come to at least $9.6B (compute-2024, train-hi), more than revenue plus loss can reach "
            "($8.0B: revenue-2024, loss-2024), by $1.6B even at the limits of their qualifiers: these figures cannot "
            "all hold for the same year and scope.")


def test_reconcile_reads_the_qualifiers_before_warning():
    # near miss: exact figures would overshoot by 0.3B, but "approximately 5B" of loss can reach 5.5B
    prepared = tf.prepare(make_claims([
        {"id": "rev", "metric": "revenue", "value": 3e9, "qualifier": "exact"},
        {"id": "staff", "metric": "staff_cost", "value": 8.3e9, "qualifier": "exact"},
        {"id": "loss", "value": 5e9, "qualifier": "approximately"},
    ]))
    check = db.reconcile(db.waterfall_lines(prepared, "OpenAI", "2024"))
    assert check["ok"] and check["gap_usd"] == pytest.approx(8.3e9 - 8.5e9)


LOSS_2023, REVENUE_2023 = ({"id": "loss-2023", "value": 1e9, "period": "2023", "source": "old"},
                          {"id": "revenue-2023", "metric": "revenue", "value": 0.5e9, "period": "2023", "source": "old"})
STAFF_2023 = {"id": "staff-2023", "metric": "staff_cost", "value": 0.2e9, "period": "2023", "source": "old"}
# the same $1M a day, given first for 2023's ChatGPT and again by another article as 2024's company servers
CHATGPT_DAY_2023 = {"id": "chatgpt-day-2023", "metric": "operating_cost", "scope": "ChatGPT", "value": 1e6, "per": "day",
                    "period": "2023", "source": "old"}


@pytest.mark.parametrize("claims, as_of, years, gaps", [
    (BASE, None, ["2024"], {"2023": "no revenue figure and no cost line"}),
    (BASE, "2023-12-31", [], {"2023": "no revenue figure and no cost line"}),
    ([LOSS_2023, REVENUE_2023], None, [], {"2023": "no cost line"}),
    ([LOSS_2023, STAFF_2023], None, [], {"2023": "no revenue figure"}),
    ([REVENUE_2023, STAFF_2023], None, [], {"2023": "no net loss figure"}),
    ([STAFF_2023], None, [], {"2023": "no net loss figure and no revenue figure"}),
    # two years that explain something: the one with more cost lines first, although it is older; else the latest
    ([c for c in BASE if c["id"] != "loss-2023"] + [LOSS_2023, REVENUE_2023, STAFF_2023], None, ["2024", "2023"], {}),
    ([LOSS_2023, REVENUE_2023, STAFF_2023, {"id": "loss-2024", "value": 2e9, "period": "2024", "source": "new"},
      {"id": "revenue-2024", "metric": "revenue", "value": 1.2e9, "period": "2024", "source": "new"},
      {"id": "staff-2024", "metric": "staff_cost", "value": 0.4e9, "period": "2024", "source": "new"}], None, ["2024", "2023"], {}),
    # a year whose only cost line repeats an earlier figure has no cost line
    ([c for c in BASE if c["id"] in ("loss-2024", "revenue-2024", "servers-2024")] + [CHATGPT_DAY_2023], None, [],
     {"2024": "no cost line"}),
])
def test_waterfall_years_offer_only_a_year_that_explains_something(claims, as_of, years, gaps):
    prepared = tf.prepare(make_claims(claims, SOURCES))
    assert db.waterfall_years(prepared, "OpenAI", as_of) == years
    assert db.waterfall_gaps(prepared, "OpenAI", as_of) == gaps


@pytest.mark.parametrize("gaps, text", [
    ({}, ""),
    ({"2023": "no revenue figure"}, "2023: no revenue figure"),
    ({"2023": "no revenue figure", "2025": "no cost line"}, "2023: no revenue figure; 2025: no cost line"),
])
def test_waterfall_gaps_text(gaps, text):
    assert db.waterfall_gaps_text(gaps) == text


def test_a_recycled_figure_is_listed_but_never_fills_a_line():
    prepared = tf.prepare(make_claims(BASE + [CHATGPT_DAY_2023], SOURCES))
    candidates = db.waterfall_candidates(prepared, "OpenAI", "2024")
    servers = candidates[candidates["line"] == "Servers & inference"][["id", "value_usd", "left_out"]].reset_index(drop=True)
    expected = pd.DataFrame({"id": ["compute-2024", "servers-2024-annualised"], "value_usd": [4e9, 365e6],
                             "left_out": ["", "recycled from chatgpt-day-2023, left out"]})
    pd.testing.assert_frame_equal(servers, expected)
    assert set(candidates.loc[candidates["line"] != "Servers & inference", "left_out"]) == {""}
    # Low picked the $365M a year before; now the only servers figure left is the compute cost
    for choice in db.CHOICES:
        lines = db.waterfall_lines(prepared, "OpenAI", "2024", {"Servers & inference": choice})
        assert lines.loc[lines["label"] == "Servers & inference", ["amount_usd", "claim_ids"]].values.tolist() == [
            [-4e9, "compute-2024"]], choice


def test_the_candidates_table_puts_why_first_and_names_a_bundle():
    prepared = tf.prepare(make_claims(BASE + [CHATGPT_DAY_2023, BUNDLE], SOURCES))
    table = db.candidates_table(db.waterfall_candidates(prepared, "OpenAI", "2024"))
    assert list(table.columns[:4]) == ["line", "id", "left_out", "metric"]
    training = table[table["line"] == "Training"][["id", "includes"]].values.tolist()
    assert training == [["train-hi", ""], ["train-lo", ""], ["bundle", "bundle of training cost + compute cost"]]


def test_recycled_figures_stay_out_of_the_runway_inputs():
    # the later round repeats the earlier article's $6B round: the runway starts from the earlier one instead
    claims = BASE + [{"id": "round-2023", "metric": "funding_round", "value": 6e9, "per": ..., "period": "2023-01",
                      "basis": "reported", "source": "old"}]
    inputs = db.runway_inputs(tf.prepare(make_claims(claims, SOURCES)), "OpenAI")
    assert (inputs.cash_usd, inputs.start, inputs.claim_ids[0]) == (6e9, dt.date(2023, 1, 1), "round-2023")


def test_waterfall_without_a_loss_is_refused(prepared):
    with pytest.raises(ValueError, match="no net loss for OpenAI in 2022"):
        db.waterfall_lines(prepared, "OpenAI", "2022")


def test_runway_inputs(prepared):
    inputs = db.runway_inputs(prepared, "OpenAI")
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
    inputs = db.runway_inputs(prepared, "OpenAI")
    assert (inputs.cost_low_ratio, inputs.cost_high_ratio) == pytest.approx(((3e9 + 4.5e9) / 8e9, (3e9 + 5.5e9) / 8e9))
    assert (inputs.low_claims, inputs.high_claims) == (("revenue-2024", "loss-2024-about"), ("revenue-2024", "loss-2024-about"))


def test_a_repeated_figure_does_not_widen_the_runway_band():
    # the heading's "about $5B" repeats the body's exact $5B (same_as): the band stays the body's, no band at all
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "loss-2024-heading", "value": 5e9, "period": "2024", "source": "new", "qualifier": "approximately",
         "same_as": "loss-2024"},
    ], SOURCES))
    inputs = db.runway_inputs(prepared, "OpenAI")
    assert (inputs.cost_low_ratio, inputs.cost_high_ratio) == (1.0, 1.0)
    assert "loss-2024-heading" not in inputs.claim_ids


def test_runway_inputs_take_revenue_and_loss_from_one_year():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "loss-2025", "value": 8e9, "period": "2025", "source": "new", "qualifier": "more_than"},
    ], SOURCES))
    inputs = db.runway_inputs(prepared, "OpenAI")
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
    inputs = db.runway_inputs(prepared, "OpenAI")
    if isinstance(expected, str):
        assert inputs is None
        assert db.runway_problem(prepared, "OpenAI") == (
            "The claims in force give no cash, revenue and loss for OpenAI from the same or adjacent years, so the runway "
            f"cannot be projected: {expected}.")
        return
    assert (inputs.claim_ids[0], inputs.cash_usd, inputs.monthly_revenue_usd, inputs.monthly_cost_usd, inputs.start, inputs.year,
            inputs.revenue_year) == expected
    assert db.runway_problem(prepared, "OpenAI") == ""


def test_carried_forward_revenue_says_so():
    prepared = tf.prepare(make_claims([_loss("2025", 8e9), _revenue("2024", 3e9), _cash("round", "funding_round", "2025-03", 6e9)],
                                      SOURCES))
    assert db.runway_inputs(prepared, "OpenAI").explanation == (
        "start Mar 2025 with cash $6.0B (funding round, 2025-03); revenue $3.0B a year (2024); cost = revenue + net loss "
        "$8.0B (2025, estimated); revenue: 2024 figure carried forward to 2025")


def test_runway_inputs_need_a_loss():
    assert db.runway_inputs(tf.prepare(make_claims([{"metric": "revenue"}])), "OpenAI") is None


def test_scenario_band_brackets_the_base(prepared):
    inputs = db.runway_inputs(prepared, "OpenAI")
    wide = db.RunwayInputs(**{**inputs.__dict__, "cost_low_ratio": 0.5, "cost_high_ratio": 1.5,
                              "low_claims": ("a",), "high_claims": ("b",)})
    result = db.scenario(wide, RunwayAssumptions(6e9, 250e6, 700e6, 0.0, 0.0, 60))
    assert result.low.runway_months < result.base.runway_months  # low = the cash outcome with the highest costs
    assert result.high.runway_months is None  # lowest costs: the cash outlasts the horizon
    assert "start Oct 2024 with $6.0B cash" in result.assumptions
    assert "band: costs x0.50 to x1.50 (the year's alternatives and qualifiers)" in result.assumptions
    chart = db.runway_chart(prepared, "OpenAI", wide, result)
    assert chart.data[["cash_end_low_claims", "cash_end_high_claims"]].iloc[0].tolist() == ["b", "a"]


@pytest.mark.parametrize(
    "zero_cash, as_of, expected",
    [
        (dt.date(2025, 7, 15), "2026-02-01", "By these figures the cash ran out in Jul 2025, before the as-of date "
                                              "(01 Feb 2026); funding not in the claims is implied."),
        (dt.date(2026, 2, 1), "2026-02-01", ""),
        (None, "2026-02-01", ""),
        (dt.date(2025, 7, 15), None, ""),
    ],
)
def test_ran_out_warning(zero_cash, as_of, expected):
    assert db.ran_out_warning(zero_cash, as_of) == expected


def test_then_vs_now():
    claims = make_claims([{"id": "loss", "value": 1e9, "period": "2023", "source": "old"},
                          {"id": "revenue", "metric": "revenue", "value": 0.0, "period": "2023", "source": "old"},
                          {"id": "cash", "metric": "investment", "value": 10e9, "per": ..., "period": "2023", "source": "old"},
                          {"id": "later-loss", "value": 5e9, "period": "2024", "source": "new"},
                          {"id": "later-revenue", "metric": "revenue", "value": 0.0, "period": "2024", "source": "new"},
                          {"id": "doom", "metric": "bankruptcy_prediction", "value": None, "unit": ..., "per": ...,
                           "qualifier": ..., "period": "2024", "basis": "forecast", "source": "old"}], SOURCES)
    got = db.then_vs_now(claims, "OpenAI", "2023-12-31")
    then_inputs, then_projection = got["then"]
    assert then_inputs.cash_usd == 10e9 and then_projection.runway_months is None
    # the Runway page's defaults: costs of $5B / 12 = $416.7M a month on the slider's $1M grid, $417M
    assert got["now"][1].runway_months == pytest.approx(10_000 / 417)
    assert list(got["predictions"]["id"]) == ["doom"]
    assert list(got["later"]["id"]) == ["later-loss", "later-revenue"]


@pytest.mark.parametrize(
    "filters, ids",
    [
        ({}, [c["id"] for c in BASE]),
        ({"metrics": ["training_cost"]}, ["train-lo", "train-hi"]),
        ({"sources": ["old"], "bases": ["estimated"]}, ["valuation-old", "loss-2023"]),
        ({"bases": ["reported"]}, ["round"]),
        ({"languages": ["fr"]}, []),
    ],
)
def test_filter_claims(prepared, filters, ids):
    assert list(db.filter_claims(prepared, **filters)["id"]) == ids


def test_build_charts_on_the_real_data(real_claims):
    built = db.build_charts(real_claims, "OpenAI")
    # no then-and-now: the first article (2023) gives a loss and a tranche but no revenue, so it cannot be projected
    assert [c.name for c in built] == ["openai-timeline", "openai-waterfall-2024", "openai-runway", "openai-runway-sensitivity",
                                       "openai-runway-uncertainty", "openai-by-year", "openai-burn-rate", "openai-disagreements"]
    for chart in built:
        assert chart.source_line.startswith("Sources: ") and chart.alt_text.startswith(f"Chart: {chart.title}.")
        assert not chart.data.empty and not chart.claims.empty


def test_alt_text_gives_the_key_numbers(real_claims):
    timeline, waterfall, runway, *_ = db.build_charts(real_claims, "OpenAI", as_of="2026-02-01")
    assert "Net loss > $8.0B (2025, reported)" in timeline.alt_text
    assert ("Revenue $3.7B; Servers & inference ≲ $4.0B; Training ≤ $3.0B; Staff ≲ $1.5B; Other / unexplained -$200.0M; "
            "Net loss (projected) ≈ $5.0B.") in waterfall.alt_text
    assert "Starting with $6.6B in Oct 2024, the cash runs out in Jan 2026, after 15.8 months" in runway.alt_text
    assert all(chart.alt_text.endswith(chart.source_line) for chart in (timeline, waterfall, runway))


def test_build_charts_rejects_an_unknown_company(real_claims):
    with pytest.raises(ValueError, match="unknown company 'Nope'"):
        db.build_charts(real_claims, "Nope")


@pytest.mark.parametrize("company, names, epoch_points", [
    ("OpenAI", ["openai-timeline", "openai-waterfall-2024", "openai-runway", "openai-runway-sensitivity",
                "openai-runway-uncertainty", "openai-by-year", "openai-burn-rate", "openai-disagreements",
                "epoch-compute-vs-revenue"], 0),
    # no article figures: the timeline shows Epoch's points, as the page does by default; no waterfall, no runway
    ("Anthropic", ["anthropic-timeline-epoch", "epoch-compute-vs-revenue"], 33 - 3),  # less 1 product revenue, 2 excluded
])
def test_build_charts_with_epochs_data(real_claims, company, names, epoch_points):
    peers = load_peers(ROOT / "data" / "peers" / "epoch-ai.csv")
    built = db.build_charts(real_claims, company, peers=peers)
    assert [c.name for c in built] == names
    assert (built[0].data["source_publisher"] == "Epoch AI").sum() == epoch_points
    assert built[-1].uses_peers and built[-1].source_line == "Sources: Epoch AI (CC BY 4.0)."


def test_figures_table_lists_each_metric_scope_and_period_once(prepared):
    table = db.figures_table(prepared, "OpenAI")
    training = table[table["metric"] == "Training cost"]
    # same basis: the dated article (June 2024) is older than the undated one (written 2024, so by 31 Dec 2024)
    assert list(training["claim"]) == ["train-hi"] and list(training["value"]) == ["≥ $6.0B"]
    operating = table[table["metric"] == "Operating cost"][["scope", "claim"]].values.tolist()
    assert operating == [["ChatGPT", "chatgpt-cost-2024"], ["company", "servers-2024"]]
    assert list(table.columns) == ["metric", "scope", "includes", "period", "per", "value", "usd", "basis", "qualifier", "source",
                                   "claim"]
    assert table.loc[table["claim"] == "round", "source"].tolist() == ["News outlet: Publisher A (2024-06-01)"]


BUNDLE = {"id": "bundle", "metric": "training_cost", "includes": ["training_cost", "compute_cost"], "value": 7e9, "period": "2024",
          "source": "old", "qualifier": "at_least"}


def test_every_figure_says_what_a_bundle_includes():
    table = db.figures_table(tf.prepare(make_claims(BASE + [BUNDLE], SOURCES)), "OpenAI")
    training = table[table["metric"] == "Training cost"][["includes", "value", "claim"]].reset_index(drop=True)
    expected = pd.DataFrame({"includes": ["", "bundle of training cost + compute cost"], "value": ["≥ $6.0B", "≥ $7.0B"],
                             "claim": ["train-hi", "bundle"]})
    pd.testing.assert_frame_equal(training, expected)


def test_the_sources_table_says_what_a_bundle_includes():
    table = db.filter_claims(tf.prepare(make_claims(BASE + [BUNDLE], SOURCES)), metrics=["training_cost"])
    expected = pd.DataFrame({"id": ["train-lo", "train-hi", "bundle"], "metric": ["training_cost"] * 3,
                             "includes": ["", "", "bundle of training cost + compute cost"]})
    pd.testing.assert_frame_equal(table[["id", "metric", "includes"]], expected)


def test_the_real_overview_reads_as_the_issue_asks(real_claims):
    as_of = "2026-02-01"
    prepared = tf.prepare(tf.as_of(real_claims, as_of, include_undated=True))
    cards = db.headline_figures(prepared, "OpenAI", as_of).set_index("key")
    assert cards.loc["net_loss", ["label", "display"]].tolist() == ["Net loss (2025)", "> $8.0B"]
    assert cards.loc["burn_month", ["label", "display"]].tolist() == ["Burn per month (2025)", "> $666.7M"]
    # one run-out date: the overview's card is the Runway page's default projection, Jan 2026, not Jul 2025
    assert cards.loc["runway", ["label", "display"]].tolist() == ["Runway (from Oct 2024)", "15.8 months"]
    assert cards.loc["runway", "warning"].startswith("By these figures the cash ran out in Jan 2026")
    inputs = db.runway_inputs(prepared, "OpenAI", as_of)
    page = db.scenario(inputs, RunwayAssumptions.defaults(inputs)).base
    # sliders $6.6B, $308M revenue and $725M costs a month: 6,600 / 417 = 15.83 months, 481 days from 1 Oct 2024
    assert (page.zero_cash_date, round(page.runway_months, 1)) == (dt.date(2026, 1, 25), 15.8)
    lines = db.waterfall_lines(prepared, "OpenAI", "2024", {"Training": "High"})
    assert lines["label"].iloc[-1] == "Net loss (projected)"
    assert lines["label"].iloc[1] == "Training + Servers & inference"
    assert db.reconcile(lines)["ok"]


def test_fan_intervals_are_each_claims_interval_over_the_headline():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "round-about", "metric": "funding_round", "value": 6.6e9, "per": ..., "period": "2024-10", "basis": "reported",
         "source": "old", "qualifier": "approximately"},
        {"id": "revenue-2024-more", "metric": "revenue", "value": 3.3e9, "period": "2024", "source": "old", "qualifier": "more_than"},
        {"id": "loss-2024-about", "value": 5e9, "period": "2024", "source": "old", "qualifier": "approximately"},
    ], SOURCES))
    intervals = db.fan_intervals(prepared, "OpenAI")
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


def test_inputs_the_sources_pin_down_do_not_vary(prepared):
    assert db.fan_intervals(prepared, "OpenAI") == db.FanIntervals({}, {})  # every figure of BASE's runway is exact


def test_funding_after_the_start_is_offered_as_raises(prepared):
    with_deals = tf.prepare(make_claims(BASE + [
        {"id": "mou", "metric": "investment_commitment", "counterparty": "Nvidia", "value": 100e9, "per": ..., "period": "2025-09",
         "basis": "commitment", "source": "new", "qualifier": "exact"},
        {"id": "tranche", "metric": "investment", "value": 10e9, "per": ..., "period": "2025-03", "basis": "reported",
         "source": "new", "qualifier": "at_least"},
    ], SOURCES))
    events = db.funding_events(with_deals, "OpenAI", db.runway_inputs(with_deals, "OpenAI"))
    assert [(e.claim_id, e.date, e.amount_usd, e.label, e.unpaid) for e in events] == [
        ("tranche", dt.date(2025, 3, 1), 10e9, "Investment (tranche), 2025-03: ≥ $10.0B (reported)", False),
        ("mou", dt.date(2025, 9, 1), 100e9, "Investment commitment from Nvidia, 2025-09: $100.0B (commitment: not yet paid out)", True),
    ]
    assert db.funding_events(prepared, "OpenAI", db.runway_inputs(prepared, "OpenAI")) == []  # the round is the start itself


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
    inputs = db.runway_inputs(prepared, "OpenAI")
    return prepared, peers, inputs, db.funding_events(prepared, "OpenAI", inputs, peers)


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
    assert db.epoch_repeats(prepared, "OpenAI", inputs, peers) == [
        "'Oct round' ($6.0B, closed): the starting cash", "'Nvidia deal' ($100.0B, in discussion): claim mou"]
    assert db.funding_events(prepared, "OpenAI", inputs) == events[:1]  # without Epoch's rows, the claims' alone


def test_all_closed_rounds_leave_out_commitments_and_rounds_in_discussion(with_epoch):
    assert db.closed_rounds(with_epoch[3]) == ((dt.date(2024, 10, 2), 4e9), (dt.date(2025, 3, 31), 10e9))


def test_the_cards_say_what_the_cash_does_with_the_raises(with_epoch):
    prepared, peers, inputs, events = with_epoch
    closed = RunwayAssumptions.resolve(inputs, {"raises": db.closed_rounds(events)})
    # sliders $6.0B, $250M revenue, $667M costs: a net $417M a month; $4B in month 0 and $10B in month 5 (31 Mar 2025 is
    # day 181; month 5 starts on day 152): 20,000 - 417 x 47 = $401M left for month 47, 401/417 of it: 47.96 months
    assert db.raises_effect(inputs, closed, events) == (
        "With $14.0B raised ($4.0B 02 Oct 2024 (Epoch AI, debt funding 'Oct round'), $10.0B 31 Mar 2025 (Epoch AI, equity "
        "funding 'Spring')), the cash runs out in Sep 2028 (48.0 months); without the raises it runs out in Dec 2025 (14.4 months).")
    mou = RunwayAssumptions.resolve(inputs, {"raises": [events[0].pair]})
    assert db.raises_effect(inputs, mou, events) == (
        "With $100.0B raised ($100.0B 01 Sep 2025 (assumes the Nvidia commitment, not yet paid out, is paid)), the cash lasts "
        "beyond the 60-month horizon; without the raises it runs out in Dec 2025 (14.4 months).")
    assert db.raises_effect(inputs, RunwayAssumptions.defaults(inputs), events) == ""


def test_a_chart_using_a_raise_says_what_it_assumes_and_cites_epoch(with_epoch):
    prepared, peers, inputs, events = with_epoch
    a = RunwayAssumptions.resolve(inputs, {"raises": [events[0].pair, events[2].pair]})
    for chart in (db.runway_chart(prepared, "OpenAI", inputs, db.scenario(inputs, a, events), None, a, events),
                  db.sensitivity_chart(prepared, "OpenAI", inputs, a, events),
                  db.fan_chart(prepared, "OpenAI", inputs, a, db.fan_intervals(prepared, "OpenAI"), events),
                  db.scenarios_chart(prepared, "OpenAI", inputs, a, [], events)):
        assert ("$10.0B 31 Mar 2025 (Epoch AI, equity funding 'Spring'), $100.0B 01 Sep 2025 (assumes the Nvidia commitment, "
                "not yet paid out, is paid)") in chart.subtitle + " ".join(chart.data.get("assumptions", pd.Series(dtype=str))), chart.name
        assert list(chart.peers["id"]) == ["Spring"] and chart.source_line.endswith("Epoch AI (CC BY 4.0)."), chart.name
    plain = RunwayAssumptions.resolve(inputs, {"raises": [events[0].pair]})
    assert db.sensitivity_chart(prepared, "OpenAI", inputs, plain, events).peers is None  # no Epoch raise: no Epoch citation


@pytest.mark.parametrize("growth, text", [
    (0.4659, "+47% a year"),
    (-0.99, "any (alive even at -99% a year)"),
    (None, "more than +1000% a year"),
])
def test_alive_growth_text(growth, text):
    assert db.alive_growth_text(growth) == text


def test_alive_growth_counts_the_raises(prepared):
    start = db.runway_inputs(prepared, "OpenAI").start
    plain = RunwayAssumptions(6e9, 250e6, 700e6, 0.0, 0.0, 60)
    funded = dataclasses.replace(plain, raises=((dt.date(2025, 3, 1), 40e9),))
    growths = [db.alive_growth(a, start) for a in (plain, funded)]
    for a, growth in zip((plain, funded), growths):  # the least growth that is alive, to 0.001
        assert dataclasses.replace(a, revenue_growth_yoy=growth).project(start).default_alive
        assert not dataclasses.replace(a, revenue_growth_yoy=growth - 0.001).project(start).default_alive
    assert growths[1] < growths[0]  # $40B more buys time to grow into the costs


def test_describe_assumptions():
    a = RunwayAssumptions(6e9, 250e6, 700e6, 0.1, -0.05, 48, raises=((dt.date(2025, 3, 1), 40e9),))
    assert db.describe_assumptions(a) == ("cash $6.0B, revenue $250.0M/month +10%/yr, costs $700.0M/month -5%/yr, "
                                          "raises $40.0B 01 Mar 2025, 48 months")


def test_build_charts_draws_saved_scenarios_beside_the_settings(real_claims):
    built = db.build_charts(real_claims, "OpenAI", {"cost_growth_yoy": 0.2},
                            scenarios=[("flat costs", {"cost_growth_yoy": 0.0}), ("raise", {"raises": ((dt.date(2025, 3, 1), 40e9),)})])
    chart = next(c for c in built if c.name == "openai-runway-scenarios")
    assert list(dict.fromkeys(chart.data["scenario"])) == ["current", "flat costs", "raise"]
    assert list(dict.fromkeys(chart.data["assumptions"])) == [
        "cash $6.6B, revenue $308.0M/month +0%/yr, costs $725.0M/month +20%/yr, no raises, 60 months",
        "cash $6.6B, revenue $308.0M/month +0%/yr, costs $725.0M/month +0%/yr, no raises, 60 months",
        "cash $6.6B, revenue $308.0M/month +0%/yr, costs $725.0M/month +20%/yr, raises $40.0B 01 Mar 2025, 60 months",
    ]


def test_yearly_figures_keep_each_years_headline_and_its_bounds():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "loss-2025", "value": 8e9, "period": "2025", "source": "new", "qualifier": "more_than", "basis": "reported"},
        {"id": "burn-2024-about", "metric": "cash_burn", "value": 4e9, "period": "2024", "source": "new", "qualifier": "approximately"},
    ], SOURCES))
    expected = pd.DataFrame({
        "year": ["2023", "2024", "2024", "2024", "2025"],
        "metric": ["net_loss", "revenue", "net_loss", "cash_burn", "net_loss"],
        "value_usd": [1e9, 3e9, 5e9, 4e9, 8e9],
        "qualifier": ["exact", "exact", "exact", "approximately", "more_than"],
        "low_usd": [1e9, 3e9, 5e9, 3.6e9, 8e9],
        "high_usd": [1e9, 3e9, 5e9, 4.4e9, 12e9],  # "more than 8B" drawn to the 1.5x cap
        "open_above": [False, False, False, False, True],
        "claim_id": ["loss-2023", "revenue-2024", "loss-2024", "burn-2024-about", "loss-2025"],
        "basis": ["estimated", "estimated", "estimated", "estimated", "reported"],
    })
    got = db.yearly_figures(prepared, "OpenAI")
    pd.testing.assert_frame_equal(got, expected, check_exact=False, rtol=1e-12)
    assert list(db.yearly_figures(prepared, "OpenAI", "2024-12-31")["year"]) == ["2023", "2024", "2024", "2024"]


def test_burn_rates_divide_each_years_burn_and_name_a_products_scope():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "chatgpt-day", "metric": "operating_cost", "scope": "ChatGPT", "per": "day", "value": 700_000,
         "period": "2023", "source": "old", "qualifier": "exact"},
    ], SOURCES))
    expected = pd.DataFrame({
        "period": ["2023", "2023", "2024", "2024", "2023"],
        "scope": ["company", "company", "company", "company", "ChatGPT"],
        "what": ["Net loss / 365", "Net loss / 12", "Net loss / 365", "Net loss / 12", "Operating cost"],
        "per": ["day", "month", "day", "month", "day"],
        "value_usd": [1e9 / 365, 1e9 / 12, 5e9 / 365, 5e9 / 12, 700_000.0],
        "qualifier": ["exact"] * 5,
        "claim_id": ["loss-2023", "loss-2023", "loss-2024", "loss-2024", "chatgpt-day"],
        "basis": ["estimated"] * 5,
    })
    pd.testing.assert_frame_equal(db.burn_rates(prepared, "OpenAI"), expected)


def test_compared_figures_list_each_article_in_a_figure_two_give(prepared):
    expected = pd.DataFrame({
        "figure": ["Training cost 2024"] * 2, "status": ["disagree"] * 2, "low_usd": [0.0] * 2, "high_usd": [9e9] * 2,
        "low_claim": ["train-lo"] * 2, "high_claim": ["train-hi"] * 2, "capped": [True] * 2, "reason": [""] * 2,
        "claim_id": ["train-lo", "train-hi"], "period": ["2024"] * 2, "value_usd": [2e9, 6e9], "qualifier": ["up_to", "at_least"],
        "source": ["Publisher A (2024-06-01)", "Publisher A (written 2024)"],
    })
    pd.testing.assert_frame_equal(db.compared_figures(prepared, "OpenAI"), expected)


def test_overview_charts_draw_what_the_claims_allow(prepared):
    drawn = db.overview_charts(prepared, "OpenAI")
    assert [chart.name if chart else None for chart in drawn.values()] == ["openai-by-year", "openai-burn-rate", "openai-disagreements"]
    assert db.overview_charts(prepared, "Nobody") == {"by_year": None, "burn_rate": None, "disagreements": None}


def test_then_and_now_chart_needs_a_projection_on_both_sides():
    claims = make_claims([{"id": "loss", "value": 1e9, "period": "2023", "source": "old"},
                          {"id": "revenue", "metric": "revenue", "value": 0.0, "period": "2023", "source": "old"},
                          {"id": "cash", "metric": "investment", "value": 10e9, "per": ..., "period": "2023", "source": "old"},
                          {"id": "later-loss", "value": 5e9, "period": "2024", "source": "new"},
                          {"id": "later-revenue", "metric": "revenue", "value": 0.0, "period": "2024", "source": "new"}], SOURCES)
    chart = db.then_and_now_chart(claims, "OpenAI", "2023-12-31")
    assert [t.name for t in chart.figure.data][:1] == ["Then: claims published by 31 Dec 2023"]
    assert set(chart.claims["id"]) == {"loss", "revenue", "cash", "later-loss", "later-revenue"}
    assert db.then_and_now_chart(claims, "OpenAI", "2023-01-01") is None  # nothing published yet: no "then"


def test_headline_figures_whole_frame(prepared):
    how = "net loss used as the burn (no cash-burn figure for the year)"
    src = "News outlet: Publisher A (2024-06-01)"
    expected = pd.DataFrame({
        "key": ["valuation", "net_loss", "revenue", "burn_year", "burn_month", "burn_day", "runway"],
        "label": ["Valuation (2023)", "Net loss (2024)", "Revenue (2024)", "Burn per year (2024)", "Burn per month (2024)",
                  "Burn per day (2024)", "Runway (from Oct 2024)"],
        "period": ["2023", "2024", "2024", "2024", "2024", "2024", "2024-10"],
        "value_usd": [80e9, 5e9, 3e9, 5e9, 5e9 / 12, 5e9 / 365, 14 + 162 / 417],  # as in test_headline_figures
        "qualifier": ["approximately"] + ["exact"] * 6,
        "display": ["≈ $80.0B", "$5.0B", "$3.0B", "$5.0B", "$416.7M", "$13.7M", "14.4 months"],
        "claim_id": ["valuation-old", "loss-2024", "revenue-2024", "loss-2024", "loss-2024", "loss-2024",
                     "round, revenue-2024, loss-2024"],
        "basis": ["estimated"] * 6 + ["derived"],
        "scope": ["company"] * 7,
        "source": ["News outlet: Publisher A (2023-06-01)"] + [src] * 6,
        "quote": ["a loss of $5 billion"] * 7,
        "quote_en": ["a loss of $5 billion"] * 7,
        "explanation": ["", "", "", how, f"$5.0B a year / 12; {how}", f"$5.0B a year / 365; {how}",
                        "the cash runs out in Dec 2025: the Runway page's projection at its default sliders (no growth, no "
                        "raises); start Oct 2024 with cash $6.0B (funding round, 2024-10); revenue $3.0B a year (2024); "
                        "cost = revenue + net loss $5.0B (2024, estimated)"],
        "warning": [""] * 7,
    })
    pd.testing.assert_frame_equal(db.headline_figures(prepared, "OpenAI"), expected)


@pytest.mark.parametrize("loss, qualifier, display, ends", [
    (5e9, "up_to", "14.4 months", "the cash runs out in Dec 2025"),  # the page's base case: the loss as stated
    (0.0, "exact", "> 60 months", "the cash lasts beyond 60 months"),  # revenue covers the costs: it never runs out
])
def test_the_runway_card_is_the_runway_pages_projection(loss, qualifier, display, ends):
    rows = [dict(c) for c in BASE if c["id"] != "loss-2024"] + [
        {"id": "loss-2024", "value": loss, "period": "2024", "source": "new", "qualifier": qualifier}]
    cards = db.headline_figures(tf.prepare(make_claims(rows, SOURCES)), "OpenAI").set_index("key")
    assert cards.loc["runway", "display"] == display
    assert cards.loc["runway", "explanation"].startswith(f"{ends}: the Runway page's projection at its default sliders")


def test_changes_since_reads_each_side_at_its_own_date():
    claims = make_claims(BASE + [
        # known early, about a later year: never the "then" headline while that year had not started
        {"id": "loss-2025-forecast", "value": 9e9, "period": "2025", "source": "old", "basis": "projected"},
        {"id": "loss-2024-undated", "value": 7e9, "period": "2024", "source": "undated", "basis": "reported"},
    ], SOURCES)
    got = db.changes_since(claims, "OpenAI", "2023-07-01", "2024-12-31", include_undated=True).set_index("key")
    assert got.loc["net_loss", "status"] == "new figure (before: Net loss (2023) $1.0B)"
    assert got.loc["net_loss", "label"] == "Net loss (2024)"
    # the undated article (written 2024) counts by 31 Dec 2024, and a reported figure beats an estimated one
    assert db.headline_figures(tf.prepare(tf.as_of(claims, "2024-12-31", True)), "OpenAI", "2024-12-31").set_index(
        "key").loc["net_loss", "claim_id"] == "loss-2024-undated"
    without = db.changes_since(claims, "OpenAI", "2023-07-01", "2024-12-31", include_undated=False).set_index("key")
    assert without.loc["net_loss", "now"] == "$5.0B"


def test_reconcile_at_exactly_revenue_plus_loss_is_fine():
    prepared = tf.prepare(make_claims([
        {"id": "rev", "metric": "revenue", "value": 3e9, "qualifier": "exact"},
        {"id": "staff", "metric": "staff_cost", "value": 8e9, "qualifier": "exact"},
        {"id": "loss", "value": 5e9, "qualifier": "exact"},
    ]))
    check = db.reconcile(db.waterfall_lines(prepared, "OpenAI", "2024"))
    assert check == {"gap_usd": 0.0, "ok": True, "message": "", "cost_claims": "staff", "total_claims": "rev, loss"}
