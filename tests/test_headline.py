"""lib.headline: the overview's cards, what changed since, every figure of a company, the yearly figures and burn
rates, where the sources disagree, and the Sources table.

Each rule runs on a small dataset built to trigger it, beside a near miss that must not."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lib import headline, runway_inputs, transforms as tf, waterfall
from lib.assumptions import RunwayAssumptions
from lib.i18n import speaking
from tests.conftest import make_claims
from tests.small_claims import BASE, BUNDLE, SOURCES


@pytest.fixture
def prepared():
    return tf.prepare(make_claims(BASE, SOURCES))


def test_headline_figures(prepared):
    got = headline.headline_figures(prepared, "OpenAI")[["key", "label", "value_usd", "display", "claim_id", "warning"]]
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
    cards = headline.headline_figures(prepared, "OpenAI", "2026-02-01").set_index("key")
    assert cards.loc["net_loss", ["label", "display"]].tolist() == ["Net loss (2025)", "> $8.0B"]
    # burn comes from the latest year with a loss, so a year's cards never mix 2024 and 2025
    assert cards.loc[["burn_year", "burn_month", "burn_day"], "display"].tolist() == ["> $8.0B", "> $666.7M", "> $21.9M"]
    assert set(cards.loc[["burn_year", "burn_month", "burn_day"], "claim_id"]) == {"loss-2025"}
    # the runway card is the Runway page's projection, from 2024's revenue and loss (the latest year with both), not
    # the 2025 loss over the 2024 round: 14.39 months from 1 Oct 2024 is 437 days, 12 Dec 2025
    assert cards.loc["runway", ["display", "claim_id"]].tolist() == ["14.4 months", "round, revenue-2024, loss-2024"]
    assert cards.loc["runway", "warning"] == (
        "By these figures the cash ran out in Dec 2025, before the as-of date (1 Feb 2026); funding not in the claims is implied.")


def test_a_runway_that_outlasts_the_as_of_date_has_no_warning():
    prepared = tf.prepare(make_claims(BASE, SOURCES))
    cards = headline.headline_figures(prepared, "OpenAI", "2025-11-30").set_index("key")  # Oct 2024 + 14.39 months = 12 Dec 2025
    assert cards.loc["runway", "warning"] == ""


def test_cash_burn_beats_loss_within_the_latest_year():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "burn-2024", "metric": "cash_burn", "value": 7e9, "period": "2024", "source": "old", "basis": "projected"},
    ], SOURCES))
    cards = headline.headline_figures(prepared, "OpenAI").set_index("key")
    assert cards.loc["burn_year", ["claim_id", "explanation"]].tolist() == ["burn-2024", ""]


def test_a_projection_for_a_later_period_is_never_a_card():
    prepared = tf.prepare(make_claims(BASE + [
        {"id": "loss-2029", "value": 30e9, "period": "2029", "source": "new", "basis": "projected"},
    ], SOURCES))
    assert headline.headline_figures(prepared, "OpenAI", "2026-02-01").set_index("key").loc["net_loss", "claim_id"] == "loss-2024"
    assert headline.headline_figures(prepared, "OpenAI", "2029-01-01").set_index("key").loc["net_loss", "claim_id"] == "loss-2029"


def test_a_narrower_scope_never_stands_in_for_the_company():
    prepared = tf.prepare(make_claims([
        {"id": "chatgpt-loss", "value": 1e9, "period": "2024", "scope": "ChatGPT"},
    ]))
    assert headline.headline_figures(prepared, "OpenAI").empty
    assert runway_inputs.runway_inputs(prepared, "OpenAI") is None
    assert waterfall.waterfall_years(prepared, "OpenAI") == []


def test_headline_figures_of_an_unknown_company_are_empty(prepared):
    assert headline.headline_figures(prepared, "Nobody").empty


def test_changes_since_compares_like_with_like():
    claims = make_claims(BASE + [
        {"id": "loss-2025", "value": 8e9, "period": "2025", "source": "late", "qualifier": "more_than", "basis": "reported"},
        {"id": "revenue-2024-late", "metric": "revenue", "value": 3.7e9, "period": "2024", "source": "late",
         "qualifier": "exact", "basis": "reported"},
    ], SOURCES + [{"id": "late", "published": "2026-02-01"}])
    got = headline.changes_since(claims, "OpenAI", "2024-12-31", "2026-02-01").set_index("key")
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
    got = headline.changes_since(make_claims(BASE + added, LATE), "OpenAI", "2024-12-31", later).set_index("key")
    for key, (label, then, now, status) in expected.items():
        row = got.loc[key]
        assert [row["label"], None if pd.isna(row["then"]) else row["then"], row["now"], row["status"]] == [label, then, now, status]
        assert pd.isna(row["change"]) == (status not in ("changed", "unchanged")), key


def test_changes_since_lists_a_figure_unknown_before_as_new():
    claims = make_claims(BASE, SOURCES)
    got = headline.changes_since(claims, "OpenAI", "2023-07-01", "2024-12-31").set_index("key")
    assert got.loc["revenue", "status"] == "new figure"
    assert got.loc["valuation", "status"] == "unchanged"


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
    assert list(headline.filter_claims(prepared, **filters)["id"]) == ids


def test_figures_table_lists_each_metric_scope_and_period_once(prepared):
    table = headline.figures_table(prepared, "OpenAI")
    training = table[table["metric"] == "Training cost"]
    # same basis: the dated article (June 2024) is older than the undated one (written 2024, so by 31 Dec 2024)
    assert list(training["claim"]) == ["train-hi"] and list(training["value"]) == ["≥ $6.0B"]
    operating = table[table["metric"] == "Operating cost"][["scope", "claim"]].values.tolist()
    assert operating == [["ChatGPT", "chatgpt-cost-2024"], ["company", "servers-2024"]]
    assert list(table.columns) == ["metric", "scope", "includes", "period", "per", "value", "usd", "converted", "basis", "qualifier",
                                   "source", "claim"]
    assert table.loc[table["claim"] == "round", "source"].tolist() == ["News outlet: Publisher A (2024-06-01)"]


def test_every_figure_says_what_a_bundle_includes():
    table = headline.figures_table(tf.prepare(make_claims(BASE + [BUNDLE], SOURCES)), "OpenAI")
    training = table[table["metric"] == "Training cost"][["includes", "value", "claim"]].reset_index(drop=True)
    expected = pd.DataFrame({"includes": ["", "bundle of training cost + compute cost"], "value": ["≥ $6.0B", "≥ $7.0B"],
                             "claim": ["train-hi", "bundle"]})
    pd.testing.assert_frame_equal(training, expected)


def test_the_sources_table_says_what_a_bundle_includes():
    table = headline.filter_claims(tf.prepare(make_claims(BASE + [BUNDLE], SOURCES)), metrics=["training_cost"])
    expected = pd.DataFrame({"id": ["train-lo", "train-hi", "bundle"], "metric": ["training_cost"] * 3,
                             "includes": ["", "", "bundle of training cost + compute cost"]})
    pd.testing.assert_frame_equal(table[["id", "metric", "includes"]], expected)


def test_the_real_overview_reads_as_the_issue_asks(real_claims):
    as_of = "2026-02-01"
    prepared = tf.prepare(tf.as_of(real_claims, as_of, include_undated=True))
    cards = headline.headline_figures(prepared, "OpenAI", as_of).set_index("key")
    assert cards.loc["net_loss", ["label", "display"]].tolist() == ["Net loss (2025)", "> $8.0B"]
    assert cards.loc["burn_month", ["label", "display"]].tolist() == ["Burn per month (2025)", "> $666.7M"]
    # one run-out date: the overview's card is the Runway page's default projection, Jan 2026, not Jul 2025
    assert cards.loc["runway", ["label", "display"]].tolist() == ["Runway (from Oct 2024)", "15.8 months"]
    assert cards.loc["runway", "warning"].startswith("By these figures the cash ran out in Jan 2026")
    inputs = runway_inputs.runway_inputs(prepared, "OpenAI", as_of)
    page = runway_inputs.scenario(inputs, RunwayAssumptions.defaults(inputs)).base
    # sliders $6.6B, $308M revenue and $725M costs a month: 6,600 / 417 = 15.83 months, 481 days from 1 Oct 2024
    assert (page.zero_cash_date, round(page.runway_months, 1)) == (dt.date(2026, 1, 25), 15.8)
    lines = waterfall.waterfall_lines(prepared, "OpenAI", "2024", {"Training": "High"})
    assert lines["label"].iloc[-1] == "Net loss (projected)"
    assert lines["label"].iloc[1] == "Training + Servers & inference"
    assert waterfall.reconcile(lines)["ok"]


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
    got = headline.yearly_figures(prepared, "OpenAI")
    pd.testing.assert_frame_equal(got, expected, check_exact=False, rtol=1e-12)
    assert list(headline.yearly_figures(prepared, "OpenAI", "2024-12-31")["year"]) == ["2023", "2024", "2024", "2024"]


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
    pd.testing.assert_frame_equal(headline.burn_rates(prepared, "OpenAI"), expected)


def test_compared_figures_list_each_article_in_a_figure_two_give(prepared):
    expected = pd.DataFrame({
        "figure": ["Training cost 2024"] * 2, "status": ["disagree"] * 2, "low_usd": [0.0] * 2, "high_usd": [9e9] * 2,
        "low_claim": ["train-lo"] * 2, "high_claim": ["train-hi"] * 2, "capped": [True] * 2, "reason": [""] * 2,
        "claim_id": ["train-lo", "train-hi"], "period": ["2024"] * 2, "value_usd": [2e9, 6e9], "qualifier": ["up_to", "at_least"],
        "source": ["Publisher A (2024-06-01)", "Publisher A (written 2024)"],
    })
    pd.testing.assert_frame_equal(headline.compared_figures(prepared, "OpenAI"), expected)


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
        "language": ["en"] * 7,
        "explanation": ["", "", "", how, f"$5.0B a year / 12; {how}", f"$5.0B a year / 365; {how}",
                        "the cash runs out in Dec 2025: the Runway page's projection at its default sliders (no growth, no "
                        "raises); start Oct 2024 with cash $6.0B (funding round, 2024-10); revenue $3.0B a year (2024); "
                        "cost = revenue + net loss $5.0B (2024, estimated)"],
        "warning": [""] * 7,
    })
    pd.testing.assert_frame_equal(headline.headline_figures(prepared, "OpenAI"), expected)


@pytest.mark.parametrize("loss, qualifier, display, ends", [
    (5e9, "up_to", "14.4 months", "the cash runs out in Dec 2025"),  # the page's base case: the loss as stated
    (0.0, "exact", "> 60 months", "the cash lasts beyond 60 months"),  # revenue covers the costs: it never runs out
])
def test_the_runway_card_is_the_runway_pages_projection(loss, qualifier, display, ends):
    rows = [dict(c) for c in BASE if c["id"] != "loss-2024"] + [
        {"id": "loss-2024", "value": loss, "period": "2024", "source": "new", "qualifier": qualifier}]
    cards = headline.headline_figures(tf.prepare(make_claims(rows, SOURCES)), "OpenAI").set_index("key")
    assert cards.loc["runway", "display"] == display
    assert cards.loc["runway", "explanation"].startswith(f"{ends}: the Runway page's projection at its default sliders")


def test_changes_since_reads_each_side_at_its_own_date():
    claims = make_claims(BASE + [
        # known early, about a later year: never the "then" headline while that year had not started
        {"id": "loss-2025-forecast", "value": 9e9, "period": "2025", "source": "old", "basis": "projected"},
        {"id": "loss-2024-undated", "value": 7e9, "period": "2024", "source": "undated", "basis": "reported"},
    ], SOURCES)
    got = headline.changes_since(claims, "OpenAI", "2023-07-01", "2024-12-31", include_undated=True).set_index("key")
    assert got.loc["net_loss", "status"] == "new figure (before: Net loss (2023) $1.0B)"
    assert got.loc["net_loss", "label"] == "Net loss (2024)"
    # the undated article (written 2024) counts by 31 Dec 2024, and a reported figure beats an estimated one
    assert headline.headline_figures(tf.prepare(tf.as_of(claims, "2024-12-31", True)), "OpenAI", "2024-12-31").set_index(
        "key").loc["net_loss", "claim_id"] == "loss-2024-undated"
    without = headline.changes_since(claims, "OpenAI", "2023-07-01", "2024-12-31", include_undated=False).set_index("key")
    assert without.loc["net_loss", "now"] == "$5.0B"


def test_unconverted_figures_names_the_money_no_rate_converts():
    claims = make_claims([
        {"id": "loss-eur", "value": 2e9, "unit": "EUR", "period": "2024", "source": "new", "qualifier": "exact"},
        {"id": "loss-eur-again", "value": 2e9, "unit": "EUR", "period": "2024", "source": "new", "qualifier": "exact",
         "same_as": "loss-eur"},  # a repeat: named once
        {"id": "cost-eur", "metric": "compute_cost", "scope": "ChatGPT", "value": 1e6, "unit": "EUR", "per": "day",
         "period": "2024", "source": "undated", "qualifier": "approximately"},
        {"id": "loss-usd", "value": 5e9, "period": "2023", "source": "new"},
        {"id": "other-eur", "entity": "Other AI", "value": 1e9, "unit": "EUR", "period": "2024", "source": "new"},
    ], SOURCES)
    expected = pd.DataFrame({
        "claim_id": ["loss-eur", "cost-eur"],
        "figure": ["Net loss 2024", "Compute cost (ChatGPT) 2024"],
        "value": ["€2.0B a year", "≈ €1.0M a day"],
        "currency": ["EUR", "EUR"],
        "source": ["Publisher A (2024-06-01)", "Publisher A (written 2024)"],
    })
    pd.testing.assert_frame_equal(headline.unconverted_figures(tf.prepare(claims), "OpenAI"), expected)
    given = tf.prepare(tf.with_session_rates(claims, {"EUR": 0.8}))
    assert headline.unconverted_figures(given, "OpenAI").empty
    assert headline.figures_table(given, "OpenAI").set_index("claim").loc["loss-eur", "converted"] == \
        "EUR at 0.8 per USD (the rate given for this session)"


@pytest.mark.parametrize("lang, metrics, statuses", [
    ("en", ["Net loss", "Valuation", "Revenue"], ["sources disagree", "sources consistent", "both hold at different dates"]),
    ("ko", ["순손실", "기업가치", "매출"], ["출처 간 불일치", "출처 간 일치", "서로 다른 시점에 모두 성립"]),
])
def test_comparisons_read_in_the_readers_words(lang, metrics, statuses):
    compared = pd.DataFrame({"metric": ["net_loss", "valuation", "revenue"],
                             "status": ["disagree", "consistent", tf.DIFFERENT_DATES]})
    with speaking(lang):
        shown = headline.readable_comparisons(compared)
    assert (list(shown["metric"]), list(shown["status"])) == (metrics, statuses)
