"""lib.formatting: money, a claim's figure as the article gave it, and source lines."""
from __future__ import annotations

import pandas as pd
import pytest

from lib import formatting, transforms as tf
from tests.conftest import make_claims


@pytest.mark.parametrize(
    "value, expected",
    [(5e9, "$5.0B"), (700_000, "$700.0K"), (1.2e12, "$1.2T"), (20, "$20"), (-3.5e9, "-$3.5B"), (416.7e6, "$416.7M"), (None, "n/a"), (float("nan"), "n/a")],
)
def test_format_usd(value, expected):
    assert formatting.format_usd(value) == expected


@pytest.mark.parametrize(
    "value, unit, expected",
    [(930e6, "KRW", "₩930.0M"), (5e9, "EUR", "€5.0B"), (100e6, "users", "100.0M users"), (10, "GW", "10 GW"),
     (1000, "users", "1.0K users"), (999.6, "GPUs", "1,000 GPUs"), (16, "percent", "16%"), (None, "USD", "not quantified")],
)
def test_format_value(value, unit, expected):
    assert formatting.format_value(value, unit) == expected


@pytest.mark.parametrize(
    "value, unit, per, qualifier, expected",
    [(5e9, "USD", "year", "approximately", "≈ $5.0B a year"), (8e9, "USD", "year", "more_than", "> $8.0B a year"),
     (700_000, "USD", "day", "exact", "$700.0K a day"), (930e6, "KRW", None, "exact", "₩930.0M"),
     (10, "GW", None, "at_least", "≥ 10 GW"), (float("nan"), None, None, None, "")],
)
def test_claim_figure(value, unit, per, qualifier, expected):
    assert formatting.claim_figure({"value": value, "unit": unit, "per": per, "qualifier": qualifier}) == expected


@pytest.mark.parametrize("includes, expected", [
    ("training_cost,compute_cost", "≥ $7.0B a year (bundle of training cost + compute cost)"),
    (None, "≥ $7.0B a year"),
])
def test_claim_figure_says_what_a_bundle_includes(includes, expected):
    row = pd.Series({"value": 7e9, "unit": "USD", "per": "year", "qualifier": "at_least", "includes": includes})
    assert formatting.claim_figure(row) == expected


def test_source_line_names_articles_by_date_and_every_claim():
    prepared = tf.prepare(make_claims(
        [{"id": "loss-en", "value": 5e9, "period": "2024", "source": "a"},
         {"id": "val", "metric": "valuation", "value": 80e9, "per": ..., "period": "2024-10", "source": "b"}],
        [{"id": "a", "publisher": "Alpha", "published": "2023-08-13"}, {"id": "b", "publisher": "Beta", "published": None, "written": "2024-H2"}],
    ))
    line = formatting.source_line(prepared[prepared["id"].isin(["val", "loss-en"])])
    assert line == "Sources: Alpha, 13 Aug 2023; Beta, written 2024-H2."


def test_source_line_cites_epoch_ai_last_and_says_undated():
    """A row with neither a date nor the period it was written in (not one the loader passes, but a frame may hold
    it) is 'undated'; Epoch AI's short citation comes last."""
    claims = pd.DataFrame({"source_publisher": ["Alpha"], "source_published": [pd.NaT], "source_written": [None]})
    assert formatting.source_line(claims, peers=True) == "Sources: Alpha, undated; Epoch AI (CC BY 4.0)."
    assert formatting.source_label(claims.iloc[0]) == "Alpha (undated)"


def test_source_line_without_claims():
    assert formatting.source_line(pd.DataFrame(columns=["id"])) == "Sources: none (no claims match these settings)."


@pytest.mark.parametrize("row, expected", [
    ({"unit": "USD", "fx_rate": 1.0, "fx_basis": "USD"}, ""),
    ({"unit": "users", "fx_rate": float("nan"), "fx_basis": None}, ""),
    ({"unit": "EUR", "fx_rate": float("nan"), "fx_basis": "no rate"}, ""),
    ({"unit": "KRW", "fx_rate": 930_000_000 / 700_000, "fx_basis": "twin"}, "KRW at 1,329 per USD (its dollar twin in the same sentence)"),
    ({"unit": "KRW", "fx_rate": 1380.0, "fx_basis": "article rate"}, "KRW at 1,380 per USD (the rate its article implies)"),
    ({"unit": "EUR", "fx_rate": 0.92, "fx_basis": "file rate"}, "EUR at 0.92 per USD (the file's exchange rate nearest its period)"),
    ({"unit": "EUR", "fx_rate": 0.8, "fx_basis": "session rate"}, "EUR at 0.8 per USD (the rate given for this session)"),
])
def test_conversion_text_names_the_rate(row, expected):
    assert formatting.conversion_text(pd.Series(row)) == expected


@pytest.mark.parametrize("words, text", [
    ([], ""),
    (["revenue"], "revenue"),
    (["revenue", "funding"], "revenue and funding"),
    (["revenue", "funding", "compute spend"], "revenue, funding and compute spend"),
])
def test_and_list(words, text):
    assert formatting.and_list(words) == text


@pytest.mark.parametrize("quote, english, article, reader, expected", [
    ("손실은 50억 달러", "a loss of $5 billion", "ko", "ko", [("ko", "손실은 50억 달러"), ("en", "a loss of $5 billion")]),
    ("손실은 50억 달러", "a loss of $5 billion", "ko", "en", [("en", "a loss of $5 billion"), ("ko", "손실은 50억 달러")]),
    ("손실은 50억 달러", "a loss of $5 billion", "ko", "fr", [("en", "a loss of $5 billion"), ("ko", "손실은 50억 달러")]),
    ("une perte de 5 Md$", "a loss of $5B", "fr", "fr", [("fr", "une perte de 5 Md$"), ("en", "a loss of $5B")]),
    ("a loss of $5 billion", "a loss of $5 billion", "en", "ko", [("en", "a loss of $5 billion")]),
    (" a loss ", " a loss", "en", "en", [("en", "a loss")]),
    ("손실", None, "ko", "en", [("ko", "손실")]),
    ("손실", "  ", "ko", "en", [("ko", "손실")]),
])
def test_quotes_come_in_the_readers_order(quote, english, article, reader, expected):
    assert formatting.quotes_in_order(quote, english, article, reader) == expected
