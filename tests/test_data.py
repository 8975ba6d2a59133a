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


def test_the_known_disagreements_are_kept(real_claims):
    groups = tf.conflicts(tf.to_usd(real_claims))
    training = groups[(groups["metric"] == "training_cost") & (groups["period"] == "2024")]
    assert (training[["low", "high"]].values.tolist()) == [[3e9, 7e9]]
    assert ((groups["metric"] == "investment") & (groups["entity"] == "OpenAI")).any()


def test_won_amounts_convert_to_their_dollar_twins(real_claims):
    rates = tf.implied_fx_rates(real_claims)
    assert set(rates["currency"]) == {"KRW"}
    assert rates["rate"].between(1300, 1500).all()
