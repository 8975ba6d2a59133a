"""The bundled dataset: it validates, and every quote stands verbatim in its article."""
from __future__ import annotations

import html
import re
import unicodedata

import pytest

from lib import transforms as tf
from tests.conftest import ROOT, real_claims  # noqa: F401  (fixture)

SOURCES_DIR = ROOT / "data" / "sources"


def normalised_article(file_name: str) -> str:
    """Article text with HTML markup removed, entities decoded and whitespace folded."""
    text = (SOURCES_DIR / file_name).read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return normalised(text)


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def test_real_file_validates_with_the_expected_size(real_claims):
    assert 60 <= len(real_claims) <= 90
    assert real_claims["source"].nunique() == 5


def test_every_source_file_is_bundled(real_claims):
    for file_name in set(real_claims["source_file"]):
        assert (SOURCES_DIR / file_name).is_file(), file_name


def test_every_quote_is_verbatim_in_its_article(real_claims):
    missing = [
        f"{row.id}: {row.quote!r}"
        for row in real_claims.itertuples()
        if normalised(row.quote) not in normalised_article(row.source_file)
    ]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("marker", ["...", "…"])
def test_no_quote_is_elided(real_claims, marker):
    assert not real_claims["quote"].str.contains(marker, regex=False).any()


def test_figures_two_articles_give_are_compared_by_their_intervals(real_claims):
    compared = tf.comparisons(tf.prepare(real_claims))
    got = compared[["conflict_id", "status", "low", "high", "low_claim", "high_claim"]].values.tolist()
    assert got == [
        ["OpenAI|investment|2023", "consistent", 10e9, 10e9, "openai-microsoft-investment-2023-ko", "openai-microsoft-investment-2023-ko"],
        ["OpenAI|net_loss|2024|year", "consistent", 4.5e9, 5.5e9, "openai-net-loss-2024-en", "openai-net-loss-2024-en"],
        # "currently valued at $80 billion" (written 2024) against $157 billion at 2024-10: a stock dated within 2024
        ["OpenAI|valuation|2024, 2024-10", "disagree", 80e9, 157e9, "openai-valuation-2024-fr", "openai-valuation-2024-10-ko"],
    ]


def test_the_bundled_training_figure_is_not_set_against_training_alone(real_claims):
    prepared = tf.prepare(real_claims).set_index("id")
    assert prepared.loc["openai-training-cost-2024-fr", "includes"] == "training_cost,compute_cost"
    assert prepared[["conflict_id"]].loc[["openai-training-cost-2024-fr", "openai-training-cost-2024-en"]].isna().all().all()


def test_no_figure_for_an_unfinished_period_is_reported_or_estimated(real_claims):
    open_periods = real_claims[tf.unfinished(real_claims)]
    assert set(open_periods["basis"]) <= {"projected"}, open_periods[["id", "basis"]]
    assert len(open_periods) == 15


def test_narrower_figures_name_their_scope(real_claims):
    scoped = real_claims[real_claims["scope"] != "company"].set_index("id")["scope"]
    assert scoped.to_dict() == {
        "openai-chatgpt-operating-cost-2023-ko-usd": "ChatGPT", "openai-chatgpt-operating-cost-2023-ko-krw": "ChatGPT",
        "openai-chatgpt-users-2023-01-ko": "ChatGPT", "openai-chatgpt-users-2023-06-ko": "ChatGPT",
        "openai-chatgpt-users-2023-07-ko": "ChatGPT", "openai-chatgpt-user-decline-2023-07-ko": "ChatGPT",
        "openai-gpt4-subscription-price-2023-ko": "GPT-4", "openai-gpt4-training-cost-ko": "GPT-4",
        "openai-gpt4-data-cost-ko": "GPT-4", "openai-chatgpt-operating-cost-2023-en": "ChatGPT",
    }


def test_undated_articles_say_when_they_were_written(real_claims):
    sources = real_claims.drop_duplicates("source").set_index("source")
    undated = sources[sources["source_published"].isna()]["source_written"].to_dict()
    assert undated == {"ko-2024-vietnamnet-msft-openai": "2024-Q4", "en-2024-openai-financial-struggles": "2024",
                       "fr-2024-lebigdata": "2024"}


def test_every_outside_fact_is_marked_in_the_note(real_claims):
    outside = real_claims[real_claims["note"].str.contains("Outside knowledge: ", regex=False, na=False)]
    assert sorted(outside["id"]) == [
        "altman-biden-donation-2023-ko", "apple-google-partnership-2026-01-ko", "microsoft-inflection-acquisition-cost-2024-ko",
        "openai-altman-ouster-2023-ko", "openai-chatgpt-monetisation-2022-en", "openai-chatgpt-user-decline-2023-07-ko",
        "openai-chatgpt-users-2023-06-ko", "openai-chatgpt-users-2023-07-ko", "openai-executives-courted-2024-03-ko",
        "openai-gpt4-data-cost-ko", "openai-gpt4-subscription-price-2023-ko", "openai-gpt4-training-cost-ko",
        "openai-microsoft-investment-2023-ko", "openai-microsoft-investment-fr", "openai-net-loss-2023-ko",
        "openai-nvidia-investment-commitment-2025-09-ko-usd", "openai-training-cost-2024-fr", "xai-nvidia-a100-purchase-2023-ko",
    ]


def test_a_counterparty_the_article_does_not_name_is_listed_as_inferred(real_claims):
    xai = real_claims.set_index("id").loc["xai-nvidia-a100-purchase-2023-ko"]
    assert (xai["counterparty"], xai["inferred"]) == ("Nvidia", "period,counterparty")


def test_the_ipo_thresholds_read_10_years_or_more(real_claims):
    rows = real_claims.set_index("id").loc[["ipo-history-threshold-ko", "ipo-revenue-threshold-ko"]]
    assert rows["quote_en"].str.contains("10 years or more of operating history", regex=False).all()
    assert rows["qualifier"].tolist() == ["at_least", "at_least"]


def test_the_training_notes_treat_the_7b_as_a_bundle_not_a_disagreement(real_claims):
    notes = real_claims.set_index("id").loc[["openai-training-cost-2024-en", "openai-training-cost-2024-fr"], "note"]
    assert not notes.str.contains("disagree", case=False).any()
    assert notes.str.contains("bundle", regex=False).all()


def test_won_amounts_convert_to_their_dollar_twins(real_claims):
    rates = tf.implied_fx_rates(real_claims)
    assert set(rates["currency"]) == {"KRW"}
    assert rates["rate"].between(1300, 1500).all()
