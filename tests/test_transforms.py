"""lib.transforms: each transform checked against a hand-built expected frame."""
from __future__ import annotations

import pandas as pd
import pytest

from lib import transforms as tf
from tests.conftest import make_claims

SOURCES = [
    {"id": "ko", "language": "ko", "published": "2023-08-13"},
    {"id": "en", "published": None},
    {"id": "fr", "language": "fr", "published": "2024-07-01"},
]


@pytest.fixture
def claims():
    return make_claims(
        [
            {"id": "cost-usd", "metric": "operating_cost", "value": 700_000, "per": "day", "period": "2023", "source": "ko"},
            {"id": "cost-krw", "metric": "operating_cost", "value": 930_000_000, "unit": "KRW", "per": "day", "period": "2023", "source": "ko"},
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


def test_implied_fx_rates(claims):
    expected = pd.DataFrame(
        {"source": ["ko"], "currency": ["KRW"], "rate": [930_000_000 / 700_000], "usd_claim": ["cost-usd"], "claim": ["cost-krw"]}
    )
    pd.testing.assert_frame_equal(tf.implied_fx_rates(claims), expected)


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


@pytest.mark.parametrize(
    "date, include_undated, ids",
    [
        (None, False, ["cost-usd", "cost-krw", "gift-krw", "loss-en", "loss-fr", "train-en", "train-fr", "price-eur"]),
        ("2023-08-12", False, []),
        ("2023-08-13", False, ["cost-usd", "cost-krw", "gift-krw"]),
        ("2023-08-13", True, ["cost-usd", "cost-krw", "gift-krw", "loss-en", "train-en"]),
        ("2024-07-01", False, ["cost-usd", "cost-krw", "gift-krw", "loss-fr", "train-fr", "price-eur"]),
    ],
)
def test_as_of(claims, date, include_undated, ids):
    assert list(tf.as_of(claims, date, include_undated)["id"]) == ids


def test_conflicts(claims):
    expected = pd.DataFrame(
        {
            "conflict_id": ["OpenAI|training_cost|2024|year"],
            "entity": ["OpenAI"],
            "metric": ["training_cost"],
            "period": ["2024"],
            "per": ["year"],
            "unit": ["USD"],
            "low": [3e9],
            "high": [7e9],
            "n_claims": [2],
            "n_sources": [2],
            "claim_ids": ["train-en, train-fr"],
        }
    )
    pd.testing.assert_frame_equal(tf.conflicts(tf.to_usd(claims)), expected)


def test_won_twin_and_agreeing_sources_are_no_conflict(claims):
    marked = tf.mark_conflicts(tf.to_usd(claims)).set_index("id")["conflict_id"]
    assert marked[["cost-usd", "cost-krw", "loss-en", "loss-fr"]].isna().all()
    assert marked["train-fr"] == "OpenAI|training_cost|2024|year"


def test_headlines_follow_the_documented_rule(claims):
    got = tf.headlines(tf.to_usd(claims)).set_index(["metric", "period"])["id"]
    # net loss 2024: estimated beats projected; training 2024: same basis, dated source beats undated.
    assert got[("net_loss", "2024")] == "loss-fr"
    assert got[("training_cost", "2024")] == "train-fr"
    # operating cost 2023: same basis and source: the lower value, then the id, so the pair resolves stably.
    assert got[("operating_cost", "2023")] == "cost-krw"


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([("a", "reported", None, 5), ("b", "projected", "2025-01-01", 4)], "a"),
        ([("a", "estimated", "2024-01-01", 5), ("b", "estimated", "2025-01-01", 9)], "b"),
        ([("a", "estimated", None, 5), ("b", "estimated", "2020-01-01", 9)], "b"),
        ([("a", "estimated", "2024-01-01", 5), ("b", "estimated", "2024-01-01", 4)], "b"),
        ([("b", "forecast", "2024-01-01", 5), ("a", "forecast", "2024-01-01", 5)], "a"),
    ],
)
def test_headline_rule_table(rows, expected):
    sources = [{"id": f"s-{r[0]}", "published": r[2]} for r in rows]
    frame = make_claims(
        [{"id": r[0], "basis": r[1], "value": r[3], "source": f"s-{r[0]}"} for r in rows], sources
    )
    assert tf.headlines(tf.to_usd(frame))["id"].tolist() == [expected]


def test_prepare_adds_every_derived_column(claims):
    prepared = tf.prepare(claims)
    for column in ["value_usd", "fx_basis", "period_start", "period_mid", "conflict_id", "derived", "derived_from"]:
        assert column in prepared
    assert len(prepared) == len(claims) + 3
