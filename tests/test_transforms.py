"""lib.transforms: each transform against a hand-built expectation, each rule on a case that triggers it and
on a near miss that must not."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from lib import transforms as tf
from tests.conftest import make_claims

SOURCES = [
    {"id": "ko", "language": "ko", "published": "2023-08-13"},
    {"id": "en", "published": None, "written": "2024"},
    {"id": "fr", "language": "fr", "published": "2024-07-01"},
]


@pytest.fixture
def claims():
    return make_claims(
        [
            {"id": "cost-usd", "metric": "operating_cost", "value": 700_000, "per": "day", "period": "2023", "source": "ko",
             "quote": "700,000 dollars (930 million won)"},
            {"id": "cost-krw", "metric": "operating_cost", "value": 930_000_000, "unit": "KRW", "per": "day", "period": "2023",
             "source": "ko", "quote": "700,000 dollars (930 million won)"},
            {"id": "gift-krw", "entity": "Sam Altman", "metric": "donation", "value": 300_000_000, "unit": "KRW", "per": ..., "period": "2023", "source": "ko"},
            {"id": "loss-en", "value": 5_000_000_000, "period": "2024", "basis": "projected", "source": "en"},
            {"id": "loss-fr", "value": 5_000_000_000, "period": "2024", "basis": "estimated", "source": "fr"},
            {"id": "train-en", "metric": "training_cost", "value": 3_000_000_000, "period": "2024", "qualifier": "up_to", "source": "en"},
            {"id": "train-fr", "metric": "training_cost", "value": 7_000_000_000, "period": "2024", "qualifier": "at_least", "source": "fr"},
            {"id": "price-eur", "metric": "subscription_price", "value": 20, "unit": "EUR", "per": "month", "period": "2024-H2", "source": "fr"},
        ],
        SOURCES,
    )


@pytest.mark.parametrize(
    "period, start, end",
    [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-H1", "2024-01-01", "2024-06-30"),
        ("2024-H2", "2024-07-01", "2024-12-31"),
        ("2024-Q1", "2024-01-01", "2024-03-31"),
        ("2024-Q4", "2024-10-01", "2024-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2026-02-01", "2026-02-01", "2026-02-01"),
    ],
)
def test_period_bounds(period, start, end):
    assert tf.period_bounds(period) == (pd.Timestamp(start), pd.Timestamp(end))


def test_period_bounds_rejects_garbage():
    with pytest.raises(ValueError, match="not a period"):
        tf.period_bounds("last year")


def test_add_period_dates_puts_a_period_at_its_midpoint(claims):
    got = tf.add_period_dates(claims).set_index("id")
    assert got.loc["price-eur", ["period_start", "period_end", "period_mid"]].tolist() == [
        pd.Timestamp("2024-07-01"), pd.Timestamp("2024-12-31"), pd.Timestamp("2024-09-30 12:00")]


def test_source_dates_use_the_written_period_for_undated_articles(claims):
    got = tf.add_source_dates(claims).drop_duplicates("source")[["source", "source_date", "source_dated_by"]]
    expected = pd.DataFrame({
        "source": ["ko", "en", "fr"],
        "source_date": pd.to_datetime(["2023-08-13", "2024-12-31", "2024-07-01"]),
        "source_dated_by": ["published", "written", "published"],
    }, index=[0, 3, 4])
    pd.testing.assert_frame_equal(got, expected)


def test_implied_fx_rates(claims):
    expected = pd.DataFrame(
        {"source": ["ko"], "currency": ["KRW"], "rate": [930_000_000 / 700_000], "usd_claim": ["cost-usd"], "claim": ["cost-krw"]}
    )
    pd.testing.assert_frame_equal(tf.implied_fx_rates(claims), expected)


def test_twins_must_share_their_sentence():
    near_miss = make_claims([
        {"id": "usd", "metric": "revenue", "value": 1e9, "quote": "one billion dollars"},
        {"id": "krw", "metric": "revenue", "value": 1.4e12, "unit": "KRW", "quote": "1.4 trillion won, elsewhere"},
    ])
    assert tf.implied_fx_rates(near_miss).empty
    assert tf.to_usd(near_miss).set_index("id").loc["krw", "fx_basis"] == "no rate"


def test_to_usd(claims):
    rate = 930_000_000 / 700_000
    got = tf.to_usd(claims)[["id", "value_usd", "fx_rate", "fx_basis"]]
    expected = pd.DataFrame(
        {
            "id": ["cost-usd", "cost-krw", "gift-krw", "loss-en", "loss-fr", "train-en", "train-fr", "price-eur"],
            "value_usd": [700_000, 930_000_000 / rate, 300_000_000 / rate, 5e9, 5e9, 3e9, 7e9, float("nan")],
            "fx_rate": [1.0, rate, rate, 1.0, 1.0, 1.0, 1.0, float("nan")],
            "fx_basis": ["USD", "twin", "article rate", "USD", "USD", "USD", "USD", "no rate"],
        }
    )
    pd.testing.assert_frame_equal(got, expected)


def test_to_usd_does_not_mutate(claims):
    before = claims.copy()
    tf.to_usd(claims)
    pd.testing.assert_frame_equal(claims, before)


def test_drop_twins_keeps_one_row_per_figure(claims):
    assert list(tf.drop_twins(tf.to_usd(claims))["id"]) == [
        "cost-usd", "gift-krw", "loss-en", "loss-fr", "train-en", "train-fr", "price-eur"]


def test_a_record_of_a_figure_already_recorded_counts_once():
    frame = make_claims([
        {"id": "body", "value": 5e9, "qualifier": "exact", "source": "s1"},
        {"id": "heading", "value": 5e9, "qualifier": "exact", "source": "s1", "same_as": "body"},
        {"id": "other", "value": 5e9, "qualifier": "approximately", "source": "s2"},
    ], [{"id": "s1"}, {"id": "s2"}])
    prepared = tf.prepare(frame)
    assert tf.drop_twins(prepared)["id"].tolist() == ["body", "other"]
    got = tf.comparisons(prepared)[["n_claims", "n_sources", "claim_ids"]].values.tolist()
    assert got == [[2, 2, "body, other"]]
    assert tf.headlines(prepared)["id"].tolist() == ["body"]


def test_annualise_appends_marked_derived_rows(claims):
    got = tf.annualise(tf.to_usd(claims))
    derived = got[got["derived"]][["id", "value", "value_usd", "per", "derived_from"]].reset_index(drop=True)
    expected = pd.DataFrame(
        {
            "id": ["cost-usd-annualised", "cost-krw-annualised", "price-eur-annualised"],
            "value": [700_000 * 365.0, 930_000_000 * 365.0, 240.0],
            "value_usd": [700_000 * 365.0, 700_000 * 365.0, float("nan")],
            "per": ["year"] * 3,
            "derived_from": ["cost-usd", "cost-krw", "price-eur"],
        }
    )
    pd.testing.assert_frame_equal(derived, expected)
    assert (~got["derived"]).sum() == len(claims)
    assert got.index.tolist() == list(range(len(claims) + 3))
    originals = got[~got["derived"]]["derived_from"]
    assert originals.isna().all() and str(originals.dtype) == "str"


@pytest.mark.parametrize(
    "date, include_undated, ids",
    [
        (None, False, ["cost-usd", "cost-krw", "gift-krw", "loss-en", "loss-fr", "train-en", "train-fr", "price-eur"]),
        ("2023-08-12", False, []),
        ("2023-08-13", False, ["cost-usd", "cost-krw", "gift-krw"]),
        # the undated article was written in 2024: not yet there in 2023, nor on 30 Dec 2024 (it may be late in 2024)
        ("2023-08-13", True, ["cost-usd", "cost-krw", "gift-krw"]),
        ("2024-12-30", True, ["cost-usd", "cost-krw", "gift-krw", "loss-fr", "train-fr", "price-eur"]),
        ("2024-12-31", True, ["cost-usd", "cost-krw", "gift-krw", "loss-en", "loss-fr", "train-en", "train-fr", "price-eur"]),
        ("2024-12-31", False, ["cost-usd", "cost-krw", "gift-krw", "loss-fr", "train-fr", "price-eur"]),
        ("2024-07-01", False, ["cost-usd", "cost-krw", "gift-krw", "loss-fr", "train-fr", "price-eur"]),
    ],
)
def test_as_of(claims, date, include_undated, ids):
    assert list(tf.as_of(claims, date, include_undated)["id"]) == ids


@pytest.mark.parametrize(
    "qualifier, tolerance, low, high, finite_high",
    [
        ("exact", None, 100.0, 100.0, 100.0),
        ("exact", 0.05, 95.0, 105.0, 105.0),
        ("approximately", None, 90.0, 110.0, 110.0),
        ("approximately", 0.25, 75.0, 125.0, 125.0),
        ("nearly", None, 90.0, 100.0, 100.0),
        ("at_least", None, 100.0, math.inf, 150.0),
        ("more_than", None, 100.0, math.inf, 150.0),
        ("up_to", None, 0.0, 100.0, 100.0),
    ],
)
def test_add_intervals(qualifier, tolerance, low, high, finite_high):
    row = {"id": "x", "value": 100, "qualifier": qualifier} | ({"tolerance": tolerance} if tolerance else {})
    got = tf.add_intervals(tf.to_usd(make_claims([row]))).iloc[0]
    assert (got["low"], got["high"], got["finite_low"], got["finite_high"]) == pytest.approx((low, high, low, finite_high))


@pytest.mark.parametrize(
    "kind, a, b, same",
    [
        ("flow", "2024", "2024", True),
        ("flow", "2024", "2024-H2", False),  # a half-year's loss is not the year's
        ("stock", "2024-10", "2024", True),  # a valuation dated within the year matches one "in 2024"
        ("stock", "2024", "2024-10", True),
        ("stock", "2024-03", "2024-10", False),
        ("stock", "2024-10-02", "2024-10", True),
        ("stock", "2025-01", "2024", False),
        ("stock", "2024-01", "2024", True),  # shares the year's first day
        ("stock", "2024-12", "2024", True),  # shares the year's last day
        ("stock", "2024", "2024-12-31", True),
    ],
)
def test_same_period(kind, a, b, same):
    def bounds(period):
        return (period, *tf.period_bounds(period))

    assert tf.same_period(kind, bounds(a), bounds(b)) is same


COMPARE_COLUMNS = ["conflict_id", "status", "low", "high", "low_claim", "high_claim", "capped", "n_claims", "n_sources", "claim_ids"]


@pytest.mark.parametrize(
    "rows, expected",
    [
        pytest.param(  # up to 3 against at least 7: no common value
            [("a", "training_cost", "2024", 3e9, "up_to", "s1"), ("b", "training_cost", "2024", 7e9, "at_least", "s2")],
            [["OpenAI|training_cost|2024|year", "disagree", 0.0, 10.5e9, "a", "b", True, 2, 2, "a, b"]],
            id="disagree"),
        pytest.param(  # near miss: about 5 (4.5-5.5) and exactly 5.4 agree once the qualifier is read
            [("a", "net_loss", "2024", 5e9, "approximately", "s1"), ("b", "net_loss", "2024", 5.4e9, "exact", "s2")],
            [["OpenAI|net_loss|2024|year", "consistent", 4.5e9, 5.5e9, "a", "a", False, 2, 2, "a, b"]],
            id="agree-within-qualifier"),
        pytest.param(  # just outside: 5.6 is beyond "about 5"
            [("a", "net_loss", "2024", 5e9, "approximately", "s1"), ("b", "net_loss", "2024", 5.6e9, "exact", "s2")],
            [["OpenAI|net_loss|2024|year", "disagree", 4.5e9, 5.6e9, "a", "b", False, 2, 2, "a, b"]],
            id="just-outside"),
        pytest.param(  # one article contradicting itself is not two sources disagreeing
            [("a", "net_loss", "2024", 5e9, "exact", "s1"), ("b", "net_loss", "2024", 9e9, "exact", "s1")],
            [], id="same-source"),
        pytest.param(  # a half-year is not the year
            [("a", "net_loss", "2024", 5e9, "exact", "s1"), ("b", "net_loss", "2024-H2", 2e9, "exact", "s2")],
            [], id="other-period"),
        pytest.param(
            [("a", "valuation", "2024", 80e9, "exact", "s1"), ("b", "valuation", "2024-10", 157e9, "exact", "s2")],
            [["OpenAI|valuation|2024, 2024-10", "disagree", 80e9, 157e9, "a", "b", False, 2, 2, "a, b"]],
            id="stock-within-period"),
    ],
)
def test_comparisons(rows, expected):
    frame = make_claims(
        [{"id": i, "metric": m, "period": p, "value": v, "qualifier": q, "source": s}
         | ({"per": ...} if m == "valuation" else {}) for i, m, p, v, q, s in rows],
        [{"id": "s1"}, {"id": "s2", "published": "2024-09-01"}],
    )
    got = tf.comparisons(tf.prepare(frame))[COMPARE_COLUMNS].values.tolist()
    assert got == expected


def test_comparisons_frame_for_a_product_scope():
    frame = make_claims([
        {"id": "a", "metric": "operating_cost", "scope": "ChatGPT", "per": "day", "value": 700_000, "qualifier": "exact", "source": "s1"},
        {"id": "b", "metric": "operating_cost", "scope": "ChatGPT", "per": "day", "value": 1_000_000, "qualifier": "up_to", "source": "s2"},
    ], [{"id": "s1"}, {"id": "s2"}])
    expected = pd.DataFrame({
        "conflict_id": ["OpenAI|operating_cost|ChatGPT|2024|day"], "entity": ["OpenAI"], "metric": ["operating_cost"],
        "scope": ["ChatGPT"], "period": ["2024"], "per": ["day"], "unit": ["USD"], "status": ["consistent"],
        "low": [0.0], "high": [1_000_000.0], "low_claim": ["b"], "high_claim": ["b"], "capped": [False],
        "n_claims": [2], "n_sources": [2], "claim_ids": ["a, b"],
    })
    pd.testing.assert_frame_equal(tf.comparisons(tf.prepare(frame)), expected)


def test_figures_in_other_units_are_compared_too():
    frame = make_claims([
        {"id": "a", "metric": "users", "unit": "users", "per": ..., "value": 100e6, "qualifier": "exact", "source": "s1"},
        {"id": "b", "metric": "users", "unit": "users", "per": ..., "value": 150e6, "qualifier": "exact", "source": "s2"},
    ], [{"id": "s1"}, {"id": "s2"}])
    got = tf.comparisons(tf.prepare(frame))
    assert got[["conflict_id", "unit", "status", "per"]].values.tolist() == [["OpenAI|users|2024", "users", "disagree", None]]


@pytest.mark.parametrize(
    "change, compared",
    [
        ({"scope": "ChatGPT"}, False),  # a product's figure is never set against the company's
        ({"includes": ["training_cost", "compute_cost"]}, False),  # a bundle is not the line alone
        ({"per": "month", "value": 7e9 / 12}, False),  # different rates are different figures
        ({}, True),
    ],
)
def test_only_like_figures_are_compared(change, compared):
    frame = make_claims([
        {"id": "a", "metric": "training_cost", "value": 3e9, "qualifier": "up_to", "source": "s1"},
        {"id": "b", "metric": "training_cost", "value": 7e9, "qualifier": "at_least", "source": "s2"} | change,
    ], [{"id": "s1"}, {"id": "s2"}])
    assert (not tf.comparisons(tf.prepare(frame)).empty) is compared


def test_won_twin_is_never_a_disagreement():
    frame = make_claims([
        {"id": "usd", "metric": "valuation", "per": ..., "value": 830e9, "qualifier": "exact", "quote": "830B (1200T won)"},
        {"id": "krw", "metric": "valuation", "per": ..., "value": 1.2e15, "unit": "KRW", "qualifier": "approximately",
         "quote": "830B (1200T won)"},
        {"id": "other", "metric": "valuation", "per": ..., "value": 500e9, "source": "s2"},
    ], [{"id": "src-a"}, {"id": "s2"}])
    got = tf.conflicts(tf.prepare(frame))
    assert got["claim_ids"].tolist() == ["usd, other"]


def test_mark_conflicts(claims):
    marked = tf.mark_conflicts(tf.add_intervals(tf.add_period_dates(tf.to_usd(claims)))).set_index("id")["conflict_id"]
    assert marked[["cost-usd", "cost-krw", "loss-en", "loss-fr"]].isna().all()
    assert marked[["train-en", "train-fr"]].tolist() == ["OpenAI|training_cost|2024|year"] * 2


@pytest.mark.parametrize(
    "rows, as_of, expected",
    [
        # (id, basis, published, value, period)
        ([("a", "reported", "2024-01-01", 5, "2023"), ("b", "projected", "2025-01-01", 4, "2023")], None, "a"),
        ([("a", "estimated", "2024-01-01", 5, "2023"), ("b", "estimated", "2025-01-01", 9, "2023")], None, "b"),
        ([("a", "estimated", "2024-01-01", 5, "2023"), ("b", "estimated", "2024-01-01", 4, "2023")], None, "b"),
        ([("b", "forecast", "2024-01-01", 5, "2023"), ("a", "forecast", "2024-01-01", 5, "2023")], None, "a"),
        # the newest period wins over a more reliable basis in an older one
        ([("a", "reported", "2024-01-01", 5, "2023"), ("b", "projected", "2024-06-01", 9, "2024")], None, "b"),
        # ... unless it starts after the as-of date: a projection for a later period is never the headline
        ([("a", "reported", "2024-01-01", 5, "2023"), ("b", "projected", "2023-06-01", 9, "2024")], "2023-12-31", "a"),
        ([("a", "reported", "2024-01-01", 5, "2023"), ("b", "projected", "2023-06-01", 9, "2024")], "2024-01-01", "b"),
        # an undated article counts from the end of the period it was written in
        ([("a", "estimated", None, 5, "2023"), ("b", "estimated", "2024-06-01", 9, "2023")], None, "a"),
        ([("a", "estimated", None, 5, "2023"), ("b", "estimated", "2025-06-01", 9, "2023")], None, "b"),
    ],
)
def test_headline_rule(rows, as_of, expected):
    sources = [{"id": f"s-{r[0]}", "published": r[2]} | ({"written": "2024-H2"} if r[2] is None else {}) for r in rows]
    frame = make_claims(
        [{"id": r[0], "basis": r[1], "value": r[3], "period": r[4], "source": f"s-{r[0]}"} for r in rows], sources
    )
    assert tf.headline(tf.prepare(frame), as_of)["id"] == expected


def test_headline_prefers_a_stated_figure_to_an_annualised_rate():
    frame = make_claims([
        {"id": "daily", "metric": "compute_cost", "per": "day", "value": 1e6},
        {"id": "yearly", "metric": "compute_cost", "value": 4e9, "source": "s2"},
    ], [{"id": "src-a", "published": "2024-06-01"}, {"id": "s2", "published": "2024-01-01"}])
    year = tf.prepare(frame)
    assert tf.headline(year[year["per"] == "year"])["id"] == "yearly"


def test_headline_of_nothing_is_none(claims):
    assert tf.headline(tf.prepare(claims), "2000-01-01") is None


def test_headlines_pick_one_per_metric_scope_and_period(claims):
    got = tf.headlines(tf.prepare(claims)).set_index(["metric", "period"])["id"]
    # net loss 2024: estimated beats projected; operating cost 2023: the won twin is not a candidate
    assert got[("net_loss", "2024")] == "loss-fr"
    assert got[("operating_cost", "2023")] == "cost-usd"
    # training 2024: same basis, the undated article counts from the end of 2024, after 1 July 2024
    assert got[("training_cost", "2024")] == "train-en"
    whole = tf.headlines(tf.prepare(claims))
    assert whole.index.tolist() == list(range(len(whole))) and "index" not in whole


@pytest.mark.parametrize(
    "metric, per, period, published, unfinished",
    [
        ("net_loss", "year", "2024", "2024-07-01", True),
        ("net_loss", "year", "2023", "2024-07-01", False),
        ("net_loss", "year", "2024", "2024-12-31", True),  # the year's last day: not yet over
        ("net_loss", "year", "2024", "2025-01-01", False),
        ("operating_cost", "day", "2024", "2024-07-01", True),
        ("training_cost", None, "2024", "2024-07-01", False),  # a one-off total is not a rate
        ("subscription_price", "month", "2024", "2024-07-01", False),  # a price does not accrue
    ],
)
def test_unfinished(metric, per, period, published, unfinished):
    frame = make_claims([{"metric": metric, "per": per if per else ..., "period": period}], [{"published": published}])
    assert tf.unfinished(frame).tolist() == [unfinished]


def test_prepare_adds_every_derived_column(claims):
    prepared = tf.prepare(claims)
    for column in ["value_usd", "fx_basis", "source_date", "period_start", "period_mid", "low", "high", "finite_low",
                   "finite_high", "conflict_id", "derived", "derived_from"]:
        assert column in prepared
    assert len(prepared) == len(claims) + 3
    annualised = prepared.set_index("id").loc["cost-usd-annualised"]
    # "approximately" $700,000 a day: the annualised row keeps the +-10% of its qualifier
    assert (annualised["low"], annualised["high"]) == pytest.approx((0.9 * 700_000 * 365, 1.1 * 700_000 * 365))


ECHOED = [
    {"id": "chatgpt-2023", "metric": "operating_cost", "scope": "ChatGPT", "value": 700_000, "per": "day", "period": "2023",
     "source": "early"},
    {"id": "servers-2024", "metric": "operating_cost", "value": 700_000, "per": "day", "period": "2024", "source": "late"},
    {"id": "again-2024", "metric": "staff_cost", "value": 700_000, "per": "day", "period": "2024", "source": "early"},
    {"id": "same-year", "metric": "staff_cost", "value": 700_000, "per": "day", "period": "2023", "source": "late"},
]
ECHO_SOURCES = [{"id": "early", "published": "2023-06-01"}, {"id": "late", "published": "2024-06-01"}]


def test_echoes_name_each_later_repeat_and_recycled_follows_it_to_its_annualised_row():
    prepared = tf.prepare(make_claims(ECHOED, ECHO_SOURCES))
    # each 2024 figure repeats the other article's 2023 one, whatever its metric or scope; a figure of its own
    # article is no source of an echo
    assert tf.echoes(prepared) == {"servers-2024": ("chatgpt-2023",), "again-2024": ("same-year",)}
    assert tf.recycled(prepared) == {"servers-2024": ("chatgpt-2023",), "again-2024": ("same-year",),
                                     "servers-2024-annualised": ("chatgpt-2023",),
                                     "again-2024-annualised": ("same-year",)}
    assert sorted(tf.without_recycled(prepared)["id"]) == ["chatgpt-2023", "chatgpt-2023-annualised", "same-year",
                                                           "same-year-annualised"]


@pytest.mark.parametrize("later_metric, value, echoes, recycled", [
    ("net_loss", 5e9, {"loss-2025": ("loss-2024",)}, {"loss-2025": ("loss-2024",)}),  # the same kind of figure carried forward
    # a revenue figure that happens to equal a loss is an echo for the audit, not a repeat
    ("revenue", 5e9, {"loss-2025": ("loss-2024",)}, {}),
    ("net_loss", 0.0, {}, {}),  # zero twice is no figure copied
])
def test_only_an_echo_of_the_same_metric_is_recycled(later_metric, value, echoes, recycled):
    prepared = tf.prepare(make_claims([
        {"id": "loss-2024", "value": value, "period": "2024", "source": "early"},
        {"id": "loss-2025", "metric": later_metric, "value": value, "period": "2025", "source": "late"},
    ], ECHO_SOURCES))
    assert tf.echoes(prepared) == echoes
    assert tf.recycled(prepared) == recycled


@pytest.fixture
def in_euros():
    """Won twins and a won gift from one article, and two euro figures from another that gives no dollar figure."""
    return make_claims(
        [
            {"id": "cost-usd", "metric": "operating_cost", "value": 700_000, "per": "day", "period": "2023", "source": "ko",
             "quote": "700,000 dollars (930 million won)"},
            {"id": "cost-krw", "metric": "operating_cost", "value": 930_000_000, "unit": "KRW", "per": "day", "period": "2023",
             "source": "ko", "quote": "700,000 dollars (930 million won)"},
            {"id": "gift-krw", "entity": "Sam Altman", "metric": "donation", "value": 300_000_000, "unit": "KRW", "per": ...,
             "period": "2023", "source": "ko"},
            {"id": "price-eur", "metric": "subscription_price", "value": 20, "unit": "EUR", "per": "month", "period": "2024-H2",
             "source": "fr"},  # the middle of 2024-H2: 2024-09-30 12:00
            {"id": "loss-eur", "value": 4_500_000_000, "unit": "EUR", "period": "2023", "source": "fr"},  # 2023-07-02
        ],
        SOURCES,
    )


def euro_rates(*rates: tuple[str, float]):
    from lib.claims import ExchangeRate, ExchangeRates

    return ExchangeRates(ExchangeRate("EUR", per_usd, date, None, "a test rate") for date, per_usd in rates)


TWIN = 930_000_000 / 700_000


@pytest.mark.parametrize(
    "file_rates, session, expected",
    [
        ((), {}, {"price-eur": (None, "no rate"), "loss-eur": (None, "no rate")}),
        # the file's rate dated nearest the middle of each claim's period
        ((("2023-06-30", 0.90), ("2024-10-01", 0.95)), {}, {"price-eur": (0.95, "file rate"), "loss-eur": (0.90, "file rate")}),
        ((("2023-06-30", 0.90),), {}, {"price-eur": (0.90, "file rate"), "loss-eur": (0.90, "file rate")}),
        # two as near (12 hours either side of 2024-09-30 12:00): the earlier
        ((("2024-10-01", 0.99), ("2024-09-30", 0.91)), {}, {"price-eur": (0.91, "file rate"), "loss-eur": (0.91, "file rate")}),
        ((), {"EUR": 0.80}, {"price-eur": (0.80, "session rate"), "loss-eur": (0.80, "session rate")}),
        ((("2023-06-30", 0.90),), {"EUR": 0.80}, {"price-eur": (0.90, "file rate"), "loss-eur": (0.90, "file rate")}),
        # a twin and the article's own rate come before the reader's
        ((), {"KRW": 2000.0, "EUR": 0.80}, {"price-eur": (0.80, "session rate"), "loss-eur": (0.80, "session rate")}),
    ],
    ids=["none", "nearest", "only-one", "tie", "session", "file-before-session", "article-before-session"],
)
def test_to_usd_converts_with_the_first_rate_that_applies(in_euros, file_rates, session, expected):
    in_euros.attrs["exchange_rates"] = euro_rates(*file_rates)
    got = tf.to_usd(tf.with_session_rates(in_euros, session)).set_index("id")[["fx_rate", "fx_basis"]]
    rows = {"cost-usd": (1.0, "USD"), "cost-krw": (TWIN, "twin"), "gift-krw": (TWIN, "article rate"), **expected}
    wanted = pd.DataFrame({"fx_rate": [float("nan") if r is None else r for r, _ in rows.values()],
                           "fx_basis": [basis for _, basis in rows.values()]}, index=pd.Index(list(rows), name="id"))
    pd.testing.assert_frame_equal(got, wanted.astype({"fx_basis": "str"}))


def test_session_rates_reach_every_prepared_view(in_euros):
    given = tf.with_session_rates(in_euros, {"EUR": 0.9, "KRW": 0.0})  # a rate not above 0 is left out
    assert given.attrs["session_rates"] == (tf.SessionRate("EUR", 0.9),)
    assert "session_rates" not in in_euros.attrs, "the claims given are not changed"
    prepared = tf.prepare(tf.as_of(given, "2026-01-01", include_undated=True)).set_index("id")
    assert prepared.loc["loss-eur", "value_usd"] == 5_000_000_000
    assert prepared.loc["price-eur", "value_usd"] == pytest.approx(20 / 0.9)
    assert prepared.loc["price-eur-annualised", "fx_basis"] == "session rate"
