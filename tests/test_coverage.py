"""lib.coverage: which figures of an article no claim carries and no dismissal covers."""
from __future__ import annotations

import pytest

from lib import coverage
from lib.claims import parse_claims
from tests.conftest import claims_document

import yaml

ARTICLE = ("OpenAI lost $5 billion in 2024. Revenue was $3.7 billion. It spent $700,000 a day on servers.\n\n"
           "ChatGPT has 200 million users, up 25%. A rival spent $700,000 on a party.\n")
LOSS = {"id": "loss", "quote": "OpenAI lost $5 billion in 2024.", "value": 5e9}
REVENUE = {"id": "revenue", "metric": "revenue", "quote": "Revenue was $3.7 billion.", "value": 3.7e9}
SERVERS = {"id": "servers", "metric": "operating_cost", "quote": "It spent $700,000 a day on servers.", "value": 7e5, "per": "day"}
USERS = {"id": "users", "metric": "users", "quote": "ChatGPT has 200 million users, up 25%.", "value": 2e8, "unit": "users",
         "per": ..., "qualifier": "exact"}
EVERY_FIGURE = ["$5 billion", "$3.7 billion", "$700,000", "200 million users", "25%", "$700,000"]


def frame(claims: list[dict], dismissed: list[dict] | None = None):
    doc = claims_document(claims)
    if dismissed:
        doc["dismissed"] = [{"source": "src-a", **d} for d in dismissed]
    return parse_claims(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), "test.yaml", {"a.txt": ARTICLE})


def texts(claims, dismissed=None) -> list[str]:
    return [figure.text for figure in coverage.uncurated(frame(claims, dismissed), {"a.txt": ARTICLE})]


@pytest.mark.parametrize("claims, dismissed, expected", [
    ([LOSS], None, EVERY_FIGURE[1:]),
    ([LOSS, REVENUE, SERVERS], None, ["200 million users", "25%", "$700,000"]),
    # a claim carries only the figures where its quote stands: the second $700,000 is another
    ([LOSS, REVENUE, SERVERS, USERS], None, ["25%", "$700,000"]),
    # a dismissal's longer text picks out the second of two equal figures
    ([LOSS, REVENUE, SERVERS, USERS], [{"text": "up 25%", "reason": "r"}, {"text": "spent $700,000 on a party", "reason": "r"}], []),
    # a dismissal of the figure alone covers both places it stands
    ([LOSS, REVENUE], [{"text": "$700,000", "reason": "r"}], ["200 million users", "25%"]),
])
def test_uncurated_figures_are_those_no_claim_carries_and_no_dismissal_covers(claims, dismissed, expected):
    assert texts(claims, dismissed) == expected


@pytest.mark.parametrize("changed", [
    {"value": 5.1e9},  # the quote holds the figure, the value is another
    {"unit": "EUR"},  # the value is the figure's, in another currency
])
def test_a_claim_carries_a_figure_only_with_its_value_and_currency(changed):
    assert texts([{**LOSS, **changed}, REVENUE, SERVERS, USERS]) == ["$5 billion", "25%", "$700,000"]


def test_an_uncurated_figure_says_where_it_stands():
    found = coverage.uncurated(frame([LOSS]), {"a.txt": ARTICLE})[0]
    assert found == coverage.Uncurated("src-a", "a.txt", "$3.7 billion", 3.7e9, "USD", "Revenue was $3.7 billion.", 44, 56)
    assert ARTICLE[found.start:found.end] == "$3.7 billion"


KOREAN = "회원 1억 명을 모았다.\n"


def test_a_count_is_carried_in_any_count_unit():
    """The finder reads 명 (persons); whether they are users or people is the curator's call."""
    claim = {"id": "users-ko", "metric": "users", "quote": "회원 1억 명을 모았다.", "value": 1e8, "unit": "users", "per": ...,
             "qualifier": "exact"}
    doc = yaml.safe_dump(claims_document([claim], [{"language": "ko"}]), sort_keys=False, allow_unicode=True)
    assert coverage.uncurated(parse_claims(doc, "test.yaml", {"a.txt": KOREAN}), {"a.txt": KOREAN}) == []


def test_an_article_neither_given_nor_stored_is_skipped():
    assert coverage.uncurated(frame([LOSS]), {}) == []


def test_the_bundled_articles_have_no_uncurated_figure(real_claims):
    assert coverage.uncurated(real_claims) == []
